/* cohorts-trust.h: the trust the schools join
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "cohorts-enums.h"

G_BEGIN_DECLS

#define COHORTS_TYPE_TRUST (cohorts_trust_get_type ())

G_DECLARE_FINAL_TYPE (CohortsTrust, cohorts_trust, COHORTS, TRUST, GObject)

CohortsTrust     *cohorts_trust_new                        (void);
const char       *cohorts_trust_get_name                   (CohortsTrust *self);
CohortsTrustKind  cohorts_trust_get_kind                   (CohortsTrust *self);
const char       *cohorts_trust_get_ukprn                  (CohortsTrust *self);
const char       *cohorts_trust_get_reference              (CohortsTrust *self);
int               cohorts_trust_get_concurrent_conversions (CohortsTrust *self);
int               cohorts_trust_get_conversions_per_term   (CohortsTrust *self);
int               cohorts_trust_get_top_slice              (CohortsTrust *self);
gint64            cohorts_trust_get_annual_cost            (CohortsTrust *self);
gint64            cohorts_trust_get_funding_per_pupil      (CohortsTrust *self);
int               cohorts_trust_get_academies_min          (CohortsTrust *self);
int               cohorts_trust_get_academies_max          (CohortsTrust *self);
int               cohorts_trust_get_target_pupils          (CohortsTrust *self);
int               cohorts_trust_get_within_years           (CohortsTrust *self);
int               cohorts_trust_get_support_ratio          (CohortsTrust *self);
int               cohorts_trust_get_max_deficit_together   (CohortsTrust *self);
int               cohorts_trust_get_church_share_min       (CohortsTrust *self);
const char       *cohorts_trust_get_notes                  (CohortsTrust *self);

char             *cohorts_trust_describe_growth_target     (CohortsTrust *self);

gboolean          cohorts_ukprn_is_valid                   (const char   *ukprn);
gboolean          cohorts_trust_reference_is_valid         (const char   *reference);

G_END_DECLS
