/* cohorts-print-operation.h: printing the timeline
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "cohorts-plan.h"
#include "cohorts-print-choices.h"

G_BEGIN_DECLS

#define COHORTS_TYPE_PRINT_OPERATION (cohorts_print_operation_get_type ())

G_DECLARE_FINAL_TYPE (CohortsPrintOperation, cohorts_print_operation, COHORTS, PRINT_OPERATION, GtkPrintOperation)

CohortsPrintOperation     *cohorts_print_operation_new                 (CohortsPlan               *plan,
                                                                        const char                *edition);
const CohortsPrintChoices *cohorts_print_operation_get_choices         (CohortsPrintOperation     *self);
void                       cohorts_print_operation_set_choices         (CohortsPrintOperation     *self,
                                                                        const CohortsPrintChoices *choices);
void                       cohorts_print_operation_set_today           (CohortsPrintOperation     *self,
                                                                        CohortsDate                today);
void                       cohorts_print_operation_set_export_filename (CohortsPrintOperation     *self,
                                                                        const char                *filename);

G_END_DECLS
