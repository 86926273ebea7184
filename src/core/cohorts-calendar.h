/* cohorts-calendar.h: the school year, its terms, financial years
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cohorts-date.h"

G_BEGIN_DECLS

typedef enum
{
  COHORTS_TERM_AUTUMN,   /* September to December */
  COHORTS_TERM_SPRING,   /* January to Easter */
  COHORTS_TERM_SUMMER,   /* Easter to the end of July (and August, the holiday) */
} CohortsTerm;

CohortsDate  cohorts_calendar_easter               (int          year);
int          cohorts_calendar_academic_year        (CohortsDate  date);
CohortsDate  cohorts_calendar_academic_year_start  (int          year);
char        *cohorts_calendar_academic_year_label  (int          year);
CohortsTerm  cohorts_calendar_term                 (CohortsDate  date);
CohortsDate  cohorts_calendar_term_start           (int          academic_year,
                                                    CohortsTerm  term);
const char  *cohorts_calendar_term_name            (CohortsTerm  term);
const char  *cohorts_calendar_term_short_name      (CohortsTerm  term);
const char  *cohorts_calendar_term_token           (CohortsTerm  term);
gboolean     cohorts_calendar_term_from_token      (const char  *token,
                                                    CohortsTerm *term);
char        *cohorts_calendar_format_term          (int          year,
                                                    CohortsTerm  term);
int          cohorts_calendar_financial_year       (CohortsDate  date);
char        *cohorts_calendar_financial_year_label (int          year);

G_END_DECLS
