/* cohorts-plan-xml.h: reading and writing .matplan files
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cohorts-plan.h"

G_BEGIN_DECLS

#define COHORTS_PLAN_NAMESPACE      "urn:io.github.cohorts:matplan"
#define COHORTS_PLAN_FORMAT_VERSION 7
#define COHORTS_PLAN_MIME_TYPE      "application/x-matplan+xml"

/* Limits of what the loader reads; beyond them a file is refused. */
#define COHORTS_PLAN_MAX_FILE_SIZE       (64 * 1024 * 1024)
#define COHORTS_PLAN_MAX_TAG_SIZE        (64 * 1024)
#define COHORTS_PLAN_MAX_EXTENSION_SIZE  (1024 * 1024)
#define COHORTS_PLAN_MAX_EXTENSIONS_SIZE (16 * 1024 * 1024)
#define COHORTS_PLAN_MAX_DEPTH           32
/* Elements in one element of another namespace, and in all of them: libxml2's
 * RELAX NG validator takes time growing with the square of the first. */
#define COHORTS_PLAN_MAX_EXTENSION_ELEMENTS  2000
#define COHORTS_PLAN_MAX_EXTENSIONS_ELEMENTS 100000

/**
 * CohortsPlanLoadFlags:
 * @COHORTS_PLAN_LOAD_DEFAULT: the loader's own checks, which enforce every
 *   rule of the schema (and more) with precise messages
 * @COHORTS_PLAN_LOAD_SCHEMA: when the loader's checks pass, also validate
 *   the file against the schema of its version (data/matplan.rng, or
 *   data/matplan-1.rng for version 1) with libxml2 (a second pass over a
 *   copy kept in memory, about three times the time of the first); the
 *   headless commands and the tests use it, so that the two never disagree
 */
typedef enum
{
  COHORTS_PLAN_LOAD_DEFAULT = 0,
  COHORTS_PLAN_LOAD_SCHEMA = 1 << 0,
} CohortsPlanLoadFlags;

CohortsPlan *cohorts_plan_xml_load             (GInputStream         *stream,
                                                const char           *display_name,
                                                CohortsPlanLoadFlags  flags,
                                                GCancellable         *cancellable,
                                                GError              **error);
CohortsPlan *cohorts_plan_xml_load_file        (GFile                *file,
                                                const char           *display_name,
                                                CohortsPlanLoadFlags  flags,
                                                GCancellable         *cancellable,
                                                GError              **error);
CohortsPlan *cohorts_plan_xml_load_data        (const char           *data,
                                                gsize                 length,
                                                const char           *display_name,
                                                CohortsPlanLoadFlags  flags,
                                                GError              **error);
void         cohorts_plan_xml_load_file_async  (GFile                *file,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
CohortsPlan *cohorts_plan_xml_load_file_finish (GAsyncResult         *result,
                                                GError              **error);

GBytes      *cohorts_plan_xml_to_bytes         (CohortsPlan          *plan);
gboolean     cohorts_plan_xml_save_file        (CohortsPlan          *plan,
                                                GFile                *file,
                                                GCancellable         *cancellable,
                                                GError              **error);
void         cohorts_plan_xml_save_file_async  (CohortsPlan          *plan,
                                                GFile                *file,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
gboolean     cohorts_plan_xml_save_file_finish (CohortsPlan          *plan,
                                                GAsyncResult         *result,
                                                GError              **error);

G_END_DECLS
