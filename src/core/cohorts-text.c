/* cohorts-text.c: text as the plan stores it
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Whatever reaches the model (typed, pasted, imported) must be writable to the
 * plan file and read back the same: valid UTF-8, only characters XML 1.0
 * allows, line ends as the XML parser will return them, within the limits of
 * the format. The model cleans text once, here, when it is set.
 */
#define G_LOG_DOMAIN "cohorts-text"

#include "config.h"

#include "cohorts-text.h"

static gboolean
is_xml_char (gunichar c)
{
  return c == 0x9 || c == 0xA || c == 0xD ||
         (c >= 0x20 && c <= 0xD7FF) ||
         (c >= 0xE000 && c <= 0xFFFD) ||
         (c >= 0x10000 && c <= 0x10FFFF);
}

static char *
clean (const char *text,
       gboolean    multiline,
       glong       max_chars)
{
  g_autofree char *valid = NULL;
  GString *out;
  glong n_chars = 0;

  if (text == NULL)
    return g_strdup ("");

  /* Most text is short printable ASCII and needs no work. */
  {
    const guchar *p = (const guchar *) text;
    glong n = 0;

    while (*p >= 0x20 && *p < 0x7F && n < max_chars)
      p++, n++;
    if (*p == '\0')
      return g_strdup (text);
  }

  valid = g_utf8_make_valid (text, -1);
  out = g_string_sized_new (strlen (valid));

  for (const char *p = valid; *p != '\0' && n_chars < max_chars; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\r')
        {
          /* CR LF and a lone CR both become one line end, as XML reads them. */
          if (p[1] == '\n')
            continue;
          c = '\n';
        }

      if (!is_xml_char (c))
        continue;

      if (!multiline && (c == '\n' || c == '\t'))
        c = ' ';

      g_string_append_unichar (out, c);
      n_chars++;
    }

  return g_string_free (out, FALSE);
}

/**
 * cohorts_text_clean_line:
 *
 * Returns: @text as one line of at most %COHORTS_SHORT_TEXT_MAX characters,
 *   valid UTF-8, without characters XML cannot carry.
 */
char *
cohorts_text_clean_line (const char *text)
{
  return clean (text, FALSE, COHORTS_SHORT_TEXT_MAX);
}

/**
 * cohorts_text_clean_notes:
 *
 * Returns: @text as notes of at most %COHORTS_NOTES_MAX characters, with
 *   line ends as LF.
 */
char *
cohorts_text_clean_notes (const char *text)
{
  return clean (text, TRUE, COHORTS_NOTES_MAX);
}

/* Which cleaning a string property applies, so that the plan can tell an
 * edit that changes nothing (see cohorts_text_clean_value()). */
static GQuark
text_multiline_quark (void)
{
  static GQuark quark;

  if (G_UNLIKELY (quark == 0))
    quark = g_quark_from_static_string ("cohorts-text-multiline");
  return quark;
}

/**
 * cohorts_text_mark_pspec:
 * @pspec: a string property whose setter cleans its value
 * @multiline: whether the setter uses cohorts_text_clean_notes() rather than
 *   cohorts_text_clean_line()
 *
 * Records how the setter of @pspec cleans text; class_init calls this for
 * every string property it cleans.
 */
void
cohorts_text_mark_pspec (GParamSpec *pspec,
                         gboolean    multiline)
{
  g_return_if_fail (G_IS_PARAM_SPEC_STRING (pspec));

  /* Stored as 1 + multiline, so that 0 (no data) means "not marked". */
  g_param_spec_set_qdata (pspec, text_multiline_quark (), GINT_TO_POINTER (1 + !!multiline));
}

/**
 * cohorts_text_clean_value:
 * @value: a value of @pspec's type
 *
 * Cleans @value in place as the setter of @pspec would store it, so that it
 * compares equal to the stored value when setting it would change nothing.
 *
 * Returns: whether @pspec was marked with cohorts_text_mark_pspec() (if not,
 *   @value is left as it is)
 */
gboolean
cohorts_text_clean_value (GParamSpec *pspec,
                          GValue     *value)
{
  int mark;

  g_return_val_if_fail (G_IS_PARAM_SPEC (pspec), FALSE);
  g_return_val_if_fail (G_IS_VALUE (value), FALSE);

  mark = GPOINTER_TO_INT (g_param_spec_get_qdata (pspec, text_multiline_quark ()));
  if (mark == 0 || !G_VALUE_HOLDS_STRING (value))
    return FALSE;

  g_value_take_string (value, mark == 2 ? cohorts_text_clean_notes (g_value_get_string (value))
                                        : cohorts_text_clean_line (g_value_get_string (value)));
  return TRUE;
}
