/* cohorts-checks.h: what is wrong with a plan, as findings
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cohorts-plan.h"

G_BEGIN_DECLS

/**
 * CohortsFinding:
 * @severity: how much it matters; an error blocks the plan
 * @code: a stable identifier of the rule ("cohort-date-not-first")
 * @subject: what it is about: "plan", "cohort:ID" or "school:URN"
 * @message: what is wrong, for people
 * @suggestion: (nullable): what would fix it, for people
 */
typedef struct
{
  CohortsSeverity severity;
  char *code;
  char *subject;
  char *message;
  char *suggestion;
} CohortsFinding;

#define COHORTS_TYPE_FINDING (cohorts_finding_get_type ())

GType           cohorts_finding_get_type (void) G_GNUC_CONST;
CohortsFinding *cohorts_finding_copy     (const CohortsFinding *finding);
void            cohorts_finding_free     (CohortsFinding       *finding);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CohortsFinding, cohorts_finding_free)

GPtrArray      *cohorts_checks_run        (CohortsPlan          *plan);
GPtrArray      *cohorts_checks_run_at     (CohortsPlan          *plan,
                                           CohortsDate           today);
char           *cohorts_finding_describe_subject (const CohortsFinding *finding,
                                                  CohortsPlan          *plan);
gboolean        cohorts_finding_get_period (const CohortsFinding *finding,
                                            CohortsDate          *from,
                                            CohortsDate          *to);
guint           cohorts_checks_count      (GPtrArray            *findings,
                                           CohortsSeverity       severity);

G_END_DECLS
