/* cohorts-window-review.c: review mode, comments and decisions
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A diocesan representative (or a board member) receives the plan as a file,
 * reviews it and sends it back; the file carries the conversation. In review
 * mode ("win.review-mode", stateful) the plan is read-only but for comments
 * and decisions: the editing actions are off, the editor's fields are
 * insensitive, nothing is dragged, and a bar under the header says so. The
 * reviewer's name is asked once and kept in GSettings ("reviewer-name").
 *
 * The editor's Review group lists the comments on what it shows; "Review"
 * in the main menu opens a window with every comment of the plan, each
 * leading to its school or cohort.
 */
#define G_LOG_DOMAIN "cohorts-window"

#include "config.h"

#include <glib/gi18n.h>

#include "cohorts-application.h"
#include "cohorts-review-group.h"
#include "cohorts-window-private.h"

typedef enum
{
  AFTER_NAME_REVIEW_MODE,
  AFTER_NAME_COMPOSE,
  AFTER_NAME_RESOLVE,
} AfterName;

typedef struct
{
  CohortsWindow *self;
  AfterName after;
  char *subject;
  CohortsComment *comment;   /* to answer or resolve */
  AdwEntryRow *entry;
} NameRequest;

static void
name_request_free (NameRequest *request)
{
  g_free (request->subject);
  g_clear_object (&request->comment);
  g_free (request);
}

static GSettings *
settings_of (CohortsWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  return COHORTS_IS_APPLICATION (app) ? cohorts_application_get_settings (COHORTS_APPLICATION (app)) : NULL;
}

/**
 * cohorts_window_get_reviewer_name:
 *
 * Returns: (transfer full): the name comments are signed with, or an empty
 *   string when it was never given
 */
char *
cohorts_window_get_reviewer_name (CohortsWindow *self)
{
  GSettings *settings = settings_of (self);
  g_autofree char *name = settings ? g_settings_get_string (settings, "reviewer-name")
                                   : g_strdup (self->reviewer_name);

  return g_strstrip (g_strdup (name ? name : ""));
}

static void
set_reviewer_name (CohortsWindow *self,
                   const char    *name)
{
  GSettings *settings = settings_of (self);

  g_free (self->reviewer_name);
  self->reviewer_name = g_strdup (name);
  if (settings != NULL)
    g_settings_set_string (settings, "reviewer-name", name);
}

static void compose (CohortsWindow  *self,
                     const char     *subject,
                     CohortsComment *reply_to);
static void resolve (CohortsWindow  *self,
                     CohortsComment *comment);
static void apply_review_mode (CohortsWindow *self,
                               gboolean       review_mode);

static void
carry_on (NameRequest *request)
{
  CohortsWindow *self = request->self;

  switch (request->after)
    {
    case AFTER_NAME_REVIEW_MODE:
      apply_review_mode (self, TRUE);
      break;
    case AFTER_NAME_COMPOSE:
      compose (self, request->subject, request->comment);
      break;
    case AFTER_NAME_RESOLVE:
      resolve (self, request->comment);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
name_changed_cb (AdwEntryRow *entry,
                 GtkWidget   *dialog)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "continue", name[0] != '\0');
}

static void
name_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  NameRequest      *request)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (request->entry))));

  if (g_str_equal (response, "continue") && name[0] != '\0')
    {
      set_reviewer_name (request->self, name);
      carry_on (request);
    }
}

/* Asks the reviewer's name when it is not known yet, then does what
 * @request says; takes @request. */
static void
with_name (NameRequest *request)
{
  CohortsWindow *self = request->self;
  g_autofree char *name = cohorts_window_get_reviewer_name (self);
  GtkWidget *dialog, *list;

  if (name[0] != '\0')
    {
      carry_on (request);
      name_request_free (request);
      return;
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Your Name"),
                                   _("Comments and decisions carry the name of the person who made "
                                     "them. Give yours as the plan’s authors should read it, such as "
                                     "“Canon Ruth Ellison, Diocese of Ashminster”."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "continue", _("C_ontinue"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "continue", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "continue");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "continue", FALSE);

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  request->entry = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (request->entry), _("Name"));
  adw_entry_row_set_activates_default (request->entry, TRUE);
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (request->entry));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);

  g_signal_connect (request->entry, "changed", G_CALLBACK (name_changed_cb), dialog);
  g_signal_connect_data (dialog, "response", G_CALLBACK (name_response_cb), request,
                         (GClosureNotify) (void (*) (void)) name_request_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (GTK_WIDGET (request->entry));
}

static NameRequest *
name_request_new (CohortsWindow  *self,
                  AfterName       after,
                  const char     *subject,
                  CohortsComment *comment)
{
  NameRequest *request = g_new0 (NameRequest, 1);

  request->self = self;
  request->after = after;
  request->subject = g_strdup (subject);
  request->comment = comment ? g_object_ref (comment) : NULL;
  return request;
}

/* Writing a comment */

typedef struct
{
  CohortsWindow *self;
  char *subject;
  CohortsComment *reply_to;
  GtkDropDown *kind;
  GtkTextView *text;
} Compose;

static void
compose_free (Compose *compose)
{
  g_free (compose->subject);
  g_clear_object (&compose->reply_to);
  g_free (compose);
}

static char *
compose_text (Compose *compose)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (compose->text);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* A comment, a request or a note says something; an approval may stand alone. */
static void
compose_changed_cb (Compose *compose)
{
  GtkWidget *dialog = gtk_widget_get_ancestor (GTK_WIDGET (compose->text), ADW_TYPE_MESSAGE_DIALOG);
  g_autofree char *text = compose_text (compose);
  gboolean approve = gtk_drop_down_get_selected (compose->kind) == COHORTS_COMMENT_KIND_APPROVE;

  g_strstrip (text);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "add", approve || text[0] != '\0');
}

static void
compose_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     Compose          *compose)
{
  CohortsWindow *self = compose->self;
  g_autofree char *text = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "add") || self->plan == NULL)
    return;

  text = compose_text (compose);
  name = cohorts_window_get_reviewer_name (self);
  if (cohorts_plan_add_comment (self->plan, compose->subject, name,
                                gtk_drop_down_get_selected (compose->kind), g_strstrip (text),
                                compose->reply_to, &error) == NULL)
    cohorts_window_show_error (self, _("The Comment Could Not Be Added"), error->message);
}

static void
compose (CohortsWindow  *self,
         const char     *subject,
         CohortsComment *reply_to)
{
  Compose *compose;
  GtkWidget *dialog, *box, *frame, *scrolled;
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autofree char *what = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;

  if (self->plan == NULL || !cohorts_plan_has_subject (self->plan, subject))
    return;

  what = cohorts_review_describe_subject (self->plan, subject);
  if (reply_to != NULL)
    {
      /* Translators: a dialog's heading, "Reply to Canon Ruth Ellison" */
      heading = g_strdup_printf (_("Reply to %s"), cohorts_comment_get_author (reply_to));
    }
  else
    heading = g_strdup (_("Add Comment"));
  /* Translators: a dialog's text, "On St Mary's Church of England First School" */
  body = g_strdup_printf (_("On %s"), what);

  compose = g_new0 (Compose, 1);
  compose->self = self;
  compose->subject = g_strdup (subject);
  compose->reply_to = reply_to ? g_object_ref (reply_to) : NULL;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  gtk_widget_set_name (dialog, "compose-comment");
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "add", _("_Add"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "add", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "add", FALSE);

  for (int kind = COHORTS_COMMENT_KIND_COMMENT; kind <= COHORTS_COMMENT_KIND_NOTE; kind++)
    gtk_string_list_append (kinds, cohorts_enum_get_label (COHORTS_TYPE_COMMENT_KIND, kind));
  compose->kind = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&kinds)), NULL));
  gtk_accessible_update_property (GTK_ACCESSIBLE (compose->kind), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Kind"), -1);
  gtk_widget_set_halign (GTK_WIDGET (compose->kind), GTK_ALIGN_START);

  compose->text = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_wrap_mode (compose->text, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (compose->text, 8);
  gtk_text_view_set_bottom_margin (compose->text, 8);
  gtk_text_view_set_left_margin (compose->text, 8);
  gtk_text_view_set_right_margin (compose->text, 8);
  gtk_accessible_update_property (GTK_ACCESSIBLE (compose->text), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Comment"), -1);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 120);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (compose->text));
  frame = gtk_frame_new (NULL);
  gtk_frame_set_child (GTK_FRAME (frame), scrolled);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (compose->kind));
  gtk_box_append (GTK_BOX (box), frame);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 420, -1);

  g_signal_connect_swapped (gtk_text_view_get_buffer (compose->text), "changed",
                            G_CALLBACK (compose_changed_cb), compose);
  g_signal_connect_swapped (compose->kind, "notify::selected", G_CALLBACK (compose_changed_cb), compose);
  g_signal_connect_data (dialog, "response", G_CALLBACK (compose_response_cb), compose,
                         (GClosureNotify) (void (*) (void)) compose_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (GTK_WIDGET (compose->text));
}

static void
resolve (CohortsWindow  *self,
         CohortsComment *comment)
{
  g_autofree char *name = cohorts_window_get_reviewer_name (self);

  if (self->plan == NULL || cohorts_plan_find_comment (self->plan, cohorts_comment_get_id (comment)) != comment)
    return;
  cohorts_plan_resolve_comment (self->plan, comment, !cohorts_comment_get_resolved (comment), name);
}

static void
group_compose_cb (CohortsWindow      *self,
                  CohortsComment     *reply_to,
                  CohortsReviewGroup *group)
{
  const char *subject = cohorts_review_group_get_subject (group);

  if (subject != NULL)
    with_name (name_request_new (self, AFTER_NAME_COMPOSE, subject, reply_to));
}

static void
group_resolve_cb (CohortsWindow      *self,
                  CohortsComment     *comment,
                  CohortsReviewGroup *group)
{
  /* Only the plan's authors resolve, outside review mode. */
  if (!self->review_mode)
    with_name (name_request_new (self, AFTER_NAME_RESOLVE, NULL, comment));
}

/* Review mode */

static void
apply_review_mode (CohortsWindow *self,
                   gboolean       review_mode)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "review-mode");

  self->review_mode = !!review_mode;
  g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_boolean (self->review_mode));

  gtk_revealer_set_reveal_child (self->review_banner, self->review_mode);
  cohorts_editor_set_review_mode (self->editor, self->review_mode);
  cohorts_sidebar_set_read_only (self->sidebar, self->review_mode);
  cohorts_school_list_set_read_only (self->school_list, self->review_mode);
  cohorts_timeline_set_read_only (self->timeline, self->review_mode);

  cohorts_window_update_edit_actions (self);
  cohorts_window_update_register_actions (self);
  cohorts_window_update_suggest_actions (self);
}

/**
 * cohorts_window_set_review_mode:
 *
 * Enters review mode (asking the reviewer's name first when it is not
 * known; nothing happens if the question is cancelled) or leaves it.
 */
void
cohorts_window_set_review_mode (CohortsWindow *self,
                                gboolean       review_mode)
{
  g_return_if_fail (COHORTS_IS_WINDOW (self));

  if (self->review_mode == !!review_mode)
    return;
  if (review_mode)
    with_name (name_request_new (self, AFTER_NAME_REVIEW_MODE, NULL, NULL));
  else
    apply_review_mode (self, FALSE);
}

gboolean
cohorts_window_get_review_mode (CohortsWindow *self)
{
  g_return_val_if_fail (COHORTS_IS_WINDOW (self), FALSE);
  return self->review_mode;
}

static void
review_mode_change_state_cb (GSimpleAction *action,
                             GVariant      *state,
                             CohortsWindow *self)
{
  cohorts_window_set_review_mode (self, g_variant_get_boolean (state));
}

/* The Review window: every comment of the plan */

static void
fill_review_list (CohortsWindow *self)
{
  GtkListBox *list = g_object_get_data (G_OBJECT (self->review_window), "list");
  AdwWindowTitle *title = g_object_get_data (G_OBJECT (self->review_window), "title");
  GtkWidget *child;
  g_autoptr(GPtrArray) comments = NULL;
  g_autoptr(GArray) depths = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree char *subtitle = NULL;
  guint open;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);

  if (self->plan == NULL)
    return;

  /* Open comments first, then the resolved; each in its conversation. */
  comments = cohorts_review_thread_order (cohorts_plan_get_comments (self->plan), NULL, depths);
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < comments->len; i++)
      {
        CohortsComment *comment = g_ptr_array_index (comments, i);
        g_autofree char *what = NULL;
        GtkWidget *row;

        if (cohorts_comment_get_resolved (comment) != (pass == 1))
          continue;
        what = cohorts_review_describe_subject (self->plan, cohorts_comment_get_subject (comment));
        row = cohorts_review_make_row (comment, g_array_index (depths, guint, i), what);
        cohorts_review_row_add_suffix (row, gtk_image_new_from_icon_name ("go-next-symbolic"));
        gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
        gtk_list_box_append (list, row);
      }

  open = cohorts_plan_get_n_open_comments (self->plan);
  /* Translators: under the Review window's title, "2 open, 1 resolved" */
  subtitle = g_strdup_printf (_("%u open, %u resolved"), open, comments->len - open);
  adw_window_title_set_subtitle (title, subtitle);
}

static void
review_row_activated_cb (CohortsWindow *self,
                         GtkListBoxRow *row)
{
  CohortsComment *comment = g_object_get_data (G_OBJECT (row), "comment");

  if (comment != NULL && cohorts_window_show_subject (self, cohorts_comment_get_subject (comment)))
    gtk_window_present (GTK_WINDOW (self));
}

static void
review_window_destroy_cb (CohortsWindow *self)
{
  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_func (cohorts_plan_get_comments (self->plan), fill_review_list, self);
  self->review_window = NULL;
}

/**
 * cohorts_window_show_review:
 *
 * Shows (or brings up) the window that lists every comment of the plan.
 *
 * Returns: (transfer none): that window
 */
GtkWindow *
cohorts_window_show_review (CohortsWindow *self)
{
  GtkWidget *window, *box, *header, *scrolled, *clamp, *list, *placeholder;
  AdwWindowTitle *title;

  g_return_val_if_fail (COHORTS_IS_WINDOW (self), NULL);

  if (self->review_window != NULL)
    {
      gtk_window_present (self->review_window);
      return self->review_window;
    }

  window = adw_window_new ();
  gtk_widget_set_name (window, "review-window");
  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (self));
  gtk_window_set_default_size (GTK_WINDOW (window), 560, 640);
  gtk_window_set_title (GTK_WINDOW (window), _("Review"));

  title = ADW_WINDOW_TITLE (adw_window_title_new (_("Review"), NULL));
  header = adw_header_bar_new ();
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (title));

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_widget_set_valign (list, GTK_ALIGN_START);
  placeholder = gtk_label_new (_("No comments yet. Comments and decisions on a school, a cohort or "
                                 "the plan are added in the editor’s Review group."));
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 18);
  gtk_widget_set_margin_bottom (placeholder, 18);
  gtk_widget_set_margin_start (placeholder, 18);
  gtk_widget_set_margin_end (placeholder, 18);
  gtk_list_box_set_placeholder (GTK_LIST_BOX (list), placeholder);
  g_signal_connect_swapped (list, "row-activated", G_CALLBACK (review_row_activated_cb), self);

  clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 720);
  gtk_widget_set_margin_top (clamp, 18);
  gtk_widget_set_margin_bottom (clamp, 18);
  gtk_widget_set_margin_start (clamp, 12);
  gtk_widget_set_margin_end (clamp, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), list);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), scrolled);
  adw_window_set_content (ADW_WINDOW (window), box);

  g_object_set_data (G_OBJECT (window), "list", list);
  g_object_set_data (G_OBJECT (window), "title", title);
  self->review_window = GTK_WINDOW (window);
  g_signal_connect_swapped (window, "destroy", G_CALLBACK (review_window_destroy_cb), self);
  if (self->plan != NULL)
    g_signal_connect_object (cohorts_plan_get_comments (self->plan), "items-changed",
                             G_CALLBACK (fill_review_list), self, G_CONNECT_SWAPPED);
  fill_review_list (self);

  gtk_window_present (GTK_WINDOW (window));
  return GTK_WINDOW (window);
}

static void
show_review_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  cohorts_window_show_review (COHORTS_WINDOW (widget));
}

/* Called when the window's plan changes: the Review window follows it. */
void
cohorts_window_review_plan_set (CohortsWindow *self,
                                CohortsPlan   *old_plan)
{
  if (self->review_window == NULL)
    return;
  if (old_plan != NULL)
    g_signal_handlers_disconnect_by_func (cohorts_plan_get_comments (old_plan), fill_review_list, self);
  if (self->plan != NULL)
    g_signal_connect_object (cohorts_plan_get_comments (self->plan), "items-changed",
                             G_CALLBACK (fill_review_list), self, G_CONNECT_SWAPPED);
  fill_review_list (self);
}

void
cohorts_window_dispose_review (CohortsWindow *self)
{
  if (self->review_window != NULL)
    gtk_window_destroy (self->review_window);
  g_clear_pointer (&self->reviewer_name, g_free);
}

void
cohorts_window_class_init_review (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.show-review", NULL, show_review_action);
}

void
cohorts_window_init_review (CohortsWindow *self)
{
  g_autoptr(GSimpleAction) action = g_simple_action_new_stateful ("review-mode", NULL,
                                                                  g_variant_new_boolean (FALSE));
  GtkWidget *group = cohorts_editor_get_review_group (self->editor);

  g_signal_connect (action, "change-state", G_CALLBACK (review_mode_change_state_cb), self);
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (action));

  g_signal_connect_swapped (group, "compose", G_CALLBACK (group_compose_cb), self);
  g_signal_connect_swapped (group, "resolve", G_CALLBACK (group_resolve_cb), self);
}
