/* cohorts-suggest.h: proposing which cohort each school joins, and when
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cohorts-plan.h"

G_BEGIN_DECLS

typedef enum
{
  COHORTS_SUGGEST_UNASSIGNED,   /* place the schools without a cohort */
  COHORTS_SUGGEST_ALL,          /* place every school that is not settled */
} CohortsSuggestScope;

typedef enum
{
  COHORTS_SUGGEST_TERMLY,       /* new cohorts on 1 September, 1 January and 1 April */
  COHORTS_SUGGEST_YEARLY,       /* new cohorts on 1 September */
} CohortsSuggestCadence;

/* Schools a cohort, at most, when the trust does not say how many
 * conversions its team can run at once. */
#define COHORTS_SUGGEST_DEFAULT_MAX_SIZE 6

typedef struct
{
  CohortsSuggestScope scope;
  CohortsSuggestCadence cadence;
  guint max_size;            /* schools a cohort, at most (at least 1) */
  gboolean one_at_a_time;    /* after the first cohort, one school a cohort */
  CohortsDate today;         /* no step is planned before it */
} CohortsSuggestOptions;

/* One cohort of the proposal: one the plan has, or a new one. */
typedef struct
{
  CohortsCohort *cohort;     /* the plan's (a reference), or NULL: new */
  char *name;                /* the name a new one will have */
  CohortsDate date;
  guint n_placed;            /* schools the proposal puts in it */
} CohortsSuggestedCohort;

typedef enum
{
  COHORTS_PLACED_EARLIEST,        /* the first cohort with room */
  COHORTS_PLACED_LEAD_TIME,       /* its steps cannot be done sooner */
  COHORTS_PLACED_SUPPORT,         /* waits for enough strong academies */
  COHORTS_PLACED_SUPPORT_UNMET,   /* no month has enough strong academies */
  COHORTS_PLACED_THROUGHPUT,      /* earlier cohorts or terms are full */
} CohortsPlacedBecause;

/* Where one school goes, and why. */
typedef struct
{
  CohortsSchool *school;         /* a reference */
  guint cohort;                  /* index into the proposal's cohorts */
  CohortsPlacedBecause because;
  char *reason;                  /* in words, for the user */
} CohortsPlacement;

typedef struct _CohortsSuggestion CohortsSuggestion;

void                          cohorts_suggest_options_init      (CohortsSuggestOptions  *options,
                                                                 CohortsPlan            *plan);
CohortsSuggestion            *cohorts_suggest                   (CohortsPlan            *plan,
                                                                 const CohortsSuggestOptions *options);
void                          cohorts_suggestion_free           (CohortsSuggestion      *suggestion);

guint                         cohorts_suggestion_get_n_placements (CohortsSuggestion    *self);
const CohortsPlacement       *cohorts_suggestion_get_placement  (CohortsSuggestion      *self,
                                                                 guint                   i);
guint                         cohorts_suggestion_get_n_cohorts  (CohortsSuggestion      *self);
const CohortsSuggestedCohort *cohorts_suggestion_get_cohort     (CohortsSuggestion      *self,
                                                                 guint                   i);
GPtrArray                    *cohorts_suggestion_get_emptied    (CohortsSuggestion      *self);
const char *const            *cohorts_suggestion_get_tradeoffs  (CohortsSuggestion      *self);
guint                         cohorts_suggestion_count_moves    (CohortsSuggestion      *self);
void                          cohorts_suggestion_apply          (CohortsSuggestion      *self,
                                                                 CohortsPlan            *plan);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CohortsSuggestion, cohorts_suggestion_free)

G_END_DECLS
