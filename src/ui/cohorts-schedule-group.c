/* cohorts-schedule-group.c: the plan's schedule of conversion steps
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How many weeks before the conversion each step is due, how long the steps
 * that last take, and how much sooner church schools start: one spin button
 * each, every change one undoable step of the plan. "Restore Defaults" puts
 * every timing back as one step. The spin buttons follow the schedule, so
 * undo and redo show.
 */
#define G_LOG_DOMAIN "cohorts-schedule-group"

#include "config.h"

#include <glib/gi18n.h>

#include "cohorts-schedule-group.h"

struct _CohortsScheduleGroup
{
  AdwPreferencesGroup parent_instance;

  GtkWidget *restore;
  GtkSpinButton *weeks_before[COHORTS_N_STEPS];
  GtkSpinButton *weeks[COHORTS_N_STEPS];     /* NULL for a step that does not last */
  GtkSpinButton *church_lead;

  CohortsPlan *plan;
  CohortsSchedule *schedule;
  gboolean updating;     /* showing the schedule: not an edit */
};

G_DEFINE_FINAL_TYPE (CohortsScheduleGroup, cohorts_schedule_group, ADW_TYPE_PREFERENCES_GROUP)

static void
show_value (GtkSpinButton *spin,
            int            value)
{
  /* Only when it differs: setting the same value would undo what is typed. */
  if (gtk_spin_button_get_value_as_int (spin) != value)
    gtk_spin_button_set_value (spin, value);
}

static void
update (CohortsScheduleGroup *self)
{
  if (self->schedule == NULL)
    return;

  self->updating = TRUE;
  for (CohortsStep step = 0; step < COHORTS_STEP_CONVERSION; step++)
    {
      show_value (self->weeks_before[step], cohorts_schedule_get_weeks_before (self->schedule, step));
      if (self->weeks[step] != NULL)
        show_value (self->weeks[step], cohorts_schedule_get_weeks (self->schedule, step));
    }
  show_value (self->church_lead, cohorts_schedule_get_church_lead_weeks (self->schedule));
  gtk_widget_set_sensitive (self->restore, !cohorts_schedule_is_default (self->schedule));
  self->updating = FALSE;
}

static void
timing_changed_cb (GtkSpinButton        *spin,
                   CohortsScheduleGroup *self)
{
  CohortsStep step = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (spin), "step"));

  if (self->updating || self->plan == NULL)
    return;

  cohorts_plan_set_step_timing (self->plan, step,
                                gtk_spin_button_get_value_as_int (self->weeks_before[step]),
                                self->weeks[step] ? gtk_spin_button_get_value_as_int (self->weeks[step]) : 0);
}

static void
church_lead_changed_cb (GtkSpinButton        *spin,
                        CohortsScheduleGroup *self)
{
  if (self->updating || self->plan == NULL)
    return;

  cohorts_plan_set_church_lead_weeks (self->plan, gtk_spin_button_get_value_as_int (spin));
}

static void
restore_clicked_cb (CohortsScheduleGroup *self)
{
  g_autoptr(CohortsSchedule) defaults = cohorts_schedule_new ();

  if (self->plan == NULL)
    return;

  cohorts_plan_begin_edit (self->plan, _("Restore Default Schedule"));
  for (CohortsStep step = 0; step < COHORTS_N_STEPS; step++)
    cohorts_plan_set_step_timing (self->plan, step,
                                  cohorts_schedule_default_weeks_before (step),
                                  cohorts_schedule_default_weeks (step));
  cohorts_plan_set_church_lead_weeks (self->plan, cohorts_schedule_get_church_lead_weeks (defaults));
  cohorts_plan_end_edit (self->plan);
}

/* A row with a spin button of weeks. */
static GtkSpinButton *
add_row (CohortsScheduleGroup *self,
         const char           *title,
         const char           *subtitle,
         const char           *accessible_name,
         int                   max)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (0, max, 1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_name, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
  return GTK_SPIN_BUTTON (spin);
}

static void
cohorts_schedule_group_dispose (GObject *object)
{
  CohortsScheduleGroup *self = (CohortsScheduleGroup *) object;

  if (self->schedule != NULL)
    g_signal_handlers_disconnect_by_data (self->schedule, self);
  g_clear_object (&self->schedule);
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (cohorts_schedule_group_parent_class)->dispose (object);
}

static void
cohorts_schedule_group_class_init (CohortsScheduleGroupClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = cohorts_schedule_group_dispose;
}

static void
cohorts_schedule_group_init (CohortsScheduleGroup *self)
{
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Conversion Schedule"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                         _("How many weeks before the conversion each step is due"));

  for (CohortsStep step = 0; step < COHORTS_STEP_CONVERSION; step++)
    {
      const char *name = cohorts_step_get_name (step);
      const char *subtitle = NULL;
      /* Translators: a screen reader's name for a spin button: "Academy order: weeks before the conversion" */
      g_autofree char *before_name = g_strdup_printf (_("%s: weeks before the conversion"), name);

      if (step == COHORTS_STEP_DIOCESAN_CONSENT || step == COHORTS_STEP_SITE_TRUSTEES ||
          step == COHORTS_STEP_CHURCH_AGREEMENT)
        subtitle = _("Church schools only");
      else if (step == COHORTS_STEP_LEASE)
        subtitle = _("Schools on local authority land only");
      else if (cohorts_step_lasts (step))
        subtitle = _("Due when it ends");

      self->weeks_before[step] = add_row (self, name, subtitle, before_name, 104);
      g_object_set_data (G_OBJECT (self->weeks_before[step]), "step", GUINT_TO_POINTER (step));
      g_signal_connect (self->weeks_before[step], "value-changed", G_CALLBACK (timing_changed_cb), self);

      if (cohorts_step_lasts (step))
        {
          /* Translators: the length of a step, a row of the schedule: "Statutory consultation lasts" */
          g_autofree char *title = g_strdup_printf (_("%s lasts"), name);
          /* Translators: a screen reader's name for a spin button: "Statutory consultation: weeks it lasts" */
          g_autofree char *weeks_name = g_strdup_printf (_("%s: weeks it lasts"), name);

          self->weeks[step] = add_row (self, title, _("Weeks"), weeks_name, 52);
          g_object_set_data (G_OBJECT (self->weeks[step]), "step", GUINT_TO_POINTER (step));
          g_signal_connect (self->weeks[step], "value-changed", G_CALLBACK (timing_changed_cb), self);
        }
    }

  self->church_lead = add_row (self, _("Church lead time"),
                               _("Church schools start the steps up to the academy order this many weeks "
                                 "sooner"),
                               _("Church lead time in weeks"), 52);
  g_signal_connect (self->church_lead, "value-changed", G_CALLBACK (church_lead_changed_cb), self);

  /* Below the timings it resets; beside the title it would squeeze the description. */
  self->restore = gtk_button_new_with_mnemonic (_("_Restore Defaults"));
  gtk_widget_set_halign (self->restore, GTK_ALIGN_END);
  gtk_widget_set_margin_top (self->restore, 12);
  gtk_widget_set_tooltip_text (self->restore, _("Put every timing back as a new plan has it, as one step"));
  g_signal_connect_swapped (self->restore, "clicked", G_CALLBACK (restore_clicked_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), self->restore);
}

GtkWidget *
cohorts_schedule_group_new (void)
{
  return g_object_new (COHORTS_TYPE_SCHEDULE_GROUP, NULL);
}

/**
 * cohorts_schedule_group_set_plan:
 * @plan: (nullable): the plan whose schedule to show and edit
 */
void
cohorts_schedule_group_set_plan (CohortsScheduleGroup *self,
                                 CohortsPlan          *plan)
{
  g_return_if_fail (COHORTS_IS_SCHEDULE_GROUP (self));
  g_return_if_fail (plan == NULL || COHORTS_IS_PLAN (plan));

  if (self->plan == plan)
    return;

  if (self->schedule != NULL)
    g_signal_handlers_disconnect_by_data (self->schedule, self);
  g_set_object (&self->plan, plan);
  if (plan != NULL)
    g_set_object (&self->schedule, cohorts_plan_get_schedule (plan));
  else
    g_clear_object (&self->schedule);
  if (self->schedule != NULL)
    g_signal_connect_object (self->schedule, "changed", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  update (self);
}

/**
 * cohorts_schedule_group_get_weeks_before:
 *
 * Returns: (transfer none): the spin button of @step's weeks before the
 *   conversion (for tests)
 */
GtkSpinButton *
cohorts_schedule_group_get_weeks_before (CohortsScheduleGroup *self,
                                         CohortsStep           step)
{
  g_return_val_if_fail (COHORTS_IS_SCHEDULE_GROUP (self), NULL);
  g_return_val_if_fail (step < COHORTS_STEP_CONVERSION, NULL);
  return self->weeks_before[step];
}

/**
 * cohorts_schedule_group_get_weeks:
 *
 * Returns: (transfer none) (nullable): the spin button of how long @step
 *   lasts, %NULL for a step that does not last (for tests)
 */
GtkSpinButton *
cohorts_schedule_group_get_weeks (CohortsScheduleGroup *self,
                                  CohortsStep           step)
{
  g_return_val_if_fail (COHORTS_IS_SCHEDULE_GROUP (self), NULL);
  g_return_val_if_fail (step < COHORTS_STEP_CONVERSION, NULL);
  return self->weeks[step];
}

/**
 * cohorts_schedule_group_get_church_lead:
 *
 * Returns: (transfer none): the spin button of the church lead time (for tests)
 */
GtkSpinButton *
cohorts_schedule_group_get_church_lead (CohortsScheduleGroup *self)
{
  g_return_val_if_fail (COHORTS_IS_SCHEDULE_GROUP (self), NULL);
  return self->church_lead;
}

/**
 * cohorts_schedule_group_get_restore:
 *
 * Returns: (transfer none): the "Restore Defaults" button (for tests)
 */
GtkButton *
cohorts_schedule_group_get_restore (CohortsScheduleGroup *self)
{
  g_return_val_if_fail (COHORTS_IS_SCHEDULE_GROUP (self), NULL);
  return GTK_BUTTON (self->restore);
}
