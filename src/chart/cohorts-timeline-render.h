/* cohorts-timeline-render.h: draws a timeline layout to any cairo_t
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "cohorts-timeline-layout.h"

G_BEGIN_DECLS

typedef struct
{
  double red;
  double green;
  double blue;
  double alpha;
} CohortsRgba;

/**
 * CohortsTimelineStyle:
 * @font: (nullable): the text's font; %NULL for "Sans 9"
 *
 * Colours and font. The palette is Okabe and Ito's, which people with any
 * of the common colour blindnesses tell apart; shapes carry the meaning as
 * well, so that it survives a black-and-white printer.
 */
typedef struct
{
  gboolean dark;
  CohortsRgba background;
  CohortsRgba foreground;
  CohortsRgba label_background;
  CohortsRgba group_background;
  CohortsRgba grid;
  CohortsRgba year_band;
  CohortsRgba selection;
  CohortsRgba focus;
  CohortsRgba bar;
  CohortsRgba church;
  CohortsRgba support;
  CohortsRgba done;
  CohortsRgba today;
  CohortsRgba strip;
  CohortsRgba rag_green;
  CohortsRgba rag_amber;
  CohortsRgba rag_red;
  const PangoFontDescription *font;
} CohortsTimelineStyle;

/**
 * CohortsTimelineState:
 * @selected: (nullable): the selected school, drawn highlighted
 * @selected_cohort: (nullable): the selected cohort
 * @focus_row: the row with the keyboard focus, or %G_MAXUINT
 * @hover_row: the row under the pointer, or %G_MAXUINT
 * @drag_row: the row whose conversion is being dragged, or %G_MAXUINT
 * @drag_date: where it would go
 *
 * What the chart shows beyond the plan: on paper, nothing.
 */
typedef struct
{
  CohortsSchool *selected;
  CohortsCohort *selected_cohort;
  guint focus_row;
  guint hover_row;
  guint drag_row;
  CohortsDate drag_date;
} CohortsTimelineState;

void   cohorts_timeline_style_init     (CohortsTimelineStyle        *style,
                                        gboolean                     dark);
void   cohorts_timeline_state_init     (CohortsTimelineState        *state);

void   cohorts_timeline_render_readiness (cairo_t                    *cr,
                                          const CohortsTimelineStyle *style,
                                          CohortsRag                  rag,
                                          double                      x,
                                          double                      y,
                                          double                      size);

void   cohorts_timeline_render         (cairo_t                     *cr,
                                        const CohortsTimelineLayout *layout,
                                        const CohortsTimelineStyle  *style,
                                        const CohortsTimelineState  *state);
double cohorts_timeline_render_legend  (cairo_t                     *cr,
                                        const CohortsTimelineStyle  *style,
                                        double                       width);
double cohorts_timeline_render_legend_full (cairo_t                    *cr,
                                            const CohortsTimelineStyle *style,
                                            double                      width,
                                            gboolean                    baseline);
void   cohorts_capacity_render_strip   (cairo_t                     *cr,
                                        const CohortsTimelineLayout *layout,
                                        const CohortsTimelineStyle  *style);

G_END_DECLS
