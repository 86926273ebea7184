/* test-checks.c: the planning checks and their findings
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Plans are built in code through the editing API, so each test shows the
 * whole plan it checks.
 */
#define G_LOG_DOMAIN "test-checks"

#include "config.h"

#include "cohorts-checks.h"
#include "cohorts-plan-xml.h"

static guint next_urn = 100001;

static CohortsPlan *
new_plan (CohortsDate start)
{
  CohortsPlan *plan = cohorts_plan_new ();

  cohorts_plan_edit (plan, plan, "title", "Test plan", "start-date", start, NULL);
  return plan;
}

/* Adds a cohort with @n_schools new schools. */
static CohortsCohort *
add_cohort (CohortsPlan *plan,
            const char  *name,
            CohortsDate  date,
            guint        n_schools)
{
  CohortsCohort *cohort = cohorts_plan_add_cohort (plan, name, date);

  for (guint i = 0; i < n_schools; i++)
    {
      g_autofree char *school_name = g_strdup_printf ("School %u", next_urn);
      g_autoptr(CohortsSchool) school = cohorts_school_new (next_urn++, school_name);

      g_assert_true (cohorts_plan_add_school (plan, school, NULL));
      cohorts_plan_move_school (plan, school, cohort, G_MAXUINT);
    }
  return cohort;
}

static CohortsFinding *
finding (GPtrArray *findings,
         guint      i)
{
  g_assert_cmpuint (i, <, findings->len);
  return g_ptr_array_index (findings, i);
}

static void
assert_finding (GPtrArray       *findings,
                guint            i,
                CohortsSeverity  severity,
                const char      *code,
                const char      *subject,
                const char      *message,
                const char      *suggestion)
{
  CohortsFinding *f = finding (findings, i);

  g_assert_cmpint (f->severity, ==, severity);
  g_assert_cmpstr (f->code, ==, code);
  g_assert_cmpstr (f->subject, ==, subject);
  g_assert_cmpstr (f->message, ==, message);
  g_assert_cmpstr (f->suggestion, ==, suggestion);
}

static void
test_school_ages_reversed (void)
{
  g_autoptr(CohortsPlan) plan = new_plan (cohorts_date_new (2026, 9, 1));
  CohortsCohort *cohort = add_cohort (plan, "Cohort 1", cohorts_date_new (2027, 9, 1), 2);
  g_autoptr(CohortsSchool) first = g_list_model_get_item (cohorts_cohort_get_members (cohort), 0);
  g_autoptr(CohortsSchool) second = g_list_model_get_item (cohorts_cohort_get_members (cohort), 1);
  g_autoptr(GPtrArray) clean = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autofree char *subject = NULL;

  /* Equal ages are odd but possible (a one-year provision); reversed ones are an error. */
  cohorts_plan_edit (plan, first, "low-age", 9, "high-age", 9, NULL);
  clean = cohorts_checks_run (plan);
  g_assert_cmpuint (clean->len, ==, 0);

  cohorts_plan_edit (plan, second, "name", "Castle Mead Middle School", "low-age", 13, "high-age", 9, NULL);
  findings = cohorts_checks_run (plan);
  g_assert_cmpuint (findings->len, ==, 1);
  subject = g_strdup_printf ("school:%u", cohorts_school_get_urn (second));
  assert_finding (findings, 0, COHORTS_SEVERITY_ERROR, "school-ages-reversed", subject,
                  "Castle Mead Middle School has a lowest age of 13, above its highest age of 9.",
                  "Correct the statutory ages from the school register.");
}

static void
test_growth_target_reversed (void)
{
  g_autoptr(CohortsPlan) plan = new_plan (cohorts_date_new (2026, 9, 1));
  CohortsTrust *trust = cohorts_plan_get_trust (plan);
  g_autoptr(GPtrArray) findings = NULL;

  cohorts_plan_edit (plan, trust, "academies-min", 20, "academies-max", 15, NULL);
  findings = cohorts_checks_run (plan);
  g_assert_cmpuint (findings->len, ==, 1);
  assert_finding (findings, 0, COHORTS_SEVERITY_WARNING, "growth-target-reversed", "plan",
                  "The growth target aims for at least 20 academies but at most 15.",
                  "Swap the two numbers of the growth target.");
}

static void
test_clean_plan (void)
{
  g_autoptr(CohortsPlan) plan = new_plan (cohorts_date_new (2026, 9, 1));
  g_autoptr(GPtrArray) findings = NULL;

  add_cohort (plan, "Cohort 1", cohorts_date_new (2027, 4, 1), 5);
  add_cohort (plan, "Cohort 2", cohorts_date_new (2027, 9, 1), 3);
  add_cohort (plan, "Cohort 3", cohorts_date_new (2028, 1, 1), 1);

  findings = cohorts_checks_run (plan);
  g_assert_nonnull (findings);
  g_assert_cmpuint (findings->len, ==, 0);
  g_assert_cmpuint (cohorts_checks_count (findings, COHORTS_SEVERITY_ERROR), ==, 0);
  g_assert_cmpuint (cohorts_checks_count (findings, COHORTS_SEVERITY_WARNING), ==, 0);
  g_assert_cmpuint (cohorts_checks_count (findings, COHORTS_SEVERITY_INFO), ==, 0);
}

static void
test_empty_plan (void)
{
  g_autoptr(CohortsPlan) plan = new_plan (cohorts_date_new (2026, 9, 1));
  g_autoptr(GPtrArray) findings = cohorts_checks_run (plan);

  /* No cohorts yet is not a finding: the plan is just begun. */
  g_assert_cmpuint (findings->len, ==, 0);
}

static void
test_example_plan (void)
{
  g_autofree char *path = g_build_filename (COHORTS_SOURCE_DIR, "data", "examples",
                                            "northfield.matplan", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CohortsPlan) plan = cohorts_plan_xml_load_file (file, NULL, COHORTS_PLAN_LOAD_DEFAULT,
                                                            NULL, &error);
  g_autoptr(GPtrArray) findings = NULL;

  g_assert_no_error (error);
  findings = cohorts_checks_run (plan);
  g_assert_cmpuint (findings->len, ==, 0);
}

static void
test_date_not_first (void)
{
  g_autoptr(CohortsPlan) plan = new_plan (cohorts_date_new (2026, 9, 1));
  g_autoptr(GPtrArray) findings = NULL;

  add_cohort (plan, "Cohort 1", cohorts_date_new (2027, 4, 1), 5);
  add_cohort (plan, "Cohort 2", cohorts_date_new (2027, 9, 15), 5);

  findings = cohorts_checks_run (plan);
  g_assert_cmpuint (findings->len, ==, 1);
  assert_finding (findings, 0, COHORTS_SEVERITY_ERROR, "cohort-date-not-first", "cohort:c2",
                  "Cohort 2 converts on 15 September 2027; academies open only on the 1st of a month.",
                  "Move it to 1 September 2027 or 1 October 2027.");
  g_assert_cmpuint (cohorts_checks_count (findings, COHORTS_SEVERITY_ERROR), ==, 1);
}

static void
test_date_not_first_edges (void)
{
  static const struct { int y, m, d; const char *when; const char *suggestion; } cases[] = {
    { 2027, 9, 2, "2 September 2027", "Move it to 1 September 2027 or 1 October 2027." },
    { 2027, 8, 31, "31 August 2027", "Move it to 1 August 2027 or 1 September 2027." },
    { 2027, 12, 31, "31 December 2027", "Move it to 1 December 2027 or 1 January 2028." },
    { 2028, 2, 29, "29 February 2028", "Move it to 1 February 2028 or 1 March 2028." },
    { 2028, 1, 15, "15 January 2028", "Move it to 1 January 2028 or 1 February 2028." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CohortsPlan) plan = new_plan (cohorts_date_new (2026, 9, 1));
      g_autoptr(GPtrArray) findings = NULL;
      g_autofree char *message = NULL;

      add_cohort (plan, "First wave", cohorts_date_new (cases[i].y, cases[i].m, cases[i].d), 2);
      findings = cohorts_checks_run (plan);

      message = g_strdup_printf ("First wave converts on %s; academies open only on the 1st of a month.",
                                 cases[i].when);
      g_assert_cmpuint (findings->len, ==, 1);
      assert_finding (findings, 0, COHORTS_SEVERITY_ERROR, "cohort-date-not-first", "cohort:c1",
                      message, cases[i].suggestion);
    }
}

static void
test_every_first_is_fine (void)
{
  g_autoptr(CohortsPlan) plan = new_plan (cohorts_date_new (2026, 1, 1));
  g_autoptr(GPtrArray) findings = NULL;

  for (int month = 1; month <= 12; month++)
    add_cohort (plan, "Monthly", cohorts_date_new (2027, month, 1), 1);

  findings = cohorts_checks_run (plan);
  g_assert_cmpuint (findings->len, ==, 0);
}

static void
test_no_date (void)
{
  g_autoptr(CohortsPlan) plan = new_plan (cohorts_date_new (2026, 9, 1));
  g_autoptr(GPtrArray) findings = NULL;

  add_cohort (plan, "Cohort 1", COHORTS_DATE_NONE, 3);

  findings = cohorts_checks_run (plan);
  g_assert_cmpuint (findings->len, ==, 1);
  assert_finding (findings, 0, COHORTS_SEVERITY_WARNING, "cohort-no-date", "cohort:c1",
                  "Cohort 1 has no conversion date.",
                  "Set its target conversion date: the 1st of a month.");
  g_assert_cmpuint (cohorts_checks_count (findings, COHORTS_SEVERITY_WARNING), ==, 1);
  g_assert_cmpuint (cohorts_checks_count (findings, COHORTS_SEVERITY_ERROR), ==, 0);
}

static void
test_empty_cohort (void)
{
  g_autoptr(CohortsPlan) plan = new_plan (cohorts_date_new (2026, 9, 1));
  g_autoptr(GPtrArray) findings = NULL;

  add_cohort (plan, "Cohort 1", cohorts_date_new (2027, 9, 1), 2);
  add_cohort (plan, "Later", cohorts_date_new (2028, 9, 1), 0);

  findings = cohorts_checks_run (plan);
  g_assert_cmpuint (findings->len, ==, 1);
  assert_finding (findings, 0, COHORTS_SEVERITY_WARNING, "cohort-empty", "cohort:c2",
                  "Later has no schools.", "Move schools into it, or delete it.");
}

static void
test_empty_cohort_no_date (void)
{
  g_autoptr(CohortsPlan) plan = new_plan (cohorts_date_new (2026, 9, 1));
  g_autoptr(GPtrArray) findings = NULL;

  add_cohort (plan, "Spare", COHORTS_DATE_NONE, 0);

  findings = cohorts_checks_run (plan);
  g_assert_cmpuint (findings->len, ==, 2);
  assert_finding (findings, 0, COHORTS_SEVERITY_WARNING, "cohort-empty", "cohort:c1",
                  "Spare has no schools.", "Move schools into it, or delete it.");
  assert_finding (findings, 1, COHORTS_SEVERITY_WARNING, "cohort-no-date", "cohort:c1",
                  "Spare has no conversion date.", "Set its target conversion date: the 1st of a month.");
  g_assert_cmpuint (cohorts_checks_count (findings, COHORTS_SEVERITY_WARNING), ==, 2);
}

static void
test_before_start (void)
{
  g_autoptr(CohortsPlan) plan = new_plan (cohorts_date_new (2027, 9, 1));
  g_autoptr(GPtrArray) findings = NULL;

  /* Exactly on the start date is fine. */
  add_cohort (plan, "On the day", cohorts_date_new (2027, 9, 1), 1);
  add_cohort (plan, "Too early", cohorts_date_new (2027, 4, 1), 1);

  findings = cohorts_checks_run (plan);
  g_assert_cmpuint (findings->len, ==, 1);
  assert_finding (findings, 0, COHORTS_SEVERITY_ERROR, "cohort-before-start", "cohort:c2",
                  "Too early converts on 1 April 2027, before the plan starts on 1 September 2027.",
                  "Move the cohort later, or start the plan earlier.");
}

static void
test_before_start_by_one_day (void)
{
  g_autoptr(CohortsPlan) plan = new_plan (cohorts_date_new (2027, 9, 2));
  g_autoptr(GPtrArray) findings = NULL;

  add_cohort (plan, "Cohort 1", cohorts_date_new (2027, 9, 1), 1);
  add_cohort (plan, "Cohort 2", cohorts_date_new (2027, 10, 1), 1);

  findings = cohorts_checks_run (plan);
  g_assert_cmpuint (findings->len, ==, 1);
  assert_finding (findings, 0, COHORTS_SEVERITY_ERROR, "cohort-before-start", "cohort:c1",
                  "Cohort 1 converts on 1 September 2027, before the plan starts on 2 September 2027.",
                  "Move the cohort later, or start the plan earlier.");

  /* Moving the start one day earlier clears it. */
  cohorts_plan_edit (plan, plan, "start-date", cohorts_date_new (2027, 9, 1), NULL);
  g_clear_pointer (&findings, g_ptr_array_unref);
  findings = cohorts_checks_run (plan);
  g_assert_cmpuint (findings->len, ==, 0);
}

static void
test_before_start_and_not_first (void)
{
  g_autoptr(CohortsPlan) plan = new_plan (cohorts_date_new (2027, 9, 1));
  g_autoptr(GPtrArray) findings = NULL;

  add_cohort (plan, "Cohort 1", cohorts_date_new (2027, 8, 31), 1);

  findings = cohorts_checks_run (plan);
  g_assert_cmpuint (findings->len, ==, 2);
  assert_finding (findings, 0, COHORTS_SEVERITY_ERROR, "cohort-date-not-first", "cohort:c1",
                  "Cohort 1 converts on 31 August 2027; academies open only on the 1st of a month.",
                  "Move it to 1 August 2027 or 1 September 2027.");
  assert_finding (findings, 1, COHORTS_SEVERITY_ERROR, "cohort-before-start", "cohort:c1",
                  "Cohort 1 converts on 31 August 2027, before the plan starts on 1 September 2027.",
                  "Move the cohort later, or start the plan earlier.");
  g_assert_cmpuint (cohorts_checks_count (findings, COHORTS_SEVERITY_ERROR), ==, 2);
}

static void
test_no_start (void)
{
  g_autoptr(CohortsPlan) plan = new_plan (COHORTS_DATE_NONE);
  g_autoptr(GPtrArray) findings = NULL;

  /* Without a start, nothing is before it. */
  add_cohort (plan, "Cohort 1", cohorts_date_new (1990, 9, 1), 1);

  findings = cohorts_checks_run (plan);
  g_assert_cmpuint (findings->len, ==, 1);
  assert_finding (findings, 0, COHORTS_SEVERITY_INFO, "plan-no-start", "plan",
                  "The plan has no start date, so conversions cannot be checked against it.",
                  "Set the date the plan starts from.");
  g_assert_cmpuint (cohorts_checks_count (findings, COHORTS_SEVERITY_INFO), ==, 1);
  g_assert_cmpuint (cohorts_checks_count (findings, COHORTS_SEVERITY_WARNING), ==, 0);
  g_assert_cmpuint (cohorts_checks_count (findings, COHORTS_SEVERITY_ERROR), ==, 0);
}

static void
test_no_start_new_plan (void)
{
  g_autoptr(CohortsPlan) plan = cohorts_plan_new ();
  g_autoptr(GPtrArray) findings = cohorts_checks_run (plan);

  g_assert_cmpuint (findings->len, ==, 1);
  g_assert_cmpstr (finding (findings, 0)->code, ==, "plan-no-start");
}

static void
test_order (void)
{
  g_autoptr(CohortsPlan) plan = new_plan (COHORTS_DATE_NONE);
  g_autoptr(GPtrArray) findings = NULL;
  CohortsCohort *c3;
  static const char *const expected[][3] = {
    { "info", "plan-no-start", "plan" },
    { "error", "cohort-date-not-first", "cohort:c1" },
    { "warning", "cohort-empty", "cohort:c2" },
    { "warning", "cohort-no-date", "cohort:c2" },
    { "warning", "cohort-no-date", "cohort:c3" },
    { "warning", "cohort-empty", "cohort:c4" },
    { "error", "cohort-date-not-first", "cohort:c4" },
  };

  add_cohort (plan, "Cohort 1", cohorts_date_new (2027, 9, 15), 2);
  add_cohort (plan, "Cohort 2", COHORTS_DATE_NONE, 0);
  c3 = add_cohort (plan, "Cohort 3", COHORTS_DATE_NONE, 1);
  add_cohort (plan, "Cohort 4", cohorts_date_new (2028, 4, 2), 0);
  add_cohort (plan, "Cohort 5", cohorts_date_new (2028, 9, 1), 4);

  /* The plan first, then the cohorts in order, each cohort's in a fixed order. */
  findings = cohorts_checks_run (plan);
  g_assert_cmpuint (findings->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < findings->len; i++)
    {
      CohortsFinding *f = finding (findings, i);

      g_assert_cmpstr (cohorts_enum_to_token (COHORTS_TYPE_SEVERITY, f->severity), ==, expected[i][0]);
      g_assert_cmpstr (f->code, ==, expected[i][1]);
      g_assert_cmpstr (f->subject, ==, expected[i][2]);
      g_assert_cmpuint (strlen (f->message), >, 0);
      g_assert_nonnull (f->suggestion);
    }
  g_assert_cmpuint (cohorts_checks_count (findings, COHORTS_SEVERITY_INFO), ==, 1);
  g_assert_cmpuint (cohorts_checks_count (findings, COHORTS_SEVERITY_WARNING), ==, 4);
  g_assert_cmpuint (cohorts_checks_count (findings, COHORTS_SEVERITY_ERROR), ==, 2);

  /* Reordering the cohorts reorders their findings. */
  cohorts_plan_move_cohort (plan, c3, 0);
  g_clear_pointer (&findings, g_ptr_array_unref);
  findings = cohorts_checks_run (plan);
  g_assert_cmpuint (findings->len, ==, G_N_ELEMENTS (expected));
  g_assert_cmpstr (finding (findings, 0)->code, ==, "plan-no-start");
  g_assert_cmpstr (finding (findings, 1)->subject, ==, "cohort:c3");
  g_assert_cmpstr (finding (findings, 2)->subject, ==, "cohort:c1");
}

static void
test_follows_edits (void)
{
  g_autoptr(CohortsPlan) plan = new_plan (cohorts_date_new (2026, 9, 1));
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) undone = NULL;
  CohortsCohort *c1 = add_cohort (plan, "Cohort 1", cohorts_date_new (2027, 9, 1), 1);

  before = cohorts_checks_run (plan);
  g_assert_cmpuint (before->len, ==, 0);

  cohorts_plan_edit (plan, c1, "date", cohorts_date_new (2027, 9, 15), "name", "Renamed", NULL);
  after = cohorts_checks_run (plan);
  g_assert_cmpuint (after->len, ==, 1);
  g_assert_cmpstr (finding (after, 0)->message, ==,
                   "Renamed converts on 15 September 2027; academies open only on the 1st of a month.");

  g_assert_true (cohorts_history_undo (cohorts_plan_get_history (plan)));
  undone = cohorts_checks_run (plan);
  g_assert_cmpuint (undone->len, ==, 0);
}

static void
test_unnamed_cohort (void)
{
  g_autoptr(CohortsPlan) plan = new_plan (cohorts_date_new (2026, 9, 1));
  g_autoptr(GPtrArray) findings = NULL;

  /* A cohort may have no name; messages still say which one. */
  add_cohort (plan, NULL, COHORTS_DATE_NONE, 0);
  add_cohort (plan, "  ", cohorts_date_new (2027, 9, 15), 1);

  findings = cohorts_checks_run (plan);
  g_assert_cmpuint (findings->len, ==, 3);
  g_assert_cmpstr (finding (findings, 0)->message, ==, "Cohort c1 has no schools.");
  g_assert_cmpstr (finding (findings, 1)->message, ==, "Cohort c1 has no conversion date.");
  g_assert_cmpstr (finding (findings, 2)->message, ==,
                   "Cohort c2 converts on 15 September 2027; academies open only on the 1st of a month.");
}

static void
test_finding_boxed (void)
{
  g_autoptr(CohortsPlan) plan = new_plan (cohorts_date_new (2026, 9, 1));
  g_autoptr(GPtrArray) findings = NULL;
  CohortsFinding *original;
  g_autoptr(CohortsFinding) copy = NULL;
  CohortsFinding without = { COHORTS_SEVERITY_INFO, (char *) "code", (char *) "plan", (char *) "m", NULL };
  g_autoptr(CohortsFinding) copy_without = NULL;

  add_cohort (plan, "Cohort 1", cohorts_date_new (2027, 9, 15), 1);
  findings = cohorts_checks_run (plan);
  original = finding (findings, 0);

  copy = g_boxed_copy (COHORTS_TYPE_FINDING, original);
  g_assert_true (copy != original);
  g_assert_cmpint (copy->severity, ==, original->severity);
  g_assert_cmpstr (copy->code, ==, original->code);
  g_assert_true (copy->code != original->code);
  g_assert_cmpstr (copy->subject, ==, original->subject);
  g_assert_cmpstr (copy->message, ==, original->message);
  g_assert_cmpstr (copy->suggestion, ==, original->suggestion);

  copy_without = cohorts_finding_copy (&without);
  g_assert_null (copy_without->suggestion);
  g_assert_cmpstr (copy_without->message, ==, "m");

  cohorts_finding_free (NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/checks/clean-plan", test_clean_plan);
  g_test_add_func ("/checks/empty-plan", test_empty_plan);
  g_test_add_func ("/checks/example-plan", test_example_plan);
  g_test_add_func ("/checks/cohort-date-not-first/mid-month", test_date_not_first);
  g_test_add_func ("/checks/cohort-date-not-first/edges", test_date_not_first_edges);
  g_test_add_func ("/checks/cohort-date-not-first/every-first-is-fine", test_every_first_is_fine);
  g_test_add_func ("/checks/cohort-no-date", test_no_date);
  g_test_add_func ("/checks/cohort-empty/dated", test_empty_cohort);
  g_test_add_func ("/checks/cohort-empty/no-date", test_empty_cohort_no_date);
  g_test_add_func ("/checks/cohort-before-start/months", test_before_start);
  g_test_add_func ("/checks/cohort-before-start/one-day", test_before_start_by_one_day);
  g_test_add_func ("/checks/cohort-before-start/and-not-first", test_before_start_and_not_first);
  g_test_add_func ("/checks/plan-no-start/with-cohorts", test_no_start);
  g_test_add_func ("/checks/plan-no-start/new-plan", test_no_start_new_plan);
  g_test_add_func ("/checks/order", test_order);
  g_test_add_func ("/checks/follows-edits", test_follows_edits);
  g_test_add_func ("/checks/unnamed-cohort", test_unnamed_cohort);
  g_test_add_func ("/checks/finding-boxed", test_finding_boxed);
  g_test_add_func ("/checks/school-ages-reversed", test_school_ages_reversed);
  g_test_add_func ("/checks/growth-target-reversed", test_growth_target_reversed);

  return g_test_run ();
}
