/* cohorts-timeline-render.c: draws a timeline layout to any cairo_t
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One renderer for the screen, the printer, PDF, SVG and PNG: it draws a
 * CohortsTimelineLayout with cairo and pango in the layout's units, and
 * nothing else. It draws only what the layout holds, which is only what is
 * in sight.
 *
 * What the chart says must survive without colour (a colour-blind reader, a
 * black-and-white printer): church schools have a cross beside their name,
 * schools that need support a warning sign and a hatched bar; a step's state
 * is its marker's shape (hollow: from the schedule; filled circle: a date of
 * the school's own; square: done; a second ring: overdue); a church
 * school's consent refused is a cross, one requested and not yet decided a
 * small open diamond where it was asked; the conversion
 * is a diamond, hollow when the school converts on a date of its own. A
 * school's readiness, before its name, is a shape too: green a filled
 * circle, amber a circle filled by half, red a square, not assessed an empty
 * ring.
 */
#define G_LOG_DOMAIN "cohorts-timeline"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "cohorts-calendar.h"
#include "cohorts-cohort.h"
#include "cohorts-enums.h"
#include "cohorts-timeline-render.h"

#define PADDING 6.0
/* Beyond this far outside the area in sight, shapes are cut short: cairo's
 * fixed-point coordinates do not reach far. */
#define FAR 10000.0

static const CohortsRgba light_palette[] = {
  /* background */        { 1.000, 1.000, 1.000, 1.0 },
  /* foreground */        { 0.141, 0.141, 0.141, 1.0 },
  /* label_background */  { 0.980, 0.980, 0.980, 1.0 },
  /* group_background */  { 0.000, 0.000, 0.000, 0.045 },
  /* grid */              { 0.000, 0.000, 0.000, 0.12 },
  /* year_band */         { 0.000, 0.000, 0.000, 0.025 },
  /* selection */         { 0.208, 0.518, 0.894, 0.20 },
  /* focus */             { 0.208, 0.518, 0.894, 1.0 },
  /* bar: sky blue */     { 0.337, 0.706, 0.914, 0.60 },
  /* church: purple */    { 0.800, 0.475, 0.655, 0.70 },
  /* support: orange */   { 0.902, 0.624, 0.000, 1.0 },
  /* done: green */       { 0.000, 0.620, 0.451, 1.0 },
  /* today: vermilion */  { 0.835, 0.369, 0.000, 1.0 },
  /* strip: blue */       { 0.000, 0.447, 0.698, 1.0 },
  /* rag_green */         { 0.000, 0.620, 0.451, 1.0 },
  /* rag_amber: orange */ { 0.902, 0.624, 0.000, 1.0 },
  /* rag_red: vermilion */{ 0.835, 0.369, 0.000, 1.0 },
};

static const CohortsRgba dark_palette[] = {
  /* background */        { 0.118, 0.118, 0.118, 1.0 },
  /* foreground */        { 1.000, 1.000, 1.000, 1.0 },
  /* label_background */  { 0.157, 0.157, 0.157, 1.0 },
  /* group_background */  { 1.000, 1.000, 1.000, 0.06 },
  /* grid */              { 1.000, 1.000, 1.000, 0.14 },
  /* year_band */         { 1.000, 1.000, 1.000, 0.03 },
  /* selection */         { 0.208, 0.518, 0.894, 0.35 },
  /* focus */             { 0.471, 0.682, 0.929, 1.0 },
  /* bar */               { 0.337, 0.706, 0.914, 0.50 },
  /* church */            { 0.800, 0.475, 0.655, 0.62 },
  /* support */           { 0.902, 0.624, 0.000, 1.0 },
  /* done */              { 0.180, 0.760, 0.560, 1.0 },
  /* today */             { 0.960, 0.470, 0.180, 1.0 },
  /* strip */             { 0.337, 0.706, 0.914, 1.0 },
  /* rag_green */         { 0.180, 0.760, 0.560, 1.0 },
  /* rag_amber */         { 0.902, 0.624, 0.000, 1.0 },
  /* rag_red */           { 0.960, 0.470, 0.180, 1.0 },
};

/**
 * cohorts_timeline_style_init:
 * @dark: whether for a dark background
 *
 * Fills @style with the chart's palette; the font is left unset.
 */
void
cohorts_timeline_style_init (CohortsTimelineStyle *style,
                             gboolean              dark)
{
  const CohortsRgba *palette = dark ? dark_palette : light_palette;

  memset (style, 0, sizeof *style);
  style->dark = dark;
  style->background = palette[0];
  style->foreground = palette[1];
  style->label_background = palette[2];
  style->group_background = palette[3];
  style->grid = palette[4];
  style->year_band = palette[5];
  style->selection = palette[6];
  style->focus = palette[7];
  style->bar = palette[8];
  style->church = palette[9];
  style->support = palette[10];
  style->done = palette[11];
  style->today = palette[12];
  style->strip = palette[13];
  style->rag_green = palette[14];
  style->rag_amber = palette[15];
  style->rag_red = palette[16];
}

void
cohorts_timeline_state_init (CohortsTimelineState *state)
{
  memset (state, 0, sizeof *state);
  state->focus_row = G_MAXUINT;
  state->hover_row = G_MAXUINT;
  state->drag_row = G_MAXUINT;
}

/* What one drawing needs beyond its arguments. */
typedef struct
{
  cairo_t *cr;
  const CohortsTimelineLayout *layout;
  const CohortsTimelineView *view;
  const CohortsTimelineStyle *style;
  const CohortsTimelineState *state;
  PangoLayout *text;
  PangoFontDescription *font;
  PangoFontDescription *bold;
  PangoFontDescription *small;
  cairo_pattern_t *hatch;
} Painter;

static void
set_colour (cairo_t           *cr,
            const CohortsRgba *colour)
{
  cairo_set_source_rgba (cr, colour->red, colour->green, colour->blue, colour->alpha);
}

static void
set_colour_alpha (cairo_t           *cr,
                  const CohortsRgba *colour,
                  double             alpha)
{
  cairo_set_source_rgba (cr, colour->red, colour->green, colour->blue, colour->alpha * alpha);
}

static double
clamp_x (double x)
{
  return CLAMP (x, -FAR, FAR);
}

/* Diagonal stripes, for schools that need support. */
static cairo_pattern_t *
create_hatch (const CohortsTimelineStyle *style)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 6, 6);
  cairo_t *cr = cairo_create (surface);
  cairo_pattern_t *pattern;

  set_colour (cr, &style->support);
  cairo_set_line_width (cr, 1.6);
  cairo_move_to (cr, -1, 7);
  cairo_line_to (cr, 7, -1);
  cairo_move_to (cr, -1, 1);
  cairo_line_to (cr, 1, -1);
  cairo_move_to (cr, 5, 7);
  cairo_line_to (cr, 7, 5);
  cairo_stroke (cr);
  cairo_destroy (cr);

  pattern = cairo_pattern_create_for_surface (surface);
  cairo_pattern_set_extend (pattern, CAIRO_EXTEND_REPEAT);
  cairo_surface_destroy (surface);
  return pattern;
}

/* Text ------------------------------------------------------------------ */

typedef enum
{
  ALIGN_START,
  ALIGN_CENTRE,
  ALIGN_END,
} Align;

static void
text_size (Painter *p,
           double  *width,
           double  *height)
{
  PangoRectangle logical;

  pango_layout_get_extents (p->text, NULL, &logical);
  *width = (double) logical.width / PANGO_SCALE;
  *height = (double) logical.height / PANGO_SCALE;
}

static double
measure (Painter                    *p,
         const PangoFontDescription *font,
         const char                 *text)
{
  double width, height;

  pango_layout_set_font_description (p->text, font);
  pango_layout_set_width (p->text, -1);
  pango_layout_set_text (p->text, text, -1);
  text_size (p, &width, &height);
  return width;
}

/* Draws @text in the box, vertically centred, ellipsized to its width. */
static void
draw_text (Painter                    *p,
           const PangoFontDescription *font,
           const char                 *text,
           double                      x,
           double                      y,
           double                      width,
           double                      height,
           Align                       align)
{
  double text_width, text_height;

  if (width <= 1)
    return;

  pango_layout_set_font_description (p->text, font);
  pango_layout_set_width (p->text, (int) (width * PANGO_SCALE));
  pango_layout_set_ellipsize (p->text, PANGO_ELLIPSIZE_END);
  pango_layout_set_alignment (p->text, align == ALIGN_CENTRE ? PANGO_ALIGN_CENTER
                                       : align == ALIGN_END ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
  pango_layout_set_text (p->text, text, -1);
  text_size (p, &text_width, &text_height);

  cairo_move_to (p->cr, x, y + (height - text_height) / 2);
  pango_cairo_show_layout (p->cr, p->text);
  cairo_new_path (p->cr);
}

/* Month names as the axis shows them, in the user's language: "Sep". */
static const char *
month_name (int month)
{
  static char *names[12];

  if (G_UNLIKELY (names[0] == NULL))
    for (int i = 0; i < 12; i++)
      {
        g_autoptr(GDateTime) date = g_date_time_new_utc (2001, i + 1, 1, 0, 0, 0);
        /* Translators: a month's abbreviated name on the timeline's axis (strftime) */
        char *name = g_date_time_format (date, C_("axis", "%b"));

        names[i] = name != NULL ? name : g_strdup ("");
      }
  return names[CLAMP (month, 1, 12) - 1];
}

/* Shapes ---------------------------------------------------------------- */

static void
diamond_path (cairo_t *cr,
              double   x,
              double   y,
              double   r)
{
  cairo_move_to (cr, x, y - r);
  cairo_line_to (cr, x + r, y);
  cairo_line_to (cr, x, y + r);
  cairo_line_to (cr, x - r, y);
  cairo_close_path (cr);
}

static void
rounded_rectangle (cairo_t *cr,
                   double   x,
                   double   y,
                   double   width,
                   double   height,
                   double   radius)
{
  radius = MIN (radius, MIN (width, height) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + width - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + width - radius, y + height - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + height - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

/* A church school: a cross. */
static void
draw_cross (Painter *p,
            double   x,
            double   y,
            double   size)
{
  cairo_t *cr = p->cr;

  set_colour (cr, &p->style->foreground);
  cairo_rectangle (cr, x + size * 0.4, y, size * 0.2, size);
  cairo_rectangle (cr, x + size * 0.15, y + size * 0.25, size * 0.7, size * 0.2);
  cairo_fill (cr);
}

/* A school that needs support: a warning sign. */
static void
draw_warning (Painter *p,
              double   x,
              double   y,
              double   size)
{
  cairo_t *cr = p->cr;

  cairo_move_to (cr, x + size / 2, y);
  cairo_line_to (cr, x + size, y + size * 0.92);
  cairo_line_to (cr, x, y + size * 0.92);
  cairo_close_path (cr);
  set_colour (cr, &p->style->support);
  cairo_fill_preserve (cr);
  set_colour (cr, &p->style->foreground);
  cairo_set_line_width (cr, 1.0);
  cairo_stroke (cr);
  /* The "!" is always dark: the sign is always orange. */
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  cairo_rectangle (cr, x + size * 0.44, y + size * 0.3, size * 0.12, size * 0.34);
  cairo_rectangle (cr, x + size * 0.44, y + size * 0.7, size * 0.12, size * 0.12);
  cairo_fill (cr);
}

/**
 * cohorts_timeline_render_readiness:
 * @x: the left of a square @size wide
 * @y: its top
 *
 * Draws a school's readiness mark (the timeline's, its legend's and the
 * board pack's): green a filled circle, amber a circle filled by half, red
 * a square, not assessed an empty ring; each outlined in the text colour,
 * so that a black-and-white print tells them apart by shape alone.
 */
void
cohorts_timeline_render_readiness (cairo_t                    *cr,
                                   const CohortsTimelineStyle *style,
                                   CohortsRag                  rag,
                                   double                      x,
                                   double                      y,
                                   double                      size)
{
  double cx = x + size / 2, cy = y + size / 2;
  double line = MAX (1.0, size * 0.09);
  double r = size / 2 - line / 2;

  g_return_if_fail (cr != NULL && style != NULL);

  cairo_save (cr);
  cairo_new_path (cr);
  cairo_set_line_width (cr, line);
  switch (rag)
    {
    case COHORTS_RAG_GREEN:
      cairo_arc (cr, cx, cy, r, 0, 2 * G_PI);
      set_colour (cr, &style->rag_green);
      cairo_fill_preserve (cr);
      set_colour (cr, &style->foreground);
      cairo_stroke (cr);
      break;

    case COHORTS_RAG_AMBER:
      /* The lower half filled: partly there. */
      cairo_arc (cr, cx, cy, r, 0, G_PI);
      cairo_close_path (cr);
      set_colour (cr, &style->rag_amber);
      cairo_fill (cr);
      cairo_arc (cr, cx, cy, r, 0, 2 * G_PI);
      cairo_move_to (cr, cx - r, cy);
      cairo_line_to (cr, cx + r, cy);
      set_colour (cr, &style->foreground);
      cairo_stroke (cr);
      break;

    case COHORTS_RAG_RED:
      {
        /* A little smaller than the circles' box: as heavy to the eye. */
        double half = r * 0.86;

        cairo_rectangle (cr, cx - half, cy - half, 2 * half, 2 * half);
        set_colour (cr, &style->rag_red);
        cairo_fill_preserve (cr);
        set_colour (cr, &style->foreground);
        cairo_stroke (cr);
      }
      break;

    case COHORTS_RAG_NOT_ASSESSED:
    default:
      cairo_arc (cr, cx, cy, r, 0, 2 * G_PI);
      set_colour_alpha (cr, &style->foreground, 0.6);
      cairo_stroke (cr);
      break;
    }
  cairo_restore (cr);
}

static void
draw_tick (cairo_t *cr,
           double   x,
           double   y,
           double   r)
{
  cairo_move_to (cr, x - r * 0.55, y);
  cairo_line_to (cr, x - r * 0.15, y + r * 0.45);
  cairo_line_to (cr, x + r * 0.6, y - r * 0.45);
}

/* A consent refused, on a church school's track: a cross in the error
 * colour, on a halo of the background so that it reads on the bar. */
static void
draw_refusal (Painter *p,
              double   x,
              double   y,
              double   r)
{
  cairo_t *cr = p->cr;
  double d = r * 0.95;

  cairo_new_path (cr);
  cairo_move_to (cr, x - d, y - d);
  cairo_line_to (cr, x + d, y + d);
  cairo_move_to (cr, x + d, y - d);
  cairo_line_to (cr, x - d, y + d);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  set_colour (cr, &p->style->background);
  cairo_set_line_width (cr, 4.4);
  cairo_stroke_preserve (cr);
  set_colour (cr, &p->style->rag_red);
  cairo_set_line_width (cr, 2.2);
  cairo_stroke (cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
}

/* A consent requested and not yet decided: a small open diamond where it
 * was asked. */
static void
draw_request (Painter *p,
              double   x,
              double   y,
              double   r)
{
  cairo_t *cr = p->cr;
  double d = r * 1.4;

  cairo_new_path (cr);
  cairo_move_to (cr, x, y - d);
  cairo_line_to (cr, x + d, y);
  cairo_line_to (cr, x, y + d);
  cairo_line_to (cr, x - d, y);
  cairo_close_path (cr);
  set_colour (cr, &p->style->background);
  cairo_fill_preserve (cr);
  set_colour (cr, &p->style->foreground);
  cairo_set_line_width (cr, 1.2);
  cairo_stroke (cr);
}

static void
draw_marker (Painter                     *p,
             const CohortsTimelineMarker *marker,
             double                       y,
             double                       r)
{
  cairo_t *cr = p->cr;
  const CohortsTimelineStyle *style = p->style;
  double x = marker->x;

  if (marker->consent == COHORTS_CONSENT_REFUSED)
    {
      draw_refusal (p, x, y, r);
      return;
    }

  cairo_new_path (cr);
  cairo_set_line_width (cr, 1.2);
  switch (marker->state)
    {
    case COHORTS_MILESTONE_DONE:
      cairo_rectangle (cr, x - r, y - r, 2 * r, 2 * r);
      set_colour (cr, &style->done);
      cairo_fill_preserve (cr);
      set_colour (cr, &style->foreground);
      cairo_stroke (cr);
      break;

    case COHORTS_MILESTONE_PLANNED:
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      set_colour (cr, &style->foreground);
      cairo_fill (cr);
      break;

    case COHORTS_MILESTONE_SCHEDULED:
    default:
      cairo_arc (cr, x, y, r - 0.6, 0, 2 * G_PI);
      set_colour (cr, &style->background);
      cairo_fill_preserve (cr);
      set_colour (cr, &style->foreground);
      cairo_stroke (cr);
      break;
    }

  if (marker->overdue)
    {
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, r + 2.2, 0, 2 * G_PI);
      set_colour (cr, &style->today);
      cairo_set_line_width (cr, 1.6);
      cairo_stroke (cr);
    }
}

static void
draw_conversion (Painter *p,
                 double   x,
                 double   y,
                 double   r,
                 guint    flags)
{
  cairo_t *cr = p->cr;
  const CohortsTimelineStyle *style = p->style;

  cairo_new_path (cr);
  diamond_path (cr, x, y, r);
  if (flags & COHORTS_TIMELINE_CONVERTED)
    {
      set_colour (cr, &style->done);
      cairo_fill_preserve (cr);
      set_colour (cr, &style->foreground);
      cairo_set_line_width (cr, 1.2);
      cairo_stroke (cr);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_set_line_width (cr, MAX (1.2, r * 0.25));
      draw_tick (cr, x, y, r * 0.8);
      cairo_stroke (cr);
    }
  else if (flags & COHORTS_TIMELINE_OWN_DATE)
    {
      set_colour (cr, &style->background);
      cairo_fill_preserve (cr);
      set_colour (cr, &style->foreground);
      cairo_set_line_width (cr, MAX (1.5, r * 0.3));
      cairo_stroke (cr);
    }
  else
    {
      set_colour (cr, &style->foreground);
      cairo_fill_preserve (cr);
      set_colour (cr, &style->background);
      cairo_set_line_width (cr, 1.0);
      cairo_stroke (cr);
    }
}

/* The time area ----------------------------------------------------------- */

static void
draw_grid (Painter *p,
           double   top,
           double   bottom)
{
  cairo_t *cr = p->cr;
  const CohortsTimelineLayout *layout = p->layout;

  for (guint i = 0; i < layout->bands->len; i++)
    {
      const CohortsTimelineBand *band = &g_array_index (layout->bands, CohortsTimelineBand, i);
      double x = floor (band->x0) + 0.5;

      switch (band->kind)
        {
        case COHORTS_TIMELINE_BAND_YEAR:
          if (band->value % 2 != 0)
            {
              set_colour (cr, &p->style->year_band);
              cairo_rectangle (cr, clamp_x (band->x0), top, clamp_x (band->x1) - clamp_x (band->x0), bottom - top);
              cairo_fill (cr);
            }
          set_colour (cr, &p->style->grid);
          cairo_set_line_width (cr, 1.0);
          cairo_move_to (cr, x, top);
          cairo_line_to (cr, x, bottom);
          cairo_stroke (cr);
          break;

        case COHORTS_TIMELINE_BAND_TERM:
          if (band->value == COHORTS_TERM_AUTUMN)
            break;  /* the year's line */
          set_colour_alpha (cr, &p->style->grid, 0.6);
          cairo_set_line_width (cr, 1.0);
          cairo_move_to (cr, x, top);
          cairo_line_to (cr, x, bottom);
          cairo_stroke (cr);
          break;

        case COHORTS_TIMELINE_BAND_MONTH:
        default:
          if (layout->months < COHORTS_TIMELINE_MONTHS_INITIAL)
            break;
          set_colour_alpha (cr, &p->style->grid, 0.3);
          cairo_set_line_width (cr, 1.0);
          cairo_move_to (cr, x, top);
          cairo_line_to (cr, x, bottom);
          cairo_stroke (cr);
          break;
        }
    }
}

static void
draw_row_background (Painter                  *p,
                     const CohortsTimelineRow *row)
{
  cairo_t *cr = p->cr;
  const CohortsTimelineView *view = p->view;
  const CohortsTimelineState *state = p->state;
  gboolean selected = state != NULL &&
                      ((row->school != NULL && row->school == state->selected) ||
                       (row->kind == COHORTS_TIMELINE_ROW_GROUP && row->cohort != NULL &&
                        row->cohort == state->selected_cohort));

  if (row->kind == COHORTS_TIMELINE_ROW_GROUP)
    {
      set_colour (cr, &p->style->group_background);
      cairo_rectangle (cr, 0, row->y, view->width, view->row_height);
      cairo_fill (cr);
    }
  if (selected)
    {
      set_colour (cr, &p->style->selection);
      cairo_rectangle (cr, 0, row->y, view->width, view->row_height);
      cairo_fill (cr);
    }
  else if (state != NULL && state->hover_row == row->index)
    {
      set_colour_alpha (cr, &p->style->foreground, 0.04);
      cairo_rectangle (cr, 0, row->y, view->width, view->row_height);
      cairo_fill (cr);
    }

  /* A line under each group's row. */
  if (row->kind == COHORTS_TIMELINE_ROW_GROUP)
    {
      set_colour (cr, &p->style->grid);
      cairo_set_line_width (cr, 1.0);
      cairo_move_to (cr, 0, floor (row->y + view->row_height) - 0.5);
      cairo_line_to (cr, view->width, floor (row->y + view->row_height) - 0.5);
      cairo_stroke (cr);
    }
}

/* A conversion in the baseline: a thin grey bar under the row's own, from
 * where its steps would start to a tick at its date, in a row from @y of
 * height @h. */
static void
draw_baseline (Painter *p,
               double   x0,
               double   x1,
               double   y,
               double   h)
{
  cairo_t *cr = p->cr;
  double thickness = MAX (2.0, round (h * 0.1));
  double top = round (y + h * 0.74);

  set_colour_alpha (cr, &p->style->foreground, 0.45);
  if (x1 > x0)
    {
      cairo_rectangle (cr, x0, top, x1 - x0, thickness);
      cairo_fill (cr);
    }
  cairo_rectangle (cr, x1 - 1, round (y + h * 0.6), 2, top + thickness - round (y + h * 0.6));
  cairo_fill (cr);
}

static void
draw_school_bar (Painter                  *p,
                 const CohortsTimelineRow *row)
{
  cairo_t *cr = p->cr;
  const CohortsTimelineStyle *style = p->style;
  double h = p->view->row_height;
  double bar_height = round (h * 0.38);
  double y = row->y + (h - bar_height) / 2;
  double middle = row->y + h / 2;
  double x0, x1;

  if (!isnan (row->baseline_x) && fabs (row->baseline_x) < FAR)
    draw_baseline (p, clamp_x (row->baseline_start_x), row->baseline_x, row->y, h);

  if (row->start == COHORTS_DATE_NONE)
    return;

  x0 = clamp_x (row->start_x);
  x1 = clamp_x (isnan (row->conversion_x) ? row->start_x : row->conversion_x);

  if (x1 > x0)
    {
      rounded_rectangle (cr, x0, y, x1 - x0, bar_height, 3);
      set_colour (cr, (row->flags & COHORTS_TIMELINE_CHURCH) ? &style->church : &style->bar);
      cairo_fill_preserve (cr);
      if (row->flags & COHORTS_TIMELINE_VULNERABLE)
        {
          cairo_set_source (cr, p->hatch);
          cairo_fill_preserve (cr);
        }
      set_colour_alpha (cr, &style->foreground, 0.5);
      cairo_set_line_width (cr, 1.0);
      cairo_stroke (cr);
    }

  if (p->layout->show_markers)
    {
      double r = MAX (2.5, bar_height * 0.36);

      /* The steps that last, as a darker stretch of the bar. */
      for (guint i = 0; i < row->n_markers; i++)
        {
          const CohortsTimelineMarker *m = &row->markers[i];

          if (m->start_x < m->x)
            {
              set_colour_alpha (cr, &style->foreground, 0.28);
              cairo_rectangle (cr, clamp_x (m->start_x), middle - bar_height * 0.22,
                               clamp_x (m->x) - clamp_x (m->start_x), bar_height * 0.44);
              cairo_fill (cr);
            }
        }
      for (guint i = 0; i < row->n_markers; i++)
        {
          const CohortsTimelineMarker *m = &row->markers[i];

          if (m->consent == COHORTS_CONSENT_REQUESTED && !isnan (m->requested_x) &&
              m->requested_x > -FAR && m->requested_x < FAR)
            draw_request (p, m->requested_x, middle, r);
        }
      for (guint i = 0; i < row->n_markers; i++)
        if (row->markers[i].x > -FAR && row->markers[i].x < FAR)
          draw_marker (p, &row->markers[i], middle, r);
    }

  if (!isnan (row->conversion_x) && fabs (row->conversion_x) < FAR)
    draw_conversion (p, row->conversion_x, middle, round (h * 0.3), row->flags);
}

static void
draw_group_bar (Painter                  *p,
                const CohortsTimelineRow *row)
{
  cairo_t *cr = p->cr;
  const CohortsTimelineStyle *style = p->style;
  double h = p->view->row_height;
  double middle = row->y + h / 2;
  double x0, x1;
  g_autofree char *date = NULL;

  /* Its date in the baseline, under it as a school's. */
  if (!isnan (row->baseline_x) && fabs (row->baseline_x) < FAR)
    draw_baseline (p, clamp_x (row->baseline_start_x), row->baseline_x, row->y, h);

  if (row->conversion == COHORTS_DATE_NONE)
    return;

  /* The span of its schools' steps, thin. */
  if (row->start != COHORTS_DATE_NONE)
    {
      x0 = clamp_x (row->start_x);
      x1 = clamp_x (row->conversion_x);
      if (x1 > x0)
        {
          set_colour_alpha (cr, &style->foreground, 0.3);
          cairo_rectangle (cr, x0, middle - 2, x1 - x0, 4);
          cairo_fill (cr);
        }
    }

  if (fabs (row->conversion_x) >= FAR)
    return;
  draw_conversion (p, row->conversion_x, middle, round (h * 0.34), 0);

  /* Its date beside the diamond. */
  date = cohorts_date_format (row->conversion);
  set_colour (cr, &style->foreground);
  draw_text (p, p->bold, date, row->conversion_x + h * 0.34 + PADDING, row->y,
             MAX (0.0, p->view->width - row->conversion_x - h * 0.34 - PADDING), h, ALIGN_START);
}

static void
draw_drag (Painter *p)
{
  const CohortsTimelineState *state = p->state;
  const CohortsTimelineRow *row;
  cairo_t *cr = p->cr;
  double x, h = p->view->row_height, middle, width, height;
  g_autofree char *date = NULL;

  if (state == NULL || state->drag_row == G_MAXUINT || state->drag_date == COHORTS_DATE_NONE)
    return;
  row = cohorts_timeline_layout_get_row (p->layout, state->drag_row);
  if (row == NULL)
    return;

  x = cohorts_timeline_view_x_for_date (p->view, state->drag_date);
  middle = row->y + h / 2;

  /* Where it would go: a guide line, a ghost diamond and the date. */
  set_colour (cr, &p->style->focus);
  cairo_set_line_width (cr, 1.0);
  cairo_move_to (cr, floor (x) + 0.5, p->view->axis_height);
  cairo_line_to (cr, floor (x) + 0.5, p->view->height - p->view->strip_height);
  cairo_stroke (cr);
  diamond_path (cr, x, middle, round (h * 0.34));
  set_colour_alpha (cr, &p->style->focus, 0.6);
  cairo_fill (cr);

  date = cohorts_date_format (state->drag_date);
  width = measure (p, p->font, date) + 2 * PADDING;
  height = h - 6;
  rounded_rectangle (cr, x + h * 0.4, middle - height / 2, width, height, 4);
  set_colour (cr, &p->style->focus);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  draw_text (p, p->font, date, x + h * 0.4 + PADDING, middle - height / 2, width, height, ALIGN_START);
}

/* The names' column ------------------------------------------------------- */

static void
draw_expander (Painter  *p,
               double    x,
               double    y,
               double    size,
               gboolean  collapsed)
{
  cairo_t *cr = p->cr;

  if (collapsed)
    {
      cairo_move_to (cr, x + size * 0.3, y + size * 0.2);
      cairo_line_to (cr, x + size * 0.75, y + size * 0.5);
      cairo_line_to (cr, x + size * 0.3, y + size * 0.8);
    }
  else
    {
      cairo_move_to (cr, x + size * 0.2, y + size * 0.3);
      cairo_line_to (cr, x + size * 0.5, y + size * 0.75);
      cairo_line_to (cr, x + size * 0.8, y + size * 0.3);
    }
  cairo_close_path (cr);
  set_colour_alpha (cr, &p->style->foreground, 0.75);
  cairo_fill (cr);
}

static const char *
column_title (CohortsTimelineColumns column)
{
  switch (column)
    {
    case COHORTS_TIMELINE_COLUMN_URN:        return _("URN");
    case COHORTS_TIMELINE_COLUMN_PHASE:      return _("Phase");
    case COHORTS_TIMELINE_COLUMN_CONVERSION: return _("Converts");
    case COHORTS_TIMELINE_COLUMN_PUPILS:     return _("Pupils");
    case COHORTS_TIMELINE_COLUMN_AUTHORITY:  return _("Local authority");
    default:                                 return "";
    }
}

/* A row's value in @column, or NULL for none. */
static char *
column_text (const CohortsTimelineRow *row,
             CohortsTimelineColumns    column)
{
  CohortsSchool *school = row->school;

  if (column == COHORTS_TIMELINE_COLUMN_CONVERSION)
    {
      g_autoptr(GDateTime) month = NULL;

      if (row->conversion == COHORTS_DATE_NONE)
        return NULL;
      month = g_date_time_new_utc (cohorts_date_get_year (row->conversion),
                                   cohorts_date_get_month (row->conversion), 1, 0, 0, 0);
      /* Translators: a conversion's month in a narrow column, "Sep 2027"
       * (see strftime for the codes) */
      return g_date_time_format (month, C_("short month", "%b %Y"));
    }
  if (row->kind != COHORTS_TIMELINE_ROW_SCHOOL)
    return NULL;

  switch (column)
    {
    case COHORTS_TIMELINE_COLUMN_URN:
      return g_strdup_printf ("%u", cohorts_school_get_urn (school));
    case COHORTS_TIMELINE_COLUMN_PHASE:
      return g_strdup (cohorts_enum_get_label (COHORTS_TYPE_PHASE, cohorts_school_get_phase (school)));
    case COHORTS_TIMELINE_COLUMN_PUPILS:
      return cohorts_school_get_pupils (school) >= 0 ? g_strdup_printf ("%d", cohorts_school_get_pupils (school)) : NULL;
    case COHORTS_TIMELINE_COLUMN_AUTHORITY:
      return g_strdup (cohorts_school_get_la_name (school));
    case COHORTS_TIMELINE_COLUMN_CONVERSION:
    default:
      return NULL;
    }
}

/* The columns beside the names, at the right of the label area: each row's
 * values, or with @row %NULL the titles. */
static void
draw_columns (Painter                  *p,
              const CohortsTimelineRow *row,
              double                    y,
              double                    height)
{
  const CohortsTimelineView *view = p->view;
  double x = view->label_width - cohorts_timeline_columns_width (view->columns, view->row_height);

  for (guint i = 0; i < COHORTS_TIMELINE_N_COLUMNS; i++)
    {
      CohortsTimelineColumns column = 1u << i;
      double width = cohorts_timeline_column_width (column, view->row_height);
      g_autofree char *text = NULL;
      Align align = column == COHORTS_TIMELINE_COLUMN_PUPILS || column == COHORTS_TIMELINE_COLUMN_URN
                    ? ALIGN_END : ALIGN_START;

      if (!(view->columns & column))
        continue;
      text = row != NULL ? column_text (row, column) : g_strdup (column_title (column));
      if (text != NULL && *text != '\0')
        {
          if (row == NULL)
            set_colour_alpha (p->cr, &p->style->foreground, 0.7);
          else
            set_colour_alpha (p->cr, &p->style->foreground, row->kind == COHORTS_TIMELINE_ROW_GROUP ? 1.0 : 0.85);
          draw_text (p, row == NULL ? p->small : p->font, text, x + PADDING / 2, y, width - PADDING, height, align);
        }
      x += width;
    }
}

static void
draw_label (Painter                  *p,
            const CohortsTimelineRow *row)
{
  cairo_t *cr = p->cr;
  double h = p->view->row_height;
  double width = p->view->label_width - cohorts_timeline_columns_width (p->view->columns, h);
  double x = PADDING, icon = round (h * 0.45);

  draw_columns (p, row, row->y, h);

  if (row->kind == COHORTS_TIMELINE_ROW_GROUP)
    {
      g_autofree char *name = row->cohort != NULL ? cohorts_cohort_dup_display_name (row->cohort)
                                                  : g_strdup (_("Not in a cohort"));
      g_autofree char *count = g_strdup_printf ("%u", row->n_members);
      double count_width;

      draw_expander (p, x, row->y + (h - icon) / 2, icon, (row->flags & COHORTS_TIMELINE_COLLAPSED) != 0);
      x += icon + PADDING;

      set_colour_alpha (cr, &p->style->foreground, 0.65);
      count_width = measure (p, p->small, count);
      draw_text (p, p->small, count, width - PADDING - count_width, row->y, count_width, h, ALIGN_END);

      /* Its schools by readiness, the ratings it has, before the count:
       * only where the name still fits whole. */
      if (row->n_members > 0)
        {
          static const CohortsRag order[] = {
            COHORTS_RAG_GREEN, COHORTS_RAG_AMBER, COHORTS_RAG_RED, COHORTS_RAG_NOT_ASSESSED,
          };
          double mark = round (icon * 0.85), rags_width = 0, end = width - count_width - 4 * PADDING;
          char numbers[G_N_ELEMENTS (order)][16];
          double widths[G_N_ELEMENTS (order)];

          for (guint i = 0; i < G_N_ELEMENTS (order); i++)
            {
              guint n = row->n_rag[order[i]];

              g_snprintf (numbers[i], sizeof numbers[i], "%u", n);
              widths[i] = n > 0 ? measure (p, p->small, numbers[i]) : 0;
              if (n > 0)
                rags_width += mark + 2 + widths[i] + PADDING;
            }
          if (x + measure (p, p->bold, name) + 2 * PADDING + rags_width <= end)
            {
              double rx = end - rags_width + PADDING;

              for (guint i = 0; i < G_N_ELEMENTS (order); i++)
                {
                  if (row->n_rag[order[i]] == 0)
                    continue;
                  cohorts_timeline_render_readiness (cr, p->style, order[i], rx, row->y + (h - mark) / 2, mark);
                  set_colour_alpha (cr, &p->style->foreground, 0.8);
                  draw_text (p, p->small, numbers[i], rx + mark + 2, row->y, widths[i] + 1, h, ALIGN_START);
                  rx += mark + 2 + widths[i] + PADDING;
                }
              /* A rule between them and the count of all its schools. */
              set_colour (cr, &p->style->grid);
              cairo_set_line_width (cr, 1.0);
              cairo_move_to (cr, floor (end + PADDING) + 0.5, row->y + h * 0.25);
              cairo_line_to (cr, floor (end + PADDING) + 0.5, row->y + h * 0.75);
              cairo_stroke (cr);
              width = end - rags_width + count_width + 2 * PADDING;
            }
        }

      set_colour (cr, &p->style->foreground);
      draw_text (p, p->bold, name, x, row->y, width - x - count_width - 2 * PADDING, h, ALIGN_START);
      return;
    }

  /* Schools: indented under their cohort, with their marks in front. */
  x += icon + PADDING;
  if (row->flags & COHORTS_TIMELINE_CHURCH)
    draw_cross (p, x, row->y + (h - icon) / 2, icon);
  x += icon + 2;
  if (row->flags & COHORTS_TIMELINE_VULNERABLE)
    draw_warning (p, x, row->y + (h - icon) / 2, icon);
  x += icon + 2;
  /* Readiness, right before the name: every school has one. */
  cohorts_timeline_render_readiness (cr, p->style, row->rag, x, row->y + (h - icon) / 2, icon);
  x += icon + PADDING;

  set_colour (cr, &p->style->foreground);
  draw_text (p, p->font, cohorts_school_get_name (row->school), x, row->y, width - x - PADDING, h, ALIGN_START);
}

/* The axis ------------------------------------------------------------------ */

static void
draw_band_label (Painter                    *p,
                 const CohortsTimelineBand  *band,
                 const PangoFontDescription *font,
                 const char                 *text,
                 const char                 *short_text,
                 double                      y,
                 double                      height)
{
  const CohortsTimelineView *view = p->view;
  double x0 = MAX (band->x0, view->label_width);
  double x1 = MIN (band->x1, view->width);
  double room = x1 - x0 - 4;

  if (room <= 4)
    return;
  if (measure (p, font, text) > room)
    {
      if (short_text == NULL || measure (p, font, short_text) > room)
        return;
      text = short_text;
    }
  draw_text (p, font, text, x0 + 2, y, room, height, ALIGN_CENTRE);
}

static double
today_label_width (Painter *p)
{
  return measure (p, p->small, _("Today")) + 2 * PADDING;
}

static void
draw_axis (Painter *p)
{
  cairo_t *cr = p->cr;
  const CohortsTimelineLayout *layout = p->layout;
  const CohortsTimelineView *view = p->view;
  guint tiers = 1 + (layout->show_terms ? 1 : 0) + (layout->months >= COHORTS_TIMELINE_MONTHS_INITIAL ? 1 : 0);
  double tier = view->axis_height / tiers;
  double term_y = tier, month_y = tier * (layout->show_terms ? 2 : 1);
  double today_x0 = G_MAXDOUBLE, today_x1 = -G_MAXDOUBLE;

  if (!isnan (layout->today_x))
    {
      double half = today_label_width (p) / 2;

      today_x0 = round (layout->today_x) - half;
      today_x1 = round (layout->today_x) + half;
    }

  set_colour (cr, &p->style->label_background);
  cairo_rectangle (cr, 0, 0, view->width, view->axis_height);
  cairo_fill (cr);

  cairo_save (cr);
  cairo_rectangle (cr, view->label_width, 0, view->width - view->label_width, view->axis_height);
  cairo_clip (cr);

  for (guint i = 0; i < layout->bands->len; i++)
    {
      const CohortsTimelineBand *band = &g_array_index (layout->bands, CohortsTimelineBand, i);
      double x = floor (band->x0) + 0.5;

      set_colour (cr, &p->style->grid);
      cairo_set_line_width (cr, 1.0);
      switch (band->kind)
        {
        case COHORTS_TIMELINE_BAND_YEAR:
          {
            g_autofree char *label = cohorts_calendar_academic_year_label (band->value);

            cairo_move_to (cr, x, 0);
            cairo_line_to (cr, x, view->axis_height);
            cairo_stroke (cr);
            set_colour (cr, &p->style->foreground);
            draw_band_label (p, band, p->bold, label, NULL, 0, tier);
          }
          break;

        case COHORTS_TIMELINE_BAND_TERM:
          cairo_move_to (cr, x, term_y);
          cairo_line_to (cr, x, view->axis_height);
          cairo_stroke (cr);
          set_colour_alpha (cr, &p->style->foreground, 0.8);
          draw_band_label (p, band, p->small, cohorts_calendar_term_name (band->value),
                           cohorts_calendar_term_short_name (band->value), term_y, tier);
          break;

        case COHORTS_TIMELINE_BAND_MONTH:
        default:
          cairo_move_to (cr, x, layout->months >= COHORTS_TIMELINE_MONTHS_INITIAL ? month_y : view->axis_height - 4);
          cairo_line_to (cr, x, view->axis_height);
          cairo_stroke (cr);
          /* The today pill stands in the month's place: no name under it. */
          if (layout->months >= COHORTS_TIMELINE_MONTHS_INITIAL &&
              !(band->x1 > today_x0 && band->x0 < today_x1))
            {
              const char *name = month_name (band->value);
              char initial[8] = { 0, };

              memcpy (initial, name, MIN (sizeof initial - 1, (gsize) (g_utf8_next_char (name) - name)));
              set_colour_alpha (cr, &p->style->foreground, 0.7);
              draw_band_label (p, band, p->small,
                               layout->months == COHORTS_TIMELINE_MONTHS_SHORT ? name : initial,
                               initial, month_y, tier);
            }
          break;
        }
    }
  cairo_restore (cr);

  /* The corner: what the rows are. */
  set_colour_alpha (cr, &p->style->foreground, 0.7);
  draw_text (p, p->small, _("Cohort and school"), PADDING, view->axis_height - tier,
             view->label_width - cohorts_timeline_columns_width (view->columns, view->row_height) - 2 * PADDING,
             tier, ALIGN_START);
  draw_columns (p, NULL, view->axis_height - tier, tier);

  set_colour (cr, &p->style->grid);
  cairo_set_line_width (cr, 1.0);
  cairo_move_to (cr, 0, floor (view->axis_height) - 0.5);
  cairo_line_to (cr, view->width, floor (view->axis_height) - 0.5);
  cairo_stroke (cr);
}

static void
draw_today (Painter *p,
            double   top,
            double   bottom)
{
  cairo_t *cr = p->cr;
  double x = p->layout->today_x;

  if (isnan (x))
    return;
  set_colour (cr, &p->style->today);
  cairo_set_line_width (cr, 2.0);
  cairo_move_to (cr, round (x), top);
  cairo_line_to (cr, round (x), bottom);
  cairo_stroke (cr);
}

static void
draw_today_label (Painter *p)
{
  cairo_t *cr = p->cr;
  const char *label = _("Today");
  double x = p->layout->today_x, width, height = MIN (18.0, p->view->axis_height / 3);

  if (isnan (x))
    return;
  width = today_label_width (p);
  rounded_rectangle (cr, round (x) - width / 2, p->view->axis_height - height - 1, width, height, 3);
  set_colour (cr, &p->style->today);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  draw_text (p, p->small, label, round (x) - width / 2, p->view->axis_height - height - 1, width, height, ALIGN_CENTRE);
}

/* Whether @row is wholly under the pinned group row (or above the rows
 * area), and so not to be drawn: on paper its hidden text would still be
 * read out by a PDF reader's search and copy. */
static gboolean
under_pinned (const Painter            *p,
              const CohortsTimelineRow *row)
{
  return p->layout->has_pinned && row->y <= p->layout->pinned.y;
}

/* The pinned group row, over the rows that scroll under it. */
static void
draw_pinned (Painter *p)
{
  const CohortsTimelineLayout *layout = p->layout;
  const CohortsTimelineView *view = p->view;
  const CohortsTimelineRow *row = &layout->pinned;
  cairo_t *cr = p->cr;

  if (!layout->has_pinned)
    return;

  set_colour (cr, &p->style->background);
  cairo_rectangle (cr, 0, row->y, view->width, view->row_height);
  cairo_fill (cr);
  draw_row_background (p, row);

  cairo_save (cr);
  cairo_rectangle (cr, view->label_width, row->y, view->width - view->label_width, view->row_height);
  cairo_clip (cr);
  draw_group_bar (p, row);
  cairo_restore (cr);

  cairo_save (cr);
  cairo_rectangle (cr, 0, row->y, view->label_width, view->row_height);
  cairo_clip (cr);
  set_colour (cr, &p->style->label_background);
  cairo_paint (cr);
  draw_row_background (p, row);
  draw_label (p, row);
  cairo_restore (cr);

  /* A shadow-like line under it: the rows go beneath. */
  set_colour (cr, &p->style->grid);
  cairo_set_line_width (cr, 1.0);
  cairo_move_to (cr, 0, floor (row->y + view->row_height) + 0.5);
  cairo_line_to (cr, view->width, floor (row->y + view->row_height) + 0.5);
  cairo_stroke (cr);
}

static void
draw_focus (Painter *p)
{
  const CohortsTimelineRow *row;
  cairo_t *cr = p->cr;

  if (p->state == NULL || p->state->focus_row == G_MAXUINT)
    return;
  row = cohorts_timeline_layout_get_row (p->layout, p->state->focus_row);
  if (row == NULL)
    return;

  set_colour (cr, &p->style->focus);
  cairo_set_line_width (cr, 2.0);
  cairo_rectangle (cr, 1, row->y + 1, p->view->width - 2, p->view->row_height - 2);
  cairo_stroke (cr);
}

static void
painter_init (Painter                     *p,
              cairo_t                     *cr,
              const CohortsTimelineLayout *layout,
              const CohortsTimelineStyle  *style,
              const CohortsTimelineState  *state)
{
  p->cr = cr;
  p->layout = layout;
  p->view = layout != NULL ? &layout->view : NULL;
  p->style = style;
  p->state = state;
  p->text = pango_cairo_create_layout (cr);
  p->font = style->font != NULL ? pango_font_description_copy (style->font)
                                : pango_font_description_from_string ("Sans 9");
  p->bold = pango_font_description_copy (p->font);
  pango_font_description_set_weight (p->bold, PANGO_WEIGHT_BOLD);
  p->small = pango_font_description_copy (p->font);
  pango_font_description_set_size (p->small, pango_font_description_get_size (p->font) * 0.9);
  if (pango_font_description_get_size_is_absolute (p->font))
    pango_font_description_set_absolute_size (p->small, pango_font_description_get_size (p->font) * 0.9);
  p->hatch = create_hatch (style);
}

static void
painter_clear (Painter *p)
{
  g_object_unref (p->text);
  pango_font_description_free (p->font);
  pango_font_description_free (p->bold);
  pango_font_description_free (p->small);
  cairo_pattern_destroy (p->hatch);
}

/**
 * cohorts_timeline_render:
 * @cr: where to draw, its origin at the chart's top left corner
 * @state: (nullable): selection, focus and dragging, or %NULL (on paper)
 *
 * Draws @layout: axis, names, bars, steps, the today line and the capacity
 * strip, in the layout's view's width and height.
 */
void
cohorts_timeline_render (cairo_t                     *cr,
                         const CohortsTimelineLayout *layout,
                         const CohortsTimelineStyle  *style,
                         const CohortsTimelineState  *state)
{
  const CohortsTimelineView *view = &layout->view;
  double top = view->axis_height;
  double bottom = view->height - view->strip_height;
  Painter p;

  g_return_if_fail (cr != NULL && layout != NULL && style != NULL);

  painter_init (&p, cr, layout, style, state);
  cairo_save (cr);

  set_colour (cr, &style->background);
  cairo_rectangle (cr, 0, 0, view->width, view->height);
  cairo_fill (cr);

  /* The rows: backgrounds across, then the time area, then the names. */
  cairo_save (cr);
  cairo_rectangle (cr, 0, top, view->width, bottom - top);
  cairo_clip (cr);

  for (guint i = 0; i < layout->rows->len; i++)
    if (!under_pinned (&p, &g_array_index (layout->rows, CohortsTimelineRow, i)))
      draw_row_background (&p, &g_array_index (layout->rows, CohortsTimelineRow, i));

  cairo_save (cr);
  cairo_rectangle (cr, view->label_width, top, view->width - view->label_width, bottom - top);
  cairo_clip (cr);
  draw_grid (&p, top, bottom);
  draw_today (&p, top, bottom);
  for (guint i = 0; i < layout->rows->len; i++)
    {
      const CohortsTimelineRow *row = &g_array_index (layout->rows, CohortsTimelineRow, i);

      if (under_pinned (&p, row))
        continue;
      if (row->kind == COHORTS_TIMELINE_ROW_GROUP)
        draw_group_bar (&p, row);
      else
        draw_school_bar (&p, row);
    }
  draw_drag (&p);
  cairo_restore (cr);

  cairo_rectangle (cr, 0, top, view->label_width, bottom - top);
  set_colour (cr, &style->label_background);
  cairo_fill (cr);
  cairo_rectangle (cr, 0, top, view->label_width, bottom - top);
  cairo_clip (cr);
  for (guint i = 0; i < layout->rows->len; i++)
    {
      const CohortsTimelineRow *row = &g_array_index (layout->rows, CohortsTimelineRow, i);

      if (under_pinned (&p, row))
        continue;
      draw_row_background (&p, row);
      draw_label (&p, row);
    }
  cairo_restore (cr);

  cairo_save (cr);
  cairo_rectangle (cr, 0, top, view->width, bottom - top);
  cairo_clip (cr);
  draw_pinned (&p);
  cairo_restore (cr);

  set_colour (cr, &style->grid);
  cairo_set_line_width (cr, 1.0);
  cairo_move_to (cr, floor (view->label_width) - 0.5, 0);
  cairo_line_to (cr, floor (view->label_width) - 0.5, view->height);
  cairo_stroke (cr);

  draw_axis (&p);
  if (view->strip_height > 0)
    cohorts_capacity_render_strip (cr, layout, style);

  cairo_save (cr);
  cairo_rectangle (cr, view->label_width, 0, view->width - view->label_width, view->height);
  cairo_clip (cr);
  draw_today (&p, view->axis_height - 4, view->axis_height);
  if (view->strip_height > 0)
    draw_today (&p, bottom, view->height);
  draw_today_label (&p);
  cairo_restore (cr);

  cairo_save (cr);
  cairo_rectangle (cr, 0, top, view->width, bottom - top);
  cairo_clip (cr);
  draw_focus (&p);
  cairo_restore (cr);

  cairo_restore (cr);
  painter_clear (&p);
}

/* The capacity strip -------------------------------------------------------- */

static void
short_of_support_path (cairo_t *cr,
                       double   x0,
                       double   x1,
                       double   y)
{
  if (x1 <= x0)
    return;
  cairo_move_to (cr, x0, y);
  cairo_line_to (cr, x1, y);
}

/* Dots, not a line: a shape of its own beside the today line's colour. */
static void
stroke_short_of_support (cairo_t                    *cr,
                         const CohortsTimelineStyle *style)
{
  static const double dots[] = { 0.01, 4.5 };

  cairo_save (cr);
  cairo_set_dash (cr, dots, G_N_ELEMENTS (dots), 0);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_width (cr, 3.0);
  set_colour (cr, &style->today);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/**
 * cohorts_capacity_render_strip:
 *
 * Draws the number of academies over time, and how many of them need
 * support, in the strip at the bottom of @layout's view, with the trust's
 * growth target as a dashed line.
 */
void
cohorts_capacity_render_strip (cairo_t                     *cr,
                               const CohortsTimelineLayout *layout,
                               const CohortsTimelineStyle  *style)
{
  const CohortsTimelineView *view = &layout->view;
  double top = view->height - view->strip_height;
  double plot_top = top + PADDING + 12, plot_bottom = view->height - PADDING;
  double scale;
  g_autofree char *max_label = NULL;
  Painter p;

  g_return_if_fail (cr != NULL && layout != NULL && style != NULL);

  if (view->strip_height <= 0)
    return;

  painter_init (&p, cr, layout, style, NULL);
  cairo_save (cr);

  set_colour (cr, &style->background);
  cairo_rectangle (cr, 0, top, view->width, view->strip_height);
  cairo_fill (cr);
  set_colour (cr, &style->label_background);
  cairo_rectangle (cr, 0, top, view->label_width, view->strip_height);
  cairo_fill (cr);

  scale = layout->max_academies > 0 ? (plot_bottom - plot_top) / layout->max_academies : 0;

  cairo_save (cr);
  cairo_rectangle (cr, view->label_width, top, view->width - view->label_width, view->strip_height);
  cairo_clip (cr);
  draw_grid (&p, top, view->height);

  /* Academies, then those that need support, as steps. */
  for (guint pass = 0; pass < 2; pass++)
    {
      for (guint i = 0; i < layout->steps->len; i++)
        {
          const CohortsTimelineStep *step = &g_array_index (layout->steps, CohortsTimelineStep, i);
          guint n = pass == 0 ? step->academies : step->vulnerable;
          double height = n * scale;

          if (n == 0)
            continue;
          cairo_rectangle (cr, clamp_x (step->x0), plot_bottom - height,
                           clamp_x (step->x1) - clamp_x (step->x0), height);
          if (pass == 0)
            set_colour_alpha (cr, &style->strip, 0.35);
          else
            set_colour (cr, &style->support);
          cairo_fill_preserve (cr);
          if (pass == 1)
            {
              cairo_set_source (cr, p.hatch);
              cairo_fill (cr);
            }
          cairo_new_path (cr);
        }

      /* The outline of the steps, where there are any. */
      cairo_new_path (cr);
      for (guint i = 0; i < layout->steps->len; i++)
        {
          const CohortsTimelineStep *step = &g_array_index (layout->steps, CohortsTimelineStep, i);
          guint n = pass == 0 ? step->academies : step->vulnerable;
          guint before = 0;
          double y = plot_bottom - n * scale;

          if (i > 0)
            {
              const CohortsTimelineStep *previous = step - 1;
              before = pass == 0 ? previous->academies : previous->vulnerable;
            }
          if (n == 0 && before == 0)
            continue;
          cairo_move_to (cr, clamp_x (step->x0), plot_bottom - before * scale);
          cairo_line_to (cr, clamp_x (step->x0), y);
          if (n > 0)
            cairo_line_to (cr, clamp_x (step->x1), y);
        }
      set_colour (cr, pass == 0 ? &style->strip : &style->support);
      cairo_set_line_width (cr, 1.5);
      cairo_stroke (cr);
    }

  /* The count where it changes, where there is room. */
  for (guint i = 0; i < layout->steps->len; i++)
    {
      const CohortsTimelineStep *step = &g_array_index (layout->steps, CohortsTimelineStep, i);
      g_autofree char *count = g_strdup_printf ("%u", step->academies);
      double width = measure (&p, p.small, count);

      if (step->academies == 0 || step->x1 - step->x0 < width + 2 * PADDING)
        continue;
      set_colour (cr, &style->foreground);
      draw_text (&p, p.small, count, MAX (step->x0, view->label_width) + 3,
                 plot_bottom - step->academies * scale - 14, width + 1, 14, ALIGN_START);
    }

  /* The growth target. */
  if (layout->target_min > 0 || layout->target_max > 0)
    {
      static const double dashes[] = { 5.0, 3.0 };

      cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
      set_colour_alpha (cr, &style->foreground, 0.6);
      cairo_set_line_width (cr, 1.0);
      for (guint i = 0; i < 2; i++)
        {
          guint target = i == 0 ? layout->target_min : layout->target_max;
          double y = floor (plot_bottom - target * scale) + 0.5;

          if (target == 0)
            continue;
          cairo_move_to (cr, view->label_width, y);
          cairo_line_to (cr, view->width, y);
        }
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }

  /* Too few strong academies for those that need support (the trust's
   * ratio): a dotted line under those stretches of time. */
  if (layout->support_ratio > 0)
    {
      for (guint i = 0; i < layout->steps->len; i++)
        {
          const CohortsTimelineStep *step = &g_array_index (layout->steps, CohortsTimelineStep, i);

          if (step->vulnerable > 0 && step->strong < layout->support_ratio * step->vulnerable)
            short_of_support_path (cr, clamp_x (step->x0) + 2, clamp_x (step->x1) - 2, view->height - PADDING / 2);
        }
      stroke_short_of_support (cr, style);
    }
  cairo_restore (cr);

  /* Its names, in the names' column. */
  set_colour (cr, &style->foreground);
  draw_text (&p, p.bold, _("Academies"), PADDING, top + PADDING, view->label_width - 2 * PADDING, 16, ALIGN_START);
  set_colour_alpha (cr, &style->foreground, 0.7);
  if (layout->target_min > 0 && layout->target_max > 0 && layout->target_min != layout->target_max)
    /* Translators: the growth target beside the capacity strip; the dashed lines */
    max_label = g_strdup_printf (_("Target %u–%u (dashed)"), layout->target_min, layout->target_max);
  else if (layout->target_min > 0 || layout->target_max > 0)
    max_label = g_strdup_printf (_("Target %u (dashed)"), MAX (layout->target_min, layout->target_max));
  if (max_label != NULL)
    draw_text (&p, p.small, max_label, PADDING, top + PADDING + 16, view->label_width - 2 * PADDING, 16, ALIGN_START);
  draw_text (&p, p.small, _("Hatched: need support"), PADDING, top + PADDING + (max_label != NULL ? 32 : 16),
             view->label_width - 2 * PADDING, 16, ALIGN_START);

  set_colour (cr, &style->grid);
  cairo_set_line_width (cr, 1.0);
  cairo_move_to (cr, 0, floor (top) + 0.5);
  cairo_line_to (cr, view->width, floor (top) + 0.5);
  cairo_move_to (cr, floor (view->label_width) - 0.5, top);
  cairo_line_to (cr, floor (view->label_width) - 0.5, view->height);
  cairo_stroke (cr);

  cairo_restore (cr);
  painter_clear (&p);
}

/* The legend ---------------------------------------------------------------- */

typedef enum
{
  KEY_BAR,
  KEY_CHURCH,
  KEY_SUPPORT,
  KEY_SCHEDULED,
  KEY_PLANNED,
  KEY_DONE,
  KEY_OVERDUE,
  KEY_REQUESTED,
  KEY_REFUSED,
  KEY_CONVERSION,
  KEY_OWN_CONVERSION,
  KEY_CONVERTED,
  KEY_TODAY,
  KEY_SHORT_OF_SUPPORT,
  KEY_READINESS,          /* one key for the four ratings */
  KEY_BASELINE,           /* only when a baseline is shown */
  N_KEYS
} Key;

/* The ratings in the legend, the best first. */
static const CohortsRag legend_rags[] = {
  COHORTS_RAG_GREEN, COHORTS_RAG_AMBER, COHORTS_RAG_RED, COHORTS_RAG_NOT_ASSESSED,
};

static const char *
key_label (Key key)
{
  switch (key)
    {
    case KEY_BAR: return _("Conversion steps");
    case KEY_CHURCH: return _("Church school");
    case KEY_SUPPORT: return _("Needs support");
    case KEY_SCHEDULED: return _("Step as scheduled");
    case KEY_PLANNED: return _("Step with its own date");
    case KEY_DONE: return _("Step done");
    case KEY_OVERDUE: return _("Overdue");
    /* Translators: in the timeline's legend: when a church school asked the diocesan board or the
     * site trustees for their consent, not yet decided */
    case KEY_REQUESTED: return _("Consent requested");
    case KEY_REFUSED: return _("Consent refused");
    case KEY_CONVERSION: return _("Conversion with its cohort");
    case KEY_OWN_CONVERSION: return _("Conversion on its own date");
    case KEY_CONVERTED: return _("Converted");
    case KEY_TODAY: return _("Today");
    /* Translators: the dotted line under the capacity strip where the trust's strong academies are
     * too few for those that need support */
    case KEY_SHORT_OF_SUPPORT: return _("Too few strong academies for those needing support");
    /* Translators: in the timeline's legend, before the readiness marks and their ratings
     * ("Green", "Amber", "Red", "Not assessed") */
    case KEY_READINESS: return _("Readiness:");
    /* Translators: in the timeline's legend, the thin grey bar of a school's conversion in the baseline
     * shown */
    case KEY_BASELINE: return _("Baseline");
    case N_KEYS:
    default:
      return "";
    }
}

static void
draw_key (Painter *p,
          Key      key,
          double   x,
          double   y,
          double   size)
{
  cairo_t *cr = p->cr;
  double middle = y + size / 2, r = size * 0.3;
  CohortsTimelineMarker marker = { 0, };

  marker.x = x + size / 2;
  switch (key)
    {
    case KEY_BAR:
    case KEY_SUPPORT:
      rounded_rectangle (cr, x, middle - size * 0.2, size * 1.6, size * 0.4, 2);
      set_colour (cr, &p->style->bar);
      cairo_fill_preserve (cr);
      if (key == KEY_SUPPORT)
        {
          cairo_set_source (cr, p->hatch);
          cairo_fill_preserve (cr);
        }
      set_colour_alpha (cr, &p->style->foreground, 0.5);
      cairo_set_line_width (cr, 1.0);
      cairo_stroke (cr);
      if (key == KEY_SUPPORT)
        draw_warning (p, x + size * 1.8, y + size * 0.1, size * 0.8);
      break;
    case KEY_CHURCH:
      rounded_rectangle (cr, x, middle - size * 0.2, size * 1.6, size * 0.4, 2);
      set_colour (cr, &p->style->church);
      cairo_fill (cr);
      draw_cross (p, x + size * 1.8, y + size * 0.1, size * 0.8);
      break;
    case KEY_SCHEDULED:
    case KEY_PLANNED:
    case KEY_DONE:
    case KEY_OVERDUE:
      marker.state = key == KEY_PLANNED ? COHORTS_MILESTONE_PLANNED
                     : key == KEY_DONE ? COHORTS_MILESTONE_DONE : COHORTS_MILESTONE_SCHEDULED;
      marker.overdue = key == KEY_OVERDUE;
      draw_marker (p, &marker, middle, r);
      break;
    case KEY_REQUESTED:
      draw_request (p, x + size / 2, middle, r);
      break;
    case KEY_REFUSED:
      draw_refusal (p, x + size / 2, middle, r);
      break;
    case KEY_CONVERSION:
      draw_conversion (p, x + size / 2, middle, size * 0.4, 0);
      break;
    case KEY_OWN_CONVERSION:
      draw_conversion (p, x + size / 2, middle, size * 0.4, COHORTS_TIMELINE_OWN_DATE);
      break;
    case KEY_CONVERTED:
      draw_conversion (p, x + size / 2, middle, size * 0.4, COHORTS_TIMELINE_CONVERTED);
      break;
    case KEY_TODAY:
      set_colour (cr, &p->style->today);
      cairo_set_line_width (cr, 2.0);
      cairo_move_to (cr, x + size / 2, y);
      cairo_line_to (cr, x + size / 2, y + size);
      cairo_stroke (cr);
      break;
    case KEY_SHORT_OF_SUPPORT:
      short_of_support_path (cr, x + 1.5, x + size * 1.6, middle);
      stroke_short_of_support (cr, p->style);
      break;
    case KEY_BASELINE:
      draw_baseline (p, x, x + size * 1.6, y, size);
      break;
    case KEY_READINESS:  /* drawn by the legend itself */
    case N_KEYS:
    default:
      break;
    }
}

/**
 * cohorts_timeline_render_legend:
 * @cr: (nullable): where to draw, or %NULL only to measure
 * @width: how wide the legend may be
 *
 * Draws what the chart's marks mean, in as many lines as @width needs.
 *
 * Returns: how tall the legend is
 */
double
cohorts_timeline_render_legend (cairo_t                    *cr,
                                const CohortsTimelineStyle *style,
                                double                      width)
{
  return cohorts_timeline_render_legend_full (cr, style, width, FALSE);
}

/**
 * cohorts_timeline_render_legend_full:
 * @baseline: whether the chart shows a baseline, and so the legend its mark
 *
 * As cohorts_timeline_render_legend().
 *
 * Returns: how tall the legend is
 */
double
cohorts_timeline_render_legend_full (cairo_t                    *cr,
                                     const CohortsTimelineStyle *style,
                                     double                      width,
                                     gboolean                    baseline)
{
  cairo_surface_t *scratch = NULL;
  double x = PADDING, y = PADDING, size = 16, line = 22;
  Painter p;

  g_return_val_if_fail (style != NULL, 0);

  if (cr == NULL)
    {
      scratch = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
      cr = cairo_create (scratch);
    }

  painter_init (&p, cr, NULL, style, NULL);

  /* Lay it out once to know how tall it is, then again to draw. */
  for (guint pass = scratch != NULL ? 1 : 0; pass < 2; pass++)
    {
      gboolean draw = pass == 1 && scratch == NULL;

      if (draw)
        {
          set_colour (cr, &style->background);
          cairo_rectangle (cr, 0, 0, width, y + line + PADDING);
          cairo_fill (cr);
        }
      x = y = PADDING;

      for (Key key = 0; key < N_KEYS; key++)
        {
          const char *label = key_label (key);
          double symbol, item;

          if (key == KEY_BASELINE && !baseline)
            continue;
          symbol = key == KEY_BAR || key == KEY_SHORT_OF_SUPPORT || key == KEY_BASELINE ? size * 1.6
                   : key == KEY_CHURCH || key == KEY_SUPPORT ? size * 2.6 : size;
          item = symbol + 4 + measure (&p, p.font, label) + 3 * PADDING;

          /* Readiness: its label first, then each rating's mark and name,
           * kept on one line. */
          if (key == KEY_READINESS)
            {
              double label_width = measure (&p, p.font, label);
              double rags_width = 0;

              for (guint i = 0; i < G_N_ELEMENTS (legend_rags); i++)
                rags_width += size + 4 + measure (&p, p.font, cohorts_rag_get_name (legend_rags[i])) + PADDING;
              item = label_width + PADDING + rags_width + 2 * PADDING;
              if (x > PADDING && x + item > width)
                {
                  x = PADDING;
                  y += line;
                }
              if (draw)
                {
                  double kx = x + label_width + PADDING;

                  set_colour (cr, &style->foreground);
                  draw_text (&p, p.font, label, x, y, label_width + 1, line, ALIGN_START);
                  for (guint i = 0; i < G_N_ELEMENTS (legend_rags); i++)
                    {
                      const char *name = cohorts_rag_get_name (legend_rags[i]);
                      double name_width = measure (&p, p.font, name);
                      double mark = round (size * 0.75);

                      cohorts_timeline_render_readiness (cr, style, legend_rags[i], kx + (size - mark) / 2,
                                                         y + (line - mark) / 2, mark);
                      set_colour (cr, &style->foreground);
                      draw_text (&p, p.font, name, kx + size + 4, y, name_width + 1, line, ALIGN_START);
                      kx += size + 4 + name_width + PADDING;
                    }
                }
              x += item;
              continue;
            }

          if (x > PADDING && x + item > width)
            {
              x = PADDING;
              y += line;
            }
          if (draw)
            {
              draw_key (&p, key, x, y + (line - size) / 2, size);
              set_colour (cr, &style->foreground);
              draw_text (&p, p.font, label, x + symbol + 4, y, item - symbol - 4, line, ALIGN_START);
            }
          x += item;
        }
    }
  painter_clear (&p);

  if (scratch != NULL)
    {
      cairo_destroy (cr);
      cairo_surface_destroy (scratch);
    }
  return y + line + PADDING;
}
