/* cohorts-cli.c: the headless commands
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "cohorts --check PLAN" and "cohorts --convert OUT PLAN" run without a
 * display: this file uses the core only, never GTK. Exit status and output
 * are a contract for scripts (see DESIGN.md):
 *
 *   --check    0 no errors, 1 findings of severity error, 2 unreadable file;
 *              one finding a line on stdout: SEVERITY TAB CODE TAB SUBJECT TAB MESSAGE;
 *              --today=YYYY-MM-DD checks as of that day (steps overdue), so
 *              that a script's output does not change from one day to the next
 *   --convert  0 saved, 2 unreadable or unwritable
 *
 * Errors go to stderr as "FILE:LINE: message".
 */
#define G_LOG_DOMAIN "cohorts-cli"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "cohorts-checks.h"
#include "cohorts-cli.h"
#include "cohorts-plan-xml.h"

enum {
  EXIT_OK = 0,
  EXIT_FINDINGS = 1,
  EXIT_UNREADABLE = 2,
};

/* Options that only the headless commands take: "--today" alone is a
 * mistake to report here, not an option for the application. */
static const char *const commands[] = { "--check", "--convert", "--today" };

/* Output is for scripts: it is written as it is, UTF-8 text and paths as
 * they were given, whatever the locale. g_print() and g_printerr() convert
 * to the locale's character set, so under LC_ALL=C (cron, CI, containers) a
 * path with "é" was reported as "?" and a cohort's name lost its dashes. */
static void print_to (FILE       *stream,
                      const char *format,
                      ...) G_GNUC_PRINTF (2, 3);

static void
print_to (FILE       *stream,
          const char *format,
          ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);

  fputs (text, stream);
}

/**
 * cohorts_cli_handles:
 *
 * Returns: whether @argv asks for a headless command, which must run
 *   without starting the application (and without a display)
 */
gboolean
cohorts_cli_handles (int    argc,
                     char **argv)
{
  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--"))
        break;
      for (guint j = 0; j < G_N_ELEMENTS (commands); j++)
        if (g_str_equal (argv[i], commands[j]) ||
            (g_str_has_prefix (argv[i], commands[j]) && argv[i][strlen (commands[j])] == '='))
          return TRUE;
    }
  return FALSE;
}

/* A PLAN or OUT argument: a path, or a URI of a scheme GIO can open
 * ("sftp://host/plan.matplan"). g_file_new_for_commandline_arg() alone takes
 * any "word:" prefix for a scheme, so "draft:2.matplan", a file name like
 * any other, failed with "Operation not supported". */
static GFile *
file_for_arg (const char *arg)
{
  g_autofree char *scheme = g_uri_parse_scheme (arg);

  if (scheme != NULL)
    {
      const char * const *supported = g_vfs_get_supported_uri_schemes (g_vfs_get_default ());

      if (!g_strv_contains (supported, scheme))
        return g_file_new_for_path (arg);
    }

  return g_file_new_for_commandline_arg (arg);
}

static CohortsPlan *
load (const char *path)
{
  g_autoptr(GFile) file = file_for_arg (path);
  g_autoptr(GError) error = NULL;
  /* Scripts and IT officers run these to validate: use the schema as well. */
  CohortsPlan *plan = cohorts_plan_xml_load_file (file, path, COHORTS_PLAN_LOAD_SCHEMA, NULL, &error);

  if (plan == NULL)
    print_to (stderr, "%s\n", error->message);
  return plan;
}

static int
run_check (const char  *path,
           CohortsDate  today)
{
  g_autoptr(CohortsPlan) plan = load (path);
  g_autoptr(GPtrArray) findings = NULL;

  if (plan == NULL)
    return EXIT_UNREADABLE;

  findings = cohorts_checks_run_at (plan, today);
  for (guint i = 0; i < findings->len; i++)
    {
      CohortsFinding *finding = g_ptr_array_index (findings, i);

      print_to (stdout, "%s\t%s\t%s\t%s\n",
                cohorts_enum_to_token (COHORTS_TYPE_SEVERITY, finding->severity),
                finding->code, finding->subject, finding->message);
    }

  /* A script must not take findings it did not get (a full disk, a closed
   * pipe) for a clean plan. */
  if (fflush (stdout) != 0 || ferror (stdout))
    {
      int saved_errno = errno;

      print_to (stderr, _("could not write the findings: %s\n"), g_strerror (saved_errno));
      return EXIT_UNREADABLE;
    }

  return cohorts_checks_count (findings, COHORTS_SEVERITY_ERROR) > 0 ? EXIT_FINDINGS : EXIT_OK;
}

static int
run_convert (const char *out_path,
             const char *path)
{
  g_autoptr(CohortsPlan) plan = load (path);
  g_autoptr(GFile) out = NULL;
  g_autoptr(GError) error = NULL;

  if (plan == NULL)
    return EXIT_UNREADABLE;

  out = file_for_arg (out_path);
  if (!cohorts_plan_xml_save_file (plan, out, NULL, &error))
    {
      print_to (stderr, _("%s: could not save: %s\n"), out_path, error->message);
      return EXIT_UNREADABLE;
    }

  return EXIT_OK;
}

/**
 * cohorts_cli_run:
 *
 * Runs the headless command in @argv.
 *
 * Returns: the exit status
 */
int
cohorts_cli_run (int    argc,
                 char **argv)
{
  gboolean check = FALSE;
  g_autofree char *convert = NULL;
  g_autofree char *today_text = NULL;
  CohortsDate today;
  g_auto(GStrv) plans = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;
  const GOptionEntry entries[] = {
    { "check", 0, 0, G_OPTION_ARG_NONE, &check,
      N_("Check PLAN: print its findings, one a line"), NULL },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_text,
      N_("With --check: check as of that day rather than today"), N_("YYYY-MM-DD") },
    { "convert", 0, 0, G_OPTION_ARG_FILENAME, &convert,
      N_("Read PLAN and save it as OUT in the current format"), N_("OUT") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &plans, NULL, N_("PLAN") },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context,
                                _("Headless commands of Cohorts. Exit status: 0 when all is well, "
                                  "1 when --check finds errors, 2 when a file cannot be read or written."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  args = g_strdupv (argv);
  if (!g_option_context_parse_strv (context, &args, &error))
    {
      print_to (stderr, "%s\n", error->message);
      return EXIT_UNREADABLE;
    }

  if (check == (convert != NULL))
    {
      print_to (stderr, _("Give one command: --check PLAN or --convert OUT PLAN\n"));
      return EXIT_UNREADABLE;
    }

  if (plans == NULL || g_strv_length (plans) != 1)
    {
      print_to (stderr, _("Give exactly one PLAN file\n"));
      return EXIT_UNREADABLE;
    }

  if (today_text != NULL && !check)
    {
      print_to (stderr, _("--today goes with --check\n"));
      return EXIT_UNREADABLE;
    }

  today = cohorts_date_today ();
  if (today_text != NULL && !cohorts_date_parse_iso (today_text, &today, &error))
    {
      /* Translators: "--today: 2027-02-30 is not a date: February 2027 has 28 days" */
      print_to (stderr, _("--today: %s\n"), error->message);
      return EXIT_UNREADABLE;
    }

  if (check)
    return run_check (plans[0], today);
  return run_convert (convert, plans[0]);
}
