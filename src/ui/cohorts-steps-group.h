/* cohorts-steps-group.h: the steps of a school's conversion, with their dates
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cohorts-plan.h"

G_BEGIN_DECLS

#define COHORTS_TYPE_STEPS_GROUP (cohorts_steps_group_get_type ())

G_DECLARE_FINAL_TYPE (CohortsStepsGroup, cohorts_steps_group, COHORTS, STEPS_GROUP, AdwPreferencesGroup)

GtkWidget *cohorts_steps_group_new        (void);
void       cohorts_steps_group_set_school (CohortsStepsGroup *self,
                                           CohortsPlan       *plan,
                                           CohortsSchool     *school);
GtkWidget *cohorts_steps_group_get_row    (CohortsStepsGroup *self,
                                           CohortsStep        step);

G_END_DECLS
