/* cohorts-schedule.c: the steps of a conversion, planned back from its date
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A school converts on its cohort's date (or a date of its own). Each step of
 * the conversion is due a number of weeks before that date; a step that lasts
 * (the statutory consultation, the TUPE consultation) also has a length.
 * The plan keeps these timings, so a trust can adjust them; the defaults
 * below follow the DfE's usual order (DOMAIN.md). Church schools start their
 * early steps some weeks sooner: the diocese's consent takes time.
 *
 * Some steps apply only to some schools: the diocese's consent, the site
 * trustees' consent and the church supplemental agreement to church schools;
 * the 125-year lease to schools on local-authority land (community schools).
 * A school may give any step a date of its own, planned or done.
 */
#define G_LOG_DOMAIN "cohorts-schedule"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cohorts-cohort.h"
#include "cohorts-schedule.h"
#include "cohorts-school-private.h"

G_DEFINE_ENUM_TYPE (CohortsStep, cohorts_step,
  G_DEFINE_ENUM_VALUE (COHORTS_STEP_RESOLUTION, "resolution"),
  G_DEFINE_ENUM_VALUE (COHORTS_STEP_DIOCESAN_CONSENT, "diocesan-consent"),
  G_DEFINE_ENUM_VALUE (COHORTS_STEP_APPLICATION, "application"),
  G_DEFINE_ENUM_VALUE (COHORTS_STEP_ACADEMY_ORDER, "academy-order"),
  G_DEFINE_ENUM_VALUE (COHORTS_STEP_CONSULTATION, "consultation"),
  G_DEFINE_ENUM_VALUE (COHORTS_STEP_LAND_QUESTIONNAIRE, "land-questionnaire"),
  G_DEFINE_ENUM_VALUE (COHORTS_STEP_LEASE, "lease"),
  G_DEFINE_ENUM_VALUE (COHORTS_STEP_SITE_TRUSTEES, "site-trustees-consent"),
  G_DEFINE_ENUM_VALUE (COHORTS_STEP_CHURCH_AGREEMENT, "church-supplemental-agreement"),
  G_DEFINE_ENUM_VALUE (COHORTS_STEP_TUPE, "tupe-consultation"),
  G_DEFINE_ENUM_VALUE (COHORTS_STEP_PAYROLL_NOTICE, "payroll-notice"),
  G_DEFINE_ENUM_VALUE (COHORTS_STEP_COMMERCIAL_TRANSFER, "commercial-transfer"),
  G_DEFINE_ENUM_VALUE (COHORTS_STEP_FUNDING_AGREEMENT, "funding-agreement"),
  G_DEFINE_ENUM_VALUE (COHORTS_STEP_CONVERSION, "conversion"))

G_DEFINE_ENUM_TYPE (CohortsMilestoneState, cohorts_milestone_state,
  G_DEFINE_ENUM_VALUE (COHORTS_MILESTONE_SCHEDULED, "scheduled"),
  G_DEFINE_ENUM_VALUE (COHORTS_MILESTONE_PLANNED, "planned"),
  G_DEFINE_ENUM_VALUE (COHORTS_MILESTONE_DONE, "done"))

typedef struct
{
  const char *name;
  int weeks_before;   /* when it is due (a lasting step: when it ends) */
  int weeks;          /* how long it lasts; 0 for a point in time */
} StepInfo;

static const StepInfo steps[COHORTS_N_STEPS] = {
  [COHORTS_STEP_RESOLUTION] = { N_("Governing body resolution"), 30, 0 },
  [COHORTS_STEP_DIOCESAN_CONSENT] = { N_("Diocesan consent"), 28, 0 },
  [COHORTS_STEP_APPLICATION] = { N_("Application to the DfE"), 26, 0 },
  [COHORTS_STEP_ACADEMY_ORDER] = { N_("Academy order"), 20, 0 },
  [COHORTS_STEP_CONSULTATION] = { N_("Statutory consultation"), 12, 6 },
  [COHORTS_STEP_LAND_QUESTIONNAIRE] = { N_("Land questionnaire cleared"), 8, 0 },
  [COHORTS_STEP_LEASE] = { N_("125-year lease agreed"), 5, 0 },
  [COHORTS_STEP_SITE_TRUSTEES] = { N_("Site trustees’ consent"), 8, 0 },
  [COHORTS_STEP_CHURCH_AGREEMENT] = { N_("Church supplemental agreement"), 5, 0 },
  [COHORTS_STEP_TUPE] = { N_("TUPE consultation"), 4, 6 },
  [COHORTS_STEP_PAYROLL_NOTICE] = { N_("Local authority payroll notice"), 8, 0 },
  [COHORTS_STEP_COMMERCIAL_TRANSFER] = { N_("Commercial transfer agreement"), 3, 0 },
  [COHORTS_STEP_FUNDING_AGREEMENT] = { N_("Funding agreement signed"), 2, 0 },
  [COHORTS_STEP_CONVERSION] = { N_("Conversion"), 0, 0 },
};

#define DEFAULT_CHURCH_LEAD_WEEKS 6

struct _CohortsSchedule
{
  GObject parent_instance;

  int weeks_before[COHORTS_N_STEPS];
  int weeks[COHORTS_N_STEPS];
  int church_lead_weeks;
};

G_DEFINE_FINAL_TYPE (CohortsSchedule, cohorts_schedule, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
cohorts_schedule_class_init (CohortsScheduleClass *klass)
{
  /**
   * CohortsSchedule::changed:
   *
   * A timing changed.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
cohorts_schedule_init (CohortsSchedule *self)
{
  for (guint i = 0; i < COHORTS_N_STEPS; i++)
    {
      self->weeks_before[i] = steps[i].weeks_before;
      self->weeks[i] = steps[i].weeks;
    }
  self->church_lead_weeks = DEFAULT_CHURCH_LEAD_WEEKS;
}

/**
 * cohorts_schedule_new:
 *
 * Returns: (transfer full): the default timings
 */
CohortsSchedule *
cohorts_schedule_new (void)
{
  return g_object_new (COHORTS_TYPE_SCHEDULE, NULL);
}

int
cohorts_schedule_get_weeks_before (CohortsSchedule *self,
                                   CohortsStep      step)
{
  g_return_val_if_fail (COHORTS_IS_SCHEDULE (self), 0);
  g_return_val_if_fail (step < COHORTS_N_STEPS, 0);
  return self->weeks_before[step];
}

int
cohorts_schedule_get_weeks (CohortsSchedule *self,
                            CohortsStep      step)
{
  g_return_val_if_fail (COHORTS_IS_SCHEDULE (self), 0);
  g_return_val_if_fail (step < COHORTS_N_STEPS, 0);
  return self->weeks[step];
}

int
cohorts_schedule_get_church_lead_weeks (CohortsSchedule *self)
{
  g_return_val_if_fail (COHORTS_IS_SCHEDULE (self), 0);
  return self->church_lead_weeks;
}

/**
 * cohorts_schedule_set_timing:
 * @weeks_before: 0–104 weeks before the conversion that the step is due
 * @weeks: 0–52 weeks that it lasts (only steps that last have a length)
 *
 * Plain setter: edits of a plan's schedule go through CohortsPlan.
 */
void
cohorts_schedule_set_timing (CohortsSchedule *self,
                             CohortsStep      step,
                             int              weeks_before,
                             int              weeks)
{
  g_return_if_fail (COHORTS_IS_SCHEDULE (self));
  g_return_if_fail (step < COHORTS_N_STEPS);
  g_return_if_fail (weeks_before >= 0 && weeks_before <= 104);
  g_return_if_fail (weeks >= 0 && weeks <= 52);
  g_return_if_fail (cohorts_step_lasts (step) || weeks == 0);
  g_return_if_fail (step != COHORTS_STEP_CONVERSION || weeks_before == 0);

  if (self->weeks_before[step] == weeks_before && self->weeks[step] == weeks)
    return;
  self->weeks_before[step] = weeks_before;
  self->weeks[step] = weeks;
  g_signal_emit (self, signals[CHANGED], 0);
}

void
cohorts_schedule_set_church_lead_weeks (CohortsSchedule *self,
                                        int              weeks)
{
  g_return_if_fail (COHORTS_IS_SCHEDULE (self));
  g_return_if_fail (weeks >= 0 && weeks <= 52);

  if (self->church_lead_weeks == weeks)
    return;
  self->church_lead_weeks = weeks;
  g_signal_emit (self, signals[CHANGED], 0);
}

int
cohorts_schedule_default_weeks_before (CohortsStep step)
{
  g_return_val_if_fail (step < COHORTS_N_STEPS, 0);
  return steps[step].weeks_before;
}

int
cohorts_schedule_default_weeks (CohortsStep step)
{
  g_return_val_if_fail (step < COHORTS_N_STEPS, 0);
  return steps[step].weeks;
}

/**
 * cohorts_schedule_is_default:
 *
 * Returns: whether every timing is the default
 */
gboolean
cohorts_schedule_is_default (CohortsSchedule *self)
{
  g_return_val_if_fail (COHORTS_IS_SCHEDULE (self), TRUE);

  for (guint i = 0; i < COHORTS_N_STEPS; i++)
    if (self->weeks_before[i] != steps[i].weeks_before || self->weeks[i] != steps[i].weeks)
      return FALSE;
  return self->church_lead_weeks == DEFAULT_CHURCH_LEAD_WEEKS;
}

const char *
cohorts_step_get_name (CohortsStep step)
{
  g_return_val_if_fail (step < COHORTS_N_STEPS, "");
  return g_dgettext (GETTEXT_PACKAGE, steps[step].name);
}

/**
 * cohorts_step_lasts:
 *
 * Returns: whether @step is a period (a consultation) rather than a moment
 */
gboolean
cohorts_step_lasts (CohortsStep step)
{
  return step == COHORTS_STEP_CONSULTATION || step == COHORTS_STEP_TUPE;
}

/**
 * cohorts_step_applies:
 *
 * Returns: whether @school goes through @step: church schools through the
 *   church's steps, schools on local-authority land through the lease
 */
gboolean
cohorts_step_applies (CohortsStep    step,
                      CohortsSchool *school)
{
  g_return_val_if_fail (COHORTS_IS_SCHOOL (school), FALSE);

  switch (step)
    {
    case COHORTS_STEP_DIOCESAN_CONSENT:
    case COHORTS_STEP_SITE_TRUSTEES:
    case COHORTS_STEP_CHURCH_AGREEMENT:
      return cohorts_school_is_church_school (school);

    case COHORTS_STEP_LEASE:
      switch (cohorts_school_get_establishment_type (school))
        {
        case COHORTS_ESTABLISHMENT_COMMUNITY:
        case COHORTS_ESTABLISHMENT_COMMUNITY_SPECIAL:
        case COHORTS_ESTABLISHMENT_MAINTAINED_NURSERY:
        case COHORTS_ESTABLISHMENT_PUPIL_REFERRAL_UNIT:
          return TRUE;
        case COHORTS_ESTABLISHMENT_UNKNOWN:
        case COHORTS_ESTABLISHMENT_FOUNDATION:
        case COHORTS_ESTABLISHMENT_VOLUNTARY_CONTROLLED:
        case COHORTS_ESTABLISHMENT_VOLUNTARY_AIDED:
        case COHORTS_ESTABLISHMENT_FOUNDATION_SPECIAL:
        case COHORTS_ESTABLISHMENT_ACADEMY_CONVERTER:
        case COHORTS_ESTABLISHMENT_ACADEMY_SPONSOR_LED:
        case COHORTS_ESTABLISHMENT_ACADEMY_SPECIAL:
        case COHORTS_ESTABLISHMENT_ACADEMY_ALTERNATIVE_PROVISION:
        case COHORTS_ESTABLISHMENT_FREE_SCHOOL:
        case COHORTS_ESTABLISHMENT_UNIVERSITY_TECHNICAL_COLLEGE:
        case COHORTS_ESTABLISHMENT_STUDIO_SCHOOL:
        case COHORTS_ESTABLISHMENT_OTHER:
        default:
          return FALSE;
        }

    case COHORTS_STEP_RESOLUTION:
    case COHORTS_STEP_APPLICATION:
    case COHORTS_STEP_ACADEMY_ORDER:
    case COHORTS_STEP_CONSULTATION:
    case COHORTS_STEP_LAND_QUESTIONNAIRE:
    case COHORTS_STEP_TUPE:
    case COHORTS_STEP_PAYROLL_NOTICE:
    case COHORTS_STEP_COMMERCIAL_TRANSFER:
    case COHORTS_STEP_FUNDING_AGREEMENT:
    case COHORTS_STEP_CONVERSION:
    default:
      return TRUE;
    }
}

/**
 * cohorts_schedule_plan:
 * @milestones: (out caller-allocates): one entry a step; steps that do not
 *   apply to @school, or cannot be dated, have %COHORTS_DATE_NONE
 *
 * Plans @school's conversion back from its date: its own conversion date if
 * it has one, else its cohort's. Dates the school has of its own (planned or
 * done) are kept as they are; a step its church track dates (a consent
 * granted, the supplemental agreement signed, on a date) is done then.
 *
 * Returns: the conversion date, or %COHORTS_DATE_NONE when there is none
 */
CohortsDate
cohorts_schedule_plan (CohortsSchedule  *self,
                       CohortsSchool    *school,
                       CohortsMilestone  milestones[COHORTS_N_STEPS])
{
  CohortsDate conversion = COHORTS_DATE_NONE;
  gboolean church;

  g_return_val_if_fail (COHORTS_IS_SCHEDULE (self), COHORTS_DATE_NONE);
  g_return_val_if_fail (COHORTS_IS_SCHOOL (school), COHORTS_DATE_NONE);

  if (school->milestones[COHORTS_STEP_CONVERSION].state != COHORTS_MILESTONE_SCHEDULED)
    conversion = school->milestones[COHORTS_STEP_CONVERSION].date;
  else if (school->cohort != NULL)
    conversion = cohorts_cohort_get_date (school->cohort);

  church = cohorts_school_is_church_school (school);

  for (guint i = 0; i < COHORTS_N_STEPS; i++)
    {
      const CohortsMilestone *own = &school->milestones[i];
      CohortsMilestone *m = &milestones[i];
      int weeks_before = self->weeks_before[i];

      m->start = m->date = COHORTS_DATE_NONE;
      m->state = COHORTS_MILESTONE_SCHEDULED;

      if (!cohorts_step_applies (i, school))
        continue;

      if (own->state != COHORTS_MILESTONE_SCHEDULED)
        {
          *m = *own;
          if (cohorts_step_lasts (i) && m->start == COHORTS_DATE_NONE && m->date != COHORTS_DATE_NONE)
            m->start = m->date - self->weeks[i] * 7;
          continue;
        }

      /* A consent granted or an agreement signed on a date of the church
       * track is that step done. */
      if (cohorts_school_get_track_milestone (school, i, m))
        continue;

      if (conversion == COHORTS_DATE_NONE)
        continue;

      /* The diocese's consent comes first and takes time: church schools
       * start the steps up to the academy order sooner. */
      if (church && i <= COHORTS_STEP_ACADEMY_ORDER)
        weeks_before += self->church_lead_weeks;

      m->date = conversion - weeks_before * 7;
      if (cohorts_step_lasts (i))
        m->start = m->date - self->weeks[i] * 7;
    }

  return conversion;
}

/**
 * cohorts_schedule_lead_days:
 *
 * Returns: how many days before its conversion @school's first step starts
 *   when every step is as the template schedules it (dates of the school's
 *   own left aside): the length of its bar for any conversion date
 */
int
cohorts_schedule_lead_days (CohortsSchedule *self,
                            CohortsSchool   *school)
{
  gboolean church;
  int lead = 0;

  g_return_val_if_fail (COHORTS_IS_SCHEDULE (self), 0);
  g_return_val_if_fail (COHORTS_IS_SCHOOL (school), 0);

  church = cohorts_school_is_church_school (school);
  for (guint i = 0; i < COHORTS_N_STEPS; i++)
    {
      int weeks;

      if (!cohorts_step_applies (i, school))
        continue;
      weeks = self->weeks_before[i];
      if (church && i <= COHORTS_STEP_ACADEMY_ORDER)
        weeks += self->church_lead_weeks;
      if (cohorts_step_lasts (i))
        weeks += self->weeks[i];
      lead = MAX (lead, weeks * 7);
    }
  return lead;
}
