/* cohorts-schedule-group.h: the plan's schedule of conversion steps
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cohorts-plan.h"

G_BEGIN_DECLS

#define COHORTS_TYPE_SCHEDULE_GROUP (cohorts_schedule_group_get_type ())

G_DECLARE_FINAL_TYPE (CohortsScheduleGroup, cohorts_schedule_group, COHORTS, SCHEDULE_GROUP, AdwPreferencesGroup)

GtkWidget     *cohorts_schedule_group_new               (void);
void           cohorts_schedule_group_set_plan          (CohortsScheduleGroup *self,
                                                         CohortsPlan          *plan);
GtkSpinButton *cohorts_schedule_group_get_weeks_before  (CohortsScheduleGroup *self,
                                                         CohortsStep           step);
GtkSpinButton *cohorts_schedule_group_get_weeks         (CohortsScheduleGroup *self,
                                                         CohortsStep           step);
GtkSpinButton *cohorts_schedule_group_get_church_lead   (CohortsScheduleGroup *self);
GtkButton     *cohorts_schedule_group_get_restore       (CohortsScheduleGroup *self);

G_END_DECLS
