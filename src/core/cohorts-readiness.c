/* cohorts-readiness.c: how ready a school is to convert
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A school answers each criterion of the plan's framework: met (counts its
 * whole weight), partly (half), not met (none) or not applicable (left out).
 * Criteria for church schools only are left out for other schools. A
 * criterion without an answer counts as not met and is reported as not
 * assessed; a school with no answer that counts is not assessed at all, and
 * has no RAG rating. Otherwise it is red when a critical criterion is not met
 * (or not assessed), and else green, amber or red by its score against the
 * framework's thresholds.
 *
 * Scores are kept in half-weights, so that every comparison is exact.
 */

#define G_LOG_DOMAIN "cohorts-readiness"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cohorts-readiness.h"

static const struct
{
  const char *id;
  const char *name;
  int weight;
  gboolean critical;
  gboolean church_only;
} criteria[COHORTS_N_CRITERIA] = {
  [COHORTS_CRITERION_INSPECTION] = { "inspection", N_("Inspection outcome"), 8, FALSE, FALSE },
  [COHORTS_CRITERION_FINANCES] = { "finances", N_("Finances and a sustainable budget"), 8, FALSE, FALSE },
  [COHORTS_CRITERION_RESOLUTION] = { "resolution", N_("Governing body resolution"), 10, TRUE, FALSE },
  [COHORTS_CRITERION_CONSULTATION] = { "consultation", N_("Consultation"), 5, FALSE, FALSE },
  [COHORTS_CRITERION_LAND] = { "land", N_("Land and buildings"), 6, FALSE, FALSE },
  [COHORTS_CRITERION_STAFF] = { "staff", N_("Staff and TUPE"), 5, FALSE, FALSE },
  [COHORTS_CRITERION_DIOCESAN_CONSENT] = { "diocesan-consent", N_("Diocesan consent"), 10, TRUE, TRUE },
  [COHORTS_CRITERION_LEADERSHIP] = { "leadership", N_("Leadership stability"), 6, FALSE, FALSE },
  [COHORTS_CRITERION_VIABILITY] = { "viability", N_("Pupil numbers and viability"), 5, FALSE, FALSE },
};

static const char * const state_tokens[] = {
  [COHORTS_ANSWER_NONE] = NULL,
  [COHORTS_ANSWER_MET] = "met",
  [COHORTS_ANSWER_PARTLY] = "partly",
  [COHORTS_ANSWER_NOT_MET] = "not-met",
  [COHORTS_ANSWER_NOT_APPLICABLE] = "not-applicable",
};

const char *
cohorts_criterion_get_id (CohortsCriterion criterion)
{
  g_return_val_if_fail (criterion < COHORTS_N_CRITERIA, NULL);
  return criteria[criterion].id;
}

const char *
cohorts_criterion_get_name (CohortsCriterion criterion)
{
  g_return_val_if_fail (criterion < COHORTS_N_CRITERIA, NULL);
  return _(criteria[criterion].name);
}

gboolean
cohorts_criterion_is_church_only (CohortsCriterion criterion)
{
  g_return_val_if_fail (criterion < COHORTS_N_CRITERIA, FALSE);
  return criteria[criterion].church_only;
}

gboolean
cohorts_criterion_from_id (const char       *id,
                           CohortsCriterion *criterion)
{
  for (guint i = 0; i < COHORTS_N_CRITERIA; i++)
    if (g_strcmp0 (id, criteria[i].id) == 0)
      {
        *criterion = i;
        return TRUE;
      }
  return FALSE;
}

const char *
cohorts_answer_state_to_token (CohortsAnswerState state)
{
  g_return_val_if_fail (state <= COHORTS_ANSWER_NOT_APPLICABLE, NULL);
  return state_tokens[state];
}

gboolean
cohorts_answer_state_from_token (const char         *token,
                                 CohortsAnswerState *state)
{
  for (guint i = COHORTS_ANSWER_MET; i <= COHORTS_ANSWER_NOT_APPLICABLE; i++)
    if (g_strcmp0 (token, state_tokens[i]) == 0)
      {
        *state = i;
        return TRUE;
      }
  return FALSE;
}

const char *
cohorts_answer_state_get_name (CohortsAnswerState state)
{
  /* Translators: a school's answer on a readiness criterion */
  switch (state)
    {
    case COHORTS_ANSWER_NONE: return C_("answer", "Not assessed");
    case COHORTS_ANSWER_MET: return C_("answer", "Met");
    case COHORTS_ANSWER_PARTLY: return C_("answer", "Partly met");
    case COHORTS_ANSWER_NOT_MET: return C_("answer", "Not met");
    case COHORTS_ANSWER_NOT_APPLICABLE: return C_("answer", "Not applicable");
    default: g_return_val_if_reached (NULL);
    }
}

const char *
cohorts_rag_get_name (CohortsRag rag)
{
  switch (rag)
    {
    case COHORTS_RAG_NOT_ASSESSED: return _("Not assessed");
    /* Translators: a school's readiness rating */
    case COHORTS_RAG_RED: return C_("readiness", "Red");
    /* Translators: a school's readiness rating */
    case COHORTS_RAG_AMBER: return C_("readiness", "Amber");
    /* Translators: a school's readiness rating */
    case COHORTS_RAG_GREEN: return C_("readiness", "Green");
    default: g_return_val_if_reached (NULL);
    }
}

const char *
cohorts_rag_get_icon_name (CohortsRag rag)
{
  switch (rag)
    {
    case COHORTS_RAG_NOT_ASSESSED: return "dialog-question-symbolic";
    case COHORTS_RAG_RED: return "dialog-error-symbolic";
    case COHORTS_RAG_AMBER: return "dialog-warning-symbolic";
    case COHORTS_RAG_GREEN: return "emblem-ok-symbolic";
    default: g_return_val_if_reached (NULL);
    }
}

/**
 * cohorts_framework_init_default:
 *
 * The framework a new plan starts with: DOMAIN.md's criteria, the governing
 * body's resolution and the diocese's consent critical (no school converts
 * without them), green from 75%, amber from 50%.
 */
void
cohorts_framework_init_default (CohortsFramework *framework)
{
  memset (framework, 0, sizeof *framework);
  for (guint i = 0; i < COHORTS_N_CRITERIA; i++)
    {
      framework->weights[i] = criteria[i].weight;
      framework->critical[i] = criteria[i].critical;
    }
  framework->green_min = 75;
  framework->amber_min = 50;
}

gboolean
cohorts_framework_is_default (const CohortsFramework *framework)
{
  CohortsFramework d;

  cohorts_framework_init_default (&d);
  return memcmp (&d, framework, sizeof d) == 0;
}

gboolean
cohorts_framework_is_valid (const CohortsFramework *framework)
{
  for (guint i = 0; i < COHORTS_N_CRITERIA; i++)
    if (framework->weights[i] < COHORTS_WEIGHT_MIN || framework->weights[i] > COHORTS_WEIGHT_MAX ||
        (framework->critical[i] != FALSE && framework->critical[i] != TRUE))
      return FALSE;
  return framework->amber_min >= 0 && framework->amber_min <= framework->green_min &&
         framework->green_min <= 100;
}

/**
 * cohorts_readiness_score:
 * @answers: (array fixed-size=9): the school's answers, by criterion
 * @score: (out caller-allocates): the result
 *
 * Weighs a school's answers against @framework. Pure: the same answers
 * always give the same score.
 */
void
cohorts_readiness_score (const CohortsFramework *framework,
                         gboolean                church_school,
                         const CohortsAnswer    *answers,
                         CohortsReadinessScore  *score)
{
  memset (score, 0, sizeof *score);

  for (guint i = 0; i < COHORTS_N_CRITERIA; i++)
    {
      guint64 weight = framework->weights[i];

      if (criteria[i].church_only && !church_school)
        continue;
      if (answers[i].state == COHORTS_ANSWER_NOT_APPLICABLE)
        continue;

      score->counted++;
      score->out_of += 2 * weight;
      switch (answers[i].state)
        {
        case COHORTS_ANSWER_MET:
          score->points += 2 * weight;
          break;
        case COHORTS_ANSWER_PARTLY:
          score->points += weight;
          break;
        case COHORTS_ANSWER_NONE:
          score->not_assessed++;
          G_GNUC_FALLTHROUGH;
        case COHORTS_ANSWER_NOT_MET:
        case COHORTS_ANSWER_NOT_APPLICABLE:
        default:
          if (framework->critical[i])
            score->critical_not_met = TRUE;
          break;
        }
    }

  if (score->not_assessed == score->counted)
    score->rag = COHORTS_RAG_NOT_ASSESSED;
  else if (score->critical_not_met)
    score->rag = COHORTS_RAG_RED;
  else if (score->points * 100 >= (guint64) framework->green_min * score->out_of)
    score->rag = COHORTS_RAG_GREEN;
  else if (score->points * 100 >= (guint64) framework->amber_min * score->out_of)
    score->rag = COHORTS_RAG_AMBER;
  else
    score->rag = COHORTS_RAG_RED;
}

/**
 * cohorts_readiness_score_percent:
 *
 * Returns: the score as a whole percentage, rounded down (0 when nothing
 *   counts)
 */
int
cohorts_readiness_score_percent (const CohortsReadinessScore *score)
{
  if (score->out_of == 0)
    return 0;
  return (int) (score->points * 100 / score->out_of);
}

/**
 * cohorts_readiness_score_describe:
 *
 * Returns: (transfer full): @score in words, as the school list, the
 *   timeline and the board pack show it: "Amber (62 %)", or "Not assessed"
 */
char *
cohorts_readiness_score_describe (const CohortsReadinessScore *score)
{
  g_return_val_if_fail (score != NULL, NULL);

  if (score->rag == COHORTS_RAG_NOT_ASSESSED)
    return g_strdup (cohorts_rag_get_name (score->rag));
  /* Translators: a school's readiness, its rating and score: "Amber (62%)" */
  return g_strdup_printf (_("%s (%d%%)"), cohorts_rag_get_name (score->rag),
                          cohorts_readiness_score_percent (score));
}

void
cohorts_answer_clear (CohortsAnswer *answer)
{
  g_clear_pointer (&answer->note, g_free);
  answer->state = COHORTS_ANSWER_NONE;
  answer->date = COHORTS_DATE_NONE;
}

gboolean
cohorts_answer_equal (const CohortsAnswer *a,
                      const CohortsAnswer *b)
{
  return a->state == b->state && a->date == b->date && g_strcmp0 (a->note, b->note) == 0;
}

struct _CohortsReadiness
{
  GObject parent_instance;
  CohortsFramework framework;
};

G_DEFINE_FINAL_TYPE (CohortsReadiness, cohorts_readiness, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
cohorts_readiness_class_init (CohortsReadinessClass *klass)
{
  /**
   * CohortsReadiness::changed:
   *
   * A weight, a criterion's being critical or a threshold changed.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
cohorts_readiness_init (CohortsReadiness *self)
{
  cohorts_framework_init_default (&self->framework);
}

CohortsReadiness *
cohorts_readiness_new (void)
{
  return g_object_new (COHORTS_TYPE_READINESS, NULL);
}

const CohortsFramework *
cohorts_readiness_get_framework (CohortsReadiness *self)
{
  g_return_val_if_fail (COHORTS_IS_READINESS (self), NULL);
  return &self->framework;
}

/**
 * cohorts_readiness_set_framework:
 *
 * Replaces the framework, without undo (the plan's edits and the loader
 * call this).
 */
void
cohorts_readiness_set_framework (CohortsReadiness       *self,
                                 const CohortsFramework *framework)
{
  g_return_if_fail (COHORTS_IS_READINESS (self));
  g_return_if_fail (cohorts_framework_is_valid (framework));

  if (memcmp (&self->framework, framework, sizeof *framework) == 0)
    return;
  self->framework = *framework;
  g_signal_emit (self, signals[CHANGED], 0);
}
