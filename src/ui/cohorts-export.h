/* cohorts-export.h: writing the timeline and the board pack to files, in a worker thread
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cohorts-paper.h"
#include "cohorts-plan.h"
#include "cohorts-print-choices.h"

G_BEGIN_DECLS

void     cohorts_export_timeline_async   (CohortsPlan               *plan,
                                          const char                *path,
                                          const CohortsPrintChoices *choices,
                                          const char                *edition,
                                          CohortsDate                today,
                                          GCancellable              *cancellable,
                                          CohortsProgressFunc        progress,
                                          gpointer                   progress_data,
                                          GAsyncReadyCallback        callback,
                                          gpointer                   user_data);
void     cohorts_export_board_pack_async (CohortsPlan               *plan,
                                          const char                *path,
                                          const char                *edition,
                                          CohortsDate                today,
                                          GCancellable              *cancellable,
                                          CohortsProgressFunc        progress,
                                          gpointer                   progress_data,
                                          GAsyncReadyCallback        callback,
                                          gpointer                   user_data);
void     cohorts_export_diocese_summary_async (CohortsPlan           *plan,
                                               const char            *diocese,
                                               const char            *path,
                                               CohortsPaperSize       paper,
                                               const char            *edition,
                                               CohortsDate            today,
                                               GCancellable          *cancellable,
                                               CohortsProgressFunc    progress,
                                               gpointer               progress_data,
                                               GAsyncReadyCallback    callback,
                                               gpointer               user_data);
gboolean cohorts_export_finish           (GAsyncResult              *result,
                                          GError                   **error);

G_END_DECLS
