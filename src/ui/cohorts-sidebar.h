/* cohorts-sidebar.h: the cohorts of a plan, to choose which schools to see
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cohorts-group.h"

G_BEGIN_DECLS

#define COHORTS_TYPE_SIDEBAR (cohorts_sidebar_get_type ())

G_DECLARE_FINAL_TYPE (CohortsSidebar, cohorts_sidebar, COHORTS, SIDEBAR, AdwBin)

void          cohorts_sidebar_set_plan           (CohortsSidebar *self,
                                                  CohortsPlan    *plan);
CohortsGroup *cohorts_sidebar_get_selected_group (CohortsSidebar *self);
void          cohorts_sidebar_set_diocese        (CohortsSidebar *self,
                                                  const char     *diocese);
void          cohorts_sidebar_set_read_only      (CohortsSidebar *self,
                                                  gboolean        read_only);
void          cohorts_sidebar_select_cohort      (CohortsSidebar *self,
                                                  CohortsCohort  *cohort);
void          cohorts_sidebar_select_all         (CohortsSidebar *self);
GtkWidget    *cohorts_sidebar_get_row            (CohortsSidebar *self,
                                                  guint           position);

G_END_DECLS
