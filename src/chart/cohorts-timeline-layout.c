/* cohorts-timeline-layout.c: where everything on the timeline goes
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Geometry only: no drawing, no fonts. The timeline is a grid: time runs
 * across from a fixed origin at so many units a day; rows of one height run
 * down. A layout holds what is in sight of one view of it and nothing else,
 * so that its cost depends on the size of the view, not of the plan. The
 * renderer draws a layout; the widget asks a layout what is under the
 * pointer; the tests check a layout's numbers.
 */
#define G_LOG_DOMAIN "cohorts-timeline"

#include "config.h"

#include <math.h>
#include <string.h>

#include "cohorts-calendar.h"
#include "cohorts-cohort.h"
#include "cohorts-capacity.h"
#include "cohorts-timeline-layout.h"

/* Months narrower than these show less. */
#define MONTH_SHORT_WIDTH   34.0
#define MONTH_INITIAL_WIDTH 12.0
#define MONTH_TICKS_WIDTH    5.0
/* Terms narrower than this (a term is about 100 days) are not shown. */
#define TERM_WIDTH          40.0
/* Days narrower than this hide the steps: the markers would overlap. */
#define MARKERS_DAY_WIDTH    0.25

#define DAYS_A_MONTH 30.44

/* Hit testing: how near the pointer must be, beyond a shape's own size. */
#define HIT_SLOP 3.0

double
cohorts_timeline_view_x_for_date (const CohortsTimelineView *view,
                                  CohortsDate                date)
{
  return view->label_width + ((double) date - (double) view->origin) * view->day_width - view->scroll_x;
}

/**
 * cohorts_timeline_view_date_for_x:
 *
 * Returns: the day that @x falls in (never before 1 January of year 1)
 */
CohortsDate
cohorts_timeline_view_date_for_x (const CohortsTimelineView *view,
                                  double                     x)
{
  double day = (double) view->origin + floor ((x - view->label_width + view->scroll_x) / view->day_width);

  return (CohortsDate) CLAMP (day, 1.0, (double) G_MAXUINT32);
}

/**
 * cohorts_timeline_view_time_width:
 *
 * Returns: how wide the time area is: the chart less the names' column
 */
double
cohorts_timeline_view_time_width (const CohortsTimelineView *view)
{
  return MAX (0.0, view->width - view->label_width);
}

/**
 * cohorts_timeline_view_rows_height:
 *
 * Returns: how tall the rows' area is: the chart less the axis and the strip
 */
double
cohorts_timeline_view_rows_height (const CohortsTimelineView *view)
{
  return MAX (0.0, view->height - view->axis_height - view->strip_height);
}

/**
 * cohorts_timeline_get_extent:
 * @today: a day that should be in reach too, or %COHORTS_DATE_NONE
 * @from: (out): where time starts: 1 September before the plan's first date
 * @to: (out): where it ends: at least ten academic years after @from, and
 *   at least a whole academic year after the plan's last date
 *
 * The span one can scroll over.
 */
/**
 * cohorts_timeline_column_width:
 * @column: one #CohortsTimelineColumns
 *
 * Returns: how wide @column is beside the names: in proportion to the rows,
 *   as the text is
 */
double
cohorts_timeline_column_width (CohortsTimelineColumns column,
                               double                 row_height)
{
  switch (column)
    {
    case COHORTS_TIMELINE_COLUMN_URN:        return round (row_height * 3.6);
    case COHORTS_TIMELINE_COLUMN_PHASE:      return round (row_height * 6.6);
    case COHORTS_TIMELINE_COLUMN_CONVERSION: return round (row_height * 4.0);
    case COHORTS_TIMELINE_COLUMN_PUPILS:     return round (row_height * 2.6);
    case COHORTS_TIMELINE_COLUMN_AUTHORITY:  return round (row_height * 6.4);
    default:                                 return 0;
    }
}

/**
 * cohorts_timeline_columns_width:
 * @columns: #CohortsTimelineColumns
 *
 * Returns: how wide @columns are together
 */
double
cohorts_timeline_columns_width (guint  columns,
                                double row_height)
{
  double width = 0;

  for (guint i = 0; i < COHORTS_TIMELINE_N_COLUMNS; i++)
    if (columns & (1u << i))
      width += cohorts_timeline_column_width (1u << i, row_height);
  return width;
}

void
cohorts_timeline_get_extent (CohortsTimelineRows *rows,
                             CohortsDate          today,
                             CohortsDate         *from,
                             CohortsDate         *to)
{
  CohortsDate start, end;
  int first_year, last_year;

  cohorts_timeline_rows_get_range (rows, &start, &end);
  if (start == COHORTS_DATE_NONE)
    {
      CohortsDate plan_start = cohorts_plan_get_start_date (cohorts_timeline_rows_get_plan (rows));

      start = end = plan_start != COHORTS_DATE_NONE ? plan_start
                  : today != COHORTS_DATE_NONE ? today : cohorts_date_today ();
    }
  if (today != COHORTS_DATE_NONE)
    {
      start = MIN (start, today);
      end = MAX (end, today);
    }

  /* A month's room before the first date, a year's after the last. */
  first_year = cohorts_calendar_academic_year (start - 31);
  last_year = cohorts_calendar_academic_year (end) + 1;
  last_year = MAX (last_year, first_year + 9);

  *from = cohorts_calendar_academic_year_start (first_year);
  *to = cohorts_calendar_academic_year_start (last_year + 1);
}

/**
 * cohorts_timeline_fit_day_width:
 * @time_width: how wide the time area is
 *
 * Returns: the day width at which the plan's dates, and a month either
 *   side, fill @time_width
 */
double
cohorts_timeline_fit_day_width (CohortsTimelineRows *rows,
                                double               time_width)
{
  CohortsDate start, end;
  double days;

  cohorts_timeline_rows_get_range (rows, &start, &end);
  if (start == COHORTS_DATE_NONE)
    return COHORTS_TIMELINE_ZOOM_TERM;

  days = (double) (end - start) + 2 * DAYS_A_MONTH;
  return CLAMP (time_width / days, COHORTS_TIMELINE_ZOOM_MIN, COHORTS_TIMELINE_ZOOM_MAX);
}

static void
add_band (CohortsTimelineLayout   *layout,
          CohortsTimelineBandKind  kind,
          int                      value,
          CohortsDate              start,
          CohortsDate              end)
{
  CohortsTimelineBand band = { kind, value, start, end, 0, 0 };

  band.x0 = cohorts_timeline_view_x_for_date (&layout->view, start);
  band.x1 = cohorts_timeline_view_x_for_date (&layout->view, end);
  g_array_append_val (layout->bands, band);
}

static void
lay_out_axis (CohortsTimelineLayout *layout,
              CohortsDate            first,
              CohortsDate            last)
{
  double month_width = layout->view.day_width * DAYS_A_MONTH;
  int first_year = cohorts_calendar_academic_year (first);
  int last_year = cohorts_calendar_academic_year (last);

  if (month_width >= MONTH_SHORT_WIDTH)
    layout->months = COHORTS_TIMELINE_MONTHS_SHORT;
  else if (month_width >= MONTH_INITIAL_WIDTH)
    layout->months = COHORTS_TIMELINE_MONTHS_INITIAL;
  else if (month_width >= MONTH_TICKS_WIDTH)
    layout->months = COHORTS_TIMELINE_MONTHS_TICKS;
  else
    layout->months = COHORTS_TIMELINE_MONTHS_HIDDEN;
  layout->show_terms = layout->view.day_width * 100 >= TERM_WIDTH;

  for (int year = first_year; year <= last_year; year++)
    add_band (layout, COHORTS_TIMELINE_BAND_YEAR, year,
              cohorts_calendar_academic_year_start (year),
              cohorts_calendar_academic_year_start (year + 1));

  if (layout->show_terms)
    for (int year = first_year; year <= last_year; year++)
      for (CohortsTerm term = COHORTS_TERM_AUTUMN; term <= COHORTS_TERM_SUMMER; term++)
        {
          CohortsDate start = cohorts_calendar_term_start (year, term);
          CohortsDate end = term == COHORTS_TERM_SUMMER ? cohorts_calendar_academic_year_start (year + 1)
                                                        : cohorts_calendar_term_start (year, term + 1);

          if (end > first && start <= last)
            add_band (layout, COHORTS_TIMELINE_BAND_TERM, term, start, end);
        }

  if (layout->months != COHORTS_TIMELINE_MONTHS_HIDDEN)
    for (CohortsDate month = cohorts_date_first_of_month (first); month <= last;)
      {
        CohortsDate next = cohorts_date_add_months (month, 1);

        add_band (layout, COHORTS_TIMELINE_BAND_MONTH, cohorts_date_get_month (month), month, next);
        month = next;
      }
}

static void
lay_out_school (CohortsTimelineLayout *layout,
                CohortsSchedule       *schedule,
                CohortsSchool         *school,
                CohortsTimelineRow    *row)
{
  CohortsMilestone milestones[COHORTS_N_STEPS];
  CohortsMilestone own;
  CohortsDate today = layout->view.today;

  row->conversion = cohorts_schedule_plan (schedule, school, milestones);

  if (cohorts_school_is_church_school (school))
    row->flags |= COHORTS_TIMELINE_CHURCH;
  if (cohorts_school_is_vulnerable (school))
    row->flags |= COHORTS_TIMELINE_VULNERABLE;
  cohorts_school_get_milestone (school, COHORTS_STEP_CONVERSION, &own);
  if (own.state != COHORTS_MILESTONE_SCHEDULED)
    row->flags |= COHORTS_TIMELINE_OWN_DATE;
  if (own.state == COHORTS_MILESTONE_DONE)
    row->flags |= COHORTS_TIMELINE_CONVERTED;

  for (guint i = 0; i < COHORTS_N_STEPS; i++)
    {
      const CohortsMilestone *m = &milestones[i];
      CohortsDate date = m->date;
      CohortsDate from = m->start != COHORTS_DATE_NONE ? m->start : m->date;
      CohortsConsent consent = COHORTS_CONSENT_NONE;
      CohortsDate requested = COHORTS_DATE_NONE;
      gboolean overdue;

      /* The church track: a consent refused is shown when it was refused,
       * one requested has a mark where it was asked. */
      if ((i == COHORTS_STEP_DIOCESAN_CONSENT || i == COHORTS_STEP_SITE_TRUSTEES) &&
          (row->flags & COHORTS_TIMELINE_CHURCH))
        {
          gboolean diocesan = i == COHORTS_STEP_DIOCESAN_CONSENT;
          CohortsDate decided = diocesan ? cohorts_school_get_diocesan_consent_decided (school)
                                         : cohorts_school_get_site_trustees_consent_decided (school);

          consent = diocesan ? cohorts_school_get_diocesan_consent (school)
                             : cohorts_school_get_site_trustees_consent (school);
          if (consent == COHORTS_CONSENT_REFUSED && decided != COHORTS_DATE_NONE)
            date = from = decided;
          else if (consent == COHORTS_CONSENT_REQUESTED)
            requested = diocesan ? cohorts_school_get_diocesan_consent_requested (school)
                                 : cohorts_school_get_site_trustees_consent_requested (school);
        }

      if (date == COHORTS_DATE_NONE)
        continue;

      if (row->start == COHORTS_DATE_NONE || from < row->start)
        row->start = from;
      /* A refused consent is not late: it has its own mark. */
      overdue = today != COHORTS_DATE_NONE && date < today && m->state != COHORTS_MILESTONE_DONE &&
                consent != COHORTS_CONSENT_REFUSED;
      if (overdue)
        row->flags |= COHORTS_TIMELINE_OVERDUE;

      if (i != COHORTS_STEP_CONVERSION)
        {
          CohortsTimelineMarker *marker = &row->markers[row->n_markers++];

          marker->step = i;
          marker->state = m->state;
          marker->overdue = overdue;
          marker->date = date;
          marker->x = cohorts_timeline_view_x_for_date (&layout->view, date);
          marker->start_x = m->start != COHORTS_DATE_NONE && date == m->date
                            ? cohorts_timeline_view_x_for_date (&layout->view, m->start) : marker->x;
          marker->consent = consent;
          marker->requested = requested;
          marker->requested_x = requested != COHORTS_DATE_NONE
                                ? cohorts_timeline_view_x_for_date (&layout->view, requested) : NAN;
        }
    }
}

/* Fills @row, the row @index of group @group, at its place in the view.
 * Returns FALSE if the plan has no such row (it is changing). */
static gboolean
fill_row (CohortsTimelineLayout *layout,
          CohortsTimelineRows   *rows,
          CohortsSchedule       *schedule,
          guint                  index,
          guint                  group,
          CohortsTimelineRow    *row)
{
  const CohortsTimelineView *view = &layout->view;
  const CohortsTimelineGroup *g = cohorts_timeline_rows_get_group (rows, group);
  CohortsReadinessScore score;

  memset (row, 0, sizeof *row);
  row->index = index;
  row->group = group;
  row->y = view->axis_height + index * view->row_height - view->scroll_y;
  row->cohort = g->cohort;

  if (index == g->first_row)
    {
      row->kind = COHORTS_TIMELINE_ROW_GROUP;
      row->n_members = g->n_members;
      memcpy (row->n_rag, g->n_rag, sizeof row->n_rag);
      if (g->collapsed)
        row->flags |= COHORTS_TIMELINE_COLLAPSED;
      if (g->n_church > 0)
        row->flags |= COHORTS_TIMELINE_CHURCH;
      if (g->n_vulnerable > 0)
        row->flags |= COHORTS_TIMELINE_VULNERABLE;
      row->start = g->start;
      row->conversion = g->cohort != NULL ? cohorts_cohort_get_date (g->cohort) : COHORTS_DATE_NONE;
    }
  else
    {
      row->kind = COHORTS_TIMELINE_ROW_SCHOOL;
      row->school = cohorts_timeline_rows_get_school (rows, index);
      if (row->school == NULL)
        return FALSE;
      lay_out_school (layout, schedule, row->school, row);
      /* Only for the rows in sight: a handful of sums a row. */
      cohorts_plan_score_school (cohorts_timeline_rows_get_plan (rows), row->school, &score);
      row->rag = score.rag;
      row->readiness = cohorts_readiness_score_percent (&score);
    }

  row->start_x = row->start != COHORTS_DATE_NONE ? cohorts_timeline_view_x_for_date (view, row->start) : NAN;
  row->conversion_x = row->conversion != COHORTS_DATE_NONE ? cohorts_timeline_view_x_for_date (view, row->conversion) : NAN;

  /* The baseline's conversion: a binary search a row in sight. */
  row->baseline_start = row->baseline_conversion = COHORTS_DATE_NONE;
  row->baseline_start_x = row->baseline_x = NAN;
  if (row->school != NULL && cohorts_timeline_rows_get_baseline (rows) != NULL)
    {
      const CohortsBaselineEntry *entry = cohorts_baseline_lookup (cohorts_timeline_rows_get_baseline (rows),
                                                                   cohorts_school_get_urn (row->school));

      if (entry != NULL && entry->date != COHORTS_DATE_NONE)
        {
          row->baseline_conversion = entry->date;
          row->baseline_start = entry->date - cohorts_schedule_lead_days (schedule, row->school);
          row->baseline_x = cohorts_timeline_view_x_for_date (view, row->baseline_conversion);
          row->baseline_start_x = cohorts_timeline_view_x_for_date (view, row->baseline_start);
        }
    }
  else if (row->kind == COHORTS_TIMELINE_ROW_GROUP && row->cohort != NULL &&
           cohorts_timeline_rows_get_baseline (rows) != NULL)
    {
      /* A cohort's: its date then, by id; its schools' steps as long. */
      CohortsBaseline *baseline = cohorts_timeline_rows_get_baseline (rows);
      int found = cohorts_baseline_find_cohort (baseline, cohorts_cohort_get_id (row->cohort));
      const CohortsBaselineCohort *then = found >= 0 ? cohorts_baseline_get_cohort (baseline, (guint) found) : NULL;

      if (then != NULL && then->date != COHORTS_DATE_NONE)
        {
          row->baseline_conversion = then->date;
          row->baseline_start = row->start != COHORTS_DATE_NONE && row->conversion != COHORTS_DATE_NONE
                                  ? then->date - (row->conversion - row->start)
                                  : then->date;
          row->baseline_x = cohorts_timeline_view_x_for_date (view, row->baseline_conversion);
          row->baseline_start_x = cohorts_timeline_view_x_for_date (view, row->baseline_start);
        }
    }
  return TRUE;
}

static void
lay_out_rows (CohortsTimelineLayout *layout,
              CohortsTimelineRows   *rows)
{
  const CohortsTimelineView *view = &layout->view;
  CohortsSchedule *schedule = cohorts_plan_get_schedule (cohorts_timeline_rows_get_plan (rows));
  guint first, last, group, n_groups = cohorts_timeline_rows_get_n_groups (rows);

  if (layout->n_rows == 0 || view->row_height <= 0)
    return;

  first = (guint) CLAMP (floor (view->scroll_y / view->row_height), 0, layout->n_rows);
  last = (guint) CLAMP (ceil ((view->scroll_y + cohorts_timeline_view_rows_height (view)) / view->row_height),
                        0, layout->n_rows);
  if (first >= last)
    return;

  group = cohorts_timeline_rows_group_of_row (rows, first);
  for (guint i = first; i < last; i++)
    {
      CohortsTimelineRow row;

      while (group + 1 < n_groups && cohorts_timeline_rows_get_group (rows, group + 1)->first_row <= i)
        group++;
      if (fill_row (layout, rows, schedule, i, group, &row))
        g_array_append_val (layout->rows, row);
    }

  /* The row of the group the top row belongs to stays in sight at the top
   * while its schools scroll under it; the next group's row pushes it up. */
  group = cohorts_timeline_rows_group_of_row (rows, first);
  if (view->scroll_y > cohorts_timeline_rows_get_group (rows, group)->first_row * view->row_height &&
      fill_row (layout, rows, schedule, cohorts_timeline_rows_get_group (rows, group)->first_row, group,
                &layout->pinned))
    {
      layout->pinned.y = view->axis_height;
      if (group + 1 < n_groups)
        {
          double next = view->axis_height + cohorts_timeline_rows_get_group (rows, group + 1)->first_row * view->row_height
                        - view->scroll_y;

          layout->pinned.y = MIN (layout->pinned.y, next - view->row_height);
        }
      layout->has_pinned = TRUE;
    }
}

static void
add_step (CohortsTimelineLayout      *layout,
          double                      x0,
          double                      x1,
          const CohortsTimelineCount *count)
{
  CohortsTimelineStep step = { x0, x1, count->academies, count->vulnerable, count->strong };

  if (x1 > x0)
    g_array_append_val (layout->steps, step);
}

static void
lay_out_strip (CohortsTimelineLayout *layout,
               CohortsTimelineRows   *rows,
               CohortsDate            first,
               CohortsDate            last)
{
  const CohortsTimelineView *view = &layout->view;
  CohortsTrust *trust = cohorts_plan_get_trust (cohorts_timeline_rows_get_plan (rows));
  const CohortsTimelineCount *counts;
  CohortsTimelineCount now = { 0, };
  guint n_counts, low = 0, high;
  double x0 = view->label_width;

  counts = cohorts_timeline_rows_get_counts (rows, &n_counts);
  layout->max_academies = n_counts > 0 ? counts[n_counts - 1].academies : 0;
  layout->target_min = MAX (0, cohorts_trust_get_academies_min (trust));
  layout->target_max = MAX (0, cohorts_trust_get_academies_max (trust));
  layout->max_academies = MAX (layout->max_academies, MAX (layout->target_min, layout->target_max));
  layout->support_ratio = MAX (0, cohorts_capacity_get_support_ratio (trust));

  if (view->strip_height <= 0)
    return;

  /* The counts on the first day in sight, then each change in sight. */
  high = n_counts;
  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (counts[middle].date <= first)
        low = middle + 1;
      else
        high = middle;
    }
  if (low > 0)
    now = counts[low - 1];
  for (guint i = low; i < n_counts && counts[i].date <= last; i++)
    {
      double x = cohorts_timeline_view_x_for_date (view, counts[i].date);

      add_step (layout, x0, x, &now);
      x0 = x;
      now = counts[i];
    }
  add_step (layout, x0, view->width, &now);
}

/**
 * cohorts_timeline_layout_new:
 *
 * Lays out what @view sees of @rows: the rows in sight, the axis's years,
 * terms and months in sight, the today line, the capacity strip.
 *
 * Returns: (transfer full): the layout
 */
CohortsTimelineLayout *
cohorts_timeline_layout_new (CohortsTimelineRows       *rows,
                             const CohortsTimelineView *view)
{
  CohortsTimelineLayout *layout;
  CohortsDate from, to, first, last;

  g_return_val_if_fail (COHORTS_IS_TIMELINE_ROWS (rows), NULL);
  g_return_val_if_fail (view != NULL && view->day_width > 0, NULL);

  layout = g_new0 (CohortsTimelineLayout, 1);
  layout->view = *view;
  layout->rows = g_array_new (FALSE, FALSE, sizeof (CohortsTimelineRow));
  layout->bands = g_array_new (FALSE, FALSE, sizeof (CohortsTimelineBand));
  layout->steps = g_array_new (FALSE, FALSE, sizeof (CohortsTimelineStep));
  layout->n_rows = cohorts_timeline_rows_get_n_rows (rows);
  layout->show_markers = view->day_width >= MARKERS_DAY_WIDTH;

  cohorts_timeline_get_extent (rows, view->today, &from, &to);
  layout->content_width = ((double) to - (double) view->origin) * view->day_width;
  layout->content_height = layout->n_rows * view->row_height;

  /* The days in sight. */
  first = cohorts_timeline_view_date_for_x (view, view->label_width);
  last = cohorts_timeline_view_date_for_x (view, MAX (view->width, view->label_width));

  lay_out_axis (layout, first, last);
  lay_out_rows (layout, rows);
  lay_out_strip (layout, rows, first, last);

  layout->today_x = NAN;
  if (view->today != COHORTS_DATE_NONE && view->today >= first && view->today <= last)
    layout->today_x = cohorts_timeline_view_x_for_date (view, view->today);

  return layout;
}

void
cohorts_timeline_layout_free (CohortsTimelineLayout *layout)
{
  if (layout == NULL)
    return;
  g_array_unref (layout->rows);
  g_array_unref (layout->bands);
  g_array_unref (layout->steps);
  g_free (layout);
}

/**
 * cohorts_timeline_layout_get_row:
 * @index: a row's place among all rows
 *
 * Returns: (nullable): that row, if it is in sight
 */
const CohortsTimelineRow *
cohorts_timeline_layout_get_row (const CohortsTimelineLayout *layout,
                                 guint                        index)
{
  const CohortsTimelineRow *first;

  if (layout->rows->len == 0)
    return NULL;
  first = &g_array_index (layout->rows, CohortsTimelineRow, 0);
  if (index < first->index || index - first->index >= layout->rows->len)
    return NULL;
  return &g_array_index (layout->rows, CohortsTimelineRow, index - first->index);
}

static gboolean
near (double a,
      double b,
      double distance)
{
  return fabs (a - b) <= distance;
}

/**
 * cohorts_timeline_layout_hit:
 * @hit: (out caller-allocates): what is at (@x, @y)
 *
 * Finds what is at a point: the conversion diamond first (it is what one
 * drags), then a step's marker, then the bar, then the row.
 */
void
cohorts_timeline_layout_hit (const CohortsTimelineLayout *layout,
                             double                       x,
                             double                       y,
                             CohortsTimelineHit          *hit)
{
  const CohortsTimelineView *view = &layout->view;
  const CohortsTimelineRow *row;
  double row_position, diamond, best = G_MAXDOUBLE;

  memset (hit, 0, sizeof *hit);

  if (x < 0 || y < 0 || x >= view->width || y >= view->height)
    return;

  if (x >= view->label_width)
    hit->date = cohorts_timeline_view_date_for_x (view, x);

  if (y < view->axis_height)
    {
      hit->kind = COHORTS_TIMELINE_HIT_AXIS;
      return;
    }
  if (y >= view->height - view->strip_height)
    {
      hit->kind = COHORTS_TIMELINE_HIT_STRIP;
      return;
    }

  if (layout->has_pinned && y >= layout->pinned.y && y < layout->pinned.y + view->row_height)
    row = &layout->pinned;
  else
    {
      row_position = floor ((y - view->axis_height + view->scroll_y) / view->row_height);
      if (row_position < 0 || row_position >= layout->n_rows)
        return;
      row = cohorts_timeline_layout_get_row (layout, (guint) row_position);
    }
  if (row == NULL)
    return;
  hit->row = row;

  if (x < view->label_width)
    {
      hit->kind = row->kind == COHORTS_TIMELINE_ROW_GROUP && x < view->row_height
                  ? COHORTS_TIMELINE_HIT_EXPANDER : COHORTS_TIMELINE_HIT_LABEL;
      return;
    }

  diamond = view->row_height * 0.3;
  if (!isnan (row->conversion_x) && near (x, row->conversion_x, diamond + HIT_SLOP))
    {
      hit->kind = COHORTS_TIMELINE_HIT_CONVERSION;
      return;
    }

  if (layout->show_markers)
    for (guint i = 0; i < row->n_markers; i++)
      {
        double distance = fabs (x - row->markers[i].x);

        /* A consent's request mark tells of the same step. */
        if (!isnan (row->markers[i].requested_x))
          distance = MIN (distance, fabs (x - row->markers[i].requested_x));
        if (distance <= 4.0 + HIT_SLOP && distance < best)
          {
            best = distance;
            hit->marker = &row->markers[i];
            hit->kind = COHORTS_TIMELINE_HIT_MARKER;
          }
      }
  if (hit->marker != NULL)
    return;

  if (!isnan (row->start_x) && !isnan (row->conversion_x) &&
      x >= row->start_x && x <= row->conversion_x)
    hit->kind = COHORTS_TIMELINE_HIT_BAR;
  else
    hit->kind = COHORTS_TIMELINE_HIT_ROW;
}
