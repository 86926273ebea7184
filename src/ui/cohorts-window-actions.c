/* cohorts-window-actions.c: editing a plan in its window
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sidebar chooses which schools the list shows; the selection in the
 * list (or else the cohort chosen, or else the plan) is what the editor
 * edits. The window's actions act on them: undo and redo, new plan, add and
 * remove schools, move schools to a cohort, new, reorder and delete
 * cohorts, find. Their keyboard shortcuts are set in one place, the
 * application's start-up.
 */
#define G_LOG_DOMAIN "cohorts-window"

#include "config.h"

#include <glib/gi18n.h>

#include "cohorts-date-reason.h"
#include "cohorts-ui-util.h"

#include "cohorts-application.h"
#include "cohorts-diocese.h"
#include "cohorts-window-private.h"

void
cohorts_window_toast (CohortsWindow *self,
                      const char    *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 4);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
cohorts_window_show_error (CohortsWindow *self,
                           const char    *heading,
                           const char    *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Work in a thread: progress, cancel */

static void
progress_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      CohortsWindow    *self)
{
  if (self->busy_cancellable != NULL)
    g_cancellable_cancel (self->busy_cancellable);
}

static void
update_busy_actions (CohortsWindow *self)
{
  cohorts_window_update_export_actions (self);
  cohorts_window_update_register_actions (self);
  cohorts_window_update_compare_actions (self);
  cohorts_window_update_suggest_actions (self);
}

/**
 * cohorts_window_begin_progress:
 * @text: what the bar says until the first report
 *
 * Shows a modal dialog with a progress bar and Cancel, which cancels
 * self->busy_cancellable. Nothing changes the plan until
 * cohorts_window_end_progress(): the window is insensitive.
 */
void
cohorts_window_begin_progress (CohortsWindow *self,
                               const char    *heading,
                               const char    *body,
                               const char    *text)
{
  GtkWidget *dialog, *bar;

  g_assert (self->busy_cancellable == NULL);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"));
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  bar = gtk_progress_bar_new ();
  gtk_progress_bar_set_show_text (GTK_PROGRESS_BAR (bar), TRUE);
  gtk_progress_bar_set_text (GTK_PROGRESS_BAR (bar), text);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), bar);
  g_signal_connect (dialog, "response", G_CALLBACK (progress_response_cb), self);
  self->progress_dialog = g_object_ref (ADW_MESSAGE_DIALOG (dialog));
  self->progress_bar = GTK_PROGRESS_BAR (bar);
  self->busy_cancellable = g_cancellable_new ();
  update_busy_actions (self);

  gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef struct
{
  CohortsWindow *self;
  double fraction;
  char *text;
} Progress;

static gboolean
show_progress (gpointer user_data)
{
  Progress *progress = user_data;
  CohortsWindow *self = progress->self;

  if (self->progress_bar == NULL)
    return G_SOURCE_REMOVE;

  gtk_progress_bar_set_fraction (self->progress_bar, progress->fraction);
  gtk_progress_bar_set_text (self->progress_bar, progress->text);
  return G_SOURCE_REMOVE;
}

static void
progress_free (Progress *progress)
{
  g_object_unref (progress->self);
  g_free (progress->text);
  g_free (progress);
}

/**
 * cohorts_window_report_progress:
 *
 * Moves the progress dialog's bar; may be called from any thread.
 */
void
cohorts_window_report_progress (CohortsWindow *self,
                                double         fraction,
                                const char    *text)
{
  Progress *progress = g_new0 (Progress, 1);

  progress->self = g_object_ref (self);
  progress->fraction = CLAMP (fraction, 0.0, 1.0);
  progress->text = g_strdup (text);
  /* Always through the main loop: g_main_context_invoke() would run GTK
   * code here, in the worker, whenever the main thread is between two
   * iterations. */
  {
    GSource *source = g_idle_source_new ();

    g_source_set_priority (source, G_PRIORITY_DEFAULT);
    g_source_set_callback (source, show_progress, progress, (GDestroyNotify) progress_free);
    g_source_attach (source, NULL);
    g_source_unref (source);
  }
}

void
cohorts_window_end_progress (CohortsWindow *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self), TRUE);
  g_clear_object (&self->busy_cancellable);
  update_busy_actions (self);
  self->progress_bar = NULL;
  if (self->progress_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->progress_dialog));
  g_clear_object (&self->progress_dialog);
}

/* A toast offering to undo what was just done. */
static void
toast_with_undo (CohortsWindow *self,
                 const char    *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

CohortsCohort *
cohorts_window_get_selected_cohort (CohortsWindow *self)
{
  CohortsGroup *group = cohorts_sidebar_get_selected_group (self->sidebar);

  return group ? cohorts_group_get_cohort (group) : NULL;
}

/* The schools the school actions act on: the selection in the list. */
static GPtrArray *
selected_schools (CohortsWindow *self)
{
  return cohorts_school_list_get_selected (self->school_list);
}

static void
update_subject (CohortsWindow *self)
{
  g_autoptr(GPtrArray) schools = NULL;
  GObject *subject = NULL;

  if (self->plan != NULL)
    {
      schools = selected_schools (self);
      if (schools->len > 0)
        subject = g_ptr_array_index (schools, 0);
      else if (cohorts_window_get_selected_cohort (self) != NULL)
        subject = G_OBJECT (cohorts_window_get_selected_cohort (self));
      else
        subject = G_OBJECT (self->plan);
    }

  cohorts_editor_set_subject (self->editor, self->plan, subject);
}

/* Whether an undo step is one of the review's: adding or resolving comments. */
static gboolean
is_review_step (const char *label)
{
  return label != NULL &&
         (g_str_equal (label, _("Add Comment")) || g_str_equal (label, _("Add Reply")) ||
          g_str_equal (label, _("Resolve Comment")) || g_str_equal (label, _("Reopen Comment")));
}

void
cohorts_window_update_edit_actions (CohortsWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  CohortsHistory *history = self->plan ? cohorts_plan_get_history (self->plan) : NULL;
  CohortsCohort *cohort = self->plan ? cohorts_window_get_selected_cohort (self) : NULL;
  g_autoptr(GPtrArray) schools = self->plan ? selected_schools (self) : NULL;
  guint n_cohorts = self->plan ? cohorts_plan_get_n_cohorts (self->plan) : 0;
  guint position = 0;

  /* In review mode nothing is edited but the comments, and only their own
   * steps are undone and redone. */
  gboolean edit = self->plan != NULL && !self->review_mode;
  gboolean undo = history && cohorts_history_can_undo (history) &&
                  (!self->review_mode || is_review_step (cohorts_history_get_undo_label (history)));
  gboolean redo = history && cohorts_history_can_redo (history) &&
                  (!self->review_mode || is_review_step (cohorts_history_get_redo_label (history)));

  if (cohort != NULL)
    g_list_store_find (G_LIST_STORE (cohorts_plan_get_cohorts (self->plan)), cohort, &position);

  gtk_widget_action_set_enabled (widget, "win.undo", undo);
  gtk_widget_action_set_enabled (widget, "win.redo", redo);
  gtk_widget_action_set_enabled (widget, "win.add-school", edit);
  gtk_widget_action_set_enabled (widget, "win.new-cohort", edit);
  gtk_widget_action_set_enabled (widget, "win.find", self->plan != NULL);
  gtk_widget_action_set_enabled (widget, "win.remove-schools", edit && schools && schools->len > 0);
  gtk_widget_action_set_enabled (widget, "win.move-schools", edit && schools && schools->len > 0);
  gtk_widget_action_set_enabled (widget, "win.show-move-menu", edit && schools && schools->len > 0);
  gtk_widget_action_set_enabled (widget, "win.cohort-move-up", edit && cohort != NULL && position > 0);
  gtk_widget_action_set_enabled (widget, "win.cohort-move-down",
                                 edit && cohort != NULL && position + 1 < n_cohorts);
  gtk_widget_action_set_enabled (widget, "win.cohort-delete", edit && cohort != NULL);
  gtk_widget_action_set_enabled (widget, "win.show-review", self->plan != NULL);
  cohorts_window_update_baseline_actions (self);
}

/* Undo and redo, named after what they undo */

static void
update_undo_labels (CohortsWindow *self)
{
  CohortsHistory *history = self->plan ? cohorts_plan_get_history (self->plan) : NULL;
  const char *undo = history ? cohorts_history_get_undo_label (history) : NULL;
  const char *redo = history ? cohorts_history_get_redo_label (history) : NULL;
  g_autofree char *undo_text = NULL;
  g_autofree char *redo_text = NULL;
  g_autofree char *undo_tip = NULL;
  g_autofree char *redo_tip = NULL;

  /* Translators: the Undo menu item, "_Undo Move to Cohort 2" */
  undo_text = undo && undo[0] ? g_strdup_printf (_("_Undo %s"), undo) : g_strdup (_("_Undo"));
  /* Translators: the Redo menu item, "_Redo Move to Cohort 2" */
  redo_text = redo && redo[0] ? g_strdup_printf (_("_Redo %s"), redo) : g_strdup (_("_Redo"));

  g_menu_remove_all (self->undo_section);
  g_menu_append (self->undo_section, undo_text, "win.undo");
  g_menu_append (self->undo_section, redo_text, "win.redo");

  /* Translators: a tooltip, "Undo Move to Cohort 2 (Ctrl+Z)" */
  undo_tip = undo && undo[0] ? g_strdup_printf (_("Undo %s (Ctrl+Z)"), undo) : g_strdup (_("Undo (Ctrl+Z)"));
  redo_tip = redo && redo[0] ? g_strdup_printf (_("Redo %s (Ctrl+Shift+Z)"), redo)
                             : g_strdup (_("Redo (Ctrl+Shift+Z)"));
  gtk_widget_set_tooltip_text (self->undo_button, undo_tip);
  gtk_widget_set_tooltip_text (self->redo_button, redo_tip);

  cohorts_window_update_edit_actions (self);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CohortsWindow *self = COHORTS_WINDOW (widget);

  if (self->plan != NULL)
    cohorts_history_undo (cohorts_plan_get_history (self->plan));
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CohortsWindow *self = COHORTS_WINDOW (widget);

  if (self->plan != NULL)
    cohorts_history_redo (cohorts_plan_get_history (self->plan));
}

/* Menus that name the cohorts */

static gboolean
rebuild_menus (gpointer user_data)
{
  CohortsWindow *self = user_data;
  g_autoptr(GMenu) move = g_menu_new ();
  g_autoptr(GMenu) other = g_menu_new ();
  g_autoptr(GMenu) remove = g_menu_new ();
  g_autoptr(GMenu) move_only = g_menu_new ();
  GListModel *cohorts;

  self->menu_source = 0;
  g_menu_remove_all (self->school_menu);
  if (self->plan == NULL)
    return G_SOURCE_REMOVE;

  cohorts = cohorts_plan_get_cohorts (self->plan);
  for (guint i = 0; i < g_list_model_get_n_items (cohorts); i++)
    {
      g_autoptr(CohortsCohort) cohort = g_list_model_get_item (cohorts, i);
      g_autofree char *name = cohorts_cohort_dup_display_name (cohort);
      g_autofree char *date = cohorts_cohort_get_date (cohort) ? cohorts_date_format (cohorts_cohort_get_date (cohort))
                                                               : g_strdup (_("no date"));
      /* Translators: a "Move to" menu item: "Cohort 2 (1 September 2027)" */
      g_autofree char *label = g_strdup_printf (_("%s (%s)"), name, date);
      g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target_value (item, "win.move-schools",
                                               g_variant_new_string (cohorts_cohort_get_id (cohort)));
      g_menu_append_item (move, item);
    }

  {
    g_autoptr(GMenuItem) item = g_menu_item_new (_("Unassigned"), NULL);

    g_menu_item_set_action_and_target_value (item, "win.move-schools", g_variant_new_string (""));
    g_menu_append_item (other, item);
  }

  g_menu_append (remove, _("_Remove from Plan"), "win.remove-schools");

  g_menu_append_section (self->school_menu, _("Move To"), G_MENU_MODEL (move));
  g_menu_append_section (self->school_menu, NULL, G_MENU_MODEL (other));
  g_menu_append_section (self->school_menu, NULL, G_MENU_MODEL (remove));

  g_menu_append_section (move_only, NULL, G_MENU_MODEL (move));
  g_menu_append_section (move_only, NULL, G_MENU_MODEL (other));
  cohorts_editor_set_move_menu (self->editor, G_MENU_MODEL (move_only));

  return G_SOURCE_REMOVE;
}

static void
plan_changed_cb (CohortsWindow *self)
{
  cohorts_schedule_before_frame (&self->menu_source, rebuild_menus, self);
  cohorts_window_update_edit_actions (self);
}

/* Schools */

static void
move_schools_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  CohortsWindow *self = COHORTS_WINDOW (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  g_autoptr(GPtrArray) schools = selected_schools (self);
  CohortsCohort *cohort = NULL;

  if (self->plan == NULL || schools->len == 0)
    return;

  if (id[0] != '\0')
    {
      cohort = cohorts_plan_find_cohort (self->plan, id);
      g_return_if_fail (cohort != NULL);
    }

  cohorts_date_reason_move_schools (GTK_WIDGET (self), self->plan, schools, cohort);
}

static void
show_move_menu_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  cohorts_school_list_show_menu (COHORTS_WINDOW (widget)->school_list);
}

static void
remove_schools_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  CohortsWindow *self = COHORTS_WINDOW (widget);
  g_autoptr(GPtrArray) schools = selected_schools (self);
  g_autofree char *message = NULL;

  if (self->plan == NULL || schools->len == 0)
    return;

  if (schools->len == 1)
    /* Translators: a notification, "Removed Brook Lane First School" */
    message = g_strdup_printf (_("Removed %s"), cohorts_school_get_name (g_ptr_array_index (schools, 0)));
  else
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Removed %u school", "Removed %u schools",
                                            schools->len), schools->len);

  cohorts_plan_remove_schools (self->plan, schools);
  toast_with_undo (self, message);
}

/* Adding a school: its URN and name, checked as they are typed. */

typedef struct
{
  CohortsWindow *self;
  AdwEntryRow *urn;
  AdwEntryRow *name;
  GtkLabel *problem;
} AddSchool;

static guint
add_school_urn (AddSchool *add)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (add->urn));
  guint64 urn = 0;

  if (strlen (text) != 6 || !g_ascii_string_to_unsigned (text, 10, 100000, 999999, &urn, NULL))
    return 0;
  return (guint) urn;
}

static void
add_school_field_changed_cb (GtkEditable *editable,
                             AddSchool   *add)
{
  AdwMessageDialog *dialog = g_object_get_data (G_OBJECT (editable), "dialog");
  const char *text = gtk_editable_get_text (GTK_EDITABLE (add->urn));
  const char *name = gtk_editable_get_text (GTK_EDITABLE (add->name));
  guint urn = add_school_urn (add);
  CohortsSchool *existing = urn ? cohorts_plan_find_school (add->self->plan, urn) : NULL;
  g_autofree char *problem = NULL;

  if (text[0] != '\0' && urn == 0)
    problem = g_strdup (_("A URN is six digits, such as 100000."));
  else if (existing != NULL)
    /* Translators: "URN 938112 is already Northfield High School." */
    problem = g_strdup_printf (_("URN %u is already %s."), urn, cohorts_school_get_name (existing));

  gtk_label_set_label (add->problem, problem ? problem : "");
  gtk_widget_set_visible (GTK_WIDGET (add->problem), problem != NULL);
  if (problem != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (add->urn), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (add->urn), "error");

  adw_message_dialog_set_response_enabled (dialog, "add", urn != 0 && existing == NULL && name[0] != '\0');
}

static void
add_school_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        AddSchool        *add)
{
  CohortsWindow *self = add->self;
  CohortsCohort *cohort;
  g_autoptr(CohortsSchool) school = NULL;
  g_autoptr(GError) error = NULL;
  guint urn;

  if (!g_str_equal (response, "add") || self->plan == NULL)
    return;

  urn = add_school_urn (add);
  school = cohorts_school_new (urn, gtk_editable_get_text (GTK_EDITABLE (add->name)));
  cohort = cohorts_window_get_selected_cohort (self);

  /* Added to the cohort on show, if one is: one step to undo. */
  cohorts_plan_begin_edit (self->plan, _("Add School"));
  if (cohorts_plan_add_school (self->plan, school, &error) && cohort != NULL)
    cohorts_plan_move_school (self->plan, school, cohort, G_MAXUINT);
  cohorts_plan_end_edit (self->plan);

  if (error != NULL)
    {
      cohorts_window_toast (self, error->message);
      return;
    }

  cohorts_school_list_select_school (self->school_list, school);
}

static void
add_school_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  CohortsWindow *self = COHORTS_WINDOW (widget);
  AddSchool *add;
  GtkWidget *dialog, *list, *box;

  if (self->plan == NULL)
    return;

  add = g_new0 (AddSchool, 1);
  add->self = self;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Add a School"),
                                   _("Give its URN, the DfE's unique reference number, and its name. "
                                     "Fill in the rest in the editor."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "add", _("_Add"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "add", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "add");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "add", FALSE);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  add->urn = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (add->urn), _("URN"));
  adw_entry_row_set_input_purpose (add->urn, GTK_INPUT_PURPOSE_DIGITS);
  add->name = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (add->name), _("Name"));
  adw_entry_row_set_activates_default (add->name, TRUE);
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (add->urn));
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (add->name));
  add->problem = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (add->problem, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (add->problem), "error");
  gtk_widget_set_visible (GTK_WIDGET (add->problem), FALSE);
  gtk_box_append (GTK_BOX (box), list);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (add->problem));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);

  g_object_set_data (G_OBJECT (add->urn), "dialog", dialog);
  g_object_set_data (G_OBJECT (add->name), "dialog", dialog);
  g_object_set_data_full (G_OBJECT (dialog), "add", add, g_free);
  g_signal_connect (add->urn, "changed", G_CALLBACK (add_school_field_changed_cb), add);
  g_signal_connect (add->name, "changed", G_CALLBACK (add_school_field_changed_cb), add);
  g_signal_connect (dialog, "response", G_CALLBACK (add_school_response_cb), add);

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (GTK_WIDGET (add->urn));
}

/* Cohorts */

/* The 1st of September after the last dated cohort, or after the plan starts. */
static CohortsDate
next_cohort_date (CohortsPlan *plan)
{
  GListModel *cohorts = cohorts_plan_get_cohorts (plan);
  CohortsDate after = cohorts_plan_get_start_date (plan);
  int year;

  for (guint i = 0; i < g_list_model_get_n_items (cohorts); i++)
    {
      g_autoptr(CohortsCohort) cohort = g_list_model_get_item (cohorts, i);
      after = MAX (after, cohorts_cohort_get_date (cohort));
    }
  if (after == COHORTS_DATE_NONE)
    after = cohorts_date_today ();

  year = cohorts_date_get_year (after);
  if (cohorts_date_get_month (after) >= 9)
    year++;
  return cohorts_date_new (year, 9, 1);
}

static void
new_cohort_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  CohortsWindow *self = COHORTS_WINDOW (widget);
  g_autofree char *name = NULL;
  CohortsCohort *cohort;

  if (self->plan == NULL)
    return;

  /* Translators: the name of a new cohort, "Cohort 6" */
  name = g_strdup_printf (_("Cohort %u"), cohorts_plan_get_n_cohorts (self->plan) + 1);
  cohort = cohorts_plan_add_cohort (self->plan, name, next_cohort_date (self->plan));
  cohorts_sidebar_select_cohort (self->sidebar, cohort);
}

static void
move_cohort (CohortsWindow *self,
             int            step)
{
  CohortsCohort *cohort = cohorts_window_get_selected_cohort (self);
  guint position;

  if (cohort == NULL ||
      !g_list_store_find (G_LIST_STORE (cohorts_plan_get_cohorts (self->plan)), cohort, &position) ||
      (step < 0 && position == 0))
    return;

  cohorts_plan_move_cohort (self->plan, cohort, position + step);
  cohorts_sidebar_select_cohort (self->sidebar, cohort);
}

static void
cohort_move_up_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  move_cohort (COHORTS_WINDOW (widget), -1);
}

static void
cohort_move_down_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  move_cohort (COHORTS_WINDOW (widget), 1);
}

static void
cohort_delete_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CohortsWindow *self = COHORTS_WINDOW (widget);
  CohortsCohort *cohort = cohorts_window_get_selected_cohort (self);
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  guint n;

  if (cohort == NULL)
    return;

  name = cohorts_cohort_dup_display_name (cohort);
  n = cohorts_cohort_get_n_members (cohort);
  if (n == 0)
    /* Translators: a notification, "Deleted Cohort 3" */
    message = g_strdup_printf (_("Deleted %s"), name);
  else if (n == 1)
    /* Translators: a notification, "Deleted Cohort 4; its school is unassigned" */
    message = g_strdup_printf (_("Deleted %s; its school is unassigned"), name);
  else
    /* Translators: a notification, "Deleted Cohort 3; its 5 schools are unassigned" */
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Deleted %s; its %u school is unassigned",
                                            "Deleted %s; its %u schools are unassigned", n), name, n);

  cohorts_plan_remove_cohort (self->plan, cohort);
  toast_with_undo (self, message);
}

/* Plans and finding */

static void
new_plan_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  CohortsWindow *self = COHORTS_WINDOW (widget);
  g_autoptr(CohortsPlan) plan = cohorts_plan_new ();
  CohortsWindow *window = self;
  CohortsDate today = cohorts_date_today ();

  /* A new plan starts on the next 1st of September. */
  g_object_set (plan,
                "title", _("Conversion Plan"),
                "start-date", cohorts_date_new (cohorts_date_get_year (today) + (cohorts_date_get_month (today) >= 9),
                                                9, 1),
                NULL);
  g_object_set (cohorts_plan_get_trust (plan), "name", _("New Trust"), NULL);

  if (!cohorts_window_is_empty (self))
    {
      window = cohorts_window_new (COHORTS_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));
      gtk_window_present (GTK_WINDOW (window));
    }
  cohorts_window_set_plan (window, plan, NULL);
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CohortsWindow *self = COHORTS_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, "schools");
  cohorts_school_list_start_search (self->school_list);
}

/* Wiring */

static void
group_selected_cb (CohortsWindow *self)
{
  cohorts_school_list_set_group (self->school_list, cohorts_sidebar_get_selected_group (self->sidebar));
  update_subject (self);
  cohorts_window_update_edit_actions (self);

  /* A cohort chosen in the sidebar: show it on the timeline too. */
  if (!self->selecting_from_timeline && cohorts_window_get_selected_cohort (self) != NULL)
    cohorts_timeline_scroll_to_cohort (self->timeline, cohorts_window_get_selected_cohort (self));
}

static void
schools_selected_cb (CohortsWindow *self)
{
  g_autoptr(GPtrArray) schools = self->plan ? selected_schools (self) : NULL;

  update_subject (self);
  cohorts_window_update_edit_actions (self);
  cohorts_timeline_set_selected_school (self->timeline,
                                        schools != NULL && schools->len > 0 ? g_ptr_array_index (schools, 0) : NULL);
}

/* The sidebar and the list follow what is chosen on the timeline. */
static void
timeline_cohort_activated_cb (CohortsWindow *self,
                              CohortsCohort *cohort)
{
  self->selecting_from_timeline = TRUE;
  if (cohort != NULL)
    cohorts_sidebar_select_cohort (self->sidebar, cohort);
  else
    cohorts_sidebar_select_all (self->sidebar);
  self->selecting_from_timeline = FALSE;
}

static void
timeline_school_selected_cb (CohortsWindow *self)
{
  CohortsSchool *school = cohorts_timeline_get_selected_school (self->timeline);

  if (school == NULL || self->plan == NULL)
    return;

  self->selecting_from_timeline = TRUE;
  cohorts_window_select_school (self, school);
  self->selecting_from_timeline = FALSE;
}

/**
 * cohorts_window_select_school:
 *
 * Selects @school in the list, showing its cohort in the sidebar (or All
 * Schools) unless the group shown has it already; the timeline and the
 * editor follow the list.
 */
void
cohorts_window_select_school (CohortsWindow *self,
                              CohortsSchool *school)
{
  CohortsGroup *group;
  g_autoptr(CohortsSchool) keep = g_object_ref (school);

  /* A school of another diocese (a comment's, a change's): every school again. */
  if (self->diocese != NULL && !cohorts_school_in_diocese (school, self->diocese))
    g_action_group_activate_action (G_ACTION_GROUP (self), "diocese", g_variant_new_string (""));

  group = cohorts_sidebar_get_selected_group (self->sidebar);
  if (group == NULL ||
      (cohorts_group_get_kind (group) == COHORTS_GROUP_COHORT &&
       cohorts_group_get_cohort (group) != cohorts_school_get_cohort (school)) ||
      (cohorts_group_get_kind (group) == COHORTS_GROUP_UNASSIGNED && cohorts_school_get_cohort (school) != NULL))
    {
      if (cohorts_school_get_cohort (school) != NULL)
        cohorts_sidebar_select_cohort (self->sidebar, cohorts_school_get_cohort (school));
      else
        cohorts_sidebar_select_all (self->sidebar);
    }
  cohorts_school_list_select_school (self->school_list, school);
}

static void
timeline_problem_cb (CohortsWindow *self,
                     const char    *message)
{
  cohorts_window_toast (self, message);
}

static void
school_activated_cb (CohortsWindow *self)
{
  gtk_widget_child_focus (GTK_WIDGET (self->editor), GTK_DIR_TAB_FORWARD);
}

static void
editor_problem_cb (CohortsWindow *self,
                   const char    *message)
{
  cohorts_window_toast (self, message);
}

/**
 * cohorts_window_plan_set:
 *
 * Shows the window's (new) plan in the sidebar, list and editor.
 */
void
cohorts_window_plan_set (CohortsWindow *self)
{
  cohorts_sidebar_set_plan (self->sidebar, self->plan);
  cohorts_timeline_set_plan (self->timeline, self->plan);
  if (self->plan == NULL)
    {
      cohorts_school_list_set_group (self->school_list, NULL);
      cohorts_editor_set_subject (self->editor, NULL, NULL);
    }
  else
    {
      g_signal_connect_object (self->plan, "changed", G_CALLBACK (plan_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (cohorts_plan_get_history (self->plan), "notify::undo-label",
                               G_CALLBACK (update_undo_labels), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (cohorts_plan_get_history (self->plan), "notify::redo-label",
                               G_CALLBACK (update_undo_labels), self, G_CONNECT_SWAPPED);
      group_selected_cb (self);
    }

  g_clear_handle_id (&self->menu_source, g_source_remove);
  rebuild_menus (self);
  update_undo_labels (self);
}

void
cohorts_window_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.new-plan", NULL, new_plan_action);
  gtk_widget_class_install_action (widget_class, "win.add-school", NULL, add_school_action);
  gtk_widget_class_install_action (widget_class, "win.remove-schools", NULL, remove_schools_action);
  gtk_widget_class_install_action (widget_class, "win.move-schools", "s", move_schools_action);
  gtk_widget_class_install_action (widget_class, "win.show-move-menu", NULL, show_move_menu_action);
  gtk_widget_class_install_action (widget_class, "win.new-cohort", NULL, new_cohort_action);
  gtk_widget_class_install_action (widget_class, "win.cohort-move-up", NULL, cohort_move_up_action);
  gtk_widget_class_install_action (widget_class, "win.cohort-move-down", NULL, cohort_move_down_action);
  gtk_widget_class_install_action (widget_class, "win.cohort-delete", NULL, cohort_delete_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
}

void
cohorts_window_init_actions (CohortsWindow *self)
{
  GtkEventController *keys;

  self->school_menu = g_menu_new ();
  cohorts_school_list_set_menu_model (self->school_list, G_MENU_MODEL (self->school_menu));

  g_signal_connect_swapped (self->sidebar, "notify::selected-group", G_CALLBACK (group_selected_cb), self);
  g_signal_connect_swapped (self->school_list, "selection-changed", G_CALLBACK (schools_selected_cb), self);
  g_signal_connect_swapped (self->school_list, "activated", G_CALLBACK (school_activated_cb), self);
  g_signal_connect_swapped (self->editor, "problem", G_CALLBACK (editor_problem_cb), self);
  g_signal_connect_swapped (self->timeline, "notify::selected-school", G_CALLBACK (timeline_school_selected_cb), self);
  g_signal_connect_swapped (self->timeline, "cohort-activated", G_CALLBACK (timeline_cohort_activated_cb), self);
  g_signal_connect_swapped (self->timeline, "school-activated", G_CALLBACK (school_activated_cb), self);
  g_signal_connect_swapped (self->timeline, "problem", G_CALLBACK (timeline_problem_cb), self);

  /* Delete removes the selected schools, where the list has the keyboard. */
  keys = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                                                          gtk_named_action_new ("win.remove-schools")));
  gtk_widget_add_controller (cohorts_school_list_get_column_view (self->school_list), keys);

  /* And the selected cohort, where the sidebar has it. */
  keys = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                                                          gtk_named_action_new ("win.cohort-delete")));
  gtk_widget_add_controller (GTK_WIDGET (self->sidebar), keys);

  update_undo_labels (self);
}
