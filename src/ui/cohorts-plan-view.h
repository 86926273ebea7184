/* cohorts-plan-view.h: the trust and its schools, grouped by cohort
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cohorts-plan.h"

G_BEGIN_DECLS

#define COHORTS_TYPE_PLAN_VIEW (cohorts_plan_view_get_type ())

G_DECLARE_FINAL_TYPE (CohortsPlanView, cohorts_plan_view, COHORTS, PLAN_VIEW, AdwBin)

GtkWidget   *cohorts_plan_view_new            (void);
void         cohorts_plan_view_set_plan       (CohortsPlanView *self,
                                               CohortsPlan     *plan);
CohortsPlan *cohorts_plan_view_get_plan       (CohortsPlanView *self);
GListModel  *cohorts_plan_view_get_rows       (CohortsPlanView *self);
GtkWidget   *cohorts_plan_view_get_column_view (CohortsPlanView *self);

G_END_DECLS
