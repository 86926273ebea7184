/* test-paper.c: the timeline on paper: pages, what each shows, and export
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pages are checked as numbers (which rows and which months each holds)
 * and as a board sees them: the PDF's own text, read back with poppler's
 * pdftotext, must have on every page the plan's title, "Page N of M", the
 * names of the page's schools, the academic years of its axis and the
 * legend. PNG pages must be the screen's renderer's pixels.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "cohorts-calendar.h"
#include "cohorts-cohort.h"
#include "cohorts-paper.h"
#include "cohorts-plan-xml.h"

#define EXAMPLE COHORTS_SOURCE_DIR "/data/examples/northfield.matplan"
#define TODAY cohorts_date_new (2026, 11, 23)

static CohortsPlan *
load_example (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (EXAMPLE);
  g_autoptr(GError) error = NULL;
  CohortsPlan *plan = cohorts_plan_xml_load_file (file, EXAMPLE, 0, NULL, &error);

  g_assert_no_error (error);
  return plan;
}

/* @n_cohorts cohorts a month apart from September 2027, @per_cohort schools
 * each, every fifth a church school. */
static CohortsPlan *
make_plan (guint n_cohorts,
           guint per_cohort)
{
  CohortsPlan *plan = cohorts_plan_new ();

  g_object_set (plan, "title", "Large plan", NULL);
  cohorts_plan_begin_edit (plan, "Build");
  for (guint c = 0; c < n_cohorts; c++)
    {
      g_autofree char *cohort_name = g_strdup_printf ("Cohort %u", c + 1);
      CohortsCohort *cohort = cohorts_plan_add_cohort (plan, cohort_name,
                                                       cohorts_date_add_months (cohorts_date_new (2027, 9, 1), c * 2));

      for (guint i = 0; i < per_cohort; i++)
        {
          guint urn = 300000 + c * per_cohort + i;
          g_autofree char *name = g_strdup_printf ("Pupil School %u", urn);
          g_autoptr(CohortsSchool) school = cohorts_school_new (urn, name);

          if (i % 5 == 0)
            g_object_set (school, "religious-character", COHORTS_RELIGIOUS_CHARACTER_CHURCH_OF_ENGLAND, NULL);
          g_assert_true (cohorts_plan_add_school (plan, school, NULL));
          cohorts_plan_move_school (plan, school, cohort, G_MAXUINT);
        }
    }
  cohorts_plan_end_edit (plan);
  return plan;
}

static gboolean
is_group_row (CohortsTimelineRows *rows,
              guint                row)
{
  return cohorts_timeline_rows_get_group (rows, cohorts_timeline_rows_group_of_row (rows, row))->first_row == row;
}

/* What every paper must hold whatever the plan: every row once, in bands
 * that fit the page; time whole and in order; each page's chart inside
 * the page, above the legend. */
static void
assert_pages_cover (CohortsPaper              *paper,
                    CohortsTimelineRows       *rows,
                    const CohortsPaperOptions *options)
{
  guint n_rows = cohorts_timeline_rows_get_n_rows (rows);
  guint n_time = cohorts_paper_get_n_time_parts (paper);
  guint next_row = 0;

  g_assert_cmpuint (cohorts_paper_get_n_pages (paper), ==,
                    cohorts_paper_get_n_row_parts (paper) * n_time);

  for (guint i = 0; i < cohorts_paper_get_n_pages (paper); i++)
    {
      const CohortsPaperPage *page = cohorts_paper_get_page (paper, i);
      const CohortsTimelineView *view = &page->view;
      double shown = (view->height - view->axis_height - view->strip_height) / view->row_height;

      g_assert_cmpuint (page->row_part, ==, i / n_time);
      g_assert_cmpuint (page->time_part, ==, i % n_time);
      g_assert_true (cohorts_date_is_first_of_month (page->from) || page->from == options->from);
      g_assert_cmpint (page->to, >, page->from);

      /* The chart is inside the page, the legend below it. */
      g_assert_cmpfloat (page->chart_x, >=, 0);
      g_assert_cmpfloat (page->chart_x + view->width, <=, options->width + 0.01);
      g_assert_cmpfloat (page->chart_y + view->height, <=, page->legend_y);
      g_assert_cmpfloat (page->legend_y, <, options->height);

      /* Whole rows only; a band inside a cohort shows its cohort first. */
      g_assert_cmpfloat (shown, ==, round (shown));
      g_assert_cmpfloat (view->scroll_y, ==, (page->first_row - ((guint) shown - page->n_rows)) * view->row_height);
      if ((guint) shown > page->n_rows)
        g_assert_false (is_group_row (rows, page->first_row));

      /* Time: the spans of a band follow each other with no gap. */
      if (page->time_part > 0)
        g_assert_cmpint (page->from, ==, cohorts_paper_get_page (paper, i - 1)->to);
      g_assert_cmpfloat (view->width - view->label_width, <=, (page->to - page->from) * view->day_width + 0.01);

      if (page->time_part == 0)
        {
          g_assert_cmpuint (page->first_row, ==, next_row);
          /* A cohort's row is not left alone at the foot of a page. */
          if (page->n_rows > 1 && page->first_row + page->n_rows < n_rows)
            g_assert_false (is_group_row (rows, page->first_row + page->n_rows - 1));
          next_row += page->n_rows;
        }
      else
        {
          g_assert_cmpuint (page->first_row, ==, cohorts_paper_get_page (paper, i - 1)->first_row);
          g_assert_cmpuint (page->n_rows, ==, cohorts_paper_get_page (paper, i - 1)->n_rows);
        }
    }
  g_assert_cmpuint (next_row, ==, n_rows);
}

static void
test_fit_example (void)
{
  g_autoptr(CohortsPlan) plan = load_example ();
  g_autoptr(CohortsTimelineRows) rows = cohorts_timeline_rows_new (plan);
  g_autoptr(CohortsPaper) paper = NULL;
  CohortsPaperOptions options;
  const CohortsPaperPage *first, *last;
  guint n;

  cohorts_paper_options_init (&options, COHORTS_PAPER_SIZE_A4, COHORTS_PAPER_LANDSCAPE);
  g_assert_cmpfloat_with_epsilon (options.width, 841.89 - 2 * 28.35, 0.01);
  g_assert_cmpfloat_with_epsilon (options.height, 595.276 - 2 * 28.35, 0.01);
  options.today = TODAY;
  paper = cohorts_paper_new (rows, &options);
  assert_pages_cover (paper, rows, &options);

  /* All of time across one page's width: the example's academic years
   * 2026/27 (today is in it) to 2029/30 (its last conversion's steps). */
  g_assert_cmpuint (cohorts_paper_get_n_time_parts (paper), ==, 1);
  first = cohorts_paper_get_page (paper, 0);
  g_assert_cmpint (first->from, ==, cohorts_date_new (2026, 9, 1));
  g_assert_cmpint (first->to, ==, cohorts_date_new (2029, 9, 1));
  g_assert_cmpfloat_with_epsilon (first->view.label_width + (first->to - first->from) * first->view.day_width,
                                  options.width, 0.01);

  /* 25 rows (six groups, nineteen schools): A4 landscape holds them. */
  g_assert_cmpuint (cohorts_timeline_rows_get_n_rows (rows), ==, 25);
  g_assert_cmpuint (cohorts_paper_get_n_pages (paper), ==, 1);
  g_assert_cmpuint (first->n_rows, ==, 25);
  g_assert_cmpfloat (first->view.scroll_y, ==, 0);

  /* A shorter sheet takes two pages; the second's first school is in no
   * cohort, and that group's row heads it, in the slot above its rows. */
  g_clear_pointer (&paper, cohorts_paper_free);
  options.height = 400;
  paper = cohorts_paper_new (rows, &options);
  assert_pages_cover (paper, rows, &options);
  n = cohorts_paper_get_n_pages (paper);
  g_assert_cmpuint (n, ==, 2);
  last = cohorts_paper_get_page (paper, n - 1);
  g_assert_cmpuint (last->first_row + last->n_rows, ==, 25);
  g_assert_false (is_group_row (rows, last->first_row));
  g_assert_cmpfloat (last->view.scroll_y, ==, (last->first_row - 1) * last->view.row_height);
  g_assert_cmpfloat (last->view.height, ==,
                     last->view.axis_height + (last->n_rows + 1) * last->view.row_height + last->view.strip_height);
}

static void
test_tile_large (void)
{
  g_autoptr(CohortsPlan) plan = make_plan (20, 25);
  g_autoptr(CohortsTimelineRows) rows = cohorts_timeline_rows_new (plan);
  g_autoptr(CohortsPaper) paper = NULL;
  CohortsPaperOptions options;
  guint n_time;

  cohorts_paper_options_init (&options, COHORTS_PAPER_SIZE_A3, COHORTS_PAPER_LANDSCAPE);
  options.mode = COHORTS_PAGES_TILE;
  options.columns = COHORTS_TIMELINE_COLUMN_URN | COHORTS_TIMELINE_COLUMN_CONVERSION;
  paper = cohorts_paper_new (rows, &options);
  assert_pages_cover (paper, rows, &options);

  /* 520 rows; A3 holds about 50 a page. */
  g_assert_cmpuint (cohorts_timeline_rows_get_n_rows (rows), ==, 520);
  g_assert_cmpuint (cohorts_paper_get_n_row_parts (paper), >=, 520 / 60);
  g_assert_cmpuint (cohorts_paper_get_n_row_parts (paper), <=, 520 / 40);

  /* Time at one readable scale on every page, across several pages, the
   * first starting with the academic year of the first step. */
  n_time = cohorts_paper_get_n_time_parts (paper);
  g_assert_cmpuint (n_time, >=, 2);
  for (guint i = 0; i < cohorts_paper_get_n_pages (paper); i++)
    g_assert_cmpfloat (cohorts_paper_get_page (paper, i)->view.day_width, ==,
                       cohorts_paper_get_page (paper, 0)->view.day_width);
  g_assert_cmpint (cohorts_date_get_month (cohorts_paper_get_page (paper, 0)->from), ==, 9);
  g_assert_cmpint (cohorts_paper_get_page (paper, n_time - 1)->to, ==,
                   cohorts_calendar_academic_year_start (cohorts_calendar_academic_year (
                     cohorts_date_add_months (cohorts_date_new (2027, 9, 1), 38)) + 1));
}

static void
test_range_and_cohorts (void)
{
  g_autoptr(CohortsPlan) plan = load_example ();
  g_autoptr(CohortsTimelineRows) rows = cohorts_timeline_rows_new (plan);
  g_autoptr(CohortsPaper) paper = NULL;
  GListModel *cohorts = cohorts_plan_get_cohorts (plan);
  CohortsPaperOptions options;
  const CohortsPaperPage *page;

  /* Only the first cohort: one group, five schools, one page. */
  for (guint i = 1; i < g_list_model_get_n_items (cohorts); i++)
    {
      g_autoptr(CohortsCohort) cohort = g_list_model_get_item (cohorts, i);
      cohorts_timeline_rows_set_hidden (rows, cohort, TRUE);
    }
  cohorts_timeline_rows_set_hidden (rows, NULL, TRUE);
  g_assert_cmpuint (cohorts_timeline_rows_get_n_rows (rows), ==, 6);

  cohorts_paper_options_init (&options, COHORTS_PAPER_SIZE_A4, COHORTS_PAPER_PORTRAIT);
  options.from = cohorts_date_new (2027, 1, 1);
  options.to = cohorts_date_new (2027, 6, 30);
  paper = cohorts_paper_new (rows, &options);
  assert_pages_cover (paper, rows, &options);
  g_assert_cmpuint (cohorts_paper_get_n_pages (paper), ==, 1);
  page = cohorts_paper_get_page (paper, 0);
  g_assert_cmpint (page->from, ==, options.from);
  g_assert_cmpint (page->to, ==, options.to + 1);
  g_assert_cmpuint (page->n_rows, ==, 6);

  /* Hidden cohorts still count among the trust's academies. */
  {
    guint vulnerable;
    g_assert_cmpuint (cohorts_timeline_rows_count_at (rows, cohorts_date_new (2030, 1, 1), &vulnerable), ==, 17);
  }
}

static void
test_empty_plan (void)
{
  g_autoptr(CohortsPlan) plan = cohorts_plan_new ();
  g_autoptr(CohortsTimelineRows) rows = cohorts_timeline_rows_new (plan);
  g_autoptr(CohortsPaper) paper = NULL;
  CohortsPaperOptions options;
  g_autofree char *dir = g_dir_make_tmp ("cohorts-paper-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "empty.pdf", NULL);
  g_autoptr(GError) error = NULL;

  cohorts_paper_options_init (&options, COHORTS_PAPER_SIZE_A4, COHORTS_PAPER_LANDSCAPE);
  options.today = TODAY;
  paper = cohorts_paper_new (rows, &options);
  g_assert_cmpuint (cohorts_paper_get_n_pages (paper), ==, 1);
  g_assert_cmpuint (cohorts_paper_get_page (paper, 0)->n_rows, ==, 0);
  g_assert_true (cohorts_paper_export (paper, path, COHORTS_EXPORT_PDF, 841.89, 595.276, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_unlink (path);
  g_rmdir (dir);
}

/* poppler-utils ---------------------------------------------------------------- */

static char *
run_tool (const char *tool,
          ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status;
  va_list args;

  g_ptr_array_add (argv, (char *) tool);
  va_start (args, tool);
  for (const char *arg = va_arg (args, const char *); arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", tool, err);
  return out;
}

/* The text of page @page (from 1) of @pdf, as poppler reads it back. */
static char *
page_text (const char *pdf,
           guint       page)
{
  g_autofree char *number = g_strdup_printf ("%u", page);

  return run_tool ("pdftotext", "-layout", "-f", number, "-l", number, pdf, "-", NULL);
}

static void
assert_contains (const char *text,
                 const char *expected,
                 guint       page)
{
  if (strstr (text, expected) == NULL)
    g_error ("page %u lacks “%s”; it reads:\n%s", page, expected, text);
}

static void
test_pdf_every_page (void)
{
  g_autoptr(CohortsPlan) plan = make_plan (20, 25);
  g_autoptr(CohortsTimelineRows) rows = cohorts_timeline_rows_new (plan);
  g_autoptr(CohortsPaper) paper = NULL;
  g_autofree char *dir = g_dir_make_tmp ("cohorts-paper-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "tiled.pdf", NULL);
  g_autofree char *info = NULL;
  g_autoptr(GError) error = NULL;
  CohortsPaperOptions options;
  guint n;
  double width, height;

  cohorts_paper_options_init (&options, COHORTS_PAPER_SIZE_A3, COHORTS_PAPER_LANDSCAPE);
  cohorts_paper_get_size (COHORTS_PAPER_SIZE_A3, COHORTS_PAPER_LANDSCAPE, &width, &height);
  options.mode = COHORTS_PAGES_TILE;
  options.edition = "Draft 4";
  options.today = TODAY;
  paper = cohorts_paper_new (rows, &options);
  n = cohorts_paper_get_n_pages (paper);
  g_assert_cmpuint (n, >, 10);

  g_assert_true (cohorts_paper_export (paper, path, COHORTS_EXPORT_PDF, width, height, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  /* As many pages as laid out, every one A3 landscape. */
  info = run_tool ("pdfinfo", "-f", "1", "-l", "1000", path, NULL);
  {
    g_autofree char *expected = g_strdup_printf ("%u", n);
    const char *line = strstr (info, "Pages:");
    g_assert_nonnull (line);
    line += strlen ("Pages:");
    while (*line == ' ')
      line++;
    g_assert_cmpint (strncmp (line, expected, strlen (expected)), ==, 0);
    g_assert_true (line[strlen (expected)] == '\n');
  }
  for (guint i = 1; i <= n; i++)
    {
      g_autofree char *size = g_strdup_printf ("Page %4u size:  1190.55 x 841.89 pts (A3)", i);
      if (strstr (info, size) == NULL)
        g_error ("page %u is not A3 landscape:\n%s", i, info);
    }

  /* On every page: heading, names, axis, strip and legend. */
  for (guint i = 0; i < n; i++)
    {
      const CohortsPaperPage *page = cohorts_paper_get_page (paper, i);
      g_autofree char *text = page_text (path, i + 1);
      g_autofree char *page_of = g_strdup_printf ("Page %u of %u", i + 1, n);
      g_autofree char *year = cohorts_calendar_academic_year_label (cohorts_calendar_academic_year (page->from));
      CohortsSchool *first_school, *last_school;
      guint first = page->first_row, last = page->first_row + page->n_rows - 1;

      assert_contains (text, "Large plan", i + 1);
      assert_contains (text, page_of, i + 1);
      assert_contains (text, "Draft 4", i + 1);
      assert_contains (text, "Printed 23 November 2026", i + 1);
      assert_contains (text, "Cohort and school", i + 1);
      assert_contains (text, year, i + 1);
      assert_contains (text, "Academies", i + 1);
      assert_contains (text, "Conversion steps", i + 1);
      assert_contains (text, "Church school", i + 1);
      /* The readiness marks' key, with the names the school list uses. */
      assert_contains (text, "Readiness:", i + 1);
      assert_contains (text, "Not assessed", i + 1);

      /* The names of its first and last schools; a page that starts inside
       * a cohort names the cohort too. */
      first_school = cohorts_timeline_rows_get_school (rows, is_group_row (rows, first) ? first + 1 : first);
      last_school = cohorts_timeline_rows_get_school (rows, is_group_row (rows, last) ? last - 1 : last);
      assert_contains (text, cohorts_school_get_name (first_school), i + 1);
      assert_contains (text, cohorts_school_get_name (last_school), i + 1);
      {
        const CohortsTimelineGroup *group = cohorts_timeline_rows_get_group (rows,
                                              cohorts_timeline_rows_group_of_row (rows, first));
        g_autofree char *cohort = cohorts_cohort_dup_display_name (group->cohort);
        assert_contains (text, cohort, i + 1);
      }
    }

  g_unlink (path);
  g_rmdir (dir);
}

/* A baseline shown: the PDF's legend has its key; without, it has not. */
static void
test_pdf_baseline (void)
{
  g_autoptr(CohortsPlan) plan = load_example ();
  g_autoptr(CohortsTimelineRows) rows = cohorts_timeline_rows_new (plan);
  g_autofree char *dir = g_dir_make_tmp ("cohorts-paper-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "baseline.pdf", NULL);
  CohortsBaseline *baseline = cohorts_plan_add_baseline (plan, "Agreed", NULL);
  CohortsPaperOptions options;
  double width, height;

  cohorts_paper_options_init (&options, COHORTS_PAPER_SIZE_A4, COHORTS_PAPER_LANDSCAPE);
  cohorts_paper_get_size (COHORTS_PAPER_SIZE_A4, COHORTS_PAPER_LANDSCAPE, &width, &height);
  options.today = TODAY;
  for (guint with = 0; with < 2; with++)
    {
      g_autoptr(CohortsPaper) paper = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;

      cohorts_timeline_rows_set_baseline (rows, with ? baseline : NULL);
      paper = cohorts_paper_new (rows, &options);
      g_assert_true (cohorts_paper_export (paper, path, COHORTS_EXPORT_PDF, width, height, NULL, NULL, NULL, &error));
      g_assert_no_error (error);
      text = page_text (path, 1);
      assert_contains (text, "Conversion steps", 1);
      g_assert_true ((strstr (text, "Baseline") != NULL) == with);
    }
  g_unlink (path);
  g_rmdir (dir);
}

/* PNG: the screen's renderer's pixels ------------------------------------- */

static void
test_png_is_the_renderer (void)
{
  g_autoptr(CohortsPlan) plan = load_example ();
  g_autoptr(CohortsTimelineRows) rows = cohorts_timeline_rows_new (plan);
  g_autoptr(CohortsPaper) paper = NULL;
  g_autoptr(CohortsTimelineLayout) layout = NULL;
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans 7");
  g_autofree char *dir = g_dir_make_tmp ("cohorts-paper-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "timeline.png", NULL);
  g_autofree char *page1 = g_build_filename (dir, "timeline-1.png", NULL);
  g_autofree char *page2 = g_build_filename (dir, "timeline-2.png", NULL);
  g_autofree char *page3 = g_build_filename (dir, "timeline-3.png", NULL);
  g_autoptr(GError) error = NULL;
  const CohortsPaperPage *page;
  CohortsPaperOptions options;
  CohortsTimelineStyle style;
  cairo_surface_t *png, *expected;
  cairo_t *cr;
  double scale = COHORTS_PAPER_PNG_DPI / 72.0, width, height, left, top;
  int x0, y0, x1, y1, different = 0;

  cohorts_paper_options_init (&options, COHORTS_PAPER_SIZE_A4, COHORTS_PAPER_LANDSCAPE);
  cohorts_paper_get_size (COHORTS_PAPER_SIZE_A4, COHORTS_PAPER_LANDSCAPE, &width, &height);
  options.today = TODAY;
  options.mode = COHORTS_PAGES_TILE;
  paper = cohorts_paper_new (rows, &options);
  g_assert_cmpuint (cohorts_paper_get_n_pages (paper), ==, 3);
  g_assert_true (cohorts_paper_export (paper, path, COHORTS_EXPORT_PNG, width, height, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  /* A file a page, numbered; none under the name given. */
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  png = cairo_image_surface_create_from_png (page1);
  g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (png), ==, (int) ceil (width * scale));
  g_assert_cmpint (cairo_image_surface_get_height (png), ==, (int) ceil (height * scale));
  g_assert_true (g_file_test (page2, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (page3, G_FILE_TEST_IS_REGULAR));

  /* The chart of page 1 drawn by the screen's renderer where the page puts
   * it: the same pixels. */
  page = cohorts_paper_get_page (paper, 0);
  layout = cohorts_timeline_layout_new (rows, &page->view);
  cohorts_timeline_style_init (&style, FALSE);
  style.font = font;
  expected = cairo_image_surface_create (CAIRO_FORMAT_RGB24, cairo_image_surface_get_width (png),
                                         cairo_image_surface_get_height (png));
  cr = cairo_create (expected);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  left = (width - options.width) / 2 + page->chart_x;
  top = (height - options.height) / 2 + page->chart_y;
  cairo_translate (cr, left, top);
  cairo_rectangle (cr, 0, 0, page->view.width, page->view.height);
  cairo_clip (cr);
  cohorts_timeline_render (cr, layout, &style, NULL);
  cairo_destroy (cr);
  cairo_surface_flush (expected);
  cairo_surface_flush (png);

  /* Inside the chart's frame (the frame itself is the page's). */
  x0 = (int) ceil (left * scale) + 3;
  y0 = (int) ceil (top * scale) + 3;
  x1 = (int) floor ((left + page->view.width) * scale) - 3;
  y1 = (int) floor ((top + page->view.height) * scale) - 3;
  for (int y = y0; y < y1; y++)
    {
      const guint32 *a = (const guint32 *) (cairo_image_surface_get_data (png) + y * cairo_image_surface_get_stride (png));
      const guint32 *b = (const guint32 *) (cairo_image_surface_get_data (expected) + y * cairo_image_surface_get_stride (expected));

      for (int x = x0; x < x1; x++)
        different += (a[x] & 0xffffff) != (b[x] & 0xffffff);
    }
  g_assert_cmpint (different, ==, 0);

  /* And it is not blank: the first school's bar is there, in its colour. */
  {
    const CohortsTimelineRow *row = cohorts_timeline_layout_get_row (layout, 1);
    double bar_x = left + (row->start_x + row->conversion_x) / 2;
    double bar_y = top + row->y + page->view.row_height / 2;
    int px = (int) (bar_x * scale), py = (int) (bar_y * scale);
    guint32 pixel = ((const guint32 *) (cairo_image_surface_get_data (png) + py * cairo_image_surface_get_stride (png)))[px];

    g_assert_cmpuint (pixel & 0xffffff, !=, 0xffffff);
  }

  cairo_surface_destroy (png);
  cairo_surface_destroy (expected);
  g_unlink (page1);
  g_unlink (page2);
  g_unlink (page3);
  g_rmdir (dir);
}

static void
test_svg (void)
{
  g_autoptr(CohortsPlan) plan = load_example ();
  g_autoptr(CohortsTimelineRows) rows = cohorts_timeline_rows_new (plan);
  g_autoptr(CohortsPaper) paper = NULL;
  g_autofree char *dir = g_dir_make_tmp ("cohorts-paper-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "timeline.svg", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  CohortsPaperOptions options;
  double width, height;

  cohorts_paper_options_init (&options, COHORTS_PAPER_SIZE_A3, COHORTS_PAPER_LANDSCAPE);
  cohorts_paper_get_size (COHORTS_PAPER_SIZE_A3, COHORTS_PAPER_LANDSCAPE, &width, &height);
  paper = cohorts_paper_new (rows, &options);
  /* On A3 the example fits one page: one file, under the name given. */
  g_assert_cmpuint (cohorts_paper_get_n_pages (paper), ==, 1);
  g_assert_true (cohorts_paper_export (paper, path, COHORTS_EXPORT_SVG, width, height, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (contents, "<svg"));
  g_assert_nonnull (strstr (contents, "width=\"1190.551pt\""));
  g_assert_nonnull (strstr (contents, "height=\"841.89pt\" viewBox=\"0 0 1190.551 841.89\""));
  g_unlink (path);
  g_rmdir (dir);
}

/* Safe writing ------------------------------------------------------------ */

static void
cancel_after_first (guint    done,
                    guint    total,
                    gpointer user_data)
{
  g_cancellable_cancel (user_data);
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (d) != NULL)
    n++;
  return n;
}

static void
test_cancel_keeps_old_file (void)
{
  g_autoptr(CohortsPlan) plan = make_plan (4, 30);
  g_autoptr(CohortsTimelineRows) rows = cohorts_timeline_rows_new (plan);
  g_autoptr(CohortsPaper) paper = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *dir = g_dir_make_tmp ("cohorts-paper-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "board.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  CohortsPaperOptions options;

  g_file_set_contents (path, "the board's copy", -1, &error);
  g_assert_no_error (error);
  cohorts_paper_options_init (&options, COHORTS_PAPER_SIZE_A4, COHORTS_PAPER_LANDSCAPE);
  paper = cohorts_paper_new (rows, &options);
  g_assert_cmpuint (cohorts_paper_get_n_pages (paper), >, 1);

  /* Cancelled after the first page, as the Cancel button does. */
  g_assert_false (cohorts_paper_export (paper, path, COHORTS_EXPORT_PDF, 841.89, 595.276, cancellable,
                                        cancel_after_first, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (contents, ==, "the board's copy");
  g_assert_cmpuint (count_files (dir), ==, 1);

  /* PNG pages likewise: none written. */
  g_clear_pointer (&path, g_free);
  path = g_build_filename (dir, "board.png", NULL);
  g_cancellable_reset (cancellable);
  g_assert_false (cohorts_paper_export (paper, path, COHORTS_EXPORT_PNG, 841.89, 595.276, cancellable,
                                        cancel_after_first, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_cmpuint (count_files (dir), ==, 1);

  g_clear_pointer (&path, g_free);
  path = g_build_filename (dir, "board.pdf", NULL);
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_unwritable (void)
{
  g_autoptr(CohortsPlan) plan = load_example ();
  g_autoptr(CohortsTimelineRows) rows = cohorts_timeline_rows_new (plan);
  g_autoptr(CohortsPaper) paper = NULL;
  g_autoptr(GError) error = NULL;
  CohortsPaperOptions options;

  cohorts_paper_options_init (&options, COHORTS_PAPER_SIZE_A4, COHORTS_PAPER_LANDSCAPE);
  paper = cohorts_paper_new (rows, &options);
  g_assert_false (cohorts_paper_export (paper, "/nonexistent-dir/timeline.pdf", COHORTS_EXPORT_PDF,
                                        841.89, 595.276, NULL, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "/nonexistent-dir/timeline.pdf"));
}

static void
test_too_many_pages (void)
{
  g_autoptr(CohortsPlan) plan = make_plan (40, 25);
  g_autoptr(CohortsTimelineRows) rows = cohorts_timeline_rows_new (plan);
  g_autoptr(CohortsPaper) paper = NULL;
  g_autofree char *dir = g_dir_make_tmp ("cohorts-paper-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "all-time.pdf", NULL);
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;
  CohortsPaperOptions options;

  /* Three centuries of 1,040 rows, tiled on A4 portrait: thousands of
   * pages, refused at once rather than written for an hour. */
  cohorts_paper_options_init (&options, COHORTS_PAPER_SIZE_A4, COHORTS_PAPER_PORTRAIT);
  options.mode = COHORTS_PAGES_TILE;
  options.from = cohorts_date_new (1900, 1, 1);
  options.to = cohorts_date_new (2200, 12, 31);
  paper = cohorts_paper_new (rows, &options);
  g_assert_cmpuint (cohorts_paper_get_n_pages (paper), >, COHORTS_PAPER_MAX_PAGES);
  g_assert_false (cohorts_paper_export (paper, path, COHORTS_EXPORT_PDF, 595.276, 841.89, NULL, NULL, NULL, &error));
  expected = g_strdup_printf ("“%s” would have %u pages, more than 5000: choose fewer cohorts or a shorter span of time",
                              path, cohorts_paper_get_n_pages (paper));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_cmpstr (error->message, ==, expected);
  g_assert_cmpuint (count_files (dir), ==, 0);
  g_rmdir (dir);
}

static void
test_names (void)
{
  CohortsExportFormat format;
  g_autofree char *one = cohorts_export_page_path ("/tmp/plan.png", 0, 1);
  g_autofree char *third = cohorts_export_page_path ("/tmp/plan.png", 2, 12);
  g_autofree char *bare = cohorts_export_page_path ("/tmp/v1.0/plan", 0, 3);

  g_assert_true (cohorts_export_format_for_path ("Board.PDF", &format));
  g_assert_cmpint (format, ==, COHORTS_EXPORT_PDF);
  g_assert_true (cohorts_export_format_for_path ("a.svg", &format));
  g_assert_cmpint (format, ==, COHORTS_EXPORT_SVG);
  g_assert_true (cohorts_export_format_for_path ("a.png", &format));
  g_assert_cmpint (format, ==, COHORTS_EXPORT_PNG);
  g_assert_false (cohorts_export_format_for_path ("a.pdf.txt", &format));
  g_assert_cmpstr (one, ==, "/tmp/plan.png");
  g_assert_cmpstr (third, ==, "/tmp/plan-03.png");
  g_assert_cmpstr (bare, ==, "/tmp/v1.0/plan-1");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/paper/pages/fit-example", test_fit_example);
  g_test_add_func ("/paper/pages/tile-large", test_tile_large);
  g_test_add_func ("/paper/pages/range-and-cohorts", test_range_and_cohorts);
  g_test_add_func ("/paper/pages/empty-plan", test_empty_plan);
  g_test_add_func ("/paper/export/pdf-every-page", test_pdf_every_page);
  g_test_add_func ("/paper/export/png-is-the-renderer", test_png_is_the_renderer);
  g_test_add_func ("/paper/export/svg", test_svg);
  g_test_add_func ("/paper/export/pdf-baseline", test_pdf_baseline);
  g_test_add_func ("/paper/export/cancel-keeps-old-file", test_cancel_keeps_old_file);
  g_test_add_func ("/paper/export/unwritable", test_unwritable);
  g_test_add_func ("/paper/export/too-many-pages", test_too_many_pages);
  g_test_add_func ("/paper/export/names", test_names);

  return g_test_run ();
}
