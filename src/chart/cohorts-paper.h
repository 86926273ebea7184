/* cohorts-paper.h: the timeline on paper: its pages, and export to PDF, SVG and PNG
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "cohorts-timeline-render.h"

G_BEGIN_DECLS

/* ISO 216 sizes, in points (1/72 inch), portrait. */
#define COHORTS_PAPER_A4_WIDTH  595.276
#define COHORTS_PAPER_A4_HEIGHT 841.890
#define COHORTS_PAPER_A3_WIDTH  841.890
#define COHORTS_PAPER_A3_HEIGHT 1190.551

/* The margin around what is printed when Cohorts chooses it (export), in points. */
#define COHORTS_PAPER_MARGIN 28.35  /* 10 mm */

typedef enum
{
  COHORTS_PAPER_SIZE_A4,
  COHORTS_PAPER_SIZE_A3,
} CohortsPaperSize;

typedef enum
{
  COHORTS_PAPER_LANDSCAPE,
  COHORTS_PAPER_PORTRAIT,
} CohortsPaperOrientation;

typedef enum
{
  COHORTS_PAGES_FIT,   /* all of time across the page's width; rows go on down */
  COHORTS_PAGES_TILE,  /* a readable scale; time goes on across pages too */
} CohortsPagesMode;

typedef enum
{
  COHORTS_EXPORT_PDF,
  COHORTS_EXPORT_SVG,
  COHORTS_EXPORT_PNG,
} CohortsExportFormat;

/* More pages than this are refused: a mistake (all of 1900–2200 tiled), not
 * something to print or wait an hour for. */
#define COHORTS_PAPER_MAX_PAGES 5000

/* PNG pages are drawn at this resolution. */
#define COHORTS_PAPER_PNG_DPI 150.0

/**
 * CohortsPaperOptions:
 * @width: the printable area's width, in points
 * @height: its height
 * @mode: fit to the page's width, or tile across pages
 * @from: the first day shown, or %COHORTS_DATE_NONE for the plan's start
 * @to: the last day shown, or %COHORTS_DATE_NONE for the plan's end
 * @columns: #CohortsTimelineColumns shown beside the names
 * @today: where the today line goes, or %COHORTS_DATE_NONE for none
 * @title: (nullable): the heading of every page; %NULL: the plan's title
 * @edition: (nullable): which version of the plan this is ("Saved 3 May
 *   2027"), at the top of every page
 * @first_page: the number of the first page (1 unless the pages are part of
 *   a longer document)
 * @total_pages: the "of M" of "page N of M", or 0 for as many as there are
 *
 * What to print and on what.
 */
typedef struct
{
  double width;
  double height;
  CohortsPagesMode mode;
  CohortsDate from;
  CohortsDate to;
  guint columns;
  CohortsDate today;
  const char *title;
  const char *edition;
  guint first_page;
  guint total_pages;
} CohortsPaperOptions;

/**
 * CohortsPaperPage:
 * @row_part: which band of rows, from 0
 * @time_part: which span of time, from 0
 * @first_row: its first row
 * @n_rows: how many rows it shows
 * @from: the first day of its span of time
 * @to: the day after its last
 * @chart_x: where the chart's top left corner is on the page
 * @chart_y:
 * @view: the chart
 * @legend_y: where the legend starts
 *
 * One page: a band of rows by a span of time, always with the names, the
 * axis, the cohort of its first row, the capacity strip and the legend.
 */
typedef struct
{
  guint row_part;
  guint time_part;
  guint first_row;
  guint n_rows;
  CohortsDate from;
  CohortsDate to;
  double chart_x;
  double chart_y;
  CohortsTimelineView view;
  double legend_y;
} CohortsPaperPage;

typedef struct _CohortsPaper CohortsPaper;

typedef void (*CohortsProgressFunc) (guint    done,
                                     guint    total,
                                     gpointer user_data);

void                    cohorts_paper_options_init       (CohortsPaperOptions     *options,
                                                          CohortsPaperSize         size,
                                                          CohortsPaperOrientation  orientation);
void                    cohorts_paper_get_size           (CohortsPaperSize         size,
                                                          CohortsPaperOrientation  orientation,
                                                          double                  *width,
                                                          double                  *height);

CohortsPaper           *cohorts_paper_new                (CohortsTimelineRows       *rows,
                                                          const CohortsPaperOptions *options);
void                    cohorts_paper_free               (CohortsPaper            *paper);
guint                   cohorts_paper_get_n_pages        (CohortsPaper            *paper);
guint                   cohorts_paper_get_n_row_parts    (CohortsPaper            *paper);
guint                   cohorts_paper_get_n_time_parts   (CohortsPaper            *paper);
const CohortsPaperPage *cohorts_paper_get_page           (CohortsPaper            *paper,
                                                          guint                    page);
void                    cohorts_paper_render_page        (CohortsPaper            *paper,
                                                          cairo_t                 *cr,
                                                          guint                    page);

/* A file written the safe way: cairo writes through cohorts_export_sink_write()
 * to a temporary file beside it, which replaces the file only when finished
 * with @keep; otherwise (an error, cancelled) the old file stays as it was. */
typedef struct _CohortsExportSink CohortsExportSink;

CohortsExportSink      *cohorts_export_sink_new          (const char              *path,
                                                          GCancellable            *cancellable,
                                                          GError                 **error);
cairo_status_t          cohorts_export_sink_write        (void                    *sink,
                                                          const unsigned char     *data,
                                                          unsigned int             length);
gboolean                cohorts_export_sink_finish       (CohortsExportSink       *sink,
                                                          gboolean                 keep,
                                                          GError                 **error);

gboolean                cohorts_export_format_for_path   (const char              *path,
                                                          CohortsExportFormat     *format);
char                   *cohorts_export_page_path         (const char              *path,
                                                          guint                    page,
                                                          guint                    n_pages);
gboolean                cohorts_paper_export             (CohortsPaper            *paper,
                                                          const char              *path,
                                                          CohortsExportFormat      format,
                                                          double                   page_width,
                                                          double                   page_height,
                                                          GCancellable            *cancellable,
                                                          CohortsProgressFunc      progress,
                                                          gpointer                 user_data,
                                                          GError                 **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CohortsPaper, cohorts_paper_free)

G_END_DECLS
