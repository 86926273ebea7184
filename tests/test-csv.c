/* test-csv.c: the CSV reader of the school register
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-csv"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "cohorts-csv.h"
#include "cohorts-register-private.h"

/* Reads all of @data: each record as its fields joined by "|", preceded by
 * its line number and a colon, one a line. */
static char *
read_all (const char  *data,
          gssize       length,
          GError     **error)
{
  g_autoptr(CohortsCsv) csv = NULL;
  GString *out = g_string_new (NULL);

  if (length < 0)
    length = strlen (data);
  csv = cohorts_csv_new_for_data (data, length, "test.csv");
  while (cohorts_csv_next (csv, error))
    {
      g_string_append_printf (out, "%u:", cohorts_csv_get_line (csv));
      for (guint i = 0; i < cohorts_csv_get_n_fields (csv); i++)
        {
          g_assert_cmpuint (strlen (cohorts_csv_get_field (csv, i)), ==, cohorts_csv_get_field_length (csv, i));
          g_string_append_printf (out, "%s%s", i > 0 ? "|" : "", cohorts_csv_get_field (csv, i));
        }
      g_string_append_c (out, '\n');
    }
  if (error != NULL && *error != NULL)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

static void
assert_reads (const char *data,
              const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = read_all (data, -1, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (out, ==, expected);
}

static void
assert_refuses (const char *data,
                gssize      length,
                int         code,
                const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = read_all (data, length, &error);

  g_assert_null (out);
  g_assert_error (error, COHORTS_CSV_ERROR, code);
  g_assert_cmpstr (error->message, ==, message);
}

static void
test_plain (void)
{
  assert_reads ("a,b,c\n1,2,3\n", "1:a|b|c\n2:1|2|3\n");
  /* No line end after the last record. */
  assert_reads ("a,b\n1,2", "1:a|b\n2:1|2\n");
  /* Empty fields, at either end too. */
  assert_reads (",x,\n,,\n", "1:|x|\n2:||\n");
}

static void
test_line_ends (void)
{
  assert_reads ("a,b\r\n1,2\r\n", "1:a|b\n2:1|2\n");
  /* Old Macintosh files end lines with CR alone. */
  assert_reads ("a,b\r1,2\r", "1:a|b\n2:1|2\n");
  /* Mixed within a file. */
  assert_reads ("a\r\nb\nc\rd", "1:a\n2:b\n3:c\n4:d\n");
}

static void
test_quotes (void)
{
  /* Commas, doubled quotes and line breaks inside quotes; the line breaks
   * come back as "\n" whatever the file's, and the next record's line number
   * counts them. */
  assert_reads ("\"URN\",\"Street\"\r\n"
                "\"100000\",\"1 Church Lane, Upper End\"\r\n"
                "100001,\"The \"\"Old\"\" School\"\r\n"
                "100002,\"Mill House\r\nMill Lane\nUpper Mill\"\r\n"
                "100003,\"\"\r\n",
                "1:URN|Street\n"
                "2:100000|1 Church Lane, Upper End\n"
                "3:100001|The \"Old\" School\n"
                "4:100002|Mill House\nMill Lane\nUpper Mill\n"
                "7:100003|\n");
  /* A quote inside an unquoted field is kept as it is. */
  assert_reads ("St Mary\"s,2\n", "1:St Mary\"s|2\n");
}

static void
test_byte_order_mark (void)
{
  const char data[] = "\xEF\xBB\xBF\"URN\",Name\n";
  g_autoptr(CohortsCsv) csv = cohorts_csv_new_for_data (data, sizeof data - 1, "bom.csv");
  g_autoptr(GError) error = NULL;

  g_assert_true (cohorts_csv_next (csv, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (cohorts_csv_get_field (csv, 0), ==, "URN");
  g_assert_cmpstr (cohorts_csv_get_field (csv, 1), ==, "Name");
  g_assert_cmpint (cohorts_csv_get_encoding (csv), ==, COHORTS_CSV_ENCODING_UTF8);
}

static void
test_windows_1252 (void)
{
  const char data[] = "\"St Mary\x92s\",\"\x80 5\",Caf\xE9,\x81\n";
  g_autoptr(CohortsCsv) csv = cohorts_csv_new_for_data (data, sizeof data - 1, "dfe.csv");
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (cohorts_csv_get_encoding (csv), ==, COHORTS_CSV_ENCODING_WINDOWS_1252);
  g_assert_true (cohorts_csv_next (csv, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (cohorts_csv_get_n_fields (csv), ==, 4);
  g_assert_cmpstr (cohorts_csv_get_field (csv, 0), ==, "St Mary\xE2\x80\x99s");
  g_assert_cmpstr (cohorts_csv_get_field (csv, 1), ==, "\xE2\x82\xAC 5");
  g_assert_cmpstr (cohorts_csv_get_field (csv, 2), ==, "Caf\xC3\xA9");
  /* A byte Windows-1252 leaves undefined is its C1 control, as browsers read it. */
  g_assert_cmpstr (cohorts_csv_get_field (csv, 3), ==, "\xC2\x81");
  g_assert_false (cohorts_csv_next (csv, &error));
  g_assert_no_error (error);
}

static void
test_utf8 (void)
{
  const char data[] = "Caf\xC3\xA9,St Mary\xE2\x80\x99s\n";
  g_autoptr(CohortsCsv) csv = cohorts_csv_new_for_data (data, sizeof data - 1, "utf8.csv");
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (cohorts_csv_get_encoding (csv), ==, COHORTS_CSV_ENCODING_UTF8);
  g_assert_true (cohorts_csv_next (csv, &error));
  g_assert_cmpstr (cohorts_csv_get_field (csv, 0), ==, "Caf\xC3\xA9");
  g_assert_cmpstr (cohorts_csv_get_field (csv, 1), ==, "St Mary\xE2\x80\x99s");
}

/* The encoding is the file's, not the line's: one byte that is not UTF-8,
 * far down, makes all of it Windows-1252. */
static void
test_encoding_per_file (void)
{
  GString *data = g_string_new (NULL);
  g_autoptr(CohortsCsv) csv = NULL;
  g_autoptr(GError) error = NULL;
  guint records = 0;

  g_string_append (data, "Caf\xC3\xA9\n");
  while (data->len < 200000)
    g_string_append (data, "100000,Some School,Some Town\n");
  g_string_append (data, "St Mary\x92s\n");

  csv = cohorts_csv_new_for_data (data->str, data->len, "mixed.csv");
  g_assert_cmpint (cohorts_csv_get_encoding (csv), ==, COHORTS_CSV_ENCODING_WINDOWS_1252);
  g_assert_true (cohorts_csv_next (csv, &error));
  g_assert_cmpstr (cohorts_csv_get_field (csv, 0), ==, "Caf\xC3\x83\xC2\xA9");
  while (cohorts_csv_next (csv, &error))
    records++;
  g_assert_no_error (error);
  g_assert_cmpuint (records, ==, (data->len - 6 - 10) / 29 + 1);
  g_string_free (data, TRUE);
}

/* A character cut by the end of the 64 KiB buffer of the first pass is
 * still UTF-8. */
static void
test_utf8_across_buffers (void)
{
  GString *data = g_string_new (NULL);
  g_autoptr(CohortsCsv) csv = NULL;
  g_autoptr(GError) error = NULL;
  guint records = 0;

  while (data->len < 65535)
    g_string_append_c (data, data->len % 100 == 99 ? '\n' : 'a');
  g_string_truncate (data, 65535);
  g_string_append (data, "\xE2\x80\x99\n");
  g_assert_cmpuint (data->len, ==, 65539);

  csv = cohorts_csv_new_for_data (data->str, data->len, "cut.csv");
  g_assert_cmpint (cohorts_csv_get_encoding (csv), ==, COHORTS_CSV_ENCODING_UTF8);
  while (cohorts_csv_next (csv, &error))
    {
      records++;
      g_assert_true (g_utf8_validate (cohorts_csv_get_field (csv, 0), -1, NULL));
    }
  g_assert_no_error (error);
  g_assert_cmpuint (records, ==, 656);
  g_assert_cmpuint (cohorts_csv_get_bytes_read (csv), ==, 65539);
  g_string_free (data, TRUE);
}

static void
test_ragged (void)
{
  g_autoptr(CohortsCsv) csv = cohorts_csv_new_for_data ("a,b,c\n1,2\n1,2,3,4\n", 18, "ragged.csv");
  g_autoptr(GError) error = NULL;

  g_assert_true (cohorts_csv_next (csv, &error));
  g_assert_cmpuint (cohorts_csv_get_n_fields (csv), ==, 3);
  g_assert_true (cohorts_csv_next (csv, &error));
  g_assert_cmpuint (cohorts_csv_get_n_fields (csv), ==, 2);
  g_assert_cmpuint (cohorts_csv_get_line (csv), ==, 2);
  /* Past the last field: empty, not a crash. */
  g_assert_cmpstr (cohorts_csv_get_field (csv, 2), ==, "");
  g_assert_cmpuint (cohorts_csv_get_field_length (csv, 2), ==, 0);
  g_assert_true (cohorts_csv_next (csv, &error));
  g_assert_cmpuint (cohorts_csv_get_n_fields (csv), ==, 4);
  g_assert_cmpstr (cohorts_csv_get_field (csv, 3), ==, "4");
  g_assert_false (cohorts_csv_next (csv, &error));
  g_assert_no_error (error);
}

static void
test_empty_and_header_only (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *empty = read_all ("", 0, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (empty, ==, "");
  assert_reads ("\xEF\xBB\xBF", "");
  assert_reads ("\"URN\",\"EstablishmentName\"\r\n", "1:URN|EstablishmentName\n");
  /* Blank lines are no records, and count as lines. */
  assert_reads ("\r\na,b\r\n\r\n\r\n1,2\r\n\r\n", "2:a|b\n5:1|2\n");
}

static void
test_unclosed_quote (void)
{
  assert_refuses ("URN,Street\n100000,\"1 Church Lane\n100001,\"Mill Lane\"\n", -1,
                  COHORTS_CSV_ERROR_SYNTAX,
                  "test.csv:3: text after the closing quote of a field (a quote inside quotes is written twice)");
  assert_refuses ("URN,Street\n100000,x\n100001,\"Mill Lane\nUpper Mill\n", -1,
                  COHORTS_CSV_ERROR_SYNTAX, "test.csv:3: a quoted field that starts on this line is never closed");
  assert_refuses ("\"", 1, COHORTS_CSV_ERROR_SYNTAX,
                  "test.csv:1: a quoted field that starts on this line is never closed");
  assert_refuses ("a,\"b\"c\n", -1, COHORTS_CSV_ERROR_SYNTAX,
                  "test.csv:1: text after the closing quote of a field (a quote inside quotes is written twice)");
}

static void
test_nul (void)
{
  assert_refuses ("URN,Name\n100000,St\0Mary\n", 24, COHORTS_CSV_ERROR_BINARY,
                  "test.csv:2: the file has a NUL byte: it is not a text file");
  assert_refuses ("URN,Name\n\n\n100000,\"St\0Mary\"\n", 28, COHORTS_CSV_ERROR_BINARY,
                  "test.csv:4: the file has a NUL byte: it is not a text file");
  assert_refuses ("URN,Name\n100000,\"St\"\0\n", 22, COHORTS_CSV_ERROR_BINARY,
                  "test.csv:2: the file has a NUL byte: it is not a text file");
}

static void
test_huge_field (void)
{
  gsize length = 4 * 1024 * 1024;
  g_autofree char *data = g_malloc (length);
  g_autoptr(CohortsCsv) csv = NULL;
  g_autoptr(GError) error = NULL;

  /* A field of exactly a mebibyte is read... */
  memset (data, 'a', length);
  memcpy (data, "URN\n", 4);
  data[4 + COHORTS_CSV_MAX_FIELD] = '\n';
  csv = cohorts_csv_new_for_data (data, 4 + COHORTS_CSV_MAX_FIELD + 1, "big.csv");
  g_assert_true (cohorts_csv_next (csv, &error));
  g_assert_true (cohorts_csv_next (csv, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (cohorts_csv_get_field_length (csv, 0), ==, COHORTS_CSV_MAX_FIELD);
  g_clear_pointer (&csv, cohorts_csv_free);

  /* ...one byte more is refused, and the reader stops there rather than
   * reading the rest of a field that might be a gigabyte long. */
  data[4 + COHORTS_CSV_MAX_FIELD] = 'a';
  csv = cohorts_csv_new_for_data (data, length, "big.csv");
  g_assert_true (cohorts_csv_next (csv, &error));
  g_assert_false (cohorts_csv_next (csv, &error));
  g_assert_error (error, COHORTS_CSV_ERROR, COHORTS_CSV_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==, "big.csv:2: a field is longer than a mebibyte: this is not a register file");
  g_assert_cmpuint (cohorts_csv_get_bytes_read (csv), <, COHORTS_CSV_MAX_FIELD + 70000);
  g_clear_pointer (&csv, cohorts_csv_free);
  g_clear_error (&error);

  /* The same in quotes. */
  data[4] = '"';
  csv = cohorts_csv_new_for_data (data, length, "big.csv");
  g_assert_true (cohorts_csv_next (csv, &error));
  g_assert_false (cohorts_csv_next (csv, &error));
  g_assert_error (error, COHORTS_CSV_ERROR, COHORTS_CSV_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==, "big.csv:2: a field is longer than a mebibyte: this is not a register file");
}

static void
test_too_many_fields (void)
{
  GString *data = g_string_new ("a\n");
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;

  for (guint i = 0; i < COHORTS_CSV_MAX_FIELDS; i++)
    g_string_append_c (data, ',');
  out = read_all (data->str, data->len, &error);
  g_assert_null (out);
  g_assert_error (error, COHORTS_CSV_ERROR, COHORTS_CSV_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==, "test.csv:2: a record has more than 10,000 fields: this is not a register file");
  g_string_free (data, TRUE);
}

static void
test_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-csv-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "edubasealldata.csv", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.csv", NULL);
  g_autofree char *sample = g_build_filename (COHORTS_SOURCE_DIR, "tests", "data", "gias",
                                              "gias-sample-2021.csv", NULL);
  g_autoptr(CohortsCsv) csv = NULL;
  guint records = 0;

  g_assert_no_error (error);
  g_file_set_contents (path, "\"URN\",\"EstablishmentName\"\r\n100000,\"St Mary\x92s\"\r\n", -1, &error);
  g_assert_no_error (error);

  csv = cohorts_csv_open (path, "given.csv", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cohorts_csv_get_size (csv), ==, 47);
  g_assert_true (cohorts_csv_next (csv, &error));
  g_assert_cmpuint (cohorts_csv_get_bytes_read (csv), ==, 27);
  g_assert_true (cohorts_csv_next (csv, &error));
  g_assert_cmpstr (cohorts_csv_get_field (csv, 1), ==, "St Mary\xE2\x80\x99s");
  g_assert_false (cohorts_csv_next (csv, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (cohorts_csv_get_bytes_read (csv), ==, 47);
  g_assert_cmpstr (cohorts_csv_get_display_name (csv), ==, "given.csv");
  g_clear_pointer (&csv, cohorts_csv_free);

  g_assert_null (cohorts_csv_open (missing, "missing.csv", &error));
  g_assert_error (error, COHORTS_CSV_ERROR, COHORTS_CSV_ERROR_READ);
  g_assert_cmpstr (error->message, ==, "missing.csv: could not read: No such file or directory");
  g_clear_error (&error);

  g_assert_null (cohorts_csv_open (dir, "folder", &error));
  g_assert_error (error, COHORTS_CSV_ERROR, COHORTS_CSV_ERROR_READ);
  g_assert_cmpstr (error->message, ==, "folder: could not read: Is a directory");
  g_clear_error (&error);

  /* The DfE's own rows: 139 fields each, the header quoted. */
  csv = cohorts_csv_open (sample, NULL, &error);
  g_assert_no_error (error);
  while (cohorts_csv_next (csv, &error))
    {
      g_assert_cmpuint (cohorts_csv_get_n_fields (csv), ==, 139);
      records++;
    }
  g_assert_no_error (error);
  g_assert_cmpuint (records, ==, 3);

  g_unlink (path);
  g_rmdir (dir);
}

/* Inputs the fuzzer found (tests/files/fuzz-regressions-gias/, see
 * HACKING.md): each is read, and imported into a register in memory, to
 * its end or to an error that names the file, quickly. */
static void
test_fuzz_regressions (void)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "files", "fuzz-regressions-gias", NULL);
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  const char *name;

  g_assert_nonnull (folder);
  while ((name = g_dir_read_name (folder)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *contents = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *out = NULL;
      CohortsRegisterImportSummary summary;
      gsize length;
      gint64 start;
      double seconds;

      if (g_str_equal (name, "README.md"))
        continue;
      g_file_get_contents (path, &contents, &length, &error);
      g_assert_no_error (error);

      start = g_get_monotonic_time ();
      out = read_all (contents, length, &error);
      g_assert_true ((out == NULL) == (error != NULL));
      if (error != NULL)
        g_assert_true (g_str_has_prefix (error->message, "test.csv:"));
      g_clear_error (&error);

      if (cohorts_register_import_data (contents, length, name, &summary, &error))
        cohorts_register_import_summary_clear (&summary);
      else
        g_assert_true (g_str_has_prefix (error->message, name));
      seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
      g_test_message ("%s: %s (%.3f s)", name, error != NULL ? error->message : "imported", seconds);
      g_assert_cmpfloat (seconds, <, 60.0);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/plain", test_plain);
  g_test_add_func ("/csv/line-ends", test_line_ends);
  g_test_add_func ("/csv/quotes", test_quotes);
  g_test_add_func ("/csv/byte-order-mark", test_byte_order_mark);
  g_test_add_func ("/csv/encoding/windows-1252", test_windows_1252);
  g_test_add_func ("/csv/encoding/utf-8", test_utf8);
  g_test_add_func ("/csv/encoding/per-file", test_encoding_per_file);
  g_test_add_func ("/csv/encoding/utf-8-across-buffers", test_utf8_across_buffers);
  g_test_add_func ("/csv/ragged", test_ragged);
  g_test_add_func ("/csv/empty-and-header-only", test_empty_and_header_only);
  g_test_add_func ("/csv/refuses/unclosed-quote", test_unclosed_quote);
  g_test_add_func ("/csv/refuses/nul", test_nul);
  g_test_add_func ("/csv/refuses/huge-field", test_huge_field);
  g_test_add_func ("/csv/refuses/too-many-fields", test_too_many_fields);
  g_test_add_func ("/csv/file", test_file);
  g_test_add_func ("/csv/fuzz-regressions", test_fuzz_regressions);

  return g_test_run ();
}
