/* test-timeline.c: the timeline's rows, layout and drawing
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The plan below, with the default schedule, on a view where a day is one
 * unit wide and time starts on 1 September 2026 at x = 200. Expected
 * positions were worked out by hand: 1 September 2027 is 365 days after the
 * origin (x = 565), 1 April 2028 578 days (x = 778), 1 January 2027 122 days
 * (x = 322). A community school's first step, the governing body's
 * resolution, is 30 weeks (210 days) before its conversion: x = 355; a
 * church school's 36 weeks (252 days): x = 313.
 *
 *   row 0  First (1 September 2027)
 *   row 1    100001 community school, Good
 *   row 2    100002 voluntary-aided Church of England school
 *   row 3    100003 community school, Requires improvement (needs support)
 *   row 4  Second (1 April 2028)
 *   row 5    100004 foundation school
 *   row 6    100005 community school
 *   row 7  Not in a cohort
 *   row 8    100006
 */
#define G_LOG_DOMAIN "test-timeline"

#include "config.h"

#include <math.h>

#include <string.h>

#include "cohorts-calendar.h"
#include "cohorts-cohort.h"
#include "cohorts-timeline-render.h"

typedef struct
{
  CohortsPlan *plan;
  CohortsTimelineRows *rows;
  CohortsCohort *first;
  CohortsCohort *second;
  CohortsTimelineView view;
} Fixture;

static CohortsSchool *
add_school (CohortsPlan                *plan,
            guint                       urn,
            CohortsEstablishmentType    type,
            CohortsReligiousCharacter   character,
            CohortsOfstedGrade          grade,
            CohortsCohort              *cohort)
{
  g_autofree char *name = g_strdup_printf ("School %u", urn);
  g_autoptr(CohortsSchool) school = cohorts_school_new (urn, name);

  g_object_set (school,
                "establishment-type", type,
                "religious-character", character,
                "ofsted-grade", grade,
                NULL);
  g_assert_true (cohorts_plan_add_school (plan, school, NULL));
  if (cohort != NULL)
    cohorts_plan_move_school (plan, school, cohort, G_MAXUINT);
  return school;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->plan = cohorts_plan_new ();
  f->first = cohorts_plan_add_cohort (f->plan, "First", cohorts_date_new (2027, 9, 1));
  f->second = cohorts_plan_add_cohort (f->plan, "Second", cohorts_date_new (2028, 4, 1));

  add_school (f->plan, 100001, COHORTS_ESTABLISHMENT_COMMUNITY, COHORTS_RELIGIOUS_CHARACTER_NONE,
              COHORTS_OFSTED_GRADE_GOOD, f->first);
  add_school (f->plan, 100002, COHORTS_ESTABLISHMENT_VOLUNTARY_AIDED, COHORTS_RELIGIOUS_CHARACTER_CHURCH_OF_ENGLAND,
              COHORTS_OFSTED_GRADE_GOOD, f->first);
  add_school (f->plan, 100003, COHORTS_ESTABLISHMENT_COMMUNITY, COHORTS_RELIGIOUS_CHARACTER_NONE,
              COHORTS_OFSTED_GRADE_REQUIRES_IMPROVEMENT, f->first);
  add_school (f->plan, 100004, COHORTS_ESTABLISHMENT_FOUNDATION, COHORTS_RELIGIOUS_CHARACTER_NONE,
              COHORTS_OFSTED_GRADE_GOOD, f->second);
  add_school (f->plan, 100005, COHORTS_ESTABLISHMENT_COMMUNITY, COHORTS_RELIGIOUS_CHARACTER_NONE,
              COHORTS_OFSTED_GRADE_GOOD, f->second);
  add_school (f->plan, 100006, COHORTS_ESTABLISHMENT_COMMUNITY, COHORTS_RELIGIOUS_CHARACTER_NONE,
              COHORTS_OFSTED_GRADE_GOOD, NULL);

  f->rows = cohorts_timeline_rows_new (f->plan);
  f->view = (CohortsTimelineView) {
    .width = 1000, .height = 400,
    .label_width = 200, .axis_height = 60, .strip_height = 0, .row_height = 20,
    .origin = cohorts_date_new (2026, 9, 1), .day_width = 1.0,
    .scroll_x = 0, .scroll_y = 0,
    .today = cohorts_date_new (2027, 1, 1),
  };
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_object_unref (f->rows);
  g_object_unref (f->plan);
}

static CohortsSchool *
school (Fixture *f,
        guint    urn)
{
  return cohorts_plan_find_school (f->plan, urn);
}

/* Answers every criterion of @school with @state, then @criterion with
 * @other (a criterion past the last: none). */
static void
answer_all (Fixture            *f,
            guint               urn,
            CohortsAnswerState  state,
            CohortsCriterion    criterion,
            CohortsAnswerState  other)
{
  cohorts_plan_begin_edit (f->plan, "Answers");
  for (guint i = 0; i < COHORTS_N_CRITERIA; i++)
    {
      CohortsAnswer answer = { i == criterion ? other : state, NULL, COHORTS_DATE_NONE };

      g_assert_true (cohorts_plan_set_answer (f->plan, school (f, urn), i, &answer, NULL));
    }
  cohorts_plan_end_edit (f->plan);
}

/* The readiness of the plan's schools in the tests that need them, under
 * the default framework (a community school's criteria weigh 53 in all):
 * 100001 green (all met, 100 %), 100003 amber (all partly, 50 %), 100004
 * red (all met but the resolution, which is critical: 81 %), the rest not
 * assessed. */
static void
answer_rag (Fixture *f)
{
  answer_all (f, 100001, COHORTS_ANSWER_MET, COHORTS_N_CRITERIA, 0);
  answer_all (f, 100003, COHORTS_ANSWER_PARTLY, COHORTS_N_CRITERIA, 0);
  answer_all (f, 100004, COHORTS_ANSWER_MET, COHORTS_CRITERION_RESOLUTION, COHORTS_ANSWER_NOT_MET);
}

/* Rows -------------------------------------------------------------------- */

static void
test_rows_index (Fixture       *f,
                 gconstpointer  data)
{
  const CohortsTimelineGroup *group;
  CohortsDate start, end;

  g_assert_cmpuint (cohorts_timeline_rows_get_n_rows (f->rows), ==, 9);
  g_assert_cmpuint (cohorts_timeline_rows_get_n_groups (f->rows), ==, 3);

  group = cohorts_timeline_rows_get_group (f->rows, 0);
  g_assert_true (group->cohort == f->first);
  g_assert_cmpuint (group->first_row, ==, 0);
  g_assert_cmpuint (group->n_members, ==, 3);
  g_assert_cmpuint (group->n_church, ==, 1);
  g_assert_cmpuint (group->n_vulnerable, ==, 1);
  g_assert_cmpuint (group->start, ==, cohorts_date_new (2026, 12, 23));
  g_assert_cmpuint (group->end, ==, cohorts_date_new (2027, 9, 1));
  group = cohorts_timeline_rows_get_group (f->rows, 1);
  g_assert_true (group->cohort == f->second);
  g_assert_cmpuint (group->first_row, ==, 4);
  group = cohorts_timeline_rows_get_group (f->rows, 2);
  g_assert_null (group->cohort);
  g_assert_cmpuint (group->first_row, ==, 7);
  g_assert_cmpuint (group->n_members, ==, 1);

  g_assert_cmpuint (cohorts_timeline_rows_group_of_row (f->rows, 0), ==, 0);
  g_assert_cmpuint (cohorts_timeline_rows_group_of_row (f->rows, 3), ==, 0);
  g_assert_cmpuint (cohorts_timeline_rows_group_of_row (f->rows, 4), ==, 1);
  g_assert_cmpuint (cohorts_timeline_rows_group_of_row (f->rows, 8), ==, 2);

  g_assert_null (cohorts_timeline_rows_get_school (f->rows, 0));
  g_assert_true (cohorts_timeline_rows_get_school (f->rows, 2) == school (f, 100002));
  g_assert_true (cohorts_timeline_rows_get_school (f->rows, 6) == school (f, 100005));
  g_assert_true (cohorts_timeline_rows_get_school (f->rows, 8) == school (f, 100006));
  g_assert_null (cohorts_timeline_rows_get_school (f->rows, 9));

  g_assert_cmpuint (cohorts_timeline_rows_find_school (f->rows, school (f, 100001)), ==, 1);
  g_assert_cmpuint (cohorts_timeline_rows_find_school (f->rows, school (f, 100005)), ==, 6);
  g_assert_cmpuint (cohorts_timeline_rows_find_school (f->rows, school (f, 100006)), ==, 8);
  g_assert_cmpuint (cohorts_timeline_rows_find_cohort (f->rows, f->second), ==, 1);
  g_assert_cmpuint (cohorts_timeline_rows_find_cohort (f->rows, NULL), ==, 2);

  /* From the church school's resolution to the last conversion. */
  cohorts_timeline_rows_get_range (f->rows, &start, &end);
  g_assert_cmpuint (start, ==, cohorts_date_new (2026, 12, 23));
  g_assert_cmpuint (end, ==, cohorts_date_new (2028, 4, 1));
}

static void
count_cb (guint *count)
{
  (*count)++;
}

static void
test_rows_collapse (Fixture       *f,
                    gconstpointer  data)
{
  guint changed = 0;

  g_signal_connect_swapped (f->rows, "changed", G_CALLBACK (count_cb), &changed);
  cohorts_timeline_rows_set_collapsed (f->rows, 0, TRUE);
  g_assert_cmpuint (changed, ==, 1);
  cohorts_timeline_rows_set_collapsed (f->rows, 0, TRUE);
  g_assert_cmpuint (changed, ==, 1);

  g_assert_cmpuint (cohorts_timeline_rows_get_n_rows (f->rows), ==, 6);
  g_assert_cmpuint (cohorts_timeline_rows_get_group (f->rows, 1)->first_row, ==, 1);
  g_assert_true (cohorts_timeline_rows_get_school (f->rows, 2) == school (f, 100004));
  g_assert_cmpuint (cohorts_timeline_rows_find_school (f->rows, school (f, 100001)), ==, G_MAXUINT);
  g_assert_cmpuint (cohorts_timeline_rows_find_school (f->rows, school (f, 100004)), ==, 2);

  /* An edit of the plan keeps the group collapsed. */
  cohorts_plan_edit (f->plan, f->first, "name", "First cohort", NULL);
  g_assert_true (cohorts_timeline_rows_get_group (f->rows, 0)->collapsed);
  g_assert_cmpuint (cohorts_timeline_rows_get_n_rows (f->rows), ==, 6);

  cohorts_timeline_rows_set_collapsed (f->rows, 0, FALSE);
  g_assert_cmpuint (cohorts_timeline_rows_get_n_rows (f->rows), ==, 9);
  g_signal_handlers_disconnect_by_data (f->rows, &changed);
}

static void
test_rows_follow_plan (Fixture       *f,
                       gconstpointer  data)
{
  CohortsMilestone own = { COHORTS_DATE_NONE, cohorts_date_new (2027, 6, 1), COHORTS_MILESTONE_PLANNED };

  /* A school moves: the rows follow, and undo brings them back. */
  cohorts_plan_move_school (f->plan, school (f, 100006), f->second, 0);
  g_assert_cmpuint (cohorts_timeline_rows_get_n_groups (f->rows), ==, 2);
  g_assert_cmpuint (cohorts_timeline_rows_get_n_rows (f->rows), ==, 8);
  g_assert_true (cohorts_timeline_rows_get_school (f->rows, 5) == school (f, 100006));
  cohorts_history_undo (cohorts_plan_get_history (f->plan));
  g_assert_cmpuint (cohorts_timeline_rows_get_n_rows (f->rows), ==, 9);

  /* A school of the first cohort converts early, on a date of its own. */
  g_assert_true (cohorts_plan_set_milestone (f->plan, school (f, 100001), COHORTS_STEP_CONVERSION, &own, NULL));
  g_assert_cmpuint (cohorts_timeline_rows_count_at (f->rows, cohorts_date_new (2027, 6, 1), NULL), ==, 1);
  g_assert_cmpuint (cohorts_timeline_rows_count_at (f->rows, cohorts_date_new (2027, 5, 31), NULL), ==, 0);
}

static void
test_rows_counts (Fixture       *f,
                  gconstpointer  data)
{
  const CohortsTimelineCount *counts;
  guint n, vulnerable = 99;

  counts = cohorts_timeline_rows_get_counts (f->rows, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpuint (counts[0].date, ==, cohorts_date_new (2027, 9, 1));
  g_assert_cmpuint (counts[0].academies, ==, 3);
  g_assert_cmpuint (counts[0].vulnerable, ==, 1);
  g_assert_cmpuint (counts[1].date, ==, cohorts_date_new (2028, 4, 1));
  g_assert_cmpuint (counts[1].academies, ==, 5);
  g_assert_cmpuint (counts[1].vulnerable, ==, 1);

  g_assert_cmpuint (cohorts_timeline_rows_count_at (f->rows, cohorts_date_new (2027, 8, 31), &vulnerable), ==, 0);
  g_assert_cmpuint (vulnerable, ==, 0);
  g_assert_cmpuint (cohorts_timeline_rows_count_at (f->rows, cohorts_date_new (2027, 9, 1), &vulnerable), ==, 3);
  g_assert_cmpuint (vulnerable, ==, 1);
  g_assert_cmpuint (cohorts_timeline_rows_count_at (f->rows, cohorts_date_new (2040, 1, 1), NULL), ==, 5);
}

static void
test_rows_readiness (Fixture       *f,
                     gconstpointer  data)
{
  const CohortsTimelineGroup *g;
  guint changed = 0;

  /* No answers: every school not assessed. */
  g = cohorts_timeline_rows_get_group (f->rows, 0);
  g_assert_cmpuint (g->n_rag[COHORTS_RAG_NOT_ASSESSED], ==, 3);
  g_assert_cmpuint (g->n_rag[COHORTS_RAG_GREEN] + g->n_rag[COHORTS_RAG_AMBER] + g->n_rag[COHORTS_RAG_RED], ==, 0);

  /* Answers are edits: the counts follow. */
  g_signal_connect_swapped (f->rows, "changed", G_CALLBACK (count_cb), &changed);
  answer_rag (f);
  g_assert_cmpuint (changed, >, 0);
  g = cohorts_timeline_rows_get_group (f->rows, 0);
  g_assert_cmpuint (g->n_rag[COHORTS_RAG_GREEN], ==, 1);
  g_assert_cmpuint (g->n_rag[COHORTS_RAG_AMBER], ==, 1);
  g_assert_cmpuint (g->n_rag[COHORTS_RAG_RED], ==, 0);
  g_assert_cmpuint (g->n_rag[COHORTS_RAG_NOT_ASSESSED], ==, 1);
  g = cohorts_timeline_rows_get_group (f->rows, 1);
  g_assert_cmpuint (g->n_rag[COHORTS_RAG_RED], ==, 1);
  g_assert_cmpuint (g->n_rag[COHORTS_RAG_NOT_ASSESSED], ==, 1);
  g = cohorts_timeline_rows_get_group (f->rows, 2);
  g_assert_cmpuint (g->n_rag[COHORTS_RAG_NOT_ASSESSED], ==, 1);

  /* So does the framework: green from 50 % makes the amber school green. */
  g_assert_true (cohorts_plan_set_readiness_thresholds (f->plan, 50, 25, NULL));
  g = cohorts_timeline_rows_get_group (f->rows, 0);
  g_assert_cmpuint (g->n_rag[COHORTS_RAG_GREEN], ==, 2);
  g_assert_cmpuint (g->n_rag[COHORTS_RAG_AMBER], ==, 0);
  cohorts_history_undo (cohorts_plan_get_history (f->plan));
  g = cohorts_timeline_rows_get_group (f->rows, 0);
  g_assert_cmpuint (g->n_rag[COHORTS_RAG_AMBER], ==, 1);

  /* Collapsing moves rows but keeps the counts. */
  cohorts_timeline_rows_set_collapsed (f->rows, 0, TRUE);
  g_assert_cmpuint (cohorts_timeline_rows_get_group (f->rows, 0)->n_rag[COHORTS_RAG_GREEN], ==, 1);
}

/* Layout ------------------------------------------------------------------ */

static const CohortsTimelineRow *
row_at (const CohortsTimelineLayout *layout,
        guint                        index)
{
  const CohortsTimelineRow *row = cohorts_timeline_layout_get_row (layout, index);

  g_assert_nonnull (row);
  g_assert_cmpuint (row->index, ==, index);
  return row;
}

static const CohortsTimelineMarker *
marker_of (const CohortsTimelineRow *row,
           CohortsStep               step)
{
  for (guint i = 0; i < row->n_markers; i++)
    if (row->markers[i].step == step)
      return &row->markers[i];
  return NULL;
}

static void
test_layout_rows (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(CohortsTimelineLayout) layout = cohorts_timeline_layout_new (f->rows, &f->view);
  const CohortsTimelineRow *row;
  const CohortsTimelineMarker *marker;

  g_assert_cmpuint (layout->n_rows, ==, 9);
  g_assert_cmpuint (layout->rows->len, ==, 9);
  g_assert_cmpfloat (layout->content_height, ==, 180);

  row = row_at (layout, 0);
  g_assert_cmpint (row->kind, ==, COHORTS_TIMELINE_ROW_GROUP);
  g_assert_true (row->cohort == f->first);
  g_assert_cmpfloat (row->y, ==, 60);
  g_assert_cmpuint (row->n_members, ==, 3);
  g_assert_cmpuint (row->flags, ==, COHORTS_TIMELINE_CHURCH | COHORTS_TIMELINE_VULNERABLE);
  g_assert_cmpfloat (row->conversion_x, ==, 565);
  g_assert_cmpfloat (row->start_x, ==, 313);

  /* The community school: ten steps (a lease, no church steps). */
  row = row_at (layout, 1);
  g_assert_cmpint (row->kind, ==, COHORTS_TIMELINE_ROW_SCHOOL);
  g_assert_true (row->school == school (f, 100001));
  g_assert_cmpfloat (row->y, ==, 80);
  g_assert_cmpuint (row->flags, ==, 0);
  g_assert_cmpuint (row->n_markers, ==, 10);
  g_assert_cmpfloat (row->start_x, ==, 355);
  g_assert_cmpfloat (row->conversion_x, ==, 565);
  marker = marker_of (row, COHORTS_STEP_RESOLUTION);
  g_assert_cmpfloat (marker->x, ==, 355);
  g_assert_cmpint (marker->state, ==, COHORTS_MILESTONE_SCHEDULED);
  g_assert_false (marker->overdue);
  /* The consultation ends 12 weeks before and lasts 6. */
  marker = marker_of (row, COHORTS_STEP_CONSULTATION);
  g_assert_cmpfloat (marker->x, ==, 565 - 84);
  g_assert_cmpfloat (marker->start_x, ==, 565 - 126);
  g_assert_nonnull (marker_of (row, COHORTS_STEP_LEASE));
  g_assert_null (marker_of (row, COHORTS_STEP_DIOCESAN_CONSENT));

  /* The church school: twelve steps, its first six weeks sooner; its
   * resolution (23 December 2026) is before today, and not done. */
  row = row_at (layout, 2);
  g_assert_cmpuint (row->flags, ==, COHORTS_TIMELINE_CHURCH | COHORTS_TIMELINE_OVERDUE);
  g_assert_true (marker_of (row, COHORTS_STEP_RESOLUTION)->overdue);
  g_assert_false (marker_of (row, COHORTS_STEP_DIOCESAN_CONSENT)->overdue);
  g_assert_cmpuint (row->n_markers, ==, 12);
  g_assert_cmpfloat (row->start_x, ==, 313);
  g_assert_null (marker_of (row, COHORTS_STEP_LEASE));
  g_assert_cmpfloat (marker_of (row, COHORTS_STEP_DIOCESAN_CONSENT)->x, ==, 565 - 34 * 7);

  row = row_at (layout, 3);
  g_assert_cmpuint (row->flags, ==, COHORTS_TIMELINE_VULNERABLE);

  row = row_at (layout, 5);
  g_assert_cmpfloat (row->conversion_x, ==, 778);
  g_assert_cmpuint (row->n_markers, ==, 9);  /* a foundation school: no lease */

  /* The school in no cohort has no dates, so no bar. */
  row = row_at (layout, 7);
  g_assert_cmpint (row->kind, ==, COHORTS_TIMELINE_ROW_GROUP);
  g_assert_null (row->cohort);
  g_assert_true (isnan (row->conversion_x));
  row = row_at (layout, 8);
  g_assert_cmpfloat (row->y, ==, 220);
  g_assert_cmpuint (row->start, ==, COHORTS_DATE_NONE);
  g_assert_true (isnan (row->start_x));
  g_assert_true (isnan (row->conversion_x));
  g_assert_cmpuint (row->n_markers, ==, 0);

  g_assert_cmpfloat (layout->today_x, ==, 322);
}

/* The church track on the church school's consent steps (row 2, y 100): a
 * consent refused is where it was refused, or where the step is scheduled
 * when the track has no date; one requested has its request where it was
 * asked. */
static void
test_layout_church_track (Fixture       *f,
                          gconstpointer  data)
{
  CohortsSchool *church = school (f, 100002);
  const CohortsTimelineMarker *marker;
  const CohortsTimelineRow *row;
  CohortsTimelineHit hit;

  /* Refused on 1 December 2026, day 91: x 291, before the scheduled 327;
   * not overdue, though before today. */
  cohorts_plan_edit (f->plan, church,
                     "diocesan-consent", COHORTS_CONSENT_REFUSED,
                     "diocesan-consent-requested", (guint) cohorts_date_new (2026, 10, 1),
                     "diocesan-consent-decided", (guint) cohorts_date_new (2026, 12, 1),
                     "site-trustees-consent", COHORTS_CONSENT_REQUESTED,
                     "site-trustees-consent-requested", (guint) cohorts_date_new (2026, 11, 2),
                     NULL);
  {
    g_autoptr(CohortsTimelineLayout) layout = cohorts_timeline_layout_new (f->rows, &f->view);

    row = row_at (layout, 2);
    marker = marker_of (row, COHORTS_STEP_DIOCESAN_CONSENT);
    g_assert_cmpint (marker->consent, ==, COHORTS_CONSENT_REFUSED);
    g_assert_cmpuint (marker->date, ==, cohorts_date_new (2026, 12, 1));
    g_assert_cmpfloat (marker->x, ==, 291);
    g_assert_cmpfloat (marker->start_x, ==, 291);
    g_assert_false (marker->overdue);
    g_assert_true (isnan (marker->requested_x));
    /* Its bar starts at the refusal. */
    g_assert_cmpfloat (row->start_x, ==, 291);

    /* Requested on 2 November 2026, day 62: x 262; the step stays where the
     * schedule has it. */
    marker = marker_of (row, COHORTS_STEP_SITE_TRUSTEES);
    g_assert_cmpint (marker->consent, ==, COHORTS_CONSENT_REQUESTED);
    g_assert_cmpuint (marker->requested, ==, cohorts_date_new (2026, 11, 2));
    g_assert_cmpfloat (marker->requested_x, ==, 262);
    g_assert_cmpfloat (marker->x, >, 500);
    g_assert_cmpint (marker->state, ==, COHORTS_MILESTONE_SCHEDULED);

    /* The request's mark is that step's. */
    cohorts_timeline_layout_hit (layout, 263, 110, &hit);
    g_assert_cmpint (hit.kind, ==, COHORTS_TIMELINE_HIT_MARKER);
    g_assert_true (hit.marker == marker);

    /* The community school's steps know nothing of consents. */
    row = row_at (layout, 1);
    for (guint i = 0; i < row->n_markers; i++)
      {
        g_assert_cmpint (row->markers[i].consent, ==, COHORTS_CONSENT_NONE);
        g_assert_true (isnan (row->markers[i].requested_x));
      }
  }

  /* Refused with no date: where the step is scheduled (565 - 34 weeks). */
  cohorts_plan_edit (f->plan, church, "diocesan-consent-decided", (guint) COHORTS_DATE_NONE, NULL);
  {
    g_autoptr(CohortsTimelineLayout) layout = cohorts_timeline_layout_new (f->rows, &f->view);

    marker = marker_of (row_at (layout, 2), COHORTS_STEP_DIOCESAN_CONSENT);
    g_assert_cmpint (marker->consent, ==, COHORTS_CONSENT_REFUSED);
    g_assert_cmpfloat (marker->x, ==, 565 - 34 * 7);
  }

  /* Granted on a date: the step done then, as the schedule says. */
  cohorts_plan_edit (f->plan, church,
                     "diocesan-consent", COHORTS_CONSENT_GRANTED,
                     "diocesan-consent-decided", (guint) cohorts_date_new (2026, 12, 1),
                     NULL);
  {
    g_autoptr(CohortsTimelineLayout) layout = cohorts_timeline_layout_new (f->rows, &f->view);

    marker = marker_of (row_at (layout, 2), COHORTS_STEP_DIOCESAN_CONSENT);
    g_assert_cmpint (marker->consent, ==, COHORTS_CONSENT_GRANTED);
    g_assert_cmpint (marker->state, ==, COHORTS_MILESTONE_DONE);
    g_assert_cmpfloat (marker->x, ==, 291);
  }
}

static void
test_layout_readiness (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(CohortsTimelineLayout) layout = NULL;
  const CohortsTimelineRow *row;

  answer_rag (f);
  layout = cohorts_timeline_layout_new (f->rows, &f->view);

  row = row_at (layout, 1);
  g_assert_cmpint (row->rag, ==, COHORTS_RAG_GREEN);
  g_assert_cmpint (row->readiness, ==, 100);
  row = row_at (layout, 2);
  g_assert_cmpint (row->rag, ==, COHORTS_RAG_NOT_ASSESSED);
  g_assert_cmpint (row->readiness, ==, 0);
  row = row_at (layout, 3);
  g_assert_cmpint (row->rag, ==, COHORTS_RAG_AMBER);
  g_assert_cmpint (row->readiness, ==, 50);
  /* 43 of 53: a good score, but a critical criterion not met. */
  row = row_at (layout, 5);
  g_assert_cmpint (row->rag, ==, COHORTS_RAG_RED);
  g_assert_cmpint (row->readiness, ==, 81);

  /* A group's row: its schools by rating. */
  row = row_at (layout, 0);
  g_assert_cmpuint (row->n_rag[COHORTS_RAG_GREEN], ==, 1);
  g_assert_cmpuint (row->n_rag[COHORTS_RAG_AMBER], ==, 1);
  g_assert_cmpuint (row->n_rag[COHORTS_RAG_NOT_ASSESSED], ==, 1);
  row = row_at (layout, 4);
  g_assert_cmpuint (row->n_rag[COHORTS_RAG_RED], ==, 1);
}

static void
test_layout_states (Fixture       *f,
                    gconstpointer  data)
{
  CohortsMilestone done = { COHORTS_DATE_NONE, cohorts_date_new (2027, 2, 1), COHORTS_MILESTONE_DONE };
  CohortsMilestone own = { COHORTS_DATE_NONE, cohorts_date_new (2027, 7, 1), COHORTS_MILESTONE_PLANNED };
  g_autoptr(CohortsTimelineLayout) layout = NULL;
  const CohortsTimelineRow *row;

  g_assert_true (cohorts_plan_set_milestone (f->plan, school (f, 100001), COHORTS_STEP_RESOLUTION, &done, NULL));
  g_assert_true (cohorts_plan_set_milestone (f->plan, school (f, 100003), COHORTS_STEP_CONVERSION, &own, NULL));

  /* Today is 10 March 2027: the community schools' applications (26 weeks
   * before 1 September, 3 March) are overdue; their academy orders (14
   * April) are not due yet. */
  f->view.today = cohorts_date_new (2027, 3, 10);
  layout = cohorts_timeline_layout_new (f->rows, &f->view);

  row = row_at (layout, 1);
  g_assert_cmpint (marker_of (row, COHORTS_STEP_RESOLUTION)->state, ==, COHORTS_MILESTONE_DONE);
  g_assert_false (marker_of (row, COHORTS_STEP_RESOLUTION)->overdue);
  g_assert_cmpfloat (marker_of (row, COHORTS_STEP_RESOLUTION)->x, ==, 200 + 153);
  g_assert_true (marker_of (row, COHORTS_STEP_APPLICATION)->overdue);
  g_assert_false (marker_of (row, COHORTS_STEP_ACADEMY_ORDER)->overdue);
  g_assert_cmpuint (row->flags, ==, COHORTS_TIMELINE_OVERDUE);

  /* Its own conversion date: 1 July 2027, 303 days after the origin; its
   * steps are planned back from it. */
  row = row_at (layout, 3);
  g_assert_cmpuint (row->flags & COHORTS_TIMELINE_OWN_DATE, !=, 0);
  g_assert_cmpuint (row->flags & COHORTS_TIMELINE_CONVERTED, ==, 0);
  g_assert_cmpfloat (row->conversion_x, ==, 200 + 303);
  g_assert_cmpfloat (marker_of (row, COHORTS_STEP_FUNDING_AGREEMENT)->x, ==, 200 + 303 - 14);
}

static void
test_layout_scrolled (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(CohortsTimelineLayout) layout = NULL;
  const CohortsTimelineRow *row;
  CohortsTimelineHit hit;

  /* Scrolled down by two and a half rows, right by 100 days. */
  f->view.scroll_y = 50;
  f->view.scroll_x = 100;
  layout = cohorts_timeline_layout_new (f->rows, &f->view);

  g_assert_cmpuint (layout->rows->len, ==, 7);
  row = &g_array_index (layout->rows, CohortsTimelineRow, 0);
  g_assert_cmpuint (row->index, ==, 2);
  g_assert_cmpfloat (row->y, ==, 50);
  g_assert_cmpfloat (row->conversion_x, ==, 465);
  g_assert_null (cohorts_timeline_layout_get_row (layout, 1));
  g_assert_nonnull (cohorts_timeline_layout_get_row (layout, 8));
  g_assert_cmpfloat (layout->today_x, ==, 222);
  g_assert_cmpuint (cohorts_timeline_view_date_for_x (&layout->view, 200), ==, cohorts_date_new (2026, 12, 10));

  /* The first cohort's row has scrolled away: it stays pinned at the top,
   * over its schools, and is what is under the pointer there. */
  g_assert_true (layout->has_pinned);
  g_assert_cmpint (layout->pinned.kind, ==, COHORTS_TIMELINE_ROW_GROUP);
  g_assert_cmpuint (layout->pinned.index, ==, 0);
  g_assert_true (layout->pinned.cohort == f->first);
  g_assert_cmpfloat (layout->pinned.y, ==, 60);
  g_assert_cmpfloat (layout->pinned.conversion_x, ==, 465);
  cohorts_timeline_layout_hit (layout, 100, 65, &hit);
  g_assert_true (hit.row == &layout->pinned);
  cohorts_timeline_layout_hit (layout, 100, 85, &hit);
  g_assert_cmpuint (hit.row->index, ==, 3);

  /* The next cohort's row pushes it up: at 70, the second cohort's row is
   * at y = 70, so the pinned row is at 50, half out of sight. */
  f->view.scroll_y = 70;
  g_clear_pointer (&layout, cohorts_timeline_layout_free);
  layout = cohorts_timeline_layout_new (f->rows, &f->view);
  g_assert_true (layout->has_pinned);
  g_assert_cmpfloat (layout->pinned.y, ==, 50);

  /* Nothing is pinned while a group's own row is whole in sight. */
  f->view.scroll_y = 80;
  g_clear_pointer (&layout, cohorts_timeline_layout_free);
  layout = cohorts_timeline_layout_new (f->rows, &f->view);
  g_assert_false (layout->has_pinned);
  f->view.scroll_y = 0;
  g_clear_pointer (&layout, cohorts_timeline_layout_free);
  layout = cohorts_timeline_layout_new (f->rows, &f->view);
  g_assert_false (layout->has_pinned);
}

static guint
count_bands (const CohortsTimelineLayout *layout,
             CohortsTimelineBandKind      kind)
{
  guint n = 0;

  for (guint i = 0; i < layout->bands->len; i++)
    n += g_array_index (layout->bands, CohortsTimelineBand, i).kind == kind;
  return n;
}

static const CohortsTimelineBand *
band_at (const CohortsTimelineLayout *layout,
         CohortsTimelineBandKind      kind,
         guint                        nth)
{
  for (guint i = 0; i < layout->bands->len; i++)
    {
      const CohortsTimelineBand *band = &g_array_index (layout->bands, CohortsTimelineBand, i);

      if (band->kind == kind && nth-- == 0)
        return band;
    }
  g_assert_not_reached ();
}

static void
test_layout_axis (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(CohortsTimelineLayout) layout = cohorts_timeline_layout_new (f->rows, &f->view);
  const CohortsTimelineBand *band;

  /* In sight: 1 September 2026 (x = 200) to 9 November 2028 (x = 1000). */
  g_assert_cmpuint (count_bands (layout, COHORTS_TIMELINE_BAND_YEAR), ==, 3);
  band = band_at (layout, COHORTS_TIMELINE_BAND_YEAR, 1);
  g_assert_cmpint (band->value, ==, 2027);
  g_assert_cmpfloat (band->x0, ==, 565);
  g_assert_cmpfloat (band->x1, ==, 200 + 731);

  /* Three terms in each whole year, and the autumn of 2028. */
  g_assert_true (layout->show_terms);
  g_assert_cmpuint (count_bands (layout, COHORTS_TIMELINE_BAND_TERM), ==, 7);
  band = band_at (layout, COHORTS_TIMELINE_BAND_TERM, 1);
  g_assert_cmpint (band->value, ==, COHORTS_TERM_SPRING);
  g_assert_cmpuint (band->start, ==, cohorts_date_new (2027, 1, 1));
  g_assert_cmpuint (band->end, ==, cohorts_date_new (2027, 3, 28));  /* Easter Sunday */
  g_assert_cmpfloat (band->x0, ==, 322);

  /* September 2026 to November 2028; a month of 30 units shows initials. */
  g_assert_cmpuint (count_bands (layout, COHORTS_TIMELINE_BAND_MONTH), ==, 27);
  g_assert_cmpint (layout->months, ==, COHORTS_TIMELINE_MONTHS_INITIAL);
  band = band_at (layout, COHORTS_TIMELINE_BAND_MONTH, 4);
  g_assert_cmpint (band->value, ==, 1);
  g_assert_cmpfloat (band->x0, ==, 322);
  g_assert_cmpfloat (band->x1, ==, 353);
}

static void
test_layout_zoom (Fixture       *f,
                  gconstpointer  data)
{
  static const struct {
    double day_width;
    CohortsTimelineMonths months;
    gboolean terms;
    gboolean markers;
  } levels[] = {
    { COHORTS_TIMELINE_ZOOM_MONTH, COHORTS_TIMELINE_MONTHS_SHORT, TRUE, TRUE },
    { COHORTS_TIMELINE_ZOOM_TERM, COHORTS_TIMELINE_MONTHS_SHORT, TRUE, TRUE },
    { COHORTS_TIMELINE_ZOOM_YEAR, COHORTS_TIMELINE_MONTHS_INITIAL, TRUE, TRUE },
    { 0.3, COHORTS_TIMELINE_MONTHS_TICKS, FALSE, TRUE },
    { 0.1, COHORTS_TIMELINE_MONTHS_HIDDEN, FALSE, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (levels); i++)
    {
      g_autoptr(CohortsTimelineLayout) layout = NULL;

      f->view.day_width = levels[i].day_width;
      layout = cohorts_timeline_layout_new (f->rows, &f->view);
      g_assert_cmpint (layout->months, ==, levels[i].months);
      g_assert_cmpint (layout->show_terms, ==, levels[i].terms);
      g_assert_cmpint (layout->show_markers, ==, levels[i].markers);
      g_assert_cmpuint (count_bands (layout, COHORTS_TIMELINE_BAND_TERM) > 0, ==, levels[i].terms);
      g_assert_cmpfloat (row_at (layout, 1)->conversion_x, ==, 200 + 365 * levels[i].day_width);
    }

  /* Fit: the plan's 465 days and a month either side fill 800 units. */
  g_assert_cmpfloat_with_epsilon (cohorts_timeline_fit_day_width (f->rows, 800), 800 / (465 + 2 * 30.44), 1e-9);
}

static void
test_layout_extent (Fixture       *f,
                    gconstpointer  data)
{
  CohortsDate from, to;

  /* From the September before the first step (23 December 2026), ten
   * academic years at least. */
  cohorts_timeline_get_extent (f->rows, COHORTS_DATE_NONE, &from, &to);
  g_assert_cmpuint (from, ==, cohorts_date_new (2026, 9, 1));
  g_assert_cmpuint (to, ==, cohorts_date_new (2036, 9, 1));

  /* Today, if earlier, is in reach too. */
  cohorts_timeline_get_extent (f->rows, cohorts_date_new (2024, 5, 1), &from, &to);
  g_assert_cmpuint (from, ==, cohorts_date_new (2023, 9, 1));
  g_assert_cmpuint (to, ==, cohorts_date_new (2033, 9, 1));
}

static void
test_layout_strip (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(CohortsTimelineLayout) layout = NULL;
  const CohortsTimelineStep *step;

  f->view.strip_height = 60;
  layout = cohorts_timeline_layout_new (f->rows, &f->view);

  /* None until 1 September 2027, three until 1 April 2028, then five. */
  g_assert_cmpuint (layout->steps->len, ==, 3);
  step = &g_array_index (layout->steps, CohortsTimelineStep, 0);
  g_assert_cmpfloat (step->x0, ==, 200);
  g_assert_cmpfloat (step->x1, ==, 565);
  g_assert_cmpuint (step->academies, ==, 0);
  step = &g_array_index (layout->steps, CohortsTimelineStep, 1);
  g_assert_cmpfloat (step->x1, ==, 778);
  g_assert_cmpuint (step->academies, ==, 3);
  g_assert_cmpuint (step->vulnerable, ==, 1);
  /* Good and not needing support: able to support others. */
  g_assert_cmpuint (step->strong, ==, 2);
  step = &g_array_index (layout->steps, CohortsTimelineStep, 2);
  g_assert_cmpfloat (step->x1, ==, 1000);
  g_assert_cmpuint (step->academies, ==, 5);
  g_assert_cmpuint (step->strong, ==, 4);
  g_assert_cmpuint (layout->max_academies, ==, 5);
  /* The trust's default: two strong academies for each needing support. */
  g_assert_cmpuint (layout->support_ratio, ==, 2);

  /* The rows make room for the strip. */
  g_assert_cmpuint (layout->rows->len, ==, 9);
  f->view.height = 160;
  g_clear_pointer (&layout, cohorts_timeline_layout_free);
  layout = cohorts_timeline_layout_new (f->rows, &f->view);
  g_assert_cmpuint (layout->rows->len, ==, 2);

  /* The trust's growth target sets the scale when it is higher. */
  cohorts_plan_edit (f->plan, cohorts_plan_get_trust (f->plan), "academies-min", 15, "academies-max", 20, NULL);
  g_clear_pointer (&layout, cohorts_timeline_layout_free);
  layout = cohorts_timeline_layout_new (f->rows, &f->view);
  g_assert_cmpuint (layout->max_academies, ==, 20);
  g_assert_cmpuint (layout->target_min, ==, 15);
  g_assert_cmpuint (layout->target_max, ==, 20);
}

static void
test_layout_hit (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(CohortsTimelineLayout) layout = NULL;
  CohortsTimelineHit hit;

  f->view.strip_height = 60;
  layout = cohorts_timeline_layout_new (f->rows, &f->view);

  cohorts_timeline_layout_hit (layout, 565, 70, &hit);
  g_assert_cmpint (hit.kind, ==, COHORTS_TIMELINE_HIT_CONVERSION);
  g_assert_cmpuint (hit.row->index, ==, 0);
  g_assert_cmpuint (hit.date, ==, cohorts_date_new (2027, 9, 1));

  cohorts_timeline_layout_hit (layout, 570, 90, &hit);
  g_assert_cmpint (hit.kind, ==, COHORTS_TIMELINE_HIT_CONVERSION);
  g_assert_true (hit.row->school == school (f, 100001));

  cohorts_timeline_layout_hit (layout, 356, 92, &hit);
  g_assert_cmpint (hit.kind, ==, COHORTS_TIMELINE_HIT_MARKER);
  g_assert_cmpint (hit.marker->step, ==, COHORTS_STEP_RESOLUTION);

  cohorts_timeline_layout_hit (layout, 404, 90, &hit);
  g_assert_cmpint (hit.kind, ==, COHORTS_TIMELINE_HIT_BAR);
  cohorts_timeline_layout_hit (layout, 700, 90, &hit);
  g_assert_cmpint (hit.kind, ==, COHORTS_TIMELINE_HIT_ROW);
  g_assert_true (hit.row->school == school (f, 100001));

  cohorts_timeline_layout_hit (layout, 10, 70, &hit);
  g_assert_cmpint (hit.kind, ==, COHORTS_TIMELINE_HIT_EXPANDER);
  cohorts_timeline_layout_hit (layout, 100, 70, &hit);
  g_assert_cmpint (hit.kind, ==, COHORTS_TIMELINE_HIT_LABEL);
  g_assert_cmpuint (hit.date, ==, COHORTS_DATE_NONE);
  cohorts_timeline_layout_hit (layout, 10, 90, &hit);
  g_assert_cmpint (hit.kind, ==, COHORTS_TIMELINE_HIT_LABEL);

  cohorts_timeline_layout_hit (layout, 300, 30, &hit);
  g_assert_cmpint (hit.kind, ==, COHORTS_TIMELINE_HIT_AXIS);
  g_assert_cmpuint (hit.date, ==, cohorts_date_new (2026, 12, 10));
  cohorts_timeline_layout_hit (layout, 300, 350, &hit);
  g_assert_cmpint (hit.kind, ==, COHORTS_TIMELINE_HIT_STRIP);
  /* Below the last row, above the strip: nothing. */
  cohorts_timeline_layout_hit (layout, 300, 300, &hit);
  g_assert_cmpint (hit.kind, ==, COHORTS_TIMELINE_HIT_NONE);
  g_assert_null (hit.row);
  cohorts_timeline_layout_hit (layout, -1, 90, &hit);
  g_assert_cmpint (hit.kind, ==, COHORTS_TIMELINE_HIT_NONE);
}

/* 25,000 schools in 40 cohorts: a layout holds what is in sight, wherever
 * that is, and finds the right school there. */
static void
test_layout_large (void)
{
  g_autoptr(CohortsPlan) plan = cohorts_plan_new ();
  g_autoptr(CohortsTimelineRows) rows = NULL;
  g_autoptr(CohortsTimelineLayout) layout = NULL;
  CohortsTimelineView view = {
    .width = 1000, .height = 400, .label_width = 200, .axis_height = 60, .row_height = 20,
    .origin = cohorts_date_new (2026, 9, 1), .day_width = 1.0,
  };
  const CohortsTimelineRow *row;

  cohorts_plan_begin_edit (plan, "Build");
  for (guint c = 0; c < 40; c++)
    {
      CohortsCohort *cohort = cohorts_plan_add_cohort (plan, "Cohort", cohorts_date_add_months (cohorts_date_new (2027, 9, 1), c));

      for (guint i = 0; i < 625; i++)
        {
          g_autoptr(CohortsSchool) s = cohorts_school_new (200000 + c * 625 + i, "School");

          g_assert_true (cohorts_plan_add_school (plan, s, NULL));
          cohorts_plan_move_school (plan, s, cohort, G_MAXUINT);
        }
    }
  cohorts_plan_end_edit (plan);

  rows = cohorts_timeline_rows_new (plan);
  g_assert_cmpuint (cohorts_timeline_rows_get_n_rows (rows), ==, 25040);

  /* Row 12345: each cohort takes 626 rows, so cohort 19 (from row 11894),
   * its 451st school. */
  view.scroll_y = 12345 * 20;
  layout = cohorts_timeline_layout_new (rows, &view);
  g_assert_cmpuint (layout->rows->len, ==, 17);
  row = &g_array_index (layout->rows, CohortsTimelineRow, 0);
  g_assert_cmpuint (row->index, ==, 12345);
  g_assert_cmpuint (cohorts_school_get_urn (row->school), ==, 200000 + 19 * 625 + 450);
  g_assert_cmpuint (row->conversion, ==, cohorts_date_new (2029, 4, 1));

  /* The last rows. */
  view.scroll_y = 25040 * 20 - 340;
  g_clear_pointer (&layout, cohorts_timeline_layout_free);
  layout = cohorts_timeline_layout_new (rows, &view);
  g_assert_cmpuint (layout->rows->len, ==, 17);
  row = &g_array_index (layout->rows, CohortsTimelineRow, 16);
  g_assert_cmpuint (row->index, ==, 25039);
  g_assert_cmpuint (cohorts_school_get_urn (row->school), ==, 224999);

  g_assert_cmpuint (cohorts_timeline_rows_count_at (rows, cohorts_date_new (2030, 12, 1), NULL), ==, 25000);
  g_assert_cmpuint (cohorts_timeline_rows_count_at (rows, cohorts_date_new (2028, 1, 1), NULL), ==, 5 * 625);
}

/* A new plan: no cohorts, no schools, no dates. The view still has a span
 * of time (from the plan's start), and draws its axis. */
static void
test_layout_empty (void)
{
  g_autoptr(CohortsPlan) plan = cohorts_plan_new ();
  g_autoptr(CohortsTimelineRows) rows = NULL;
  g_autoptr(CohortsTimelineLayout) layout = NULL;
  CohortsTimelineView view = {
    .width = 600, .height = 300, .label_width = 200, .axis_height = 60, .strip_height = 60,
    .row_height = 20, .day_width = 1.0, .today = cohorts_date_new (2027, 1, 1),
  };
  cairo_surface_t *surface;
  cairo_t *cr;
  CohortsTimelineStyle style;
  CohortsDate from, to;

  cohorts_plan_edit (plan, plan, "start-date", cohorts_date_new (2027, 9, 1), NULL);
  rows = cohorts_timeline_rows_new (plan);
  g_assert_cmpuint (cohorts_timeline_rows_get_n_rows (rows), ==, 0);

  cohorts_timeline_get_extent (rows, COHORTS_DATE_NONE, &from, &to);
  g_assert_cmpuint (from, ==, cohorts_date_new (2026, 9, 1));
  g_assert_cmpuint (to, ==, cohorts_date_new (2036, 9, 1));
  view.origin = from;

  layout = cohorts_timeline_layout_new (rows, &view);
  g_assert_cmpuint (layout->rows->len, ==, 0);
  g_assert_false (layout->has_pinned);
  g_assert_cmpuint (layout->steps->len, ==, 1);
  g_assert_cmpuint (g_array_index (layout->steps, CohortsTimelineStep, 0).academies, ==, 0);
  g_assert_cmpuint (layout->bands->len, >, 0);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 600, 300);
  cr = cairo_create (surface);
  cohorts_timeline_style_init (&style, FALSE);
  cohorts_timeline_render (cr, layout, &style, NULL);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* Drawing ----------------------------------------------------------------- */

static cairo_surface_t *
render (const CohortsTimelineLayout *layout,
        gboolean                     dark,
        const CohortsTimelineState  *state)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  CohortsTimelineStyle style;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) layout->view.width, (int) layout->view.height);
  cr = cairo_create (surface);
  cohorts_timeline_style_init (&style, dark);
  cohorts_timeline_render (cr, layout, &style, state);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  if (g_getenv ("COHORTS_TEST_SAVE_PNG") != NULL)
    {
      g_autofree char *name = g_strdup_printf ("%s/%s.png", g_getenv ("COHORTS_TEST_SAVE_PNG"),
                                               g_test_get_path () + 1);

      for (char *c = strchr (name + strlen (g_getenv ("COHORTS_TEST_SAVE_PNG")) + 1, '/'); c != NULL; c = strchr (c, '/'))
        *c = '-';
      cairo_surface_write_to_png (surface, name);
    }
  return surface;
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

  /* Opaque everywhere: the chart paints its background first. */
  g_assert_cmpuint (value >> 24, ==, 255);
  rgb[0] = (value >> 16) & 0xff;
  rgb[1] = (value >> 8) & 0xff;
  rgb[2] = value & 0xff;
}

#define assert_pixel(surface, x, y, r, g, b) \
  G_STMT_START { \
    int rgb_[3]; \
    pixel ((surface), (x), (y), rgb_); \
    if (ABS (rgb_[0] - (r)) > 3 || ABS (rgb_[1] - (g)) > 3 || ABS (rgb_[2] - (b)) > 3) \
      g_error ("pixel (%d, %d) is (%d, %d, %d), expected (%d, %d, %d)", (x), (y), \
               rgb_[0], rgb_[1], rgb_[2], (r), (g), (b)); \
  } G_STMT_END

/* How many pixels of row @y, from @x0 to @x1, are the today line's
 * vermilion (Okabe and Ito's 213, 94, 0), as the dotted line is. */
static guint
count_vermilion (cairo_surface_t *surface,
                 int              x0,
                 int              x1,
                 int              y)
{
  guint n = 0;

  for (int x = x0; x < x1; x++)
    {
      int rgb[3];

      pixel (surface, x, y, rgb);
      n += rgb[0] > 180 && rgb[1] < 150 && rgb[2] < 100;
    }
  return n;
}

static void
test_render_light (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(CohortsTimelineLayout) layout = cohorts_timeline_layout_new (f->rows, &f->view);
  cairo_surface_t *surface = render (layout, FALSE, NULL);
  guint hatched = 0;

  /* The community school's bar, between its application (x = 383) and its
   * academy order (x = 425): sky blue at 60% on white. */
  assert_pixel (surface, 404, 89, 154, 210, 242);
  /* The church school's: reddish purple at 70%. */
  assert_pixel (surface, 404, 109, 219, 161, 193);
  /* The conversion diamond: the text colour. */
  assert_pixel (surface, 565, 90, 36, 36, 36);
  /* The today line, in vermilion, below the rows; white beside it. */
  assert_pixel (surface, 322, 300, 213, 94, 0);
  assert_pixel (surface, 330, 300, 255, 255, 255);
  /* A group's row is shaded, and so is every other academic year (here
   * 2027/28); the names' column is off-white. */
  assert_pixel (surface, 880, 70, 237, 237, 237);
  assert_pixel (surface, 880, 300, 249, 249, 249);
  assert_pixel (surface, 530, 63, 244, 244, 244);
  assert_pixel (surface, 100, 300, 250, 250, 250);

  /* The school that needs support has a hatched bar: orange stripes. */
  for (int x = 390; x < 420; x++)
    for (int y = 127; y <= 133; y++)
      {
        int rgb[3];

        pixel (surface, x, y, rgb);
        hatched += rgb[0] > 200 && rgb[2] < 120;
      }
  g_assert_cmpuint (hatched, >, 20);

  cairo_surface_destroy (surface);
}

static void
test_render_states (Fixture       *f,
                    gconstpointer  data)
{
  CohortsMilestone done = { COHORTS_DATE_NONE, cohorts_date_new (2027, 2, 3), COHORTS_MILESTONE_DONE };
  g_autoptr(CohortsTimelineLayout) layout = NULL;
  CohortsTimelineState state;
  cairo_surface_t *surface;

  g_assert_true (cohorts_plan_set_milestone (f->plan, school (f, 100001), COHORTS_STEP_RESOLUTION, &done, NULL));
  layout = cohorts_timeline_layout_new (f->rows, &f->view);
  cohorts_timeline_state_init (&state);
  state.selected = school (f, 100005);
  state.focus_row = 8;
  state.drag_row = 1;
  state.drag_date = cohorts_date_new (2028, 1, 1);
  surface = render (layout, FALSE, &state);

  /* The step done: a green square. */
  assert_pixel (surface, 355, 90, 0, 158, 115);
  /* The selected school's row: the accent at 20%. */
  assert_pixel (surface, 450, 190, 215, 230, 250);
  /* The focused row (y 220 to 240): a blue frame. */
  assert_pixel (surface, 450, 221, 53, 132, 228);
  assert_pixel (surface, 450, 230, 255, 255, 255);
  /* The dragged conversion's guide line at 1 January 2028 (x = 687). */
  assert_pixel (surface, 687, 300, 53, 132, 228);

  cairo_surface_destroy (surface);
}

static void
test_render_dark (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(CohortsTimelineLayout) layout = cohorts_timeline_layout_new (f->rows, &f->view);
  cairo_surface_t *surface = render (layout, TRUE, NULL);

  assert_pixel (surface, 450, 300, 30, 30, 30);
  /* The diamond is light on dark. */
  assert_pixel (surface, 565, 90, 255, 255, 255);
  assert_pixel (surface, 322, 300, 245, 120, 46);
  cairo_surface_destroy (surface);
}

static void
test_render_strip (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(CohortsTimelineLayout) layout = NULL;
  cairo_surface_t *surface;

  /* A strip 60 tall from y = 340; its plot from 358 to 394, five
   * academies at most: 7.2 a school. */
  f->view.strip_height = 60;
  layout = cohorts_timeline_layout_new (f->rows, &f->view);
  surface = render (layout, FALSE, NULL);

  /* Three academies (to y = 372.4) from x = 565, five from x = 778: blue
   * at 35% over the shading of 2027/28. */
  assert_pixel (surface, 700, 376, 162, 202, 224);
  assert_pixel (surface, 700, 368, 249, 249, 249);
  assert_pixel (surface, 880, 368, 162, 202, 224);
  /* None before. */
  assert_pixel (surface, 450, 390, 255, 255, 255);
  /* Two strong academies for the one that needs support: enough for the
   * default ratio of two, so no dotted line at the foot (y 397). */
  g_assert_cmpuint (count_vermilion (surface, 566, 776, 397), ==, 0);
  cairo_surface_destroy (surface);

  /* A ratio of three: too few from September 2027 (x 565) to April 2028
   * (x 778), when two more strong schools join; dots under that stretch
   * only. */
  cohorts_plan_edit (f->plan, cohorts_plan_get_trust (f->plan), "support-ratio", 3, NULL);
  g_clear_pointer (&layout, cohorts_timeline_layout_free);
  layout = cohorts_timeline_layout_new (f->rows, &f->view);
  surface = render (layout, FALSE, NULL);
  g_assert_cmpuint (count_vermilion (surface, 566, 776, 397), >=, 30);
  g_assert_cmpuint (count_vermilion (surface, 782, 1000, 397), ==, 0);
  /* (Before: only the today line, 2 wide, crosses the strip.) */
  g_assert_cmpuint (count_vermilion (surface, 200, 562, 397), ==, 2);
  g_assert_cmpuint (count_vermilion (surface, 200, (int) layout->today_x - 2, 397), ==, 0);
  cairo_surface_destroy (surface);
}

static void
test_render_pinned (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(CohortsTimelineLayout) layout = NULL;
  cairo_surface_t *surface;

  /* Scrolled by two and a half rows: the first cohort's row is pinned at
   * the top (y 60 to 80), shaded, over its second school's row. */
  f->view.scroll_y = 50;
  layout = cohorts_timeline_layout_new (f->rows, &f->view);
  surface = render (layout, FALSE, NULL);
  assert_pixel (surface, 170, 62, 239, 239, 239);
  assert_pixel (surface, 530, 62, 244, 244, 244);
  /* Its summary bar, from x = 313 to 565, over the school's bar. */
  assert_pixel (surface, 400, 70, 181, 181, 181);
  /* Below it, the third school's row is plain. */
  assert_pixel (surface, 170, 85, 250, 250, 250);
  cairo_surface_destroy (surface);
}

/* Each school's readiness mark, before its name: 9 wide (0.45 of a row of
 * 20), at x 43 (after the indent, the church cross and the warning sign),
 * centred on the row; its middle at (47.5, row + 10). */
static void
check_marks (Fixture  *f,
             gboolean  dark)
{
  g_autoptr(CohortsTimelineLayout) layout = NULL;
  cairo_surface_t *surface;
  int names = dark ? 40 : 250;
  int rgb[3];

  answer_rag (f);
  layout = cohorts_timeline_layout_new (f->rows, &f->view);
  surface = render (layout, dark, NULL);

  /* Green (row 1, y 80): filled. */
  if (dark)
    assert_pixel (surface, 47, 90, 46, 194, 143);
  else
    assert_pixel (surface, 47, 90, 0, 158, 115);
  /* Amber (row 3, y 120): the lower half filled, the upper empty. */
  assert_pixel (surface, 47, 132, 230, 159, 0);
  assert_pixel (surface, 47, 127, names, names, names);
  /* Red (row 5, y 160): filled. */
  if (dark)
    assert_pixel (surface, 47, 170, 245, 120, 46);
  else
    assert_pixel (surface, 47, 170, 213, 94, 0);
  /* Not assessed (row 6, y 180): an empty ring in the text colour. */
  assert_pixel (surface, 47, 190, names, names, names);
  pixel (surface, 51, 190, rgb);
  if (dark)
    g_assert_cmpint (rgb[0], >, names + 60);
  else
    g_assert_cmpint (rgb[0], <, names - 60);
  /* Nothing before the mark but the church cross and the warning sign
   * (none here); the name starts after it (x 58). */
  assert_pixel (surface, 40, 90, names, names, names);
  assert_pixel (surface, 55, 90, names, names, names);

  /* The first cohort's row (y 60 to 80) counts its schools by rating before
   * its own count, where its name leaves room: a green, an amber, a ring. */
  {
    guint green = 0, amber = 0;

    for (int x = 100; x < 200; x++)
      for (int y = 62; y < 78; y++)
        {
          pixel (surface, x, y, rgb);
          green += dark ? (ABS (rgb[0] - 46) <= 3 && ABS (rgb[1] - 194) <= 3 && ABS (rgb[2] - 143) <= 3)
                        : (ABS (rgb[0] - 0) <= 3 && ABS (rgb[1] - 158) <= 3 && ABS (rgb[2] - 115) <= 3);
          amber += ABS (rgb[0] - 230) <= 3 && ABS (rgb[1] - 159) <= 3 && ABS (rgb[2] - 0) <= 3;
        }
    g_assert_cmpuint (green, >, 4);
    g_assert_cmpuint (amber, >, 2);
  }

  cairo_surface_destroy (surface);
}

static void
test_render_readiness (Fixture       *f,
                       gconstpointer  data)
{
  check_marks (f, FALSE);
}

static void
test_render_readiness_dark (Fixture       *f,
                            gconstpointer  data)
{
  check_marks (f, TRUE);
}

/* The marks' shapes, drawn 40 wide: the line is 3.6 wide, the circles' radius
 * 18.2 (to the middle of the line), the red square's half side 15.65. */
static void
test_render_readiness_shapes (void)
{
  for (guint dark = 0; dark < 2; dark++)
    {
      CohortsTimelineStyle style;
      int back = dark ? 30 : 255, fore = dark ? 255 : 36;
      int quiet = (int) round (0.6 * fore + 0.4 * back);

      cohorts_timeline_style_init (&style, dark);
      for (CohortsRag rag = 0; rag < COHORTS_N_RAGS; rag++)
        {
          cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 40, 40);
          cairo_t *cr = cairo_create (surface);
          const CohortsRgba *fill = rag == COHORTS_RAG_GREEN ? &style.rag_green
                                    : rag == COHORTS_RAG_AMBER ? &style.rag_amber : &style.rag_red;
          int r = (int) round (fill->red * 255), g = (int) round (fill->green * 255), b = (int) round (fill->blue * 255);

          cairo_set_source_rgb (cr, back / 255.0, back / 255.0, back / 255.0);
          cairo_paint (cr);
          cohorts_timeline_render_readiness (cr, &style, rag, 0, 0, 40);
          g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
          cairo_destroy (cr);
          cairo_surface_flush (surface);

          /* Outside every shape: the corners. */
          assert_pixel (surface, 0, 0, back, back, back);
          assert_pixel (surface, 39, 39, back, back, back);
          switch (rag)
            {
            case COHORTS_RAG_GREEN:
              /* A disc: filled, outlined; round, so its box's corner
               * (7, 7) is on the outline and (1, 20) too. */
              assert_pixel (surface, 20, 20, r, g, b);
              assert_pixel (surface, 20, 1, fore, fore, fore);
              assert_pixel (surface, 1, 20, fore, fore, fore);
              assert_pixel (surface, 4, 4, back, back, back);
              break;
            case COHORTS_RAG_AMBER:
              /* Half a disc filled, below a line across the middle. */
              assert_pixel (surface, 20, 30, r, g, b);
              assert_pixel (surface, 20, 10, back, back, back);
              assert_pixel (surface, 20, 20, fore, fore, fore);
              assert_pixel (surface, 20, 1, fore, fore, fore);
              break;
            case COHORTS_RAG_RED:
              /* A square: filled into its corners, short of the box's
               * sides (the outline from 2.55 to 6.15). */
              assert_pixel (surface, 20, 20, r, g, b);
              assert_pixel (surface, 7, 7, r, g, b);
              assert_pixel (surface, 32, 32, r, g, b);
              assert_pixel (surface, 4, 4, fore, fore, fore);
              assert_pixel (surface, 1, 20, back, back, back);
              break;
            case COHORTS_RAG_NOT_ASSESSED:
            default:
              /* A ring, quieter than the text. */
              assert_pixel (surface, 20, 20, back, back, back);
              assert_pixel (surface, 20, 1, quiet, quiet, quiet);
              assert_pixel (surface, 10, 10, back, back, back);
              break;
            }
          cairo_surface_destroy (surface);
        }
    }
}

/* How many pixels in the square of side 2 @half + 1 about (@x, @y) are
 * near @r, @g, @b. */
static guint
count_near (cairo_surface_t *surface,
            int              x,
            int              y,
            int              half,
            int              r,
            int              g,
            int              b,
            int              slack)
{
  guint n = 0;

  for (int i = x - half; i <= x + half; i++)
    for (int j = y - half; j <= y + half; j++)
      {
        int rgb[3];

        pixel (surface, i, j, rgb);
        n += ABS (rgb[0] - r) <= slack && ABS (rgb[1] - g) <= slack && ABS (rgb[2] - b) <= slack;
      }
  return n;
}

/* The church school's (row 2, middle y 110) consent refused: a vermilion
 * cross at x 291, with no marker of the step at 327; its site trustees'
 * consent requested: an open diamond at x 262, outlined in the text colour,
 * empty inside. */
static void
test_render_church_track (Fixture       *f,
                          gconstpointer  data)
{
  CohortsSchool *church = school (f, 100002);
  cairo_surface_t *before, *after;

  {
    g_autoptr(CohortsTimelineLayout) layout = cohorts_timeline_layout_new (f->rows, &f->view);

    before = render (layout, FALSE, NULL);
  }
  cohorts_plan_edit (f->plan, church,
                     "diocesan-consent", COHORTS_CONSENT_REFUSED,
                     "diocesan-consent-decided", (guint) cohorts_date_new (2026, 12, 1),
                     "site-trustees-consent", COHORTS_CONSENT_REQUESTED,
                     "site-trustees-consent-requested", (guint) cohorts_date_new (2026, 11, 2),
                     NULL);
  {
    g_autoptr(CohortsTimelineLayout) layout = cohorts_timeline_layout_new (f->rows, &f->view);

    after = render (layout, FALSE, NULL);
  }

  /* The cross: vermilion at its middle and along its arms, not beside
   * them; none there before. */
  assert_pixel (after, 291, 110, 213, 94, 0);
  g_assert_cmpuint (count_near (after, 289, 108, 0, 213, 94, 0, 30), ==, 1);
  g_assert_cmpuint (count_near (after, 293, 112, 0, 213, 94, 0, 30), ==, 1);
  g_assert_cmpuint (count_near (after, 289, 112, 0, 213, 94, 0, 30), ==, 1);
  g_assert_cmpuint (count_near (after, 293, 108, 0, 213, 94, 0, 30), ==, 1);
  /* Not beside the middle: a cross, not a blob. */
  g_assert_cmpuint (count_near (after, 291, 106, 0, 213, 94, 0, 60), ==, 0);
  g_assert_cmpuint (count_near (after, 287, 110, 0, 213, 94, 0, 60), ==, 0);
  g_assert_cmpuint (count_near (before, 291, 110, 5, 213, 94, 0, 3), ==, 0);
  g_assert_cmpuint (count_near (after, 291, 110, 5, 213, 94, 0, 3), >=, 9);
  /* The step's marker at 327 is gone: no dark outline there now. */
  g_assert_cmpuint (count_near (before, 327, 110, 3, 36, 36, 36, 40), >, 0);
  g_assert_cmpuint (count_near (after, 327, 110, 3, 36, 36, 36, 40), ==, 0);

  /* The request: dark outline about x 262, white inside. */
  g_assert_cmpuint (count_near (before, 262, 110, 6, 36, 36, 36, 40), ==, 0);
  g_assert_cmpuint (count_near (after, 262, 110, 6, 36, 36, 36, 40), >=, 8);
  assert_pixel (after, 262, 110, 255, 255, 255);

  cairo_surface_destroy (before);
  cairo_surface_destroy (after);
}

static void
test_render_legend (void)
{
  CohortsTimelineStyle style;
  cairo_surface_t *surface;
  cairo_t *cr;
  double narrow, wide;

  cohorts_timeline_style_init (&style, FALSE);
  wide = cohorts_timeline_render_legend (NULL, &style, 4000);
  narrow = cohorts_timeline_render_legend (NULL, &style, 400);
  /* One line when there is room; more when there is not. */
  g_assert_cmpfloat (wide, ==, 34);
  g_assert_cmpfloat (narrow, >, 3 * 22);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 400, (int) ceil (narrow));
  cr = cairo_create (surface);
  g_assert_cmpfloat (cohorts_timeline_render_legend (cr, &style, 400), ==, narrow);
  cairo_destroy (cr);
  /* The first key, a bar, in sky blue at 60%. */
  assert_pixel (surface, 16, 17, 154, 210, 242);
  cairo_surface_destroy (surface);

  /* On one line, the last key is readiness: its four marks in order, green,
   * amber (half filled), red, then a ring. Before it the rightmost green is
   * the converted diamond's, the rightmost orange the warning sign's. */
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 4000, (int) ceil (wide));
  cr = cairo_create (surface);
  cohorts_timeline_render_legend (cr, &style, 4000);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  {
    int green = -1, amber = -1, red = -1, amber_y = -1;

    for (int x = 0; x < 4000; x++)
      for (int y = 0; y < (int) wide; y++)
        {
          int rgb[3];

          pixel (surface, x, y, rgb);
          if (ABS (rgb[0] - 0) <= 3 && ABS (rgb[1] - 158) <= 3 && ABS (rgb[2] - 115) <= 3)
            green = x;
          if (ABS (rgb[0] - 230) <= 3 && ABS (rgb[1] - 159) <= 3 && ABS (rgb[2] - 0) <= 3)
            amber = x, amber_y = y;
          if (ABS (rgb[0] - 213) <= 3 && ABS (rgb[1] - 94) <= 3 && ABS (rgb[2] - 0) <= 3)
            red = x;
        }
    g_assert_cmpint (green, >, 0);
    g_assert_cmpint (amber, >, green);
    g_assert_cmpint (red, >, amber);
    g_assert_cmpint (red - green, <, 200);
    /* Amber only below the middle of the line (y 17). */
    g_assert_cmpint (amber_y, >=, 17);
  }
  cairo_surface_destroy (surface);
}

/* A baseline saved with the plan as above, then the first cohort moved from
 * 1 September 2027 to 1 January 2028 (122 days later: x = 687). School
 * 100001's row (y = 80) keeps a thin grey bar from its baseline steps' start
 * (x = 565 - 210 = 355) to a tick at its baseline date (x = 565), under its
 * own bar, which now starts at x = 477. The cohort's row (y = 60) has the
 * same at its baseline date. */
static void
test_render_baseline (Fixture       *f,
                      gconstpointer  data)
{
  CohortsBaseline *baseline = cohorts_plan_add_baseline (f->plan, "Agreed", NULL);
  g_autoptr(CohortsTimelineLayout) layout = NULL;
  g_autoptr(CohortsTimelineLayout) plain = NULL;
  const CohortsTimelineRow *row;
  cairo_surface_t *surface;
  CohortsSchool *late;

  cohorts_plan_edit (f->plan, f->first, "date", cohorts_date_new (2028, 1, 1), NULL);
  late = add_school (f->plan, 100007, COHORTS_ESTABLISHMENT_COMMUNITY, COHORTS_RELIGIOUS_CHARACTER_NONE,
                     COHORTS_OFSTED_GRADE_GOOD, f->first);
  g_assert_nonnull (late);

  /* Without a baseline shown: nothing of it. */
  plain = cohorts_timeline_layout_new (f->rows, &f->view);
  row = cohorts_timeline_layout_get_row (plain, 1);
  g_assert_cmpuint (row->baseline_conversion, ==, COHORTS_DATE_NONE);
  g_assert_true (isnan (row->baseline_x));
  g_assert_true (isnan (cohorts_timeline_layout_get_row (plain, 0)->baseline_x));
  surface = render (plain, FALSE, NULL);
  assert_pixel (surface, 450, 95, 255, 255, 255);
  assert_pixel (surface, 320, 75, 244, 244, 244);
  cairo_surface_destroy (surface);

  cohorts_timeline_rows_set_baseline (f->rows, baseline);
  g_assert_true (cohorts_timeline_rows_get_baseline (f->rows) == baseline);
  layout = cohorts_timeline_layout_new (f->rows, &f->view);
  row = cohorts_timeline_layout_get_row (layout, 1);
  g_assert_true (row->school == school (f, 100001));
  g_assert_cmpuint (row->conversion, ==, cohorts_date_new (2028, 1, 1));
  g_assert_cmpfloat (row->start_x, ==, 477);
  g_assert_cmpuint (row->baseline_conversion, ==, cohorts_date_new (2027, 9, 1));
  g_assert_cmpfloat (row->baseline_x, ==, 565);
  g_assert_cmpfloat (row->baseline_start_x, ==, 355);
  /* The church school's steps start 42 days sooner. */
  row = cohorts_timeline_layout_get_row (layout, 2);
  g_assert_cmpfloat (row->baseline_start_x, ==, 313);
  /* A school that joined since has no baseline bar. */
  row = cohorts_timeline_layout_get_row (layout, 4);
  g_assert_true (row->school == late);
  g_assert_true (isnan (row->baseline_x));
  /* The cohort's row: its date then, by id. */
  row = cohorts_timeline_layout_get_row (layout, 0);
  g_assert_cmpint (row->kind, ==, COHORTS_TIMELINE_ROW_GROUP);
  g_assert_cmpuint (row->baseline_conversion, ==, cohorts_date_new (2027, 9, 1));
  g_assert_cmpfloat (row->baseline_x, ==, 565);
  /* Its schools' steps as long as now: from 435 to 687, so from 313. */
  g_assert_cmpfloat (row->start_x, ==, 435);
  g_assert_cmpfloat (row->baseline_start_x, ==, 313);

  /* The grey: the text colour at 45% on white. Above it, where the old bar
   * was, nothing; the tick at the baseline date rises into the row. */
  surface = render (layout, FALSE, NULL);
  assert_pixel (surface, 450, 95, 156, 156, 156);
  assert_pixel (surface, 450, 96, 156, 156, 156);
  assert_pixel (surface, 450, 90, 255, 255, 255);
  assert_pixel (surface, 360, 95, 156, 156, 156);
  assert_pixel (surface, 350, 95, 255, 255, 255);
  assert_pixel (surface, 570, 95, 249, 249, 249);   /* 2027/28 is shaded */
  /* The cohort's row (y = 60, its ground 244): the same grey bar under
   * where its thin span would be, and a tick at 565. */
  assert_pixel (surface, 320, 75, 150, 150, 150);
  assert_pixel (surface, 310, 75, 244, 244, 244);
  assert_pixel (surface, 320, 70, 244, 244, 244);
  assert_pixel (surface, 564, 73, 150, 150, 150);
  cairo_surface_destroy (surface);

  /* None again. */
  cohorts_timeline_rows_set_baseline (f->rows, NULL);
  g_clear_pointer (&layout, cohorts_timeline_layout_free);
  layout = cohorts_timeline_layout_new (f->rows, &f->view);
  g_assert_true (isnan (cohorts_timeline_layout_get_row (layout, 1)->baseline_x));
}

/* The legend has the baseline's key only when one is shown. */
static void
test_render_legend_baseline (void)
{
  CohortsTimelineStyle style;
  double heights[2];
  guint greys[2];

  cohorts_timeline_style_init (&style, FALSE);
  for (guint with = 0; with < 2; with++)
    {
      cairo_surface_t *surface;
      cairo_t *cr;
      guint grey = 0;

      heights[with] = cohorts_timeline_render_legend_full (NULL, &style, 4000, with);
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 4000, (int) ceil (heights[with]));
      cr = cairo_create (surface);
      cohorts_timeline_render_legend_full (cr, &style, 4000, with);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      for (int x = 0; x < 4000; x++)
        for (int y = 0; y < (int) heights[with]; y++)
          {
            int rgb[3];

            pixel (surface, x, y, rgb);
            grey += ABS (rgb[0] - 156) <= 2 && ABS (rgb[1] - 156) <= 2 && ABS (rgb[2] - 156) <= 2;
          }
      greys[with] = grey;
      cairo_surface_destroy (surface);
    }
  g_assert_cmpfloat (heights[0], ==, heights[1]);
  /* The key's bar, 1.6 × 16 by 2 pixels, and its tick: more of that grey
   * than the text's edges give. */
  g_assert_cmpuint (greys[1], >=, greys[0] + 50);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/timeline/rows/index", test_rows_index);
  ADD ("/timeline/rows/collapse", test_rows_collapse);
  ADD ("/timeline/rows/follow-plan", test_rows_follow_plan);
  ADD ("/timeline/rows/counts", test_rows_counts);
  ADD ("/timeline/rows/readiness", test_rows_readiness);
  ADD ("/timeline/layout/rows", test_layout_rows);
  ADD ("/timeline/layout/readiness", test_layout_readiness);
  ADD ("/timeline/layout/church-track", test_layout_church_track);
  ADD ("/timeline/layout/states", test_layout_states);
  ADD ("/timeline/layout/scrolled", test_layout_scrolled);
  ADD ("/timeline/layout/axis", test_layout_axis);
  ADD ("/timeline/layout/zoom", test_layout_zoom);
  ADD ("/timeline/layout/extent", test_layout_extent);
  ADD ("/timeline/layout/strip", test_layout_strip);
  ADD ("/timeline/layout/hit", test_layout_hit);
  g_test_add_func ("/timeline/layout/large", test_layout_large);
  g_test_add_func ("/timeline/layout/empty", test_layout_empty);
  ADD ("/timeline/render/light", test_render_light);
  ADD ("/timeline/render/states", test_render_states);
  ADD ("/timeline/render/dark", test_render_dark);
  ADD ("/timeline/render/strip", test_render_strip);
  ADD ("/timeline/render/pinned", test_render_pinned);
  ADD ("/timeline/render/readiness", test_render_readiness);
  ADD ("/timeline/render/readiness-dark", test_render_readiness_dark);
  g_test_add_func ("/timeline/render/readiness-shapes", test_render_readiness_shapes);
  ADD ("/timeline/render/church-track", test_render_church_track);
  g_test_add_func ("/timeline/render/legend", test_render_legend);
  ADD ("/timeline/render/baseline", test_render_baseline);
  g_test_add_func ("/timeline/render/legend-baseline", test_render_legend_baseline);

  return g_test_run ();
}
