/* test-capacity.c: the capacity checks, month by month
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Small plans built in code, each with the counts worked out by hand in its
 * comments, and one of 25,000 schools.
 */
#define G_LOG_DOMAIN "test-capacity"

#include "config.h"

#include "cohorts-capacity.h"
#include "cohorts-checks.h"

static guint next_urn = 200001;

static CohortsDate
d (int year, int month, int day)
{
  return cohorts_date_new (year, month, day);
}

static CohortsPlan *
new_plan (void)
{
  CohortsPlan *plan = cohorts_plan_new ();

  cohorts_plan_edit (plan, plan, "title", "Capacity", "start-date", d (2026, 9, 1), NULL);
  return plan;
}

/* A school named @name, of @grade, in @cohort. */
static CohortsSchool *
add_school (CohortsPlan        *plan,
            CohortsCohort      *cohort,
            const char         *name,
            CohortsOfstedGrade  grade)
{
  g_autoptr(CohortsSchool) school = cohorts_school_new (next_urn++, name);

  g_assert_true (cohorts_plan_add_school (plan, school, NULL));
  cohorts_plan_edit (plan, school, "ofsted-grade", grade, NULL);
  if (cohort != NULL)
    cohorts_plan_move_school (plan, school, cohort, G_MAXUINT);
  return school;   /* the plan holds it */
}

static GPtrArray *
capacity (CohortsPlan *plan)
{
  GPtrArray *findings = g_ptr_array_new_with_free_func ((GDestroyNotify) cohorts_finding_free);

  cohorts_capacity_check (plan, findings);
  return findings;
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
  CohortsFinding *f;

  g_assert_cmpuint (i, <, findings->len);
  f = g_ptr_array_index (findings, i);
  g_assert_cmpstr (f->code, ==, code);
  g_assert_cmpint (f->severity, ==, severity);
  g_assert_cmpstr (f->subject, ==, subject);
  g_assert_cmpstr (f->message, ==, message);
  if (suggestion != NULL)
    g_assert_cmpstr (f->suggestion, ==, suggestion);
}

static void
test_strong (void)
{
  g_autoptr(CohortsSchool) good = cohorts_school_new (100001, "Good");
  g_autoptr(CohortsSchool) ri = cohorts_school_new (100002, "RI");
  g_autoptr(CohortsSchool) none = cohorts_school_new (100003, "None");
  g_autoptr(CohortsSchool) card = cohorts_school_new (100004, "Card");

  g_object_set (good, "ofsted-grade", COHORTS_OFSTED_GRADE_GOOD, NULL);
  g_object_set (ri, "ofsted-grade", COHORTS_OFSTED_GRADE_REQUIRES_IMPROVEMENT, NULL);
  g_assert_true (cohorts_school_is_strong (good));
  g_assert_false (cohorts_school_is_strong (ri));
  g_assert_false (cohorts_school_is_strong (none));

  /* A report card at the expected standard is neither strong nor in need… */
  g_object_set (card, "report-card-date", d (2026, 1, 20),
                "report-card-achievement", COHORTS_REPORT_GRADE_EXPECTED_STANDARD, NULL);
  g_assert_false (cohorts_school_is_strong (card));
  g_assert_false (cohorts_school_is_vulnerable (card));
  /* …one strong area makes it strong… */
  g_object_set (card, "report-card-inclusion", COHORTS_REPORT_GRADE_STRONG_STANDARD, NULL);
  g_assert_true (cohorts_school_is_strong (card));
  /* …and one needing attention makes it need support, whatever else. */
  g_object_set (card, "report-card-attendance-and-behaviour", COHORTS_REPORT_GRADE_NEEDS_ATTENTION, NULL);
  g_assert_false (cohorts_school_is_strong (card));
  g_assert_true (cohorts_school_is_vulnerable (card));

  /* An old Good grade before a later report card no longer counts. */
  g_object_set (good, "ofsted-date", d (2022, 5, 1), "report-card-date", d (2026, 2, 1),
                "report-card-achievement", COHORTS_REPORT_GRADE_EXPECTED_STANDARD, NULL);
  g_assert_false (cohorts_school_is_strong (good));
}

static void
test_empty_plan (void)
{
  g_autoptr(CohortsPlan) plan = new_plan ();
  g_autoptr(GPtrArray) findings = NULL;

  /* Every limit set, nothing to count. */
  cohorts_plan_edit (plan, cohorts_plan_get_trust (plan), "concurrent-conversions", 1,
                     "conversions-per-term", 1, "support-ratio", 3, "church-share-min", 5000, NULL);
  findings = capacity (plan);
  g_assert_cmpuint (findings->len, ==, 0);
}

/* September 2027: Ash and Birch (Good), 2 strong for 0.
 * January 2028: Cedar (RI): 2 strong for 1, exactly the ratio of 2 — met.
 * April 2028: Dale (RI): 2 for 2, below (needs 4) but one each: a warning.
 * September 2028: Elm and Fir (Outstanding): 4 for 2, met again. */
static void
test_support_ratio (void)
{
  g_autoptr(CohortsPlan) plan = new_plan ();
  g_autoptr(GPtrArray) findings = NULL;
  CohortsCohort *c1 = cohorts_plan_add_cohort (plan, "Cohort 1", d (2027, 9, 1));
  CohortsCohort *c2 = cohorts_plan_add_cohort (plan, "Cohort 2", d (2028, 1, 1));
  CohortsCohort *c3 = cohorts_plan_add_cohort (plan, "Cohort 3", d (2028, 4, 1));
  CohortsCohort *c4 = cohorts_plan_add_cohort (plan, "Cohort 4", d (2028, 9, 1));

  add_school (plan, c1, "Ash Primary School", COHORTS_OFSTED_GRADE_GOOD);
  add_school (plan, c1, "Birch Primary School", COHORTS_OFSTED_GRADE_GOOD);
  add_school (plan, c2, "Cedar First School", COHORTS_OFSTED_GRADE_REQUIRES_IMPROVEMENT);
  add_school (plan, c3, "Dale Middle School", COHORTS_OFSTED_GRADE_REQUIRES_IMPROVEMENT);
  add_school (plan, c4, "Elm High School", COHORTS_OFSTED_GRADE_OUTSTANDING);
  add_school (plan, c4, "Fir First School", COHORTS_OFSTED_GRADE_OUTSTANDING);

  g_assert_cmpint (cohorts_capacity_get_support_ratio (cohorts_plan_get_trust (plan)), ==, 2);
  findings = capacity (plan);
  g_assert_cmpuint (findings->len, ==, 1);
  assert_finding (findings, 0, COHORTS_SEVERITY_WARNING, "capacity-support-ratio", "month:2028-04",
                  "From April 2028, when Dale Middle School converts, the trust has 2 strong academies "
                  "for 2 that need support: fewer than its support ratio of 2 to 1. It is met again "
                  "from September 2028.",
                  "Move Dale Middle School to a later month, or bring 2 more strong schools forward to "
                  "April 2028. The next strong school to convert is Elm High School, in September 2028.");

  /* A ratio of 1: 2 for 2 is enough. */
  g_clear_pointer (&findings, g_ptr_array_unref);
  cohorts_plan_edit (plan, cohorts_plan_get_trust (plan), "support-ratio", 1, NULL);
  findings = capacity (plan);
  g_assert_cmpuint (findings->len, ==, 0);

  /* A ratio of 3: short from January 2028 (2 for 1) and still in September
   * 2028 (4 for 2 needs 6): one run, never met again. */
  g_clear_pointer (&findings, g_ptr_array_unref);
  cohorts_plan_edit (plan, cohorts_plan_get_trust (plan), "support-ratio", 3, NULL);
  findings = capacity (plan);
  g_assert_cmpuint (findings->len, ==, 1);
  assert_finding (findings, 0, COHORTS_SEVERITY_WARNING, "capacity-support-ratio", "month:2028-01",
                  "From January 2028, when Cedar First School converts, the trust has 2 strong "
                  "academies for 1 that needs support: fewer than its support ratio of 3 to 1. It is "
                  "not met again by the plan’s last conversion.",
                  "Move Cedar First School to a later month, or bring 1 more strong school forward to "
                  "January 2028. The next strong school to convert is Elm High School, in September 2028.");

  /* 0 checks nothing. */
  g_clear_pointer (&findings, g_ptr_array_unref);
  cohorts_plan_edit (plan, cohorts_plan_get_trust (plan), "support-ratio", 0, NULL);
  findings = capacity (plan);
  g_assert_cmpuint (findings->len, ==, 0);
}

/* The first month: one Good school and two Inadequate ones join together,
 * 1 strong for 2, fewer than one each: an error, never put right. */
static void
test_support_ratio_first_month (void)
{
  g_autoptr(CohortsPlan) plan = new_plan ();
  g_autoptr(GPtrArray) findings = NULL;
  CohortsCohort *c1 = cohorts_plan_add_cohort (plan, "Cohort 1", d (2027, 9, 1));

  add_school (plan, c1, "Ash Primary School", COHORTS_OFSTED_GRADE_GOOD);
  add_school (plan, c1, "Birch Primary School", COHORTS_OFSTED_GRADE_INADEQUATE);
  add_school (plan, c1, "Cedar First School", COHORTS_OFSTED_GRADE_SPECIAL_MEASURES);

  findings = capacity (plan);
  g_assert_cmpuint (findings->len, ==, 1);
  assert_finding (findings, 0, COHORTS_SEVERITY_ERROR, "capacity-support-ratio", "month:2027-09",
                  "From September 2027, when Birch Primary School and Cedar First School convert, the "
                  "trust has 1 strong academy for 2 that need support: fewer than its support ratio of "
                  "2 to 1. It is not met again by the plan’s last conversion.",
                  "Move Birch Primary School and Cedar First School to a later month, or bring 3 more "
                  "strong schools forward to September 2027.");
}

static void
test_no_vulnerable_schools (void)
{
  g_autoptr(CohortsPlan) plan = new_plan ();
  g_autoptr(GPtrArray) findings = NULL;
  CohortsCohort *c1 = cohorts_plan_add_cohort (plan, "Cohort 1", d (2027, 9, 1));

  /* No strong school either: nobody needs support, so nothing is short. */
  add_school (plan, c1, "Ash Primary School", COHORTS_OFSTED_GRADE_NONE);
  add_school (plan, c1, "Birch Primary School", COHORTS_OFSTED_GRADE_GOOD);
  cohorts_plan_edit (plan, cohorts_plan_get_trust (plan), "support-ratio", 5, NULL);
  findings = capacity (plan);
  g_assert_cmpuint (findings->len, ==, 0);
}

/* Three a month, five a term allowed.
 * September 2027: Cohort 1, 4 schools: over (one cohort, its subject).
 * January 2028: Cohort 2, 2 schools, and one school with a date of its own
 *   on 15 January (not the 1st: it still counts in January): 3, at the limit.
 * April 2028: Cohort 3, 1 school. Easter 2028 is 16 April, so 1 April is
 *   still the spring term: spring 2027/28 has 4, autumn 4.
 * April 2027 would be summer (Easter 28 March 2027): Cohort 0, 2 schools,
 *   alone in its term. */
static void
test_throughput (void)
{
  g_autoptr(CohortsPlan) plan = new_plan ();
  g_autoptr(GPtrArray) findings = NULL;
  CohortsCohort *c0 = cohorts_plan_add_cohort (plan, "Cohort 0", d (2027, 4, 1));
  CohortsCohort *c1 = cohorts_plan_add_cohort (plan, "Cohort 1", d (2027, 9, 1));
  CohortsCohort *c2 = cohorts_plan_add_cohort (plan, "Cohort 2", d (2028, 1, 1));
  CohortsCohort *c3 = cohorts_plan_add_cohort (plan, "Cohort 3", d (2028, 4, 1));
  CohortsSchool *own;
  CohortsMilestone when = { COHORTS_DATE_NONE, d (2028, 1, 15), COHORTS_MILESTONE_PLANNED };
  g_autofree char *c1_subject = g_strdup_printf ("cohort:%s", cohorts_cohort_get_id (c1));

  for (guint i = 0; i < 2; i++)
    add_school (plan, c0, "Zero School", COHORTS_OFSTED_GRADE_GOOD);
  for (guint i = 0; i < 4; i++)
    add_school (plan, c1, "One School", COHORTS_OFSTED_GRADE_GOOD);
  for (guint i = 0; i < 2; i++)
    add_school (plan, c2, "Two School", COHORTS_OFSTED_GRADE_GOOD);
  own = add_school (plan, NULL, "Own Date School", COHORTS_OFSTED_GRADE_GOOD);
  g_assert_true (cohorts_plan_set_milestone (plan, own, COHORTS_STEP_CONVERSION, &when, NULL));
  add_school (plan, c3, "Three School", COHORTS_OFSTED_GRADE_GOOD);

  cohorts_plan_edit (plan, cohorts_plan_get_trust (plan), "concurrent-conversions", 3,
                     "conversions-per-term", 5, NULL);
  findings = capacity (plan);
  g_assert_cmpuint (findings->len, ==, 1);
  assert_finding (findings, 0, COHORTS_SEVERITY_WARNING, "capacity-throughput-month", c1_subject,
                  "4 schools convert in September 2027 (Cohort 1), more than the 3 the central team "
                  "can run at once.",
                  "Move 1 school to another month, or raise the central team’s conversions at once.");

  /* Two a month, three a term: September (4) and January (3) are over;
   * autumn (4) and spring (3 + 1 = 4) are over, summer 2026/27 (2) is not. */
  g_clear_pointer (&findings, g_ptr_array_unref);
  cohorts_plan_edit (plan, cohorts_plan_get_trust (plan), "concurrent-conversions", 2,
                     "conversions-per-term", 3, NULL);
  findings = capacity (plan);
  g_assert_cmpuint (findings->len, ==, 4);
  assert_finding (findings, 0, COHORTS_SEVERITY_WARNING, "capacity-throughput-month", c1_subject,
                  "4 schools convert in September 2027 (Cohort 1), more than the 2 the central team "
                  "can run at once.",
                  "Move 2 schools to other months, or raise the central team’s conversions at once.");
  assert_finding (findings, 1, COHORTS_SEVERITY_WARNING, "capacity-throughput-term", "term:2027-autumn",
                  "4 schools convert in Autumn term 2027/28 (Cohort 1), more than the 3 the central "
                  "team can run a term.",
                  "Move 1 school to another term, or raise the central team’s conversions a term.");
  /* Two cohorts' and a school's own date: the month is the subject. */
  assert_finding (findings, 2, COHORTS_SEVERITY_WARNING, "capacity-throughput-month", "month:2028-01",
                  "3 schools convert in January 2028 (Cohort 2 and Own Date School), more than the 2 "
                  "the central team can run at once.",
                  NULL);
  assert_finding (findings, 3, COHORTS_SEVERITY_WARNING, "capacity-throughput-term", "term:2027-spring",
                  "4 schools convert in Spring term 2027/28 (Cohort 2, Own Date School and Cohort 3), "
                  "more than the 3 the central team can run a term.",
                  NULL);
}

static void
test_deficits_together (void)
{
  g_autoptr(CohortsPlan) plan = new_plan ();
  g_autoptr(GPtrArray) findings = NULL;
  CohortsCohort *c1 = cohorts_plan_add_cohort (plan, "Cohort 1", d (2027, 9, 1));
  CohortsCohort *c2 = cohorts_plan_add_cohort (plan, "Cohort 2", d (2028, 9, 1));
  CohortsSchool *a = add_school (plan, c1, "Ash Primary School", COHORTS_OFSTED_GRADE_GOOD);
  CohortsSchool *b = add_school (plan, c1, "Birch Primary School", COHORTS_OFSTED_GRADE_GOOD);
  CohortsSchool *c = add_school (plan, c1, "Cedar First School", COHORTS_OFSTED_GRADE_GOOD);
  CohortsSchool *e = add_school (plan, c2, "Elm High School", COHORTS_OFSTED_GRADE_GOOD);
  g_autofree char *subject = g_strdup_printf ("cohort:%s", cohorts_cohort_get_id (c1));

  /* A deficit, a recovery plan (its balance unknown) and a balance of 0,
   * which is no deficit. A year later one deficit alone. */
  cohorts_plan_edit (plan, a, "budget-balance", (gint64) -12000, NULL);
  cohorts_plan_edit (plan, b, "recovery-plan", TRUE, NULL);
  cohorts_plan_edit (plan, c, "budget-balance", (gint64) 0, NULL);
  cohorts_plan_edit (plan, e, "budget-balance", (gint64) -1, NULL);

  findings = capacity (plan);
  g_assert_cmpuint (findings->len, ==, 1);
  assert_finding (findings, 0, COHORTS_SEVERITY_WARNING, "capacity-deficits-together", subject,
                  "2 schools in deficit join in September 2027 (Ash Primary School and Birch Primary "
                  "School); the plan allows 1 at once.",
                  "Spread them over different months, so that at most 1 joins at once, or agree a "
                  "recovery plan for each first.");

  g_clear_pointer (&findings, g_ptr_array_unref);
  cohorts_plan_edit (plan, cohorts_plan_get_trust (plan), "max-deficit-together", 2, NULL);
  findings = capacity (plan);
  g_assert_cmpuint (findings->len, ==, 0);

  /* 0: no school in deficit may join at all; each month is reported. */
  g_clear_pointer (&findings, g_ptr_array_unref);
  cohorts_plan_edit (plan, cohorts_plan_get_trust (plan), "max-deficit-together", 0, NULL);
  findings = capacity (plan);
  g_assert_cmpuint (findings->len, ==, 2);
  g_assert_cmpstr (((CohortsFinding *) findings->pdata[1])->message, ==,
                   "1 school in deficit joins in September 2028 (Elm High School); the plan allows 0 at once.");
}

/* From 1 September 2026, within 2 years: 1 September 2028 is the last day.
 * September 2027: 2 schools of 200 pupils; 1 September 2028: 1 of 300
 * (counts); October 2028: 1 of 400 (too late). So 3 academies, 700 pupils. */
static void
test_growth (void)
{
  g_autoptr(CohortsPlan) plan = new_plan ();
  g_autoptr(GPtrArray) findings = NULL;
  CohortsTrust *trust = cohorts_plan_get_trust (plan);
  CohortsCohort *c1 = cohorts_plan_add_cohort (plan, "Cohort 1", d (2027, 9, 1));
  CohortsCohort *c2 = cohorts_plan_add_cohort (plan, "Cohort 2", d (2028, 9, 1));
  CohortsCohort *c3 = cohorts_plan_add_cohort (plan, "Cohort 3", d (2028, 10, 1));

  cohorts_plan_edit (plan, add_school (plan, c1, "A", COHORTS_OFSTED_GRADE_GOOD), "pupils", 200, NULL);
  cohorts_plan_edit (plan, add_school (plan, c1, "B", COHORTS_OFSTED_GRADE_GOOD), "pupils", 200, NULL);
  cohorts_plan_edit (plan, add_school (plan, c2, "C", COHORTS_OFSTED_GRADE_GOOD), "pupils", 300, NULL);
  cohorts_plan_edit (plan, add_school (plan, c3, "D", COHORTS_OFSTED_GRADE_GOOD), "pupils", 400, NULL);

  /* Exactly at the minimum, maximum and pupils: nothing. Heading for 10:
   * no word on the DfE's aim either. */
  cohorts_plan_edit (plan, trust, "academies-min", 3, "academies-max", 10, "target-pupils", 700,
                     "within-years", 2, NULL);
  findings = capacity (plan);
  g_assert_cmpuint (findings->len, ==, 0);

  g_clear_pointer (&findings, g_ptr_array_unref);
  cohorts_plan_edit (plan, trust, "academies-min", 4, "academies-max", 5, "target-pupils", 701, NULL);
  findings = capacity (plan);
  g_assert_cmpuint (findings->len, ==, 3);
  assert_finding (findings, 0, COHORTS_SEVERITY_WARNING, "capacity-growth", "plan",
                  "By 1 September 2028 the trust has 3 academies, fewer than the 4 of its growth target.",
                  "Bring cohorts forward, or add schools to the plan.");
  assert_finding (findings, 1, COHORTS_SEVERITY_WARNING, "capacity-growth", "plan",
                  "By 1 September 2028 the trust’s academies have 700 pupils, fewer than the 701 of its "
                  "growth target.",
                  NULL);
  /* 5 academies and 701 pupils: below the DfE's aim, and so is the plan's
   * end (4 academies, 1,100 pupils). */
  assert_finding (findings, 2, COHORTS_SEVERITY_INFO, "capacity-size-guidance", "plan",
                  "The growth target is 4–5 academies and 701 pupils within 2 years; the DfE wants "
                  "trusts heading for at least 10 schools or 7,500 pupils.",
                  NULL);

  /* Too many: at most 2. */
  g_clear_pointer (&findings, g_ptr_array_unref);
  cohorts_plan_edit (plan, trust, "academies-min", -1, "academies-max", 2, "target-pupils", -1, NULL);
  findings = capacity (plan);
  g_assert_cmpuint (findings->len, ==, 2);
  assert_finding (findings, 0, COHORTS_SEVERITY_WARNING, "capacity-growth", "plan",
                  "By 1 September 2028 the trust has 3 academies, more than the 2 of its growth target.",
                  "Move a cohort later, or raise the growth target.");
  g_assert_cmpstr (((CohortsFinding *) findings->pdata[1])->code, ==, "capacity-size-guidance");
}

/* A diocese's minimum of 25%, checked from 3 academies.
 * September 2027: 2 community schools: 0 of 2, too few academies to count.
 * January 2028: 1 CE school: 1 of 3 (33.33%).
 * September 2028: 2 community: 1 of 5 (20%), below.
 * January 2029: 1 RC: 2 of 6 (33.33%), met again.
 * April 2029: 2 community: 2 of 8 (25%), exactly the minimum. */
static void
test_church_share (void)
{
  g_autoptr(CohortsPlan) plan = new_plan ();
  g_autoptr(GPtrArray) findings = NULL;
  CohortsCohort *c1 = cohorts_plan_add_cohort (plan, "Cohort 1", d (2027, 9, 1));
  CohortsCohort *c2 = cohorts_plan_add_cohort (plan, "Cohort 2", d (2028, 1, 1));
  CohortsCohort *c3 = cohorts_plan_add_cohort (plan, "Cohort 3", d (2028, 9, 1));
  CohortsCohort *c4 = cohorts_plan_add_cohort (plan, "Cohort 4", d (2029, 1, 1));
  CohortsCohort *c5 = cohorts_plan_add_cohort (plan, "Cohort 5", d (2029, 4, 1));

  add_school (plan, c1, "Ash Primary School", COHORTS_OFSTED_GRADE_GOOD);
  add_school (plan, c1, "Birch Primary School", COHORTS_OFSTED_GRADE_GOOD);
  cohorts_plan_edit (plan, add_school (plan, c2, "St Cuthbert’s CE First School", COHORTS_OFSTED_GRADE_GOOD),
                     "religious-character", COHORTS_RELIGIOUS_CHARACTER_CHURCH_OF_ENGLAND, NULL);
  add_school (plan, c3, "Dale Middle School", COHORTS_OFSTED_GRADE_GOOD);
  add_school (plan, c3, "Elm High School", COHORTS_OFSTED_GRADE_GOOD);
  cohorts_plan_edit (plan, add_school (plan, c4, "St Mary’s RC Primary School", COHORTS_OFSTED_GRADE_GOOD),
                     "religious-character", COHORTS_RELIGIOUS_CHARACTER_ROMAN_CATHOLIC, NULL);
  add_school (plan, c5, "Fir First School", COHORTS_OFSTED_GRADE_GOOD);
  add_school (plan, c5, "Gorse First School", COHORTS_OFSTED_GRADE_GOOD);

  /* 0: no minimum. */
  findings = capacity (plan);
  g_assert_cmpuint (findings->len, ==, 0);

  g_clear_pointer (&findings, g_ptr_array_unref);
  cohorts_plan_edit (plan, cohorts_plan_get_trust (plan), "church-share-min", 2500, NULL);
  findings = capacity (plan);
  g_assert_cmpuint (findings->len, ==, 1);
  assert_finding (findings, 0, COHORTS_SEVERITY_WARNING, "capacity-church-share", "month:2028-09",
                  "From September 2028 church schools are 1 of the trust’s 5 academies (20%), below the "
                  "diocese’s minimum of 25%. It is met again from January 2029.",
                  "Bring a church school forward to September 2028, or move Dale Middle School and Elm "
                  "High School to a later month.");

  /* 25.01%: April 2029's 25% is short too, to the end. */
  g_clear_pointer (&findings, g_ptr_array_unref);
  cohorts_plan_edit (plan, cohorts_plan_get_trust (plan), "church-share-min", 2501, NULL);
  findings = capacity (plan);
  g_assert_cmpuint (findings->len, ==, 2);
  assert_finding (findings, 1, COHORTS_SEVERITY_WARNING, "capacity-church-share", "month:2029-04",
                  "From April 2029 church schools are 2 of the trust’s 8 academies (25%), below the "
                  "diocese’s minimum of 25.01%. It is not met again by the plan’s last conversion.",
                  NULL);

  /* 50%: short from the third academy (33.33%), not before. */
  g_clear_pointer (&findings, g_ptr_array_unref);
  cohorts_plan_edit (plan, cohorts_plan_get_trust (plan), "church-share-min", 5000, NULL);
  findings = capacity (plan);
  g_assert_cmpuint (findings->len, ==, 1);
  assert_finding (findings, 0, COHORTS_SEVERITY_WARNING, "capacity-church-share", "month:2028-01",
                  "From January 2028 church schools are 1 of the trust’s 3 academies (33.33%), below "
                  "the diocese’s minimum of 50%. It is not met again by the plan’s last conversion.",
                  "Bring a church school forward to January 2028.");
}

/* The church share month by month, as the checks see it, on the plan of
 * test_church_share() with a minimum of 50%:
 *   September 2027  2 academies, 0 church: not judged (fewer than 3)
 *   January 2028    3, 1 church (33.33%): below
 *   September 2028  5, 1 (20%): below
 *   January 2029    6, 2 (33.33%): below
 *   April 2029      8, 2 (25%): below
 * and with 25%: only September 2028 is below (April 2029 is exactly 25%).
 * A school with a date of its own counts from its own month. */
static void
test_church_share_series (void)
{
  g_autoptr(CohortsPlan) plan = new_plan ();
  g_autoptr(GArray) shares = NULL;
  CohortsCohort *c1 = cohorts_plan_add_cohort (plan, "Cohort 1", d (2027, 9, 1));
  CohortsCohort *c2 = cohorts_plan_add_cohort (plan, "Cohort 2", d (2028, 1, 1));
  CohortsCohort *c3 = cohorts_plan_add_cohort (plan, "Cohort 3", d (2028, 9, 1));
  CohortsCohort *c4 = cohorts_plan_add_cohort (plan, "Cohort 4", d (2029, 1, 1));
  CohortsCohort *c5 = cohorts_plan_add_cohort (plan, "Cohort 5", d (2029, 4, 1));
  static const struct { int year, month; guint academies, church; gboolean below_50, below_25; } expected[] = {
    { 2027, 9, 2, 0, FALSE, FALSE },
    { 2028, 1, 3, 1, TRUE, FALSE },
    { 2028, 9, 5, 1, TRUE, TRUE },
    { 2029, 1, 6, 2, TRUE, FALSE },
    { 2029, 4, 8, 2, TRUE, FALSE },
  };
  CohortsMilestone own = { 0, };

  add_school (plan, c1, "Ash Primary School", COHORTS_OFSTED_GRADE_GOOD);
  add_school (plan, c1, "Birch Primary School", COHORTS_OFSTED_GRADE_GOOD);
  cohorts_plan_edit (plan, add_school (plan, c2, "St Cuthbert’s CE First School", COHORTS_OFSTED_GRADE_GOOD),
                     "religious-character", COHORTS_RELIGIOUS_CHARACTER_CHURCH_OF_ENGLAND, NULL);
  add_school (plan, c3, "Dale Middle School", COHORTS_OFSTED_GRADE_GOOD);
  add_school (plan, c3, "Elm High School", COHORTS_OFSTED_GRADE_GOOD);
  cohorts_plan_edit (plan, add_school (plan, c4, "St Mary’s RC Primary School", COHORTS_OFSTED_GRADE_GOOD),
                     "religious-character", COHORTS_RELIGIOUS_CHARACTER_ROMAN_CATHOLIC, NULL);
  add_school (plan, c5, "Fir First School", COHORTS_OFSTED_GRADE_GOOD);
  add_school (plan, c5, "Gorse First School", COHORTS_OFSTED_GRADE_GOOD);
  /* In no cohort, no date: not an academy in the plan. */
  add_school (plan, NULL, "Holly Infant School", COHORTS_OFSTED_GRADE_GOOD);

  /* No minimum: the counts, nothing below. */
  shares = cohorts_capacity_church_share (plan);
  g_assert_cmpuint (shares->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < shares->len; i++)
    {
      const CohortsChurchShare *share = &g_array_index (shares, CohortsChurchShare, i);

      g_assert_cmpint (share->month, ==, d (expected[i].year, expected[i].month, 1));
      g_assert_cmpuint (share->academies, ==, expected[i].academies);
      g_assert_cmpuint (share->church, ==, expected[i].church);
      g_assert_false (share->below);
    }

  cohorts_plan_edit (plan, cohorts_plan_get_trust (plan), "church-share-min", 5000, NULL);
  g_clear_pointer (&shares, g_array_unref);
  shares = cohorts_capacity_church_share (plan);
  for (guint i = 0; i < shares->len; i++)
    g_assert_cmpint (g_array_index (shares, CohortsChurchShare, i).below, ==, expected[i].below_50);

  cohorts_plan_edit (plan, cohorts_plan_get_trust (plan), "church-share-min", 2500, NULL);
  g_clear_pointer (&shares, g_array_unref);
  shares = cohorts_capacity_church_share (plan);
  for (guint i = 0; i < shares->len; i++)
    g_assert_cmpint (g_array_index (shares, CohortsChurchShare, i).below, ==, expected[i].below_25);

  /* Holly converts on a date of its own in November 2028: 6 academies, 1
   * church (16.67%) from then, still below. */
  own.start = COHORTS_DATE_NONE;
  own.state = COHORTS_MILESTONE_PLANNED;
  own.date = d (2028, 11, 1);
  g_assert_true (cohorts_plan_set_milestone (plan, cohorts_plan_find_school (plan, next_urn - 1),
                                             COHORTS_STEP_CONVERSION, &own, NULL));
  g_clear_pointer (&shares, g_array_unref);
  shares = cohorts_capacity_church_share (plan);
  g_assert_cmpuint (shares->len, ==, 6);
  g_assert_cmpint (g_array_index (shares, CohortsChurchShare, 3).month, ==, d (2028, 11, 1));
  g_assert_cmpuint (g_array_index (shares, CohortsChurchShare, 3).academies, ==, 6);
  g_assert_cmpuint (g_array_index (shares, CohortsChurchShare, 3).church, ==, 1);
  g_assert_true (g_array_index (shares, CohortsChurchShare, 3).below);
  g_assert_cmpuint (g_array_index (shares, CohortsChurchShare, 5).academies, ==, 9);
}

/* The central services' cost against the top-slice: £420,000 a year, a 5%
 * top-slice of £6,000 a pupil (£300 a pupil a year):
 *   September 2027  Ash 400 + Birch 200 = 600 pupils   £180,000 (£240,000 short)
 *   September 2028  + Cedar 500       = 1,100 pupils  £330,000 (£90,000 short)
 *   January 2029    + Dale 300        = 1,400 pupils  £420,000 (covered)
 * Short 12 months at £240,000 a year (£240,000) and 4 at £90,000 a year
 * (£30,000): £270,000 over the 16 months before January 2029. */
static void
test_central_costs (void)
{
  g_autoptr(CohortsPlan) plan = new_plan ();
  g_autoptr(GPtrArray) findings = NULL;
  CohortsTrust *trust = cohorts_plan_get_trust (plan);
  CohortsCohort *c1 = cohorts_plan_add_cohort (plan, "Cohort 1", d (2027, 9, 1));
  CohortsCohort *c2 = cohorts_plan_add_cohort (plan, "Cohort 2", d (2028, 9, 1));
  CohortsCohort *c3 = cohorts_plan_add_cohort (plan, "Cohort 3", d (2029, 1, 1));
  CohortsSchool *ash = add_school (plan, c1, "Ash Primary School", COHORTS_OFSTED_GRADE_NONE);
  CohortsSchool *birch = add_school (plan, c1, "Birch Primary School", COHORTS_OFSTED_GRADE_NONE);
  CohortsSchool *cedar = add_school (plan, c2, "Cedar School", COHORTS_OFSTED_GRADE_NONE);
  CohortsSchool *dale = add_school (plan, c3, "Dale Middle School", COHORTS_OFSTED_GRADE_NONE);

  cohorts_plan_edit (plan, ash, "pupils", 400, NULL);
  cohorts_plan_edit (plan, birch, "pupils", 200, NULL);
  cohorts_plan_edit (plan, cedar, "pupils", 500, NULL);
  cohorts_plan_edit (plan, dale, "pupils", 300, NULL);

  /* No cost, or no top-slice: nothing to weigh, nothing said. */
  findings = capacity (plan);
  g_assert_cmpuint (findings->len, ==, 0);
  g_clear_pointer (&findings, g_ptr_array_unref);
  cohorts_plan_edit (plan, trust, "annual-cost", G_GINT64_CONSTANT (420000), NULL);
  findings = capacity (plan);
  g_assert_cmpuint (findings->len, ==, 0);

  /* Cost and top-slice without the funding: asked for. */
  g_clear_pointer (&findings, g_ptr_array_unref);
  cohorts_plan_edit (plan, trust, "top-slice", 500, NULL);
  findings = capacity (plan);
  g_assert_cmpuint (findings->len, ==, 1);
  assert_finding (findings, 0, COHORTS_SEVERITY_INFO, "capacity-central-costs", "plan",
                  "The top-slice cannot be weighed against the central services’ cost: the plan does "
                  "not say what the academies are funded a pupil.",
                  "Enter the academies’ funding a pupil a year in the plan’s Central Team.");

  /* Covered from January 2029, exactly: what the months before leave short. */
  g_clear_pointer (&findings, g_ptr_array_unref);
  cohorts_plan_edit (plan, trust, "funding-per-pupil", G_GINT64_CONSTANT (6000), NULL);
  findings = capacity (plan);
  g_assert_cmpuint (findings->len, ==, 1);
  assert_finding (findings, 0, COHORTS_SEVERITY_INFO, "capacity-central-costs", "month:2029-01",
                  "A top-slice of 5% covers the central services’ £420,000 a year from January 2029; "
                  "in the 16 months from September 2027 it leaves £270,000 short.",
                  NULL);

  /* £1 more a year is never covered: 1,400 pupils raise £420,000, £1 short;
   * 420,001 / (1,400 × 6,000) = 5.00001% makes 5.01% rounded up to the
   * hundredth; 1 / £300 makes "about 1 more pupil". */
  g_clear_pointer (&findings, g_ptr_array_unref);
  cohorts_plan_edit (plan, trust, "annual-cost", G_GINT64_CONSTANT (420001), NULL);
  findings = capacity (plan);
  g_assert_cmpuint (findings->len, ==, 1);
  assert_finding (findings, 0, COHORTS_SEVERITY_WARNING, "capacity-central-costs", "plan",
                  "From January 2029, with all its academies, a top-slice of 5% raises £420,000 a year: "
                  "£1 short of the £420,001 the central services cost.",
                  "Raise the top-slice to 5.01%, plan academies of about 1 more pupil, or reduce the "
                  "central costs.");

  /* £500,000: £80,000 short; 500,000 / 8,400,000 = 5.952…% → 5.96%; £80,000
   * / £300 = 266.7 → about 267 pupils. Dale without a pupil count raises
   * nothing (1,100 pupils, £330,000, £170,000 short; 5,000,000,000 /
   * 6,600,000 = 757.6 hundredths → 7.58%; 170,000 / 300 = 566.7 → 567). */
  g_clear_pointer (&findings, g_ptr_array_unref);
  cohorts_plan_edit (plan, trust, "annual-cost", G_GINT64_CONSTANT (500000), NULL);
  findings = capacity (plan);
  assert_finding (findings, 0, COHORTS_SEVERITY_WARNING, "capacity-central-costs", "plan",
                  "From January 2029, with all its academies, a top-slice of 5% raises £420,000 a year: "
                  "£80,000 short of the £500,000 the central services cost.",
                  "Raise the top-slice to 5.96%, plan academies of about 267 more pupils, or reduce the "
                  "central costs.");
  g_clear_pointer (&findings, g_ptr_array_unref);
  cohorts_plan_edit (plan, dale, "pupils", -1, NULL);
  findings = capacity (plan);
  assert_finding (findings, 0, COHORTS_SEVERITY_WARNING, "capacity-central-costs", "plan",
                  "From January 2029, with all its academies, a top-slice of 5% raises £330,000 a year: "
                  "£170,000 short of the £500,000 the central services cost. 1 academy has no pupil "
                  "count and raises nothing here.",
                  "Raise the top-slice to 7.58%, plan academies of about 567 more pupils, or reduce the "
                  "central costs.");

  /* Covered from the first month (£180,000 or less): nothing to say. */
  g_clear_pointer (&findings, g_ptr_array_unref);
  cohorts_plan_edit (plan, trust, "annual-cost", G_GINT64_CONSTANT (180000), NULL);
  findings = capacity (plan);
  g_assert_cmpuint (findings->len, ==, 0);

  /* A top-slice of 0 is a trust that pools its academies' grant: nothing
   * to weigh, however high the cost. */
  g_clear_pointer (&findings, g_ptr_array_unref);
  cohorts_plan_edit (plan, trust, "top-slice", 0, "annual-cost", G_GINT64_CONSTANT (9000000), NULL);
  findings = capacity (plan);
  g_assert_cmpuint (findings->len, ==, 0);
}

/* Through cohorts_checks_run_at(): the capacity findings come last. */
static void
test_in_checks (void)
{
  g_autoptr(CohortsPlan) plan = new_plan ();
  g_autoptr(GPtrArray) findings = NULL;
  CohortsCohort *c1 = cohorts_plan_add_cohort (plan, "Cohort 1", d (2027, 9, 1));

  add_school (plan, c1, "Ash Primary School", COHORTS_OFSTED_GRADE_REQUIRES_IMPROVEMENT);
  cohorts_plan_edit (plan, cohorts_plan_get_trust (plan), "academies-min", 20, "academies-max", 15, NULL);
  findings = cohorts_checks_run_at (plan, COHORTS_DATE_NONE);
  g_assert_cmpuint (findings->len, ==, 2);
  g_assert_cmpstr (((CohortsFinding *) findings->pdata[0])->code, ==, "growth-target-reversed");
  g_assert_cmpstr (((CohortsFinding *) findings->pdata[1])->code, ==, "capacity-support-ratio");
  g_assert_cmpint (cohorts_checks_count (findings, COHORTS_SEVERITY_ERROR), ==, 1);
}

/* 25,000 schools in 40 monthly cohorts of 625 from September 2027, every
 * third school Requires improvement and the others Good: at least 2 strong
 * for each that needs support at the end of every month (counted below), so
 * only the central team's 624 at once is passed, every month. */
static void
test_large (void)
{
  g_autoptr(CohortsPlan) plan = new_plan ();
  g_autoptr(GPtrArray) findings = NULL;
  guint n_short = 0, strong = 0, vulnerable = 0;

  cohorts_plan_begin_edit (plan, "Large");
  for (guint k = 0; k < 40; k++)
    {
      g_autofree char *name = g_strdup_printf ("Cohort %u", k + 1);
      CohortsCohort *cohort = cohorts_plan_add_cohort (plan, name, cohorts_date_add_months (d (2027, 9, 1), k));

      for (guint i = 0; i < 625; i++)
        {
          guint n = 625 * k + i;
          g_autoptr(CohortsSchool) school = cohorts_school_new (300000 + n, "School");

          g_object_set (school, "ofsted-grade",
                        n % 3 == 2 ? COHORTS_OFSTED_GRADE_REQUIRES_IMPROVEMENT : COHORTS_OFSTED_GRADE_GOOD, NULL);
          g_assert_true (cohorts_plan_add_school (plan, school, NULL));
          cohorts_plan_move_school (plan, school, cohort, G_MAXUINT);
          /* Each month's end: short when strong < 2 × vulnerable. */
          if (n % 3 == 2)
            vulnerable++;
          else
            strong++;
        }
      if (strong < 2 * vulnerable)
        n_short++;
    }
  cohorts_plan_end_edit (plan);
  cohorts_plan_edit (plan, cohorts_plan_get_trust (plan), "concurrent-conversions", 624, NULL);

  g_assert_cmpuint (n_short, ==, 0);
  findings = capacity (plan);
  g_assert_cmpuint (findings->len, ==, 40);
  for (guint i = 0; i < findings->len; i++)
    g_assert_cmpstr (((CohortsFinding *) findings->pdata[i])->code, ==, "capacity-throughput-month");
  assert_finding (findings, 39, COHORTS_SEVERITY_WARNING, "capacity-throughput-month", "cohort:c40",
                  "625 schools convert in December 2030 (Cohort 40), more than the 624 the central team "
                  "can run at once.",
                  NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/capacity/strong", test_strong);
  g_test_add_func ("/capacity/empty-plan", test_empty_plan);
  g_test_add_func ("/capacity/support-ratio", test_support_ratio);
  g_test_add_func ("/capacity/support-ratio/first-month", test_support_ratio_first_month);
  g_test_add_func ("/capacity/support-ratio/no-vulnerable-schools", test_no_vulnerable_schools);
  g_test_add_func ("/capacity/throughput", test_throughput);
  g_test_add_func ("/capacity/deficits-together", test_deficits_together);
  g_test_add_func ("/capacity/growth", test_growth);
  g_test_add_func ("/capacity/church-share", test_church_share);
  g_test_add_func ("/capacity/church-share-series", test_church_share_series);
  g_test_add_func ("/capacity/central-costs", test_central_costs);
  g_test_add_func ("/capacity/in-checks", test_in_checks);
  g_test_add_func ("/capacity/25000-schools", test_large);

  return g_test_run ();
}
