/* cohorts-dates-group.c: baselines, and the history of a conversion date
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * On the plan's page, the group lists the plan's baselines, each with
 * Compare (win.compare-baseline) and Remove (win.remove-baseline); on a
 * school's or a cohort's, the changes of its conversion date, oldest first:
 * from which date to which, why, who recorded it and when. It follows the
 * plan's lists as they change.
 */
#define G_LOG_DOMAIN "cohorts-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "cohorts-dates-group.h"

struct _CohortsDatesGroup
{
  AdwPreferencesGroup parent_instance;

  CohortsPlan *plan;
  char *subject;      /* "plan": the baselines; else a school's or cohort's history */
  GPtrArray *rows;
};

G_DEFINE_FINAL_TYPE (CohortsDatesGroup, cohorts_dates_group, ADW_TYPE_PREFERENCES_GROUP)

/* "24 November 2026, 10:42" in local time. */
static char *
format_moment (gint64 at)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (at);
  g_autoptr(GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;
  g_autofree char *day = NULL;

  if (local == NULL)
    return g_strdup ("");
  day = cohorts_date_format (cohorts_date_new (g_date_time_get_year (local), g_date_time_get_month (local),
                                               g_date_time_get_day_of_month (local)));
  /* Translators: a moment: "24 November 2026, 10:42" */
  return g_strdup_printf (_("%s, %02d:%02d"), day, g_date_time_get_hour (local), g_date_time_get_minute (local));
}

static GtkWidget *
action_button (const char *label,
               const char *name,
               const char *tooltip,
               const char *action,
               const char *id)
{
  GtkWidget *button = label != NULL ? gtk_button_new_with_label (label) : gtk_button_new ();

  gtk_widget_set_name (button, name);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_string (id));
  return button;
}

static void
add_row (CohortsDatesGroup *self,
         GtkWidget         *row)
{
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
  g_ptr_array_add (self->rows, row);
}

static void
fill_baselines (CohortsDatesGroup *self)
{
  GListModel *baselines = cohorts_plan_get_baselines (self->plan);
  guint n = g_list_model_get_n_items (baselines);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Baselines"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                         n == 0 ? _("None saved: Save Baseline… in the main menu keeps the "
                                                    "conversion dates as they are now, to compare with later")
                                                : _("The conversion dates as they were when each was saved"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CohortsBaseline) baseline = g_list_model_get_item (baselines, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *when = format_moment (cohorts_baseline_get_at (baseline));
      guint n_schools = cohorts_baseline_get_n_entries (baseline);
      /* Translators: under a baseline's name: "Saved 24 November 2026, 10:42; 12 schools" */
      g_autofree char *subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Saved %s; %u school",
                                                                "Saved %s; %u schools", n_schools),
                                                   when, n_schools);

      gtk_widget_set_name (row, "baseline");
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), cohorts_baseline_get_name (baseline));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 action_button (_("Compare"), "compare-baseline",
                                                _("What changed since this baseline"),
                                                "win.compare-baseline", cohorts_baseline_get_id (baseline)));
      {
        /* An icon: the row's title keeps the room. */
        GtkWidget *remove = action_button (NULL, "remove-baseline", _("Remove this baseline"),
                                           "win.remove-baseline", cohorts_baseline_get_id (baseline));

        gtk_button_set_icon_name (GTK_BUTTON (remove), "user-trash-symbolic");
        gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove"), -1);
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      }
      add_row (self, row);
    }
}

static void
fill_history (CohortsDatesGroup *self)
{
  g_autoptr(GPtrArray) changes = cohorts_plan_list_date_changes (self->plan, self->subject);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Conversion Date History"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                         changes->len == 0
                                         ? _("No changes recorded: once the plan has a baseline, each move of the "
                                             "conversion date is recorded with its reason")
                                         : NULL);
  for (guint i = 0; i < changes->len; i++)
    {
      CohortsDateChange *change = g_ptr_array_index (changes, i);
      GtkWidget *row = adw_action_row_new ();
      CohortsDate from = cohorts_date_change_get_from (change);
      CohortsDate to = cohorts_date_change_get_to (change);
      g_autofree char *from_text = from != COHORTS_DATE_NONE ? cohorts_date_format (from) : g_strdup (_("no date"));
      g_autofree char *to_text = to != COHORTS_DATE_NONE ? cohorts_date_format (to) : g_strdup (_("no date"));
      /* Translators: a change of conversion date: "1 April 2027 → 1 September 2027" */
      g_autofree char *title = g_strdup_printf (_("%s → %s"), from_text, to_text);
      g_autofree char *when = format_moment (cohorts_date_change_get_at (change));
      const char *reason = cohorts_enum_get_label (COHORTS_TYPE_DATE_CHANGE_REASON,
                                                   cohorts_date_change_get_reason (change));
      const char *author = cohorts_date_change_get_author (change);
      const char *note = cohorts_date_change_get_note (change);
      GString *subtitle = g_string_new (NULL);

      /* Translators: why a date moved, and when it was recorded: "Diocese; 24 November 2026, 10:42" */
      g_string_append_printf (subtitle, _("%s; %s"), reason, when);
      if (author != NULL)
        /* Translators: after the reason and moment: ", by J. Smith" */
        g_string_append_printf (subtitle, _(", by %s"), author);
      if (note[0] != '\0')
        {
          g_string_append_c (subtitle, '\n');
          g_string_append (subtitle, note);
        }

      gtk_widget_set_name (row, "date-change");
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      add_row (self, row);
      g_string_free (subtitle, TRUE);
    }
}

static void
refill (CohortsDatesGroup *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  if (self->plan == NULL || self->subject == NULL)
    return;
  if (g_str_equal (self->subject, "plan"))
    fill_baselines (self);
  else
    fill_history (self);
}

static void
list_changed_cb (CohortsDatesGroup *self)
{
  refill (self);
}

static void
disconnect_plan (CohortsDatesGroup *self)
{
  if (self->plan == NULL)
    return;
  g_signal_handlers_disconnect_by_data (cohorts_plan_get_baselines (self->plan), self);
  g_signal_handlers_disconnect_by_data (cohorts_plan_get_date_changes (self->plan), self);
}

static void
cohorts_dates_group_dispose (GObject *object)
{
  CohortsDatesGroup *self = COHORTS_DATES_GROUP (object);

  disconnect_plan (self);
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (cohorts_dates_group_parent_class)->dispose (object);
}

static void
cohorts_dates_group_finalize (GObject *object)
{
  CohortsDatesGroup *self = COHORTS_DATES_GROUP (object);

  g_free (self->subject);
  g_ptr_array_unref (self->rows);

  G_OBJECT_CLASS (cohorts_dates_group_parent_class)->finalize (object);
}

static void
cohorts_dates_group_class_init (CohortsDatesGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cohorts_dates_group_dispose;
  object_class->finalize = cohorts_dates_group_finalize;
}

static void
cohorts_dates_group_init (CohortsDatesGroup *self)
{
  self->rows = g_ptr_array_new ();
  gtk_widget_set_name (GTK_WIDGET (self), "dates-group");
}

GtkWidget *
cohorts_dates_group_new (void)
{
  return g_object_new (COHORTS_TYPE_DATES_GROUP, NULL);
}

/**
 * cohorts_dates_group_set_subject:
 * @subject: "plan" for its baselines, "school:URN" or "cohort:ID" for the
 *   history of that conversion date
 */
void
cohorts_dates_group_set_subject (CohortsDatesGroup *self,
                                 CohortsPlan       *plan,
                                 const char        *subject)
{
  g_return_if_fail (COHORTS_IS_DATES_GROUP (self));
  g_return_if_fail (plan == NULL || COHORTS_IS_PLAN (plan));

  if (self->plan != plan)
    {
      disconnect_plan (self);
      g_set_object (&self->plan, plan);
      if (plan != NULL)
        {
          g_signal_connect_swapped (cohorts_plan_get_baselines (plan), "items-changed",
                                    G_CALLBACK (list_changed_cb), self);
          g_signal_connect_swapped (cohorts_plan_get_date_changes (plan), "items-changed",
                                    G_CALLBACK (list_changed_cb), self);
        }
    }
  g_free (self->subject);
  self->subject = g_strdup (subject);
  refill (self);
}
