/* cohorts-ui-util.c: small helpers the views share
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cohorts-ui"

#include "config.h"

#include <adwaita.h>

#include "cohorts-enums.h"
#include "cohorts-ui-util.h"

/**
 * cohorts_finding_row_new:
 *
 * Returns: (transfer floating): a row for @finding: its severity as an
 *   icon (named for screen readers), its message, and what would fix it
 */
GtkWidget *
cohorts_finding_row_new (const CohortsFinding *finding)
{
  static const char *icons[] = {
    [COHORTS_SEVERITY_INFO] = "dialog-information-symbolic",
    [COHORTS_SEVERITY_WARNING] = "dialog-warning-symbolic",
    [COHORTS_SEVERITY_ERROR] = "dialog-error-symbolic",
  };
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (icons[finding->severity]);
  g_autofree char *title = g_markup_escape_text (finding->message, -1);
  g_autofree char *subtitle = g_markup_escape_text (finding->suggestion ? finding->suggestion : "", -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_widget_add_css_class (icon, finding->severity == COHORTS_SEVERITY_ERROR ? "error" : "warning");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  cohorts_enum_get_label (COHORTS_TYPE_SEVERITY, finding->severity), -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  return row;
}

/**
 * cohorts_schedule_before_frame:
 * @source: (inout): where the pending source is kept; 0 when none
 *
 * Runs @func once, soon, before the next frame is drawn (GDK_PRIORITY_REDRAW
 * is G_PRIORITY_HIGH_IDLE + 20): a burst of model changes (a group of moves)
 * is shown once, in the frame that follows it. @func must set *@source to 0.
 */
void
cohorts_schedule_before_frame (guint       *source,
                               GSourceFunc  func,
                               gpointer     data)
{
  if (*source == 0)
    *source = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 15, func, data, NULL);
}

/**
 * cohorts_popup_menu:
 * @x: where to point, in @parent's coordinates, or -1 for @parent itself
 *
 * Opens @menu as a context menu of @parent (a right click, the Menu key).
 */
void
cohorts_popup_menu (GtkWidget  *parent,
                    GMenuModel *menu,
                    double      x,
                    double      y)
{
  GtkWidget *popover = gtk_popover_menu_new_from_model (menu);

  gtk_widget_set_parent (popover, parent);
  gtk_popover_set_has_arrow (GTK_POPOVER (popover), FALSE);
  gtk_widget_set_halign (popover, GTK_ALIGN_START);
  if (x >= 0)
    gtk_popover_set_pointing_to (GTK_POPOVER (popover), &(GdkRectangle) { x, y, 1, 1 });
  g_signal_connect (popover, "closed", G_CALLBACK (gtk_widget_unparent), NULL);
  gtk_popover_popup (GTK_POPOVER (popover));
}

/**
 * cohorts_dialog_window_new:
 * @name: the widget name the tests find it by
 *
 * A dialog window of the app (Suggest Cohorts, Export Timeline, the
 * register's, Compare with…): modal on @parent, going with it, of the
 * given default size, closed by Escape.
 *
 * Returns: (transfer none): the #AdwWindow, not yet shown
 */
GtkWidget *
cohorts_dialog_window_new (GtkWindow  *parent,
                           const char *name,
                           const char *title,
                           int         width,
                           int         height)
{
  GtkWidget *window = adw_window_new ();
  GtkEventController *keys = gtk_shortcut_controller_new ();

  gtk_widget_set_name (window, name);
  gtk_window_set_title (GTK_WINDOW (window), title);
  gtk_window_set_transient_for (GTK_WINDOW (window), parent);
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (window, keys);
  return window;
}
