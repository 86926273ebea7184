/* cohorts-church-share-chart.h: the church's share of the trust over time, as a chart
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "cohorts-capacity.h"
#include "cohorts-timeline-render.h"

G_BEGIN_DECLS

void cohorts_church_share_render_chart (cairo_t                    *cr,
                                        const CohortsChurchShare   *shares,
                                        guint                       n_shares,
                                        int                         minimum,
                                        const CohortsTimelineStyle *style,
                                        double                      width,
                                        double                      height);

G_END_DECLS
