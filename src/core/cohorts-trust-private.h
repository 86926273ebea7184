/* cohorts-trust-private.h: what the plan and the loader may do to a trust
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cohorts-trust.h"

G_BEGIN_DECLS

struct _CohortsTrust
{
  GObject parent_instance;

  char *name;
  CohortsTrustKind kind;
  char *ukprn;
  char *reference;

  /* Central team: conversions it can run at once and in a term. */
  int concurrent_conversions;
  int conversions_per_term;
  /* Top-slice of each academy's grant, in hundredths of a percent. */
  int top_slice;
  /* Annual cost of central services, whole pounds. */
  gint64 annual_cost;
  gint64 funding_per_pupil;   /* the academies' grant a pupil a year, -1 unknown */

  /* Growth target: academies (a range) and pupils within some years. */
  int academies_min;
  int academies_max;
  int target_pupils;
  int within_years;

  /* Capacity limits: strong academies for each that needs support, schools
   * in deficit joining in one month, the diocese's minimum church share (in
   * hundredths of a percent); -1 when not set. */
  int support_ratio;
  int max_deficit_together;
  int church_share_min;

  char *notes;

  GPtrArray *extensions;
};


G_END_DECLS
