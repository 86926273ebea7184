/* cohorts-history.h: undoable commands
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _CohortsCommand CohortsCommand;

/**
 * CohortsCommandClass:
 * @apply: makes the change (again, for redo)
 * @revert: undoes exactly what @apply did
 * @finalize: frees what the command holds (not the command itself)
 *
 * One kind of edit. A command records enough to apply and revert itself any
 * number of times, in strict alternation.
 */
typedef struct
{
  void (*apply)    (CohortsCommand *command);
  void (*revert)   (CohortsCommand *command);
  void (*finalize) (CohortsCommand *command);
} CohortsCommandClass;

struct _CohortsCommand
{
  const CohortsCommandClass *klass;
  char *label;
  guint64 serial;
};

gpointer cohorts_command_new  (const CohortsCommandClass *klass,
                               gsize                      size,
                               const char                *label);
void     cohorts_command_free (CohortsCommand            *command);

#define COHORTS_TYPE_HISTORY (cohorts_history_get_type ())

G_DECLARE_FINAL_TYPE (CohortsHistory, cohorts_history, COHORTS, HISTORY, GObject)

CohortsHistory *cohorts_history_new            (void);
void            cohorts_history_push           (CohortsHistory *self,
                                                CohortsCommand *command);
void            cohorts_history_begin_group    (CohortsHistory *self,
                                                const char     *label);
void            cohorts_history_end_group      (CohortsHistory *self);
gboolean        cohorts_history_undo           (CohortsHistory *self);
gboolean        cohorts_history_redo           (CohortsHistory *self);
gboolean        cohorts_history_can_undo       (CohortsHistory *self);
gboolean        cohorts_history_can_redo       (CohortsHistory *self);
const char     *cohorts_history_get_undo_label (CohortsHistory *self);
const char     *cohorts_history_get_redo_label (CohortsHistory *self);
void            cohorts_history_clear          (CohortsHistory *self);
void            cohorts_history_mark_saved     (CohortsHistory *self);
void            cohorts_history_mark_unsaved   (CohortsHistory *self);
gboolean        cohorts_history_is_modified    (CohortsHistory *self);

G_END_DECLS
