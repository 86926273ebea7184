/* cohorts-church-share-chart.c: the church's share of the trust over time, as a chart
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Church academies as a share of all the trust's academies, month by month
 * as cohorts_capacity_church_share() follows them: a step line from 0 to
 * 100%, the diocese's minimum as a dashed line, and the months below it
 * hatched (hatching, not only colour, so that it survives a greyscale
 * printer). The same drawing serves the diocese summary on screen and in
 * the diocesan summary PDF.
 */
#define G_LOG_DOMAIN "cohorts-chart"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "cohorts-calendar.h"
#include "cohorts-church-share-chart.h"

static void
chart_text (cairo_t     *cr,
            PangoLayout *layout,
            const char  *text,
            double       x,
            double       y,
            double       x_align,
            double       y_align)
{
  int width, height;

  pango_layout_set_text (layout, text, -1);
  pango_layout_get_size (layout, &width, &height);
  cairo_move_to (cr, x - x_align * pango_units_to_double (width), y - y_align * pango_units_to_double (height));
  pango_cairo_show_layout (cr, layout);
}

/* "25%", "33.3%" from hundredths of a percent. */
static char *
format_share (guint hundredths)
{
  g_autofree char *number = NULL;

  if (hundredths % 100 == 0)
    number = g_strdup_printf ("%u", hundredths / 100);
  else
    number = g_strdup_printf ("%u.%u", hundredths / 100, hundredths % 100 / 10);
  /* Translators: a percentage: "25%" */
  return g_strdup_printf (_("%s%%"), number);
}

static void
set_rgba (cairo_t           *cr,
          const CohortsRgba *colour,
          double             alpha)
{
  cairo_set_source_rgba (cr, colour->red, colour->green, colour->blue, alpha);
}

/**
 * cohorts_church_share_render_chart:
 * @shares: (array length=n_shares): the share month by month, in date order
 * @minimum: the trust's church share minimum in hundredths of a percent, or
 *   0 (or less) for none
 * @width: the chart's width, from (0, 0)
 * @height: its height
 *
 * Draws the church share of the trust over time, its minimum and the
 * months below it, with the academic years along the bottom.
 */
void
cohorts_church_share_render_chart (cairo_t                    *cr,
                                   const CohortsChurchShare   *shares,
                                   guint                       n_shares,
                                   int                         minimum,
                                   const CohortsTimelineStyle *style,
                                   double                      width,
                                   double                      height)
{
  g_autoptr(PangoFontDescription) font = NULL;
  g_autoptr(PangoLayout) layout = NULL;
  static const double dashes[] = { 5.0, 3.0 };
  double left = 38, right = width - 6, top = 30, bottom = height - 20;
  double day_width, label_end = -1;
  CohortsDate from, to;
  int first_year, last_year;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (shares != NULL || n_shares == 0);
  g_return_if_fail (style != NULL);

  font = style->font != NULL ? pango_font_description_copy (style->font)
                             : pango_font_description_from_string ("Sans 8.5");
  layout = pango_cairo_create_layout (cr);
  pango_cairo_context_set_resolution (pango_layout_get_context (layout), 72.0);
  pango_layout_context_changed (layout);
  pango_layout_set_font_description (layout, font);

  if (n_shares > 0)
    {
      first_year = cohorts_calendar_academic_year (shares[0].month);
      last_year = cohorts_calendar_academic_year (shares[n_shares - 1].month);
    }
  else
    first_year = last_year = cohorts_calendar_academic_year (cohorts_date_today ());
  from = cohorts_calendar_academic_year_start (first_year);
  to = cohorts_calendar_academic_year_start (last_year + 1);
  day_width = (right - left) / (double) (to - from);

  cairo_save (cr);
  cairo_set_line_width (cr, 0.5);

  /* The scale: 0 to 100% in quarters */
  for (guint q = 0; q <= 4; q++)
    {
      g_autofree char *label = format_share (q * 2500);
      double y = bottom - (bottom - top) * q / 4.0;

      set_rgba (cr, &style->grid, style->grid.alpha);
      cairo_move_to (cr, left, y);
      cairo_line_to (cr, right, y);
      cairo_stroke (cr);
      set_rgba (cr, &style->foreground, 0.8);
      chart_text (cr, layout, label, left - 4, y, 1.0, 0.5);
    }

  /* The academic years along the bottom */
  for (int year = first_year; year <= last_year + 1; year++)
    {
      double x = left + ((double) cohorts_calendar_academic_year_start (year) - from) * day_width;

      set_rgba (cr, &style->grid, style->grid.alpha);
      cairo_move_to (cr, x, top);
      cairo_line_to (cr, x, bottom + 4);
      cairo_stroke (cr);
      if (year <= last_year)
        {
          g_autofree char *label = cohorts_calendar_academic_year_label (year);
          double next = left + ((double) cohorts_calendar_academic_year_start (year + 1) - from) * day_width;

          set_rgba (cr, &style->foreground, 0.8);
          if (next - x > 40 || (year - first_year) % (int) (40 / (next - x) + 1) == 0)
            chart_text (cr, layout, label, (x + next) / 2, bottom + 4, 0.5, 0.0);
        }
    }

  /* The months below the minimum, hatched from top to bottom */
  cairo_save (cr);
  for (guint i = 0; i < n_shares; i++)
    {
      double x0 = left + ((double) shares[i].month - from) * day_width;
      double x1 = i + 1 < n_shares ? left + ((double) shares[i + 1].month - from) * day_width : right;

      if (shares[i].below && x1 > x0)
        cairo_rectangle (cr, x0, top, x1 - x0, bottom - top);
    }
  cairo_clip (cr);
  set_rgba (cr, &style->support, 0.12);
  cairo_paint (cr);
  set_rgba (cr, &style->support, 0.9);
  cairo_set_line_width (cr, 1.0);
  for (double x = left - (bottom - top); x < right; x += 6)
    {
      cairo_move_to (cr, x, bottom);
      cairo_line_to (cr, x + (bottom - top), top);
    }
  cairo_stroke (cr);
  cairo_restore (cr);

  /* The minimum */
  if (minimum > 0)
    {
      double y = bottom - (bottom - top) * MIN (minimum, 10000) / 10000.0;

      set_rgba (cr, &style->foreground, 1.0);
      cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
      cairo_set_line_width (cr, 1.2);
      cairo_move_to (cr, left, y);
      cairo_line_to (cr, right, y);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }

  /* The share, as steps, and its value where it changes */
  set_rgba (cr, &style->church, 1.0);
  cairo_set_line_width (cr, 2.0);
  for (guint i = 0; i < n_shares; i++)
    {
      double x0 = left + ((double) shares[i].month - from) * day_width;
      double x1 = i + 1 < n_shares ? left + ((double) shares[i + 1].month - from) * day_width : right;
      double y = bottom - (bottom - top) * shares[i].church / MAX (shares[i].academies, 1u);

      if (i == 0)
        cairo_move_to (cr, x0, y);
      else
        cairo_line_to (cr, x0, y);
      cairo_line_to (cr, x1, y);
    }
  cairo_stroke (cr);

  set_rgba (cr, &style->foreground, 1.0);
  for (guint i = 0; i < n_shares; i++)
    {
      double x0 = left + ((double) shares[i].month - from) * day_width;
      guint hundredths = (guint) ((guint64) shares[i].church * 10000 / MAX (shares[i].academies, 1u));
      double y = bottom - (bottom - top) * hundredths / 10000.0;
      g_autofree char *share = format_share (hundredths);
      /* Translators: a step of the church share chart: "33.3% (2 of 6)" */
      g_autofree char *label = g_strdup_printf (_("%s (%u of %u)"), share, shares[i].church, shares[i].academies);
      int text_width;

      pango_layout_set_text (layout, label, -1);
      pango_layout_get_size (layout, &text_width, NULL);
      /* Only where it does not run into the one before. */
      if (x0 + 2 < label_end)
        continue;
      chart_text (cr, layout, label, x0 + 2, y < top + 14 ? y + 3 : y - 2, 0.0, y < top + 14 ? 0.0 : 1.0);
      label_end = x0 + 2 + pango_units_to_double (text_width) + 6;
    }

  /* The axes, and what the marks are */
  cairo_set_line_width (cr, 1.0);
  cairo_move_to (cr, left, top);
  cairo_line_to (cr, left, bottom);
  cairo_line_to (cr, right, bottom);
  cairo_stroke (cr);
  /* The key wraps above the plot when narrow. */
  pango_layout_set_width (layout, pango_units_from_double (MAX (right - left, 1.0)));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  if (minimum > 0)
    {
      g_autofree char *share = format_share ((guint) minimum);
      /* Translators: the church share chart's key: "…; dashed: the minimum, 25%; hatched: months below it" */
      g_autofree char *key = g_strdup_printf (_("Church academies as a share of the trust’s academies; dashed: the "
                                                "minimum, %s; hatched: months below it"),
                                              share);

      chart_text (cr, layout, key, left, 0, 0.0, 0.0);
    }
  else
    chart_text (cr, layout, _("Church academies as a share of the trust’s academies (the trust sets no minimum)"),
                left, 0, 0.0, 0.0);

  cairo_restore (cr);
}
