/* cohorts-editor.c: edits a school, a cohort, or the plan and its trust
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One widget edits whichever object is chosen: every field of a school, a
 * cohort's name, date and status, or the plan's title and dates with the
 * trust's details. The fields are described in tables below and become rows
 * of the proper kind: an entry for text and numbers (applied with Enter, the
 * apply button or by leaving the row), a drop-down for each enumeration, a
 * switch for yes/no, a calendar for dates, a month picker for conversion
 * dates (always the 1st). Every change goes through cohorts_plan_edit_value()
 * and so is undoable; a value the plan cannot hold is refused, the row shows
 * the problem and the "problem" signal carries the message.
 *
 * Some groups are not fields: a school's readiness (CohortsReadinessGroup)
 * and its conversion steps with their dates (CohortsStepsGroup), a church
 * school's track with its SIAMS inspection (CohortsChurchGroup), the plan's
 * readiness framework (CohortsFrameworkGroup) and its schedule of the steps
 * (CohortsScheduleGroup).
 * The tables name them where they go; they follow the plan themselves and
 * report refused changes through the same signal.
 */
#define G_LOG_DOMAIN "cohorts-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "cohorts-church-group.h"
#include "cohorts-date-button.h"
#include "cohorts-date-reason.h"
#include "cohorts-dates-group.h"
#include "cohorts-framework-group.h"
#include "cohorts-readiness-group.h"
#include "cohorts-review-group.h"
#include "cohorts-schedule-group.h"
#include "cohorts-steps-group.h"
#include "cohorts-ui-util.h"

#include "cohorts-editor.h"

typedef enum
{
  KIND_TEXT,
  KIND_URN,            /* the school's own URN: re-keys it */
  KIND_OPTIONAL_URN,   /* another URN, 0 when none */
  KIND_COUNT,          /* int, -1 when not recorded */
  KIND_MONEY,          /* gint64 pounds, the property's default when not recorded */
  KIND_PERCENT,        /* int hundredths of a percent, -1 when not recorded */
  KIND_ENUM,
  KIND_BOOLEAN,
  KIND_DATE,
  KIND_MONTH,          /* a date that is always the 1st of a month */
  KIND_NOTES,
} Kind;

typedef enum
{
  TARGET_SUBJECT,
  TARGET_TRUST,        /* the plan's trust, in the plan's settings */
} Target;

typedef struct
{
  const char *property;
  Kind kind;
  Target target;
  const char *title;   /* NULL: the property's nick */
  const char *subtitle;
} Field;

typedef struct
{
  const char *title;
  const Field *fields;
  guint n_fields;
  GtkWidget *(*make_group) (CohortsEditor *self);   /* a group of its own kind, not of fields */
} Section;

#define SECTION(title, fields) { title, fields, G_N_ELEMENTS (fields), NULL }
#define GROUP(make_group) { NULL, NULL, 0, make_group }

static GtkWidget *make_steps_group    (CohortsEditor *self);
static GtkWidget *make_problems_group (CohortsEditor *self);
static GtkWidget *make_schedule_group (CohortsEditor *self);
static GtkWidget *make_readiness_group (CohortsEditor *self);
static GtkWidget *make_framework_group (CohortsEditor *self);
static GtkWidget *make_church_group   (CohortsEditor *self);

static const Field school_identity[] = {
  { "name", KIND_TEXT, TARGET_SUBJECT, NULL, NULL },
  { "urn", KIND_URN, TARGET_SUBJECT, N_("URN"), N_("The DfE's unique reference number") },
  { "academy-urn", KIND_OPTIONAL_URN, TARGET_SUBJECT, NULL, N_("Its URN once it has converted") },
  { "phase", KIND_ENUM, TARGET_SUBJECT, NULL, NULL },
  { "establishment-type", KIND_ENUM, TARGET_SUBJECT, NULL, NULL },
  { "low-age", KIND_COUNT, TARGET_SUBJECT, NULL, NULL },
  { "high-age", KIND_COUNT, TARGET_SUBJECT, NULL, NULL },
  { "locked", KIND_BOOLEAN, TARGET_SUBJECT, NULL, N_("Suggest Cohorts leaves it where it is") },
};

static const Field school_place[] = {
  { "town", KIND_TEXT, TARGET_SUBJECT, NULL, NULL },
  { "postcode", KIND_TEXT, TARGET_SUBJECT, NULL, NULL },
  { "la-name", KIND_TEXT, TARGET_SUBJECT, NULL, NULL },
  { "la-code", KIND_TEXT, TARGET_SUBJECT, NULL, NULL },
  { "small", KIND_BOOLEAN, TARGET_SUBJECT, NULL, NULL },
  { "rural", KIND_BOOLEAN, TARGET_SUBJECT, NULL, NULL },
};

static const Field school_numbers[] = {
  { "pupils", KIND_COUNT, TARGET_SUBJECT, NULL, NULL },
  { "capacity", KIND_COUNT, TARGET_SUBJECT, NULL, NULL },
};

static const Field school_inspection[] = {
  { "ofsted-grade", KIND_ENUM, TARGET_SUBJECT, NULL, N_("Overall grades were given until 2 September 2024") },
  { "ofsted-date", KIND_DATE, TARGET_SUBJECT, NULL, NULL },
  { "report-card-date", KIND_DATE, TARGET_SUBJECT, NULL, N_("Report cards are issued from November 2025") },
  { "safeguarding", KIND_ENUM, TARGET_SUBJECT, NULL, NULL },
};

static const Field school_report_card[] = {
  { "report-card-inclusion", KIND_ENUM, TARGET_SUBJECT, NULL, NULL },
  { "report-card-curriculum-and-teaching", KIND_ENUM, TARGET_SUBJECT, NULL, NULL },
  { "report-card-achievement", KIND_ENUM, TARGET_SUBJECT, NULL, NULL },
  { "report-card-attendance-and-behaviour", KIND_ENUM, TARGET_SUBJECT, NULL, NULL },
  { "report-card-personal-development", KIND_ENUM, TARGET_SUBJECT, NULL, NULL },
  { "report-card-leadership-and-governance", KIND_ENUM, TARGET_SUBJECT, NULL, NULL },
  { "report-card-early-years", KIND_ENUM, TARGET_SUBJECT, NULL, NULL },
  { "report-card-sixth-form", KIND_ENUM, TARGET_SUBJECT, NULL, NULL },
};

static const Field school_church[] = {
  { "religious-character", KIND_ENUM, TARGET_SUBJECT, NULL, NULL },
  { "diocese-name", KIND_TEXT, TARGET_SUBJECT, NULL, NULL },
  { "diocese-code", KIND_TEXT, TARGET_SUBJECT, NULL, NULL },
};

static const Field school_finance[] = {
  { "budget-balance", KIND_MONEY, TARGET_SUBJECT, N_("Budget balance (£)"), N_("Negative for a deficit") },
  { "budget-date", KIND_DATE, TARGET_SUBJECT, NULL, NULL },
  { "recovery-plan", KIND_BOOLEAN, TARGET_SUBJECT, NULL, NULL },
  { "pfi", KIND_BOOLEAN, TARGET_SUBJECT, NULL, NULL },
};

static const Field school_trust[] = {
  { "current-trust-name", KIND_TEXT, TARGET_SUBJECT, NULL, N_("If it is already an academy") },
  { "current-trust-reference", KIND_TEXT, TARGET_SUBJECT, NULL, NULL },
};

static const Field notes[] = {
  { "notes", KIND_NOTES, TARGET_SUBJECT, NULL, NULL },
};

static const Section school_sections[] = {
  GROUP (make_problems_group),
  SECTION (N_("School"), school_identity),
  GROUP (make_readiness_group),
  GROUP (make_steps_group),
  SECTION (N_("Place"), school_place),
  SECTION (N_("Numbers"), school_numbers),
  SECTION (N_("Inspection"), school_inspection),
  SECTION (N_("Report Card Areas"), school_report_card),
  SECTION (N_("Church"), school_church),
  GROUP (make_church_group),
  SECTION (N_("Finance"), school_finance),
  SECTION (N_("Current Trust"), school_trust),
  SECTION (N_("Notes"), notes),
};

static const Field cohort_fields[] = {
  { "name", KIND_TEXT, TARGET_SUBJECT, NULL, NULL },
  { "date", KIND_MONTH, TARGET_SUBJECT, N_("Conversion date"), N_("Academies open on the 1st of a month") },
  { "status", KIND_ENUM, TARGET_SUBJECT, NULL, NULL },
  { "locked", KIND_BOOLEAN, TARGET_SUBJECT, NULL, N_("Suggest Cohorts keeps its date and its schools") },
};

static const Section cohort_sections[] = {
  GROUP (make_problems_group),
  SECTION (N_("Cohort"), cohort_fields),
  SECTION (N_("Notes"), notes),
};

static const Field plan_fields[] = {
  { "title", KIND_TEXT, TARGET_SUBJECT, N_("Title"), NULL },
  { "start-date", KIND_DATE, TARGET_SUBJECT, N_("Start date"), N_("No conversion may come before it") },
};

static const Field trust_fields[] = {
  { "name", KIND_TEXT, TARGET_TRUST, N_("Name"), NULL },
  { "kind", KIND_ENUM, TARGET_TRUST, NULL, NULL },
  { "ukprn", KIND_TEXT, TARGET_TRUST, NULL, N_("Eight digits starting with 1") },
  { "reference", KIND_TEXT, TARGET_TRUST, NULL, N_("The DfE's reference: TR and five digits") },
};

static const Field team_fields[] = {
  { "concurrent-conversions", KIND_COUNT, TARGET_TRUST, NULL, N_("How many conversions the team can run at once") },
  { "conversions-per-term", KIND_COUNT, TARGET_TRUST, NULL, NULL },
  { "top-slice", KIND_PERCENT, TARGET_TRUST, N_("Top-slice (%)"), N_("The share of each academy's grant for central services") },
  { "annual-cost", KIND_MONEY, TARGET_TRUST, N_("Central services a year (£)"), NULL },
  { "funding-per-pupil", KIND_MONEY, TARGET_TRUST, N_("Funding a pupil a year (£)"),
    N_("The academies' grant a pupil, to weigh the top-slice against the costs") },
};

static const Field growth_fields[] = {
  { "academies-min", KIND_COUNT, TARGET_TRUST, NULL, NULL },
  { "academies-max", KIND_COUNT, TARGET_TRUST, NULL, NULL },
  { "target-pupils", KIND_COUNT, TARGET_TRUST, N_("Pupils"), NULL },
  { "within-years", KIND_COUNT, TARGET_TRUST, NULL, NULL },
};

static const Field capacity_fields[] = {
  { "support-ratio", KIND_COUNT, TARGET_TRUST, NULL, N_("For each academy that needs support; 2 when empty, 0 checks nothing") },
  { "max-deficit-together", KIND_COUNT, TARGET_TRUST, NULL, N_("In the same month; 1 when empty") },
  { "church-share-min", KIND_PERCENT, TARGET_TRUST, N_("Church share, at least (%)"), N_("The diocese’s agreed minimum, from 3 academies") },
};

static const Field trust_notes[] = {
  { "notes", KIND_NOTES, TARGET_TRUST, NULL, NULL },
};

static const Section plan_sections[] = {
  SECTION (N_("Plan"), plan_fields),
  SECTION (N_("Trust"), trust_fields),
  SECTION (N_("Central Team"), team_fields),
  SECTION (N_("Growth Target"), growth_fields),
  SECTION (N_("Capacity Limits"), capacity_fields),
  GROUP (make_schedule_group),
  GROUP (make_framework_group),
  SECTION (N_("Notes on the Trust"), trust_notes),
};

struct _CohortsEditor
{
  AdwBin parent_instance;

  GtkLabel *title;
  GtkLabel *subtitle;
  GtkBox *actions;
  GtkMenuButton *move_button;
  GtkWidget *remove_button;
  GtkWidget *delete_cohort_button;
  AdwPreferencesPage *page;

  CohortsPlan *plan;
  GObject *subject;
  GPtrArray *groups;      /* AdwPreferencesGroup added to the page */
  GPtrArray *rows;        /* every row widget, each with its Field */
  GtkWidget *steps_group;     /* a school's conversion steps, when shown */
  GtkWidget *schedule_group;  /* the plan's schedule, when shown */
  GtkWidget *readiness_group; /* a school's readiness, when shown */
  GtkWidget *framework_group; /* the plan's readiness framework, when shown */
  GtkWidget *church_group;    /* a church school's track, when shown */
  GtkWidget *problems_group;  /* the school's or cohort's findings, when shown */
  GPtrArray *problem_rows;    /* its rows */
  GPtrArray *findings;        /* (nullable): the plan's findings, CohortsFinding */
  GtkWidget *review_group;    /* the comments on what is shown, first on the page (owned) */
  GtkWidget *dates_group;     /* baselines, or the history of the date, last on the page (owned) */
  GPtrArray *deferred;        /* groups built, not yet on the page (owned) */
  guint reveal_tick;          /* adds them after the first frame */
  guint frames_waited;
  gboolean filled_once;       /* the first page has been filled */
  gboolean review_mode;       /* all but the review group insensitive */
  gboolean updating;      /* setting widgets from the model: do not edit */
  guint refresh_source;
};

G_DEFINE_FINAL_TYPE (CohortsEditor, cohorts_editor, ADW_TYPE_BIN)

enum {
  PROBLEM,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GObject *
row_target (CohortsEditor *self,
            GtkWidget     *row)
{
  const Field *field = g_object_get_data (G_OBJECT (row), "field");

  if (field->target == TARGET_TRUST)
    return G_OBJECT (cohorts_plan_get_trust (self->plan));
  return self->subject;
}

static GParamSpec *
row_pspec (CohortsEditor *self,
           GtkWidget     *row)
{
  const Field *field = g_object_get_data (G_OBJECT (row), "field");

  return g_object_class_find_property (G_OBJECT_GET_CLASS (row_target (self, row)), field->property);
}

static void
show_problem (CohortsEditor *self,
              GtkWidget     *row,
              const char    *message)
{
  if (message != NULL)
    {
      gtk_widget_add_css_class (row, "error");
      gtk_widget_set_tooltip_text (row, message);
      g_signal_emit (self, signals[PROBLEM], 0, message);
    }
  else
    {
      gtk_widget_remove_css_class (row, "error");
      gtk_widget_set_tooltip_text (row, NULL);
    }
}

static gboolean refresh (gpointer user_data);

typedef struct
{
  CohortsEditor *self;
  CohortsCohort *cohort;
  CohortsDate date;
} CohortDate;

static void
cohort_date_free (gpointer data)
{
  CohortDate *c = data;

  g_object_unref (c->self);
  g_object_unref (c->cohort);
  g_free (c);
}

static gboolean
cohort_date_edit (gpointer data,
                  gboolean apply)
{
  CohortDate *c = data;
  g_auto(GValue) value = G_VALUE_INIT;

  /* Gone with its window: nothing to do. */
  if (c->self->plan == NULL)
    return FALSE;
  /* Called off: the row shows the plan's date again. */
  if (!apply)
    {
      cohorts_schedule_before_frame (&c->self->refresh_source, refresh, c->self);
      return FALSE;
    }
  g_value_init (&value, G_TYPE_UINT);
  g_value_set_uint (&value, c->date);
  return cohorts_plan_edit_value (c->self->plan, c->cohort, "date", &value, NULL);
}

/* Edits the row's property to @value, as one undoable step. */
static gboolean
commit (CohortsEditor *self,
        GtkWidget     *row,
        const GValue  *value)
{
  const Field *field = g_object_get_data (G_OBJECT (row), "field");
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (self->updating || self->plan == NULL)
    return TRUE;

  /* Review mode: the rows are insensitive, and whatever reaches them
   * anyway is not applied; the row shows the model again. */
  if (self->review_mode)
    {
      cohorts_schedule_before_frame (&self->refresh_source, refresh, self);
      return FALSE;
    }

  /* A cohort's date moves its conversions: once the plan has a baseline,
   * the user says why first. */
  if (COHORTS_IS_COHORT (self->subject) && g_str_equal (field->property, "date") &&
      G_VALUE_HOLDS_UINT (value) && g_value_get_uint (value) != cohorts_cohort_get_date (COHORTS_COHORT (self->subject)))
    {
      CohortsCohort *cohort = COHORTS_COHORT (self->subject);
      GPtrArray *moves = cohorts_date_moves_new ();
      g_autofree char *subject = g_strconcat ("cohort:", cohorts_cohort_get_id (cohort), NULL);
      CohortDate *c = g_new0 (CohortDate, 1);

      c->self = g_object_ref (self);
      c->cohort = g_object_ref (cohort);
      c->date = g_value_get_uint (value);
      cohorts_date_moves_add (moves, subject, cohorts_cohort_get_date (cohort), c->date);
      ok = cohorts_date_reason_run (GTK_WIDGET (self), self->plan, NULL, moves, cohort_date_edit, c, cohort_date_free);
      show_problem (self, row, NULL);
      return ok;
    }

  if (field->kind == KIND_URN)
    ok = cohorts_plan_set_school_urn (self->plan, COHORTS_SCHOOL (self->subject), g_value_get_uint (value), &error);
  else
    ok = cohorts_plan_edit_value (self->plan, row_target (self, row), field->property, value, &error);

  show_problem (self, row, ok ? NULL : error->message);
  return ok;
}

/* Text of numbers, as shown and as typed */

static char *
format_value (const Field  *field,
              GParamSpec   *pspec,
              const GValue *value)
{
  switch (field->kind)
    {
    case KIND_TEXT:
      return g_value_dup_string (value);
    case KIND_URN:
    case KIND_OPTIONAL_URN:
      return g_value_get_uint (value) ? g_strdup_printf ("%u", g_value_get_uint (value)) : g_strdup ("");
    case KIND_COUNT:
      return g_value_get_int (value) >= 0 ? g_strdup_printf ("%d", g_value_get_int (value)) : g_strdup ("");
    case KIND_MONEY:
      if (g_value_get_int64 (value) == G_PARAM_SPEC_INT64 (pspec)->default_value)
        return g_strdup ("");
      return g_strdup_printf ("%" G_GINT64_FORMAT, g_value_get_int64 (value));
    case KIND_PERCENT:
      {
        int hundredths = g_value_get_int (value);

        if (hundredths < 0)
          return g_strdup ("");
        if (hundredths % 100 == 0)
          return g_strdup_printf ("%d", hundredths / 100);
        if (hundredths % 10 == 0)
          return g_strdup_printf ("%d.%d", hundredths / 100, hundredths % 100 / 10);
        return g_strdup_printf ("%d.%02d", hundredths / 100, hundredths % 100);
      }
    case KIND_ENUM:
    case KIND_BOOLEAN:
    case KIND_DATE:
    case KIND_MONTH:
    case KIND_NOTES:
    default:
      g_assert_not_reached ();
    }
}

/* Reads whole pounds or a count as typed: spaces, commas and "£" allowed. */
static gboolean
parse_number (const char *text,
              gboolean    allow_sign,
              gint64     *out)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  gboolean negative = FALSE;
  gint64 value = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == ' ' || c == ',' || c == 0x00A3 /* £ */)
        continue;
      if (c == '-' && allow_sign && digits->len == 0 && !negative)
        negative = TRUE;
      else if (c >= '0' && c <= '9')
        g_string_append_c (digits, (char) c);
      else
        return FALSE;
    }

  if (digits->len == 0 || digits->len > 15)
    return FALSE;
  for (const char *p = digits->str; *p; p++)
    value = value * 10 + (*p - '0');
  *out = negative ? -value : value;
  return TRUE;
}

static gboolean
parse_percent (const char *text,
               int        *hundredths)
{
  g_auto(GStrv) parts = g_strsplit (g_strstrip (g_strdup (text)), ".", 3);
  gint64 whole, fraction = 0;
  gsize n;

  if (parts[0] == NULL || !parse_number (parts[0], FALSE, &whole) || whole > 100)
    return FALSE;
  if (parts[1] != NULL)
    {
      n = strlen (parts[1]);
      if (parts[2] != NULL || n < 1 || n > 2 || !parse_number (parts[1], FALSE, &fraction))
        return FALSE;
      if (n == 1)
        fraction *= 10;
    }
  if (whole * 100 + fraction > 10000)
    return FALSE;
  *hundredths = (int) (whole * 100 + fraction);
  return TRUE;
}

/* Commits what an entry row holds, if it differs from the model. */
static void
commit_entry (CohortsEditor *self,
              GtkWidget     *row)
{
  const Field *field = g_object_get_data (G_OBJECT (row), "field");
  GParamSpec *pspec = row_pspec (self, row);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  g_auto(GValue) current = G_VALUE_INIT;
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *shown = NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  gint64 number = 0;
  int hundredths = 0;

  if (self->updating || self->subject == NULL || pspec == NULL)
    return;

  g_value_init (&current, pspec->value_type);
  g_object_get_property (row_target (self, row), field->property, &current);
  shown = format_value (field, pspec, &current);
  if (g_strcmp0 (shown, text) == 0)
    {
      show_problem (self, row, NULL);
      return;
    }

  g_value_init (&value, pspec->value_type);

  switch (field->kind)
    {
    case KIND_TEXT:
      g_value_set_string (&value, text);
      break;

    case KIND_URN:
    case KIND_OPTIONAL_URN:
      if (trimmed[0] == '\0' && field->kind == KIND_OPTIONAL_URN)
        g_value_set_uint (&value, 0);
      else if (strlen (trimmed) == 6 && parse_number (trimmed, FALSE, &number) && number >= 100000)
        g_value_set_uint (&value, (guint) number);
      else
        {
          show_problem (self, row, _("A URN is six digits, such as 100000"));
          return;
        }
      break;

    case KIND_COUNT:
      if (trimmed[0] == '\0')
        g_value_set_int (&value, -1);
      else if (parse_number (trimmed, FALSE, &number) && number <= G_PARAM_SPEC_INT (pspec)->maximum)
        g_value_set_int (&value, (int) number);
      else
        {
          g_autofree char *message = g_strdup_printf (_("Enter a whole number from 0 to %d, or nothing"),
                                                      G_PARAM_SPEC_INT (pspec)->maximum);
          show_problem (self, row, message);
          return;
        }
      break;

    case KIND_MONEY:
      if (trimmed[0] == '\0')
        g_value_set_int64 (&value, G_PARAM_SPEC_INT64 (pspec)->default_value);
      else if (parse_number (trimmed, G_PARAM_SPEC_INT64 (pspec)->minimum < -1, &number))
        g_value_set_int64 (&value, number);
      else
        {
          show_problem (self, row, _("Enter whole pounds, such as 45000 or -12500, or nothing"));
          return;
        }
      break;

    case KIND_PERCENT:
      if (trimmed[0] == '\0')
        g_value_set_int (&value, -1);
      else if (parse_percent (trimmed, &hundredths))
        g_value_set_int (&value, hundredths);
      else
        {
          show_problem (self, row, _("Enter a percentage from 0 to 100, with at most two decimals"));
          return;
        }
      break;

    case KIND_ENUM:
    case KIND_BOOLEAN:
    case KIND_DATE:
    case KIND_MONTH:
    case KIND_NOTES:
    default:
      g_assert_not_reached ();
    }

  commit (self, row, &value);
}

static void
entry_apply_cb (GtkWidget     *row,
                CohortsEditor *self)
{
  commit_entry (self, row);
}

static void
entry_focus_leave_cb (GtkEventControllerFocus *controller,
                      CohortsEditor           *self)
{
  commit_entry (self, gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)));
}

static void
combo_selected_cb (GtkWidget     *row,
                   GParamSpec    *pspec,
                   CohortsEditor *self)
{
  g_auto(GValue) value = G_VALUE_INIT;

  if (self->updating)
    return;
  g_value_init (&value, row_pspec (self, row)->value_type);
  g_value_set_enum (&value, adw_combo_row_get_selected (ADW_COMBO_ROW (row)));
  commit (self, row, &value);
}

static void
switch_active_cb (GtkSwitch     *widget,
                  GParamSpec    *pspec,
                  CohortsEditor *self)
{
  GtkWidget *row = g_object_get_data (G_OBJECT (widget), "row");
  g_auto(GValue) value = G_VALUE_INIT;

  if (self->updating)
    return;
  g_value_init (&value, G_TYPE_BOOLEAN);
  g_value_set_boolean (&value, gtk_switch_get_active (widget));
  commit (self, row, &value);
}

static void
commit_date (CohortsEditor *self,
             GtkWidget     *row,
             CohortsDate    date)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_UINT);
  g_value_set_uint (&value, date);
  commit (self, row, &value);
}

static void
date_chosen_cb (CohortsDateButton *button,
                guint              date,
                CohortsEditor     *self)
{
  commit_date (self, g_object_get_data (G_OBJECT (button), "row"), date);
}

static GtkWidget *
make_date_row (CohortsEditor *self,
               const Field   *field)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = cohorts_date_button_new (field->kind == KIND_MONTH, TRUE);

  g_object_set_data (G_OBJECT (row), "field", (gpointer) field);
  g_object_set_data (G_OBJECT (row), "date-button", button);
  g_object_set_data (G_OBJECT (row), "button",
                     cohorts_date_button_get_menu_button (COHORTS_DATE_BUTTON (button)));
  g_object_set_data (G_OBJECT (button), "row", row);
  g_signal_connect (button, "date-chosen", G_CALLBACK (date_chosen_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row),
                                         GTK_WIDGET (cohorts_date_button_get_menu_button (COHORTS_DATE_BUTTON (button))));
  return row;
}

/* Notes: committed when the text view loses the focus. */

static void
commit_notes (CohortsEditor *self,
              GtkWidget     *row)
{
  const Field *field = g_object_get_data (G_OBJECT (row), "field");
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (row));
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  g_autofree char *current = NULL;
  g_auto(GValue) value = G_VALUE_INIT;

  if (self->updating || self->subject == NULL)
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_object_get (row_target (self, row), field->property, &current, NULL);
  if (g_strcmp0 (text, current) == 0)
    return;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text);
  commit (self, row, &value);
}

static void
notes_focus_leave_cb (GtkEventControllerFocus *controller,
                      CohortsEditor           *self)
{
  commit_notes (self, gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)));
}

static GtkWidget *
make_row (CohortsEditor *self,
          const Field   *field,
          GParamSpec    *pspec)
{
  const char *title = field->title ? _(field->title) : g_param_spec_get_nick (pspec);
  GtkWidget *row = NULL;

  switch (field->kind)
    {
    case KIND_TEXT:
    case KIND_URN:
    case KIND_OPTIONAL_URN:
    case KIND_COUNT:
    case KIND_MONEY:
    case KIND_PERCENT:
      {
        GtkEventController *focus = gtk_event_controller_focus_new ();

        row = adw_entry_row_new ();
        adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
        if (field->kind != KIND_TEXT)
          adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (row), GTK_INPUT_PURPOSE_NUMBER);
        g_signal_connect (row, "apply", G_CALLBACK (entry_apply_cb), self);
        g_signal_connect (row, "entry-activated", G_CALLBACK (entry_apply_cb), self);
        g_signal_connect (focus, "leave", G_CALLBACK (entry_focus_leave_cb), self);
        gtk_widget_add_controller (row, focus);
      }
      break;

    case KIND_ENUM:
      {
        GEnumClass *klass = G_PARAM_SPEC_ENUM (pspec)->enum_class;
        GtkStringList *labels = gtk_string_list_new (NULL);

        /* The values of our enumerations run from 0 without gaps: index = value. */
        for (guint i = 0; i < klass->n_values; i++)
          {
            g_assert (klass->values[i].value == (int) i);
            gtk_string_list_append (labels, cohorts_enum_get_label (pspec->value_type, i));
          }
        row = adw_combo_row_new ();
        adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
        g_object_unref (labels);
        g_signal_connect (row, "notify::selected", G_CALLBACK (combo_selected_cb), self);
      }
      break;

    case KIND_BOOLEAN:
      {
        GtkWidget *toggle = gtk_switch_new ();

        row = adw_action_row_new ();
        gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
        g_object_set_data (G_OBJECT (toggle), "row", row);
        g_object_set_data (G_OBJECT (row), "switch", toggle);
        g_signal_connect (toggle, "notify::active", G_CALLBACK (switch_active_cb), self);
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
        adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
      }
      break;

    case KIND_DATE:
    case KIND_MONTH:
      row = make_date_row (self, field);
      cohorts_date_button_set_title (g_object_get_data (G_OBJECT (row), "date-button"), title);
      break;

    case KIND_NOTES:
      {
        GtkEventController *focus = gtk_event_controller_focus_new ();

        row = gtk_text_view_new ();
        gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (row), GTK_WRAP_WORD_CHAR);
        gtk_text_view_set_left_margin (GTK_TEXT_VIEW (row), 12);
        gtk_text_view_set_right_margin (GTK_TEXT_VIEW (row), 12);
        gtk_text_view_set_top_margin (GTK_TEXT_VIEW (row), 10);
        gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (row), 10);
        gtk_widget_set_size_request (row, -1, 110);
        gtk_widget_add_css_class (row, "card");
        gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
        g_signal_connect (focus, "leave", G_CALLBACK (notes_focus_leave_cb), self);
        gtk_widget_add_controller (row, focus);
        g_object_set_data (G_OBJECT (row), "field", (gpointer) field);
        return row;
      }

    default:
      g_assert_not_reached ();
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (field->subtitle != NULL && ADW_IS_ACTION_ROW (row))
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _(field->subtitle));
  else if (field->subtitle != NULL)
    gtk_widget_set_tooltip_text (row, _(field->subtitle));
  g_object_set_data (G_OBJECT (row), "field", (gpointer) field);
  return row;
}

/* Shows the model's value in @row. */
static void
update_row (CohortsEditor *self,
            GtkWidget     *row)
{
  const Field *field = g_object_get_data (G_OBJECT (row), "field");
  GParamSpec *pspec = row_pspec (self, row);
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, pspec->value_type);
  g_object_get_property (row_target (self, row), field->property, &value);

  switch (field->kind)
    {
    case KIND_TEXT:
    case KIND_URN:
    case KIND_OPTIONAL_URN:
    case KIND_COUNT:
    case KIND_MONEY:
    case KIND_PERCENT:
      {
        g_autofree char *text = format_value (field, pspec, &value);
        GtkRoot *root = gtk_widget_get_root (row);   /* none while the row waits for the first frame */
        GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

        /* Leave alone what is being typed. */
        if (gtk_widget_has_focus (row) || gtk_widget_is_focus (row) ||
            (focus != NULL && gtk_widget_is_ancestor (focus, row)))
          break;
        if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text) != 0)
          gtk_editable_set_text (GTK_EDITABLE (row), text);
        show_problem (self, row, NULL);
      }
      break;

    case KIND_ENUM:
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), g_value_get_enum (&value));
      break;

    case KIND_BOOLEAN:
      gtk_switch_set_active (g_object_get_data (G_OBJECT (row), "switch"), g_value_get_boolean (&value));
      break;

    case KIND_DATE:
    case KIND_MONTH:
      cohorts_date_button_set_date (g_object_get_data (G_OBJECT (row), "date-button"), g_value_get_uint (&value));
      break;

    case KIND_NOTES:
      {
        GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (row));
        GtkTextIter start, end;
        g_autofree char *text = NULL;

        if (gtk_widget_has_focus (row))
          break;
        gtk_text_buffer_get_bounds (buffer, &start, &end);
        text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
        if (g_strcmp0 (text, g_value_get_string (&value)) != 0)
          gtk_text_buffer_set_text (buffer, g_value_get_string (&value), -1);
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
update_header (CohortsEditor *self)
{
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  if (COHORTS_IS_SCHOOL (self->subject))
    {
      CohortsSchool *school = COHORTS_SCHOOL (self->subject);
      CohortsCohort *cohort = cohorts_school_get_cohort (school);
      g_autofree char *where = cohort ? cohorts_cohort_dup_display_name (cohort) : g_strdup (_("Unassigned"));

      title = g_strdup (cohorts_school_get_name (school)[0] ? cohorts_school_get_name (school) : _("Unnamed School"));
      /* Translators: under a school's name in the editor: "URN 938112 · Cohort 1" */
      subtitle = g_strdup_printf (_("URN %u · %s"), cohorts_school_get_urn (school), where);
    }
  else if (COHORTS_IS_COHORT (self->subject))
    {
      CohortsCohort *cohort = COHORTS_COHORT (self->subject);
      guint n = cohorts_cohort_get_n_members (cohort);

      title = cohorts_cohort_dup_display_name (cohort);
      subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u school", "%u schools", n), n);
    }
  else
    {
      title = g_strdup (_("Plan Settings"));
      subtitle = g_strdup (_("The plan and the trust it forms or grows"));
    }

  gtk_label_set_label (self->title, title);
  gtk_label_set_label (self->subtitle, subtitle);

  gtk_widget_set_visible (GTK_WIDGET (self->move_button), COHORTS_IS_SCHOOL (self->subject));
  gtk_widget_set_visible (self->remove_button, COHORTS_IS_SCHOOL (self->subject));
  gtk_widget_set_visible (self->delete_cohort_button, COHORTS_IS_COHORT (self->subject));
}

/**
 * cohorts_editor_set_move_menu:
 *
 * Sets the menu of the "Move To" button shown for schools.
 */
void
cohorts_editor_set_move_menu (CohortsEditor *self,
                              GMenuModel    *menu)
{
  g_return_if_fail (COHORTS_IS_EDITOR (self));
  gtk_menu_button_set_menu_model (self->move_button, menu);
}

static gboolean
refresh (gpointer user_data)
{
  CohortsEditor *self = user_data;

  self->refresh_source = 0;
  if (self->subject == NULL)
    return G_SOURCE_REMOVE;

  self->updating = TRUE;
  for (guint i = 0; i < self->rows->len; i++)
    update_row (self, g_ptr_array_index (self->rows, i));
  self->updating = FALSE;

  update_header (self);
  return G_SOURCE_REMOVE;
}

static void
apply_review_mode (CohortsEditor *self)
{
  for (guint i = 0; i < self->groups->len; i++)
    {
      GtkWidget *group = g_ptr_array_index (self->groups, i);

      if (group != self->review_group)
        gtk_widget_set_sensitive (group, !self->review_mode);
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->actions), !self->review_mode);
}

static void
plan_changed_cb (CohortsEditor *self)
{
  cohorts_schedule_before_frame (&self->refresh_source, refresh, self);
}

static void
clear_rows (CohortsEditor *self)
{
  for (guint i = 0; i < self->groups->len; i++)
    {
      GtkWidget *group = g_ptr_array_index (self->groups, i);

      /* Groups still waiting for the first frame are not on the page. */
      if (gtk_widget_get_parent (group) != NULL)
        adw_preferences_page_remove (self->page, ADW_PREFERENCES_GROUP (group));
    }
  g_ptr_array_set_size (self->groups, 0);
  if (self->deferred != NULL)
    g_ptr_array_set_size (self->deferred, 0);
  g_ptr_array_set_size (self->rows, 0);
  self->steps_group = NULL;
  self->schedule_group = NULL;
  self->readiness_group = NULL;
  self->framework_group = NULL;
  self->church_group = NULL;
  self->problems_group = NULL;
  g_ptr_array_set_size (self->problem_rows, 0);
}

static void
group_problem_cb (CohortsEditor *self,
                  const char    *message)
{
  g_signal_emit (self, signals[PROBLEM], 0, message);
}

static GtkWidget *
make_steps_group (CohortsEditor *self)
{
  self->steps_group = cohorts_steps_group_new ();
  g_signal_connect_swapped (self->steps_group, "problem", G_CALLBACK (group_problem_cb), self);
  return self->steps_group;
}

/* The subject of findings about what is shown: "school:URN", "cohort:ID". */
static char *
subject_key (CohortsEditor *self)
{
  if (COHORTS_IS_SCHOOL (self->subject))
    return g_strdup_printf ("school:%u", cohorts_school_get_urn (COHORTS_SCHOOL (self->subject)));
  if (COHORTS_IS_COHORT (self->subject))
    return g_strdup_printf ("cohort:%s", cohorts_cohort_get_id (COHORTS_COHORT (self->subject)));
  return NULL;
}

/* The findings about what is shown, at the top of its page: the other end
 * of the window's Problems list, which leads here. */
static void
fill_problems (CohortsEditor *self)
{
  g_autofree char *key = NULL;
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (self->problems_group);

  if (self->problems_group == NULL)
    return;

  for (guint i = 0; i < self->problem_rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (self->problem_rows, i));
  g_ptr_array_set_size (self->problem_rows, 0);

  key = subject_key (self);
  for (guint i = 0; key != NULL && self->findings != NULL && i < self->findings->len; i++)
    {
      const CohortsFinding *finding = g_ptr_array_index (self->findings, i);
      GtkWidget *row;

      if (g_strcmp0 (finding->subject, key) != 0)
        continue;

      row = cohorts_finding_row_new (finding);
      adw_preferences_group_add (group, row);
      g_ptr_array_add (self->problem_rows, row);
    }
  gtk_widget_set_visible (self->problems_group, self->problem_rows->len > 0);
}

static GtkWidget *
make_problems_group (CohortsEditor *self)
{
  self->problems_group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->problems_group), _("Problems"));
  fill_problems (self);
  return self->problems_group;
}

/**
 * cohorts_editor_set_findings:
 * @findings: (nullable) (element-type CohortsFinding): the plan's findings
 *
 * Gives the editor the plan's findings, so that a school's or a cohort's
 * page lists its own.
 */
void
cohorts_editor_set_findings (CohortsEditor *self,
                             GPtrArray     *findings)
{
  g_return_if_fail (COHORTS_IS_EDITOR (self));

  if (findings != NULL)
    g_ptr_array_ref (findings);
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  self->findings = findings;
  fill_problems (self);
}

static GtkWidget *
make_schedule_group (CohortsEditor *self)
{
  self->schedule_group = cohorts_schedule_group_new ();
  return self->schedule_group;
}

static GtkWidget *
make_readiness_group (CohortsEditor *self)
{
  self->readiness_group = cohorts_readiness_group_new ();
  g_signal_connect_swapped (self->readiness_group, "problem", G_CALLBACK (group_problem_cb), self);
  return self->readiness_group;
}

static GtkWidget *
make_framework_group (CohortsEditor *self)
{
  self->framework_group = cohorts_framework_group_new ();
  g_signal_connect_swapped (self->framework_group, "problem", G_CALLBACK (group_problem_cb), self);
  return self->framework_group;
}

static GtkWidget *
make_church_group (CohortsEditor *self)
{
  self->church_group = cohorts_church_group_new ();
  g_signal_connect_swapped (self->church_group, "problem", G_CALLBACK (group_problem_cb), self);
  return self->church_group;
}

/* The first page a window shows is its start-up's largest layout: the groups
 * below the first screen go on the page once the first frame is drawn (two
 * frame ticks on), which the user does not see, as they are out of sight. */
#define FIRST_SCREEN_SECTIONS 3

static gboolean
reveal_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  CohortsEditor *self = COHORTS_EDITOR (widget);

  if (++self->frames_waited < 2)
    return G_SOURCE_CONTINUE;

  for (guint i = 0; i < self->deferred->len; i++)
    adw_preferences_page_add (self->page, g_ptr_array_index (self->deferred, i));
  g_ptr_array_set_size (self->deferred, 0);
  self->reveal_tick = 0;
  return G_SOURCE_REMOVE;
}

/* Puts @group on the page, or keeps it for after the first frame. */
static void
add_group (CohortsEditor *self,
           GtkWidget     *group,
           gboolean       defer)
{
  if (defer)
    {
      g_ptr_array_add (self->deferred, g_object_ref_sink (group));
      if (self->reveal_tick == 0)
        {
          self->frames_waited = 0;
          self->reveal_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), reveal_tick_cb, NULL, NULL);
        }
    }
  else
    adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (group));
  g_ptr_array_add (self->groups, group);
}

/**
 * cohorts_editor_is_complete:
 *
 * Returns: whether every group of what is shown is on the page (the first
 *   page a window shows completes after its first frame)
 */
gboolean
cohorts_editor_is_complete (CohortsEditor *self)
{
  g_return_val_if_fail (COHORTS_IS_EDITOR (self), TRUE);
  return self->deferred->len == 0;
}

static void
build_rows (CohortsEditor *self,
            const Section *sections,
            guint          n_sections,
            gboolean       defer)
{
  for (guint s = 0; s < n_sections; s++)
    {
      gboolean later = defer && s >= FIRST_SCREEN_SECTIONS;
      GtkWidget *group;

      if (sections[s].make_group != NULL)
        {
          group = sections[s].make_group (self);
          add_group (self, group, later);
          continue;
        }

      group = adw_preferences_group_new ();

      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _(sections[s].title));
      for (guint f = 0; f < sections[s].n_fields; f++)
        {
          const Field *field = &sections[s].fields[f];
          GObject *target = field->target == TARGET_TRUST ? G_OBJECT (cohorts_plan_get_trust (self->plan))
                                                          : self->subject;
          GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (target), field->property);
          GtkWidget *row;

          g_assert (pspec != NULL);
          row = make_row (self, field, pspec);
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
          g_ptr_array_add (self->rows, row);
        }

      add_group (self, group, later);
    }
}

/**
 * cohorts_editor_set_subject:
 * @plan: (nullable): the plan @subject belongs to
 * @subject: (nullable): a school or cohort of @plan, or @plan itself for its
 *   settings and its trust's
 *
 * Shows the fields of @subject. What was typed and not yet applied in the
 * previous subject is applied first.
 */
void
cohorts_editor_set_subject (CohortsEditor *self,
                            CohortsPlan   *plan,
                            GObject       *subject)
{
  const Section *sections;
  guint n_sections;
  gboolean defer;
  GType before;

  g_return_if_fail (COHORTS_IS_EDITOR (self));
  g_return_if_fail (subject == NULL || COHORTS_IS_PLAN (plan));

  if (self->plan == plan && self->subject == subject)
    return;

  /* Apply what is half typed before the rows change their subject. */
  if (self->subject != NULL)
    for (guint i = 0; i < self->rows->len; i++)
      {
        GtkWidget *row = g_ptr_array_index (self->rows, i);
        const Field *field = g_object_get_data (G_OBJECT (row), "field");

        if (field->kind == KIND_NOTES)
          commit_notes (self, row);
        else if (ADW_IS_ENTRY_ROW (row))
          commit_entry (self, row);
      }

  before = self->subject ? G_OBJECT_TYPE (self->subject) : G_TYPE_INVALID;

  if (self->plan != plan)
    {
      if (self->plan != NULL)
        g_signal_handlers_disconnect_by_data (self->plan, self);
      g_set_object (&self->plan, plan);
      if (plan != NULL)
        g_signal_connect_object (plan, "changed", G_CALLBACK (plan_changed_cb), self, G_CONNECT_SWAPPED);
    }
  g_set_object (&self->subject, subject);

  if (subject == NULL)
    {
      clear_rows (self);
      gtk_widget_set_visible (GTK_WIDGET (self->actions), FALSE);
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->actions), TRUE);

  /* Rows are kept when the kind of subject stays: no flicker, focus kept. */
  if (G_OBJECT_TYPE (subject) != before || self->rows->len == 0)
    {
      clear_rows (self);
      adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (self->review_group));
      g_ptr_array_add (self->groups, self->review_group);
      if (COHORTS_IS_SCHOOL (subject))
        sections = school_sections, n_sections = G_N_ELEMENTS (school_sections);
      else if (COHORTS_IS_COHORT (subject))
        sections = cohort_sections, n_sections = G_N_ELEMENTS (cohort_sections);
      else
        sections = plan_sections, n_sections = G_N_ELEMENTS (plan_sections);
      /* Only the first page waits for the first frame, and only when the
       * editor is to be drawn in it (a hidden editor has no frames). */
      defer = !self->filled_once && n_sections > FIRST_SCREEN_SECTIONS && gtk_widget_is_visible (GTK_WIDGET (self));
      self->filled_once = TRUE;
      build_rows (self, sections, n_sections, defer);
      add_group (self, self->dates_group, defer);
      apply_review_mode (self);
    }

  {
    g_autofree char *key = subject_key (self);
    cohorts_review_group_set_subject (COHORTS_REVIEW_GROUP (self->review_group), plan,
                                      key != NULL ? key : "plan");
    cohorts_dates_group_set_subject (COHORTS_DATES_GROUP (self->dates_group), plan, key != NULL ? key : "plan");
  }

  if (self->steps_group != NULL)
    cohorts_steps_group_set_school (COHORTS_STEPS_GROUP (self->steps_group), plan, COHORTS_SCHOOL (subject));
  if (self->readiness_group != NULL)
    cohorts_readiness_group_set_school (COHORTS_READINESS_GROUP (self->readiness_group), plan,
                                        COHORTS_SCHOOL (subject));
  if (self->church_group != NULL)
    cohorts_church_group_set_school (COHORTS_CHURCH_GROUP (self->church_group), plan, COHORTS_SCHOOL (subject));
  if (self->schedule_group != NULL)
    cohorts_schedule_group_set_plan (COHORTS_SCHEDULE_GROUP (self->schedule_group), plan);
  if (self->framework_group != NULL)
    cohorts_framework_group_set_plan (COHORTS_FRAMEWORK_GROUP (self->framework_group), plan);

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  refresh (self);
}

/**
 * cohorts_editor_get_subject:
 *
 * Returns: (transfer none) (nullable): what is being edited
 */
GObject *
cohorts_editor_get_subject (CohortsEditor *self)
{
  g_return_val_if_fail (COHORTS_IS_EDITOR (self), NULL);
  return self->subject;
}

/**
 * cohorts_editor_get_row:
 *
 * Returns: (transfer none) (nullable): the row that edits @property (for tests)
 */
GtkWidget *
cohorts_editor_get_row (CohortsEditor *self,
                        const char    *property)
{
  g_return_val_if_fail (COHORTS_IS_EDITOR (self), NULL);

  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      const Field *field = g_object_get_data (G_OBJECT (row), "field");

      if (g_str_equal (field->property, property))
        return row;
    }
  return NULL;
}

static void
cohorts_editor_dispose (GObject *object)
{
  CohortsEditor *self = (CohortsEditor *) object;

  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_data (self->plan, self);
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  if (self->reveal_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->reveal_tick);
  self->reveal_tick = 0;
  g_clear_pointer (&self->deferred, g_ptr_array_unref);
  g_clear_object (&self->subject);
  g_clear_object (&self->plan);
  g_clear_object (&self->review_group);
  g_clear_object (&self->dates_group);

  gtk_widget_dispose_template (GTK_WIDGET (self), COHORTS_TYPE_EDITOR);

  G_OBJECT_CLASS (cohorts_editor_parent_class)->dispose (object);
}

static void
cohorts_editor_finalize (GObject *object)
{
  CohortsEditor *self = (CohortsEditor *) object;

  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->problem_rows, g_ptr_array_unref);
  g_clear_pointer (&self->findings, g_ptr_array_unref);

  G_OBJECT_CLASS (cohorts_editor_parent_class)->finalize (object);
}

static void
cohorts_editor_class_init (CohortsEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cohorts_editor_dispose;
  object_class->finalize = cohorts_editor_finalize;

  /**
   * CohortsEditor::problem:
   * @message: what is wrong with the value given
   *
   * A value was refused.
   */
  signals[PROBLEM] =
    g_signal_new ("problem", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/cohorts/Cohorts/ui/cohorts-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, CohortsEditor, title);
  gtk_widget_class_bind_template_child (widget_class, CohortsEditor, subtitle);
  gtk_widget_class_bind_template_child (widget_class, CohortsEditor, actions);
  gtk_widget_class_bind_template_child (widget_class, CohortsEditor, move_button);
  gtk_widget_class_bind_template_child (widget_class, CohortsEditor, remove_button);
  gtk_widget_class_bind_template_child (widget_class, CohortsEditor, delete_cohort_button);
  gtk_widget_class_bind_template_child (widget_class, CohortsEditor, page);
}

static void
cohorts_editor_init (CohortsEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->groups = g_ptr_array_new ();
  self->deferred = g_ptr_array_new_with_free_func (g_object_unref);
  self->problem_rows = g_ptr_array_new ();
  self->rows = g_ptr_array_new ();
  self->review_group = g_object_ref_sink (cohorts_review_group_new ());
  self->dates_group = g_object_ref_sink (cohorts_dates_group_new ());
}

/**
 * cohorts_editor_get_review_group:
 *
 * Returns: (transfer none): the group of comments on what is shown
 */
GtkWidget *
cohorts_editor_get_review_group (CohortsEditor *self)
{
  g_return_val_if_fail (COHORTS_IS_EDITOR (self), NULL);
  return self->review_group;
}

/**
 * cohorts_editor_set_review_mode:
 *
 * In review mode nothing can be edited but the comments: every other group
 * and the header's buttons are insensitive.
 */
void
cohorts_editor_set_review_mode (CohortsEditor *self,
                                gboolean       review_mode)
{
  g_return_if_fail (COHORTS_IS_EDITOR (self));

  if (self->review_mode == !!review_mode)
    return;

  /* Apply what is half typed while it may still be. */
  if (review_mode && self->subject != NULL)
    for (guint i = 0; i < self->rows->len; i++)
      {
        GtkWidget *row = g_ptr_array_index (self->rows, i);
        const Field *field = g_object_get_data (G_OBJECT (row), "field");

        if (field->kind == KIND_NOTES)
          commit_notes (self, row);
        else if (ADW_IS_ENTRY_ROW (row))
          commit_entry (self, row);
      }

  self->review_mode = !!review_mode;
  cohorts_review_group_set_review_mode (COHORTS_REVIEW_GROUP (self->review_group), review_mode);
  apply_review_mode (self);
}

GtkWidget *
cohorts_editor_new (void)
{
  return g_object_new (COHORTS_TYPE_EDITOR, NULL);
}
