/* test-cli.c: the headless commands, run as a script would run them
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs the built program (COHORTS_BINARY) without DISPLAY or
 * WAYLAND_DISPLAY, so that each test also proves the command needs no
 * display, and checks the contract of DESIGN.md: exit status, one finding a
 * line on stdout, "FILE:LINE: message" on stderr with the path as given.
 */
#define G_LOG_DOMAIN "test-cli"

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>

typedef struct
{
  char *dir;          /* a fresh temporary directory, the programs' working directory */
  char *example;      /* the example plan's bytes */
  gsize example_size;
} Fixture;

typedef struct
{
  int status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static char *
example_path (void)
{
  return g_build_filename (COHORTS_SOURCE_DIR, "data", "examples", "northfield.matplan", NULL);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = example_path ();

  f->dir = g_dir_make_tmp ("test-cli-XXXXXX", &error);
  g_assert_no_error (error);
  g_file_get_contents (path, &f->example, &f->example_size, &error);
  g_assert_no_error (error);
}

/* Removes @path and everything under it. */
static void
remove_tree (const char *path)
{
  GDir *dir;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR) || g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_assert_cmpint (g_unlink (path), ==, 0);
      return;
    }

  dir = g_dir_open (path, 0, NULL);
  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      remove_tree (child);
    }
  g_dir_close (dir);
  g_assert_cmpint (g_rmdir (path), ==, 0);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  remove_tree (f->dir);
  g_clear_pointer (&f->dir, g_free);
  g_clear_pointer (&f->example, g_free);
}

/* Set by a test to run the program with a display that leads nowhere,
 * rather than none, or in another locale than C.UTF-8. */
static gboolean broken_display;
static gboolean full_stdout;
static const char *locale = "C.UTF-8";
/* XDG_DATA_HOME for the program, where the school register is by default. */
static const char *data_home;

/* Runs the program with the arguments up to NULL, in @dir, without a display. */
static void
run_in (const char *dir,
        Run        *run,
        const char *first_arg,
        ...) G_GNUC_NULL_TERMINATED;

static void
run_in (const char *dir,
        Run        *run,
        const char *first_arg,
        ...)
{
  const char *binary = g_getenv ("COHORTS_BINARY");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) env = g_get_environ ();
  g_autoptr(GError) error = NULL;
  int wait_status = 0;
  va_list args;

  g_assert_nonnull (binary);
  if (full_stdout)
    {
      /* A shell puts stdout on a full disk (GSubprocess could too, but it
       * starts threads that valgrind reports as leaks). */
      g_ptr_array_add (argv, (char *) "/bin/sh");
      g_ptr_array_add (argv, (char *) "-c");
      g_ptr_array_add (argv, (char *) "exec \"$0\" \"$@\" >/dev/full");
    }
  g_ptr_array_add (argv, (char *) binary);
  va_start (args, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  if (broken_display)
    {
      env = g_environ_setenv (env, "DISPLAY", ":4711", TRUE);
      env = g_environ_setenv (env, "WAYLAND_DISPLAY", "no-such-wayland-socket", TRUE);
    }
  else
    {
      env = g_environ_unsetenv (env, "DISPLAY");
      env = g_environ_unsetenv (env, "WAYLAND_DISPLAY");
    }
  /* Messages are English, dates British, in UTF-8. */
  env = g_environ_setenv (env, "LC_ALL", locale, TRUE);
  env = g_environ_setenv (env, "LANGUAGE", "C", TRUE);
  if (data_home != NULL)
    env = g_environ_setenv (env, "XDG_DATA_HOME", data_home, TRUE);

  run_clear (run);
  g_spawn_sync (dir, (char **) argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);

  /* Exited, not killed by a signal (a crash). */
  if (!WIFEXITED (wait_status))
    g_error ("cohorts did not exit normally (wait status %d); stderr:\n%s", wait_status, run->err);
  run->status = WEXITSTATUS (wait_status);
}

#define run_cohorts(f, run, ...) run_in ((f)->dir, run, __VA_ARGS__, NULL)

static char *
write_file (Fixture    *f,
            const char *name,
            const char *contents,
            gssize      length)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (f->dir, name, NULL);

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
  return path;
}

static void
put_file (Fixture    *f,
          const char *name,
          const char *contents,
          gssize      length)
{
  g_free (write_file (f, name, contents, length));
}

/* The example with @from replaced by @to, once: the replacement must apply. */
static char *
example_with (Fixture    *f,
              const char *from,
              const char *to)
{
  const char *at = strstr (f->example, from);
  GString *out;

  if (at == NULL)
    g_error ("the example has no “%s”", from);
  out = g_string_new_len (f->example, at - f->example);
  g_string_append (out, to);
  g_string_append (out, at + strlen (from));
  return g_string_free (out, FALSE);
}

static int
line_of (const char *text,
         const char *needle)
{
  const char *at = strstr (text, needle);
  int line = 1;

  g_assert_nonnull (at);
  for (const char *p = text; p < at; p++)
    if (*p == '\n')
      line++;
  return line;
}

static void
assert_file_equals (const char *path,
                    const char *expected,
                    gsize       expected_size)
{
  g_autofree char *contents = NULL;
  gsize size = 0;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, &size, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (contents, size, expected, expected_size);
}

/* --check's lines other than the capacity checks', for the tests of other
 * rules on variants of the example: the capacity findings of the example
 * itself are compared whole in test_check_example(), and each capacity
 * check in test-capacity.c. */
static char *
other_than_capacity (const char *out)
{
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);
  GString *kept = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *tab = strchr (lines[i], '\t');

      if (lines[i][0] == '\0' || (tab != NULL && g_str_has_prefix (tab + 1, "capacity-")))
        continue;
      g_string_append_printf (kept, "%s\n", lines[i]);
    }
  return g_string_free (kept, FALSE);
}

#define assert_other_findings(out, expected) \
  G_STMT_START { \
    g_autofree char *others_ = other_than_capacity (out); \
    g_assert_cmpstr (others_, ==, (expected)); \
  } G_STMT_END

/* Each line of --check output is SEVERITY TAB CODE TAB SUBJECT TAB MESSAGE. */
static void
assert_finding_lines (const char *out)
{
  g_auto(GStrv) lines = NULL;

  g_assert_true (out[0] == '\0' || g_str_has_suffix (out, "\n"));
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", -1);

      g_assert_cmpuint (g_strv_length (fields), ==, 4);
      g_assert_true (g_str_equal (fields[0], "error") || g_str_equal (fields[0], "warning") ||
                     g_str_equal (fields[0], "info"));
      g_assert_cmpuint (strlen (fields[1]), >, 0);
      g_assert_true (g_str_equal (fields[2], "plan") || g_str_has_prefix (fields[2], "cohort:") ||
                     g_str_has_prefix (fields[2], "school:") || g_str_has_prefix (fields[2], "month:") ||
                     g_str_has_prefix (fields[2], "term:"));
      g_assert_cmpuint (strlen (fields[3]), >, 0);
    }
}

/* --check */

/* A day before any step of the example plan (or of the variants below) is
 * due, so that a test sees only the findings it is about, whatever the day
 * it runs on. */
#define EARLY "--today=2025-01-01"

/* The example's capacity findings, on any day. */
static const char example_capacity[] =
  "warning\tcapacity-church-share\tmonth:2027-04\tFrom April 2027 church schools are 0 of the trust’s 5 "
  "academies (0%), below the diocese’s minimum of 25%. It is met again from April 2028.\n"
  "warning\tcapacity-growth\tplan\tBy 1 September 2031 the trust’s academies have 5,378 pupils, "
  "fewer than the 7,500 of its growth target.\n";

static void
test_check_example (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *path = example_path ();
  g_auto(Run) run = { 0 };

  /* On the day the plan starts, nothing is due; the capacity checks find
   * what they find whatever the day. */
  run_cohorts (f, &run, "--check", "--today=2026-09-01", path);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, example_capacity);
  g_assert_cmpstr (run.err, ==, "");
}

/* Cohort 1 converts on 1 April 2027: its resolution (30 weeks before),
 * application (26) and academy order (20) are due by 11 November 2026. The
 * example has every school's resolution done, and the high school's
 * application; its academy order is planned for 10 December. */
static const char example_overdue_2026_11_23[] =
  "warning\tmilestone-overdue\tschool:938127\tCastle Mead Middle School is behind: “Application to "
  "the DfE” was due on 1 October 2026 and is not marked done; 1 more step is overdue.\n"
  "warning\tmilestone-overdue\tschool:938203\tBrook Lane First School is behind: “Application to "
  "the DfE” was due on 1 October 2026 and is not marked done; 1 more step is overdue.\n"
  "warning\tmilestone-overdue\tschool:938210\tMoorside First School is behind: “Application to "
  "the DfE” was due on 1 October 2026 and is not marked done; 1 more step is overdue.\n"
  "warning\tmilestone-overdue\tschool:938218\tGreenacres First School is behind: “Application to "
  "the DfE” was due on 1 October 2026 and is not marked done; 1 more step is overdue.\n";

static void
test_check_example_overdue (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *path = example_path ();
  g_auto(Run) run = { 0 };

  /* Overdue steps are warnings: the check still passes. */
  run_cohorts (f, &run, "--check", "--today=2026-11-23", path);
  g_assert_cmpint (run.status, ==, 0);
  assert_other_findings (run.out, example_overdue_2026_11_23);
  g_assert_cmpstr (run.err, ==, "");
  assert_finding_lines (run.out);

  /* The option's value may be the next argument. */
  run_cohorts (f, &run, "--check", "--today", "2026-11-23", path);
  g_assert_cmpint (run.status, ==, 0);
  assert_other_findings (run.out, example_overdue_2026_11_23);

  /* On 4 February 2027, the high school's academy order (planned for 10
   * December) is overdue, Cohort 1's other schools also have their
   * consultation (ended 7 January) overdue, and Cohort 2 (1 September 2027)
   * its resolution, due the day before. */
  run_cohorts (f, &run, "--check", "--today=2027-02-04", path);
  g_assert_cmpint (run.status, ==, 0);
  assert_other_findings (run.out,
                   "warning\tmilestone-overdue\tschool:938112\tNorthfield High School is behind: “Academy "
                   "order” was due on 10 December 2026 and is not marked done.\n"
                   "warning\tmilestone-overdue\tschool:938127\tCastle Mead Middle School is behind: "
                   "“Application to the DfE” was due on 1 October 2026 and is not marked done; 2 more steps "
                   "are overdue.\n"
                   "warning\tmilestone-overdue\tschool:938145\tElmsworth Middle School is behind: “Governing "
                   "body resolution” was due on 3 February 2027 and is not marked done.\n"
                   "warning\tmilestone-overdue\tschool:938203\tBrook Lane First School is behind: "
                   "“Application to the DfE” was due on 1 October 2026 and is not marked done; 2 more steps "
                   "are overdue.\n"
                   "warning\tmilestone-overdue\tschool:938210\tMoorside First School is behind: “Application "
                   "to the DfE” was due on 1 October 2026 and is not marked done; 2 more steps are "
                   "overdue.\n"
                   "warning\tmilestone-overdue\tschool:938218\tGreenacres First School is behind: "
                   "“Application to the DfE” was due on 1 October 2026 and is not marked done; 2 more steps "
                   "are overdue.\n"
                   "warning\tmilestone-overdue\tschool:938226\tCarrow Cross First School is behind: "
                   "“Governing body resolution” was due on 3 February 2027 and is not marked done.\n"
                   "warning\tmilestone-overdue\tschool:938231\tThornbury Green First School is behind: "
                   "“Governing body resolution” was due on 3 February 2027 and is not marked done.\n"
                   "warning\tmilestone-overdue\tschool:938306\tKingsley Park Primary School is behind: "
                   "“Governing body resolution” was due on 3 February 2027 and is not marked done.\n"
                   "warning\tmilestone-overdue\tschool:938402\tOakfield School is behind: “Governing body "
                   "resolution” was due on 3 February 2027 and is not marked done.\n");
  assert_finding_lines (run.out);
}

/* Readiness: on 1 April 2027 the first cohort (all green) converts, and
 * the second (1 September 2027) is within six months: Thornbury Green is
 * red (48 of 106 half-weights, 45 %) and Oakfield is not assessed. Earlier,
 * nothing is reported: the second cohort is further off. */
static void
test_check_example_readiness (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *path = example_path ();
  g_auto(GStrv) lines = NULL;
  GString *ready = g_string_new (NULL);
  g_auto(Run) run = { 0 };

  run_cohorts (f, &run, "--check", "--today=2027-04-01", path);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  assert_finding_lines (run.out);
  lines = g_strsplit (run.out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (strstr (lines[i], "\treadiness-not-ready\t") != NULL)
      g_string_append_printf (ready, "%s\n", lines[i]);
  g_assert_cmpstr (ready->str, ==,
                   "warning\treadiness-not-ready\tschool:938231\tThornbury Green First School converts on "
                   "1 September 2027, but its readiness is red (45%).\n"
                   "warning\treadiness-not-ready\tschool:938402\tOakfield School converts on 1 September "
                   "2027, but its readiness has not been assessed.\n");
  g_string_free (ready, TRUE);

  run_cohorts (f, &run, "--check", "--today=2026-11-23", path);
  g_assert_null (strstr (run.out, "readiness-not-ready"));
}

static void
test_check_today_by_default (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *path = example_path ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "--today=%Y-%m-%d");
  g_auto(Run) given = { 0 };
  g_auto(Run) run = { 0 };

  /* Without --today, the check is as of today (the same time zone: the
   * tests run with TZ=UTC). */
  run_cohorts (f, &given, "--check", today, path);
  run_cohorts (f, &run, "--check", path);
  g_assert_cmpint (run.status, ==, given.status);
  g_assert_cmpstr (run.out, ==, given.out);
  g_assert_cmpstr (run.err, ==, "");
}

static void
test_check_bad_today (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *path = example_path ();
  g_auto(Run) run = { 0 };
  static const struct { const char *arg; const char *message; } cases[] = {
    { "--today=2027-02-30", "--today: 2027-02-30 is not a date: February 2027 has 28 days\n" },
    { "--today=2027-13-01", "--today: 2027-13-01 is not a date: there is no month 13\n" },
    { "--today=tomorrow", "--today: “tomorrow” is not a date written YYYY-MM-DD\n" },
    { "--today=23/11/2026", "--today: “23/11/2026” is not a date written YYYY-MM-DD\n" },
    { "--today=2026-11-23T10:00", "--today: “2026-11-23T10:00” is not a date written YYYY-MM-DD\n" },
    { "--today=", "--today: “” is not a date written YYYY-MM-DD\n" },
    { "--today=1899-12-31",
      "--today: 1899-12-31 is not a plausible date: the year must be between 1900 and 2200\n" },
  };

  /* A usage error: exit status 2, nothing on stdout, the reason on stderr. */
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      run_cohorts (f, &run, "--check", cases[i].arg, path);
      g_assert_cmpint (run.status, ==, 2);
      assert_other_findings (run.out, "");
      g_assert_cmpstr (run.err, ==, cases[i].message);
    }
}

static void
test_check_error (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *plan = example_with (f, "<cohort id=\"c2\" date=\"2027-09-01\"",
                                        "<cohort id=\"c2\" date=\"2027-09-15\"");
  g_auto(Run) run = { 0 };

  put_file (f, "mid-month.matplan", plan, -1);
  run_cohorts (f, &run, "--check", EARLY, "mid-month.matplan");
  g_assert_cmpint (run.status, ==, 1);
  assert_other_findings (run.out,
                   "error\tcohort-date-not-first\tcohort:c2\t"
                   "Cohort 2 converts on 15 September 2027; academies open only on the 1st of a month.\n");
  g_assert_cmpstr (run.err, ==, "");
  assert_finding_lines (run.out);
}

static void
test_check_errors_and_warnings (Fixture       *f,
                                gconstpointer  data)
{
  g_autofree char *step1 = example_with (f, "<cohort id=\"c2\" date=\"2027-09-01\"",
                                         "<cohort id=\"c2\" date=\"2026-04-01\"");
  g_autofree char *step2 = NULL;
  g_autofree char *path = NULL;
  g_auto(Run) run = { 0 };

  /* Cohort 2 before the start (2026-09-01), Cohort 5 without a date.
   * (Cohort 2's schools have no dates of their own to come after it.) */
  g_free (f->example);
  f->example = g_steal_pointer (&step1);
  step2 = example_with (f, "<cohort id=\"c5\" date=\"2029-01-01\"", "<cohort id=\"c5\"");
  path = write_file (f, "several.matplan", step2, -1);

  run_cohorts (f, &run, "--check", EARLY, path);
  g_assert_cmpint (run.status, ==, 1);
  assert_other_findings (run.out,
                   "error\tcohort-before-start\tcohort:c2\t"
                   "Cohort 2 converts on 1 April 2026, before the plan starts on 1 September 2026.\n"
                   "warning\tcohort-no-date\tcohort:c5\tCohort 5 has no conversion date.\n");
  assert_finding_lines (run.out);
}

static void
test_check_warnings_only (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *step1 = example_with (f, "      <member urn=\"938314\"/>\n", "");
  g_autofree char *step2 = NULL;
  g_autofree char *path = NULL;
  g_auto(Run) run = { 0 };

  /* Cohort 4 empty, Cohort 5 without a date: warnings do not fail the check. */
  g_free (f->example);
  f->example = g_steal_pointer (&step1);
  step2 = example_with (f, "<cohort id=\"c5\" date=\"2029-01-01\"", "<cohort id=\"c5\"");
  path = write_file (f, "warnings.matplan", step2, -1);

  run_cohorts (f, &run, "--check", EARLY, path);
  g_assert_cmpint (run.status, ==, 0);
  assert_other_findings (run.out,
                   "warning\tcohort-empty\tcohort:c4\tCohort 4 has no schools.\n"
                   "warning\tcohort-no-date\tcohort:c5\tCohort 5 has no conversion date.\n");
  g_assert_cmpstr (run.err, ==, "");
  assert_finding_lines (run.out);
}

static void
test_check_info_only (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *plan = example_with (f, " start=\"2026-09-01\"", "");
  g_autofree char *path = write_file (f, "no-start.matplan", plan, -1);
  g_auto(Run) run = { 0 };

  run_cohorts (f, &run, "--check", EARLY, path);
  g_assert_cmpint (run.status, ==, 0);
  assert_other_findings (run.out,
                   "info\tplan-no-start\tplan\t"
                   "The plan has no start date, so conversions cannot be checked against it.\n");
  assert_finding_lines (run.out);
}

static void
test_check_bad_file (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *plan = example_with (f, "<cohort id=\"c2\" date=\"2027-09-01\"",
                                        "<cohort id=\"c2\" date=\"2027-02-30\"");
  int line = line_of (plan, "2027-02-30");
  g_autofree char *sub = g_build_filename (f->dir, "plans", NULL);
  g_autofree char *path = NULL;
  g_autofree char *absolute = NULL;
  g_autofree char *prefix = NULL;
  g_auto(Run) run = { 0 };

  g_assert_cmpint (g_mkdir (sub, 0700), ==, 0);
  path = write_file (f, "plans/bad date.matplan", plan, -1);

  /* Relative, as given. */
  run_cohorts (f, &run, "--check", "plans/bad date.matplan");
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.out, ==, "");
  prefix = g_strdup_printf ("plans/bad date.matplan:%d: ", line);
  g_assert_true (g_str_has_prefix (run.err, prefix));
  g_assert_true (g_str_has_suffix (run.err, "2027-02-30 is not a date: February 2027 has 28 days\n"));
  /* One message, one line. */
  g_assert_cmpint (strchr (run.err, '\n') - run.err, ==, strlen (run.err) - 1);
  g_clear_pointer (&prefix, g_free);

  /* With ./ and with .. kept as they were typed. */
  run_cohorts (f, &run, "--check", "./plans/../plans/bad date.matplan");
  g_assert_cmpint (run.status, ==, 2);
  prefix = g_strdup_printf ("./plans/../plans/bad date.matplan:%d: ", line);
  g_assert_true (g_str_has_prefix (run.err, prefix));
  g_clear_pointer (&prefix, g_free);

  /* Absolute. */
  absolute = g_build_filename (f->dir, "plans", "bad date.matplan", NULL);
  run_cohorts (f, &run, "--check", absolute);
  g_assert_cmpint (run.status, ==, 2);
  prefix = g_strdup_printf ("%s:%d: ", absolute, line);
  g_assert_true (g_str_has_prefix (run.err, prefix));
}

static void
test_check_not_xml (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *plan = example_with (f, "<member urn=\"938231\"/>", "<member urn=\"938231\">");
  int line = line_of (plan, "<member urn=\"938231\">");
  g_autofree char *prefix = NULL;
  g_auto(Run) run = { 0 };

  put_file (f, "broken.matplan", plan, -1);
  run_cohorts (f, &run, "--check", "broken.matplan");
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.out, ==, "");
  /* The line of the element left open, of the next element (the loader
   * finds it inside <member>), or of the mismatched end tag (libxml2 finds
   * it first when the end tag is in the same chunk of its input). */
  prefix = g_strdup_printf ("broken.matplan:%d: ", line);
  if (!g_str_has_prefix (run.err, prefix))
    {
      g_autofree char *next = g_strdup_printf ("broken.matplan:%d: ", line + 1);
      g_autofree char *end_tag = NULL;
      int end_line = line;

      /* The first </cohort> after the member. */
      for (const char *p = strstr (plan, "<member urn=\"938231\">"); *p != '\0'; p++)
        if (*p == '\n')
          {
            end_line++;
            if (g_str_has_prefix (p + 1, "    </cohort>"))
              break;
          }
      end_tag = g_strdup_printf ("broken.matplan:%d: ", end_line);
      g_assert_true (g_str_has_prefix (run.err, next) || g_str_has_prefix (run.err, end_tag));
    }
  g_assert_true (g_str_has_suffix (run.err, "\n"));
}

static void
test_check_not_a_plan (Fixture       *f,
                       gconstpointer  data)
{
  g_auto(Run) run = { 0 };

  put_file (f, "notes.txt", "Just some notes\n", -1);
  put_file (f, "empty.matplan", "", 0);
  run_cohorts (f, &run, "--check", "notes.txt");
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_true (g_str_has_prefix (run.err, "notes.txt"));
  g_assert_true (g_str_has_suffix (run.err, "\n"));

  run_cohorts (f, &run, "--check", "empty.matplan");
  g_assert_cmpint (run.status, ==, 2);
  g_assert_true (g_str_has_prefix (run.err, "empty.matplan"));
}

static void
test_check_missing_file (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *absolute = g_build_filename (f->dir, "nowhere", "plan.matplan", NULL);
  g_autofree char *expected = g_strdup_printf ("%s: there is no such file\n", absolute);
  g_auto(Run) run = { 0 };

  run_cohorts (f, &run, "--check", "missing.matplan");
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpstr (run.err, ==, "missing.matplan: there is no such file\n");

  run_cohorts (f, &run, "--check", absolute);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.err, ==, expected);
}

static void
test_check_c_locale (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *plan = example_with (f, "<name>Cohort 2</name>", "<name>Cohort 2 – Église</name>");
  g_autofree char *mid_month = NULL;
  g_autofree char *path = NULL;
  g_auto(Run) run = { 0 };

  g_free (f->example);
  f->example = g_steal_pointer (&plan);
  mid_month = example_with (f, "<cohort id=\"c2\" date=\"2027-09-01\"",
                            "<cohort id=\"c2\" date=\"2027-09-15\"");
  path = write_file (f, "église.matplan", mid_month, -1);

  /* Scripts often run in the C locale: the output is still the plan's
   * UTF-8 text, and paths are reported as they were given, byte for byte. */
  locale = "C";

  run_cohorts (f, &run, "--check", EARLY, "église.matplan");
  g_assert_cmpint (run.status, ==, 1);
  assert_other_findings (run.out,
                   "error\tcohort-date-not-first\tcohort:c2\t"
                   "Cohort 2 – Église converts on 15 September 2027; academies open only on the 1st of a "
                   "month.\n");

  run_cohorts (f, &run, "--check", "çà.matplan");
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.err, ==, "çà.matplan: there is no such file\n");

  /* A file name that is not UTF-8 at all (Latin-1 "é"). */
  run_cohorts (f, &run, "--check", "caf\xe9.matplan");
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.err, ==, "caf\xe9.matplan: there is no such file\n");

  locale = "C.UTF-8";
}

static void
test_check_output_fails (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *plan = example_with (f, "<cohort id=\"c2\" date=\"2027-09-01\"",
                                        "<cohort id=\"c2\" date=\"2027-09-15\"");
  g_auto(Run) run = { 0 };

  if (!g_file_test ("/dev/full", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no /dev/full");
      return;
    }

  /* Findings that could not be written are not a clean plan. */
  put_file (f, "mid-month.matplan", plan, -1);
  full_stdout = TRUE;
  run_cohorts (f, &run, "--check", "mid-month.matplan");
  full_stdout = FALSE;
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_true (g_str_has_prefix (run.err, "could not write the findings: "));
}

static void
test_colon_in_name (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *plan = example_with (f, "<member urn=\"938112\"/>", "<member urn='938112'/>");
  g_autofree char *path = write_file (f, "draft:2.matplan", plan, -1);
  g_autofree char *out = g_build_filename (f->dir, "final:1.matplan", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "missing.matplan", NULL);
  g_autofree char *uri = NULL;
  g_auto(Run) run = { 0 };

  /* "draft:" is not a URI scheme but part of the file's name. */
  run_cohorts (f, &run, "--check", EARLY, "draft:2.matplan");
  g_assert_cmpint (run.status, ==, 0);
  assert_other_findings (run.out, "");
  g_assert_cmpstr (run.err, ==, "");

  run_cohorts (f, &run, "--convert", "final:1.matplan", "draft:2.matplan");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  assert_file_equals (out, f->example, f->example_size);

  run_cohorts (f, &run, "--check", "draft:3.matplan");
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.err, ==, "draft:3.matplan: there is no such file\n");

  /* A real URI still works, and is reported as given. */
  uri = g_filename_to_uri (path, NULL, NULL);
  run_cohorts (f, &run, "--check", EARLY, uri);
  g_assert_cmpint (run.status, ==, 0);
  assert_other_findings (run.out, "");
  g_clear_pointer (&uri, g_free);

  uri = g_filename_to_uri (missing, NULL, NULL);
  run_cohorts (f, &run, "--check", uri);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_true (g_str_has_prefix (run.err, uri));
  g_assert_true (g_str_has_suffix (run.err, ": there is no such file\n"));
}

static void
test_check_folder (Fixture       *f,
                   gconstpointer  data)
{
  g_auto(Run) run = { 0 };

  run_cohorts (f, &run, "--check", ".");
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpstr (run.err, ==, ".: it is a folder, not a file\n");
}

/* --convert */

static void
test_convert_example (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *path = example_path ();
  g_autofree char *out = g_build_filename (f->dir, "out.matplan", NULL);
  g_auto(Run) run = { 0 };

  run_cohorts (f, &run, "--convert", "out.matplan", path);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpstr (run.err, ==, "");
  assert_file_equals (out, f->example, f->example_size);
}

static void
test_convert_equals_form (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *path = example_path ();
  g_autofree char *out = g_build_filename (f->dir, "out=form.matplan", NULL);
  g_autofree char *arg = g_strdup_printf ("--convert=%s", out);
  g_auto(Run) run = { 0 };

  run_cohorts (f, &run, arg, path);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  assert_file_equals (out, f->example, f->example_size);

  /* The plan first and the command after it works too. */
  g_assert_cmpint (g_unlink (out), ==, 0);
  run_cohorts (f, &run, path, "--convert", out);
  g_assert_cmpint (run.status, ==, 0);
  assert_file_equals (out, f->example, f->example_size);
}

static void
test_convert_non_canonical (Fixture       *f,
                            gconstpointer  data)
{
  GString *plan = g_string_new (f->example);
  g_autofree char *path = NULL;
  g_autofree char *out = g_build_filename (f->dir, "canonical.matplan", NULL);
  g_auto(Run) run = { 0 };

  /* What an older or hand-edited file may look like: the same plan. */
  g_string_replace (plan, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                    "<?xml version='1.0' encoding='utf-8'?>\n<!-- Written by hand -->", 1);
  g_string_replace (plan,
                    "<school urn=\"938127\" phase=\"middle-deemed-secondary\" type=\"community\"",
                    "<school   type=\"community\" small=\"false\" rural='false'\n"
                    "\tphase=\"middle-deemed-secondary\"   urn=\"938127\"", 1);
  g_string_replace (plan, "<cohort id=\"c1\" date=\"2027-04-01\" status=\"agreed\">",
                    "<cohort status=\"agreed\"  date=\"2027-04-01\" id=\"c1\" >", 1);
  g_string_replace (plan, "<member urn=\"938112\"/>", "<member urn=\"938112\" ></member>", 1);
  g_string_replace (plan, "<name>Cohort 2</name>", "<name >Cohort 2</name >", 1);
  g_string_replace (plan, "</cohorts>", "</cohorts>\n\n\n", 1);
  g_string_replace (plan, "\n", "\r\n", 0);
  path = write_file (f, "old.matplan", plan->str, plan->len);
  g_string_free (plan, TRUE);

  run_cohorts (f, &run, "--convert", out, "old.matplan");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  assert_file_equals (out, f->example, f->example_size);
}

static void
test_convert_in_place (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *plan = example_with (f, "<member urn=\"938112\"/>", "<member urn='938112' />");
  g_autofree char *path = write_file (f, "plan.matplan", plan, -1);
  g_auto(Run) run = { 0 };

  run_cohorts (f, &run, "--convert", "plan.matplan", "plan.matplan");
  g_assert_cmpint (run.status, ==, 0);
  assert_file_equals (path, f->example, f->example_size);
}

static void
test_convert_unwritable (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *path = example_path ();
  g_autofree char *file = write_file (f, "a-file", "x", 1);
  g_autofree char *folder = g_build_filename (f->dir, "folder", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "no-such-folder", NULL);
  g_auto(Run) run = { 0 };

  /* Into a folder that does not exist. */
  run_cohorts (f, &run, "--convert", "no-such-folder/out.matplan", path);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_true (g_str_has_prefix (run.err, "no-such-folder/out.matplan: could not save: "));
  g_assert_true (g_str_has_suffix (run.err, "\n"));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  /* Under something that is a file (refused even when run as root). */
  run_cohorts (f, &run, "--convert", "a-file/out.matplan", path);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_true (g_str_has_prefix (run.err, "a-file/out.matplan: could not save: "));
  assert_file_equals (file, "x", 1);

  /* Over a folder. */
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  run_cohorts (f, &run, "--convert", "folder", path);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_true (g_str_has_prefix (run.err, "folder: could not save: "));
  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));
}

/* Whether @line of the example is part of a school's church track (format 7). */
static gboolean
in_church_track (const char *line)
{
  static const char *const parts[] = {
    "church-track>", "<diocesan-consent ", "<site-trustees-consent ", "<supplemental-agreement ",
    "<memorandum ", "<governance ",
  };

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (strstr (line, parts[i]) != NULL)
      return TRUE;
  return FALSE;
}

/* The example without its milestones, capacity limits, readiness answers,
 * funding a pupil, review and church tracks, and (for @version 1) without its schedule and
 * readiness framework: what the example was in format version 1. */
static char *
example_before_milestones (Fixture *f,
                           int      version)
{
  g_auto(GStrv) lines = g_strsplit (f->example, "\n", -1);
  GString *out = g_string_new (NULL);
  gboolean in_schedule = FALSE;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];

      if (strstr (line, "<milestone ") != NULL || strstr (line, "<capacity-limits ") != NULL ||
          strstr (line, "<answer ") != NULL || strstr (line, "reviews>") != NULL ||
          strstr (line, "<comment ") != NULL || in_church_track (line))
        continue;
      if (version == 1 && (strstr (line, "<schedule") != NULL || strstr (line, "<readiness") != NULL))
        in_schedule = TRUE;
      if (in_schedule)
        {
          in_schedule = strstr (line, "</schedule>") == NULL && strstr (line, "</readiness>") == NULL;
          continue;
        }
      if (out->len > 0)
        g_string_append_c (out, '\n');
      g_string_append (out, line);
    }

  g_assert_cmpuint (g_string_replace (out, " funding-per-pupil=\"6400\"", "", 0), ==, 1);
  if (version == 1)
    g_string_replace (out, " format-version=\"7\"", " format-version=\"1\"", 1);
  return g_string_free (out, FALSE);
}

/* A plan of format version 1 is written as version 2, with the schedule it
 * was made with (the defaults) in full. */
static void
test_convert_version_1 (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *old = example_before_milestones (f, 1);
  g_autofree char *expected = example_before_milestones (f, 2);
  g_autofree char *out = g_build_filename (f->dir, "new.matplan", NULL);
  g_auto(Run) run = { 0 };

  g_assert_null (strstr (old, "<schedule"));
  g_assert_nonnull (strstr (expected, "\n  <schedule church-lead-weeks=\"6\">\n"));
  put_file (f, "old.matplan", old, -1);

  /* It is read (and checked against the version 1 schema)… */
  run_cohorts (f, &run, "--check", "old.matplan");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");

  /* …and written in the current version. */
  run_cohorts (f, &run, "--convert", "new.matplan", "old.matplan");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpstr (run.err, ==, "");
  assert_file_equals (out, expected, strlen (expected));

  /* What later versions brought is refused in a file of version 1 (the
   * first of it, version 5's funding a pupil), and nothing is written. */
  g_free (old);
  old = example_with (f, " format-version=\"7\"", " format-version=\"1\"");
  put_file (f, "mixed.matplan", old, -1);
  g_free (expected);
  expected = g_strdup_printf ("mixed.matplan:%d: <central-team> attribute “funding-per-pupil” needs format "
                              "version 5; this file is version 1\n", line_of (old, "<central-team "));
  run_cohorts (f, &run, "--convert", "mixed-out.matplan", "mixed.matplan");
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.err, ==, expected);
  g_free (out);
  out = g_build_filename (f->dir, "mixed-out.matplan", NULL);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
}

static void
test_convert_bad_plan (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *plan = example_with (f, "format-version=\"7\"", "format-version=\"x\"");
  g_autofree char *existing = write_file (f, "existing.matplan", "keep me", -1);
  g_autofree char *out = g_build_filename (f->dir, "out.matplan", NULL);
  g_auto(Run) run = { 0 };

  put_file (f, "bad.matplan", plan, -1);

  /* Nothing is written… */
  run_cohorts (f, &run, "--convert", "out.matplan", "bad.matplan");
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_true (g_str_has_prefix (run.err, "bad.matplan:2: "));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));

  /* …and nothing is overwritten. */
  run_cohorts (f, &run, "--convert", "existing.matplan", "missing.matplan");
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.err, ==, "missing.matplan: there is no such file\n");
  assert_file_equals (existing, "keep me", 7);
}

/* Usage */

static void
assert_usage_error (Fixture    *f,
                    Run        *run,
                    const char *message)
{
  g_assert_cmpint (run->status, ==, 2);
  g_assert_cmpstr (run->out, ==, "");
  if (message != NULL)
    g_assert_cmpstr (run->err, ==, message);
  else
    g_assert_cmpuint (strlen (run->err), >, 0);
}

static void
test_usage (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *path = example_path ();
  g_autofree char *out = g_build_filename (f->dir, "out.matplan", NULL);
  g_auto(Run) run = { 0 };

  run_cohorts (f, &run, "--check");
  assert_usage_error (f, &run, "Give exactly one PLAN file\n");

  run_cohorts (f, &run, "--check", path, path);
  assert_usage_error (f, &run, "Give exactly one PLAN file\n");

  run_cohorts (f, &run, "--convert", "out.matplan");
  assert_usage_error (f, &run, "Give exactly one PLAN file\n");

  run_cohorts (f, &run, "--convert", "out.matplan", path, path);
  assert_usage_error (f, &run, "Give exactly one PLAN file\n");

  run_cohorts (f, &run, "--check", "--convert", "out.matplan", path);
  assert_usage_error (f, &run, "Give one command: --check PLAN, --convert OUT PLAN, --export OUT PLAN, --export-board-pack OUT PLAN, --diff OLD PLAN, --import-gias CSV or --search TEXT\n");

  /* --convert needs its OUT. */
  run_cohorts (f, &run, "--convert");
  assert_usage_error (f, &run, NULL);

  run_cohorts (f, &run, "--check", "--no-such-option", path);
  assert_usage_error (f, &run, NULL);

  /* --today is for --check and --export only; alone, it is no command at all (and,
   * run without a display, it did not start the application). */
  run_cohorts (f, &run, "--today=2026-11-23", "--convert", "out.matplan", path);
  assert_usage_error (f, &run, "--today goes with --check, --export or --export-board-pack\n");
  run_cohorts (f, &run, "--today=2026-11-23", path);
  assert_usage_error (f, &run, "Give one command: --check PLAN, --convert OUT PLAN, --export OUT PLAN, --export-board-pack OUT PLAN, --diff OLD PLAN, --import-gias CSV or --search TEXT\n");

  /* None of these wrote anything. */
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
}

/* --diff */

/* @text with @from replaced by @to, once: the replacement must apply. */
static char *
text_with (const char *text,
           const char *from,
           const char *to)
{
  const char *at = strstr (text, from);
  GString *out;

  if (at == NULL)
    g_error ("no “%s” to replace", from);
  out = g_string_new_len (text, at - text);
  g_string_append (out, to);
  g_string_append (out, at + strlen (from));
  return g_string_free (out, FALSE);
}

/* @text without the school of @urn (its element, not its memberships). */
static char *
text_without_school (const char *text,
                     const char *urn)
{
  g_autofree char *start = g_strdup_printf ("    <school urn=\"%s\"", urn);
  const char *from = strstr (text, start);
  const char *to;
  GString *out;

  g_assert_nonnull (from);
  to = strstr (from, "</school>\n");
  g_assert_nonnull (to);
  out = g_string_new_len (text, from - text);
  g_string_append (out, to + strlen ("</school>\n"));
  return g_string_free (out, FALSE);
}

/* The older version: Hatherby Middle School was in Cohort 3, Ashcombe First
 * School not in the plan; the newer: the example, Cohort 4 renamed. */
static const char example_changes[] =
  "cohort-renamed\tcohort:c4\tCohort 4 is renamed “Second wave”.\n"
  "school-moved\tschool:938151\tHatherby Middle School (URN 938151) moves from Cohort 3 to Cohort 5: it now "
  "converts on 1 January 2029, 9 months later than 1 April 2028.\n"
  "school-joined\tschool:938283\tAshcombe First School (URN 938283) joins the plan, in no cohort yet.\n";

static void
test_diff (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *path = example_path ();
  g_autofree char *moved = example_with (f, "      <member urn=\"938151\"/>\n", "");
  g_autofree char *in_three = text_with (moved, "      <member urn=\"938329\"/>\n",
                                         "      <member urn=\"938329\"/>\n      <member urn=\"938151\"/>\n");
  g_autofree char *old_text = text_without_school (in_three, "938283");
  g_autofree char *new_text = example_with (f, "<name>Cohort 4</name>", "<name>Second wave</name>");
  g_auto(Run) run = { 0 };

  put_file (f, "old.matplan", old_text, -1);
  put_file (f, "new.matplan", new_text, -1);

  run_cohorts (f, &run, "--diff", "old.matplan", "new.matplan");
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpstr (run.out, ==, example_changes);
  g_assert_cmpint (run.status, ==, 1);

  /* The same plan: nothing, like diff(1). */
  run_cohorts (f, &run, "--diff", path, path);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpint (run.status, ==, 0);

  /* The equals form, and the other way round: the other changes. */
  run_cohorts (f, &run, "--diff=new.matplan", "old.matplan");
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==,
                   "cohort-renamed\tcohort:c4\tSecond wave is renamed “Cohort 4”.\n"
                   "school-moved\tschool:938151\tHatherby Middle School (URN 938151) moves from Cohort 5 to "
                   "Cohort 3: it now converts on 1 April 2028, 9 months earlier than 1 January 2029.\n"
                   "school-left\tschool:938283\tAshcombe First School (URN 938283) leaves the plan; it was in "
                   "no cohort yet.\n");
}

static void
test_diff_unreadable (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *path = example_path ();
  g_autofree char *plan = example_with (f, "<cohort id=\"c2\" date=\"2027-09-01\"",
                                        "<cohort id=\"c2\" date=\"2027-02-30\"");
  g_autofree char *prefix = g_strdup_printf ("bad.matplan:%d: ", line_of (plan, "2027-02-30"));
  g_auto(Run) run = { 0 };

  put_file (f, "bad.matplan", plan, -1);

  /* Either file, with its line. */
  run_cohorts (f, &run, "--diff", "bad.matplan", path);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_true (g_str_has_prefix (run.err, prefix));
  g_assert_true (g_str_has_suffix (run.err, "2027-02-30 is not a date: February 2027 has 28 days\n"));

  run_cohorts (f, &run, "--diff", path, "bad.matplan");
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_true (g_str_has_prefix (run.err, prefix));

  run_cohorts (f, &run, "--diff", path, "missing.matplan");
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.err, ==, "missing.matplan: there is no such file\n");

  /* Usage: two plans, no --today. */
  run_cohorts (f, &run, "--diff", path);
  assert_usage_error (f, &run, "Give exactly one PLAN file\n");
  run_cohorts (f, &run, "--diff", path, path, path);
  assert_usage_error (f, &run, "Give exactly one PLAN file\n");
  run_cohorts (f, &run, "--today=2026-11-23", "--diff", path, path);
  assert_usage_error (f, &run, "--today goes with --check, --export or --export-board-pack\n");
  run_cohorts (f, &run, "--check", "--diff", path, path);
  assert_usage_error (f, &run, NULL);
}

/* --diff PLAN --baseline NAME: the good file's first baseline against the
 * plan it is kept in. */
static void
test_diff_baseline (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "files", "good", "baselines.matplan", NULL);
  g_auto(Run) run = { 0 };
  const char *expected =
    "cohort-date\tcohort:c1\tCohort 1 now converts on 1 September 2027, 5 months later than 1 April 2027.\n"
    "cohort-removed\tcohort:c2\tCohort 2 is removed.\n"
    "school-left\tschool:100009\tClosed School & Nursery (URN 100009) leaves the plan; it was in no cohort "
    "yet, converting on 1 January 2027.\n"
    "school-unassigned\tschool:100002\tSecond School (URN 100002) leaves Cohort 2 and is in no cohort now: "
    "it has no conversion date yet.\n";


  run_cohorts (f, &run, "--diff", path, "--baseline", "Agreed by the board");
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpstr (run.out, ==, expected);
  g_assert_cmpint (run.status, ==, 1);

  run_cohorts (f, &run, "--diff", path, "--baseline=b1");
  g_assert_cmpstr (run.out, ==, expected);

  run_cohorts (f, &run, "--diff", path, "--baseline", "b9");
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_true (g_str_has_suffix (run.err, "baselines.matplan: the plan has no baseline “b9” (by name or id)\n"));

  run_cohorts (f, &run, "--diff", path, path, "--baseline", "b1");
  assert_usage_error (f, &run, "--baseline goes with --diff PLAN alone\n");
}

/* The school register */

static void
put_sample (Fixture    *f,
            const char *name)
{
  g_autofree char *sample = g_build_filename (COHORTS_SOURCE_DIR, "tests", "data", "gias",
                                              "gias-sample-2021.csv", NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (sample, &contents, &length, &error);
  g_assert_no_error (error);
  put_file (f, name, contents, length);
}

static void
test_import_and_search (Fixture       *f,
                        gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_autofree char *home = g_build_filename (f->dir, "home", NULL);
  g_autofree char *expected = NULL;

  put_sample (f, "edubasealldata20210415.csv");

  run_cohorts (f, &run, "--import-gias", "edubasealldata20210415.csv", "--register", "reg.sqlite");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpstr (run.out, ==, "edubasealldata20210415.csv: imported 2 schools into reg.sqlite; 0 rows left out\n");

  run_cohorts (f, &run, "--search", "aldg", "--register", "reg.sqlite");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpstr (run.out, ==, "100000\tThe Aldgate School\t\tprimary\n");

  run_cohorts (f, &run, "--register=reg.sqlite", "--search=LONDON");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==,
                   "100001\tCity of London School for Girls\tLondon\tunknown\n"
                   "100000\tThe Aldgate School\t\tprimary\n");

  /* None found: exit status 1, nothing said. */
  run_cohorts (f, &run, "--search", "st zzz", "--register", "reg.sqlite");
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpstr (run.err, ==, "");

  /* Without --register: the user's own, under the data directory. */
  data_home = home;
  run_cohorts (f, &run, "--search", "aldgate");
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.out, ==, "");
  expected = g_strdup_printf ("%s/cohorts/register.db: there is no school register yet\n"
                              "Import the DfE's establishment file (edubasealldataYYYYMMDD.csv) first: "
                              "cohorts --import-gias FILE\n", home);
  g_assert_cmpstr (run.err, ==, expected);
  g_free (expected);

  run_cohorts (f, &run, "--import-gias", "edubasealldata20210415.csv");
  g_assert_cmpint (run.status, ==, 0);
  expected = g_strdup_printf ("edubasealldata20210415.csv: imported 2 schools into "
                              "%s/cohorts/register.db; 0 rows left out\n", home);
  g_assert_cmpstr (run.out, ==, expected);

  run_cohorts (f, &run, "--search", "aldgate");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "100000\tThe Aldgate School\t\tprimary\n");
  data_home = NULL;
}

static void
test_import_problems (Fixture       *f,
                      gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *register_path = g_build_filename (f->dir, "reg.sqlite", NULL);
  gsize before_length = 0;

  put_file (f, "few.csv",
            "\"URN\",\"EstablishmentName\",\"Town\"\r\n"
            "\"100000\",\"St Mary\x92s\",\"Northfield\"\r\n"
            "\"x\",\"Bad\",\"\"\r\n"
            "\"100001\",\"Tab\tin name\",\"Two\r\nlines\"\r\n", -1);
  run_cohorts (f, &run, "--import-gias", "few.csv", "--register", "reg.sqlite");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "few.csv:3: “x” is not a URN (six digits)\n");
  g_assert_cmpstr (run.out, ==, "few.csv: imported 2 schools into reg.sqlite; 1 row left out\n");

  /* Windows-1252 comes out as UTF-8; a tab or line break inside a value
   * does not break the line. */
  run_cohorts (f, &run, "--search", "st marys", "--register", "reg.sqlite");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "100000\tSt Mary\u2019s\tNorthfield\tunknown\n");
  run_cohorts (f, &run, "--search", "tab", "--register", "reg.sqlite");
  g_assert_cmpstr (run.out, ==, "100001\tTab in name\tTwo lines\tunknown\n");

  /* A file that cannot be imported: exit status 2, the register as it was. */
  g_file_get_contents (register_path, &before, &before_length, NULL);
  run_cohorts (f, &run, "--import-gias", "missing.csv", "--register", "reg.sqlite");
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpstr (run.err, ==, "missing.csv: could not read: No such file or directory\n");
  put_file (f, "cut.csv", "\"URN\",\"EstablishmentName\"\r\n\"100000\",\"St Mary\r\n", -1);
  run_cohorts (f, &run, "--import-gias", "cut.csv", "--register", "reg.sqlite");
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.err, ==, "cut.csv:2: a quoted field that starts on this line is never closed\n");
  put_file (f, "other.csv", "\"Name\",\"Town\"\r\n", -1);
  run_cohorts (f, &run, "--import-gias", "other.csv", "--register", "reg.sqlite");
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.err, ==, "other.csv:1: the file has no “URN” column: it is not the DfE's establishment file\n");
  assert_file_equals (register_path, before, before_length);
}

static void
test_search_damaged_register (Fixture       *f,
                              gconstpointer  data)
{
  g_auto(Run) run = { 0 };

  put_file (f, "reg.sqlite", "garbage", -1);
  run_cohorts (f, &run, "--search", "st mary", "--register", "reg.sqlite");
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpstr (run.err, ==,
                   "reg.sqlite: the school register is damaged (it is not a database)\n"
                   "To rebuild the register, import the DfE's establishment file again: "
                   "cohorts --import-gias FILE --register reg.sqlite\n");

  /* Importing rebuilds it. */
  put_sample (f, "gias.csv");
  run_cohorts (f, &run, "--import-gias", "gias.csv", "--register", "reg.sqlite");
  g_assert_cmpint (run.status, ==, 0);
  run_cohorts (f, &run, "--search", "aldgate", "--register", "reg.sqlite");
  g_assert_cmpint (run.status, ==, 0);

  /* An empty file is what is left of a register. */
  put_file (f, "other.sqlite", "", 0);
  run_cohorts (f, &run, "--search", "aldgate", "--register", "other.sqlite");
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.err, ==,
                   "other.sqlite: the school register is damaged (it is empty)\n"
                   "To rebuild the register, import the DfE's establishment file again: "
                   "cohorts --import-gias FILE --register other.sqlite\n");

  /* A register damaged after an import names the file it came from. */
  put_file (f, "reg.sqlite", "garbage", -1);
  run_cohorts (f, &run, "--search", "aldgate", "--register", "reg.sqlite");
  g_assert_cmpint (run.status, ==, 2);
  {
    g_autofree char *source = g_build_filename (f->dir, "gias.csv", NULL);
    g_autofree char *canonical = g_canonicalize_filename (source, NULL);
    g_autofree char *quoted = g_shell_quote (canonical);
    g_autofree char *expected = g_strdup_printf ("reg.sqlite: the school register is damaged (it is not a database)\n"
                                                 "To rebuild the register, import the DfE's establishment file again: "
                                                 "cohorts --import-gias %s --register reg.sqlite\n", quoted);

    g_assert_cmpstr (run.err, ==, expected);
  }
}

static void
test_register_usage (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *path = example_path ();
  g_auto(Run) run = { 0 };

  run_cohorts (f, &run, "--check", "--register", "reg.sqlite", path);
  assert_usage_error (f, &run, "--register goes with --import-gias or --search\n");
  run_cohorts (f, &run, "--search", "st", "--import-gias", "gias.csv");
  assert_usage_error (f, &run, "Give one command: --check PLAN, --convert OUT PLAN, --export OUT PLAN, "
                      "--export-board-pack OUT PLAN, --diff OLD PLAN, --import-gias CSV or --search TEXT\n");
  run_cohorts (f, &run, "--search", "st", "mary");
  assert_usage_error (f, &run, "--search takes one argument: put words with spaces in quotes, "
                      "as in --search \"st mary\"\n");
  run_cohorts (f, &run, "--import-gias", "a.csv", "b.csv");
  assert_usage_error (f, &run, "--import-gias takes one file, the DfE's CSV\n");
  run_cohorts (f, &run, "--import-gias", "a.csv", "--today=2026-11-23");
  assert_usage_error (f, &run, "--import-gias and --search take no other option than --register\n");
  run_cohorts (f, &run, "--search", "st", "--paper=A3");
  assert_usage_error (f, &run, "--import-gias and --search take no other option than --register\n");
  run_cohorts (f, &run, "--search");
  assert_usage_error (f, &run, NULL);
  /* --register alone is no command, and does not start the application. */
  run_cohorts (f, &run, "--register", "reg.sqlite");
  assert_usage_error (f, &run, "Give one command: --check PLAN, --convert OUT PLAN, --export OUT PLAN, "
                      "--export-board-pack OUT PLAN, --diff OLD PLAN, --import-gias CSV or --search TEXT\n");
  {
    g_autofree char *register_path = g_build_filename (f->dir, "reg.sqlite", NULL);
    g_assert_false (g_file_test (register_path, G_FILE_TEST_EXISTS));
  }
}

/* Export */

/* The PDF's pages, by pdfinfo. */
static guint
pdf_pages (const char *pdf)
{
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "pdfinfo", pdf, NULL };
  const char *line;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  line = strstr (out, "Pages:");
  g_assert_nonnull (line);
  return (guint) g_ascii_strtoull (line + strlen ("Pages:"), NULL, 10);
}

static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *path = example_path ();
  g_autofree char *pdf = g_build_filename (f->dir, "timeline.pdf", NULL);
  g_autofree char *png = g_build_filename (f->dir, "timeline.png", NULL);
  g_autofree char *png1 = g_build_filename (f->dir, "timeline-1.png", NULL);
  g_autofree char *png2 = g_build_filename (f->dir, "timeline-2.png", NULL);
  g_auto(Run) run = { 0 };

  /* Fitted on A4 landscape: the example's 25 rows take one page. */
  run_cohorts (f, &run, "--export", "timeline.pdf", "--today=2026-11-23", path);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpuint (pdf_pages (pdf), ==, 1);

  /* On A3 they fit one, and on A4 portrait (taller); tiled there, the
   * example's three academic years at a readable scale take four. */
  run_cohorts (f, &run, "--export=timeline.pdf", "--paper=A3", path);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpuint (pdf_pages (pdf), ==, 1);
  run_cohorts (f, &run, "--export=timeline.pdf", "--paper=a4", "--orientation=portrait", path);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpuint (pdf_pages (pdf), ==, 1);
  run_cohorts (f, &run, "--export=timeline.pdf", "--paper=a4", "--orientation=portrait", "--pages=tile", path);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpuint (pdf_pages (pdf), ==, 4);

  /* One cohort, one term: one page. */
  run_cohorts (f, &run, "--export=timeline.pdf", "--cohorts=c1", "--from=2027-01", "--to=2027-03",
               "--columns=urn,phase", path);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpuint (pdf_pages (pdf), ==, 1);

  /* PNG: a file a page, their names printed. Tiled on A3, the example's
   * three academic years take two. */
  run_cohorts (f, &run, "--export", "timeline.png", "--pages=tile", "--paper=A3", path);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  {
    g_autofree char *expected = g_strdup_printf ("timeline-1.png\ntimeline-2.png\n");
    g_assert_cmpstr (run.out, ==, expected);
  }
  g_assert_true (g_file_test (png1, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (png2, G_FILE_TEST_IS_REGULAR));
  g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));
  g_unlink (png1);
  g_unlink (png2);
  g_unlink (pdf);
}

static void
test_export_board_pack (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *path = example_path ();
  g_autofree char *pdf = g_build_filename (f->dir, "board pack.pdf", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "pdftotext", "-f", "1", "-l", "1", pdf, "-", NULL };
  g_auto(Run) run = { 0 };
  int status;

  run_cohorts (f, &run, "--export-board-pack", "board pack.pdf", "--today=2026-11-23", path);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpuint (pdf_pages (pdf), >=, 6);

  /* The cover: the trust, the plan, as of the day given. */
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &text, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "Northfield Learning Trust"));
  g_assert_nonnull (strstr (text, "23 November 2026"));

  run_cohorts (f, &run, "--export-board-pack", "board.svg", path);
  assert_usage_error (f, &run, "board.svg: a board pack is a PDF: give a file name ending in .pdf\n");
  run_cohorts (f, &run, "--export-board-pack", "board.pdf", "--paper=A3", path);
  assert_usage_error (f, &run, "--paper, --orientation, --pages, --from, --to, --columns and --cohorts go with --export\n");
  g_unlink (pdf);
}

static void
test_export_errors (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *path = example_path ();
  g_autofree char *pdf = g_build_filename (f->dir, "timeline.pdf", NULL);
  g_auto(Run) run = { 0 };
  static const struct { const char *arg; const char *message; } cases[] = {
    { "--paper=A5", "--paper: A5 is not one of A4|A3\n" },
    { "--orientation=sideways", "--orientation: sideways is not one of landscape|portrait\n" },
    { "--pages=all", "--pages: all is not one of fit|tile\n" },
    { "--columns=urn,colour", "--columns: colour is not one of urn|phase|conversion|pupils|authority\n" },
    { "--from=2027-13", "--from: 2027-13 is not a month or a day (YYYY-MM or YYYY-MM-DD)\n" },
    { "--to=soon", "--to: soon is not a month or a day (YYYY-MM or YYYY-MM-DD)\n" },
    { "--cohorts=c9", "--cohorts: the plan has no cohort c9\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      run_cohorts (f, &run, "--export=timeline.pdf", cases[i].arg, path);
      assert_usage_error (f, &run, cases[i].message);
    }

  run_cohorts (f, &run, "--export=timeline.pdf", "--from=2028-01", "--to=2027-12", path);
  assert_usage_error (f, &run, "--to comes before --from\n");
  run_cohorts (f, &run, "--export=timeline.txt", path);
  assert_usage_error (f, &run, "timeline.txt: give a file name ending in .pdf, .svg or .png\n");
  run_cohorts (f, &run, "--check", "--paper=A3", path);
  assert_usage_error (f, &run, "--paper, --orientation, --pages, --from, --to, --columns and --cohorts go with --export\n");
  run_cohorts (f, &run, "--export=no-such-folder/timeline.pdf", path);
  assert_usage_error (f, &run,
                      "no-such-folder/timeline.pdf: could not export: "
                      "Could not write “no-such-folder/timeline.pdf”: No such file or directory\n");
  run_cohorts (f, &run, "--export=timeline.pdf", "missing.matplan");
  g_assert_cmpint (run.status, ==, 2);

  /* None of these wrote anything. */
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
}

static void
test_headless_with_broken_display (Fixture       *f,
                                   gconstpointer  data)
{
  g_autofree char *path = example_path ();
  g_autofree char *out = g_build_filename (f->dir, "out.matplan", NULL);
  g_auto(Run) run = { 0 };

  /* The other tests run without DISPLAY and WAYLAND_DISPLAY; a command that
   * opened a display would also fail with ones that lead nowhere. */
  broken_display = TRUE;

  run_cohorts (f, &run, "--check", EARLY, path);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, example_capacity);
  g_assert_cmpstr (run.err, ==, "");

  run_cohorts (f, &run, "--convert", "out.matplan", path);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  assert_file_equals (out, f->example, f->example_size);

  broken_display = FALSE;
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/cli/check/example", test_check_example);
  ADD ("/cli/check/example-overdue", test_check_example_overdue);
  ADD ("/cli/check/example-readiness", test_check_example_readiness);
  ADD ("/cli/check/today-by-default", test_check_today_by_default);
  ADD ("/cli/check/bad-today", test_check_bad_today);
  ADD ("/cli/check/error", test_check_error);
  ADD ("/cli/check/errors-and-warnings", test_check_errors_and_warnings);
  ADD ("/cli/check/warnings-only", test_check_warnings_only);
  ADD ("/cli/check/info-only", test_check_info_only);
  ADD ("/cli/check/bad-file", test_check_bad_file);
  ADD ("/cli/check/not-xml", test_check_not_xml);
  ADD ("/cli/check/not-a-plan", test_check_not_a_plan);
  ADD ("/cli/check/missing-file", test_check_missing_file);
  ADD ("/cli/check/folder", test_check_folder);
  ADD ("/cli/check/colon-in-name", test_colon_in_name);
  ADD ("/cli/check/c-locale", test_check_c_locale);
  ADD ("/cli/check/output-fails", test_check_output_fails);
  ADD ("/cli/convert/example", test_convert_example);
  ADD ("/cli/convert/equals-form", test_convert_equals_form);
  ADD ("/cli/convert/non-canonical", test_convert_non_canonical);
  ADD ("/cli/convert/in-place", test_convert_in_place);
  ADD ("/cli/convert/unwritable", test_convert_unwritable);
  ADD ("/cli/convert/bad-plan", test_convert_bad_plan);
  ADD ("/cli/convert/version-1", test_convert_version_1);
  ADD ("/cli/export/pages", test_export);
  ADD ("/cli/export/errors", test_export_errors);
  ADD ("/cli/export/board-pack", test_export_board_pack);
  ADD ("/cli/diff/example", test_diff);
  ADD ("/cli/diff/unreadable", test_diff_unreadable);
  ADD ("/cli/diff/baseline", test_diff_baseline);
  ADD ("/cli/usage", test_usage);
  ADD ("/cli/register/import-and-search", test_import_and_search);
  ADD ("/cli/register/import-problems", test_import_problems);
  ADD ("/cli/register/damaged", test_search_damaged_register);
  ADD ("/cli/register/usage", test_register_usage);
  ADD ("/cli/headless", test_headless_with_broken_display);

#undef ADD

  return g_test_run ();
}
