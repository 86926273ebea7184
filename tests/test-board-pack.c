/* test-board-pack.c: the board pack PDF, read back with poppler-utils
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The pack is exported, then pdfinfo gives its pages and their sizes and
 * pdftotext the text of each page: the text must be real text, on the page
 * where a reader looks for it.
 */
#define G_LOG_DOMAIN "test-board-pack"

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "cohorts-board-pack.h"
#include "cohorts-checks.h"
#include "cohorts-cohort.h"
#include "cohorts-plan-xml.h"
#include "cohorts-school.h"

#define EXAMPLE COHORTS_SOURCE_DIR "/data/examples/northfield.matplan"
#define EDITION "Saved 3 May 2027"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("test-board-pack-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "pack.pdf", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static CohortsPlan *
load_example (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (EXAMPLE);
  g_autoptr(GError) error = NULL;
  CohortsPlan *plan = cohorts_plan_xml_load_file (file, NULL, COHORTS_PLAN_LOAD_DEFAULT, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (plan);
  return plan;
}

static void
options_for_test (CohortsBoardPackOptions *options)
{
  cohorts_board_pack_options_init (options);
  options->today = cohorts_date_new (2027, 5, 3);
  options->edition = EDITION;
}

static char *
run (const char *const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("%s failed: %s\n%s", argv[0], error->message, err);
  return out;
}

static guint
count_pages (const char *path)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *info = run (argv);
  const char *pages = strstr (info, "\nPages:");

  g_assert_nonnull (pages);
  return (guint) g_ascii_strtoull (pages + strlen ("\nPages:"), NULL, 10);
}

/* Whether page @page (from 1) is landscape, from pdfinfo's "Page N size: W x H pts". */
static gboolean
page_is_landscape (const char *info,
                   guint       page)
{
  g_autofree char *key = g_strdup_printf ("Page %4u size:", page);
  const char *line = strstr (info, key);
  double width, height;
  char *end;

  g_assert_nonnull (line);
  width = g_ascii_strtod (line + strlen (key), &end);
  g_assert_true (g_str_has_prefix (end, " x "));
  height = g_ascii_strtod (end + 3, NULL);
  /* A4 either way round */
  g_assert_cmpfloat_with_epsilon (MIN (width, height), 595.28, 0.5);
  g_assert_cmpfloat_with_epsilon (MAX (width, height), 841.89, 0.5);
  return width > height;
}

/* The text of one page (0: all), with every run of white space one space:
 * what wraps on paper still reads as one line here. */
static char *
page_text (const char *path,
           guint       page)
{
  g_autofree char *first = g_strdup_printf ("%u", page);
  /* -raw: in the order drawn, so that a table's cell reads as one piece */
  const char *argv_page[] = { "pdftotext", "-raw", "-enc", "UTF-8", "-f", first, "-l", first, path, "-", NULL };
  const char *argv_all[] = { "pdftotext", "-raw", "-enc", "UTF-8", path, "-", NULL };
  g_autofree char *text = run (page > 0 ? argv_page : argv_all);
  g_auto(GStrv) words = g_strsplit_set (text, " \t\n\f\r", -1);
  g_autoptr(GString) flat = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0')
      g_string_append_printf (flat, "%s%s", flat->len > 0 ? " " : "", words[i]);
  return g_string_free (g_steal_pointer (&flat), FALSE);
}

static void
assert_contains (const char *text,
                 const char *expected)
{
  if (strstr (text, expected) == NULL)
    g_error ("“%s” not found in: %s", expected, text);
}

typedef struct
{
  guint calls;
  guint last_done;
  guint last_total;
  GCancellable *cancel_after_first;
} Progress;

static void
progress_cb (guint    done,
             guint    total,
             gpointer user_data)
{
  Progress *progress = user_data;

  g_assert_cmpuint (done, ==, progress->last_done + 1);
  g_assert_cmpuint (done, <=, total);
  progress->calls++;
  progress->last_done = done;
  progress->last_total = total;
  if (progress->cancel_after_first != NULL && done == 1)
    g_cancellable_cancel (progress->cancel_after_first);
}

/* Where the next six-digit number (a URN) after @from starts, or the end. */
static const char *
next_urn (const char *from)
{
  for (const char *c = from; *c != '\0'; c++)
    {
      guint n = 0;

      while (g_ascii_isdigit (c[n]))
        n++;
      if (n == 6 && (c == from || !g_ascii_isdigit (c[-1])))
        return c;
      if (n > 0)
        c += n - 1;
    }
  return from + strlen (from);
}

/* A school's readiness as the pack says it, as pdftotext gives it back
 * (the no-break space before the percent sign as a space). */
static char *
readiness_text (CohortsPlan   *plan,
                CohortsSchool *school,
                CohortsRag    *rag)
{
  CohortsReadinessScore score;
  g_autofree char *text = NULL;
  g_auto(GStrv) parts = NULL;

  cohorts_plan_score_school (plan, school, &score);
  *rag = score.rag;
  text = cohorts_readiness_score_describe (&score);
  parts = g_strsplit (text, "\u00a0", -1);
  return g_strjoinv (" ", parts);
}

static void
test_example (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(CohortsPlan) plan = load_example ();
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *info = NULL;
  g_autofree char *cover = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *all = NULL;
  g_autofree char *page_of = NULL;
  const char *tables;
  GListModel *cohorts = cohorts_plan_get_cohorts (plan);
  GListModel *schools = cohorts_plan_get_schools (plan);
  CohortsBoardPackOptions options;
  Progress progress = { 0 };
  guint n_pages, first_landscape = 0, last_landscape = 0;

  options_for_test (&options);
  g_assert_true (cohorts_board_pack_export (plan, fixture->path, &options, NULL, progress_cb, &progress, &error));
  g_assert_no_error (error);

  /* Pages: every one reported, portrait but for the timeline's, which
   * follow one another after the cover and the summary. */
  n_pages = count_pages (fixture->path);
  g_assert_cmpuint (n_pages, >=, 6);
  g_assert_cmpuint (progress.calls, ==, n_pages);
  g_assert_cmpuint (progress.last_total, ==, n_pages);
  {
    g_autofree char *last = g_strdup_printf ("%u", n_pages);
    const char *argv[] = { "pdfinfo", "-f", "1", "-l", last, fixture->path, NULL };
    info = run (argv);
  }
  for (guint page = 1; page <= n_pages; page++)
    if (page_is_landscape (info, page))
      {
        if (first_landscape == 0)
          first_landscape = page;
        g_assert_true (last_landscape == 0 || last_landscape == page - 1);
        last_landscape = page;
      }
  g_assert_cmpuint (first_landscape, ==, 3);
  g_assert_cmpuint (last_landscape, <, n_pages);

  /* The cover: the trust, the edition, the first page of all */
  cover = page_text (fixture->path, 1);
  assert_contains (cover, "Northfield Learning Trust");
  assert_contains (cover, "Northfield Learning Partnership: conversion plan 2027–2030");
  assert_contains (cover, EDITION);
  assert_contains (cover, "Prepared on 3 May 2027");
  page_of = g_strdup_printf ("Page 1 of %u", n_pages);
  assert_contains (cover, page_of);

  /* The summary: every cohort and its date */
  summary = page_text (fixture->path, 2);
  assert_contains (summary, "Summary");
  g_assert_cmpuint (g_list_model_get_n_items (cohorts), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (cohorts); i++)
    {
      g_autoptr(CohortsCohort) cohort = g_list_model_get_item (cohorts, i);
      g_autofree char *date = cohorts_date_format (cohorts_cohort_get_date (cohort));

      assert_contains (summary, cohorts_cohort_get_name (cohort));
      assert_contains (summary, date);
    }
  {
    g_autofree char *footer = g_strdup_printf ("Page 2 of %u", n_pages);
    assert_contains (summary, footer);
  }

  /* The summary's table counts each cohort's schools by readiness, and in
   * all: the example has schools of every rating. */
  assert_contains (summary, "Pupils Green Amber Red Not assessed");
  {
    guint n_rag[COHORTS_N_RAGS] = { 0, };
    g_autofree char *totals = NULL;

    for (guint i = 0; i < g_list_model_get_n_items (schools); i++)
      {
        g_autoptr(CohortsSchool) school = g_list_model_get_item (schools, i);
        CohortsReadinessScore score;

        cohorts_plan_score_school (plan, school, &score);
        n_rag[score.rag]++;
      }
    for (CohortsRag rag = 0; rag < COHORTS_N_RAGS; rag++)
      g_assert_cmpuint (n_rag[rag], >, 0);
    totals = g_strdup_printf ("%u %u %u %u", n_rag[COHORTS_RAG_GREEN], n_rag[COHORTS_RAG_AMBER],
                              n_rag[COHORTS_RAG_RED], n_rag[COHORTS_RAG_NOT_ASSESSED]);
    g_assert_nonnull (strstr (summary, "Total "));
    assert_contains (strstr (summary, "Total "), totals);
    /* Cohort 1: its five schools green. */
    assert_contains (summary, "Agreed 5 0 0 2581 5 0 0 0");
  }

  /* The findings: each one's message, after the section's title */
  all = page_text (fixture->path, 0);
  findings = cohorts_checks_run_at (plan, options.today);
  g_assert_cmpuint (findings->len, >, 0);
  for (guint i = 0; i < findings->len; i++)
    {
      const CohortsFinding *finding = g_ptr_array_index (findings, i);
      assert_contains (strstr (all, "Findings The plan's checks as of 3 May 2027."), finding->message);
    }
  /* Subjects in words: a month's finding is headed by the month, never by
   * the file's token for it. */
  g_assert_null (strstr (all, "month:"));
  g_assert_null (strstr (all, "term:"));
  g_assert_null (strstr (all, "cohort:"));
  g_assert_null (strstr (all, "school:"));

  /* The tables: every school, with its URN */
  tables = strstr (all, "Schools by cohort");
  g_assert_nonnull (tables);
  for (guint i = 0; i < g_list_model_get_n_items (schools); i++)
    {
      g_autoptr(CohortsSchool) school = g_list_model_get_item (schools, i);
      g_autofree char *urn = g_strdup_printf ("%u", cohorts_school_get_urn (school));

      assert_contains (tables, cohorts_school_get_name (school));
      assert_contains (tables, urn);
    }

  /* Each school's readiness, in its own row: after its URN, before the
   * next school's. */
  assert_contains (tables, "Steps Readiness");
  for (guint i = 0; i < g_list_model_get_n_items (schools); i++)
    {
      g_autoptr(CohortsSchool) school = g_list_model_get_item (schools, i);
      g_autofree char *urn = g_strdup_printf ("%u ", cohorts_school_get_urn (school));
      CohortsRag rag;
      g_autofree char *readiness = readiness_text (plan, school, &rag);
      const char *row = strstr (tables, urn);
      const char *found;

      g_assert_nonnull (row);
      found = strstr (row, readiness);
      if (found == NULL || found >= next_urn (row + strlen (urn)))
        g_error ("“%s” not in the row of %s: %.300s", readiness, urn, row);
    }
  /* As the school list words it. */
  assert_contains (strstr (tables, "938145 "), "Amber (58%)");
  assert_contains (strstr (tables, "938402 "), "Not assessed");
}

static void
test_metadata (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(CohortsPlan) plan = load_example ();
  g_autoptr(GError) error = NULL;
  g_autofree char *info = NULL;
  g_autofree char *fonts = NULL;
  CohortsBoardPackOptions options;

  options_for_test (&options);
  g_assert_true (cohorts_board_pack_export (plan, fixture->path, &options, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  {
    const char *argv[] = { "pdfinfo", fixture->path, NULL };
    info = run (argv);
  }
  assert_contains (info, "Northfield Learning Partnership: conversion plan 2027–2030");
  assert_contains (info, "Author:          Northfield Learning Trust");
  assert_contains (info, "Creator:         Cohorts");

  /* Every font is embedded */
  {
    const char *argv[] = { "pdffonts", fixture->path, NULL };
    g_auto(GStrv) lines = NULL;

    fonts = run (argv);
    lines = g_strsplit (fonts, "\n", -1);
    g_assert_cmpuint (g_strv_length (lines), >, 3);
    for (guint i = 2; lines[i] != NULL; i++)
      if (lines[i][0] != '\0')
        {
          g_auto(GStrv) fields = g_strsplit_set (lines[i], " ", -1);
          g_autoptr(GPtrArray) words = g_ptr_array_new ();

          for (guint w = 0; fields[w] != NULL; w++)
            if (fields[w][0] != '\0')
              g_ptr_array_add (words, fields[w]);
          /* name type [encoding] emb sub uni object ID: "emb" is the fifth from the end */
          g_assert_cmpuint (words->len, >=, 6);
          g_assert_cmpstr (g_ptr_array_index (words, words->len - 5), ==, "yes");
        }
  }
}

static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(CohortsPlan) plan = cohorts_plan_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *all = NULL;
  CohortsBoardPackOptions options;

  options_for_test (&options);
  g_assert_true (cohorts_board_pack_export (plan, fixture->path, &options, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_pages (fixture->path), >=, 5);
  all = page_text (fixture->path, 0);
  assert_contains (all, "No cohorts yet");
  assert_contains (all, "Schools by cohort");
}

static void
write_old_file (Fixture  *fixture,
                GBytes  **contents)
{
  static const char old[] = "%PDF-1.5\nthe previous pack\n";
  g_autoptr(GError) error = NULL;

  g_file_set_contents (fixture->path, old, sizeof old - 1, &error);
  g_assert_no_error (error);
  *contents = g_bytes_new_static (old, sizeof old - 1);
}

static void
assert_file_is (Fixture *fixture,
                GBytes  *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_file_get_contents (fixture->path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (contents, length, g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));

  /* and no temporary file is left beside it */
  dir = g_dir_open (fixture->dir, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_dir_read_name (dir), ==, "pack.pdf");
  g_assert_null (g_dir_read_name (dir));
}

/* Cancelled before anything is written, or once the first page is: the
 * export says so, and the file that was there is as it was. */
static void
assert_cancelled_export (Fixture  *fixture,
                         gboolean  after_first_page)
{
  g_autoptr(CohortsPlan) plan = load_example ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GBytes) old = NULL;
  g_autoptr(GError) error = NULL;
  CohortsBoardPackOptions options;
  Progress progress = { 0 };

  write_old_file (fixture, &old);
  options_for_test (&options);
  if (after_first_page)
    progress.cancel_after_first = cancellable;
  else
    g_cancellable_cancel (cancellable);
  g_assert_false (cohorts_board_pack_export (plan, fixture->path, &options, cancellable, progress_cb, &progress,
                                             &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  /* it stopped there, not at the end */
  g_assert_cmpuint (progress.calls, ==, after_first_page ? 1 : 0);
  assert_file_is (fixture, old);
}

static void
test_cancelled_before (Fixture       *fixture,
                       gconstpointer  data)
{
  assert_cancelled_export (fixture, FALSE);
}

static void
test_cancelled_after_first_page (Fixture       *fixture,
                                 gconstpointer  data)
{
  assert_cancelled_export (fixture, TRUE);
}

static void
test_unwritable (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(CohortsPlan) plan = load_example ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "no such folder", "pack.pdf", NULL);
  CohortsBoardPackOptions options;

  options_for_test (&options);
  g_assert_false (cohorts_board_pack_export (plan, path, &options, NULL, NULL, NULL, &error));
  g_assert_nonnull (error);
  g_assert_false (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED));
  g_assert_cmpstr (error->message, !=, "");
  g_test_message ("%s", error->message);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");

  g_test_init (&argc, &argv, NULL);

  if (pdfinfo == NULL || pdftotext == NULL)
    {
      /* poppler-utils is installed by build-aux/install-deps */
      if (g_strcmp0 (g_getenv ("COHORTS_TEST_ALLOW_SKIP"), "1") == 0)
        {
          g_test_skip ("pdfinfo and pdftotext (poppler-utils) are not installed");
          return g_test_run ();
        }
      g_printerr ("pdfinfo and pdftotext (poppler-utils) are needed: build-aux/install-deps installs them\n");
      return 1;
    }

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/board-pack/example/pages-and-text", test_example);
  ADD ("/board-pack/example/metadata-and-fonts", test_metadata);
  ADD ("/board-pack/empty-plan", test_empty);
  ADD ("/board-pack/cancel/before-first-page", test_cancelled_before);
  ADD ("/board-pack/cancel/after-first-page", test_cancelled_after_first_page);
  ADD ("/board-pack/error/unwritable", test_unwritable);
#undef ADD

  return g_test_run ();
}
