/* test-diff.c: what changed between two versions of a plan
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pairs of plans built in code (or, for cohort ids, read from a few lines of
 * XML), each with its differences known by hand, the sentences compared
 * whole and in order; and a pair of 25,000 schools.
 */
#define G_LOG_DOMAIN "test-diff"

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

static void
answer_all (CohortsPlan        *plan,
            CohortsSchool      *school,
            CohortsAnswerState  state)
{
  for (guint c = 0; c < COHORTS_N_CRITERIA; c++)
    {
      CohortsAnswer answer = { state, NULL, COHORTS_DATE_NONE };

      if (!cohorts_criterion_is_church_only (c))
        g_assert_true (cohorts_plan_set_answer (plan, school, c, &answer, NULL));
    }
}

/* Three cohorts and nine schools, the same each time it is called. */
static CohortsPlan *
base_plan (void)
{
  CohortsPlan *plan = cohorts_plan_new ();
  CohortsCohort *c1, *c2, *c3;
  CohortsSchool *school;

  cohorts_plan_edit (plan, plan, "title", "Plan", "start-date", d (2026, 9, 1), NULL);
  c1 = cohorts_plan_add_cohort (plan, "Cohort 1", d (2027, 9, 1));
  c2 = cohorts_plan_add_cohort (plan, "Cohort 2", d (2028, 4, 1));
  c3 = cohorts_plan_add_cohort (plan, "Cohort 3", d (2029, 1, 1));

  school = add_school (plan, c1, 100001, "Ashby First School");
  cohorts_plan_edit (plan, school, "ofsted-grade", COHORTS_OFSTED_GRADE_GOOD, "pupils", 200,
                     "religious-character", COHORTS_RELIGIOUS_CHARACTER_NONE,
                     "budget-balance", (gint64) 12000, NULL);
  add_school (plan, c2, 100002, "Bramley Middle School");
  school = add_school (plan, c3, 100003, "Carlton High School");
  answer_all (plan, school, COHORTS_ANSWER_MET);
  add_school (plan, NULL, 100004, "Dunmore Primary School");
  add_school (plan, c1, 100005, "Elm Park School");
  add_school (plan, c2, 100006, "Fenwick First School");
  school = add_school (plan, c1, 100008, "Holt Primary School");
  set_own_date (plan, school, d (2027, 9, 1));
  school = add_school (plan, c2, 100009, "Ivy Lane School");
  set_own_date (plan, school, d (2028, 6, 1));
  return plan;
}

static void
assert_changes (GPtrArray         *changes,
                const char *const *expected)
{
  guint n = g_strv_length ((char **) expected);

  for (guint i = 0; i < changes->len; i++)
    {
      const CohortsChange *change = g_ptr_array_index (changes, i);
      g_autofree char *line = g_strdup_printf ("%s\t%s\t%s", cohorts_change_kind_to_token (change->kind),
                                               change->subject, change->message);

      g_assert_cmpuint (i, <, n);
      g_assert_cmpstr (line, ==, expected[i]);
    }
  g_assert_cmpuint (changes->len, ==, n);
}

/* The church track's changes, said as the other facts are: what a
 * diocesan representative looks for between two versions. */
static void
test_church_track (void)
{
  g_autoptr(CohortsPlan) old_plan = base_plan ();
  g_autoptr(CohortsPlan) new_plan = base_plan ();
  g_autoptr(GPtrArray) changes = NULL;
  static const char *const expected[] = {
    "school-details\tschool:100002\tBramley Middle School (URN 100002): the diocesan board’s consent changes "
    "from Requested to Granted.",
    "school-details\tschool:100002\tBramley Middle School (URN 100002): the Church Supplemental Agreement "
    "changes from Drafting to Signed.",
    NULL
  };

  cohorts_plan_edit (old_plan, cohorts_plan_find_school (old_plan, 100002),
                     "diocesan-consent", COHORTS_CONSENT_REQUESTED,
                     "supplemental-agreement", COHORTS_AGREEMENT_DRAFTING, NULL);
  cohorts_plan_edit (new_plan, cohorts_plan_find_school (new_plan, 100002),
                     "diocesan-consent", COHORTS_CONSENT_GRANTED,
                     "supplemental-agreement", COHORTS_AGREEMENT_SIGNED, NULL);
  changes = cohorts_diff_plans (old_plan, new_plan);
  assert_changes (changes, expected);
}

static void
test_identical (void)
{
  g_autoptr(CohortsPlan) old_plan = base_plan ();
  g_autoptr(CohortsPlan) new_plan = base_plan ();
  g_autoptr(GPtrArray) changes = cohorts_diff_plans (old_plan, new_plan);
  g_autofree char *summary = cohorts_diff_summarize (changes);

  g_assert_cmpuint (changes->len, ==, 0);
  g_assert_cmpstr (summary, ==, "No changes.");

  /* A plan compared with itself, too. */
  g_clear_pointer (&changes, g_ptr_array_unref);
  changes = cohorts_diff_plans (new_plan, new_plan);
  g_assert_cmpuint (changes->len, ==, 0);
}

static void
test_schools (void)
{
  g_autoptr(CohortsPlan) old_plan = base_plan ();
  g_autoptr(CohortsPlan) new_plan = base_plan ();
  g_autoptr(GPtrArray) changes = NULL;
  g_autofree char *summary = NULL;
  CohortsCohort *c1 = cohorts_plan_find_cohort (new_plan, "c1");
  CohortsCohort *c3 = cohorts_plan_find_cohort (new_plan, "c3");
  static const char *const expected[] = {
    /* Cohort 1, 1 September 2027: Ashby, then Dunmore, by name. */
    "school-details\tschool:100001\tAshby First School (URN 100001): the Ofsted grade changes from Good to "
    "Requires improvement.",
    "school-details\tschool:100001\tAshby First School (URN 100001): pupils on roll change from 200 to 210.",
    "school-details\tschool:100001\tAshby First School (URN 100001): the religious character changes from "
    "None to Church of England.",
    "school-details\tschool:100001\tAshby First School (URN 100001): the budget balance changes from £12,000 "
    "to −£20,000.",
    "school-assigned\tschool:100004\tDunmore Primary School (URN 100004) joins Cohort 1: it now converts on "
    "1 September 2027; it had no date before.",
    /* Its own date, 1 January 2028, in the same cohort. */
    "school-later\tschool:100008\tHolt Primary School (URN 100008) now converts on 1 January 2028, 4 months "
    "later than 1 September 2027.",
    "school-earlier\tschool:100009\tIvy Lane School (URN 100009) now converts on 1 March 2028, 3 months "
    "earlier than 1 June 2028.",
    /* Cohort 3, 1 January 2029. */
    "school-moved\tschool:100002\tBramley Middle School (URN 100002) moves from Cohort 2 to Cohort 3: it now "
    "converts on 1 January 2029, 9 months later than 1 April 2028.",
    /* All met: 100%; all partly: half the points, 50%, amber from 50%. */
    "school-details\tschool:100003\tCarlton High School (URN 100003): readiness changes from Green (100%) to "
    "Amber (50%).",
    /* No date now, by name. */
    "school-unassigned\tschool:100005\tElm Park School (URN 100005) leaves Cohort 1 and is in no cohort now: "
    "it no longer has a conversion date; it had 1 September 2027.",
    "school-left\tschool:100006\tFenwick First School (URN 100006) leaves the plan; it was in Cohort 2, "
    "converting on 1 April 2028.",
    "school-joined\tschool:100007\tGrange Infant School (URN 100007) joins the plan, in no cohort yet.",
    NULL
  };

  cohorts_plan_edit (new_plan, cohorts_plan_find_school (new_plan, 100001),
                     "ofsted-grade", COHORTS_OFSTED_GRADE_REQUIRES_IMPROVEMENT, "pupils", 210,
                     "religious-character", COHORTS_RELIGIOUS_CHARACTER_CHURCH_OF_ENGLAND,
                     "budget-balance", (gint64) -20000, NULL);
  cohorts_plan_move_school (new_plan, cohorts_plan_find_school (new_plan, 100002), c3, G_MAXUINT);
  answer_all (new_plan, cohorts_plan_find_school (new_plan, 100003), COHORTS_ANSWER_PARTLY);
  cohorts_plan_move_school (new_plan, cohorts_plan_find_school (new_plan, 100004), c1, G_MAXUINT);
  cohorts_plan_move_school (new_plan, cohorts_plan_find_school (new_plan, 100005), NULL, G_MAXUINT);
  cohorts_plan_remove_school (new_plan, cohorts_plan_find_school (new_plan, 100006));
  add_school (new_plan, NULL, 100007, "Grange Infant School");
  set_own_date (new_plan, cohorts_plan_find_school (new_plan, 100008), d (2028, 1, 1));
  set_own_date (new_plan, cohorts_plan_find_school (new_plan, 100009), d (2028, 3, 1));

  changes = cohorts_diff_plans (old_plan, new_plan);
  assert_changes (changes, expected);
  g_assert_cmpint (((CohortsChange *) changes->pdata[5])->months, ==, 4);
  g_assert_cmpint (((CohortsChange *) changes->pdata[6])->months, ==, -3);
  g_assert_cmpint (((CohortsChange *) changes->pdata[7])->months, ==, 9);
  g_assert_cmpint (((CohortsChange *) changes->pdata[0])->months, ==, 0);

  summary = cohorts_diff_summarize (changes);
  g_assert_cmpstr (summary, ==,
                   "12 changes: 1 school joins, 1 school leaves, 1 school moves to another cohort, "
                   "1 school joins a cohort, 1 school leaves its cohort, 1 school converts later, "
                   "1 school converts earlier, 5 changes to schools' details.");

  /* And back: the same changes the other way round. */
  g_clear_pointer (&changes, g_ptr_array_unref);
  changes = cohorts_diff_plans (new_plan, old_plan);
  g_assert_cmpuint (changes->len, ==, 12);
}

static const char cohorts_old[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<plan xmlns=\"urn:io.github.cohorts:matplan\" format-version=\"5\">\n"
  "  <trust kind=\"forming-mat\"><name>T</name></trust>\n"
  "  <schools>\n"
  "    <school urn=\"100001\"><name>Ashby First School</name></school>\n"
  "    <school urn=\"100002\"><name>Bramley Middle School</name></school>\n"
  "    <school urn=\"100003\"><name>Carlton High School</name></school>\n"
  "    <school urn=\"100004\"><name>Dunmore Primary School</name></school>\n"
  "  </schools>\n"
  "  <cohorts>\n"
  "    <cohort id=\"c1\" date=\"2027-09-01\" status=\"agreed\"><name>Cohort 1</name>"
  "<member urn=\"100001\"/></cohort>\n"
  "    <cohort id=\"c2\" date=\"2028-04-01\" status=\"draft\"><name>Cohort 2</name>"
  "<member urn=\"100002\"/></cohort>\n"
  "    <cohort id=\"c3\" date=\"2028-09-01\" status=\"draft\"><name>Cohort 3</name></cohort>\n"
  "    <cohort id=\"c4\" date=\"2029-09-01\" status=\"draft\"><name>Cohort 4</name>"
  "<member urn=\"100003\"/></cohort>\n"
  "    <cohort id=\"c5\" date=\"2030-04-01\" status=\"draft\"><name>Late joiners</name>"
  "<member urn=\"100004\"/></cohort>\n"
  "  </cohorts>\n"
  "</plan>\n";

/* Cohort 1 renamed; Cohort 2 five months later, its school with it; Cohort
 * 3 agreed; Cohort 4 gone; Late joiners under a new id; Cohort 6 new, first. */
static const char cohorts_new[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<plan xmlns=\"urn:io.github.cohorts:matplan\" format-version=\"5\">\n"
  "  <trust kind=\"forming-mat\"><name>T</name></trust>\n"
  "  <schools>\n"
  "    <school urn=\"100001\"><name>Ashby First School</name></school>\n"
  "    <school urn=\"100002\"><name>Bramley Middle School</name></school>\n"
  "    <school urn=\"100003\"><name>Carlton High School</name></school>\n"
  "    <school urn=\"100004\"><name>Dunmore Primary School</name></school>\n"
  "  </schools>\n"
  "  <cohorts>\n"
  "    <cohort id=\"c6\" date=\"2027-01-01\" status=\"draft\"><name>Cohort 6</name></cohort>\n"
  "    <cohort id=\"c1\" date=\"2027-09-01\" status=\"agreed\"><name>Second wave</name>"
  "<member urn=\"100001\"/></cohort>\n"
  "    <cohort id=\"c2\" date=\"2028-09-01\" status=\"draft\"><name>Cohort 2</name>"
  "<member urn=\"100002\"/></cohort>\n"
  "    <cohort id=\"c3\" date=\"2028-09-01\" status=\"agreed\"><name>Cohort 3</name></cohort>\n"
  "    <cohort id=\"late\" date=\"2030-04-01\" status=\"draft\"><name>Late joiners</name>"
  "<member urn=\"100004\"/></cohort>\n"
  "  </cohorts>\n"
  "</plan>\n";

static CohortsPlan *
load (const char *text)
{
  g_autoptr(GError) error = NULL;
  CohortsPlan *plan = cohorts_plan_xml_load_data (text, strlen (text), "test.matplan",
                                                  COHORTS_PLAN_LOAD_DEFAULT, &error);

  g_assert_no_error (error);
  return plan;
}

static void
test_cohorts (void)
{
  g_autoptr(CohortsPlan) old_plan = load (cohorts_old);
  g_autoptr(CohortsPlan) new_plan = load (cohorts_new);
  g_autoptr(GPtrArray) changes = cohorts_diff_plans (old_plan, new_plan);
  g_autofree char *summary = cohorts_diff_summarize (changes);
  static const char *const expected[] = {
    "cohort-added\tcohort:c6\tCohort 6 is added, converting on 1 January 2027, with 0 schools.",
    "cohort-renamed\tcohort:c1\tCohort 1 is renamed “Second wave”.",
    "cohort-date\tcohort:c2\tCohort 2 now converts on 1 September 2028, 5 months later than 1 April 2028.",
    "cohort-status\tcohort:c3\tCohort 3 changes from Draft to Agreed.",
    "cohort-renamed\tcohort:late\tLate joiners keeps its name but its identifier changes from c5 to late: "
    "it is taken as the same cohort.",
    "cohort-removed\tcohort:c4\tCohort 4 is removed; it was to convert on 1 September 2029.",
    /* Bramley follows its cohort: said once, above. Dunmore stays in
     * Late joiners. */
    "school-unassigned\tschool:100003\tCarlton High School (URN 100003) leaves Cohort 4 and is in no cohort "
    "now: it no longer has a conversion date; it had 1 September 2029.",
    NULL
  };

  assert_changes (changes, expected);
  g_assert_cmpint (((CohortsChange *) changes->pdata[2])->months, ==, 5);
  g_assert_cmpstr (summary, ==,
                   "7 changes: 1 cohort added, 1 cohort removed, 2 cohorts renamed, 1 cohort with a new date, "
                   "1 cohort with a new status, 1 school leaves its cohort.");
}

static void
test_settings (void)
{
  g_autoptr(CohortsPlan) old_plan = base_plan ();
  g_autoptr(CohortsPlan) new_plan = base_plan ();
  g_autoptr(GPtrArray) changes = NULL;
  g_autofree char *summary = NULL;
  CohortsTrust *old_trust = cohorts_plan_get_trust (old_plan);
  CohortsTrust *trust = cohorts_plan_get_trust (new_plan);
  static const char *const expected[] = {
    "plan\tplan\tThe plan's title changes from “Plan” to “Plan, second draft”.",
    "plan\tplan\tThe plan now starts on 1 January 2027, not 1 September 2026.",
    "trust\tplan\tThe trust is renamed from “Northfield” to “Northfield Learning Trust”.",
    "trust\tplan\tThe trust's “Top-slice” changes from 5% to 5.5%.",
    "trust\tplan\tThe trust's “Central services a year” changes from £480,000 to £1,250,000.",
    "trust\tplan\tThe trust's “Strong academies for each needing support” changes from not recorded to 3.",
    "trust\tplan\tThe trust's notes change.",
    "trust\tplan\tThe trust's growth target changes from 15–20 academies within 5 years to "
    "15–25 academies within 5 years.",
    "readiness\tplan\tThe weight of “Finances and a sustainable budget” in the readiness score changes from "
    "8 to 10.",
    "readiness\tplan\t“Governing body resolution” is no longer critical to readiness.",
    "readiness\tplan\t“Staff and TUPE” is now critical: a school that does not meet it is red.",
    "readiness\tplan\tReadiness is now green from 80% and amber from 50%, not from 75% and 50%.",
    "schedule\tplan\t“Academy order” is now due 18 weeks before conversion, not 20.",
    "schedule\tplan\t“Statutory consultation” now lasts 8 weeks, not 6.",
    "schedule\tplan\tChurch schools now start their steps 8 weeks earlier, not 6.",
    NULL
  };

  cohorts_plan_edit (old_plan, old_trust, "name", "Northfield", "top-slice", 500,
                     "annual-cost", (gint64) 480000, "academies-min", 15, "academies-max", 20,
                     "within-years", 5, NULL);
  cohorts_plan_edit (new_plan, trust, "name", "Northfield Learning Trust", "top-slice", 550,
                     "annual-cost", (gint64) 1250000, "academies-min", 15, "academies-max", 25,
                     "within-years", 5, "support-ratio", 3, "notes", "Formed in 2026.", NULL);
  cohorts_plan_edit (new_plan, new_plan, "title", "Plan, second draft", "start-date", d (2027, 1, 1), NULL);
  cohorts_plan_set_criterion_weight (new_plan, COHORTS_CRITERION_FINANCES, 10);
  cohorts_plan_set_criterion_critical (new_plan, COHORTS_CRITERION_STAFF, TRUE);
  cohorts_plan_set_criterion_critical (new_plan, COHORTS_CRITERION_RESOLUTION, FALSE);
  g_assert_true (cohorts_plan_set_readiness_thresholds (new_plan, 80, 50, NULL));
  cohorts_plan_set_step_timing (new_plan, COHORTS_STEP_ACADEMY_ORDER, 18, 0);
  cohorts_plan_set_step_timing (new_plan, COHORTS_STEP_CONSULTATION, 12, 8);
  cohorts_plan_set_church_lead_weeks (new_plan, 8);

  changes = cohorts_diff_plans (old_plan, new_plan);
  assert_changes (changes, expected);
  summary = cohorts_diff_summarize (changes);
  g_assert_cmpstr (summary, ==, "15 changes: 15 changes to the plan's settings.");
}

static void
test_kinds (void)
{
  g_assert_cmpstr (cohorts_change_kind_to_token (COHORTS_CHANGE_PLAN), ==, "plan");
  g_assert_cmpstr (cohorts_change_kind_to_token (COHORTS_CHANGE_SCHOOL_DETAILS), ==, "school-details");
  for (guint k = 0; k < COHORTS_N_CHANGE_KINDS; k++)
    {
      g_assert_nonnull (cohorts_change_kind_to_token (k));
      g_assert_true (cohorts_change_kind_is_school (k) + cohorts_change_kind_is_cohort (k) <= 1);
    }
  g_assert_true (cohorts_change_kind_is_school (COHORTS_CHANGE_SCHOOL_JOINED));
  g_assert_true (cohorts_change_kind_is_cohort (COHORTS_CHANGE_COHORT_STATUS));
  g_assert_false (cohorts_change_kind_is_cohort (COHORTS_CHANGE_TRUST));
}

#define N_LARGE 25000

static CohortsPlan *
large_plan (gboolean changed)
{
  CohortsPlan *plan = cohorts_plan_new ();
  CohortsCohort *cohorts[40];

  cohorts_plan_begin_edit (plan, "Large");
  for (guint k = 0; k < 40; k++)
    {
      g_autofree char *name = g_strdup_printf ("Cohort %u", k + 1);
      cohorts[k] = cohorts_plan_add_cohort (plan, name, cohorts_date_add_months (d (2027, 9, 1), k));
    }
  for (guint n = 0; n < N_LARGE; n++)
    {
      g_autofree char *name = g_strdup_printf ("School %05u", n);
      g_autoptr(CohortsSchool) school = cohorts_school_new (300000 + n, name);
      guint k = n / 625;

      g_object_set (school, "pupils", changed && n % 10 == 0 ? 301 : 300, NULL);
      g_assert_true (cohorts_plan_add_school (plan, school, NULL));
      /* Every hundredth school a month later in the new plan. */
      if (changed && n % 100 == 0 && k + 1 < 40)
        k++;
      cohorts_plan_move_school (plan, school, cohorts[k], G_MAXUINT);
    }
  cohorts_plan_end_edit (plan);
  return plan;
}

static void
test_large (void)
{
  g_autoptr(CohortsPlan) old_plan = large_plan (FALSE);
  g_autoptr(CohortsPlan) new_plan = large_plan (TRUE);
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();
  guint moved = 0, details = 0;

  changes = cohorts_diff_plans (old_plan, new_plan);
  /* Timed for the record only: a bound here would fail under valgrind or a
   * loaded machine, and speed is the benchmark's business. */
  g_test_message ("25,000 schools compared in %.3f s", g_timer_elapsed (timer, NULL));

  /* 250 moved (not the last cohort's 6), 2,500 with new numbers. */
  for (guint i = 0; i < changes->len; i++)
    {
      const CohortsChange *change = g_ptr_array_index (changes, i);

      moved += change->kind == COHORTS_CHANGE_SCHOOL_MOVED;
      details += change->kind == COHORTS_CHANGE_SCHOOL_DETAILS;
      g_assert_true (change->kind == COHORTS_CHANGE_SCHOOL_MOVED || change->kind == COHORTS_CHANGE_SCHOOL_DETAILS);
    }
  g_assert_cmpuint (moved, ==, 244);
  g_assert_cmpuint (details, ==, 2500);
  g_assert_cmpuint (changes->len, ==, moved + details);
  g_assert_cmpstr (((CohortsChange *) changes->pdata[0])->message, ==,
                   "School 00010 (URN 300010): pupils on roll change from 300 to 301.");

  g_clear_pointer (&changes, g_ptr_array_unref);
  changes = cohorts_diff_plans (old_plan, old_plan);
  g_assert_cmpuint (changes->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/diff/identical", test_identical);
  g_test_add_func ("/diff/schools", test_schools);
  g_test_add_func ("/diff/church-track", test_church_track);
  g_test_add_func ("/diff/cohorts", test_cohorts);
  g_test_add_func ("/diff/settings", test_settings);
  g_test_add_func ("/diff/kinds", test_kinds);
  g_test_add_func ("/diff/25000-schools", test_large);

  return g_test_run ();
}
