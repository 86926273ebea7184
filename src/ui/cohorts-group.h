/* cohorts-group.h: an entry of the sidebar: all schools, a cohort, or the unassigned
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cohorts-plan.h"

G_BEGIN_DECLS

typedef enum
{
  COHORTS_GROUP_ALL,
  COHORTS_GROUP_COHORT,
  COHORTS_GROUP_UNASSIGNED,
} CohortsGroupKind;

#define COHORTS_TYPE_GROUP (cohorts_group_get_type ())

G_DECLARE_FINAL_TYPE (CohortsGroup, cohorts_group, COHORTS, GROUP, GObject)

CohortsGroup     *cohorts_group_new         (CohortsPlan      *plan,
                                             CohortsGroupKind  kind,
                                             CohortsCohort    *cohort);
CohortsGroupKind  cohorts_group_get_kind    (CohortsGroup     *self);
CohortsCohort    *cohorts_group_get_cohort  (CohortsGroup     *self);
CohortsPlan      *cohorts_group_get_plan    (CohortsGroup     *self);
GListModel       *cohorts_group_get_members (CohortsGroup     *self);
char             *cohorts_group_dup_title   (CohortsGroup     *self);
char             *cohorts_group_dup_summary (CohortsGroup     *self);

GListModel       *cohorts_groups_new        (CohortsPlan      *plan);

G_END_DECLS
