/* cohorts-cli.h: the headless commands
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean cohorts_cli_handles (int    argc,
                              char **argv);
int      cohorts_cli_run     (int    argc,
                              char **argv);

G_END_DECLS
