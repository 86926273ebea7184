/* cohorts-plan.c: a conversion plan
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The plan owns the trust, the schools (keyed by URN) and the cohorts, and
 * keeps three list models that views observe: all schools, the cohorts in
 * order (each with its members), and the unassigned schools. A school is in
 * at most one cohort; the plan alone moves schools, so that stays true.
 *
 * Every edit is a command on the plan's history: cohorts_plan_edit() and the
 * other editing functions build the command, the history applies it, and
 * undo reverts it. The loader builds a plan directly through
 * cohorts-plan-private.h, with no history.
 */
#define G_LOG_DOMAIN "cohorts-plan"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <gobject/gvaluecollector.h>

#include "cohorts-cohort-private.h"
#include "cohorts-comment-private.h"
#include "cohorts-plan-private.h"
#include "cohorts-record.h"
#include "cohorts-school-private.h"
#include "cohorts-text.h"

G_DEFINE_QUARK (cohorts-plan-error-quark, cohorts_plan_error)

G_DEFINE_FINAL_TYPE (CohortsPlan, cohorts_plan, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_START_DATE,
  PROP_TRUST,
  PROP_MODIFIED,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
history_changed_cb (CohortsPlan    *self,
                    CohortsHistory *history)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
history_modified_cb (CohortsPlan    *self,
                     GParamSpec     *pspec,
                     CohortsHistory *history)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

static void
cohorts_plan_dispose (GObject *object)
{
  CohortsPlan *self = (CohortsPlan *) object;

  /* Commands hold references to schools and cohorts: drop them first. */
  if (self->history != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->history, self);
      g_clear_object (&self->history);
    }

  G_OBJECT_CLASS (cohorts_plan_parent_class)->dispose (object);
}

static void
cohorts_plan_finalize (GObject *object)
{
  CohortsPlan *self = (CohortsPlan *) object;

  g_clear_pointer (&self->title, g_free);
  g_clear_object (&self->trust);
  g_clear_object (&self->schedule);
  g_clear_object (&self->readiness);
  g_clear_pointer (&self->by_urn, g_hash_table_unref);
  g_clear_pointer (&self->cohorts_by_id, g_hash_table_unref);
  g_clear_pointer (&self->order, g_hash_table_unref);
  g_clear_object (&self->unassigned);
  g_clear_object (&self->cohorts);
  g_clear_object (&self->schools);
  g_clear_pointer (&self->extensions, g_ptr_array_unref);
  g_clear_pointer (&self->comments_by_id, g_hash_table_unref);
  g_clear_object (&self->comments);
  g_clear_object (&self->baselines);
  g_clear_object (&self->date_changes);

  G_OBJECT_CLASS (cohorts_plan_parent_class)->finalize (object);
}

static void
cohorts_plan_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  CohortsPlan *self = COHORTS_PLAN (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_START_DATE:
      g_value_set_uint (value, self->start_date);
      break;
    case PROP_TRUST:
      g_value_set_object (value, self->trust);
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, cohorts_plan_is_modified (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cohorts_plan_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  CohortsPlan *self = COHORTS_PLAN (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      {
        char *title = cohorts_text_clean_line (g_value_get_string (value));

        if (g_strcmp0 (title, self->title) == 0)
          {
            g_free (title);
            return;
          }
        g_free (self->title);
        self->title = title;
      }
      break;
    case PROP_START_DATE:
      if (!cohorts_date_is_valid (g_value_get_uint (value)) && g_value_get_uint (value) != COHORTS_DATE_NONE)
        {
          g_critical ("A plan's start date must be between 1900 and 2200");
          return;
        }
      if (self->start_date == g_value_get_uint (value))
        return;
      self->start_date = g_value_get_uint (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  g_object_notify_by_pspec (object, pspec);
}

static void
cohorts_plan_class_init (CohortsPlanClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cohorts_plan_dispose;
  object_class->finalize = cohorts_plan_finalize;
  object_class->get_property = cohorts_plan_get_property;
  object_class->set_property = cohorts_plan_set_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", _("Title"), NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  cohorts_text_mark_pspec (properties[PROP_TITLE], FALSE);
  /**
   * CohortsPlan:start-date:
   *
   * When the plan starts (a #CohortsDate); no conversion may come before it.
   */
  properties[PROP_START_DATE] =
    g_param_spec_uint ("start-date", _("Start date"), NULL, 0, G_MAXUINT32, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  cohorts_format_mark_pspec (properties[PROP_START_DATE], COHORTS_FORMAT_DATE);
  properties[PROP_TRUST] =
    g_param_spec_object ("trust", NULL, NULL, COHORTS_TYPE_TRUST,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /**
   * CohortsPlan:modified:
   *
   * Whether the plan has changes that were not saved.
   */
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CohortsPlan::changed:
   *
   * Emitted after every edit, undo and redo.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void schools_changed_cb (CohortsPlan *self,
                                guint        position,
                                guint        removed,
                                guint        added,
                                GListModel  *schools);

static void
cohorts_plan_init (CohortsPlan *self)
{
  self->title = g_strdup ("");
  self->trust = cohorts_trust_new ();
  self->schedule = cohorts_schedule_new ();
  self->readiness = cohorts_readiness_new ();
  self->schools = g_list_store_new (COHORTS_TYPE_SCHOOL);
  g_signal_connect_swapped (self->schools, "items-changed", G_CALLBACK (schools_changed_cb), self);
  self->cohorts = g_list_store_new (COHORTS_TYPE_COHORT);
  self->unassigned = g_list_store_new (COHORTS_TYPE_SCHOOL);
  self->by_urn = g_hash_table_new (NULL, NULL);
  self->cohorts_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->comments = g_list_store_new (COHORTS_TYPE_COMMENT);
  self->comments_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->baselines = g_list_store_new (COHORTS_TYPE_BASELINE);
  self->date_changes = g_list_store_new (COHORTS_TYPE_DATE_CHANGE);
  self->history = cohorts_history_new ();
  self->source_version = 0;

  g_signal_connect_swapped (self->history, "changed",
                            G_CALLBACK (history_changed_cb), self);
  g_signal_connect_swapped (self->history, "notify::modified",
                            G_CALLBACK (history_modified_cb), self);
}

/**
 * cohorts_plan_new:
 *
 * Returns: (transfer full): an empty plan of a trust being formed
 */
CohortsPlan *
cohorts_plan_new (void)
{
  return g_object_new (COHORTS_TYPE_PLAN, NULL);
}

const char *
cohorts_plan_get_title (CohortsPlan *self)
{
  g_return_val_if_fail (COHORTS_IS_PLAN (self), NULL);
  return self->title;
}

CohortsDate
cohorts_plan_get_start_date (CohortsPlan *self)
{
  g_return_val_if_fail (COHORTS_IS_PLAN (self), COHORTS_DATE_NONE);
  return self->start_date;
}

/**
 * cohorts_plan_get_trust:
 *
 * Returns: (transfer none): the trust
 */
CohortsTrust *
cohorts_plan_get_trust (CohortsPlan *self)
{
  g_return_val_if_fail (COHORTS_IS_PLAN (self), NULL);
  return self->trust;
}

/**
 * cohorts_plan_get_schedule:
 *
 * Returns: (transfer none): the timings of the steps of a conversion
 */
CohortsSchedule *
cohorts_plan_get_schedule (CohortsPlan *self)
{
  g_return_val_if_fail (COHORTS_IS_PLAN (self), NULL);
  return self->schedule;
}

/**
 * cohorts_plan_get_schools:
 *
 * Returns: (transfer none): every school, a model of #CohortsSchool
 */
GListModel *
cohorts_plan_get_schools (CohortsPlan *self)
{
  g_return_val_if_fail (COHORTS_IS_PLAN (self), NULL);
  return G_LIST_MODEL (self->schools);
}

/**
 * cohorts_plan_get_cohorts:
 *
 * Returns: (transfer none): the cohorts in order, a model of #CohortsCohort
 */
GListModel *
cohorts_plan_get_cohorts (CohortsPlan *self)
{
  g_return_val_if_fail (COHORTS_IS_PLAN (self), NULL);
  return G_LIST_MODEL (self->cohorts);
}

/**
 * cohorts_plan_get_unassigned:
 *
 * Returns: (transfer none): the schools in no cohort, in plan order
 */
GListModel *
cohorts_plan_get_unassigned (CohortsPlan *self)
{
  g_return_val_if_fail (COHORTS_IS_PLAN (self), NULL);
  return G_LIST_MODEL (self->unassigned);
}

guint
cohorts_plan_get_n_schools (CohortsPlan *self)
{
  g_return_val_if_fail (COHORTS_IS_PLAN (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->schools));
}

guint
cohorts_plan_get_n_cohorts (CohortsPlan *self)
{
  g_return_val_if_fail (COHORTS_IS_PLAN (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->cohorts));
}

/**
 * cohorts_plan_find_school:
 *
 * Returns: (transfer none) (nullable): the school with @urn
 */
CohortsSchool *
cohorts_plan_find_school (CohortsPlan *self,
                          guint        urn)
{
  g_return_val_if_fail (COHORTS_IS_PLAN (self), NULL);
  return g_hash_table_lookup (self->by_urn, GUINT_TO_POINTER (urn));
}

/**
 * cohorts_plan_find_cohort:
 *
 * Returns: (transfer none) (nullable): the cohort with @id
 */
CohortsCohort *
cohorts_plan_find_cohort (CohortsPlan *self,
                          const char  *id)
{
  g_return_val_if_fail (COHORTS_IS_PLAN (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  return g_hash_table_lookup (self->cohorts_by_id, id);
}

/**
 * cohorts_plan_make_cohort_id:
 *
 * Returns: an identifier no cohort of the plan has: "c1", "c2"…
 */
char *
cohorts_plan_make_cohort_id (CohortsPlan *self)
{
  g_return_val_if_fail (COHORTS_IS_PLAN (self), NULL);

  for (guint n = cohorts_plan_get_n_cohorts (self) + 1; ; n++)
    {
      char *id = g_strdup_printf ("c%u", n);

      if (!g_hash_table_contains (self->cohorts_by_id, id))
        return id;
      g_free (id);
    }
}

/**
 * cohorts_plan_get_source_version:
 *
 * Returns: the format version of the file the plan was read from (older
 *   ones are migrated when read), or 0 for a new plan
 */
int
cohorts_plan_get_source_version (CohortsPlan *self)
{
  g_return_val_if_fail (COHORTS_IS_PLAN (self), 0);
  return self->source_version;
}

/**
 * cohorts_plan_get_history:
 *
 * Returns: (transfer none): the undo history of the plan
 */
CohortsHistory *
cohorts_plan_get_history (CohortsPlan *self)
{
  g_return_val_if_fail (COHORTS_IS_PLAN (self), NULL);
  return self->history;
}

gboolean
cohorts_plan_is_modified (CohortsPlan *self)
{
  g_return_val_if_fail (COHORTS_IS_PLAN (self), FALSE);
  return self->history != NULL && cohorts_history_is_modified (self->history);
}

/* Low-level changes, shared by commands and the loader. None records history. */

static guint
store_index_of (GListStore *store,
                gpointer    item)
{
  guint position;

  if (!g_list_store_find (store, item, &position))
    g_return_val_if_reached (G_MAXUINT);
  return position;
}

/* Schools added at the end (the usual way, one by one or a file's worth)
 * extend the index of plan order; anything else makes it out of date. */
static void
schools_changed_cb (CohortsPlan *self,
                    guint        position,
                    guint        removed,
                    guint        added,
                    GListModel  *schools)
{
  if (self->order == NULL)
    return;
  if (removed == 0 && position + added == g_list_model_get_n_items (schools))
    {
      for (guint i = position; i < position + added; i++)
        {
          CohortsSchool *school = g_list_model_get_item (schools, i);

          g_hash_table_insert (self->order, school, GUINT_TO_POINTER (i + 1));
          g_object_unref (school);   /* the list holds it */
        }
      return;
    }
  g_clear_pointer (&self->order, g_hash_table_unref);
}

/* @school's place in plan order, from an index built once after each
 * change to the schools (adding or removing one), so that the unassigned
 * list, in plan order, can be searched by halves. */
static guint
plan_order_of (CohortsPlan   *self,
               CohortsSchool *school)
{
  if (self->order == NULL)
    {
      GListModel *schools = G_LIST_MODEL (self->schools);
      guint n = g_list_model_get_n_items (schools);

      self->order = g_hash_table_new (NULL, NULL);
      for (guint i = 0; i < n; i++)
        {
          CohortsSchool *other = g_list_model_get_item (schools, i);

          g_hash_table_insert (self->order, other, GUINT_TO_POINTER (i + 1));
          g_object_unref (other);   /* the list holds it */
        }
    }
  return GPOINTER_TO_UINT (g_hash_table_lookup (self->order, school)) - 1;
}

/* The first position among the unassigned schools whose place in plan
 * order is not before @order's. */
static guint
unassigned_search (CohortsPlan *self,
                   guint        order)
{
  GListModel *unassigned = G_LIST_MODEL (self->unassigned);
  guint low = 0, high = g_list_model_get_n_items (unassigned);

  while (low < high)
    {
      guint middle = low + (high - low) / 2;
      g_autoptr(CohortsSchool) other = g_list_model_get_item (unassigned, middle);

      if (plan_order_of (self, other) < order)
        low = middle + 1;
      else
        high = middle;
    }
  return low;
}

/* The position @school takes among the unassigned schools: the number of
 * unassigned schools before it in plan order. */
static guint
unassigned_position_for (CohortsPlan   *self,
                         CohortsSchool *school)
{
  GListModel *schools = G_LIST_MODEL (self->schools);
  guint n = g_list_model_get_n_items (schools);

  /* The usual case, a school just added: last in plan order, so last among
   * the unassigned too, without building the index. */
  if (n > 0)
    {
      g_autoptr(CohortsSchool) last = g_list_model_get_item (schools, n - 1);

      if (last == school)
        return g_list_model_get_n_items (G_LIST_MODEL (self->unassigned));
    }

  return unassigned_search (self, plan_order_of (self, school));
}

/* Takes @school out of its cohort or the unassigned list. Returns its position there. */
static guint
detach_school (CohortsPlan   *self,
               CohortsSchool *school)
{
  GListStore *store = school->cohort ? school->cohort->members : self->unassigned;
  guint position = G_MAXUINT;

  /* The unassigned list is in plan order: found by halves. */
  if (store == self->unassigned)
    {
      g_autoptr(CohortsSchool) found = NULL;

      position = unassigned_search (self, plan_order_of (self, school));
      if (position < g_list_model_get_n_items (G_LIST_MODEL (store)))
        found = g_list_model_get_item (G_LIST_MODEL (store), position);
      if (found != school)
        position = G_MAXUINT;
    }
  if (position == G_MAXUINT)
    position = store_index_of (store, school);

  g_list_store_remove (store, position);
  return position;
}

/* Puts @school into @cohort at @position, or with %NULL into the unassigned list. */
static void
attach_school (CohortsPlan   *self,
               CohortsSchool *school,
               CohortsCohort *cohort,
               guint          position)
{
  if (cohort != NULL)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (cohort->members));

      g_list_store_insert (cohort->members, MIN (position, n), school);
      cohorts_school_set_cohort (school, cohort);
    }
  else
    {
      cohorts_school_set_cohort (school, NULL);
      g_list_store_insert (self->unassigned, unassigned_position_for (self, school), school);
    }
}

/* Commands */

typedef struct
{
  CohortsCommand parent;
  GObject *object;          /* owned, unless it is the plan itself */
  gboolean owns_object;
  GParamSpec *pspec;
  GValue old_value;
  GValue new_value;
} SetCommand;

static void
set_apply (CohortsCommand *command)
{
  SetCommand *self = (SetCommand *) command;
  g_object_set_property (self->object, self->pspec->name, &self->new_value);
}

static void
set_revert (CohortsCommand *command)
{
  SetCommand *self = (SetCommand *) command;
  g_object_set_property (self->object, self->pspec->name, &self->old_value);
}

static void
set_finalize (CohortsCommand *command)
{
  SetCommand *self = (SetCommand *) command;

  g_value_unset (&self->old_value);
  g_value_unset (&self->new_value);
  g_param_spec_unref (self->pspec);
  if (self->owns_object)
    g_object_unref (self->object);
}

static const CohortsCommandClass set_class = { set_apply, set_revert, set_finalize };

typedef struct
{
  CohortsCommand parent;
  CohortsPlan *plan;        /* not owned: the history belongs to the plan */
  CohortsSchool *school;
  guint index;              /* in the plan's schools */
  CohortsCohort *cohort;    /* NULL: unassigned */
  guint position;           /* in the cohort */
} SchoolCommand;

static void
school_insert (CohortsCommand *command)
{
  SchoolCommand *self = (SchoolCommand *) command;
  CohortsPlan *plan = self->plan;

  g_list_store_insert (plan->schools, self->index, self->school);
  g_hash_table_insert (plan->by_urn, GUINT_TO_POINTER (self->school->urn), self->school);
  attach_school (plan, self->school, self->cohort, self->position);
}

static void
school_remove (CohortsCommand *command)
{
  SchoolCommand *self = (SchoolCommand *) command;
  CohortsPlan *plan = self->plan;

  g_set_object (&self->cohort, self->school->cohort);
  self->position = detach_school (plan, self->school);
  cohorts_school_set_cohort (self->school, NULL);
  self->index = store_index_of (plan->schools, self->school);
  g_list_store_remove (plan->schools, self->index);
  g_hash_table_remove (plan->by_urn, GUINT_TO_POINTER (self->school->urn));
}

static void
school_command_finalize (CohortsCommand *command)
{
  SchoolCommand *self = (SchoolCommand *) command;

  g_clear_object (&self->school);
  g_clear_object (&self->cohort);
}

static const CohortsCommandClass add_school_class = { school_insert, school_remove, school_command_finalize };
static const CohortsCommandClass remove_school_class = { school_remove, school_insert, school_command_finalize };

typedef struct
{
  CohortsCommand parent;
  CohortsPlan *plan;
  CohortsCohort *cohort;
  guint position;
} CohortCommand;

static void
cohort_insert (CohortsCommand *command)
{
  CohortCommand *self = (CohortCommand *) command;

  g_list_store_insert (self->plan->cohorts, self->position, self->cohort);
  g_hash_table_insert (self->plan->cohorts_by_id, self->cohort->id, self->cohort);
}

static void
cohort_remove (CohortsCommand *command)
{
  CohortCommand *self = (CohortCommand *) command;

  /* Its members were moved out by earlier commands of the same group. */
  g_assert (cohorts_cohort_get_n_members (self->cohort) == 0);
  self->position = store_index_of (self->plan->cohorts, self->cohort);
  g_list_store_remove (self->plan->cohorts, self->position);
  g_hash_table_remove (self->plan->cohorts_by_id, self->cohort->id);
}

static void
cohort_command_finalize (CohortsCommand *command)
{
  CohortCommand *self = (CohortCommand *) command;

  g_clear_object (&self->cohort);
}

static const CohortsCommandClass add_cohort_class = { cohort_insert, cohort_remove, cohort_command_finalize };
static const CohortsCommandClass remove_cohort_class = { cohort_remove, cohort_insert, cohort_command_finalize };

typedef struct
{
  CohortsCommand parent;
  CohortsPlan *plan;
  CohortsCohort *cohort;
  guint from;
  guint to;
} ReorderCommand;

static void
reorder (CohortsPlan   *plan,
         CohortsCohort *cohort,
         guint          to)
{
  g_autoptr(CohortsCohort) keep = g_object_ref (cohort);

  g_list_store_remove (plan->cohorts, store_index_of (plan->cohorts, cohort));
  g_list_store_insert (plan->cohorts, to, cohort);
}

static void
reorder_apply (CohortsCommand *command)
{
  ReorderCommand *self = (ReorderCommand *) command;
  reorder (self->plan, self->cohort, self->to);
}

static void
reorder_revert (CohortsCommand *command)
{
  ReorderCommand *self = (ReorderCommand *) command;
  reorder (self->plan, self->cohort, self->from);
}

static const CohortsCommandClass reorder_class = { reorder_apply, reorder_revert, cohort_command_finalize };

typedef struct
{
  CohortsCommand parent;
  CohortsPlan *plan;
  CohortsSchool *school;
  CohortsCohort *from_cohort;
  guint from_position;
  CohortsCohort *to_cohort;
  guint to_position;
} MoveCommand;

/* Moves @school to position @to (clamped) of @store, in one splice of the
 * range between its old and new positions, and returns the old one.
 * Removing and inserting would make the cohort's size change and change
 * back: "n-members" would be notified twice for a move that does not change
 * it, and views would see the school leave and come back. */
static guint
move_in_store (GListStore    *store,
               CohortsSchool *school,
               guint          to)
{
  GListModel *model = G_LIST_MODEL (store);
  guint from = store_index_of (store, school);
  guint first, n;
  g_autoptr(GPtrArray) items = NULL;

  to = MIN (to, g_list_model_get_n_items (model) - 1);
  if (from == to)
    return from;

  first = MIN (from, to);
  n = MAX (from, to) - first + 1;
  items = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = first; i < first + n; i++)
    if (i != from)
      g_ptr_array_add (items, g_list_model_get_item (model, i));
  g_ptr_array_insert (items, to - first, g_object_ref (school));

  g_list_store_splice (store, first, n, items->pdata, n);
  return from;
}

static gboolean
moves_within_cohort (MoveCommand *self)
{
  return self->from_cohort != NULL && self->from_cohort == self->to_cohort;
}

static void
move_apply (CohortsCommand *command)
{
  MoveCommand *self = (MoveCommand *) command;

  if (moves_within_cohort (self))
    {
      self->from_position = move_in_store (self->to_cohort->members, self->school, self->to_position);
      return;
    }

  self->from_position = detach_school (self->plan, self->school);
  attach_school (self->plan, self->school, self->to_cohort, self->to_position);
}

static void
move_revert (CohortsCommand *command)
{
  MoveCommand *self = (MoveCommand *) command;

  if (moves_within_cohort (self))
    {
      move_in_store (self->from_cohort->members, self->school, self->from_position);
      return;
    }

  detach_school (self->plan, self->school);
  attach_school (self->plan, self->school, self->from_cohort, self->from_position);
}

static void
move_finalize (CohortsCommand *command)
{
  MoveCommand *self = (MoveCommand *) command;

  g_clear_object (&self->school);
  g_clear_object (&self->from_cohort);
  g_clear_object (&self->to_cohort);
}

static const CohortsCommandClass move_class = { move_apply, move_revert, move_finalize };

/* Editing API */

static void remove_comments_about (CohortsPlan *self,
                                   const char  *subject);

static gboolean
belongs_to_plan (CohortsPlan *self,
                 gpointer     object)
{
  if (object == self || object == self->trust)
    return TRUE;
  if (COHORTS_IS_SCHOOL (object))
    return g_hash_table_lookup (self->by_urn, GUINT_TO_POINTER (COHORTS_SCHOOL (object)->urn)) == object;
  if (COHORTS_IS_COHORT (object))
    return g_hash_table_lookup (self->cohorts_by_id, COHORTS_COHORT (object)->id) == object;
  return FALSE;
}

/**
 * cohorts_plan_edit_value:
 * @object: the plan, its trust, one of its schools or cohorts
 * @property: a writable property of @object (not a school's "urn": see
 *   cohorts_plan_set_school_urn())
 *
 * Sets one property as an undoable step. Setting the value it already has
 * records nothing. A value the plan file could not hold (a malformed UKPRN,
 * a date in 2300) is refused.
 *
 * Returns: %TRUE if the value was set (or already there); %FALSE with
 *   @error set, and nothing changed, if the value is not acceptable
 */
gboolean
cohorts_plan_edit_value (CohortsPlan   *self,
                         gpointer       object,
                         const char    *property,
                         const GValue  *value,
                         GError       **error)
{
  GParamSpec *pspec;
  SetCommand *command;
  g_autofree char *label = NULL;
  g_auto(GValue) old_value = G_VALUE_INIT;
  g_auto(GValue) new_value = G_VALUE_INIT;

  g_return_val_if_fail (COHORTS_IS_PLAN (self), FALSE);
  g_return_val_if_fail (G_IS_OBJECT (object), FALSE);
  g_return_val_if_fail (property != NULL, FALSE);
  g_return_val_if_fail (belongs_to_plan (self, object), FALSE);

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property);
  g_return_val_if_fail (pspec != NULL, FALSE);
  g_return_val_if_fail ((pspec->flags & G_PARAM_WRITABLE) && !(pspec->flags & G_PARAM_CONSTRUCT_ONLY), FALSE);
  g_return_val_if_fail (!(COHORTS_IS_SCHOOL (object) && g_str_equal (property, "urn")), FALSE);

  g_value_init (&new_value, pspec->value_type);
  if (!g_value_transform (value, &new_value))
    g_return_val_if_reached (FALSE);
  if (g_param_value_validate (pspec, &new_value))
    g_warning ("Value for “%s” out of range; it was clamped", property);
  /* Compare what the object would store: text it would clean to the value
   * it has is no change, and records nothing. */
  cohorts_text_clean_value (pspec, &new_value);
  if (!cohorts_format_check (pspec, &new_value, error))
    return FALSE;

  g_value_init (&old_value, pspec->value_type);
  g_object_get_property (object, property, &old_value);
  if (g_param_values_cmp (pspec, &old_value, &new_value) == 0)
    return TRUE;

  /* Translators: an undo step, "Edit Pupils on roll" */
  label = g_strdup_printf (_("Edit %s"), g_param_spec_get_nick (pspec));
  command = cohorts_command_new (&set_class, sizeof (SetCommand), label);
  /* The plan's history belongs to the plan and goes first when it is
   * disposed: a reference to the plan from its own history would be a cycle
   * that keeps it alive for ever once its title or start date was edited. */
  command->owns_object = object != (gpointer) self;
  command->object = command->owns_object ? g_object_ref (object) : object;
  command->pspec = g_param_spec_ref (pspec);
  g_value_init (&command->old_value, pspec->value_type);
  g_value_copy (&old_value, &command->old_value);
  g_value_init (&command->new_value, pspec->value_type);
  g_value_copy (&new_value, &command->new_value);

  cohorts_history_push (self->history, (CohortsCommand *) command);

  /* Keep what the object stored (text is cleaned), so redo repeats it exactly. */
  g_object_get_property (object, property, &command->new_value);
  return TRUE;
}

/**
 * cohorts_plan_edit:
 * @object: the plan, its trust, one of its schools or cohorts
 * @first_property: the first property name, followed by its value, then
 *   more pairs, ended by %NULL (as for g_object_set())
 *
 * Sets properties of @object as one undoable step.
 */
void
cohorts_plan_edit (CohortsPlan *self,
                   gpointer     object,
                   const char  *first_property,
                   ...)
{
  va_list args;
  const char *name;
  gboolean grouped;

  g_return_if_fail (COHORTS_IS_PLAN (self));
  g_return_if_fail (G_IS_OBJECT (object));

  va_start (args, first_property);
  grouped = first_property != NULL;
  if (grouped)
    cohorts_history_begin_group (self->history, NULL);

  for (name = first_property; name != NULL; name = va_arg (args, const char *))
    {
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), name);
      g_auto(GValue) value = G_VALUE_INIT;
      g_autofree char *error = NULL;

      if (pspec == NULL)
        {
          g_critical ("%s has no property “%s”", G_OBJECT_TYPE_NAME (object), name);
          break;
        }

      G_VALUE_COLLECT_INIT (&value, pspec->value_type, args, 0, &error);
      if (error != NULL)
        {
          g_critical ("%s", error);
          break;
        }

      {
        g_autoptr(GError) local_error = NULL;

        /* For values typed by people, use cohorts_plan_edit_value() and show its error. */
        /* (Programming errors were reported already, without an error.) */
        if (!cohorts_plan_edit_value (self, object, name, &value, &local_error) && local_error != NULL)
          g_critical ("%s", local_error->message);
      }
    }

  va_end (args);

  if (grouped)
    cohorts_history_end_group (self->history);
}

typedef struct
{
  CohortsCommand parent;
  CohortsPlan *plan;
  CohortsSchool *school;
  guint old_urn;
  guint new_urn;
} UrnCommand;

static void
rekey (CohortsPlan   *plan,
       CohortsSchool *school,
       guint          urn)
{
  g_autofree char *old_subject = g_strdup_printf ("school:%u", school->urn);
  g_autofree char *new_subject = g_strdup_printf ("school:%u", urn);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (plan->comments));

  g_hash_table_remove (plan->by_urn, GUINT_TO_POINTER (school->urn));
  g_object_set (school, "urn", urn, NULL);
  g_hash_table_insert (plan->by_urn, GUINT_TO_POINTER (urn), school);

  /* Its comments follow it. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CohortsComment) comment = g_list_model_get_item (G_LIST_MODEL (plan->comments), i);

      if (strcmp (cohorts_comment_get_subject (comment), old_subject) == 0)
        {
          cohorts_comment_set_subject (comment, new_subject);
          g_list_store_splice (plan->comments, i, 1, (gpointer *) &comment, 1);
        }
    }

  /* So does the history of its conversion date. */
  n = g_list_model_get_n_items (G_LIST_MODEL (plan->date_changes));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CohortsDateChange) change = g_list_model_get_item (G_LIST_MODEL (plan->date_changes), i);

      if (strcmp (cohorts_date_change_get_subject (change), old_subject) == 0)
        {
          cohorts_date_change_set_subject (change, new_subject);
          g_list_store_splice (plan->date_changes, i, 1, (gpointer *) &change, 1);
        }
    }
}

static void
urn_apply (CohortsCommand *command)
{
  UrnCommand *self = (UrnCommand *) command;
  rekey (self->plan, self->school, self->new_urn);
}

static void
urn_revert (CohortsCommand *command)
{
  UrnCommand *self = (UrnCommand *) command;
  rekey (self->plan, self->school, self->old_urn);
}

static void
urn_finalize (CohortsCommand *command)
{
  UrnCommand *self = (UrnCommand *) command;
  g_clear_object (&self->school);
}

static const CohortsCommandClass urn_class = { urn_apply, urn_revert, urn_finalize };

/**
 * cohorts_plan_set_school_urn:
 *
 * Corrects the URN of @school, as an undoable step. Fails if another school
 * of the plan has @urn: the URN is the key of a school.
 */
gboolean
cohorts_plan_set_school_urn (CohortsPlan    *self,
                             CohortsSchool  *school,
                             guint           urn,
                             GError        **error)
{
  CohortsSchool *other;
  UrnCommand *command;

  g_return_val_if_fail (COHORTS_IS_PLAN (self), FALSE);
  g_return_val_if_fail (COHORTS_IS_SCHOOL (school), FALSE);
  g_return_val_if_fail (belongs_to_plan (self, school), FALSE);

  if (urn < 100000 || urn > 999999)
    {
      g_set_error (error, COHORTS_PLAN_ERROR, COHORTS_PLAN_ERROR_INVALID,
                   _("%u is not a URN: a URN has six digits"), urn);
      return FALSE;
    }

  other = cohorts_plan_find_school (self, urn);
  if (other == school)
    return TRUE;
  if (other != NULL)
    {
      g_set_error (error, COHORTS_PLAN_ERROR, COHORTS_PLAN_ERROR_CONFLICT,
                   _("URN %u is already the URN of %s"), urn, other->name);
      return FALSE;
    }

  command = cohorts_command_new (&urn_class, sizeof (UrnCommand), _("Change URN"));
  command->plan = self;
  command->school = g_object_ref (school);
  command->old_urn = school->urn;
  command->new_urn = urn;
  cohorts_history_push (self->history, (CohortsCommand *) command);
  return TRUE;
}

/**
 * cohorts_plan_add_school:
 * @school: a school not in any plan
 *
 * Adds @school at the end of the plan, unassigned, as an undoable step.
 * Fails if the plan already has a school with its URN.
 */
gboolean
cohorts_plan_add_school (CohortsPlan    *self,
                         CohortsSchool  *school,
                         GError        **error)
{
  CohortsSchool *other;
  SchoolCommand *command;

  g_return_val_if_fail (COHORTS_IS_PLAN (self), FALSE);
  g_return_val_if_fail (COHORTS_IS_SCHOOL (school), FALSE);
  g_return_val_if_fail (school->cohort == NULL, FALSE);

  other = cohorts_plan_find_school (self, school->urn);
  if (other != NULL)
    {
      g_set_error (error, COHORTS_PLAN_ERROR, COHORTS_PLAN_ERROR_CONFLICT,
                   _("The plan already has a school with URN %u: %s"), school->urn, other->name);
      return FALSE;
    }

  if (cohorts_plan_get_n_schools (self) >= COHORTS_PLAN_MAX_SCHOOLS)
    {
      g_set_error (error, COHORTS_PLAN_ERROR, COHORTS_PLAN_ERROR_TOO_LARGE,
                   _("A plan can hold at most %d schools"), COHORTS_PLAN_MAX_SCHOOLS);
      return FALSE;
    }

  command = cohorts_command_new (&add_school_class, sizeof (SchoolCommand), _("Add School"));
  command->plan = self;
  command->school = g_object_ref (school);
  command->index = cohorts_plan_get_n_schools (self);
  command->cohort = NULL;
  cohorts_history_push (self->history, (CohortsCommand *) command);
  return TRUE;
}

/**
 * cohorts_plan_remove_school:
 *
 * Removes @school from the plan (and its cohort), as an undoable step.
 */
void
cohorts_plan_remove_school (CohortsPlan   *self,
                            CohortsSchool *school)
{
  SchoolCommand *command;

  g_return_if_fail (COHORTS_IS_PLAN (self));
  g_return_if_fail (COHORTS_IS_SCHOOL (school));
  g_return_if_fail (belongs_to_plan (self, school));

  cohorts_history_begin_group (self->history, _("Remove School"));
  {
    g_autofree char *subject = g_strdup_printf ("school:%u", school->urn);
    remove_comments_about (self, subject);
  }
  command = cohorts_command_new (&remove_school_class, sizeof (SchoolCommand), _("Remove School"));
  command->plan = self;
  command->school = g_object_ref (school);
  /* Where it was is recorded when the command applies; keep the cohort alive. */
  command->cohort = school->cohort ? g_object_ref (school->cohort) : NULL;
  cohorts_history_push (self->history, (CohortsCommand *) command);
  cohorts_history_end_group (self->history);
}

/**
 * cohorts_plan_add_cohort:
 * @date: the conversion date, or %COHORTS_DATE_NONE
 *
 * Adds an empty draft cohort after the others, as an undoable step.
 *
 * Returns: (transfer none): the new cohort
 */
CohortsCohort *
cohorts_plan_add_cohort (CohortsPlan *self,
                         const char  *name,
                         CohortsDate  date)
{
  g_autofree char *id = NULL;
  CohortCommand *command;
  CohortsCohort *cohort;

  g_return_val_if_fail (COHORTS_IS_PLAN (self), NULL);

  id = cohorts_plan_make_cohort_id (self);
  cohort = cohorts_cohort_new (id, name);
  cohort->date = date;

  command = cohorts_command_new (&add_cohort_class, sizeof (CohortCommand), _("Add Cohort"));
  command->plan = self;
  command->cohort = cohort;
  command->position = cohorts_plan_get_n_cohorts (self);
  cohorts_history_push (self->history, (CohortsCommand *) command);
  return cohort;
}

/**
 * cohorts_plan_remove_cohort:
 *
 * Removes @cohort, as one undoable step; its schools become unassigned.
 */
void
cohorts_plan_remove_cohort (CohortsPlan   *self,
                            CohortsCohort *cohort)
{
  CohortCommand *command;
  g_autofree char *name = NULL;
  g_autofree char *label = NULL;

  g_return_if_fail (COHORTS_IS_PLAN (self));
  g_return_if_fail (COHORTS_IS_COHORT (cohort));
  g_return_if_fail (belongs_to_plan (self, cohort));

  name = cohorts_cohort_dup_display_name (cohort);
  /* Translators: an undo step, "Delete Cohort 3" */
  label = g_strdup_printf (_("Delete %s"), name);
  cohorts_history_begin_group (self->history, label);

  while (cohorts_cohort_get_n_members (cohort) > 0)
    {
      g_autoptr(CohortsSchool) school = g_list_model_get_item (G_LIST_MODEL (cohort->members), 0);
      cohorts_plan_move_school (self, school, NULL, 0);
    }

  {
    g_autofree char *subject = g_strconcat ("cohort:", cohort->id, NULL);
    remove_comments_about (self, subject);
  }
  command = cohorts_command_new (&remove_cohort_class, sizeof (CohortCommand), label);
  command->plan = self;
  command->cohort = g_object_ref (cohort);
  cohorts_history_push (self->history, (CohortsCommand *) command);

  cohorts_history_end_group (self->history);
}

/**
 * cohorts_plan_move_cohort:
 * @position: the new position among the cohorts
 *
 * Reorders the cohorts, as an undoable step.
 */
void
cohorts_plan_move_cohort (CohortsPlan   *self,
                          CohortsCohort *cohort,
                          guint          position)
{
  ReorderCommand *command;
  guint from;

  g_return_if_fail (COHORTS_IS_PLAN (self));
  g_return_if_fail (COHORTS_IS_COHORT (cohort));
  g_return_if_fail (belongs_to_plan (self, cohort));

  from = store_index_of (self->cohorts, cohort);
  position = MIN (position, cohorts_plan_get_n_cohorts (self) - 1);
  if (from == position)
    return;

  command = cohorts_command_new (&reorder_class, sizeof (ReorderCommand), _("Reorder Cohorts"));
  command->plan = self;
  command->cohort = g_object_ref (cohort);
  command->from = from;
  command->to = position;
  cohorts_history_push (self->history, (CohortsCommand *) command);
}

/**
 * cohorts_plan_move_school:
 * @cohort: (nullable): the cohort to move to, or %NULL for unassigned
 * @position: the position in @cohort (clamped; unassigned schools keep plan
 *   order)
 *
 * Moves @school into @cohort, or out of any, as an undoable step named
 * "Move to Cohort 2".
 */
void
cohorts_plan_move_school (CohortsPlan   *self,
                          CohortsSchool *school,
                          CohortsCohort *cohort,
                          guint          position)
{
  MoveCommand *command;
  g_autofree char *label = NULL;

  g_return_if_fail (COHORTS_IS_PLAN (self));
  g_return_if_fail (COHORTS_IS_SCHOOL (school));
  g_return_if_fail (belongs_to_plan (self, school));
  g_return_if_fail (cohort == NULL || belongs_to_plan (self, cohort));

  if (school->cohort == cohort && cohort == NULL)
    return;
  if (school->cohort == cohort)
    {
      guint n = cohorts_cohort_get_n_members (cohort);
      guint from = store_index_of (cohort->members, school);

      /* Removing first shifts later positions down by one. */
      if (MIN (position, n - 1) == from)
        return;
    }

  if (cohort != NULL)
    {
      g_autofree char *name = cohorts_cohort_dup_display_name (cohort);
      /* Translators: an undo step, "Move to Cohort 2" */
      label = g_strdup_printf (_("Move to %s"), name);
    }
  else
    label = g_strdup (_("Move to Unassigned"));

  command = cohorts_command_new (&move_class, sizeof (MoveCommand), label);
  command->plan = self;
  command->school = g_object_ref (school);
  command->from_cohort = school->cohort ? g_object_ref (school->cohort) : NULL;
  command->to_cohort = cohort ? g_object_ref (cohort) : NULL;
  command->to_position = position;
  cohorts_history_push (self->history, (CohortsCommand *) command);
}

/**
 * cohorts_plan_move_schools:
 * @schools: (element-type CohortsSchool): schools of the plan
 * @cohort: (nullable): the cohort to move them to, or %NULL for unassigned
 *
 * Moves @schools, in their order, to the end of @cohort (or out of any), as
 * one undoable step: "Move 3 Schools to Cohort 2". Schools already there
 * stay where they are.
 */
void
cohorts_plan_move_schools (CohortsPlan   *self,
                           GPtrArray     *schools,
                           CohortsCohort *cohort)
{
  g_autofree char *label = NULL;
  g_autofree char *name = NULL;
  guint n_moving = 0;

  g_return_if_fail (COHORTS_IS_PLAN (self));
  g_return_if_fail (schools != NULL);
  g_return_if_fail (cohort == NULL || belongs_to_plan (self, cohort));

  for (guint i = 0; i < schools->len; i++)
    {
      CohortsSchool *school = g_ptr_array_index (schools, i);

      g_return_if_fail (COHORTS_IS_SCHOOL (school) && belongs_to_plan (self, school));
      n_moving += school->cohort != cohort;
    }

  if (n_moving == 0)
    return;

  name = cohort ? cohorts_cohort_dup_display_name (cohort) : g_strdup (_("Unassigned"));
  if (n_moving == 1)
    /* Translators: an undo step, "Move to Cohort 2" */
    label = g_strdup_printf (_("Move to %s"), name);
  else
    /* Translators: an undo step, "Move 3 Schools to Cohort 2" */
    label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Move %u School to %s", "Move %u Schools to %s",
                                          n_moving), n_moving, name);

  cohorts_history_begin_group (self->history, label);
  for (guint i = 0; i < schools->len; i++)
    {
      CohortsSchool *school = g_ptr_array_index (schools, i);

      if (school->cohort != cohort)
        cohorts_plan_move_school (self, school, cohort, G_MAXUINT);
    }
  cohorts_history_end_group (self->history);
}

/**
 * cohorts_plan_remove_schools:
 * @schools: (element-type CohortsSchool): schools of the plan
 *
 * Removes @schools as one undoable step: "Remove 3 Schools".
 */
void
cohorts_plan_remove_schools (CohortsPlan *self,
                             GPtrArray   *schools)
{
  g_autofree char *label = NULL;

  g_return_if_fail (COHORTS_IS_PLAN (self));
  g_return_if_fail (schools != NULL);

  if (schools->len == 0)
    return;

  if (schools->len == 1)
    label = g_strdup (_("Remove School"));
  else
    label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Remove %u School", "Remove %u Schools", schools->len),
                             schools->len);
  cohorts_history_begin_group (self->history, label);
  for (guint i = 0; i < schools->len; i++)
    cohorts_plan_remove_school (self, g_ptr_array_index (schools, i));
  cohorts_history_end_group (self->history);
}

typedef struct
{
  CohortsCommand parent;
  CohortsSchool *school;
  CohortsStep step;
  CohortsMilestone before;
  CohortsMilestone after;
} MilestoneCommand;

static void
milestone_apply (CohortsCommand *command)
{
  MilestoneCommand *self = (MilestoneCommand *) command;
  cohorts_school_set_milestone (self->school, self->step, &self->after);
}

static void
milestone_revert (CohortsCommand *command)
{
  MilestoneCommand *self = (MilestoneCommand *) command;
  cohorts_school_set_milestone (self->school, self->step, &self->before);
}

static void
milestone_finalize (CohortsCommand *command)
{
  MilestoneCommand *self = (MilestoneCommand *) command;
  g_clear_object (&self->school);
}

static const CohortsCommandClass milestone_class = { milestone_apply, milestone_revert, milestone_finalize };

/**
 * cohorts_plan_set_milestone:
 * @milestone: the school's own date for @step (a step that lasts also has
 *   a start), planned or done; state %COHORTS_MILESTONE_SCHEDULED gives the
 *   step back to the schedule
 *
 * Gives @school a date of its own for @step, as an undoable step.
 *
 * Returns: %FALSE, with @error set, for dates a plan cannot hold or a start
 *   after the end
 */
gboolean
cohorts_plan_set_milestone (CohortsPlan            *self,
                            CohortsSchool          *school,
                            CohortsStep             step,
                            const CohortsMilestone *milestone,
                            GError                **error)
{
  MilestoneCommand *command;
  CohortsMilestone before, after;
  g_autofree char *label = NULL;

  g_return_val_if_fail (COHORTS_IS_PLAN (self), FALSE);
  g_return_val_if_fail (milestone != NULL, FALSE);
  g_return_val_if_fail (COHORTS_IS_SCHOOL (school) && belongs_to_plan (self, school), FALSE);
  g_return_val_if_fail (step < COHORTS_N_STEPS, FALSE);
  g_return_val_if_fail (milestone->state <= COHORTS_MILESTONE_DONE, FALSE);

  after = *milestone;

  if (after.state == COHORTS_MILESTONE_SCHEDULED)
    after.start = after.date = COHORTS_DATE_NONE;
  else
    {
      if (!cohorts_step_lasts (step))
        after.start = COHORTS_DATE_NONE;
      if (!cohorts_date_is_valid (after.date) ||
          (after.start != COHORTS_DATE_NONE && !cohorts_date_is_valid (after.start)))
        {
          g_set_error (error, COHORTS_PLAN_ERROR, COHORTS_PLAN_ERROR_INVALID,
                       _("%s needs a date between 1900 and 2200"), cohorts_step_get_name (step));
          return FALSE;
        }
      if (after.start != COHORTS_DATE_NONE && after.start > after.date)
        {
          g_set_error (error, COHORTS_PLAN_ERROR, COHORTS_PLAN_ERROR_INVALID,
                       _("%s cannot end before it starts"), cohorts_step_get_name (step));
          return FALSE;
        }
    }

  cohorts_school_get_milestone (school, step, &before);
  if (memcmp (&before, &after, sizeof before) == 0)
    return TRUE;

  if (after.state == COHORTS_MILESTONE_DONE)
    /* Translators: an undo step, "Mark Academy order Done" */
    label = g_strdup_printf (_("Mark %s Done"), cohorts_step_get_name (step));
  else if (after.state == COHORTS_MILESTONE_PLANNED)
    /* Translators: an undo step, "Set Date of Academy order" */
    label = g_strdup_printf (_("Set Date of %s"), cohorts_step_get_name (step));
  else
    /* Translators: an undo step, "Reschedule Academy order" (back to the plan's schedule) */
    label = g_strdup_printf (_("Reschedule %s"), cohorts_step_get_name (step));

  command = cohorts_command_new (&milestone_class, sizeof (MilestoneCommand), label);
  command->school = g_object_ref (school);
  command->step = step;
  command->before = before;
  command->after = after;
  cohorts_history_push (self->history, (CohortsCommand *) command);
  return TRUE;
}

typedef struct
{
  CohortsCommand parent;
  CohortsSchedule *schedule;
  int step;                  /* -1: the church lead time */
  int before[2];
  int after[2];
} TimingCommand;

static void
timing_set (TimingCommand *self,
            const int      values[2])
{
  if (self->step < 0)
    cohorts_schedule_set_church_lead_weeks (self->schedule, values[0]);
  else
    cohorts_schedule_set_timing (self->schedule, self->step, values[0], values[1]);
}

static void
timing_apply (CohortsCommand *command)
{
  TimingCommand *self = (TimingCommand *) command;
  timing_set (self, self->after);
}

static void
timing_revert (CohortsCommand *command)
{
  TimingCommand *self = (TimingCommand *) command;
  timing_set (self, self->before);
}

static void
timing_finalize (CohortsCommand *command)
{
  TimingCommand *self = (TimingCommand *) command;
  g_clear_object (&self->schedule);
}

static const CohortsCommandClass timing_class = { timing_apply, timing_revert, timing_finalize };

/**
 * cohorts_plan_set_step_timing:
 * @weeks_before: 0–104: how many weeks before the conversion @step is due
 * @weeks: 0–52: how long it lasts (0 for a step that does not last)
 *
 * Changes the plan's schedule for every school, as an undoable step.
 */
void
cohorts_plan_set_step_timing (CohortsPlan *self,
                              CohortsStep  step,
                              int          weeks_before,
                              int          weeks)
{
  TimingCommand *command;
  g_autofree char *label = NULL;

  g_return_if_fail (COHORTS_IS_PLAN (self));
  g_return_if_fail (step < COHORTS_N_STEPS);
  g_return_if_fail (weeks_before >= 0 && weeks_before <= 104 && weeks >= 0 && weeks <= 52);
  g_return_if_fail (cohorts_step_lasts (step) || weeks == 0);
  /* The conversion is the day the others count back from. */
  g_return_if_fail (step != COHORTS_STEP_CONVERSION || weeks_before == 0);

  if (cohorts_schedule_get_weeks_before (self->schedule, step) == weeks_before &&
      cohorts_schedule_get_weeks (self->schedule, step) == weeks)
    return;

  /* Translators: an undo step, "Change Timing of TUPE consultation" */
  label = g_strdup_printf (_("Change Timing of %s"), cohorts_step_get_name (step));
  command = cohorts_command_new (&timing_class, sizeof (TimingCommand), label);
  command->schedule = g_object_ref (self->schedule);
  command->step = step;
  command->before[0] = cohorts_schedule_get_weeks_before (self->schedule, step);
  command->before[1] = cohorts_schedule_get_weeks (self->schedule, step);
  command->after[0] = weeks_before;
  command->after[1] = weeks;
  cohorts_history_push (self->history, (CohortsCommand *) command);
}

/**
 * cohorts_plan_set_church_lead_weeks:
 * @weeks: 0–52: how much sooner church schools start their first steps
 */
void
cohorts_plan_set_church_lead_weeks (CohortsPlan *self,
                                    int          weeks)
{
  TimingCommand *command;

  g_return_if_fail (COHORTS_IS_PLAN (self));
  g_return_if_fail (weeks >= 0 && weeks <= 52);

  if (cohorts_schedule_get_church_lead_weeks (self->schedule) == weeks)
    return;

  command = cohorts_command_new (&timing_class, sizeof (TimingCommand), _("Change Church Lead Time"));
  command->schedule = g_object_ref (self->schedule);
  command->step = -1;
  command->before[0] = cohorts_schedule_get_church_lead_weeks (self->schedule);
  command->after[0] = weeks;
  cohorts_history_push (self->history, (CohortsCommand *) command);
}

/**
 * cohorts_plan_get_readiness:
 *
 * Returns: (transfer none): the plan's readiness framework
 */
CohortsReadiness *
cohorts_plan_get_readiness (CohortsPlan *self)
{
  g_return_val_if_fail (COHORTS_IS_PLAN (self), NULL);
  return self->readiness;
}

/**
 * cohorts_plan_score_school:
 * @score: (out caller-allocates): @school's readiness under the plan's
 *   framework
 */
void
cohorts_plan_score_school (CohortsPlan           *self,
                           CohortsSchool         *school,
                           CohortsReadinessScore *score)
{
  g_return_if_fail (COHORTS_IS_PLAN (self));
  g_return_if_fail (COHORTS_IS_SCHOOL (school));

  cohorts_school_score_readiness (school, cohorts_readiness_get_framework (self->readiness), score);
}

typedef struct
{
  CohortsCommand parent;
  CohortsSchool *school;
  CohortsCriterion criterion;
  CohortsAnswer before;
  CohortsAnswer after;
} AnswerCommand;

static void
answer_apply (CohortsCommand *command)
{
  AnswerCommand *self = (AnswerCommand *) command;
  cohorts_school_set_answer (self->school, self->criterion, &self->after);
}

static void
answer_revert (CohortsCommand *command)
{
  AnswerCommand *self = (AnswerCommand *) command;
  cohorts_school_set_answer (self->school, self->criterion, &self->before);
}

static void
answer_finalize (CohortsCommand *command)
{
  AnswerCommand *self = (AnswerCommand *) command;
  g_clear_object (&self->school);
  cohorts_answer_clear (&self->before);
  cohorts_answer_clear (&self->after);
}

static const CohortsCommandClass answer_class = { answer_apply, answer_revert, answer_finalize };

/**
 * cohorts_plan_set_answer:
 * @answer: the state, a note (%NULL or empty for none; made one line of at
 *   most %COHORTS_SHORT_TEXT_MAX characters) and the date of the evidence (%COHORTS_DATE_NONE for none); state %COHORTS_ANSWER_NONE
 *   takes the answer away
 *
 * Sets @school's answer on @criterion, state, note and date together, as
 * one undoable step.
 *
 * Returns: %FALSE, with @error set, for a date a plan cannot hold
 */
gboolean
cohorts_plan_set_answer (CohortsPlan         *self,
                         CohortsSchool       *school,
                         CohortsCriterion     criterion,
                         const CohortsAnswer *answer,
                         GError             **error)
{
  AnswerCommand *command;
  CohortsAnswer after = { 0, };
  g_autofree char *label = NULL;
  g_autofree char *note = NULL;

  g_return_val_if_fail (COHORTS_IS_PLAN (self), FALSE);
  g_return_val_if_fail (COHORTS_IS_SCHOOL (school) && belongs_to_plan (self, school), FALSE);
  g_return_val_if_fail (criterion < COHORTS_N_CRITERIA, FALSE);
  g_return_val_if_fail (answer != NULL && answer->state <= COHORTS_ANSWER_NOT_APPLICABLE, FALSE);

  if (answer->state != COHORTS_ANSWER_NONE)
    {
      if (answer->date != COHORTS_DATE_NONE && !cohorts_date_is_valid (answer->date))
        {
          g_set_error (error, COHORTS_PLAN_ERROR, COHORTS_PLAN_ERROR_INVALID,
                       _("The evidence for “%s” needs a date between 1900 and 2200"),
                       cohorts_criterion_get_name (criterion));
          return FALSE;
        }
      after.state = answer->state;
      after.date = answer->date;
      /* One line, as the file keeps it. */
      note = answer->note != NULL ? cohorts_text_clean_line (answer->note) : NULL;
      after.note = note != NULL && note[0] != '\0' ? note : NULL;
    }

  if (cohorts_answer_equal (cohorts_school_get_answer (school, criterion), &after))
    return TRUE;

  if (after.state == COHORTS_ANSWER_NONE)
    /* Translators: an undo step, "Clear “Finances and a sustainable budget” for Ashby First School" */
    label = g_strdup_printf (_("Clear “%s” for %s"), cohorts_criterion_get_name (criterion),
                             cohorts_school_get_name (school));
  else
    /* Translators: an undo step, "Set “Finances and a sustainable budget” for Ashby First School" */
    label = g_strdup_printf (_("Set “%s” for %s"), cohorts_criterion_get_name (criterion),
                             cohorts_school_get_name (school));

  command = cohorts_command_new (&answer_class, sizeof (AnswerCommand), label);
  command->school = g_object_ref (school);
  command->criterion = criterion;
  {
    const CohortsAnswer *before = cohorts_school_get_answer (school, criterion);
    command->before = (CohortsAnswer) { before->state, g_strdup (before->note), before->date };
  }
  command->after = (CohortsAnswer) { after.state, g_strdup (after.note), after.date };
  cohorts_history_push (self->history, (CohortsCommand *) command);
  return TRUE;
}

typedef struct
{
  CohortsCommand parent;
  CohortsReadiness *readiness;
  CohortsFramework before;
  CohortsFramework after;
} FrameworkCommand;

static void
framework_apply (CohortsCommand *command)
{
  FrameworkCommand *self = (FrameworkCommand *) command;
  cohorts_readiness_set_framework (self->readiness, &self->after);
}

static void
framework_revert (CohortsCommand *command)
{
  FrameworkCommand *self = (FrameworkCommand *) command;
  cohorts_readiness_set_framework (self->readiness, &self->before);
}

static void
framework_finalize (CohortsCommand *command)
{
  FrameworkCommand *self = (FrameworkCommand *) command;
  g_clear_object (&self->readiness);
}

static const CohortsCommandClass framework_class = { framework_apply, framework_revert, framework_finalize };

static void
push_framework (CohortsPlan            *self,
                const CohortsFramework *after,
                const char             *label)
{
  FrameworkCommand *command;
  const CohortsFramework *before = cohorts_readiness_get_framework (self->readiness);

  if (memcmp (before, after, sizeof *after) == 0)
    return;

  command = cohorts_command_new (&framework_class, sizeof (FrameworkCommand), label);
  command->readiness = g_object_ref (self->readiness);
  command->before = *before;
  command->after = *after;
  cohorts_history_push (self->history, (CohortsCommand *) command);
}

/**
 * cohorts_plan_set_criterion_weight:
 * @weight: 1–10
 *
 * Changes how much @criterion weighs in every school's readiness, as an
 * undoable step.
 */
void
cohorts_plan_set_criterion_weight (CohortsPlan      *self,
                                   CohortsCriterion  criterion,
                                   int               weight)
{
  CohortsFramework framework;
  g_autofree char *label = NULL;

  g_return_if_fail (COHORTS_IS_PLAN (self));
  g_return_if_fail (criterion < COHORTS_N_CRITERIA);
  g_return_if_fail (weight >= COHORTS_WEIGHT_MIN && weight <= COHORTS_WEIGHT_MAX);

  framework = *cohorts_readiness_get_framework (self->readiness);
  framework.weights[criterion] = weight;
  /* Translators: an undo step, "Change Weight of “Consultation”" */
  label = g_strdup_printf (_("Change Weight of “%s”"), cohorts_criterion_get_name (criterion));
  push_framework (self, &framework, label);
}

/**
 * cohorts_plan_set_criterion_critical:
 * @critical: whether "not met" on @criterion makes a school red whatever
 *   its score
 */
void
cohorts_plan_set_criterion_critical (CohortsPlan      *self,
                                     CohortsCriterion  criterion,
                                     gboolean          critical)
{
  CohortsFramework framework;
  g_autofree char *label = NULL;

  g_return_if_fail (COHORTS_IS_PLAN (self));
  g_return_if_fail (criterion < COHORTS_N_CRITERIA);

  framework = *cohorts_readiness_get_framework (self->readiness);
  framework.critical[criterion] = !!critical;
  if (critical)
    /* Translators: an undo step, "Make “Consultation” Critical" */
    label = g_strdup_printf (_("Make “%s” Critical"), cohorts_criterion_get_name (criterion));
  else
    /* Translators: an undo step, "Make “Consultation” Not Critical" */
    label = g_strdup_printf (_("Make “%s” Not Critical"), cohorts_criterion_get_name (criterion));
  push_framework (self, &framework, label);
}

/**
 * cohorts_plan_set_readiness_thresholds:
 * @green_min: the lowest score, in percent, that is green
 * @amber_min: the lowest that is amber (below it is red)
 *
 * Returns: %FALSE, with @error set, unless 0 ≤ @amber_min ≤ @green_min ≤ 100
 */
gboolean
cohorts_plan_set_readiness_thresholds (CohortsPlan *self,
                                       int          green_min,
                                       int          amber_min,
                                       GError     **error)
{
  CohortsFramework framework;

  g_return_val_if_fail (COHORTS_IS_PLAN (self), FALSE);

  if (amber_min < 0 || amber_min > green_min || green_min > 100)
    {
      g_set_error (error, COHORTS_PLAN_ERROR, COHORTS_PLAN_ERROR_INVALID,
                   _("The thresholds need 0%% ≤ amber ≤ green ≤ 100%%"));
      return FALSE;
    }

  framework = *cohorts_readiness_get_framework (self->readiness);
  framework.green_min = green_min;
  framework.amber_min = amber_min;
  push_framework (self, &framework, _("Change Readiness Thresholds"));
  return TRUE;
}

/**
 * cohorts_plan_restore_default_framework:
 *
 * Gives the readiness framework its default weights, critical criteria and
 * thresholds back, as one undoable step. The schools' answers stay.
 */
void
cohorts_plan_restore_default_framework (CohortsPlan *self)
{
  CohortsFramework framework;

  g_return_if_fail (COHORTS_IS_PLAN (self));

  cohorts_framework_init_default (&framework);
  push_framework (self, &framework, _("Restore Default Framework"));
}

/**
 * cohorts_plan_begin_edit:
 * @label: what the step is called in the Undo menu ("Suggest Cohorts")
 *
 * Makes the edits until cohorts_plan_end_edit() one undoable step.
 */
void
cohorts_plan_begin_edit (CohortsPlan *self,
                         const char  *label)
{
  g_return_if_fail (COHORTS_IS_PLAN (self));
  cohorts_history_begin_group (self->history, label);
}

void
cohorts_plan_end_edit (CohortsPlan *self)
{
  g_return_if_fail (COHORTS_IS_PLAN (self));
  cohorts_history_end_group (self->history);
}

/* Loading, without history (cohorts-plan-private.h) */

/**
 * cohorts_plan_load_schools:
 * @schools: (element-type CohortsSchool): schools with distinct URNs, not in
 *   the plan
 *
 * Appends @schools in one change. The loader has checked the URNs.
 */
void
cohorts_plan_load_schools (CohortsPlan *self,
                           GPtrArray   *schools)
{
  g_return_if_fail (COHORTS_IS_PLAN (self));

  for (guint i = 0; i < schools->len; i++)
    {
      CohortsSchool *school = g_ptr_array_index (schools, i);
      g_hash_table_insert (self->by_urn, GUINT_TO_POINTER (school->urn), school);
    }

  g_list_store_splice (self->schools, cohorts_plan_get_n_schools (self), 0,
                       schools->pdata, schools->len);
}

/**
 * cohorts_plan_load_cohort:
 * @members: (element-type CohortsSchool): schools of the plan in no cohort
 *
 * Appends @cohort with @members in order. The loader has checked that the
 * id is new and the members are in no other cohort.
 */
void
cohorts_plan_load_cohort (CohortsPlan   *self,
                          CohortsCohort *cohort,
                          GPtrArray     *members)
{
  g_return_if_fail (COHORTS_IS_PLAN (self));
  g_return_if_fail (COHORTS_IS_COHORT (cohort));

  for (guint i = 0; i < members->len; i++)
    {
      CohortsSchool *school = g_ptr_array_index (members, i);
      g_assert (school->cohort == NULL);
      school->cohort = cohort;
    }

  g_list_store_splice (cohort->members, 0, 0, members->pdata, members->len);
  g_list_store_append (self->cohorts, cohort);
  g_hash_table_insert (self->cohorts_by_id, cohort->id, cohort);
}

/**
 * cohorts_plan_load_finish:
 *
 * Fills the unassigned list and records the file's format version; what the
 * plan holds now counts as saved.
 */
void
cohorts_plan_load_finish (CohortsPlan *self,
                          int          source_version)
{
  GListModel *schools;
  g_autoptr(GPtrArray) unassigned = g_ptr_array_new ();
  guint n;

  g_return_if_fail (COHORTS_IS_PLAN (self));

  schools = G_LIST_MODEL (self->schools);
  n = g_list_model_get_n_items (schools);
  for (guint i = 0; i < n; i++)
    {
      CohortsSchool *school = g_list_model_get_item (schools, i);

      if (school->cohort == NULL)
        g_ptr_array_add (unassigned, school);
      g_object_unref (school); /* the plan holds it */
    }

  g_list_store_remove_all (self->unassigned);
  g_list_store_splice (self->unassigned, 0, 0, unassigned->pdata, unassigned->len);

  self->source_version = source_version;
  cohorts_history_clear (self->history);
}

/* Review: comments and decisions */

/**
 * cohorts_plan_get_comments:
 *
 * Returns: (transfer none): the plan's comments (#CohortsComment), in the
 *   order they were written; replies come after what they answer
 */
GListModel *
cohorts_plan_get_comments (CohortsPlan *self)
{
  g_return_val_if_fail (COHORTS_IS_PLAN (self), NULL);
  return G_LIST_MODEL (self->comments);
}

/**
 * cohorts_plan_find_comment:
 *
 * Returns: (transfer none) (nullable): the comment with @id
 */
CohortsComment *
cohorts_plan_find_comment (CohortsPlan *self,
                           const char  *id)
{
  g_return_val_if_fail (COHORTS_IS_PLAN (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  return g_hash_table_lookup (self->comments_by_id, id);
}

/**
 * cohorts_plan_has_subject:
 *
 * Returns: whether @subject ("plan", "school:URN", "cohort:ID") names the
 *   plan, one of its schools or one of its cohorts
 */
gboolean
cohorts_plan_has_subject (CohortsPlan *self,
                          const char  *subject)
{
  g_return_val_if_fail (COHORTS_IS_PLAN (self), FALSE);

  if (!cohorts_comment_subject_is_valid (subject))
    return FALSE;
  if (strcmp (subject, "plan") == 0)
    return TRUE;
  if (g_str_has_prefix (subject, "school:"))
    return cohorts_plan_find_school (self, (guint) atoi (subject + strlen ("school:"))) != NULL;
  return cohorts_plan_find_cohort (self, subject + strlen ("cohort:")) != NULL;
}

/**
 * cohorts_plan_get_n_open_comments:
 *
 * Returns: how many comments are not resolved
 */
guint
cohorts_plan_get_n_open_comments (CohortsPlan *self)
{
  guint n, open = 0;

  g_return_val_if_fail (COHORTS_IS_PLAN (self), 0);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->comments));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CohortsComment) comment = g_list_model_get_item (G_LIST_MODEL (self->comments), i);
      open += !cohorts_comment_get_resolved (comment);
    }
  return open;
}

static void
insert_comment (CohortsPlan    *self,
                CohortsComment *comment,
                guint           position)
{
  g_hash_table_insert (self->comments_by_id, (gpointer) cohorts_comment_get_id (comment), comment);
  g_list_store_insert (self->comments, position, comment);
}

static void
take_out_comment (CohortsPlan    *self,
                  CohortsComment *comment)
{
  guint position;

  if (g_list_store_find (self->comments, comment, &position))
    {
      g_hash_table_remove (self->comments_by_id, cohorts_comment_get_id (comment));
      g_list_store_remove (self->comments, position);
    }
}

void
cohorts_plan_load_comment (CohortsPlan    *self,
                           CohortsComment *comment)
{
  g_return_if_fail (COHORTS_IS_PLAN (self));
  g_return_if_fail (cohorts_plan_find_comment (self, cohorts_comment_get_id (comment)) == NULL);

  insert_comment (self, comment, g_list_model_get_n_items (G_LIST_MODEL (self->comments)));
}

/* Adds comments at their positions, or takes them out: one command for a new
 * comment (positions of one), or for every comment about a school or cohort
 * that is removed. */
typedef struct
{
  CohortsCommand parent;
  CohortsPlan *plan;
  GPtrArray *comments;   /* CohortsComment, in order */
  GArray *positions;     /* guint, where each is in the list */
  gboolean adds;
} CommentsCommand;

static void
comments_put (CommentsCommand *self)
{
  for (guint i = 0; i < self->comments->len; i++)
    insert_comment (self->plan, g_ptr_array_index (self->comments, i),
                    g_array_index (self->positions, guint, i));
}

static void
comments_take (CommentsCommand *self)
{
  for (guint i = self->comments->len; i > 0; i--)
    take_out_comment (self->plan, g_ptr_array_index (self->comments, i - 1));
}

static void
comments_apply (CohortsCommand *command)
{
  CommentsCommand *self = (CommentsCommand *) command;

  if (self->adds)
    comments_put (self);
  else
    comments_take (self);
}

static void
comments_revert (CohortsCommand *command)
{
  CommentsCommand *self = (CommentsCommand *) command;

  if (self->adds)
    comments_take (self);
  else
    comments_put (self);
}

static void
comments_finalize (CohortsCommand *command)
{
  CommentsCommand *self = (CommentsCommand *) command;

  g_clear_pointer (&self->comments, g_ptr_array_unref);
  g_clear_pointer (&self->positions, g_array_unref);
}

static const CohortsCommandClass comments_class = { comments_apply, comments_revert, comments_finalize };

static CommentsCommand *
comments_command_new (CohortsPlan *self,
                      const char  *label,
                      gboolean     adds)
{
  CommentsCommand *command = cohorts_command_new (&comments_class, sizeof (CommentsCommand), label);

  command->plan = self;
  command->comments = g_ptr_array_new_with_free_func (g_object_unref);
  command->positions = g_array_new (FALSE, FALSE, sizeof (guint));
  command->adds = adds;
  return command;
}

/* Takes out every comment about @subject, as a step of the edit that takes
 * the subject away (the file may not name a school or cohort it lacks). */
static void
remove_comments_about (CohortsPlan *self,
                       const char  *subject)
{
  GListModel *comments = G_LIST_MODEL (self->comments);
  guint n = g_list_model_get_n_items (comments);
  CommentsCommand *command = NULL;

  for (guint i = 0; i < n; i++)
    {
      CohortsComment *comment = g_list_model_get_item (comments, i);

      if (strcmp (cohorts_comment_get_subject (comment), subject) != 0)
        {
          g_object_unref (comment);
          continue;
        }
      if (command == NULL)
        command = comments_command_new (self, _("Remove Comments"), FALSE);
      g_ptr_array_add (command->comments, comment);
      g_array_append_val (command->positions, i);
    }

  if (command != NULL)
    cohorts_history_push (self->history, (CohortsCommand *) command);
}

static char *
make_comment_id (CohortsPlan *self)
{
  for (guint n = g_list_model_get_n_items (G_LIST_MODEL (self->comments)) + 1; ; n++)
    {
      char *id = g_strdup_printf ("r%u", n);

      if (!g_hash_table_contains (self->comments_by_id, id))
        return id;
      g_free (id);
    }
}

/**
 * cohorts_plan_add_comment:
 * @subject: what it is about: "plan", "school:URN" or "cohort:ID"
 * @author: who writes it, a name (made one line)
 * @text: (nullable): what it says (cleaned as notes are)
 * @reply_to: (nullable): the comment it answers, about the same subject
 *
 * Adds a comment written now, open, at the end of the plan's comments, as
 * one undoable step.
 *
 * Returns: (transfer none): the comment, or %NULL with @error set when the
 *   subject is not in the plan, there is no author or the text is too long
 */
CohortsComment *
cohorts_plan_add_comment (CohortsPlan         *self,
                          const char          *subject,
                          const char          *author,
                          CohortsCommentKind   kind,
                          const char          *text,
                          CohortsComment      *reply_to,
                          GError             **error)
{
  g_autofree char *clean_author = NULL;
  g_autofree char *clean_text = NULL;
  g_autofree char *id = NULL;
  g_autoptr(CohortsComment) comment = NULL;
  CommentsCommand *command;
  guint position;

  g_return_val_if_fail (COHORTS_IS_PLAN (self), NULL);
  g_return_val_if_fail (subject != NULL && author != NULL, NULL);
  g_return_val_if_fail (kind <= COHORTS_COMMENT_KIND_NOTE, NULL);
  g_return_val_if_fail (reply_to == NULL || COHORTS_IS_COMMENT (reply_to), NULL);

  if (!cohorts_plan_has_subject (self, subject))
    {
      g_set_error (error, COHORTS_PLAN_ERROR, COHORTS_PLAN_ERROR_INVALID,
                   _("The plan has nothing called “%s” to comment on"), subject);
      return NULL;
    }

  clean_author = cohorts_text_clean_line (author);
  g_strstrip (clean_author);
  if (clean_author[0] == '\0' || g_utf8_strlen (clean_author, -1) > COHORTS_SHORT_TEXT_MAX)
    {
      g_set_error (error, COHORTS_PLAN_ERROR, COHORTS_PLAN_ERROR_INVALID,
                   _("A comment needs its author’s name, of at most %d characters"),
                   COHORTS_SHORT_TEXT_MAX);
      return NULL;
    }

  clean_text = cohorts_text_clean_notes (text != NULL ? text : "");
  if (g_utf8_strlen (clean_text, -1) > COHORTS_COMMENT_TEXT_MAX)
    {
      g_set_error (error, COHORTS_PLAN_ERROR, COHORTS_PLAN_ERROR_TOO_LARGE,
                   _("A comment can hold at most %d characters"), COHORTS_COMMENT_TEXT_MAX);
      return NULL;
    }

  if (reply_to != NULL &&
      (cohorts_plan_find_comment (self, cohorts_comment_get_id (reply_to)) != reply_to ||
       strcmp (cohorts_comment_get_subject (reply_to), subject) != 0))
    {
      g_set_error (error, COHORTS_PLAN_ERROR, COHORTS_PLAN_ERROR_INVALID,
                   _("A reply must answer a comment of the plan about the same subject"));
      return NULL;
    }

  id = make_comment_id (self);
  comment = cohorts_comment_new (id, subject, clean_author, cohorts_date_time_now (), kind,
                                 clean_text, reply_to ? cohorts_comment_get_id (reply_to) : NULL);

  position = g_list_model_get_n_items (G_LIST_MODEL (self->comments));
  command = comments_command_new (self, reply_to ? _("Add Reply") : _("Add Comment"), TRUE);
  g_ptr_array_add (command->comments, g_object_ref (comment));
  g_array_append_val (command->positions, position);
  cohorts_history_push (self->history, (CohortsCommand *) command);
  return comment;
}

typedef struct
{
  CohortsCommand parent;
  CohortsPlan *plan;
  CohortsComment *comment;
  gboolean before_resolved, after_resolved;
  char *before_by, *after_by;
  gint64 before_at, after_at;
} ResolveCommand;

static void
resolve_set (ResolveCommand *self,
             gboolean        resolved,
             const char     *by,
             gint64          at)
{
  guint position;

  cohorts_comment_set_resolved (self->comment, resolved, by, at);
  /* The lists of comments show it anew. */
  if (g_list_store_find (self->plan->comments, self->comment, &position))
    g_list_store_splice (self->plan->comments, position, 1, (gpointer *) &self->comment, 1);
}

static void
resolve_apply (CohortsCommand *command)
{
  ResolveCommand *self = (ResolveCommand *) command;
  resolve_set (self, self->after_resolved, self->after_by, self->after_at);
}

static void
resolve_revert (CohortsCommand *command)
{
  ResolveCommand *self = (ResolveCommand *) command;
  resolve_set (self, self->before_resolved, self->before_by, self->before_at);
}

static void
resolve_finalize (CohortsCommand *command)
{
  ResolveCommand *self = (ResolveCommand *) command;

  g_clear_object (&self->comment);
  g_clear_pointer (&self->before_by, g_free);
  g_clear_pointer (&self->after_by, g_free);
}

static const CohortsCommandClass resolve_class = { resolve_apply, resolve_revert, resolve_finalize };

/**
 * cohorts_plan_resolve_comment:
 * @resolved: %TRUE to resolve @comment, %FALSE to open it again
 * @by: (nullable): who resolves it
 *
 * Resolves @comment now (or reopens it), as one undoable step.
 */
void
cohorts_plan_resolve_comment (CohortsPlan    *self,
                              CohortsComment *comment,
                              gboolean        resolved,
                              const char     *by)
{
  ResolveCommand *command;

  g_return_if_fail (COHORTS_IS_PLAN (self));
  g_return_if_fail (COHORTS_IS_COMMENT (comment));
  g_return_if_fail (cohorts_plan_find_comment (self, cohorts_comment_get_id (comment)) == comment);

  if (cohorts_comment_get_resolved (comment) == !!resolved)
    return;

  command = cohorts_command_new (&resolve_class, sizeof (ResolveCommand),
                                 resolved ? _("Resolve Comment") : _("Reopen Comment"));
  command->plan = self;
  command->comment = g_object_ref (comment);
  command->before_resolved = cohorts_comment_get_resolved (comment);
  command->before_by = g_strdup (cohorts_comment_get_resolved_by (comment));
  command->before_at = cohorts_comment_get_resolved_at (comment);
  command->after_resolved = !!resolved;
  command->after_by = resolved && by != NULL ? cohorts_text_clean_line (by) : NULL;
  command->after_at = resolved ? cohorts_date_time_now () : COHORTS_DATE_TIME_NONE;
  cohorts_history_push (self->history, (CohortsCommand *) command);
}

/* Baselines and the history of conversion dates */

/* Puts one object into a list of the plan at a place, or takes it out: a
 * baseline saved or removed, a date change recorded. */
typedef struct
{
  CohortsCommand parent;
  GListStore *store;
  GObject *item;
  guint position;
  gboolean adds;
} ItemCommand;

static void
item_put (ItemCommand *self)
{
  g_list_store_insert (self->store, self->position, self->item);
}

static void
item_take (ItemCommand *self)
{
  guint position;

  if (g_list_store_find (self->store, self->item, &position))
    g_list_store_remove (self->store, position);
}

static void
item_apply (CohortsCommand *command)
{
  ItemCommand *self = (ItemCommand *) command;

  if (self->adds)
    item_put (self);
  else
    item_take (self);
}

static void
item_revert (CohortsCommand *command)
{
  ItemCommand *self = (ItemCommand *) command;

  if (self->adds)
    item_take (self);
  else
    item_put (self);
}

static void
item_finalize (CohortsCommand *command)
{
  ItemCommand *self = (ItemCommand *) command;

  g_clear_object (&self->store);
  g_clear_object (&self->item);
}

static const CohortsCommandClass item_class = { item_apply, item_revert, item_finalize };

static void
push_item_command (CohortsPlan *self,
                   const char  *label,
                   GListStore  *store,
                   gpointer     item,
                   guint        position,
                   gboolean     adds)
{
  ItemCommand *command = cohorts_command_new (&item_class, sizeof (ItemCommand), label);

  command->store = g_object_ref (store);
  command->item = g_object_ref (item);
  command->position = position;
  command->adds = adds;
  cohorts_history_push (self->history, (CohortsCommand *) command);
}

/**
 * cohorts_plan_get_baselines:
 *
 * Returns: (transfer none): the plan's baselines (#CohortsBaseline), in the
 *   order they were saved
 */
GListModel *
cohorts_plan_get_baselines (CohortsPlan *self)
{
  g_return_val_if_fail (COHORTS_IS_PLAN (self), NULL);
  return G_LIST_MODEL (self->baselines);
}

/**
 * cohorts_plan_find_baseline:
 * @id_or_name: a baseline's id, or else its name
 *
 * Returns: (transfer none) (nullable): the baseline with that id, else the
 *   last saved with that name
 */
CohortsBaseline *
cohorts_plan_find_baseline (CohortsPlan *self,
                            const char  *id_or_name)
{
  GListModel *baselines;
  guint n;
  CohortsBaseline *named = NULL;

  g_return_val_if_fail (COHORTS_IS_PLAN (self), NULL);
  g_return_val_if_fail (id_or_name != NULL, NULL);

  baselines = G_LIST_MODEL (self->baselines);
  n = g_list_model_get_n_items (baselines);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CohortsBaseline) baseline = g_list_model_get_item (baselines, i);

      if (strcmp (cohorts_baseline_get_id (baseline), id_or_name) == 0)
        return baseline;
      if (strcmp (cohorts_baseline_get_name (baseline), id_or_name) == 0)
        named = baseline;
    }
  return named;
}

/**
 * cohorts_plan_get_conversion_date:
 *
 * Returns: @school's conversion date as the schedule works it out: its own
 *   if it has one, else its cohort's; %COHORTS_DATE_NONE for none
 */
CohortsDate
cohorts_plan_get_conversion_date (CohortsPlan   *self,
                                  CohortsSchool *school)
{
  CohortsMilestone milestones[COHORTS_N_STEPS];

  g_return_val_if_fail (COHORTS_IS_PLAN (self), COHORTS_DATE_NONE);
  g_return_val_if_fail (COHORTS_IS_SCHOOL (school), COHORTS_DATE_NONE);

  return cohorts_schedule_plan (self->schedule, school, milestones);
}

/**
 * cohorts_plan_make_baseline_name:
 * @at: a moment, in seconds since 1970 (UTC)
 *
 * Returns: (transfer full): the name a baseline saved at @at is offered:
 *   "Baseline of 24 November 2026"
 */
char *
cohorts_plan_make_baseline_name (gint64 at)
{
  g_autoptr(GDateTime) moment = g_date_time_new_from_unix_utc (at);
  g_autofree char *day = NULL;

  g_return_val_if_fail (moment != NULL, NULL);
  day = cohorts_date_format (cohorts_date_new (g_date_time_get_year (moment),
                                               g_date_time_get_month (moment),
                                               g_date_time_get_day_of_month (moment)));
  /* Translators: the name offered for a new baseline: "Baseline of 24 November 2026" */
  return g_strdup_printf (_("Baseline of %s"), day);
}

static char *
make_baseline_id (CohortsPlan *self)
{
  for (guint n = g_list_model_get_n_items (G_LIST_MODEL (self->baselines)) + 1; ; n++)
    {
      char *id = g_strdup_printf ("b%u", n);
      GListModel *baselines = G_LIST_MODEL (self->baselines);
      guint count = g_list_model_get_n_items (baselines);
      gboolean used = FALSE;

      for (guint i = 0; i < count && !used; i++)
        {
          g_autoptr(CohortsBaseline) baseline = g_list_model_get_item (baselines, i);
          used = strcmp (cohorts_baseline_get_id (baseline), id) == 0;
        }
      if (!used)
        return id;
      g_free (id);
    }
}

/**
 * cohorts_plan_add_baseline:
 * @name: what to call it (made one line)
 *
 * Saves the plan's cohorts and its schools' conversion dates as they are
 * now, as a baseline at the end of the plan's, in one undoable step.
 *
 * Returns: (transfer none): the baseline, or %NULL with @error set when
 *   the name is empty or too long, or the plan has as many baselines as it
 *   may
 */
CohortsBaseline *
cohorts_plan_add_baseline (CohortsPlan  *self,
                           const char   *name,
                           GError      **error)
{
  g_autofree char *clean_name = NULL;
  g_autofree char *id = NULL;
  g_autoptr(CohortsBaseline) baseline = NULL;
  GListModel *cohorts, *schools;
  guint n_cohorts, n_schools, position;

  g_return_val_if_fail (COHORTS_IS_PLAN (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  clean_name = cohorts_text_clean_line (name);
  g_strstrip (clean_name);
  if (clean_name[0] == '\0' || g_utf8_strlen (clean_name, -1) > COHORTS_SHORT_TEXT_MAX)
    {
      g_set_error (error, COHORTS_PLAN_ERROR, COHORTS_PLAN_ERROR_INVALID,
                   _("A baseline needs a name of at most %d characters"), COHORTS_SHORT_TEXT_MAX);
      return NULL;
    }

  position = g_list_model_get_n_items (G_LIST_MODEL (self->baselines));
  if (position >= COHORTS_PLAN_MAX_BASELINES)
    {
      g_set_error (error, COHORTS_PLAN_ERROR, COHORTS_PLAN_ERROR_TOO_LARGE,
                   _("A plan can keep at most %d baselines; remove one first"),
                   COHORTS_PLAN_MAX_BASELINES);
      return NULL;
    }

  id = make_baseline_id (self);
  baseline = cohorts_baseline_new (id, clean_name, cohorts_date_time_now ());

  cohorts = G_LIST_MODEL (self->cohorts);
  n_cohorts = g_list_model_get_n_items (cohorts);
  for (guint i = 0; i < n_cohorts; i++)
    {
      g_autoptr(CohortsCohort) cohort = g_list_model_get_item (cohorts, i);
      cohorts_baseline_add_cohort (baseline, cohorts_cohort_get_id (cohort),
                                   cohorts_cohort_get_name (cohort), cohorts_cohort_get_date (cohort));
    }

  schools = G_LIST_MODEL (self->schools);
  n_schools = g_list_model_get_n_items (schools);
  for (guint i = 0; i < n_schools; i++)
    {
      g_autoptr(CohortsSchool) school = g_list_model_get_item (schools, i);
      CohortsCohort *cohort = cohorts_school_get_cohort (school);
      int index = -1;
      guint at;

      if (cohort != NULL && g_list_store_find (self->cohorts, cohort, &at))
        index = (int) at;
      cohorts_baseline_add_entry (baseline, cohorts_school_get_urn (school),
                                  cohorts_school_get_name (school), index,
                                  cohorts_plan_get_conversion_date (self, school));
    }
  cohorts_baseline_sort (baseline);

  push_item_command (self, _("Save Baseline"), self->baselines, baseline, position, TRUE);
  return baseline;
}

/**
 * cohorts_plan_remove_baseline:
 *
 * Removes @baseline from the plan, as one undoable step.
 */
void
cohorts_plan_remove_baseline (CohortsPlan     *self,
                              CohortsBaseline *baseline)
{
  guint position;

  g_return_if_fail (COHORTS_IS_PLAN (self));
  g_return_if_fail (COHORTS_IS_BASELINE (baseline));

  if (!g_list_store_find (self->baselines, baseline, &position))
    g_return_if_reached ();
  push_item_command (self, _("Remove Baseline"), self->baselines, baseline, position, FALSE);
}

void
cohorts_plan_load_baseline (CohortsPlan     *self,
                            CohortsBaseline *baseline)
{
  g_return_if_fail (COHORTS_IS_PLAN (self));
  g_return_if_fail (COHORTS_IS_BASELINE (baseline));

  g_list_store_append (self->baselines, baseline);
}

/**
 * cohorts_plan_get_date_changes:
 *
 * Returns: (transfer none): the history of the plan's conversion dates
 *   (#CohortsDateChange), in the order the changes were recorded. A change
 *   stays when its school or cohort leaves the plan: it is the record of
 *   what happened.
 */
GListModel *
cohorts_plan_get_date_changes (CohortsPlan *self)
{
  g_return_val_if_fail (COHORTS_IS_PLAN (self), NULL);
  return G_LIST_MODEL (self->date_changes);
}

/**
 * cohorts_plan_list_date_changes:
 * @subject: "school:URN" or "cohort:ID"
 *
 * Returns: (transfer container) (element-type CohortsDateChange): the
 *   changes of @subject's conversion date, oldest first
 */
GPtrArray *
cohorts_plan_list_date_changes (CohortsPlan *self,
                                const char  *subject)
{
  GListModel *changes;
  guint n;
  GPtrArray *found;

  g_return_val_if_fail (COHORTS_IS_PLAN (self), NULL);
  g_return_val_if_fail (subject != NULL, NULL);

  found = g_ptr_array_new_with_free_func (g_object_unref);
  changes = G_LIST_MODEL (self->date_changes);
  n = g_list_model_get_n_items (changes);
  for (guint i = 0; i < n; i++)
    {
      CohortsDateChange *change = g_list_model_get_item (changes, i);

      if (strcmp (cohorts_date_change_get_subject (change), subject) == 0)
        g_ptr_array_add (found, change);
      else
        g_object_unref (change);
    }
  return found;
}

/**
 * cohorts_plan_add_date_change:
 * @subject: what moved: "school:URN" or "cohort:ID", of the plan
 * @from: the date before, or %COHORTS_DATE_NONE
 * @to: the date after, or %COHORTS_DATE_NONE
 * @author: (nullable): who records it (made one line)
 * @note: (nullable): why, in words (cleaned as notes are)
 *
 * Records that a conversion date moved, now, as one undoable step; inside
 * cohorts_plan_begin_edit() and cohorts_plan_end_edit() with the edit that
 * moved it, one undo takes back both.
 *
 * Returns: (transfer none): the change, or %NULL with @error set when the
 *   subject is not in the plan, the dates are the same, or the note is too
 *   long
 */
CohortsDateChange *
cohorts_plan_add_date_change (CohortsPlan             *self,
                              const char              *subject,
                              CohortsDate              from,
                              CohortsDate              to,
                              CohortsDateChangeReason  reason,
                              const char              *author,
                              const char              *note,
                              GError                 **error)
{
  g_autofree char *clean_author = NULL;
  g_autofree char *clean_note = NULL;
  g_autoptr(CohortsDateChange) change = NULL;
  guint position;

  g_return_val_if_fail (COHORTS_IS_PLAN (self), NULL);
  g_return_val_if_fail (subject != NULL, NULL);
  g_return_val_if_fail (reason <= COHORTS_DATE_CHANGE_ADVISORY_BOARD, NULL);

  if (!cohorts_date_change_subject_is_valid (subject) || !cohorts_plan_has_subject (self, subject))
    {
      g_set_error (error, COHORTS_PLAN_ERROR, COHORTS_PLAN_ERROR_INVALID,
                   _("The plan has no school or cohort “%s” whose date could move"), subject);
      return NULL;
    }
  if (from == to)
    {
      g_set_error (error, COHORTS_PLAN_ERROR, COHORTS_PLAN_ERROR_INVALID,
                   _("A change of date needs two different dates"));
      return NULL;
    }

  clean_author = author != NULL ? cohorts_text_clean_line (author) : g_strdup ("");
  g_strstrip (clean_author);
  if (g_utf8_strlen (clean_author, -1) > COHORTS_SHORT_TEXT_MAX)
    {
      g_set_error (error, COHORTS_PLAN_ERROR, COHORTS_PLAN_ERROR_INVALID,
                   _("A name can have at most %d characters"), COHORTS_SHORT_TEXT_MAX);
      return NULL;
    }
  clean_note = cohorts_text_clean_notes (note != NULL ? note : "");
  if (g_utf8_strlen (clean_note, -1) > COHORTS_DATE_CHANGE_NOTE_MAX)
    {
      g_set_error (error, COHORTS_PLAN_ERROR, COHORTS_PLAN_ERROR_TOO_LARGE,
                   _("The reason can hold at most %d characters"), COHORTS_DATE_CHANGE_NOTE_MAX);
      return NULL;
    }

  change = cohorts_date_change_new (subject, cohorts_date_time_now (), from, to, reason,
                                    clean_author, clean_note);
  position = g_list_model_get_n_items (G_LIST_MODEL (self->date_changes));
  push_item_command (self, _("Record Date Change"), self->date_changes, change, position, TRUE);
  return change;
}

void
cohorts_plan_load_date_change (CohortsPlan       *self,
                               CohortsDateChange *change)
{
  g_return_if_fail (COHORTS_IS_PLAN (self));
  g_return_if_fail (COHORTS_IS_DATE_CHANGE (change));

  g_list_store_append (self->date_changes, change);
}
