/* cohorts-readiness.h: how ready a school is to convert
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "cohorts-date.h"

G_BEGIN_DECLS

/* The criteria of DOMAIN.md's "Readiness", in the order shown and saved. */
typedef enum
{
  COHORTS_CRITERION_INSPECTION,
  COHORTS_CRITERION_FINANCES,
  COHORTS_CRITERION_RESOLUTION,
  COHORTS_CRITERION_CONSULTATION,
  COHORTS_CRITERION_LAND,
  COHORTS_CRITERION_STAFF,
  COHORTS_CRITERION_DIOCESAN_CONSENT,
  COHORTS_CRITERION_LEADERSHIP,
  COHORTS_CRITERION_VIABILITY,
} CohortsCriterion;

#define COHORTS_N_CRITERIA (COHORTS_CRITERION_VIABILITY + 1)

typedef enum
{
  COHORTS_ANSWER_NONE,            /* not assessed: counts as not met */
  COHORTS_ANSWER_MET,
  COHORTS_ANSWER_PARTLY,
  COHORTS_ANSWER_NOT_MET,
  COHORTS_ANSWER_NOT_APPLICABLE,  /* left out of the score */
} CohortsAnswerState;

typedef enum
{
  COHORTS_RAG_NOT_ASSESSED,
  COHORTS_RAG_RED,
  COHORTS_RAG_AMBER,
  COHORTS_RAG_GREEN,
} CohortsRag;

#define COHORTS_N_RAGS (COHORTS_RAG_GREEN + 1)

/* A school's answer on one criterion; the note is owned by whoever holds it. */
typedef struct
{
  CohortsAnswerState state;
  char *note;          /* NULL when there is none */
  CohortsDate date;    /* of the evidence, or COHORTS_DATE_NONE */
} CohortsAnswer;

#define COHORTS_WEIGHT_MIN 1
#define COHORTS_WEIGHT_MAX 10

/* The plan's framework: a value, compared with memcmp. */
typedef struct
{
  int weights[COHORTS_N_CRITERIA];        /* 1–10 */
  gboolean critical[COHORTS_N_CRITERIA];  /* "not met" makes a school red */
  int green_min;                          /* percent, amber_min–100 */
  int amber_min;                          /* percent, 0–green_min */
} CohortsFramework;

typedef struct
{
  guint counted;        /* criteria that count for the school */
  guint not_assessed;   /* of those, without an answer */
  guint64 points;       /* twice the weights met, plus the weights partly met */
  guint64 out_of;       /* twice the weights counted */
  gboolean critical_not_met;
  CohortsRag rag;
} CohortsReadinessScore;

const char *cohorts_criterion_get_id          (CohortsCriterion criterion);
const char *cohorts_criterion_get_name        (CohortsCriterion criterion);
gboolean    cohorts_criterion_is_church_only  (CohortsCriterion criterion);
gboolean    cohorts_criterion_from_id         (const char      *id,
                                               CohortsCriterion *criterion);

const char *cohorts_answer_state_to_token     (CohortsAnswerState state);
gboolean    cohorts_answer_state_from_token   (const char         *token,
                                               CohortsAnswerState *state);
const char *cohorts_answer_state_get_name     (CohortsAnswerState state);

const char *cohorts_rag_get_name              (CohortsRag rag);
const char *cohorts_rag_get_icon_name         (CohortsRag rag);

void        cohorts_framework_init_default    (CohortsFramework *framework);
gboolean    cohorts_framework_is_default      (const CohortsFramework *framework);
gboolean    cohorts_framework_is_valid        (const CohortsFramework *framework);

void        cohorts_readiness_score           (const CohortsFramework *framework,
                                               gboolean                church_school,
                                               const CohortsAnswer    *answers,
                                               CohortsReadinessScore  *score);
int         cohorts_readiness_score_percent   (const CohortsReadinessScore *score);
char       *cohorts_readiness_score_describe  (const CohortsReadinessScore *score);

void        cohorts_answer_clear              (CohortsAnswer *answer);
gboolean    cohorts_answer_equal              (const CohortsAnswer *a,
                                               const CohortsAnswer *b);

/* The plan's framework as an object that says when it changes. */
#define COHORTS_TYPE_READINESS (cohorts_readiness_get_type ())
G_DECLARE_FINAL_TYPE (CohortsReadiness, cohorts_readiness, COHORTS, READINESS, GObject)

CohortsReadiness       *cohorts_readiness_new            (void);
const CohortsFramework *cohorts_readiness_get_framework  (CohortsReadiness       *self);
void                    cohorts_readiness_set_framework  (CohortsReadiness       *self,
                                                          const CohortsFramework *framework);

G_END_DECLS
