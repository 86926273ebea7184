/* test-window.c: the main window, driven as a person would, under Xvfb
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cohorts-application.h"
#include "cohorts-checks.h"
#include "cohorts-church-group.h"
#include "cohorts-date-button.h"
#include "cohorts-diocese.h"
#include "cohorts-editor.h"
#include "cohorts-export.h"
#include "cohorts-framework-group.h"
#include "cohorts-schedule-group.h"
#include "cohorts-school-list.h"
#include "cohorts-sidebar.h"
#include "cohorts-step-row.h"
#include "cohorts-steps-group.h"
#include "cohorts-timeline.h"
#include "cohorts-plan-xml.h"
#include "cohorts-print-operation.h"
#include "cohorts-readiness-group.h"
#include "cohorts-review-group.h"
#include "cohorts-register.h"
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

/* Runs what is pending: idle refreshes, a frame. */
static void
settle (void)
{
  for (int i = 0; i < 3; i++)
    while (g_main_context_pending (NULL))
      g_main_context_iteration (NULL, FALSE);
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

static GtkWidget *find_widget (GtkWidget *widget,
                               GType      type);

static gboolean
editor_complete (gpointer data)
{
  CohortsEditor *editor = COHORTS_EDITOR (find_widget (GTK_WIDGET (data), COHORTS_TYPE_EDITOR));

  return editor == NULL || cohorts_editor_is_complete (editor);
}

static CohortsWindow *
open_window (GFile *file)
{
  CohortsWindow *window;

  /* Each test starts on the list of schools, whatever the last one left. */
  g_settings_reset (cohorts_application_get_settings (app), "view");
  window = cohorts_window_new (app);

  cohorts_window_open_file (window, file);
  gtk_window_present (GTK_WINDOW (window));
  wait_until (plan_loaded, window);
  /* Wait until it has laid out and drawn the first school, and the editor
   * has put the groups that wait for the first frame on its page. */
  wait_for_text (GTK_WIDGET (window), "Northfield High School\n", TRUE);
  wait_until (editor_complete, window);
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
list_has_rows (gpointer data)
{
  return gtk_list_box_get_row_at_index (GTK_LIST_BOX (data), 0) != NULL;
}

/* What the problems button says of @plan. The checks run as of today, and
 * the example's first steps fall due as time goes by (they are overdue
 * from September 2026), so the count is the checks' own. */
static char *
problems_tooltip (CohortsPlan *plan,
                  guint       *n_problems)
{
  g_autoptr(GPtrArray) findings = cohorts_checks_run (plan);

  if (n_problems != NULL)
    *n_problems = findings->len;
  if (findings->len == 0)
    return g_strdup ("No problems in the plan");
  if (findings->len == 1)
    return g_strdup ("1 problem in the plan");
  return g_strdup_printf ("%u problems in the plan", findings->len);
}

typedef struct
{
  GtkWidget *widget;
  const char *tooltip;
} TooltipWait;

static gboolean
tooltip_reached (gpointer data)
{
  TooltipWait *wait = data;

  return g_strcmp0 (gtk_widget_get_tooltip_text (wait->widget), wait->tooltip) == 0;
}

/* Waits until @widget's tooltip is @tooltip. */
static void
wait_for_tooltip (GtkWidget  *widget,
                  const char *tooltip)
{
  TooltipWait wait = { widget, tooltip };

  wait_until (tooltip_reached, &wait);
}

static gboolean
not_saving (gpointer data)
{
  return gtk_widget_is_sensitive (data) && !cohorts_plan_is_modified (cohorts_window_get_plan (data));
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

static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);
      if (found)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_named_toplevel (const char *name)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (g_strcmp0 (gtk_widget_get_name (window), name) == 0 && gtk_widget_get_visible (window))
        return window;
    }
  return NULL;
}

static CohortsSidebar *
sidebar_of (CohortsWindow *window)
{
  return COHORTS_SIDEBAR (find_widget (GTK_WIDGET (window), COHORTS_TYPE_SIDEBAR));
}

static CohortsSchoolList *
list_of (CohortsWindow *window)
{
  return COHORTS_SCHOOL_LIST (find_widget (GTK_WIDGET (window), COHORTS_TYPE_SCHOOL_LIST));
}

static CohortsEditor *
editor_of (CohortsWindow *window)
{
  return COHORTS_EDITOR (find_widget (GTK_WIDGET (window), COHORTS_TYPE_EDITOR));
}

/* Selects @school alone in the list, as a click would. */
static void
select_school (CohortsWindow *window,
               guint          urn)
{
  CohortsSchool *school = cohorts_plan_find_school (cohorts_window_get_plan (window), urn);

  g_assert_nonnull (school);
  cohorts_school_list_select_school (list_of (window), school);
  g_assert_true (cohorts_editor_get_subject (editor_of (window)) == G_OBJECT (school));
}

/* Types @text into the editor's row for @property and presses Enter. */
static void
type_into (CohortsWindow *window,
           const char    *property,
           const char    *text)
{
  GtkWidget *row = cohorts_editor_get_row (editor_of (window), property);

  g_assert_nonnull (row);
  g_assert_true (ADW_IS_ENTRY_ROW (row));
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_emit_by_name (row, "entry-activated");
}

/* The target of the item of @menu (its sections and submenus too) that
 * activates @action, or NULL if it has no such item. */
static GVariant *
menu_target (GMenuModel *menu,
             const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *name = NULL;
      const char *links[] = { G_MENU_LINK_SECTION, G_MENU_LINK_SUBMENU };

      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &name) &&
          g_str_equal (name, action))
        return g_menu_model_get_item_attribute_value (menu, i, G_MENU_ATTRIBUTE_TARGET, NULL);
      for (guint j = 0; j < G_N_ELEMENTS (links); j++)
        {
          g_autoptr(GMenuModel) link = g_menu_model_get_item_link (menu, i, links[j]);
          GVariant *target = link != NULL ? menu_target (link, action) : NULL;

          if (target != NULL)
            return target;
        }
    }
  return NULL;
}

static const char *
undo_menu_label (CohortsWindow *window)
{
  static char label[256];
  GMenuModel *menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (find_named (GTK_WIDGET (window),
                                                                                   "primary-menu-button")));
  g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, 0, G_MENU_LINK_SECTION);
  g_autofree char *text = NULL;

  g_assert_true (g_menu_model_get_item_attribute (section, 0, G_MENU_ATTRIBUTE_LABEL, "s", &text));
  g_strlcpy (label, text, sizeof label);
  return label;
}

static guint
shown_count (CohortsWindow *window)
{
  return g_list_model_get_n_items (cohorts_school_list_get_shown (list_of (window)));
}

static guint
shown_urn (CohortsWindow *window,
           guint          position)
{
  g_autoptr(CohortsSchool) school = g_list_model_get_item (cohorts_school_list_get_shown (list_of (window)),
                                                           position);
  return cohorts_school_get_urn (school);
}

static void
select_sidebar_row (CohortsWindow *window,
                    guint          position)
{
  GtkWidget *row = cohorts_sidebar_get_row (sidebar_of (window), position);

  g_assert_nonnull (row);
  gtk_list_box_select_row (GTK_LIST_BOX (gtk_widget_get_parent (row)), GTK_LIST_BOX_ROW (row));
}

static void
test_shows_plan (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (EXAMPLE);
  CohortsWindow *window = open_window (file);
  AdwWindowTitle *title = ADW_WINDOW_TITLE (find_widget (GTK_WIDGET (window), ADW_TYPE_WINDOW_TITLE));
  g_autofree char *sidebar = NULL;
  g_autofree char *text = NULL;

  g_assert_cmpstr (adw_window_title_get_title (title), ==, "Northfield Learning Trust");
  g_assert_cmpstr (adw_window_title_get_subtitle (title), ==, "northfield.matplan");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Northfield Learning Trust — Cohorts");

  /* The sidebar: all schools, the cohorts with their dates and sizes, the unassigned. */
  sidebar = visible_text (GTK_WIDGET (sidebar_of (window)));
  g_assert_nonnull (strstr (sidebar,
                            "All Schools\n19 schools\n"
                            "Cohort 1\n1 April 2027 · 5 schools\n"
                            "Cohort 2\n1 September 2027 · 5 schools\n"
                            "Cohort 3\n1 April 2028 · 5 schools\n"
                            "Cohort 4\n1 September 2028 · 1 school\n"
                            "Cohort 5\n1 January 2029 · 1 school\n"
                            "Unassigned\n2 schools\n"));

  /* All schools are listed, in plan order. */
  g_assert_cmpuint (shown_count (window), ==, 19);
  g_assert_cmpuint (shown_urn (window, 0), ==, 938112);
  text = visible_text (GTK_WIDGET (list_of (window)));
  g_assert_nonnull (strstr (text, "Northfield High School\n938112\nHigh\n"));

  /* With nothing selected, the editor shows the plan and its trust. */
  g_assert_true (cohorts_editor_get_subject (editor_of (window)) ==
                 G_OBJECT (cohorts_window_get_plan (window)));
  g_clear_pointer (&text, g_free);
  text = visible_text (GTK_WIDGET (editor_of (window)));
  g_assert_nonnull (strstr (text, "Plan Settings\n"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cohorts_editor_get_row (editor_of (window), "name"))), ==,
                   "Northfield Learning Trust");

  /* A cohort shows its members in their order, and the editor edits it. */
  select_sidebar_row (window, 1);
  g_assert_cmpuint (shown_count (window), ==, 5);
  g_assert_cmpuint (shown_urn (window, 0), ==, 938112);
  g_assert_cmpuint (shown_urn (window, 1), ==, 938127);
  g_assert_true (COHORTS_IS_COHORT (cohorts_editor_get_subject (editor_of (window))));

  /* The example breaks no planning rule; it has the steps overdue today and
   * two capacity findings (church share, pupils), which the Problems list
   * shows like any other. */
  {
    g_autofree char *tooltip = problems_tooltip (cohorts_window_get_plan (window), NULL);
    g_autoptr(GPtrArray) findings = cohorts_checks_run_at (cohorts_window_get_plan (window),
                                                           COHORTS_DATE_NONE);

    g_assert_cmpuint (findings->len, ==, 2);
    g_assert_cmpstr (((CohortsFinding *) findings->pdata[0])->code, ==, "capacity-church-share");
    g_assert_cmpstr (((CohortsFinding *) findings->pdata[1])->code, ==, "capacity-growth");
    g_assert_cmpstr (gtk_widget_get_tooltip_text (gtk_widget_get_ancestor (find_named (GTK_WIDGET (window),
                                                                                       "findings-list"),
                                                                           GTK_TYPE_MENU_BUTTON)),
                     ==, tooltip);
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The timeline's key can be put away, and comes back. */
static void
test_timeline_key (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (EXAMPLE);
  CohortsWindow *window = open_window (file);
  GtkWidget *toggle = find_named (GTK_WIDGET (window), "timeline-key-toggle");
  GtkWidget *legend = find_named (GTK_WIDGET (window), "timeline-legend");

  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (toggle)));
  g_assert_true (gtk_widget_get_visible (legend));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle), FALSE);
  g_assert_false (gtk_widget_get_visible (legend));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle), TRUE);
  g_assert_true (gtk_widget_get_visible (legend));
  gtk_window_destroy (GTK_WINDOW (window));
  settle ();
}

static void
test_follows_edits (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (EXAMPLE);
  CohortsWindow *window = open_window (file);
  CohortsPlan *plan = cohorts_window_get_plan (window);
  CohortsSchool *high = cohorts_plan_find_school (plan, 938112);

  g_assert_nonnull (high);
  g_assert_cmpstr (title_of (window), ==, "Northfield Learning Trust");

  cohorts_plan_edit (plan, high, "name", "Northfield Academy", NULL);
  wait_for_text (GTK_WIDGET (window), "Northfield Academy\n", TRUE);
  wait_for_text (GTK_WIDGET (window), "Northfield High School\n", FALSE);
  g_assert_cmpstr (title_of (window), ==, "• Northfield Learning Trust");

  g_assert_true (cohorts_history_undo (cohorts_plan_get_history (plan)));
  wait_for_text (GTK_WIDGET (window), "Northfield High School\n", TRUE);
  g_assert_cmpstr (title_of (window), ==, "Northfield Learning Trust");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Editing through the editor's rows, undo and redo named in the menu. */
static void
test_edit_field (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (EXAMPLE);
  CohortsWindow *window = open_window (file);
  CohortsPlan *plan = cohorts_window_get_plan (window);
  CohortsSchool *school = cohorts_plan_find_school (plan, 938203);
  GtkWidget *row;

  g_assert_cmpstr (undo_menu_label (window), ==, "_Undo");

  select_school (window, 938203);
  row = cohorts_editor_get_row (editor_of (window), "pupils");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "268");

  type_into (window, "pupils", "300");
  g_assert_cmpint (cohorts_school_get_pupils (school), ==, 300);
  g_assert_cmpstr (undo_menu_label (window), ==, "_Undo Edit Pupils on roll");

  /* A value the plan cannot hold is refused, and nothing changes. */
  type_into (window, "pupils", "lots");
  g_assert_cmpint (cohorts_school_get_pupils (school), ==, 300);
  g_assert_true (gtk_widget_has_css_class (row, "error"));

  /* A drop-down row. */
  row = cohorts_editor_get_row (editor_of (window), "phase");
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), COHORTS_PHASE_PRIMARY);
  g_assert_cmpint (cohorts_school_get_phase (school), ==, COHORTS_PHASE_PRIMARY);
  g_assert_cmpstr (undo_menu_label (window), ==, "_Undo Edit Phase");

  /* A switch. */
  row = cohorts_editor_get_row (editor_of (window), "rural");
  gtk_switch_set_active (GTK_SWITCH (g_object_get_data (G_OBJECT (row), "switch")), TRUE);
  g_assert_true (cohorts_school_get_rural (school));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_false (cohorts_school_get_rural (school));
  g_assert_cmpint (cohorts_school_get_phase (school), ==, COHORTS_PHASE_FIRST);
  /* The editor shows the model as it is now. */
  settle ();
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (cohorts_editor_get_row (editor_of (window),
                                                                                        "phase"))),
                    ==, COHORTS_PHASE_FIRST);
  g_assert_cmpstr (undo_menu_label (window), ==, "_Undo Edit Pupils on roll");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpint (cohorts_school_get_pupils (school), ==, 268);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  g_assert_cmpint (cohorts_school_get_pupils (school), ==, 300);

  /* A notes field is applied when it loses the focus. */
  row = cohorts_editor_get_row (editor_of (window), "notes");
  gtk_widget_grab_focus (row);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (row)), "Governors met in March.", -1);
  gtk_widget_grab_focus (cohorts_editor_get_row (editor_of (window), "name"));
  g_assert_cmpstr (cohorts_school_get_notes (school), ==, "Governors met in March.");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Drops @a and @b (nullable) on the sidebar's row @index, as a drag
 * delivers them. Returns: whether the row took them. */
static gboolean
drop_on_sidebar (CohortsWindow *window,
                 guint          index,
                 CohortsSchool *a,
                 CohortsSchool *b)
{
  GtkWidget *row = cohorts_sidebar_get_row (sidebar_of (window), index);
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (row);
  g_autoptr(GListStore) dragged = g_list_store_new (COHORTS_TYPE_SCHOOL);
  g_auto(GValue) value = G_VALUE_INIT;
  gboolean accepted = FALSE;

  g_list_store_append (dragged, a);
  if (b != NULL)
    g_list_store_append (dragged, b);
  g_value_init (&value, G_TYPE_LIST_MODEL);
  g_value_set_object (&value, dragged);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller) &&
          gtk_drop_target_get_formats (GTK_DROP_TARGET (controller)) != NULL &&
          gdk_content_formats_contain_gtype (gtk_drop_target_get_formats (GTK_DROP_TARGET (controller)),
                                             G_TYPE_LIST_MODEL))
        g_signal_emit_by_name (controller, "drop", &value, 10.0, 10.0, &accepted);
    }
  return accepted;
}

/* Moving schools with the menu's action, as the Menu key offers it. */
static void
test_move_schools (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (EXAMPLE);
  CohortsWindow *window = open_window (file);
  CohortsPlan *plan = cohorts_window_get_plan (window);
  CohortsSchool *school = cohorts_plan_find_school (plan, 938283);
  CohortsCohort *c2 = cohorts_plan_find_cohort (plan, "c2");

  g_assert_null (cohorts_school_get_cohort (school));
  select_school (window, 938283);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.move-schools", "s", "c2"));
  g_assert_true (cohorts_school_get_cohort (school) == c2);
  g_assert_cmpuint (cohorts_cohort_get_n_members (c2), ==, 6);
  g_assert_cmpstr (undo_menu_label (window), ==, "_Undo Move to Cohort 2");
  wait_for_text (GTK_WIDGET (sidebar_of (window)), "Cohort 2\n1 September 2027 · 6 schools\n", TRUE);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_null (cohorts_school_get_cohort (school));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  g_assert_true (cohorts_school_get_cohort (school) == c2);

  /* To unassigned. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.move-schools", "s", ""));
  g_assert_null (cohorts_school_get_cohort (school));
  g_assert_cmpstr (undo_menu_label (window), ==, "_Undo Move to Unassigned");

  /* Dropped on a cohort's row in the sidebar (what a drag delivers). */
  {
    g_assert_true (drop_on_sidebar (window, 4, school, cohorts_plan_find_school (plan, 938151)));  /* Cohort 4 */
    g_assert_true (cohorts_school_get_cohort (school) == cohorts_plan_find_cohort (plan, "c4"));
    g_assert_true (cohorts_school_get_cohort (cohorts_plan_find_school (plan, 938151)) ==
                   cohorts_plan_find_cohort (plan, "c4"));
    g_assert_cmpstr (undo_menu_label (window), ==, "_Undo Move 2 Schools to Cohort 4");
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* New cohort, its name and date set in the editor, then deleted and undone. */
static void
test_cohorts (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (EXAMPLE);
  CohortsWindow *window = open_window (file);
  CohortsPlan *plan = cohorts_window_get_plan (window);
  CohortsCohort *cohort, *c3;
  GtkWidget *row;
  GtkWidget *button;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-cohort", NULL));
  g_assert_cmpuint (cohorts_plan_get_n_cohorts (plan), ==, 6);
  cohort = COHORTS_COHORT (cohorts_editor_get_subject (editor_of (window)));
  g_assert_cmpstr (cohorts_cohort_get_name (cohort), ==, "Cohort 6");
  /* After the last cohort (1 January 2029): the next 1 September. */
  g_assert_cmpuint (cohorts_cohort_get_date (cohort), ==, cohorts_date_new (2029, 9, 1));

  type_into (window, "name", "Growth 2029");
  g_assert_cmpstr (cohorts_cohort_get_name (cohort), ==, "Growth 2029");

  /* The month picker opens on the cohort's year (2029): March is 1 March 2029. */
  row = cohorts_editor_get_row (editor_of (window), "date");
  gtk_menu_button_popup (GTK_MENU_BUTTON (g_object_get_data (G_OBJECT (row), "button")));
  button = find_button (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (g_object_get_data (G_OBJECT (row),
                                                                                                  "button")))),
                        "Mar");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpuint (cohorts_cohort_get_date (cohort), ==, cohorts_date_new (2029, 3, 1));

  /* Moving and deleting cohorts. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.cohort-move-up", NULL));
  g_assert_true (g_list_model_get_item (cohorts_plan_get_cohorts (plan), 4) == (gpointer) cohort);
  g_object_unref (cohort);
  /* The sidebar follows the new order. */
  wait_for_text (GTK_WIDGET (sidebar_of (window)),
                 "Cohort 4\n1 September 2028 · 1 school\n"
                 "Growth 2029\n1 March 2029 · 0 schools\n"
                 "Cohort 5\n1 January 2029 · 1 school\n", TRUE);

  c3 = cohorts_plan_find_cohort (plan, "c3");
  cohorts_sidebar_select_cohort (sidebar_of (window), c3);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.cohort-delete", NULL));
  g_assert_null (cohorts_plan_find_cohort (plan, "c3"));
  g_assert_cmpuint (g_list_model_get_n_items (cohorts_plan_get_unassigned (plan)), ==, 7);
  g_assert_cmpstr (undo_menu_label (window), ==, "_Undo Delete Cohort 3");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_nonnull (cohorts_plan_find_cohort (plan, "c3"));
  g_assert_cmpuint (cohorts_cohort_get_n_members (c3), ==, 5);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_add_and_remove_school (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (EXAMPLE);
  CohortsWindow *window = open_window (file);
  CohortsPlan *plan = cohorts_window_get_plan (window);
  AdwMessageDialog *dialog;
  GtkWidget *rows[2] = { NULL, };
  GtkWidget *box;
  CohortsSchool *added;
  guint n = 0;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-school", NULL));
  wait_until (dialog_shown, window);
  dialog = find_dialog (GTK_WINDOW (window));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Add a School");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "add"));

  box = adw_message_dialog_get_extra_child (dialog);
  for (GtkWidget *w = find_widget (box, ADW_TYPE_ENTRY_ROW); w && n < 2; w = gtk_widget_get_next_sibling (w))
    if (ADW_IS_ENTRY_ROW (w))
      rows[n++] = w;
  g_assert_cmpuint (n, ==, 2);

  /* A URN the plan has already: refused, with a reason. */
  gtk_editable_set_text (GTK_EDITABLE (rows[0]), "938112");
  gtk_editable_set_text (GTK_EDITABLE (rows[1]), "Riverside Primary School");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "add"));
  {
    g_autofree char *text = visible_text (box);
    g_assert_nonnull (strstr (text, "URN 938112 is already Northfield High School."));
  }

  gtk_editable_set_text (GTK_EDITABLE (rows[0]), "938500");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "add"));
  click (dialog, "_Add");

  added = cohorts_plan_find_school (plan, 938500);
  g_assert_nonnull (added);
  g_assert_cmpstr (cohorts_school_get_name (added), ==, "Riverside Primary School");
  g_assert_null (cohorts_school_get_cohort (added));
  g_assert_true (cohorts_editor_get_subject (editor_of (window)) == G_OBJECT (added));
  g_assert_cmpstr (undo_menu_label (window), ==, "_Undo Add School");

  /* Remove it again: the Delete key's action, then undo brings it back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.remove-schools", NULL));
  g_assert_null (cohorts_plan_find_school (plan, 938500));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_nonnull (cohorts_plan_find_school (plan, 938500));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_search_and_filters (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (EXAMPLE);
  CohortsWindow *window = open_window (file);
  GtkWidget *entry;
  GtkWidget *church;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.find", NULL));
  entry = find_widget (GTK_WIDGET (list_of (window)), GTK_TYPE_SEARCH_ENTRY);
  gtk_editable_set_text (GTK_EDITABLE (entry), "whitlow");
  g_signal_emit_by_name (entry, "search-changed");
  g_assert_cmpuint (shown_count (window), ==, 1);
  g_assert_cmpuint (shown_urn (window, 0), ==, 938257);

  /* Every word must match: a town and a phase word. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "northfield first");
  g_signal_emit_by_name (entry, "search-changed");
  g_assert_cmpuint (shown_count (window), >, 0);
  gtk_editable_set_text (GTK_EDITABLE (entry), "938112");
  g_signal_emit_by_name (entry, "search-changed");
  g_assert_cmpuint (shown_count (window), ==, 1);

  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  g_signal_emit_by_name (entry, "search-changed");
  g_assert_cmpuint (shown_count (window), ==, 19);

  church = find_button (GTK_WIDGET (list_of (window)), "_Church");
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (church), TRUE);
  g_assert_cmpuint (shown_count (window), ==, 6);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (church), FALSE);

  /* Sorted by pupils, fewest first: the smallest school leads. */
  {
    GtkColumnView *view = GTK_COLUMN_VIEW (cohorts_school_list_get_column_view (list_of (window)));
    GListModel *view_columns = gtk_column_view_get_columns (view);

    for (guint i = 0; i < g_list_model_get_n_items (view_columns); i++)
      {
        g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (view_columns, i);

        if (g_strcmp0 (gtk_column_view_column_get_title (column), "Pupils") == 0)
          gtk_column_view_sort_by_column (view, column, GTK_SORT_ASCENDING);
      }
    g_assert_cmpuint (shown_urn (window, 0), ==, 938275); /* Farleigh Moor, 43 pupils */
    g_assert_cmpuint (shown_urn (window, 18), ==, 938112); /* the high school, 1214 */

    /* By readiness: green first, the highest score first (Brook Lane meets
     * everything, Castle Mead 101 of 106 half-weights, 95 %; Greenacres and
     * Moorside 94 %, by name), the seven schools not assessed last, by name. */
    for (guint i = 0; i < g_list_model_get_n_items (view_columns); i++)
      {
        g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (view_columns, i);

        if (g_strcmp0 (gtk_column_view_column_get_title (column), "Readiness") == 0)
          gtk_column_view_sort_by_column (view, column, GTK_SORT_ASCENDING);
      }
    g_assert_cmpuint (shown_urn (window, 0), ==, 938203);
    g_assert_cmpuint (shown_urn (window, 1), ==, 938127);
    g_assert_cmpuint (shown_urn (window, 2), ==, 938218);
    g_assert_cmpuint (shown_urn (window, 3), ==, 938210);
    g_assert_cmpuint (shown_urn (window, 9), ==, 938244);  /* red: St Mary's 50 %, */
    g_assert_cmpuint (shown_urn (window, 10), ==, 938231); /* Thornbury Green 45 %, */
    g_assert_cmpuint (shown_urn (window, 11), ==, 938151); /* Hatherby 22 %, the last rated */
    g_assert_cmpuint (shown_urn (window, 18), ==, 938257); /* Whitlow, not assessed */

    /* By the diocesan board's consent: refused (Farleigh Moor), requested
     * (St Mary's), not requested (Whitlow), then granted, by name; the
     * schools that are not church schools last. */
    for (guint i = 0; i < g_list_model_get_n_items (view_columns); i++)
      {
        g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (view_columns, i);

        if (g_strcmp0 (gtk_column_view_column_get_title (column), "Diocesan Consent") == 0)
          gtk_column_view_sort_by_column (view, column, GTK_SORT_ASCENDING);
      }
    g_assert_cmpuint (shown_urn (window, 0), ==, 938275);
    g_assert_cmpuint (shown_urn (window, 1), ==, 938244);
    g_assert_cmpuint (shown_urn (window, 2), ==, 938257);
    g_assert_cmpuint (shown_urn (window, 3), ==, 938262);
    g_assert_cmpuint (shown_urn (window, 5), ==, 938329);
    g_assert_cmpuint (shown_urn (window, 6), ==, 938283);  /* Ashcombe, the first of the rest by name */
    gtk_column_view_sort_by_column (view, NULL, GTK_SORT_ASCENDING);
  }

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (find_button (GTK_WIDGET (list_of (window)), "Needs _Support")),
                                TRUE);
  /* Three Requires improvement, one Serious weaknesses, one report card needing attention. */
  g_assert_cmpuint (shown_count (window), ==, 5);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Edits, save, open the saved file again: the same plan. */
static void
test_save_and_reload (void)
{
  g_autofree char *dir = g_dir_make_tmp ("cohorts-window-XXXXXX", NULL);
  g_autoptr(GFile) file = copy_example (dir);
  g_autofree char *backup = g_strconcat (g_file_peek_path (file), "~", NULL);
  CohortsWindow *window = open_window (file);
  CohortsWindow *again;
  g_autoptr(GBytes) edited = NULL;
  g_autoptr(GBytes) reloaded = NULL;

  select_school (window, 938226);
  type_into (window, "name", "Carrow Cross Church of England First School");
  adw_combo_row_set_selected (ADW_COMBO_ROW (cohorts_editor_get_row (editor_of (window), "religious-character")),
                              COHORTS_RELIGIOUS_CHARACTER_CHURCH_OF_ENGLAND);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.move-schools", "s", "c3"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-cohort", NULL));
  edited = cohorts_plan_xml_to_bytes (cohorts_window_get_plan (window));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  wait_until (not_saving, window);
  gtk_window_destroy (GTK_WINDOW (window));

  again = open_window (file);
  reloaded = cohorts_plan_xml_to_bytes (cohorts_window_get_plan (again));
  g_assert_true (g_bytes_equal (edited, reloaded));
  g_assert_nonnull (cohorts_plan_find_cohort (cohorts_window_get_plan (again), "c6"));
  gtk_window_destroy (GTK_WINDOW (again));

  g_unlink (backup);
  g_unlink (g_file_peek_path (file));
  g_rmdir (dir);
}

/* Every template and dialog builds without a warning. */
static void
test_templates (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (EXAMPLE);
  CohortsWindow *window = open_window (file);
  GtkWindow *overlay;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  overlay = GTK_WINDOW (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  g_assert_nonnull (overlay);
  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));
  gtk_window_close (overlay);

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  settle ();
  {
    GListModel *toplevels = gtk_window_get_toplevels ();
    gboolean found = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GtkWindow) about = g_list_model_get_item (toplevels, i);

        if (ADW_IS_ABOUT_WINDOW (about))
          {
            g_assert_cmpstr (adw_about_window_get_application_name (ADW_ABOUT_WINDOW (about)), ==, "Cohorts");
            gtk_window_destroy (about);
            found = TRUE;
            break;
          }
      }
    g_assert_true (found);
  }

  /* The cohort and plan editors. */
  select_sidebar_row (window, 2);
  g_assert_true (COHORTS_IS_COHORT (cohorts_editor_get_subject (editor_of (window))));
  select_sidebar_row (window, 0);
  g_assert_true (COHORTS_IS_PLAN (cohorts_editor_get_subject (editor_of (window))));

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

/* The row of @list whose finding is about @subject. */
static GtkListBoxRow *
finding_row_for (GtkWidget  *list,
                 const char *subject)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), i)) != NULL; i++)
    if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "subject"), subject) == 0)
      return row;
  return NULL;
}

/* A plan with more findings than the Problems list shows: the first 400,
 * errors first, then how many more. */
static void
test_findings_many (void)
{
  g_autoptr(CohortsPlan) plan = cohorts_plan_new ();
  g_autoptr(GPtrArray) findings = NULL;
  CohortsWindow *window = cohorts_window_new (app);
  GtkWidget *list, *more;
  GtkListBoxRow *first;
  guint n_rows = 0;
  g_autofree char *expected = NULL;

  /* 300 cohorts without a date or schools (2 warnings each), one dated the
   * 15th (an error). */
  for (guint i = 0; i < 300; i++)
    cohorts_plan_add_cohort (plan, "Empty", COHORTS_DATE_NONE);
  cohorts_plan_add_cohort (plan, "Mid-month", cohorts_date_new (2027, 9, 15));
  findings = cohorts_checks_run (plan);
  g_assert_cmpuint (findings->len, >, 600);
  g_assert_cmpuint (cohorts_checks_count (findings, COHORTS_SEVERITY_ERROR), ==, 1);

  cohorts_window_set_plan (window, plan, NULL);
  gtk_window_present (GTK_WINDOW (window));
  list = find_named (GTK_WIDGET (window), "findings-list");
  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    n_rows += GTK_IS_LIST_BOX_ROW (row);
  g_assert_cmpuint (n_rows, ==, 401);
  first = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0);
  g_assert_cmpstr (g_object_get_data (G_OBJECT (first), "subject"), ==, "cohort:c301");
  more = find_named (list, "findings-more");
  g_assert_nonnull (more);
  expected = g_strdup_printf ("And %u more problems", findings->len - 400);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (more)), ==, expected);

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean timeline_drawn (gpointer data);

static void
test_findings_link (void)
{
  g_autofree char *dir = g_dir_make_tmp ("cohorts-window-XXXXXX", NULL);
  g_autoptr(GFile) file = copy_example (dir);
  CohortsWindow *window = open_window (file);
  CohortsPlan *plan = cohorts_window_get_plan (window);
  CohortsCohort *c2 = cohorts_plan_find_cohort (plan, "c2");
  CohortsSchool *castle_mead = cohorts_plan_find_school (plan, 938127);
  CohortsSidebar *sidebar = COHORTS_SIDEBAR (find_widget (GTK_WIDGET (window), COHORTS_TYPE_SIDEBAR));
  CohortsSchoolList *school_list = COHORTS_SCHOOL_LIST (find_widget (GTK_WIDGET (window), COHORTS_TYPE_SCHOOL_LIST));
  CohortsTimeline *timeline = COHORTS_TIMELINE (find_widget (GTK_WIDGET (window), COHORTS_TYPE_TIMELINE));
  GtkWidget *editor = find_widget (GTK_WIDGET (window), COHORTS_TYPE_EDITOR);
  GtkWidget *list = find_widget (GTK_WIDGET (window), GTK_TYPE_LIST_BOX);
  GtkListBoxRow *row;
  g_autoptr(GPtrArray) selected = NULL;

  g_assert_cmpstr (gtk_widget_get_name (list), ==, "findings-list");
  /* The editor shown (F9), whatever an earlier test left. */
  if (!gtk_widget_get_visible (editor))
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-editor", NULL));
  g_assert_true (gtk_widget_get_visible (editor));

  /* A cohort's problem: the Problems list leads to the cohort, and the
   * cohort's page lists it. */
  cohorts_plan_edit (plan, c2, "date", cohorts_date_new (2027, 9, 15), NULL);
  wait_until (list_has_rows, list);
  gtk_menu_button_popup (GTK_MENU_BUTTON (gtk_widget_get_ancestor (list, GTK_TYPE_MENU_BUTTON)));
  wait_for_text (list, "Move it to 1 September 2027 or 1 October 2027.", TRUE);
  row = finding_row_for (list, "cohort:c2");
  g_assert_nonnull (row);
  g_assert_true (gtk_list_box_row_get_activatable (row));
  g_signal_emit_by_name (list, "row-activated", row);
  g_assert_true (cohorts_group_get_cohort (cohorts_sidebar_get_selected_group (sidebar)) == c2);
  /* The list goes out of the way. */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (gtk_menu_button_get_popover (
                    GTK_MENU_BUTTON (gtk_widget_get_ancestor (list, GTK_TYPE_MENU_BUTTON))))));
  wait_for_text (editor, "Problems", TRUE);
  wait_for_text (editor, "Cohort 2 converts on 15 September 2027; academies open only on the 1st of a month.", TRUE);

  /* A school's (Castle Mead's steps were due in autumn 2026 and are not
   * done: overdue from then on): the list, the timeline and the editor
   * go to the school, in its cohort. */
  row = finding_row_for (list, "school:938127");
  g_assert_nonnull (row);
  g_signal_emit_by_name (list, "row-activated", row);
  selected = cohorts_school_list_get_selected (school_list);
  g_assert_cmpuint (selected->len, ==, 1);
  g_assert_true (g_ptr_array_index (selected, 0) == castle_mead);
  g_assert_true (cohorts_timeline_get_selected_school (timeline) == castle_mead);
  g_assert_true (cohorts_group_get_cohort (cohorts_sidebar_get_selected_group (sidebar)) ==
                 cohorts_school_get_cohort (castle_mead));
  wait_for_text (editor, "Castle Mead Middle School is behind", TRUE);
  g_assert_false (cohorts_window_show_subject (window, "school:999999"));
  g_assert_false (cohorts_window_show_subject (window, "plan"));

  /* A month's (the church share is short from April 2027): the timeline,
   * with the month marked, and the strip's tooltip there says why. */
  row = finding_row_for (list, "month:2027-04");
  g_assert_nonnull (row);
  g_assert_true (gtk_list_box_row_get_activatable (row));
  g_signal_emit_by_name (list, "row-activated", row);
  {
    AdwViewStack *stack = ADW_VIEW_STACK (find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK));
    const CohortsTimelineLayout *layout;
    CohortsDate from, to;
    g_autofree char *tip = NULL;
    double x;

    g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "timeline");
    cohorts_timeline_get_period (timeline, &from, &to);
    g_assert_cmpuint (from, ==, cohorts_date_new (2027, 4, 1));
    g_assert_cmpuint (to, ==, cohorts_date_new (2027, 5, 1));
    wait_until (timeline_drawn, timeline);
    layout = cohorts_timeline_get_layout (timeline);
    x = cohorts_timeline_view_x_for_date (&layout->view, cohorts_date_new (2027, 4, 15));
    g_assert_cmpfloat (x, >, layout->view.label_width);
    g_assert_cmpfloat (x, <, layout->view.width);
    tip = cohorts_timeline_describe (timeline, x, layout->view.height - layout->view.strip_height / 2);
    g_assert_nonnull (tip);
    g_assert_nonnull (strstr (tip, "On 15 April 2027: 5 academies"));
    g_assert_nonnull (strstr (tip, "From April 2027 church schools are 0 of the trust’s 5 academies (0%)"));
    g_assert_false (cohorts_window_show_subject (window, "month:2027-13"));
  }

  /* Fixed, the cohort's page has no problems left to list. */
  g_assert_true (cohorts_window_show_subject (window, "cohort:c2"));
  cohorts_history_undo (cohorts_plan_get_history (plan));
  wait_for_text (editor, "Cohort 2 converts on 15 September 2027", FALSE);
  wait_for_text (editor, "Problems", FALSE);

  gtk_window_destroy (GTK_WINDOW (window));
  {
    g_autofree char *path = g_file_get_path (file);

    g_unlink (path);
    g_rmdir (dir);
  }
}

static void
test_findings (void)
{
  g_autofree char *dir = g_dir_make_tmp ("cohorts-window-XXXXXX", NULL);
  g_autoptr(GFile) file = copy_example (dir);
  CohortsWindow *window = open_window (file);
  CohortsPlan *plan = cohorts_window_get_plan (window);
  GtkWidget *list, *button;
  g_autofree char *text = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  guint n_before, n_after;

  list = find_widget (GTK_WIDGET (window), GTK_TYPE_LIST_BOX);
  g_assert_nonnull (list);
  button = gtk_widget_get_ancestor (list, GTK_TYPE_MENU_BUTTON);

  /* The steps overdue today, if any, come first (they are the schools'). */
  before = problems_tooltip (plan, &n_before);
  wait_for_tooltip (button, before);

  cohorts_plan_edit (plan, cohorts_plan_find_cohort (plan, "c2"), "date", cohorts_date_new (2027, 9, 15), NULL);
  after = problems_tooltip (plan, &n_after);
  g_assert_cmpuint (n_after, ==, n_before + 1);
  wait_for_tooltip (button, after);
  wait_until (list_has_rows, list);

  g_assert_nonnull (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), n_before));
  g_assert_null (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), n_before + 1));
  g_assert_true (gtk_widget_get_visible (button));
  if (n_before == 0)
    g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, "1 problem in the plan");

  /* Show the popover and read it. */
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  wait_for_text (list, "Move it to 1 September 2027 or 1 October 2027.", TRUE);
  text = visible_text (list);
  g_assert_nonnull (strstr (text, "Cohort 2 converts on 15 September 2027; academies open only on the 1st of a month."));
  g_assert_nonnull (strstr (text, "Move it to 1 September 2027 or 1 October 2027."));

  /* Undo: the problem goes; with nothing else, the list says all is clear. */
  cohorts_history_undo (cohorts_plan_get_history (plan));
  wait_for_text (list, "Move it to 1 September 2027 or 1 October 2027.", FALSE);
  wait_for_tooltip (button, before);
  g_assert_null (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), n_before));
  if (n_before == 0)
    {
      wait_for_text (list, "No problems found\n", TRUE);
      g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, "No problems in the plan");
    }

  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (g_file_peek_path (file));
  g_rmdir (dir);
}

/* The timeline ------------------------------------------------------------ */

static gboolean
timeline_drawn (gpointer data)
{
  const CohortsTimelineLayout *layout;

  if (!gtk_widget_get_mapped (data) || gtk_widget_get_width (data) < 400)
    return FALSE;
  layout = cohorts_timeline_get_layout (data);
  return layout != NULL && layout->rows->len > 0;
}

static CohortsTimeline *
show_timeline (CohortsWindow *window)
{
  AdwViewStack *stack = ADW_VIEW_STACK (find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK));
  CohortsTimeline *timeline = COHORTS_TIMELINE (find_widget (GTK_WIDGET (window), COHORTS_TYPE_TIMELINE));

  adw_view_stack_set_visible_child_name (stack, "timeline");
  wait_until (timeline_drawn, timeline);
  settle ();
  return timeline;
}

/* The row of @school, or of @cohort's group, as the timeline now lays it out. */
static const CohortsTimelineRow *
timeline_row (CohortsTimeline *timeline,
              CohortsSchool   *school,
              CohortsCohort   *cohort)
{
  const CohortsTimelineLayout *layout = cohorts_timeline_get_layout (timeline);

  for (guint i = 0; i < layout->rows->len; i++)
    {
      const CohortsTimelineRow *row = &g_array_index (layout->rows, CohortsTimelineRow, i);

      if (school != NULL ? row->school == school
                         : row->kind == COHORTS_TIMELINE_ROW_GROUP && row->cohort == cohort)
        return row;
    }
  g_error ("Not on the timeline");
}

static GtkEventController *
timeline_controller (CohortsTimeline *timeline,
                     GType            type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (timeline));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        return controller;
    }
  g_error ("No such controller");
}

/* Drags from (@x, @y) to (@to_x, @y) with the timeline's drag gesture, as
 * the pointer would: begin, a few updates, end. */
static void
timeline_drag (CohortsTimeline *timeline,
               double           x,
               double           y,
               double           to_x)
{
  GtkEventController *drag = timeline_controller (timeline, GTK_TYPE_GESTURE_DRAG);

  g_signal_emit_by_name (drag, "drag-begin", x, y);
  for (int i = 1; i <= 4; i++)
    g_signal_emit_by_name (drag, "drag-update", (to_x - x) * i / 4, 0.0);
  g_signal_emit_by_name (drag, "drag-end", to_x - x, 0.0);
  settle ();
}

static void
timeline_click (CohortsTimeline *timeline,
                double           x,
                double           y)
{
  g_signal_emit_by_name (timeline_controller (timeline, GTK_TYPE_GESTURE_CLICK), "pressed", 1, x, y);
  settle ();
}

static CohortsMilestoneState
conversion_state (CohortsSchool *school,
                  CohortsDate   *date)
{
  CohortsMilestone milestone;

  cohorts_school_get_milestone (school, COHORTS_STEP_CONVERSION, &milestone);
  *date = milestone.date;
  return milestone.state;
}

/* Dragging a school's conversion diamond to another month gives it a date
 * of its own, on the 1st; undo gives it back to its cohort. */
static void
test_timeline_drag_school (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (EXAMPLE);
  CohortsWindow *window = open_window (file);
  CohortsPlan *plan = cohorts_window_get_plan (window);
  CohortsHistory *history = cohorts_plan_get_history (plan);
  CohortsSchool *elmsworth = cohorts_plan_find_school (plan, 938145);
  CohortsTimeline *timeline = show_timeline (window);
  const CohortsTimelineRow *row = timeline_row (timeline, elmsworth, NULL);
  CohortsTimelineView view = cohorts_timeline_get_layout (timeline)->view;
  double y = row->y + view.row_height / 2;
  CohortsDate date;

  g_assert_cmpuint (row->conversion, ==, cohorts_date_new (2027, 9, 1));
  g_assert_cmpint (conversion_state (elmsworth, &date), ==, COHORTS_MILESTONE_SCHEDULED);

  /* Dropped on 3 December 2027: it snaps to the 1st. */
  timeline_drag (timeline, row->conversion_x, y,
                 cohorts_timeline_view_x_for_date (&view, cohorts_date_new (2027, 12, 3)));
  g_assert_cmpint (conversion_state (elmsworth, &date), ==, COHORTS_MILESTONE_PLANNED);
  g_assert_cmpuint (date, ==, cohorts_date_new (2027, 12, 1));
  g_assert_cmpstr (cohorts_history_get_undo_label (history), ==, "Set Date of Conversion");
  g_assert_cmpstr (title_of (window), ==, "• Northfield Learning Trust");

  /* The chart follows: a hollow diamond (a date of its own) in December. */
  row = timeline_row (timeline, elmsworth, NULL);
  g_assert_cmpuint (row->conversion, ==, cohorts_date_new (2027, 12, 1));
  g_assert_cmpuint (row->flags & COHORTS_TIMELINE_OWN_DATE, !=, 0);

  g_assert_true (cohorts_history_undo (history));
  settle ();
  g_assert_cmpint (conversion_state (elmsworth, &date), ==, COHORTS_MILESTONE_SCHEDULED);
  row = timeline_row (timeline, elmsworth, NULL);
  g_assert_cmpuint (row->conversion, ==, cohorts_date_new (2027, 9, 1));
  g_assert_cmpuint (row->flags & COHORTS_TIMELINE_OWN_DATE, ==, 0);

  g_assert_true (cohorts_history_redo (history));
  settle ();
  g_assert_cmpint (conversion_state (elmsworth, &date), ==, COHORTS_MILESTONE_PLANNED);
  g_assert_cmpuint (date, ==, cohorts_date_new (2027, 12, 1));

  /* Dragged back onto its cohort's month: with its cohort again. (Each
   * change lays the chart out afresh: ask for the view again.) */
  row = timeline_row (timeline, elmsworth, NULL);
  view = cohorts_timeline_get_layout (timeline)->view;
  timeline_drag (timeline, row->conversion_x, y,
                 cohorts_timeline_view_x_for_date (&view, cohorts_date_new (2027, 8, 29)));
  g_assert_cmpint (conversion_state (elmsworth, &date), ==, COHORTS_MILESTONE_SCHEDULED);
  g_assert_cmpstr (cohorts_history_get_undo_label (history), ==, "Reschedule Conversion");

  /* A drag that starts away from a diamond pans, and changes nothing. */
  row = timeline_row (timeline, elmsworth, NULL);
  timeline_drag (timeline, row->conversion_x + 200, y, row->conversion_x + 100);
  g_assert_cmpstr (cohorts_history_get_undo_label (history), ==, "Reschedule Conversion");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Dragging a cohort's diamond moves the cohort, and its schools with it. */
static void
test_timeline_drag_cohort (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (EXAMPLE);
  CohortsWindow *window = open_window (file);
  CohortsPlan *plan = cohorts_window_get_plan (window);
  CohortsCohort *cohort = cohorts_plan_find_cohort (plan, "c2");
  CohortsSchool *elmsworth = cohorts_plan_find_school (plan, 938145);
  CohortsTimeline *timeline = show_timeline (window);
  const CohortsTimelineRow *row = timeline_row (timeline, NULL, cohort);
  CohortsTimelineView view = cohorts_timeline_get_layout (timeline)->view;

  g_assert_cmpuint (row->conversion, ==, cohorts_date_new (2027, 9, 1));
  timeline_drag (timeline, row->conversion_x, row->y + view.row_height / 2,
                 cohorts_timeline_view_x_for_date (&view, cohorts_date_new (2027, 10, 20)));

  /* 20 October is nearer 1 November than 1 October. */
  g_assert_cmpuint (cohorts_cohort_get_date (cohort), ==, cohorts_date_new (2027, 11, 1));
  g_assert_cmpuint (timeline_row (timeline, elmsworth, NULL)->conversion, ==, cohorts_date_new (2027, 11, 1));

  g_assert_true (cohorts_history_undo (cohorts_plan_get_history (plan)));
  settle ();
  g_assert_cmpuint (cohorts_cohort_get_date (cohort), ==, cohorts_date_new (2027, 9, 1));
  g_assert_cmpuint (timeline_row (timeline, elmsworth, NULL)->conversion, ==, cohorts_date_new (2027, 9, 1));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A click selects; the editor, list and sidebar follow; the keyboard moves
 * the focus, a conversion, the zoom; a cohort folds. */
static void
test_timeline_select_and_keys (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (EXAMPLE);
  CohortsWindow *window = open_window (file);
  CohortsPlan *plan = cohorts_window_get_plan (window);
  CohortsSchool *elmsworth = cohorts_plan_find_school (plan, 938145);
  CohortsSchool *next;
  CohortsCohort *c2 = cohorts_plan_find_cohort (plan, "c2");
  CohortsTimeline *timeline = show_timeline (window);
  CohortsTimelineRow row = *timeline_row (timeline, elmsworth, NULL);
  CohortsTimelineView view = cohorts_timeline_get_layout (timeline)->view;
  guint n_rows = cohorts_timeline_get_layout (timeline)->n_rows;
  double width;
  CohortsDate date;
  g_autoptr(GPtrArray) selected = NULL;
  g_autofree char *tip = NULL;

  /* The choice of view is remembered for the next window. */
  {
    g_autofree char *shown = g_settings_get_string (cohorts_application_get_settings (app), "view");
    g_assert_cmpstr (shown, ==, "timeline");
  }

  /* A click on its name. */
  timeline_click (timeline, 100, row.y + view.row_height / 2);
  g_assert_true (cohorts_timeline_get_selected_school (timeline) == elmsworth);
  g_assert_true (cohorts_editor_get_subject (editor_of (window)) == G_OBJECT (elmsworth));
  selected = cohorts_school_list_get_selected (list_of (window));
  g_assert_cmpuint (selected->len, ==, 1);
  g_assert_true (g_ptr_array_index (selected, 0) == elmsworth);
  g_assert_cmpuint (cohorts_timeline_get_focus_row (timeline), ==, row.index);

  /* Its tooltip tells its key facts. */
  tip = cohorts_timeline_describe (timeline, 100, row.y + view.row_height / 2);
  g_assert_nonnull (strstr (tip, "Elmsworth Middle School (URN 938145)"));
  g_assert_nonnull (strstr (tip, "Converts on 1 September 2027 with Cohort 2"));
  /* Its readiness, as the school list words it. */
  g_assert_nonnull (strstr (tip, "Readiness: Amber (58%)"));
  /* Its cohort's: its schools by rating. */
  {
    g_autofree char *group_tip = cohorts_timeline_describe (timeline, -2, row.group);

    g_assert_nonnull (strstr (group_tip, "Readiness: 0 green, 3 amber, 1 red, 1 not assessed"));
  }

  /* Down: the next school in the cohort, in the editor. */
  gtk_widget_activate_action (GTK_WIDGET (timeline), "chart.move-focus", "i", 1);
  settle ();
  next = cohorts_timeline_get_selected_school (timeline);
  g_assert_nonnull (next);
  g_assert_true (next != elmsworth);
  g_assert_true (cohorts_school_get_cohort (next) == c2);
  g_assert_true (cohorts_editor_get_subject (editor_of (window)) == G_OBJECT (next));

  /* Ctrl+Right: its conversion a month later, a date of its own. */
  gtk_widget_activate_action (GTK_WIDGET (timeline), "chart.move-conversion", "i", 1);
  settle ();
  g_assert_cmpint (conversion_state (next, &date), ==, COHORTS_MILESTONE_PLANNED);
  g_assert_cmpuint (date, ==, cohorts_date_new (2027, 10, 1));

  /* Home: the first row, a cohort's: the sidebar shows the cohort. */
  gtk_widget_activate_action (GTK_WIDGET (timeline), "chart.move-focus", "i", -2);
  settle ();
  g_assert_cmpuint (cohorts_timeline_get_focus_row (timeline), ==, 0);
  g_assert_null (cohorts_timeline_get_selected_school (timeline));
  g_assert_true (cohorts_editor_get_subject (editor_of (window)) == G_OBJECT (cohorts_plan_find_cohort (plan, "c1")));

  /* Space folds it: five rows fewer. */
  gtk_widget_activate_action (GTK_WIDGET (timeline), "chart.activate-row", NULL);
  settle ();
  g_assert_cmpuint (cohorts_timeline_get_layout (timeline)->n_rows, ==, n_rows - 5);
  /* A click on its triangle unfolds it. */
  view = cohorts_timeline_get_layout (timeline)->view;
  timeline_click (timeline, 8, view.axis_height + view.row_height / 2);
  g_assert_cmpuint (cohorts_timeline_get_layout (timeline)->n_rows, ==, n_rows);

  /* + zooms in a step; 0 fits the plan again. */
  width = cohorts_timeline_get_day_width (timeline);
  gtk_widget_activate_action (GTK_WIDGET (timeline), "chart.zoom-step", "i", 1);
  g_assert_cmpfloat_with_epsilon (cohorts_timeline_get_day_width (timeline), width * 1.25, 1e-9);
  gtk_widget_activate_action (GTK_WIDGET (timeline), "chart.zoom-step", "i", 0);
  g_assert_cmpfloat_with_epsilon (cohorts_timeline_get_day_width (timeline), width, 1e-9);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The editor's conversion steps and the plan's schedule */

static CohortsStepsGroup *
steps_group_of (CohortsWindow *window)
{
  GtkWidget *group = find_widget (GTK_WIDGET (editor_of (window)), COHORTS_TYPE_STEPS_GROUP);

  g_assert_nonnull (group);
  return COHORTS_STEPS_GROUP (group);
}

static CohortsScheduleGroup *
schedule_group_of (CohortsWindow *window)
{
  GtkWidget *group = find_widget (GTK_WIDGET (editor_of (window)), COHORTS_TYPE_SCHEDULE_GROUP);

  g_assert_nonnull (group);
  return COHORTS_SCHEDULE_GROUP (group);
}

static gboolean
revealed (gpointer data)
{
  return gtk_revealer_get_child_revealed (data);
}

/* The step's row, expanded as a click would, once it has opened. */
static CohortsStepRow *
step_row (CohortsWindow *window,
          CohortsStep    step)
{
  GtkWidget *row = cohorts_steps_group_get_row (steps_group_of (window), step);
  GtkWidget *revealer = find_widget (row, GTK_TYPE_REVEALER);

  g_assert_true (gtk_widget_get_visible (row));
  g_assert_nonnull (revealer);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  wait_until (revealed, revealer);
  settle ();
  return COHORTS_STEP_ROW (row);
}

/* The row's subtitle as shown, with plain spaces for the no-break ones. */
static char *
step_subtitle (CohortsWindow *window,
               CohortsStep    step)
{
  GString *text;

  settle ();
  text = g_string_new (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (cohorts_steps_group_get_row (steps_group_of (window),
                                                                                                     step))));
  g_string_replace (text, "\u00A0", " ", 0);
  return g_string_free (text, FALSE);
}

static gboolean
near_top (gpointer data)
{
  GtkWidget *widget = data;
  graphene_rect_t bounds;

  return gtk_widget_compute_bounds (widget, gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW), &bounds) &&
         bounds.origin.y >= 0 && bounds.origin.y < 200;
}

/* Scrolls the editor until @widget is near its top, as a person would before
 * clicking it (a popover must open on the screen, which Xvfb keeps small). */
static void
scroll_to (GtkWidget *widget)
{
  GtkScrolledWindow *scrolled = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW));
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scrolled);
  GtkWidget *content = gtk_scrolled_window_get_child (scrolled);
  graphene_rect_t bounds;

  if (GTK_IS_VIEWPORT (content))
    content = gtk_viewport_get_child (GTK_VIEWPORT (content));
  g_assert_true (gtk_widget_compute_bounds (widget, content, &bounds));
  gtk_adjustment_set_value (adjustment, bounds.origin.y - 50);
  wait_until (near_top, widget);
}

/* Opens a step's date button and picks @date in its calendar. */
static void
pick_step_date (CohortsWindow *window,
                CohortsStep    step,
                gboolean       start,
                CohortsDate    date)
{
  CohortsDateButton *button = COHORTS_DATE_BUTTON (cohorts_step_row_get_date_button (step_row (window, step), start));
  g_autoptr(GDateTime) day = g_date_time_new_local (cohorts_date_get_year (date), cohorts_date_get_month (date),
                                                    cohorts_date_get_day (date), 0, 0, 0);

  scroll_to (GTK_WIDGET (button));
  gtk_menu_button_popup (cohorts_date_button_get_menu_button (button));
  g_assert_nonnull (cohorts_date_button_get_calendar (button));
  gtk_calendar_select_day (cohorts_date_button_get_calendar (button), day);
}

static void
choose_step_state (CohortsWindow         *window,
                   CohortsStep            step,
                   CohortsMilestoneState  state)
{
  adw_combo_row_set_selected (cohorts_step_row_get_state_row (step_row (window, step)), state);
}

static void
problem_cb (CohortsEditor *editor,
            const char    *message,
            char         **out)
{
  g_free (*out);
  *out = g_strdup (message);
}

static CohortsMilestone
milestone_of (CohortsSchool *school,
              CohortsStep    step)
{
  CohortsMilestone milestone;

  cohorts_school_get_milestone (school, step, &milestone);
  return milestone;
}

/* A step given a date of its own, undone, refused when it cannot be. */
static void
test_step_own_date (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (EXAMPLE);
  CohortsWindow *window = open_window (file);
  CohortsPlan *plan = cohorts_window_get_plan (window);
  /* St Aidan's: a voluntary aided church school in Cohort 3, 1 April 2028. */
  CohortsSchool *school = cohorts_plan_find_school (plan, 938134);
  g_autofree char *problem = NULL;
  char *text;
  CohortsMilestone milestone;
  GtkWidget *button;

  g_signal_connect (editor_of (window), "problem", G_CALLBACK (problem_cb), &problem);
  select_school (window, 938134);

  /* Church steps shown; the lease is only for schools on the local authority's land. */
  g_assert_true (gtk_widget_get_visible (cohorts_steps_group_get_row (steps_group_of (window),
                                                                      COHORTS_STEP_DIOCESAN_CONSENT)));
  g_assert_false (gtk_widget_get_visible (cohorts_steps_group_get_row (steps_group_of (window), COHORTS_STEP_LEASE)));

  /* The academy order: 20 weeks and 6 of church lead before 1 April 2028. */
  text = step_subtitle (window, COHORTS_STEP_ACADEMY_ORDER);
  g_assert_cmpstr (text, ==, "2 October 2027 · from the schedule");
  g_free (text);
  text = step_subtitle (window, COHORTS_STEP_CONSULTATION);
  g_assert_cmpstr (text, ==, "27 November 2027 – 8 January 2028 · from the schedule");
  g_free (text);
  text = step_subtitle (window, COHORTS_STEP_CONVERSION);
  g_assert_cmpstr (text, ==, "1 April 2028 · with its cohort");
  g_free (text);

  /* A date of its own, picked in the calendar. */
  pick_step_date (window, COHORTS_STEP_ACADEMY_ORDER, FALSE, cohorts_date_new (2027, 10, 15));
  milestone = milestone_of (school, COHORTS_STEP_ACADEMY_ORDER);
  g_assert_cmpint (milestone.state, ==, COHORTS_MILESTONE_PLANNED);
  g_assert_cmpuint (milestone.date, ==, cohorts_date_new (2027, 10, 15));
  g_assert_cmpstr (undo_menu_label (window), ==, "_Undo Set Date of Academy order");
  text = step_subtitle (window, COHORTS_STEP_ACADEMY_ORDER);
  g_assert_cmpstr (text, ==, "15 October 2027 · planned");
  g_free (text);
  g_assert_cmpuint (adw_combo_row_get_selected (cohorts_step_row_get_state_row (step_row (window,
                                                                                       COHORTS_STEP_ACADEMY_ORDER))),
                    ==, COHORTS_MILESTONE_PLANNED);

  /* Its own date stays when the cohort moves; the schedule's dates follow. */
  cohorts_plan_edit (plan, cohorts_plan_find_cohort (plan, "c3"), "date", cohorts_date_new (2028, 9, 1), NULL);
  text = step_subtitle (window, COHORTS_STEP_ACADEMY_ORDER);
  g_assert_cmpstr (text, ==, "15 October 2027 · planned");
  g_free (text);
  text = step_subtitle (window, COHORTS_STEP_APPLICATION);
  g_assert_cmpstr (text, ==, "21 January 2028 · from the schedule");
  g_free (text);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  text = step_subtitle (window, COHORTS_STEP_APPLICATION);
  g_assert_cmpstr (text, ==, "21 August 2027 · from the schedule");
  g_free (text);

  /* Undo: the schedule's date again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpint (milestone_of (school, COHORTS_STEP_ACADEMY_ORDER).state, ==, COHORTS_MILESTONE_SCHEDULED);
  text = step_subtitle (window, COHORTS_STEP_ACADEMY_ORDER);
  g_assert_cmpstr (text, ==, "2 October 2027 · from the schedule");
  g_free (text);
  g_assert_cmpuint (adw_combo_row_get_selected (cohorts_step_row_get_state_row (step_row (window,
                                                                                       COHORTS_STEP_ACADEMY_ORDER))),
                    ==, COHORTS_MILESTONE_SCHEDULED);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  text = step_subtitle (window, COHORTS_STEP_ACADEMY_ORDER);
  g_assert_cmpstr (text, ==, "15 October 2027 · planned");
  g_free (text);

  /* Given back to the schedule. */
  choose_step_state (window, COHORTS_STEP_ACADEMY_ORDER, COHORTS_MILESTONE_SCHEDULED);
  g_assert_cmpint (milestone_of (school, COHORTS_STEP_ACADEMY_ORDER).state, ==, COHORTS_MILESTONE_SCHEDULED);
  g_assert_cmpstr (undo_menu_label (window), ==, "_Undo Reschedule Academy order");
  text = step_subtitle (window, COHORTS_STEP_ACADEMY_ORDER);
  g_assert_cmpstr (text, ==, "2 October 2027 · from the schedule");
  g_free (text);

  /* A consultation's end before its start is refused, and nothing changes. */
  pick_step_date (window, COHORTS_STEP_CONSULTATION, FALSE, cohorts_date_new (2027, 11, 1));
  g_assert_cmpstr (problem, ==, "Statutory consultation cannot end before it starts");
  g_assert_cmpint (milestone_of (school, COHORTS_STEP_CONSULTATION).state, ==, COHORTS_MILESTONE_SCHEDULED);
  g_assert_cmpstr (undo_menu_label (window), ==, "_Undo Reschedule Academy order");
  button = cohorts_step_row_get_date_button (step_row (window, COHORTS_STEP_CONSULTATION), FALSE);
  g_assert_true (gtk_widget_has_css_class (gtk_widget_get_ancestor (button, ADW_TYPE_ACTION_ROW), "error"));

  /* Its start, then: both dates its own. */
  pick_step_date (window, COHORTS_STEP_CONSULTATION, TRUE, cohorts_date_new (2027, 12, 6));
  milestone = milestone_of (school, COHORTS_STEP_CONSULTATION);
  g_assert_cmpint (milestone.state, ==, COHORTS_MILESTONE_PLANNED);
  g_assert_cmpuint (milestone.start, ==, cohorts_date_new (2027, 12, 6));
  g_assert_cmpuint (milestone.date, ==, cohorts_date_new (2028, 1, 8));
  g_assert_false (gtk_widget_has_css_class (gtk_widget_get_ancestor (button, ADW_TYPE_ACTION_ROW), "error"));
  text = step_subtitle (window, COHORTS_STEP_CONSULTATION);
  g_assert_cmpstr (text, ==, "6 December 2027 – 8 January 2028 · planned");
  g_free (text);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Steps marked done, a school with no dates, an own conversion date. */
static void
test_step_done (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (EXAMPLE);
  CohortsWindow *window = open_window (file);
  CohortsPlan *plan = cohorts_window_get_plan (window);
  CohortsSchool *school = cohorts_plan_find_school (plan, 938134);
  CohortsSchool *unassigned = cohorts_plan_find_school (plan, 938283);
  CohortsDate today = cohorts_date_today ();
  CohortsDate expected;
  g_autofree char *problem = NULL;
  g_autofree char *day = NULL;
  g_autofree char *shown = NULL;
  CohortsMilestone milestone;
  GtkMenuButton *button;
  char *text;

  g_signal_connect (editor_of (window), "problem", G_CALLBACK (problem_cb), &problem);
  select_school (window, 938134);

  /* Done: on the schedule's date if that has passed, else today. */
  choose_step_state (window, COHORTS_STEP_ACADEMY_ORDER, COHORTS_MILESTONE_DONE);
  milestone = milestone_of (school, COHORTS_STEP_ACADEMY_ORDER);
  expected = MIN (cohorts_date_new (2027, 10, 2), today);
  g_assert_cmpint (milestone.state, ==, COHORTS_MILESTONE_DONE);
  g_assert_cmpuint (milestone.date, ==, expected);
  g_assert_cmpstr (undo_menu_label (window), ==, "_Undo Mark Academy order Done");
  day = cohorts_date_format (expected);
  shown = g_strdup_printf ("%s · done", day);
  text = step_subtitle (window, COHORTS_STEP_ACADEMY_ORDER);
  g_assert_cmpstr (text, ==, shown);
  g_free (text);

  /* A consultation done keeps its length of six weeks. */
  choose_step_state (window, COHORTS_STEP_CONSULTATION, COHORTS_MILESTONE_DONE);
  milestone = milestone_of (school, COHORTS_STEP_CONSULTATION);
  g_assert_cmpint (milestone.state, ==, COHORTS_MILESTONE_DONE);
  g_assert_cmpuint (milestone.date, ==, MIN (cohorts_date_new (2028, 1, 8), today));
  g_assert_cmpuint (milestone.start, ==, milestone.date - 42);

  /* Not done on a day still to come. */
  pick_step_date (window, COHORTS_STEP_ACADEMY_ORDER, FALSE, today + 7);
  g_assert_nonnull (problem);
  g_assert_nonnull (strstr (problem, "a day still to come"));
  g_assert_cmpuint (milestone_of (school, COHORTS_STEP_ACADEMY_ORDER).date, ==, expected);
  /* An earlier day is fine, and it stays done. */
  pick_step_date (window, COHORTS_STEP_ACADEMY_ORDER, FALSE, today - 30);
  milestone = milestone_of (school, COHORTS_STEP_ACADEMY_ORDER);
  g_assert_cmpint (milestone.state, ==, COHORTS_MILESTONE_DONE);
  g_assert_cmpuint (milestone.date, ==, today - 30);

  /* Undo and redo, the row following. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpint (milestone_of (school, COHORTS_STEP_CONSULTATION).state, ==, COHORTS_MILESTONE_SCHEDULED);
  text = step_subtitle (window, COHORTS_STEP_CONSULTATION);
  g_assert_cmpstr (text, ==, "27 November 2027 – 8 January 2028 · from the schedule");
  g_free (text);
  text = step_subtitle (window, COHORTS_STEP_ACADEMY_ORDER);
  g_assert_cmpstr (text, ==, shown);
  g_free (text);

  /* A school in no cohort has no dates until its conversion has one of its own. */
  select_school (window, 938283);
  g_assert_nonnull (strstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (steps_group_of (window))),
                            "Not in a cohort: no dates yet"));
  text = step_subtitle (window, COHORTS_STEP_CONVERSION);
  g_assert_cmpstr (text, ==, "Not in a cohort: no dates yet");
  g_free (text);
  text = step_subtitle (window, COHORTS_STEP_ACADEMY_ORDER);
  g_assert_cmpstr (text, ==, "No date yet");
  g_free (text);

  /* The month picker opens on this year: September is the 1st. */
  button = cohorts_date_button_get_menu_button (COHORTS_DATE_BUTTON (cohorts_step_row_get_date_button (step_row (window,
                                                                                                               COHORTS_STEP_CONVERSION),
                                                                                                     FALSE)));
  scroll_to (GTK_WIDGET (button));
  gtk_menu_button_popup (button);
  g_signal_emit_by_name (find_button (GTK_WIDGET (gtk_menu_button_get_popover (button)), "Sep"), "clicked");
  expected = cohorts_date_new (cohorts_date_get_year (today), 9, 1);
  milestone = milestone_of (unassigned, COHORTS_STEP_CONVERSION);
  g_assert_cmpint (milestone.state, ==, COHORTS_MILESTONE_PLANNED);
  g_assert_cmpuint (milestone.date, ==, expected);
  g_clear_pointer (&day, g_free);
  g_clear_pointer (&shown, g_free);
  day = cohorts_date_format (expected);
  shown = g_strdup_printf ("%s · own date", day);
  text = step_subtitle (window, COHORTS_STEP_CONVERSION);
  g_assert_cmpstr (text, ==, shown);
  g_free (text);
  /* The other steps are planned back from it: the resolution 30 weeks before. */
  g_clear_pointer (&day, g_free);
  g_clear_pointer (&shown, g_free);
  day = cohorts_date_format (expected - 30 * 7);
  shown = g_strdup_printf ("%s · from the schedule", day);
  text = step_subtitle (window, COHORTS_STEP_RESOLUTION);
  g_assert_cmpstr (text, ==, shown);
  g_free (text);
  g_assert_null (strstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (steps_group_of (window))),
                         "Not in a cohort"));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A timing changed with its spin button moves a school's dates. */
static void
test_schedule_timing (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (EXAMPLE);
  CohortsWindow *window = open_window (file);
  CohortsPlan *plan = cohorts_window_get_plan (window);
  CohortsSchedule *schedule = cohorts_plan_get_schedule (plan);
  GtkSpinButton *spin;
  char *text;

  /* Nothing selected: the plan's settings, with its schedule. */
  g_assert_true (COHORTS_IS_PLAN (cohorts_editor_get_subject (editor_of (window))));
  spin = cohorts_schedule_group_get_weeks_before (schedule_group_of (window), COHORTS_STEP_ACADEMY_ORDER);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, 20);
  g_assert_null (cohorts_schedule_group_get_weeks (schedule_group_of (window), COHORTS_STEP_ACADEMY_ORDER));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (cohorts_schedule_group_get_weeks (schedule_group_of (window),
                                                                                       COHORTS_STEP_TUPE)),
                   ==, 6);

  gtk_spin_button_set_value (spin, 22);
  g_assert_cmpint (cohorts_schedule_get_weeks_before (schedule, COHORTS_STEP_ACADEMY_ORDER), ==, 22);
  g_assert_cmpstr (undo_menu_label (window), ==, "_Undo Change Timing of Academy order");

  /* How long a consultation lasts. */
  gtk_spin_button_set_value (cohorts_schedule_group_get_weeks (schedule_group_of (window), COHORTS_STEP_CONSULTATION),
                             8);
  g_assert_cmpint (cohorts_schedule_get_weeks (schedule, COHORTS_STEP_CONSULTATION), ==, 8);
  g_assert_cmpint (cohorts_schedule_get_weeks_before (schedule, COHORTS_STEP_CONSULTATION), ==, 12);

  /* Undo shows in the spin button. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  settle ();
  g_assert_cmpint (gtk_spin_button_get_value_as_int (cohorts_schedule_group_get_weeks (schedule_group_of (window),
                                                                                       COHORTS_STEP_CONSULTATION)),
                   ==, 6);
  g_assert_cmpint (cohorts_schedule_get_weeks (schedule, COHORTS_STEP_CONSULTATION), ==, 6);

  /* A school's academy order: 22 + 6 weeks before 1 April 2028. */
  select_school (window, 938134);
  text = step_subtitle (window, COHORTS_STEP_ACADEMY_ORDER);
  g_assert_cmpstr (text, ==, "18 September 2027 · from the schedule");
  g_free (text);

  /* The rows follow the schedule as it is undone. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpint (cohorts_schedule_get_weeks_before (schedule, COHORTS_STEP_ACADEMY_ORDER), ==, 20);
  text = step_subtitle (window, COHORTS_STEP_ACADEMY_ORDER);
  g_assert_cmpstr (text, ==, "2 October 2027 · from the schedule");
  g_free (text);

  /* The church lead time moves a church school's early steps, not a community school's. */
  select_sidebar_row (window, 1);
  select_sidebar_row (window, 0);
  g_assert_true (COHORTS_IS_PLAN (cohorts_editor_get_subject (editor_of (window))));
  /* A new page: its spin buttons show the schedule as it is now. */
  settle ();
  spin = cohorts_schedule_group_get_weeks_before (schedule_group_of (window), COHORTS_STEP_ACADEMY_ORDER);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, 20);
  gtk_spin_button_set_value (cohorts_schedule_group_get_church_lead (schedule_group_of (window)), 10);
  g_assert_cmpint (cohorts_schedule_get_church_lead_weeks (schedule), ==, 10);
  g_assert_cmpstr (undo_menu_label (window), ==, "_Undo Change Church Lead Time");
  select_school (window, 938134);
  text = step_subtitle (window, COHORTS_STEP_ACADEMY_ORDER);
  g_assert_cmpstr (text, ==, "4 September 2027 · from the schedule");
  g_free (text);
  select_school (window, 938127);
  text = step_subtitle (window, COHORTS_STEP_ACADEMY_ORDER);
  g_assert_cmpstr (text, ==, "12 November 2026 · from the schedule");
  g_free (text);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Restore Defaults puts every timing back as one step. */
static void
test_schedule_restore (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (EXAMPLE);
  CohortsWindow *window = open_window (file);
  CohortsPlan *plan = cohorts_window_get_plan (window);
  CohortsSchedule *schedule = cohorts_plan_get_schedule (plan);
  CohortsScheduleGroup *group = schedule_group_of (window);
  GtkWidget *restore = GTK_WIDGET (cohorts_schedule_group_get_restore (group));

  g_assert_true (cohorts_schedule_is_default (schedule));
  g_assert_false (gtk_widget_get_sensitive (restore));

  gtk_spin_button_set_value (cohorts_schedule_group_get_weeks_before (group, COHORTS_STEP_RESOLUTION), 40);
  gtk_spin_button_set_value (cohorts_schedule_group_get_weeks (group, COHORTS_STEP_TUPE), 4);
  gtk_spin_button_set_value (cohorts_schedule_group_get_church_lead (group), 0);
  settle ();
  g_assert_false (cohorts_schedule_is_default (schedule));
  g_assert_true (gtk_widget_get_sensitive (restore));

  g_signal_emit_by_name (restore, "clicked");
  g_assert_true (cohorts_schedule_is_default (schedule));
  g_assert_cmpint (cohorts_schedule_get_weeks_before (schedule, COHORTS_STEP_RESOLUTION), ==, 30);
  g_assert_cmpint (cohorts_schedule_get_weeks (schedule, COHORTS_STEP_TUPE), ==, 6);
  g_assert_cmpint (cohorts_schedule_get_church_lead_weeks (schedule), ==, 6);
  g_assert_cmpstr (undo_menu_label (window), ==, "_Undo Restore Default Schedule");
  settle ();
  g_assert_false (gtk_widget_get_sensitive (restore));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (cohorts_schedule_group_get_weeks_before (group,
                                                                                              COHORTS_STEP_RESOLUTION)),
                   ==, 30);

  /* One undo brings back all three. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpint (cohorts_schedule_get_weeks_before (schedule, COHORTS_STEP_RESOLUTION), ==, 40);
  g_assert_cmpint (cohorts_schedule_get_weeks (schedule, COHORTS_STEP_TUPE), ==, 4);
  g_assert_cmpint (cohorts_schedule_get_church_lead_weeks (schedule), ==, 0);
  g_assert_cmpstr (undo_menu_label (window), ==, "_Undo Change Church Lead Time");
  settle ();
  g_assert_true (gtk_widget_get_sensitive (restore));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (cohorts_schedule_group_get_weeks_before (group,
                                                                                              COHORTS_STEP_RESOLUTION)),
                   ==, 40);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (cohorts_schedule_group_get_weeks (group, COHORTS_STEP_TUPE)),
                   ==, 4);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (cohorts_schedule_group_get_church_lead (group)), ==, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  g_assert_true (cohorts_schedule_is_default (schedule));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The editor's readiness and the plan's framework */

static CohortsReadinessGroup *
readiness_group_of (CohortsWindow *window)
{
  GtkWidget *group = find_widget (GTK_WIDGET (editor_of (window)), COHORTS_TYPE_READINESS_GROUP);

  g_assert_nonnull (group);
  return COHORTS_READINESS_GROUP (group);
}

static CohortsFrameworkGroup *
framework_group_of (CohortsWindow *window)
{
  GtkWidget *group = find_widget (GTK_WIDGET (editor_of (window)), COHORTS_TYPE_FRAMEWORK_GROUP);

  g_assert_nonnull (group);
  return COHORTS_FRAMEWORK_GROUP (group);
}

/* The readiness as the group's description shows it, once refreshed. */
static const char *
readiness_shown (CohortsWindow *window)
{
  settle ();
  return adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (readiness_group_of (window)));
}

static const char *
criterion_subtitle (CohortsWindow    *window,
                    CohortsCriterion  criterion)
{
  settle ();
  return adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (cohorts_readiness_group_get_row (readiness_group_of (window),
                                                                                           criterion)));
}

/* Expands @criterion's row as a click would and picks @state in its drop-down. */
static void
choose_answer (CohortsWindow      *window,
               CohortsCriterion    criterion,
               CohortsAnswerState  state)
{
  CohortsReadinessGroup *group = readiness_group_of (window);
  GtkWidget *row = cohorts_readiness_group_get_row (group, criterion);
  GtkWidget *revealer = find_widget (row, GTK_TYPE_REVEALER);

  g_assert_true (gtk_widget_get_visible (row));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  wait_until (revealed, revealer);
  adw_combo_row_set_selected (cohorts_readiness_group_get_answer_row (group, criterion), state);
}

/* Answers changed through the rows: the model, the score in words, undo. */
static void
test_readiness_answers (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (EXAMPLE);
  CohortsWindow *window = open_window (file);
  CohortsPlan *plan = cohorts_window_get_plan (window);
  /* Castle Mead: a community school, every criterion met but consultation, partly. */
  CohortsSchool *school = cohorts_plan_find_school (plan, 938127);
  CohortsReadinessGroup *group;
  const CohortsAnswer *answer;
  AdwEntryRow *note;
  CohortsDateButton *button;
  g_autoptr(GDateTime) day = g_date_time_new_local (2026, 11, 12, 0, 0, 0);
  g_autofree char *problem = NULL;

  g_signal_connect (editor_of (window), "problem", G_CALLBACK (problem_cb), &problem);
  select_school (window, 938127);
  group = readiness_group_of (window);

  /* Weights 8+8+10+5+6+5+6+5 = 53; consultation partly: 101 of 106 half-weights. */
  g_assert_cmpstr (readiness_shown (window), ==, "Green — 95%");
  g_assert_cmpstr (criterion_subtitle (window, COHORTS_CRITERION_CONSULTATION), ==, "Partly met");
  g_assert_cmpstr (criterion_subtitle (window, COHORTS_CRITERION_RESOLUTION), ==, "Met · 8 October 2026");
  /* Diocesan consent does not count for a community school. */
  g_assert_false (gtk_widget_get_visible (cohorts_readiness_group_get_row (group,
                                                                           COHORTS_CRITERION_DIOCESAN_CONSENT)));

  choose_answer (window, COHORTS_CRITERION_CONSULTATION, COHORTS_ANSWER_NOT_MET);
  g_assert_cmpint (cohorts_school_get_answer (school, COHORTS_CRITERION_CONSULTATION)->state, ==,
                   COHORTS_ANSWER_NOT_MET);
  g_assert_cmpstr (undo_menu_label (window), ==, "_Undo Set “Consultation” for Castle Mead Middle School");
  g_assert_cmpstr (readiness_shown (window), ==, "Green — 90%");
  g_assert_cmpstr (criterion_subtitle (window, COHORTS_CRITERION_CONSULTATION), ==, "Not met");

  /* A critical criterion not met: red whatever the score (76 of 106). */
  choose_answer (window, COHORTS_CRITERION_RESOLUTION, COHORTS_ANSWER_NOT_MET);
  answer = cohorts_school_get_answer (school, COHORTS_CRITERION_RESOLUTION);
  g_assert_cmpint (answer->state, ==, COHORTS_ANSWER_NOT_MET);
  /* The date of the evidence stays with the answer. */
  g_assert_cmpuint (answer->date, ==, cohorts_date_new (2026, 10, 8));
  g_assert_cmpstr (readiness_shown (window), ==,
                   "Red — 71% · critical criterion not met: Governing body resolution");

  /* A note, typed and applied with Enter. */
  note = cohorts_readiness_group_get_note_row (group, COHORTS_CRITERION_CONSULTATION);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (note)));
  gtk_editable_set_text (GTK_EDITABLE (note), "Second meeting on 12 May");
  g_signal_emit_by_name (note, "entry-activated");
  g_assert_cmpstr (cohorts_school_get_answer (school, COHORTS_CRITERION_CONSULTATION)->note, ==,
                   "Second meeting on 12 May");
  g_assert_cmpstr (criterion_subtitle (window, COHORTS_CRITERION_CONSULTATION), ==,
                   "Not met · Second meeting on 12 May");

  /* The date of the evidence, picked in the calendar. */
  button = COHORTS_DATE_BUTTON (cohorts_readiness_group_get_date_button (group, COHORTS_CRITERION_CONSULTATION));
  scroll_to (GTK_WIDGET (button));
  gtk_menu_button_popup (cohorts_date_button_get_menu_button (button));
  gtk_calendar_select_day (cohorts_date_button_get_calendar (button), day);
  g_assert_cmpuint (cohorts_school_get_answer (school, COHORTS_CRITERION_CONSULTATION)->date, ==,
                    cohorts_date_new (2026, 11, 12));
  g_assert_cmpstr (criterion_subtitle (window, COHORTS_CRITERION_CONSULTATION), ==,
                   "Not met · 12 November 2026 · Second meeting on 12 May");
  g_assert_null (problem);

  /* Undo, step by step, shows in the rows and the score. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpstr (criterion_subtitle (window, COHORTS_CRITERION_CONSULTATION), ==, "Not met");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (note)), ==, "");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpstr (readiness_shown (window), ==, "Green — 90%");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpint (cohorts_school_get_answer (school, COHORTS_CRITERION_CONSULTATION)->state, ==,
                   COHORTS_ANSWER_PARTLY);
  g_assert_cmpstr (readiness_shown (window), ==, "Green — 95%");
  g_assert_cmpuint (adw_combo_row_get_selected (cohorts_readiness_group_get_answer_row (group,
                                                                                       COHORTS_CRITERION_CONSULTATION)),
                    ==, COHORTS_ANSWER_PARTLY);

  /* Another edit: as a church school, diocesan consent counts, not yet assessed. */
  cohorts_plan_edit (plan, school, "religious-character", COHORTS_RELIGIOUS_CHARACTER_CHURCH_OF_ENGLAND, NULL);
  settle ();
  g_assert_true (gtk_widget_get_visible (cohorts_readiness_group_get_row (group, COHORTS_CRITERION_DIOCESAN_CONSENT)));
  /* 101 of 126 half-weights. */
  g_assert_cmpstr (readiness_shown (window), ==,
                   "Red — 80% · critical criterion not met: Diocesan consent · 1 criterion not assessed");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpstr (readiness_shown (window), ==, "Green — 95%");
  g_assert_false (gtk_widget_get_visible (cohorts_readiness_group_get_row (group,
                                                                           COHORTS_CRITERION_DIOCESAN_CONSENT)));

  /* Whitlow, a church school with no answers: not assessed, diocesan consent shown. */
  select_school (window, 938257);
  g_assert_true (readiness_group_of (window) == group);
  g_assert_cmpstr (readiness_shown (window), ==, "Not assessed: no criterion has an answer yet");
  g_assert_true (gtk_widget_get_visible (cohorts_readiness_group_get_row (group, COHORTS_CRITERION_DIOCESAN_CONSENT)));
  g_assert_cmpstr (criterion_subtitle (window, COHORTS_CRITERION_DIOCESAN_CONSENT), ==, "Not assessed");
  /* Without an answer there is nothing to note. */
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (cohorts_readiness_group_get_note_row (group,
                                                                                             COHORTS_CRITERION_LAND))));
  choose_answer (window, COHORTS_CRITERION_DIOCESAN_CONSENT, COHORTS_ANSWER_MET);
  school = cohorts_plan_find_school (plan, 938257);
  g_assert_cmpint (cohorts_school_get_answer (school, COHORTS_CRITERION_DIOCESAN_CONSENT)->state, ==,
                   COHORTS_ANSWER_MET);
  /* 20 of 126 half-weights, the resolution (critical) not assessed among them. */
  g_assert_cmpstr (readiness_shown (window), ==,
                   "Red — 15% · critical criterion not met: Governing body resolution · 8 criteria not assessed");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The framework: a weight, a critical criterion, thresholds (a pair the
 * framework cannot hold refused with its reason), Restore Defaults. */
static CohortsChurchGroup *
church_group_of (CohortsWindow *window)
{
  GtkWidget *group = find_widget (GTK_WIDGET (editor_of (window)), COHORTS_TYPE_CHURCH_GROUP);

  g_assert_nonnull (group);
  return COHORTS_CHURCH_GROUP (group);
}

/* The message of the finding @code on @school, or NULL. */
static char *
finding_message (CohortsPlan   *plan,
                 const char    *code,
                 CohortsSchool *school)
{
  g_autoptr(GPtrArray) findings = cohorts_checks_run (plan);
  g_autofree char *subject = g_strdup_printf ("school:%u", cohorts_school_get_urn (school));

  for (guint i = 0; i < findings->len; i++)
    {
      const CohortsFinding *finding = g_ptr_array_index (findings, i);

      if (g_str_equal (finding->code, code) && g_strcmp0 (finding->subject, subject) == 0)
        return g_strdup (finding->message);
    }
  return NULL;
}

static const char *
track_subtitle (CohortsWindow *window,
                const char    *property)
{
  return adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (cohorts_church_group_get_track_row (church_group_of (window),
                                                                                              property)));
}

static void
test_church_track (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (EXAMPLE);
  CohortsWindow *window = open_window (file);
  CohortsPlan *plan = cohorts_window_get_plan (window);
  /* St Mary's: voluntary controlled, in Cohort 3; the diocesan board asked
   * on 5 October 2026, not yet decided. */
  CohortsSchool *marys = cohorts_plan_find_school (plan, 938244);
  CohortsChurchGroup *group;
  GtkWidget *state, *decided, *list, *button, *foundation;
  CohortsDateButton *date_button;
  g_autoptr(GDateTime) day = g_date_time_new_local (2026, 11, 12, 0, 0, 0);
  g_autofree char *problem = NULL;
  g_autofree char *message = NULL;

  g_signal_connect (editor_of (window), "problem", G_CALLBACK (problem_cb), &problem);
  list = find_widget (GTK_WIDGET (window), GTK_TYPE_LIST_BOX);
  button = gtk_widget_get_ancestor (list, GTK_TYPE_MENU_BUTTON);

  /* A community school has no church track. */
  select_school (window, 938127);
  group = church_group_of (window);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (group)));
  /* It appears when the school becomes a church school, and goes with undo. */
  cohorts_plan_edit (plan, cohorts_plan_find_school (plan, 938127),
                     "religious-character", COHORTS_RELIGIOUS_CHARACTER_ROMAN_CATHOLIC, NULL);
  settle ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (group)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  settle ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (group)));

  /* Brackenfold: the diocesan board consented on 20 October 2026, and its
   * readiness has no answer of its own on it: the track's counts. */
  select_school (window, 938262);
  g_assert_cmpstr (track_subtitle (window, "diocesan-consent"), ==, "Granted on 20 October 2026");
  g_assert_cmpstr (criterion_subtitle (window, COHORTS_CRITERION_DIOCESAN_CONSENT), ==,
                   "Met, as the church track says");
  g_assert_null (strstr (readiness_shown (window), "Diocesan consent"));

  select_school (window, 938244);
  g_assert_true (church_group_of (window) == group);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (group)));
  g_assert_true (g_str_has_prefix (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (group)),
                                   "Voluntary controlled: the church appoints a minority of the governors."));
  g_assert_cmpstr (track_subtitle (window, "diocesan-consent"), ==, "Requested on 5 October 2026, not yet decided");
  g_assert_cmpstr (track_subtitle (window, "memorandum"), ==, "Agreed · 1 July 2026");
  g_assert_cmpstr (track_subtitle (window, "governors"), ==, "3 foundation governors of 11");
  g_assert_cmpstr (track_subtitle (window, "site-trustees-consent"), ==, "Not requested");
  /* SIAMS is edited here, and nowhere else on the page. */
  g_assert_null (cohorts_editor_get_row (editor_of (window), "siams-outcome"));
  g_assert_nonnull (cohorts_church_group_get_control (group, "siams-outcome"));

  /* Not decided: no date of a decision. */
  state = cohorts_church_group_get_control (group, "diocesan-consent");
  decided = cohorts_church_group_get_control (group, "diocesan-consent-decided");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (state)), ==, COHORTS_CONSENT_REQUESTED);
  g_assert_false (gtk_widget_is_sensitive (decided));
  g_assert_null (finding_message (plan, "church-consent-refused", marys));

  /* Refused, through the drop-down: one step, the problem in the list. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (state), COHORTS_CONSENT_REFUSED);
  g_assert_cmpint (cohorts_school_get_diocesan_consent (marys), ==, COHORTS_CONSENT_REFUSED);
  g_assert_cmpuint (cohorts_school_get_diocesan_consent_requested (marys), ==, cohorts_date_new (2026, 10, 5));
  g_assert_cmpstr (undo_menu_label (window), ==, "_Undo Edit Diocesan board consent");
  settle ();
  g_assert_cmpstr (track_subtitle (window, "diocesan-consent"), ==, "Refused");
  g_assert_true (gtk_widget_is_sensitive (decided));
  message = finding_message (plan, "church-consent-refused", marys);
  g_assert_nonnull (message);
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  wait_for_text (list, message, TRUE);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));

  /* When, picked in the calendar. */
  date_button = COHORTS_DATE_BUTTON (decided);
  scroll_to (decided);
  gtk_menu_button_popup (cohorts_date_button_get_menu_button (date_button));
  gtk_calendar_select_day (cohorts_date_button_get_calendar (date_button), day);
  g_assert_cmpuint (cohorts_school_get_diocesan_consent_decided (marys), ==, cohorts_date_new (2026, 11, 12));
  settle ();
  g_assert_cmpstr (track_subtitle (window, "diocesan-consent"), ==, "Refused on 12 November 2026");

  /* Back to requested: the decision's date goes in the same step. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (state), COHORTS_CONSENT_REQUESTED);
  g_assert_cmpuint (cohorts_school_get_diocesan_consent_decided (marys), ==, COHORTS_DATE_NONE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpint (cohorts_school_get_diocesan_consent (marys), ==, COHORTS_CONSENT_REFUSED);
  g_assert_cmpuint (cohorts_school_get_diocesan_consent_decided (marys), ==, cohorts_date_new (2026, 11, 12));

  /* Governors: a number, or nothing for not recorded; nonsense refused. */
  foundation = cohorts_church_group_get_control (group, "foundation-governors");
  gtk_editable_set_text (GTK_EDITABLE (foundation), "many");
  g_signal_emit_by_name (foundation, "entry-activated");
  g_assert_cmpstr (problem, ==, "Enter a whole number from 0 to 99, or nothing");
  g_assert_cmpint (cohorts_school_get_foundation_governors (marys), ==, 3);
  gtk_editable_set_text (GTK_EDITABLE (foundation), "");
  g_signal_emit_by_name (foundation, "entry-activated");
  g_assert_cmpint (cohorts_school_get_foundation_governors (marys), ==, -1);
  settle ();
  g_assert_cmpstr (track_subtitle (window, "governors"), ==, "11 governors in all");

  /* Undo, step by step: the widgets follow; the problem goes. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpint (cohorts_school_get_foundation_governors (marys), ==, 3);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpint (cohorts_school_get_diocesan_consent (marys), ==, COHORTS_CONSENT_REQUESTED);
  g_assert_cmpuint (cohorts_school_get_diocesan_consent_decided (marys), ==, COHORTS_DATE_NONE);
  settle ();
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (state)), ==, COHORTS_CONSENT_REQUESTED);
  g_assert_false (gtk_widget_is_sensitive (decided));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (foundation)), ==, "3");
  g_assert_cmpstr (track_subtitle (window, "diocesan-consent"), ==, "Requested on 5 October 2026, not yet decided");
  g_assert_null (finding_message (plan, "church-consent-refused", marys));
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  wait_for_text (list, message, FALSE);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
  g_assert_false (cohorts_plan_is_modified (plan));

  /* On the timeline, St Mary's request where it was asked, and its tooltip. */
  {
    CohortsTimeline *timeline = show_timeline (window);
    const CohortsTimelineRow *row;
    const CohortsTimelineMarker *marker = NULL;
    g_autofree char *tip = NULL;

    cohorts_timeline_set_selected_school (timeline, marys);
    cohorts_timeline_scroll_to_date (timeline, cohorts_date_new (2026, 10, 5));
    settle ();
    row = timeline_row (timeline, marys, NULL);
    for (guint i = 0; i < row->n_markers; i++)
      if (row->markers[i].step == COHORTS_STEP_DIOCESAN_CONSENT)
        marker = &row->markers[i];
    g_assert_nonnull (marker);
    g_assert_cmpint (marker->consent, ==, COHORTS_CONSENT_REQUESTED);
    tip = cohorts_timeline_describe (timeline, marker->requested_x,
                                     row->y + cohorts_timeline_get_layout (timeline)->view.row_height / 2);
    g_assert_nonnull (strstr (tip, "Diocesan board consent: requested on 5 October 2026, not yet decided"));
    adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK)),
                                           "schools");
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_readiness_framework (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (EXAMPLE);
  CohortsWindow *window = open_window (file);
  CohortsPlan *plan = cohorts_window_get_plan (window);
  CohortsReadiness *readiness = cohorts_plan_get_readiness (plan);
  CohortsFrameworkGroup *group;
  GtkWidget *amber_row;
  g_autofree char *problem = NULL;

  g_signal_connect (editor_of (window), "problem", G_CALLBACK (problem_cb), &problem);
  /* Nothing selected: the plan's settings, with its framework. */
  g_assert_true (COHORTS_IS_PLAN (cohorts_editor_get_subject (editor_of (window))));
  group = framework_group_of (window);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (cohorts_framework_group_get_weight (group,
                                                                                         COHORTS_CRITERION_FINANCES)),
                   ==, 8);
  g_assert_true (gtk_switch_get_active (cohorts_framework_group_get_critical (group, COHORTS_CRITERION_RESOLUTION)));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (cohorts_framework_group_get_restore (group))));

  gtk_spin_button_set_value (cohorts_framework_group_get_weight (group, COHORTS_CRITERION_CONSULTATION), 9);
  g_assert_cmpint (cohorts_readiness_get_framework (readiness)->weights[COHORTS_CRITERION_CONSULTATION], ==, 9);
  g_assert_cmpstr (undo_menu_label (window), ==, "_Undo Change Weight of “Consultation”");

  gtk_switch_set_active (cohorts_framework_group_get_critical (group, COHORTS_CRITERION_CONSULTATION), TRUE);
  g_assert_true (cohorts_readiness_get_framework (readiness)->critical[COHORTS_CRITERION_CONSULTATION]);
  g_assert_cmpstr (undo_menu_label (window), ==, "_Undo Make “Consultation” Critical");

  gtk_spin_button_set_value (cohorts_framework_group_get_green (group), 80);
  g_assert_cmpint (cohorts_readiness_get_framework (readiness)->green_min, ==, 80);
  g_assert_cmpint (cohorts_readiness_get_framework (readiness)->amber_min, ==, 50);
  g_assert_cmpstr (undo_menu_label (window), ==, "_Undo Change Readiness Thresholds");

  /* Amber above green: refused, and the row says why. */
  amber_row = cohorts_framework_group_get_threshold_row (group, FALSE);
  gtk_spin_button_set_value (cohorts_framework_group_get_amber (group), 85);
  g_assert_cmpint (cohorts_readiness_get_framework (readiness)->amber_min, ==, 50);
  g_assert_cmpstr (problem, ==, "The thresholds need 0% ≤ amber ≤ green ≤ 100%");
  g_assert_true (gtk_widget_has_css_class (amber_row, "error"));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (amber_row)), ==,
                   "The thresholds need 0% ≤ amber ≤ green ≤ 100%");
  g_assert_cmpstr (undo_menu_label (window), ==, "_Undo Change Readiness Thresholds");
  /* A green above it makes the pair one the framework holds. */
  gtk_spin_button_set_value (cohorts_framework_group_get_green (group), 90);
  g_assert_cmpint (cohorts_readiness_get_framework (readiness)->green_min, ==, 90);
  g_assert_cmpint (cohorts_readiness_get_framework (readiness)->amber_min, ==, 85);
  g_assert_false (gtk_widget_has_css_class (amber_row, "error"));

  /* A school's score follows the framework: Castle Mead, consultation
   * (weight 9) partly met: 105 of 114 half-weights, green from 90 %. */
  select_school (window, 938127);
  g_assert_cmpstr (readiness_shown (window), ==, "Green — 92%");
  select_sidebar_row (window, 1);
  select_sidebar_row (window, 0);
  g_assert_true (COHORTS_IS_PLAN (cohorts_editor_get_subject (editor_of (window))));
  settle ();
  group = framework_group_of (window);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (cohorts_framework_group_get_amber (group)), ==, 85);

  /* Restore Defaults: one step, undone as one. */
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (cohorts_framework_group_get_restore (group))));
  g_signal_emit_by_name (cohorts_framework_group_get_restore (group), "clicked");
  g_assert_true (cohorts_framework_is_default (cohorts_readiness_get_framework (readiness)));
  g_assert_cmpstr (undo_menu_label (window), ==, "_Undo Restore Default Framework");
  settle ();
  g_assert_cmpint (gtk_spin_button_get_value_as_int (cohorts_framework_group_get_weight (group,
                                                                                         COHORTS_CRITERION_CONSULTATION)),
                   ==, 5);
  g_assert_false (gtk_switch_get_active (cohorts_framework_group_get_critical (group, COHORTS_CRITERION_CONSULTATION)));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (cohorts_framework_group_get_restore (group))));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  settle ();
  g_assert_cmpint (cohorts_readiness_get_framework (readiness)->weights[COHORTS_CRITERION_CONSULTATION], ==, 9);
  g_assert_true (cohorts_readiness_get_framework (readiness)->critical[COHORTS_CRITERION_CONSULTATION]);
  g_assert_cmpint (cohorts_readiness_get_framework (readiness)->green_min, ==, 90);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (cohorts_framework_group_get_green (group)), ==, 90);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (cohorts_framework_group_get_weight (group,
                                                                                         COHORTS_CRITERION_CONSULTATION)),
                   ==, 9);
  g_assert_true (gtk_switch_get_active (cohorts_framework_group_get_critical (group, COHORTS_CRITERION_CONSULTATION)));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Printing and export ------------------------------------------------------ */

/* What poppler's tools say of a PDF: "pdfinfo" or "pdftotext" of one page. */
static char *
run_tool (const char * const *argv)
{
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_steal_pointer (&out);
}

static guint
pdf_n_pages (const char *path)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *info = run_tool (argv);
  const char *pages = strstr (info, "\nPages:");

  g_assert_nonnull (pages);
  return (guint) g_ascii_strtoull (pages + strlen ("\nPages:") + strspn (pages + strlen ("\nPages:"), " "), NULL, 10);
}

static char *
pdf_page_size (const char *path)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *info = run_tool (argv);
  const char *size = strstr (info, "\nPage size:");
  const char *end;

  g_assert_nonnull (size);
  size += strlen ("\nPage size:");
  size += strspn (size, " ");
  end = strchr (size, '\n');
  return g_strndup (size, end - size);
}

static char *
pdf_text (const char *path,
          guint       page)
{
  g_autofree char *number = g_strdup_printf ("%u", page);
  const char *argv[] = { "pdftotext", "-f", number, "-l", number, path, "-", NULL };

  return run_tool (argv);
}

/* Checks that every page of @path is headed "Page N of M". */
static guint
check_pages (const char *path)
{
  guint n_pages = pdf_n_pages (path);

  for (guint i = 1; i <= n_pages; i++)
    {
      g_autofree char *text = pdf_text (path, i);
      g_autofree char *heading = g_strdup_printf ("Page %u of %u", i, n_pages);

      g_assert_nonnull (strstr (text, heading));
      g_assert_nonnull (strstr (text, "Saved "));
    }
  return n_pages;
}

static char *
pdf_all_text (const char *path)
{
  const char *argv[] = { "pdftotext", path, "-", NULL };

  return run_tool (argv);
}

/* Prints @window's plan to the PDF @path as GTK's print dialog would, with
 * @setup as the dialog's paper. */
static void
print_to_pdf (CohortsWindow             *window,
              const CohortsPrintChoices *choices,
              GtkPageSetup              *setup,
              const char                *path)
{
  g_autoptr(CohortsPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  operation = cohorts_print_operation_new (cohorts_window_get_plan (window), "Saved 3 May 2027");
  cohorts_print_operation_set_choices (operation, choices);
  cohorts_print_operation_set_today (operation, cohorts_date_new (2026, 11, 23));
  if (setup != NULL)
    gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (operation), setup);
  cohorts_print_operation_set_export_filename (operation, path);
  result = gtk_print_operation_run (GTK_PRINT_OPERATION (operation), GTK_PRINT_OPERATION_ACTION_EXPORT,
                                    GTK_WINDOW (window), &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);
}

/* Print: the pages of the print dialog's paper, each with its heading; fit
 * and tile differ; a cohort left out is left out. */
static void
test_print (void)
{
  g_autofree char *dir = g_dir_make_tmp ("cohorts-window-XXXXXX", NULL);
  g_autofree char *fit_path = g_build_filename (dir, "fit.pdf", NULL);
  g_autofree char *tile_path = g_build_filename (dir, "tile.pdf", NULL);
  g_autofree char *portrait_path = g_build_filename (dir, "portrait.pdf", NULL);
  g_autofree char *hidden_path = g_build_filename (dir, "hidden.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (EXAMPLE);
  CohortsWindow *window = open_window (file);
  CohortsPlan *plan = cohorts_window_get_plan (window);
  g_autoptr(CohortsPrintChoices) choices = cohorts_print_choices_new ();
  g_autoptr(GtkPageSetup) portrait = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a3 = gtk_paper_size_new (GTK_PAPER_NAME_A3);
  g_autofree char *text = NULL;
  g_autofree char *size = NULL;
  guint fit_pages, tile_pages;

  /* The default: A4 landscape. */
  print_to_pdf (window, choices, NULL, fit_path);
  fit_pages = check_pages (fit_path);
  size = pdf_page_size (fit_path);
  g_assert_true (g_str_has_prefix (size, "841.89 x 595.2"));
  g_clear_pointer (&size, g_free);
  text = pdf_all_text (fit_path);
  g_assert_nonnull (strstr (text, "Northfield High School"));
  g_assert_nonnull (strstr (text, "Castle Mead Middle School"));
  g_assert_nonnull (strstr (text, "Saved 3 May 2027"));
  g_clear_pointer (&text, g_free);

  choices->mode = COHORTS_PAGES_TILE;
  print_to_pdf (window, choices, NULL, tile_path);
  tile_pages = check_pages (tile_path);
  g_assert_cmpuint (tile_pages, >, fit_pages);

  /* The dialog's paper and orientation: A3 portrait. */
  gtk_page_setup_set_paper_size_and_default_margins (portrait, a3);
  gtk_page_setup_set_orientation (portrait, GTK_PAGE_ORIENTATION_PORTRAIT);
  print_to_pdf (window, choices, portrait, portrait_path);
  check_pages (portrait_path);
  size = pdf_page_size (portrait_path);
  g_assert_true (g_str_has_prefix (size, "841.89 x 1190.5"));

  /* Cohort 1 left out, and the URN beside the names. */
  choices->mode = COHORTS_PAGES_FIT;
  choices->columns = COHORTS_TIMELINE_COLUMN_URN;
  cohorts_print_choices_set_hidden (choices, cohorts_plan_find_cohort (plan, "c1"), TRUE);
  print_to_pdf (window, choices, NULL, hidden_path);
  check_pages (hidden_path);
  text = pdf_all_text (hidden_path);
  g_assert_null (strstr (text, "Northfield High School"));
  g_assert_null (strstr (text, "Castle Mead Middle School"));
  g_assert_nonnull (strstr (text, "Elmsworth Middle School"));
  g_assert_nonnull (strstr (text, "938145"));

  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (fit_path);
  g_unlink (tile_path);
  g_unlink (portrait_path);
  g_unlink (hidden_path);
  g_rmdir (dir);
}

static GtkWidget *
find_row (GtkWidget  *widget,
          const char *title)
{
  if (ADW_IS_PREFERENCES_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row (child, title);
      if (found)
        return found;
    }
  return NULL;
}

static gboolean
window_sensitive (gpointer data)
{
  return gtk_widget_get_sensitive (data);
}

/* Export Timeline: the dialog's choices, written in the background behind a
 * modal progress dialog, then a notification. */
static void
test_export_timeline (void)
{
  g_autofree char *dir = g_dir_make_tmp ("cohorts-window-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "board.pdf", NULL);
  g_autoptr(GFile) out = g_file_new_for_path (path);
  g_autoptr(GFile) file = g_file_new_for_path (EXAMPLE);
  CohortsWindow *window = open_window (file);
  GtkWindow *dialog;
  GtkWidget *row;
  g_autofree char *text = NULL;

  dialog = cohorts_window_show_export_options (window, out);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_modal (dialog));

  /* A3 portrait, tiled, without Cohort 2. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_row (GTK_WIDGET (dialog), "Size")), 1);
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_row (GTK_WIDGET (dialog), "Orientation")), 1);
  adw_action_row_activate (ADW_ACTION_ROW (find_row (GTK_WIDGET (dialog), "Tile across pages")));
  row = find_row (GTK_WIDGET (dialog), "Cohort 2");
  g_assert_nonnull (row);
  adw_action_row_activate (ADW_ACTION_ROW (row));
  g_signal_emit_by_name (find_button (GTK_WIDGET (dialog), "_Export"), "clicked");

  /* While it runs, the plan cannot change. */
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (window)));
  g_assert_nonnull (find_dialog (GTK_WINDOW (window)));
  wait_for_text (GTK_WIDGET (window), "Exported “board.pdf”", TRUE);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (window)));
  g_assert_null (find_dialog (GTK_WINDOW (window)));

  check_pages (path);
  text = pdf_all_text (path);
  g_assert_nonnull (strstr (text, "Northfield High School"));
  g_assert_null (strstr (text, "Elmsworth Middle School"));
  {
    g_autofree char *size = pdf_page_size (path);

    g_assert_true (g_str_has_prefix (size, "841.89 x 1190.5"));
  }

  /* The next export starts from these choices. */
  dialog = cohorts_window_show_export_options (window, out);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (find_row (GTK_WIDGET (dialog), "Size"))), ==, 1);
  row = find_row (GTK_WIDGET (dialog), "Cohort 2");
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row)))));
  gtk_window_destroy (dialog);

  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (path);
  g_rmdir (dir);
}

/* Export Board Pack: the pack of the plan shown, with its edition. */
static void
test_export_board_pack (void)
{
  g_autofree char *dir = g_dir_make_tmp ("cohorts-window-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "pack.pdf", NULL);
  g_autoptr(GFile) out = g_file_new_for_path (path);
  g_autoptr(GFile) file = copy_example (dir);
  CohortsWindow *window = open_window (file);
  g_autofree char *text = NULL;

  /* Changed since it was saved: the pack says so. */
  select_school (window, 938226);
  type_into (window, "name", "Carrow Cross Church of England First School");

  cohorts_window_export_board_pack (window, out);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (window)));
  g_assert_cmpstr (adw_message_dialog_get_heading (find_dialog (GTK_WINDOW (window))), ==,
                   "Exporting the Board Pack");
  wait_for_text (GTK_WIDGET (window), "Exported “pack.pdf”", TRUE);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (window)));

  g_assert_cmpuint (pdf_n_pages (path), >, 1);
  text = pdf_all_text (path);
  g_assert_nonnull (strstr (text, "Northfield High School"));
  g_assert_nonnull (strstr (text, "Carrow Cross Church of England First School"));
  g_assert_nonnull (strstr (text, "Unsaved changes"));

  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (path);
  g_unlink (g_file_peek_path (file));
  g_rmdir (dir);
}

/* A file that cannot be written: a dialog names it and says why. */
static void
test_export_error (void)
{
  g_autoptr(GFile) out = g_file_new_for_path ("/nonexistent-folder/board.pdf");
  g_autoptr(GFile) file = g_file_new_for_path (EXAMPLE);
  CohortsWindow *window = open_window (file);
  g_autoptr(CohortsPrintChoices) choices = cohorts_print_choices_new ();
  AdwMessageDialog *dialog;

  cohorts_window_export_timeline (window, out, choices);
  wait_until (window_sensitive, window);
  dialog = find_dialog (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Export");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "“board.pdf” could not be written"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
}

typedef struct
{
  GCancellable *cancellable;
  guint pages_done;
  gboolean finished;
  GError *error;
} CancelRun;

/* In the worker thread: cancel once the first page is done. */
static void
cancel_after_first_page (guint    done,
                         guint    total,
                         gpointer user_data)
{
  CancelRun *run = user_data;

  g_atomic_int_inc (&run->pages_done);
  g_cancellable_cancel (run->cancellable);
}

static void
cancelled_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  CancelRun *run = user_data;

  g_assert_false (cohorts_export_finish (result, &run->error));
  run->finished = TRUE;
}

static gboolean
run_finished (gpointer data)
{
  return ((CancelRun *) data)->finished;
}

/* Cancelled half way, an export leaves the file there was as it was, and
 * nothing beside it. */
static void
test_export_cancel (void)
{
  g_autofree char *dir = g_dir_make_tmp ("cohorts-window-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "board.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (EXAMPLE);
  CohortsWindow *window = open_window (file);
  g_autoptr(CohortsPrintChoices) choices = cohorts_print_choices_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  CancelRun run = { cancellable, 0, FALSE, NULL };
  static const char old[] = "%PDF-1.5 the board's copy of last month\n";
  g_autofree char *contents = NULL;
  gsize length;
  GDir *listing;

  g_assert_true (g_file_set_contents (path, old, sizeof old - 1, NULL));
  choices->mode = COHORTS_PAGES_TILE;
  cohorts_export_timeline_async (cohorts_window_get_plan (window), path, choices, NULL,
                                 cohorts_date_new (2026, 11, 23), cancellable,
                                 cancel_after_first_page, &run, cancelled_cb, &run);
  wait_until (run_finished, &run);

  g_assert_error (run.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (run.pages_done, ==, 1);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpmem (contents, length, old, sizeof old - 1);

  listing = g_dir_open (dir, 0, NULL);
  g_assert_cmpstr (g_dir_read_name (listing), ==, "board.pdf");
  g_assert_null (g_dir_read_name (listing));
  g_dir_close (listing);

  g_clear_error (&run.error);
  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (path);
  g_rmdir (dir);
}

/* The school register */

static GStrv
read_gias_header (void)
{
  g_autofree char *path = g_build_filename (COHORTS_SOURCE_DIR, "tests", "data", "gias", "gias-header-2025.txt", NULL);
  g_autofree char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_strchomp (text);
  return g_strsplit (text, "\n", -1);
}

/* One row of the DfE's file: pairs of column and value, to NULL. */
static void
gias_row (GString           *out,
          const char *const *header,
          const char        *first,
          ...) G_GNUC_NULL_TERMINATED;

static void
gias_row (GString           *out,
          const char *const *header,
          const char        *first,
          ...)
{
  g_autoptr(GHashTable) values = g_hash_table_new (g_str_hash, g_str_equal);
  va_list args;

  va_start (args, first);
  for (const char *name = first; name != NULL; name = va_arg (args, const char *))
    {
      g_assert_true (g_strv_contains (header, name));
      g_hash_table_insert (values, (char *) name, va_arg (args, char *));
    }
  va_end (args);

  for (guint i = 0; header[i] != NULL; i++)
    {
      const char *value = g_hash_table_lookup (values, header[i]);

      g_string_append_printf (out, "%s\"%s\"", i > 0 ? "," : "", value ? value : "");
    }
  g_string_append (out, "\r\n");
}

/* The DfE's file, in @dir, with its real header: four schools (one in the
 * example plan, with @pupils pupils; one closed) and a row to leave out. */
static char *
write_gias (const char *dir,
            const char *pupils)
{
  g_auto(GStrv) h = read_gias_header ();
  const char *const *header = (const char *const *) h;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *path = g_build_filename (dir, "edubasealldata20250401.csv", NULL);

  for (guint i = 0; header[i] != NULL; i++)
    g_string_append_printf (out, "%s\"%s\"", i > 0 ? "," : "", header[i]);
  g_string_append (out, "\r\n");
  gias_row (out, header,
            "URN", "938112", "LA (code)", "201", "LA (name)", "Northshire",
            "EstablishmentName", "Northfield High School",
            "TypeOfEstablishment (name)", "Community school", "EstablishmentStatus (name)", "Open",
            "PhaseOfEducation (name)", "Secondary", "StatutoryLowAge", "13", "StatutoryHighAge", "18",
            "NumberOfPupils", pupils, "Town", "Northfield", "Postcode", "NF1 4HS", NULL);
  gias_row (out, header,
            "URN", "100000", "LA (code)", "201", "LA (name)", "Northshire",
            "EstablishmentName", "St Mary's C of E Primary School",
            "TypeOfEstablishment (name)", "Voluntary aided school", "EstablishmentStatus (name)", "Open",
            "PhaseOfEducation (name)", "Primary", "StatutoryLowAge", "4", "StatutoryHighAge", "11",
            "ReligiousCharacter (name)", "Church of England", "Diocese (code)", "CE23",
            "Diocese (name)", "Diocese of London", "SchoolCapacity", "210", "NumberOfPupils", "198",
            "Town", "Northfield", "Postcode", "NF1 2AB", NULL);
  gias_row (out, header, "URN", "10000x", "EstablishmentName", "Bad URN School", NULL);
  gias_row (out, header,
            "URN", "100005", "LA (code)", "202", "LA (name)", "Southshire",
            "EstablishmentName", "Southam Community Primary School",
            "TypeOfEstablishment (name)", "Community school", "EstablishmentStatus (name)", "Open",
            "PhaseOfEducation (name)", "Primary", "NumberOfPupils", "305", "Town", "Southam", NULL);
  gias_row (out, header,
            "URN", "100002", "LA (code)", "202", "LA (name)", "Southshire",
            "EstablishmentName", "Old Mill First School",
            "TypeOfEstablishment (name)", "Community school", "EstablishmentStatus (name)", "Closed",
            "CloseDate", "31-08-2020", "PhaseOfEducation (name)", "Primary", "Town", "Millbrook", NULL);
  g_assert_true (g_file_set_contents (path, out->str, out->len, NULL));
  return g_steal_pointer (&path);
}

/* Imports @path through the window, as the menu and a drop do. */
static void
import_register (CohortsWindow *window,
                 const char    *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  cohorts_window_import_register (window, file);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (window)));
  g_assert_cmpstr (adw_message_dialog_get_heading (find_dialog (GTK_WINDOW (window))), ==,
                   "Importing the School Register");
  wait_until (window_sensitive, window);
}

static void
remove_dir (const char *dir)
{
  GDir *listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_unlink (path);
    }
  g_dir_close (listing);
  g_rmdir (dir);
}

static GtkWidget *
find_check (GtkWidget  *widget,
            const char *label)
{
  if (GTK_IS_CHECK_BUTTON (widget) && g_strcmp0 (gtk_check_button_get_label (GTK_CHECK_BUTTON (widget)), label) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_check (child, label);
      if (found)
        return found;
    }
  return NULL;
}

static GtkListBox *
results_of (GtkWindow *dialog)
{
  GtkWidget *list = find_named (GTK_WIDGET (dialog), "register-results");

  g_assert_nonnull (list);
  return GTK_LIST_BOX (list);
}

/* The row of @list titled @title, or NULL. */
static GtkWidget *
row_titled (GtkListBox *list,
            const char *title)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list)); row; row = gtk_widget_get_next_sibling (row))
    if (ADW_IS_PREFERENCES_ROW (row) &&
        g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), title) == 0)
      return row;
  return NULL;
}

/* Types @text in the dialog's search and waits for @title among the results. */
static void
search_for (GtkWindow  *dialog,
            const char *text,
            const char *title)
{
  GtkWidget *entry = find_widget (GTK_WIDGET (dialog), GTK_TYPE_SEARCH_ENTRY);

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  wait_for_text (GTK_WIDGET (results_of (dialog)), title, TRUE);
}

static void
tick (GtkWindow  *dialog,
      const char *title)
{
  GtkWidget *row = row_titled (results_of (dialog), title);

  g_assert_nonnull (row);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find_widget (row, GTK_TYPE_CHECK_BUTTON)), TRUE);
}

static void
press (GtkWindow  *dialog,
       const char *label)
{
  GtkWidget *button = find_button (GTK_WIDGET (dialog), label);

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

/* Presses @label in @window, which then goes. */
static void
press_to_close (GtkWindow  *window,
                const char *label)
{
  GWeakRef ref;

  g_weak_ref_init (&ref, window);
  press (window, label);
  wait_until (window_gone, &ref);
  g_weak_ref_clear (&ref);
}

static void
test_register_import (void)
{
  g_autofree char *dir = g_dir_make_tmp ("cohorts-gias-XXXXXX", NULL);
  g_autofree char *csv = write_gias (dir, "1214");
  g_autofree char *bad = g_build_filename (dir, "edubase-bad.csv", NULL);
  g_autofree char *register_path = cohorts_register_default_path ();
  g_autoptr(GFile) file = g_file_new_for_path (EXAMPLE);
  CohortsWindow *window = open_window (file);
  g_autoptr(CohortsRegister) reg = NULL;
  AdwMessageDialog *dialog;

  import_register (window, csv);
  wait_for_text (GTK_WIDGET (window), "Imported 4 schools from “edubasealldata20250401.csv”; 1 row left out", TRUE);
  reg = cohorts_register_open (register_path, NULL);
  g_assert_nonnull (reg);
  g_assert_cmpuint (cohorts_register_get_n_schools (reg), ==, 4);

  /* Not the DfE's file: a dialog names it, the line and the reason, and
   * the register is as it was. */
  g_assert_true (g_file_set_contents (bad, "\"Name\",\"Town\"\r\n\"A\",\"B\"\r\n", -1, NULL));
  import_register (window, bad);
  dialog = find_dialog (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Import the School Register");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "“edubase-bad.csv” could not be imported."));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "edubase-bad.csv:1: the file has no “URN” column"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_clear_object (&reg);
  reg = cohorts_register_open (register_path, NULL);
  g_assert_cmpuint (cohorts_register_get_n_schools (reg), ==, 4);

  gtk_window_destroy (GTK_WINDOW (window));
  remove_dir (dir);
}

static void
test_register_add (void)
{
  g_autofree char *dir = g_dir_make_tmp ("cohorts-gias-XXXXXX", NULL);
  g_autofree char *csv = write_gias (dir, "1214");
  g_autoptr(GFile) file = g_file_new_for_path (EXAMPLE);
  CohortsWindow *window = open_window (file);
  CohortsPlan *plan = cohorts_window_get_plan (window);
  guint n_schools = g_list_model_get_n_items (cohorts_plan_get_schools (plan));
  CohortsSchool *school;
  GtkWindow *add;
  AdwMessageDialog *question;
  GtkWidget *row;

  import_register (window, csv);

  add = cohorts_window_show_add_from_register (window);
  g_assert_cmpstr (gtk_window_get_title (add), ==, "Add Schools from Register");
  g_assert_false (gtk_widget_get_sensitive (find_button (GTK_WIDGET (add), "_Add")));

  /* A school the plan has is shown as such and cannot be ticked. */
  search_for (add, "northfield hi", "Northfield High School");
  row = row_titled (results_of (add), "Northfield High School");
  g_assert_false (gtk_widget_get_sensitive (row));
  {
    g_autofree char *text = visible_text (row);
    g_assert_nonnull (strstr (text, "In the plan"));
  }

  /* Two schools ticked from two searches, added as one step. */
  search_for (add, "st mary", "St Mary's C of E Primary School");
  tick (add, "St Mary's C of E Primary School");
  search_for (add, "southam", "Southam Community Primary School");
  wait_for_text (GTK_WIDGET (results_of (add)), "St Mary's C of E Primary School", FALSE);
  tick (add, "Southam Community Primary School");
  press_to_close (add, "_Add 2 Schools");

  school = cohorts_plan_find_school (plan, 100000);
  g_assert_nonnull (school);
  g_assert_cmpstr (cohorts_school_get_name (school), ==, "St Mary's C of E Primary School");
  g_assert_cmpint (cohorts_school_get_phase (school), ==, COHORTS_PHASE_PRIMARY);
  g_assert_cmpint (cohorts_school_get_pupils (school), ==, 198);
  {
    g_autofree char *diocese = NULL;
    g_object_get (school, "diocese-name", &diocese, NULL);
    g_assert_cmpstr (diocese, ==, "Diocese of London");
  }
  school = cohorts_plan_find_school (plan, 100005);
  g_assert_nonnull (school);
  g_assert_cmpint (cohorts_school_get_pupils (school), ==, 305);
  g_assert_cmpuint (g_list_model_get_n_items (cohorts_plan_get_schools (plan)), ==, n_schools + 2);
  g_assert_cmpstr (undo_menu_label (window), ==, "_Undo Add 2 Schools");
  wait_for_text (GTK_WIDGET (window), "Added 2 schools", TRUE);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_null (cohorts_plan_find_school (plan, 100000));
  g_assert_null (cohorts_plan_find_school (plan, 100005));
  g_assert_cmpuint (g_list_model_get_n_items (cohorts_plan_get_schools (plan)), ==, n_schools);

  /* A closed school is found only when asked for, and asks first. */
  add = cohorts_window_show_add_from_register (window);
  gtk_editable_set_text (GTK_EDITABLE (find_widget (GTK_WIDGET (add), GTK_TYPE_SEARCH_ENTRY)), "old mill");
  wait_for_text (GTK_WIDGET (add), "No school in the register matches.", TRUE);
  {
    GtkWidget *closed = find_check (GTK_WIDGET (add), "Include _closed");

    g_assert_nonnull (closed);
    gtk_check_button_set_active (GTK_CHECK_BUTTON (closed), TRUE);
  }
  wait_for_text (GTK_WIDGET (results_of (add)), "Old Mill First School", TRUE);
  tick (add, "Old Mill First School");
  press (add, "_Add 1 School");
  question = find_dialog (GTK_WINDOW (window));
  g_assert_nonnull (question);
  g_assert_cmpstr (adw_message_dialog_get_heading (question), ==, "Add a Closed or Converted School?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (question),
                            "Old Mill First School (URN 100002): This school closed on 31 August 2020."));
  click (question, "_Cancel");
  g_assert_null (cohorts_plan_find_school (plan, 100002));
  press (add, "_Add 1 School");
  question = find_dialog (GTK_WINDOW (window));
  click (question, "Add _Anyway");
  g_assert_nonnull (cohorts_plan_find_school (plan, 100002));
  g_assert_cmpstr (undo_menu_label (window), ==, "_Undo Add School");

  gtk_window_destroy (GTK_WINDOW (window));
  remove_dir (dir);
}

static void
test_register_refresh (void)
{
  g_autofree char *dir = g_dir_make_tmp ("cohorts-gias-XXXXXX", NULL);
  g_autofree char *csv = write_gias (dir, "1214");
  g_autoptr(GFile) file = g_file_new_for_path (EXAMPLE);
  CohortsWindow *window = open_window (file);
  CohortsPlan *plan = cohorts_window_get_plan (window);
  CohortsSchool *school = cohorts_plan_find_school (plan, 938112);
  g_autoptr(CohortsPlan) empty = cohorts_plan_new ();
  CohortsWindow *other;
  GtkWindow *refresh;
  AdwMessageDialog *dialog;

  import_register (window, csv);
  g_assert_cmpint (cohorts_school_get_pupils (school), ==, 1214);

  /* The DfE's next file counts more pupils. */
  g_unlink (csv);
  g_free (g_steal_pointer (&csv));
  csv = write_gias (dir, "1250");
  import_register (window, csv);

  refresh = cohorts_window_show_refresh_from_register (window);
  g_assert_cmpstr (gtk_window_get_title (refresh), ==, "Refresh from Register");
  wait_for_text (GTK_WIDGET (refresh), "Pupils on roll: 1214 → 1250", TRUE);
  wait_for_text (GTK_WIDGET (refresh), "Northfield High School", TRUE);
  press_to_close (refresh, "_Apply");
  g_assert_cmpint (cohorts_school_get_pupils (school), ==, 1250);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpint (cohorts_school_get_pupils (school), ==, 1214);

  /* A plan that agrees with it: nothing to refresh, said so. */
  other = cohorts_window_new (app);
  cohorts_window_set_plan (other, empty, NULL);
  gtk_window_present (GTK_WINDOW (other));
  cohorts_window_show_refresh_from_register (other);
  dialog = find_dialog (GTK_WINDOW (other));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Nothing to Refresh");
  gtk_window_destroy (GTK_WINDOW (dialog));

  gtk_window_destroy (GTK_WINDOW (other));
  gtk_window_destroy (GTK_WINDOW (window));
  remove_dir (dir);
}

/* A damaged register is offered a rebuild, then the way to import. */
static void
test_register_corrupt (void)
{
  g_autofree char *path = cohorts_register_default_path ();
  g_autofree char *folder = g_path_get_dirname (path);
  g_autoptr(GFile) file = g_file_new_for_path (EXAMPLE);
  CohortsWindow *window = open_window (file);
  GtkWindow *add;

  g_autofree char *note = g_strconcat (path, ".source", NULL);
  g_autofree char *dir = g_dir_make_tmp ("cohorts-gias-XXXXXX", NULL);
  g_autofree char *csv = NULL;

  /* Damaged, and nothing known of where it came from: Rebuild deletes it
   * and asks for the DfE's file. */
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_unlink (note);
  g_assert_true (g_file_set_contents (path, "This is not a database, it is a shopping list.\n", -1, NULL));

  add = cohorts_window_show_add_from_register (window);
  wait_for_text (GTK_WIDGET (add), "The School Register Cannot Be Read", TRUE);
  press (add, "_Rebuild");
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  wait_for_text (GTK_WIDGET (add), "No School Register Yet", TRUE);
  g_assert_nonnull (find_button (GTK_WIDGET (add), "_Import School Register…"));
  gtk_window_destroy (add);

  /* Damaged after an import: Rebuild imports that file again. */
  csv = write_gias (dir, "1214");
  import_register (window, csv);
  wait_for_text (GTK_WIDGET (window), "Imported 4 schools from “edubasealldata20250401.csv”; 1 row left out", TRUE);
  g_assert_true (g_file_set_contents (path, "This is not a database either.\n", -1, NULL));
  add = cohorts_window_show_add_from_register (window);
  wait_for_text (GTK_WIDGET (add), "Rebuild deletes it and imports “edubasealldata20250401.csv” again", TRUE);
  press (add, "_Rebuild");
  {
    g_autoptr(CohortsRegister) reg = NULL;
    gint64 end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

    /* Deleted at once, then written beside and put in place. */
    while (reg == NULL && g_get_monotonic_time () < end)
      {
        g_main_context_iteration (NULL, FALSE);
        reg = cohorts_register_open (path, NULL);
      }
    g_assert_nonnull (reg);
    g_assert_cmpuint (cohorts_register_get_n_schools (reg), ==, 4);
  }
  /* And the Add dialog comes back on it when the import is done. */
  wait_for_text (GTK_WIDGET (window), "Imported 4 schools from “edubasealldata20250401.csv”; 1 row left out", TRUE);

  gtk_window_destroy (GTK_WINDOW (window));
  remove_dir (dir);
}

/* The Adwaita row under @widget whose title is @title. */
static GtkWidget *
find_row_titled (GtkWidget  *widget,
                 const char *title)
{
  if (ADW_IS_PREFERENCES_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row_titled (child, title);
      if (found)
        return found;
    }
  return NULL;
}

static gboolean
compare_shown (gpointer data)
{
  return find_named_toplevel ("compare-plans") != NULL;
}

/* Compare with…: an older version had Hatherby Middle School in Cohort 3
 * and Cohort 4 named "Late starters"; the rows say so, and lead to them. */
static void
test_compare (void)
{
  g_autofree char *dir = g_dir_make_tmp ("cohorts-window-XXXXXX", NULL);
  g_autofree char *old_path = g_build_filename (dir, "old.matplan", NULL);
  g_autofree char *bad_path = g_build_filename (dir, "bad.matplan", NULL);
  g_autoptr(GFile) file = copy_example (dir);
  g_autoptr(GFile) old_file = g_file_new_for_path (old_path);
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad_path);
  CohortsWindow *window = open_window (file);
  CohortsPlan *plan = cohorts_window_get_plan (window);
  CohortsSchool *hatherby = cohorts_plan_find_school (plan, 938151);
  CohortsSchoolList *school_list = list_of (window);
  g_autofree char *example = NULL;
  g_autoptr(GString) old_text = NULL;
  g_autoptr(GPtrArray) selected = NULL;
  GtkWidget *dialog, *row, *summary;
  AdwMessageDialog *message;
  GWeakRef ref;

  g_assert_true (g_file_get_contents (EXAMPLE, &example, NULL, NULL));
  old_text = g_string_new (example);
  g_assert_cmpuint (g_string_replace (old_text, "      <member urn=\"938151\"/>\n", "", 1), ==, 1);
  g_assert_cmpuint (g_string_replace (old_text, "      <member urn=\"938329\"/>\n",
                                      "      <member urn=\"938329\"/>\n      <member urn=\"938151\"/>\n", 1), ==, 1);
  g_assert_cmpuint (g_string_replace (old_text, "<name>Cohort 4</name>", "<name>Late starters</name>", 1), ==, 1);
  g_assert_true (g_file_set_contents (old_path, old_text->str, -1, NULL));

  cohorts_window_compare_with (window, old_file);
  wait_until (compare_shown, NULL);
  dialog = find_named_toplevel ("compare-plans");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Changes since old.matplan");
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  summary = find_named (dialog, "compare-summary");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (summary)), ==,
                   "2 changes: 1 cohort renamed, 1 school moves to another cohort.");
  g_assert_null (find_named (dialog, "compare-plan"));
  g_assert_nonnull (find_named (dialog, "compare-cohorts"));
  wait_for_text (dialog, "Cohorts\n", TRUE);
  wait_for_text (dialog, "Schools\n", TRUE);
  g_assert_nonnull (find_row_titled (dialog, "Late starters is renamed “Cohort 4”."));
  row = find_row_titled (dialog, "Hatherby Middle School (URN 938151) moves from Cohort 3 to Cohort 5: it now "
                                 "converts on 1 January 2029, 9 months later than 1 April 2028.");
  g_assert_nonnull (row);
  g_assert_cmpint (adw_action_row_get_title_lines (ADW_ACTION_ROW (row)), ==, 0);
  g_assert_cmpstr (adw_action_row_get_icon_name (ADW_ACTION_ROW (row)), ==, "go-jump-symbolic");
  g_assert_true (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)));

  /* The school's row selects it, and the window makes way. */
  g_weak_ref_init (&ref, dialog);
  adw_action_row_activate (ADW_ACTION_ROW (row));
  wait_until (window_gone, &ref);
  g_weak_ref_clear (&ref);
  selected = cohorts_school_list_get_selected (school_list);
  g_assert_cmpuint (selected->len, ==, 1);
  g_assert_true (g_ptr_array_index (selected, 0) == hatherby);

  /* The cohort's row selects the cohort. */
  cohorts_window_compare_with (window, old_file);
  wait_until (compare_shown, NULL);
  dialog = find_named_toplevel ("compare-plans");
  row = find_row_titled (dialog, "Late starters is renamed “Cohort 4”.");
  g_weak_ref_init (&ref, dialog);
  adw_action_row_activate (ADW_ACTION_ROW (row));
  wait_until (window_gone, &ref);
  g_weak_ref_clear (&ref);
  g_assert_true (cohorts_group_get_cohort (cohorts_sidebar_get_selected_group (sidebar_of (window))) ==
                 cohorts_plan_find_cohort (plan, "c4"));

  /* The plan itself: nothing changed. */
  cohorts_window_compare_with (window, file);
  wait_until (compare_shown, NULL);
  dialog = find_named_toplevel ("compare-plans");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Changes since northfield.matplan");
  g_assert_nonnull (find_named (dialog, "compare-same"));
  wait_for_text (dialog, "The plan is the same as “northfield.matplan”.", TRUE);
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* A file that cannot be read: where and why. */
  g_assert_true (g_file_set_contents (bad_path, "<plan>\n<oops\n", -1, NULL));
  cohorts_window_compare_with (window, bad_file);
  wait_until (dialog_shown, window);
  message = find_dialog (GTK_WINDOW (window));
  g_assert_cmpstr (adw_message_dialog_get_heading (message), ==, "Could Not Compare Plans");
  g_assert_true (g_str_has_prefix (adw_message_dialog_get_body (message), "bad.matplan:"));
  click (message, "_Close");
  g_assert_null (find_named_toplevel ("compare-plans"));

  gtk_window_destroy (GTK_WINDOW (window));
  remove_dir (dir);
}

static gboolean
named_shown (gpointer data)
{
  return find_named_toplevel (data) != NULL;
}

static gboolean
named_gone (gpointer data)
{
  return find_named_toplevel (data) == NULL;
}

static void
press_named (GtkWidget  *dialog,
             const char *name)
{
  GtkWidget *button = find_named (dialog, name);

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  settle ();
}

/* Baselines: Save Baseline… through its dialog; the timeline shows it under
 * the plan; dragging a cohort's date then asks why: Cancel leaves the plan
 * as it was, Record moves the date and records the reason in one undo step;
 * the cohort's page lists it; Compare with Baseline says what moved; review
 * mode refuses a new baseline. */
static void
test_baselines (void)
{
  g_autofree char *dir = g_dir_make_tmp ("cohorts-window-XXXXXX", NULL);
  g_autoptr(GFile) file = copy_example (dir);
  CohortsWindow *window = open_window (file);
  CohortsPlan *plan = cohorts_window_get_plan (window);
  CohortsCohort *cohort = cohorts_plan_find_cohort (plan, "c2");
  CohortsSchool *elmsworth = cohorts_plan_find_school (plan, 938145);
  GListModel *baselines = cohorts_plan_get_baselines (plan);
  GListModel *changes = cohorts_plan_get_date_changes (plan);
  g_autofree char *offered = cohorts_plan_make_baseline_name (cohorts_date_time_now ());
  GSettings *settings = cohorts_application_get_settings (app);
  g_autoptr(CohortsDateChange) change = NULL;
  CohortsTimeline *timeline;
  CohortsTimelineView view;
  const CohortsTimelineRow *row;
  CohortsBaseline *baseline;
  GtkWidget *dialog, *entry, *choice;
  double from_x, to_x, y;

  /* Who records a change: the reviewer's name, when given. */
  g_settings_set_string (settings, "reviewer-name", "A. Clerk");

  /* Save Baseline…: the name offered is today's; the one typed is kept. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save-baseline", NULL));
  wait_until (named_shown, (gpointer) "save-baseline");
  dialog = find_named_toplevel ("save-baseline");
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  entry = find_named (dialog, "save-baseline-name");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, offered);
  gtk_editable_set_text (GTK_EDITABLE (entry), "Agreed by the board");
  press_named (dialog, "save-baseline-save");
  wait_until (named_gone, (gpointer) "save-baseline");
  g_assert_cmpuint (g_list_model_get_n_items (baselines), ==, 1);
  baseline = cohorts_plan_find_baseline (plan, "Agreed by the board");
  g_assert_nonnull (baseline);
  g_assert_cmpuint (cohorts_baseline_lookup (baseline, 938145)->date, ==, cohorts_date_new (2027, 9, 1));
  g_assert_cmpstr (undo_menu_label (window), ==, "_Undo Save Baseline");

  /* The timeline: a baseline to pick, its bars under the plan's. */
  timeline = show_timeline (window);
  choice = find_named (GTK_WIDGET (window), "timeline-baseline");
  g_assert_true (gtk_widget_get_visible (choice));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (choice), 1);
  settle ();
  g_assert_true (cohorts_timeline_get_baseline (timeline) == baseline);
  row = timeline_row (timeline, elmsworth, NULL);
  g_assert_cmpuint (row->baseline_conversion, ==, cohorts_date_new (2027, 9, 1));
  g_assert_cmpfloat (row->baseline_x, ==, row->conversion_x);

  /* Dragging the cohort's date asks why; Cancel: nothing happens. */
  view = cohorts_timeline_get_layout (timeline)->view;
  row = timeline_row (timeline, NULL, cohort);
  from_x = row->conversion_x;
  y = row->y + view.row_height / 2;
  to_x = cohorts_timeline_view_x_for_date (&view, cohorts_date_new (2027, 10, 20));
  timeline_drag (timeline, from_x, y, to_x);
  wait_until (named_shown, (gpointer) "date-reason");
  dialog = find_named_toplevel ("date-reason");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (find_named (dialog, "date-reason-moves"))), ==,
                   "Cohort 2: from 1 September 2027 to 1 November 2027");
  g_assert_cmpuint (cohorts_cohort_get_date (cohort), ==, cohorts_date_new (2027, 9, 1));
  press_named (dialog, "date-reason-cancel");
  wait_until (named_gone, (gpointer) "date-reason");
  g_assert_cmpuint (cohorts_cohort_get_date (cohort), ==, cohorts_date_new (2027, 9, 1));
  g_assert_cmpuint (g_list_model_get_n_items (changes), ==, 0);
  g_assert_cmpstr (undo_menu_label (window), ==, "_Undo Save Baseline");

  /* Again, and Record with a reason: the date moves, the change is kept. */
  timeline_drag (timeline, from_x, y, to_x);
  wait_until (named_shown, (gpointer) "date-reason");
  dialog = find_named_toplevel ("date-reason");
  /* No reason chosen yet: Record is off. */
  g_assert_false (gtk_widget_get_sensitive (find_named (dialog, "date-reason-record")));
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_named (dialog, "date-reason-type")),
                              1 + COHORTS_DATE_CHANGE_DIOCESE);
  g_assert_true (gtk_widget_get_sensitive (find_named (dialog, "date-reason-record")));
  gtk_editable_set_text (GTK_EDITABLE (find_named (dialog, "date-reason-note")), "The diocesan board meets later.");
  press_named (dialog, "date-reason-record");
  wait_until (named_gone, (gpointer) "date-reason");
  g_assert_cmpuint (cohorts_cohort_get_date (cohort), ==, cohorts_date_new (2027, 11, 1));
  g_assert_cmpuint (g_list_model_get_n_items (changes), ==, 1);
  change = g_list_model_get_item (changes, 0);
  g_assert_cmpstr (cohorts_date_change_get_subject (change), ==, "cohort:c2");
  g_assert_cmpuint (cohorts_date_change_get_from (change), ==, cohorts_date_new (2027, 9, 1));
  g_assert_cmpuint (cohorts_date_change_get_to (change), ==, cohorts_date_new (2027, 11, 1));
  g_assert_cmpint (cohorts_date_change_get_reason (change), ==, COHORTS_DATE_CHANGE_DIOCESE);
  g_assert_cmpstr (cohorts_date_change_get_note (change), ==, "The diocesan board meets later.");
  g_assert_cmpstr (cohorts_date_change_get_author (change), ==, "A. Clerk");
  settle ();
  row = timeline_row (timeline, elmsworth, NULL);
  g_assert_cmpuint (row->conversion, ==, cohorts_date_new (2027, 11, 1));
  g_assert_cmpfloat (row->baseline_x, <, row->conversion_x);

  /* One undo takes back both; redo brings both. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpuint (cohorts_cohort_get_date (cohort), ==, cohorts_date_new (2027, 9, 1));
  g_assert_cmpuint (g_list_model_get_n_items (changes), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  g_assert_cmpuint (cohorts_cohort_get_date (cohort), ==, cohorts_date_new (2027, 11, 1));
  g_assert_cmpuint (g_list_model_get_n_items (changes), ==, 1);

  /* The cohort's page lists the change. */
  cohorts_window_show_subject (window, "cohort:c2");
  settle ();
  g_assert_nonnull (find_row_titled (GTK_WIDGET (editor_of (window)), "1 September 2027 → 1 November 2027"));

  /* Compare with Baseline: the last saved, as the main menu asks for it. */
  {
    GMenuModel *menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (find_named (GTK_WIDGET (window),
                                                                                     "primary-menu-button")));
    g_autoptr(GVariant) target = menu_target (menu, "win.compare-baseline");

    g_assert_nonnull (target);
    g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (window), "win.compare-baseline", target));
  }
  wait_until (compare_shown, NULL);
  dialog = find_named_toplevel ("compare-plans");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Changes since Agreed by the board");
  g_assert_nonnull (find_row_titled (dialog, "Cohort 2 now converts on 1 November 2027, 2 months later than "
                                             "1 September 2027."));
  gtk_window_destroy (GTK_WINDOW (dialog));
  settle ();

  /* Moving a school to a cohort of another date asks too; its own change. */
  select_school (window, 938145);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.move-schools", "s", "c3"));
  wait_until (named_shown, (gpointer) "date-reason");
  dialog = find_named_toplevel ("date-reason");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (find_named (dialog, "date-reason-moves"))), ==,
                   "Elmsworth Middle School: from 1 November 2027 to 1 April 2028");
  g_assert_true (cohorts_school_get_cohort (elmsworth) == cohort);
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_named (dialog, "date-reason-type")),
                              1 + COHORTS_DATE_CHANGE_INCOMING_TRUST);
  press_named (dialog, "date-reason-record");
  wait_until (named_gone, (gpointer) "date-reason");
  g_assert_true (cohorts_school_get_cohort (elmsworth) == cohorts_plan_find_cohort (plan, "c3"));
  g_assert_cmpuint (g_list_model_get_n_items (changes), ==, 2);
  g_clear_object (&change);
  change = g_list_model_get_item (changes, 1);
  g_assert_cmpstr (cohorts_date_change_get_subject (change), ==, "school:938145");
  g_assert_cmpint (cohorts_date_change_get_reason (change), ==, COHORTS_DATE_CHANGE_INCOMING_TRUST);

  /* Review mode: no new baseline, no removal. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.review-mode", NULL));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save-baseline", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.remove-baseline", "s", "b1");
  settle ();
  g_assert_null (find_named_toplevel ("save-baseline"));
  g_assert_cmpuint (g_list_model_get_n_items (baselines), ==, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.review-mode", NULL));

  /* Removed, the timeline shows none. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.remove-baseline", "s", "b1"));
  settle ();
  g_assert_cmpuint (g_list_model_get_n_items (baselines), ==, 0);
  g_assert_null (cohorts_timeline_get_baseline (timeline));
  g_assert_false (gtk_widget_get_visible (choice));

  g_settings_reset (settings, "reviewer-name");
  gtk_window_destroy (GTK_WINDOW (window));
  remove_dir (dir);
}

/* Answers the reason dialog: Record with @reason, or Cancel (-1); waits
 * until it has gone. */
static void
answer_date_reason (int reason)
{
  GtkWidget *dialog;

  wait_until (named_shown, (gpointer) "date-reason");
  dialog = find_named_toplevel ("date-reason");
  if (reason < 0)
    press_named (dialog, "date-reason-cancel");
  else
    {
      adw_combo_row_set_selected (ADW_COMBO_ROW (find_named (dialog, "date-reason-type")), 1 + reason);
      press_named (dialog, "date-reason-record");
    }
  wait_until (named_gone, (gpointer) "date-reason");
}

/* The moves the reason dialog lists, once it is shown. */
static const char *
date_reason_moves (void)
{
  wait_until (named_shown, (gpointer) "date-reason");
  return gtk_label_get_label (GTK_LABEL (find_named (find_named_toplevel ("date-reason"), "date-reason-moves")));
}

/* What a date button says when a date is picked in its popover (the popover
 * itself is tried in the step and cohort tests). */
static void
choose_date (GtkWidget   *date_button,
             CohortsDate  date)
{
  g_assert_true (COHORTS_IS_DATE_BUTTON (date_button));
  g_signal_emit_by_name (date_button, "date-chosen", (guint) date);
}

/* Under a baseline, the other ways a date moves ask why too: a school's own
 * conversion date in its steps, a cohort's date in the editor, schools
 * dropped on a sidebar cohort of another date. Each: Cancel leaves the plan
 * as it was; Record makes the edit and records it. */
static void
test_baselines_editor (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (EXAMPLE);
  CohortsWindow *window = open_window (file);
  CohortsPlan *plan = cohorts_window_get_plan (window);
  CohortsCohort *c2 = cohorts_plan_find_cohort (plan, "c2");
  CohortsSchool *elmsworth = cohorts_plan_find_school (plan, 938145);
  CohortsSchool *hatherby = cohorts_plan_find_school (plan, 938151);
  GListModel *changes = cohorts_plan_get_date_changes (plan);
  g_autoptr(CohortsDateChange) change = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *again = NULL;
  CohortsMilestone own;
  GtkWidget *button;

  g_assert_nonnull (cohorts_plan_add_baseline (plan, "Agreed", NULL));

  /* A school's own conversion date, in its steps. */
  select_school (window, 938145);
  subtitle = step_subtitle (window, COHORTS_STEP_CONVERSION);
  choose_date (cohorts_step_row_get_date_button (step_row (window, COHORTS_STEP_CONVERSION), FALSE),
               cohorts_date_new (2027, 12, 1));
  g_assert_cmpstr (date_reason_moves (), ==, "Elmsworth Middle School: from 1 September 2027 to 1 December 2027");
  answer_date_reason (-1);
  cohorts_school_get_milestone (elmsworth, COHORTS_STEP_CONVERSION, &own);
  g_assert_cmpint (own.state, ==, COHORTS_MILESTONE_SCHEDULED);
  g_assert_cmpuint (cohorts_plan_get_conversion_date (plan, elmsworth), ==, cohorts_date_new (2027, 9, 1));
  again = step_subtitle (window, COHORTS_STEP_CONVERSION);
  g_assert_cmpstr (again, ==, subtitle);
  g_assert_cmpuint (g_list_model_get_n_items (changes), ==, 0);
  g_assert_cmpstr (undo_menu_label (window), ==, "_Undo Save Baseline");

  choose_date (cohorts_step_row_get_date_button (step_row (window, COHORTS_STEP_CONVERSION), FALSE),
               cohorts_date_new (2027, 12, 1));
  answer_date_reason (COHORTS_DATE_CHANGE_SCHOOL);
  g_assert_cmpuint (cohorts_plan_get_conversion_date (plan, elmsworth), ==, cohorts_date_new (2027, 12, 1));
  g_assert_cmpuint (g_list_model_get_n_items (changes), ==, 1);
  change = g_list_model_get_item (changes, 0);
  g_assert_cmpstr (cohorts_date_change_get_subject (change), ==, "school:938145");
  g_assert_cmpuint (cohorts_date_change_get_from (change), ==, cohorts_date_new (2027, 9, 1));
  g_assert_cmpuint (cohorts_date_change_get_to (change), ==, cohorts_date_new (2027, 12, 1));
  g_assert_cmpint (cohorts_date_change_get_reason (change), ==, COHORTS_DATE_CHANGE_SCHOOL);
  g_clear_object (&change);

  /* A cohort's date, in the editor. */
  cohorts_window_show_subject (window, "cohort:c2");
  settle ();
  button = g_object_get_data (G_OBJECT (cohorts_editor_get_row (editor_of (window), "date")), "date-button");
  choose_date (button, cohorts_date_new (2027, 11, 1));
  g_assert_cmpstr (date_reason_moves (), ==, "Cohort 2: from 1 September 2027 to 1 November 2027");
  answer_date_reason (-1);
  g_assert_cmpuint (cohorts_cohort_get_date (c2), ==, cohorts_date_new (2027, 9, 1));
  g_assert_cmpuint (g_list_model_get_n_items (changes), ==, 1);

  choose_date (button, cohorts_date_new (2027, 11, 1));
  answer_date_reason (COHORTS_DATE_CHANGE_DIOCESE);
  g_assert_cmpuint (cohorts_cohort_get_date (c2), ==, cohorts_date_new (2027, 11, 1));
  g_assert_cmpuint (g_list_model_get_n_items (changes), ==, 2);
  change = g_list_model_get_item (changes, 1);
  g_assert_cmpstr (cohorts_date_change_get_subject (change), ==, "cohort:c2");
  g_clear_object (&change);

  /* Hatherby (Cohort 5, 1 January 2029) dropped on Cohort 4's row. */
  g_assert_true (drop_on_sidebar (window, 4, hatherby, NULL));
  g_assert_cmpstr (date_reason_moves (), ==, "Hatherby Middle School: from 1 January 2029 to 1 September 2028");
  answer_date_reason (-1);
  g_assert_cmpstr (cohorts_cohort_get_id (cohorts_school_get_cohort (hatherby)), ==, "c5");
  g_assert_cmpuint (g_list_model_get_n_items (changes), ==, 2);

  g_assert_true (drop_on_sidebar (window, 4, hatherby, NULL));
  answer_date_reason (COHORTS_DATE_CHANGE_INCOMING_TRUST);
  g_assert_cmpstr (cohorts_cohort_get_id (cohorts_school_get_cohort (hatherby)), ==, "c4");
  g_assert_cmpuint (g_list_model_get_n_items (changes), ==, 3);
  change = g_list_model_get_item (changes, 2);
  g_assert_cmpstr (cohorts_date_change_get_subject (change), ==, "school:938151");
  g_assert_cmpuint (cohorts_date_change_get_from (change), ==, cohorts_date_new (2029, 1, 1));
  g_assert_cmpuint (cohorts_date_change_get_to (change), ==, cohorts_date_new (2028, 9, 1));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Suggest Cohorts: the proposal follows the options; Apply is one step to
 * undo. The example's only unassigned schools are Farleigh Moor and
 * Ashcombe, not assessed: the first cohort with room for them is Cohort 4.
 * Its draft cohorts too: Cohorts 3 and 5 are left empty and removed. */
static void
test_suggest_cohorts (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (EXAMPLE);
  CohortsWindow *window = open_window (file);
  CohortsPlan *plan = cohorts_window_get_plan (window);
  CohortsSchool *farleigh, *whitlow;
  GtkWindow *dialog;
  GtkWidget *summary, *scope, *size;

  farleigh = cohorts_plan_find_school (plan, 938275);
  whitlow = cohorts_plan_find_school (plan, 938257);
  g_assert_nonnull (farleigh);
  g_assert_nonnull (whitlow);
  g_assert_null (cohorts_school_get_cohort (farleigh));
  g_assert_cmpuint (cohorts_plan_get_n_cohorts (plan), ==, 5);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.suggest-cohorts", NULL));
  dialog = GTK_WINDOW (find_named_toplevel ("suggest-cohorts"));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_window_get_title (dialog), ==, "Suggest Cohorts");
  summary = find_named (GTK_WIDGET (dialog), "suggest-summary");
  g_assert_cmpstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (summary)), ==,
                   "2 schools in 1 cohort of the plan");
  wait_for_text (GTK_WIDGET (dialog), "Cohort 4, 1 September 2028", TRUE);
  wait_for_text (GTK_WIDGET (dialog), "Not assessed, needs support. The cohorts before are full for the central "
                                      "team: joins Cohort 4 in September 2028. Assess its readiness before agreeing.",
                 TRUE);

  /* Cohorts of 2 at most: Cohort 4 (1 September 2028, Oakfield School
   * already) takes one, Cohort 5 (1 January 2029, Hatherby) the other. */
  size = find_named (GTK_WIDGET (dialog), "suggest-max-size");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (size), 2);
  summary = find_named (GTK_WIDGET (dialog), "suggest-summary");
  g_assert_cmpstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (summary)), ==,
                   "2 schools in 2 cohorts of the plan");
  wait_for_text (GTK_WIDGET (dialog), "Cohort 5, 1 January 2029", TRUE);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (size), 6);

  /* The draft cohorts too. */
  scope = find_named (GTK_WIDGET (dialog), "suggest-scope");
  adw_combo_row_set_selected (ADW_COMBO_ROW (scope), 1);
  summary = find_named (GTK_WIDGET (dialog), "suggest-summary");
  g_assert_cmpstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (summary)), ==,
                   "14 schools in 3 cohorts, 1 of them new");
  wait_for_text (GTK_WIDGET (dialog), "Cohort 3 is left without schools and is removed.", TRUE);

  press_to_close (dialog, "_Apply");
  g_assert_cmpuint (cohorts_plan_get_n_cohorts (plan), ==, 4);
  g_assert_nonnull (cohorts_school_get_cohort (farleigh));
  g_assert_null (cohorts_plan_find_cohort (plan, "c3"));
  g_assert_cmpstr (undo_menu_label (window), ==, "_Undo Suggest Cohorts");
  wait_for_text (GTK_WIDGET (window), "Placed 14 schools in 3 cohorts", TRUE);

  /* One undo takes it all back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpuint (cohorts_plan_get_n_cohorts (plan), ==, 5);
  g_assert_null (cohorts_school_get_cohort (farleigh));
  g_assert_cmpstr (cohorts_cohort_get_id (cohorts_school_get_cohort (whitlow)), ==, "c3");
  g_assert_false (cohorts_plan_is_modified (plan));

  /* Cancel changes nothing. */
  dialog = cohorts_window_show_suggest_cohorts (window);
  press_to_close (dialog, "_Cancel");
  g_assert_cmpuint (cohorts_plan_get_n_cohorts (plan), ==, 5);
  g_assert_false (cohorts_plan_is_modified (plan));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Suggest Cohorts under a baseline: placing the two schools without a date
 * moves none, so nothing is asked; placing the draft cohorts again moves
 * dated schools: Apply waits for a reason, then records a change a school
 * whose date moved, in the Suggest Cohorts step. */
static void
test_suggest_cohorts_baseline (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (EXAMPLE);
  CohortsWindow *window = open_window (file);
  CohortsPlan *plan = cohorts_window_get_plan (window);
  GListModel *changes = cohorts_plan_get_date_changes (plan);
  GSettings *settings = cohorts_application_get_settings (app);
  CohortsSchool *whitlow = cohorts_plan_find_school (plan, 938257);
  CohortsDate whitlow_from = cohorts_plan_get_conversion_date (plan, whitlow);
  g_autoptr(CohortsDateChange) change = NULL;
  GtkWidget *reason_group, *apply;
  GtkWindow *dialog;

  g_settings_set_string (settings, "reviewer-name", "A. Clerk");
  g_assert_nonnull (cohorts_plan_add_baseline (plan, "Agreed", NULL));

  /* Farleigh Moor and Ashcombe have no date yet: a first date is no move. */
  dialog = cohorts_window_show_suggest_cohorts (window);
  reason_group = find_named (GTK_WIDGET (dialog), "suggest-reason-group");
  apply = find_named (GTK_WIDGET (dialog), "suggest-apply");
  g_assert_false (gtk_widget_get_visible (reason_group));
  g_assert_true (gtk_widget_get_sensitive (apply));

  /* The draft cohorts too: dated schools move; Apply waits for a reason. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_named (GTK_WIDGET (dialog), "suggest-scope")), 1);
  g_assert_true (gtk_widget_get_visible (reason_group));
  g_assert_false (gtk_widget_get_sensitive (apply));
  g_assert_true (g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (find_named (GTK_WIDGET (dialog),
                                                                                                   "suggest-moves"))),
                                   "St Aidan's Church of England Middle School: from 1 April 2028 to 1 September 2027\n"
                                   "Whitlow Church of England First School: from 1 April 2028 to 1 September 2027\n"));
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_named (GTK_WIDGET (dialog), "suggest-reason")),
                              1 + COHORTS_DATE_CHANGE_VIABILITY);
  g_assert_true (gtk_widget_get_sensitive (apply));
  gtk_editable_set_text (GTK_EDITABLE (find_named (GTK_WIDGET (dialog), "suggest-note")), "Replanned by the board.");
  press_to_close (dialog, "_Apply");
  g_assert_cmpstr (undo_menu_label (window), ==, "_Undo Suggest Cohorts");
  /* Nine dated schools moved (Farleigh Moor and Ashcombe got a first date). */
  g_assert_cmpuint (g_list_model_get_n_items (changes), ==, 9);
  change = g_list_model_get_item (changes, 1);
  g_assert_cmpstr (cohorts_date_change_get_subject (change), ==, "school:938257");
  g_assert_cmpuint (cohorts_date_change_get_from (change), ==, cohorts_date_new (2028, 4, 1));
  g_assert_cmpuint (cohorts_date_change_get_to (change), ==, cohorts_date_new (2027, 9, 1));
  g_assert_cmpuint (cohorts_plan_get_conversion_date (plan, whitlow), ==, cohorts_date_new (2027, 9, 1));
  g_assert_cmpint (cohorts_date_change_get_reason (change), ==, COHORTS_DATE_CHANGE_VIABILITY);
  g_assert_cmpstr (cohorts_date_change_get_author (change), ==, "A. Clerk");
  g_assert_cmpstr (cohorts_date_change_get_note (change), ==, "Replanned by the board.");
  for (guint i = 0; i < g_list_model_get_n_items (changes); i++)
    {
      g_autoptr(CohortsDateChange) each = g_list_model_get_item (changes, i);

      g_assert_cmpuint (cohorts_date_change_get_from (each), !=, COHORTS_DATE_NONE);
      g_assert_cmpstr (cohorts_date_change_get_subject (each), !=, "school:938275");
    }

  /* One undo takes back the moves and their record. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (changes), ==, 0);
  g_assert_cmpuint (cohorts_plan_get_conversion_date (plan, whitlow), ==, whitlow_from);
  g_assert_cmpstr (undo_menu_label (window), ==, "_Undo Save Baseline");

  g_settings_reset (settings, "reviewer-name");
  gtk_window_destroy (GTK_WINDOW (window));
}


/* Autosave and recovery */

static gboolean
not_autosaving (gpointer data)
{
  return !cohorts_window_is_autosaving (data);
}

static char *
recovery_path (const char *id,
               const char *suffix)
{
  g_autofree char *name = g_strconcat (id, suffix, NULL);

  return g_build_filename (g_get_user_state_dir (), "cohorts", "recovery", name, NULL);
}

/* Edits the example, autosaves, and "crashes": the window goes without
 * closing, and the process that wrote the recovery is taken to be gone. */
static char *
edit_autosave_and_crash (GFile      *file,
                         const char *name)
{
  CohortsWindow *window = open_window (file);
  CohortsPlan *plan = cohorts_window_get_plan (window);
  g_autoptr(GBytes) expected = NULL;
  g_autoptr(GBytes) written = NULL;
  g_autoptr(CohortsPlan) recovered = NULL;
  g_autoptr(GKeyFile) info = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *plan_path = NULL;
  g_autofree char *info_path = NULL;
  g_autofree char *uri = g_file_get_uri (file);
  char *contents = NULL;
  gsize length;
  pid_t dead;
  int status;

  /* Nothing changed, nothing to write. */
  g_assert_false (cohorts_window_autosave_now (window));
  g_assert_null (cohorts_window_get_recovery_id (window));

  select_school (window, 938226);
  type_into (window, "name", name);
  g_assert_true (cohorts_plan_is_modified (plan));
  expected = cohorts_plan_xml_to_bytes (plan);

  g_assert_true (cohorts_window_autosave_now (window));
  wait_until (not_autosaving, window);
  id = g_strdup (cohorts_window_get_recovery_id (window));
  g_assert_nonnull (id);

  /* The plan as it is, in the .matplan format; the key file beside it. */
  plan_path = recovery_path (id, ".matplan");
  info_path = recovery_path (id, ".recovery");
  g_assert_true (g_file_get_contents (plan_path, &contents, &length, NULL));
  written = g_bytes_new_take (contents, length);
  g_assert_true (g_bytes_equal (written, expected));
  recovered = cohorts_plan_xml_load_data (g_bytes_get_data (written, NULL), length, "recovery",
                                          COHORTS_PLAN_LOAD_SCHEMA, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cohorts_school_get_name (cohorts_plan_find_school (recovered, 938226)), ==, name);
  g_assert_true (g_key_file_load_from_file (info, info_path, G_KEY_FILE_NONE, NULL));
  g_assert_cmpint (g_key_file_get_integer (info, "Recovery", "Pid", NULL), ==, getpid ());
  {
    g_autofree char *file_value = g_key_file_get_value (info, "Recovery", "File", NULL);
    g_autofree char *title_value = g_key_file_get_value (info, "Recovery", "Title", NULL);

    g_assert_cmpstr (file_value, ==, uri);
    g_assert_cmpstr (title_value, ==, "Northfield Learning Trust");
  }

  /* Unchanged since: nothing more to write. */
  g_assert_false (cohorts_window_autosave_now (window));
  /* Ours while we run: not offered. */
  g_assert_null (cohorts_window_offer_recovery (window));

  /* The crash. */
  dead = fork ();
  g_assert_cmpint (dead, >=, 0);
  if (dead == 0)
    _exit (0);
  g_assert_cmpint (waitpid (dead, &status, 0), ==, dead);
  g_key_file_set_integer (info, "Recovery", "Pid", dead);
  g_assert_true (g_key_file_save_to_file (info, info_path, NULL));
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_true (g_file_test (plan_path, G_FILE_TEST_IS_REGULAR));

  return g_steal_pointer (&id);
}

static void
test_autosave_recover (void)
{
  g_autofree char *dir = g_dir_make_tmp ("cohorts-window-XXXXXX", NULL);
  g_autoptr(GFile) file = copy_example (dir);
  g_autofree char *backup = g_strconcat (g_file_peek_path (file), "~", NULL);
  g_autofree char *id = NULL;
  g_autofree char *plan_path = NULL;
  g_autofree char *info_path = NULL;
  g_autofree char *saved = NULL;
  CohortsWindow *window;
  CohortsPlan *plan;
  AdwMessageDialog *dialog;
  const char *body;

  g_assert_cmpint (COHORTS_AUTOSAVE_INTERVAL, ==, 60);

  id = edit_autosave_and_crash (file, "Carrow Cross Recovered School");
  plan_path = recovery_path (id, ".matplan");
  info_path = recovery_path (id, ".recovery");

  /* The next start asks. */
  window = cohorts_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  dialog = ADW_MESSAGE_DIALOG (cohorts_window_offer_recovery (window));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Recover Unsaved Changes?");
  body = adw_message_dialog_get_body (dialog);
  g_test_message ("%s", body);
  g_assert_true (g_str_has_prefix (body, "Changes to “Northfield Learning Trust” from "));
  g_assert_true (g_str_has_suffix (body, " were not saved."));

  /* Recover: the plan with the edit, modified, saved to its own file. */
  click (dialog, "_Recover");
  wait_until (plan_loaded, window);
  wait_until (dialog_gone, window);
  plan = cohorts_window_get_plan (window);
  g_assert_cmpstr (cohorts_school_get_name (cohorts_plan_find_school (plan, 938226)), ==,
                   "Carrow Cross Recovered School");
  g_assert_true (cohorts_plan_is_modified (plan));
  g_assert_cmpstr (title_of (window), ==, "• Northfield Learning Trust");
  g_assert_true (g_file_equal (cohorts_window_get_file (window), file));
  g_assert_cmpstr (cohorts_window_get_recovery_id (window), ==, id);
  /* Claimed: no one else offers it now. */
  g_assert_null (cohorts_window_offer_recovery (window));

  /* Save writes the original file, and the recovery goes. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  wait_until (not_saving, window);
  g_assert_true (g_file_get_contents (g_file_peek_path (file), &saved, NULL, NULL));
  g_assert_nonnull (strstr (saved, "<name>Carrow Cross Recovered School</name>"));
  g_assert_false (g_file_test (plan_path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (info_path, G_FILE_TEST_EXISTS));
  gtk_window_destroy (GTK_WINDOW (window));

  /* Another crash; this time Discard. */
  g_clear_pointer (&id, g_free);
  g_clear_pointer (&plan_path, g_free);
  g_clear_pointer (&info_path, g_free);
  id = edit_autosave_and_crash (file, "Carrow Cross Discarded School");
  plan_path = recovery_path (id, ".matplan");
  info_path = recovery_path (id, ".recovery");
  window = cohorts_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  dialog = ADW_MESSAGE_DIALOG (cohorts_window_offer_recovery (window));
  g_assert_nonnull (dialog);
  click (dialog, "_Discard");
  wait_until (dialog_gone, window);
  g_assert_true (cohorts_window_is_empty (window));
  g_assert_false (g_file_test (plan_path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (info_path, G_FILE_TEST_EXISTS));
  g_assert_null (cohorts_window_offer_recovery (window));
  gtk_window_destroy (GTK_WINDOW (window));

  /* The plan's file open already, unchanged (as when it is opened from the
   * command line): the recovered plan replaces it in its window. */
  g_clear_pointer (&id, g_free);
  g_clear_pointer (&plan_path, g_free);
  g_clear_pointer (&info_path, g_free);
  id = edit_autosave_and_crash (file, "Carrow Cross Reopened School");
  plan_path = recovery_path (id, ".matplan");
  info_path = recovery_path (id, ".recovery");
  window = open_window (file);
  dialog = ADW_MESSAGE_DIALOG (cohorts_window_offer_recovery (window));
  click (dialog, "_Recover");
  wait_until (dialog_gone, window);
  plan = cohorts_window_get_plan (window);
  g_assert_cmpstr (cohorts_school_get_name (cohorts_plan_find_school (plan, 938226)), ==,
                   "Carrow Cross Reopened School");
  g_assert_true (cohorts_plan_is_modified (plan));
  g_assert_true (g_file_equal (cohorts_window_get_file (window), file));
  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (plan_path);
  g_unlink (info_path);

  g_unlink (backup);
  g_unlink (g_file_peek_path (file));
  g_rmdir (dir);
}

/* Closing removes the recovery: after Discard, and after undoing back to
 * the saved plan. */
static void
test_autosave_close (void)
{
  g_autofree char *dir = g_dir_make_tmp ("cohorts-window-XXXXXX", NULL);
  g_autoptr(GFile) file = copy_example (dir);
  CohortsWindow *window = open_window (file);
  CohortsPlan *plan = cohorts_window_get_plan (window);
  g_autofree char *plan_path = NULL;
  GWeakRef ref;

  cohorts_plan_edit (plan, cohorts_plan_get_trust (plan), "name", "Renamed Trust", NULL);
  g_assert_true (cohorts_window_autosave_now (window));
  wait_until (not_autosaving, window);
  plan_path = recovery_path (cohorts_window_get_recovery_id (window), ".matplan");
  g_assert_true (g_file_test (plan_path, G_FILE_TEST_IS_REGULAR));

  /* Undone: as saved, so the recovery goes at the next autosave. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_false (cohorts_plan_is_modified (plan));
  g_assert_false (cohorts_window_autosave_now (window));
  g_assert_false (g_file_test (plan_path, G_FILE_TEST_EXISTS));

  /* Changed again, autosaved, closed with Discard: gone. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  g_assert_true (cohorts_window_autosave_now (window));
  wait_until (not_autosaving, window);
  g_assert_true (g_file_test (plan_path, G_FILE_TEST_IS_REGULAR));
  g_weak_ref_init (&ref, window);
  gtk_window_close (GTK_WINDOW (window));
  wait_until (dialog_shown, window);
  click (find_dialog (GTK_WINDOW (window)), "_Discard");
  wait_until (window_gone, &ref);
  g_weak_ref_clear (&ref);
  g_assert_false (g_file_test (plan_path, G_FILE_TEST_EXISTS));

  g_unlink (g_file_peek_path (file));
  g_rmdir (dir);
}

static gboolean
autosaved (gpointer data)
{
  return cohorts_window_get_recovery_id (data) != NULL && !cohorts_window_is_autosaving (data);
}

static gboolean
window_active (gpointer data)
{
  return gtk_window_is_active (data);
}

/* Leaving the window (another gets the focus) autosaves. */
static void
test_autosave_focus (void)
{
  g_autofree char *dir = g_dir_make_tmp ("cohorts-window-XXXXXX", NULL);
  g_autoptr(GFile) file = copy_example (dir);
  CohortsWindow *window = open_window (file);
  CohortsPlan *plan = cohorts_window_get_plan (window);
  g_autofree char *plan_path = NULL;
  GtkWidget *other;

  wait_until (window_active, window);
  cohorts_plan_edit (plan, cohorts_plan_get_trust (plan), "name", "Renamed Trust", NULL);
  g_assert_null (cohorts_window_get_recovery_id (window));

  other = gtk_window_new ();
  gtk_window_present (GTK_WINDOW (other));
  wait_until (autosaved, window);
  plan_path = recovery_path (cohorts_window_get_recovery_id (window), ".matplan");
  g_assert_true (g_file_test (plan_path, G_FILE_TEST_IS_REGULAR));

  gtk_window_destroy (GTK_WINDOW (other));
  cohorts_plan_edit (plan, cohorts_plan_get_trust (plan), "name", "Northfield Learning Trust", NULL);
  {
    g_autofree char *info_path = recovery_path (cohorts_window_get_recovery_id (window), ".recovery");

    g_unlink (info_path);
  }
  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (plan_path);
  g_unlink (g_file_peek_path (file));
  g_rmdir (dir);
}

static CohortsReviewGroup *
review_group_of (CohortsWindow *window)
{
  return COHORTS_REVIEW_GROUP (cohorts_editor_get_review_group (editor_of (window)));
}

/* Whether the window action "win.@name" is enabled: as a button bound to it
 * in the header bar sees it. */
static gboolean
action_enabled (CohortsWindow *window,
                const char    *name)
{
  GtkWidget *header = find_widget (GTK_WIDGET (window), ADW_TYPE_HEADER_BAR);
  g_autofree char *detailed = g_strconcat ("win.", name, NULL);
  GtkWidget *button = gtk_button_new ();
  gboolean enabled;

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), detailed);
  if (g_str_equal (name, "move-schools"))
    gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", "c1");
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), button);
  settle ();
  enabled = gtk_widget_get_sensitive (button);
  adw_header_bar_remove (ADW_HEADER_BAR (header), button);
  return enabled;
}

static gboolean
review_mode_state (CohortsWindow *window)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (window), "review-mode");
  g_autoptr(GVariant) state = g_action_get_state (action);

  return g_variant_get_boolean (state);
}

/* Review mode: the reviewer's name asked once, the plan read-only but for
 * comments (an edit of a school's field is refused: its row insensitive,
 * the editing actions off, the timeline's diamonds fixed), a comment added
 * through the Review group and saved with its author; leaving review mode
 * gives the editing back. */
static void
test_review_mode (void)
{
  g_autofree char *dir = g_dir_make_tmp ("cohorts-window-XXXXXX", NULL);
  g_autoptr(GFile) file = copy_example (dir);
  g_autofree char *backup = g_strconcat (g_file_peek_path (file), "~", NULL);
  GSettings *settings = cohorts_application_get_settings (app);
  CohortsWindow *window;
  CohortsPlan *plan;
  CohortsSchool *marys;
  AdwMessageDialog *dialog;
  GtkWidget *row, *entry, *text, *kind, *banner;
  CohortsReviewGroup *group;
  guint n_comments;
  CohortsComment *comment;
  g_autofree char *saved = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  CohortsTimeline *timeline;
  const CohortsTimelineRow *trow;
  CohortsDate date;

  g_settings_set_string (settings, "reviewer-name", "");
  window = open_window (file);
  /* The editor shown (F9), whatever an earlier test left. */
  if (!gtk_widget_get_visible (GTK_WIDGET (editor_of (window))))
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-editor", NULL));
  plan = cohorts_window_get_plan (window);
  marys = cohorts_plan_find_school (plan, 938244);
  select_school (window, 938244);
  group = review_group_of (window);
  g_assert_cmpstr (cohorts_review_group_get_subject (group), ==, "school:938244");
  /* The example's conversation on St Mary's: the request and its reply. */
  n_comments = g_list_model_get_n_items (cohorts_plan_get_comments (plan));
  g_assert_cmpuint (n_comments, ==, 3);
  g_assert_nonnull (cohorts_review_group_get_row (group, cohorts_plan_find_comment (plan, "r1")));
  g_assert_nonnull (cohorts_review_group_get_row (group, cohorts_plan_find_comment (plan, "r2")));
  g_assert_null (cohorts_review_group_get_row (group, cohorts_plan_find_comment (plan, "r3")));
  wait_for_text (cohorts_editor_get_review_group (editor_of (window)), "Helen Marsh, CEO", TRUE);
  g_assert_true (action_enabled (window, "add-school"));
  banner = find_widget (GTK_WIDGET (window), GTK_TYPE_REVEALER);
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (banner)));

  /* Entering asks the name; cancelling leaves the window as it was. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.review-mode", NULL));
  wait_until (dialog_shown, window);
  dialog = find_dialog (GTK_WINDOW (window));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Your Name");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "continue"));
  click (dialog, "_Cancel");
  wait_until (dialog_gone, window);
  g_assert_false (cohorts_window_get_review_mode (window));
  g_assert_false (review_mode_state (window));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.review-mode", NULL));
  wait_until (dialog_shown, window);
  dialog = find_dialog (GTK_WINDOW (window));
  entry = find_widget (adw_message_dialog_get_extra_child (dialog), ADW_TYPE_ENTRY_ROW);
  gtk_editable_set_text (GTK_EDITABLE (entry), "  Canon Ruth Ellison  ");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "continue"));
  click (dialog, "C_ontinue");
  wait_until (dialog_gone, window);
  g_assert_true (cohorts_window_get_review_mode (window));
  g_assert_true (review_mode_state (window));
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (banner)));
  {
    g_autofree char *name = g_settings_get_string (settings, "reviewer-name");
    g_assert_cmpstr (name, ==, "Canon Ruth Ellison");
  }

  /* Nothing but comments can change: the school's fields are insensitive,
   * the editing actions off. */
  row = cohorts_editor_get_row (editor_of (window), "pupils");
  g_assert_nonnull (row);
  g_assert_false (gtk_widget_is_sensitive (row));
  /* The church track too. */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (church_group_of (window))));
  g_assert_false (gtk_widget_is_sensitive (cohorts_church_group_get_control (church_group_of (window),
                                                                             "diocesan-consent")));
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (group)));
  type_into (window, "pupils", "300");
  g_assert_cmpint (cohorts_school_get_pupils (marys), ==, 176);
  g_assert_false (cohorts_plan_is_modified (plan));
  g_assert_false (action_enabled (window, "add-school"));
  g_assert_false (action_enabled (window, "remove-schools"));
  g_assert_false (action_enabled (window, "move-schools"));
  g_assert_false (action_enabled (window, "new-cohort"));
  g_assert_false (action_enabled (window, "suggest-cohorts"));
  g_assert_false (action_enabled (window, "add-from-register"));
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (window), "win.remove-schools", NULL) &&
                  cohorts_plan_find_school (plan, 938244) == NULL);
  g_assert_nonnull (cohorts_plan_find_school (plan, 938244));

  /* The timeline's diamonds do not move. */
  before = cohorts_plan_xml_to_bytes (plan);
  timeline = show_timeline (window);
  trow = timeline_row (timeline, marys, NULL);
  g_assert_cmpint (conversion_state (marys, &date), ==, COHORTS_MILESTONE_SCHEDULED);
  {
    CohortsTimelineView view = cohorts_timeline_get_layout (timeline)->view;

    timeline_drag (timeline, trow->conversion_x, trow->y + view.row_height / 2,
                   cohorts_timeline_view_x_for_date (&view, cohorts_date_new (2028, 7, 3)));
  }
  g_assert_cmpint (conversion_state (marys, &date), ==, COHORTS_MILESTONE_SCHEDULED);
  after = cohorts_plan_xml_to_bytes (plan);
  g_assert_true (g_bytes_equal (before, after));
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK)),
                                         "schools");
  select_school (window, 938244);

  /* A comment, through the group's button and its dialog. */
  g_signal_emit_by_name (cohorts_review_group_get_add_button (group), "clicked");
  wait_until (dialog_shown, window);
  dialog = find_dialog (GTK_WINDOW (window));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Add Comment");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "add"));
  text = find_widget (adw_message_dialog_get_extra_child (dialog), GTK_TYPE_TEXT_VIEW);
  kind = find_widget (adw_message_dialog_get_extra_child (dialog), GTK_TYPE_DROP_DOWN);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (kind), COHORTS_COMMENT_KIND_REQUEST_CHANGES);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (text)),
                            "Please record the site trustees' consent.", -1);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "add"));
  click (dialog, "_Add");
  wait_until (dialog_gone, window);
  g_assert_cmpuint (g_list_model_get_n_items (cohorts_plan_get_comments (plan)), ==, n_comments + 1);
  comment = cohorts_plan_find_comment (plan, "r4");
  g_assert_nonnull (comment);
  g_assert_cmpstr (cohorts_comment_get_author (comment), ==, "Canon Ruth Ellison");
  g_assert_cmpstr (cohorts_comment_get_subject (comment), ==, "school:938244");
  g_assert_cmpint (cohorts_comment_get_kind (comment), ==, COHORTS_COMMENT_KIND_REQUEST_CHANGES);
  g_assert_nonnull (cohorts_review_group_get_row (group, comment));
  g_assert_cmpstr (undo_menu_label (window), ==, "_Undo Add Comment");
  /* Its own step can be undone and redone in review mode. */
  g_assert_true (action_enabled (window, "undo"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_null (cohorts_plan_find_comment (plan, "r4"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  g_assert_nonnull (cohorts_plan_find_comment (plan, "r4"));
  /* No Resolve button in review mode. */
  g_assert_null (find_named (cohorts_review_group_get_row (group, comment), "resolve"));
  g_assert_nonnull (find_named (cohorts_review_group_get_row (group, comment), "reply"));

  /* Saved with its author. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  wait_until (not_saving, window);
  g_assert_true (g_file_get_contents (g_file_peek_path (file), &saved, NULL, NULL));
  g_assert_nonnull (strstr (saved, "<comment id=\"r4\" subject=\"school:938244\" author=\"Canon Ruth Ellison\" at=\""));
  g_assert_nonnull (strstr (saved, "kind=\"request-changes\">Please record the site trustees' consent.</comment>"));

  /* Leaving review mode gives editing back, and Resolve. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.review-mode", NULL));
  g_assert_false (cohorts_window_get_review_mode (window));
  g_assert_false (review_mode_state (window));
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (banner)));
  g_assert_true (action_enabled (window, "add-school"));
  row = cohorts_editor_get_row (editor_of (window), "pupils");
  g_assert_true (gtk_widget_is_sensitive (row));
  type_into (window, "pupils", "180");
  g_assert_cmpint (cohorts_school_get_pupils (marys), ==, 180);
  g_assert_nonnull (find_named (cohorts_review_group_get_row (group, comment), "resolve"));
  g_signal_emit_by_name (find_named (cohorts_review_group_get_row (group, comment), "resolve"), "clicked");
  g_assert_true (cohorts_comment_get_resolved (comment));
  g_assert_cmpstr (cohorts_comment_get_resolved_by (comment), ==, "Canon Ruth Ellison");
  g_assert_cmpstr (undo_menu_label (window), ==, "_Undo Resolve Comment");
  g_assert_true (gtk_widget_has_css_class (cohorts_review_group_get_row (group, comment), "dim-label"));

  /* The Review window lists every comment; a row leads to its subject. */
  {
    GtkWindow *review = cohorts_window_show_review (window);
    GtkWidget *list = find_widget (GTK_WIDGET (review), GTK_TYPE_LIST_BOX);
    GtkListBoxRow *first;

    g_assert_nonnull (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 3));
    g_assert_null (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 4));
    /* Open first: the approval of cohort 1 is third. */
    first = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 2);
    g_assert_true (g_object_get_data (G_OBJECT (first), "comment") == cohorts_plan_find_comment (plan, "r3"));
    g_signal_emit_by_name (list, "row-activated", first);
    settle ();
    g_assert_true (cohorts_editor_get_subject (editor_of (window)) ==
                   G_OBJECT (cohorts_plan_find_cohort (plan, "c1")));
    gtk_window_destroy (review);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  g_settings_reset (settings, "reviewer-name");
  g_unlink (backup);
  g_unlink (g_file_peek_path (file));
  g_rmdir (dir);
}

static guint
findings_rows (GtkWidget *list)
{
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    n += GTK_IS_LIST_BOX_ROW (row);
  return n;
}

/* The diocese view: win.diocese narrows the list, the timeline and the
 * Problems list to one diocese's schools, with a banner, and back; the
 * Diocese Summary shows its schools and consents, asking which diocese when
 * there are several; its PDF is written. The example's schools are of one
 * diocese (Ashminster, CE99): Upper Staveley is moved to a second here. */
static void
test_diocese (void)
{
  g_autofree char *dir = g_dir_make_tmp ("cohorts-window-XXXXXX", NULL);
  g_autoptr(GFile) file = copy_example (dir);
  g_autofree char *out_path = g_build_filename (dir, "summary.pdf", NULL);
  g_autoptr(GFile) out = g_file_new_for_path (out_path);
  CohortsWindow *window = open_window (file);
  CohortsPlan *plan = cohorts_window_get_plan (window);
  CohortsTimeline *timeline = COHORTS_TIMELINE (find_widget (GTK_WIDGET (window), COHORTS_TYPE_TIMELINE));
  CohortsTimelineRows *rows = cohorts_timeline_get_rows (timeline);
  GtkWidget *list = find_named (GTK_WIDGET (window), "findings-list");
  GtkWidget *banner = find_named (GTK_WIDGET (window), "diocese-label");
  g_autoptr(GPtrArray) all_findings = NULL;
  g_autoptr(GPtrArray) concerning = NULL;
  g_autoptr(GPtrArray) schools = NULL;
  guint all_rows = cohorts_timeline_rows_get_n_rows (rows);
  guint all_findings_rows;
  GtkWindow *summary;
  g_autofree char *text = NULL;
  CohortsConsentCounts counts;

  g_assert_nonnull (banner);
  g_assert_null (cohorts_window_get_diocese (window));
  cohorts_plan_edit (plan, cohorts_plan_find_school (plan, 938329),
                     "diocese-code", "RC21", "diocese-name", "Archdiocese of Brindle", NULL);
  settle ();
  all_findings_rows = findings_rows (list);

  /* The Diocese of Ashminster: its 5 schools in the list, its rows in the
   * timeline, its problems in the list. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.diocese", "s", "CE99"));
  settle ();
  g_assert_cmpstr (cohorts_window_get_diocese (window), ==, "CE99");
  g_assert_cmpuint (shown_count (window), ==, 5);
  for (guint i = 0; i < 5; i++)
    g_assert_true (cohorts_school_in_diocese (cohorts_plan_find_school (plan, shown_urn (window, i)), "CE99"));
  wait_for_text (GTK_WIDGET (window), "Showing the Diocese of Ashminster’s 5 schools", TRUE);
  /* The sidebar counts the diocese's schools of each group. */
  wait_for_text (GTK_WIDGET (sidebar_of (window)), "1 April 2028 · 4 of 5 schools\n", TRUE);
  g_assert_cmpuint (cohorts_timeline_rows_get_n_rows (rows), ==, cohorts_timeline_rows_get_n_groups (rows) + 5);
  g_assert_cmpuint (cohorts_timeline_rows_get_n_rows (rows), <, all_rows);

  all_findings = cohorts_checks_run (plan);
  concerning = cohorts_diocese_filter_findings (all_findings, plan, "CE99");
  g_assert_cmpuint (concerning->len, <, all_findings->len);
  g_assert_cmpuint (findings_rows (list), ==, concerning->len);
  g_assert_cmpuint (findings_rows (list), <, all_findings_rows);
  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      const char *subject = g_object_get_data (G_OBJECT (row), "subject");
      CohortsFinding finding = { .code = (char *) "", .subject = (char *) subject };

      /* Every row that leads somewhere leads to the diocese's schools, its
       * cohorts or the church share (the only other kind kept). */
      if (subject != NULL && !g_str_has_prefix (subject, "month:"))
        g_assert_true (cohorts_finding_concerns_diocese (&finding, plan, "CE99"));
    }

  /* A diocese the plan does not have changes nothing. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.diocese", "s", "CE01");
  settle ();
  g_assert_cmpstr (cohorts_window_get_diocese (window), ==, "CE99");

  /* The Diocese Summary: its schools, its consents counted. */
  summary = cohorts_window_show_diocese_summary (window, NULL);
  g_assert_nonnull (summary);
  settle ();
  g_assert_cmpstr (gtk_window_get_title (summary), ==, "Diocese of Ashminster");
  schools = cohorts_diocese_get_schools (plan, "CE99");
  cohorts_diocese_count_consents (schools, &counts);
  text = visible_text (GTK_WIDGET (summary));
  for (guint i = 0; i < schools->len; i++)
    g_assert_nonnull (strstr (text, cohorts_school_get_name (g_ptr_array_index (schools, i))));
  g_assert_null (strstr (text, "Upper Staveley"));
  {
    g_autofree char *granted = g_strdup_printf ("Diocesan board of education\nNot requested: %u · Requested: %u · "
                                                "Granted: %u · Refused: %u\n",
                                                counts.diocesan[0], counts.diocesan[1], counts.diocesan[2],
                                                counts.diocesan[3]);

    g_assert_nonnull (strstr (text, granted));
  }
  g_assert_nonnull (find_named (GTK_WIDGET (summary), "church-share-chart"));
  gtk_window_destroy (summary);
  settle ();

  /* Its PDF, on A3. */
  cohorts_window_export_diocese_summary (window, out, "CE99", COHORTS_PAPER_SIZE_A3);
  g_assert_cmpstr (adw_message_dialog_get_heading (find_dialog (GTK_WINDOW (window))), ==,
                   "Exporting the Diocesan Summary");
  wait_for_text (GTK_WIDGET (window), "Exported “summary.pdf”", TRUE);
  g_clear_pointer (&text, g_free);
  text = pdf_all_text (out_path);
  g_assert_nonnull (strstr (text, "Diocese of Ashminster"));
  g_assert_nonnull (strstr (text, "938244"));
  g_assert_null (strstr (text, "938329"));

  /* Export Timeline in the diocese view: its schools only. */
  {
    g_autofree char *timeline_path = g_build_filename (dir, "timeline.pdf", NULL);
    g_autoptr(GFile) timeline_out = g_file_new_for_path (timeline_path);
    GtkWindow *dialog = cohorts_window_show_export_options (window, timeline_out);

    g_assert_nonnull (dialog);
    g_signal_emit_by_name (find_button (GTK_WIDGET (dialog), "_Export"), "clicked");
    wait_for_text (GTK_WIDGET (window), "Exported “timeline.pdf”", TRUE);
    g_clear_pointer (&text, g_free);
    text = pdf_all_text (timeline_path);
    g_assert_nonnull (strstr (text, "Brackenfold"));
    g_assert_nonnull (strstr (text, "Cohort 3"));
    g_assert_null (strstr (text, "Northfield High School"));
    g_assert_null (strstr (text, "Cohort 1"));
    g_unlink (timeline_path);
  }
  g_assert_null (strstr (text, "Upper Staveley"));

  /* The other diocese: its one school. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.diocese", "s", "RC21"));
  settle ();
  g_assert_cmpuint (shown_count (window), ==, 1);
  g_assert_cmpuint (shown_urn (window, 0), ==, 938329);
  wait_for_text (GTK_WIDGET (window), "Showing the Archdiocese of Brindle’s 1 school", TRUE);

  /* Showing a school of another diocese (as a comment or a change does)
   * leaves the diocese view. */
  g_assert_true (cohorts_window_show_subject (window, "school:938112"));
  settle ();
  g_assert_null (cohorts_window_get_diocese (window));
  g_assert_cmpuint (shown_count (window), ==, 19);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.diocese", "s", "RC21"));
  settle ();
  g_assert_cmpuint (shown_count (window), ==, 1);

  /* Back to every school. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.diocese", "s", ""));
  settle ();
  g_assert_null (cohorts_window_get_diocese (window));
  g_assert_cmpuint (shown_count (window), ==, 19);
  g_assert_cmpuint (cohorts_timeline_rows_get_n_rows (rows), ==, all_rows);
  g_assert_cmpuint (findings_rows (list), ==, all_findings_rows);
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (gtk_widget_get_ancestor (banner, GTK_TYPE_REVEALER))));

  /* With every school shown and two dioceses, the summary asks which. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-diocese-summary", NULL));
  wait_until (dialog_shown, window);
  g_assert_cmpstr (adw_message_dialog_get_heading (find_dialog (GTK_WINDOW (window))), ==, "Which Diocese?");
  click (find_dialog (GTK_WINDOW (window)), "Archdiocese of Brindle");
  settle ();
  summary = GTK_WINDOW (find_named_toplevel ("diocese-summary"));
  g_assert_nonnull (summary);
  g_assert_cmpstr (gtk_window_get_title (summary), ==, "Archdiocese of Brindle");
  gtk_window_destroy (summary);

  /* Another plan starts with every school. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.diocese", "s", "CE99"));
  settle ();
  cohorts_window_set_plan (window, NULL, NULL);
  g_assert_null (cohorts_window_get_diocese (window));

  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (out_path);
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

  /* Print settings are kept in the configuration folder: not the user's. */
  {
    g_autofree char *config = g_dir_make_tmp ("cohorts-config-XXXXXX", NULL);

    g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  }
  /* Recovery files in the state folder. */
  {
    g_autofree char *state = g_dir_make_tmp ("cohorts-state-XXXXXX", NULL);

    g_setenv ("XDG_STATE_HOME", state, TRUE);
  }
  /* And the school register in the data folder. */
  {
    g_autofree char *data = g_dir_make_tmp ("cohorts-data-XXXXXX", NULL);

    g_setenv ("XDG_DATA_HOME", data, TRUE);
  }

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
  g_test_add_func ("/window/timeline-key", test_timeline_key);
  g_test_add_func ("/window/edit/field", test_edit_field);
  g_test_add_func ("/window/edit/move-schools", test_move_schools);
  g_test_add_func ("/window/edit/cohorts", test_cohorts);
  g_test_add_func ("/window/edit/add-and-remove-school", test_add_and_remove_school);
  g_test_add_func ("/window/edit/save-and-reload", test_save_and_reload);
  g_test_add_func ("/window/search-and-filters", test_search_and_filters);
  g_test_add_func ("/window/templates", test_templates);
  g_test_add_func ("/window/close/asks-then-saves", test_close_asks_then_saves);
  g_test_add_func ("/window/close/discards", test_close_discards);
  g_test_add_func ("/window/save-action", test_save_action);
  g_test_add_func ("/window/open-error", test_open_error);
  g_test_add_func ("/window/findings", test_findings);
  g_test_add_func ("/window/findings/link", test_findings_link);
  g_test_add_func ("/window/findings/many", test_findings_many);
  g_test_add_func ("/window/timeline/drag-school", test_timeline_drag_school);
  g_test_add_func ("/window/timeline/drag-cohort", test_timeline_drag_cohort);
  g_test_add_func ("/window/timeline/select-and-keys", test_timeline_select_and_keys);
  g_test_add_func ("/window/edit/step-own-date", test_step_own_date);
  g_test_add_func ("/window/edit/step-done", test_step_done);
  g_test_add_func ("/window/edit/schedule-timing", test_schedule_timing);
  g_test_add_func ("/window/edit/schedule-restore", test_schedule_restore);
  g_test_add_func ("/window/edit/readiness-answers", test_readiness_answers);
  g_test_add_func ("/window/edit/readiness-framework", test_readiness_framework);
  g_test_add_func ("/window/edit/church-track", test_church_track);
  g_test_add_func ("/window/print", test_print);
  g_test_add_func ("/window/export/timeline", test_export_timeline);
  g_test_add_func ("/window/export/board-pack", test_export_board_pack);
  g_test_add_func ("/window/export/error", test_export_error);
  g_test_add_func ("/window/export/cancel", test_export_cancel);
  g_test_add_func ("/window/register/import", test_register_import);
  g_test_add_func ("/window/register/add", test_register_add);
  g_test_add_func ("/window/register/refresh", test_register_refresh);
  g_test_add_func ("/window/suggest-cohorts", test_suggest_cohorts);
  g_test_add_func ("/window/suggest-cohorts-baseline", test_suggest_cohorts_baseline);
  g_test_add_func ("/window/compare", test_compare);
  g_test_add_func ("/window/baselines", test_baselines);
  g_test_add_func ("/window/baselines-editor", test_baselines_editor);
  g_test_add_func ("/window/review-mode", test_review_mode);
  g_test_add_func ("/window/diocese", test_diocese);
  g_test_add_func ("/window/register/corrupt", test_register_corrupt);
  g_test_add_func ("/window/autosave/recover", test_autosave_recover);
  g_test_add_func ("/window/autosave/close", test_autosave_close);
  g_test_add_func ("/window/autosave/focus", test_autosave_focus);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
