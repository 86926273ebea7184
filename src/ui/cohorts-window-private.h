/* cohorts-window-private.h: what the window's files share
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cohorts-editor.h"
#include "cohorts-school-list.h"
#include "cohorts-sidebar.h"
#include "cohorts-timeline-page.h"
#include "cohorts-window.h"

G_BEGIN_DECLS

struct _CohortsWindow
{
  AdwApplicationWindow parent_instance;

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  AdwWindowTitle *window_title;
  GtkStack *stack;
  GtkPaned *outer_paned;
  GtkPaned *inner_paned;
  CohortsSidebar *sidebar;
  AdwViewStack *view_stack;
  CohortsSchoolList *school_list;
  CohortsTimelinePage *timeline_page;
  CohortsTimeline *timeline;
  CohortsEditor *editor;
  GtkMenuButton *findings_button;
  GtkListBox *findings_list;
  GtkLabel *findings_label;
  GtkImage *findings_icon;
  GtkSpinner *spinner;
  GtkLabel *loading_label;
  GtkWidget *undo_button;
  GtkToggleButton *editor_toggle;
  GtkWidget *redo_button;
  GMenu *undo_section;
  AdwPreferencesGroup *recent_group;

  CohortsPlan *plan;
  GFile *file;
  GCancellable *cancellable;
  GtkNativeDialog *chooser;
  GMenu *school_menu;
  CohortsPrintChoices *print_choices;    /* the last printed or exported, for the next */
  GtkPrintOperation *print_operation;    /* while the print dialog is open */
  GCancellable *busy_cancellable;      /* while exporting or importing */
  AdwMessageDialog *progress_dialog;
  GtkProgressBar *progress_bar;
  GtkWindow *register_dialog;          /* Add Schools from Register, while open */
  gboolean add_after_import;           /* the import began in that dialog */
  GPtrArray *recent_rows;
  guint findings_source;
  guint menu_source;

  /* Autosave (cohorts-window-recovery.c) */
  char *recovery_id;                   /* names the recovery files, once written */
  guint autosave_source;
  guint recovery_generation;           /* bumped when the recovery is discarded */
  gboolean autosave_pending;           /* changed since the last save or autosave */
  gboolean autosaving;
  gboolean autosave_again;

  gboolean panes_placed;
  gboolean selecting_from_timeline;
  gboolean saving;
  gboolean close_after_save;
  gboolean close_confirmed;

  /* Review mode */
  GtkRevealer *review_banner;
  gboolean review_mode;
  char *reviewer_name;                 /* when there are no settings to keep it */
  GtkWindow *review_window;            /* every comment, while open */

  /* The diocese view (cohorts-window-diocese.c) */
  GtkRevealer *diocese_banner;
  GtkLabel *diocese_label;
  GMenu *diocese_menu;
  char *diocese;                       /* the key of the diocese shown, or NULL */
  guint diocese_source;
  GtkWindow *diocese_window;           /* the Diocese Summary, while open */
  char *diocese_menu_shown;            /* the dioceses and counts the menu lists */
};

/* cohorts-window-actions.c: editing */
void cohorts_window_class_init_actions (GtkWidgetClass *widget_class);
void cohorts_window_init_actions       (CohortsWindow  *self);
void cohorts_window_plan_set           (CohortsWindow  *self);
void cohorts_window_update_edit_actions (CohortsWindow *self);
void cohorts_window_toast              (CohortsWindow  *self,
                                        const char     *message);
void cohorts_window_show_error         (CohortsWindow  *self,
                                        const char     *heading,
                                        const char     *body);
CohortsCohort *cohorts_window_get_selected_cohort (CohortsWindow *self);
GFile *cohorts_window_take_chosen_file (CohortsWindow   *self,
                                        GtkNativeDialog *dialog,
                                        int              response);
void cohorts_window_select_school      (CohortsWindow  *self,
                                        CohortsSchool  *school);
void cohorts_window_refresh_findings   (CohortsWindow  *self);

/* A modal dialog with a progress bar and Cancel; the window is insensitive
 * meanwhile and self->busy_cancellable set. */
void cohorts_window_begin_progress     (CohortsWindow  *self,
                                        const char     *heading,
                                        const char     *body,
                                        const char     *text);
void cohorts_window_report_progress    (CohortsWindow  *self,
                                        double          fraction,
                                        const char     *text);
void cohorts_window_end_progress       (CohortsWindow  *self);

/* cohorts-window-export.c: printing and exporting */
void cohorts_window_class_init_export     (GtkWidgetClass *widget_class);
void cohorts_window_dispose_export        (CohortsWindow  *self);
void cohorts_window_update_export_actions (CohortsWindow  *self);
void cohorts_window_forget_print_choices  (CohortsWindow  *self);

/* cohorts-window-register.c: the DfE's school register */
void     cohorts_window_class_init_register     (GtkWidgetClass *widget_class);
void     cohorts_window_update_register_actions (CohortsWindow  *self);
gboolean cohorts_window_is_register_file        (GFile          *file);

/* cohorts-window-recovery.c: autosave, recovery after a crash */
void cohorts_window_init_recovery          (CohortsWindow  *self);
void cohorts_window_dispose_recovery       (CohortsWindow  *self);
void cohorts_window_finalize_recovery      (CohortsWindow  *self);
void cohorts_window_recovery_plan_set      (CohortsWindow  *self);
void cohorts_window_recovery_plan_changed  (CohortsWindow  *self);
void cohorts_window_recovery_saved         (CohortsWindow  *self);
void cohorts_window_discard_recovery       (CohortsWindow  *self);
char *cohorts_window_dup_plan_name         (CohortsWindow  *self);
/* cohorts-window-compare.c: Compare with… */
void cohorts_window_class_init_compare     (GtkWidgetClass *widget_class);
void cohorts_window_update_compare_actions (CohortsWindow  *self);
GtkWindow *cohorts_window_show_changes     (CohortsWindow  *self,
                                            GPtrArray      *changes,
                                            const char     *name);
/* cohorts-window-baselines.c: Save Baseline…, Compare with Baseline, showing one */
void cohorts_window_class_init_baselines    (GtkWidgetClass *widget_class);
void cohorts_window_update_baseline_actions (CohortsWindow  *self);
/* cohorts-window-review.c: review mode, comments and decisions */
void cohorts_window_class_init_review (GtkWidgetClass *widget_class);
void cohorts_window_init_review       (CohortsWindow  *self);
void cohorts_window_dispose_review    (CohortsWindow  *self);
void cohorts_window_review_plan_set   (CohortsWindow  *self,
                                       CohortsPlan    *old_plan);

/* cohorts-window-diocese.c: one diocese's schools, its summary and PDF */
void cohorts_window_class_init_diocese  (GtkWidgetClass *widget_class);
void cohorts_window_init_diocese        (CohortsWindow  *self);
void cohorts_window_dispose_diocese     (CohortsWindow  *self);
void cohorts_window_diocese_plan_set    (CohortsWindow  *self);
void cohorts_window_update_diocese_actions (CohortsWindow *self);
GPtrArray *cohorts_window_filter_findings (CohortsWindow *self,
                                           GPtrArray     *findings);

/* cohorts-window-suggest.c: Suggest Cohorts */
void cohorts_window_class_init_suggest     (GtkWidgetClass *widget_class);
void cohorts_window_update_suggest_actions (CohortsWindow  *self);

G_END_DECLS
