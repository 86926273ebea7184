/* cohorts-window-compare.c: Compare with…, what changed since an older plan
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Compare with… (the main menu) asks for another version of the plan, the
 * older one, reads it in a worker thread and lists what changed from it to
 * the open plan (src/core/cohorts-diff.c): the summary, then the plan's
 * settings, the cohorts and the schools, a row a change. A school's or a
 * cohort's row selects it in the window. A 25,000-school plan can change in
 * tens of thousands of ways: the rows are capped, the rest counted.
 */
#define G_LOG_DOMAIN "cohorts-window"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "cohorts-diff.h"
#include "cohorts-plan-xml.h"
#include "cohorts-ui-util.h"
#include "cohorts-window-private.h"

/* Rows shown in all; `cohorts --diff` gives the whole list. */
#define ROWS_IN_ALL 500

static const char *
kind_icon (CohortsChangeKind kind)
{
  switch (kind)
    {
    case COHORTS_CHANGE_PLAN:
    case COHORTS_CHANGE_TRUST:
    case COHORTS_CHANGE_READINESS:
    case COHORTS_CHANGE_SCHEDULE:
      return "emblem-system-symbolic";
    case COHORTS_CHANGE_COHORT_ADDED:
    case COHORTS_CHANGE_SCHOOL_JOINED:
      return "list-add-symbolic";
    case COHORTS_CHANGE_COHORT_REMOVED:
    case COHORTS_CHANGE_SCHOOL_LEFT:
      return "list-remove-symbolic";
    case COHORTS_CHANGE_COHORT_RENAMED:
    case COHORTS_CHANGE_SCHOOL_DETAILS:
      return "document-edit-symbolic";
    case COHORTS_CHANGE_COHORT_DATE:
      return "x-office-calendar-symbolic";
    case COHORTS_CHANGE_COHORT_STATUS:
      return "object-select-symbolic";
    case COHORTS_CHANGE_SCHOOL_MOVED:
    case COHORTS_CHANGE_SCHOOL_ASSIGNED:
      return "go-jump-symbolic";
    case COHORTS_CHANGE_SCHOOL_UNASSIGNED:
      return "edit-clear-symbolic";
    case COHORTS_CHANGE_SCHOOL_LATER:
      return "media-seek-forward-symbolic";
    case COHORTS_CHANGE_SCHOOL_EARLIER:
      return "media-seek-backward-symbolic";
    default:
      return NULL;
    }
}

static void
change_activated_cb (AdwActionRow  *row,
                     CohortsWindow *self)
{
  const char *subject = g_object_get_data (G_OBJECT (row), "subject");
  GtkRoot *dialog = gtk_widget_get_root (GTK_WIDGET (row));

  /* The window is modal: it makes way for what it shows. */
  if (subject != NULL && cohorts_window_show_subject (self, subject))
    gtk_window_destroy (GTK_WINDOW (dialog));
}

static GtkWidget *
change_row (CohortsWindow       *self,
            const CohortsChange *change)
{
  GtkWidget *row = adw_action_row_new ();
  gboolean found = FALSE;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), change->message);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_icon_name (ADW_ACTION_ROW (row), kind_icon (change->kind));

  /* What is still in the plan can be shown. */
  if (g_str_has_prefix (change->subject, "school:"))
    {
      guint64 urn = 0;

      found = g_ascii_string_to_unsigned (change->subject + strlen ("school:"), 10, 0, G_MAXUINT, &urn, NULL) &&
              cohorts_plan_find_school (self->plan, (guint) urn) != NULL;
    }
  else if (g_str_has_prefix (change->subject, "cohort:"))
    found = cohorts_plan_find_cohort (self->plan, change->subject + strlen ("cohort:")) != NULL;

  if (found)
    {
      g_object_set_data_full (G_OBJECT (row), "subject", g_strdup (change->subject), g_free);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      g_signal_connect_object (row, "activated", G_CALLBACK (change_activated_cb), self, 0);
    }
  return row;
}

/* The changes of one section: [from, to) of @changes. */
static void
add_group (CohortsWindow      *self,
           AdwPreferencesPage *page,
           const char         *name,
           const char         *title,
           GPtrArray          *changes,
           guint               from,
           guint               to,
           guint              *budget)
{
  GtkWidget *group;
  guint shown;

  if (from == to)
    return;

  group = adw_preferences_group_new ();
  gtk_widget_set_name (group, name);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  shown = MIN (to - from, *budget);
  for (guint i = from; i < from + shown; i++)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), change_row (self, g_ptr_array_index (changes, i)));
  *budget -= shown;

  if (from + shown < to)
    {
      GtkWidget *more = adw_action_row_new ();
      guint n = to - from - shown;
      /* Translators: after the rows shown, "and 2,480 more changes"; the whole list is
       * `cohorts --diff OLD NEW`, not translated */
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "And %u more change: cohorts --diff lists them all",
                                                            "And %u more changes: cohorts --diff lists them all",
                                                            n), n);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (more), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (more), text);
      gtk_widget_add_css_class (more, "dim-label");
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), more);
    }
  adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (group));
}

GtkWindow *
cohorts_window_show_changes (CohortsWindow *self,
                GPtrArray     *changes,
                const char    *file_name)
{
  /* Translators: the title of the window of Compare with…: "Changes since plan-2026.matplan" */
  g_autofree char *title = g_strdup_printf (_("Changes since %s"), file_name);
  GtkWidget *window = cohorts_dialog_window_new (GTK_WINDOW (self), "compare-plans", title, 680, 640);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  gtk_box_append (GTK_BOX (box), header);

  if (changes->len == 0)
    {
      GtkWidget *status = adw_status_page_new ();
      /* Translators: %s is the other plan's file name */
      g_autofree char *description = g_strdup_printf (_("The plan is the same as “%s”."), file_name);

      gtk_widget_set_name (status, "compare-same");
      adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "object-select-symbolic");
      adw_status_page_set_title (ADW_STATUS_PAGE (status), _("No Changes"));
      adw_status_page_set_description (ADW_STATUS_PAGE (status), description);
      gtk_widget_set_vexpand (status, TRUE);
      gtk_box_append (GTK_BOX (box), status);
    }
  else
    {
      GtkWidget *page = adw_preferences_page_new ();
      GtkWidget *summary_group = adw_preferences_group_new ();
      g_autofree char *summary = cohorts_diff_summarize (changes);
      GtkWidget *label = gtk_label_new (summary);
      guint budget = ROWS_IN_ALL;
      guint plan_end = 0, cohorts_end;

      gtk_widget_set_name (label, "compare-summary");
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (summary_group), label);
      adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (summary_group));

      /* They come in order: the plan's, the cohorts', the schools'. */
      while (plan_end < changes->len &&
             !cohorts_change_kind_is_cohort (((CohortsChange *) changes->pdata[plan_end])->kind) &&
             !cohorts_change_kind_is_school (((CohortsChange *) changes->pdata[plan_end])->kind))
        plan_end++;
      cohorts_end = plan_end;
      while (cohorts_end < changes->len &&
             cohorts_change_kind_is_cohort (((CohortsChange *) changes->pdata[cohorts_end])->kind))
        cohorts_end++;

      add_group (self, ADW_PREFERENCES_PAGE (page), "compare-plan", _("Plan"), changes, 0, plan_end, &budget);
      add_group (self, ADW_PREFERENCES_PAGE (page), "compare-cohorts", _("Cohorts"), changes, plan_end, cohorts_end,
                 &budget);
      add_group (self, ADW_PREFERENCES_PAGE (page), "compare-schools", _("Schools"), changes, cohorts_end,
                 changes->len, &budget);
      gtk_widget_set_vexpand (page, TRUE);
      gtk_box_append (GTK_BOX (box), page);
    }
  adw_window_set_content (ADW_WINDOW (window), box);


  gtk_window_present (GTK_WINDOW (window));
  return GTK_WINDOW (window);
}

typedef struct
{
  CohortsWindow *self;
  char *file_name;
} CompareJob;

static void
compare_job_free (CompareJob *job)
{
  g_object_unref (job->self);
  g_free (job->file_name);
  g_free (job);
}

static void
compare_loaded_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  CompareJob *job = user_data;
  CohortsWindow *self = job->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(CohortsPlan) old_plan = cohorts_plan_xml_load_file_finish (result, &error);
  g_autoptr(GPtrArray) changes = NULL;

  if (old_plan == NULL)
    {
      /* The message has the file and the line. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        cohorts_window_show_error (self, _("Could Not Compare Plans"), error->message);
    }
  else if (self->plan != NULL && gtk_widget_get_realized (GTK_WIDGET (self)))
    {
      changes = cohorts_diff_plans (old_plan, self->plan);
      cohorts_window_show_changes (self, changes, job->file_name);
    }
  compare_job_free (job);
}

/**
 * cohorts_window_compare_with:
 * @file: an older version of the plan
 *
 * Reads @file and shows what changed from it to the window's plan, in a
 * window of its own; or why it could not be read.
 */
void
cohorts_window_compare_with (CohortsWindow *self,
                             GFile         *file)
{
  CompareJob *job;
  g_autoptr(GFileInfo) info = NULL;

  g_return_if_fail (COHORTS_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (self->plan != NULL);

  job = g_new0 (CompareJob, 1);
  job->self = g_object_ref (self);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  job->file_name = info != NULL ? g_strdup (g_file_info_get_display_name (info)) : g_file_get_basename (file);
  cohorts_plan_xml_load_file_async (file, self->cancellable, compare_loaded_cb, job);
}

static void
compare_chooser_response_cb (GtkNativeDialog *chooser,
                             int              response,
                             CohortsWindow   *self)
{
  g_autoptr(GFile) file = cohorts_window_take_chosen_file (self, chooser, response);

  if (file != NULL && self->plan != NULL)
    cohorts_window_compare_with (self, file);
}

static void
compare_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CohortsWindow *self = COHORTS_WINDOW (widget);
  GtkFileChooserNative *chooser;
  GtkFileFilter *filter;

  if (self->chooser != NULL || self->plan == NULL)
    return;

  /* Translators: the title of the file chooser of Compare with… */
  chooser = gtk_file_chooser_native_new (_("Compare with an Older Version"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Compare"), _("_Cancel"));
  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("Conversion plans"));
  gtk_file_filter_add_mime_type (filter, COHORTS_PLAN_MIME_TYPE);
  gtk_file_filter_add_suffix (filter, "matplan");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);
  if (self->file != NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (self->file);

      if (folder != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
    }
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (compare_chooser_response_cb), self);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->chooser);
}

void
cohorts_window_update_compare_actions (CohortsWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.compare",
                                 self->plan != NULL && self->busy_cancellable == NULL);
  cohorts_window_update_baseline_actions (self);
}

void
cohorts_window_class_init_compare (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.compare", NULL, compare_action);
}
