/* cohorts-application.h: the application
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define COHORTS_TYPE_APPLICATION (cohorts_application_get_type ())

G_DECLARE_FINAL_TYPE (CohortsApplication, cohorts_application, COHORTS, APPLICATION, AdwApplication)

CohortsApplication *cohorts_application_new          (void);
GSettings          *cohorts_application_get_settings (CohortsApplication *self);
void                cohorts_application_open_file    (CohortsApplication *self,
                                                      GFile              *file);

G_END_DECLS
