/* cohorts-file.c: replacing a file safely
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A file is replaced by writing the new content to a temporary file beside
 * it, flushing that to disk, and renaming it over the file: whenever the
 * program stops (a crash, SIGKILL, a power cut after the rename is on disk),
 * the file is whole, old or new, never a mixture or truncated.
 *
 * The temporary file is named ".NAME.PID-XXXXXX.cohorts-tmp", hidden and
 * carrying the writer's process ID. A writer killed mid-save leaves its
 * temporary file behind; the next save of NAME removes every one whose
 * process is gone (a live one belongs to a save in progress elsewhere and is
 * left alone). Nothing ever reads them.
 */
#define G_LOG_DOMAIN "cohorts-file"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "cohorts-file.h"

/* Writes in pieces of this size, checking for cancellation between them. */
#define CHUNK_SIZE (1024 * 1024)

/**
 * cohorts_pid_is_alive:
 *
 * Returns: whether a process with this ID runs (a zombie, dead but not yet
 *   reaped by its parent, does not count)
 */
gboolean
cohorts_pid_is_alive (int pid)
{
  g_autofree char *stat_path = NULL;
  g_autofree char *stat = NULL;
  const char *end;

  if (pid <= 0)
    return FALSE;
  if (kill (pid, 0) != 0 && errno != EPERM)
    return FALSE;

  /* On Linux, /proc tells a zombie: "PID (name) Z ...". */
  stat_path = g_strdup_printf ("/proc/%d/stat", pid);
  if (g_file_get_contents (stat_path, &stat, NULL, NULL) && (end = strrchr (stat, ')')) != NULL)
    return !(end[1] == ' ' && (end[2] == 'Z' || end[2] == 'X'));
  return TRUE;
}

/**
 * cohorts_file_is_temp_name:
 * @name: a file name (no folder)
 * @basename: the name of the file being replaced
 * @pid: (out) (optional): the process that writes it
 *
 * Returns: whether @name is a temporary file of a save of @basename
 */
gboolean
cohorts_file_is_temp_name (const char *name,
                           const char *basename,
                           int        *pid)
{
  gsize base_len = strlen (basename);
  const char *p = name;
  char *end;
  long value;

  if (p[0] != '.' || strncmp (p + 1, basename, base_len) != 0 || p[1 + base_len] != '.')
    return FALSE;
  p += 2 + base_len;
  if (!g_ascii_isdigit (p[0]))
    return FALSE;
  value = strtol (p, &end, 10);
  if (value <= 0 || value > G_MAXINT || end[0] != '-')
    return FALSE;
  p = end + 1;
  for (int i = 0; i < 6; i++)
    if (!g_ascii_isxdigit (p[i]))
      return FALSE;
  if (strcmp (p + 6, COHORTS_FILE_TEMP_SUFFIX) != 0)
    return FALSE;

  if (pid != NULL)
    *pid = (int) value;
  return TRUE;
}

/**
 * cohorts_file_clean_stale_temps:
 * @path: a file that is saved with cohorts_file_replace()
 *
 * Removes the temporary files that saves of @path left behind when their
 * process died. The temporary files of saves still running stay.
 *
 * Returns: how many were removed
 */
guint
cohorts_file_clean_stale_temps (const char *path)
{
  g_autofree char *dir_path = g_path_get_dirname (path);
  g_autofree char *basename = g_path_get_basename (path);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint removed = 0;

  if (dir == NULL)
    return 0;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      int pid;

      if (cohorts_file_is_temp_name (name, basename, &pid) && pid != getpid () && !cohorts_pid_is_alive (pid))
        {
          g_autofree char *temp = g_build_filename (dir_path, name, NULL);

          if (g_unlink (temp) == 0)
            removed++;
        }
    }

  return removed;
}

static gboolean G_GNUC_PRINTF (3, 4)
fail (GError     **error,
      int          errsv,
      const char  *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv), "%s: %s", message, g_strerror (errsv));
  return FALSE;
}

static gboolean
write_all (int            fd,
           const char    *data,
           gsize          size,
           GCancellable  *cancellable,
           int           *errsv)
{
  while (size > 0)
    {
      gssize written;

      if (g_cancellable_is_cancelled (cancellable))
        {
          *errsv = ECANCELED;
          return FALSE;
        }

      written = write (fd, data, MIN (size, CHUNK_SIZE));
      if (written < 0)
        {
          if (errno == EINTR)
            continue;
          *errsv = errno;
          return FALSE;
        }
      data += written;
      size -= written;
    }
  return TRUE;
}

/* FILE~ becomes what FILE is now: a second name for it, or a copy where
 * the file system has no hard links. */
static gboolean
make_backup_of (const char  *target,
                GError     **error)
{
  g_autofree char *backup = g_strconcat (target, "~", NULL);
  g_autofree char *display = g_filename_display_name (backup);
  g_autofree char *contents = NULL;
  gsize length;

  if (g_unlink (backup) != 0 && errno != ENOENT)
    return fail (error, errno, _("Could not replace the backup “%s”"), display);

  if (link (target, backup) == 0)
    return TRUE;
  if (errno != EPERM && errno != ENOTSUP && errno != EXDEV && errno != EMLINK && errno != ENOSYS)
    return fail (error, errno, _("Could not make the backup “%s”"), display);

  if (!g_file_get_contents (target, &contents, &length, error))
    return FALSE;
  return g_file_set_contents (backup, contents, length, error);
}

/**
 * cohorts_file_replace:
 * @path: the file to write; a symbolic link is followed
 * @make_backup: keep what @path was as "@path~"
 *
 * Replaces @path by @data atomically: a temporary file beside it gets the
 * data and is flushed to disk, then renamed over @path (and the folder
 * flushed). Whenever it stops, @path is either as it was or the new
 * content. The new file keeps the old one's permissions. Meant for local
 * files (a GFile with a path).
 *
 * Returns: whether @path now holds @data; if not, it is as it was
 */
gboolean
cohorts_file_replace (const char    *path,
                      const void    *data,
                      gsize          size,
                      gboolean       make_backup,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autofree char *resolved = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *temp = NULL;
  g_autofree char *display = NULL;
  const char *target;
  struct stat st;
  gboolean exists;
  int fd = -1;
  int errsv = 0;
  int dir_fd;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (data != NULL || size == 0, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  display = g_filename_display_name (path);

  /* Through a symbolic link, the file it names is replaced. */
  resolved = realpath (path, NULL);
  target = resolved != NULL ? resolved : path;

  exists = g_stat (target, &st) == 0;
  if (exists && !S_ISREG (st.st_mode))
    {
      g_set_error (error, G_IO_ERROR, S_ISDIR (st.st_mode) ? G_IO_ERROR_IS_DIRECTORY : G_IO_ERROR_NOT_REGULAR_FILE,
                   _("“%s” is not a regular file"), display);
      return FALSE;
    }

  dir = g_path_get_dirname (target);
  basename = g_path_get_basename (target);
  cohorts_file_clean_stale_temps (target);

  for (int attempt = 0; attempt < 100 && fd < 0; attempt++)
    {
      g_autofree char *name = g_strdup_printf (".%s.%d-%06x" COHORTS_FILE_TEMP_SUFFIX,
                                               basename, (int) getpid (), g_random_int () & 0xffffff);

      g_free (temp);
      temp = g_build_filename (dir, name, NULL);
      fd = g_open (temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, exists ? (st.st_mode & 0777) : 0666);
      if (fd < 0 && errno != EEXIST)
        {
          errsv = errno;
          g_clear_pointer (&temp, g_free);
          return fail (error, errsv, _("Could not write “%s”"), display);
        }
    }
  if (fd < 0)
    {
      g_clear_pointer (&temp, g_free);
      return fail (error, EEXIST, _("Could not write “%s”"), display);
    }

  /* The same permissions as the file it replaces (the umask applied to a
   * new one). */
  if (exists)
    (void) fchmod (fd, st.st_mode & 07777);

  if (!write_all (fd, data, size, cancellable, &errsv) || fsync (fd) != 0)
    {
      if (errsv == 0)
        errsv = errno;
      close (fd);
      g_unlink (temp);
      if (errsv == ECANCELED)
        return !g_cancellable_set_error_if_cancelled (cancellable, error);
      return fail (error, errsv, _("Could not write “%s”"), display);
    }
  if (close (fd) != 0)
    {
      errsv = errno;
      g_unlink (temp);
      return fail (error, errsv, _("Could not write “%s”"), display);
    }

  if (exists && make_backup && !make_backup_of (target, error))
    {
      g_unlink (temp);
      return FALSE;
    }

  if (g_rename (temp, target) != 0)
    {
      errsv = errno;
      g_unlink (temp);
      return fail (error, errsv, _("Could not write “%s”"), display);
    }

  /* The rename itself reaches the disk with the folder. */
  dir_fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
  if (dir_fd >= 0)
    {
      (void) fsync (dir_fd);
      close (dir_fd);
    }

  return TRUE;
}
