/* cohorts-date-button.c: a button that shows a date and picks another
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The button shows a date ("1 September 2027", or "Not set"); its popover
 * picks another: a calendar, or for conversion dates (always the 1st) a year
 * with arrows and its twelve months. The popover opens on the date shown, or
 * on today when there is none, and is made the first time it opens: an editor
 * holds many of these. "date-chosen" tells what the person picked; setting
 * the date from the model emits nothing.
 */
#define G_LOG_DOMAIN "cohorts-date-button"

#include "config.h"

#include <glib/gi18n.h>

#include "cohorts-date-button.h"

struct _CohortsDateButton
{
  AdwBin parent_instance;

  GtkMenuButton *button;
  GtkWidget *popover;
  GtkCalendar *calendar;   /* the day picker, once made */
  GtkLabel *year_label;    /* the month picker's, once made */
  char *title;             /* what the date is, for the accessible name */
  CohortsDate date;
  int year;                /* the year the month picker shows */
  gboolean months_only;
  gboolean allow_none;
  gboolean updating;       /* showing the date in the picker: not a choice */
};

G_DEFINE_FINAL_TYPE (CohortsDateButton, cohorts_date_button, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DATE,
  PROP_MONTHS_ONLY,
  PROP_ALLOW_NONE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  DATE_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
choose (CohortsDateButton *self,
        CohortsDate        date)
{
  gtk_menu_button_popdown (self->button);
  g_signal_emit (self, signals[DATE_CHOSEN], 0, (guint) date);
}

static void
calendar_day_selected_cb (GtkCalendar       *calendar,
                          CohortsDateButton *self)
{
  g_autoptr(GDateTime) day = NULL;

  if (self->updating)
    return;
  day = gtk_calendar_get_date (calendar);
  choose (self, cohorts_date_new (g_date_time_get_year (day), g_date_time_get_month (day),
                                  g_date_time_get_day_of_month (day)));
}

static void
clear_clicked_cb (GtkButton         *button,
                  CohortsDateButton *self)
{
  choose (self, COHORTS_DATE_NONE);
}

/* The month picker: a year with arrows, twelve months. */

static void
show_year (CohortsDateButton *self,
           int                year)
{
  g_autofree char *text = g_strdup_printf ("%d", year);

  self->year = year;
  gtk_label_set_label (self->year_label, text);
}

static void
year_step_cb (GtkButton         *button,
              CohortsDateButton *self)
{
  int step = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "step"));

  show_year (self, CLAMP (self->year + step, 1900, 2200));
}

static void
month_clicked_cb (GtkButton         *button,
                  CohortsDateButton *self)
{
  int month = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "month"));

  choose (self, cohorts_date_new (self->year, month, 1));
}

static GtkWidget *
make_month_picker (CohortsDateButton *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *year_box = gtk_center_box_new ();
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *label = gtk_label_new (NULL);

  for (int step = -1; step <= 1; step += 2)
    {
      GtkWidget *arrow = gtk_button_new_from_icon_name (step < 0 ? "go-previous-symbolic" : "go-next-symbolic");
      const char *name = step < 0 ? _("Previous Year") : _("Next Year");

      gtk_widget_add_css_class (arrow, "flat");
      gtk_widget_set_tooltip_text (arrow, name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (arrow), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      g_object_set_data (G_OBJECT (arrow), "step", GINT_TO_POINTER (step));
      g_signal_connect (arrow, "clicked", G_CALLBACK (year_step_cb), self);
      if (step < 0)
        gtk_center_box_set_start_widget (GTK_CENTER_BOX (year_box), arrow);
      else
        gtk_center_box_set_end_widget (GTK_CENTER_BOX (year_box), arrow);
    }
  gtk_widget_add_css_class (label, "heading");
  gtk_center_box_set_center_widget (GTK_CENTER_BOX (year_box), label);
  self->year_label = GTK_LABEL (label);

  gtk_grid_set_row_spacing (GTK_GRID (grid), 4);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 4);
  gtk_grid_set_column_homogeneous (GTK_GRID (grid), TRUE);
  for (int month = 1; month <= 12; month++)
    {
      g_autoptr(GDateTime) dt = g_date_time_new_utc (2000, month, 1, 0, 0, 0);
      /* Translators: a month's short name in the month picker: "Sep"; use %Ob
       * if your language has a form of month names that stands alone */
      g_autofree char *name = g_date_time_format (dt, C_("month", "%b"));
      GtkWidget *button = gtk_button_new_with_label (name);

      gtk_widget_add_css_class (button, "flat");
      g_object_set_data (G_OBJECT (button), "month", GINT_TO_POINTER (month));
      g_signal_connect (button, "clicked", G_CALLBACK (month_clicked_cb), self);
      gtk_grid_attach (GTK_GRID (grid), button, (month - 1) % 3, (month - 1) / 3, 1, 1);
    }

  gtk_box_append (GTK_BOX (box), year_box);
  gtk_box_append (GTK_BOX (box), grid);
  return box;
}

static GtkWidget *
make_calendar (CohortsDateButton *self)
{
  GtkWidget *calendar = gtk_calendar_new ();

  self->calendar = GTK_CALENDAR (calendar);
  g_signal_connect (calendar, "day-selected", G_CALLBACK (calendar_day_selected_cb), self);
  return calendar;
}

static void
ensure_picker (CohortsDateButton *self)
{
  GtkWidget *box;

  if (gtk_popover_get_child (GTK_POPOVER (self->popover)) != NULL)
    return;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_box_append (GTK_BOX (box), self->months_only ? make_month_picker (self) : make_calendar (self));
  if (self->allow_none)
    {
      GtkWidget *clear = gtk_button_new_with_mnemonic (_("_No Date"));

      g_signal_connect (clear, "clicked", G_CALLBACK (clear_clicked_cb), self);
      gtk_box_append (GTK_BOX (box), clear);
    }
  gtk_popover_set_child (GTK_POPOVER (self->popover), box);
}

/* The picker is made again, of the other kind, when it opens next. */
static void
drop_picker (CohortsDateButton *self)
{
  gtk_popover_set_child (GTK_POPOVER (self->popover), NULL);
  self->calendar = NULL;
  self->year_label = NULL;
}

/* Opens the picker on the date shown, or on today. */
static void
popover_show_cb (GtkWidget         *popover,
                 CohortsDateButton *self)
{
  CohortsDate date = self->date != COHORTS_DATE_NONE ? self->date : cohorts_date_today ();

  ensure_picker (self);

  self->updating = TRUE;
  if (self->months_only)
    show_year (self, cohorts_date_get_year (date));
  else
    {
      g_autoptr(GDateTime) dt = g_date_time_new_local (cohorts_date_get_year (date), cohorts_date_get_month (date),
                                                       cohorts_date_get_day (date), 0, 0, 0);
      gtk_calendar_select_day (self->calendar, dt);
    }
  self->updating = FALSE;
}

static void
update_label (CohortsDateButton *self)
{
  g_autofree char *text = NULL;

  text = self->date != COHORTS_DATE_NONE ? cohorts_date_format (self->date) : g_strdup (_("Not set"));
  gtk_menu_button_set_label (self->button, text);
  if (self->title != NULL)
    {
      /* Translators: the name a screen reader gives a date button: "Start of
       * Statutory consultation: 26 November 2026" */
      g_autofree char *name = g_strdup_printf (_("%s: %s"), self->title, text);

      gtk_accessible_update_property (GTK_ACCESSIBLE (self->button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
    }
}

static void
cohorts_date_button_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  CohortsDateButton *self = COHORTS_DATE_BUTTON (object);

  switch (prop_id)
    {
    case PROP_DATE:
      g_value_set_uint (value, self->date);
      break;
    case PROP_MONTHS_ONLY:
      g_value_set_boolean (value, self->months_only);
      break;
    case PROP_ALLOW_NONE:
      g_value_set_boolean (value, self->allow_none);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cohorts_date_button_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  CohortsDateButton *self = COHORTS_DATE_BUTTON (object);

  switch (prop_id)
    {
    case PROP_DATE:
      cohorts_date_button_set_date (self, g_value_get_uint (value));
      break;
    case PROP_MONTHS_ONLY:
      if (self->months_only != g_value_get_boolean (value))
        {
          self->months_only = g_value_get_boolean (value);
          drop_picker (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_ALLOW_NONE:
      if (self->allow_none != g_value_get_boolean (value))
        {
          self->allow_none = g_value_get_boolean (value);
          drop_picker (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cohorts_date_button_finalize (GObject *object)
{
  CohortsDateButton *self = (CohortsDateButton *) object;

  g_clear_pointer (&self->title, g_free);

  G_OBJECT_CLASS (cohorts_date_button_parent_class)->finalize (object);
}

static void
cohorts_date_button_class_init (CohortsDateButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = cohorts_date_button_get_property;
  object_class->set_property = cohorts_date_button_set_property;
  object_class->finalize = cohorts_date_button_finalize;

  properties[PROP_DATE] =
    g_param_spec_uint ("date", NULL, NULL, 0, G_MAXUINT32, COHORTS_DATE_NONE,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MONTHS_ONLY] =
    g_param_spec_boolean ("months-only", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ALLOW_NONE] =
    g_param_spec_boolean ("allow-none", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CohortsDateButton::date-chosen:
   * @date: the #CohortsDate picked, %COHORTS_DATE_NONE for "No Date"
   *
   * The person picked a date. The button still shows the one it was given:
   * the model decides.
   */
  signals[DATE_CHOSEN] =
    g_signal_new ("date-chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void
cohorts_date_button_init (CohortsDateButton *self)
{
  self->button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  self->popover = gtk_popover_new ();
  g_signal_connect (self->popover, "show", G_CALLBACK (popover_show_cb), self);
  gtk_menu_button_set_popover (self->button, self->popover);
  gtk_widget_set_valign (GTK_WIDGET (self->button), GTK_ALIGN_CENTER);
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->button));
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
  update_label (self);
}

/**
 * cohorts_date_button_new:
 * @months_only: pick the 1st of a month (a conversion date)
 * @allow_none: offer "No Date"
 */
GtkWidget *
cohorts_date_button_new (gboolean months_only,
                         gboolean allow_none)
{
  return g_object_new (COHORTS_TYPE_DATE_BUTTON,
                       "months-only", months_only,
                       "allow-none", allow_none,
                       NULL);
}

CohortsDate
cohorts_date_button_get_date (CohortsDateButton *self)
{
  g_return_val_if_fail (COHORTS_IS_DATE_BUTTON (self), COHORTS_DATE_NONE);
  return self->date;
}

/**
 * cohorts_date_button_set_date:
 *
 * Shows @date, and opens the picker on it next time.
 */
void
cohorts_date_button_set_date (CohortsDateButton *self,
                              CohortsDate        date)
{
  g_return_if_fail (COHORTS_IS_DATE_BUTTON (self));

  if (self->date == date)
    return;
  self->date = date;
  update_label (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

/**
 * cohorts_date_button_set_title:
 * @title: what the date is ("Start of Statutory consultation"), for screen
 *   readers: the button's own text is only the date
 */
void
cohorts_date_button_set_title (CohortsDateButton *self,
                               const char        *title)
{
  g_return_if_fail (COHORTS_IS_DATE_BUTTON (self));

  g_free (self->title);
  self->title = g_strdup (title);
  update_label (self);
}

/**
 * cohorts_date_button_get_menu_button:
 *
 * Returns: (transfer none): the button inside, that opens the picker
 */
GtkMenuButton *
cohorts_date_button_get_menu_button (CohortsDateButton *self)
{
  g_return_val_if_fail (COHORTS_IS_DATE_BUTTON (self), NULL);
  return self->button;
}

/**
 * cohorts_date_button_get_calendar:
 *
 * Returns: (transfer none) (nullable): the day picker, once the button has
 *   been opened (for tests)
 */
GtkCalendar *
cohorts_date_button_get_calendar (CohortsDateButton *self)
{
  g_return_val_if_fail (COHORTS_IS_DATE_BUTTON (self), NULL);
  return self->calendar;
}
