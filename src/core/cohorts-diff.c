/* cohorts-diff.c: what changed between two versions of a plan
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * cohorts_diff_plans() compares an older plan with a newer one and says what
 * changed, one change a sentence a board paper can use. Schools are matched
 * by URN (the plans' hash tables: O(n) for the whole plan), cohorts by id; a
 * cohort of the old plan whose id is gone is taken as the same cohort as a
 * new one of the same name whose id is new, and reported as such.
 *
 * A school's conversion date is its own if it has one, else its cohort's
 * (as cohorts_schedule_plan() and the capacity checks decide it). A school
 * that stays in its cohort, without a date of its own, follows the cohort's
 * date: that change is reported once, for the cohort, not for each school.
 *
 * Order: the plan's own settings, then the cohorts in the new plan's order
 * (those removed after them), then the schools by new conversion date (none
 * last), name and URN.
 */
#define G_LOG_DOMAIN "cohorts-diff"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cohorts-cohort-private.h"
#include "cohorts-diff.h"
#include "cohorts-plan-private.h"
#include "cohorts-plan-xml.h"
#include "cohorts-school-private.h"

G_DEFINE_BOXED_TYPE (CohortsChange, cohorts_change, cohorts_change_copy, cohorts_change_free)

CohortsChange *
cohorts_change_copy (const CohortsChange *change)
{
  CohortsChange *copy = g_new0 (CohortsChange, 1);

  g_return_val_if_fail (change != NULL, NULL);

  copy->kind = change->kind;
  copy->subject = g_strdup (change->subject);
  copy->message = g_strdup (change->message);
  copy->months = change->months;
  return copy;
}

void
cohorts_change_free (CohortsChange *change)
{
  if (change == NULL)
    return;
  g_free (change->subject);
  g_free (change->message);
  g_free (change);
}

static const char *const kind_tokens[COHORTS_N_CHANGE_KINDS] = {
  [COHORTS_CHANGE_PLAN] = "plan",
  [COHORTS_CHANGE_TRUST] = "trust",
  [COHORTS_CHANGE_READINESS] = "readiness",
  [COHORTS_CHANGE_SCHEDULE] = "schedule",
  [COHORTS_CHANGE_COHORT_ADDED] = "cohort-added",
  [COHORTS_CHANGE_COHORT_REMOVED] = "cohort-removed",
  [COHORTS_CHANGE_COHORT_RENAMED] = "cohort-renamed",
  [COHORTS_CHANGE_COHORT_DATE] = "cohort-date",
  [COHORTS_CHANGE_COHORT_STATUS] = "cohort-status",
  [COHORTS_CHANGE_SCHOOL_JOINED] = "school-joined",
  [COHORTS_CHANGE_SCHOOL_LEFT] = "school-left",
  [COHORTS_CHANGE_SCHOOL_MOVED] = "school-moved",
  [COHORTS_CHANGE_SCHOOL_ASSIGNED] = "school-assigned",
  [COHORTS_CHANGE_SCHOOL_UNASSIGNED] = "school-unassigned",
  [COHORTS_CHANGE_SCHOOL_LATER] = "school-later",
  [COHORTS_CHANGE_SCHOOL_EARLIER] = "school-earlier",
  [COHORTS_CHANGE_SCHOOL_DETAILS] = "school-details",
};

/**
 * cohorts_change_kind_to_token:
 *
 * Returns: (transfer none): the stable lowercase name of @kind, as
 *   `cohorts --diff` prints it: "school-moved"
 */
const char *
cohorts_change_kind_to_token (CohortsChangeKind kind)
{
  g_return_val_if_fail ((guint) kind < COHORTS_N_CHANGE_KINDS, NULL);
  return kind_tokens[kind];
}

gboolean
cohorts_change_kind_is_school (CohortsChangeKind kind)
{
  return kind >= COHORTS_CHANGE_SCHOOL_JOINED;
}

gboolean
cohorts_change_kind_is_cohort (CohortsChangeKind kind)
{
  return kind >= COHORTS_CHANGE_COHORT_ADDED && kind < COHORTS_CHANGE_SCHOOL_JOINED;
}

/* Building the list */

enum { SECTION_PLAN, SECTION_COHORTS, SECTION_SCHOOLS };

typedef struct
{
  CohortsChange *change;
  guint section;
  guint order;         /* cohorts: place; else 0 */
  CohortsDate date;    /* schools: the new conversion date, G_MAXUINT32 for none */
  const char *key;     /* schools: collation key of the name, owned by Diff.keys */
  guint urn;
  guint seq;           /* the order they were found in, last */
} Entry;

typedef struct
{
  CohortsPlan *old_plan;
  CohortsPlan *new_plan;
  GArray *entries;
  GPtrArray *keys;
  GHashTable *old_to_new;   /* old cohort → new cohort it is taken as */
  GHashTable *new_to_old;
  gboolean dates_only;      /* against a baseline: places, dates and names */
} Diff;

static Entry *
add (Diff              *d,
     guint              section,
     CohortsChangeKind  kind,
     char              *subject,
     char              *message)
{
  Entry e = { 0, };

  e.change = g_new0 (CohortsChange, 1);
  e.change->kind = kind;
  e.change->subject = subject;
  e.change->message = message;
  e.section = section;
  e.seq = d->entries->len;
  g_array_append_val (d->entries, e);
  return &g_array_index (d->entries, Entry, d->entries->len - 1);
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const Entry *x = a, *y = b;
  int cmp;

  if (x->section != y->section)
    return x->section < y->section ? -1 : 1;
  if (x->order != y->order)
    return x->order < y->order ? -1 : 1;
  if (x->date != y->date)
    return x->date < y->date ? -1 : 1;
  if (x->key != y->key && (cmp = strcmp (x->key != NULL ? x->key : "", y->key != NULL ? y->key : "")) != 0)
    return cmp;
  if (x->urn != y->urn)
    return x->urn < y->urn ? -1 : 1;
  return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* Words for values */

/* "1234567" as "1,234,567". */
static char *
group_digits (guint64 value)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GUINT64_FORMAT, value);
  GString *out = g_string_new (NULL);
  gsize len = strlen (digits);

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, digits[i]);
    }
  return g_string_free (out, FALSE);
}

static char *
describe_money (gint64 pounds)
{
  g_autofree char *number = NULL;

  if (pounds == COHORTS_MONEY_UNKNOWN || pounds < -999999999999 || pounds > 999999999999)
    return g_strdup (_("not recorded"));
  number = group_digits ((guint64) ABS (pounds));
  if (pounds < 0)
    /* Translators: a deficit in pounds: "−£20,000" */
    return g_strdup_printf (_("−£%s"), number);
  /* Translators: an amount in pounds: "£1,234,000" */
  return g_strdup_printf (_("£%s"), number);
}

static char *
describe_count (int count)
{
  if (count < 0)
    return g_strdup (_("not recorded"));
  return g_strdup_printf ("%d", count);
}

/* Hundredths of a percent: "5%", "5.5%". */
static char *
describe_percent (int hundredths)
{
  if (hundredths < 0)
    return g_strdup (_("not recorded"));
  if (hundredths % 100 == 0)
    /* Translators: a percentage: "5%" */
    return g_strdup_printf (_("%d%%"), hundredths / 100);
  if (hundredths % 10 == 0)
    return g_strdup_printf (_("%d.%d%%"), hundredths / 100, hundredths % 100 / 10);
  return g_strdup_printf (_("%d.%02d%%"), hundredths / 100, hundredths % 100);
}

static char *
describe_date (CohortsDate date)
{
  return date != COHORTS_DATE_NONE ? cohorts_date_format (date) : g_strdup (_("no date"));
}

static int
months_between (CohortsDate from,
                CohortsDate to)
{
  return (cohorts_date_get_year (to) - cohorts_date_get_year (from)) * 12 +
         cohorts_date_get_month (to) - cohorts_date_get_month (from);
}

/* "9 months later than 1 April 2028", from @old_date to @new_date, both
 * dates; in days when they are in the same month. */
static char *
describe_shift (CohortsDate old_date,
                CohortsDate new_date)
{
  g_autofree char *was = cohorts_date_format (old_date);
  int months = months_between (old_date, new_date);

  if (months > 0)
    /* Translators: "9 months later than 1 April 2028" */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d month later than %s", "%d months later than %s",
                                         months), months, was);
  if (months < 0)
    /* Translators: "3 months earlier than 1 April 2028" */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d month earlier than %s", "%d months earlier than %s",
                                         -months), -months, was);
  if (new_date > old_date)
    /* Translators: "12 days later than 1 April 2028" */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day later than %s", "%d days later than %s",
                                         (int) (new_date - old_date)), (int) (new_date - old_date), was);
  /* Translators: "12 days earlier than 13 April 2028" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day earlier than %s", "%d days earlier than %s",
                                       (int) (old_date - new_date)), (int) (old_date - new_date), was);
}

/* What became of a school's conversion date, as a clause after a colon:
 * "it now converts on 1 January 2029, 9 months later than 1 April 2028". */
static char *
date_clause (CohortsDate old_date,
             CohortsDate new_date)
{
  g_autofree char *now = NULL;
  g_autofree char *was = NULL;
  g_autofree char *shift = NULL;

  if (old_date == new_date && new_date == COHORTS_DATE_NONE)
    return g_strdup (_("it has no conversion date yet"));
  if (new_date == COHORTS_DATE_NONE)
    {
      was = cohorts_date_format (old_date);
      /* Translators: "it no longer has a conversion date; it had 1 April 2028" */
      return g_strdup_printf (_("it no longer has a conversion date; it had %s"), was);
    }
  now = cohorts_date_format (new_date);
  if (old_date == new_date)
    /* Translators: "it still converts on 1 April 2028" */
    return g_strdup_printf (_("it still converts on %s"), now);
  if (old_date == COHORTS_DATE_NONE)
    /* Translators: "it now converts on 1 April 2028; it had no date before" */
    return g_strdup_printf (_("it now converts on %s; it had no date before"), now);
  shift = describe_shift (old_date, new_date);
  /* Translators: "it now converts on 1 January 2029, 9 months later than 1 April 2028" */
  return g_strdup_printf (_("it now converts on %s, %s"), now, shift);
}

/* The plan's settings */

static void
diff_plan (Diff *d)
{
  const char *old_title = cohorts_plan_get_title (d->old_plan);
  const char *new_title = cohorts_plan_get_title (d->new_plan);
  CohortsDate old_start = cohorts_plan_get_start_date (d->old_plan);
  CohortsDate new_start = cohorts_plan_get_start_date (d->new_plan);

  if (g_strcmp0 (old_title, new_title) != 0)
    add (d, SECTION_PLAN, COHORTS_CHANGE_PLAN, g_strdup ("plan"),
         /* Translators: "The plan's title changes from “Draft” to “Conversion plan 2027–2030”." */
         g_strdup_printf (_("The plan's title changes from “%s” to “%s”."),
                          old_title != NULL ? old_title : "", new_title != NULL ? new_title : ""));
  if (old_start != new_start)
    {
      g_autofree char *was = describe_date (old_start);
      g_autofree char *now = describe_date (new_start);

      add (d, SECTION_PLAN, COHORTS_CHANGE_PLAN, g_strdup ("plan"),
           /* Translators: "The plan now starts on 1 September 2026, not 1 January 2026." */
           g_strdup_printf (_("The plan now starts on %s, not %s."), now, was));
    }
}

typedef enum { VALUE_TEXT, VALUE_NOTES, VALUE_ENUM, VALUE_COUNT, VALUE_PERCENT, VALUE_MONEY } ValueKind;

static const struct
{
  const char *property;
  ValueKind kind;
} trust_settings[] = {
  { "kind", VALUE_ENUM },
  { "ukprn", VALUE_TEXT },
  { "reference", VALUE_TEXT },
  { "concurrent-conversions", VALUE_COUNT },
  { "conversions-per-term", VALUE_COUNT },
  { "top-slice", VALUE_PERCENT },
  { "annual-cost", VALUE_MONEY },
  { "funding-per-pupil", VALUE_MONEY },
  { "support-ratio", VALUE_COUNT },
  { "max-deficit-together", VALUE_COUNT },
  { "church-share-min", VALUE_PERCENT },
  { "notes", VALUE_NOTES },
};

static char *
describe_value (const GValue *value,
                ValueKind     kind)
{
  switch (kind)
    {
    case VALUE_TEXT:
    case VALUE_NOTES:
      {
        const char *text = g_value_get_string (value);
        return text != NULL && *text != '\0' ? g_strdup_printf ("“%s”", text) : g_strdup (_("none"));
      }
    case VALUE_ENUM:
      return g_strdup (cohorts_enum_get_label (G_VALUE_TYPE (value), g_value_get_enum (value)));
    case VALUE_COUNT:
      return describe_count (g_value_get_int (value));
    case VALUE_PERCENT:
      return describe_percent (g_value_get_int (value));
    case VALUE_MONEY:
      return g_value_get_int64 (value) < 0 ? g_strdup (_("not recorded")) : describe_money (g_value_get_int64 (value));
    default:
      g_assert_not_reached ();
    }
}

static void
diff_trust (Diff *d)
{
  CohortsTrust *old_trust = cohorts_plan_get_trust (d->old_plan);
  CohortsTrust *new_trust = cohorts_plan_get_trust (d->new_plan);
  g_autofree char *old_target = cohorts_trust_describe_growth_target (old_trust);
  g_autofree char *new_target = cohorts_trust_describe_growth_target (new_trust);

  if (g_strcmp0 (cohorts_trust_get_name (old_trust), cohorts_trust_get_name (new_trust)) != 0)
    add (d, SECTION_PLAN, COHORTS_CHANGE_TRUST, g_strdup ("plan"),
         /* Translators: "The trust is renamed from “Northfield Trust” to “Northfield Learning Trust”." */
         g_strdup_printf (_("The trust is renamed from “%s” to “%s”."),
                          cohorts_trust_get_name (old_trust), cohorts_trust_get_name (new_trust)));

  for (guint i = 0; i < G_N_ELEMENTS (trust_settings); i++)
    {
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (new_trust), trust_settings[i].property);
      g_auto(GValue) old_value = G_VALUE_INIT;
      g_auto(GValue) new_value = G_VALUE_INIT;

      g_assert (pspec != NULL);
      g_value_init (&old_value, pspec->value_type);
      g_value_init (&new_value, pspec->value_type);
      g_object_get_property (G_OBJECT (old_trust), pspec->name, &old_value);
      g_object_get_property (G_OBJECT (new_trust), pspec->name, &new_value);
      if (g_param_values_cmp (pspec, &old_value, &new_value) == 0)
        continue;

      if (trust_settings[i].kind == VALUE_NOTES)
        add (d, SECTION_PLAN, COHORTS_CHANGE_TRUST, g_strdup ("plan"), g_strdup (_("The trust's notes change.")));
      else
        {
          g_autofree char *was = describe_value (&old_value, trust_settings[i].kind);
          g_autofree char *now = describe_value (&new_value, trust_settings[i].kind);

          add (d, SECTION_PLAN, COHORTS_CHANGE_TRUST, g_strdup ("plan"),
               /* Translators: a setting of the trust, by its label: "The trust's “Top-slice” changes from 5% to 6%." */
               g_strdup_printf (_("The trust's “%s” changes from %s to %s."),
                                g_dgettext (GETTEXT_PACKAGE, g_param_spec_get_nick (pspec)), was, now));
        }
    }

  if (g_strcmp0 (old_target, new_target) != 0)
    add (d, SECTION_PLAN, COHORTS_CHANGE_TRUST, g_strdup ("plan"),
         /* Translators: "The trust's growth target changes from 15–20 academies within 5 years to …" */
         g_strdup_printf (_("The trust's growth target changes from %s to %s."),
                          *old_target != '\0' ? old_target : _("none"), *new_target != '\0' ? new_target : _("none")));
}

static void
diff_readiness (Diff *d)
{
  const CohortsFramework *old_fw = cohorts_readiness_get_framework (cohorts_plan_get_readiness (d->old_plan));
  const CohortsFramework *new_fw = cohorts_readiness_get_framework (cohorts_plan_get_readiness (d->new_plan));

  for (guint c = 0; c < COHORTS_N_CRITERIA; c++)
    {
      const char *name = cohorts_criterion_get_name (c);

      if (old_fw->weights[c] != new_fw->weights[c])
        add (d, SECTION_PLAN, COHORTS_CHANGE_READINESS, g_strdup ("plan"),
             /* Translators: "The weight of “Finances” in the readiness score changes from 8 to 10." */
             g_strdup_printf (_("The weight of “%s” in the readiness score changes from %d to %d."),
                              name, old_fw->weights[c], new_fw->weights[c]));
      if (!old_fw->critical[c] != !new_fw->critical[c])
        add (d, SECTION_PLAN, COHORTS_CHANGE_READINESS, g_strdup ("plan"),
             new_fw->critical[c]
               /* Translators: %s is a readiness criterion, "Finances" */
               ? g_strdup_printf (_("“%s” is now critical: a school that does not meet it is red."), name)
               : g_strdup_printf (_("“%s” is no longer critical to readiness."), name));
    }
  if (old_fw->green_min != new_fw->green_min || old_fw->amber_min != new_fw->amber_min)
    add (d, SECTION_PLAN, COHORTS_CHANGE_READINESS, g_strdup ("plan"),
         /* Translators: "Readiness is now green from 80% and amber from 50%, not from 75% and 50%." */
         g_strdup_printf (_("Readiness is now green from %d%% and amber from %d%%, not from %d%% and %d%%."),
                          new_fw->green_min, new_fw->amber_min, old_fw->green_min, old_fw->amber_min));
}

static void
diff_schedule (Diff *d)
{
  CohortsSchedule *old_s = cohorts_plan_get_schedule (d->old_plan);
  CohortsSchedule *new_s = cohorts_plan_get_schedule (d->new_plan);
  int old_lead = cohorts_schedule_get_church_lead_weeks (old_s);
  int new_lead = cohorts_schedule_get_church_lead_weeks (new_s);

  for (guint step = 0; step < COHORTS_STEP_CONVERSION; step++)
    {
      int old_before = cohorts_schedule_get_weeks_before (old_s, step);
      int new_before = cohorts_schedule_get_weeks_before (new_s, step);
      int old_weeks = cohorts_schedule_get_weeks (old_s, step);
      int new_weeks = cohorts_schedule_get_weeks (new_s, step);
      const char *name = cohorts_step_get_name (step);

      if (old_before != new_before)
        add (d, SECTION_PLAN, COHORTS_CHANGE_SCHEDULE, g_strdup ("plan"),
             /* Translators: "“Academy order” is now due 18 weeks before conversion, not 20." */
             g_strdup_printf (_("“%s” is now due %d weeks before conversion, not %d."),
                              name, new_before, old_before));
      if (old_weeks != new_weeks)
        add (d, SECTION_PLAN, COHORTS_CHANGE_SCHEDULE, g_strdup ("plan"),
             /* Translators: "“Consultation” now lasts 8 weeks, not 6." */
             g_strdup_printf (_("“%s” now lasts %d weeks, not %d."), name, new_weeks, old_weeks));
    }
  if (old_lead != new_lead)
    add (d, SECTION_PLAN, COHORTS_CHANGE_SCHEDULE, g_strdup ("plan"),
         /* Translators: "Church schools now start their steps 8 weeks earlier, not 6." */
         g_strdup_printf (_("Church schools now start their steps %d weeks earlier, not %d."), new_lead, old_lead));
}

/* Cohorts */

/* Pairs the old plan's cohorts with the new's: by id, else (id gone) by name
 * with a new cohort whose id is new. */
static void
match_cohorts (Diff *d)
{
  GListModel *old_cohorts = cohorts_plan_get_cohorts (d->old_plan);
  GListModel *new_cohorts = cohorts_plan_get_cohorts (d->new_plan);
  guint n_old = g_list_model_get_n_items (old_cohorts);
  guint n_new = g_list_model_get_n_items (new_cohorts);
  g_autoptr(GHashTable) by_name = g_hash_table_new (g_str_hash, g_str_equal);

  /* New cohorts whose id the old plan lacks, by name: the first of a name. */
  for (guint i = 0; i < n_new; i++)
    {
      g_autoptr(CohortsCohort) cohort = g_list_model_get_item (new_cohorts, i);

      if (cohorts_plan_find_cohort (d->old_plan, cohorts_cohort_get_id (cohort)) == NULL &&
          !g_hash_table_contains (by_name, cohorts_cohort_get_name (cohort)))
        g_hash_table_insert (by_name, (gpointer) cohorts_cohort_get_name (cohort), cohort);
    }

  for (guint i = 0; i < n_old; i++)
    {
      g_autoptr(CohortsCohort) cohort = g_list_model_get_item (old_cohorts, i);
      CohortsCohort *match = cohorts_plan_find_cohort (d->new_plan, cohorts_cohort_get_id (cohort));

      if (match == NULL && *cohorts_cohort_get_name (cohort) != '\0')
        {
          match = g_hash_table_lookup (by_name, cohorts_cohort_get_name (cohort));
          if (match != NULL)
            g_hash_table_remove (by_name, cohorts_cohort_get_name (cohort));
        }
      if (match != NULL)
        {
          g_hash_table_insert (d->old_to_new, cohort, match);
          g_hash_table_insert (d->new_to_old, match, cohort);
        }
    }
}

static char *
cohort_subject (CohortsCohort *cohort)
{
  return g_strconcat ("cohort:", cohorts_cohort_get_id (cohort), NULL);
}

static void
diff_cohorts (Diff *d)
{
  GListModel *old_cohorts = cohorts_plan_get_cohorts (d->old_plan);
  GListModel *new_cohorts = cohorts_plan_get_cohorts (d->new_plan);
  guint n_old = g_list_model_get_n_items (old_cohorts);
  guint n_new = g_list_model_get_n_items (new_cohorts);

  for (guint i = 0; i < n_new; i++)
    {
      g_autoptr(CohortsCohort) cohort = g_list_model_get_item (new_cohorts, i);
      CohortsCohort *old = g_hash_table_lookup (d->new_to_old, cohort);
      g_autofree char *name = cohorts_cohort_dup_display_name (cohort);
      CohortsDate date = cohorts_cohort_get_date (cohort);
      Entry *e;

      if (old == NULL)
        {
          guint n = cohorts_cohort_get_n_members (cohort);
          g_autofree char *when = describe_date (date);

          e = add (d, SECTION_COHORTS, COHORTS_CHANGE_COHORT_ADDED, cohort_subject (cohort),
                   date != COHORTS_DATE_NONE
                     /* Translators: "Cohort 6 is added, converting on 1 September 2029, with 3 schools." */
                     ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s is added, converting on %s, with %u school.",
                                                     "%s is added, converting on %s, with %u schools.", n),
                                        name, when, n)
                     /* Translators: "Cohort 6 is added, with no date yet, with 3 schools." */
                     : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s is added, with no date yet and %u school.",
                                                     "%s is added, with no date yet and %u schools.", n),
                                        name, n));
          e->order = i;
          continue;
        }

      if (!g_str_equal (cohorts_cohort_get_id (old), cohorts_cohort_get_id (cohort)))
        {
          e = add (d, SECTION_COHORTS, COHORTS_CHANGE_COHORT_RENAMED, cohort_subject (cohort),
                   /* Translators: "Cohort 3 keeps its name but its identifier changes from c3 to wave-3: …" */
                   g_strdup_printf (_("%s keeps its name but its identifier changes from %s to %s: "
                                      "it is taken as the same cohort."),
                                    name, cohorts_cohort_get_id (old), cohorts_cohort_get_id (cohort)));
          e->order = i;
        }
      if (!g_str_equal (cohorts_cohort_get_name (old), cohorts_cohort_get_name (cohort)))
        {
          g_autofree char *old_name = cohorts_cohort_dup_display_name (old);

          e = add (d, SECTION_COHORTS, COHORTS_CHANGE_COHORT_RENAMED, cohort_subject (cohort),
                   /* Translators: "Cohort 4 is renamed “Second wave”." */
                   g_strdup_printf (_("%s is renamed “%s”."), old_name, cohorts_cohort_get_name (cohort)));
          e->order = i;
        }
      if (cohorts_cohort_get_date (old) != date)
        {
          CohortsDate old_date = cohorts_cohort_get_date (old);
          g_autofree char *message = NULL;

          if (date == COHORTS_DATE_NONE)
            {
              g_autofree char *was = cohorts_date_format (old_date);
              /* Translators: "Cohort 3 no longer has a date; it had 1 April 2028." */
              message = g_strdup_printf (_("%s no longer has a date; it had %s."), name, was);
            }
          else if (old_date == COHORTS_DATE_NONE)
            {
              g_autofree char *now = cohorts_date_format (date);
              /* Translators: "Cohort 3 now converts on 1 April 2028; it had no date before." */
              message = g_strdup_printf (_("%s now converts on %s; it had no date before."), name, now);
            }
          else
            {
              g_autofree char *now = cohorts_date_format (date);
              g_autofree char *shift = describe_shift (old_date, date);
              /* Translators: "Cohort 3 now converts on 1 January 2029, 9 months later than 1 April 2028." */
              message = g_strdup_printf (_("%s now converts on %s, %s."), name, now, shift);
            }
          e = add (d, SECTION_COHORTS, COHORTS_CHANGE_COHORT_DATE, cohort_subject (cohort), g_steal_pointer (&message));
          e->order = i;
          if (old_date != COHORTS_DATE_NONE && date != COHORTS_DATE_NONE)
            e->change->months = months_between (old_date, date);
        }
      if (!d->dates_only && cohorts_cohort_get_status (old) != cohorts_cohort_get_status (cohort))
        {
          e = add (d, SECTION_COHORTS, COHORTS_CHANGE_COHORT_STATUS, cohort_subject (cohort),
                   /* Translators: "Cohort 2 changes from Draft to Agreed." */
                   g_strdup_printf (_("%s changes from %s to %s."), name,
                                    cohorts_enum_get_label (COHORTS_TYPE_COHORT_STATUS, cohorts_cohort_get_status (old)),
                                    cohorts_enum_get_label (COHORTS_TYPE_COHORT_STATUS,
                                                            cohorts_cohort_get_status (cohort))));
          e->order = i;
        }
    }

  for (guint i = 0; i < n_old; i++)
    {
      g_autoptr(CohortsCohort) cohort = g_list_model_get_item (old_cohorts, i);
      g_autofree char *name = NULL;
      CohortsDate date;
      Entry *e;

      if (g_hash_table_contains (d->old_to_new, cohort))
        continue;
      name = cohorts_cohort_dup_display_name (cohort);
      date = cohorts_cohort_get_date (cohort);
      if (date != COHORTS_DATE_NONE)
        {
          g_autofree char *when = cohorts_date_format (date);
          /* Translators: "Cohort 4 is removed; it was to convert on 1 September 2028." */
          e = add (d, SECTION_COHORTS, COHORTS_CHANGE_COHORT_REMOVED, cohort_subject (cohort),
                   g_strdup_printf (_("%s is removed; it was to convert on %s."), name, when));
        }
      else
        e = add (d, SECTION_COHORTS, COHORTS_CHANGE_COHORT_REMOVED, cohort_subject (cohort),
                 /* Translators: "Cohort 4 is removed." */
                 g_strdup_printf (_("%s is removed."), name));
      e->order = n_new + i;
    }
}

/* Schools */

/* The school's conversion date, and whether it is its own rather than its
 * cohort's. */
static CohortsDate
conversion_date (CohortsSchool *school,
                 gboolean      *own)
{
  CohortsMilestone milestone;
  CohortsCohort *cohort = cohorts_school_get_cohort (school);

  cohorts_school_get_milestone (school, COHORTS_STEP_CONVERSION, &milestone);
  *own = milestone.state != COHORTS_MILESTONE_SCHEDULED;
  if (*own)
    return milestone.date;
  return cohort != NULL ? cohorts_cohort_get_date (cohort) : COHORTS_DATE_NONE;
}

static char *
school_label (CohortsSchool *school)
{
  /* Translators: a school in a message: "Hatherby Middle School (URN 938151)" */
  return g_strdup_printf (_("%s (URN %u)"), cohorts_school_get_name (school), cohorts_school_get_urn (school));
}

typedef struct
{
  Diff *d;
  CohortsSchool *school;   /* of the new plan, or the old for one that left */
  char *label;
  char *subject;
  const char *key;
  CohortsDate date;
} SchoolChanges;

static void
school_change (SchoolChanges     *s,
               CohortsChangeKind  kind,
               char              *message,
               int                months)
{
  Entry *e = add (s->d, SECTION_SCHOOLS, kind, g_strdup (s->subject), message);

  e->date = s->date != COHORTS_DATE_NONE ? s->date : G_MAXUINT32;
  e->urn = cohorts_school_get_urn (s->school);
  e->change->months = months;
  if (s->key == NULL)
    {
      char *key = g_utf8_collate_key (cohorts_school_get_name (s->school), -1);

      g_ptr_array_add (s->d->keys, key);
      s->key = key;
    }
  e->key = s->key;
}

/* "in Cohort 2, converting on 1 September 2027" and the like. */
static char *
place_phrase (CohortsCohort *cohort,
              CohortsDate    date)
{
  g_autofree char *name = cohort != NULL ? cohorts_cohort_dup_display_name (cohort) : NULL;
  g_autofree char *when = date != COHORTS_DATE_NONE ? cohorts_date_format (date) : NULL;

  if (cohort != NULL && when != NULL)
    /* Translators: "in Cohort 2, converting on 1 September 2027" */
    return g_strdup_printf (_("in %s, converting on %s"), name, when);
  if (cohort != NULL)
    /* Translators: "in Cohort 2, which has no date yet" */
    return g_strdup_printf (_("in %s, which has no date yet"), name);
  if (when != NULL)
    /* Translators: "in no cohort yet, converting on 1 September 2027" */
    return g_strdup_printf (_("in no cohort yet, converting on %s"), when);
  return g_strdup (_("in no cohort yet"));
}

/* The facts of a school that are one of a list of values: said alike. */
static const struct
{
  const char *property;
  GType (*type) (void);
  const char *noun;
} school_enums[] = {
  { "ofsted-grade", cohorts_ofsted_grade_get_type, N_("the Ofsted grade") },
  { "religious-character", cohorts_religious_character_get_type, N_("the religious character") },
  { "diocesan-consent", cohorts_consent_get_type, N_("the diocesan board’s consent") },
  { "site-trustees-consent", cohorts_consent_get_type, N_("the site trustees’ consent") },
  { "supplemental-agreement", cohorts_agreement_stage_get_type, N_("the Church Supplemental Agreement") },
  { "memorandum", cohorts_agreement_stage_get_type, N_("the memorandum of understanding") },
};

static void
describe_enum_changes (SchoolChanges *s,
                       CohortsSchool *old,
                       CohortsSchool *school,
                       guint          first,
                       guint          end)
{
  for (guint i = first; i < end; i++)
    {
      int was, now;

      g_object_get (old, school_enums[i].property, &was, NULL);
      g_object_get (school, school_enums[i].property, &now, NULL);
      if (was == now)
        continue;
      /* Translators: "Hatherby Middle School (URN 938151): the Ofsted grade changes from Good to
       * Requires improvement."; the second %s is the fact: "the diocesan board’s consent" */
      school_change (s, COHORTS_CHANGE_SCHOOL_DETAILS,
                     g_strdup_printf (_("%s: %s changes from %s to %s."), s->label,
                                      g_dgettext (GETTEXT_PACKAGE, school_enums[i].noun),
                                      cohorts_enum_get_label (school_enums[i].type (), was),
                                      cohorts_enum_get_label (school_enums[i].type (), now)), 0);
    }
}

static void
diff_details (SchoolChanges *s,
              CohortsSchool *old)
{
  CohortsSchool *school = s->school;
  CohortsReadinessScore old_score, new_score;

  if (!g_str_equal (cohorts_school_get_name (old), cohorts_school_get_name (school)))
    /* Translators: "Hatherby Middle School (URN 938151) is renamed; it was “Hatherby School”." */
    school_change (s, COHORTS_CHANGE_SCHOOL_DETAILS,
                   g_strdup_printf (_("%s is renamed; it was “%s”."), s->label, cohorts_school_get_name (old)), 0);

  /* A baseline keeps no more of a school. */
  if (s->d->dates_only)
    return;

  describe_enum_changes (s, old, school, 0, 1);   /* the Ofsted grade */

  if (cohorts_school_get_pupils (old) != cohorts_school_get_pupils (school))
    {
      g_autofree char *was = describe_count (cohorts_school_get_pupils (old));
      g_autofree char *now = describe_count (cohorts_school_get_pupils (school));

      /* Translators: "Hatherby Middle School (URN 938151): pupils on roll change from 412 to 398." */
      school_change (s, COHORTS_CHANGE_SCHOOL_DETAILS,
                     g_strdup_printf (_("%s: pupils on roll change from %s to %s."), s->label, was, now), 0);
    }

  /* The religious character, then the church track. */
  describe_enum_changes (s, old, school, 1, G_N_ELEMENTS (school_enums));

  if (cohorts_school_get_budget_balance (old) != cohorts_school_get_budget_balance (school))
    {
      g_autofree char *was = describe_money (cohorts_school_get_budget_balance (old));
      g_autofree char *now = describe_money (cohorts_school_get_budget_balance (school));

      /* Translators: "…: the budget balance changes from £12,000 to −£20,000." */
      school_change (s, COHORTS_CHANGE_SCHOOL_DETAILS,
                     g_strdup_printf (_("%s: the budget balance changes from %s to %s."), s->label, was, now), 0);
    }

  /* Each under its own plan's framework: a school's rating changes with the
   * framework too. */
  cohorts_plan_score_school (s->d->old_plan, old, &old_score);
  cohorts_plan_score_school (s->d->new_plan, school, &new_score);
  if (old_score.rag != new_score.rag ||
      (new_score.rag != COHORTS_RAG_NOT_ASSESSED &&
       cohorts_readiness_score_percent (&old_score) != cohorts_readiness_score_percent (&new_score)))
    {
      g_autofree char *was = cohorts_readiness_score_describe (&old_score);
      g_autofree char *now = cohorts_readiness_score_describe (&new_score);

      /* Translators: "…: readiness changes from Green (95%) to Amber (62%)." */
      school_change (s, COHORTS_CHANGE_SCHOOL_DETAILS,
                     g_strdup_printf (_("%s: readiness changes from %s to %s."), s->label, was, now), 0);
    }
}

static void
diff_school (Diff          *d,
             CohortsSchool *old,
             CohortsSchool *school)
{
  SchoolChanges s = { d, school, NULL, NULL, NULL, COHORTS_DATE_NONE };
  CohortsCohort *new_cohort = cohorts_school_get_cohort (school);
  CohortsCohort *old_cohort = cohorts_school_get_cohort (old);
  CohortsCohort *old_as_new = old_cohort != NULL ? g_hash_table_lookup (d->old_to_new, old_cohort) : NULL;
  gboolean old_own, new_own;
  CohortsDate old_date = conversion_date (old, &old_own);
  CohortsDate new_date = conversion_date (school, &new_own);
  int months = old_date != COHORTS_DATE_NONE && new_date != COHORTS_DATE_NONE ? months_between (old_date, new_date) : 0;

  s.date = new_date;
  s.label = school_label (school);
  s.subject = g_strdup_printf ("school:%u", cohorts_school_get_urn (school));

  if (old_cohort != NULL ? old_as_new != new_cohort || new_cohort == NULL : new_cohort != NULL)
    {
      g_autofree char *clause = date_clause (old_date, new_date);
      g_autofree char *old_name = old_cohort != NULL ? cohorts_cohort_dup_display_name (old_cohort) : NULL;
      g_autofree char *new_name = new_cohort != NULL ? cohorts_cohort_dup_display_name (new_cohort) : NULL;

      if (old_cohort != NULL && new_cohort != NULL)
        /* Translators: "Hatherby Middle School (URN 938151) moves from Cohort 3 to Cohort 5: it now converts on …" */
        school_change (&s, COHORTS_CHANGE_SCHOOL_MOVED,
                       g_strdup_printf (_("%s moves from %s to %s: %s."), s.label, old_name, new_name, clause), months);
      else if (new_cohort != NULL)
        /* Translators: "Ashcombe First School (URN 938283) joins Cohort 2: it now converts on 1 September 2027; …" */
        school_change (&s, COHORTS_CHANGE_SCHOOL_ASSIGNED,
                       g_strdup_printf (_("%s joins %s: %s."), s.label, new_name, clause), months);
      else
        /* Translators: "Ashcombe First School (URN 938283) leaves Cohort 2 and is in no cohort now: it …" */
        school_change (&s, COHORTS_CHANGE_SCHOOL_UNASSIGNED,
                       g_strdup_printf (_("%s leaves %s and is in no cohort now: %s."), s.label, old_name, clause),
                       months);
    }
  else if (old_date != new_date && (old_own || new_own || new_cohort == NULL))
    {
      /* In the same cohort (or none), a date of its own: a cohort's new
       * date is said once, for the cohort. */
      gboolean later = new_date == COHORTS_DATE_NONE || (old_date != COHORTS_DATE_NONE && new_date > old_date);
      g_autofree char *message = NULL;

      if (new_date == COHORTS_DATE_NONE)
        {
          g_autofree char *was = cohorts_date_format (old_date);
          /* Translators: "Hatherby Middle School (URN 938151) no longer has a conversion date; it had 1 April 2028." */
          message = g_strdup_printf (_("%s no longer has a conversion date; it had %s."), s.label, was);
        }
      else if (old_date == COHORTS_DATE_NONE)
        {
          g_autofree char *now = cohorts_date_format (new_date);
          /* Translators: "… now converts on 1 April 2028; it had no date before." */
          message = g_strdup_printf (_("%s now converts on %s; it had no date before."), s.label, now);
        }
      else
        {
          g_autofree char *now = cohorts_date_format (new_date);
          g_autofree char *shift = describe_shift (old_date, new_date);
          /* Translators: "… now converts on 1 January 2029, 9 months later than 1 April 2028." */
          message = g_strdup_printf (_("%s now converts on %s, %s."), s.label, now, shift);
        }
      school_change (&s, later ? COHORTS_CHANGE_SCHOOL_LATER : COHORTS_CHANGE_SCHOOL_EARLIER,
                     g_steal_pointer (&message), months);
    }

  diff_details (&s, old);
  g_free (s.label);
  g_free (s.subject);
}

static void
diff_schools (Diff *d)
{
  GListModel *new_schools = cohorts_plan_get_schools (d->new_plan);
  GListModel *old_schools = cohorts_plan_get_schools (d->old_plan);
  guint n_new = g_list_model_get_n_items (new_schools);
  guint n_old = g_list_model_get_n_items (old_schools);

  for (guint i = 0; i < n_new; i++)
    {
      g_autoptr(CohortsSchool) school = g_list_model_get_item (new_schools, i);
      CohortsSchool *old = cohorts_plan_find_school (d->old_plan, cohorts_school_get_urn (school));

      if (old != NULL)
        diff_school (d, old, school);
      else
        {
          SchoolChanges s = { d, school, NULL, NULL, NULL, COHORTS_DATE_NONE };
          gboolean own;
          g_autofree char *place = NULL;

          s.date = conversion_date (school, &own);
          s.label = school_label (school);
          s.subject = g_strdup_printf ("school:%u", cohorts_school_get_urn (school));
          place = place_phrase (cohorts_school_get_cohort (school), s.date);
          /* Translators: "Ashcombe First School (URN 938283) joins the plan, in no cohort yet." */
          school_change (&s, COHORTS_CHANGE_SCHOOL_JOINED, g_strdup_printf (_("%s joins the plan, %s."), s.label, place), 0);
          g_free (s.label);
          g_free (s.subject);
        }
    }

  for (guint i = 0; i < n_old; i++)
    {
      g_autoptr(CohortsSchool) old = g_list_model_get_item (old_schools, i);
      SchoolChanges s = { d, old, NULL, NULL, NULL, COHORTS_DATE_NONE };
      gboolean own;
      g_autofree char *place = NULL;

      if (cohorts_plan_find_school (d->new_plan, cohorts_school_get_urn (old)) != NULL)
        continue;

      /* Gone from the plan: no new date; it goes with the others of none. */
      s.label = school_label (old);
      s.subject = g_strdup_printf ("school:%u", cohorts_school_get_urn (old));
      place = place_phrase (cohorts_school_get_cohort (old), conversion_date (old, &own));
      /* Translators: "Ashcombe First School (URN 938283) leaves the plan; it was in Cohort 2, converting on …" */
      school_change (&s, COHORTS_CHANGE_SCHOOL_LEFT, g_strdup_printf (_("%s leaves the plan; it was %s."), s.label, place), 0);
      g_free (s.label);
      g_free (s.subject);
    }
}

/**
 * cohorts_diff_plans:
 * @old_plan: the earlier version
 * @new_plan: the later version
 *
 * Compares two versions of a plan.
 *
 * Returns: (transfer container) (element-type CohortsChange): what changed
 *   from @old_plan to @new_plan, in order (see above); empty when nothing
 *   did.
 */
static GPtrArray *
diff_run (CohortsPlan *old_plan,
          CohortsPlan *new_plan,
          gboolean     dates_only)
{
  Diff d = { 0, };
  GPtrArray *changes;

  d.old_plan = old_plan;
  d.new_plan = new_plan;
  d.dates_only = dates_only;
  d.entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  d.keys = g_ptr_array_new_with_free_func (g_free);
  d.old_to_new = g_hash_table_new (NULL, NULL);
  d.new_to_old = g_hash_table_new (NULL, NULL);

  if (!dates_only)
    {
      diff_plan (&d);
      diff_trust (&d);
      diff_readiness (&d);
      diff_schedule (&d);
    }
  match_cohorts (&d);
  diff_cohorts (&d);
  diff_schools (&d);

  g_array_sort (d.entries, compare_entries);
  changes = g_ptr_array_new_full (d.entries->len, (GDestroyNotify) cohorts_change_free);
  for (guint i = 0; i < d.entries->len; i++)
    g_ptr_array_add (changes, g_array_index (d.entries, Entry, i).change);

  g_array_unref (d.entries);
  g_ptr_array_unref (d.keys);
  g_hash_table_unref (d.old_to_new);
  g_hash_table_unref (d.new_to_old);
  return changes;
}

GPtrArray *
cohorts_diff_plans (CohortsPlan *old_plan,
                    CohortsPlan *new_plan)
{
  g_return_val_if_fail (COHORTS_IS_PLAN (old_plan), NULL);
  g_return_val_if_fail (COHORTS_IS_PLAN (new_plan), NULL);

  return diff_run (old_plan, new_plan, FALSE);
}

/**
 * cohorts_baseline_to_plan:
 *
 * Builds the plan a baseline records: its cohorts (ids, names, dates) and
 * its schools (URNs, names) in them, each converting on its baseline date
 * (its own date where that was not its cohort's). Nothing else of the plan
 * then is known: the rest has its defaults.
 *
 * Returns: (transfer full): the plan
 */
CohortsPlan *
cohorts_baseline_to_plan (CohortsBaseline *baseline)
{
  CohortsPlan *plan;
  guint n_cohorts, n_entries;
  g_autoptr(GPtrArray) schools = NULL;
  g_autoptr(GPtrArray) cohorts = NULL;
  g_autoptr(GPtrArray) members = NULL;

  g_return_val_if_fail (COHORTS_IS_BASELINE (baseline), NULL);

  plan = cohorts_plan_new ();
  n_cohorts = cohorts_baseline_get_n_cohorts (baseline);
  n_entries = cohorts_baseline_get_n_entries (baseline);
  cohorts = g_ptr_array_new_with_free_func (g_object_unref);
  members = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  schools = g_ptr_array_new_full (n_entries, g_object_unref);

  for (guint i = 0; i < n_cohorts; i++)
    {
      const CohortsBaselineCohort *c = cohorts_baseline_get_cohort (baseline, i);
      CohortsCohort *cohort = g_object_new (COHORTS_TYPE_COHORT, "id", c->id, NULL);

      g_free (cohort->name);
      cohort->name = g_strdup (c->name);
      cohort->date = c->date;
      g_ptr_array_add (cohorts, cohort);
      g_ptr_array_add (members, g_ptr_array_new ());
    }

  for (guint i = 0; i < n_entries; i++)
    {
      const CohortsBaselineEntry *e = cohorts_baseline_get_entry (baseline, i);
      CohortsSchool *school = g_object_new (COHORTS_TYPE_SCHOOL, "urn", e->urn, NULL);
      CohortsDate cohort_date = COHORTS_DATE_NONE;

      g_free (school->name);
      school->name = g_strdup (e->name);
      if (e->cohort >= 0)
        {
          cohort_date = cohorts_baseline_get_cohort (baseline, e->cohort)->date;
          g_ptr_array_add (g_ptr_array_index (members, e->cohort), school);
        }
      if (e->date != cohort_date)
        {
          school->milestones[COHORTS_STEP_CONVERSION].date = e->date;
          school->milestones[COHORTS_STEP_CONVERSION].state = COHORTS_MILESTONE_PLANNED;
        }
      g_ptr_array_add (schools, school);
    }

  cohorts_plan_load_schools (plan, schools);
  for (guint i = 0; i < n_cohorts; i++)
    cohorts_plan_load_cohort (plan, g_ptr_array_index (cohorts, i), g_ptr_array_index (members, i));
  cohorts_plan_load_finish (plan, COHORTS_PLAN_FORMAT_VERSION);
  return plan;
}

/**
 * cohorts_diff_baseline:
 * @baseline: a baseline of @plan (or of another)
 *
 * Compares @plan with what @baseline recorded: cohorts added, removed,
 * renamed or moved to another date, schools that joined or left the plan,
 * moved to another cohort, or convert earlier or later, and schools
 * renamed. Nothing else, as a baseline keeps nothing else.
 *
 * Returns: (transfer container) (element-type CohortsChange): the changes
 *   since @baseline, in the order of cohorts_diff_plans()
 */
GPtrArray *
cohorts_diff_baseline (CohortsBaseline *baseline,
                       CohortsPlan     *plan)
{
  g_autoptr(CohortsPlan) old_plan = NULL;

  g_return_val_if_fail (COHORTS_IS_BASELINE (baseline), NULL);
  g_return_val_if_fail (COHORTS_IS_PLAN (plan), NULL);

  old_plan = cohorts_baseline_to_plan (baseline);
  return diff_run (old_plan, plan, TRUE);
}

/* "3 schools move to another cohort", for the summary. */
static char *
count_phrase (CohortsChangeKind kind,
              guint             n)
{
  switch (kind)
    {
    case COHORTS_CHANGE_PLAN:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u change to the plan's settings",
                                           "%u changes to the plan's settings", n), n);
    case COHORTS_CHANGE_COHORT_ADDED:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u cohort added",
                                           "%u cohorts added", n), n);
    case COHORTS_CHANGE_COHORT_REMOVED:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u cohort removed",
                                           "%u cohorts removed", n), n);
    case COHORTS_CHANGE_COHORT_RENAMED:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u cohort renamed",
                                           "%u cohorts renamed", n), n);
    case COHORTS_CHANGE_COHORT_DATE:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u cohort with a new date",
                                           "%u cohorts with a new date", n), n);
    case COHORTS_CHANGE_COHORT_STATUS:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u cohort with a new status",
                                           "%u cohorts with a new status", n), n);
    case COHORTS_CHANGE_SCHOOL_JOINED:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u school joins",
                                           "%u schools join", n), n);
    case COHORTS_CHANGE_SCHOOL_LEFT:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u school leaves",
                                           "%u schools leave", n), n);
    case COHORTS_CHANGE_SCHOOL_MOVED:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u school moves to another cohort",
                                           "%u schools move to another cohort", n), n);
    case COHORTS_CHANGE_SCHOOL_ASSIGNED:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u school joins a cohort",
                                           "%u schools join a cohort", n), n);
    case COHORTS_CHANGE_SCHOOL_UNASSIGNED:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u school leaves its cohort",
                                           "%u schools leave their cohort", n), n);
    case COHORTS_CHANGE_SCHOOL_LATER:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u school converts later",
                                           "%u schools convert later", n), n);
    case COHORTS_CHANGE_SCHOOL_EARLIER:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u school converts earlier",
                                           "%u schools convert earlier", n), n);
    case COHORTS_CHANGE_SCHOOL_DETAILS:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u change to a school's details",
                                           "%u changes to schools' details", n), n);
    case COHORTS_CHANGE_TRUST:
    case COHORTS_CHANGE_READINESS:
    case COHORTS_CHANGE_SCHEDULE:
    default:
      g_assert_not_reached ();
    }
}

/**
 * cohorts_diff_summarize:
 * @changes: (element-type CohortsChange): from cohorts_diff_plans()
 *
 * Returns: the changes counted in one line: "5 changes: 1 cohort renamed,
 *   3 schools move to another cohort, 1 school joins."; "No changes." when
 *   there are none
 */
char *
cohorts_diff_summarize (GPtrArray *changes)
{
  guint counts[COHORTS_N_CHANGE_KINDS] = { 0, };
  g_autoptr(GPtrArray) phrases = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *list = NULL;

  g_return_val_if_fail (changes != NULL, NULL);

  if (changes->len == 0)
    return g_strdup (_("No changes."));

  for (guint i = 0; i < changes->len; i++)
    {
      const CohortsChange *change = g_ptr_array_index (changes, i);
      CohortsChangeKind kind = change->kind;

      /* The plan's own settings, the trust's, readiness and the template count as one. */
      if (kind <= COHORTS_CHANGE_SCHEDULE)
        kind = COHORTS_CHANGE_PLAN;
      counts[kind]++;
    }
  for (guint k = 0; k < COHORTS_N_CHANGE_KINDS; k++)
    if (counts[k] > 0)
      g_ptr_array_add (phrases, count_phrase (k, counts[k]));
  g_ptr_array_add (phrases, NULL);

  /* Translators: the separator between the counts of a summary */
  list = g_strjoinv (_(", "), (char **) phrases->pdata);
  /* Translators: "5 changes: 1 cohort renamed, 3 schools move to another cohort, 1 school joins." */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u change: %s.", "%u changes: %s.", changes->len),
                          changes->len, list);
}
