/* cohorts-school-list.h: the schools of a group, searchable and sortable
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cohorts-group.h"

G_BEGIN_DECLS

#define COHORTS_TYPE_SCHOOL_LIST (cohorts_school_list_get_type ())

G_DECLARE_FINAL_TYPE (CohortsSchoolList, cohorts_school_list, COHORTS, SCHOOL_LIST, AdwBin)

void       cohorts_school_list_set_group        (CohortsSchoolList *self,
                                                 CohortsGroup      *group);
void       cohorts_school_list_set_diocese      (CohortsSchoolList *self,
                                                 const char        *diocese);
GPtrArray *cohorts_school_list_get_selected     (CohortsSchoolList *self);
void       cohorts_school_list_select_school    (CohortsSchoolList *self,
                                                 CohortsSchool     *school);
void       cohorts_school_list_start_search     (CohortsSchoolList *self);
void       cohorts_school_list_set_read_only    (CohortsSchoolList *self,
                                                 gboolean           read_only);
void       cohorts_school_list_set_menu_model   (CohortsSchoolList *self,
                                                 GMenuModel        *menu);
GListModel *cohorts_school_list_get_shown       (CohortsSchoolList *self);
GtkWidget  *cohorts_school_list_get_column_view (CohortsSchoolList *self);
void       cohorts_school_list_show_menu        (CohortsSchoolList *self);
void       cohorts_school_list_set_columns      (CohortsSchoolList  *self,
                                                 const char *const  *ids);

G_END_DECLS
