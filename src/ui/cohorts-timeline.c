/* cohorts-timeline.c: the timeline chart, on screen
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A scrollable widget (put it in a GtkScrolledWindow) that lays out and
 * draws the part of the timeline in sight with the chart library, the same
 * renderer that prints. It draws its own sticky parts: the axis at the top,
 * the names on the left, the capacity strip at the bottom.
 *
 * Pointer: click a row to select its school (or a cohort's row, its
 * cohort); click a cohort's triangle to fold it; drag a conversion diamond
 * to move the conversion to the 1st of another month (a school's becomes a
 * date of its own; a cohort's moves the cohort); drag elsewhere to pan;
 * Ctrl+scroll to zoom. Keyboard: arrows, Page Up/Down, Home/End move the
 * focus row; Left/Right scroll in time; Space or Enter on a cohort folds
 * it; Ctrl+Left/Right moves the focus row's conversion a month; + and −
 * zoom, 0 fits. Every change to the plan is one undoable step.
 */
#define G_LOG_DOMAIN "cohorts-timeline"

#include "config.h"

#include <math.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "cohorts-calendar.h"
#include "cohorts-checks.h"
#include "cohorts-cohort.h"
#include "cohorts-date-reason.h"
#include "cohorts-timeline.h"
#include "cohorts-timeline-render.h"

#define ROW_HEIGHT    28.0
#define LABEL_WIDTH  260.0
#define AXIS_HEIGHT   54.0
#define STRIP_HEIGHT  92.0
#define ZOOM_STEP      1.25

typedef enum
{
  DRAG_NONE,
  DRAG_CONVERSION,
  DRAG_PAN,
} DragMode;

struct _CohortsTimeline
{
  GtkWidget parent_instance;

  CohortsPlan *plan;
  gboolean read_only;              /* review mode: no dates dragged or shifted */
  CohortsTimelineRows *rows;
  CohortsTimelineLayout *layout;   /* of what is in sight; NULL when out of date */

  GtkAdjustment *hadjustment;
  GtkAdjustment *vadjustment;
  guint hscroll_policy : 1;
  guint vscroll_policy : 1;

  double day_width;
  gboolean zoom_chosen;            /* else fit the plan at the first allocation */
  CohortsDate origin;              /* time position 0 */
  CohortsDate end;

  CohortsSchool *selected;
  guint focus_row;
  guint hover_row;

  DragMode drag_mode;
  guint drag_row;
  CohortsSchool *drag_school;
  CohortsCohort *drag_cohort;
  CohortsDate drag_date;
  double drag_x;
  double drag_y;
  double pan_h;
  double pan_v;
  double pointer_x;

  GPtrArray *findings;             /* CohortsFinding of the plan, for the strip's tooltip */
  CohortsDate highlight_from;      /* a finding's month or term, shown */
  CohortsDate highlight_to;
};

static void cohorts_timeline_scrollable_init (GtkScrollableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CohortsTimeline, cohorts_timeline, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, cohorts_timeline_scrollable_init))

enum {
  PROP_0,
  PROP_PLAN,
  PROP_SELECTED_SCHOOL,
  PROP_DAY_WIDTH,
  N_PROPS,
  PROP_HADJUSTMENT = N_PROPS,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

enum {
  COHORT_ACTIVATED,
  SCHOOL_ACTIVATED,
  PROBLEM,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
cohorts_timeline_scrollable_init (GtkScrollableInterface *iface)
{
}

/* The view ---------------------------------------------------------------- */

static void
get_view (CohortsTimeline     *self,
          CohortsTimelineView *view)
{
  /* Every field: those the screen does not use too (no columns here). */
  *view = (CohortsTimelineView) { 0, };
  view->width = gtk_widget_get_width (GTK_WIDGET (self));
  view->height = gtk_widget_get_height (GTK_WIDGET (self));
  /* Names take at most a third of a narrow chart. */
  view->label_width = MIN (LABEL_WIDTH, round (view->width * 0.35));
  view->axis_height = AXIS_HEIGHT;
  view->strip_height = view->height > 3 * STRIP_HEIGHT ? STRIP_HEIGHT : 0;
  view->row_height = ROW_HEIGHT;
  view->origin = self->origin;
  view->day_width = self->day_width;
  view->scroll_x = self->hadjustment ? gtk_adjustment_get_value (self->hadjustment) : 0;
  view->scroll_y = self->vadjustment ? gtk_adjustment_get_value (self->vadjustment) : 0;
  view->today = cohorts_date_today ();
}

static void
invalidate (CohortsTimeline *self)
{
  g_clear_pointer (&self->layout, cohorts_timeline_layout_free);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * cohorts_timeline_get_layout:
 *
 * Returns: (nullable): the layout of what is in sight, laid out afresh if
 *   the view or the plan changed since, or %NULL without a plan
 */
const CohortsTimelineLayout *
cohorts_timeline_get_layout (CohortsTimeline *self)
{
  CohortsTimelineView view;

  g_return_val_if_fail (COHORTS_IS_TIMELINE (self), NULL);

  if (self->rows == NULL)
    return NULL;
  if (self->layout == NULL)
    {
      get_view (self, &view);
      self->layout = cohorts_timeline_layout_new (self->rows, &view);
    }
  return self->layout;
}

static void
configure_adjustments (CohortsTimeline *self)
{
  CohortsTimelineView view;
  double content_width = 0, content_height = 0, time_width, rows_height;

  get_view (self, &view);
  time_width = cohorts_timeline_view_time_width (&view);
  rows_height = cohorts_timeline_view_rows_height (&view);
  if (self->rows != NULL)
    {
      content_width = ((double) self->end - (double) self->origin) * self->day_width;
      content_height = cohorts_timeline_rows_get_n_rows (self->rows) * ROW_HEIGHT;
    }

  if (self->hadjustment != NULL)
    gtk_adjustment_configure (self->hadjustment,
                              CLAMP (gtk_adjustment_get_value (self->hadjustment), 0, MAX (0, content_width - time_width)),
                              0, MAX (content_width, time_width),
                              MAX (1.0, self->day_width * 7), time_width * 0.9, time_width);
  if (self->vadjustment != NULL)
    gtk_adjustment_configure (self->vadjustment,
                              CLAMP (gtk_adjustment_get_value (self->vadjustment), 0, MAX (0, content_height - rows_height)),
                              0, MAX (content_height, rows_height),
                              ROW_HEIGHT, MAX (ROW_HEIGHT, rows_height - ROW_HEIGHT), rows_height);
  invalidate (self);
}

/* The time span to scroll over follows the plan; what is in sight stays. */
static void
update_extent (CohortsTimeline *self)
{
  CohortsDate origin, end;

  cohorts_timeline_get_extent (self->rows, cohorts_date_today (), &origin, &end);
  if (self->origin != COHORTS_DATE_NONE && origin != self->origin && self->hadjustment != NULL)
    {
      double shift = ((double) self->origin - (double) origin) * self->day_width;

      self->origin = origin;
      self->end = end;
      configure_adjustments (self);
      gtk_adjustment_set_value (self->hadjustment, gtk_adjustment_get_value (self->hadjustment) + shift);
    }
  self->origin = origin;
  self->end = end;
}

static void
rows_changed_cb (CohortsTimeline *self)
{
  update_extent (self);
  if (self->focus_row != G_MAXUINT)
    self->focus_row = MIN (self->focus_row, cohorts_timeline_rows_get_n_rows (self->rows) - 1);
  self->hover_row = G_MAXUINT;
  configure_adjustments (self);
}

static void
adjustment_changed_cb (CohortsTimeline *self)
{
  invalidate (self);
}

static void
set_adjustment (CohortsTimeline  *self,
                GtkAdjustment   **slot,
                GtkAdjustment    *adjustment)
{
  if (*slot == adjustment)
    return;
  if (*slot != NULL)
    g_signal_handlers_disconnect_by_data (*slot, self);
  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);
  g_set_object (slot, adjustment);
  g_signal_connect_swapped (adjustment, "value-changed", G_CALLBACK (adjustment_changed_cb), self);
  configure_adjustments (self);
}

/* Scrolling and zooming ----------------------------------------------------- */

static void
scroll_to_row (CohortsTimeline *self,
               guint            row)
{
  CohortsTimelineView view;
  double top = row * ROW_HEIGHT, value, rows_height;

  get_view (self, &view);
  rows_height = cohorts_timeline_view_rows_height (&view);
  value = gtk_adjustment_get_value (self->vadjustment);
  if (top < value)
    gtk_adjustment_set_value (self->vadjustment, top);
  else if (top + ROW_HEIGHT > value + rows_height)
    gtk_adjustment_set_value (self->vadjustment, top + ROW_HEIGHT - rows_height);
}

/* The plan's findings about the month or term of @date, after the strip's
 * counts: the first few in full, then how many more. */
static void
describe_findings_at (GString    *out,
                      GPtrArray  *findings,
                      CohortsDate date)
{
  guint shown = 0, more = 0;

  if (findings == NULL)
    return;

  for (guint i = 0; i < findings->len; i++)
    {
      const CohortsFinding *finding = g_ptr_array_index (findings, i);
      CohortsDate from, to;

      if (!cohorts_finding_get_period (finding, &from, &to) || date < from || date >= to)
        continue;
      if (shown < 3)
        g_string_append_printf (out, "\n\n%s", finding->message);
      else
        more++;
      shown++;
    }
  if (more > 0)
    {
      g_string_append_c (out, '\n');
      /* Translators: after the capacity strip's first findings in its tooltip */
      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "And %u more problem", "And %u more problems",
                                                more),
                              more);
    }
}

/**
 * cohorts_timeline_set_findings:
 * @findings: (nullable) (element-type CohortsFinding): the plan's
 *
 * Gives the strip's tooltip the findings about its months and terms.
 */
void
cohorts_timeline_set_findings (CohortsTimeline *self,
                               GPtrArray       *findings)
{
  g_return_if_fail (COHORTS_IS_TIMELINE (self));

  if (findings != NULL)
    g_ptr_array_ref (findings);
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  self->findings = findings;
}

/**
 * cohorts_timeline_show_period:
 * @from: the first day, or %COHORTS_DATE_NONE to show none
 * @to: the day after the last
 *
 * Marks [@from, @to) on screen, a finding's month or term, and scrolls to
 * it.
 */
void
cohorts_timeline_show_period (CohortsTimeline *self,
                              CohortsDate      from,
                              CohortsDate      to)
{
  g_return_if_fail (COHORTS_IS_TIMELINE (self));

  self->highlight_from = from;
  self->highlight_to = from != COHORTS_DATE_NONE ? to : COHORTS_DATE_NONE;
  if (from != COHORTS_DATE_NONE)
    cohorts_timeline_scroll_to_date (self, from);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
cohorts_timeline_get_period (CohortsTimeline *self,
                             CohortsDate     *from,
                             CohortsDate     *to)
{
  g_return_if_fail (COHORTS_IS_TIMELINE (self));

  *from = self->highlight_from;
  *to = self->highlight_to;
}

/**
 * cohorts_timeline_scroll_to_date:
 *
 * Scrolls so that @date is a little in from the left of the time area.
 */
void
cohorts_timeline_scroll_to_date (CohortsTimeline *self,
                                 CohortsDate      date)
{
  CohortsTimelineView view;

  g_return_if_fail (COHORTS_IS_TIMELINE (self));

  get_view (self, &view);
  gtk_adjustment_set_value (self->hadjustment,
                            ((double) date - (double) self->origin) * self->day_width
                            - cohorts_timeline_view_time_width (&view) * 0.1);
}

void
cohorts_timeline_scroll_to_cohort (CohortsTimeline *self,
                                   CohortsCohort   *cohort)
{
  guint group;

  g_return_if_fail (COHORTS_IS_TIMELINE (self));

  if (self->rows == NULL)
    return;
  group = cohorts_timeline_rows_find_cohort (self->rows, cohort);
  if (group == G_MAXUINT)
    return;
  gtk_adjustment_set_value (self->vadjustment, cohorts_timeline_rows_get_group (self->rows, group)->first_row * ROW_HEIGHT);
}

double
cohorts_timeline_get_day_width (CohortsTimeline *self)
{
  g_return_val_if_fail (COHORTS_IS_TIMELINE (self), 0);
  return self->day_width;
}

/**
 * cohorts_timeline_set_day_width:
 * @anchor_x: the place, in the widget, whose day stays where it is
 */
void
cohorts_timeline_set_day_width (CohortsTimeline *self,
                                double           day_width,
                                double           anchor_x)
{
  CohortsTimelineView view;
  double days;

  g_return_if_fail (COHORTS_IS_TIMELINE (self));

  day_width = CLAMP (day_width, COHORTS_TIMELINE_ZOOM_MIN, COHORTS_TIMELINE_ZOOM_MAX);
  self->zoom_chosen = TRUE;
  if (day_width == self->day_width)
    return;

  get_view (self, &view);
  anchor_x = MAX (anchor_x, view.label_width);
  days = (anchor_x - view.label_width + view.scroll_x) / self->day_width;
  self->day_width = day_width;
  configure_adjustments (self);
  gtk_adjustment_set_value (self->hadjustment, days * day_width - (anchor_x - view.label_width));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DAY_WIDTH]);
}

/**
 * cohorts_timeline_zoom:
 *
 * Shows a month, a term or a year at a readable width, or the whole plan.
 */
void
cohorts_timeline_zoom (CohortsTimeline     *self,
                       CohortsTimelineZoom  zoom)
{
  CohortsTimelineView view;
  CohortsDate start, end;

  g_return_if_fail (COHORTS_IS_TIMELINE (self));

  get_view (self, &view);
  switch (zoom)
    {
    case COHORTS_TIMELINE_MONTH:
      cohorts_timeline_set_day_width (self, COHORTS_TIMELINE_ZOOM_MONTH, view.width / 2);
      break;
    case COHORTS_TIMELINE_TERM:
      cohorts_timeline_set_day_width (self, COHORTS_TIMELINE_ZOOM_TERM, view.width / 2);
      break;
    case COHORTS_TIMELINE_YEAR:
      cohorts_timeline_set_day_width (self, COHORTS_TIMELINE_ZOOM_YEAR, view.width / 2);
      break;
    case COHORTS_TIMELINE_FIT:
    default:
      if (self->rows == NULL)
        return;
      cohorts_timeline_set_day_width (self, cohorts_timeline_fit_day_width (self->rows, cohorts_timeline_view_time_width (&view)),
                                      view.label_width);
      cohorts_timeline_rows_get_range (self->rows, &start, &end);
      if (start != COHORTS_DATE_NONE)
        gtk_adjustment_set_value (self->hadjustment, ((double) start - (double) self->origin - 30.44) * self->day_width);
      break;
    }
}

/**
 * cohorts_timeline_zoom_by:
 * @steps: how many steps in (positive) or out (negative)
 *
 * Zooms about the middle of the time area.
 */
void
cohorts_timeline_zoom_by (CohortsTimeline *self,
                          int              steps)
{
  CohortsTimelineView view;

  g_return_if_fail (COHORTS_IS_TIMELINE (self));

  get_view (self, &view);
  cohorts_timeline_set_day_width (self, self->day_width * pow (ZOOM_STEP, steps),
                                  view.label_width + cohorts_timeline_view_time_width (&view) / 2);
}

/* Selection and focus ---------------------------------------------------------- */

CohortsSchool *
cohorts_timeline_get_selected_school (CohortsTimeline *self)
{
  g_return_val_if_fail (COHORTS_IS_TIMELINE (self), NULL);
  return self->selected;
}

/**
 * cohorts_timeline_set_selected_school:
 * @school: (nullable): the school to show selected
 *
 * Shows @school selected, and scrolls to it if it is out of sight.
 */
void
cohorts_timeline_set_selected_school (CohortsTimeline *self,
                                      CohortsSchool   *school)
{
  guint row;

  g_return_if_fail (COHORTS_IS_TIMELINE (self));

  if (!g_set_object (&self->selected, school))
    return;

  if (school != NULL && self->rows != NULL)
    {
      row = cohorts_timeline_rows_find_school (self->rows, school);
      if (row != G_MAXUINT)
        {
          self->focus_row = row;
          scroll_to_row (self, row);
        }
    }
  invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_SCHOOL]);
}

guint
cohorts_timeline_get_focus_row (CohortsTimeline *self)
{
  g_return_val_if_fail (COHORTS_IS_TIMELINE (self), G_MAXUINT);
  return self->focus_row;
}

static void
update_accessible (CohortsTimeline *self)
{
  CohortsSchool *school;
  g_autofree char *text = NULL;

  if (self->rows == NULL || self->focus_row == G_MAXUINT)
    return;

  school = cohorts_timeline_rows_get_school (self->rows, self->focus_row);
  if (school != NULL)
    text = cohorts_timeline_describe (self, -1, self->focus_row);
  else
    {
      guint group = cohorts_timeline_rows_group_of_row (self->rows, self->focus_row);
      text = cohorts_timeline_describe (self, -2, group);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                  -1);
}

/* Moves the focus to @row, selecting what it shows. */
static void
focus_row (CohortsTimeline *self,
           guint            row)
{
  CohortsSchool *school;
  guint n;

  if (self->rows == NULL || (n = cohorts_timeline_rows_get_n_rows (self->rows)) == 0)
    return;

  row = MIN (row, n - 1);
  self->focus_row = row;
  scroll_to_row (self, row);
  school = cohorts_timeline_rows_get_school (self->rows, row);
  if (school != NULL)
    cohorts_timeline_set_selected_school (self, school);
  else
    {
      const CohortsTimelineGroup *group =
        cohorts_timeline_rows_get_group (self->rows, cohorts_timeline_rows_group_of_row (self->rows, row));

      cohorts_timeline_set_selected_school (self, NULL);
      g_signal_emit (self, signals[COHORT_ACTIVATED], 0, group->cohort);
    }
  update_accessible (self);
  invalidate (self);
}

static void
toggle_group (CohortsTimeline *self,
              guint            row)
{
  guint group = cohorts_timeline_rows_group_of_row (self->rows, row);

  cohorts_timeline_rows_set_collapsed (self->rows, group,
                                       !cohorts_timeline_rows_get_group (self->rows, group)->collapsed);
  self->focus_row = cohorts_timeline_rows_get_group (self->rows, group)->first_row;
  update_accessible (self);
}

/* Rescheduling ------------------------------------------------------------ */

/* The 1st of the month nearest @date. */
static CohortsDate
snap_to_month (CohortsDate date)
{
  CohortsDate first = cohorts_date_first_of_month (date);
  CohortsDate next = cohorts_date_add_months (first, 1);

  return date - first < next - date ? first : next;
}

static void
problem (CohortsTimeline *self,
         const char      *message)
{
  gtk_widget_error_bell (GTK_WIDGET (self));
  g_signal_emit (self, signals[PROBLEM], 0, message);
}

typedef struct
{
  CohortsTimeline *self;
  CohortsSchool *school;
  CohortsCohort *cohort;
  CohortsMilestone milestone;
  CohortsDate date;
} Reschedule;

static void
reschedule_free (gpointer data)
{
  Reschedule *r = data;

  g_object_unref (r->self);
  g_clear_object (&r->school);
  g_clear_object (&r->cohort);
  g_free (r);
}

static gboolean
reschedule_edit (gpointer data,
                 gboolean apply)
{
  Reschedule *r = data;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (!apply || r->self->plan == NULL)
    return FALSE;

  if (r->school != NULL)
    ok = cohorts_plan_set_milestone (r->self->plan, r->school, COHORTS_STEP_CONVERSION, &r->milestone, &error);
  else
    {
      g_auto(GValue) value = G_VALUE_INIT;

      g_value_init (&value, G_TYPE_UINT);
      g_value_set_uint (&value, r->date);
      ok = cohorts_plan_edit_value (r->self->plan, r->cohort, "date", &value, &error);
    }
  if (!ok)
    problem (r->self, error->message);
  return ok;
}

/* Moves the conversion of @school, or else of @cohort, to @date; once the
 * plan has a baseline, after asking why. */
static void
reschedule (CohortsTimeline *self,
            CohortsSchool   *school,
            CohortsCohort   *cohort,
            CohortsDate      date)
{
  GPtrArray *moves = cohorts_date_moves_new ();
  Reschedule *r = g_new0 (Reschedule, 1);

  r->self = g_object_ref (self);
  r->date = date;
  if (school != NULL)
    {
      CohortsMilestone own, milestone = { COHORTS_DATE_NONE, date, COHORTS_MILESTONE_PLANNED };
      CohortsCohort *its_cohort = cohorts_school_get_cohort (school);
      g_autofree char *subject = g_strdup_printf ("school:%u", cohorts_school_get_urn (school));

      cohorts_school_get_milestone (school, COHORTS_STEP_CONVERSION, &own);
      if (own.state == COHORTS_MILESTONE_DONE)
        {
          problem (self, _("This school has converted: its conversion date is a fact, not a plan"));
          g_ptr_array_unref (moves);
          reschedule_free (r);
          return;
        }
      /* Back to its cohort's date: back to the cohort's schedule. */
      if (its_cohort != NULL && cohorts_cohort_get_date (its_cohort) == date)
        milestone = (CohortsMilestone) { COHORTS_DATE_NONE, COHORTS_DATE_NONE, COHORTS_MILESTONE_SCHEDULED };
      r->school = g_object_ref (school);
      r->milestone = milestone;
      cohorts_date_moves_add (moves, subject, cohorts_plan_get_conversion_date (self->plan, school), date);
    }
  else if (cohort != NULL && date != cohorts_cohort_get_date (cohort))
    {
      g_autofree char *subject = g_strconcat ("cohort:", cohorts_cohort_get_id (cohort), NULL);

      r->cohort = g_object_ref (cohort);
      cohorts_date_moves_add (moves, subject, cohorts_cohort_get_date (cohort), date);
    }
  else
    {
      g_ptr_array_unref (moves);
      reschedule_free (r);
      return;
    }

  cohorts_date_reason_run (GTK_WIDGET (self), self->plan, NULL, moves,
                           reschedule_edit, r, reschedule_free);
}

/* Ctrl+Left and Ctrl+Right: the focus row's conversion a month sooner or later. */
static void
shift_conversion (CohortsTimeline *self,
                  int              months)
{
  const CohortsTimelineLayout *layout = cohorts_timeline_get_layout (self);
  const CohortsTimelineRow *row;

  if (layout == NULL || self->focus_row == G_MAXUINT)
    return;
  scroll_to_row (self, self->focus_row);
  layout = cohorts_timeline_get_layout (self);
  row = cohorts_timeline_layout_get_row (layout, self->focus_row);
  if (row == NULL || row->conversion == COHORTS_DATE_NONE)
    {
      problem (self, _("This row has no conversion date to move"));
      return;
    }
  reschedule (self, row->school, row->school == NULL ? row->cohort : NULL,
              cohorts_date_add_months (cohorts_date_first_of_month (row->conversion), months));
}

/* Pointer --------------------------------------------------------------------- */

static void
click_pressed_cb (CohortsTimeline *self,
                  int              n_press,
                  double           x,
                  double           y,
                  GtkGestureClick *gesture)
{
  const CohortsTimelineLayout *layout;
  CohortsTimelineHit hit;
  CohortsSchool *school;
  guint index;

  gtk_widget_grab_focus (GTK_WIDGET (self));
  layout = cohorts_timeline_get_layout (self);
  if (layout == NULL)
    return;
  cohorts_timeline_layout_hit (layout, x, y, &hit);
  if (hit.row == NULL)
    return;

  /* Either lays the chart out again: keep what is needed of the row. */
  index = hit.row->index;
  school = hit.row->school;
  if (hit.kind == COHORTS_TIMELINE_HIT_EXPANDER)
    {
      toggle_group (self, index);
      return;
    }

  focus_row (self, index);
  if (n_press == 2 && school != NULL)
    g_signal_emit (self, signals[SCHOOL_ACTIVATED], 0, school);
  else if (n_press == 2)
    toggle_group (self, index);
}

static void
drag_begin_cb (CohortsTimeline *self,
               double           x,
               double           y,
               GtkGestureDrag  *gesture)
{
  const CohortsTimelineLayout *layout = cohorts_timeline_get_layout (self);
  CohortsTimelineHit hit;

  self->drag_mode = DRAG_NONE;
  if (layout == NULL)
    return;

  self->drag_x = x;
  self->drag_y = y;
  cohorts_timeline_layout_hit (layout, x, y, &hit);
  /* A school's diamond, or a cohort's (the schools in none have none). */
  if (!self->read_only &&
      hit.kind == COHORTS_TIMELINE_HIT_CONVERSION && !(hit.row->flags & COHORTS_TIMELINE_CONVERTED) &&
      (hit.row->school != NULL || hit.row->cohort != NULL))
    {
      self->drag_mode = DRAG_CONVERSION;
      self->drag_row = hit.row->index;
      g_set_object (&self->drag_school, hit.row->school);
      if (hit.row->school == NULL)
        g_set_object (&self->drag_cohort, hit.row->cohort);
      else
        g_clear_object (&self->drag_cohort);
      self->drag_date = hit.row->conversion;
    }
  else if (y >= layout->view.axis_height && x >= layout->view.label_width)
    {
      self->drag_mode = DRAG_PAN;
      self->pan_h = gtk_adjustment_get_value (self->hadjustment);
      self->pan_v = gtk_adjustment_get_value (self->vadjustment);
    }

  if (self->drag_mode == DRAG_NONE)
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
}

static void
drag_update_cb (CohortsTimeline *self,
                double           offset_x,
                double           offset_y,
                GtkGestureDrag  *gesture)
{
  const CohortsTimelineLayout *layout;

  switch (self->drag_mode)
    {
    case DRAG_CONVERSION:
      layout = cohorts_timeline_get_layout (self);
      if (layout == NULL)
        return;
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      self->drag_date = snap_to_month (cohorts_timeline_view_date_for_x (&layout->view, self->drag_x + offset_x));
      invalidate (self);
      break;

    case DRAG_PAN:
      gtk_adjustment_set_value (self->hadjustment, self->pan_h - offset_x);
      gtk_adjustment_set_value (self->vadjustment, self->pan_v - offset_y);
      break;

    case DRAG_NONE:
    default:
      break;
    }
}

static void
drag_end_cb (CohortsTimeline *self,
             double           offset_x,
             double           offset_y,
             GtkGestureDrag  *gesture)
{
  DragMode mode = self->drag_mode;
  g_autoptr(CohortsSchool) school = g_steal_pointer (&self->drag_school);
  g_autoptr(CohortsCohort) cohort = g_steal_pointer (&self->drag_cohort);
  CohortsDate date = self->drag_date;

  self->drag_mode = DRAG_NONE;
  self->drag_date = COHORTS_DATE_NONE;
  self->drag_row = G_MAXUINT;
  invalidate (self);

  /* A drag that did not move is a click. */
  if (mode == DRAG_CONVERSION && (fabs (offset_x) >= 1 || fabs (offset_y) >= 1))
    reschedule (self, school, cohort, date);
}

static void
drag_cancel_cb (CohortsTimeline  *self,
                GdkEventSequence *sequence,
                GtkGesture       *gesture)
{
  g_clear_object (&self->drag_school);
  g_clear_object (&self->drag_cohort);
  self->drag_mode = DRAG_NONE;
  self->drag_row = G_MAXUINT;
  self->drag_date = COHORTS_DATE_NONE;
  invalidate (self);
}

static void
motion_cb (CohortsTimeline          *self,
           double                    x,
           double                    y,
           GtkEventControllerMotion *controller)
{
  const CohortsTimelineLayout *layout = cohorts_timeline_get_layout (self);
  CohortsTimelineHit hit;
  guint row;

  self->pointer_x = x;
  if (layout == NULL)
    return;
  cohorts_timeline_layout_hit (layout, x, y, &hit);
  row = hit.row != NULL ? hit.row->index : G_MAXUINT;

  if (hit.kind == COHORTS_TIMELINE_HIT_CONVERSION && !(hit.row->flags & COHORTS_TIMELINE_CONVERTED))
    gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "ew-resize");
  else if (hit.kind == COHORTS_TIMELINE_HIT_EXPANDER)
    gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "pointer");
  else
    gtk_widget_set_cursor (GTK_WIDGET (self), NULL);

  if (row != self->hover_row)
    {
      self->hover_row = row;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
leave_cb (CohortsTimeline *self)
{
  if (self->hover_row != G_MAXUINT)
    {
      self->hover_row = G_MAXUINT;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static gboolean
scroll_cb (CohortsTimeline          *self,
           double                    dx,
           double                    dy,
           GtkEventControllerScroll *controller)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));

  if (!(state & GDK_CONTROL_MASK) || dy == 0)
    return FALSE;  /* the scrolled window scrolls */

  /* Zoom about the day under the pointer. */
  cohorts_timeline_set_day_width (self, self->day_width * pow (ZOOM_STEP, -dy), self->pointer_x);
  return TRUE;
}

/* Tooltips and descriptions --------------------------------------------------- */

/* The consent a step of the church track is. */
static const char *
consent_name (CohortsStep step)
{
  return step == COHORTS_STEP_DIOCESAN_CONSENT ? _("Diocesan board consent") : _("Site trustees’ consent");
}

/* "Diocesan board consent: refused on 15 July 2026" */
static void
describe_refusal (GString                     *out,
                  CohortsSchool               *school,
                  const CohortsTimelineMarker *marker)
{
  CohortsDate decided = marker->step == COHORTS_STEP_DIOCESAN_CONSENT
                        ? cohorts_school_get_diocesan_consent_decided (school)
                        : cohorts_school_get_site_trustees_consent_decided (school);
  g_autofree char *date = NULL;

  if (decided == COHORTS_DATE_NONE)
    {
      /* Translators: a church school's consent in a timeline tooltip: "Site trustees’ consent: refused" */
      g_string_append_printf (out, _("%s: refused"), consent_name (marker->step));
      return;
    }
  date = cohorts_date_format (decided);
  /* Translators: a church school's consent in a timeline tooltip:
   * "Diocesan board consent: refused on 15 July 2026" */
  g_string_append_printf (out, _("%s: refused on %s"), consent_name (marker->step), date);
}

/* "Diocesan board consent: requested on 5 October 2026, not yet decided" */
static void
describe_request (GString                     *out,
                  const CohortsTimelineMarker *marker)
{
  g_autofree char *date = NULL;

  g_string_append_c (out, '\n');
  if (marker->requested == COHORTS_DATE_NONE)
    {
      /* Translators: a church school's consent in a timeline tooltip:
       * "Diocesan board consent: requested, not yet decided" */
      g_string_append_printf (out, _("%s: requested, not yet decided"), consent_name (marker->step));
      return;
    }
  date = cohorts_date_format (marker->requested);
  /* Translators: a church school's consent in a timeline tooltip:
   * "Diocesan board consent: requested on 5 October 2026, not yet decided" */
  g_string_append_printf (out, _("%s: requested on %s, not yet decided"), consent_name (marker->step), date);
}

static void
describe_school (GString       *out,
                 CohortsSchool *school,
                 CohortsPlan   *plan)
{
  CohortsMilestone milestones[COHORTS_N_STEPS];
  CohortsMilestone own;
  CohortsCohort *cohort = cohorts_school_get_cohort (school);
  CohortsDate conversion, today = cohorts_date_today ();
  g_autofree char *inspection = cohorts_school_describe_inspection (school);
  g_autofree char *readiness = NULL;
  CohortsReadinessScore score;
  int next = -1;

  g_string_append_printf (out, "%s (URN %u)\n", cohorts_school_get_name (school), cohorts_school_get_urn (school));
  g_string_append_printf (out, "%s, %s", cohorts_enum_get_label (COHORTS_TYPE_PHASE, cohorts_school_get_phase (school)),
                          cohorts_enum_get_label (COHORTS_TYPE_ESTABLISHMENT_TYPE, cohorts_school_get_establishment_type (school)));
  if (cohorts_school_is_church_school (school))
    g_string_append_printf (out, ", %s", cohorts_enum_get_label (COHORTS_TYPE_RELIGIOUS_CHARACTER,
                                                                cohorts_school_get_religious_character (school)));
  g_string_append_c (out, '\n');
  if (inspection != NULL && *inspection != '\0')
    g_string_append_printf (out, "%s\n", inspection);
  if (cohorts_school_is_vulnerable (school))
    g_string_append_printf (out, "%s\n", _("Needs support"));
  cohorts_plan_score_school (plan, school, &score);
  readiness = cohorts_readiness_score_describe (&score);
  /* Translators: a school's readiness in the timeline's tooltip: "Readiness: Amber (62 %)" */
  g_string_append_printf (out, _("Readiness: %s"), readiness);
  g_string_append_c (out, '\n');

  conversion = cohorts_schedule_plan (cohorts_plan_get_schedule (plan), school, milestones);
  cohorts_school_get_milestone (school, COHORTS_STEP_CONVERSION, &own);
  if (conversion != COHORTS_DATE_NONE)
    {
      g_autofree char *date = cohorts_date_format (conversion);
      g_autofree char *name = cohorts_cohort_dup_display_name (cohort);

      if (own.state == COHORTS_MILESTONE_DONE)
        /* Translators: a school's conversion, done */
        g_string_append_printf (out, _("Converted on %s"), date);
      else if (own.state == COHORTS_MILESTONE_PLANNED || cohort == NULL)
        /* Translators: a school's conversion on a date of its own */
        g_string_append_printf (out, _("Converts on %s, a date of its own"), date);
      else
        /* Translators: "Converts on 1 September 2027 with Cohort 2" */
        g_string_append_printf (out, _("Converts on %s with %s"), date, name);

      for (guint i = 0; i < COHORTS_N_STEPS; i++)
        if (milestones[i].date != COHORTS_DATE_NONE && milestones[i].state != COHORTS_MILESTONE_DONE &&
            (next < 0 || milestones[i].date < milestones[next].date))
          next = i;
      if (next >= 0)
        {
          g_autofree char *when = cohorts_date_format (milestones[next].date);

          g_string_append_c (out, '\n');
          if (milestones[next].date < today)
            /* Translators: "Overdue: Academy order, 14 April 2027" */
            g_string_append_printf (out, _("Overdue: %s, %s"), cohorts_step_get_name (next), when);
          else
            /* Translators: "Next: Academy order, 14 April 2027" */
            g_string_append_printf (out, _("Next: %s, %s"), cohorts_step_get_name (next), when);
        }
    }
  else
    g_string_append (out, _("Not in a cohort: no dates yet"));
}

static void
describe_group (GString                    *out,
                const CohortsTimelineGroup *group)
{
  g_autofree char *name = group->cohort != NULL ? cohorts_cohort_dup_display_name (group->cohort)
                                                : g_strdup (_("Not in a cohort"));

  g_string_append_printf (out, "%s\n", name);
  if (group->cohort != NULL && cohorts_cohort_get_date (group->cohort) != COHORTS_DATE_NONE)
    {
      g_autofree char *date = cohorts_date_format (cohorts_cohort_get_date (group->cohort));

      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u school converts on %s",
                                                "%u schools convert on %s", group->n_members),
                              group->n_members, date);
    }
  else
    g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u school, no date", "%u schools, no date",
                                              group->n_members), group->n_members);
  if (group->n_church > 0)
    {
      g_string_append_c (out, '\n');
      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u church school", "%u church schools",
                                                group->n_church), group->n_church);
    }
  if (group->n_vulnerable > 0)
    {
      g_string_append_c (out, '\n');
      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u needs support", "%u need support",
                                                group->n_vulnerable), group->n_vulnerable);
    }
  if (group->n_members > 0)
    {
      g_string_append_c (out, '\n');
      /* Translators: a cohort's schools by readiness, in the timeline's tooltip */
      g_string_append_printf (out, _("Readiness: %u green, %u amber, %u red, %u not assessed"),
                              group->n_rag[COHORTS_RAG_GREEN], group->n_rag[COHORTS_RAG_AMBER],
                              group->n_rag[COHORTS_RAG_RED], group->n_rag[COHORTS_RAG_NOT_ASSESSED]);
    }
}

/**
 * cohorts_timeline_describe:
 * @x: a place in the widget; or -1 to describe row @y, or -2 group @y
 *
 * Returns: (transfer full) (nullable): what is there, in words: a school's
 *   key facts, a step and its date, a cohort
 */
char *
cohorts_timeline_describe (CohortsTimeline *self,
                           double           x,
                           double           y)
{
  const CohortsTimelineLayout *layout;
  CohortsTimelineHit hit;
  GString *out;

  g_return_val_if_fail (COHORTS_IS_TIMELINE (self), NULL);

  if (self->rows == NULL)
    return NULL;

  out = g_string_new (NULL);
  if (x == -1)
    {
      CohortsSchool *school = cohorts_timeline_rows_get_school (self->rows, (guint) y);

      if (school != NULL)
        describe_school (out, school, self->plan);
      return g_string_free (out, out->len == 0);
    }
  if (x == -2)
    {
      describe_group (out, cohorts_timeline_rows_get_group (self->rows, (guint) y));
      return g_string_free (out, FALSE);
    }

  layout = cohorts_timeline_get_layout (self);
  cohorts_timeline_layout_hit (layout, x, y, &hit);
  switch (hit.kind)
    {
    case COHORTS_TIMELINE_HIT_MARKER:
      {
        g_autofree char *date = cohorts_date_format (hit.marker->date);
        const char *state = hit.marker->state == COHORTS_MILESTONE_DONE ? _("done")
                            : hit.marker->state == COHORTS_MILESTONE_PLANNED ? _("a date of its own")
                            : _("as scheduled");

        if (hit.marker->consent == COHORTS_CONSENT_REFUSED)
          describe_refusal (out, hit.row->school, hit.marker);
        else
          {
            /* Translators: a step in a tooltip: "Academy order: 14 April 2027 (as scheduled)" */
            g_string_append_printf (out, _("%s: %s (%s)"), cohorts_step_get_name (hit.marker->step), date, state);
            if (hit.marker->consent == COHORTS_CONSENT_REQUESTED)
              describe_request (out, hit.marker);
          }
        if (hit.marker->overdue)
          g_string_append_printf (out, "\n%s", _("Overdue"));
        g_string_append_printf (out, "\n%s", cohorts_school_get_name (hit.row->school));
      }
      break;

    case COHORTS_TIMELINE_HIT_CONVERSION:
    case COHORTS_TIMELINE_HIT_BAR:
    case COHORTS_TIMELINE_HIT_LABEL:
    case COHORTS_TIMELINE_HIT_ROW:
    case COHORTS_TIMELINE_HIT_EXPANDER:
      if (hit.row->school != NULL)
        describe_school (out, hit.row->school, self->plan);
      else
        describe_group (out, cohorts_timeline_rows_get_group (self->rows, hit.row->group));
      if (hit.kind == COHORTS_TIMELINE_HIT_CONVERSION && !(hit.row->flags & COHORTS_TIMELINE_CONVERTED))
        g_string_append_printf (out, "\n%s", _("Drag to another month to reschedule"));
      break;

    case COHORTS_TIMELINE_HIT_STRIP:
      if (hit.date != COHORTS_DATE_NONE)
        {
          guint vulnerable, academies = cohorts_timeline_rows_count_at (self->rows, hit.date, &vulnerable);
          g_autofree char *date = cohorts_date_format (hit.date);

          /* Translators: the capacity strip's tooltip: "On 1 May 2028: 10 academies, 2 needing support" */
          g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "On %s: %u academy, %u needing support",
                                                    "On %s: %u academies, %u needing support", academies),
                                  date, academies, vulnerable);
          describe_findings_at (out, self->findings, hit.date);
        }
      break;

    case COHORTS_TIMELINE_HIT_AXIS:
      if (hit.date != COHORTS_DATE_NONE)
        {
          g_autofree char *date = cohorts_date_format (hit.date);
          g_autofree char *year = cohorts_calendar_academic_year_label (cohorts_calendar_academic_year (hit.date));

          /* Translators: the axis's tooltip: "3 March 2027, Spring term 2026/27" */
          g_string_append_printf (out, _("%s, %s %s"), date,
                                  cohorts_calendar_term_name (cohorts_calendar_term (hit.date)), year);
        }
      break;

    case COHORTS_TIMELINE_HIT_NONE:
    default:
      break;
    }

  return g_string_free (out, out->len == 0);
}

static gboolean
query_tooltip_cb (CohortsTimeline *self,
                  int              x,
                  int              y,
                  gboolean         keyboard,
                  GtkTooltip      *tooltip)
{
  g_autofree char *text = NULL;

  if (keyboard)
    text = self->focus_row != G_MAXUINT ? cohorts_timeline_describe (self, -1, self->focus_row) : NULL;
  else
    text = cohorts_timeline_describe (self, x, y);
  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* Keyboard ---------------------------------------------------------------------- */

static gboolean
move_focus_action (GtkWidget *widget,
                   GVariant  *args,
                   gpointer   user_data)
{
  CohortsTimeline *self = COHORTS_TIMELINE (widget);
  int step = g_variant_get_int32 (args);
  guint n = self->rows != NULL ? cohorts_timeline_rows_get_n_rows (self->rows) : 0;
  CohortsTimelineView view;
  int page, row;

  if (n == 0)
    return FALSE;

  get_view (self, &view);
  page = MAX (1, (int) (cohorts_timeline_view_rows_height (&view) / ROW_HEIGHT) - 1);
  row = self->focus_row == G_MAXUINT ? 0 : (int) self->focus_row;
  switch (step)
    {
    case -2: row = 0; break;
    case 2: row = (int) n - 1; break;
    case -3: row -= page; break;
    case 3: row += page; break;
    default: row += step; break;
    }
  focus_row (self, (guint) CLAMP (row, 0, (int) n - 1));
  return TRUE;
}

static gboolean
scroll_time_action (GtkWidget *widget,
                    GVariant  *args,
                    gpointer   user_data)
{
  CohortsTimeline *self = COHORTS_TIMELINE (widget);
  double month = self->day_width * 30.44;

  gtk_adjustment_set_value (self->hadjustment,
                            gtk_adjustment_get_value (self->hadjustment) + g_variant_get_int32 (args) * MAX (month, 40));
  return TRUE;
}

static gboolean
activate_action (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   user_data)
{
  CohortsTimeline *self = COHORTS_TIMELINE (widget);
  CohortsSchool *school;

  if (self->rows == NULL || self->focus_row == G_MAXUINT)
    return FALSE;
  school = cohorts_timeline_rows_get_school (self->rows, self->focus_row);
  if (school != NULL)
    g_signal_emit (self, signals[SCHOOL_ACTIVATED], 0, school);
  else
    toggle_group (self, self->focus_row);
  return TRUE;
}

static gboolean
shift_action (GtkWidget *widget,
              GVariant  *args,
              gpointer   user_data)
{
  shift_conversion (COHORTS_TIMELINE (widget), g_variant_get_int32 (args));
  return TRUE;
}

static gboolean
zoom_action (GtkWidget *widget,
             GVariant  *args,
             gpointer   user_data)
{
  CohortsTimeline *self = COHORTS_TIMELINE (widget);
  int direction = g_variant_get_int32 (args);

  if (direction == 0)
    cohorts_timeline_zoom (self, COHORTS_TIMELINE_FIT);
  else
    cohorts_timeline_zoom_by (self, direction);
  return TRUE;
}

static gboolean
cancel_drag_action (GtkWidget *widget,
                    GVariant  *args,
                    gpointer   user_data)
{
  CohortsTimeline *self = COHORTS_TIMELINE (widget);

  if (self->drag_mode == DRAG_NONE)
    return FALSE;
  drag_cancel_cb (self, NULL, NULL);
  return TRUE;
}

/* The keyboard's bindings are actions too, so that they can be activated
 * by name: "chart.move-focus" (rows: ±1, ±2 first/last, ±3 a page),
 * "chart.scroll-time" (months), "chart.activate-row", "chart.move-conversion"
 * (months), "chart.zoom-step" (steps; 0 fits). */
static void
chart_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  if (g_str_equal (action_name, "chart.move-focus"))
    move_focus_action (widget, parameter, NULL);
  else if (g_str_equal (action_name, "chart.scroll-time"))
    scroll_time_action (widget, parameter, NULL);
  else if (g_str_equal (action_name, "chart.activate-row"))
    activate_action (widget, NULL, NULL);
  else if (g_str_equal (action_name, "chart.move-conversion"))
    {
      if (!COHORTS_TIMELINE (widget)->read_only)
        shift_action (widget, parameter, NULL);
    }
  else if (g_str_equal (action_name, "chart.zoom-step"))
    zoom_action (widget, parameter, NULL);
}

/* GtkWidget ---------------------------------------------------------------------- */

static void
cohorts_timeline_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  CohortsTimeline *self = COHORTS_TIMELINE (widget);
  const CohortsTimelineLayout *layout = cohorts_timeline_get_layout (self);
  CohortsTimelineStyle style;
  CohortsTimelineState state;
  GdkRGBA colour;
  cairo_t *cr;

  if (layout == NULL || layout->view.width <= 0 || layout->view.height <= 0)
    return;

  cohorts_timeline_style_init (&style, adw_style_manager_get_dark (adw_style_manager_get_default ()));
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &colour);
  G_GNUC_END_IGNORE_DEPRECATIONS
  style.foreground = (CohortsRgba) { colour.red, colour.green, colour.blue, colour.alpha };
  style.font = pango_context_get_font_description (gtk_widget_get_pango_context (widget));

  cohorts_timeline_state_init (&state);
  state.selected = self->selected;
  state.focus_row = gtk_widget_has_focus (widget) ? self->focus_row : G_MAXUINT;
  state.hover_row = self->hover_row;
  if (self->drag_mode == DRAG_CONVERSION)
    {
      state.drag_row = self->drag_row;
      state.drag_date = self->drag_date;
    }

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, layout->view.width, layout->view.height));
  cohorts_timeline_render (cr, layout, &style, &state);
  cairo_destroy (cr);

  /* The month or term of the finding last shown, over the whole height of
   * the time area: on screen only, not on paper. */
  if (self->highlight_from != COHORTS_DATE_NONE)
    {
      double left = layout->view.label_width;
      double x0 = MAX (cohorts_timeline_view_x_for_date (&layout->view, self->highlight_from), left);
      double x1 = MIN (cohorts_timeline_view_x_for_date (&layout->view, self->highlight_to), layout->view.width);

      if (x1 > x0)
        {
          GdkRGBA band = { 0.90, 0.62, 0.0, 0.18 };   /* Okabe–Ito orange, translucent */
          GdkRGBA edge = { 0.90, 0.62, 0.0, 0.9 };

          gtk_snapshot_append_color (snapshot, &band,
                                     &GRAPHENE_RECT_INIT (x0, 0, x1 - x0, layout->view.height));
          gtk_snapshot_append_color (snapshot, &edge, &GRAPHENE_RECT_INIT (x0, 0, 2, layout->view.height));
          gtk_snapshot_append_color (snapshot, &edge, &GRAPHENE_RECT_INIT (x1 - 2, 0, 2, layout->view.height));
        }
    }
}

static void
cohorts_timeline_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  CohortsTimeline *self = COHORTS_TIMELINE (widget);

  configure_adjustments (self);

  /* The first time there is room: the whole plan, unless a zoom was chosen. */
  if (!self->zoom_chosen && self->rows != NULL && width > LABEL_WIDTH)
    {
      cohorts_timeline_zoom (self, COHORTS_TIMELINE_FIT);
      self->zoom_chosen = TRUE;
    }
}

static void
cohorts_timeline_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 360;
      *natural = 900;
    }
  else
    {
      *minimum = (int) (AXIS_HEIGHT + 4 * ROW_HEIGHT);
      *natural = 600;
    }
}

static void
focus_changed_cb (CohortsTimeline *self)
{
  if (gtk_widget_has_focus (GTK_WIDGET (self)) && self->focus_row == G_MAXUINT && self->rows != NULL &&
      cohorts_timeline_rows_get_n_rows (self->rows) > 0)
    {
      self->focus_row = self->selected != NULL ? cohorts_timeline_rows_find_school (self->rows, self->selected) : G_MAXUINT;
      if (self->focus_row == G_MAXUINT)
        self->focus_row = (guint) (gtk_adjustment_get_value (self->vadjustment) / ROW_HEIGHT);
      update_accessible (self);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
style_changed_cb (CohortsTimeline *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
cohorts_timeline_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CohortsTimeline *self = COHORTS_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;
    case PROP_SELECTED_SCHOOL:
      g_value_set_object (value, self->selected);
      break;
    case PROP_DAY_WIDTH:
      g_value_set_double (value, self->day_width);
      break;
    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;
    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;
    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;
    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cohorts_timeline_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  CohortsTimeline *self = COHORTS_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      cohorts_timeline_set_plan (self, g_value_get_object (value));
      break;
    case PROP_SELECTED_SCHOOL:
      cohorts_timeline_set_selected_school (self, g_value_get_object (value));
      break;
    case PROP_DAY_WIDTH:
      cohorts_timeline_set_day_width (self, g_value_get_double (value), LABEL_WIDTH);
      break;
    case PROP_HADJUSTMENT:
      set_adjustment (self, &self->hadjustment, g_value_get_object (value));
      break;
    case PROP_VADJUSTMENT:
      set_adjustment (self, &self->vadjustment, g_value_get_object (value));
      break;
    case PROP_HSCROLL_POLICY:
      self->hscroll_policy = g_value_get_enum (value);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;
    case PROP_VSCROLL_POLICY:
      self->vscroll_policy = g_value_get_enum (value);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cohorts_timeline_dispose (GObject *object)
{
  CohortsTimeline *self = COHORTS_TIMELINE (object);

  cohorts_timeline_set_plan (self, NULL);
  if (self->hadjustment != NULL)
    g_signal_handlers_disconnect_by_data (self->hadjustment, self);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_data (self->vadjustment, self);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  g_signal_handlers_disconnect_by_data (adw_style_manager_get_default (), self);

  G_OBJECT_CLASS (cohorts_timeline_parent_class)->dispose (object);
}

static void
add_binding (GtkWidgetClass  *widget_class,
             guint            key,
             GdkModifierType  modifiers,
             const char      *action_name,
             int              value)
{
  if (g_str_equal (action_name, "chart.activate-row"))
    gtk_widget_class_add_binding_action (widget_class, key, modifiers, action_name, NULL);
  else
    gtk_widget_class_add_binding_action (widget_class, key, modifiers, action_name, "i", value);
}

static void
cohorts_timeline_class_init (CohortsTimelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cohorts_timeline_dispose;
  object_class->get_property = cohorts_timeline_get_property;
  object_class->set_property = cohorts_timeline_set_property;

  widget_class->snapshot = cohorts_timeline_snapshot;
  widget_class->size_allocate = cohorts_timeline_size_allocate;
  widget_class->measure = cohorts_timeline_measure;

  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, COHORTS_TYPE_PLAN,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_SCHOOL] =
    g_param_spec_object ("selected-school", NULL, NULL, COHORTS_TYPE_SCHOOL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DAY_WIDTH] =
    g_param_spec_double ("day-width", NULL, NULL, COHORTS_TIMELINE_ZOOM_MIN, COHORTS_TIMELINE_ZOOM_MAX,
                         COHORTS_TIMELINE_ZOOM_TERM,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  /**
   * CohortsTimeline::cohort-activated:
   * @cohort: (nullable): the cohort whose row was chosen, or %NULL for the
   *   schools in none
   */
  signals[COHORT_ACTIVATED] =
    g_signal_new ("cohort-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, COHORTS_TYPE_COHORT);
  /**
   * CohortsTimeline::school-activated:
   *
   * A school's row was double-clicked, or Enter pressed on it: edit it.
   */
  signals[SCHOOL_ACTIVATED] =
    g_signal_new ("school-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, COHORTS_TYPE_SCHOOL);
  /**
   * CohortsTimeline::problem:
   * @message: what went wrong, for people
   *
   * A change could not be made.
   */
  signals[PROBLEM] =
    g_signal_new ("problem", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  add_binding (widget_class, GDK_KEY_Up, 0, "chart.move-focus", -1);
  add_binding (widget_class, GDK_KEY_KP_Up, 0, "chart.move-focus", -1);
  add_binding (widget_class, GDK_KEY_Down, 0, "chart.move-focus", 1);
  add_binding (widget_class, GDK_KEY_KP_Down, 0, "chart.move-focus", 1);
  add_binding (widget_class, GDK_KEY_Home, 0, "chart.move-focus", -2);
  add_binding (widget_class, GDK_KEY_End, 0, "chart.move-focus", 2);
  add_binding (widget_class, GDK_KEY_Page_Up, 0, "chart.move-focus", -3);
  add_binding (widget_class, GDK_KEY_Page_Down, 0, "chart.move-focus", 3);
  add_binding (widget_class, GDK_KEY_Left, 0, "chart.scroll-time", -1);
  add_binding (widget_class, GDK_KEY_Right, 0, "chart.scroll-time", 1);
  add_binding (widget_class, GDK_KEY_Left, GDK_CONTROL_MASK, "chart.move-conversion", -1);
  add_binding (widget_class, GDK_KEY_Right, GDK_CONTROL_MASK, "chart.move-conversion", 1);
  add_binding (widget_class, GDK_KEY_Return, 0, "chart.activate-row", 0);
  add_binding (widget_class, GDK_KEY_KP_Enter, 0, "chart.activate-row", 0);
  add_binding (widget_class, GDK_KEY_space, 0, "chart.activate-row", 0);
  add_binding (widget_class, GDK_KEY_plus, 0, "chart.zoom-step", 1);
  add_binding (widget_class, GDK_KEY_equal, 0, "chart.zoom-step", 1);
  add_binding (widget_class, GDK_KEY_KP_Add, 0, "chart.zoom-step", 1);
  add_binding (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "chart.zoom-step", 1);
  add_binding (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "chart.zoom-step", 1);
  add_binding (widget_class, GDK_KEY_minus, 0, "chart.zoom-step", -1);
  add_binding (widget_class, GDK_KEY_KP_Subtract, 0, "chart.zoom-step", -1);
  add_binding (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "chart.zoom-step", -1);
  add_binding (widget_class, GDK_KEY_0, 0, "chart.zoom-step", 0);
  add_binding (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "chart.zoom-step", 0);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, cancel_drag_action, NULL);

  gtk_widget_class_install_action (widget_class, "chart.move-focus", "i", chart_action);
  gtk_widget_class_install_action (widget_class, "chart.scroll-time", "i", chart_action);
  gtk_widget_class_install_action (widget_class, "chart.activate-row", NULL, chart_action);
  gtk_widget_class_install_action (widget_class, "chart.move-conversion", "i", chart_action);
  gtk_widget_class_install_action (widget_class, "chart.zoom-step", "i", chart_action);

  gtk_widget_class_set_css_name (widget_class, "timeline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_WIDGET);
}

static void
cohorts_timeline_init (CohortsTimeline *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkGesture *gesture;
  GtkEventController *controller;

  self->day_width = COHORTS_TIMELINE_ZOOM_TERM;
  self->focus_row = G_MAXUINT;
  self->hover_row = G_MAXUINT;
  self->drag_row = G_MAXUINT;

  gtk_widget_set_focusable (widget, TRUE);
  gtk_widget_set_focus_on_click (widget, TRUE);
  gtk_widget_set_overflow (widget, GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_has_tooltip (widget, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Timeline"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Each school's conversion steps and date, by cohort. Up and Down move between schools; Ctrl+Left and Ctrl+Right move a conversion by a month."),
                                  -1);

  gesture = gtk_gesture_click_new ();
  g_signal_connect_swapped (gesture, "pressed", G_CALLBACK (click_pressed_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_drag_new ();
  gtk_event_controller_set_name (GTK_EVENT_CONTROLLER (gesture), "timeline-drag");
  g_signal_connect_swapped (gesture, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect_swapped (gesture, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect_swapped (gesture, "drag-end", G_CALLBACK (drag_end_cb), self);
  g_signal_connect_swapped (gesture, "cancel", G_CALLBACK (drag_cancel_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));

  controller = gtk_event_controller_motion_new ();
  g_signal_connect_swapped (controller, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect_swapped (controller, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (widget, controller);

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  g_signal_connect_swapped (controller, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (widget, controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (controller, "enter", G_CALLBACK (focus_changed_cb), self);
  g_signal_connect_swapped (controller, "leave", G_CALLBACK (focus_changed_cb), self);
  gtk_widget_add_controller (widget, controller);

  g_signal_connect_swapped (widget, "query-tooltip", G_CALLBACK (query_tooltip_cb), self);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (style_changed_cb), self, G_CONNECT_SWAPPED);

  set_adjustment (self, &self->hadjustment, NULL);
  set_adjustment (self, &self->vadjustment, NULL);
}

GtkWidget *
cohorts_timeline_new (void)
{
  return g_object_new (COHORTS_TYPE_TIMELINE, NULL);
}

/**
 * cohorts_timeline_set_diocese:
 * @diocese: (nullable): a diocese's key, or %NULL for every school
 *
 * Shows only the schools of one diocese, and the cohorts holding them.
 */
void
cohorts_timeline_set_diocese (CohortsTimeline *self,
                              const char      *diocese)
{
  g_return_if_fail (COHORTS_IS_TIMELINE (self));

  if (self->rows == NULL)
    return;
  /* Other rows: the focus starts again from the top. */
  self->focus_row = self->hover_row = self->drag_row = G_MAXUINT;
  if (self->vadjustment != NULL)
    gtk_adjustment_set_value (self->vadjustment, 0);
  cohorts_timeline_rows_set_diocese (self->rows, diocese);
  invalidate (self);
}

/**
 * cohorts_timeline_get_rows:
 *
 * Returns: (transfer none) (nullable): the rows shown
 */
CohortsTimelineRows *
cohorts_timeline_get_rows (CohortsTimeline *self)
{
  g_return_val_if_fail (COHORTS_IS_TIMELINE (self), NULL);
  return self->rows;
}

/**
 * cohorts_timeline_set_plan:
 * @plan: (nullable): the plan to show
 */
void
cohorts_timeline_set_plan (CohortsTimeline *self,
                           CohortsPlan     *plan)
{
  g_return_if_fail (COHORTS_IS_TIMELINE (self));
  g_return_if_fail (plan == NULL || COHORTS_IS_PLAN (plan));

  if (self->plan == plan)
    return;

  if (self->rows != NULL)
    g_signal_handlers_disconnect_by_data (self->rows, self);
  g_clear_object (&self->rows);
  g_clear_object (&self->selected);
  g_clear_object (&self->drag_school);
  g_clear_object (&self->drag_cohort);
  g_clear_pointer (&self->layout, cohorts_timeline_layout_free);
  self->drag_mode = DRAG_NONE;
  self->focus_row = self->hover_row = self->drag_row = G_MAXUINT;
  self->origin = self->end = COHORTS_DATE_NONE;
  self->zoom_chosen = FALSE;
  self->highlight_from = self->highlight_to = COHORTS_DATE_NONE;
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  g_set_object (&self->plan, plan);

  if (plan != NULL)
    {
      self->rows = cohorts_timeline_rows_new (plan);
      g_signal_connect_swapped (self->rows, "changed", G_CALLBACK (rows_changed_cb), self);
      update_extent (self);
    }

  if (self->hadjustment != NULL)
    gtk_adjustment_set_value (self->hadjustment, 0);
  if (self->vadjustment != NULL)
    gtk_adjustment_set_value (self->vadjustment, 0);
  configure_adjustments (self);
  if (gtk_widget_get_width (GTK_WIDGET (self)) > LABEL_WIDTH && plan != NULL)
    {
      cohorts_timeline_zoom (self, COHORTS_TIMELINE_FIT);
      self->zoom_chosen = TRUE;
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN]);
}

CohortsPlan *
cohorts_timeline_get_plan (CohortsTimeline *self)
{
  g_return_val_if_fail (COHORTS_IS_TIMELINE (self), NULL);
  return self->plan;
}

/**
 * cohorts_timeline_set_baseline:
 * @baseline: (nullable): a baseline of the plan, or %NULL for none
 *
 * Shows @baseline's conversions under the plan's, a thin grey bar a school.
 */
void
cohorts_timeline_set_baseline (CohortsTimeline *self,
                               CohortsBaseline *baseline)
{
  g_return_if_fail (COHORTS_IS_TIMELINE (self));

  if (self->rows != NULL)
    cohorts_timeline_rows_set_baseline (self->rows, baseline);
}

/**
 * cohorts_timeline_get_baseline:
 *
 * Returns: (transfer none) (nullable): the baseline shown
 */
CohortsBaseline *
cohorts_timeline_get_baseline (CohortsTimeline *self)
{
  g_return_val_if_fail (COHORTS_IS_TIMELINE (self), NULL);
  return self->rows != NULL ? cohorts_timeline_rows_get_baseline (self->rows) : NULL;
}

/**
 * cohorts_timeline_set_read_only:
 *
 * In review mode the chart still scrolls, zooms and selects, but no
 * conversion date is dragged or moved with the keyboard.
 */
void
cohorts_timeline_set_read_only (CohortsTimeline *self,
                                gboolean         read_only)
{
  g_return_if_fail (COHORTS_IS_TIMELINE (self));
  self->read_only = !!read_only;
}
