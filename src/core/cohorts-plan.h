/* cohorts-plan.h: a conversion plan
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cohorts-baseline.h"
#include "cohorts-cohort.h"
#include "cohorts-comment.h"
#include "cohorts-date.h"
#include "cohorts-date-change.h"
#include "cohorts-error.h"
#include "cohorts-history.h"
#include "cohorts-readiness.h"
#include "cohorts-schedule.h"
#include "cohorts-school.h"
#include "cohorts-trust.h"

G_BEGIN_DECLS

/* Limits of one plan; the loader refuses files beyond them. */
#define COHORTS_PLAN_MAX_SCHOOLS 100000
#define COHORTS_PLAN_MAX_COHORTS 1000
#define COHORTS_PLAN_MAX_COMMENTS 100000

#define COHORTS_TYPE_PLAN (cohorts_plan_get_type ())

G_DECLARE_FINAL_TYPE (CohortsPlan, cohorts_plan, COHORTS, PLAN, GObject)

CohortsPlan    *cohorts_plan_new                (void);

const char     *cohorts_plan_get_title          (CohortsPlan    *self);
CohortsDate     cohorts_plan_get_start_date     (CohortsPlan    *self);
CohortsTrust   *cohorts_plan_get_trust          (CohortsPlan    *self);
CohortsSchedule *cohorts_plan_get_schedule      (CohortsPlan    *self);
CohortsReadiness *cohorts_plan_get_readiness    (CohortsPlan    *self);
void            cohorts_plan_score_school       (CohortsPlan    *self,
                                                 CohortsSchool  *school,
                                                 CohortsReadinessScore *score);
GListModel     *cohorts_plan_get_schools        (CohortsPlan    *self);
GListModel     *cohorts_plan_get_cohorts        (CohortsPlan    *self);
GListModel     *cohorts_plan_get_unassigned     (CohortsPlan    *self);
guint           cohorts_plan_get_n_schools      (CohortsPlan    *self);
guint           cohorts_plan_get_n_cohorts      (CohortsPlan    *self);
CohortsSchool  *cohorts_plan_find_school        (CohortsPlan    *self,
                                                 guint           urn);
CohortsCohort  *cohorts_plan_find_cohort        (CohortsPlan    *self,
                                                 const char     *id);
char           *cohorts_plan_make_cohort_id     (CohortsPlan    *self);
int             cohorts_plan_get_source_version (CohortsPlan    *self);

CohortsHistory *cohorts_plan_get_history        (CohortsPlan    *self);
gboolean        cohorts_plan_is_modified        (CohortsPlan    *self);

/* Edits: each is one undoable step. */
void            cohorts_plan_edit               (CohortsPlan    *self,
                                                 gpointer        object,
                                                 const char     *first_property,
                                                 ...) G_GNUC_NULL_TERMINATED;
gboolean        cohorts_plan_edit_value         (CohortsPlan    *self,
                                                 gpointer        object,
                                                 const char     *property,
                                                 const GValue   *value,
                                                 GError        **error);
gboolean        cohorts_plan_set_school_urn     (CohortsPlan    *self,
                                                 CohortsSchool  *school,
                                                 guint           urn,
                                                 GError        **error);
gboolean        cohorts_plan_add_school         (CohortsPlan    *self,
                                                 CohortsSchool  *school,
                                                 GError        **error);
void            cohorts_plan_remove_school      (CohortsPlan    *self,
                                                 CohortsSchool  *school);
CohortsCohort  *cohorts_plan_add_cohort         (CohortsPlan    *self,
                                                 const char     *name,
                                                 CohortsDate     date);
void            cohorts_plan_remove_cohort      (CohortsPlan    *self,
                                                 CohortsCohort  *cohort);
void            cohorts_plan_move_cohort        (CohortsPlan    *self,
                                                 CohortsCohort  *cohort,
                                                 guint           position);
void            cohorts_plan_move_school        (CohortsPlan    *self,
                                                 CohortsSchool  *school,
                                                 CohortsCohort  *cohort,
                                                 guint           position);
void            cohorts_plan_move_schools       (CohortsPlan    *self,
                                                 GPtrArray      *schools,
                                                 CohortsCohort  *cohort);
void            cohorts_plan_remove_schools     (CohortsPlan    *self,
                                                 GPtrArray      *schools);
gboolean        cohorts_plan_set_milestone      (CohortsPlan            *self,
                                                 CohortsSchool          *school,
                                                 CohortsStep             step,
                                                 const CohortsMilestone *milestone,
                                                 GError                **error);
void            cohorts_plan_set_step_timing    (CohortsPlan    *self,
                                                 CohortsStep     step,
                                                 int             weeks_before,
                                                 int             weeks);
void            cohorts_plan_set_church_lead_weeks (CohortsPlan *self,
                                                    int          weeks);
gboolean        cohorts_plan_set_answer         (CohortsPlan         *self,
                                                 CohortsSchool       *school,
                                                 CohortsCriterion     criterion,
                                                 const CohortsAnswer *answer,
                                                 GError             **error);
void            cohorts_plan_set_criterion_weight (CohortsPlan      *self,
                                                   CohortsCriterion  criterion,
                                                   int               weight);
void            cohorts_plan_set_criterion_critical (CohortsPlan      *self,
                                                     CohortsCriterion  criterion,
                                                     gboolean          critical);
gboolean        cohorts_plan_set_readiness_thresholds (CohortsPlan *self,
                                                       int          green_min,
                                                       int          amber_min,
                                                       GError     **error);
void            cohorts_plan_restore_default_framework (CohortsPlan *self);
/* Review: comments and decisions (format version 6). */
GListModel     *cohorts_plan_get_comments       (CohortsPlan    *self);
CohortsComment *cohorts_plan_find_comment       (CohortsPlan    *self,
                                                 const char     *id);
gboolean        cohorts_plan_has_subject        (CohortsPlan    *self,
                                                 const char     *subject);
guint           cohorts_plan_get_n_open_comments (CohortsPlan   *self);
CohortsComment *cohorts_plan_add_comment        (CohortsPlan        *self,
                                                 const char         *subject,
                                                 const char         *author,
                                                 CohortsCommentKind  kind,
                                                 const char         *text,
                                                 CohortsComment     *reply_to,
                                                 GError            **error);
void            cohorts_plan_resolve_comment    (CohortsPlan    *self,
                                                 CohortsComment *comment,
                                                 gboolean        resolved,
                                                 const char     *by);
/* Baselines and the history of conversion dates (format version 7). */
GListModel     *cohorts_plan_get_baselines      (CohortsPlan    *self);
CohortsBaseline *cohorts_plan_find_baseline     (CohortsPlan    *self,
                                                 const char     *id_or_name);
CohortsBaseline *cohorts_plan_add_baseline      (CohortsPlan    *self,
                                                 const char     *name,
                                                 GError        **error);
void            cohorts_plan_remove_baseline    (CohortsPlan    *self,
                                                 CohortsBaseline *baseline);
char           *cohorts_plan_make_baseline_name (gint64          at);
CohortsDate     cohorts_plan_get_conversion_date (CohortsPlan   *self,
                                                  CohortsSchool *school);
GListModel     *cohorts_plan_get_date_changes   (CohortsPlan    *self);
GPtrArray      *cohorts_plan_list_date_changes  (CohortsPlan    *self,
                                                 const char     *subject);
CohortsDateChange *cohorts_plan_add_date_change (CohortsPlan             *self,
                                                 const char              *subject,
                                                 CohortsDate              from,
                                                 CohortsDate              to,
                                                 CohortsDateChangeReason  reason,
                                                 const char              *author,
                                                 const char              *note,
                                                 GError                 **error);

void            cohorts_plan_begin_edit         (CohortsPlan    *self,
                                                 const char     *label);
void            cohorts_plan_end_edit           (CohortsPlan    *self);

G_END_DECLS
