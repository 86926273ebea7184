/* cohorts-date.h: calendar dates as the plan uses them
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * CohortsDate:
 *
 * A calendar day, without time or time zone: the day number that #GDate calls
 * "Julian" (1 is 1 January of year 1). %COHORTS_DATE_NONE (0) means "no date".
 * Plain integers compare, subtract and hash as days.
 */
typedef guint32 CohortsDate;

#define COHORTS_DATE_NONE ((CohortsDate) 0)

CohortsDate  cohorts_date_new               (int          year,
                                             int          month,
                                             int          day);
gboolean     cohorts_date_parse_iso         (const char  *text,
                                             CohortsDate *out_date,
                                             GError     **error);
char        *cohorts_date_to_iso            (CohortsDate  date);
void         cohorts_date_write_iso         (CohortsDate  date,
                                             char         buffer[11]);
char        *cohorts_date_format            (CohortsDate  date);
char        *cohorts_date_format_month      (CohortsDate  date);
int          cohorts_date_get_year          (CohortsDate  date);
int          cohorts_date_get_month         (CohortsDate  date);
int          cohorts_date_get_day           (CohortsDate  date);
gboolean     cohorts_date_is_valid          (CohortsDate  date);
gboolean     cohorts_date_is_first_of_month (CohortsDate  date);
CohortsDate  cohorts_date_first_of_month    (CohortsDate  date);
CohortsDate  cohorts_date_add_months        (CohortsDate  date,
                                             int          months);
CohortsDate  cohorts_date_today             (void);

/* A moment, in whole seconds since 1970-01-01T00:00:00Z (UTC);
 * %COHORTS_DATE_TIME_NONE means "no moment". Written in files as
 * "2026-11-23T14:05:00Z". */
#define COHORTS_DATE_TIME_NONE G_MININT64

gboolean     cohorts_date_time_parse_iso    (const char  *text,
                                             gint64      *out_time,
                                             GError     **error);
char        *cohorts_date_time_to_iso       (gint64       time);
char        *cohorts_date_time_format       (gint64       time);
gint64       cohorts_date_time_now          (void);

G_END_DECLS
