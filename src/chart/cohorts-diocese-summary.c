/* cohorts-diocese-summary.c: one diocese's church schools in a plan, as a PDF
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a diocesan representative reviewing a plan asks (DOMAIN.md): which
 * church schools, when, with what consents in place, and does the church
 * keep its agreed share of the trust over time? The summary answers on A4
 * or A3 portrait pages, written with the board pack's document writer
 * (cohorts-doc.c): the diocese and the plan on the first page with the
 * counts of consents and agreements, a table of the diocese's schools (its header repeated
 * on every page it continues on), the church share of the trust month by
 * month as a chart and a table, and the checks that concern those schools.
 * Like the board pack it is written twice (first only counting pages, for
 * "Page N of M") and replaces its file only once whole.
 */
#define G_LOG_DOMAIN "cohorts-diocese-summary"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>

#include "cohorts-capacity.h"
#include "cohorts-church-share-chart.h"
#include "cohorts-cohort.h"
#include "cohorts-diocese.h"
#include "cohorts-diocese-summary.h"
#include "cohorts-doc-private.h"
#include "cohorts-school.h"
#include "cohorts-trust.h"

#define SHARE_CHART_HEIGHT 240.0

typedef struct
{
  Doc doc;
  const char *key;
  const char *name;
  const char *plan_title;
  GPtrArray *schools;        /* CohortsSchool: the diocese's, in the plan's order */
  GArray *shares;            /* CohortsChurchShare */
} Summary;

static char *
format_date (CohortsDate date)
{
  return date != COHORTS_DATE_NONE ? cohorts_date_format (date) : g_strdup (_("No date"));
}

/* "25%", "33.33%" from hundredths of a percent. */
static char *
format_share (guint hundredths)
{
  g_autofree char *number = NULL;

  if (hundredths % 100 == 0)
    number = g_strdup_printf ("%u", hundredths / 100);
  else
    number = g_strdup_printf ("%u.%02u", hundredths / 100, hundredths % 100);
  /* Translators: a percentage: "25%" */
  return g_strdup_printf (_("%s%%"), number);
}

static void
write_opening (Summary *s)
{
  Doc *doc = &s->doc;
  CohortsTrust *trust = cohorts_plan_get_trust (doc->plan);
  const char *trust_name = cohorts_trust_get_name (trust);
  g_autofree char *today = cohorts_date_format (doc->today);
  g_autofree char *prepared = NULL;
  g_autofree char *about = NULL;
  g_autofree char *plan_line = NULL;
  CohortsDate first = COHORTS_DATE_NONE, last = COHORTS_DATE_NONE;
  guint church = 0;

  if (!doc_begin_page (doc, FALSE, TRUE))
    return;
  doc_outline (doc, s->name);

  for (guint i = 0; i < s->schools->len; i++)
    {
      CohortsSchool *school = g_ptr_array_index (s->schools, i);
      CohortsMilestone milestones[COHORTS_N_STEPS];
      CohortsDate conversion = cohorts_schedule_plan (cohorts_plan_get_schedule (doc->plan), school, milestones);

      church += cohorts_school_is_church_school (school);
      if (conversion == COHORTS_DATE_NONE)
        continue;
      if (first == COHORTS_DATE_NONE || conversion < first)
        first = conversion;
      if (conversion > last)
        last = conversion;
    }

  set_colour (doc->cr, &quiet_ink);
  doc_paragraph (doc, FONT_HEADING, _("Diocesan summary"), 0, SPACE);
  set_colour (doc->cr, &ink);
  doc_paragraph (doc, FONT_TITLE, s->name, 0, SPACE);
  /* Translators: under the diocese's name: the trust and the plan, "Northfield Learning Trust — Phased conversion plan" */
  plan_line = g_strdup_printf (_("%s — %s"), trust_name[0] != '\0' ? trust_name : _("Unnamed trust"),
                               s->plan_title);
  doc_paragraph (doc, FONT_SUBTITLE, plan_line, 0, SPACE * 2);

  if (first == COHORTS_DATE_NONE)
    about = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          /* Translators: "6 schools of the diocese are in the plan (5 church schools); none has a conversion date yet." */
                                          "%u school of the diocese is in the plan (%u church schools); none has a conversion date yet.",
                                          "%u schools of the diocese are in the plan (%u church schools); none has a conversion date yet.",
                                          s->schools->len),
                             s->schools->len, church);
  else
    {
      g_autofree char *from = cohorts_date_format (first);
      g_autofree char *to = cohorts_date_format (last);

      about = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            /* Translators: "6 schools of the diocese are in the plan (5 church schools), converting from 1 January 2028 to 1 September 2028." */
                                            "%u school of the diocese is in the plan (%u church schools), converting from %s to %s.",
                                            "%u schools of the diocese are in the plan (%u church schools), converting from %s to %s.",
                                            s->schools->len),
                               s->schools->len, church, from, to);
    }
  doc_paragraph (doc, FONT_BODY, about, 0, SPACE / 2);

  set_colour (doc->cr, &quiet_ink);
  if (doc->edition != NULL)
    doc_paragraph (doc, FONT_BODY, doc->edition, 0, SPACE / 2);
  /* Translators: on the first page of the diocesan summary: "Prepared on 3 May 2027" */
  prepared = g_strdup_printf (_("Prepared on %s"), today);
  doc_paragraph (doc, FONT_BODY, prepared, 0, SPACE);
  set_colour (doc->cr, &ink);
}

/* How many church schools are at each state of each consent and agreement. */
static void
write_consents (Summary *s)
{
  static const Column consent_columns[] = {
    { N_("Consent"), 0.28, TRUE, FALSE },
    { N_("Not requested"), 0.18, FALSE, TRUE },
    { N_("Requested"), 0.18, FALSE, TRUE },
    { N_("Granted"), 0.18, FALSE, TRUE },
    { N_("Refused"), 0.18, FALSE, TRUE },
  };
  static const Column agreement_columns[] = {
    { N_("Agreement"), 0.28, TRUE, FALSE },
    { N_("Not started"), 0.18, FALSE, TRUE },
    { N_("Drafting"), 0.18, FALSE, TRUE },
    { N_("Agreed"), 0.18, FALSE, TRUE },
    { N_("Signed"), 0.18, FALSE, TRUE },
  };
  Column translated[G_N_ELEMENTS (consent_columns)];
  Table table = { translated, G_N_ELEMENTS (consent_columns) };
  Doc *doc = &s->doc;
  CohortsConsentCounts counts;
  g_autofree char *about = NULL;
  struct
  {
    const char *name;
    const guint *counts;
  } consents[] = {
    { _("Diocesan board of education"), counts.diocesan },
    { _("Site trustees"), counts.site_trustees },
  }, agreements[] = {
    { _("Church Supplemental Agreement"), counts.supplemental },
    { _("Memorandum of understanding"), counts.memorandum },
  };

  cohorts_diocese_count_consents (s->schools, &counts);
  doc_heading (doc, FONT_HEADING, _("Consents and agreements"), doc->line_height[FONT_CELL] * 8);
  about = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        /* Translators: above the counts of consents */
                                        "How many of the diocese’s %u church school are at each stage.",
                                        "How many of the diocese’s %u church schools are at each stage.",
                                        counts.n_church),
                           counts.n_church);
  doc_paragraph (doc, FONT_BODY, about, 0, SPACE / 2);

  table_translate (translated, consent_columns, G_N_ELEMENTS (consent_columns));
  table_header (doc, &table);
  for (guint i = 0; i < G_N_ELEMENTS (consents) && !doc->cancelled; i++)
    {
      char *numbers[COHORTS_N_CONSENTS];
      const char *cells[1 + COHORTS_N_CONSENTS] = { consents[i].name };

      for (guint k = 0; k < COHORTS_N_CONSENTS; k++)
        cells[1 + k] = numbers[k] = g_strdup_printf ("%u", consents[i].counts[k]);
      table_row (doc, &table, cells, ROW_BODY);
      for (guint k = 0; k < COHORTS_N_CONSENTS; k++)
        g_free (numbers[k]);
    }
  doc->y += SPACE;

  table_translate (translated, agreement_columns, G_N_ELEMENTS (agreement_columns));
  table_header (doc, &table);
  for (guint i = 0; i < G_N_ELEMENTS (agreements) && !doc->cancelled; i++)
    {
      char *numbers[COHORTS_N_AGREEMENT_STAGES];
      const char *cells[1 + COHORTS_N_AGREEMENT_STAGES] = { agreements[i].name };

      for (guint k = 0; k < COHORTS_N_AGREEMENT_STAGES; k++)
        cells[1 + k] = numbers[k] = g_strdup_printf ("%u", agreements[i].counts[k]);
      table_row (doc, &table, cells, ROW_BODY);
      for (guint k = 0; k < COHORTS_N_AGREEMENT_STAGES; k++)
        g_free (numbers[k]);
    }
  doc->y += SPACE;
}

static void
write_schools (Summary *s)
{
  static const Column columns[] = {
    { N_("School"), 0.20, TRUE, FALSE },
    { N_("URN"), 0.085, FALSE, FALSE },
    { N_("Character"), 0.145, TRUE, FALSE },
    { N_("Cohort and conversion"), 0.16, TRUE, FALSE },
    { N_("SIAMS"), 0.16, TRUE, FALSE },
    { N_("Consents and agreements"), 0.25, TRUE, FALSE },
  };
  Column translated[G_N_ELEMENTS (columns)];
  Table table = { translated, G_N_ELEMENTS (columns) };
  Doc *doc = &s->doc;

  table_translate (translated, columns, G_N_ELEMENTS (columns));
  doc_heading (doc, FONT_HEADING, _("The diocese’s schools"), doc->line_height[FONT_CELL] * 6);
  doc->running_head = _("The diocese’s schools");
  if (s->schools->len == 0)
    {
      doc_paragraph (doc, FONT_ITALIC, _("None of the plan’s schools is of this diocese."), 0, SPACE);
      doc->running_head = NULL;
      return;
    }

  table_header (doc, &table);
  for (guint i = 0; i < s->schools->len && !doc->cancelled; i++)
    {
      CohortsSchool *school = g_ptr_array_index (s->schools, i);
      CohortsCohort *cohort = cohorts_school_get_cohort (school);
      CohortsMilestone milestones[COHORTS_N_STEPS];
      CohortsDate conversion = cohorts_schedule_plan (cohorts_plan_get_schedule (doc->plan), school, milestones);
      CohortsSiamsOutcome siams = cohorts_school_get_siams_outcome (school);
      g_autofree char *urn = g_strdup_printf ("%u", cohorts_school_get_urn (school));
      /* Translators: a church school's establishment type and religious character, on two lines */
      g_autofree char *character = g_strdup_printf (_("%s\n%s"),
                                                    cohorts_enum_get_label (COHORTS_TYPE_ESTABLISHMENT_TYPE,
                                                                            cohorts_school_get_establishment_type (school)),
                                                    cohorts_enum_get_label (COHORTS_TYPE_RELIGIOUS_CHARACTER,
                                                                            cohorts_school_get_religious_character (school)));
      g_autofree char *cohort_name = cohort != NULL ? cohorts_cohort_dup_display_name (cohort) : g_strdup (_("Not in a cohort"));
      g_autofree char *date = format_date (conversion);
      /* Translators: a school's cohort and its conversion date, on two lines */
      g_autofree char *placed = g_strdup_printf (_("%s\n%s"), cohort_name, date);
      g_autofree char *siams_text = NULL;
      g_autofree char *track = cohorts_school_is_church_school (school) ? cohorts_school_describe_church_track (school)
                                                                       : g_strdup ("—");
      const char *cells[G_N_ELEMENTS (columns)];

      if (siams != COHORTS_SIAMS_NONE && cohorts_school_get_siams_date (school) != COHORTS_DATE_NONE)
        {
          g_autofree char *when = cohorts_date_format (cohorts_school_get_siams_date (school));

          /* Translators: a SIAMS outcome and its date, on two lines */
          siams_text = g_strdup_printf (_("%s\n%s"), cohorts_enum_get_label (COHORTS_TYPE_SIAMS_OUTCOME, siams), when);
        }
      else
        siams_text = g_strdup (cohorts_enum_get_label (COHORTS_TYPE_SIAMS_OUTCOME, siams));

      cells[0] = cohorts_school_get_name (school);
      cells[1] = urn;
      cells[2] = character;
      cells[3] = placed;
      cells[4] = siams_text;
      cells[5] = track;
      table_row (doc, &table, cells, ROW_BODY);
    }
  doc->running_head = NULL;
  doc->y += SPACE;
}

static void
write_share (Summary *s)
{
  static const Column columns[] = {
    { N_("From"), 0.25, FALSE, FALSE },
    { N_("Academies"), 0.17, FALSE, TRUE },
    { N_("Church academies"), 0.19, FALSE, TRUE },
    { N_("Share"), 0.17, FALSE, TRUE },
    { N_("Against the minimum"), 0.22, FALSE, FALSE },
  };
  Column translated[G_N_ELEMENTS (columns)];
  Table table = { translated, G_N_ELEMENTS (columns) };
  Doc *doc = &s->doc;
  int minimum = cohorts_trust_get_church_share_min (cohorts_plan_get_trust (doc->plan));
  const CohortsChurchShare *shares = (const CohortsChurchShare *) (gpointer) s->shares->data;
  g_autofree char *intro = NULL;

  if (!doc_section (doc, _("The church’s share of the trust")))
    return;

  if (minimum > 0)
    {
      g_autofree char *share = format_share ((guint) minimum);

      intro = g_strdup_printf (_("Church academies as a share of all the trust’s academies, from each month in which "
                                 "schools join, against the trust’s minimum of %s. The share is judged once the trust "
                                 "has %u academies."),
                               share, COHORTS_CAPACITY_CHURCH_SHARE_FROM);
    }
  else
    intro = g_strdup (_("Church academies as a share of all the trust’s academies, from each month in which schools "
                        "join. The trust sets no minimum share."));
  doc_paragraph (doc, FONT_BODY, intro, 0, SPACE);

  doc_ensure (doc, SHARE_CHART_HEIGHT);
  if (doc->cancelled)
    return;
  if (doc_drawing (doc))
    {
      CohortsTimelineStyle style;

      cohorts_timeline_style_init (&style, FALSE);
      cairo_save (doc->cr);
      cairo_translate (doc->cr, MARGIN, doc->y);
      cohorts_church_share_render_chart (doc->cr, shares, s->shares->len, minimum, &style,
                                         doc_width (doc), SHARE_CHART_HEIGHT);
      cairo_restore (doc->cr);
    }
  doc->y += SHARE_CHART_HEIGHT + SPACE * 2;

  if (s->shares->len == 0)
    {
      doc_paragraph (doc, FONT_ITALIC, _("No conversion is dated yet."), 0, 0);
      return;
    }

  table_translate (translated, columns, G_N_ELEMENTS (columns));
  doc_heading (doc, FONT_HEADING, _("Month by month"), doc->line_height[FONT_CELL] * 4);
  doc->running_head = _("Month by month");
  table_header (doc, &table);
  for (guint i = 0; i < s->shares->len && !doc->cancelled; i++)
    {
      const CohortsChurchShare *share = &shares[i];
      g_autofree char *month = cohorts_date_format_month (share->month);
      g_autofree char *academies = g_strdup_printf ("%u", share->academies);
      g_autofree char *church = g_strdup_printf ("%u", share->church);
      g_autofree char *percent = format_share ((guint) ((guint64) share->church * 10000 / MAX (share->academies, 1u)));
      const char *verdict;
      const char *cells[G_N_ELEMENTS (columns)];

      if (minimum <= 0)
        verdict = "—";
      else if (share->below)
        verdict = _("Below the minimum");
      else if (share->academies < COHORTS_CAPACITY_CHURCH_SHARE_FROM)
        verdict = _("Not yet judged");
      else
        verdict = _("Met");

      cells[0] = month;
      cells[1] = academies;
      cells[2] = church;
      cells[3] = percent;
      cells[4] = verdict;
      table_row (doc, &table, cells, share->below ? ROW_TOTAL : ROW_BODY);
    }
  doc->running_head = NULL;
}

static void
write_findings (Summary *s)
{
  Doc *doc = &s->doc;
  g_autofree char *today = cohorts_date_format (doc->today);
  g_autofree char *as_of = NULL;

  if (!doc_section (doc, _("Checks that concern these schools")))
    return;

  /* Translators: "The plan's checks as of 3 May 2027, for the diocese's schools, their cohorts and the church share." */
  as_of = g_strdup_printf (_("The plan’s checks as of %s, for the diocese’s schools, their cohorts and the church share."),
                           today);
  doc_paragraph (doc, FONT_BODY, as_of, 0, SPACE);
  if (doc->findings->len == 0)
    {
      doc_paragraph (doc, FONT_ITALIC, _("The checks found nothing to report."), 0, 0);
      return;
    }

  for (guint i = 0; i < doc->findings->len && !doc->cancelled; i++)
    {
      const CohortsFinding *finding = g_ptr_array_index (doc->findings, i);
      g_autofree char *subject = cohorts_finding_describe_subject (finding, doc->plan);
      /* Translators: a finding's severity and subject: "Warning: St Chad’s CE First School (URN 123456)" */
      g_autofree char *head = g_strdup_printf (_("%s: %s"), cohorts_enum_get_label (COHORTS_TYPE_SEVERITY, finding->severity),
                                               subject);
      g_autofree char *suggestion = NULL;
      double indent = 12.0, head_height, message_height, suggestion_height = 0;

      if (finding->suggestion != NULL && finding->suggestion[0] != '\0')
        /* Translators: in the findings list: what would put a finding right */
        suggestion = g_strdup_printf (_("To fix: %s"), finding->suggestion);

      /* The subject, message and remedy stay together on one page. */
      head_height = doc_measure (doc, FONT_BOLD, head, doc_width (doc));
      message_height = doc_measure (doc, FONT_BODY, finding->message, doc_width (doc) - indent);
      if (suggestion != NULL)
        suggestion_height = doc_measure (doc, FONT_ITALIC, suggestion, doc_width (doc) - indent);
      doc_ensure (doc, head_height + message_height + suggestion_height);
      if (doc->cancelled)
        return;
      doc_measured_paragraph (doc, FONT_BOLD, head, 0, head_height, 0);
      doc_measured_paragraph (doc, FONT_BODY, finding->message, indent, message_height,
                              suggestion != NULL ? 0 : SPACE * 0.75);
      if (suggestion != NULL)
        {
          set_colour (doc->cr, &quiet_ink);
          doc_measured_paragraph (doc, FONT_ITALIC, suggestion, indent, suggestion_height, SPACE * 0.75);
          set_colour (doc->cr, &ink);
        }
    }
}

static void
write_summary (Summary *s)
{
  write_opening (s);
  write_consents (s);
  write_schools (s);
  write_share (s);
  write_findings (s);
  doc_end_page (&s->doc);
}

/**
 * cohorts_diocese_summary_options_init:
 *
 * Sets @options to a summary as of today, on A4, without an edition.
 */
void
cohorts_diocese_summary_options_init (CohortsDioceseSummaryOptions *options)
{
  g_return_if_fail (options != NULL);

  options->today = cohorts_date_today ();
  options->edition = NULL;
  options->paper = COHORTS_PAPER_SIZE_A4;
}

/**
 * cohorts_diocese_summary_export:
 * @plan: the plan
 * @diocese: the diocese's key (see cohorts_school_get_diocese_key())
 * @path: the PDF file to write; it is replaced only once the whole summary
 *   is written
 * @options: (nullable): as of when, which edition, which paper; %NULL: as
 *   of today, on A4
 * @cancellable: (nullable): looked at between pages
 * @progress: (nullable): called after each page with how many are done and
 *   how many there are in all
 * @user_data: for @progress
 * @error: the reason it failed
 *
 * Writes the diocesan summary of @diocese's schools in @plan.
 *
 * Returns: whether the file was written; when cancelled, @error is
 *   %G_IO_ERROR_CANCELLED and the file at @path is as it was
 */
gboolean
cohorts_diocese_summary_export (CohortsPlan                        *plan,
                                const char                         *diocese,
                                const char                         *path,
                                const CohortsDioceseSummaryOptions *options,
                                GCancellable                       *cancellable,
                                CohortsProgressFunc                 progress,
                                gpointer                            user_data,
                                GError                            **error)
{
  CohortsDioceseSummaryOptions defaults;
  g_autoptr(CohortsDiocese) found = NULL;
  g_autoptr(GPtrArray) schools = NULL;
  g_autoptr(GArray) shares = NULL;
  g_autoptr(GPtrArray) all_findings = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autofree char *title = NULL;
  CohortsExportSink *sink;
  cairo_surface_t *surface;
  double width, height;
  guint n_pages;
  gboolean cancelled;
  Summary s = { 0 };

  g_return_val_if_fail (COHORTS_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (diocese != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (options == NULL)
    {
      cohorts_diocese_summary_options_init (&defaults);
      options = &defaults;
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  found = cohorts_plan_find_diocese (plan, diocese);
  schools = cohorts_diocese_get_schools (plan, diocese);
  shares = cohorts_capacity_church_share (plan);
  all_findings = cohorts_checks_run_at (plan, options->today);
  findings = cohorts_diocese_filter_findings (all_findings, plan, diocese);
  doc_sort_findings (findings);

  s.key = diocese;
  s.name = found != NULL ? found->name : diocese;
  s.schools = schools;
  s.shares = shares;
  s.doc.plan = plan;
  s.doc.findings = findings;
  s.doc.today = options->today;
  s.plan_title = cohorts_plan_get_title (plan)[0] != '\0' ? cohorts_plan_get_title (plan) : _("Untitled plan");
  /* At the foot of every page */
  s.doc.title = s.name;
  s.doc.edition = options->edition;
  s.doc.paper_size = options->paper;
  s.doc.cancellable = cancellable;
  s.doc.progress = progress;
  s.doc.user_data = user_data;
  cohorts_paper_get_size (options->paper, COHORTS_PAPER_PORTRAIT, &width, &height);

  /* First, only count the pages; nothing is drawn. */
  surface = cairo_pdf_surface_create_for_stream (NULL, NULL, width, height);
  doc_init (&s.doc, surface, FALSE);
  write_summary (&s);
  n_pages = s.doc.page;
  cancelled = s.doc.cancelled;
  doc_clear (&s.doc);
  cairo_surface_destroy (surface);
  if (cancelled)
    {
      doc_set_cancelled (error);
      return FALSE;
    }

  /* Then for real, into a temporary file that replaces @path at the end. */
  sink = cohorts_export_sink_new (path, cancellable, error);
  if (sink == NULL)
    return FALSE;

  s.doc.n_pages = n_pages;
  /* Translators: the diocesan summary's title in its PDF's properties: "Diocese of Lichfield — Phased conversion plan" */
  title = g_strdup_printf (_("%s — %s"), s.name, s.plan_title);
  surface = doc_pdf_surface_new (sink, width, height, plan, title, _("Diocesan summary"));

  doc_init (&s.doc, surface, TRUE);
  write_summary (&s);
  cancelled = s.doc.cancelled;
  g_warn_if_fail (cancelled || s.doc.page == n_pages);
  doc_clear (&s.doc);

  return doc_finish_pdf (surface, sink, cancelled, _("Could not write the diocesan summary"), error);
}
