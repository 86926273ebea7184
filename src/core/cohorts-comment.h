/* cohorts-comment.h: a review comment or decision on a plan
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "cohorts-enums.h"

G_BEGIN_DECLS

/* Longest comment, in characters: as long as notes. */
#define COHORTS_COMMENT_TEXT_MAX 100000

#define COHORTS_TYPE_COMMENT (cohorts_comment_get_type ())

G_DECLARE_FINAL_TYPE (CohortsComment, cohorts_comment, COHORTS, COMMENT, GObject)

CohortsComment     *cohorts_comment_new             (const char         *id,
                                                     const char         *subject,
                                                     const char         *author,
                                                     gint64              at,
                                                     CohortsCommentKind  kind,
                                                     const char         *text,
                                                     const char         *reply_to);
const char         *cohorts_comment_get_id          (CohortsComment     *self);
const char         *cohorts_comment_get_subject     (CohortsComment     *self);
const char         *cohorts_comment_get_author      (CohortsComment     *self);
gint64              cohorts_comment_get_at          (CohortsComment     *self);
CohortsCommentKind  cohorts_comment_get_kind        (CohortsComment     *self);
const char         *cohorts_comment_get_text        (CohortsComment     *self);
const char         *cohorts_comment_get_reply_to    (CohortsComment     *self);
gboolean            cohorts_comment_get_resolved    (CohortsComment     *self);
const char         *cohorts_comment_get_resolved_by (CohortsComment     *self);
gint64              cohorts_comment_get_resolved_at (CohortsComment     *self);

gboolean            cohorts_comment_subject_is_valid (const char        *subject);

G_END_DECLS
