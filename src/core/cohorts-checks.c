/* cohorts-checks.c: what is wrong with a plan, as findings
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A plan that loads may still break planning rules: the plan opens so that
 * the user can fix them, and each broken rule becomes a finding with a
 * severity, a stable code, the subject and a message.
 *
 * Codes are part of the command line's output (cohorts --check) and must not
 * change.
 */
#define G_LOG_DOMAIN "cohorts-checks"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cohorts-checks.h"

G_DEFINE_BOXED_TYPE (CohortsFinding, cohorts_finding, cohorts_finding_copy, cohorts_finding_free)

CohortsFinding *
cohorts_finding_copy (const CohortsFinding *finding)
{
  CohortsFinding *copy = g_new0 (CohortsFinding, 1);

  copy->severity = finding->severity;
  copy->code = g_strdup (finding->code);
  copy->subject = g_strdup (finding->subject);
  copy->message = g_strdup (finding->message);
  copy->suggestion = g_strdup (finding->suggestion);
  return copy;
}

void
cohorts_finding_free (CohortsFinding *finding)
{
  if (finding == NULL)
    return;
  g_free (finding->code);
  g_free (finding->subject);
  g_free (finding->message);
  g_free (finding->suggestion);
  g_free (finding);
}

static void add (GPtrArray       *findings,
                 CohortsSeverity  severity,
                 const char      *code,
                 char            *subject,
                 char            *suggestion,
                 const char      *format,
                 ...) G_GNUC_PRINTF (6, 7);

/* Takes @subject and @suggestion. */
static void
add (GPtrArray       *findings,
     CohortsSeverity  severity,
     const char      *code,
     char            *subject,
     char            *suggestion,
     const char      *format,
     ...)
{
  CohortsFinding *finding = g_new0 (CohortsFinding, 1);
  va_list args;

  va_start (args, format);
  finding->message = g_strdup_vprintf (format, args);
  va_end (args);

  finding->severity = severity;
  finding->code = g_strdup (code);
  finding->subject = subject;
  finding->suggestion = suggestion;
  g_ptr_array_add (findings, finding);
}

static char *
cohort_subject (CohortsCohort *cohort)
{
  return g_strdup_printf ("cohort:%s", cohorts_cohort_get_id (cohort));
}

static void
check_cohort (CohortsPlan   *plan,
              CohortsCohort *cohort,
              GPtrArray     *findings)
{
  g_autofree char *name = cohorts_cohort_dup_display_name (cohort);
  CohortsDate date = cohorts_cohort_get_date (cohort);
  CohortsDate start = cohorts_plan_get_start_date (plan);

  if (cohorts_cohort_get_n_members (cohort) == 0)
    add (findings, COHORTS_SEVERITY_WARNING, "cohort-empty", cohort_subject (cohort),
         g_strdup (_("Move schools into it, or delete it.")),
         _("%s has no schools."), name);

  if (date == COHORTS_DATE_NONE)
    {
      add (findings, COHORTS_SEVERITY_WARNING, "cohort-no-date", cohort_subject (cohort),
           g_strdup (_("Set its target conversion date: the 1st of a month.")),
           _("%s has no conversion date."), name);
      return;
    }

  if (!cohorts_date_is_first_of_month (date))
    {
      g_autofree char *when = cohorts_date_format (date);
      g_autofree char *before = cohorts_date_format (cohorts_date_first_of_month (date));
      g_autofree char *after = cohorts_date_format (cohorts_date_add_months (cohorts_date_first_of_month (date), 1));

      add (findings, COHORTS_SEVERITY_ERROR, "cohort-date-not-first", cohort_subject (cohort),
           /* Translators: "Move it to 1 September 2027 or 1 October 2027." */
           g_strdup_printf (_("Move it to %s or %s."), before, after),
           _("%s converts on %s; academies open only on the 1st of a month."), name, when);
    }

  if (start != COHORTS_DATE_NONE && date < start)
    {
      g_autofree char *when = cohorts_date_format (date);
      g_autofree char *start_text = cohorts_date_format (start);

      add (findings, COHORTS_SEVERITY_ERROR, "cohort-before-start", cohort_subject (cohort),
           g_strdup (_("Move the cohort later, or start the plan earlier.")),
           _("%s converts on %s, before the plan starts on %s."), name, when, start_text);
    }
}

static void
check_trust (CohortsTrust *trust,
             GPtrArray    *findings)
{
  int low = cohorts_trust_get_academies_min (trust);
  int high = cohorts_trust_get_academies_max (trust);

  if (low >= 0 && high >= 0 && low > high)
    add (findings, COHORTS_SEVERITY_WARNING, "growth-target-reversed", g_strdup ("plan"),
         g_strdup (_("Swap the two numbers of the growth target.")),
         /* Translators: the first number is always above the second, so never 1 */
         _("The growth target aims for at least %d academies but at most %d."), low, high);
}

static void
check_school (CohortsSchool *school,
              GPtrArray     *findings)
{
  int low = cohorts_school_get_low_age (school);
  int high = cohorts_school_get_high_age (school);

  if (low >= 0 && high >= 0 && low > high)
    add (findings, COHORTS_SEVERITY_ERROR, "school-ages-reversed",
         g_strdup_printf ("school:%u", cohorts_school_get_urn (school)),
         g_strdup (_("Correct the statutory ages from the school register.")),
         _("%s has a lowest age of %d, above its highest age of %d."),
         cohorts_school_get_name (school), low, high);
}

/**
 * cohorts_checks_run:
 *
 * Checks @plan against the planning rules as of today: see
 * cohorts_checks_run_at().
 *
 * Returns: (transfer full) (element-type CohortsFinding): the findings
 */
GPtrArray *
cohorts_checks_run (CohortsPlan *plan)
{
  return cohorts_checks_run_at (plan, cohorts_date_today ());
}

/**
 * cohorts_checks_run_at:
 * @today: the day to check on; %COHORTS_DATE_NONE checks nothing against
 *   the calendar
 *
 * Checks @plan against the planning rules.
 *
 * Returns: (transfer full) (element-type CohortsFinding): the findings, in
 *   plan order (the plan first, then schools, then cohorts, in order)
 */
GPtrArray *
cohorts_checks_run_at (CohortsPlan *plan,
                       CohortsDate  today)
{
  GPtrArray *findings = g_ptr_array_new_with_free_func ((GDestroyNotify) cohorts_finding_free);
  GListModel *schools, *cohorts;
  guint n;

  g_return_val_if_fail (COHORTS_IS_PLAN (plan), findings);

  if (cohorts_plan_get_start_date (plan) == COHORTS_DATE_NONE)
    add (findings, COHORTS_SEVERITY_INFO, "plan-no-start", g_strdup ("plan"),
         g_strdup (_("Set the date the plan starts from.")),
         _("The plan has no start date, so conversions cannot be checked against it."));

  check_trust (cohorts_plan_get_trust (plan), findings);

  schools = cohorts_plan_get_schools (plan);
  n = g_list_model_get_n_items (schools);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CohortsSchool) school = g_list_model_get_item (schools, i);
      check_school (school, findings);
    }

  cohorts = cohorts_plan_get_cohorts (plan);
  n = g_list_model_get_n_items (cohorts);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CohortsCohort) cohort = g_list_model_get_item (cohorts, i);
      check_cohort (plan, cohort, findings);
    }

  return findings;
}

/**
 * cohorts_checks_count:
 *
 * Returns: how many of @findings have @severity
 */
guint
cohorts_checks_count (GPtrArray       *findings,
                      CohortsSeverity  severity)
{
  guint count = 0;

  for (guint i = 0; i < findings->len; i++)
    if (((CohortsFinding *) g_ptr_array_index (findings, i))->severity == severity)
      count++;
  return count;
}
