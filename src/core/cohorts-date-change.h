/* cohorts-date-change.h: a conversion date that moved, and why
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "cohorts-date.h"
#include "cohorts-enums.h"

G_BEGIN_DECLS

/* Most date changes one plan keeps; the loader refuses more. */
#define COHORTS_PLAN_MAX_DATE_CHANGES 100000
/* Longest note on a change, in characters. */
#define COHORTS_DATE_CHANGE_NOTE_MAX 10000

#define COHORTS_TYPE_DATE_CHANGE (cohorts_date_change_get_type ())

G_DECLARE_FINAL_TYPE (CohortsDateChange, cohorts_date_change, COHORTS, DATE_CHANGE, GObject)

CohortsDateChange       *cohorts_date_change_new         (const char              *subject,
                                                          gint64                   at,
                                                          CohortsDate              from,
                                                          CohortsDate              to,
                                                          CohortsDateChangeReason  reason,
                                                          const char              *author,
                                                          const char              *note);
const char              *cohorts_date_change_get_subject (CohortsDateChange       *self);
gint64                   cohorts_date_change_get_at      (CohortsDateChange       *self);
CohortsDate              cohorts_date_change_get_from    (CohortsDateChange       *self);
CohortsDate              cohorts_date_change_get_to      (CohortsDateChange       *self);
CohortsDateChangeReason  cohorts_date_change_get_reason  (CohortsDateChange       *self);
const char              *cohorts_date_change_get_author  (CohortsDateChange       *self);
const char              *cohorts_date_change_get_note    (CohortsDateChange       *self);

gboolean                 cohorts_date_change_subject_is_valid (const char         *subject);

/* Only the plan: a school's history follows its new URN. */
void                     cohorts_date_change_set_subject (CohortsDateChange       *self,
                                                          const char              *subject);

G_END_DECLS
