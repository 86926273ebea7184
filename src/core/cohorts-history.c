/* cohorts-history.c: undoable commands
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every edit of a plan is a command pushed here: pushing applies it, undo
 * reverts the newest, redo applies it again. Commands pushed between
 * begin_group() and end_group() become one step with the group's label
 * ("Suggest Cohorts" moving forty schools is undone at once).
 *
 * The history also knows whether the plan differs from what was last saved:
 * each command has a serial number, and the plan is unmodified when the
 * newest applied command is the one that was newest at the last save.
 */
#define G_LOG_DOMAIN "cohorts-history"

#include "config.h"

#include "cohorts-history.h"

struct _CohortsHistory
{
  GObject parent_instance;

  GPtrArray *undo_stack;   /* CohortsCommand, oldest first */
  GPtrArray *redo_stack;   /* CohortsCommand, the next to redo last */
  GPtrArray *open_groups;  /* GroupCommand being filled, innermost last */

  guint64 next_serial;
  guint64 saved_serial;    /* serial of the newest command at the last save, 0: none */
  gboolean busy;           /* applying or reverting: refuse pushes */
};

G_DEFINE_FINAL_TYPE (CohortsHistory, cohorts_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_UNDO_LABEL,
  PROP_REDO_LABEL,
  PROP_MODIFIED,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Commands */

gpointer
cohorts_command_new (const CohortsCommandClass *klass,
                     gsize                      size,
                     const char                *label)
{
  CohortsCommand *command;

  g_return_val_if_fail (klass != NULL, NULL);
  g_return_val_if_fail (size >= sizeof (CohortsCommand), NULL);

  command = g_malloc0 (size);
  command->klass = klass;
  command->label = g_strdup (label ? label : "");
  return command;
}

void
cohorts_command_free (CohortsCommand *command)
{
  if (command == NULL)
    return;
  if (command->klass->finalize != NULL)
    command->klass->finalize (command);
  g_free (command->label);
  g_free (command);
}

typedef struct
{
  CohortsCommand parent;
  GPtrArray *children;
} GroupCommand;

static void
group_apply (CohortsCommand *command)
{
  GroupCommand *self = (GroupCommand *) command;

  for (guint i = 0; i < self->children->len; i++)
    {
      CohortsCommand *child = g_ptr_array_index (self->children, i);
      child->klass->apply (child);
    }
}

static void
group_revert (CohortsCommand *command)
{
  GroupCommand *self = (GroupCommand *) command;

  for (guint i = self->children->len; i > 0; i--)
    {
      CohortsCommand *child = g_ptr_array_index (self->children, i - 1);
      child->klass->revert (child);
    }
}

static void
group_finalize (CohortsCommand *command)
{
  GroupCommand *self = (GroupCommand *) command;

  g_ptr_array_unref (self->children);
}

static const CohortsCommandClass group_class = {
  group_apply,
  group_revert,
  group_finalize,
};

/* History */

static void
cohorts_history_finalize (GObject *object)
{
  CohortsHistory *self = (CohortsHistory *) object;

  g_clear_pointer (&self->open_groups, g_ptr_array_unref);
  g_clear_pointer (&self->undo_stack, g_ptr_array_unref);
  g_clear_pointer (&self->redo_stack, g_ptr_array_unref);

  G_OBJECT_CLASS (cohorts_history_parent_class)->finalize (object);
}

static void
cohorts_history_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CohortsHistory *self = COHORTS_HISTORY (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, cohorts_history_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, cohorts_history_can_redo (self));
      break;
    case PROP_UNDO_LABEL:
      g_value_set_string (value, cohorts_history_get_undo_label (self));
      break;
    case PROP_REDO_LABEL:
      g_value_set_string (value, cohorts_history_get_redo_label (self));
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, cohorts_history_is_modified (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cohorts_history_class_init (CohortsHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = cohorts_history_finalize;
  object_class->get_property = cohorts_history_get_property;

  properties[PROP_CAN_UNDO] = g_param_spec_boolean ("can-undo", NULL, NULL, FALSE, flags);
  properties[PROP_CAN_REDO] = g_param_spec_boolean ("can-redo", NULL, NULL, FALSE, flags);
  properties[PROP_UNDO_LABEL] = g_param_spec_string ("undo-label", NULL, NULL, NULL, flags);
  properties[PROP_REDO_LABEL] = g_param_spec_string ("redo-label", NULL, NULL, NULL, flags);
  properties[PROP_MODIFIED] = g_param_spec_boolean ("modified", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CohortsHistory::changed:
   *
   * Emitted after a command was pushed, undone or redone: the plan changed.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
cohorts_history_init (CohortsHistory *self)
{
  self->undo_stack = g_ptr_array_new_with_free_func ((GDestroyNotify) cohorts_command_free);
  self->redo_stack = g_ptr_array_new_with_free_func ((GDestroyNotify) cohorts_command_free);
  /* Groups still open when the history goes (the plan was closed in the
   * middle of an edit) are freed with it; closing one steals it. */
  self->open_groups = g_ptr_array_new_with_free_func ((GDestroyNotify) cohorts_command_free);
  self->next_serial = 1;
}

CohortsHistory *
cohorts_history_new (void)
{
  return g_object_new (COHORTS_TYPE_HISTORY, NULL);
}

static guint64
top_serial (CohortsHistory *self)
{
  CohortsCommand *top;

  if (self->undo_stack->len == 0)
    return 0;
  top = g_ptr_array_index (self->undo_stack, self->undo_stack->len - 1);
  return top->serial;
}

typedef struct
{
  gboolean can_undo;
  gboolean can_redo;
  gboolean modified;
  const CohortsCommand *undo_top;
  const CohortsCommand *redo_top;
} State;

static void
snapshot (CohortsHistory *self,
          State          *state)
{
  state->can_undo = cohorts_history_can_undo (self);
  state->can_redo = cohorts_history_can_redo (self);
  state->modified = cohorts_history_is_modified (self);
  state->undo_top = self->undo_stack->len ? g_ptr_array_index (self->undo_stack, self->undo_stack->len - 1) : NULL;
  state->redo_top = self->redo_stack->len ? g_ptr_array_index (self->redo_stack, self->redo_stack->len - 1) : NULL;
}

/* Notifies what differs from @before and, if the plan changed, emits ::changed. */
static void
finish (CohortsHistory *self,
        const State    *before,
        gboolean        plan_changed)
{
  State after;

  snapshot (self, &after);

  g_object_freeze_notify (G_OBJECT (self));
  if (before->can_undo != after.can_undo)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (before->can_redo != after.can_redo)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  if (before->undo_top != after.undo_top)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNDO_LABEL]);
  if (before->redo_top != after.redo_top)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REDO_LABEL]);
  if (before->modified != after.modified)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
  g_object_thaw_notify (G_OBJECT (self));

  if (plan_changed)
    g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * cohorts_history_push:
 * @command: (transfer full): a command not yet applied
 *
 * Applies @command and records it, inside the open group if any. Anything
 * that could be redone is forgotten.
 */
void
cohorts_history_push (CohortsHistory *self,
                      CohortsCommand *command)
{
  State before;

  g_return_if_fail (COHORTS_IS_HISTORY (self));
  g_return_if_fail (command != NULL);

  if (self->busy)
    {
      g_critical ("An edit was made while undoing or redoing another; it is ignored");
      cohorts_command_free (command);
      return;
    }

  snapshot (self, &before);

  self->busy = TRUE;
  command->klass->apply (command);
  self->busy = FALSE;

  if (self->open_groups->len > 0)
    {
      GroupCommand *group = g_ptr_array_index (self->open_groups, self->open_groups->len - 1);
      g_ptr_array_add (group->children, command);
      /* The group reaches the undo stack when it closes; the plan changed now. */
      g_signal_emit (self, signals[CHANGED], 0);
      return;
    }

  command->serial = self->next_serial++;
  g_ptr_array_add (self->undo_stack, command);
  g_ptr_array_set_size (self->redo_stack, 0);

  finish (self, &before, TRUE);
}

/**
 * cohorts_history_begin_group:
 * @label: (nullable): what the step is called, or %NULL to name it after its
 *   first command
 *
 * Starts collecting commands into one undo step named @label. Groups nest;
 * only the outermost reaches the undo stack.
 */
void
cohorts_history_begin_group (CohortsHistory *self,
                             const char     *label)
{
  GroupCommand *group;

  g_return_if_fail (COHORTS_IS_HISTORY (self));

  group = cohorts_command_new (&group_class, sizeof (GroupCommand), label);
  /* Without a label the group is named when it closes, after its first
   * command: cohorts_plan_edit() groups the properties it sets, and its step
   * must read "Edit Pupils on roll", not be blank in the Undo menu. */
  if (label == NULL)
    g_clear_pointer (&group->parent.label, g_free);
  group->children = g_ptr_array_new_with_free_func ((GDestroyNotify) cohorts_command_free);
  g_ptr_array_add (self->open_groups, group);
}

void
cohorts_history_end_group (CohortsHistory *self)
{
  GroupCommand *group;
  State before;

  g_return_if_fail (COHORTS_IS_HISTORY (self));
  g_return_if_fail (self->open_groups->len > 0);

  group = g_ptr_array_steal_index (self->open_groups, self->open_groups->len - 1);

  if (group->children->len == 0)
    {
      cohorts_command_free ((CohortsCommand *) group);
      return;
    }

  if (group->parent.label == NULL)
    {
      CohortsCommand *first = g_ptr_array_index (group->children, 0);
      group->parent.label = g_strdup (first->label);
    }

  if (self->open_groups->len > 0)
    {
      GroupCommand *outer = g_ptr_array_index (self->open_groups, self->open_groups->len - 1);
      g_ptr_array_add (outer->children, group);
      return;
    }

  snapshot (self, &before);
  group->parent.serial = self->next_serial++;
  g_ptr_array_add (self->undo_stack, group);
  g_ptr_array_set_size (self->redo_stack, 0);
  /* The children already announced their changes. */
  finish (self, &before, FALSE);
}

gboolean
cohorts_history_undo (CohortsHistory *self)
{
  CohortsCommand *command;
  State before;

  g_return_val_if_fail (COHORTS_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (self->open_groups->len == 0, FALSE);

  if (self->undo_stack->len == 0 || self->busy)
    return FALSE;

  snapshot (self, &before);
  command = g_ptr_array_steal_index (self->undo_stack, self->undo_stack->len - 1);
  self->busy = TRUE;
  command->klass->revert (command);
  self->busy = FALSE;
  g_ptr_array_add (self->redo_stack, command);
  finish (self, &before, TRUE);
  return TRUE;
}

gboolean
cohorts_history_redo (CohortsHistory *self)
{
  CohortsCommand *command;
  State before;

  g_return_val_if_fail (COHORTS_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (self->open_groups->len == 0, FALSE);

  if (self->redo_stack->len == 0 || self->busy)
    return FALSE;

  snapshot (self, &before);
  command = g_ptr_array_steal_index (self->redo_stack, self->redo_stack->len - 1);
  self->busy = TRUE;
  command->klass->apply (command);
  self->busy = FALSE;
  g_ptr_array_add (self->undo_stack, command);
  finish (self, &before, TRUE);
  return TRUE;
}

gboolean
cohorts_history_can_undo (CohortsHistory *self)
{
  g_return_val_if_fail (COHORTS_IS_HISTORY (self), FALSE);
  return self->undo_stack->len > 0;
}

gboolean
cohorts_history_can_redo (CohortsHistory *self)
{
  g_return_val_if_fail (COHORTS_IS_HISTORY (self), FALSE);
  return self->redo_stack->len > 0;
}

/**
 * cohorts_history_get_undo_label:
 *
 * Returns: (nullable): what undo would undo ("Move to Cohort 2"), or %NULL
 */
const char *
cohorts_history_get_undo_label (CohortsHistory *self)
{
  CohortsCommand *top;

  g_return_val_if_fail (COHORTS_IS_HISTORY (self), NULL);

  if (self->undo_stack->len == 0)
    return NULL;
  top = g_ptr_array_index (self->undo_stack, self->undo_stack->len - 1);
  return top->label;
}

const char *
cohorts_history_get_redo_label (CohortsHistory *self)
{
  CohortsCommand *top;

  g_return_val_if_fail (COHORTS_IS_HISTORY (self), NULL);

  if (self->redo_stack->len == 0)
    return NULL;
  top = g_ptr_array_index (self->redo_stack, self->redo_stack->len - 1);
  return top->label;
}

/**
 * cohorts_history_clear:
 *
 * Forgets every command; what is there now counts as saved.
 */
void
cohorts_history_clear (CohortsHistory *self)
{
  State before;

  g_return_if_fail (COHORTS_IS_HISTORY (self));
  g_return_if_fail (self->open_groups->len == 0);

  snapshot (self, &before);
  g_ptr_array_set_size (self->undo_stack, 0);
  g_ptr_array_set_size (self->redo_stack, 0);
  self->saved_serial = 0;
  finish (self, &before, FALSE);
}

/**
 * cohorts_history_mark_saved:
 *
 * Records that the plan as it is now was saved.
 */
void
cohorts_history_mark_saved (CohortsHistory *self)
{
  State before;

  g_return_if_fail (COHORTS_IS_HISTORY (self));

  snapshot (self, &before);
  self->saved_serial = top_serial (self);
  finish (self, &before, FALSE);
}

/**
 * cohorts_history_mark_unsaved:
 *
 * Records that the plan as it is now differs from what is saved, whatever
 * is undone or redone (a plan recovered after a crash: its history is
 * gone, its changes are not saved), until cohorts_history_mark_saved().
 */
void
cohorts_history_mark_unsaved (CohortsHistory *self)
{
  State before;

  g_return_if_fail (COHORTS_IS_HISTORY (self));

  snapshot (self, &before);
  /* No command ever has this serial. */
  self->saved_serial = G_MAXUINT64;
  finish (self, &before, FALSE);
}

/**
 * cohorts_history_is_modified:
 *
 * Returns: whether the plan differs from when it was last saved (or loaded).
 *   Undoing back to the saved state makes it unmodified again.
 */
gboolean
cohorts_history_is_modified (CohortsHistory *self)
{
  g_return_val_if_fail (COHORTS_IS_HISTORY (self), FALSE);

  return top_serial (self) != self->saved_serial;
}
