/* cohorts-register.c: the DfE's school register, imported into sqlite
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The DfE publishes every establishment in England (about 50,000 rows) as
 * edubasealldataYYYYMMDD.csv. An import reads it with CohortsCsv, finds its
 * columns by their header names (only URN and EstablishmentName are
 * required: the layout changes between releases), turns the DfE's words into
 * Cohorts' own tokens, and writes a new database beside the register in one
 * transaction; only a whole one is renamed over the old, so that a failed
 * or cancelled import leaves the register as it was.
 *
 * The database carries our application_id and user_version: opening checks
 * both and sqlite's quick_check, and says apart a damaged register (which
 * the app offers to rebuild), another program's database and a newer
 * Cohorts'. Search is an FTS5 index of the names, URNs, towns, postcodes,
 * authorities, dioceses and trusts, with apostrophes taken out of the
 * words, so that "st marys" and "st mary's" find "St Mary's".
 */
#define G_LOG_DOMAIN "cohorts-register"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "cohorts-csv.h"
#include "cohorts-register.h"
#include "cohorts-register-private.h"

/* "Cohr" */
#define APPLICATION_ID 0x436F6872
#define SCHEMA_VERSION 1

/* How often an import looks at its cancellable and reports progress. */
#define CHECK_EVERY_ROWS 256

G_DEFINE_QUARK (cohorts-register-error-quark, cohorts_register_error)

struct _CohortsRegister
{
  GObject parent_instance;

  char *path;
  sqlite3 *db;
  sqlite3_stmt *school_stmt;
  guint n_schools;
  CohortsDate file_date;
};

G_DEFINE_FINAL_TYPE (CohortsRegister, cohorts_register, G_TYPE_OBJECT)

/* The columns of the table "school", in order. Those with a header are
 * read from the CSV column of that name; the others are derived. */
typedef enum
{
  COL_INT,
  COL_REAL,
  COL_TEXT,
  COL_DATE,      /* DD-MM-YYYY in the file, ISO in the database */
  COL_DERIVED,
} ColumnKind;

typedef enum
{
  D_URN,
  D_NAME,
  D_LA_CODE,
  D_LA_NAME,
  D_ESTABLISHMENT_NUMBER,
  D_TYPE_CODE,
  D_TYPE_NAME,
  D_TYPE_GROUP,
  D_STATUS_NAME,
  D_OPEN_DATE,
  D_CLOSE_DATE,
  D_PHASE_CODE,
  D_PHASE_NAME,
  D_LOW_AGE,
  D_HIGH_AGE,
  D_SIXTH_FORM,
  D_GENDER,
  D_RELIGIOUS_CHARACTER_NAME,
  D_RELIGIOUS_ETHOS,
  D_DIOCESE_CODE,
  D_DIOCESE_NAME,
  D_ADMISSIONS_POLICY,
  D_CAPACITY,
  D_PUPILS,
  D_FSM,
  D_TRUST_FLAG,
  D_TRUST_CODE,
  D_TRUST_NAME,
  D_UKPRN,
  D_STREET,
  D_LOCALITY,
  D_ADDRESS3,
  D_TOWN,
  D_COUNTY,
  D_POSTCODE,
  D_URBAN_RURAL,
  D_EASTING,
  D_NORTHING,
  D_OFSTED_NAME,
  D_OFSTED_DATE,
  /* Derived: Cohorts' tokens. */
  D_TYPE,
  D_STATUS,
  D_PHASE,
  D_RELIGIOUS_CHARACTER,
  D_RURAL,
  D_OFSTED_GRADE,
  N_COLUMNS
} Column;

typedef struct
{
  const char *name;
  ColumnKind kind;
  const char *header;
} ColumnSpec;

static const ColumnSpec columns[N_COLUMNS] = {
  [D_URN] = { "urn", COL_INT, "URN" },
  [D_NAME] = { "name", COL_TEXT, "EstablishmentName" },
  [D_LA_CODE] = { "la_code", COL_TEXT, "LA (code)" },
  [D_LA_NAME] = { "la_name", COL_TEXT, "LA (name)" },
  [D_ESTABLISHMENT_NUMBER] = { "establishment_number", COL_TEXT, "EstablishmentNumber" },
  [D_TYPE_CODE] = { "type_code", COL_TEXT, "TypeOfEstablishment (code)" },
  [D_TYPE_NAME] = { "type_name", COL_TEXT, "TypeOfEstablishment (name)" },
  [D_TYPE_GROUP] = { "type_group", COL_TEXT, "EstablishmentTypeGroup (name)" },
  [D_STATUS_NAME] = { "status_name", COL_TEXT, "EstablishmentStatus (name)" },
  [D_OPEN_DATE] = { "open_date", COL_DATE, "OpenDate" },
  [D_CLOSE_DATE] = { "close_date", COL_DATE, "CloseDate" },
  [D_PHASE_CODE] = { "phase_code", COL_TEXT, "PhaseOfEducation (code)" },
  [D_PHASE_NAME] = { "phase_name", COL_TEXT, "PhaseOfEducation (name)" },
  [D_LOW_AGE] = { "low_age", COL_INT, "StatutoryLowAge" },
  [D_HIGH_AGE] = { "high_age", COL_INT, "StatutoryHighAge" },
  [D_SIXTH_FORM] = { "sixth_form", COL_TEXT, "OfficialSixthForm (name)" },
  [D_GENDER] = { "gender", COL_TEXT, "Gender (name)" },
  [D_RELIGIOUS_CHARACTER_NAME] = { "religious_character_name", COL_TEXT, "ReligiousCharacter (name)" },
  [D_RELIGIOUS_ETHOS] = { "religious_ethos", COL_TEXT, "ReligiousEthos (name)" },
  [D_DIOCESE_CODE] = { "diocese_code", COL_TEXT, "Diocese (code)" },
  [D_DIOCESE_NAME] = { "diocese_name", COL_TEXT, "Diocese (name)" },
  [D_ADMISSIONS_POLICY] = { "admissions_policy", COL_TEXT, "AdmissionsPolicy (name)" },
  [D_CAPACITY] = { "capacity", COL_INT, "SchoolCapacity" },
  [D_PUPILS] = { "pupils", COL_INT, "NumberOfPupils" },
  [D_FSM] = { "fsm_percent", COL_REAL, "PercentageFSM" },
  [D_TRUST_FLAG] = { "trust_flag", COL_TEXT, "TrustSchoolFlag (name)" },
  [D_TRUST_CODE] = { "trust_code", COL_TEXT, "Trusts (code)" },
  [D_TRUST_NAME] = { "trust_name", COL_TEXT, "Trusts (name)" },
  [D_UKPRN] = { "ukprn", COL_TEXT, "UKPRN" },
  [D_STREET] = { "street", COL_TEXT, "Street" },
  [D_LOCALITY] = { "locality", COL_TEXT, "Locality" },
  [D_ADDRESS3] = { "address3", COL_TEXT, "Address3" },
  [D_TOWN] = { "town", COL_TEXT, "Town" },
  [D_COUNTY] = { "county", COL_TEXT, "County (name)" },
  [D_POSTCODE] = { "postcode", COL_TEXT, "Postcode" },
  [D_URBAN_RURAL] = { "urban_rural", COL_TEXT, "UrbanRural (name)" },
  [D_EASTING] = { "easting", COL_INT, "Easting" },
  [D_NORTHING] = { "northing", COL_INT, "Northing" },
  [D_OFSTED_NAME] = { "ofsted_name", COL_TEXT, "OfstedRating (name)" },
  [D_OFSTED_DATE] = { "ofsted_date", COL_DATE, "OfstedLastInsp" },
  [D_TYPE] = { "type", COL_DERIVED, NULL },
  [D_STATUS] = { "status", COL_DERIVED, NULL },
  [D_PHASE] = { "phase", COL_DERIVED, NULL },
  [D_RELIGIOUS_CHARACTER] = { "religious_character", COL_DERIVED, NULL },
  [D_RURAL] = { "rural", COL_DERIVED, NULL },
  [D_OFSTED_GRADE] = { "ofsted_grade", COL_DERIVED, NULL },
};

/* The DfE's words, and ours */

typedef struct
{
  const char *words;
  int value;
} Word;

static int
look_up (const Word *table,
         gsize       n,
         const char *words,
         int         otherwise)
{
  for (gsize i = 0; i < n; i++)
    if (g_ascii_strcasecmp (words, table[i].words) == 0)
      return table[i].value;
  return otherwise;
}

static const Word establishment_types[] = {
  { "Community school", COHORTS_ESTABLISHMENT_COMMUNITY },
  { "Voluntary aided school", COHORTS_ESTABLISHMENT_VOLUNTARY_AIDED },
  { "Voluntary controlled school", COHORTS_ESTABLISHMENT_VOLUNTARY_CONTROLLED },
  { "Foundation school", COHORTS_ESTABLISHMENT_FOUNDATION },
  { "Community special school", COHORTS_ESTABLISHMENT_COMMUNITY_SPECIAL },
  { "Foundation special school", COHORTS_ESTABLISHMENT_FOUNDATION_SPECIAL },
  { "Local authority nursery school", COHORTS_ESTABLISHMENT_MAINTAINED_NURSERY },
  { "Pupil referral unit", COHORTS_ESTABLISHMENT_PUPIL_REFERRAL_UNIT },
  { "Academy converter", COHORTS_ESTABLISHMENT_ACADEMY_CONVERTER },
  { "Academy 16-19 converter", COHORTS_ESTABLISHMENT_ACADEMY_CONVERTER },
  { "Academy sponsor led", COHORTS_ESTABLISHMENT_ACADEMY_SPONSOR_LED },
  { "Academy 16 to 19 sponsor led", COHORTS_ESTABLISHMENT_ACADEMY_SPONSOR_LED },
  { "Academy special converter", COHORTS_ESTABLISHMENT_ACADEMY_SPECIAL },
  { "Academy special sponsor led", COHORTS_ESTABLISHMENT_ACADEMY_SPECIAL },
  { "Academy alternative provision converter", COHORTS_ESTABLISHMENT_ACADEMY_ALTERNATIVE_PROVISION },
  { "Academy alternative provision sponsor led", COHORTS_ESTABLISHMENT_ACADEMY_ALTERNATIVE_PROVISION },
  { "Free schools", COHORTS_ESTABLISHMENT_FREE_SCHOOL },
  { "Free schools special", COHORTS_ESTABLISHMENT_FREE_SCHOOL },
  { "Free schools alternative provision", COHORTS_ESTABLISHMENT_FREE_SCHOOL },
  { "Free schools 16 to 19", COHORTS_ESTABLISHMENT_FREE_SCHOOL },
  { "University technical college", COHORTS_ESTABLISHMENT_UNIVERSITY_TECHNICAL_COLLEGE },
  { "Studio schools", COHORTS_ESTABLISHMENT_STUDIO_SCHOOL },
};

/* When a file has the codes but not the names. */
static const Word establishment_type_codes[] = {
  { "01", COHORTS_ESTABLISHMENT_COMMUNITY },
  { "02", COHORTS_ESTABLISHMENT_VOLUNTARY_AIDED },
  { "03", COHORTS_ESTABLISHMENT_VOLUNTARY_CONTROLLED },
  { "05", COHORTS_ESTABLISHMENT_FOUNDATION },
  { "28", COHORTS_ESTABLISHMENT_ACADEMY_SPONSOR_LED },
  { "34", COHORTS_ESTABLISHMENT_ACADEMY_CONVERTER },
  { "35", COHORTS_ESTABLISHMENT_FREE_SCHOOL },
};

static const Word phases[] = {
  { "Nursery", COHORTS_PHASE_NURSERY },
  { "Primary", COHORTS_PHASE_PRIMARY },
  { "Middle deemed primary", COHORTS_PHASE_MIDDLE_DEEMED_PRIMARY },
  { "Secondary", COHORTS_PHASE_SECONDARY },
  { "Middle deemed secondary", COHORTS_PHASE_MIDDLE_DEEMED_SECONDARY },
  { "16 plus", COHORTS_PHASE_SIXTEEN_PLUS },
  { "All-through", COHORTS_PHASE_ALL_THROUGH },
};

static const Word phase_codes[] = {
  { "1", COHORTS_PHASE_NURSERY },
  { "2", COHORTS_PHASE_PRIMARY },
  { "3", COHORTS_PHASE_MIDDLE_DEEMED_PRIMARY },
  { "4", COHORTS_PHASE_SECONDARY },
  { "5", COHORTS_PHASE_MIDDLE_DEEMED_SECONDARY },
  { "6", COHORTS_PHASE_SIXTEEN_PLUS },
  { "7", COHORTS_PHASE_ALL_THROUGH },
};

static const Word status_words[] = {
  { "Open", COHORTS_REGISTER_STATUS_OPEN },
  { "Open, but proposed to close", COHORTS_REGISTER_STATUS_PROPOSED_TO_CLOSE },
  { "Proposed to open", COHORTS_REGISTER_STATUS_PROPOSED_TO_OPEN },
  { "Closed", COHORTS_REGISTER_STATUS_CLOSED },
};

static const Word religious_characters[] = {
  { "Does not apply", COHORTS_RELIGIOUS_CHARACTER_NONE },
  { "None", COHORTS_RELIGIOUS_CHARACTER_NONE },
  { "Church of England", COHORTS_RELIGIOUS_CHARACTER_CHURCH_OF_ENGLAND },
  { "Roman Catholic", COHORTS_RELIGIOUS_CHARACTER_ROMAN_CATHOLIC },
  { "Catholic", COHORTS_RELIGIOUS_CHARACTER_ROMAN_CATHOLIC },
  { "Church of England/Methodist", COHORTS_RELIGIOUS_CHARACTER_CHURCH_OF_ENGLAND_METHODIST },
  { "Methodist/Church of England", COHORTS_RELIGIOUS_CHARACTER_CHURCH_OF_ENGLAND_METHODIST },
  { "Roman Catholic/Church of England", COHORTS_RELIGIOUS_CHARACTER_ROMAN_CATHOLIC_CHURCH_OF_ENGLAND },
  { "Church of England/Roman Catholic", COHORTS_RELIGIOUS_CHARACTER_ROMAN_CATHOLIC_CHURCH_OF_ENGLAND },
  { "Methodist", COHORTS_RELIGIOUS_CHARACTER_METHODIST },
  { "Christian", COHORTS_RELIGIOUS_CHARACTER_CHRISTIAN },
  { "Jewish", COHORTS_RELIGIOUS_CHARACTER_JEWISH },
  { "Muslim", COHORTS_RELIGIOUS_CHARACTER_MUSLIM },
  { "Sikh", COHORTS_RELIGIOUS_CHARACTER_SIKH },
  { "Hindu", COHORTS_RELIGIOUS_CHARACTER_HINDU },
  { "Multi-faith", COHORTS_RELIGIOUS_CHARACTER_MULTI_FAITH },
};

static const Word ofsted_grades[] = {
  { "Outstanding", COHORTS_OFSTED_GRADE_OUTSTANDING },
  { "Good", COHORTS_OFSTED_GRADE_GOOD },
  { "Requires improvement", COHORTS_OFSTED_GRADE_REQUIRES_IMPROVEMENT },
  { "Inadequate", COHORTS_OFSTED_GRADE_INADEQUATE },
  { "Serious Weaknesses", COHORTS_OFSTED_GRADE_SERIOUS_WEAKNESSES },
  { "Special Measures", COHORTS_OFSTED_GRADE_SPECIAL_MEASURES },
};

static CohortsEstablishmentType
map_establishment_type (const char *name,
                        const char *code)
{
  if (*name != '\0')
    return look_up (establishment_types, G_N_ELEMENTS (establishment_types), name,
                    COHORTS_ESTABLISHMENT_OTHER);
  return look_up (establishment_type_codes, G_N_ELEMENTS (establishment_type_codes), code,
                  COHORTS_ESTABLISHMENT_UNKNOWN);
}

static gboolean
contains_words (const char *text,
                const char *words)
{
  g_autofree char *folded = g_ascii_strdown (text, -1);
  return strstr (folded, words) != NULL;
}

/* The DfE's phase, made Cohorts': special schools and alternative provision
 * are phases of their own; a primary school for ages up to 9 is a first
 * school, a secondary school from 13 a high school (three-tier areas). */
static CohortsPhase
map_phase (const char *name,
           const char *code,
           const char *type_name,
           int         low_age,
           int         high_age)
{
  CohortsPhase phase;

  if (contains_words (type_name, "special"))
    return COHORTS_PHASE_SPECIAL;
  if (contains_words (type_name, "alternative provision") || contains_words (type_name, "pupil referral"))
    return COHORTS_PHASE_ALTERNATIVE_PROVISION;

  if (*name != '\0')
    phase = look_up (phases, G_N_ELEMENTS (phases), name, COHORTS_PHASE_UNKNOWN);
  else
    phase = look_up (phase_codes, G_N_ELEMENTS (phase_codes), code, COHORTS_PHASE_UNKNOWN);

  if (phase == COHORTS_PHASE_PRIMARY && low_age >= 0 && low_age <= 5 && high_age == 9)
    return COHORTS_PHASE_FIRST;
  if (phase == COHORTS_PHASE_SECONDARY && low_age == 13)
    return COHORTS_PHASE_HIGH;
  return phase;
}

static CohortsReligiousCharacter
map_religious_character (const char *name)
{
  if (*name == '\0')
    return COHORTS_RELIGIOUS_CHARACTER_UNKNOWN;
  return look_up (religious_characters, G_N_ELEMENTS (religious_characters), name,
                  COHORTS_RELIGIOUS_CHARACTER_OTHER);
}

static gboolean
is_academy_type (CohortsEstablishmentType type)
{
  switch (type)
    {
    case COHORTS_ESTABLISHMENT_ACADEMY_CONVERTER:
    case COHORTS_ESTABLISHMENT_ACADEMY_SPONSOR_LED:
    case COHORTS_ESTABLISHMENT_ACADEMY_SPECIAL:
    case COHORTS_ESTABLISHMENT_ACADEMY_ALTERNATIVE_PROVISION:
    case COHORTS_ESTABLISHMENT_FREE_SCHOOL:
    case COHORTS_ESTABLISHMENT_UNIVERSITY_TECHNICAL_COLLEGE:
    case COHORTS_ESTABLISHMENT_STUDIO_SCHOOL:
      return TRUE;
    case COHORTS_ESTABLISHMENT_UNKNOWN:
    case COHORTS_ESTABLISHMENT_COMMUNITY:
    case COHORTS_ESTABLISHMENT_FOUNDATION:
    case COHORTS_ESTABLISHMENT_VOLUNTARY_CONTROLLED:
    case COHORTS_ESTABLISHMENT_VOLUNTARY_AIDED:
    case COHORTS_ESTABLISHMENT_COMMUNITY_SPECIAL:
    case COHORTS_ESTABLISHMENT_FOUNDATION_SPECIAL:
    case COHORTS_ESTABLISHMENT_MAINTAINED_NURSERY:
    case COHORTS_ESTABLISHMENT_PUPIL_REFERRAL_UNIT:
    case COHORTS_ESTABLISHMENT_OTHER:
    default:
      return FALSE;
    }
}

/**
 * cohorts_register_status_to_token:
 *
 * Returns: "open", "proposed-to-close", "proposed-to-open", "closed" or
 *   "unknown"
 */
const char *
cohorts_register_status_to_token (CohortsRegisterStatus status)
{
  switch (status)
    {
    case COHORTS_REGISTER_STATUS_OPEN:
      return "open";
    case COHORTS_REGISTER_STATUS_PROPOSED_TO_CLOSE:
      return "proposed-to-close";
    case COHORTS_REGISTER_STATUS_PROPOSED_TO_OPEN:
      return "proposed-to-open";
    case COHORTS_REGISTER_STATUS_CLOSED:
      return "closed";
    case COHORTS_REGISTER_STATUS_UNKNOWN:
    default:
      return "unknown";
    }
}

/* Values of the file */

static gboolean
parse_int (const char *text,
           gint64      min,
           gint64      max,
           gint64     *out)
{
  guint64 value = 0;

  if (*text == '\0' || strlen (text) > 12)
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    {
      if (!g_ascii_isdigit (*p))
        return FALSE;
      value = value * 10 + (guint64) (*p - '0');
    }
  if ((gint64) value < min || (gint64) value > max)
    return FALSE;
  *out = (gint64) value;
  return TRUE;
}

/* "19-04-2013" → "2013-04-19"; FALSE for anything else. */
static gboolean
parse_dfe_date (const char *text,
                char        iso[11])
{
  int day, month, year;

  if (strlen (text) != 10 || text[2] != '-' || text[5] != '-')
    return FALSE;
  for (int i = 0; i < 10; i++)
    if (i != 2 && i != 5 && !g_ascii_isdigit (text[i]))
      return FALSE;
  day = (text[0] - '0') * 10 + (text[1] - '0');
  month = (text[3] - '0') * 10 + (text[4] - '0');
  year = atoi (text + 6);
  if (year < 1800 || !g_date_valid_dmy (day, month, year))
    return FALSE;
  g_snprintf (iso, 11, "%04d-%02d-%02d", year, month, day);
  return TRUE;
}

/* The words of @text as the index and the queries see them: apostrophes
 * (straight or curly) taken out, so that "Mary's" is one word, "marys". */
static char *
fold_apostrophes (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\'' || c == 0x2019 || c == 0x2018 || c == '`')
        continue;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* "St Mary's C of E" → "\"st\"* \"marys\"* \"c\"* \"of\"* \"e\"*": every
 * word a prefix, all of them required. NULL when @text has no words. */
static char *
fts_query_for (const char *text)
{
  g_autofree char *folded = fold_apostrophes (text);
  GString *query = g_string_new (NULL);
  gboolean in_word = FALSE;

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c) || g_unichar_ismark (c))
        {
          if (!in_word)
            g_string_append (query, query->len > 0 ? " \"" : "\"");
          g_string_append_unichar (query, c);
          in_word = TRUE;
        }
      else if (in_word)
        {
          g_string_append (query, "\"*");
          in_word = FALSE;
        }
    }
  if (in_word)
    g_string_append (query, "\"*");

  if (query->len == 0)
    {
      g_string_free (query, TRUE);
      return NULL;
    }
  return g_string_free (query, FALSE);
}

/**
 * cohorts_register_date_from_file_name:
 *
 * Returns: the date in a name like "edubasealldata20250401.csv", or
 *   %COHORTS_DATE_NONE
 */
CohortsDate
cohorts_register_date_from_file_name (const char *path)
{
  g_autofree char *base = NULL;
  const char *digits;
  int year, month, day;

  g_return_val_if_fail (path != NULL, COHORTS_DATE_NONE);

  base = g_path_get_basename (path);
  if (g_ascii_strncasecmp (base, "edubasealldata", 14) != 0)
    return COHORTS_DATE_NONE;
  digits = base + 14;
  for (int i = 0; i < 8; i++)
    if (!g_ascii_isdigit (digits[i]))
      return COHORTS_DATE_NONE;
  if (g_ascii_isdigit (digits[8]))
    return COHORTS_DATE_NONE;
  year = (digits[0] - '0') * 1000 + (digits[1] - '0') * 100 + (digits[2] - '0') * 10 + (digits[3] - '0');
  month = (digits[4] - '0') * 10 + (digits[5] - '0');
  day = (digits[6] - '0') * 10 + (digits[7] - '0');
  if (year < 1900 || !g_date_valid_dmy (day, month, year))
    return COHORTS_DATE_NONE;
  return cohorts_date_new (year, month, day);
}

char *
cohorts_register_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "cohorts", "register.db", NULL);
}

void
cohorts_register_import_summary_clear (CohortsRegisterImportSummary *summary)
{
  g_clear_pointer (&summary->problems, g_ptr_array_unref);
  memset (summary, 0, sizeof *summary);
}

void
cohorts_register_standing_clear (CohortsRegisterStanding *standing)
{
  g_clear_pointer (&standing->trust_code, g_free);
  g_clear_pointer (&standing->trust_name, g_free);
  memset (standing, 0, sizeof *standing);
}

/* Import */

static gboolean
set_sqlite_error (GError     **error,
                  sqlite3     *db,
                  const char  *path)
{
  int code = db != NULL ? sqlite3_errcode (db) : SQLITE_ERROR;

  if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB)
    g_set_error (error, COHORTS_REGISTER_ERROR, COHORTS_REGISTER_ERROR_CORRUPT,
                 /* Translators: "register.db: the school register is damaged (file is not a database)" */
                 _("%s: the school register is damaged (%s)"), path, sqlite3_errmsg (db));
  else
    g_set_error (error, COHORTS_REGISTER_ERROR, COHORTS_REGISTER_ERROR_FAILED,
                 /* Translators: "register.db: could not use the school register: disk I/O error" */
                 _("%s: could not use the school register: %s"), path,
                 db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (code));
  return FALSE;
}

static gboolean
exec (sqlite3     *db,
      const char  *path,
      const char  *sql,
      GError     **error)
{
  if (sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return set_sqlite_error (error, db, path);
  return TRUE;
}

static char *
create_table_sql (void)
{
  GString *sql = g_string_new ("CREATE TABLE school (");

  for (guint i = 0; i < N_COLUMNS; i++)
    {
      const char *type = "TEXT";

      if (i == D_URN)
        type = "INTEGER PRIMARY KEY";
      else if (columns[i].kind == COL_INT || i == D_STATUS || i == D_RURAL)
        type = "INTEGER";
      else if (columns[i].kind == COL_REAL)
        type = "REAL";
      g_string_append_printf (sql, "%s%s %s", i > 0 ? ", " : "", columns[i].name, type);
    }
  g_string_append (sql, ");"
                   "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);"
                   "CREATE TABLE ordered (ord INTEGER PRIMARY KEY, urn INTEGER NOT NULL);"
                   "CREATE VIRTUAL TABLE search USING fts5 ("
                   "name, urn, town, postcode, la, diocese, trust, tags, content='', "
                   "tokenize='unicode61 remove_diacritics 2', prefix='1 2 3');");
  return g_string_free (sql, FALSE);
}

static char *
column_list (void)
{
  GString *sql = g_string_new (NULL);

  for (guint i = 0; i < N_COLUMNS; i++)
    g_string_append_printf (sql, "%s%s", i > 0 ? ", " : "", columns[i].name);
  return g_string_free (sql, FALSE);
}

static char *
insert_sql (void)
{
  g_autofree char *names = column_list ();
  GString *sql = g_string_new (NULL);

  g_string_append_printf (sql, "INSERT INTO school (%s) VALUES (", names);
  for (guint i = 0; i < N_COLUMNS; i++)
    g_string_append_printf (sql, "%s?%u", i > 0 ? ", " : "", i + 1);
  g_string_append (sql, ")");
  return g_string_free (sql, FALSE);
}

typedef struct
{
  const char *register_path;
  CohortsCsv *csv;
  const char *csv_name;
  sqlite3 *db;
  sqlite3_stmt *insert;
  int field_of[N_COLUMNS];    /* the CSV field of each column, or -1 */
  guint n_header_fields;
  CohortsRegisterImportSummary *summary;
} Import;

static void
skip_row (Import     *import,
          const char *format,
          ...) G_GNUC_PRINTF (2, 3);

static void
skip_row (Import     *import,
          const char *format,
          ...)
{
  va_list args;

  import->summary->n_skipped++;
  if (import->summary->problems->len < COHORTS_REGISTER_MAX_PROBLEMS)
    {
      g_autofree char *message = NULL;

      va_start (args, format);
      message = g_strdup_vprintf (format, args);
      va_end (args);
      g_ptr_array_add (import->summary->problems,
                       g_strdup_printf ("%s:%u: %s", import->csv_name,
                                        cohorts_csv_get_line (import->csv), message));
    }
}

/* The field of @column in the current row, without surrounding spaces
 * (pointed into the reader's record, which is ours to trim). */
static const char *
value_of (Import *import,
          Column  column)
{
  char *value;

  if (import->field_of[column] < 0 || (guint) import->field_of[column] >= cohorts_csv_get_n_fields (import->csv))
    return "";
  value = (char *) cohorts_csv_get_field (import->csv, import->field_of[column]);
  return g_strstrip (value);
}

static gboolean
bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *text)
{
  if (text == NULL || *text == '\0')
    return sqlite3_bind_null (stmt, index) == SQLITE_OK;
  return sqlite3_bind_text (stmt, index, text, -1, SQLITE_STATIC) == SQLITE_OK;
}

static gboolean
is_not_applicable (const char *text)
{
  return g_ascii_strcasecmp (text, "Not applicable") == 0 || g_str_equal (text, "0000");
}

static gboolean
import_row (Import  *import,
            GError **error)
{
  sqlite3_stmt *stmt = import->insert;
  const char *urn_text, *name;
  gint64 urn = 0, low_age = -1, high_age = -1;
  char dates[3][11];
  CohortsEstablishmentType type;
  int rc;

  if (cohorts_csv_get_n_fields (import->csv) != import->n_header_fields)
    {
      /* Translators: a row of the register file is left out: "130 fields where the header has 135" */
      skip_row (import, _("%u fields where the header has %u"),
                cohorts_csv_get_n_fields (import->csv), import->n_header_fields);
      return TRUE;
    }
  urn_text = value_of (import, D_URN);
  name = value_of (import, D_NAME);
  if (!parse_int (urn_text, 100000, 999999, &urn))
    {
      /* Translators: a row of the register file is left out: "“10000x” is not a URN (six digits)" */
      skip_row (import, _("“%s” is not a URN (six digits)"), urn_text);
      return TRUE;
    }
  if (*name == '\0')
    {
      skip_row (import, _("the school of URN %u has no name"), (guint) urn);
      return TRUE;
    }

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  for (guint i = 0; i < N_COLUMNS; i++)
    {
      const char *value;
      gint64 number;

      if (columns[i].kind == COL_DERIVED)
        continue;
      value = value_of (import, i);
      if (*value == '\0')
        continue;
      switch (columns[i].kind)
        {
        case COL_INT:
          if (parse_int (value, 0, G_MAXINT32, &number))
            sqlite3_bind_int64 (stmt, i + 1, number);
          if (i == D_LOW_AGE && parse_int (value, 0, 99, &number))
            low_age = number;
          if (i == D_HIGH_AGE && parse_int (value, 0, 99, &number))
            high_age = number;
          break;
        case COL_REAL:
          {
            char *end = NULL;
            double real = g_ascii_strtod (value, &end);

            if (end != value && *end == '\0' && real >= 0 && real <= 100)
              sqlite3_bind_double (stmt, i + 1, real);
          }
          break;
        case COL_DATE:
          {
            char *iso = dates[i == D_OPEN_DATE ? 0 : i == D_CLOSE_DATE ? 1 : 2];

            if (parse_dfe_date (value, iso))
              bind_text (stmt, i + 1, iso);
          }
          break;
        case COL_TEXT:
          if ((i == D_DIOCESE_CODE || i == D_DIOCESE_NAME || i == D_TRUST_NAME || i == D_TRUST_CODE) &&
              is_not_applicable (value))
            break;
          if (i == D_UKPRN && !(strlen (value) == 8 && value[0] == '1' && parse_int (value, 0, G_MAXINT32, &number)))
            break;
          bind_text (stmt, i + 1, value);
          break;
        case COL_DERIVED:
        default:
          g_assert_not_reached ();
        }
    }

  type = map_establishment_type (value_of (import, D_TYPE_NAME), value_of (import, D_TYPE_CODE));
  sqlite3_bind_text (stmt, D_TYPE + 1, cohorts_enum_to_token (COHORTS_TYPE_ESTABLISHMENT_TYPE, type), -1,
                     SQLITE_STATIC);
  sqlite3_bind_int (stmt, D_STATUS + 1,
                    look_up (status_words, G_N_ELEMENTS (status_words), value_of (import, D_STATUS_NAME),
                             COHORTS_REGISTER_STATUS_UNKNOWN));
  sqlite3_bind_text (stmt, D_PHASE + 1,
                     cohorts_enum_to_token (COHORTS_TYPE_PHASE,
                                            map_phase (value_of (import, D_PHASE_NAME),
                                                       value_of (import, D_PHASE_CODE),
                                                       value_of (import, D_TYPE_NAME),
                                                       low_age, high_age)),
                     -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, D_RELIGIOUS_CHARACTER + 1,
                     cohorts_enum_to_token (COHORTS_TYPE_RELIGIOUS_CHARACTER,
                                            map_religious_character (value_of (import, D_RELIGIOUS_CHARACTER_NAME))),
                     -1, SQLITE_STATIC);
  if (*value_of (import, D_URBAN_RURAL) != '\0')
    sqlite3_bind_int (stmt, D_RURAL + 1, contains_words (value_of (import, D_URBAN_RURAL), "rural"));
  if (*value_of (import, D_OFSTED_NAME) != '\0')
    {
      int grade = look_up (ofsted_grades, G_N_ELEMENTS (ofsted_grades), value_of (import, D_OFSTED_NAME),
                           COHORTS_OFSTED_GRADE_NONE);
      if (grade != COHORTS_OFSTED_GRADE_NONE)
        sqlite3_bind_text (stmt, D_OFSTED_GRADE + 1, cohorts_enum_to_token (COHORTS_TYPE_OFSTED_GRADE, grade),
                           -1, SQLITE_STATIC);
    }

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_CONSTRAINT)
    {
      skip_row (import, _("URN %u is in the file twice: the row after the first is left out"), (guint) urn);
      return TRUE;
    }
  if (rc != SQLITE_DONE)
    return set_sqlite_error (error, import->db, import->register_path);

  import->summary->n_imported++;
  return TRUE;
}

static gboolean
read_header (Import  *import,
             GError **error)
{
  GError *csv_error = NULL;

  if (!cohorts_csv_next (import->csv, &csv_error))
    {
      if (csv_error != NULL)
        {
          g_propagate_error (error, csv_error);
          return FALSE;
        }
      g_set_error (error, COHORTS_REGISTER_ERROR, COHORTS_REGISTER_ERROR_INVALID,
                   /* Translators: "edubasealldata.csv:1: the file is empty: …" */
                   _("%s:1: the file is empty: it is not the DfE's establishment file"),
                   import->csv_name);
      return FALSE;
    }

  for (guint i = 0; i < N_COLUMNS; i++)
    import->field_of[i] = -1;
  import->n_header_fields = cohorts_csv_get_n_fields (import->csv);
  for (guint f = 0; f < import->n_header_fields; f++)
    {
      const char *header = cohorts_csv_get_field (import->csv, f);

      for (guint i = 0; i < N_COLUMNS; i++)
        if (columns[i].header != NULL && import->field_of[i] < 0 &&
            g_ascii_strcasecmp (g_strstrip ((char *) header), columns[i].header) == 0)
          import->field_of[i] = f;
    }

  for (guint i = 0; i < N_COLUMNS; i++)
    if ((i == D_URN || i == D_NAME) && import->field_of[i] < 0)
      {
        g_set_error (error, COHORTS_REGISTER_ERROR, COHORTS_REGISTER_ERROR_INVALID,
                     /* Translators: "edubasealldata.csv:1: the file has no “URN” column: …" */
                     _("%s:%u: the file has no “%s” column: it is not the DfE's establishment file"),
                     import->csv_name, cohorts_csv_get_line (import->csv), columns[i].header);
        return FALSE;
      }
  return TRUE;
}

static gboolean
write_meta (Import      *import,
            const char  *key,
            const char  *value,
            GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (import->db, "INSERT INTO meta (key, value) VALUES (?1, ?2)", -1, &stmt, NULL) != SQLITE_OK)
    return set_sqlite_error (error, import->db, import->register_path);
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, value, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return set_sqlite_error (error, import->db, import->register_path);
  return TRUE;
}

static gboolean
sync_file (const char  *path,
           GError     **error)
{
  int fd = g_open (path, O_RDONLY, 0);

  if (fd < 0 || fsync (fd) != 0)
    {
      int saved_errno = errno;

      if (fd >= 0)
        close (fd);
      g_set_error (error, COHORTS_REGISTER_ERROR, COHORTS_REGISTER_ERROR_FAILED,
                   _("%s: could not write the school register: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);
  return TRUE;
}

/* A word of the index made of a token: "middle-deemed-primary" → "middledeemedprimary". */
static void
append_tag (GString    *tags,
            const char *prefix,
            const char *token)
{
  g_string_append_printf (tags, "%s%s", tags->len > 0 ? " " : "", prefix);
  for (const char *p = token; *p != '\0'; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (tags, g_ascii_tolower (*p));
}

static const char *
status_tag (CohortsRegisterStatus status)
{
  switch (status)
    {
    case COHORTS_REGISTER_STATUS_OPEN:
      return "statusopen";
    case COHORTS_REGISTER_STATUS_PROPOSED_TO_CLOSE:
      return "statusproposedtoclose";
    case COHORTS_REGISTER_STATUS_PROPOSED_TO_OPEN:
      return "statusproposedtoopen";
    case COHORTS_REGISTER_STATUS_CLOSED:
      return "statusclosed";
    case COHORTS_REGISTER_STATUS_UNKNOWN:
    default:
      return "statusunknown";
    }
}

static const char *
text_or_empty (sqlite3_stmt *stmt,
               int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);
  return text != NULL ? text : "";
}

/* The search index, written once all schools are in: its rows are numbered
 * in the order of the schools' names, so that a search reads its matches
 * in that order and stops at its limit, however many there are. The filters
 * are words of the column "tags" ("phaseprimary", "statusopen", "la201"),
 * which the index intersects as it reads. */
static gboolean
build_index (Import        *import,
             GCancellable  *cancellable,
             GError       **error)
{
  sqlite3_stmt *select = NULL, *insert = NULL, *order = NULL;
  gboolean ok = FALSE;
  gint64 ord = 0;
  int rc;

  if (sqlite3_prepare_v2 (import->db,
                          "SELECT urn, name, town, postcode, la_code, la_name, diocese_name, trust_name, "
                          "phase, status, religious_character FROM school ORDER BY name COLLATE NOCASE, urn",
                          -1, &select, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (import->db,
                          "INSERT INTO search (rowid, name, urn, town, postcode, la, diocese, trust, tags) "
                          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", -1, &insert, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (import->db, "INSERT INTO ordered (ord, urn) VALUES (?1, ?2)", -1, &order, NULL) != SQLITE_OK)
    {
      set_sqlite_error (error, import->db, import->register_path);
      goto out;
    }

  while ((rc = sqlite3_step (select)) == SQLITE_ROW)
    {
      g_autofree char *name = fold_apostrophes (text_or_empty (select, 1));
      g_autofree char *town = fold_apostrophes (text_or_empty (select, 2));
      g_autofree char *la = NULL;
      g_autofree char *diocese = fold_apostrophes (text_or_empty (select, 6));
      g_autofree char *trust = fold_apostrophes (text_or_empty (select, 7));
      g_autofree char *la_words = g_strdup_printf ("%s %s", text_or_empty (select, 4), text_or_empty (select, 5));
      GString *tags = g_string_new (NULL);

      la = fold_apostrophes (la_words);
      append_tag (tags, "phase", text_or_empty (select, 8));
      append_tag (tags, status_tag (sqlite3_column_int (select, 9)), "");
      /* What a search asks for unless told otherwise, as one word. */
      if (sqlite3_column_int (select, 9) & COHORTS_REGISTER_STATUS_OPEN_ANY)
        append_tag (tags, "statusopenany", "");
      append_tag (tags, "religion", text_or_empty (select, 10));
      if (*text_or_empty (select, 4) != '\0')
        append_tag (tags, "la", text_or_empty (select, 4));

      ord++;
      sqlite3_reset (insert);
      sqlite3_bind_int64 (insert, 1, ord);
      sqlite3_bind_text (insert, 2, name, -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 3, text_or_empty (select, 0), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (insert, 4, town, -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 5, text_or_empty (select, 3), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (insert, 6, la, -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 7, diocese, -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 8, trust, -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 9, tags->str, -1, SQLITE_TRANSIENT);
      g_string_free (tags, TRUE);
      sqlite3_reset (order);
      sqlite3_bind_int64 (order, 1, ord);
      sqlite3_bind_int64 (order, 2, sqlite3_column_int64 (select, 0));
      if (sqlite3_step (insert) != SQLITE_DONE || sqlite3_step (order) != SQLITE_DONE)
        {
          set_sqlite_error (error, import->db, import->register_path);
          goto out;
        }
      if (ord % CHECK_EVERY_ROWS == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        goto out;
    }
  if (rc != SQLITE_DONE)
    set_sqlite_error (error, import->db, import->register_path);
  else
    ok = TRUE;

out:
  sqlite3_finalize (select);
  sqlite3_finalize (insert);
  sqlite3_finalize (order);
  return ok;
}

/* Reads the whole CSV file into @import's open database, in one
 * transaction: the tables, the schools, the index and the meta data. */
static gboolean
import_rows (Import                   *import,
             CohortsRegisterProgress   progress,
             gpointer                  user_data,
             GCancellable             *cancellable,
             GError                  **error)
{
  g_autofree char *create = create_table_sql ();
  g_autofree char *insert = insert_sql ();
  g_autofree char *pragmas = NULL;
  g_autofree char *date = NULL;
  g_autofree char *count = NULL;
  GError *csv_error = NULL;
  guint rows = 0;

  /* A file of our own until it is renamed: no journal, no syncing but
   * one at the end. */
  if (!exec (import->db, import->register_path,
             "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA locking_mode=EXCLUSIVE;"
             "PRAGMA cache_size=-32768;", error) ||
      !exec (import->db, import->register_path, "BEGIN", error) ||
      !exec (import->db, import->register_path, create, error))
    return FALSE;

  if (sqlite3_prepare_v2 (import->db, insert, -1, &import->insert, NULL) != SQLITE_OK)
    return set_sqlite_error (error, import->db, import->register_path);

  if (!read_header (import, error))
    return FALSE;

  while (cohorts_csv_next (import->csv, &csv_error))
    {
      if (!import_row (import, error))
        return FALSE;
      if (++rows % CHECK_EVERY_ROWS == 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            return FALSE;
          if (progress != NULL)
            progress (cohorts_csv_get_bytes_read (import->csv), cohorts_csv_get_size (import->csv), user_data);
        }
    }
  if (csv_error != NULL)
    {
      g_propagate_error (error, csv_error);
      return FALSE;
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !build_index (import, cancellable, error))
    return FALSE;

  date = import->summary->file_date != COHORTS_DATE_NONE ? cohorts_date_to_iso (import->summary->file_date)
                                                         : g_strdup ("");
  count = g_strdup_printf ("%u", import->summary->n_imported);
  if (!write_meta (import, "file-date", date, error) ||
      !write_meta (import, "schools", count, error) ||
      !write_meta (import, "encoding", import->summary->encoding_name, error))
    return FALSE;

  pragmas = g_strdup_printf ("PRAGMA application_id=%d; PRAGMA user_version=%d;", APPLICATION_ID, SCHEMA_VERSION);
  g_clear_pointer (&import->insert, sqlite3_finalize);
  if (!exec (import->db, import->register_path, "INSERT INTO search (search) VALUES ('optimize')", error) ||
      !exec (import->db, import->register_path, pragmas, error) ||
      !exec (import->db, import->register_path, "COMMIT", error))
    return FALSE;
  return TRUE;
}

static gboolean
import_into (Import                   *import,
             const char               *new_path,
             CohortsRegisterProgress   progress,
             gpointer                  user_data,
             GCancellable             *cancellable,
             GError                  **error)
{
  if (sqlite3_open_v2 (new_path, &import->db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    return set_sqlite_error (error, import->db, import->register_path);
  if (!import_rows (import, progress, user_data, cancellable, error))
    return FALSE;

  if (sqlite3_close (import->db) != SQLITE_OK)
    return set_sqlite_error (error, import->db, import->register_path);
  import->db = NULL;

  if (progress != NULL)
    progress (cohorts_csv_get_size (import->csv), cohorts_csv_get_size (import->csv), user_data);

  return sync_file (new_path, error);
}

/* Notes where @register_path was imported from, for a rebuild: a note
 * that cannot be written costs only that. */
static void
remember_source (const char *register_path,
                 const char *csv_path)
{
  g_autofree char *note = g_strconcat (register_path, ".source", NULL);
  g_autofree char *absolute = g_canonicalize_filename (csv_path, NULL);
  g_autofree char *line = g_strconcat (absolute, "\n", NULL);
  g_autoptr(GError) error = NULL;

  if (!g_file_set_contents (note, line, -1, &error))
    g_warning ("Could not note where the school register came from: %s", error->message);
}

/**
 * cohorts_register_import:
 * @register_path: the register to make or replace
 * @csv_path: the DfE's establishment file
 * @progress: (nullable) (scope call): told the bytes read every few hundred rows
 * @cancellable: (nullable): looked at every few hundred rows
 * @summary: (out caller-allocates) (optional): what was imported; clear it
 *   with cohorts_register_import_summary_clear()
 *
 * Imports @csv_path into a new database beside @register_path, then renames
 * it over @register_path. On an error or when cancelled, @register_path is
 * left as it was.
 *
 * Returns: whether the register was replaced
 */
gboolean
cohorts_register_import (const char                    *register_path,
                         const char                    *csv_path,
                         CohortsRegisterProgress        progress,
                         gpointer                       user_data,
                         GCancellable                  *cancellable,
                         CohortsRegisterImportSummary  *summary,
                         GError                       **error)
{
  CohortsRegisterImportSummary own_summary = { 0, };
  g_autoptr(CohortsCsv) csv = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *new_path = NULL;
  Import import = { 0, };
  gboolean ok;
  int fd;

  g_return_val_if_fail (register_path != NULL, FALSE);
  g_return_val_if_fail (csv_path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (summary == NULL)
    summary = &own_summary;
  memset (summary, 0, sizeof *summary);
  summary->problems = g_ptr_array_new_with_free_func (g_free);
  summary->file_date = cohorts_register_date_from_file_name (csv_path);

  csv = cohorts_csv_open (csv_path, NULL, error);
  if (csv == NULL)
    {
      cohorts_register_import_summary_clear (&own_summary);
      return FALSE;
    }
  summary->encoding_name = cohorts_csv_get_encoding (csv) == COHORTS_CSV_ENCODING_UTF8 ? "UTF-8" : "Windows-1252";

  dir = g_path_get_dirname (register_path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, COHORTS_REGISTER_ERROR, COHORTS_REGISTER_ERROR_FAILED,
                   _("%s: could not write the school register: %s"), register_path, g_strerror (saved_errno));
      cohorts_register_import_summary_clear (&own_summary);
      return FALSE;
    }
  new_path = g_strconcat (register_path, ".new-XXXXXX", NULL);
  fd = g_mkstemp_full (new_path, O_RDWR, 0644);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, COHORTS_REGISTER_ERROR, COHORTS_REGISTER_ERROR_FAILED,
                   _("%s: could not write the school register: %s"), register_path, g_strerror (saved_errno));
      cohorts_register_import_summary_clear (&own_summary);
      return FALSE;
    }
  close (fd);

  import.register_path = register_path;
  import.csv = csv;
  import.csv_name = csv_path;
  import.summary = summary;

  ok = import_into (&import, new_path, progress, user_data, cancellable, error);

  g_clear_pointer (&import.insert, sqlite3_finalize);
  if (import.db != NULL)
    sqlite3_close (import.db);

  if (ok && g_rename (new_path, register_path) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, COHORTS_REGISTER_ERROR, COHORTS_REGISTER_ERROR_FAILED,
                   _("%s: could not write the school register: %s"), register_path, g_strerror (saved_errno));
      ok = FALSE;
    }
  if (!ok)
    g_unlink (new_path);
  else
    remember_source (register_path, csv_path);

  cohorts_register_import_summary_clear (&own_summary);
  return ok;
}

/**
 * cohorts_register_import_data:
 * @data: the bytes of an establishment file
 * @length: their length
 * @display_name: how messages name the file
 * @summary: (out caller-allocates) (optional): what was imported; clear it
 *   with cohorts_register_import_summary_clear()
 *
 * Imports @data exactly as cohorts_register_import() imports a file, into a
 * database in memory that is then thrown away: for the tests and the fuzzer.
 *
 * Returns: whether the import succeeded
 */
gboolean
cohorts_register_import_data (const char                    *data,
                              gsize                          length,
                              const char                    *display_name,
                              CohortsRegisterImportSummary  *summary,
                              GError                       **error)
{
  CohortsRegisterImportSummary own_summary = { 0, };
  g_autoptr(CohortsCsv) csv = NULL;
  Import import = { 0, };
  gboolean ok;

  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (display_name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (summary == NULL)
    summary = &own_summary;
  memset (summary, 0, sizeof *summary);
  summary->problems = g_ptr_array_new_with_free_func (g_free);
  summary->file_date = cohorts_register_date_from_file_name (display_name);

  csv = cohorts_csv_new_for_data (data, length, display_name);
  summary->encoding_name = cohorts_csv_get_encoding (csv) == COHORTS_CSV_ENCODING_UTF8 ? "UTF-8" : "Windows-1252";

  import.register_path = ":memory:";
  import.csv = csv;
  import.csv_name = display_name;
  import.summary = summary;

  if (sqlite3_open_v2 (":memory:", &import.db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK)
    ok = set_sqlite_error (error, import.db, import.register_path);
  else
    ok = import_rows (&import, NULL, NULL, NULL, error);

  g_clear_pointer (&import.insert, sqlite3_finalize);
  sqlite3_close (import.db);
  cohorts_register_import_summary_clear (&own_summary);
  return ok;
}

/**
 * cohorts_register_get_last_import:
 * @register_path: the register's file
 *
 * A damaged register is rebuilt from the file it was last imported from,
 * which is noted beside it (in "REGISTER.source") at each import, where it
 * survives the register's own damage.
 *
 * Returns: (transfer full) (nullable): the absolute path of the CSV file
 *   @register_path was last imported from, if it is still there
 */
char *
cohorts_register_get_last_import (const char *register_path)
{
  g_autofree char *note = g_strconcat (register_path, ".source", NULL);
  g_autofree char *contents = NULL;

  if (!g_file_get_contents (note, &contents, NULL, NULL))
    return NULL;
  g_strchomp (contents);
  if (!g_path_is_absolute (contents) || !g_file_test (contents, G_FILE_TEST_IS_REGULAR))
    return NULL;
  return g_steal_pointer (&contents);
}

/* Importing in a thread */

typedef struct
{
  char *register_path;
  char *csv_path;
  CohortsRegisterProgress progress;
  gpointer progress_data;
  GDestroyNotify progress_data_free;
  GMainContext *context;
  /* The latest figures, for the caller's thread; a report is pending while
   * @reporting is set, so that a slow main loop gets one, not thousands. */
  GMutex lock;
  guint64 done;
  guint64 total;
  gboolean reporting;
  CohortsRegisterImportSummary summary;
} ImportTask;

static void
import_task_free (gpointer data)
{
  ImportTask *task = data;

  g_free (task->register_path);
  g_free (task->csv_path);
  if (task->progress_data_free != NULL)
    task->progress_data_free (task->progress_data);
  g_main_context_unref (task->context);
  g_mutex_clear (&task->lock);
  cohorts_register_import_summary_clear (&task->summary);
  g_free (task);
}

static gboolean
report_progress_cb (gpointer data)
{
  GTask *gtask = data;
  ImportTask *task = g_task_get_task_data (gtask);
  guint64 done, total;

  g_mutex_lock (&task->lock);
  done = task->done;
  total = task->total;
  task->reporting = FALSE;
  g_mutex_unlock (&task->lock);

  task->progress (done, total, task->progress_data);
  return G_SOURCE_REMOVE;
}

static void
progress_in_thread (guint64  done,
                    guint64  total,
                    gpointer data)
{
  GTask *gtask = data;
  ImportTask *task = g_task_get_task_data (gtask);
  gboolean pending;

  g_mutex_lock (&task->lock);
  task->done = done;
  task->total = total;
  pending = task->reporting;
  task->reporting = TRUE;
  g_mutex_unlock (&task->lock);

  /* An idle source, not g_main_context_invoke(): that runs the callback
   * here, in the worker, when no thread owns the context at that moment. */
  if (!pending)
    {
      GSource *source = g_idle_source_new ();

      g_source_set_priority (source, G_PRIORITY_DEFAULT);
      g_source_set_callback (source, report_progress_cb, g_object_ref (gtask), g_object_unref);
      g_source_attach (source, task->context);
      g_source_unref (source);
    }
}

static void
import_thread (GTask        *gtask,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportTask *task = task_data;
  GError *error = NULL;

  if (cohorts_register_import (task->register_path, task->csv_path,
                               task->progress != NULL ? progress_in_thread : NULL, gtask,
                               cancellable, &task->summary, &error))
    g_task_return_boolean (gtask, TRUE);
  else
    g_task_return_error (gtask, error);
}

/**
 * cohorts_register_import_async:
 * @progress: (nullable): called in the thread-default main context of the
 *   caller, at most once for each turn of its main loop
 *
 * Runs cohorts_register_import() in a thread.
 */
void
cohorts_register_import_async (const char              *register_path,
                               const char              *csv_path,
                               CohortsRegisterProgress  progress,
                               gpointer                 progress_data,
                               GDestroyNotify           progress_data_free,
                               GCancellable            *cancellable,
                               GAsyncReadyCallback      callback,
                               gpointer                 user_data)
{
  g_autoptr(GTask) gtask = NULL;
  ImportTask *task;

  g_return_if_fail (register_path != NULL);
  g_return_if_fail (csv_path != NULL);

  task = g_new0 (ImportTask, 1);
  task->register_path = g_strdup (register_path);
  task->csv_path = g_strdup (csv_path);
  task->progress = progress;
  task->progress_data = progress_data;
  task->progress_data_free = progress_data_free;
  task->context = g_main_context_ref_thread_default ();
  g_mutex_init (&task->lock);

  gtask = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (gtask, cohorts_register_import_async);
  g_task_set_task_data (gtask, task, import_task_free);
  g_task_run_in_thread (gtask, import_thread);
}

/**
 * cohorts_register_import_finish:
 * @summary: (out caller-allocates) (optional): as cohorts_register_import()'s
 */
gboolean
cohorts_register_import_finish (GAsyncResult                  *result,
                                CohortsRegisterImportSummary  *summary,
                                GError                       **error)
{
  ImportTask *task;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == cohorts_register_import_async, FALSE);

  task = g_task_get_task_data (G_TASK (result));
  if (summary != NULL)
    {
      *summary = task->summary;
      memset (&task->summary, 0, sizeof task->summary);
    }
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Opening */

static void
cohorts_register_finalize (GObject *object)
{
  CohortsRegister *self = COHORTS_REGISTER (object);

  g_clear_pointer (&self->school_stmt, sqlite3_finalize);
  if (self->db != NULL)
    sqlite3_close (self->db);
  g_free (self->path);

  G_OBJECT_CLASS (cohorts_register_parent_class)->finalize (object);
}

static void
cohorts_register_class_init (CohortsRegisterClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cohorts_register_finalize;
}

static void
cohorts_register_init (CohortsRegister *self)
{
}

/* The integer of a one-row, one-column statement; FALSE when it fails. */
static gboolean
query_int (sqlite3    *db,
           const char *sql,
           gint64     *out)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    {
      *out = sqlite3_column_int64 (stmt, 0);
      ok = TRUE;
    }
  sqlite3_finalize (stmt);
  return ok;
}

static gboolean
damaged (GError     **error,
         const char  *path,
         const char  *why)
{
  g_set_error (error, COHORTS_REGISTER_ERROR, COHORTS_REGISTER_ERROR_CORRUPT,
               _("%s: the school register is damaged (%s)"), path, why);
  return FALSE;
}

static gboolean
check_register (CohortsRegister  *self,
                GError          **error)
{
  gint64 application_id = 0, version = 0, n_tables = 0, n_schools = 0;
  sqlite3_stmt *stmt = NULL;
  g_autofree char *check = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *names = NULL;

  if (!query_int (self->db, "PRAGMA application_id", &application_id))
    {
      if (sqlite3_errcode (self->db) == SQLITE_NOTADB || sqlite3_errcode (self->db) == SQLITE_CORRUPT)
        return damaged (error, self->path, _("it is not a database"));
      return set_sqlite_error (error, self->db, self->path);
    }
  if (application_id != APPLICATION_ID)
    {
      /* An empty file is what is left of a register, not someone else's. */
      if (application_id == 0 && query_int (self->db, "SELECT count(*) FROM sqlite_master", &n_tables) &&
          n_tables == 0)
        return damaged (error, self->path, _("it is empty"));
      g_set_error (error, COHORTS_REGISTER_ERROR, COHORTS_REGISTER_ERROR_FOREIGN,
                   /* Translators: the file given as the register is another program's sqlite database */
                   _("%s: this is another program's database, not a school register of Cohorts"), self->path);
      return FALSE;
    }
  if (!query_int (self->db, "PRAGMA user_version", &version))
    return set_sqlite_error (error, self->db, self->path);
  if (version > SCHEMA_VERSION)
    {
      g_set_error (error, COHORTS_REGISTER_ERROR, COHORTS_REGISTER_ERROR_NEWER,
                   _("%s: a newer version of Cohorts made this school register: update Cohorts, "
                     "or import the DfE's file again"), self->path);
      return FALSE;
    }
  if (version != SCHEMA_VERSION)
    return damaged (error, self->path, _("it was never finished"));

  if (sqlite3_prepare_v2 (self->db, "PRAGMA quick_check", -1, &stmt, NULL) != SQLITE_OK)
    return set_sqlite_error (error, self->db, self->path);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    check = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  if (check == NULL)
    return set_sqlite_error (error, self->db, self->path);
  if (!g_str_equal (check, "ok"))
    return damaged (error, self->path, check);

  names = column_list ();
  sql = g_strdup_printf ("SELECT %s FROM school WHERE urn = ?1", names);
  if (sqlite3_prepare_v2 (self->db, sql, -1, &self->school_stmt, NULL) != SQLITE_OK ||
      !query_int (self->db, "SELECT count(*) FROM school", &n_schools) ||
      !query_int (self->db, "SELECT count(*) FROM search WHERE search MATCH 'x*'", &n_tables))
    return damaged (error, self->path, sqlite3_errmsg (self->db));
  self->n_schools = (guint) n_schools;

  if (sqlite3_prepare_v2 (self->db, "SELECT value FROM meta WHERE key = 'file-date'", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_text (stmt, 0) != NULL)
    cohorts_date_parse_iso ((const char *) sqlite3_column_text (stmt, 0), &self->file_date, NULL);
  sqlite3_finalize (stmt);
  return TRUE;
}

/**
 * cohorts_register_open:
 *
 * Opens the register at @path, read-only, after checking that it is ours,
 * of a version we read, and whole. Errors: %COHORTS_REGISTER_ERROR_NOT_FOUND,
 * _CORRUPT (offer to import again), _FOREIGN, _NEWER, _FAILED.
 *
 * Returns: (transfer full): the register, or %NULL
 */
CohortsRegister *
cohorts_register_open (const char  *path,
                       GError     **error)
{
  g_autoptr(CohortsRegister) self = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, COHORTS_REGISTER_ERROR, COHORTS_REGISTER_ERROR_NOT_FOUND,
                   /* Translators: "register.db: there is no school register yet" */
                   _("%s: there is no school register yet"), path);
      return NULL;
    }
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, COHORTS_REGISTER_ERROR, COHORTS_REGISTER_ERROR_FAILED,
                   _("%s: could not use the school register: %s"), path, g_strerror (EISDIR));
      return NULL;
    }

  self = g_object_new (COHORTS_TYPE_REGISTER, NULL);
  self->path = g_strdup (path);
  if (sqlite3_open_v2 (path, &self->db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    {
      set_sqlite_error (error, self->db, path);
      return NULL;
    }
  if (!check_register (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

const char *
cohorts_register_get_path (CohortsRegister *self)
{
  g_return_val_if_fail (COHORTS_IS_REGISTER (self), NULL);
  return self->path;
}

guint
cohorts_register_get_n_schools (CohortsRegister *self)
{
  g_return_val_if_fail (COHORTS_IS_REGISTER (self), 0);
  return self->n_schools;
}

/* The date in the name of the file last imported, or none. */
CohortsDate
cohorts_register_get_file_date (CohortsRegister *self)
{
  g_return_val_if_fail (COHORTS_IS_REGISTER (self), COHORTS_DATE_NONE);
  return self->file_date;
}

/* Search */

void
cohorts_register_query_init (CohortsRegisterQuery *query,
                             const char           *text)
{
  g_return_if_fail (query != NULL);

  memset (query, 0, sizeof *query);
  query->text = text;
  query->phase = COHORTS_PHASE_UNKNOWN;
  query->religious_character = COHORTS_RELIGIOUS_CHARACTER_UNKNOWN;
  query->statuses = COHORTS_REGISTER_STATUS_OPEN_ANY;
  query->limit = COHORTS_REGISTER_SEARCH_LIMIT;
}

static void
match_free (gpointer data)
{
  CohortsRegisterMatch *match = data;

  g_free (match->name);
  g_free (match->town);
  g_free (match->postcode);
  g_free (match->la_name);
  g_free (match);
}

static char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);
  return g_strdup (text != NULL ? text : "");
}

static int
token_value (GType       type,
             const char *token)
{
  int value = 0;

  if (token != NULL)
    cohorts_enum_from_token (type, token, TRUE, &value);
  return value;
}

/* The filters of @query as an expression over the column "tags", or NULL
 * when none can match (an authority the register does not have). */
static char *
filter_expression (CohortsRegister             *self,
                   const CohortsRegisterQuery  *query,
                   gboolean                    *none)
{
  static const CohortsRegisterStatus each_status[] = {
    COHORTS_REGISTER_STATUS_OPEN, COHORTS_REGISTER_STATUS_PROPOSED_TO_CLOSE,
    COHORTS_REGISTER_STATUS_PROPOSED_TO_OPEN, COHORTS_REGISTER_STATUS_CLOSED, COHORTS_REGISTER_STATUS_UNKNOWN,
  };
  guint statuses = query->statuses != 0 ? query->statuses : COHORTS_REGISTER_STATUS_OPEN_ANY;
  GString *filter = g_string_new ("{tags}: (");
  gboolean first = TRUE;

  *none = FALSE;
  statuses &= COHORTS_REGISTER_STATUS_ALL;
  if (statuses == COHORTS_REGISTER_STATUS_ALL)
    g_string_append (filter, "statusopen OR statusproposedtoclose OR statusproposedtoopen OR statusclosed "
                     "OR statusunknown");
  else if (statuses == COHORTS_REGISTER_STATUS_OPEN_ANY)
    g_string_append (filter, "statusopenany");
  else
    {
      for (guint i = 0; i < G_N_ELEMENTS (each_status); i++)
        if (statuses & each_status[i])
          {
            g_string_append_printf (filter, "%s%s", first ? "" : " OR ", status_tag (each_status[i]));
            first = FALSE;
          }
      if (first)
        *none = TRUE;
    }
  g_string_append (filter, ")");

  if (query->phase != COHORTS_PHASE_UNKNOWN)
    {
      g_string_append (filter, " AND {tags}: ");
      append_tag (filter, "phase", cohorts_enum_to_token (COHORTS_TYPE_PHASE, query->phase));
    }
  if (query->religious_character != COHORTS_RELIGIOUS_CHARACTER_UNKNOWN)
    {
      g_string_append (filter, " AND {tags}: ");
      append_tag (filter, "religion",
                  cohorts_enum_to_token (COHORTS_TYPE_RELIGIOUS_CHARACTER, query->religious_character));
    }
  if (query->la != NULL && *query->la != '\0')
    {
      sqlite3_stmt *stmt = NULL;

      /* An authority by its code or its name: the index knows the code. */
      if (sqlite3_prepare_v2 (self->db,
                              "SELECT la_code FROM school WHERE la_code = ?1 OR la_name = ?1 COLLATE NOCASE LIMIT 1",
                              -1, &stmt, NULL) == SQLITE_OK)
        {
          sqlite3_bind_text (stmt, 1, query->la, -1, SQLITE_STATIC);
          if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_text (stmt, 0) != NULL)
            {
              g_string_append (filter, " AND {tags}: ");
              append_tag (filter, "la", (const char *) sqlite3_column_text (stmt, 0));
            }
          else
            *none = TRUE;
        }
      sqlite3_finalize (stmt);
    }
  return g_string_free (filter, FALSE);
}

/* Appends to @ords the index's rows that match @expression and are not in
 * @ords yet, in the order of names, until @ords has @limit. */
static gboolean
collect (CohortsRegister  *self,
         const char       *expression,
         GArray           *ords,
         guint             limit,
         GError          **error)
{
  guint before = ords->len;
  sqlite3_stmt *stmt = NULL;
  int rc = SQLITE_DONE;

  if (sqlite3_prepare_v2 (self->db, "SELECT rowid FROM search WHERE search MATCH ?1 ORDER BY rowid LIMIT ?2",
                          -1, &stmt, NULL) != SQLITE_OK)
    return set_sqlite_error (error, self->db, self->path);
  sqlite3_bind_text (stmt, 1, expression, -1, SQLITE_STATIC);
  /* Enough for what is missing, and for the rows found before, which it
   * may meet again. */
  sqlite3_bind_int (stmt, 2, limit);
  while (ords->len < limit && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 ord = sqlite3_column_int64 (stmt, 0);
      gboolean seen = FALSE;

      for (guint i = 0; i < before && !seen; i++)
        seen = g_array_index (ords, gint64, i) == ord;
      if (!seen)
        g_array_append_val (ords, ord);
    }
  if (ords->len >= limit)
    rc = SQLITE_DONE;
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return set_sqlite_error (error, self->db, self->path);
  return TRUE;
}

/**
 * cohorts_register_search:
 *
 * Finds schools by the words of @query, each the start of a word, all of
 * them required. Relevance comes first: schools whose name has all the
 * words, then those whose URN, town or postcode has them, then those whose
 * authority, diocese or trust has them, then those that have them spread
 * over these; in each group, by name. Without words, lists schools by name.
 * The index is read in the order of names, so a search costs about its
 * limit, not the number of schools that match.
 *
 * Returns: (transfer container) (element-type CohortsRegisterMatch): the
 *   matches, or %NULL on an error
 */
GPtrArray *
cohorts_register_search (CohortsRegister             *self,
                         const CohortsRegisterQuery  *query,
                         GError                     **error)
{
  static const char *const groups[] = {
    "{name}", "{urn town postcode}", "{la diocese trust}", "{name urn town postcode la diocese trust}",
  };
  g_autofree char *words = NULL;
  g_autofree char *filter = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GArray) ords = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = NULL;
  guint limit;
  gboolean none;

  g_return_val_if_fail (COHORTS_IS_REGISTER (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  limit = query->limit != 0 ? query->limit : COHORTS_REGISTER_SEARCH_LIMIT;
  results = g_ptr_array_new_with_free_func (match_free);
  filter = filter_expression (self, query, &none);
  if (none)
    return g_steal_pointer (&results);

  words = query->text != NULL ? fts_query_for (query->text) : NULL;
  if (words == NULL)
    {
      if (!collect (self, filter, ords, limit, error))
        return NULL;
    }
  else
    for (guint g = 0; g < G_N_ELEMENTS (groups) && ords->len < limit; g++)
      {
        /* A group is read only when those before it gave fewer than the
         * limit, so all of their matches are in @ords already. */
        g_autofree char *expression = g_strdup_printf ("%s: (%s) AND (%s)", groups[g], words, filter);

        if (!collect (self, expression, ords, limit, error))
          return NULL;
      }

  if (sqlite3_prepare_v2 (self->db,
                          "SELECT s.urn, s.name, s.town, s.postcode, s.la_name, s.phase, s.status "
                          "FROM ordered o JOIN school s ON s.urn = o.urn WHERE o.ord = ?1",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      set_sqlite_error (error, self->db, self->path);
      return NULL;
    }
  for (guint i = 0; i < ords->len; i++)
    {
      CohortsRegisterMatch *m;

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, g_array_index (ords, gint64, i));
      if (sqlite3_step (stmt) != SQLITE_ROW)
        {
          damaged (error, self->path, _("its search index and its schools disagree"));
          sqlite3_finalize (stmt);
          return NULL;
        }
      m = g_new0 (CohortsRegisterMatch, 1);
      m->urn = sqlite3_column_int (stmt, 0);
      m->name = column_text (stmt, 1);
      m->town = column_text (stmt, 2);
      m->postcode = column_text (stmt, 3);
      m->la_name = column_text (stmt, 4);
      m->phase = token_value (COHORTS_TYPE_PHASE, (const char *) sqlite3_column_text (stmt, 5));
      m->status = sqlite3_column_int (stmt, 6);
      g_ptr_array_add (results, m);
    }
  sqlite3_finalize (stmt);
  return g_steal_pointer (&results);
}

/* One school */

static gboolean
find_row (CohortsRegister  *self,
          guint             urn,
          GError          **error)
{
  int rc;

  sqlite3_reset (self->school_stmt);
  sqlite3_bind_int (self->school_stmt, 1, urn);
  rc = sqlite3_step (self->school_stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc == SQLITE_DONE)
    g_set_error (error, COHORTS_REGISTER_ERROR, COHORTS_REGISTER_ERROR_NO_SUCH_SCHOOL,
                 /* Translators: "The school register has no school of URN 123456" */
                 _("The school register has no school of URN %u"), urn);
  else
    set_sqlite_error (error, self->db, self->path);
  sqlite3_reset (self->school_stmt);
  return FALSE;
}

static const char *
row_text (CohortsRegister *self,
          Column           column)
{
  return (const char *) sqlite3_column_text (self->school_stmt, column);
}

static gboolean
row_has (CohortsRegister *self,
         Column           column)
{
  return sqlite3_column_type (self->school_stmt, column) != SQLITE_NULL;
}

static gboolean
is_code (const char *text,
         gsize       max_length)
{
  gsize n = strlen (text);

  if (n == 0 || n > max_length)
    return FALSE;
  for (gsize i = 0; i < n; i++)
    if (!g_ascii_isalnum (text[i]))
      return FALSE;
  return TRUE;
}

static gboolean
is_trust_reference (const char *text)
{
  if (strlen (text) != 7 || text[0] != 'T' || text[1] != 'R')
    return FALSE;
  for (int i = 2; i < 7; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;
  return TRUE;
}

static CohortsDate
row_date (CohortsRegister *self,
          Column           column)
{
  CohortsDate date = COHORTS_DATE_NONE;

  if (row_has (self, column))
    cohorts_date_parse_iso (row_text (self, column), &date, NULL);
  return date;
}

static CohortsSchool *
make_school (CohortsRegister  *self,
             guint             urn,
             gboolean         *rural_known,
             GError          **error)
{
  g_autoptr(CohortsSchool) school = NULL;
  GObject *object;

  if (!find_row (self, urn, error))
    return NULL;

  school = cohorts_school_new (urn, row_text (self, D_NAME));
  object = G_OBJECT (school);
  g_object_freeze_notify (object);
  g_object_set (object,
                "phase", token_value (COHORTS_TYPE_PHASE, row_text (self, D_PHASE)),
                "establishment-type", token_value (COHORTS_TYPE_ESTABLISHMENT_TYPE, row_text (self, D_TYPE)),
                "religious-character", token_value (COHORTS_TYPE_RELIGIOUS_CHARACTER,
                                                    row_text (self, D_RELIGIOUS_CHARACTER)),
                NULL);
  if (row_has (self, D_LOW_AGE) && sqlite3_column_int (self->school_stmt, D_LOW_AGE) <= 99)
    g_object_set (object, "low-age", sqlite3_column_int (self->school_stmt, D_LOW_AGE), NULL);
  if (row_has (self, D_HIGH_AGE) && sqlite3_column_int (self->school_stmt, D_HIGH_AGE) <= 99)
    g_object_set (object, "high-age", sqlite3_column_int (self->school_stmt, D_HIGH_AGE), NULL);
  if (row_has (self, D_PUPILS) && sqlite3_column_int (self->school_stmt, D_PUPILS) <= 999999999)
    g_object_set (object, "pupils", sqlite3_column_int (self->school_stmt, D_PUPILS), NULL);
  if (row_has (self, D_CAPACITY) && sqlite3_column_int (self->school_stmt, D_CAPACITY) <= 999999999)
    g_object_set (object, "capacity", sqlite3_column_int (self->school_stmt, D_CAPACITY), NULL);
  *rural_known = row_has (self, D_RURAL);
  if (*rural_known)
    g_object_set (object, "rural", sqlite3_column_int (self->school_stmt, D_RURAL) != 0, NULL);
  if (row_has (self, D_TOWN))
    g_object_set (object, "town", row_text (self, D_TOWN), NULL);
  if (row_has (self, D_POSTCODE))
    g_object_set (object, "postcode", row_text (self, D_POSTCODE), NULL);
  if (row_has (self, D_LA_CODE) && is_code (row_text (self, D_LA_CODE), 8))
    g_object_set (object, "la-code", row_text (self, D_LA_CODE), NULL);
  if (row_has (self, D_LA_NAME))
    g_object_set (object, "la-name", row_text (self, D_LA_NAME), NULL);
  if (row_has (self, D_DIOCESE_CODE) && is_code (row_text (self, D_DIOCESE_CODE), 8))
    g_object_set (object, "diocese-code", row_text (self, D_DIOCESE_CODE), NULL);
  if (row_has (self, D_DIOCESE_NAME))
    g_object_set (object, "diocese-name", row_text (self, D_DIOCESE_NAME), NULL);
  /* The DfE's trust codes are numbers; a plan holds the "TR" references. */
  if (row_has (self, D_TRUST_CODE) && is_trust_reference (row_text (self, D_TRUST_CODE)))
    g_object_set (object, "current-trust-reference", row_text (self, D_TRUST_CODE), NULL);
  if (row_has (self, D_TRUST_NAME))
    g_object_set (object, "current-trust-name", row_text (self, D_TRUST_NAME), NULL);
  if (row_has (self, D_OFSTED_GRADE))
    g_object_set (object, "ofsted-grade", token_value (COHORTS_TYPE_OFSTED_GRADE, row_text (self, D_OFSTED_GRADE)),
                  NULL);
  if (row_has (self, D_OFSTED_DATE))
    g_object_set (object, "ofsted-date", row_date (self, D_OFSTED_DATE), NULL);
  g_object_thaw_notify (object);

  sqlite3_reset (self->school_stmt);
  return g_steal_pointer (&school);
}

/**
 * cohorts_register_make_school:
 *
 * Returns: (transfer full): a new school with everything the register
 *   records of it (name, phase, type, ages, religious character, diocese,
 *   pupils, capacity, rural, town, postcode, authority, trust, Ofsted grade
 *   and date where the file has them), or %NULL
 */
CohortsSchool *
cohorts_register_make_school (CohortsRegister  *self,
                              guint             urn,
                              GError          **error)
{
  gboolean rural_known;

  g_return_val_if_fail (COHORTS_IS_REGISTER (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return make_school (self, urn, &rural_known, error);
}

/**
 * cohorts_register_get_standing:
 * @standing: (out caller-allocates): clear it with
 *   cohorts_register_standing_clear()
 *
 * Tells whether the school of @urn is closed, or already an academy in a
 * trust: what to warn about before it joins a plan.
 */
gboolean
cohorts_register_get_standing (CohortsRegister          *self,
                               guint                     urn,
                               CohortsRegisterStanding  *standing,
                               GError                  **error)
{
  g_return_val_if_fail (COHORTS_IS_REGISTER (self), FALSE);
  g_return_val_if_fail (standing != NULL, FALSE);

  memset (standing, 0, sizeof *standing);
  if (!find_row (self, urn, error))
    return FALSE;

  standing->status = sqlite3_column_int (self->school_stmt, D_STATUS);
  standing->close_date = row_date (self, D_CLOSE_DATE);
  standing->is_academy = is_academy_type (token_value (COHORTS_TYPE_ESTABLISHMENT_TYPE, row_text (self, D_TYPE)));
  if (row_has (self, D_TRUST_CODE))
    standing->trust_code = g_strdup (row_text (self, D_TRUST_CODE));
  if (row_has (self, D_TRUST_NAME))
    standing->trust_name = g_strdup (row_text (self, D_TRUST_NAME));
  sqlite3_reset (self->school_stmt);
  return TRUE;
}

/**
 * cohorts_register_standing_describe:
 *
 * Returns: (nullable): a warning in a sentence ("Closed on 31 August 2020."),
 *   or %NULL when there is nothing to warn about
 */
char *
cohorts_register_standing_describe (const CohortsRegisterStanding *standing)
{
  g_autofree char *date = NULL;

  g_return_val_if_fail (standing != NULL, NULL);

  if (standing->status == COHORTS_REGISTER_STATUS_CLOSED)
    {
      if (standing->close_date == COHORTS_DATE_NONE)
        return g_strdup (_("This school is closed."));
      date = cohorts_date_format (standing->close_date);
      /* Translators: "This school closed on 31 August 2020." */
      return g_strdup_printf (_("This school closed on %s."), date);
    }
  if (standing->is_academy && standing->trust_name != NULL)
    /* Translators: "This school is already an academy, in Northfield Learning Trust." */
    return g_strdup_printf (_("This school is already an academy, in %s."), standing->trust_name);
  if (standing->is_academy)
    return g_strdup (_("This school is already an academy."));
  if (standing->status == COHORTS_REGISTER_STATUS_PROPOSED_TO_CLOSE)
    return g_strdup (_("This school is proposed to close."));
  return NULL;
}

/* Refreshing a plan */

/* Properties of a school that the register knows, in the order shown. */
static const char *const compared[] = {
  "name", "phase", "establishment-type", "low-age", "high-age", "religious-character",
  "pupils", "capacity", "rural", "town", "postcode", "la-code", "la-name", "diocese-code",
  "diocese-name", "current-trust-reference", "current-trust-name", "ofsted-grade", "ofsted-date",
};

static gboolean
is_unset (GParamSpec   *pspec,
          const GValue *value)
{
  if (G_VALUE_HOLDS_STRING (value))
    return g_value_get_string (value) == NULL || *g_value_get_string (value) == '\0';
  if (G_VALUE_HOLDS_ENUM (value))
    return g_value_get_enum (value) == 0;
  if (G_VALUE_HOLDS_INT (value))
    return g_value_get_int (value) < 0;
  if (G_VALUE_HOLDS_UINT (value))
    return g_value_get_uint (value) == 0;
  return FALSE;
}

static char *
describe_value (GParamSpec   *pspec,
                const GValue *value)
{
  if (G_VALUE_HOLDS_STRING (value))
    return g_strdup (g_value_get_string (value) != NULL ? g_value_get_string (value) : "");
  if (G_VALUE_HOLDS_ENUM (value))
    return g_strdup (cohorts_enum_get_label (G_VALUE_TYPE (value), g_value_get_enum (value)));
  if (G_VALUE_HOLDS_INT (value))
    return g_value_get_int (value) < 0 ? g_strdup ("") : g_strdup_printf ("%d", g_value_get_int (value));
  if (G_VALUE_HOLDS_BOOLEAN (value))
    return g_strdup (g_value_get_boolean (value) ? _("Yes") : _("No"));
  if (G_VALUE_HOLDS_UINT (value) && g_str_has_suffix (pspec->name, "-date"))
    return g_value_get_uint (value) == 0 ? g_strdup ("") : cohorts_date_format (g_value_get_uint (value));
  return g_strdup_value_contents (value);
}

static void
difference_free (gpointer data)
{
  CohortsRegisterDifference *difference = data;

  g_clear_object (&difference->school);
  g_free (difference->property);
  g_free (difference->old_text);
  g_free (difference->new_text);
  g_value_unset (&difference->new_value);
  g_free (difference);
}

/**
 * cohorts_register_compare:
 *
 * Compares each school of @plan that the register knows with the register's
 * record of it. A fact the register does not record is no difference.
 *
 * Returns: (transfer container) (element-type CohortsRegisterDifference):
 *   the differences in the plan's order of schools, or %NULL on an error
 */
GPtrArray *
cohorts_register_compare (CohortsRegister  *self,
                          CohortsPlan      *plan,
                          GError          **error)
{
  g_autoptr(GPtrArray) differences = NULL;
  GListModel *schools;
  guint n;

  g_return_val_if_fail (COHORTS_IS_REGISTER (self), NULL);
  g_return_val_if_fail (COHORTS_IS_PLAN (plan), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  differences = g_ptr_array_new_with_free_func (difference_free);
  schools = cohorts_plan_get_schools (plan);
  n = g_list_model_get_n_items (schools);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CohortsSchool) school = g_list_model_get_item (schools, i);
      g_autoptr(CohortsSchool) fresh = NULL;
      g_autoptr(GError) local_error = NULL;

      gboolean rural_known = FALSE;

      fresh = make_school (self, cohorts_school_get_urn (school), &rural_known, &local_error);
      if (fresh == NULL)
        {
          if (g_error_matches (local_error, COHORTS_REGISTER_ERROR, COHORTS_REGISTER_ERROR_NO_SUCH_SCHOOL))
            continue;
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }

      for (guint p = 0; p < G_N_ELEMENTS (compared); p++)
        {
          GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (school), compared[p]);
          g_auto(GValue) old_value = G_VALUE_INIT;
          g_auto(GValue) new_value = G_VALUE_INIT;
          CohortsRegisterDifference *difference;

          g_assert (pspec != NULL);
          g_value_init (&old_value, pspec->value_type);
          g_value_init (&new_value, pspec->value_type);
          g_object_get_property (G_OBJECT (school), compared[p], &old_value);
          g_object_get_property (G_OBJECT (fresh), compared[p], &new_value);

          if (is_unset (pspec, &new_value) || g_param_values_cmp (pspec, &old_value, &new_value) == 0)
            continue;
          /* Whether a school is rural is recorded only when the file says
           * urban or rural. */
          if (g_str_equal (compared[p], "rural") && !rural_known)
            continue;

          difference = g_new0 (CohortsRegisterDifference, 1);
          difference->school = g_object_ref (school);
          difference->property = g_strdup (compared[p]);
          difference->old_text = describe_value (pspec, &old_value);
          difference->new_text = describe_value (pspec, &new_value);
          g_value_init (&difference->new_value, pspec->value_type);
          g_value_copy (&new_value, &difference->new_value);
          g_ptr_array_add (differences, difference);
        }
    }
  return g_steal_pointer (&differences);
}

/**
 * cohorts_register_apply:
 * @differences: (element-type CohortsRegisterDifference): those of
 *   cohorts_register_compare() the user chose
 *
 * Applies @differences to @plan as one undoable step.
 */
gboolean
cohorts_register_apply (CohortsPlan  *plan,
                        GPtrArray    *differences,
                        GError      **error)
{
  gboolean ok = TRUE;

  g_return_val_if_fail (COHORTS_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (differences != NULL, FALSE);

  if (differences->len == 0)
    return TRUE;

  cohorts_plan_begin_edit (plan, _("Update from the School Register"));
  for (guint i = 0; i < differences->len && ok; i++)
    {
      CohortsRegisterDifference *difference = g_ptr_array_index (differences, i);

      ok = cohorts_plan_edit_value (plan, difference->school, difference->property,
                                    &difference->new_value, error);
    }
  cohorts_plan_end_edit (plan);
  return ok;
}
