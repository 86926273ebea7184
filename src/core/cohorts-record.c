/* cohorts-record.c: GObject properties described by a table
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cohorts-record"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cohorts-date.h"
#include "cohorts-error.h"
#include "cohorts-record.h"
#include "cohorts-text.h"
#include "cohorts-trust.h"

#define FIELD_PTR(instance, field, type) ((type *) G_STRUCT_MEMBER_P ((instance), (field)->offset))

void
cohorts_record_class_install (GObjectClass        *object_class,
                              const CohortsField  *fields,
                              guint                n_fields,
                              GParamSpec         **pspecs)
{
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  for (guint i = 1; i < n_fields; i++)
    {
      const CohortsField *field = &fields[i];
      const char *nick = g_dgettext (GETTEXT_PACKAGE, field->nick);

      switch (field->kind)
        {
        case COHORTS_FIELD_LINE:
        case COHORTS_FIELD_NOTES:
          pspecs[i] = g_param_spec_string (field->name, nick, NULL, "", flags);
          cohorts_text_mark_pspec (pspecs[i], field->kind == COHORTS_FIELD_NOTES);
          break;
        case COHORTS_FIELD_UINT:
          pspecs[i] = g_param_spec_uint (field->name, nick, NULL,
                                         field->min, field->max, field->fallback, flags);
          break;
        case COHORTS_FIELD_INT:
          pspecs[i] = g_param_spec_int (field->name, nick, NULL,
                                        field->min, field->max, field->fallback, flags);
          break;
        case COHORTS_FIELD_INT64:
          pspecs[i] = g_param_spec_int64 (field->name, nick, NULL,
                                          field->min, field->max, field->fallback, flags);
          break;
        case COHORTS_FIELD_BOOLEAN:
          pspecs[i] = g_param_spec_boolean (field->name, nick, NULL, FALSE, flags);
          break;
        case COHORTS_FIELD_ENUM:
          pspecs[i] = g_param_spec_enum (field->name, nick, NULL, field->enum_type (), 0, flags);
          break;
        default:
          g_assert_not_reached ();
        }

      cohorts_format_mark_pspec (pspecs[i], field->format);
      g_object_class_install_property (object_class, i, pspecs[i]);
    }
}

void
cohorts_record_init (gpointer            instance,
                     const CohortsField *fields,
                     guint               n_fields)
{
  for (guint i = 1; i < n_fields; i++)
    {
      const CohortsField *field = &fields[i];

      switch (field->kind)
        {
        case COHORTS_FIELD_LINE:
        case COHORTS_FIELD_NOTES:
          *FIELD_PTR (instance, field, char *) = g_strdup ("");
          break;
        case COHORTS_FIELD_UINT:
          *FIELD_PTR (instance, field, guint) = field->fallback;
          break;
        case COHORTS_FIELD_INT:
          *FIELD_PTR (instance, field, int) = field->fallback;
          break;
        case COHORTS_FIELD_INT64:
          *FIELD_PTR (instance, field, gint64) = field->fallback;
          break;
        case COHORTS_FIELD_BOOLEAN:
        case COHORTS_FIELD_ENUM:
          *FIELD_PTR (instance, field, int) = 0;
          break;
        default:
          g_assert_not_reached ();
        }
    }
}

void
cohorts_record_finalize (gpointer            instance,
                         const CohortsField *fields,
                         guint               n_fields)
{
  for (guint i = 1; i < n_fields; i++)
    if (fields[i].kind == COHORTS_FIELD_LINE || fields[i].kind == COHORTS_FIELD_NOTES)
      g_clear_pointer (FIELD_PTR (instance, &fields[i], char *), g_free);
}

void
cohorts_record_get (gpointer            instance,
                    const CohortsField *field,
                    GValue             *value)
{
  switch (field->kind)
    {
    case COHORTS_FIELD_LINE:
    case COHORTS_FIELD_NOTES:
      g_value_set_string (value, *FIELD_PTR (instance, field, char *));
      break;
    case COHORTS_FIELD_UINT:
      g_value_set_uint (value, *FIELD_PTR (instance, field, guint));
      break;
    case COHORTS_FIELD_INT:
      g_value_set_int (value, *FIELD_PTR (instance, field, int));
      break;
    case COHORTS_FIELD_INT64:
      g_value_set_int64 (value, *FIELD_PTR (instance, field, gint64));
      break;
    case COHORTS_FIELD_BOOLEAN:
      g_value_set_boolean (value, *FIELD_PTR (instance, field, gboolean));
      break;
    case COHORTS_FIELD_ENUM:
      g_value_set_enum (value, *FIELD_PTR (instance, field, int));
      break;
    default:
      g_assert_not_reached ();
    }
}

/**
 * cohorts_record_set:
 *
 * Stores @value in the field; text is cleaned (see cohorts-text.h). A value
 * of the wrong format (see #CohortsFormat) is refused with a critical: the
 * editing API checks values first and reports them as errors.
 *
 * Returns: whether the stored value changed, so the caller notifies.
 */
gboolean
cohorts_record_set (gpointer            instance,
                    const CohortsField *field,
                    const GValue       *value)
{
  gboolean changed = FALSE;
  g_autoptr(GError) error = NULL;

  if (!cohorts_format_check (g_object_class_find_property (G_OBJECT_GET_CLASS (instance), field->name),
                             value, &error))
    {
      g_critical ("%s: %s", G_OBJECT_TYPE_NAME (instance), error->message);
      return FALSE;
    }

  switch (field->kind)
    {
    case COHORTS_FIELD_LINE:
    case COHORTS_FIELD_NOTES:
      {
        char **slot = FIELD_PTR (instance, field, char *);
        char *text = field->kind == COHORTS_FIELD_LINE
                     ? cohorts_text_clean_line (g_value_get_string (value))
                     : cohorts_text_clean_notes (g_value_get_string (value));

        changed = g_strcmp0 (*slot, text) != 0;
        g_free (*slot);
        *slot = text;
      }
      break;
    case COHORTS_FIELD_UINT:
      changed = *FIELD_PTR (instance, field, guint) != g_value_get_uint (value);
      *FIELD_PTR (instance, field, guint) = g_value_get_uint (value);
      break;
    case COHORTS_FIELD_INT:
      changed = *FIELD_PTR (instance, field, int) != g_value_get_int (value);
      *FIELD_PTR (instance, field, int) = g_value_get_int (value);
      break;
    case COHORTS_FIELD_INT64:
      changed = *FIELD_PTR (instance, field, gint64) != g_value_get_int64 (value);
      *FIELD_PTR (instance, field, gint64) = g_value_get_int64 (value);
      break;
    case COHORTS_FIELD_BOOLEAN:
      changed = *FIELD_PTR (instance, field, gboolean) != g_value_get_boolean (value);
      *FIELD_PTR (instance, field, gboolean) = g_value_get_boolean (value);
      break;
    case COHORTS_FIELD_ENUM:
      changed = *FIELD_PTR (instance, field, int) != g_value_get_enum (value);
      *FIELD_PTR (instance, field, int) = g_value_get_enum (value);
      break;
    default:
      g_assert_not_reached ();
    }

  return changed;
}

static GQuark
format_quark (void)
{
  static GQuark quark;

  if (G_UNLIKELY (quark == 0))
    quark = g_quark_from_static_string ("cohorts-format");
  return quark;
}

/**
 * cohorts_format_mark_pspec:
 *
 * Records the format values of @pspec must have, for cohorts_format_check().
 */
void
cohorts_format_mark_pspec (GParamSpec    *pspec,
                           CohortsFormat  format)
{
  if (format != COHORTS_FORMAT_ANY)
    g_param_spec_set_qdata (pspec, format_quark (), GINT_TO_POINTER (format));
}

static gboolean
is_code (const char *text)
{
  gsize n = strlen (text);

  return n <= 8 && strspn (text, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789") == n;
}

/**
 * cohorts_format_check:
 *
 * Checks @value against the format recorded on @pspec.
 *
 * Returns: %TRUE if the plan file can hold it; otherwise %FALSE with an
 *   error that says what the value must look like
 */
gboolean
cohorts_format_check (GParamSpec    *pspec,
                      const GValue  *value,
                      GError       **error)
{
  CohortsFormat format;
  const char *text = NULL;

  if (pspec == NULL)
    return TRUE;

  format = GPOINTER_TO_INT (g_param_spec_get_qdata (pspec, format_quark ()));
  if (G_VALUE_HOLDS_STRING (value))
    text = g_value_get_string (value) ? g_value_get_string (value) : "";

  switch (format)
    {
    case COHORTS_FORMAT_ANY:
      return TRUE;

    case COHORTS_FORMAT_DATE:
      {
        CohortsDate date = g_value_get_uint (value);

        if (date == COHORTS_DATE_NONE || cohorts_date_is_valid (date))
          return TRUE;
        g_set_error (error, COHORTS_PLAN_ERROR, COHORTS_PLAN_ERROR_INVALID,
                     _("%s must be a date between 1900 and 2200"), g_param_spec_get_nick (pspec));
        return FALSE;
      }

    case COHORTS_FORMAT_UKPRN:
      if (text[0] == '\0' || cohorts_ukprn_is_valid (text))
        return TRUE;
      g_set_error (error, COHORTS_PLAN_ERROR, COHORTS_PLAN_ERROR_INVALID,
                   _("“%s” is not a UKPRN: eight digits starting with 1"), text);
      return FALSE;

    case COHORTS_FORMAT_TRUST_REFERENCE:
      if (text[0] == '\0' || cohorts_trust_reference_is_valid (text))
        return TRUE;
      g_set_error (error, COHORTS_PLAN_ERROR, COHORTS_PLAN_ERROR_INVALID,
                   _("“%s” is not a trust reference: TR and five digits"), text);
      return FALSE;

    case COHORTS_FORMAT_CODE:
      if (is_code (text))
        return TRUE;
      g_set_error (error, COHORTS_PLAN_ERROR, COHORTS_PLAN_ERROR_INVALID,
                   _("“%s” is not a code: up to eight letters and digits"), text);
      return FALSE;

    case COHORTS_FORMAT_MONEY:
      {
        gint64 amount = g_value_get_int64 (value);

        if (amount == G_MININT64 || (amount >= -999999999999 && amount <= 999999999999))
          return TRUE;
        g_set_error (error, COHORTS_PLAN_ERROR, COHORTS_PLAN_ERROR_INVALID,
                     _("%s must be within £999,999,999,999 either way"), g_param_spec_get_nick (pspec));
        return FALSE;
      }

    default:
      g_assert_not_reached ();
    }
}

/**
 * cohorts_extensions_take:
 * @extensions: (inout): an array of serialised XML, created when needed
 * @xml: (transfer full): one element of another namespace
 *
 * Keeps content of other programs (see plan-xml) on a record.
 */
void
cohorts_extensions_take (GPtrArray **extensions,
                         char       *xml)
{
  if (*extensions == NULL)
    *extensions = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (*extensions, xml);
}
