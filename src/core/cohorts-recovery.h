/* cohorts-recovery.h: unsaved changes kept for after a crash
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cohorts-plan.h"

G_BEGIN_DECLS

/**
 * CohortsRecovery:
 * @id: names the files: ID.matplan (the plan) and ID.recovery (this)
 * @plan_path: the recovered plan's file
 * @original_uri: (nullable): where the plan is saved; %NULL for a new plan
 * @title: the plan's name when it was written, for people
 * @time: when it was written
 * @pid: the process that wrote it
 * @start_time: when that process started (Linux clock ticks since boot; 0
 *   where unknown), so that a new process with a reused ID is not taken
 *   for it
 */
typedef struct
{
  char *id;
  char *plan_path;
  char *original_uri;
  char *title;
  GDateTime *time;
  int pid;
  guint64 start_time;
} CohortsRecovery;

void             cohorts_recovery_free         (CohortsRecovery  *recovery);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CohortsRecovery, cohorts_recovery_free)

char            *cohorts_recovery_get_dir      (void);
char            *cohorts_recovery_new_id       (void);
gboolean         cohorts_recovery_write        (const char       *id,
                                                GBytes           *plan,
                                                const char       *original_uri,
                                                const char       *title,
                                                GError          **error);
CohortsRecovery *cohorts_recovery_read         (const char       *id,
                                                GError          **error);
GPtrArray       *cohorts_recovery_list_orphans (void);
gboolean         cohorts_recovery_is_orphan    (const CohortsRecovery *recovery);
gboolean         cohorts_recovery_claim        (CohortsRecovery  *recovery,
                                                GError          **error);
CohortsPlan     *cohorts_recovery_load         (const CohortsRecovery *recovery,
                                                GError          **error);
void             cohorts_recovery_discard      (const char       *id);

G_END_DECLS
