/* cohorts-trust.c: the trust the schools join
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cohorts-trust"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cohorts-record.h"
#include "cohorts-trust-private.h"

G_DEFINE_FINAL_TYPE (CohortsTrust, cohorts_trust, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_KIND,
  PROP_UKPRN,
  PROP_REFERENCE,
  PROP_CONCURRENT_CONVERSIONS,
  PROP_CONVERSIONS_PER_TERM,
  PROP_TOP_SLICE,
  PROP_ANNUAL_COST,
  PROP_FUNDING_PER_PUPIL,
  PROP_ACADEMIES_MIN,
  PROP_ACADEMIES_MAX,
  PROP_TARGET_PUPILS,
  PROP_WITHIN_YEARS,
  PROP_SUPPORT_RATIO,
  PROP_MAX_DEFICIT_TOGETHER,
  PROP_CHURCH_SHARE_MIN,
  PROP_NOTES,
  N_PROPS
};

#define OFF(member) G_STRUCT_OFFSET (CohortsTrust, member)

static const CohortsField fields[N_PROPS] = {
  [PROP_NAME] = COHORTS_FIELD_LINE_AT ("name", N_("Name"), OFF (name)),
  [PROP_KIND] = COHORTS_FIELD_ENUM_AT ("kind", N_("Kind of trust"), OFF (kind),
                                       cohorts_trust_kind_get_type),
  [PROP_UKPRN] = COHORTS_FIELD_FORMATTED_AT ("ukprn", N_("UKPRN"), OFF (ukprn), COHORTS_FORMAT_UKPRN),
  [PROP_REFERENCE] = COHORTS_FIELD_FORMATTED_AT ("reference", N_("Trust reference"), OFF (reference),
                                                 COHORTS_FORMAT_TRUST_REFERENCE),
  [PROP_CONCURRENT_CONVERSIONS] =
    COHORTS_FIELD_COUNT_AT ("concurrent-conversions", N_("Conversions at once"),
                            OFF (concurrent_conversions), 999999999),
  [PROP_CONVERSIONS_PER_TERM] =
    COHORTS_FIELD_COUNT_AT ("conversions-per-term", N_("Conversions a term"),
                            OFF (conversions_per_term), 999999999),
  [PROP_TOP_SLICE] = COHORTS_FIELD_COUNT_AT ("top-slice", N_("Top-slice"), OFF (top_slice), 10000),
  [PROP_ANNUAL_COST] = { "annual-cost", N_("Central services a year"), COHORTS_FIELD_INT64,
                         OFF (annual_cost), NULL, -1, 999999999999, -1 },
  [PROP_FUNDING_PER_PUPIL] = { "funding-per-pupil", N_("Funding a pupil a year"), COHORTS_FIELD_INT64,
                               OFF (funding_per_pupil), NULL, -1, 999999999999, -1 },
  [PROP_ACADEMIES_MIN] = COHORTS_FIELD_COUNT_AT ("academies-min", N_("Academies, at least"),
                                                 OFF (academies_min), 999999999),
  [PROP_ACADEMIES_MAX] = COHORTS_FIELD_COUNT_AT ("academies-max", N_("Academies, at most"),
                                                 OFF (academies_max), 999999999),
  [PROP_TARGET_PUPILS] = COHORTS_FIELD_COUNT_AT ("target-pupils", N_("Pupils"),
                                                 OFF (target_pupils), 999999999),
  [PROP_WITHIN_YEARS] = COHORTS_FIELD_COUNT_AT ("within-years", N_("Within years"),
                                                OFF (within_years), 999999999),
  [PROP_SUPPORT_RATIO] = COHORTS_FIELD_COUNT_AT ("support-ratio", N_("Strong academies for each needing support"),
                                                 OFF (support_ratio), 99),
  [PROP_MAX_DEFICIT_TOGETHER] = COHORTS_FIELD_COUNT_AT ("max-deficit-together",
                                                        N_("Schools in deficit joining together"),
                                                        OFF (max_deficit_together), 999999999),
  [PROP_CHURCH_SHARE_MIN] = COHORTS_FIELD_COUNT_AT ("church-share-min", N_("Church share, at least"),
                                                    OFF (church_share_min), 10000),
  [PROP_NOTES] = COHORTS_FIELD_NOTES_AT ("notes", N_("Notes"), OFF (notes)),
};

static GParamSpec *properties[N_PROPS];

static void
cohorts_trust_finalize (GObject *object)
{
  CohortsTrust *self = (CohortsTrust *) object;

  cohorts_record_finalize (self, fields, N_PROPS);
  g_clear_pointer (&self->extensions, g_ptr_array_unref);

  G_OBJECT_CLASS (cohorts_trust_parent_class)->finalize (object);
}

static void
cohorts_trust_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  if (prop_id > 0 && prop_id < N_PROPS)
    cohorts_record_get (object, &fields[prop_id], value);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
cohorts_trust_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  if (prop_id > 0 && prop_id < N_PROPS)
    {
      if (cohorts_record_set (object, &fields[prop_id], value))
        g_object_notify_by_pspec (object, pspec);
    }
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
cohorts_trust_class_init (CohortsTrustClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cohorts_trust_finalize;
  object_class->get_property = cohorts_trust_get_property;
  object_class->set_property = cohorts_trust_set_property;

  cohorts_record_class_install (object_class, fields, N_PROPS, properties);
}

static void
cohorts_trust_init (CohortsTrust *self)
{
  cohorts_record_init (self, fields, N_PROPS);
}

CohortsTrust *
cohorts_trust_new (void)
{
  return g_object_new (COHORTS_TYPE_TRUST, NULL);
}

#define GETTER(type, name) \
  type cohorts_trust_get_##name (CohortsTrust *self) \
  { \
    g_return_val_if_fail (COHORTS_IS_TRUST (self), 0); \
    return self->name; \
  }

GETTER (const char *, name)
GETTER (CohortsTrustKind, kind)
GETTER (const char *, ukprn)
GETTER (const char *, reference)
GETTER (int, concurrent_conversions)
GETTER (int, conversions_per_term)
GETTER (int, top_slice)
GETTER (gint64, annual_cost)
GETTER (gint64, funding_per_pupil)
GETTER (int, academies_min)
GETTER (int, academies_max)
GETTER (int, target_pupils)
GETTER (int, within_years)
GETTER (int, support_ratio)
GETTER (int, max_deficit_together)
GETTER (int, church_share_min)
GETTER (const char *, notes)

#undef GETTER

/**
 * cohorts_trust_describe_growth_target:
 *
 * Returns: the growth target in words, "15–20 academies within 5 years", or
 *   an empty string when none is set.
 */
char *
cohorts_trust_describe_growth_target (CohortsTrust *self)
{
  g_autofree char *academies = NULL;
  g_autofree char *pupils = NULL;
  g_autofree char *what = NULL;

  g_return_val_if_fail (COHORTS_IS_TRUST (self), NULL);

  if (self->academies_min >= 0 && self->academies_max >= 0 && self->academies_min != self->academies_max)
    /* Translators: a range of numbers of academies: "15–20 academies"; the plural follows the second */
    academies = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d–%d academy", "%d–%d academies",
                                              self->academies_max),
                                 self->academies_min, self->academies_max);
  else if (self->academies_max >= 0 || self->academies_min >= 0)
    {
      int n = self->academies_max >= 0 ? self->academies_max : self->academies_min;
      academies = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d academy", "%d academies", n), n);
    }

  if (self->target_pupils >= 0)
    pupils = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d pupil", "%d pupils", self->target_pupils),
                              self->target_pupils);

  if (academies != NULL && pupils != NULL)
    /* Translators: "15–20 academies and 7500 pupils" */
    what = g_strdup_printf (_("%s and %s"), academies, pupils);
  else if (academies != NULL || pupils != NULL)
    what = g_strdup (academies != NULL ? academies : pupils);
  else
    return g_strdup ("");

  if (self->within_years > 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         /* Translators: "15–20 academies within 5 years" */
                                         "%s within %d year", "%s within %d years",
                                         self->within_years),
                            what, self->within_years);

  return g_steal_pointer (&what);
}

static gboolean
digits_only (const char *text,
             gsize       expected_length)
{
  if (strlen (text) != expected_length)
    return FALSE;
  for (const char *p = text; *p; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}

/**
 * cohorts_ukprn_is_valid:
 *
 * Returns: whether @ukprn is a UK provider reference number: eight digits
 *   starting with 1.
 */
gboolean
cohorts_ukprn_is_valid (const char *ukprn)
{
  return ukprn != NULL && ukprn[0] == '1' && digits_only (ukprn, 8);
}

/**
 * cohorts_trust_reference_is_valid:
 *
 * Returns: whether @reference is a DfE trust reference: "TR" and five digits.
 */
gboolean
cohorts_trust_reference_is_valid (const char *reference)
{
  return reference != NULL && g_str_has_prefix (reference, "TR") && digits_only (reference + 2, 5);
}
