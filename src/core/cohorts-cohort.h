/* cohorts-cohort.h: schools that convert together
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cohorts-date.h"
#include "cohorts-enums.h"
#include "cohorts-school.h"

G_BEGIN_DECLS

#define COHORTS_TYPE_COHORT (cohorts_cohort_get_type ())

G_DECLARE_FINAL_TYPE (CohortsCohort, cohorts_cohort, COHORTS, COHORT, GObject)

CohortsCohort       *cohorts_cohort_new         (const char    *id,
                                                 const char    *name);
const char          *cohorts_cohort_get_id      (CohortsCohort *self);
const char          *cohorts_cohort_get_name    (CohortsCohort *self);
CohortsDate          cohorts_cohort_get_date    (CohortsCohort *self);
CohortsCohortStatus  cohorts_cohort_get_status  (CohortsCohort *self);
gboolean             cohorts_cohort_get_locked  (CohortsCohort *self);
const char          *cohorts_cohort_get_notes   (CohortsCohort *self);
GListModel          *cohorts_cohort_get_members (CohortsCohort *self);
guint                cohorts_cohort_get_n_members (CohortsCohort *self);
char                *cohorts_cohort_dup_display_name (CohortsCohort *self);

gboolean             cohorts_cohort_id_is_valid (const char    *id);

G_END_DECLS
