/* cohorts-window-recovery.c: autosave, and recovery after a crash
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A plan with unsaved changes is written to a recovery file
 * (cohorts-recovery.c) a minute after the first change since the last save
 * or autosave, and whenever the window loses the focus. The plan is turned
 * into bytes here, in the main thread (about 0.15 s at 25,000 schools, once
 * a minute at most), and written in a worker thread, so the window does not
 * wait for the disk. A save, closing without saving (Discard), and closing
 * a plan without changes remove the recovery; a crash leaves it, and the
 * next start offers it back: Recover opens it, modified, to be saved over
 * its original file; Discard removes it.
 */
#define G_LOG_DOMAIN "cohorts-window"

#include "config.h"

#include <glib/gi18n.h>

#include "cohorts-plan-xml.h"
#include "cohorts-recovery.h"
#include "cohorts-window-private.h"

typedef struct
{
  char *id;
  GBytes *bytes;
  char *uri;
  char *title;
} Autosave;

static void
autosave_free (Autosave *autosave)
{
  g_free (autosave->id);
  g_bytes_unref (autosave->bytes);
  g_free (autosave->uri);
  g_free (autosave->title);
  g_free (autosave);
}

static void
autosave_thread (GTask        *task,
                 gpointer      source,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  Autosave *autosave = task_data;
  GError *error = NULL;

  if (cohorts_recovery_write (autosave->id, autosave->bytes, autosave->uri, autosave->title, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
autosave_done_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  CohortsWindow *self = COHORTS_WINDOW (source);
  guint generation = GPOINTER_TO_UINT (user_data);
  GtkApplication *app = g_object_get_data (G_OBJECT (result), "application");
  g_autoptr(GError) error = NULL;

  self->autosaving = FALSE;
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    /* Not a dialog every minute: the next autosave tries again. */
    g_message ("Could not write the recovery file: %s", error->message);

  /* Saved, discarded or closed meanwhile: what was written is not wanted. */
  if (generation != self->recovery_generation && self->recovery_id != NULL)
    cohorts_recovery_discard (self->recovery_id);
  else if (self->autosave_again)
    {
      self->autosave_again = FALSE;
      cohorts_window_autosave_now (self);
    }
  self->autosave_again = FALSE;

  if (app != NULL)
    g_application_release (G_APPLICATION (app));
}

static gboolean
autosave_timeout_cb (gpointer user_data)
{
  CohortsWindow *self = user_data;

  self->autosave_source = 0;
  cohorts_window_autosave_now (self);
  return G_SOURCE_REMOVE;
}

/**
 * cohorts_window_autosave_now:
 *
 * Writes the plan to its recovery file if it has changed since the last
 * save or autosave (removes it if the plan is as saved). The file is
 * written in a thread: cohorts_window_is_autosaving() says when it is done.
 *
 * Returns: whether an autosave began (or was queued after the one running)
 */
gboolean
cohorts_window_autosave_now (CohortsWindow *self)
{
  GtkApplication *app;
  Autosave *autosave;
  g_autoptr(GTask) task = NULL;

  g_return_val_if_fail (COHORTS_IS_WINDOW (self), FALSE);

  g_clear_handle_id (&self->autosave_source, g_source_remove);
  if (self->plan == NULL || !self->autosave_pending)
    return FALSE;

  if (!cohorts_plan_is_modified (self->plan))
    {
      /* Undone back to what is saved. */
      self->autosave_pending = FALSE;
      cohorts_window_discard_recovery (self);
      return FALSE;
    }

  if (self->autosaving)
    {
      self->autosave_again = TRUE;
      return TRUE;
    }

  if (self->recovery_id == NULL)
    self->recovery_id = cohorts_recovery_new_id ();

  autosave = g_new0 (Autosave, 1);
  autosave->id = g_strdup (self->recovery_id);
  autosave->bytes = cohorts_plan_xml_to_bytes (self->plan);
  autosave->uri = self->file ? g_file_get_uri (self->file) : NULL;
  autosave->title = cohorts_window_dup_plan_name (self);
  self->autosave_pending = FALSE;
  self->autosaving = TRUE;
  g_debug ("Autosaving %s to the recovery %s", autosave->title, autosave->id);

  task = g_task_new (self, NULL, autosave_done_cb, GUINT_TO_POINTER (self->recovery_generation));
  g_task_set_source_tag (task, cohorts_window_autosave_now);
  g_task_set_task_data (task, autosave, (GDestroyNotify) autosave_free);
  /* The application does not quit before the recovery is dealt with. */
  app = gtk_window_get_application (GTK_WINDOW (self));
  if (app != NULL)
    {
      g_application_hold (G_APPLICATION (app));
      g_object_set_data_full (G_OBJECT (task), "application", g_object_ref (app), g_object_unref);
    }
  g_task_run_in_thread (task, autosave_thread);
  return TRUE;
}

/**
 * cohorts_window_is_autosaving:
 *
 * Returns: whether a recovery file is being written
 */
gboolean
cohorts_window_is_autosaving (CohortsWindow *self)
{
  g_return_val_if_fail (COHORTS_IS_WINDOW (self), FALSE);
  return self->autosaving;
}

/**
 * cohorts_window_get_recovery_id:
 *
 * Returns: (nullable): the name of the window's recovery files, once it has
 *   written one or recovered one
 */
const char *
cohorts_window_get_recovery_id (CohortsWindow *self)
{
  g_return_val_if_fail (COHORTS_IS_WINDOW (self), NULL);
  return self->recovery_id;
}

/* The plan changed: autosave within the minute. */
void
cohorts_window_recovery_plan_changed (CohortsWindow *self)
{
  self->autosave_pending = TRUE;
  if (self->autosave_source == 0)
    self->autosave_source = g_timeout_add_seconds (COHORTS_AUTOSAVE_INTERVAL, autosave_timeout_cb, self);
}

/* The plan was saved: the recovery is not needed, unless it changed since. */
void
cohorts_window_recovery_saved (CohortsWindow *self)
{
  cohorts_window_discard_recovery (self);
  self->autosave_pending = FALSE;
  g_clear_handle_id (&self->autosave_source, g_source_remove);
  if (self->plan != NULL && cohorts_plan_is_modified (self->plan))
    cohorts_window_recovery_plan_changed (self);
}

/* Removes the recovery; one being written is removed when it is done. */
void
cohorts_window_discard_recovery (CohortsWindow *self)
{
  self->recovery_generation++;
  if (self->recovery_id != NULL)
    {
      g_debug ("Removing the recovery %s", self->recovery_id);
      cohorts_recovery_discard (self->recovery_id);
    }
}

/* Another plan (or none): the last one's recovery goes. */
void
cohorts_window_recovery_plan_set (CohortsWindow *self)
{
  cohorts_window_discard_recovery (self);
  g_clear_pointer (&self->recovery_id, g_free);
  g_clear_handle_id (&self->autosave_source, g_source_remove);
  self->autosave_pending = FALSE;
}

static void
is_active_cb (CohortsWindow *self)
{
  if (!gtk_window_is_active (GTK_WINDOW (self)) && self->autosave_pending)
    cohorts_window_autosave_now (self);
}

void
cohorts_window_init_recovery (CohortsWindow *self)
{
  g_signal_connect (self, "notify::is-active", G_CALLBACK (is_active_cb), NULL);
}

void
cohorts_window_dispose_recovery (CohortsWindow *self)
{
  /* A window destroyed without closing keeps its recovery. */
  g_clear_handle_id (&self->autosave_source, g_source_remove);
}

void
cohorts_window_finalize_recovery (CohortsWindow *self)
{
  g_clear_pointer (&self->recovery_id, g_free);
}

/* Offering recoveries after a crash */

typedef struct
{
  CohortsWindow *self;
  GPtrArray *orphans;   /* CohortsRecovery, oldest first */
  guint next;
} Offer;

static void
offer_free (Offer *offer)
{
  g_object_unref (offer->self);
  g_ptr_array_unref (offer->orphans);
  g_free (offer);
}

static GtkWindow *show_next (Offer *offer);

/* "14:32" today, "22 November at 14:32" before. */
static char *
format_when (GDateTime *time)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (time);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  if (g_date_time_get_year (local) == g_date_time_get_year (now) &&
      g_date_time_get_day_of_year (local) == g_date_time_get_day_of_year (now))
    /* Translators: when unsaved changes were made, today (strftime) */
    return g_date_time_format (local, _("%H:%M"));
  /* Translators: when unsaved changes were made, before today (strftime): "22 November at 14:32" */
  return g_date_time_format (local, _("%-d %B at %H:%M"));
}

/* Where a recovered plan goes: this window if it is empty, else one showing
 * its file without changes (the plan opened at start-up), else a new one. */
static CohortsWindow *
window_for (CohortsWindow *self,
            GFile         *file)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  CohortsWindow *window;

  if (cohorts_window_is_empty (self))
    return self;

  if (file != NULL && app != NULL)
    for (GList *l = gtk_application_get_windows (app); l; l = l->next)
      {
        if (!COHORTS_IS_WINDOW (l->data))
          continue;
        window = l->data;
        if (window->plan != NULL && window->file != NULL && g_file_equal (window->file, file) &&
            !cohorts_plan_is_modified (window->plan) && !window->saving)
          return window;
      }

  window = cohorts_window_new (COHORTS_IS_APPLICATION (app) ? COHORTS_APPLICATION (app) : NULL);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static void
recover (CohortsWindow   *self,
         CohortsRecovery *recovery)
{
  g_autoptr(CohortsPlan) plan = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  CohortsWindow *window;

  /* Ours now: another Cohorts starting meanwhile does not offer it. */
  if (!cohorts_recovery_claim (recovery, &error) ||
      (plan = cohorts_recovery_load (recovery, &error)) == NULL)
    {
      cohorts_window_show_error (self, _("Could Not Recover Plan"), error->message);
      return;
    }

  file = recovery->original_uri ? g_file_new_for_uri (recovery->original_uri) : NULL;
  window = window_for (self, file);
  cohorts_window_set_plan (window, plan, file);
  /* Not saved: Save writes it to its file, closing asks first. */
  cohorts_history_mark_unsaved (cohorts_plan_get_history (plan));
  window->recovery_id = g_strdup (recovery->id);
  gtk_window_present (GTK_WINDOW (window));
}

static void
offer_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   Offer            *offer)
{
  CohortsRecovery *recovery = g_ptr_array_index (offer->orphans, offer->next);

  if (g_str_equal (response, "recover"))
    recover (offer->self, recovery);
  else if (g_str_equal (response, "discard"))
    cohorts_recovery_discard (recovery->id);
  /* Closed without an answer: offered again at the next start. */

  offer->next++;
  if (show_next (offer) == NULL)
    offer_free (offer);
}

static GtkWindow *
show_next (Offer *offer)
{
  CohortsRecovery *recovery;
  GtkWidget *dialog;
  g_autofree char *when = NULL;
  g_autofree char *body = NULL;

  if (offer->next >= offer->orphans->len)
    return NULL;

  recovery = g_ptr_array_index (offer->orphans, offer->next);
  when = format_when (recovery->time);
  /* Translators: "Changes to “Northfield Learning Trust” from 14:32 were not saved."; the
   * time is one of the two formats above, "14:32" or "22 November at 14:32" */
  body = g_strdup_printf (_("Changes to “%s” from %s were not saved."),
                          recovery->title[0] ? recovery->title : _("Untitled Plan"), when);

  dialog = adw_message_dialog_new (GTK_WINDOW (offer->self), _("Recover Unsaved Changes?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "discard", _("_Discard"),
                                    "recover", _("_Recover"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "recover", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "recover");
  /* Escape keeps the changes for next time: it never throws them away. */
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "later");
  g_signal_connect (dialog, "response", G_CALLBACK (offer_response_cb), offer);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

/**
 * cohorts_window_offer_recovery:
 *
 * Looks for the recoveries of Cohorts processes that are gone (crashed or
 * killed) and asks, one after the other, whether to recover each: Recover
 * shows it in this window if it is empty, else in the window showing its
 * file unchanged, else in a new one.
 *
 * Returns: (transfer none) (nullable): the first dialog, or %NULL if there
 *   is nothing to recover
 */
GtkWindow *
cohorts_window_offer_recovery (CohortsWindow *self)
{
  Offer *offer;
  GtkWindow *dialog;

  g_return_val_if_fail (COHORTS_IS_WINDOW (self), NULL);

  offer = g_new0 (Offer, 1);
  offer->self = g_object_ref (self);
  offer->orphans = cohorts_recovery_list_orphans ();
  dialog = show_next (offer);
  if (dialog == NULL)
    offer_free (offer);
  return dialog;
}
