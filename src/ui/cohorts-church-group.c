/* cohorts-church-group.c: a church school's track: consents, agreements, governance, SIAMS
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shown for church schools only (it appears when a school's religious
 * character becomes a church's): the diocesan board's consent and the site
 * trustees' (asked when, decided when), where the Church Supplemental
 * Agreement and the memorandum of understanding stand, the foundation
 * governors, and the school's SIAMS inspection. Each item is an expander
 * whose subtitle says where it stands; expanded, it edits it. The group's
 * description says what the school's kind (aided, controlled) asks of it.
 *
 * Every change is one undoable step of the plan; clearing a consent clears
 * its dates in the same step. The rows follow the plan, so undo, redo and
 * other edits show. A value the plan refuses is not made, and "problem"
 * says why.
 */
#define G_LOG_DOMAIN "cohorts-church-group"

#include "config.h"

#include <glib/gi18n.h>

#include "cohorts-date-button.h"
#include "cohorts-ui-util.h"

#include "cohorts-church-group.h"

typedef enum
{
  CONTROL_ENUM,    /* an AdwComboRow, index = value */
  CONTROL_DATE,    /* a CohortsDateButton in an AdwActionRow */
  CONTROL_COUNT,   /* an AdwEntryRow: a number, empty when not recorded (-1) */
} ControlKind;

typedef enum
{
  ITEM_DIOCESAN,
  ITEM_SITE_TRUSTEES,
  ITEM_AGREEMENT,
  ITEM_MEMORANDUM,
  ITEM_GOVERNANCE,
  ITEM_SIAMS,
  N_ITEMS
} Item;

typedef struct
{
  const char *property;
  ControlKind kind;
  Item item;
  const char *title;
  const char *accessible;   /* what a screen reader says of the control */
} ControlSpec;

static const ControlSpec controls[] = {
  { "diocesan-consent", CONTROL_ENUM, ITEM_DIOCESAN, N_("State"), N_("State of the diocesan board’s consent") },
  { "diocesan-consent-requested", CONTROL_DATE, ITEM_DIOCESAN, N_("Requested on"),
    N_("Date the diocesan board’s consent was requested") },
  { "diocesan-consent-decided", CONTROL_DATE, ITEM_DIOCESAN, N_("Decided on"),
    N_("Date the diocesan board decided") },
  { "site-trustees-consent", CONTROL_ENUM, ITEM_SITE_TRUSTEES, N_("State"), N_("State of the site trustees’ consent") },
  { "site-trustees-consent-requested", CONTROL_DATE, ITEM_SITE_TRUSTEES, N_("Requested on"),
    N_("Date the site trustees’ consent was requested") },
  { "site-trustees-consent-decided", CONTROL_DATE, ITEM_SITE_TRUSTEES, N_("Decided on"),
    N_("Date the site trustees decided") },
  { "supplemental-agreement", CONTROL_ENUM, ITEM_AGREEMENT, N_("Stage"),
    N_("Stage of the Church Supplemental Agreement") },
  { "supplemental-agreement-date", CONTROL_DATE, ITEM_AGREEMENT, N_("Reached on"),
    N_("Date the Church Supplemental Agreement reached its stage") },
  { "memorandum", CONTROL_ENUM, ITEM_MEMORANDUM, N_("Stage"), N_("Stage of the memorandum of understanding") },
  { "memorandum-date", CONTROL_DATE, ITEM_MEMORANDUM, N_("Reached on"),
    N_("Date the memorandum of understanding reached its stage") },
  { "foundation-governors", CONTROL_COUNT, ITEM_GOVERNANCE, N_("Foundation governors"),
    N_("Foundation governors, appointed by the church") },
  { "governors", CONTROL_COUNT, ITEM_GOVERNANCE, N_("Governors in all"), N_("Governors in all") },
  { "siams-outcome", CONTROL_ENUM, ITEM_SIAMS, N_("Outcome"), N_("Outcome of the SIAMS inspection") },
  { "siams-date", CONTROL_DATE, ITEM_SIAMS, N_("Inspected on"), N_("Date of the SIAMS inspection") },
};

#define N_CONTROLS G_N_ELEMENTS (controls)

static const char *const item_titles[N_ITEMS] = {
  N_("Diocesan board consent"),
  N_("Site trustees’ consent"),
  N_("Church Supplemental Agreement"),
  N_("Memorandum of understanding"),
  N_("Governance"),
  N_("SIAMS inspection"),
};

struct _CohortsChurchGroup
{
  AdwPreferencesGroup parent_instance;

  GtkWidget *items[N_ITEMS];          /* AdwExpanderRow */
  GtkWidget *rows[N_CONTROLS];        /* the row of each control */
  GtkWidget *widgets[N_CONTROLS];     /* the control: combo row, date button or entry row */

  CohortsPlan *plan;
  CohortsSchool *school;
  gboolean updating;      /* showing the model: not the person's choice */
  gboolean new_school;    /* counts to show even where the focus is */
  guint refresh_source;
};

G_DEFINE_FINAL_TYPE (CohortsChurchGroup, cohorts_church_group, ADW_TYPE_PREFERENCES_GROUP)

enum {
  PROBLEM,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static guint
control_index (const char *property)
{
  for (guint i = 0; i < N_CONTROLS; i++)
    if (g_str_equal (controls[i].property, property))
      return i;
  g_return_val_if_reached (0);
}

static int
get_int (CohortsChurchGroup *self,
         const char         *property)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (self->school), property);
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, pspec->value_type);
  g_object_get_property (G_OBJECT (self->school), property, &value);
  if (G_VALUE_HOLDS_ENUM (&value))
    return g_value_get_enum (&value);
  if (G_VALUE_HOLDS_UINT (&value))
    return (int) g_value_get_uint (&value);
  return g_value_get_int (&value);
}

/* Whether the focus is in @widget: what is being typed is left alone. */
static gboolean
has_focus_within (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* "Requested on 5 October 2026, not yet decided", "Refused on 15 July 2026". */
static char *
describe_consent (CohortsConsent consent,
                  CohortsDate    requested,
                  CohortsDate    decided)
{
  g_autofree char *asked = requested != COHORTS_DATE_NONE ? cohorts_date_format (requested) : NULL;
  g_autofree char *answered = decided != COHORTS_DATE_NONE ? cohorts_date_format (decided) : NULL;

  switch (consent)
    {
    case COHORTS_CONSENT_REQUESTED:
      if (asked != NULL)
        /* Translators: a consent of a church school's track: "Requested on 5 October 2026, not yet decided" */
        return g_strdup_printf (_("Requested on %s, not yet decided"), asked);
      return g_strdup (_("Requested, not yet decided"));
    case COHORTS_CONSENT_GRANTED:
      if (answered != NULL)
        /* Translators: a consent of a church school's track: "Granted on 15 July 2026" */
        return g_strdup_printf (_("Granted on %s"), answered);
      return g_strdup (_("Granted"));
    case COHORTS_CONSENT_REFUSED:
      if (answered != NULL)
        /* Translators: a consent of a church school's track: "Refused on 15 July 2026" */
        return g_strdup_printf (_("Refused on %s"), answered);
      return g_strdup (_("Refused"));
    case COHORTS_CONSENT_NONE:
    default:
      return g_strdup (_("Not requested"));
    }
}

/* "Signed · 3 March 2027", "Drafting". */
static char *
describe_with_date (const char  *what,
                    CohortsDate  date)
{
  g_autofree char *when = NULL;

  if (date == COHORTS_DATE_NONE)
    return g_strdup (what);
  when = cohorts_date_format (date);
  /* Translators: a stage of an agreement of a church school's track and its date: "Signed · 3 March 2027" */
  return g_strdup_printf (C_("a stage and its date", "%s · %s"), what, when);
}

static char *
describe_governance (int foundation,
                     int governors)
{
  if (foundation >= 0 && governors >= 0)
    /* Translators: a church school's governing body: "4 foundation governors of 10" */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d foundation governor of %d",
                                         "%d foundation governors of %d", foundation),
                            foundation, governors);
  if (foundation >= 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d foundation governor",
                                         "%d foundation governors", foundation), foundation);
  if (governors >= 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d governor in all", "%d governors in all",
                                         governors), governors);
  return g_strdup (_("Not recorded"));
}

/* What differs for the school by its kind. */
static const char *
describe_kind (CohortsSchool *school)
{
  CohortsEstablishmentType type = cohorts_school_get_establishment_type (school);

  if (type == COHORTS_ESTABLISHMENT_VOLUNTARY_AIDED)
    return _("Voluntary aided: the church appoints most of the governors and its site trustees hold the "
             "land. Both the diocesan board and the site trustees must consent, and a Church Supplemental "
             "Agreement is needed.");
  if (type == COHORTS_ESTABLISHMENT_VOLUNTARY_CONTROLLED)
    return _("Voluntary controlled: the church appoints a minority of the governors. The diocesan board "
             "must consent, and, as for an aided school, a Church Supplemental Agreement covers the land "
             "the site trustees hold.");
  return _("The diocesan board must consent, and a Church Supplemental Agreement covers the land the site "
           "trustees hold.");
}

static gboolean
refresh (gpointer user_data)
{
  CohortsChurchGroup *self = user_data;
  CohortsSchool *school = self->school;
  char *subtitles[N_ITEMS] = { NULL, };

  self->refresh_source = 0;
  if (school == NULL)
    return G_SOURCE_REMOVE;

  gtk_widget_set_visible (GTK_WIDGET (self), cohorts_school_is_church_school (school));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self), describe_kind (school));

  self->updating = TRUE;
  for (guint i = 0; i < N_CONTROLS; i++)
    {
      int value = get_int (self, controls[i].property);

      switch (controls[i].kind)
        {
        case CONTROL_ENUM:
          adw_combo_row_set_selected (ADW_COMBO_ROW (self->widgets[i]), (guint) value);
          break;
        case CONTROL_DATE:
          cohorts_date_button_set_date (COHORTS_DATE_BUTTON (self->widgets[i]), (CohortsDate) value);
          break;
        case CONTROL_COUNT:
          if (self->new_school || !has_focus_within (self->widgets[i]))
            {
              g_autofree char *text = value >= 0 ? g_strdup_printf ("%d", value) : g_strdup ("");

              if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->widgets[i])), text) != 0)
                gtk_editable_set_text (GTK_EDITABLE (self->widgets[i]), text);
              gtk_widget_remove_css_class (self->widgets[i], "error");
            }
          break;
        default:
          g_assert_not_reached ();
        }
    }

  /* A decision has a date only once it is made; a stage once there is one. */
  gtk_widget_set_sensitive (self->rows[control_index ("diocesan-consent-decided")],
                            cohorts_school_get_diocesan_consent (school) >= COHORTS_CONSENT_GRANTED);
  gtk_widget_set_sensitive (self->rows[control_index ("diocesan-consent-requested")],
                            cohorts_school_get_diocesan_consent (school) != COHORTS_CONSENT_NONE);
  gtk_widget_set_sensitive (self->rows[control_index ("site-trustees-consent-decided")],
                            cohorts_school_get_site_trustees_consent (school) >= COHORTS_CONSENT_GRANTED);
  gtk_widget_set_sensitive (self->rows[control_index ("site-trustees-consent-requested")],
                            cohorts_school_get_site_trustees_consent (school) != COHORTS_CONSENT_NONE);
  gtk_widget_set_sensitive (self->rows[control_index ("supplemental-agreement-date")],
                            cohorts_school_get_supplemental_agreement (school) != COHORTS_AGREEMENT_NONE);
  gtk_widget_set_sensitive (self->rows[control_index ("memorandum-date")],
                            cohorts_school_get_memorandum (school) != COHORTS_AGREEMENT_NONE);
  self->updating = FALSE;
  self->new_school = FALSE;

  subtitles[ITEM_DIOCESAN] = describe_consent (cohorts_school_get_diocesan_consent (school),
                                               cohorts_school_get_diocesan_consent_requested (school),
                                               cohorts_school_get_diocesan_consent_decided (school));
  subtitles[ITEM_SITE_TRUSTEES] = describe_consent (cohorts_school_get_site_trustees_consent (school),
                                                    cohorts_school_get_site_trustees_consent_requested (school),
                                                    cohorts_school_get_site_trustees_consent_decided (school));
  subtitles[ITEM_AGREEMENT] = describe_with_date (cohorts_enum_get_label (COHORTS_TYPE_AGREEMENT_STAGE,
                                                                          cohorts_school_get_supplemental_agreement (school)),
                                                  cohorts_school_get_supplemental_agreement_date (school));
  subtitles[ITEM_MEMORANDUM] = describe_with_date (cohorts_enum_get_label (COHORTS_TYPE_AGREEMENT_STAGE,
                                                                           cohorts_school_get_memorandum (school)),
                                                   cohorts_school_get_memorandum_date (school));
  subtitles[ITEM_GOVERNANCE] = describe_governance (cohorts_school_get_foundation_governors (school),
                                                    cohorts_school_get_governors (school));
  subtitles[ITEM_SIAMS] = describe_with_date (cohorts_enum_get_label (COHORTS_TYPE_SIAMS_OUTCOME,
                                                                      cohorts_school_get_siams_outcome (school)),
                                              cohorts_school_get_siams_date (school));
  for (Item item = 0; item < N_ITEMS; item++)
    {
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self->items[item]), subtitles[item]);
      g_free (subtitles[item]);
    }

  return G_SOURCE_REMOVE;
}

static void
changed_cb (CohortsChurchGroup *self)
{
  cohorts_schedule_before_frame (&self->refresh_source, refresh, self);
}

static void
show_problem (CohortsChurchGroup *self,
              GtkWidget          *row,
              const char         *message)
{
  if (message != NULL)
    {
      gtk_widget_add_css_class (row, "error");
      gtk_widget_set_tooltip_text (row, message);
      g_signal_emit (self, signals[PROBLEM], 0, message);
    }
  else
    {
      gtk_widget_remove_css_class (row, "error");
      gtk_widget_set_tooltip_text (row, NULL);
    }
}

/* Sets one property, as one undoable step. */
static void
commit (CohortsChurchGroup *self,
        guint               index,
        const GValue       *value)
{
  g_autoptr(GError) error = NULL;

  if (!cohorts_plan_edit_value (self->plan, self->school, controls[index].property, value, &error))
    {
      show_problem (self, self->rows[index], error->message);
      changed_cb (self);
      return;
    }
  show_problem (self, self->rows[index], NULL);
}

static void
selected_cb (AdwComboRow        *combo,
             GParamSpec         *pspec,
             CohortsChurchGroup *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (combo), "control"));
  const char *property = controls[index].property;
  int selected = (int) adw_combo_row_get_selected (ADW_COMBO_ROW (combo));
  g_auto(GValue) value = G_VALUE_INIT;

  if (self->updating || self->school == NULL || selected == get_int (self, property))
    return;

  /* A consent no longer asked for, or not yet decided, loses the dates it
   * no longer has; an agreement not started, its date: in the same step. */
  if (g_str_equal (property, "diocesan-consent") || g_str_equal (property, "site-trustees-consent"))
    {
      g_autofree char *requested = g_strconcat (property, "-requested", NULL);
      g_autofree char *decided = g_strconcat (property, "-decided", NULL);

      if (selected == COHORTS_CONSENT_NONE)
        {
          cohorts_plan_edit (self->plan, self->school, property, selected, requested, (guint) COHORTS_DATE_NONE,
                             decided, (guint) COHORTS_DATE_NONE, NULL);
          return;
        }
      if (selected == COHORTS_CONSENT_REQUESTED && get_int (self, decided) != COHORTS_DATE_NONE)
        {
          cohorts_plan_edit (self->plan, self->school, property, selected, decided, (guint) COHORTS_DATE_NONE,
                             NULL);
          return;
        }
    }
  else if ((g_str_equal (property, "supplemental-agreement") || g_str_equal (property, "memorandum")) &&
           selected == COHORTS_AGREEMENT_NONE)
    {
      g_autofree char *date = g_strconcat (property, "-date", NULL);

      cohorts_plan_edit (self->plan, self->school, property, selected, date, (guint) COHORTS_DATE_NONE, NULL);
      return;
    }

  g_value_init (&value, g_object_class_find_property (G_OBJECT_GET_CLASS (self->school), property)->value_type);
  g_value_set_enum (&value, selected);
  commit (self, index, &value);
}

static void
date_chosen_cb (CohortsDateButton  *button,
                guint               date,
                CohortsChurchGroup *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "control"));
  g_auto(GValue) value = G_VALUE_INIT;

  if (self->updating || self->school == NULL || (int) date == get_int (self, controls[index].property))
    return;
  g_value_init (&value, G_TYPE_UINT);
  g_value_set_uint (&value, date);
  commit (self, index, &value);
}

static void
commit_count (CohortsChurchGroup *self,
              AdwEntryRow        *row)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "control"));
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  g_auto(GValue) value = G_VALUE_INIT;
  guint64 number = 0;

  if (self->updating || self->school == NULL)
    return;

  if (text[0] == '\0')
    number = G_MAXUINT64;
  else if (!g_ascii_string_to_unsigned (text, 10, 0, 99, &number, NULL))
    {
      show_problem (self, GTK_WIDGET (row), _("Enter a whole number from 0 to 99, or nothing"));
      return;
    }

  g_value_init (&value, G_TYPE_INT);
  g_value_set_int (&value, number == G_MAXUINT64 ? -1 : (int) number);
  if (g_value_get_int (&value) == get_int (self, controls[index].property))
    {
      show_problem (self, GTK_WIDGET (row), NULL);
      return;
    }
  commit (self, index, &value);
}

static void
count_apply_cb (AdwEntryRow        *row,
                CohortsChurchGroup *self)
{
  commit_count (self, row);
}

static void
count_focus_leave_cb (GtkEventControllerFocus *controller,
                      CohortsChurchGroup      *self)
{
  commit_count (self, ADW_ENTRY_ROW (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller))));
}

static void
make_control (CohortsChurchGroup *self,
              gpointer            school_class,
              guint               index)
{
  const ControlSpec *spec = &controls[index];
  GtkWidget *row = NULL, *widget = NULL;

  switch (spec->kind)
    {
    case CONTROL_ENUM:
      {
        GParamSpec *pspec = g_object_class_find_property (school_class, spec->property);
        GEnumClass *klass = G_PARAM_SPEC_ENUM (pspec)->enum_class;
        g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

        /* The values run from 0 without gaps: index = value. */
        for (guint i = 0; i < klass->n_values; i++)
          {
            g_assert (klass->values[i].value == (int) i);
            gtk_string_list_append (labels, cohorts_enum_get_label (pspec->value_type, i));
          }
        row = widget = adw_combo_row_new ();
        adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
        g_signal_connect (row, "notify::selected", G_CALLBACK (selected_cb), self);
      }
      break;

    case CONTROL_DATE:
      widget = cohorts_date_button_new (FALSE, TRUE);
      cohorts_date_button_set_title (COHORTS_DATE_BUTTON (widget), _(spec->accessible));
      g_signal_connect (widget, "date-chosen", G_CALLBACK (date_chosen_cb), self);
      row = adw_action_row_new ();
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), widget);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row),
                                             GTK_WIDGET (cohorts_date_button_get_menu_button (COHORTS_DATE_BUTTON (widget))));
      break;

    case CONTROL_COUNT:
      {
        GtkEventController *focus = gtk_event_controller_focus_new ();

        row = widget = adw_entry_row_new ();
        adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
        adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (row), GTK_INPUT_PURPOSE_DIGITS);
        gtk_widget_set_tooltip_text (row, _("Empty when not recorded"));
        g_signal_connect (row, "apply", G_CALLBACK (count_apply_cb), self);
        g_signal_connect (row, "entry-activated", G_CALLBACK (count_apply_cb), self);
        g_signal_connect (focus, "leave", G_CALLBACK (count_focus_leave_cb), self);
        gtk_widget_add_controller (row, focus);
      }
      break;

    default:
      g_assert_not_reached ();
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(spec->title));
  if (spec->kind != CONTROL_DATE)
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, _(spec->accessible), -1);
  g_object_set_data (G_OBJECT (widget), "control", GUINT_TO_POINTER (index));
  self->rows[index] = row;
  self->widgets[index] = widget;
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self->items[spec->item]), row);
}

static void
disconnect_all (CohortsChurchGroup *self)
{
  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_data (self->plan, self);
}

static void
cohorts_church_group_dispose (GObject *object)
{
  CohortsChurchGroup *self = (CohortsChurchGroup *) object;

  disconnect_all (self);
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  g_clear_object (&self->school);
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (cohorts_church_group_parent_class)->dispose (object);
}

static void
cohorts_church_group_class_init (CohortsChurchGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cohorts_church_group_dispose;

  /**
   * CohortsChurchGroup::problem:
   * @message: why a change was refused
   */
  signals[PROBLEM] =
    g_signal_new ("problem", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
cohorts_church_group_init (CohortsChurchGroup *self)
{
  gpointer school_class = g_type_class_ref (COHORTS_TYPE_SCHOOL);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Church Track"));

  for (Item item = 0; item < N_ITEMS; item++)
    {
      self->items[item] = adw_expander_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->items[item]), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->items[item]), _(item_titles[item]));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), self->items[item]);
    }
  for (guint i = 0; i < N_CONTROLS; i++)
    make_control (self, school_class, i);
  g_type_class_unref (school_class);
}

GtkWidget *
cohorts_church_group_new (void)
{
  return g_object_new (COHORTS_TYPE_CHURCH_GROUP, NULL);
}

/**
 * cohorts_church_group_set_school:
 * @plan: (nullable): the plan @school belongs to
 * @school: (nullable): the school whose church track to show
 */
void
cohorts_church_group_set_school (CohortsChurchGroup *self,
                                 CohortsPlan        *plan,
                                 CohortsSchool      *school)
{
  g_return_if_fail (COHORTS_IS_CHURCH_GROUP (self));
  g_return_if_fail (school == NULL || COHORTS_IS_PLAN (plan));

  if (self->plan == plan && self->school == school)
    return;

  /* What is half typed belongs to the school shown until now. */
  if (self->school != NULL)
    {
      commit_count (self, ADW_ENTRY_ROW (self->widgets[control_index ("foundation-governors")]));
      commit_count (self, ADW_ENTRY_ROW (self->widgets[control_index ("governors")]));
    }

  disconnect_all (self);
  for (guint i = 0; i < N_CONTROLS; i++)
    show_problem (self, self->rows[i], NULL);

  g_set_object (&self->plan, plan);
  g_set_object (&self->school, school);
  if (school != NULL)
    g_signal_connect_object (plan, "changed", G_CALLBACK (changed_cb), self, G_CONNECT_SWAPPED);

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  self->new_school = TRUE;
  refresh (self);
}

/**
 * cohorts_church_group_get_control:
 * @property: a property of the school the group edits
 *
 * Returns: (transfer none): what edits @property: an #AdwComboRow, a
 *   #CohortsDateButton or an #AdwEntryRow (for tests)
 */
GtkWidget *
cohorts_church_group_get_control (CohortsChurchGroup *self,
                                  const char         *property)
{
  g_return_val_if_fail (COHORTS_IS_CHURCH_GROUP (self), NULL);
  return self->widgets[control_index (property)];
}

/**
 * cohorts_church_group_get_track_row:
 * @property: a property of the school the group edits
 *
 * Returns: (transfer none): the #AdwExpanderRow that holds what edits
 *   @property (for tests)
 */
GtkWidget *
cohorts_church_group_get_track_row (CohortsChurchGroup *self,
                                    const char         *property)
{
  g_return_val_if_fail (COHORTS_IS_CHURCH_GROUP (self), NULL);
  return self->items[controls[control_index (property)].item];
}
