/* cohorts-school.h: one school of the plan
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "cohorts-date.h"
#include "cohorts-enums.h"
#include "cohorts-readiness.h"
#include "cohorts-schedule.h"

G_BEGIN_DECLS

/* A count (pupils, capacity, age) that is not recorded. */
#define COHORTS_COUNT_UNKNOWN (-1)
/* An amount of money that is not recorded. */
#define COHORTS_MONEY_UNKNOWN G_MININT64

#define COHORTS_TYPE_SCHOOL (cohorts_school_get_type ())

G_DECLARE_FINAL_TYPE (CohortsSchool, cohorts_school, COHORTS, SCHOOL, GObject)


typedef struct _CohortsCohort CohortsCohort;

CohortsSchool            *cohorts_school_new                     (guint              urn,
                                                                  const char        *name);
guint                     cohorts_school_get_urn                 (CohortsSchool     *self);
guint                     cohorts_school_get_academy_urn         (CohortsSchool     *self);
const char               *cohorts_school_get_name                (CohortsSchool     *self);
CohortsPhase              cohorts_school_get_phase               (CohortsSchool     *self);
CohortsEstablishmentType  cohorts_school_get_establishment_type  (CohortsSchool     *self);
int                       cohorts_school_get_low_age             (CohortsSchool     *self);
int                       cohorts_school_get_high_age            (CohortsSchool     *self);
CohortsReligiousCharacter cohorts_school_get_religious_character (CohortsSchool     *self);
int                       cohorts_school_get_pupils              (CohortsSchool     *self);
int                       cohorts_school_get_capacity            (CohortsSchool     *self);
gboolean                  cohorts_school_get_small               (CohortsSchool     *self);
gboolean                  cohorts_school_get_rural               (CohortsSchool     *self);
gboolean                  cohorts_school_get_locked              (CohortsSchool     *self);
const char               *cohorts_school_get_town                (CohortsSchool     *self);
const char               *cohorts_school_get_postcode            (CohortsSchool     *self);
const char               *cohorts_school_get_la_code             (CohortsSchool     *self);
const char               *cohorts_school_get_la_name             (CohortsSchool     *self);
const char               *cohorts_school_get_diocese_code        (CohortsSchool     *self);
const char               *cohorts_school_get_diocese_name        (CohortsSchool     *self);
const char               *cohorts_school_get_current_trust_reference (CohortsSchool *self);
const char               *cohorts_school_get_current_trust_name  (CohortsSchool     *self);
CohortsOfstedGrade        cohorts_school_get_ofsted_grade        (CohortsSchool     *self);
CohortsDate               cohorts_school_get_ofsted_date         (CohortsSchool     *self);
CohortsDate               cohorts_school_get_report_card_date    (CohortsSchool     *self);
CohortsSafeguarding       cohorts_school_get_safeguarding        (CohortsSchool     *self);
CohortsReportGrade        cohorts_school_get_report_grade        (CohortsSchool     *self,
                                                                  CohortsReportArea  area);
CohortsSiamsOutcome       cohorts_school_get_siams_outcome       (CohortsSchool     *self);
CohortsDate               cohorts_school_get_siams_date          (CohortsSchool     *self);
gint64                    cohorts_school_get_budget_balance      (CohortsSchool     *self);
CohortsDate               cohorts_school_get_budget_date         (CohortsSchool     *self);
gboolean                  cohorts_school_get_recovery_plan       (CohortsSchool     *self);
gboolean                  cohorts_school_get_pfi                 (CohortsSchool     *self);
const char               *cohorts_school_get_notes               (CohortsSchool     *self);

/* The church track (format version 7). */
CohortsConsent            cohorts_school_get_diocesan_consent    (CohortsSchool     *self);
CohortsDate               cohorts_school_get_diocesan_consent_requested (CohortsSchool *self);
CohortsDate               cohorts_school_get_diocesan_consent_decided (CohortsSchool *self);
CohortsConsent            cohorts_school_get_site_trustees_consent (CohortsSchool   *self);
CohortsDate               cohorts_school_get_site_trustees_consent_requested (CohortsSchool *self);
CohortsDate               cohorts_school_get_site_trustees_consent_decided (CohortsSchool *self);
CohortsAgreementStage     cohorts_school_get_supplemental_agreement (CohortsSchool  *self);
CohortsDate               cohorts_school_get_supplemental_agreement_date (CohortsSchool *self);
CohortsAgreementStage     cohorts_school_get_memorandum          (CohortsSchool     *self);
CohortsDate               cohorts_school_get_memorandum_date     (CohortsSchool     *self);
int                       cohorts_school_get_foundation_governors (CohortsSchool    *self);
int                       cohorts_school_get_governors           (CohortsSchool     *self);
gboolean                  cohorts_school_has_church_track        (CohortsSchool     *self);
CohortsCohort            *cohorts_school_get_cohort              (CohortsSchool     *self);
void                      cohorts_school_get_milestone           (CohortsSchool     *self,
                                                                  CohortsStep        step,
                                                                  CohortsMilestone  *milestone);

const CohortsAnswer      *cohorts_school_get_answer              (CohortsSchool     *self,
                                                                  CohortsCriterion   criterion);
const CohortsAnswer      *cohorts_school_get_answers             (CohortsSchool     *self);
gboolean                  cohorts_school_has_answers             (CohortsSchool     *self);
CohortsAnswerState        cohorts_school_get_answer_state        (CohortsSchool     *self,
                                                                  CohortsCriterion   criterion);
void                      cohorts_school_score_readiness         (CohortsSchool     *self,
                                                                  const CohortsFramework *framework,
                                                                  CohortsReadinessScore *score);

gboolean                  cohorts_school_is_church_school        (CohortsSchool     *self);
gboolean                  cohorts_school_has_report_card         (CohortsSchool     *self);
gboolean                  cohorts_school_is_vulnerable           (CohortsSchool     *self);
char                     *cohorts_school_describe_inspection     (CohortsSchool     *self);
char                     *cohorts_school_describe_ages           (CohortsSchool     *self);

const char               *cohorts_school_report_area_property    (CohortsReportArea  area);

G_END_DECLS
