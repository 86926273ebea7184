/* test-suggest.c: Suggest Cohorts
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A small plan with every placement worked out by hand in the comments;
 * then generated plans (random grades, church schools, readiness, locks,
 * limits) on which every constraint is checked after the proposal is
 * applied, the support ratio and throughput by the capacity checks
 * themselves; and the undo that takes it all back.
 */
#define G_LOG_DOMAIN "test-suggest"

#include "config.h"

#include "cohorts-capacity.h"
#include "cohorts-checks.h"
#include "cohorts-plan-xml.h"
#include "cohorts-suggest.h"

static guint next_urn = 300001;

static CohortsDate
d (int year, int month, int day)
{
  return cohorts_date_new (year, month, day);
}

static CohortsSchool *
add_school (CohortsPlan        *plan,
            const char         *name,
            CohortsOfstedGrade  grade)
{
  g_autoptr(CohortsSchool) school = cohorts_school_new (next_urn++, name);

  g_assert_true (cohorts_plan_add_school (plan, school, NULL));
  cohorts_plan_edit (plan, school, "ofsted-grade", grade, NULL);
  return school;   /* the plan holds it */
}

/* Answers every criterion @state, but @other on @criterion. */
static void
answer_all (CohortsPlan        *plan,
            CohortsSchool      *school,
            CohortsAnswerState  state,
            CohortsCriterion    criterion,
            CohortsAnswerState  other)
{
  for (CohortsCriterion c = 0; c < COHORTS_N_CRITERIA; c++)
    {
      CohortsAnswer answer = { c == criterion ? other : state, NULL, COHORTS_DATE_NONE };

      g_assert_true (cohorts_plan_set_answer (plan, school, c, &answer, NULL));
    }
}

/* Every step but the funding agreement done in October 2026. */
static void
steps_done (CohortsPlan   *plan,
            CohortsSchool *school)
{
  for (CohortsStep step = 0; step < COHORTS_STEP_FUNDING_AGREEMENT; step++)
    {
      CohortsMilestone m = { COHORTS_DATE_NONE, d (2026, 10, 1), COHORTS_MILESTONE_DONE };

      if (cohorts_step_applies (step, school))
        g_assert_true (cohorts_plan_set_milestone (plan, school, step, &m, NULL));
    }
}

static const char *
placed_in (CohortsSuggestion *suggestion,
           CohortsSchool     *school,
           CohortsPlacedBecause *because,
           const char       **reason)
{
  for (guint i = 0; i < cohorts_suggestion_get_n_placements (suggestion); i++)
    {
      const CohortsPlacement *p = cohorts_suggestion_get_placement (suggestion, i);

      if (p->school == school)
        {
          *because = p->because;
          *reason = p->reason;
          return cohorts_suggestion_get_cohort (suggestion, p->cohort)->name;
        }
    }
  return NULL;
}

static void
assert_placed (CohortsSuggestion    *suggestion,
               CohortsSchool        *school,
               const char           *cohort,
               CohortsPlacedBecause  because,
               const char           *reason)
{
  CohortsPlacedBecause got = 0;
  const char *got_reason = NULL;

  g_assert_cmpstr (placed_in (suggestion, school, &got, &got_reason), ==, cohort);
  g_assert_cmpint (got, ==, because);
  if (reason != NULL)
    g_assert_cmpstr (got_reason, ==, reason);
}

/* The small plan: support ratio 1, cohorts of 2 at most, each term, today
 * 23 November 2026, the default schedule (a school's longest lead is its
 * resolution, 30 weeks before: from 24 November 2026, 21 June 2027, so 1
 * July 2027 at the earliest; 1 December 2026 is the first month of all).
 *   Ash     Good (strong), all met: green 100%; every step done but the
 *           funding agreement (2 weeks): from 1 January 2027
 *   Birch   RI (needs support), all met: green 100%
 *   Cedar   Good (strong), finances not met: 45 of the 53 weights that
 *           count for a school that is not a church school, green 84%
 *   Elm     RI (needs support), the same: green 84% (after Cedar: strong
 *           schools first)
 *   Dale    no grade, resolution (10, critical) not met: 43 of 53, red 81%
 * Terms from December 2026: January 2027, April 2027, September 2027,
 * January 2028…
 *   Ash    → January 2027 (its steps: the earliest it can)  = Cohort 1
 *   Birch  → September 2027: 1 strong (Ash) for 1 in need   = Cohort 2
 *   Cedar  → September 2027 (room for 2)                     = Cohort 2
 *   Elm    → September 2027 is full: January 2028; 2 strong for 2 = Cohort 3
 *   Dale   → January 2028, red, last                         = Cohort 3 */
static CohortsPlan *
small_plan (CohortsSchool **ash,
            CohortsSchool **birch,
            CohortsSchool **cedar,
            CohortsSchool **dale,
            CohortsSchool **elm)
{
  CohortsPlan *plan = cohorts_plan_new ();

  cohorts_plan_edit (plan, plan, "title", "Suggest", "start-date", d (2026, 9, 1), NULL);
  cohorts_plan_edit (plan, cohorts_plan_get_trust (plan), "support-ratio", 1, NULL);
  *ash = add_school (plan, "Ash Primary School", COHORTS_OFSTED_GRADE_GOOD);
  *birch = add_school (plan, "Birch Primary School", COHORTS_OFSTED_GRADE_REQUIRES_IMPROVEMENT);
  *cedar = add_school (plan, "Cedar School", COHORTS_OFSTED_GRADE_GOOD);
  *dale = add_school (plan, "Dale Middle School", COHORTS_OFSTED_GRADE_NONE);
  *elm = add_school (plan, "Elm First School", COHORTS_OFSTED_GRADE_REQUIRES_IMPROVEMENT);
  answer_all (plan, *ash, COHORTS_ANSWER_MET, 0, COHORTS_ANSWER_MET);
  answer_all (plan, *birch, COHORTS_ANSWER_MET, 0, COHORTS_ANSWER_MET);
  answer_all (plan, *cedar, COHORTS_ANSWER_MET, COHORTS_CRITERION_FINANCES, COHORTS_ANSWER_NOT_MET);
  answer_all (plan, *elm, COHORTS_ANSWER_MET, COHORTS_CRITERION_FINANCES, COHORTS_ANSWER_NOT_MET);
  answer_all (plan, *dale, COHORTS_ANSWER_MET, COHORTS_CRITERION_RESOLUTION, COHORTS_ANSWER_NOT_MET);
  steps_done (plan, *ash);
  return plan;
}

static void
small_options (CohortsSuggestOptions *options,
               CohortsPlan           *plan)
{
  cohorts_suggest_options_init (options, plan);
  options->max_size = 2;
  options->today = d (2026, 11, 23);
}

static void
test_small (void)
{
  CohortsSchool *ash, *birch, *cedar, *dale, *elm;
  g_autoptr(CohortsPlan) plan = small_plan (&ash, &birch, &cedar, &dale, &elm);
  g_autoptr(CohortsSuggestion) suggestion = NULL;
  CohortsSuggestOptions options;
  const char *const *tradeoffs;
  CohortsReadinessScore score;

  cohorts_plan_score_school (plan, dale, &score);
  g_assert_cmpint (score.rag, ==, COHORTS_RAG_RED);
  cohorts_plan_score_school (plan, ash, &score);
  g_assert_cmpint (cohorts_readiness_score_percent (&score), ==, 100);
  cohorts_plan_score_school (plan, cedar, &score);
  g_assert_cmpint (score.rag, ==, COHORTS_RAG_GREEN);
  g_assert_cmpint (cohorts_readiness_score_percent (&score), ==, 84);

  small_options (&options, plan);
  suggestion = cohorts_suggest (plan, &options);

  g_assert_cmpuint (cohorts_suggestion_get_n_placements (suggestion), ==, 5);
  g_assert_cmpuint (cohorts_suggestion_get_n_cohorts (suggestion), ==, 3);
  g_assert_cmpstr (cohorts_suggestion_get_cohort (suggestion, 0)->name, ==, "Cohort 1");
  g_assert_cmpuint (cohorts_suggestion_get_cohort (suggestion, 0)->date, ==, d (2027, 1, 1));
  g_assert_null (cohorts_suggestion_get_cohort (suggestion, 0)->cohort);
  g_assert_cmpuint (cohorts_suggestion_get_cohort (suggestion, 1)->date, ==, d (2027, 9, 1));
  g_assert_cmpuint (cohorts_suggestion_get_cohort (suggestion, 2)->date, ==, d (2028, 1, 1));

  assert_placed (suggestion, ash, "Cohort 1", COHORTS_PLACED_LEAD_TIME,
                 "Green (100%), strong. Its conversion steps take until January 2027 at the earliest: "
                 "joins Cohort 1 in January 2027.");
  assert_placed (suggestion, birch, "Cohort 2", COHORTS_PLACED_LEAD_TIME,
                 "Green (100%), needs support. Its conversion steps take until July 2027 at the earliest: "
                 "joins Cohort 2 in September 2027.");
  assert_placed (suggestion, cedar, "Cohort 2", COHORTS_PLACED_LEAD_TIME, NULL);
  assert_placed (suggestion, elm, "Cohort 3", COHORTS_PLACED_THROUGHPUT,
                 "Green (84%), needs support. The cohorts before are full for the central team: joins "
                 "Cohort 3 in January 2028.");
  assert_placed (suggestion, dale, "Cohort 3", COHORTS_PLACED_THROUGHPUT,
                 "Red (81%, a critical criterion not met). The cohorts before are full for the central team: joins Cohort 3 in January "
                 "2028. Not ready yet: review its readiness before agreeing.");
  g_assert_true (g_str_has_suffix (cohorts_suggestion_get_placement (suggestion, 4)->reason,
                                   "Not ready yet: review its readiness before agreeing."));
  g_assert_true (cohorts_suggestion_get_placement (suggestion, 4)->school == dale);

  tradeoffs = cohorts_suggestion_get_tradeoffs (suggestion);
  g_assert_cmpstr (tradeoffs[0], ==,
                   "1 school is red for readiness and goes after the ready ones; review it before agreeing.");
  g_assert_cmpstr (tradeoffs[1], ==, "The last conversion is in January 2028.");
  g_assert_null (tradeoffs[2]);
  g_assert_cmpuint (cohorts_suggestion_count_moves (suggestion), ==, 5);
}

/* The same with a support ratio of 2:
 *   Ash    → January 2027 (1 strong)
 *   Birch  needs 2 strong: none of the months has them yet; it waits
 *   Cedar  → September 2027 (2 strong); Birch now fits there: 2 for 1
 *   Elm    needs 2 more: never (2 strong for 2 would need 4); it waits
 *   Dale   → January 2028
 *   Elm    goes last, after January 2028: January 2028 still has room. */
static void
test_support_waits (void)
{
  CohortsSchool *ash, *birch, *cedar, *dale, *elm;
  g_autoptr(CohortsPlan) plan = small_plan (&ash, &birch, &cedar, &dale, &elm);
  g_autoptr(CohortsSuggestion) suggestion = NULL;
  CohortsSuggestOptions options;
  const char *const *tradeoffs;

  cohorts_plan_edit (plan, cohorts_plan_get_trust (plan), "support-ratio", 2, NULL);
  small_options (&options, plan);
  suggestion = cohorts_suggest (plan, &options);

  assert_placed (suggestion, ash, "Cohort 1", COHORTS_PLACED_LEAD_TIME, NULL);
  assert_placed (suggestion, cedar, "Cohort 2", COHORTS_PLACED_LEAD_TIME, NULL);
  assert_placed (suggestion, birch, "Cohort 2", COHORTS_PLACED_SUPPORT,
                 "Green (100%), needs support. Joins Cohort 2 in September 2027, when the trust has 2 "
                 "strong academies for each that needs support.");
  assert_placed (suggestion, dale, "Cohort 3", COHORTS_PLACED_THROUGHPUT, NULL);
  assert_placed (suggestion, elm, "Cohort 3", COHORTS_PLACED_SUPPORT_UNMET, NULL);

  /* Placed in that order: Birch right after Cedar, Elm last. */
  g_assert_true (cohorts_suggestion_get_placement (suggestion, 1)->school == cedar);
  g_assert_true (cohorts_suggestion_get_placement (suggestion, 2)->school == birch);
  g_assert_true (cohorts_suggestion_get_placement (suggestion, 4)->school == elm);

  tradeoffs = cohorts_suggestion_get_tradeoffs (suggestion);
  g_assert_cmpstr (tradeoffs[1], ==,
                   "1 school needs support that the trust’s strong academies cannot give at its support "
                   "ratio of 2 to 1; it goes last. Bring strong schools into the plan, or lower the ratio.");
}

/* One at a time after the first cohort, yearly: the first cohort (January
 * is not on a yearly cadence: September 2027) takes 2; then one a year. */
static void
test_one_at_a_time (void)
{
  CohortsSchool *ash, *birch, *cedar, *dale, *elm;
  g_autoptr(CohortsPlan) plan = small_plan (&ash, &birch, &cedar, &dale, &elm);
  g_autoptr(CohortsSuggestion) suggestion = NULL;
  CohortsSuggestOptions options;

  small_options (&options, plan);
  options.cadence = COHORTS_SUGGEST_YEARLY;
  options.one_at_a_time = TRUE;
  suggestion = cohorts_suggest (plan, &options);

  g_assert_cmpuint (cohorts_suggestion_get_n_cohorts (suggestion), ==, 4);
  assert_placed (suggestion, ash, "Cohort 1", COHORTS_PLACED_LEAD_TIME, NULL);
  assert_placed (suggestion, birch, "Cohort 1", COHORTS_PLACED_LEAD_TIME, NULL);
  assert_placed (suggestion, cedar, "Cohort 2", COHORTS_PLACED_THROUGHPUT, NULL);
  assert_placed (suggestion, elm, "Cohort 3", COHORTS_PLACED_THROUGHPUT, NULL);
  assert_placed (suggestion, dale, "Cohort 4", COHORTS_PLACED_THROUGHPUT, NULL);
  g_assert_cmpuint (cohorts_suggestion_get_cohort (suggestion, 0)->date, ==, d (2027, 9, 1));
  g_assert_cmpuint (cohorts_suggestion_get_cohort (suggestion, 3)->date, ==, d (2030, 9, 1));
}

/* Applying is one step: the plan's file after undo is the file before. */
static void
test_apply_and_undo (void)
{
  CohortsSchool *ash, *birch, *cedar, *dale, *elm;
  g_autoptr(CohortsPlan) plan = small_plan (&ash, &birch, &cedar, &dale, &elm);
  g_autoptr(CohortsSuggestion) suggestion = NULL;
  g_autoptr(GBytes) before = cohorts_plan_xml_to_bytes (plan);
  g_autoptr(GBytes) after = NULL;
  CohortsHistory *history = cohorts_plan_get_history (plan);
  CohortsSuggestOptions options;

  small_options (&options, plan);
  suggestion = cohorts_suggest (plan, &options);
  cohorts_suggestion_apply (suggestion, plan);

  g_assert_cmpuint (cohorts_plan_get_n_cohorts (plan), ==, 3);
  g_assert_cmpstr (cohorts_cohort_get_name (cohorts_school_get_cohort (birch)), ==, "Cohort 2");
  g_assert_true (cohorts_school_get_cohort (birch) == cohorts_school_get_cohort (cedar));
  g_assert_cmpuint (cohorts_cohort_get_date (cohorts_school_get_cohort (dale)), ==, d (2028, 1, 1));
  g_assert_cmpstr (cohorts_history_get_undo_label (history), ==, "Suggest Cohorts");

  cohorts_history_undo (history);
  after = cohorts_plan_xml_to_bytes (plan);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_cmpuint (cohorts_plan_get_n_cohorts (plan), ==, 0);
}

/* Locks: a locked school stays unassigned; a locked cohort keeps its date
 * and schools and takes no more, though it has room; an unlocked cohort
 * with room takes schools (placing only the unassigned). */
static void
test_locks (void)
{
  CohortsSchool *ash, *birch, *cedar, *dale, *elm;
  g_autoptr(CohortsPlan) plan = small_plan (&ash, &birch, &cedar, &dale, &elm);
  g_autoptr(CohortsSuggestion) suggestion = NULL;
  CohortsSuggestOptions options;
  CohortsCohort *locked, *open;
  CohortsPlacedBecause because;
  const char *reason;

  locked = cohorts_plan_add_cohort (plan, "Founders", d (2027, 9, 1));
  open = cohorts_plan_add_cohort (plan, "Second wave", d (2028, 4, 1));
  cohorts_plan_move_school (plan, ash, locked, G_MAXUINT);
  cohorts_plan_edit (plan, locked, "locked", TRUE, NULL);
  cohorts_plan_edit (plan, birch, "locked", TRUE, NULL);

  small_options (&options, plan);
  options.max_size = 3;
  suggestion = cohorts_suggest (plan, &options);

  g_assert_null (placed_in (suggestion, ash, &because, &reason));
  g_assert_null (placed_in (suggestion, birch, &because, &reason));
  /* September 2027 is the founders' month: no new cohort beside it, and
   * the founders take no more. Cedar, Elm and Dale: January 2028 (3). */
  assert_placed (suggestion, cedar, "Cohort 3", COHORTS_PLACED_LEAD_TIME, NULL);
  assert_placed (suggestion, elm, "Cohort 3", COHORTS_PLACED_LEAD_TIME, NULL);
  assert_placed (suggestion, dale, "Cohort 3", COHORTS_PLACED_LEAD_TIME, NULL);
  g_assert_cmpstr (cohorts_suggestion_get_tradeoffs (suggestion)[0], ==,
                   "1 locked school and 1 locked cohort stay as they are.");

  /* With cohorts of 2, the third goes into the open cohort in April 2028. */
  g_clear_pointer (&suggestion, cohorts_suggestion_free);
  options.max_size = 2;
  suggestion = cohorts_suggest (plan, &options);
  assert_placed (suggestion, dale, "Second wave", COHORTS_PLACED_THROUGHPUT, NULL);
  cohorts_suggestion_apply (suggestion, plan);
  g_assert_true (cohorts_school_get_cohort (dale) == open);
  /* The new cohort (January 2028) is put between the founders and the
   * second wave. */
  {
    g_autoptr(CohortsCohort) middle = g_list_model_get_item (cohorts_plan_get_cohorts (plan), 1);

    g_assert_cmpstr (cohorts_cohort_get_name (middle), ==, "Cohort 3");
    g_assert_true (cohorts_school_get_cohort (cedar) == middle);
  }
  g_assert_cmpuint (cohorts_cohort_get_n_members (locked), ==, 1);
  g_assert_cmpuint (cohorts_cohort_get_date (locked), ==, d (2027, 9, 1));
  g_assert_null (cohorts_school_get_cohort (birch));
}

/* Placing every school: the plan's unlocked cohorts are re-filled, one
 * left empty is removed, and a school's own conversion date keeps it. */
static void
test_all (void)
{
  CohortsSchool *ash, *birch, *cedar, *dale, *elm;
  g_autoptr(CohortsPlan) plan = small_plan (&ash, &birch, &cedar, &dale, &elm);
  g_autoptr(CohortsSuggestion) suggestion = NULL;
  CohortsSuggestOptions options;
  CohortsCohort *late;
  GPtrArray *emptied;

  /* All five in a cohort of 2030 that nothing keeps. */
  late = cohorts_plan_add_cohort (plan, "Later", d (2030, 9, 1));
  cohorts_plan_move_school (plan, ash, late, G_MAXUINT);
  cohorts_plan_move_school (plan, birch, late, G_MAXUINT);
  cohorts_plan_move_school (plan, cedar, late, G_MAXUINT);
  cohorts_plan_move_school (plan, dale, late, G_MAXUINT);
  cohorts_plan_move_school (plan, elm, late, G_MAXUINT);

  small_options (&options, plan);
  options.scope = COHORTS_SUGGEST_ALL;
  suggestion = cohorts_suggest (plan, &options);
  g_assert_cmpuint (cohorts_suggestion_get_n_placements (suggestion), ==, 5);
  emptied = cohorts_suggestion_get_emptied (suggestion);
  g_assert_cmpuint (emptied->len, ==, 1);
  g_assert_true (g_ptr_array_index (emptied, 0) == late);
  g_assert_cmpstr (cohorts_suggestion_get_tradeoffs (suggestion)[1], ==,
                   "Later is left without schools and is removed.");
  /* New cohorts are named after the plan's: Cohort 2 onwards. */
  assert_placed (suggestion, ash, "Cohort 2", COHORTS_PLACED_LEAD_TIME, NULL);
  cohorts_suggestion_apply (suggestion, plan);
  g_assert_cmpuint (cohorts_plan_get_n_cohorts (plan), ==, 3);
  g_assert_null (cohorts_plan_find_cohort (plan, "c1"));
}

/* Generated plans */

typedef struct
{
  guint n_schools;
  guint seed;
  CohortsSuggestScope scope;
  gboolean one_at_a_time;
  CohortsSuggestCadence cadence;
} Generated;

static CohortsPlan *
generate (const Generated *g)
{
  CohortsPlan *plan = cohorts_plan_new ();
  GRand *rand = g_rand_new_with_seed (g->seed);
  CohortsTrust *trust = cohorts_plan_get_trust (plan);
  CohortsCohort *existing[3];

  cohorts_plan_edit (plan, plan, "title", "Generated", "start-date", d (2026, 9, 1), NULL);
  cohorts_plan_edit (plan, trust, "support-ratio", g_rand_int_range (rand, 0, 3),
                     "concurrent-conversions", g_rand_int_range (rand, 3, 9),
                     "conversions-per-term", g_rand_int_range (rand, 4, 12), NULL);
  existing[0] = cohorts_plan_add_cohort (plan, "Existing 1", d (2027, 9, 1));
  existing[1] = cohorts_plan_add_cohort (plan, "Existing 2", d (2028, 1, 1));
  existing[2] = cohorts_plan_add_cohort (plan, "Converted", d (2025, 9, 1));
  cohorts_plan_edit (plan, existing[1], "locked", TRUE, NULL);
  cohorts_plan_edit (plan, existing[2], "status", COHORTS_COHORT_STATUS_CONVERTED, NULL);

  for (guint i = 0; i < g->n_schools; i++)
    {
      static const CohortsOfstedGrade grades[] = {
        COHORTS_OFSTED_GRADE_OUTSTANDING, COHORTS_OFSTED_GRADE_GOOD, COHORTS_OFSTED_GRADE_GOOD,
        COHORTS_OFSTED_GRADE_REQUIRES_IMPROVEMENT, COHORTS_OFSTED_GRADE_INADEQUATE, COHORTS_OFSTED_GRADE_NONE,
      };
      g_autofree char *name = g_strdup_printf ("School %u", i + 1);
      CohortsSchool *school = add_school (plan, name, grades[g_rand_int_range (rand, 0, G_N_ELEMENTS (grades))]);
      int kind = g_rand_int_range (rand, 0, 10);

      if (g_rand_int_range (rand, 0, 4) == 0)
        cohorts_plan_edit (plan, school, "religious-character", COHORTS_RELIGIOUS_CHARACTER_CHURCH_OF_ENGLAND,
                           "establishment-type", COHORTS_ESTABLISHMENT_VOLUNTARY_AIDED, NULL);
      if (g_rand_int_range (rand, 0, 5) > 0)
        answer_all (plan, school,
                    g_rand_boolean (rand) ? COHORTS_ANSWER_MET : COHORTS_ANSWER_PARTLY,
                    g_rand_int_range (rand, 0, COHORTS_N_CRITERIA),
                    g_rand_int_range (rand, COHORTS_ANSWER_MET, COHORTS_ANSWER_NOT_APPLICABLE + 1));
      if (g_rand_int_range (rand, 0, 6) == 0)
        steps_done (plan, school);
      cohorts_plan_edit (plan, school, "pupils", g_rand_int_range (rand, 40, 1500), NULL);

      /* Where it is: 0–3 in the existing cohorts, 4 locked unassigned, the
       * rest unassigned. */
      if (kind < 3)
        cohorts_plan_move_school (plan, school, existing[kind], G_MAXUINT);
      else if (kind == 3)
        {
          cohorts_plan_move_school (plan, school, existing[0], G_MAXUINT);
          cohorts_plan_edit (plan, school, "locked", TRUE, NULL);
        }
      else if (kind == 4)
        cohorts_plan_edit (plan, school, "locked", TRUE, NULL);
    }

  g_rand_free (rand);
  return plan;
}

typedef struct
{
  CohortsCohort *cohort;
  CohortsDate date;
  guint n_members;
} CohortState;

/* Checks, on @plan after the proposal is applied, everything the
 * suggester promises. */
static void
assert_constraints (CohortsPlan                 *plan,
                    const CohortsSuggestOptions *options,
                    CohortsSuggestion           *suggestion,
                    GHashTable                  *cohort_before,   /* school -> cohort */
                    GArray                      *settled_before,  /* CohortState */
                    GPtrArray                   *findings_before)
{
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GHashTable) placed = g_hash_table_new (NULL, NULL);
  CohortsTrust *trust = cohorts_plan_get_trust (plan);
  int per_month = cohorts_trust_get_concurrent_conversions (trust);
  GListModel *schools = cohorts_plan_get_schools (plan);
  gboolean unmet = FALSE;

  for (guint i = 0; i < cohorts_suggestion_get_n_placements (suggestion); i++)
    {
      const CohortsPlacement *p = cohorts_suggestion_get_placement (suggestion, i);

      g_hash_table_add (placed, p->school);
      unmet |= p->because == COHORTS_PLACED_SUPPORT_UNMET;
      g_assert_nonnull (p->reason);
    }

  /* Locked and settled schools are where they were; the others are placed
   * (every school has a place in these plans). */
  for (guint i = 0; i < g_list_model_get_n_items (schools); i++)
    {
      g_autoptr(CohortsSchool) school = g_list_model_get_item (schools, i);
      CohortsCohort *was = g_hash_table_lookup (cohort_before, school);
      CohortsCohort *is = cohorts_school_get_cohort (school);

      if (cohorts_school_get_locked (school) || (was != NULL && (cohorts_cohort_get_locked (was) ||
          cohorts_cohort_get_status (was) != COHORTS_COHORT_STATUS_DRAFT)))
        {
          g_assert_true (was == is);
          g_assert_false (g_hash_table_contains (placed, school));
        }
      else if (options->scope == COHORTS_SUGGEST_UNASSIGNED && was != NULL)
        g_assert_true (was == is);
      else
        {
          g_assert_true (g_hash_table_contains (placed, school));
          g_assert_nonnull (is);
        }

      /* A placed school's steps all lie ahead of today, or are done. */
      if (g_hash_table_contains (placed, school))
        {
          CohortsMilestone m[COHORTS_N_STEPS];

          cohorts_schedule_plan (cohorts_plan_get_schedule (plan), school, m);
          for (CohortsStep step = 0; step < COHORTS_STEP_CONVERSION; step++)
            if (m[step].state == COHORTS_MILESTONE_SCHEDULED && m[step].date != COHORTS_DATE_NONE)
              {
                g_assert_cmpuint (m[step].date, >, options->today);
                if (m[step].start != COHORTS_DATE_NONE)
                  g_assert_cmpuint (m[step].start, >, options->today);
              }
        }
    }

  /* Settled cohorts keep their dates and schools. */
  for (guint i = 0; i < settled_before->len; i++)
    {
      const CohortState *st = &g_array_index (settled_before, CohortState, i);

      g_assert_cmpuint (cohorts_cohort_get_date (st->cohort), ==, st->date);
      g_assert_cmpuint (cohorts_cohort_get_n_members (st->cohort), ==, st->n_members);
    }

  /* Sizes: no cohort that took schools is over the limit. */
  for (guint i = 0; i < cohorts_suggestion_get_n_cohorts (suggestion); i++)
    {
      const CohortsSuggestedCohort *sc = cohorts_suggestion_get_cohort (suggestion, i);
      guint limit = options->max_size;

      if (options->one_at_a_time && i > 0)
        limit = 1;
      if (sc->cohort != NULL)
        g_assert_cmpuint (cohorts_cohort_get_n_members (sc->cohort), <=, MAX (limit, options->max_size));
      g_assert_cmpuint (sc->n_placed, <=, limit);
      g_assert_cmpuint (sc->n_placed, <=, (guint) per_month);
    }

  /* The capacity checks find no support or throughput problem that was
   * not there before, unless the proposal says a school's support cannot
   * be met. */
  findings = g_ptr_array_new_with_free_func ((GDestroyNotify) cohorts_finding_free);
  cohorts_capacity_check (plan, findings);
  for (guint i = 0; i < findings->len; i++)
    {
      CohortsFinding *f = g_ptr_array_index (findings, i);
      gboolean was_there = FALSE;

      if (unmet && g_str_equal (f->code, "capacity-support-ratio"))
        continue;
      if (!g_str_equal (f->code, "capacity-support-ratio") && !g_str_equal (f->code, "capacity-throughput-month") &&
          !g_str_equal (f->code, "capacity-throughput-term"))
        continue;
      for (guint j = 0; j < findings_before->len && !was_there; j++)
        {
          CohortsFinding *b = g_ptr_array_index (findings_before, j);

          was_there = g_str_equal (b->code, f->code) && g_str_equal (b->subject, f->subject);
        }
      if (!was_there)
        g_test_message ("new finding: %s %s %s", f->code, f->subject, f->message);
      g_assert_true (was_there);
    }
}

static void
test_generated (gconstpointer data)
{
  const Generated *g = data;
  g_autoptr(CohortsPlan) plan = generate (g);
  g_autoptr(CohortsSuggestion) suggestion = NULL;
  g_autoptr(GHashTable) cohort_before = g_hash_table_new (NULL, NULL);
  g_autoptr(GArray) settled_before = g_array_new (FALSE, FALSE, sizeof (CohortState));
  g_autoptr(GPtrArray) findings_before = g_ptr_array_new_with_free_func ((GDestroyNotify) cohorts_finding_free);
  g_autoptr(GBytes) before = cohorts_plan_xml_to_bytes (plan);
  g_autoptr(GBytes) undone = NULL;
  GListModel *schools = cohorts_plan_get_schools (plan);
  GListModel *cohorts = cohorts_plan_get_cohorts (plan);
  CohortsSuggestOptions options;
  g_autoptr(GTimer) timer = g_timer_new ();

  cohorts_suggest_options_init (&options, plan);
  options.scope = g->scope;
  options.one_at_a_time = g->one_at_a_time;
  options.cadence = g->cadence;
  options.today = d (2026, 11, 23);

  for (guint i = 0; i < g_list_model_get_n_items (schools); i++)
    {
      g_autoptr(CohortsSchool) school = g_list_model_get_item (schools, i);

      if (cohorts_school_get_cohort (school) != NULL)
        g_hash_table_insert (cohort_before, school, cohorts_school_get_cohort (school));
    }
  for (guint i = 0; i < g_list_model_get_n_items (cohorts); i++)
    {
      g_autoptr(CohortsCohort) cohort = g_list_model_get_item (cohorts, i);
      CohortState st = { cohort, cohorts_cohort_get_date (cohort), cohorts_cohort_get_n_members (cohort) };

      if (cohorts_cohort_get_locked (cohort) || cohorts_cohort_get_status (cohort) != COHORTS_COHORT_STATUS_DRAFT)
        g_array_append_val (settled_before, st);
    }
  cohorts_capacity_check (plan, findings_before);

  g_timer_start (timer);
  suggestion = cohorts_suggest (plan, &options);
  g_test_message ("%u schools: %u placements in %u cohorts, %.1f ms", g->n_schools,
                  cohorts_suggestion_get_n_placements (suggestion),
                  cohorts_suggestion_get_n_cohorts (suggestion), g_timer_elapsed (timer, NULL) * 1000);
  g_assert_cmpuint (cohorts_suggestion_get_n_placements (suggestion), >, 0);
  cohorts_suggestion_apply (suggestion, plan);
  assert_constraints (plan, &options, suggestion, cohort_before, settled_before, findings_before);

  cohorts_history_undo (cohorts_plan_get_history (plan));
  undone = cohorts_plan_xml_to_bytes (plan);
  g_assert_true (g_bytes_equal (before, undone));
}

int
main (int   argc,
      char *argv[])
{
  static const Generated generated[] = {
    { 40, 1, COHORTS_SUGGEST_UNASSIGNED, FALSE, COHORTS_SUGGEST_TERMLY },
    { 40, 2, COHORTS_SUGGEST_ALL, FALSE, COHORTS_SUGGEST_TERMLY },
    { 120, 3, COHORTS_SUGGEST_UNASSIGNED, TRUE, COHORTS_SUGGEST_TERMLY },
    { 120, 4, COHORTS_SUGGEST_ALL, FALSE, COHORTS_SUGGEST_YEARLY },
    { 300, 5, COHORTS_SUGGEST_ALL, FALSE, COHORTS_SUGGEST_TERMLY },
    { 300, 6, COHORTS_SUGGEST_UNASSIGNED, FALSE, COHORTS_SUGGEST_YEARLY },
    { 2000, 7, COHORTS_SUGGEST_ALL, FALSE, COHORTS_SUGGEST_TERMLY },
  };

  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/suggest/small", test_small);
  g_test_add_func ("/suggest/support-waits", test_support_waits);
  g_test_add_func ("/suggest/one-at-a-time", test_one_at_a_time);
  g_test_add_func ("/suggest/apply-and-undo", test_apply_and_undo);
  g_test_add_func ("/suggest/locks", test_locks);
  g_test_add_func ("/suggest/all", test_all);
  for (guint i = 0; i < G_N_ELEMENTS (generated); i++)
    {
      g_autofree char *path = g_strdup_printf ("/suggest/generated/%u-schools-seed-%u", generated[i].n_schools,
                                               generated[i].seed);

      g_test_add_data_func (path, &generated[i], test_generated);
    }

  return g_test_run ();
}
