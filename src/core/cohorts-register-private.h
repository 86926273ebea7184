/* cohorts-register-private.h: the register's import, for the tests and the fuzzer
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cohorts-register.h"

G_BEGIN_DECLS

gboolean cohorts_register_import_data (const char                    *data,
                                       gsize                          length,
                                       const char                    *display_name,
                                       CohortsRegisterImportSummary  *summary,
                                       GError                       **error);

G_END_DECLS
