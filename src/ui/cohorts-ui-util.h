/* cohorts-ui-util.h: small helpers the views share
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "cohorts-checks.h"

G_BEGIN_DECLS

GtkWidget *cohorts_finding_row_new  (const CohortsFinding *finding);
GtkWidget *cohorts_dialog_window_new (GtkWindow  *parent,
                                      const char *name,
                                      const char *title,
                                      int         width,
                                      int         height);
void cohorts_schedule_before_frame (guint       *source,
                                    GSourceFunc  func,
                                    gpointer     data);
void cohorts_popup_menu            (GtkWidget   *parent,
                                    GMenuModel  *menu,
                                    double       x,
                                    double       y);

G_END_DECLS
