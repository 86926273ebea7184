/* cohorts-group.c: an entry of the sidebar: all schools, a cohort, or the unassigned
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sidebar lists "All Schools", the plan's cohorts in order, and
 * "Unassigned". A group names one of them and gives the list model of its
 * schools, so that the school list can show any of them alike.
 */
#define G_LOG_DOMAIN "cohorts-group"

#include "config.h"

#include <glib/gi18n.h>
#include <gtk/gtk.h>

#include "cohorts-group.h"

struct _CohortsGroup
{
  GObject parent_instance;

  CohortsGroupKind kind;
  CohortsPlan *plan;      /* not owned: groups live in the plan's window */
  CohortsCohort *cohort;
};

G_DEFINE_FINAL_TYPE (CohortsGroup, cohorts_group, G_TYPE_OBJECT)

static void
cohorts_group_finalize (GObject *object)
{
  CohortsGroup *self = (CohortsGroup *) object;

  g_clear_object (&self->cohort);
  g_clear_weak_pointer (&self->plan);

  G_OBJECT_CLASS (cohorts_group_parent_class)->finalize (object);
}

static void
cohorts_group_class_init (CohortsGroupClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cohorts_group_finalize;
}

static void
cohorts_group_init (CohortsGroup *self)
{
}

CohortsGroup *
cohorts_group_new (CohortsPlan      *plan,
                   CohortsGroupKind  kind,
                   CohortsCohort    *cohort)
{
  CohortsGroup *self;

  g_return_val_if_fail (COHORTS_IS_PLAN (plan), NULL);
  g_return_val_if_fail ((kind == COHORTS_GROUP_COHORT) == (cohort != NULL), NULL);

  self = g_object_new (COHORTS_TYPE_GROUP, NULL);
  self->kind = kind;
  g_set_weak_pointer (&self->plan, plan);
  self->cohort = cohort ? g_object_ref (cohort) : NULL;
  return self;
}

CohortsGroupKind
cohorts_group_get_kind (CohortsGroup *self)
{
  g_return_val_if_fail (COHORTS_IS_GROUP (self), COHORTS_GROUP_ALL);
  return self->kind;
}

/**
 * cohorts_group_get_cohort:
 *
 * Returns: (transfer none) (nullable): the cohort, for a cohort's group
 */
CohortsCohort *
cohorts_group_get_cohort (CohortsGroup *self)
{
  g_return_val_if_fail (COHORTS_IS_GROUP (self), NULL);
  return self->cohort;
}

/**
 * cohorts_group_get_plan:
 *
 * Returns: (transfer none) (nullable): the plan
 */
CohortsPlan *
cohorts_group_get_plan (CohortsGroup *self)
{
  g_return_val_if_fail (COHORTS_IS_GROUP (self), NULL);
  return self->plan;
}

/**
 * cohorts_group_get_members:
 *
 * Returns: (transfer none): the schools of the group, as the plan keeps them
 */
GListModel *
cohorts_group_get_members (CohortsGroup *self)
{
  g_return_val_if_fail (COHORTS_IS_GROUP (self), NULL);
  g_return_val_if_fail (self->plan != NULL, NULL);

  switch (self->kind)
    {
    case COHORTS_GROUP_COHORT:
      return cohorts_cohort_get_members (self->cohort);
    case COHORTS_GROUP_UNASSIGNED:
      return cohorts_plan_get_unassigned (self->plan);
    case COHORTS_GROUP_ALL:
    default:
      return cohorts_plan_get_schools (self->plan);
    }
}

char *
cohorts_group_dup_title (CohortsGroup *self)
{
  g_return_val_if_fail (COHORTS_IS_GROUP (self), NULL);

  switch (self->kind)
    {
    case COHORTS_GROUP_COHORT:
      return cohorts_cohort_dup_display_name (self->cohort);
    case COHORTS_GROUP_UNASSIGNED:
      return g_strdup (_("Unassigned"));
    case COHORTS_GROUP_ALL:
    default:
      return g_strdup (_("All Schools"));
    }
}

/**
 * cohorts_group_dup_summary:
 *
 * Returns: a line about the group: "1 April 2027 · 5 schools"
 */
char *
cohorts_group_dup_summary (CohortsGroup *self)
{
  guint n;
  g_autofree char *schools = NULL;
  g_autofree char *date = NULL;

  g_return_val_if_fail (COHORTS_IS_GROUP (self), NULL);

  n = g_list_model_get_n_items (cohorts_group_get_members (self));
  schools = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u school", "%u schools", n), n);

  if (self->kind != COHORTS_GROUP_COHORT)
    return g_steal_pointer (&schools);

  if (cohorts_cohort_get_date (self->cohort) == COHORTS_DATE_NONE)
    date = g_strdup (_("No date"));
  else
    date = cohorts_date_format (cohorts_cohort_get_date (self->cohort));

  /* Translators: a cohort's conversion date and size: "1 April 2027 · 5 schools" */
  return g_strdup_printf (_("%s · %s"), date, schools);
}

/* Keeps the groups in step with the plan's cohorts: the cohorts' groups sit
 * between "All Schools" (position 0) and "Unassigned" (last). */
static void
cohorts_changed_cb (GListModel *cohorts,
                    guint       position,
                    guint       removed,
                    guint       added,
                    GListStore *groups)
{
  CohortsGroup *all = g_list_model_get_item (G_LIST_MODEL (groups), 0);
  g_autoptr(GPtrArray) new_groups = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < added; i++)
    {
      g_autoptr(CohortsCohort) cohort = g_list_model_get_item (cohorts, position + i);
      g_ptr_array_add (new_groups, cohorts_group_new (all->plan, COHORTS_GROUP_COHORT, cohort));
    }

  g_list_store_splice (groups, position + 1, removed, new_groups->pdata, new_groups->len);
  g_object_unref (all);
}

/**
 * cohorts_groups_new:
 *
 * Returns: (transfer full): the groups of the sidebar: all schools, each
 *   cohort in order, the unassigned; it follows the plan's cohorts
 */
GListModel *
cohorts_groups_new (CohortsPlan *plan)
{
  GListStore *groups = g_list_store_new (COHORTS_TYPE_GROUP);
  GListModel *cohorts = cohorts_plan_get_cohorts (plan);
  g_autoptr(CohortsGroup) all = cohorts_group_new (plan, COHORTS_GROUP_ALL, NULL);
  g_autoptr(CohortsGroup) unassigned = cohorts_group_new (plan, COHORTS_GROUP_UNASSIGNED, NULL);

  g_list_store_append (groups, all);
  g_list_store_append (groups, unassigned);
  cohorts_changed_cb (cohorts, 0, 0, g_list_model_get_n_items (cohorts), groups);
  g_signal_connect_object (cohorts, "items-changed", G_CALLBACK (cohorts_changed_cb), groups, 0);

  return G_LIST_MODEL (groups);
}
