/* cohorts-step-row.c: one step of a school's conversion, its date and state
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The row names the step and says when it is and where that date comes from:
 * the plan's schedule, a date the school has of its own (planned), or the
 * day it was done; an icon says the same. Expanded, it offers the state and
 * the date (a step that lasts: its start and its end). Picking a date gives
 * the step a date of its own; "From the schedule" gives it back. Each change
 * is one undoable step of the plan; a change the plan refuses is not made,
 * and "problem" says why.
 *
 * Marked done, a step keeps its date if that has passed; if it is still to
 * come, the step was done early, most likely today, so today it is (a step
 * that lasts keeps its length, ending then). A done step cannot be given a
 * day still to come: that would be a plan, not a fact.
 */
#define G_LOG_DOMAIN "cohorts-step-row"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "cohorts-date-button.h"
#include "cohorts-date-reason.h"

#include "cohorts-step-row.h"

struct _CohortsStepRow
{
  AdwExpanderRow parent_instance;

  GtkImage *state_icon;
  AdwComboRow *state_row;
  AdwActionRow *start_row;
  CohortsDateButton *start_button;
  AdwActionRow *date_row;
  CohortsDateButton *date_button;

  CohortsStep step;
  CohortsPlan *plan;
  CohortsSchool *school;
  CohortsMilestone shown;  /* as the plan has it: the schedule's or the school's own */
  gboolean updating;       /* showing the model: not the person's choice */
};

G_DEFINE_FINAL_TYPE (CohortsStepRow, cohorts_step_row, ADW_TYPE_EXPANDER_ROW)

enum {
  PROBLEM,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
state_label (CohortsStep           step,
             CohortsMilestoneState state)
{
  switch (state)
    {
    case COHORTS_MILESTONE_SCHEDULED:
      return step == COHORTS_STEP_CONVERSION ? _("With its cohort") : _("From the schedule");
    case COHORTS_MILESTONE_PLANNED:
      return step == COHORTS_STEP_CONVERSION ? _("Own date") : C_("a step's state", "Planned");
    case COHORTS_MILESTONE_DONE:
      return step == COHORTS_STEP_CONVERSION ? _("Converted") : C_("a step's state", "Done");
    default:
      g_assert_not_reached ();
    }
}

static const char *
state_icon_name (CohortsMilestoneState state)
{
  switch (state)
    {
    case COHORTS_MILESTONE_SCHEDULED:
      return "x-office-calendar-symbolic";
    case COHORTS_MILESTONE_PLANNED:
      return "view-pin-symbolic";
    case COHORTS_MILESTONE_DONE:
      return "emblem-ok-symbolic";
    default:
      g_assert_not_reached ();
    }
}

/* A date that a line does not break inside: "1\u00A0September\u00A02027". */
static char *
format_unbroken (char *text)
{
  GString *out = g_string_new (text);

  g_free (text);
  g_string_replace (out, " ", "\u00A0", 0);
  return g_string_free (out, FALSE);
}

/* "18 January – 1 March 2027", or with both years when they differ; a line
 * breaks only around the dash. */
static char *
format_period (CohortsDate start,
               CohortsDate end)
{
  g_autofree char *from = NULL;
  g_autofree char *to = format_unbroken (cohorts_date_format (end));

  if (start == COHORTS_DATE_NONE || start == end)
    return g_steal_pointer (&to);

  if (cohorts_date_get_year (start) == cohorts_date_get_year (end))
    {
      g_autoptr(GDateTime) dt = g_date_time_new_utc (cohorts_date_get_year (start), cohorts_date_get_month (start),
                                                     cohorts_date_get_day (start), 0, 0, 0);
      /* Translators: the first day of a period that ends in the same year, as
       * a strftime()-style format: "18 January" in "18 January – 1 March 2027" */
      from = format_unbroken (g_date_time_format (dt, C_("date without the year", "%-d %B")));
    }
  else
    from = format_unbroken (cohorts_date_format (start));

  /* Translators: a period of time: "18 January – 1 March 2027" */
  return g_strdup_printf (_("%s – %s"), from, to);
}

/* Where a step's date comes from, after the date: "from the schedule". */
static const char *
state_phrase (CohortsStep           step,
              CohortsMilestoneState state)
{
  switch (state)
    {
    case COHORTS_MILESTONE_SCHEDULED:
      return step == COHORTS_STEP_CONVERSION
             /* Translators: of a school's conversion date: "1 September 2027 · with its cohort" */
             ? _("with its cohort")
             /* Translators: of a step's date: "2 October 2027 · from the schedule" */
             : _("from the schedule");
    case COHORTS_MILESTONE_PLANNED:
      return step == COHORTS_STEP_CONVERSION
             /* Translators: of a school's conversion date, its own rather than its cohort's */
             ? _("own date")
             /* Translators: of a step's date, its own for this school: "2 October 2027 · planned" */
             : _("planned");
    case COHORTS_MILESTONE_DONE:
      return step == COHORTS_STEP_CONVERSION
             /* Translators: of a school's conversion date: "1 April 2027 · converted" */
             ? _("converted")
             /* Translators: of a step's date: "4 November 2026 · done" */
             : _("done");
    default:
      g_assert_not_reached ();
    }
}

static char *
describe (CohortsStepRow         *self,
          const CohortsMilestone *milestone)
{
  g_autofree char *when = NULL;
  g_autofree char *phrase = NULL;

  if (milestone->date == COHORTS_DATE_NONE)
    {
      if (self->step != COHORTS_STEP_CONVERSION)
        return g_strdup (_("No date yet"));
      if (cohorts_school_get_cohort (self->school) == NULL)
        return g_strdup (_("Not in a cohort: no dates yet"));
      return g_strdup (_("Its cohort has no date yet"));
    }

  when = format_period (milestone->start, milestone->date);
  phrase = format_unbroken (g_strdup (state_phrase (self->step, milestone->state)));
  /* Translators: a step's date and where it comes from: "2 October 2027 · from the schedule" */
  return g_strdup_printf (C_("a step's date and its state", "%s · %s"), when, phrase);
}

static void
show_problem (CohortsStepRow *self,
              GtkWidget      *row,
              const char     *message)
{
  GtkWidget *rows[] = { GTK_WIDGET (self->state_row), GTK_WIDGET (self->start_row), GTK_WIDGET (self->date_row) };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      gtk_widget_remove_css_class (rows[i], "error");
      gtk_widget_set_tooltip_text (rows[i], NULL);
    }

  if (message != NULL)
    {
      gtk_widget_add_css_class (row, "error");
      gtk_widget_set_tooltip_text (row, message);
      g_signal_emit (self, signals[PROBLEM], 0, message);
    }
}

/* Shows self->shown. */
static void
update (CohortsStepRow *self)
{
  const CohortsMilestone *m = &self->shown;
  const char *state = state_label (self->step, m->state);
  g_autofree char *subtitle = describe (self, m);

  self->updating = TRUE;

  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle);
  gtk_image_set_from_icon_name (self->state_icon, state_icon_name (m->state));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->state_icon), state);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->state_icon), GTK_ACCESSIBLE_PROPERTY_LABEL, state, -1);
  if (m->state == COHORTS_MILESTONE_DONE)
    gtk_widget_add_css_class (GTK_WIDGET (self->state_icon), "success");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->state_icon), "success");
  if (m->state == COHORTS_MILESTONE_SCHEDULED)
    gtk_widget_add_css_class (GTK_WIDGET (self->state_icon), "dim-label");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->state_icon), "dim-label");

  adw_combo_row_set_selected (self->state_row, m->state);
  cohorts_date_button_set_date (self->start_button, m->start);
  cohorts_date_button_set_date (self->date_button, m->date);

  self->updating = FALSE;
}

static int
length_in_days (CohortsStepRow *self)
{
  if (!cohorts_step_lasts (self->step))
    return 0;
  if (self->shown.start != COHORTS_DATE_NONE && self->shown.date != COHORTS_DATE_NONE)
    return (int) self->shown.date - (int) self->shown.start;
  return cohorts_schedule_get_weeks (cohorts_plan_get_schedule (self->plan), self->step) * 7;
}

typedef struct
{
  CohortsStepRow *self;
  GtkWidget *row;
  CohortsPlan *plan;
  CohortsSchool *school;
  CohortsMilestone milestone;
} Commit;

static void
commit_free (gpointer data)
{
  Commit *c = data;

  g_object_unref (c->self);
  g_object_unref (c->plan);
  g_object_unref (c->school);
  g_free (c);
}

static gboolean
commit_edit (gpointer data,
             gboolean apply)
{
  Commit *c = data;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  /* Called off: the row shows the step as the plan has it again. */
  if (!apply)
    {
      if (c->self->school == c->school)
        update (c->self);
      return FALSE;
    }

  ok = cohorts_plan_set_milestone (c->plan, c->school, c->self->step, &c->milestone, &error);
  /* The row may have gone meanwhile (its window closed). */
  if (c->self->plan != NULL)
    show_problem (c->self, c->row, ok ? NULL : error->message);
  return ok;
}

/* Sets the step to @milestone; the conversion's, once the plan has a
 * baseline and its date moves, after asking why. */
static gboolean
commit (CohortsStepRow         *self,
        GtkWidget              *row,
        const CohortsMilestone *milestone)
{
  GPtrArray *moves = cohorts_date_moves_new ();
  Commit *c = g_new0 (Commit, 1);

  c->self = g_object_ref (self);
  c->row = row;
  c->plan = g_object_ref (self->plan);
  c->school = g_object_ref (self->school);
  c->milestone = *milestone;
  if (self->step == COHORTS_STEP_CONVERSION)
    {
      CohortsCohort *cohort = cohorts_school_get_cohort (self->school);
      CohortsDate to = milestone->state != COHORTS_MILESTONE_SCHEDULED ? milestone->date
                       : cohort != NULL ? cohorts_cohort_get_date (cohort) : COHORTS_DATE_NONE;
      g_autofree char *subject = g_strdup_printf ("school:%u", cohorts_school_get_urn (self->school));

      cohorts_date_moves_add (moves, subject, cohorts_plan_get_conversion_date (self->plan, self->school), to);
    }
  return cohorts_date_reason_run (GTK_WIDGET (self), self->plan, NULL, moves, commit_edit, c, commit_free);
}

static void
state_selected_cb (AdwComboRow    *combo,
                   GParamSpec     *pspec,
                   CohortsStepRow *self)
{
  CohortsMilestone milestone = self->shown;
  CohortsDate today = cohorts_date_today ();
  int length;

  if (self->updating || self->plan == NULL)
    return;

  length = length_in_days (self);
  milestone.state = adw_combo_row_get_selected (combo);

  if (milestone.state != COHORTS_MILESTONE_SCHEDULED)
    {
      /* With no date to keep: today, or a conversion the month after. */
      if (milestone.date == COHORTS_DATE_NONE)
        milestone.date = self->step == COHORTS_STEP_CONVERSION
                         ? cohorts_date_first_of_month (cohorts_date_add_months (today, 1))
                         : today;
      /* Done early: today (a conversion: this month). */
      if (milestone.state == COHORTS_MILESTONE_DONE && milestone.date > today)
        milestone.date = self->step == COHORTS_STEP_CONVERSION ? cohorts_date_first_of_month (today) : today;
      milestone.start = cohorts_step_lasts (self->step) ? milestone.date - length : COHORTS_DATE_NONE;
    }

  if (!commit (self, GTK_WIDGET (self->state_row), &milestone))
    update (self);
}

/* A date picked: the step's own from now on (a done step stays done). */
static void
pick (CohortsStepRow *self,
      gboolean        start,
      CohortsDate     date)
{
  GtkWidget *row = GTK_WIDGET (start ? self->start_row : self->date_row);
  CohortsMilestone milestone = self->shown;
  int length;

  if (self->plan == NULL || date == COHORTS_DATE_NONE)
    return;

  length = length_in_days (self);
  if (milestone.state != COHORTS_MILESTONE_DONE)
    milestone.state = COHORTS_MILESTONE_PLANNED;

  if (start)
    {
      milestone.start = date;
      if (milestone.date == COHORTS_DATE_NONE)
        milestone.date = date + length;
    }
  else
    {
      milestone.date = date;
      if (cohorts_step_lasts (self->step) && milestone.start == COHORTS_DATE_NONE)
        milestone.start = date - length;
    }

  if (milestone.state == COHORTS_MILESTONE_DONE && date > cohorts_date_today ())
    {
      g_autofree char *day = cohorts_date_format (date);
      /* Translators: "Academy order cannot be done on 1 March 2027, a day still to come" */
      g_autofree char *message = g_strdup_printf (_("%s cannot be done on %s, a day still to come"),
                                                  cohorts_step_get_name (self->step), day);

      show_problem (self, row, message);
      return;
    }

  commit (self, row, &milestone);
}

static void
start_chosen_cb (CohortsDateButton *button,
                 guint              date,
                 CohortsStepRow    *self)
{
  pick (self, TRUE, date);
}

static void
date_chosen_cb (CohortsDateButton *button,
                guint              date,
                CohortsStepRow    *self)
{
  pick (self, FALSE, date);
}

static void
cohorts_step_row_dispose (GObject *object)
{
  CohortsStepRow *self = (CohortsStepRow *) object;

  g_clear_object (&self->plan);
  g_clear_object (&self->school);

  gtk_widget_dispose_template (GTK_WIDGET (self), COHORTS_TYPE_STEP_ROW);

  G_OBJECT_CLASS (cohorts_step_row_parent_class)->dispose (object);
}

static void
cohorts_step_row_class_init (CohortsStepRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cohorts_step_row_dispose;

  /**
   * CohortsStepRow::problem:
   * @message: why the change was refused
   */
  signals[PROBLEM] =
    g_signal_new ("problem", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (COHORTS_TYPE_DATE_BUTTON);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/cohorts/Cohorts/ui/cohorts-step-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CohortsStepRow, state_icon);
  gtk_widget_class_bind_template_child (widget_class, CohortsStepRow, state_row);
  gtk_widget_class_bind_template_child (widget_class, CohortsStepRow, start_row);
  gtk_widget_class_bind_template_child (widget_class, CohortsStepRow, start_button);
  gtk_widget_class_bind_template_child (widget_class, CohortsStepRow, date_row);
  gtk_widget_class_bind_template_child (widget_class, CohortsStepRow, date_button);
  gtk_widget_class_bind_template_callback (widget_class, state_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, start_chosen_cb);
  gtk_widget_class_bind_template_callback (widget_class, date_chosen_cb);
}

static void
cohorts_step_row_init (CohortsStepRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  adw_action_row_set_activatable_widget (self->start_row,
                                         GTK_WIDGET (cohorts_date_button_get_menu_button (self->start_button)));
  adw_action_row_set_activatable_widget (self->date_row,
                                         GTK_WIDGET (cohorts_date_button_get_menu_button (self->date_button)));
}

/**
 * cohorts_step_row_new:
 *
 * Returns: a row for @step, showing nothing until cohorts_step_row_show()
 */
GtkWidget *
cohorts_step_row_new (CohortsStep step)
{
  CohortsStepRow *self;
  const char *name = cohorts_step_get_name (step);
  g_autoptr(GtkStringList) states = gtk_string_list_new (NULL);
  g_autofree char *start_title = NULL;
  g_autofree char *date_title = NULL;

  g_return_val_if_fail (step < COHORTS_N_STEPS, NULL);

  self = g_object_new (COHORTS_TYPE_STEP_ROW, NULL);
  self->step = step;
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), name);

  /* The states run from 0 without gaps: index = state. */
  for (CohortsMilestoneState state = COHORTS_MILESTONE_SCHEDULED; state <= COHORTS_MILESTONE_DONE; state++)
    gtk_string_list_append (states, state_label (step, state));
  adw_combo_row_set_model (self->state_row, G_LIST_MODEL (states));

  gtk_widget_set_visible (GTK_WIDGET (self->start_row), cohorts_step_lasts (step));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->date_row),
                                 cohorts_step_lasts (step) ? C_("of a step that lasts", "Ends") : _("Date"));
  g_object_set (self->date_button, "months-only", step == COHORTS_STEP_CONVERSION, NULL);

  /* Translators: what a screen reader says of a date button: "Start of Statutory consultation" */
  start_title = g_strdup_printf (_("Start of %s"), name);
  date_title = cohorts_step_lasts (step)
               /* Translators: "End of Statutory consultation" */
               ? g_strdup_printf (_("End of %s"), name)
               /* Translators: "Date of Academy order" */
               : g_strdup_printf (_("Date of %s"), name);
  cohorts_date_button_set_title (self->start_button, start_title);
  cohorts_date_button_set_title (self->date_button, date_title);

  return GTK_WIDGET (self);
}

CohortsStep
cohorts_step_row_get_step (CohortsStepRow *self)
{
  g_return_val_if_fail (COHORTS_IS_STEP_ROW (self), 0);
  return self->step;
}

/**
 * cohorts_step_row_show:
 * @milestone: the step as the plan has it for @school (cohorts_schedule_plan())
 *
 * Shows the step of @school's conversion; changes go to @plan.
 */
void
cohorts_step_row_show (CohortsStepRow         *self,
                       CohortsPlan            *plan,
                       CohortsSchool          *school,
                       const CohortsMilestone *milestone)
{
  g_return_if_fail (COHORTS_IS_STEP_ROW (self));
  g_return_if_fail (COHORTS_IS_PLAN (plan));
  g_return_if_fail (COHORTS_IS_SCHOOL (school));

  /* What was refused is forgotten once the step changes. */
  if (self->school != school || memcmp (&self->shown, milestone, sizeof self->shown) != 0)
    show_problem (self, NULL, NULL);

  g_set_object (&self->plan, plan);
  g_set_object (&self->school, school);
  self->shown = *milestone;
  update (self);
}

/**
 * cohorts_step_row_get_state_row:
 *
 * Returns: (transfer none): the row that chooses the state (for tests)
 */
AdwComboRow *
cohorts_step_row_get_state_row (CohortsStepRow *self)
{
  g_return_val_if_fail (COHORTS_IS_STEP_ROW (self), NULL);
  return self->state_row;
}

/**
 * cohorts_step_row_get_date_button:
 * @start: the start of a step that lasts, rather than its date (its end)
 *
 * Returns: (transfer none): a #CohortsDateButton (for tests)
 */
GtkWidget *
cohorts_step_row_get_date_button (CohortsStepRow *self,
                                  gboolean        start)
{
  g_return_val_if_fail (COHORTS_IS_STEP_ROW (self), NULL);
  return GTK_WIDGET (start ? self->start_button : self->date_button);
}
