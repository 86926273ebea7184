/* cohorts-date-button.h: a button that shows a date and picks another
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cohorts-date.h"

G_BEGIN_DECLS

#define COHORTS_TYPE_DATE_BUTTON (cohorts_date_button_get_type ())

G_DECLARE_FINAL_TYPE (CohortsDateButton, cohorts_date_button, COHORTS, DATE_BUTTON, AdwBin)

GtkWidget     *cohorts_date_button_new             (gboolean           months_only,
                                                    gboolean           allow_none);
CohortsDate    cohorts_date_button_get_date        (CohortsDateButton *self);
void           cohorts_date_button_set_date        (CohortsDateButton *self,
                                                    CohortsDate        date);
void           cohorts_date_button_set_title       (CohortsDateButton *self,
                                                    const char        *title);
GtkMenuButton *cohorts_date_button_get_menu_button (CohortsDateButton *self);
GtkCalendar   *cohorts_date_button_get_calendar    (CohortsDateButton *self);

G_END_DECLS
