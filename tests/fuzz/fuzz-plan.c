/* fuzz-plan.c: libFuzzer target for the .matplan loader and writer
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Loads the input as a plan. A refusal must come with a message that names
 * the file. A plan that loads must also pass the schema of its version (the
 * loader and the schema agree), and its saved form must load again, pass the
 * current schema and save to the same bytes (the round trip is stable).
 */
#define G_LOG_DOMAIN "fuzz-plan"

#include "config.h"

#include <string.h>

#include "cohorts-plan-xml.h"
#include "fuzz-common.h"

#define NAME "fuzz.matplan"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init ();
  return 0;
}

static void
check_round_trip (CohortsPlan *plan)
{
  g_autoptr(GBytes) saved = cohorts_plan_xml_to_bytes (plan);
  g_autoptr(GBytes) saved_again = NULL;
  g_autoptr(CohortsPlan) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  const char *text = g_bytes_get_data (saved, &length);

  reloaded = cohorts_plan_xml_load_data (text, length, "saved.matplan", COHORTS_PLAN_LOAD_SCHEMA, &error);
  if (reloaded == NULL)
    fuzz_fail ("the saved plan does not load again: %s\n--- saved ---\n%.*s", error->message, (int) length, text);

  saved_again = cohorts_plan_xml_to_bytes (reloaded);
  if (!g_bytes_equal (saved, saved_again))
    fuzz_fail ("the saved plan saves differently when loaded again\n--- first ---\n%.*s\n--- second ---\n%.*s",
               (int) length, text, (int) g_bytes_get_size (saved_again),
               (const char *) g_bytes_get_data (saved_again, NULL));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(CohortsPlan) plan = NULL;
  g_autoptr(CohortsPlan) validated = NULL;
  g_autoptr(GError) error = NULL;

  plan = cohorts_plan_xml_load_data ((const char *) data, size, NAME, COHORTS_PLAN_LOAD_DEFAULT, &error);
  if (plan == NULL)
    {
      if (error == NULL || !g_str_has_prefix (error->message, NAME ":"))
        fuzz_fail ("refused without a message that names the file: %s", error ? error->message : "(no error)");
      return 0;
    }

  /* Only what the loader accepts goes on to the schema (it would not look
   * at anything else): cheap, since most inputs are refused. */
  validated = cohorts_plan_xml_load_data ((const char *) data, size, NAME, COHORTS_PLAN_LOAD_SCHEMA, &error);
  if (validated == NULL)
    fuzz_fail ("the loader accepts what the schema refuses: %s", error->message);

  check_round_trip (plan);
  return 0;
}
