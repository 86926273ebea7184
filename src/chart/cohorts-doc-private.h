/* cohorts-doc-private.h: a small flowing-document writer for PDF reports
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the board pack and the diocesan summary share: a cursor that moves
 * down the page, blocks that start a new page when they do not fit, text
 * laid out by pango and tables whose header row comes back on every page
 * they continue on. Internal to the chart library.
 */
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include "cohorts-paper.h"
#include "cohorts-timeline-rows.h"

G_BEGIN_DECLS

#define MM (72.0 / 25.4)
#define MARGIN (15.0 * MM)
#define FOOTER_HEIGHT 26.0
#define CELL_PADDING 3.0
#define SPACE 8.0

typedef enum
{
  FONT_BODY,
  FONT_BOLD,
  FONT_ITALIC,
  FONT_SMALL,
  FONT_SMALL_BOLD,
  FONT_CELL,
  FONT_CELL_BOLD,
  FONT_HEADING,
  FONT_SECTION,
  FONT_TITLE,
  FONT_SUBTITLE,
  N_FONTS
} Font;

static const CohortsRgba ink = { 0.141, 0.141, 0.141, 1.0 };
static const CohortsRgba quiet_ink = { 0.141, 0.141, 0.141, 0.70 };
static const CohortsRgba rule = { 0.0, 0.0, 0.0, 0.18 };
static const CohortsRgba header_fill = { 0.0, 0.0, 0.0, 0.07 };

typedef struct
{
  /* What the document is about; the rows, findings and paper as the
   * document needs them */
  CohortsPlan *plan;
  CohortsTimelineRows *rows;
  CohortsTimelineRows *timeline_rows;
  GPtrArray *findings;
  CohortsPaper *paper;
  CohortsDate today;
  const char *title;
  const char *edition;

  /* Where it goes: @surface is NULL while only counting pages; pages are
   * of @paper_size (A4 unless set) */
  CohortsPaperSize paper_size;
  /* @surface is NULL while only counting pages */
  cairo_surface_t *surface;
  cairo_t *cr;
  PangoLayout *layout;
  PangoFontDescription *fonts[N_FONTS];
  double line_height[N_FONTS];

  /* The page being written */
  guint page;
  guint n_pages;
  guint timeline_page;
  gboolean page_open;
  gboolean footer;
  double page_width;
  double page_height;
  double top;
  double y;
  double bottom;
  const char *running_head;

  GCancellable *cancellable;
  CohortsProgressFunc progress;
  gpointer user_data;
  gboolean cancelled;
} Doc;

/**
 * Column:
 * @title: its heading
 * @share: its part of the page's width
 * @wrap: whether its cells may take several lines (else one, cut short)
 * @numeric: right-aligned
 */
typedef struct
{
  const char *title;
  double share;
  gboolean wrap;
  gboolean numeric;
} Column;

typedef struct
{
  const Column *columns;
  guint n_columns;
} Table;

typedef enum
{
  ROW_BODY,
  ROW_HEADER,
  ROW_TOTAL,
} RowKind;

static inline gboolean
doc_drawing (Doc *doc)
{
  return doc->surface != NULL;
}

static inline double
doc_width (Doc *doc)
{
  return doc->page_width - 2 * MARGIN;
}

static inline void
set_colour (cairo_t           *cr,
            const CohortsRgba *colour)
{
  cairo_set_source_rgba (cr, colour->red, colour->green, colour->blue, colour->alpha);
}

/* A layout in points: a font of 10 points is 10 units high, as on paper. */
G_GNUC_INTERNAL
PangoLayout *doc_create_layout      (cairo_t           *cr);
G_GNUC_INTERNAL
void         doc_init               (Doc               *doc,
                                     cairo_surface_t   *surface,
                                     gboolean           drawing);
G_GNUC_INTERNAL
void         doc_clear              (Doc               *doc);
G_GNUC_INTERNAL
void         doc_sort_findings      (GPtrArray         *findings);
G_GNUC_INTERNAL
void         doc_set_cancelled      (GError           **error);
G_GNUC_INTERNAL
cairo_surface_t *doc_pdf_surface_new (CohortsExportSink *sink,
                                      double             width,
                                      double             height,
                                      CohortsPlan       *plan,
                                      const char        *title,
                                      const char        *subject);
G_GNUC_INTERNAL
gboolean     doc_finish_pdf         (cairo_surface_t   *surface,
                                     CohortsExportSink *sink,
                                     gboolean           cancelled,
                                     const char        *failure,
                                     GError           **error);
G_GNUC_INTERNAL
double       doc_text               (Doc               *doc,
                                     Font               font,
                                     const char        *text,
                                     double             x,
                                     double             y,
                                     double             width,
                                     gboolean           wrap,
                                     PangoAlignment     alignment);
G_GNUC_INTERNAL
void         doc_end_page           (Doc               *doc);
G_GNUC_INTERNAL
gboolean     doc_begin_page         (Doc               *doc,
                                     gboolean           landscape,
                                     gboolean           footer);
G_GNUC_INTERNAL
void         doc_outline            (Doc               *doc,
                                     const char        *name);
G_GNUC_INTERNAL
double       doc_measure            (Doc               *doc,
                                     Font               font,
                                     const char        *text,
                                     double             width);
G_GNUC_INTERNAL
gboolean     doc_ensure             (Doc               *doc,
                                     double             height);
G_GNUC_INTERNAL
void         doc_paragraph          (Doc               *doc,
                                     Font               font,
                                     const char        *text,
                                     double             indent,
                                     double             space_after);
G_GNUC_INTERNAL
void         doc_measured_paragraph (Doc               *doc,
                                     Font               font,
                                     const char        *text,
                                     double             indent,
                                     double             height,
                                     double             space_after);
G_GNUC_INTERNAL
void         doc_heading            (Doc               *doc,
                                     Font               font,
                                     const char        *text,
                                     double             keep);
G_GNUC_INTERNAL
gboolean     doc_section            (Doc               *doc,
                                     const char        *title);
G_GNUC_INTERNAL
void         table_translate        (Column            *translated,
                                     const Column      *columns,
                                     guint              n_columns);
G_GNUC_INTERNAL
double       table_row_height       (Doc               *doc,
                                     const Table       *table,
                                     const char *const *cells,
                                     RowKind            kind);
G_GNUC_INTERNAL
void         table_draw_row         (Doc               *doc,
                                     const Table       *table,
                                     const char *const *cells,
                                     RowKind            kind,
                                     double             height);
G_GNUC_INTERNAL
void         table_header           (Doc               *doc,
                                     const Table       *table);
G_GNUC_INTERNAL
void         table_row              (Doc               *doc,
                                     const Table       *table,
                                     const char *const *cells,
                                     RowKind            kind);

G_END_DECLS
