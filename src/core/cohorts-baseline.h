/* cohorts-baseline.h: a plan's conversion dates as they stood at a moment
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "cohorts-date.h"

G_BEGIN_DECLS

/* Most baselines one plan keeps; the loader refuses more. */
#define COHORTS_PLAN_MAX_BASELINES 100

/**
 * CohortsBaselineCohort:
 * @id: the cohort's id then
 * @name: its name then
 * @date: its target conversion date then, or %COHORTS_DATE_NONE
 */
typedef struct
{
  char *id;
  char *name;
  CohortsDate date;
} CohortsBaselineCohort;

/**
 * CohortsBaselineEntry:
 * @urn: the school's URN
 * @name: its name then
 * @cohort: the index of its cohort among the baseline's, or -1 for none
 * @date: its conversion date as the schedule worked it out then, or
 *   %COHORTS_DATE_NONE
 */
typedef struct
{
  guint urn;
  char *name;
  int cohort;
  CohortsDate date;
} CohortsBaselineEntry;

#define COHORTS_TYPE_BASELINE (cohorts_baseline_get_type ())

G_DECLARE_FINAL_TYPE (CohortsBaseline, cohorts_baseline, COHORTS, BASELINE, GObject)

CohortsBaseline *cohorts_baseline_new            (const char      *id,
                                                  const char      *name,
                                                  gint64           at);
const char      *cohorts_baseline_get_id         (CohortsBaseline *self);
const char      *cohorts_baseline_get_name       (CohortsBaseline *self);
gint64           cohorts_baseline_get_at         (CohortsBaseline *self);

guint            cohorts_baseline_get_n_cohorts  (CohortsBaseline *self);
const CohortsBaselineCohort *
                 cohorts_baseline_get_cohort     (CohortsBaseline *self,
                                                  guint            index);
int              cohorts_baseline_find_cohort    (CohortsBaseline *self,
                                                  const char      *id);
guint            cohorts_baseline_get_n_entries  (CohortsBaseline *self);
const CohortsBaselineEntry *
                 cohorts_baseline_get_entry      (CohortsBaseline *self,
                                                  guint            index);
const CohortsBaselineEntry *
                 cohorts_baseline_lookup         (CohortsBaseline *self,
                                                  guint            urn);

/* Building one (the plan and the loader). */
int              cohorts_baseline_add_cohort     (CohortsBaseline *self,
                                                  const char      *id,
                                                  const char      *name,
                                                  CohortsDate      date);
gboolean         cohorts_baseline_add_entry      (CohortsBaseline *self,
                                                  guint            urn,
                                                  const char      *name,
                                                  int              cohort,
                                                  CohortsDate      date);
void             cohorts_baseline_sort           (CohortsBaseline *self);

G_END_DECLS
