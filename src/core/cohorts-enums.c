/* cohorts-enums.c: the enumerations of a plan
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cohorts-enums"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cohorts-enums.h"
#include "cohorts-schedule.h"

/* The nicks are the file format's tokens: never change one. */

G_DEFINE_ENUM_TYPE (CohortsTrustKind, cohorts_trust_kind,
  G_DEFINE_ENUM_VALUE (COHORTS_TRUST_KIND_FORMING_MAT, "forming-mat"),
  G_DEFINE_ENUM_VALUE (COHORTS_TRUST_KIND_EXISTING_MAT, "existing-mat"),
  G_DEFINE_ENUM_VALUE (COHORTS_TRUST_KIND_SPONSOR, "sponsor"))

G_DEFINE_ENUM_TYPE (CohortsPhase, cohorts_phase,
  G_DEFINE_ENUM_VALUE (COHORTS_PHASE_UNKNOWN, "unknown"),
  G_DEFINE_ENUM_VALUE (COHORTS_PHASE_NURSERY, "nursery"),
  G_DEFINE_ENUM_VALUE (COHORTS_PHASE_FIRST, "first"),
  G_DEFINE_ENUM_VALUE (COHORTS_PHASE_PRIMARY, "primary"),
  G_DEFINE_ENUM_VALUE (COHORTS_PHASE_MIDDLE_DEEMED_PRIMARY, "middle-deemed-primary"),
  G_DEFINE_ENUM_VALUE (COHORTS_PHASE_MIDDLE_DEEMED_SECONDARY, "middle-deemed-secondary"),
  G_DEFINE_ENUM_VALUE (COHORTS_PHASE_SECONDARY, "secondary"),
  G_DEFINE_ENUM_VALUE (COHORTS_PHASE_HIGH, "high"),
  G_DEFINE_ENUM_VALUE (COHORTS_PHASE_ALL_THROUGH, "all-through"),
  G_DEFINE_ENUM_VALUE (COHORTS_PHASE_SPECIAL, "special"),
  G_DEFINE_ENUM_VALUE (COHORTS_PHASE_SIXTEEN_PLUS, "16-plus"),
  G_DEFINE_ENUM_VALUE (COHORTS_PHASE_ALTERNATIVE_PROVISION, "alternative-provision"))

G_DEFINE_ENUM_TYPE (CohortsEstablishmentType, cohorts_establishment_type,
  G_DEFINE_ENUM_VALUE (COHORTS_ESTABLISHMENT_UNKNOWN, "unknown"),
  G_DEFINE_ENUM_VALUE (COHORTS_ESTABLISHMENT_COMMUNITY, "community"),
  G_DEFINE_ENUM_VALUE (COHORTS_ESTABLISHMENT_FOUNDATION, "foundation"),
  G_DEFINE_ENUM_VALUE (COHORTS_ESTABLISHMENT_VOLUNTARY_CONTROLLED, "voluntary-controlled"),
  G_DEFINE_ENUM_VALUE (COHORTS_ESTABLISHMENT_VOLUNTARY_AIDED, "voluntary-aided"),
  G_DEFINE_ENUM_VALUE (COHORTS_ESTABLISHMENT_COMMUNITY_SPECIAL, "community-special"),
  G_DEFINE_ENUM_VALUE (COHORTS_ESTABLISHMENT_FOUNDATION_SPECIAL, "foundation-special"),
  G_DEFINE_ENUM_VALUE (COHORTS_ESTABLISHMENT_MAINTAINED_NURSERY, "maintained-nursery"),
  G_DEFINE_ENUM_VALUE (COHORTS_ESTABLISHMENT_PUPIL_REFERRAL_UNIT, "pupil-referral-unit"),
  G_DEFINE_ENUM_VALUE (COHORTS_ESTABLISHMENT_ACADEMY_CONVERTER, "academy-converter"),
  G_DEFINE_ENUM_VALUE (COHORTS_ESTABLISHMENT_ACADEMY_SPONSOR_LED, "academy-sponsor-led"),
  G_DEFINE_ENUM_VALUE (COHORTS_ESTABLISHMENT_ACADEMY_SPECIAL, "academy-special"),
  G_DEFINE_ENUM_VALUE (COHORTS_ESTABLISHMENT_ACADEMY_ALTERNATIVE_PROVISION, "academy-alternative-provision"),
  G_DEFINE_ENUM_VALUE (COHORTS_ESTABLISHMENT_FREE_SCHOOL, "free-school"),
  G_DEFINE_ENUM_VALUE (COHORTS_ESTABLISHMENT_UNIVERSITY_TECHNICAL_COLLEGE, "university-technical-college"),
  G_DEFINE_ENUM_VALUE (COHORTS_ESTABLISHMENT_STUDIO_SCHOOL, "studio-school"),
  G_DEFINE_ENUM_VALUE (COHORTS_ESTABLISHMENT_OTHER, "other"))

G_DEFINE_ENUM_TYPE (CohortsReligiousCharacter, cohorts_religious_character,
  G_DEFINE_ENUM_VALUE (COHORTS_RELIGIOUS_CHARACTER_UNKNOWN, "unknown"),
  G_DEFINE_ENUM_VALUE (COHORTS_RELIGIOUS_CHARACTER_NONE, "none"),
  G_DEFINE_ENUM_VALUE (COHORTS_RELIGIOUS_CHARACTER_CHURCH_OF_ENGLAND, "church-of-england"),
  G_DEFINE_ENUM_VALUE (COHORTS_RELIGIOUS_CHARACTER_ROMAN_CATHOLIC, "roman-catholic"),
  G_DEFINE_ENUM_VALUE (COHORTS_RELIGIOUS_CHARACTER_CHURCH_OF_ENGLAND_METHODIST, "church-of-england-methodist"),
  G_DEFINE_ENUM_VALUE (COHORTS_RELIGIOUS_CHARACTER_ROMAN_CATHOLIC_CHURCH_OF_ENGLAND, "roman-catholic-church-of-england"),
  G_DEFINE_ENUM_VALUE (COHORTS_RELIGIOUS_CHARACTER_METHODIST, "methodist"),
  G_DEFINE_ENUM_VALUE (COHORTS_RELIGIOUS_CHARACTER_CHRISTIAN, "christian"),
  G_DEFINE_ENUM_VALUE (COHORTS_RELIGIOUS_CHARACTER_JEWISH, "jewish"),
  G_DEFINE_ENUM_VALUE (COHORTS_RELIGIOUS_CHARACTER_MUSLIM, "muslim"),
  G_DEFINE_ENUM_VALUE (COHORTS_RELIGIOUS_CHARACTER_SIKH, "sikh"),
  G_DEFINE_ENUM_VALUE (COHORTS_RELIGIOUS_CHARACTER_HINDU, "hindu"),
  G_DEFINE_ENUM_VALUE (COHORTS_RELIGIOUS_CHARACTER_MULTI_FAITH, "multi-faith"),
  G_DEFINE_ENUM_VALUE (COHORTS_RELIGIOUS_CHARACTER_OTHER, "other"))

G_DEFINE_ENUM_TYPE (CohortsOfstedGrade, cohorts_ofsted_grade,
  G_DEFINE_ENUM_VALUE (COHORTS_OFSTED_GRADE_NONE, "none"),
  G_DEFINE_ENUM_VALUE (COHORTS_OFSTED_GRADE_OUTSTANDING, "outstanding"),
  G_DEFINE_ENUM_VALUE (COHORTS_OFSTED_GRADE_GOOD, "good"),
  G_DEFINE_ENUM_VALUE (COHORTS_OFSTED_GRADE_REQUIRES_IMPROVEMENT, "requires-improvement"),
  G_DEFINE_ENUM_VALUE (COHORTS_OFSTED_GRADE_INADEQUATE, "inadequate"),
  G_DEFINE_ENUM_VALUE (COHORTS_OFSTED_GRADE_SERIOUS_WEAKNESSES, "serious-weaknesses"),
  G_DEFINE_ENUM_VALUE (COHORTS_OFSTED_GRADE_SPECIAL_MEASURES, "special-measures"))

G_DEFINE_ENUM_TYPE (CohortsReportArea, cohorts_report_area,
  G_DEFINE_ENUM_VALUE (COHORTS_REPORT_AREA_INCLUSION, "inclusion"),
  G_DEFINE_ENUM_VALUE (COHORTS_REPORT_AREA_CURRICULUM_AND_TEACHING, "curriculum-and-teaching"),
  G_DEFINE_ENUM_VALUE (COHORTS_REPORT_AREA_ACHIEVEMENT, "achievement"),
  G_DEFINE_ENUM_VALUE (COHORTS_REPORT_AREA_ATTENDANCE_AND_BEHAVIOUR, "attendance-and-behaviour"),
  G_DEFINE_ENUM_VALUE (COHORTS_REPORT_AREA_PERSONAL_DEVELOPMENT, "personal-development-and-well-being"),
  G_DEFINE_ENUM_VALUE (COHORTS_REPORT_AREA_LEADERSHIP_AND_GOVERNANCE, "leadership-and-governance"),
  G_DEFINE_ENUM_VALUE (COHORTS_REPORT_AREA_EARLY_YEARS, "early-years"),
  G_DEFINE_ENUM_VALUE (COHORTS_REPORT_AREA_SIXTH_FORM, "sixth-form"))

G_DEFINE_ENUM_TYPE (CohortsReportGrade, cohorts_report_grade,
  G_DEFINE_ENUM_VALUE (COHORTS_REPORT_GRADE_NONE, "none"),
  G_DEFINE_ENUM_VALUE (COHORTS_REPORT_GRADE_EXCEPTIONAL, "exceptional"),
  G_DEFINE_ENUM_VALUE (COHORTS_REPORT_GRADE_STRONG_STANDARD, "strong-standard"),
  G_DEFINE_ENUM_VALUE (COHORTS_REPORT_GRADE_EXPECTED_STANDARD, "expected-standard"),
  G_DEFINE_ENUM_VALUE (COHORTS_REPORT_GRADE_NEEDS_ATTENTION, "needs-attention"),
  G_DEFINE_ENUM_VALUE (COHORTS_REPORT_GRADE_URGENT_IMPROVEMENT, "urgent-improvement"))

G_DEFINE_ENUM_TYPE (CohortsSafeguarding, cohorts_safeguarding,
  G_DEFINE_ENUM_VALUE (COHORTS_SAFEGUARDING_UNKNOWN, "unknown"),
  G_DEFINE_ENUM_VALUE (COHORTS_SAFEGUARDING_MET, "met"),
  G_DEFINE_ENUM_VALUE (COHORTS_SAFEGUARDING_NOT_MET, "not-met"))

G_DEFINE_ENUM_TYPE (CohortsSiamsOutcome, cohorts_siams_outcome,
  G_DEFINE_ENUM_VALUE (COHORTS_SIAMS_NONE, "none"),
  G_DEFINE_ENUM_VALUE (COHORTS_SIAMS_EXCELLENT, "excellent"),
  G_DEFINE_ENUM_VALUE (COHORTS_SIAMS_GOOD, "good"),
  G_DEFINE_ENUM_VALUE (COHORTS_SIAMS_REQUIRES_IMPROVEMENT, "requires-improvement"),
  G_DEFINE_ENUM_VALUE (COHORTS_SIAMS_INEFFECTIVE, "ineffective"),
  G_DEFINE_ENUM_VALUE (COHORTS_SIAMS_LIVING_UP_TO_FOUNDATION, "living-up-to-foundation"),
  G_DEFINE_ENUM_VALUE (COHORTS_SIAMS_NOT_YET_LIVING_UP_TO_FOUNDATION, "not-yet-living-up-to-foundation"))

G_DEFINE_ENUM_TYPE (CohortsCohortStatus, cohorts_cohort_status,
  G_DEFINE_ENUM_VALUE (COHORTS_COHORT_STATUS_DRAFT, "draft"),
  G_DEFINE_ENUM_VALUE (COHORTS_COHORT_STATUS_AGREED, "agreed"),
  G_DEFINE_ENUM_VALUE (COHORTS_COHORT_STATUS_CONVERTING, "converting"),
  G_DEFINE_ENUM_VALUE (COHORTS_COHORT_STATUS_CONVERTED, "converted"))

G_DEFINE_ENUM_TYPE (CohortsSeverity, cohorts_severity,
  G_DEFINE_ENUM_VALUE (COHORTS_SEVERITY_INFO, "info"),
  G_DEFINE_ENUM_VALUE (COHORTS_SEVERITY_WARNING, "warning"),
  G_DEFINE_ENUM_VALUE (COHORTS_SEVERITY_ERROR, "error"))

G_DEFINE_ENUM_TYPE (CohortsCommentKind, cohorts_comment_kind,
  G_DEFINE_ENUM_VALUE (COHORTS_COMMENT_KIND_COMMENT, "comment"),
  G_DEFINE_ENUM_VALUE (COHORTS_COMMENT_KIND_APPROVE, "approve"),
  G_DEFINE_ENUM_VALUE (COHORTS_COMMENT_KIND_REQUEST_CHANGES, "request-changes"),
  G_DEFINE_ENUM_VALUE (COHORTS_COMMENT_KIND_NOTE, "note"))

G_DEFINE_ENUM_TYPE (CohortsConsent, cohorts_consent,
  G_DEFINE_ENUM_VALUE (COHORTS_CONSENT_NONE, "none"),
  G_DEFINE_ENUM_VALUE (COHORTS_CONSENT_REQUESTED, "requested"),
  G_DEFINE_ENUM_VALUE (COHORTS_CONSENT_GRANTED, "granted"),
  G_DEFINE_ENUM_VALUE (COHORTS_CONSENT_REFUSED, "refused"))

G_DEFINE_ENUM_TYPE (CohortsAgreementStage, cohorts_agreement_stage,
  G_DEFINE_ENUM_VALUE (COHORTS_AGREEMENT_NONE, "none"),
  G_DEFINE_ENUM_VALUE (COHORTS_AGREEMENT_DRAFTING, "drafting"),
  G_DEFINE_ENUM_VALUE (COHORTS_AGREEMENT_AGREED, "agreed"),
  G_DEFINE_ENUM_VALUE (COHORTS_AGREEMENT_SIGNED, "signed"))

G_DEFINE_ENUM_TYPE (CohortsDateChangeReason, cohorts_date_change_reason,
  G_DEFINE_ENUM_VALUE (COHORTS_DATE_CHANGE_INCOMING_TRUST, "incoming-trust"),
  G_DEFINE_ENUM_VALUE (COHORTS_DATE_CHANGE_SCHOOL, "school"),
  G_DEFINE_ENUM_VALUE (COHORTS_DATE_CHANGE_LOCAL_AUTHORITY, "local-authority"),
  G_DEFINE_ENUM_VALUE (COHORTS_DATE_CHANGE_DIOCESE, "diocese"),
  G_DEFINE_ENUM_VALUE (COHORTS_DATE_CHANGE_TUPE, "tupe"),
  G_DEFINE_ENUM_VALUE (COHORTS_DATE_CHANGE_PENSIONS, "pensions"),
  G_DEFINE_ENUM_VALUE (COHORTS_DATE_CHANGE_UNION, "union"),
  G_DEFINE_ENUM_VALUE (COHORTS_DATE_CHANGE_NEGATIVE_PRESS, "negative-press"),
  G_DEFINE_ENUM_VALUE (COHORTS_DATE_CHANGE_GOVERNANCE, "governance"),
  G_DEFINE_ENUM_VALUE (COHORTS_DATE_CHANGE_FINANCE, "finance"),
  G_DEFINE_ENUM_VALUE (COHORTS_DATE_CHANGE_VIABILITY, "viability"),
  G_DEFINE_ENUM_VALUE (COHORTS_DATE_CHANGE_LAND, "land"),
  G_DEFINE_ENUM_VALUE (COHORTS_DATE_CHANGE_BUILDINGS, "buildings"),
  G_DEFINE_ENUM_VALUE (COHORTS_DATE_CHANGE_LEGAL_DOCUMENTS, "legal-documents"),
  G_DEFINE_ENUM_VALUE (COHORTS_DATE_CHANGE_COMMERCIAL_TRANSFER, "commercial-transfer-agreement"),
  G_DEFINE_ENUM_VALUE (COHORTS_DATE_CHANGE_CORRECTING_ERROR, "correcting-error"),
  G_DEFINE_ENUM_VALUE (COHORTS_DATE_CHANGE_VOLUNTARY_DEFERRAL, "voluntary-deferral"),
  G_DEFINE_ENUM_VALUE (COHORTS_DATE_CHANGE_ADVISORY_BOARD, "advisory-board-conditions"))

/* Labels for people, in the order of the enumeration values. */

static const char *const trust_kind_labels[] = {
  N_("Forming a new multi-academy trust"),
  N_("Existing multi-academy trust"),
  N_("Sponsor trust"),
};

static const char *const phase_labels[] = {
  N_("Phase not recorded"),
  N_("Nursery"),
  N_("First"),
  N_("Primary"),
  N_("Middle deemed primary"),
  N_("Middle deemed secondary"),
  N_("Secondary"),
  N_("High"),
  N_("All-through"),
  N_("Special"),
  N_("16 plus"),
  N_("Alternative provision"),
};

static const char *const establishment_labels[] = {
  N_("Type not recorded"),
  N_("Community"),
  N_("Foundation"),
  N_("Voluntary controlled"),
  N_("Voluntary aided"),
  N_("Community special"),
  N_("Foundation special"),
  N_("Maintained nursery"),
  N_("Pupil referral unit"),
  N_("Academy converter"),
  N_("Academy sponsor led"),
  N_("Special academy"),
  N_("Alternative provision academy"),
  N_("Free school"),
  N_("University technical college"),
  N_("Studio school"),
  N_("Other"),
};

static const char *const religious_character_labels[] = {
  N_("Not recorded"),
  N_("None"),
  N_("Church of England"),
  N_("Roman Catholic"),
  N_("Church of England and Methodist"),
  N_("Roman Catholic and Church of England"),
  N_("Methodist"),
  N_("Christian"),
  N_("Jewish"),
  N_("Muslim"),
  N_("Sikh"),
  N_("Hindu"),
  N_("Multi-faith"),
  N_("Other"),
};

static const char *const ofsted_grade_labels[] = {
  N_("No grade"),
  N_("Outstanding"),
  N_("Good"),
  N_("Requires improvement"),
  N_("Inadequate"),
  N_("Inadequate (serious weaknesses)"),
  N_("Inadequate (special measures)"),
};

static const char *const report_area_labels[] = {
  N_("Inclusion"),
  N_("Curriculum and teaching"),
  N_("Achievement"),
  N_("Attendance and behaviour"),
  N_("Personal development and well-being"),
  N_("Leadership and governance"),
  N_("Early years"),
  N_("Sixth form"),
};

static const char *const report_grade_labels[] = {
  N_("Not graded"),
  N_("Exceptional"),
  N_("Strong standard"),
  N_("Expected standard"),
  N_("Needs attention"),
  N_("Urgent improvement"),
};

static const char *const safeguarding_labels[] = {
  N_("Not recorded"),
  N_("Met"),
  N_("Not met"),
};

static const char *const siams_labels[] = {
  N_("No SIAMS outcome"),
  N_("Excellent"),
  N_("Good"),
  N_("Requires improvement"),
  N_("Ineffective"),
  N_("Living up to its foundation"),
  N_("Not yet living up to its foundation"),
};

static const char *const cohort_status_labels[] = {
  N_("Draft"),
  N_("Agreed"),
  N_("Converting"),
  N_("Converted"),
};

static const char *const comment_kind_labels[] = {
  N_("Comment"),
  N_("Approve"),
  N_("Request Changes"),
  N_("Note"),
};

static const char *const consent_labels[] = {
  N_("Not requested"),
  N_("Requested"),
  N_("Granted"),
  N_("Refused"),
};

static const char *const agreement_stage_labels[] = {
  N_("Not started"),
  N_("Drafting"),
  N_("Agreed"),
  N_("Signed"),
};

/* As the DfE's guidance on changing a conversion date names them. */
static const char *const date_change_reason_labels[] = {
  N_("Incoming trust"),
  N_("School"),
  N_("Local authority"),
  N_("Diocese"),
  N_("TUPE"),
  N_("Pensions"),
  N_("Union"),
  N_("Negative press"),
  N_("Governance"),
  N_("Finance"),
  N_("Viability"),
  N_("Land"),
  N_("Buildings"),
  N_("Legal documents"),
  N_("Commercial transfer agreement"),
  N_("Correcting an error"),
  N_("Voluntary deferral"),
  N_("Advisory board conditions"),
};

static const char *const severity_labels[] = {
  N_("Information"),
  N_("Warning"),
  N_("Error"),
};

typedef struct
{
  GType (*get_type) (void);
  const char *const *labels;
  guint n_labels;
} LabelTable;

#define TABLE(getter, labels) { getter, labels, G_N_ELEMENTS (labels) }

static const LabelTable label_tables[] = {
  TABLE (cohorts_trust_kind_get_type, trust_kind_labels),
  TABLE (cohorts_phase_get_type, phase_labels),
  TABLE (cohorts_establishment_type_get_type, establishment_labels),
  TABLE (cohorts_religious_character_get_type, religious_character_labels),
  TABLE (cohorts_ofsted_grade_get_type, ofsted_grade_labels),
  TABLE (cohorts_report_area_get_type, report_area_labels),
  TABLE (cohorts_report_grade_get_type, report_grade_labels),
  TABLE (cohorts_safeguarding_get_type, safeguarding_labels),
  TABLE (cohorts_siams_outcome_get_type, siams_labels),
  TABLE (cohorts_cohort_status_get_type, cohort_status_labels),
  TABLE (cohorts_severity_get_type, severity_labels),
  TABLE (cohorts_comment_kind_get_type, comment_kind_labels),
  TABLE (cohorts_consent_get_type, consent_labels),
  TABLE (cohorts_agreement_stage_get_type, agreement_stage_labels),
  TABLE (cohorts_date_change_reason_get_type, date_change_reason_labels),
};

/* Enum classes are looked up for every attribute of a large plan: keep a
 * reference for the life of the process rather than taking one each time. */
static GEnumClass *
enum_class (GType enum_type)
{
  GEnumClass *klass = g_type_class_peek (enum_type);

  if (G_UNLIKELY (klass == NULL))
    klass = g_type_class_ref (enum_type);
  return klass;
}

/**
 * cohorts_enum_get_label:
 *
 * Returns: (transfer none): the translated label of @value, for people.
 */
const char *
cohorts_enum_get_label (GType enum_type,
                        int   value)
{
  for (guint i = 0; i < G_N_ELEMENTS (label_tables); i++)
    {
      if (label_tables[i].get_type () != enum_type)
        continue;
      if (value < 0 || (guint) value >= label_tables[i].n_labels)
        break;
      return g_dgettext (GETTEXT_PACKAGE, label_tables[i].labels[value]);
    }

  g_return_val_if_reached ("");
}

/**
 * cohorts_enum_to_token:
 *
 * Returns: (transfer none): the file token of @value, or %NULL if @value is
 *   not a value of @enum_type.
 */
const char *
cohorts_enum_to_token (GType enum_type,
                       int   value)
{
  GEnumValue *enum_value = g_enum_get_value (enum_class (enum_type), value);

  return enum_value ? enum_value->value_nick : NULL;
}

/**
 * cohorts_enum_from_token:
 * @allow_zero: whether the token of value 0 ("unknown", "none") is accepted
 *
 * Returns: %TRUE if @token is one of the file tokens of @enum_type.
 */
gboolean
cohorts_enum_from_token (GType       enum_type,
                         const char *token,
                         gboolean    allow_zero,
                         int        *out_value)
{
  GEnumValue *enum_value;

  g_return_val_if_fail (token != NULL, FALSE);

  enum_value = g_enum_get_value_by_nick (enum_class (enum_type), token);

  if (enum_value == NULL || (enum_value->value == 0 && !allow_zero &&
                             cohorts_enum_has_unset_value (enum_type)))
    return FALSE;

  *out_value = enum_value->value;
  return TRUE;
}

/**
 * cohorts_enum_has_unset_value:
 *
 * Returns: whether value 0 of @enum_type means "not recorded" (and so is
 *   written by leaving the attribute out) rather than being a real value.
 */
gboolean
cohorts_enum_has_unset_value (GType enum_type)
{
  return enum_type != COHORTS_TYPE_TRUST_KIND &&
         enum_type != COHORTS_TYPE_REPORT_AREA &&
         enum_type != COHORTS_TYPE_COHORT_STATUS &&
         enum_type != COHORTS_TYPE_SEVERITY &&
         enum_type != COHORTS_TYPE_COMMENT_KIND &&
         enum_type != COHORTS_TYPE_DATE_CHANGE_REASON &&
         enum_type != COHORTS_TYPE_STEP;
}

/**
 * cohorts_enum_list_tokens:
 *
 * Returns: the tokens of @enum_type, comma separated, for error messages.
 */
char *
cohorts_enum_list_tokens (GType    enum_type,
                          gboolean include_zero)
{
  GEnumClass *klass = enum_class (enum_type);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < klass->n_values; i++)
    {
      if (klass->values[i].value == 0 && !include_zero && cohorts_enum_has_unset_value (enum_type))
        continue;
      if (out->len > 0)
        g_string_append (out, ", ");
      g_string_append (out, klass->values[i].value_nick);
    }

  return g_string_free (out, FALSE);
}

gboolean
cohorts_religious_character_is_church (CohortsReligiousCharacter character)
{
  switch (character)
    {
    case COHORTS_RELIGIOUS_CHARACTER_CHURCH_OF_ENGLAND:
    case COHORTS_RELIGIOUS_CHARACTER_ROMAN_CATHOLIC:
    case COHORTS_RELIGIOUS_CHARACTER_CHURCH_OF_ENGLAND_METHODIST:
    case COHORTS_RELIGIOUS_CHARACTER_ROMAN_CATHOLIC_CHURCH_OF_ENGLAND:
    case COHORTS_RELIGIOUS_CHARACTER_METHODIST:
    case COHORTS_RELIGIOUS_CHARACTER_CHRISTIAN:
      return TRUE;

    case COHORTS_RELIGIOUS_CHARACTER_UNKNOWN:
    case COHORTS_RELIGIOUS_CHARACTER_NONE:
    case COHORTS_RELIGIOUS_CHARACTER_JEWISH:
    case COHORTS_RELIGIOUS_CHARACTER_MUSLIM:
    case COHORTS_RELIGIOUS_CHARACTER_SIKH:
    case COHORTS_RELIGIOUS_CHARACTER_HINDU:
    case COHORTS_RELIGIOUS_CHARACTER_MULTI_FAITH:
    case COHORTS_RELIGIOUS_CHARACTER_OTHER:
    default:
      return FALSE;
    }
}
