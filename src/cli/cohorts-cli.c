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
 *   --export   0 written, 2 unreadable, unwritable or a bad option; the
 *              timeline as PDF, SVG or PNG by OUT's extension, with
 *              --paper=A4|A3, --orientation=landscape|portrait,
 *              --pages=fit|tile, --from/--to=YYYY-MM[-DD], --columns=urn,
 *              phase,conversion,pupils,authority, --cohorts=ID,…,none and
 *              --today (the today line). SVG and PNG write a file a page;
 *              when there are several, their names are printed, one a line.
 *   --export-board-pack
 *              0 written, 2 unreadable or unwritable: the board pack PDF
 *              (cover, summary, timeline, capacity, findings, cohorts) as of
 *              --today.
 *   --import-gias CSV
 *              0 imported, 2 unreadable file or register: the DfE's
 *              establishment file into the school register (--register DB,
 *              or the user's); one line of summary on stdout, the first rows
 *              left out on stderr.
 *   --diff OLD NEW
 *              0 the same, 1 they differ, 2 a file unreadable (like diff(1)):
 *              what changed from OLD to NEW, one change a line:
 *              KIND TAB SUBJECT TAB SENTENCE.
 *   --diff PLAN --baseline NAME
 *              the same, from the plan's baseline of that name or id to the
 *              plan as it is; 2 also when it has no such baseline.
 *   --search TEXT
 *              0 found, 1 none, 2 no register, or a damaged one (with how to
 *              rebuild it): open schools of the register, one a line:
 *              URN TAB NAME TAB TOWN TAB PHASE (its token).
 *
 * Errors go to stderr as "FILE:LINE: message".
 */
#define G_LOG_DOMAIN "cohorts-cli"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "cohorts-board-pack.h"
#include "cohorts-checks.h"
#include "cohorts-cli.h"
#include "cohorts-diff.h"
#include "cohorts-paper.h"
#include "cohorts-plan-xml.h"
#include "cohorts-register.h"

enum {
  EXIT_OK = 0,
  EXIT_FINDINGS = 1,
  EXIT_UNREADABLE = 2,
};

/* Options that only the headless commands take: "--today" alone is a
 * mistake to report here, not an option for the application. */
static const char *const commands[] = {
  "--check", "--convert", "--export", "--export-board-pack", "--today",
  "--paper", "--orientation", "--pages", "--from", "--to", "--columns", "--cohorts",
  "--import-gias", "--search", "--register", "--diff", "--baseline",
};

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

static int
print_changes (GPtrArray *changes)
{
  for (guint i = 0; i < changes->len; i++)
    {
      CohortsChange *change = g_ptr_array_index (changes, i);

      print_to (stdout, "%s\t%s\t%s\n", cohorts_change_kind_to_token (change->kind),
                change->subject, change->message);
    }
  if (fflush (stdout) != 0 || ferror (stdout))
    {
      int saved_errno = errno;

      print_to (stderr, _("could not write the changes: %s\n"), g_strerror (saved_errno));
      return EXIT_UNREADABLE;
    }
  return changes->len > 0 ? EXIT_FINDINGS : EXIT_OK;
}

static int
run_diff (const char *old_path,
          const char *new_path)
{
  g_autoptr(CohortsPlan) old_plan = load (old_path);
  g_autoptr(CohortsPlan) new_plan = NULL;
  g_autoptr(GPtrArray) changes = NULL;

  if (old_plan == NULL)
    return EXIT_UNREADABLE;
  new_plan = load (new_path);
  if (new_plan == NULL)
    return EXIT_UNREADABLE;

  changes = cohorts_diff_plans (old_plan, new_plan);
  return print_changes (changes);
}

static int
run_diff_baseline (const char *path,
                   const char *name)
{
  g_autoptr(CohortsPlan) plan = load (path);
  g_autoptr(GPtrArray) changes = NULL;
  CohortsBaseline *baseline;

  if (plan == NULL)
    return EXIT_UNREADABLE;
  baseline = cohorts_plan_find_baseline (plan, name);
  if (baseline == NULL)
    {
      /* Translators: "plan.matplan: the plan has no baseline “Agreed” (by name or id)" */
      print_to (stderr, _("%s: the plan has no baseline “%s” (by name or id)\n"), path, name);
      return EXIT_UNREADABLE;
    }

  changes = cohorts_diff_baseline (baseline, plan);
  return print_changes (changes);
}

typedef struct
{
  char *paper;
  char *orientation;
  char *pages;
  char *from;
  char *to;
  char *columns;
  char *cohorts;
} ExportArgs;

static void
export_args_clear (ExportArgs *args)
{
  g_free (args->paper);
  g_free (args->orientation);
  g_free (args->pages);
  g_free (args->from);
  g_free (args->to);
  g_free (args->columns);
  g_free (args->cohorts);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ExportArgs, export_args_clear)

/* "2027-09" is the 1st of the month, or with @end its last day;
 * "2027-09-15" is that day. */
static gboolean
parse_month_or_day (const char   *option,
                    const char   *text,
                    gboolean      end,
                    CohortsDate  *date)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *day = NULL;
  gboolean month_only = strlen (text) == 7;

  day = month_only ? g_strconcat (text, "-01", NULL) : g_strdup (text);
  if (!cohorts_date_parse_iso (day, date, &error))
    {
      /* Translators: "--from: 2027-13 is not a month or a day (YYYY-MM or YYYY-MM-DD)" */
      print_to (stderr, _("%s: %s is not a month or a day (YYYY-MM or YYYY-MM-DD)\n"), option, text);
      return FALSE;
    }
  if (month_only && end)
    *date = cohorts_date_add_months (*date, 1) - 1;
  return TRUE;
}

/* Finds @word in @words ("a|b|c"): its place, or -1 after saying so. */
static int
choose (const char *option,
        const char *text,
        const char *words)
{
  g_auto(GStrv) choices = g_strsplit (words, "|", -1);

  for (int i = 0; choices[i] != NULL; i++)
    if (g_ascii_strcasecmp (text, choices[i]) == 0)
      return i;
  /* Translators: "--paper: A5 is not one of A4|A3" */
  print_to (stderr, _("%s: %s is not one of %s\n"), option, text, words);
  return -1;
}

static gboolean
parse_columns (const char *text,
               guint      *columns)
{
  static const char *const names[COHORTS_TIMELINE_N_COLUMNS] = {
    "urn", "phase", "conversion", "pupils", "authority",
  };
  g_auto(GStrv) words = g_strsplit (text, ",", -1);

  *columns = 0;
  for (guint i = 0; words[i] != NULL; i++)
    {
      int column = choose ("--columns", g_strstrip (words[i]), "urn|phase|conversion|pupils|authority");

      if (column < 0)
        return FALSE;
      g_assert ((guint) column < G_N_ELEMENTS (names));
      *columns |= 1u << column;
    }
  return TRUE;
}

/* Leaves out of @rows the cohorts not named in @text (cohort ids, and
 * "none" for the schools in no cohort). */
static gboolean
choose_cohorts (CohortsTimelineRows *rows,
                CohortsPlan         *plan,
                const char          *text)
{
  g_auto(GStrv) ids = g_strsplit (text, ",", -1);
  GListModel *cohorts = cohorts_plan_get_cohorts (plan);
  guint n = g_list_model_get_n_items (cohorts);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      gboolean found = g_str_equal (g_strstrip (ids[i]), "none");

      for (guint j = 0; j < n && !found; j++)
        {
          g_autoptr(CohortsCohort) cohort = g_list_model_get_item (cohorts, j);
          found = g_strcmp0 (cohorts_cohort_get_id (cohort), ids[i]) == 0;
        }
      if (!found)
        {
          /* Translators: "--cohorts: the plan has no cohort c9" */
          print_to (stderr, _("--cohorts: the plan has no cohort %s\n"), ids[i]);
          return FALSE;
        }
    }

  for (guint j = 0; j < n; j++)
    {
      g_autoptr(CohortsCohort) cohort = g_list_model_get_item (cohorts, j);
      cohorts_timeline_rows_set_hidden (rows, cohort, !g_strv_contains ((const char * const *) ids,
                                                                        cohorts_cohort_get_id (cohort)));
    }
  cohorts_timeline_rows_set_hidden (rows, NULL, !g_strv_contains ((const char * const *) ids, "none"));
  return TRUE;
}

/* "Saved 3 May 2027": when the plan file was last written. */
static char *
edition_of (const char *path)
{
  g_autoptr(GFile) file = file_for_arg (path);
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_TIME_MODIFIED,
                                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);
  g_autoptr(GDateTime) modified = NULL;
  g_autofree char *date = NULL;

  if (info == NULL || !g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_TIME_MODIFIED))
    return NULL;
  modified = g_file_info_get_modification_date_time (info);
  if (modified == NULL)
    return NULL;
  date = cohorts_date_format (cohorts_date_new (g_date_time_get_year (modified),
                                                g_date_time_get_month (modified),
                                                g_date_time_get_day_of_month (modified)));
  /* Translators: which version of a plan is printed: "Saved 3 May 2027" */
  return g_strdup_printf (_("Saved %s"), date);
}

static int
run_export (const char       *out_path,
            const char       *path,
            const ExportArgs *args,
            CohortsDate       today)
{
  g_autoptr(CohortsPlan) plan = NULL;
  g_autoptr(CohortsTimelineRows) rows = NULL;
  g_autoptr(CohortsPaper) paper = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *edition = NULL;
  CohortsPaperOptions options;
  CohortsExportFormat format;
  int size = 0, orientation = 0, pages = 0;
  double page_width, page_height;
  guint columns = 0;
  CohortsDate from = COHORTS_DATE_NONE, to = COHORTS_DATE_NONE;

  if (!cohorts_export_format_for_path (out_path, &format))
    {
      print_to (stderr, _("%s: give a file name ending in .pdf, .svg or .png\n"), out_path);
      return EXIT_UNREADABLE;
    }
  if ((args->paper != NULL && (size = choose ("--paper", args->paper, "A4|A3")) < 0) ||
      (args->orientation != NULL && (orientation = choose ("--orientation", args->orientation, "landscape|portrait")) < 0) ||
      (args->pages != NULL && (pages = choose ("--pages", args->pages, "fit|tile")) < 0) ||
      (args->columns != NULL && !parse_columns (args->columns, &columns)) ||
      (args->from != NULL && !parse_month_or_day ("--from", args->from, FALSE, &from)) ||
      (args->to != NULL && !parse_month_or_day ("--to", args->to, TRUE, &to)))
    return EXIT_UNREADABLE;
  if (from != COHORTS_DATE_NONE && to != COHORTS_DATE_NONE && to < from)
    {
      print_to (stderr, _("--to comes before --from\n"));
      return EXIT_UNREADABLE;
    }

  plan = load (path);
  if (plan == NULL)
    return EXIT_UNREADABLE;
  rows = cohorts_timeline_rows_new (plan);
  if (args->cohorts != NULL && !choose_cohorts (rows, plan, args->cohorts))
    return EXIT_UNREADABLE;

  edition = edition_of (path);
  cohorts_paper_options_init (&options, size == 1 ? COHORTS_PAPER_SIZE_A3 : COHORTS_PAPER_SIZE_A4,
                              orientation == 1 ? COHORTS_PAPER_PORTRAIT : COHORTS_PAPER_LANDSCAPE);
  cohorts_paper_get_size (size == 1 ? COHORTS_PAPER_SIZE_A3 : COHORTS_PAPER_SIZE_A4,
                          orientation == 1 ? COHORTS_PAPER_PORTRAIT : COHORTS_PAPER_LANDSCAPE,
                          &page_width, &page_height);
  options.mode = pages == 1 ? COHORTS_PAGES_TILE : COHORTS_PAGES_FIT;
  options.from = from;
  options.to = to;
  options.columns = columns;
  options.today = today;
  options.edition = edition;
  paper = cohorts_paper_new (rows, &options);

  if (!cohorts_paper_export (paper, out_path, format, page_width, page_height, NULL, NULL, NULL, &error))
    {
      print_to (stderr, _("%s: could not export: %s\n"), out_path, error->message);
      return EXIT_UNREADABLE;
    }

  if (format != COHORTS_EXPORT_PDF && cohorts_paper_get_n_pages (paper) > 1)
    for (guint i = 0; i < cohorts_paper_get_n_pages (paper); i++)
      {
        g_autofree char *page_path = cohorts_export_page_path (out_path, i, cohorts_paper_get_n_pages (paper));
        print_to (stdout, "%s\n", page_path);
      }
  return EXIT_OK;
}

static int
run_export_board_pack (const char  *out_path,
                       const char  *path,
                       CohortsDate  today)
{
  g_autoptr(CohortsPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *edition = NULL;
  CohortsBoardPackOptions options;

  if (!g_str_has_suffix (out_path, ".pdf") && !g_str_has_suffix (out_path, ".PDF"))
    {
      print_to (stderr, _("%s: a board pack is a PDF: give a file name ending in .pdf\n"), out_path);
      return EXIT_UNREADABLE;
    }

  plan = load (path);
  if (plan == NULL)
    return EXIT_UNREADABLE;

  edition = edition_of (path);
  cohorts_board_pack_options_init (&options);
  options.today = today;
  options.edition = edition;
  if (!cohorts_board_pack_export (plan, out_path, &options, NULL, NULL, NULL, &error))
    {
      print_to (stderr, _("%s: could not export: %s\n"), out_path, error->message);
      return EXIT_UNREADABLE;
    }
  return EXIT_OK;
}

static char *
register_path_or_default (const char *register_path)
{
  return register_path != NULL ? g_strdup (register_path) : cohorts_register_default_path ();
}

static int
run_import_gias (const char *csv_path,
                 const char *register_arg)
{
  g_autofree char *register_path = register_path_or_default (register_arg);
  g_autoptr(GError) error = NULL;
  g_autofree char *schools = NULL;
  g_autofree char *skipped = NULL;
  CohortsRegisterImportSummary summary = { 0, };

  if (!cohorts_register_import (register_path, csv_path, NULL, NULL, NULL, &summary, &error))
    {
      print_to (stderr, "%s\n", error->message);
      cohorts_register_import_summary_clear (&summary);
      return EXIT_UNREADABLE;
    }

  for (guint i = 0; i < summary.problems->len; i++)
    print_to (stderr, "%s\n", (const char *) g_ptr_array_index (summary.problems, i));
  if (summary.n_skipped > summary.problems->len)
    print_to (stderr, g_dngettext (GETTEXT_PACKAGE, "%s: and %u more row left out\n",
                                   "%s: and %u more rows left out\n", summary.n_skipped - summary.problems->len),
              csv_path, summary.n_skipped - summary.problems->len);

  /* Translators: "2 schools", in "edubasealldata20250401.csv: imported 2 schools into …" */
  schools = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u school", "%u schools", summary.n_imported),
                             summary.n_imported);
  /* Translators: "1 row left out", in "…: imported 2 schools into register.db; 1 row left out" */
  skipped = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u row left out", "%u rows left out", summary.n_skipped),
                             summary.n_skipped);
  /* Translators: "edubasealldata20250401.csv: imported 2 schools into register.db; 0 rows left out" */
  print_to (stdout, _("%s: imported %s into %s; %s\n"), csv_path, schools, register_path, skipped);
  cohorts_register_import_summary_clear (&summary);
  return EXIT_OK;
}

/* A value on one line of tab-separated output. */
static char *
one_cell (const char *text)
{
  char *cell = g_strdup (text);

  for (char *p = cell; *p != '\0'; p++)
    if (*p == '\t' || *p == '\n' || *p == '\r')
      *p = ' ';
  return cell;
}

static int
run_search (const char *text,
            const char *register_arg)
{
  g_autofree char *register_path = register_path_or_default (register_arg);
  g_autoptr(CohortsRegister) reg = NULL;
  g_autoptr(GPtrArray) matches = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *again = NULL;
  CohortsRegisterQuery query;

  reg = cohorts_register_open (register_path, &error);
  if (reg == NULL)
    {
      g_autofree char *source = cohorts_register_get_last_import (register_path);
      g_autofree char *quoted = source != NULL ? g_shell_quote (source) : g_strdup ("FILE");

      /* A damaged register is rebuilt from the file it was last imported from. */
      again = register_arg != NULL ? g_strdup_printf ("cohorts --import-gias %s --register %s", quoted, register_arg)
                                   : g_strdup_printf ("cohorts --import-gias %s", quoted);
      print_to (stderr, "%s\n", error->message);
      if (g_error_matches (error, COHORTS_REGISTER_ERROR, COHORTS_REGISTER_ERROR_NOT_FOUND))
        /* Translators: the command, "cohorts --import-gias FILE", is not translated */
        print_to (stderr, _("Import the DfE's establishment file (edubasealldataYYYYMMDD.csv) first: %s\n"), again);
      else if (g_error_matches (error, COHORTS_REGISTER_ERROR, COHORTS_REGISTER_ERROR_FOREIGN))
        print_to (stderr, _("Give --register the path of a school register, or import into a new file: %s\n"),
                  "cohorts --import-gias FILE --register DB");
      else
        /* Translators: the command, "cohorts --import-gias FILE", is not translated */
        print_to (stderr, _("To rebuild the register, import the DfE's establishment file again: %s\n"), again);
      return EXIT_UNREADABLE;
    }

  cohorts_register_query_init (&query, text);
  query.limit = 100;
  matches = cohorts_register_search (reg, &query, &error);
  if (matches == NULL)
    {
      print_to (stderr, "%s\n", error->message);
      return EXIT_UNREADABLE;
    }

  for (guint i = 0; i < matches->len; i++)
    {
      CohortsRegisterMatch *match = g_ptr_array_index (matches, i);
      g_autofree char *name = one_cell (match->name);
      g_autofree char *town = one_cell (match->town);

      print_to (stdout, "%u\t%s\t%s\t%s\n", match->urn, name, town,
                cohorts_enum_to_token (COHORTS_TYPE_PHASE, match->phase));
    }
  if (fflush (stdout) != 0 || ferror (stdout))
    {
      int saved_errno = errno;

      print_to (stderr, _("could not write the schools found: %s\n"), g_strerror (saved_errno));
      return EXIT_UNREADABLE;
    }
  return matches->len > 0 ? EXIT_OK : EXIT_FINDINGS;
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
  g_autofree char *export = NULL;
  g_autofree char *board_pack = NULL;
  g_autofree char *today_text = NULL;
  g_autofree char *import_gias = NULL;
  g_autofree char *search = NULL;
  g_autofree char *register_path = NULL;
  g_autofree char *diff = NULL;
  g_autofree char *baseline = NULL;
  g_auto(ExportArgs) export_args = { NULL, };
  guint n_commands;
  CohortsDate today;
  g_auto(GStrv) plans = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;
  const GOptionEntry entries[] = {
    { "check", 0, 0, G_OPTION_ARG_NONE, &check,
      N_("Check PLAN: print its findings, one a line"), NULL },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_text,
      N_("With --check, --export and --export-board-pack: as of that day rather than today"), N_("YYYY-MM-DD") },
    { "convert", 0, 0, G_OPTION_ARG_FILENAME, &convert,
      N_("Read PLAN and save it as OUT in the current format"), N_("OUT") },
    { "export", 0, 0, G_OPTION_ARG_FILENAME, &export,
      N_("Draw PLAN's timeline to OUT: a .pdf, .svg or .png"), N_("OUT") },
    { "export-board-pack", 0, 0, G_OPTION_ARG_FILENAME, &board_pack,
      N_("Write PLAN's board pack to OUT, a .pdf: cover, summary, timeline, capacity, findings and cohorts"),
      N_("OUT") },
    { "diff", 0, 0, G_OPTION_ARG_FILENAME, &diff,
      N_("Compare OLD with PLAN, a later version of it: print what changed, one change a line"), N_("OLD") },
    { "baseline", 0, 0, G_OPTION_ARG_STRING, &baseline,
      N_("With --diff PLAN: compare the plan's baseline of that name or id with the plan"), N_("NAME") },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &export_args.paper,
      N_("With --export: the paper, A4 (the default) or A3"), N_("SIZE") },
    { "orientation", 0, 0, G_OPTION_ARG_STRING, &export_args.orientation,
      N_("With --export: landscape (the default) or portrait"), N_("ORIENTATION") },
    { "pages", 0, 0, G_OPTION_ARG_STRING, &export_args.pages,
      N_("With --export: fit time to the page's width (fit, the default) or tile it across pages at a readable scale (tile)"),
      N_("fit|tile") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &export_args.from,
      N_("With --export: the first month or day shown"), N_("YYYY-MM[-DD]") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &export_args.to,
      N_("With --export: the last month or day shown"), N_("YYYY-MM[-DD]") },
    { "columns", 0, 0, G_OPTION_ARG_STRING, &export_args.columns,
      N_("With --export: columns beside the names, of urn, phase, conversion, pupils, authority"), N_("LIST") },
    { "cohorts", 0, 0, G_OPTION_ARG_STRING, &export_args.cohorts,
      N_("With --export: only these cohorts, by id; \"none\" for the schools in no cohort"), N_("IDS") },
    { "import-gias", 0, 0, G_OPTION_ARG_FILENAME, &import_gias,
      N_("Import the DfE's establishment file (edubasealldataYYYYMMDD.csv) into the school register"),
      N_("CSV") },
    { "search", 0, 0, G_OPTION_ARG_STRING, &search,
      N_("Find open schools in the school register by the start of words of their name, URN, town, "
         "postcode, authority, diocese or trust; print one a line"), N_("TEXT") },
    { "register", 0, 0, G_OPTION_ARG_FILENAME, &register_path,
      N_("With --import-gias and --search: the school register to use rather than your own"), N_("DB") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &plans, NULL, N_("PLAN") },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context,
                                _("Headless commands of Cohorts. Exit status: 0 when all is well, "
                                  "1 when --check finds errors, --diff finds changes or --search finds nothing, "
                                  "2 when a file cannot be read or written."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  args = g_strdupv (argv);
  if (!g_option_context_parse_strv (context, &args, &error))
    {
      print_to (stderr, "%s\n", error->message);
      return EXIT_UNREADABLE;
    }

  n_commands = (check ? 1 : 0) + (convert != NULL ? 1 : 0) + (export != NULL ? 1 : 0) + (board_pack != NULL ? 1 : 0) +
               (import_gias != NULL ? 1 : 0) + (search != NULL ? 1 : 0) + (diff != NULL ? 1 : 0);
  if (n_commands != 1)
    {
      print_to (stderr, _("Give one command: --check PLAN, --convert OUT PLAN, --export OUT PLAN, "
                          "--export-board-pack OUT PLAN, --diff OLD PLAN, --import-gias CSV or --search TEXT\n"));
      return EXIT_UNREADABLE;
    }

  if (register_path != NULL && import_gias == NULL && search == NULL)
    {
      print_to (stderr, _("--register goes with --import-gias or --search\n"));
      return EXIT_UNREADABLE;
    }

  if (import_gias != NULL || search != NULL)
    {
      if (today_text != NULL || export_args.paper != NULL || export_args.orientation != NULL ||
          export_args.pages != NULL || export_args.from != NULL || export_args.to != NULL ||
          export_args.columns != NULL || export_args.cohorts != NULL)
        {
          print_to (stderr, _("--import-gias and --search take no other option than --register\n"));
          return EXIT_UNREADABLE;
        }
      if (plans != NULL && plans[0] != NULL)
        {
          if (import_gias != NULL)
            print_to (stderr, _("--import-gias takes one file, the DfE's CSV\n"));
          else
            print_to (stderr, _("--search takes one argument: put words with spaces in quotes, "
                                "as in --search \"st mary\"\n"));
          return EXIT_UNREADABLE;
        }
      if (import_gias != NULL)
        return run_import_gias (import_gias, register_path);
      return run_search (search, register_path);
    }

  if (export == NULL && (export_args.paper != NULL || export_args.orientation != NULL ||
                         export_args.pages != NULL || export_args.from != NULL || export_args.to != NULL ||
                         export_args.columns != NULL || export_args.cohorts != NULL))
    {
      print_to (stderr, _("--paper, --orientation, --pages, --from, --to, --columns and --cohorts go with --export\n"));
      return EXIT_UNREADABLE;
    }

  if (baseline != NULL)
    {
      if (diff == NULL || (plans != NULL && plans[0] != NULL) || today_text != NULL)
        {
          print_to (stderr, _("--baseline goes with --diff PLAN alone\n"));
          return EXIT_UNREADABLE;
        }
      return run_diff_baseline (diff, baseline);
    }

  if (plans == NULL || g_strv_length (plans) != 1)
    {
      print_to (stderr, _("Give exactly one PLAN file\n"));
      return EXIT_UNREADABLE;
    }

  if (today_text != NULL && (convert != NULL || diff != NULL))
    {
      print_to (stderr, _("--today goes with --check, --export or --export-board-pack\n"));
      return EXIT_UNREADABLE;
    }

  if (diff != NULL)
    return run_diff (diff, plans[0]);

  today = cohorts_date_today ();
  if (today_text != NULL && !cohorts_date_parse_iso (today_text, &today, &error))
    {
      /* Translators: "--today: 2027-02-30 is not a date: February 2027 has 28 days" */
      print_to (stderr, _("--today: %s\n"), error->message);
      return EXIT_UNREADABLE;
    }

  if (check)
    return run_check (plans[0], today);
  if (export != NULL)
    return run_export (export, plans[0], &export_args, today);
  if (board_pack != NULL)
    return run_export_board_pack (board_pack, plans[0], today);
  return run_convert (convert, plans[0]);
}
