/* cohorts-cohort-private.h: what the plan and the loader may do to a cohort
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cohorts-cohort.h"

G_BEGIN_DECLS

struct _CohortsCohort
{
  GObject parent_instance;

  char *id;
  char *name;
  CohortsDate date;
  CohortsCohortStatus status;
  gboolean locked;
  char *notes;

  /* CohortsSchool, in conversion order; changed only by the plan. */
  GListStore *members;

  GPtrArray *extensions;
};


G_END_DECLS
