/* cohorts-window-export.c: printing and exporting a plan from its window
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Print (Ctrl+P) runs the system print dialog with a Timeline tab. Export
 * Timeline (Shift+Ctrl+E) asks for a file, then what to show on which
 * paper, and writes it in a worker thread; Export Board Pack asks for a PDF
 * and writes the board pack the same way. Meanwhile a modal dialog shows
 * the pages done and can cancel; the window is insensitive, so the plan
 * cannot change under the thread. The months and cohorts chosen are the
 * window's: the next print or export starts from them.
 */
#define G_LOG_DOMAIN "cohorts-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cohorts-export.h"
#include "cohorts-print-operation.h"
#include "cohorts-timeline-options.h"
#include "cohorts-ui-util.h"
#include "cohorts-window-private.h"

#define EXPORT_GROUP   "Export"
#define TIMELINE_GROUP "Timeline"

/* What the next print or export starts from: the window's last choices, or
 * the layout and columns kept from the last run (of @group) with the
 * baseline the timeline shows. */
static CohortsPrintChoices *
initial_choices (CohortsWindow *self,
                 const char    *group)
{
  g_autoptr(GKeyFile) keyfile = NULL;
  CohortsPrintChoices *choices;

  if (self->print_choices != NULL)
    choices = cohorts_print_choices_copy (self->print_choices);
  else
    {
      choices = cohorts_print_choices_new ();
      keyfile = cohorts_print_state_load ();
      cohorts_print_choices_load (choices, keyfile, TIMELINE_GROUP);
      cohorts_print_choices_load (choices, keyfile, group);
      /* The first time, the baseline the timeline shows. */
      if (cohorts_timeline_get_baseline (self->timeline) != NULL)
        choices->baseline = g_strdup (cohorts_baseline_get_id (cohorts_timeline_get_baseline (self->timeline)));
    }
  /* The diocese view prints and exports what it shows. */
  g_free (choices->diocese);
  choices->diocese = g_strdup (self->diocese);
  return choices;
}

static void
remember_choices (CohortsWindow             *self,
                  const CohortsPrintChoices *choices)
{
  if (choices == self->print_choices)
    return;
  g_clear_pointer (&self->print_choices, cohorts_print_choices_free);
  self->print_choices = cohorts_print_choices_copy (choices);
}

/**
 * cohorts_window_forget_print_choices:
 *
 * Another plan is shown: its months and cohorts are its own.
 */
void
cohorts_window_forget_print_choices (CohortsWindow *self)
{
  g_clear_pointer (&self->print_choices, cohorts_print_choices_free);
}

/* Print */

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               CohortsWindow           *self)
{
  g_autoptr(GtkPrintOperation) keep = g_object_ref (operation);

  if (self->print_operation == operation)
    g_clear_object (&self->print_operation);

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;

      gtk_print_operation_get_error (operation, &error);
      cohorts_window_show_error (self, _("Could Not Print"), error != NULL ? error->message : _("The printer reported an error."));
    }
  else if (result == GTK_PRINT_OPERATION_RESULT_APPLY && self->plan != NULL)
    remember_choices (self, cohorts_print_operation_get_choices (COHORTS_PRINT_OPERATION (operation)));
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  CohortsWindow *self = COHORTS_WINDOW (widget);
  g_autoptr(CohortsPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *edition = NULL;
  GtkPrintOperationResult result;

  if (self->plan == NULL || self->print_operation != NULL || self->busy_cancellable != NULL)
    return;

  edition = cohorts_plan_dup_edition (self->plan, self->file);
  operation = cohorts_print_operation_new (self->plan, edition);
  if (self->print_choices != NULL || self->diocese != NULL)
    {
      g_autoptr(CohortsPrintChoices) choices = initial_choices (self, TIMELINE_GROUP);

      cohorts_print_operation_set_choices (operation, choices);
    }
  gtk_print_operation_set_allow_async (GTK_PRINT_OPERATION (operation), TRUE);
  self->print_operation = g_object_ref (GTK_PRINT_OPERATION (operation));
  g_signal_connect_object (operation, "done", G_CALLBACK (print_done_cb), self, 0);

  result = gtk_print_operation_run (GTK_PRINT_OPERATION (operation), GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    GTK_WINDOW (self), &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR && self->print_operation != NULL)
    {
      g_clear_object (&self->print_operation);
      cohorts_window_show_error (self, _("Could Not Print"), error->message);
    }
}

/* Export: progress, cancel, the result */

typedef struct
{
  CohortsWindow *self;
  char *name;   /* the file's name, for people */
} ExportData;

/* In the worker thread: tell the main thread. */
static void
export_progress_cb (guint    done,
                    guint    total,
                    gpointer user_data)
{
  /* Translators: the progress of an export: "Page 3 of 40" */
  g_autofree char *text = g_strdup_printf (_("Page %u of %u"), done, total);

  cohorts_window_report_progress (user_data, total ? (double) done / total : 0, text);
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  ExportData *data = user_data;
  CohortsWindow *self = data->self;
  g_autoptr(GError) error = NULL;

  cohorts_window_end_progress (self);

  if (cohorts_export_finish (result, &error))
    {
      /* Translators: a notification, "Exported “Northfield.pdf”" */
      g_autofree char *message = g_strdup_printf (_("Exported “%s”"), data->name);

      cohorts_window_toast (self, message);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    cohorts_window_toast (self, _("Export cancelled"));
  else
    {
      /* Translators: the first %s is a file's name, the second why it could not be written */
      g_autofree char *body = g_strdup_printf (_("“%s” could not be written: %s\n\nAny file of that name is as it was."),
                                               data->name, error->message);

      cohorts_window_show_error (self, _("Could Not Export"), body);
    }

  g_object_unref (data->self);
  g_free (data->name);
  g_free (data);
}

/* Shows the progress dialog and makes the window insensitive; returns the
 * local path of @file, or %NULL (and says why) when there is none. */
static char *
begin_export (CohortsWindow  *self,
              GFile          *file,
              const char     *heading,
              ExportData    **data_out)
{
  g_autofree char *path = NULL;
  g_autofree char *body = NULL;
  ExportData *data;

  data = g_new0 (ExportData, 1);
  data->self = g_object_ref (self);
  data->name = g_file_get_basename (file);
  path = g_file_get_path (file);

  if (path == NULL)
    {
      /* Translators: a file chosen where only files on this computer can be written */
      g_autofree char *message = g_strdup_printf (_("“%s” is not a file on this computer."), data->name);

      cohorts_window_show_error (self, _("Could Not Export"), message);
      g_object_unref (data->self);
      g_free (data->name);
      g_free (data);
      return NULL;
    }

  body = g_strdup_printf ("“%s”", data->name);
  cohorts_window_begin_progress (self, heading, body, _("Laying out the pages…"));

  *data_out = data;
  return g_steal_pointer (&path);
}

/**
 * cohorts_window_export_timeline:
 * @file: where to write; its extension chooses the format
 * @choices: what to show on which paper
 *
 * Writes the plan's timeline to @file in the background, showing the pages
 * done in a dialog that can cancel; then a notification, or what went wrong.
 */
void
cohorts_window_export_timeline (CohortsWindow             *self,
                                GFile                     *file,
                                const CohortsPrintChoices *choices)
{
  g_autofree char *path = NULL;
  g_autofree char *edition = NULL;
  ExportData *data = NULL;

  g_return_if_fail (COHORTS_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (choices != NULL);

  if (self->plan == NULL || self->busy_cancellable != NULL)
    return;

  remember_choices (self, choices);
  path = begin_export (self, file, _("Exporting the Timeline"), &data);
  if (path == NULL)
    return;

  edition = cohorts_plan_dup_edition (self->plan, self->file);
  cohorts_export_timeline_async (self->plan, path, choices, edition, cohorts_date_today (),
                                 self->busy_cancellable, export_progress_cb, self, export_done_cb, data);
}

/**
 * cohorts_window_export_board_pack:
 * @file: the PDF to write
 *
 * Writes the plan's board pack to @file in the background, as
 * cohorts_window_export_timeline() does the timeline.
 */
void
cohorts_window_export_board_pack (CohortsWindow *self,
                                  GFile         *file)
{
  g_autofree char *path = NULL;
  g_autofree char *edition = NULL;
  ExportData *data = NULL;

  g_return_if_fail (COHORTS_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->plan == NULL || self->busy_cancellable != NULL)
    return;

  path = begin_export (self, file, _("Exporting the Board Pack"), &data);
  if (path == NULL)
    return;

  edition = cohorts_plan_dup_edition (self->plan, self->file);
  cohorts_export_board_pack_async (self->plan, path, edition, cohorts_date_today (),
                                   self->busy_cancellable, export_progress_cb, self, export_done_cb, data);
}

/**
 * cohorts_window_export_diocese_summary:
 * @file: the PDF to write
 * @diocese: the diocese's key
 * @paper: A4 or A3
 *
 * Writes the diocesan summary of @diocese to @file in the background, as
 * cohorts_window_export_board_pack() does the board pack.
 */
void
cohorts_window_export_diocese_summary (CohortsWindow    *self,
                                       GFile            *file,
                                       const char       *diocese,
                                       CohortsPaperSize  paper)
{
  g_autofree char *path = NULL;
  g_autofree char *edition = NULL;
  ExportData *data = NULL;

  g_return_if_fail (COHORTS_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (diocese != NULL);

  if (self->plan == NULL || self->busy_cancellable != NULL)
    return;

  path = begin_export (self, file, _("Exporting the Diocesan Summary"), &data);
  if (path == NULL)
    return;

  edition = cohorts_plan_dup_edition (self->plan, self->file);
  cohorts_export_diocese_summary_async (self->plan, diocese, path, paper, edition, cohorts_date_today (),
                                        self->busy_cancellable, export_progress_cb, self, export_done_cb, data);
}

/* Export Timeline: the file, then the options */

typedef struct
{
  CohortsWindow *self;
  GFile *file;
  GtkWindow *window;
  CohortsTimelineOptions *options;
} ExportDialog;

static void
export_dialog_free (ExportDialog *dialog)
{
  g_object_unref (dialog->self);
  g_object_unref (dialog->file);
  g_free (dialog);
}

static void
export_clicked_cb (GtkButton    *button,
                   ExportDialog *dialog)
{
  g_autoptr(CohortsPrintChoices) choices = cohorts_timeline_options_get_choices (dialog->options);
  g_autoptr(GKeyFile) keyfile = cohorts_print_state_load ();
  CohortsWindow *self = dialog->self;
  g_autoptr(GFile) file = g_object_ref (dialog->file);

  cohorts_print_choices_save (choices, keyfile, EXPORT_GROUP);
  cohorts_print_state_save (keyfile);
  gtk_window_destroy (dialog->window);
  cohorts_window_export_timeline (self, file, choices);
}

static GtkWidget *
export_options_window (CohortsWindow *self,
                       GFile         *file)
{
  g_autoptr(CohortsPrintChoices) choices = initial_choices (self, EXPORT_GROUP);
  g_autofree char *name = g_file_get_basename (file);
  ExportDialog *dialog = g_new0 (ExportDialog, 1);
  GtkWidget *window = cohorts_dialog_window_new (GTK_WINDOW (self), "export-timeline", _("Export Timeline"),
                                                 520, 680);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *export = gtk_button_new_with_mnemonic (_("_Export"));
  GtkWidget *options = cohorts_timeline_options_new (self->plan, choices, TRUE);

  dialog->self = g_object_ref (self);
  dialog->file = g_object_ref (file);
  dialog->window = GTK_WINDOW (window);
  dialog->options = COHORTS_TIMELINE_OPTIONS (options);

  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), adw_window_title_new (_("Export Timeline"), name));
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), export);
  gtk_widget_add_css_class (export, "suggested-action");
  gtk_window_set_default_widget (GTK_WINDOW (window), export);
  gtk_window_set_focus (GTK_WINDOW (window), export);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_destroy), window);
  g_signal_connect (export, "clicked", G_CALLBACK (export_clicked_cb), dialog);
  g_object_set_data_full (G_OBJECT (window), "export-dialog", dialog, (GDestroyNotify) export_dialog_free);


  gtk_widget_set_vexpand (options, TRUE);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), options);
  adw_window_set_content (ADW_WINDOW (window), box);
  return window;
}

static GtkFileFilter *
format_filter (const char *name,
               const char *mime_type,
               const char *suffix)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_mime_type (filter, mime_type);
  gtk_file_filter_add_suffix (filter, suffix);
  g_object_set_data (G_OBJECT (filter), "suffix", (gpointer) suffix);
  return filter;
}

static void
export_chooser_response_cb (GtkNativeDialog *chooser,
                            int              response,
                            CohortsWindow   *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *basename = NULL;
  CohortsExportFormat format;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    {
      /* A name with no known extension gets the chosen type's. */
      basename = g_file_get_basename (file);
      if (!cohorts_export_format_for_path (basename, &format))
        {
          GtkFileFilter *filter = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (chooser));
          const char *suffix = filter ? g_object_get_data (G_OBJECT (filter), "suffix") : NULL;
          g_autofree char *with_extension = g_strconcat (basename, ".", suffix ? suffix : "pdf", NULL);
          g_autoptr(GFile) parent = g_file_get_parent (file);

          g_set_object (&file, NULL);
          file = g_file_get_child (parent, with_extension);
        }
    }
  g_clear_object (&self->chooser);

  if (file != NULL && self->plan != NULL)
    gtk_window_present (GTK_WINDOW (export_options_window (self, file)));
}

/* The plan's title, as a file's name. */
static char *
default_export_name (CohortsWindow *self)
{
  const char *title = cohorts_plan_get_title (self->plan);
  g_autofree char *name = NULL;

  if (title[0] == '\0')
    title = cohorts_trust_get_name (cohorts_plan_get_trust (self->plan));
  if (title[0] == '\0')
    title = _("Timeline");
  /* "Northfield: plan 2027" makes "Northfield plan 2027.pdf". */
  name = g_strdelimit (g_strdup (title), "/\\", '-');
  for (char *c = name; *c != '\0'; c++)
    if (*c == ':')
      memmove (c, c + 1, strlen (c));
  return g_steal_pointer (&name);
}

static void
export_timeline_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  CohortsWindow *self = COHORTS_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autofree char *title = NULL;
  g_autofree char *name = NULL;

  if (self->plan == NULL || self->chooser != NULL || self->busy_cancellable != NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Export Timeline"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Choose"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), format_filter (_("PDF documents"), "application/pdf", "pdf"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), format_filter (_("SVG images, a file a page"),
                                                                          "image/svg+xml", "svg"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), format_filter (_("PNG images, a file a page"),
                                                                          "image/png", "png"));
  if (self->file != NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (self->file);

      if (folder != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
    }
  title = default_export_name (self);
  name = g_strconcat (title, ".pdf", NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (export_chooser_response_cb), self);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->chooser);
}

static void
board_pack_chooser_response_cb (GtkNativeDialog *chooser,
                                int              response,
                                CohortsWindow   *self)
{
  g_autoptr(GFile) file = cohorts_window_take_chosen_file (self, chooser, response);

  if (file != NULL)
    {
      g_autofree char *basename = g_file_get_basename (file);

      /* A board pack is a PDF, whatever the name typed. */
      if (!g_str_has_suffix (basename, ".pdf") && !g_str_has_suffix (basename, ".PDF"))
        {
          g_autofree char *with_extension = g_strconcat (basename, ".pdf", NULL);
          g_autoptr(GFile) parent = g_file_get_parent (file);

          g_set_object (&file, NULL);
          file = g_file_get_child (parent, with_extension);
        }
    }

  if (file != NULL && self->plan != NULL)
    cohorts_window_export_board_pack (self, file);
}

static void
export_board_pack_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  CohortsWindow *self = COHORTS_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autofree char *title = NULL;
  g_autofree char *pack = NULL;
  g_autofree char *name = NULL;

  if (self->plan == NULL || self->chooser != NULL || self->busy_cancellable != NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Export Board Pack"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), format_filter (_("PDF documents"), "application/pdf", "pdf"));
  if (self->file != NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (self->file);

      if (folder != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
    }
  title = default_export_name (self);
  /* Translators: the board pack's file name, before ".pdf": "Northfield plan 2027 – board pack" */
  pack = g_strdup_printf (_("%s – board pack"), title);
  name = g_strconcat (pack, ".pdf", NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (board_pack_chooser_response_cb), self);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->chooser);
}

/**
 * cohorts_window_show_export_options:
 * @file: where the export goes
 *
 * Shows the Export Timeline dialog for @file, as after the file chooser.
 *
 * Returns: (transfer none): the dialog
 */
GtkWindow *
cohorts_window_show_export_options (CohortsWindow *self,
                                    GFile         *file)
{
  GtkWidget *window;

  g_return_val_if_fail (COHORTS_IS_WINDOW (self), NULL);
  g_return_val_if_fail (self->plan != NULL, NULL);

  window = export_options_window (self, file);
  gtk_window_present (GTK_WINDOW (window));
  return GTK_WINDOW (window);
}

void
cohorts_window_update_export_actions (CohortsWindow *self)
{
  gboolean idle = self->plan != NULL && self->busy_cancellable == NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print", idle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-timeline", idle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-board-pack", idle);
}

void
cohorts_window_class_init_export (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.export-timeline", NULL, export_timeline_action);
  gtk_widget_class_install_action (widget_class, "win.export-board-pack", NULL, export_board_pack_action);
}

void
cohorts_window_dispose_export (CohortsWindow *self)
{
  if (self->busy_cancellable != NULL)
    g_cancellable_cancel (self->busy_cancellable);
  if (self->print_operation != NULL)
    gtk_print_operation_cancel (self->print_operation);
  g_clear_object (&self->print_operation);
  g_clear_pointer (&self->print_choices, cohorts_print_choices_free);
}
