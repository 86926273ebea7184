/* cohorts-record.c: GObject properties described by a table
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cohorts-record"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cohorts-record.h"
#include "cohorts-text.h"

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

      /* The nick is translated at run time, so it cannot be a static string. */
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
 * Stores @value in the field; text is cleaned (see cohorts-text.h).
 *
 * Returns: whether the stored value changed, so the caller notifies.
 */
gboolean
cohorts_record_set (gpointer            instance,
                    const CohortsField *field,
                    const GValue       *value)
{
  gboolean changed = FALSE;

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
