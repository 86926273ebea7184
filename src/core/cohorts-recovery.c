/* cohorts-recovery.c: unsaved changes kept for after a crash
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * While a plan has unsaved changes, the window writes it now and then to
 * $XDG_STATE_HOME/cohorts/recovery/ID.matplan (the .matplan format), then a
 * key file beside it, ID.recovery, that says which process wrote it, when,
 * the plan's name and the file it belongs to:
 *
 *   [Recovery]
 *   Pid=4242
 *   StartTime=123456
 *   Time=2026-11-23T14:32:05Z
 *   Title=Northfield Learning Trust
 *   File=file:///home/amy/northfield.matplan
 *
 * Both are replaced atomically (cohorts-file.c), the plan first: a key file
 * always describes a whole plan. Saving, or closing without saving, removes
 * them. A recovery whose process is gone (not running, or its ID now taken
 * by a process that started at another time) is an orphan: that process
 * crashed or was killed, and the next start offers it back. Another running
 * Cohorts's recoveries are never orphans.
 *
 * Nothing here needs a display: the tests drive it headless.
 */
#define G_LOG_DOMAIN "cohorts-recovery"

#include "config.h"

#include <errno.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "cohorts-file.h"
#include "cohorts-plan-xml.h"
#include "cohorts-recovery.h"

#define GROUP "Recovery"
#define PLAN_SUFFIX ".matplan"
#define INFO_SUFFIX ".recovery"

void
cohorts_recovery_free (CohortsRecovery *recovery)
{
  if (recovery == NULL)
    return;
  g_free (recovery->id);
  g_free (recovery->plan_path);
  g_free (recovery->original_uri);
  g_free (recovery->title);
  g_clear_pointer (&recovery->time, g_date_time_unref);
  g_free (recovery);
}

/**
 * cohorts_recovery_get_dir:
 *
 * Returns: (transfer full): the folder of the recoveries, under the user's
 *   state folder ($XDG_STATE_HOME, ~/.local/state)
 */
char *
cohorts_recovery_get_dir (void)
{
  return g_build_filename (g_get_user_state_dir (), "cohorts", "recovery", NULL);
}

static char *
path_of (const char *id,
         const char *suffix)
{
  g_autofree char *dir = cohorts_recovery_get_dir ();
  g_autofree char *name = g_strconcat (id, suffix, NULL);

  return g_build_filename (dir, name, NULL);
}

/* When @pid started, in clock ticks since boot (Linux); 0 where unknown. */
static guint64
process_start_time (int pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/stat", pid);
  g_autofree char *stat = NULL;
  g_auto(GStrv) fields = NULL;
  const char *rest;

  if (!g_file_get_contents (path, &stat, NULL, NULL) || (rest = strrchr (stat, ')')) == NULL)
    return 0;

  /* After "PID (name) " come fields 3, 4, ...; the start time is field 22. */
  fields = g_strsplit (rest + 1, " ", 0);
  if (g_strv_length (fields) < 21)
    return 0;
  return g_ascii_strtoull (fields[20], NULL, 10);
}

/**
 * cohorts_recovery_new_id:
 *
 * Returns: (transfer full): a name for a new recovery, unique to this process
 */
char *
cohorts_recovery_new_id (void)
{
  static gint counter;

  return g_strdup_printf ("%d-%d-%08x", (int) getpid (), g_atomic_int_add (&counter, 1) + 1, g_random_int ());
}

/**
 * cohorts_recovery_write:
 * @id: from cohorts_recovery_new_id()
 * @plan: the plan, written by cohorts_plan_xml_to_bytes()
 * @original_uri: (nullable): the plan's file
 * @title: its name
 *
 * Writes (or replaces) the recovery @id, owned by this process. Takes no
 * GTK and no plan: it may run in any thread.
 */
gboolean
cohorts_recovery_write (const char  *id,
                        GBytes      *plan,
                        const char  *original_uri,
                        const char  *title,
                        GError     **error)
{
  g_autofree char *dir = cohorts_recovery_get_dir ();
  g_autofree char *plan_path = path_of (id, PLAN_SUFFIX);
  g_autofree char *info_path = path_of (id, INFO_SUFFIX);
  g_autoptr(GKeyFile) info = g_key_file_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *time = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (id != NULL && id[0] != '\0', FALSE);
  g_return_val_if_fail (plan != NULL, FALSE);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int errsv = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv), "%s: %s", dir, g_strerror (errsv));
      return FALSE;
    }

  if (!cohorts_file_replace (plan_path, g_bytes_get_data (plan, NULL), g_bytes_get_size (plan), FALSE, NULL, error))
    return FALSE;

  g_key_file_set_integer (info, GROUP, "Pid", (int) getpid ());
  g_key_file_set_uint64 (info, GROUP, "StartTime", process_start_time (getpid ()));
  g_key_file_set_string (info, GROUP, "Time", time);
  g_key_file_set_string (info, GROUP, "Title", title ? title : "");
  if (original_uri != NULL)
    g_key_file_set_string (info, GROUP, "File", original_uri);
  data = g_key_file_to_data (info, &length, NULL);
  return cohorts_file_replace (info_path, data, length, FALSE, NULL, error);
}

/**
 * cohorts_recovery_read:
 *
 * Returns: (transfer full) (nullable): what the key file of @id says, or
 *   %NULL if it or the plan is missing or it is unreadable
 */
CohortsRecovery *
cohorts_recovery_read (const char  *id,
                       GError     **error)
{
  g_autoptr(CohortsRecovery) recovery = g_new0 (CohortsRecovery, 1);
  g_autofree char *info_path = path_of (id, INFO_SUFFIX);
  g_autoptr(GKeyFile) info = g_key_file_new ();
  g_autofree char *time = NULL;

  if (!g_key_file_load_from_file (info, info_path, G_KEY_FILE_NONE, error))
    return NULL;

  recovery->id = g_strdup (id);
  recovery->plan_path = path_of (id, PLAN_SUFFIX);
  recovery->pid = g_key_file_get_integer (info, GROUP, "Pid", error);
  if (recovery->pid <= 0)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE, "%s: no process", info_path);
      return NULL;
    }
  recovery->start_time = g_key_file_get_uint64 (info, GROUP, "StartTime", NULL);
  recovery->title = g_key_file_get_string (info, GROUP, "Title", NULL);
  if (recovery->title == NULL)
    recovery->title = g_strdup ("");
  recovery->original_uri = g_key_file_get_string (info, GROUP, "File", NULL);
  time = g_key_file_get_string (info, GROUP, "Time", NULL);
  recovery->time = time ? g_date_time_new_from_iso8601 (time, NULL) : NULL;
  if (recovery->time == NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_path (info_path);
      g_autoptr(GFileInfo) file_info = g_file_query_info (file, G_FILE_ATTRIBUTE_TIME_MODIFIED,
                                                          G_FILE_QUERY_INFO_NONE, NULL, NULL);

      recovery->time = file_info ? g_file_info_get_modification_date_time (file_info)
                                 : g_date_time_new_now_utc ();
    }

  if (!g_file_test (recovery->plan_path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "%s: missing", recovery->plan_path);
      return NULL;
    }

  return g_steal_pointer (&recovery);
}

/**
 * cohorts_recovery_is_orphan:
 *
 * Returns: whether the process that wrote @recovery is gone
 */
gboolean
cohorts_recovery_is_orphan (const CohortsRecovery *recovery)
{
  g_return_val_if_fail (recovery != NULL, FALSE);

  if (recovery->pid == (int) getpid ())
    return FALSE;
  if (!cohorts_pid_is_alive (recovery->pid))
    return TRUE;
  /* The ID of a process long gone, now another's. */
  return recovery->start_time != 0 && process_start_time (recovery->pid) != 0 &&
         process_start_time (recovery->pid) != recovery->start_time;
}

static int
compare_time (gconstpointer a,
              gconstpointer b)
{
  const CohortsRecovery *ra = *(CohortsRecovery **) a;
  const CohortsRecovery *rb = *(CohortsRecovery **) b;

  return g_date_time_compare (ra->time, rb->time);
}

/**
 * cohorts_recovery_list_orphans:
 *
 * Returns: (transfer container) (element-type CohortsRecovery): the
 *   recoveries whose process is gone, oldest first
 */
GPtrArray *
cohorts_recovery_list_orphans (void)
{
  g_autofree char *dir_path = cohorts_recovery_get_dir ();
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  GPtrArray *orphans = g_ptr_array_new_with_free_func ((GDestroyNotify) cohorts_recovery_free);
  const char *name;

  if (dir == NULL)
    return orphans;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *id = NULL;
      g_autoptr(CohortsRecovery) recovery = NULL;
      g_autoptr(GError) error = NULL;

      if (name[0] == '.' || !g_str_has_suffix (name, INFO_SUFFIX))
        continue;
      id = g_strndup (name, strlen (name) - strlen (INFO_SUFFIX));
      recovery = cohorts_recovery_read (id, &error);
      if (recovery == NULL)
        {
          g_debug ("Ignoring the recovery %s: %s", id, error->message);
          continue;
        }
      if (cohorts_recovery_is_orphan (recovery))
        g_ptr_array_add (orphans, g_steal_pointer (&recovery));
    }

  g_ptr_array_sort (orphans, compare_time);
  return orphans;
}

/**
 * cohorts_recovery_claim:
 *
 * Makes this process the owner of @recovery (it then is no one else's
 * orphan), keeping what it says otherwise.
 */
gboolean
cohorts_recovery_claim (CohortsRecovery  *recovery,
                        GError          **error)
{
  g_autofree char *info_path = NULL;
  g_autoptr(GKeyFile) info = g_key_file_new ();
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (recovery != NULL, FALSE);

  info_path = path_of (recovery->id, INFO_SUFFIX);
  if (!g_key_file_load_from_file (info, info_path, G_KEY_FILE_KEEP_COMMENTS, error))
    return FALSE;

  recovery->pid = (int) getpid ();
  recovery->start_time = process_start_time (recovery->pid);
  g_key_file_set_integer (info, GROUP, "Pid", recovery->pid);
  g_key_file_set_uint64 (info, GROUP, "StartTime", recovery->start_time);
  data = g_key_file_to_data (info, &length, NULL);
  return cohorts_file_replace (info_path, data, length, FALSE, NULL, error);
}

/**
 * cohorts_recovery_load:
 *
 * Returns: (transfer full) (nullable): the recovered plan; its history is
 *   empty (the caller marks it modified)
 */
CohortsPlan *
cohorts_recovery_load (const CohortsRecovery  *recovery,
                       GError                **error)
{
  g_autoptr(GFile) file = NULL;

  g_return_val_if_fail (recovery != NULL, NULL);

  file = g_file_new_for_path (recovery->plan_path);
  return cohorts_plan_xml_load_file (file, NULL, COHORTS_PLAN_LOAD_DEFAULT, NULL, error);
}

/**
 * cohorts_recovery_discard:
 *
 * Removes the recovery @id, if it is there.
 */
void
cohorts_recovery_discard (const char *id)
{
  g_autofree char *plan_path = NULL;
  g_autofree char *info_path = NULL;

  g_return_if_fail (id != NULL);

  /* The key file first: a plan without one is never offered. */
  info_path = path_of (id, INFO_SUFFIX);
  plan_path = path_of (id, PLAN_SUFFIX);
  g_unlink (info_path);
  g_unlink (plan_path);
}
