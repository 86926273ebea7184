/* fuzz-gias.c: libFuzzer target for the CSV reader and the register's import
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reads the input with CohortsCsv, every field of every record, then imports
 * it as cohorts_register_import() does, into a database in memory. Both
 * must agree: a file the reader refuses is not imported; the import
 * succeeds, or fails with the reader's error or because the file is not
 * the DfE's (no URN or name column, empty).
 */
#define G_LOG_DOMAIN "fuzz-gias"

#include "config.h"

#include <string.h>

#include "cohorts-csv.h"
#include "cohorts-register-private.h"
#include "fuzz-common.h"

#define NAME "edubasealldata20250401.csv"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init ();
  return 0;
}

/* Reads every record; returns the CSV error, or %NULL. */
static GError *
read_csv (const char *data,
          gsize       size)
{
  g_autoptr(CohortsCsv) csv = cohorts_csv_new_for_data (data, size, NAME);
  GError *error = NULL;
  guint last_line = 0;

  while (cohorts_csv_next (csv, &error))
    {
      guint n = cohorts_csv_get_n_fields (csv);

      if (n == 0 || n > COHORTS_CSV_MAX_FIELDS)
        fuzz_fail ("a record of %u fields", n);
      if (cohorts_csv_get_line (csv) <= last_line && last_line != 0)
        fuzz_fail ("line %u after line %u", cohorts_csv_get_line (csv), last_line);
      last_line = cohorts_csv_get_line (csv);
      for (guint i = 0; i < n; i++)
        {
          const char *field = cohorts_csv_get_field (csv, i);

          if (strlen (field) != cohorts_csv_get_field_length (csv, i))
            fuzz_fail ("field %u: length %zu, said %zu", i, strlen (field), cohorts_csv_get_field_length (csv, i));
          if (!g_utf8_validate (field, -1, NULL))
            fuzz_fail ("field %u is not UTF-8", i);
        }
      if (cohorts_csv_get_bytes_read (csv) > cohorts_csv_get_size (csv))
        fuzz_fail ("read %" G_GUINT64_FORMAT " bytes of %" G_GUINT64_FORMAT,
                   cohorts_csv_get_bytes_read (csv), cohorts_csv_get_size (csv));
    }
  if (error != NULL && !g_str_has_prefix (error->message, NAME ":"))
    fuzz_fail ("a CSV error that does not name the file: %s", error->message);
  return error;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) csv_error = read_csv ((const char *) data, size);
  g_autoptr(GError) error = NULL;
  CohortsRegisterImportSummary summary;
  gboolean ok;

  ok = cohorts_register_import_data ((const char *) data, size, NAME, &summary, &error);
  /* The import stops at its first problem: the reader's error, or a
   * header that is not the DfE's (before the reader's error). */
  if (csv_error != NULL)
    {
      if (ok || !(g_error_matches (error, COHORTS_REGISTER_ERROR, COHORTS_REGISTER_ERROR_INVALID) ||
                  (g_error_matches (error, COHORTS_CSV_ERROR, csv_error->code) &&
                   strcmp (error->message, csv_error->message) == 0)))
        fuzz_fail ("the reader says “%s”, the import %s", csv_error->message,
                   ok ? "succeeds" : error->message);
    }
  else if (!ok && !g_error_matches (error, COHORTS_REGISTER_ERROR, COHORTS_REGISTER_ERROR_INVALID))
    fuzz_fail ("the import fails: %s", error->message);
  if (ok && summary.problems->len > MIN (summary.n_skipped, COHORTS_REGISTER_MAX_PROBLEMS))
    fuzz_fail ("%u problems for %u rows skipped", summary.problems->len, summary.n_skipped);

  cohorts_register_import_summary_clear (&summary);
  return 0;
}
