/* cohorts-crash-helper.c: a process for the tests to kill
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Not a test: test-recovery runs it and kills it with SIGKILL.
 *
 *   cohorts-crash-helper save-server SOURCE TARGET
 *     loads SOURCE once (a 5,000-school plan takes longer to load than to
 *     save) and prints "ready"; then for each line "COUNT A|B" it reads, it
 *     forks a saver, prints its process ID, and prints "ended STATUS" once
 *     that has ended. The saver saves the plan to TARGET COUNT times (0:
 *     until killed) with cohorts_plan_xml_save_file(), its title "Version A"
 *     and "Version B" by turns, the one named first.
 *
 *   cohorts-crash-helper autosave SOURCE ID
 *     loads SOURCE, renames its trust "Edited Before the Crash" and writes
 *     the recovery ID as the window's autosave does, prints "autosaved",
 *     then waits to be killed
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cohorts-plan-xml.h"
#include "cohorts-recovery.h"

static CohortsPlan *
load (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  CohortsPlan *plan = cohorts_plan_xml_load_file (file, NULL, COHORTS_PLAN_LOAD_DEFAULT, NULL, &error);

  if (plan == NULL)
    g_error ("%s", error->message);
  return plan;
}

static void
say (const char *line)
{
  fputs (line, stdout);
  fputc ('\n', stdout);
  fflush (stdout);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;

  if (argc == 4 && g_str_equal (argv[1], "save-server"))
    {
      g_autoptr(CohortsPlan) plan = load (argv[2]);
      g_autoptr(GFile) target = g_file_new_for_path (argv[3]);
      char command[64];

      say ("ready");
      while (fgets (command, sizeof command, stdin) != NULL)
        {
          guint64 count = g_ascii_strtoull (command, NULL, 10);
          guint first = strchr (command, 'B') != NULL ? 1 : 0;
          char reply[64];
          pid_t pid;
          int status;

          pid = fork ();
          if (pid < 0)
            g_error ("fork: %s", g_strerror (errno));
          if (pid == 0)
            {
              for (guint64 i = 0; count == 0 || i < count; i++)
                {
                  cohorts_plan_edit (plan, plan, "title", (i + first) % 2 ? "Version B" : "Version A", NULL);
                  if (!cohorts_plan_xml_save_file (plan, target, NULL, &error))
                    g_error ("%s", error->message);
                }
              _exit (0);
            }

          g_snprintf (reply, sizeof reply, "%d", (int) pid);
          say (reply);
          if (waitpid (pid, &status, 0) != pid)
            g_error ("waitpid: %s", g_strerror (errno));
          g_snprintf (reply, sizeof reply, "ended %d", status);
          say (reply);
        }
      return 0;
    }

  if (argc == 4 && g_str_equal (argv[1], "autosave"))
    {
      g_autoptr(CohortsPlan) plan = load (argv[2]);
      g_autoptr(GFile) file = g_file_new_for_path (argv[2]);
      g_autofree char *uri = g_file_get_uri (file);
      g_autoptr(GBytes) bytes = NULL;

      cohorts_plan_edit (plan, cohorts_plan_get_trust (plan), "name", "Edited Before the Crash", NULL);
      bytes = cohorts_plan_xml_to_bytes (plan);
      if (!cohorts_recovery_write (argv[3], bytes, uri, "Edited Before the Crash", &error))
        g_error ("%s", error->message);
      say ("autosaved");
      for (;;)
        pause ();
    }

  g_printerr ("Usage: %s save-server SOURCE TARGET | autosave SOURCE ID\n", argv[0]);
  return 2;
}
