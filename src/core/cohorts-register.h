/* cohorts-register.h: the DfE's school register, imported into sqlite
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cohorts-plan.h"

G_BEGIN_DECLS

#define COHORTS_REGISTER_ERROR (cohorts_register_error_quark ())

/**
 * CohortsRegisterError:
 * @COHORTS_REGISTER_ERROR_NOT_FOUND: there is no register yet
 * @COHORTS_REGISTER_ERROR_CORRUPT: the register is damaged (or not a
 *   database at all): import again to rebuild it
 * @COHORTS_REGISTER_ERROR_FOREIGN: the file is another program's database
 * @COHORTS_REGISTER_ERROR_NEWER: a newer Cohorts made the register
 * @COHORTS_REGISTER_ERROR_INVALID: the CSV file is not the DfE's
 *   establishment file (a required column is missing, it is empty)
 * @COHORTS_REGISTER_ERROR_FAILED: the database could not be read or written
 * @COHORTS_REGISTER_ERROR_NO_SUCH_SCHOOL: no school of that URN
 *
 * Errors of the CSV file itself are in %COHORTS_CSV_ERROR; a cancelled
 * import is %G_IO_ERROR_CANCELLED.
 */
typedef enum
{
  COHORTS_REGISTER_ERROR_NOT_FOUND,
  COHORTS_REGISTER_ERROR_CORRUPT,
  COHORTS_REGISTER_ERROR_FOREIGN,
  COHORTS_REGISTER_ERROR_NEWER,
  COHORTS_REGISTER_ERROR_INVALID,
  COHORTS_REGISTER_ERROR_FAILED,
  COHORTS_REGISTER_ERROR_NO_SUCH_SCHOOL,
} CohortsRegisterError;

/**
 * CohortsRegisterStatus:
 *
 * An establishment's status in the register, as the DfE records it. The
 * tokens (cohorts_register_status_to_token()) are stored in the database.
 */
typedef enum
{
  COHORTS_REGISTER_STATUS_OPEN = 1 << 0,
  COHORTS_REGISTER_STATUS_PROPOSED_TO_CLOSE = 1 << 1,   /* "Open, but proposed to close" */
  COHORTS_REGISTER_STATUS_PROPOSED_TO_OPEN = 1 << 2,
  COHORTS_REGISTER_STATUS_CLOSED = 1 << 3,
  COHORTS_REGISTER_STATUS_UNKNOWN = 1 << 4,    /* the file has no status */
} CohortsRegisterStatus;

/* What a search finds unless asked otherwise: schools that are open (or
 * not known to be anything else). */
#define COHORTS_REGISTER_STATUS_OPEN_ANY \
  (COHORTS_REGISTER_STATUS_OPEN | COHORTS_REGISTER_STATUS_PROPOSED_TO_CLOSE | COHORTS_REGISTER_STATUS_UNKNOWN)
#define COHORTS_REGISTER_STATUS_ALL \
  (COHORTS_REGISTER_STATUS_OPEN_ANY | COHORTS_REGISTER_STATUS_PROPOSED_TO_OPEN | COHORTS_REGISTER_STATUS_CLOSED)

#define COHORTS_REGISTER_SEARCH_LIMIT 50

/**
 * CohortsRegisterImportSummary:
 * @n_imported: schools in the new register
 * @n_skipped: rows left out (a bad URN, no name, a URN twice, the wrong
 *   number of fields)
 * @problems: (element-type utf8): "FILE:LINE: message" of the first few
 *   rows left out
 * @file_date: the date in the file's name (edubasealldataYYYYMMDD.csv), or
 *   %COHORTS_DATE_NONE
 * @encoding_name: "UTF-8" or "Windows-1252"
 */
typedef struct
{
  guint n_imported;
  guint n_skipped;
  GPtrArray *problems;
  CohortsDate file_date;
  const char *encoding_name;
} CohortsRegisterImportSummary;

#define COHORTS_REGISTER_MAX_PROBLEMS 5

void cohorts_register_import_summary_clear (CohortsRegisterImportSummary *summary);

/**
 * CohortsRegisterProgress:
 * @done: bytes of the CSV file read
 * @total: its size
 */
typedef void (*CohortsRegisterProgress) (guint64  done,
                                         guint64  total,
                                         gpointer user_data);

/**
 * CohortsRegisterQuery:
 * @text: words to find, each a prefix ("st ma"); case, accents and
 *   apostrophes do not matter; %NULL or "" for any school
 * @phase: only this phase, or %COHORTS_PHASE_UNKNOWN for any
 * @religious_character: only this, or %COHORTS_RELIGIOUS_CHARACTER_UNKNOWN
 *   for any
 * @statuses: a mask of #CohortsRegisterStatus; 0 means
 *   %COHORTS_REGISTER_STATUS_OPEN_ANY
 * @la: (nullable): only this local authority, by code ("201") or name
 * @limit: at most this many; 0 means %COHORTS_REGISTER_SEARCH_LIMIT
 *
 * Initialise with cohorts_register_query_init().
 */
typedef struct
{
  const char *text;
  CohortsPhase phase;
  CohortsReligiousCharacter religious_character;
  guint statuses;
  const char *la;
  guint limit;
} CohortsRegisterQuery;

/**
 * CohortsRegisterMatch:
 *
 * One school a search found, with what a list of results shows.
 */
typedef struct
{
  guint urn;
  char *name;
  char *town;
  char *postcode;
  char *la_name;
  CohortsPhase phase;
  CohortsRegisterStatus status;
} CohortsRegisterMatch;

/**
 * CohortsRegisterStanding:
 * @status: open, closed…
 * @close_date: when it closed (or is to close), or %COHORTS_DATE_NONE
 * @is_academy: whether it is already an academy or free school
 * @trust_code: (nullable): the trust it is in, the DfE's code
 * @trust_name: (nullable): the trust's name
 *
 * What a planner must be told before adding a school to a plan.
 */
typedef struct
{
  CohortsRegisterStatus status;
  CohortsDate close_date;
  gboolean is_academy;
  char *trust_code;
  char *trust_name;
} CohortsRegisterStanding;

void cohorts_register_standing_clear (CohortsRegisterStanding *standing);

/**
 * CohortsRegisterDifference:
 * @school: the plan's school
 * @property: the name of its property that differs
 * @old_text: the plan's value, as people read it
 * @new_text: the register's value, as people read it
 * @new_value: the register's value, for cohorts_plan_edit_value()
 */
typedef struct
{
  CohortsSchool *school;
  char *property;
  char *old_text;
  char *new_text;
  GValue new_value;
} CohortsRegisterDifference;

#define COHORTS_TYPE_REGISTER (cohorts_register_get_type ())

G_DECLARE_FINAL_TYPE (CohortsRegister, cohorts_register, COHORTS, REGISTER, GObject)

GQuark           cohorts_register_error_quark        (void);
char            *cohorts_register_default_path       (void);

const char      *cohorts_register_status_to_token    (CohortsRegisterStatus          status);
CohortsDate      cohorts_register_date_from_file_name (const char                   *path);

gboolean         cohorts_register_import             (const char                   *register_path,
                                                      const char                   *csv_path,
                                                      CohortsRegisterProgress       progress,
                                                      gpointer                      user_data,
                                                      GCancellable                 *cancellable,
                                                      CohortsRegisterImportSummary *summary,
                                                      GError                      **error);
void             cohorts_register_import_async       (const char                   *register_path,
                                                      const char                   *csv_path,
                                                      CohortsRegisterProgress       progress,
                                                      gpointer                      progress_data,
                                                      GDestroyNotify                progress_data_free,
                                                      GCancellable                 *cancellable,
                                                      GAsyncReadyCallback           callback,
                                                      gpointer                      user_data);
gboolean         cohorts_register_import_finish      (GAsyncResult                 *result,
                                                      CohortsRegisterImportSummary *summary,
                                                      GError                      **error);

char            *cohorts_register_get_last_import    (const char                   *register_path);

CohortsRegister *cohorts_register_open               (const char                   *path,
                                                      GError                      **error);
const char      *cohorts_register_get_path           (CohortsRegister              *self);
guint            cohorts_register_get_n_schools      (CohortsRegister              *self);
CohortsDate      cohorts_register_get_file_date      (CohortsRegister              *self);

void             cohorts_register_query_init         (CohortsRegisterQuery         *query,
                                                      const char                   *text);
GPtrArray       *cohorts_register_search             (CohortsRegister              *self,
                                                      const CohortsRegisterQuery   *query,
                                                      GError                      **error);

CohortsSchool   *cohorts_register_make_school        (CohortsRegister              *self,
                                                      guint                         urn,
                                                      GError                      **error);
gboolean         cohorts_register_get_standing       (CohortsRegister              *self,
                                                      guint                         urn,
                                                      CohortsRegisterStanding      *standing,
                                                      GError                      **error);
char            *cohorts_register_standing_describe  (const CohortsRegisterStanding *standing);

GPtrArray       *cohorts_register_compare            (CohortsRegister              *self,
                                                      CohortsPlan                  *plan,
                                                      GError                      **error);
gboolean         cohorts_register_apply              (CohortsPlan                  *plan,
                                                      GPtrArray                    *differences,
                                                      GError                      **error);

G_END_DECLS
