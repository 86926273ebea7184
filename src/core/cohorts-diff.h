/* cohorts-diff.h: what changed between two versions of a plan
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cohorts-plan.h"

G_BEGIN_DECLS

/* In the order the summary counts them; plan-level kinds first. */
typedef enum
{
  COHORTS_CHANGE_PLAN,               /* the plan's title or start */
  COHORTS_CHANGE_TRUST,              /* a setting of the trust */
  COHORTS_CHANGE_READINESS,          /* the readiness framework */
  COHORTS_CHANGE_SCHEDULE,           /* the milestone template */
  COHORTS_CHANGE_COHORT_ADDED,
  COHORTS_CHANGE_COHORT_REMOVED,
  COHORTS_CHANGE_COHORT_RENAMED,     /* its name, or its id (same name) */
  COHORTS_CHANGE_COHORT_DATE,
  COHORTS_CHANGE_COHORT_STATUS,
  COHORTS_CHANGE_SCHOOL_JOINED,      /* joined the plan */
  COHORTS_CHANGE_SCHOOL_LEFT,        /* left the plan */
  COHORTS_CHANGE_SCHOOL_MOVED,       /* from one cohort to another */
  COHORTS_CHANGE_SCHOOL_ASSIGNED,    /* from no cohort into one */
  COHORTS_CHANGE_SCHOOL_UNASSIGNED,  /* from a cohort into none */
  COHORTS_CHANGE_SCHOOL_LATER,       /* same cohort, converts later */
  COHORTS_CHANGE_SCHOOL_EARLIER,     /* same cohort, converts earlier */
  COHORTS_CHANGE_SCHOOL_DETAILS,     /* Ofsted grade, pupils, budget, readiness… */
} CohortsChangeKind;

#define COHORTS_N_CHANGE_KINDS (COHORTS_CHANGE_SCHOOL_DETAILS + 1)

/**
 * CohortsChange:
 * @kind: what sort of change
 * @subject: what it is about, as findings say it: "plan", "cohort:ID" or
 *   "school:URN" (of the new plan, or of the old for what was removed)
 * @message: the change in words a board paper can use
 * @months: for a change of conversion date, how many months later (or,
 *   negative, earlier); 0 otherwise or when a date is missing
 */
typedef struct
{
  CohortsChangeKind kind;
  char *subject;
  char *message;
  int months;
} CohortsChange;

#define COHORTS_TYPE_CHANGE (cohorts_change_get_type ())

GType          cohorts_change_get_type      (void) G_GNUC_CONST;
CohortsChange *cohorts_change_copy          (const CohortsChange *change);
void           cohorts_change_free          (CohortsChange       *change);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CohortsChange, cohorts_change_free)

const char    *cohorts_change_kind_to_token (CohortsChangeKind    kind);
gboolean       cohorts_change_kind_is_school (CohortsChangeKind   kind);
gboolean       cohorts_change_kind_is_cohort (CohortsChangeKind   kind);

GPtrArray     *cohorts_diff_plans           (CohortsPlan         *old_plan,
                                             CohortsPlan         *new_plan);
GPtrArray     *cohorts_diff_baseline        (CohortsBaseline     *baseline,
                                             CohortsPlan         *plan);
CohortsPlan   *cohorts_baseline_to_plan     (CohortsBaseline     *baseline);
char          *cohorts_diff_summarize       (GPtrArray           *changes);

G_END_DECLS
