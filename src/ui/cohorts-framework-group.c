/* cohorts-framework-group.c: the plan's readiness framework
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How much each readiness criterion weighs (1–10), which criteria are
 * critical (not meeting one makes a school red whatever its score), and the
 * scores from which a school is green or amber. Every change is one undoable
 * step of the plan; thresholds the framework cannot hold (amber above green)
 * are refused: the row says why, and "problem" carries the message. "Restore
 * Defaults" puts the whole framework back as one step. The rows follow the
 * framework, so undo and redo show.
 */
#define G_LOG_DOMAIN "cohorts-framework-group"

#include "config.h"

#include <glib/gi18n.h>

#include "cohorts-framework-group.h"

struct _CohortsFrameworkGroup
{
  AdwPreferencesGroup parent_instance;

  GtkSpinButton *weights[COHORTS_N_CRITERIA];
  GtkSwitch *critical[COHORTS_N_CRITERIA];
  GtkWidget *rows[COHORTS_N_CRITERIA];     /* AdwExpanderRow */
  GtkWidget *green_row;
  GtkWidget *amber_row;
  GtkSpinButton *green;
  GtkSpinButton *amber;
  GtkWidget *restore;

  CohortsPlan *plan;
  CohortsReadiness *readiness;
  gboolean updating;     /* showing the framework: not an edit */
};

G_DEFINE_FINAL_TYPE (CohortsFrameworkGroup, cohorts_framework_group, ADW_TYPE_PREFERENCES_GROUP)

enum {
  PROBLEM,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
green_subtitle (void)
{
  return _("The lowest score that is green");
}

static const char *
amber_subtitle (void)
{
  return _("The lowest score that is amber; below it is red");
}

/* A refused threshold: the row says why in red until the thresholds change. */
static void
show_problem (CohortsFrameworkGroup *self,
              GtkWidget             *row,
              const char            *message)
{
  gtk_widget_remove_css_class (self->green_row, "error");
  gtk_widget_remove_css_class (self->amber_row, "error");
  gtk_widget_set_tooltip_text (self->green_row, NULL);
  gtk_widget_set_tooltip_text (self->amber_row, NULL);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->green_row), green_subtitle ());
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->amber_row), amber_subtitle ());

  if (message != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (message, -1);

      gtk_widget_add_css_class (row, "error");
      gtk_widget_set_tooltip_text (row, message);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);
      g_signal_emit (self, signals[PROBLEM], 0, message);
    }
}

/* A criterion's row, folded: "Weight 10 · critical · church schools only". */
static char *
describe_criterion (const CohortsFramework *framework,
                    CohortsCriterion        criterion)
{
  /* Translators: a readiness criterion's weight, from 1 to 10: "Weight 8" */
  g_autofree char *text = g_strdup_printf (_("Weight %d"), framework->weights[criterion]);

  if (framework->critical[criterion])
    {
      /* Translators: a readiness criterion that makes a school red when not met: "Weight 10 · critical" */
      char *more = g_strdup_printf (_("%s · critical"), text);

      g_free (text);
      text = more;
    }
  if (cohorts_criterion_is_church_only (criterion))
    {
      /* Translators: a readiness criterion for church schools alone: "Weight 10 · church schools only" */
      char *more = g_strdup_printf (_("%s · church schools only"), text);

      g_free (text);
      text = more;
    }
  return g_steal_pointer (&text);
}

static void
show_value (GtkSpinButton *spin,
            int            value)
{
  /* Only when it differs: setting the same value would undo what is typed. */
  if (gtk_spin_button_get_value_as_int (spin) != value)
    gtk_spin_button_set_value (spin, value);
}

static void
update (CohortsFrameworkGroup *self)
{
  const CohortsFramework *framework;

  if (self->readiness == NULL)
    return;

  framework = cohorts_readiness_get_framework (self->readiness);
  self->updating = TRUE;
  for (CohortsCriterion c = 0; c < COHORTS_N_CRITERIA; c++)
    {
      g_autofree char *subtitle = describe_criterion (framework, c);

      show_value (self->weights[c], framework->weights[c]);
      gtk_switch_set_active (self->critical[c], framework->critical[c]);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self->rows[c]), subtitle);
    }
  show_value (self->green, framework->green_min);
  show_value (self->amber, framework->amber_min);
  show_problem (self, NULL, NULL);
  gtk_widget_set_sensitive (self->restore, !cohorts_framework_is_default (framework));
  self->updating = FALSE;
}

static void
weight_changed_cb (GtkSpinButton         *spin,
                   CohortsFrameworkGroup *self)
{
  if (self->updating || self->plan == NULL)
    return;

  cohorts_plan_set_criterion_weight (self->plan, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (spin), "criterion")),
                                     gtk_spin_button_get_value_as_int (spin));
}

static void
critical_changed_cb (GtkSwitch             *toggle,
                     GParamSpec            *pspec,
                     CohortsFrameworkGroup *self)
{
  if (self->updating || self->plan == NULL)
    return;

  cohorts_plan_set_criterion_critical (self->plan,
                                       GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (toggle), "criterion")),
                                       gtk_switch_get_active (toggle));
}

static void
threshold_changed_cb (GtkSpinButton         *spin,
                      CohortsFrameworkGroup *self)
{
  g_autoptr(GError) error = NULL;

  if (self->updating || self->plan == NULL)
    return;

  /* Both as shown: a refused amber is kept on screen, and a higher green
   * then makes the pair acceptable. */
  if (!cohorts_plan_set_readiness_thresholds (self->plan, gtk_spin_button_get_value_as_int (self->green),
                                              gtk_spin_button_get_value_as_int (self->amber), &error))
    show_problem (self, spin == self->green ? self->green_row : self->amber_row, error->message);
  else
    show_problem (self, NULL, NULL);
}

static void
restore_clicked_cb (CohortsFrameworkGroup *self)
{
  if (self->plan != NULL)
    cohorts_plan_restore_default_framework (self->plan);
}

static GtkSpinButton *
make_spin (int         min,
           int         max,
           const char *accessible_name)
{
  GtkWidget *spin = gtk_spin_button_new_with_range (min, max, 1);

  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_name, -1);
  return GTK_SPIN_BUTTON (spin);
}

/* A row for @criterion: "Weight 10 · critical" at a glance; expanded, a
 * spin button of its weight and a switch of whether it is critical. (Both
 * beside the name leave the name no room in the editor's narrow pane.) */
static void
add_criterion (CohortsFrameworkGroup *self,
               CohortsCriterion       criterion)
{
  const char *name = cohorts_criterion_get_name (criterion);
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *weight_row = adw_action_row_new ();
  GtkWidget *critical_row = adw_action_row_new ();
  GtkWidget *toggle = gtk_switch_new ();
  /* Translators: a screen reader's name for a spin button: "Weight of Consultation" */
  g_autofree char *weight_name = g_strdup_printf (_("Weight of %s"), name);
  /* Translators: a screen reader's name for a switch: "Consultation is critical" */
  g_autofree char *critical_name = g_strdup_printf (_("%s is critical"), name);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  self->rows[criterion] = row;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (weight_row), _("Weight"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (weight_row), _("From 1 to 10"));
  self->weights[criterion] = make_spin (COHORTS_WEIGHT_MIN, COHORTS_WEIGHT_MAX, weight_name);
  g_object_set_data (G_OBJECT (self->weights[criterion]), "criterion", GUINT_TO_POINTER (criterion));
  g_signal_connect (self->weights[criterion], "value-changed", G_CALLBACK (weight_changed_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (weight_row), GTK_WIDGET (self->weights[criterion]));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (weight_row), GTK_WIDGET (self->weights[criterion]));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), weight_row);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (critical_row), _("Critical"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (critical_row),
                               _("Not meeting it makes a school red, whatever its score"));
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL, critical_name, -1);
  g_object_set_data (G_OBJECT (toggle), "criterion", GUINT_TO_POINTER (criterion));
  g_signal_connect (toggle, "notify::active", G_CALLBACK (critical_changed_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (critical_row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (critical_row), toggle);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), critical_row);
  self->critical[criterion] = GTK_SWITCH (toggle);

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
}

static GtkWidget *
add_threshold (CohortsFrameworkGroup  *self,
               const char             *title,
               const char             *subtitle,
               const char             *accessible_name,
               GtkSpinButton         **spin)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  *spin = make_spin (0, 100, accessible_name);
  g_signal_connect (*spin, "value-changed", G_CALLBACK (threshold_changed_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (*spin));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), GTK_WIDGET (*spin));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
  return row;
}

static void
cohorts_framework_group_dispose (GObject *object)
{
  CohortsFrameworkGroup *self = (CohortsFrameworkGroup *) object;

  if (self->readiness != NULL)
    g_signal_handlers_disconnect_by_data (self->readiness, self);
  g_clear_object (&self->readiness);
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (cohorts_framework_group_parent_class)->dispose (object);
}

static void
cohorts_framework_group_class_init (CohortsFrameworkGroupClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = cohorts_framework_group_dispose;

  /**
   * CohortsFrameworkGroup::problem:
   * @message: why a change was refused
   */
  signals[PROBLEM] =
    g_signal_new ("problem", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
cohorts_framework_group_init (CohortsFrameworkGroup *self)
{
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Readiness Framework"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                         _("How much each criterion weighs in a school’s readiness, from 1 to "
                                           "10, and which are critical: not meeting one makes a school red"));

  for (CohortsCriterion c = 0; c < COHORTS_N_CRITERIA; c++)
    add_criterion (self, c);

  self->green_row = add_threshold (self, _("Green from (%)"), green_subtitle (),
                                   _("Green from, in percent"), &self->green);
  self->amber_row = add_threshold (self, _("Amber from (%)"), amber_subtitle (),
                                   _("Amber from, in percent"), &self->amber);

  /* Below what it resets, as the schedule's. */
  self->restore = gtk_button_new_with_mnemonic (_("_Restore Defaults"));
  gtk_widget_set_halign (self->restore, GTK_ALIGN_END);
  gtk_widget_set_margin_top (self->restore, 12);
  gtk_widget_set_tooltip_text (self->restore,
                               _("Put every weight, critical criterion and threshold back as a new plan has "
                                 "them, as one step"));
  g_signal_connect_swapped (self->restore, "clicked", G_CALLBACK (restore_clicked_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), self->restore);
}

GtkWidget *
cohorts_framework_group_new (void)
{
  return g_object_new (COHORTS_TYPE_FRAMEWORK_GROUP, NULL);
}

/**
 * cohorts_framework_group_set_plan:
 * @plan: (nullable): the plan whose framework to show and edit
 */
void
cohorts_framework_group_set_plan (CohortsFrameworkGroup *self,
                                  CohortsPlan           *plan)
{
  g_return_if_fail (COHORTS_IS_FRAMEWORK_GROUP (self));
  g_return_if_fail (plan == NULL || COHORTS_IS_PLAN (plan));

  if (self->plan == plan)
    return;

  if (self->readiness != NULL)
    g_signal_handlers_disconnect_by_data (self->readiness, self);
  g_set_object (&self->plan, plan);
  if (plan != NULL)
    g_set_object (&self->readiness, cohorts_plan_get_readiness (plan));
  else
    g_clear_object (&self->readiness);
  if (self->readiness != NULL)
    g_signal_connect_object (self->readiness, "changed", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  update (self);
}

/**
 * cohorts_framework_group_get_weight:
 *
 * Returns: (transfer none): the spin button of @criterion's weight (for tests)
 */
GtkSpinButton *
cohorts_framework_group_get_weight (CohortsFrameworkGroup *self,
                                    CohortsCriterion       criterion)
{
  g_return_val_if_fail (COHORTS_IS_FRAMEWORK_GROUP (self), NULL);
  g_return_val_if_fail (criterion < COHORTS_N_CRITERIA, NULL);
  return self->weights[criterion];
}

/**
 * cohorts_framework_group_get_critical:
 *
 * Returns: (transfer none): the switch of whether @criterion is critical
 *   (for tests)
 */
GtkSwitch *
cohorts_framework_group_get_critical (CohortsFrameworkGroup *self,
                                      CohortsCriterion       criterion)
{
  g_return_val_if_fail (COHORTS_IS_FRAMEWORK_GROUP (self), NULL);
  g_return_val_if_fail (criterion < COHORTS_N_CRITERIA, NULL);
  return self->critical[criterion];
}

/**
 * cohorts_framework_group_get_green:
 *
 * Returns: (transfer none): the spin button of the green threshold (for tests)
 */
GtkSpinButton *
cohorts_framework_group_get_green (CohortsFrameworkGroup *self)
{
  g_return_val_if_fail (COHORTS_IS_FRAMEWORK_GROUP (self), NULL);
  return self->green;
}

/**
 * cohorts_framework_group_get_amber:
 *
 * Returns: (transfer none): the spin button of the amber threshold (for tests)
 */
GtkSpinButton *
cohorts_framework_group_get_amber (CohortsFrameworkGroup *self)
{
  g_return_val_if_fail (COHORTS_IS_FRAMEWORK_GROUP (self), NULL);
  return self->amber;
}

/**
 * cohorts_framework_group_get_threshold_row:
 * @green: the green threshold's row, rather than the amber's
 *
 * Returns: (transfer none): an #AdwActionRow (for tests)
 */
GtkWidget *
cohorts_framework_group_get_threshold_row (CohortsFrameworkGroup *self,
                                           gboolean               green)
{
  g_return_val_if_fail (COHORTS_IS_FRAMEWORK_GROUP (self), NULL);
  return green ? self->green_row : self->amber_row;
}

/**
 * cohorts_framework_group_get_restore:
 *
 * Returns: (transfer none): the "Restore Defaults" button (for tests)
 */
GtkButton *
cohorts_framework_group_get_restore (CohortsFrameworkGroup *self)
{
  g_return_val_if_fail (COHORTS_IS_FRAMEWORK_GROUP (self), NULL);
  return GTK_BUTTON (self->restore);
}
