/* cohorts-file.h: replacing a file safely
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* How a temporary file beside FILE is named while FILE is written:
 * ".FILE.PID-XXXXXX" followed by this suffix. */
#define COHORTS_FILE_TEMP_SUFFIX ".cohorts-tmp"

gboolean cohorts_file_replace           (const char    *path,
                                         const void    *data,
                                         gsize          size,
                                         gboolean       make_backup,
                                         GCancellable  *cancellable,
                                         GError       **error);
gboolean cohorts_file_is_temp_name      (const char    *name,
                                         const char    *basename,
                                         int           *pid);
guint    cohorts_file_clean_stale_temps (const char    *path);
gboolean cohorts_pid_is_alive           (int            pid);

G_END_DECLS
