/* cohorts-print-choices.c: what to print or export of the timeline, and where it is kept
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The print dialog's Timeline tab and the Export Timeline dialog ask the
 * same questions; their answers are a CohortsPrintChoices. How the pages are
 * laid out, the paper and the columns are kept between runs, with the print
 * settings and the page setup, in one key file under the user's
 * configuration folder (as GNOME's editors keep theirs). The dates and the
 * cohorts belong to a plan: its window remembers them while it is open.
 */
#define G_LOG_DOMAIN "cohorts-print"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <errno.h>

#include "cohorts-print-choices.h"

#define STATE_FILE "print.ini"

CohortsPrintChoices *
cohorts_print_choices_new (void)
{
  CohortsPrintChoices *self = g_new0 (CohortsPrintChoices, 1);

  self->size = COHORTS_PAPER_SIZE_A4;
  self->orientation = COHORTS_PAPER_LANDSCAPE;
  self->mode = COHORTS_PAGES_FIT;
  self->from = COHORTS_DATE_NONE;
  self->to = COHORTS_DATE_NONE;
  self->columns = 0;
  self->hidden = g_ptr_array_new_with_free_func (g_free);
  return self;
}

CohortsPrintChoices *
cohorts_print_choices_copy (const CohortsPrintChoices *choices)
{
  CohortsPrintChoices *self;

  g_return_val_if_fail (choices != NULL, NULL);

  self = g_memdup2 (choices, sizeof *choices);
  self->hidden = g_ptr_array_new_with_free_func (g_free);
  self->diocese = g_strdup (choices->diocese);
  for (guint i = 0; i < choices->hidden->len; i++)
    g_ptr_array_add (self->hidden, g_strdup (g_ptr_array_index (choices->hidden, i)));
  self->baseline = g_strdup (choices->baseline);
  return self;
}

void
cohorts_print_choices_free (CohortsPrintChoices *choices)
{
  if (choices == NULL)
    return;
  g_ptr_array_unref (choices->hidden);
  g_free (choices->diocese);
  g_free (choices->baseline);
  g_free (choices);
}

static const char *
cohort_key (CohortsCohort *cohort)
{
  return cohort != NULL ? cohorts_cohort_get_id (cohort) : "";
}

static gboolean
find_hidden (const CohortsPrintChoices *choices,
             CohortsCohort             *cohort,
             guint                     *index)
{
  return g_ptr_array_find_with_equal_func (choices->hidden, cohort_key (cohort), g_str_equal, index);
}

/**
 * cohorts_print_choices_get_hidden:
 * @cohort: (nullable): a cohort, or %NULL for the schools in none
 *
 * Returns: whether @cohort is left out
 */
gboolean
cohorts_print_choices_get_hidden (const CohortsPrintChoices *choices,
                                  CohortsCohort             *cohort)
{
  g_return_val_if_fail (choices != NULL, FALSE);
  return find_hidden (choices, cohort, NULL);
}

void
cohorts_print_choices_set_hidden (CohortsPrintChoices *choices,
                                  CohortsCohort       *cohort,
                                  gboolean             hidden)
{
  guint index;

  g_return_if_fail (choices != NULL);

  if (find_hidden (choices, cohort, &index))
    {
      if (!hidden)
        g_ptr_array_remove_index (choices->hidden, index);
    }
  else if (hidden)
    g_ptr_array_add (choices->hidden, g_strdup (cohort_key (cohort)));
}

/**
 * cohorts_print_choices_make_rows:
 *
 * Returns: (transfer full): rows of @plan's timeline for paper: every group
 *   unfolded, the cohorts left out hidden, the baseline chosen shown, only
 *   the diocese's schools in the diocese view
 */
CohortsTimelineRows *
cohorts_print_choices_make_rows (const CohortsPrintChoices *choices,
                                 CohortsPlan               *plan)
{
  CohortsTimelineRows *rows;
  GListModel *cohorts;

  g_return_val_if_fail (choices != NULL, NULL);
  g_return_val_if_fail (COHORTS_IS_PLAN (plan), NULL);

  rows = cohorts_timeline_rows_new (plan);
  cohorts_timeline_rows_set_diocese (rows, choices->diocese);
  cohorts = cohorts_plan_get_cohorts (plan);
  for (guint i = 0; i < g_list_model_get_n_items (cohorts); i++)
    {
      g_autoptr(CohortsCohort) cohort = g_list_model_get_item (cohorts, i);

      if (cohorts_print_choices_get_hidden (choices, cohort))
        cohorts_timeline_rows_set_hidden (rows, cohort, TRUE);
    }
  if (cohorts_print_choices_get_hidden (choices, NULL))
    cohorts_timeline_rows_set_hidden (rows, NULL, TRUE);
  if (choices->baseline != NULL)
    cohorts_timeline_rows_set_baseline (rows, cohorts_plan_find_baseline (plan, choices->baseline));
  return rows;
}

/**
 * cohorts_print_choices_apply:
 *
 * Sets what @choices say in @options: the layout, the dates, the columns.
 * The size is the caller's (the paper's or the print context's).
 */
void
cohorts_print_choices_apply (const CohortsPrintChoices *choices,
                             CohortsPaperOptions       *options)
{
  g_return_if_fail (choices != NULL && options != NULL);

  options->mode = choices->mode;
  options->from = choices->from;
  options->to = choices->to;
  if (options->from != COHORTS_DATE_NONE && options->to != COHORTS_DATE_NONE && options->to < options->from)
    options->to = options->from;
  options->columns = choices->columns;
}

static const char *column_names[COHORTS_TIMELINE_N_COLUMNS] = {
  "urn", "phase", "conversion", "pupils", "authority",
};

/**
 * cohorts_print_choices_load:
 *
 * Reads what is kept between runs (layout, paper, columns) from @group of
 * @keyfile; what is missing or not understood stays as it was.
 */
void
cohorts_print_choices_load (CohortsPrintChoices *choices,
                            GKeyFile            *keyfile,
                            const char          *group)
{
  g_autofree char *mode = g_key_file_get_string (keyfile, group, "pages", NULL);
  g_autofree char *size = g_key_file_get_string (keyfile, group, "paper", NULL);
  g_autofree char *orientation = g_key_file_get_string (keyfile, group, "orientation", NULL);
  g_auto(GStrv) columns = g_key_file_get_string_list (keyfile, group, "columns", NULL, NULL);

  if (g_strcmp0 (mode, "fit") == 0 || g_strcmp0 (mode, "tile") == 0)
    choices->mode = g_str_equal (mode, "tile") ? COHORTS_PAGES_TILE : COHORTS_PAGES_FIT;
  if (g_strcmp0 (size, "A4") == 0 || g_strcmp0 (size, "A3") == 0)
    choices->size = g_str_equal (size, "A3") ? COHORTS_PAPER_SIZE_A3 : COHORTS_PAPER_SIZE_A4;
  if (g_strcmp0 (orientation, "landscape") == 0 || g_strcmp0 (orientation, "portrait") == 0)
    choices->orientation = g_str_equal (orientation, "portrait") ? COHORTS_PAPER_PORTRAIT : COHORTS_PAPER_LANDSCAPE;
  if (columns != NULL)
    {
      choices->columns = 0;
      for (guint i = 0; i < G_N_ELEMENTS (column_names); i++)
        if (g_strv_contains ((const char * const *) columns, column_names[i]))
          choices->columns |= 1u << i;
    }
}

void
cohorts_print_choices_save (const CohortsPrintChoices *choices,
                            GKeyFile                  *keyfile,
                            const char                *group)
{
  const char *columns[COHORTS_TIMELINE_N_COLUMNS];
  gsize n_columns = 0;

  for (guint i = 0; i < G_N_ELEMENTS (column_names); i++)
    if (choices->columns & (1u << i))
      columns[n_columns++] = column_names[i];

  g_key_file_set_string (keyfile, group, "pages", choices->mode == COHORTS_PAGES_TILE ? "tile" : "fit");
  g_key_file_set_string (keyfile, group, "paper", choices->size == COHORTS_PAPER_SIZE_A3 ? "A3" : "A4");
  g_key_file_set_string (keyfile, group, "orientation",
                         choices->orientation == COHORTS_PAPER_PORTRAIT ? "portrait" : "landscape");
  g_key_file_set_string_list (keyfile, group, "columns", columns, n_columns);
}

static char *
state_path (void)
{
  return g_build_filename (g_get_user_config_dir (), "cohorts", STATE_FILE, NULL);
}

/**
 * cohorts_print_state_load:
 *
 * Returns: (transfer full): what printing and export keep between runs
 *   (groups "Print Settings", "Page Setup", "Timeline", "Export"), empty
 *   the first time
 */
GKeyFile *
cohorts_print_state_load (void)
{
  g_autofree char *path = state_path ();
  g_autoptr(GError) error = NULL;
  GKeyFile *keyfile = g_key_file_new ();

  if (!g_key_file_load_from_file (keyfile, path, G_KEY_FILE_KEEP_COMMENTS, &error) &&
      !g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    g_warning ("Could not read the print settings in %s: %s", path, error->message);
  return keyfile;
}

void
cohorts_print_state_save (GKeyFile *keyfile)
{
  g_autofree char *path = state_path ();
  g_autofree char *folder = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  /* g_key_file_save_to_file() writes aside and renames: never half a file. */
  if (g_mkdir_with_parents (folder, 0700) != 0 || !g_key_file_save_to_file (keyfile, path, &error))
    g_warning ("Could not keep the print settings in %s: %s", path,
               error != NULL ? error->message : g_strerror (errno));
}

/**
 * cohorts_plan_dup_edition:
 * @file: (nullable): where @plan is saved
 *
 * Returns: which version of @plan this is, for the top of every page:
 *   "Saved 3 May 2027" (the file's date), or "Unsaved changes"
 */
char *
cohorts_plan_dup_edition (CohortsPlan *plan,
                          GFile       *file)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GDateTime) modified = NULL;
  g_autofree char *date = NULL;

  g_return_val_if_fail (COHORTS_IS_PLAN (plan), NULL);

  if (file != NULL && !cohorts_plan_is_modified (plan))
    info = g_file_query_info (file, G_FILE_ATTRIBUTE_TIME_MODIFIED, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info != NULL && g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_TIME_MODIFIED))
    modified = g_file_info_get_modification_date_time (info);
  if (modified == NULL)
    /* Translators: at the top of a printed page: the plan has changed since it was saved */
    return g_strdup (_("Unsaved changes"));

  {
    g_autoptr(GDateTime) local = g_date_time_to_local (modified);

    date = cohorts_date_format (cohorts_date_new (g_date_time_get_year (local), g_date_time_get_month (local),
                                                  g_date_time_get_day_of_month (local)));
  }
  /* Translators: which version of a plan is printed: "Saved 3 May 2027" */
  return g_strdup_printf (_("Saved %s"), date);
}
