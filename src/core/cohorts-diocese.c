/* cohorts-diocese.c: a diocese's church schools in a plan
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A diocesan representative reviewing a plan looks at the diocese's own
 * schools: which, when, with what consents, and the church's share of the
 * trust over time. Schools name their diocese by the DfE's code and its
 * name; a diocese is known by its code, or by its name where a school has
 * no code. "Not applicable" (code 0000) is no diocese.
 */
#define G_LOG_DOMAIN "cohorts-diocese"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cohorts-cohort.h"
#include "cohorts-diocese.h"
#include "cohorts-school.h"

void
cohorts_diocese_free (CohortsDiocese *diocese)
{
  if (diocese == NULL)
    return;
  g_free (diocese->key);
  g_free (diocese->name);
  g_free (diocese);
}

static gboolean
is_blank (const char *text)
{
  return text == NULL || text[0] == '\0';
}

/**
 * cohorts_school_get_diocese_key:
 *
 * Returns: (nullable): what names @school's diocese among the plan's: its
 *   code, else its name; %NULL when it has none
 */
const char *
cohorts_school_get_diocese_key (CohortsSchool *school)
{
  const char *code, *name;

  g_return_val_if_fail (COHORTS_IS_SCHOOL (school), NULL);

  code = cohorts_school_get_diocese_code (school);
  name = cohorts_school_get_diocese_name (school);
  if (!is_blank (code) && strcmp (code, "0000") != 0)
    return code;
  if (!is_blank (name) && g_ascii_strcasecmp (name, "Not applicable") != 0)
    return name;
  return NULL;
}

/**
 * cohorts_school_in_diocese:
 * @key: (nullable): a diocese's key, or %NULL for every school
 *
 * Returns: whether @school is of the diocese @key names
 */
gboolean
cohorts_school_in_diocese (CohortsSchool *school,
                           const char    *key)
{
  const char *own;

  g_return_val_if_fail (COHORTS_IS_SCHOOL (school), FALSE);

  if (key == NULL)
    return TRUE;
  own = cohorts_school_get_diocese_key (school);
  return own != NULL && strcmp (own, key) == 0;
}

static int
compare_dioceses (gconstpointer a,
                  gconstpointer b)
{
  const CohortsDiocese *da = *(const CohortsDiocese *const *) a;
  const CohortsDiocese *db = *(const CohortsDiocese *const *) b;
  int order = g_utf8_collate (da->name, db->name);

  return order != 0 ? order : strcmp (da->key, db->key);
}

/**
 * cohorts_plan_list_dioceses:
 *
 * Returns: (transfer full) (element-type CohortsDiocese): the dioceses of
 *   @plan's schools, by name, each once with its number of schools
 */
GPtrArray *
cohorts_plan_list_dioceses (CohortsPlan *plan)
{
  GListModel *schools;
  g_autoptr(GHashTable) by_key = NULL;
  GPtrArray *dioceses;
  guint n;

  g_return_val_if_fail (COHORTS_IS_PLAN (plan), NULL);

  dioceses = g_ptr_array_new_with_free_func ((GDestroyNotify) cohorts_diocese_free);
  by_key = g_hash_table_new (g_str_hash, g_str_equal);
  schools = cohorts_plan_get_schools (plan);
  n = g_list_model_get_n_items (schools);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CohortsSchool) school = g_list_model_get_item (schools, i);
      const char *key = cohorts_school_get_diocese_key (school);
      const char *name = cohorts_school_get_diocese_name (school);
      CohortsDiocese *diocese;

      if (key == NULL)
        continue;
      diocese = g_hash_table_lookup (by_key, key);
      if (diocese == NULL)
        {
          diocese = g_new0 (CohortsDiocese, 1);
          diocese->key = g_strdup (key);
          g_ptr_array_add (dioceses, diocese);
          g_hash_table_insert (by_key, diocese->key, diocese);
        }
      /* The first school that names it names it. */
      if (diocese->name == NULL && !is_blank (name))
        diocese->name = g_strdup (name);
      diocese->n_schools++;
    }

  for (guint i = 0; i < dioceses->len; i++)
    {
      CohortsDiocese *diocese = g_ptr_array_index (dioceses, i);

      if (diocese->name == NULL)
        diocese->name = g_strdup (diocese->key);
    }
  g_ptr_array_sort (dioceses, compare_dioceses);
  return dioceses;
}

/**
 * cohorts_plan_find_diocese:
 *
 * Returns: (transfer full) (nullable): the diocese @key names, or %NULL when
 *   none of @plan's schools is of it
 */
CohortsDiocese *
cohorts_plan_find_diocese (CohortsPlan *plan,
                           const char  *key)
{
  g_autoptr(GPtrArray) dioceses = NULL;

  g_return_val_if_fail (COHORTS_IS_PLAN (plan), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  dioceses = cohorts_plan_list_dioceses (plan);
  for (guint i = 0; i < dioceses->len; i++)
    {
      CohortsDiocese *diocese = g_ptr_array_index (dioceses, i);

      if (strcmp (diocese->key, key) == 0)
        return g_ptr_array_steal_index (dioceses, i);
    }
  return NULL;
}

/**
 * cohorts_diocese_get_schools:
 *
 * Returns: (transfer container) (element-type CohortsSchool): @plan's
 *   schools of the diocese @key names, in the plan's order
 */
GPtrArray *
cohorts_diocese_get_schools (CohortsPlan *plan,
                             const char  *key)
{
  GListModel *schools;
  GPtrArray *found;
  guint n;

  g_return_val_if_fail (COHORTS_IS_PLAN (plan), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  found = g_ptr_array_new_with_free_func (g_object_unref);
  schools = cohorts_plan_get_schools (plan);
  n = g_list_model_get_n_items (schools);
  for (guint i = 0; i < n; i++)
    {
      CohortsSchool *school = g_list_model_get_item (schools, i);

      if (cohorts_school_in_diocese (school, key))
        g_ptr_array_add (found, school);
      else
        g_object_unref (school);
    }
  return found;
}

/**
 * cohorts_finding_concerns_diocese:
 * @key: (nullable): a diocese's key; %NULL: every finding concerns it
 *
 * Returns: whether a diocese's representative would look at @finding: its
 *   subject is one of the diocese's schools or a cohort holding one, or it
 *   is about the church's share of the trust
 */
gboolean
cohorts_finding_concerns_diocese (const CohortsFinding *finding,
                                  CohortsPlan          *plan,
                                  const char           *key)
{
  const char *subject;

  g_return_val_if_fail (finding != NULL, FALSE);
  g_return_val_if_fail (COHORTS_IS_PLAN (plan), FALSE);

  if (key == NULL)
    return TRUE;
  if (g_str_has_prefix (finding->code, "capacity-church-share"))
    return TRUE;

  subject = finding->subject;
  if (g_str_has_prefix (subject, "school:"))
    {
      guint64 urn;
      CohortsSchool *school;

      if (!g_ascii_string_to_unsigned (subject + strlen ("school:"), 10, 0, G_MAXUINT, &urn, NULL))
        return FALSE;
      school = cohorts_plan_find_school (plan, (guint) urn);
      return school != NULL && cohorts_school_in_diocese (school, key);
    }
  if (g_str_has_prefix (subject, "cohort:"))
    {
      CohortsCohort *cohort = cohorts_plan_find_cohort (plan, subject + strlen ("cohort:"));
      GListModel *members;
      guint n;

      if (cohort == NULL)
        return FALSE;
      members = cohorts_cohort_get_members (cohort);
      n = g_list_model_get_n_items (members);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(CohortsSchool) school = g_list_model_get_item (members, i);

          if (cohorts_school_in_diocese (school, key))
            return TRUE;
        }
    }
  return FALSE;
}

/**
 * cohorts_diocese_filter_findings:
 * @findings: (element-type CohortsFinding): the checks' findings
 * @key: (nullable): a diocese's key; %NULL keeps every finding
 *
 * Returns: (transfer full) (element-type CohortsFinding): copies of those of
 *   @findings that concern the diocese, in their order
 */
GPtrArray *
cohorts_diocese_filter_findings (GPtrArray   *findings,
                                 CohortsPlan *plan,
                                 const char  *key)
{
  GPtrArray *kept;

  g_return_val_if_fail (findings != NULL, NULL);
  g_return_val_if_fail (COHORTS_IS_PLAN (plan), NULL);

  kept = g_ptr_array_new_with_free_func ((GDestroyNotify) cohorts_finding_free);
  for (guint i = 0; i < findings->len; i++)
    {
      const CohortsFinding *finding = g_ptr_array_index (findings, i);

      if (cohorts_finding_concerns_diocese (finding, plan, key))
        g_ptr_array_add (kept, cohorts_finding_copy (finding));
    }
  return kept;
}

/**
 * cohorts_diocese_count_consents:
 * @schools: (element-type CohortsSchool): schools, those of a diocese
 * @counts: (out caller-allocates): how many of the church schools among
 *   them are at each state of their consents and agreements
 */
void
cohorts_diocese_count_consents (GPtrArray            *schools,
                                CohortsConsentCounts *counts)
{
  g_return_if_fail (schools != NULL);
  g_return_if_fail (counts != NULL);

  memset (counts, 0, sizeof *counts);
  for (guint i = 0; i < schools->len; i++)
    {
      CohortsSchool *school = g_ptr_array_index (schools, i);

      if (!cohorts_school_is_church_school (school))
        continue;
      counts->n_church++;
      counts->diocesan[MIN (cohorts_school_get_diocesan_consent (school), COHORTS_N_CONSENTS - 1)]++;
      counts->site_trustees[MIN (cohorts_school_get_site_trustees_consent (school), COHORTS_N_CONSENTS - 1)]++;
      counts->supplemental[MIN (cohorts_school_get_supplemental_agreement (school), COHORTS_N_AGREEMENT_STAGES - 1)]++;
      counts->memorandum[MIN (cohorts_school_get_memorandum (school), COHORTS_N_AGREEMENT_STAGES - 1)]++;
    }
}

/* "Granted 20 October 2026", "Requested", "Not requested" */
static char *
describe_state (const char  *state,
                CohortsDate  date)
{
  g_autofree char *when = NULL;

  if (date == COHORTS_DATE_NONE)
    return g_strdup (state);
  when = cohorts_date_format (date);
  /* Translators: a consent's or an agreement's state and its date: "Granted 20 October 2026" */
  return g_strdup_printf (_("%s %s"), state, when);
}

/**
 * cohorts_school_describe_church_track:
 *
 * Returns: where @school's consents and agreements stand, one a line:
 *   "Diocese: granted 20 October 2026", the site trustees, the Church
 *   Supplemental Agreement, the memorandum of understanding
 */
char *
cohorts_school_describe_church_track (CohortsSchool *school)
{
  CohortsConsent diocesan, trustees;
  CohortsAgreementStage supplemental, memorandum;
  g_autofree char *diocesan_text = NULL;
  g_autofree char *trustees_text = NULL;
  g_autofree char *supplemental_text = NULL;
  g_autofree char *memorandum_text = NULL;

  g_return_val_if_fail (COHORTS_IS_SCHOOL (school), NULL);

  diocesan = cohorts_school_get_diocesan_consent (school);
  trustees = cohorts_school_get_site_trustees_consent (school);
  supplemental = cohorts_school_get_supplemental_agreement (school);
  memorandum = cohorts_school_get_memorandum (school);

  /* The date that goes with the state: asked on, or decided on. */
  diocesan_text = describe_state (cohorts_enum_get_label (COHORTS_TYPE_CONSENT, diocesan),
                                  diocesan == COHORTS_CONSENT_REQUESTED
                                  ? cohorts_school_get_diocesan_consent_requested (school)
                                  : diocesan == COHORTS_CONSENT_NONE ? COHORTS_DATE_NONE
                                  : cohorts_school_get_diocesan_consent_decided (school));
  trustees_text = describe_state (cohorts_enum_get_label (COHORTS_TYPE_CONSENT, trustees),
                                  trustees == COHORTS_CONSENT_REQUESTED
                                  ? cohorts_school_get_site_trustees_consent_requested (school)
                                  : trustees == COHORTS_CONSENT_NONE ? COHORTS_DATE_NONE
                                  : cohorts_school_get_site_trustees_consent_decided (school));
  supplemental_text = describe_state (cohorts_enum_get_label (COHORTS_TYPE_AGREEMENT_STAGE, supplemental),
                                      supplemental == COHORTS_AGREEMENT_NONE ? COHORTS_DATE_NONE
                                      : cohorts_school_get_supplemental_agreement_date (school));
  memorandum_text = describe_state (cohorts_enum_get_label (COHORTS_TYPE_AGREEMENT_STAGE, memorandum),
                                    memorandum == COHORTS_AGREEMENT_NONE ? COHORTS_DATE_NONE
                                    : cohorts_school_get_memorandum_date (school));

  /* Translators: a church school's consents and agreements, one a line:
   * the diocesan board's consent, the site trustees', the Church
   * Supplemental Agreement (CSA), the memorandum of understanding (MoU) */
  return g_strdup_printf (_("Diocese: %s\nSite trustees: %s\nCSA: %s\nMoU: %s"),
                          diocesan_text, trustees_text, supplemental_text, memorandum_text);
}
