/* cohorts-review-group.h: the comments and decisions on a school, a cohort or the plan
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cohorts-plan.h"

G_BEGIN_DECLS

#define COHORTS_TYPE_REVIEW_GROUP (cohorts_review_group_get_type ())

G_DECLARE_FINAL_TYPE (CohortsReviewGroup, cohorts_review_group, COHORTS, REVIEW_GROUP, AdwPreferencesGroup)

GtkWidget  *cohorts_review_group_new             (void);
void        cohorts_review_group_set_subject     (CohortsReviewGroup *self,
                                                  CohortsPlan        *plan,
                                                  const char         *subject);
const char *cohorts_review_group_get_subject     (CohortsReviewGroup *self);
void        cohorts_review_group_set_review_mode (CohortsReviewGroup *self,
                                                  gboolean            review_mode);
GtkWidget  *cohorts_review_group_get_add_button  (CohortsReviewGroup *self);
GtkWidget  *cohorts_review_group_get_row         (CohortsReviewGroup *self,
                                                  CohortsComment     *comment);

char       *cohorts_review_describe_subject      (CohortsPlan        *plan,
                                                  const char         *subject);
GPtrArray  *cohorts_review_thread_order          (GListModel         *comments,
                                                  const char         *subject,
                                                  GArray             *depths);
GtkWidget  *cohorts_review_make_row              (CohortsComment     *comment,
                                                  guint               depth,
                                                  const char         *title);
void        cohorts_review_row_add_suffix        (GtkWidget          *row,
                                                  GtkWidget          *widget);

G_END_DECLS
