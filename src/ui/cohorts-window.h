/* cohorts-window.h: a window showing one plan
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cohorts-application.h"
#include "cohorts-plan.h"
#include "cohorts-print-choices.h"

G_BEGIN_DECLS

#define COHORTS_TYPE_WINDOW (cohorts_window_get_type ())

/* Seconds from the first unsaved change to its autosave. */
#define COHORTS_AUTOSAVE_INTERVAL 60

G_DECLARE_FINAL_TYPE (CohortsWindow, cohorts_window, COHORTS, WINDOW, AdwApplicationWindow)

CohortsWindow *cohorts_window_new       (CohortsApplication *application);
void           cohorts_window_open_file (CohortsWindow      *self,
                                         GFile              *file);
void           cohorts_window_set_plan  (CohortsWindow      *self,
                                         CohortsPlan        *plan,
                                         GFile              *file);
CohortsPlan   *cohorts_window_get_plan  (CohortsWindow      *self);
GFile         *cohorts_window_get_file  (CohortsWindow      *self);
gboolean       cohorts_window_is_empty  (CohortsWindow      *self);

void           cohorts_window_export_timeline     (CohortsWindow             *self,
                                                   GFile                     *file,
                                                   const CohortsPrintChoices *choices);
void           cohorts_window_export_board_pack   (CohortsWindow             *self,
                                                   GFile                     *file);
void           cohorts_window_export_diocese_summary (CohortsWindow          *self,
                                                      GFile                  *file,
                                                      const char             *diocese,
                                                      CohortsPaperSize        paper);
void           cohorts_window_import_register     (CohortsWindow             *self,
                                                   GFile                     *file);
gboolean       cohorts_window_show_subject        (CohortsWindow             *self,
                                                   const char                *subject);
void           cohorts_window_set_review_mode     (CohortsWindow             *self,
                                                   gboolean                   review_mode);
gboolean       cohorts_window_get_review_mode     (CohortsWindow             *self);
char          *cohorts_window_get_reviewer_name   (CohortsWindow             *self);
GtkWindow     *cohorts_window_show_review         (CohortsWindow             *self);
GtkWindow     *cohorts_window_show_add_from_register (CohortsWindow           *self);
GtkWindow     *cohorts_window_show_refresh_from_register (CohortsWindow       *self);
GtkWindow     *cohorts_window_show_suggest_cohorts       (CohortsWindow       *self);
gboolean       cohorts_window_autosave_now        (CohortsWindow             *self);
gboolean       cohorts_window_is_autosaving       (CohortsWindow             *self);
const char    *cohorts_window_get_recovery_id     (CohortsWindow             *self);
GtkWindow     *cohorts_window_offer_recovery      (CohortsWindow             *self);
void           cohorts_window_compare_with        (CohortsWindow             *self,
                                                   GFile                     *file);
GtkWindow     *cohorts_window_show_diocese_summary (CohortsWindow            *self,
                                                   const char               *diocese);
const char    *cohorts_window_get_diocese         (CohortsWindow             *self);
GtkWindow     *cohorts_window_show_export_options (CohortsWindow             *self,
                                                   GFile                     *file);

G_END_DECLS
