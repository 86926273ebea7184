/* cohorts-editor.h: edits a school, a cohort, or the plan and its trust
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cohorts-plan.h"

G_BEGIN_DECLS

#define COHORTS_TYPE_EDITOR (cohorts_editor_get_type ())

G_DECLARE_FINAL_TYPE (CohortsEditor, cohorts_editor, COHORTS, EDITOR, AdwBin)

GtkWidget *cohorts_editor_new         (void);
gboolean        cohorts_editor_is_complete       (CohortsEditor *self);
void       cohorts_editor_set_subject (CohortsEditor *self,
                                       CohortsPlan   *plan,
                                       GObject       *subject);
GObject   *cohorts_editor_get_subject (CohortsEditor *self);
void       cohorts_editor_set_findings (CohortsEditor *self,
                                        GPtrArray     *findings);
GtkWidget *cohorts_editor_get_row     (CohortsEditor *self,
                                       const char    *property);
GtkWidget *cohorts_editor_get_review_group (CohortsEditor *self);
void       cohorts_editor_set_review_mode (CohortsEditor *self,
                                           gboolean       review_mode);
void       cohorts_editor_set_move_menu (CohortsEditor *self,
                                         GMenuModel    *menu);

G_END_DECLS
