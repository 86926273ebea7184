/* cohorts-window.c: a window showing one plan
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window owns the plan it shows and the file it came from. Opening reads
 * the file in a worker thread (a spinner shows meanwhile); saving writes the
 * plan atomically in the background. Closing a plan with unsaved changes asks
 * first: Save, Discard or Cancel.
 */
#define G_LOG_DOMAIN "cohorts-window"

#include "config.h"

#include <glib/gi18n.h>

#include "cohorts-ui-util.h"

#include "cohorts-checks.h"
#include "cohorts-editor.h"
#include "cohorts-plan-xml.h"
#include "cohorts-school-list.h"
#include "cohorts-sidebar.h"
#include "cohorts-window-private.h"

/* How the window's settings follow it: read once, written on each change. */
#define WINDOW_SETTINGS_BIND (G_SETTINGS_BIND_GET | G_SETTINGS_BIND_SET | G_SETTINGS_BIND_GET_NO_CHANGES)

G_DEFINE_FINAL_TYPE (CohortsWindow, cohorts_window, ADW_TYPE_APPLICATION_WINDOW)

#define EDITOR_MIN_WIDTH 300

static void save_as (CohortsWindow *self);
static void update_recent (CohortsWindow *self);

static GSettings *
get_settings (CohortsWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  return COHORTS_IS_APPLICATION (app) ? cohorts_application_get_settings (COHORTS_APPLICATION (app)) : NULL;
}

static char *
file_display_name (GFile *file)
{
  g_autoptr(GFileInfo) info = NULL;

  if (file == NULL)
    return g_strdup (_("Unsaved Plan"));

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info != NULL)
    return g_strdup (g_file_info_get_display_name (info));
  return g_file_get_basename (file);
}

/* The plan's name for people: its trust's, else its title. */
char *
cohorts_window_dup_plan_name (CohortsWindow *self)
{
  const char *name;

  if (self->plan == NULL)
    return g_strdup ("");
  name = cohorts_trust_get_name (cohorts_plan_get_trust (self->plan));
  if (name[0] == '\0')
    name = cohorts_plan_get_title (self->plan);
  if (name[0] == '\0')
    name = _("Untitled Plan");
  return g_strdup (name);
}

static void
update_title (CohortsWindow *self)
{
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *window_title = NULL;
  g_autofree char *name = NULL;

  if (self->plan == NULL)
    {
      adw_window_title_set_title (self->window_title, _("Cohorts"));
      adw_window_title_set_subtitle (self->window_title, NULL);
      gtk_window_set_title (GTK_WINDOW (self), _("Cohorts"));
      return;
    }

  name = cohorts_window_dup_plan_name (self);
  subtitle = file_display_name (self->file);
  if (cohorts_plan_is_modified (self->plan))
    /* Translators: the window title of a plan with unsaved changes */
    title = g_strdup_printf (_("• %s"), name);
  else
    title = g_strdup (name);

  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle);

  /* Translators: the title the window manager shows: "Northfield Learning Trust — Cohorts" */
  window_title = g_strdup_printf (_("%s — Cohorts"), title);
  gtk_window_set_title (GTK_WINDOW (self), window_title);
}

static void
update_actions (CohortsWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save", self->plan != NULL && !self->saving);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-as", self->plan != NULL && !self->saving);
  cohorts_window_update_edit_actions (self);
  cohorts_window_update_export_actions (self);
  cohorts_window_update_register_actions (self);
  cohorts_window_update_compare_actions (self);
  cohorts_window_update_suggest_actions (self);
  cohorts_window_update_diocese_actions (self);
}

/* Recent plans, on the empty page */

static void
add_to_recent (CohortsWindow *self,
               GFile         *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  GtkRecentData data = {
    .display_name = NULL,
    .description = NULL,
    .mime_type = (char *) COHORTS_PLAN_MIME_TYPE,
    .app_name = (char *) g_get_application_name (),
    .app_exec = (char *) "cohorts %u",
    .groups = NULL,
    .is_private = FALSE,
  };

  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}

static int
compare_recent (gconstpointer a,
                gconstpointer b)
{
  GDateTime *ta = gtk_recent_info_get_modified ((GtkRecentInfo *) a);
  GDateTime *tb = gtk_recent_info_get_modified ((GtkRecentInfo *) b);

  return -g_date_time_compare (ta, tb);
}

static void
recent_activated_cb (AdwActionRow  *row,
                     CohortsWindow *self)
{
  GFile *file = g_object_get_data (G_OBJECT (row), "file");

  if (cohorts_window_is_empty (self))
    cohorts_window_open_file (self, file);
}

static void
update_recent (CohortsWindow *self)
{
  GList *items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());
  guint shown = 0;

  if (self->recent_rows == NULL)
    self->recent_rows = g_ptr_array_new ();
  for (guint i = 0; i < self->recent_rows->len; i++)
    adw_preferences_group_remove (self->recent_group, g_ptr_array_index (self->recent_rows, i));
  g_ptr_array_set_size (self->recent_rows, 0);

  /* Most recent first: GtkRecentManager keeps no order. */
  items = g_list_sort (items, compare_recent);
  for (GList *l = items; l != NULL && shown < 8; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      const char *uri = gtk_recent_info_get_uri (info);
      g_autoptr(GFile) file = NULL;
      g_autoptr(GFile) folder = NULL;
      g_autofree char *parent = NULL;
      GtkWidget *row;

      if (!g_str_has_suffix (uri, ".matplan") || !gtk_recent_info_exists (info))
        continue;

      file = g_file_new_for_uri (uri);
      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), gtk_recent_info_get_display_name (info));
      folder = g_file_get_parent (file);
      parent = folder ? g_file_get_parse_name (folder) : NULL;
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), parent ? parent : "");
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      g_object_set_data_full (G_OBJECT (row), "file", g_object_ref (file), g_object_unref);
      g_signal_connect (row, "activated", G_CALLBACK (recent_activated_cb), self);
      adw_preferences_group_add (self->recent_group, row);
      g_ptr_array_add (self->recent_rows, row);
      shown++;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->recent_group), shown > 0);
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
}

/* Rows in the Problems list, at most. */
#define FINDING_ROWS 400

static GtkWidget *
finding_row (const CohortsFinding *finding)
{
  GtkWidget *row = cohorts_finding_row_new (finding);

  CohortsDate from, to;

  /* A school's or a cohort's problem takes you to it; a month's or a
   * term's, to the timeline there. */
  if (g_str_has_prefix (finding->subject, "school:") || g_str_has_prefix (finding->subject, "cohort:") ||
      cohorts_finding_get_period (finding, &from, &to))
    {
      GtkWidget *go = gtk_image_new_from_icon_name ("go-next-symbolic");

      adw_action_row_add_suffix (ADW_ACTION_ROW (row), go);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "subject", g_strdup (finding->subject), g_free);
    }
  return row;
}

/**
 * cohorts_window_show_subject:
 * @subject: a finding's subject: "school:URN", "cohort:ID", "month:YYYY-MM",
 *   "term:YYYY-TERM" or "plan"
 *
 * Shows what a finding is about: selects the school (its cohort in the
 * sidebar, the list, the timeline and the editor follow) or the cohort;
 * for a month or a term, shows the timeline there with it marked.
 *
 * Returns: whether the plan has it
 */
gboolean
cohorts_window_show_subject (CohortsWindow *self,
                             const char    *subject)
{
  g_return_val_if_fail (COHORTS_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (subject != NULL, FALSE);

  if (self->plan == NULL)
    return FALSE;

  if (g_str_has_prefix (subject, "school:"))
    {
      guint64 urn;
      CohortsSchool *school;

      if (!g_ascii_string_to_unsigned (subject + strlen ("school:"), 10, 0, G_MAXUINT, &urn, NULL))
        return FALSE;
      school = cohorts_plan_find_school (self->plan, (guint) urn);
      if (school == NULL)
        return FALSE;
      cohorts_window_select_school (self, school);
      return TRUE;
    }

  if (g_str_has_prefix (subject, "cohort:"))
    {
      CohortsCohort *cohort = cohorts_plan_find_cohort (self->plan, subject + strlen ("cohort:"));

      if (cohort == NULL)
        return FALSE;
      cohorts_sidebar_select_cohort (self->sidebar, cohort);
      return TRUE;
    }

  {
    CohortsFinding finding = { .subject = (char *) subject };
    CohortsDate from, to;

    if (cohorts_finding_get_period (&finding, &from, &to))
      {
        adw_view_stack_set_visible_child_name (self->view_stack, "timeline");
        cohorts_timeline_show_period (self->timeline, from, to);
        return TRUE;
      }
  }

  return FALSE;
}

static void
finding_activated_cb (CohortsWindow *self,
                      GtkListBoxRow *row)
{
  const char *subject = g_object_get_data (G_OBJECT (row), "subject");

  if (subject != NULL && cohorts_window_show_subject (self, subject))
    gtk_menu_button_popdown (self->findings_button);
}

static gboolean
update_findings (gpointer user_data)
{
  CohortsWindow *self = user_data;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autofree char *label = NULL;
  g_autofree char *tooltip = NULL;
  GtkListBoxRow *row;
  guint n_errors, n_warnings;

  self->findings_source = 0;

  while ((row = gtk_list_box_get_row_at_index (self->findings_list, 0)) != NULL)
    gtk_list_box_remove (self->findings_list, GTK_WIDGET (row));

  /* The button stays while a plan is shown, "all clear" when there is
   * nothing to report: it does not jump about as problems come and go. */
  gtk_widget_set_visible (GTK_WIDGET (self->findings_button), self->plan != NULL);
  if (self->plan == NULL)
    return G_SOURCE_REMOVE;

  findings = cohorts_checks_run (self->plan);
  /* The diocese view lists only what concerns its schools. */
  listed = cohorts_window_filter_findings (self, findings);
  /* A list of rows cannot show a 25,000-school plan's thousands of
   * findings usefully: the first few hundred, errors first, then how many
   * more (the editor shows each school's and cohort's own). */
  {
    guint shown = 0;

    for (int severity = COHORTS_SEVERITY_ERROR; severity >= COHORTS_SEVERITY_INFO && shown < FINDING_ROWS; severity--)
      for (guint i = 0; i < listed->len && shown < FINDING_ROWS; i++)
        {
          const CohortsFinding *finding = g_ptr_array_index (listed, i);

          if ((int) finding->severity != severity)
            continue;
          gtk_list_box_append (self->findings_list, finding_row (finding));
          shown++;
        }
    if (shown < listed->len)
      {
        guint more = listed->len - shown;
        g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "And %u more problem",
                                                               "And %u more problems", more),
                                                  more);
        GtkWidget *more_row = adw_action_row_new ();

        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (more_row), title);
        adw_action_row_set_subtitle (ADW_ACTION_ROW (more_row),
                                     _("Each school’s and cohort’s own are at the top of its page in the editor; "
                                       "cohorts --check lists them all"));
        gtk_widget_set_name (more_row, "findings-more");
        gtk_list_box_append (self->findings_list, more_row);
      }
  }
  cohorts_editor_set_findings (self->editor, findings);
  cohorts_timeline_set_findings (self->timeline, findings);

  n_errors = cohorts_checks_count (listed, COHORTS_SEVERITY_ERROR);
  n_warnings = cohorts_checks_count (listed, COHORTS_SEVERITY_WARNING);

  gtk_image_set_from_icon_name (self->findings_icon,
                                n_errors ? "dialog-error-symbolic" :
                                n_warnings ? "dialog-warning-symbolic" :
                                listed->len ? "dialog-information-symbolic" : "emblem-ok-symbolic");
  label = g_strdup_printf ("%u", listed->len);
  gtk_label_set_label (self->findings_label, label);
  gtk_widget_set_visible (GTK_WIDGET (self->findings_label), listed->len > 0);

  if (self->diocese != NULL)
    tooltip = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u problem that concerns the diocese’s schools",
                                            "%u problems that concern the diocese’s schools", listed->len),
                               listed->len);
  else if (listed->len == 0)
    tooltip = g_strdup (_("No problems in the plan"));
  else
    tooltip = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u problem in the plan",
                                            "%u problems in the plan", listed->len),
                               listed->len);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->findings_button), tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->findings_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);

  return G_SOURCE_REMOVE;
}

/**
 * cohorts_window_refresh_findings:
 *
 * Lists the findings again at once (the diocese view changed).
 */
void
cohorts_window_refresh_findings (CohortsWindow *self)
{
  g_clear_handle_id (&self->findings_source, g_source_remove);
  update_findings (self);
}

static void
plan_changed_cb (CohortsWindow *self)
{
  /* Edits come in bursts (a group of moves): check once they are done. */
  cohorts_schedule_before_frame (&self->findings_source, update_findings, self);
  cohorts_window_recovery_plan_changed (self);
}

/**
 * cohorts_window_set_plan:
 * @plan: (nullable): the plan to show
 * @file: (nullable): where it is saved
 */
void
cohorts_window_set_plan (CohortsWindow *self,
                         CohortsPlan   *plan,
                         GFile         *file)
{
  g_return_if_fail (COHORTS_IS_WINDOW (self));
  g_return_if_fail (plan == NULL || COHORTS_IS_PLAN (plan));

  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_data (self->plan, self);

  if (plan != self->plan)
    {
      cohorts_window_forget_print_choices (self);
      cohorts_window_recovery_plan_set (self);
    }
  {
    g_autoptr(CohortsPlan) old_plan = self->plan ? g_object_ref (self->plan) : NULL;

    g_set_object (&self->plan, plan);
    cohorts_window_review_plan_set (self, old_plan);
  }
  g_set_object (&self->file, file);

  if (plan != NULL)
    {
      g_signal_connect_object (plan, "changed", G_CALLBACK (plan_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (plan, "notify::modified", G_CALLBACK (update_title), self, G_CONNECT_SWAPPED);
    }

  cohorts_window_plan_set (self);
  cohorts_window_diocese_plan_set (self);
  gtk_stack_set_visible_child_name (self->stack, plan ? "plan" : "empty");
  /* The keyboard goes to the table, so that arrows and Page Down work at once. */
  if (plan != NULL)
    gtk_widget_grab_focus (cohorts_school_list_get_column_view (self->school_list));
  else
    update_recent (self);
  g_clear_handle_id (&self->findings_source, g_source_remove);
  update_findings (self);
  update_title (self);
  update_actions (self);
}

/**
 * cohorts_window_get_plan:
 *
 * Returns: (transfer none) (nullable): the plan shown
 */
CohortsPlan *
cohorts_window_get_plan (CohortsWindow *self)
{
  g_return_val_if_fail (COHORTS_IS_WINDOW (self), NULL);
  return self->plan;
}

/**
 * cohorts_window_get_file:
 *
 * Returns: (transfer none) (nullable): the file of the plan shown, or being opened
 */
GFile *
cohorts_window_get_file (CohortsWindow *self)
{
  g_return_val_if_fail (COHORTS_IS_WINDOW (self), NULL);
  return self->file;
}

/**
 * cohorts_window_is_empty:
 *
 * Returns: whether the window shows no plan and is not opening one
 */
gboolean
cohorts_window_is_empty (CohortsWindow *self)
{
  g_return_val_if_fail (COHORTS_IS_WINDOW (self), FALSE);
  return self->plan == NULL && self->file == NULL;
}

static void
remember_folder (CohortsWindow *self,
                 GFile         *file)
{
  GSettings *settings = get_settings (self);
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *uri = parent ? g_file_get_uri (parent) : NULL;

  if (settings != NULL && uri != NULL)
    g_settings_set_string (settings, "last-folder", uri);
}

static void
first_frame_cb (CohortsWindow *self)
{
  g_application_quit (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));
}

static void
load_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(CohortsWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CohortsPlan) plan = cohorts_plan_xml_load_file_finish (result, &error);
  g_autoptr(GFile) file = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  gtk_spinner_stop (self->spinner);
  file = g_steal_pointer (&self->file);

  if (plan == NULL)
    {
      cohorts_window_set_plan (self, NULL, NULL);
      cohorts_window_show_error (self, _("Could Not Open Plan"), error->message);
      return;
    }

  remember_folder (self, file);
  add_to_recent (self, file);
  cohorts_window_set_plan (self, plan, file);

  /* The benchmark's start-up figure (tests/bench): quit once the plan has
   * been drawn. */
  if (g_getenv ("COHORTS_BENCH_FIRST_FRAME") != NULL)
    {
      GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

      if (clock != NULL)
        g_signal_connect_object (clock, "after-paint", G_CALLBACK (first_frame_cb), self, G_CONNECT_SWAPPED);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

/**
 * cohorts_window_open_file:
 *
 * Reads @file in the background and shows it; a file that cannot be read is
 * reported in a dialog naming the line and what is wrong.
 */
void
cohorts_window_open_file (CohortsWindow *self,
                          GFile         *file)
{
  g_autofree char *name = NULL;
  g_autofree char *label = NULL;

  g_return_if_fail (COHORTS_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  g_cancellable_cancel (self->cancellable);
  g_set_object (&self->cancellable, g_cancellable_new ());

  cohorts_window_set_plan (self, NULL, NULL);
  g_set_object (&self->file, file);

  name = file_display_name (file);
  /* Translators: shown while a plan is read */
  label = g_strdup_printf (_("Opening “%s”…"), name);
  gtk_label_set_label (self->loading_label, label);
  gtk_spinner_start (self->spinner);
  gtk_stack_set_visible_child_name (self->stack, "loading");

  cohorts_plan_xml_load_file_async (file, self->cancellable, load_cb, g_object_ref (self));
}

static GtkFileFilter *
plan_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Conversion plans"));
  gtk_file_filter_add_mime_type (filter, COHORTS_PLAN_MIME_TYPE);
  gtk_file_filter_add_suffix (filter, "matplan");
  return filter;
}

static void
set_chooser_folder (CohortsWindow  *self,
                    GtkFileChooser *chooser)
{
  GSettings *settings = get_settings (self);
  g_autofree char *uri = settings ? g_settings_get_string (settings, "last-folder") : NULL;
  g_autoptr(GFile) folder = NULL;

  if (self->file != NULL)
    folder = g_file_get_parent (self->file);
  else if (uri != NULL && uri[0] != '\0')
    folder = g_file_new_for_uri (uri);

  if (folder != NULL)
    gtk_file_chooser_set_current_folder (chooser, folder, NULL);
}

/* The file chosen in the window's chooser, if any; the chooser is done with. */
/**
 * cohorts_window_take_chosen_file:
 *
 * Returns: (transfer full) (nullable): the file chosen in the window's
 *   file chooser, which it lets go of, or %NULL if none was
 */
GFile *
cohorts_window_take_chosen_file (CohortsWindow   *self,
                  GtkNativeDialog *dialog,
                  int              response)
{
  GFile *file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

  g_clear_object (&self->chooser);
  return file;
}

/* Shows a file chooser for plans, starting in the plan's folder or the last one used. */
static void
show_chooser (CohortsWindow        *self,
              const char           *title,
              GtkFileChooserAction  action,
              const char           *accept_label,
              GCallback             response_cb)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), action,
                                                               accept_label, _("_Cancel"));

  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), plan_filter ());
  set_chooser_folder (self, GTK_FILE_CHOOSER (chooser));
  if (action == GTK_FILE_CHOOSER_ACTION_SAVE)
    {
      g_autofree char *name = self->file ? g_file_get_basename (self->file)
                                         : g_strdup (_("Untitled Plan.matplan"));
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
    }
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", response_cb, self);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->chooser);
}

static void
open_response_cb (GtkNativeDialog *dialog,
                  int              response,
                  CohortsWindow   *self)
{
  g_autoptr(GFile) file = cohorts_window_take_chosen_file (self, dialog, response);

  if (file == NULL)
    return;

  /* A window shows one plan: another plan opens in a window of its own. */
  if (cohorts_window_is_empty (self))
    cohorts_window_open_file (self, file);
  else
    cohorts_application_open_file (COHORTS_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))), file);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CohortsWindow *self = COHORTS_WINDOW (widget);

  if (self->chooser == NULL)
    show_chooser (self, _("Open Plan"), GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"),
                  G_CALLBACK (open_response_cb));
}

typedef struct
{
  CohortsWindow *self;
  GFile *file;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_object_unref (data->self);
  g_object_unref (data->file);
  g_free (data);
}

static void
save_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  SaveData *data = user_data;
  CohortsWindow *self = data->self;
  g_autoptr(GError) error = NULL;
  gboolean close_after = self->close_after_save;

  self->saving = FALSE;
  self->close_after_save = FALSE;
  update_actions (self);

  if (!cohorts_plan_xml_save_file_finish (COHORTS_PLAN (source), result, &error))
    {
      g_autofree char *name = file_display_name (data->file);
      g_autofree char *body = g_strdup_printf (_("%s could not be saved: %s\n\nThe file on disk is as it was."),
                                               name, error->message);

      cohorts_window_show_error (self, _("Could Not Save Plan"), body);
      save_data_free (data);
      return;
    }

  /* The plan that was written is the one shown, unless it was replaced meanwhile. */
  if (COHORTS_PLAN (source) == self->plan)
    {
      g_set_object (&self->file, data->file);
      cohorts_history_mark_saved (cohorts_plan_get_history (self->plan));
      cohorts_window_recovery_saved (self);
      remember_folder (self, data->file);
      add_to_recent (self, data->file);
      update_title (self);
    }

  save_data_free (data);

  if (close_after)
    {
      self->close_confirmed = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
}

static void
save_to (CohortsWindow *self,
         GFile         *file)
{
  SaveData *data = g_new0 (SaveData, 1);

  data->self = g_object_ref (self);
  data->file = g_object_ref (file);
  self->saving = TRUE;
  update_actions (self);
  cohorts_plan_xml_save_file_async (self->plan, file, NULL, save_cb, data);
}

static void
save_as_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     CohortsWindow   *self)
{
  g_autoptr(GFile) file = cohorts_window_take_chosen_file (self, dialog, response);

  if (file == NULL)
    {
      self->close_after_save = FALSE;
      return;
    }

  /* A name typed without an extension gets the plan's. */
  {
    g_autofree char *basename = g_file_get_basename (file);

    if (strchr (basename, '.') == NULL)
      {
        g_autofree char *with_extension = g_strconcat (basename, ".matplan", NULL);
        g_autoptr(GFile) parent = g_file_get_parent (file);
        GFile *renamed = g_file_get_child (parent, with_extension);

        g_object_unref (file);
        file = renamed;
      }
  }

  save_to (self, file);
}

static void
save_as (CohortsWindow *self)
{
  if (self->plan != NULL && self->chooser == NULL)
    show_chooser (self, _("Save Plan As"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"),
                  G_CALLBACK (save_as_response_cb));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CohortsWindow *self = COHORTS_WINDOW (widget);

  if (self->plan == NULL || self->saving)
    return;

  if (self->file == NULL)
    save_as (self);
  else
    save_to (self, self->file);
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  save_as (COHORTS_WINDOW (widget));
}

static gboolean
close_idle_cb (gpointer user_data)
{
  gtk_window_close (GTK_WINDOW (user_data));
  return G_SOURCE_REMOVE;
}

static void
save_changes_response_cb (AdwMessageDialog *dialog,
                          const char       *response,
                          CohortsWindow    *self)
{
  if (g_str_equal (response, "discard"))
    {
      /* Close once the dialog has gone: it is transient for this window. */
      self->close_confirmed = TRUE;
      g_idle_add_full (G_PRIORITY_DEFAULT, close_idle_cb, g_object_ref (self), g_object_unref);
    }
  else if (g_str_equal (response, "save"))
    {
      self->close_after_save = TRUE;
      gtk_widget_activate_action (GTK_WIDGET (self), "win.save", NULL);
    }
}

static void
save_window_state (CohortsWindow *self)
{
  GSettings *settings = get_settings (self);
  int width, height;

  if (settings == NULL)
    return;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_delay (settings);
  if (self->panes_placed)
    {
      int inner = gtk_widget_get_width (GTK_WIDGET (self->inner_paned));

      g_settings_set_int (settings, "sidebar-width", gtk_paned_get_position (self->outer_paned));
      if (gtk_widget_get_visible (GTK_WIDGET (self->editor)) && inner > 0)
        g_settings_set_int (settings, "editor-width", inner - gtk_paned_get_position (self->inner_paned));
    }
  g_settings_set_boolean (settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
  if (!gtk_window_is_maximized (GTK_WINDOW (self)))
    {
      g_settings_set_int (settings, "window-width", width);
      g_settings_set_int (settings, "window-height", height);
    }
  g_settings_apply (settings);
}

static gboolean
cohorts_window_close_request (GtkWindow *window)
{
  CohortsWindow *self = COHORTS_WINDOW (window);
  GtkWidget *dialog;
  g_autofree char *name = NULL;
  g_autofree char *body = NULL;

  if (self->plan != NULL && cohorts_plan_is_modified (self->plan) && !self->close_confirmed)
    {
      if (self->saving)
        {
          self->close_after_save = TRUE;
          return TRUE;
        }

      name = file_display_name (self->file);
      body = g_strdup_printf (_("“%s” has unsaved changes. Changes which are not saved will be "
                                "permanently lost."), name);
      dialog = adw_message_dialog_new (window, _("Save Changes?"), body);
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "cancel", _("_Cancel"),
                                        "discard", _("_Discard"),
                                        "save", _("_Save"),
                                        NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                                  ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                                  ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
      g_signal_connect (dialog, "response", G_CALLBACK (save_changes_response_cb), self);
      gtk_window_present (GTK_WINDOW (dialog));
      return TRUE;
    }

  /* Saved, discarded, or nothing to save: no recovery is needed. */
  cohorts_window_discard_recovery (self);
  g_cancellable_cancel (self->cancellable);
  save_window_state (self);
  return GTK_WINDOW_CLASS (cohorts_window_parent_class)->close_request (window);
}

/* Once laid out, the divider's place is what the user drags: the editor's
 * width asked for at start-up is no longer a minimum. */
static gboolean
release_editor_width (gpointer user_data)
{
  CohortsWindow *self = user_data;
  int position = gtk_paned_get_position (self->inner_paned);

  gtk_widget_set_size_request (GTK_WIDGET (self->editor), EDITOR_MIN_WIDTH, -1);
  gtk_paned_set_position (self->inner_paned, position);
  self->panes_placed = TRUE;
  return G_SOURCE_REMOVE;
}

static void
editor_mapped_cb (CohortsWindow *self)
{
  if (!self->panes_placed)
    g_idle_add_full (G_PRIORITY_LOW, release_editor_width, g_object_ref (self), g_object_unref);
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         CohortsWindow *self)
{
  GSList *files;
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST) || !COHORTS_IS_APPLICATION (app))
    return FALSE;

  files = g_value_get_boxed (value);
  for (GSList *l = files; l; l = l->next)
    {
      /* The DfE's establishment file is imported into the register. */
      if (cohorts_window_is_register_file (l->data))
        cohorts_window_import_register (self, l->data);
      else if (cohorts_window_is_empty (self))
        cohorts_window_open_file (self, l->data);
      else
        cohorts_application_open_file (COHORTS_APPLICATION (app), l->data);
    }
  return files != NULL;
}

static void
cohorts_window_dispose (GObject *object)
{
  CohortsWindow *self = (CohortsWindow *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->findings_source, g_source_remove);
  g_clear_handle_id (&self->menu_source, g_source_remove);
  cohorts_window_dispose_export (self);
  cohorts_window_dispose_recovery (self);
  cohorts_window_dispose_review (self);
  cohorts_window_dispose_diocese (self);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_data (self->plan, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), COHORTS_TYPE_WINDOW);

  G_OBJECT_CLASS (cohorts_window_parent_class)->dispose (object);
}

static void
cohorts_window_finalize (GObject *object)
{
  CohortsWindow *self = (CohortsWindow *) object;

  g_clear_object (&self->plan);
  g_clear_object (&self->file);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->school_menu);
  g_clear_pointer (&self->recent_rows, g_ptr_array_unref);
  cohorts_window_finalize_recovery (self);

  G_OBJECT_CLASS (cohorts_window_parent_class)->finalize (object);
}

static void
cohorts_window_class_init (CohortsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = cohorts_window_dispose;
  object_class->finalize = cohorts_window_finalize;
  window_class->close_request = cohorts_window_close_request;

  g_type_ensure (COHORTS_TYPE_SIDEBAR);
  g_type_ensure (COHORTS_TYPE_SCHOOL_LIST);
  g_type_ensure (COHORTS_TYPE_EDITOR);
  g_type_ensure (COHORTS_TYPE_TIMELINE_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/cohorts/Cohorts/ui/cohorts-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CohortsWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CohortsWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, CohortsWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, CohortsWindow, outer_paned);
  gtk_widget_class_bind_template_child (widget_class, CohortsWindow, inner_paned);
  gtk_widget_class_bind_template_child (widget_class, CohortsWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, CohortsWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, CohortsWindow, school_list);
  gtk_widget_class_bind_template_child (widget_class, CohortsWindow, timeline_page);
  gtk_widget_class_bind_template_child (widget_class, CohortsWindow, editor);
  gtk_widget_class_bind_template_child (widget_class, CohortsWindow, undo_button);
  gtk_widget_class_bind_template_child (widget_class, CohortsWindow, editor_toggle);
  gtk_widget_class_bind_template_child (widget_class, CohortsWindow, redo_button);
  gtk_widget_class_bind_template_child (widget_class, CohortsWindow, undo_section);
  gtk_widget_class_bind_template_child (widget_class, CohortsWindow, recent_group);
  gtk_widget_class_bind_template_child (widget_class, CohortsWindow, findings_button);
  gtk_widget_class_bind_template_child (widget_class, CohortsWindow, findings_list);
  gtk_widget_class_bind_template_child (widget_class, CohortsWindow, findings_label);
  gtk_widget_class_bind_template_child (widget_class, CohortsWindow, findings_icon);
  gtk_widget_class_bind_template_child (widget_class, CohortsWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, CohortsWindow, loading_label);
  gtk_widget_class_bind_template_child (widget_class, CohortsWindow, review_banner);
  gtk_widget_class_bind_template_child (widget_class, CohortsWindow, diocese_banner);
  gtk_widget_class_bind_template_child (widget_class, CohortsWindow, diocese_label);
  gtk_widget_class_bind_template_child (widget_class, CohortsWindow, diocese_menu);

  cohorts_window_class_init_actions (widget_class);
  cohorts_window_class_init_export (widget_class);
  cohorts_window_class_init_register (widget_class);
  cohorts_window_class_init_compare (widget_class);
  cohorts_window_class_init_baselines (widget_class);
  cohorts_window_class_init_suggest (widget_class);
  cohorts_window_class_init_review (widget_class);
  cohorts_window_class_init_diocese (widget_class);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
}

static void
cohorts_window_init (CohortsWindow *self)
{
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->timeline = cohorts_timeline_page_get_timeline (self->timeline_page);
  cohorts_window_init_actions (self);
  cohorts_window_init_recovery (self);
  cohorts_window_init_review (self);
  cohorts_window_init_diocese (self);

  {
    GtkWidget *placeholder = gtk_label_new (_("No problems found"));

    gtk_widget_add_css_class (placeholder, "dim-label");
    gtk_widget_set_margin_top (placeholder, 12);
    gtk_widget_set_margin_bottom (placeholder, 12);
    gtk_list_box_set_placeholder (self->findings_list, placeholder);
  }
  g_signal_connect_swapped (self->findings_list, "row-activated", G_CALLBACK (finding_activated_cb), self);

  if (DEVELOPMENT_BUILD)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  g_signal_connect_swapped (self->editor, "map", G_CALLBACK (editor_mapped_cb), self);
  g_object_bind_property (self->editor_toggle, "active", self->editor, "visible", G_BINDING_SYNC_CREATE);
  {
    g_autoptr(GPropertyAction) show_editor = g_property_action_new ("show-editor", self->editor_toggle, "active");
    g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (show_editor));
  }

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  update_title (self);
  update_actions (self);
}

/**
 * cohorts_window_new:
 *
 * Returns: (transfer none): a new empty window, sized as the last one closed
 */
CohortsWindow *
cohorts_window_new (CohortsApplication *application)
{
  CohortsWindow *self = g_object_new (COHORTS_TYPE_WINDOW, "application", application, NULL);
  GSettings *settings = application ? cohorts_application_get_settings (application) : NULL;

  if (settings != NULL)
    {
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (settings, "window-width"),
                                   g_settings_get_int (settings, "window-height"));
      if (g_settings_get_boolean (settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
      gtk_paned_set_position (self->outer_paned, g_settings_get_int (settings, "sidebar-width"));
      /* The list takes what the window gains; the editor starts at its width. */
      gtk_widget_set_size_request (GTK_WIDGET (self->editor),
                                   MAX (EDITOR_MIN_WIDTH, g_settings_get_int (settings, "editor-width")), -1);
      /* The window is the truth and the settings remember it: a backend
       * that cannot store (dconf without a session bus) must not undo a
       * change by announcing the old value again. */
      g_settings_bind (settings, "show-editor", self->editor_toggle, "active", WINDOW_SETTINGS_BIND);
      g_settings_bind (settings, "list-columns", self->school_list, "columns", WINDOW_SETTINGS_BIND);
      g_settings_bind (settings, "view", self->view_stack, "visible-child-name", WINDOW_SETTINGS_BIND);
      g_settings_bind (settings, "show-timeline-key", cohorts_timeline_page_get_key_toggle (self->timeline_page),
                       "active", WINDOW_SETTINGS_BIND);
    }

  return self;
}
