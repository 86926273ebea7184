/* test-model.c: enumerations, text, schools, trusts and cohorts
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-model"

#include "config.h"

#include "cohorts-cohort.h"
#include "cohorts-enums.h"
#include "cohorts-plan.h"
#include "cohorts-schedule.h"
#include "cohorts-school.h"
#include "cohorts-text.h"
#include "cohorts-trust.h"

typedef GType (*GetType) (void);

static const GetType enum_types[] = {
  cohorts_trust_kind_get_type,
  cohorts_phase_get_type,
  cohorts_establishment_type_get_type,
  cohorts_religious_character_get_type,
  cohorts_ofsted_grade_get_type,
  cohorts_report_area_get_type,
  cohorts_report_grade_get_type,
  cohorts_safeguarding_get_type,
  cohorts_siams_outcome_get_type,
  cohorts_cohort_status_get_type,
  cohorts_severity_get_type,
};

/* Enumerations of the file format whose labels come from elsewhere
 * (cohorts_step_get_name()) or that people never see. */
static const GetType unlabelled_enum_types[] = {
  cohorts_step_get_type,
  cohorts_milestone_state_get_type,
};

#define N_TOKEN_TYPES (G_N_ELEMENTS (enum_types) + G_N_ELEMENTS (unlabelled_enum_types))

/* Every enumeration with file tokens, labelled or not. */
static GType
token_type (guint t)
{
  if (t < G_N_ELEMENTS (enum_types))
    return enum_types[t] ();
  return unlabelled_enum_types[t - G_N_ELEMENTS (enum_types)] ();
}

/* Enumerations */

static void
test_enum_tokens_round_trip (void)
{
  for (guint t = 0; t < N_TOKEN_TYPES; t++)
    {
      GType type = token_type (t);
      g_autoptr(GEnumClass) klass = g_type_class_ref (type);
      gboolean has_unset = cohorts_enum_has_unset_value (type);

      g_assert_cmpuint (klass->n_values, >=, 3);

      for (guint i = 0; i < klass->n_values; i++)
        {
          int value = klass->values[i].value;
          const char *token = cohorts_enum_to_token (type, value);
          int parsed = -1;

          /* Values are 0, 1, 2… with no gaps, as the label tables assume. */
          g_assert_cmpint (value, ==, (int) i);

          g_assert_nonnull (token);
          g_assert_cmpstr (token, ==, klass->values[i].value_nick);

          g_assert_true (cohorts_enum_from_token (type, token, TRUE, &parsed));
          g_assert_cmpint (parsed, ==, value);

          parsed = -1;
          if (value == 0 && has_unset)
            {
              /* "unknown"/"none" is written by leaving the attribute out. */
              g_assert_false (cohorts_enum_from_token (type, token, FALSE, &parsed));
              g_assert_cmpint (parsed, ==, -1);
            }
          else
            {
              g_assert_true (cohorts_enum_from_token (type, token, FALSE, &parsed));
              g_assert_cmpint (parsed, ==, value);
            }
        }

      /* Not values of the type. */
      g_assert_null (cohorts_enum_to_token (type, -1));
      g_assert_null (cohorts_enum_to_token (type, klass->n_values));
    }
}

static void
test_enum_tokens_are_lowercase (void)
{
  for (guint t = 0; t < N_TOKEN_TYPES; t++)
    {
      GType type = token_type (t);
      g_autoptr(GEnumClass) klass = g_type_class_ref (type);

      for (guint i = 0; i < klass->n_values; i++)
        {
          const char *token = klass->values[i].value_nick;

          g_assert_cmpuint (strlen (token), >, 0);
          for (const char *p = token; *p != '\0'; p++)
            g_assert_true (g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '-');
        }
    }
}

static void
test_enum_unknown_tokens (void)
{
  static const char *const tokens[] = {
    "", "Good", "GOOD", "good ", " good", "requires_improvement", "outstanding!", "inadequate\n",
  };
  int value = 42;

  for (guint i = 0; i < G_N_ELEMENTS (tokens); i++)
    {
      g_assert_false (cohorts_enum_from_token (COHORTS_TYPE_OFSTED_GRADE, tokens[i], TRUE, &value));
      g_assert_false (cohorts_enum_from_token (COHORTS_TYPE_OFSTED_GRADE, tokens[i], FALSE, &value));
    }
  g_assert_cmpint (value, ==, 42);

  /* A token of another enumeration is not a token of this one. */
  g_assert_false (cohorts_enum_from_token (COHORTS_TYPE_PHASE, "good", TRUE, &value));
  g_assert_false (cohorts_enum_from_token (COHORTS_TYPE_SIAMS_OUTCOME, "outstanding", TRUE, &value));
  g_assert_cmpint (value, ==, 42);

  g_assert_true (cohorts_enum_from_token (COHORTS_TYPE_PHASE, "16-plus", FALSE, &value));
  g_assert_cmpint (value, ==, COHORTS_PHASE_SIXTEEN_PLUS);
  g_assert_true (cohorts_enum_from_token (COHORTS_TYPE_REPORT_AREA, "personal-development-and-well-being",
                                          FALSE, &value));
  g_assert_cmpint (value, ==, COHORTS_REPORT_AREA_PERSONAL_DEVELOPMENT);
}

static void
test_enum_allow_zero (void)
{
  int value = 42;

  /* Value 0 means "not recorded" in these… */
  g_assert_true (cohorts_enum_has_unset_value (COHORTS_TYPE_PHASE));
  g_assert_true (cohorts_enum_has_unset_value (COHORTS_TYPE_ESTABLISHMENT_TYPE));
  g_assert_true (cohorts_enum_has_unset_value (COHORTS_TYPE_RELIGIOUS_CHARACTER));
  g_assert_true (cohorts_enum_has_unset_value (COHORTS_TYPE_OFSTED_GRADE));
  g_assert_true (cohorts_enum_has_unset_value (COHORTS_TYPE_REPORT_GRADE));
  g_assert_true (cohorts_enum_has_unset_value (COHORTS_TYPE_SAFEGUARDING));
  g_assert_true (cohorts_enum_has_unset_value (COHORTS_TYPE_SIAMS_OUTCOME));
  g_assert_true (cohorts_enum_has_unset_value (COHORTS_TYPE_MILESTONE_STATE));
  /* …and is a real value in these. */
  g_assert_false (cohorts_enum_has_unset_value (COHORTS_TYPE_TRUST_KIND));
  g_assert_false (cohorts_enum_has_unset_value (COHORTS_TYPE_REPORT_AREA));
  g_assert_false (cohorts_enum_has_unset_value (COHORTS_TYPE_COHORT_STATUS));
  g_assert_false (cohorts_enum_has_unset_value (COHORTS_TYPE_SEVERITY));
  g_assert_false (cohorts_enum_has_unset_value (COHORTS_TYPE_STEP));

  g_assert_false (cohorts_enum_from_token (COHORTS_TYPE_PHASE, "unknown", FALSE, &value));
  g_assert_cmpint (value, ==, 42);
  g_assert_true (cohorts_enum_from_token (COHORTS_TYPE_PHASE, "unknown", TRUE, &value));
  g_assert_cmpint (value, ==, COHORTS_PHASE_UNKNOWN);

  value = 42;
  g_assert_false (cohorts_enum_from_token (COHORTS_TYPE_OFSTED_GRADE, "none", FALSE, &value));
  g_assert_cmpint (value, ==, 42);

  g_assert_true (cohorts_enum_from_token (COHORTS_TYPE_TRUST_KIND, "forming-mat", FALSE, &value));
  g_assert_cmpint (value, ==, COHORTS_TRUST_KIND_FORMING_MAT);
  value = 42;
  g_assert_true (cohorts_enum_from_token (COHORTS_TYPE_COHORT_STATUS, "draft", FALSE, &value));
  g_assert_cmpint (value, ==, COHORTS_COHORT_STATUS_DRAFT);
  value = 42;
  g_assert_true (cohorts_enum_from_token (COHORTS_TYPE_SEVERITY, "info", FALSE, &value));
  g_assert_cmpint (value, ==, COHORTS_SEVERITY_INFO);
}

static void
test_enum_list_tokens (void)
{
  g_autofree char *grades = cohorts_enum_list_tokens (COHORTS_TYPE_OFSTED_GRADE, FALSE);
  g_autofree char *grades_all = cohorts_enum_list_tokens (COHORTS_TYPE_OFSTED_GRADE, TRUE);
  g_autofree char *kinds = cohorts_enum_list_tokens (COHORTS_TYPE_TRUST_KIND, FALSE);
  g_autofree char *severities = cohorts_enum_list_tokens (COHORTS_TYPE_SEVERITY, FALSE);

  g_assert_cmpstr (grades, ==,
                   "outstanding, good, requires-improvement, inadequate, serious-weaknesses, "
                   "special-measures");
  g_assert_cmpstr (grades_all, ==,
                   "none, outstanding, good, requires-improvement, inadequate, serious-weaknesses, "
                   "special-measures");
  g_assert_cmpstr (kinds, ==, "forming-mat, existing-mat, sponsor");
  g_assert_cmpstr (severities, ==, "info, warning, error");
}

static void
test_enum_labels (void)
{
  for (guint t = 0; t < G_N_ELEMENTS (enum_types); t++)
    {
      GType type = enum_types[t] ();
      g_autoptr(GEnumClass) klass = g_type_class_ref (type);
      g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint i = 0; i < klass->n_values; i++)
        {
          const char *label = cohorts_enum_get_label (type, klass->values[i].value);

          g_assert_nonnull (label);
          g_assert_cmpuint (strlen (label), >, 0);
          g_assert_true (g_utf8_validate (label, -1, NULL));
          /* Two values of one enumeration never read the same. */
          g_assert_false (g_hash_table_contains (seen, label));
          g_hash_table_add (seen, (gpointer) label);
        }
    }

  g_assert_cmpstr (cohorts_enum_get_label (COHORTS_TYPE_OFSTED_GRADE, COHORTS_OFSTED_GRADE_GOOD),
                   ==, "Good");
  g_assert_cmpstr (cohorts_enum_get_label (COHORTS_TYPE_PHASE, COHORTS_PHASE_MIDDLE_DEEMED_PRIMARY),
                   ==, "Middle deemed primary");
  g_assert_cmpstr (cohorts_enum_get_label (COHORTS_TYPE_ESTABLISHMENT_TYPE,
                                           COHORTS_ESTABLISHMENT_VOLUNTARY_AIDED),
                   ==, "Voluntary aided");
  g_assert_cmpstr (cohorts_enum_get_label (COHORTS_TYPE_SEVERITY, COHORTS_SEVERITY_ERROR), ==, "Error");
}

static void
test_enum_label_out_of_range (void)
{
  const char *label;

  g_test_expect_message ("cohorts-enums", G_LOG_LEVEL_CRITICAL, "*should not be reached*");
  label = cohorts_enum_get_label (COHORTS_TYPE_SEVERITY, 3);
  g_test_assert_expected_messages ();
  g_assert_cmpstr (label, ==, "");
}

static void
test_enum_is_church (void)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (COHORTS_TYPE_RELIGIOUS_CHARACTER);
  static const CohortsReligiousCharacter church[] = {
    COHORTS_RELIGIOUS_CHARACTER_CHURCH_OF_ENGLAND,
    COHORTS_RELIGIOUS_CHARACTER_ROMAN_CATHOLIC,
    COHORTS_RELIGIOUS_CHARACTER_CHURCH_OF_ENGLAND_METHODIST,
    COHORTS_RELIGIOUS_CHARACTER_ROMAN_CATHOLIC_CHURCH_OF_ENGLAND,
    COHORTS_RELIGIOUS_CHARACTER_METHODIST,
    COHORTS_RELIGIOUS_CHARACTER_CHRISTIAN,
  };

  for (guint i = 0; i < klass->n_values; i++)
    {
      gboolean expected = FALSE;

      for (guint j = 0; j < G_N_ELEMENTS (church); j++)
        if ((int) church[j] == klass->values[i].value)
          expected = TRUE;

      g_assert_cmpint (cohorts_religious_character_is_church (klass->values[i].value), ==, expected);
    }
}

/* Text */

static void
test_text_plain (void)
{
  g_autofree char *empty = cohorts_text_clean_line ("");
  g_autofree char *null_line = cohorts_text_clean_line (NULL);
  g_autofree char *null_notes = cohorts_text_clean_notes (NULL);
  g_autofree char *ascii = cohorts_text_clean_line ("Northfield High School");
  g_autofree char *utf8 = cohorts_text_clean_line ("St Aidan’s – Ashminster ✓ 𝄞");
  g_autofree char *spaces = cohorts_text_clean_line ("  two  spaces  ");

  g_assert_cmpstr (empty, ==, "");
  g_assert_cmpstr (null_line, ==, "");
  g_assert_cmpstr (null_notes, ==, "");
  g_assert_cmpstr (ascii, ==, "Northfield High School");
  g_assert_cmpstr (utf8, ==, "St Aidan’s – Ashminster ✓ 𝄞");
  /* Spaces are the user's: kept as typed. */
  g_assert_cmpstr (spaces, ==, "  two  spaces  ");
}

static void
test_text_control_characters (void)
{
  g_autofree char *line = cohorts_text_clean_line ("a\x01" "b\x08" "c\x0b" "d\x0c" "e\x1b" "f\x1f" "g");
  g_autofree char *notes = cohorts_text_clean_notes ("a\x01" "b\x02\x03\n\x1f" "c\x7f" "d");
  /* U+FFFE and U+FFFF are not characters XML allows. */
  g_autofree char *nonchars = cohorts_text_clean_line ("x\xef\xbf\xbey\xef\xbf\xbfz");

  g_assert_cmpstr (line, ==, "abcdefg");
  g_assert_cmpstr (notes, ==, "ab\nc\x7f" "d");
  g_assert_cmpstr (nonchars, ==, "xyz");
}

static void
test_text_line_ends (void)
{
  g_autofree char *notes = cohorts_text_clean_notes ("one\r\ntwo\rthree\nfour\r\n\r\nsix\r");
  g_autofree char *tabs = cohorts_text_clean_notes ("a\tb");
  g_autofree char *line = cohorts_text_clean_line ("one\r\ntwo\rthree\nfour\tfive");
  g_autofree char *crlf_end = cohorts_text_clean_line ("end\r\n");

  g_assert_cmpstr (notes, ==, "one\ntwo\nthree\nfour\n\nsix\n");
  g_assert_cmpstr (tabs, ==, "a\tb");
  /* CR LF is one line end, so one space. */
  g_assert_cmpstr (line, ==, "one two three four five");
  g_assert_cmpstr (crlf_end, ==, "end ");
}

static void
test_text_invalid_utf8 (void)
{
  g_autofree char *line = cohorts_text_clean_line ("caf\xe9 \xff\xfe ok");
  g_autofree char *truncated = cohorts_text_clean_line ("end \xe2\x80");
  g_autofree char *surrogate = cohorts_text_clean_notes ("a\xed\xa0\x80" "b");
  g_autofree char *overlong = cohorts_text_clean_line ("a\xc0\xaf" "b");

  g_assert_true (g_utf8_validate (line, -1, NULL));
  g_assert_true (g_utf8_validate (truncated, -1, NULL));
  g_assert_true (g_utf8_validate (surrogate, -1, NULL));
  g_assert_true (g_utf8_validate (overlong, -1, NULL));

  /* Each bad sequence becomes U+FFFD, the replacement character. */
  g_assert_cmpstr (line, ==, "caf\xef\xbf\xbd \xef\xbf\xbd\xef\xbf\xbd ok");
  g_assert_true (g_str_has_prefix (truncated, "end "));
  g_assert_true (g_str_has_suffix (truncated, "\xef\xbf\xbd"));
  g_assert_true (g_str_has_prefix (surrogate, "a\xef\xbf\xbd"));
  g_assert_true (g_str_has_suffix (surrogate, "\xef\xbf\xbd" "b"));
  g_assert_null (strstr (surrogate, "\xed"));
  g_assert_true (g_str_has_prefix (overlong, "a\xef\xbf\xbd"));
  g_assert_null (strchr (overlong, '/'));
}

static char *
repeat (const char *unit,
        guint       times)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < times; i++)
    g_string_append (out, unit);
  return g_string_free (out, FALSE);
}

static void
test_text_limits (void)
{
  g_autofree char *ascii_500 = repeat ("a", 500);
  g_autofree char *ascii_501 = repeat ("a", 501);
  g_autofree char *wide_600 = repeat ("é", 600);
  g_autofree char *wide_500 = repeat ("é", 500);
  g_autofree char *astral_501 = repeat ("𝄞", 501);
  g_autofree char *notes_100000 = repeat ("x\n", 50000);
  g_autofree char *notes_100001 = g_strconcat (notes_100000, "y", NULL);
  g_autofree char *notes_crlf = repeat ("\r\n", 100005);
  g_autofree char *line_a = cohorts_text_clean_line (ascii_500);
  g_autofree char *line_b = cohorts_text_clean_line (ascii_501);
  g_autofree char *line_c = cohorts_text_clean_line (wide_600);
  g_autofree char *line_d = cohorts_text_clean_line (astral_501);
  g_autofree char *notes_a = cohorts_text_clean_notes (notes_100000);
  g_autofree char *notes_b = cohorts_text_clean_notes (notes_100001);
  g_autofree char *notes_c = cohorts_text_clean_notes (notes_crlf);
  g_autofree char *notes_d = cohorts_text_clean_notes (wide_600);

  g_assert_cmpint (COHORTS_SHORT_TEXT_MAX, ==, 500);
  g_assert_cmpint (COHORTS_NOTES_MAX, ==, 100000);

  g_assert_cmpstr (line_a, ==, ascii_500);
  g_assert_cmpstr (line_b, ==, ascii_500);
  /* The limit counts characters, not bytes. */
  g_assert_cmpstr (line_c, ==, wide_500);
  g_assert_cmpint (g_utf8_strlen (line_d, -1), ==, 500);
  g_assert_true (g_utf8_validate (line_d, -1, NULL));

  g_assert_cmpstr (notes_a, ==, notes_100000);
  g_assert_cmpstr (notes_b, ==, notes_100000);
  /* CR LF counts as the one character it becomes. */
  g_assert_cmpint (strlen (notes_c), ==, 100000);
  g_assert_null (strchr (notes_c, '\r'));
  g_assert_cmpstr (notes_d, ==, wide_600);
}

static void
assert_cleans_as (GType       type,
                  const char *property,
                  const char *text,
                  const char *expected)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (type);
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_CLASS (klass), property);
  g_auto(GValue) value = G_VALUE_INIT;

  g_assert_nonnull (pspec);
  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text);
  g_assert_true (cohorts_text_clean_value (pspec, &value));
  g_assert_cmpstr (g_value_get_string (&value), ==, expected);
}

static void
test_text_clean_value (void)
{
  g_autoptr(GTypeClass) school_class = g_type_class_ref (COHORTS_TYPE_SCHOOL);
  g_auto(GValue) number = G_VALUE_INIT;
  g_auto(GValue) text = G_VALUE_INIT;

  /* Every string property says how its setter cleans text. */
  assert_cleans_as (COHORTS_TYPE_SCHOOL, "name", "a\r\nb\tc\x01", "a b c");
  assert_cleans_as (COHORTS_TYPE_SCHOOL, "postcode", "NF1\n4HS", "NF1 4HS");
  assert_cleans_as (COHORTS_TYPE_SCHOOL, "notes", "a\r\nb\tc\x01", "a\nb\tc");
  assert_cleans_as (COHORTS_TYPE_TRUST, "name", "a\nb", "a b");
  assert_cleans_as (COHORTS_TYPE_TRUST, "ukprn", "1009\n8765", "1009 8765");
  assert_cleans_as (COHORTS_TYPE_TRUST, "notes", "a\rb", "a\nb");
  assert_cleans_as (COHORTS_TYPE_COHORT, "name", "Cohort\n1", "Cohort 1");
  assert_cleans_as (COHORTS_TYPE_COHORT, "notes", "a\r\nb", "a\nb");
  assert_cleans_as (COHORTS_TYPE_PLAN, "title", "a\nb", "a b");
  assert_cleans_as (COHORTS_TYPE_SCHOOL, "town", NULL, "");

  {
    const GType types[] = { COHORTS_TYPE_SCHOOL, COHORTS_TYPE_TRUST, COHORTS_TYPE_COHORT, COHORTS_TYPE_PLAN };

    for (guint t = 0; t < G_N_ELEMENTS (types); t++)
      {
        g_autoptr(GTypeClass) klass = g_type_class_ref (types[t]);
        guint n_pspecs = 0;
        g_autofree GParamSpec **pspecs = g_object_class_list_properties (G_OBJECT_CLASS (klass), &n_pspecs);

        for (guint i = 0; i < n_pspecs; i++)
          {
            g_auto(GValue) value = G_VALUE_INIT;

            if (!G_IS_PARAM_SPEC_STRING (pspecs[i]) || !(pspecs[i]->flags & G_PARAM_WRITABLE) ||
                (pspecs[i]->flags & G_PARAM_CONSTRUCT_ONLY))
              continue;
            g_value_init (&value, G_TYPE_STRING);
            if (!cohorts_text_clean_value (pspecs[i], &value))
              g_error ("%s:%s does not say how it cleans text", g_type_name (types[t]), pspecs[i]->name);
          }
      }
  }

  /* Other properties are left alone. */
  g_value_init (&number, G_TYPE_INT);
  g_value_set_int (&number, 5);
  g_assert_false (cohorts_text_clean_value (g_object_class_find_property (G_OBJECT_CLASS (school_class),
                                                                          "pupils"), &number));
  g_assert_cmpint (g_value_get_int (&number), ==, 5);

  /* The cohort id is fixed at construction and never cleaned. */
  g_value_init (&text, G_TYPE_STRING);
  g_value_set_string (&text, "a\nb");
  {
    g_autoptr(GTypeClass) cohort_class = g_type_class_ref (COHORTS_TYPE_COHORT);
    g_assert_false (cohorts_text_clean_value (g_object_class_find_property (G_OBJECT_CLASS (cohort_class),
                                                                            "id"), &text));
  }
  g_assert_cmpstr (g_value_get_string (&text), ==, "a\nb");
}

/* Counting notifications */

typedef struct
{
  guint total;
  GHashTable *by_name;  /* property name -> count */
} Notifications;

static void
notify_cb (GObject       *object,
           GParamSpec    *pspec,
           Notifications *n)
{
  guint count = GPOINTER_TO_UINT (g_hash_table_lookup (n->by_name, pspec->name));

  g_hash_table_insert (n->by_name, (gpointer) pspec->name, GUINT_TO_POINTER (count + 1));
  n->total++;
}

static void
notifications_watch (Notifications *n,
                     gpointer       object)
{
  n->total = 0;
  n->by_name = g_hash_table_new (g_str_hash, g_str_equal);
  g_signal_connect (object, "notify", G_CALLBACK (notify_cb), n);
}

static void
notifications_stop (Notifications *n,
                    gpointer       object)
{
  g_signal_handlers_disconnect_by_func (object, notify_cb, n);
  g_clear_pointer (&n->by_name, g_hash_table_unref);
}

static guint
notifications_of (Notifications *n,
                  const char    *name)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (n->by_name, name));
}

/* A value of @pspec that differs from @current. */
static void
other_value (GParamSpec   *pspec,
             const GValue *current,
             GValue       *other)
{
  g_value_init (other, pspec->value_type);

  /* Properties with a format take a value of that format. */
  if (g_str_equal (pspec->name, "ukprn"))
    g_value_set_string (other, g_str_equal (g_value_get_string (current), "10012345") ? "10054321" : "10012345");
  else if (g_str_has_suffix (pspec->name, "reference"))
    g_value_set_string (other, g_str_equal (g_value_get_string (current), "TR12345") ? "TR54321" : "TR12345");
  else if (g_str_has_suffix (pspec->name, "-code"))
    g_value_set_string (other, g_str_equal (g_value_get_string (current), "AB12") ? "CD34" : "AB12");
  else if (G_IS_PARAM_SPEC_UINT (pspec) &&
           (g_str_has_suffix (pspec->name, "date") || g_str_has_suffix (pspec->name, "-requested") ||
            g_str_has_suffix (pspec->name, "-decided")) &&
           g_value_get_uint (current) == COHORTS_DATE_NONE)
    g_value_set_uint (other, cohorts_date_new (2027, 9, 1));
  else if (g_str_equal (pspec->name, "budget-balance") && g_value_get_int64 (current) == COHORTS_MONEY_UNKNOWN)
    g_value_set_int64 (other, -1500);
  else if (G_IS_PARAM_SPEC_STRING (pspec))
    g_value_set_string (other, g_str_equal (pspec->name, "notes")
                               ? "Notes on\ntwo lines ✓" : "Some text ✓");
  else if (G_IS_PARAM_SPEC_INT (pspec))
    {
      GParamSpecInt *p = G_PARAM_SPEC_INT (pspec);
      int v = g_value_get_int (current);
      g_value_set_int (other, v < p->maximum ? v + 1 : v - 1);
    }
  else if (G_IS_PARAM_SPEC_UINT (pspec))
    {
      GParamSpecUInt *p = G_PARAM_SPEC_UINT (pspec);
      guint v = g_value_get_uint (current);
      g_value_set_uint (other, v < p->maximum ? v + 1 : v - 1);
    }
  else if (G_IS_PARAM_SPEC_INT64 (pspec))
    {
      GParamSpecInt64 *p = G_PARAM_SPEC_INT64 (pspec);
      gint64 v = g_value_get_int64 (current);
      g_value_set_int64 (other, v < p->maximum ? v + 1 : v - 1);
    }
  else if (G_IS_PARAM_SPEC_BOOLEAN (pspec))
    g_value_set_boolean (other, !g_value_get_boolean (current));
  else if (G_IS_PARAM_SPEC_ENUM (pspec))
    {
      GEnumClass *klass = G_PARAM_SPEC_ENUM (pspec)->enum_class;
      g_value_set_enum (other, (g_value_get_enum (current) + 1) % klass->n_values);
    }
  else
    g_assert_not_reached ();
}

/* Sets every writable property of @object to another value and back, and
 * checks that each change notifies exactly that property, once, and that
 * setting the value it already has notifies nothing. Returns how many
 * properties it set. */
static guint
exercise_properties (gpointer object)
{
  guint n_pspecs = 0;
  g_autofree GParamSpec **pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (object),
                                                                   &n_pspecs);
  guint n_set = 0;

  for (guint i = 0; i < n_pspecs; i++)
    {
      GParamSpec *pspec = pspecs[i];
      g_auto(GValue) original = G_VALUE_INIT;
      g_auto(GValue) other = G_VALUE_INIT;
      g_auto(GValue) read = G_VALUE_INIT;
      Notifications n;

      if (!(pspec->flags & G_PARAM_WRITABLE) || (pspec->flags & G_PARAM_CONSTRUCT_ONLY))
        continue;

      /* Only notify when it really changed, which GObject does not check. */
      g_assert_true (pspec->flags & G_PARAM_EXPLICIT_NOTIFY);

      g_value_init (&original, pspec->value_type);
      g_object_get_property (object, pspec->name, &original);
      other_value (pspec, &original, &other);
      g_assert_cmpint (g_param_values_cmp (pspec, &original, &other), !=, 0);

      notifications_watch (&n, object);

      g_object_set_property (object, pspec->name, &other);
      g_assert_cmpuint (notifications_of (&n, pspec->name), ==, 1);
      g_assert_cmpuint (n.total, ==, 1);

      g_value_init (&read, pspec->value_type);
      g_object_get_property (object, pspec->name, &read);
      if (g_param_values_cmp (pspec, &read, &other) != 0)
        g_error ("%s:%s did not keep the value it was set to",
                 G_OBJECT_TYPE_NAME (object), pspec->name);

      /* The same value again: no change, no notification. */
      g_object_set_property (object, pspec->name, &other);
      g_assert_cmpuint (n.total, ==, 1);

      g_object_set_property (object, pspec->name, &original);
      g_assert_cmpuint (notifications_of (&n, pspec->name), ==, 2);
      g_assert_cmpuint (n.total, ==, 2);
      g_value_reset (&read);
      g_object_get_property (object, pspec->name, &read);
      g_assert_cmpint (g_param_values_cmp (pspec, &read, &original), ==, 0);

      notifications_stop (&n, object);
      n_set++;
    }

  return n_set;
}

/* Schools */

static const char *const school_properties[] = {
  "urn", "academy-urn", "name", "phase", "establishment-type", "low-age", "high-age",
  "religious-character", "pupils", "capacity", "small", "rural", "locked", "town", "postcode", "la-code",
  "la-name", "diocese-code", "diocese-name", "current-trust-reference", "current-trust-name",
  "ofsted-grade", "ofsted-date", "report-card-date", "safeguarding",
  "report-card-inclusion", "report-card-curriculum-and-teaching", "report-card-achievement",
  "report-card-attendance-and-behaviour", "report-card-personal-development",
  "report-card-leadership-and-governance", "report-card-early-years", "report-card-sixth-form",
  "siams-outcome", "siams-date", "budget-balance", "budget-date", "recovery-plan", "pfi", "notes",
  "diocesan-consent", "diocesan-consent-requested", "diocesan-consent-decided", "site-trustees-consent",
  "site-trustees-consent-requested", "site-trustees-consent-decided", "supplemental-agreement",
  "supplemental-agreement-date", "memorandum", "memorandum-date", "foundation-governors", "governors",
};

static void
test_school_defaults (void)
{
  g_autoptr(CohortsSchool) school = cohorts_school_new (938112, "Northfield High School");

  g_assert_cmpuint (cohorts_school_get_urn (school), ==, 938112);
  g_assert_cmpstr (cohorts_school_get_name (school), ==, "Northfield High School");
  g_assert_cmpuint (cohorts_school_get_academy_urn (school), ==, 0);
  g_assert_cmpint (cohorts_school_get_phase (school), ==, COHORTS_PHASE_UNKNOWN);
  g_assert_cmpint (cohorts_school_get_establishment_type (school), ==, COHORTS_ESTABLISHMENT_UNKNOWN);
  g_assert_cmpint (cohorts_school_get_low_age (school), ==, COHORTS_COUNT_UNKNOWN);
  g_assert_cmpint (cohorts_school_get_high_age (school), ==, COHORTS_COUNT_UNKNOWN);
  g_assert_cmpint (cohorts_school_get_religious_character (school), ==,
                   COHORTS_RELIGIOUS_CHARACTER_UNKNOWN);
  g_assert_cmpint (cohorts_school_get_pupils (school), ==, -1);
  g_assert_cmpint (cohorts_school_get_capacity (school), ==, -1);
  g_assert_false (cohorts_school_get_small (school));
  g_assert_false (cohorts_school_get_rural (school));
  g_assert_cmpstr (cohorts_school_get_town (school), ==, "");
  g_assert_cmpstr (cohorts_school_get_postcode (school), ==, "");
  g_assert_cmpstr (cohorts_school_get_la_code (school), ==, "");
  g_assert_cmpstr (cohorts_school_get_la_name (school), ==, "");
  g_assert_cmpstr (cohorts_school_get_diocese_code (school), ==, "");
  g_assert_cmpstr (cohorts_school_get_diocese_name (school), ==, "");
  g_assert_cmpstr (cohorts_school_get_current_trust_reference (school), ==, "");
  g_assert_cmpstr (cohorts_school_get_current_trust_name (school), ==, "");
  g_assert_cmpint (cohorts_school_get_ofsted_grade (school), ==, COHORTS_OFSTED_GRADE_NONE);
  g_assert_cmpuint (cohorts_school_get_ofsted_date (school), ==, COHORTS_DATE_NONE);
  g_assert_cmpuint (cohorts_school_get_report_card_date (school), ==, COHORTS_DATE_NONE);
  g_assert_cmpint (cohorts_school_get_safeguarding (school), ==, COHORTS_SAFEGUARDING_UNKNOWN);
  for (CohortsReportArea area = 0; area < COHORTS_N_REPORT_AREAS; area++)
    g_assert_cmpint (cohorts_school_get_report_grade (school, area), ==, COHORTS_REPORT_GRADE_NONE);
  g_assert_cmpint (cohorts_school_get_siams_outcome (school), ==, COHORTS_SIAMS_NONE);
  g_assert_cmpuint (cohorts_school_get_siams_date (school), ==, COHORTS_DATE_NONE);
  g_assert_cmpint (cohorts_school_get_budget_balance (school), ==, COHORTS_MONEY_UNKNOWN);
  g_assert_cmpint (COHORTS_MONEY_UNKNOWN, ==, G_MININT64);
  g_assert_cmpuint (cohorts_school_get_budget_date (school), ==, COHORTS_DATE_NONE);
  g_assert_false (cohorts_school_get_recovery_plan (school));
  g_assert_false (cohorts_school_get_pfi (school));
  g_assert_cmpstr (cohorts_school_get_notes (school), ==, "");
  g_assert_cmpint (cohorts_school_get_diocesan_consent (school), ==, COHORTS_CONSENT_NONE);
  g_assert_cmpuint (cohorts_school_get_diocesan_consent_requested (school), ==, COHORTS_DATE_NONE);
  g_assert_cmpint (cohorts_school_get_site_trustees_consent (school), ==, COHORTS_CONSENT_NONE);
  g_assert_cmpint (cohorts_school_get_supplemental_agreement (school), ==, COHORTS_AGREEMENT_NONE);
  g_assert_cmpint (cohorts_school_get_memorandum (school), ==, COHORTS_AGREEMENT_NONE);
  g_assert_cmpint (cohorts_school_get_foundation_governors (school), ==, COHORTS_COUNT_UNKNOWN);
  g_assert_cmpint (cohorts_school_get_governors (school), ==, COHORTS_COUNT_UNKNOWN);
  g_assert_false (cohorts_school_has_church_track (school));
  g_assert_null (cohorts_school_get_cohort (school));
  g_assert_false (cohorts_school_has_report_card (school));

  /* A NULL name is an empty one. */
  {
    g_autoptr(CohortsSchool) unnamed = cohorts_school_new (100000, NULL);
    g_assert_cmpstr (cohorts_school_get_name (unnamed), ==, "");
  }
}

static void
test_school_property_list (void)
{
  g_autoptr(CohortsSchool) school = cohorts_school_new (938112, "Northfield High School");
  GObjectClass *klass = G_OBJECT_GET_CLASS (school);
  guint n_pspecs = 0;
  g_autofree GParamSpec **pspecs = g_object_class_list_properties (klass, &n_pspecs);

  for (guint i = 0; i < G_N_ELEMENTS (school_properties); i++)
    {
      GParamSpec *pspec = g_object_class_find_property (klass, school_properties[i]);

      if (pspec == NULL)
        g_error ("CohortsSchool has no property “%s”", school_properties[i]);
      g_assert_true (pspec->flags & G_PARAM_READWRITE);
      g_assert_cmpuint (strlen (g_param_spec_get_nick (pspec)), >, 0);
    }

  /* Those, and the read-only cohort. */
  g_assert_cmpuint (n_pspecs, ==, G_N_ELEMENTS (school_properties) + 1);
  for (guint i = 0; i < n_pspecs; i++)
    g_assert_true (pspecs[i]->owner_type == COHORTS_TYPE_SCHOOL);
  g_assert_nonnull (g_object_class_find_property (klass, "cohort"));
  g_assert_false (g_object_class_find_property (klass, "cohort")->flags & G_PARAM_WRITABLE);

  for (CohortsReportArea area = 0; area < COHORTS_N_REPORT_AREAS; area++)
    g_assert_nonnull (g_object_class_find_property (klass,
                                                    cohorts_school_report_area_property (area)));
  g_assert_cmpstr (cohorts_school_report_area_property (COHORTS_REPORT_AREA_INCLUSION),
                   ==, "report-card-inclusion");
  g_assert_cmpstr (cohorts_school_report_area_property (COHORTS_REPORT_AREA_SIXTH_FORM),
                   ==, "report-card-sixth-form");
}

static void
test_school_set_every_property (void)
{
  g_autoptr(CohortsSchool) school = cohorts_school_new (938112, "Northfield High School");

  g_assert_cmpuint (exercise_properties (school), ==, G_N_ELEMENTS (school_properties));
}

static void
test_school_getters (void)
{
  g_autoptr(CohortsSchool) school = cohorts_school_new (938134, "St Aidan's");

  g_object_set (school,
                "academy-urn", 149001,
                "phase", COHORTS_PHASE_MIDDLE_DEEMED_SECONDARY,
                "establishment-type", COHORTS_ESTABLISHMENT_VOLUNTARY_AIDED,
                "low-age", 9,
                "high-age", 13,
                "religious-character", COHORTS_RELIGIOUS_CHARACTER_CHURCH_OF_ENGLAND,
                "pupils", 478,
                "capacity", 510,
                "small", TRUE,
                "rural", TRUE,
                "town", "Northfield",
                "postcode", "NF2 7SA",
                "la-code", "899",
                "la-name", "Northshire",
                "diocese-code", "CE99",
                "diocese-name", "Diocese of Ashminster",
                "current-trust-reference", "TR01234",
                "current-trust-name", "Old Trust",
                "ofsted-grade", COHORTS_OFSTED_GRADE_GOOD,
                "ofsted-date", cohorts_date_new (2023, 5, 17),
                "report-card-date", cohorts_date_new (2025, 11, 19),
                "safeguarding", COHORTS_SAFEGUARDING_MET,
                "report-card-achievement", COHORTS_REPORT_GRADE_NEEDS_ATTENTION,
                "report-card-sixth-form", COHORTS_REPORT_GRADE_EXCEPTIONAL,
                "siams-outcome", COHORTS_SIAMS_LIVING_UP_TO_FOUNDATION,
                "siams-date", cohorts_date_new (2024, 2, 28),
                "budget-balance", (gint64) -186400,
                "budget-date", cohorts_date_new (2026, 3, 31),
                "recovery-plan", TRUE,
                "pfi", TRUE,
                "notes", "Line one\r\nLine two",
                NULL);

  g_assert_cmpuint (cohorts_school_get_urn (school), ==, 938134);
  g_assert_cmpuint (cohorts_school_get_academy_urn (school), ==, 149001);
  g_assert_cmpint (cohorts_school_get_phase (school), ==, COHORTS_PHASE_MIDDLE_DEEMED_SECONDARY);
  g_assert_cmpint (cohorts_school_get_establishment_type (school), ==,
                   COHORTS_ESTABLISHMENT_VOLUNTARY_AIDED);
  g_assert_cmpint (cohorts_school_get_low_age (school), ==, 9);
  g_assert_cmpint (cohorts_school_get_high_age (school), ==, 13);
  g_assert_cmpint (cohorts_school_get_religious_character (school), ==,
                   COHORTS_RELIGIOUS_CHARACTER_CHURCH_OF_ENGLAND);
  g_assert_cmpint (cohorts_school_get_pupils (school), ==, 478);
  g_assert_cmpint (cohorts_school_get_capacity (school), ==, 510);
  g_assert_true (cohorts_school_get_small (school));
  g_assert_true (cohorts_school_get_rural (school));
  g_assert_cmpstr (cohorts_school_get_town (school), ==, "Northfield");
  g_assert_cmpstr (cohorts_school_get_postcode (school), ==, "NF2 7SA");
  g_assert_cmpstr (cohorts_school_get_la_code (school), ==, "899");
  g_assert_cmpstr (cohorts_school_get_la_name (school), ==, "Northshire");
  g_assert_cmpstr (cohorts_school_get_diocese_code (school), ==, "CE99");
  g_assert_cmpstr (cohorts_school_get_diocese_name (school), ==, "Diocese of Ashminster");
  g_assert_cmpstr (cohorts_school_get_current_trust_reference (school), ==, "TR01234");
  g_assert_cmpstr (cohorts_school_get_current_trust_name (school), ==, "Old Trust");
  g_assert_cmpint (cohorts_school_get_ofsted_grade (school), ==, COHORTS_OFSTED_GRADE_GOOD);
  g_assert_cmpuint (cohorts_school_get_ofsted_date (school), ==, cohorts_date_new (2023, 5, 17));
  g_assert_cmpuint (cohorts_school_get_report_card_date (school), ==, cohorts_date_new (2025, 11, 19));
  g_assert_cmpint (cohorts_school_get_safeguarding (school), ==, COHORTS_SAFEGUARDING_MET);
  g_assert_cmpint (cohorts_school_get_report_grade (school, COHORTS_REPORT_AREA_ACHIEVEMENT), ==,
                   COHORTS_REPORT_GRADE_NEEDS_ATTENTION);
  g_assert_cmpint (cohorts_school_get_report_grade (school, COHORTS_REPORT_AREA_SIXTH_FORM), ==,
                   COHORTS_REPORT_GRADE_EXCEPTIONAL);
  g_assert_cmpint (cohorts_school_get_report_grade (school, COHORTS_REPORT_AREA_EARLY_YEARS), ==,
                   COHORTS_REPORT_GRADE_NONE);
  g_assert_cmpint (cohorts_school_get_report_grade (school, COHORTS_REPORT_AREA_INCLUSION), ==,
                   COHORTS_REPORT_GRADE_NONE);
  g_assert_cmpint (cohorts_school_get_siams_outcome (school), ==, COHORTS_SIAMS_LIVING_UP_TO_FOUNDATION);
  g_assert_cmpuint (cohorts_school_get_siams_date (school), ==, cohorts_date_new (2024, 2, 28));
  g_assert_cmpint (cohorts_school_get_budget_balance (school), ==, -186400);
  g_assert_cmpuint (cohorts_school_get_budget_date (school), ==, cohorts_date_new (2026, 3, 31));
  g_assert_true (cohorts_school_get_recovery_plan (school));
  g_assert_true (cohorts_school_get_pfi (school));
  g_assert_cmpstr (cohorts_school_get_notes (school), ==, "Line one\nLine two");
  g_assert_true (cohorts_school_has_report_card (school));
  g_assert_true (cohorts_school_is_church_school (school));
}

static void
test_school_notify_only_on_change (void)
{
  g_autoptr(CohortsSchool) school = cohorts_school_new (938112, "Northfield High School");
  Notifications n;

  notifications_watch (&n, school);

  g_object_set (school, "pupils", 1214, NULL);
  g_object_set (school, "pupils", 1214, NULL);
  g_assert_cmpuint (notifications_of (&n, "pupils"), ==, 1);

  /* A name that cleans to the one it has is no change. */
  g_object_set (school, "name", "Northfield\tHigh\nSchool", NULL);
  g_assert_cmpuint (notifications_of (&n, "name"), ==, 0);
  g_object_set (school, "name", "Northfield High School\x01", NULL);
  g_assert_cmpuint (notifications_of (&n, "name"), ==, 0);
  g_assert_cmpstr (cohorts_school_get_name (school), ==, "Northfield High School");

  g_object_set (school, "notes", "a\r\nb", NULL);
  g_object_set (school, "notes", "a\nb", NULL);
  g_object_set (school, "notes", "a\rb", NULL);
  g_assert_cmpuint (notifications_of (&n, "notes"), ==, 1);

  /* NULL text is stored as empty, which it already was. */
  g_object_set (school, "town", NULL, NULL);
  g_assert_cmpuint (notifications_of (&n, "town"), ==, 0);
  g_assert_cmpstr (cohorts_school_get_town (school), ==, "");

  /* Freezing collapses several changes of one property into one. */
  g_object_freeze_notify (G_OBJECT (school));
  g_object_set (school, "capacity", 100, NULL);
  g_object_set (school, "capacity", 200, NULL);
  g_object_thaw_notify (G_OBJECT (school));
  g_assert_cmpuint (notifications_of (&n, "capacity"), ==, 1);

  g_assert_cmpuint (n.total, ==, 3);
  notifications_stop (&n, school);
}

static void
test_school_text_cleaned (void)
{
  g_autoptr(CohortsSchool) school = cohorts_school_new (938112, "Northfield\r\nHigh\x02 School");
  g_autofree char *long_name = repeat ("n", 600);

  g_assert_cmpstr (cohorts_school_get_name (school), ==, "Northfield High School");

  g_object_set (school, "town", long_name, "notes", "one\r\ntwo\tthree\x0c", NULL);
  g_assert_cmpint (strlen (cohorts_school_get_town (school)), ==, 500);
  g_assert_cmpstr (cohorts_school_get_notes (school), ==, "one\ntwo\tthree");
}

static void
test_school_describe_inspection (void)
{
  g_autoptr(CohortsSchool) school = cohorts_school_new (938112, "Northfield High School");
  g_autofree char *none = NULL;
  g_autofree char *graded = NULL;
  g_autofree char *card = NULL;
  g_autofree char *later_grade = NULL;
  g_autofree char *special = NULL;

  none = cohorts_school_describe_inspection (school);
  g_assert_cmpstr (none, ==, "Not inspected");

  g_object_set (school,
                "ofsted-grade", COHORTS_OFSTED_GRADE_GOOD,
                "ofsted-date", cohorts_date_new (2019, 6, 12),
                NULL);
  graded = cohorts_school_describe_inspection (school);
  g_assert_cmpstr (graded, ==, "Good (12 June 2019)");

  /* A report card after the grade is the latest outcome. */
  g_object_set (school, "report-card-date", cohorts_date_new (2025, 11, 19), NULL);
  card = cohorts_school_describe_inspection (school);
  g_assert_cmpstr (card, ==, "Report card (19 November 2025)");

  /* A grade dated after the report card is (a correction, say). */
  g_object_set (school,
                "ofsted-grade", COHORTS_OFSTED_GRADE_REQUIRES_IMPROVEMENT,
                "ofsted-date", cohorts_date_new (2025, 12, 3),
                NULL);
  later_grade = cohorts_school_describe_inspection (school);
  g_assert_cmpstr (later_grade, ==, "Requires improvement (3 December 2025)");

  g_object_set (school,
                "report-card-date", COHORTS_DATE_NONE,
                "ofsted-grade", COHORTS_OFSTED_GRADE_OUTSTANDING,
                "ofsted-date", cohorts_date_new (2017, 3, 8),
                NULL);
  special = cohorts_school_describe_inspection (school);
  g_assert_cmpstr (special, ==, "Outstanding (8 March 2017)");
}

static void
test_school_describe_inspection_without_date (void)
{
  g_autoptr(CohortsSchool) school = cohorts_school_new (938112, "Northfield High School");
  g_autofree char *graded = NULL;
  g_autofree char *card_only = NULL;

  /* A grade whose date was not recorded reads as the grade alone, not "Good ()". */
  g_object_set (school, "ofsted-grade", COHORTS_OFSTED_GRADE_GOOD, NULL);
  graded = cohorts_school_describe_inspection (school);
  g_assert_cmpstr (graded, ==, "Good");

  g_object_set (school,
                "ofsted-grade", COHORTS_OFSTED_GRADE_NONE,
                "report-card-date", cohorts_date_new (2026, 1, 21),
                NULL);
  card_only = cohorts_school_describe_inspection (school);
  g_assert_cmpstr (card_only, ==, "Report card (21 January 2026)");
}

static void
test_school_describe_ages (void)
{
  g_autoptr(CohortsSchool) school = cohorts_school_new (938203, "Brook Lane First School");
  g_autofree char *none = NULL;
  g_autofree char *low_only = NULL;
  g_autofree char *high_only = NULL;
  g_autofree char *both = NULL;
  g_autofree char *zero = NULL;

  none = cohorts_school_describe_ages (school);
  g_assert_cmpstr (none, ==, "");

  g_object_set (school, "low-age", 4, NULL);
  low_only = cohorts_school_describe_ages (school);
  g_assert_cmpstr (low_only, ==, "");

  g_object_set (school, "low-age", -1, "high-age", 9, NULL);
  high_only = cohorts_school_describe_ages (school);
  g_assert_cmpstr (high_only, ==, "");

  g_object_set (school, "low-age", 4, NULL);
  both = cohorts_school_describe_ages (school);
  g_assert_cmpstr (both, ==, "4–9");

  g_object_set (school, "low-age", 0, "high-age", 19, NULL);
  zero = cohorts_school_describe_ages (school);
  g_assert_cmpstr (zero, ==, "0–19");
}

static void
test_school_is_church_school (void)
{
  g_autoptr(CohortsSchool) school = cohorts_school_new (938244, "St Mary's");

  g_assert_false (cohorts_school_is_church_school (school));

  g_object_set (school, "religious-character", COHORTS_RELIGIOUS_CHARACTER_CHURCH_OF_ENGLAND, NULL);
  g_assert_true (cohorts_school_is_church_school (school));
  g_object_set (school, "religious-character", COHORTS_RELIGIOUS_CHARACTER_ROMAN_CATHOLIC, NULL);
  g_assert_true (cohorts_school_is_church_school (school));
  g_object_set (school, "religious-character", COHORTS_RELIGIOUS_CHARACTER_METHODIST, NULL);
  g_assert_true (cohorts_school_is_church_school (school));
  g_object_set (school, "religious-character", COHORTS_RELIGIOUS_CHARACTER_NONE, NULL);
  g_assert_false (cohorts_school_is_church_school (school));
  g_object_set (school, "religious-character", COHORTS_RELIGIOUS_CHARACTER_JEWISH, NULL);
  g_assert_false (cohorts_school_is_church_school (school));
  g_object_set (school, "religious-character", COHORTS_RELIGIOUS_CHARACTER_MULTI_FAITH, NULL);
  g_assert_false (cohorts_school_is_church_school (school));

  /* The type alone does not make a church school: the character does. */
  g_object_set (school,
                "religious-character", COHORTS_RELIGIOUS_CHARACTER_UNKNOWN,
                "establishment-type", COHORTS_ESTABLISHMENT_VOLUNTARY_AIDED,
                NULL);
  g_assert_false (cohorts_school_is_church_school (school));
}

/* Trusts */

static void
test_trust_defaults (void)
{
  g_autoptr(CohortsTrust) trust = cohorts_trust_new ();
  g_autofree char *target = cohorts_trust_describe_growth_target (trust);

  g_assert_cmpstr (cohorts_trust_get_name (trust), ==, "");
  g_assert_cmpint (cohorts_trust_get_kind (trust), ==, COHORTS_TRUST_KIND_FORMING_MAT);
  g_assert_cmpstr (cohorts_trust_get_ukprn (trust), ==, "");
  g_assert_cmpstr (cohorts_trust_get_reference (trust), ==, "");
  g_assert_cmpint (cohorts_trust_get_concurrent_conversions (trust), ==, -1);
  g_assert_cmpint (cohorts_trust_get_conversions_per_term (trust), ==, -1);
  g_assert_cmpint (cohorts_trust_get_top_slice (trust), ==, -1);
  g_assert_cmpint (cohorts_trust_get_annual_cost (trust), ==, -1);
  g_assert_cmpint (cohorts_trust_get_academies_min (trust), ==, -1);
  g_assert_cmpint (cohorts_trust_get_academies_max (trust), ==, -1);
  g_assert_cmpint (cohorts_trust_get_target_pupils (trust), ==, -1);
  g_assert_cmpint (cohorts_trust_get_within_years (trust), ==, -1);
  g_assert_cmpint (cohorts_trust_get_support_ratio (trust), ==, -1);
  g_assert_cmpint (cohorts_trust_get_max_deficit_together (trust), ==, -1);
  g_assert_cmpint (cohorts_trust_get_church_share_min (trust), ==, -1);
  g_assert_cmpstr (cohorts_trust_get_notes (trust), ==, "");
  g_assert_cmpstr (target, ==, "");
}

static void
test_trust_set_every_property (void)
{
  g_autoptr(CohortsTrust) trust = cohorts_trust_new ();

  g_assert_cmpuint (exercise_properties (trust), ==, 17);
}

static char *
growth_target (int academies_min,
               int academies_max,
               int pupils,
               int within_years)
{
  g_autoptr(CohortsTrust) trust = cohorts_trust_new ();

  g_object_set (trust,
                "academies-min", academies_min,
                "academies-max", academies_max,
                "target-pupils", pupils,
                "within-years", within_years,
                NULL);
  return cohorts_trust_describe_growth_target (trust);
}

static void
test_trust_growth_target (void)
{
  static const struct { int min, max, pupils, years; const char *text; } cases[] = {
    { 15, 20, 7500, 5, "15–20 academies and 7500 pupils within 5 years" },
    { 15, 20, -1, 5, "15–20 academies within 5 years" },
    { 15, 20, -1, -1, "15–20 academies" },
    { 15, 20, 7500, -1, "15–20 academies and 7500 pupils" },
    { 10, 10, -1, 3, "10 academies within 3 years" },
    { 10, -1, -1, -1, "10 academies" },
    { -1, 12, -1, -1, "12 academies" },
    { 1, 1, -1, 1, "1 academy within 1 year" },
    { -1, -1, 7500, 5, "7500 pupils within 5 years" },
    { -1, -1, 1, -1, "1 pupil" },
    { 0, 5, -1, 2, "0–5 academies within 2 years" },
    { 15, 20, 7500, 0, "15–20 academies and 7500 pupils" },
    { -1, -1, -1, 5, "" },
    { -1, -1, -1, -1, "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = growth_target (cases[i].min, cases[i].max, cases[i].pupils, cases[i].years);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_trust_ukprn (void)
{
  static const char *const valid[] = { "10098765", "10000000", "19999999" };
  static const char *const invalid[] = {
    "", "1", "1009876", "100987654", "20098765", "00098765", "1009876a", " 10098765", "10098765 ",
    "1009-765", "１0098765", "+1009876",
  };

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    g_assert_true (cohorts_ukprn_is_valid (valid[i]));
  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    g_assert_false (cohorts_ukprn_is_valid (invalid[i]));
  g_assert_false (cohorts_ukprn_is_valid (NULL));
}

static void
test_trust_reference (void)
{
  static const char *const valid[] = { "TR01234", "TR00000", "TR99999" };
  static const char *const invalid[] = {
    "", "TR", "TR1234", "TR012345", "tr01234", "Tr01234", "TX01234", "01234", "TR0123a", " TR01234",
    "TR01234 ", "TR-1234", "TRTR123",
  };

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    g_assert_true (cohorts_trust_reference_is_valid (valid[i]));
  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    g_assert_false (cohorts_trust_reference_is_valid (invalid[i]));
  g_assert_false (cohorts_trust_reference_is_valid (NULL));
}

/* Cohorts */

static void
test_cohort_id (void)
{
  g_autofree char *id_64 = repeat ("a", 64);
  g_autofree char *id_65 = repeat ("a", 65);
  static const char *const valid[] = {
    "c1", "c", "1", "cohort-2027-09", "c-", "a-b-c", "0123456789", "abcdefghijklmnopqrstuvwxyz",
  };
  static const char *const invalid[] = {
    "", "-c1", "C1", "c_1", "c 1", "c.1", "c1\n", "é", "c1/", "cohört", "COHORT",
  };

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    g_assert_true (cohorts_cohort_id_is_valid (valid[i]));
  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    g_assert_false (cohorts_cohort_id_is_valid (invalid[i]));
  g_assert_false (cohorts_cohort_id_is_valid (NULL));
  g_assert_true (cohorts_cohort_id_is_valid (id_64));
  g_assert_false (cohorts_cohort_id_is_valid (id_65));
}

static void
test_cohort_new (void)
{
  g_autoptr(CohortsCohort) cohort = cohorts_cohort_new ("c1", "Cohort\n1");

  g_assert_cmpstr (cohorts_cohort_get_id (cohort), ==, "c1");
  g_assert_cmpstr (cohorts_cohort_get_name (cohort), ==, "Cohort 1");
  g_assert_cmpuint (cohorts_cohort_get_date (cohort), ==, COHORTS_DATE_NONE);
  g_assert_cmpint (cohorts_cohort_get_status (cohort), ==, COHORTS_COHORT_STATUS_DRAFT);
  g_assert_cmpstr (cohorts_cohort_get_notes (cohort), ==, "");
  g_assert_cmpuint (cohorts_cohort_get_n_members (cohort), ==, 0);
  g_assert_true (g_list_model_get_item_type (cohorts_cohort_get_members (cohort)) == COHORTS_TYPE_SCHOOL);
  g_assert_cmpuint (g_list_model_get_n_items (cohorts_cohort_get_members (cohort)), ==, 0);
}

static void
test_cohort_display_name (void)
{
  g_autoptr(CohortsCohort) cohort = cohorts_cohort_new ("c3", "Cohort 3");
  g_autofree char *named = cohorts_cohort_dup_display_name (cohort);
  g_autofree char *unnamed = NULL;
  g_autofree char *blank = NULL;
  g_autofree char *spaced = NULL;

  g_assert_cmpstr (named, ==, "Cohort 3");

  g_object_set (cohort, "name", "", NULL);
  unnamed = cohorts_cohort_dup_display_name (cohort);
  g_assert_cmpstr (unnamed, ==, "Cohort c3");

  /* Blank is as good as empty; a tab is cleaned to a space. */
  g_object_set (cohort, "name", " \t ", NULL);
  blank = cohorts_cohort_dup_display_name (cohort);
  g_assert_cmpstr (blank, ==, "Cohort c3");

  g_object_set (cohort, "name", " Church schools ", NULL);
  spaced = cohorts_cohort_dup_display_name (cohort);
  g_assert_cmpstr (spaced, ==, " Church schools ");
}

static void
test_cohort_new_invalid_id (void)
{
  CohortsCohort *cohort;

  g_test_expect_message ("cohorts-cohort", G_LOG_LEVEL_CRITICAL, "*cohorts_cohort_id_is_valid*");
  cohort = cohorts_cohort_new ("Cohort 1", "Cohort 1");
  g_test_assert_expected_messages ();
  g_assert_null (cohort);
}

static void
test_cohort_set_every_property (void)
{
  g_autoptr(CohortsCohort) cohort = cohorts_cohort_new ("c1", "Cohort 1");

  /* name, date, status, notes: the id is fixed and n-members read-only. */
  g_assert_cmpuint (exercise_properties (cohort), ==, 5);
}

static void
test_plan_set_every_property (void)
{
  g_autoptr(CohortsPlan) plan = cohorts_plan_new ();

  /* title, start-date */
  g_assert_cmpuint (exercise_properties (plan), ==, 2);
  g_assert_cmpstr (cohorts_plan_get_title (plan), ==, "");
  g_assert_cmpuint (cohorts_plan_get_start_date (plan), ==, COHORTS_DATE_NONE);
  g_assert_nonnull (cohorts_plan_get_trust (plan));
  g_assert_false (cohorts_plan_is_modified (plan));
}

/* Which schools need support, from their latest inspection. */
static void
test_school_vulnerable (void)
{
  g_autoptr(CohortsSchool) school = cohorts_school_new (100001, "Test School");

  /* Not inspected: nothing says it needs support. */
  g_assert_false (cohorts_school_is_vulnerable (school));

  g_object_set (school, "ofsted-grade", COHORTS_OFSTED_GRADE_GOOD,
                "ofsted-date", cohorts_date_new (2022, 6, 1), NULL);
  g_assert_false (cohorts_school_is_vulnerable (school));
  g_object_set (school, "ofsted-grade", COHORTS_OFSTED_GRADE_REQUIRES_IMPROVEMENT, NULL);
  g_assert_true (cohorts_school_is_vulnerable (school));
  g_object_set (school, "ofsted-grade", COHORTS_OFSTED_GRADE_SPECIAL_MEASURES, NULL);
  g_assert_true (cohorts_school_is_vulnerable (school));
  g_object_set (school, "ofsted-grade", COHORTS_OFSTED_GRADE_OUTSTANDING, NULL);
  g_assert_false (cohorts_school_is_vulnerable (school));

  /* A later report card decides: one area needing attention is enough. */
  g_object_set (school, "report-card-date", cohorts_date_new (2026, 1, 20),
                "report-card-inclusion", COHORTS_REPORT_GRADE_STRONG_STANDARD,
                "report-card-achievement", COHORTS_REPORT_GRADE_NEEDS_ATTENTION, NULL);
  g_assert_true (cohorts_school_is_vulnerable (school));
  g_object_set (school, "report-card-achievement", COHORTS_REPORT_GRADE_EXPECTED_STANDARD, NULL);
  g_assert_false (cohorts_school_is_vulnerable (school));
  g_object_set (school, "safeguarding", COHORTS_SAFEGUARDING_NOT_MET, NULL);
  g_assert_true (cohorts_school_is_vulnerable (school));

  /* An older report card gives way to a later grade. */
  g_object_set (school, "report-card-date", cohorts_date_new (2021, 1, 20), NULL);
  g_assert_false (cohorts_school_is_vulnerable (school));
  {
    g_autofree char *text = cohorts_school_describe_inspection (school);
    g_assert_cmpstr (text, ==, "Outstanding (1 June 2022)");
  }
}

/* The unassigned schools stay in plan order whatever comes and goes: moves
 * into cohorts, their undoing in any order, a cohort removed and restored. */
static void
assert_unassigned_in_plan_order (CohortsPlan *plan)
{
  GListModel *schools = cohorts_plan_get_schools (plan);
  GListModel *unassigned = cohorts_plan_get_unassigned (plan);
  guint j = 0;

  for (guint i = 0; i < g_list_model_get_n_items (schools); i++)
    {
      g_autoptr(CohortsSchool) school = g_list_model_get_item (schools, i);
      g_autoptr(CohortsSchool) next = NULL;

      if (cohorts_school_get_cohort (school) != NULL)
        continue;
      next = g_list_model_get_item (unassigned, j++);
      g_assert_true (next == school);
    }
  g_assert_cmpuint (j, ==, g_list_model_get_n_items (unassigned));
}

static void
test_unassigned_order (void)
{
  g_autoptr(CohortsPlan) plan = cohorts_plan_new ();
  CohortsHistory *history = cohorts_plan_get_history (plan);
  CohortsCohort *cohort = cohorts_plan_add_cohort (plan, "Cohort 1", cohorts_date_new (2027, 9, 1));
  CohortsSchool *schools[12];
  static const guint moved[] = { 3, 7, 0, 11, 5, 6, 9 };

  for (guint i = 0; i < G_N_ELEMENTS (schools); i++)
    {
      g_autofree char *name = g_strdup_printf ("School %u", i);
      g_autoptr(CohortsSchool) school = cohorts_school_new (400000 + i, name);

      g_assert_true (cohorts_plan_add_school (plan, school, NULL));
      schools[i] = school;
    }
  for (guint i = 0; i < G_N_ELEMENTS (moved); i++)
    {
      cohorts_plan_move_school (plan, schools[moved[i]], cohort, G_MAXUINT);
      assert_unassigned_in_plan_order (plan);
    }
  g_assert_cmpuint (g_list_model_get_n_items (cohorts_plan_get_unassigned (plan)), ==, 5);

  /* Some back by undo, one by a move, then the cohort removed and back. */
  cohorts_history_undo (history);
  cohorts_history_undo (history);
  assert_unassigned_in_plan_order (plan);
  cohorts_plan_move_school (plan, schools[0], NULL, 0);
  assert_unassigned_in_plan_order (plan);
  cohorts_plan_remove_cohort (plan, cohort);
  g_assert_cmpuint (g_list_model_get_n_items (cohorts_plan_get_unassigned (plan)), ==, 12);
  assert_unassigned_in_plan_order (plan);
  cohorts_history_undo (history);
  assert_unassigned_in_plan_order (plan);
  /* A school removed and restored keeps its place too. */
  cohorts_plan_remove_school (plan, schools[4]);
  assert_unassigned_in_plan_order (plan);
  cohorts_history_undo (history);
  assert_unassigned_in_plan_order (plan);
  while (cohorts_history_undo (history))
    assert_unassigned_in_plan_order (plan);
  while (cohorts_history_redo (history))
    assert_unassigned_in_plan_order (plan);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/enums/tokens-round-trip", test_enum_tokens_round_trip);
  g_test_add_func ("/model/enums/tokens-are-lowercase", test_enum_tokens_are_lowercase);
  g_test_add_func ("/model/enums/unknown-tokens", test_enum_unknown_tokens);
  g_test_add_func ("/model/enums/allow-zero", test_enum_allow_zero);
  g_test_add_func ("/model/enums/list-tokens", test_enum_list_tokens);
  g_test_add_func ("/model/enums/labels", test_enum_labels);
  g_test_add_func ("/model/enums/label-out-of-range", test_enum_label_out_of_range);
  g_test_add_func ("/model/enums/is-church", test_enum_is_church);
  g_test_add_func ("/model/text/plain", test_text_plain);
  g_test_add_func ("/model/text/control-characters", test_text_control_characters);
  g_test_add_func ("/model/text/line-ends", test_text_line_ends);
  g_test_add_func ("/model/text/invalid-utf8", test_text_invalid_utf8);
  g_test_add_func ("/model/text/limits", test_text_limits);
  g_test_add_func ("/model/text/clean-value", test_text_clean_value);
  g_test_add_func ("/model/school/defaults", test_school_defaults);
  g_test_add_func ("/model/school/property-list", test_school_property_list);
  g_test_add_func ("/model/school/set-every-property", test_school_set_every_property);
  g_test_add_func ("/model/school/getters", test_school_getters);
  g_test_add_func ("/model/school/notify-only-on-change", test_school_notify_only_on_change);
  g_test_add_func ("/model/school/text-cleaned", test_school_text_cleaned);
  g_test_add_func ("/model/school/describe-inspection", test_school_describe_inspection);
  g_test_add_func ("/model/school/describe-inspection-without-date",
                   test_school_describe_inspection_without_date);
  g_test_add_func ("/model/school/describe-ages", test_school_describe_ages);
  g_test_add_func ("/model/school/is-church-school", test_school_is_church_school);
  g_test_add_func ("/model/trust/defaults", test_trust_defaults);
  g_test_add_func ("/model/trust/set-every-property", test_trust_set_every_property);
  g_test_add_func ("/model/trust/growth-target", test_trust_growth_target);
  g_test_add_func ("/model/trust/ukprn", test_trust_ukprn);
  g_test_add_func ("/model/trust/reference", test_trust_reference);
  g_test_add_func ("/model/cohort/id", test_cohort_id);
  g_test_add_func ("/model/cohort/new", test_cohort_new);
  g_test_add_func ("/model/cohort/display-name", test_cohort_display_name);
  g_test_add_func ("/model/cohort/new-invalid-id", test_cohort_new_invalid_id);
  g_test_add_func ("/model/cohort/set-every-property", test_cohort_set_every_property);
  g_test_add_func ("/model/plan/set-every-property", test_plan_set_every_property);
  g_test_add_func ("/model/plan/unassigned-order", test_unassigned_order);

  g_test_add_func ("/model/school/vulnerable", test_school_vulnerable);

  return g_test_run ();
}
