/* cohorts-calendar.c: the school year, its terms, financial years
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * English schools count years from 1 September ("2027/28") in three terms:
 * autumn (September to Christmas), spring (January to Easter) and summer
 * (Easter to July). Term dates vary by local authority; the spring term is
 * taken to end, and the summer term to begin, on Easter Sunday, which is
 * close enough for planning and the same everywhere. Maintained schools'
 * financial years run from 1 April ("2027–28").
 */
#define G_LOG_DOMAIN "cohorts-calendar"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cohorts-calendar.h"

/**
 * cohorts_calendar_easter:
 *
 * Returns: Easter Sunday of @year (Gregorian calendar)
 */
CohortsDate
cohorts_calendar_easter (int year)
{
  /* The anonymous Gregorian algorithm ("Meeus/Jones/Butcher"). */
  int a = year % 19;
  int b = year / 100;
  int c = year % 100;
  int d = b / 4;
  int e = b % 4;
  int f = (b + 8) / 25;
  int g = (b - f + 1) / 3;
  int h = (19 * a + b - d - g + 15) % 30;
  int i = c / 4;
  int k = c % 4;
  int l = (32 + 2 * e + 2 * i - h - k) % 7;
  int m = (a + 11 * h + 22 * l) / 451;
  int month = (h + l - 7 * m + 114) / 31;
  int day = (h + l - 7 * m + 114) % 31 + 1;

  return cohorts_date_new (year, month, day);
}

/**
 * cohorts_calendar_academic_year:
 *
 * Returns: the calendar year in which @date's academic year began: 2027 for
 *   any day from 1 September 2027 to 31 August 2028
 */
int
cohorts_calendar_academic_year (CohortsDate date)
{
  int year = cohorts_date_get_year (date);

  return cohorts_date_get_month (date) >= 9 ? year : year - 1;
}

CohortsDate
cohorts_calendar_academic_year_start (int year)
{
  return cohorts_date_new (year, 9, 1);
}

/**
 * cohorts_calendar_academic_year_label:
 *
 * Returns: "2027/28" for the year beginning in September 2027
 */
char *
cohorts_calendar_academic_year_label (int year)
{
  /* Translators: an academic year, "2027/28" */
  return g_strdup_printf (_("%d/%02d"), year, (year + 1) % 100);
}

/**
 * cohorts_calendar_term:
 *
 * Returns: the term @date falls in; the summer holiday counts as summer
 */
CohortsTerm
cohorts_calendar_term (CohortsDate date)
{
  int month = cohorts_date_get_month (date);

  if (month >= 9)
    return COHORTS_TERM_AUTUMN;
  if (date < cohorts_calendar_easter (cohorts_date_get_year (date)))
    return COHORTS_TERM_SPRING;
  return COHORTS_TERM_SUMMER;
}

/**
 * cohorts_calendar_term_start:
 * @academic_year: the year the academic year began (2027 for 2027/28)
 *
 * Returns: the first day of @term: 1 September, 1 January, or Easter Sunday
 */
CohortsDate
cohorts_calendar_term_start (int         academic_year,
                             CohortsTerm term)
{
  switch (term)
    {
    case COHORTS_TERM_AUTUMN:
      return cohorts_date_new (academic_year, 9, 1);
    case COHORTS_TERM_SPRING:
      return cohorts_date_new (academic_year + 1, 1, 1);
    case COHORTS_TERM_SUMMER:
    default:
      return cohorts_calendar_easter (academic_year + 1);
    }
}

const char *
cohorts_calendar_term_name (CohortsTerm term)
{
  switch (term)
    {
    case COHORTS_TERM_AUTUMN:
      return _("Autumn term");
    case COHORTS_TERM_SPRING:
      return _("Spring term");
    case COHORTS_TERM_SUMMER:
    default:
      return _("Summer term");
    }
}

static const char *const term_tokens[] = {
  [COHORTS_TERM_AUTUMN] = "autumn",
  [COHORTS_TERM_SPRING] = "spring",
  [COHORTS_TERM_SUMMER] = "summer",
};

/**
 * cohorts_calendar_term_token:
 *
 * Returns: @term as scripts and findings' subjects write it: "autumn"
 */
const char *
cohorts_calendar_term_token (CohortsTerm term)
{
  return term_tokens[term == COHORTS_TERM_AUTUMN || term == COHORTS_TERM_SPRING ? term : COHORTS_TERM_SUMMER];
}

gboolean
cohorts_calendar_term_from_token (const char  *token,
                                  CohortsTerm *term)
{
  for (guint i = 0; i < G_N_ELEMENTS (term_tokens); i++)
    if (g_strcmp0 (token, term_tokens[i]) == 0)
      {
        *term = (CohortsTerm) i;
        return TRUE;
      }
  return FALSE;
}

/**
 * cohorts_calendar_format_term:
 * @year: the academic year it is in (the year it began)
 *
 * Returns: the term as people read it: "Autumn term 2027/28"
 */
char *
cohorts_calendar_format_term (int         year,
                              CohortsTerm term)
{
  g_autofree char *year_label = cohorts_calendar_academic_year_label (year);

  /* Translators: a term of an academic year: "Autumn term 2027/28" */
  return g_strdup_printf (C_("term of a year", "%s %s"), cohorts_calendar_term_name (term), year_label);
}

/**
 * cohorts_calendar_term_short_name:
 *
 * Returns: the term's name as it fits a chart's axis: "Autumn"
 */
const char *
cohorts_calendar_term_short_name (CohortsTerm term)
{
  switch (term)
    {
    case COHORTS_TERM_AUTUMN:
      return C_("term", "Autumn");
    case COHORTS_TERM_SPRING:
      return C_("term", "Spring");
    case COHORTS_TERM_SUMMER:
    default:
      return C_("term", "Summer");
    }
}

/**
 * cohorts_calendar_financial_year:
 *
 * Returns: the calendar year in which @date's financial year (from 1 April)
 *   began
 */
int
cohorts_calendar_financial_year (CohortsDate date)
{
  int year = cohorts_date_get_year (date);

  return cohorts_date_get_month (date) >= 4 ? year : year - 1;
}

/**
 * cohorts_calendar_financial_year_label:
 *
 * Returns: "2027–28" for the financial year from 1 April 2027
 */
char *
cohorts_calendar_financial_year_label (int year)
{
  /* Translators: a financial year, "2027–28" */
  return g_strdup_printf (_("%d–%02d"), year, (year + 1) % 100);
}
