/* cohorts-print-choices.h: what to print or export of the timeline, and where it is kept
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "cohorts-paper.h"
#include "cohorts-timeline-rows.h"

G_BEGIN_DECLS

/**
 * CohortsPrintChoices:
 * @size: the paper, for export (printing takes the print dialog's)
 * @orientation: for export
 * @mode: fit the time to the page's width or tile it across pages
 * @from: the first day shown, or %COHORTS_DATE_NONE for the plan's start
 * @to: the last day shown, or %COHORTS_DATE_NONE for the plan's end
 * @columns: #CohortsTimelineColumns beside the names
 * @hidden: the ids of the cohorts left out; "" for the schools in no cohort
 * @diocese: (nullable): in the diocese view, its key: only its schools are
 *   shown (not kept between runs)
 * @baseline: (nullable): the id of the plan's baseline shown under the
 *   plan's bars, or %NULL for none (not kept between runs: it is the plan's)
 *
 * The choices of the print dialog's Timeline tab and of Export Timeline.
 */
typedef struct
{
  CohortsPaperSize size;
  CohortsPaperOrientation orientation;
  CohortsPagesMode mode;
  CohortsDate from;
  CohortsDate to;
  guint columns;
  GPtrArray *hidden;
  char *diocese;
  char *baseline;
} CohortsPrintChoices;

CohortsPrintChoices *cohorts_print_choices_new         (void);
CohortsPrintChoices *cohorts_print_choices_copy        (const CohortsPrintChoices *choices);
void                 cohorts_print_choices_free        (CohortsPrintChoices       *choices);
gboolean             cohorts_print_choices_get_hidden  (const CohortsPrintChoices *choices,
                                                        CohortsCohort             *cohort);
void                 cohorts_print_choices_set_hidden  (CohortsPrintChoices       *choices,
                                                        CohortsCohort             *cohort,
                                                        gboolean                   hidden);
CohortsTimelineRows *cohorts_print_choices_make_rows   (const CohortsPrintChoices *choices,
                                                        CohortsPlan               *plan);
void                 cohorts_print_choices_apply       (const CohortsPrintChoices *choices,
                                                        CohortsPaperOptions       *options);
void                 cohorts_print_choices_load        (CohortsPrintChoices       *choices,
                                                        GKeyFile                  *keyfile,
                                                        const char                *group);
void                 cohorts_print_choices_save        (const CohortsPrintChoices *choices,
                                                        GKeyFile                  *keyfile,
                                                        const char                *group);

GKeyFile            *cohorts_print_state_load          (void);
void                 cohorts_print_state_save          (GKeyFile                  *keyfile);

char                *cohorts_plan_dup_edition          (CohortsPlan               *plan,
                                                        GFile                     *file);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CohortsPrintChoices, cohorts_print_choices_free)

G_END_DECLS
