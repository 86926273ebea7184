/* cohorts-cohort.c: schools that convert together
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A cohort has a target conversion date and its member schools in order. Its
 * members list is a GListModel that views may observe; only CohortsPlan
 * changes it, so that a school is never in two cohorts.
 */
#define G_LOG_DOMAIN "cohorts-cohort"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cohorts-cohort-private.h"
#include "cohorts-record.h"
#include "cohorts-text.h"

G_DEFINE_FINAL_TYPE (CohortsCohort, cohorts_cohort, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_DATE,
  PROP_STATUS,
  PROP_LOCKED,
  PROP_NOTES,
  PROP_N_MEMBERS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
members_changed_cb (CohortsCohort *self,
                    guint          position,
                    guint          removed,
                    guint          added,
                    GListModel    *members)
{
  if (removed != added)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_MEMBERS]);
}

static void
cohorts_cohort_finalize (GObject *object)
{
  CohortsCohort *self = (CohortsCohort *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->notes, g_free);
  g_clear_object (&self->members);
  g_clear_pointer (&self->extensions, g_ptr_array_unref);

  G_OBJECT_CLASS (cohorts_cohort_parent_class)->finalize (object);
}

static void
cohorts_cohort_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CohortsCohort *self = COHORTS_COHORT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_DATE:
      g_value_set_uint (value, self->date);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_LOCKED:
      g_value_set_boolean (value, self->locked);
      break;
    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;
    case PROP_N_MEMBERS:
      g_value_set_uint (value, cohorts_cohort_get_n_members (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static gboolean
replace_string (char       **slot,
                char        *text)
{
  if (g_strcmp0 (*slot, text) == 0)
    {
      g_free (text);
      return FALSE;
    }
  g_free (*slot);
  *slot = text;
  return TRUE;
}

static void
cohorts_cohort_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  CohortsCohort *self = COHORTS_COHORT (object);
  gboolean changed = FALSE;

  switch (prop_id)
    {
    case PROP_ID:
      /* Construct-only; the plan checks the id is valid and unique. */
      self->id = g_value_dup_string (value);
      break;
    case PROP_NAME:
      changed = replace_string (&self->name, cohorts_text_clean_line (g_value_get_string (value)));
      break;
    case PROP_DATE:
      if (!cohorts_date_is_valid (g_value_get_uint (value)) && g_value_get_uint (value) != COHORTS_DATE_NONE)
        {
          g_critical ("A cohort's date must be between 1900 and 2200");
          return;
        }
      changed = self->date != g_value_get_uint (value);
      self->date = g_value_get_uint (value);
      break;
    case PROP_STATUS:
      changed = self->status != (CohortsCohortStatus) g_value_get_enum (value);
      self->status = g_value_get_enum (value);
      break;
    case PROP_LOCKED:
      changed = self->locked != g_value_get_boolean (value);
      self->locked = g_value_get_boolean (value);
      break;
    case PROP_NOTES:
      changed = replace_string (&self->notes, cohorts_text_clean_notes (g_value_get_string (value)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }

  if (changed)
    g_object_notify_by_pspec (object, pspec);
}

static void
cohorts_cohort_class_init (CohortsCohortClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  /* Nicks are translated: the editor and undo steps show them. The
   * translations live as long as the process, as static strings must. */
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = cohorts_cohort_finalize;
  object_class->get_property = cohorts_cohort_get_property;
  object_class->set_property = cohorts_cohort_set_property;

  /**
   * CohortsCohort:id:
   *
   * A short stable identifier ("c1"), unique in the plan, that does not
   * change when the cohort is renamed.
   */
  properties[PROP_ID] =
    g_param_spec_string ("id", _("Identifier"), NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", _("Name"), NULL, "", flags);
  /**
   * CohortsCohort:date:
   *
   * The target conversion date (a #CohortsDate), normally the 1st of a
   * month, or %COHORTS_DATE_NONE while undecided.
   */
  properties[PROP_DATE] =
    g_param_spec_uint ("date", _("Conversion date"), NULL, 0, G_MAXUINT32, 0, flags);
  cohorts_format_mark_pspec (properties[PROP_DATE], COHORTS_FORMAT_DATE);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", _("Status"), NULL,
                       COHORTS_TYPE_COHORT_STATUS, COHORTS_COHORT_STATUS_DRAFT, flags);
  /**
   * CohortsCohort:locked:
   *
   * Whether the cohort's date and schools are settled: Suggest Cohorts
   * neither moves it nor adds to it nor takes from it.
   */
  properties[PROP_LOCKED] =
    g_param_spec_boolean ("locked", _("Locked"), NULL, FALSE, flags);
  properties[PROP_NOTES] =
    g_param_spec_string ("notes", _("Notes"), NULL, "", flags);
  properties[PROP_N_MEMBERS] =
    g_param_spec_uint ("n-members", _("Number of schools"), NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  cohorts_text_mark_pspec (properties[PROP_NAME], FALSE);
  cohorts_text_mark_pspec (properties[PROP_NOTES], TRUE);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cohorts_cohort_init (CohortsCohort *self)
{
  self->name = g_strdup ("");
  self->notes = g_strdup ("");
  self->members = g_list_store_new (COHORTS_TYPE_SCHOOL);
  g_signal_connect_object (self->members, "items-changed",
                           G_CALLBACK (members_changed_cb), self, G_CONNECT_SWAPPED);
}

/**
 * cohorts_cohort_new:
 * @id: a valid identifier, see cohorts_cohort_id_is_valid()
 *
 * Returns: (transfer full): an empty draft cohort without a date
 */
CohortsCohort *
cohorts_cohort_new (const char *id,
                    const char *name)
{
  g_return_val_if_fail (cohorts_cohort_id_is_valid (id), NULL);

  return g_object_new (COHORTS_TYPE_COHORT,
                       "id", id,
                       "name", name,
                       NULL);
}

const char *
cohorts_cohort_get_id (CohortsCohort *self)
{
  g_return_val_if_fail (COHORTS_IS_COHORT (self), NULL);
  return self->id;
}

const char *
cohorts_cohort_get_name (CohortsCohort *self)
{
  g_return_val_if_fail (COHORTS_IS_COHORT (self), NULL);
  return self->name;
}

CohortsDate
cohorts_cohort_get_date (CohortsCohort *self)
{
  g_return_val_if_fail (COHORTS_IS_COHORT (self), COHORTS_DATE_NONE);
  return self->date;
}

CohortsCohortStatus
cohorts_cohort_get_status (CohortsCohort *self)
{
  g_return_val_if_fail (COHORTS_IS_COHORT (self), COHORTS_COHORT_STATUS_DRAFT);
  return self->status;
}

gboolean
cohorts_cohort_get_locked (CohortsCohort *self)
{
  g_return_val_if_fail (COHORTS_IS_COHORT (self), FALSE);
  return self->locked;
}

const char *
cohorts_cohort_get_notes (CohortsCohort *self)
{
  g_return_val_if_fail (COHORTS_IS_COHORT (self), NULL);
  return self->notes;
}

/**
 * cohorts_cohort_get_members:
 *
 * Returns: (transfer none): the member schools in order, a model of
 *   #CohortsSchool that changes as the plan is edited
 */
GListModel *
cohorts_cohort_get_members (CohortsCohort *self)
{
  g_return_val_if_fail (COHORTS_IS_COHORT (self), NULL);
  return G_LIST_MODEL (self->members);
}

guint
cohorts_cohort_get_n_members (CohortsCohort *self)
{
  g_return_val_if_fail (COHORTS_IS_COHORT (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->members));
}

/**
 * cohorts_cohort_dup_display_name:
 *
 * Returns: how to name the cohort in messages and undo steps: its name, or
 *   "Cohort c3" (after its id) while the name is blank, so that no message
 *   reads " has no schools." and no step reads "Move to ".
 */
char *
cohorts_cohort_dup_display_name (CohortsCohort *self)
{
  g_return_val_if_fail (COHORTS_IS_COHORT (self), NULL);

  for (const char *p = self->name; *p != '\0'; p++)
    if (*p != ' ')
      return g_strdup (self->name);

  /* Translators: a cohort without a name, named after its identifier: "Cohort c3" */
  return g_strdup_printf (_("Cohort %s"), self->id);
}

/**
 * cohorts_cohort_id_is_valid:
 *
 * Returns: whether @id is 1–64 characters of lowercase ASCII letters, digits
 *   and hyphens, not starting with a hyphen.
 */
gboolean
cohorts_cohort_id_is_valid (const char *id)
{
  gsize len;

  if (id == NULL || id[0] == '\0' || id[0] == '-')
    return FALSE;

  len = strlen (id);
  if (len > 64)
    return FALSE;

  for (gsize i = 0; i < len; i++)
    if (!(g_ascii_islower (id[i]) || g_ascii_isdigit (id[i]) || id[i] == '-'))
      return FALSE;

  return TRUE;
}
