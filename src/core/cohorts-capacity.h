/* cohorts-capacity.h: whether the trust can take its schools on, month by month
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cohorts-plan.h"

G_BEGIN_DECLS

/* Strong academies the plan asks for each academy that needs support, when
 * the trust's support-ratio is not set. */
#define COHORTS_CAPACITY_DEFAULT_SUPPORT_RATIO 2
/* Schools in deficit that may join in the same month, when the trust's
 * max-deficit-together is not set. */
#define COHORTS_CAPACITY_DEFAULT_MAX_DEFICIT_TOGETHER 1
/* The church share is checked once the trust has this many academies. */
#define COHORTS_CAPACITY_CHURCH_SHARE_FROM 3
/* The DfE's aim (2022 white paper): trusts heading for at least 10 schools
 * or 7,500 pupils. */
#define COHORTS_CAPACITY_GUIDANCE_ACADEMIES 10
#define COHORTS_CAPACITY_GUIDANCE_PUPILS 7500

gboolean cohorts_school_is_strong              (CohortsSchool *school);

int      cohorts_capacity_get_support_ratio    (CohortsTrust  *trust);
int      cohorts_capacity_get_max_deficit_together (CohortsTrust *trust);

void     cohorts_capacity_check                (CohortsPlan   *plan,
                                                GPtrArray     *findings);

/**
 * CohortsChurchShare:
 * @month: the 1st of a month in which schools join
 * @academies: how many of the plan's schools are academies from then on
 * @church: how many of them are church schools
 * @below: whether that is below the trust's church share minimum, as the
 *   capacity checks judge it (only once the trust has
 *   %COHORTS_CAPACITY_CHURCH_SHARE_FROM academies)
 */
typedef struct
{
  CohortsDate month;
  guint academies;
  guint church;
  gboolean below;
} CohortsChurchShare;

GArray  *cohorts_capacity_church_share         (CohortsPlan   *plan);

G_END_DECLS
