/* cohorts-timeline-options.c: the questions of the Timeline tab and of Export Timeline
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One page of preferences: the paper (export only; printing asks the print
 * dialog), fit or tile, the months shown, which cohorts, the baseline shown
 * under the plan (once the plan has one) and which columns beside the
 * names. The months start as the plan's whole span; left so,
 * they follow the plan.
 */
#define G_LOG_DOMAIN "cohorts-print"

#include "config.h"

#include <glib/gi18n.h>

#include "cohorts-date-button.h"
#include "cohorts-timeline-options.h"

struct _CohortsTimelineOptions
{
  AdwBin parent_instance;

  CohortsPlan *plan;
  AdwComboRow *size;         /* NULL without the paper */
  AdwComboRow *orientation;
  GtkCheckButton *fit;
  GtkCheckButton *tile;
  CohortsDateButton *from;
  CohortsDateButton *to;     /* shows the 1st of the last month */
  GPtrArray *cohort_checks;  /* GtkCheckButton, "cohort" set on each (NULL: in none) */
  GtkCheckButton *columns[COHORTS_TIMELINE_N_COLUMNS];
  AdwComboRow *baseline;     /* NULL when the plan has none: "None", then the plan's */
  CohortsDate plan_from;     /* the plan's whole span: first day */
  CohortsDate plan_to;       /* and last */
  char *diocese;             /* the diocese view's, passed through */
};

G_DEFINE_FINAL_TYPE (CohortsTimelineOptions, cohorts_timeline_options, ADW_TYPE_BIN)

/* The span the pages show when no dates are given: the paper's own choice. */
static void
plan_span (CohortsPlan *plan,
           CohortsDate *from,
           CohortsDate *to)
{
  g_autoptr(CohortsTimelineRows) rows = cohorts_timeline_rows_new (plan);
  g_autoptr(CohortsPaper) paper = NULL;
  CohortsPaperOptions options;
  const CohortsPaperPage *page;

  cohorts_paper_options_init (&options, COHORTS_PAPER_SIZE_A4, COHORTS_PAPER_LANDSCAPE);
  options.today = cohorts_date_today ();
  paper = cohorts_paper_new (rows, &options);
  page = cohorts_paper_get_page (paper, 0);
  *from = page->from;
  *to = page->to - 1;
}

static GtkWidget *
check_row (const char      *title,
           const char      *subtitle,
           GtkCheckButton **check_out)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  *check_out = GTK_CHECK_BUTTON (check);
  return row;
}

/* The buttons pick months: they show "September 2027", not its 1st. */
static void
show_month (CohortsDateButton *button,
            CohortsDate        month)
{
  g_autofree char *text = cohorts_date_format_month (month);

  cohorts_date_button_set_date (button, month);
  gtk_menu_button_set_label (cohorts_date_button_get_menu_button (button), text);
}

static void
date_chosen_cb (CohortsDateButton      *button,
                guint                   date,
                CohortsTimelineOptions *self)
{
  CohortsDate chosen = date != COHORTS_DATE_NONE ? cohorts_date_first_of_month (date) : COHORTS_DATE_NONE;

  if (chosen == COHORTS_DATE_NONE)
    chosen = button == self->from ? self->plan_from : cohorts_date_first_of_month (self->plan_to);
  show_month (button, chosen);

  /* The other end follows, so that the span is never empty. */
  if (cohorts_date_button_get_date (self->to) < cohorts_date_button_get_date (self->from))
    {
      if (button == self->from)
        show_month (self->to, chosen);
      else
        show_month (self->from, chosen);
    }
}

static void
whole_plan_cb (GtkButton              *button,
               CohortsTimelineOptions *self)
{
  show_month (self->from, cohorts_date_first_of_month (self->plan_from));
  show_month (self->to, cohorts_date_first_of_month (self->plan_to));
}

static GtkWidget *
date_row (CohortsTimelineOptions *self,
          const char             *title,
          CohortsDateButton     **button_out)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = cohorts_date_button_new (TRUE, FALSE);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  cohorts_date_button_set_title (COHORTS_DATE_BUTTON (button), title);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row),
                                         GTK_WIDGET (cohorts_date_button_get_menu_button (COHORTS_DATE_BUTTON (button))));
  g_signal_connect (button, "date-chosen", G_CALLBACK (date_chosen_cb), self);
  *button_out = COHORTS_DATE_BUTTON (button);
  return row;
}

static GtkWidget *
combo_row (const char         *title,
           const char * const *items,
           guint               selected)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) model = gtk_string_list_new (items);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  return row;
}

static char *
cohort_subtitle (CohortsCohort *cohort,
                 guint          n_schools)
{
  g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u school", "%u schools", n_schools),
                                            n_schools);
  g_autofree char *date = NULL;

  if (cohort == NULL || cohorts_cohort_get_date (cohort) == COHORTS_DATE_NONE)
    return g_steal_pointer (&count);
  date = cohorts_date_format (cohorts_cohort_get_date (cohort));
  /* Translators: a cohort in the Timeline tab: "1 April 2027 · 5 schools" */
  return g_strdup_printf (_("%s · %s"), date, count);
}

static void
build (CohortsTimelineOptions    *self,
       const CohortsPrintChoices *choices,
       gboolean                   show_paper)
{
  static const char *column_titles[COHORTS_TIMELINE_N_COLUMNS] = {
    N_("URN"), N_("Phase"), N_("Conversion date"), N_("Pupils"), N_("Local authority"),
  };
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group, *row, *button;
  GListModel *cohorts = cohorts_plan_get_cohorts (self->plan);
  guint n_unassigned = g_list_model_get_n_items (cohorts_plan_get_unassigned (self->plan));

  g_free (self->diocese);
  self->diocese = g_strdup (choices->diocese);

  if (show_paper)
    {
      const char *sizes[] = { "A4", "A3", NULL };
      const char *orientations[] = { _("Landscape"), _("Portrait"), NULL };

      group = adw_preferences_group_new ();
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Paper"));
      row = combo_row (_("Size"), sizes, choices->size == COHORTS_PAPER_SIZE_A3 ? 1 : 0);
      self->size = ADW_COMBO_ROW (row);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
      row = combo_row (_("Orientation"), orientations, choices->orientation == COHORTS_PAPER_PORTRAIT ? 1 : 0);
      self->orientation = ADW_COMBO_ROW (row);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
      adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
    }

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Pages"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             check_row (_("Fit to page width"),
                                        _("All the months across the page; rows go on to further pages"),
                                        &self->fit));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             check_row (_("Tile across pages"),
                                        _("A readable scale; the months go on across pages too"),
                                        &self->tile));
  gtk_check_button_set_group (self->tile, self->fit);
  gtk_check_button_set_active (choices->mode == COHORTS_PAGES_TILE ? self->tile : self->fit, TRUE);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Months"));
  button = gtk_button_new_with_mnemonic (_("_Whole Plan"));
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_signal_connect (button, "clicked", G_CALLBACK (whole_plan_cb), self);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), button);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), date_row (self, _("First month"), &self->from));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), date_row (self, _("Last month"), &self->to));
  plan_span (self->plan, &self->plan_from, &self->plan_to);
  show_month (self->from, cohorts_date_first_of_month (choices->from != COHORTS_DATE_NONE
                                                                         ? choices->from : self->plan_from));
  show_month (self->to, cohorts_date_first_of_month (choices->to != COHORTS_DATE_NONE
                                                                       ? choices->to : self->plan_to));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  group = adw_preferences_group_new ();
  /* Translators: the group of check boxes choosing which cohorts to show, not the app's name */
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), C_("print", "Cohorts"));
  for (guint i = 0; i <= g_list_model_get_n_items (cohorts); i++)
    {
      g_autoptr(CohortsCohort) cohort = i < g_list_model_get_n_items (cohorts) ? g_list_model_get_item (cohorts, i)
                                                                                : NULL;
      g_autofree char *name = cohort ? cohorts_cohort_dup_display_name (cohort) : g_strdup (_("Not in a cohort"));
      g_autofree char *subtitle = cohort_subtitle (cohort, cohort ? cohorts_cohort_get_n_members (cohort)
                                                                  : n_unassigned);
      GtkCheckButton *check;

      if (cohort == NULL && n_unassigned == 0)
        break;
      row = check_row (name, subtitle, &check);
      gtk_check_button_set_active (check, !cohorts_print_choices_get_hidden (choices, cohort));
      if (cohort != NULL)
        g_object_set_data_full (G_OBJECT (check), "cohort", g_object_ref (cohort), g_object_unref);
      g_ptr_array_add (self->cohort_checks, check);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  /* A baseline under the plan's bars, once the plan has one. */
  if (g_list_model_get_n_items (cohorts_plan_get_baselines (self->plan)) > 0)
    {
      GListModel *baselines = cohorts_plan_get_baselines (self->plan);
      g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
      guint selected = 0;

      gtk_string_list_append (names, _("None"));
      for (guint i = 0; i < g_list_model_get_n_items (baselines); i++)
        {
          g_autoptr(CohortsBaseline) baseline = g_list_model_get_item (baselines, i);

          gtk_string_list_append (names, cohorts_baseline_get_name (baseline));
          if (g_strcmp0 (choices->baseline, cohorts_baseline_get_id (baseline)) == 0)
            selected = i + 1;
        }
      group = adw_preferences_group_new ();
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Baseline"));
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                             _("A thin grey bar under each school's own: its conversion "
                                               "in the baseline"));
      row = adw_combo_row_new ();
      gtk_widget_set_name (row, "print-baseline");
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Shown"));
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (names));
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
      self->baseline = ADW_COMBO_ROW (row);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
      adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
    }

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Beside the Names"));
  for (guint i = 0; i < COHORTS_TIMELINE_N_COLUMNS; i++)
    {
      row = check_row (_(column_titles[i]), NULL, &self->columns[i]);
      gtk_check_button_set_active (self->columns[i], (choices->columns & (1u << i)) != 0);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  adw_bin_set_child (ADW_BIN (self), page);
}

/**
 * cohorts_timeline_options_new:
 * @choices: what to show chosen
 * @show_paper: whether to ask for the paper too (export)
 */
GtkWidget *
cohorts_timeline_options_new (CohortsPlan               *plan,
                              const CohortsPrintChoices *choices,
                              gboolean                   show_paper)
{
  CohortsTimelineOptions *self;

  g_return_val_if_fail (COHORTS_IS_PLAN (plan), NULL);
  g_return_val_if_fail (choices != NULL, NULL);

  self = g_object_new (COHORTS_TYPE_TIMELINE_OPTIONS, NULL);
  self->plan = g_object_ref (plan);
  build (self, choices, show_paper);
  return GTK_WIDGET (self);
}

/**
 * cohorts_timeline_options_get_choices:
 *
 * Returns: (transfer full): what is chosen; dates left at the plan's span
 *   are %COHORTS_DATE_NONE, so that they follow the plan
 */
CohortsPrintChoices *
cohorts_timeline_options_get_choices (CohortsTimelineOptions *self)
{
  CohortsPrintChoices *choices;
  CohortsDate from, to;

  g_return_val_if_fail (COHORTS_IS_TIMELINE_OPTIONS (self), NULL);

  choices = cohorts_print_choices_new ();
  choices->diocese = g_strdup (self->diocese);
  if (self->size != NULL)
    {
      choices->size = adw_combo_row_get_selected (self->size) == 1 ? COHORTS_PAPER_SIZE_A3 : COHORTS_PAPER_SIZE_A4;
      choices->orientation = adw_combo_row_get_selected (self->orientation) == 1 ? COHORTS_PAPER_PORTRAIT
                                                                                 : COHORTS_PAPER_LANDSCAPE;
    }
  choices->mode = gtk_check_button_get_active (self->tile) ? COHORTS_PAGES_TILE : COHORTS_PAGES_FIT;

  from = cohorts_date_button_get_date (self->from);
  to = cohorts_date_add_months (cohorts_date_button_get_date (self->to), 1) - 1;
  choices->from = from == cohorts_date_first_of_month (self->plan_from) ? COHORTS_DATE_NONE : from;
  choices->to = to == self->plan_to ? COHORTS_DATE_NONE : to;

  for (guint i = 0; i < self->cohort_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->cohort_checks, i);

      cohorts_print_choices_set_hidden (choices, g_object_get_data (G_OBJECT (check), "cohort"),
                                        !gtk_check_button_get_active (check));
    }
  for (guint i = 0; i < COHORTS_TIMELINE_N_COLUMNS; i++)
    if (gtk_check_button_get_active (self->columns[i]))
      choices->columns |= 1u << i;
  if (self->baseline != NULL && adw_combo_row_get_selected (self->baseline) > 0 &&
      adw_combo_row_get_selected (self->baseline) != GTK_INVALID_LIST_POSITION)
    {
      g_autoptr(CohortsBaseline) baseline = g_list_model_get_item (cohorts_plan_get_baselines (self->plan),
                                                                   adw_combo_row_get_selected (self->baseline) - 1);

      if (baseline != NULL)
        choices->baseline = g_strdup (cohorts_baseline_get_id (baseline));
    }
  return choices;
}

static void
cohorts_timeline_options_dispose (GObject *object)
{
  CohortsTimelineOptions *self = COHORTS_TIMELINE_OPTIONS (object);

  g_clear_pointer (&self->cohort_checks, g_ptr_array_unref);
  g_clear_pointer (&self->diocese, g_free);
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (cohorts_timeline_options_parent_class)->dispose (object);
}

static void
cohorts_timeline_options_class_init (CohortsTimelineOptionsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cohorts_timeline_options_dispose;
}

static void
cohorts_timeline_options_init (CohortsTimelineOptions *self)
{
  self->cohort_checks = g_ptr_array_new ();
}
