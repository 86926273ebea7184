/* cohorts-record.h: GObject properties described by a table
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Schools and trusts are records of many plain facts. Each property is
 * described once (its kind, bounds and place in the instance struct) and
 * handled by the generic code here: one line per field instead of a case in
 * each of get_property(), set_property(), init() and finalize().
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  COHORTS_FIELD_LINE,     /* char *, one line of text */
  COHORTS_FIELD_NOTES,    /* char *, multi-line text */
  COHORTS_FIELD_UINT,     /* guint (URNs, dates) */
  COHORTS_FIELD_INT,      /* int (counts, ages), -1 when not recorded */
  COHORTS_FIELD_INT64,    /* gint64 (money) */
  COHORTS_FIELD_BOOLEAN,  /* gboolean */
  COHORTS_FIELD_ENUM,     /* an enumeration, stored as int */
} CohortsFieldKind;

/**
 * CohortsFormat:
 *
 * What a value must look like beyond its type, so that the plan file can
 * hold it: the model refuses what the loader would refuse.
 */
typedef enum
{
  COHORTS_FORMAT_ANY,
  COHORTS_FORMAT_DATE,             /* a CohortsDate from 1900 to 2200, or none */
  COHORTS_FORMAT_UKPRN,            /* "" or eight digits starting with 1 */
  COHORTS_FORMAT_TRUST_REFERENCE,  /* "" or TR and five digits */
  COHORTS_FORMAT_CODE,             /* "" or one to eight letters and digits */
  COHORTS_FORMAT_MONEY,            /* whole pounds within ±999,999,999,999, or unknown */
} CohortsFormat;

typedef struct
{
  const char *name;
  const char *nick;
  CohortsFieldKind kind;
  gsize offset;
  GType (*enum_type) (void);
  gint64 min;
  gint64 max;
  gint64 fallback;
  CohortsFormat format;
} CohortsField;

#define COHORTS_FIELD_LINE_AT(n, nick, off) { n, nick, COHORTS_FIELD_LINE, off, NULL, 0, 0, 0 }
#define COHORTS_FIELD_NOTES_AT(n, nick, off) { n, nick, COHORTS_FIELD_NOTES, off, NULL, 0, 0, 0 }
#define COHORTS_FIELD_ENUM_AT(n, nick, off, t) { n, nick, COHORTS_FIELD_ENUM, off, t, 0, 0, 0 }
#define COHORTS_FIELD_COUNT_AT(n, nick, off, max) { n, nick, COHORTS_FIELD_INT, off, NULL, -1, max, -1 }
#define COHORTS_FIELD_DATE_AT(n, nick, off) \
  { n, nick, COHORTS_FIELD_UINT, off, NULL, 0, G_MAXUINT32, 0, COHORTS_FORMAT_DATE }
#define COHORTS_FIELD_FORMATTED_AT(n, nick, off, format) \
  { n, nick, COHORTS_FIELD_LINE, off, NULL, 0, 0, 0, format }
#define COHORTS_FIELD_FLAG_AT(n, nick, off) { n, nick, COHORTS_FIELD_BOOLEAN, off, NULL, 0, 1, 0 }

/* @fields is indexed by property id; entry 0 is unused. */
void     cohorts_record_class_install (GObjectClass        *object_class,
                                       const CohortsField  *fields,
                                       guint                n_fields,
                                       GParamSpec         **pspecs);
void     cohorts_record_init          (gpointer             instance,
                                       const CohortsField  *fields,
                                       guint                n_fields);
void     cohorts_record_finalize      (gpointer             instance,
                                       const CohortsField  *fields,
                                       guint                n_fields);
void     cohorts_record_get           (gpointer             instance,
                                       const CohortsField  *field,
                                       GValue              *value);
gboolean cohorts_record_set           (gpointer             instance,
                                       const CohortsField  *field,
                                       const GValue        *value);

void     cohorts_format_mark_pspec    (GParamSpec          *pspec,
                                       CohortsFormat        format);
gboolean cohorts_format_check         (GParamSpec          *pspec,
                                       const GValue        *value,
                                       GError             **error);

void     cohorts_extensions_take (GPtrArray **extensions,
                              char       *xml);

G_END_DECLS
