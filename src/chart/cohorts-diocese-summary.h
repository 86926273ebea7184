/* cohorts-diocese-summary.h: one diocese's church schools in a plan, as a PDF
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "cohorts-paper.h"

G_BEGIN_DECLS

/**
 * CohortsDioceseSummaryOptions:
 * @today: the day the summary is as of: its checks are worked out for it
 * @edition: (nullable): which version of the plan this is ("Saved 3 May
 *   2027"), on the first page and at the foot of every page
 * @paper: A4 or A3
 */
typedef struct
{
  CohortsDate today;
  const char *edition;
  CohortsPaperSize paper;
} CohortsDioceseSummaryOptions;

void     cohorts_diocese_summary_options_init (CohortsDioceseSummaryOptions       *options);
gboolean cohorts_diocese_summary_export       (CohortsPlan                        *plan,
                                               const char                         *diocese,
                                               const char                         *path,
                                               const CohortsDioceseSummaryOptions *options,
                                               GCancellable                       *cancellable,
                                               CohortsProgressFunc                 progress,
                                               gpointer                            user_data,
                                               GError                            **error);

G_END_DECLS
