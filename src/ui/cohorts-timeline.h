/* cohorts-timeline.h: the timeline chart, on screen
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "cohorts-plan.h"
#include "cohorts-timeline-layout.h"

G_BEGIN_DECLS

typedef enum
{
  COHORTS_TIMELINE_FIT,
  COHORTS_TIMELINE_MONTH,
  COHORTS_TIMELINE_TERM,
  COHORTS_TIMELINE_YEAR,
} CohortsTimelineZoom;

#define COHORTS_TYPE_TIMELINE (cohorts_timeline_get_type ())

G_DECLARE_FINAL_TYPE (CohortsTimeline, cohorts_timeline, COHORTS, TIMELINE, GtkWidget)

GtkWidget     *cohorts_timeline_new                 (void);
void           cohorts_timeline_set_plan            (CohortsTimeline     *self,
                                                     CohortsPlan         *plan);
void           cohorts_timeline_set_diocese         (CohortsTimeline     *self,
                                                     const char          *diocese);
CohortsTimelineRows *cohorts_timeline_get_rows      (CohortsTimeline     *self);
CohortsPlan   *cohorts_timeline_get_plan            (CohortsTimeline     *self);
void           cohorts_timeline_set_baseline        (CohortsTimeline     *self,
                                                     CohortsBaseline     *baseline);
CohortsBaseline *cohorts_timeline_get_baseline      (CohortsTimeline     *self);
CohortsSchool *cohorts_timeline_get_selected_school (CohortsTimeline     *self);
void           cohorts_timeline_set_selected_school (CohortsTimeline     *self,
                                                     CohortsSchool       *school);
double         cohorts_timeline_get_day_width       (CohortsTimeline     *self);
void           cohorts_timeline_set_day_width       (CohortsTimeline     *self,
                                                     double               day_width,
                                                     double               anchor_x);
void           cohorts_timeline_zoom                (CohortsTimeline     *self,
                                                     CohortsTimelineZoom  zoom);
void           cohorts_timeline_zoom_by             (CohortsTimeline     *self,
                                                     int                  steps);
void           cohorts_timeline_scroll_to_date      (CohortsTimeline     *self,
                                                     CohortsDate          date);
void           cohorts_timeline_scroll_to_cohort    (CohortsTimeline     *self,
                                                     CohortsCohort       *cohort);
guint          cohorts_timeline_get_focus_row       (CohortsTimeline     *self);
void           cohorts_timeline_set_findings        (CohortsTimeline     *self,
                                                     GPtrArray           *findings);
void           cohorts_timeline_set_read_only       (CohortsTimeline     *self,
                                                     gboolean             read_only);
void           cohorts_timeline_show_period         (CohortsTimeline     *self,
                                                     CohortsDate          from,
                                                     CohortsDate          to);
void           cohorts_timeline_get_period          (CohortsTimeline     *self,
                                                     CohortsDate         *from,
                                                     CohortsDate         *to);
const CohortsTimelineLayout *cohorts_timeline_get_layout (CohortsTimeline *self);
char          *cohorts_timeline_describe            (CohortsTimeline     *self,
                                                     double               x,
                                                     double               y);

G_END_DECLS
