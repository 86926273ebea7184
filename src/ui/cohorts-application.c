/* cohorts-application.c: the application
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One window per plan. Opening a plan that is already open shows its window;
 * otherwise the plan goes to an empty window, or a new one.
 */
#define G_LOG_DOMAIN "cohorts-application"

#include "config.h"

#include <glib/gi18n.h>

#include "cohorts-application.h"
#include "cohorts-window.h"

struct _CohortsApplication
{
  AdwApplication parent_instance;

  GSettings *settings;
  gboolean recovery_offered;
};

G_DEFINE_FINAL_TYPE (CohortsApplication, cohorts_application, ADW_TYPE_APPLICATION)

static CohortsWindow *
find_window (CohortsApplication *self,
             GFile              *file)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    {
      CohortsWindow *window;
      GFile *window_file;

      if (!COHORTS_IS_WINDOW (l->data))
        continue;
      window = l->data;
      window_file = cohorts_window_get_file (window);

      if (file == NULL ? cohorts_window_is_empty (window)
                       : (window_file != NULL && g_file_equal (window_file, file)))
        return window;
    }

  return NULL;
}

static CohortsWindow *
new_window (CohortsApplication *self)
{
  return cohorts_window_new (self);
}

/**
 * cohorts_application_open_file:
 *
 * Shows @file: in its window if it is open already, else in an empty window,
 * else in a new one.
 */
void
cohorts_application_open_file (CohortsApplication *self,
                               GFile              *file)
{
  CohortsWindow *window;

  g_return_if_fail (COHORTS_IS_APPLICATION (self));
  g_return_if_fail (G_IS_FILE (file));

  window = find_window (self, file);
  if (window == NULL)
    {
      window = find_window (self, NULL);
      if (window == NULL)
        window = new_window (self);
      cohorts_window_open_file (window, file);
    }

  gtk_window_present (GTK_WINDOW (window));
}

/* At the first start, over the first window: the unsaved changes of a
 * Cohorts that crashed, if any. */
static void
offer_recovery (CohortsApplication *self)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  if (self->recovery_offered || windows == NULL || !COHORTS_IS_WINDOW (windows->data))
    return;
  self->recovery_offered = TRUE;
  cohorts_window_offer_recovery (windows->data);
}

static void
cohorts_application_activate (GApplication *application)
{
  CohortsApplication *self = COHORTS_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    window = GTK_WINDOW (new_window (self));
  gtk_window_present (window);
  offer_recovery (self);
}

static void
cohorts_application_open (GApplication  *application,
                          GFile        **files,
                          int            n_files,
                          const char    *hint)
{
  for (int i = 0; i < n_files; i++)
    cohorts_application_open_file (COHORTS_APPLICATION (application), files[i]);
  offer_recovery (COHORTS_APPLICATION (application));
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  CohortsApplication *self = user_data;
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  /* Each window asks about its unsaved changes before it closes. */
  for (GList *l = windows; l; l = l->next)
    gtk_window_close (l->data);
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  CohortsApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  static const char *developers[] = { "The Cohorts developers", NULL };

  adw_show_about_window (parent,
                         "application-name", _("Cohorts"),
                         "application-icon", APP_ID,
                         "version", PACKAGE_VERSION,
                         "comments", _("Plan how a group of schools converts into a multi-academy trust"),
                         "developer-name", _("The Cohorts developers"),
                         "developers", developers,
                         "copyright", "© 2026 The Cohorts developers",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         /* Translators: your name and e-mail, one a line */
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated },
  { "about", about_activated },
};

static void
cohorts_application_startup (GApplication *application)
{
  CohortsApplication *self = COHORTS_APPLICATION (application);
  static const char *quit_accels[] = { "<Control>q", NULL };

  G_APPLICATION_CLASS (cohorts_application_parent_class)->startup (application);

  /* Without its schema (run from the build tree outside "meson devenv") the
   * app still works; it just does not remember window sizes. */
  {
    GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
    g_autoptr(GSettingsSchema) schema = NULL;

    if (source != NULL)
      schema = g_settings_schema_source_lookup (source, "io.github.cohorts.Cohorts", TRUE);
    if (schema != NULL)
      self->settings = g_settings_new_full (schema, NULL, NULL);
    else
      g_message ("The settings schema io.github.cohorts.Cohorts is not installed; "
                 "window sizes will not be remembered");
  }

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.open",
                                         (const char *[]) { "<Control>o", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.save",
                                         (const char *[]) { "<Control>s", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.save-as",
                                         (const char *[]) { "<Control><Shift>s", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close",
                                         (const char *[]) { "<Control>w", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.new-plan",
                                         (const char *[]) { "<Control>n", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.undo",
                                         (const char *[]) { "<Control>z", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.redo",
                                         (const char *[]) { "<Control><Shift>z", "<Control>y", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.add-school",
                                         (const char *[]) { "<Control><Shift>a", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.add-from-register",
                                         (const char *[]) { "<Control>r", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.new-cohort",
                                         (const char *[]) { "<Control><Shift>n", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.suggest-cohorts",
                                         (const char *[]) { "<Control><Shift>g", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-move-menu",
                                         (const char *[]) { "<Control>m", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.cohort-move-up",
                                         (const char *[]) { "<Alt>Up", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.cohort-move-down",
                                         (const char *[]) { "<Alt>Down", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-editor",
                                         (const char *[]) { "F9", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.find",
                                         (const char *[]) { "<Control>f", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.print",
                                         (const char *[]) { "<Control>p", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.export-timeline",
                                         (const char *[]) { "<Control><Shift>e", NULL });
}

static void
cohorts_application_finalize (GObject *object)
{
  CohortsApplication *self = (CohortsApplication *) object;

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (cohorts_application_parent_class)->finalize (object);
}

static void
cohorts_application_class_init (CohortsApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = cohorts_application_finalize;
  app_class->activate = cohorts_application_activate;
  app_class->open = cohorts_application_open;
  app_class->startup = cohorts_application_startup;
}

static void
cohorts_application_init (CohortsApplication *self)
{
}

/**
 * cohorts_application_get_settings:
 *
 * Returns: (transfer none) (nullable): the settings, or %NULL when the
 *   schema is not installed
 */
GSettings *
cohorts_application_get_settings (CohortsApplication *self)
{
  g_return_val_if_fail (COHORTS_IS_APPLICATION (self), NULL);
  return self->settings;
}

CohortsApplication *
cohorts_application_new (void)
{
  CohortsApplication *self = g_object_new (COHORTS_TYPE_APPLICATION,
                                           "application-id", APP_ID,
                                           "flags", G_APPLICATION_HANDLES_OPEN,
                                           "resource-base-path", "/io/github/cohorts/Cohorts",
                                           NULL);

  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[PLAN…]"));
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Plan how a group of schools converts into a multi-academy trust."));
  g_application_set_option_context_description (G_APPLICATION (self),
                                                _("Commands that need no display:\n"
                                                  "  --check PLAN         Check a plan; print its findings, one a line\n"
                                                  "  --convert OUT PLAN   Save PLAN as OUT in the current format\n"
                                                  "See “cohorts --check --help”."));
  return self;
}
