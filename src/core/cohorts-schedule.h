/* cohorts-schedule.h: the steps of a conversion, planned back from its date
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "cohorts-date.h"

G_BEGIN_DECLS

/* The steps of one school's conversion, in their usual order (DOMAIN.md). */
typedef enum
{
  COHORTS_STEP_RESOLUTION,
  COHORTS_STEP_DIOCESAN_CONSENT,
  COHORTS_STEP_APPLICATION,
  COHORTS_STEP_ACADEMY_ORDER,
  COHORTS_STEP_CONSULTATION,
  COHORTS_STEP_LAND_QUESTIONNAIRE,
  COHORTS_STEP_LEASE,
  COHORTS_STEP_SITE_TRUSTEES,
  COHORTS_STEP_CHURCH_AGREEMENT,
  COHORTS_STEP_TUPE,
  COHORTS_STEP_PAYROLL_NOTICE,
  COHORTS_STEP_COMMERCIAL_TRANSFER,
  COHORTS_STEP_FUNDING_AGREEMENT,
  COHORTS_STEP_CONVERSION,
} CohortsStep;

#define COHORTS_N_STEPS (COHORTS_STEP_CONVERSION + 1)

typedef enum
{
  COHORTS_MILESTONE_SCHEDULED,  /* from the template: no date of its own */
  COHORTS_MILESTONE_PLANNED,    /* a date set for this school */
  COHORTS_MILESTONE_DONE,       /* it happened, on that date */
} CohortsMilestoneState;

#define COHORTS_TYPE_STEP (cohorts_step_get_type ())
GType cohorts_step_get_type (void) G_GNUC_CONST;
#define COHORTS_TYPE_MILESTONE_STATE (cohorts_milestone_state_get_type ())
GType cohorts_milestone_state_get_type (void) G_GNUC_CONST;

/**
 * CohortsMilestone:
 * @start: when a step that lasts (a consultation) begins, else %COHORTS_DATE_NONE
 * @date: when the step is done (a consultation: when it ends)
 * @state: where @date comes from
 */
typedef struct
{
  CohortsDate start;
  CohortsDate date;
  CohortsMilestoneState state;
} CohortsMilestone;

#define COHORTS_TYPE_SCHEDULE (cohorts_schedule_get_type ())

G_DECLARE_FINAL_TYPE (CohortsSchedule, cohorts_schedule, COHORTS, SCHEDULE, GObject)

CohortsSchedule *cohorts_schedule_new                    (void);
int              cohorts_schedule_get_weeks_before       (CohortsSchedule *self,
                                                          CohortsStep      step);
int              cohorts_schedule_get_weeks              (CohortsSchedule *self,
                                                          CohortsStep      step);
int              cohorts_schedule_get_church_lead_weeks  (CohortsSchedule *self);
void             cohorts_schedule_set_timing             (CohortsSchedule *self,
                                                          CohortsStep      step,
                                                          int              weeks_before,
                                                          int              weeks);
void             cohorts_schedule_set_church_lead_weeks  (CohortsSchedule *self,
                                                          int              weeks);
int              cohorts_schedule_default_weeks_before   (CohortsStep      step);
int              cohorts_schedule_default_weeks          (CohortsStep      step);
gboolean         cohorts_schedule_is_default             (CohortsSchedule *self);

const char      *cohorts_step_get_name                   (CohortsStep      step);
gboolean         cohorts_step_lasts                      (CohortsStep      step);

G_END_DECLS

G_BEGIN_DECLS

typedef struct _CohortsSchool CohortsSchool;

gboolean    cohorts_step_applies      (CohortsStep       step,
                                       CohortsSchool    *school);
CohortsDate cohorts_schedule_plan     (CohortsSchedule  *self,
                                       CohortsSchool    *school,
                                       CohortsMilestone  milestones[COHORTS_N_STEPS]);
int         cohorts_schedule_lead_days (CohortsSchedule *self,
                                        CohortsSchool   *school);

G_END_DECLS
