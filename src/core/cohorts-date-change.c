/* cohorts-date-change.c: a conversion date that moved, and why
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One entry of a plan's history of conversion dates: what moved ("school:URN"
 * or "cohort:ID", as findings name them), when, from which date to which
 * (either may be none), the DfE's reason type, and who said so and why. It is
 * written once and never edited.
 */

#define G_LOG_DOMAIN "cohorts-date-change"

#include "config.h"

#include <string.h>

#include "cohorts-comment.h"
#include "cohorts-date-change.h"

struct _CohortsDateChange
{
  GObject parent_instance;

  char *subject;
  gint64 at;
  CohortsDate from;
  CohortsDate to;
  CohortsDateChangeReason reason;
  char *author;
  char *note;
};

G_DEFINE_FINAL_TYPE (CohortsDateChange, cohorts_date_change, G_TYPE_OBJECT)

static void
cohorts_date_change_finalize (GObject *object)
{
  CohortsDateChange *self = COHORTS_DATE_CHANGE (object);

  g_free (self->subject);
  g_free (self->author);
  g_free (self->note);

  G_OBJECT_CLASS (cohorts_date_change_parent_class)->finalize (object);
}

static void
cohorts_date_change_class_init (CohortsDateChangeClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cohorts_date_change_finalize;
}

static void
cohorts_date_change_init (CohortsDateChange *self)
{
  self->at = COHORTS_DATE_TIME_NONE;
  self->from = self->to = COHORTS_DATE_NONE;
}

/**
 * cohorts_date_change_new:
 * @subject: "school:URN" or "cohort:ID"
 * @at: when, in seconds since 1970 (UTC)
 * @from: the date before, or %COHORTS_DATE_NONE
 * @to: the date after, or %COHORTS_DATE_NONE
 * @author: (nullable): who recorded it
 * @note: (nullable): why, in the recorder's words
 *
 * Returns: (transfer full): the change
 */
CohortsDateChange *
cohorts_date_change_new (const char              *subject,
                         gint64                   at,
                         CohortsDate              from,
                         CohortsDate              to,
                         CohortsDateChangeReason  reason,
                         const char              *author,
                         const char              *note)
{
  CohortsDateChange *self;

  g_return_val_if_fail (cohorts_date_change_subject_is_valid (subject), NULL);
  g_return_val_if_fail (reason <= COHORTS_DATE_CHANGE_ADVISORY_BOARD, NULL);

  self = g_object_new (COHORTS_TYPE_DATE_CHANGE, NULL);
  self->subject = g_strdup (subject);
  self->at = at;
  self->from = from;
  self->to = to;
  self->reason = reason;
  self->author = author != NULL && author[0] != '\0' ? g_strdup (author) : NULL;
  self->note = g_strdup (note != NULL ? note : "");
  return self;
}

const char *
cohorts_date_change_get_subject (CohortsDateChange *self)
{
  g_return_val_if_fail (COHORTS_IS_DATE_CHANGE (self), NULL);
  return self->subject;
}

gint64
cohorts_date_change_get_at (CohortsDateChange *self)
{
  g_return_val_if_fail (COHORTS_IS_DATE_CHANGE (self), COHORTS_DATE_TIME_NONE);
  return self->at;
}

CohortsDate
cohorts_date_change_get_from (CohortsDateChange *self)
{
  g_return_val_if_fail (COHORTS_IS_DATE_CHANGE (self), COHORTS_DATE_NONE);
  return self->from;
}

CohortsDate
cohorts_date_change_get_to (CohortsDateChange *self)
{
  g_return_val_if_fail (COHORTS_IS_DATE_CHANGE (self), COHORTS_DATE_NONE);
  return self->to;
}

CohortsDateChangeReason
cohorts_date_change_get_reason (CohortsDateChange *self)
{
  g_return_val_if_fail (COHORTS_IS_DATE_CHANGE (self), COHORTS_DATE_CHANGE_INCOMING_TRUST);
  return self->reason;
}

/**
 * cohorts_date_change_get_author:
 *
 * Returns: (nullable): who recorded it, when known
 */
const char *
cohorts_date_change_get_author (CohortsDateChange *self)
{
  g_return_val_if_fail (COHORTS_IS_DATE_CHANGE (self), NULL);
  return self->author;
}

const char *
cohorts_date_change_get_note (CohortsDateChange *self)
{
  g_return_val_if_fail (COHORTS_IS_DATE_CHANGE (self), NULL);
  return self->note;
}

/**
 * cohorts_date_change_subject_is_valid:
 *
 * Returns: whether @subject is spelled as a school's or a cohort's subject
 *   ("school:URN", "cohort:ID"); the plan as a whole has no conversion date
 */
gboolean
cohorts_date_change_subject_is_valid (const char *subject)
{
  return cohorts_comment_subject_is_valid (subject) && strcmp (subject, "plan") != 0;
}

void
cohorts_date_change_set_subject (CohortsDateChange *self,
                                 const char        *subject)
{
  g_return_if_fail (COHORTS_IS_DATE_CHANGE (self));
  g_return_if_fail (cohorts_date_change_subject_is_valid (subject));

  g_free (self->subject);
  self->subject = g_strdup (subject);
}
