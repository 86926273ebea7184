/* test-history.c: undo and redo of every kind of edit of a plan
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every edit goes through CohortsPlan's editing API and its history; these
 * tests check that undo and redo restore exactly what was there (values,
 * orders, positions), what the steps are called, and which signals views
 * receive.
 */
#define G_LOG_DOMAIN "test-history"

#include "config.h"

#include "cohorts-history.h"
#include "cohorts-plan-xml.h"
#include "cohorts-plan.h"

/* Helpers */

static CohortsPlan *
load_example (void)
{
  g_autofree char *path = g_build_filename (COHORTS_SOURCE_DIR, "data", "examples",
                                            "northfield.matplan", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  CohortsPlan *plan;

  plan = cohorts_plan_xml_load_file (file, NULL, COHORTS_PLAN_LOAD_DEFAULT, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (plan);
  g_assert_false (cohorts_plan_is_modified (plan));
  return plan;
}

static CohortsHistory *
history_of (CohortsPlan *plan)
{
  return cohorts_plan_get_history (plan);
}

static CohortsSchool *
school (CohortsPlan *plan,
        guint        urn)
{
  CohortsSchool *found = cohorts_plan_find_school (plan, urn);

  if (found == NULL)
    g_error ("the plan has no school %u", urn);
  return found;
}

static CohortsCohort *
cohort (CohortsPlan *plan,
        const char  *id)
{
  CohortsCohort *found = cohorts_plan_find_cohort (plan, id);

  if (found == NULL)
    g_error ("the plan has no cohort %s", id);
  return found;
}

/* The URNs of a model of schools, "938112 938127", to compare orders. */
static char *
urns (GListModel *schools)
{
  GString *out = g_string_new (NULL);
  guint n = g_list_model_get_n_items (schools);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CohortsSchool) s = g_list_model_get_item (schools, i);
      g_string_append_printf (out, "%s%u", i ? " " : "", cohorts_school_get_urn (s));
    }
  return g_string_free (out, FALSE);
}

static char *
members (CohortsPlan *plan,
         const char  *id)
{
  return urns (cohorts_cohort_get_members (cohort (plan, id)));
}

static char *
unassigned (CohortsPlan *plan)
{
  return urns (cohorts_plan_get_unassigned (plan));
}

static char *
cohort_ids (CohortsPlan *plan)
{
  GListModel *cohorts = cohorts_plan_get_cohorts (plan);
  GString *out = g_string_new (NULL);
  guint n = g_list_model_get_n_items (cohorts);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CohortsCohort) c = g_list_model_get_item (cohorts, i);
      g_string_append_printf (out, "%s%s", i ? " " : "", cohorts_cohort_get_id (c));
    }
  return g_string_free (out, FALSE);
}

#define assert_members(plan, id, expected) \
  G_STMT_START { \
    g_autofree char *_got = members (plan, id); \
    g_assert_cmpstr (_got, ==, expected); \
  } G_STMT_END

#define assert_unassigned(plan, expected) \
  G_STMT_START { \
    g_autofree char *_got = unassigned (plan); \
    g_assert_cmpstr (_got, ==, expected); \
  } G_STMT_END

#define assert_cohort_ids(plan, expected) \
  G_STMT_START { \
    g_autofree char *_got = cohort_ids (plan); \
    g_assert_cmpstr (_got, ==, expected); \
  } G_STMT_END

#define assert_schools(plan, expected) \
  G_STMT_START { \
    g_autofree char *_got = urns (cohorts_plan_get_schools (plan)); \
    g_assert_cmpstr (_got, ==, expected); \
  } G_STMT_END

#define assert_undo_label(plan, expected) \
  g_assert_cmpstr (cohorts_history_get_undo_label (history_of (plan)), ==, expected)

#define assert_redo_label(plan, expected) \
  g_assert_cmpstr (cohorts_history_get_redo_label (history_of (plan)), ==, expected)

static gboolean
undo (CohortsPlan *plan)
{
  return cohorts_history_undo (history_of (plan));
}

static gboolean
redo (CohortsPlan *plan)
{
  return cohorts_history_redo (history_of (plan));
}

/* The example plan's schools in plan order, its cohorts and unassigned schools. */
#define EXAMPLE_SCHOOLS \
  "938112 938127 938134 938145 938151 938203 938210 938218 938226 938231 938244 938257 " \
  "938262 938275 938283 938306 938314 938329 938402"
#define EXAMPLE_C1 "938112 938127 938203 938210 938218"
#define EXAMPLE_C2 "938145 938226 938231 938306 938402"
#define EXAMPLE_C3 "938134 938244 938257 938262 938329"
#define EXAMPLE_UNASSIGNED "938275 938283"

static void
assert_example_layout (CohortsPlan *plan)
{
  assert_schools (plan, EXAMPLE_SCHOOLS);
  assert_cohort_ids (plan, "c1 c2 c3 c4 c5");
  assert_members (plan, "c1", EXAMPLE_C1);
  assert_members (plan, "c2", EXAMPLE_C2);
  assert_members (plan, "c3", EXAMPLE_C3);
  assert_members (plan, "c4", "938314");
  assert_members (plan, "c5", "938151");
  assert_unassigned (plan, EXAMPLE_UNASSIGNED);
}

/* Checks what must always hold: every school is found by its URN, is in
 * exactly the list its cohort says, and the unassigned list holds the
 * schools in no cohort in plan order. */
static void
assert_consistent (CohortsPlan *plan)
{
  GListModel *schools = cohorts_plan_get_schools (plan);
  GListModel *cohorts = cohorts_plan_get_cohorts (plan);
  GListModel *unassigned_model = cohorts_plan_get_unassigned (plan);
  guint n_schools = g_list_model_get_n_items (schools);
  guint n_cohorts = g_list_model_get_n_items (cohorts);
  guint n_placed = 0;
  guint next_unassigned = 0;

  for (guint i = 0; i < n_schools; i++)
    {
      g_autoptr(CohortsSchool) s = g_list_model_get_item (schools, i);
      CohortsCohort *c = cohorts_school_get_cohort (s);

      g_assert_true (cohorts_plan_find_school (plan, cohorts_school_get_urn (s)) == s);

      if (c == NULL)
        {
          g_autoptr(CohortsSchool) u = g_list_model_get_item (unassigned_model, next_unassigned++);
          g_assert_true (u == s);
        }
      else
        {
          guint position;
          g_assert_true (cohorts_plan_find_cohort (plan, cohorts_cohort_get_id (c)) == c);
          g_assert_true (g_list_store_find (G_LIST_STORE (cohorts_cohort_get_members (c)), s, &position));
        }
    }
  g_assert_cmpuint (next_unassigned, ==, g_list_model_get_n_items (unassigned_model));

  for (guint i = 0; i < n_cohorts; i++)
    {
      g_autoptr(CohortsCohort) c = g_list_model_get_item (cohorts, i);
      GListModel *m = cohorts_cohort_get_members (c);
      guint n = g_list_model_get_n_items (m);

      g_assert_true (cohorts_plan_find_cohort (plan, cohorts_cohort_get_id (c)) == c);
      for (guint j = 0; j < n; j++)
        {
          g_autoptr(CohortsSchool) s = g_list_model_get_item (m, j);
          g_assert_true (cohorts_school_get_cohort (s) == c);
          g_assert_true (cohorts_plan_find_school (plan, cohorts_school_get_urn (s)) == s);
        }
      n_placed += n;
    }

  g_assert_cmpuint (n_placed + next_unassigned, ==, n_schools);
}

static void
assert_bytes_equal (GBytes     *got,
                    GBytes     *expected,
                    const char *what)
{
  gsize got_size, expected_size, i;
  const char *a = g_bytes_get_data (got, &got_size);
  const char *b = g_bytes_get_data (expected, &expected_size);

  if (g_bytes_equal (got, expected))
    return;

  for (i = 0; i < MIN (got_size, expected_size) && a[i] == b[i]; i++)
    ;
  g_error ("%s: the plans differ at byte %" G_GSIZE_FORMAT ":\n…%.*s…\ninstead of\n…%.*s…", what, i,
           (int) MIN (120, got_size - i), a + i, (int) MIN (120, expected_size - i), b + i);
}

/* Counting signals */

static void
count_cb (gpointer  instance,
          guint    *count)
{
  (*count)++;
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

typedef struct
{
  guint changed;
  guint can_undo;
  guint can_redo;
  guint undo_label;
  guint redo_label;
  guint modified;        /* of the history */
  guint plan_modified;   /* of the plan */
} Signals;

static void
signals_watch (Signals     *s,
               CohortsPlan *plan)
{
  CohortsHistory *history = history_of (plan);

  memset (s, 0, sizeof *s);
  g_signal_connect (plan, "changed", G_CALLBACK (count_cb), &s->changed);
  g_signal_connect (plan, "notify::modified", G_CALLBACK (count_notify_cb), &s->plan_modified);
  g_signal_connect (history, "notify::can-undo", G_CALLBACK (count_notify_cb), &s->can_undo);
  g_signal_connect (history, "notify::can-redo", G_CALLBACK (count_notify_cb), &s->can_redo);
  g_signal_connect (history, "notify::undo-label", G_CALLBACK (count_notify_cb), &s->undo_label);
  g_signal_connect (history, "notify::redo-label", G_CALLBACK (count_notify_cb), &s->redo_label);
  g_signal_connect (history, "notify::modified", G_CALLBACK (count_notify_cb), &s->modified);
}

static void
signals_stop (Signals     *s,
              CohortsPlan *plan)
{
  g_signal_handlers_disconnect_by_data (plan, &s->changed);
  g_signal_handlers_disconnect_by_data (plan, &s->plan_modified);
  g_signal_handlers_disconnect_by_data (history_of (plan), &s->can_undo);
  g_signal_handlers_disconnect_by_data (history_of (plan), &s->can_redo);
  g_signal_handlers_disconnect_by_data (history_of (plan), &s->undo_label);
  g_signal_handlers_disconnect_by_data (history_of (plan), &s->redo_label);
  g_signal_handlers_disconnect_by_data (history_of (plan), &s->modified);
}

#define assert_signals(s, ch, cu, cr, ul, rl, mod) \
  G_STMT_START { \
    g_assert_cmpuint ((s)->changed, ==, ch); \
    g_assert_cmpuint ((s)->can_undo, ==, cu); \
    g_assert_cmpuint ((s)->can_redo, ==, cr); \
    g_assert_cmpuint ((s)->undo_label, ==, ul); \
    g_assert_cmpuint ((s)->redo_label, ==, rl); \
    g_assert_cmpuint ((s)->modified, ==, mod); \
    g_assert_cmpuint ((s)->plan_modified, ==, mod); \
  } G_STMT_END

/* Records "items-changed" of a list model as "position-removed+added ". */
static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  GString    *log)
{
  g_string_append_printf (log, "%u-%u+%u ", position, removed, added);
}

static GString *
record_items_changed (gpointer model)
{
  GString *log = g_string_new (NULL);

  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), log);
  return log;
}

static void
stop_recording (gpointer  model,
                GString  *log)
{
  g_signal_handlers_disconnect_by_func (model, items_changed_cb, log);
  g_string_free (log, TRUE);
}

#define assert_log(log, expected) \
  G_STMT_START { \
    g_assert_cmpstr ((log)->str, ==, expected); \
    g_string_truncate ((log), 0); \
  } G_STMT_END

/* Property edits */

static void
test_edit_school_property (void)
{
  g_autoptr(CohortsPlan) plan = load_example ();
  CohortsSchool *s = school (plan, 938112);

  g_assert_false (cohorts_history_can_undo (history_of (plan)));
  g_assert_null (cohorts_history_get_undo_label (history_of (plan)));

  cohorts_plan_edit (plan, s, "pupils", 1250, NULL);
  g_assert_cmpint (cohorts_school_get_pupils (s), ==, 1250);
  g_assert_true (cohorts_history_can_undo (history_of (plan)));
  g_assert_false (cohorts_history_can_redo (history_of (plan)));
  assert_undo_label (plan, "Edit Pupils on roll");
  g_assert_true (cohorts_plan_is_modified (plan));

  g_assert_true (undo (plan));
  g_assert_cmpint (cohorts_school_get_pupils (s), ==, 1214);
  g_assert_false (cohorts_history_can_undo (history_of (plan)));
  g_assert_true (cohorts_history_can_redo (history_of (plan)));
  assert_redo_label (plan, "Edit Pupils on roll");
  g_assert_null (cohorts_history_get_undo_label (history_of (plan)));
  g_assert_false (cohorts_plan_is_modified (plan));

  g_assert_true (redo (plan));
  g_assert_cmpint (cohorts_school_get_pupils (s), ==, 1250);
  assert_undo_label (plan, "Edit Pupils on roll");
  g_assert_null (cohorts_history_get_redo_label (history_of (plan)));
  g_assert_true (cohorts_plan_is_modified (plan));
}

static void
test_edit_labels (void)
{
  g_autoptr(CohortsPlan) plan = load_example ();
  CohortsSchool *s = school (plan, 938112);
  CohortsTrust *trust = cohorts_plan_get_trust (plan);

  cohorts_plan_edit (plan, s, "name", "Northfield Academy", NULL);
  assert_undo_label (plan, "Edit Name");
  cohorts_plan_edit (plan, s, "ofsted-grade", COHORTS_OFSTED_GRADE_OUTSTANDING, NULL);
  assert_undo_label (plan, "Edit Ofsted grade");
  cohorts_plan_edit (plan, s, "budget-balance", (gint64) -5000, NULL);
  assert_undo_label (plan, "Edit Budget balance");
  cohorts_plan_edit (plan, s, "report-card-achievement", COHORTS_REPORT_GRADE_STRONG_STANDARD, NULL);
  assert_undo_label (plan, "Edit Achievement");
  cohorts_plan_edit (plan, trust, "academies-max", 25, NULL);
  assert_undo_label (plan, "Edit Academies, at most");
  cohorts_plan_edit (plan, cohort (plan, "c2"), "date", cohorts_date_new (2027, 10, 1), NULL);
  assert_undo_label (plan, "Edit Conversion date");
  cohorts_plan_edit (plan, plan, "title", "Another title", NULL);
  assert_undo_label (plan, "Edit Title");

  /* Several properties in one call are one step, named after the first. */
  cohorts_plan_edit (plan, s, "pupils", 1, "capacity", 2, NULL);
  assert_undo_label (plan, "Edit Pupils on roll");

  cohorts_plan_move_school (plan, s, cohort (plan, "c2"), 0);
  assert_undo_label (plan, "Move to Cohort 2");
  cohorts_plan_move_school (plan, s, NULL, 0);
  assert_undo_label (plan, "Move to Unassigned");
  cohorts_plan_remove_cohort (plan, cohort (plan, "c3"));
  assert_undo_label (plan, "Delete Cohort 3");

  /* Undo and redo keep the labels. */
  g_assert_true (undo (plan));
  assert_undo_label (plan, "Move to Unassigned");
  assert_redo_label (plan, "Delete Cohort 3");
  g_assert_true (undo (plan));
  assert_undo_label (plan, "Move to Cohort 2");
  assert_redo_label (plan, "Move to Unassigned");
}

static void
test_labels_unnamed_cohort (void)
{
  g_autoptr(CohortsPlan) plan = load_example ();
  CohortsCohort *c2 = cohort (plan, "c2");

  /* A cohort whose name was cleared is named after its id. */
  cohorts_plan_edit (plan, c2, "name", "", NULL);
  cohorts_plan_move_school (plan, school (plan, 938275), c2, 0);
  assert_undo_label (plan, "Move to Cohort c2");
  cohorts_plan_remove_cohort (plan, c2);
  assert_undo_label (plan, "Delete Cohort c2");
}

static void
test_edit_several_properties (void)
{
  g_autoptr(CohortsPlan) plan = load_example ();
  CohortsSchool *s = school (plan, 938226);

  cohorts_plan_edit (plan, s,
                     "pupils", 160,
                     "capacity", 180,
                     "small", TRUE,
                     "town", "Carrow",
                     NULL);
  g_assert_cmpint (cohorts_school_get_pupils (s), ==, 160);
  g_assert_cmpint (cohorts_school_get_capacity (s), ==, 180);
  g_assert_true (cohorts_school_get_small (s));
  g_assert_cmpstr (cohorts_school_get_town (s), ==, "Carrow");

  /* One step undoes them all. */
  g_assert_true (undo (plan));
  g_assert_false (cohorts_history_can_undo (history_of (plan)));
  g_assert_cmpint (cohorts_school_get_pupils (s), ==, 148);
  g_assert_cmpint (cohorts_school_get_capacity (s), ==, 150);
  g_assert_false (cohorts_school_get_small (s));
  g_assert_cmpstr (cohorts_school_get_town (s), ==, "Carrow Cross");

  g_assert_true (redo (plan));
  g_assert_cmpint (cohorts_school_get_pupils (s), ==, 160);
  g_assert_cmpint (cohorts_school_get_capacity (s), ==, 180);
  g_assert_true (cohorts_school_get_small (s));
  g_assert_cmpstr (cohorts_school_get_town (s), ==, "Carrow");
}

static void
test_edit_plan_trust_cohort (void)
{
  g_autoptr(CohortsPlan) plan = load_example ();
  CohortsTrust *trust = cohorts_plan_get_trust (plan);
  CohortsCohort *c3 = cohort (plan, "c3");
  g_autofree char *old_title = g_strdup (cohorts_plan_get_title (plan));
  CohortsDate old_start = cohorts_plan_get_start_date (plan);

  cohorts_plan_edit (plan, plan,
                     "title", "Revised plan",
                     "start-date", cohorts_date_new (2027, 1, 1),
                     NULL);
  cohorts_plan_edit (plan, trust,
                     "name", "Northfield Trust",
                     "kind", COHORTS_TRUST_KIND_EXISTING_MAT,
                     "academies-min", 12,
                     "annual-cost", (gint64) 500000,
                     NULL);
  cohorts_plan_edit (plan, c3,
                     "name", "Church schools",
                     "date", cohorts_date_new (2028, 9, 1),
                     "status", COHORTS_COHORT_STATUS_AGREED,
                     "notes", "Consent\r\nreceived",
                     NULL);

  g_assert_cmpstr (cohorts_plan_get_title (plan), ==, "Revised plan");
  g_assert_cmpuint (cohorts_plan_get_start_date (plan), ==, cohorts_date_new (2027, 1, 1));
  g_assert_cmpstr (cohorts_trust_get_name (trust), ==, "Northfield Trust");
  g_assert_cmpint (cohorts_trust_get_kind (trust), ==, COHORTS_TRUST_KIND_EXISTING_MAT);
  g_assert_cmpint (cohorts_trust_get_academies_min (trust), ==, 12);
  g_assert_cmpint (cohorts_trust_get_annual_cost (trust), ==, 500000);
  g_assert_cmpstr (cohorts_cohort_get_name (c3), ==, "Church schools");
  g_assert_cmpuint (cohorts_cohort_get_date (c3), ==, cohorts_date_new (2028, 9, 1));
  g_assert_cmpint (cohorts_cohort_get_status (c3), ==, COHORTS_COHORT_STATUS_AGREED);
  g_assert_cmpstr (cohorts_cohort_get_notes (c3), ==, "Consent\nreceived");

  g_assert_true (undo (plan));
  g_assert_cmpstr (cohorts_cohort_get_name (c3), ==, "Cohort 3");
  g_assert_cmpuint (cohorts_cohort_get_date (c3), ==, cohorts_date_new (2028, 4, 1));
  g_assert_cmpint (cohorts_cohort_get_status (c3), ==, COHORTS_COHORT_STATUS_DRAFT);
  g_assert_true (g_str_has_prefix (cohorts_cohort_get_notes (c3), "The church schools"));
  g_assert_cmpstr (cohorts_trust_get_name (trust), ==, "Northfield Trust");

  g_assert_true (undo (plan));
  g_assert_cmpstr (cohorts_trust_get_name (trust), ==, "Northfield Learning Trust");
  g_assert_cmpint (cohorts_trust_get_kind (trust), ==, COHORTS_TRUST_KIND_FORMING_MAT);
  g_assert_cmpint (cohorts_trust_get_academies_min (trust), ==, 15);
  g_assert_cmpint (cohorts_trust_get_annual_cost (trust), ==, 480000);
  g_assert_cmpstr (cohorts_plan_get_title (plan), ==, "Revised plan");

  g_assert_true (undo (plan));
  g_assert_cmpstr (cohorts_plan_get_title (plan), ==, old_title);
  g_assert_cmpuint (cohorts_plan_get_start_date (plan), ==, old_start);
  g_assert_false (undo (plan));

  g_assert_true (redo (plan));
  g_assert_true (redo (plan));
  g_assert_true (redo (plan));
  g_assert_false (redo (plan));
  g_assert_cmpstr (cohorts_plan_get_title (plan), ==, "Revised plan");
  g_assert_cmpint (cohorts_trust_get_annual_cost (trust), ==, 500000);
  g_assert_cmpstr (cohorts_cohort_get_notes (c3), ==, "Consent\nreceived");
}

static void
test_edit_value (void)
{
  g_autoptr(CohortsPlan) plan = load_example ();
  CohortsSchool *s = school (plan, 938203);
  g_auto(GValue) value = G_VALUE_INIT;

  /* A value of another type is transformed, as g_object_set_property() does. */
  g_value_init (&value, G_TYPE_INT64);
  g_value_set_int64 (&value, 300);
  g_assert_true (cohorts_plan_edit_value (plan, s, "pupils", &value, NULL));
  g_assert_cmpint (cohorts_school_get_pupils (s), ==, 300);
  assert_undo_label (plan, "Edit Pupils on roll");

  g_assert_true (undo (plan));
  g_assert_cmpint (cohorts_school_get_pupils (s), ==, 268);
}

/* Values the plan file could not hold are refused, and nothing is recorded. */
static void
test_edit_refuses_bad_formats (void)
{
  g_autoptr(CohortsPlan) plan = load_example ();
  CohortsSchool *s = school (plan, 938203);
  CohortsTrust *trust = cohorts_plan_get_trust (plan);
  CohortsCohort *cohort = cohorts_plan_find_cohort (plan, "c1");
  struct {
    gpointer object;
    const char *property;
    GType type;
    const char *text;
    gint64 number;
    const char *message;
  } cases[] = {
    { trust, "ukprn", G_TYPE_STRING, "12345", 0, "“12345” is not a UKPRN: eight digits starting with 1" },
    { trust, "ukprn", G_TYPE_STRING, "20098765", 0, "“20098765” is not a UKPRN: eight digits starting with 1" },
    { trust, "reference", G_TYPE_STRING, "TR1234", 0, "“TR1234” is not a trust reference: TR and five digits" },
    { s, "current-trust-reference", G_TYPE_STRING, "tr12345", 0,
      "“tr12345” is not a trust reference: TR and five digits" },
    { s, "la-code", G_TYPE_STRING, "AB-1", 0, "“AB-1” is not a code: up to eight letters and digits" },
    { s, "diocese-code", G_TYPE_STRING, "CE123456789", 0,
      "“CE123456789” is not a code: up to eight letters and digits" },
    { s, "budget-balance", G_TYPE_INT64, NULL, G_GINT64_CONSTANT (1000000000000),
      "Budget balance must be within £999,999,999,999 either way" },
    { s, "ofsted-date", G_TYPE_UINT, NULL, 0, "Ofsted inspection date must be a date between 1900 and 2200" },
    { cohort, "date", G_TYPE_UINT, NULL, 0, "Conversion date must be a date between 1900 and 2200" },
    { plan, "start-date", G_TYPE_UINT, NULL, 0, "Start date must be a date between 1900 and 2200" },
  };
  /* 1 January 2301, past what a plan holds (GDate's day number). */
  GDate far;

  g_date_clear (&far, 1);
  g_date_set_dmy (&far, 1, 1, 2301);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;
      g_autoptr(GError) error = NULL;
      g_autofree char *before = NULL;
      g_autoptr(GBytes) bytes_before = cohorts_plan_xml_to_bytes (plan);
      g_autoptr(GBytes) bytes_after = NULL;

      g_value_init (&value, cases[i].type);
      if (cases[i].type == G_TYPE_STRING)
        g_value_set_string (&value, cases[i].text);
      else if (cases[i].type == G_TYPE_INT64)
        g_value_set_int64 (&value, cases[i].number);
      else
        g_value_set_uint (&value, g_date_get_julian (&far));

      g_assert_false (cohorts_plan_edit_value (plan, cases[i].object, cases[i].property, &value, &error));
      g_assert_error (error, COHORTS_PLAN_ERROR, COHORTS_PLAN_ERROR_INVALID);
      g_assert_cmpstr (error->message, ==, cases[i].message);

      /* Nothing changed, nothing to undo. */
      g_assert_false (cohorts_history_can_undo (cohorts_plan_get_history (plan)));
      g_assert_false (cohorts_plan_is_modified (plan));
      bytes_after = cohorts_plan_xml_to_bytes (plan);
      g_assert_true (g_bytes_equal (bytes_before, bytes_after));
    }

  /* Empty text clears a code or reference: that is fine. */
  cohorts_plan_edit (plan, trust, "ukprn", "", NULL);
  g_assert_cmpstr (cohorts_trust_get_ukprn (trust), ==, "");
  cohorts_plan_edit (plan, trust, "ukprn", "10012345", NULL);
  g_assert_cmpstr (cohorts_trust_get_ukprn (trust), ==, "10012345");
}

static void
test_edit_no_op (void)
{
  g_autoptr(CohortsPlan) plan = load_example ();
  CohortsSchool *s = school (plan, 938112);
  Signals sig;

  signals_watch (&sig, plan);

  cohorts_plan_edit (plan, s, "pupils", 1214, NULL);
  cohorts_plan_edit (plan, s, "name", "Northfield High School", NULL);
  cohorts_plan_edit (plan, s, "pupils", 1214, "capacity", 1300, "phase", COHORTS_PHASE_HIGH, NULL);
  cohorts_plan_edit (plan, cohort (plan, "c1"), "status", COHORTS_COHORT_STATUS_AGREED, NULL);
  cohorts_plan_edit (plan, plan, "start-date", cohorts_date_new (2026, 9, 1), NULL);
  cohorts_plan_edit (plan, cohorts_plan_get_trust (plan), "academies-min", 15, NULL);

  g_assert_false (cohorts_history_can_undo (history_of (plan)));
  g_assert_false (cohorts_plan_is_modified (plan));
  assert_signals (&sig, 0, 0, 0, 0, 0, 0);
  signals_stop (&sig, plan);
}

static void
test_edit_no_op_after_cleaning (void)
{
  g_autoptr(CohortsPlan) plan = load_example ();
  CohortsSchool *s = school (plan, 938112);
  CohortsCohort *c1 = cohort (plan, "c1");
  Signals sig;

  signals_watch (&sig, plan);

  /* Text that the model would clean to what it already holds is no change. */
  cohorts_plan_edit (plan, s, "name", "Northfield\tHigh\nSchool", NULL);
  cohorts_plan_edit (plan, s, "name", "Northfield High School\x01", NULL);
  cohorts_plan_edit (plan, c1, "name", "Cohort\r\n1", NULL);
  cohorts_plan_edit (plan, s, "diocese-name", NULL, NULL);
  cohorts_plan_edit (plan, plan, "title", "Northfield Learning Partnership: conversion plan 2027–2030\x02",
                     NULL);

  g_assert_cmpstr (cohorts_school_get_name (s), ==, "Northfield High School");
  g_assert_cmpstr (cohorts_cohort_get_name (c1), ==, "Cohort 1");
  g_assert_false (cohorts_plan_is_modified (plan));
  g_assert_cmpuint (sig.changed, ==, 0);
  g_assert_cmpuint (sig.can_undo, ==, 0);

  signals_stop (&sig, plan);
}

static void
test_edit_text_cleaned (void)
{
  g_autoptr(CohortsPlan) plan = load_example ();
  CohortsSchool *s = school (plan, 938203);

  cohorts_plan_edit (plan, s, "name", "Brook\tLane\r\nFirst", "notes", "a\r\nb\rc", NULL);
  g_assert_cmpstr (cohorts_school_get_name (s), ==, "Brook Lane First");
  g_assert_cmpstr (cohorts_school_get_notes (s), ==, "a\nb\nc");

  g_assert_true (undo (plan));
  g_assert_cmpstr (cohorts_school_get_name (s), ==, "Brook Lane First School");
  g_assert_cmpstr (cohorts_school_get_notes (s), ==, "");

  /* Redo repeats the cleaned value. */
  g_assert_true (redo (plan));
  g_assert_cmpstr (cohorts_school_get_name (s), ==, "Brook Lane First");
  g_assert_cmpstr (cohorts_school_get_notes (s), ==, "a\nb\nc");
}

static void
test_edit_notifies_object (void)
{
  g_autoptr(CohortsPlan) plan = load_example ();
  CohortsSchool *s = school (plan, 938112);
  guint pupils = 0, total = 0;

  g_signal_connect (s, "notify::pupils", G_CALLBACK (count_notify_cb), &pupils);
  g_signal_connect (s, "notify", G_CALLBACK (count_notify_cb), &total);

  cohorts_plan_edit (plan, s, "pupils", 1, NULL);
  g_assert_cmpuint (pupils, ==, 1);
  g_assert_true (undo (plan));
  g_assert_cmpuint (pupils, ==, 2);
  g_assert_true (redo (plan));
  g_assert_cmpuint (pupils, ==, 3);
  g_assert_cmpuint (total, ==, 3);

  g_signal_handlers_disconnect_by_data (s, &pupils);
  g_signal_handlers_disconnect_by_data (s, &total);
}

static void
test_edit_urn_refused (void)
{
  g_autoptr(CohortsPlan) plan = load_example ();
  CohortsSchool *s = school (plan, 938112);

  /* The URN is the school's key: it changes only through set_school_urn(). */
  g_test_expect_message ("cohorts-plan", G_LOG_LEVEL_CRITICAL, "*urn*");
  cohorts_plan_edit (plan, s, "urn", 938999, NULL);
  g_test_assert_expected_messages ();

  g_assert_cmpuint (cohorts_school_get_urn (s), ==, 938112);
  g_assert_true (cohorts_plan_find_school (plan, 938112) == s);
  g_assert_false (cohorts_history_can_undo (history_of (plan)));
}

static void
test_edit_foreign_object_refused (void)
{
  g_autoptr(CohortsPlan) plan = load_example ();
  g_autoptr(CohortsSchool) stranger = cohorts_school_new (123456, "Elsewhere");
  g_autoptr(CohortsSchool) twin = cohorts_school_new (938112, "Not the plan's");

  /* Only the plan's own objects are edited through it, even one with the
   * URN of a school of the plan. */
  g_test_expect_message ("cohorts-plan", G_LOG_LEVEL_CRITICAL, "*belongs_to_plan*");
  g_test_expect_message ("cohorts-plan", G_LOG_LEVEL_CRITICAL, "*belongs_to_plan*");
  g_test_expect_message ("cohorts-plan", G_LOG_LEVEL_CRITICAL, "*belongs_to_plan*");
  cohorts_plan_edit (plan, stranger, "pupils", 5, NULL);
  cohorts_plan_edit (plan, twin, "pupils", 5, NULL);
  cohorts_plan_move_school (plan, twin, NULL, 0);
  g_test_assert_expected_messages ();

  g_assert_cmpint (cohorts_school_get_pupils (stranger), ==, -1);
  g_assert_cmpint (cohorts_school_get_pupils (twin), ==, -1);
  g_assert_false (cohorts_history_can_undo (history_of (plan)));
}

static void
test_edit_plan_is_freed (void)
{
  CohortsPlan *plan = load_example ();
  CohortsSchool *s = school (plan, 938112);
  gpointer weak_plan = plan;
  gpointer weak_school = s;
  gpointer weak_history = history_of (plan);

  g_object_add_weak_pointer (G_OBJECT (plan), &weak_plan);
  g_object_add_weak_pointer (G_OBJECT (s), &weak_school);
  g_object_add_weak_pointer (weak_history, &weak_history);

  /* Edits of the plan itself are recorded in the plan's own history: that
   * must not keep the plan alive. */
  cohorts_plan_edit (plan, plan, "title", "A new title", NULL);
  cohorts_plan_edit (plan, s, "pupils", 5, NULL);
  cohorts_plan_remove_school (plan, s);
  g_assert_true (undo (plan));

  g_object_unref (plan);
  g_assert_null (weak_plan);
  g_assert_null (weak_history);
  g_assert_null (weak_school);
}

/* Schools */

static void
test_add_school (void)
{
  g_autoptr(CohortsPlan) plan = load_example ();
  g_autoptr(CohortsSchool) added = cohorts_school_new (938999, "New First School");
  g_autoptr(GError) error = NULL;
  GString *schools_log = record_items_changed (cohorts_plan_get_schools (plan));
  GString *unassigned_log = record_items_changed (cohorts_plan_get_unassigned (plan));

  g_assert_true (cohorts_plan_add_school (plan, added, &error));
  g_assert_no_error (error);
  assert_undo_label (plan, "Add School");
  g_assert_cmpuint (cohorts_plan_get_n_schools (plan), ==, 20);
  g_assert_true (cohorts_plan_find_school (plan, 938999) == added);
  assert_schools (plan, EXAMPLE_SCHOOLS " 938999");
  assert_unassigned (plan, EXAMPLE_UNASSIGNED " 938999");
  g_assert_null (cohorts_school_get_cohort (added));
  assert_log (schools_log, "19-0+1 ");
  assert_log (unassigned_log, "2-0+1 ");

  g_assert_true (undo (plan));
  g_assert_null (cohorts_plan_find_school (plan, 938999));
  assert_example_layout (plan);
  assert_log (schools_log, "19-1+0 ");
  assert_log (unassigned_log, "2-1+0 ");

  g_assert_true (redo (plan));
  g_assert_true (cohorts_plan_find_school (plan, 938999) == added);
  assert_schools (plan, EXAMPLE_SCHOOLS " 938999");
  assert_unassigned (plan, EXAMPLE_UNASSIGNED " 938999");
  assert_consistent (plan);

  /* It can then be edited and moved like any other. */
  cohorts_plan_edit (plan, added, "pupils", 90, NULL);
  cohorts_plan_move_school (plan, added, cohort (plan, "c4"), 0);
  assert_members (plan, "c4", "938999 938314");

  stop_recording (cohorts_plan_get_schools (plan), schools_log);
  stop_recording (cohorts_plan_get_unassigned (plan), unassigned_log);
}

static void
test_add_school_conflict (void)
{
  g_autoptr(CohortsPlan) plan = load_example ();
  g_autoptr(CohortsSchool) twin = cohorts_school_new (938112, "Another High School");
  g_autoptr(GError) error = NULL;

  g_assert_false (cohorts_plan_add_school (plan, twin, &error));
  g_assert_error (error, COHORTS_PLAN_ERROR, COHORTS_PLAN_ERROR_CONFLICT);
  g_assert_cmpstr (error->message, ==,
                   "The plan already has a school with URN 938112: Northfield High School");
  g_assert_true (cohorts_plan_find_school (plan, 938112) != twin);
  g_assert_cmpuint (cohorts_plan_get_n_schools (plan), ==, 19);
  g_assert_false (cohorts_history_can_undo (history_of (plan)));
  g_assert_false (cohorts_plan_is_modified (plan));
}

static void
test_remove_school_in_cohort (void)
{
  g_autoptr(CohortsPlan) plan = load_example ();
  CohortsSchool *s = school (plan, 938231);  /* third of c2, tenth of the plan */
  CohortsCohort *c2 = cohort (plan, "c2");
  GString *schools_log = record_items_changed (cohorts_plan_get_schools (plan));
  GString *members_log = record_items_changed (cohorts_cohort_get_members (c2));
  guint notify_cohort = 0;

  g_object_ref (s);
  g_signal_connect (s, "notify::cohort", G_CALLBACK (count_notify_cb), &notify_cohort);

  cohorts_plan_remove_school (plan, s);
  assert_undo_label (plan, "Remove School");
  g_assert_null (cohorts_plan_find_school (plan, 938231));
  g_assert_null (cohorts_school_get_cohort (s));
  assert_members (plan, "c2", "938145 938226 938306 938402");
  assert_unassigned (plan, EXAMPLE_UNASSIGNED);
  g_assert_cmpuint (cohorts_plan_get_n_schools (plan), ==, 18);
  assert_log (schools_log, "9-1+0 ");
  assert_log (members_log, "2-1+0 ");
  g_assert_cmpuint (notify_cohort, ==, 1);
  assert_consistent (plan);

  g_assert_true (undo (plan));
  g_assert_true (cohorts_plan_find_school (plan, 938231) == s);
  g_assert_true (cohorts_school_get_cohort (s) == c2);
  assert_example_layout (plan);
  assert_log (schools_log, "9-0+1 ");
  assert_log (members_log, "2-0+1 ");
  g_assert_cmpuint (notify_cohort, ==, 2);
  assert_consistent (plan);

  g_assert_true (redo (plan));
  g_assert_null (cohorts_plan_find_school (plan, 938231));
  assert_members (plan, "c2", "938145 938226 938306 938402");
  assert_consistent (plan);

  g_signal_handlers_disconnect_by_data (s, &notify_cohort);
  g_object_unref (s);
  stop_recording (cohorts_plan_get_schools (plan), schools_log);
  stop_recording (cohorts_cohort_get_members (c2), members_log);
}

static void
test_remove_school_unassigned (void)
{
  g_autoptr(CohortsPlan) plan = load_example ();
  CohortsSchool *s = school (plan, 938275);

  cohorts_plan_remove_school (plan, s);
  assert_unassigned (plan, "938283");
  g_assert_null (cohorts_plan_find_school (plan, 938275));

  g_assert_true (undo (plan));
  assert_example_layout (plan);
  assert_consistent (plan);
}

static void
test_remove_first_and_last (void)
{
  g_autoptr(CohortsPlan) plan = load_example ();

  cohorts_plan_remove_school (plan, school (plan, 938112));
  cohorts_plan_remove_school (plan, school (plan, 938402));
  cohorts_plan_remove_school (plan, school (plan, 938218));
  assert_members (plan, "c1", "938127 938203 938210");
  assert_members (plan, "c2", "938145 938226 938231 938306");

  g_assert_true (undo (plan));
  g_assert_true (undo (plan));
  g_assert_true (undo (plan));
  assert_example_layout (plan);
  assert_consistent (plan);
}

/* Cohorts */

static void
test_add_cohort (void)
{
  g_autoptr(CohortsPlan) plan = load_example ();
  GString *log = record_items_changed (cohorts_plan_get_cohorts (plan));
  CohortsCohort *added;

  added = cohorts_plan_add_cohort (plan, "Cohort 6", cohorts_date_new (2029, 9, 1));
  g_assert_nonnull (added);
  g_assert_cmpstr (cohorts_cohort_get_id (added), ==, "c6");
  g_assert_cmpstr (cohorts_cohort_get_name (added), ==, "Cohort 6");
  g_assert_cmpuint (cohorts_cohort_get_date (added), ==, cohorts_date_new (2029, 9, 1));
  g_assert_cmpint (cohorts_cohort_get_status (added), ==, COHORTS_COHORT_STATUS_DRAFT);
  g_assert_true (cohorts_plan_find_cohort (plan, "c6") == added);
  assert_cohort_ids (plan, "c1 c2 c3 c4 c5 c6");
  assert_undo_label (plan, "Add Cohort");
  assert_log (log, "5-0+1 ");

  g_object_ref (added);
  g_assert_true (undo (plan));
  g_assert_null (cohorts_plan_find_cohort (plan, "c6"));
  assert_cohort_ids (plan, "c1 c2 c3 c4 c5");
  assert_log (log, "5-1+0 ");

  g_assert_true (redo (plan));
  g_assert_true (cohorts_plan_find_cohort (plan, "c6") == added);
  assert_cohort_ids (plan, "c1 c2 c3 c4 c5 c6");
  g_object_unref (added);

  /* The next one gets the next free id. */
  added = cohorts_plan_add_cohort (plan, "Cohort 7", COHORTS_DATE_NONE);
  g_assert_cmpstr (cohorts_cohort_get_id (added), ==, "c7");
  g_assert_cmpuint (cohorts_cohort_get_date (added), ==, COHORTS_DATE_NONE);

  stop_recording (cohorts_plan_get_cohorts (plan), log);
}

static void
test_add_cohort_free_id (void)
{
  g_autoptr(CohortsPlan) plan = load_example ();
  CohortsCohort *added;

  /* With c2 deleted there are four cohorts, but c5 is taken: c6. */
  cohorts_plan_remove_cohort (plan, cohort (plan, "c2"));
  added = cohorts_plan_add_cohort (plan, "Again", COHORTS_DATE_NONE);
  g_assert_cmpstr (cohorts_cohort_get_id (added), ==, "c6");
  assert_cohort_ids (plan, "c1 c3 c4 c5 c6");
}

static void
test_remove_cohort (void)
{
  g_autoptr(CohortsPlan) plan = load_example ();
  CohortsCohort *c2 = cohort (plan, "c2");
  GString *cohorts_log = record_items_changed (cohorts_plan_get_cohorts (plan));
  GString *unassigned_log = record_items_changed (cohorts_plan_get_unassigned (plan));
  Signals sig;

  g_object_ref (c2);
  signals_watch (&sig, plan);

  cohorts_plan_remove_cohort (plan, c2);
  assert_undo_label (plan, "Delete Cohort 2");
  g_assert_null (cohorts_plan_find_cohort (plan, "c2"));
  assert_cohort_ids (plan, "c1 c3 c4 c5");
  g_assert_cmpuint (cohorts_cohort_get_n_members (c2), ==, 0);
  /* Its schools join the unassigned ones, in plan order. */
  assert_unassigned (plan, "938145 938226 938231 938275 938283 938306 938402");
  g_assert_null (cohorts_school_get_cohort (school (plan, 938145)));
  assert_log (cohorts_log, "1-1+0 ");
  assert_consistent (plan);
  /* Five moves and the removal, one step. */
  g_assert_cmpuint (sig.changed, ==, 6);
  g_assert_cmpuint (sig.can_undo, ==, 1);
  g_assert_cmpuint (sig.undo_label, ==, 1);

  /* One undo restores everything, in order. */
  g_assert_true (undo (plan));
  g_assert_false (cohorts_history_can_undo (history_of (plan)));
  g_assert_true (cohorts_plan_find_cohort (plan, "c2") == c2);
  assert_example_layout (plan);
  g_assert_true (cohorts_school_get_cohort (school (plan, 938306)) == c2);
  assert_log (cohorts_log, "1-0+1 ");
  assert_consistent (plan);
  g_assert_cmpuint (sig.changed, ==, 7);

  g_assert_true (redo (plan));
  assert_cohort_ids (plan, "c1 c3 c4 c5");
  assert_unassigned (plan, "938145 938226 938231 938275 938283 938306 938402");
  assert_consistent (plan);

  g_assert_true (undo (plan));
  assert_example_layout (plan);
  g_assert_cmpstr (cohorts_history_get_redo_label (history_of (plan)), ==, "Delete Cohort 2");

  signals_stop (&sig, plan);
  g_object_unref (c2);
  stop_recording (cohorts_plan_get_cohorts (plan), cohorts_log);
  stop_recording (cohorts_plan_get_unassigned (plan), unassigned_log);
}

static void
test_remove_cohort_empty (void)
{
  g_autoptr(CohortsPlan) plan = load_example ();
  CohortsCohort *added = cohorts_plan_add_cohort (plan, "Spare", COHORTS_DATE_NONE);

  cohorts_plan_move_cohort (plan, added, 0);
  assert_cohort_ids (plan, "c6 c1 c2 c3 c4 c5");
  cohorts_plan_remove_cohort (plan, added);
  assert_undo_label (plan, "Delete Spare");
  assert_cohort_ids (plan, "c1 c2 c3 c4 c5");

  g_assert_true (undo (plan));
  assert_cohort_ids (plan, "c6 c1 c2 c3 c4 c5");
  g_assert_true (undo (plan));
  g_assert_true (undo (plan));
  assert_cohort_ids (plan, "c1 c2 c3 c4 c5");
  g_assert_false (cohorts_plan_is_modified (plan));
}

static void
test_move_cohort (void)
{
  g_autoptr(CohortsPlan) plan = load_example ();
  GString *log = record_items_changed (cohorts_plan_get_cohorts (plan));

  cohorts_plan_move_cohort (plan, cohort (plan, "c1"), 4);
  assert_cohort_ids (plan, "c2 c3 c4 c5 c1");
  assert_undo_label (plan, "Reorder Cohorts");
  assert_log (log, "0-1+0 4-0+1 ");

  cohorts_plan_move_cohort (plan, cohort (plan, "c4"), 0);
  assert_cohort_ids (plan, "c4 c2 c3 c5 c1");
  g_string_truncate (log, 0);

  /* Past the end is the end. */
  cohorts_plan_move_cohort (plan, cohort (plan, "c2"), 99);
  assert_cohort_ids (plan, "c4 c3 c5 c1 c2");
  g_string_truncate (log, 0);

  /* Where it is already: nothing. */
  cohorts_plan_move_cohort (plan, cohort (plan, "c3"), 1);
  cohorts_plan_move_cohort (plan, cohort (plan, "c2"), 4);
  cohorts_plan_move_cohort (plan, cohort (plan, "c2"), 1000);
  assert_log (log, "");

  g_assert_true (undo (plan));
  assert_cohort_ids (plan, "c4 c2 c3 c5 c1");
  g_assert_true (undo (plan));
  assert_cohort_ids (plan, "c2 c3 c4 c5 c1");
  g_assert_true (undo (plan));
  assert_cohort_ids (plan, "c1 c2 c3 c4 c5");
  g_assert_false (undo (plan));

  /* Members go with their cohort. */
  assert_example_layout (plan);
  stop_recording (cohorts_plan_get_cohorts (plan), log);
}

/* Moving schools */

static void
test_move_between_cohorts (void)
{
  g_autoptr(CohortsPlan) plan = load_example ();
  CohortsSchool *s = school (plan, 938145);
  CohortsCohort *c1 = cohort (plan, "c1");
  CohortsCohort *c2 = cohort (plan, "c2");
  GString *c1_log = record_items_changed (cohorts_cohort_get_members (c1));
  GString *c2_log = record_items_changed (cohorts_cohort_get_members (c2));
  GString *schools_log = record_items_changed (cohorts_plan_get_schools (plan));
  GString *unassigned_log = record_items_changed (cohorts_plan_get_unassigned (plan));
  guint n_members_c1 = 0;

  g_signal_connect (c1, "notify::n-members", G_CALLBACK (count_notify_cb), &n_members_c1);

  cohorts_plan_move_school (plan, s, c1, 2);
  assert_undo_label (plan, "Move to Cohort 1");
  g_assert_true (cohorts_school_get_cohort (s) == c1);
  assert_members (plan, "c1", "938112 938127 938145 938203 938210 938218");
  assert_members (plan, "c2", "938226 938231 938306 938402");
  assert_log (c1_log, "2-0+1 ");
  assert_log (c2_log, "0-1+0 ");
  /* The plan's own list does not change when a school moves. */
  assert_log (schools_log, "");
  assert_log (unassigned_log, "");
  g_assert_cmpuint (n_members_c1, ==, 1);

  g_assert_true (undo (plan));
  assert_example_layout (plan);
  assert_log (c1_log, "2-1+0 ");
  assert_log (c2_log, "0-0+1 ");
  g_assert_true (cohorts_school_get_cohort (s) == c2);
  g_assert_cmpuint (n_members_c1, ==, 2);

  g_assert_true (redo (plan));
  assert_members (plan, "c1", "938112 938127 938145 938203 938210 938218");
  assert_members (plan, "c2", "938226 938231 938306 938402");
  assert_log (c1_log, "2-0+1 ");
  assert_log (c2_log, "0-1+0 ");

  /* A position past the end is the end. */
  cohorts_plan_move_school (plan, school (plan, 938402), c1, 1000);
  assert_members (plan, "c1", "938112 938127 938145 938203 938210 938218 938402");
  assert_members (plan, "c2", "938226 938231 938306");
  g_assert_true (undo (plan));
  assert_members (plan, "c2", "938226 938231 938306 938402");

  g_signal_handlers_disconnect_by_data (c1, &n_members_c1);
  stop_recording (cohorts_cohort_get_members (c1), c1_log);
  stop_recording (cohorts_cohort_get_members (c2), c2_log);
  stop_recording (cohorts_plan_get_schools (plan), schools_log);
  stop_recording (cohorts_plan_get_unassigned (plan), unassigned_log);
}

static void
test_move_to_unassigned (void)
{
  g_autoptr(CohortsPlan) plan = load_example ();
  CohortsCohort *c2 = cohort (plan, "c2");
  GString *unassigned_log = record_items_changed (cohorts_plan_get_unassigned (plan));
  GString *c2_log = record_items_changed (cohorts_cohort_get_members (c2));

  /* Thornbury Green comes before both unassigned schools in the plan… */
  cohorts_plan_move_school (plan, school (plan, 938231), NULL, 0);
  assert_undo_label (plan, "Move to Unassigned");
  assert_unassigned (plan, "938231 938275 938283");
  g_assert_null (cohorts_school_get_cohort (school (plan, 938231)));
  assert_log (unassigned_log, "0-0+1 ");
  assert_log (c2_log, "2-1+0 ");

  /* …Upper Staveley after them, whatever position is asked for. */
  cohorts_plan_move_school (plan, school (plan, 938329), NULL, 0);
  assert_unassigned (plan, "938231 938275 938283 938329");
  assert_log (unassigned_log, "3-0+1 ");

  /* And Oakfield, the last school of the plan, at the end. */
  cohorts_plan_move_school (plan, school (plan, 938402), NULL, 0);
  assert_unassigned (plan, "938231 938275 938283 938329 938402");
  /* Kingsley Park between Ashcombe and Upper Staveley. */
  cohorts_plan_move_school (plan, school (plan, 938306), NULL, 99);
  assert_unassigned (plan, "938231 938275 938283 938306 938329 938402");
  g_string_truncate (unassigned_log, 0);
  g_string_truncate (c2_log, 0);

  /* Unassigned to unassigned: nothing. */
  cohorts_plan_move_school (plan, school (plan, 938275), NULL, 5);
  assert_log (unassigned_log, "");
  assert_undo_label (plan, "Move to Unassigned");

  g_assert_true (undo (plan));
  assert_unassigned (plan, "938231 938275 938283 938329 938402");
  assert_log (unassigned_log, "3-1+0 ");
  /* Back where it was in its cohort. */
  assert_members (plan, "c2", "938145 938226 938306");
  g_assert_true (undo (plan));
  g_assert_true (undo (plan));
  g_assert_true (undo (plan));
  assert_example_layout (plan);
  assert_consistent (plan);

  stop_recording (cohorts_plan_get_unassigned (plan), unassigned_log);
  stop_recording (cohorts_cohort_get_members (c2), c2_log);
}

static void
test_move_from_unassigned (void)
{
  g_autoptr(CohortsPlan) plan = load_example ();
  CohortsCohort *c3 = cohort (plan, "c3");
  GString *unassigned_log = record_items_changed (cohorts_plan_get_unassigned (plan));

  cohorts_plan_move_school (plan, school (plan, 938283), c3, 0);
  assert_undo_label (plan, "Move to Cohort 3");
  assert_members (plan, "c3", "938283 " EXAMPLE_C3);
  assert_unassigned (plan, "938275");
  assert_log (unassigned_log, "1-1+0 ");

  cohorts_plan_move_school (plan, school (plan, 938275), c3, 3);
  assert_members (plan, "c3", "938283 938134 938244 938275 938257 938262 938329");
  assert_unassigned (plan, "");
  assert_log (unassigned_log, "0-1+0 ");

  g_assert_true (undo (plan));
  assert_unassigned (plan, "938275");
  assert_log (unassigned_log, "0-0+1 ");
  g_assert_true (undo (plan));
  assert_log (unassigned_log, "1-0+1 ");
  assert_example_layout (plan);

  stop_recording (cohorts_plan_get_unassigned (plan), unassigned_log);
}

static void
test_move_within_cohort (void)
{
  g_autoptr(CohortsPlan) plan = load_example ();
  CohortsCohort *c1 = cohort (plan, "c1");
  GString *log = record_items_changed (cohorts_cohort_get_members (c1));
  guint n_members = 0;

  g_signal_connect (c1, "notify::n-members", G_CALLBACK (count_notify_cb), &n_members);

  /* The position is where the school ends up; the schools between move
   * up or down by one, in one change of the list. */
  cohorts_plan_move_school (plan, school (plan, 938112), c1, 2);
  assert_members (plan, "c1", "938127 938203 938112 938210 938218");
  assert_undo_label (plan, "Move to Cohort 1");
  assert_log (log, "0-3+3 ");

  cohorts_plan_move_school (plan, school (plan, 938218), c1, 0);
  assert_members (plan, "c1", "938218 938127 938203 938112 938210");
  assert_log (log, "0-5+5 ");

  cohorts_plan_move_school (plan, school (plan, 938203), c1, 3);
  assert_members (plan, "c1", "938218 938127 938112 938203 938210");
  assert_log (log, "2-2+2 ");
  g_assert_true (undo (plan));
  assert_members (plan, "c1", "938218 938127 938203 938112 938210");
  assert_log (log, "2-2+2 ");

  cohorts_plan_move_school (plan, school (plan, 938127), c1, 4);
  assert_members (plan, "c1", "938218 938203 938112 938210 938127");

  cohorts_plan_move_school (plan, school (plan, 938218), c1, 100);
  assert_members (plan, "c1", "938203 938112 938210 938127 938218");
  g_string_truncate (log, 0);

  /* Where it already is, or past the end for the last one: nothing. */
  cohorts_plan_move_school (plan, school (plan, 938112), c1, 1);
  cohorts_plan_move_school (plan, school (plan, 938218), c1, 4);
  cohorts_plan_move_school (plan, school (plan, 938218), c1, 999);
  cohorts_plan_move_school (plan, school (plan, 938203), c1, 0);
  assert_log (log, "");

  /* Moving inside a cohort never changes its size. */
  g_assert_cmpuint (n_members, ==, 0);

  g_assert_true (undo (plan));
  assert_members (plan, "c1", "938218 938203 938112 938210 938127");
  assert_log (log, "0-5+5 ");
  g_assert_true (undo (plan));
  assert_members (plan, "c1", "938218 938127 938203 938112 938210");
  g_assert_true (undo (plan));
  assert_members (plan, "c1", "938127 938203 938112 938210 938218");
  g_assert_true (undo (plan));
  assert_members (plan, "c1", EXAMPLE_C1);
  assert_log (log, "1-4+4 0-5+5 0-3+3 ");
  g_assert_false (undo (plan));

  g_assert_true (redo (plan));
  g_assert_true (redo (plan));
  g_assert_true (redo (plan));
  g_assert_true (redo (plan));
  assert_members (plan, "c1", "938203 938112 938210 938127 938218");

  g_signal_handlers_disconnect_by_data (c1, &n_members);
  stop_recording (cohorts_cohort_get_members (c1), log);
}

static void
test_move_school_notifies_cohort (void)
{
  g_autoptr(CohortsPlan) plan = load_example ();
  CohortsSchool *s = school (plan, 938231);
  guint count = 0;

  g_signal_connect (s, "notify::cohort", G_CALLBACK (count_notify_cb), &count);

  cohorts_plan_move_school (plan, s, cohort (plan, "c5"), 0);
  g_assert_cmpuint (count, ==, 1);
  cohorts_plan_move_school (plan, s, cohort (plan, "c5"), 1);   /* within: no change */
  g_assert_cmpuint (count, ==, 1);
  cohorts_plan_move_school (plan, s, NULL, 0);
  g_assert_cmpuint (count, ==, 2);
  g_assert_true (undo (plan));
  g_assert_cmpuint (count, ==, 3);
  g_assert_true (cohorts_school_get_cohort (s) == cohort (plan, "c5"));

  g_signal_handlers_disconnect_by_data (s, &count);
}

/* URNs */

static void
test_set_school_urn (void)
{
  g_autoptr(CohortsPlan) plan = load_example ();
  CohortsSchool *s = school (plan, 938112);
  g_autoptr(GError) error = NULL;
  guint urn_notify = 0;

  g_signal_connect (s, "notify::urn", G_CALLBACK (count_notify_cb), &urn_notify);

  g_assert_true (cohorts_plan_set_school_urn (plan, s, 938999, &error));
  g_assert_no_error (error);
  assert_undo_label (plan, "Change URN");
  g_assert_cmpuint (cohorts_school_get_urn (s), ==, 938999);
  g_assert_true (cohorts_plan_find_school (plan, 938999) == s);
  g_assert_null (cohorts_plan_find_school (plan, 938112));
  g_assert_cmpuint (urn_notify, ==, 1);
  /* Still in its cohort, at its place. */
  assert_members (plan, "c1", "938999 938127 938203 938210 938218");
  assert_consistent (plan);

  /* The school is still the plan's: it can be edited and moved. */
  cohorts_plan_edit (plan, s, "pupils", 1000, NULL);
  cohorts_plan_move_school (plan, s, NULL, 0);
  g_assert_true (undo (plan));
  g_assert_true (undo (plan));

  g_assert_true (undo (plan));
  g_assert_cmpuint (cohorts_school_get_urn (s), ==, 938112);
  g_assert_true (cohorts_plan_find_school (plan, 938112) == s);
  g_assert_null (cohorts_plan_find_school (plan, 938999));
  g_assert_cmpuint (urn_notify, ==, 2);
  assert_example_layout (plan);

  g_assert_true (redo (plan));
  g_assert_true (cohorts_plan_find_school (plan, 938999) == s);
  g_assert_null (cohorts_plan_find_school (plan, 938112));

  g_signal_handlers_disconnect_by_data (s, &urn_notify);
}

static void
test_set_school_urn_refused (void)
{
  g_autoptr(CohortsPlan) plan = load_example ();
  CohortsSchool *s = school (plan, 938112);
  g_autoptr(GError) conflict = NULL;
  g_autoptr(GError) too_short = NULL;
  g_autoptr(GError) too_long = NULL;
  g_autoptr(GError) none = NULL;

  g_assert_false (cohorts_plan_set_school_urn (plan, s, 938127, &conflict));
  g_assert_error (conflict, COHORTS_PLAN_ERROR, COHORTS_PLAN_ERROR_CONFLICT);
  g_assert_cmpstr (conflict->message, ==, "URN 938127 is already the URN of Castle Mead Middle School");

  g_assert_false (cohorts_plan_set_school_urn (plan, s, 99999, &too_short));
  g_assert_error (too_short, COHORTS_PLAN_ERROR, COHORTS_PLAN_ERROR_INVALID);
  g_assert_cmpstr (too_short->message, ==, "99999 is not a URN: a URN has six digits");

  g_assert_false (cohorts_plan_set_school_urn (plan, s, 1000000, &too_long));
  g_assert_error (too_long, COHORTS_PLAN_ERROR, COHORTS_PLAN_ERROR_INVALID);

  /* Its own URN: nothing to do, and no error. */
  g_assert_true (cohorts_plan_set_school_urn (plan, s, 938112, &none));
  g_assert_no_error (none);

  g_assert_cmpuint (cohorts_school_get_urn (s), ==, 938112);
  g_assert_true (cohorts_plan_find_school (plan, 938112) == s);
  g_assert_true (cohorts_plan_find_school (plan, 938127) != s);
  g_assert_false (cohorts_history_can_undo (history_of (plan)));
  g_assert_false (cohorts_plan_is_modified (plan));
}

static void
test_set_school_urn_swap (void)
{
  g_autoptr(CohortsPlan) plan = load_example ();
  CohortsSchool *a = school (plan, 938112);
  CohortsSchool *b = school (plan, 938127);

  /* Swapping two URNs takes three steps through a free one. */
  cohorts_plan_begin_edit (plan, "Swap URNs");
  g_assert_true (cohorts_plan_set_school_urn (plan, a, 100000, NULL));
  g_assert_true (cohorts_plan_set_school_urn (plan, b, 938112, NULL));
  g_assert_true (cohorts_plan_set_school_urn (plan, a, 938127, NULL));
  cohorts_plan_end_edit (plan);

  g_assert_true (cohorts_plan_find_school (plan, 938112) == b);
  g_assert_true (cohorts_plan_find_school (plan, 938127) == a);
  g_assert_null (cohorts_plan_find_school (plan, 100000));

  g_assert_true (undo (plan));
  g_assert_true (cohorts_plan_find_school (plan, 938112) == a);
  g_assert_true (cohorts_plan_find_school (plan, 938127) == b);
  g_assert_null (cohorts_plan_find_school (plan, 100000));
  assert_consistent (plan);
}

/* Groups */

static void
test_group (void)
{
  g_autoptr(CohortsPlan) plan = load_example ();
  Signals sig;

  signals_watch (&sig, plan);

  cohorts_plan_begin_edit (plan, "Suggest Cohorts");
  cohorts_plan_move_school (plan, school (plan, 938275), cohort (plan, "c3"), 99);
  cohorts_plan_move_school (plan, school (plan, 938283), cohort (plan, "c5"), 0);
  cohorts_plan_edit (plan, cohort (plan, "c5"), "name", "Cohort 5: support", NULL);
  /* While the group is open, the step is not yet on the undo stack. */
  g_assert_false (cohorts_history_can_undo (history_of (plan)));
  g_assert_cmpuint (sig.changed, ==, 3);
  cohorts_plan_end_edit (plan);

  assert_undo_label (plan, "Suggest Cohorts");
  assert_unassigned (plan, "");
  assert_members (plan, "c5", "938283 938151");
  assert_signals (&sig, 3, 1, 0, 1, 0, 1);

  g_assert_true (undo (plan));
  g_assert_false (cohorts_history_can_undo (history_of (plan)));
  assert_example_layout (plan);
  g_assert_cmpstr (cohorts_cohort_get_name (cohort (plan, "c5")), ==, "Cohort 5");
  assert_redo_label (plan, "Suggest Cohorts");
  assert_signals (&sig, 4, 2, 1, 2, 1, 2);

  g_assert_true (redo (plan));
  assert_unassigned (plan, "");
  assert_members (plan, "c3", EXAMPLE_C3 " 938275");
  g_assert_cmpstr (cohorts_cohort_get_name (cohort (plan, "c5")), ==, "Cohort 5: support");
  assert_signals (&sig, 5, 3, 2, 3, 2, 3);

  signals_stop (&sig, plan);
}

static void
test_group_nested (void)
{
  g_autoptr(CohortsPlan) plan = load_example ();
  CohortsSchool *s = school (plan, 938210);

  cohorts_plan_begin_edit (plan, "Outer");
  cohorts_plan_edit (plan, s, "pupils", 1, NULL);
  cohorts_plan_begin_edit (plan, "Inner");
  cohorts_plan_edit (plan, s, "capacity", 2, NULL);
  cohorts_plan_remove_cohort (plan, cohort (plan, "c4"));   /* a group of its own */
  cohorts_plan_end_edit (plan);
  cohorts_plan_begin_edit (plan, "Empty");
  cohorts_plan_end_edit (plan);
  cohorts_plan_edit (plan, s, "town", "Elsewhere", NULL);
  cohorts_plan_end_edit (plan);

  assert_undo_label (plan, "Outer");
  g_assert_cmpint (cohorts_school_get_pupils (s), ==, 1);
  g_assert_cmpint (cohorts_school_get_capacity (s), ==, 2);
  g_assert_cmpstr (cohorts_school_get_town (s), ==, "Elsewhere");
  assert_cohort_ids (plan, "c1 c2 c3 c5");

  g_assert_true (undo (plan));
  g_assert_false (cohorts_history_can_undo (history_of (plan)));
  g_assert_cmpint (cohorts_school_get_pupils (s), ==, 241);
  g_assert_cmpint (cohorts_school_get_capacity (s), ==, 270);
  g_assert_cmpstr (cohorts_school_get_town (s), ==, "Northfield");
  assert_example_layout (plan);
  g_assert_false (cohorts_plan_is_modified (plan));

  g_assert_true (redo (plan));
  g_assert_cmpint (cohorts_school_get_capacity (s), ==, 2);
  assert_cohort_ids (plan, "c1 c2 c3 c5");
  assert_unassigned (plan, "938275 938283 938314");
}

static void
test_group_empty (void)
{
  g_autoptr(CohortsPlan) plan = load_example ();
  Signals sig;

  signals_watch (&sig, plan);

  cohorts_plan_begin_edit (plan, "Nothing");
  cohorts_plan_end_edit (plan);

  cohorts_plan_begin_edit (plan, "Nothing either");
  cohorts_plan_begin_edit (plan, "Inner nothing");
  cohorts_plan_end_edit (plan);
  cohorts_plan_end_edit (plan);

  /* Only edits that change nothing. */
  cohorts_plan_begin_edit (plan, "No change");
  cohorts_plan_edit (plan, school (plan, 938112), "pupils", 1214, NULL);
  cohorts_plan_move_school (plan, school (plan, 938275), NULL, 0);
  cohorts_plan_move_cohort (plan, cohort (plan, "c1"), 0);
  cohorts_plan_end_edit (plan);

  g_assert_false (cohorts_history_can_undo (history_of (plan)));
  g_assert_false (cohorts_plan_is_modified (plan));
  assert_signals (&sig, 0, 0, 0, 0, 0, 0);

  signals_stop (&sig, plan);
}

static void
test_group_unfinished (void)
{
  CohortsPlan *plan = load_example ();
  CohortsSchool *s = school (plan, 938402);
  gpointer weak_plan = plan;
  gpointer weak_school = s;

  g_object_add_weak_pointer (G_OBJECT (plan), &weak_plan);
  g_object_add_weak_pointer (G_OBJECT (s), &weak_school);

  /* A plan closed in the middle of a group (a window closed while a long
   * edit runs) frees what the open group holds: here the removed school. */
  cohorts_plan_begin_edit (plan, "Outer");
  cohorts_plan_begin_edit (plan, "Inner");
  cohorts_plan_remove_school (plan, s);
  g_object_unref (plan);

  g_assert_null (weak_plan);
  g_assert_null (weak_school);
}

static void
test_group_clears_redo (void)
{
  g_autoptr(CohortsPlan) plan = load_example ();

  cohorts_plan_edit (plan, school (plan, 938112), "pupils", 1, NULL);
  g_assert_true (undo (plan));
  g_assert_true (cohorts_history_can_redo (history_of (plan)));

  /* An empty group changes nothing, so there is still something to redo… */
  cohorts_plan_begin_edit (plan, "Nothing");
  cohorts_plan_end_edit (plan);
  g_assert_true (cohorts_history_can_redo (history_of (plan)));

  /* …but a group that changes something is a new edit. */
  cohorts_plan_begin_edit (plan, "Something");
  cohorts_plan_edit (plan, school (plan, 938112), "pupils", 2, NULL);
  cohorts_plan_end_edit (plan);
  g_assert_false (cohorts_history_can_redo (history_of (plan)));
  g_assert_false (redo (plan));
  g_assert_cmpint (cohorts_school_get_pupils (school (plan, 938112)), ==, 2);
}

/* Modified flag and signals */

static void
test_modified (void)
{
  g_autoptr(CohortsPlan) plan = load_example ();
  CohortsHistory *history = history_of (plan);
  CohortsSchool *s = school (plan, 938112);
  Signals sig;

  signals_watch (&sig, plan);

  cohorts_plan_edit (plan, s, "pupils", 1, NULL);
  g_assert_true (cohorts_plan_is_modified (plan));
  g_assert_cmpuint (sig.plan_modified, ==, 1);
  cohorts_plan_edit (plan, s, "pupils", 2, NULL);
  g_assert_cmpuint (sig.plan_modified, ==, 1);

  /* Saved after two edits. */
  cohorts_history_mark_saved (history);
  g_assert_false (cohorts_plan_is_modified (plan));
  g_assert_cmpuint (sig.plan_modified, ==, 2);
  cohorts_history_mark_saved (history);
  g_assert_cmpuint (sig.plan_modified, ==, 2);

  g_assert_true (undo (plan));
  g_assert_true (cohorts_plan_is_modified (plan));
  g_assert_true (undo (plan));
  g_assert_true (cohorts_plan_is_modified (plan));
  g_assert_cmpuint (sig.plan_modified, ==, 3);

  /* Redo back to the saved state, then past it. */
  g_assert_true (redo (plan));
  g_assert_true (cohorts_plan_is_modified (plan));
  g_assert_true (redo (plan));
  g_assert_false (cohorts_plan_is_modified (plan));
  g_assert_cmpuint (sig.plan_modified, ==, 4);
  cohorts_plan_edit (plan, s, "pupils", 3, NULL);
  g_assert_true (cohorts_plan_is_modified (plan));
  g_assert_true (undo (plan));
  g_assert_false (cohorts_plan_is_modified (plan));
  g_assert_true (redo (plan));
  g_assert_true (cohorts_plan_is_modified (plan));
  g_assert_cmpuint (sig.plan_modified, ==, 7);

  /* Undo before the saved state and edit: the saved state is gone for good. */
  g_assert_true (undo (plan));
  g_assert_true (undo (plan));
  g_assert_true (cohorts_plan_is_modified (plan));
  cohorts_plan_edit (plan, s, "pupils", 4, NULL);
  g_assert_true (cohorts_plan_is_modified (plan));
  g_assert_true (undo (plan));
  g_assert_true (cohorts_plan_is_modified (plan));
  g_assert_true (undo (plan));
  g_assert_true (cohorts_plan_is_modified (plan));
  g_assert_false (undo (plan));
  g_assert_cmpuint (sig.plan_modified, ==, 9);

  /* Saved with nothing to undo. */
  cohorts_history_mark_saved (history);
  g_assert_false (cohorts_plan_is_modified (plan));
  g_assert_true (redo (plan));
  g_assert_true (cohorts_plan_is_modified (plan));
  g_assert_true (undo (plan));
  g_assert_false (cohorts_plan_is_modified (plan));
  g_assert_cmpuint (sig.plan_modified, ==, 12);

  /* The plan's property follows the history's. */
  g_assert_cmpuint (sig.modified, ==, sig.plan_modified);

  signals_stop (&sig, plan);
}

static void
test_modified_property (void)
{
  g_autoptr(CohortsPlan) plan = load_example ();
  gboolean modified = TRUE;

  g_object_get (plan, "modified", &modified, NULL);
  g_assert_false (modified);
  cohorts_plan_edit (plan, plan, "title", "x", NULL);
  g_object_get (plan, "modified", &modified, NULL);
  g_assert_true (modified);
  g_object_get (history_of (plan), "modified", &modified, NULL);
  g_assert_true (modified);
}

/* A recovered plan: its changes are not saved, whatever is undone. */
static void
test_modified_unsaved (void)
{
  g_autoptr(CohortsPlan) plan = load_example ();
  CohortsHistory *history = history_of (plan);

  g_assert_false (cohorts_plan_is_modified (plan));
  cohorts_history_mark_unsaved (history);
  g_assert_true (cohorts_plan_is_modified (plan));
  cohorts_plan_edit (plan, plan, "title", "x", NULL);
  g_assert_true (undo (plan));
  g_assert_true (cohorts_plan_is_modified (plan));
  cohorts_history_mark_saved (history);
  g_assert_false (cohorts_plan_is_modified (plan));
}

static void
test_history_notifications (void)
{
  g_autoptr(CohortsPlan) plan = load_example ();
  CohortsSchool *s = school (plan, 938112);
  Signals sig;

  signals_watch (&sig, plan);

  /*                       changed can-undo can-redo undo-label redo-label modified */
  cohorts_plan_edit (plan, s, "pupils", 1, NULL);
  assert_signals (&sig, 1, 1, 0, 1, 0, 1);
  cohorts_plan_edit (plan, s, "pupils", 2, NULL);
  assert_signals (&sig, 2, 1, 0, 2, 0, 1);
  g_assert_true (undo (plan));
  assert_signals (&sig, 3, 1, 1, 3, 1, 1);
  g_assert_true (undo (plan));
  assert_signals (&sig, 4, 2, 1, 4, 2, 2);
  g_assert_false (undo (plan));
  assert_signals (&sig, 4, 2, 1, 4, 2, 2);
  g_assert_true (redo (plan));
  assert_signals (&sig, 5, 3, 1, 5, 3, 3);
  /* A new edit forgets what could be redone. */
  cohorts_plan_edit (plan, s, "pupils", 3, NULL);
  assert_signals (&sig, 6, 3, 2, 6, 4, 3);
  g_assert_false (redo (plan));
  assert_signals (&sig, 6, 3, 2, 6, 4, 3);
  /* Saving changes only the modified flag. */
  cohorts_history_mark_saved (history_of (plan));
  assert_signals (&sig, 6, 3, 2, 6, 4, 4);
  /* No-op edits change nothing at all. */
  cohorts_plan_edit (plan, s, "pupils", 3, NULL);
  assert_signals (&sig, 6, 3, 2, 6, 4, 4);

  signals_stop (&sig, plan);
}

typedef struct
{
  CohortsHistory *history;
  gboolean can_undo;
  gboolean can_redo;
  char *undo_label;
} Seen;

static void
seen_cb (GObject    *object,
         GParamSpec *pspec,
         Seen       *seen)
{
  seen->can_undo = cohorts_history_can_undo (seen->history);
  seen->can_redo = cohorts_history_can_redo (seen->history);
  g_free (seen->undo_label);
  seen->undo_label = g_strdup (cohorts_history_get_undo_label (seen->history));
}

static void
test_history_notify_after_change (void)
{
  g_autoptr(CohortsPlan) plan = load_example ();
  Seen seen = { history_of (plan), FALSE, FALSE, NULL };
  gboolean can_undo = FALSE;
  g_autofree char *label = NULL;

  /* Views read the new state from the notification. */
  g_signal_connect (seen.history, "notify", G_CALLBACK (seen_cb), &seen);

  cohorts_plan_move_school (plan, school (plan, 938275), cohort (plan, "c2"), 0);
  g_assert_true (seen.can_undo);
  g_assert_cmpstr (seen.undo_label, ==, "Move to Cohort 2");
  g_object_get (seen.history, "can-undo", &can_undo, "undo-label", &label, NULL);
  g_assert_true (can_undo);
  g_assert_cmpstr (label, ==, "Move to Cohort 2");

  g_assert_true (undo (plan));
  g_assert_false (seen.can_undo);
  g_assert_true (seen.can_redo);
  g_assert_null (seen.undo_label);

  g_signal_handlers_disconnect_by_data (seen.history, &seen);
  g_free (seen.undo_label);
}

static void
test_changed_signal (void)
{
  g_autoptr(CohortsPlan) plan = load_example ();
  g_autoptr(CohortsSchool) added = cohorts_school_new (938998, "Added");
  guint changed = 0;

  g_signal_connect (plan, "changed", G_CALLBACK (count_cb), &changed);

  /* Once for each edit, undo and redo… */
  cohorts_plan_edit (plan, school (plan, 938112), "pupils", 1, NULL);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_true (undo (plan));
  g_assert_cmpuint (changed, ==, 2);
  g_assert_true (redo (plan));
  g_assert_cmpuint (changed, ==, 3);
  cohorts_plan_move_school (plan, school (plan, 938112), NULL, 0);
  g_assert_cmpuint (changed, ==, 4);
  cohorts_plan_move_cohort (plan, cohort (plan, "c5"), 0);
  g_assert_cmpuint (changed, ==, 5);
  cohorts_plan_add_cohort (plan, "New", COHORTS_DATE_NONE);
  g_assert_cmpuint (changed, ==, 6);
  g_assert_true (cohorts_plan_add_school (plan, added, NULL));
  g_assert_cmpuint (changed, ==, 7);
  cohorts_plan_remove_school (plan, added);
  g_assert_cmpuint (changed, ==, 8);
  g_assert_true (cohorts_plan_set_school_urn (plan, school (plan, 938127), 938997, NULL));
  g_assert_cmpuint (changed, ==, 9);

  /* …once for each change inside a step as it is made, and once for
   * undoing or redoing the whole step. */
  cohorts_plan_edit (plan, school (plan, 938997), "pupils", 1, "capacity", 2, NULL);
  g_assert_cmpuint (changed, ==, 11);
  g_assert_true (undo (plan));
  g_assert_cmpuint (changed, ==, 12);
  g_assert_true (redo (plan));
  g_assert_cmpuint (changed, ==, 13);

  /* Nothing for what changes nothing. */
  cohorts_plan_edit (plan, school (plan, 938997), "pupils", 1, NULL);
  g_assert_false (cohorts_plan_set_school_urn (plan, school (plan, 938203), 938210, NULL));
  {
    g_autoptr(CohortsSchool) twin = cohorts_school_new (938203, "Twin");
    g_assert_false (cohorts_plan_add_school (plan, twin, NULL));
  }
  cohorts_history_mark_saved (history_of (plan));
  g_assert_cmpuint (changed, ==, 13);

  g_signal_handlers_disconnect_by_data (plan, &changed);
}

static void
test_redo_cleared_by_edit (void)
{
  g_autoptr(CohortsPlan) plan = load_example ();
  CohortsSchool *s = school (plan, 938112);

  cohorts_plan_edit (plan, s, "pupils", 1, NULL);
  cohorts_plan_edit (plan, s, "pupils", 2, NULL);
  cohorts_plan_edit (plan, s, "pupils", 3, NULL);
  g_assert_true (undo (plan));
  g_assert_true (undo (plan));
  g_assert_cmpint (cohorts_school_get_pupils (s), ==, 1);
  assert_redo_label (plan, "Edit Pupils on roll");

  cohorts_plan_move_school (plan, s, NULL, 0);
  g_assert_false (cohorts_history_can_redo (history_of (plan)));
  g_assert_null (cohorts_history_get_redo_label (history_of (plan)));
  g_assert_false (redo (plan));
  g_assert_cmpint (cohorts_school_get_pupils (s), ==, 1);

  g_assert_true (undo (plan));
  g_assert_true (undo (plan));
  g_assert_cmpint (cohorts_school_get_pupils (s), ==, 1214);
  g_assert_false (undo (plan));
  assert_example_layout (plan);
}

static void
test_undo_redo_empty (void)
{
  g_autoptr(CohortsPlan) plan = cohorts_plan_new ();
  Signals sig;

  signals_watch (&sig, plan);
  g_assert_false (undo (plan));
  g_assert_false (redo (plan));
  g_assert_null (cohorts_history_get_undo_label (history_of (plan)));
  g_assert_null (cohorts_history_get_redo_label (history_of (plan)));
  assert_signals (&sig, 0, 0, 0, 0, 0, 0);
  signals_stop (&sig, plan);
}

static void
test_clear (void)
{
  g_autoptr(CohortsPlan) plan = load_example ();
  Signals sig;

  cohorts_plan_edit (plan, plan, "title", "One", NULL);
  cohorts_plan_edit (plan, plan, "title", "Two", NULL);
  g_assert_true (undo (plan));

  signals_watch (&sig, plan);
  cohorts_history_clear (history_of (plan));
  g_assert_false (cohorts_history_can_undo (history_of (plan)));
  g_assert_false (cohorts_history_can_redo (history_of (plan)));
  /* What is there now counts as saved. */
  g_assert_false (cohorts_plan_is_modified (plan));
  g_assert_cmpstr (cohorts_plan_get_title (plan), ==, "One");
  assert_signals (&sig, 0, 1, 1, 1, 1, 1);
  signals_stop (&sig, plan);
}

/* Building a plan in code */

static void
test_build_plan (void)
{
  g_autoptr(CohortsPlan) plan = cohorts_plan_new ();
  g_autoptr(CohortsSchool) a = cohorts_school_new (100001, "A");
  g_autoptr(CohortsSchool) b = cohorts_school_new (100002, "B");
  g_autoptr(CohortsSchool) c = cohorts_school_new (100003, "C");
  CohortsCohort *first;
  guint steps = 0;

  g_assert_true (cohorts_plan_add_school (plan, a, NULL));
  g_assert_true (cohorts_plan_add_school (plan, b, NULL));
  g_assert_true (cohorts_plan_add_school (plan, c, NULL));
  first = cohorts_plan_add_cohort (plan, "First", cohorts_date_new (2027, 9, 1));
  g_assert_cmpstr (cohorts_cohort_get_id (first), ==, "c1");
  cohorts_plan_move_school (plan, c, first, 0);
  cohorts_plan_move_school (plan, a, first, 1);
  assert_members (plan, "c1", "100003 100001");
  assert_unassigned (plan, "100002");
  assert_consistent (plan);

  while (undo (plan))
    steps++;
  g_assert_cmpuint (steps, ==, 6);
  g_assert_cmpuint (cohorts_plan_get_n_schools (plan), ==, 0);
  g_assert_cmpuint (cohorts_plan_get_n_cohorts (plan), ==, 0);
  assert_unassigned (plan, "");
  g_assert_false (cohorts_plan_is_modified (plan));

  while (redo (plan))
    steps--;
  g_assert_cmpuint (steps, ==, 0);
  assert_members (plan, "c1", "100003 100001");
  assert_unassigned (plan, "100002");
  assert_consistent (plan);
}

/* Random edits */

#define N_RANDOM_EDITS 2000
#define RANDOM_SEED 20260901

typedef struct
{
  CohortsPlan *plan;
  GRand *rand;
  guint next_urn;
  guint changed;
} Fuzz;

static CohortsSchool *
random_school (Fuzz *f)
{
  GListModel *schools = cohorts_plan_get_schools (f->plan);
  guint n = g_list_model_get_n_items (schools);
  CohortsSchool *s;

  if (n == 0)
    return NULL;
  s = g_list_model_get_item (schools, g_rand_int_range (f->rand, 0, n));
  g_object_unref (s); /* the plan holds it */
  return s;
}

static CohortsCohort *
random_cohort (Fuzz *f)
{
  GListModel *cohorts = cohorts_plan_get_cohorts (f->plan);
  guint n = g_list_model_get_n_items (cohorts);
  CohortsCohort *c;

  if (n == 0)
    return NULL;
  c = g_list_model_get_item (cohorts, g_rand_int_range (f->rand, 0, n));
  g_object_unref (c);
  return c;
}

static CohortsDate
random_date (Fuzz *f)
{
  switch (g_rand_int_range (f->rand, 0, 4))
    {
    case 0:
      return COHORTS_DATE_NONE;
    case 1:
      return cohorts_date_new (g_rand_int_range (f->rand, 2026, 2032), g_rand_int_range (f->rand, 1, 13), 15);
    default:
      return cohorts_date_new (g_rand_int_range (f->rand, 2026, 2032), g_rand_int_range (f->rand, 1, 13), 1);
    }
}

static char *
random_text (Fuzz *f,
             gboolean multiline)
{
  static const char *const words[] = {
    "Northfield", "St Aidan’s", "Cohort", "school", "–", "Ashminster",
    "\t", "\r\n", "  ", "é", "&", "<", "\"",
  };
  GString *out = g_string_new (NULL);
  guint n = g_rand_int_range (f->rand, 0, 6);

  for (guint i = 0; i < n; i++)
    {
      const char *word = words[g_rand_int_range (f->rand, 0, G_N_ELEMENTS (words))];

      if (!multiline && (word[0] == '\r' || word[0] == '\t'))
        word = " ";
      g_string_append (out, word);
    }
  return g_string_free (out, FALSE);
}

static void
random_school_edit (Fuzz          *f,
                    CohortsSchool *s)
{
  g_autofree char *text = NULL;

  switch (g_rand_int_range (f->rand, 0, 10))
    {
    case 0:
      cohorts_plan_edit (f->plan, s, "pupils", g_rand_int_range (f->rand, -1, 2000), NULL);
      break;
    case 1:
      text = random_text (f, FALSE);
      cohorts_plan_edit (f->plan, s, "name", text, NULL);
      break;
    case 2:
      cohorts_plan_edit (f->plan, s,
                         "phase", g_rand_int_range (f->rand, 0, COHORTS_PHASE_ALTERNATIVE_PROVISION + 1),
                         NULL);
      break;
    case 3:
      cohorts_plan_edit (f->plan, s,
                         "ofsted-grade",
                         g_rand_int_range (f->rand, 0, COHORTS_OFSTED_GRADE_SPECIAL_MEASURES + 1),
                         "ofsted-date", random_date (f),
                         NULL);
      break;
    case 4:
      cohorts_plan_edit (f->plan, s,
                         "small", g_rand_boolean (f->rand),
                         "rural", g_rand_boolean (f->rand),
                         NULL);
      break;
    case 5:
      text = random_text (f, TRUE);
      cohorts_plan_edit (f->plan, s, "notes", text, NULL);
      break;
    case 6:
      cohorts_plan_edit (f->plan, s,
                         "budget-balance",
                         g_rand_boolean (f->rand)
                           ? COHORTS_MONEY_UNKNOWN
                           : (gint64) g_rand_int_range (f->rand, -100000, 500000),
                         "budget-date", random_date (f),
                         NULL);
      break;
    case 7:
      cohorts_plan_edit (f->plan, s,
                         "report-card-date", random_date (f),
                         "report-card-inclusion",
                         g_rand_int_range (f->rand, 0, COHORTS_REPORT_GRADE_URGENT_IMPROVEMENT + 1),
                         NULL);
      break;
    case 8:
      text = random_text (f, FALSE);
      cohorts_plan_edit (f->plan, s, "town", text, "capacity", g_rand_int_range (f->rand, -1, 2000), NULL);
      break;
    default:
      cohorts_plan_edit (f->plan, s,
                         "religious-character",
                         g_rand_int_range (f->rand, 0, COHORTS_RELIGIOUS_CHARACTER_OTHER + 1),
                         "low-age", g_rand_int_range (f->rand, -1, 20),
                         "high-age", g_rand_int_range (f->rand, -1, 20),
                         NULL);
      break;
    }
}

static void
random_edit (Fuzz *f,
             guint depth)
{
  CohortsSchool *s = random_school (f);
  CohortsCohort *c = random_cohort (f);
  g_autofree char *text = NULL;
  int what = g_rand_int_range (f->rand, 0, 100);

  if (what < 30)
    {
      /* Move a school; one time in four out of any cohort. */
      CohortsCohort *to = g_rand_int_range (f->rand, 0, 4) == 0 ? NULL : c;
      guint n = to ? cohorts_cohort_get_n_members (to) : 0;

      if (s != NULL)
        cohorts_plan_move_school (f->plan, s, to, g_rand_int_range (f->rand, 0, n + 2));
    }
  else if (what < 52)
    {
      if (s != NULL)
        random_school_edit (f, s);
    }
  else if (what < 60)
    {
      if (c != NULL)
        {
          text = random_text (f, g_rand_boolean (f->rand));
          switch (g_rand_int_range (f->rand, 0, 4))
            {
            case 0:
              cohorts_plan_edit (f->plan, c, "name", text, NULL);
              break;
            case 1:
              cohorts_plan_edit (f->plan, c, "date", random_date (f), NULL);
              break;
            case 2:
              cohorts_plan_edit (f->plan, c, "status", g_rand_int_range (f->rand, 0, 4), NULL);
              break;
            default:
              cohorts_plan_edit (f->plan, c, "notes", text, NULL);
              break;
            }
        }
    }
  else if (what < 64)
    {
      text = random_text (f, FALSE);
      if (g_rand_boolean (f->rand))
        cohorts_plan_edit (f->plan, f->plan, "title", text, "start-date", random_date (f), NULL);
      else
        cohorts_plan_edit (f->plan, cohorts_plan_get_trust (f->plan),
                           "name", text,
                           "academies-min", g_rand_int_range (f->rand, -1, 30),
                           "target-pupils", g_rand_int_range (f->rand, -1, 10000),
                           NULL);
    }
  else if (what < 70)
    {
      if (cohorts_plan_get_n_cohorts (f->plan) < 12)
        {
          text = g_strdup_printf ("Cohort %u", g_rand_int_range (f->rand, 1, 100));
          cohorts_plan_add_cohort (f->plan, text, random_date (f));
        }
    }
  else if (what < 75)
    {
      if (c != NULL)
        cohorts_plan_remove_cohort (f->plan, c);
    }
  else if (what < 79)
    {
      if (c != NULL)
        cohorts_plan_move_cohort (f->plan, c,
                                  g_rand_int_range (f->rand, 0, cohorts_plan_get_n_cohorts (f->plan) + 1));
    }
  else if (what < 85)
    {
      g_autoptr(CohortsSchool) added = NULL;

      text = g_strdup_printf ("School %u", f->next_urn);
      added = cohorts_school_new (f->next_urn++, text);
      g_object_set (added, "pupils", g_rand_int_range (f->rand, 10, 900), NULL);
      g_assert_true (cohorts_plan_add_school (f->plan, added, NULL));
    }
  else if (what < 89)
    {
      if (s != NULL)
        cohorts_plan_remove_school (f->plan, s);
    }
  else if (what < 93)
    {
      /* Often a URN another school has, which is refused. */
      if (s != NULL)
        {
          guint urn = g_rand_boolean (f->rand) ? f->next_urn++ : cohorts_school_get_urn (random_school (f));
          cohorts_plan_set_school_urn (f->plan, s, urn, NULL);
        }
    }
  else if (depth < 3)
    {
      guint n = g_rand_int_range (f->rand, 0, 5);

      cohorts_plan_begin_edit (f->plan, "Several changes");
      for (guint i = 0; i < n; i++)
        random_edit (f, depth + 1);
      cohorts_plan_end_edit (f->plan);
    }
}

static char *
checksum (CohortsPlan *plan)
{
  g_autoptr(GBytes) bytes = cohorts_plan_xml_to_bytes (plan);

  return g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
}

static void
test_random_edits (void)
{
  g_autoptr(CohortsPlan) plan = load_example ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (RANDOM_SEED);
  g_autoptr(GBytes) original = cohorts_plan_xml_to_bytes (plan);
  g_autoptr(GBytes) edited = NULL;
  g_autoptr(GBytes) undone = NULL;
  g_autoptr(GBytes) redone = NULL;
  /* The checksum of the plan after each step on the undo stack (and of the
   * steps that could be redone), to check every state on the way back. */
  g_autoptr(GPtrArray) states = g_ptr_array_new_with_free_func (g_free);
  Fuzz f = { plan, rand, 500000, 0 };
  guint depth = 0;
  guint n_edits = 0, n_undos = 0, n_redos = 0;

  g_signal_connect (plan, "changed", G_CALLBACK (count_cb), &f.changed);
  g_ptr_array_add (states, checksum (plan));

  for (guint i = 0; i < N_RANDOM_EDITS; i++)
    {
      int what = g_rand_int_range (rand, 0, 20);

      if (what == 0 && depth > 0)
        {
          /* Undo a little on the way, then edit on (forgetting the redo
           * steps) or redo. */
          guint n = g_rand_int_range (rand, 1, 4);

          for (guint j = 0; j < n && depth > 0; j++)
            {
              g_autofree char *sum = NULL;

              g_assert_true (undo (plan));
              depth--;
              sum = checksum (plan);
              g_assert_cmpstr (sum, ==, g_ptr_array_index (states, depth));
              n_undos++;
            }

          /* Half the time, redo some of it at once. */
          n = g_rand_boolean (rand) ? g_rand_int_range (rand, 1, 4) : 0;
          for (guint j = 0; j < n && depth + 1 < states->len; j++)
            {
              g_autofree char *sum = NULL;

              g_assert_true (redo (plan));
              depth++;
              sum = checksum (plan);
              g_assert_cmpstr (sum, ==, g_ptr_array_index (states, depth));
              n_redos++;
            }
        }
      else
        {
          guint before = f.changed;

          random_edit (&f, 0);
          /* A step was recorded exactly when the plan changed. */
          if (f.changed != before)
            {
              g_assert_true (cohorts_history_can_undo (history_of (plan)));
              g_assert_false (cohorts_history_can_redo (history_of (plan)));
              depth++;
              g_ptr_array_set_size (states, depth);
              g_ptr_array_add (states, checksum (plan));
              n_edits++;
            }
        }

      assert_consistent (plan);
    }

  g_test_message ("%u steps recorded, %u undone and %u redone on the way; %u steps deep",
                  n_edits, n_undos, n_redos, depth);
  g_assert_cmpuint (n_edits, >, N_RANDOM_EDITS / 2);
  g_assert_cmpuint (depth, >, 100);

  edited = cohorts_plan_xml_to_bytes (plan);

  /* Undo everything: back to the very bytes the plan was loaded as, through
   * every state on the way. */
  while (depth > 0)
    {
      g_autofree char *sum = NULL;

      g_assert_true (undo (plan));
      depth--;
      sum = checksum (plan);
      g_assert_cmpstr (sum, ==, g_ptr_array_index (states, depth));
      assert_consistent (plan);
    }
  g_assert_false (cohorts_history_can_undo (history_of (plan)));
  g_assert_false (cohorts_plan_is_modified (plan));
  undone = cohorts_plan_xml_to_bytes (plan);
  assert_bytes_equal (undone, original, "after undoing everything");

  /* Redo everything: the edited plan again. */
  while (redo (plan))
    {
      g_autofree char *sum = NULL;

      depth++;
      sum = checksum (plan);
      g_assert_cmpstr (sum, ==, g_ptr_array_index (states, depth));
    }
  g_assert_cmpuint (depth + 1, ==, states->len);
  assert_consistent (plan);
  redone = cohorts_plan_xml_to_bytes (plan);
  assert_bytes_equal (redone, edited, "after redoing everything");

  g_signal_handlers_disconnect_by_data (plan, &f.changed);
}

/* Several schools moved or removed at once: one step each. */
static void
test_move_and_remove_schools (void)
{
  g_autoptr(CohortsPlan) plan = load_example ();
  g_autoptr(GBytes) before = cohorts_plan_xml_to_bytes (plan);
  g_autoptr(GBytes) after_undo = NULL;
  g_autoptr(GPtrArray) schools = g_ptr_array_new ();
  CohortsCohort *c4 = cohorts_plan_find_cohort (plan, "c4");
  CohortsHistory *history = cohorts_plan_get_history (plan);

  /* One unassigned, one from cohort 1, one already in cohort 4. */
  g_ptr_array_add (schools, school (plan, 938283));
  g_ptr_array_add (schools, school (plan, 938203));
  g_ptr_array_add (schools, school (plan, 938314));

  cohorts_plan_move_schools (plan, schools, c4);
  assert_undo_label (plan, "Move 2 Schools to Cohort 4");
  g_assert_cmpuint (cohorts_cohort_get_n_members (c4), ==, 3);
  {
    g_autoptr(CohortsSchool) first = g_list_model_get_item (cohorts_cohort_get_members (c4), 0);
    g_autoptr(CohortsSchool) last = g_list_model_get_item (cohorts_cohort_get_members (c4), 2);

    /* The school already there keeps its place; the others follow in order. */
    g_assert_cmpuint (cohorts_school_get_urn (first), ==, 938314);
    g_assert_cmpuint (cohorts_school_get_urn (last), ==, 938203);
  }

  /* Moving them where they are records nothing. */
  cohorts_plan_move_schools (plan, schools, c4);
  assert_undo_label (plan, "Move 2 Schools to Cohort 4");

  /* One school: named like a single move. */
  g_ptr_array_set_size (schools, 1);
  cohorts_plan_move_schools (plan, schools, NULL);
  assert_undo_label (plan, "Move to Unassigned");
  g_assert_true (cohorts_history_undo (history));

  g_ptr_array_set_size (schools, 0);
  g_ptr_array_add (schools, school (plan, 938112));
  g_ptr_array_add (schools, school (plan, 938127));
  cohorts_plan_remove_schools (plan, schools);
  assert_undo_label (plan, "Remove 2 Schools");
  g_assert_null (cohorts_plan_find_school (plan, 938112));
  g_assert_cmpuint (cohorts_plan_get_n_schools (plan), ==, 17);

  g_assert_true (cohorts_history_undo (history));
  g_assert_true (cohorts_history_undo (history));
  after_undo = cohorts_plan_xml_to_bytes (plan);
  g_assert_true (g_bytes_equal (before, after_undo));

  g_ptr_array_set_size (schools, 1);
  cohorts_plan_remove_schools (plan, schools);
  assert_undo_label (plan, "Remove School");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/history/edit/school-property", test_edit_school_property);
  g_test_add_func ("/history/edit/labels", test_edit_labels);
  g_test_add_func ("/history/edit/labels-unnamed-cohort", test_labels_unnamed_cohort);
  g_test_add_func ("/history/edit/several-properties", test_edit_several_properties);
  g_test_add_func ("/history/edit/plan-trust-cohort", test_edit_plan_trust_cohort);
  g_test_add_func ("/history/edit/value", test_edit_value);
  g_test_add_func ("/history/edit/no-op", test_edit_no_op);
  g_test_add_func ("/history/edit/no-op-after-cleaning", test_edit_no_op_after_cleaning);
  g_test_add_func ("/history/edit/text-cleaned", test_edit_text_cleaned);
  g_test_add_func ("/history/edit/notifies-object", test_edit_notifies_object);
  g_test_add_func ("/history/edit/urn-refused", test_edit_urn_refused);
  g_test_add_func ("/history/edit/foreign-object-refused", test_edit_foreign_object_refused);
  g_test_add_func ("/history/edit/plan-is-freed", test_edit_plan_is_freed);
  g_test_add_func ("/history/school/add", test_add_school);
  g_test_add_func ("/history/school/add-conflict", test_add_school_conflict);
  g_test_add_func ("/history/school/remove-in-cohort", test_remove_school_in_cohort);
  g_test_add_func ("/history/school/remove-unassigned", test_remove_school_unassigned);
  g_test_add_func ("/history/school/remove-first-and-last", test_remove_first_and_last);
  g_test_add_func ("/history/cohort/add", test_add_cohort);
  g_test_add_func ("/history/cohort/add-free-id", test_add_cohort_free_id);
  g_test_add_func ("/history/cohort/remove", test_remove_cohort);
  g_test_add_func ("/history/cohort/remove-empty", test_remove_cohort_empty);
  g_test_add_func ("/history/cohort/move", test_move_cohort);
  g_test_add_func ("/history/move/between-cohorts", test_move_between_cohorts);
  g_test_add_func ("/history/move/to-unassigned", test_move_to_unassigned);
  g_test_add_func ("/history/move/from-unassigned", test_move_from_unassigned);
  g_test_add_func ("/history/move/within-cohort", test_move_within_cohort);
  g_test_add_func ("/history/move/notifies-cohort", test_move_school_notifies_cohort);
  g_test_add_func ("/history/urn/set", test_set_school_urn);
  g_test_add_func ("/history/urn/refused", test_set_school_urn_refused);
  g_test_add_func ("/history/urn/swap", test_set_school_urn_swap);
  g_test_add_func ("/history/group/one-step", test_group);
  g_test_add_func ("/history/group/nested", test_group_nested);
  g_test_add_func ("/history/group/empty", test_group_empty);
  g_test_add_func ("/history/group/unfinished", test_group_unfinished);
  g_test_add_func ("/history/group/clears-redo", test_group_clears_redo);
  g_test_add_func ("/history/modified/flag", test_modified);
  g_test_add_func ("/history/modified/property", test_modified_property);
  g_test_add_func ("/history/modified/unsaved", test_modified_unsaved);
  g_test_add_func ("/history/signals/notifications", test_history_notifications);
  g_test_add_func ("/history/signals/notify-after-change", test_history_notify_after_change);
  g_test_add_func ("/history/signals/changed", test_changed_signal);
  g_test_add_func ("/history/redo-cleared-by-edit", test_redo_cleared_by_edit);
  g_test_add_func ("/history/undo-redo-empty", test_undo_redo_empty);
  g_test_add_func ("/history/clear", test_clear);
  g_test_add_func ("/history/move-and-remove-schools", test_move_and_remove_schools);
  g_test_add_func ("/history/edit/refuses-bad-formats", test_edit_refuses_bad_formats);
  g_test_add_func ("/history/build-plan", test_build_plan);
  g_test_add_func ("/history/random-edits", test_random_edits);

  return g_test_run ();
}
