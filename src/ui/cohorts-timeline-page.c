/* cohorts-timeline-page.c: the timeline, its zoom buttons and its legend
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The legend below the chart is drawn by the chart's own renderer, so it
 * shows exactly the marks the chart (and the printed page) uses.
 */
#define G_LOG_DOMAIN "cohorts-timeline"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "cohorts-timeline-page.h"
#include "cohorts-timeline-render.h"

/* The legend ---------------------------------------------------------------- */

#define COHORTS_TYPE_TIMELINE_LEGEND (cohorts_timeline_legend_get_type ())

G_DECLARE_FINAL_TYPE (CohortsTimelineLegend, cohorts_timeline_legend, COHORTS, TIMELINE_LEGEND, GtkWidget)

struct _CohortsTimelineLegend
{
  GtkWidget parent_instance;

  gboolean baseline;   /* a baseline is shown: its key too */
};

G_DEFINE_FINAL_TYPE (CohortsTimelineLegend, cohorts_timeline_legend, GTK_TYPE_WIDGET)

static void
legend_style (GtkWidget            *widget,
              CohortsTimelineStyle *style)
{
  GdkRGBA colour;

  cohorts_timeline_style_init (style, adw_style_manager_get_dark (adw_style_manager_get_default ()));
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &colour);
  G_GNUC_END_IGNORE_DEPRECATIONS
  style->foreground = (CohortsRgba) { colour.red, colour.green, colour.blue, colour.alpha };
  style->font = pango_context_get_font_description (gtk_widget_get_pango_context (widget));
}

static void
cohorts_timeline_legend_measure (GtkWidget      *widget,
                                 GtkOrientation  orientation,
                                 int             for_size,
                                 int            *minimum,
                                 int            *natural,
                                 int            *minimum_baseline,
                                 int            *natural_baseline)
{
  CohortsTimelineStyle style;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 200;
      *natural = 600;
      return;
    }

  legend_style (widget, &style);
  *minimum = *natural = (int) ceil (cohorts_timeline_render_legend_full (NULL, &style, for_size > 0 ? for_size : 600,
                                                                               COHORTS_TIMELINE_LEGEND (widget)->baseline));
}

static GtkSizeRequestMode
cohorts_timeline_legend_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
cohorts_timeline_legend_snapshot (GtkWidget   *widget,
                                  GtkSnapshot *snapshot)
{
  CohortsTimelineStyle style;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr;

  legend_style (widget, &style);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cohorts_timeline_render_legend_full (cr, &style, width, COHORTS_TIMELINE_LEGEND (widget)->baseline);
  cairo_destroy (cr);
}

static void
legend_style_changed_cb (GtkWidget *widget)
{
  gtk_widget_queue_draw (widget);
}

static void
cohorts_timeline_legend_class_init (CohortsTimelineLegendClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->measure = cohorts_timeline_legend_measure;
  widget_class->get_request_mode = cohorts_timeline_legend_get_request_mode;
  widget_class->snapshot = cohorts_timeline_legend_snapshot;
  gtk_widget_class_set_css_name (widget_class, "legend");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
cohorts_timeline_legend_init (CohortsTimelineLegend *self)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Legend"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Bars run from a school's first conversion step to its conversion. A cross marks a church school; "
                                    "a warning sign and stripes, a school that needs support. Hollow circles are steps as scheduled, "
                                    "filled circles steps with a date of their own, squares steps done; a second ring marks a step "
                                    "overdue. A filled diamond is a conversion with the school's cohort, a hollow one a conversion on "
                                    "a date of its own, a diamond with a tick a school that has converted. The vertical line is today."),
                                  -1);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (legend_style_changed_cb), self, G_CONNECT_SWAPPED);
}

/* The page -------------------------------------------------------------------- */

struct _CohortsTimelinePage
{
  AdwBin parent_instance;

  CohortsTimeline *timeline;
  CohortsTimelineLegend *legend;
  GtkBox *toolbar;
  GtkToggleButton *key_toggle;    /* shows the legend */
  GtkDropDown *baseline_choice;   /* "No Baseline", then the plan's */
  GtkStringList *baseline_names;
  CohortsPlan *plan;              /* the timeline's, while its baselines are watched */
  gboolean filling;
};

G_DEFINE_FINAL_TYPE (CohortsTimelinePage, cohorts_timeline_page, ADW_TYPE_BIN)

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CohortsTimeline *timeline = COHORTS_TIMELINE_PAGE (widget)->timeline;
  const char *level = g_variant_get_string (parameter, NULL);

  if (g_str_equal (level, "month"))
    cohorts_timeline_zoom (timeline, COHORTS_TIMELINE_MONTH);
  else if (g_str_equal (level, "term"))
    cohorts_timeline_zoom (timeline, COHORTS_TIMELINE_TERM);
  else if (g_str_equal (level, "year"))
    cohorts_timeline_zoom (timeline, COHORTS_TIMELINE_YEAR);
  else if (g_str_equal (level, "in"))
    cohorts_timeline_zoom_by (timeline, 1);
  else if (g_str_equal (level, "out"))
    cohorts_timeline_zoom_by (timeline, -1);
  else
    cohorts_timeline_zoom (timeline, COHORTS_TIMELINE_FIT);
}

static void
today_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  cohorts_timeline_scroll_to_date (COHORTS_TIMELINE_PAGE (widget)->timeline, cohorts_date_today ());
}

/* The baseline shown -------------------------------------------------------- */

/* The button shows the baseline's name cut short, so that a long name does not
 * widen the toolbar (and squeeze the editor); the list shows names whole. */
static void
short_name_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (label), 12);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 16);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_list_item_set_child (item, label);
}

static void
name_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item)
{
  GtkStringObject *name = gtk_list_item_get_item (item);

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)), gtk_string_object_get_string (name));
}

static void
whole_name_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_list_item_set_child (item, label);
}

static GtkListItemFactory *
name_factory (gboolean whole)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (whole ? whole_name_setup_cb : short_name_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (name_bind_cb), NULL);
  return factory;
}

static void
show_baseline (CohortsTimelinePage *self,
               CohortsBaseline     *baseline)
{
  cohorts_timeline_set_baseline (self->timeline, baseline);
  if (self->legend->baseline != (baseline != NULL))
    {
      self->legend->baseline = baseline != NULL;
      gtk_widget_queue_resize (GTK_WIDGET (self->legend));
    }
}

static void
baseline_selected_cb (CohortsTimelinePage *self)
{
  guint selected = gtk_drop_down_get_selected (self->baseline_choice);
  g_autoptr(CohortsBaseline) baseline = NULL;

  if (self->filling || self->plan == NULL)
    return;
  if (selected != GTK_INVALID_LIST_POSITION && selected > 0)
    baseline = g_list_model_get_item (cohorts_plan_get_baselines (self->plan), selected - 1);
  show_baseline (self, baseline);
}

/* The choices follow the plan's baselines; the one shown stays shown while
 * the plan keeps it. */
static void
fill_baselines (CohortsTimelinePage *self)
{
  CohortsBaseline *shown = cohorts_timeline_get_baseline (self->timeline);
  GListModel *baselines = self->plan != NULL ? cohorts_plan_get_baselines (self->plan) : NULL;
  guint n = baselines != NULL ? g_list_model_get_n_items (baselines) : 0;
  guint selected = 0;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (names, g_strdup (_("No Baseline")));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CohortsBaseline) baseline = g_list_model_get_item (baselines, i);

      if (baseline == shown)
        selected = i + 1;
      g_ptr_array_add (names, g_strdup (cohorts_baseline_get_name (baseline)));
    }
  g_ptr_array_add (names, NULL);

  self->filling = TRUE;
  gtk_string_list_splice (self->baseline_names, 0, g_list_model_get_n_items (G_LIST_MODEL (self->baseline_names)),
                          (const char * const *) names->pdata);
  gtk_drop_down_set_selected (self->baseline_choice, selected);
  self->filling = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->baseline_choice), n > 0);
  if (selected == 0)
    show_baseline (self, NULL);
}

static void
timeline_plan_changed_cb (CohortsTimelinePage *self)
{
  CohortsPlan *plan = cohorts_timeline_get_plan (self->timeline);

  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_data (cohorts_plan_get_baselines (self->plan), self);
  g_set_object (&self->plan, plan);
  if (plan != NULL)
    g_signal_connect_swapped (cohorts_plan_get_baselines (plan), "items-changed", G_CALLBACK (fill_baselines), self);
  fill_baselines (self);
}

static void
cohorts_timeline_page_dispose (GObject *object)
{
  CohortsTimelinePage *self = COHORTS_TIMELINE_PAGE (object);

  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_data (cohorts_plan_get_baselines (self->plan), self);
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (cohorts_timeline_page_parent_class)->dispose (object);
}

static void
cohorts_timeline_page_class_init (CohortsTimelinePageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cohorts_timeline_page_dispose;

  g_type_ensure (COHORTS_TYPE_TIMELINE);
  g_type_ensure (COHORTS_TYPE_TIMELINE_LEGEND);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/cohorts/Cohorts/ui/cohorts-timeline-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CohortsTimelinePage, timeline);
  gtk_widget_class_bind_template_child (widget_class, CohortsTimelinePage, legend);
  gtk_widget_class_bind_template_child (widget_class, CohortsTimelinePage, toolbar);
  gtk_widget_class_bind_template_child (widget_class, CohortsTimelinePage, key_toggle);

  gtk_widget_class_install_action (widget_class, "timeline.zoom", "s", zoom_action);
  gtk_widget_class_install_action (widget_class, "timeline.today", NULL, today_action);
}

static void
cohorts_timeline_page_init (CohortsTimelinePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The legend takes several lines: the user may put it away. */
  g_object_bind_property (self->key_toggle, "active", self->legend, "visible", G_BINDING_SYNC_CREATE);

  /* Shown once the plan has a baseline. */
  self->baseline_names = gtk_string_list_new (NULL);
  self->baseline_choice = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (self->baseline_names), NULL));
  {
    g_autoptr(GtkListItemFactory) button_factory = name_factory (FALSE);
    g_autoptr(GtkListItemFactory) list_factory = name_factory (TRUE);

    gtk_drop_down_set_factory (self->baseline_choice, button_factory);
    gtk_drop_down_set_list_factory (self->baseline_choice, list_factory);
  }
  gtk_widget_set_name (GTK_WIDGET (self->baseline_choice), "timeline-baseline");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->baseline_choice),
                               _("Show a baseline's conversions under the plan's"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->baseline_choice), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Baseline Shown"), -1);
  gtk_widget_set_visible (GTK_WIDGET (self->baseline_choice), FALSE);
  gtk_box_insert_child_after (self->toolbar, GTK_WIDGET (self->baseline_choice),
                              gtk_widget_get_prev_sibling (gtk_widget_get_last_child (GTK_WIDGET (self->toolbar))));
  g_signal_connect_swapped (self->baseline_choice, "notify::selected", G_CALLBACK (baseline_selected_cb), self);
  g_signal_connect_object (self->timeline, "notify::plan", G_CALLBACK (timeline_plan_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

/**
 * cohorts_timeline_page_get_key_toggle:
 *
 * Returns: (transfer none): the button that shows or hides the legend
 */
GtkWidget *
cohorts_timeline_page_get_key_toggle (CohortsTimelinePage *self)
{
  g_return_val_if_fail (COHORTS_IS_TIMELINE_PAGE (self), NULL);
  return GTK_WIDGET (self->key_toggle);
}

/**
 * cohorts_timeline_page_get_timeline:
 *
 * Returns: (transfer none): the chart
 */
CohortsTimeline *
cohorts_timeline_page_get_timeline (CohortsTimelinePage *self)
{
  g_return_val_if_fail (COHORTS_IS_TIMELINE_PAGE (self), NULL);
  return self->timeline;
}
