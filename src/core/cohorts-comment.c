/* cohorts-comment.c: a review comment or decision on a plan
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A comment is written once and never edited: its id, subject (what it is
 * about: "plan", "school:URN" or "cohort:ID", as findings name them), author,
 * moment, kind, text and the comment it answers stay as they were. Only its
 * resolution changes, through the plan's history.
 */

#define G_LOG_DOMAIN "cohorts-comment"

#include "config.h"

#include <string.h>

#include "cohorts-cohort.h"
#include "cohorts-comment-private.h"
#include "cohorts-date.h"

struct _CohortsComment
{
  GObject parent_instance;

  char *id;
  char *subject;
  char *author;
  gint64 at;
  CohortsCommentKind kind;
  char *text;
  char *reply_to;
  gboolean resolved;
  char *resolved_by;
  gint64 resolved_at;
};

G_DEFINE_FINAL_TYPE (CohortsComment, cohorts_comment, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_RESOLVED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cohorts_comment_finalize (GObject *object)
{
  CohortsComment *self = COHORTS_COMMENT (object);

  g_free (self->id);
  g_free (self->subject);
  g_free (self->author);
  g_free (self->text);
  g_free (self->reply_to);
  g_free (self->resolved_by);

  G_OBJECT_CLASS (cohorts_comment_parent_class)->finalize (object);
}

static void
cohorts_comment_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CohortsComment *self = COHORTS_COMMENT (object);

  switch (prop_id)
    {
    case PROP_RESOLVED:
      g_value_set_boolean (value, self->resolved);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cohorts_comment_class_init (CohortsCommentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cohorts_comment_finalize;
  object_class->get_property = cohorts_comment_get_property;

  properties[PROP_RESOLVED] =
    g_param_spec_boolean ("resolved", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cohorts_comment_init (CohortsComment *self)
{
  self->at = COHORTS_DATE_TIME_NONE;
  self->resolved_at = COHORTS_DATE_TIME_NONE;
}

/**
 * cohorts_comment_new:
 * @subject: "plan", "school:URN" or "cohort:ID"
 * @author: who wrote it, a name
 * @at: when, in seconds since 1970 (UTC)
 * @text: (nullable): what it says, cleaned as notes are
 * @reply_to: (nullable): the id of the comment it answers
 *
 * Returns: (transfer full): an open (unresolved) comment
 */
CohortsComment *
cohorts_comment_new (const char         *id,
                     const char         *subject,
                     const char         *author,
                     gint64              at,
                     CohortsCommentKind  kind,
                     const char         *text,
                     const char         *reply_to)
{
  CohortsComment *self;

  g_return_val_if_fail (cohorts_cohort_id_is_valid (id), NULL);
  g_return_val_if_fail (cohorts_comment_subject_is_valid (subject), NULL);
  g_return_val_if_fail (author != NULL, NULL);
  g_return_val_if_fail (kind <= COHORTS_COMMENT_KIND_NOTE, NULL);
  g_return_val_if_fail (reply_to == NULL || cohorts_cohort_id_is_valid (reply_to), NULL);

  self = g_object_new (COHORTS_TYPE_COMMENT, NULL);
  self->id = g_strdup (id);
  self->subject = g_strdup (subject);
  self->author = g_strdup (author);
  self->at = at;
  self->kind = kind;
  self->text = g_strdup (text != NULL ? text : "");
  self->reply_to = g_strdup (reply_to);
  return self;
}

const char *
cohorts_comment_get_id (CohortsComment *self)
{
  g_return_val_if_fail (COHORTS_IS_COMMENT (self), NULL);
  return self->id;
}

const char *
cohorts_comment_get_subject (CohortsComment *self)
{
  g_return_val_if_fail (COHORTS_IS_COMMENT (self), NULL);
  return self->subject;
}

const char *
cohorts_comment_get_author (CohortsComment *self)
{
  g_return_val_if_fail (COHORTS_IS_COMMENT (self), NULL);
  return self->author;
}

gint64
cohorts_comment_get_at (CohortsComment *self)
{
  g_return_val_if_fail (COHORTS_IS_COMMENT (self), COHORTS_DATE_TIME_NONE);
  return self->at;
}

CohortsCommentKind
cohorts_comment_get_kind (CohortsComment *self)
{
  g_return_val_if_fail (COHORTS_IS_COMMENT (self), COHORTS_COMMENT_KIND_COMMENT);
  return self->kind;
}

const char *
cohorts_comment_get_text (CohortsComment *self)
{
  g_return_val_if_fail (COHORTS_IS_COMMENT (self), NULL);
  return self->text;
}

/**
 * cohorts_comment_get_reply_to:
 *
 * Returns: (nullable): the id of the comment this one answers
 */
const char *
cohorts_comment_get_reply_to (CohortsComment *self)
{
  g_return_val_if_fail (COHORTS_IS_COMMENT (self), NULL);
  return self->reply_to;
}

gboolean
cohorts_comment_get_resolved (CohortsComment *self)
{
  g_return_val_if_fail (COHORTS_IS_COMMENT (self), FALSE);
  return self->resolved;
}

/**
 * cohorts_comment_get_resolved_by:
 *
 * Returns: (nullable): who resolved it, when known
 */
const char *
cohorts_comment_get_resolved_by (CohortsComment *self)
{
  g_return_val_if_fail (COHORTS_IS_COMMENT (self), NULL);
  return self->resolved_by;
}

gint64
cohorts_comment_get_resolved_at (CohortsComment *self)
{
  g_return_val_if_fail (COHORTS_IS_COMMENT (self), COHORTS_DATE_TIME_NONE);
  return self->resolved_at;
}

/* Resolves @self (by whom and when, either unknown: NULL and
 * %COHORTS_DATE_TIME_NONE) or opens it again. */
void
cohorts_comment_set_resolved (CohortsComment *self,
                              gboolean        resolved,
                              const char     *by,
                              gint64          at)
{
  gboolean changed;

  g_return_if_fail (COHORTS_IS_COMMENT (self));

  changed = self->resolved != !!resolved;
  self->resolved = !!resolved;
  g_free (self->resolved_by);
  self->resolved_by = resolved && by != NULL && by[0] != '\0' ? g_strdup (by) : NULL;
  self->resolved_at = resolved ? at : COHORTS_DATE_TIME_NONE;
  if (changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESOLVED]);
}

/* A school's comments follow it when its URN changes. */
void
cohorts_comment_set_subject (CohortsComment *self,
                             const char     *subject)
{
  g_return_if_fail (COHORTS_IS_COMMENT (self));
  g_return_if_fail (cohorts_comment_subject_is_valid (subject));

  g_free (self->subject);
  self->subject = g_strdup (subject);
}

/**
 * cohorts_comment_subject_is_valid:
 *
 * Returns: whether @subject is spelled as a subject: "plan", "school:" and a
 *   URN (six digits, not starting with 0), or "cohort:" and a cohort id. It
 *   says nothing of whether the school or cohort exists.
 */
gboolean
cohorts_comment_subject_is_valid (const char *subject)
{
  if (subject == NULL)
    return FALSE;
  if (strcmp (subject, "plan") == 0)
    return TRUE;
  if (g_str_has_prefix (subject, "school:"))
    {
      const char *urn = subject + strlen ("school:");
      return strlen (urn) == 6 && urn[0] != '0' && strspn (urn, "0123456789") == 6;
    }
  if (g_str_has_prefix (subject, "cohort:"))
    return cohorts_cohort_id_is_valid (subject + strlen ("cohort:"));
  return FALSE;
}
