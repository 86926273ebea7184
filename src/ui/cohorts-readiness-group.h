/* cohorts-readiness-group.h: a school's answers on the readiness criteria, and its score
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cohorts-plan.h"

G_BEGIN_DECLS

#define COHORTS_TYPE_READINESS_GROUP (cohorts_readiness_group_get_type ())

G_DECLARE_FINAL_TYPE (CohortsReadinessGroup, cohorts_readiness_group, COHORTS, READINESS_GROUP, AdwPreferencesGroup)

GtkWidget   *cohorts_readiness_group_new             (void);
void         cohorts_readiness_group_set_school      (CohortsReadinessGroup *self,
                                                      CohortsPlan           *plan,
                                                      CohortsSchool         *school);
GtkWidget   *cohorts_readiness_group_get_row         (CohortsReadinessGroup *self,
                                                      CohortsCriterion       criterion);
AdwComboRow *cohorts_readiness_group_get_answer_row  (CohortsReadinessGroup *self,
                                                      CohortsCriterion       criterion);
AdwEntryRow *cohorts_readiness_group_get_note_row    (CohortsReadinessGroup *self,
                                                      CohortsCriterion       criterion);
GtkWidget   *cohorts_readiness_group_get_date_button (CohortsReadinessGroup *self,
                                                      CohortsCriterion       criterion);

G_END_DECLS
