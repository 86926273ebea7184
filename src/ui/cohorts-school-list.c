/* cohorts-school-list.c: the schools of a group, searchable and sortable
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GtkColumnView over the group's schools, through a filter (search text,
 * church schools, schools needing support, unassigned) and a sorter (click a
 * column's title). Only visible rows have widgets, so 25,000 schools scroll
 * as well as twenty. Rows can be dragged onto a cohort in the sidebar; a
 * right click or the Menu key opens the window's school menu.
 */
#define G_LOG_DOMAIN "cohorts-school-list"

#include "config.h"

#include <glib/gi18n.h>

#include "cohorts-diocese.h"
#include "cohorts-ui-util.h"

#include "cohorts-school-list.h"

struct _CohortsSchoolList
{
  AdwBin parent_instance;

  gboolean read_only;        /* review mode: schools are not dragged */
  GtkLabel *title;
  GtkLabel *summary;
  GtkToggleButton *church_filter;
  GtkToggleButton *vulnerable_filter;
  GtkToggleButton *unassigned_filter;
  GtkToggleButton *search_button;
  GtkBox *columns_box;
  GtkSearchBar *search_bar;
  GtkSearchEntry *search_entry;
  GtkStack *stack;
  GtkColumnView *column_view;
  AdwStatusPage *empty_page;

  CohortsGroup *group;
  CohortsPlan *plan;
  GtkFilterListModel *filtered;
  GtkSortListModel *sorted;
  GtkMultiSelection *selection;
  GtkCustomFilter *filter;   /* ours: set on the model only while filtering */
  char *diocese;             /* the diocese view's: only its schools, or NULL */
  char **search_words;       /* casefolded */
  GMenuModel *menu;
  GHashTable *bound_items;   /* GtkListItem showing a school */
  guint refresh_source;
  GtkColumnViewColumn *view_columns[12];
  GtkCheckButton *column_checks[12];
  gboolean syncing_checks;
};

G_DEFINE_FINAL_TYPE (CohortsSchoolList, cohorts_school_list, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_COLUMNS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SELECTION_CHANGED,
  ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Cell texts and sort keys */

static char *
text_name (CohortsSchool *school)
{
  return g_strdup (cohorts_school_get_name (school));
}

static char *
text_urn (CohortsSchool *school)
{
  return g_strdup_printf ("%u", cohorts_school_get_urn (school));
}

static char *
text_enum (GType type,
           int   value)
{
  return g_strdup (value == 0 ? "" : cohorts_enum_get_label (type, value));
}

static char *
text_phase (CohortsSchool *school)
{
  return text_enum (COHORTS_TYPE_PHASE, cohorts_school_get_phase (school));
}

static char *
text_type (CohortsSchool *school)
{
  return text_enum (COHORTS_TYPE_ESTABLISHMENT_TYPE, cohorts_school_get_establishment_type (school));
}

static char *
text_religion (CohortsSchool *school)
{
  CohortsReligiousCharacter character = cohorts_school_get_religious_character (school);

  /* Blank for schools without one, so that church schools stand out. */
  if (character == COHORTS_RELIGIOUS_CHARACTER_NONE)
    return g_strdup ("");
  return text_enum (COHORTS_TYPE_RELIGIOUS_CHARACTER, character);
}

static char *
text_pupils (CohortsSchool *school)
{
  int pupils = cohorts_school_get_pupils (school);

  return pupils < 0 ? g_strdup ("") : g_strdup_printf ("%d", pupils);
}

static char *
text_cohort (CohortsSchool *school)
{
  CohortsCohort *cohort = cohorts_school_get_cohort (school);

  return cohort ? cohorts_cohort_dup_display_name (cohort) : g_strdup ("");
}

static char *
text_conversion (CohortsSchool *school)
{
  CohortsCohort *cohort = cohorts_school_get_cohort (school);

  return cohort ? cohorts_date_format (cohorts_cohort_get_date (cohort)) : g_strdup ("");
}

/* Schools by their conversion date; no date after, unassigned last. */
static gint64
cohort_rank (CohortsSchool *school)
{
  CohortsCohort *cohort = cohorts_school_get_cohort (school);

  if (cohort == NULL)
    return G_MAXINT64;
  if (cohorts_cohort_get_date (cohort) == COHORTS_DATE_NONE)
    return G_MAXINT64 - 1;
  return cohorts_cohort_get_date (cohort);
}

typedef struct
{
  const char *id;      /* in the "columns" setting */
  const char *title;
  char *(*text) (CohortsSchool *school);
  gint64 (*number) (CohortsSchool *school);  /* the sort key, or NULL to sort by the text */
  gboolean numeric;
  gboolean expand;
  int width;
} Column;

static gint64
number_urn (CohortsSchool *school)
{
  return cohorts_school_get_urn (school);
}

static gint64
number_ages (CohortsSchool *school)
{
  return cohorts_school_get_low_age (school) * 100 + cohorts_school_get_high_age (school);
}

static gint64
number_pupils (CohortsSchool *school)
{
  return cohorts_school_get_pupils (school);
}

static gint64
number_phase (CohortsSchool *school)
{
  return cohorts_school_get_phase (school);
}

static gint64
number_inspection (CohortsSchool *school)
{
  /* Those needing support first, then the rest by the latest date. */
  CohortsDate latest = MAX (cohorts_school_get_ofsted_date (school), cohorts_school_get_report_card_date (school));

  return (cohorts_school_is_vulnerable (school) ? 0 : G_GINT64_CONSTANT (1) << 40) + latest;
}

/* The diocesan board's consent, on a church school's track; blank for
 * other schools. */
static char *
text_consent (CohortsSchool *school)
{
  if (!cohorts_school_is_church_school (school))
    return g_strdup ("");
  return g_strdup (cohorts_enum_get_label (COHORTS_TYPE_CONSENT, cohorts_school_get_diocesan_consent (school)));
}

/* Church schools first, those refused first, then requested, not
 * requested, granted. */
static gint64
number_consent (CohortsSchool *school)
{
  static const int order[] = {
    [COHORTS_CONSENT_REFUSED] = 0, [COHORTS_CONSENT_REQUESTED] = 1,
    [COHORTS_CONSENT_NONE] = 2, [COHORTS_CONSENT_GRANTED] = 3,
  };

  if (!cohorts_school_is_church_school (school))
    return 4;
  return order[cohorts_school_get_diocesan_consent (school)];
}

enum {
  COLUMN_NAME,
  COLUMN_URN,
  COLUMN_PHASE,
  COLUMN_AGES,
  COLUMN_TYPE,
  COLUMN_RELIGION,
  COLUMN_PUPILS,
  COLUMN_INSPECTION,
  COLUMN_COHORT,
  COLUMN_CONVERSION,
  COLUMN_READINESS,
  COLUMN_CONSENT,
  N_COLUMNS
};

G_STATIC_ASSERT (N_COLUMNS <= 12);

static const Column columns[N_COLUMNS] = {
  [COLUMN_NAME] = { "name", N_("Name"), text_name, NULL, FALSE, TRUE, 200 },
  [COLUMN_URN] = { "urn", N_("URN"), text_urn, number_urn, TRUE, FALSE, 62 },
  [COLUMN_PHASE] = { "phase", N_("Phase"), text_phase, number_phase, FALSE, FALSE, 150 },
  [COLUMN_AGES] = { "ages", N_("Ages"), cohorts_school_describe_ages, number_ages, TRUE, FALSE, 52 },
  [COLUMN_TYPE] = { "type", N_("Type"), text_type, NULL, FALSE, FALSE, 140 },
  [COLUMN_RELIGION] = { "religion", N_("Religious Character"), text_religion, NULL, FALSE, FALSE, 135 },
  [COLUMN_PUPILS] = { "pupils", N_("Pupils"), text_pupils, number_pupils, TRUE, FALSE, 60 },
  [COLUMN_INSPECTION] = { "inspection", N_("Inspection"), cohorts_school_describe_inspection, number_inspection,
                          FALSE, FALSE, 190 },
  [COLUMN_COHORT] = { "cohort", N_("Cohort"), text_cohort, cohort_rank, FALSE, FALSE, 100 },
  [COLUMN_CONVERSION] = { "conversion", N_("Conversion"), text_conversion, cohort_rank, FALSE, FALSE, 130 },
  /* Weighed with the plan's framework: see readiness_text() and readiness_rank(). */
  [COLUMN_READINESS] = { "readiness", N_("Readiness"), NULL, NULL, FALSE, FALSE, 130 },
  [COLUMN_CONSENT] = { "consent", N_("Diocesan Consent"), text_consent, number_consent, FALSE, FALSE, 130 },
};

/* "Green (87%)", "Red (45%)" or "Not assessed". */
static char *
readiness_text (CohortsPlan           *plan,
                CohortsSchool         *school,
                CohortsReadinessScore *score)
{
  cohorts_plan_score_school (plan, school, score);
  return cohorts_readiness_score_describe (score);
}

/* Green first, then amber, red and not assessed; the higher score first
 * within each. */
static gint64
readiness_rank_cb (CohortsSchool     *school,
                   CohortsSchoolList *self)
{
  CohortsReadinessScore score;
  static const int order[] = {
    [COHORTS_RAG_GREEN] = 0, [COHORTS_RAG_AMBER] = 1, [COHORTS_RAG_RED] = 2, [COHORTS_RAG_NOT_ASSESSED] = 3,
  };

  if (self->plan == NULL)
    return 0;
  cohorts_plan_score_school (self->plan, school, &score);
  return order[score.rag] * 1000 + (100 - cohorts_readiness_score_percent (&score));
}

static char *
column_text_cb (CohortsSchool *school,
                const Column  *column)
{
  return column->text (school);
}

static gint64
column_number_cb (CohortsSchool *school,
                  const Column  *column)
{
  return column->number (school);
}

/* The sorter of a column: its own key (cached by GTK, so sorting 25,000
 * schools compares keys, not strings), then the name and URN, so that equal
 * keys keep a stable order. */
static GtkSorter *
column_sorter (CohortsSchoolList *self,
               const Column      *column)
{
  GtkMultiSorter *sorter = gtk_multi_sorter_new ();
  GtkExpression *expression;

  if (column == &columns[COLUMN_READINESS])
    {
      expression = gtk_cclosure_expression_new (G_TYPE_INT64, NULL, 0, NULL,
                                                G_CALLBACK (readiness_rank_cb), self, NULL);
      gtk_multi_sorter_append (sorter, GTK_SORTER (gtk_numeric_sorter_new (expression)));
    }
  else if (column->number != NULL)
    {
      expression = gtk_cclosure_expression_new (G_TYPE_INT64, NULL, 0, NULL,
                                                G_CALLBACK (column_number_cb), (gpointer) column, NULL);
      gtk_multi_sorter_append (sorter, GTK_SORTER (gtk_numeric_sorter_new (expression)));
    }
  else
    {
      expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                                G_CALLBACK (column_text_cb), (gpointer) column, NULL);
      gtk_multi_sorter_append (sorter, GTK_SORTER (gtk_string_sorter_new (expression)));
    }

  if (column != &columns[COLUMN_NAME])
    gtk_multi_sorter_append (sorter, GTK_SORTER (gtk_string_sorter_new (
      gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL, G_CALLBACK (column_text_cb),
                                   (gpointer) &columns[COLUMN_NAME], NULL))));
  gtk_multi_sorter_append (sorter, GTK_SORTER (gtk_numeric_sorter_new (
    gtk_cclosure_expression_new (G_TYPE_INT64, NULL, 0, NULL, G_CALLBACK (column_number_cb),
                                 (gpointer) &columns[COLUMN_URN], NULL))));

  return GTK_SORTER (sorter);
}

/* Filtering */

static gboolean
matches_search (CohortsSchoolList *self,
                CohortsSchool     *school)
{
  g_autofree char *urn = NULL;
  g_autofree char *haystack = NULL;
  g_autofree char *folded = NULL;

  if (self->search_words == NULL || self->search_words[0] == NULL)
    return TRUE;

  urn = g_strdup_printf ("%u", cohorts_school_get_urn (school));
  haystack = g_strjoin (" ", cohorts_school_get_name (school), urn,
                        cohorts_school_get_town (school), cohorts_school_get_postcode (school),
                        cohorts_school_get_la_name (school), cohorts_school_get_diocese_name (school),
                        NULL);
  folded = g_utf8_casefold (haystack, -1);

  /* Every word must appear somewhere. */
  for (char **word = self->search_words; *word; word++)
    if (strstr (folded, *word) == NULL)
      return FALSE;
  return TRUE;
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  CohortsSchoolList *self = user_data;
  CohortsSchool *school = item;

  if (self->diocese != NULL && !cohorts_school_in_diocese (school, self->diocese))
    return FALSE;
  if (gtk_toggle_button_get_active (self->church_filter) && !cohorts_school_is_church_school (school))
    return FALSE;
  if (gtk_toggle_button_get_active (self->vulnerable_filter) && !cohorts_school_is_vulnerable (school))
    return FALSE;
  if (gtk_toggle_button_get_active (self->unassigned_filter) && cohorts_school_get_cohort (school) != NULL)
    return FALSE;
  return matches_search (self, school);
}

static void
update_header (CohortsSchoolList *self)
{
  g_autofree char *title = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *shown = NULL;
  guint n_all, n_shown;

  if (self->group == NULL || cohorts_group_get_plan (self->group) == NULL)
    return;

  title = cohorts_group_dup_title (self->group);
  gtk_label_set_label (self->title, title);

  n_all = g_list_model_get_n_items (cohorts_group_get_members (self->group));
  n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  summary = cohorts_group_dup_summary (self->group);
  if (n_shown != n_all)
    {
      /* Translators: "1 April 2027 · 5 schools · 2 shown" */
      shown = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %u shown", "%s · %u shown", n_shown),
                               summary, n_shown);
      gtk_label_set_label (self->summary, shown);
    }
  else
    gtk_label_set_label (self->summary, summary);

  if (n_shown == 0)
    {
      if (n_all == 0)
        {
          adw_status_page_set_title (self->empty_page, _("No Schools"));
          adw_status_page_set_description (self->empty_page,
                                           cohorts_group_get_kind (self->group) == COHORTS_GROUP_COHORT
                                           ? _("Drag schools here from another cohort, or use “Move to” on a school.")
                                           : _("Add a school with the + button."));
        }
      else
        {
          adw_status_page_set_title (self->empty_page, _("No Matching Schools"));
          adw_status_page_set_description (self->empty_page, _("Try other words, or turn off a filter."));
        }
    }
  gtk_stack_set_visible_child_name (self->stack, n_shown ? "list" : "empty");
}

static gboolean
filtering (CohortsSchoolList *self)
{
  return self->diocese != NULL ||
         gtk_toggle_button_get_active (self->church_filter) ||
         gtk_toggle_button_get_active (self->vulnerable_filter) ||
         gtk_toggle_button_get_active (self->unassigned_filter) ||
         (self->search_words != NULL && self->search_words[0] != NULL);
}

static void
filter_changed (CohortsSchoolList *self)
{
  /* No filter at all when none is asked for: 25,000 schools need no test. */
  if (filtering (self))
    {
      gtk_filter_list_model_set_filter (self->filtered, GTK_FILTER (self->filter));
      gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
    }
  else
    gtk_filter_list_model_set_filter (self->filtered, NULL);
  update_header (self);
}

static void
search_changed_cb (CohortsSchoolList *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *folded = g_utf8_casefold (text, -1);

  g_clear_pointer (&self->search_words, g_strfreev);
  self->search_words = g_str_tokenize_and_fold (folded, NULL, NULL);
  filter_changed (self);
}

/* Cells */

static void
refresh_cell (GtkListItem *item)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (item), "column"));
  CohortsSchool *school = gtk_list_item_get_item (item);
  GtkWidget *child = gtk_list_item_get_child (item);
  g_autofree char *text = NULL;

  if (school == NULL)
    return;

  if (column == COLUMN_READINESS)
    {
      CohortsSchoolList *self = g_object_get_data (G_OBJECT (item), "list");
      GtkWidget *icon = gtk_widget_get_first_child (child);
      GtkLabel *label = GTK_LABEL (gtk_widget_get_next_sibling (icon));
      CohortsReadinessScore score;

      if (self->plan == NULL)
        return;
      text = readiness_text (self->plan, school, &score);
      gtk_image_set_from_icon_name (GTK_IMAGE (icon), cohorts_rag_get_icon_name (score.rag));
      gtk_widget_remove_css_class (icon, "success");
      gtk_widget_remove_css_class (icon, "warning");
      gtk_widget_remove_css_class (icon, "error");
      gtk_widget_remove_css_class (icon, "dim-label");
      gtk_widget_add_css_class (icon, score.rag == COHORTS_RAG_GREEN ? "success" :
                                      score.rag == COHORTS_RAG_AMBER ? "warning" :
                                      score.rag == COHORTS_RAG_RED ? "error" : "dim-label");
      gtk_label_set_label (label, text);
      gtk_widget_set_tooltip_text (child, text);
      return;
    }

  text = columns[column].text (school);
  gtk_label_set_label (GTK_LABEL (child), text);
  gtk_widget_set_tooltip_text (child, text[0] ? text : NULL);
}

static GListStore *
schools_for_drag (CohortsSchoolList *self,
                  guint              position)
{
  GListStore *store = g_list_store_new (COHORTS_TYPE_SCHOOL);

  /* Dragging a selected row takes the whole selection with it. */
  if (gtk_selection_model_is_selected (GTK_SELECTION_MODEL (self->selection), position))
    {
      g_autoptr(GPtrArray) selected = cohorts_school_list_get_selected (self);

      for (guint i = 0; i < selected->len; i++)
        g_list_store_append (store, g_ptr_array_index (selected, i));
    }
  else
    {
      g_autoptr(CohortsSchool) school = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
      g_list_store_append (store, school);
    }

  return store;
}

static GdkContentProvider *
drag_prepare_cb (GtkDragSource *source,
                 double         x,
                 double         y,
                 GtkListItem   *item)
{
  CohortsSchoolList *self = g_object_get_data (G_OBJECT (item), "list");
  g_autoptr(GListStore) schools = NULL;

  if (gtk_list_item_get_item (item) == NULL || self->read_only)
    return NULL;

  schools = schools_for_drag (self, gtk_list_item_get_position (item));
  return gdk_content_provider_new_typed (G_TYPE_LIST_MODEL, schools);
}

static void
show_menu_at (CohortsSchoolList *self,
              GtkWidget         *parent,
              double             x,
              double             y)
{
  if (self->menu != NULL)
    cohorts_popup_menu (parent, self->menu, x, y);
}

static void
cell_pressed_cb (GtkGestureClick *gesture,
                 int              n_press,
                 double           x,
                 double           y,
                 GtkListItem     *item)
{
  CohortsSchoolList *self = g_object_get_data (G_OBJECT (item), "list");
  GtkWidget *cell = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  guint position = gtk_list_item_get_position (item);

  if (gtk_list_item_get_item (item) == NULL)
    return;

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);

  /* The menu is for the selection: a click outside it selects that row alone. */
  if (!gtk_selection_model_is_selected (GTK_SELECTION_MODEL (self->selection), position))
    gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);

  show_menu_at (self, cell, x, y);
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            CohortsSchoolList        *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "column"));
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *child = label;
  GtkDragSource *source = gtk_drag_source_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (label), columns[column].numeric ? 1.0 : 0.0);
  if (columns[column].numeric)
    gtk_widget_add_css_class (label, "numeric");
  /* Readiness: its icon, then the rating in words. */
  if (column == COLUMN_READINESS)
    {
      child = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      gtk_box_append (GTK_BOX (child), gtk_image_new ());
      gtk_box_append (GTK_BOX (child), label);
    }
  gtk_list_item_set_child (item, child);

  g_object_set_data (G_OBJECT (item), "column", GUINT_TO_POINTER (column));
  g_object_set_data (G_OBJECT (item), "list", self);

  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (drag_prepare_cb), item);
  gtk_widget_add_controller (child, GTK_EVENT_CONTROLLER (source));

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect (click, "pressed", G_CALLBACK (cell_pressed_cb), item);
  gtk_widget_add_controller (child, GTK_EVENT_CONTROLLER (click));
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           CohortsSchoolList        *self)
{
  g_hash_table_add (self->bound_items, item);
  refresh_cell (item);
}

static void
unbind_cell (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             CohortsSchoolList        *self)
{
  g_hash_table_remove (self->bound_items, item);
}

static gboolean
refresh (gpointer user_data)
{
  CohortsSchoolList *self = user_data;
  GHashTableIter iter;
  gpointer item;

  self->refresh_source = 0;

  /* A change may move a school in or out of the filter or the order. */
  if (filtering (self))
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  if (gtk_sorter_get_order (gtk_column_view_get_sorter (self->column_view)) != GTK_SORTER_ORDER_NONE)
    gtk_sorter_changed (gtk_column_view_get_sorter (self->column_view), GTK_SORTER_CHANGE_DIFFERENT);

  g_hash_table_iter_init (&iter, self->bound_items);
  while (g_hash_table_iter_next (&iter, &item, NULL))
    refresh_cell (item);

  update_header (self);
  return G_SOURCE_REMOVE;
}

static void
plan_changed_cb (CohortsSchoolList *self)
{
  cohorts_schedule_before_frame (&self->refresh_source, refresh, self);
}

static void
selection_changed_cb (CohortsSchoolList *self)
{
  g_signal_emit (self, signals[SELECTION_CHANGED], 0);
}

static void
activate_cb (CohortsSchoolList *self,
             guint              position)
{
  g_signal_emit (self, signals[ACTIVATED], 0);
}

/**
 * cohorts_school_list_set_group:
 * @group: (nullable): whose schools to show
 */
void
cohorts_school_list_set_group (CohortsSchoolList *self,
                               CohortsGroup      *group)
{
  CohortsPlan *plan;

  g_return_if_fail (COHORTS_IS_SCHOOL_LIST (self));

  if (self->group == group)
    return;

  g_set_object (&self->group, group);
  plan = group ? cohorts_group_get_plan (group) : NULL;

  if (self->plan != plan)
    {
      if (self->plan != NULL)
        g_signal_handlers_disconnect_by_data (self->plan, self);
      g_set_object (&self->plan, plan);
      if (plan != NULL)
        g_signal_connect_object (plan, "changed", G_CALLBACK (plan_changed_cb), self, G_CONNECT_SWAPPED);
    }

  /* Seeing a cohort, the "unassigned" filter would hide everything. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->unassigned_filter),
                            group != NULL && cohorts_group_get_kind (group) == COHORTS_GROUP_ALL);
  if (group != NULL && cohorts_group_get_kind (group) != COHORTS_GROUP_ALL)
    gtk_toggle_button_set_active (self->unassigned_filter, FALSE);

  gtk_filter_list_model_set_model (self->filtered, group ? cohorts_group_get_members (group) : NULL);
  gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
  update_header (self);
}

/**
 * cohorts_school_list_set_diocese:
 * @diocese: (nullable): a diocese's key, or %NULL for every school
 *
 * Shows only the schools of one diocese (the diocese view), as well as
 * what the search and the filters ask.
 */
void
cohorts_school_list_set_diocese (CohortsSchoolList *self,
                                 const char        *diocese)
{
  g_return_if_fail (COHORTS_IS_SCHOOL_LIST (self));

  if (g_strcmp0 (self->diocese, diocese) == 0)
    return;
  g_free (self->diocese);
  self->diocese = g_strdup (diocese);
  gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
  filter_changed (self);
}

/**
 * cohorts_school_list_get_selected:
 *
 * Returns: (transfer container) (element-type CohortsSchool): the selected
 *   schools, in the order shown
 */
GPtrArray *
cohorts_school_list_get_selected (CohortsSchoolList *self)
{
  GPtrArray *schools = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GtkBitset) selected = NULL;
  GtkBitsetIter iter;
  guint position;

  g_return_val_if_fail (COHORTS_IS_SCHOOL_LIST (self), schools);

  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  for (gboolean ok = gtk_bitset_iter_init_first (&iter, selected, &position); ok;
       ok = gtk_bitset_iter_next (&iter, &position))
    g_ptr_array_add (schools, g_list_model_get_item (G_LIST_MODEL (self->selection), position));

  return schools;
}

/**
 * cohorts_school_list_select_school:
 *
 * Selects @school alone and scrolls to it, clearing the search and filters
 * that would hide it.
 */
void
cohorts_school_list_select_school (CohortsSchoolList *self,
                                   CohortsSchool     *school)
{
  GListModel *shown;
  guint n;

  g_return_if_fail (COHORTS_IS_SCHOOL_LIST (self));
  g_return_if_fail (COHORTS_IS_SCHOOL (school));

  if (!filter_func (school, self))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      gtk_toggle_button_set_active (self->church_filter, FALSE);
      gtk_toggle_button_set_active (self->vulnerable_filter, FALSE);
      gtk_toggle_button_set_active (self->unassigned_filter, FALSE);
    }

  shown = G_LIST_MODEL (self->selection);
  n = g_list_model_get_n_items (shown);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CohortsSchool) item = g_list_model_get_item (shown, i);

      if (item == school)
        {
          gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), i, TRUE);
          /* GTK 4.8 has no gtk_column_view_scroll_to(): its list view's action does it. */
          for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view)); child;
               child = gtk_widget_get_next_sibling (child))
            if (GTK_IS_LIST_VIEW (child))
              gtk_widget_activate_action (child, "list.scroll-to-item", "u", i);
          return;
        }
    }
}

void
cohorts_school_list_start_search (CohortsSchoolList *self)
{
  g_return_if_fail (COHORTS_IS_SCHOOL_LIST (self));

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/**
 * cohorts_school_list_set_menu_model:
 *
 * Sets the menu shown for the selected schools (right click, Menu key).
 */
void
cohorts_school_list_set_menu_model (CohortsSchoolList *self,
                                    GMenuModel        *menu)
{
  g_return_if_fail (COHORTS_IS_SCHOOL_LIST (self));
  g_set_object (&self->menu, menu);
}

/**
 * cohorts_school_list_show_menu:
 *
 * Opens the school menu for the selection, as the Menu key does.
 */
void
cohorts_school_list_show_menu (CohortsSchoolList *self)
{
  g_return_if_fail (COHORTS_IS_SCHOOL_LIST (self));
  show_menu_at (self, GTK_WIDGET (self->column_view), -1, -1);
}

/**
 * cohorts_school_list_get_shown:
 *
 * Returns: (transfer none): the schools shown, in order (for tests)
 */
GListModel *
cohorts_school_list_get_shown (CohortsSchoolList *self)
{
  g_return_val_if_fail (COHORTS_IS_SCHOOL_LIST (self), NULL);
  return G_LIST_MODEL (self->selection);
}

GtkWidget *
cohorts_school_list_get_column_view (CohortsSchoolList *self)
{
  g_return_val_if_fail (COHORTS_IS_SCHOOL_LIST (self), NULL);
  return GTK_WIDGET (self->column_view);
}

/**
 * cohorts_school_list_set_columns:
 * @ids: the ids of the columns to show besides the name ("urn", "phase"…)
 */
void
cohorts_school_list_set_columns (CohortsSchoolList  *self,
                                 const char *const  *ids)
{
  g_return_if_fail (COHORTS_IS_SCHOOL_LIST (self));

  self->syncing_checks = TRUE;
  for (guint i = 0; i < N_COLUMNS; i++)
    {
      gboolean shown = i == COLUMN_NAME || (ids != NULL && g_strv_contains (ids, columns[i].id));

      gtk_column_view_column_set_visible (self->view_columns[i], shown);
      if (self->column_checks[i] != NULL)
        gtk_check_button_set_active (self->column_checks[i], shown);
    }
  self->syncing_checks = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLUMNS]);
}

static char **
dup_columns (CohortsSchoolList *self)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  char **ids;

  for (guint i = 0; i < N_COLUMNS; i++)
    if (i != COLUMN_NAME && gtk_column_view_column_get_visible (self->view_columns[i]))
      g_strv_builder_add (builder, columns[i].id);
  ids = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return ids;
}

static void
column_check_toggled_cb (GtkCheckButton    *check,
                         CohortsSchoolList *self)
{
  guint i = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (check), "column"));

  if (self->syncing_checks)
    return;
  gtk_column_view_column_set_visible (self->view_columns[i], gtk_check_button_get_active (check));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLUMNS]);
}

static void
cohorts_school_list_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  CohortsSchoolList *self = COHORTS_SCHOOL_LIST (object);

  switch (prop_id)
    {
    case PROP_COLUMNS:
      g_value_take_boxed (value, dup_columns (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cohorts_school_list_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  CohortsSchoolList *self = COHORTS_SCHOOL_LIST (object);

  switch (prop_id)
    {
    case PROP_COLUMNS:
      {
        g_auto(GStrv) before = dup_columns (self);
        const char *const *ids = g_value_get_boxed (value);

        if (ids != NULL && g_strv_equal ((const char *const *) before, ids))
          return;
        cohorts_school_list_set_columns (self, ids);
      }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static gboolean
menu_key_cb (GtkWidget *widget,
             GVariant  *args,
             gpointer   user_data)
{
  cohorts_school_list_show_menu (user_data);
  return TRUE;
}

static void
cohorts_school_list_dispose (GObject *object)
{
  CohortsSchoolList *self = (CohortsSchoolList *) object;

  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_data (self->plan, self);
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  g_clear_object (&self->plan);
  g_clear_object (&self->group);

  gtk_widget_dispose_template (GTK_WIDGET (self), COHORTS_TYPE_SCHOOL_LIST);

  G_OBJECT_CLASS (cohorts_school_list_parent_class)->dispose (object);
}

static void
cohorts_school_list_finalize (GObject *object)
{
  CohortsSchoolList *self = (CohortsSchoolList *) object;

  g_clear_object (&self->selection);
  g_clear_object (&self->filter);
  g_clear_pointer (&self->diocese, g_free);
  g_clear_object (&self->menu);
  g_clear_pointer (&self->search_words, g_strfreev);
  g_clear_pointer (&self->bound_items, g_hash_table_unref);

  G_OBJECT_CLASS (cohorts_school_list_parent_class)->finalize (object);
}

static void
cohorts_school_list_class_init (CohortsSchoolListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cohorts_school_list_dispose;
  object_class->finalize = cohorts_school_list_finalize;
  object_class->get_property = cohorts_school_list_get_property;
  object_class->set_property = cohorts_school_list_set_property;

  /**
   * CohortsSchoolList:columns:
   *
   * The ids of the columns shown besides the name.
   */
  properties[PROP_COLUMNS] =
    g_param_spec_boxed ("columns", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CohortsSchoolList::selection-changed:
   *
   * The selected schools changed.
   */
  signals[SELECTION_CHANGED] =
    g_signal_new ("selection-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * CohortsSchoolList::activated:
   *
   * A school was activated (double click, Enter): edit it.
   */
  signals[ACTIVATED] =
    g_signal_new ("activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/cohorts/Cohorts/ui/cohorts-school-list.ui");
  gtk_widget_class_bind_template_child (widget_class, CohortsSchoolList, title);
  gtk_widget_class_bind_template_child (widget_class, CohortsSchoolList, summary);
  gtk_widget_class_bind_template_child (widget_class, CohortsSchoolList, church_filter);
  gtk_widget_class_bind_template_child (widget_class, CohortsSchoolList, vulnerable_filter);
  gtk_widget_class_bind_template_child (widget_class, CohortsSchoolList, unassigned_filter);
  gtk_widget_class_bind_template_child (widget_class, CohortsSchoolList, search_button);
  gtk_widget_class_bind_template_child (widget_class, CohortsSchoolList, columns_box);
  gtk_widget_class_bind_template_child (widget_class, CohortsSchoolList, search_bar);
  gtk_widget_class_bind_template_child (widget_class, CohortsSchoolList, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CohortsSchoolList, stack);
  gtk_widget_class_bind_template_child (widget_class, CohortsSchoolList, column_view);
  gtk_widget_class_bind_template_child (widget_class, CohortsSchoolList, empty_page);
}

static void
cohorts_school_list_init (CohortsSchoolList *self)
{
  GtkEventController *keys;
  GtkShortcut *shortcut;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->bound_items = g_hash_table_new (NULL, NULL);

  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, NULL);
  self->sorted = gtk_sort_list_model_new (G_LIST_MODEL (self->filtered), NULL);
  self->selection = gtk_multi_selection_new (G_LIST_MODEL (self->sorted));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  for (guint i = 0; i < N_COLUMNS; i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;
      GtkSorter *sorter = column_sorter (self, &columns[i]);

      g_object_set_data (G_OBJECT (factory), "column", GUINT_TO_POINTER (i));
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), self);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), self);
      g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell), self);

      column = gtk_column_view_column_new (_(columns[i].title), factory);
      gtk_column_view_column_set_expand (column, columns[i].expand);
      gtk_column_view_column_set_fixed_width (column, columns[i].width);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_sorter (column, sorter);
      gtk_column_view_append_column (self->column_view, column);
      self->view_columns[i] = column;
      g_object_unref (sorter);
      g_object_unref (column);

      /* The name is always shown; the others can be chosen. */
      if (i != COLUMN_NAME)
        {
          GtkWidget *check = gtk_check_button_new_with_label (_(columns[i].title));

          g_object_set_data (G_OBJECT (check), "column", GUINT_TO_POINTER (i));
          g_signal_connect (check, "toggled", G_CALLBACK (column_check_toggled_cb), self);
          gtk_box_append (self->columns_box, check);
          self->column_checks[i] = GTK_CHECK_BUTTON (check);
        }
    }

  {
    static const char *const defaults[] = { "urn", "phase", "type", "religion", "pupils", "inspection", "cohort", NULL };
    cohorts_school_list_set_columns (self, defaults);
  }

  /* The column view's sorter follows the clicked column title. */
  gtk_sort_list_model_set_sorter (self->sorted, gtk_column_view_get_sorter (self->column_view));

  g_signal_connect_swapped (self->selection, "selection-changed", G_CALLBACK (selection_changed_cb), self);
  g_signal_connect_swapped (self->column_view, "activate", G_CALLBACK (activate_cb), self);
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb), self);
  g_signal_connect_swapped (self->church_filter, "toggled", G_CALLBACK (filter_changed), self);
  g_signal_connect_swapped (self->vulnerable_filter, "toggled", G_CALLBACK (filter_changed), self);
  g_signal_connect_swapped (self->unassigned_filter, "toggled", G_CALLBACK (filter_changed), self);
  g_object_bind_property (self->search_button, "active", self->search_bar, "search-mode-enabled",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));

  /* The Menu key and Shift+F10 open the menu of the selected schools. */
  keys = gtk_shortcut_controller_new ();
  shortcut = gtk_shortcut_new (gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_Menu, 0),
                                                            gtk_keyval_trigger_new (GDK_KEY_F10, GDK_SHIFT_MASK)),
                               gtk_callback_action_new (menu_key_cb, self, NULL));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys), shortcut);
  gtk_widget_add_controller (GTK_WIDGET (self->column_view), keys);
}

/**
 * cohorts_school_list_set_read_only:
 *
 * In review mode schools are not dragged to cohorts.
 */
void
cohorts_school_list_set_read_only (CohortsSchoolList *self,
                                   gboolean           read_only)
{
  g_return_if_fail (COHORTS_IS_SCHOOL_LIST (self));
  self->read_only = !!read_only;
}
