/* test-baseline.c: baselines, the history of conversion dates, and comparing
 * a plan with its baseline
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A small plan built in code, whose baseline and changes are worked out by
 * hand; the good file tests/files/good/baselines.matplan read back value by
 * value; undo of every new step back to the same bytes.
 */
#define G_LOG_DOMAIN "test-baseline"

#include "config.h"

#include "cohorts-diff.h"
#include "cohorts-plan-xml.h"

static CohortsDate
d (int year, int month, int day)
{
  return cohorts_date_new (year, month, day);
}

static CohortsSchool *
add_school (CohortsPlan   *plan,
            CohortsCohort *cohort,
            guint          urn,
            const char    *name)
{
  g_autoptr(CohortsSchool) school = cohorts_school_new (urn, name);

  g_assert_true (cohorts_plan_add_school (plan, school, NULL));
  if (cohort != NULL)
    cohorts_plan_move_school (plan, school, cohort, G_MAXUINT);
  return school;   /* the plan holds it */
}

static void
set_own_date (CohortsPlan   *plan,
              CohortsSchool *school,
              CohortsDate    date)
{
  CohortsMilestone milestone = { COHORTS_DATE_NONE, date, COHORTS_MILESTONE_PLANNED };

  g_assert_true (cohorts_plan_set_milestone (plan, school, COHORTS_STEP_CONVERSION, &milestone, NULL));
}

/* Two cohorts (1 April 2027, 1 September 2027) and four schools: Ashcombe
 * in the first, Brook in the first on a date of its own (1 January 2027),
 * Castle in the second, Dene in none. */
static CohortsPlan *
make_plan (void)
{
  CohortsPlan *plan = cohorts_plan_new ();
  CohortsCohort *first = cohorts_plan_add_cohort (plan, "First wave", d (2027, 4, 1));
  CohortsCohort *second = cohorts_plan_add_cohort (plan, "Second wave", d (2027, 9, 1));
  CohortsSchool *brook;

  add_school (plan, first, 300004, "Ashcombe First School");
  brook = add_school (plan, first, 200002, "Brook Primary School");
  set_own_date (plan, brook, d (2027, 1, 1));
  add_school (plan, second, 400001, "Castle High School");
  add_school (plan, NULL, 100003, "Dene Nursery School");
  return plan;
}

static GBytes *
save (CohortsPlan *plan)
{
  return cohorts_plan_xml_to_bytes (plan);
}

static void
assert_same_bytes (GBytes *a,
                   GBytes *b)
{
  gsize size_a, size_b;
  const char *data_a = g_bytes_get_data (a, &size_a);
  const char *data_b = g_bytes_get_data (b, &size_b);

  g_assert_cmpmem (data_a, size_a, data_b, size_b);
}

static CohortsPlan *
reload (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  CohortsPlan *plan = cohorts_plan_xml_load_data (data, size, "test.matplan", COHORTS_PLAN_LOAD_SCHEMA, &error);

  g_assert_no_error (error);
  g_assert_nonnull (plan);
  return plan;
}

static void
test_snapshot (void)
{
  g_autoptr(CohortsPlan) plan = make_plan ();
  g_autoptr(GBytes) before = save (plan);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GBytes) redone = NULL;
  g_autoptr(GError) error = NULL;
  CohortsHistory *history = cohorts_plan_get_history (plan);
  CohortsBaseline *baseline;
  const CohortsBaselineEntry *e;
  gint64 now = cohorts_date_time_now ();

  g_assert_null (cohorts_plan_add_baseline (plan, "  \n ", &error));
  g_assert_error (error, COHORTS_PLAN_ERROR, COHORTS_PLAN_ERROR_INVALID);
  g_clear_error (&error);

  baseline = cohorts_plan_add_baseline (plan, "Agreed by the board", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cohorts_baseline_get_id (baseline), ==, "b1");
  g_assert_cmpstr (cohorts_baseline_get_name (baseline), ==, "Agreed by the board");
  g_assert_cmpint (cohorts_baseline_get_at (baseline), >=, now);
  g_assert_cmpint (cohorts_baseline_get_at (baseline), <=, cohorts_date_time_now ());
  g_assert_cmpuint (g_list_model_get_n_items (cohorts_plan_get_baselines (plan)), ==, 1);
  g_assert_true (cohorts_plan_find_baseline (plan, "b1") == baseline);
  g_assert_true (cohorts_plan_find_baseline (plan, "Agreed by the board") == baseline);
  g_assert_null (cohorts_plan_find_baseline (plan, "b2"));

  g_assert_cmpuint (cohorts_baseline_get_n_cohorts (baseline), ==, 2);
  g_assert_cmpstr (cohorts_baseline_get_cohort (baseline, 1)->name, ==, "Second wave");
  g_assert_cmpuint (cohorts_baseline_get_cohort (baseline, 1)->date, ==, d (2027, 9, 1));

  /* In order of URN, each with the date the schedule gives it. */
  g_assert_cmpuint (cohorts_baseline_get_n_entries (baseline), ==, 4);
  e = cohorts_baseline_get_entry (baseline, 0);
  g_assert_cmpuint (e->urn, ==, 100003);
  g_assert_cmpint (e->cohort, ==, -1);
  g_assert_cmpuint (e->date, ==, COHORTS_DATE_NONE);
  e = cohorts_baseline_lookup (baseline, 200002);
  g_assert_cmpstr (e->name, ==, "Brook Primary School");
  g_assert_cmpint (e->cohort, ==, 0);
  g_assert_cmpuint (e->date, ==, d (2027, 1, 1));
  e = cohorts_baseline_lookup (baseline, 300004);
  g_assert_cmpint (e->cohort, ==, 0);
  g_assert_cmpuint (e->date, ==, d (2027, 4, 1));
  e = cohorts_baseline_lookup (baseline, 400001);
  g_assert_cmpint (e->cohort, ==, 1);
  g_assert_cmpuint (e->date, ==, d (2027, 9, 1));
  g_assert_null (cohorts_baseline_lookup (baseline, 100002));
  g_assert_null (cohorts_baseline_lookup (baseline, 999999));

  /* One undo takes it away, byte for byte; redo brings back the same. */
  after = save (plan);
  g_assert_true (cohorts_history_undo (history));
  g_assert_cmpuint (g_list_model_get_n_items (cohorts_plan_get_baselines (plan)), ==, 0);
  {
    g_autoptr(GBytes) undone = save (plan);
    assert_same_bytes (before, undone);
  }
  g_assert_true (cohorts_history_redo (history));
  redone = save (plan);
  assert_same_bytes (after, redone);

  /* Removing it is a step too. */
  cohorts_plan_remove_baseline (plan, baseline);
  g_assert_cmpuint (g_list_model_get_n_items (cohorts_plan_get_baselines (plan)), ==, 0);
  g_assert_true (cohorts_history_undo (history));
  g_assert_cmpuint (g_list_model_get_n_items (cohorts_plan_get_baselines (plan)), ==, 1);
  {
    g_autoptr(GBytes) restored = save (plan);
    assert_same_bytes (after, restored);
  }
}

static void
test_default_name (void)
{
  g_autofree char *name = NULL;
  g_autoptr(GDateTime) moment = g_date_time_new_utc (2026, 11, 24, 23, 59, 0);

  name = cohorts_plan_make_baseline_name (g_date_time_to_unix (moment));
  g_assert_cmpstr (name, ==, "Baseline of 24 November 2026");
}

static void
test_limit (void)
{
  g_autoptr(CohortsPlan) plan = cohorts_plan_new ();
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < COHORTS_PLAN_MAX_BASELINES; i++)
    g_assert_nonnull (cohorts_plan_add_baseline (plan, "Again", NULL));
  g_assert_null (cohorts_plan_add_baseline (plan, "One too many", &error));
  g_assert_error (error, COHORTS_PLAN_ERROR, COHORTS_PLAN_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==, "A plan can keep at most 100 baselines; remove one first");
}

/* A date change recorded in the group of the edit that moved the date: one
 * undo takes back both. */
static void
test_date_change_grouped (void)
{
  g_autoptr(CohortsPlan) plan = make_plan ();
  CohortsHistory *history = cohorts_plan_get_history (plan);
  CohortsCohort *first = cohorts_plan_find_cohort (plan, "c1");
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = NULL;
  CohortsDateChange *change;

  g_assert_nonnull (first);
  g_assert_nonnull (cohorts_plan_add_baseline (plan, "Agreed", NULL));
  before = save (plan);

  cohorts_plan_begin_edit (plan, "Change Date");
  cohorts_plan_edit (plan, first, "date", d (2027, 9, 1), NULL);
  change = cohorts_plan_add_date_change (plan, "cohort:c1", d (2027, 4, 1), d (2027, 9, 1),
                                         COHORTS_DATE_CHANGE_DIOCESE, "J. Smith",
                                         "The diocesan board meets in June.", &error);
  cohorts_plan_end_edit (plan);
  g_assert_no_error (error);
  g_assert_nonnull (change);
  g_assert_cmpstr (cohorts_date_change_get_subject (change), ==, "cohort:c1");
  g_assert_cmpuint (cohorts_date_change_get_from (change), ==, d (2027, 4, 1));
  g_assert_cmpuint (cohorts_date_change_get_to (change), ==, d (2027, 9, 1));
  g_assert_cmpint (cohorts_date_change_get_reason (change), ==, COHORTS_DATE_CHANGE_DIOCESE);
  g_assert_cmpstr (cohorts_date_change_get_author (change), ==, "J. Smith");
  g_assert_cmpstr (cohorts_date_change_get_note (change), ==, "The diocesan board meets in June.");
  g_assert_cmpstr (cohorts_enum_get_label (COHORTS_TYPE_DATE_CHANGE_REASON,
                                           COHORTS_DATE_CHANGE_ADVISORY_BOARD), ==, "Advisory board conditions");

  found = cohorts_plan_list_date_changes (plan, "cohort:c1");
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_true (g_ptr_array_index (found, 0) == change);

  after = save (plan);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (after, NULL), -1,
                                  "<change subject=\"cohort:c1\""));
  g_assert_true (cohorts_history_undo (history));
  g_assert_cmpuint (cohorts_cohort_get_date (first), ==, d (2027, 4, 1));
  g_assert_cmpuint (g_list_model_get_n_items (cohorts_plan_get_date_changes (plan)), ==, 0);
  {
    g_autoptr(GBytes) undone = save (plan);
    assert_same_bytes (before, undone);
  }
  g_assert_true (cohorts_history_redo (history));
  {
    g_autoptr(GBytes) redone = save (plan);
    assert_same_bytes (after, redone);
  }

  /* What cannot be a change. */
  g_assert_null (cohorts_plan_add_date_change (plan, "cohort:c9", d (2027, 4, 1), d (2027, 9, 1),
                                               COHORTS_DATE_CHANGE_LAND, NULL, NULL, &error));
  g_assert_error (error, COHORTS_PLAN_ERROR, COHORTS_PLAN_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (cohorts_plan_add_date_change (plan, "plan", d (2027, 4, 1), d (2027, 9, 1),
                                               COHORTS_DATE_CHANGE_LAND, NULL, NULL, &error));
  g_assert_error (error, COHORTS_PLAN_ERROR, COHORTS_PLAN_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (cohorts_plan_add_date_change (plan, "cohort:c1", d (2027, 4, 1), d (2027, 4, 1),
                                               COHORTS_DATE_CHANGE_LAND, NULL, NULL, &error));
  g_assert_error (error, COHORTS_PLAN_ERROR, COHORTS_PLAN_ERROR_INVALID);
}

/* The history follows a school's new URN and outlives the school. */
static void
test_history_outlives (void)
{
  g_autoptr(CohortsPlan) plan = make_plan ();
  CohortsSchool *brook = cohorts_plan_find_school (plan, 200002);
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(CohortsPlan) again = NULL;

  g_assert_nonnull (cohorts_plan_add_date_change (plan, "school:200002", d (2027, 4, 1), d (2027, 1, 1),
                                                  COHORTS_DATE_CHANGE_SCHOOL, NULL, NULL, NULL));
  g_assert_true (cohorts_plan_set_school_urn (plan, brook, 200003, NULL));
  found = cohorts_plan_list_date_changes (plan, "school:200003");
  g_assert_cmpuint (found->len, ==, 1);
  g_clear_pointer (&found, g_ptr_array_unref);

  cohorts_plan_remove_school (plan, brook);
  found = cohorts_plan_list_date_changes (plan, "school:200003");
  g_assert_cmpuint (found->len, ==, 1);

  /* And the file keeps it. */
  bytes = save (plan);
  again = reload (bytes);
  g_clear_pointer (&found, g_ptr_array_unref);
  found = cohorts_plan_list_date_changes (again, "school:200003");
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_null (cohorts_date_change_get_author (g_ptr_array_index (found, 0)));
}

/* load, save, load again: the same bytes, with baselines and history. */
static void
test_round_trip (void)
{
  g_autoptr(CohortsPlan) plan = make_plan ();
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(CohortsPlan) again = NULL;
  CohortsBaseline *baseline, *read;

  baseline = cohorts_plan_add_baseline (plan, "Agreed <by> the “board” & co", NULL);
  g_assert_nonnull (cohorts_plan_add_baseline (plan, "Later", NULL));
  g_assert_nonnull (cohorts_plan_add_date_change (plan, "school:400001", d (2027, 9, 1), COHORTS_DATE_NONE,
                                                  COHORTS_DATE_CHANGE_VOLUNTARY_DEFERRAL, "A. Clerk",
                                                  "Line one\nline two & <three>", NULL));
  first = save (plan);
  again = reload (first);
  second = save (again);
  assert_same_bytes (first, second);

  read = cohorts_plan_find_baseline (again, "b1");
  g_assert_nonnull (read);
  g_assert_cmpstr (cohorts_baseline_get_name (read), ==, cohorts_baseline_get_name (baseline));
  g_assert_cmpint (cohorts_baseline_get_at (read), ==, cohorts_baseline_get_at (baseline));
  g_assert_cmpuint (cohorts_baseline_get_n_entries (read), ==, 4);
  g_assert_cmpuint (cohorts_baseline_lookup (read, 200002)->date, ==, d (2027, 1, 1));
  g_assert_cmpint (cohorts_baseline_lookup (read, 400001)->cohort, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (cohorts_plan_get_date_changes (again)), ==, 1);
}

/* tests/files/good/baselines.matplan, as read. */
static void
test_good_file (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "files", "good", "baselines.matplan", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CohortsPlan) plan = cohorts_plan_xml_load_file (file, "baselines.matplan", COHORTS_PLAN_LOAD_SCHEMA, NULL, &error);
  CohortsBaseline *b1, *b2;
  const CohortsBaselineEntry *e;
  g_autoptr(CohortsDateChange) change = NULL;
  g_autofree char *at = NULL;

  g_assert_no_error (error);
  b1 = cohorts_plan_find_baseline (plan, "b1");
  b2 = cohorts_plan_find_baseline (plan, "Before the diocese’s review");
  g_assert_cmpstr (cohorts_baseline_get_name (b1), ==, "Agreed by the board");
  at = cohorts_date_time_to_iso (cohorts_baseline_get_at (b1));
  g_assert_cmpstr (at, ==, "2026-06-30T16:05:00Z");
  g_assert_cmpstr (cohorts_baseline_get_id (b2), ==, "b2");
  g_assert_cmpuint (cohorts_baseline_get_n_entries (b2), ==, 0);
  g_assert_cmpuint (cohorts_baseline_get_n_cohorts (b1), ==, 2);
  g_assert_cmpuint (cohorts_baseline_get_cohort (b1, 1)->date, ==, COHORTS_DATE_NONE);
  e = cohorts_baseline_lookup (b1, 100009);
  g_assert_cmpstr (e->name, ==, "Closed School & Nursery");
  g_assert_cmpint (e->cohort, ==, -1);
  g_assert_cmpuint (e->date, ==, d (2027, 1, 1));

  g_assert_cmpuint (g_list_model_get_n_items (cohorts_plan_get_date_changes (plan)), ==, 3);
  change = g_list_model_get_item (cohorts_plan_get_date_changes (plan), 1);
  /* About a school the plan no longer has. */
  g_assert_cmpstr (cohorts_date_change_get_subject (change), ==, "school:100009");
  g_assert_null (cohorts_plan_find_school (plan, 100009));
  g_assert_cmpuint (cohorts_date_change_get_from (change), ==, d (2027, 1, 1));
  g_assert_cmpuint (cohorts_date_change_get_to (change), ==, COHORTS_DATE_NONE);
  g_assert_cmpint (cohorts_date_change_get_reason (change), ==, COHORTS_DATE_CHANGE_VIABILITY);
  g_assert_cmpstr (cohorts_date_change_get_note (change), ==, "");
}

static void
assert_changes (GPtrArray          *changes,
                const char * const *expected)
{
  guint n = g_strv_length ((char **) expected);

  for (guint i = 0; i < changes->len; i++)
    g_test_message ("%s", ((CohortsChange *) g_ptr_array_index (changes, i))->message);
  g_assert_cmpuint (changes->len, ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (((CohortsChange *) g_ptr_array_index (changes, i))->message, ==, expected[i]);
}

/* Known differences since a baseline, in the diff's own sentences. */
static void
test_compare (void)
{
  g_autoptr(CohortsPlan) plan = make_plan ();
  CohortsBaseline *baseline = cohorts_plan_add_baseline (plan, "Agreed", NULL);
  CohortsCohort *first = cohorts_plan_find_cohort (plan, "c1");
  CohortsCohort *second = cohorts_plan_find_cohort (plan, "c2");
  g_autoptr(GPtrArray) none = cohorts_diff_baseline (baseline, plan);
  g_autoptr(GPtrArray) changes = NULL;
  CohortsSchool *ashcombe = cohorts_plan_find_school (plan, 300004);
  const char *const expected[] = {
    "First wave now converts on 1 January 2028, 9 months later than 1 April 2027.",
    "Second wave is renamed “Autumn wave”.",
    "Brook Primary School (URN 200002) now converts on 1 March 2027, 2 months later than 1 January 2027.",
    "Ashcombe First School (URN 300004) moves from First wave to Autumn wave: it now converts on "
      "1 September 2027, 5 months later than 1 April 2027.",
    "Dene Nursery School (URN 100003) leaves the plan; it was in no cohort yet.",
    NULL
  };

  g_assert_cmpuint (none->len, ==, 0);

  /* Things a baseline does not keep are not differences. */
  cohorts_plan_edit (plan, second, "status", COHORTS_COHORT_STATUS_AGREED, NULL);
  cohorts_plan_edit (plan, ashcombe, "pupils", 321, NULL);

  cohorts_plan_edit (plan, first, "date", d (2028, 1, 1), NULL);
  cohorts_plan_edit (plan, second, "name", "Autumn wave", NULL);
  cohorts_plan_move_school (plan, ashcombe, second, G_MAXUINT);
  set_own_date (plan, cohorts_plan_find_school (plan, 200002), d (2027, 3, 1));
  cohorts_plan_remove_school (plan, cohorts_plan_find_school (plan, 100003));

  changes = cohorts_diff_baseline (baseline, plan);
  assert_changes (changes, expected);
  g_assert_cmpint (((CohortsChange *) g_ptr_array_index (changes, 0))->months, ==, 9);
  g_assert_cmpint (((CohortsChange *) g_ptr_array_index (changes, 3))->kind, ==, COHORTS_CHANGE_SCHOOL_MOVED);
  g_assert_cmpint (((CohortsChange *) g_ptr_array_index (changes, 3))->months, ==, 5);
  g_assert_cmpint (((CohortsChange *) g_ptr_array_index (changes, 2))->kind, ==, COHORTS_CHANGE_SCHOOL_LATER);
  g_assert_cmpint (((CohortsChange *) g_ptr_array_index (changes, 4))->kind, ==, COHORTS_CHANGE_SCHOOL_LEFT);
}

/* A school that joined since, and a cohort added. */
static void
test_compare_joined (void)
{
  g_autoptr(CohortsPlan) plan = make_plan ();
  CohortsBaseline *baseline = cohorts_plan_add_baseline (plan, "Agreed", NULL);
  CohortsCohort *third = cohorts_plan_add_cohort (plan, "Third wave", d (2028, 4, 1));
  g_autoptr(GPtrArray) changes = NULL;
  const char *const expected[] = {
    "Third wave is added, converting on 1 April 2028, with 1 school.",
    "Eden Church of England Primary School (URN 500005) joins the plan, in Third wave, converting on "
      "1 April 2028.",
    NULL
  };

  add_school (plan, third, 500005, "Eden Church of England Primary School");
  changes = cohorts_diff_baseline (baseline, plan);
  assert_changes (changes, expected);
}

/* 25,000 schools: a baseline finds each by binary search. */
static void
test_large (void)
{
  g_autoptr(CohortsBaseline) baseline = cohorts_baseline_new ("b1", "Large", 0);

  cohorts_baseline_add_cohort (baseline, "c1", "Only", d (2027, 9, 1));
  /* Added out of order, then sorted. */
  for (guint i = 0; i < 25000; i++)
    cohorts_baseline_add_entry (baseline, 100000 + (i * 7919) % 25000 * 4, "School", 0,
                                d (2027, 9, 1) + i % 3);
  cohorts_baseline_sort (baseline);
  for (guint i = 0; i < 25000; i++)
    {
      guint urn = 100000 + i * 4;
      const CohortsBaselineEntry *e = cohorts_baseline_lookup (baseline, urn);

      g_assert_nonnull (e);
      g_assert_cmpuint (e->urn, ==, urn);
      g_assert_null (cohorts_baseline_lookup (baseline, urn + 1));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/baseline/snapshot", test_snapshot);
  g_test_add_func ("/baseline/default-name", test_default_name);
  g_test_add_func ("/baseline/limit", test_limit);
  g_test_add_func ("/baseline/date-change/grouped", test_date_change_grouped);
  g_test_add_func ("/baseline/date-change/outlives-school", test_history_outlives);
  g_test_add_func ("/baseline/round-trip", test_round_trip);
  g_test_add_func ("/baseline/good-file", test_good_file);
  g_test_add_func ("/baseline/compare/moved", test_compare);
  g_test_add_func ("/baseline/compare/joined", test_compare_joined);
  g_test_add_func ("/baseline/25000-schools", test_large);

  return g_test_run ();
}
