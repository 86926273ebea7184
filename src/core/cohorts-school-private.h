/* cohorts-school-private.h: what the plan and the loader may do to a school
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cohorts-schedule.h"
#include "cohorts-school.h"

G_BEGIN_DECLS

struct _CohortsSchool
{
  GObject parent_instance;

  guint urn;
  guint academy_urn;
  char *name;
  CohortsPhase phase;
  CohortsEstablishmentType establishment_type;
  int low_age;
  int high_age;
  CohortsReligiousCharacter religious_character;
  int pupils;
  int capacity;
  gboolean small;
  gboolean rural;
  gboolean locked;        /* the suggester leaves it where it is */
  char *town;
  char *postcode;
  char *la_code;
  char *la_name;
  char *diocese_code;
  char *diocese_name;
  char *current_trust_reference;
  char *current_trust_name;
  CohortsOfstedGrade ofsted_grade;
  CohortsDate ofsted_date;
  CohortsDate report_card_date;
  CohortsSafeguarding safeguarding;
  CohortsReportGrade report_grades[COHORTS_N_REPORT_AREAS];
  CohortsSiamsOutcome siams_outcome;
  CohortsDate siams_date;
  gint64 budget_balance;
  CohortsDate budget_date;
  gboolean recovery_plan;
  gboolean pfi;
  char *notes;

  /* The church track of a church school (format version 7). */
  CohortsConsent diocesan_consent;
  CohortsDate diocesan_consent_requested;
  CohortsDate diocesan_consent_decided;
  CohortsConsent site_trustees_consent;
  CohortsDate site_trustees_consent_requested;
  CohortsDate site_trustees_consent_decided;
  CohortsAgreementStage supplemental_agreement;
  CohortsDate supplemental_agreement_date;
  CohortsAgreementStage memorandum;
  CohortsDate memorandum_date;
  int foundation_governors;   /* of the local governing body, appointed by the church */
  int governors;              /* the whole local governing body */

  /* Dates of the school's own for steps of its conversion (planned or done);
   * COHORTS_MILESTONE_SCHEDULED where the plan's schedule decides. */
  CohortsMilestone milestones[COHORTS_N_STEPS];

  /* Answers on the readiness criteria; state COHORTS_ANSWER_NONE where
   * there is none. */
  CohortsAnswer answers[COHORTS_N_CRITERIA];

  /* Not owned: the cohort the school is in, set by the plan. */
  CohortsCohort *cohort;

  /* Serialised elements of other namespaces, kept as read. */
  GPtrArray *extensions;
};

void       cohorts_school_set_cohort     (CohortsSchool          *self,
                                          CohortsCohort          *cohort);
void       cohorts_school_set_milestone  (CohortsSchool          *self,
                                          CohortsStep             step,
                                          const CohortsMilestone *milestone);
gboolean   cohorts_school_get_track_milestone (CohortsSchool    *self,
                                               CohortsStep       step,
                                               CohortsMilestone *milestone);
void       cohorts_school_set_answer     (CohortsSchool          *self,
                                          CohortsCriterion        criterion,
                                          const CohortsAnswer    *answer);

G_END_DECLS
