/* cohorts-plan-private.h: building a plan without undo, for the loader
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cohorts-plan.h"

G_BEGIN_DECLS

struct _CohortsPlan
{
  GObject parent_instance;

  char *title;
  CohortsDate start_date;
  CohortsTrust *trust;
  CohortsSchedule *schedule;
  CohortsReadiness *readiness;

  GListStore *schools;      /* CohortsSchool, in plan order */
  GListStore *cohorts;      /* CohortsCohort, in order */
  GListStore *unassigned;   /* CohortsSchool in no cohort, in plan order */
  GHashTable *by_urn;       /* URN -> CohortsSchool (not owned) */
  GHashTable *cohorts_by_id; /* id -> CohortsCohort (not owned) */
  GHashTable *order;        /* CohortsSchool -> its place in plan order + 1;
                             * built when needed, NULL when out of date */

  GListStore *comments;     /* CohortsComment, in the order they were written */
  GHashTable *comments_by_id; /* id -> CohortsComment (not owned) */
  GListStore *baselines;    /* CohortsBaseline, in the order they were saved */
  GListStore *date_changes; /* CohortsDateChange, in the order they were recorded */
  GPtrArray *extensions;    /* serialised elements of other namespaces */

  CohortsHistory *history;
  int source_version;       /* format version of the file it came from */
};

void cohorts_plan_load_schools  (CohortsPlan   *self,
                                 GPtrArray     *schools);
void cohorts_plan_load_cohort   (CohortsPlan   *self,
                                 CohortsCohort *cohort,
                                 GPtrArray     *members);
void cohorts_plan_load_comment  (CohortsPlan    *self,
                                 CohortsComment *comment);
void cohorts_plan_load_baseline (CohortsPlan     *self,
                                 CohortsBaseline *baseline);
void cohorts_plan_load_date_change (CohortsPlan       *self,
                                    CohortsDateChange *change);
void cohorts_plan_load_finish   (CohortsPlan   *self,
                                 int            source_version);

G_END_DECLS
