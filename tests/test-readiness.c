/* test-readiness.c: readiness scores and RAG ratings, worked out by hand,
 * and their undoable edits
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The default weights: inspection 8, finances 8, resolution 10 (critical),
 * consultation 5, land 6, staff 5, diocesan consent 10 (critical, church
 * schools only), leadership 6, viability 5. A school that is not a church
 * school is weighed out of 53, a church school out of 63; scores are kept in
 * half-weights (out of 106 and 126).
 */
#define G_LOG_DOMAIN "test-readiness"

#include "config.h"

#include "cohorts-plan.h"
#include "cohorts-readiness.h"

static void
answers_clear (CohortsAnswer answers[COHORTS_N_CRITERIA])
{
  for (guint i = 0; i < COHORTS_N_CRITERIA; i++)
    answers[i] = (CohortsAnswer) { COHORTS_ANSWER_NONE, NULL, COHORTS_DATE_NONE };
}

static void
answers_fill (CohortsAnswer      answers[COHORTS_N_CRITERIA],
              CohortsAnswerState state)
{
  for (guint i = 0; i < COHORTS_N_CRITERIA; i++)
    answers[i] = (CohortsAnswer) { state, NULL, COHORTS_DATE_NONE };
}

/* B: inspection met 16, finances partly 8, resolution met 20, consultation
 * not met 0, land not applicable (out), staff met 10, diocesan consent not
 * assessed, leadership partly 6, viability met 10: 70 half-weights out of
 * 106 - 12 = 94, 74.47 %. */
static void
answers_b (CohortsAnswer answers[COHORTS_N_CRITERIA])
{
  answers_clear (answers);
  answers[COHORTS_CRITERION_INSPECTION].state = COHORTS_ANSWER_MET;
  answers[COHORTS_CRITERION_FINANCES].state = COHORTS_ANSWER_PARTLY;
  answers[COHORTS_CRITERION_RESOLUTION].state = COHORTS_ANSWER_MET;
  answers[COHORTS_CRITERION_CONSULTATION].state = COHORTS_ANSWER_NOT_MET;
  answers[COHORTS_CRITERION_LAND].state = COHORTS_ANSWER_NOT_APPLICABLE;
  answers[COHORTS_CRITERION_STAFF].state = COHORTS_ANSWER_MET;
  answers[COHORTS_CRITERION_LEADERSHIP].state = COHORTS_ANSWER_PARTLY;
  answers[COHORTS_CRITERION_VIABILITY].state = COHORTS_ANSWER_MET;
}

static void
test_criteria (void)
{
  CohortsCriterion c;
  CohortsAnswerState s;

  g_assert_cmpstr (cohorts_criterion_get_id (COHORTS_CRITERION_DIOCESAN_CONSENT), ==, "diocesan-consent");
  g_assert_true (cohorts_criterion_from_id ("viability", &c));
  g_assert_cmpint (c, ==, COHORTS_CRITERION_VIABILITY);
  g_assert_false (cohorts_criterion_from_id ("Viability", &c));
  g_assert_false (cohorts_criterion_from_id ("", &c));
  g_assert_true (cohorts_criterion_is_church_only (COHORTS_CRITERION_DIOCESAN_CONSENT));
  g_assert_false (cohorts_criterion_is_church_only (COHORTS_CRITERION_RESOLUTION));
  g_assert_cmpstr (cohorts_criterion_get_name (COHORTS_CRITERION_FINANCES), ==, "Finances and a sustainable budget");

  g_assert_true (cohorts_answer_state_from_token ("not-met", &s));
  g_assert_cmpint (s, ==, COHORTS_ANSWER_NOT_MET);
  g_assert_false (cohorts_answer_state_from_token ("none", &s));
  g_assert_false (cohorts_answer_state_from_token (NULL, &s));
  g_assert_cmpstr (cohorts_answer_state_to_token (COHORTS_ANSWER_NOT_APPLICABLE), ==, "not-applicable");
}

static void
test_default_framework (void)
{
  CohortsFramework f;
  int total = 0;

  cohorts_framework_init_default (&f);
  for (guint i = 0; i < COHORTS_N_CRITERIA; i++)
    total += f.weights[i];
  g_assert_cmpint (total, ==, 63);
  g_assert_cmpint (f.green_min, ==, 75);
  g_assert_cmpint (f.amber_min, ==, 50);
  g_assert_true (f.critical[COHORTS_CRITERION_RESOLUTION]);
  g_assert_true (f.critical[COHORTS_CRITERION_DIOCESAN_CONSENT]);
  g_assert_false (f.critical[COHORTS_CRITERION_FINANCES]);
  g_assert_true (cohorts_framework_is_default (&f));
  g_assert_true (cohorts_framework_is_valid (&f));
  f.weights[0] = 11;
  g_assert_false (cohorts_framework_is_valid (&f));
  f.weights[0] = 0;
  g_assert_false (cohorts_framework_is_valid (&f));
  f.weights[0] = 8;
  f.amber_min = 80;
  g_assert_false (cohorts_framework_is_valid (&f));
}

static void
test_score (void)
{
  CohortsFramework f;
  CohortsAnswer a[COHORTS_N_CRITERIA];
  CohortsReadinessScore s;

  cohorts_framework_init_default (&f);

  /* No answers at all: not assessed, whether a church school or not. */
  answers_clear (a);
  cohorts_readiness_score (&f, FALSE, a, &s);
  g_assert_cmpint (s.rag, ==, COHORTS_RAG_NOT_ASSESSED);
  g_assert_cmpuint (s.counted, ==, 8);
  g_assert_cmpuint (s.not_assessed, ==, 8);
  g_assert_cmpuint (s.out_of, ==, 106);
  g_assert_cmpuint (s.points, ==, 0);
  cohorts_readiness_score (&f, TRUE, a, &s);
  g_assert_cmpint (s.rag, ==, COHORTS_RAG_NOT_ASSESSED);
  g_assert_cmpuint (s.counted, ==, 9);
  g_assert_cmpuint (s.out_of, ==, 126);

  /* Nothing applies: nothing to weigh, not assessed. */
  answers_fill (a, COHORTS_ANSWER_NOT_APPLICABLE);
  cohorts_readiness_score (&f, TRUE, a, &s);
  g_assert_cmpint (s.rag, ==, COHORTS_RAG_NOT_ASSESSED);
  g_assert_cmpuint (s.counted, ==, 0);
  g_assert_cmpint (cohorts_readiness_score_percent (&s), ==, 0);

  /* All met: 100 %, green; the church-only criterion left out for others. */
  answers_fill (a, COHORTS_ANSWER_MET);
  cohorts_readiness_score (&f, FALSE, a, &s);
  g_assert_cmpint (s.rag, ==, COHORTS_RAG_GREEN);
  g_assert_cmpuint (s.points, ==, 106);
  g_assert_cmpuint (s.out_of, ==, 106);
  g_assert_cmpint (cohorts_readiness_score_percent (&s), ==, 100);

  /* B: 70 / 94 = 74.47 %: amber, just under green's 75 %. */
  answers_b (a);
  cohorts_readiness_score (&f, FALSE, a, &s);
  g_assert_cmpuint (s.points, ==, 70);
  g_assert_cmpuint (s.out_of, ==, 94);
  g_assert_cmpuint (s.counted, ==, 7);
  g_assert_cmpuint (s.not_assessed, ==, 0);
  g_assert_false (s.critical_not_met);
  g_assert_cmpint (cohorts_readiness_score_percent (&s), ==, 74);
  g_assert_cmpint (s.rag, ==, COHORTS_RAG_AMBER);
  /* Green from 74 %: 7000 >= 74 * 94 = 6956. */
  f.green_min = 74;
  cohorts_readiness_score (&f, FALSE, a, &s);
  g_assert_cmpint (s.rag, ==, COHORTS_RAG_GREEN);
  f.green_min = 75;

  /* B for a church school: diocesan consent not assessed counts as not met
   * (70 / 114 = 61 %) and, being critical, makes it red. */
  cohorts_readiness_score (&f, TRUE, a, &s);
  g_assert_cmpuint (s.points, ==, 70);
  g_assert_cmpuint (s.out_of, ==, 114);
  g_assert_cmpuint (s.not_assessed, ==, 1);
  g_assert_true (s.critical_not_met);
  g_assert_cmpint (cohorts_readiness_score_percent (&s), ==, 61);
  g_assert_cmpint (s.rag, ==, COHORTS_RAG_RED);
  /* Not critical any more: amber by its score. */
  f.critical[COHORTS_CRITERION_DIOCESAN_CONSENT] = FALSE;
  cohorts_readiness_score (&f, TRUE, a, &s);
  g_assert_cmpint (s.rag, ==, COHORTS_RAG_AMBER);
  cohorts_framework_init_default (&f);

  /* A critical criterion not met: red at 86 / 106 = 81 %. */
  answers_fill (a, COHORTS_ANSWER_MET);
  a[COHORTS_CRITERION_RESOLUTION].state = COHORTS_ANSWER_NOT_MET;
  cohorts_readiness_score (&f, FALSE, a, &s);
  g_assert_cmpuint (s.points, ==, 86);
  g_assert_cmpint (cohorts_readiness_score_percent (&s), ==, 81);
  g_assert_cmpint (s.rag, ==, COHORTS_RAG_RED);

  /* Resolution met, the rest partly: 20 + 43 = 63 / 106 = 59 %, amber. */
  answers_fill (a, COHORTS_ANSWER_PARTLY);
  a[COHORTS_CRITERION_RESOLUTION].state = COHORTS_ANSWER_MET;
  cohorts_readiness_score (&f, FALSE, a, &s);
  g_assert_cmpuint (s.points, ==, 63);
  g_assert_cmpint (cohorts_readiness_score_percent (&s), ==, 59);
  g_assert_cmpint (s.rag, ==, COHORTS_RAG_AMBER);

  /* Resolution met, the rest not met: 20 / 106 = 18 %, red by score. */
  answers_fill (a, COHORTS_ANSWER_NOT_MET);
  a[COHORTS_CRITERION_RESOLUTION].state = COHORTS_ANSWER_MET;
  cohorts_readiness_score (&f, FALSE, a, &s);
  g_assert_false (s.critical_not_met);
  g_assert_cmpint (cohorts_readiness_score_percent (&s), ==, 18);
  g_assert_cmpint (s.rag, ==, COHORTS_RAG_RED);

  /* One answer among unanswered criteria: assessed, the rest count as not
   * met (and the resolution, critical, makes it red). */
  answers_clear (a);
  a[COHORTS_CRITERION_FINANCES].state = COHORTS_ANSWER_MET;
  cohorts_readiness_score (&f, FALSE, a, &s);
  g_assert_cmpuint (s.not_assessed, ==, 7);
  g_assert_cmpuint (s.points, ==, 16);
  g_assert_cmpint (s.rag, ==, COHORTS_RAG_RED);
}

static CohortsSchool *
add_school (CohortsPlan *plan,
            guint        urn,
            const char  *name)
{
  g_autoptr(CohortsSchool) school = cohorts_school_new (urn, name);

  g_assert_true (cohorts_plan_add_school (plan, school, NULL));
  return school;
}

static void
count_cb (gpointer  object,
          guint     criterion,
          int      *count)
{
  (*count)++;
}

static void
test_set_answer (void)
{
  g_autoptr(CohortsPlan) plan = cohorts_plan_new ();
  CohortsHistory *history = cohorts_plan_get_history (plan);
  CohortsSchool *ashby;
  CohortsAnswer answer = { COHORTS_ANSWER_PARTLY, (char *) "Recovery plan agreed", 0 };
  const CohortsAnswer *got;
  CohortsReadinessScore score;
  g_autoptr(GError) error = NULL;
  int signals = 0;

  ashby = add_school (plan, 123456, "Ashby First School");
  cohorts_history_clear (history);
  g_signal_connect (ashby, "answer-changed", G_CALLBACK (count_cb), &signals);

  answer.date = cohorts_date_new (2026, 10, 14);
  g_assert_true (cohorts_plan_set_answer (plan, ashby, COHORTS_CRITERION_FINANCES, &answer, &error));
  g_assert_no_error (error);
  g_assert_cmpint (signals, ==, 1);
  g_assert_cmpstr (cohorts_history_get_undo_label (history), ==,
                   "Set “Finances and a sustainable budget” for Ashby First School");
  got = cohorts_school_get_answer (ashby, COHORTS_CRITERION_FINANCES);
  g_assert_cmpint (got->state, ==, COHORTS_ANSWER_PARTLY);
  g_assert_cmpstr (got->note, ==, "Recovery plan agreed");
  g_assert_cmpuint (got->date, ==, cohorts_date_new (2026, 10, 14));
  g_assert_true (got->note != answer.note);
  cohorts_plan_score_school (plan, ashby, &score);
  g_assert_cmpuint (score.points, ==, 8);
  g_assert_cmpint (score.rag, ==, COHORTS_RAG_RED);

  /* The same again: no step. */
  g_assert_true (cohorts_plan_set_answer (plan, ashby, COHORTS_CRITERION_FINANCES, &answer, NULL));
  g_assert_cmpint (signals, ==, 1);

  /* State, note and date in one step; an empty note is none. */
  answer = (CohortsAnswer) { COHORTS_ANSWER_MET, (char *) "", COHORTS_DATE_NONE };
  g_assert_true (cohorts_plan_set_answer (plan, ashby, COHORTS_CRITERION_FINANCES, &answer, NULL));
  got = cohorts_school_get_answer (ashby, COHORTS_CRITERION_FINANCES);
  g_assert_cmpint (got->state, ==, COHORTS_ANSWER_MET);
  g_assert_null (got->note);
  g_assert_cmpuint (got->date, ==, COHORTS_DATE_NONE);

  g_assert_true (cohorts_history_undo (history));
  got = cohorts_school_get_answer (ashby, COHORTS_CRITERION_FINANCES);
  g_assert_cmpint (got->state, ==, COHORTS_ANSWER_PARTLY);
  g_assert_cmpstr (got->note, ==, "Recovery plan agreed");
  g_assert_cmpuint (got->date, ==, cohorts_date_new (2026, 10, 14));
  g_assert_true (cohorts_history_undo (history));
  g_assert_false (cohorts_school_has_answers (ashby));
  g_assert_false (cohorts_history_can_undo (history));
  g_assert_true (cohorts_history_redo (history));
  g_assert_true (cohorts_history_redo (history));
  g_assert_cmpint (cohorts_school_get_answer (ashby, COHORTS_CRITERION_FINANCES)->state, ==, COHORTS_ANSWER_MET);

  /* A note is one line, as the file keeps it. */
  answer = (CohortsAnswer) { COHORTS_ANSWER_MET, (char *) "Signed\nby the chair", COHORTS_DATE_NONE };
  g_assert_true (cohorts_plan_set_answer (plan, ashby, COHORTS_CRITERION_FINANCES, &answer, NULL));
  g_assert_cmpstr (cohorts_school_get_answer (ashby, COHORTS_CRITERION_FINANCES)->note, ==, "Signed by the chair");

  /* Taking the answer away. */
  answer = (CohortsAnswer) { COHORTS_ANSWER_NONE, (char *) "ignored", cohorts_date_new (2026, 1, 1) };
  g_assert_true (cohorts_plan_set_answer (plan, ashby, COHORTS_CRITERION_FINANCES, &answer, NULL));
  g_assert_cmpstr (cohorts_history_get_undo_label (history), ==,
                   "Clear “Finances and a sustainable budget” for Ashby First School");
  g_assert_false (cohorts_school_has_answers (ashby));
  g_assert_null (cohorts_school_get_answer (ashby, COHORTS_CRITERION_FINANCES)->note);

  /* A date no plan holds is refused, nothing changes. */
  answer = (CohortsAnswer) { COHORTS_ANSWER_MET, NULL, (CohortsDate) 1 };
  g_assert_false (cohorts_plan_set_answer (plan, ashby, COHORTS_CRITERION_LAND, &answer, &error));
  g_assert_error (error, COHORTS_PLAN_ERROR, COHORTS_PLAN_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "The evidence for “Land and buildings” needs a date between 1900 and 2200");
  g_assert_false (cohorts_school_has_answers (ashby));
}

static void
test_framework_edits (void)
{
  g_autoptr(CohortsPlan) plan = cohorts_plan_new ();
  CohortsHistory *history = cohorts_plan_get_history (plan);
  CohortsReadiness *readiness = cohorts_plan_get_readiness (plan);
  const CohortsFramework *f = cohorts_readiness_get_framework (readiness);
  g_autoptr(GError) error = NULL;

  g_assert_true (cohorts_framework_is_default (f));

  cohorts_plan_set_criterion_weight (plan, COHORTS_CRITERION_CONSULTATION, 9);
  g_assert_cmpint (f->weights[COHORTS_CRITERION_CONSULTATION], ==, 9);
  g_assert_cmpstr (cohorts_history_get_undo_label (history), ==, "Change Weight of “Consultation”");
  cohorts_plan_set_criterion_critical (plan, COHORTS_CRITERION_LAND, TRUE);
  g_assert_true (f->critical[COHORTS_CRITERION_LAND]);
  g_assert_cmpstr (cohorts_history_get_undo_label (history), ==, "Make “Land and buildings” Critical");
  g_assert_true (cohorts_plan_set_readiness_thresholds (plan, 80, 60, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (cohorts_history_get_undo_label (history), ==, "Change Readiness Thresholds");
  g_assert_cmpint (f->green_min, ==, 80);
  g_assert_cmpint (f->amber_min, ==, 60);

  g_assert_false (cohorts_plan_set_readiness_thresholds (plan, 50, 60, &error));
  g_assert_error (error, COHORTS_PLAN_ERROR, COHORTS_PLAN_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (cohorts_plan_set_readiness_thresholds (plan, 101, 60, &error));
  g_clear_error (&error);
  g_assert_cmpint (f->green_min, ==, 80);

  /* Restoring the default is one step, undone whole. */
  cohorts_plan_restore_default_framework (plan);
  g_assert_cmpstr (cohorts_history_get_undo_label (history), ==, "Restore Default Framework");
  g_assert_true (cohorts_framework_is_default (f));
  g_assert_true (cohorts_history_undo (history));
  g_assert_cmpint (f->weights[COHORTS_CRITERION_CONSULTATION], ==, 9);
  g_assert_true (f->critical[COHORTS_CRITERION_LAND]);
  g_assert_cmpint (f->green_min, ==, 80);
  g_assert_true (cohorts_history_redo (history));
  g_assert_true (cohorts_framework_is_default (f));
  /* Restoring the default when it is already: no step. */
  cohorts_plan_restore_default_framework (plan);
  g_assert_cmpstr (cohorts_history_get_undo_label (history), ==, "Restore Default Framework");
  g_assert_true (cohorts_history_undo (history));
  g_assert_true (cohorts_history_undo (history));
  g_assert_true (cohorts_history_undo (history));
  g_assert_false (f->critical[COHORTS_CRITERION_LAND]);
  g_assert_true (cohorts_history_undo (history));
  g_assert_true (cohorts_framework_is_default (f));
  g_assert_false (cohorts_history_can_undo (history));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/readiness/criteria", test_criteria);
  g_test_add_func ("/readiness/default-framework", test_default_framework);
  g_test_add_func ("/readiness/score", test_score);
  g_test_add_func ("/readiness/set-answer", test_set_answer);
  g_test_add_func ("/readiness/framework-edits", test_framework_edits);

  return g_test_run ();
}
