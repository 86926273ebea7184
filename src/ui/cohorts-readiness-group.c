/* cohorts-readiness-group.c: a school's answers on the readiness criteria, and its score
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The group's description gives the school's readiness in words, as the
 * plan's framework weighs it ("Amber — 62%"), and says when a critical
 * criterion is not met; an icon beside the title gives the rating. A row
 * for each criterion that counts for the school (diocesan consent only for
 * church schools) says its answer, note and the date of the evidence;
 * expanded, it edits them. Diocesan consent without an answer of its own
 * follows the church track's consent, and says so. Each change is one
 * undoable step of the plan; the rows follow the plan, so undo, redo and
 * other edits show. A change the plan refuses is not made, and "problem"
 * says why.
 */
#define G_LOG_DOMAIN "cohorts-readiness-group"

#include "config.h"

#include <glib/gi18n.h>

#include "cohorts-date-button.h"
#include "cohorts-ui-util.h"

#include "cohorts-readiness-group.h"

typedef struct
{
  GtkWidget *row;               /* AdwExpanderRow */
  GtkImage *icon;
  GtkWidget *critical;          /* "Critical", beside the title of a critical criterion */
  AdwComboRow *answer_row;
  AdwEntryRow *note_row;
  AdwActionRow *date_row;
  CohortsDateButton *date_button;
} CriterionRows;

struct _CohortsReadinessGroup
{
  AdwPreferencesGroup parent_instance;

  GtkImage *rag_icon;
  CriterionRows rows[COHORTS_N_CRITERIA];

  CohortsPlan *plan;
  CohortsReadiness *readiness;
  CohortsSchool *school;
  gboolean updating;      /* showing the model: not the person's choice */
  gboolean new_school;    /* notes to show even where the focus is */
  guint refresh_source;
};

G_DEFINE_FINAL_TYPE (CohortsReadinessGroup, cohorts_readiness_group, ADW_TYPE_PREFERENCES_GROUP)

enum {
  PROBLEM,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
answer_icon_name (CohortsAnswerState state)
{
  switch (state)
    {
    case COHORTS_ANSWER_MET: return "emblem-ok-symbolic";
    case COHORTS_ANSWER_PARTLY: return "dialog-warning-symbolic";
    case COHORTS_ANSWER_NOT_MET: return "dialog-error-symbolic";
    case COHORTS_ANSWER_NOT_APPLICABLE: return "action-unavailable-symbolic";
    case COHORTS_ANSWER_NONE:
    default: return "dialog-question-symbolic";
    }
}

static const char *
answer_style (CohortsAnswerState state)
{
  switch (state)
    {
    case COHORTS_ANSWER_MET: return "success";
    case COHORTS_ANSWER_PARTLY: return "warning";
    case COHORTS_ANSWER_NOT_MET: return "error";
    case COHORTS_ANSWER_NOT_APPLICABLE:
    case COHORTS_ANSWER_NONE:
    default: return "dim-label";
    }
}

static const char *
rag_style (CohortsRag rag)
{
  switch (rag)
    {
    case COHORTS_RAG_GREEN: return "success";
    case COHORTS_RAG_AMBER: return "warning";
    case COHORTS_RAG_RED: return "error";
    case COHORTS_RAG_NOT_ASSESSED:
    default: return "dim-label";
    }
}

static void
set_style (GtkWidget  *widget,
           const char *style)
{
  const char *styles[] = { "success", "warning", "error", "dim-label" };

  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    if (g_strcmp0 (styles[i], style) != 0)
      gtk_widget_remove_css_class (widget, styles[i]);
  gtk_widget_add_css_class (widget, style);
}

/* A row's subtitle: "Partly met · 6 October 2026 · Consultation opens on 4 January 2027". */
static char *
describe_answer (const CohortsAnswer *answer)
{
  g_autofree char *text = g_strdup (cohorts_answer_state_get_name (answer->state));

  if (answer->date != COHORTS_DATE_NONE)
    {
      g_autofree char *date = cohorts_date_format (answer->date);
      g_autofree char *with_date = NULL;

      /* Translators: a readiness answer and the date of its evidence: "Met · 6 October 2026" */
      with_date = g_strdup_printf (C_("an answer and its evidence", "%s · %s"), text, date);
      g_free (text);
      text = g_steal_pointer (&with_date);
    }
  if (answer->note != NULL)
    {
      g_autofree char *with_note = NULL;

      /* Translators: a readiness answer and its note: "Partly met · Agreed in principle" */
      with_note = g_strdup_printf (C_("an answer and its note", "%s · %s"), text, answer->note);
      g_free (text);
      text = g_steal_pointer (&with_note);
    }
  return g_steal_pointer (&text);
}

static gboolean
counts_for (CohortsSchool    *school,
            CohortsCriterion  criterion)
{
  return !cohorts_criterion_is_church_only (criterion) || cohorts_school_is_church_school (school);
}

/* The description: "Red — 40% · critical criterion not met: Governing body resolution". */
static char *
describe_score (CohortsReadinessGroup       *self,
                const CohortsReadinessScore *score)
{
  const CohortsFramework *framework = cohorts_readiness_get_framework (self->readiness);
  g_autoptr(GString) critical = g_string_new (NULL);
  guint n_critical = 0;
  char *text;

  if (score->rag == COHORTS_RAG_NOT_ASSESSED)
    return g_strdup (_("Not assessed: no criterion has an answer yet"));

  /* Translators: a school's readiness rating and score: "Amber — 62%" */
  text = g_strdup_printf (_("%s — %d%%"), cohorts_rag_get_name (score->rag), cohorts_readiness_score_percent (score));

  for (CohortsCriterion c = 0; c < COHORTS_N_CRITERIA; c++)
    {
      CohortsAnswerState state = cohorts_school_get_answer_state (self->school, c);

      if (!framework->critical[c] || !counts_for (self->school, c) ||
          (state != COHORTS_ANSWER_NONE && state != COHORTS_ANSWER_NOT_MET))
        continue;
      if (n_critical++ > 0)
        /* Translators: between the names of criteria in a list */
        g_string_append (critical, _(", "));
      g_string_append (critical, cohorts_criterion_get_name (c));
    }

  if (n_critical > 0)
    {
      g_autofree char *what = NULL;
      char *joined;

      /* Translators: why a school is red: "critical criterion not met: Governing body resolution" */
      what = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "critical criterion not met: %s",
                                           "critical criteria not met: %s", n_critical),
                              critical->str);
      /* Translators: a school's readiness and why: "Red — 40% · critical criterion not met: …" */
      joined = g_strdup_printf (C_("readiness and why", "%s · %s"), text, what);
      g_free (text);
      text = joined;
    }

  if (score->not_assessed > 0)
    {
      g_autofree char *what = NULL;
      char *joined;

      /* Translators: criteria without an answer count as not met: "2 criteria not assessed" */
      what = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u criterion not assessed",
                                           "%u criteria not assessed", score->not_assessed),
                              score->not_assessed);
      joined = g_strdup_printf (C_("readiness and why", "%s · %s"), text, what);
      g_free (text);
      text = joined;
    }

  return text;
}

static void
show_problem (CohortsReadinessGroup *self,
              GtkWidget             *row,
              const char            *message)
{
  for (CohortsCriterion c = 0; c < COHORTS_N_CRITERIA; c++)
    {
      GtkWidget *rows[] = { GTK_WIDGET (self->rows[c].answer_row), GTK_WIDGET (self->rows[c].note_row),
                            GTK_WIDGET (self->rows[c].date_row) };

      for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
        {
          gtk_widget_remove_css_class (rows[i], "error");
          gtk_widget_set_tooltip_text (rows[i], NULL);
        }
    }

  if (message != NULL)
    {
      gtk_widget_add_css_class (row, "error");
      gtk_widget_set_tooltip_text (row, message);
      g_signal_emit (self, signals[PROBLEM], 0, message);
    }
}

/* Whether the focus is in @widget: what is being typed is left alone. */
static gboolean
has_focus_within (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static gboolean
refresh (gpointer user_data)
{
  CohortsReadinessGroup *self = user_data;
  const CohortsFramework *framework;
  CohortsReadinessScore score;
  g_autofree char *description = NULL;

  self->refresh_source = 0;
  if (self->school == NULL)
    return G_SOURCE_REMOVE;

  framework = cohorts_readiness_get_framework (self->readiness);
  cohorts_plan_score_school (self->plan, self->school, &score);
  description = describe_score (self, &score);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self), description);
  gtk_image_set_from_icon_name (self->rag_icon, cohorts_rag_get_icon_name (score.rag));
  set_style (GTK_WIDGET (self->rag_icon), rag_style (score.rag));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->rag_icon), cohorts_rag_get_name (score.rag));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->rag_icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  cohorts_rag_get_name (score.rag), -1);

  self->updating = TRUE;
  for (CohortsCriterion c = 0; c < COHORTS_N_CRITERIA; c++)
    {
      CriterionRows *rows = &self->rows[c];
      const CohortsAnswer *answer = cohorts_school_get_answer (self->school, c);
      CohortsAnswerState counted = cohorts_school_get_answer_state (self->school, c);
      const char *state = cohorts_answer_state_get_name (counted);
      g_autofree char *subtitle = describe_answer (answer);
      gboolean answered = answer->state != COHORTS_ANSWER_NONE;

      /* Diocesan consent unanswered follows the church track. */
      if (counted != answer->state)
        {
          g_free (subtitle);
          /* Translators: a readiness criterion without an answer of its own, answered by the church
           * track: "Partly met, as the church track says" */
          subtitle = g_strdup_printf (_("%s, as the church track says"), state);
        }

      gtk_widget_set_visible (rows->row, counts_for (self->school, c));
      gtk_widget_set_visible (rows->critical, framework->critical[c]);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (rows->row), subtitle);
      gtk_image_set_from_icon_name (rows->icon, answer_icon_name (counted));
      set_style (GTK_WIDGET (rows->icon), answer_style (counted));
      gtk_widget_set_tooltip_text (GTK_WIDGET (rows->icon), state);
      gtk_accessible_update_property (GTK_ACCESSIBLE (rows->icon), GTK_ACCESSIBLE_PROPERTY_LABEL, state, -1);

      adw_combo_row_set_selected (rows->answer_row, answer->state);
      if (self->new_school || !has_focus_within (GTK_WIDGET (rows->note_row)))
        {
          const char *note = answer->note != NULL ? answer->note : "";

          if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (rows->note_row)), note) != 0)
            gtk_editable_set_text (GTK_EDITABLE (rows->note_row), note);
        }
      cohorts_date_button_set_date (rows->date_button, answer->date);

      /* A note and a date belong to an answer: "Not assessed" has neither. */
      gtk_widget_set_sensitive (GTK_WIDGET (rows->note_row), answered);
      gtk_widget_set_sensitive (GTK_WIDGET (rows->date_row), answered);
    }
  self->updating = FALSE;
  self->new_school = FALSE;

  return G_SOURCE_REMOVE;
}

static void
changed_cb (CohortsReadinessGroup *self)
{
  cohorts_schedule_before_frame (&self->refresh_source, refresh, self);
}

static CohortsCriterion
criterion_of (gpointer widget)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), "criterion"));
}

/* Sets the criterion's answer, as one undoable step. */
static void
commit (CohortsReadinessGroup *self,
        CohortsCriterion       criterion,
        GtkWidget             *row,
        CohortsAnswerState     state,
        const char            *note,
        CohortsDate            date)
{
  CohortsAnswer answer = { state, (char *) note, date };
  g_autoptr(GError) error = NULL;

  if (!cohorts_plan_set_answer (self->plan, self->school, criterion, &answer, &error))
    {
      show_problem (self, row, error->message);
      changed_cb (self);
      return;
    }
  show_problem (self, row, NULL);
}

static void
answer_selected_cb (AdwComboRow           *combo,
                    GParamSpec            *pspec,
                    CohortsReadinessGroup *self)
{
  CohortsCriterion criterion = criterion_of (combo);
  const CohortsAnswer *answer;

  if (self->updating || self->school == NULL)
    return;

  answer = cohorts_school_get_answer (self->school, criterion);
  commit (self, criterion, GTK_WIDGET (combo), adw_combo_row_get_selected (combo), answer->note, answer->date);
}

static void
commit_note (CohortsReadinessGroup *self,
             AdwEntryRow           *row)
{
  CohortsCriterion criterion = criterion_of (row);
  const CohortsAnswer *answer;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  if (self->updating || self->school == NULL)
    return;

  answer = cohorts_school_get_answer (self->school, criterion);
  if (answer->state == COHORTS_ANSWER_NONE || g_strcmp0 (text, answer->note != NULL ? answer->note : "") == 0)
    return;
  commit (self, criterion, GTK_WIDGET (row), answer->state, text, answer->date);
  /* The plan keeps one line, trimmed: show what it kept. */
  changed_cb (self);
}

static void
note_apply_cb (AdwEntryRow           *row,
               CohortsReadinessGroup *self)
{
  commit_note (self, row);
}

static void
note_focus_leave_cb (GtkEventControllerFocus *controller,
                     CohortsReadinessGroup   *self)
{
  commit_note (self, ADW_ENTRY_ROW (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller))));
}

static void
date_chosen_cb (CohortsDateButton     *button,
                guint                  date,
                CohortsReadinessGroup *self)
{
  CohortsCriterion criterion = criterion_of (button);
  const CohortsAnswer *answer;

  if (self->school == NULL)
    return;

  answer = cohorts_school_get_answer (self->school, criterion);
  if (answer->state == COHORTS_ANSWER_NONE)
    return;
  commit (self, criterion, GTK_WIDGET (self->rows[criterion].date_row), answer->state, answer->note, date);
}

static void
make_rows (CohortsReadinessGroup *self,
           CohortsCriterion       criterion)
{
  CriterionRows *rows = &self->rows[criterion];
  const char *name = cohorts_criterion_get_name (criterion);
  g_autoptr(GtkStringList) states = gtk_string_list_new (NULL);
  GtkEventController *focus = gtk_event_controller_focus_new ();
  /* Translators: what a screen reader says of a drop-down: "Answer on Consultation" */
  g_autofree char *answer_name = g_strdup_printf (_("Answer on %s"), name);
  /* Translators: what a screen reader says of an entry: "Note on Consultation" */
  g_autofree char *note_name = g_strdup_printf (_("Note on %s"), name);
  /* Translators: what a screen reader says of a date button: "Date of the evidence on Consultation" */
  g_autofree char *date_name = g_strdup_printf (_("Date of the evidence on %s"), name);
  GtkWidget *date_button;

  rows->row = adw_expander_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (rows->row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (rows->row), name);

  rows->icon = GTK_IMAGE (gtk_image_new ());
  gtk_widget_set_valign (GTK_WIDGET (rows->icon), GTK_ALIGN_CENTER);
  adw_expander_row_add_prefix (ADW_EXPANDER_ROW (rows->row), GTK_WIDGET (rows->icon));

  rows->critical = gtk_label_new (_("Critical"));
  gtk_widget_set_valign (rows->critical, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (rows->critical, "caption");
  gtk_widget_add_css_class (rows->critical, "dim-label");
  gtk_widget_set_tooltip_text (rows->critical, _("Not meeting it makes the school red, whatever its score"));
  adw_expander_row_add_action (ADW_EXPANDER_ROW (rows->row), rows->critical);

  /* The states run from 0 without gaps: index = state. */
  for (CohortsAnswerState state = COHORTS_ANSWER_NONE; state <= COHORTS_ANSWER_NOT_APPLICABLE; state++)
    gtk_string_list_append (states, cohorts_answer_state_get_name (state));
  rows->answer_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (rows->answer_row), C_("readiness", "Answer"));
  adw_combo_row_set_model (rows->answer_row, G_LIST_MODEL (states));
  gtk_accessible_update_property (GTK_ACCESSIBLE (rows->answer_row), GTK_ACCESSIBLE_PROPERTY_LABEL, answer_name, -1);
  g_object_set_data (G_OBJECT (rows->answer_row), "criterion", GUINT_TO_POINTER (criterion));
  g_signal_connect (rows->answer_row, "notify::selected", G_CALLBACK (answer_selected_cb), self);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (rows->row), GTK_WIDGET (rows->answer_row));

  rows->note_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (rows->note_row), C_("readiness", "Note"));
  adw_entry_row_set_show_apply_button (rows->note_row, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (rows->note_row), GTK_ACCESSIBLE_PROPERTY_LABEL, note_name, -1);
  g_object_set_data (G_OBJECT (rows->note_row), "criterion", GUINT_TO_POINTER (criterion));
  g_signal_connect (rows->note_row, "apply", G_CALLBACK (note_apply_cb), self);
  g_signal_connect (rows->note_row, "entry-activated", G_CALLBACK (note_apply_cb), self);
  g_signal_connect (focus, "leave", G_CALLBACK (note_focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (rows->note_row), focus);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (rows->row), GTK_WIDGET (rows->note_row));

  date_button = cohorts_date_button_new (FALSE, TRUE);
  rows->date_button = COHORTS_DATE_BUTTON (date_button);
  cohorts_date_button_set_title (rows->date_button, date_name);
  g_object_set_data (G_OBJECT (date_button), "criterion", GUINT_TO_POINTER (criterion));
  g_signal_connect (date_button, "date-chosen", G_CALLBACK (date_chosen_cb), self);
  rows->date_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (rows->date_row), _("Date of the evidence"));
  adw_action_row_add_suffix (rows->date_row, date_button);
  adw_action_row_set_activatable_widget (rows->date_row,
                                         GTK_WIDGET (cohorts_date_button_get_menu_button (rows->date_button)));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (rows->row), GTK_WIDGET (rows->date_row));

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), rows->row);
}

static void
disconnect_all (CohortsReadinessGroup *self)
{
  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_data (self->plan, self);
  if (self->readiness != NULL)
    g_signal_handlers_disconnect_by_data (self->readiness, self);
  if (self->school != NULL)
    g_signal_handlers_disconnect_by_data (self->school, self);
}

static void
cohorts_readiness_group_dispose (GObject *object)
{
  CohortsReadinessGroup *self = (CohortsReadinessGroup *) object;

  disconnect_all (self);
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  g_clear_object (&self->school);
  g_clear_object (&self->readiness);
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (cohorts_readiness_group_parent_class)->dispose (object);
}

static void
cohorts_readiness_group_class_init (CohortsReadinessGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cohorts_readiness_group_dispose;

  /**
   * CohortsReadinessGroup::problem:
   * @message: why a change was refused
   */
  signals[PROBLEM] =
    g_signal_new ("problem", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
cohorts_readiness_group_init (CohortsReadinessGroup *self)
{
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Readiness"));

  self->rag_icon = GTK_IMAGE (gtk_image_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->rag_icon), GTK_ALIGN_END);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->rag_icon));

  for (CohortsCriterion c = 0; c < COHORTS_N_CRITERIA; c++)
    make_rows (self, c);
}

GtkWidget *
cohorts_readiness_group_new (void)
{
  return g_object_new (COHORTS_TYPE_READINESS_GROUP, NULL);
}

/**
 * cohorts_readiness_group_set_school:
 * @plan: (nullable): the plan @school belongs to
 * @school: (nullable): the school whose readiness to show
 */
void
cohorts_readiness_group_set_school (CohortsReadinessGroup *self,
                                    CohortsPlan           *plan,
                                    CohortsSchool         *school)
{
  g_return_if_fail (COHORTS_IS_READINESS_GROUP (self));
  g_return_if_fail (school == NULL || COHORTS_IS_PLAN (plan));

  if (self->plan == plan && self->school == school)
    return;

  /* What is half typed belongs to the school shown until now. */
  if (self->school != NULL)
    for (CohortsCriterion c = 0; c < COHORTS_N_CRITERIA; c++)
      commit_note (self, self->rows[c].note_row);

  disconnect_all (self);
  show_problem (self, NULL, NULL);

  g_set_object (&self->plan, plan);
  if (plan != NULL)
    g_set_object (&self->readiness, cohorts_plan_get_readiness (plan));
  else
    g_clear_object (&self->readiness);
  g_set_object (&self->school, school);

  if (school != NULL)
    {
      g_signal_connect_object (plan, "changed", G_CALLBACK (changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->readiness, "changed", G_CALLBACK (changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (school, "answer-changed", G_CALLBACK (changed_cb), self, G_CONNECT_SWAPPED);
    }

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  self->new_school = TRUE;
  refresh (self);
}

/**
 * cohorts_readiness_group_get_row:
 *
 * Returns: (transfer none): the #AdwExpanderRow of @criterion; hidden when
 *   the criterion does not count for the school
 */
GtkWidget *
cohorts_readiness_group_get_row (CohortsReadinessGroup *self,
                                 CohortsCriterion       criterion)
{
  g_return_val_if_fail (COHORTS_IS_READINESS_GROUP (self), NULL);
  g_return_val_if_fail (criterion < COHORTS_N_CRITERIA, NULL);
  return self->rows[criterion].row;
}

/**
 * cohorts_readiness_group_get_answer_row:
 *
 * Returns: (transfer none): the drop-down of @criterion's answer (for tests)
 */
AdwComboRow *
cohorts_readiness_group_get_answer_row (CohortsReadinessGroup *self,
                                        CohortsCriterion       criterion)
{
  g_return_val_if_fail (COHORTS_IS_READINESS_GROUP (self), NULL);
  g_return_val_if_fail (criterion < COHORTS_N_CRITERIA, NULL);
  return self->rows[criterion].answer_row;
}

/**
 * cohorts_readiness_group_get_note_row:
 *
 * Returns: (transfer none): the entry of @criterion's note (for tests)
 */
AdwEntryRow *
cohorts_readiness_group_get_note_row (CohortsReadinessGroup *self,
                                      CohortsCriterion       criterion)
{
  g_return_val_if_fail (COHORTS_IS_READINESS_GROUP (self), NULL);
  g_return_val_if_fail (criterion < COHORTS_N_CRITERIA, NULL);
  return self->rows[criterion].note_row;
}

/**
 * cohorts_readiness_group_get_date_button:
 *
 * Returns: (transfer none): the #CohortsDateButton of the date of
 *   @criterion's evidence (for tests)
 */
GtkWidget *
cohorts_readiness_group_get_date_button (CohortsReadinessGroup *self,
                                         CohortsCriterion       criterion)
{
  g_return_val_if_fail (COHORTS_IS_READINESS_GROUP (self), NULL);
  g_return_val_if_fail (criterion < COHORTS_N_CRITERIA, NULL);
  return GTK_WIDGET (self->rows[criterion].date_button);
}
