/* cohorts-checks.c: what is wrong with a plan, as findings
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A plan that loads may still break planning rules: the plan opens so that
 * the user can fix them, and each broken rule becomes a finding with a
 * severity, a stable code, the subject and a message.
 *
 * Codes are part of the command line's output (cohorts --check) and must not
 * change.
 *
 * The schedule checks plan each school's conversion with the plan's schedule
 * (cohorts_schedule_plan()) and look at the dates: the school's own dates,
 * planned or done, and the ones the schedule gives it. A step dated after the
 * conversion is reported once, as that; the rules that compare a step with
 * another (consultation and land before the funding agreement, the payroll
 * deadline, the academy order's lead) look only at steps dated by the
 * conversion. They run for every school of a plan, so they allocate nothing
 * but the findings they make.
 *
 * The readiness check (readiness-not-ready) looks at the schools converting
 * within the next six months: one that is red, or not assessed at all, is
 * not ready for a conversion that near.
 *
 * The church track's checks (church-*) look at a church school's consents and
 * agreements against its conversion: a refusal stops it; consents not granted
 * six months before, or the supplemental agreement not signed and the
 * memorandum not agreed three months before, are warnings; a voluntary aided
 * school's local governors should be mostly the church's.
 */
#define G_LOG_DOMAIN "cohorts-checks"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "cohorts-calendar.h"
#include "cohorts-capacity.h"
#include "cohorts-checks.h"

G_DEFINE_BOXED_TYPE (CohortsFinding, cohorts_finding, cohorts_finding_copy, cohorts_finding_free)

CohortsFinding *
cohorts_finding_copy (const CohortsFinding *finding)
{
  CohortsFinding *copy = g_new0 (CohortsFinding, 1);

  copy->severity = finding->severity;
  copy->code = g_strdup (finding->code);
  copy->subject = g_strdup (finding->subject);
  copy->message = g_strdup (finding->message);
  copy->suggestion = g_strdup (finding->suggestion);
  return copy;
}

void
cohorts_finding_free (CohortsFinding *finding)
{
  if (finding == NULL)
    return;
  g_free (finding->code);
  g_free (finding->subject);
  g_free (finding->message);
  g_free (finding->suggestion);
  g_free (finding);
}

static void add (GPtrArray       *findings,
                 CohortsSeverity  severity,
                 const char      *code,
                 char            *subject,
                 char            *suggestion,
                 const char      *format,
                 ...) G_GNUC_PRINTF (6, 7);

/* Takes @subject, @suggestion and @message. */
static void
add_message (GPtrArray       *findings,
             CohortsSeverity  severity,
             const char      *code,
             char            *subject,
             char            *suggestion,
             char            *message)
{
  CohortsFinding *finding = g_new0 (CohortsFinding, 1);

  finding->severity = severity;
  finding->code = g_strdup (code);
  finding->subject = subject;
  finding->message = message;
  finding->suggestion = suggestion;
  g_ptr_array_add (findings, finding);
}

/* Takes @subject and @suggestion. */
static void
add (GPtrArray       *findings,
     CohortsSeverity  severity,
     const char      *code,
     char            *subject,
     char            *suggestion,
     const char      *format,
     ...)
{
  va_list args;
  char *message;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  add_message (findings, severity, code, subject, suggestion, message);
}

static char *
cohort_subject (CohortsCohort *cohort)
{
  return g_strdup_printf ("cohort:%s", cohorts_cohort_get_id (cohort));
}

static char *
school_subject (CohortsSchool *school)
{
  return g_strdup_printf ("school:%u", cohorts_school_get_urn (school));
}

/* @name (a cohort or a school) converts on @date, which is not the 1st of a
 * month. Takes @subject. */
static void
add_not_first (GPtrArray   *findings,
               const char  *code,
               char        *subject,
               const char  *name,
               CohortsDate  date)
{
  g_autofree char *when = cohorts_date_format (date);
  g_autofree char *before = cohorts_date_format (cohorts_date_first_of_month (date));
  g_autofree char *after = cohorts_date_format (cohorts_date_add_months (cohorts_date_first_of_month (date), 1));

  add (findings, COHORTS_SEVERITY_ERROR, code, subject,
       /* Translators: "Move it to 1 September 2027 or 1 October 2027." */
       g_strdup_printf (_("Move it to %s or %s."), before, after),
       _("%s converts on %s; academies open only on the 1st of a month."), name, when);
}

static void
check_cohort (CohortsPlan   *plan,
              CohortsCohort *cohort,
              GPtrArray     *findings)
{
  g_autofree char *name = cohorts_cohort_dup_display_name (cohort);
  CohortsDate date = cohorts_cohort_get_date (cohort);
  CohortsDate start = cohorts_plan_get_start_date (plan);

  if (cohorts_cohort_get_n_members (cohort) == 0)
    add (findings, COHORTS_SEVERITY_WARNING, "cohort-empty", cohort_subject (cohort),
         g_strdup (_("Move schools into it, or delete it.")),
         _("%s has no schools."), name);

  if (date == COHORTS_DATE_NONE)
    {
      add (findings, COHORTS_SEVERITY_WARNING, "cohort-no-date", cohort_subject (cohort),
           g_strdup (_("Set its target conversion date: the 1st of a month.")),
           _("%s has no conversion date."), name);
      return;
    }

  if (!cohorts_date_is_first_of_month (date))
    add_not_first (findings, "cohort-date-not-first", cohort_subject (cohort), name, date);

  if (start != COHORTS_DATE_NONE && date < start)
    {
      g_autofree char *when = cohorts_date_format (date);
      g_autofree char *start_text = cohorts_date_format (start);

      add (findings, COHORTS_SEVERITY_ERROR, "cohort-before-start", cohort_subject (cohort),
           g_strdup (_("Move the cohort later, or start the plan earlier.")),
           _("%s converts on %s, before the plan starts on %s."), name, when, start_text);
    }
}

static void
check_trust (CohortsTrust *trust,
             GPtrArray    *findings)
{
  int low = cohorts_trust_get_academies_min (trust);
  int high = cohorts_trust_get_academies_max (trust);

  if (low >= 0 && high >= 0 && low > high)
    add (findings, COHORTS_SEVERITY_WARNING, "growth-target-reversed", g_strdup ("plan"),
         g_strdup (_("Swap the two numbers of the growth target.")),
         /* Translators: the first number is always above the second, so never 1 */
         _("The growth target aims for at least %d academies but at most %d."), low, high);
}

/* A decision dated before its request, or more foundation governors than
 * governors: the church track says something impossible. */
static void
check_church_track_facts (CohortsSchool *school,
                          GPtrArray     *findings)
{
  int foundation = cohorts_school_get_foundation_governors (school);
  int governors = cohorts_school_get_governors (school);
  const char *name = cohorts_school_get_name (school);
  CohortsDate requested[2] = {
    cohorts_school_get_diocesan_consent_requested (school),
    cohorts_school_get_site_trustees_consent_requested (school),
  };
  CohortsDate decided[2] = {
    cohorts_school_get_diocesan_consent_decided (school),
    cohorts_school_get_site_trustees_consent_decided (school),
  };

  for (guint i = 0; i < 2; i++)
    if (requested[i] != COHORTS_DATE_NONE && decided[i] != COHORTS_DATE_NONE && decided[i] < requested[i])
      {
        g_autofree char *asked = cohorts_date_format (requested[i]);
        g_autofree char *answered = cohorts_date_format (decided[i]);

        add_message (findings, COHORTS_SEVERITY_WARNING, "church-consent-dates", school_subject (school),
                     g_strdup (_("Correct the dates of the request and the decision.")),
                     i == 0
                     /* Translators: "The church track of St Aidan's Church of England First School says
                      * the diocesan board decided on 1 March 2027, before it was asked on 1 April 2027." */
                     ? g_strdup_printf (_("The church track of %s says the diocesan board decided on %s, "
                                          "before it was asked on %s."), name, answered, asked)
                     : g_strdup_printf (_("The church track of %s says the site trustees decided on %s, "
                                          "before they were asked on %s."), name, answered, asked));
      }

  if (foundation >= 0 && governors >= 0 && foundation > governors)
    add (findings, COHORTS_SEVERITY_WARNING, "church-governors-count", school_subject (school),
         g_strdup (_("Correct the numbers of governors.")),
         /* Translators: "St Aidan's Church of England First School has 8 foundation governors of
          * 6 governors in all." */
         _("%s has %d foundation governors of %d governors in all."), name, foundation, governors);
  else if (foundation >= 0 && governors > 0 &&
           cohorts_school_get_establishment_type (school) == COHORTS_ESTABLISHMENT_VOLUNTARY_AIDED &&
           foundation * 2 <= governors)
    add (findings, COHORTS_SEVERITY_WARNING, "church-governance-va", school_subject (school),
         g_strdup (_("Agree the governance with the diocese: foundation governors are usually a majority "
                     "in a voluntary aided school.")),
         /* Translators: "Holy Trinity Church of England Primary School is voluntary aided, but only 4
          * of its 10 governors are foundation governors appointed by the church." */
         _("%s is voluntary aided, but only %d of its %d governors are foundation governors appointed by "
           "the church."),
         name, foundation, governors);
}

static void
check_school (CohortsSchool *school,
              GPtrArray     *findings)
{
  int low = cohorts_school_get_low_age (school);
  int high = cohorts_school_get_high_age (school);

  if (low >= 0 && high >= 0 && low > high)
    add (findings, COHORTS_SEVERITY_ERROR, "school-ages-reversed", school_subject (school),
         g_strdup (_("Correct the statutory ages from the school register.")),
         _("%s has a lowest age of %d, above its highest age of %d."),
         cohorts_school_get_name (school), low, high);
  check_church_track_facts (school, findings);
}

typedef enum
{
  REFUSED_ON,
  REFUSED,
  NOT_ASKED,
  ASKED_ON,
  ASKED,
} ConsentSentence;

/* What a consent's state means for a school converting on @when: of the
 * diocesan board (@body 0) or the site trustees (1); @on is the date of the
 * refusal or the request. */
static char *
consent_sentence (guint            body,
                  ConsentSentence  sentence,
                  const char      *name,
                  const char      *when,
                  const char      *on)
{
  switch (sentence)
    {
    case REFUSED_ON:
      return body == 0
             /* Translators: "The diocesan board refused consent on 3 March 2027, but St Aidan's Church
              * of England First School converts on 1 September 2027." */
             ? g_strdup_printf (_("The diocesan board refused consent on %s, but %s converts on %s."), on, name, when)
             : g_strdup_printf (_("The site trustees refused consent on %s, but %s converts on %s."), on, name, when);
    case REFUSED:
      return body == 0
             ? g_strdup_printf (_("The diocesan board refused consent, but %s converts on %s."), name, when)
             : g_strdup_printf (_("The site trustees refused consent, but %s converts on %s."), name, when);
    case NOT_ASKED:
      return body == 0
             /* Translators: "St Aidan's Church of England First School converts on 1 April 2027; the
              * diocesan board has not been asked for its consent." */
             ? g_strdup_printf (_("%s converts on %s; the diocesan board has not been asked for its consent."),
                                name, when)
             : g_strdup_printf (_("%s converts on %s; the site trustees have not been asked for their "
                                  "consent."), name, when);
    case ASKED_ON:
      return body == 0
             /* Translators: "St Aidan's Church of England First School converts on 1 April 2027; the
              * diocesan board has not consented yet (asked on 3 October 2026)." */
             ? g_strdup_printf (_("%s converts on %s; the diocesan board has not consented yet (asked on %s)."),
                                name, when, on)
             : g_strdup_printf (_("%s converts on %s; the site trustees have not consented yet (asked on %s)."),
                                name, when, on);
    case ASKED:
    default:
      return body == 0
             ? g_strdup_printf (_("%s converts on %s; the diocesan board has not consented yet."), name, when)
             : g_strdup_printf (_("%s converts on %s; the site trustees have not consented yet."), name, when);
    }
}

/* A church school converting on @conversion with a consent refused, or
 * not yet granted within six months, or its agreements not in place within
 * three. */
static void
check_church_track (CohortsSchool *school,
                    CohortsDate    conversion,
                    CohortsDate    today,
                    GPtrArray     *findings)
{
  const char *name = cohorts_school_get_name (school);
  g_autofree char *when = NULL;
  CohortsConsent state[2];
  CohortsDate requested[2], decided[2];
  gboolean within_six, within_three;

  if (!cohorts_school_is_church_school (school) || conversion == COHORTS_DATE_NONE)
    return;

  state[0] = cohorts_school_get_diocesan_consent (school);
  state[1] = cohorts_school_get_site_trustees_consent (school);
  requested[0] = cohorts_school_get_diocesan_consent_requested (school);
  requested[1] = cohorts_school_get_site_trustees_consent_requested (school);
  decided[0] = cohorts_school_get_diocesan_consent_decided (school);
  decided[1] = cohorts_school_get_site_trustees_consent_decided (school);

  when = cohorts_date_format (conversion);
  for (guint i = 0; i < 2; i++)
    if (state[i] == COHORTS_CONSENT_REFUSED)
      {
        g_autofree char *on = decided[i] != COHORTS_DATE_NONE ? cohorts_date_format (decided[i]) : NULL;

        add_message (findings, COHORTS_SEVERITY_ERROR, "church-consent-refused", school_subject (school),
                     g_strdup (_("Take the school out of its cohort, or record the new decision once "
                                 "consent is given.")),
                     consent_sentence (i, on != NULL ? REFUSED_ON : REFUSED, name, when, on));
      }

  if (today == COHORTS_DATE_NONE || conversion < today)
    return;
  within_six = conversion < cohorts_date_add_months (today, 6);
  within_three = conversion < cohorts_date_add_months (today, 3);

  for (guint i = 0; i < 2 && within_six; i++)
    {
      g_autofree char *on = NULL;
      char *message;

      if (state[i] == COHORTS_CONSENT_GRANTED || state[i] == COHORTS_CONSENT_REFUSED)
        continue;
      if (requested[i] != COHORTS_DATE_NONE)
        on = cohorts_date_format (requested[i]);
      message = consent_sentence (i, on != NULL ? ASKED_ON : state[i] == COHORTS_CONSENT_NONE ? NOT_ASKED : ASKED,
                                  name, when, on);
      add_message (findings, COHORTS_SEVERITY_WARNING, "church-consent-pending", school_subject (school),
                   g_strdup (on == NULL && state[i] == COHORTS_CONSENT_NONE
                             ? _("Ask for consent now: it takes weeks.")
                             : _("Follow the request up, or move the school to a later cohort.")),
                   message);
    }

  if (!within_three)
    return;
  if (cohorts_school_get_supplemental_agreement (school) != COHORTS_AGREEMENT_SIGNED)
    add (findings, COHORTS_SEVERITY_WARNING, "church-agreement-pending", school_subject (school),
         g_strdup (_("The Church Supplemental Agreement must be settled before the funding agreement.")),
         /* Translators: "St Aidan's Church of England First School converts on 1 February 2027, but
          * its Church Supplemental Agreement is not signed (Drafting)." */
         _("%s converts on %s, but its Church Supplemental Agreement is not signed (%s)."),
         name, when, cohorts_enum_get_label (COHORTS_TYPE_AGREEMENT_STAGE,
                                             cohorts_school_get_supplemental_agreement (school)));
  if (cohorts_school_get_memorandum (school) < COHORTS_AGREEMENT_AGREED)
    add (findings, COHORTS_SEVERITY_WARNING, "church-memorandum-pending", school_subject (school),
         g_strdup (_("Agree the memorandum of understanding with the diocese before the school joins.")),
         /* Translators: "St Aidan's Church of England First School converts on 1 February 2027, but
          * its memorandum of understanding with the trust is not agreed (Not started)." */
         _("%s converts on %s, but its memorandum of understanding with the trust is not agreed (%s)."),
         name, when, cohorts_enum_get_label (COHORTS_TYPE_AGREEMENT_STAGE, cohorts_school_get_memorandum (school)));
}

/* From academy order to conversion is typically three to six months
 * (DOMAIN.md); under twelve weeks is too little. */
#define ACADEMY_ORDER_MIN_WEEKS 12

/* The date of @step if it has one on or before @conversion (or there is no
 * conversion to compare with), else none: a step after the conversion is
 * reported as that, not again by the rules that compare it with others. */
static CohortsDate
dated_by (const CohortsMilestone *milestones,
          CohortsStep             step,
          CohortsDate             conversion)
{
  CohortsDate date = milestones[step].date;

  if (conversion != COHORTS_DATE_NONE && date > conversion)
    return COHORTS_DATE_NONE;
  return date;
}

/* Whether the school's own period for a step that lasts is shorter than the
 * schedule's length for it. A start the school does not give is the
 * schedule's length before the end, so never short. */
static gboolean
too_short (CohortsSchedule        *schedule,
           const CohortsMilestone *milestones,
           CohortsStep             step)
{
  const CohortsMilestone *m = &milestones[step];

  return m->state != COHORTS_MILESTONE_SCHEDULED &&
         m->start != COHORTS_DATE_NONE && m->date != COHORTS_DATE_NONE &&
         (gint64) m->date - m->start < cohorts_schedule_get_weeks (schedule, step) * 7;
}

static void
check_step_order (CohortsSchool          *school,
                  const CohortsMilestone *m,
                  CohortsDate             conversion,
                  GPtrArray              *findings)
{
  const char *name = cohorts_school_get_name (school);
  CohortsDate funding = dated_by (m, COHORTS_STEP_FUNDING_AGREEMENT, conversion);
  CohortsDate consultation = dated_by (m, COHORTS_STEP_CONSULTATION, conversion);
  CohortsDate land = dated_by (m, COHORTS_STEP_LAND_QUESTIONNAIRE, conversion);

  if (conversion != COHORTS_DATE_NONE)
    for (CohortsStep step = 0; step < COHORTS_STEP_CONVERSION; step++)
      if (m[step].date > conversion)
        {
          g_autofree char *when = cohorts_date_format (m[step].date);
          g_autofree char *converts = cohorts_date_format (conversion);

          add (findings, COHORTS_SEVERITY_ERROR, "step-after-conversion", school_subject (school),
               g_strdup (_("Every step must be done by the conversion: move the step earlier or the "
                           "conversion later.")),
               /* Translators: "Brook Lane First School has “Funding agreement signed” on
                * 15 September 2027, after it converts on 1 September 2027." */
               _("%s has “%s” on %s, after it converts on %s."),
               name, cohorts_step_get_name (step), when, converts);
        }

  if (funding == COHORTS_DATE_NONE)
    return;

  if (consultation > funding)
    {
      g_autofree char *ends = cohorts_date_format (consultation);
      g_autofree char *signed_on = cohorts_date_format (funding);

      add (findings, COHORTS_SEVERITY_ERROR, "consultation-after-funding-agreement", school_subject (school),
           g_strdup (_("The statutory consultation must finish before the funding agreement is signed: "
                       "end it sooner or sign later.")),
           /* Translators: "Greenacres First School ends its statutory consultation on
            * 19 August 2027, after its funding agreement is signed on 18 August 2027." */
           _("%s ends its statutory consultation on %s, after its funding agreement is signed on %s."),
           name, ends, signed_on);
    }

  if (land > funding)
    {
      g_autofree char *cleared = cohorts_date_format (land);
      g_autofree char *signed_on = cohorts_date_format (funding);

      add (findings, COHORTS_SEVERITY_ERROR, "land-after-funding-agreement", school_subject (school),
           g_strdup (_("The land questionnaire must be cleared before the funding agreement is signed: "
                       "clear it sooner or sign later.")),
           /* Translators: "Carrow Cross First School clears its land questionnaire on
            * 19 August 2027, after its funding agreement is signed on 18 August 2027." */
           _("%s clears its land questionnaire on %s, after its funding agreement is signed on %s."),
           name, cleared, signed_on);
    }
}

static void
check_deadlines (CohortsSchedule        *schedule,
                 CohortsSchool          *school,
                 const CohortsMilestone *m,
                 CohortsDate             conversion,
                 GPtrArray              *findings)
{
  const char *name = cohorts_school_get_name (school);
  CohortsDate payroll = dated_by (m, COHORTS_STEP_PAYROLL_NOTICE, conversion);
  CohortsDate order = dated_by (m, COHORTS_STEP_ACADEMY_ORDER, conversion);
  CohortsDate deadline;

  if (conversion == COHORTS_DATE_NONE)
    return;

  /* The local authority's deadline is the schedule's: only a date of the
   * school's own can miss it. */
  deadline = conversion - cohorts_schedule_get_weeks_before (schedule, COHORTS_STEP_PAYROLL_NOTICE) * 7;
  if (m[COHORTS_STEP_PAYROLL_NOTICE].state != COHORTS_MILESTONE_SCHEDULED && payroll > deadline)
    {
      g_autofree char *sent = cohorts_date_format (payroll);
      g_autofree char *by = cohorts_date_format (deadline);

      add (findings, COHORTS_SEVERITY_ERROR, "payroll-deadline-missed", school_subject (school),
           /* Translators: "Send the notice by 7 July 2027, or the conversion may have to
            * move to a later month." */
           g_strdup_printf (_("Send the notice by %s, or the conversion may have to move to a later month."),
                            by),
           /* Translators: "Oakfield School gives the local authority its payroll notice on
            * 8 July 2027, after the deadline of 7 July 2027." */
           _("%s gives the local authority its payroll notice on %s, after the deadline of %s."),
           name, sent, by);
    }

  if (order != COHORTS_DATE_NONE && conversion - order < ACADEMY_ORDER_MIN_WEEKS * 7)
    {
      g_autofree char *issued = cohorts_date_format (order);
      g_autofree char *converts = cohorts_date_format (conversion);

      add (findings, COHORTS_SEVERITY_WARNING, "academy-order-late", school_subject (school),
           g_strdup (_("From academy order to conversion usually takes three to six months: apply sooner "
                       "or convert later.")),
           /* Translators: "Ashcombe First School gets its academy order on 10 June 2027,
            * less than 12 weeks before it converts on 1 September 2027." */
           g_dngettext (GETTEXT_PACKAGE,
                        "%s gets its academy order on %s, less than %d week before it converts on %s.",
                        "%s gets its academy order on %s, less than %d weeks before it converts on %s.",
                        ACADEMY_ORDER_MIN_WEEKS),
           name, issued, ACADEMY_ORDER_MIN_WEEKS, converts);
    }
}

static void
check_lengths (CohortsSchedule        *schedule,
               CohortsSchool          *school,
               const CohortsMilestone *m,
               GPtrArray              *findings)
{
  const char *name = cohorts_school_get_name (school);

  if (too_short (schedule, m, COHORTS_STEP_CONSULTATION))
    {
      int weeks = cohorts_schedule_get_weeks (schedule, COHORTS_STEP_CONSULTATION);
      g_autofree char *from = cohorts_date_format (m[COHORTS_STEP_CONSULTATION].start);
      g_autofree char *to = cohorts_date_format (m[COHORTS_STEP_CONSULTATION].date);

      add (findings, COHORTS_SEVERITY_WARNING, "consultation-too-short", school_subject (school),
           g_strdup (_("Start the consultation sooner or end it later: parents, staff and the community "
                       "need time to respond.")),
           /* Translators: "Elmsworth Middle School holds its statutory consultation from
            * 1 May 2027 to 11 June 2027, shorter than the 6 weeks the plan’s schedule gives it." */
           g_dngettext (GETTEXT_PACKAGE,
                        "%s holds its statutory consultation from %s to %s, shorter than the %d week "
                        "the plan’s schedule gives it.",
                        "%s holds its statutory consultation from %s to %s, shorter than the %d weeks "
                        "the plan’s schedule gives it.",
                        weeks),
           name, from, to, weeks);
    }

  /* TUPE has no statutory minimum: the trust's schedule is the rule. */
  if (too_short (schedule, m, COHORTS_STEP_TUPE))
    {
      int weeks = cohorts_schedule_get_weeks (schedule, COHORTS_STEP_TUPE);
      g_autofree char *from = cohorts_date_format (m[COHORTS_STEP_TUPE].start);
      g_autofree char *to = cohorts_date_format (m[COHORTS_STEP_TUPE].date);

      add (findings, COHORTS_SEVERITY_WARNING, "tupe-too-short", school_subject (school),
           g_strdup (_("Start the TUPE consultation sooner or end it later: staff and unions need time "
                       "to be informed and consulted.")),
           /* Translators: as for the statutory consultation, for the staff's (TUPE) */
           g_dngettext (GETTEXT_PACKAGE,
                        "%s holds its TUPE consultation from %s to %s, shorter than the %d week "
                        "the plan’s schedule gives it.",
                        "%s holds its TUPE consultation from %s to %s, shorter than the %d weeks "
                        "the plan’s schedule gives it.",
                        weeks),
           name, from, to, weeks);
    }
}

/* One finding a school: its earliest overdue step, and how many more. */
static void
check_overdue (CohortsSchool          *school,
               const CohortsMilestone *m,
               CohortsDate             today,
               GPtrArray              *findings)
{
  CohortsStep earliest = COHORTS_N_STEPS;
  guint n_overdue = 0;
  g_autofree char *due = NULL;
  char *message;

  if (today == COHORTS_DATE_NONE)
    return;

  for (CohortsStep step = 0; step < COHORTS_N_STEPS; step++)
    if (m[step].date != COHORTS_DATE_NONE && m[step].date < today && m[step].state != COHORTS_MILESTONE_DONE)
      {
        n_overdue++;
        if (earliest == COHORTS_N_STEPS || m[step].date < m[earliest].date)
          earliest = step;
      }

  if (n_overdue == 0)
    return;

  due = cohorts_date_format (m[earliest].date);
  if (n_overdue == 1)
    /* Translators: "Brook Lane First School is behind: “Academy order” was due on
     * 11 November 2026 and is not marked done." */
    message = g_strdup_printf (_("%s is behind: “%s” was due on %s and is not marked done."),
                               cohorts_school_get_name (school), cohorts_step_get_name (earliest), due);
  else
    /* Translators: "Brook Lane First School is behind: “Governing body resolution” was
     * due on 3 February 2027 and is not marked done; 2 more steps are overdue." */
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%s is behind: “%s” was due on %s and is not marked done; "
                                            "%u more step is overdue.",
                                            "%s is behind: “%s” was due on %s and is not marked done; "
                                            "%u more steps are overdue.",
                                            n_overdue - 1),
                               cohorts_school_get_name (school), cohorts_step_get_name (earliest), due,
                               n_overdue - 1);

  add_message (findings, COHORTS_SEVERITY_WARNING, "milestone-overdue", school_subject (school),
               g_strdup (_("Mark the steps that have happened as done, or give the others new dates.")),
               message);
}

static void
check_not_applicable (CohortsSchool *school,
                      GPtrArray     *findings)
{
  for (CohortsStep step = 0; step < COHORTS_N_STEPS; step++)
    {
      CohortsMilestone own;

      cohorts_school_get_milestone (school, step, &own);
      if (own.state != COHORTS_MILESTONE_SCHEDULED && !cohorts_step_applies (step, school))
        {
          g_autofree char *when = cohorts_date_format (own.date);

          add (findings, COHORTS_SEVERITY_INFO, "step-not-applicable", school_subject (school),
               g_strdup (_("Remove the date, or correct the school’s type or religious character.")),
               /* Translators: "Farleigh Moor Church of England First School has a date for
                * “125-year lease agreed” (1 July 2027), a step it does not go through." */
               _("%s has a date for “%s” (%s), a step it does not go through."),
               cohorts_school_get_name (school), cohorts_step_get_name (step), when);
        }
    }
}

/* The dates of @school's conversion: for a school in a cohort or with a
 * conversion date of its own. */
/* A school converting from @today to six months after it that is red or not
 * assessed. */
static void
check_readiness (CohortsPlan   *plan,
                 CohortsSchool *school,
                 CohortsDate    conversion,
                 CohortsDate    today,
                 GPtrArray     *findings)
{
  CohortsReadinessScore score;
  const CohortsFramework *framework;
  g_autofree char *when = NULL;
  char *message;

  if (today == COHORTS_DATE_NONE || conversion == COHORTS_DATE_NONE ||
      conversion < today || conversion >= cohorts_date_add_months (today, 6))
    return;

  cohorts_plan_score_school (plan, school, &score);
  if (score.rag != COHORTS_RAG_RED && score.rag != COHORTS_RAG_NOT_ASSESSED)
    return;

  when = cohorts_date_format (conversion);
  if (score.rag == COHORTS_RAG_NOT_ASSESSED)
    {
      add (findings, COHORTS_SEVERITY_WARNING, "readiness-not-ready", school_subject (school),
           g_strdup (_("Assess its readiness, or move it to a later cohort.")),
           /* Translators: "Thornbury Green First School converts on 1 April 2027, but its readiness
            * has not been assessed." */
           _("%s converts on %s, but its readiness has not been assessed."),
           cohorts_school_get_name (school), when);
      return;
    }

  framework = cohorts_readiness_get_framework (cohorts_plan_get_readiness (plan));
  message = NULL;
  if (score.critical_not_met)
    for (CohortsCriterion i = 0; i < COHORTS_N_CRITERIA && message == NULL; i++)
      {
        CohortsAnswerState state = cohorts_school_get_answer_state (school, i);

        if (!framework->critical[i] ||
            (cohorts_criterion_is_church_only (i) && !cohorts_school_is_church_school (school)))
          continue;
        if (state == COHORTS_ANSWER_NONE)
          /* Translators: "Brook Lane First School converts on 1 April 2027, but its readiness is
           * red: “Governing body resolution” has not been assessed (a critical criterion)." */
          message = g_strdup_printf (_("%s converts on %s, but its readiness is red: “%s” has not been "
                                       "assessed (a critical criterion)."),
                                     cohorts_school_get_name (school), when, cohorts_criterion_get_name (i));
        else if (state == COHORTS_ANSWER_NOT_MET)
          /* Translators: "St Mary's Church of England First School converts on 1 April 2027, but
           * its readiness is red: “Diocesan consent” is not met (a critical criterion)." */
          message = g_strdup_printf (_("%s converts on %s, but its readiness is red: “%s” is not met "
                                       "(a critical criterion)."),
                                     cohorts_school_get_name (school), when, cohorts_criterion_get_name (i));
      }
  if (message == NULL)
    /* Translators: "Thornbury Green First School converts on 1 April 2027, but its readiness is
     * red (45%)." */
    message = g_strdup_printf (_("%s converts on %s, but its readiness is red (%d%%)."),
                               cohorts_school_get_name (school), when,
                               cohorts_readiness_score_percent (&score));

  add_message (findings, COHORTS_SEVERITY_WARNING, "readiness-not-ready", school_subject (school),
               g_strdup (_("Meet the criteria it does not, or move it to a later cohort.")), message);
}

static void
check_schedule (CohortsPlan     *plan,
                CohortsSchedule *schedule,
                CohortsSchool   *school,
                CohortsDate      today,
                GPtrArray       *findings)
{
  CohortsMilestone m[COHORTS_N_STEPS];
  CohortsDate conversion = cohorts_schedule_plan (schedule, school, m);
  const CohortsMilestone *own_conversion = &m[COHORTS_STEP_CONVERSION];

  if (cohorts_school_get_cohort (school) == NULL && own_conversion->state == COHORTS_MILESTONE_SCHEDULED)
    return;

  /* A cohort's date that is not the 1st is reported for the cohort. */
  if (own_conversion->state != COHORTS_MILESTONE_SCHEDULED && !cohorts_date_is_first_of_month (conversion))
    add_not_first (findings, "conversion-date-not-first", school_subject (school),
                   cohorts_school_get_name (school), conversion);

  check_step_order (school, m, conversion, findings);
  check_deadlines (schedule, school, m, conversion, findings);
  check_lengths (schedule, school, m, findings);
  check_overdue (school, m, today, findings);
  check_not_applicable (school, findings);
  check_readiness (plan, school, conversion, today, findings);
  check_church_track (school, conversion, today, findings);
}

/**
 * cohorts_checks_run:
 *
 * Checks @plan against the planning rules as of today: see
 * cohorts_checks_run_at().
 *
 * Returns: (transfer full) (element-type CohortsFinding): the findings
 */
GPtrArray *
cohorts_checks_run (CohortsPlan *plan)
{
  return cohorts_checks_run_at (plan, cohorts_date_today ());
}

/**
 * cohorts_checks_run_at:
 * @today: the day to check on: steps due before it and not done are
 *   overdue; %COHORTS_DATE_NONE checks nothing against the calendar
 *
 * Checks @plan against the planning rules.
 *
 * Returns: (transfer full) (element-type CohortsFinding): the findings, in
 *   plan order (the plan first, then schools, then cohorts, in order; each
 *   school's and each cohort's in a fixed order), then the capacity checks'
 *   month by month (cohorts_capacity_check())
 */
GPtrArray *
cohorts_checks_run_at (CohortsPlan *plan,
                       CohortsDate  today)
{
  GPtrArray *findings = g_ptr_array_new_with_free_func ((GDestroyNotify) cohorts_finding_free);
  CohortsSchedule *schedule;
  GListModel *schools, *cohorts;
  guint n;

  g_return_val_if_fail (COHORTS_IS_PLAN (plan), findings);

  if (cohorts_plan_get_start_date (plan) == COHORTS_DATE_NONE)
    add (findings, COHORTS_SEVERITY_INFO, "plan-no-start", g_strdup ("plan"),
         g_strdup (_("Set the date the plan starts from.")),
         _("The plan has no start date, so conversions cannot be checked against it."));

  check_trust (cohorts_plan_get_trust (plan), findings);

  schedule = cohorts_plan_get_schedule (plan);
  schools = cohorts_plan_get_schools (plan);
  n = g_list_model_get_n_items (schools);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CohortsSchool) school = g_list_model_get_item (schools, i);

      check_school (school, findings);
      check_schedule (plan, schedule, school, today, findings);
    }

  cohorts = cohorts_plan_get_cohorts (plan);
  n = g_list_model_get_n_items (cohorts);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CohortsCohort) cohort = g_list_model_get_item (cohorts, i);
      check_cohort (plan, cohort, findings);
    }

  cohorts_capacity_check (plan, findings);

  return findings;
}

/**
 * cohorts_checks_count:
 *
 * Returns: how many of @findings have @severity
 */
guint
cohorts_checks_count (GPtrArray       *findings,
                      CohortsSeverity  severity)
{
  guint count = 0;

  for (guint i = 0; i < findings->len; i++)
    if (((CohortsFinding *) g_ptr_array_index (findings, i))->severity == severity)
      count++;
  return count;
}

/**
 * cohorts_finding_get_period:
 * @from: (out): the first day of the month or term a finding is about
 * @to: (out): the first day after it
 *
 * Returns: whether @finding is about a month ("month:2027-09") or a term
 *   ("term:2027-autumn", the autumn term of 2027/28)
 */
gboolean
cohorts_finding_get_period (const CohortsFinding *finding,
                            CohortsDate          *from,
                            CohortsDate          *to)
{
  const char *subject = finding->subject;

  if (g_str_has_prefix (subject, "month:"))
    {
      g_autofree char *day = g_strconcat (subject + strlen ("month:"), "-01", NULL);
      CohortsDate date;

      if (!cohorts_date_parse_iso (day, &date, NULL))
        return FALSE;
      *from = date;
      *to = cohorts_date_add_months (date, 1);
      return TRUE;
    }
  if (g_str_has_prefix (subject, "term:"))
    {
      char *end = NULL;
      guint64 year = g_ascii_strtoull (subject + strlen ("term:"), &end, 10);
      CohortsTerm term;

      if (end == NULL || *end != '-' || year < 1900 || year > 2199 ||
          !cohorts_calendar_term_from_token (end + 1, &term))
        return FALSE;
      *from = cohorts_calendar_term_start ((int) year, term);
      *to = term == COHORTS_TERM_SUMMER ? cohorts_calendar_academic_year_start ((int) year + 1)
                                        : cohorts_calendar_term_start ((int) year, term + 1);
      return TRUE;
    }
  return FALSE;
}

/**
 * cohorts_finding_describe_subject:
 *
 * Returns: what @finding is about, for people: "Ashby First School (URN
 *   123456)", "Cohort 2", "September 2027", "Autumn term 2027/28", "The
 *   plan"; the subject as it is when @plan has no such school or cohort
 */
char *
cohorts_finding_describe_subject (const CohortsFinding *finding,
                                  CohortsPlan          *plan)
{
  const char *subject = finding->subject;

  if (g_str_has_prefix (subject, "school:"))
    {
      guint64 urn = g_ascii_strtoull (subject + strlen ("school:"), NULL, 10);
      CohortsSchool *school = urn <= G_MAXUINT ? cohorts_plan_find_school (plan, (guint) urn) : NULL;

      if (school != NULL)
        /* Translators: a school a finding is about: its name and its URN */
        return g_strdup_printf (_("%s (URN %u)"), cohorts_school_get_name (school), cohorts_school_get_urn (school));
    }
  else if (g_str_has_prefix (subject, "cohort:"))
    {
      CohortsCohort *cohort = cohorts_plan_find_cohort (plan, subject + strlen ("cohort:"));

      if (cohort != NULL)
        return cohorts_cohort_dup_display_name (cohort);
    }
  else if (g_str_equal (subject, "plan"))
    return g_strdup (_("The plan"));
  else
    {
      CohortsDate from, to;

      if (cohorts_finding_get_period (finding, &from, &to))
        return g_str_has_prefix (subject, "month:")
                 ? cohorts_date_format_month (from)
                 : cohorts_calendar_format_term (cohorts_calendar_academic_year (from),
                                                 cohorts_calendar_term (from));
    }

  return g_strdup (subject);
}
