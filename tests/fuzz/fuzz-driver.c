/* fuzz-driver.c: runs a fuzz target over files, without libFuzzer
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Linked with each target in every build, so that `meson test` runs the
 * targets over their seed corpus and the regressions (the arguments: files,
 * or folders whose files are read) and the harnesses cannot rot. A bug makes
 * the target abort; a file that takes longer than a few seconds fails too.
 */
#define G_LOG_DOMAIN "fuzz-driver"

#include "config.h"

#include <string.h>

#include "fuzz-common.h"

#define MAX_SECONDS 5.0

static guint n_run;

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
run_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  gint64 start;
  double seconds;

  if (!g_file_get_contents (path, &contents, &length, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      exit (1);
    }
  start = g_get_monotonic_time ();
  LLVMFuzzerTestOneInput ((const uint8_t *) contents, length);
  seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  printf ("%s: %.3f s\n", path, seconds);
  if (seconds > MAX_SECONDS)
    {
      fprintf (stderr, "%s: took %.1f s, more than %.0f s\n", path, seconds, MAX_SECONDS);
      exit (1);
    }
  n_run++;
}

static void
run_path (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      run_file (path);
      return;
    }
  dir = g_dir_open (path, 0, NULL);
  if (dir == NULL)
    {
      fprintf (stderr, "%s: cannot read the folder\n", path);
      exit (1);
    }
  names = g_ptr_array_new_with_free_func (g_free);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (name[0] != '.' && !g_str_equal (name, "README.md"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *file = g_build_filename (path, g_ptr_array_index (names, i), NULL);

      run_file (file);
    }
}

int
main (int   argc,
      char *argv[])
{
  LLVMFuzzerInitialize (&argc, &argv);
  for (int i = 1; i < argc; i++)
    run_path (argv[i]);
  if (n_run == 0)
    {
      fprintf (stderr, "no input\n");
      return 1;
    }
  printf ("%u files, no failure\n", n_run);
  return 0;
}
