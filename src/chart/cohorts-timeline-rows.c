/* cohorts-timeline-rows.c: the rows of the timeline, indexed for any scroll position
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The timeline shows one row a cohort, followed by one row for each of its
 * schools unless the cohort is collapsed, then the schools in no cohort.
 * Rows have one height, so the row at a scroll position is a division; which
 * school a row is takes a binary search over the groups (a few dozen) and one
 * lookup in the cohort's list. Drawing a frame therefore costs the same for
 * 20 schools as for 25,000: only what is on screen is looked at.
 *
 * What does depend on every school (each group's span and readiness counts,
 * the number of academies over time, the plan's range of dates) is gathered
 * once an edit, not once a frame.
 *
 * The rows may show one diocese's schools only (the diocese view): the
 * schools it shows are then gathered into one array at the same rebuild,
 * each group's a slice of it, so that a row is still a division and a
 * lookup. Cohorts with none of its schools have no rows; the trust's
 * academies over time still count every school.
 */
#define G_LOG_DOMAIN "cohorts-timeline"

#include "config.h"

#include "cohorts-cohort.h"
#include "cohorts-schedule.h"
#include "cohorts-capacity.h"
#include "cohorts-diocese.h"
#include "cohorts-timeline-rows.h"

struct _CohortsTimelineRows
{
  GObject parent_instance;

  CohortsPlan *plan;
  CohortsBaseline *baseline;  /* shown beside the plan, or NULL */
  const CohortsFramework *framework;  /* the plan's, while rebuilding */
  GArray *groups;            /* CohortsTimelineGroup */
  GArray *counts;            /* CohortsTimelineCount, by date */
  GHashTable *collapsed;     /* CohortsCohort (not owned) -> itself, when collapsed */
  gboolean unassigned_collapsed;
  GHashTable *hidden;        /* CohortsCohort (not owned) -> itself, when left out */
  gboolean unassigned_hidden;
  guint n_rows;
  CohortsDate start;
  CohortsDate end;

  /* The diocese view */
  char *diocese;             /* a diocese's key, or NULL for every school */
  GPtrArray *shown;          /* CohortsSchool (not owned): each group's, in turn */
  GArray *offsets;           /* guint: where each group's schools start in @shown */
  GHashTable *positions;     /* CohortsSchool -> its place in its group, plus one */
};

G_DEFINE_FINAL_TYPE (CohortsTimelineRows, cohorts_timeline_rows, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
plan_changed_cb (CohortsTimelineRows *self)
{
  cohorts_timeline_rows_rebuild (self);
}

static void
cohorts_timeline_rows_dispose (GObject *object)
{
  CohortsTimelineRows *self = (CohortsTimelineRows *) object;

  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_data (self->plan, self);
  g_clear_object (&self->plan);
  g_clear_object (&self->baseline);

  G_OBJECT_CLASS (cohorts_timeline_rows_parent_class)->dispose (object);
}

static void
cohorts_timeline_rows_finalize (GObject *object)
{
  CohortsTimelineRows *self = (CohortsTimelineRows *) object;

  g_array_unref (self->groups);
  g_array_unref (self->counts);
  g_hash_table_unref (self->collapsed);
  g_hash_table_unref (self->hidden);
  g_free (self->diocese);
  g_ptr_array_unref (self->shown);
  g_array_unref (self->offsets);
  g_hash_table_unref (self->positions);

  G_OBJECT_CLASS (cohorts_timeline_rows_parent_class)->finalize (object);
}

static void
cohorts_timeline_rows_class_init (CohortsTimelineRowsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cohorts_timeline_rows_dispose;
  object_class->finalize = cohorts_timeline_rows_finalize;

  /**
   * CohortsTimelineRows::changed:
   *
   * The rows changed: after an edit of the plan, or a group was collapsed or
   * expanded.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
cohorts_timeline_rows_init (CohortsTimelineRows *self)
{
  self->groups = g_array_new (FALSE, TRUE, sizeof (CohortsTimelineGroup));
  self->counts = g_array_new (FALSE, TRUE, sizeof (CohortsTimelineCount));
  self->collapsed = g_hash_table_new (NULL, NULL);
  self->hidden = g_hash_table_new (NULL, NULL);
  self->shown = g_ptr_array_new ();
  self->offsets = g_array_new (FALSE, FALSE, sizeof (guint));
  self->positions = g_hash_table_new (NULL, NULL);
}

/**
 * cohorts_timeline_rows_new:
 *
 * Returns: (transfer full): the rows of @plan's timeline, kept up to date
 *   as the plan changes
 */
CohortsTimelineRows *
cohorts_timeline_rows_new (CohortsPlan *plan)
{
  CohortsTimelineRows *self;

  g_return_val_if_fail (COHORTS_IS_PLAN (plan), NULL);

  self = g_object_new (COHORTS_TYPE_TIMELINE_ROWS, NULL);
  self->plan = g_object_ref (plan);
  g_signal_connect_swapped (plan, "changed", G_CALLBACK (plan_changed_cb), self);
  cohorts_timeline_rows_rebuild (self);
  return self;
}

CohortsPlan *
cohorts_timeline_rows_get_plan (CohortsTimelineRows *self)
{
  g_return_val_if_fail (COHORTS_IS_TIMELINE_ROWS (self), NULL);
  return self->plan;
}

/**
 * cohorts_timeline_rows_get_baseline:
 *
 * Returns: (transfer none) (nullable): the baseline whose bars are shown
 *   beside the plan's
 */
CohortsBaseline *
cohorts_timeline_rows_get_baseline (CohortsTimelineRows *self)
{
  g_return_val_if_fail (COHORTS_IS_TIMELINE_ROWS (self), NULL);
  return self->baseline;
}

/**
 * cohorts_timeline_rows_set_baseline:
 * @baseline: (nullable): a baseline, or %NULL for none
 *
 * Shows @baseline's conversions beside the plan's: each school row gets a
 * thin bar of its steps as they would run up to its baseline date.
 */
void
cohorts_timeline_rows_set_baseline (CohortsTimelineRows *self,
                                    CohortsBaseline     *baseline)
{
  g_return_if_fail (COHORTS_IS_TIMELINE_ROWS (self));
  g_return_if_fail (baseline == NULL || COHORTS_IS_BASELINE (baseline));

  if (g_set_object (&self->baseline, baseline))
    g_signal_emit (self, signals[CHANGED], 0);
}

typedef struct
{
  CohortsDate date;
  gboolean vulnerable;
  gboolean strong;
} Conversion;

static int
compare_conversions (gconstpointer a,
                     gconstpointer b)
{
  const Conversion *ca = a, *cb = b;

  return (ca->date > cb->date) - (ca->date < cb->date);
}

/* Takes in one school: its group's span and counts, the plan's range. */
static void
add_school (CohortsTimelineRows  *self,
            CohortsSchool        *school,
            CohortsTimelineGroup *group,
            GArray               *conversions)
{
  CohortsMilestone milestones[COHORTS_N_STEPS];
  CohortsSchedule *schedule = cohorts_plan_get_schedule (self->plan);
  CohortsDate conversion, first = COHORTS_DATE_NONE, last = COHORTS_DATE_NONE;
  gboolean vulnerable = cohorts_school_is_vulnerable (school);
  gboolean church = cohorts_school_is_church_school (school);
  CohortsReadinessScore score;

  group->n_members++;
  if (church)
    group->n_church++;
  if (vulnerable)
    group->n_vulnerable++;
  cohorts_school_score_readiness (school, self->framework, &score);
  group->n_rag[score.rag]++;

  conversion = cohorts_schedule_plan (schedule, school, milestones);
  for (guint i = 0; i < COHORTS_N_STEPS; i++)
    {
      CohortsDate from = milestones[i].start != COHORTS_DATE_NONE ? milestones[i].start : milestones[i].date;

      if (from != COHORTS_DATE_NONE && (first == COHORTS_DATE_NONE || from < first))
        first = from;
      if (milestones[i].date > last)
        last = milestones[i].date;
    }
  if (first == COHORTS_DATE_NONE)
    return;

  if (group->start == COHORTS_DATE_NONE || first < group->start)
    group->start = first;
  if (last > group->end)
    group->end = last;
  if (self->start == COHORTS_DATE_NONE || first < self->start)
    self->start = first;
  if (last > self->end)
    self->end = last;

  if (conversion != COHORTS_DATE_NONE)
    g_array_append_val (conversions, ((Conversion) {
      conversion, vulnerable,
      /* Able to support others, as the capacity checks count them. */
      !vulnerable && cohorts_school_is_strong (school),
    }));
}

/* Takes in a school the rows do not show: only its conversion counts. */
static void
add_conversion (CohortsTimelineRows *self,
                CohortsSchool       *school,
                GArray              *conversions)
{
  CohortsMilestone milestones[COHORTS_N_STEPS];
  CohortsDate conversion = cohorts_schedule_plan (cohorts_plan_get_schedule (self->plan), school, milestones);
  gboolean vulnerable;

  if (conversion == COHORTS_DATE_NONE)
    return;
  vulnerable = cohorts_school_is_vulnerable (school);
  g_array_append_val (conversions, ((Conversion) {
    conversion, vulnerable, !vulnerable && cohorts_school_is_strong (school),
  }));
}

static void
add_group (CohortsTimelineRows *self,
           CohortsCohort       *cohort,
           GListModel          *members,
           gboolean             collapsed,
           GArray              *conversions)
{
  CohortsTimelineGroup group = { 0, };
  guint n = g_list_model_get_n_items (members);
  gboolean hidden = cohort != NULL ? g_hash_table_contains (self->hidden, cohort) : self->unassigned_hidden;
  CohortsDate start = self->start, end = self->end;
  guint offset = self->shown->len;

  group.cohort = cohort;
  group.first_row = self->n_rows;
  group.collapsed = collapsed;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CohortsSchool) school = g_list_model_get_item (members, i);

      if (self->diocese != NULL && !cohorts_school_in_diocese (school, self->diocese))
        {
          add_conversion (self, school, conversions);
          continue;
        }
      add_school (self, school, &group, conversions);
      if (self->diocese != NULL && !hidden)
        {
          g_ptr_array_add (self->shown, school);
          g_hash_table_insert (self->positions, school, GUINT_TO_POINTER (group.n_members));
        }
    }

  /* In the diocese view, a group without its schools has no rows. */
  if (self->diocese != NULL && group.n_members == 0)
    hidden = TRUE;

  /* A cohort with a date but no schools still shows when it is. */
  if (cohort != NULL && cohorts_cohort_get_date (cohort) != COHORTS_DATE_NONE)
    {
      CohortsDate date = cohorts_cohort_get_date (cohort);

      if (group.end < date)
        group.end = date;
      if (group.start == COHORTS_DATE_NONE)
        group.start = date;
      if (self->start == COHORTS_DATE_NONE || date < self->start)
        self->start = date;
      if (self->end < date)
        self->end = date;
    }

  /* A group left out still counts in the trust's academies over time, but
   * has no rows and no say in the range of dates. */
  if (hidden)
    {
      self->start = start;
      self->end = end;
      return;
    }

  self->n_rows += 1 + (collapsed ? 0 : group.n_members);
  g_array_append_val (self->groups, group);
  if (self->diocese != NULL)
    g_array_append_val (self->offsets, offset);
}

static void
forget_gone (GHashTable *set,
             GListModel *cohorts)
{
  GHashTableIter iter;
  gpointer key;
  guint n = g_list_model_get_n_items (cohorts);

  if (g_hash_table_size (set) == 0)
    return;

  g_hash_table_iter_init (&iter, set);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      gboolean found = FALSE;

      for (guint i = 0; i < n && !found; i++)
        {
          g_autoptr(CohortsCohort) cohort = g_list_model_get_item (cohorts, i);
          found = (gpointer) cohort == key;
        }
      if (!found)
        g_hash_table_iter_remove (&iter);
    }
}

/**
 * cohorts_timeline_rows_rebuild:
 *
 * Gathers the rows again. Called on every change of the plan (the schools'
 * answers and the readiness framework included); costs one pass over the
 * schools.
 */
void
cohorts_timeline_rows_rebuild (CohortsTimelineRows *self)
{
  GListModel *cohorts;
  GListModel *unassigned;
  g_autoptr(GArray) conversions = g_array_new (FALSE, FALSE, sizeof (Conversion));
  guint n, academies = 0, vulnerable = 0, strong = 0;

  g_return_if_fail (COHORTS_IS_TIMELINE_ROWS (self));

  g_array_set_size (self->groups, 0);
  g_array_set_size (self->counts, 0);
  g_ptr_array_set_size (self->shown, 0);
  g_array_set_size (self->offsets, 0);
  g_hash_table_remove_all (self->positions);
  self->n_rows = 0;
  self->start = self->end = COHORTS_DATE_NONE;
  self->framework = cohorts_readiness_get_framework (cohorts_plan_get_readiness (self->plan));

  cohorts = cohorts_plan_get_cohorts (self->plan);
  n = g_list_model_get_n_items (cohorts);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CohortsCohort) cohort = g_list_model_get_item (cohorts, i);

      add_group (self, cohort, cohorts_cohort_get_members (cohort),
                 g_hash_table_contains (self->collapsed, cohort), conversions);
    }

  unassigned = cohorts_plan_get_unassigned (self->plan);
  if (g_list_model_get_n_items (unassigned) > 0 || self->diocese != NULL)
    add_group (self, NULL, unassigned, self->unassigned_collapsed, conversions);

  /* Forget collapsed and hidden cohorts that are gone (their pointers may
   * be reused). */
  forget_gone (self->collapsed, cohorts);
  forget_gone (self->hidden, cohorts);

  self->framework = NULL;

  g_array_sort (conversions, compare_conversions);
  for (guint i = 0; i < conversions->len; i++)
    {
      const Conversion *c = &g_array_index (conversions, Conversion, i);

      academies++;
      vulnerable += c->vulnerable;
      strong += c->strong;
      if (self->counts->len > 0 &&
          g_array_index (self->counts, CohortsTimelineCount, self->counts->len - 1).date == c->date)
        g_array_set_size (self->counts, self->counts->len - 1);
      g_array_append_val (self->counts, ((CohortsTimelineCount) { c->date, academies, vulnerable, strong }));
    }

  g_signal_emit (self, signals[CHANGED], 0);
}

guint
cohorts_timeline_rows_get_n_rows (CohortsTimelineRows *self)
{
  g_return_val_if_fail (COHORTS_IS_TIMELINE_ROWS (self), 0);
  return self->n_rows;
}

guint
cohorts_timeline_rows_get_n_groups (CohortsTimelineRows *self)
{
  g_return_val_if_fail (COHORTS_IS_TIMELINE_ROWS (self), 0);
  return self->groups->len;
}

const CohortsTimelineGroup *
cohorts_timeline_rows_get_group (CohortsTimelineRows *self,
                                 guint                group)
{
  g_return_val_if_fail (COHORTS_IS_TIMELINE_ROWS (self), NULL);
  g_return_val_if_fail (group < self->groups->len, NULL);
  return &g_array_index (self->groups, CohortsTimelineGroup, group);
}

/**
 * cohorts_timeline_rows_group_of_row:
 *
 * Returns: the group @row belongs to (a binary search over the groups)
 */
guint
cohorts_timeline_rows_group_of_row (CohortsTimelineRows *self,
                                    guint                row)
{
  guint low = 0, high;

  g_return_val_if_fail (COHORTS_IS_TIMELINE_ROWS (self), 0);
  g_return_val_if_fail (row < self->n_rows, 0);

  /* The last group whose first row is at or before @row. */
  high = self->groups->len;
  while (high - low > 1)
    {
      guint middle = low + (high - low) / 2;

      if (g_array_index (self->groups, CohortsTimelineGroup, middle).first_row <= row)
        low = middle;
      else
        high = middle;
    }
  return low;
}

/**
 * cohorts_timeline_rows_get_school:
 *
 * Returns: (transfer none) (nullable): the school of @row, or %NULL for a
 *   group's own row
 */
CohortsSchool *
cohorts_timeline_rows_get_school (CohortsTimelineRows *self,
                                  guint                row)
{
  const CohortsTimelineGroup *group;
  GListModel *members;
  CohortsSchool *school;
  guint index;

  g_return_val_if_fail (COHORTS_IS_TIMELINE_ROWS (self), NULL);

  if (row >= self->n_rows)
    return NULL;

  index = cohorts_timeline_rows_group_of_row (self, row);
  group = cohorts_timeline_rows_get_group (self, index);
  if (row == group->first_row)
    return NULL;

  if (self->diocese != NULL)
    return g_ptr_array_index (self->shown, g_array_index (self->offsets, guint, index) + row - group->first_row - 1);

  members = group->cohort != NULL ? cohorts_cohort_get_members (group->cohort)
                                  : cohorts_plan_get_unassigned (self->plan);
  school = g_list_model_get_item (members, row - group->first_row - 1);
  /* The plan holds the school: give back the list's reference. */
  if (school != NULL)
    g_object_unref (school);
  return school;
}

/**
 * cohorts_timeline_rows_find_school:
 *
 * Returns: the row of @school, or %G_MAXUINT when it has none (it is not in
 *   the plan, or its group is collapsed)
 */
guint
cohorts_timeline_rows_find_school (CohortsTimelineRows *self,
                                   CohortsSchool       *school)
{
  const CohortsTimelineGroup *g;
  CohortsCohort *cohort;
  GListModel *members;
  guint group, position;

  g_return_val_if_fail (COHORTS_IS_TIMELINE_ROWS (self), G_MAXUINT);
  g_return_val_if_fail (COHORTS_IS_SCHOOL (school), G_MAXUINT);

  cohort = cohorts_school_get_cohort (school);
  group = cohorts_timeline_rows_find_cohort (self, cohort);
  if (group == G_MAXUINT)
    return G_MAXUINT;

  g = cohorts_timeline_rows_get_group (self, group);
  if (g->collapsed)
    return G_MAXUINT;

  if (self->diocese != NULL)
    {
      position = GPOINTER_TO_UINT (g_hash_table_lookup (self->positions, school));
      return position > 0 ? g->first_row + position : G_MAXUINT;
    }

  members = cohort != NULL ? cohorts_cohort_get_members (cohort)
                           : cohorts_plan_get_unassigned (self->plan);
  if (!g_list_store_find (G_LIST_STORE (members), school, &position) ||
      position >= g->n_members)
    return G_MAXUINT;
  return g->first_row + 1 + position;
}

/**
 * cohorts_timeline_rows_find_cohort:
 * @cohort: (nullable): a cohort, or %NULL for the group of schools in none
 *
 * Returns: the group of @cohort, or %G_MAXUINT
 */
guint
cohorts_timeline_rows_find_cohort (CohortsTimelineRows *self,
                                   CohortsCohort       *cohort)
{
  g_return_val_if_fail (COHORTS_IS_TIMELINE_ROWS (self), G_MAXUINT);

  for (guint i = 0; i < self->groups->len; i++)
    if (g_array_index (self->groups, CohortsTimelineGroup, i).cohort == cohort)
      return i;
  return G_MAXUINT;
}

void
cohorts_timeline_rows_set_collapsed (CohortsTimelineRows *self,
                                     guint                group,
                                     gboolean             collapsed)
{
  CohortsTimelineGroup *g;

  g_return_if_fail (COHORTS_IS_TIMELINE_ROWS (self));
  g_return_if_fail (group < self->groups->len);

  g = &g_array_index (self->groups, CohortsTimelineGroup, group);
  if (g->collapsed == !!collapsed)
    return;

  if (g->cohort == NULL)
    self->unassigned_collapsed = !!collapsed;
  else if (collapsed)
    g_hash_table_add (self->collapsed, g->cohort);
  else
    g_hash_table_remove (self->collapsed, g->cohort);

  /* Only the rows move: no need to look at every school again. */
  g->collapsed = !!collapsed;
  self->n_rows = 0;
  for (guint i = 0; i < self->groups->len; i++)
    {
      g = &g_array_index (self->groups, CohortsTimelineGroup, i);
      g->first_row = self->n_rows;
      self->n_rows += 1 + (g->collapsed ? 0 : g->n_members);
    }
  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * cohorts_timeline_rows_set_hidden:
 * @cohort: (nullable): a cohort of the plan, or %NULL for the schools in none
 *
 * Leaves a cohort out of the rows (printing only some cohorts), or puts it
 * back. Its schools still count among the trust's academies over time.
 */
void
cohorts_timeline_rows_set_hidden (CohortsTimelineRows *self,
                                  CohortsCohort       *cohort,
                                  gboolean             hidden)
{
  g_return_if_fail (COHORTS_IS_TIMELINE_ROWS (self));
  g_return_if_fail (cohort == NULL || COHORTS_IS_COHORT (cohort));

  if (cohort == NULL)
    self->unassigned_hidden = !!hidden;
  else if (hidden)
    g_hash_table_add (self->hidden, cohort);
  else
    g_hash_table_remove (self->hidden, cohort);
  cohorts_timeline_rows_rebuild (self);
}

/**
 * cohorts_timeline_rows_set_diocese:
 * @diocese: (nullable): a diocese's key (see cohorts_school_get_diocese_key()),
 *   or %NULL for every school
 *
 * Shows only the schools of one diocese, and the cohorts that hold any of
 * them; or every school again. The trust's academies over time still count
 * every school.
 */
void
cohorts_timeline_rows_set_diocese (CohortsTimelineRows *self,
                                   const char          *diocese)
{
  g_return_if_fail (COHORTS_IS_TIMELINE_ROWS (self));

  if (g_strcmp0 (self->diocese, diocese) == 0)
    return;
  g_free (self->diocese);
  self->diocese = g_strdup (diocese);
  cohorts_timeline_rows_rebuild (self);
}

/**
 * cohorts_timeline_rows_get_diocese:
 *
 * Returns: (nullable): the key of the diocese whose schools are shown, or
 *   %NULL for every school
 */
const char *
cohorts_timeline_rows_get_diocese (CohortsTimelineRows *self)
{
  g_return_val_if_fail (COHORTS_IS_TIMELINE_ROWS (self), NULL);
  return self->diocese;
}

/**
 * cohorts_timeline_rows_get_range:
 * @start: (out): the earliest date of any step of any school, or
 *   %COHORTS_DATE_NONE when the plan has no dates
 * @end: (out): the latest
 */
void
cohorts_timeline_rows_get_range (CohortsTimelineRows *self,
                                 CohortsDate         *start,
                                 CohortsDate         *end)
{
  g_return_if_fail (COHORTS_IS_TIMELINE_ROWS (self));
  *start = self->start;
  *end = self->end;
}

/**
 * cohorts_timeline_rows_get_counts:
 * @n_counts: (out): how many
 *
 * Returns: (array length=n_counts) (transfer none): the number of academies
 *   from each conversion date on, in date order
 */
const CohortsTimelineCount *
cohorts_timeline_rows_get_counts (CohortsTimelineRows *self,
                                  guint               *n_counts)
{
  g_return_val_if_fail (COHORTS_IS_TIMELINE_ROWS (self), NULL);
  *n_counts = self->counts->len;
  return (const CohortsTimelineCount *) (gpointer) self->counts->data;
}

/**
 * cohorts_timeline_rows_count_at:
 * @vulnerable: (out) (optional): how many of them need support
 *
 * Returns: how many of the plan's schools are academies on @date
 */
guint
cohorts_timeline_rows_count_at (CohortsTimelineRows *self,
                                CohortsDate          date,
                                guint               *vulnerable)
{
  const CohortsTimelineCount *counts;
  guint low = 0, high;

  g_return_val_if_fail (COHORTS_IS_TIMELINE_ROWS (self), 0);

  counts = (const CohortsTimelineCount *) (gpointer) self->counts->data;
  high = self->counts->len;
  /* The number of counts that start on or before @date. */
  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (counts[middle].date <= date)
        low = middle + 1;
      else
        high = middle;
    }

  if (vulnerable != NULL)
    *vulnerable = low > 0 ? counts[low - 1].vulnerable : 0;
  return low > 0 ? counts[low - 1].academies : 0;
}
