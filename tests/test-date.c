/* test-date.c: calendar dates as the plan uses them
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-date"

#include "config.h"

#include "cohorts-date.h"
#include "cohorts-error.h"

/* 1 January of year 1 is day 1 (GDate's "Julian" day). */
#define DAY_1900_01_01 693596u

static void
assert_ymd (CohortsDate date,
            int         year,
            int         month,
            int         day)
{
  g_assert_cmpuint (date, !=, COHORTS_DATE_NONE);
  g_assert_cmpint (cohorts_date_get_year (date), ==, year);
  g_assert_cmpint (cohorts_date_get_month (date), ==, month);
  g_assert_cmpint (cohorts_date_get_day (date), ==, day);
}

static void
assert_iso (CohortsDate  date,
            const char  *expected)
{
  g_autofree char *iso = cohorts_date_to_iso (date);

  g_assert_cmpstr (iso, ==, expected);
}

static void
test_new_valid (void)
{
  assert_ymd (cohorts_date_new (2027, 9, 1), 2027, 9, 1);
  assert_ymd (cohorts_date_new (2027, 12, 31), 2027, 12, 31);
  assert_ymd (cohorts_date_new (1900, 1, 1), 1900, 1, 1);
  assert_ymd (cohorts_date_new (2200, 12, 31), 2200, 12, 31);

  /* The value is GDate's day number, so dates subtract as days. */
  g_assert_cmpuint (cohorts_date_new (1900, 1, 1), ==, DAY_1900_01_01);
  g_assert_cmpuint (cohorts_date_new (2027, 9, 1) - cohorts_date_new (2027, 8, 31), ==, 1);
  g_assert_cmpuint (cohorts_date_new (2028, 1, 1) - cohorts_date_new (2027, 1, 1), ==, 365);
  g_assert_cmpuint (cohorts_date_new (2029, 1, 1) - cohorts_date_new (2028, 1, 1), ==, 366);
  g_assert_cmpuint (cohorts_date_new (2027, 4, 1), <, cohorts_date_new (2027, 9, 1));
}

static void
test_new_leap_years (void)
{
  /* Divisible by 4: leap. */
  assert_ymd (cohorts_date_new (2024, 2, 29), 2024, 2, 29);
  assert_ymd (cohorts_date_new (2028, 2, 29), 2028, 2, 29);
  /* Divisible by 400: leap. */
  assert_ymd (cohorts_date_new (2000, 2, 29), 2000, 2, 29);
  /* Divisible by 100 but not 400: not leap. */
  g_assert_cmpuint (cohorts_date_new (1900, 2, 29), ==, COHORTS_DATE_NONE);
  g_assert_cmpuint (cohorts_date_new (2100, 2, 29), ==, COHORTS_DATE_NONE);
  g_assert_cmpuint (cohorts_date_new (2200, 2, 29), ==, COHORTS_DATE_NONE);
  /* Not divisible by 4. */
  g_assert_cmpuint (cohorts_date_new (2027, 2, 29), ==, COHORTS_DATE_NONE);
  assert_ymd (cohorts_date_new (2027, 2, 28), 2027, 2, 28);
}

static void
test_new_invalid (void)
{
  g_assert_cmpuint (cohorts_date_new (2027, 13, 1), ==, COHORTS_DATE_NONE);
  g_assert_cmpuint (cohorts_date_new (2027, 0, 1), ==, COHORTS_DATE_NONE);
  g_assert_cmpuint (cohorts_date_new (2027, -1, 1), ==, COHORTS_DATE_NONE);
  g_assert_cmpuint (cohorts_date_new (2027, 1, 0), ==, COHORTS_DATE_NONE);
  g_assert_cmpuint (cohorts_date_new (2027, 1, 32), ==, COHORTS_DATE_NONE);
  g_assert_cmpuint (cohorts_date_new (2027, 1, -5), ==, COHORTS_DATE_NONE);
  g_assert_cmpuint (cohorts_date_new (2027, 4, 31), ==, COHORTS_DATE_NONE);
  g_assert_cmpuint (cohorts_date_new (2027, 2, 30), ==, COHORTS_DATE_NONE);
  g_assert_cmpuint (cohorts_date_new (1899, 12, 31), ==, COHORTS_DATE_NONE);
  g_assert_cmpuint (cohorts_date_new (2201, 1, 1), ==, COHORTS_DATE_NONE);
  g_assert_cmpuint (cohorts_date_new (0, 1, 1), ==, COHORTS_DATE_NONE);
  g_assert_cmpuint (cohorts_date_new (G_MAXINT, 1, 1), ==, COHORTS_DATE_NONE);
  g_assert_cmpuint (cohorts_date_new (G_MININT, 1, 1), ==, COHORTS_DATE_NONE);
}

static void
test_parse_valid (void)
{
  static const struct { const char *text; int y, m, d; } cases[] = {
    { "2027-09-01", 2027, 9, 1 },
    { "2027-12-31", 2027, 12, 31 },
    { "1900-01-01", 1900, 1, 1 },
    { "2200-12-31", 2200, 12, 31 },
    { "2000-02-29", 2000, 2, 29 },
    { "2024-02-29", 2024, 2, 29 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      CohortsDate date = COHORTS_DATE_NONE;

      g_assert_true (cohorts_date_parse_iso (cases[i].text, &date, &error));
      g_assert_no_error (error);
      assert_ymd (date, cases[i].y, cases[i].m, cases[i].d);
      g_assert_cmpuint (date, ==, cohorts_date_new (cases[i].y, cases[i].m, cases[i].d));
      assert_iso (date, cases[i].text);
    }
}

/* Parses @text, expecting it to be refused with exactly @message, and the
 * output left alone. */
static void
assert_parse_fails (const char *text,
                    const char *message)
{
  g_autoptr(GError) error = NULL;
  CohortsDate date = 12345;

  g_assert_false (cohorts_date_parse_iso (text, &date, &error));
  g_assert_error (error, COHORTS_PLAN_ERROR, COHORTS_PLAN_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, message);
  g_assert_cmpuint (date, ==, 12345);

  /* A NULL error is allowed too. */
  g_assert_false (cohorts_date_parse_iso (text, &date, NULL));
  g_assert_cmpuint (date, ==, 12345);
}

static void
test_parse_leap_days (void)
{
  assert_parse_fails ("1900-02-29", "1900-02-29 is not a date: February 1900 has 28 days");
  assert_parse_fails ("2100-02-29", "2100-02-29 is not a date: February 2100 has 28 days");
  assert_parse_fails ("2027-02-29", "2027-02-29 is not a date: February 2027 has 28 days");
  assert_parse_fails ("2028-02-30", "2028-02-30 is not a date: February 2028 has 29 days");
  assert_parse_fails ("2000-02-30", "2000-02-30 is not a date: February 2000 has 29 days");
}

static void
test_parse_bad_day (void)
{
  assert_parse_fails ("2027-01-00", "2027-01-00 is not a date: January 2027 has 31 days");
  assert_parse_fails ("2027-01-32", "2027-01-32 is not a date: January 2027 has 31 days");
  assert_parse_fails ("2027-04-31", "2027-04-31 is not a date: April 2027 has 30 days");
  assert_parse_fails ("2027-09-99", "2027-09-99 is not a date: September 2027 has 30 days");
}

static void
test_parse_bad_month (void)
{
  assert_parse_fails ("2027-13-01", "2027-13-01 is not a date: there is no month 13");
  assert_parse_fails ("2027-00-01", "2027-00-01 is not a date: there is no month 0");
  assert_parse_fails ("2027-99-01", "2027-99-01 is not a date: there is no month 99");
}

static void
test_parse_bad_year (void)
{
  assert_parse_fails ("1899-12-31",
                      "1899-12-31 is not a plausible date: the year must be between 1900 and 2200");
  assert_parse_fails ("2201-01-01",
                      "2201-01-01 is not a plausible date: the year must be between 1900 and 2200");
  assert_parse_fails ("0000-01-01",
                      "0000-01-01 is not a plausible date: the year must be between 1900 and 2200");
  assert_parse_fails ("9999-12-31",
                      "9999-12-31 is not a plausible date: the year must be between 1900 and 2200");
}

static void
test_parse_bad_form (void)
{
  static const char *const texts[] = {
    "",
    "2027",
    "2027-9-1",
    "2027-09-1",
    "27-09-01",
    "2027/09/01",
    "2027.09.01",
    "01-09-2027",
    "2027-09-01 ",
    " 2027-09-01",
    "2027-09-01\n",
    "2027-09-01T00:00",
    "2027-09-01Z",
    "+027-09-01",
    "-027-09-01",
    "2027--9-01",
    "2027-0a-01",
    "2027-09-0x",
    "20270901xx",
    "2027-09-\xc2\xbd",  /* a non-ASCII character that makes the length right */
    "\xef\xbc\x92\xef\xbc\x90\xef\xbc\x92\xef\xbc\x97-09-01",  /* full-width digits */
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *message = g_strdup_printf ("“%s” is not a date written YYYY-MM-DD", texts[i]);

      assert_parse_fails (texts[i], message);
    }
}

static void
test_to_iso (void)
{
  char buffer[11];

  assert_iso (cohorts_date_new (2027, 9, 1), "2027-09-01");
  assert_iso (cohorts_date_new (1900, 1, 1), "1900-01-01");
  assert_iso (cohorts_date_new (2200, 12, 31), "2200-12-31");
  assert_iso (COHORTS_DATE_NONE, "");

  memset (buffer, 'x', sizeof buffer);
  cohorts_date_write_iso (cohorts_date_new (2028, 2, 29), buffer);
  g_assert_cmpstr (buffer, ==, "2028-02-29");

  memset (buffer, 'x', sizeof buffer);
  cohorts_date_write_iso (COHORTS_DATE_NONE, buffer);
  g_assert_cmpstr (buffer, ==, "");
}

static void
test_to_iso_round_trip (void)
{
  /* Every day of the supported range writes and reads back as itself. */
  CohortsDate first = cohorts_date_new (1900, 1, 1);
  CohortsDate last = cohorts_date_new (2200, 12, 31);

  for (CohortsDate date = first; date <= last; date++)
    {
      char buffer[11];
      CohortsDate parsed = COHORTS_DATE_NONE;

      cohorts_date_write_iso (date, buffer);
      g_assert_true (cohorts_date_parse_iso (buffer, &parsed, NULL));
      g_assert_cmpuint (parsed, ==, date);
    }
}

static void
test_out_of_range_days (void)
{
  /* A date is a plain integer that arrives through properties: one no
   * calendar day of a four-digit year has must read as "no date", never as
   * garbage or a critical warning. */
  static const CohortsDate days[] = { G_MAXUINT32, G_MAXUINT32 / 2, 3652060, 4000000 };

  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      g_autofree char *formatted = cohorts_date_format (days[i]);
      g_autofree char *month = cohorts_date_format_month (days[i]);

      assert_iso (days[i], "");
      g_assert_cmpstr (formatted, ==, "");
      g_assert_cmpstr (month, ==, "");
      g_assert_cmpint (cohorts_date_get_year (days[i]), ==, 0);
      g_assert_cmpint (cohorts_date_get_month (days[i]), ==, 0);
      g_assert_cmpint (cohorts_date_get_day (days[i]), ==, 0);
      g_assert_false (cohorts_date_is_first_of_month (days[i]));
      g_assert_cmpuint (cohorts_date_first_of_month (days[i]), ==, COHORTS_DATE_NONE);
      g_assert_cmpuint (cohorts_date_add_months (days[i], 1), ==, COHORTS_DATE_NONE);
    }

  /* 31 December 9999 is the last day with a four-digit year. */
  assert_iso (3652059, "9999-12-31");
  /* Arithmetic that would leave the four-digit years gives no date. */
  g_assert_cmpuint (cohorts_date_add_months (cohorts_date_new (2200, 12, 1), 12 * 8000),
                    ==, COHORTS_DATE_NONE);
  g_assert_cmpuint (cohorts_date_add_months (cohorts_date_new (1900, 1, 1), -12 * 1900),
                    ==, COHORTS_DATE_NONE);
  g_assert_cmpuint (cohorts_date_add_months (cohorts_date_new (1900, 1, 1), G_MININT),
                    ==, COHORTS_DATE_NONE);
  g_assert_cmpuint (cohorts_date_add_months (cohorts_date_new (1900, 1, 1), G_MAXINT),
                    ==, COHORTS_DATE_NONE);
}

static void
test_format (void)
{
  static const struct { int y, m, d; const char *text; const char *month; } cases[] = {
    { 2027, 9, 1, "1 September 2027", "September 2027" },
    { 2027, 9, 15, "15 September 2027", "September 2027" },
    { 2028, 1, 1, "1 January 2028", "January 2028" },
    { 2028, 2, 29, "29 February 2028", "February 2028" },
    { 2027, 4, 1, "1 April 2027", "April 2027" },
    { 1900, 1, 1, "1 January 1900", "January 1900" },
    { 2200, 12, 31, "31 December 2200", "December 2200" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      CohortsDate date = cohorts_date_new (cases[i].y, cases[i].m, cases[i].d);
      g_autofree char *text = cohorts_date_format (date);
      g_autofree char *month = cohorts_date_format_month (date);

      g_assert_cmpstr (text, ==, cases[i].text);
      g_assert_cmpstr (month, ==, cases[i].month);
    }
}

static void
test_format_none (void)
{
  g_autofree char *text = cohorts_date_format (COHORTS_DATE_NONE);
  g_autofree char *month = cohorts_date_format_month (COHORTS_DATE_NONE);

  g_assert_cmpstr (text, ==, "");
  g_assert_cmpstr (month, ==, "");
  g_assert_cmpint (cohorts_date_get_year (COHORTS_DATE_NONE), ==, 0);
  g_assert_cmpint (cohorts_date_get_month (COHORTS_DATE_NONE), ==, 0);
  g_assert_cmpint (cohorts_date_get_day (COHORTS_DATE_NONE), ==, 0);
}

static void
test_first_of_month (void)
{
  g_assert_cmpuint (cohorts_date_first_of_month (cohorts_date_new (2027, 9, 15)),
                    ==, cohorts_date_new (2027, 9, 1));
  g_assert_cmpuint (cohorts_date_first_of_month (cohorts_date_new (2027, 9, 1)),
                    ==, cohorts_date_new (2027, 9, 1));
  g_assert_cmpuint (cohorts_date_first_of_month (cohorts_date_new (2027, 12, 31)),
                    ==, cohorts_date_new (2027, 12, 1));
  g_assert_cmpuint (cohorts_date_first_of_month (cohorts_date_new (2028, 2, 29)),
                    ==, cohorts_date_new (2028, 2, 1));
  g_assert_cmpuint (cohorts_date_first_of_month (cohorts_date_new (1900, 1, 1)),
                    ==, cohorts_date_new (1900, 1, 1));
  g_assert_cmpuint (cohorts_date_first_of_month (COHORTS_DATE_NONE), ==, COHORTS_DATE_NONE);
}

static void
test_is_first_of_month (void)
{
  g_assert_true (cohorts_date_is_first_of_month (cohorts_date_new (2027, 9, 1)));
  g_assert_true (cohorts_date_is_first_of_month (cohorts_date_new (2028, 1, 1)));
  g_assert_false (cohorts_date_is_first_of_month (cohorts_date_new (2027, 9, 2)));
  g_assert_false (cohorts_date_is_first_of_month (cohorts_date_new (2027, 8, 31)));
  g_assert_false (cohorts_date_is_first_of_month (cohorts_date_new (2027, 9, 15)));
  g_assert_false (cohorts_date_is_first_of_month (COHORTS_DATE_NONE));

  /* Every 1st in the range, and no other day. */
  for (CohortsDate date = cohorts_date_new (2026, 1, 1); date < cohorts_date_new (2031, 1, 1); date++)
    g_assert_cmpint (cohorts_date_is_first_of_month (date), ==, cohorts_date_get_day (date) == 1);
}

static void
test_add_months (void)
{
  static const struct { int y, m, d, months, ry, rm, rd; } cases[] = {
    { 2027, 9, 1, 0, 2027, 9, 1 },
    { 2027, 9, 1, 1, 2027, 10, 1 },
    { 2027, 9, 1, 4, 2028, 1, 1 },
    { 2027, 9, 1, 12, 2028, 9, 1 },
    { 2027, 9, 1, 60, 2032, 9, 1 },
    { 2027, 9, 1, -1, 2027, 8, 1 },
    { 2027, 9, 1, -9, 2026, 12, 1 },
    { 2027, 9, 1, -13, 2026, 8, 1 },
    /* The day is clamped to the end of a shorter month. */
    { 2027, 1, 31, 1, 2027, 2, 28 },
    { 2028, 1, 31, 1, 2028, 2, 29 },
    { 2027, 1, 31, 3, 2027, 4, 30 },
    { 2027, 8, 31, 1, 2027, 9, 30 },
    { 2027, 3, 31, -1, 2027, 2, 28 },
    { 2028, 2, 29, 12, 2029, 2, 28 },
    { 2028, 2, 29, 48, 2032, 2, 29 },
    { 2027, 12, 31, 2, 2028, 2, 29 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      CohortsDate date = cohorts_date_new (cases[i].y, cases[i].m, cases[i].d);
      CohortsDate result = cohorts_date_add_months (date, cases[i].months);

      assert_ymd (result, cases[i].ry, cases[i].rm, cases[i].rd);
    }

  g_assert_cmpuint (cohorts_date_add_months (COHORTS_DATE_NONE, 1), ==, COHORTS_DATE_NONE);
  g_assert_cmpuint (cohorts_date_add_months (COHORTS_DATE_NONE, -1), ==, COHORTS_DATE_NONE);
}

static CohortsDate
date_of (GDateTime *when)
{
  return cohorts_date_new (g_date_time_get_year (when),
                           g_date_time_get_month (when),
                           g_date_time_get_day_of_month (when));
}

static void
test_today (void)
{
  g_autoptr(GDateTime) before = g_date_time_new_now_local ();
  CohortsDate today = cohorts_date_today ();
  g_autoptr(GDateTime) after = g_date_time_new_now_local ();

  /* Either side of midnight, should the test run across it. */
  g_assert_cmpuint (today, !=, COHORTS_DATE_NONE);
  g_assert_true (today == date_of (before) || today == date_of (after));
}

/* Moments as the plan file writes them: UTC, whole seconds, nothing else. */
static void
test_date_time (void)
{
  static const char *const bad[] = {
    "2026-11-18T10:42:00", "2026-11-18T10:42:00+01:00", "2026-11-18 10:42:00Z",
    "2026-11-18T10:42Z", "2026-11-18T10:42:00.5Z", "2026-11-18T24:00:00Z", "2026-11-18T10:60:00Z",
    "2026-11-18T10:42:60Z", "2026-02-29T10:42:00Z", "1850-01-01T00:00:00Z", "",
  };
  gint64 t = 0;
  g_autofree char *iso = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *none = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (cohorts_date_time_parse_iso ("2026-11-23T14:05:00Z", &t, &error));
  g_assert_no_error (error);
  g_assert_cmpint (t, ==, 1795442700);
  iso = cohorts_date_time_to_iso (t);
  g_assert_cmpstr (iso, ==, "2026-11-23T14:05:00Z");
  /* TZ=UTC in the tests: local time is UTC. */
  shown = cohorts_date_time_format (t);
  g_assert_cmpstr (shown, ==, "23 November 2026, 14:05");
  none = cohorts_date_time_to_iso (COHORTS_DATE_TIME_NONE);
  g_assert_cmpstr (none, ==, "");

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_test_message ("%s", bad[i]);
      g_assert_false (cohorts_date_time_parse_iso (bad[i], &t, &error));
      g_assert_error (error, COHORTS_PLAN_ERROR, COHORTS_PLAN_ERROR_INVALID);
      g_clear_error (&error);
    }

  g_assert_cmpint (ABS (cohorts_date_time_now () - g_get_real_time () / G_USEC_PER_SEC), <=, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/date/new/valid", test_new_valid);
  g_test_add_func ("/date/new/leap-years", test_new_leap_years);
  g_test_add_func ("/date/new/invalid", test_new_invalid);
  g_test_add_func ("/date/parse-iso/valid", test_parse_valid);
  g_test_add_func ("/date/parse-iso/leap-days", test_parse_leap_days);
  g_test_add_func ("/date/parse-iso/bad-day", test_parse_bad_day);
  g_test_add_func ("/date/parse-iso/bad-month", test_parse_bad_month);
  g_test_add_func ("/date/parse-iso/bad-year", test_parse_bad_year);
  g_test_add_func ("/date/parse-iso/bad-form", test_parse_bad_form);
  g_test_add_func ("/date/to-iso/values", test_to_iso);
  g_test_add_func ("/date/to-iso/round-trip", test_to_iso_round_trip);
  g_test_add_func ("/date/out-of-range-days", test_out_of_range_days);
  g_test_add_func ("/date/format/day", test_format);
  g_test_add_func ("/date/format/none", test_format_none);
  g_test_add_func ("/date/first-of-month", test_first_of_month);
  g_test_add_func ("/date/is-first-of-month", test_is_first_of_month);
  g_test_add_func ("/date/add-months", test_add_months);
  g_test_add_func ("/date/today", test_today);
  g_test_add_func ("/date/date-time", test_date_time);

  return g_test_run ();
}
