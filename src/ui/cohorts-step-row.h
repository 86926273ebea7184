/* cohorts-step-row.h: one step of a school's conversion, its date and state
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cohorts-plan.h"

G_BEGIN_DECLS

#define COHORTS_TYPE_STEP_ROW (cohorts_step_row_get_type ())

G_DECLARE_FINAL_TYPE (CohortsStepRow, cohorts_step_row, COHORTS, STEP_ROW, AdwExpanderRow)

GtkWidget   *cohorts_step_row_new             (CohortsStep             step);
CohortsStep  cohorts_step_row_get_step        (CohortsStepRow         *self);
void         cohorts_step_row_show            (CohortsStepRow         *self,
                                               CohortsPlan            *plan,
                                               CohortsSchool          *school,
                                               const CohortsMilestone *milestone);
AdwComboRow *cohorts_step_row_get_state_row   (CohortsStepRow         *self);
GtkWidget   *cohorts_step_row_get_date_button (CohortsStepRow         *self,
                                               gboolean                start);

G_END_DECLS
