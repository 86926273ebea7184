/* cohorts-comment-private.h: what only the plan and the loader change
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cohorts-comment.h"

G_BEGIN_DECLS

void cohorts_comment_set_resolved (CohortsComment *self,
                                   gboolean        resolved,
                                   const char     *by,
                                   gint64          at);

void cohorts_comment_set_subject  (CohortsComment *self,
                                   const char     *subject);

G_END_DECLS
