/* cohorts-board-pack.c: the plan as a PDF for a board of trustees
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A board pack is what trustees and the diocese's representatives read at a
 * meeting, printed on A4: a cover, a one-page summary, the timeline (A4
 * landscape, from cohorts-paper), the capacity chart, the findings and a
 * table of schools per cohort.
 *
 * Everything but the timeline goes through a small document writer (Doc,
 * cohorts-doc.c, shared with the diocesan summary): a cursor that moves down
 * the page, blocks that start a new page when they do not fit, text laid out
 * by pango (so it is real, selectable text in the PDF) and tables whose
 * header row comes back on every page they continue on. "Page N of M" needs
 * M first: the pack is written twice, once only measuring (nothing drawn, so
 * cheap) to count the pages, then for real. Both passes measure on a PDF
 * surface with the same font options, so they break pages in the same
 * places.
 */
#define G_LOG_DOMAIN "cohorts-board-pack"

#include "config.h"

#include <math.h>
#include <string.h>

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "cohorts-board-pack.h"
#include "cohorts-calendar.h"
#include "cohorts-doc-private.h"
#include "cohorts-checks.h"
#include "cohorts-cohort.h"
#include "cohorts-school.h"
#include "cohorts-trust.h"

#define CHART_HEIGHT 300.0
/* Beyond this many schools, the timeline shows the cohorts only: a row a
 * school would take a thousand pages at 25,000 schools, and the tables
 * list every school anyway. */
#define TIMELINE_MAX_SCHOOLS 300
/* How many findings the summary names. */
#define TOP_FINDINGS 5

/* What the pack says about the plan ------------------------------------------ */

static char *
format_count (guint n)
{
  /* Thousands grouped as the reader's language does: "25,000" */
  return g_strdup_printf ("%'u", n);
}

static char *
format_date (CohortsDate date)
{
  return date != COHORTS_DATE_NONE ? cohorts_date_format (date) : g_strdup (_("No date"));
}

static guint
group_pupils (const CohortsTimelineGroup *group,
              CohortsTimelineRows        *rows)
{
  guint pupils = 0;

  for (guint i = 0; i < group->n_members; i++)
    pupils += MAX (cohorts_school_get_pupils (cohorts_timeline_rows_get_school (rows, group->first_row + 1 + i)), 0);
  return pupils;
}

static char *
group_name (const CohortsTimelineGroup *group)
{
  return group->cohort != NULL ? cohorts_cohort_dup_display_name (group->cohort) : g_strdup (_("Not in a cohort"));
}

/* The status of the plan as a whole: that of its least advanced cohort. */
static char *
describe_status (Doc *doc)
{
  GListModel *cohorts = cohorts_plan_get_cohorts (doc->plan);
  guint n_cohorts = g_list_model_get_n_items (cohorts);
  guint n_schools = cohorts_plan_get_n_schools (doc->plan);
  CohortsCohortStatus status = COHORTS_COHORT_STATUS_CONVERTED;
  CohortsDate first = COHORTS_DATE_NONE;
  g_autofree char *cohorts_text = NULL;
  g_autofree char *schools_text = NULL;
  g_autofree char *counts = NULL;
  g_autofree char *date = NULL;

  for (guint i = 0; i < n_cohorts; i++)
    {
      g_autoptr(CohortsCohort) cohort = g_list_model_get_item (cohorts, i);
      CohortsDate when = cohorts_cohort_get_date (cohort);

      status = MIN (status, cohorts_cohort_get_status (cohort));
      if (when != COHORTS_DATE_NONE && (first == COHORTS_DATE_NONE || when < first))
        first = when;
    }

  cohorts_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u cohort", "%u cohorts", n_cohorts), n_cohorts);
  schools_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u school", "%u schools", n_schools), n_schools);
  /* Translators: part of the plan's status: "3 cohorts, 19 schools" */
  counts = g_strdup_printf (_("%s, %s"), cohorts_text, schools_text);
  if (n_cohorts == 0)
    /* Translators: the plan's status when it has no cohorts: "No cohorts yet — 0 cohorts, 4 schools" */
    return g_strdup_printf (_("No cohorts yet — %s"), counts);

  if (first == COHORTS_DATE_NONE)
    /* Translators: the plan's status: "Draft — 3 cohorts, 19 schools, no conversion dated yet" */
    return g_strdup_printf (_("%s — %s, no conversion dated yet"),
                            cohorts_enum_get_label (COHORTS_TYPE_COHORT_STATUS, status), counts);

  date = cohorts_date_format (first);
  /* Translators: the plan's status: "Draft — 3 cohorts, 19 schools, first conversion 1 September 2027" */
  return g_strdup_printf (_("%s — %s, first conversion %s"),
                          cohorts_enum_get_label (COHORTS_TYPE_COHORT_STATUS, status), counts, date);
}

static const char *
severity_heading (CohortsSeverity severity)
{
  switch (severity)
    {
    case COHORTS_SEVERITY_ERROR:
      return _("Errors");
    case COHORTS_SEVERITY_WARNING:
      return _("Warnings");
    case COHORTS_SEVERITY_INFO:
    default:
      return _("For information");
    }
}

static void
write_cover (Doc *doc)
{
  CohortsTrust *trust = cohorts_plan_get_trust (doc->plan);
  const char *name = cohorts_trust_get_name (trust);
  g_autofree char *status = describe_status (doc);
  g_autofree char *target = cohorts_trust_describe_growth_target (trust);
  g_autofree char *today = cohorts_date_format (doc->today);
  g_autofree char *prepared = NULL;

  if (!doc_begin_page (doc, FALSE, TRUE))
    return;
  doc_outline (doc, _("Cover"));

  doc->y = doc->page_height * 0.28;
  set_colour (doc->cr, &quiet_ink);
  doc_paragraph (doc, FONT_HEADING, _("Board pack"), 0, SPACE * 2);
  set_colour (doc->cr, &ink);
  doc_paragraph (doc, FONT_TITLE, name[0] != '\0' ? name : _("Unnamed trust"), 0, SPACE);
  doc_paragraph (doc, FONT_SUBTITLE, doc->title, 0, SPACE);
  set_colour (doc->cr, &quiet_ink);
  doc_paragraph (doc, FONT_BODY, cohorts_enum_get_label (COHORTS_TYPE_TRUST_KIND, cohorts_trust_get_kind (trust)),
                 0, SPACE * 4);

  set_colour (doc->cr, &ink);
  doc_paragraph (doc, FONT_HEADING, status, 0, SPACE);
  if (target[0] != '\0')
    {
      /* Translators: on the cover: "Growth target: 15–20 academies within 5 years" */
      g_autofree char *line = g_strdup_printf (_("Growth target: %s"), target);
      doc_paragraph (doc, FONT_BODY, line, 0, SPACE);
    }

  doc->y = MAX (doc->y + SPACE * 4, doc->page_height * 0.75);
  set_colour (doc->cr, &quiet_ink);
  if (doc->edition != NULL)
    doc_paragraph (doc, FONT_BODY, doc->edition, 0, SPACE / 2);
  /* Translators: on the cover of the board pack: "Prepared on 3 May 2027" */
  prepared = g_strdup_printf (_("Prepared on %s"), today);
  doc_paragraph (doc, FONT_BODY, prepared, 0, 0);
  set_colour (doc->cr, &ink);
}

/* The summary's table: one row a cohort (and the schools in none), and totals. */
static void
write_cohort_summary (Doc *doc)
{
  static const Column columns[] = {
    { N_("Cohort"), 0.15, TRUE, FALSE },
    { N_("Converts"), 0.12, TRUE, FALSE },
    { N_("Status"), 0.09, TRUE, FALSE },
    { N_("Schools"), 0.085, FALSE, TRUE },
    { N_("Church schools"), 0.085, FALSE, TRUE },
    { N_("Need support"), 0.085, FALSE, TRUE },
    { N_("Pupils"), 0.085, FALSE, TRUE },
    /* Readiness: how many schools of each rating. */
    { N_("Green"), 0.07, FALSE, TRUE },
    { N_("Amber"), 0.07, FALSE, TRUE },
    { N_("Red"), 0.06, FALSE, TRUE },
    { N_("Not assessed"), 0.10, FALSE, TRUE },
  };
  Column translated[G_N_ELEMENTS (columns)];
  Table table = { translated, G_N_ELEMENTS (columns) };
  static const CohortsRag rags[] = {
    COHORTS_RAG_GREEN, COHORTS_RAG_AMBER, COHORTS_RAG_RED, COHORTS_RAG_NOT_ASSESSED,
  };
  guint total_schools = 0, total_church = 0, total_vulnerable = 0, total_pupils = 0;
  guint total_rag[COHORTS_N_RAGS] = { 0, };
  g_autofree char *schools = NULL, *church = NULL, *vulnerable = NULL, *pupils = NULL;
  char *rag_counts[G_N_ELEMENTS (rags)];
  guint n_groups = cohorts_timeline_rows_get_n_groups (doc->rows);

  table_translate (translated, columns, G_N_ELEMENTS (columns));

  table_header (doc, &table);
  for (guint i = 0; i < n_groups && !doc->cancelled; i++)
    {
      const CohortsTimelineGroup *group = cohorts_timeline_rows_get_group (doc->rows, i);
      guint group_pupil_count = group_pupils (group, doc->rows);
      g_autofree char *name = group_name (group);
      g_autofree char *date = group->cohort != NULL ? format_date (cohorts_cohort_get_date (group->cohort)) : g_strdup ("—");
      g_autofree char *n_schools = format_count (group->n_members);
      g_autofree char *n_church = format_count (group->n_church);
      g_autofree char *n_vulnerable = format_count (group->n_vulnerable);
      g_autofree char *n_pupils = format_count (group_pupil_count);
      const char *cells[G_N_ELEMENTS (columns)] = {
        name, date,
        group->cohort != NULL ? cohorts_enum_get_label (COHORTS_TYPE_COHORT_STATUS,
                                                        cohorts_cohort_get_status (group->cohort)) : "—",
        n_schools, n_church, n_vulnerable, n_pupils,
      };

      for (guint r = 0; r < G_N_ELEMENTS (rags); r++)
        {
          rag_counts[r] = format_count (group->n_rag[rags[r]]);
          cells[7 + r] = rag_counts[r];
          total_rag[rags[r]] += group->n_rag[rags[r]];
        }
      table_row (doc, &table, cells, ROW_BODY);
      for (guint r = 0; r < G_N_ELEMENTS (rags); r++)
        g_free (rag_counts[r]);
      total_schools += group->n_members;
      total_church += group->n_church;
      total_vulnerable += group->n_vulnerable;
      total_pupils += group_pupil_count;
    }

  schools = format_count (total_schools);
  church = format_count (total_church);
  vulnerable = format_count (total_vulnerable);
  pupils = format_count (total_pupils);
  {
    const char *cells[G_N_ELEMENTS (columns)] = { _("Total"), "", "", schools, church, vulnerable, pupils };

    for (guint r = 0; r < G_N_ELEMENTS (rags); r++)
      {
        rag_counts[r] = format_count (total_rag[rags[r]]);
        cells[7 + r] = rag_counts[r];
      }
    table_row (doc, &table, cells, ROW_TOTAL);
    for (guint r = 0; r < G_N_ELEMENTS (rags); r++)
      g_free (rag_counts[r]);
  }

  doc->y += SPACE / 2;
  set_colour (doc->cr, &quiet_ink);
  doc_paragraph (doc, FONT_SMALL,
                 _("Green, Amber, Red, Not assessed: each cohort’s schools by their readiness rating."), 0, 0);
  set_colour (doc->cr, &ink);
}

static void
write_finding (Doc                  *doc,
               const CohortsFinding *finding,
               gboolean              full)
{
  g_autofree char *subject = cohorts_finding_describe_subject (finding, doc->plan);
  g_autofree char *suggestion = NULL;
  double indent = 12.0;
  double subject_height, message_height, suggestion_height = 0;

  if (full && finding->suggestion != NULL && finding->suggestion[0] != '\0')
    /* Translators: in the findings list: what would put a finding right */
    suggestion = g_strdup_printf (_("To fix: %s"), finding->suggestion);

  /* The subject, message and remedy stay together on one page. */
  subject_height = doc_measure (doc, FONT_BOLD, subject, doc_width (doc));
  message_height = doc_measure (doc, FONT_BODY, finding->message, doc_width (doc) - indent);
  if (suggestion != NULL)
    suggestion_height = doc_measure (doc, FONT_ITALIC, suggestion, doc_width (doc) - indent);
  doc_ensure (doc, subject_height + message_height + suggestion_height);
  if (doc->cancelled)
    return;

  doc_measured_paragraph (doc, FONT_BOLD, subject, 0, subject_height, 0);
  doc_measured_paragraph (doc, FONT_BODY, finding->message, indent, message_height,
                          suggestion != NULL ? 0 : SPACE * 0.75);
  if (suggestion != NULL)
    {
      set_colour (doc->cr, &quiet_ink);
      doc_measured_paragraph (doc, FONT_ITALIC, suggestion, indent, suggestion_height, SPACE * 0.75);
      set_colour (doc->cr, &ink);
    }
}

static char *
describe_finding_counts (GPtrArray *findings)
{
  guint errors = cohorts_checks_count (findings, COHORTS_SEVERITY_ERROR);
  guint warnings = cohorts_checks_count (findings, COHORTS_SEVERITY_WARNING);
  guint infos = cohorts_checks_count (findings, COHORTS_SEVERITY_INFO);

  if (findings->len == 0)
    return g_strdup (_("The checks found nothing to report."));

  /* Translators: how many findings of each severity: "Errors: 2 · Warnings: 5 · For information: 3" */
  return g_strdup_printf (_("Errors: %u · Warnings: %u · For information: %u"), errors, warnings, infos);
}

static void
write_growth (Doc *doc)
{
  CohortsTrust *trust = cohorts_plan_get_trust (doc->plan);
  g_autofree char *target = cohorts_trust_describe_growth_target (trust);
  g_autofree char *end_text = NULL;
  g_autofree char *line = NULL;
  CohortsDate start, end;
  guint academies, vulnerable = 0;
  int min = cohorts_trust_get_academies_min (trust);
  int max = cohorts_trust_get_academies_max (trust);

  doc_heading (doc, FONT_HEADING, _("Growth"), doc->line_height[FONT_BODY] * 3);
  if (target[0] != '\0')
    {
      g_autofree char *target_line = g_strdup_printf (_("Growth target: %s"), target);
      doc_paragraph (doc, FONT_BODY, target_line, 0, SPACE / 2);
    }
  else
    doc_paragraph (doc, FONT_BODY, _("The trust has no growth target."), 0, SPACE / 2);

  cohorts_timeline_rows_get_range (doc->rows, &start, &end);
  if (end == COHORTS_DATE_NONE)
    {
      doc_paragraph (doc, FONT_BODY, _("No conversion is dated yet."), 0, 0);
      return;
    }

  academies = cohorts_timeline_rows_count_at (doc->rows, end, &vulnerable);
  end_text = cohorts_date_format (end);
  line = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       /* Translators: "At the end of the plan (1 April 2029): 19 academies, 2 of them needing support." */
                                       "At the end of the plan (%s): %u academy, %u of them needing support.",
                                       "At the end of the plan (%s): %u academies, %u of them needing support.",
                                       academies),
                          end_text, academies, vulnerable);
  doc_paragraph (doc, FONT_BODY, line, 0, SPACE / 2);

  if (min > 0 && (int) academies < min)
    doc_paragraph (doc, FONT_BOLD, _("That is below the growth target."), 0, 0);
  else if (max > 0 && (int) academies > max)
    doc_paragraph (doc, FONT_BOLD, _("That is above the growth target."), 0, 0);
  else if (min > 0 || max > 0)
    doc_paragraph (doc, FONT_BODY, _("That is within the growth target."), 0, 0);
}

static void
write_summary (Doc *doc)
{
  g_autofree char *counts = describe_finding_counts (doc->findings);
  g_autofree char *today = cohorts_date_format (doc->today);
  g_autofree char *as_of = NULL;
  guint n_top = 0;

  if (!doc_section (doc, _("Summary")))
    return;

  write_cohort_summary (doc);

  /* Translators: a heading: the open findings of the checks as of a day: "Open findings on 3 May 2027" */
  as_of = g_strdup_printf (_("Open findings on %s"), today);
  doc_heading (doc, FONT_HEADING, as_of, doc->line_height[FONT_BODY] * 3);
  doc_paragraph (doc, FONT_BODY, counts, 0, SPACE);
  for (guint i = 0; i < doc->findings->len && n_top < TOP_FINDINGS && !doc->cancelled; i++)
    {
      const CohortsFinding *finding = g_ptr_array_index (doc->findings, i);

      if (finding->severity == COHORTS_SEVERITY_INFO)
        break;
      write_finding (doc, finding, FALSE);
      n_top++;
    }
  if (n_top < doc->findings->len)
    {
      /* Translators: after the first few findings in the summary */
      doc_paragraph (doc, FONT_ITALIC, _("All findings are listed in the section “Findings”."), 0, 0);
    }

  write_growth (doc);

  if (cohorts_plan_get_n_schools (doc->plan) > TIMELINE_MAX_SCHOOLS)
    {
      doc->y += SPACE;
      doc_paragraph (doc, FONT_ITALIC,
                     _("The timeline shows the cohorts only: the plan has too many schools for a row each. "
                       "Every school is in the tables of “Schools by cohort”."),
                     0, 0);
    }
}

static void
write_timeline (Doc *doc)
{
  guint n_pages = cohorts_paper_get_n_pages (doc->paper);

  doc->timeline_page = doc->page + 1;
  for (guint i = 0; i < n_pages; i++)
    {
      if (!doc_begin_page (doc, TRUE, FALSE))
        return;
      if (i == 0)
        doc_outline (doc, _("Timeline"));
      if (doc_drawing (doc))
        {
          cairo_save (doc->cr);
          cairo_translate (doc->cr, COHORTS_PAPER_MARGIN, COHORTS_PAPER_MARGIN);
          cohorts_paper_render_page (doc->paper, doc->cr, i);
          cairo_restore (doc->cr);
        }
    }
}

static void
write_capacity (Doc *doc)
{
  static const Column columns[] = {
    { N_("Academic year"), 0.25, FALSE, FALSE },
    { N_("Academies on 1 September"), 0.25, FALSE, TRUE },
    { N_("Of which need support"), 0.25, FALSE, TRUE },
    { N_("Converting during the year"), 0.25, FALSE, TRUE },
  };
  Column translated[G_N_ELEMENTS (columns)];
  Table table = { translated, G_N_ELEMENTS (columns) };
  CohortsDate start, end;

  if (!doc_section (doc, _("Academies in the trust")))
    return;

  doc_paragraph (doc, FONT_BODY,
                 _("How many of the plan's schools are academies in the trust over time, as each cohort "
                   "converts. The hatched part are those that need support from stronger schools; the "
                   "band is the trust's growth target."),
                 0, SPACE);

  if (doc_drawing (doc))
    {
      CohortsTimelineStyle style;

      cohorts_timeline_style_init (&style, FALSE);
      cairo_save (doc->cr);
      cairo_translate (doc->cr, MARGIN, doc->y);
      cohorts_capacity_render_chart (doc->cr, doc->rows, &style, doc_width (doc), CHART_HEIGHT);
      cairo_restore (doc->cr);
    }
  doc->y += CHART_HEIGHT + SPACE * 2;

  cohorts_timeline_rows_get_range (doc->rows, &start, &end);
  if (start == COHORTS_DATE_NONE)
    return;

  table_translate (translated, columns, G_N_ELEMENTS (columns));
  doc_heading (doc, FONT_HEADING, _("Year by year"), doc->line_height[FONT_BODY] * 4);
  table_header (doc, &table);
  for (int year = cohorts_calendar_academic_year (start); year <= cohorts_calendar_academic_year (end) && !doc->cancelled; year++)
    {
      CohortsDate first = cohorts_calendar_academic_year_start (year);
      CohortsDate next = cohorts_calendar_academic_year_start (year + 1);
      guint vulnerable = 0;
      guint academies = cohorts_timeline_rows_count_at (doc->rows, first, &vulnerable);
      guint later = cohorts_timeline_rows_count_at (doc->rows, next - 1, NULL);
      /* The count on 1 September includes that day's conversions. */
      guint before = first > 1 ? cohorts_timeline_rows_count_at (doc->rows, first - 1, NULL) : 0;
      g_autofree char *label = cohorts_calendar_academic_year_label (year);
      g_autofree char *n_academies = format_count (academies);
      g_autofree char *n_vulnerable = format_count (vulnerable);
      g_autofree char *n_converting = format_count (later - before);
      const char *cells[] = { label, n_academies, n_vulnerable, n_converting };

      table_row (doc, &table, cells, ROW_BODY);
    }
}

static void
write_findings (Doc *doc)
{
  g_autofree char *counts = describe_finding_counts (doc->findings);
  g_autofree char *today = cohorts_date_format (doc->today);
  g_autofree char *as_of = NULL;
  int current = -1;

  if (!doc_section (doc, _("Findings")))
    return;

  /* Translators: at the start of the findings list: "The plan's checks as of 3 May 2027." */
  as_of = g_strdup_printf (_("The plan's checks as of %s."), today);
  doc_paragraph (doc, FONT_BODY, as_of, 0, SPACE / 2);
  doc_paragraph (doc, FONT_BODY, counts, 0, SPACE);

  for (guint i = 0; i < doc->findings->len && !doc->cancelled; i++)
    {
      const CohortsFinding *finding = g_ptr_array_index (doc->findings, i);

      if ((int) finding->severity != current)
        {
          g_autofree char *heading = NULL;

          current = finding->severity;
          /* Translators: a heading in the findings list: "Warnings (5)" */
          heading = g_strdup_printf (_("%s (%u)"), severity_heading (finding->severity),
                                     cohorts_checks_count (doc->findings, finding->severity));
          doc_heading (doc, FONT_HEADING, heading, doc->line_height[FONT_BODY] * 3);
        }
      write_finding (doc, finding, TRUE);
    }
}

static char *
describe_steps (Doc           *doc,
                CohortsSchool *school,
                CohortsDate   *conversion)
{
  CohortsMilestone milestones[COHORTS_N_STEPS];
  guint n_steps = 0, n_done = 0, n_overdue = 0;

  *conversion = cohorts_schedule_plan (cohorts_plan_get_schedule (doc->plan), school, milestones);
  for (guint i = 0; i < COHORTS_N_STEPS; i++)
    {
      const CohortsMilestone *m = &milestones[i];

      if (!cohorts_step_applies (i, school))
        continue;
      n_steps++;
      if (m->state == COHORTS_MILESTONE_DONE)
        n_done++;
      else if (m->date != COHORTS_DATE_NONE && doc->today != COHORTS_DATE_NONE && m->date < doc->today)
        n_overdue++;
    }

  if (n_overdue > 0)
    /* Translators: a school's conversion steps: "3 of 12 done, 2 overdue" */
    return g_strdup_printf (_("%u of %u done, %u overdue"), n_done, n_steps, n_overdue);
  /* Translators: a school's conversion steps: "3 of 12 done" */
  return g_strdup_printf (_("%u of %u done"), n_done, n_steps);
}

/* What the cohort tables say of a school, one string a column. */
typedef struct
{
  char *urn;
  char *church;
  char *inspection;
  char *pupils;
  char *date;
  char *steps;
  char *readiness;
  const char *cells[9];
} SchoolCells;

static void
school_cells_init (SchoolCells   *row,
                   Doc           *doc,
                   CohortsSchool *school)
{
  CohortsReligiousCharacter character = cohorts_school_get_religious_character (school);
  CohortsReadinessScore score;
  CohortsDate conversion;

  row->urn = g_strdup_printf ("%u", cohorts_school_get_urn (school));
  if (cohorts_school_is_church_school (school))
    /* Translators: a church school's religious character and establishment type, on two lines */
    row->church = g_strdup_printf (_("%s\n%s"), cohorts_enum_get_label (COHORTS_TYPE_RELIGIOUS_CHARACTER, character),
                                   cohorts_enum_get_label (COHORTS_TYPE_ESTABLISHMENT_TYPE,
                                                           cohorts_school_get_establishment_type (school)));
  else
    row->church = g_strdup ("—");

  row->inspection = cohorts_school_describe_inspection (school);
  if (cohorts_school_is_vulnerable (school))
    {
      /* Translators: under a school's inspection outcome in the board pack */
      char *outcome = g_strdup_printf (_("%s\nNeeds support"), row->inspection);
      g_free (row->inspection);
      row->inspection = outcome;
    }

  row->pupils = cohorts_school_get_pupils (school) >= 0 ? format_count (cohorts_school_get_pupils (school))
                                                         : g_strdup ("—");
  row->steps = describe_steps (doc, school, &conversion);
  row->date = format_date (conversion);
  cohorts_plan_score_school (doc->plan, school, &score);
  row->readiness = cohorts_readiness_score_describe (&score);

  row->cells[0] = cohorts_school_get_name (school);
  row->cells[1] = row->urn;
  row->cells[2] = cohorts_enum_get_label (COHORTS_TYPE_PHASE, cohorts_school_get_phase (school));
  row->cells[3] = row->church;
  row->cells[4] = row->inspection;
  row->cells[5] = row->pupils;
  row->cells[6] = row->date;
  row->cells[7] = row->steps;
  row->cells[8] = row->readiness;
}

static void
school_cells_clear (SchoolCells *row)
{
  g_free (row->urn);
  g_free (row->church);
  g_free (row->inspection);
  g_free (row->pupils);
  g_free (row->date);
  g_free (row->steps);
  g_free (row->readiness);
}

static char *
describe_group (const CohortsTimelineGroup *group)
{
  g_autofree char *schools = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u school", "%u schools",
                                                           group->n_members),
                                              group->n_members);
  /* Translators: under a cohort's heading: "5 schools, 2 church schools, 1 needing support" */
  g_autofree char *counts = g_strdup_printf (_("%s, %u church, %u needing support"),
                                            schools, group->n_church, group->n_vulnerable);
  g_autofree char *date = NULL;

  if (group->cohort == NULL)
    return g_steal_pointer (&counts);

  date = format_date (cohorts_cohort_get_date (group->cohort));
  /* Translators: under a cohort's heading: its date, its status, and its counts */
  return g_strdup_printf (_("Converts %s · %s · %s"), date,
                          cohorts_enum_get_label (COHORTS_TYPE_COHORT_STATUS, cohorts_cohort_get_status (group->cohort)),
                          counts);
}

static void
write_schools (Doc *doc)
{
  static const Column columns[] = {
    { N_("School"), 0.16, TRUE, FALSE },
    { N_("URN"), 0.075, FALSE, FALSE },
    { N_("Phase"), 0.10, TRUE, FALSE },
    { N_("Church"), 0.11, TRUE, FALSE },
    { N_("Inspection"), 0.145, TRUE, FALSE },
    { N_("Pupils"), 0.07, FALSE, TRUE },
    { N_("Converts"), 0.12, TRUE, FALSE },
    { N_("Steps"), 0.09, TRUE, FALSE },
    { N_("Readiness"), 0.13, TRUE, FALSE },
  };
  Column translated[G_N_ELEMENTS (columns)];
  Table table = { translated, G_N_ELEMENTS (columns) };
  const char *titles[G_N_ELEMENTS (columns)];
  guint n_groups = cohorts_timeline_rows_get_n_groups (doc->rows);

  table_translate (translated, columns, G_N_ELEMENTS (columns));
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    titles[i] = translated[i].title;

  if (!doc_section (doc, _("Schools by cohort")))
    return;

  for (guint g = 0; g < n_groups && !doc->cancelled; g++)
    {
      const CohortsTimelineGroup *group = cohorts_timeline_rows_get_group (doc->rows, g);
      g_autofree char *name = group_name (group);
      g_autofree char *about = describe_group (group);
      double keep = doc_measure (doc, FONT_SMALL, about, doc_width (doc)) + SPACE
                    + table_row_height (doc, &table, titles, ROW_HEADER);
      SchoolCells first = { 0 };

      if (group->n_members == 0 && group->cohort == NULL)
        continue;

      if (group->n_members > 0)
        {
          school_cells_init (&first, doc, cohorts_timeline_rows_get_school (doc->rows, group->first_row + 1));
          keep += table_row_height (doc, &table, first.cells, ROW_BODY);
          school_cells_clear (&first);
        }

      /* The heading, what it says of the cohort, the header row and the
       * first school or so stay together. */
      doc->running_head = NULL;
      doc_heading (doc, FONT_HEADING, name, keep);
      set_colour (doc->cr, &quiet_ink);
      doc_paragraph (doc, FONT_SMALL, about, 0, SPACE / 2);
      set_colour (doc->cr, &ink);
      doc->running_head = name;

      if (group->n_members == 0)
        {
          doc_paragraph (doc, FONT_ITALIC, _("No schools yet."), 0, SPACE);
          continue;
        }

      table_header (doc, &table);
      for (guint i = 0; i < group->n_members && !doc->cancelled; i++)
        {
          SchoolCells row;

          school_cells_init (&row, doc, cohorts_timeline_rows_get_school (doc->rows, group->first_row + 1 + i));
          table_row (doc, &table, row.cells, ROW_BODY);
          school_cells_clear (&row);
        }
      doc->y += SPACE;
    }
  doc->running_head = NULL;
}

static void
write_pack (Doc *doc)
{
  write_cover (doc);
  write_summary (doc);
  write_timeline (doc);
  write_capacity (doc);
  write_findings (doc);
  write_schools (doc);
  doc_end_page (doc);
}

/* The capacity chart ------------------------------------------------------------ */

/* A round step for a scale up to @max with at most about @ticks ticks. */
static guint
nice_step (guint max,
           guint ticks)
{
  static const guint steps[] = { 1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000, 10000 };

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (max / steps[i] <= ticks)
      return steps[i];
  return (max / ticks / 10000 + 1) * 10000;
}

static void
chart_text (cairo_t                    *cr,
            PangoLayout                *layout,
            const char                 *text,
            double                      x,
            double                      y,
            double                      x_align,
            double                      y_align)
{
  int width, height;

  pango_layout_set_text (layout, text, -1);
  pango_layout_get_size (layout, &width, &height);
  cairo_move_to (cr, x - x_align * pango_units_to_double (width), y - y_align * pango_units_to_double (height));
  pango_cairo_show_layout (cr, layout);
}

/* The steps of the count, as a path: academies, or those needing support. */
static void
chart_steps_path (cairo_t                    *cr,
                  const CohortsTimelineCount *counts,
                  guint                       n_counts,
                  gboolean                    vulnerable,
                  double                      x0,
                  double                      x1,
                  double                      bottom,
                  double                      scale,
                  double                      day_width,
                  CohortsDate                 from)
{
  for (guint i = 0; i < n_counts; i++)
    {
      guint n = vulnerable ? counts[i].vulnerable : counts[i].academies;
      double left = CLAMP (x0 + ((double) counts[i].date - from) * day_width, x0, x1);
      double right = i + 1 < n_counts ? CLAMP (x0 + ((double) counts[i + 1].date - from) * day_width, x0, x1) : x1;

      if (n > 0 && right > left)
        cairo_rectangle (cr, left, bottom - n * scale, right - left, n * scale);
    }
}

/**
 * cohorts_capacity_render_chart:
 * @width: the chart's width, from (0, 0)
 * @height: its height
 *
 * Draws how many of the plan's schools are academies over time, as steps,
 * those needing support hatched, with the trust's growth target as a band,
 * the academic years along the bottom and a scale up the side.
 */
void
cohorts_capacity_render_chart (cairo_t                    *cr,
                               CohortsTimelineRows        *rows,
                               const CohortsTimelineStyle *style,
                               double                      width,
                               double                      height)
{
  CohortsPlan *plan;
  CohortsTrust *trust;
  const CohortsTimelineCount *counts;
  guint n_counts, max, step;
  int min_target, max_target, first_year, last_year;
  CohortsDate start, end, from, to;
  double left = 34, right, top = 28, bottom, day_width, scale;
  g_autoptr(PangoFontDescription) font = NULL;
  g_autoptr(PangoLayout) layout = NULL;
  static const double dashes[] = { 4.0, 3.0 };

  g_return_if_fail (cr != NULL);
  g_return_if_fail (COHORTS_IS_TIMELINE_ROWS (rows));
  g_return_if_fail (style != NULL);

  plan = cohorts_timeline_rows_get_plan (rows);
  trust = cohorts_plan_get_trust (plan);
  counts = cohorts_timeline_rows_get_counts (rows, &n_counts);
  min_target = cohorts_trust_get_academies_min (trust);
  max_target = cohorts_trust_get_academies_max (trust);

  cohorts_timeline_rows_get_range (rows, &start, &end);
  if (start == COHORTS_DATE_NONE)
    start = end = cohorts_plan_get_start_date (plan) != COHORTS_DATE_NONE ? cohorts_plan_get_start_date (plan)
                                                                         : cohorts_date_today ();
  first_year = cohorts_calendar_academic_year (start);
  last_year = MAX (cohorts_calendar_academic_year (end), first_year);
  from = cohorts_calendar_academic_year_start (first_year);
  to = cohorts_calendar_academic_year_start (last_year + 1);

  max = 1;
  for (guint i = 0; i < n_counts; i++)
    max = MAX (max, counts[i].academies);
  max = MAX (max, (guint) MAX (MAX (min_target, max_target), 0));
  step = nice_step (max, 8);
  max = (max + step - 1) / step * step;

  font = pango_font_description_copy (style->font != NULL ? style->font : NULL);
  if (font == NULL)
    font = pango_font_description_from_string ("Sans 8.5");
  layout = doc_create_layout (cr);
  pango_layout_set_font_description (layout, font);

  right = width - 4;
  bottom = height - 20;
  day_width = (right - left) / (double) (to - from);
  scale = (bottom - top) / max;

  cairo_save (cr);
  cairo_set_line_width (cr, 0.5);

  /* The scale, and its lines across */
  for (guint n = 0; n <= max; n += step)
    {
      g_autofree char *label = g_strdup_printf ("%u", n);
      double y = bottom - n * scale;

      cairo_set_source_rgba (cr, style->grid.red, style->grid.green, style->grid.blue, style->grid.alpha);
      cairo_move_to (cr, left, y);
      cairo_line_to (cr, right, y);
      cairo_stroke (cr);
      cairo_set_source_rgba (cr, style->foreground.red, style->foreground.green, style->foreground.blue, 0.8);
      chart_text (cr, layout, label, left - 4, y, 1.0, 0.5);
    }

  /* The academic years along the bottom, between lines at each 1 September */
  for (int year = first_year; year <= last_year + 1; year++)
    {
      double x = left + ((double) cohorts_calendar_academic_year_start (year) - from) * day_width;

      cairo_set_source_rgba (cr, style->grid.red, style->grid.green, style->grid.blue, style->grid.alpha);
      cairo_move_to (cr, x, top);
      cairo_line_to (cr, x, bottom + 4);
      cairo_stroke (cr);
      if (year <= last_year)
        {
          g_autofree char *label = cohorts_calendar_academic_year_label (year);
          double next = left + ((double) cohorts_calendar_academic_year_start (year + 1) - from) * day_width;

          cairo_set_source_rgba (cr, style->foreground.red, style->foreground.green, style->foreground.blue, 0.8);
          if (next - x > 36 || (year - first_year) % (int) ceil (36 / (next - x)) == 0)
            chart_text (cr, layout, label, (x + next) / 2, bottom + 4, 0.5, 0.0);
        }
    }

  /* The growth target */
  if (min_target > 0 || max_target > 0)
    {
      int low = min_target > 0 ? min_target : max_target;
      int high = max_target > 0 ? max_target : min_target;
      g_autofree char *label = NULL;

      cairo_set_source_rgba (cr, style->done.red, style->done.green, style->done.blue, 0.12);
      cairo_rectangle (cr, left, bottom - high * scale, right - left, (high - low) * scale);
      cairo_fill (cr);
      cairo_set_source_rgba (cr, style->done.red, style->done.green, style->done.blue, 1.0);
      cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
      cairo_set_line_width (cr, 1.0);
      cairo_move_to (cr, left, bottom - low * scale);
      cairo_line_to (cr, right, bottom - low * scale);
      cairo_move_to (cr, left, bottom - high * scale);
      cairo_line_to (cr, right, bottom - high * scale);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      if (low != high)
        /* Translators: the growth target's band in the capacity chart */
        label = g_strdup_printf (_("Growth target %d–%d"), low, high);
      else
        label = g_strdup_printf (_("Growth target %d"), low);
      chart_text (cr, layout, label, right - 4, bottom - high * scale + 2, 1.0, 0.0);
    }

  /* The academies, then those needing support, hatched */
  chart_steps_path (cr, counts, n_counts, FALSE, left, right, bottom, scale, day_width, from);
  cairo_set_source_rgba (cr, style->strip.red, style->strip.green, style->strip.blue, 0.30);
  cairo_fill (cr);

  cairo_save (cr);
  chart_steps_path (cr, counts, n_counts, TRUE, left, right, bottom, scale, day_width, from);
  cairo_clip (cr);
  cairo_set_source_rgba (cr, style->support.red, style->support.green, style->support.blue, 0.35);
  cairo_paint (cr);
  cairo_set_source_rgba (cr, style->support.red, style->support.green, style->support.blue, 1.0);
  cairo_set_line_width (cr, 1.2);
  for (double x = left - (bottom - top); x < right; x += 5)
    {
      cairo_move_to (cr, x, bottom);
      cairo_line_to (cr, x + (bottom - top), top);
    }
  cairo_stroke (cr);
  cairo_restore (cr);

  /* The outline of the steps, and the count where it changes */
  cairo_set_source_rgba (cr, style->strip.red, style->strip.green, style->strip.blue, 1.0);
  cairo_set_line_width (cr, 1.5);
  cairo_move_to (cr, left, bottom);
  for (guint i = 0; i < n_counts; i++)
    {
      double x = CLAMP (left + ((double) counts[i].date - from) * day_width, left, right);
      double previous = i > 0 ? counts[i - 1].academies : 0;

      cairo_line_to (cr, x, bottom - previous * scale);
      cairo_line_to (cr, x, bottom - counts[i].academies * scale);
    }
  cairo_line_to (cr, right, bottom - (n_counts > 0 ? counts[n_counts - 1].academies : 0) * scale);
  cairo_stroke (cr);

  cairo_set_source_rgba (cr, style->foreground.red, style->foreground.green, style->foreground.blue, 1.0);
  for (guint i = 0; i < n_counts; i++)
    {
      g_autofree char *label = NULL;
      double x = CLAMP (left + ((double) counts[i].date - from) * day_width, left, right);
      double next = i + 1 < n_counts ? CLAMP (left + ((double) counts[i + 1].date - from) * day_width, left, right) : right;

      if (next - x < 16 || (i > 0 && counts[i].academies == counts[i - 1].academies))
        continue;
      label = g_strdup_printf ("%u", counts[i].academies);
      chart_text (cr, layout, label, x + 3, bottom - counts[i].academies * scale - 1, 0.0, 1.0);
    }

  /* The axes, and what the colours are */
  cairo_set_line_width (cr, 1.0);
  cairo_move_to (cr, left, top);
  cairo_line_to (cr, left, bottom);
  cairo_line_to (cr, right, bottom);
  cairo_stroke (cr);

  chart_text (cr, layout, _("Academies (blue); hatched: need support; band: growth target"), left, 0, 0.0, 0.0);

  cairo_restore (cr);
}

/* Export ------------------------------------------------------------------------ */

/**
 * cohorts_board_pack_options_init:
 *
 * Sets @options to a pack as of today, without an edition.
 */
void
cohorts_board_pack_options_init (CohortsBoardPackOptions *options)
{
  g_return_if_fail (options != NULL);

  options->today = cohorts_date_today ();
  options->edition = NULL;
}

static CohortsPaper *
create_paper (Doc   *doc,
              guint  first_page,
              guint  total_pages)
{
  CohortsPaperOptions options;

  cohorts_paper_options_init (&options, COHORTS_PAPER_SIZE_A4, COHORTS_PAPER_LANDSCAPE);
  options.mode = COHORTS_PAGES_FIT;
  options.today = doc->today;
  options.title = doc->title;
  options.edition = doc->edition;
  options.first_page = first_page;
  options.total_pages = total_pages;
  return cohorts_paper_new (doc->timeline_rows, &options);
}

/**
 * cohorts_board_pack_export:
 * @plan: the plan
 * @path: the PDF file to write; it is replaced only once the whole pack is
 *   written
 * @options: (nullable): as of when, which edition; %NULL: as of today
 * @cancellable: (nullable): looked at between pages
 * @progress: (nullable): called after each page with how many are done and
 *   how many there are in all
 * @user_data: for @progress
 * @error: the reason it failed
 *
 * Writes the board pack: a cover, a summary, the timeline, the capacity
 * chart, the findings and the schools of each cohort, on A4.
 *
 * Returns: whether the file was written; when cancelled, @error is
 *   %G_IO_ERROR_CANCELLED and the file at @path is as it was
 */
gboolean
cohorts_board_pack_export (CohortsPlan                   *plan,
                           const char                    *path,
                           const CohortsBoardPackOptions *options,
                           GCancellable                  *cancellable,
                           CohortsProgressFunc            progress,
                           gpointer                       user_data,
                           GError                       **error)
{
  CohortsBoardPackOptions defaults;
  g_autoptr(CohortsTimelineRows) rows = NULL;
  g_autoptr(CohortsTimelineRows) timeline_rows = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  CohortsExportSink *sink;
  cairo_surface_t *surface;
  guint first_page, n_pages;
  gboolean cancelled;
  Doc doc = { 0 };

  g_return_val_if_fail (COHORTS_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (options == NULL)
    {
      cohorts_board_pack_options_init (&defaults);
      options = &defaults;
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  rows = cohorts_timeline_rows_new (plan);
  timeline_rows = cohorts_timeline_rows_new (plan);
  if (cohorts_plan_get_n_schools (plan) > TIMELINE_MAX_SCHOOLS)
    for (guint i = 0; i < cohorts_timeline_rows_get_n_groups (timeline_rows); i++)
      cohorts_timeline_rows_set_collapsed (timeline_rows, i, TRUE);
  findings = cohorts_checks_run_at (plan, options->today);
  doc_sort_findings (findings);

  doc.plan = plan;
  doc.rows = rows;
  doc.timeline_rows = timeline_rows;
  doc.findings = findings;
  doc.today = options->today;
  doc.title = cohorts_plan_get_title (plan)[0] != '\0' ? cohorts_plan_get_title (plan) : _("Untitled plan");
  doc.edition = options->edition;
  doc.cancellable = cancellable;
  doc.progress = progress;
  doc.user_data = user_data;

  /* First, only count the pages; nothing is drawn. */
  surface = cairo_pdf_surface_create_for_stream (NULL, NULL, COHORTS_PAPER_A4_WIDTH, COHORTS_PAPER_A4_HEIGHT);
  doc.paper = create_paper (&doc, 1, 0);
  doc_init (&doc, surface, FALSE);
  write_pack (&doc);
  first_page = doc.timeline_page;
  n_pages = doc.page;
  cancelled = doc.cancelled;
  doc_clear (&doc);
  g_clear_pointer (&doc.paper, cohorts_paper_free);
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

  doc.paper = create_paper (&doc, first_page, n_pages);
  doc.n_pages = n_pages;
  surface = doc_pdf_surface_new (sink, COHORTS_PAPER_A4_WIDTH, COHORTS_PAPER_A4_HEIGHT, plan, doc.title, _("Board pack"));

  doc_init (&doc, surface, TRUE);
  write_pack (&doc);
  cancelled = doc.cancelled;
  g_warn_if_fail (cancelled || doc.page == n_pages);
  doc_clear (&doc);
  g_clear_pointer (&doc.paper, cohorts_paper_free);

  return doc_finish_pdf (surface, sink, cancelled, _("Could not write the board pack"), error);
}
