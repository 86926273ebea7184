/* cohorts-diocese.h: a diocese's church schools in a plan
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cohorts-checks.h"
#include "cohorts-plan.h"

G_BEGIN_DECLS

/**
 * CohortsDiocese:
 * @key: what names it among the plan's dioceses: its code, or its name
 *   when the schools have no code
 * @name: its name ("Diocese of Lichfield"), or its code when no school
 *   names it
 * @n_schools: how many of the plan's schools are of it
 */
typedef struct
{
  char *key;
  char *name;
  guint n_schools;
} CohortsDiocese;

void        cohorts_diocese_free              (CohortsDiocese       *diocese);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CohortsDiocese, cohorts_diocese_free)

const char *cohorts_school_get_diocese_key    (CohortsSchool        *school);
gboolean    cohorts_school_in_diocese         (CohortsSchool        *school,
                                               const char           *key);
GPtrArray  *cohorts_plan_list_dioceses        (CohortsPlan          *plan);
CohortsDiocese *cohorts_plan_find_diocese     (CohortsPlan          *plan,
                                               const char           *key);
GPtrArray  *cohorts_diocese_get_schools       (CohortsPlan          *plan,
                                               const char           *key);
gboolean    cohorts_finding_concerns_diocese  (const CohortsFinding *finding,
                                               CohortsPlan          *plan,
                                               const char           *key);
GPtrArray  *cohorts_diocese_filter_findings   (GPtrArray            *findings,
                                               CohortsPlan          *plan,
                                               const char           *key);

G_END_DECLS
