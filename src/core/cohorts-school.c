/* cohorts-school.c: one school of the plan
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A school is a record of some forty facts, each described once in the
 * table below and handled by cohorts-record.c: a new field is one line here
 * and one in the struct.
 *
 * Views observe a school through "notify"; edits go through CohortsPlan so that
 * each is undoable. The loader fills the struct directly, without signals.
 */
#define G_LOG_DOMAIN "cohorts-school"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "cohorts-cohort.h"
#include "cohorts-record.h"
#include "cohorts-school-private.h"

G_DEFINE_FINAL_TYPE (CohortsSchool, cohorts_school, G_TYPE_OBJECT)

#define OFF(member) G_STRUCT_OFFSET (CohortsSchool, member)
#define LINE(n, nick, m) COHORTS_FIELD_LINE_AT (n, nick, OFF (m))
#define ENUM(n, nick, m, t) COHORTS_FIELD_ENUM_AT (n, nick, OFF (m), t)
#define COUNT(n, nick, m, max) COHORTS_FIELD_COUNT_AT (n, nick, OFF (m), max)
#define DATE(n, nick, m) COHORTS_FIELD_DATE_AT (n, nick, OFF (m))
#define FLAG(n, nick, m) COHORTS_FIELD_FLAG_AT (n, nick, OFF (m))

enum {
  PROP_0,
  PROP_URN,
  PROP_ACADEMY_URN,
  PROP_NAME,
  PROP_PHASE,
  PROP_ESTABLISHMENT_TYPE,
  PROP_LOW_AGE,
  PROP_HIGH_AGE,
  PROP_RELIGIOUS_CHARACTER,
  PROP_PUPILS,
  PROP_CAPACITY,
  PROP_SMALL,
  PROP_RURAL,
  PROP_LOCKED,
  PROP_TOWN,
  PROP_POSTCODE,
  PROP_LA_CODE,
  PROP_LA_NAME,
  PROP_DIOCESE_CODE,
  PROP_DIOCESE_NAME,
  PROP_CURRENT_TRUST_REFERENCE,
  PROP_CURRENT_TRUST_NAME,
  PROP_OFSTED_GRADE,
  PROP_OFSTED_DATE,
  PROP_REPORT_CARD_DATE,
  PROP_SAFEGUARDING,
  PROP_REPORT_GRADE_FIRST,
  PROP_REPORT_GRADE_LAST = PROP_REPORT_GRADE_FIRST + COHORTS_N_REPORT_AREAS - 1,
  PROP_SIAMS_OUTCOME,
  PROP_SIAMS_DATE,
  PROP_BUDGET_BALANCE,
  PROP_BUDGET_DATE,
  PROP_RECOVERY_PLAN,
  PROP_PFI,
  PROP_NOTES,
  PROP_DIOCESAN_CONSENT,
  PROP_DIOCESAN_CONSENT_REQUESTED,
  PROP_DIOCESAN_CONSENT_DECIDED,
  PROP_SITE_TRUSTEES_CONSENT,
  PROP_SITE_TRUSTEES_CONSENT_REQUESTED,
  PROP_SITE_TRUSTEES_CONSENT_DECIDED,
  PROP_SUPPLEMENTAL_AGREEMENT,
  PROP_SUPPLEMENTAL_AGREEMENT_DATE,
  PROP_MEMORANDUM,
  PROP_MEMORANDUM_DATE,
  PROP_FOUNDATION_GOVERNORS,
  PROP_GOVERNORS,
  N_FIELD_PROPS,
  PROP_COHORT = N_FIELD_PROPS,
  N_PROPS
};

#define REPORT(n, nick, area) \
  COHORTS_FIELD_ENUM_AT (n, nick, OFF (report_grades) + (area) * sizeof (CohortsReportGrade), \
                         cohorts_report_grade_get_type)

/* Indexed by property id. */
static const CohortsField fields[N_FIELD_PROPS] = {
  [PROP_URN] = { "urn", N_("URN"), COHORTS_FIELD_UINT, OFF (urn), NULL, 100000, 999999, 100000 },
  [PROP_ACADEMY_URN] = { "academy-urn", N_("Academy URN"), COHORTS_FIELD_UINT, OFF (academy_urn),
                        NULL, 0, 999999, 0 },
  [PROP_NAME] = LINE ("name", N_("Name"), name),
  [PROP_PHASE] = ENUM ("phase", N_("Phase"), phase, cohorts_phase_get_type),
  [PROP_ESTABLISHMENT_TYPE] = ENUM ("establishment-type", N_("Type"), establishment_type,
                                    cohorts_establishment_type_get_type),
  [PROP_LOW_AGE] = COUNT ("low-age", N_("Lowest age"), low_age, 99),
  [PROP_HIGH_AGE] = COUNT ("high-age", N_("Highest age"), high_age, 99),
  [PROP_RELIGIOUS_CHARACTER] = ENUM ("religious-character", N_("Religious character"),
                                     religious_character, cohorts_religious_character_get_type),
  [PROP_PUPILS] = COUNT ("pupils", N_("Pupils on roll"), pupils, 999999999),
  [PROP_CAPACITY] = COUNT ("capacity", N_("Capacity"), capacity, 999999999),
  [PROP_SMALL] = FLAG ("small", N_("Small school"), small),
  [PROP_RURAL] = FLAG ("rural", N_("Rural school"), rural),
  [PROP_LOCKED] = FLAG ("locked", N_("Locked in its cohort"), locked),
  [PROP_TOWN] = LINE ("town", N_("Town"), town),
  [PROP_POSTCODE] = LINE ("postcode", N_("Postcode"), postcode),
  [PROP_LA_CODE] = COHORTS_FIELD_FORMATTED_AT ("la-code", N_("Local authority code"), OFF (la_code),
                                               COHORTS_FORMAT_CODE),
  [PROP_LA_NAME] = LINE ("la-name", N_("Local authority"), la_name),
  [PROP_DIOCESE_CODE] = COHORTS_FIELD_FORMATTED_AT ("diocese-code", N_("Diocese code"), OFF (diocese_code),
                                                    COHORTS_FORMAT_CODE),
  [PROP_DIOCESE_NAME] = LINE ("diocese-name", N_("Diocese"), diocese_name),
  [PROP_CURRENT_TRUST_REFERENCE] =
    COHORTS_FIELD_FORMATTED_AT ("current-trust-reference", N_("Current trust reference"),
                                OFF (current_trust_reference), COHORTS_FORMAT_TRUST_REFERENCE),
  [PROP_CURRENT_TRUST_NAME] = LINE ("current-trust-name", N_("Current trust"), current_trust_name),
  [PROP_OFSTED_GRADE] = ENUM ("ofsted-grade", N_("Ofsted grade"), ofsted_grade,
                              cohorts_ofsted_grade_get_type),
  [PROP_OFSTED_DATE] = DATE ("ofsted-date", N_("Ofsted inspection date"), ofsted_date),
  [PROP_REPORT_CARD_DATE] = DATE ("report-card-date", N_("Report card date"), report_card_date),
  [PROP_SAFEGUARDING] = ENUM ("safeguarding", N_("Safeguarding"), safeguarding,
                              cohorts_safeguarding_get_type),
  [PROP_REPORT_GRADE_FIRST + COHORTS_REPORT_AREA_INCLUSION] =
    REPORT ("report-card-inclusion", N_("Inclusion"), COHORTS_REPORT_AREA_INCLUSION),
  [PROP_REPORT_GRADE_FIRST + COHORTS_REPORT_AREA_CURRICULUM_AND_TEACHING] =
    REPORT ("report-card-curriculum-and-teaching", N_("Curriculum and teaching"),
            COHORTS_REPORT_AREA_CURRICULUM_AND_TEACHING),
  [PROP_REPORT_GRADE_FIRST + COHORTS_REPORT_AREA_ACHIEVEMENT] =
    REPORT ("report-card-achievement", N_("Achievement"), COHORTS_REPORT_AREA_ACHIEVEMENT),
  [PROP_REPORT_GRADE_FIRST + COHORTS_REPORT_AREA_ATTENDANCE_AND_BEHAVIOUR] =
    REPORT ("report-card-attendance-and-behaviour", N_("Attendance and behaviour"),
            COHORTS_REPORT_AREA_ATTENDANCE_AND_BEHAVIOUR),
  [PROP_REPORT_GRADE_FIRST + COHORTS_REPORT_AREA_PERSONAL_DEVELOPMENT] =
    REPORT ("report-card-personal-development", N_("Personal development and well-being"),
            COHORTS_REPORT_AREA_PERSONAL_DEVELOPMENT),
  [PROP_REPORT_GRADE_FIRST + COHORTS_REPORT_AREA_LEADERSHIP_AND_GOVERNANCE] =
    REPORT ("report-card-leadership-and-governance", N_("Leadership and governance"),
            COHORTS_REPORT_AREA_LEADERSHIP_AND_GOVERNANCE),
  [PROP_REPORT_GRADE_FIRST + COHORTS_REPORT_AREA_EARLY_YEARS] =
    REPORT ("report-card-early-years", N_("Early years"), COHORTS_REPORT_AREA_EARLY_YEARS),
  [PROP_REPORT_GRADE_FIRST + COHORTS_REPORT_AREA_SIXTH_FORM] =
    REPORT ("report-card-sixth-form", N_("Sixth form"), COHORTS_REPORT_AREA_SIXTH_FORM),
  [PROP_SIAMS_OUTCOME] = ENUM ("siams-outcome", N_("SIAMS outcome"), siams_outcome,
                               cohorts_siams_outcome_get_type),
  [PROP_SIAMS_DATE] = DATE ("siams-date", N_("SIAMS inspection date"), siams_date),
  [PROP_BUDGET_BALANCE] = { "budget-balance", N_("Budget balance"), COHORTS_FIELD_INT64, OFF (budget_balance),
                            NULL, G_MININT64, G_MAXINT64, COHORTS_MONEY_UNKNOWN, COHORTS_FORMAT_MONEY },
  [PROP_BUDGET_DATE] = DATE ("budget-date", N_("Budget balance date"), budget_date),
  [PROP_RECOVERY_PLAN] = FLAG ("recovery-plan", N_("Deficit recovery plan"), recovery_plan),
  [PROP_PFI] = FLAG ("pfi", N_("PFI contract"), pfi),
  [PROP_NOTES] = COHORTS_FIELD_NOTES_AT ("notes", N_("Notes"), OFF (notes)),
  [PROP_DIOCESAN_CONSENT] = ENUM ("diocesan-consent", N_("Diocesan board consent"), diocesan_consent,
                                  cohorts_consent_get_type),
  [PROP_DIOCESAN_CONSENT_REQUESTED] = DATE ("diocesan-consent-requested", N_("Diocesan consent requested"),
                                            diocesan_consent_requested),
  [PROP_DIOCESAN_CONSENT_DECIDED] = DATE ("diocesan-consent-decided", N_("Diocesan consent decided"),
                                          diocesan_consent_decided),
  [PROP_SITE_TRUSTEES_CONSENT] = ENUM ("site-trustees-consent", N_("Site trustees’ consent"),
                                       site_trustees_consent, cohorts_consent_get_type),
  [PROP_SITE_TRUSTEES_CONSENT_REQUESTED] = DATE ("site-trustees-consent-requested",
                                                 N_("Site trustees’ consent requested"),
                                                 site_trustees_consent_requested),
  [PROP_SITE_TRUSTEES_CONSENT_DECIDED] = DATE ("site-trustees-consent-decided",
                                               N_("Site trustees’ consent decided"),
                                               site_trustees_consent_decided),
  [PROP_SUPPLEMENTAL_AGREEMENT] = ENUM ("supplemental-agreement", N_("Church supplemental agreement"),
                                        supplemental_agreement, cohorts_agreement_stage_get_type),
  [PROP_SUPPLEMENTAL_AGREEMENT_DATE] = DATE ("supplemental-agreement-date",
                                             N_("Church supplemental agreement date"),
                                             supplemental_agreement_date),
  [PROP_MEMORANDUM] = ENUM ("memorandum", N_("Memorandum of understanding"), memorandum,
                            cohorts_agreement_stage_get_type),
  [PROP_MEMORANDUM_DATE] = DATE ("memorandum-date", N_("Memorandum of understanding date"), memorandum_date),
  [PROP_FOUNDATION_GOVERNORS] = COUNT ("foundation-governors", N_("Foundation governors"),
                                       foundation_governors, 99),
  [PROP_GOVERNORS] = COUNT ("governors", N_("Governors"), governors, 99),
};

static GParamSpec *properties[N_PROPS];

enum {
  MILESTONE_CHANGED,
  ANSWER_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
cohorts_school_finalize (GObject *object)
{
  CohortsSchool *self = (CohortsSchool *) object;

  cohorts_record_finalize (self, fields, N_FIELD_PROPS);
  g_clear_pointer (&self->extensions, g_ptr_array_unref);
  for (guint i = 0; i < COHORTS_N_CRITERIA; i++)
    cohorts_answer_clear (&self->answers[i]);

  G_OBJECT_CLASS (cohorts_school_parent_class)->finalize (object);
}

static void
cohorts_school_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CohortsSchool *self = COHORTS_SCHOOL (object);

  if (prop_id == PROP_COHORT)
    g_value_set_object (value, self->cohort);
  else if (prop_id > 0 && prop_id < N_FIELD_PROPS)
    cohorts_record_get (self, &fields[prop_id], value);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
cohorts_school_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  CohortsSchool *self = COHORTS_SCHOOL (object);

  if (prop_id > 0 && prop_id < N_FIELD_PROPS)
    {
      if (cohorts_record_set (self, &fields[prop_id], value))
        g_object_notify_by_pspec (object, pspec);
    }
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
cohorts_school_class_init (CohortsSchoolClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cohorts_school_finalize;
  object_class->get_property = cohorts_school_get_property;
  object_class->set_property = cohorts_school_set_property;

  cohorts_record_class_install (object_class, fields, N_FIELD_PROPS, properties);

  /**
   * CohortsSchool:cohort:
   *
   * The cohort the school converts with, or %NULL while it is unassigned.
   */
  properties[PROP_COHORT] =
    g_param_spec_object ("cohort", NULL, NULL, COHORTS_TYPE_COHORT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_property (object_class, PROP_COHORT, properties[PROP_COHORT]);

  /**
   * CohortsSchool::milestone-changed:
   * @step: the #CohortsStep whose date changed
   *
   * The school's own date for a step of its conversion changed.
   */
  signals[MILESTONE_CHANGED] =
    g_signal_new ("milestone-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, COHORTS_TYPE_STEP);

  /**
   * CohortsSchool::answer-changed:
   * @criterion: the #CohortsCriterion whose answer changed
   *
   * The school's answer on a readiness criterion changed.
   */
  signals[ANSWER_CHANGED] =
    g_signal_new ("answer-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void
cohorts_school_init (CohortsSchool *self)
{
  cohorts_record_init (self, fields, N_FIELD_PROPS);
}

/**
 * cohorts_school_new:
 * @urn: the DfE's unique reference number, 100000–999999
 *
 * Returns: (transfer full): a school with nothing else recorded
 */
CohortsSchool *
cohorts_school_new (guint       urn,
                    const char *name)
{
  g_return_val_if_fail (urn >= 100000 && urn <= 999999, NULL);

  return g_object_new (COHORTS_TYPE_SCHOOL,
                       "urn", urn,
                       "name", name,
                       NULL);
}

#define GETTER(type, name, member) \
  type cohorts_school_get_##name (CohortsSchool *self) \
  { \
    g_return_val_if_fail (COHORTS_IS_SCHOOL (self), 0); \
    return self->member; \
  }

GETTER (guint, urn, urn)
GETTER (guint, academy_urn, academy_urn)
GETTER (const char *, name, name)
GETTER (CohortsPhase, phase, phase)
GETTER (CohortsEstablishmentType, establishment_type, establishment_type)
GETTER (int, low_age, low_age)
GETTER (int, high_age, high_age)
GETTER (CohortsReligiousCharacter, religious_character, religious_character)
GETTER (int, pupils, pupils)
GETTER (int, capacity, capacity)
GETTER (gboolean, small, small)
GETTER (gboolean, rural, rural)
GETTER (gboolean, locked, locked)
GETTER (const char *, town, town)
GETTER (const char *, postcode, postcode)
GETTER (const char *, la_code, la_code)
GETTER (const char *, la_name, la_name)
GETTER (const char *, diocese_code, diocese_code)
GETTER (const char *, diocese_name, diocese_name)
GETTER (const char *, current_trust_reference, current_trust_reference)
GETTER (const char *, current_trust_name, current_trust_name)
GETTER (CohortsOfstedGrade, ofsted_grade, ofsted_grade)
GETTER (CohortsDate, ofsted_date, ofsted_date)
GETTER (CohortsDate, report_card_date, report_card_date)
GETTER (CohortsSafeguarding, safeguarding, safeguarding)
GETTER (CohortsSiamsOutcome, siams_outcome, siams_outcome)
GETTER (CohortsDate, siams_date, siams_date)
GETTER (gint64, budget_balance, budget_balance)
GETTER (CohortsDate, budget_date, budget_date)
GETTER (gboolean, recovery_plan, recovery_plan)
GETTER (gboolean, pfi, pfi)
GETTER (const char *, notes, notes)
GETTER (CohortsConsent, diocesan_consent, diocesan_consent)
GETTER (CohortsDate, diocesan_consent_requested, diocesan_consent_requested)
GETTER (CohortsDate, diocesan_consent_decided, diocesan_consent_decided)
GETTER (CohortsConsent, site_trustees_consent, site_trustees_consent)
GETTER (CohortsDate, site_trustees_consent_requested, site_trustees_consent_requested)
GETTER (CohortsDate, site_trustees_consent_decided, site_trustees_consent_decided)
GETTER (CohortsAgreementStage, supplemental_agreement, supplemental_agreement)
GETTER (CohortsDate, supplemental_agreement_date, supplemental_agreement_date)
GETTER (CohortsAgreementStage, memorandum, memorandum)
GETTER (CohortsDate, memorandum_date, memorandum_date)
GETTER (int, foundation_governors, foundation_governors)
GETTER (int, governors, governors)
GETTER (CohortsCohort *, cohort, cohort)

#undef GETTER

/**
 * cohorts_school_get_milestone:
 * @milestone: (out caller-allocates): the school's own date for @step, or
 *   state %COHORTS_MILESTONE_SCHEDULED when the schedule decides
 */
void
cohorts_school_get_milestone (CohortsSchool    *self,
                              CohortsStep       step,
                              CohortsMilestone *milestone)
{
  g_return_if_fail (COHORTS_IS_SCHOOL (self));
  g_return_if_fail (step < COHORTS_N_STEPS);

  *milestone = self->milestones[step];
}

/* The step @step done as the church track says, if it does: the diocesan
 * board's or the site trustees' consent granted on a date, the Church
 * Supplemental Agreement signed on a date. */
gboolean
cohorts_school_get_track_milestone (CohortsSchool    *self,
                                    CohortsStep       step,
                                    CohortsMilestone *milestone)
{
  CohortsDate date = COHORTS_DATE_NONE;

  if (step == COHORTS_STEP_DIOCESAN_CONSENT && self->diocesan_consent == COHORTS_CONSENT_GRANTED)
    date = self->diocesan_consent_decided;
  else if (step == COHORTS_STEP_SITE_TRUSTEES && self->site_trustees_consent == COHORTS_CONSENT_GRANTED)
    date = self->site_trustees_consent_decided;
  else if (step == COHORTS_STEP_CHURCH_AGREEMENT && self->supplemental_agreement == COHORTS_AGREEMENT_SIGNED)
    date = self->supplemental_agreement_date;
  if (date == COHORTS_DATE_NONE)
    return FALSE;
  *milestone = (CohortsMilestone) { COHORTS_DATE_NONE, date, COHORTS_MILESTONE_DONE };
  return TRUE;
}

/* For the plan's commands: a school's own date for a step, or none. */
void
cohorts_school_set_milestone (CohortsSchool          *self,
                              CohortsStep             step,
                              const CohortsMilestone *milestone)
{
  CohortsMilestone value;

  g_return_if_fail (COHORTS_IS_SCHOOL (self));
  g_return_if_fail (step < COHORTS_N_STEPS);

  value = *milestone;
  if (value.state == COHORTS_MILESTONE_SCHEDULED)
    value = (CohortsMilestone) { COHORTS_DATE_NONE, COHORTS_DATE_NONE, COHORTS_MILESTONE_SCHEDULED };
  if (memcmp (&value, &self->milestones[step], sizeof value) == 0)
    return;
  self->milestones[step] = value;
  g_signal_emit (self, signals[MILESTONE_CHANGED], 0, step);
}

/**
 * cohorts_school_get_answer:
 *
 * Returns: (transfer none): the school's answer on @criterion (state
 *   %COHORTS_ANSWER_NONE when it has none)
 */
const CohortsAnswer *
cohorts_school_get_answer (CohortsSchool    *self,
                           CohortsCriterion  criterion)
{
  g_return_val_if_fail (COHORTS_IS_SCHOOL (self), NULL);
  g_return_val_if_fail (criterion < COHORTS_N_CRITERIA, NULL);

  return &self->answers[criterion];
}

/**
 * cohorts_school_get_answers:
 *
 * Returns: (transfer none) (array fixed-size=9): the school's answers, by
 *   criterion, for cohorts_readiness_score()
 */
const CohortsAnswer *
cohorts_school_get_answers (CohortsSchool *self)
{
  g_return_val_if_fail (COHORTS_IS_SCHOOL (self), NULL);
  return self->answers;
}

/**
 * cohorts_school_get_answer_state:
 *
 * Returns: the state of the school's answer on @criterion as the readiness
 *   score counts it: its own answer, or, where a church school has none on
 *   diocesan consent but its church track records the diocesan board's
 *   consent, the track's: granted is met, requested partly met, refused not
 *   met.
 */
CohortsAnswerState
cohorts_school_get_answer_state (CohortsSchool    *self,
                                 CohortsCriterion  criterion)
{
  static const CohortsAnswerState from_consent[] = {
    [COHORTS_CONSENT_NONE] = COHORTS_ANSWER_NONE,
    [COHORTS_CONSENT_REQUESTED] = COHORTS_ANSWER_PARTLY,
    [COHORTS_CONSENT_GRANTED] = COHORTS_ANSWER_MET,
    [COHORTS_CONSENT_REFUSED] = COHORTS_ANSWER_NOT_MET,
  };

  g_return_val_if_fail (COHORTS_IS_SCHOOL (self), COHORTS_ANSWER_NONE);
  g_return_val_if_fail (criterion < COHORTS_N_CRITERIA, COHORTS_ANSWER_NONE);

  if (criterion == COHORTS_CRITERION_DIOCESAN_CONSENT && self->answers[criterion].state == COHORTS_ANSWER_NONE &&
      cohorts_school_is_church_school (self))
    return from_consent[self->diocesan_consent];
  return self->answers[criterion].state;
}

/**
 * cohorts_school_score_readiness:
 * @framework: the plan's readiness framework
 * @score: (out caller-allocates): the school's readiness under @framework,
 *   its answers as cohorts_school_get_answer_state() gives them
 */
void
cohorts_school_score_readiness (CohortsSchool          *self,
                                const CohortsFramework *framework,
                                CohortsReadinessScore  *score)
{
  CohortsAnswerState consent;
  gboolean church;

  g_return_if_fail (COHORTS_IS_SCHOOL (self));

  church = cohorts_school_is_church_school (self);
  consent = cohorts_school_get_answer_state (self, COHORTS_CRITERION_DIOCESAN_CONSENT);
  if (consent != self->answers[COHORTS_CRITERION_DIOCESAN_CONSENT].state)
    {
      CohortsAnswer answers[COHORTS_N_CRITERIA];

      memcpy (answers, self->answers, sizeof answers);
      answers[COHORTS_CRITERION_DIOCESAN_CONSENT].state = consent;
      cohorts_readiness_score (framework, church, answers, score);
    }
  else
    cohorts_readiness_score (framework, church, self->answers, score);
}

gboolean
cohorts_school_has_answers (CohortsSchool *self)
{
  g_return_val_if_fail (COHORTS_IS_SCHOOL (self), FALSE);

  for (guint i = 0; i < COHORTS_N_CRITERIA; i++)
    if (self->answers[i].state != COHORTS_ANSWER_NONE)
      return TRUE;
  return FALSE;
}

/* For the plan's commands and the loader: an answer (copied), or none. */
void
cohorts_school_set_answer (CohortsSchool       *self,
                           CohortsCriterion     criterion,
                           const CohortsAnswer *answer)
{
  CohortsAnswer *slot;

  g_return_if_fail (COHORTS_IS_SCHOOL (self));
  g_return_if_fail (criterion < COHORTS_N_CRITERIA);

  slot = &self->answers[criterion];
  if (cohorts_answer_equal (slot, answer))
    return;
  cohorts_answer_clear (slot);
  if (answer->state != COHORTS_ANSWER_NONE)
    {
      slot->state = answer->state;
      slot->note = g_strdup (answer->note);
      slot->date = answer->date;
    }
  g_signal_emit (self, signals[ANSWER_CHANGED], 0, (guint) criterion);
}

CohortsReportGrade
cohorts_school_get_report_grade (CohortsSchool     *self,
                                 CohortsReportArea  area)
{
  g_return_val_if_fail (COHORTS_IS_SCHOOL (self), COHORTS_REPORT_GRADE_NONE);
  g_return_val_if_fail (area < COHORTS_N_REPORT_AREAS, COHORTS_REPORT_GRADE_NONE);

  return self->report_grades[area];
}

/**
 * cohorts_school_report_area_property:
 *
 * Returns: the name of the property that holds the grade of @area.
 */
const char *
cohorts_school_report_area_property (CohortsReportArea area)
{
  g_return_val_if_fail (area < COHORTS_N_REPORT_AREAS, NULL);

  return fields[PROP_REPORT_GRADE_FIRST + area].name;
}

gboolean
cohorts_school_is_church_school (CohortsSchool *self)
{
  g_return_val_if_fail (COHORTS_IS_SCHOOL (self), FALSE);

  return cohorts_religious_character_is_church (self->religious_character);
}

/**
 * cohorts_school_has_church_track:
 *
 * Returns: whether anything of the church track (consents, agreements,
 *   governance) is recorded
 */
gboolean
cohorts_school_has_church_track (CohortsSchool *self)
{
  g_return_val_if_fail (COHORTS_IS_SCHOOL (self), FALSE);

  return self->diocesan_consent != COHORTS_CONSENT_NONE ||
         self->diocesan_consent_requested != COHORTS_DATE_NONE ||
         self->diocesan_consent_decided != COHORTS_DATE_NONE ||
         self->site_trustees_consent != COHORTS_CONSENT_NONE ||
         self->site_trustees_consent_requested != COHORTS_DATE_NONE ||
         self->site_trustees_consent_decided != COHORTS_DATE_NONE ||
         self->supplemental_agreement != COHORTS_AGREEMENT_NONE ||
         self->supplemental_agreement_date != COHORTS_DATE_NONE ||
         self->memorandum != COHORTS_AGREEMENT_NONE ||
         self->memorandum_date != COHORTS_DATE_NONE ||
         self->foundation_governors >= 0 ||
         self->governors >= 0;
}

gboolean
cohorts_school_has_report_card (CohortsSchool *self)
{
  g_return_val_if_fail (COHORTS_IS_SCHOOL (self), FALSE);

  return self->report_card_date != COHORTS_DATE_NONE;
}

static gboolean
has_report_card_grades (CohortsSchool *self)
{
  if (self->safeguarding != COHORTS_SAFEGUARDING_UNKNOWN)
    return TRUE;
  for (guint i = 0; i < COHORTS_N_REPORT_AREAS; i++)
    if (self->report_grades[i] != COHORTS_REPORT_GRADE_NONE)
      return TRUE;
  return FALSE;
}

/* Whether the report card, not the old grade, is the latest outcome. */
static gboolean
latest_is_report_card (CohortsSchool *self)
{
  if (self->report_card_date == COHORTS_DATE_NONE && !has_report_card_grades (self))
    return FALSE;
  if (self->ofsted_grade == COHORTS_OFSTED_GRADE_NONE)
    return TRUE;
  return self->report_card_date != COHORTS_DATE_NONE && self->report_card_date >= self->ofsted_date;
}

/**
 * cohorts_school_is_vulnerable:
 *
 * Returns: whether the school's latest inspection says it needs support: an
 *   Ofsted grade of Requires improvement or Inadequate (any category), or a
 *   report card with an area needing attention or urgent improvement, or
 *   safeguarding not met
 */
gboolean
cohorts_school_is_vulnerable (CohortsSchool *self)
{
  g_return_val_if_fail (COHORTS_IS_SCHOOL (self), FALSE);

  if (latest_is_report_card (self))
    {
      if (self->safeguarding == COHORTS_SAFEGUARDING_NOT_MET)
        return TRUE;
      for (guint i = 0; i < COHORTS_N_REPORT_AREAS; i++)
        if (self->report_grades[i] == COHORTS_REPORT_GRADE_NEEDS_ATTENTION ||
            self->report_grades[i] == COHORTS_REPORT_GRADE_URGENT_IMPROVEMENT)
          return TRUE;
      return FALSE;
    }

  switch (self->ofsted_grade)
    {
    case COHORTS_OFSTED_GRADE_REQUIRES_IMPROVEMENT:
    case COHORTS_OFSTED_GRADE_INADEQUATE:
    case COHORTS_OFSTED_GRADE_SERIOUS_WEAKNESSES:
    case COHORTS_OFSTED_GRADE_SPECIAL_MEASURES:
      return TRUE;
    case COHORTS_OFSTED_GRADE_NONE:
    case COHORTS_OFSTED_GRADE_OUTSTANDING:
    case COHORTS_OFSTED_GRADE_GOOD:
    default:
      return FALSE;
    }
}

/**
 * cohorts_school_describe_inspection:
 *
 * Returns: the latest inspection outcome in a few words: "Good (12 June
 *   2019)", "Good" when the grade's date is not recorded, "Report card (19
 *   November 2025)", or "Not inspected".
 */
char *
cohorts_school_describe_inspection (CohortsSchool *self)
{
  g_autofree char *date = NULL;

  g_return_val_if_fail (COHORTS_IS_SCHOOL (self), NULL);

  if (latest_is_report_card (self))
    {
      if (self->report_card_date == COHORTS_DATE_NONE)
        return g_strdup (_("Report card"));
      date = cohorts_date_format (self->report_card_date);
      /* Translators: the latest inspection was an Ofsted report card, on this date */
      return g_strdup_printf (_("Report card (%s)"), date);
    }

  if (self->ofsted_grade != COHORTS_OFSTED_GRADE_NONE)
    {
      const char *grade = cohorts_enum_get_label (COHORTS_TYPE_OFSTED_GRADE, self->ofsted_grade);

      /* The date of an old grade is often not recorded (imported from a
       * register that has none): say the grade alone rather than "Good ()". */
      if (self->ofsted_date == COHORTS_DATE_NONE)
        return g_strdup (grade);

      date = cohorts_date_format (self->ofsted_date);
      /* Translators: an Ofsted grade and the date it was given */
      return g_strdup_printf (_("%s (%s)"), grade, date);
    }

  return g_strdup (_("Not inspected"));
}

/**
 * cohorts_school_describe_ages:
 *
 * Returns: the statutory age range, "4–9", or an empty string.
 */
char *
cohorts_school_describe_ages (CohortsSchool *self)
{
  g_return_val_if_fail (COHORTS_IS_SCHOOL (self), NULL);

  if (self->low_age < 0 || self->high_age < 0)
    return g_strdup ("");

  /* Translators: an age range, lowest–highest */
  return g_strdup_printf (_("%d–%d"), self->low_age, self->high_age);
}

void
cohorts_school_set_cohort (CohortsSchool *self,
                           CohortsCohort *cohort)
{
  g_return_if_fail (COHORTS_IS_SCHOOL (self));

  if (self->cohort == cohort)
    return;

  self->cohort = cohort;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COHORT]);
}
