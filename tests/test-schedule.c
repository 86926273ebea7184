/* test-schedule.c: the school calendar, the conversion schedule and its commands
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Expected dates are written out, worked out by hand from the default
 * timings (weeks before a conversion on 1 September 2027), never computed
 * with the code under test.
 */
#define G_LOG_DOMAIN "test-schedule"

#include "config.h"

#include <string.h>

#include "cohorts-calendar.h"
#include "cohorts-plan.h"
#include "cohorts-schedule.h"

#define D(y, m, d) cohorts_date_new ((y), (m), (d))

static void
assert_date (CohortsDate  date,
             const char  *iso)
{
  char buffer[11];

  cohorts_date_write_iso (date, buffer);
  g_assert_cmpstr (buffer, ==, iso);
}

/* @start and @date as YYYY-MM-DD, "" for none. */
static void
assert_milestone (const CohortsMilestone *m,
                  const char             *start,
                  const char             *date,
                  CohortsMilestoneState   state)
{
  assert_date (m->start, start);
  assert_date (m->date, date);
  g_assert_cmpint (m->state, ==, state);
}

/* Calendar */

static void
test_easter (void)
{
  static const struct { int year; const char *easter; } cases[] = {
    { 2024, "2024-03-31" },
    { 2025, "2025-04-20" },
    { 2026, "2026-04-05" },
    { 2027, "2027-03-28" },
    { 2028, "2028-04-16" },
    { 2038, "2038-04-25" },  /* as late as it gets */
    { 2000, "2000-04-23" },
    { 1961, "1961-04-02" },
    { 2008, "2008-03-23" },
    { 1913, "1913-03-23" },
    { 1943, "1943-04-25" },
    { 1900, "1900-04-15" },  /* the range a plan holds, both ends */
    { 2200, "2200-04-06" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    assert_date (cohorts_calendar_easter (cases[i].year), cases[i].easter);

  /* Outside the years a plan holds, no date. */
  g_assert_cmpuint (cohorts_calendar_easter (1899), ==, COHORTS_DATE_NONE);
  g_assert_cmpuint (cohorts_calendar_easter (2201), ==, COHORTS_DATE_NONE);
}

static void
test_academic_year (void)
{
  g_assert_cmpint (cohorts_calendar_academic_year (D (2027, 8, 31)), ==, 2026);
  g_assert_cmpint (cohorts_calendar_academic_year (D (2027, 9, 1)), ==, 2027);
  g_assert_cmpint (cohorts_calendar_academic_year (D (2027, 12, 31)), ==, 2027);
  g_assert_cmpint (cohorts_calendar_academic_year (D (2028, 1, 1)), ==, 2027);
  g_assert_cmpint (cohorts_calendar_academic_year (D (2028, 8, 31)), ==, 2027);
  g_assert_cmpint (cohorts_calendar_academic_year (D (2028, 9, 1)), ==, 2028);

  assert_date (cohorts_calendar_academic_year_start (2027), "2027-09-01");
  assert_date (cohorts_calendar_academic_year_start (1999), "1999-09-01");
}

static void
test_academic_year_label (void)
{
  static const struct { int year; const char *label; } cases[] = {
    { 2027, "2027/28" },
    { 1999, "1999/00" },
    { 2000, "2000/01" },
    { 2008, "2008/09" },
    { 2099, "2099/00" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *label = cohorts_calendar_academic_year_label (cases[i].year);
      g_assert_cmpstr (label, ==, cases[i].label);
    }
}

static void
test_term (void)
{
  static const struct { int y, m, d; CohortsTerm term; } cases[] = {
    { 2026, 9, 1, COHORTS_TERM_AUTUMN },
    { 2026, 12, 31, COHORTS_TERM_AUTUMN },
    { 2027, 1, 1, COHORTS_TERM_SPRING },
    /* Easter 2027 is 28 March: the summer term begins that day. */
    { 2027, 3, 27, COHORTS_TERM_SPRING },
    { 2027, 3, 28, COHORTS_TERM_SUMMER },
    { 2027, 7, 31, COHORTS_TERM_SUMMER },
    /* The summer holiday counts as summer, to the end of the year. */
    { 2027, 8, 31, COHORTS_TERM_SUMMER },
    { 2027, 9, 1, COHORTS_TERM_AUTUMN },
    /* Easter 2038 is 25 April: all of March and most of April are spring. */
    { 2038, 4, 24, COHORTS_TERM_SPRING },
    { 2038, 4, 25, COHORTS_TERM_SUMMER },
    /* Easter 2008 is 23 March. */
    { 2008, 3, 22, COHORTS_TERM_SPRING },
    { 2008, 3, 23, COHORTS_TERM_SUMMER },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (cohorts_calendar_term (D (cases[i].y, cases[i].m, cases[i].d)), ==, cases[i].term);
}

static void
test_term_start (void)
{
  assert_date (cohorts_calendar_term_start (2026, COHORTS_TERM_AUTUMN), "2026-09-01");
  assert_date (cohorts_calendar_term_start (2026, COHORTS_TERM_SPRING), "2027-01-01");
  assert_date (cohorts_calendar_term_start (2026, COHORTS_TERM_SUMMER), "2027-03-28");
  assert_date (cohorts_calendar_term_start (2037, COHORTS_TERM_SUMMER), "2038-04-25");

  /* Each term's start is in that term and that academic year. */
  for (int year = 2020; year < 2040; year++)
    for (CohortsTerm term = COHORTS_TERM_AUTUMN; term <= COHORTS_TERM_SUMMER; term++)
      {
        CohortsDate start = cohorts_calendar_term_start (year, term);

        g_assert_cmpint (cohorts_calendar_term (start), ==, term);
        g_assert_cmpint (cohorts_calendar_term (start - 1), ==, term == COHORTS_TERM_AUTUMN
                                                                 ? COHORTS_TERM_SUMMER : term - 1);
        g_assert_cmpint (cohorts_calendar_academic_year (start), ==, year);
      }
}

static void
test_term_names (void)
{
  g_assert_cmpstr (cohorts_calendar_term_name (COHORTS_TERM_AUTUMN), ==, "Autumn term");
  g_assert_cmpstr (cohorts_calendar_term_name (COHORTS_TERM_SPRING), ==, "Spring term");
  g_assert_cmpstr (cohorts_calendar_term_name (COHORTS_TERM_SUMMER), ==, "Summer term");
  g_assert_cmpstr (cohorts_calendar_term_short_name (COHORTS_TERM_AUTUMN), ==, "Autumn");
  g_assert_cmpstr (cohorts_calendar_term_short_name (COHORTS_TERM_SPRING), ==, "Spring");
  g_assert_cmpstr (cohorts_calendar_term_short_name (COHORTS_TERM_SUMMER), ==, "Summer");
}

static void
test_financial_year (void)
{
  static const struct { int year; const char *label; } labels[] = {
    { 2027, "2027–28" },
    { 1999, "1999–00" },
    { 2009, "2009–10" },
  };

  g_assert_cmpint (cohorts_calendar_financial_year (D (2027, 3, 31)), ==, 2026);
  g_assert_cmpint (cohorts_calendar_financial_year (D (2027, 4, 1)), ==, 2027);
  g_assert_cmpint (cohorts_calendar_financial_year (D (2027, 12, 31)), ==, 2027);
  g_assert_cmpint (cohorts_calendar_financial_year (D (2028, 1, 1)), ==, 2027);
  g_assert_cmpint (cohorts_calendar_financial_year (D (2028, 3, 31)), ==, 2027);
  g_assert_cmpint (cohorts_calendar_financial_year (D (2028, 4, 1)), ==, 2028);

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      g_autofree char *label = cohorts_calendar_financial_year_label (labels[i].year);
      g_assert_cmpstr (label, ==, labels[i].label);
    }
}

/* Schedule */

static void
test_defaults (void)
{
  g_autoptr(CohortsSchedule) schedule = cohorts_schedule_new ();
  static const struct { CohortsStep step; int weeks_before; int weeks; const char *name; } expected[] = {
    { COHORTS_STEP_RESOLUTION, 30, 0, "Governing body resolution" },
    { COHORTS_STEP_DIOCESAN_CONSENT, 28, 0, "Diocesan consent" },
    { COHORTS_STEP_APPLICATION, 26, 0, "Application to the DfE" },
    { COHORTS_STEP_ACADEMY_ORDER, 20, 0, "Academy order" },
    { COHORTS_STEP_CONSULTATION, 12, 6, "Statutory consultation" },
    { COHORTS_STEP_LAND_QUESTIONNAIRE, 8, 0, "Land questionnaire cleared" },
    { COHORTS_STEP_LEASE, 5, 0, "125-year lease agreed" },
    { COHORTS_STEP_SITE_TRUSTEES, 8, 0, "Site trustees’ consent" },
    { COHORTS_STEP_CHURCH_AGREEMENT, 5, 0, "Church supplemental agreement" },
    { COHORTS_STEP_TUPE, 4, 6, "TUPE consultation" },
    { COHORTS_STEP_PAYROLL_NOTICE, 8, 0, "Local authority payroll notice" },
    { COHORTS_STEP_COMMERCIAL_TRANSFER, 3, 0, "Commercial transfer agreement" },
    { COHORTS_STEP_FUNDING_AGREEMENT, 2, 0, "Funding agreement signed" },
    { COHORTS_STEP_CONVERSION, 0, 0, "Conversion" },
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (expected) == COHORTS_N_STEPS);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      CohortsStep step = expected[i].step;

      g_assert_cmpint (step, ==, i);
      g_assert_cmpint (cohorts_schedule_get_weeks_before (schedule, step), ==, expected[i].weeks_before);
      g_assert_cmpint (cohorts_schedule_get_weeks (schedule, step), ==, expected[i].weeks);
      g_assert_cmpint (cohorts_schedule_default_weeks_before (step), ==, expected[i].weeks_before);
      g_assert_cmpint (cohorts_schedule_default_weeks (step), ==, expected[i].weeks);
      g_assert_cmpstr (cohorts_step_get_name (step), ==, expected[i].name);
      g_assert_cmpint (cohorts_step_lasts (step), ==, expected[i].weeks > 0);
    }
  g_assert_cmpint (cohorts_schedule_get_church_lead_weeks (schedule), ==, 6);
  g_assert_true (cohorts_schedule_is_default (schedule));
}

static void
count_cb (gpointer  instance,
          guint    *count)
{
  (*count)++;
}

static void
test_set_timing (void)
{
  g_autoptr(CohortsSchedule) schedule = cohorts_schedule_new ();
  guint changed = 0;

  g_signal_connect (schedule, "changed", G_CALLBACK (count_cb), &changed);

  cohorts_schedule_set_timing (schedule, COHORTS_STEP_TUPE, 5, 8);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpint (cohorts_schedule_get_weeks_before (schedule, COHORTS_STEP_TUPE), ==, 5);
  g_assert_cmpint (cohorts_schedule_get_weeks (schedule, COHORTS_STEP_TUPE), ==, 8);
  /* The defaults stay what they were. */
  g_assert_cmpint (cohorts_schedule_default_weeks_before (COHORTS_STEP_TUPE), ==, 4);
  g_assert_cmpint (cohorts_schedule_default_weeks (COHORTS_STEP_TUPE), ==, 6);

  /* The same again is no change. */
  cohorts_schedule_set_timing (schedule, COHORTS_STEP_TUPE, 5, 8);
  g_assert_cmpuint (changed, ==, 1);

  /* Either half alone is a change. */
  cohorts_schedule_set_timing (schedule, COHORTS_STEP_TUPE, 5, 6);
  g_assert_cmpuint (changed, ==, 2);
  cohorts_schedule_set_timing (schedule, COHORTS_STEP_TUPE, 4, 6);
  g_assert_cmpuint (changed, ==, 3);

  cohorts_schedule_set_church_lead_weeks (schedule, 10);
  g_assert_cmpuint (changed, ==, 4);
  g_assert_cmpint (cohorts_schedule_get_church_lead_weeks (schedule), ==, 10);
  cohorts_schedule_set_church_lead_weeks (schedule, 10);
  g_assert_cmpuint (changed, ==, 4);

  /* The limits are accepted. */
  cohorts_schedule_set_timing (schedule, COHORTS_STEP_CONSULTATION, 104, 52);
  cohorts_schedule_set_timing (schedule, COHORTS_STEP_RESOLUTION, 0, 0);
  cohorts_schedule_set_church_lead_weeks (schedule, 0);
  g_assert_cmpuint (changed, ==, 7);
}

static void
test_set_timing_refused (void)
{
  g_autoptr(CohortsSchedule) schedule = cohorts_schedule_new ();
  guint changed = 0;

  g_signal_connect (schedule, "changed", G_CALLBACK (count_cb), &changed);

  g_test_expect_message ("cohorts-schedule", G_LOG_LEVEL_CRITICAL, "*weeks_before >= 0*");
  cohorts_schedule_set_timing (schedule, COHORTS_STEP_RESOLUTION, 105, 0);
  g_test_expect_message ("cohorts-schedule", G_LOG_LEVEL_CRITICAL, "*weeks >= 0*");
  cohorts_schedule_set_timing (schedule, COHORTS_STEP_TUPE, 4, 53);
  /* Only steps that last have a length; the conversion is the day itself. */
  g_test_expect_message ("cohorts-schedule", G_LOG_LEVEL_CRITICAL, "*cohorts_step_lasts*");
  cohorts_schedule_set_timing (schedule, COHORTS_STEP_ACADEMY_ORDER, 20, 2);
  g_test_expect_message ("cohorts-schedule", G_LOG_LEVEL_CRITICAL, "*COHORTS_STEP_CONVERSION*");
  cohorts_schedule_set_timing (schedule, COHORTS_STEP_CONVERSION, 1, 0);
  g_test_expect_message ("cohorts-schedule", G_LOG_LEVEL_CRITICAL, "*weeks >= 0*");
  cohorts_schedule_set_church_lead_weeks (schedule, -1);
  g_test_assert_expected_messages ();

  g_assert_cmpuint (changed, ==, 0);
  g_assert_true (cohorts_schedule_is_default (schedule));
}

static void
test_is_default (void)
{
  g_autoptr(CohortsSchedule) schedule = cohorts_schedule_new ();

  g_assert_true (cohorts_schedule_is_default (schedule));

  cohorts_schedule_set_timing (schedule, COHORTS_STEP_CONSULTATION, 12, 7);
  g_assert_false (cohorts_schedule_is_default (schedule));
  cohorts_schedule_set_timing (schedule, COHORTS_STEP_CONSULTATION, 12, 6);
  g_assert_true (cohorts_schedule_is_default (schedule));

  cohorts_schedule_set_timing (schedule, COHORTS_STEP_FUNDING_AGREEMENT, 3, 0);
  g_assert_false (cohorts_schedule_is_default (schedule));
  cohorts_schedule_set_timing (schedule, COHORTS_STEP_FUNDING_AGREEMENT, 2, 0);
  g_assert_true (cohorts_schedule_is_default (schedule));

  cohorts_schedule_set_church_lead_weeks (schedule, 0);
  g_assert_false (cohorts_schedule_is_default (schedule));
  cohorts_schedule_set_church_lead_weeks (schedule, 6);
  g_assert_true (cohorts_schedule_is_default (schedule));
}

/* A plan with a cohort converting on 1 September 2027. */
static CohortsPlan *
new_plan (CohortsCohort **cohort)
{
  CohortsPlan *plan = cohorts_plan_new ();

  *cohort = cohorts_plan_add_cohort (plan, "Cohort 1", D (2027, 9, 1));
  return plan;
}

/* Adds a school of @type and @character to @plan, into @cohort unless NULL. */
static CohortsSchool *
add_school (CohortsPlan               *plan,
            guint                      urn,
            CohortsEstablishmentType   type,
            CohortsReligiousCharacter  character,
            CohortsCohort             *cohort)
{
  g_autoptr(CohortsSchool) school = cohorts_school_new (urn, "Test School");

  g_object_set (school, "establishment-type", type, "religious-character", character, NULL);
  g_assert_true (cohorts_plan_add_school (plan, school, NULL));
  if (cohort != NULL)
    cohorts_plan_move_school (plan, school, cohort, G_MAXUINT);
  return school;
}

static void
test_applies (void)
{
  g_autoptr(CohortsPlan) plan = cohorts_plan_new ();
  static const struct {
    CohortsEstablishmentType type;
    CohortsReligiousCharacter character;
    gboolean church;
    gboolean lease;
  } cases[] = {
    { COHORTS_ESTABLISHMENT_COMMUNITY, COHORTS_RELIGIOUS_CHARACTER_NONE, FALSE, TRUE },
    { COHORTS_ESTABLISHMENT_COMMUNITY_SPECIAL, COHORTS_RELIGIOUS_CHARACTER_NONE, FALSE, TRUE },
    { COHORTS_ESTABLISHMENT_MAINTAINED_NURSERY, COHORTS_RELIGIOUS_CHARACTER_UNKNOWN, FALSE, TRUE },
    { COHORTS_ESTABLISHMENT_PUPIL_REFERRAL_UNIT, COHORTS_RELIGIOUS_CHARACTER_NONE, FALSE, TRUE },
    { COHORTS_ESTABLISHMENT_FOUNDATION, COHORTS_RELIGIOUS_CHARACTER_NONE, FALSE, FALSE },
    { COHORTS_ESTABLISHMENT_FOUNDATION, COHORTS_RELIGIOUS_CHARACTER_CHURCH_OF_ENGLAND, TRUE, FALSE },
    { COHORTS_ESTABLISHMENT_VOLUNTARY_CONTROLLED, COHORTS_RELIGIOUS_CHARACTER_CHURCH_OF_ENGLAND, TRUE, FALSE },
    { COHORTS_ESTABLISHMENT_VOLUNTARY_AIDED, COHORTS_RELIGIOUS_CHARACTER_ROMAN_CATHOLIC, TRUE, FALSE },
    { COHORTS_ESTABLISHMENT_VOLUNTARY_AIDED, COHORTS_RELIGIOUS_CHARACTER_METHODIST, TRUE, FALSE },
    /* Faith schools of other religions have no diocese. */
    { COHORTS_ESTABLISHMENT_VOLUNTARY_AIDED, COHORTS_RELIGIOUS_CHARACTER_JEWISH, FALSE, FALSE },
    { COHORTS_ESTABLISHMENT_UNKNOWN, COHORTS_RELIGIOUS_CHARACTER_UNKNOWN, FALSE, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      CohortsSchool *school = add_school (plan, 100001 + i, cases[i].type, cases[i].character, NULL);

      for (CohortsStep step = 0; step < COHORTS_N_STEPS; step++)
        {
          gboolean expected;

          if (step == COHORTS_STEP_DIOCESAN_CONSENT || step == COHORTS_STEP_SITE_TRUSTEES ||
              step == COHORTS_STEP_CHURCH_AGREEMENT)
            expected = cases[i].church;
          else if (step == COHORTS_STEP_LEASE)
            expected = cases[i].lease;
          else
            expected = TRUE;
          g_assert_cmpint (cohorts_step_applies (step, school), ==, expected);
        }
    }
}

static void
test_plan_community (void)
{
  CohortsCohort *cohort;
  g_autoptr(CohortsPlan) plan = new_plan (&cohort);
  CohortsSchool *school = add_school (plan, 100001, COHORTS_ESTABLISHMENT_COMMUNITY,
                                      COHORTS_RELIGIOUS_CHARACTER_NONE, cohort);
  CohortsMilestone m[COHORTS_N_STEPS];
  const CohortsMilestoneState S = COHORTS_MILESTONE_SCHEDULED;

  assert_date (cohorts_schedule_plan (cohorts_plan_get_schedule (plan), school, m), "2027-09-01");
  assert_milestone (&m[COHORTS_STEP_RESOLUTION], "", "2027-02-03", S);
  assert_milestone (&m[COHORTS_STEP_DIOCESAN_CONSENT], "", "", S);
  assert_milestone (&m[COHORTS_STEP_APPLICATION], "", "2027-03-03", S);
  assert_milestone (&m[COHORTS_STEP_ACADEMY_ORDER], "", "2027-04-14", S);
  assert_milestone (&m[COHORTS_STEP_CONSULTATION], "2027-04-28", "2027-06-09", S);
  assert_milestone (&m[COHORTS_STEP_LAND_QUESTIONNAIRE], "", "2027-07-07", S);
  assert_milestone (&m[COHORTS_STEP_LEASE], "", "2027-07-28", S);
  assert_milestone (&m[COHORTS_STEP_SITE_TRUSTEES], "", "", S);
  assert_milestone (&m[COHORTS_STEP_CHURCH_AGREEMENT], "", "", S);
  assert_milestone (&m[COHORTS_STEP_TUPE], "2027-06-23", "2027-08-04", S);
  assert_milestone (&m[COHORTS_STEP_PAYROLL_NOTICE], "", "2027-07-07", S);
  assert_milestone (&m[COHORTS_STEP_COMMERCIAL_TRANSFER], "", "2027-08-11", S);
  assert_milestone (&m[COHORTS_STEP_FUNDING_AGREEMENT], "", "2027-08-18", S);
  assert_milestone (&m[COHORTS_STEP_CONVERSION], "", "2027-09-01", S);
}

static void
test_plan_voluntary_aided (void)
{
  CohortsCohort *cohort;
  g_autoptr(CohortsPlan) plan = new_plan (&cohort);
  CohortsSchool *school = add_school (plan, 100001, COHORTS_ESTABLISHMENT_VOLUNTARY_AIDED,
                                      COHORTS_RELIGIOUS_CHARACTER_CHURCH_OF_ENGLAND, cohort);
  CohortsMilestone m[COHORTS_N_STEPS];
  const CohortsMilestoneState S = COHORTS_MILESTONE_SCHEDULED;

  /* Six weeks sooner up to the academy order, the same after it. */
  assert_date (cohorts_schedule_plan (cohorts_plan_get_schedule (plan), school, m), "2027-09-01");
  assert_milestone (&m[COHORTS_STEP_RESOLUTION], "", "2026-12-23", S);
  assert_milestone (&m[COHORTS_STEP_DIOCESAN_CONSENT], "", "2027-01-06", S);
  assert_milestone (&m[COHORTS_STEP_APPLICATION], "", "2027-01-20", S);
  assert_milestone (&m[COHORTS_STEP_ACADEMY_ORDER], "", "2027-03-03", S);
  assert_milestone (&m[COHORTS_STEP_CONSULTATION], "2027-04-28", "2027-06-09", S);
  assert_milestone (&m[COHORTS_STEP_LAND_QUESTIONNAIRE], "", "2027-07-07", S);
  assert_milestone (&m[COHORTS_STEP_LEASE], "", "", S);
  assert_milestone (&m[COHORTS_STEP_SITE_TRUSTEES], "", "2027-07-07", S);
  assert_milestone (&m[COHORTS_STEP_CHURCH_AGREEMENT], "", "2027-07-28", S);
  assert_milestone (&m[COHORTS_STEP_TUPE], "2027-06-23", "2027-08-04", S);
  assert_milestone (&m[COHORTS_STEP_PAYROLL_NOTICE], "", "2027-07-07", S);
  assert_milestone (&m[COHORTS_STEP_COMMERCIAL_TRANSFER], "", "2027-08-11", S);
  assert_milestone (&m[COHORTS_STEP_FUNDING_AGREEMENT], "", "2027-08-18", S);
  assert_milestone (&m[COHORTS_STEP_CONVERSION], "", "2027-09-01", S);

  /* The lead time follows the plan's schedule. */
  cohorts_plan_set_church_lead_weeks (plan, 0);
  cohorts_schedule_plan (cohorts_plan_get_schedule (plan), school, m);
  assert_milestone (&m[COHORTS_STEP_RESOLUTION], "", "2027-02-03", S);
  assert_milestone (&m[COHORTS_STEP_DIOCESAN_CONSENT], "", "2027-02-17", S);
  assert_milestone (&m[COHORTS_STEP_ACADEMY_ORDER], "", "2027-04-14", S);
  assert_milestone (&m[COHORTS_STEP_CONSULTATION], "2027-04-28", "2027-06-09", S);
}

static void
test_plan_foundation (void)
{
  CohortsCohort *cohort;
  g_autoptr(CohortsPlan) plan = new_plan (&cohort);
  CohortsSchool *school = add_school (plan, 100001, COHORTS_ESTABLISHMENT_FOUNDATION,
                                      COHORTS_RELIGIOUS_CHARACTER_NONE, cohort);
  CohortsMilestone m[COHORTS_N_STEPS];
  const CohortsMilestoneState S = COHORTS_MILESTONE_SCHEDULED;

  /* No lease (the school owns its land), no church steps, no lead time. */
  assert_date (cohorts_schedule_plan (cohorts_plan_get_schedule (plan), school, m), "2027-09-01");
  assert_milestone (&m[COHORTS_STEP_RESOLUTION], "", "2027-02-03", S);
  assert_milestone (&m[COHORTS_STEP_DIOCESAN_CONSENT], "", "", S);
  assert_milestone (&m[COHORTS_STEP_APPLICATION], "", "2027-03-03", S);
  assert_milestone (&m[COHORTS_STEP_ACADEMY_ORDER], "", "2027-04-14", S);
  assert_milestone (&m[COHORTS_STEP_CONSULTATION], "2027-04-28", "2027-06-09", S);
  assert_milestone (&m[COHORTS_STEP_LAND_QUESTIONNAIRE], "", "2027-07-07", S);
  assert_milestone (&m[COHORTS_STEP_LEASE], "", "", S);
  assert_milestone (&m[COHORTS_STEP_SITE_TRUSTEES], "", "", S);
  assert_milestone (&m[COHORTS_STEP_CHURCH_AGREEMENT], "", "", S);
  assert_milestone (&m[COHORTS_STEP_TUPE], "2027-06-23", "2027-08-04", S);
  assert_milestone (&m[COHORTS_STEP_FUNDING_AGREEMENT], "", "2027-08-18", S);
  assert_milestone (&m[COHORTS_STEP_CONVERSION], "", "2027-09-01", S);
}

static void
test_plan_lasting_steps (void)
{
  CohortsCohort *cohort;
  g_autoptr(CohortsPlan) plan = new_plan (&cohort);
  CohortsSchool *school = add_school (plan, 100001, COHORTS_ESTABLISHMENT_COMMUNITY,
                                      COHORTS_RELIGIOUS_CHARACTER_NONE, cohort);
  CohortsSchedule *schedule = cohorts_plan_get_schedule (plan);
  CohortsMilestone m[COHORTS_N_STEPS];

  /* A step that lasts starts its length before it ends; the others have no start. */
  cohorts_plan_set_step_timing (plan, COHORTS_STEP_CONSULTATION, 10, 8);
  cohorts_plan_set_step_timing (plan, COHORTS_STEP_TUPE, 4, 0);
  cohorts_schedule_plan (schedule, school, m);
  assert_milestone (&m[COHORTS_STEP_CONSULTATION], "2027-04-28", "2027-06-23", COHORTS_MILESTONE_SCHEDULED);
  assert_milestone (&m[COHORTS_STEP_TUPE], "2027-08-04", "2027-08-04", COHORTS_MILESTONE_SCHEDULED);

  for (CohortsStep step = 0; step < COHORTS_N_STEPS; step++)
    if (!cohorts_step_lasts (step))
      g_assert_cmpuint (m[step].start, ==, COHORTS_DATE_NONE);
}

static void
test_plan_own_dates (void)
{
  CohortsCohort *cohort;
  g_autoptr(CohortsPlan) plan = new_plan (&cohort);
  CohortsSchool *school = add_school (plan, 100001, COHORTS_ESTABLISHMENT_COMMUNITY,
                                      COHORTS_RELIGIOUS_CHARACTER_NONE, cohort);
  CohortsMilestone done = { COHORTS_DATE_NONE, D (2027, 3, 17), COHORTS_MILESTONE_DONE };
  CohortsMilestone planned = { D (2027, 5, 3), D (2027, 6, 11), COHORTS_MILESTONE_PLANNED };
  CohortsMilestone no_start = { COHORTS_DATE_NONE, D (2027, 7, 16), COHORTS_MILESTONE_PLANNED };
  CohortsMilestone m[COHORTS_N_STEPS];
  g_autoptr(GError) error = NULL;

  g_assert_true (cohorts_plan_set_milestone (plan, school, COHORTS_STEP_ACADEMY_ORDER, &done, &error));
  g_assert_true (cohorts_plan_set_milestone (plan, school, COHORTS_STEP_CONSULTATION, &planned, &error));
  g_assert_true (cohorts_plan_set_milestone (plan, school, COHORTS_STEP_TUPE, &no_start, &error));
  g_assert_no_error (error);

  assert_date (cohorts_schedule_plan (cohorts_plan_get_schedule (plan), school, m), "2027-09-01");
  /* Its own dates, as they are… */
  assert_milestone (&m[COHORTS_STEP_ACADEMY_ORDER], "", "2027-03-17", COHORTS_MILESTONE_DONE);
  assert_milestone (&m[COHORTS_STEP_CONSULTATION], "2027-05-03", "2027-06-11", COHORTS_MILESTONE_PLANNED);
  /* …a missing start the template's length (6 weeks) before the end… */
  assert_milestone (&m[COHORTS_STEP_TUPE], "2027-06-04", "2027-07-16", COHORTS_MILESTONE_PLANNED);
  /* …and the rest from the schedule. */
  assert_milestone (&m[COHORTS_STEP_APPLICATION], "", "2027-03-03", COHORTS_MILESTONE_SCHEDULED);
  assert_milestone (&m[COHORTS_STEP_FUNDING_AGREEMENT], "", "2027-08-18", COHORTS_MILESTONE_SCHEDULED);

  /* Own dates stay put when the cohort moves; scheduled ones follow it. */
  cohorts_plan_edit (plan, cohort, "date", D (2028, 4, 1), NULL);
  assert_date (cohorts_schedule_plan (cohorts_plan_get_schedule (plan), school, m), "2028-04-01");
  assert_milestone (&m[COHORTS_STEP_ACADEMY_ORDER], "", "2027-03-17", COHORTS_MILESTONE_DONE);
  assert_milestone (&m[COHORTS_STEP_CONSULTATION], "2027-05-03", "2027-06-11", COHORTS_MILESTONE_PLANNED);
  assert_milestone (&m[COHORTS_STEP_APPLICATION], "", "2027-10-02", COHORTS_MILESTONE_SCHEDULED);
  assert_milestone (&m[COHORTS_STEP_FUNDING_AGREEMENT], "", "2028-03-18", COHORTS_MILESTONE_SCHEDULED);
}

static void
test_plan_own_dates_not_applicable (void)
{
  CohortsCohort *cohort;
  g_autoptr(CohortsPlan) plan = new_plan (&cohort);
  CohortsSchool *school = add_school (plan, 100001, COHORTS_ESTABLISHMENT_VOLUNTARY_AIDED,
                                      COHORTS_RELIGIOUS_CHARACTER_CHURCH_OF_ENGLAND, cohort);
  CohortsMilestone lease = { COHORTS_DATE_NONE, D (2027, 7, 1), COHORTS_MILESTONE_PLANNED };
  CohortsMilestone m[COHORTS_N_STEPS], own;

  /* A school may hold a date for a step it does not go through (its type
   * changed since); the schedule leaves that step out. */
  g_assert_true (cohorts_plan_set_milestone (plan, school, COHORTS_STEP_LEASE, &lease, NULL));
  cohorts_schedule_plan (cohorts_plan_get_schedule (plan), school, m);
  assert_milestone (&m[COHORTS_STEP_LEASE], "", "", COHORTS_MILESTONE_SCHEDULED);
  cohorts_school_get_milestone (school, COHORTS_STEP_LEASE, &own);
  assert_milestone (&own, "", "2027-07-01", COHORTS_MILESTONE_PLANNED);
}

static void
test_plan_own_conversion (void)
{
  CohortsCohort *cohort;
  g_autoptr(CohortsPlan) plan = new_plan (&cohort);
  CohortsSchool *member = add_school (plan, 100001, COHORTS_ESTABLISHMENT_COMMUNITY,
                                      COHORTS_RELIGIOUS_CHARACTER_NONE, cohort);
  CohortsSchool *alone = add_school (plan, 100002, COHORTS_ESTABLISHMENT_COMMUNITY,
                                     COHORTS_RELIGIOUS_CHARACTER_NONE, NULL);
  CohortsMilestone conversion = { COHORTS_DATE_NONE, D (2028, 4, 1), COHORTS_MILESTONE_PLANNED };
  CohortsMilestone m[COHORTS_N_STEPS];
  const CohortsMilestoneState S = COHORTS_MILESTONE_SCHEDULED;

  /* Its own date wins over its cohort's… */
  g_assert_true (cohorts_plan_set_milestone (plan, member, COHORTS_STEP_CONVERSION, &conversion, NULL));
  assert_date (cohorts_schedule_plan (cohorts_plan_get_schedule (plan), member, m), "2028-04-01");
  assert_milestone (&m[COHORTS_STEP_RESOLUTION], "", "2027-09-04", S);
  assert_milestone (&m[COHORTS_STEP_APPLICATION], "", "2027-10-02", S);
  assert_milestone (&m[COHORTS_STEP_ACADEMY_ORDER], "", "2027-11-13", S);
  assert_milestone (&m[COHORTS_STEP_CONSULTATION], "2027-11-27", "2028-01-08", S);
  assert_milestone (&m[COHORTS_STEP_LAND_QUESTIONNAIRE], "", "2028-02-05", S);
  assert_milestone (&m[COHORTS_STEP_TUPE], "2028-01-22", "2028-03-04", S);
  assert_milestone (&m[COHORTS_STEP_PAYROLL_NOTICE], "", "2028-02-05", S);
  assert_milestone (&m[COHORTS_STEP_COMMERCIAL_TRANSFER], "", "2028-03-11", S);
  assert_milestone (&m[COHORTS_STEP_FUNDING_AGREEMENT], "", "2028-03-18", S);
  assert_milestone (&m[COHORTS_STEP_CONVERSION], "", "2028-04-01", COHORTS_MILESTONE_PLANNED);

  /* …and a school in no cohort converts on its own date. */
  g_assert_true (cohorts_plan_set_milestone (plan, alone, COHORTS_STEP_CONVERSION, &conversion, NULL));
  assert_date (cohorts_schedule_plan (cohorts_plan_get_schedule (plan), alone, m), "2028-04-01");
  assert_milestone (&m[COHORTS_STEP_FUNDING_AGREEMENT], "", "2028-03-18", S);
  assert_milestone (&m[COHORTS_STEP_CONVERSION], "", "2028-04-01", COHORTS_MILESTONE_PLANNED);

  /* Given back to the schedule, the member follows its cohort again. */
  conversion.state = COHORTS_MILESTONE_SCHEDULED;
  g_assert_true (cohorts_plan_set_milestone (plan, member, COHORTS_STEP_CONVERSION, &conversion, NULL));
  assert_date (cohorts_schedule_plan (cohorts_plan_get_schedule (plan), member, m), "2027-09-01");
  assert_milestone (&m[COHORTS_STEP_CONVERSION], "", "2027-09-01", S);
}

static void
test_plan_unassigned (void)
{
  CohortsCohort *cohort;
  g_autoptr(CohortsPlan) plan = new_plan (&cohort);
  CohortsSchool *school = add_school (plan, 100001, COHORTS_ESTABLISHMENT_COMMUNITY,
                                      COHORTS_RELIGIOUS_CHARACTER_NONE, NULL);
  CohortsSchool *undated = add_school (plan, 100002, COHORTS_ESTABLISHMENT_VOLUNTARY_AIDED,
                                       COHORTS_RELIGIOUS_CHARACTER_CHURCH_OF_ENGLAND,
                                       cohorts_plan_add_cohort (plan, "No date yet", COHORTS_DATE_NONE));
  CohortsMilestone done = { COHORTS_DATE_NONE, D (2026, 10, 12), COHORTS_MILESTONE_DONE };
  CohortsMilestone m[COHORTS_N_STEPS];

  /* No cohort, or a cohort without a date: nothing to plan from. Fill the
   * array with rubbish first: every entry is written. */
  memset (m, 0xa5, sizeof m);
  g_assert_cmpuint (cohorts_schedule_plan (cohorts_plan_get_schedule (plan), school, m), ==,
                    COHORTS_DATE_NONE);
  for (CohortsStep step = 0; step < COHORTS_N_STEPS; step++)
    assert_milestone (&m[step], "", "", COHORTS_MILESTONE_SCHEDULED);

  memset (m, 0xa5, sizeof m);
  g_assert_cmpuint (cohorts_schedule_plan (cohorts_plan_get_schedule (plan), undated, m), ==,
                    COHORTS_DATE_NONE);
  for (CohortsStep step = 0; step < COHORTS_N_STEPS; step++)
    assert_milestone (&m[step], "", "", COHORTS_MILESTONE_SCHEDULED);

  /* A date of its own is still its own. */
  g_assert_true (cohorts_plan_set_milestone (plan, school, COHORTS_STEP_RESOLUTION, &done, NULL));
  g_assert_cmpuint (cohorts_schedule_plan (cohorts_plan_get_schedule (plan), school, m), ==,
                    COHORTS_DATE_NONE);
  assert_milestone (&m[COHORTS_STEP_RESOLUTION], "", "2026-10-12", COHORTS_MILESTONE_DONE);
  assert_milestone (&m[COHORTS_STEP_APPLICATION], "", "", COHORTS_MILESTONE_SCHEDULED);
}

/* Plan commands */

typedef struct
{
  guint plan_changed;
  guint milestone_changed;
  CohortsStep last_step;
  guint schedule_changed;
} Signals;

static void
plan_changed_cb (CohortsPlan *plan,
                 Signals     *s)
{
  s->plan_changed++;
}

static void
milestone_changed_cb (CohortsSchool *school,
                      CohortsStep    step,
                      Signals       *s)
{
  s->milestone_changed++;
  s->last_step = step;
}

static void
schedule_changed_cb (CohortsSchedule *schedule,
                     Signals         *s)
{
  s->schedule_changed++;
}

static void
watch (CohortsPlan   *plan,
       CohortsSchool *school,
       Signals       *s)
{
  *s = (Signals) { 0, 0, COHORTS_N_STEPS, 0 };
  g_signal_connect (plan, "changed", G_CALLBACK (plan_changed_cb), s);
  if (school != NULL)
    g_signal_connect (school, "milestone-changed", G_CALLBACK (milestone_changed_cb), s);
  g_signal_connect (cohorts_plan_get_schedule (plan), "changed", G_CALLBACK (schedule_changed_cb), s);
}

static void
assert_own (CohortsSchool         *school,
            CohortsStep            step,
            const char            *start,
            const char            *date,
            CohortsMilestoneState  state)
{
  CohortsMilestone own;

  cohorts_school_get_milestone (school, step, &own);
  assert_milestone (&own, start, date, state);
}

static void
test_set_milestone_done (void)
{
  CohortsCohort *cohort;
  g_autoptr(CohortsPlan) plan = new_plan (&cohort);
  CohortsSchool *school = add_school (plan, 100001, COHORTS_ESTABLISHMENT_COMMUNITY,
                                      COHORTS_RELIGIOUS_CHARACTER_NONE, cohort);
  CohortsHistory *history = cohorts_plan_get_history (plan);
  CohortsMilestone done = { COHORTS_DATE_NONE, D (2027, 4, 20), COHORTS_MILESTONE_DONE };
  CohortsMilestone m[COHORTS_N_STEPS];
  g_autoptr(GError) error = NULL;
  Signals s;

  cohorts_history_clear (history);
  watch (plan, school, &s);

  g_assert_true (cohorts_plan_set_milestone (plan, school, COHORTS_STEP_ACADEMY_ORDER, &done, &error));
  g_assert_no_error (error);
  assert_own (school, COHORTS_STEP_ACADEMY_ORDER, "", "2027-04-20", COHORTS_MILESTONE_DONE);
  cohorts_schedule_plan (cohorts_plan_get_schedule (plan), school, m);
  assert_milestone (&m[COHORTS_STEP_ACADEMY_ORDER], "", "2027-04-20", COHORTS_MILESTONE_DONE);
  g_assert_cmpstr (cohorts_history_get_undo_label (history), ==, "Mark Academy order Done");
  g_assert_true (cohorts_plan_is_modified (plan));
  g_assert_cmpuint (s.plan_changed, ==, 1);
  g_assert_cmpuint (s.milestone_changed, ==, 1);
  g_assert_cmpint (s.last_step, ==, COHORTS_STEP_ACADEMY_ORDER);
  g_assert_cmpuint (s.schedule_changed, ==, 0);

  g_assert_true (cohorts_history_undo (history));
  assert_own (school, COHORTS_STEP_ACADEMY_ORDER, "", "", COHORTS_MILESTONE_SCHEDULED);
  cohorts_schedule_plan (cohorts_plan_get_schedule (plan), school, m);
  assert_milestone (&m[COHORTS_STEP_ACADEMY_ORDER], "", "2027-04-14", COHORTS_MILESTONE_SCHEDULED);
  g_assert_false (cohorts_plan_is_modified (plan));
  g_assert_cmpstr (cohorts_history_get_redo_label (history), ==, "Mark Academy order Done");
  g_assert_cmpuint (s.plan_changed, ==, 2);
  g_assert_cmpuint (s.milestone_changed, ==, 2);

  g_assert_true (cohorts_history_redo (history));
  assert_own (school, COHORTS_STEP_ACADEMY_ORDER, "", "2027-04-20", COHORTS_MILESTONE_DONE);
  g_assert_cmpuint (s.plan_changed, ==, 3);
  g_assert_cmpuint (s.milestone_changed, ==, 3);
  g_assert_cmpint (s.last_step, ==, COHORTS_STEP_ACADEMY_ORDER);
}

static void
test_set_milestone_planned (void)
{
  CohortsCohort *cohort;
  g_autoptr(CohortsPlan) plan = new_plan (&cohort);
  CohortsSchool *school = add_school (plan, 100001, COHORTS_ESTABLISHMENT_COMMUNITY,
                                      COHORTS_RELIGIOUS_CHARACTER_NONE, cohort);
  CohortsHistory *history = cohorts_plan_get_history (plan);
  CohortsMilestone planned = { D (2027, 5, 3), D (2027, 6, 14), COHORTS_MILESTONE_PLANNED };
  CohortsMilestone moved = { D (2027, 5, 10), D (2027, 6, 21), COHORTS_MILESTONE_PLANNED };
  CohortsMilestone done = moved;
  Signals s;

  watch (plan, school, &s);

  g_assert_true (cohorts_plan_set_milestone (plan, school, COHORTS_STEP_CONSULTATION, &planned, NULL));
  assert_own (school, COHORTS_STEP_CONSULTATION, "2027-05-03", "2027-06-14", COHORTS_MILESTONE_PLANNED);
  g_assert_cmpstr (cohorts_history_get_undo_label (history), ==, "Set Date of Statutory consultation");

  g_assert_true (cohorts_plan_set_milestone (plan, school, COHORTS_STEP_CONSULTATION, &moved, NULL));
  assert_own (school, COHORTS_STEP_CONSULTATION, "2027-05-10", "2027-06-21", COHORTS_MILESTONE_PLANNED);
  g_assert_cmpstr (cohorts_history_get_undo_label (history), ==, "Set Date of Statutory consultation");

  /* The same dates, done. */
  done.state = COHORTS_MILESTONE_DONE;
  g_assert_true (cohorts_plan_set_milestone (plan, school, COHORTS_STEP_CONSULTATION, &done, NULL));
  assert_own (school, COHORTS_STEP_CONSULTATION, "2027-05-10", "2027-06-21", COHORTS_MILESTONE_DONE);
  g_assert_cmpstr (cohorts_history_get_undo_label (history), ==, "Mark Statutory consultation Done");
  g_assert_cmpuint (s.plan_changed, ==, 3);
  g_assert_cmpuint (s.milestone_changed, ==, 3);

  /* Undone one at a time. */
  g_assert_true (cohorts_history_undo (history));
  assert_own (school, COHORTS_STEP_CONSULTATION, "2027-05-10", "2027-06-21", COHORTS_MILESTONE_PLANNED);
  g_assert_true (cohorts_history_undo (history));
  assert_own (school, COHORTS_STEP_CONSULTATION, "2027-05-03", "2027-06-14", COHORTS_MILESTONE_PLANNED);
  g_assert_true (cohorts_history_redo (history));
  assert_own (school, COHORTS_STEP_CONSULTATION, "2027-05-10", "2027-06-21", COHORTS_MILESTONE_PLANNED);
  g_assert_cmpuint (s.plan_changed, ==, 6);
  g_assert_cmpuint (s.milestone_changed, ==, 6);
}

static void
test_set_milestone_reschedule (void)
{
  CohortsCohort *cohort;
  g_autoptr(CohortsPlan) plan = new_plan (&cohort);
  CohortsSchool *school = add_school (plan, 100001, COHORTS_ESTABLISHMENT_COMMUNITY,
                                      COHORTS_RELIGIOUS_CHARACTER_NONE, cohort);
  CohortsHistory *history = cohorts_plan_get_history (plan);
  CohortsMilestone planned = { COHORTS_DATE_NONE, D (2027, 4, 1), COHORTS_MILESTONE_PLANNED };
  /* Dates that come with "scheduled" mean nothing. */
  CohortsMilestone scheduled = { D (2027, 1, 1), D (2027, 2, 1), COHORTS_MILESTONE_SCHEDULED };
  Signals s;

  g_assert_true (cohorts_plan_set_milestone (plan, school, COHORTS_STEP_ACADEMY_ORDER, &planned, NULL));
  watch (plan, school, &s);

  g_assert_true (cohorts_plan_set_milestone (plan, school, COHORTS_STEP_ACADEMY_ORDER, &scheduled, NULL));
  assert_own (school, COHORTS_STEP_ACADEMY_ORDER, "", "", COHORTS_MILESTONE_SCHEDULED);
  g_assert_cmpstr (cohorts_history_get_undo_label (history), ==, "Reschedule Academy order");
  g_assert_cmpuint (s.plan_changed, ==, 1);
  g_assert_cmpuint (s.milestone_changed, ==, 1);

  g_assert_true (cohorts_history_undo (history));
  assert_own (school, COHORTS_STEP_ACADEMY_ORDER, "", "2027-04-01", COHORTS_MILESTONE_PLANNED);
  g_assert_true (cohorts_history_redo (history));
  assert_own (school, COHORTS_STEP_ACADEMY_ORDER, "", "", COHORTS_MILESTONE_SCHEDULED);
}

static void
test_set_milestone_point_in_time (void)
{
  CohortsCohort *cohort;
  g_autoptr(CohortsPlan) plan = new_plan (&cohort);
  CohortsSchool *school = add_school (plan, 100001, COHORTS_ESTABLISHMENT_COMMUNITY,
                                      COHORTS_RELIGIOUS_CHARACTER_NONE, cohort);
  CohortsMilestone with_start = { D (2027, 3, 1), D (2027, 4, 1), COHORTS_MILESTONE_PLANNED };
  CohortsMilestone after_end = { D (2027, 5, 1), D (2027, 4, 1), COHORTS_MILESTONE_PLANNED };
  g_autoptr(GError) error = NULL;

  /* A step that does not last has no start: one given is dropped, even a
   * start after the date. */
  g_assert_true (cohorts_plan_set_milestone (plan, school, COHORTS_STEP_ACADEMY_ORDER, &with_start, &error));
  g_assert_no_error (error);
  assert_own (school, COHORTS_STEP_ACADEMY_ORDER, "", "2027-04-01", COHORTS_MILESTONE_PLANNED);
  g_assert_true (cohorts_plan_set_milestone (plan, school, COHORTS_STEP_FUNDING_AGREEMENT, &after_end,
                                             &error));
  g_assert_no_error (error);
  assert_own (school, COHORTS_STEP_FUNDING_AGREEMENT, "", "2027-04-01", COHORTS_MILESTONE_PLANNED);
}

static void
test_set_milestone_errors (void)
{
  CohortsCohort *cohort;
  g_autoptr(CohortsPlan) plan = new_plan (&cohort);
  CohortsSchool *school = add_school (plan, 100001, COHORTS_ESTABLISHMENT_COMMUNITY,
                                      COHORTS_RELIGIOUS_CHARACTER_NONE, cohort);
  CohortsHistory *history = cohorts_plan_get_history (plan);
  const CohortsDate before_1900 = D (1900, 1, 1) - 1;
  const CohortsDate after_2200 = D (2200, 12, 31) + 1;
  const CohortsDate day = D (2027, 1, 19);
  const struct {
    CohortsStep step;
    CohortsMilestone milestone;
    const char *message;
  } cases[] = {
    { COHORTS_STEP_ACADEMY_ORDER, { 0, 0, COHORTS_MILESTONE_PLANNED },
      "Academy order needs a date between 1900 and 2200" },
    { COHORTS_STEP_RESOLUTION, { 0, 0, COHORTS_MILESTONE_DONE },
      "Governing body resolution needs a date between 1900 and 2200" },
    { COHORTS_STEP_ACADEMY_ORDER, { 0, before_1900, COHORTS_MILESTONE_DONE },
      "Academy order needs a date between 1900 and 2200" },
    { COHORTS_STEP_CONVERSION, { 0, after_2200, COHORTS_MILESTONE_PLANNED },
      "Conversion needs a date between 1900 and 2200" },
    /* A start the plan cannot hold. */
    { COHORTS_STEP_TUPE, { before_1900, day, COHORTS_MILESTONE_PLANNED },
      "TUPE consultation needs a date between 1900 and 2200" },
    /* A start after the end, by a day. */
    { COHORTS_STEP_CONSULTATION, { day + 1, day, COHORTS_MILESTONE_PLANNED },
      "Statutory consultation cannot end before it starts" },
    { COHORTS_STEP_TUPE, { day + 100, day, COHORTS_MILESTONE_DONE },
      "TUPE consultation cannot end before it starts" },
  };
  Signals s;

  assert_date (before_1900, "1899-12-31");
  assert_date (after_2200, "2201-01-01");

  cohorts_history_clear (history);
  watch (plan, school, &s);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (cohorts_plan_set_milestone (plan, school, cases[i].step, &cases[i].milestone, &error));
      g_assert_error (error, COHORTS_PLAN_ERROR, COHORTS_PLAN_ERROR_INVALID);
      g_assert_cmpstr (error->message, ==, cases[i].message);
      assert_own (school, cases[i].step, "", "", COHORTS_MILESTONE_SCHEDULED);

      /* Without a GError too. */
      g_assert_false (cohorts_plan_set_milestone (plan, school, cases[i].step, &cases[i].milestone, NULL));
    }

  g_assert_false (cohorts_history_can_undo (history));
  g_assert_false (cohorts_plan_is_modified (plan));
  g_assert_cmpuint (s.plan_changed, ==, 0);
  g_assert_cmpuint (s.milestone_changed, ==, 0);

  /* A consultation of no length at all is a consultation that starts and ends the same day. */
  {
    CohortsMilestone same_day = { day, day, COHORTS_MILESTONE_PLANNED };

    g_assert_true (cohorts_plan_set_milestone (plan, school, COHORTS_STEP_CONSULTATION, &same_day, NULL));
    g_assert_true (cohorts_history_can_undo (history));
  }
}

static void
test_set_milestone_refused (void)
{
  CohortsCohort *cohort;
  g_autoptr(CohortsPlan) plan = new_plan (&cohort);
  CohortsSchool *school = add_school (plan, 100001, COHORTS_ESTABLISHMENT_COMMUNITY,
                                      COHORTS_RELIGIOUS_CHARACTER_NONE, cohort);
  g_autoptr(CohortsSchool) stranger = cohorts_school_new (100002, "Not in the plan");
  CohortsMilestone bad_state = { COHORTS_DATE_NONE, D (2027, 4, 1), COHORTS_MILESTONE_DONE + 1 };
  CohortsMilestone planned = { COHORTS_DATE_NONE, D (2027, 4, 1), COHORTS_MILESTONE_PLANNED };

  /* Programming errors, not a person's: criticals, and nothing recorded. */
  cohorts_history_clear (cohorts_plan_get_history (plan));
  g_test_expect_message ("cohorts-plan", G_LOG_LEVEL_CRITICAL, "*milestone != NULL*");
  g_assert_false (cohorts_plan_set_milestone (plan, school, COHORTS_STEP_ACADEMY_ORDER, NULL, NULL));
  g_test_expect_message ("cohorts-plan", G_LOG_LEVEL_CRITICAL, "*COHORTS_MILESTONE_DONE*");
  g_assert_false (cohorts_plan_set_milestone (plan, school, COHORTS_STEP_ACADEMY_ORDER, &bad_state, NULL));
  g_test_expect_message ("cohorts-plan", G_LOG_LEVEL_CRITICAL, "*belongs_to_plan*");
  g_assert_false (cohorts_plan_set_milestone (plan, stranger, COHORTS_STEP_ACADEMY_ORDER, &planned, NULL));
  g_test_expect_message ("cohorts-plan", G_LOG_LEVEL_CRITICAL, "*COHORTS_N_STEPS*");
  g_assert_false (cohorts_plan_set_milestone (plan, school, COHORTS_N_STEPS, &planned, NULL));
  g_test_assert_expected_messages ();

  g_assert_false (cohorts_history_can_undo (cohorts_plan_get_history (plan)));
  assert_own (school, COHORTS_STEP_ACADEMY_ORDER, "", "", COHORTS_MILESTONE_SCHEDULED);
}

static void
test_set_milestone_no_op (void)
{
  CohortsCohort *cohort;
  g_autoptr(CohortsPlan) plan = new_plan (&cohort);
  CohortsSchool *school = add_school (plan, 100001, COHORTS_ESTABLISHMENT_COMMUNITY,
                                      COHORTS_RELIGIOUS_CHARACTER_NONE, cohort);
  CohortsHistory *history = cohorts_plan_get_history (plan);
  CohortsMilestone scheduled = { D (2027, 1, 1), D (2027, 2, 1), COHORTS_MILESTONE_SCHEDULED };
  CohortsMilestone planned = { D (2027, 3, 1), D (2027, 4, 1), COHORTS_MILESTONE_PLANNED };
  Signals s;

  cohorts_history_clear (history);
  watch (plan, school, &s);

  /* Scheduled already. */
  g_assert_true (cohorts_plan_set_milestone (plan, school, COHORTS_STEP_ACADEMY_ORDER, &scheduled, NULL));
  g_assert_false (cohorts_history_can_undo (history));
  g_assert_cmpuint (s.plan_changed, ==, 0);
  g_assert_cmpuint (s.milestone_changed, ==, 0);

  /* The same date twice: one step. A start given to a step that has none
   * makes no difference either. */
  g_assert_true (cohorts_plan_set_milestone (plan, school, COHORTS_STEP_ACADEMY_ORDER, &planned, NULL));
  planned.start = COHORTS_DATE_NONE;
  g_assert_true (cohorts_plan_set_milestone (plan, school, COHORTS_STEP_ACADEMY_ORDER, &planned, NULL));
  g_assert_cmpuint (s.plan_changed, ==, 1);
  g_assert_cmpuint (s.milestone_changed, ==, 1);
  g_assert_true (cohorts_history_undo (history));
  g_assert_false (cohorts_history_can_undo (history));
}

static void
test_set_step_timing (void)
{
  CohortsCohort *cohort;
  g_autoptr(CohortsPlan) plan = new_plan (&cohort);
  CohortsSchool *school = add_school (plan, 100001, COHORTS_ESTABLISHMENT_COMMUNITY,
                                      COHORTS_RELIGIOUS_CHARACTER_NONE, cohort);
  CohortsSchedule *schedule = cohorts_plan_get_schedule (plan);
  CohortsHistory *history = cohorts_plan_get_history (plan);
  CohortsMilestone m[COHORTS_N_STEPS];
  Signals s;

  cohorts_history_clear (history);
  watch (plan, school, &s);

  cohorts_plan_set_step_timing (plan, COHORTS_STEP_TUPE, 6, 5);
  g_assert_cmpint (cohorts_schedule_get_weeks_before (schedule, COHORTS_STEP_TUPE), ==, 6);
  g_assert_cmpint (cohorts_schedule_get_weeks (schedule, COHORTS_STEP_TUPE), ==, 5);
  g_assert_false (cohorts_schedule_is_default (schedule));
  g_assert_cmpstr (cohorts_history_get_undo_label (history), ==, "Change Timing of TUPE consultation");
  g_assert_true (cohorts_plan_is_modified (plan));
  g_assert_cmpuint (s.plan_changed, ==, 1);
  g_assert_cmpuint (s.schedule_changed, ==, 1);
  /* Every school's dates follow; none of its own changed. */
  g_assert_cmpuint (s.milestone_changed, ==, 0);
  cohorts_schedule_plan (schedule, school, m);
  assert_milestone (&m[COHORTS_STEP_TUPE], "2027-06-16", "2027-07-21", COHORTS_MILESTONE_SCHEDULED);

  g_assert_true (cohorts_history_undo (history));
  g_assert_cmpint (cohorts_schedule_get_weeks_before (schedule, COHORTS_STEP_TUPE), ==, 4);
  g_assert_cmpint (cohorts_schedule_get_weeks (schedule, COHORTS_STEP_TUPE), ==, 6);
  g_assert_true (cohorts_schedule_is_default (schedule));
  g_assert_false (cohorts_plan_is_modified (plan));
  g_assert_cmpuint (s.plan_changed, ==, 2);
  g_assert_cmpuint (s.schedule_changed, ==, 2);
  cohorts_schedule_plan (schedule, school, m);
  assert_milestone (&m[COHORTS_STEP_TUPE], "2027-06-23", "2027-08-04", COHORTS_MILESTONE_SCHEDULED);

  g_assert_true (cohorts_history_redo (history));
  g_assert_cmpint (cohorts_schedule_get_weeks_before (schedule, COHORTS_STEP_TUPE), ==, 6);
  g_assert_cmpint (cohorts_schedule_get_weeks (schedule, COHORTS_STEP_TUPE), ==, 5);
  g_assert_cmpuint (s.plan_changed, ==, 3);
  g_assert_cmpuint (s.schedule_changed, ==, 3);

  /* A step that does not last. */
  cohorts_plan_set_step_timing (plan, COHORTS_STEP_ACADEMY_ORDER, 24, 0);
  g_assert_cmpint (cohorts_schedule_get_weeks_before (schedule, COHORTS_STEP_ACADEMY_ORDER), ==, 24);
  g_assert_cmpstr (cohorts_history_get_undo_label (history), ==, "Change Timing of Academy order");
  cohorts_schedule_plan (schedule, school, m);
  assert_milestone (&m[COHORTS_STEP_ACADEMY_ORDER], "", "2027-03-17", COHORTS_MILESTONE_SCHEDULED);
}

static void
test_set_step_timing_no_op (void)
{
  CohortsCohort *cohort;
  g_autoptr(CohortsPlan) plan = new_plan (&cohort);
  CohortsHistory *history = cohorts_plan_get_history (plan);
  Signals s;

  cohorts_history_clear (history);
  watch (plan, NULL, &s);

  cohorts_plan_set_step_timing (plan, COHORTS_STEP_TUPE, 4, 6);
  cohorts_plan_set_step_timing (plan, COHORTS_STEP_CONVERSION, 0, 0);
  cohorts_plan_set_church_lead_weeks (plan, 6);
  g_assert_false (cohorts_history_can_undo (history));
  g_assert_false (cohorts_plan_is_modified (plan));
  g_assert_cmpuint (s.plan_changed, ==, 0);
  g_assert_cmpuint (s.schedule_changed, ==, 0);
}

static void
test_set_step_timing_refused (void)
{
  CohortsCohort *cohort;
  g_autoptr(CohortsPlan) plan = new_plan (&cohort);
  CohortsHistory *history = cohorts_plan_get_history (plan);
  Signals s;

  cohorts_history_clear (history);
  watch (plan, NULL, &s);

  /* What the schedule refuses, the plan refuses before it records a step. */
  g_test_expect_message ("cohorts-plan", G_LOG_LEVEL_CRITICAL, "*weeks_before*");
  cohorts_plan_set_step_timing (plan, COHORTS_STEP_TUPE, 105, 6);
  g_test_expect_message ("cohorts-plan", G_LOG_LEVEL_CRITICAL, "*weeks*");
  cohorts_plan_set_step_timing (plan, COHORTS_STEP_TUPE, 4, -1);
  g_test_expect_message ("cohorts-plan", G_LOG_LEVEL_CRITICAL, "*cohorts_step_lasts*");
  cohorts_plan_set_step_timing (plan, COHORTS_STEP_FUNDING_AGREEMENT, 2, 1);
  g_test_expect_message ("cohorts-plan", G_LOG_LEVEL_CRITICAL, "*COHORTS_STEP_CONVERSION*");
  cohorts_plan_set_step_timing (plan, COHORTS_STEP_CONVERSION, 2, 0);
  g_test_expect_message ("cohorts-plan", G_LOG_LEVEL_CRITICAL, "*weeks*");
  cohorts_plan_set_church_lead_weeks (plan, 53);
  g_test_assert_expected_messages ();

  g_assert_false (cohorts_history_can_undo (history));
  g_assert_true (cohorts_schedule_is_default (cohorts_plan_get_schedule (plan)));
  g_assert_cmpuint (s.plan_changed, ==, 0);
  g_assert_cmpuint (s.schedule_changed, ==, 0);
}

static void
test_set_church_lead_weeks (void)
{
  CohortsCohort *cohort;
  g_autoptr(CohortsPlan) plan = new_plan (&cohort);
  CohortsSchool *school = add_school (plan, 100001, COHORTS_ESTABLISHMENT_VOLUNTARY_CONTROLLED,
                                      COHORTS_RELIGIOUS_CHARACTER_CHURCH_OF_ENGLAND, cohort);
  CohortsSchedule *schedule = cohorts_plan_get_schedule (plan);
  CohortsHistory *history = cohorts_plan_get_history (plan);
  CohortsMilestone m[COHORTS_N_STEPS];
  Signals s;

  cohorts_history_clear (history);
  watch (plan, school, &s);

  cohorts_plan_set_church_lead_weeks (plan, 10);
  g_assert_cmpint (cohorts_schedule_get_church_lead_weeks (schedule), ==, 10);
  g_assert_cmpstr (cohorts_history_get_undo_label (history), ==, "Change Church Lead Time");
  g_assert_cmpuint (s.plan_changed, ==, 1);
  g_assert_cmpuint (s.schedule_changed, ==, 1);
  g_assert_cmpuint (s.milestone_changed, ==, 0);
  cohorts_schedule_plan (schedule, school, m);
  /* 30 + 10 weeks before 1 September 2027. */
  assert_milestone (&m[COHORTS_STEP_RESOLUTION], "", "2026-11-25", COHORTS_MILESTONE_SCHEDULED);
  assert_milestone (&m[COHORTS_STEP_FUNDING_AGREEMENT], "", "2027-08-18", COHORTS_MILESTONE_SCHEDULED);

  /* The other timings are left alone. */
  for (CohortsStep step = 0; step < COHORTS_N_STEPS; step++)
    {
      g_assert_cmpint (cohorts_schedule_get_weeks_before (schedule, step), ==,
                       cohorts_schedule_default_weeks_before (step));
      g_assert_cmpint (cohorts_schedule_get_weeks (schedule, step), ==,
                       cohorts_schedule_default_weeks (step));
    }

  g_assert_true (cohorts_history_undo (history));
  g_assert_cmpint (cohorts_schedule_get_church_lead_weeks (schedule), ==, 6);
  g_assert_true (cohorts_schedule_is_default (schedule));
  g_assert_cmpuint (s.plan_changed, ==, 2);
  g_assert_cmpuint (s.schedule_changed, ==, 2);
  cohorts_schedule_plan (schedule, school, m);
  assert_milestone (&m[COHORTS_STEP_RESOLUTION], "", "2026-12-23", COHORTS_MILESTONE_SCHEDULED);

  g_assert_true (cohorts_history_redo (history));
  g_assert_cmpint (cohorts_schedule_get_church_lead_weeks (schedule), ==, 10);
  g_assert_cmpuint (s.plan_changed, ==, 3);
  g_assert_cmpuint (s.schedule_changed, ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/calendar/easter", test_easter);
  g_test_add_func ("/calendar/academic-year/boundaries", test_academic_year);
  g_test_add_func ("/calendar/academic-year/label", test_academic_year_label);
  g_test_add_func ("/calendar/term/boundaries", test_term);
  g_test_add_func ("/calendar/term/start", test_term_start);
  g_test_add_func ("/calendar/term/names", test_term_names);
  g_test_add_func ("/calendar/financial-year", test_financial_year);

  g_test_add_func ("/schedule/defaults", test_defaults);
  g_test_add_func ("/schedule/set-timing/changed", test_set_timing);
  g_test_add_func ("/schedule/set-timing/refused", test_set_timing_refused);
  g_test_add_func ("/schedule/is-default", test_is_default);
  g_test_add_func ("/schedule/applies", test_applies);
  g_test_add_func ("/schedule/plan/community", test_plan_community);
  g_test_add_func ("/schedule/plan/voluntary-aided-church", test_plan_voluntary_aided);
  g_test_add_func ("/schedule/plan/foundation", test_plan_foundation);
  g_test_add_func ("/schedule/plan/lasting-steps", test_plan_lasting_steps);
  g_test_add_func ("/schedule/plan/own-dates", test_plan_own_dates);
  g_test_add_func ("/schedule/plan/own-dates-not-applicable", test_plan_own_dates_not_applicable);
  g_test_add_func ("/schedule/plan/own-conversion", test_plan_own_conversion);
  g_test_add_func ("/schedule/plan/unassigned", test_plan_unassigned);

  g_test_add_func ("/plan/set-milestone/done", test_set_milestone_done);
  g_test_add_func ("/plan/set-milestone/planned", test_set_milestone_planned);
  g_test_add_func ("/plan/set-milestone/reschedule", test_set_milestone_reschedule);
  g_test_add_func ("/plan/set-milestone/point-in-time", test_set_milestone_point_in_time);
  g_test_add_func ("/plan/set-milestone/errors", test_set_milestone_errors);
  g_test_add_func ("/plan/set-milestone/refused", test_set_milestone_refused);
  g_test_add_func ("/plan/set-milestone/no-op", test_set_milestone_no_op);
  g_test_add_func ("/plan/set-step-timing/changes", test_set_step_timing);
  g_test_add_func ("/plan/set-step-timing/no-op", test_set_step_timing_no_op);
  g_test_add_func ("/plan/set-step-timing/refused", test_set_step_timing_refused);
  g_test_add_func ("/plan/set-church-lead-weeks", test_set_church_lead_weeks);

  return g_test_run ();
}
