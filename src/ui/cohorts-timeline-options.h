/* cohorts-timeline-options.h: the questions of the Timeline tab and of Export Timeline
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cohorts-plan.h"
#include "cohorts-print-choices.h"

G_BEGIN_DECLS

#define COHORTS_TYPE_TIMELINE_OPTIONS (cohorts_timeline_options_get_type ())

G_DECLARE_FINAL_TYPE (CohortsTimelineOptions, cohorts_timeline_options, COHORTS, TIMELINE_OPTIONS, AdwBin)

GtkWidget           *cohorts_timeline_options_new         (CohortsPlan               *plan,
                                                           const CohortsPrintChoices *choices,
                                                           gboolean                   show_paper);
CohortsPrintChoices *cohorts_timeline_options_get_choices (CohortsTimelineOptions    *self);

G_END_DECLS
