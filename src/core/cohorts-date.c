/* cohorts-date.c: calendar dates as the plan uses them
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cohorts-date"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "cohorts-date.h"
#include "cohorts-error.h"

/* Years outside this range are almost certainly typing mistakes in a plan. */
#define MIN_YEAR 1900
#define MAX_YEAR 2200

/* The last day that has a four-digit year, 31 December 9999. Dates are plain
 * integers that reach us through properties and arithmetic: beyond this day
 * GDate's years overflow, GDateTime refuses them and ISO 8601 needs more
 * digits, so a larger number is treated as no date at all. */
#define LAST_DAY 3652059u

/**
 * cohorts_date_new:
 *
 * Returns: the date, or %COHORTS_DATE_NONE when year, month and day do not
 *   name a real day (30 February) or the year is outside 1900–2200.
 */
CohortsDate
cohorts_date_new (int year,
                  int month,
                  int day)
{
  GDate date;

  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1)
    return COHORTS_DATE_NONE;
  if (!g_date_valid_dmy (day, month, year))
    return COHORTS_DATE_NONE;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  return g_date_get_julian (&date);
}

static gboolean
to_gdate (CohortsDate  date,
          GDate       *out)
{
  g_date_clear (out, 1);
  if (date == COHORTS_DATE_NONE || date > LAST_DAY || !g_date_valid_julian (date))
    return FALSE;
  g_date_set_julian (out, date);
  return TRUE;
}

static int
digits (const char *text,
        int         n)
{
  int value = 0;

  for (int i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return -1;
      value = value * 10 + (text[i] - '0');
    }
  return value;
}

/**
 * cohorts_date_parse_iso:
 * @text: a date written YYYY-MM-DD
 *
 * Parses an ISO 8601 calendar date strictly: exactly ten characters, a real
 * day. The error message says what is wrong in words ("2027-02-30 is not a
 * date: February 2027 has 28 days").
 */
gboolean
cohorts_date_parse_iso (const char   *text,
                        CohortsDate  *out_date,
                        GError      **error)
{
  int year, month, day;
  CohortsDate date;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out_date != NULL, FALSE);

  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-' ||
      (year = digits (text, 4)) < 0 ||
      (month = digits (text + 5, 2)) < 0 ||
      (day = digits (text + 8, 2)) < 0)
    {
      g_set_error (error, COHORTS_PLAN_ERROR, COHORTS_PLAN_ERROR_INVALID,
                   _("“%s” is not a date written YYYY-MM-DD"), text);
      return FALSE;
    }

  if (month < 1 || month > 12)
    {
      g_set_error (error, COHORTS_PLAN_ERROR, COHORTS_PLAN_ERROR_INVALID,
                   _("%s is not a date: there is no month %d"), text, month);
      return FALSE;
    }

  if (year < MIN_YEAR || year > MAX_YEAR)
    {
      g_set_error (error, COHORTS_PLAN_ERROR, COHORTS_PLAN_ERROR_INVALID,
                   _("%s is not a plausible date: the year must be between %d and %d"),
                   text, MIN_YEAR, MAX_YEAR);
      return FALSE;
    }

  date = cohorts_date_new (year, month, day);
  if (date == COHORTS_DATE_NONE)
    {
      int days_in_month = g_date_get_days_in_month (month, year);
      g_autofree char *month_year = cohorts_date_format_month (cohorts_date_new (year, month, 1));

      g_set_error (error, COHORTS_PLAN_ERROR, COHORTS_PLAN_ERROR_INVALID,
                   /* Translators: "2027-02-30 is not a date: February 2027 has 28 days" */
                   _("%s is not a date: %s has %d days"),
                   text, month_year, days_in_month);
      return FALSE;
    }

  *out_date = date;
  return TRUE;
}

/**
 * cohorts_date_write_iso:
 * @buffer: (out caller-allocates): eleven bytes
 *
 * Writes the date as YYYY-MM-DD without allocating; an empty string for
 * %COHORTS_DATE_NONE.
 */
void
cohorts_date_write_iso (CohortsDate date,
                        char        buffer[11])
{
  GDate d;

  if (!to_gdate (date, &d))
    {
      buffer[0] = '\0';
      return;
    }

  g_snprintf (buffer, 11, "%04d-%02d-%02d",
              (int) g_date_get_year (&d), (int) g_date_get_month (&d), (int) g_date_get_day (&d));
}

char *
cohorts_date_to_iso (CohortsDate date)
{
  char buffer[11];

  cohorts_date_write_iso (date, buffer);
  return g_strdup (buffer);
}

/**
 * cohorts_date_format:
 *
 * Returns: the date as people read it: "1 September 2027" in British English.
 */
char *
cohorts_date_format (CohortsDate date)
{
  g_autoptr(GDateTime) dt = NULL;
  GDate d;

  if (!to_gdate (date, &d))
    return g_strdup ("");

  dt = g_date_time_new_utc (g_date_get_year (&d), g_date_get_month (&d), g_date_get_day (&d), 0, 0, 0);
  /* Conversions are on the 1st of a month, which some languages write apart
   * ("1er septembre 2027"). */
  if (g_date_get_day (&d) == 1)
    /* Translators: the 1st of a month as a strftime()-style format for
     * g_date_time_format(): "1 September 2027" in British English. */
    return g_date_time_format (dt, C_("date, the first of a month", "%-d %B %Y"));

  /* Translators: a date as a strftime()-style format for g_date_time_format(),
   * "15 September 2027" in British English. Languages whose month names change
   * form after a number use %B; standing alone, %OB. */
  return g_date_time_format (dt, C_("date", "%-d %B %Y"));
}

/**
 * cohorts_date_format_month:
 *
 * Returns: the month of @date as people read it: "September 2027".
 */
char *
cohorts_date_format_month (CohortsDate date)
{
  g_autoptr(GDateTime) dt = NULL;
  GDate d;

  if (!to_gdate (date, &d))
    return g_strdup ("");

  dt = g_date_time_new_utc (g_date_get_year (&d), g_date_get_month (&d), 1, 0, 0, 0);
  /* Translators: a month as a strftime()-style format for g_date_time_format(),
   * "September 2027" in British English. Languages whose month names change
   * form after a number (Polish, Russian…) use %OB here, the form standing alone. */
  return g_date_time_format (dt, C_("date", "%B %Y"));
}

int
cohorts_date_get_year (CohortsDate date)
{
  GDate d;

  return to_gdate (date, &d) ? g_date_get_year (&d) : 0;
}

int
cohorts_date_get_month (CohortsDate date)
{
  GDate d;

  return to_gdate (date, &d) ? g_date_get_month (&d) : 0;
}

int
cohorts_date_get_day (CohortsDate date)
{
  GDate d;

  return to_gdate (date, &d) ? g_date_get_day (&d) : 0;
}

/**
 * cohorts_date_is_valid:
 *
 * Returns: whether @date is a day from 1 January 1900 to 31 December 2200,
 *   the dates a plan may hold
 */
gboolean
cohorts_date_is_valid (CohortsDate date)
{
  int year = cohorts_date_get_year (date);

  return year >= MIN_YEAR && year <= MAX_YEAR;
}

gboolean
cohorts_date_is_first_of_month (CohortsDate date)
{
  return cohorts_date_get_day (date) == 1;
}

/**
 * cohorts_date_first_of_month:
 *
 * Returns: the 1st of the month that @date falls in.
 */
CohortsDate
cohorts_date_first_of_month (CohortsDate date)
{
  GDate d;

  if (!to_gdate (date, &d))
    return COHORTS_DATE_NONE;
  return date - (g_date_get_day (&d) - 1);
}

/**
 * cohorts_date_add_months:
 *
 * Adds (or with a negative @months, subtracts) whole months; the day is
 * clamped to the end of a shorter month, as #GDate does.
 *
 * Returns: the date, or %COHORTS_DATE_NONE when @date is none or the result
 *   falls outside the years 1–9999.
 */
CohortsDate
cohorts_date_add_months (CohortsDate date,
                         int         months)
{
  GDate d;
  gint64 month_index;
  int year, month, day;

  if (!to_gdate (date, &d))
    return COHORTS_DATE_NONE;

  /* Count in months since year 0 with 64 bits, so that no @months overflows
   * and a result outside years 1–9999 is refused rather than handed to
   * g_date_add_months(), which fails with a critical warning. */
  month_index = (gint64) g_date_get_year (&d) * 12 + (g_date_get_month (&d) - 1) + months;
  if (month_index < 12 || month_index > (gint64) 9999 * 12 + 11)
    return COHORTS_DATE_NONE;

  year = month_index / 12;
  month = month_index % 12 + 1;
  day = MIN (g_date_get_day (&d), g_date_get_days_in_month (month, year));

  g_date_set_dmy (&d, day, month, year);
  return g_date_get_julian (&d);
}

CohortsDate
cohorts_date_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return cohorts_date_new (g_date_time_get_year (now),
                           g_date_time_get_month (now),
                           g_date_time_get_day_of_month (now));
}

/**
 * cohorts_date_time_parse_iso:
 * @text: a moment written YYYY-MM-DDTHH:MM:SSZ, in UTC
 *
 * Reads a moment as the plan file writes it; no other spelling (no
 * fractions, no offsets but "Z") is accepted.
 *
 * Returns: %FALSE, with @error set to a message naming @text, when it is not
 *   one
 */
gboolean
cohorts_date_time_parse_iso (const char  *text,
                             gint64      *out_time,
                             GError     **error)
{
  char day_text[11];
  CohortsDate date;
  int hour, minute, second;
  g_autoptr(GDateTime) dt = NULL;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out_time != NULL, FALSE);

  if (strlen (text) != 20 || text[10] != 'T' || text[13] != ':' || text[16] != ':' ||
      text[19] != 'Z' || (hour = digits (text + 11, 2)) < 0 ||
      (minute = digits (text + 14, 2)) < 0 || (second = digits (text + 17, 2)) < 0)
    {
      g_set_error (error, COHORTS_PLAN_ERROR, COHORTS_PLAN_ERROR_INVALID,
                   _("“%s” is not a moment written YYYY-MM-DDTHH:MM:SSZ (UTC)"), text);
      return FALSE;
    }

  memcpy (day_text, text, 10);
  day_text[10] = '\0';
  if (!cohorts_date_parse_iso (day_text, &date, error))
    return FALSE;

  if (hour > 23 || minute > 59 || second > 59)
    {
      g_set_error (error, COHORTS_PLAN_ERROR, COHORTS_PLAN_ERROR_INVALID,
                   _("%s is not a time of day: hours go to 23, minutes and seconds to 59"), text);
      return FALSE;
    }

  dt = g_date_time_new_utc (cohorts_date_get_year (date), cohorts_date_get_month (date),
                            cohorts_date_get_day (date), hour, minute, second);
  g_assert (dt != NULL);
  *out_time = g_date_time_to_unix (dt);
  return TRUE;
}

/**
 * cohorts_date_time_to_iso:
 *
 * Returns: @time as the file writes it, "2026-11-23T14:05:00Z"; an empty
 *   string for %COHORTS_DATE_TIME_NONE
 */
char *
cohorts_date_time_to_iso (gint64 time)
{
  g_autoptr(GDateTime) dt = NULL;

  if (time == COHORTS_DATE_TIME_NONE || (dt = g_date_time_new_from_unix_utc (time)) == NULL)
    return g_strdup ("");
  return g_date_time_format (dt, "%Y-%m-%dT%H:%M:%SZ");
}

/**
 * cohorts_date_time_format:
 *
 * Returns: @time in the local time zone as people read it, "23 November 2026,
 *   14:05" in British English; an empty string for %COHORTS_DATE_TIME_NONE
 */
char *
cohorts_date_time_format (gint64 time)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (time == COHORTS_DATE_TIME_NONE || (utc = g_date_time_new_from_unix_utc (time)) == NULL)
    return g_strdup ("");
  local = g_date_time_to_local (utc);
  /* Translators: a date and a time of day as a strftime()-style format for
   * g_date_time_format(): "23 November 2026, 14:05" in British English. */
  return g_date_time_format (local, C_("date and time", "%-d %B %Y, %H:%M"));
}

/**
 * cohorts_date_time_now:
 *
 * Returns: the current moment, to the second
 */
gint64
cohorts_date_time_now (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}
