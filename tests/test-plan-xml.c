/* test-plan-xml.c: reading and writing .matplan files
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What is tested:
 *  - the example plan loads with every field in place, and writes back byte
 *    for byte; so do the good files in tests/files/good/ and plans built in
 *    code with every field set;
 *  - a plan's own schedule and its schools' milestones read and write back,
 *    and a schedule that names some steps only leaves the rest at their
 *    defaults;
 *  - files of format version 1 (tests/files/version-1/) load with the
 *    default schedule, validate against data/matplan-1.rng and are written
 *    in the current version; so do versions 2 and 3 with their schemas;
 *  - the readiness framework and the schools' answers (format version 4)
 *  - locks and funding a pupil (format version 5)
 *  - the review's comments, replies and decisions (format version 6), read,
 *    added, resolved, undone and written back; files of version 5 load with
 *    none
 *    read and write back, and a plan without <readiness> has the default;
 *  - every file in tests/files/bad/ is refused with an exact "NAME:LINE:
 *    message" and error code, with and without the schema pass, and the
 *    RELAX NG schema of the file's version itself agrees (or, for the rules
 *    the schema cannot state, is listed here as accepting the file);
 *  - the inputs the fuzzer found (tests/files/fuzz-regressions/) are
 *    refused with a message, or load and save stably, quickly;
 *  - hostile files generated at run time (over 64 MiB, 100,000 attributes,
 *    10,000 levels deep, a huge extension) are refused quickly;
 *  - errors past line 65535 name the exact line;
 *  - saving replaces the file safely and keeps a backup;
 *  - the asynchronous loader.
 */
#define G_LOG_DOMAIN "test-plan-xml"

#include "config.h"

#include <unistd.h>

#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/relaxng.h>

#if defined __has_include
# if __has_include (<valgrind/valgrind.h>)
#  include <valgrind/valgrind.h>
#  define HAVE_VALGRIND_H 1
# endif
#endif

#include "cohorts-cohort-private.h"
#include "cohorts-plan-private.h"
#include "cohorts-checks.h"
#include "cohorts-plan-xml.h"
#include "cohorts-record.h"
#include "cohorts-school-private.h"
#include "cohorts-text.h"
#include "cohorts-trust-private.h"

/* The schemas, compiled by libxml2 directly: data/matplan.rng (the current
 * version) and data/matplan-1.rng (version 1). */
static xmlRelaxNGPtr rng_schema;
static xmlRelaxNGPtr rng_schema_1;
static xmlRelaxNGPtr rng_schema_2;
static xmlRelaxNGPtr rng_schema_3;
static xmlRelaxNGPtr rng_schema_4;
static xmlRelaxNGPtr rng_schema_5;
static xmlRelaxNGPtr rng_schema_6;

/* Helpers */

static char *
example_path (void)
{
  return g_build_filename (COHORTS_SOURCE_DIR, "data", "examples", "northfield.matplan", NULL);
}

static char *
bad_file_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "files", "bad", name, NULL);
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static void
write_bytes (const char *path,
             const char *data,
             gssize      length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
}

/* Loads @path, naming it by its base name in messages. */
static CohortsPlan *
load_path (const char            *path,
           CohortsPlanLoadFlags   flags,
           GError               **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *name = g_path_get_basename (path);

  return cohorts_plan_xml_load_file (file, name, flags, NULL, error);
}

static CohortsPlan *
load_string (const char            *text,
             CohortsPlanLoadFlags   flags,
             GError               **error)
{
  return cohorts_plan_xml_load_data (text, strlen (text), "test.matplan", flags, error);
}

/* Compares two documents; on a difference, shows where it is. */
static void
assert_same_bytes (GBytes *expected,
                   GBytes *actual)
{
  gsize n_expected, n_actual, i;
  const char *e = g_bytes_get_data (expected, &n_expected);
  const char *a = g_bytes_get_data (actual, &n_actual);

  for (i = 0; i < n_expected && i < n_actual && e[i] == a[i]; i++)
    ;
  if (i < n_expected || i < n_actual)
    {
      gsize from = i > 80 ? i - 80 : 0;
      g_autofree char *e_part = g_strndup (e + from, MIN (n_expected - from, 240));
      g_autofree char *a_part = g_strndup (a + from, MIN (n_actual - from, 240));

      g_test_message ("documents differ at byte %" G_GSIZE_FORMAT, i);
      g_assert_cmpstr (a_part, ==, e_part);
      g_assert_cmpuint (n_actual, ==, n_expected);
    }
}

static void
assert_same_text (const char *expected,
                  GBytes     *actual)
{
  g_autoptr(GBytes) e = g_bytes_new_static (expected, strlen (expected));

  assert_same_bytes (e, actual);
}

/* Writes @plan, loads what was written and writes that again: the two
 * documents must be the same. Returns the first. */
static GBytes *
assert_round_trip (CohortsPlan *plan)
{
  g_autoptr(GBytes) first = cohorts_plan_xml_to_bytes (plan);
  g_autoptr(GBytes) second = NULL;
  g_autoptr(CohortsPlan) again = NULL;
  g_autoptr(GError) error = NULL;
  gsize size;
  const char *data = g_bytes_get_data (first, &size);

  again = cohorts_plan_xml_load_data (data, size, "first.matplan", COHORTS_PLAN_LOAD_SCHEMA, &error);
  g_assert_no_error (error);
  g_assert_nonnull (again);
  second = cohorts_plan_xml_to_bytes (again);
  assert_same_bytes (first, second);

  return g_steal_pointer (&first);
}

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

/* The limit for work that should take a fraction of a second: generous,
 * since the point is that it is bounded, and far more so under valgrind. */
static double
time_limit (void)
{
#ifdef HAVE_VALGRIND_H
  if (RUNNING_ON_VALGRIND)
    return 120.0;
#endif
  return 5.0;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR) || g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_remove (path);
      return;
    }

  g_chmod (path, 0755);
  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      remove_tree (child);
    }
  g_rmdir (path);
}

static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("cohorts-test-plan-xml-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
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
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  return names;
}

/* 1-based line of the byte at @offset. */
static int
line_at_offset (const GString *text,
                gsize          offset)
{
  int line = 1;

  g_assert_cmpuint (offset, <=, text->len);
  for (gsize i = 0; i < offset; i++)
    if (text->str[i] == '\n')
      line++;
  return line;
}

/* The schema, used directly */

static void
quiet_xml_error_cb (void        *data,
                    xmlErrorPtr  error)
{
  char **first = data;

  if (first != NULL && *first == NULL && error->message != NULL)
    *first = g_strstrip (g_strdup (error->message));
}

typedef enum
{
  RNG_NOT_WELL_FORMED,
  RNG_VALID,
  RNG_INVALID,
} RngVerdict;

/* The schema that a document says it follows: data/matplan-1.rng for
 * format-version="1", data/matplan-2.rng for "2", data/matplan-3.rng for
 * "3", else the current one
 * (which refuses other versions). */
static xmlRelaxNGPtr
schema_for (xmlDocPtr doc)
{
  xmlNodePtr root = xmlDocGetRootElement (doc);
  xmlChar *version = root ? xmlGetProp (root, BAD_CAST "format-version") : NULL;
  gboolean first = version != NULL && xmlStrEqual (version, BAD_CAST "1");
  gboolean second = version != NULL && xmlStrEqual (version, BAD_CAST "2");
  gboolean third = version != NULL && xmlStrEqual (version, BAD_CAST "3");
  gboolean fourth = version != NULL && xmlStrEqual (version, BAD_CAST "4");
  gboolean fifth = version != NULL && xmlStrEqual (version, BAD_CAST "5");
  gboolean sixth = version != NULL && xmlStrEqual (version, BAD_CAST "6");

  xmlFree (version);
  return first ? rng_schema_1 : second ? rng_schema_2 : third ? rng_schema_3 :
         fourth ? rng_schema_4 : fifth ? rng_schema_5 : sixth ? rng_schema_6 : rng_schema;
}

/* Validates @bytes against the schema of its version with libxml2 alone: no
 * network, no entity substitution, nothing of Cohorts' loader. */
static RngVerdict
rng_validate (GBytes      *bytes,
              const char  *name,
              char       **problem)
{
  xmlRelaxNGValidCtxtPtr context;
  xmlDocPtr doc;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  int ret;

  xmlSetStructuredErrorFunc (NULL, quiet_xml_error_cb);
  doc = xmlReadMemory (data, size, name, NULL, XML_PARSE_NONET | XML_PARSE_NOWARNING);
  if (doc == NULL)
    return RNG_NOT_WELL_FORMED;

  context = xmlRelaxNGNewValidCtxt (schema_for (doc));
  xmlRelaxNGSetValidStructuredErrors (context, quiet_xml_error_cb, problem);
  ret = xmlRelaxNGValidateDoc (context, doc);
  xmlRelaxNGFreeValidCtxt (context);
  xmlFreeDoc (doc);

  g_assert_cmpint (ret, >=, 0);
  return ret == 0 ? RNG_VALID : RNG_INVALID;
}

static void
assert_rng_valid (GBytes     *bytes,
                  const char *name)
{
  g_autofree char *problem = NULL;
  RngVerdict verdict = rng_validate (bytes, name, &problem);

  if (verdict != RNG_VALID)
    g_test_message ("%s: %s", name, problem ? problem : "not well-formed");
  g_assert_cmpint (verdict, ==, RNG_VALID);
}

/* Loading the example */

static CohortsSchool *
school_by_urn (CohortsPlan *plan,
               guint        urn)
{
  CohortsSchool *school = cohorts_plan_find_school (plan, urn);

  g_assert_nonnull (school);
  g_assert_cmpuint (cohorts_school_get_urn (school), ==, urn);
  return school;
}

static guint
urn_at (GListModel *model,
        guint       position)
{
  g_autoptr(CohortsSchool) school = g_list_model_get_item (model, position);

  g_assert_nonnull (school);
  return cohorts_school_get_urn (school);
}

static void
assert_urns (GListModel  *model,
             const guint *urns,
             guint        n_urns)
{
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_urns);
  for (guint i = 0; i < n_urns; i++)
    g_assert_cmpuint (urn_at (model, i), ==, urns[i]);
}

static void
assert_grade (CohortsSchool      *school,
              CohortsReportArea   area,
              CohortsReportGrade  grade)
{
  g_assert_cmpint (cohorts_school_get_report_grade (school, area), ==, grade);
}

static void
assert_date (CohortsDate date,
             const char *iso)
{
  g_autofree char *text = cohorts_date_to_iso (date);

  g_assert_cmpstr (text, ==, iso);
}

/* @start and @date are ISO dates, or NULL for none. */
static void
assert_milestone (CohortsSchool         *school,
                  CohortsStep            step,
                  const char            *start,
                  const char            *date,
                  CohortsMilestoneState  state)
{
  CohortsMilestone milestone;

  cohorts_school_get_milestone (school, step, &milestone);
  g_assert_cmpint (milestone.state, ==, state);
  if (start != NULL)
    assert_date (milestone.start, start);
  else
    g_assert_cmpuint (milestone.start, ==, COHORTS_DATE_NONE);
  if (date != NULL)
    assert_date (milestone.date, date);
  else
    g_assert_cmpuint (milestone.date, ==, COHORTS_DATE_NONE);
}

/* The schools' own dates, all together. */
static void
assert_n_milestones (CohortsPlan *plan,
                     guint        n)
{
  GListModel *schools = cohorts_plan_get_schools (plan);
  guint count = 0;

  for (guint i = 0; i < g_list_model_get_n_items (schools); i++)
    {
      g_autoptr(CohortsSchool) school = g_list_model_get_item (schools, i);

      for (CohortsStep step = 0; step < COHORTS_N_STEPS; step++)
        if (school->milestones[step].state != COHORTS_MILESTONE_SCHEDULED)
          count++;
    }
  g_assert_cmpuint (count, ==, n);
}

static void
check_example (CohortsPlan *plan)
{
  static const struct
  {
    const char *id;
    const char *name;
    const char *date;
    CohortsCohortStatus status;
    guint urns[5];
    guint n_urns;
  } cohorts[] = {
    { "c1", "Cohort 1", "2027-04-01", COHORTS_COHORT_STATUS_AGREED,
      { 938112, 938127, 938203, 938210, 938218 }, 5 },
    { "c2", "Cohort 2", "2027-09-01", COHORTS_COHORT_STATUS_DRAFT,
      { 938145, 938226, 938231, 938306, 938402 }, 5 },
    { "c3", "Cohort 3", "2028-04-01", COHORTS_COHORT_STATUS_DRAFT,
      { 938134, 938244, 938257, 938262, 938329 }, 5 },
    { "c4", "Cohort 4", "2028-09-01", COHORTS_COHORT_STATUS_DRAFT, { 938314 }, 1 },
    { "c5", "Cohort 5", "2029-01-01", COHORTS_COHORT_STATUS_DRAFT, { 938151 }, 1 },
  };
  static const guint unassigned[] = { 938275, 938283 };
  CohortsTrust *trust = cohorts_plan_get_trust (plan);
  GListModel *schools = cohorts_plan_get_schools (plan);
  GListModel *cohort_list = cohorts_plan_get_cohorts (plan);
  CohortsSchool *school;

  /* Counts and order */
  g_assert_cmpuint (cohorts_plan_get_n_schools (plan), ==, 19);
  g_assert_cmpuint (g_list_model_get_n_items (schools), ==, 19);
  g_assert_cmpuint (cohorts_plan_get_n_cohorts (plan), ==, 5);
  assert_urns (cohorts_plan_get_unassigned (plan), unassigned, G_N_ELEMENTS (unassigned));
  g_assert_cmpuint (urn_at (schools, 0), ==, 938112);
  g_assert_cmpuint (urn_at (schools, 1), ==, 938127);
  g_assert_cmpuint (urn_at (schools, 18), ==, 938402);
  g_assert_cmpint (cohorts_plan_get_source_version (plan), ==, 7);
  g_assert_false (cohorts_plan_is_modified (plan));

  /* The default schedule, and the dates the schools have so far (the plan
   * is as it stands on 23 November 2026). */
  g_assert_true (cohorts_schedule_is_default (cohorts_plan_get_schedule (plan)));
  school = school_by_urn (plan, 938112);
  assert_milestone (school, COHORTS_STEP_RESOLUTION, NULL, "2026-10-06", COHORTS_MILESTONE_DONE);
  assert_milestone (school, COHORTS_STEP_APPLICATION, NULL, "2026-11-04", COHORTS_MILESTONE_DONE);
  assert_milestone (school, COHORTS_STEP_ACADEMY_ORDER, NULL, "2026-12-10", COHORTS_MILESTONE_PLANNED);
  assert_milestone (school, COHORTS_STEP_CONSULTATION, "2027-01-04", "2027-02-15",
                    COHORTS_MILESTONE_PLANNED);
  assert_milestone (school, COHORTS_STEP_FUNDING_AGREEMENT, NULL, NULL, COHORTS_MILESTONE_SCHEDULED);
  assert_milestone (school_by_urn (plan, 938218), COHORTS_STEP_RESOLUTION, NULL, "2026-10-15",
                    COHORTS_MILESTONE_DONE);
  school = school_by_urn (plan, 938134);
  assert_milestone (school, COHORTS_STEP_DIOCESAN_CONSENT, NULL, "2026-11-17", COHORTS_MILESTONE_DONE);
  assert_milestone (school, COHORTS_STEP_APPLICATION, NULL, NULL, COHORTS_MILESTONE_SCHEDULED);
  assert_n_milestones (plan, 10);

  /* The plan and the trust */
  g_assert_cmpstr (cohorts_plan_get_title (plan), ==,
                   "Northfield Learning Partnership: conversion plan 2027–2030");
  assert_date (cohorts_plan_get_start_date (plan), "2026-09-01");
  g_assert_cmpstr (cohorts_trust_get_name (trust), ==, "Northfield Learning Trust");
  g_assert_cmpint (cohorts_trust_get_kind (trust), ==, COHORTS_TRUST_KIND_FORMING_MAT);
  g_assert_cmpstr (cohorts_trust_get_ukprn (trust), ==, "10098765");
  g_assert_cmpstr (cohorts_trust_get_reference (trust), ==, "");
  g_assert_cmpint (cohorts_trust_get_concurrent_conversions (trust), ==, 6);
  g_assert_cmpint (cohorts_trust_get_conversions_per_term (trust), ==, 5);
  g_assert_cmpint (cohorts_trust_get_top_slice (trust), ==, 500); /* "5": hundredths of a percent */
  g_assert_cmpint (cohorts_trust_get_annual_cost (trust), ==, 480000);
  g_assert_cmpint (cohorts_trust_get_academies_min (trust), ==, 15);
  g_assert_cmpint (cohorts_trust_get_academies_max (trust), ==, 20);
  g_assert_cmpint (cohorts_trust_get_target_pupils (trust), ==, 7500);
  g_assert_cmpint (cohorts_trust_get_within_years (trust), ==, 5);
  g_assert_true (g_str_has_prefix (cohorts_trust_get_notes (trust),
                                   "Formed by the schools of the Northfield Learning Partnership"));

  /* A high school with a report card */
  school = school_by_urn (plan, 938112);
  g_assert_cmpstr (cohorts_school_get_name (school), ==, "Northfield High School");
  g_assert_cmpint (cohorts_school_get_phase (school), ==, COHORTS_PHASE_HIGH);
  g_assert_cmpint (cohorts_school_get_establishment_type (school), ==, COHORTS_ESTABLISHMENT_COMMUNITY);
  g_assert_cmpint (cohorts_school_get_low_age (school), ==, 13);
  g_assert_cmpint (cohorts_school_get_high_age (school), ==, 18);
  g_assert_cmpint (cohorts_school_get_religious_character (school), ==,
                   COHORTS_RELIGIOUS_CHARACTER_NONE);
  g_assert_cmpint (cohorts_school_get_pupils (school), ==, 1214);
  g_assert_cmpint (cohorts_school_get_capacity (school), ==, 1300);
  g_assert_false (cohorts_school_get_small (school));
  g_assert_false (cohorts_school_get_rural (school));
  g_assert_cmpstr (cohorts_school_get_town (school), ==, "Northfield");
  g_assert_cmpstr (cohorts_school_get_postcode (school), ==, "NF1 4HS");
  g_assert_cmpstr (cohorts_school_get_la_code (school), ==, "899");
  g_assert_cmpstr (cohorts_school_get_la_name (school), ==, "Northshire");
  g_assert_cmpstr (cohorts_school_get_diocese_code (school), ==, "");
  g_assert_cmpint (cohorts_school_get_ofsted_grade (school), ==, COHORTS_OFSTED_GRADE_GOOD);
  assert_date (cohorts_school_get_ofsted_date (school), "2019-06-12");
  assert_date (cohorts_school_get_report_card_date (school), "2025-11-19");
  g_assert_cmpint (cohorts_school_get_safeguarding (school), ==, COHORTS_SAFEGUARDING_MET);
  assert_grade (school, COHORTS_REPORT_AREA_INCLUSION, COHORTS_REPORT_GRADE_STRONG_STANDARD);
  assert_grade (school, COHORTS_REPORT_AREA_CURRICULUM_AND_TEACHING, COHORTS_REPORT_GRADE_EXPECTED_STANDARD);
  assert_grade (school, COHORTS_REPORT_AREA_ACHIEVEMENT, COHORTS_REPORT_GRADE_EXPECTED_STANDARD);
  assert_grade (school, COHORTS_REPORT_AREA_ATTENDANCE_AND_BEHAVIOUR, COHORTS_REPORT_GRADE_STRONG_STANDARD);
  assert_grade (school, COHORTS_REPORT_AREA_PERSONAL_DEVELOPMENT, COHORTS_REPORT_GRADE_STRONG_STANDARD);
  assert_grade (school, COHORTS_REPORT_AREA_LEADERSHIP_AND_GOVERNANCE, COHORTS_REPORT_GRADE_STRONG_STANDARD);
  assert_grade (school, COHORTS_REPORT_AREA_EARLY_YEARS, COHORTS_REPORT_GRADE_NONE);
  assert_grade (school, COHORTS_REPORT_AREA_SIXTH_FORM, COHORTS_REPORT_GRADE_EXPECTED_STANDARD);
  g_assert_cmpint (cohorts_school_get_siams_outcome (school), ==, COHORTS_SIAMS_NONE);
  g_assert_cmpint (cohorts_school_get_budget_balance (school), ==, 412600);
  assert_date (cohorts_school_get_budget_date (school), "2026-03-31");
  g_assert_false (cohorts_school_get_recovery_plan (school));
  g_assert_true (g_str_has_prefix (cohorts_school_get_notes (school), "The only high school"));
  g_assert_true (cohorts_school_get_cohort (school) == cohorts_plan_find_cohort (plan, "c1"));

  /* A church middle school */
  school = school_by_urn (plan, 938134);
  g_assert_cmpstr (cohorts_school_get_name (school), ==, "St Aidan's Church of England Middle School");
  g_assert_cmpint (cohorts_school_get_phase (school), ==, COHORTS_PHASE_MIDDLE_DEEMED_SECONDARY);
  g_assert_cmpint (cohorts_school_get_establishment_type (school), ==,
                   COHORTS_ESTABLISHMENT_VOLUNTARY_AIDED);
  g_assert_cmpint (cohorts_school_get_religious_character (school), ==,
                   COHORTS_RELIGIOUS_CHARACTER_CHURCH_OF_ENGLAND);
  g_assert_cmpstr (cohorts_school_get_diocese_code (school), ==, "CE99");
  g_assert_cmpstr (cohorts_school_get_diocese_name (school), ==, "Diocese of Ashminster");
  g_assert_cmpint (cohorts_school_get_siams_outcome (school), ==, COHORTS_SIAMS_LIVING_UP_TO_FOUNDATION);
  assert_date (cohorts_school_get_siams_date (school), "2024-02-28");
  g_assert_false (cohorts_school_has_report_card (school));

  /* A deficit with a recovery plan */
  school = school_by_urn (plan, 938151);
  g_assert_cmpstr (cohorts_school_get_name (school), ==, "Hatherby Middle School");
  g_assert_cmpint (cohorts_school_get_phase (school), ==, COHORTS_PHASE_MIDDLE_DEEMED_PRIMARY);
  g_assert_cmpint (cohorts_school_get_establishment_type (school), ==, COHORTS_ESTABLISHMENT_FOUNDATION);
  g_assert_cmpint (cohorts_school_get_ofsted_grade (school), ==,
                   COHORTS_OFSTED_GRADE_REQUIRES_IMPROVEMENT);
  assert_date (cohorts_school_get_ofsted_date (school), "2023-10-04");
  g_assert_cmpint (cohorts_school_get_budget_balance (school), ==, -186400);
  g_assert_true (cohorts_school_get_recovery_plan (school));
  g_assert_false (cohorts_school_get_pfi (school));

  /* A small rural church first school, and another in deficit */
  school = school_by_urn (plan, 938257);
  g_assert_cmpint (cohorts_school_get_phase (school), ==, COHORTS_PHASE_FIRST);
  g_assert_true (cohorts_school_get_small (school));
  g_assert_true (cohorts_school_get_rural (school));
  g_assert_cmpint (cohorts_school_get_pupils (school), ==, 58);
  g_assert_cmpint (cohorts_school_get_siams_outcome (school), ==, COHORTS_SIAMS_GOOD);
  assert_date (cohorts_school_get_siams_date (school), "2022-06-15");
  school = school_by_urn (plan, 938275);
  g_assert_cmpint (cohorts_school_get_budget_balance (school), ==, -38700);
  g_assert_cmpint (cohorts_school_get_siams_outcome (school), ==,
                   COHORTS_SIAMS_NOT_YET_LIVING_UP_TO_FOUNDATION);
  g_assert_null (cohorts_school_get_cohort (school));

  /* No Ofsted grade, only a report card with early years */
  school = school_by_urn (plan, 938306);
  g_assert_cmpint (cohorts_school_get_ofsted_grade (school), ==, COHORTS_OFSTED_GRADE_NONE);
  g_assert_cmpuint (cohorts_school_get_ofsted_date (school), ==, COHORTS_DATE_NONE);
  assert_grade (school, COHORTS_REPORT_AREA_ACHIEVEMENT, COHORTS_REPORT_GRADE_NEEDS_ATTENTION);
  assert_grade (school, COHORTS_REPORT_AREA_EARLY_YEARS, COHORTS_REPORT_GRADE_EXPECTED_STANDARD);

  /* The rest of the vocabulary */
  g_assert_cmpint (cohorts_school_get_ofsted_grade (school_by_urn (plan, 938283)), ==,
                   COHORTS_OFSTED_GRADE_SERIOUS_WEAKNESSES);
  g_assert_true (cohorts_school_get_pfi (school_by_urn (plan, 938314)));
  school = school_by_urn (plan, 938402);
  g_assert_cmpint (cohorts_school_get_phase (school), ==, COHORTS_PHASE_SPECIAL);
  g_assert_cmpint (cohorts_school_get_establishment_type (school), ==,
                   COHORTS_ESTABLISHMENT_COMMUNITY_SPECIAL);
  g_assert_cmpint (cohorts_school_get_low_age (school), ==, 3);
  g_assert_cmpint (cohorts_school_get_high_age (school), ==, 19);
  g_assert_cmpint (cohorts_school_get_siams_outcome (school_by_urn (plan, 938329)), ==,
                   COHORTS_SIAMS_EXCELLENT);

  /* Cohorts, in order, with their members in order */
  for (guint i = 0; i < G_N_ELEMENTS (cohorts); i++)
    {
      g_autoptr(CohortsCohort) cohort = g_list_model_get_item (cohort_list, i);
      GListModel *members = cohorts_cohort_get_members (cohort);

      g_assert_cmpstr (cohorts_cohort_get_id (cohort), ==, cohorts[i].id);
      g_assert_cmpstr (cohorts_cohort_get_name (cohort), ==, cohorts[i].name);
      assert_date (cohorts_cohort_get_date (cohort), cohorts[i].date);
      g_assert_cmpint (cohorts_cohort_get_status (cohort), ==, cohorts[i].status);
      g_assert_true (cohorts_plan_find_cohort (plan, cohorts[i].id) == cohort);
      assert_urns (members, cohorts[i].urns, cohorts[i].n_urns);
      g_assert_cmpuint (cohorts_cohort_get_n_members (cohort), ==, cohorts[i].n_urns);
      for (guint j = 0; j < cohorts[i].n_urns; j++)
        g_assert_true (cohorts_school_get_cohort (school_by_urn (plan, cohorts[i].urns[j])) == cohort);
    }
  g_assert_cmpstr (cohorts_cohort_get_notes (cohorts_plan_find_cohort (plan, "c4")), ==,
                   "Dated late to leave time for the PFI contract variation.");

  /* Readiness: the first cohort green, the later ones mixed. Worked out
   * with the default weights (53 for a school that is not a church school,
   * 63 for a church school; half-weights below). */
  {
    static const struct
    {
      guint urn;
      guint64 points, out_of;
      CohortsRag rag;
    } ready[] = {
      { 938112, 96, 106, COHORTS_RAG_GREEN },   /* consultation, staff partly */
      { 938127, 101, 106, COHORTS_RAG_GREEN },
      { 938203, 106, 106, COHORTS_RAG_GREEN },
      { 938210, 100, 106, COHORTS_RAG_GREEN },
      { 938218, 100, 106, COHORTS_RAG_GREEN },
      { 938145, 62, 106, COHORTS_RAG_AMBER },   /* 58 % */
      { 938226, 68, 106, COHORTS_RAG_AMBER },   /* 64 %, consultation not assessed */
      { 938231, 48, 106, COHORTS_RAG_RED },     /* 45 % */
      { 938306, 78, 106, COHORTS_RAG_AMBER },   /* 73 % */
      { 938402, 0, 106, COHORTS_RAG_NOT_ASSESSED },
      { 938134, 110, 126, COHORTS_RAG_GREEN },  /* 87 % */
      { 938244, 64, 126, COHORTS_RAG_RED },     /* diocesan consent not met */
      { 938151, 24, 106, COHORTS_RAG_RED },     /* resolution not met */
    };

    for (guint i = 0; i < G_N_ELEMENTS (ready); i++)
      {
        CohortsReadinessScore score;

        g_test_message ("readiness of %u", ready[i].urn);
        cohorts_plan_score_school (plan, school_by_urn (plan, ready[i].urn), &score);
        g_assert_cmpuint (score.points, ==, ready[i].points);
        g_assert_cmpuint (score.out_of, ==, ready[i].out_of);
        g_assert_cmpint (score.rag, ==, ready[i].rag);
      }
    g_assert_cmpstr (cohorts_school_get_answer (school_by_urn (plan, 938244),
                                                COHORTS_CRITERION_DIOCESAN_CONSENT)->note, ==,
                     "The diocesan board of education meets in February 2027");
  }
}

static void
test_load_example (void)
{
  g_autofree char *path = example_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CohortsPlan) plan = load_path (path, COHORTS_PLAN_LOAD_DEFAULT, &error);

  g_assert_no_error (error);
  g_assert_nonnull (plan);
  check_example (plan);
}

static void
test_load_example_with_schema (void)
{
  g_autofree char *path = example_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CohortsPlan) plan = load_path (path, COHORTS_PLAN_LOAD_SCHEMA, &error);
  g_autoptr(GBytes) bytes = read_bytes (path);

  g_assert_no_error (error);
  g_assert_nonnull (plan);
  check_example (plan);
  assert_rng_valid (bytes, "northfield.matplan");
}

static void
test_load_missing_file (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "no-such.matplan", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CohortsPlan) plan = NULL;
  g_autofree char *expected = NULL;

  plan = cohorts_plan_xml_load_file (file, "no-such.matplan", COHORTS_PLAN_LOAD_DEFAULT, NULL, &error);
  g_assert_null (plan);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "no-such.matplan: there is no such file");
  g_clear_error (&error);

  /* Without a display name, the file is named by its path. */
  plan = cohorts_plan_xml_load_file (file, NULL, COHORTS_PLAN_LOAD_DEFAULT, NULL, &error);
  g_assert_null (plan);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  expected = g_strdup_printf ("%s: there is no such file", path);
  g_assert_cmpstr (error->message, ==, expected);

  remove_tree (dir);
}

static void
test_load_good_file (gconstpointer data)
{
  const char *path = data;
  g_autofree char *name = g_path_get_basename (path);
  g_autoptr(GBytes) bytes = read_bytes (path);
  g_autoptr(GBytes) written = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CohortsPlan) plan = NULL;

  plan = load_path (path, COHORTS_PLAN_LOAD_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (plan);
  g_clear_object (&plan);

  plan = load_path (path, COHORTS_PLAN_LOAD_SCHEMA, &error);
  g_assert_no_error (error);
  g_assert_nonnull (plan);
  assert_rng_valid (bytes, name);

  /* The good files are written as Cohorts writes them. */
  written = cohorts_plan_xml_to_bytes (plan);
  assert_same_bytes (bytes, written);
}

/* The good file with every element and attribute: values, as read. */
static void
test_load_everything (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "files", "good", "everything.matplan",
                                                 NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CohortsPlan) plan = load_path (path, COHORTS_PLAN_LOAD_DEFAULT, &error);
  CohortsTrust *trust;
  CohortsSchool *school;
  CohortsCohort *cohort;

  g_assert_no_error (error);
  g_assert_nonnull (plan);
  trust = cohorts_plan_get_trust (plan);

  g_assert_cmpstr (cohorts_plan_get_title (plan), ==,
                   "Every field: St Mary & St John’s “Brontë” <partnership> \"2027\" 'draft'");
  g_assert_cmpint (cohorts_trust_get_kind (trust), ==, COHORTS_TRUST_KIND_SPONSOR);
  g_assert_cmpstr (cohorts_trust_get_reference (trust), ==, "TR01234");
  g_assert_cmpint (cohorts_trust_get_concurrent_conversions (trust), ==, 0);
  g_assert_cmpint (cohorts_trust_get_top_slice (trust), ==, 725);
  g_assert_cmpint (cohorts_trust_get_annual_cost (trust), ==, G_GINT64_CONSTANT (999999999999));
  g_assert_cmpint (cohorts_trust_get_academies_max (trust), ==, 999999999);
  g_assert_cmpstr (cohorts_trust_get_notes (trust), ==,
                   "Line one of the trust's notes: costs & risks <high> \"quoted\" 'single'\ttab.\n"
                   "Line two, after a line break.\n"
                   "\n"
                   "Line four, after an empty line – with “curly quotes” and Brontë.");
  g_assert_cmpuint (trust->extensions->len, ==, 1);

  school = school_by_urn (plan, 100000);
  g_assert_cmpuint (cohorts_school_get_academy_urn (school), ==, 999999);
  g_assert_cmpint (cohorts_school_get_phase (school), ==, COHORTS_PHASE_SIXTEEN_PLUS);
  g_assert_cmpint (cohorts_school_get_establishment_type (school), ==,
                   COHORTS_ESTABLISHMENT_ACADEMY_ALTERNATIVE_PROVISION);
  g_assert_cmpint (cohorts_school_get_religious_character (school), ==,
                   COHORTS_RELIGIOUS_CHARACTER_ROMAN_CATHOLIC_CHURCH_OF_ENGLAND);
  g_assert_cmpint (cohorts_school_get_low_age (school), ==, 0);
  g_assert_cmpint (cohorts_school_get_high_age (school), ==, 99);
  g_assert_cmpint (cohorts_school_get_pupils (school), ==, 0);
  g_assert_cmpstr (cohorts_school_get_town (school), ==, "Ashby & “Brontë” <x> \"q\" 'a'");
  g_assert_cmpstr (cohorts_school_get_name (school), ==,
                   "St Mary & St John’s “Brontë” <Catholic> \"and\" 'Church of England' School");
  g_assert_cmpstr (cohorts_school_get_la_code (school), ==, "ABCDEFGH");
  g_assert_cmpstr (cohorts_school_get_la_name (school), ==, "Ñorthshire & Söuth");
  g_assert_cmpstr (cohorts_school_get_current_trust_reference (school), ==, "TR99999");
  g_assert_cmpstr (cohorts_school_get_current_trust_name (school), ==, "Old & Wise Trust");
  g_assert_cmpint (cohorts_school_get_ofsted_grade (school), ==, COHORTS_OFSTED_GRADE_SPECIAL_MEASURES);
  assert_date (cohorts_school_get_ofsted_date (school), "2024-02-29");
  g_assert_cmpint (cohorts_school_get_safeguarding (school), ==, COHORTS_SAFEGUARDING_NOT_MET);
  assert_grade (school, COHORTS_REPORT_AREA_PERSONAL_DEVELOPMENT, COHORTS_REPORT_GRADE_URGENT_IMPROVEMENT);
  assert_grade (school, COHORTS_REPORT_AREA_SIXTH_FORM, COHORTS_REPORT_GRADE_EXPECTED_STANDARD);
  g_assert_cmpint (cohorts_school_get_budget_balance (school), ==, G_GINT64_CONSTANT (-999999999999));
  g_assert_true (cohorts_school_get_pfi (school));
  g_assert_cmpstr (cohorts_school_get_notes (school), ==,
                   "\tStarts with a tab & ends with one\t\n"
                   "“Brontë” – a school note with <angle brackets> and \"quotes\".");
  g_assert_cmpuint (school->extensions->len, ==, 4);
  g_assert_cmpstr (g_ptr_array_index (school->extensions, 0), ==,
                   "<x:estates xmlns:x=\"urn:example:estates\" survey=\"2026-05-12\">Roof due 2029"
                   "</x:estates>");

  /* Optional dates left out */
  school = school_by_urn (plan, 999999);
  g_assert_cmpint (cohorts_school_get_ofsted_grade (school), ==, COHORTS_OFSTED_GRADE_GOOD);
  g_assert_cmpuint (cohorts_school_get_ofsted_date (school), ==, COHORTS_DATE_NONE);
  g_assert_cmpuint (cohorts_school_get_report_card_date (school), ==, COHORTS_DATE_NONE);
  g_assert_cmpint (cohorts_school_get_safeguarding (school), ==, COHORTS_SAFEGUARDING_MET);
  g_assert_cmpint (cohorts_school_get_siams_outcome (school), ==, COHORTS_SIAMS_EXCELLENT);
  g_assert_cmpuint (cohorts_school_get_siams_date (school), ==, COHORTS_DATE_NONE);
  g_assert_cmpint (cohorts_school_get_budget_balance (school), ==, 0);

  /* Phase and type left out */
  school = school_by_urn (plan, 100001);
  g_assert_cmpint (cohorts_school_get_phase (school), ==, COHORTS_PHASE_UNKNOWN);
  g_assert_cmpint (cohorts_school_get_establishment_type (school), ==, COHORTS_ESTABLISHMENT_UNKNOWN);
  g_assert_cmpint (cohorts_school_get_low_age (school), ==, COHORTS_COUNT_UNKNOWN);
  g_assert_cmpint (cohorts_school_get_budget_balance (school), ==, COHORTS_MONEY_UNKNOWN);
  g_assert_cmpstr (cohorts_school_get_name (school), ==, "");

  cohort = cohorts_plan_find_cohort (plan, "c2");
  g_assert_nonnull (cohort);
  g_assert_cmpuint (cohorts_cohort_get_date (cohort), ==, COHORTS_DATE_NONE);
  g_assert_cmpuint (cohorts_cohort_get_n_members (cohort), ==, 0);
  cohort = cohorts_plan_find_cohort (plan, "founding-cohort-2027");
  g_assert_cmpint (cohorts_cohort_get_status (cohort), ==, COHORTS_COHORT_STATUS_CONVERTED);
  g_assert_cmpuint (urn_at (cohorts_cohort_get_members (cohort), 0), ==, 999999);
  g_assert_cmpuint (cohort->extensions->len, ==, 1);
  g_assert_cmpuint (plan->extensions->len, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (cohorts_plan_get_unassigned (plan)), ==, 1);
}

/* The good file with a schedule of its own and milestones: values, as read. */
static void
test_load_schedule_and_milestones (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "files", "good",
                                                 "schedule-and-milestones.matplan", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CohortsPlan) plan = load_path (path, COHORTS_PLAN_LOAD_SCHEMA, &error);
  CohortsSchedule *schedule;
  CohortsSchool *school;
  CohortsMilestone planned[COHORTS_N_STEPS];

  g_assert_no_error (error);
  g_assert_nonnull (plan);
  g_assert_cmpint (cohorts_plan_get_source_version (plan), ==, COHORTS_PLAN_FORMAT_VERSION);

  schedule = cohorts_plan_get_schedule (plan);
  g_assert_false (cohorts_schedule_is_default (schedule));
  g_assert_cmpint (cohorts_schedule_get_church_lead_weeks (schedule), ==, 10);
  g_assert_cmpint (cohorts_schedule_get_weeks_before (schedule, COHORTS_STEP_RESOLUTION), ==, 104);
  g_assert_cmpint (cohorts_schedule_get_weeks_before (schedule, COHORTS_STEP_DIOCESAN_CONSENT), ==, 40);
  g_assert_cmpint (cohorts_schedule_get_weeks_before (schedule, COHORTS_STEP_CONSULTATION), ==, 14);
  g_assert_cmpint (cohorts_schedule_get_weeks (schedule, COHORTS_STEP_CONSULTATION), ==, 52);
  g_assert_cmpint (cohorts_schedule_get_weeks_before (schedule, COHORTS_STEP_TUPE), ==, 5);
  g_assert_cmpint (cohorts_schedule_get_weeks (schedule, COHORTS_STEP_TUPE), ==, 0);
  g_assert_cmpint (cohorts_schedule_get_weeks_before (schedule, COHORTS_STEP_FUNDING_AGREEMENT), ==, 0);
  g_assert_cmpint (cohorts_schedule_get_weeks (schedule, COHORTS_STEP_LEASE), ==, 0);
  g_assert_cmpint (cohorts_schedule_get_weeks_before (schedule, COHORTS_STEP_CONVERSION), ==, 0);

  school = school_by_urn (plan, 100001);
  assert_milestone (school, COHORTS_STEP_RESOLUTION, NULL, "2026-10-14", COHORTS_MILESTONE_DONE);
  assert_milestone (school, COHORTS_STEP_ACADEMY_ORDER, NULL, "2027-01-20", COHORTS_MILESTONE_PLANNED);
  assert_milestone (school, COHORTS_STEP_CONSULTATION, "2027-02-01", "2027-03-12",
                    COHORTS_MILESTONE_PLANNED);
  /* A step that lasts, without a start: the schedule's length decides it. */
  assert_milestone (school, COHORTS_STEP_TUPE, NULL, "2027-06-30", COHORTS_MILESTONE_PLANNED);
  assert_milestone (school, COHORTS_STEP_CONVERSION, NULL, "2027-08-01", COHORTS_MILESTONE_PLANNED);
  assert_milestone (school, COHORTS_STEP_APPLICATION, NULL, NULL, COHORTS_MILESTONE_SCHEDULED);
  g_assert_cmpstr (cohorts_school_get_notes (school), ==, "Converts a month before its cohort.");

  /* The school's own conversion date; the schedule's timings before it. */
  assert_date (cohorts_schedule_plan (schedule, school, planned), "2027-08-01");
  assert_date (planned[COHORTS_STEP_APPLICATION].date, "2026-12-20"); /* 32 weeks before */
  assert_date (planned[COHORTS_STEP_TUPE].start, "2027-06-30");      /* lasts 0 weeks */

  /* A lease for a voluntary aided school, which has none: kept as data
   * (the planning checks are the place to question it). */
  school = school_by_urn (plan, 100002);
  g_assert_false (cohorts_step_applies (COHORTS_STEP_LEASE, school));
  assert_milestone (school, COHORTS_STEP_LEASE, NULL, "2027-07-01", COHORTS_MILESTONE_PLANNED);
  assert_milestone (school, COHORTS_STEP_DIOCESAN_CONSENT, NULL, "2026-11-18", COHORTS_MILESTONE_DONE);
  /* A consultation that starts and ends on one day. */
  assert_milestone (school, COHORTS_STEP_CONSULTATION, "2027-03-01", "2027-03-01",
                    COHORTS_MILESTONE_PLANNED);

  assert_n_milestones (plan, 9);
}

/* A schedule may give some steps only, or none: the rest keep their
 * defaults. A version 2 plan may have no <schedule> at all. */
static void
test_load_schedule_subset (void)
{
  static const char head[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<plan xmlns=\"urn:io.github.cohorts:matplan\" format-version=\"7\">\n"
    "  <trust kind=\"forming-mat\"><name>T</name></trust>\n";
  static const char tail[] =
    "  <schools/>\n"
    "  <cohorts/>\n"
    "</plan>\n";
  static const struct
  {
    const char *schedule;
    int church_lead_weeks;
    CohortsStep step;
    int weeks_before;
    int weeks;
  } cases[] = {
    { "", 6, COHORTS_STEP_CONSULTATION, 12, 6 },
    { "  <schedule/>\n", 6, COHORTS_STEP_CONSULTATION, 12, 6 },
    { "  <schedule church-lead-weeks=\"0\"></schedule>\n", 0, COHORTS_STEP_RESOLUTION, 30, 0 },
    /* In any order; a step that lasts keeps its length when given none. */
    { "  <schedule>\n"
      "    <step id=\"tupe-consultation\" weeks-before=\"7\"/>\n"
      "    <step id=\"resolution\" weeks-before=\"40\"/>\n"
      "  </schedule>\n", 6, COHORTS_STEP_TUPE, 7, 6 },
    { "  <schedule church-lead-weeks=\"12\">\n"
      "    <step weeks=\"3\" weeks-before=\"9\" id=\"consultation\"/>\n"
      "  </schedule>\n", 12, COHORTS_STEP_CONSULTATION, 9, 3 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strconcat (head, cases[i].schedule, tail, NULL);
      g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));
      g_autoptr(GError) error = NULL;
      g_autoptr(CohortsPlan) plan = load_string (text, COHORTS_PLAN_LOAD_SCHEMA, &error);
      CohortsSchedule *schedule;
      guint n_changed = 0;

      g_assert_no_error (error);
      assert_rng_valid (bytes, "subset.matplan");
      schedule = cohorts_plan_get_schedule (plan);
      g_assert_cmpint (cohorts_schedule_get_church_lead_weeks (schedule), ==, cases[i].church_lead_weeks);
      g_assert_cmpint (cohorts_schedule_get_weeks_before (schedule, cases[i].step), ==,
                       cases[i].weeks_before);
      g_assert_cmpint (cohorts_schedule_get_weeks (schedule, cases[i].step), ==, cases[i].weeks);

      /* The steps the file does not name keep their defaults. */
      for (CohortsStep step = 0; step < COHORTS_N_STEPS; step++)
        if (cohorts_schedule_get_weeks_before (schedule, step) != cohorts_schedule_default_weeks_before (step) ||
            cohorts_schedule_get_weeks (schedule, step) != cohorts_schedule_default_weeks (step))
          n_changed++;
      g_assert_cmpuint (n_changed, ==, i < 3 ? 0 : i == 3 ? 2 : 1);
      g_assert_cmpint (cohorts_schedule_is_default (schedule), ==, i < 2);

      /* Written back whole. */
      g_clear_pointer (&bytes, g_bytes_unref);
      bytes = assert_round_trip (plan);
      g_assert_nonnull (g_strstr_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                      "    <step id=\"funding-agreement\" weeks-before=\"2\"/>\n"));
    }
}

/* Files of format version 1 (tests/files/version-1/) load with the default
 * schedule and no milestones, validate against data/matplan-1.rng, and are
 * written as version 2: the file of the same name in tests/files/good/. */
static void
test_load_version_1 (void)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "files", "version-1", NULL);
  g_autoptr(GPtrArray) names = list_dir (dir);

  g_assert_cmpuint (names->len, >=, 5);
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *good_path = g_test_build_filename (G_TEST_DIST, "files", "good", name, NULL);
      g_autoptr(GBytes) bytes = read_bytes (path);
      g_autoptr(GBytes) good = read_bytes (good_path);
      g_autoptr(GBytes) written = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(CohortsPlan) plan = NULL;

      g_test_message ("%s", name);
      g_assert_nonnull (g_strstr_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                      " format-version=\"1\""));

      for (int flags = COHORTS_PLAN_LOAD_DEFAULT; flags <= COHORTS_PLAN_LOAD_SCHEMA; flags++)
        {
          g_clear_object (&plan);
          plan = load_path (path, flags, &error);
          g_assert_no_error (error);
          g_assert_nonnull (plan);
        }
      assert_rng_valid (bytes, name);

      g_assert_cmpint (cohorts_plan_get_source_version (plan), ==, 1);
      g_assert_true (cohorts_schedule_is_default (cohorts_plan_get_schedule (plan)));
      assert_n_milestones (plan, 0);
      g_assert_false (cohorts_plan_is_modified (plan));

      written = cohorts_plan_xml_to_bytes (plan);
      assert_same_bytes (good, written);
    }
}

/* What a file of an older format version lacks once loaded. */
typedef void (*OldVersionCheck) (CohortsPlan *plan);

/* Files of format @version (tests/files/version-N/, the good files as they
 * were: at least @min_files of them) load, validate against that version's
 * schema (data/matplan-N.rng), pass @check, and are written in the current
 * version: the file of the same name in tests/files/good/. */
static void
check_old_version_files (int             version,
                         guint           min_files,
                         OldVersionCheck check)
{
  g_autofree char *folder = g_strdup_printf ("version-%d", version);
  g_autofree char *claim = g_strdup_printf (" format-version=\"%d\"", version);
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "files", folder, NULL);
  g_autoptr(GPtrArray) names = list_dir (dir);

  g_assert_cmpuint (names->len, >=, min_files);
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *good_path = g_test_build_filename (G_TEST_DIST, "files", "good", name, NULL);
      g_autoptr(GBytes) bytes = read_bytes (path);
      g_autoptr(GBytes) good = read_bytes (good_path);
      g_autoptr(GBytes) written = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(CohortsPlan) plan = NULL;

      g_test_message ("%s", name);
      g_assert_nonnull (g_strstr_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), claim));
      plan = load_path (path, COHORTS_PLAN_LOAD_SCHEMA, &error);
      g_assert_no_error (error);
      assert_rng_valid (bytes, name);
      g_assert_cmpint (cohorts_plan_get_source_version (plan), ==, version);
      check (plan);

      written = cohorts_plan_xml_to_bytes (plan);
      assert_same_bytes (good, written);
    }
}

/* Version 2 has no capacity limits: the checks' defaults. */
static void
check_version_2 (CohortsPlan *plan)
{
  g_assert_cmpint (cohorts_trust_get_support_ratio (cohorts_plan_get_trust (plan)), ==, -1);
}

/* Version 3: the default readiness framework and no answers. */
static void
check_version_3 (CohortsPlan *plan)
{
  g_assert_true (cohorts_framework_is_default (cohorts_readiness_get_framework (cohorts_plan_get_readiness (plan))));
  for (guint j = 0; j < cohorts_plan_get_n_schools (plan); j++)
    {
      g_autoptr(CohortsSchool) school = g_list_model_get_item (cohorts_plan_get_schools (plan), j);
      g_assert_false (cohorts_school_has_answers (school));
    }
}

/* Version 4: nothing locked, no funding a pupil. */
static void
check_version_4 (CohortsPlan *plan)
{
  g_assert_cmpint (cohorts_trust_get_funding_per_pupil (cohorts_plan_get_trust (plan)), ==, -1);
  for (guint j = 0; j < cohorts_plan_get_n_schools (plan); j++)
    {
      g_autoptr(CohortsSchool) school = g_list_model_get_item (cohorts_plan_get_schools (plan), j);
      g_assert_false (cohorts_school_get_locked (school));
    }
  for (guint j = 0; j < cohorts_plan_get_n_cohorts (plan); j++)
    {
      g_autoptr(CohortsCohort) cohort = g_list_model_get_item (cohorts_plan_get_cohorts (plan), j);
      g_assert_false (cohorts_cohort_get_locked (cohort));
    }
}

/* Version 5: no comments. */
static void
check_version_5 (CohortsPlan *plan)
{
  g_assert_cmpuint (g_list_model_get_n_items (cohorts_plan_get_comments (plan)), ==, 0);
}

/* Version 6: no church tracks, baselines or date changes. */
static void
check_version_6 (CohortsPlan *plan)
{
  for (guint j = 0; j < cohorts_plan_get_n_schools (plan); j++)
    {
      g_autoptr(CohortsSchool) school = g_list_model_get_item (cohorts_plan_get_schools (plan), j);
      g_assert_false (cohorts_school_has_church_track (school));
    }
  g_assert_cmpuint (g_list_model_get_n_items (cohorts_plan_get_baselines (plan)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (cohorts_plan_get_date_changes (plan)), ==, 0);
}

static void
test_load_version_2 (void)
{
  check_old_version_files (2, 5, check_version_2);
}

static void
test_load_version_3 (void)
{
  check_old_version_files (3, 5, check_version_3);
}

static void
test_load_version_4 (void)
{
  check_old_version_files (4, 6, check_version_4);
}

static void
test_load_version_5 (void)
{
  check_old_version_files (5, 8, check_version_5);
}

static void
test_load_version_6 (void)
{
  check_old_version_files (6, 9, check_version_6);
}

static gboolean
bytes_contain (GBytes     *bytes,
               const char *text)
{
  return g_strstr_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), text) != NULL;
}

/* The church track of tests/files/good/church-track.matplan, field by field;
 * a school without one has none. */
static void
test_church_track_load (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "files", "good", "church-track.matplan", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CohortsPlan) plan = load_path (path, COHORTS_PLAN_LOAD_SCHEMA, &error);
  CohortsSchool *aidan, *trinity, *chad;

  g_assert_no_error (error);
  aidan = cohorts_plan_find_school (plan, 100001);
  trinity = cohorts_plan_find_school (plan, 100002);
  chad = cohorts_plan_find_school (plan, 100003);

  g_assert_cmpint (cohorts_school_get_diocesan_consent (aidan), ==, COHORTS_CONSENT_GRANTED);
  g_assert_cmpuint (cohorts_school_get_diocesan_consent_requested (aidan), ==, cohorts_date_new (2026, 9, 14));
  g_assert_cmpuint (cohorts_school_get_diocesan_consent_decided (aidan), ==, cohorts_date_new (2026, 10, 20));
  g_assert_cmpint (cohorts_school_get_site_trustees_consent (aidan), ==, COHORTS_CONSENT_REQUESTED);
  g_assert_cmpuint (cohorts_school_get_site_trustees_consent_requested (aidan), ==, cohorts_date_new (2026, 11, 2));
  g_assert_cmpuint (cohorts_school_get_site_trustees_consent_decided (aidan), ==, COHORTS_DATE_NONE);
  g_assert_cmpint (cohorts_school_get_supplemental_agreement (aidan), ==, COHORTS_AGREEMENT_DRAFTING);
  g_assert_cmpuint (cohorts_school_get_supplemental_agreement_date (aidan), ==, cohorts_date_new (2026, 11, 10));
  g_assert_cmpint (cohorts_school_get_memorandum (aidan), ==, COHORTS_AGREEMENT_SIGNED);
  g_assert_cmpuint (cohorts_school_get_memorandum_date (aidan), ==, cohorts_date_new (2026, 6, 30));
  g_assert_cmpint (cohorts_school_get_foundation_governors (aidan), ==, 6);
  g_assert_cmpint (cohorts_school_get_governors (aidan), ==, 10);

  g_assert_cmpint (cohorts_school_get_diocesan_consent (trinity), ==, COHORTS_CONSENT_REFUSED);
  g_assert_cmpint (cohorts_school_get_site_trustees_consent (trinity), ==, COHORTS_CONSENT_NONE);
  g_assert_cmpint (cohorts_school_get_memorandum (trinity), ==, COHORTS_AGREEMENT_NONE);
  g_assert_cmpint (cohorts_school_get_governors (trinity), ==, COHORTS_COUNT_UNKNOWN);

  g_assert_true (cohorts_school_has_church_track (chad));
  g_assert_cmpint (cohorts_school_get_foundation_governors (chad), ==, COHORTS_COUNT_UNKNOWN);
  g_assert_cmpint (cohorts_school_get_governors (chad), ==, 9);

  /* Undoing an edit of the track writes the file as it was. */
  {
    g_autoptr(GBytes) before = cohorts_plan_xml_to_bytes (plan);
    g_autoptr(GBytes) after = NULL;

    cohorts_plan_edit (plan, trinity, "diocesan-consent", COHORTS_CONSENT_GRANTED,
                       "diocesan-consent-decided", cohorts_date_new (2026, 11, 20), NULL);
    after = cohorts_plan_xml_to_bytes (plan);
    g_assert_nonnull (g_strstr_len (g_bytes_get_data (after, NULL), -1,
                                    "<diocesan-consent state=\"granted\" requested=\"2026-05-01\" "
                                    "decided=\"2026-11-20\"/>"));
    cohorts_history_undo (cohorts_plan_get_history (plan));
    g_clear_pointer (&after, g_bytes_unref);
    after = cohorts_plan_xml_to_bytes (plan);
    assert_same_bytes (before, after);
  }
}

/* The comments of tests/files/good/reviews.matplan, field by field, and
 * written back byte for byte. */
static void
test_reviews_load (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "files", "good", "reviews.matplan", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CohortsPlan) plan = load_path (path, COHORTS_PLAN_LOAD_SCHEMA, &error);
  g_autoptr(GBytes) bytes = read_bytes (path);
  g_autoptr(GBytes) written = NULL;
  GListModel *comments;
  CohortsComment *r1, *r2, *r3, *r4;
  g_autofree char *shown = NULL;

  g_assert_no_error (error);
  assert_rng_valid (bytes, "reviews.matplan");
  comments = cohorts_plan_get_comments (plan);
  g_assert_cmpuint (g_list_model_get_n_items (comments), ==, 5);
  g_assert_cmpuint (cohorts_plan_get_n_open_comments (plan), ==, 3);

  r1 = cohorts_plan_find_comment (plan, "r1");
  g_assert_nonnull (r1);
  g_assert_cmpstr (cohorts_comment_get_subject (r1), ==, "school:100001");
  g_assert_cmpstr (cohorts_comment_get_author (r1), ==, "A. Reviewer");
  g_assert_cmpint (cohorts_comment_get_kind (r1), ==, COHORTS_COMMENT_KIND_REQUEST_CHANGES);
  g_assert_cmpstr (cohorts_comment_get_text (r1), ==, "Please check the consent.");
  g_assert_null (cohorts_comment_get_reply_to (r1));
  g_assert_false (cohorts_comment_get_resolved (r1));
  shown = cohorts_date_time_format (cohorts_comment_get_at (r1));
  g_assert_cmpstr (shown, ==, "18 November 2026, 10:42");

  r2 = cohorts_plan_find_comment (plan, "r2");
  g_assert_cmpstr (cohorts_comment_get_author (r2), ==, "Chief Executive & Co \"CEO\"");
  g_assert_cmpstr (cohorts_comment_get_reply_to (r2), ==, "r1");
  g_assert_cmpstr (cohorts_comment_get_text (r2), ==, "Agreed.\nThe land work\n  starts in February.");

  r3 = cohorts_plan_find_comment (plan, "r3");
  g_assert_cmpint (cohorts_comment_get_kind (r3), ==, COHORTS_COMMENT_KIND_APPROVE);
  g_assert_cmpstr (cohorts_comment_get_subject (r3), ==, "cohort:c1");
  g_assert_true (cohorts_comment_get_resolved (r3));
  g_assert_cmpstr (cohorts_comment_get_resolved_by (r3), ==, "Chief Executive");
  g_clear_pointer (&shown, g_free);
  shown = cohorts_date_time_to_iso (cohorts_comment_get_resolved_at (r3));
  g_assert_cmpstr (shown, ==, "2026-11-21T08:00:00Z");

  r4 = cohorts_plan_find_comment (plan, "r4");
  g_assert_cmpint (cohorts_comment_get_kind (r4), ==, COHORTS_COMMENT_KIND_NOTE);
  g_assert_cmpstr (cohorts_comment_get_text (r4), ==, "");
  g_assert_true (cohorts_comment_get_resolved (r4));
  g_assert_null (cohorts_comment_get_resolved_by (r4));
  g_assert_cmpint (cohorts_comment_get_resolved_at (r4), ==, COHORTS_DATE_TIME_NONE);

  written = cohorts_plan_xml_to_bytes (plan);
  assert_same_bytes (bytes, written);
}

/* Adding, replying, resolving: each one step to undo and redo, each saved
 * as the file has it, and what a file cannot hold refused. */
static void
test_reviews_edit (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "files", "good", "locks.matplan", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CohortsPlan) plan = load_path (path, COHORTS_PLAN_LOAD_SCHEMA, &error);
  CohortsHistory *history = cohorts_plan_get_history (plan);
  GListModel *comments = cohorts_plan_get_comments (plan);
  CohortsComment *comment, *reply, *other;
  g_autoptr(GBytes) written = NULL;
  g_autoptr(CohortsPlan) again = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (comments), ==, 0);

  /* Add */
  comment = cohorts_plan_add_comment (plan, "school:100001", "  Canon Ruth Ellison ",
                                      COHORTS_COMMENT_KIND_REQUEST_CHANGES,
                                      "Consent first.\r\nThen the land.", NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (comment);
  g_assert_cmpstr (cohorts_comment_get_id (comment), ==, "r1");
  g_assert_cmpstr (cohorts_comment_get_author (comment), ==, "Canon Ruth Ellison");
  g_assert_cmpstr (cohorts_comment_get_text (comment), ==, "Consent first.\nThen the land.");
  g_assert_cmpint (ABS (cohorts_comment_get_at (comment) - g_get_real_time () / G_USEC_PER_SEC), <=, 5);
  g_assert_cmpstr (cohorts_history_get_undo_label (history), ==, "Add Comment");
  g_assert_true (cohorts_plan_is_modified (plan));
  g_assert_cmpuint (g_list_model_get_n_items (comments), ==, 1);

  cohorts_history_undo (history);
  g_assert_cmpuint (g_list_model_get_n_items (comments), ==, 0);
  g_assert_null (cohorts_plan_find_comment (plan, "r1"));
  g_assert_false (cohorts_plan_is_modified (plan));
  cohorts_history_redo (history);
  g_assert_true (cohorts_plan_find_comment (plan, "r1") == comment);

  /* Reply */
  reply = cohorts_plan_add_comment (plan, "school:100001", "Helen Marsh", COHORTS_COMMENT_KIND_COMMENT,
                                    "Agreed.", comment, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cohorts_comment_get_id (reply), ==, "r2");
  g_assert_cmpstr (cohorts_comment_get_reply_to (reply), ==, "r1");
  g_assert_cmpstr (cohorts_history_get_undo_label (history), ==, "Add Reply");
  cohorts_history_undo (history);
  g_assert_cmpuint (g_list_model_get_n_items (comments), ==, 1);
  cohorts_history_redo (history);
  g_assert_cmpuint (g_list_model_get_n_items (comments), ==, 2);

  /* Resolve */
  cohorts_plan_resolve_comment (plan, comment, TRUE, "Helen Marsh");
  g_assert_true (cohorts_comment_get_resolved (comment));
  g_assert_cmpstr (cohorts_comment_get_resolved_by (comment), ==, "Helen Marsh");
  g_assert_cmpint (cohorts_comment_get_resolved_at (comment), !=, COHORTS_DATE_TIME_NONE);
  g_assert_cmpstr (cohorts_history_get_undo_label (history), ==, "Resolve Comment");
  g_assert_cmpuint (cohorts_plan_get_n_open_comments (plan), ==, 1);
  cohorts_history_undo (history);
  g_assert_false (cohorts_comment_get_resolved (comment));
  g_assert_null (cohorts_comment_get_resolved_by (comment));
  cohorts_history_redo (history);
  g_assert_true (cohorts_comment_get_resolved (comment));

  /* Refused: no such subject, no author, a reply about something else */
  other = cohorts_plan_add_comment (plan, "school:999999", "X", COHORTS_COMMENT_KIND_COMMENT, "", NULL,
                                    &error);
  g_assert_null (other);
  g_assert_error (error, COHORTS_PLAN_ERROR, COHORTS_PLAN_ERROR_INVALID);
  g_clear_error (&error);
  other = cohorts_plan_add_comment (plan, "plan", "  ", COHORTS_COMMENT_KIND_COMMENT, "", NULL, &error);
  g_assert_null (other);
  g_assert_error (error, COHORTS_PLAN_ERROR, COHORTS_PLAN_ERROR_INVALID);
  g_clear_error (&error);
  other = cohorts_plan_add_comment (plan, "cohort:c1", "X", COHORTS_COMMENT_KIND_COMMENT, "", comment,
                                    &error);
  g_assert_null (other);
  g_assert_error (error, COHORTS_PLAN_ERROR, COHORTS_PLAN_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (g_list_model_get_n_items (comments), ==, 2);

  /* An approval of the plan, with no text */
  other = cohorts_plan_add_comment (plan, "plan", "Board", COHORTS_COMMENT_KIND_APPROVE, NULL, NULL, &error);
  g_assert_no_error (error);

  /* Saved, read back, the same */
  written = cohorts_plan_xml_to_bytes (plan);
  g_assert_true (bytes_contain (written, "<reviews>\n    <comment id=\"r1\" subject=\"school:100001\" "
                                         "author=\"Canon Ruth Ellison\" at=\""));
  g_assert_true (bytes_contain (written, "kind=\"request-changes\" resolved=\"true\" "
                                         "resolved-by=\"Helen Marsh\" resolved-at=\""));
  g_assert_true (bytes_contain (written, "kind=\"comment\" reply-to=\"r1\">Agreed.</comment>"));
  g_assert_true (bytes_contain (written, "subject=\"plan\" author=\"Board\""));
  again = cohorts_plan_xml_load_data (g_bytes_get_data (written, NULL), g_bytes_get_size (written),
                                      "again.matplan", COHORTS_PLAN_LOAD_SCHEMA, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (cohorts_plan_get_comments (again)), ==, 3);
  {
    g_autoptr(GBytes) twice = cohorts_plan_xml_to_bytes (again);
    assert_same_bytes (written, twice);
  }
}

/* A school's or cohort's comments go with it (the file may not name what
 * the plan lacks) and come back on undo; they follow a new URN. */
static void
test_reviews_follow_subjects (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "files", "good", "reviews.matplan", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CohortsPlan) plan = load_path (path, COHORTS_PLAN_LOAD_SCHEMA, &error);
  CohortsHistory *history = cohorts_plan_get_history (plan);
  GListModel *comments = cohorts_plan_get_comments (plan);
  CohortsSchool *school;
  g_autoptr(GBytes) bytes = read_bytes (path);
  g_autoptr(GBytes) written = NULL;

  g_assert_no_error (error);
  school = cohorts_plan_find_school (plan, 100001);

  cohorts_plan_remove_school (plan, school);
  g_assert_cmpuint (g_list_model_get_n_items (comments), ==, 2);
  g_assert_null (cohorts_plan_find_comment (plan, "r1"));
  g_assert_cmpstr (cohorts_history_get_undo_label (history), ==, "Remove School");
  written = cohorts_plan_xml_to_bytes (plan);
  g_assert_false (bytes_contain (written, "school:100001"));
  g_clear_pointer (&written, g_bytes_unref);
  cohorts_history_undo (history);
  written = cohorts_plan_xml_to_bytes (plan);
  assert_same_bytes (bytes, written);
  g_clear_pointer (&written, g_bytes_unref);

  cohorts_plan_remove_cohort (plan, cohorts_plan_find_cohort (plan, "c1"));
  g_assert_null (cohorts_plan_find_comment (plan, "r3"));
  g_assert_cmpuint (g_list_model_get_n_items (comments), ==, 4);
  cohorts_history_undo (history);
  g_assert_nonnull (cohorts_plan_find_comment (plan, "r3"));

  g_assert_true (cohorts_plan_set_school_urn (plan, school, 100009, &error));
  g_assert_cmpstr (cohorts_comment_get_subject (cohorts_plan_find_comment (plan, "r1")), ==, "school:100009");
  cohorts_history_undo (history);
  written = cohorts_plan_xml_to_bytes (plan);
  assert_same_bytes (bytes, written);
}

/* The locks and the funding a pupil of tests/files/good/locks.matplan, saved
 * as they were read, and an edit of each, through the plan, undone. */
static void
test_locks (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "files", "good", "locks.matplan", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CohortsPlan) plan = load_path (path, COHORTS_PLAN_LOAD_SCHEMA, &error);
  CohortsSchool *locked, *free_school;
  CohortsCohort *c2, *c3;
  g_autoptr(GBytes) bytes = read_bytes (path);
  g_autoptr(GBytes) written = NULL;

  g_assert_no_error (error);
  assert_rng_valid (bytes, "locks.matplan");
  g_assert_cmpint (cohorts_trust_get_funding_per_pupil (cohorts_plan_get_trust (plan)), ==, 6150);
  locked = cohorts_plan_find_school (plan, 100001);
  free_school = cohorts_plan_find_school (plan, 100002);
  c2 = cohorts_plan_find_cohort (plan, "c1");
  c3 = cohorts_plan_find_cohort (plan, "c0");
  g_assert_true (cohorts_school_get_locked (locked));
  g_assert_false (cohorts_school_get_locked (free_school));
  g_assert_true (cohorts_cohort_get_locked (c2));
  g_assert_false (cohorts_cohort_get_locked (c3));

  written = cohorts_plan_xml_to_bytes (plan);
  assert_same_bytes (bytes, written);
  g_clear_pointer (&written, g_bytes_unref);

  cohorts_plan_edit (plan, free_school, "locked", TRUE, NULL);
  cohorts_plan_edit (plan, c3, "locked", TRUE, NULL);
  g_assert_true (cohorts_school_get_locked (free_school));
  g_assert_true (cohorts_cohort_get_locked (c3));
  written = cohorts_plan_xml_to_bytes (plan);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (written, NULL), g_bytes_get_size (written),
                                  "<school urn=\"100002\" phase=\"secondary\" pupils=\"900\" locked=\"true\">"));
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (written, NULL), g_bytes_get_size (written),
                                  "<cohort id=\"c0\" date=\"2027-04-01\" status=\"draft\" locked=\"true\">"));

  cohorts_history_undo (cohorts_plan_get_history (plan));
  cohorts_history_undo (cohorts_plan_get_history (plan));
  g_assert_false (cohorts_school_get_locked (free_school));
  g_assert_false (cohorts_cohort_get_locked (c3));
}

/* The readiness framework and answers of tests/files/good/readiness.matplan,
 * field by field; a <readiness> that names some criteria leaves the others
 * at their defaults, and none at all is the default framework. */
static void
test_readiness (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "files", "good", "readiness.matplan", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CohortsPlan) plan = load_path (path, COHORTS_PLAN_LOAD_SCHEMA, &error);
  const CohortsFramework *f;
  const CohortsAnswer *a;
  CohortsSchool *ashby, *marys;
  CohortsReadinessScore score;
  static const char partial[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<plan xmlns=\"urn:io.github.cohorts:matplan\" format-version=\"7\">\n"
    "  <trust kind=\"forming-mat\"><name>T</name></trust>\n"
    "  <readiness amber-min=\"40\">\n"
    "    <criterion id=\"viability\" weight=\"1\"/>\n"
    "  </readiness>\n"
    "  <schools/>\n"
    "  <cohorts/>\n"
    "</plan>\n";
  CohortsFramework expected;

  g_assert_no_error (error);
  f = cohorts_readiness_get_framework (cohorts_plan_get_readiness (plan));
  g_assert_cmpint (f->green_min, ==, 80);
  g_assert_cmpint (f->amber_min, ==, 55);
  g_assert_cmpint (f->weights[COHORTS_CRITERION_CONSULTATION], ==, 9);
  g_assert_true (f->critical[COHORTS_CRITERION_CONSULTATION]);
  g_assert_false (f->critical[COHORTS_CRITERION_RESOLUTION]);
  g_assert_true (f->critical[COHORTS_CRITERION_DIOCESAN_CONSENT]);

  ashby = cohorts_plan_find_school (plan, 100001);
  a = cohorts_school_get_answer (ashby, COHORTS_CRITERION_FINANCES);
  g_assert_cmpint (a->state, ==, COHORTS_ANSWER_PARTLY);
  g_assert_cmpstr (a->note, ==, "Deficit of £12,000; recovery plan agreed & “signed”");
  g_assert_cmpuint (a->date, ==, cohorts_date_new (2026, 10, 1));
  a = cohorts_school_get_answer (ashby, COHORTS_CRITERION_RESOLUTION);
  g_assert_cmpint (a->state, ==, COHORTS_ANSWER_MET);
  g_assert_null (a->note);
  g_assert_cmpuint (a->date, ==, COHORTS_DATE_NONE);
  g_assert_cmpint (cohorts_school_get_answer (ashby, COHORTS_CRITERION_LAND)->state, ==,
                   COHORTS_ANSWER_NOT_APPLICABLE);
  g_assert_cmpint (cohorts_school_get_answer (ashby, COHORTS_CRITERION_STAFF)->state, ==, COHORTS_ANSWER_NONE);

  /* Ashby, not a church school: inspection 16 + finances 8 + resolution 20
   * out of 2 × (8 + 8 + 10 + 9 + 5 + 6 + 5) = 102 (land not applicable,
   * diocesan consent not counted): 44 / 102, and consultation, critical
   * here, not assessed: red. */
  cohorts_plan_score_school (plan, ashby, &score);
  g_assert_cmpuint (score.points, ==, 44);
  g_assert_cmpuint (score.out_of, ==, 102);
  g_assert_cmpuint (score.not_assessed, ==, 4);
  g_assert_cmpint (score.rag, ==, COHORTS_RAG_RED);

  marys = cohorts_plan_find_school (plan, 100002);
  cohorts_plan_score_school (plan, marys, &score);
  g_assert_cmpuint (score.counted, ==, 9);
  g_assert_cmpuint (score.points, ==, 10);
  g_assert_true (score.critical_not_met);
  g_assert_cmpint (score.rag, ==, COHORTS_RAG_RED);

  g_clear_object (&plan);
  plan = load_string (partial, COHORTS_PLAN_LOAD_SCHEMA, &error);
  g_assert_no_error (error);
  cohorts_framework_init_default (&expected);
  expected.weights[COHORTS_CRITERION_VIABILITY] = 1;
  expected.amber_min = 40;
  f = cohorts_readiness_get_framework (cohorts_plan_get_readiness (plan));
  g_assert_cmpmem (f, sizeof *f, &expected, sizeof expected);
}

/* <capacity-limits> is version 3's: refused in a version 2 file, by the
 * reader and by data/matplan-2.rng alike; read back in version 3. */
static void
test_capacity_limits (void)
{
  static const char v2[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<plan xmlns=\"urn:io.github.cohorts:matplan\" format-version=\"2\">\n"
    "  <trust kind=\"forming-mat\">\n"
    "    <name>T</name>\n"
    "    <capacity-limits support-ratio=\"3\"/>\n"
    "  </trust>\n"
    "  <schools/>\n"
    "  <cohorts/>\n"
    "</plan>\n";
  g_autofree char *v3 = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new_static (v2, sizeof v2 - 1);
  g_autoptr(GBytes) bytes3 = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CohortsPlan) plan = NULL;
  g_autoptr(GBytes) written = NULL;
  CohortsTrust *trust;
  char *problem = NULL;

  plan = cohorts_plan_xml_load_data (v2, sizeof v2 - 1, "v2.matplan", COHORTS_PLAN_LOAD_DEFAULT, &error);
  g_assert_error (error, COHORTS_PLAN_ERROR, COHORTS_PLAN_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "v2.matplan:5: <capacity-limits> needs format version 3; this file is version 2");
  g_assert_null (plan);
  g_assert_cmpint (rng_validate (bytes, "v2.matplan", &problem), ==, RNG_INVALID);
  g_free (problem);
  g_clear_error (&error);

  v3 = g_strdup (v2);
  v3[strstr (v3, "format-version=\"2\"") - v3 + strlen ("format-version=\"")] = '3';
  {
    char *at = strstr (v3, "support-ratio=\"3\"/>");
    g_autofree char *full = g_strdup_printf ("%.*ssupport-ratio=\"3\" max-deficit-together=\"0\" church-share-min=\"25.5\"/>%s",
                                             (int) (at - v3), v3, at + strlen ("support-ratio=\"3\"/>"));
    g_free (v3);
    v3 = g_steal_pointer (&full);
  }
  bytes3 = g_bytes_new (v3, strlen (v3));
  plan = cohorts_plan_xml_load_data (v3, strlen (v3), "v3.matplan", COHORTS_PLAN_LOAD_SCHEMA, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rng_validate (bytes3, "v3.matplan", &problem), ==, RNG_VALID);
  trust = cohorts_plan_get_trust (plan);
  g_assert_cmpint (cohorts_trust_get_support_ratio (trust), ==, 3);
  g_assert_cmpint (cohorts_trust_get_max_deficit_together (trust), ==, 0);
  g_assert_cmpint (cohorts_trust_get_church_share_min (trust), ==, 2550);
  written = cohorts_plan_xml_to_bytes (plan);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (written, NULL), g_bytes_get_size (written),
                                  "    <capacity-limits support-ratio=\"3\" max-deficit-together=\"0\" "
                                  "church-share-min=\"25.5\"/>\n"));
}

/* Asynchronous loading */

typedef struct
{
  GMainLoop *loop;
  CohortsPlan *plan;
  GError *error;
} AsyncLoad;

static void
load_ready_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  AsyncLoad *load = user_data;

  g_assert_null (source);
  load->plan = cohorts_plan_xml_load_file_finish (result, &load->error);
  g_main_loop_quit (load->loop);
}

static void
load_async (const char *path,
            AsyncLoad  *load)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  load->loop = g_main_loop_new (NULL, FALSE);
  cohorts_plan_xml_load_file_async (file, NULL, load_ready_cb, load);
  g_main_loop_run (load->loop);
  g_main_loop_unref (load->loop);
}

static void
test_load_async_example (void)
{
  g_autofree char *path = example_path ();
  AsyncLoad load = { NULL, };

  load_async (path, &load);
  g_assert_no_error (load.error);
  g_assert_nonnull (load.plan);
  check_example (load.plan);
  g_object_unref (load.plan);
}

static void
test_load_async_bad (void)
{
  g_autofree char *path = bad_file_path ("urn-duplicate.matplan");
  AsyncLoad load = { NULL, };

  load_async (path, &load);
  g_assert_null (load.plan);
  g_assert_error (load.error, COHORTS_PLAN_ERROR, COHORTS_PLAN_ERROR_INVALID);
  /* Named by its base name */
  g_assert_cmpstr (load.error->message, ==,
                   "urn-duplicate.matplan:11: URN 100001 is used by a second school; the school at "
                   "line 8 has it already");
  g_clear_error (&load.error);
}

/* Round trips */

static void
test_round_trip_example (void)
{
  g_autofree char *path = example_path ();
  g_autoptr(GBytes) bytes = read_bytes (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CohortsPlan) plan = load_path (path, COHORTS_PLAN_LOAD_DEFAULT, &error);
  g_autoptr(GBytes) written = NULL;

  g_assert_no_error (error);
  written = cohorts_plan_xml_to_bytes (plan);
  assert_same_bytes (bytes, written);
}

static void
set_line (char       **field,
          const char  *text)
{
  /* As the model stores text (cohorts-record.c): cleaned once. */
  g_free (*field);
  *field = cohorts_text_clean_line (text);
}

static void
set_notes (char       **field,
           const char  *text)
{
  g_free (*field);
  *field = cohorts_text_clean_notes (text);
}

/* A school with every field set, as the loader would fill it. */
static CohortsSchool *
build_school (guint urn,
              guint variant)
{
  CohortsSchool *school = g_object_new (COHORTS_TYPE_SCHOOL, NULL);
  g_autofree char *name = g_strdup_printf ("St Mary & St John’s “Brontë” <%u> \"q\" 'a' School", urn);

  school->urn = urn;
  school->academy_urn = 999999 - variant;
  set_line (&school->name, name);
  school->phase = COHORTS_PHASE_NURSERY + variant % 11;
  school->establishment_type = COHORTS_ESTABLISHMENT_COMMUNITY + variant % 16;
  school->low_age = variant;
  school->high_age = 99;
  school->religious_character = COHORTS_RELIGIOUS_CHARACTER_NONE + variant % 13;
  school->pupils = 999999999 - variant;
  school->capacity = 0;
  school->small = TRUE;
  school->rural = variant % 2 == 0;
  set_line (&school->town, "Ashby-de-la-Zouch & “Brontë” <x> \"q\" 'a'");
  set_line (&school->postcode, "LE65 1AA");
  set_line (&school->la_code, "855");
  set_line (&school->la_name, "Leicestershire & Rutland");
  set_line (&school->diocese_code, "CE23");
  set_line (&school->diocese_name, "Diocese of London <St Paul’s>");
  set_line (&school->current_trust_reference, "TR00001");
  set_line (&school->current_trust_name, "Previous & Co. Trust");
  school->ofsted_grade = COHORTS_OFSTED_GRADE_OUTSTANDING + variant % 6;
  school->ofsted_date = cohorts_date_new (2024, 2, 29);
  school->report_card_date = cohorts_date_new (2025, 11, 10 + variant % 10);
  school->safeguarding = COHORTS_SAFEGUARDING_MET + variant % 2;
  for (guint i = 0; i < COHORTS_N_REPORT_AREAS; i++)
    school->report_grades[i] = COHORTS_REPORT_GRADE_EXCEPTIONAL + (i + variant) % 5;
  school->siams_outcome = COHORTS_SIAMS_EXCELLENT + variant % 6;
  school->siams_date = cohorts_date_new (1900, 1, 1);
  school->budget_balance = variant % 2 ? G_GINT64_CONSTANT (-999999999999) : -1;
  school->budget_date = cohorts_date_new (2200, 12, 31);
  school->recovery_plan = TRUE;
  school->pfi = TRUE;
  set_notes (&school->notes,
             "Costs & risks: <high> \"quoted\" 'single'\ttab\n"
             "second line – “Brontë”\n"
             "\n"
             "  indented fourth line with trailing spaces  \n");
  cohorts_extensions_take (&school->extensions,
                           g_strdup ("<x:estates xmlns:x=\"urn:example:estates\" survey=\"2026-05-12\" "
                                     "note=\"a &amp; b &lt;c&gt; &quot;d&quot; 'e'&#9;&#10;\">"
                                     "Roof &lt;due&gt; 2029 &amp; \"after\"<!-- a comment -->"
                                     "<x:part><inner xmlns=\"urn:example:inner\">"
                                     "<sub xmlns=\"\">no namespace</sub>"
                                     "<deeper xmlns:y=\"urn:example:y\" y:a=\"1\"/>"
                                     "</inner></x:part></x:estates>"));
  cohorts_extensions_take (&school->extensions,
                           g_strdup ("<z:second xmlns:z=\"urn:example:z\" xml:lang=\"en\"/>"));

  /* Dates of its own: done, planned, a consultation with a start and one
   * without, the conversion, and a lease whether or not it applies. */
  school->milestones[COHORTS_STEP_RESOLUTION] =
    (CohortsMilestone) { COHORTS_DATE_NONE, cohorts_date_new (2026, 10, 1 + variant), COHORTS_MILESTONE_DONE };
  school->milestones[COHORTS_STEP_CONSULTATION] =
    (CohortsMilestone) { variant % 2 ? COHORTS_DATE_NONE : cohorts_date_new (2027, 1, 4),
                         cohorts_date_new (2027, 2, 12 + variant), COHORTS_MILESTONE_PLANNED };
  school->milestones[COHORTS_STEP_LEASE] =
    (CohortsMilestone) { COHORTS_DATE_NONE, cohorts_date_new (1900, 1, 1), COHORTS_MILESTONE_PLANNED };
  if (variant == 3)
    school->milestones[COHORTS_STEP_CONVERSION] =
      (CohortsMilestone) { COHORTS_DATE_NONE, cohorts_date_new (2200, 12, 31), COHORTS_MILESTONE_PLANNED };
  if (variant == 1)
    school->milestones[COHORTS_STEP_TUPE] =
      (CohortsMilestone) { cohorts_date_new (2027, 3, 1), cohorts_date_new (2027, 3, 1), COHORTS_MILESTONE_DONE };
  return school;
}

static CohortsPlan *
build_plan (void)
{
  CohortsPlan *plan = cohorts_plan_new ();
  CohortsTrust *trust = cohorts_plan_get_trust (plan);
  g_autoptr(GPtrArray) schools = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(CohortsCohort) first = NULL;
  g_autoptr(CohortsCohort) second = NULL;
  g_autoptr(GPtrArray) members = g_ptr_array_new ();

  set_line (&plan->title, "Plan & “Brontë” <all> \"fields\" 'set'");
  plan->start_date = cohorts_date_new (2026, 9, 1);
  cohorts_extensions_take (&plan->extensions,
                           g_strdup ("<p:meta xmlns:p=\"urn:example:plan\" p:by=\"test\">\n"
                                     "  text\n</p:meta>"));

  set_line (&trust->name, "Brontë & Co. <Trust>");
  trust->kind = COHORTS_TRUST_KIND_EXISTING_MAT;
  set_line (&trust->ukprn, "10000000");
  set_line (&trust->reference, "TR12345");
  trust->concurrent_conversions = 3;
  trust->conversions_per_term = 999999999;
  trust->top_slice = 525;
  trust->annual_cost = 0;
  trust->academies_min = 1;
  trust->academies_max = 1;
  trust->target_pupils = 0;
  trust->within_years = 99;
  set_notes (&trust->notes, "Trust notes\twith a tab\nand a second line & more");
  cohorts_extensions_take (&trust->extensions,
                           g_strdup ("<t:x xmlns:t=\"urn:example:trust\">"
                                     "<t:y><t:z>deep</t:z></t:y></t:x>"));

  /* A schedule that is nowhere the default, with the limits of each value. */
  for (CohortsStep step = 0; step < COHORTS_STEP_CONVERSION; step++)
    cohorts_schedule_set_timing (cohorts_plan_get_schedule (plan), step,
                                 step == 0 ? 104 : step == COHORTS_STEP_FUNDING_AGREEMENT ? 0 : 40 + step,
                                 step == COHORTS_STEP_CONSULTATION ? 52 : 0);
  cohorts_schedule_set_church_lead_weeks (cohorts_plan_get_schedule (plan), 52);

  for (guint i = 0; i < 4; i++)
    g_ptr_array_add (schools, build_school (100000 + 7 * i, i));
  cohorts_plan_load_schools (plan, schools);

  first = g_object_new (COHORTS_TYPE_COHORT, "id", "founding-cohort", NULL);
  set_line (&first->name, "Cohort & “one”");
  first->date = cohorts_date_new (2027, 4, 1);
  first->status = COHORTS_COHORT_STATUS_CONVERTING;
  set_notes (&first->notes, "Cohort notes\nover two lines");
  cohorts_extensions_take (&first->extensions,
                           g_strdup ("<r:risk xmlns:r=\"urn:example:risk\" level=\"high\"/>"));
  g_ptr_array_add (members, g_ptr_array_index (schools, 2));
  g_ptr_array_add (members, g_ptr_array_index (schools, 0));
  cohorts_plan_load_cohort (plan, first, members);

  second = g_object_new (COHORTS_TYPE_COHORT, "id", "c2", NULL);
  set_line (&second->name, "Undated, empty");
  second->status = COHORTS_COHORT_STATUS_CONVERTED;
  g_ptr_array_set_size (members, 0);
  cohorts_plan_load_cohort (plan, second, members);

  cohorts_plan_load_finish (plan, COHORTS_PLAN_FORMAT_VERSION);
  return plan;
}

static void
test_round_trip_built (void)
{
  g_autoptr(CohortsPlan) plan = build_plan ();
  g_autoptr(GBytes) bytes = assert_round_trip (plan);
  g_autoptr(GError) error = NULL;
  g_autoptr(CohortsPlan) again = NULL;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  CohortsSchool *school;
  CohortsSchool *built;
  CohortsCohort *cohort;

  assert_rng_valid (bytes, "built.matplan");

  /* What was read is what was built. */
  again = cohorts_plan_xml_load_data (data, size, "built.matplan", COHORTS_PLAN_LOAD_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cohorts_plan_get_title (again), ==, cohorts_plan_get_title (plan));
  g_assert_cmpint (cohorts_trust_get_top_slice (cohorts_plan_get_trust (again)), ==, 525);
  g_assert_true (strstr (data, " top-slice=\"5.25\"") != NULL);
  g_assert_cmpstr (cohorts_trust_get_notes (cohorts_plan_get_trust (again)), ==,
                   "Trust notes\twith a tab\nand a second line & more");
  g_assert_cmpuint (cohorts_plan_get_n_schools (again), ==, 4);

  for (guint i = 0; i < 4; i++)
    {
      built = cohorts_plan_find_school (plan, 100000 + 7 * i);
      school = school_by_urn (again, 100000 + 7 * i);

      g_assert_cmpstr (school->name, ==, built->name);
      g_assert_cmpuint (school->academy_urn, ==, built->academy_urn);
      g_assert_cmpint (school->phase, ==, built->phase);
      g_assert_cmpint (school->establishment_type, ==, built->establishment_type);
      g_assert_cmpint (school->low_age, ==, built->low_age);
      g_assert_cmpint (school->religious_character, ==, built->religious_character);
      g_assert_cmpint (school->pupils, ==, built->pupils);
      g_assert_cmpint (school->capacity, ==, 0);
      g_assert_cmpint (school->rural, ==, built->rural);
      g_assert_cmpstr (school->town, ==, built->town);
      g_assert_cmpstr (school->diocese_name, ==, built->diocese_name);
      g_assert_cmpint (school->ofsted_grade, ==, built->ofsted_grade);
      g_assert_cmpuint (school->ofsted_date, ==, built->ofsted_date);
      g_assert_cmpint (school->safeguarding, ==, built->safeguarding);
      for (guint a = 0; a < COHORTS_N_REPORT_AREAS; a++)
        g_assert_cmpint (school->report_grades[a], ==, built->report_grades[a]);
      g_assert_cmpint (school->siams_outcome, ==, built->siams_outcome);
      g_assert_cmpuint (school->siams_date, ==, built->siams_date);
      g_assert_cmpint (school->budget_balance, ==, built->budget_balance);
      g_assert_cmpuint (school->budget_date, ==, built->budget_date);
      g_assert_true (school->recovery_plan && school->pfi && school->small);
      g_assert_cmpstr (school->notes, ==, built->notes);
      g_assert_cmpuint (school->extensions->len, ==, 2);
      g_assert_cmpstr (g_ptr_array_index (school->extensions, 0), ==,
                       g_ptr_array_index (built->extensions, 0));
      g_assert_cmpstr (g_ptr_array_index (school->extensions, 1), ==,
                       g_ptr_array_index (built->extensions, 1));
      for (CohortsStep step = 0; step < COHORTS_N_STEPS; step++)
        {
          CohortsMilestone read, made;

          cohorts_school_get_milestone (school, step, &read);
          cohorts_school_get_milestone (built, step, &made);
          g_assert_cmpint (read.state, ==, made.state);
          g_assert_cmpuint (read.start, ==, made.start);
          g_assert_cmpuint (read.date, ==, made.date);
        }
    }

  /* The schedule, step by step */
  for (CohortsStep step = 0; step < COHORTS_N_STEPS; step++)
    {
      g_assert_cmpint (cohorts_schedule_get_weeks_before (cohorts_plan_get_schedule (again), step), ==,
                       cohorts_schedule_get_weeks_before (cohorts_plan_get_schedule (plan), step));
      g_assert_cmpint (cohorts_schedule_get_weeks (cohorts_plan_get_schedule (again), step), ==,
                       cohorts_schedule_get_weeks (cohorts_plan_get_schedule (plan), step));
    }
  g_assert_cmpint (cohorts_schedule_get_church_lead_weeks (cohorts_plan_get_schedule (again)), ==, 52);
  g_assert_nonnull (strstr (data, "\n    <step id=\"resolution\" weeks-before=\"104\"/>\n"));
  g_assert_nonnull (strstr (data, "\n    <step id=\"tupe-consultation\" weeks-before=\"49\" weeks=\"0\"/>\n"));
  g_assert_nonnull (strstr (data, "\n      <milestone step=\"consultation\" start=\"2027-01-04\" "
                                  "date=\"2027-02-12\" state=\"planned\"/>\n"));

  cohort = cohorts_plan_find_cohort (again, "founding-cohort");
  g_assert_nonnull (cohort);
  g_assert_cmpuint (urn_at (cohorts_cohort_get_members (cohort), 0), ==, 100014);
  g_assert_cmpuint (urn_at (cohorts_cohort_get_members (cohort), 1), ==, 100000);
  g_assert_cmpint (cohorts_cohort_get_status (cohort), ==, COHORTS_COHORT_STATUS_CONVERTING);
  g_assert_cmpstr (g_ptr_array_index (cohort->extensions, 0), ==,
                   "<r:risk xmlns:r=\"urn:example:risk\" level=\"high\"/>");
  g_assert_cmpstr (g_ptr_array_index (cohorts_plan_get_trust (again)->extensions, 0), ==,
                   "<t:x xmlns:t=\"urn:example:trust\"><t:y><t:z>deep</t:z></t:y></t:x>");
  g_assert_cmpstr (g_ptr_array_index (again->extensions, 0), ==,
                   "<p:meta xmlns:p=\"urn:example:plan\" p:by=\"test\">\n  text\n</p:meta>");
  g_assert_cmpuint (g_list_model_get_n_items (cohorts_plan_get_unassigned (again)), ==, 2);
}

/* Percentages are kept in hundredths and written in their shortest form. */
static void
test_round_trip_top_slice (void)
{
  static const struct
  {
    int hundredths;
    const char *text;
  } cases[] = {
    { 0, "0" }, { 1, "0.01" }, { 10, "0.1" }, { 500, "5" }, { 525, "5.25" }, { 750, "7.5" },
    { 1005, "10.05" }, { 9999, "99.99" }, { 10000, "100" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CohortsPlan) plan = cohorts_plan_new ();
      g_autoptr(CohortsPlan) again = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *attribute = g_strdup_printf (" top-slice=\"%s\"", cases[i].text);
      gsize size;
      const char *data;

      cohorts_plan_get_trust (plan)->top_slice = cases[i].hundredths;
      bytes = assert_round_trip (plan);
      data = g_bytes_get_data (bytes, &size);
      g_assert_nonnull (g_strstr_len (data, size, attribute));

      again = cohorts_plan_xml_load_data (data, size, "t.matplan", COHORTS_PLAN_LOAD_DEFAULT, &error);
      g_assert_no_error (error);
      g_assert_cmpint (cohorts_trust_get_top_slice (cohorts_plan_get_trust (again)), ==,
                       cases[i].hundredths);
    }
}

/* The schedule as Cohorts writes it when every timing is the default. */
#define DEFAULT_SCHEDULE \
  "  <schedule church-lead-weeks=\"6\">\n" \
  "    <step id=\"resolution\" weeks-before=\"30\"/>\n" \
  "    <step id=\"diocesan-consent\" weeks-before=\"28\"/>\n" \
  "    <step id=\"application\" weeks-before=\"26\"/>\n" \
  "    <step id=\"academy-order\" weeks-before=\"20\"/>\n" \
  "    <step id=\"consultation\" weeks-before=\"12\" weeks=\"6\"/>\n" \
  "    <step id=\"land-questionnaire\" weeks-before=\"8\"/>\n" \
  "    <step id=\"lease\" weeks-before=\"5\"/>\n" \
  "    <step id=\"site-trustees-consent\" weeks-before=\"8\"/>\n" \
  "    <step id=\"church-supplemental-agreement\" weeks-before=\"5\"/>\n" \
  "    <step id=\"tupe-consultation\" weeks-before=\"4\" weeks=\"6\"/>\n" \
  "    <step id=\"payroll-notice\" weeks-before=\"8\"/>\n" \
  "    <step id=\"commercial-transfer\" weeks-before=\"3\"/>\n" \
  "    <step id=\"funding-agreement\" weeks-before=\"2\"/>\n" \
  "  </schedule>\n"

#define DEFAULT_READINESS \
  "  <readiness green-min=\"75\" amber-min=\"50\">\n" \
  "    <criterion id=\"inspection\" weight=\"8\"/>\n" \
  "    <criterion id=\"finances\" weight=\"8\"/>\n" \
  "    <criterion id=\"resolution\" weight=\"10\" critical=\"true\"/>\n" \
  "    <criterion id=\"consultation\" weight=\"5\"/>\n" \
  "    <criterion id=\"land\" weight=\"6\"/>\n" \
  "    <criterion id=\"staff\" weight=\"5\"/>\n" \
  "    <criterion id=\"diocesan-consent\" weight=\"10\" critical=\"true\"/>\n" \
  "    <criterion id=\"leadership\" weight=\"6\"/>\n" \
  "    <criterion id=\"viability\" weight=\"5\"/>\n" \
  "  </readiness>\n"

/* Input Cohorts would not write, of version 1: read, then written in
 * canonical form, in the current version with the default schedule and
 * readiness framework. */
static void
test_round_trip_normalises (void)
{
  static const char *input =
    "<?xml version=\"1.0\"?>\n"
    "<!-- A comment before the root: dropped. -->\n"
    "<mp:plan xmlns:mp=\"urn:io.github.cohorts:matplan\" xmlns:x=\"urn:example:x\" "
    "format-version=\"1\" start=\"2026-09-01\">\n"
    "  <?pi dropped?>\n"
    "  <mp:trust kind=\"forming-mat\"><mp:name>T</mp:name><mp:central-team top-slice=\"5.50\"/>"
    "<mp:extensions><x:a x:b=\"1\" xmlns:unused=\"urn:example:unused\"><![CDATA[a<b]]&gt;]]>"
    "<x:c xmlns=\"urn:example:d\"><e/></x:c></x:a></mp:extensions></mp:trust>\n"
    "  <mp:schools><mp:school urn=\"100001\" small=\"false\"><!-- dropped --><mp:name>A&#x9;B &#233;"
    "</mp:name><mp:local-authority>  LA  </mp:local-authority><mp:notes>x&#13;&#10;y&#13;z</mp:notes>"
    "</mp:school></mp:schools>\n"
    "  <mp:cohorts/>\n"
    "</mp:plan>\n";
  static const char *expected =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<plan xmlns=\"urn:io.github.cohorts:matplan\" format-version=\"7\" start=\"2026-09-01\">\n"
    "  <trust kind=\"forming-mat\">\n"
    "    <name>T</name>\n"
    "    <central-team top-slice=\"5.5\"/>\n"
    "    <extensions>\n"
    "      <x:a xmlns:x=\"urn:example:x\" x:b=\"1\">a&lt;b]]&amp;gt;<x:c><e xmlns=\"urn:example:d\"/>"
    "</x:c></x:a>\n"
    "    </extensions>\n"
    "  </trust>\n"
    DEFAULT_SCHEDULE
    DEFAULT_READINESS
    "  <schools>\n"
    "    <school urn=\"100001\">\n"
    "      <name>A B é</name>\n"
    "      <local-authority>  LA  </local-authority>\n"
    "      <notes>x\n"
    "y\n"
    "z</notes>\n"
    "    </school>\n"
    "  </schools>\n"
    "  <cohorts/>\n"
    "</plan>\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(CohortsPlan) plan = load_string (input, COHORTS_PLAN_LOAD_SCHEMA, &error);
  g_autoptr(GBytes) bytes = NULL;

  g_assert_no_error (error);
  bytes = assert_round_trip (plan);
  assert_same_text (expected, bytes);
  assert_rng_valid (bytes, "normalised.matplan");
}

/* The bad files */

typedef enum
{
  /* Refused by data/matplan.rng as well. */
  SCHEMA_REFUSES,
  /* Valid against the schema, refused by a rule Cohorts checks beyond it:
   * uniqueness and cross-references (a step timed twice, two milestones for
   * one step), limits, ages and ranges in order (a milestone's start not
   * after its date), and
   * spellings that XML Schema's types allow but Cohorts never writes (signs,
   * leading zeros, time zones, spaces around values, "5."), which the
   * program refuses on purpose (see the comment on value types in
   * data/matplan.rng). */
  PROGRAM_ONLY,
  /* Not a question for the schema: not well-formed, not XML, not UTF-8, or
   * refused for safety before its content matters. */
  NOT_SCHEMA,
} SchemaAgrees;

typedef struct
{
  const char *file;
  CohortsPlanError code;
  const char *message;  /* what follows the file's name */
  SchemaAgrees schema;
} BadFile;

static const BadFile bad_files[] = {
  /* Not XML, not well-formed, not UTF-8 */
  { "empty.matplan", COHORTS_PLAN_ERROR_NOT_A_PLAN, ": the file is empty", NOT_SCHEMA },
  { "whitespace-only.matplan", COHORTS_PLAN_ERROR_NOT_A_PLAN,
    ": the file holds no plan: it has no XML element", NOT_SCHEMA },
  { "comment-only.matplan", COHORTS_PLAN_ERROR_NOT_A_PLAN,
    ": the file holds no plan: it has no XML element", NOT_SCHEMA },
  { "binary-junk.matplan", COHORTS_PLAN_ERROR_NOT_A_PLAN,
    ":1: this is not a plan file: it does not begin with XML", NOT_SCHEMA },
  { "nul-byte-in-plan.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":12: the file holds binary data (a NUL byte); it is not a plan file", NOT_SCHEMA },
  { "utf-16.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":1: the file is encoded in UTF-16; plan files are UTF-8", NOT_SCHEMA },
  { "encoding-iso-8859-1.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":1: the file declares the encoding ISO-8859-1; plan files are UTF-8", NOT_SCHEMA },
  { "encoding-utf-7-not-convertible.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":1: the file is in an encoding other than UTF-8; plan files are UTF-8", NOT_SCHEMA },
  { "not-utf-8.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":12: the file has bytes that are not UTF-8 text; plan files are UTF-8", NOT_SCHEMA },
  { "truncated.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":12: the file ends in the middle of the plan; it may have been cut short", NOT_SCHEMA },
  { "content-after-root.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":22: the file has content after the end of the plan", NOT_SCHEMA },
  { "not-well-formed-mismatched-tag.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":9: the file is not well-formed XML: Opening and ending tag mismatch: name line 9 and nam",
    NOT_SCHEMA },
  { "entity-undefined.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":3: the file is not well-formed XML: Entity 'foo' not defined", NOT_SCHEMA },
  { "doctype-billion-laughs.matplan", COHORTS_PLAN_ERROR_FORBIDDEN,
    ":2: the file has a document type declaration (<!DOCTYPE>); plan files have none, and one is "
    "refused because it can define entities", NOT_SCHEMA },
  { "doctype-external-entity.matplan", COHORTS_PLAN_ERROR_FORBIDDEN,
    ":2: the file has a document type declaration (<!DOCTYPE>); plan files have none, and one is "
    "refused because it can define entities", NOT_SCHEMA },

  /* Not a plan */
  { "root-not-plan.matplan", COHORTS_PLAN_ERROR_NOT_A_PLAN,
    ":2: this is not a Cohorts plan: its root element is <schedule> in the namespace "
    "urn:io.github.cohorts:matplan; a plan is <plan> in the namespace urn:io.github.cohorts:matplan",
    SCHEMA_REFUSES },
  { "root-without-namespace.matplan", COHORTS_PLAN_ERROR_NOT_A_PLAN,
    ":2: this is not a Cohorts plan: its root element is <plan> without a namespace; a plan is "
    "<plan> in the namespace urn:io.github.cohorts:matplan", SCHEMA_REFUSES },

  /* The version */
  { "format-version-newer.matplan", COHORTS_PLAN_ERROR_NEWER_VERSION,
    ":2: this plan was saved by a newer version of Cohorts in format version 8; this version reads "
    "formats up to 7. Install a newer Cohorts to open it.", SCHEMA_REFUSES },
  { "format-version-missing.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":2: <plan> has no “format-version” attribute; it is required", SCHEMA_REFUSES },
  { "format-version-not-a-number.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":2: <plan> format-version=\"abc\" is not a format version (a whole number from 1)",
    SCHEMA_REFUSES },

  /* Structure */
  { "trust-missing.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":2: <plan> has no <trust>; it is required", SCHEMA_REFUSES },
  { "title-twice.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":4: <plan> has more than one <title>", SCHEMA_REFUSES },
  { "elements-out-of-order.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":14: <local-authority> must come before <diocese> in <school>", SCHEMA_REFUSES },
  { "element-unknown.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":13: <headteacher> is not allowed in <school>", SCHEMA_REFUSES },
  { "element-in-name.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":12: <name> contains an element <b>; it may hold only text", SCHEMA_REFUSES },
  { "text-in-schools.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":11: <schools> contains text outside its elements", SCHEMA_REFUSES },
  { "cdata-in-schools.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":11: <schools> contains text outside its elements", SCHEMA_REFUSES },
  { "attribute-unknown.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":11: <school> has an unknown attribute “colour”", SCHEMA_REFUSES },
  { "attribute-other-namespace.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":11: <school> has an unknown attribute “x:colour”", SCHEMA_REFUSES },
  { "cohort-status-missing.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":16: <cohort> has no “status” attribute; it is required", SCHEMA_REFUSES },
  { "name-too-long.matplan", COHORTS_PLAN_ERROR_TOO_LARGE,
    ":12: <name> holds more than 500 characters, the limit", SCHEMA_REFUSES },

  /* Extensions */
  { "foreign-element-outside-extensions.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":13: <x:estates> of another namespace is in <school>; content of other programs must be "
    "inside <extensions>", SCHEMA_REFUSES },
  { "extensions-empty.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":13: <extensions> is empty", SCHEMA_REFUSES },
  { "extensions-not-last.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":16: <notes> must come before <extensions> in <school>", SCHEMA_REFUSES },
  { "extensions-twice.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":16: <school> has more than one <extensions>", SCHEMA_REFUSES },
  { "extensions-holds-plan-element.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":14: <extensions> holds <notes>; it may hold only elements of other namespaces", SCHEMA_REFUSES },
  { "nesting-33-levels.matplan", COHORTS_PLAN_ERROR_TOO_LARGE,
    ":42: elements are nested deeper than 32 levels, the limit", PROGRAM_ONLY },

  /* Values */
  { "date-not-in-calendar.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":16: <cohort> date: 2027-02-30 is not a date: February 2027 has 28 days", SCHEMA_REFUSES },
  { "date-wrong-form.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":16: <cohort> date: “27-09-2027” is not a date written YYYY-MM-DD", SCHEMA_REFUSES },
  { "date-with-time-zone.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":16: <cohort> date: “2027-09-01Z” is not a date written YYYY-MM-DD", PROGRAM_ONLY },
  { "date-year-1850.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":16: <cohort> date: 1850-09-01 is not a plausible date: the year must be between 1900 and 2200",
    PROGRAM_ONLY },
  { "phase-unknown.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":8: <school> phase=\"junior\" is not one of the known values: nursery, first, primary, "
    "middle-deemed-primary, middle-deemed-secondary, secondary, high, all-through, special, "
    "16-plus, alternative-provision", SCHEMA_REFUSES },
  { "phase-with-spaces.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":8: <school> phase=\" primary \" is not one of the known values: nursery, first, primary, "
    "middle-deemed-primary, middle-deemed-secondary, secondary, high, all-through, special, "
    "16-plus, alternative-provision", PROGRAM_ONLY },
  { "pupils-negative.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":8: <school> pupils=\"-5\" is negative; it must be 0 or more", SCHEMA_REFUSES },
  { "count-leading-zero.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":8: <school> pupils=\"0412\" is not a whole number written plainly (no leading zeros or signs)",
    PROGRAM_ONLY },
  { "count-plus-sign.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":8: <school> pupils=\"+412\" is not a whole number", PROGRAM_ONLY },
  { "balance-negative-zero.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":10: <finance> balance=\"-0\" is not a whole number written plainly (no leading zeros or signs)",
    PROGRAM_ONLY },
  { "boolean-one.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":11: <school> rural=\"1\" must be “true” or “false”", SCHEMA_REFUSES },
  { "urn-five-digits.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":11: <school> urn=\"10002\" is not a URN; a URN is six digits, such as 100000", SCHEMA_REFUSES },
  { "urn-leading-zero.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":11: <school> urn=\"010002\" is not a URN; a URN is six digits, such as 100000", SCHEMA_REFUSES },
  { "cohort-id-uppercase.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":16: <cohort> id=\"C1\" is not an identifier: 1–64 lowercase letters, digits and hyphens",
    SCHEMA_REFUSES },
  { "top-slice-over-100.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":6: <central-team> top-slice=\"100.5\" is more than 100 percent", SCHEMA_REFUSES },
  { "top-slice-three-decimals.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":6: <central-team> top-slice=\"5.555\" is not a percentage with at most two decimals",
    SCHEMA_REFUSES },
  { "top-slice-trailing-point.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":6: <central-team> top-slice=\"5.\" is not a percentage with at most two decimals", PROGRAM_ONLY },
  { "ukprn-seven-digits.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":4: <trust> ukprn=\"1009876\" is not a UKPRN: eight digits starting with 1", SCHEMA_REFUSES },
  { "ukprn-empty.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":4: <trust> ukprn=\"\" is not a UKPRN: eight digits starting with 1", SCHEMA_REFUSES },
  { "trust-reference-bad.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":4: <trust> reference=\"TR123\" is not a trust reference: TR and five digits", SCHEMA_REFUSES },
  { "trust-reference-empty.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":4: <trust> reference=\"\" is not a trust reference: TR and five digits", SCHEMA_REFUSES },
  { "current-trust-reference-empty.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":13: <current-trust> reference=\"\" is not a trust reference: TR and five digits", SCHEMA_REFUSES },
  { "la-code-empty.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":13: <local-authority> code=\"\" is not a code: up to eight letters and digits", SCHEMA_REFUSES },
  { "diocese-code-with-hyphen.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":13: <diocese> code=\"CE-99\" is not a code: up to eight letters and digits", SCHEMA_REFUSES },

  /* Rules between values */
  { "report-card-area-twice.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":15: <report-card> grades the area “inclusion” twice", PROGRAM_ONLY },

  /* The schedule (format version 2) */
  { "schedule-in-version-1.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":7: <schedule> needs format version 2; this file is version 1", SCHEMA_REFUSES },
  { "schedule-after-schools.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":18: <schedule> must come before <schools> in <plan>", SCHEMA_REFUSES },
  { "schedule-step-unknown.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":10: <step> id=\"leese\" is not one of the known values: resolution, diocesan-consent, "
    "application, academy-order, consultation, land-questionnaire, lease, site-trustees-consent, "
    "church-supplemental-agreement, tupe-consultation, payroll-notice, commercial-transfer, "
    "funding-agreement", SCHEMA_REFUSES },
  { "schedule-step-conversion.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":10: <step id=\"conversion\"> is not allowed: the conversion has no timing of its own, the "
    "other steps are timed back from it", SCHEMA_REFUSES },
  { "schedule-step-twice.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":10: <schedule> times the step “resolution” twice", PROGRAM_ONLY },
  { "schedule-weeks-on-step-that-does-not-last.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":10: <step id=\"lease\"> has “weeks”, a length, but the step does not last; only these have "
    "a length: consultation, tupe-consultation", SCHEMA_REFUSES },
  { "schedule-weeks-before-missing.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":10: <step> has no “weeks-before” attribute; it is required", SCHEMA_REFUSES },
  { "schedule-weeks-before-not-a-number.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":8: <step> weeks-before=\"thirty\" is not a whole number", SCHEMA_REFUSES },
  { "schedule-weeks-before-over-104.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":8: <step> weeks-before=\"105\" is not a number of weeks from 0 to 104", SCHEMA_REFUSES },
  { "schedule-weeks-over-52.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":9: <step> weeks=\"53\" is not a number of weeks from 0 to 52", SCHEMA_REFUSES },
  { "schedule-weeks-negative.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":9: <step> weeks=\"-1\" is not a number of weeks from 0 to 52", SCHEMA_REFUSES },
  { "schedule-church-lead-weeks-over-52.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":7: <schedule> church-lead-weeks=\"60\" is not a number of weeks from 0 to 52", SCHEMA_REFUSES },

  /* Readiness (format version 4) */
  { "readiness-weight-over-10.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":26: <criterion> weight=\"11\" is not a weight: a whole number from 1 to 10", SCHEMA_REFUSES },
  { "readiness-weight-zero.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":26: <criterion> weight=\"0\" is not a weight: a whole number from 1 to 10", SCHEMA_REFUSES },
  { "readiness-criterion-twice.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":27: <readiness> has two criteria “land”", PROGRAM_ONLY },
  { "readiness-amber-above-green.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":21: <readiness> amber-min=\"55\" is above green-min=\"50\"; amber must start at or below green",
    PROGRAM_ONLY },
  { "readiness-critical-yes.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":27: <criterion> critical=\"yes\" must be “true” or “false”", SCHEMA_REFUSES },
  { "answer-criterion-unknown.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":38: <answer> criterion=\"budget\" is not one of the known values: inspection, finances, "
    "resolution, consultation, land, staff, diocesan-consent, leadership, viability", SCHEMA_REFUSES },
  { "answer-state-unknown.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":38: <answer> state=\"yes\" is not one of the known values: met, partly, not-met, not-applicable",
    SCHEMA_REFUSES },
  { "answer-twice.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":38: <school> has two answers on the criterion “inspection”", PROGRAM_ONLY },
  { "answer-after-notes.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":47: <answer> must come before <notes> in <school>", SCHEMA_REFUSES },
  { "answer-in-version-3.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":25: <answer> needs format version 4; this file is version 3", SCHEMA_REFUSES },

  /* Locks and funding (format version 5) */
  { "school-locked-in-version-4.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":24: <school> attribute “locked” needs format version 5; this file is version 4", SCHEMA_REFUSES },
  { "cohort-locked-in-version-4.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":29: <cohort> attribute “locked” needs format version 5; this file is version 4", SCHEMA_REFUSES },
  { "funding-in-version-4.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":5: <central-team> attribute “funding-per-pupil” needs format version 5; this file is version 4",
    SCHEMA_REFUSES },
  { "school-locked-yes.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":24: <school> locked=\"yes\" must be “true” or “false”", SCHEMA_REFUSES },

  /* The church track (format version 7) */
  { "church-track-in-version-6.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":11: <church-track> needs format version 7; this file is version 6", SCHEMA_REFUSES },
  { "church-track-before-siams.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":17: <siams> must come before <church-track> in <school>", SCHEMA_REFUSES },
  { "church-track-consent-twice.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":24: <church-track> has more than one <diocesan-consent>", SCHEMA_REFUSES },
  { "church-track-consent-unknown.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":12: <diocesan-consent> state=\"given\" is not one of the known values: requested, granted, refused",
    SCHEMA_REFUSES },
  { "church-track-decided-not-date.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":12: <diocesan-consent> decided: 2026-10-32 is not a date: October 2026 has 31 days", SCHEMA_REFUSES },
  { "church-track-governance-text.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":29: <governance> contains text outside its elements", SCHEMA_REFUSES },
  { "church-track-governors-100.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":16: <governance> governors=\"100\" is too large", SCHEMA_REFUSES },
  { "church-track-out-of-order.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":15: <supplemental-agreement> must come before <memorandum> in <church-track>", SCHEMA_REFUSES },
  { "church-track-stage-unknown.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":14: <supplemental-agreement> stage=\"draft\" is not one of the known values: drafting, agreed, signed",
    SCHEMA_REFUSES },

  /* The review (format version 6) */
  { "reviews-in-version-5.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":20: <reviews> needs format version 6; this file is version 5", SCHEMA_REFUSES },
  { "reviews-empty.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":20: <reviews> is empty; leave it out when the plan has no comments", SCHEMA_REFUSES },
  { "reviews-after-extensions.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":21: <reviews> must come before <extensions> in <plan>", SCHEMA_REFUSES },
  { "comment-at-hour-25.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":22: <comment> at: 2026-11-18T25:00:00Z is not a time of day: hours go to 23, minutes and "
    "seconds to 59", SCHEMA_REFUSES },
  { "comment-at-year-1850.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":22: <comment> at: 1850-11-18 is not a plausible date: the year must be between 1900 and 2200",
    PROGRAM_ONLY },
  { "comment-at-offset.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":22: <comment> at: “2026-11-18T10:42:00+01:00” is not a moment written YYYY-MM-DDTHH:MM:SSZ (UTC)",
    SCHEMA_REFUSES },
  { "comment-author-empty.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":22: <comment> has an empty author", SCHEMA_REFUSES },
  { "comment-no-author.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":22: <comment> has no “author” attribute; it is required", SCHEMA_REFUSES },
  { "comment-holds-element.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":22: <comment> contains an element <name>; it may hold only text", SCHEMA_REFUSES },
  { "comment-id-duplicate.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":22: comment id “r1” is used twice; the comment at line 21 has it already", PROGRAM_ONLY },
  { "comment-kind-unknown.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":22: <comment> kind=\"reject\" is not one of the known values: comment, approve, request-changes, "
    "note", SCHEMA_REFUSES },
  { "comment-reply-other-subject.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":22: <comment> is about “plan” but answers comment “r1”, which is about “school:100001”; a reply "
    "has the subject of the comment it answers", PROGRAM_ONLY },
  { "comment-reply-to-later.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":21: <comment> reply-to=\"r1\" names no comment before it; a reply comes after the comment it "
    "answers", PROGRAM_ONLY },
  { "comment-reply-to-unknown.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":22: <comment> reply-to=\"r9\" names no comment before it; a reply comes after the comment it "
    "answers", PROGRAM_ONLY },
  { "comment-resolved-by-open.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":22: <comment> has “resolved-by” but is not resolved; it needs resolved=\"true\"", SCHEMA_REFUSES },
  { "comment-subject-malformed.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":22: <comment> subject=\"schools:100001\" is not a subject: “plan”, “school:” and a URN, or "
    "“cohort:” and a cohort’s id", SCHEMA_REFUSES },
  { "comment-subject-unknown-cohort.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":22: <comment> subject=\"cohort:c9\" names no cohort of the plan", PROGRAM_ONLY },
  { "comment-subject-unknown-school.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":22: <comment> subject=\"school:999999\" names no school of the plan", PROGRAM_ONLY },

  /* Milestones (format version 2) */
  { "milestone-in-version-1.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":10: <milestone> needs format version 2; this file is version 1", SCHEMA_REFUSES },
  { "milestone-after-notes.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":17: <milestone> must come before <notes> in <school>", SCHEMA_REFUSES },
  { "milestone-step-unknown.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":15: <milestone> step=\"governors-vote\" is not one of the known values: resolution, "
    "diocesan-consent, application, academy-order, consultation, land-questionnaire, lease, "
    "site-trustees-consent, church-supplemental-agreement, tupe-consultation, payroll-notice, "
    "commercial-transfer, funding-agreement, conversion", SCHEMA_REFUSES },
  { "milestone-step-twice.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":16: <school> has two milestones for the step “resolution”", PROGRAM_ONLY },
  { "milestone-state-unknown.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":15: <milestone> state=\"started\" is not one of the known values: planned, done", SCHEMA_REFUSES },
  { "milestone-state-scheduled.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":15: <milestone> state=\"scheduled\" is not one of the known values: planned, done",
    SCHEMA_REFUSES },
  { "milestone-state-missing.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":15: <milestone> has no “state” attribute; it is required", SCHEMA_REFUSES },
  { "milestone-date-missing.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":15: <milestone> has no “date” attribute; it is required", SCHEMA_REFUSES },
  { "milestone-date-not-in-calendar.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":15: <milestone> date: 2027-02-29 is not a date: February 2027 has 28 days", SCHEMA_REFUSES },
  { "milestone-date-year-2201.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":15: <milestone> date: 2201-10-14 is not a plausible date: the year must be between 1900 and 2200",
    PROGRAM_ONLY },
  { "milestone-start-not-a-date.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":16: <milestone> start: “2027-1-4” is not a date written YYYY-MM-DD", SCHEMA_REFUSES },
  { "milestone-start-on-step-that-does-not-last.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":15: <milestone step=\"resolution\"> has a start, but the step does not last; only these have "
    "one: consultation, tupe-consultation", SCHEMA_REFUSES },
  { "milestone-start-after-date.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":16: <milestone step=\"consultation\"> starts on 2027-02-13, after its date 2027-02-12; a step "
    "cannot end before it starts", PROGRAM_ONLY },

  /* Keys and references */
  { "urn-duplicate.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":11: URN 100001 is used by a second school; the school at line 8 has it already", PROGRAM_ONLY },
  { "member-unknown-urn.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":18: <member urn=\"100009\"> names no school of the plan; each member must be a <school> in "
    "<schools>", PROGRAM_ONLY },
  { "member-in-two-cohorts.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":22: First School (URN 100001) is in two cohorts, or twice in one; it is already a member at "
    "line 18", PROGRAM_ONLY },
  { "member-twice-in-cohort.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":20: First School (URN 100001) is in two cohorts, or twice in one; it is already a member at "
    "line 18", PROGRAM_ONLY },
  { "cohort-id-duplicate.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":20: cohort id “c1” is used twice; the cohort at line 16 has it already", PROGRAM_ONLY },
  /* Baselines and date changes (format version 7) */
  { "baseline-cohort-after-entry.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":23: <cohort> must come before <entry> in <baseline>", SCHEMA_REFUSES },
  { "baseline-cohort-id-duplicate.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":23: cohort id “c1” is used twice in baseline “b1”", PROGRAM_ONLY },
  { "baseline-entries-out-of-order.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":23: <entry urn=\"100001\"> comes after the entry at line 22, of a higher URN; a "
    "baseline lists its schools in order of URN", PROGRAM_ONLY },
  { "baseline-entry-cohort-unknown.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":23: <entry> cohort=\"c2\" names no cohort of the baseline before it", PROGRAM_ONLY },
  { "baseline-entry-date-not-in-calendar.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":22: <entry> date: 2027-02-30 is not a date: February 2027 has 28 days", SCHEMA_REFUSES },
  { "baseline-entry-twice.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":23: <entry urn=\"100001\"> is in the baseline twice; the entry at line 22 has it "
    "already", PROGRAM_ONLY },
  { "baseline-id-duplicate.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":22: baseline id “b1” is used twice; the baseline at line 21 has it already", PROGRAM_ONLY },
  { "baseline-name-empty.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":21: <baseline> has an empty name", PROGRAM_ONLY },
  { "baseline-no-at.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":21: <baseline> has no “at” attribute; it is required", SCHEMA_REFUSES },
  { "baselines-after-date-changes.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":23: <baselines> must come before <date-changes> in <plan>", SCHEMA_REFUSES },
  { "baselines-empty.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":20: <baselines> is empty; leave it out when the plan has no baselines", SCHEMA_REFUSES },
  { "baselines-in-version-6.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":20: <baselines> needs format version 7; this file is version 6", SCHEMA_REFUSES },
  { "date-change-at-offset.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":21: <change> at: “2026-11-18T10:42:00+01:00” is not a moment written "
    "YYYY-MM-DDTHH:MM:SSZ (UTC)", SCHEMA_REFUSES },
  { "date-change-holds-element.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":21: <change> contains an element <b>; it may hold only text", SCHEMA_REFUSES },
  { "date-change-no-reason.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":21: <change> has no “reason” attribute; it is required", SCHEMA_REFUSES },
  { "date-change-reason-unknown.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":21: <change> reason=\"weather\" is not one of the known values: incoming-trust, "
    "school, local-authority, diocese, tupe, pensions, union, negative-press, governance, "
    "finance, viability, land, buildings, legal-documents, commercial-transfer-agreement, "
    "correcting-error, voluntary-deferral, advisory-board-conditions", SCHEMA_REFUSES },
  { "date-change-same-dates.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":21: <change> has the same date before and after; a change needs “from” or “to”, and "
    "different dates", PROGRAM_ONLY },
  { "date-change-subject-plan.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":21: <change> subject=\"plan\" is not a school’s or a cohort’s: “school:” and a URN, or "
    "“cohort:” and a cohort’s id", SCHEMA_REFUSES },
  { "date-changes-empty.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":20: <date-changes> is empty; leave it out when the plan has no date changes", SCHEMA_REFUSES },
  { "date-changes-in-version-6.matplan", COHORTS_PLAN_ERROR_INVALID,
    ":20: <date-changes> needs format version 7; this file is version 6", SCHEMA_REFUSES },
};

static void
assert_refused (CohortsPlan      *plan,
                GError           *error,
                const BadFile    *bad,
                const char       *expected)
{
  g_assert_null (plan);
  g_assert_error (error, COHORTS_PLAN_ERROR, (int) bad->code);
  g_assert_cmpstr (error->message, ==, expected);
}

static void
test_refuse_bad_file (gconstpointer data)
{
  const BadFile *bad = data;
  g_autofree char *path = bad_file_path (bad->file);
  g_autofree char *expected = g_strconcat (bad->file, bad->message, NULL);
  g_autofree char *problem = NULL;
  g_autoptr(GBytes) bytes = read_bytes (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CohortsPlan) plan = NULL;
  gsize size;
  const char *contents = g_bytes_get_data (bytes, &size);
  RngVerdict verdict;

  /* From the file, with the loader's own checks and with the schema pass:
   * the same verdict, word for word. */
  plan = load_path (path, COHORTS_PLAN_LOAD_DEFAULT, &error);
  assert_refused (plan, error, bad, expected);
  /* Nothing of /etc/passwd (doctype-external-entity) ever comes through. */
  g_assert_null (strstr (error->message, "root:"));
  g_clear_error (&error);

  plan = load_path (path, COHORTS_PLAN_LOAD_SCHEMA, &error);
  assert_refused (plan, error, bad, expected);
  g_clear_error (&error);

  /* From memory, as a stream that does not tell its size. */
  plan = cohorts_plan_xml_load_data (contents, size, bad->file, COHORTS_PLAN_LOAD_DEFAULT, &error);
  assert_refused (plan, error, bad, expected);
  g_clear_error (&error);

  /* The schema, by itself, on the document as libxml2 reads it. */
  verdict = rng_validate (bytes, bad->file, &problem);
  switch (bad->schema)
    {
    case SCHEMA_REFUSES:
      g_assert_cmpint (verdict, ==, RNG_INVALID);
      g_test_message ("the schema says: %s", problem);
      break;

    case PROGRAM_ONLY:
      if (verdict != RNG_VALID)
        g_test_message ("the schema says: %s", problem ? problem : "not well-formed");
      g_assert_cmpint (verdict, ==, RNG_VALID);
      break;

    case NOT_SCHEMA:
    default:
      break;
    }
}

/* Every file in tests/files/bad/ is in the table, and every entry has a file. */
static void
test_refuse_corpus_complete (void)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "files", "bad", NULL);
  g_autoptr(GPtrArray) names = list_dir (dir);
  g_autoptr(GHashTable) listed = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      g_assert_false (g_hash_table_contains (listed, bad_files[i].file));
      g_hash_table_add (listed, (gpointer) bad_files[i].file);
    }
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);

      if (!g_hash_table_contains (listed, name))
        g_test_message ("%s is not in the table", name);
      g_assert_true (g_hash_table_contains (listed, name));
    }
  g_assert_cmpuint (names->len, ==, G_N_ELEMENTS (bad_files));
}

/* Hostile files, made at run time */

static const char plan_head[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<plan xmlns=\"urn:io.github.cohorts:matplan\" format-version=\"1\">\n"
  "  <trust kind=\"forming-mat\">\n"
  "    <name>Test Trust</name>\n"
  "  </trust>\n"
  "  <schools>\n";
static const char plan_tail[] =
  "  </schools>\n"
  "  <cohorts/>\n"
  "</plan>\n";

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = make_temp_dir ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  remove_tree (fixture->dir);
  g_free (fixture->dir);
}

/* Writes @text to @name in the fixture's folder; returns the path. */
static char *
fixture_write (Fixture       *fixture,
               const char    *name,
               const GString *text)
{
  char *path = g_build_filename (fixture->dir, name, NULL);

  write_bytes (path, text->str, text->len);
  return path;
}

/* Loads @path with both flags; each must fail with @code and the message
 * "NAME@message", in well under a few seconds. */
static void
assert_refused_quickly (const char       *path,
                        CohortsPlanError  code,
                        const char       *message)
{
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *expected = g_strconcat (name, message, NULL);

  for (int flags = COHORTS_PLAN_LOAD_DEFAULT; flags <= COHORTS_PLAN_LOAD_SCHEMA; flags++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CohortsPlan) plan = NULL;
      gint64 start = g_get_monotonic_time ();
      double seconds;

      plan = load_path (path, flags, &error);
      seconds = seconds_since (start);
      g_test_message ("%s, flags %d: %.3f s", name, flags, seconds);
      g_assert_null (plan);
      g_assert_error (error, COHORTS_PLAN_ERROR, (int) code);
      g_assert_cmpstr (error->message, ==, expected);
      g_assert_cmpfloat (seconds, <, time_limit ());
    }
}

static void
test_refuse_over_64_mib (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "over-64-mib.matplan", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileOutputStream) out = NULL;
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(GInputStream) unsized = NULL;
  g_autoptr(CohortsPlan) plan = NULL;
  g_autoptr(GString) school = g_string_new (NULL);
  g_autofree char *notes = g_strnfill (90000, 'n');
  gsize written = 0;
  gint64 start;
  double seconds;

  /* A plan that would be valid but for its size: schools with long notes. */
  out = g_file_create (file, G_FILE_CREATE_NONE, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_write_all (G_OUTPUT_STREAM (out), plan_head, strlen (plan_head), NULL, NULL, &error);
  g_assert_no_error (error);
  written += strlen (plan_head);
  for (guint i = 0; written <= COHORTS_PLAN_MAX_FILE_SIZE; i++)
    {
      g_string_printf (school, "    <school urn=\"%u\">\n      <name>School %u</name>\n"
                               "      <notes>%s</notes>\n    </school>\n", 100000 + i, i, notes);
      g_output_stream_write_all (G_OUTPUT_STREAM (out), school->str, school->len, NULL, NULL, &error);
      g_assert_no_error (error);
      written += school->len;
    }
  g_output_stream_write_all (G_OUTPUT_STREAM (out), plan_tail, strlen (plan_tail), NULL, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_close (G_OUTPUT_STREAM (out), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (written, >, COHORTS_PLAN_MAX_FILE_SIZE);
  g_assert_cmpuint (written, <, COHORTS_PLAN_MAX_FILE_SIZE + 200 * 1024);

  assert_refused_quickly (path, COHORTS_PLAN_ERROR_TOO_LARGE,
                          ": the file is larger than 64 MiB, the limit for a plan");

  /* A stream that does not tell its size is refused as it passes 64 MiB. */
  in = g_file_read (file, NULL, &error);
  g_assert_no_error (error);
  unsized = g_buffered_input_stream_new (G_INPUT_STREAM (in));
  g_assert_false (G_IS_FILE_INPUT_STREAM (unsized));
  start = g_get_monotonic_time ();
  plan = cohorts_plan_xml_load (unsized, "unsized.matplan", COHORTS_PLAN_LOAD_DEFAULT, NULL, &error);
  seconds = seconds_since (start);
  g_test_message ("unsized stream: %.3f s", seconds);
  g_assert_null (plan);
  g_assert_error (error, COHORTS_PLAN_ERROR, COHORTS_PLAN_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==,
                   "unsized.matplan: the file is larger than 64 MiB, the limit for a plan");
  g_assert_cmpfloat (seconds, <, time_limit ());
}

static void
test_refuse_100000_attributes (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new (plan_head);
  g_autofree char *path = NULL;
  g_autofree char *message = NULL;
  gsize offset;

  offset = text->len;
  g_string_append (text, "    <school urn=\"100001\"");
  for (guint i = 0; i < 100000; i++)
    g_string_append_printf (text, " a%u=\"x\"", i);
  g_string_append (text, ">\n      <name>School</name>\n    </school>\n");
  g_string_append (text, plan_tail);

  path = fixture_write (fixture, "tag-100000-attributes.matplan", text);
  message = g_strdup_printf (":%d: a tag is longer than 64 KiB, the limit",
                             line_at_offset (text, offset));
  assert_refused_quickly (path, COHORTS_PLAN_ERROR_TOO_LARGE, message);
}

static void
test_refuse_nested_10000 (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new (plan_head);
  g_autofree char *path = NULL;
  g_autofree char *message = NULL;
  gsize offset = 0;

  /* plan, schools, school, extensions: the extension is level 5. */
  g_string_append (text, "    <school urn=\"100001\">\n      <name>School</name>\n      <extensions>\n");
  for (guint level = 5; level < 5 + 10000; level++)
    {
      if (level == COHORTS_PLAN_MAX_DEPTH + 1)
        offset = text->len;
      g_string_append (text, level == 5 ? "<x:e xmlns:x=\"urn:example:x\">\n" : "<x:e>\n");
    }
  for (guint i = 0; i < 10000; i++)
    g_string_append (text, "</x:e>\n");
  g_string_append (text, "      </extensions>\n    </school>\n");
  g_string_append (text, plan_tail);

  path = fixture_write (fixture, "nested-10000-deep.matplan", text);
  message = g_strdup_printf (":%d: elements are nested deeper than 32 levels, the limit",
                             line_at_offset (text, offset));
  assert_refused_quickly (path, COHORTS_PLAN_ERROR_TOO_LARGE, message);
}

static void
test_refuse_extension_over_1_mib (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new (plan_head);
  g_autofree char *path = NULL;
  g_autofree char *message = NULL;
  gsize offset;

  g_string_append (text, "    <school urn=\"100001\">\n      <name>School</name>\n      <extensions>\n");
  offset = text->len;
  g_string_append (text, "        <x:blob xmlns:x=\"urn:example:blob\">\n");
  /* Elements in elements: the size counts all of the content. */
  for (guint i = 0; i < 1024; i++)
    {
      g_string_append_printf (text, "<x:i n=\"%u\"><x:j>", i);
      for (guint j = 0; j < 16; j++)
        g_string_append (text, "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
      g_string_append (text, "</x:j></x:i>\n");
    }
  g_string_append (text, "</x:blob>\n      </extensions>\n    </school>\n");
  g_string_append (text, plan_tail);

  path = fixture_write (fixture, "extension-over-1-mib.matplan", text);
  message = g_strdup_printf (":%d: the element <x:blob> of another namespace is larger than 1024 KiB, "
                             "the limit", line_at_offset (text, offset));
  assert_refused_quickly (path, COHORTS_PLAN_ERROR_TOO_LARGE, message);
}

/* A plan with one extension element holding @n empty child elements. */
static GString *
plan_with_extension_children (guint  n,
                              gsize *offset)
{
  GString *text = g_string_new (plan_head);

  g_string_append (text, "    <school urn=\"100001\">\n      <name>School</name>\n      <extensions>\n");
  *offset = text->len;
  g_string_append (text, "        <x:list xmlns:x=\"urn:example:list\">");
  for (guint i = 0; i < n; i++)
    g_string_append (text, "<x:i/>");
  g_string_append (text, "</x:list>\n      </extensions>\n    </school>\n");
  g_string_append (text, plan_tail);
  return text;
}

/* libxml2's RELAX NG validator takes time in the square of the number of
 * children of an element of another namespace (80,000 took 9 s): the loader
 * bounds them before the schema pass sees them. */
static void
test_refuse_extension_elements (Fixture       *fixture,
                                gconstpointer  data)
{
  gsize offset;
  g_autoptr(GString) at_limit = plan_with_extension_children (COHORTS_PLAN_MAX_EXTENSION_ELEMENTS - 1, &offset);
  g_autoptr(GString) past_limit = plan_with_extension_children (80000, &offset);
  g_autofree char *path = fixture_write (fixture, "extension-80000-elements.matplan", past_limit);
  g_autofree char *message = g_strdup_printf (":%d: the element <x:list> of another namespace holds more "
                                              "than 2000 elements, the limit",
                                              line_at_offset (past_limit, offset));
  g_autoptr(GError) error = NULL;
  g_autoptr(CohortsPlan) plan = NULL;
  gint64 start;
  double seconds;

  assert_refused_quickly (path, COHORTS_PLAN_ERROR_TOO_LARGE, message);

  /* At the limit (the list and its children), the schema pass is quick. */
  start = g_get_monotonic_time ();
  plan = cohorts_plan_xml_load_data (at_limit->str, at_limit->len, "at-limit.matplan",
                                     COHORTS_PLAN_LOAD_SCHEMA, &error);
  seconds = seconds_since (start);
  g_test_message ("2,000 elements with the schema: %.3f s", seconds);
  g_assert_no_error (error);
  g_assert_nonnull (plan);
  g_assert_cmpfloat (seconds, <, time_limit ());
}

static void
test_refuse_extension_text_over_1_mib (Fixture       *fixture,
                                       gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new (plan_head);
  g_autofree char *path = NULL;
  g_autofree char *message = NULL;
  gsize offset;

  g_string_append (text, "    <school urn=\"100001\">\n      <name>School</name>\n      <extensions>\n");
  offset = text->len;
  g_string_append (text, "        <x:blob xmlns:x=\"urn:example:blob\">");
  for (guint i = 0; i < 1024 * 1024 / 64 + 1; i++)
    g_string_append (text, "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
  g_string_append (text, "</x:blob>\n      </extensions>\n    </school>\n");
  g_string_append (text, plan_tail);

  path = fixture_write (fixture, "extension-text-over-1-mib.matplan", text);
  message = g_strdup_printf (":%d: the element <x:blob> of another namespace is larger than 1024 KiB, "
                             "the limit", line_at_offset (text, offset));
  assert_refused_quickly (path, COHORTS_PLAN_ERROR_TOO_LARGE, message);
}

/* Notes of more than 100,000 characters: a limit the schema does not state. */
static void
test_refuse_notes_over_limit (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new (plan_head);
  g_autoptr(GString) at_limit = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CohortsPlan) plan = NULL;
  g_autofree char *path = NULL;
  g_autofree char *message = NULL;
  g_autofree char *notes = g_strnfill (COHORTS_NOTES_MAX, 'n');
  gsize offset;

  g_string_append (text, "    <school urn=\"100001\">\n      <name>School</name>\n");
  offset = text->len;
  /* 100,000 characters of which the first is two bytes. */
  g_string_append_printf (text, "      <notes>ë%s</notes>\n    </school>\n", notes + 1);
  g_string_append (text, plan_tail);
  at_limit = g_string_new_len (text->str, text->len);

  plan = cohorts_plan_xml_load_data (at_limit->str, at_limit->len, "at-limit.matplan",
                                     COHORTS_PLAN_LOAD_SCHEMA, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_utf8_strlen (cohorts_school_get_notes (school_by_urn (plan, 100001)), -1), ==,
                   COHORTS_NOTES_MAX);

  g_string_insert (text, offset + strlen ("      <notes>"), "n");
  path = fixture_write (fixture, "notes-over-100000-characters.matplan", text);
  message = g_strdup_printf (":%d: <notes> holds more than 100000 characters, the limit",
                             line_at_offset (text, offset));
  assert_refused_quickly (path, COHORTS_PLAN_ERROR_TOO_LARGE, message);

  /* Rule 10 of the format is beyond the schema. */
  bytes = g_bytes_new (text->str, text->len);
  g_assert_cmpint (rng_validate (bytes, "notes-over-100000-characters.matplan", NULL), ==, RNG_VALID);
}

/* Line numbers past 65535 */

typedef enum
{
  BIG_UNKNOWN_ATTRIBUTE,
  BIG_BAD_DATE,
  BIG_STRAY_TEXT,
  BIG_DUPLICATE_URN,
  BIG_MEMBER_TWICE,
} BigError;

#define BIG_N_SCHOOLS 20000
#define BIG_BAD_SCHOOL 18000
#define BIG_OTHER_SCHOOL 11000  /* also past line 65535 */

/* Appends a line of text and counts it in *@line, the number of the next. */
static void append_line (GString    *text,
                         int        *line,
                         const char *format,
                         ...) G_GNUC_PRINTF (3, 4);

static void
append_line (GString    *text,
             int        *line,
             const char *format,
             ...)
{
  va_list args;

  va_start (args, format);
  g_string_append_vprintf (text, format, args);
  va_end (args);
  g_string_append_c (text, '\n');
  (*line)++;
}

/* A plan of 20,000 schools, six lines each, with one error far down: sets
 * *@bad_line to its line, and *@other_line to the line of what it clashes
 * with, if anything. */
static GString *
make_big_plan (BigError  kind,
               int      *bad_line,
               int      *other_line)
{
  GString *text = g_string_sized_new (BIG_N_SCHOOLS * 320);
  int line = 1;

  for (const char *p = plan_head; *p != '\0'; p++)
    line += *p == '\n';
  g_string_append (text, plan_head);

  for (guint i = 0; i < BIG_N_SCHOOLS; i++)
    {
      gboolean bad = i == BIG_BAD_SCHOOL;
      guint urn = 100000 + i;

      if (i == BIG_OTHER_SCHOOL && kind == BIG_DUPLICATE_URN)
        *other_line = line;
      if (bad && (kind == BIG_UNKNOWN_ATTRIBUTE || kind == BIG_DUPLICATE_URN))
        *bad_line = line;
      if (bad && kind == BIG_DUPLICATE_URN)
        urn = 100000 + BIG_OTHER_SCHOOL;
      append_line (text, &line, "    <school urn=\"%u\" phase=\"primary\" type=\"community\"%s>",
                   urn, bad && kind == BIG_UNKNOWN_ATTRIBUTE ? " colour=\"red\"" : "");
      append_line (text, &line, "      <name>School %u</name>", i);
      append_line (text, &line, "      <local-authority code=\"899\">Northshire</local-authority>");
      if (bad && kind == BIG_BAD_DATE)
        *bad_line = line;
      append_line (text, &line, "      <ofsted-grade date=\"%s\" grade=\"good\"/>",
                   bad && kind == BIG_BAD_DATE ? "2023-02-30" : "2023-03-15");
      append_line (text, &line, "      <finance balance=\"-1000\" as-of=\"2026-03-31\"/>");
      append_line (text, &line, "    </school>");
      if (bad && kind == BIG_STRAY_TEXT)
        {
          /* Blank lines around it: the line is where the text starts. */
          append_line (text, &line, "%s", "");
          *bad_line = line;
          append_line (text, &line, "    stray text");
          append_line (text, &line, "%s", "");
        }
    }

  append_line (text, &line, "  </schools>");
  append_line (text, &line, "  <cohorts>");
  append_line (text, &line, "    <cohort id=\"c1\" status=\"draft\">");
  append_line (text, &line, "      <name>One</name>");
  for (guint i = 0; i < 1000; i++)
    {
      if (i == 500 && kind == BIG_MEMBER_TWICE)
        *other_line = line;
      append_line (text, &line, "      <member urn=\"%u\"/>", 100000 + i);
    }
  append_line (text, &line, "    </cohort>");
  append_line (text, &line, "    <cohort id=\"c2\" status=\"draft\">");
  append_line (text, &line, "      <name>Two</name>");
  append_line (text, &line, "      <member urn=\"101000\"/>");
  if (kind == BIG_MEMBER_TWICE)
    *bad_line = line;
  append_line (text, &line, "      <member urn=\"%u\"/>", kind == BIG_MEMBER_TWICE ? 100500 : 101001);
  append_line (text, &line, "    </cohort>");
  append_line (text, &line, "  </cohorts>");
  append_line (text, &line, "</plan>");

  g_assert_cmpint (line - 1, >, 120000);
  return text;
}

static void
test_lines_past_65535 (Fixture       *fixture,
                       gconstpointer  data)
{
  BigError kind = GPOINTER_TO_INT (data);
  int line = 0, other_line = 0;
  g_autoptr(GString) text = make_big_plan (kind, &line, &other_line);
  g_autofree char *path = fixture_write (fixture, "big.matplan", text);
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CohortsPlan) plan = NULL;

  g_assert_cmpint (line, >, 100000);

  switch (kind)
    {
    case BIG_UNKNOWN_ATTRIBUTE:
      message = g_strdup_printf ("big.matplan:%d: <school> has an unknown attribute “colour”", line);
      break;
    case BIG_BAD_DATE:
      message = g_strdup_printf ("big.matplan:%d: <ofsted-grade> date: 2023-02-30 is not a date: "
                                 "February 2023 has 28 days", line);
      break;
    case BIG_STRAY_TEXT:
      message = g_strdup_printf ("big.matplan:%d: <schools> contains text outside its elements", line);
      break;
    case BIG_DUPLICATE_URN:
      g_assert_cmpint (other_line, >, 65535);
      message = g_strdup_printf ("big.matplan:%d: URN %u is used by a second school; the school at "
                                 "line %d has it already", line, 100000 + BIG_OTHER_SCHOOL, other_line);
      break;
    case BIG_MEMBER_TWICE:
      g_assert_cmpint (other_line, >, 65535);
      message = g_strdup_printf ("big.matplan:%d: School 500 (URN 100500) is in two cohorts, or twice "
                                 "in one; it is already a member at line %d", line, other_line);
      break;
    default:
      g_assert_not_reached ();
    }

  plan = load_path (path, COHORTS_PLAN_LOAD_DEFAULT, &error);
  g_assert_null (plan);
  g_assert_error (error, COHORTS_PLAN_ERROR, COHORTS_PLAN_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, message);
  g_clear_error (&error);

  /* The schema pass reads differently (it builds some subtrees at once); the
   * lines must not change. Once is enough: it is slow on a plan this size. */
  if (kind == BIG_UNKNOWN_ATTRIBUTE)
    {
      plan = load_path (path, COHORTS_PLAN_LOAD_SCHEMA, &error);
      g_assert_null (plan);
      g_assert_cmpstr (error->message, ==, message);
    }
}

/* Comments, processing instructions and CDATA sections (which libxml2 joins
 * when they touch) before an error must not put its line out. */
static void
test_lines_mixed_markup (void)
{
  static const char head[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<!-- a comment before the root -->\n"
    "<?pi before the root?>\n"
    "<plan xmlns=\"urn:io.github.cohorts:matplan\" format-version=\"1\">\n"
    "  <trust kind=\"forming-mat\">\n"
    "    <name><![CDATA[Test]]><![CDATA[ Trust]]></name>\n"
    "  </trust>\n"
    "  <schools>\n"
    "    <!-- a comment among the schools --><?pi among the schools?>\n"
    "    <![CDATA[  ]]><![CDATA[\n"
    "    ]]>\n"
    "    <school urn=\"100001\">\n"
    "      <name>First<!-- c -->School<?pi x?>&amp;<![CDATA[<CDATA>]]>&#10;more</name>\n"
    "      <notes>a<!-- c -->b<?pi x?>c<![CDATA[d]]><![CDATA[e]]>\n"
    "f</notes>\n"
    "    </school>\n";
  static const struct
  {
    const char *rest;
    const char *message;
  } cases[] = {
    { "    <school urn=\"100002\" colour=\"red\">\n"
      "      <name>Second</name>\n"
      "    </school>\n"
      "  </schools>\n",
      "test.matplan:17: <school> has an unknown attribute “colour”" },
    { "    <!-- x --> <![CDATA[\n"
      "    ]]>\n"
      "      stray <!-- x --> text\n"
      "  </schools>\n",
      "test.matplan:19: <schools> contains text outside its elements" },
    { "    <![CDATA[\n"
      "\n"
      "  text in a CDATA section]]>\n"
      "  </schools>\n",
      "test.matplan:17: <schools> contains text outside its elements" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    for (int flags = COHORTS_PLAN_LOAD_DEFAULT; flags <= COHORTS_PLAN_LOAD_SCHEMA; flags++)
      {
        g_autofree char *text = g_strconcat (head, cases[i].rest, "  <cohorts/>\n</plan>\n", NULL);
        g_autoptr(GError) error = NULL;
        g_autoptr(CohortsPlan) plan = load_string (text, flags, &error);

        g_assert_null (plan);
        g_assert_error (error, COHORTS_PLAN_ERROR, COHORTS_PLAN_ERROR_INVALID);
        g_assert_cmpstr (error->message, ==, cases[i].message);
      }
}

/* Saving */

static CohortsPlan *
load_example (void)
{
  g_autofree char *path = example_path ();
  g_autoptr(GError) error = NULL;
  CohortsPlan *plan = load_path (path, COHORTS_PLAN_LOAD_DEFAULT, &error);

  g_assert_no_error (error);
  return plan;
}

static void
test_save_new_file (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(CohortsPlan) plan = load_example ();
  g_autofree char *path = g_build_filename (fixture->dir, "new.matplan", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) expected = cohorts_plan_xml_to_bytes (plan);
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (cohorts_plan_xml_save_file (plan, file, NULL, &error));
  g_assert_no_error (error);

  saved = read_bytes (path);
  assert_same_bytes (expected, saved);

  /* No backup of a file that was not there, and no temporary file left. */
  names = list_dir (fixture->dir);
  g_assert_cmpuint (names->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (names, 0), ==, "new.matplan");
}

static void
test_save_keeps_backup (Fixture       *fixture,
                        gconstpointer  data)
{
  static const char old[] = "the previous version, byte for byte\n";
  g_autoptr(CohortsPlan) plan = load_example ();
  g_autofree char *path = g_build_filename (fixture->dir, "plan.matplan", NULL);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) expected = cohorts_plan_xml_to_bytes (plan);
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GBytes) kept = NULL;
  g_autoptr(GBytes) old_bytes = g_bytes_new_static (old, strlen (old));
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GError) error = NULL;

  write_bytes (path, old, -1);
  g_assert_true (cohorts_plan_xml_save_file (plan, file, NULL, &error));
  g_assert_no_error (error);

  saved = read_bytes (path);
  assert_same_bytes (expected, saved);
  kept = read_bytes (backup);
  assert_same_bytes (old_bytes, kept);

  names = list_dir (fixture->dir);
  g_assert_cmpuint (names->len, ==, 2);
}

static void
test_save_missing_folder (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(CohortsPlan) plan = load_example ();
  g_autofree char *folder = g_build_filename (fixture->dir, "no-such-folder", NULL);
  g_autofree char *path = g_build_filename (folder, "plan.matplan", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (cohorts_plan_xml_save_file (plan, file, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);

  /* Nothing made: not the folder, not a temporary file. */
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
  names = list_dir (fixture->dir);
  g_assert_cmpuint (names->len, ==, 0);
}

static void
assert_save_fails_keeping (CohortsPlan *plan,
                           const char  *path,
                           const char  *original_path,
                           GBytes      *original)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (cohorts_plan_xml_save_file (plan, file, NULL, &error));
  g_assert_nonnull (error);
  g_test_message ("saving %s: %s", path, error->message);

  after = read_bytes (original_path);
  assert_same_bytes (original, after);
}

static void
test_save_failure_keeps_original (Fixture       *fixture,
                                  gconstpointer  data)
{
  static const char old[] = "<plan>the original, which must survive</plan>\n";
  g_autoptr(CohortsPlan) plan = load_example ();
  g_autoptr(GBytes) original = g_bytes_new_static (old, strlen (old));
  g_autofree char *folder = g_build_filename (fixture->dir, "folder", NULL);
  g_autofree char *path = g_build_filename (folder, "plan.matplan", NULL);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autofree char *backup_content = g_build_filename (backup, "keep", NULL);
  g_autoptr(GPtrArray) names = NULL;

  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  write_bytes (path, old, -1);

  if (geteuid () != 0)
    {
      /* A read-only file in a read-only folder. */
      g_assert_cmpint (g_chmod (path, 0444), ==, 0);
      g_assert_cmpint (g_chmod (folder, 0555), ==, 0);
      assert_save_fails_keeping (plan, path, path, original);
      names = list_dir (folder);
      g_assert_cmpuint (names->len, ==, 1);
      g_clear_pointer (&names, g_ptr_array_unref);
      g_assert_cmpint (g_chmod (folder, 0755), ==, 0);
      g_assert_cmpint (g_chmod (path, 0644), ==, 0);
    }
  else
    {
      /* Permissions do not stop root: the parent of the target is a file. */
      g_autofree char *under_file = g_build_filename (path, "plan.matplan", NULL);

      g_test_message ("running as root: a read-only folder would not stop the save");
      assert_save_fails_keeping (plan, under_file, path, original);
    }

  /* For anyone: the backup cannot be made (FILE~ is a folder that is not
   * empty), so the file must not be replaced. */
  g_assert_cmpint (g_mkdir (backup, 0755), ==, 0);
  write_bytes (backup_content, "x", 1);
  assert_save_fails_keeping (plan, path, path, original);
  g_assert_true (g_file_test (backup_content, G_FILE_TEST_IS_REGULAR));
  names = list_dir (folder);
  g_assert_cmpuint (names->len, ==, 2);
}

typedef struct
{
  GMainLoop *loop;
  gboolean ok;
  GError *error;
} AsyncSave;

static void
save_ready_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  AsyncSave *save = user_data;

  save->ok = cohorts_plan_xml_save_file_finish (COHORTS_PLAN (source), result, &save->error);
  g_main_loop_quit (save->loop);
}

static void
test_save_async (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(CohortsPlan) plan = load_example ();
  g_autofree char *path = g_build_filename (fixture->dir, "async.matplan", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) expected = cohorts_plan_xml_to_bytes (plan);
  g_autoptr(GBytes) saved = NULL;
  AsyncSave save = { NULL, };

  save.loop = g_main_loop_new (NULL, FALSE);
  cohorts_plan_xml_save_file_async (plan, file, NULL, save_ready_cb, &save);
  g_main_loop_run (save.loop);
  g_main_loop_unref (save.loop);

  g_assert_no_error (save.error);
  g_assert_true (save.ok);
  saved = read_bytes (path);
  assert_same_bytes (expected, saved);
}

/* Setting up */

/* Values the wrong way round open, so that the user can correct them; the
 * checks report them. */
static void
test_load_reversed_values (void)
{
  struct {
    const char *name;
    const char *code;
    const char *message;
  } cases[] = {
    { "ages-low-above-high.matplan", "school-ages-reversed",
      "Second School has a lowest age of 11, above its highest age of 4." },
    { "academies-min-above-max.matplan", "growth-target-reversed",
      "The growth target aims for at least 20 academies but at most 15." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "files", "good", cases[i].name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      g_autoptr(CohortsPlan) plan = cohorts_plan_xml_load_file (file, cases[i].name, COHORTS_PLAN_LOAD_SCHEMA,
                                                               NULL, &error);
      g_autoptr(GPtrArray) findings = NULL;
      CohortsFinding *finding;

      g_assert_no_error (error);
      findings = cohorts_checks_run (plan);
      g_assert_cmpuint (findings->len, ==, 1);
      finding = g_ptr_array_index (findings, 0);
      g_assert_cmpstr (finding->code, ==, cases[i].code);
      g_assert_cmpstr (finding->message, ==, cases[i].message);
    }
}

/* Inputs the fuzzer found (tests/files/fuzz-regressions/, see HACKING.md):
 * each is refused with a message that names the file, or loads, passes the
 * schema and saves to bytes that load again and save the same; quickly. */
static void
test_fuzz_regressions (void)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "files", "fuzz-regressions", NULL);
  g_autoptr(GPtrArray) names = list_dir (dir);

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *prefix = g_strconcat (name, ":", NULL);
      g_autoptr(GBytes) bytes = NULL;
      const CohortsPlanLoadFlags all_flags[] = { COHORTS_PLAN_LOAD_DEFAULT, COHORTS_PLAN_LOAD_SCHEMA };

      if (g_str_equal (name, "README.md"))
        continue;
      bytes = read_bytes (path);
      for (guint f = 0; f < G_N_ELEMENTS (all_flags); f++)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(CohortsPlan) plan = NULL;
          gint64 start = g_get_monotonic_time ();
          double seconds;

          plan = cohorts_plan_xml_load_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), name,
                                             all_flags[f], &error);
          seconds = seconds_since (start);
          g_test_message ("%s, flags %d: %s (%.3f s)", name, all_flags[f],
                          plan != NULL ? "loaded" : error->message, seconds);
          g_assert_cmpfloat (seconds, <, time_limit ());
          if (plan == NULL)
            {
              g_assert_nonnull (error);
              g_assert_true (g_str_has_prefix (error->message, prefix));
            }
          else
            {
              g_autoptr(GBytes) saved = cohorts_plan_xml_to_bytes (plan);
              g_autoptr(CohortsPlan) reloaded = NULL;
              g_autoptr(GBytes) saved_again = NULL;

              reloaded = cohorts_plan_xml_load_data (g_bytes_get_data (saved, NULL), g_bytes_get_size (saved),
                                                     "saved.matplan", COHORTS_PLAN_LOAD_SCHEMA, &error);
              g_assert_no_error (error);
              saved_again = cohorts_plan_xml_to_bytes (reloaded);
              assert_same_bytes (saved, saved_again);
            }
        }
    }
}

/* Paths of the good files, for the tests to the end of the program. */
static GPtrArray *good_paths;

static void
add_good_file_tests (void)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "files", "good", NULL);
  g_autoptr(GPtrArray) names = list_dir (dir);

  g_assert_cmpuint (names->len, >=, 3);
  good_paths = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autofree char *test_path = g_strdup_printf ("/plan-xml/load/good/%s", name);
      char *path = g_build_filename (dir, name, NULL);

      g_ptr_array_add (good_paths, path);
      g_test_add_data_func (test_path, path, test_load_good_file);
    }
}

static void
add_bad_file_tests (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      g_autofree char *stem = g_strndup (bad_files[i].file, strlen (bad_files[i].file) -
                                                            strlen (".matplan"));
      g_autofree char *test_path = g_strdup_printf ("/plan-xml/refuse/%s", stem);

      g_assert_true (g_str_has_suffix (bad_files[i].file, ".matplan"));
      g_test_add_data_func (test_path, &bad_files[i], test_refuse_bad_file);
    }
}

static xmlRelaxNGPtr
compile_schema_file (const char *name)
{
  g_autofree char *path = g_build_filename (COHORTS_SOURCE_DIR, "data", name, NULL);
  xmlRelaxNGParserCtxtPtr parser = xmlRelaxNGNewParserCtxt (path);
  xmlRelaxNGPtr schema = xmlRelaxNGParse (parser);

  xmlRelaxNGFreeParserCtxt (parser);
  g_assert_nonnull (schema);
  return schema;
}

#define ADD_FIXTURE_TEST(path, data, func) \
  g_test_add (path, Fixture, data, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);

  /* Compiled before any plan is loaded: the loader installs, for the whole
   * process, an external entity loader that refuses every file, and
   * xmlRelaxNGNewParserCtxt() reads the schema through it. */
  rng_schema = compile_schema_file ("matplan.rng");
  rng_schema_1 = compile_schema_file ("matplan-1.rng");
  rng_schema_2 = compile_schema_file ("matplan-2.rng");
  rng_schema_3 = compile_schema_file ("matplan-3.rng");
  rng_schema_4 = compile_schema_file ("matplan-4.rng");
  rng_schema_5 = compile_schema_file ("matplan-5.rng");
  rng_schema_6 = compile_schema_file ("matplan-6.rng");

  g_test_add_func ("/plan-xml/load/example", test_load_example);
  g_test_add_func ("/plan-xml/load/example-with-schema", test_load_example_with_schema);
  g_test_add_func ("/plan-xml/load/everything", test_load_everything);
  g_test_add_func ("/plan-xml/load/schedule-and-milestones", test_load_schedule_and_milestones);
  g_test_add_func ("/plan-xml/load/schedule-subset", test_load_schedule_subset);
  g_test_add_func ("/plan-xml/load/version-1", test_load_version_1);
  g_test_add_func ("/plan-xml/load/version-2", test_load_version_2);
  g_test_add_func ("/plan-xml/load/version-3", test_load_version_3);
  g_test_add_func ("/plan-xml/load/version-4", test_load_version_4);
  g_test_add_func ("/plan-xml/load/version-5", test_load_version_5);
  g_test_add_func ("/plan-xml/load/version-6", test_load_version_6);
  g_test_add_func ("/plan-xml/church-track", test_church_track_load);
  g_test_add_func ("/plan-xml/locks", test_locks);
  g_test_add_func ("/plan-xml/reviews/load", test_reviews_load);
  g_test_add_func ("/plan-xml/reviews/edit", test_reviews_edit);
  g_test_add_func ("/plan-xml/reviews/follow-subjects", test_reviews_follow_subjects);
  g_test_add_func ("/plan-xml/load/readiness", test_readiness);
  g_test_add_func ("/plan-xml/load/capacity-limits", test_capacity_limits);
  g_test_add_func ("/plan-xml/load/missing-file", test_load_missing_file);
  g_test_add_func ("/plan-xml/load/async-example", test_load_async_example);
  g_test_add_func ("/plan-xml/load/async-bad-file", test_load_async_bad);
  g_test_add_func ("/plan-xml/load/reversed-values-are-findings", test_load_reversed_values);
  add_good_file_tests ();

  g_test_add_func ("/plan-xml/round-trip/example", test_round_trip_example);
  g_test_add_func ("/plan-xml/round-trip/built-in-code", test_round_trip_built);
  g_test_add_func ("/plan-xml/round-trip/top-slice", test_round_trip_top_slice);
  g_test_add_func ("/plan-xml/round-trip/normalises", test_round_trip_normalises);

  g_test_add_func ("/plan-xml/refuse/corpus-complete", test_refuse_corpus_complete);
  add_bad_file_tests ();
  g_test_add_func ("/plan-xml/refuse/fuzz-regressions", test_fuzz_regressions);

  ADD_FIXTURE_TEST ("/plan-xml/refuse-generated/over-64-mib", NULL, test_refuse_over_64_mib);
  ADD_FIXTURE_TEST ("/plan-xml/refuse-generated/tag-100000-attributes", NULL,
                    test_refuse_100000_attributes);
  ADD_FIXTURE_TEST ("/plan-xml/refuse-generated/nested-10000-deep", NULL, test_refuse_nested_10000);
  ADD_FIXTURE_TEST ("/plan-xml/refuse-generated/extension-over-1-mib", NULL,
                    test_refuse_extension_over_1_mib);
  ADD_FIXTURE_TEST ("/plan-xml/refuse-generated/extension-80000-elements", NULL,
                    test_refuse_extension_elements);
  ADD_FIXTURE_TEST ("/plan-xml/refuse-generated/extension-text-over-1-mib", NULL,
                    test_refuse_extension_text_over_1_mib);
  ADD_FIXTURE_TEST ("/plan-xml/refuse-generated/notes-over-100000-characters", NULL,
                    test_refuse_notes_over_limit);

  ADD_FIXTURE_TEST ("/plan-xml/lines/past-65535/unknown-attribute",
                    GINT_TO_POINTER (BIG_UNKNOWN_ATTRIBUTE), test_lines_past_65535);
  ADD_FIXTURE_TEST ("/plan-xml/lines/past-65535/bad-date",
                    GINT_TO_POINTER (BIG_BAD_DATE), test_lines_past_65535);
  ADD_FIXTURE_TEST ("/plan-xml/lines/past-65535/stray-text",
                    GINT_TO_POINTER (BIG_STRAY_TEXT), test_lines_past_65535);
  ADD_FIXTURE_TEST ("/plan-xml/lines/past-65535/duplicate-urn",
                    GINT_TO_POINTER (BIG_DUPLICATE_URN), test_lines_past_65535);
  ADD_FIXTURE_TEST ("/plan-xml/lines/past-65535/member-twice",
                    GINT_TO_POINTER (BIG_MEMBER_TWICE), test_lines_past_65535);
  g_test_add_func ("/plan-xml/lines/mixed-markup", test_lines_mixed_markup);

  ADD_FIXTURE_TEST ("/plan-xml/save/new-file", NULL, test_save_new_file);
  ADD_FIXTURE_TEST ("/plan-xml/save/keeps-backup", NULL, test_save_keeps_backup);
  ADD_FIXTURE_TEST ("/plan-xml/save/missing-folder", NULL, test_save_missing_folder);
  ADD_FIXTURE_TEST ("/plan-xml/save/failure-keeps-original", NULL, test_save_failure_keeps_original);
  ADD_FIXTURE_TEST ("/plan-xml/save/async", NULL, test_save_async);

  ret = g_test_run ();

  g_ptr_array_unref (good_paths);
  xmlRelaxNGFree (rng_schema);
  xmlRelaxNGFree (rng_schema_1);
  xmlRelaxNGFree (rng_schema_2);
  xmlRelaxNGFree (rng_schema_3);
  xmlRelaxNGFree (rng_schema_4);
  xmlRelaxNGFree (rng_schema_5);
  return ret;
}
