/* test-window.c: the main window, driven as a person would, under Xvfb
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "cohorts-application.h"
#include "cohorts-plan-view.h"
#include "cohorts-plan-xml.h"
#include "cohorts-window.h"

#define EXAMPLE COHORTS_SOURCE_DIR "/data/examples/northfield.matplan"

static CohortsApplication *app;

/* Runs the main loop until @done returns TRUE, failing after a minute. */
static void
wait_until (gboolean (*done) (gpointer data),
            gpointer   data)
{
  /* Generous, for runs under valgrind; a normal run takes milliseconds. */
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (!done (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Timed out waiting for the window");
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static gboolean
plan_loaded (gpointer data)
{
  return cohorts_window_get_plan (data) != NULL;
}

static void
collect_labels (GtkWidget *widget,
                GString   *out)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget))
    {
      g_string_append (out, gtk_label_get_text (GTK_LABEL (widget)));
      g_string_append_c (out, '\n');
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_labels (child, out);
}

static char *
visible_text (GtkWidget *widget)
{
  GString *out = g_string_new (NULL);

  collect_labels (widget, out);
  return g_string_free (out, FALSE);
}

typedef struct
{
  GtkWidget *widget;
  const char *needle;
  gboolean present;
} TextWait;

static gboolean
text_state_reached (gpointer data)
{
  TextWait *wait = data;
  g_autofree char *text = visible_text (wait->widget);

  return (strstr (text, wait->needle) != NULL) == wait->present;
}

/* Waits until @needle is (or is no longer) on screen in @widget. */
static void
wait_for_text (GtkWidget  *widget,
               const char *needle,
               gboolean    present)
{
  TextWait wait = { widget, needle, present };

  wait_until (text_state_reached, &wait);
}

static CohortsWindow *
open_window (GFile *file)
{
  CohortsWindow *window = cohorts_window_new (app);

  cohorts_window_open_file (window, file);
  gtk_window_present (GTK_WINDOW (window));
  wait_until (plan_loaded, window);
  /* Wait until it has laid out and drawn the first school. */
  wait_for_text (GTK_WIDGET (window), "Northfield High School\n", TRUE);
  return window;
}

static GtkWidget *
find_widget (GtkWidget *widget,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);
      if (found)
        return found;
    }
  return NULL;
}

static AdwMessageDialog *
find_dialog (GtkWindow *parent)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_window_get_transient_for (window) == parent &&
          gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);
      if (found)
        return found;
    }
  return NULL;
}

/* Clicks the dialog's button labelled @label, as a person would. */
static void
click (AdwMessageDialog *dialog,
       const char       *label)
{
  GtkWidget *button = find_button (GTK_WIDGET (dialog), label);

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
}

static gboolean
dialog_shown (gpointer data)
{
  return find_dialog (data) != NULL;
}

static gboolean
dialog_gone (gpointer data)
{
  return find_dialog (data) == NULL;
}

static gboolean
window_gone (gpointer data)
{
  GWeakRef *ref = data;
  g_autoptr(GObject) object = g_weak_ref_get (ref);

  return object == NULL || !gtk_widget_get_visible (GTK_WIDGET (object));
}

static GFile *
copy_example (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "northfield.matplan", NULL);
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (EXAMPLE, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  return g_file_new_for_path (path);
}

static const char *
title_of (CohortsWindow *window)
{
  return adw_window_title_get_title (ADW_WINDOW_TITLE (find_widget (GTK_WIDGET (window), ADW_TYPE_WINDOW_TITLE)));
}

static void
test_shows_plan (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (EXAMPLE);
  CohortsWindow *window = open_window (file);
  CohortsPlanView *view = COHORTS_PLAN_VIEW (find_widget (GTK_WIDGET (window), COHORTS_TYPE_PLAN_VIEW));
  AdwWindowTitle *title = ADW_WINDOW_TITLE (find_widget (GTK_WIDGET (window), ADW_TYPE_WINDOW_TITLE));
  GListModel *rows = cohorts_plan_view_get_rows (view);
  g_autofree char *text = NULL;
  g_autoptr(GtkTreeListRow) first = NULL;
  g_autoptr(GtkTreeListRow) second = NULL;
  g_autoptr(GtkTreeListRow) last = NULL;
  g_autoptr(GObject) first_item = NULL;
  g_autoptr(GObject) second_item = NULL;
  g_autoptr(GObject) last_item = NULL;

  g_assert_cmpstr (adw_window_title_get_title (title), ==, "Northfield Learning Trust");
  g_assert_cmpstr (adw_window_title_get_subtitle (title), ==, "northfield.matplan");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Northfield Learning Trust — Cohorts");

  /* Five cohorts and the unassigned group, all expanded: 6 + 19 rows. */
  g_assert_nonnull (rows);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 25);

  first = g_list_model_get_item (rows, 0);
  first_item = gtk_tree_list_row_get_item (first);
  g_assert_true (COHORTS_IS_COHORT (first_item));
  g_assert_cmpstr (cohorts_cohort_get_name (COHORTS_COHORT (first_item)), ==, "Cohort 1");

  second = g_list_model_get_item (rows, 1);
  second_item = gtk_tree_list_row_get_item (second);
  g_assert_true (COHORTS_IS_SCHOOL (second_item));
  g_assert_cmpstr (cohorts_school_get_name (COHORTS_SCHOOL (second_item)), ==, "Northfield High School");

  /* The unassigned schools come last, under their own heading. */
  last = g_list_model_get_item (rows, 24);
  last_item = gtk_tree_list_row_get_item (last);
  g_assert_true (COHORTS_IS_SCHOOL (last_item));
  g_assert_null (cohorts_school_get_cohort (COHORTS_SCHOOL (last_item)));

  /* What a person sees: the trust, the facts, the first cohort's schools. */
  text = visible_text (GTK_WIDGET (window));
  g_assert_nonnull (strstr (text, "Northfield Learning Trust\n"));
  g_assert_nonnull (strstr (text, "Forming a new multi-academy trust · UKPRN 10098765 · central team runs 6 "
                                  "conversions at once · 5 conversions a term · top-slice 5%\n"));
  g_assert_nonnull (strstr (text, "19 schools · 5 cohorts · 2 unassigned · 6 church schools · Starts 1 September 2026"));
  g_assert_nonnull (strstr (text, "Cohort 1\n5 schools · Agreed\n"));
  g_assert_nonnull (strstr (text, "Northfield High School\n938112\nHigh\n13–18\nCommunity\n"));
  g_assert_nonnull (strstr (text, "Castle Mead Middle School\n"));
  g_assert_nonnull (strstr (text, "1 April 2027\n"));

  /* The example has no problems. */
  g_assert_cmpstr (gtk_widget_get_tooltip_text (gtk_widget_get_ancestor (find_widget (GTK_WIDGET (window),
                                                                                       GTK_TYPE_LIST_BOX),
                                                                         GTK_TYPE_MENU_BUTTON)),
                   ==, "No problems in the plan");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_follows_edits (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (EXAMPLE);
  CohortsWindow *window = open_window (file);
  CohortsPlan *plan = cohorts_window_get_plan (window);
  CohortsSchool *high = cohorts_plan_find_school (plan, 938112);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;

  g_assert_nonnull (high);
  before = visible_text (GTK_WIDGET (window));
  g_assert_nonnull (strstr (before, "Northfield High School\n"));
  g_assert_cmpstr (title_of (window), ==, "Northfield Learning Trust");

  cohorts_plan_edit (plan, high, "name", "Northfield Academy", NULL);
  wait_for_text (GTK_WIDGET (window), "Northfield Academy\n", TRUE);
  after = visible_text (GTK_WIDGET (window));
  g_assert_null (strstr (after, "Northfield High School\n"));
  g_assert_nonnull (strstr (after, "Northfield Academy\n"));
  g_assert_cmpstr (title_of (window), ==, "• Northfield Learning Trust");

  g_assert_true (cohorts_history_undo (cohorts_plan_get_history (plan)));
  wait_for_text (GTK_WIDGET (window), "Northfield High School\n", TRUE);
  undone = visible_text (GTK_WIDGET (window));
  g_assert_nonnull (strstr (undone, "Northfield High School\n"));
  g_assert_cmpstr (title_of (window), ==, "Northfield Learning Trust");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_close_asks_then_saves (void)
{
  g_autofree char *dir = g_dir_make_tmp ("cohorts-window-XXXXXX", NULL);
  g_autoptr(GFile) file = copy_example (dir);
  g_autofree char *original = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *backup_path = NULL;
  CohortsWindow *window = open_window (file);
  CohortsPlan *plan = cohorts_window_get_plan (window);
  CohortsSchool *school = cohorts_plan_find_school (plan, 938203);
  g_autoptr(GBytes) expected = NULL;
  AdwMessageDialog *dialog;
  GWeakRef ref;

  g_assert_true (g_file_get_contents (g_file_peek_path (file), &original, NULL, NULL));

  cohorts_plan_edit (plan, school, "pupils", 300, NULL);
  g_assert_true (cohorts_plan_is_modified (plan));

  /* Closing asks; Cancel keeps the window and the changes. */
  gtk_window_close (GTK_WINDOW (window));
  wait_until (dialog_shown, window);
  dialog = find_dialog (GTK_WINDOW (window));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Save Changes?");
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==,
                   "“northfield.matplan” has unsaved changes. Changes which are not saved will be "
                   "permanently lost.");
  click (dialog, "_Cancel");
  wait_until (dialog_gone, window);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_true (cohorts_plan_is_modified (plan));

  /* Save saves, then closes. */
  expected = cohorts_plan_xml_to_bytes (plan);
  g_weak_ref_init (&ref, window);
  gtk_window_close (GTK_WINDOW (window));
  wait_until (dialog_shown, window);
  click (find_dialog (GTK_WINDOW (window)), "_Save");
  wait_until (window_gone, &ref);
  g_weak_ref_clear (&ref);

  g_assert_true (g_file_get_contents (g_file_peek_path (file), &saved, NULL, NULL));
  g_assert_cmpstr (saved, ==, (const char *) g_bytes_get_data (expected, NULL));
  g_assert_nonnull (strstr (saved, "<school urn=\"938203\" phase=\"first\" type=\"community\" low-age=\"4\" "
                                   "high-age=\"9\" religious-character=\"none\" pupils=\"300\""));

  /* The previous version is kept beside it. */
  backup_path = g_strconcat (g_file_peek_path (file), "~", NULL);
  g_assert_true (g_file_get_contents (backup_path, &backup, NULL, NULL));
  g_assert_cmpstr (backup, ==, original);

  g_unlink (backup_path);
  g_unlink (g_file_peek_path (file));
  g_rmdir (dir);
}

static void
test_close_discards (void)
{
  g_autofree char *dir = g_dir_make_tmp ("cohorts-window-XXXXXX", NULL);
  g_autoptr(GFile) file = copy_example (dir);
  g_autofree char *original = NULL;
  g_autofree char *after = NULL;
  CohortsWindow *window = open_window (file);
  CohortsPlan *plan = cohorts_window_get_plan (window);
  GWeakRef ref;

  g_assert_true (g_file_get_contents (g_file_peek_path (file), &original, NULL, NULL));
  cohorts_plan_edit (plan, cohorts_plan_get_trust (plan), "name", "Renamed Trust", NULL);

  g_weak_ref_init (&ref, window);
  gtk_window_close (GTK_WINDOW (window));
  wait_until (dialog_shown, window);
  click (find_dialog (GTK_WINDOW (window)), "_Discard");
  wait_until (window_gone, &ref);
  g_weak_ref_clear (&ref);

  g_assert_true (g_file_get_contents (g_file_peek_path (file), &after, NULL, NULL));
  g_assert_cmpstr (after, ==, original);

  g_unlink (g_file_peek_path (file));
  g_rmdir (dir);
}

static gboolean
list_has_rows (gpointer data)
{
  return gtk_list_box_get_row_at_index (GTK_LIST_BOX (data), 0) != NULL;
}

static gboolean
not_saving (gpointer data)
{
  return gtk_widget_is_sensitive (data) && !cohorts_plan_is_modified (cohorts_window_get_plan (data));
}

static void
test_save_action (void)
{
  g_autofree char *dir = g_dir_make_tmp ("cohorts-window-XXXXXX", NULL);
  g_autoptr(GFile) file = copy_example (dir);
  g_autofree char *saved = NULL;
  g_autofree char *backup_path = g_strconcat (g_file_peek_path (file), "~", NULL);
  CohortsWindow *window = open_window (file);
  CohortsPlan *plan = cohorts_window_get_plan (window);
  CohortsCohort *cohort = cohorts_plan_find_cohort (plan, "c2");

  cohorts_plan_move_school (plan, cohorts_plan_find_school (plan, 938151), cohort, 0);
  g_assert_cmpstr (title_of (window), ==, "• Northfield Learning Trust");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  wait_until (not_saving, window);
  g_assert_cmpstr (title_of (window), ==, "Northfield Learning Trust");

  g_assert_true (g_file_get_contents (g_file_peek_path (file), &saved, NULL, NULL));
  g_assert_nonnull (strstr (saved, "<name>Cohort 2</name>\n      <member urn=\"938151\"/>\n"));

  /* Closing a saved plan asks nothing. */
  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (backup_path);
  g_unlink (g_file_peek_path (file));
  g_rmdir (dir);
}

static void
test_open_error (void)
{
  g_autofree char *dir = g_dir_make_tmp ("cohorts-window-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "broken.matplan", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  CohortsWindow *window = cohorts_window_new (app);
  AdwMessageDialog *dialog;
  g_autofree char *text = NULL;

  g_assert_true (g_file_set_contents (path,
                                      "<?xml version=\"1.0\"?>\n"
                                      "<plan xmlns=\"urn:io.github.cohorts:matplan\" format-version=\"1\">\n"
                                      "  <trust kind=\"forming-mat\"><name>T</name></trust>\n"
                                      "  <schools>\n"
                                      "    <school urn=\"912345\" phase=\"frist\"><name>A</name></school>\n"
                                      "  </schools>\n"
                                      "  <cohorts/>\n"
                                      "</plan>\n", -1, NULL));

  cohorts_window_open_file (window, file);
  gtk_window_present (GTK_WINDOW (window));
  wait_until (dialog_shown, window);
  dialog = find_dialog (GTK_WINDOW (window));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Open Plan");
  g_assert_true (g_str_has_prefix (adw_message_dialog_get_body (dialog),
                                   "broken.matplan:5: <school> phase=\"frist\" is not one of the known values"));
  click (dialog, "_Close");

  /* The window is back to its empty page, ready for another file. */
  g_assert_null (cohorts_window_get_plan (window));
  g_assert_true (cohorts_window_is_empty (window));
  wait_for_text (GTK_WIDGET (window), "No Plan Open\n", TRUE);

  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_findings (void)
{
  g_autofree char *dir = g_dir_make_tmp ("cohorts-window-XXXXXX", NULL);
  g_autoptr(GFile) file = copy_example (dir);
  CohortsWindow *window = open_window (file);
  CohortsPlan *plan = cohorts_window_get_plan (window);
  GtkWidget *list;
  g_autofree char *text = NULL;

  list = find_widget (GTK_WIDGET (window), GTK_TYPE_LIST_BOX);
  g_assert_nonnull (list);

  cohorts_plan_edit (plan, cohorts_plan_find_cohort (plan, "c2"), "date", cohorts_date_new (2027, 9, 15), NULL);
  wait_until (list_has_rows, list);

  g_assert_nonnull (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0));
  g_assert_null (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 1));
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_ancestor (list, GTK_TYPE_MENU_BUTTON)));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (gtk_widget_get_ancestor (list, GTK_TYPE_MENU_BUTTON)), ==,
                   "1 problem in the plan");

  /* Show the popover and read it. */
  gtk_menu_button_popup (GTK_MENU_BUTTON (gtk_widget_get_ancestor (list, GTK_TYPE_MENU_BUTTON)));
  wait_for_text (list, "Move it to 1 September 2027 or 1 October 2027.", TRUE);
  text = visible_text (list);
  g_assert_nonnull (strstr (text, "Cohort 2 converts on 15 September 2027; academies open only on the 1st of a month."));
  g_assert_nonnull (strstr (text, "Move it to 1 September 2027 or 1 October 2027."));

  /* Undo: the problem goes; the list says all is clear. */
  cohorts_history_undo (cohorts_plan_get_history (plan));
  wait_for_text (list, "No problems found\n", TRUE);
  g_assert_null (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (gtk_widget_get_ancestor (list, GTK_TYPE_MENU_BUTTON)), ==,
                   "No problems in the plan");

  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (g_file_peek_path (file));
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      /* In CI a skipped GUI test is a failure: skip only when asked to. */
      if (g_strcmp0 (g_getenv ("COHORTS_TEST_ALLOW_SKIP"), "1") == 0)
        {
          g_test_skip ("No display (COHORTS_TEST_ALLOW_SKIP=1)");
          return 77;
        }
      g_printerr ("No display: run the GUI tests under Xvfb (xvfb-run -a meson test ...)\n");
      return 1;
    }

  app = cohorts_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  g_test_add_func ("/window/shows-plan", test_shows_plan);
  g_test_add_func ("/window/follows-edits", test_follows_edits);
  g_test_add_func ("/window/close/asks-then-saves", test_close_asks_then_saves);
  g_test_add_func ("/window/close/discards", test_close_discards);
  g_test_add_func ("/window/save-action", test_save_action);
  g_test_add_func ("/window/open-error", test_open_error);
  g_test_add_func ("/window/findings", test_findings);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
