/* cohorts-csv.h: a streaming, defensive reader of CSV files
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define COHORTS_CSV_ERROR (cohorts_csv_error_quark ())

/**
 * CohortsCsvError:
 * @COHORTS_CSV_ERROR_READ: the file could not be opened or read
 * @COHORTS_CSV_ERROR_SYNTAX: a quote out of place, or one never closed
 * @COHORTS_CSV_ERROR_BINARY: a NUL byte: not a text file
 * @COHORTS_CSV_ERROR_TOO_LARGE: a field or a record passes a limit
 *
 * Every message starts with "FILE:LINE: ".
 */
typedef enum
{
  COHORTS_CSV_ERROR_READ,
  COHORTS_CSV_ERROR_SYNTAX,
  COHORTS_CSV_ERROR_BINARY,
  COHORTS_CSV_ERROR_TOO_LARGE,
} CohortsCsvError;

/**
 * CohortsCsvEncoding:
 *
 * Decided once a file: UTF-8 when every byte of it is valid UTF-8,
 * Windows-1252 (what the DfE publishes) otherwise.
 */
typedef enum
{
  COHORTS_CSV_ENCODING_UTF8,
  COHORTS_CSV_ENCODING_WINDOWS_1252,
} CohortsCsvEncoding;

/* Limits: a field of more than a mebibyte, or a record of more than 16 MiB
 * or 10,000 fields, is refused rather than held in memory. */
#define COHORTS_CSV_MAX_FIELD (1024 * 1024)
#define COHORTS_CSV_MAX_RECORD (16 * 1024 * 1024)
#define COHORTS_CSV_MAX_FIELDS 10000

typedef struct _CohortsCsv CohortsCsv;

GQuark              cohorts_csv_error_quark      (void);

CohortsCsv         *cohorts_csv_open             (const char   *path,
                                                  const char   *display_name,
                                                  GError      **error);
CohortsCsv         *cohorts_csv_new_for_data     (const char   *data,
                                                  gsize         length,
                                                  const char   *display_name);
void                cohorts_csv_free             (CohortsCsv   *self);

gboolean            cohorts_csv_next             (CohortsCsv   *self,
                                                  GError      **error);
guint               cohorts_csv_get_n_fields     (CohortsCsv   *self);
const char         *cohorts_csv_get_field        (CohortsCsv   *self,
                                                  guint         index);
gsize               cohorts_csv_get_field_length (CohortsCsv   *self,
                                                  guint         index);
guint               cohorts_csv_get_line         (CohortsCsv   *self);
CohortsCsvEncoding  cohorts_csv_get_encoding     (CohortsCsv   *self);
guint64             cohorts_csv_get_bytes_read   (CohortsCsv   *self);
guint64             cohorts_csv_get_size         (CohortsCsv   *self);
const char         *cohorts_csv_get_display_name (CohortsCsv   *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CohortsCsv, cohorts_csv_free)

G_END_DECLS
