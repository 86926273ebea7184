/* cohorts-window-register.c: the DfE's school register in a plan's window
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Import School Register (the main menu, or a .csv file dropped on the
 * window) reads the DfE's establishment file into the register in a worker
 * thread, behind the same progress dialog as an export; the register is
 * built aside, so a cancelled or failed import leaves the one there was.
 * Add Schools from Register (Ctrl+R) searches it as you type and adds the
 * schools ticked, filled in from the register, as one step to undo; it asks
 * first about schools that are closed or already academies. Refresh from
 * Register lists where the plan's schools differ from the register, each
 * with a tick, and applies those ticked as one step.
 */
#define G_LOG_DOMAIN "cohorts-window"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cohorts-register.h"
#include "cohorts-ui-util.h"
#include "cohorts-window-private.h"

/* The register's file and what sqlite may leave beside it. */
static void
delete_register (void)
{
  g_autofree char *path = cohorts_register_default_path ();
  static const char *const suffixes[] = { "", "-journal", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (path, suffixes[i], NULL);

      if (g_unlink (name) != 0 && errno != ENOENT)
        g_warning ("Could not delete %s: %s", name, g_strerror (errno));
    }
}

static gboolean
is_broken (const GError *error)
{
  return g_error_matches (error, COHORTS_REGISTER_ERROR, COHORTS_REGISTER_ERROR_CORRUPT) ||
         g_error_matches (error, COHORTS_REGISTER_ERROR, COHORTS_REGISTER_ERROR_FOREIGN) ||
         g_error_matches (error, COHORTS_REGISTER_ERROR, COHORTS_REGISTER_ERROR_NEWER);
}

/* What to tell people of a register that cannot be read, and what Rebuild
 * does about it. */
static char *
describe_broken (const GError *error)
{
  const char *what;
  g_autofree char *path = cohorts_register_default_path ();
  g_autofree char *source = cohorts_register_get_last_import (path);

  if (g_error_matches (error, COHORTS_REGISTER_ERROR, COHORTS_REGISTER_ERROR_NEWER))
    what = _("A newer version of Cohorts made the school register.");
  else if (g_error_matches (error, COHORTS_REGISTER_ERROR, COHORTS_REGISTER_ERROR_FOREIGN))
    what = _("The school register's file belongs to another program.");
  else
    what = _("The school register is damaged.");

  if (source != NULL)
    {
      g_autofree char *name = g_path_get_basename (source);

      /* Translators: the first %s says what is wrong with the register, the second is a file's
       * name, the third the exact error */
      return g_strdup_printf (_("%s Rebuild deletes it and imports “%s” again, the file it came from.\n\n%s"),
                              what, name, error->message);
    }
  /* Translators: the first %s says what is wrong with the register, the second is the exact error */
  return g_strdup_printf (_("%s Rebuild deletes it; then import the DfE's file again.\n\n%s"),
                          what, error->message);
}

/* Deletes the register and, if the file it was last imported from is
 * still there, imports that again. Returns whether it did. */
static gboolean
rebuild_register (CohortsWindow *self)
{
  g_autofree char *path = cohorts_register_default_path ();
  g_autofree char *source = cohorts_register_get_last_import (path);
  g_autoptr(GFile) file = NULL;

  delete_register ();
  if (source == NULL)
    return FALSE;
  file = g_file_new_for_path (source);
  cohorts_window_import_register (self, file);
  return TRUE;
}

/* Import */

typedef struct
{
  CohortsWindow *self;
  char *csv_path;
  char *register_path;
  char *name;                 /* the CSV file's, for people */
  int percent;                /* the last reported, in the worker thread */
  CohortsRegisterImportSummary summary;
} ImportJob;

static void
import_job_free (ImportJob *job)
{
  g_object_unref (job->self);
  g_free (job->csv_path);
  g_free (job->register_path);
  g_free (job->name);
  cohorts_register_import_summary_clear (&job->summary);
  g_free (job);
}

/* In the worker thread: at most a hundred reports. */
static void
import_progress_cb (guint64  done,
                    guint64  total,
                    gpointer user_data)
{
  ImportJob *job = user_data;
  int percent = total > 0 ? (int) (done * 100 / total) : 0;

  if (percent == job->percent)
    return;
  job->percent = percent;
  cohorts_window_report_progress (job->self, percent / 100.0, _("Reading schools…"));
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportJob *job = task_data;
  GError *error = NULL;

  if (cohorts_register_import (job->register_path, job->csv_path, import_progress_cb, job, cancellable,
                               &job->summary, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
problems_clicked_cb (AdwToast      *toast,
                     CohortsWindow *self)
{
  const char *body = g_object_get_data (G_OBJECT (toast), "problems");

  cohorts_window_show_error (self, _("Rows Left Out"), body);
}

/* "FILE:LINE: message" reads "LINE: message" where the file is named. */
static char *
without_path (const char *message,
              const char *path)
{
  if (g_str_has_prefix (message, path) && message[strlen (path)] == ':')
    {
      g_autofree char *name = g_path_get_basename (path);

      return g_strconcat (name, message + strlen (path), NULL);
    }
  return g_strdup (message);
}

static void
import_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  CohortsWindow *self = COHORTS_WINDOW (source);
  ImportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  gboolean add_after = self->add_after_import;

  cohorts_window_end_progress (self);
  self->add_after_import = FALSE;

  if (g_task_propagate_boolean (G_TASK (result), &error))
    {
      guint n = job->summary.n_imported;
      guint skipped = job->summary.n_skipped;
      g_autofree char *count = g_strdup_printf ("%'u", n);
      g_autofree char *imported = NULL;
      g_autofree char *message = NULL;
      AdwToast *toast;

      /* Translators: a notification, "Imported 49,872 schools from “edubasealldata20250401.csv”" */
      imported = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported %s school from “%s”",
                                               "Imported %s schools from “%s”", n), count, job->name);
      if (skipped > 0)
        {
          /* Translators: the end of a notification, after "Imported 6 schools from “…”" */
          g_autofree char *left_out = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u row left out",
                                                                    "%u rows left out", skipped), skipped);
          /* Translators: "Imported 6 schools from “…”; 2 rows left out" */
          message = g_strdup_printf (_("%s; %s"), imported, left_out);
        }
      else
        message = g_steal_pointer (&imported);

      toast = adw_toast_new (message);
      adw_toast_set_timeout (toast, 8);
      if (skipped > 0 && job->summary.problems != NULL && job->summary.problems->len > 0)
        {
          GString *problems = g_string_new (NULL);

          for (guint i = 0; i < job->summary.problems->len; i++)
            {
              g_autofree char *line = without_path (g_ptr_array_index (job->summary.problems, i), job->csv_path);

              g_string_append_printf (problems, "%s%s", i > 0 ? "\n" : "", line);
            }
          if (skipped > job->summary.problems->len)
            {
              guint more = skipped - job->summary.problems->len;

              g_string_append_c (problems, '\n');
              /* Translators: after the first few rows left out of an import */
              g_string_append_printf (problems, g_dngettext (GETTEXT_PACKAGE, "and %u more row",
                                                             "and %u more rows", more), more);
            }
          g_object_set_data_full (G_OBJECT (toast), "problems", g_string_free (problems, FALSE), g_free);
          adw_toast_set_button_label (toast, _("_Details"));
          g_signal_connect_object (toast, "button-clicked", G_CALLBACK (problems_clicked_cb), self, 0);
        }
      adw_toast_overlay_add_toast (self->toast_overlay, toast);

      if (add_after && self->plan != NULL)
        cohorts_window_show_add_from_register (self);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    cohorts_window_toast (self, _("Import cancelled; the school register is as it was"));
  else
    {
      g_autofree char *reason = without_path (error->message, job->csv_path);
      /* Translators: the first %s is a file's name, the second what is wrong ("edubase.csv:8: …") */
      g_autofree char *body = g_strdup_printf (_("“%s” could not be imported.\n\n%s\n\n"
                                                 "The school register is as it was."),
                                               job->name, reason);

      cohorts_window_show_error (self, _("Could Not Import the School Register"), body);
    }
}

/**
 * cohorts_window_is_register_file:
 *
 * Whether @file looks like the DfE's establishment file (a CSV file), to
 * import rather than open.
 */
gboolean
cohorts_window_is_register_file (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *folded = name ? g_ascii_strdown (name, -1) : NULL;

  return folded != NULL && g_str_has_suffix (folded, ".csv");
}

/**
 * cohorts_window_import_register:
 * @file: the DfE's establishment file (edubasealldataYYYYMMDD.csv)
 *
 * Imports @file into the school register in the background, showing how
 * far it has read in a dialog that can cancel; then a notification with
 * the number of schools, or what was wrong and where.
 */
void
cohorts_window_import_register (CohortsWindow *self,
                                GFile         *file)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *body = NULL;
  ImportJob *job;

  g_return_if_fail (COHORTS_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->busy_cancellable != NULL)
    return;

  job = g_new0 (ImportJob, 1);
  job->self = g_object_ref (self);
  job->name = g_file_get_basename (file);
  job->csv_path = g_file_get_path (file);
  job->register_path = cohorts_register_default_path ();
  job->percent = -1;

  if (job->csv_path == NULL)
    {
      /* Translators: a file chosen where only files on this computer can be read */
      g_autofree char *message = g_strdup_printf (_("“%s” is not a file on this computer."), job->name);

      self->add_after_import = FALSE;
      cohorts_window_show_error (self, _("Could Not Import the School Register"), message);
      import_job_free (job);
      return;
    }

  /* The register dialog shows the old register: it goes. */
  if (self->register_dialog != NULL)
    gtk_window_destroy (self->register_dialog);

  body = g_strdup_printf ("“%s”", job->name);
  cohorts_window_begin_progress (self, _("Importing the School Register"), body, _("Reading schools…"));

  task = g_task_new (self, self->busy_cancellable, import_done_cb, NULL);
  g_task_set_source_tag (task, cohorts_window_import_register);
  g_task_set_task_data (task, job, (GDestroyNotify) import_job_free);
  g_task_run_in_thread (task, import_thread);
}

static void
import_chooser_response_cb (GtkNativeDialog *chooser,
                            int              response,
                            CohortsWindow   *self)
{
  g_autoptr(GFile) file = cohorts_window_take_chosen_file (self, chooser, response);

  if (file != NULL)
    cohorts_window_import_register (self, file);
  else
    self->add_after_import = FALSE;
}

static void
import_register_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  CohortsWindow *self = COHORTS_WINDOW (widget);
  GtkFileChooserNative *chooser;
  GtkFileFilter *filter;

  if (self->chooser != NULL || self->busy_cancellable != NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Import School Register"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  filter = gtk_file_filter_new ();
  /* Translators: a file type in the file chooser */
  gtk_file_filter_set_name (filter, _("CSV files"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (import_chooser_response_cb), self);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->chooser);
}

/* Add Schools from Register */

typedef struct
{
  CohortsWindow *self;
  GtkWindow *window;
  GtkStack *stack;              /* "search", "empty" or "broken" */
  AdwStatusPage *broken_page;
  CohortsRegister *reg;

  GtkSearchEntry *entry;
  GtkDropDown *phase;
  GtkDropDown *religion;
  GtkEntry *la;
  GtkCheckButton *closed;
  GtkListBox *results;
  GtkLabel *status;
  GtkWidget *add;

  GArray *phases;               /* the enum values the drop-downs list, after "any" */
  GArray *religions;
  GArray *chosen;               /* URNs ticked, in the order ticked */
  GHashTable *names;            /* URN → name of those ticked */
} AddDialog;

static void
add_dialog_free (AddDialog *add)
{
  if (add->self->register_dialog == add->window)
    add->self->register_dialog = NULL;
  g_clear_object (&add->reg);
  g_array_unref (add->phases);
  g_array_unref (add->religions);
  g_array_unref (add->chosen);
  g_hash_table_unref (add->names);
  g_free (add);
}

static void
update_add_button (AddDialog *add)
{
  guint n = add->chosen->len;
  g_autofree char *label = NULL;

  if (n == 0)
    label = g_strdup (_("_Add"));
  else
    /* Translators: the Add button of Add Schools from Register, "_Add 3 Schools" */
    label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "_Add %u School", "_Add %u Schools", n), n);
  gtk_button_set_label (GTK_BUTTON (add->add), label);
  gtk_widget_set_sensitive (add->add, n > 0);
}

static void
choose (AddDialog  *add,
        guint       urn,
        const char *name,
        gboolean    chosen)
{
  gboolean was = g_hash_table_contains (add->names, GUINT_TO_POINTER (urn));

  if (chosen == was)
    return;
  if (chosen)
    {
      g_array_append_val (add->chosen, urn);
      g_hash_table_insert (add->names, GUINT_TO_POINTER (urn), g_strdup (name));
    }
  else
    {
      for (guint i = 0; i < add->chosen->len; i++)
        if (g_array_index (add->chosen, guint, i) == urn)
          {
            g_array_remove_index (add->chosen, i);
            break;
          }
      g_hash_table_remove (add->names, GUINT_TO_POINTER (urn));
    }
  update_add_button (add);
}

static void
result_toggled_cb (GtkCheckButton *check,
                   AddDialog      *add)
{
  guint urn = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (check), "urn"));
  const char *name = g_object_get_data (G_OBJECT (check), "name");

  choose (add, urn, name, gtk_check_button_get_active (check));
}

static const char *
status_text (CohortsRegisterStatus status)
{
  switch (status)
    {
    case COHORTS_REGISTER_STATUS_CLOSED:
      return _("closed");
    case COHORTS_REGISTER_STATUS_PROPOSED_TO_CLOSE:
      return _("proposed to close");
    case COHORTS_REGISTER_STATUS_PROPOSED_TO_OPEN:
      return _("proposed to open");
    case COHORTS_REGISTER_STATUS_OPEN:
    case COHORTS_REGISTER_STATUS_UNKNOWN:
    default:
      return NULL;
    }
}

static GtkWidget *
result_row (AddDialog                  *add,
            const CohortsRegisterMatch *match)
{
  CohortsSchool *existing = add->self->plan ? cohorts_plan_find_school (add->self->plan, match->urn) : NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *subtitle = NULL;
  const char *status = status_text (match->status);

  /* Translators: in a school's line of search results, "URN 100000" */
  g_ptr_array_add (parts, g_strdup_printf (_("URN %u"), match->urn));
  if (match->town != NULL && match->town[0] != '\0')
    g_ptr_array_add (parts, g_strdup (match->town));
  if (match->phase != COHORTS_PHASE_UNKNOWN)
    g_ptr_array_add (parts, g_strdup (cohorts_enum_get_label (COHORTS_TYPE_PHASE, match->phase)));
  if (match->la_name != NULL && match->la_name[0] != '\0')
    g_ptr_array_add (parts, g_strdup (match->la_name));
  if (status != NULL)
    g_ptr_array_add (parts, g_strdup (status));
  g_ptr_array_add (parts, NULL);
  subtitle = g_strjoinv (" · ", (char **) parts->pdata);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), match->name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);

  if (existing != NULL)
    {
      GtkWidget *label = gtk_label_new (_("In the plan"));

      gtk_widget_add_css_class (label, "dim-label");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
      gtk_widget_set_sensitive (check, FALSE);
      gtk_widget_set_sensitive (row, FALSE);
    }
  else
    {
      g_object_set_data (G_OBJECT (check), "urn", GUINT_TO_POINTER (match->urn));
      g_object_set_data_full (G_OBJECT (check), "name", g_strdup (match->name), g_free);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   g_hash_table_contains (add->names, GUINT_TO_POINTER (match->urn)));
      g_signal_connect (check, "toggled", G_CALLBACK (result_toggled_cb), add);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
    }
  return row;
}

static void
run_search (AddDialog *add)
{
  CohortsRegisterQuery query;
  g_autoptr(GPtrArray) matches = NULL;
  g_autoptr(GError) error = NULL;
  guint phase = gtk_drop_down_get_selected (add->phase);
  guint religion = gtk_drop_down_get_selected (add->religion);
  const char *la = gtk_editable_get_text (GTK_EDITABLE (add->la));
  g_autofree char *la_clean = g_strstrip (g_strdup (la));
  GtkWidget *child;

  if (add->reg == NULL)
    return;

  cohorts_register_query_init (&query, gtk_editable_get_text (GTK_EDITABLE (add->entry)));
  if (phase > 0 && phase <= add->phases->len)
    query.phase = g_array_index (add->phases, int, phase - 1);
  if (religion > 0 && religion <= add->religions->len)
    query.religious_character = g_array_index (add->religions, int, religion - 1);
  if (la_clean[0] != '\0')
    query.la = la_clean;
  if (gtk_check_button_get_active (add->closed))
    query.statuses = COHORTS_REGISTER_STATUS_ALL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (add->results))) != NULL)
    gtk_list_box_remove (add->results, child);

  matches = cohorts_register_search (add->reg, &query, &error);
  if (matches == NULL)
    {
      gtk_label_set_label (add->status, error->message);
      return;
    }

  for (guint i = 0; i < matches->len; i++)
    gtk_list_box_append (add->results, result_row (add, g_ptr_array_index (matches, i)));

  if (matches->len == 0)
    gtk_label_set_label (add->status, _("No school in the register matches."));
  else if (matches->len >= COHORTS_REGISTER_SEARCH_LIMIT)
    {
      /* Translators: below the search results */
      g_autofree char *text = g_strdup_printf (_("The first %u schools found; type more to narrow the search."),
                                               matches->len);

      gtk_label_set_label (add->status, text);
    }
  else
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u school found",
                                                            "%u schools found", matches->len), matches->len);

      gtk_label_set_label (add->status, text);
    }
}

static void
add_schools (AddDialog *add)
{
  CohortsWindow *self = add->self;
  CohortsCohort *cohort = cohorts_window_get_selected_cohort (self);
  g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GString) problems = g_string_new (NULL);
  g_autofree char *label = NULL;
  g_autofree char *message = NULL;
  guint n = add->chosen->len;

  if (self->plan == NULL || n == 0)
    return;

  if (n == 1)
    label = g_strdup (_("Add School"));
  else
    /* Translators: what Undo undoes, "Add 3 Schools" */
    label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Add %u School", "Add %u Schools", n), n);

  /* All of them, into the cohort on show if one is: one step to undo. */
  cohorts_plan_begin_edit (self->plan, label);
  for (guint i = 0; i < n; i++)
    {
      guint urn = g_array_index (add->chosen, guint, i);
      g_autoptr(CohortsSchool) school = NULL;
      g_autoptr(GError) error = NULL;

      if (cohorts_plan_find_school (self->plan, urn) != NULL)
        continue;
      school = cohorts_register_make_school (add->reg, urn, &error);
      if (school != NULL && cohorts_plan_add_school (self->plan, school, &error))
        {
          if (cohort != NULL)
            cohorts_plan_move_school (self->plan, school, cohort, G_MAXUINT);
          g_ptr_array_add (added, g_steal_pointer (&school));
        }
      else
        g_string_append_printf (problems, "%s%s", problems->len > 0 ? "\n" : "", error->message);
    }
  cohorts_plan_end_edit (self->plan);

  gtk_window_destroy (add->window);   /* frees @add */

  if (added->len == 1)
    /* Translators: a notification, "Added St Mary's C of E Primary School" */
    message = g_strdup_printf (_("Added %s"), cohorts_school_get_name (g_ptr_array_index (added, 0)));
  else if (added->len > 1)
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Added %u school", "Added %u schools", added->len),
                               added->len);
  if (message != NULL)
    {
      AdwToast *toast = adw_toast_new (message);

      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "win.undo");
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
      cohorts_school_list_select_school (self->school_list, g_ptr_array_index (added, 0));
    }
  if (problems->len > 0)
    cohorts_window_show_error (self, _("Some Schools Were Not Added"), problems->str);
}

static void
warning_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     AddDialog        *add)
{
  if (g_str_equal (response, "add"))
    add_schools (add);
}

/* Asks first about schools that are closed or already academies. */
static void
add_clicked_cb (GtkButton *button,
                AddDialog *add)
{
  g_autoptr(GString) warnings = g_string_new (NULL);
  guint n_warned = 0;
  GtkWidget *dialog;

  for (guint i = 0; i < add->chosen->len; i++)
    {
      guint urn = g_array_index (add->chosen, guint, i);
      CohortsRegisterStanding standing = { 0, };
      g_autofree char *warning = NULL;

      if (!cohorts_register_get_standing (add->reg, urn, &standing, NULL))
        continue;
      warning = cohorts_register_standing_describe (&standing);
      cohorts_register_standing_clear (&standing);
      if (warning == NULL)
        continue;
      /* Translators: one school in a list of warnings, "Old Mill First School (URN 100002): This school closed on …" */
      g_string_append_printf (warnings, _("%s%s (URN %u): %s"), n_warned > 0 ? "\n" : "",
                              (const char *) g_hash_table_lookup (add->names, GUINT_TO_POINTER (urn)), urn,
                              warning);
      n_warned++;
    }

  if (n_warned == 0)
    {
      add_schools (add);
      return;
    }

  /* Over the plan's window: the question outlives the dialog it asks for. */
  dialog = adw_message_dialog_new (GTK_WINDOW (add->self),
                                   g_dngettext (GETTEXT_PACKAGE, "Add a Closed or Converted School?",
                                                "Add Closed or Converted Schools?", n_warned),
                                   warnings->str);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "add", _("Add _Anyway"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "add", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (warning_response_cb), add);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Opens the register, or shows why it cannot be searched. */
static void
add_dialog_load (AddDialog *add)
{
  g_autofree char *path = cohorts_register_default_path ();
  g_autoptr(GError) error = NULL;

  g_clear_object (&add->reg);
  add->reg = cohorts_register_open (path, &error);
  if (add->reg != NULL)
    {
      gtk_stack_set_visible_child_name (add->stack, "search");
      run_search (add);
      gtk_widget_grab_focus (GTK_WIDGET (add->entry));
    }
  else if (is_broken (error))
    {
      g_autofree char *description = describe_broken (error);

      adw_status_page_set_description (add->broken_page, description);
      gtk_stack_set_visible_child_name (add->stack, "broken");
    }
  else
    {
      if (!g_error_matches (error, COHORTS_REGISTER_ERROR, COHORTS_REGISTER_ERROR_NOT_FOUND))
        g_warning ("%s", error->message);
      gtk_stack_set_visible_child_name (add->stack, "empty");
    }
}

static void
rebuild_clicked_cb (GtkButton *button,
                    AddDialog *add)
{
  CohortsWindow *self = add->self;

  /* Importing closes this dialog, and opens it again when done. */
  self->add_after_import = TRUE;
  if (rebuild_register (self))
    return;
  self->add_after_import = FALSE;
  add_dialog_load (add);
}

static void
import_clicked_cb (GtkButton *button,
                   AddDialog *add)
{
  CohortsWindow *self = add->self;

  self->add_after_import = TRUE;
  gtk_window_destroy (add->window);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.import-register", NULL);
}

static void
search_changed_cb (AddDialog *add)
{
  run_search (add);
}

/* A drop-down of @enum_type's labels, after @any; @values gets the values. */
static GtkWidget *
enum_drop_down (GType       enum_type,
                const char *any,
                GArray     *values)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  gtk_string_list_append (labels, any);
  for (guint i = 0; i < klass->n_values; i++)
    {
      int value = klass->values[i].value;

      if (value == 0)
        continue;
      g_array_append_val (values, value);
      gtk_string_list_append (labels, cohorts_enum_get_label (enum_type, value));
    }
  return gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&labels)), NULL);
}

static GtkWidget *
status_page (const char *icon,
             const char *title,
             const char *description,
             const char *button_label,
             gboolean    destructive,
             GCallback   clicked,
             AddDialog  *add)
{
  GtkWidget *page = adw_status_page_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (button_label);

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (page), icon);
  adw_status_page_set_title (ADW_STATUS_PAGE (page), title);
  adw_status_page_set_description (ADW_STATUS_PAGE (page), description);
  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "pill");
  gtk_widget_add_css_class (button, destructive ? "destructive-action" : "suggested-action");
  g_signal_connect (button, "clicked", clicked, add);
  adw_status_page_set_child (ADW_STATUS_PAGE (page), button);
  gtk_widget_set_vexpand (page, TRUE);
  return page;
}

/**
 * cohorts_window_show_add_from_register:
 *
 * Shows the Add Schools from Register dialog: its search, or how to get
 * the register when there is none, or the offer to rebuild a register that
 * cannot be read.
 *
 * Returns: (transfer none): the dialog
 */
GtkWindow *
cohorts_window_show_add_from_register (CohortsWindow *self)
{
  AddDialog *add;
  GtkWidget *window, *box, *header, *cancel, *search_box, *filters, *scrolled, *clamp, *page;

  g_return_val_if_fail (COHORTS_IS_WINDOW (self), NULL);
  g_return_val_if_fail (self->plan != NULL, NULL);

  if (self->register_dialog != NULL)
    {
      gtk_window_present (self->register_dialog);
      return self->register_dialog;
    }

  add = g_new0 (AddDialog, 1);
  add->self = self;
  add->phases = g_array_new (FALSE, FALSE, sizeof (int));
  add->religions = g_array_new (FALSE, FALSE, sizeof (int));
  add->chosen = g_array_new (FALSE, FALSE, sizeof (guint));
  add->names = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);

  window = cohorts_dialog_window_new (GTK_WINDOW (self), "add-from-register", _("Add Schools from Register"),
                                      760, 620);
  add->window = GTK_WINDOW (window);
  g_object_set_data_full (G_OBJECT (window), "add-dialog", add, (GDestroyNotify) add_dialog_free);

  header = adw_header_bar_new ();
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  add->add = gtk_button_new_with_mnemonic (_("_Add"));
  gtk_widget_add_css_class (add->add, "suggested-action");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), add->add);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_destroy), window);
  g_signal_connect (add->add, "clicked", G_CALLBACK (add_clicked_cb), add);
  update_add_button (add);

  /* The search: words, then the filters on a line below. */
  search_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_top (search_box, 12);
  gtk_widget_set_margin_bottom (search_box, 12);
  gtk_widget_set_margin_start (search_box, 12);
  gtk_widget_set_margin_end (search_box, 12);

  add->entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  gtk_search_entry_set_search_delay (add->entry, 150);
  g_object_set (add->entry, "placeholder-text", _("Name, town, postcode or URN"), NULL);
  gtk_box_append (GTK_BOX (search_box), GTK_WIDGET (add->entry));

  filters = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  add->phase = GTK_DROP_DOWN (enum_drop_down (COHORTS_TYPE_PHASE, _("Any phase"), add->phases));
  gtk_widget_set_tooltip_text (GTK_WIDGET (add->phase), _("Phase"));
  add->religion = GTK_DROP_DOWN (enum_drop_down (COHORTS_TYPE_RELIGIOUS_CHARACTER, _("Any religious character"),
                                                 add->religions));
  gtk_widget_set_tooltip_text (GTK_WIDGET (add->religion), _("Religious character"));
  add->la = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_placeholder_text (add->la, _("Local authority"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (add->la), _("A local authority's name or code"));
  gtk_widget_set_hexpand (GTK_WIDGET (add->la), TRUE);
  add->closed = GTK_CHECK_BUTTON (gtk_check_button_new_with_mnemonic (_("Include _closed")));
  gtk_box_append (GTK_BOX (filters), GTK_WIDGET (add->phase));
  gtk_box_append (GTK_BOX (filters), GTK_WIDGET (add->religion));
  gtk_box_append (GTK_BOX (filters), GTK_WIDGET (add->la));
  gtk_box_append (GTK_BOX (filters), GTK_WIDGET (add->closed));
  gtk_box_append (GTK_BOX (search_box), filters);

  add->results = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_set_name (GTK_WIDGET (add->results), "register-results");
  gtk_list_box_set_selection_mode (add->results, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (add->results), "boxed-list");
  gtk_widget_set_valign (GTK_WIDGET (add->results), GTK_ALIGN_START);
  clamp = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_start (clamp, 12);
  gtk_widget_set_margin_end (clamp, 12);
  gtk_widget_set_margin_bottom (clamp, 12);
  gtk_box_append (GTK_BOX (clamp), GTK_WIDGET (add->results));
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_widget_set_vexpand (scrolled, TRUE);

  add->status = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (add->status), "dim-label");
  gtk_label_set_wrap (add->status, TRUE);
  gtk_label_set_xalign (add->status, 0);
  gtk_widget_set_margin_start (GTK_WIDGET (add->status), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (add->status), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (add->status), 12);

  page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (page), search_box);
  gtk_box_append (GTK_BOX (page), scrolled);
  gtk_box_append (GTK_BOX (page), GTK_WIDGET (add->status));

  add->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (add->stack, page, "search");
  gtk_stack_add_named (add->stack,
                       status_page ("system-search-symbolic", _("No School Register Yet"),
                                    _("Cohorts finds schools in the DfE's register, Get Information about "
                                      "Schools. On its website choose Download, then Establishment fields "
                                      "(CSV) of all establishments, and import the edubasealldata file from "
                                      "the zip: about 50,000 schools, in a minute or so."),
                                    _("_Import School Register…"), FALSE, G_CALLBACK (import_clicked_cb), add),
                       "empty");
  gtk_stack_add_named (add->stack,
                       status_page ("dialog-warning-symbolic", _("The School Register Cannot Be Read"), NULL,
                                    _("_Rebuild"), TRUE, G_CALLBACK (rebuild_clicked_cb), add),
                       "broken");
  add->broken_page = ADW_STATUS_PAGE (gtk_stack_get_child_by_name (add->stack, "broken"));

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (add->stack));
  adw_window_set_content (ADW_WINDOW (window), box);

  g_signal_connect_swapped (add->entry, "search-changed", G_CALLBACK (search_changed_cb), add);
  g_signal_connect_swapped (add->phase, "notify::selected", G_CALLBACK (search_changed_cb), add);
  g_signal_connect_swapped (add->religion, "notify::selected", G_CALLBACK (search_changed_cb), add);
  g_signal_connect_swapped (add->la, "changed", G_CALLBACK (search_changed_cb), add);
  g_signal_connect_swapped (add->closed, "toggled", G_CALLBACK (search_changed_cb), add);


  self->register_dialog = GTK_WINDOW (window);
  add_dialog_load (add);
  gtk_window_present (GTK_WINDOW (window));
  return GTK_WINDOW (window);
}

static void
add_from_register_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  CohortsWindow *self = COHORTS_WINDOW (widget);

  if (self->plan != NULL && self->busy_cancellable == NULL)
    cohorts_window_show_add_from_register (self);
}

/* Refresh from Register */

typedef struct
{
  CohortsWindow *self;
  GtkWindow *window;
  GtkWidget *apply;
  GPtrArray *differences;
  GPtrArray *checks;            /* a check button a difference */
} RefreshDialog;

static void
refresh_dialog_free (RefreshDialog *refresh)
{
  g_ptr_array_unref (refresh->differences);
  g_ptr_array_unref (refresh->checks);
  g_free (refresh);
}

static void
refresh_toggled_cb (RefreshDialog *refresh)
{
  gboolean any = FALSE;

  for (guint i = 0; i < refresh->checks->len && !any; i++)
    any = gtk_check_button_get_active (g_ptr_array_index (refresh->checks, i));
  gtk_widget_set_sensitive (refresh->apply, any);
}

static void
apply_clicked_cb (RefreshDialog *refresh)
{
  CohortsWindow *self = refresh->self;
  g_autoptr(GPtrArray) chosen = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  for (guint i = 0; i < refresh->differences->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (refresh->checks, i)))
      g_ptr_array_add (chosen, g_ptr_array_index (refresh->differences, i));

  if (self->plan == NULL || chosen->len == 0)
    return;

  if (!cohorts_register_apply (self->plan, chosen, &error))
    {
      cohorts_window_show_error (self, _("Could Not Refresh from the Register"), error->message);
      gtk_window_destroy (refresh->window);
      return;
    }

  /* Translators: a notification, "Refreshed 3 details from the school register" */
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Refreshed %u detail from the school register",
                                          "Refreshed %u details from the school register", chosen->len),
                             chosen->len);
  gtk_window_destroy (refresh->window);
  {
    AdwToast *toast = adw_toast_new (message);

    adw_toast_set_button_label (toast, _("_Undo"));
    adw_toast_set_action_name (toast, "win.undo");
    adw_toast_overlay_add_toast (self->toast_overlay, toast);
  }
}

static GtkWidget *
difference_row (CohortsRegisterDifference *difference,
                GtkWidget                 *check)
{
  GtkWidget *row = adw_action_row_new ();
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (difference->school), difference->property);
  const char *what = pspec != NULL ? _(g_param_spec_get_nick (pspec)) : difference->property;
  const char *old_text = difference->old_text[0] != '\0' ? difference->old_text : _("none");
  /* Translators: a difference from the register, "Pupils on roll: 1214 → 1250" */
  g_autofree char *subtitle = g_strdup_printf (_("%s: %s → %s"), what, old_text, difference->new_text);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), cohorts_school_get_name (difference->school));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  return row;
}

static GtkWindow *
refresh_window (CohortsWindow *self,
                GPtrArray     *differences,
                CohortsDate    file_date)
{
  RefreshDialog *refresh = g_new0 (RefreshDialog, 1);
  GtkWidget *window = cohorts_dialog_window_new (GTK_WINDOW (self), "refresh-from-register",
                                                 _("Refresh from Register"), 620, 560);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *intro;
  g_autofree char *intro_text = NULL;

  refresh->self = self;
  refresh->window = GTK_WINDOW (window);
  refresh->differences = g_ptr_array_ref (differences);
  refresh->checks = g_ptr_array_new ();
  refresh->apply = gtk_button_new_with_mnemonic (_("_Apply"));

  g_object_set_data_full (G_OBJECT (window), "refresh-dialog", refresh, (GDestroyNotify) refresh_dialog_free);

  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), refresh->apply);
  gtk_widget_add_css_class (refresh->apply, "suggested-action");
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_destroy), window);
  g_signal_connect_swapped (refresh->apply, "clicked", G_CALLBACK (apply_clicked_cb), refresh);

  if (file_date != COHORTS_DATE_NONE)
    {
      g_autofree char *date = cohorts_date_format (file_date);

      /* Translators: %s is the date of the DfE's file, "1 April 2025" */
      intro_text = g_strdup_printf (_("Where the plan's schools differ from the school register of %s. "
                                      "The details ticked take the register's values."), date);
    }
  else
    intro_text = g_strdup (_("Where the plan's schools differ from the school register. "
                             "The details ticked take the register's values."));
  intro = gtk_label_new (intro_text);
  gtk_label_set_wrap (GTK_LABEL (intro), TRUE);
  gtk_label_set_xalign (GTK_LABEL (intro), 0);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_widget_set_valign (list, GTK_ALIGN_START);
  for (guint i = 0; i < differences->len; i++)
    {
      GtkWidget *check = gtk_check_button_new ();

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
      g_signal_connect_swapped (check, "toggled", G_CALLBACK (refresh_toggled_cb), refresh);
      g_ptr_array_add (refresh->checks, check);
      gtk_list_box_append (GTK_LIST_BOX (list), difference_row (g_ptr_array_index (differences, i), check));
    }

  gtk_widget_set_margin_top (content, 12);
  gtk_widget_set_margin_bottom (content, 12);
  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 12);
  gtk_box_append (GTK_BOX (content), intro);
  gtk_box_append (GTK_BOX (content), list);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), content);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), scrolled);
  adw_window_set_content (ADW_WINDOW (window), box);


  gtk_window_set_default_widget (GTK_WINDOW (window), refresh->apply);
  gtk_window_present (GTK_WINDOW (window));
  return GTK_WINDOW (window);
}

static void
register_problem_response_cb (AdwMessageDialog *dialog,
                              const char       *response,
                              CohortsWindow    *self)
{
  if (g_str_equal (response, "rebuild"))
    {
      if (rebuild_register (self))
        return;
      cohorts_window_toast (self, _("The school register was deleted: import the DfE's file again"));
    }
  if (g_str_equal (response, "rebuild") || g_str_equal (response, "import"))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.import-register", NULL);
}

/**
 * cohorts_window_show_refresh_from_register:
 *
 * Compares the plan's schools with the register and shows the differences
 * to choose from; or says there are none, or that there is no register or
 * it cannot be read.
 *
 * Returns: (transfer none): the dialog shown, a message or the list
 */
GtkWindow *
cohorts_window_show_refresh_from_register (CohortsWindow *self)
{
  g_autofree char *path = cohorts_register_default_path ();
  g_autoptr(CohortsRegister) reg = NULL;
  g_autoptr(GPtrArray) differences = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;

  g_return_val_if_fail (COHORTS_IS_WINDOW (self), NULL);
  g_return_val_if_fail (self->plan != NULL, NULL);

  reg = cohorts_register_open (path, &error);
  if (reg != NULL)
    differences = cohorts_register_compare (reg, self->plan, &error);

  if (differences != NULL && differences->len > 0)
    return refresh_window (self, differences, cohorts_register_get_file_date (reg));

  if (differences != NULL)
    {
      dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Nothing to Refresh"),
                                       _("The plan's schools agree with the school register."));
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
    }
  else if (g_error_matches (error, COHORTS_REGISTER_ERROR, COHORTS_REGISTER_ERROR_NOT_FOUND))
    {
      dialog = adw_message_dialog_new (GTK_WINDOW (self), _("No School Register Yet"),
                                       _("Import the DfE's establishment file from Get Information about "
                                         "Schools first."));
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "cancel", _("_Cancel"),
                                        "import", _("_Import…"),
                                        NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "import", ADW_RESPONSE_SUGGESTED);
    }
  else if (is_broken (error))
    {
      g_autofree char *description = describe_broken (error);

      dialog = adw_message_dialog_new (GTK_WINDOW (self), _("The School Register Cannot Be Read"), description);
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "cancel", _("_Cancel"),
                                        "rebuild", _("_Rebuild"),
                                        NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "rebuild", ADW_RESPONSE_DESTRUCTIVE);
    }
  else
    {
      dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Refresh from the Register"), error->message);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
    }

  g_signal_connect_object (dialog, "response", G_CALLBACK (register_problem_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

static void
refresh_from_register_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  CohortsWindow *self = COHORTS_WINDOW (widget);

  if (self->plan != NULL && self->busy_cancellable == NULL)
    cohorts_window_show_refresh_from_register (self);
}

void
cohorts_window_update_register_actions (CohortsWindow *self)
{
  gboolean idle = self->busy_cancellable == NULL;
  gboolean editable = idle && self->plan != NULL && !self->review_mode;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-register", idle);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-from-register", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.refresh-from-register", editable);
}

void
cohorts_window_class_init_register (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.import-register", NULL, import_register_action);
  gtk_widget_class_install_action (widget_class, "win.add-from-register", NULL, add_from_register_action);
  gtk_widget_class_install_action (widget_class, "win.refresh-from-register", NULL, refresh_from_register_action);
}
