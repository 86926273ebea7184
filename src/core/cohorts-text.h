/* cohorts-text.h: text as the plan stores it
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Longest short text (a name, a town), in characters. */
#define COHORTS_SHORT_TEXT_MAX 500
/* Longest notes, in characters. */
#define COHORTS_NOTES_MAX 100000

char     *cohorts_text_clean_line       (const char   *text);
char     *cohorts_text_clean_notes      (const char   *text);

void      cohorts_text_mark_pspec       (GParamSpec   *pspec,
                                         gboolean      multiline);
gboolean  cohorts_text_clean_value      (GParamSpec   *pspec,
                                         GValue       *value);

G_END_DECLS
