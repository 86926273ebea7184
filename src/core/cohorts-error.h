/* cohorts-error.h: error domains of the core
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define COHORTS_PLAN_ERROR (cohorts_plan_error_quark ())

/**
 * CohortsPlanError:
 * @COHORTS_PLAN_ERROR_INVALID: the file is not a valid plan (not well-formed,
 *   against the schema, a bad value, an ambiguous key)
 * @COHORTS_PLAN_ERROR_NEWER_VERSION: the file was written by a newer Cohorts
 * @COHORTS_PLAN_ERROR_NOT_A_PLAN: the file is XML but not a plan
 * @COHORTS_PLAN_ERROR_FORBIDDEN: the file uses something refused for safety
 *   (a DOCTYPE, entities)
 * @COHORTS_PLAN_ERROR_TOO_LARGE: the file or a part of it passes a limit
 * @COHORTS_PLAN_ERROR_CONFLICT: an edit would make the plan ambiguous (a
 *   second school with the same URN, a school in two cohorts)
 */
typedef enum
{
  COHORTS_PLAN_ERROR_INVALID,
  COHORTS_PLAN_ERROR_NEWER_VERSION,
  COHORTS_PLAN_ERROR_NOT_A_PLAN,
  COHORTS_PLAN_ERROR_FORBIDDEN,
  COHORTS_PLAN_ERROR_TOO_LARGE,
  COHORTS_PLAN_ERROR_CONFLICT,
} CohortsPlanError;

GQuark cohorts_plan_error_quark (void);

G_END_DECLS
