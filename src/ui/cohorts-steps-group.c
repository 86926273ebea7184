/* cohorts-steps-group.c: the steps of a school's conversion, with their dates
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A row for each step of the conversion that applies to the school, in
 * their order, dated as the plan's schedule plans them back from the
 * school's conversion (cohorts_schedule_plan()). The rows follow the plan:
 * its edits, undo and redo, its schedule, the school's own dates, and
 * which steps apply (a school that becomes a church school gains the
 * church's steps).
 */
#define G_LOG_DOMAIN "cohorts-steps-group"

#include "config.h"

#include <glib/gi18n.h>

#include "cohorts-step-row.h"
#include "cohorts-ui-util.h"

#include "cohorts-steps-group.h"

struct _CohortsStepsGroup
{
  AdwPreferencesGroup parent_instance;

  CohortsPlan *plan;
  CohortsSchedule *schedule;
  CohortsSchool *school;
  GtkWidget *rows[COHORTS_N_STEPS];
  guint refresh_source;
};

G_DEFINE_FINAL_TYPE (CohortsStepsGroup, cohorts_steps_group, ADW_TYPE_PREFERENCES_GROUP)

enum {
  PROBLEM,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
refresh (gpointer user_data)
{
  CohortsStepsGroup *self = user_data;
  CohortsMilestone milestones[COHORTS_N_STEPS];
  CohortsDate conversion;

  self->refresh_source = 0;
  if (self->school == NULL)
    return G_SOURCE_REMOVE;

  conversion = cohorts_schedule_plan (self->schedule, self->school, milestones);
  for (CohortsStep step = 0; step < COHORTS_N_STEPS; step++)
    {
      gboolean applies = cohorts_step_applies (step, self->school);

      gtk_widget_set_visible (self->rows[step], applies);
      if (applies)
        cohorts_step_row_show (COHORTS_STEP_ROW (self->rows[step]), self->plan, self->school, &milestones[step]);
    }

  if (conversion != COHORTS_DATE_NONE)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                           _("Planned back from the conversion by the plan’s schedule, "
                                             "unless a step has a date of its own"));
  else if (cohorts_school_get_cohort (self->school) == NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                           _("Not in a cohort: no dates yet. Move the school to a cohort, "
                                             "or give its conversion a date of its own."));
  else
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                           _("Its cohort has no conversion date yet"));

  return G_SOURCE_REMOVE;
}

static void
changed_cb (CohortsStepsGroup *self)
{
  cohorts_schedule_before_frame (&self->refresh_source, refresh, self);
}

static void
row_problem_cb (CohortsStepsGroup *self,
                const char        *message)
{
  g_signal_emit (self, signals[PROBLEM], 0, message);
}

static void
disconnect_all (CohortsStepsGroup *self)
{
  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_data (self->plan, self);
  if (self->schedule != NULL)
    g_signal_handlers_disconnect_by_data (self->schedule, self);
  if (self->school != NULL)
    g_signal_handlers_disconnect_by_data (self->school, self);
}

static void
cohorts_steps_group_dispose (GObject *object)
{
  CohortsStepsGroup *self = (CohortsStepsGroup *) object;

  disconnect_all (self);
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  g_clear_object (&self->school);
  g_clear_object (&self->schedule);
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (cohorts_steps_group_parent_class)->dispose (object);
}

static void
cohorts_steps_group_class_init (CohortsStepsGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cohorts_steps_group_dispose;

  /**
   * CohortsStepsGroup::problem:
   * @message: why a change was refused
   */
  signals[PROBLEM] =
    g_signal_new ("problem", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
cohorts_steps_group_init (CohortsStepsGroup *self)
{
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Conversion Steps"));

  for (CohortsStep step = 0; step < COHORTS_N_STEPS; step++)
    {
      self->rows[step] = cohorts_step_row_new (step);
      g_signal_connect_swapped (self->rows[step], "problem", G_CALLBACK (row_problem_cb), self);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), self->rows[step]);
    }
}

GtkWidget *
cohorts_steps_group_new (void)
{
  return g_object_new (COHORTS_TYPE_STEPS_GROUP, NULL);
}

/**
 * cohorts_steps_group_set_school:
 * @plan: (nullable): the plan @school belongs to
 * @school: (nullable): the school whose steps to show
 */
void
cohorts_steps_group_set_school (CohortsStepsGroup *self,
                                CohortsPlan       *plan,
                                CohortsSchool     *school)
{
  g_return_if_fail (COHORTS_IS_STEPS_GROUP (self));
  g_return_if_fail (school == NULL || COHORTS_IS_PLAN (plan));

  if (self->plan == plan && self->school == school)
    return;

  disconnect_all (self);

  g_set_object (&self->plan, plan);
  if (plan != NULL)
    g_set_object (&self->schedule, cohorts_plan_get_schedule (plan));
  else
    g_clear_object (&self->schedule);
  g_set_object (&self->school, school);

  if (school != NULL)
    {
      g_signal_connect_object (plan, "changed", G_CALLBACK (changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->schedule, "changed", G_CALLBACK (changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (school, "milestone-changed", G_CALLBACK (changed_cb), self, G_CONNECT_SWAPPED);
    }

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  refresh (self);
}

/**
 * cohorts_steps_group_get_row:
 *
 * Returns: (transfer none): the #CohortsStepRow of @step; hidden when the
 *   step does not apply to the school
 */
GtkWidget *
cohorts_steps_group_get_row (CohortsStepsGroup *self,
                             CohortsStep        step)
{
  g_return_val_if_fail (COHORTS_IS_STEPS_GROUP (self), NULL);
  g_return_val_if_fail (step < COHORTS_N_STEPS, NULL);
  return self->rows[step];
}
