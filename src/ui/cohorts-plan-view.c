/* cohorts-plan-view.c: the trust and its schools, grouped by cohort
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A summary of the trust and the plan, then a table of schools: one
 * expandable row per cohort (in plan order, then "Unassigned"), its schools
 * beneath. The table is a GtkColumnView over a GtkTreeListModel built from
 * the plan's own list models, so it follows every change of the plan and
 * creates widgets for the visible rows only.
 *
 * The root rows are the plan's cohorts and, last, the plan itself standing for
 * its unassigned schools.
 */
#define G_LOG_DOMAIN "cohorts-plan-view"

#include "config.h"

#include <glib/gi18n.h>

#include "cohorts-plan-view.h"

struct _CohortsPlanView
{
  AdwBin parent_instance;

  GtkLabel *trust_name;
  GtkLabel *trust_details;
  GtkLabel *plan_title;
  GtkLabel *plan_facts;
  GtkColumnView *column_view;

  CohortsPlan *plan;
  GtkTreeListModel *rows;
  GHashTable *bound_items;  /* GtkListItem currently showing a row */
  guint refresh_source;
};

G_DEFINE_FINAL_TYPE (CohortsPlanView, cohorts_plan_view, ADW_TYPE_BIN)

/* Cell texts */

static char *
school_name (CohortsSchool *school)
{
  return g_strdup (cohorts_school_get_name (school));
}

static char *
school_urn (CohortsSchool *school)
{
  return g_strdup_printf ("%u", cohorts_school_get_urn (school));
}

static char *
enum_label_or_empty (GType type,
                     int   value)
{
  return g_strdup (value == 0 ? "" : cohorts_enum_get_label (type, value));
}

static char *
school_phase (CohortsSchool *school)
{
  return enum_label_or_empty (COHORTS_TYPE_PHASE, cohorts_school_get_phase (school));
}

static char *
school_type (CohortsSchool *school)
{
  return enum_label_or_empty (COHORTS_TYPE_ESTABLISHMENT_TYPE, cohorts_school_get_establishment_type (school));
}

static char *
school_religion (CohortsSchool *school)
{
  CohortsReligiousCharacter character = cohorts_school_get_religious_character (school);

  /* Blank for schools without one, so that church schools stand out. */
  if (character == COHORTS_RELIGIOUS_CHARACTER_NONE)
    return g_strdup ("");
  return enum_label_or_empty (COHORTS_TYPE_RELIGIOUS_CHARACTER, character);
}

static char *
school_pupils (CohortsSchool *school)
{
  int pupils = cohorts_school_get_pupils (school);

  return pupils < 0 ? g_strdup ("") : g_strdup_printf ("%d", pupils);
}

static char *
school_conversion (CohortsSchool *school)
{
  CohortsCohort *cohort = cohorts_school_get_cohort (school);

  return cohort ? cohorts_date_format (cohorts_cohort_get_date (cohort)) : g_strdup ("");
}

static GListModel *
group_members (GObject *group)
{
  if (COHORTS_IS_COHORT (group))
    return cohorts_cohort_get_members (COHORTS_COHORT (group));
  return cohorts_plan_get_unassigned (COHORTS_PLAN (group));
}

static char *
group_name (GObject *group)
{
  if (COHORTS_IS_COHORT (group))
    return g_strdup (cohorts_cohort_get_name (COHORTS_COHORT (group)));
  return g_strdup (_("Unassigned"));
}

/* "5 schools · Agreed" beside the cohort's name. */
static char *
group_count (GObject *group)
{
  guint n = g_list_model_get_n_items (group_members (group));
  g_autofree char *schools = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u school", "%u schools", n), n);

  if (!COHORTS_IS_COHORT (group))
    return g_steal_pointer (&schools);

  /* Translators: a cohort's number of schools and its status: "5 schools · Agreed" */
  return g_strdup_printf (_("%s · %s"), schools,
                          cohorts_enum_get_label (COHORTS_TYPE_COHORT_STATUS,
                                                  cohorts_cohort_get_status (COHORTS_COHORT (group))));
}

static char *
group_pupils (GObject *group)
{
  GListModel *members = group_members (group);
  guint n = g_list_model_get_n_items (members);
  gint64 total = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CohortsSchool) school = g_list_model_get_item (members, i);
      total += MAX (0, cohorts_school_get_pupils (school));
    }

  return n ? g_strdup_printf ("%" G_GINT64_FORMAT, total) : g_strdup ("");
}

static char *
group_religion (GObject *group)
{
  GListModel *members = group_members (group);
  guint n = g_list_model_get_n_items (members);
  guint church = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CohortsSchool) school = g_list_model_get_item (members, i);
      church += cohorts_school_is_church_school (school);
    }

  if (church == 0)
    return g_strdup ("");
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u church school", "%u church schools", church),
                          church);
}

static char *
group_conversion (GObject *group)
{
  CohortsCohort *cohort;

  if (!COHORTS_IS_COHORT (group))
    return g_strdup ("");

  cohort = COHORTS_COHORT (group);
  if (cohorts_cohort_get_date (cohort) == COHORTS_DATE_NONE)
    return g_strdup (_("No date"));
  return cohorts_date_format (cohorts_cohort_get_date (cohort));
}

typedef struct
{
  const char *title;
  char *(*school_text) (CohortsSchool *school);
  char *(*group_text) (GObject *group);
  gboolean numeric;
  gboolean expand;
  int width;
} Column;

enum {
  COLUMN_NAME,
  COLUMN_URN,
  COLUMN_PHASE,
  COLUMN_AGES,
  COLUMN_TYPE,
  COLUMN_RELIGION,
  COLUMN_PUPILS,
  COLUMN_INSPECTION,
  COLUMN_CONVERSION,
  N_COLUMNS
};

static const Column columns[N_COLUMNS] = {
  /* Widths fit the default window (1280 pixels) without scrolling; the name
   * takes what is left. Long texts are ellipsised and shown whole in a tooltip. */
  [COLUMN_NAME] = { N_("Name"), school_name, group_name, FALSE, TRUE, 224 },
  [COLUMN_URN] = { N_("URN"), school_urn, NULL, TRUE, FALSE, 66 },
  [COLUMN_PHASE] = { N_("Phase"), school_phase, NULL, FALSE, FALSE, 185 },
  [COLUMN_AGES] = { N_("Ages"), cohorts_school_describe_ages, NULL, TRUE, FALSE, 52 },
  [COLUMN_TYPE] = { N_("Type"), school_type, NULL, FALSE, FALSE, 150 },
  [COLUMN_RELIGION] = { N_("Religious Character"), school_religion, group_religion, FALSE, FALSE, 145 },
  [COLUMN_PUPILS] = { N_("Pupils"), school_pupils, group_pupils, TRUE, FALSE, 76 },
  [COLUMN_INSPECTION] = { N_("Inspection"), cohorts_school_describe_inspection, NULL, FALSE, FALSE, 200 },
  [COLUMN_CONVERSION] = { N_("Conversion"), school_conversion, group_conversion, FALSE, FALSE, 165 },
};

/* Cells */

static void
refresh_cell (GtkListItem *item)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (item), "column"));
  GtkTreeListRow *row = gtk_list_item_get_item (item);
  GObject *object = row ? gtk_tree_list_row_get_item (row) : NULL;
  GtkWidget *child = gtk_list_item_get_child (item);
  GtkLabel *label = g_object_get_data (G_OBJECT (child), "label");
  GtkLabel *count = g_object_get_data (G_OBJECT (child), "count");
  g_autofree char *text = NULL;
  gboolean group;

  if (object == NULL)
    return;

  group = !COHORTS_IS_SCHOOL (object);
  if (group)
    text = columns[column].group_text ? columns[column].group_text (object) : g_strdup ("");
  else
    text = columns[column].school_text (COHORTS_SCHOOL (object));

  gtk_label_set_label (label, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (label), text[0] ? text : NULL);

  if (group)
    gtk_widget_add_css_class (GTK_WIDGET (label), "heading");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (label), "heading");

  if (count != NULL)
    {
      g_autofree char *count_text = group ? group_count (object) : NULL;

      gtk_label_set_label (count, count_text ? count_text : "");
      gtk_widget_set_visible (GTK_WIDGET (count), group);
    }

  g_object_unref (object);
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  guint column = GPOINTER_TO_UINT (user_data);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (label), columns[column].numeric ? 1.0 : 0.0);
  if (columns[column].numeric)
    gtk_widget_add_css_class (label, "numeric");

  g_object_set_data (G_OBJECT (item), "column", GUINT_TO_POINTER (column));

  if (column == COLUMN_NAME)
    {
      GtkWidget *expander = gtk_tree_expander_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
      GtkWidget *count = gtk_label_new (NULL);

      gtk_widget_add_css_class (count, "dim-label");
      gtk_widget_set_hexpand (label, FALSE);
      gtk_box_append (GTK_BOX (box), label);
      gtk_box_append (GTK_BOX (box), count);
      gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), box);
      g_object_set_data (G_OBJECT (expander), "label", label);
      g_object_set_data (G_OBJECT (expander), "count", count);
      gtk_list_item_set_child (item, expander);
    }
  else
    {
      g_object_set_data (G_OBJECT (label), "label", label);
      gtk_list_item_set_child (item, label);
    }
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           CohortsPlanView          *self)
{
  GtkWidget *child = gtk_list_item_get_child (item);

  if (GTK_IS_TREE_EXPANDER (child))
    gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (child), gtk_list_item_get_item (item));

  g_hash_table_add (self->bound_items, item);
  refresh_cell (item);
}

static void
unbind_cell (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             CohortsPlanView          *self)
{
  GtkWidget *child = gtk_list_item_get_child (item);

  if (GTK_IS_TREE_EXPANDER (child))
    gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (child), NULL);

  g_hash_table_remove (self->bound_items, item);
}

/* Summary */

static void
update_summary (CohortsPlanView *self)
{
  CohortsTrust *trust;
  g_autoptr(GPtrArray) details = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) facts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *details_text = NULL;
  g_autofree char *facts_text = NULL;
  g_autofree char *growth = NULL;
  guint n_schools, n_cohorts, n_unassigned, n_church = 0;
  GListModel *schools;

  if (self->plan == NULL)
    return;

  trust = cohorts_plan_get_trust (self->plan);
  gtk_label_set_label (self->trust_name, cohorts_trust_get_name (trust)[0] ? cohorts_trust_get_name (trust)
                                                                           : _("Unnamed Trust"));

  g_ptr_array_add (details, g_strdup (cohorts_enum_get_label (COHORTS_TYPE_TRUST_KIND,
                                                              cohorts_trust_get_kind (trust))));
  if (cohorts_trust_get_ukprn (trust)[0])
    g_ptr_array_add (details, g_strdup_printf (_("UKPRN %s"), cohorts_trust_get_ukprn (trust)));
  if (cohorts_trust_get_reference (trust)[0])
    g_ptr_array_add (details, g_strdup (cohorts_trust_get_reference (trust)));
  if (cohorts_trust_get_concurrent_conversions (trust) >= 0)
    {
      int n = cohorts_trust_get_concurrent_conversions (trust);
      g_ptr_array_add (details, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                              "central team runs %d conversion at once",
                                                              "central team runs %d conversions at once", n),
                                                 n));
    }
  if (cohorts_trust_get_conversions_per_term (trust) >= 0)
    {
      int n = cohorts_trust_get_conversions_per_term (trust);
      g_ptr_array_add (details, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d conversion a term",
                                                              "%d conversions a term", n), n));
    }
  if (cohorts_trust_get_top_slice (trust) >= 0)
    {
      int hundredths = cohorts_trust_get_top_slice (trust);
      /* 5, 5.5 or 5.25, as the plan file writes it */
      g_autofree char *percent = hundredths % 100 == 0 ? g_strdup_printf ("%d", hundredths / 100)
                                 : hundredths % 10 == 0 ? g_strdup_printf ("%d.%d", hundredths / 100, hundredths % 100 / 10)
                                 : g_strdup_printf ("%d.%02d", hundredths / 100, hundredths % 100);
      /* Translators: the share of each academy's grant that funds central services */
      g_ptr_array_add (details, g_strdup_printf (_("top-slice %s%%"), percent));
    }
  g_ptr_array_add (details, NULL);
  details_text = g_strjoinv (" · ", (char **) details->pdata);
  gtk_label_set_label (self->trust_details, details_text);

  gtk_label_set_label (self->plan_title, cohorts_plan_get_title (self->plan));
  gtk_widget_set_visible (GTK_WIDGET (self->plan_title), cohorts_plan_get_title (self->plan)[0] != '\0');

  schools = cohorts_plan_get_schools (self->plan);
  n_schools = g_list_model_get_n_items (schools);
  n_cohorts = cohorts_plan_get_n_cohorts (self->plan);
  n_unassigned = g_list_model_get_n_items (cohorts_plan_get_unassigned (self->plan));
  for (guint i = 0; i < n_schools; i++)
    {
      g_autoptr(CohortsSchool) school = g_list_model_get_item (schools, i);
      n_church += cohorts_school_is_church_school (school);
    }

  g_ptr_array_add (facts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u school", "%u schools", n_schools),
                                           n_schools));
  g_ptr_array_add (facts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u cohort", "%u cohorts", n_cohorts),
                                           n_cohorts));
  g_ptr_array_add (facts, g_strdup_printf (_("%u unassigned"), n_unassigned));
  g_ptr_array_add (facts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u church school",
                                                        "%u church schools", n_church), n_church));
  if (cohorts_plan_get_start_date (self->plan) != COHORTS_DATE_NONE)
    {
      g_autofree char *start = cohorts_date_format (cohorts_plan_get_start_date (self->plan));
      /* Translators: "Starts 1 September 2026" */
      g_ptr_array_add (facts, g_strdup_printf (_("Starts %s"), start));
    }
  growth = cohorts_trust_describe_growth_target (trust);
  if (growth[0] != '\0')
    /* Translators: the trust's growth target: "Target: 15–20 academies within 5 years" */
    g_ptr_array_add (facts, g_strdup_printf (_("Target: %s"), growth));
  g_ptr_array_add (facts, NULL);
  facts_text = g_strjoinv (" · ", (char **) facts->pdata);
  gtk_label_set_label (self->plan_facts, facts_text);
}

static gboolean
refresh (gpointer user_data)
{
  CohortsPlanView *self = user_data;
  GHashTableIter iter;
  gpointer item;

  self->refresh_source = 0;

  update_summary (self);
  g_hash_table_iter_init (&iter, self->bound_items);
  while (g_hash_table_iter_next (&iter, &item, NULL))
    refresh_cell (item);

  return G_SOURCE_REMOVE;
}

static void
plan_changed_cb (CohortsPlanView *self)
{
  /* Every change goes through the plan's history and ends with "changed":
   * refresh what is on screen (the summary and the bound rows) once. */
  if (self->refresh_source == 0)
    /* Before the next frame is drawn (GDK_PRIORITY_REDRAW is HIGH_IDLE + 20). */
    self->refresh_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 15, refresh, self, NULL);
}

static GListModel *
create_children (gpointer item,
                 gpointer user_data)
{
  if (COHORTS_IS_SCHOOL (item))
    return NULL;
  return g_object_ref (group_members (item));
}

/**
 * cohorts_plan_view_set_plan:
 * @plan: (nullable): the plan to show
 */
void
cohorts_plan_view_set_plan (CohortsPlanView *self,
                            CohortsPlan     *plan)
{
  GListStore *roots;
  GListStore *unassigned_root;
  GtkFlattenListModel *flat;
  GtkSingleSelection *selection;

  g_return_if_fail (COHORTS_IS_PLAN_VIEW (self));

  if (self->plan == plan)
    return;

  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_data (self->plan, self);
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  g_set_object (&self->plan, plan);

  gtk_column_view_set_model (self->column_view, NULL);
  g_clear_object (&self->rows);

  if (plan == NULL)
    return;

  g_signal_connect_object (plan, "changed", G_CALLBACK (plan_changed_cb), self, G_CONNECT_SWAPPED);

  roots = g_list_store_new (G_TYPE_LIST_MODEL);
  unassigned_root = g_list_store_new (G_TYPE_OBJECT);
  g_list_store_append (unassigned_root, plan);
  g_list_store_append (roots, cohorts_plan_get_cohorts (plan));
  g_list_store_append (roots, unassigned_root);
  g_object_unref (unassigned_root);

  flat = gtk_flatten_list_model_new (G_LIST_MODEL (roots));
  self->rows = gtk_tree_list_model_new (G_LIST_MODEL (flat), FALSE, TRUE, create_children, NULL, NULL);

  selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->rows)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);

  update_summary (self);
}

/**
 * cohorts_plan_view_get_plan:
 *
 * Returns: (transfer none) (nullable): the plan shown
 */
CohortsPlan *
cohorts_plan_view_get_plan (CohortsPlanView *self)
{
  g_return_val_if_fail (COHORTS_IS_PLAN_VIEW (self), NULL);
  return self->plan;
}

/**
 * cohorts_plan_view_get_rows:
 *
 * Returns: (transfer none) (nullable): the rows of the table, a model of
 *   #GtkTreeListRow
 */
GListModel *
cohorts_plan_view_get_rows (CohortsPlanView *self)
{
  g_return_val_if_fail (COHORTS_IS_PLAN_VIEW (self), NULL);
  return self->rows ? G_LIST_MODEL (self->rows) : NULL;
}

/**
 * cohorts_plan_view_get_column_view:
 *
 * Returns: (transfer none): the table
 */
GtkWidget *
cohorts_plan_view_get_column_view (CohortsPlanView *self)
{
  g_return_val_if_fail (COHORTS_IS_PLAN_VIEW (self), NULL);
  return GTK_WIDGET (self->column_view);
}

static void
cohorts_plan_view_dispose (GObject *object)
{
  CohortsPlanView *self = (CohortsPlanView *) object;

  cohorts_plan_view_set_plan (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), COHORTS_TYPE_PLAN_VIEW);

  G_OBJECT_CLASS (cohorts_plan_view_parent_class)->dispose (object);
}

static void
cohorts_plan_view_finalize (GObject *object)
{
  CohortsPlanView *self = (CohortsPlanView *) object;

  g_clear_pointer (&self->bound_items, g_hash_table_unref);

  G_OBJECT_CLASS (cohorts_plan_view_parent_class)->finalize (object);
}

static void
cohorts_plan_view_class_init (CohortsPlanViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cohorts_plan_view_dispose;
  object_class->finalize = cohorts_plan_view_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/cohorts/Cohorts/ui/cohorts-plan-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CohortsPlanView, trust_name);
  gtk_widget_class_bind_template_child (widget_class, CohortsPlanView, trust_details);
  gtk_widget_class_bind_template_child (widget_class, CohortsPlanView, plan_title);
  gtk_widget_class_bind_template_child (widget_class, CohortsPlanView, plan_facts);
  gtk_widget_class_bind_template_child (widget_class, CohortsPlanView, column_view);
}

static void
cohorts_plan_view_init (CohortsPlanView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->bound_items = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < N_COLUMNS; i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), GUINT_TO_POINTER (i));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), self);
      g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell), self);

      column = gtk_column_view_column_new (_(columns[i].title), factory);
      gtk_column_view_column_set_expand (column, columns[i].expand);
      gtk_column_view_column_set_fixed_width (column, columns[i].width);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_append_column (self->column_view, column);
      g_object_unref (column);
    }
}

GtkWidget *
cohorts_plan_view_new (void)
{
  return g_object_new (COHORTS_TYPE_PLAN_VIEW, NULL);
}
