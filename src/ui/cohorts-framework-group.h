/* cohorts-framework-group.h: the plan's readiness framework
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cohorts-plan.h"

G_BEGIN_DECLS

#define COHORTS_TYPE_FRAMEWORK_GROUP (cohorts_framework_group_get_type ())

G_DECLARE_FINAL_TYPE (CohortsFrameworkGroup, cohorts_framework_group, COHORTS, FRAMEWORK_GROUP, AdwPreferencesGroup)

GtkWidget     *cohorts_framework_group_new          (void);
void           cohorts_framework_group_set_plan     (CohortsFrameworkGroup *self,
                                                     CohortsPlan           *plan);
GtkSpinButton *cohorts_framework_group_get_weight   (CohortsFrameworkGroup *self,
                                                     CohortsCriterion       criterion);
GtkSwitch     *cohorts_framework_group_get_critical (CohortsFrameworkGroup *self,
                                                     CohortsCriterion       criterion);
GtkSpinButton *cohorts_framework_group_get_green    (CohortsFrameworkGroup *self);
GtkSpinButton *cohorts_framework_group_get_amber    (CohortsFrameworkGroup *self);
GtkWidget     *cohorts_framework_group_get_threshold_row (CohortsFrameworkGroup *self,
                                                          gboolean               green);
GtkButton     *cohorts_framework_group_get_restore  (CohortsFrameworkGroup *self);

G_END_DECLS
