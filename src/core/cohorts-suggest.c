/* cohorts-suggest.c: proposing which cohort each school joins, and when
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Suggest Cohorts places schools in cohorts as a trust lead would, and says
 * why for each. The schools to place (the candidates) are taken in order of
 * readiness: green, amber, not assessed, red; by score within each; strong
 * schools before others of the same score. Each goes into the earliest
 * cohort that
 *   - is on or after the first month its conversion steps can all be done
 *     from today (the plan's schedule back from the conversion, with the
 *     church's lead for church schools; steps already dated or done by the
 *     user count as done);
 *   - has room: at most max_size schools, and one after the first cohort
 *     when the trust grows one school at a time; no more in its month than
 *     the central team's conversions at once, nor in its term than its
 *     conversions a term;
 *   - for a school that needs support, keeps the trust's support ratio at
 *     that month and every month after (the strong academies for each that
 *     needs support, as the capacity checks count them).
 * A school that needs support and finds no such cohort waits until a strong
 * school has been placed that makes one; those still waiting at the end go
 * last, and the trade-offs say so.
 *
 * The cohorts are the plan's drafts (not locked, with a date from next
 * month) and new ones on the cadence's term starts from next month, where
 * the plan has no cohort in that month. What is settled stays and counts:
 * locked schools, locked cohorts, cohorts agreed, converting or converted,
 * schools with a conversion date of their own, and (placing only the
 * unassigned) every school that has a cohort. Nothing is changed until
 * cohorts_suggestion_apply(), which is one step to undo.
 *
 * The cost: one sort, then for each school a walk over the cohorts (at most
 * the plan's 1,000 and the cadence's term starts to 2200) and, when it
 * changes the support counts, one pass to refresh their suffix minima.
 */
#define G_LOG_DOMAIN "cohorts-suggest"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cohorts-calendar.h"
#include "cohorts-capacity.h"
#include "cohorts-cohort.h"
#include "cohorts-schedule.h"
#include "cohorts-suggest.h"

/* New cohorts are proposed up to this year (dates end in 2200). */
#define LAST_YEAR 2200

typedef struct
{
  CohortsSchool *school;
  guint order;              /* in the plan */
  CohortsDate earliest;     /* the first 1st of a month it can convert on */
  gboolean church_lead;     /* the church's steps set that */
  CohortsReadinessScore score;
  int percent;              /* the score's, kept for sorting */
  gboolean strong;
  gboolean vulnerable;
} Candidate;

typedef struct
{
  CohortsDate date;
  CohortsDate month;
  CohortsCohort *cohort;    /* the plan's, or NULL */
  char *name;               /* a new one's */
  gboolean usable;          /* may take schools */
  guint order;              /* the plan's cohorts first, in plan order */
  guint kept;               /* schools that stay in it */
  guint placed;
  int strong;               /* strong academies joining in it, kept and placed */
  int vulnerable;           /* and those needing support */
} Slot;

struct _CohortsSuggestion
{
  GArray *cohorts;          /* CohortsSuggestedCohort */
  GArray *placements;       /* CohortsPlacement */
  GPtrArray *emptied;       /* CohortsCohort the proposal leaves empty */
  GPtrArray *tradeoffs;     /* char *, NULL-terminated */
};

typedef struct
{
  CohortsPlan *plan;
  const CohortsSuggestOptions *options;
  int ratio;
  int per_month;
  int per_term;
  GArray *slots;            /* Slot, by month */
  int *suffix_min;          /* the least support slack from each slot on */
  GHashTable *month_counts; /* month -> conversions */
  GHashTable *term_counts;  /* year * 4 + term -> conversions */
  int founding;             /* the slot of the first cohort, or -1 */
  CohortsDate first_month;  /* the first month any school could convert */
} Suggester;

/* Options */

/**
 * cohorts_suggest_options_init:
 *
 * Fills @options with what suits @plan: the unassigned schools, new cohorts
 * each term, as many a cohort as the trust's team can convert at once (or
 * %COHORTS_SUGGEST_DEFAULT_MAX_SIZE), today.
 */
void
cohorts_suggest_options_init (CohortsSuggestOptions *options,
                              CohortsPlan           *plan)
{
  int at_once;

  g_return_if_fail (options != NULL);
  g_return_if_fail (COHORTS_IS_PLAN (plan));

  at_once = cohorts_trust_get_concurrent_conversions (cohorts_plan_get_trust (plan));
  options->scope = COHORTS_SUGGEST_UNASSIGNED;
  options->cadence = COHORTS_SUGGEST_TERMLY;
  options->max_size = at_once > 0 ? (guint) at_once : COHORTS_SUGGEST_DEFAULT_MAX_SIZE;
  options->one_at_a_time = FALSE;
  options->today = cohorts_date_today ();
}

/* Dates */

static CohortsDate
next_first_of_month (CohortsDate date)
{
  CohortsDate first = cohorts_date_first_of_month (date);

  return first == date ? date : cohorts_date_add_months (first, 1);
}

static gboolean
on_cadence (CohortsSuggestCadence cadence,
            CohortsDate           month)
{
  int m = cohorts_date_get_month (month);

  if (cadence == COHORTS_SUGGEST_YEARLY)
    return m == 9;
  return m == 9 || m == 1 || m == 4;
}

static guint
term_key (CohortsDate month)
{
  return (guint) cohorts_calendar_academic_year (month) * 4 + (guint) cohorts_calendar_term (month);
}

/* The first 1st of a month, after @today, on which @school can convert
 * with every step of the plan's schedule not yet dated or done still to
 * come: the longest lead of those steps from today. */
static CohortsDate
earliest_conversion (CohortsPlan   *plan,
                     CohortsSchool *school,
                     CohortsDate    today,
                     gboolean      *church_lead)
{
  CohortsSchedule *schedule = cohorts_plan_get_schedule (plan);
  gboolean church = cohorts_school_is_church_school (school);
  int longest = 0;
  gboolean longest_church = FALSE;
  CohortsDate start = cohorts_plan_get_start_date (plan);
  CohortsDate earliest;

  for (CohortsStep step = 0; step < COHORTS_STEP_CONVERSION; step++)
    {
      CohortsMilestone own;
      int weeks;
      gboolean with_church = FALSE;

      if (!cohorts_step_applies (step, school))
        continue;
      cohorts_school_get_milestone (school, step, &own);
      if (own.state != COHORTS_MILESTONE_SCHEDULED)
        continue;

      weeks = cohorts_schedule_get_weeks_before (schedule, step);
      if (cohorts_step_lasts (step))
        weeks += cohorts_schedule_get_weeks (schedule, step);
      if (church && step <= COHORTS_STEP_ACADEMY_ORDER)
        {
          weeks += cohorts_schedule_get_church_lead_weeks (schedule);
          with_church = TRUE;
        }
      if (weeks > longest)
        {
          longest = weeks;
          longest_church = with_church || step == COHORTS_STEP_DIOCESAN_CONSENT ||
                           step == COHORTS_STEP_SITE_TRUSTEES || step == COHORTS_STEP_CHURCH_AGREEMENT;
        }
    }

  /* Never today itself: a conversion is a month's work away at least. */
  earliest = next_first_of_month (today + 1 + (CohortsDate) longest * 7);
  if (start != COHORTS_DATE_NONE && earliest < next_first_of_month (start))
    earliest = next_first_of_month (start);
  *church_lead = longest_church && church;
  return earliest;
}

/* Ordering */

static int
rag_rank (CohortsRag rag)
{
  switch (rag)
    {
    case COHORTS_RAG_GREEN:
      return 0;
    case COHORTS_RAG_AMBER:
      return 1;
    case COHORTS_RAG_NOT_ASSESSED:
      return 2;
    case COHORTS_RAG_RED:
    default:
      return 3;
    }
}

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *ca = a, *cb = b;

  if (rag_rank (ca->score.rag) != rag_rank (cb->score.rag))
    return rag_rank (ca->score.rag) - rag_rank (cb->score.rag);
  if (ca->percent != cb->percent)
    return cb->percent - ca->percent;
  if (ca->strong != cb->strong)
    return ca->strong ? -1 : 1;
  if (ca->vulnerable != cb->vulnerable)
    return ca->vulnerable ? 1 : -1;
  return (ca->order > cb->order) - (ca->order < cb->order);
}

static int
compare_slots (gconstpointer a,
               gconstpointer b)
{
  const Slot *sa = a, *sb = b;

  if (sa->month != sb->month)
    return sa->month < sb->month ? -1 : 1;
  return (sa->order > sb->order) - (sa->order < sb->order);
}

static void
slot_clear (gpointer data)
{
  Slot *slot = data;

  g_free (slot->name);
}

/* Counting */

static void
count_conversion (Suggester  *s,
                  CohortsDate month)
{
  gpointer key = GUINT_TO_POINTER (month);
  gpointer term = GUINT_TO_POINTER (term_key (month));

  g_hash_table_insert (s->month_counts, key,
                       GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (s->month_counts, key)) + 1));
  g_hash_table_insert (s->term_counts, term,
                       GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (s->term_counts, term)) + 1));
}

/* The slot of @month for schools already settled: the plan's cohort's own,
 * or one that takes nobody. */
static Slot *
settled_slot (Suggester    *s,
              GHashTable   *by_month,
              CohortsDate   month)
{
  gpointer index;
  Slot slot = { 0, };

  if (g_hash_table_lookup_extended (by_month, GUINT_TO_POINTER (month), NULL, &index))
    return &g_array_index (s->slots, Slot, GPOINTER_TO_UINT (index));

  slot.date = slot.month = month;
  slot.order = G_MAXUINT;
  g_array_append_val (s->slots, slot);
  g_hash_table_insert (by_month, GUINT_TO_POINTER (month), GUINT_TO_POINTER (s->slots->len - 1));
  return &g_array_index (s->slots, Slot, s->slots->len - 1);
}

/* The support slack of each slot, cumulated: strong academies less the
 * ratio's share of those needing support; then its least value from each
 * slot on. A school needing support fits in a slot whose least slack from
 * there on is at least the ratio. */
static void
refresh_suffix_min (Suggester *s)
{
  int slack = 0;
  guint n = s->slots->len;

  if (s->ratio <= 0)
    return;

  for (guint i = 0; i < n; i++)
    {
      const Slot *slot = &g_array_index (s->slots, Slot, i);

      slack += slot->strong - s->ratio * slot->vulnerable;
      s->suffix_min[i] = slack;
    }
  for (guint i = n; i-- > 1;)
    s->suffix_min[i - 1] = MIN (s->suffix_min[i - 1], s->suffix_min[i]);
}

static guint
slot_limit (Suggester *s,
            guint      i)
{
  if (s->options->one_at_a_time && s->founding >= 0 && (int) i != s->founding)
    return 1;
  if (s->options->one_at_a_time && s->founding < 0)
    return 1;
  return MAX (s->options->max_size, 1);
}

static gboolean
slot_has_room (Suggester *s,
               guint      i)
{
  const Slot *slot = &g_array_index (s->slots, Slot, i);
  guint limit = slot_limit (s, i);

  if (slot->kept + slot->placed >= limit)
    return FALSE;
  if (s->per_month > 0 &&
      GPOINTER_TO_UINT (g_hash_table_lookup (s->month_counts, GUINT_TO_POINTER (slot->month))) >=
        (guint) s->per_month)
    return FALSE;
  if (s->per_term > 0 &&
      GPOINTER_TO_UINT (g_hash_table_lookup (s->term_counts, GUINT_TO_POINTER (term_key (slot->month)))) >=
        (guint) s->per_term)
    return FALSE;
  return TRUE;
}

/* Finding a place */

typedef enum
{
  FIND_PLACED,
  FIND_SUPPORT,     /* room, but not enough strong academies */
  FIND_NO_ROOM,
} FindResult;

static FindResult
find_slot (Suggester       *s,
           const Candidate *c,
           gboolean         ignore_support,
           guint            from,
           guint           *out_slot,
           CohortsPlacedBecause *because)
{
  gboolean passed_full = FALSE, passed_support = FALSE;
  int first_by_date = -1;

  for (guint i = from; i < s->slots->len; i++)
    {
      const Slot *slot = &g_array_index (s->slots, Slot, i);

      if (!slot->usable || slot->month < c->earliest)
        continue;
      if (first_by_date < 0)
        first_by_date = (int) i;
      if (!slot_has_room (s, i))
        {
          passed_full = TRUE;
          continue;
        }
      if (!ignore_support && c->vulnerable && s->ratio > 0 && s->suffix_min[i] < s->ratio)
        {
          passed_support = TRUE;
          continue;
        }

      *out_slot = i;
      if (passed_support)
        *because = COHORTS_PLACED_SUPPORT;
      else if (passed_full)
        *because = COHORTS_PLACED_THROUGHPUT;
      else if (c->earliest > s->first_month)
        *because = COHORTS_PLACED_LEAD_TIME;
      else
        *because = COHORTS_PLACED_EARLIEST;
      return FIND_PLACED;
    }

  return passed_support ? FIND_SUPPORT : FIND_NO_ROOM;
}

static void
place (Suggester         *s,
       CohortsSuggestion *suggestion,
       const Candidate   *c,
       guint              i,
       CohortsPlacedBecause because)
{
  Slot *slot = &g_array_index (s->slots, Slot, i);
  CohortsPlacement placement = { 0, };

  slot->placed++;
  slot->strong += c->strong;
  slot->vulnerable += c->vulnerable;
  count_conversion (s, slot->month);
  if (c->strong || c->vulnerable)
    refresh_suffix_min (s);

  placement.school = g_object_ref (c->school);
  placement.cohort = i;          /* a slot for now; the cohort's index later */
  placement.because = because;
  g_array_append_val (suggestion->placements, placement);
}

/* Words */

static char *
describe_school (const Candidate *c)
{
  g_autofree char *rated = NULL;

  if (c->score.rag != COHORTS_RAG_NOT_ASSESSED && c->score.critical_not_met)
    /* Translators: "Red (81%, a critical criterion not met)" */
    rated = g_strdup_printf (_("%s (%d%%, a critical criterion not met)"), cohorts_rag_get_name (c->score.rag),
                             c->percent);
  else
    rated = cohorts_readiness_score_describe (&c->score);

  if (c->strong)
    /* Translators: "Green (86%), strong" */
    return g_strdup_printf (_("%s, strong"), rated);
  if (c->vulnerable)
    /* Translators: "Amber (62%), needs support" */
    return g_strdup_printf (_("%s, needs support"), rated);
  return g_steal_pointer (&rated);
}

static char *
describe_slot (const Slot *slot)
{
  g_autofree char *month = cohorts_date_format_month (slot->date);
  const char *name = slot->cohort != NULL ? cohorts_cohort_get_name (slot->cohort) : slot->name;

  /* Translators: a cohort and its month: "Cohort 2 in January 2028" */
  return g_strdup_printf (_("%s in %s"), name, month);
}

static char *
describe_placement (Suggester       *s,
                    const Candidate *c,
                    const Slot      *slot,
                    CohortsPlacedBecause because)
{
  g_autofree char *who = describe_school (c);
  g_autofree char *where = describe_slot (slot);
  g_autofree char *why = NULL;
  const char *caveat = NULL;

  switch (because)
    {
    case COHORTS_PLACED_EARLIEST:
      /* Translators: "Joins Cohort 1 in September 2027, the first cohort with room." */
      why = g_strdup_printf (_("Joins %s, the first cohort with room."), where);
      break;
    case COHORTS_PLACED_LEAD_TIME:
      {
        g_autofree char *from = cohorts_date_format_month (c->earliest);

        if (c->church_lead)
          /* Translators: "With the diocese’s consent first, its steps take until September 2027 at
           * the earliest: joins Cohort 2 in September 2027." */
          why = g_strdup_printf (_("With the diocese’s consent first, its steps take until %s at the "
                                   "earliest: joins %s."), from, where);
        else
          why = g_strdup_printf (_("Its conversion steps take until %s at the earliest: joins %s."),
                                 from, where);
      }
      break;
    case COHORTS_PLACED_SUPPORT:
      /* Translators: "Joins Cohort 3 in April 2028, when the trust has 2 strong academies for each
       * that needs support." */
      why = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Joins %s, when the trust has %d strong academy for each "
                                          "that needs support.",
                                          "Joins %s, when the trust has %d strong academies for each "
                                          "that needs support.",
                                          s->ratio),
                             where, s->ratio);
      break;
    case COHORTS_PLACED_SUPPORT_UNMET:
      why = g_strdup_printf (_("No month has enough strong academies to support it: joins %s, after the "
                               "others."), where);
      break;
    case COHORTS_PLACED_THROUGHPUT:
    default:
      /* Translators: "The cohorts before are full for the central team: joins Cohort 4 in
       * September 2028." */
      why = g_strdup_printf (_("The cohorts before are full for the central team: joins %s."), where);
      break;
    }

  if (c->score.rag == COHORTS_RAG_RED)
    caveat = _("Not ready yet: review its readiness before agreeing.");
  else if (c->score.rag == COHORTS_RAG_NOT_ASSESSED)
    caveat = _("Assess its readiness before agreeing.");

  if (caveat != NULL)
    return g_strdup_printf ("%s. %s %s", who, why, caveat);
  return g_strdup_printf ("%s. %s", who, why);
}

/* Building the slots */

/* Only a draft cohort is for the suggester to change: one agreed by the
 * board (and the diocese), converting or converted stays as it is. */
static gboolean
cohort_is_settled (CohortsCohort *cohort)
{
  return cohorts_cohort_get_locked (cohort) ||
         cohorts_cohort_get_status (cohort) != COHORTS_COHORT_STATUS_DRAFT;
}

/* Whether @school stays where it is (and counts there), or is placed. */
static gboolean
school_is_settled (CohortsSchool *school,
                   CohortsSuggestScope scope)
{
  CohortsCohort *cohort = cohorts_school_get_cohort (school);
  CohortsMilestone own;

  if (cohorts_school_get_locked (school))
    return TRUE;
  cohorts_school_get_milestone (school, COHORTS_STEP_CONVERSION, &own);
  if (own.state != COHORTS_MILESTONE_SCHEDULED)
    return TRUE;
  if (cohort == NULL)
    return FALSE;
  return scope == COHORTS_SUGGEST_UNASSIGNED || cohort_is_settled (cohort);
}

/* The month a settled school converts in, or none. */
static CohortsDate
settled_month (CohortsSchool *school)
{
  CohortsCohort *cohort = cohorts_school_get_cohort (school);
  CohortsMilestone own;

  cohorts_school_get_milestone (school, COHORTS_STEP_CONVERSION, &own);
  if (own.state != COHORTS_MILESTONE_SCHEDULED)
    return own.date != COHORTS_DATE_NONE ? cohorts_date_first_of_month (own.date) : COHORTS_DATE_NONE;
  if (cohort != NULL && cohorts_cohort_get_date (cohort) != COHORTS_DATE_NONE)
    return cohorts_date_first_of_month (cohorts_cohort_get_date (cohort));
  return COHORTS_DATE_NONE;
}

static void
add_tradeoff (CohortsSuggestion *suggestion,
              char              *text)
{
  g_ptr_array_add (suggestion->tradeoffs, text);
}

/**
 * cohorts_suggest:
 *
 * Proposes a cohort for each school that @options leaves to place, with the
 * reason for each, and the trade-offs of the whole. @plan is not changed.
 *
 * Returns: (transfer full): the proposal
 */
CohortsSuggestion *
cohorts_suggest (CohortsPlan                 *plan,
                 const CohortsSuggestOptions *options)
{
  CohortsSuggestion *suggestion;
  Suggester s = { 0, };
  GListModel *schools, *cohorts;
  g_autoptr(GArray) candidates = NULL;
  g_autoptr(GArray) waiting = NULL;   /* Candidate, for support */
  g_autoptr(GArray) own_dates = g_array_new (FALSE, TRUE, sizeof (Slot));
  g_autoptr(GHashTable) by_month = NULL;
  g_autoptr(GHashTable) cohort_slot = NULL;
  g_autofree int *slot_to_cohort = NULL;
  CohortsTrust *trust;
  CohortsDate today, month, last;
  guint n_schools, n_cohorts, n_locked_schools = 0, n_locked_cohorts = 0;
  guint n_red = 0, n_not_assessed = 0, n_unmet = 0, n_unplaced = 0;
  guint next_name;

  g_return_val_if_fail (COHORTS_IS_PLAN (plan), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  suggestion = g_new0 (CohortsSuggestion, 1);
  suggestion->cohorts = g_array_new (FALSE, TRUE, sizeof (CohortsSuggestedCohort));
  suggestion->placements = g_array_new (FALSE, TRUE, sizeof (CohortsPlacement));
  suggestion->emptied = g_ptr_array_new_with_free_func (g_object_unref);
  suggestion->tradeoffs = g_ptr_array_new_with_free_func (g_free);

  trust = cohorts_plan_get_trust (plan);
  today = options->today != COHORTS_DATE_NONE ? options->today : cohorts_date_today ();
  s.plan = plan;
  s.options = options;
  s.ratio = cohorts_capacity_get_support_ratio (trust);
  s.per_month = cohorts_trust_get_concurrent_conversions (trust);
  s.per_term = cohorts_trust_get_conversions_per_term (trust);
  s.slots = g_array_new (FALSE, TRUE, sizeof (Slot));
  g_array_set_clear_func (s.slots, slot_clear);
  s.month_counts = g_hash_table_new (NULL, NULL);
  s.term_counts = g_hash_table_new (NULL, NULL);
  s.first_month = next_first_of_month (today + 1);
  if (cohorts_plan_get_start_date (plan) != COHORTS_DATE_NONE)
    s.first_month = MAX (s.first_month, next_first_of_month (cohorts_plan_get_start_date (plan)));

  schools = cohorts_plan_get_schools (plan);
  cohorts = cohorts_plan_get_cohorts (plan);
  n_schools = g_list_model_get_n_items (schools);
  n_cohorts = g_list_model_get_n_items (cohorts);
  by_month = g_hash_table_new (NULL, NULL);
  cohort_slot = g_hash_table_new (NULL, NULL);

  /* The plan's cohorts: those that may take schools, and the months of
   * the others. */
  for (guint i = 0; i < n_cohorts; i++)
    {
      g_autoptr(CohortsCohort) cohort = g_list_model_get_item (cohorts, i);
      CohortsDate date = cohorts_cohort_get_date (cohort);
      Slot slot = { 0, };

      if (cohorts_cohort_get_locked (cohort))
        n_locked_cohorts++;
      if (date == COHORTS_DATE_NONE)
        continue;
      slot.date = date;
      slot.month = cohorts_date_first_of_month (date);
      slot.cohort = cohort;   /* the plan holds it */
      slot.order = i;
      slot.usable = !cohort_is_settled (cohort) && slot.month >= s.first_month;
      g_array_append_val (s.slots, slot);
      g_hash_table_insert (cohort_slot, cohort, GUINT_TO_POINTER (s.slots->len - 1));
      if (!g_hash_table_contains (by_month, GUINT_TO_POINTER (slot.month)))
        g_hash_table_insert (by_month, GUINT_TO_POINTER (slot.month), GUINT_TO_POINTER (s.slots->len - 1));
    }

  /* New cohorts on the cadence, from next month, in months without one. */
  next_name = n_cohorts + 1;
  for (month = s.first_month; cohorts_date_get_year (month) <= LAST_YEAR;
       month = cohorts_date_add_months (month, 1))
    {
      Slot slot = { 0, };

      if (!on_cadence (options->cadence, month) || g_hash_table_contains (by_month, GUINT_TO_POINTER (month)))
        continue;
      slot.date = slot.month = month;
      slot.usable = TRUE;
      slot.order = n_cohorts;
      g_array_append_val (s.slots, slot);
    }

  /* The schools: settled ones count where they are, the others are
   * candidates. */
  candidates = g_array_sized_new (FALSE, TRUE, sizeof (Candidate), n_schools);
  for (guint i = 0; i < n_schools; i++)
    {
      g_autoptr(CohortsSchool) school = g_list_model_get_item (schools, i);
      gboolean vulnerable = cohorts_school_is_vulnerable (school);
      gboolean strong = !vulnerable && cohorts_school_is_strong (school);

      if (cohorts_school_get_locked (school))
        n_locked_schools++;

      if (school_is_settled (school, options->scope))
        {
          CohortsCohort *cohort = cohorts_school_get_cohort (school);
          CohortsDate when = settled_month (school);
          CohortsMilestone own;
          gpointer index;

          if (when == COHORTS_DATE_NONE)
            continue;
          count_conversion (&s, when);
          cohorts_school_get_milestone (school, COHORTS_STEP_CONVERSION, &own);
          if (own.state == COHORTS_MILESTONE_SCHEDULED && cohort != NULL &&
              g_hash_table_lookup_extended (cohort_slot, cohort, NULL, &index))
            {
              Slot *slot = &g_array_index (s.slots, Slot, GPOINTER_TO_UINT (index));

              slot->kept++;
              slot->strong += strong;
              slot->vulnerable += vulnerable;
            }
          else
            {
              /* A date of its own: counted in its month's slot below. */
              Slot event = { 0, };

              event.month = when;
              event.strong = strong;
              event.vulnerable = vulnerable;
              g_array_append_val (own_dates, event);
            }
        }
      else
        {
          Candidate c = { 0, };
          CohortsReadinessScore score;

          c.school = school;   /* the plan holds it */
          c.order = i;
          c.earliest = earliest_conversion (plan, school, today, &c.church_lead);
          cohorts_plan_score_school (plan, school, &score);
          c.score = score;
          c.percent = cohorts_readiness_score_percent (&score);
          c.strong = strong;
          c.vulnerable = vulnerable;
          g_array_append_val (candidates, c);
          n_red += c.score.rag == COHORTS_RAG_RED;
          n_not_assessed += c.score.rag == COHORTS_RAG_NOT_ASSESSED;
        }
    }

  /* Schools with dates of their own count in the slot of their month, or
   * one of their own that takes nobody. */
  for (guint i = 0; i < s.slots->len; i++)
    {
      const Slot *slot = &g_array_index (s.slots, Slot, i);

      if (!g_hash_table_contains (by_month, GUINT_TO_POINTER (slot->month)))
        g_hash_table_insert (by_month, GUINT_TO_POINTER (slot->month), GUINT_TO_POINTER (i));
    }
  for (guint i = 0; i < own_dates->len; i++)
    {
      const Slot *event = &g_array_index (own_dates, Slot, i);
      Slot *slot = settled_slot (&s, by_month, event->month);

      slot->strong += event->strong;
      slot->vulnerable += event->vulnerable;
    }

  g_array_sort (s.slots, compare_slots);
  g_hash_table_remove_all (cohort_slot);
  for (guint i = 0; i < s.slots->len; i++)
    if (g_array_index (s.slots, Slot, i).cohort != NULL)
      g_hash_table_insert (cohort_slot, g_array_index (s.slots, Slot, i).cohort, GUINT_TO_POINTER (i));
  g_array_sort (candidates, compare_candidates);
  s.suffix_min = g_new0 (int, s.slots->len + 1);
  refresh_suffix_min (&s);

  /* The first cohort: the first that can take a school, when the trust has
   * no academy before it. */
  s.founding = -1;
  if (candidates->len > 0)
    {
      CohortsDate soonest = G_MAXUINT32;
      gboolean academies_before = FALSE;

      for (guint i = 0; i < candidates->len; i++)
        soonest = MIN (soonest, g_array_index (candidates, Candidate, i).earliest);
      for (guint i = 0; i < s.slots->len; i++)
        {
          const Slot *slot = &g_array_index (s.slots, Slot, i);

          if (slot->usable && slot->month >= soonest)
            {
              if (!academies_before)
                s.founding = (int) i;
              break;
            }
          if (slot->kept > 0 || slot->strong > 0 || slot->vulnerable > 0 ||
              g_hash_table_contains (s.month_counts, GUINT_TO_POINTER (slot->month)))
            academies_before = TRUE;
        }
    }

  /* Placing, in order of readiness; a school needing support that finds
   * no cohort with enough strong academies waits for one. */
  waiting = g_array_new (FALSE, TRUE, sizeof (Candidate));
  for (guint i = 0; i < candidates->len; i++)
    {
      const Candidate *c = &g_array_index (candidates, Candidate, i);
      CohortsPlacedBecause because;
      guint slot;

      switch (find_slot (&s, c, FALSE, 0, &slot, &because))
        {
        case FIND_PLACED:
          place (&s, suggestion, c, slot, because);
          break;
        case FIND_SUPPORT:
          g_array_append_val (waiting, *c);
          continue;
        case FIND_NO_ROOM:
        default:
          n_unplaced++;
          continue;
        }

      /* A strong school may make room for those waiting, in their order. */
      while (c->strong && waiting->len > 0)
        {
          const Candidate *w = &g_array_index (waiting, Candidate, 0);

          if (find_slot (&s, w, FALSE, 0, &slot, &because) != FIND_PLACED)
            break;
          place (&s, suggestion, w, slot, COHORTS_PLACED_SUPPORT);
          g_array_remove_index (waiting, 0);
        }
    }

  /* Those still waiting go last, after every cohort used so far. */
  if (waiting->len > 0)
    {
      guint after = 0;

      for (guint i = 0; i < s.slots->len; i++)
        if (g_array_index (s.slots, Slot, i).placed > 0)
          after = i;
      for (guint i = 0; i < waiting->len; i++)
        {
          const Candidate *w = &g_array_index (waiting, Candidate, i);
          CohortsPlacedBecause because;
          guint slot;

          if (find_slot (&s, w, TRUE, after, &slot, &because) == FIND_PLACED)
            {
              place (&s, suggestion, w, slot, COHORTS_PLACED_SUPPORT_UNMET);
              n_unmet++;
            }
          else
            n_unplaced++;
        }
    }

  /* The cohorts the proposal uses, in date order, with their names. */
  slot_to_cohort = g_new (int, s.slots->len);
  for (guint i = 0; i < s.slots->len; i++)
    {
      Slot *slot = &g_array_index (s.slots, Slot, i);
      CohortsSuggestedCohort sc = { 0, };

      slot_to_cohort[i] = -1;
      if (slot->placed == 0)
        continue;
      if (slot->cohort == NULL)
        slot->name = g_strdup_printf (_("Cohort %u"), next_name++);
      sc.cohort = slot->cohort != NULL ? g_object_ref (slot->cohort) : NULL;
      sc.name = g_strdup (slot->cohort != NULL ? cohorts_cohort_get_name (slot->cohort) : slot->name);
      sc.date = slot->date;
      sc.n_placed = slot->placed;
      slot_to_cohort[i] = (int) suggestion->cohorts->len;
      g_array_append_val (suggestion->cohorts, sc);
    }

  /* The reasons, now that every cohort has its name. */
  {
    g_autoptr(GHashTable) by_school = g_hash_table_new (NULL, NULL);

    for (guint i = 0; i < candidates->len; i++)
      g_hash_table_insert (by_school, g_array_index (candidates, Candidate, i).school,
                           &g_array_index (candidates, Candidate, i));
    for (guint i = 0; i < suggestion->placements->len; i++)
      {
        CohortsPlacement *p = &g_array_index (suggestion->placements, CohortsPlacement, i);
        const Candidate *c = g_hash_table_lookup (by_school, p->school);
        const Slot *slot = &g_array_index (s.slots, Slot, p->cohort);

        p->reason = describe_placement (&s, c, slot, p->because);
        p->cohort = (guint) slot_to_cohort[p->cohort];
      }
  }

  /* Cohorts of the plan that the proposal empties. */
  if (options->scope == COHORTS_SUGGEST_ALL)
    for (guint i = 0; i < n_cohorts; i++)
      {
        g_autoptr(CohortsCohort) cohort = g_list_model_get_item (cohorts, i);
        gpointer index;
        guint n_members = cohorts_cohort_get_n_members (cohort);
        gboolean keeps = FALSE;

        if (n_members == 0 || cohort_is_settled (cohort))
          continue;
        if (g_hash_table_lookup_extended (cohort_slot, cohort, NULL, &index))
          {
            const Slot *slot = &g_array_index (s.slots, Slot, GPOINTER_TO_UINT (index));

            keeps = slot->placed > 0 || slot->kept > 0;
          }
        if (!keeps)
          for (guint j = 0; j < n_members && !keeps; j++)
            {
              g_autoptr(CohortsSchool) member =
                g_list_model_get_item (cohorts_cohort_get_members (cohort), j);

              keeps = school_is_settled (member, options->scope);
            }
        if (!keeps)
          g_ptr_array_add (suggestion->emptied, g_object_ref (cohort));
      }

  /* The trade-offs, in words. */
  if (n_locked_schools > 0 || n_locked_cohorts > 0)
    {
      g_autofree char *schools_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u locked school",
                                                                    "%u locked schools", n_locked_schools),
                                                       n_locked_schools);
      g_autofree char *cohorts_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u locked cohort",
                                                                    "%u locked cohorts", n_locked_cohorts),
                                                       n_locked_cohorts);

      /* Translators: "2 locked schools and 1 locked cohort stay as they are." */
      add_tradeoff (suggestion, g_strdup_printf (_("%s and %s stay as they are."), schools_text, cohorts_text));
    }
  if (n_red > 0)
    add_tradeoff (suggestion,
                  g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "%u school is red for readiness and goes after the ready "
                                                "ones; review it before agreeing.",
                                                "%u schools are red for readiness and go after the ready "
                                                "ones; review them before agreeing.",
                                                n_red),
                                   n_red));
  if (n_not_assessed > 0)
    add_tradeoff (suggestion,
                  g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "%u school is not assessed for readiness and goes after "
                                                "the assessed ones.",
                                                "%u schools are not assessed for readiness and go after "
                                                "the assessed ones.",
                                                n_not_assessed),
                                   n_not_assessed));
  if (n_unmet > 0)
    add_tradeoff (suggestion,
                  g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "%u school needs support that the trust’s strong academies "
                                                "cannot give at its support ratio of %d to 1; it goes last. "
                                                "Bring strong schools into the plan, or lower the ratio.",
                                                "%u schools need support that the trust’s strong academies "
                                                "cannot give at its support ratio of %d to 1; they go last. "
                                                "Bring strong schools into the plan, or lower the ratio.",
                                                n_unmet),
                                   n_unmet, s.ratio));
  if (n_unplaced > 0)
    add_tradeoff (suggestion,
                  g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "%u school has no place: the cohorts up to %d are full.",
                                                "%u schools have no place: the cohorts up to %d are full.",
                                                n_unplaced),
                                   n_unplaced, LAST_YEAR));
  for (guint i = 0; i < suggestion->emptied->len; i++)
    add_tradeoff (suggestion,
                  /* Translators: "Cohort 4 is left without schools and is removed." */
                  g_strdup_printf (_("%s is left without schools and is removed."),
                                   cohorts_cohort_get_name (g_ptr_array_index (suggestion->emptied, i))));
  last = COHORTS_DATE_NONE;
  for (guint i = 0; i < s.slots->len; i++)
    {
      const Slot *slot = &g_array_index (s.slots, Slot, i);

      if (slot->placed > 0 || slot->kept > 0 || g_hash_table_contains (s.month_counts, GUINT_TO_POINTER (slot->month)))
        last = MAX (last, slot->date);
    }
  if (suggestion->placements->len > 0 && last != COHORTS_DATE_NONE)
    {
      g_autofree char *when = cohorts_date_format_month (last);

      add_tradeoff (suggestion, g_strdup_printf (_("The last conversion is in %s."), when));
    }
  g_ptr_array_add (suggestion->tradeoffs, NULL);

  g_free (s.suffix_min);
  g_hash_table_unref (s.month_counts);
  g_hash_table_unref (s.term_counts);
  g_array_unref (s.slots);
  return suggestion;
}

void
cohorts_suggestion_free (CohortsSuggestion *suggestion)
{
  if (suggestion == NULL)
    return;

  for (guint i = 0; i < suggestion->cohorts->len; i++)
    {
      CohortsSuggestedCohort *sc = &g_array_index (suggestion->cohorts, CohortsSuggestedCohort, i);

      g_clear_object (&sc->cohort);
      g_free (sc->name);
    }
  for (guint i = 0; i < suggestion->placements->len; i++)
    {
      CohortsPlacement *p = &g_array_index (suggestion->placements, CohortsPlacement, i);

      g_clear_object (&p->school);
      g_free (p->reason);
    }
  g_array_unref (suggestion->cohorts);
  g_array_unref (suggestion->placements);
  g_ptr_array_unref (suggestion->emptied);
  g_ptr_array_unref (suggestion->tradeoffs);
  g_free (suggestion);
}

guint
cohorts_suggestion_get_n_placements (CohortsSuggestion *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->placements->len;
}

const CohortsPlacement *
cohorts_suggestion_get_placement (CohortsSuggestion *self,
                                  guint              i)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (i < self->placements->len, NULL);
  return &g_array_index (self->placements, CohortsPlacement, i);
}

guint
cohorts_suggestion_get_n_cohorts (CohortsSuggestion *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->cohorts->len;
}

const CohortsSuggestedCohort *
cohorts_suggestion_get_cohort (CohortsSuggestion *self,
                               guint              i)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (i < self->cohorts->len, NULL);
  return &g_array_index (self->cohorts, CohortsSuggestedCohort, i);
}

/**
 * cohorts_suggestion_get_emptied:
 *
 * Returns: (transfer none) (element-type CohortsCohort): the plan's cohorts
 *   that the proposal leaves without schools, and removes
 */
GPtrArray *
cohorts_suggestion_get_emptied (CohortsSuggestion *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->emptied;
}

/**
 * cohorts_suggestion_get_tradeoffs:
 *
 * Returns: (transfer none): what the proposal gives up or leaves to the
 *   user, in words, %NULL-terminated
 */
const char *const *
cohorts_suggestion_get_tradeoffs (CohortsSuggestion *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return (const char *const *) self->tradeoffs->pdata;
}

/* Whether the placement puts its school somewhere else than it is. */
static gboolean
placement_moves (CohortsSuggestion      *self,
                 const CohortsPlacement *p)
{
  const CohortsSuggestedCohort *sc = &g_array_index (self->cohorts, CohortsSuggestedCohort, p->cohort);

  return sc->cohort == NULL || cohorts_school_get_cohort (p->school) != sc->cohort;
}

/**
 * cohorts_suggestion_count_moves:
 *
 * Returns: how many schools the proposal puts in another cohort than the
 *   one they are in
 */
guint
cohorts_suggestion_count_moves (CohortsSuggestion *self)
{
  guint n = 0;

  g_return_val_if_fail (self != NULL, 0);

  for (guint i = 0; i < self->placements->len; i++)
    n += placement_moves (self, &g_array_index (self->placements, CohortsPlacement, i));
  return n;
}

/**
 * cohorts_suggestion_apply:
 *
 * Makes the proposal so in @plan, the plan it was made for, as one step to
 * undo ("Suggest Cohorts"): the new cohorts, each in date order among the
 * plan's, each school in its cohort in the proposal's order, and the
 * emptied cohorts removed.
 */
void
cohorts_suggestion_apply (CohortsSuggestion *self,
                          CohortsPlan       *plan)
{
  g_autofree CohortsCohort **targets = NULL;

  g_return_if_fail (self != NULL);
  g_return_if_fail (COHORTS_IS_PLAN (plan));

  cohorts_plan_begin_edit (plan, _("Suggest Cohorts"));

  targets = g_new0 (CohortsCohort *, self->cohorts->len + 1);
  for (guint i = 0; i < self->cohorts->len; i++)
    {
      const CohortsSuggestedCohort *sc = &g_array_index (self->cohorts, CohortsSuggestedCohort, i);

      if (sc->cohort != NULL)
        targets[i] = sc->cohort;
      else
        {
          GListModel *cohorts = cohorts_plan_get_cohorts (plan);
          guint n = g_list_model_get_n_items (cohorts);
          guint position = 0;

          /* In date order among the plan's: after the last that is not later. */
          for (guint j = 0; j < n; j++)
            {
              g_autoptr(CohortsCohort) other = g_list_model_get_item (cohorts, j);
              CohortsDate date = cohorts_cohort_get_date (other);

              if (date != COHORTS_DATE_NONE && date <= sc->date)
                position = j + 1;
            }
          targets[i] = cohorts_plan_add_cohort (plan, sc->name, sc->date);
          if (position < n)
            cohorts_plan_move_cohort (plan, targets[i], position);
        }
    }

  for (guint i = 0; i < self->placements->len; i++)
    {
      const CohortsPlacement *p = &g_array_index (self->placements, CohortsPlacement, i);

      if (cohorts_school_get_cohort (p->school) != targets[p->cohort])
        cohorts_plan_move_school (plan, p->school, targets[p->cohort], G_MAXUINT);
    }

  for (guint i = 0; i < self->emptied->len; i++)
    cohorts_plan_remove_cohort (plan, g_ptr_array_index (self->emptied, i));

  cohorts_plan_end_edit (plan);
}
