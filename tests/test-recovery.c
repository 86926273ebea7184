/* test-recovery.c: crash safety, with real processes killed
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The recovery files (cohorts-recovery.c) and the atomic save
 * (cohorts-file.c), headless. The crash tests run cohorts-crash-helper
 * (COHORTS_CRASH_HELPER) and kill it with SIGKILL: after an autosave, the
 * recovery is found once the process is gone; in the middle of saves, the
 * file saved is always whole, the old version or the new.
 */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "cohorts-file.h"
#include "cohorts-plan-xml.h"
#include "cohorts-recovery.h"

#define EXAMPLE COHORTS_SOURCE_DIR "/data/examples/northfield.matplan"

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *data = NULL;
  gsize length;

  if (!g_file_get_contents (path, &data, &length, &error))
    return NULL;
  return g_bytes_new_take (data, length);
}

static GPtrArray *
list_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  return names;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileEnumerator) children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                                                   G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  GFileInfo *info;

  while (children && (info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, g_file_info_get_name (info), NULL);

      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        remove_tree (child);
      else
        g_unlink (child);
      g_object_unref (info);
    }
  g_rmdir (path);
}

/* The ID of a process that has ended and been reaped. */
static int
dead_pid (void)
{
  pid_t pid = fork ();
  int status;

  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    _exit (0);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  return pid;
}

/* Starts the helper; returns once it has printed @line. */
static GPid
start_helper (const char * const *args,
              const char         *line)
{
  const char *helper = g_getenv ("COHORTS_CRASH_HELPER");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  char buffer[64];
  gsize have = 0;
  GPid pid;
  int out;

  g_assert_nonnull (helper);
  g_ptr_array_add (argv, (char *) helper);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv->pdata, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                           NULL, NULL, &pid, NULL, &out, NULL, &error));
  g_assert_no_error (error);

  while (have < strlen (line) + 1)
    {
      gssize n = read (out, buffer + have, sizeof buffer - 1 - have);

      if (n < 0 && errno == EINTR)
        continue;
      g_assert_cmpint (n, >, 0);
      have += n;
    }
  buffer[have] = '\0';
  g_assert_true (g_str_has_prefix (buffer, line));
  close (out);
  return pid;
}

static void
kill_and_reap (GPid pid)
{
  int status;

  g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status));
  g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);
  g_spawn_close_pid (pid);
}

/* A tidy state folder for each test. */
static void
clean_recoveries (void)
{
  g_autofree char *dir = cohorts_recovery_get_dir ();

  remove_tree (dir);
}

static void
test_pid_alive (void)
{
  GPid pid;
  int status;

  g_assert_true (cohorts_pid_is_alive (getpid ()));
  g_assert_true (cohorts_pid_is_alive (1));
  g_assert_false (cohorts_pid_is_alive (dead_pid ()));
  g_assert_false (cohorts_pid_is_alive (0));
  g_assert_false (cohorts_pid_is_alive (-1));

  /* Killed but not yet reaped (a zombie): gone. */
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      for (;;)
        pause ();
    }
  g_assert_true (cohorts_pid_is_alive (pid));
  kill (pid, SIGKILL);
  for (int i = 0; i < 1000 && cohorts_pid_is_alive (pid); i++)
    g_usleep (1000);
  g_assert_false (cohorts_pid_is_alive (pid));
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
}

static void
test_temp_names (void)
{
  int pid = 0;

  g_assert_true (cohorts_file_is_temp_name (".plan.matplan.4242-0a1b2c.cohorts-tmp", "plan.matplan", &pid));
  g_assert_cmpint (pid, ==, 4242);
  g_assert_false (cohorts_file_is_temp_name (".plan.matplan.4242-0a1b2c.cohorts-tmp", "other.matplan", NULL));
  g_assert_false (cohorts_file_is_temp_name ("plan.matplan", "plan.matplan", NULL));
  g_assert_false (cohorts_file_is_temp_name (".plan.matplan.x-0a1b2c.cohorts-tmp", "plan.matplan", NULL));
  g_assert_false (cohorts_file_is_temp_name (".plan.matplan.0-0a1b2c.cohorts-tmp", "plan.matplan", NULL));
  g_assert_false (cohorts_file_is_temp_name (".plan.matplan.42-0a1b.cohorts-tmp", "plan.matplan", NULL));
  g_assert_false (cohorts_file_is_temp_name (".plan.matplan.42-0a1b2c.cohorts-tmpx", "plan.matplan", NULL));
  g_assert_false (cohorts_file_is_temp_name (".goutputstream-ABCDEF", "plan.matplan", NULL));
}

/* A save removes the temporary files of dead saves, not those of live ones
 * nor anything else. */
static void
test_stale_temps (void)
{
  g_autofree char *dir = g_dir_make_tmp ("cohorts-recovery-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "plan.matplan", NULL);
  g_autofree char *dead_name = g_strdup_printf (".plan.matplan.%d-abcdef" COHORTS_FILE_TEMP_SUFFIX, dead_pid ());
  g_autofree char *live_name = g_strdup_printf (".plan.matplan.%d-abcdef" COHORTS_FILE_TEMP_SUFFIX, 1);
  g_autofree char *dead = g_build_filename (dir, dead_name, NULL);
  g_autofree char *live = g_build_filename (dir, live_name, NULL);
  g_autofree char *other = g_build_filename (dir, ".other.matplan.1-abcdef" COHORTS_FILE_TEMP_SUFFIX, NULL);
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (dead, "half a plan", -1, NULL));
  g_assert_true (g_file_set_contents (live, "a save in progress", -1, NULL));
  g_assert_true (g_file_set_contents (other, "not ours", -1, NULL));

  g_assert_true (cohorts_file_replace (path, "new", 3, TRUE, NULL, &error));
  g_assert_no_error (error);
  saved = read_bytes (path);
  g_assert_cmpmem (g_bytes_get_data (saved, NULL), g_bytes_get_size (saved), "new", 3);

  g_assert_false (g_file_test (dead, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (live, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));

  /* The permissions of the file replaced are kept. */
  g_assert_cmpint (g_chmod (path, 0640), ==, 0);
  g_assert_true (cohorts_file_replace (path, "newer", 5, TRUE, NULL, &error));
  {
    GStatBuf st;

    g_assert_cmpint (g_stat (path, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0640);
  }

  remove_tree (dir);
}

/* Written, not offered while its process runs, offered once it is gone,
 * loaded, claimed, discarded. */
static void
test_write_and_list (void)
{
  g_autoptr(GFile) example = g_file_new_for_path (EXAMPLE);
  g_autofree char *uri = g_file_get_uri (example);
  g_autoptr(CohortsPlan) plan = cohorts_plan_xml_load_file (example, NULL, COHORTS_PLAN_LOAD_DEFAULT, NULL, NULL);
  g_autofree char *id = cohorts_recovery_new_id ();
  g_autofree char *other_id = cohorts_recovery_new_id ();
  g_autofree char *dir = cohorts_recovery_get_dir ();
  g_autofree char *info_path = NULL;
  g_autoptr(GKeyFile) info = g_key_file_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) orphans = NULL;
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(CohortsPlan) loaded = NULL;
  g_autoptr(GBytes) loaded_bytes = NULL;
  g_autoptr(GError) error = NULL;
  CohortsRecovery *recovery;
  int dead = dead_pid ();

  clean_recoveries ();
  g_assert_cmpstr (id, !=, other_id);
  g_assert_nonnull (plan);
  cohorts_plan_edit (plan, cohorts_plan_get_trust (plan), "name", "Renamed Trust", NULL);
  bytes = cohorts_plan_xml_to_bytes (plan);

  g_assert_true (cohorts_recovery_write (id, bytes, uri, "Renamed Trust", &error));
  g_assert_no_error (error);
  /* A new plan has no file. */
  g_assert_true (cohorts_recovery_write (other_id, bytes, NULL, "", &error));
  g_assert_no_error (error);

  /* Ours, and we run. */
  orphans = cohorts_recovery_list_orphans ();
  g_assert_cmpuint (orphans->len, ==, 0);
  g_clear_pointer (&orphans, g_ptr_array_unref);

  /* Written by a process that is gone. */
  info_path = g_strconcat (dir, "/", id, ".recovery", NULL);
  g_assert_true (g_key_file_load_from_file (info, info_path, G_KEY_FILE_NONE, NULL));
  g_assert_cmpint (g_key_file_get_integer (info, "Recovery", "Pid", NULL), ==, getpid ());
  {
    g_autofree char *title = g_key_file_get_value (info, "Recovery", "Title", NULL);

    g_assert_cmpstr (title, ==, "Renamed Trust");
  }
  g_key_file_set_integer (info, "Recovery", "Pid", dead);
  g_assert_true (g_key_file_save_to_file (info, info_path, NULL));

  orphans = cohorts_recovery_list_orphans ();
  g_assert_cmpuint (orphans->len, ==, 1);
  recovery = g_ptr_array_index (orphans, 0);
  g_assert_cmpstr (recovery->id, ==, id);
  g_assert_cmpstr (recovery->title, ==, "Renamed Trust");
  g_assert_cmpstr (recovery->original_uri, ==, uri);
  g_assert_cmpint (recovery->pid, ==, dead);
  g_assert_nonnull (recovery->time);

  loaded = cohorts_recovery_load (recovery, &error);
  g_assert_no_error (error);
  loaded_bytes = cohorts_plan_xml_to_bytes (loaded);
  g_assert_true (g_bytes_equal (bytes, loaded_bytes));
  g_assert_cmpstr (cohorts_trust_get_name (cohorts_plan_get_trust (loaded)), ==, "Renamed Trust");

  /* Claimed, it is ours again: no longer offered. */
  g_assert_true (cohorts_recovery_claim (recovery, &error));
  g_assert_no_error (error);
  g_clear_pointer (&orphans, g_ptr_array_unref);
  orphans = cohorts_recovery_list_orphans ();
  g_assert_cmpuint (orphans->len, ==, 0);

  /* Discarded, nothing is left; no temporary files either. */
  cohorts_recovery_discard (id);
  cohorts_recovery_discard (other_id);
  names = list_dir (dir);
  g_assert_cmpuint (names->len, ==, 0);
}

/* A key file without its plan, or unreadable, is not offered. */
static void
test_broken (void)
{
  g_autofree char *dir = cohorts_recovery_get_dir ();
  g_autofree char *lonely = g_build_filename (dir, "lonely.recovery", NULL);
  g_autofree char *garbage = g_build_filename (dir, "garbage.recovery", NULL);
  g_autofree char *garbage_plan = g_build_filename (dir, "garbage.matplan", NULL);
  g_autofree char *content = g_strdup_printf ("[Recovery]\nPid=%d\nTime=2026-01-01T00:00:00Z\n", dead_pid ());
  g_autoptr(GPtrArray) orphans = NULL;

  clean_recoveries ();
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (lonely, content, -1, NULL));
  g_assert_true (g_file_set_contents (garbage, "\x01\x02 not a key file", -1, NULL));
  g_assert_true (g_file_set_contents (garbage_plan, "<plan/>", -1, NULL));

  orphans = cohorts_recovery_list_orphans ();
  g_assert_cmpuint (orphans->len, ==, 0);
  clean_recoveries ();
}

/* A process autosaves, and is killed: the next one finds its work. */
static void
test_crash_after_autosave (void)
{
  g_autoptr(GFile) example = g_file_new_for_path (EXAMPLE);
  g_autofree char *uri = g_file_get_uri (example);
  g_autofree char *id = g_strdup ("helper-recovery");
  const char *args[] = { "autosave", EXAMPLE, id, NULL };
  g_autoptr(GPtrArray) orphans = NULL;
  g_autoptr(CohortsPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  CohortsRecovery *recovery;
  GPid pid;

  clean_recoveries ();
  pid = start_helper (args, "autosaved");

  /* While it runs, its recovery is its own. */
  orphans = cohorts_recovery_list_orphans ();
  g_assert_cmpuint (orphans->len, ==, 0);
  g_clear_pointer (&orphans, g_ptr_array_unref);

  kill_and_reap (pid);

  orphans = cohorts_recovery_list_orphans ();
  g_assert_cmpuint (orphans->len, ==, 1);
  recovery = g_ptr_array_index (orphans, 0);
  g_assert_cmpstr (recovery->id, ==, id);
  g_assert_cmpint (recovery->pid, ==, pid);
  g_assert_cmpstr (recovery->title, ==, "Edited Before the Crash");
  g_assert_cmpstr (recovery->original_uri, ==, uri);

  plan = cohorts_recovery_load (recovery, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cohorts_trust_get_name (cohorts_plan_get_trust (plan)), ==, "Edited Before the Crash");

  cohorts_recovery_discard (recovery->id);
  g_clear_pointer (&orphans, g_ptr_array_unref);
  orphans = cohorts_recovery_list_orphans ();
  g_assert_cmpuint (orphans->len, ==, 0);
}

static CohortsPlan *
generate_plan (guint n_schools)
{
  CohortsPlan *plan = cohorts_plan_new ();
  g_autoptr(GPtrArray) cohorts = g_ptr_array_new ();

  cohorts_plan_edit (plan, cohorts_plan_get_trust (plan), "name", "Kill Test Learning Trust", NULL);
  for (guint c = 0; c < 20; c++)
    {
      g_autofree char *name = g_strdup_printf ("Cohort %u", c + 1);

      g_ptr_array_add (cohorts, cohorts_plan_add_cohort (plan, name,
                                                         cohorts_date_add_months (cohorts_date_new (2027, 1, 1), c)));
    }
  for (guint i = 0; i < n_schools; i++)
    {
      g_autofree char *name = g_strdup_printf ("School Number %u", i + 1);
      g_autofree char *town = g_strdup_printf ("Town %u", i % 900);
      g_autoptr(CohortsSchool) school = cohorts_school_new (100000 + i, name);

      g_object_set (school, "phase", COHORTS_PHASE_PRIMARY, "low-age", 4, "high-age", 11,
                    "pupils", 40 + i % 1500, "capacity", 1600, "town", town,
                    "notes", "Visited in the spring; the governors are keen.", NULL);
      cohorts_plan_add_school (plan, school, NULL);
      if (i % 10 != 9)
        cohorts_plan_move_school (plan, school, g_ptr_array_index (cohorts, i % cohorts->len), G_MAXUINT);
    }
  return plan;
}

/* The helper's saver; its process ID. */
static GPid
start_saver (FILE       *to,
             FILE       *from,
             guint       count,
             const char *first)
{
  char line[64];

  fprintf (to, "%u %s\n", count, first);
  fflush (to);
  g_assert_nonnull (fgets (line, sizeof line, from));
  return (GPid) atoi (line);
}

/* Waits until the saver has ended; its wait status. */
static int
saver_ended (FILE *from)
{
  char line[64];

  g_assert_nonnull (fgets (line, sizeof line, from));
  g_assert_true (g_str_has_prefix (line, "ended "));
  return atoi (line + strlen ("ended "));
}

/* The saver is killed at random moments, two hundred times: the file saved
 * is always one whole version, never a mixture or cut short, and no more
 * than one temporary file (of a save killed) is ever left beside it.
 *
 * Each saver is a fork of a helper that loaded the plan once: starting a
 * process and loading 5,000 schools takes longer than a save, and would
 * make the test a minute long. The delay before the kill is random, from
 * nothing to one and a half times what a save takes (measured first), so
 * that some saves are killed before their rename and some after. */
static void
test_kill_saver (void)
{
  g_autofree char *dir = g_dir_make_tmp ("cohorts-kill-XXXXXX", NULL);
  g_autofree char *source = g_build_filename (dir, "source.matplan", NULL);
  g_autofree char *target = g_build_filename (dir, "target.matplan", NULL);
  g_autofree char *backup = g_strconcat (target, "~", NULL);
  g_autoptr(CohortsPlan) plan = generate_plan (5000);
  g_autoptr(GFile) source_file = g_file_new_for_path (source);
  g_autoptr(GBytes) version_a = NULL;
  g_autoptr(GBytes) version_b = NULL;
  g_autoptr(GError) error = NULL;
  const char *helper = g_getenv ("COHORTS_CRASH_HELPER");
  const char *argv[] = { helper, "save-server", source, target, NULL };
  guint kills = g_test_slow () ? 1000 : 200;
  guint temps_left = 0, unchanged = 0, replaced = 0;
  GRand *rand = g_rand_new ();
  gint64 start, save_time;
  int to_fd, from_fd;
  FILE *to, *from;
  GPid server;
  char line[64];

  g_assert_nonnull (helper);
  g_assert_true (cohorts_plan_xml_save_file (plan, source_file, NULL, &error));
  g_assert_no_error (error);
  cohorts_plan_edit (plan, plan, "title", "Version A", NULL);
  version_a = cohorts_plan_xml_to_bytes (plan);
  cohorts_plan_edit (plan, plan, "title", "Version B", NULL);
  version_b = cohorts_plan_xml_to_bytes (plan);
  g_assert_true (g_file_set_contents (target, g_bytes_get_data (version_a, NULL),
                                      g_bytes_get_size (version_a), NULL));

  g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                                           &server, &to_fd, &from_fd, NULL, &error));
  g_assert_no_error (error);
  to = fdopen (to_fd, "w");
  from = fdopen (from_fd, "r");
  g_assert_nonnull (fgets (line, sizeof line, from));
  g_assert_cmpstr (line, ==, "ready\n");

  /* How long a save takes: four of them, ending with version A. */
  start = g_get_monotonic_time ();
  start_saver (to, from, 4, "B");
  g_assert_cmpint (saver_ended (from), ==, 0);
  save_time = (g_get_monotonic_time () - start) / 4;
  g_printerr ("# a save of %" G_GSIZE_FORMAT " bytes (5,000 schools) takes %.1f ms\n",
              g_bytes_get_size (version_a), save_time / 1e3);

  start = g_get_monotonic_time ();
  for (guint i = 0; i < kills; i++)
    {
      g_autoptr(GBytes) before = read_bytes (target);
      g_autoptr(GBytes) after = NULL;
      g_autoptr(GPtrArray) names = NULL;
      gboolean was_a = g_bytes_equal (before, version_a);
      guint temps = 0;
      GPid pid;
      int status;

      /* The first save of each saver changes the file. */
      pid = start_saver (to, from, 0, was_a ? "B" : "A");
      g_usleep (g_rand_int_range (rand, 0, 3 * save_time / 2 + 1));
      g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
      status = saver_ended (from);
      g_assert_true (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL);

      after = read_bytes (target);
      g_assert_nonnull (after);
      if (g_bytes_equal (after, before))
        unchanged++;
      else if (g_bytes_equal (after, was_a ? version_b : version_a))
        replaced++;
      else
        g_error ("After kill %u, %s is neither version (%" G_GSIZE_FORMAT " bytes)",
                 i, target, g_bytes_get_size (after));

      /* The backup, when there is one, is whole too. */
      if (g_file_test (backup, G_FILE_TEST_EXISTS))
        {
          g_autoptr(GBytes) kept = read_bytes (backup);

          g_assert_true (g_bytes_equal (kept, version_a) || g_bytes_equal (kept, version_b));
        }

      names = list_dir (dir);
      for (guint n = 0; n < names->len; n++)
        {
          const char *name = g_ptr_array_index (names, n);
          int temp_pid;

          if (g_str_equal (name, "source.matplan") || g_str_equal (name, "target.matplan") ||
              g_str_equal (name, "target.matplan~"))
            continue;
          /* The temporary file of a save killed (the next save removes it). */
          g_assert_true (cohorts_file_is_temp_name (name, "target.matplan", &temp_pid));
          g_assert_false (cohorts_pid_is_alive (temp_pid));
          temps++;
        }
      g_assert_cmpuint (temps, <=, 1);
      temps_left += temps;

      /* Now and then, load it: comparing bytes says as much, but this is
       * what the user does next. */
      if (i % 20 == 0)
        {
          g_autoptr(GFile) file = g_file_new_for_path (target);
          g_autoptr(CohortsPlan) reloaded = cohorts_plan_xml_load_file (file, NULL, COHORTS_PLAN_LOAD_DEFAULT,
                                                                        NULL, &error);

          g_assert_no_error (error);
          g_assert_cmpuint (cohorts_plan_get_n_schools (reloaded), ==, 5000);
        }
    }

  g_printerr ("# %u kills in %.1f s: the file was as before %u times, the new version %u times; "
              "a killed save's temporary file was left %u times\n",
              kills, (g_get_monotonic_time () - start) / 1e6, unchanged, replaced, temps_left);
  /* Saves were killed both before and after their rename. */
  g_assert_cmpuint (unchanged, >, 0);
  g_assert_cmpuint (replaced, >, 0);

  /* One save run to its end removes what the killed ones left. */
  start_saver (to, from, 1, "A");
  g_assert_cmpint (saver_ended (from), ==, 0);
  {
    g_autoptr(GPtrArray) names = list_dir (dir);

    g_assert_cmpuint (names->len, ==, 3);
  }

  fclose (to);
  g_assert_null (fgets (line, sizeof line, from));
  fclose (from);
  {
    int status;

    g_assert_cmpint (waitpid (server, &status, 0), ==, server);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
    g_spawn_close_pid (server);
  }

  g_rand_free (rand);
  remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *state = NULL;

  g_test_init (&argc, &argv, NULL);

  /* Recoveries go to a folder of the test's own; the helper inherits it. */
  state = g_dir_make_tmp ("cohorts-state-XXXXXX", NULL);
  g_setenv ("XDG_STATE_HOME", state, TRUE);

  g_test_add_func ("/recovery/pid-alive", test_pid_alive);
  g_test_add_func ("/recovery/file/temp-names", test_temp_names);
  g_test_add_func ("/recovery/file/stale-temps", test_stale_temps);
  g_test_add_func ("/recovery/write-and-list", test_write_and_list);
  g_test_add_func ("/recovery/broken", test_broken);
  g_test_add_func ("/recovery/crash-after-autosave", test_crash_after_autosave);
  g_test_add_func ("/recovery/kill-saver", test_kill_saver);

  {
    int status = g_test_run ();

    remove_tree (state);
    return status;
  }
}
