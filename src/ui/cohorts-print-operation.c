/* cohorts-print-operation.c: printing the timeline
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GtkPrintOperation that lays the plan's timeline out on the pages the
 * print dialog chose (its paper, its orientation, its margins: the context's
 * printable area, in points) and draws each with the same CohortsPaper as
 * export. Its Timeline tab asks what to print. The print settings, the page
 * setup and the tab's layout and columns are kept between runs; the months
 * and cohorts chosen belong to the plan, and the window keeps them.
 */
#define G_LOG_DOMAIN "cohorts-print"

#include "config.h"

#include <glib/gi18n.h>

#include "cohorts-paper.h"
#include "cohorts-print-operation.h"
#include "cohorts-timeline-options.h"

#define PRINT_SETTINGS_GROUP "Print Settings"
#define PAGE_SETUP_GROUP     "Page Setup"
#define TIMELINE_GROUP       "Timeline"

struct _CohortsPrintOperation
{
  GtkPrintOperation parent_instance;

  CohortsPlan *plan;
  char *edition;
  CohortsPrintChoices *choices;
  CohortsDate today;
  gboolean exporting;          /* to a file named by the program: nothing to keep */

  /* While printing */
  CohortsTimelineRows *rows;
  CohortsPaper *paper;
  GtkPageSetup *page_setup;    /* the one printed on, kept for next time */
};

G_DEFINE_FINAL_TYPE (CohortsPrintOperation, cohorts_print_operation, GTK_TYPE_PRINT_OPERATION)

static void
cohorts_print_operation_begin_print (GtkPrintOperation *operation,
                                     GtkPrintContext   *context)
{
  CohortsPrintOperation *self = COHORTS_PRINT_OPERATION (operation);

  g_clear_object (&self->rows);
  self->rows = cohorts_print_choices_make_rows (self->choices, self->plan);
  g_set_object (&self->page_setup, gtk_print_context_get_page_setup (context));
}

/* Connected as a signal, not only the class's: GTK paginates only when a
 * handler is connected. Laying out is numbers only: one step does it. */
static gboolean
paginate_cb (GtkPrintOperation *operation,
             GtkPrintContext   *context,
             gpointer           user_data)
{
  CohortsPrintOperation *self = COHORTS_PRINT_OPERATION (operation);
  CohortsPaperOptions options;

  g_return_val_if_fail (self->rows != NULL, TRUE);

  cohorts_paper_options_init (&options, COHORTS_PAPER_SIZE_A4, COHORTS_PAPER_LANDSCAPE);
  /* The unit is points: these are the printable area's, in the dialog's
   * paper and orientation. */
  options.width = gtk_print_context_get_width (context);
  options.height = gtk_print_context_get_height (context);
  cohorts_print_choices_apply (self->choices, &options);
  options.today = self->today;
  options.edition = self->edition;

  g_clear_pointer (&self->paper, cohorts_paper_free);
  self->paper = cohorts_paper_new (self->rows, &options);
  gtk_print_operation_set_n_pages (operation, (int) cohorts_paper_get_n_pages (self->paper));
  return TRUE;
}

static void
cohorts_print_operation_draw_page (GtkPrintOperation *operation,
                                   GtkPrintContext   *context,
                                   int                page_nr)
{
  CohortsPrintOperation *self = COHORTS_PRINT_OPERATION (operation);

  g_return_if_fail (self->paper != NULL);
  g_return_if_fail (page_nr >= 0 && (guint) page_nr < cohorts_paper_get_n_pages (self->paper));

  cohorts_paper_render_page (self->paper, gtk_print_context_get_cairo_context (context), (guint) page_nr);
}

static void
cohorts_print_operation_end_print (GtkPrintOperation *operation,
                                   GtkPrintContext   *context)
{
  CohortsPrintOperation *self = COHORTS_PRINT_OPERATION (operation);

  g_clear_pointer (&self->paper, cohorts_paper_free);
  g_clear_object (&self->rows);
}

static GtkWidget *
cohorts_print_operation_create_custom_widget (GtkPrintOperation *operation)
{
  CohortsPrintOperation *self = COHORTS_PRINT_OPERATION (operation);
  GtkWidget *options = cohorts_timeline_options_new (self->plan, self->choices, FALSE);

  gtk_widget_set_size_request (options, 460, 380);
  gtk_widget_set_hexpand (options, TRUE);
  gtk_widget_set_vexpand (options, TRUE);
  return options;
}

static void
cohorts_print_operation_custom_widget_apply (GtkPrintOperation *operation,
                                             GtkWidget         *widget)
{
  CohortsPrintOperation *self = COHORTS_PRINT_OPERATION (operation);
  g_autoptr(CohortsPrintChoices) choices = cohorts_timeline_options_get_choices (COHORTS_TIMELINE_OPTIONS (widget));

  /* The paper is the dialog's: export's stays as it was. */
  choices->size = self->choices->size;
  choices->orientation = self->choices->orientation;
  cohorts_print_operation_set_choices (self, choices);
}

static void
cohorts_print_operation_done (GtkPrintOperation       *operation,
                              GtkPrintOperationResult  result)
{
  CohortsPrintOperation *self = COHORTS_PRINT_OPERATION (operation);
  g_autoptr(GKeyFile) keyfile = NULL;
  GtkPrintSettings *settings;

  if (result != GTK_PRINT_OPERATION_RESULT_APPLY || self->exporting)
    return;

  keyfile = cohorts_print_state_load ();
  settings = gtk_print_operation_get_print_settings (operation);
  if (settings != NULL)
    gtk_print_settings_to_key_file (settings, keyfile, PRINT_SETTINGS_GROUP);
  if (self->page_setup != NULL)
    gtk_page_setup_to_key_file (self->page_setup, keyfile, PAGE_SETUP_GROUP);
  cohorts_print_choices_save (self->choices, keyfile, TIMELINE_GROUP);
  cohorts_print_state_save (keyfile);
}

static void
cohorts_print_operation_finalize (GObject *object)
{
  CohortsPrintOperation *self = COHORTS_PRINT_OPERATION (object);

  g_clear_pointer (&self->paper, cohorts_paper_free);
  g_clear_object (&self->rows);
  g_clear_object (&self->page_setup);
  g_clear_object (&self->plan);
  g_clear_pointer (&self->edition, g_free);
  g_clear_pointer (&self->choices, cohorts_print_choices_free);

  G_OBJECT_CLASS (cohorts_print_operation_parent_class)->finalize (object);
}

static void
cohorts_print_operation_class_init (CohortsPrintOperationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *operation_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->finalize = cohorts_print_operation_finalize;
  operation_class->begin_print = cohorts_print_operation_begin_print;
  operation_class->draw_page = cohorts_print_operation_draw_page;
  operation_class->end_print = cohorts_print_operation_end_print;
  operation_class->create_custom_widget = cohorts_print_operation_create_custom_widget;
  operation_class->custom_widget_apply = cohorts_print_operation_custom_widget_apply;
  operation_class->done = cohorts_print_operation_done;
}

static void
cohorts_print_operation_init (CohortsPrintOperation *self)
{
  self->choices = cohorts_print_choices_new ();
  self->today = cohorts_date_today ();
  g_signal_connect (self, "paginate", G_CALLBACK (paginate_cb), NULL);
}

/* A4 landscape, the first time. */
static GtkPageSetup *
default_page_setup (void)
{
  GtkPageSetup *setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);

  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
  return setup;
}

/**
 * cohorts_print_operation_new:
 * @edition: (nullable): which version of @plan this is, for every page
 *   ("Saved 3 May 2027")
 *
 * Returns: (transfer full): an operation printing @plan's timeline, with
 *   the print settings, page setup and Timeline choices of the last run
 */
CohortsPrintOperation *
cohorts_print_operation_new (CohortsPlan *plan,
                             const char  *edition)
{
  CohortsPrintOperation *self;
  g_autoptr(GKeyFile) keyfile = NULL;
  g_autoptr(GtkPrintSettings) settings = NULL;
  g_autoptr(GtkPageSetup) setup = NULL;
  const char *title;

  g_return_val_if_fail (COHORTS_IS_PLAN (plan), NULL);

  self = g_object_new (COHORTS_TYPE_PRINT_OPERATION,
                       "unit", GTK_UNIT_POINTS,
                       "use-full-page", FALSE,
                       "embed-page-setup", TRUE,
                       "show-progress", FALSE,
                       NULL);
  self->plan = g_object_ref (plan);
  self->edition = g_strdup (edition);

  keyfile = cohorts_print_state_load ();
  if (g_key_file_has_group (keyfile, PRINT_SETTINGS_GROUP))
    settings = gtk_print_settings_new_from_key_file (keyfile, PRINT_SETTINGS_GROUP, NULL);
  if (g_key_file_has_group (keyfile, PAGE_SETUP_GROUP))
    setup = gtk_page_setup_new_from_key_file (keyfile, PAGE_SETUP_GROUP, NULL);
  if (setup == NULL)
    setup = default_page_setup ();
  if (settings != NULL)
    gtk_print_operation_set_print_settings (GTK_PRINT_OPERATION (self), settings);
  gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (self), setup);
  cohorts_print_choices_load (self->choices, keyfile, TIMELINE_GROUP);

  /* Translators: the name of the print dialog's tab with what to print */
  gtk_print_operation_set_custom_tab_label (GTK_PRINT_OPERATION (self), _("Timeline"));
  title = cohorts_plan_get_title (plan);
  gtk_print_operation_set_job_name (GTK_PRINT_OPERATION (self), title[0] ? title : _("Conversion Plan"));
  return self;
}

/**
 * cohorts_print_operation_get_choices:
 *
 * Returns: (transfer none): what is printed: after the dialog, what the
 *   Timeline tab chose
 */
const CohortsPrintChoices *
cohorts_print_operation_get_choices (CohortsPrintOperation *self)
{
  g_return_val_if_fail (COHORTS_IS_PRINT_OPERATION (self), NULL);
  return self->choices;
}

/**
 * cohorts_print_operation_set_choices:
 *
 * Sets what to print, and what the Timeline tab shows chosen.
 */
void
cohorts_print_operation_set_choices (CohortsPrintOperation     *self,
                                     const CohortsPrintChoices *choices)
{
  g_return_if_fail (COHORTS_IS_PRINT_OPERATION (self));
  g_return_if_fail (choices != NULL);

  if (choices == self->choices)
    return;
  cohorts_print_choices_free (self->choices);
  self->choices = cohorts_print_choices_copy (choices);
}

/**
 * cohorts_print_operation_set_today:
 *
 * Where the today line goes, and the date printed on each page; today by
 * default.
 */
void
cohorts_print_operation_set_today (CohortsPrintOperation *self,
                                   CohortsDate            today)
{
  g_return_if_fail (COHORTS_IS_PRINT_OPERATION (self));
  self->today = today;
}

/**
 * cohorts_print_operation_set_export_filename:
 *
 * Prints to the PDF @filename when run with
 * %GTK_PRINT_OPERATION_ACTION_EXPORT, with no dialog and no printer, on the
 * page setup of the last print (A4 landscape the first time); nothing of it
 * is kept for the next print.
 */
void
cohorts_print_operation_set_export_filename (CohortsPrintOperation *self,
                                             const char            *filename)
{
  g_return_if_fail (COHORTS_IS_PRINT_OPERATION (self));
  g_return_if_fail (filename != NULL);

  self->exporting = TRUE;
  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (self), filename);
}
