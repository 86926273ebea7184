/* test-register.c: the school register: import, search, schools, refresh
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The files imported here are made in the test with the DfE's real 2025
 * header (tests/data/gias/) and the real file's shape: Windows-1252, CRLF,
 * every cell quoted, addresses with commas and line breaks.
 */
#define G_LOG_DOMAIN "test-register"

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "cohorts-csv.h"
#include "cohorts-register.h"

typedef struct
{
  char *dir;
  char *csv;          /* edubasealldata20250401.csv in @dir */
  char *db;           /* register.db in @dir */
} Fixture;

static GStrv
read_header (void)
{
  g_autofree char *path = g_build_filename (COHORTS_SOURCE_DIR, "tests", "data", "gias",
                                            "gias-header-2025.txt", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  GStrv names;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  g_strchomp (text);
  names = g_strsplit (text, "\n", -1);
  g_assert_cmpuint (g_strv_length (names), ==, 135);
  return names;
}

/* One row: the values of the named columns (pairs of name and value, to
 * NULL), the rest empty; every cell quoted, as the DfE writes them. */
static void
append_row (GString          *out,
            const char *const *header,
            const char        *first,
            ...) G_GNUC_NULL_TERMINATED;

static void
append_row (GString          *out,
            const char *const *header,
            const char        *first,
            ...)
{
  g_autoptr(GHashTable) values = g_hash_table_new (g_str_hash, g_str_equal);
  va_list args;

  va_start (args, first);
  for (const char *name = first; name != NULL; name = va_arg (args, const char *))
    {
      const char *value = va_arg (args, const char *);
      g_assert_true (g_strv_contains (header, name));
      g_hash_table_insert (values, (char *) name, (char *) value);
    }
  va_end (args);

  for (guint i = 0; header[i] != NULL; i++)
    {
      const char *value = g_hash_table_lookup (values, header[i]);
      g_autofree char *quoted = NULL;
      g_auto(GStrv) parts = g_strsplit (value != NULL ? value : "", "\"", -1);

      quoted = g_strjoinv ("\"\"", parts);
      g_string_append_printf (out, "%s\"%s\"", i > 0 ? "," : "", quoted);
    }
  g_string_append (out, "\r\n");
}

static void
append_header (GString          *out,
               const char *const *header)
{
  for (guint i = 0; header[i] != NULL; i++)
    g_string_append_printf (out, "%s\"%s\"", i > 0 ? "," : "", header[i]);
  g_string_append (out, "\r\n");
}

/* Writes @utf8 to @path in Windows-1252, as the DfE publishes it. */
static void
write_windows_1252 (const char *path,
                    const char *utf8)
{
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  g_autofree char *bytes = g_convert (utf8, -1, "WINDOWS-1252", "UTF-8", NULL, &length, &error);

  g_assert_no_error (error);
  g_file_set_contents (path, bytes, length, &error);
  g_assert_no_error (error);
}

#define RIGHT_QUOTE "\xE2\x80\x99"

/* The fixture's file: lines are noted where the tests expect them. */
static char *
make_gias (void)
{
  g_auto(GStrv) h = read_header ();
  const char *const *header = (const char *const *) h;
  GString *out = g_string_new (NULL);

  append_header (out, header);                                          /* line 1 */
  append_row (out, header,                                              /* line 2 */
              "URN", "100000", "LA (code)", "201", "LA (name)", "Northshire",
              "EstablishmentName", "St Mary" RIGHT_QUOTE "s C of E Primary School",
              "TypeOfEstablishment (code)", "02", "TypeOfEstablishment (name)", "Voluntary aided school",
              "EstablishmentStatus (name)", "Open", "OpenDate", "01-09-1970",
              "PhaseOfEducation (code)", "2", "PhaseOfEducation (name)", "Primary",
              "StatutoryLowAge", "4", "StatutoryHighAge", "11",
              "ReligiousCharacter (name)", "Church of England",
              "Diocese (code)", "CE23", "Diocese (name)", "Diocese of London",
              "SchoolCapacity", "210", "NumberOfPupils", "198", "PercentageFSM", "12.5",
              "UKPRN", "10012345", "Street", "1 Church Lane, Upper End",
              "Locality", "Mill House\r\nMill Lane", "Town", "Northfield", "County (name)", "Northshire",
              "Postcode", "NF1 2AB", "UrbanRural (name)", "(England/Wales) Rural village",
              "TrustSchoolFlag (name)", "Not applicable",
              NULL);
  append_row (out, header,                                              /* line 4 */
              "URN", "100001", "LA (code)", "201", "LA (name)", "Northshire",
              "EstablishmentName", "St Mark" RIGHT_QUOTE "s Academy",
              "TypeOfEstablishment (code)", "34", "TypeOfEstablishment (name)", "Academy converter",
              "EstablishmentStatus (name)", "Open",
              "PhaseOfEducation (name)", "Secondary", "StatutoryLowAge", "11", "StatutoryHighAge", "18",
              "ReligiousCharacter (name)", "Does not apply", "Diocese (code)", "0000",
              "Diocese (name)", "Not applicable", "SchoolCapacity", "1200", "NumberOfPupils", "1105",
              "Trusts (code)", "TR01234", "Trusts (name)", "Northfield Learning Trust",
              "Town", "Southam", "Postcode", "SO1 1AA", "UrbanRural (name)", "(England/Wales) Urban city and town",
              NULL);
  append_row (out, header,                                              /* line 5 */
              "URN", "100002", "LA (code)", "202", "LA (name)", "Southshire",
              "EstablishmentName", "Old Mill First School",
              "TypeOfEstablishment (name)", "Community school", "EstablishmentStatus (name)", "Closed",
              "CloseDate", "31-08-2020", "PhaseOfEducation (name)", "Primary",
              "StatutoryLowAge", "4", "StatutoryHighAge", "9", "Town", "Millbrook",
              NULL);
  append_row (out, header,                                              /* line 6 */
              "URN", "10000x", "EstablishmentName", "Bad URN School", NULL);
  append_row (out, header,                                              /* line 7 */
              "URN", "100003", "LA (code)", "202", "LA (name)", "Southshire",
              "EstablishmentName", "Hilltop High School",
              "TypeOfEstablishment (name)", "Voluntary aided school", "EstablishmentStatus (name)", "Open",
              "PhaseOfEducation (name)", "Secondary", "StatutoryLowAge", "13", "StatutoryHighAge", "18",
              "ReligiousCharacter (name)", "Roman Catholic", "Diocese (code)", "RC12",
              "Diocese (name)", "Diocese of Northfield", "Town", "Millbrook",
              NULL);
  /* A row cut short. */
  g_string_append (out, "\"100009\",\"201\",\"Northshire\"\r\n");       /* line 8 */
  append_row (out, header,                                              /* line 9 */
              "URN", "100000", "EstablishmentName", "St Mary" RIGHT_QUOTE "s again", NULL);
  append_row (out, header,                                              /* line 10 */
              "URN", "100004", "LA (code)", "201", "LA (name)", "Northshire",
              "EstablishmentName", "Brook Special School",
              "TypeOfEstablishment (name)", "Community special school", "EstablishmentStatus (name)", "Open",
              "PhaseOfEducation (name)", "Not applicable", "StatutoryLowAge", "2", "StatutoryHighAge", "19",
              "Town", "Northfield", NULL);
  append_row (out, header,                                              /* line 11 */
              "URN", "100005", "LA (code)", "202", "LA (name)", "Southshire",
              "EstablishmentName", "Northfield Community Primary School",
              "TypeOfEstablishment (name)", "Community school", "EstablishmentStatus (name)", "Open",
              "PhaseOfEducation (name)", "Primary", "StatutoryLowAge", "4", "StatutoryHighAge", "11",
              "Town", "Southam", NULL);
  append_row (out, header,                                              /* line 12 */
              "URN", "100006", "EstablishmentName", "", NULL);
  return g_string_free (out, FALSE);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = make_gias ();

  f->dir = g_dir_make_tmp ("test-register-XXXXXX", &error);
  g_assert_no_error (error);
  f->csv = g_build_filename (f->dir, "edubasealldata20250401.csv", NULL);
  f->db = g_build_filename (f->dir, "register.db", NULL);
  write_windows_1252 (f->csv, text);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  GDir *dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      g_unlink (path);
    }
  g_dir_close (dir);
  g_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->csv);
  g_free (f->db);
}

static void
import (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (cohorts_register_import (f->db, f->csv, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

static CohortsRegister *
open_register (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  CohortsRegister *reg;

  import (f);
  reg = cohorts_register_open (f->db, &error);
  g_assert_no_error (error);
  return reg;
}

static guint
n_files (Fixture *f)
{
  GDir *dir = g_dir_open (f->dir, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (dir) != NULL)
    n++;
  g_dir_close (dir);
  return n;
}

/* Import */

static void
record_progress (guint64  done,
                 guint64  total,
                 gpointer user_data)
{
  GArray *calls = user_data;

  g_array_append_val (calls, done);
  g_array_append_val (calls, total);
}

static void
test_import_summary (Fixture       *f,
                     gconstpointer  data)
{
  CohortsRegisterImportSummary summary;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) calls = g_array_new (FALSE, FALSE, sizeof (guint64));
  g_autoptr(CohortsRegister) reg = NULL;
  g_autofree char *problem = NULL;
  GStatBuf st;

  g_assert_true (cohorts_register_import (f->db, f->csv, record_progress, calls, NULL, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.n_imported, ==, 6);
  g_assert_cmpuint (summary.n_skipped, ==, 4);
  g_assert_cmpuint (summary.problems->len, ==, 4);
  problem = g_strdup_printf ("%s:6: “10000x” is not a URN (six digits)", f->csv);
  g_assert_cmpstr (g_ptr_array_index (summary.problems, 0), ==, problem);
  g_free (problem);
  problem = g_strdup_printf ("%s:8: 3 fields where the header has 135", f->csv);
  g_assert_cmpstr (g_ptr_array_index (summary.problems, 1), ==, problem);
  g_free (problem);
  problem = g_strdup_printf ("%s:9: URN 100000 is in the file twice: the row after the first is left out", f->csv);
  g_assert_cmpstr (g_ptr_array_index (summary.problems, 2), ==, problem);
  g_free (problem);
  problem = g_strdup_printf ("%s:12: the school of URN 100006 has no name", f->csv);
  g_assert_cmpstr (g_ptr_array_index (summary.problems, 3), ==, problem);
  g_assert_cmpuint (summary.file_date, ==, cohorts_date_new (2025, 4, 1));
  g_assert_cmpstr (summary.encoding_name, ==, "Windows-1252");
  cohorts_register_import_summary_clear (&summary);

  /* Progress: at least the end, never beyond it. */
  g_assert_cmpint (g_stat (f->csv, &st), ==, 0);
  g_assert_cmpuint (calls->len, >=, 2);
  g_assert_cmpuint (g_array_index (calls, guint64, calls->len - 2), ==, (guint64) st.st_size);
  g_assert_cmpuint (g_array_index (calls, guint64, calls->len - 1), ==, (guint64) st.st_size);

  reg = cohorts_register_open (f->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cohorts_register_get_n_schools (reg), ==, 6);
  g_assert_cmpuint (cohorts_register_get_file_date (reg), ==, cohorts_date_new (2025, 4, 1));
  /* Nothing left beside it but the note of where it came from. */
  g_assert_cmpuint (n_files (f), ==, 3);
}

static void
test_date_from_file_name (void)
{
  g_assert_cmpuint (cohorts_register_date_from_file_name ("/tmp/edubasealldata20250401.csv"), ==,
                    cohorts_date_new (2025, 4, 1));
  g_assert_cmpuint (cohorts_register_date_from_file_name ("EduBaseAllData20210415.CSV"), ==,
                    cohorts_date_new (2021, 4, 15));
  g_assert_cmpuint (cohorts_register_date_from_file_name ("edubasealldata20250231.csv"), ==, COHORTS_DATE_NONE);
  g_assert_cmpuint (cohorts_register_date_from_file_name ("edubasealldata2025040.csv"), ==, COHORTS_DATE_NONE);
  g_assert_cmpuint (cohorts_register_date_from_file_name ("schools.csv"), ==, COHORTS_DATE_NONE);
}

static void
test_import_missing_column (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;

  g_file_set_contents (f->csv, "\"LA (code)\",\"EstablishmentName\"\r\n\"201\",\"A School\"\r\n", -1, &error);
  g_assert_no_error (error);
  g_assert_false (cohorts_register_import (f->db, f->csv, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, COHORTS_REGISTER_ERROR, COHORTS_REGISTER_ERROR_INVALID);
  expected = g_strdup_printf ("%s:1: the file has no “URN” column: it is not the DfE's establishment file", f->csv);
  g_assert_cmpstr (error->message, ==, expected);
  g_clear_error (&error);
  g_free (expected);

  g_file_set_contents (f->csv, "\r\n\"URN\",\"Name\"\r\n", -1, &error);
  g_assert_false (cohorts_register_import (f->db, f->csv, NULL, NULL, NULL, NULL, &error));
  expected = g_strdup_printf ("%s:2: the file has no “EstablishmentName” column: it is not the DfE's "
                              "establishment file", f->csv);
  g_assert_cmpstr (error->message, ==, expected);
  g_clear_error (&error);
  g_free (expected);

  g_file_set_contents (f->csv, "", 0, &error);
  g_assert_false (cohorts_register_import (f->db, f->csv, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, COHORTS_REGISTER_ERROR, COHORTS_REGISTER_ERROR_INVALID);
  expected = g_strdup_printf ("%s:1: the file is empty: it is not the DfE's establishment file", f->csv);
  g_assert_cmpstr (error->message, ==, expected);

  /* No register was made. */
  g_assert_false (g_file_test (f->db, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (n_files (f), ==, 1);
}

static void
test_import_header_only (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  CohortsRegisterImportSummary summary;
  g_autoptr(CohortsRegister) reg = NULL;

  g_file_set_contents (f->csv, "\"URN\",\"EstablishmentName\"\r\n", -1, &error);
  g_assert_true (cohorts_register_import (f->db, f->csv, NULL, NULL, NULL, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.n_imported, ==, 0);
  g_assert_cmpuint (summary.n_skipped, ==, 0);
  g_assert_cmpstr (summary.encoding_name, ==, "UTF-8");
  cohorts_register_import_summary_clear (&summary);
  reg = cohorts_register_open (f->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cohorts_register_get_n_schools (reg), ==, 0);
}

static void
assert_file_bytes (const char *path,
                   GBytes     *expected)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (contents, length, g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));
}

static GBytes *
file_bytes (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (g_steal_pointer (&contents), length);
}

static void
cancel_on_progress (guint64  done,
                    guint64  total,
                    gpointer user_data)
{
  guint64 *seen = g_object_get_data (user_data, "seen");

  *seen = done;
  g_cancellable_cancel (user_data);
}

/* A cancelled or failed import leaves the register byte for byte. */
static void
test_import_cancelled_or_failed (Fixture       *f,
                                 gconstpointer  data)
{
  g_auto(GStrv) h = read_header ();
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *big = g_build_filename (f->dir, "big.csv", NULL);
  g_autofree char *expected = NULL;
  GString *text = g_string_new (NULL);
  guint64 seen = 0;

  import (f);
  before = file_bytes (f->db);

  /* Cancelled before it starts. */
  g_cancellable_cancel (cancellable);
  g_assert_false (cohorts_register_import (f->db, f->csv, NULL, NULL, cancellable, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  assert_file_bytes (f->db, before);
  g_assert_cmpuint (n_files (f), ==, 3);

  /* Cancelled while it runs: the first progress report cancels, and the
   * import stops at its next look, after a few hundred rows. */
  append_header (text, (const char *const *) h);
  for (guint i = 0; i < 1000; i++)
    {
      g_autofree char *urn = g_strdup_printf ("%u", 200000 + i);
      append_row (text, (const char *const *) h, "URN", urn, "EstablishmentName", "A School", NULL);
    }
  g_file_set_contents (big, text->str, text->len, &error);
  g_assert_no_error (error);
  g_string_free (text, TRUE);
  g_cancellable_reset (cancellable);
  g_object_set_data (G_OBJECT (cancellable), "seen", &seen);
  g_assert_false (cohorts_register_import (f->db, big, cancel_on_progress, cancellable, cancellable, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_cmpuint (seen, >, 0);
  assert_file_bytes (f->db, before);
  g_assert_cmpuint (n_files (f), ==, 4);

  /* Failed: a quote never closed, far down. */
  g_file_set_contents (big, "\"URN\",\"EstablishmentName\"\r\n100000,\"A School\"\r\n100001,\"Another\r\n", -1, &error);
  g_assert_false (cohorts_register_import (f->db, big, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, COHORTS_CSV_ERROR, COHORTS_CSV_ERROR_SYNTAX);
  expected = g_strdup_printf ("%s:3: a quoted field that starts on this line is never closed", big);
  g_assert_cmpstr (error->message, ==, expected);
  assert_file_bytes (f->db, before);
  g_assert_cmpuint (n_files (f), ==, 4);
}

/* In a thread, with progress reported in the caller's thread */

typedef struct
{
  GMainLoop *loop;
  GThread *thread;
  guint n_progress;
  guint64 last_done;
  gboolean finished;
  gboolean ok;
  CohortsRegisterImportSummary summary;
  GError *error;
} AsyncImport;

static void
async_progress (guint64  done,
                guint64  total,
                gpointer user_data)
{
  AsyncImport *state = user_data;

  g_assert_true (g_thread_self () == state->thread);
  g_assert_cmpuint (done, <=, total);
  g_assert_cmpuint (done, >=, state->last_done);
  state->last_done = done;
  state->n_progress++;
}

static void
async_done (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  AsyncImport *state = user_data;

  g_assert_true (g_thread_self () == state->thread);
  state->ok = cohorts_register_import_finish (result, &state->summary, &state->error);
  state->finished = TRUE;
  g_main_loop_quit (state->loop);
}

static void
test_import_async (Fixture       *f,
                   gconstpointer  data)
{
  g_auto(GStrv) h = read_header ();
  g_autofree char *big = g_build_filename (f->dir, "edubasealldata20240101.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CohortsRegister) reg = NULL;
  GString *text = g_string_new (NULL);
  AsyncImport state = { 0, };

  append_header (text, (const char *const *) h);
  for (guint i = 0; i < 3000; i++)
    {
      g_autofree char *urn = g_strdup_printf ("%u", 300000 + i);
      append_row (text, (const char *const *) h, "URN", urn, "EstablishmentName", "A School",
                  "EstablishmentStatus (name)", "Open", NULL);
    }
  g_file_set_contents (big, text->str, text->len, &error);
  g_assert_no_error (error);
  g_string_free (text, TRUE);

  state.loop = g_main_loop_new (NULL, FALSE);
  state.thread = g_thread_self ();
  cohorts_register_import_async (f->db, big, async_progress, &state, NULL, NULL, async_done, &state);
  g_main_loop_run (state.loop);
  g_main_loop_unref (state.loop);

  g_assert_true (state.finished);
  g_assert_no_error (state.error);
  g_assert_true (state.ok);
  g_assert_cmpuint (state.summary.n_imported, ==, 3000);
  g_assert_cmpuint (state.summary.file_date, ==, cohorts_date_new (2024, 1, 1));
  g_assert_cmpuint (state.n_progress, >=, 1);
  cohorts_register_import_summary_clear (&state.summary);

  reg = cohorts_register_open (f->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cohorts_register_get_n_schools (reg), ==, 3000);
}

/* Opening */

static void
assert_open_fails (const char *path,
                   int         code,
                   const char *message_end)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CohortsRegister) reg = cohorts_register_open (path, &error);
  g_autofree char *expected = g_strdup_printf ("%s: %s", path, message_end);

  g_assert_null (reg);
  g_assert_error (error, COHORTS_REGISTER_ERROR, code);
  g_assert_cmpstr (error->message, ==, expected);
}

static void
exec_sql (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
test_open_refuses (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) good = NULL;
  g_autofree char *damaged = NULL;
  gsize length;

  assert_open_fails (f->db, COHORTS_REGISTER_ERROR_NOT_FOUND, "there is no school register yet");

  g_file_set_contents (f->db, "garbage, not a database at all\n", -1, &error);
  assert_open_fails (f->db, COHORTS_REGISTER_ERROR_CORRUPT, "the school register is damaged (it is not a database)");

  g_file_set_contents (f->db, "", 0, &error);
  assert_open_fails (f->db, COHORTS_REGISTER_ERROR_CORRUPT, "the school register is damaged (it is empty)");

  g_unlink (f->db);
  exec_sql (f->db, "CREATE TABLE songs (title TEXT); INSERT INTO songs VALUES ('Jerusalem');");
  assert_open_fails (f->db, COHORTS_REGISTER_ERROR_FOREIGN,
                     "this is another program's database, not a school register of Cohorts");

  g_unlink (f->db);
  import (f);
  exec_sql (f->db, "PRAGMA user_version = 2");
  assert_open_fails (f->db, COHORTS_REGISTER_ERROR_NEWER,
                     "a newer version of Cohorts made this school register: update Cohorts, "
                     "or import the DfE's file again");

  /* Damaged inside: every page after the first overwritten. */
  import (f);
  good = file_bytes (f->db);
  length = g_bytes_get_size (good);
  g_assert_cmpuint (length, >, 8192);
  damaged = g_memdup2 (g_bytes_get_data (good, NULL), length);
  for (gsize i = 4096; i < length; i++)
    damaged[i] = (char) (i * 7);
  g_file_set_contents (f->db, damaged, length, &error);
  g_assert_no_error (error);
  {
    g_autoptr(CohortsRegister) reg = cohorts_register_open (f->db, &error);

    g_assert_null (reg);
    g_assert_error (error, COHORTS_REGISTER_ERROR, COHORTS_REGISTER_ERROR_CORRUPT);
    g_assert_true (g_str_has_prefix (error->message, f->db));
    g_assert_nonnull (strstr (error->message, ": the school register is damaged ("));
  }

  /* What to rebuild it from: the file it was last imported from, while
   * that is still there. */
  {
    g_autofree char *source = cohorts_register_get_last_import (f->db);
    g_autofree char *expected = g_canonicalize_filename (f->csv, NULL);

    g_assert_cmpstr (source, ==, expected);
    g_unlink (f->csv);
    g_clear_pointer (&source, g_free);
    source = cohorts_register_get_last_import (f->db);
    g_assert_null (source);
  }
}

/* Search */

static char *
search_urns (CohortsRegister            *reg,
             const CohortsRegisterQuery *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) matches = cohorts_register_search (reg, query, &error);
  GString *out = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < matches->len; i++)
    {
      CohortsRegisterMatch *match = g_ptr_array_index (matches, i);
      g_string_append_printf (out, "%s%u", i > 0 ? " " : "", match->urn);
    }
  return g_string_free (out, FALSE);
}

static void
assert_finds (CohortsRegister *reg,
              const char      *text,
              const char      *urns)
{
  CohortsRegisterQuery query;
  g_autofree char *found = NULL;

  cohorts_register_query_init (&query, text);
  found = search_urns (reg, &query);
  if (g_strcmp0 (found, urns) != 0)
    g_error ("“%s” found “%s”, not “%s”", text, found, urns);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* Where the order is not the point: the URNs found, sorted. */
static void
assert_finds_all (CohortsRegister *reg,
                  const char      *text,
                  const char      *urns)
{
  CohortsRegisterQuery query;
  g_autofree char *found = NULL;
  g_auto(GStrv) words = NULL;
  g_autofree char *sorted = NULL;

  cohorts_register_query_init (&query, text);
  found = search_urns (reg, &query);
  words = g_strsplit (found, " ", -1);
  qsort (words, g_strv_length (words), sizeof (char *), compare_strings);
  sorted = g_strjoinv (" ", words);
  if (g_strcmp0 (sorted, urns) != 0)
    g_error ("“%s” found “%s”, not “%s”", text, sorted, urns);
}

static void
test_search_as_you_type (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(CohortsRegister) reg = open_register (f);

  assert_finds_all (reg, "s", "100000 100001 100003 100004 100005");
  assert_finds (reg, "st", "100001 100000");
  assert_finds (reg, "st m", "100001 100000");
  assert_finds (reg, "st ma", "100001 100000");
  assert_finds (reg, "st mar", "100001 100000");
  assert_finds (reg, "st mary", "100000");
  /* Apostrophes, straight or curly, and case do not matter. */
  assert_finds (reg, "st marys", "100000");
  assert_finds (reg, "St Mary's", "100000");
  assert_finds (reg, "ST MARY" RIGHT_QUOTE "S", "100000");
  assert_finds (reg, "  st.   mark ", "100001");
  /* A URN, a postcode, a town, an authority, a diocese, a trust. */
  assert_finds_all (reg, "10000", "100000 100001 100003 100004 100005");
  assert_finds (reg, "100003", "100003");
  assert_finds (reg, "nf1 2a", "100000");
  assert_finds (reg, "millbr", "100003");
  assert_finds_all (reg, "southsh", "100003 100005");
  assert_finds_all (reg, "201", "100000 100001 100004");
  assert_finds (reg, "diocese of london", "100000");
  assert_finds (reg, "learning tr", "100001");
  /* The name weighs most, then the town: the school called Northfield
   * comes first, then those in the town, then those of the diocese and the
   * trust of that name. */
  assert_finds (reg, "northfield", "100005 100004 100000 100003 100001");
  assert_finds (reg, "zzz", "");
  assert_finds (reg, "st zzz", "");
  /* No words: every open school, by name. */
  assert_finds (reg, "", "100004 100003 100005 100001 100000");
  assert_finds (reg, "'\"*()", "100004 100003 100005 100001 100000");
}

static void
test_search_filters (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(CohortsRegister) reg = open_register (f);
  CohortsRegisterQuery query;
  g_autofree char *found = NULL;

#define ASSERT_SEARCH(expected) \
  G_STMT_START { \
    g_auto(GStrv) words = NULL; \
    g_free (found); \
    found = search_urns (reg, &query); \
    words = g_strsplit (found, " ", -1); \
    qsort (words, g_strv_length (words), sizeof (char *), compare_strings); \
    g_free (found); \
    found = g_strjoinv (" ", words); \
    g_assert_cmpstr (found, ==, expected); \
  } G_STMT_END

  /* Closed schools only when asked. */
  cohorts_register_query_init (&query, "old mill");
  ASSERT_SEARCH ("");
  query.statuses = COHORTS_REGISTER_STATUS_ALL;
  ASSERT_SEARCH ("100002");
  query.statuses = COHORTS_REGISTER_STATUS_CLOSED;
  ASSERT_SEARCH ("100002");

  cohorts_register_query_init (&query, "school");
  ASSERT_SEARCH ("100000 100003 100004 100005");
  query.phase = COHORTS_PHASE_PRIMARY;
  ASSERT_SEARCH ("100000 100005");
  query.religious_character = COHORTS_RELIGIOUS_CHARACTER_CHURCH_OF_ENGLAND;
  ASSERT_SEARCH ("100000");
  query.religious_character = COHORTS_RELIGIOUS_CHARACTER_UNKNOWN;
  query.la = "202";
  ASSERT_SEARCH ("100005");
  query.phase = COHORTS_PHASE_UNKNOWN;
  query.la = "southshire";
  ASSERT_SEARCH ("100003 100005");
  query.la = NULL;
  /* All four have the word in their name: the first two by name, Brook
   * Special School and Hilltop High School. */
  query.limit = 2;
  ASSERT_SEARCH ("100003 100004");

  /* Cohorts' phases: a first school (ages 4–9), a high school (from 13), a
   * special school. */
  cohorts_register_query_init (&query, NULL);
  query.statuses = COHORTS_REGISTER_STATUS_ALL;
  query.phase = COHORTS_PHASE_FIRST;
  ASSERT_SEARCH ("100002");
  query.phase = COHORTS_PHASE_HIGH;
  ASSERT_SEARCH ("100003");
  query.phase = COHORTS_PHASE_SPECIAL;
  ASSERT_SEARCH ("100004");

#undef ASSERT_SEARCH
}

static void
test_search_match_fields (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(CohortsRegister) reg = open_register (f);
  g_autoptr(GPtrArray) matches = NULL;
  g_autoptr(GError) error = NULL;
  CohortsRegisterQuery query;
  CohortsRegisterMatch *match;

  cohorts_register_query_init (&query, "st mary");
  matches = cohorts_register_search (reg, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (matches->len, ==, 1);
  match = g_ptr_array_index (matches, 0);
  g_assert_cmpuint (match->urn, ==, 100000);
  g_assert_cmpstr (match->name, ==, "St Mary" RIGHT_QUOTE "s C of E Primary School");
  g_assert_cmpstr (match->town, ==, "Northfield");
  g_assert_cmpstr (match->postcode, ==, "NF1 2AB");
  g_assert_cmpstr (match->la_name, ==, "Northshire");
  g_assert_cmpint (match->phase, ==, COHORTS_PHASE_PRIMARY);
  g_assert_cmpint (match->status, ==, COHORTS_REGISTER_STATUS_OPEN);
}

/* Schools */

static void
test_make_school (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(CohortsRegister) reg = open_register (f);
  g_autoptr(CohortsSchool) school = NULL;
  g_autoptr(CohortsSchool) academy = NULL;
  g_autoptr(CohortsSchool) special = NULL;
  g_autoptr(GError) error = NULL;
  CohortsRegisterStanding standing;
  g_autofree char *warning = NULL;

  school = cohorts_register_make_school (reg, 100000, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cohorts_school_get_urn (school), ==, 100000);
  g_assert_cmpstr (cohorts_school_get_name (school), ==, "St Mary" RIGHT_QUOTE "s C of E Primary School");
  g_assert_cmpint (cohorts_school_get_phase (school), ==, COHORTS_PHASE_PRIMARY);
  g_assert_cmpint (cohorts_school_get_establishment_type (school), ==, COHORTS_ESTABLISHMENT_VOLUNTARY_AIDED);
  g_assert_cmpint (cohorts_school_get_low_age (school), ==, 4);
  g_assert_cmpint (cohorts_school_get_high_age (school), ==, 11);
  g_assert_cmpint (cohorts_school_get_religious_character (school), ==,
                   COHORTS_RELIGIOUS_CHARACTER_CHURCH_OF_ENGLAND);
  g_assert_cmpstr (cohorts_school_get_diocese_code (school), ==, "CE23");
  g_assert_cmpstr (cohorts_school_get_diocese_name (school), ==, "Diocese of London");
  g_assert_cmpint (cohorts_school_get_pupils (school), ==, 198);
  g_assert_cmpint (cohorts_school_get_capacity (school), ==, 210);
  g_assert_true (cohorts_school_get_rural (school));
  g_assert_cmpstr (cohorts_school_get_town (school), ==, "Northfield");
  g_assert_cmpstr (cohorts_school_get_postcode (school), ==, "NF1 2AB");
  g_assert_cmpstr (cohorts_school_get_la_code (school), ==, "201");
  g_assert_cmpstr (cohorts_school_get_la_name (school), ==, "Northshire");
  g_assert_cmpstr (cohorts_school_get_current_trust_reference (school), ==, "");
  g_assert_cmpstr (cohorts_school_get_current_trust_name (school), ==, "");
  /* The 2025 layout has no Ofsted grade. */
  g_assert_cmpint (cohorts_school_get_ofsted_grade (school), ==, COHORTS_OFSTED_GRADE_NONE);
  g_assert_true (cohorts_register_get_standing (reg, 100000, &standing, &error));
  g_assert_cmpint (standing.status, ==, COHORTS_REGISTER_STATUS_OPEN);
  g_assert_false (standing.is_academy);
  g_assert_null (standing.trust_name);
  g_assert_null (cohorts_register_standing_describe (&standing));
  cohorts_register_standing_clear (&standing);

  academy = cohorts_register_make_school (reg, 100001, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cohorts_school_get_establishment_type (academy), ==, COHORTS_ESTABLISHMENT_ACADEMY_CONVERTER);
  g_assert_cmpint (cohorts_school_get_phase (academy), ==, COHORTS_PHASE_SECONDARY);
  g_assert_cmpint (cohorts_school_get_religious_character (academy), ==, COHORTS_RELIGIOUS_CHARACTER_NONE);
  g_assert_cmpstr (cohorts_school_get_diocese_code (academy), ==, "");
  g_assert_cmpstr (cohorts_school_get_diocese_name (academy), ==, "");
  g_assert_false (cohorts_school_get_rural (academy));
  g_assert_cmpstr (cohorts_school_get_current_trust_reference (academy), ==, "TR01234");
  g_assert_cmpstr (cohorts_school_get_current_trust_name (academy), ==, "Northfield Learning Trust");
  g_assert_true (cohorts_register_get_standing (reg, 100001, &standing, &error));
  g_assert_true (standing.is_academy);
  g_assert_cmpstr (standing.trust_code, ==, "TR01234");
  g_assert_cmpstr (standing.trust_name, ==, "Northfield Learning Trust");
  warning = cohorts_register_standing_describe (&standing);
  g_assert_cmpstr (warning, ==, "This school is already an academy, in Northfield Learning Trust.");
  cohorts_register_standing_clear (&standing);
  g_free (warning);

  g_assert_true (cohorts_register_get_standing (reg, 100002, &standing, &error));
  g_assert_cmpint (standing.status, ==, COHORTS_REGISTER_STATUS_CLOSED);
  g_assert_cmpuint (standing.close_date, ==, cohorts_date_new (2020, 8, 31));
  warning = cohorts_register_standing_describe (&standing);
  g_assert_cmpstr (warning, ==, "This school closed on 31 August 2020.");
  cohorts_register_standing_clear (&standing);

  special = cohorts_register_make_school (reg, 100004, &error);
  g_assert_cmpint (cohorts_school_get_phase (special), ==, COHORTS_PHASE_SPECIAL);
  g_assert_cmpint (cohorts_school_get_establishment_type (special), ==, COHORTS_ESTABLISHMENT_COMMUNITY_SPECIAL);
  g_assert_cmpint (cohorts_school_get_pupils (special), ==, COHORTS_COUNT_UNKNOWN);
  g_assert_cmpint (cohorts_school_get_religious_character (special), ==, COHORTS_RELIGIOUS_CHARACTER_UNKNOWN);

  g_assert_null (cohorts_register_make_school (reg, 999999, &error));
  g_assert_error (error, COHORTS_REGISTER_ERROR, COHORTS_REGISTER_ERROR_NO_SUCH_SCHOOL);
  g_assert_cmpstr (error->message, ==, "The school register has no school of URN 999999");
}

/* The DfE's own rows, of the 2021 layout (with an Ofsted grade). */
static void
test_make_school_2021 (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *sample = g_build_filename (COHORTS_SOURCE_DIR, "tests", "data", "gias",
                                              "gias-sample-2021.csv", NULL);
  g_autoptr(CohortsRegister) reg = NULL;
  g_autoptr(CohortsSchool) school = NULL;
  g_autoptr(CohortsSchool) independent = NULL;
  g_autoptr(GError) error = NULL;
  CohortsRegisterImportSummary summary;

  g_assert_true (cohorts_register_import (f->db, sample, NULL, NULL, NULL, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.n_imported, ==, 2);
  g_assert_cmpuint (summary.n_skipped, ==, 0);
  g_assert_cmpuint (summary.file_date, ==, COHORTS_DATE_NONE);
  cohorts_register_import_summary_clear (&summary);

  reg = cohorts_register_open (f->db, &error);
  g_assert_no_error (error);
  school = cohorts_register_make_school (reg, 100000, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cohorts_school_get_name (school), ==, "The Aldgate School");
  g_assert_cmpint (cohorts_school_get_establishment_type (school), ==, COHORTS_ESTABLISHMENT_VOLUNTARY_AIDED);
  g_assert_cmpint (cohorts_school_get_phase (school), ==, COHORTS_PHASE_PRIMARY);
  g_assert_cmpint (cohorts_school_get_low_age (school), ==, 3);
  g_assert_cmpint (cohorts_school_get_high_age (school), ==, 11);
  g_assert_cmpint (cohorts_school_get_pupils (school), ==, 276);
  g_assert_cmpint (cohorts_school_get_capacity (school), ==, 274);
  g_assert_cmpstr (cohorts_school_get_diocese_code (school), ==, "CE23");
  g_assert_cmpstr (cohorts_school_get_la_name (school), ==, "City of London");
  g_assert_cmpstr (cohorts_school_get_postcode (school), ==, "EC3A 5DE");
  g_assert_false (cohorts_school_get_rural (school));
  g_assert_cmpint (cohorts_school_get_ofsted_grade (school), ==, COHORTS_OFSTED_GRADE_OUTSTANDING);
  g_assert_cmpuint (cohorts_school_get_ofsted_date (school), ==, cohorts_date_new (2013, 4, 19));

  independent = cohorts_register_make_school (reg, 100001, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cohorts_school_get_establishment_type (independent), ==, COHORTS_ESTABLISHMENT_OTHER);
  g_assert_cmpint (cohorts_school_get_phase (independent), ==, COHORTS_PHASE_UNKNOWN);
  g_assert_cmpstr (cohorts_school_get_town (independent), ==, "London");
}

/* Refreshing a plan */

static void
test_compare (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(CohortsRegister) reg = open_register (f);
  g_autoptr(CohortsPlan) plan = cohorts_plan_new ();
  g_autoptr(CohortsSchool) mary = cohorts_register_make_school (reg, 100000, NULL);
  g_autoptr(CohortsSchool) mark = cohorts_register_make_school (reg, 100001, NULL);
  g_autoptr(CohortsSchool) other = cohorts_school_new (654321, "Not in the register");
  g_autoptr(GPtrArray) differences = NULL;
  g_autoptr(GError) error = NULL;
  GString *seen = g_string_new (NULL);
  g_autofree char *text = NULL;

  /* The plan's St Mary's is out of date; St Mark's has joined a trust
   * since; the plan holds its own notes, which the register has not. */
  g_object_set (mary, "pupils", 180, "capacity", COHORTS_COUNT_UNKNOWN, "rural", FALSE,
                "ofsted-grade", COHORTS_OFSTED_GRADE_GOOD, "notes", "Ours", NULL);
  g_object_set (mark, "current-trust-reference", "", "current-trust-name", "", "phase", COHORTS_PHASE_HIGH, NULL);
  g_assert_true (cohorts_plan_add_school (plan, mary, &error));
  g_assert_true (cohorts_plan_add_school (plan, mark, &error));
  g_assert_true (cohorts_plan_add_school (plan, other, &error));
  g_assert_no_error (error);

  differences = cohorts_register_compare (reg, plan, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < differences->len; i++)
    {
      CohortsRegisterDifference *d = g_ptr_array_index (differences, i);
      g_string_append_printf (seen, "%u %s: %s → %s\n", cohorts_school_get_urn (d->school), d->property,
                              d->old_text, d->new_text);
    }
  text = g_string_free (seen, FALSE);
  /* The Ofsted grade the register does not have is no difference. */
  g_assert_cmpstr (text, ==,
                   "100000 pupils: 180 → 198\n"
                   "100000 capacity:  → 210\n"
                   "100000 rural: No → Yes\n"
                   "100001 phase: High → Secondary\n"
                   "100001 current-trust-reference:  → TR01234\n"
                   "100001 current-trust-name:  → Northfield Learning Trust\n");

  /* Applied as one step, undone as one. */
  g_assert_true (cohorts_register_apply (plan, differences, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cohorts_school_get_pupils (mary), ==, 198);
  g_assert_cmpint (cohorts_school_get_capacity (mary), ==, 210);
  g_assert_true (cohorts_school_get_rural (mary));
  g_assert_cmpstr (cohorts_school_get_current_trust_name (mark), ==, "Northfield Learning Trust");
  g_assert_cmpstr (cohorts_history_get_undo_label (cohorts_plan_get_history (plan)), ==,
                   "Update from the School Register");
  g_assert_true (cohorts_history_undo (cohorts_plan_get_history (plan)));
  g_assert_cmpint (cohorts_school_get_pupils (mary), ==, 180);
  g_assert_cmpint (cohorts_school_get_capacity (mary), ==, COHORTS_COUNT_UNKNOWN);
  g_assert_cmpstr (cohorts_school_get_current_trust_name (mark), ==, "");
  g_assert_cmpint (cohorts_school_get_phase (mark), ==, COHORTS_PHASE_HIGH);
  g_assert_cmpint (cohorts_school_get_ofsted_grade (mary), ==, COHORTS_OFSTED_GRADE_GOOD);

  g_clear_pointer (&differences, g_ptr_array_unref);
  g_assert_true (cohorts_history_redo (cohorts_plan_get_history (plan)));
  differences = cohorts_register_compare (reg, plan, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (differences->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/register/import/summary", test_import_summary);
  g_test_add_func ("/register/import/date-from-file-name", test_date_from_file_name);
  ADD ("/register/import/missing-column", test_import_missing_column);
  ADD ("/register/import/header-only", test_import_header_only);
  ADD ("/register/import/cancelled-or-failed", test_import_cancelled_or_failed);
  ADD ("/register/import/async", test_import_async);
  ADD ("/register/open/refuses", test_open_refuses);
  ADD ("/register/search/as-you-type", test_search_as_you_type);
  ADD ("/register/search/filters", test_search_filters);
  ADD ("/register/search/match-fields", test_search_match_fields);
  ADD ("/register/school/make", test_make_school);
  ADD ("/register/school/make-2021", test_make_school_2021);
  ADD ("/register/compare", test_compare);

#undef ADD

  return g_test_run ();
}
