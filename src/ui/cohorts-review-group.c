/* cohorts-review-group.c: the comments and decisions on a school, a cohort or the plan
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The first group of the editor's page: what reviewers said about what the
 * editor shows, each reply under the comment it answers, resolved ones
 * greyed. "Add Comment" and each comment's Reply and Resolve buttons ask the
 * window (signals "compose" and "resolve"), which knows the reviewer's name
 * and whether the window is in review mode.
 */
#define G_LOG_DOMAIN "cohorts-review"

#include "config.h"

#include <glib/gi18n.h>

#include "cohorts-review-group.h"

/* Replies are indented by their depth, up to this many levels. */
#define MAX_INDENT 4

struct _CohortsReviewGroup
{
  AdwPreferencesGroup parent_instance;

  CohortsPlan *plan;
  char *subject;
  gboolean review_mode;
  GtkWidget *add_button;
  GPtrArray *rows;          /* the rows shown, each with its "comment" */
};

G_DEFINE_FINAL_TYPE (CohortsReviewGroup, cohorts_review_group, ADW_TYPE_PREFERENCES_GROUP)

enum {
  COMPOSE,
  RESOLVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/**
 * cohorts_review_describe_subject:
 *
 * Returns: what @subject is, for people: a school's or cohort's name, or
 *   "The plan"
 */
char *
cohorts_review_describe_subject (CohortsPlan *plan,
                                 const char  *subject)
{
  if (g_str_has_prefix (subject, "school:"))
    {
      CohortsSchool *school = cohorts_plan_find_school (plan, (guint) atoi (subject + strlen ("school:")));

      if (school != NULL)
        return g_strdup (cohorts_school_get_name (school));
    }
  else if (g_str_has_prefix (subject, "cohort:"))
    {
      CohortsCohort *cohort = cohorts_plan_find_cohort (plan, subject + strlen ("cohort:"));

      if (cohort != NULL)
        return cohorts_cohort_dup_display_name (cohort);
    }
  return g_strdup (_("The plan"));
}

static void
add_thread (GPtrArray      *out,
            GArray         *depths,
            GHashTable     *replies,
            CohortsComment *comment,
            guint           depth)
{
  GPtrArray *answers = g_hash_table_lookup (replies, cohorts_comment_get_id (comment));

  g_ptr_array_add (out, g_object_ref (comment));
  if (depths != NULL)
    g_array_append_val (depths, depth);
  if (answers != NULL)
    for (guint i = 0; i < answers->len; i++)
      add_thread (out, depths, replies, g_ptr_array_index (answers, i), depth + 1);
}

/**
 * cohorts_review_thread_order:
 * @subject: (nullable): only the comments about it, or all
 * @depths: (nullable): filled with each one's depth (0 for a comment that
 *   answers none)
 *
 * Returns: (transfer full) (element-type CohortsComment): the comments in
 *   the order of their conversations: each followed by its replies
 */
GPtrArray *
cohorts_review_thread_order (GListModel *comments,
                             const char *subject,
                             GArray     *depths)
{
  g_autoptr(GHashTable) replies = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                          (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) roots = g_ptr_array_new_with_free_func (g_object_unref);
  GPtrArray *out = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (comments);

  for (guint i = 0; i < n; i++)
    {
      CohortsComment *comment = g_list_model_get_item (comments, i);
      const char *reply_to = cohorts_comment_get_reply_to (comment);

      if (subject != NULL && g_strcmp0 (cohorts_comment_get_subject (comment), subject) != 0)
        {
          g_object_unref (comment);
          continue;
        }
      if (reply_to == NULL)
        g_ptr_array_add (roots, comment);
      else
        {
          GPtrArray *answers = g_hash_table_lookup (replies, reply_to);

          if (answers == NULL)
            {
              answers = g_ptr_array_new_with_free_func (g_object_unref);
              g_hash_table_insert (replies, (gpointer) reply_to, answers);
            }
          g_ptr_array_add (answers, comment);
        }
    }

  for (guint i = 0; i < roots->len; i++)
    add_thread (out, depths, replies, g_ptr_array_index (roots, i), 0);
  return out;
}

static const char *
kind_icon (CohortsCommentKind kind)
{
  switch (kind)
    {
    case COHORTS_COMMENT_KIND_APPROVE:
      return "emblem-ok-symbolic";
    case COHORTS_COMMENT_KIND_REQUEST_CHANGES:
      return "dialog-warning-symbolic";
    case COHORTS_COMMENT_KIND_NOTE:
      return "document-edit-symbolic";
    case COHORTS_COMMENT_KIND_COMMENT:
    default:
      return "user-available-symbolic";
    }
}

static GtkWidget *
row_label (const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/**
 * cohorts_review_make_row:
 * @title: (nullable): a heading above the comment (what it is about), or
 *   %NULL
 *
 * Returns: (transfer floating): a row that shows @comment: who, what kind,
 *   when, what it says and whether it is resolved; indented by @depth.
 *   cohorts_review_row_add_suffix() adds buttons at its end.
 */
GtkWidget *
cohorts_review_make_row (CohortsComment *comment,
                         guint           depth,
                         const char     *title)
{
  /* A preferences row, so that a preferences group puts it in its boxed list. */
  GtkWidget *row = adw_preferences_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *suffixes = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *icon, *label, *actions;
  g_autofree char *when = cohorts_date_time_format (cohorts_comment_get_at (comment));
  g_autofree char *meta = NULL;
  const char *text = cohorts_comment_get_text (comment);
  const char *kind = cohorts_enum_get_label (COHORTS_TYPE_COMMENT_KIND, cohorts_comment_get_kind (comment));

  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_margin_start (box, 12 + 18 * MIN (depth, MAX_INDENT));
  gtk_widget_set_margin_end (box, 8);

  icon = gtk_image_new_from_icon_name (depth > 0 ? "mail-reply-sender-symbolic"
                                                 : kind_icon (cohorts_comment_get_kind (comment)));
  gtk_widget_set_tooltip_text (icon, kind);
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_set_margin_top (icon, 2);
  gtk_box_append (GTK_BOX (box), icon);

  gtk_widget_set_hexpand (content, TRUE);
  if (title != NULL)
    gtk_box_append (GTK_BOX (content), row_label (title, "heading"));
  label = row_label (cohorts_comment_get_author (comment), title ? NULL : "heading");
  gtk_box_append (GTK_BOX (content), label);
  /* Translators: in a comment's row, "Request Changes · 18 November 2026, 10:42" */
  meta = g_strdup_printf (_("%s · %s"), kind, when);
  label = row_label (meta, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (content), label);
  if (text[0] != '\0')
    {
      label = row_label (text, NULL);
      gtk_widget_set_margin_top (label, 3);
      gtk_box_append (GTK_BOX (content), label);
    }

  if (cohorts_comment_get_resolved (comment))
    {
      const char *by = cohorts_comment_get_resolved_by (comment);
      g_autofree char *at = cohorts_date_time_format (cohorts_comment_get_resolved_at (comment));
      g_autofree char *line = NULL;

      if (by != NULL && at[0] != '\0')
        /* Translators: "Resolved by Helen Marsh, 19 November 2026, 16:05" */
        line = g_strdup_printf (_("Resolved by %s, %s"), by, at);
      else if (by != NULL)
        line = g_strdup_printf (_("Resolved by %s"), by);
      else
        line = g_strdup (_("Resolved"));
      label = row_label (line, "caption");
      gtk_box_append (GTK_BOX (content), label);
      gtk_widget_add_css_class (row, "dim-label");
    }
  /* Reply, Resolve: under the text, where the narrow editor has room. */
  actions = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_halign (actions, GTK_ALIGN_START);
  gtk_widget_set_visible (actions, FALSE);
  gtk_box_append (GTK_BOX (content), actions);
  gtk_box_append (GTK_BOX (box), content);

  gtk_widget_set_valign (suffixes, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), suffixes);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), cohorts_comment_get_author (comment));

  g_object_set_data (G_OBJECT (row), "suffixes", suffixes);
  g_object_set_data (G_OBJECT (row), "actions", actions);
  g_object_set_data_full (G_OBJECT (row), "comment", g_object_ref (comment), g_object_unref);
  return row;
}

/* Adds a button under the comment's text. */
static void
row_add_action (GtkWidget *row,
                GtkWidget *button)
{
  GtkWidget *actions = g_object_get_data (G_OBJECT (row), "actions");

  gtk_box_append (GTK_BOX (actions), button);
  gtk_widget_set_visible (actions, TRUE);
}

/**
 * cohorts_review_row_add_suffix:
 *
 * Adds @widget (a button, an arrow) at the end of a row made by
 * cohorts_review_make_row().
 */
void
cohorts_review_row_add_suffix (GtkWidget *row,
                               GtkWidget *widget)
{
  GtkWidget *suffixes = g_object_get_data (G_OBJECT (row), "suffixes");

  g_return_if_fail (GTK_IS_BOX (suffixes));
  gtk_box_append (GTK_BOX (suffixes), widget);
}

static void
reply_clicked_cb (GtkButton          *button,
                  CohortsReviewGroup *self)
{
  CohortsComment *comment = g_object_get_data (G_OBJECT (button), "comment");

  g_signal_emit (self, signals[COMPOSE], 0, comment);
}

static void
resolve_clicked_cb (GtkButton          *button,
                    CohortsReviewGroup *self)
{
  CohortsComment *comment = g_object_get_data (G_OBJECT (button), "comment");

  g_signal_emit (self, signals[RESOLVE], 0, comment);
}

static void
refill (CohortsReviewGroup *self)
{
  g_autoptr(GPtrArray) comments = NULL;
  g_autoptr(GArray) depths = g_array_new (FALSE, FALSE, sizeof (guint));
  guint open = 0;

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  if (self->plan == NULL || self->subject == NULL)
    return;

  comments = cohorts_review_thread_order (cohorts_plan_get_comments (self->plan), self->subject, depths);
  for (guint i = 0; i < comments->len; i++)
    {
      CohortsComment *comment = g_ptr_array_index (comments, i);
      GtkWidget *row = cohorts_review_make_row (comment, g_array_index (depths, guint, i), NULL);
      GtkWidget *button;
      gboolean resolved = cohorts_comment_get_resolved (comment);

      open += !resolved;

      button = gtk_button_new_with_label (_("Reply"));
      gtk_widget_set_name (button, "reply");
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, _("Answer this comment"));
      g_object_set_data (G_OBJECT (button), "comment", comment);
      g_signal_connect (button, "clicked", G_CALLBACK (reply_clicked_cb), self);
      row_add_action (row, button);

      /* Resolving is for the plan's authors, outside review mode. */
      if (!self->review_mode)
        {
          /* Words, not a tick: a tick is what an approval shows. */
          button = gtk_button_new_with_label (resolved ? _("Reopen") : _("Resolve"));
          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (button, "flat");
          gtk_widget_set_name (button, "resolve");
          gtk_widget_set_tooltip_text (button, resolved ? _("Open the comment again")
                                                        : _("Mark the comment as dealt with"));
          g_object_set_data (G_OBJECT (button), "comment", comment);
          g_signal_connect (button, "clicked", G_CALLBACK (resolve_clicked_cb), self);
          row_add_action (row, button);
        }

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
      g_ptr_array_add (self->rows, row);
    }

  if (comments->len == 0)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self), _("No comments yet"));
  else
    {
      g_autofree char *description =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u comment, %u open", "%u comments, %u open",
                                      comments->len),
                         comments->len, open);
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self), description);
    }
}

static void
comments_changed_cb (CohortsReviewGroup *self)
{
  refill (self);
}

static void
add_clicked_cb (CohortsReviewGroup *self)
{
  g_signal_emit (self, signals[COMPOSE], 0, NULL);
}

static void
cohorts_review_group_dispose (GObject *object)
{
  CohortsReviewGroup *self = COHORTS_REVIEW_GROUP (object);

  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_data (cohorts_plan_get_comments (self->plan), self);
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (cohorts_review_group_parent_class)->dispose (object);
}

static void
cohorts_review_group_finalize (GObject *object)
{
  CohortsReviewGroup *self = COHORTS_REVIEW_GROUP (object);

  g_free (self->subject);
  g_ptr_array_unref (self->rows);

  G_OBJECT_CLASS (cohorts_review_group_parent_class)->finalize (object);
}

static void
cohorts_review_group_class_init (CohortsReviewGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cohorts_review_group_dispose;
  object_class->finalize = cohorts_review_group_finalize;

  /**
   * CohortsReviewGroup::compose:
   * @reply_to: (nullable): the comment to answer, or %NULL for a new one
   *
   * Asks for a new comment on the subject.
   */
  signals[COMPOSE] = g_signal_new ("compose", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 1, COHORTS_TYPE_COMMENT);
  /**
   * CohortsReviewGroup::resolve:
   *
   * Asks to resolve @comment, or to reopen it when it is resolved.
   */
  signals[RESOLVE] = g_signal_new ("resolve", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 1, COHORTS_TYPE_COMMENT);
}

static void
cohorts_review_group_init (CohortsReviewGroup *self)
{
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  self->rows = g_ptr_array_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Review"));

  gtk_box_append (GTK_BOX (content), gtk_image_new_from_icon_name ("list-add-symbolic"));
  gtk_box_append (GTK_BOX (content), gtk_label_new_with_mnemonic (_("Add _Comment")));
  self->add_button = gtk_button_new ();
  gtk_button_set_child (GTK_BUTTON (self->add_button), content);
  gtk_widget_set_name (self->add_button, "add-comment");
  gtk_widget_set_valign (self->add_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->add_button, "flat");
  gtk_widget_set_tooltip_text (self->add_button, _("Add a comment or a decision"));
  g_signal_connect_swapped (self->add_button, "clicked", G_CALLBACK (add_clicked_cb), self);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self), self->add_button);
}

GtkWidget *
cohorts_review_group_new (void)
{
  return g_object_new (COHORTS_TYPE_REVIEW_GROUP, NULL);
}

/**
 * cohorts_review_group_set_subject:
 * @subject: (nullable): "plan", "school:URN" or "cohort:ID"
 *
 * Shows the comments about @subject in @plan, as they change.
 */
void
cohorts_review_group_set_subject (CohortsReviewGroup *self,
                                  CohortsPlan        *plan,
                                  const char         *subject)
{
  g_return_if_fail (COHORTS_IS_REVIEW_GROUP (self));

  if (self->plan != plan)
    {
      if (self->plan != NULL)
        g_signal_handlers_disconnect_by_data (cohorts_plan_get_comments (self->plan), self);
      g_set_object (&self->plan, plan);
      if (plan != NULL)
        g_signal_connect_object (cohorts_plan_get_comments (plan), "items-changed",
                                 G_CALLBACK (comments_changed_cb), self, G_CONNECT_SWAPPED);
    }
  g_free (self->subject);
  self->subject = g_strdup (subject);
  refill (self);
}

const char *
cohorts_review_group_get_subject (CohortsReviewGroup *self)
{
  g_return_val_if_fail (COHORTS_IS_REVIEW_GROUP (self), NULL);
  return self->subject;
}

void
cohorts_review_group_set_review_mode (CohortsReviewGroup *self,
                                      gboolean            review_mode)
{
  g_return_if_fail (COHORTS_IS_REVIEW_GROUP (self));

  if (self->review_mode == !!review_mode)
    return;
  self->review_mode = !!review_mode;
  refill (self);
}

GtkWidget *
cohorts_review_group_get_add_button (CohortsReviewGroup *self)
{
  g_return_val_if_fail (COHORTS_IS_REVIEW_GROUP (self), NULL);
  return self->add_button;
}

/**
 * cohorts_review_group_get_row:
 *
 * Returns: (transfer none) (nullable): the row of @comment (for tests)
 */
GtkWidget *
cohorts_review_group_get_row (CohortsReviewGroup *self,
                              CohortsComment     *comment)
{
  g_return_val_if_fail (COHORTS_IS_REVIEW_GROUP (self), NULL);

  for (guint i = 0; i < self->rows->len; i++)
    if (g_object_get_data (g_ptr_array_index (self->rows, i), "comment") == comment)
      return g_ptr_array_index (self->rows, i);
  return NULL;
}
