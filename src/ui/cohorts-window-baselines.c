/* cohorts-window-baselines.c: Save Baseline…, Compare with Baseline, removing one
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Save Baseline… (the main menu) asks for a name, offering "Baseline of"
 * today, and keeps the plan's cohorts and conversion dates as they are in
 * the plan, one undo step. Compare with Baseline (the main menu: the last
 * saved; the plan page's Baselines group: any) shows what changed since, in
 * the window of Compare with…. Review mode refuses saving and removing, as
 * it refuses every edit but comments.
 */
#define G_LOG_DOMAIN "cohorts-window"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "cohorts-diff.h"
#include "cohorts-ui-util.h"
#include "cohorts-window-private.h"

static void
name_changed_cb (GtkEditable *entry,
                 GtkWidget   *save)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  gtk_widget_set_sensitive (save, name[0] != '\0');
}

static void
save_clicked_cb (GtkButton     *button,
                 CohortsWindow *self)
{
  GtkRoot *dialog = gtk_widget_get_root (GTK_WIDGET (button));
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "name");
  g_autoptr(GError) error = NULL;
  CohortsBaseline *baseline;

  if (self->plan == NULL || self->review_mode)
    return;
  baseline = cohorts_plan_add_baseline (self->plan, gtk_editable_get_text (entry), &error);
  if (baseline == NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (entry), error->message);
      return;
    }
  gtk_window_destroy (GTK_WINDOW (dialog));
  {
    /* Translators: a toast: "Baseline “Agreed by the board” saved" */
    g_autofree char *message = g_strdup_printf (_("Baseline “%s” saved"), cohorts_baseline_get_name (baseline));
    cohorts_window_toast (self, message);
  }
}

static void
close_clicked_cb (GtkButton *button)
{
  gtk_window_destroy (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (button))));
}

static void
save_baseline_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CohortsWindow *self = COHORTS_WINDOW (widget);
  GtkWidget *window, *box, *header, *cancel, *save, *content, *intro, *group, *entry;
  g_autofree char *name = NULL;

  if (self->plan == NULL || self->review_mode)
    return;

  name = cohorts_plan_make_baseline_name (cohorts_date_time_now ());
  window = cohorts_dialog_window_new (GTK_WINDOW (self), "save-baseline", _("Save Baseline"), 440, -1);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  save = gtk_button_new_with_mnemonic (_("_Save"));
  content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  intro = gtk_label_new (_("A baseline keeps the cohorts and every school's conversion date as they are now. "
                           "The timeline can show it beside the plan, Compare with Baseline lists what moved "
                           "since, and each later move of a date asks for its reason."));
  group = adw_preferences_group_new ();
  entry = adw_entry_row_new ();

  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  gtk_widget_set_name (save, "save-baseline-save");
  gtk_widget_set_name (cancel, "save-baseline-cancel");
  gtk_widget_add_css_class (save, "suggested-action");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), save);
  g_signal_connect (cancel, "clicked", G_CALLBACK (close_clicked_cb), NULL);
  g_signal_connect_object (save, "clicked", G_CALLBACK (save_clicked_cb), self, 0);
  gtk_box_append (GTK_BOX (box), header);

  gtk_widget_set_margin_start (content, 18);
  gtk_widget_set_margin_end (content, 18);
  gtk_widget_set_margin_top (content, 12);
  gtk_widget_set_margin_bottom (content, 18);
  gtk_label_set_wrap (GTK_LABEL (intro), TRUE);
  gtk_label_set_xalign (GTK_LABEL (intro), 0);
  gtk_label_set_max_width_chars (GTK_LABEL (intro), 50);
  gtk_box_append (GTK_BOX (content), intro);
  gtk_widget_set_name (entry, "save-baseline-name");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), _("_Name"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (entry), TRUE);
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (entry), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (entry), name);
  g_signal_connect (entry, "changed", G_CALLBACK (name_changed_cb), save);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), entry);
  gtk_box_append (GTK_BOX (content), group);
  gtk_box_append (GTK_BOX (box), content);

  g_object_set_data (G_OBJECT (window), "name", entry);
  adw_window_set_content (ADW_WINDOW (window), box);
  gtk_window_set_default_widget (GTK_WINDOW (window), save);
  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_grab_focus (entry);
}

/* The baseline of that id; "" for the last saved. */
static CohortsBaseline *
find_baseline (CohortsWindow *self,
               const char    *id)
{
  GListModel *baselines = cohorts_plan_get_baselines (self->plan);
  guint n = g_list_model_get_n_items (baselines);
  g_autoptr(CohortsBaseline) last = NULL;

  if (id[0] != '\0')
    return cohorts_plan_find_baseline (self->plan, id);
  if (n == 0)
    return NULL;
  last = g_list_model_get_item (baselines, n - 1);
  return last;   /* the plan holds it */
}

static void
compare_baseline_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  CohortsWindow *self = COHORTS_WINDOW (widget);
  CohortsBaseline *baseline;
  g_autoptr(GPtrArray) changes = NULL;

  if (self->plan == NULL)
    return;
  baseline = find_baseline (self, g_variant_get_string (parameter, NULL));
  if (baseline == NULL)
    return;
  changes = cohorts_diff_baseline (baseline, self->plan);
  cohorts_window_show_changes (self, changes, cohorts_baseline_get_name (baseline));
}

static void
remove_baseline_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  CohortsWindow *self = COHORTS_WINDOW (widget);
  CohortsBaseline *baseline;

  if (self->plan == NULL || self->review_mode)
    return;
  baseline = find_baseline (self, g_variant_get_string (parameter, NULL));
  if (baseline != NULL)
    cohorts_plan_remove_baseline (self->plan, baseline);
}

void
cohorts_window_update_baseline_actions (CohortsWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean any = self->plan != NULL && g_list_model_get_n_items (cohorts_plan_get_baselines (self->plan)) > 0;

  gtk_widget_action_set_enabled (widget, "win.save-baseline", self->plan != NULL && !self->review_mode);
  gtk_widget_action_set_enabled (widget, "win.remove-baseline", any && !self->review_mode);
  gtk_widget_action_set_enabled (widget, "win.compare-baseline", any);
}

void
cohorts_window_class_init_baselines (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.save-baseline", NULL, save_baseline_action);
  gtk_widget_class_install_action (widget_class, "win.compare-baseline", "s", compare_baseline_action);
  gtk_widget_class_install_action (widget_class, "win.remove-baseline", "s", remove_baseline_action);
}
