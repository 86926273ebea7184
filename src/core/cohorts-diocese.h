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

#define COHORTS_N_CONSENTS (COHORTS_CONSENT_REFUSED + 1)
#define COHORTS_N_AGREEMENT_STAGES (COHORTS_AGREEMENT_SIGNED + 1)

/**
 * CohortsConsentCounts:
 * @n_church: how many church schools were counted
 * @diocesan: how many of them are at each #CohortsConsent of the diocesan
 *   board's consent
 * @site_trustees: of the site trustees' consent
 * @supplemental: at each #CohortsAgreementStage of the Church Supplemental
 *   Agreement
 * @memorandum: of the memorandum of understanding
 */
typedef struct
{
  guint n_church;
  guint diocesan[COHORTS_N_CONSENTS];
  guint site_trustees[COHORTS_N_CONSENTS];
  guint supplemental[COHORTS_N_AGREEMENT_STAGES];
  guint memorandum[COHORTS_N_AGREEMENT_STAGES];
} CohortsConsentCounts;

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

void        cohorts_diocese_count_consents    (GPtrArray            *schools,
                                               CohortsConsentCounts *counts);
char       *cohorts_school_describe_church_track (CohortsSchool     *school);

G_END_DECLS
