/* cohorts-dates-group.h: baselines, and the history of a conversion date
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cohorts-plan.h"

G_BEGIN_DECLS

#define COHORTS_TYPE_DATES_GROUP (cohorts_dates_group_get_type ())

G_DECLARE_FINAL_TYPE (CohortsDatesGroup, cohorts_dates_group, COHORTS, DATES_GROUP, AdwPreferencesGroup)

GtkWidget *cohorts_dates_group_new         (void);
void       cohorts_dates_group_set_subject (CohortsDatesGroup *self,
                                            CohortsPlan       *plan,
                                            const char        *subject);

G_END_DECLS
