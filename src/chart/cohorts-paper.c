/* cohorts-paper.c: the timeline on paper: its pages, and export to PDF, SVG and PNG
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A wide chart squeezed onto one sheet, or pages after the first without
 * the names and the dates, is what boards get from generic planners. Here
 * every page is a window onto the same chart the screen shows, drawn by
 * the same renderer: a band of rows by a span of time, with the names and
 * the axis at its edges, the cohort of its first row repeated at its top
 * (the chart's pinned row), the capacity strip, the legend, and a heading
 * with the plan's title, its edition and "Page N of M".
 *
 * Pages are laid out once, as numbers; drawing a page costs what the page
 * shows, whatever the size of the plan.
 */
#define G_LOG_DOMAIN "cohorts-paper"

#include "config.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <unistd.h>
#include <cairo-svg.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>
#include <pango/pangocairo.h>

#include "cohorts-calendar.h"
#include "cohorts-paper.h"
#include "cohorts-trust.h"

/* Sizes on paper, in points. Rows and text are those of a printed table,
 * as on screen: pango reads sizes at 96 dots an inch, so "Sans 7" is 9.3 pt
 * type on paper; on 13 pt rows it reads well at arm's length, and A4
 * landscape holds 27 rows, A3 landscape 46, A4 portrait 43. */
#define ROW_HEIGHT     13.0
#define FONT           "Sans 7"
#define AXIS_HEIGHT    33.0
#define STRIP_HEIGHT   54.0
#define NAME_WIDTH    200.0
#define HEADER_HEIGHT  28.0
#define HEADER_LINE    12.0
#define TITLE_FONT     "Sans Bold 11"
#define SMALL_FONT     "Sans 7.5"
#define GAP             6.0
/* Tiled pages: a year is 438 pt, months show their names. */
#define TILE_DAY_WIDTH  1.2
#define MIN_ROWS        3

struct _CohortsPaper
{
  CohortsTimelineRows *rows;
  CohortsPaperOptions options;
  char *title;
  char *trust;
  char *edition;
  char *about;      /* the trust, the edition, when printed */
  double header_height;
  gboolean stacked; /* which part of the chart a page is, on a line of its own */
  PangoFontDescription *font;
  CohortsTimelineStyle style;
  double legend_height;
  guint n_row_parts;
  guint n_time_parts;
  GArray *pages;  /* CohortsPaperPage */
};

typedef struct
{
  guint first_row;
  guint n_rows;
  gboolean pinned;  /* a slot above the rows for their cohort's row */
} Band;

typedef struct
{
  CohortsDate from;
  CohortsDate to;
} Span;

/**
 * cohorts_paper_get_size:
 * @width: (out): in points
 * @height: (out): in points
 */
void
cohorts_paper_get_size (CohortsPaperSize         size,
                        CohortsPaperOrientation  orientation,
                        double                  *width,
                        double                  *height)
{
  double short_side = size == COHORTS_PAPER_SIZE_A3 ? COHORTS_PAPER_A3_WIDTH : COHORTS_PAPER_A4_WIDTH;
  double long_side = size == COHORTS_PAPER_SIZE_A3 ? COHORTS_PAPER_A3_HEIGHT : COHORTS_PAPER_A4_HEIGHT;

  *width = orientation == COHORTS_PAPER_LANDSCAPE ? long_side : short_side;
  *height = orientation == COHORTS_PAPER_LANDSCAPE ? short_side : long_side;
}

/**
 * cohorts_paper_options_init:
 *
 * Sets @options for the printable area of a sheet of @size with Cohorts'
 * own margins: the whole plan, fitted to the page's width, no columns, no
 * today line.
 */
void
cohorts_paper_options_init (CohortsPaperOptions     *options,
                            CohortsPaperSize         size,
                            CohortsPaperOrientation  orientation)
{
  double width, height;

  cohorts_paper_get_size (size, orientation, &width, &height);
  *options = (CohortsPaperOptions) {
    .width = width - 2 * COHORTS_PAPER_MARGIN,
    .height = height - 2 * COHORTS_PAPER_MARGIN,
    .mode = COHORTS_PAGES_FIT,
    .from = COHORTS_DATE_NONE,
    .to = COHORTS_DATE_NONE,
    .columns = 0,
    .today = COHORTS_DATE_NONE,
    .first_page = 1,
    .total_pages = 0,
  };
}

static gboolean
is_group_row (CohortsTimelineRows *rows,
              guint                row)
{
  guint group = cohorts_timeline_rows_group_of_row (rows, row);

  return cohorts_timeline_rows_get_group (rows, group)->first_row == row;
}

/* Rows in bands of at most @slots: a band that starts inside a cohort gives
 * its first slot to the cohort's row (the chart pins it there), and a
 * cohort's row is not left alone at the foot of a band. */
static GArray *
split_rows (CohortsTimelineRows *rows,
            guint                slots)
{
  GArray *bands = g_array_new (FALSE, FALSE, sizeof (Band));
  guint n_rows = cohorts_timeline_rows_get_n_rows (rows);
  guint first = 0;

  slots = MAX (slots, 2);
  if (n_rows == 0)
    g_array_append_val (bands, ((Band) { 0, 0, FALSE }));

  while (first < n_rows)
    {
      Band band = { first, 0, first > 0 && !is_group_row (rows, first) };

      band.n_rows = MIN (slots - (band.pinned ? 1 : 0), n_rows - first);
      if (first + band.n_rows < n_rows && band.n_rows > 1 && is_group_row (rows, first + band.n_rows - 1))
        band.n_rows--;
      g_array_append_val (bands, band);
      first += band.n_rows;
    }
  return bands;
}

/* The widest @months months from @start on, to @to, in points. */
static gboolean
months_fit (CohortsDate from,
            CohortsDate to,
            guint       months,
            double      day_width,
            double      time_width)
{
  for (CohortsDate start = from; start < to; start = cohorts_date_add_months (start, months))
    if ((MIN (cohorts_date_add_months (start, months), to) - start) * day_width > time_width)
      return FALSE;
  return TRUE;
}

/* Time in spans of whole months no wider than @time_width at @day_width,
 * as few as can be and as even as can be: no page left with a sliver of
 * time. */
static GArray *
split_time (CohortsDate from,
            CohortsDate to,
            double      day_width,
            double      time_width)
{
  GArray *spans = g_array_new (FALSE, FALSE, sizeof (Span));
  guint months = 0, n, per_span;

  for (CohortsDate d = from; d < to; d = cohorts_date_add_months (d, 1))
    months++;
  n = (guint) MAX (ceil ((to - from) * day_width / time_width), 1);
  per_span = (months + n - 1) / n;
  while (per_span > 1 && !months_fit (from, to, per_span, day_width, time_width))
    per_span--;

  for (CohortsDate start = from; start < to;)
    {
      CohortsDate end = MIN (cohorts_date_add_months (start, per_span), to);

      g_array_append_val (spans, ((Span) { start, end }));
      start = end;
    }
  return spans;
}

/* The plan's dates, in whole academic years, with today if it is near. */
static void
default_range (CohortsTimelineRows *rows,
               CohortsDate          today,
               CohortsDate         *from,
               CohortsDate         *to)
{
  CohortsDate start, end;

  cohorts_timeline_rows_get_range (rows, &start, &end);
  if (start == COHORTS_DATE_NONE)
    {
      CohortsDate plan_start = cohorts_plan_get_start_date (cohorts_timeline_rows_get_plan (rows));

      start = end = plan_start != COHORTS_DATE_NONE ? plan_start
                  : today != COHORTS_DATE_NONE ? today : cohorts_date_today ();
    }
  if (today != COHORTS_DATE_NONE && today < start && start - today < 366)
    start = today;
  if (today != COHORTS_DATE_NONE && today > end && today - end < 366)
    end = today;

  *from = cohorts_calendar_academic_year_start (cohorts_calendar_academic_year (start));
  *to = cohorts_calendar_academic_year_start (cohorts_calendar_academic_year (end) + 1);
}

static double
measure_legend (const CohortsTimelineStyle *style,
                double                      width,
                gboolean                    baseline)
{
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (surface);
  double height = cohorts_timeline_render_legend_full (cr, style, width, baseline);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return height;
}

static char *
format_span (CohortsDate from,
             CohortsDate to)
{
  g_autofree char *first = cohorts_date_format_month (from);
  g_autofree char *last = cohorts_date_format_month (to - 1);

  /* Translators: the months a page shows, "September 2027 – August 2029" */
  return g_strdup_printf (_("%s – %s"), first, last);
}

/* Which part of the chart @page is, when there are several. */
static char *
part_text (guint       first_row,
           guint       n_rows,
           guint       all_rows,
           CohortsDate from,
           CohortsDate to)
{
  g_autofree char *span = format_span (from, to);

  if (n_rows == 1)
    /* Translators: which part of the chart a page shows, "Row 120 of 120, September 2027 – August 2029" */
    return g_strdup_printf (_("Row %u of %u, %s"), first_row + 1, all_rows, span);
  /* Translators: which part of the chart a page shows, "Rows 46–90 of 120, September 2027 – August 2029" */
  return g_strdup_printf (_("Rows %u–%u of %u, %s"), first_row + 1, first_row + n_rows, all_rows, span);
}

static double
measure_text (const char *font_name,
              const char *text)
{
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (surface);
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string (font_name);
  int width;

  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_size (layout, &width, NULL);
  pango_font_description_free (font);
  g_object_unref (layout);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return (double) width / PANGO_SCALE;
}

/* The line under the title: the trust, the edition, the day printed. */
static char *
about_text (const char *trust,
            const char *edition,
            CohortsDate printed)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *date = cohorts_date_format (printed);

  if (trust != NULL && *trust != '\0')
    g_ptr_array_add (parts, g_strdup (trust));
  if (edition != NULL && *edition != '\0')
    g_ptr_array_add (parts, g_strdup (edition));
  /* Translators: when a plan was printed, "Printed 23 November 2026" */
  g_ptr_array_add (parts, g_strdup_printf (_("Printed %s"), date));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

/**
 * cohorts_paper_new:
 * @rows: the timeline's rows (with any cohorts left out and collapsed as
 *   they should print)
 *
 * Lays the timeline out on pages of @options' size.
 *
 * Returns: (transfer full): the pages
 */
CohortsPaper *
cohorts_paper_new (CohortsTimelineRows       *rows,
                   const CohortsPaperOptions *options)
{
  CohortsPaper *self;
  CohortsPlan *plan;
  g_autoptr(GArray) bands = NULL;
  g_autoptr(GArray) spans = NULL;
  CohortsDate from, to;
  double label_width, time_width, chart_height, day_width;
  guint slots;

  g_return_val_if_fail (COHORTS_IS_TIMELINE_ROWS (rows), NULL);
  g_return_val_if_fail (options != NULL && options->width > 0 && options->height > 0, NULL);

  plan = cohorts_timeline_rows_get_plan (rows);
  self = g_new0 (CohortsPaper, 1);
  self->rows = g_object_ref (rows);
  self->options = *options;
  self->options.first_page = MAX (options->first_page, 1);
  self->title = g_strdup (options->title != NULL ? options->title : cohorts_plan_get_title (plan));
  self->trust = g_strdup (cohorts_trust_get_name (cohorts_plan_get_trust (plan)));
  self->edition = g_strdup (options->edition);
  self->options.title = self->title;
  self->options.edition = self->edition;
  self->about = about_text (self->trust, self->edition,
                            options->today != COHORTS_DATE_NONE ? options->today : cohorts_date_today ());
  self->font = pango_font_description_from_string (FONT);
  cohorts_timeline_style_init (&self->style, FALSE);
  self->style.font = self->font;
  self->legend_height = measure_legend (&self->style, options->width,
                                        cohorts_timeline_rows_get_baseline (rows) != NULL);
  self->pages = g_array_new (FALSE, FALSE, sizeof (CohortsPaperPage));

  default_range (rows, options->today, &from, &to);
  if (options->from != COHORTS_DATE_NONE)
    from = options->from;
  if (options->to != COHORTS_DATE_NONE)
    to = options->to + 1;
  if (to <= from)
    to = cohorts_date_add_months (from, 1);

  label_width = NAME_WIDTH + cohorts_timeline_columns_width (options->columns, ROW_HEIGHT);
  label_width = MIN (label_width, options->width * 0.6);
  time_width = MAX (options->width - label_width, 1);
  /* The widest a page's part can be written: beside the line about the
   * plan if it fits there, otherwise on a line of its own. */
  {
    guint most = MAX (cohorts_timeline_rows_get_n_rows (rows), 10000);
    g_autofree char *widest = part_text (most - 2, 2, most, cohorts_date_new (2027, 9, 1), cohorts_date_new (2027, 9, 1));

    self->stacked = measure_text (SMALL_FONT, self->about) + measure_text (SMALL_FONT, widest) + 2 * GAP > options->width;
    self->header_height = HEADER_HEIGHT + (self->stacked ? HEADER_LINE : 0);
  }
  chart_height = options->height - self->header_height - GAP - self->legend_height - GAP;
  slots = (guint) MAX (floor ((chart_height - AXIS_HEIGHT - STRIP_HEIGHT) / ROW_HEIGHT), MIN_ROWS);

  if (options->mode == COHORTS_PAGES_TILE)
    day_width = TILE_DAY_WIDTH;
  else
    day_width = time_width / (double) (to - from);

  bands = split_rows (rows, slots);
  spans = options->mode == COHORTS_PAGES_TILE ? split_time (from, to, day_width, time_width)
                                              : g_array_new (FALSE, FALSE, sizeof (Span));
  if (spans->len == 0)
    g_array_append_val (spans, ((Span) { from, to }));
  self->n_row_parts = bands->len;
  self->n_time_parts = spans->len;

  /* Across, then down: a band's spans of time follow each other. */
  for (guint b = 0; b < bands->len; b++)
    for (guint t = 0; t < spans->len; t++)
      {
        const Band *band = &g_array_index (bands, Band, b);
        const Span *span = &g_array_index (spans, Span, t);
        guint shown = band->n_rows + (band->pinned ? 1 : 0);
        CohortsPaperPage page = {
          .row_part = b,
          .time_part = t,
          .first_row = band->first_row,
          .n_rows = band->n_rows,
          .from = span->from,
          .to = span->to,
          .chart_x = 0,
          .chart_y = self->header_height + GAP,
          .view = {
            .width = label_width + (span->to - span->from) * day_width,
            .height = AXIS_HEIGHT + shown * ROW_HEIGHT + STRIP_HEIGHT,
            .label_width = label_width,
            .columns = options->columns,
            .axis_height = AXIS_HEIGHT,
            .strip_height = STRIP_HEIGHT,
            .row_height = ROW_HEIGHT,
            .origin = span->from,
            .day_width = day_width,
            .scroll_x = 0,
            .scroll_y = (band->first_row - (band->pinned ? 1 : 0)) * ROW_HEIGHT,
            .today = options->today,
          },
          .legend_y = options->height - self->legend_height,
        };

        page.view.width = MIN (page.view.width, options->width);
        g_array_append_val (self->pages, page);
      }

  return self;
}

void
cohorts_paper_free (CohortsPaper *self)
{
  if (self == NULL)
    return;
  g_object_unref (self->rows);
  g_free (self->title);
  g_free (self->trust);
  g_free (self->edition);
  g_free (self->about);
  pango_font_description_free (self->font);
  g_array_unref (self->pages);
  g_free (self);
}

guint
cohorts_paper_get_n_pages (CohortsPaper *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->pages->len;
}

guint
cohorts_paper_get_n_row_parts (CohortsPaper *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_row_parts;
}

guint
cohorts_paper_get_n_time_parts (CohortsPaper *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_time_parts;
}

const CohortsPaperPage *
cohorts_paper_get_page (CohortsPaper *self,
                        guint         page)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (page < self->pages->len, NULL);
  return &g_array_index (self->pages, CohortsPaperPage, page);
}

static void
show_text (cairo_t                    *cr,
           PangoLayout                *layout,
           const PangoFontDescription *font,
           const char                 *text,
           double                      x,
           double                      y,
           double                      width,
           PangoAlignment              alignment)
{
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_alignment (layout, alignment);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

/* The heading: the title and "Page N of M" on one line; the trust, the
 * edition, the day it was printed and which part of the chart this is
 * under it. */
static void
draw_heading (CohortsPaper           *self,
              cairo_t                *cr,
              const CohortsPaperPage *page,
              guint                   number)
{
  const CohortsPaperOptions *options = &self->options;
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) title_font = pango_font_description_from_string (TITLE_FONT);
  g_autoptr(PangoFontDescription) small_font = pango_font_description_from_string (SMALL_FONT);
  g_autofree char *page_text = NULL;
  guint total = options->total_pages > 0 ? options->total_pages : options->first_page - 1 + self->pages->len;

  page_text = g_strdup_printf (_("Page %u of %u"), options->first_page + number, total);
  cairo_set_source_rgb (cr, self->style.foreground.red, self->style.foreground.green, self->style.foreground.blue);
  show_text (cr, layout, small_font, page_text, options->width * 0.7, 2, options->width * 0.3, PANGO_ALIGN_RIGHT);
  show_text (cr, layout, title_font, self->title, 0, 0, options->width * 0.7, PANGO_ALIGN_LEFT);
  show_text (cr, layout, small_font, self->about, 0, 17, options->width, PANGO_ALIGN_LEFT);

  if (self->n_row_parts > 1 || self->n_time_parts > 1)
    {
      g_autofree char *part = part_text (page->first_row, page->n_rows, cohorts_timeline_rows_get_n_rows (self->rows),
                                         page->from, page->to);

      if (self->stacked)
        show_text (cr, layout, small_font, part, 0, 17 + HEADER_LINE, options->width, PANGO_ALIGN_LEFT);
      else
        show_text (cr, layout, small_font, part, options->width * 0.4, 17, options->width * 0.6, PANGO_ALIGN_RIGHT);
    }

  cairo_set_source_rgba (cr, self->style.grid.red, self->style.grid.green, self->style.grid.blue, self->style.grid.alpha);
  cairo_set_line_width (cr, 0.75);
  cairo_move_to (cr, 0, self->header_height);
  cairo_line_to (cr, options->width, self->header_height);
  cairo_stroke (cr);
  g_object_unref (layout);
}

/**
 * cohorts_paper_render_page:
 * @cr: where to draw, its origin at the printable area's top left corner,
 *   in points
 *
 * Draws page @page: heading, chart and legend.
 */
void
cohorts_paper_render_page (CohortsPaper *self,
                           cairo_t      *cr,
                           guint         page)
{
  const CohortsPaperPage *p;
  g_autoptr(CohortsTimelineLayout) layout = NULL;

  g_return_if_fail (self != NULL && cr != NULL);
  g_return_if_fail (page < self->pages->len);

  p = &g_array_index (self->pages, CohortsPaperPage, page);
  layout = cohorts_timeline_layout_new (self->rows, &p->view);

  cairo_save (cr);
  draw_heading (self, cr, p, page);

  cairo_save (cr);
  cairo_translate (cr, p->chart_x, p->chart_y);
  cairo_rectangle (cr, 0, 0, p->view.width, p->view.height);
  cairo_clip (cr);
  cohorts_timeline_render (cr, layout, &self->style, NULL);
  cairo_reset_clip (cr);
  cairo_set_source_rgba (cr, self->style.grid.red, self->style.grid.green, self->style.grid.blue, self->style.grid.alpha);
  cairo_set_line_width (cr, 0.75);
  cairo_rectangle (cr, 0, 0, p->view.width, p->view.height);
  cairo_stroke (cr);
  cairo_restore (cr);

  cairo_translate (cr, 0, p->legend_y);
  cohorts_timeline_render_legend_full (cr, &self->style, self->options.width,
                                       cohorts_timeline_rows_get_baseline (self->rows) != NULL);
  cairo_restore (cr);
}

/* Writing files ------------------------------------------------------------- */

struct _CohortsExportSink
{
  char *path;
  char *tmp_path;
  int fd;
  GCancellable *cancellable;
  GError *error;
};

static void
set_errno_error (GError     **error,
                 int          saved_errno,
                 const char  *path)
{
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               /* Translators: the first %s is a file, the second why */
               _("Could not write “%s”: %s"), path, g_strerror (saved_errno));
}

/**
 * cohorts_export_sink_new:
 *
 * Returns: (transfer full): a sink writing to a temporary file beside
 *   @path, or %NULL with @error set when the file cannot be written
 */
CohortsExportSink *
cohorts_export_sink_new (const char    *path,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *name = g_strdup_printf (".%s-XXXXXX", base);
  CohortsExportSink *sink;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  sink = g_new0 (CohortsExportSink, 1);
  sink->path = g_strdup (path);
  sink->tmp_path = g_build_filename (dir, name, NULL);
  /* Beside the file, so that putting it in place is one rename: a reader
   * sees the old file or the new, never half of one. */
  sink->fd = g_mkstemp_full (sink->tmp_path, O_WRONLY | O_CLOEXEC, 0666);
  if (sink->fd < 0)
    {
      set_errno_error (error, errno, path);
      g_free (sink->path);
      g_free (sink->tmp_path);
      g_free (sink);
      return NULL;
    }
  sink->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  return sink;
}

/**
 * cohorts_export_sink_write: (skip)
 *
 * A #cairo_write_func_t: give it to cairo with the sink as its closure.
 */
cairo_status_t
cohorts_export_sink_write (void                *closure,
                           const unsigned char *data,
                           unsigned int         length)
{
  CohortsExportSink *sink = closure;

  while (length > 0 && sink->error == NULL)
    {
      gssize written = write (sink->fd, data, length);

      if (written < 0 && errno == EINTR)
        continue;
      if (written <= 0)
        {
          set_errno_error (&sink->error, written < 0 ? errno : ENOSPC, sink->path);
          break;
        }
      data += written;
      length -= (unsigned int) written;
    }
  return sink->error == NULL ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

/**
 * cohorts_export_sink_finish:
 * @keep: whether what was written is whole and should replace the file
 *
 * Closes and frees @sink. With @keep, and if every write went well, the
 * file is replaced; otherwise the temporary file is removed and any old
 * file stays as it was.
 *
 * Returns: whether the file was written; %FALSE with @error set from the
 *   first failed write, the close or the cancellable (nothing set when
 *   @keep was %FALSE)
 */
gboolean
cohorts_export_sink_finish (CohortsExportSink  *sink,
                            gboolean            keep,
                            GError            **error)
{
  gboolean ok = FALSE;

  g_return_val_if_fail (sink != NULL, FALSE);

  if (keep && sink->error == NULL)
    g_cancellable_set_error_if_cancelled (sink->cancellable, &sink->error);
  if (keep && sink->error == NULL && fsync (sink->fd) != 0)
    set_errno_error (&sink->error, errno, sink->path);
  if (close (sink->fd) != 0 && keep && sink->error == NULL)
    set_errno_error (&sink->error, errno, sink->path);
  if (keep && sink->error == NULL && g_rename (sink->tmp_path, sink->path) != 0)
    set_errno_error (&sink->error, errno, sink->path);
  ok = keep && sink->error == NULL;

  if (!ok)
    g_unlink (sink->tmp_path);
  if (keep && sink->error != NULL)
    g_propagate_error (error, g_steal_pointer (&sink->error));

  g_clear_error (&sink->error);
  g_clear_object (&sink->cancellable);
  g_free (sink->path);
  g_free (sink->tmp_path);
  g_free (sink);
  return ok;
}

/**
 * cohorts_export_format_for_path:
 *
 * Returns: whether @path ends in .pdf, .svg or .png (in any case), and
 *   which
 */
gboolean
cohorts_export_format_for_path (const char          *path,
                                CohortsExportFormat *format)
{
  static const struct { const char *suffix; CohortsExportFormat format; } formats[] = {
    { ".pdf", COHORTS_EXPORT_PDF },
    { ".svg", COHORTS_EXPORT_SVG },
    { ".png", COHORTS_EXPORT_PNG },
  };
  g_autofree char *lower = g_ascii_strdown (path, -1);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_str_has_suffix (lower, formats[i].suffix))
      {
        *format = formats[i].format;
        return TRUE;
      }
  return FALSE;
}

/**
 * cohorts_export_page_path:
 * @page: from 0
 *
 * Returns: where page @page of @n_pages goes when each page is a file of
 *   its own (SVG, PNG): @path itself for a single page, otherwise its name
 *   with the page's number before the extension, "timeline-02.png"
 */
char *
cohorts_export_page_path (const char *path,
                          guint       page,
                          guint       n_pages)
{
  const char *dot = strrchr (path, '.');
  const char *slash = strrchr (path, G_DIR_SEPARATOR);
  int digits = n_pages >= 1000 ? 4 : n_pages >= 100 ? 3 : n_pages >= 10 ? 2 : 1;

  if (n_pages <= 1)
    return g_strdup (path);
  if (dot == NULL || (slash != NULL && dot < slash))
    dot = path + strlen (path);
  return g_strdup_printf ("%.*s-%0*u%s", (int) (dot - path), path, digits, page + 1, dot);
}

static void
draw_whole_page (CohortsPaper *self,
                 cairo_t      *cr,
                 guint         page,
                 double        page_width,
                 double        page_height)
{
  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_translate (cr, (page_width - self->options.width) / 2, (page_height - self->options.height) / 2);
  cohorts_paper_render_page (self, cr, page);
  cairo_restore (cr);
}

static gboolean
check_surface (cairo_surface_t  *surface,
               const char       *path,
               GError          **error)
{
  cairo_status_t status = cairo_surface_status (surface);

  if (status == CAIRO_STATUS_SUCCESS || status == CAIRO_STATUS_WRITE_ERROR)
    return TRUE;  /* a write error is the sink's to tell */
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               /* Translators: the first %s is a file, the second what went wrong drawing it */
               _("Could not draw “%s”: %s"), path, cairo_status_to_string (status));
  return FALSE;
}

static gboolean
export_pdf (CohortsPaper         *self,
            const char           *path,
            double                page_width,
            double                page_height,
            GCancellable         *cancellable,
            CohortsProgressFunc   progress,
            gpointer              user_data,
            GError              **error)
{
  CohortsExportSink *sink = cohorts_export_sink_new (path, cancellable, error);
  cairo_surface_t *surface;
  cairo_t *cr;
  gboolean ok, cancelled = FALSE;

  if (sink == NULL)
    return FALSE;

  surface = cairo_pdf_surface_create_for_stream (cohorts_export_sink_write, sink, page_width, page_height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, self->trust);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Cohorts " PACKAGE_VERSION);
  cr = cairo_create (surface);

  for (guint i = 0; i < self->pages->len && !cancelled; i++)
    {
      cancelled = g_cancellable_is_cancelled (cancellable);
      if (cancelled)
        break;
      draw_whole_page (self, cr, i, page_width, page_height);
      cairo_show_page (cr);
      if (progress != NULL)
        progress (i + 1, self->pages->len, user_data);
    }

  cairo_destroy (cr);
  cairo_surface_finish (surface);
  ok = !cancelled && check_surface (surface, path, error);
  cairo_surface_destroy (surface);

  if (cancelled)
    g_cancellable_set_error_if_cancelled (cancellable, error);
  if (!ok)
    {
      cohorts_export_sink_finish (sink, FALSE, NULL);
      return FALSE;
    }
  return cohorts_export_sink_finish (sink, TRUE, error);
}

/* SVG and PNG: a file a page, written aside and put in place only when
 * every page is done. */
static gboolean
export_images (CohortsPaper         *self,
               const char           *path,
               CohortsExportFormat   format,
               double                page_width,
               double                page_height,
               GCancellable         *cancellable,
               CohortsProgressFunc   progress,
               gpointer              user_data,
               GError              **error)
{
  g_autoptr(GPtrArray) sinks = g_ptr_array_new ();
  double scale = COHORTS_PAPER_PNG_DPI / 72.0;
  gboolean ok = TRUE;

  for (guint i = 0; i < self->pages->len && ok; i++)
    {
      g_autofree char *page_path = cohorts_export_page_path (path, i, self->pages->len);
      CohortsExportSink *sink;
      cairo_surface_t *surface;
      cairo_t *cr;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          ok = FALSE;
          break;
        }
      sink = cohorts_export_sink_new (page_path, cancellable, error);
      if (sink == NULL)
        {
          ok = FALSE;
          break;
        }
      g_ptr_array_add (sinks, sink);

      if (format == COHORTS_EXPORT_SVG)
        {
          surface = cairo_svg_surface_create_for_stream (cohorts_export_sink_write, sink, page_width, page_height);
          cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PT);
        }
      else
        surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) ceil (page_width * scale),
                                              (int) ceil (page_height * scale));
      cr = cairo_create (surface);
      if (format == COHORTS_EXPORT_PNG)
        cairo_scale (cr, scale, scale);
      draw_whole_page (self, cr, i, page_width, page_height);
      cairo_destroy (cr);

      if (format == COHORTS_EXPORT_PNG)
        {
          cairo_surface_flush (surface);
          ok = check_surface (surface, page_path, error);
          if (ok)
            cairo_surface_write_to_png_stream (surface, cohorts_export_sink_write, sink);
        }
      else
        {
          cairo_surface_finish (surface);
          ok = check_surface (surface, page_path, error);
        }
      cairo_surface_destroy (surface);
      if (ok && progress != NULL)
        progress (i + 1, self->pages->len, user_data);
    }

  for (guint i = 0; i < sinks->len; i++)
    {
      GError *sink_error = NULL;

      if (!cohorts_export_sink_finish (g_ptr_array_index (sinks, i), ok, ok ? &sink_error : NULL))
        {
          if (ok)
            g_propagate_error (error, sink_error);
          ok = FALSE;
        }
    }
  return ok;
}

/**
 * cohorts_paper_export:
 * @path: where to write; for SVG and PNG with more than one page, each page
 *   goes to a file of its own named by cohorts_export_page_path()
 * @page_width: the sheet's width, in points; the printable area is centred
 *   on it
 * @progress: (nullable) (scope call): told of each page done
 *
 * Writes every page. Nothing is replaced unless all of it is written: an
 * error or @cancellable leaves the files as they were.
 *
 * Returns: whether it was written
 */
gboolean
cohorts_paper_export (CohortsPaper         *self,
                      const char           *path,
                      CohortsExportFormat   format,
                      double                page_width,
                      double                page_height,
                      GCancellable         *cancellable,
                      CohortsProgressFunc   progress,
                      gpointer              user_data,
                      GError              **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (page_width >= self->options.width && page_height >= self->options.height, FALSE);

  if (self->pages->len > COHORTS_PAPER_MAX_PAGES)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   /* Translators: "“board.pdf” would have 12000 pages, more than 5000: …" */
                   _("“%s” would have %u pages, more than %u: choose fewer cohorts or a shorter span of time"),
                   path, self->pages->len, COHORTS_PAPER_MAX_PAGES);
      return FALSE;
    }

  if (format == COHORTS_EXPORT_PDF)
    return export_pdf (self, path, page_width, page_height, cancellable, progress, user_data, error);
  return export_images (self, path, format, page_width, page_height, cancellable, progress, user_data, error);
}
