/* cohorts-timeline-rows.h: the rows of the timeline, indexed for any scroll position
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cohorts-plan.h"

G_BEGIN_DECLS

/**
 * CohortsTimelineGroup:
 * @cohort: (nullable): the cohort, or %NULL for the schools in none
 * @first_row: the index of the group's own row; its schools follow it
 * @n_members: how many schools it has
 * @n_church: how many of them are church schools
 * @n_vulnerable: how many of them need support
 * @n_rag: how many of them are of each #CohortsRag (readiness), under the
 *   plan's framework
 * @collapsed: whether its schools are hidden
 * @start: the earliest date of any of its schools' steps
 * @end: its latest conversion date
 */
typedef struct
{
  CohortsCohort *cohort;
  guint first_row;
  guint n_members;
  guint n_church;
  guint n_vulnerable;
  guint n_rag[COHORTS_N_RAGS];
  gboolean collapsed;
  CohortsDate start;
  CohortsDate end;
} CohortsTimelineGroup;

/**
 * CohortsTimelineCount:
 * @date: from this day on
 * @academies: how many schools have converted
 * @vulnerable: how many of them need support
 */
typedef struct
{
  CohortsDate date;
  guint academies;
  guint vulnerable;
  guint strong;
} CohortsTimelineCount;

#define COHORTS_TYPE_TIMELINE_ROWS (cohorts_timeline_rows_get_type ())

G_DECLARE_FINAL_TYPE (CohortsTimelineRows, cohorts_timeline_rows, COHORTS, TIMELINE_ROWS, GObject)

CohortsTimelineRows        *cohorts_timeline_rows_new            (CohortsPlan         *plan);
CohortsPlan                *cohorts_timeline_rows_get_plan       (CohortsTimelineRows *self);
CohortsBaseline            *cohorts_timeline_rows_get_baseline   (CohortsTimelineRows *self);
void                        cohorts_timeline_rows_set_baseline   (CohortsTimelineRows *self,
                                                                  CohortsBaseline     *baseline);
guint                       cohorts_timeline_rows_get_n_rows     (CohortsTimelineRows *self);
guint                       cohorts_timeline_rows_get_n_groups   (CohortsTimelineRows *self);
const CohortsTimelineGroup *cohorts_timeline_rows_get_group      (CohortsTimelineRows *self,
                                                                  guint                group);
guint                       cohorts_timeline_rows_group_of_row   (CohortsTimelineRows *self,
                                                                  guint                row);
CohortsSchool              *cohorts_timeline_rows_get_school     (CohortsTimelineRows *self,
                                                                  guint                row);
guint                       cohorts_timeline_rows_find_school    (CohortsTimelineRows *self,
                                                                  CohortsSchool       *school);
guint                       cohorts_timeline_rows_find_cohort    (CohortsTimelineRows *self,
                                                                  CohortsCohort       *cohort);
void                        cohorts_timeline_rows_set_collapsed  (CohortsTimelineRows *self,
                                                                  guint                group,
                                                                  gboolean             collapsed);
void                        cohorts_timeline_rows_set_hidden     (CohortsTimelineRows *self,
                                                                  CohortsCohort       *cohort,
                                                                  gboolean             hidden);
void                        cohorts_timeline_rows_set_diocese    (CohortsTimelineRows *self,
                                                                  const char          *diocese);
const char                 *cohorts_timeline_rows_get_diocese    (CohortsTimelineRows *self);
void                        cohorts_timeline_rows_get_range      (CohortsTimelineRows *self,
                                                                  CohortsDate         *start,
                                                                  CohortsDate         *end);
const CohortsTimelineCount *cohorts_timeline_rows_get_counts     (CohortsTimelineRows *self,
                                                                  guint               *n_counts);
guint                       cohorts_timeline_rows_count_at       (CohortsTimelineRows *self,
                                                                  CohortsDate          date,
                                                                  guint               *vulnerable);
void                        cohorts_timeline_rows_rebuild        (CohortsTimelineRows *self);

G_END_DECLS
