/* test-diocese.c: the diocese view's filter, the church share chart and the diocesan summary
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The dioceses of a plan and the filter predicate on plans built in code;
 * the timeline's rows for one diocese on the example plan, school by
 * school; the chart's pixels; the PDF read back with poppler-utils
 * (pdfinfo, pdftotext), as test-board-pack.c does.
 */
#define G_LOG_DOMAIN "test-diocese"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "cohorts-capacity.h"
#include "cohorts-church-share-chart.h"
#include "cohorts-cohort.h"
#include "cohorts-diocese.h"
#include "cohorts-diocese-summary.h"
#include "cohorts-history.h"
#include "cohorts-plan-xml.h"
#include "cohorts-school.h"
#include "cohorts-timeline-rows.h"

#define EXAMPLE COHORTS_SOURCE_DIR "/data/examples/northfield.matplan"

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

static CohortsSchool *
add_school (CohortsPlan *plan,
            guint        urn,
            const char  *name,
            const char  *code,
            const char  *diocese)
{
  g_autoptr(CohortsSchool) school = cohorts_school_new (urn, name);

  g_assert_true (cohorts_plan_add_school (plan, school, NULL));
  if (code != NULL)
    cohorts_plan_edit (plan, school, "diocese-code", code, NULL);
  if (diocese != NULL)
    cohorts_plan_edit (plan, school, "diocese-name", diocese, NULL);
  return school;   /* the plan holds it */
}

/* Two schools of CE99, one of a diocese known only by name, one "not
 * applicable", one of none: two dioceses, by name. */
static void
test_list (void)
{
  g_autoptr(CohortsPlan) plan = cohorts_plan_new ();
  g_autoptr(GPtrArray) dioceses = NULL;
  g_autoptr(GPtrArray) schools = NULL;
  g_autoptr(CohortsDiocese) found = NULL;
  CohortsSchool *a = add_school (plan, 100001, "St Aidan’s", "CE99", "Diocese of Ashminster");
  CohortsSchool *b = add_school (plan, 100002, "Brook Lane", NULL, NULL);
  CohortsSchool *c = add_school (plan, 100003, "St Chad’s", NULL, "Archdiocese of Brindle");
  CohortsSchool *d = add_school (plan, 100004, "Dale", "0000", "Not applicable");
  CohortsSchool *e = add_school (plan, 100005, "St Edmund’s", "CE99", "Diocese of Ashminster");
  const CohortsDiocese *first, *second;

  g_assert_cmpstr (cohorts_school_get_diocese_key (a), ==, "CE99");
  g_assert_null (cohorts_school_get_diocese_key (b));
  g_assert_cmpstr (cohorts_school_get_diocese_key (c), ==, "Archdiocese of Brindle");
  g_assert_null (cohorts_school_get_diocese_key (d));

  g_assert_true (cohorts_school_in_diocese (a, "CE99"));
  g_assert_true (cohorts_school_in_diocese (e, "CE99"));
  g_assert_false (cohorts_school_in_diocese (b, "CE99"));
  g_assert_false (cohorts_school_in_diocese (c, "CE99"));
  g_assert_false (cohorts_school_in_diocese (d, "0000"));
  g_assert_true (cohorts_school_in_diocese (b, NULL));

  dioceses = cohorts_plan_list_dioceses (plan);
  g_assert_cmpuint (dioceses->len, ==, 2);
  first = g_ptr_array_index (dioceses, 0);
  second = g_ptr_array_index (dioceses, 1);
  g_assert_cmpstr (first->key, ==, "Archdiocese of Brindle");
  g_assert_cmpstr (first->name, ==, "Archdiocese of Brindle");
  g_assert_cmpuint (first->n_schools, ==, 1);
  g_assert_cmpstr (second->key, ==, "CE99");
  g_assert_cmpstr (second->name, ==, "Diocese of Ashminster");
  g_assert_cmpuint (second->n_schools, ==, 2);

  found = cohorts_plan_find_diocese (plan, "CE99");
  g_assert_nonnull (found);
  g_assert_cmpstr (found->name, ==, "Diocese of Ashminster");
  g_assert_null (cohorts_plan_find_diocese (plan, "CE01"));

  schools = cohorts_diocese_get_schools (plan, "CE99");
  g_assert_cmpuint (schools->len, ==, 2);
  g_assert_true (g_ptr_array_index (schools, 0) == a);
  g_assert_true (g_ptr_array_index (schools, 1) == e);

  /* A school moves to another diocese: the list follows. */
  cohorts_plan_edit (plan, e, "diocese-code", "CE01", "diocese-name", "Diocese of Carrow", NULL);
  g_clear_pointer (&dioceses, g_ptr_array_unref);
  dioceses = cohorts_plan_list_dioceses (plan);
  g_assert_cmpuint (dioceses->len, ==, 3);
  g_assert_cmpstr (((CohortsDiocese *) g_ptr_array_index (dioceses, 2))->name, ==, "Diocese of Carrow");
}

/* Three schools of CE99, two of them church schools: the counts take the
 * church schools only; the track reads as it is. */
static void
test_consents (void)
{
  g_autoptr(CohortsPlan) plan = cohorts_plan_new ();
  g_autoptr(GPtrArray) schools = NULL;
  g_autofree char *track = NULL;
  CohortsConsentCounts counts;
  CohortsSchool *a = add_school (plan, 100001, "St Aidan’s", "CE99", "Diocese of Ashminster");
  CohortsSchool *b = add_school (plan, 100002, "St Bede’s", "CE99", "Diocese of Ashminster");
  CohortsSchool *c = add_school (plan, 100003, "Cleeve", "CE99", "Diocese of Ashminster");

  cohorts_plan_edit (plan, a, "religious-character", COHORTS_RELIGIOUS_CHARACTER_CHURCH_OF_ENGLAND,
                     "diocesan-consent", COHORTS_CONSENT_GRANTED,
                     "diocesan-consent-requested", cohorts_date_new (2026, 9, 14),
                     "diocesan-consent-decided", cohorts_date_new (2026, 10, 20),
                     "site-trustees-consent", COHORTS_CONSENT_REQUESTED,
                     "site-trustees-consent-requested", cohorts_date_new (2026, 11, 2),
                     "supplemental-agreement", COHORTS_AGREEMENT_DRAFTING,
                     "memorandum", COHORTS_AGREEMENT_SIGNED,
                     "memorandum-date", cohorts_date_new (2026, 7, 1), NULL);
  cohorts_plan_edit (plan, b, "religious-character", COHORTS_RELIGIOUS_CHARACTER_ROMAN_CATHOLIC,
                     "diocesan-consent", COHORTS_CONSENT_REFUSED, NULL);
  /* Not a church school: not counted, whatever it holds. */
  cohorts_plan_edit (plan, c, "diocesan-consent", COHORTS_CONSENT_GRANTED, NULL);

  schools = cohorts_diocese_get_schools (plan, "CE99");
  g_assert_cmpuint (schools->len, ==, 3);
  cohorts_diocese_count_consents (schools, &counts);
  g_assert_cmpuint (counts.n_church, ==, 2);
  g_assert_cmpuint (counts.diocesan[COHORTS_CONSENT_NONE], ==, 0);
  g_assert_cmpuint (counts.diocesan[COHORTS_CONSENT_REQUESTED], ==, 0);
  g_assert_cmpuint (counts.diocesan[COHORTS_CONSENT_GRANTED], ==, 1);
  g_assert_cmpuint (counts.diocesan[COHORTS_CONSENT_REFUSED], ==, 1);
  g_assert_cmpuint (counts.site_trustees[COHORTS_CONSENT_NONE], ==, 1);
  g_assert_cmpuint (counts.site_trustees[COHORTS_CONSENT_REQUESTED], ==, 1);
  g_assert_cmpuint (counts.supplemental[COHORTS_AGREEMENT_NONE], ==, 1);
  g_assert_cmpuint (counts.supplemental[COHORTS_AGREEMENT_DRAFTING], ==, 1);
  g_assert_cmpuint (counts.memorandum[COHORTS_AGREEMENT_NONE], ==, 1);
  g_assert_cmpuint (counts.memorandum[COHORTS_AGREEMENT_SIGNED], ==, 1);

  track = cohorts_school_describe_church_track (a);
  g_assert_cmpstr (track, ==,
                   "Diocese: Granted 20 October 2026\n"
                   "Site trustees: Requested 2 November 2026\n"
                   "CSA: Drafting\n"
                   "MoU: Signed 1 July 2026");
}

static CohortsFinding *
finding (const char *code,
         const char *subject)
{
  CohortsFinding *f = g_new0 (CohortsFinding, 1);

  f->severity = COHORTS_SEVERITY_WARNING;
  f->code = g_strdup (code);
  f->subject = g_strdup (subject);
  f->message = g_strdup ("Message");
  return f;
}

/* Which findings concern a diocese: its schools', the cohorts holding one,
 * the church share's; not other schools', cohorts', months' or the plan's. */
static void
test_findings (void)
{
  g_autoptr(CohortsPlan) plan = cohorts_plan_new ();
  g_autoptr(GPtrArray) findings = g_ptr_array_new_with_free_func ((GDestroyNotify) cohorts_finding_free);
  g_autoptr(GPtrArray) kept = NULL;
  g_autoptr(GPtrArray) all = NULL;
  CohortsCohort *with = cohorts_plan_add_cohort (plan, "With", cohorts_date_new (2027, 9, 1));
  CohortsCohort *without = cohorts_plan_add_cohort (plan, "Without", cohorts_date_new (2028, 9, 1));
  CohortsSchool *a = add_school (plan, 100001, "St Aidan’s", "CE99", "Diocese of Ashminster");
  CohortsSchool *b = add_school (plan, 100002, "Brook Lane", NULL, NULL);
  g_autofree char *with_subject = g_strdup_printf ("cohort:%s", cohorts_cohort_get_id (with));
  g_autofree char *without_subject = g_strdup_printf ("cohort:%s", cohorts_cohort_get_id (without));

  cohorts_plan_move_school (plan, a, with, G_MAXUINT);
  cohorts_plan_move_school (plan, b, without, G_MAXUINT);

  g_ptr_array_add (findings, finding ("readiness-not-ready", "school:100001"));      /* kept */
  g_ptr_array_add (findings, finding ("readiness-not-ready", "school:100002"));      /* not its school */
  g_ptr_array_add (findings, finding ("cohort-empty", with_subject));               /* kept */
  g_ptr_array_add (findings, finding ("cohort-empty", without_subject));            /* no school of it */
  g_ptr_array_add (findings, finding ("capacity-church-share", "month:2028-09"));   /* kept */
  g_ptr_array_add (findings, finding ("capacity-throughput-month", "month:2028-09"));
  g_ptr_array_add (findings, finding ("plan-no-start", "plan"));
  g_ptr_array_add (findings, finding ("readiness-not-ready", "school:999999"));      /* no such school */

  kept = cohorts_diocese_filter_findings (findings, plan, "CE99");
  g_assert_cmpuint (kept->len, ==, 3);
  g_assert_cmpstr (((CohortsFinding *) g_ptr_array_index (kept, 0))->subject, ==, "school:100001");
  g_assert_cmpstr (((CohortsFinding *) g_ptr_array_index (kept, 1))->subject, ==, with_subject);
  g_assert_cmpstr (((CohortsFinding *) g_ptr_array_index (kept, 2))->code, ==, "capacity-church-share");

  all = cohorts_diocese_filter_findings (findings, plan, NULL);
  g_assert_cmpuint (all->len, ==, findings->len);
}

/* The example's timeline for the Diocese of Ashminster (CE99): only its
 * schools have rows, and only cohorts holding one; every row maps to its
 * school and back; the trust's academies over time still count them all. */
static void
test_rows (void)
{
  g_autoptr(CohortsPlan) plan = load_example ();
  g_autoptr(CohortsTimelineRows) all = cohorts_timeline_rows_new (plan);
  g_autoptr(CohortsTimelineRows) rows = cohorts_timeline_rows_new (plan);
  g_autoptr(GPtrArray) schools = cohorts_diocese_get_schools (plan, "CE99");
  const CohortsTimelineCount *all_counts, *counts;
  guint n_all_counts, n_counts, n_groups, n_school_rows = 0, n_rows_all;
  GListModel *plan_schools = cohorts_plan_get_schools (plan);

  g_assert_cmpuint (schools->len, >=, 2);
  n_rows_all = cohorts_timeline_rows_get_n_rows (rows);
  cohorts_timeline_rows_set_diocese (rows, "CE99");
  g_assert_cmpstr (cohorts_timeline_rows_get_diocese (rows), ==, "CE99");

  /* Rows: one a group, one a school of the diocese. */
  n_groups = cohorts_timeline_rows_get_n_groups (rows);
  g_assert_cmpuint (n_groups, <, cohorts_timeline_rows_get_n_groups (all));
  g_assert_cmpuint (cohorts_timeline_rows_get_n_rows (rows), ==, n_groups + schools->len);
  for (guint g = 0; g < n_groups; g++)
    {
      const CohortsTimelineGroup *group = cohorts_timeline_rows_get_group (rows, g);

      g_assert_cmpuint (group->n_members, >, 0);
      g_assert_cmpuint (group->n_church, ==, group->n_members);
      for (guint i = 0; i < group->n_members; i++)
        {
          guint row = group->first_row + 1 + i;
          CohortsSchool *school = cohorts_timeline_rows_get_school (rows, row);

          g_assert_nonnull (school);
          g_assert_true (cohorts_school_in_diocese (school, "CE99"));
          g_assert_true (cohorts_school_get_cohort (school) == group->cohort);
          g_assert_cmpuint (cohorts_timeline_rows_find_school (rows, school), ==, row);
          n_school_rows++;
        }
    }
  g_assert_cmpuint (n_school_rows, ==, schools->len);

  /* Schools of no diocese have no row. */
  for (guint i = 0; i < g_list_model_get_n_items (plan_schools); i++)
    {
      g_autoptr(CohortsSchool) school = g_list_model_get_item (plan_schools, i);

      if (!cohorts_school_in_diocese (school, "CE99"))
        g_assert_cmpuint (cohorts_timeline_rows_find_school (rows, school), ==, G_MAXUINT);
    }

  /* The trust's academies over time are every school's. */
  all_counts = cohorts_timeline_rows_get_counts (all, &n_all_counts);
  counts = cohorts_timeline_rows_get_counts (rows, &n_counts);
  g_assert_cmpuint (n_counts, ==, n_all_counts);
  g_assert_cmpmem (counts, n_counts * sizeof *counts, all_counts, n_all_counts * sizeof *all_counts);

  /* Collapsing a group takes its schools' rows away. */
  cohorts_timeline_rows_set_collapsed (rows, 0, TRUE);
  g_assert_cmpuint (cohorts_timeline_rows_get_n_rows (rows), ==,
                    n_groups + schools->len - cohorts_timeline_rows_get_group (rows, 0)->n_members);
  cohorts_timeline_rows_set_collapsed (rows, 0, FALSE);

  /* An edit moves a school out of the diocese: a row fewer. */
  cohorts_plan_edit (plan, g_ptr_array_index (schools, 0), "diocese-code", "CE01", NULL);
  g_assert_cmpuint (cohorts_timeline_rows_get_n_rows (rows), <, n_groups + schools->len);
  g_assert_cmpuint (cohorts_timeline_rows_find_school (rows, g_ptr_array_index (schools, 0)), ==, G_MAXUINT);
  g_assert_true (cohorts_history_undo (cohorts_plan_get_history (plan)));

  /* A diocese with no school in the plan: no rows at all. */
  cohorts_timeline_rows_set_diocese (rows, "CE01");
  g_assert_cmpuint (cohorts_timeline_rows_get_n_rows (rows), ==, 0);
  g_assert_null (cohorts_timeline_rows_get_school (rows, 0));

  /* Back to every school. */
  cohorts_timeline_rows_set_diocese (rows, NULL);
  g_assert_null (cohorts_timeline_rows_get_diocese (rows));
  g_assert_cmpuint (cohorts_timeline_rows_get_n_rows (rows), ==, n_rows_all);
}

/* The colour of a pixel, as 0–255 for each of red, green and blue. */
static void
pixel (cairo_surface_t *surface,
       int              x,
       int              y,
       int              rgb[3])
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  guint32 value = *(const guint32 *) (gconstpointer) (data + y * cairo_image_surface_get_stride (surface) + x * 4);

  rgb[0] = (value >> 16) & 0xff;
  rgb[1] = (value >> 8) & 0xff;
  rgb[2] = value & 0xff;
}

static gboolean
is_white (cairo_surface_t *surface,
          int              x,
          int              y)
{
  int rgb[3];

  pixel (surface, x, y, rgb);
  return rgb[0] == 255 && rgb[1] == 255 && rgb[2] == 255;
}

/* A 400×200 chart of two steps, 3 of 4 from September 2027 (met) and 1 of
 * 5 from September 2028 (below a 40% minimum): the plot runs from x 38 to
 * 394 over two academic years, y 30 (100%) to 180 (0%). The line is drawn
 * at 75% (y 67.5) in the first year and 20% (y 150) in the second; the
 * second year is hatched; the minimum is dashed at y 120 (between the grid
 * lines at 25% and 50%). */
static void
test_chart (void)
{
  CohortsChurchShare shares[] = {
    { cohorts_date_new (2027, 9, 1), 4, 3, FALSE },
    { cohorts_date_new (2028, 9, 1), 5, 1, TRUE },
  };
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 400, 200);
  cairo_t *cr = cairo_create (surface);
  CohortsTimelineStyle style;
  int rgb[3], hatched = 0, first_year_marks = 0;

  cohorts_timeline_style_init (&style, FALSE);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cohorts_church_share_render_chart (cr, shares, G_N_ELEMENTS (shares), 4000, &style, 400, 200);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  /* The line, in the church colour, at 75% then 20% */
  pixel (surface, 150, 67, rgb);
  g_assert_cmpint (abs (rgb[0] - (int) (style.church.red * 255)), <=, 40);
  g_assert_cmpint (abs (rgb[1] - (int) (style.church.green * 255)), <=, 40);
  g_assert_cmpint (abs (rgb[2] - (int) (style.church.blue * 255)), <=, 40);
  pixel (surface, 330, 150, rgb);
  g_assert_cmpint (abs (rgb[0] - (int) (style.church.red * 255)), <=, 40);
  g_assert_false (is_white (surface, 150, 67));
  g_assert_true (is_white (surface, 150, 150 - 20));

  /* Hatching over the second year only: count marked pixels along y 130,
   * away from the grid lines. */
  for (int x = 230; x < 380; x++)
    hatched += !is_white (surface, x, 130);
  for (int x = 60; x < 200; x++)
    first_year_marks += !is_white (surface, x, 130);
  g_assert_cmpint (hatched, >, 20);
  g_assert_cmpint (first_year_marks, ==, 0);

  /* The dashed minimum at 40%: marks and gaps along y 120 in the first year */
  {
    int marks = 0;

    for (int x = 60; x < 200; x++)
      marks += !is_white (surface, x, 120);
    g_assert_cmpint (marks, >, 40);
    g_assert_cmpint (marks, <, 135);
  }

  cairo_surface_destroy (surface);
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

/* The text of the whole PDF, every run of white space one space. */
static char *
pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-raw", "-enc", "UTF-8", path, "-", NULL };
  g_autofree char *text = run (argv);
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
  guint total;
} Progress;

static void
progress_cb (guint    done,
             guint    total,
             gpointer user_data)
{
  Progress *progress = user_data;

  g_assert_cmpuint (done, ==, progress->calls + 1);
  progress->calls++;
  progress->total = total;
}

/* The example's summary for CE99 on A4, then A3: its pages, the diocese's
 * schools (and no other), the church share month by month, the checks that
 * concern the diocese, page numbers. */
static void
test_summary (void)
{
  g_autoptr(CohortsPlan) plan = load_example ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-diocese-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "summary.pdf", NULL);
  g_autoptr(GPtrArray) schools = cohorts_diocese_get_schools (plan, "CE99");
  g_autoptr(GArray) shares = cohorts_capacity_church_share (plan);
  GListModel *plan_schools = cohorts_plan_get_schools (plan);
  CohortsDioceseSummaryOptions options;
  Progress progress = { 0, };
  g_autofree char *text = NULL;
  g_autofree char *info = NULL;
  g_autofree char *last_page = NULL;
  guint n_pages;

  g_assert_no_error (error);
  cohorts_diocese_summary_options_init (&options);
  options.today = cohorts_date_new (2027, 5, 3);
  options.edition = "Saved 3 May 2027";

  g_assert_true (cohorts_diocese_summary_export (plan, "CE99", path, &options, NULL, progress_cb, &progress, &error));
  g_assert_no_error (error);

  {
    const char *argv[] = { "pdfinfo", path, NULL };

    info = run (argv);
  }
  assert_contains (info, "Page size:       595.276 x 841.89 pts (A4)");
  /* The PDF's properties: the diocese and the plan, the trust, what it is. */
  assert_contains (info, "Title:           Diocese of Ashminster — ");
  assert_contains (info, "Author:          Northfield Learning Trust");
  assert_contains (info, "Subject:         Diocesan summary");
  n_pages = (guint) g_ascii_strtoull (strstr (info, "\nPages:") + strlen ("\nPages:"), NULL, 10);
  g_assert_cmpuint (n_pages, >=, 3);
  g_assert_cmpuint (progress.calls, ==, n_pages);
  g_assert_cmpuint (progress.total, ==, n_pages);

  text = pdf_text (path);
  assert_contains (text, "Diocesan summary Diocese of Ashminster");
  assert_contains (text, "Saved 3 May 2027");
  assert_contains (text, "Prepared on 3 May 2027");
  assert_contains (text, "Page 1 of ");
  last_page = g_strdup_printf ("Page %u of %u", n_pages, n_pages);
  assert_contains (text, last_page);
  /* Each school of the diocese by URN; no other school. */
  for (guint i = 0; i < g_list_model_get_n_items (plan_schools); i++)
    {
      g_autoptr(CohortsSchool) school = g_list_model_get_item (plan_schools, i);
      g_autofree char *urn = g_strdup_printf (" %u ", cohorts_school_get_urn (school));

      if (cohorts_school_in_diocese (school, "CE99"))
        {
          /* In the table, its URN whole and then its character. */
          g_autofree char *row = g_strdup_printf (" %u Voluntary ", cohorts_school_get_urn (school));

          assert_contains (text, row);
        }
      else if (strstr (text, urn) != NULL)
        g_error ("%s is not of the diocese, but is in the summary", cohorts_school_get_name (school));
    }
  /* The share, month by month: one row a month of joiners. */
  assert_contains (text, "The church’s share of the trust");
  assert_contains (text, "Month by month From Academies Church academies Share Against the minimum");
  for (guint i = 0; i < shares->len; i++)
    {
      const CohortsChurchShare *share = &g_array_index (shares, CohortsChurchShare, i);
      g_autofree char *month = cohorts_date_format_month (share->month);
      g_autofree char *row = g_strdup_printf ("%s %u %u ", month, share->academies, share->church);

      assert_contains (text, row);
    }
  assert_contains (text, "Below the minimum");
  /* The consents, counted as the core counts them. */
  {
    CohortsConsentCounts counts;
    g_autofree char *diocesan = NULL;
    g_autofree char *memorandum = NULL;

    cohorts_diocese_count_consents (schools, &counts);
    g_assert_cmpuint (counts.n_church, ==, schools->len);
    diocesan = g_strdup_printf ("Diocesan board of education %u %u %u %u", counts.diocesan[0],
                                counts.diocesan[1], counts.diocesan[2], counts.diocesan[3]);
    memorandum = g_strdup_printf ("Memorandum of understanding %u %u %u %u", counts.memorandum[0],
                                  counts.memorandum[1], counts.memorandum[2], counts.memorandum[3]);
    assert_contains (text, "Consent Not requested Requested Granted Refused");
    assert_contains (text, diocesan);
    assert_contains (text, memorandum);
    /* At least one school has each consent granted, in the example. */
    g_assert_cmpuint (counts.diocesan[COHORTS_CONSENT_GRANTED], >, 0);
    assert_contains (text, "Diocese: Granted 20 October 2026");
  }
  /* The checks: the church share's warning is there; the first cohort's
   * (no church school) are not. */
  assert_contains (text, "Checks that concern these schools");
  assert_contains (text, "church schools are 0 of the trust’s 5 academies");

  /* A3 */
  options.paper = COHORTS_PAPER_SIZE_A3;
  g_assert_true (cohorts_diocese_summary_export (plan, "CE99", path, &options, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&info, g_free);
  {
    const char *argv[] = { "pdfinfo", path, NULL };

    info = run (argv);
  }
  assert_contains (info, "Page size:       841.89 x 1190.55 pts (A3)");

  g_unlink (path);
  g_rmdir (dir);
}

/* A diocese of 120 schools: the table runs over pages, its header again on
 * each with "(continued)"; a very long name wraps within its cell. */
static void
test_summary_pages (void)
{
  g_autoptr(CohortsPlan) plan = cohorts_plan_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-diocese-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "summary.pdf", NULL);
  g_autofree char *page2 = NULL;
  g_autofree char *all = NULL;
  CohortsCohort *cohorts[3];
  CohortsDioceseSummaryOptions options;
  const char *header = "School URN Character Cohort and conversion SIAMS Consents and agreements";
  guint n_headers = 0;

  g_assert_no_error (error);
  cohorts_plan_edit (plan, plan, "title", "Long plan", "start-date", cohorts_date_new (2026, 9, 1), NULL);
  cohorts_plan_edit (plan, cohorts_plan_get_trust (plan), "church-share-min", 2500, NULL);
  for (guint c = 0; c < G_N_ELEMENTS (cohorts); c++)
    {
      g_autofree char *name = g_strdup_printf ("Cohort %u", c + 1);

      cohorts[c] = cohorts_plan_add_cohort (plan, name, cohorts_date_new (2027 + c, 9, 1));
    }
  for (guint i = 0; i < 120; i++)
    {
      g_autofree char *name = i == 7 ? g_strdup ("The Blessed Saint Bartholomew and All Saints Church of England "
                                                 "Voluntary Aided Federated Infant and Junior School")
                                     : g_strdup_printf ("St Aidan’s School %u", i);
      CohortsSchool *school = add_school (plan, 300000 + i, name, "CE99", "Diocese of Ashminster");

      cohorts_plan_edit (plan, school, "religious-character", COHORTS_RELIGIOUS_CHARACTER_CHURCH_OF_ENGLAND,
                         "establishment-type", COHORTS_ESTABLISHMENT_VOLUNTARY_AIDED, NULL);
      cohorts_plan_move_school (plan, school, cohorts[i % 3], G_MAXUINT);
    }

  cohorts_diocese_summary_options_init (&options);
  options.today = cohorts_date_new (2027, 5, 3);
  g_assert_true (cohorts_diocese_summary_export (plan, "CE99", path, &options, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  all = pdf_text (path);
  for (const char *at = strstr (all, header); at != NULL; at = strstr (at + 1, header))
    n_headers++;
  /* 120 rows of three to five lines: four pages of table at least. */
  g_assert_cmpuint (n_headers, >=, 4);
  assert_contains (all, "The diocese’s schools (continued) School URN");
  /* Every school is in the table, once, its URN whole. */
  for (guint i = 0; i < 120; i++)
    {
      g_autofree char *row = g_strdup_printf (" %u Voluntary aided ", 300000 + i);
      const char *first = strstr (all, row);

      g_assert_nonnull (first);
      g_assert_null (strstr (first + 1, row));
    }
  /* The long name whole, wrapped (pdftotext gives its lines back joined by spaces). */
  assert_contains (all, "The Blessed Saint Bartholomew and All Saints Church of England Voluntary Aided "
                        "Federated Infant and Junior School");

  {
    const char *argv[] = { "pdftotext", "-raw", "-enc", "UTF-8", "-f", "2", "-l", "2", path, "-", NULL };

    page2 = run (argv);
  }
  g_assert_nonnull (strstr (page2, "(continued)"));

  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/diocese/list", test_list);
  g_test_add_func ("/diocese/consents", test_consents);
  g_test_add_func ("/diocese/findings", test_findings);
  g_test_add_func ("/diocese/timeline-rows", test_rows);
  g_test_add_func ("/diocese/share-chart", test_chart);
  g_test_add_func ("/diocese/summary", test_summary);
  g_test_add_func ("/diocese/summary-pages", test_summary_pages);

  return g_test_run ();
}
