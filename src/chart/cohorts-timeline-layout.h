/* cohorts-timeline-layout.h: where everything on the timeline goes
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cohorts-schedule.h"
#include "cohorts-timeline-rows.h"

G_BEGIN_DECLS

/* Zoom levels, in pixels (or points) a day. */
#define COHORTS_TIMELINE_ZOOM_MONTH 4.0   /* a month about 120 wide */
#define COHORTS_TIMELINE_ZOOM_TERM  1.5   /* a term about 150 wide */
#define COHORTS_TIMELINE_ZOOM_YEAR  0.6   /* a year about 220 wide */
#define COHORTS_TIMELINE_ZOOM_MIN   0.05
#define COHORTS_TIMELINE_ZOOM_MAX   16.0

/**
 * CohortsTimelineColumns:
 *
 * Facts shown in columns between a row's name and its bar.
 */
typedef enum
{
  COHORTS_TIMELINE_COLUMN_URN        = 1 << 0,
  COHORTS_TIMELINE_COLUMN_PHASE      = 1 << 1,
  COHORTS_TIMELINE_COLUMN_CONVERSION = 1 << 2,  /* the conversion date */
  COHORTS_TIMELINE_COLUMN_PUPILS     = 1 << 3,
  COHORTS_TIMELINE_COLUMN_AUTHORITY  = 1 << 4,  /* the local authority */
} CohortsTimelineColumns;

#define COHORTS_TIMELINE_N_COLUMNS 5

/**
 * CohortsTimelineView:
 * @width: of the whole chart
 * @height: of the whole chart
 * @label_width: the names on the left, with their @columns
 * @columns: #CohortsTimelineColumns shown at the right of @label_width
 * @axis_height: the time axis at the top
 * @strip_height: the capacity strip at the bottom, 0 for none
 * @row_height: every row's
 * @origin: the day at time position 0
 * @day_width: how wide a day is
 * @scroll_x: the time position at the left edge of the time area
 * @scroll_y: the row position at the top of the rows area
 * @today: where the today line goes, or %COHORTS_DATE_NONE for none
 *
 * What part of the timeline is seen, and how big. Units are whatever the
 * cairo_t it is drawn to uses: pixels on screen, points on paper.
 */
typedef struct
{
  double width;
  double height;
  double label_width;
  guint columns;
  double axis_height;
  double strip_height;
  double row_height;
  CohortsDate origin;
  double day_width;
  double scroll_x;
  double scroll_y;
  CohortsDate today;
} CohortsTimelineView;

typedef enum
{
  COHORTS_TIMELINE_ROW_GROUP,
  COHORTS_TIMELINE_ROW_SCHOOL,
} CohortsTimelineRowKind;

typedef enum
{
  COHORTS_TIMELINE_CHURCH     = 1 << 0,  /* a church school */
  COHORTS_TIMELINE_VULNERABLE = 1 << 1,  /* a school that needs support */
  COHORTS_TIMELINE_OWN_DATE   = 1 << 2,  /* converts on a date of its own, not its cohort's */
  COHORTS_TIMELINE_CONVERTED  = 1 << 3,  /* its conversion is done */
  COHORTS_TIMELINE_OVERDUE    = 1 << 4,  /* a step before today is not done */
  COHORTS_TIMELINE_COLLAPSED  = 1 << 5,  /* a group whose schools are hidden */
} CohortsTimelineFlags;

/**
 * CohortsTimelineMarker:
 * @step: which step
 * @state: scheduled, planned or done
 * @overdue: dated before today and not done
 * @date: when it is done (a step that lasts: when it ends)
 * @x: where @date is
 * @start_x: a step that lasts: where it starts; otherwise @x
 * @consent: a church school's consent step (the diocesan board's, the site
 *   trustees'): its state on the school's church track; a refused consent's
 *   @date is when it was refused, if the track says
 * @requested: a consent requested and not yet decided: when it was asked,
 *   or %COHORTS_DATE_NONE
 * @requested_x: where @requested is, or NAN
 */
typedef struct
{
  CohortsStep step;
  CohortsMilestoneState state;
  gboolean overdue;
  CohortsDate date;
  double x;
  double start_x;
  CohortsConsent consent;
  CohortsDate requested;
  double requested_x;
} CohortsTimelineMarker;

/**
 * CohortsTimelineRow:
 * @kind: a group's own row or a school's
 * @index: its place among all rows
 * @group: its group
 * @y: its top
 * @cohort: (nullable): its cohort (a group of schools in none: %NULL)
 * @school: (nullable): a school row's school
 * @flags: #CohortsTimelineFlags
 * @n_members: a group row: how many schools
 * @rag: a school row: its readiness rating under the plan's framework
 * @readiness: a school row: its readiness score in percent (0 when not
 *   assessed)
 * @n_rag: a group row: how many of its schools have each #CohortsRag
 * @start: the first day of its bar, or %COHORTS_DATE_NONE for no bar
 * @conversion: the conversion date, or %COHORTS_DATE_NONE
 * @start_x: where @start is
 * @conversion_x: where @conversion is
 * @baseline_start: a school or cohort row with a baseline shown: where its
 *   steps would start for its baseline date (a cohort's: its schools' steps
 *   as long as now), or %COHORTS_DATE_NONE
 * @baseline_conversion: its conversion date in the baseline (a cohort's: its
 *   own, found by id), or %COHORTS_DATE_NONE (no baseline, not in it, or no
 *   date then)
 * @baseline_start_x: where @baseline_start is, or NAN
 * @baseline_x: where @baseline_conversion is, or NAN
 * @n_markers: how many of @markers there are
 * @markers: a school's steps with dates, the conversion excepted, in order
 *
 * Positions are not clipped: a bar may begin far to the left of the chart.
 * The pointers are the plan's, valid until it changes.
 */
typedef struct
{
  CohortsTimelineRowKind kind;
  guint index;
  guint group;
  double y;
  CohortsCohort *cohort;
  CohortsSchool *school;
  guint flags;
  guint n_members;
  CohortsRag rag;
  int readiness;
  guint n_rag[COHORTS_N_RAGS];
  CohortsDate start;
  CohortsDate conversion;
  double start_x;
  double conversion_x;
  CohortsDate baseline_start;
  CohortsDate baseline_conversion;
  double baseline_start_x;
  double baseline_x;
  guint n_markers;
  CohortsTimelineMarker markers[COHORTS_N_STEPS - 1];
} CohortsTimelineRow;

typedef enum
{
  COHORTS_TIMELINE_BAND_YEAR,   /* an academic year: @value is the year it began */
  COHORTS_TIMELINE_BAND_TERM,   /* @value is a #CohortsTerm */
  COHORTS_TIMELINE_BAND_MONTH,  /* @value is the month, 1–12 */
} CohortsTimelineBandKind;

/**
 * CohortsTimelineBand:
 * @start: its first day
 * @end: the day after its last
 * @x0: where it starts (not clipped)
 * @x1: where it ends
 */
typedef struct
{
  CohortsTimelineBandKind kind;
  int value;
  CohortsDate start;
  CohortsDate end;
  double x0;
  double x1;
} CohortsTimelineBand;

/**
 * CohortsTimelineStep:
 *
 * A stretch of time over which the trust's academies stay the same.
 * @x0: where the count starts to hold (clipped to the time area)
 * @x1: where it stops
 * @academies: how many academies
 * @vulnerable: how many of them need support
 * @strong: how many of them are strong enough to support others
 */
typedef struct
{
  double x0;
  double x1;
  guint academies;
  guint vulnerable;
  guint strong;
} CohortsTimelineStep;

typedef enum
{
  COHORTS_TIMELINE_MONTHS_HIDDEN,   /* too narrow for months */
  COHORTS_TIMELINE_MONTHS_TICKS,    /* ticks, no names */
  COHORTS_TIMELINE_MONTHS_INITIAL,  /* "S" */
  COHORTS_TIMELINE_MONTHS_SHORT,    /* "Sep" */
} CohortsTimelineMonths;

/**
 * CohortsTimelineLayout:
 * @view: what it was laid out for
 * @rows: (element-type CohortsTimelineRow): the rows in sight, top to bottom
 * @bands: (element-type CohortsTimelineBand): academic years, terms and
 *   months in sight, in that order
 * @months: how months are shown
 * @show_terms: whether terms are wide enough to show
 * @show_markers: whether days are wide enough to show each step
 * @today_x: where the today line goes, or NAN
 * @steps: (element-type CohortsTimelineStep): the capacity strip in sight
 * @max_academies: the top of the strip's scale: the most academies the plan
 *   ever has, or its growth target if higher
 * @target_min: the trust's target number of academies, or 0
 * @target_max: its upper end, or 0
 * @support_ratio: the strong academies the trust needs for each that needs
 *   support (its capacity limit), or 0 for no limit
 * @has_pinned: whether @pinned is set
 * @pinned: the row of the group whose schools are at the top, drawn over
 *   them there when its own place has scrolled out of sight
 * @n_rows: how many rows the timeline has in all
 * @content_width: how wide all of time is, from @view's origin
 * @content_height: how tall all rows are
 */
typedef struct
{
  CohortsTimelineView view;
  GArray *rows;
  GArray *bands;
  CohortsTimelineMonths months;
  gboolean show_terms;
  gboolean show_markers;
  double today_x;
  GArray *steps;
  guint max_academies;
  guint target_min;
  guint target_max;
  guint support_ratio;
  gboolean has_pinned;
  CohortsTimelineRow pinned;
  guint n_rows;
  double content_width;
  double content_height;
} CohortsTimelineLayout;

typedef enum
{
  COHORTS_TIMELINE_HIT_NONE,
  COHORTS_TIMELINE_HIT_AXIS,        /* the time axis */
  COHORTS_TIMELINE_HIT_STRIP,       /* the capacity strip */
  COHORTS_TIMELINE_HIT_EXPANDER,    /* a group's expander */
  COHORTS_TIMELINE_HIT_LABEL,       /* a row's name */
  COHORTS_TIMELINE_HIT_ROW,         /* a row, away from its bar */
  COHORTS_TIMELINE_HIT_BAR,         /* a row's bar */
  COHORTS_TIMELINE_HIT_MARKER,      /* one step of a school */
  COHORTS_TIMELINE_HIT_CONVERSION,  /* a conversion diamond: drag it to reschedule */
} CohortsTimelineHitKind;

/**
 * CohortsTimelineHit:
 * @kind: what is there
 * @row: (nullable): the row, if any
 * @marker: (nullable): a %COHORTS_TIMELINE_HIT_MARKER's step
 * @date: the day at that place of the time area, or %COHORTS_DATE_NONE
 */
typedef struct
{
  CohortsTimelineHitKind kind;
  const CohortsTimelineRow *row;
  const CohortsTimelineMarker *marker;
  CohortsDate date;
} CohortsTimelineHit;

double                 cohorts_timeline_view_x_for_date   (const CohortsTimelineView *view,
                                                           CohortsDate                date);
CohortsDate            cohorts_timeline_view_date_for_x   (const CohortsTimelineView *view,
                                                           double                     x);
double                 cohorts_timeline_view_time_width   (const CohortsTimelineView *view);
double                 cohorts_timeline_view_rows_height  (const CohortsTimelineView *view);

double                 cohorts_timeline_column_width      (CohortsTimelineColumns     column,
                                                           double                     row_height);
double                 cohorts_timeline_columns_width     (guint                      columns,
                                                           double                     row_height);

void                   cohorts_timeline_get_extent        (CohortsTimelineRows       *rows,
                                                           CohortsDate                today,
                                                           CohortsDate               *from,
                                                           CohortsDate               *to);
double                 cohorts_timeline_fit_day_width     (CohortsTimelineRows       *rows,
                                                           double                     time_width);

CohortsTimelineLayout *cohorts_timeline_layout_new        (CohortsTimelineRows       *rows,
                                                           const CohortsTimelineView *view);
void                   cohorts_timeline_layout_free       (CohortsTimelineLayout     *layout);
const CohortsTimelineRow *cohorts_timeline_layout_get_row (const CohortsTimelineLayout *layout,
                                                           guint                      index);
void                   cohorts_timeline_layout_hit        (const CohortsTimelineLayout *layout,
                                                           double                     x,
                                                           double                     y,
                                                           CohortsTimelineHit        *hit);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CohortsTimelineLayout, cohorts_timeline_layout_free)

G_END_DECLS
