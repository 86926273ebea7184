/* cohorts-sidebar.c: the cohorts of a plan, to choose which schools to see
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "All Schools", each cohort with its date and size, and "Unassigned".
 * Schools dragged from the list onto a cohort (or "Unassigned") move there;
 * a cohort dragged onto another takes its place. A cohort's menu (right
 * click, or the Menu key) moves it up or down, or deletes it.
 */
#define G_LOG_DOMAIN "cohorts-sidebar"

#include "config.h"

#include <glib/gi18n.h>

#include "cohorts-date-reason.h"
#include "cohorts-diocese.h"
#include "cohorts-ui-util.h"

#include "cohorts-sidebar.h"

struct _CohortsSidebar
{
  AdwBin parent_instance;

  gboolean read_only;        /* review mode: nothing dropped, no cohort dragged */
  char *diocese;             /* the diocese view's: its schools are counted */
  GtkListBox *list;
  GMenuModel *cohort_menu;

  CohortsPlan *plan;
  GListModel *groups;
  guint refresh_source;
};

G_DEFINE_FINAL_TYPE (CohortsSidebar, cohorts_sidebar, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SELECTED_GROUP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static CohortsGroup *
row_group (GtkListBoxRow *row)
{
  return row ? g_object_get_data (G_OBJECT (row), "group") : NULL;
}

static void
update_row (GtkListBoxRow *row)
{
  CohortsGroup *group = row_group (row);
  GtkLabel *title = g_object_get_data (G_OBJECT (row), "title");
  GtkLabel *summary = g_object_get_data (G_OBJECT (row), "summary");
  GtkWidget *sidebar = gtk_widget_get_ancestor (GTK_WIDGET (row), COHORTS_TYPE_SIDEBAR);
  const char *diocese = sidebar != NULL ? COHORTS_SIDEBAR (sidebar)->diocese : NULL;
  g_autofree char *title_text = cohorts_group_dup_title (group);
  g_autofree char *summary_text = cohorts_group_dup_summary (group);
  g_autofree char *accessible = NULL;

  /* The diocese view: how many of the group's schools are the diocese's. */
  if (diocese != NULL)
    {
      GListModel *members = cohorts_group_get_members (group);
      guint n = g_list_model_get_n_items (members), of_diocese = 0;
      CohortsCohort *cohort = cohorts_group_get_cohort (group);
      g_autofree char *counts = NULL;

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(CohortsSchool) school = g_list_model_get_item (members, i);

          of_diocese += cohorts_school_in_diocese (school, diocese);
        }
      /* Translators: a group in the sidebar in the diocese view: how many of its schools are the
       * diocese's, "4 of 5 schools" */
      counts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u school", "%u of %u schools", n),
                                of_diocese, n);
      g_free (summary_text);
      if (cohorts_group_get_kind (group) == COHORTS_GROUP_COHORT && cohorts_cohort_get_date (cohort) != COHORTS_DATE_NONE)
        {
          g_autofree char *date = cohorts_date_format (cohorts_cohort_get_date (cohort));

          summary_text = g_strdup_printf (_("%s · %s"), date, counts);
        }
      else
        summary_text = g_steal_pointer (&counts);
    }
  accessible = g_strdup_printf ("%s, %s", title_text, summary_text);

  gtk_label_set_label (title, title_text);
  gtk_label_set_label (summary, summary_text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

static gboolean
refresh (gpointer user_data)
{
  CohortsSidebar *self = user_data;

  self->refresh_source = 0;
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list)); row;
       row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row) && row_group (GTK_LIST_BOX_ROW (row)) != NULL)
      update_row (GTK_LIST_BOX_ROW (row));
  return G_SOURCE_REMOVE;
}

static void
plan_changed_cb (CohortsSidebar *self)
{
  cohorts_schedule_before_frame (&self->refresh_source, refresh, self);
}

/* Drops */

/* In review mode nothing is dropped on the sidebar or dragged from it. */
static gboolean
row_read_only (GtkListBoxRow *row)
{
  GtkWidget *sidebar = gtk_widget_get_ancestor (GTK_WIDGET (row), COHORTS_TYPE_SIDEBAR);

  return sidebar != NULL && COHORTS_SIDEBAR (sidebar)->read_only;
}

static gboolean
drop_schools_cb (GtkDropTarget *target,
                 const GValue  *value,
                 double         x,
                 double         y,
                 GtkListBoxRow *row)
{
  CohortsGroup *group = row_group (row);
  CohortsPlan *plan = cohorts_group_get_plan (group);
  GListModel *schools = g_value_get_object (value);
  g_autoptr(GPtrArray) array = g_ptr_array_new_with_free_func (g_object_unref);

  if (row_read_only (row))
    return FALSE;

  if (plan == NULL || schools == NULL || cohorts_group_get_kind (group) == COHORTS_GROUP_ALL)
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (schools); i++)
    {
      CohortsSchool *school = g_list_model_get_item (schools, i);

      /* Only schools of this plan (not another window's). */
      if (cohorts_plan_find_school (plan, cohorts_school_get_urn (school)) == school)
        g_ptr_array_add (array, school);
      else
        g_object_unref (school);
    }

  if (array->len == 0)
    return FALSE;

  cohorts_date_reason_move_schools (GTK_WIDGET (row), plan, array, cohorts_group_get_cohort (group));
  return TRUE;
}

static gboolean
drop_cohort_cb (GtkDropTarget *target,
                const GValue  *value,
                double         x,
                double         y,
                GtkListBoxRow *row)
{
  CohortsGroup *group = row_group (row);
  CohortsPlan *plan = cohorts_group_get_plan (group);
  CohortsCohort *dragged = g_value_get_object (value);
  CohortsCohort *target_cohort = cohorts_group_get_cohort (group);
  guint position;

  if (row_read_only (row))
    return FALSE;

  if (plan == NULL || dragged == NULL || target_cohort == NULL || dragged == target_cohort ||
      cohorts_plan_find_cohort (plan, cohorts_cohort_get_id (dragged)) != dragged)
    return FALSE;

  if (!g_list_store_find (G_LIST_STORE (cohorts_plan_get_cohorts (plan)), target_cohort, &position))
    return FALSE;

  cohorts_plan_move_cohort (plan, dragged, position);
  return TRUE;
}

static GdkContentProvider *
drag_prepare_cb (GtkDragSource *source,
                 double         x,
                 double         y,
                 GtkListBoxRow *row)
{
  CohortsCohort *cohort = cohorts_group_get_cohort (row_group (row));

  if (row_read_only (row))
    return NULL;
  return cohort ? gdk_content_provider_new_typed (COHORTS_TYPE_COHORT, cohort) : NULL;
}

/* Menu */

static void
show_menu (CohortsSidebar *self,
           GtkListBoxRow  *row,
           double          x,
           double          y)
{
  if (cohorts_group_get_kind (row_group (row)) != COHORTS_GROUP_COHORT)
    return;

  gtk_list_box_select_row (self->list, row);
  cohorts_popup_menu (GTK_WIDGET (row), self->cohort_menu, x, y);
}

static void
row_pressed_cb (GtkGestureClick *gesture,
                int              n_press,
                double           x,
                double           y,
                CohortsSidebar  *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  show_menu (self, GTK_LIST_BOX_ROW (row), x, y);
}

static gboolean
row_menu_key_cb (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   user_data)
{
  CohortsSidebar *self = user_data;
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->list);

  if (row == NULL)
    return FALSE;
  show_menu (self, row, -1, -1);
  return TRUE;
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  CohortsSidebar *self = user_data;
  CohortsGroup *group = item;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *summary = gtk_label_new (NULL);
  GtkDropTarget *drop;

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (summary), 0);
  gtk_label_set_ellipsize (GTK_LABEL (summary), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (summary, "caption");
  gtk_widget_add_css_class (summary, "dim-label");
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), summary);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  g_object_set_data_full (G_OBJECT (row), "group", g_object_ref (group), g_object_unref);
  g_object_set_data (G_OBJECT (row), "title", title);
  g_object_set_data (G_OBJECT (row), "summary", summary);
  update_row (GTK_LIST_BOX_ROW (row));

  if (cohorts_group_get_kind (group) != COHORTS_GROUP_ALL)
    {
      drop = gtk_drop_target_new (G_TYPE_LIST_MODEL, GDK_ACTION_MOVE);
      g_signal_connect (drop, "drop", G_CALLBACK (drop_schools_cb), row);
      gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (drop));
    }

  if (cohorts_group_get_kind (group) == COHORTS_GROUP_COHORT)
    {
      GtkDragSource *source = gtk_drag_source_new ();
      GtkGesture *click = gtk_gesture_click_new ();

      gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
      g_signal_connect (source, "prepare", G_CALLBACK (drag_prepare_cb), row);
      gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (source));

      drop = gtk_drop_target_new (COHORTS_TYPE_COHORT, GDK_ACTION_MOVE);
      g_signal_connect (drop, "drop", G_CALLBACK (drop_cohort_cb), row);
      gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (drop));

      gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
      g_signal_connect (click, "pressed", G_CALLBACK (row_pressed_cb), self);
      gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (click));
    }

  return row;
}

static void
row_selected_cb (CohortsSidebar *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_GROUP]);
}

static void
groups_changed_cb (CohortsSidebar *self,
                   guint           position,
                   guint           removed,
                   guint           added)
{
  /* A deleted cohort's row went: show all schools rather than nothing. */
  if (gtk_list_box_get_selected_row (self->list) == NULL)
    cohorts_sidebar_select_all (self);
}

/**
 * cohorts_sidebar_set_plan:
 * @plan: (nullable): the plan whose cohorts to list
 */
void
cohorts_sidebar_set_plan (CohortsSidebar *self,
                          CohortsPlan    *plan)
{
  g_return_if_fail (COHORTS_IS_SIDEBAR (self));

  if (self->plan == plan)
    return;

  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_data (self->plan, self);
  if (self->groups != NULL)
    g_signal_handlers_disconnect_by_data (self->groups, self);
  g_clear_handle_id (&self->refresh_source, g_source_remove);

  g_set_object (&self->plan, plan);
  g_clear_object (&self->groups);

  if (plan == NULL)
    {
      gtk_list_box_bind_model (self->list, NULL, NULL, NULL, NULL);
      return;
    }

  self->groups = cohorts_groups_new (plan);
  gtk_list_box_bind_model (self->list, self->groups, create_row, self, NULL);
  g_signal_connect_object (plan, "changed", G_CALLBACK (plan_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->groups, "items-changed", G_CALLBACK (groups_changed_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  cohorts_sidebar_select_all (self);
}

/**
 * cohorts_sidebar_get_selected_group:
 *
 * Returns: (transfer none) (nullable): the group shown
 */
CohortsGroup *
cohorts_sidebar_get_selected_group (CohortsSidebar *self)
{
  g_return_val_if_fail (COHORTS_IS_SIDEBAR (self), NULL);
  return row_group (gtk_list_box_get_selected_row (self->list));
}

void
cohorts_sidebar_select_all (CohortsSidebar *self)
{
  g_return_if_fail (COHORTS_IS_SIDEBAR (self));
  gtk_list_box_select_row (self->list, gtk_list_box_get_row_at_index (self->list, 0));
}

void
cohorts_sidebar_select_cohort (CohortsSidebar *self,
                               CohortsCohort  *cohort)
{
  GtkListBoxRow *row;

  g_return_if_fail (COHORTS_IS_SIDEBAR (self));

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->list, i)) != NULL; i++)
    if (cohorts_group_get_cohort (row_group (row)) == cohort)
      {
        gtk_list_box_select_row (self->list, row);
        return;
      }
}

/**
 * cohorts_sidebar_get_row:
 *
 * Returns: (transfer none) (nullable): the row at @position (for tests)
 */
GtkWidget *
cohorts_sidebar_get_row (CohortsSidebar *self,
                         guint           position)
{
  g_return_val_if_fail (COHORTS_IS_SIDEBAR (self), NULL);
  return GTK_WIDGET (gtk_list_box_get_row_at_index (self->list, position));
}

static void
cohorts_sidebar_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CohortsSidebar *self = COHORTS_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_SELECTED_GROUP:
      g_value_set_object (value, cohorts_sidebar_get_selected_group (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cohorts_sidebar_dispose (GObject *object)
{
  CohortsSidebar *self = (CohortsSidebar *) object;

  cohorts_sidebar_set_plan (self, NULL);
  g_clear_pointer (&self->diocese, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), COHORTS_TYPE_SIDEBAR);

  G_OBJECT_CLASS (cohorts_sidebar_parent_class)->dispose (object);
}

static void
cohorts_sidebar_class_init (CohortsSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cohorts_sidebar_dispose;
  object_class->get_property = cohorts_sidebar_get_property;

  /**
   * CohortsSidebar:selected-group:
   *
   * The group whose schools the list shows.
   */
  properties[PROP_SELECTED_GROUP] =
    g_param_spec_object ("selected-group", NULL, NULL, COHORTS_TYPE_GROUP,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/cohorts/Cohorts/ui/cohorts-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, CohortsSidebar, list);
  gtk_widget_class_bind_template_child (widget_class, CohortsSidebar, cohort_menu);
}

static void
cohorts_sidebar_init (CohortsSidebar *self)
{
  GtkEventController *keys;
  GtkShortcut *shortcut;

  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (self->list, "row-selected", G_CALLBACK (row_selected_cb), self);

  /* The Menu key and Shift+F10 open the selected cohort's menu. */
  keys = gtk_shortcut_controller_new ();
  shortcut = gtk_shortcut_new (gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_Menu, 0),
                                                            gtk_keyval_trigger_new (GDK_KEY_F10, GDK_SHIFT_MASK)),
                               gtk_callback_action_new (row_menu_key_cb, self, NULL));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys), shortcut);
  gtk_widget_add_controller (GTK_WIDGET (self->list), keys);
}

/**
 * cohorts_sidebar_set_diocese:
 * @diocese: (nullable): a diocese's key, or %NULL for every school
 *
 * In the diocese view each group says how many of its schools are the
 * diocese's.
 */
void
cohorts_sidebar_set_diocese (CohortsSidebar *self,
                             const char     *diocese)
{
  g_return_if_fail (COHORTS_IS_SIDEBAR (self));

  if (g_strcmp0 (self->diocese, diocese) == 0)
    return;
  g_free (self->diocese);
  self->diocese = g_strdup (diocese);
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  refresh (self);
}

/**
 * cohorts_sidebar_set_read_only:
 *
 * In review mode schools are not dropped on cohorts and cohorts are not
 * dragged into another order.
 */
void
cohorts_sidebar_set_read_only (CohortsSidebar *self,
                               gboolean        read_only)
{
  g_return_if_fail (COHORTS_IS_SIDEBAR (self));
  self->read_only = !!read_only;
}
