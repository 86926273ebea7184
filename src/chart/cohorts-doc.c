/* cohorts-doc.c: a small flowing-document writer for PDF reports
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The board pack's writer, shared with the diocesan summary: a cursor that
 * moves down the page, blocks that start a new page when they do not fit,
 * text laid out by pango (so it is real, selectable text in the PDF) and
 * tables whose header row comes back on every page they continue on. A
 * document is written twice, once only measuring (nothing drawn, so cheap)
 * to count the pages for "Page N of M", then for real; both passes measure
 * on a PDF surface with the same font options, so they break pages in the
 * same places.
 */
#define G_LOG_DOMAIN "cohorts-doc"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>

#include "cohorts-checks.h"
#include "cohorts-doc-private.h"

static const char *const font_names[N_FONTS] = {
  [FONT_BODY] = "Sans 10",
  [FONT_BOLD] = "Sans Bold 10",
  [FONT_ITALIC] = "Sans Italic 10",
  [FONT_SMALL] = "Sans 8",
  [FONT_SMALL_BOLD] = "Sans Bold 8",
  [FONT_CELL] = "Sans 8.5",
  [FONT_CELL_BOLD] = "Sans Bold 8.5",
  [FONT_HEADING] = "Sans Bold 12.5",
  [FONT_SECTION] = "Sans Bold 18",
  [FONT_TITLE] = "Sans Bold 28",
  [FONT_SUBTITLE] = "Sans 16",
};

/* A layout in points: a font of 10 points is 10 units high, as on paper
 * (pango's own default is 96 dots an inch). */
PangoLayout *
doc_create_layout (cairo_t *cr)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);

  pango_cairo_context_set_resolution (pango_layout_get_context (layout), 72.0);
  pango_layout_context_changed (layout);
  return layout;
}

/* The document writer ------------------------------------------------------ */

/* Lays out @text in @font, @width wide, and returns its height; draws it at
 * (@x, @y) when drawing. Text that does not wrap is one line, cut short with
 * an ellipsis, and measures one line in both passes without pango. */
double
doc_text (Doc           *doc,
          Font           font,
          const char    *text,
          double         x,
          double         y,
          double         width,
          gboolean       wrap,
          PangoAlignment alignment)
{
  int height;

  if (!wrap && !doc_drawing (doc))
    return doc->line_height[font];

  pango_layout_set_font_description (doc->layout, doc->fonts[font]);
  pango_layout_set_width (doc->layout, pango_units_from_double (MAX (width, 1.0)));
  pango_layout_set_ellipsize (doc->layout, wrap ? PANGO_ELLIPSIZE_NONE : PANGO_ELLIPSIZE_END);
  pango_layout_set_alignment (doc->layout, alignment);
  pango_layout_set_text (doc->layout, text, -1);
  pango_layout_get_size (doc->layout, NULL, &height);

  if (doc_drawing (doc))
    {
      cairo_move_to (doc->cr, x, y);
      pango_cairo_show_layout (doc->cr, doc->layout);
    }

  return wrap ? pango_units_to_double (height) : doc->line_height[font];
}

static void
doc_draw_footer (Doc *doc)
{
  g_autofree char *page = NULL;
  double y = doc->page_height - MARGIN - doc->line_height[FONT_SMALL];
  double third = doc_width (doc) / 3;

  cairo_save (doc->cr);
  set_colour (doc->cr, &rule);
  cairo_set_line_width (doc->cr, 0.5);
  cairo_move_to (doc->cr, MARGIN, y - 6);
  cairo_line_to (doc->cr, doc->page_width - MARGIN, y - 6);
  cairo_stroke (doc->cr);

  set_colour (doc->cr, &quiet_ink);
  /* Translators: at the foot of every page of the board pack */
  page = g_strdup_printf (_("Page %u of %u"), doc->page, doc->n_pages);
  doc_text (doc, FONT_SMALL, doc->title, MARGIN, y, third * 1.4 - SPACE, FALSE, PANGO_ALIGN_LEFT);
  if (doc->edition != NULL)
    doc_text (doc, FONT_SMALL, doc->edition, MARGIN + third * 1.4, y, third * 0.9, FALSE, PANGO_ALIGN_CENTER);
  doc_text (doc, FONT_SMALL, page, MARGIN + third * 2.3, y, third * 0.7, FALSE, PANGO_ALIGN_RIGHT);
  cairo_restore (doc->cr);
}

/* Finishes the page being written: its footer, then on to the next. The
 * cancellable is looked at here, between pages. */
void
doc_end_page (Doc *doc)
{
  if (!doc->page_open)
    return;
  doc->page_open = FALSE;

  if (doc_drawing (doc))
    {
      if (doc->footer)
        doc_draw_footer (doc);
      cairo_show_page (doc->cr);
      if (doc->progress != NULL)
        doc->progress (doc->page, doc->n_pages, doc->user_data);
    }

  if (g_cancellable_is_cancelled (doc->cancellable))
    doc->cancelled = TRUE;
}

/* Starts a page; returns FALSE when the export was cancelled. */
gboolean
doc_begin_page (Doc      *doc,
                gboolean  landscape,
                gboolean  footer)
{
  doc_end_page (doc);
  if (doc->cancelled)
    return FALSE;

  doc->page++;
  doc->page_open = TRUE;
  doc->footer = footer;
  cohorts_paper_get_size (doc->paper_size, landscape ? COHORTS_PAPER_LANDSCAPE : COHORTS_PAPER_PORTRAIT,
                          &doc->page_width, &doc->page_height);
  doc->top = doc->y = MARGIN;
  doc->bottom = doc->page_height - MARGIN - FOOTER_HEIGHT;
  if (doc_drawing (doc))
    {
      cairo_pdf_surface_set_size (doc->surface, doc->page_width, doc->page_height);
      set_colour (doc->cr, &ink);
    }
  return TRUE;
}

/* A named place in the PDF's outline (its bookmarks), at the current page. */
void
doc_outline (Doc        *doc,
             const char *name)
{
  g_autofree char *link = NULL;

  if (!doc_drawing (doc))
    return;
  link = g_strdup_printf ("page=%u pos=[%g %g]", doc->page, MARGIN, doc->y);
  cairo_pdf_surface_add_outline (doc->surface, CAIRO_PDF_OUTLINE_ROOT, name, link, 0);
}


/* The height of @text in @font, wrapped @width wide. */
double
doc_measure (Doc        *doc,
             Font        font,
             const char *text,
             double      width)
{
  int height;

  pango_layout_set_font_description (doc->layout, doc->fonts[font]);
  pango_layout_set_width (doc->layout, pango_units_from_double (MAX (width, 1.0)));
  pango_layout_set_ellipsize (doc->layout, PANGO_ELLIPSIZE_NONE);
  pango_layout_set_text (doc->layout, text, -1);
  pango_layout_get_size (doc->layout, NULL, &height);
  return pango_units_to_double (height);
}

/* Makes room for @height more on this page: when it does not fit, goes on
 * to a new portrait page, which says what it continues. Returns TRUE when it
 * started a new page. A block taller than a page starts at the top of one. */
gboolean
doc_ensure (Doc    *doc,
            double  height)
{
  if (doc->y + height <= doc->bottom || doc->y <= doc->top + 0.5)
    return FALSE;
  if (!doc_begin_page (doc, FALSE, TRUE))
    return TRUE;

  if (doc->running_head != NULL)
    {
      /* Translators: the heading of a page that continues a section or a table */
      g_autofree char *head = g_strdup_printf (_("%s (continued)"), doc->running_head);

      set_colour (doc->cr, &quiet_ink);
      doc->y += doc_text (doc, FONT_HEADING, head, MARGIN, doc->y, doc_width (doc), FALSE, PANGO_ALIGN_LEFT);
      set_colour (doc->cr, &ink);
      doc->y += SPACE;
    }
  doc->top = doc->y;
  return TRUE;
}

/* Writes a block of text across the page at the cursor, and moves on. */
void
doc_paragraph (Doc        *doc,
               Font        font,
               const char *text,
               double      indent,
               double      space_after)
{
  double width = doc_width (doc) - indent;

  doc_ensure (doc, doc_measure (doc, font, text, width));
  if (doc->cancelled)
    return;
  doc->y += doc_text (doc, font, text, MARGIN + indent, doc->y, width, TRUE, PANGO_ALIGN_LEFT);
  doc->y += space_after;
}

/* Writes a block of text already measured, @height high, at the cursor:
 * while counting pages only the cursor moves. */
void
doc_measured_paragraph (Doc        *doc,
                        Font        font,
                        const char *text,
                        double      indent,
                        double      height,
                        double      space_after)
{
  if (doc_drawing (doc))
    doc_text (doc, font, text, MARGIN + indent, doc->y, doc_width (doc) - indent, TRUE, PANGO_ALIGN_LEFT);
  doc->y += height + space_after;
}

/* A heading, kept on the same page as the @keep points that follow it. */
void
doc_heading (Doc        *doc,
             Font        font,
             const char *text,
             double      keep)
{
  double height = doc_measure (doc, font, text, doc_width (doc));

  if (doc->y > doc->top)
    doc->y += SPACE;
  doc_ensure (doc, height + SPACE / 2 + keep);
  if (doc->cancelled)
    return;
  doc->y += doc_text (doc, font, text, MARGIN, doc->y, doc_width (doc), TRUE, PANGO_ALIGN_LEFT);
  doc->y += SPACE / 2;
}

/* A section: a new portrait page with its title, in the PDF's outline. */
gboolean
doc_section (Doc        *doc,
             const char *title)
{
  if (!doc_begin_page (doc, FALSE, TRUE))
    return FALSE;
  doc->running_head = title;
  doc_outline (doc, title);
  doc->y += doc_text (doc, FONT_SECTION, title, MARGIN, doc->y, doc_width (doc), TRUE, PANGO_ALIGN_LEFT);
  doc->y += SPACE * 1.5;
  return TRUE;
}

/* Tables ---------------------------------------------------------------------- */

/* Columns are declared with N_() titles; a table shows them translated. */
void
table_translate (Column       *translated,
                 const Column *columns,
                 guint         n_columns)
{
  for (guint i = 0; i < n_columns; i++)
    {
      translated[i] = columns[i];
      translated[i].title = _(columns[i].title);
    }
}

static Font
row_font (RowKind kind)
{
  switch (kind)
    {
    case ROW_HEADER:
      return FONT_SMALL_BOLD;
    case ROW_TOTAL:
      return FONT_CELL_BOLD;
    case ROW_BODY:
    default:
      return FONT_CELL;
    }
}

static double
cell_width (Doc          *doc,
            const Column *column)
{
  return column->share * doc_width (doc) - 2 * CELL_PADDING;
}

double
table_row_height (Doc               *doc,
                  const Table       *table,
                  const char *const *cells,
                  RowKind            kind)
{
  Font font = row_font (kind);
  double height = doc->line_height[font];

  for (guint i = 0; i < table->n_columns; i++)
    if (kind == ROW_HEADER || table->columns[i].wrap)
      height = MAX (height, doc_measure (doc, font, cells[i], cell_width (doc, &table->columns[i])));

  return height + 2 * CELL_PADDING;
}

void
table_draw_row (Doc               *doc,
                const Table       *table,
                const char *const *cells,
                RowKind            kind,
                double             height)
{
  cairo_t *cr = doc->cr;
  Font font = row_font (kind);
  double x = MARGIN;

  if (doc_drawing (doc))
    {
      if (kind == ROW_HEADER)
        {
          set_colour (cr, &header_fill);
          cairo_rectangle (cr, MARGIN, doc->y, doc_width (doc), height);
          cairo_fill (cr);
        }
      set_colour (cr, kind == ROW_BODY ? &rule : &quiet_ink);
      cairo_set_line_width (cr, kind == ROW_BODY ? 0.5 : 0.8);
      cairo_move_to (cr, MARGIN, (kind == ROW_TOTAL ? doc->y : doc->y + height));
      cairo_rel_line_to (cr, doc_width (doc), 0);
      cairo_stroke (cr);
      set_colour (cr, &ink);

      for (guint i = 0; i < table->n_columns; i++)
        {
          const Column *column = &table->columns[i];

          doc_text (doc, font, cells[i], x + CELL_PADDING, doc->y + CELL_PADDING, cell_width (doc, column),
                    kind == ROW_HEADER || column->wrap,
                    column->numeric ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
          x += column->share * doc_width (doc);
        }
    }

  doc->y += height;
}

void
table_header (Doc         *doc,
              const Table *table)
{
  const char *titles[16];

  g_assert (table->n_columns <= G_N_ELEMENTS (titles));
  for (guint i = 0; i < table->n_columns; i++)
    titles[i] = table->columns[i].title;
  table_draw_row (doc, table, titles, ROW_HEADER, table_row_height (doc, table, titles, ROW_HEADER));
}

/* A row, on a new page under the header again when it does not fit. */
void
table_row (Doc               *doc,
           const Table       *table,
           const char *const *cells,
           RowKind            kind)
{
  double height = table_row_height (doc, table, cells, kind);

  if (doc_ensure (doc, height))
    {
      if (doc->cancelled)
        return;
      table_header (doc, table);
    }
  table_draw_row (doc, table, cells, kind, height);
}


void
doc_init (Doc             *doc,
          cairo_surface_t *surface,
          gboolean         drawing)
{
  doc->surface = drawing ? surface : NULL;
  doc->cr = cairo_create (surface);
  doc->layout = doc_create_layout (doc->cr);
  pango_layout_set_wrap (doc->layout, PANGO_WRAP_WORD_CHAR);
  for (guint i = 0; i < N_FONTS; i++)
    {
      int height;

      doc->fonts[i] = pango_font_description_from_string (font_names[i]);
      pango_layout_set_font_description (doc->layout, doc->fonts[i]);
      pango_layout_set_text (doc->layout, "Hg", -1);
      pango_layout_get_size (doc->layout, NULL, &height);
      doc->line_height[i] = pango_units_to_double (height);
    }
  doc->page = 0;
  doc->page_open = FALSE;
  doc->running_head = NULL;
  doc->cancelled = g_cancellable_is_cancelled (doc->cancellable);
}

void
doc_clear (Doc *doc)
{
  for (guint i = 0; i < N_FONTS; i++)
    g_clear_pointer (&doc->fonts[i], pango_font_description_free);
  g_clear_object (&doc->layout);
  g_clear_pointer (&doc->cr, cairo_destroy);
  doc->surface = NULL;
}

static int
compare_severity (gconstpointer a,
                  gconstpointer b)
{
  const CohortsFinding *fa = *(const CohortsFinding *const *) a;
  const CohortsFinding *fb = *(const CohortsFinding *const *) b;

  return (int) fb->severity - (int) fa->severity;
}

/* Errors first, then warnings, then the rest, each in the checks' order. */
void
doc_sort_findings (GPtrArray *findings)
{
  g_ptr_array_sort (findings, compare_severity);
}

void
doc_set_cancelled (GError **error)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("The export was cancelled"));
}

/* The PDF a document's real pass writes into @sink, with its properties:
 * @title, the trust as author, @subject. */
cairo_surface_t *
doc_pdf_surface_new (CohortsExportSink *sink,
                     double             width,
                     double             height,
                     CohortsPlan       *plan,
                     const char        *title,
                     const char        *subject)
{
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (cohorts_export_sink_write, sink, width, height);
  const char *trust = cohorts_trust_get_name (cohorts_plan_get_trust (plan));

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  if (trust[0] != '\0')
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, trust);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, subject);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Cohorts");
  return surface;
}

/* Ends the real pass: finishes and frees @surface, then replaces the file
 * of @sink only if the document is whole. A failure of the PDF library's
 * is reported as "@failure: its reason". */
gboolean
doc_finish_pdf (cairo_surface_t   *surface,
                CohortsExportSink *sink,
                gboolean           cancelled,
                const char        *failure,
                GError           **error)
{
  cairo_status_t status;

  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (cancelled)
    {
      cohorts_export_sink_finish (sink, FALSE, NULL);
      doc_set_cancelled (error);
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      cohorts_export_sink_finish (sink, FALSE, NULL);
      /* Translators: "Could not write the board pack: out of memory"; the reason comes from the PDF library */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("%s: %s"), failure, cairo_status_to_string (status));
      return FALSE;
    }
  return cohorts_export_sink_finish (sink, TRUE, error);
}
