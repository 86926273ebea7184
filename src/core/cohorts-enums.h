/* cohorts-enums.h: the enumerations of a plan
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each enumeration is a registered GEnum whose value nicks are the stable
 * lowercase tokens of the .matplan format; value 0 means "not recorded" where
 * the file may leave the value out. Labels for people come from
 * cohorts_enum_get_label(), translated.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  COHORTS_TRUST_KIND_FORMING_MAT,
  COHORTS_TRUST_KIND_EXISTING_MAT,
  COHORTS_TRUST_KIND_SPONSOR,
} CohortsTrustKind;

typedef enum
{
  COHORTS_PHASE_UNKNOWN,
  COHORTS_PHASE_NURSERY,
  COHORTS_PHASE_FIRST,
  COHORTS_PHASE_PRIMARY,
  COHORTS_PHASE_MIDDLE_DEEMED_PRIMARY,
  COHORTS_PHASE_MIDDLE_DEEMED_SECONDARY,
  COHORTS_PHASE_SECONDARY,
  COHORTS_PHASE_HIGH,
  COHORTS_PHASE_ALL_THROUGH,
  COHORTS_PHASE_SPECIAL,
  COHORTS_PHASE_SIXTEEN_PLUS,
  COHORTS_PHASE_ALTERNATIVE_PROVISION,
} CohortsPhase;

typedef enum
{
  COHORTS_ESTABLISHMENT_UNKNOWN,
  COHORTS_ESTABLISHMENT_COMMUNITY,
  COHORTS_ESTABLISHMENT_FOUNDATION,
  COHORTS_ESTABLISHMENT_VOLUNTARY_CONTROLLED,
  COHORTS_ESTABLISHMENT_VOLUNTARY_AIDED,
  COHORTS_ESTABLISHMENT_COMMUNITY_SPECIAL,
  COHORTS_ESTABLISHMENT_FOUNDATION_SPECIAL,
  COHORTS_ESTABLISHMENT_MAINTAINED_NURSERY,
  COHORTS_ESTABLISHMENT_PUPIL_REFERRAL_UNIT,
  COHORTS_ESTABLISHMENT_ACADEMY_CONVERTER,
  COHORTS_ESTABLISHMENT_ACADEMY_SPONSOR_LED,
  COHORTS_ESTABLISHMENT_ACADEMY_SPECIAL,
  COHORTS_ESTABLISHMENT_ACADEMY_ALTERNATIVE_PROVISION,
  COHORTS_ESTABLISHMENT_FREE_SCHOOL,
  COHORTS_ESTABLISHMENT_UNIVERSITY_TECHNICAL_COLLEGE,
  COHORTS_ESTABLISHMENT_STUDIO_SCHOOL,
  COHORTS_ESTABLISHMENT_OTHER,
} CohortsEstablishmentType;

typedef enum
{
  COHORTS_RELIGIOUS_CHARACTER_UNKNOWN,
  COHORTS_RELIGIOUS_CHARACTER_NONE,
  COHORTS_RELIGIOUS_CHARACTER_CHURCH_OF_ENGLAND,
  COHORTS_RELIGIOUS_CHARACTER_ROMAN_CATHOLIC,
  COHORTS_RELIGIOUS_CHARACTER_CHURCH_OF_ENGLAND_METHODIST,
  COHORTS_RELIGIOUS_CHARACTER_ROMAN_CATHOLIC_CHURCH_OF_ENGLAND,
  COHORTS_RELIGIOUS_CHARACTER_METHODIST,
  COHORTS_RELIGIOUS_CHARACTER_CHRISTIAN,
  COHORTS_RELIGIOUS_CHARACTER_JEWISH,
  COHORTS_RELIGIOUS_CHARACTER_MUSLIM,
  COHORTS_RELIGIOUS_CHARACTER_SIKH,
  COHORTS_RELIGIOUS_CHARACTER_HINDU,
  COHORTS_RELIGIOUS_CHARACTER_MULTI_FAITH,
  COHORTS_RELIGIOUS_CHARACTER_OTHER,
} CohortsReligiousCharacter;

/* Ofsted's overall grade, given until 2 September 2024. */
typedef enum
{
  COHORTS_OFSTED_GRADE_NONE,
  COHORTS_OFSTED_GRADE_OUTSTANDING,
  COHORTS_OFSTED_GRADE_GOOD,
  COHORTS_OFSTED_GRADE_REQUIRES_IMPROVEMENT,
  COHORTS_OFSTED_GRADE_INADEQUATE,
  COHORTS_OFSTED_GRADE_SERIOUS_WEAKNESSES,
  COHORTS_OFSTED_GRADE_SPECIAL_MEASURES,
} CohortsOfstedGrade;

/* The evaluation areas of Ofsted's report card (from November 2025). */
typedef enum
{
  COHORTS_REPORT_AREA_INCLUSION,
  COHORTS_REPORT_AREA_CURRICULUM_AND_TEACHING,
  COHORTS_REPORT_AREA_ACHIEVEMENT,
  COHORTS_REPORT_AREA_ATTENDANCE_AND_BEHAVIOUR,
  COHORTS_REPORT_AREA_PERSONAL_DEVELOPMENT,
  COHORTS_REPORT_AREA_LEADERSHIP_AND_GOVERNANCE,
  COHORTS_REPORT_AREA_EARLY_YEARS,
  COHORTS_REPORT_AREA_SIXTH_FORM,
} CohortsReportArea;

#define COHORTS_N_REPORT_AREAS (COHORTS_REPORT_AREA_SIXTH_FORM + 1)

/* The five-point scale of each report-card area. */
typedef enum
{
  COHORTS_REPORT_GRADE_NONE,
  COHORTS_REPORT_GRADE_EXCEPTIONAL,
  COHORTS_REPORT_GRADE_STRONG_STANDARD,
  COHORTS_REPORT_GRADE_EXPECTED_STANDARD,
  COHORTS_REPORT_GRADE_NEEDS_ATTENTION,
  COHORTS_REPORT_GRADE_URGENT_IMPROVEMENT,
} CohortsReportGrade;

typedef enum
{
  COHORTS_SAFEGUARDING_UNKNOWN,
  COHORTS_SAFEGUARDING_MET,
  COHORTS_SAFEGUARDING_NOT_MET,
} CohortsSafeguarding;

typedef enum
{
  COHORTS_SIAMS_NONE,
  COHORTS_SIAMS_EXCELLENT,
  COHORTS_SIAMS_GOOD,
  COHORTS_SIAMS_REQUIRES_IMPROVEMENT,
  COHORTS_SIAMS_INEFFECTIVE,
  COHORTS_SIAMS_LIVING_UP_TO_FOUNDATION,
  COHORTS_SIAMS_NOT_YET_LIVING_UP_TO_FOUNDATION,
} CohortsSiamsOutcome;

typedef enum
{
  COHORTS_COHORT_STATUS_DRAFT,
  COHORTS_COHORT_STATUS_AGREED,
  COHORTS_COHORT_STATUS_CONVERTING,
  COHORTS_COHORT_STATUS_CONVERTED,
} CohortsCohortStatus;

typedef enum
{
  COHORTS_SEVERITY_INFO,
  COHORTS_SEVERITY_WARNING,
  COHORTS_SEVERITY_ERROR,
} CohortsSeverity;

/* What a review comment says (format version 6). */
typedef enum
{
  COHORTS_COMMENT_KIND_COMMENT,
  COHORTS_COMMENT_KIND_APPROVE,
  COHORTS_COMMENT_KIND_REQUEST_CHANGES,
  COHORTS_COMMENT_KIND_NOTE,
} CohortsCommentKind;

/* A consent of a church school's track (format version 7): of the diocesan
 * board of education, or of the site trustees who hold the land. */
typedef enum
{
  COHORTS_CONSENT_NONE,
  COHORTS_CONSENT_REQUESTED,
  COHORTS_CONSENT_GRANTED,
  COHORTS_CONSENT_REFUSED,
} CohortsConsent;

/* Where an agreement of a church school's track stands (format version 7):
 * the Church Supplemental Agreement, the memorandum of understanding. */
typedef enum
{
  COHORTS_AGREEMENT_NONE,
  COHORTS_AGREEMENT_DRAFTING,
  COHORTS_AGREEMENT_AGREED,
  COHORTS_AGREEMENT_SIGNED,
} CohortsAgreementStage;

/* Why a conversion date moved: the DfE's reasons for a change of
 * conversion date (format version 7). */
typedef enum
{
  COHORTS_DATE_CHANGE_INCOMING_TRUST,
  COHORTS_DATE_CHANGE_SCHOOL,
  COHORTS_DATE_CHANGE_LOCAL_AUTHORITY,
  COHORTS_DATE_CHANGE_DIOCESE,
  COHORTS_DATE_CHANGE_TUPE,
  COHORTS_DATE_CHANGE_PENSIONS,
  COHORTS_DATE_CHANGE_UNION,
  COHORTS_DATE_CHANGE_NEGATIVE_PRESS,
  COHORTS_DATE_CHANGE_GOVERNANCE,
  COHORTS_DATE_CHANGE_FINANCE,
  COHORTS_DATE_CHANGE_VIABILITY,
  COHORTS_DATE_CHANGE_LAND,
  COHORTS_DATE_CHANGE_BUILDINGS,
  COHORTS_DATE_CHANGE_LEGAL_DOCUMENTS,
  COHORTS_DATE_CHANGE_COMMERCIAL_TRANSFER,
  COHORTS_DATE_CHANGE_CORRECTING_ERROR,
  COHORTS_DATE_CHANGE_VOLUNTARY_DEFERRAL,
  COHORTS_DATE_CHANGE_ADVISORY_BOARD,
} CohortsDateChangeReason;

#define COHORTS_TYPE_TRUST_KIND (cohorts_trust_kind_get_type ())
GType cohorts_trust_kind_get_type (void) G_GNUC_CONST;
#define COHORTS_TYPE_PHASE (cohorts_phase_get_type ())
GType cohorts_phase_get_type (void) G_GNUC_CONST;
#define COHORTS_TYPE_ESTABLISHMENT_TYPE (cohorts_establishment_type_get_type ())
GType cohorts_establishment_type_get_type (void) G_GNUC_CONST;
#define COHORTS_TYPE_RELIGIOUS_CHARACTER (cohorts_religious_character_get_type ())
GType cohorts_religious_character_get_type (void) G_GNUC_CONST;
#define COHORTS_TYPE_OFSTED_GRADE (cohorts_ofsted_grade_get_type ())
GType cohorts_ofsted_grade_get_type (void) G_GNUC_CONST;
#define COHORTS_TYPE_REPORT_AREA (cohorts_report_area_get_type ())
GType cohorts_report_area_get_type (void) G_GNUC_CONST;
#define COHORTS_TYPE_REPORT_GRADE (cohorts_report_grade_get_type ())
GType cohorts_report_grade_get_type (void) G_GNUC_CONST;
#define COHORTS_TYPE_SAFEGUARDING (cohorts_safeguarding_get_type ())
GType cohorts_safeguarding_get_type (void) G_GNUC_CONST;
#define COHORTS_TYPE_SIAMS_OUTCOME (cohorts_siams_outcome_get_type ())
GType cohorts_siams_outcome_get_type (void) G_GNUC_CONST;
#define COHORTS_TYPE_COHORT_STATUS (cohorts_cohort_status_get_type ())
GType cohorts_cohort_status_get_type (void) G_GNUC_CONST;
#define COHORTS_TYPE_SEVERITY (cohorts_severity_get_type ())
GType cohorts_severity_get_type (void) G_GNUC_CONST;
#define COHORTS_TYPE_COMMENT_KIND (cohorts_comment_kind_get_type ())
GType cohorts_comment_kind_get_type (void) G_GNUC_CONST;
#define COHORTS_TYPE_CONSENT (cohorts_consent_get_type ())
GType cohorts_consent_get_type (void) G_GNUC_CONST;
#define COHORTS_TYPE_AGREEMENT_STAGE (cohorts_agreement_stage_get_type ())
GType cohorts_agreement_stage_get_type (void) G_GNUC_CONST;
#define COHORTS_TYPE_DATE_CHANGE_REASON (cohorts_date_change_reason_get_type ())
GType cohorts_date_change_reason_get_type (void) G_GNUC_CONST;

gboolean    cohorts_enum_from_token (GType       enum_type,
                                     const char *token,
                                     gboolean    allow_zero,
                                     int        *out_value);
const char *cohorts_enum_to_token   (GType       enum_type,
                                     int         value);
const char *cohorts_enum_get_label  (GType       enum_type,
                                     int         value);
char       *cohorts_enum_list_tokens (GType      enum_type,
                                     gboolean    include_zero);

gboolean    cohorts_enum_has_unset_value (GType enum_type);

gboolean    cohorts_religious_character_is_church (CohortsReligiousCharacter character);

G_END_DECLS
