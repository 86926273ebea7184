/* cohorts-capacity.c: whether the trust can take its schools on, month by month
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The capacity checks follow the trust as its schools join: each school
 * counts from the month of its conversion (its own date, or its cohort's).
 * The schools' conversions are sorted once and swept month by month: a
 * month's counts are the previous month's plus its joiners, so the cost is
 * one sort and one pass, whatever the length of the plan. Counts change only
 * in months with joiners, so only those are visited; the months between hold
 * the same counts.
 *
 * What is checked, each with its code:
 *   capacity-support-ratio      strong academies for each that needs support
 *   capacity-throughput-month   conversions in one month, against the central
 *                               team's conversions at once
 *   capacity-throughput-term    conversions in one term, against its
 *                               conversions a term
 *   capacity-deficits-together  schools in deficit joining in one month
 *   capacity-growth             academies and pupils at the end of the growth
 *                               target's years
 *   capacity-size-guidance      the DfE's aim of 10 schools or 7,500 pupils
 *   capacity-church-share       church schools' share of the academies,
 *                               against the diocese's minimum
 *   capacity-central-costs      what the top-slice raises from the academies'
 *                               pupils (at the trust's funding a pupil),
 *                               against the central services' yearly cost
 */
#define G_LOG_DOMAIN "cohorts-capacity"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cohorts-calendar.h"
#include "cohorts-capacity.h"
#include "cohorts-checks.h"
#include "cohorts-cohort.h"
#include "cohorts-school.h"
#include "cohorts-trust.h"

/* Names listed in a message before "and N more". */
#define MAX_NAMES 3

typedef struct
{
  CohortsDate month;        /* the 1st of the month it converts in */
  guint order;              /* its place in the plan, to keep sorting stable */
  CohortsSchool *school;
  CohortsCohort *cohort;    /* NULL: a date of its own */
  int pupils;               /* -1 when not recorded */
  guint strong : 1;
  guint vulnerable : 1;
  guint church : 1;
  guint deficit : 1;
} Joiner;

/**
 * cohorts_school_is_strong:
 *
 * Returns: whether @school's latest inspection says it is strong enough to
 *   support others: an Ofsted grade of Outstanding or Good, or a report card
 *   with safeguarding met (or not stated), no area below the expected
 *   standard and at least one area at a strong standard or exceptional. A
 *   school with no inspection is neither strong nor in need of support.
 */
gboolean
cohorts_school_is_strong (CohortsSchool *school)
{
  gboolean above = FALSE;
  CohortsOfstedGrade grade;

  g_return_val_if_fail (COHORTS_IS_SCHOOL (school), FALSE);

  if (cohorts_school_is_vulnerable (school))
    return FALSE;

  /* Not vulnerable: whichever outcome is the latest has nothing below
   * expectations. The grade decides unless a report card is the latest. */
  for (guint i = 0; i < COHORTS_N_REPORT_AREAS; i++)
    {
      CohortsReportGrade area = cohorts_school_get_report_grade (school, i);

      if (area == COHORTS_REPORT_GRADE_EXCEPTIONAL || area == COHORTS_REPORT_GRADE_STRONG_STANDARD)
        above = TRUE;
    }

  if (cohorts_school_has_report_card (school) &&
      (cohorts_school_get_ofsted_grade (school) == COHORTS_OFSTED_GRADE_NONE ||
       cohorts_school_get_report_card_date (school) >= cohorts_school_get_ofsted_date (school)))
    return above;

  grade = cohorts_school_get_ofsted_grade (school);
  if (grade == COHORTS_OFSTED_GRADE_NONE)
    /* Report card grades without its date. */
    return above;
  return grade == COHORTS_OFSTED_GRADE_OUTSTANDING || grade == COHORTS_OFSTED_GRADE_GOOD;
}

/**
 * cohorts_capacity_get_support_ratio:
 *
 * Returns: how many strong academies the trust needs for each academy that
 *   needs support: its own setting, or
 *   %COHORTS_CAPACITY_DEFAULT_SUPPORT_RATIO; 0 checks nothing
 */
int
cohorts_capacity_get_support_ratio (CohortsTrust *trust)
{
  int ratio;

  g_return_val_if_fail (COHORTS_IS_TRUST (trust), COHORTS_CAPACITY_DEFAULT_SUPPORT_RATIO);

  ratio = cohorts_trust_get_support_ratio (trust);
  return ratio >= 0 ? ratio : COHORTS_CAPACITY_DEFAULT_SUPPORT_RATIO;
}

/**
 * cohorts_capacity_get_max_deficit_together:
 *
 * Returns: how many schools in deficit may join in the same month: the
 *   trust's own setting, or %COHORTS_CAPACITY_DEFAULT_MAX_DEFICIT_TOGETHER
 */
int
cohorts_capacity_get_max_deficit_together (CohortsTrust *trust)
{
  int max;

  g_return_val_if_fail (COHORTS_IS_TRUST (trust), COHORTS_CAPACITY_DEFAULT_MAX_DEFICIT_TOGETHER);

  max = cohorts_trust_get_max_deficit_together (trust);
  return max >= 0 ? max : COHORTS_CAPACITY_DEFAULT_MAX_DEFICIT_TOGETHER;
}

static int
compare_joiners (gconstpointer a,
                 gconstpointer b)
{
  const Joiner *ja = a, *jb = b;

  if (ja->month != jb->month)
    return ja->month < jb->month ? -1 : 1;
  return (ja->order > jb->order) - (ja->order < jb->order);
}

/* The schools with a conversion date, in the order they join. */
static GArray *
gather_joiners (CohortsPlan *plan)
{
  GListModel *schools = cohorts_plan_get_schools (plan);
  guint n = g_list_model_get_n_items (schools);
  GArray *joiners = g_array_sized_new (FALSE, FALSE, sizeof (Joiner), n);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CohortsSchool) school = g_list_model_get_item (schools, i);
      CohortsCohort *cohort = cohorts_school_get_cohort (school);
      CohortsMilestone own;
      CohortsDate date = COHORTS_DATE_NONE;
      gint64 balance;
      Joiner j;

      /* As cohorts_schedule_plan() decides it: the school's own date first. */
      cohorts_school_get_milestone (school, COHORTS_STEP_CONVERSION, &own);
      if (own.state != COHORTS_MILESTONE_SCHEDULED)
        {
          date = own.date;
          cohort = NULL;
        }
      else if (cohort != NULL)
        date = cohorts_cohort_get_date (cohort);
      if (date == COHORTS_DATE_NONE)
        continue;

      balance = cohorts_school_get_budget_balance (school);
      j.month = cohorts_date_first_of_month (date);
      j.order = i;
      j.school = school;
      j.cohort = cohort;
      j.pupils = cohorts_school_get_pupils (school);
      j.vulnerable = cohorts_school_is_vulnerable (school);
      j.strong = !j.vulnerable && cohorts_school_is_strong (school);
      j.church = cohorts_school_is_church_school (school);
      j.deficit = (balance != COHORTS_MONEY_UNKNOWN && balance < 0) || cohorts_school_get_recovery_plan (school);
      g_array_append_val (joiners, j);
    }

  g_array_sort (joiners, compare_joiners);
  return joiners;
}

/* "Ashby First School, Bramley Middle School and 2 more": the names of the
 * joiners in [@from, @to) that @want says. */
static char *
list_names (const Joiner *joiners,
            guint         from,
            guint         to,
            gboolean    (*want) (const Joiner *j),
            gboolean      cohorts)
{
  const char *names[MAX_NAMES + 1];
  char *owned[MAX_NAMES + 1] = { NULL, };
  guint n = 0, more = 0;
  GString *out;

  for (guint i = from; i < to; i++)
    {
      const Joiner *j = &joiners[i];
      g_autofree char *name = NULL;
      gboolean seen = FALSE;

      if (want != NULL && !want (j))
        continue;

      if (cohorts && j->cohort != NULL)
        {
          /* A cohort once, however many of its schools join. */
          for (guint k = from; k < i && !seen; k++)
            seen = joiners[k].cohort == j->cohort && (want == NULL || want (&joiners[k]));
          if (seen)
            continue;
          name = cohorts_cohort_dup_display_name (j->cohort);
        }
      else
        name = g_strdup (cohorts_school_get_name (j->school));

      if (n < MAX_NAMES + 1)
        {
          owned[n] = g_steal_pointer (&name);
          names[n] = owned[n];
          n++;
        }
      else
        more++;
    }

  if (n == 0)
    return g_strdup ("");
  /* Four names read better than three and "1 more". */
  if (n == MAX_NAMES + 1 && more > 0)
    {
      more++;
      n = MAX_NAMES;
    }

  out = g_string_new (names[0]);
  for (guint i = 1; i < n; i++)
    {
      if (i == n - 1 && more == 0)
        /* Translators: the last of a list of names: "A, B and C" */
        g_string_append_printf (out, _(" and %s"), names[i]);
      else
        g_string_append_printf (out, ", %s", names[i]);
    }
  if (more > 0)
    /* Translators: the end of a list of names: "A, B, C and 2 more" */
    g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, " and %u more", " and %u more", more), more);

  for (guint i = 0; i < G_N_ELEMENTS (owned); i++)
    g_free (owned[i]);
  return g_string_free (out, FALSE);
}

static gboolean
is_vulnerable (const Joiner *j)
{
  return j->vulnerable;
}

static gboolean
is_deficit (const Joiner *j)
{
  return j->deficit;
}

static gboolean
is_not_church (const Joiner *j)
{
  return !j->church;
}

/* "month:2027-09" */
static char *
month_subject (CohortsDate month)
{
  return g_strdup_printf ("month:%04d-%02d", cohorts_date_get_year (month), cohorts_date_get_month (month));
}

/* The subject of what joins in [@from, @to): their cohort if they are all
 * of one, else their month. */
static char *
joiners_subject (const Joiner *joiners,
                 guint         from,
                 guint         to,
                 gboolean    (*want) (const Joiner *j))
{
  CohortsCohort *cohort = NULL;

  for (guint i = from; i < to; i++)
    {
      if (want != NULL && !want (&joiners[i]))
        continue;
      if (joiners[i].cohort == NULL || (cohort != NULL && joiners[i].cohort != cohort))
        return month_subject (joiners[from].month);
      cohort = joiners[i].cohort;
    }
  if (cohort == NULL)
    return month_subject (joiners[from].month);
  return g_strdup_printf ("cohort:%s", cohorts_cohort_get_id (cohort));
}

/* Takes @subject, @suggestion and @message. */
static void
add_finding (GPtrArray       *findings,
             CohortsSeverity  severity,
             const char      *code,
             char            *subject,
             char            *suggestion,
             char            *message)
{
  CohortsFinding *finding = g_new0 (CohortsFinding, 1);

  finding->severity = severity;
  finding->code = g_strdup (code);
  finding->subject = subject;
  finding->message = message;
  finding->suggestion = suggestion;
  g_ptr_array_add (findings, finding);
}

/* "25%", "25.5%", "33.33%" from hundredths of a percent. */
static char *
format_percent (guint hundredths)
{
  g_autofree char *number = NULL;

  if (hundredths % 100 == 0)
    number = g_strdup_printf ("%u", hundredths / 100);
  else if (hundredths % 10 == 0)
    number = g_strdup_printf ("%u.%u", hundredths / 100, hundredths % 100 / 10);
  else
    number = g_strdup_printf ("%u.%02u", hundredths / 100, hundredths % 100);
  /* Translators: a percentage: "25%" */
  return g_strdup_printf (_("%s%%"), number);
}

static char *group_digits (guint64 value);

/* The month-by-month counts, as the sweep keeps them. */
typedef struct
{
  guint academies;
  guint strong;
  guint vulnerable;
  guint church;
  guint64 pupils;
} Counts;

typedef struct
{
  CohortsPlan *plan;
  GPtrArray *findings;
  const Joiner *joiners;
  guint n_joiners;
  int ratio;
  int church_min;
} Sweep;

static gboolean
support_short (const Sweep  *s,
               const Counts *c)
{
  return s->ratio > 0 && c->vulnerable > 0 && (guint64) c->strong < (guint64) s->ratio * c->vulnerable;
}

static gboolean
church_short (const Sweep  *s,
              const Counts *c)
{
  return s->church_min > 0 && c->academies >= COHORTS_CAPACITY_CHURCH_SHARE_FROM &&
         (guint64) c->church * 10000 < (guint64) s->church_min * c->academies;
}

/**
 * cohorts_capacity_church_share:
 *
 * The church share of the trust month by month, as the capacity checks
 * follow it: one entry for each month in which schools join (the share
 * holds until the next), in date order.
 *
 * Returns: (transfer full) (element-type CohortsChurchShare): the months
 */
GArray *
cohorts_capacity_church_share (CohortsPlan *plan)
{
  g_autoptr(GArray) joiners = NULL;
  GArray *shares;
  Counts c = { 0, };
  Sweep s = { 0, };

  g_return_val_if_fail (COHORTS_IS_PLAN (plan), NULL);

  joiners = gather_joiners (plan);
  s.joiners = (const Joiner *) (gpointer) joiners->data;
  s.n_joiners = joiners->len;
  s.church_min = cohorts_trust_get_church_share_min (cohorts_plan_get_trust (plan));

  shares = g_array_new (FALSE, TRUE, sizeof (CohortsChurchShare));
  for (guint from = 0, to; from < s.n_joiners; from = to)
    {
      CohortsChurchShare share;

      for (to = from; to < s.n_joiners && s.joiners[to].month == s.joiners[from].month; to++)
        {
          c.academies++;
          c.church += s.joiners[to].church;
        }
      share.month = s.joiners[from].month;
      share.academies = c.academies;
      share.church = c.church;
      share.below = church_short (&s, &c);
      g_array_append_val (shares, share);
    }
  return shares;
}

/* The first strong school to join after @from, or -1. */
static int
next_strong (const Sweep *s,
             guint        from)
{
  for (guint i = from; i < s->n_joiners; i++)
    if (s->joiners[i].strong)
      return (int) i;
  return -1;
}

/* The support ratio fell below the plan's in the month of joiners [@from,
 * @to), with @c its counts; @recovers is the month it is met again, or
 * none. */
static void
report_support (Sweep        *s,
                guint         from,
                guint         to,
                const Counts *c,
                CohortsDate   recovers)
{
  g_autofree char *month = cohorts_date_format_month (s->joiners[from].month);
  g_autofree char *tipping = list_names (s->joiners, from, to, is_vulnerable, FALSE);
  g_autofree char *strong = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u strong academy",
                                                          "%u strong academies", c->strong),
                                             c->strong);
  g_autofree char *needing = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u that needs support",
                                                           "%u that need support", c->vulnerable),
                                              c->vulnerable);
  guint n_tipping = 0;
  guint needed = s->ratio * c->vulnerable - c->strong;
  g_autofree char *first = NULL;
  g_autofree char *then = NULL;
  g_autofree char *suggestion = NULL;
  int next = next_strong (s, to);

  for (guint i = from; i < to; i++)
    n_tipping += s->joiners[i].vulnerable;

  first = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        /* Translators: "From September 2027, when Ashby First
                                         * School converts, the trust has 3 strong academies for 2
                                         * that need support: fewer than its support ratio of 2 to
                                         * 1." */
                                        "From %s, when %s converts, the trust has %s for %s: fewer "
                                        "than its support ratio of %d to 1.",
                                        "From %s, when %s convert, the trust has %s for %s: fewer "
                                        "than its support ratio of %d to 1.",
                                        n_tipping),
                           month, tipping, strong, needing, s->ratio);
  if (recovers != COHORTS_DATE_NONE)
    {
      g_autofree char *until = cohorts_date_format_month (recovers);

      then = g_strdup_printf (_("%s It is met again from %s."), first, until);
    }
  else
    then = g_strdup_printf (_("%s It is not met again by the plan’s last conversion."), first);

  suggestion = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "Move %s to a later month, or bring %u more strong school "
                                             "forward to %s.",
                                             "Move %s to a later month, or bring %u more strong schools "
                                             "forward to %s.",
                                             needed),
                                tipping, needed, month);
  if (next >= 0)
    {
      g_autofree char *next_month = cohorts_date_format_month (s->joiners[next].month);
      g_autofree char *more = NULL;

      /* Translators: "The next strong school to convert is Castle Primary School, in April 2028." */
      more = g_strdup_printf (_("%s The next strong school to convert is %s, in %s."), suggestion,
                              cohorts_school_get_name (s->joiners[next].school), next_month);
      g_free (suggestion);
      suggestion = g_steal_pointer (&more);
    }

  add_finding (s->findings, c->strong < c->vulnerable ? COHORTS_SEVERITY_ERROR : COHORTS_SEVERITY_WARNING,
               "capacity-support-ratio", month_subject (s->joiners[from].month),
               g_steal_pointer (&suggestion), g_steal_pointer (&then));
}

static void
report_church (Sweep        *s,
               guint         from,
               guint         to,
               const Counts *c,
               CohortsDate   recovers)
{
  g_autofree char *month = cohorts_date_format_month (s->joiners[from].month);
  g_autofree char *share = format_percent ((guint) ((guint64) c->church * 10000 / c->academies));
  g_autofree char *minimum = format_percent ((guint) s->church_min);
  g_autofree char *others = list_names (s->joiners, from, to, is_not_church, FALSE);
  g_autofree char *first = NULL;
  char *message, *suggestion;

  first = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        /* Translators: "From September 2027 church schools are 1
                                         * of the trust's 5 academies (20%), below the diocese's
                                         * minimum of 25%." */
                                        "From %s church schools are %u of the trust’s %u academy "
                                        "(%s), below the diocese’s minimum of %s.",
                                        "From %s church schools are %u of the trust’s %u academies "
                                        "(%s), below the diocese’s minimum of %s.",
                                        c->academies),
                           month, c->church, c->academies, share, minimum);
  if (recovers != COHORTS_DATE_NONE)
    {
      g_autofree char *until = cohorts_date_format_month (recovers);

      message = g_strdup_printf (_("%s It is met again from %s."), first, until);
    }
  else
    message = g_strdup_printf (_("%s It is not met again by the plan’s last conversion."), first);

  if (others[0] != '\0')
    suggestion = g_strdup_printf (_("Bring a church school forward to %s, or move %s to a later month."),
                                  month, others);
  else
    suggestion = g_strdup_printf (_("Bring a church school forward to %s."), month);

  add_finding (s->findings, COHORTS_SEVERITY_WARNING, "capacity-church-share",
               month_subject (s->joiners[from].month), suggestion, message);
}

static void
check_throughput_month (Sweep *s,
                        int    limit,
                        guint  from,
                        guint  to)
{
  guint count = to - from;
  g_autofree char *month = NULL;
  g_autofree char *who = NULL;
  char *message, *suggestion;

  if (limit <= 0 || count <= (guint) limit)
    return;

  month = cohorts_date_format_month (s->joiners[from].month);
  who = list_names (s->joiners, from, to, NULL, TRUE);
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          /* Translators: "5 schools convert in September 2027
                                           * (Cohort 1 and Cohort 2), more than the 3 the central
                                           * team can run at once." */
                                          "%u school converts in %s (%s), more than the %d the "
                                          "central team can run at once.",
                                          "%u schools convert in %s (%s), more than the %d the "
                                          "central team can run at once.",
                                          count),
                             count, month, who, limit);
  suggestion = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "Move %u school to another month, or raise the central "
                                             "team’s conversions at once.",
                                             "Move %u schools to other months, or raise the central "
                                             "team’s conversions at once.",
                                             count - limit),
                                count - limit);
  add_finding (s->findings, COHORTS_SEVERITY_WARNING, "capacity-throughput-month",
               joiners_subject (s->joiners, from, to, NULL), suggestion, message);
}

static void
check_throughput_term (Sweep       *s,
                       int          limit,
                       guint        from,
                       guint        to,
                       int          year,
                       CohortsTerm  term)
{
  guint count = to - from;
  g_autofree char *term_label = NULL;
  g_autofree char *who = NULL;
  char *message, *suggestion, *subject;

  if (limit <= 0 || count <= (guint) limit)
    return;

  term_label = cohorts_calendar_format_term (year, term);
  who = list_names (s->joiners, from, to, NULL, TRUE);
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          /* Translators: "7 schools convert in Autumn term 2027/28
                                           * (Cohort 1 and Cohort 2), more than the 5 the central
                                           * team can run a term." */
                                          "%u school converts in %s (%s), more than the %d the "
                                          "central team can run a term.",
                                          "%u schools convert in %s (%s), more than the %d the "
                                          "central team can run a term.",
                                          count),
                             count, term_label, who, limit);
  suggestion = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "Move %u school to another term, or raise the central "
                                             "team’s conversions a term.",
                                             "Move %u schools to other terms, or raise the central "
                                             "team’s conversions a term.",
                                             count - limit),
                                count - limit);
  subject = g_strdup_printf ("term:%d-%s", year, cohorts_calendar_term_token (term));
  add_finding (s->findings, COHORTS_SEVERITY_WARNING, "capacity-throughput-term", subject, suggestion,
               message);
}

static void
check_deficits (Sweep *s,
                int    limit,
                guint  from,
                guint  to)
{
  guint count = 0;
  g_autofree char *month = NULL;
  g_autofree char *who = NULL;
  char *message, *suggestion;

  for (guint i = from; i < to; i++)
    count += s->joiners[i].deficit;
  if (count <= (guint) limit)
    return;

  month = cohorts_date_format_month (s->joiners[from].month);
  who = list_names (s->joiners, from, to, is_deficit, FALSE);
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          /* Translators: "2 schools in deficit join in September
                                           * 2027 (Ashby First School and Bramley Middle School);
                                           * the plan allows 1 at once." */
                                          "%u school in deficit joins in %s (%s); the plan allows "
                                          "%d at once.",
                                          "%u schools in deficit join in %s (%s); the plan allows "
                                          "%d at once.",
                                          count),
                             count, month, who, limit);
  suggestion = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "Spread them over different months, so that at most %d "
                                             "joins at once, or agree a recovery plan for each first.",
                                             "Spread them over different months, so that at most %d "
                                             "join at once, or agree a recovery plan for each first.",
                                             limit),
                                limit);
  add_finding (s->findings, COHORTS_SEVERITY_WARNING, "capacity-deficits-together",
               joiners_subject (s->joiners, from, to, is_deficit), suggestion, message);
}

/* The growth target, at the end of its years (from the plan's start, or
 * its first conversion), or at the last conversion without them. */
static void
check_growth (Sweep *s)
{
  CohortsTrust *trust = cohorts_plan_get_trust (s->plan);
  int low = cohorts_trust_get_academies_min (trust);
  int high = cohorts_trust_get_academies_max (trust);
  int pupils_target = cohorts_trust_get_target_pupils (trust);
  int years = cohorts_trust_get_within_years (trust);
  CohortsDate start = cohorts_plan_get_start_date (s->plan);
  CohortsDate by;
  guint academies = 0;
  guint64 pupils = 0;
  g_autofree char *when = NULL;

  if (s->n_joiners == 0 || (low < 0 && high < 0 && pupils_target < 0))
    return;

  if (start == COHORTS_DATE_NONE)
    start = s->joiners[0].month;
  by = years > 0 ? cohorts_date_add_months (start, 12 * years) : s->joiners[s->n_joiners - 1].month;

  /* A school converting on the very day the years end counts. */
  for (guint i = 0; i < s->n_joiners && s->joiners[i].month <= by; i++)
    {
      academies++;
      if (s->joiners[i].pupils > 0)
        pupils += s->joiners[i].pupils;
    }

  when = years > 0 ? cohorts_date_format (by) : cohorts_date_format_month (by);

  /* A reversed target is a finding of its own: its numbers mean nothing. */
  if (low >= 0 && high >= 0 && low > high)
    low = high = -1;

  if (low >= 0 && academies < (guint) low)
    add_finding (s->findings, COHORTS_SEVERITY_WARNING, "capacity-growth", g_strdup ("plan"),
                 g_strdup (_("Bring cohorts forward, or add schools to the plan.")),
                 g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               /* Translators: "By 1 September 2029 the trust has 8
                                                * academies, fewer than the 15 of its growth target." */
                                               "By %s the trust has %u academy, fewer than the %d of its "
                                               "growth target.",
                                               "By %s the trust has %u academies, fewer than the %d of "
                                               "its growth target.",
                                               academies),
                                  when, academies, low));
  if (high >= 0 && academies > (guint) high)
    add_finding (s->findings, COHORTS_SEVERITY_WARNING, "capacity-growth", g_strdup ("plan"),
                 g_strdup (_("Move a cohort later, or raise the growth target.")),
                 g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "By %s the trust has %u academy, more than the %d of its "
                                               "growth target.",
                                               "By %s the trust has %u academies, more than the %d of "
                                               "its growth target.",
                                               academies),
                                  when, academies, high));
  if (pupils_target >= 0 && pupils < (guint64) pupils_target)
    {
      g_autofree char *have = group_digits (pupils);
      g_autofree char *want = group_digits ((guint64) pupils_target);

      add_finding (s->findings, COHORTS_SEVERITY_WARNING, "capacity-growth", g_strdup ("plan"),
                   g_strdup (_("Bring cohorts forward, add schools, or record the schools’ pupils.")),
                   g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 /* Translators: "By 1 September 2029 the trust's
                                                  * academies have 4,200 pupils, fewer than the
                                                  * 7,500 of its growth target." */
                                                 "By %s the trust’s academies have %s pupil, fewer than "
                                                 "the %s of its growth target.",
                                                 "By %s the trust’s academies have %s pupils, fewer than "
                                                 "the %s of its growth target.",
                                                 (gulong) MIN (pupils, G_MAXULONG)),
                                    when, have, want));
    }
}

/* The DfE's aim, against where the growth target heads and where the plan
 * ends: only a trust that states a target below it, and does not pass it
 * anyway, is told. */
static void
check_size_guidance (Sweep        *s,
                     const Counts *end)
{
  CohortsTrust *trust = cohorts_plan_get_trust (s->plan);
  int aim = MAX (cohorts_trust_get_academies_min (trust), cohorts_trust_get_academies_max (trust));
  int pupils_aim = cohorts_trust_get_target_pupils (trust);
  g_autofree char *target = NULL;

  if (aim < 0 && pupils_aim < 0)
    return;
  if (aim >= COHORTS_CAPACITY_GUIDANCE_ACADEMIES || pupils_aim >= COHORTS_CAPACITY_GUIDANCE_PUPILS)
    return;
  if (end->academies >= COHORTS_CAPACITY_GUIDANCE_ACADEMIES || end->pupils >= COHORTS_CAPACITY_GUIDANCE_PUPILS)
    return;

  target = cohorts_trust_describe_growth_target (trust);
  add_finding (s->findings, COHORTS_SEVERITY_INFO, "capacity-size-guidance", g_strdup ("plan"),
               g_strdup (_("Consider a growth target that heads there, or say in the trust’s notes how "
                           "it will grow beyond it.")),
               /* Translators: "The growth target is 6 academies within 3 years; the DfE wants
                * trusts heading for at least 10 schools or 7,500 pupils." */
               g_strdup_printf (_("The growth target is %s; the DfE wants trusts heading for at least "
                                  "10 schools or 7,500 pupils."),
                                target));
}

/* "1,234,000": grouped by thousands whatever the locale, as a board paper
 * writes them. */
static char *
group_digits (guint64 value)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GUINT64_FORMAT, value);
  gsize n = strlen (digits);
  g_autofree char *number = g_malloc (n + n / 3 + 1);
  char *p = number;

  for (gsize i = 0; i < n; i++)
    {
      if (i > 0 && (n - i) % 3 == 0)
        *p++ = ',';
      *p++ = digits[i];
    }
  *p = '\0';
  return g_steal_pointer (&number);
}

/* "£1,234,000": whole pounds. */
static char *
format_pounds (guint64 pounds)
{
  g_autofree char *number = group_digits (pounds);

  /* Translators: an amount in pounds: "£1,234,000" */
  return g_strdup_printf (_("£%s"), number);
}

/* Whole months from @from to @to, both the 1st of a month. */
static guint
months_between (CohortsDate from,
                CohortsDate to)
{
  return (guint) ((cohorts_date_get_year (to) - cohorts_date_get_year (from)) * 12 +
                  cohorts_date_get_month (to) - cohorts_date_get_month (from));
}

/* What a top-slice of @top_slice hundredths of a percent raises a year from
 * @pupils pupils funded at @funding pounds each. */
static guint64
top_slice_income (guint64 pupils,
                  gint64  funding,
                  int     top_slice)
{
  /* At most 100,000 schools of 999,999,999 pupils at £999,999,999,999: the
   * product overflows 64 bits long before that, so divide as it goes. */
  long double income = (long double) pupils * (long double) funding * top_slice / 10000.0L;

  return income >= (long double) G_MAXUINT64 ? G_MAXUINT64 : (guint64) income;
}

/* The central services' yearly cost against what the top-slice raises from
 * the academies' pupils, month by month as they join. A trust whose
 * top-slice never covers its costs is warned, with the top-slice or the
 * pupils that would; one that is covered only later is told from when, and
 * what the months before cost it. Without the cost, the top-slice or the
 * funding a pupil there is nothing to weigh (the last asked for when the
 * others are there), nor with a top-slice of 0 (grant pooled). */
static void
check_central_costs (Sweep *s)
{
  CohortsTrust *trust = cohorts_plan_get_trust (s->plan);
  gint64 cost = cohorts_trust_get_annual_cost (trust);
  gint64 funding = cohorts_trust_get_funding_per_pupil (trust);
  int top_slice = cohorts_trust_get_top_slice (trust);
  guint64 pupils = 0, income = 0, shortfall_twelfths = 0;
  guint without_pupils = 0, from_covered = G_MAXUINT;
  CohortsDate first, last;
  g_autofree char *cost_text = NULL;
  g_autofree char *slice_text = NULL;

  /* A top-slice of 0 is a trust that pools its academies' grant: what it
   * keeps centrally is not a share this can weigh. */
  if (s->n_joiners == 0 || cost <= 0 || top_slice <= 0)
    return;

  if (funding <= 0)
    {
      add_finding (s->findings, COHORTS_SEVERITY_INFO, "capacity-central-costs", g_strdup ("plan"),
                   g_strdup (_("Enter the academies’ funding a pupil a year in the plan’s Central Team.")),
                   g_strdup (_("The top-slice cannot be weighed against the central services’ cost: the "
                               "plan does not say what the academies are funded a pupil.")));
      return;
    }

  first = s->joiners[0].month;
  last = s->joiners[s->n_joiners - 1].month;
  cost_text = format_pounds ((guint64) cost);
  slice_text = format_percent ((guint) top_slice);

  /* One month of joiners at a time; the months between two of them cost
   * what the first of them left short. */
  for (guint from = 0, to; from < s->n_joiners; from = to)
    {
      CohortsDate month = s->joiners[from].month;

      for (to = from; to < s->n_joiners && s->joiners[to].month == month; to++)
        {
          if (s->joiners[to].pupils > 0)
            pupils += (guint) s->joiners[to].pupils;
          else
            without_pupils++;
        }
      income = top_slice_income (pupils, funding, top_slice);

      if (income >= (guint64) cost)
        {
          if (from_covered == G_MAXUINT)
            from_covered = from;
          break;
        }
      if (to < s->n_joiners)
        shortfall_twelfths += ((guint64) cost - income) *
                              (guint64) months_between (month, s->joiners[to].month);
    }

  if (from_covered == G_MAXUINT)
    {
      guint64 gap = (guint64) cost - income;
      /* The top-slice that would cover the cost, in hundredths, rounded up. */
      long double needed = (long double) cost * 10000.0L / ((long double) MAX (pupils, 1) * funding);
      guint64 more_pupils = (guint64) (((long double) gap * 10000.0L) / ((long double) funding * MAX (top_slice, 1))) + 1;
      g_autofree char *last_text = cohorts_date_format_month (last);
      g_autofree char *income_text = format_pounds (income);
      g_autofree char *gap_text = format_pounds (gap);
      g_autofree char *message = NULL;
      g_autofree char *suggestion = NULL;

      message = g_strdup_printf (_("From %s, with all its academies, a top-slice of %s raises %s a year: "
                                   "%s short of the %s the central services cost."),
                                 last_text, slice_text, income_text, gap_text, cost_text);
      if (pupils > 0 && needed <= 10000.0L && top_slice > 0)
        {
          guint hundredths = (guint) needed;
          g_autofree char *needed_text = NULL;
          g_autofree char *pupils_text = group_digits (more_pupils);

          if ((long double) hundredths < needed)
            hundredths++;
          needed_text = format_percent (hundredths);
          suggestion = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                     /* Translators: "Raise the top-slice to 5.96%, plan
                                                      * academies of about 267 more pupils, or reduce the
                                                      * central costs." */
                                                     "Raise the top-slice to %s, plan academies of about "
                                                     "%s more pupil, or reduce the central costs.",
                                                     "Raise the top-slice to %s, plan academies of about "
                                                     "%s more pupils, or reduce the central costs.",
                                                     (gulong) MIN (more_pupils, G_MAXULONG)),
                                        needed_text, pupils_text);
        }
      else
        suggestion = g_strdup (_("Raise the top-slice, plan more academies, or reduce the central costs."));
      if (without_pupils > 0)
        {
          g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                "%s %u academy has no pupil count and "
                                                                "raises nothing here.",
                                                                "%s %u academies have no pupil count and "
                                                                "raise nothing here.",
                                                                without_pupils),
                                                   message, without_pupils);
          g_free (message);
          message = g_steal_pointer (&more);
        }
      add_finding (s->findings, COHORTS_SEVERITY_WARNING, "capacity-central-costs", g_strdup ("plan"),
                   g_steal_pointer (&suggestion), g_steal_pointer (&message));
    }
  else if (s->joiners[from_covered].month != first)
    {
      CohortsDate covered = s->joiners[from_covered].month;
      g_autofree char *covered_text = cohorts_date_format_month (covered);
      g_autofree char *first_text = cohorts_date_format_month (first);
      g_autofree char *shortfall_text = format_pounds ((shortfall_twelfths + 11) / 12);
      guint months = months_between (first, covered);

      add_finding (s->findings, COHORTS_SEVERITY_INFO, "capacity-central-costs", month_subject (covered),
                   g_strdup (_("Plan how reserves or start-up funding meet the difference, or bring larger "
                               "schools forward.")),
                   g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 /* Translators: "A top-slice of 5% covers the central
                                                  * services' £420,000 a year from September 2029; in the
                                                  * 24 months from September 2027 it leaves £310,500
                                                  * short." */
                                                 "A top-slice of %s covers the central services’ %s a year "
                                                 "from %s; in the %u month from %s it leaves %s short.",
                                                 "A top-slice of %s covers the central services’ %s a year "
                                                 "from %s; in the %u months from %s it leaves %s short.",
                                                 months),
                                    slice_text, cost_text, covered_text, months, first_text,
                                    shortfall_text));
    }
}

/**
 * cohorts_capacity_check:
 * @findings: (element-type CohortsFinding): where to add what is found
 *
 * Follows the trust month by month as @plan's schools join and adds a
 * finding for each capacity limit it passes: the support ratio, the central
 * team's conversions a month and a term, schools in deficit joining
 * together, the growth target, the DfE's size guidance, the church
 * share and the central costs against the top-slice. Findings come in that order of checks where they are of the same
 * month, the growth and size findings last.
 */
void
cohorts_capacity_check (CohortsPlan *plan,
                        GPtrArray   *findings)
{
  g_autoptr(GArray) array = NULL;
  CohortsTrust *trust;
  Counts c = { 0, };
  Sweep s = { 0, };
  int per_month, per_term, deficits;
  guint term_from = 0;
  int term_year = 0;
  CohortsTerm term = COHORTS_TERM_AUTUMN;
  /* Where the current run below the support ratio or the church share
   * began (G_MAXUINT: none), its first month's end and counts. */
  guint support_start = G_MAXUINT, church_start = G_MAXUINT;
  guint support_to = 0, church_to = 0;
  Counts support_counts = { 0, }, church_counts = { 0, };

  g_return_if_fail (COHORTS_IS_PLAN (plan));
  g_return_if_fail (findings != NULL);

  trust = cohorts_plan_get_trust (plan);
  per_month = cohorts_trust_get_concurrent_conversions (trust);
  per_term = cohorts_trust_get_conversions_per_term (trust);
  deficits = cohorts_capacity_get_max_deficit_together (trust);

  array = gather_joiners (plan);
  s.plan = plan;
  s.findings = findings;
  s.joiners = (const Joiner *) (gpointer) array->data;
  s.n_joiners = array->len;
  s.ratio = cohorts_capacity_get_support_ratio (trust);
  s.church_min = cohorts_trust_get_church_share_min (trust);

  /* One month of joiners at a time: [from, to). */
  for (guint from = 0, to; from < s.n_joiners; from = to)
    {
      CohortsDate month = s.joiners[from].month;
      int year = cohorts_calendar_academic_year (month);
      CohortsTerm month_term = cohorts_calendar_term (month);
      Counts before = c;

      for (to = from; to < s.n_joiners && s.joiners[to].month == month; to++)
        {
          const Joiner *j = &s.joiners[to];

          c.academies++;
          c.strong += j->strong;
          c.vulnerable += j->vulnerable;
          c.church += j->church;
          if (j->pupils > 0)
            c.pupils += j->pupils;
        }

      /* A term ends where the next month's term differs. */
      if (from > 0 && (year != term_year || month_term != term))
        {
          check_throughput_term (&s, per_term, term_from, from, term_year, term);
          term_from = from;
        }
      term_year = year;
      term = month_term;

      check_throughput_month (&s, per_month, from, to);
      check_deficits (&s, deficits, from, to);

      /* A run below a limit is reported once, for the month it starts,
       * when the month it ends is known. */
      if (support_short (&s, &c) && !support_short (&s, &before))
        {
          support_start = from;
          support_to = to;
          support_counts = c;
        }
      else if (!support_short (&s, &c) && support_start != G_MAXUINT)
        {
          report_support (&s, support_start, support_to, &support_counts, month);
          support_start = G_MAXUINT;
        }

      if (church_short (&s, &c) && !church_short (&s, &before))
        {
          church_start = from;
          church_to = to;
          church_counts = c;
        }
      else if (!church_short (&s, &c) && church_start != G_MAXUINT)
        {
          report_church (&s, church_start, church_to, &church_counts, month);
          church_start = G_MAXUINT;
        }
    }

  if (s.n_joiners > 0)
    check_throughput_term (&s, per_term, term_from, s.n_joiners, term_year, term);

  if (support_start != G_MAXUINT)
    report_support (&s, support_start, support_to, &support_counts, COHORTS_DATE_NONE);
  if (church_start != G_MAXUINT)
    report_church (&s, church_start, church_to, &church_counts, COHORTS_DATE_NONE);

  check_growth (&s);
  check_size_guidance (&s, &c);
  check_central_costs (&s);
}
