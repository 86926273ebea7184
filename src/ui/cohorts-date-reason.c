/* cohorts-date-reason.c: asking why a conversion date moves
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Once a plan has a baseline, its conversion dates are commitments: when an
 * edit moves one (a cohort's date, a school's own date, a school into a
 * cohort of another date), the view that makes the edit hands it here with
 * the dates it moves. A small dialog asks for the DfE's reason type and a
 * note; Record makes the edit and records each move in the plan's history,
 * all in one undo step; Cancel (or Escape) leaves the plan as it was.
 * Without a baseline, or when no date moves, the edit is made at once.
 */
#define G_LOG_DOMAIN "cohorts-ui"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "cohorts-date-reason.h"
#include "cohorts-ui-util.h"
#include "cohorts-window.h"

/* Moves listed in the dialog; the rest are counted. */
#define MOVES_SHOWN 6

typedef struct
{
  char *subject;
  CohortsDate from;
  CohortsDate to;
} Move;

static void
move_free (gpointer data)
{
  Move *move = data;

  g_free (move->subject);
  g_free (move);
}

/**
 * cohorts_date_moves_new:
 *
 * Returns: (transfer full): an empty list of conversion dates that move
 */
GPtrArray *
cohorts_date_moves_new (void)
{
  return g_ptr_array_new_with_free_func (move_free);
}

/* Adds that @subject's date moves from @from to @to, unless they are the same. */
void
cohorts_date_moves_add (GPtrArray   *moves,
                        const char  *subject,
                        CohortsDate  from,
                        CohortsDate  to)
{
  Move *move;

  if (from == to)
    return;
  move = g_new0 (Move, 1);
  move->subject = g_strdup (subject);
  move->from = from;
  move->to = to;
  g_ptr_array_add (moves, move);
}

/* Adds the move of @school's conversion when its cohort's date becomes @to
 * (%COHORTS_DATE_NONE: no cohort): its own date stays; else it takes @to. */
void
cohorts_date_moves_add_school_date (GPtrArray     *moves,
                                    CohortsPlan   *plan,
                                    CohortsSchool *school,
                                    CohortsDate    to)
{
  CohortsMilestone own;
  g_autofree char *subject = NULL;

  cohorts_school_get_milestone (school, COHORTS_STEP_CONVERSION, &own);
  if (own.state != COHORTS_MILESTONE_SCHEDULED)
    return;
  subject = g_strdup_printf ("school:%u", cohorts_school_get_urn (school));
  cohorts_date_moves_add (moves, subject, cohorts_plan_get_conversion_date (plan, school), to);
}

/* Adds the move of @school's conversion when it goes into @cohort (NULL:
 * none): its own date stays; else it takes the cohort's. */
void
cohorts_date_moves_add_school (GPtrArray     *moves,
                               CohortsPlan   *plan,
                               CohortsSchool *school,
                               CohortsCohort *cohort)
{
  cohorts_date_moves_add_school_date (moves, plan, school,
                                      cohort != NULL ? cohorts_cohort_get_date (cohort) : COHORTS_DATE_NONE);
}

typedef struct
{
  CohortsPlan *plan;
  char *label;
  char *author;
  GPtrArray *moves;
  CohortsDateEditFunc edit;
  gpointer data;
  GDestroyNotify destroy;
  AdwComboRow *reason;
  AdwEntryRow *note;
  gboolean answered;
} Request;

static void
request_free (Request *request)
{
  /* Closed without Record: the edit is called off. */
  if (!request->answered)
    request->edit (request->data, FALSE);
  if (request->destroy != NULL)
    request->destroy (request->data);
  g_object_unref (request->plan);
  g_free (request->label);
  g_free (request->author);
  g_ptr_array_unref (request->moves);
  g_free (request);
}

/**
 * cohorts_date_moves_record:
 * @moves: from cohorts_date_moves_new()
 * @author: (nullable): who says so
 * @note: (nullable): the note
 *
 * Records each of @moves in @plan's history with @reason, as edits of the
 * undo step open (call it between cohorts_plan_begin_edit() and
 * cohorts_plan_end_edit(), with the edit that moves the dates).
 */
void
cohorts_date_moves_record (CohortsPlan             *plan,
                           GPtrArray               *moves,
                           CohortsDateChangeReason  reason,
                           const char              *author,
                           const char              *note)
{
  g_return_if_fail (COHORTS_IS_PLAN (plan));

  for (guint i = 0; i < moves->len; i++)
    {
      Move *move = g_ptr_array_index (moves, i);
      g_autoptr(GError) error = NULL;

      if (!cohorts_plan_add_date_change (plan, move->subject, move->from, move->to, reason, author, note, &error))
        g_warning ("%s", error->message);
    }
}

static gboolean
apply (Request                 *request,
       CohortsDateChangeReason  reason,
       const char              *note)
{
  gboolean ok;

  cohorts_plan_begin_edit (request->plan, request->label);
  ok = request->edit (request->data, TRUE);
  if (ok)
    cohorts_date_moves_record (request->plan, request->moves, reason, request->author, note);
  cohorts_plan_end_edit (request->plan);
  return ok;
}

static void
record_clicked_cb (GtkButton *button,
                   Request   *request)
{
  GtkRoot *window = gtk_widget_get_root (GTK_WIDGET (button));

  /* Row 0 asks for a reason; Record is off until one is chosen. */
  if (adw_combo_row_get_selected (request->reason) == 0)
    return;
  request->answered = TRUE;
  apply (request, adw_combo_row_get_selected (request->reason) - 1,
         gtk_editable_get_text (GTK_EDITABLE (request->note)));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
reason_selected_cb (AdwComboRow *reason,
                    GParamSpec  *pspec,
                    GtkWidget   *record)
{
  gtk_widget_set_sensitive (record, adw_combo_row_get_selected (reason) > 0);
}

static void
cancel_clicked_cb (GtkButton *button,
                   Request   *request)
{
  gtk_window_destroy (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (button))));
}

/* "Cohort 2", "Hatherby Middle School": what a subject is called now. */
static char *
subject_name (CohortsPlan *plan,
              const char  *subject)
{
  if (g_str_has_prefix (subject, "cohort:"))
    {
      CohortsCohort *cohort = cohorts_plan_find_cohort (plan, subject + strlen ("cohort:"));

      if (cohort != NULL)
        return cohorts_cohort_dup_display_name (cohort);
    }
  else if (g_str_has_prefix (subject, "school:"))
    {
      CohortsSchool *school = cohorts_plan_find_school (plan, (guint) atoi (subject + strlen ("school:")));

      if (school != NULL)
        return g_strdup (cohorts_school_get_name (school));
    }
  return g_strdup (subject);
}

static char *
describe_date (CohortsDate date)
{
  return date != COHORTS_DATE_NONE ? cohorts_date_format (date) : g_strdup (_("no date"));
}

/**
 * cohorts_date_moves_describe:
 *
 * Returns: (transfer full): @moves in words, one a line ("Cohort 2: from
 *   1 April 2027 to 1 September 2027"), the first few and how many more
 */
char *
cohorts_date_moves_describe (CohortsPlan *plan,
                             GPtrArray   *moves)
{
  GString *text = g_string_new (NULL);
  guint shown = MIN (moves->len, MOVES_SHOWN);

  for (guint i = 0; i < shown; i++)
    {
      Move *move = g_ptr_array_index (moves, i);
      g_autofree char *name = subject_name (plan, move->subject);
      g_autofree char *from = describe_date (move->from);
      g_autofree char *to = describe_date (move->to);

      if (text->len > 0)
        g_string_append_c (text, '\n');
      /* Translators: a conversion date that moves: "Cohort 2: from 1 April 2027 to 1 September 2027" */
      g_string_append_printf (text, _("%s: from %s to %s"), name, from, to);
    }
  if (moves->len > shown)
    {
      guint more = moves->len - shown;

      g_string_append_c (text, '\n');
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "and %u more", "and %u more", more), more);
    }
  return g_string_free (text, FALSE);
}

/**
 * cohorts_date_reason_row_new:
 *
 * Returns: (transfer floating): a combo row of the DfE's reasons for a
 *   moved date, after a first "Choose a reason": row @i + 1 is the
 *   #CohortsDateChangeReason @i
 */
GtkWidget *
cohorts_date_reason_row_new (void)
{
  GtkWidget *reason = adw_combo_row_new ();
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  gtk_string_list_append (labels, _("Choose a reason"));
  for (int i = 0; i <= COHORTS_DATE_CHANGE_ADVISORY_BOARD; i++)
    gtk_string_list_append (labels, cohorts_enum_get_label (COHORTS_TYPE_DATE_CHANGE_REASON, i));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (reason), _("_Reason"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (reason), TRUE);
  adw_combo_row_set_model (ADW_COMBO_ROW (reason), G_LIST_MODEL (labels));
  return reason;
}

static GtkWidget *
reason_dialog (GtkWindow *parent,
               Request   *request)
{
  GtkWidget *window = cohorts_dialog_window_new (parent, "date-reason", _("Why Does the Date Move?"), 460, -1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *record = gtk_button_new_with_mnemonic (_("_Record"));
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *intro = gtk_label_new (_("The plan has a baseline: say why this conversion date moves. "
                                      "The reason is kept in the plan's history."));
  g_autofree char *listed = cohorts_date_moves_describe (request->plan, request->moves);
  GtkWidget *moves = gtk_label_new (listed);
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *reason = cohorts_date_reason_row_new ();
  GtkWidget *note = adw_entry_row_new ();

  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  gtk_widget_set_name (cancel, "date-reason-cancel");
  gtk_widget_set_name (record, "date-reason-record");
  gtk_widget_add_css_class (record, "suggested-action");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), record);
  g_signal_connect (cancel, "clicked", G_CALLBACK (cancel_clicked_cb), request);
  g_signal_connect (record, "clicked", G_CALLBACK (record_clicked_cb), request);
  gtk_box_append (GTK_BOX (box), header);

  gtk_widget_set_margin_start (content, 18);
  gtk_widget_set_margin_end (content, 18);
  gtk_widget_set_margin_top (content, 12);
  gtk_widget_set_margin_bottom (content, 18);
  gtk_label_set_wrap (GTK_LABEL (intro), TRUE);
  gtk_label_set_xalign (GTK_LABEL (intro), 0);
  gtk_label_set_max_width_chars (GTK_LABEL (intro), 50);
  gtk_box_append (GTK_BOX (content), intro);
  gtk_widget_set_name (moves, "date-reason-moves");
  gtk_label_set_wrap (GTK_LABEL (moves), TRUE);
  gtk_label_set_xalign (GTK_LABEL (moves), 0);
  gtk_widget_add_css_class (moves, "heading");
  gtk_box_append (GTK_BOX (content), moves);

  gtk_widget_set_name (reason, "date-reason-type");
  gtk_widget_set_name (note, "date-reason-note");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (note), _("_Note"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (note), TRUE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), reason);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), note);
  gtk_box_append (GTK_BOX (content), group);
  gtk_box_append (GTK_BOX (box), content);

  gtk_widget_set_sensitive (record, FALSE);
  g_signal_connect_object (reason, "notify::selected", G_CALLBACK (reason_selected_cb), record, 0);
  request->reason = ADW_COMBO_ROW (reason);
  request->note = ADW_ENTRY_ROW (note);
  adw_window_set_content (ADW_WINDOW (window), box);
  gtk_window_set_default_widget (GTK_WINDOW (window), record);
  g_object_set_data_full (G_OBJECT (window), "request", request, (GDestroyNotify) request_free);
  return window;
}

/**
 * cohorts_date_reason_run:
 * @widget: the view that makes the edit
 * @label: (nullable): the undo step's name; %NULL: the edit's own
 * @moves: (transfer full): the dates the edit moves (cohorts_date_moves_new())
 * @edit: makes the edit
 * @destroy: (nullable): frees @data when done
 *
 * Makes an edit that moves conversion dates: at once when the plan has no
 * baseline or nothing moves; else once the user has said why, in a dialog,
 * with a date change recorded for each move in the same undo step. If the
 * user cancels, @edit is called with @apply %FALSE.
 *
 * Returns: %TRUE if the edit was made at once (or the dialog is open),
 *   %FALSE if it was made at once and failed
 */
gboolean
cohorts_date_reason_run (GtkWidget           *widget,
                         CohortsPlan         *plan,
                         const char          *label,
                         GPtrArray           *moves,
                         CohortsDateEditFunc  edit,
                         gpointer             data,
                         GDestroyNotify       destroy)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  Request *request;
  GtkWidget *window;

  g_return_val_if_fail (COHORTS_IS_PLAN (plan), FALSE);

  if (moves->len == 0 || g_list_model_get_n_items (cohorts_plan_get_baselines (plan)) == 0)
    {
      gboolean ok = edit (data, TRUE);

      g_ptr_array_unref (moves);
      if (destroy != NULL)
        destroy (data);
      return ok;
    }

  request = g_new0 (Request, 1);
  request->plan = g_object_ref (plan);
  request->label = g_strdup (label);
  request->moves = moves;
  request->edit = edit;
  request->data = data;
  request->destroy = destroy;
  if (COHORTS_IS_WINDOW (root))
    request->author = cohorts_window_get_reviewer_name (COHORTS_WINDOW (root));

  window = reason_dialog (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, request);
  gtk_window_present (GTK_WINDOW (window));
  return TRUE;
}

typedef struct
{
  CohortsPlan *plan;
  GPtrArray *schools;
  CohortsCohort *cohort;
} MoveSchools;

static void
move_schools_free (gpointer data)
{
  MoveSchools *m = data;

  g_object_unref (m->plan);
  g_ptr_array_unref (m->schools);
  g_clear_object (&m->cohort);
  g_free (m);
}

static gboolean
move_schools_edit (gpointer data,
                   gboolean apply)
{
  MoveSchools *m = data;

  if (!apply)
    return FALSE;
  /* The plan may have changed meanwhile: only what is still in it. */
  for (guint i = m->schools->len; i > 0; i--)
    {
      CohortsSchool *school = g_ptr_array_index (m->schools, i - 1);

      if (cohorts_plan_find_school (m->plan, cohorts_school_get_urn (school)) != school)
        g_ptr_array_remove_index (m->schools, i - 1);
    }
  if (m->cohort != NULL && cohorts_plan_find_cohort (m->plan, cohorts_cohort_get_id (m->cohort)) != m->cohort)
    return FALSE;
  cohorts_plan_move_schools (m->plan, m->schools, m->cohort);
  return TRUE;
}

/**
 * cohorts_date_reason_move_schools:
 * @schools: (element-type CohortsSchool): schools of @plan
 * @cohort: (nullable): where they go; %NULL for none
 *
 * Moves @schools into @cohort as cohorts_plan_move_schools() does; once the
 * plan has a baseline and a school's conversion date moves with it, after
 * asking why (see cohorts_date_reason_run()).
 */
void
cohorts_date_reason_move_schools (GtkWidget     *widget,
                                  CohortsPlan   *plan,
                                  GPtrArray     *schools,
                                  CohortsCohort *cohort)
{
  GPtrArray *moves = cohorts_date_moves_new ();
  MoveSchools *m = g_new0 (MoveSchools, 1);

  g_return_if_fail (COHORTS_IS_PLAN (plan));

  m->plan = g_object_ref (plan);
  m->schools = g_ptr_array_new_with_free_func (g_object_unref);
  m->cohort = cohort != NULL ? g_object_ref (cohort) : NULL;
  for (guint i = 0; i < schools->len; i++)
    {
      CohortsSchool *school = g_ptr_array_index (schools, i);

      g_ptr_array_add (m->schools, g_object_ref (school));
      if (cohorts_school_get_cohort (school) != cohort)
        cohorts_date_moves_add_school (moves, plan, school, cohort);
    }
  cohorts_date_reason_run (widget, plan, NULL, moves, move_schools_edit, m, move_schools_free);
}
