/* main.c: the cohorts program
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "cohorts-application.h"
#include "cohorts-cli.h"

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Headless commands never start GTK, so they need no display. */
  if (cohorts_cli_handles (argc, argv))
    return cohorts_cli_run (argc, argv);

  {
    g_autoptr(CohortsApplication) app = cohorts_application_new ();

    g_set_application_name (_("Cohorts"));
    return g_application_run (G_APPLICATION (app), argc, argv);
  }
}
