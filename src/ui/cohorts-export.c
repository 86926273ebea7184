/* cohorts-export.c: writing the timeline and the board pack to files, in a worker thread
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The timeline's pages are laid out on the main thread, from the plan; the
 * thread only draws them with cairo and pango and writes the files (aside,
 * then renamed into place: a failed or cancelled export leaves old files as
 * they were). The board pack reads the plan in the thread. Either way the
 * plan must not change meanwhile: the window shows a modal progress dialog.
 * What refers to the plan is freed back on the main thread.
 */
#define G_LOG_DOMAIN "cohorts-export"

#include "config.h"

#include <glib/gi18n.h>

#include "cohorts-board-pack.h"
#include "cohorts-diocese-summary.h"
#include "cohorts-export.h"

typedef struct
{
  CohortsTimelineRows *rows;   /* main thread only, apart from drawing */
  CohortsPaper *paper;
  CohortsPlan *plan;           /* the board pack's and the diocesan summary's */
  char *diocese;               /* the diocesan summary's */
  CohortsPaperSize paper_size;
  char *edition;
  CohortsDate today;
  char *path;
  CohortsExportFormat format;
  double page_width;
  double page_height;
  CohortsProgressFunc progress;
  gpointer progress_data;
  GTask *outer;                /* what the caller waits for */
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  /* What refers to the plan is gone by now (export_done()). */
  g_assert (job->rows == NULL && job->paper == NULL && job->plan == NULL);
  g_free (job->edition);
  g_free (job->diocese);
  g_free (job->path);
  g_free (job);
}

static void
timeline_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  ExportJob *job = task_data;
  GError *error = NULL;

  if (cohorts_paper_export (job->paper, job->path, job->format, job->page_width, job->page_height,
                            cancellable, job->progress, job->progress_data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* Back on the main thread. */
static void
export_done (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GTask) outer = g_steal_pointer (&job->outer);
  GError *error = NULL;

  g_clear_pointer (&job->paper, cohorts_paper_free);
  g_clear_object (&job->rows);
  g_clear_object (&job->plan);

  if (g_task_propagate_boolean (G_TASK (result), &error))
    g_task_return_boolean (outer, TRUE);
  else
    g_task_return_error (outer, error);
}

/* A job for @plan's export to @path, and the task its caller waits for. */
static ExportJob *
export_job_new (CohortsPlan         *plan,
                const char          *path,
                const char          *edition,
                CohortsDate          today,
                CohortsProgressFunc  progress,
                gpointer             progress_data,
                GCancellable        *cancellable,
                GAsyncReadyCallback  callback,
                gpointer             user_data,
                gpointer             source_tag)
{
  ExportJob *job = g_new0 (ExportJob, 1);

  job->outer = g_task_new (plan, cancellable, callback, user_data);
  g_task_set_source_tag (job->outer, source_tag);
  job->path = g_strdup (path);
  job->edition = g_strdup (edition);
  job->today = today;
  job->progress = progress;
  job->progress_data = progress_data;
  return job;
}

/* Runs @thread on @job in a worker; export_done() answers the caller. */
static void
export_job_run (ExportJob        *job,
                GCancellable     *cancellable,
                gpointer          source_tag,
                GTaskThreadFunc   thread)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, export_done, NULL);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, thread);
}

/**
 * cohorts_export_timeline_async:
 * @path: the file; its extension chooses the format (.pdf, .svg, .png)
 * @choices: what to show, on which paper
 * @edition: (nullable): which version of @plan this is, for every page
 * @today: where the today line goes, and the date on every page
 * @progress: (nullable): told of each page written, in the worker thread
 *
 * Writes @plan's timeline to @path in a worker thread. @plan must not
 * change until @callback is called.
 */
void
cohorts_export_timeline_async (CohortsPlan               *plan,
                               const char                *path,
                               const CohortsPrintChoices *choices,
                               const char                *edition,
                               CohortsDate                today,
                               GCancellable              *cancellable,
                               CohortsProgressFunc        progress,
                               gpointer                   progress_data,
                               GAsyncReadyCallback        callback,
                               gpointer                   user_data)
{
  ExportJob *job;
  CohortsExportFormat format;
  CohortsPaperOptions options;

  g_return_if_fail (COHORTS_IS_PLAN (plan));
  g_return_if_fail (path != NULL);
  g_return_if_fail (choices != NULL);

  job = export_job_new (plan, path, edition, today, progress, progress_data, cancellable, callback, user_data,
                        cohorts_export_timeline_async);
  if (!cohorts_export_format_for_path (path, &format))
    {
      g_autoptr(GTask) outer = g_steal_pointer (&job->outer);

      export_job_free (job);
      g_task_return_new_error (outer, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME,
                               _("Give a file name ending in .pdf, .svg or .png."));
      return;
    }

  job->format = format;
  cohorts_paper_get_size (choices->size, choices->orientation, &job->page_width, &job->page_height);
  cohorts_paper_options_init (&options, choices->size, choices->orientation);
  cohorts_print_choices_apply (choices, &options);
  options.today = today;
  options.edition = edition;
  job->rows = cohorts_print_choices_make_rows (choices, plan);
  job->paper = cohorts_paper_new (job->rows, &options);
  export_job_run (job, cancellable, cohorts_export_timeline_async, timeline_thread);
}

static void
board_pack_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  ExportJob *job = task_data;
  CohortsBoardPackOptions options;
  GError *error = NULL;

  cohorts_board_pack_options_init (&options);
  options.today = job->today;
  options.edition = job->edition;
  if (cohorts_board_pack_export (job->plan, job->path, &options, cancellable, job->progress, job->progress_data,
                                 &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * cohorts_export_board_pack_async:
 * @path: the PDF file
 * @edition: (nullable): which version of @plan this is, for every page
 * @today: the day the pack is as of
 * @progress: (nullable): told of each page written, in the worker thread
 *
 * Writes @plan's board pack to @path in a worker thread. @plan must not
 * change until @callback is called.
 */
void
cohorts_export_board_pack_async (CohortsPlan         *plan,
                                 const char          *path,
                                 const char          *edition,
                                 CohortsDate          today,
                                 GCancellable        *cancellable,
                                 CohortsProgressFunc  progress,
                                 gpointer             progress_data,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  ExportJob *job;

  g_return_if_fail (COHORTS_IS_PLAN (plan));
  g_return_if_fail (path != NULL);

  job = export_job_new (plan, path, edition, today, progress, progress_data, cancellable, callback, user_data,
                        cohorts_export_board_pack_async);
  job->plan = g_object_ref (plan);
  export_job_run (job, cancellable, cohorts_export_board_pack_async, board_pack_thread);
}

static void
diocese_summary_thread (GTask        *task,
                        gpointer      source_object,
                        gpointer      task_data,
                        GCancellable *cancellable)
{
  ExportJob *job = task_data;
  CohortsDioceseSummaryOptions options;
  GError *error = NULL;

  cohorts_diocese_summary_options_init (&options);
  options.today = job->today;
  options.edition = job->edition;
  options.paper = job->paper_size;
  if (cohorts_diocese_summary_export (job->plan, job->diocese, job->path, &options, cancellable,
                                      job->progress, job->progress_data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * cohorts_export_diocese_summary_async:
 * @diocese: the diocese's key
 * @path: the PDF file
 * @paper: A4 or A3
 * @edition: (nullable): which version of @plan this is, for every page
 * @today: the day the summary is as of
 * @progress: (nullable): told of each page written, in the worker thread
 *
 * Writes the diocesan summary of @plan's schools of @diocese to @path in a
 * worker thread. @plan must not change until @callback is called.
 */
void
cohorts_export_diocese_summary_async (CohortsPlan         *plan,
                                      const char          *diocese,
                                      const char          *path,
                                      CohortsPaperSize     paper,
                                      const char          *edition,
                                      CohortsDate          today,
                                      GCancellable        *cancellable,
                                      CohortsProgressFunc  progress,
                                      gpointer             progress_data,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  ExportJob *job;

  g_return_if_fail (COHORTS_IS_PLAN (plan));
  g_return_if_fail (diocese != NULL);
  g_return_if_fail (path != NULL);

  job = export_job_new (plan, path, edition, today, progress, progress_data, cancellable, callback, user_data,
                        cohorts_export_diocese_summary_async);
  job->plan = g_object_ref (plan);
  job->diocese = g_strdup (diocese);
  job->paper_size = paper;
  export_job_run (job, cancellable, cohorts_export_diocese_summary_async, diocese_summary_thread);
}

/**
 * cohorts_export_finish:
 *
 * Returns: whether the files were written; %G_IO_ERROR_CANCELLED when
 *   cancelled (old files untouched)
 */
gboolean
cohorts_export_finish (GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
