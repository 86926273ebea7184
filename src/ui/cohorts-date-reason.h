/* cohorts-date-reason.h: asking why a conversion date moves
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "cohorts-plan.h"

G_BEGIN_DECLS

/**
 * CohortsDateEditFunc:
 * @data: what the caller gave
 * @apply: %TRUE to make the edit; %FALSE when it was called off (the view
 *   shows the plan again)
 *
 * Returns: whether the edit was made
 */
typedef gboolean (*CohortsDateEditFunc) (gpointer data,
                                         gboolean apply);

GPtrArray *cohorts_date_moves_new         (void);
void       cohorts_date_moves_add         (GPtrArray     *moves,
                                           const char    *subject,
                                           CohortsDate    from,
                                           CohortsDate    to);
void       cohorts_date_moves_add_school_date (GPtrArray     *moves,
                                               CohortsPlan   *plan,
                                               CohortsSchool *school,
                                               CohortsDate    to);
void       cohorts_date_moves_add_school  (GPtrArray     *moves,
                                           CohortsPlan   *plan,
                                           CohortsSchool *school,
                                           CohortsCohort *cohort);
void       cohorts_date_moves_record      (CohortsPlan             *plan,
                                           GPtrArray               *moves,
                                           CohortsDateChangeReason  reason,
                                           const char              *author,
                                           const char              *note);
char      *cohorts_date_moves_describe    (CohortsPlan   *plan,
                                           GPtrArray     *moves);

GtkWidget *cohorts_date_reason_row_new    (void);

gboolean   cohorts_date_reason_run        (GtkWidget           *widget,
                                           CohortsPlan         *plan,
                                           const char          *label,
                                           GPtrArray           *moves,
                                           CohortsDateEditFunc  edit,
                                           gpointer             data,
                                           GDestroyNotify       destroy);

void       cohorts_date_reason_move_schools (GtkWidget     *widget,
                                             CohortsPlan   *plan,
                                             GPtrArray     *schools,
                                             CohortsCohort *cohort);

G_END_DECLS
