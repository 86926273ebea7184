/* cohorts-timeline-page.h: the timeline, its zoom buttons and its legend
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cohorts-timeline.h"

G_BEGIN_DECLS

#define COHORTS_TYPE_TIMELINE_PAGE (cohorts_timeline_page_get_type ())

G_DECLARE_FINAL_TYPE (CohortsTimelinePage, cohorts_timeline_page, COHORTS, TIMELINE_PAGE, AdwBin)

GtkWidget       *cohorts_timeline_page_get_key_toggle (CohortsTimelinePage *self);
CohortsTimeline *cohorts_timeline_page_get_timeline (CohortsTimelinePage *self);

G_END_DECLS
