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

/* The rules that do not depend on the day are checked on no day at all, so
 * that the tests give the same answer whenever they run. */
static GPtrArray *
check (CohortsPlan *plan)
{
  return cohorts_checks_run_at (plan, COHORTS_DATE_NONE);
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
  clean = check (plan);
  g_assert_cmpuint (clean->len, ==, 0);

  cohorts_plan_edit (plan, second, "name", "Castle Mead Middle School", "low-age", 13, "high-age", 9, NULL);
  findings = check (plan);
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
  findings = check (plan);
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

  findings = check (plan);
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
  g_autoptr(GPtrArray) findings = check (plan);

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
  /* On the day the plan starts, nothing is due yet; its first cohort has no
   * church school, below the diocese's 25%, and its growth is short of its
   * pupils. */
  findings = cohorts_checks_run_at (plan, cohorts_date_new (2026, 9, 1));
  g_assert_cmpuint (findings->len, ==, 2);
  g_assert_cmpstr (((CohortsFinding *) findings->pdata[0])->code, ==, "capacity-church-share");
  g_assert_cmpstr (((CohortsFinding *) findings->pdata[1])->message, ==,
                   "By 1 September 2031 the trust’s academies have 5,378 pupils, fewer than the 7,500 "
                   "of its growth target.");
}

static void
test_date_not_first (void)
{
  g_autoptr(CohortsPlan) plan = new_plan (cohorts_date_new (2026, 9, 1));
  g_autoptr(GPtrArray) findings = NULL;

  add_cohort (plan, "Cohort 1", cohorts_date_new (2027, 4, 1), 5);
  add_cohort (plan, "Cohort 2", cohorts_date_new (2027, 9, 15), 5);

  findings = check (plan);
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
      findings = check (plan);

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

  findings = check (plan);
  g_assert_cmpuint (findings->len, ==, 0);
}

static void
test_no_date (void)
{
  g_autoptr(CohortsPlan) plan = new_plan (cohorts_date_new (2026, 9, 1));
  g_autoptr(GPtrArray) findings = NULL;

  add_cohort (plan, "Cohort 1", COHORTS_DATE_NONE, 3);

  findings = check (plan);
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

  findings = check (plan);
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

  findings = check (plan);
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

  findings = check (plan);
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

  findings = check (plan);
  g_assert_cmpuint (findings->len, ==, 1);
  assert_finding (findings, 0, COHORTS_SEVERITY_ERROR, "cohort-before-start", "cohort:c1",
                  "Cohort 1 converts on 1 September 2027, before the plan starts on 2 September 2027.",
                  "Move the cohort later, or start the plan earlier.");

  /* Moving the start one day earlier clears it. */
  cohorts_plan_edit (plan, plan, "start-date", cohorts_date_new (2027, 9, 1), NULL);
  g_clear_pointer (&findings, g_ptr_array_unref);
  findings = check (plan);
  g_assert_cmpuint (findings->len, ==, 0);
}

static void
test_before_start_and_not_first (void)
{
  g_autoptr(CohortsPlan) plan = new_plan (cohorts_date_new (2027, 9, 1));
  g_autoptr(GPtrArray) findings = NULL;

  add_cohort (plan, "Cohort 1", cohorts_date_new (2027, 8, 31), 1);

  findings = check (plan);
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

  findings = check (plan);
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
  g_autoptr(GPtrArray) findings = check (plan);

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
  findings = check (plan);
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
  findings = check (plan);
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

  before = check (plan);
  g_assert_cmpuint (before->len, ==, 0);

  cohorts_plan_edit (plan, c1, "date", cohorts_date_new (2027, 9, 15), "name", "Renamed", NULL);
  after = check (plan);
  g_assert_cmpuint (after->len, ==, 1);
  g_assert_cmpstr (finding (after, 0)->message, ==,
                   "Renamed converts on 15 September 2027; academies open only on the 1st of a month.");

  g_assert_true (cohorts_history_undo (cohorts_plan_get_history (plan)));
  undone = check (plan);
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

  findings = check (plan);
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
  findings = check (plan);
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

/* Schedule checks: each school's steps, back-planned from 1 September 2027
 * with the default timings (test-schedule.c lists them all). */

#define D(y, m, d) cohorts_date_new ((y), (m), (d))

static CohortsPlan *
schedule_plan (CohortsCohort **cohort)
{
  CohortsPlan *plan = new_plan (D (2026, 9, 1));

  *cohort = cohorts_plan_add_cohort (plan, "Cohort 1", D (2027, 9, 1));
  return plan;
}

/* Adds a school to @plan, into @cohort unless NULL. It meets every
 * readiness criterion, so that the tests of other rules see only those
 * (test_readiness_not_ready() changes its answers). */
static CohortsSchool *
add_school (CohortsPlan               *plan,
            const char                *name,
            CohortsEstablishmentType   type,
            CohortsReligiousCharacter  character,
            CohortsCohort             *cohort)
{
  g_autoptr(CohortsSchool) school = cohorts_school_new (next_urn++, name);
  CohortsAnswer met = { COHORTS_ANSWER_MET, NULL, COHORTS_DATE_NONE };

  g_object_set (school, "establishment-type", type, "religious-character", character, NULL);
  g_assert_true (cohorts_plan_add_school (plan, school, NULL));
  for (CohortsCriterion i = 0; i < COHORTS_N_CRITERIA; i++)
    g_assert_true (cohorts_plan_set_answer (plan, school, i, &met, NULL));
  if (cohort != NULL)
    cohorts_plan_move_school (plan, school, cohort, G_MAXUINT);
  return school;
}

static CohortsSchool *
add_community_school (CohortsPlan   *plan,
                      const char    *name,
                      CohortsCohort *cohort)
{
  return add_school (plan, name, COHORTS_ESTABLISHMENT_COMMUNITY, COHORTS_RELIGIOUS_CHARACTER_NONE, cohort);
}

/* Gives @school a date of its own for @step. */
static void
set_own (CohortsPlan           *plan,
         CohortsSchool         *school,
         CohortsStep            step,
         CohortsDate            start,
         CohortsDate            date,
         CohortsMilestoneState  state)
{
  CohortsMilestone milestone = { start, date, state };
  g_autoptr(GError) error = NULL;

  g_assert_true (cohorts_plan_set_milestone (plan, school, step, &milestone, &error));
  g_assert_no_error (error);
}

static void
set_planned (CohortsPlan   *plan,
             CohortsSchool *school,
             CohortsStep    step,
             CohortsDate    date)
{
  set_own (plan, school, step, COHORTS_DATE_NONE, date, COHORTS_MILESTONE_PLANNED);
}

static char *
subject_of (CohortsSchool *school)
{
  return g_strdup_printf ("school:%u", cohorts_school_get_urn (school));
}

/* Asserts that @plan, checked on @today, has exactly the one finding. */
static void
assert_only_finding (CohortsPlan     *plan,
                     CohortsDate      today,
                     CohortsSeverity  severity,
                     const char      *code,
                     CohortsSchool   *school,
                     const char      *message,
                     const char      *suggestion)
{
  g_autoptr(GPtrArray) findings = cohorts_checks_run_at (plan, today);
  g_autofree char *subject = subject_of (school);

  g_assert_cmpuint (findings->len, ==, 1);
  assert_finding (findings, 0, severity, code, subject, message, suggestion);
}

static void
assert_no_findings (CohortsPlan *plan,
                    CohortsDate  today)
{
  g_autoptr(GPtrArray) findings = cohorts_checks_run_at (plan, today);

  for (guint i = 0; i < findings->len; i++)
    g_test_message ("unexpected: %s %s", finding (findings, i)->code, finding (findings, i)->message);
  g_assert_cmpuint (findings->len, ==, 0);
}

static void
test_schedule_clean (void)
{
  CohortsCohort *cohort;
  g_autoptr(CohortsPlan) plan = schedule_plan (&cohort);

  add_community_school (plan, "Brook Lane First School", cohort);
  add_school (plan, "St Aidan's Church of England Middle School", COHORTS_ESTABLISHMENT_VOLUNTARY_AIDED,
              COHORTS_RELIGIOUS_CHARACTER_CHURCH_OF_ENGLAND, cohort);
  add_school (plan, "Hatherby Middle School", COHORTS_ESTABLISHMENT_FOUNDATION,
              COHORTS_RELIGIOUS_CHARACTER_NONE, cohort);
  add_community_school (plan, "Unassigned School", NULL);

  /* The default schedule breaks none of its own rules; the church school's
   * first step, 36 weeks before, is on 23 December 2026. */
  assert_no_findings (plan, COHORTS_DATE_NONE);
  assert_no_findings (plan, D (2026, 12, 23));
}

static void
test_conversion_date_not_first (void)
{
  CohortsCohort *cohort;
  g_autoptr(CohortsPlan) plan = schedule_plan (&cohort);
  CohortsSchool *member = add_community_school (plan, "Brook Lane First School", cohort);
  CohortsSchool *alone = add_community_school (plan, "Moorside First School", NULL);

  /* Its own date, in a cohort or not, planned or done. */
  set_planned (plan, member, COHORTS_STEP_CONVERSION, D (2027, 9, 15));
  assert_only_finding (plan, COHORTS_DATE_NONE, COHORTS_SEVERITY_ERROR, "conversion-date-not-first", member,
                       "Brook Lane First School converts on 15 September 2027; academies open only on the "
                       "1st of a month.",
                       "Move it to 1 September 2027 or 1 October 2027.");

  set_planned (plan, member, COHORTS_STEP_CONVERSION, D (2027, 10, 1));
  assert_no_findings (plan, COHORTS_DATE_NONE);

  set_own (plan, alone, COHORTS_STEP_CONVERSION, COHORTS_DATE_NONE, D (2027, 12, 31), COHORTS_MILESTONE_DONE);
  assert_only_finding (plan, COHORTS_DATE_NONE, COHORTS_SEVERITY_ERROR, "conversion-date-not-first", alone,
                       "Moorside First School converts on 31 December 2027; academies open only on the "
                       "1st of a month.",
                       "Move it to 1 December 2027 or 1 January 2028.");
}

static void
test_conversion_date_not_first_cohort (void)
{
  CohortsCohort *cohort;
  g_autoptr(CohortsPlan) plan = schedule_plan (&cohort);
  g_autoptr(GPtrArray) findings = NULL;

  add_community_school (plan, "Brook Lane First School", cohort);
  add_community_school (plan, "Moorside First School", cohort);

  /* The cohort's date is the cohort's finding, not one for each school. */
  cohorts_plan_edit (plan, cohort, "date", D (2027, 9, 2), NULL);
  findings = check (plan);
  g_assert_cmpuint (findings->len, ==, 1);
  g_assert_cmpstr (finding (findings, 0)->code, ==, "cohort-date-not-first");
  g_assert_cmpstr (finding (findings, 0)->subject, ==, "cohort:c1");
}

static void
test_consultation_after_funding_agreement (void)
{
  CohortsCohort *cohort;
  g_autoptr(CohortsPlan) plan = schedule_plan (&cohort);
  CohortsSchool *school = add_community_school (plan, "Greenacres First School", cohort);

  /* The funding agreement is due on 18 August 2027: a consultation (of the
   * full six weeks) may end that day, not the day after. */
  set_own (plan, school, COHORTS_STEP_CONSULTATION, D (2027, 7, 7), D (2027, 8, 18),
           COHORTS_MILESTONE_PLANNED);
  assert_no_findings (plan, COHORTS_DATE_NONE);

  set_own (plan, school, COHORTS_STEP_CONSULTATION, D (2027, 7, 8), D (2027, 8, 19),
           COHORTS_MILESTONE_PLANNED);
  assert_only_finding (plan, COHORTS_DATE_NONE, COHORTS_SEVERITY_ERROR,
                       "consultation-after-funding-agreement", school,
                       "Greenacres First School ends its statutory consultation on 19 August 2027, after its "
                       "funding agreement is signed on 18 August 2027.",
                       "The statutory consultation must finish before the funding agreement is signed: end it "
                       "sooner or sign later.");

  /* The funding agreement's own date counts as well (and the land, cleared
   * earlier than the schedule says, is not after it). */
  set_own (plan, school, COHORTS_STEP_CONSULTATION, COHORTS_DATE_NONE, COHORTS_DATE_NONE,
           COHORTS_MILESTONE_SCHEDULED);
  set_own (plan, school, COHORTS_STEP_LAND_QUESTIONNAIRE, COHORTS_DATE_NONE, D (2027, 6, 1),
           COHORTS_MILESTONE_DONE);
  set_own (plan, school, COHORTS_STEP_FUNDING_AGREEMENT, COHORTS_DATE_NONE, D (2027, 6, 9),
           COHORTS_MILESTONE_DONE);
  assert_no_findings (plan, COHORTS_DATE_NONE);
  set_own (plan, school, COHORTS_STEP_FUNDING_AGREEMENT, COHORTS_DATE_NONE, D (2027, 6, 8),
           COHORTS_MILESTONE_DONE);
  assert_only_finding (plan, COHORTS_DATE_NONE, COHORTS_SEVERITY_ERROR,
                       "consultation-after-funding-agreement", school,
                       "Greenacres First School ends its statutory consultation on 9 June 2027, after its "
                       "funding agreement is signed on 8 June 2027.",
                       "The statutory consultation must finish before the funding agreement is signed: end it "
                       "sooner or sign later.");
}

static void
test_land_after_funding_agreement (void)
{
  CohortsCohort *cohort;
  g_autoptr(CohortsPlan) plan = schedule_plan (&cohort);
  CohortsSchool *school = add_community_school (plan, "Carrow Cross First School", cohort);
  g_autoptr(GPtrArray) findings = NULL;
  g_autofree char *subject = subject_of (school);

  set_planned (plan, school, COHORTS_STEP_LAND_QUESTIONNAIRE, D (2027, 8, 18));
  assert_no_findings (plan, COHORTS_DATE_NONE);

  set_planned (plan, school, COHORTS_STEP_LAND_QUESTIONNAIRE, D (2027, 8, 19));
  assert_only_finding (plan, COHORTS_DATE_NONE, COHORTS_SEVERITY_ERROR, "land-after-funding-agreement",
                       school,
                       "Carrow Cross First School clears its land questionnaire on 19 August 2027, after its "
                       "funding agreement is signed on 18 August 2027.",
                       "The land questionnaire must be cleared before the funding agreement is signed: clear "
                       "it sooner or sign later.");

  /* A funding agreement signed early leaves both behind it. */
  set_own (plan, school, COHORTS_STEP_LAND_QUESTIONNAIRE, COHORTS_DATE_NONE, COHORTS_DATE_NONE,
           COHORTS_MILESTONE_SCHEDULED);
  set_planned (plan, school, COHORTS_STEP_FUNDING_AGREEMENT, D (2027, 6, 1));
  findings = check (plan);
  g_assert_cmpuint (findings->len, ==, 2);
  assert_finding (findings, 0, COHORTS_SEVERITY_ERROR, "consultation-after-funding-agreement", subject,
                  "Carrow Cross First School ends its statutory consultation on 9 June 2027, after its "
                  "funding agreement is signed on 1 June 2027.",
                  "The statutory consultation must finish before the funding agreement is signed: end it "
                  "sooner or sign later.");
  assert_finding (findings, 1, COHORTS_SEVERITY_ERROR, "land-after-funding-agreement", subject,
                  "Carrow Cross First School clears its land questionnaire on 7 July 2027, after its "
                  "funding agreement is signed on 1 June 2027.",
                  "The land questionnaire must be cleared before the funding agreement is signed: clear "
                  "it sooner or sign later.");
}

static void
test_step_after_conversion (void)
{
  CohortsCohort *cohort;
  g_autoptr(CohortsPlan) plan = schedule_plan (&cohort);
  CohortsSchool *school = add_community_school (plan, "Kingsley Park Primary School", cohort);
  g_autoptr(GPtrArray) findings = NULL;
  g_autofree char *subject = subject_of (school);

  /* On the day is not after it. */
  set_planned (plan, school, COHORTS_STEP_COMMERCIAL_TRANSFER, D (2027, 9, 1));
  assert_no_findings (plan, COHORTS_DATE_NONE);

  set_own (plan, school, COHORTS_STEP_COMMERCIAL_TRANSFER, COHORTS_DATE_NONE, D (2027, 9, 2),
           COHORTS_MILESTONE_DONE);
  assert_only_finding (plan, COHORTS_DATE_NONE, COHORTS_SEVERITY_ERROR, "step-after-conversion", school,
                       "Kingsley Park Primary School has “Commercial transfer agreement” on 2 September 2027, "
                       "after it converts on 1 September 2027.",
                       "Every step must be done by the conversion: move the step earlier or the conversion "
                       "later.");

  /* One finding a step, in the order of the steps; a step after the
   * conversion is not reported again as after the funding agreement, nor
   * as missing the payroll deadline. */
  set_own (plan, school, COHORTS_STEP_CONSULTATION, D (2027, 8, 1), D (2027, 9, 12),
           COHORTS_MILESTONE_PLANNED);
  set_planned (plan, school, COHORTS_STEP_PAYROLL_NOTICE, D (2027, 10, 1));
  set_planned (plan, school, COHORTS_STEP_RESOLUTION, D (2028, 1, 10));
  findings = check (plan);
  g_assert_cmpuint (findings->len, ==, 4);
  assert_finding (findings, 0, COHORTS_SEVERITY_ERROR, "step-after-conversion", subject,
                  "Kingsley Park Primary School has “Governing body resolution” on 10 January 2028, "
                  "after it converts on 1 September 2027.",
                  "Every step must be done by the conversion: move the step earlier or the conversion later.");
  g_assert_cmpstr (finding (findings, 1)->message, ==,
                   "Kingsley Park Primary School has “Statutory consultation” on 12 September 2027, "
                   "after it converts on 1 September 2027.");
  g_assert_cmpstr (finding (findings, 2)->message, ==,
                   "Kingsley Park Primary School has “Local authority payroll notice” on 1 October 2027, "
                   "after it converts on 1 September 2027.");
  g_assert_cmpstr (finding (findings, 3)->message, ==,
                   "Kingsley Park Primary School has “Commercial transfer agreement” on 2 September 2027, "
                   "after it converts on 1 September 2027.");
  for (guint i = 1; i < findings->len; i++)
    g_assert_cmpstr (finding (findings, i)->code, ==, "step-after-conversion");
}

static void
test_funding_agreement_after_conversion (void)
{
  CohortsCohort *cohort;
  g_autoptr(CohortsPlan) plan = schedule_plan (&cohort);
  CohortsSchool *school = add_community_school (plan, "Thornbury Green First School", cohort);

  /* Everything else is before the late funding agreement: only that it is
   * after the conversion is wrong. */
  set_planned (plan, school, COHORTS_STEP_FUNDING_AGREEMENT, D (2027, 10, 1));
  assert_only_finding (plan, COHORTS_DATE_NONE, COHORTS_SEVERITY_ERROR, "step-after-conversion", school,
                       "Thornbury Green First School has “Funding agreement signed” on 1 October 2027, "
                       "after it converts on 1 September 2027.",
                       "Every step must be done by the conversion: move the step earlier or the conversion "
                       "later.");
}

static void
test_consultation_too_short (void)
{
  CohortsCohort *cohort;
  g_autoptr(CohortsPlan) plan = schedule_plan (&cohort);
  CohortsSchool *school = add_community_school (plan, "Elmsworth Middle School", cohort);
  const char *suggestion = "Start the consultation sooner or end it later: parents, staff and the community "
                           "need time to respond.";

  /* 42 days are the six weeks of the schedule. */
  set_own (plan, school, COHORTS_STEP_CONSULTATION, D (2027, 4, 30), D (2027, 6, 11),
           COHORTS_MILESTONE_PLANNED);
  assert_no_findings (plan, COHORTS_DATE_NONE);

  /* 41 are not, planned or done. */
  set_own (plan, school, COHORTS_STEP_CONSULTATION, D (2027, 5, 1), D (2027, 6, 11),
           COHORTS_MILESTONE_PLANNED);
  assert_only_finding (plan, COHORTS_DATE_NONE, COHORTS_SEVERITY_WARNING, "consultation-too-short", school,
                       "Elmsworth Middle School holds its statutory consultation from 1 May 2027 to "
                       "11 June 2027, shorter than the 6 weeks the plan’s schedule gives it.",
                       suggestion);
  set_own (plan, school, COHORTS_STEP_CONSULTATION, D (2027, 5, 1), D (2027, 6, 11), COHORTS_MILESTONE_DONE);
  assert_only_finding (plan, COHORTS_DATE_NONE, COHORTS_SEVERITY_WARNING, "consultation-too-short", school,
                       "Elmsworth Middle School holds its statutory consultation from 1 May 2027 to "
                       "11 June 2027, shorter than the 6 weeks the plan’s schedule gives it.",
                       suggestion);

  /* The trust's schedule is the rule: eight weeks make 42 days short. */
  set_own (plan, school, COHORTS_STEP_CONSULTATION, D (2027, 4, 30), D (2027, 6, 11),
           COHORTS_MILESTONE_PLANNED);
  cohorts_plan_set_step_timing (plan, COHORTS_STEP_CONSULTATION, 12, 8);
  assert_only_finding (plan, COHORTS_DATE_NONE, COHORTS_SEVERITY_WARNING, "consultation-too-short", school,
                       "Elmsworth Middle School holds its statutory consultation from 30 April 2027 to "
                       "11 June 2027, shorter than the 8 weeks the plan’s schedule gives it.",
                       suggestion);

  /* One week, and a consultation of a single day. */
  cohorts_plan_set_step_timing (plan, COHORTS_STEP_CONSULTATION, 12, 1);
  set_own (plan, school, COHORTS_STEP_CONSULTATION, D (2027, 6, 11), D (2027, 6, 11),
           COHORTS_MILESTONE_PLANNED);
  assert_only_finding (plan, COHORTS_DATE_NONE, COHORTS_SEVERITY_WARNING, "consultation-too-short", school,
                       "Elmsworth Middle School holds its statutory consultation from 11 June 2027 to "
                       "11 June 2027, shorter than the 1 week the plan’s schedule gives it.",
                       suggestion);

  /* Without a start of its own, it lasts as long as the schedule says. */
  set_own (plan, school, COHORTS_STEP_CONSULTATION, COHORTS_DATE_NONE, D (2027, 6, 11),
           COHORTS_MILESTONE_PLANNED);
  assert_no_findings (plan, COHORTS_DATE_NONE);

  /* With no length in the schedule, nothing is too short. */
  cohorts_plan_set_step_timing (plan, COHORTS_STEP_CONSULTATION, 12, 0);
  set_own (plan, school, COHORTS_STEP_CONSULTATION, D (2027, 6, 11), D (2027, 6, 11),
           COHORTS_MILESTONE_PLANNED);
  assert_no_findings (plan, COHORTS_DATE_NONE);
}

static void
test_tupe_too_short (void)
{
  CohortsCohort *cohort;
  g_autoptr(CohortsPlan) plan = schedule_plan (&cohort);
  CohortsSchool *school = add_school (plan, "St Mary's Church of England First School",
                                      COHORTS_ESTABLISHMENT_VOLUNTARY_CONTROLLED,
                                      COHORTS_RELIGIOUS_CHARACTER_CHURCH_OF_ENGLAND, cohort);

  set_own (plan, school, COHORTS_STEP_TUPE, D (2027, 6, 23), D (2027, 8, 4), COHORTS_MILESTONE_PLANNED);
  assert_no_findings (plan, COHORTS_DATE_NONE);

  set_own (plan, school, COHORTS_STEP_TUPE, D (2027, 6, 24), D (2027, 8, 4), COHORTS_MILESTONE_PLANNED);
  assert_only_finding (plan, COHORTS_DATE_NONE, COHORTS_SEVERITY_WARNING, "tupe-too-short", school,
                       "St Mary's Church of England First School holds its TUPE consultation from 24 June 2027 "
                       "to 4 August 2027, shorter than the 6 weeks the plan’s schedule gives it.",
                       "Start the TUPE consultation sooner or end it later: staff and unions need time to be "
                       "informed and consulted.");

  /* A trust that allows four weeks. */
  cohorts_plan_set_step_timing (plan, COHORTS_STEP_TUPE, 4, 4);
  assert_no_findings (plan, COHORTS_DATE_NONE);
}

static void
test_payroll_deadline_missed (void)
{
  CohortsCohort *cohort;
  g_autoptr(CohortsPlan) plan = schedule_plan (&cohort);
  CohortsSchool *school = add_community_school (plan, "Oakfield School", cohort);

  /* The deadline is 8 weeks before the conversion: 7 July 2027. */
  set_planned (plan, school, COHORTS_STEP_PAYROLL_NOTICE, D (2027, 7, 7));
  assert_no_findings (plan, COHORTS_DATE_NONE);

  set_own (plan, school, COHORTS_STEP_PAYROLL_NOTICE, COHORTS_DATE_NONE, D (2027, 7, 8),
           COHORTS_MILESTONE_DONE);
  assert_only_finding (plan, COHORTS_DATE_NONE, COHORTS_SEVERITY_ERROR, "payroll-deadline-missed", school,
                       "Oakfield School gives the local authority its payroll notice on 8 July 2027, after the "
                       "deadline of 7 July 2027.",
                       "Send the notice by 7 July 2027, or the conversion may have to move to a later month.");

  /* A local authority that wants ten weeks. */
  set_planned (plan, school, COHORTS_STEP_PAYROLL_NOTICE, D (2027, 7, 7));
  cohorts_plan_set_step_timing (plan, COHORTS_STEP_PAYROLL_NOTICE, 10, 0);
  assert_only_finding (plan, COHORTS_DATE_NONE, COHORTS_SEVERITY_ERROR, "payroll-deadline-missed", school,
                       "Oakfield School gives the local authority its payroll notice on 7 July 2027, after the "
                       "deadline of 23 June 2027.",
                       "Send the notice by 23 June 2027, or the conversion may have to move to a later month.");

  /* The schedule's own date is the deadline itself. */
  set_own (plan, school, COHORTS_STEP_PAYROLL_NOTICE, COHORTS_DATE_NONE, COHORTS_DATE_NONE,
           COHORTS_MILESTONE_SCHEDULED);
  assert_no_findings (plan, COHORTS_DATE_NONE);
}

static void
test_academy_order_late (void)
{
  CohortsCohort *cohort;
  g_autoptr(CohortsPlan) plan = schedule_plan (&cohort);
  CohortsSchool *school = add_community_school (plan, "Ashcombe First School", cohort);
  g_autoptr(GPtrArray) findings = NULL;

  /* Twelve weeks before is 9 June 2027. */
  set_own (plan, school, COHORTS_STEP_ACADEMY_ORDER, COHORTS_DATE_NONE, D (2027, 6, 9),
           COHORTS_MILESTONE_DONE);
  assert_no_findings (plan, COHORTS_DATE_NONE);

  set_planned (plan, school, COHORTS_STEP_ACADEMY_ORDER, D (2027, 6, 10));
  assert_only_finding (plan, COHORTS_DATE_NONE, COHORTS_SEVERITY_WARNING, "academy-order-late", school,
                       "Ashcombe First School gets its academy order on 10 June 2027, less than 12 weeks "
                       "before it converts on 1 September 2027.",
                       "From academy order to conversion usually takes three to six months: apply sooner or "
                       "convert later.");

  /* On the day of the conversion: still only late. After it: after it. */
  set_planned (plan, school, COHORTS_STEP_ACADEMY_ORDER, D (2027, 9, 1));
  findings = check (plan);
  g_assert_cmpuint (findings->len, ==, 1);
  g_assert_cmpstr (finding (findings, 0)->code, ==, "academy-order-late");
  g_clear_pointer (&findings, g_ptr_array_unref);
  set_planned (plan, school, COHORTS_STEP_ACADEMY_ORDER, D (2027, 9, 2));
  findings = check (plan);
  g_assert_cmpuint (findings->len, ==, 1);
  g_assert_cmpstr (finding (findings, 0)->code, ==, "step-after-conversion");

  /* A schedule that leaves 11 weeks makes every school late. */
  set_own (plan, school, COHORTS_STEP_ACADEMY_ORDER, COHORTS_DATE_NONE, COHORTS_DATE_NONE,
           COHORTS_MILESTONE_SCHEDULED);
  cohorts_plan_set_step_timing (plan, COHORTS_STEP_ACADEMY_ORDER, 11, 0);
  assert_only_finding (plan, COHORTS_DATE_NONE, COHORTS_SEVERITY_WARNING, "academy-order-late", school,
                       "Ashcombe First School gets its academy order on 16 June 2027, less than 12 weeks "
                       "before it converts on 1 September 2027.",
                       "From academy order to conversion usually takes three to six months: apply sooner or "
                       "convert later.");
  cohorts_plan_set_step_timing (plan, COHORTS_STEP_ACADEMY_ORDER, 12, 0);
  assert_no_findings (plan, COHORTS_DATE_NONE);
}

static void
test_milestone_overdue (void)
{
  CohortsCohort *cohort;
  g_autoptr(CohortsPlan) plan = schedule_plan (&cohort);
  CohortsSchool *school = add_community_school (plan, "Brook Lane First School", cohort);
  const char *suggestion = "Mark the steps that have happened as done, or give the others new dates.";

  /* The resolution is due on 3 February 2027: overdue the day after. */
  assert_no_findings (plan, D (2027, 2, 3));
  assert_only_finding (plan, D (2027, 2, 4), COHORTS_SEVERITY_WARNING, "milestone-overdue", school,
                       "Brook Lane First School is behind: “Governing body resolution” was due on "
                       "3 February 2027 and is not marked done.",
                       suggestion);

  /* The application (3 March) and the academy order (14 April) too: one finding. */
  assert_only_finding (plan, D (2027, 4, 15), COHORTS_SEVERITY_WARNING, "milestone-overdue", school,
                       "Brook Lane First School is behind: “Governing body resolution” was due on "
                       "3 February 2027 and is not marked done; 2 more steps are overdue.",
                       suggestion);

  /* Done is not overdue; a date of its own that is not done is. */
  set_own (plan, school, COHORTS_STEP_RESOLUTION, COHORTS_DATE_NONE, D (2027, 1, 20), COHORTS_MILESTONE_DONE);
  assert_only_finding (plan, D (2027, 4, 15), COHORTS_SEVERITY_WARNING, "milestone-overdue", school,
                       "Brook Lane First School is behind: “Application to the DfE” was due on 3 March 2027 "
                       "and is not marked done; 1 more step is overdue.",
                       suggestion);

  /* The earliest by date, whatever the order of the steps. */
  set_planned (plan, school, COHORTS_STEP_ACADEMY_ORDER, D (2027, 2, 25));
  assert_only_finding (plan, D (2027, 4, 15), COHORTS_SEVERITY_WARNING, "milestone-overdue", school,
                       "Brook Lane First School is behind: “Academy order” was due on 25 February 2027 and is "
                       "not marked done; 1 more step is overdue.",
                       suggestion);

  set_own (plan, school, COHORTS_STEP_APPLICATION, COHORTS_DATE_NONE, D (2027, 3, 3), COHORTS_MILESTONE_DONE);
  set_own (plan, school, COHORTS_STEP_ACADEMY_ORDER, COHORTS_DATE_NONE, D (2027, 2, 25),
           COHORTS_MILESTONE_DONE);
  assert_no_findings (plan, D (2027, 4, 15));

  /* Without a day, nothing is overdue. */
  assert_no_findings (plan, COHORTS_DATE_NONE);
}

static void
test_milestone_overdue_conversion (void)
{
  CohortsCohort *cohort;
  g_autoptr(CohortsPlan) plan = schedule_plan (&cohort);
  CohortsSchool *school = add_school (plan, "Upper Staveley Church of England Primary School",
                                      COHORTS_ESTABLISHMENT_VOLUNTARY_AIDED,
                                      COHORTS_RELIGIOUS_CHARACTER_CHURCH_OF_ENGLAND, cohort);

  /* Long after the conversion, every one of the church school's 13 steps
   * is overdue; its first is 36 weeks before, on 23 December 2026. */
  assert_only_finding (plan, D (2027, 9, 2), COHORTS_SEVERITY_WARNING, "milestone-overdue", school,
                       "Upper Staveley Church of England Primary School is behind: “Governing body resolution” "
                       "was due on 23 December 2026 and is not marked done; 12 more steps are overdue.",
                       "Mark the steps that have happened as done, or give the others new dates.");
}

static void
test_milestone_overdue_which_schools (void)
{
  g_autoptr(CohortsPlan) plan = new_plan (D (2026, 9, 1));
  CohortsCohort *undated = cohorts_plan_add_cohort (plan, "Later", COHORTS_DATE_NONE);
  CohortsSchool *member = add_community_school (plan, "Hatherby Middle School", undated);
  CohortsSchool *alone = add_community_school (plan, "Northfield Meadows Primary School", NULL);
  g_autoptr(GPtrArray) findings = NULL;

  /* An unassigned school without a conversion date of its own is not
   * checked; a member of a cohort without a date is, on its own dates. */
  set_planned (plan, member, COHORTS_STEP_RESOLUTION, D (2027, 1, 10));
  set_planned (plan, alone, COHORTS_STEP_RESOLUTION, D (2027, 1, 10));
  set_planned (plan, alone, COHORTS_STEP_LEASE, D (2027, 1, 10));
  findings = cohorts_checks_run_at (plan, D (2027, 1, 11));
  g_assert_cmpuint (findings->len, ==, 2);
  g_assert_cmpstr (finding (findings, 0)->code, ==, "milestone-overdue");
  g_assert_cmpstr (finding (findings, 0)->message, ==,
                   "Hatherby Middle School is behind: “Governing body resolution” was due on 10 January 2027 "
                   "and is not marked done.");
  g_assert_cmpstr (finding (findings, 1)->code, ==, "cohort-no-date");
  g_clear_pointer (&findings, g_ptr_array_unref);

  /* With a conversion date of its own, it is checked. */
  set_planned (plan, alone, COHORTS_STEP_CONVERSION, D (2027, 9, 1));
  findings = cohorts_checks_run_at (plan, D (2027, 1, 11));
  g_assert_cmpuint (findings->len, ==, 3);
  g_assert_cmpstr (finding (findings, 1)->code, ==, "milestone-overdue");
  g_assert_cmpstr (finding (findings, 1)->message, ==,
                   "Northfield Meadows Primary School is behind: “Governing body resolution” was due on "
                   "10 January 2027 and is not marked done; 1 more step is overdue.");
}

static void
test_step_not_applicable (void)
{
  CohortsCohort *cohort;
  g_autoptr(CohortsPlan) plan = schedule_plan (&cohort);
  CohortsSchool *aided = add_school (plan, "Farleigh Moor Church of England First School",
                                     COHORTS_ESTABLISHMENT_VOLUNTARY_AIDED,
                                     COHORTS_RELIGIOUS_CHARACTER_CHURCH_OF_ENGLAND, cohort);
  CohortsSchool *community = add_community_school (plan, "Castle Mead Middle School", cohort);
  g_autoptr(GPtrArray) findings = NULL;
  g_autofree char *aided_subject = subject_of (aided);
  g_autofree char *community_subject = subject_of (community);
  const char *suggestion = "Remove the date, or correct the school’s type or religious character.";

  /* Steps that apply. */
  set_planned (plan, aided, COHORTS_STEP_CHURCH_AGREEMENT, D (2027, 7, 28));
  set_planned (plan, community, COHORTS_STEP_LEASE, D (2027, 7, 28));
  assert_no_findings (plan, COHORTS_DATE_NONE);

  /* Steps that do not, planned or done; even when overdue, they are not. */
  set_planned (plan, aided, COHORTS_STEP_LEASE, D (2027, 7, 1));
  set_own (plan, community, COHORTS_STEP_DIOCESAN_CONSENT, COHORTS_DATE_NONE, D (2027, 1, 15),
           COHORTS_MILESTONE_DONE);
  set_planned (plan, community, COHORTS_STEP_SITE_TRUSTEES, D (2027, 6, 30));
  findings = cohorts_checks_run_at (plan, D (2026, 12, 1));
  g_assert_cmpuint (findings->len, ==, 3);
  assert_finding (findings, 0, COHORTS_SEVERITY_INFO, "step-not-applicable", aided_subject,
                  "Farleigh Moor Church of England First School has a date for “125-year lease agreed” "
                  "(1 July 2027), a step it does not go through.",
                  suggestion);
  assert_finding (findings, 1, COHORTS_SEVERITY_INFO, "step-not-applicable", community_subject,
                  "Castle Mead Middle School has a date for “Diocesan consent” (15 January 2027), a step it "
                  "does not go through.",
                  suggestion);
  assert_finding (findings, 2, COHORTS_SEVERITY_INFO, "step-not-applicable", community_subject,
                  "Castle Mead Middle School has a date for “Site trustees’ consent” (30 June 2027), a step it "
                  "does not go through.",
                  suggestion);
  g_assert_cmpuint (cohorts_checks_count (findings, COHORTS_SEVERITY_INFO), ==, 3);
}

static void
test_schedule_order (void)
{
  CohortsCohort *cohort;
  g_autoptr(CohortsPlan) plan = schedule_plan (&cohort);
  CohortsSchool *first = add_community_school (plan, "First", NULL);
  CohortsSchool *second = add_school (plan, "Second", COHORTS_ESTABLISHMENT_FOUNDATION,
                                      COHORTS_RELIGIOUS_CHARACTER_NONE, cohort);
  g_autoptr(GPtrArray) findings = NULL;
  g_autofree char *first_subject = subject_of (first);
  g_autofree char *second_subject = subject_of (second);
  const char *const expected[][2] = {
    { "school-ages-reversed", first_subject },
    { "conversion-date-not-first", first_subject },
    { "step-after-conversion", first_subject },
    { "consultation-after-funding-agreement", first_subject },
    { "land-after-funding-agreement", first_subject },
    { "payroll-deadline-missed", first_subject },
    { "academy-order-late", first_subject },
    { "consultation-too-short", first_subject },
    { "tupe-too-short", first_subject },
    { "milestone-overdue", first_subject },
    { "step-not-applicable", first_subject },
    { "milestone-overdue", second_subject },
    { "step-not-applicable", second_subject },
    { "cohort-empty", "cohort:c2" },
  };

  /* Each school's findings together, in plan order, in a fixed order;
   * then the cohorts'. */
  cohorts_plan_edit (plan, first, "low-age", 11, "high-age", 4, NULL);
  cohorts_plan_add_cohort (plan, "Empty", D (2028, 9, 1));
  set_planned (plan, second, COHORTS_STEP_LEASE, D (2027, 7, 1));

  set_planned (plan, first, COHORTS_STEP_CONVERSION, D (2027, 9, 2));
  set_planned (plan, first, COHORTS_STEP_COMMERCIAL_TRANSFER, D (2027, 9, 3));
  set_planned (plan, first, COHORTS_STEP_FUNDING_AGREEMENT, D (2027, 6, 1));
  set_planned (plan, first, COHORTS_STEP_PAYROLL_NOTICE, D (2027, 8, 1));
  set_planned (plan, first, COHORTS_STEP_ACADEMY_ORDER, D (2027, 7, 1));
  set_own (plan, first, COHORTS_STEP_CONSULTATION, D (2027, 6, 1), D (2027, 6, 20),
           COHORTS_MILESTONE_PLANNED);
  set_own (plan, first, COHORTS_STEP_TUPE, D (2027, 5, 1), D (2027, 5, 20), COHORTS_MILESTONE_PLANNED);
  set_planned (plan, first, COHORTS_STEP_DIOCESAN_CONSENT, D (2027, 1, 1));

  /* Their resolutions, from the schedule, were due on 4 and 3 February 2027. */
  findings = cohorts_checks_run_at (plan, D (2027, 3, 1));
  for (guint i = 0; i < findings->len; i++)
    g_test_message ("%s %s", finding (findings, i)->code, finding (findings, i)->subject);
  g_assert_cmpuint (findings->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < findings->len; i++)
    {
      g_assert_cmpstr (finding (findings, i)->code, ==, expected[i][0]);
      g_assert_cmpstr (finding (findings, i)->subject, ==, expected[i][1]);
    }
  g_assert_cmpuint (cohorts_checks_count (findings, COHORTS_SEVERITY_ERROR), ==, 6);
  g_assert_cmpuint (cohorts_checks_count (findings, COHORTS_SEVERITY_WARNING), ==, 6);
  g_assert_cmpuint (cohorts_checks_count (findings, COHORTS_SEVERITY_INFO), ==, 2);
}

static void
test_schedule_follows_edits (void)
{
  CohortsCohort *cohort;
  g_autoptr(CohortsPlan) plan = schedule_plan (&cohort);
  CohortsSchool *school = add_community_school (plan, "Moorside First School", cohort);
  g_autoptr(GPtrArray) findings = NULL;

  add_community_school (plan, "Greenacres First School", cohort);
  set_planned (plan, school, COHORTS_STEP_PAYROLL_NOTICE, D (2027, 7, 8));
  findings = check (plan);
  g_assert_cmpuint (findings->len, ==, 1);
  g_assert_cmpstr (finding (findings, 0)->code, ==, "payroll-deadline-missed");

  /* Undoing the date, or moving the cohort later, clears it. */
  g_assert_true (cohorts_history_undo (cohorts_plan_get_history (plan)));
  assert_no_findings (plan, COHORTS_DATE_NONE);
  g_assert_true (cohorts_history_redo (cohorts_plan_get_history (plan)));
  cohorts_plan_edit (plan, cohort, "date", D (2027, 10, 1), NULL);
  assert_no_findings (plan, COHORTS_DATE_NONE);

  /* Taking the school out of its cohort stops its checks. */
  cohorts_plan_edit (plan, cohort, "date", D (2027, 9, 1), NULL);
  cohorts_plan_move_school (plan, school, NULL, 0);
  assert_no_findings (plan, COHORTS_DATE_NONE);
}

static void
test_run_is_today (void)
{
  CohortsDate today = cohorts_date_today ();
  CohortsDate soon = cohorts_date_add_months (cohorts_date_first_of_month (today), 2);
  g_autoptr(CohortsPlan) plan = new_plan (cohorts_date_add_months (soon, -12));
  CohortsCohort *cohort = cohorts_plan_add_cohort (plan, "Soon", soon);
  g_autoptr(GPtrArray) now = NULL;
  g_autoptr(GPtrArray) at_today = NULL;

  /* A cohort two months away has steps overdue today (its resolution was
   * due 30 weeks before); cohorts_checks_run() checks on today. */
  add_community_school (plan, "Brook Lane First School", cohort);
  now = cohorts_checks_run (plan);
  at_today = cohorts_checks_run_at (plan, today);
  g_assert_cmpuint (now->len, ==, 1);
  g_assert_cmpuint (at_today->len, ==, 1);
  g_assert_cmpstr (finding (now, 0)->code, ==, "milestone-overdue");
  g_assert_cmpstr (finding (now, 0)->message, ==, finding (at_today, 0)->message);
}

static void
set_answer (CohortsPlan        *plan,
            CohortsSchool      *school,
            CohortsCriterion    criterion,
            CohortsAnswerState  state)
{
  CohortsAnswer answer = { state, NULL, COHORTS_DATE_NONE };

  g_assert_true (cohorts_plan_set_answer (plan, school, criterion, &answer, NULL));
}

static void
answer_all (CohortsPlan        *plan,
            CohortsSchool      *school,
            CohortsAnswerState  state)
{
  for (CohortsCriterion i = 0; i < COHORTS_N_CRITERIA; i++)
    set_answer (plan, school, i, state);
}

/* Schools converting within six months of today that are red or not
 * assessed; green and amber ones, and those converting later or earlier,
 * are not reported. */
static void
test_readiness_not_ready (void)
{
  g_autoptr(CohortsPlan) plan = new_plan (D (2026, 9, 1));
  CohortsCohort *soon = cohorts_plan_add_cohort (plan, "Soon", D (2027, 4, 1));
  CohortsCohort *later = cohorts_plan_add_cohort (plan, "Later", D (2027, 9, 1));
  CohortsSchool *green, *amber, *red, *critical, *church, *unassessed, *far;
  g_autoptr(GPtrArray) findings = NULL;
  GPtrArray *ready = g_ptr_array_new ();
  g_autofree char *subject = NULL;
  /* Every step done, so that only readiness is reported. */
  CohortsDate today = D (2026, 11, 23);

  green = add_community_school (plan, "Green First School", soon);
  answer_all (plan, green, COHORTS_ANSWER_MET);
  /* All partly, the resolution met: 63 / 106 = 59 %, amber. */
  amber = add_community_school (plan, "Amber First School", soon);
  answer_all (plan, amber, COHORTS_ANSWER_PARTLY);
  set_answer (plan, amber, COHORTS_CRITERION_RESOLUTION, COHORTS_ANSWER_MET);
  /* Resolution met, the rest not met: 20 / 106 = 18 %, red by its score. */
  red = add_community_school (plan, "Red First School", soon);
  answer_all (plan, red, COHORTS_ANSWER_NOT_MET);
  set_answer (plan, red, COHORTS_CRITERION_RESOLUTION, COHORTS_ANSWER_MET);
  /* All met but the resolution, critical: red at 81 %. */
  critical = add_community_school (plan, "Critical First School", soon);
  answer_all (plan, critical, COHORTS_ANSWER_MET);
  set_answer (plan, critical, COHORTS_CRITERION_RESOLUTION, COHORTS_ANSWER_NOT_MET);
  /* A church school without an answer on diocesan consent: red. */
  church = add_school (plan, "St Anne's CE First School", COHORTS_ESTABLISHMENT_VOLUNTARY_CONTROLLED,
                       COHORTS_RELIGIOUS_CHARACTER_CHURCH_OF_ENGLAND, soon);
  answer_all (plan, church, COHORTS_ANSWER_MET);
  set_answer (plan, church, COHORTS_CRITERION_DIOCESAN_CONSENT, COHORTS_ANSWER_NONE);
  unassessed = add_community_school (plan, "Unassessed First School", soon);
  answer_all (plan, unassessed, COHORTS_ANSWER_NONE);
  far = add_community_school (plan, "Far First School", later);

  for (guint i = 0; i < cohorts_plan_get_n_schools (plan); i++)
    {
      g_autoptr(CohortsSchool) school = g_list_model_get_item (cohorts_plan_get_schools (plan), i);
      for (CohortsStep step = 0; step < COHORTS_STEP_CONVERSION; step++)
        set_own (plan, school, step, COHORTS_DATE_NONE, D (2026, 9, 1), COHORTS_MILESTONE_DONE);
    }

  findings = cohorts_checks_run_at (plan, today);
  for (guint i = 0; i < findings->len; i++)
    if (g_strcmp0 (finding (findings, i)->code, "readiness-not-ready") == 0)
      g_ptr_array_add (ready, finding (findings, i));
  g_assert_cmpuint (ready->len, ==, 4);
  subject = g_strdup_printf ("school:%u", cohorts_school_get_urn (red));
  g_assert_cmpstr (((CohortsFinding *) ready->pdata[0])->subject, ==, subject);
  g_assert_cmpstr (((CohortsFinding *) ready->pdata[0])->message, ==,
                   "Red First School converts on 1 April 2027, but its readiness is red (18%).");
  g_assert_cmpint (((CohortsFinding *) ready->pdata[0])->severity, ==, COHORTS_SEVERITY_WARNING);
  g_assert_cmpstr (((CohortsFinding *) ready->pdata[0])->suggestion, ==,
                   "Meet the criteria it does not, or move it to a later cohort.");
  g_assert_cmpstr (((CohortsFinding *) ready->pdata[1])->message, ==,
                   "Critical First School converts on 1 April 2027, but its readiness is red: "
                   "“Governing body resolution” is not met (a critical criterion).");
  g_assert_cmpstr (((CohortsFinding *) ready->pdata[2])->message, ==,
                   "St Anne's CE First School converts on 1 April 2027, but its readiness is red: "
                   "“Diocesan consent” has not been assessed (a critical criterion).");
  g_assert_cmpstr (((CohortsFinding *) ready->pdata[3])->message, ==,
                   "Unassessed First School converts on 1 April 2027, but its readiness has not been "
                   "assessed.");
  g_assert_cmpstr (((CohortsFinding *) ready->pdata[3])->suggestion, ==,
                   "Assess its readiness, or move it to a later cohort.");
  g_ptr_array_set_size (ready, 0);
  g_clear_pointer (&findings, g_ptr_array_unref);

  /* Six months on the day: 1 April 2027 is no longer within them from 1
   * October 2026; on 2 October 2026 it is. */
  findings = cohorts_checks_run_at (plan, D (2026, 10, 1));
  for (guint i = 0; i < findings->len; i++)
    g_assert_cmpstr (finding (findings, i)->code, !=, "readiness-not-ready");
  g_clear_pointer (&findings, g_ptr_array_unref);
  findings = cohorts_checks_run_at (plan, D (2026, 10, 2));
  for (guint i = 0; i < findings->len; i++)
    if (g_strcmp0 (finding (findings, i)->code, "readiness-not-ready") == 0)
      g_ptr_array_add (ready, finding (findings, i));
  g_assert_cmpuint (ready->len, ==, 4);
  g_ptr_array_set_size (ready, 0);
  g_clear_pointer (&findings, g_ptr_array_unref);

  /* After the conversion, nothing; nor with no day to check on. */
  findings = cohorts_checks_run_at (plan, D (2027, 4, 2));
  for (guint i = 0; i < findings->len; i++)
    g_assert_true (g_strcmp0 (finding (findings, i)->code, "readiness-not-ready") != 0 ||
                   strstr (finding (findings, i)->message, "Far First School") != NULL);
  g_clear_pointer (&findings, g_ptr_array_unref);
  findings = cohorts_checks_run_at (plan, COHORTS_DATE_NONE);
  for (guint i = 0; i < findings->len; i++)
    g_assert_cmpstr (finding (findings, i)->code, !=, "readiness-not-ready");

  g_assert_nonnull (green);
  g_assert_nonnull (amber);
  g_assert_nonnull (far);
  g_assert_false (cohorts_school_has_answers (unassessed));
  g_ptr_array_unref (ready);
}

static void
test_example_plan_overdue (void)
{
  g_autofree char *path = g_build_filename (COHORTS_SOURCE_DIR, "data", "examples",
                                            "northfield.matplan", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CohortsPlan) plan = cohorts_plan_xml_load_file (file, NULL, COHORTS_PLAN_LOAD_DEFAULT,
                                                            NULL, NULL);
  g_autoptr(GPtrArray) findings = NULL;

  /* Cohort 1 converts on 1 April 2027: its first steps fell due in the
   * autumn of 2026. Its schools' resolutions are done, and the high
   * school's application; the other four are behind with theirs.
   * (test-cli.c has the exact lines.) */
  g_assert_nonnull (plan);
  findings = cohorts_checks_run_at (plan, D (2026, 11, 23));
  /* Then the capacity findings, the same on any day (test_example_plan()). */
  g_assert_cmpuint (findings->len, ==, 6);
  g_assert_cmpstr (finding (findings, 4)->code, ==, "capacity-church-share");
  g_assert_cmpstr (finding (findings, 5)->code, ==, "capacity-growth");
  for (guint i = 0; i < 4; i++)
    {
      g_assert_cmpstr (finding (findings, i)->code, ==, "milestone-overdue");
      g_assert_cmpint (finding (findings, i)->severity, ==, COHORTS_SEVERITY_WARNING);
    }
  g_assert_cmpstr (finding (findings, 0)->subject, ==, "school:938127");
}

static void
test_describe_subject (void)
{
  g_autoptr(CohortsPlan) plan = cohorts_plan_new ();
  g_autoptr(CohortsSchool) school = cohorts_school_new (123456, "Ashby First School");
  CohortsCohort *cohort = cohorts_plan_add_cohort (plan, "Cohort 2", cohorts_date_new (2027, 9, 1));
  static const struct { const char *subject; const char *words; } cases[] = {
    { "school:123456", "Ashby First School (URN 123456)" },
    { "plan", "The plan" },
    { "month:2027-09", "September 2027" },
    { "term:2027-autumn", "Autumn term 2027/28" },
    { "term:2028-summer", "Summer term 2028/29" },
    /* Unknown or malformed: as it is, never a crash. */
    { "school:999999", "school:999999" },
    { "month:2027-13", "month:2027-13" },
    { "term:2027-winter", "term:2027-winter" },
    { "term:99999999999999999999-autumn", "term:99999999999999999999-autumn" },
    { "elsewhere", "elsewhere" },
  };

  g_assert_true (cohorts_plan_add_school (plan, school, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      CohortsFinding finding = { .subject = (char *) cases[i].subject };
      g_autofree char *words = cohorts_finding_describe_subject (&finding, plan);

      g_assert_cmpstr (words, ==, cases[i].words);
    }
  {
    g_autofree char *subject = g_strdup_printf ("cohort:%s", cohorts_cohort_get_id (cohort));
    CohortsFinding finding = { .subject = subject };
    g_autofree char *words = cohorts_finding_describe_subject (&finding, plan);

    g_assert_cmpstr (words, ==, "Cohort 2");
  }
}

/* The months a finding's month or term covers, [from, to). Easter 2028 is
 * on 16 April, when the summer term of 2027/28 begins (as the calendar
 * counts terms). */
static void
test_finding_period (void)
{
  static const struct { const char *subject; int from[3]; int to[3]; } cases[] = {
    { "month:2027-09", { 2027, 9, 1 }, { 2027, 10, 1 } },
    { "month:2027-12", { 2027, 12, 1 }, { 2028, 1, 1 } },
    { "term:2027-autumn", { 2027, 9, 1 }, { 2028, 1, 1 } },
    { "term:2027-spring", { 2028, 1, 1 }, { 2028, 4, 16 } },
    { "term:2027-summer", { 2028, 4, 16 }, { 2028, 9, 1 } },
  };
  static const char *const not_periods[] = {
    "plan", "school:123456", "month:2027-13", "term:2027-winter", "term:2027", "month:", "term:-autumn",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      CohortsFinding finding = { .subject = (char *) cases[i].subject };
      CohortsDate from, to;

      g_assert_true (cohorts_finding_get_period (&finding, &from, &to));
      g_assert_cmpuint (from, ==, cohorts_date_new (cases[i].from[0], cases[i].from[1], cases[i].from[2]));
      g_assert_cmpuint (to, ==, cohorts_date_new (cases[i].to[0], cases[i].to[1], cases[i].to[2]));
    }
  for (guint i = 0; i < G_N_ELEMENTS (not_periods); i++)
    {
      CohortsFinding finding = { .subject = (char *) not_periods[i] };
      CohortsDate from, to;

      g_assert_false (cohorts_finding_get_period (&finding, &from, &to));
    }
}

/* Collects the findings of @code, in order. */
static GPtrArray *
findings_of (GPtrArray  *findings,
             const char *code)
{
  GPtrArray *of = g_ptr_array_new ();

  for (guint i = 0; i < findings->len; i++)
    if (g_strcmp0 (finding (findings, i)->code, code) == 0)
      g_ptr_array_add (of, finding (findings, i));
  return of;
}

/* The church track's checks, worked out by hand: a refusal is an error
 * whenever the school converts; consents not granted six months before the
 * conversion, the supplemental agreement not signed and the memorandum not
 * agreed three months before, are warnings; impossible dates and counts, and
 * a voluntary aided school's governors mostly not the church's, too. */
static void
test_church_track (void)
{
  g_autoptr(CohortsPlan) plan = new_plan (D (2026, 9, 1));
  CohortsCohort *soon = cohorts_plan_add_cohort (plan, "Soon", D (2027, 2, 1));
  CohortsCohort *later = cohorts_plan_add_cohort (plan, "Later", D (2027, 9, 1));
  CohortsSchool *refused, *ready, *asked, *va, *community;
  CohortsDate today = D (2026, 11, 23);
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GPtrArray) of = NULL;
  g_autofree char *subject = NULL;
  CohortsMilestone m[COHORTS_N_STEPS];

  refused = add_school (plan, "Holy Trinity CE First School", COHORTS_ESTABLISHMENT_VOLUNTARY_CONTROLLED,
                        COHORTS_RELIGIOUS_CHARACTER_CHURCH_OF_ENGLAND, later);
  cohorts_plan_edit (plan, refused, "diocesan-consent", COHORTS_CONSENT_REFUSED,
                     "diocesan-consent-requested", D (2026, 5, 1), "diocesan-consent-decided", D (2026, 7, 15),
                     "site-trustees-consent", COHORTS_CONSENT_REFUSED, NULL);
  /* Converts in about two months with nothing of the track recorded. */
  add_school (plan, "St Anne's CE First School", COHORTS_ESTABLISHMENT_VOLUNTARY_CONTROLLED,
                        COHORTS_RELIGIOUS_CHARACTER_CHURCH_OF_ENGLAND, soon);
  /* Everything in place. */
  ready = add_school (plan, "St Chad's CE Primary School", COHORTS_ESTABLISHMENT_VOLUNTARY_AIDED,
                      COHORTS_RELIGIOUS_CHARACTER_CHURCH_OF_ENGLAND, soon);
  cohorts_plan_edit (plan, ready, "diocesan-consent", COHORTS_CONSENT_GRANTED,
                     "diocesan-consent-decided", D (2026, 6, 1),
                     "site-trustees-consent", COHORTS_CONSENT_GRANTED,
                     "supplemental-agreement", COHORTS_AGREEMENT_SIGNED,
                     "supplemental-agreement-date", D (2026, 11, 2),
                     "memorandum", COHORTS_AGREEMENT_AGREED,
                     "foundation-governors", 6, "governors", 11, NULL);
  /* Asked, not granted; agreements under way. */
  asked = add_school (plan, "St Mary's CE Middle School", COHORTS_ESTABLISHMENT_VOLUNTARY_CONTROLLED,
                      COHORTS_RELIGIOUS_CHARACTER_CHURCH_OF_ENGLAND, soon);
  cohorts_plan_edit (plan, asked, "diocesan-consent", COHORTS_CONSENT_REQUESTED,
                     "diocesan-consent-requested", D (2026, 10, 3),
                     "site-trustees-consent", COHORTS_CONSENT_GRANTED,
                     "supplemental-agreement", COHORTS_AGREEMENT_DRAFTING,
                     "memorandum", COHORTS_AGREEMENT_SIGNED, NULL);
  /* Far off, but its facts are wrong: a decision before the request, and
   * half its governors the church's in a voluntary aided school. */
  va = add_school (plan, "St Oswald's CE Primary School", COHORTS_ESTABLISHMENT_VOLUNTARY_AIDED,
                   COHORTS_RELIGIOUS_CHARACTER_CHURCH_OF_ENGLAND, later);
  cohorts_plan_edit (plan, va, "site-trustees-consent", COHORTS_CONSENT_GRANTED,
                     "site-trustees-consent-requested", D (2026, 10, 1),
                     "site-trustees-consent-decided", D (2026, 9, 1),
                     "foundation-governors", 5, "governors", 10, NULL);
  /* Not a church school: nothing, whatever its track says. */
  community = add_community_school (plan, "Brook Lane First School", soon);
  cohorts_plan_edit (plan, community, "diocesan-consent", COHORTS_CONSENT_REFUSED, NULL);

  for (guint i = 0; i < cohorts_plan_get_n_schools (plan); i++)
    {
      g_autoptr(CohortsSchool) school = g_list_model_get_item (cohorts_plan_get_schools (plan), i);
      for (CohortsStep step = 0; step < COHORTS_STEP_CONVERSION; step++)
        if (cohorts_step_applies (step, school))
          set_own (plan, school, step, COHORTS_DATE_NONE, D (2026, 9, 1), COHORTS_MILESTONE_DONE);
    }

  findings = cohorts_checks_run_at (plan, today);

  of = findings_of (findings, "church-consent-refused");
  g_assert_cmpuint (of->len, ==, 2);
  subject = subject_of (refused);
  g_assert_cmpstr (((CohortsFinding *) of->pdata[0])->subject, ==, subject);
  g_assert_cmpint (((CohortsFinding *) of->pdata[0])->severity, ==, COHORTS_SEVERITY_ERROR);
  g_assert_cmpstr (((CohortsFinding *) of->pdata[0])->message, ==,
                   "The diocesan board refused consent on 15 July 2026, but Holy Trinity CE First School "
                   "converts on 1 September 2027.");
  g_assert_cmpstr (((CohortsFinding *) of->pdata[1])->message, ==,
                   "The site trustees refused consent, but Holy Trinity CE First School converts on "
                   "1 September 2027.");
  g_assert_cmpstr (((CohortsFinding *) of->pdata[1])->suggestion, ==,
                   "Take the school out of its cohort, or record the new decision once consent is given.");
  g_clear_pointer (&of, g_ptr_array_unref);

  of = findings_of (findings, "church-consent-pending");
  g_assert_cmpuint (of->len, ==, 3);
  g_assert_cmpstr (((CohortsFinding *) of->pdata[0])->message, ==,
                   "St Anne's CE First School converts on 1 February 2027; the diocesan board has not been "
                   "asked for its consent.");
  g_assert_cmpstr (((CohortsFinding *) of->pdata[0])->suggestion, ==, "Ask for consent now: it takes weeks.");
  g_assert_cmpstr (((CohortsFinding *) of->pdata[1])->message, ==,
                   "St Anne's CE First School converts on 1 February 2027; the site trustees have not been "
                   "asked for their consent.");
  g_assert_cmpstr (((CohortsFinding *) of->pdata[2])->message, ==,
                   "St Mary's CE Middle School converts on 1 February 2027; the diocesan board has not "
                   "consented yet (asked on 3 October 2026).");
  g_assert_cmpstr (((CohortsFinding *) of->pdata[2])->suggestion, ==,
                   "Follow the request up, or move the school to a later cohort.");
  g_clear_pointer (&of, g_ptr_array_unref);

  of = findings_of (findings, "church-agreement-pending");
  g_assert_cmpuint (of->len, ==, 2);
  g_assert_cmpstr (((CohortsFinding *) of->pdata[0])->message, ==,
                   "St Anne's CE First School converts on 1 February 2027, but its Church Supplemental "
                   "Agreement is not signed (Not started).");
  g_assert_cmpstr (((CohortsFinding *) of->pdata[1])->message, ==,
                   "St Mary's CE Middle School converts on 1 February 2027, but its Church Supplemental "
                   "Agreement is not signed (Drafting).");
  g_clear_pointer (&of, g_ptr_array_unref);

  of = findings_of (findings, "church-memorandum-pending");
  g_assert_cmpuint (of->len, ==, 1);
  g_assert_cmpstr (((CohortsFinding *) of->pdata[0])->message, ==,
                   "St Anne's CE First School converts on 1 February 2027, but its memorandum of "
                   "understanding with the trust is not agreed (Not started).");
  g_clear_pointer (&of, g_ptr_array_unref);

  of = findings_of (findings, "church-consent-dates");
  g_assert_cmpuint (of->len, ==, 1);
  g_clear_pointer (&subject, g_free);
  subject = subject_of (va);
  g_assert_cmpstr (((CohortsFinding *) of->pdata[0])->subject, ==, subject);
  g_assert_cmpstr (((CohortsFinding *) of->pdata[0])->message, ==,
                   "The church track of St Oswald's CE Primary School says the site trustees decided on "
                   "1 September 2026, before they were asked on 1 October 2026.");
  g_clear_pointer (&of, g_ptr_array_unref);

  of = findings_of (findings, "church-governance-va");
  g_assert_cmpuint (of->len, ==, 1);
  g_assert_cmpstr (((CohortsFinding *) of->pdata[0])->message, ==,
                   "St Oswald's CE Primary School is voluntary aided, but only 5 of its 10 governors are "
                   "foundation governors appointed by the church.");
  g_clear_pointer (&of, g_ptr_array_unref);

  /* Nothing about the school that has everything, nor the community school. */
  for (guint i = 0; i < findings->len; i++)
    {
      g_autofree char *ready_subject = subject_of (ready);
      g_autofree char *community_subject = subject_of (community);

      if (g_str_equal (finding (findings, i)->subject, ready_subject))
        g_test_message ("unexpected: %s %s", finding (findings, i)->code, finding (findings, i)->message);
      g_assert_cmpstr (finding (findings, i)->subject, !=, ready_subject);
      g_assert_cmpstr (finding (findings, i)->subject, !=, community_subject);
    }
  g_clear_pointer (&findings, g_ptr_array_unref);

  /* Seven months before, nothing is pending yet; the refusal stands. */
  findings = cohorts_checks_run_at (plan, D (2026, 7, 1));
  of = findings_of (findings, "church-consent-pending");
  g_assert_cmpuint (of->len, ==, 0);
  g_clear_pointer (&of, g_ptr_array_unref);
  of = findings_of (findings, "church-consent-refused");
  g_assert_cmpuint (of->len, ==, 2);
  g_clear_pointer (&of, g_ptr_array_unref);
  g_clear_pointer (&findings, g_ptr_array_unref);

  /* Six foundation governors of eleven is a majority: no finding. */
  cohorts_plan_edit (plan, va, "foundation-governors", 6, "governors", 11, NULL);
  findings = cohorts_checks_run_at (plan, today);
  of = findings_of (findings, "church-governance-va");
  g_assert_cmpuint (of->len, ==, 0);
  g_clear_pointer (&of, g_ptr_array_unref);
  g_clear_pointer (&findings, g_ptr_array_unref);

  /* More foundation governors than governors. */
  cohorts_plan_edit (plan, va, "foundation-governors", 12, NULL);
  findings = cohorts_checks_run_at (plan, today);
  of = findings_of (findings, "church-governors-count");
  g_assert_cmpuint (of->len, ==, 1);
  g_assert_cmpstr (((CohortsFinding *) of->pdata[0])->message, ==,
                   "St Oswald's CE Primary School has 12 foundation governors of 11 governors in all.");
  g_clear_pointer (&of, g_ptr_array_unref);

  /* The track dates the steps it settles: consent granted on a date, the
   * agreement signed on a date, are those steps done. */
  cohorts_plan_edit (plan, ready, "site-trustees-consent-decided", D (2026, 10, 12), NULL);
  for (CohortsStep step = 0; step < COHORTS_STEP_CONVERSION; step++)
    {
      CohortsMilestone scheduled = { COHORTS_DATE_NONE, COHORTS_DATE_NONE, COHORTS_MILESTONE_SCHEDULED };
      g_autoptr(GError) error = NULL;

      g_assert_true (cohorts_plan_set_milestone (plan, ready, step, &scheduled, &error));
    }
  cohorts_schedule_plan (cohorts_plan_get_schedule (plan), ready, m);
  g_assert_cmpint (m[COHORTS_STEP_DIOCESAN_CONSENT].state, ==, COHORTS_MILESTONE_DONE);
  g_assert_cmpuint (m[COHORTS_STEP_DIOCESAN_CONSENT].date, ==, D (2026, 6, 1));
  g_assert_cmpint (m[COHORTS_STEP_SITE_TRUSTEES].state, ==, COHORTS_MILESTONE_DONE);
  g_assert_cmpuint (m[COHORTS_STEP_SITE_TRUSTEES].date, ==, D (2026, 10, 12));
  g_assert_cmpint (m[COHORTS_STEP_CHURCH_AGREEMENT].state, ==, COHORTS_MILESTONE_DONE);
  g_assert_cmpuint (m[COHORTS_STEP_CHURCH_AGREEMENT].date, ==, D (2026, 11, 2));
  g_assert_cmpint (m[COHORTS_STEP_ACADEMY_ORDER].state, ==, COHORTS_MILESTONE_SCHEDULED);
  /* Requested, or granted without a date, leaves the step to the schedule. */
  cohorts_schedule_plan (cohorts_plan_get_schedule (plan), asked, m);
  g_assert_cmpint (m[COHORTS_STEP_DIOCESAN_CONSENT].state, ==, COHORTS_MILESTONE_DONE);  /* its own */
}

/* The readiness score counts the track's diocesan consent where the
 * criterion has no answer; an answer of its own wins. */
static void
test_church_track_readiness (void)
{
  g_autoptr(CohortsPlan) plan = new_plan (D (2026, 9, 1));
  CohortsSchool *school = add_school (plan, "St Anne's CE First School", COHORTS_ESTABLISHMENT_VOLUNTARY_CONTROLLED,
                                      COHORTS_RELIGIOUS_CHARACTER_CHURCH_OF_ENGLAND, NULL);
  CohortsSchool *community = add_community_school (plan, "Brook Lane First School", NULL);
  CohortsReadinessScore score;

  set_answer (plan, school, COHORTS_CRITERION_DIOCESAN_CONSENT, COHORTS_ANSWER_NONE);
  cohorts_plan_score_school (plan, school, &score);
  g_assert_cmpint (score.rag, ==, COHORTS_RAG_RED);   /* critical, not assessed */
  g_assert_cmpint (cohorts_school_get_answer_state (school, COHORTS_CRITERION_DIOCESAN_CONSENT), ==,
                   COHORTS_ANSWER_NONE);

  cohorts_plan_edit (plan, school, "diocesan-consent", COHORTS_CONSENT_GRANTED, NULL);
  g_assert_cmpint (cohorts_school_get_answer_state (school, COHORTS_CRITERION_DIOCESAN_CONSENT), ==,
                   COHORTS_ANSWER_MET);
  cohorts_plan_score_school (plan, school, &score);
  g_assert_cmpint (score.rag, ==, COHORTS_RAG_GREEN);
  g_assert_cmpuint (score.points, ==, score.out_of);

  cohorts_plan_edit (plan, school, "diocesan-consent", COHORTS_CONSENT_REQUESTED, NULL);
  g_assert_cmpint (cohorts_school_get_answer_state (school, COHORTS_CRITERION_DIOCESAN_CONSENT), ==,
                   COHORTS_ANSWER_PARTLY);

  cohorts_plan_edit (plan, school, "diocesan-consent", COHORTS_CONSENT_REFUSED, NULL);
  cohorts_plan_score_school (plan, school, &score);
  g_assert_cmpint (score.rag, ==, COHORTS_RAG_RED);

  /* Its own answer wins. */
  set_answer (plan, school, COHORTS_CRITERION_DIOCESAN_CONSENT, COHORTS_ANSWER_MET);
  g_assert_cmpint (cohorts_school_get_answer_state (school, COHORTS_CRITERION_DIOCESAN_CONSENT), ==,
                   COHORTS_ANSWER_MET);

  /* Not a church school: the track does not answer for it. */
  cohorts_plan_edit (plan, community, "diocesan-consent", COHORTS_CONSENT_GRANTED, NULL);
  set_answer (plan, community, COHORTS_CRITERION_DIOCESAN_CONSENT, COHORTS_ANSWER_NONE);
  g_assert_cmpint (cohorts_school_get_answer_state (community, COHORTS_CRITERION_DIOCESAN_CONSENT), ==,
                   COHORTS_ANSWER_NONE);
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
  g_test_add_func ("/checks/schedule/clean", test_schedule_clean);
  g_test_add_func ("/checks/schedule/order", test_schedule_order);
  g_test_add_func ("/checks/schedule/follows-edits", test_schedule_follows_edits);
  g_test_add_func ("/checks/schedule/run-is-today", test_run_is_today);
  g_test_add_func ("/checks/schedule/example-plan-overdue", test_example_plan_overdue);
  g_test_add_func ("/checks/conversion-date-not-first/school", test_conversion_date_not_first);
  g_test_add_func ("/checks/conversion-date-not-first/cohort-date", test_conversion_date_not_first_cohort);
  g_test_add_func ("/checks/consultation-after-funding-agreement", test_consultation_after_funding_agreement);
  g_test_add_func ("/checks/land-after-funding-agreement", test_land_after_funding_agreement);
  g_test_add_func ("/checks/step-after-conversion/steps", test_step_after_conversion);
  g_test_add_func ("/checks/step-after-conversion/funding-agreement",
                   test_funding_agreement_after_conversion);
  g_test_add_func ("/checks/consultation-too-short", test_consultation_too_short);
  g_test_add_func ("/checks/tupe-too-short", test_tupe_too_short);
  g_test_add_func ("/checks/payroll-deadline-missed", test_payroll_deadline_missed);
  g_test_add_func ("/checks/academy-order-late", test_academy_order_late);
  g_test_add_func ("/checks/milestone-overdue/steps", test_milestone_overdue);
  g_test_add_func ("/checks/milestone-overdue/conversion", test_milestone_overdue_conversion);
  g_test_add_func ("/checks/milestone-overdue/which-schools", test_milestone_overdue_which_schools);
  g_test_add_func ("/checks/step-not-applicable", test_step_not_applicable);
  g_test_add_func ("/checks/church-track", test_church_track);
  g_test_add_func ("/checks/church-track-readiness", test_church_track_readiness);
  g_test_add_func ("/checks/readiness-not-ready", test_readiness_not_ready);
  g_test_add_func ("/checks/describe-subject", test_describe_subject);
  g_test_add_func ("/checks/finding-period", test_finding_period);

  return g_test_run ();
}
