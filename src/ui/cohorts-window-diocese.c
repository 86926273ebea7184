/* cohorts-window-diocese.c: the diocese view, the Diocese Summary and its PDF
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A diocesan representative reviews the plan's church schools of one
 * diocese. "win.diocese" (stateful, a string: a diocese's key, "" for every
 * school) narrows the window to them: the school list, the timeline (and
 * what is printed or exported of it) and the Problems list, with a banner
 * that says so and leads back. The choice belongs to the plan shown: a
 * plan opened starts with every school.
 *
 * "win.show-diocese-summary" shows the diocese's schools with their
 * consents and the church share of the trust over time (the chart of the
 * PDF); "win.export-diocese-summary" writes the diocesan summary PDF, for
 * the diocese shown or (parameter "") the one chosen, asking which when the
 * plan has several.
 */
#define G_LOG_DOMAIN "cohorts-window"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "cohorts-capacity.h"
#include "cohorts-church-share-chart.h"
#include "cohorts-cohort.h"
#include "cohorts-diocese.h"
#include "cohorts-school.h"
#include "cohorts-trust.h"
#include "cohorts-ui-util.h"
#include "cohorts-window-private.h"

/* The diocese view ----------------------------------------------------------- */

/* The diocese of @key among @dioceses (cohorts_plan_list_dioceses()). */
static const CohortsDiocese *
lookup_diocese (GPtrArray  *dioceses,
                const char *key)
{
  for (guint i = 0; key != NULL && i < dioceses->len; i++)
    {
      const CohortsDiocese *diocese = g_ptr_array_index (dioceses, i);

      if (strcmp (diocese->key, key) == 0)
        return diocese;
    }
  return NULL;
}

static void
show_banner (CohortsWindow        *self,
             const CohortsDiocese *diocese)
{
  g_autofree char *text = NULL;

  if (diocese == NULL)
    {
      gtk_revealer_set_reveal_child (self->diocese_banner, FALSE);
      return;
    }

  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       /* Translators: the diocese view's banner: "Showing the Diocese of Lichfield’s 7 schools" */
                                       "Showing the %s’s %u school", "Showing the %s’s %u schools",
                                       diocese->n_schools),
                          diocese->name, diocese->n_schools);
  gtk_label_set_label (self->diocese_label, text);
  gtk_revealer_set_reveal_child (self->diocese_banner, TRUE);
}

static void
update_banner (CohortsWindow *self)
{
  g_autoptr(CohortsDiocese) diocese = NULL;

  if (self->plan != NULL && self->diocese != NULL)
    diocese = cohorts_plan_find_diocese (self->plan, self->diocese);
  show_banner (self, diocese);
}

static void
show_diocese (CohortsWindow *self,
              const char    *key)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "diocese");

  if (key != NULL && key[0] == '\0')
    key = NULL;

  g_free (self->diocese);
  self->diocese = g_strdup (key);
  g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_string (key != NULL ? key : ""));

  cohorts_school_list_set_diocese (self->school_list, key);
  cohorts_sidebar_set_diocese (self->sidebar, key);
  cohorts_timeline_set_diocese (self->timeline, key);
  update_banner (self);
  if (self->plan != NULL)
    cohorts_window_refresh_findings (self);
}

static void
diocese_change_state_cb (GSimpleAction *action,
                         GVariant      *state,
                         CohortsWindow *self)
{
  const char *key = g_variant_get_string (state, NULL);

  if (self->plan == NULL)
    return;
  /* Only a diocese of the plan's schools. */
  if (key[0] != '\0')
    {
      g_autoptr(CohortsDiocese) diocese = cohorts_plan_find_diocese (self->plan, key);

      if (diocese == NULL)
        return;
    }
  show_diocese (self, key);
}

/* The Diocese menu: every school, then each diocese of the plan. */
/* The Diocese menu: every school, then each diocese of @dioceses (none
 * without a plan). Rebuilt only when what it lists changes, not at every
 * edit. */
static void
rebuild_menu (CohortsWindow *self,
              GPtrArray     *dioceses)
{
  g_autoptr(GMenuItem) all = NULL;
  GString *shown = g_string_new (NULL);

  for (guint i = 0; dioceses != NULL && i < dioceses->len; i++)
    {
      const CohortsDiocese *diocese = g_ptr_array_index (dioceses, i);

      g_string_append_printf (shown, "%s\t%s\t%u\n", diocese->key, diocese->name, diocese->n_schools);
    }
  if (self->diocese_menu_shown != NULL && g_str_equal (shown->str, self->diocese_menu_shown))
    {
      g_string_free (shown, TRUE);
      return;
    }
  g_free (self->diocese_menu_shown);
  self->diocese_menu_shown = g_string_free (shown, FALSE);

  g_menu_remove_all (self->diocese_menu);
  all = g_menu_item_new (_("_All Schools"), NULL);
  g_menu_item_set_action_and_target_value (all, "win.diocese", g_variant_new_string (""));
  g_menu_append_item (self->diocese_menu, all);
  for (guint i = 0; dioceses != NULL && i < dioceses->len; i++)
    {
      const CohortsDiocese *diocese = g_ptr_array_index (dioceses, i);
      /* Translators: a diocese in the Diocese menu, with its number of schools: "Diocese of Lichfield (7)" */
      g_autofree char *label = g_strdup_printf (_("%s (%u)"), diocese->name, diocese->n_schools);
      g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target_value (item, "win.diocese", g_variant_new_string (diocese->key));
      g_menu_append_item (self->diocese_menu, item);
    }
}

/* After edits: the menu, and the diocese shown (all schools again once its
 * last school has left it or the plan), from one pass over the schools. */
static gboolean
refresh (gpointer user_data)
{
  CohortsWindow *self = user_data;
  g_autoptr(GPtrArray) dioceses = self->plan != NULL ? cohorts_plan_list_dioceses (self->plan) : NULL;

  self->diocese_source = 0;
  rebuild_menu (self, dioceses);
  cohorts_window_update_diocese_actions (self);

  if (self->diocese != NULL && dioceses != NULL)
    {
      const CohortsDiocese *diocese = lookup_diocese (dioceses, self->diocese);

      if (diocese == NULL)
        show_diocese (self, NULL);
      else
        show_banner (self, diocese);
    }
  return G_SOURCE_REMOVE;
}

static void
plan_changed_cb (CohortsWindow *self)
{
  cohorts_schedule_before_frame (&self->diocese_source, refresh, self);
}

/**
 * cohorts_window_diocese_plan_set:
 *
 * Another plan is shown: every school of it, and its dioceses in the menu.
 */
void
cohorts_window_diocese_plan_set (CohortsWindow *self)
{
  if (self->diocese_window != NULL)
    gtk_window_destroy (self->diocese_window);
  if (self->plan != NULL)
    g_signal_connect_object (self->plan, "changed", G_CALLBACK (plan_changed_cb), self, G_CONNECT_SWAPPED);
  show_diocese (self, NULL);
  g_clear_handle_id (&self->diocese_source, g_source_remove);
  refresh (self);
}

/**
 * cohorts_window_filter_findings:
 * @findings: (element-type CohortsFinding): the plan's findings
 *
 * Returns: (transfer full) (element-type CohortsFinding): those the
 *   Problems list shows: in the diocese view, those that concern its
 *   schools; else all
 */
GPtrArray *
cohorts_window_filter_findings (CohortsWindow *self,
                                GPtrArray     *findings)
{
  if (self->diocese == NULL || self->plan == NULL)
    return g_ptr_array_ref (findings);
  return cohorts_diocese_filter_findings (findings, self->plan, self->diocese);
}

/* Which diocese: the one shown, the plan's only one, or asked ---------------- */

typedef void (*DioceseFunc) (CohortsWindow *self,
                             const char    *key);

static void
chosen_cb (AdwMessageDialog *dialog,
           const char       *response,
           CohortsWindow    *self)
{
  GPtrArray *dioceses = g_object_get_data (G_OBJECT (dialog), "dioceses");
  DioceseFunc then = g_object_get_data (G_OBJECT (dialog), "then");
  guint64 index;

  if (self->plan == NULL || !g_ascii_string_to_unsigned (response, 10, 0, dioceses->len - 1, &index, NULL))
    return;
  then (self, ((CohortsDiocese *) g_ptr_array_index (dioceses, index))->key);
}

static void
choose_diocese (CohortsWindow *self,
                const char    *key,
                DioceseFunc    then)
{
  g_autoptr(GPtrArray) dioceses = NULL;
  GtkWidget *dialog;

  if (key == NULL || key[0] == '\0')
    key = self->diocese;
  if (key != NULL)
    {
      then (self, key);
      return;
    }

  dioceses = cohorts_plan_list_dioceses (self->plan);
  if (dioceses->len == 0)
    {
      cohorts_window_show_error (self, _("No Diocese in the Plan"),
                                 _("None of the plan’s schools has a diocese. A school’s diocese is on its page "
                                   "in the editor, or comes from the school register."));
      return;
    }
  if (dioceses->len == 1)
    {
      then (self, ((CohortsDiocese *) g_ptr_array_index (dioceses, 0))->key);
      return;
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Which Diocese?"),
                                   _("The plan has schools of several dioceses."));
  gtk_widget_set_name (dialog, "choose-diocese");
  for (guint i = 0; i < dioceses->len; i++)
    {
      g_autofree char *id = g_strdup_printf ("%u", i);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), id,
                                       ((CohortsDiocese *) g_ptr_array_index (dioceses, i))->name);
    }
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"));
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "0", ADW_RESPONSE_SUGGESTED);
  g_object_set_data_full (G_OBJECT (dialog), "dioceses", g_steal_pointer (&dioceses), (GDestroyNotify) g_ptr_array_unref);
  g_object_set_data (G_OBJECT (dialog), "then", then);
  g_signal_connect_object (dialog, "response", G_CALLBACK (chosen_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Export Diocesan Summary ---------------------------------------------------- */

static void
export_chooser_response_cb (GtkNativeDialog *chooser,
                            int              response,
                            CohortsWindow   *self)
{
  g_autofree char *key = g_strdup (g_object_get_data (G_OBJECT (chooser), "diocese"));
  const char *paper = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "paper");
  g_autoptr(GFile) file = cohorts_window_take_chosen_file (self, chooser, response);
  g_autofree char *basename = NULL;

  if (file == NULL || self->plan == NULL)
    return;

  /* A PDF, whatever the name typed. */
  basename = g_file_get_basename (file);
  if (!g_str_has_suffix (basename, ".pdf") && !g_str_has_suffix (basename, ".PDF"))
    {
      g_autofree char *with_extension = g_strconcat (basename, ".pdf", NULL);
      g_autoptr(GFile) parent = g_file_get_parent (file);

      g_set_object (&file, NULL);
      file = g_file_get_child (parent, with_extension);
    }

  cohorts_window_export_diocese_summary (self, file, key,
                                         g_strcmp0 (paper, "a3") == 0 ? COHORTS_PAPER_SIZE_A3 : COHORTS_PAPER_SIZE_A4);
}

static void
export_for (CohortsWindow *self,
            const char    *key)
{
  g_autoptr(CohortsDiocese) diocese = cohorts_plan_find_diocese (self->plan, key);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  static const char *papers[] = { "a4", "a3", NULL };
  const char *paper_labels[] = { "A4", "A3", NULL };

  if (diocese == NULL || self->chooser != NULL || self->busy_cancellable != NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Export Diocesan Summary"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "paper", _("Paper"), papers, paper_labels);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "paper", "a4");
  if (self->file != NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (self->file);

      if (folder != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
    }
  /* Translators: the diocesan summary's file name: "Diocese of Lichfield – summary.pdf" */
  name = g_strdup_printf (_("%s – summary.pdf"), diocese->name);
  g_strdelimit (name, "/\\:", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_object_set_data_full (G_OBJECT (chooser), "diocese", g_strdup (key), g_free);
  g_signal_connect (chooser, "response", G_CALLBACK (export_chooser_response_cb), self);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->chooser);
}

static void
export_diocese_summary_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  CohortsWindow *self = COHORTS_WINDOW (widget);

  if (self->plan == NULL || self->chooser != NULL || self->busy_cancellable != NULL)
    return;
  choose_diocese (self, parameter != NULL ? g_variant_get_string (parameter, NULL) : NULL, export_for);
}

/* The Diocese Summary window ---------------------------------------------------- */

static void
draw_share_cb (GtkDrawingArea *area,
               cairo_t        *cr,
               int             width,
               int             height,
               gpointer        user_data)
{
  GArray *shares = g_object_get_data (G_OBJECT (area), "shares");
  int minimum = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (area), "minimum"));
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans 11");
  CohortsTimelineStyle style;
  GdkRGBA colour;

  cohorts_timeline_style_init (&style, adw_style_manager_get_dark (adw_style_manager_get_default ()));
  /* Points on paper; on screen a little larger to read as the labels round it. */
  style.font = font;
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (area)), &colour);
  style.foreground = (CohortsRgba) { colour.red, colour.green, colour.blue, colour.alpha };
  cohorts_church_share_render_chart (cr, (const CohortsChurchShare *) (gpointer) shares->data, shares->len,
                                     minimum, &style, width, height);
}

static GtkWidget *
count_row (const char  *title,
           const char  *const *labels,
           const guint *counts,
           guint        n)
{
  GtkWidget *row = adw_action_row_new ();
  g_autoptr(GString) subtitle = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      if (subtitle->len > 0)
        g_string_append (subtitle, " · ");
      /* Translators: a count of church schools at a stage: "Granted: 3" */
      g_string_append_printf (subtitle, _("%s: %u"), labels[i], counts[i]);
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  return row;
}

static GtkWidget *
school_row (CohortsPlan   *plan,
            CohortsSchool *school)
{
  GtkWidget *row = adw_action_row_new ();
  CohortsCohort *cohort = cohorts_school_get_cohort (school);
  CohortsMilestone milestones[COHORTS_N_STEPS];
  CohortsDate conversion = cohorts_schedule_plan (cohorts_plan_get_schedule (plan), school, milestones);
  g_autofree char *when = conversion != COHORTS_DATE_NONE ? cohorts_date_format (conversion) : g_strdup (_("No date"));
  g_autofree char *cohort_name = cohort != NULL ? cohorts_cohort_dup_display_name (cohort) : g_strdup (_("Not in a cohort"));
  g_autofree char *track = cohorts_school_is_church_school (school) ? cohorts_school_describe_church_track (school) : NULL;
  g_autofree char *about = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *title = g_markup_escape_text (cohorts_school_get_name (school), -1);

  /* A school in no cohort, with no date of its own, has only the one to say. */
  if (cohort != NULL || conversion != COHORTS_DATE_NONE)
    {
      /* Translators: where a school is in the plan: its cohort and conversion date, "Cohort 3, 1 April 2028" */
      g_autofree char *placed = g_strdup_printf (_("%s, %s"), cohort_name, when);

      g_free (cohort_name);
      cohort_name = g_steal_pointer (&placed);
    }
  /* Translators: a school in the Diocese Summary: "URN 938134 · Voluntary aided · Cohort 3, 1 April 2028 · SIAMS: Excellent" */
  about = g_strdup_printf (_("URN %u · %s · %s · SIAMS: %s"), cohorts_school_get_urn (school),
                           cohorts_enum_get_label (COHORTS_TYPE_ESTABLISHMENT_TYPE,
                                                   cohorts_school_get_establishment_type (school)),
                           cohort_name,
                           cohorts_enum_get_label (COHORTS_TYPE_SIAMS_OUTCOME, cohorts_school_get_siams_outcome (school)));
  subtitle = track != NULL ? g_strdup_printf ("%s\n%s", about, track) : g_strdup (about);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  /* The subtitle is markup: names and labels escaped. */
  {
    g_autofree char *escaped = g_markup_escape_text (subtitle, -1);

    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);
  }
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  return row;
}

/* The summary is modal: it closes, then the window asks where. */
static void
export_clicked_cb (GtkButton     *button,
                   CohortsWindow *self)
{
  g_autofree char *key = g_strdup (g_object_get_data (G_OBJECT (button), "diocese"));

  if (self->diocese_window != NULL)
    gtk_window_destroy (self->diocese_window);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.export-diocese-summary", "s", key);
}

static void
summary_destroyed_cb (CohortsWindow *self)
{
  self->diocese_window = NULL;
}

static void
show_summary_for (CohortsWindow *self,
                  const char    *key)
{
  g_autoptr(CohortsDiocese) diocese = cohorts_plan_find_diocese (self->plan, key);
  g_autoptr(GPtrArray) schools = NULL;
  GArray *shares;
  CohortsConsentCounts counts;
  GtkWidget *window, *toolbar, *header, *scrolled, *clamp, *box, *group, *area, *export, *intro;
  g_autofree char *title = NULL;
  g_autofree char *about = NULL;
  int minimum;
  static const char *consents[] = { N_("Not requested"), N_("Requested"), N_("Granted"), N_("Refused") };
  static const char *stages[] = { N_("Not started"), N_("Drafting"), N_("Agreed"), N_("Signed") };
  const char *consent_labels[G_N_ELEMENTS (consents)], *stage_labels[G_N_ELEMENTS (stages)];

  if (diocese == NULL || self->diocese_window != NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (consents); i++)
    consent_labels[i] = _(consents[i]);
  for (guint i = 0; i < G_N_ELEMENTS (stages); i++)
    stage_labels[i] = _(stages[i]);

  schools = cohorts_diocese_get_schools (self->plan, key);
  cohorts_diocese_count_consents (schools, &counts);
  shares = cohorts_capacity_church_share (self->plan);
  minimum = cohorts_trust_get_church_share_min (cohorts_plan_get_trust (self->plan));

  window = cohorts_dialog_window_new (GTK_WINDOW (self), "diocese-summary", diocese->name, 680, 760);
  self->diocese_window = GTK_WINDOW (window);
  g_signal_connect_object (window, "destroy", G_CALLBACK (summary_destroyed_cb), self, G_CONNECT_SWAPPED);

  toolbar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u school", "%u schools", schools->len), schools->len);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), adw_window_title_new (diocese->name, title));
  export = gtk_button_new_with_mnemonic (_("_Export PDF…"));
  gtk_widget_set_name (export, "export-diocese-summary");
  g_object_set_data_full (G_OBJECT (export), "diocese", g_strdup (key), g_free);
  g_signal_connect_object (export, "clicked", G_CALLBACK (export_clicked_cb), self, 0);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), export);
  gtk_box_append (GTK_BOX (toolbar), header);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  about = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "%u school of the diocese is in the plan, %u of them church schools.",
                                        "%u schools of the diocese are in the plan, %u of them church schools.",
                                        schools->len),
                           schools->len, counts.n_church);
  intro = gtk_label_new (about);
  gtk_label_set_wrap (GTK_LABEL (intro), TRUE);
  gtk_label_set_xalign (GTK_LABEL (intro), 0);
  gtk_box_append (GTK_BOX (box), intro);

  group = adw_preferences_group_new ();
  gtk_widget_set_name (group, "diocese-consents");
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Consents and Agreements"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), _("How many church schools are at each stage"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             count_row (_("Diocesan board of education"), consent_labels, counts.diocesan, COHORTS_N_CONSENTS));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             count_row (_("Site trustees"), consent_labels, counts.site_trustees, COHORTS_N_CONSENTS));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             count_row (_("Church Supplemental Agreement"), stage_labels, counts.supplemental,
                                        COHORTS_N_AGREEMENT_STAGES));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             count_row (_("Memorandum of understanding"), stage_labels, counts.memorandum,
                                        COHORTS_N_AGREEMENT_STAGES));
  gtk_box_append (GTK_BOX (box), group);

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("The Church’s Share of the Trust"));
  area = gtk_drawing_area_new ();
  gtk_widget_set_name (area, "church-share-chart");
  gtk_widget_set_size_request (area, -1, 260);
  g_object_set_data_full (G_OBJECT (area), "shares", shares, (GDestroyNotify) g_array_unref);
  g_object_set_data (G_OBJECT (area), "minimum", GINT_TO_POINTER (minimum));
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_share_cb, NULL, NULL);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), area);
  gtk_box_append (GTK_BOX (box), group);

  group = adw_preferences_group_new ();
  gtk_widget_set_name (group, "diocese-schools");
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("The Diocese’s Schools"));
  for (guint i = 0; i < schools->len; i++)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), school_row (self->plan, g_ptr_array_index (schools, i)));
  gtk_box_append (GTK_BOX (box), group);

  clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 720);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_box_append (GTK_BOX (toolbar), scrolled);

  adw_window_set_content (ADW_WINDOW (window), toolbar);
  gtk_window_present (GTK_WINDOW (window));
}

static void
show_diocese_summary_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  CohortsWindow *self = COHORTS_WINDOW (widget);

  if (self->plan == NULL)
    return;
  choose_diocese (self, NULL, show_summary_for);
}

/**
 * cohorts_window_show_diocese_summary:
 * @diocese: (nullable): a diocese's key; %NULL: the one shown
 *
 * Returns: (transfer none) (nullable): the Diocese Summary window, or
 *   %NULL when there is no such diocese
 */
GtkWindow *
cohorts_window_show_diocese_summary (CohortsWindow *self,
                                     const char    *diocese)
{
  g_return_val_if_fail (COHORTS_IS_WINDOW (self), NULL);

  if (diocese == NULL)
    diocese = self->diocese;
  if (self->plan == NULL || diocese == NULL)
    return NULL;
  show_summary_for (self, diocese);
  return self->diocese_window;
}

/**
 * cohorts_window_get_diocese:
 *
 * Returns: (nullable): the key of the diocese whose schools are shown, or
 *   %NULL for every school
 */
const char *
cohorts_window_get_diocese (CohortsWindow *self)
{
  g_return_val_if_fail (COHORTS_IS_WINDOW (self), NULL);
  return self->diocese;
}

void
cohorts_window_update_diocese_actions (CohortsWindow *self)
{
  gboolean idle = self->plan != NULL && self->busy_cancellable == NULL;
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "diocese");

  if (action != NULL)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (action), self->plan != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-diocese-summary", self->plan != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-diocese-summary", idle);
}

void
cohorts_window_class_init_diocese (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.show-diocese-summary", NULL, show_diocese_summary_action);
  gtk_widget_class_install_action (widget_class, "win.export-diocese-summary", "s", export_diocese_summary_action);
}

void
cohorts_window_init_diocese (CohortsWindow *self)
{
  g_autoptr(GSimpleAction) action = g_simple_action_new_stateful ("diocese", G_VARIANT_TYPE_STRING,
                                                                  g_variant_new_string (""));

  g_signal_connect_object (action, "change-state", G_CALLBACK (diocese_change_state_cb), self, 0);
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (action));
  rebuild_menu (self, NULL);
}

void
cohorts_window_dispose_diocese (CohortsWindow *self)
{
  g_clear_handle_id (&self->diocese_source, g_source_remove);
  g_clear_pointer (&self->diocese, g_free);
  g_clear_pointer (&self->diocese_menu_shown, g_free);
}
