/* cohorts-baseline.c: a plan's conversion dates as they stood at a moment
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A baseline is saved once and never edited: a name, the moment, the
 * cohorts (id, name, date) and every school (URN, name, cohort, conversion
 * date) of the plan then. Its entries are kept in order of URN, so that the
 * timeline finds a school's baseline date by binary search, whatever the
 * size of the plan.
 */

#define G_LOG_DOMAIN "cohorts-baseline"

#include "config.h"

#include <string.h>

#include "cohorts-baseline.h"

struct _CohortsBaseline
{
  GObject parent_instance;

  char *id;
  char *name;
  gint64 at;
  GArray *cohorts;   /* CohortsBaselineCohort, in the plan's order then */
  GArray *entries;   /* CohortsBaselineEntry, by URN once sorted */
  gboolean sorted;
};

G_DEFINE_FINAL_TYPE (CohortsBaseline, cohorts_baseline, G_TYPE_OBJECT)

static void
clear_cohort (gpointer data)
{
  CohortsBaselineCohort *cohort = data;

  g_free (cohort->id);
  g_free (cohort->name);
}

static void
clear_entry (gpointer data)
{
  CohortsBaselineEntry *entry = data;

  g_free (entry->name);
}

static void
cohorts_baseline_finalize (GObject *object)
{
  CohortsBaseline *self = COHORTS_BASELINE (object);

  g_free (self->id);
  g_free (self->name);
  g_array_unref (self->cohorts);
  g_array_unref (self->entries);

  G_OBJECT_CLASS (cohorts_baseline_parent_class)->finalize (object);
}

static void
cohorts_baseline_class_init (CohortsBaselineClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cohorts_baseline_finalize;
}

static void
cohorts_baseline_init (CohortsBaseline *self)
{
  self->cohorts = g_array_new (FALSE, FALSE, sizeof (CohortsBaselineCohort));
  g_array_set_clear_func (self->cohorts, clear_cohort);
  self->entries = g_array_new (FALSE, FALSE, sizeof (CohortsBaselineEntry));
  g_array_set_clear_func (self->entries, clear_entry);
  self->sorted = TRUE;
}

/**
 * cohorts_baseline_new:
 * @id: its id in the plan ("b1")
 * @name: what people call it
 * @at: when it was saved, in seconds since 1970 (UTC)
 *
 * Returns: (transfer full): an empty baseline, to fill with
 *   cohorts_baseline_add_cohort() and cohorts_baseline_add_entry()
 */
CohortsBaseline *
cohorts_baseline_new (const char *id,
                      const char *name,
                      gint64      at)
{
  CohortsBaseline *self;

  g_return_val_if_fail (id != NULL && name != NULL, NULL);

  self = g_object_new (COHORTS_TYPE_BASELINE, NULL);
  self->id = g_strdup (id);
  self->name = g_strdup (name);
  self->at = at;
  return self;
}

const char *
cohorts_baseline_get_id (CohortsBaseline *self)
{
  g_return_val_if_fail (COHORTS_IS_BASELINE (self), NULL);
  return self->id;
}

const char *
cohorts_baseline_get_name (CohortsBaseline *self)
{
  g_return_val_if_fail (COHORTS_IS_BASELINE (self), NULL);
  return self->name;
}

gint64
cohorts_baseline_get_at (CohortsBaseline *self)
{
  g_return_val_if_fail (COHORTS_IS_BASELINE (self), COHORTS_DATE_TIME_NONE);
  return self->at;
}

guint
cohorts_baseline_get_n_cohorts (CohortsBaseline *self)
{
  g_return_val_if_fail (COHORTS_IS_BASELINE (self), 0);
  return self->cohorts->len;
}

const CohortsBaselineCohort *
cohorts_baseline_get_cohort (CohortsBaseline *self,
                             guint            index)
{
  g_return_val_if_fail (COHORTS_IS_BASELINE (self), NULL);
  g_return_val_if_fail (index < self->cohorts->len, NULL);
  return &g_array_index (self->cohorts, CohortsBaselineCohort, index);
}

/**
 * cohorts_baseline_find_cohort:
 *
 * Returns: the index of the baseline's cohort with @id, or -1
 */
int
cohorts_baseline_find_cohort (CohortsBaseline *self,
                              const char      *id)
{
  g_return_val_if_fail (COHORTS_IS_BASELINE (self), -1);
  g_return_val_if_fail (id != NULL, -1);

  /* A plan has at most a thousand cohorts, and most a dozen. */
  for (guint i = 0; i < self->cohorts->len; i++)
    if (strcmp (g_array_index (self->cohorts, CohortsBaselineCohort, i).id, id) == 0)
      return (int) i;
  return -1;
}

guint
cohorts_baseline_get_n_entries (CohortsBaseline *self)
{
  g_return_val_if_fail (COHORTS_IS_BASELINE (self), 0);
  return self->entries->len;
}

/**
 * cohorts_baseline_get_entry:
 *
 * Returns: (transfer none): the entry at @index, in order of URN
 */
const CohortsBaselineEntry *
cohorts_baseline_get_entry (CohortsBaseline *self,
                            guint            index)
{
  g_return_val_if_fail (COHORTS_IS_BASELINE (self), NULL);
  g_return_val_if_fail (self->sorted, NULL);
  g_return_val_if_fail (index < self->entries->len, NULL);
  return &g_array_index (self->entries, CohortsBaselineEntry, index);
}

/**
 * cohorts_baseline_lookup:
 *
 * Finds a school by binary search.
 *
 * Returns: (transfer none) (nullable): the school with @urn as it stood in
 *   the baseline, or %NULL if it was not in the plan then
 */
const CohortsBaselineEntry *
cohorts_baseline_lookup (CohortsBaseline *self,
                         guint            urn)
{
  guint lo = 0, hi;

  g_return_val_if_fail (COHORTS_IS_BASELINE (self), NULL);
  g_return_val_if_fail (self->sorted, NULL);

  hi = self->entries->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      const CohortsBaselineEntry *entry = &g_array_index (self->entries, CohortsBaselineEntry, mid);

      if (entry->urn == urn)
        return entry;
      if (entry->urn < urn)
        lo = mid + 1;
      else
        hi = mid;
    }
  return NULL;
}

/**
 * cohorts_baseline_add_cohort:
 *
 * Returns: the index of the cohort added
 */
int
cohorts_baseline_add_cohort (CohortsBaseline *self,
                             const char      *id,
                             const char      *name,
                             CohortsDate      date)
{
  CohortsBaselineCohort cohort = { g_strdup (id), g_strdup (name != NULL ? name : ""), date };

  g_return_val_if_fail (COHORTS_IS_BASELINE (self), -1);
  g_return_val_if_fail (id != NULL, -1);

  g_array_append_val (self->cohorts, cohort);
  return (int) self->cohorts->len - 1;
}

/**
 * cohorts_baseline_add_entry:
 * @cohort: the index of a cohort added before, or -1
 *
 * Adds a school. Entries added out of order of URN need
 * cohorts_baseline_sort() before the baseline is used.
 *
 * Returns: %FALSE if the URN does not follow the last one's (the entries
 *   are then not sorted)
 */
gboolean
cohorts_baseline_add_entry (CohortsBaseline *self,
                            guint            urn,
                            const char      *name,
                            int              cohort,
                            CohortsDate      date)
{
  CohortsBaselineEntry entry = { urn, g_strdup (name != NULL ? name : ""), cohort, date };
  gboolean in_order;

  g_return_val_if_fail (COHORTS_IS_BASELINE (self), FALSE);
  g_return_val_if_fail (cohort >= -1 && cohort < (int) self->cohorts->len, FALSE);

  in_order = self->entries->len == 0 ||
             g_array_index (self->entries, CohortsBaselineEntry, self->entries->len - 1).urn < urn;
  self->sorted = self->sorted && in_order;
  g_array_append_val (self->entries, entry);
  return in_order;
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  guint urn_a = ((const CohortsBaselineEntry *) a)->urn;
  guint urn_b = ((const CohortsBaselineEntry *) b)->urn;

  return urn_a < urn_b ? -1 : urn_a > urn_b;
}

/* Puts the entries in order of URN (a plan's URNs are unique). */
void
cohorts_baseline_sort (CohortsBaseline *self)
{
  g_return_if_fail (COHORTS_IS_BASELINE (self));

  if (!self->sorted)
    g_array_sort (self->entries, compare_entries);
  self->sorted = TRUE;
}
