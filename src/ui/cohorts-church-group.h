/* cohorts-church-group.h: a church school's track: consents, agreements, governance, SIAMS
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cohorts-plan.h"

G_BEGIN_DECLS

#define COHORTS_TYPE_CHURCH_GROUP (cohorts_church_group_get_type ())

G_DECLARE_FINAL_TYPE (CohortsChurchGroup, cohorts_church_group, COHORTS, CHURCH_GROUP, AdwPreferencesGroup)

GtkWidget *cohorts_church_group_new        (void);
void       cohorts_church_group_set_school (CohortsChurchGroup *self,
                                            CohortsPlan        *plan,
                                            CohortsSchool      *school);
GtkWidget *cohorts_church_group_get_control (CohortsChurchGroup *self,
                                            const char         *property);
GtkWidget *cohorts_church_group_get_track_row (CohortsChurchGroup *self,
                                              const char         *property);

G_END_DECLS
