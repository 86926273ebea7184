/* cohorts-board-pack.h: the plan as a PDF for a board of trustees
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "cohorts-paper.h"
#include "cohorts-timeline-render.h"
#include "cohorts-timeline-rows.h"

G_BEGIN_DECLS

/**
 * CohortsBoardPackOptions:
 * @today: the day the pack is as of: findings, overdue steps and the today
 *   line are worked out for it
 * @edition: (nullable): which version of the plan this is ("Saved 3 May
 *   2027"), on the cover and at the foot of every page
 */
typedef struct
{
  CohortsDate today;
  const char *edition;
} CohortsBoardPackOptions;

void     cohorts_board_pack_options_init (CohortsBoardPackOptions       *options);
gboolean cohorts_board_pack_export       (CohortsPlan                   *plan,
                                          const char                    *path,
                                          const CohortsBoardPackOptions *options,
                                          GCancellable                  *cancellable,
                                          CohortsProgressFunc            progress,
                                          gpointer                       user_data,
                                          GError                       **error);

void     cohorts_capacity_render_chart   (cairo_t                       *cr,
                                          CohortsTimelineRows           *rows,
                                          const CohortsTimelineStyle    *style,
                                          double                         width,
                                          double                         height);

G_END_DECLS
