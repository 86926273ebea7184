/* cohorts-window-suggest.c: Suggest Cohorts, the dialog
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The options on top; below them the proposal of the core's suggester
 * (src/core/cohorts-suggest.c), worked out again whenever an option
 * changes: what it gives up, then each cohort with its schools and why each
 * is there. Apply makes it so as one step to undo. Once the plan has a
 * baseline, a proposal that moves a school's conversion date asks why (the
 * reason dialog's choice, cohorts-date-reason.c) and records each move in
 * the same step; a school's first date is not a move.
 */
#define G_LOG_DOMAIN "cohorts-window"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "cohorts-date-reason.h"
#include "cohorts-suggest.h"
#include "cohorts-ui-util.h"
#include "cohorts-window-private.h"

/* Rows shown a cohort, and in all: a 25,000-school plan makes thousands of
 * placements, which a list of rows cannot show usefully. */
#define ROWS_A_COHORT 60
#define ROWS_IN_ALL 600

typedef struct
{
  CohortsWindow *self;
  GtkWindow *window;
  AdwPreferencesPage *page;
  AdwComboRow *scope;
  AdwComboRow *cadence;
  GtkSpinButton *max_size;
  GtkSwitch *one_at_a_time;
  GtkWidget *apply;
  GtkWidget *reason_group;      /* shown when dates move under a baseline */
  AdwComboRow *reason;
  AdwEntryRow *note;
  GtkWidget *moves_row;
  GPtrArray *moves;             /* the dates the proposal moves */
  GPtrArray *groups;            /* the proposal's groups, on the page */
  CohortsSuggestion *suggestion;
  CohortsSuggestOptions options;
} SuggestDialog;

static void
suggest_dialog_free (SuggestDialog *dialog)
{
  g_clear_pointer (&dialog->suggestion, cohorts_suggestion_free);
  g_clear_pointer (&dialog->moves, g_ptr_array_unref);
  g_ptr_array_unref (dialog->groups);
  g_free (dialog);
}

static GtkWidget *
text_row (const char *title,
          const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  if (subtitle != NULL)
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
    }
  return row;
}

static GtkWidget *
add_group (SuggestDialog *dialog,
           const char    *title,
           const char    *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  adw_preferences_page_add (dialog->page, ADW_PREFERENCES_GROUP (group));
  g_ptr_array_add (dialog->groups, group);
  return group;
}

/* The conversion dates the proposal moves, when the plan has a baseline:
 * each school that has a date and would have another. A school without one
 * gets its first date, which is not a move. */
static GPtrArray *
suggestion_moves (CohortsSuggestion *suggestion,
                  CohortsPlan       *plan)
{
  GPtrArray *moves = cohorts_date_moves_new ();
  guint n = cohorts_suggestion_get_n_placements (suggestion);

  if (g_list_model_get_n_items (cohorts_plan_get_baselines (plan)) == 0)
    return moves;
  for (guint i = 0; i < n; i++)
    {
      const CohortsPlacement *p = cohorts_suggestion_get_placement (suggestion, i);
      const CohortsSuggestedCohort *sc = cohorts_suggestion_get_cohort (suggestion, p->cohort);

      if (cohorts_plan_get_conversion_date (plan, p->school) != COHORTS_DATE_NONE)
        cohorts_date_moves_add_school_date (moves, plan, p->school, sc->date);
    }
  return moves;
}

/* Apply: when there is something to make so, and a reason for the dates it
 * moves. */
static void
update_apply (SuggestDialog *dialog)
{
  gboolean changes = cohorts_suggestion_count_moves (dialog->suggestion) > 0 ||
                     cohorts_suggestion_get_emptied (dialog->suggestion)->len > 0;

  gtk_widget_set_sensitive (dialog->apply,
                            changes && (dialog->moves->len == 0 || adw_combo_row_get_selected (dialog->reason) > 0));
}

/* The proposal for the options as they are, shown. */
static void
update_proposal (SuggestDialog *dialog)
{
  CohortsPlan *plan = dialog->self->plan;
  GtkWidget *group;
  guint n_cohorts, n_placements, n_new = 0, shown = 0;
  const char *const *tradeoffs;
  g_autofree char *summary = NULL;
  g_autofree char *schools = NULL;
  g_autofree char *cohorts = NULL;

  for (guint i = 0; i < dialog->groups->len; i++)
    adw_preferences_page_remove (dialog->page, g_ptr_array_index (dialog->groups, i));
  g_ptr_array_set_size (dialog->groups, 0);
  g_clear_pointer (&dialog->suggestion, cohorts_suggestion_free);

  dialog->options.scope = adw_combo_row_get_selected (dialog->scope) == 1 ? COHORTS_SUGGEST_ALL
                                                                          : COHORTS_SUGGEST_UNASSIGNED;
  dialog->options.cadence = adw_combo_row_get_selected (dialog->cadence) == 1 ? COHORTS_SUGGEST_YEARLY
                                                                              : COHORTS_SUGGEST_TERMLY;
  adw_action_row_set_subtitle (ADW_ACTION_ROW (dialog->cadence),
                               dialog->options.cadence == COHORTS_SUGGEST_YEARLY
                                 ? _("On 1 September")
                                 : _("On 1 September, 1 January and 1 April"));
  dialog->options.max_size = (guint) gtk_spin_button_get_value_as_int (dialog->max_size);
  dialog->options.one_at_a_time = gtk_switch_get_active (dialog->one_at_a_time);
  dialog->suggestion = cohorts_suggest (plan, &dialog->options);

  n_cohorts = cohorts_suggestion_get_n_cohorts (dialog->suggestion);
  n_placements = cohorts_suggestion_get_n_placements (dialog->suggestion);
  for (guint i = 0; i < n_cohorts; i++)
    n_new += cohorts_suggestion_get_cohort (dialog->suggestion, i)->cohort == NULL;
  g_clear_pointer (&dialog->moves, g_ptr_array_unref);
  dialog->moves = suggestion_moves (dialog->suggestion, plan);
  gtk_widget_set_visible (dialog->reason_group, dialog->moves->len > 0);
  if (dialog->moves->len > 0)
    {
      g_autofree char *listed = cohorts_date_moves_describe (plan, dialog->moves);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (dialog->moves_row), listed);
    }
  update_apply (dialog);

  /* What it comes to, and what it gives up. */
  if (n_placements == 0)
    summary = g_strdup (dialog->options.scope == COHORTS_SUGGEST_UNASSIGNED
                          ? _("Every school has a cohort or is locked. Choose “Also in draft cohorts” to "
                              "plan the draft cohorts again.")
                          : _("Every school is locked, in a cohort that is locked or agreed, or has a "
                              "conversion date of its own."));
  else
    {
      /* Translators: "13 schools in 4 cohorts, 2 of them new" */
      schools = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u school", "%u schools", n_placements),
                                 n_placements);
      cohorts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u cohort", "%u cohorts", n_cohorts), n_cohorts);
      if (n_new == 0)
        /* Translators: "2 schools in 1 cohort of the plan" */
        summary = g_strdup_printf (_("%s in %s of the plan"), schools, cohorts);
      else
        summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s in %s, %u of them new",
                                                "%s in %s, %u of them new", n_new),
                                   schools, cohorts, n_new);
    }
  group = add_group (dialog, _("Proposal"), summary);
  gtk_widget_set_name (group, "suggest-summary");
  tradeoffs = cohorts_suggestion_get_tradeoffs (dialog->suggestion);
  for (guint i = 0; tradeoffs[i] != NULL; i++)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), text_row (tradeoffs[i], NULL));

  /* Each cohort, with its schools and why. */
  for (guint c = 0; c < n_cohorts; c++)
    {
      const CohortsSuggestedCohort *sc = cohorts_suggestion_get_cohort (dialog->suggestion, c);
      g_autofree char *date = cohorts_date_format (sc->date);
      g_autofree char *title = NULL;
      g_autofree char *description = NULL;
      guint in_cohort = 0, left = 0;

      /* Translators: a cohort and its date: "Cohort 2, 1 September 2027" */
      title = g_strdup_printf (_("%s, %s"), sc->name, date);
      if (sc->cohort == NULL)
        description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "A new cohort of %u school",
                                                    "A new cohort of %u schools", sc->n_placed),
                                       sc->n_placed);
      else
        description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u school placed in this cohort of the plan",
                                                    "%u schools placed in this cohort of the plan", sc->n_placed),
                                       sc->n_placed);
      group = add_group (dialog, title, description);

      for (guint i = 0; i < n_placements; i++)
        {
          const CohortsPlacement *p = cohorts_suggestion_get_placement (dialog->suggestion, i);

          if (p->cohort != c)
            continue;
          if (in_cohort >= ROWS_A_COHORT || shown >= ROWS_IN_ALL)
            {
              left++;
              continue;
            }
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                     text_row (cohorts_school_get_name (p->school), p->reason));
          in_cohort++;
          shown++;
        }
      if (left > 0)
        {
          g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "And %u more school",
                                                                "And %u more schools", left),
                                                   left);

          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), text_row (more, NULL));
        }
    }
}

static void
apply_clicked_cb (SuggestDialog *dialog)
{
  CohortsWindow *self = dialog->self;
  guint placed = cohorts_suggestion_get_n_placements (dialog->suggestion);
  guint n_cohorts = cohorts_suggestion_get_n_cohorts (dialog->suggestion);
  g_autofree char *schools = NULL;
  g_autofree char *message = NULL;
  AdwToast *toast;

  if (self->plan == NULL)
    return;

  /* The dates as they are now: the plan may have changed since. */
  g_clear_pointer (&dialog->moves, g_ptr_array_unref);
  dialog->moves = suggestion_moves (dialog->suggestion, self->plan);
  if (dialog->moves->len > 0 && adw_combo_row_get_selected (dialog->reason) == 0)
    {
      update_proposal (dialog);
      return;
    }

  cohorts_plan_begin_edit (self->plan, _("Suggest Cohorts"));
  cohorts_suggestion_apply (dialog->suggestion, self->plan);
  if (dialog->moves->len > 0)
    {
      g_autofree char *author = cohorts_window_get_reviewer_name (self);

      cohorts_date_moves_record (self->plan, dialog->moves, adw_combo_row_get_selected (dialog->reason) - 1,
                                 author, gtk_editable_get_text (GTK_EDITABLE (dialog->note)));
    }
  cohorts_plan_end_edit (self->plan);

  schools = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u school", "%u schools", placed), placed);
  /* Translators: a notification, "Placed 13 schools in 4 cohorts" */
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Placed %s in %u cohort", "Placed %s in %u cohorts",
                                          n_cohorts),
                             schools, n_cohorts);
  gtk_window_destroy (dialog->window);

  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static AdwComboRow *
choice_row (const char        *title,
            const char        *subtitle,
            const char *const *choices,
            const char        *name)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) model = gtk_string_list_new (choices);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  gtk_widget_set_name (row, name);
  return ADW_COMBO_ROW (row);
}

/**
 * cohorts_window_show_suggest_cohorts:
 *
 * Shows the Suggest Cohorts dialog with its first proposal.
 *
 * Returns: (transfer none): the dialog
 */
GtkWindow *
cohorts_window_show_suggest_cohorts (CohortsWindow *self)
{
  SuggestDialog *dialog;
  GtkWidget *window, *box, *header, *cancel, *options, *row;
  const char *scopes[] = { N_("Without a cohort"), N_("Also in draft cohorts"), NULL };
  const char *cadences[] = { N_("Each term"), N_("Each year"), NULL };
  const char *scope_names[G_N_ELEMENTS (scopes)];
  const char *cadence_names[G_N_ELEMENTS (cadences)];

  g_return_val_if_fail (COHORTS_IS_WINDOW (self), NULL);
  g_return_val_if_fail (self->plan != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (scopes); i++)
    scope_names[i] = scopes[i] != NULL ? _(scopes[i]) : NULL;
  for (guint i = 0; i < G_N_ELEMENTS (cadences); i++)
    cadence_names[i] = cadences[i] != NULL ? _(cadences[i]) : NULL;

  dialog = g_new0 (SuggestDialog, 1);
  dialog->self = self;
  dialog->groups = g_ptr_array_new ();
  cohorts_suggest_options_init (&dialog->options, self->plan);

  window = cohorts_dialog_window_new (GTK_WINDOW (self), "suggest-cohorts", _("Suggest Cohorts"), 680, 720);
  dialog->window = GTK_WINDOW (window);
  g_object_set_data_full (G_OBJECT (window), "suggest-dialog", dialog, (GDestroyNotify) suggest_dialog_free);

  header = adw_header_bar_new ();
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  dialog->apply = gtk_button_new_with_mnemonic (_("_Apply"));
  gtk_widget_set_name (dialog->apply, "suggest-apply");
  gtk_widget_add_css_class (dialog->apply, "suggested-action");
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), dialog->apply);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_destroy), window);
  g_signal_connect_swapped (dialog->apply, "clicked", G_CALLBACK (apply_clicked_cb), dialog);

  dialog->page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  options = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (options), _("Options"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (options),
                                         _("Ready schools first, strong schools early enough to support the "
                                           "others, within the central team’s conversions at once and a term "
                                           "and the church’s lead time. Locked schools and cohorts, and agreed "
                                           "cohorts, stay as they are."));

  dialog->scope = choice_row (_("Schools to Place"), NULL, scope_names, "suggest-scope");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (options), GTK_WIDGET (dialog->scope));
  dialog->cadence = choice_row (_("New Cohorts"), NULL, cadence_names, "suggest-cadence");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (options), GTK_WIDGET (dialog->cadence));

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Schools a Cohort, at Most"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Starts at the central team’s conversions at once"));
  dialog->max_size = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (1, 99, 1));
  gtk_spin_button_set_value (dialog->max_size, dialog->options.max_size);
  gtk_widget_set_valign (GTK_WIDGET (dialog->max_size), GTK_ALIGN_CENTER);
  gtk_widget_set_name (GTK_WIDGET (dialog->max_size), "suggest-max-size");
  gtk_accessible_update_property (GTK_ACCESSIBLE (dialog->max_size),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Schools a cohort, at most"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (dialog->max_size));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), GTK_WIDGET (dialog->max_size));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (options), row);

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("One School at a Time after the First Cohort"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("To grow once the first cohort has converted"));
  dialog->one_at_a_time = GTK_SWITCH (gtk_switch_new ());
  gtk_widget_set_valign (GTK_WIDGET (dialog->one_at_a_time), GTK_ALIGN_CENTER);
  gtk_widget_set_name (GTK_WIDGET (dialog->one_at_a_time), "suggest-one-at-a-time");
  gtk_accessible_update_property (GTK_ACCESSIBLE (dialog->one_at_a_time),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("One school at a time after the first cohort"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (dialog->one_at_a_time));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), GTK_WIDGET (dialog->one_at_a_time));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (options), row);
  adw_preferences_page_add (dialog->page, ADW_PREFERENCES_GROUP (options));

  /* Why the dates move, under a baseline; shown when they do. */
  dialog->reason_group = adw_preferences_group_new ();
  gtk_widget_set_name (dialog->reason_group, "suggest-reason-group");
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (dialog->reason_group), _("Reason for the Moved Dates"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (dialog->reason_group),
                                         _("The plan has a baseline, and this proposal moves conversion dates: "
                                           "say why. The reason is kept in the plan’s history."));
  dialog->moves_row = text_row ("", NULL);
  gtk_widget_set_name (dialog->moves_row, "suggest-moves");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (dialog->reason_group), dialog->moves_row);
  dialog->reason = ADW_COMBO_ROW (cohorts_date_reason_row_new ());
  gtk_widget_set_name (GTK_WIDGET (dialog->reason), "suggest-reason");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (dialog->reason_group), GTK_WIDGET (dialog->reason));
  dialog->note = ADW_ENTRY_ROW (adw_entry_row_new ());
  gtk_widget_set_name (GTK_WIDGET (dialog->note), "suggest-note");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (dialog->note), _("_Note"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (dialog->note), TRUE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (dialog->reason_group), GTK_WIDGET (dialog->note));
  adw_preferences_page_add (dialog->page, ADW_PREFERENCES_GROUP (dialog->reason_group));
  g_signal_connect_swapped (dialog->reason, "notify::selected", G_CALLBACK (update_apply), dialog);

  g_signal_connect_swapped (dialog->scope, "notify::selected", G_CALLBACK (update_proposal), dialog);
  g_signal_connect_swapped (dialog->cadence, "notify::selected", G_CALLBACK (update_proposal), dialog);
  g_signal_connect_swapped (dialog->max_size, "value-changed", G_CALLBACK (update_proposal), dialog);
  g_signal_connect_swapped (dialog->one_at_a_time, "notify::active", G_CALLBACK (update_proposal), dialog);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (box), header);
  gtk_widget_set_vexpand (GTK_WIDGET (dialog->page), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (dialog->page));
  adw_window_set_content (ADW_WINDOW (window), box);

  update_proposal (dialog);
  gtk_window_set_default_widget (GTK_WINDOW (window), dialog->apply);
  gtk_window_present (GTK_WINDOW (window));
  return GTK_WINDOW (window);
}

static void
suggest_cohorts_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  CohortsWindow *self = COHORTS_WINDOW (widget);

  if (self->plan != NULL && self->busy_cancellable == NULL)
    cohorts_window_show_suggest_cohorts (self);
}

void
cohorts_window_update_suggest_actions (CohortsWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.suggest-cohorts",
                                 self->busy_cancellable == NULL && self->plan != NULL &&
                                 !self->review_mode);
}

void
cohorts_window_class_init_suggest (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.suggest-cohorts", NULL, suggest_cohorts_action);
}
