/* cohorts-csv.c: a streaming, defensive reader of CSV files
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reads RFC 4180 CSV a record at a time from a 64 KiB buffer, so that the
 * DfE's 60 MB establishment file is never in memory whole: quoted fields
 * with commas, doubled quotes and line breaks; CRLF, LF or CR line ends; a
 * UTF-8 byte order mark. The encoding is decided once for the file, by a
 * first pass: UTF-8 when all of it is valid UTF-8, else Windows-1252 (the
 * DfE's, where 0x92 is a curly apostrophe), which is converted to UTF-8 as
 * fields are read.
 *
 * Records may have any number of fields (the caller judges ragged rows); a
 * blank line is no record. What no CSV file has (a NUL byte, a field of a
 * mebibyte, a quote never closed, text after a closing quote) is refused
 * with "FILE:LINE: message", never read on.
 */
#define G_LOG_DOMAIN "cohorts-csv"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "cohorts-csv.h"

#define BUFFER_SIZE (64 * 1024)

struct _CohortsCsv
{
  char *name;

  /* The source: a file, or bytes in memory (not owned). */
  FILE *file;
  const guchar *data;
  gsize data_length;
  gsize data_pos;

  guchar *buffer;
  gsize buffer_length;
  gsize buffer_pos;
  int pushed_back;          /* a byte given back, or -1 */
  gboolean read_failed;
  int read_errno;

  guint64 size;
  guint64 bytes_read;
  CohortsCsvEncoding encoding;

  guint line;               /* the line being read, from 1 */
  guint record_line;        /* the line the current record started on */

  GString *record;          /* the fields' bytes, each followed by a NUL */
  GArray *starts;           /* gsize: where each field starts in @record */
};

G_DEFINE_QUARK (cohorts-csv-error-quark, cohorts_csv_error)

/* Windows-1252's 0x80–0x9F; the five bytes it leaves undefined stand for the
 * C1 control of the same number, as browsers read them. */
static const gunichar windows_1252_high[32] = {
  0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
  0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

static gsize
read_source (CohortsCsv *self,
             guchar     *into,
             gsize       length)
{
  if (self->file != NULL)
    {
      gsize n = fread (into, 1, length, self->file);

      if (n < length && ferror (self->file))
        {
          self->read_failed = TRUE;
          self->read_errno = errno;
        }
      return n;
    }

  length = MIN (length, self->data_length - self->data_pos);
  memcpy (into, self->data + self->data_pos, length);
  self->data_pos += length;
  return length;
}

/* The length of the UTF-8 sequence that @byte starts, or 0 if none. */
static guint
utf8_sequence_length (guchar byte)
{
  if (byte >= 0xC2 && byte <= 0xDF)
    return 2;
  if (byte >= 0xE0 && byte <= 0xEF)
    return 3;
  if (byte >= 0xF0 && byte <= 0xF4)
    return 4;
  return 0;
}

/* The first pass: whether the whole source is valid UTF-8. */
static gboolean
source_is_utf8 (CohortsCsv *self)
{
  gsize carried = 0;
  gboolean valid = TRUE;

  for (;;)
    {
      gsize n = read_source (self, self->buffer + carried, BUFFER_SIZE - carried);
      gsize total = carried + n;
      const char *end = NULL;

      if (n == 0)
        {
          valid = carried == 0;
          break;
        }
      carried = 0;
      if (!g_utf8_validate_len ((const char *) self->buffer, total, &end))
        {
          gsize rest = (const guchar *) self->buffer + total - (const guchar *) end;
          guint expected = utf8_sequence_length ((guchar) *end);

          /* A sequence cut by the end of the buffer is read again whole. */
          if (expected == 0 || rest >= expected)
            {
              valid = FALSE;
              break;
            }
          memmove (self->buffer, end, rest);
          carried = rest;
        }
    }

  if (self->file != NULL)
    {
      if (fseek (self->file, 0, SEEK_SET) != 0)
        {
          self->read_failed = TRUE;
          self->read_errno = errno;
        }
    }
  else
    self->data_pos = 0;
  return valid;
}

static void
skip_byte_order_mark (CohortsCsv *self)
{
  self->buffer_length = read_source (self, self->buffer, BUFFER_SIZE);
  self->buffer_pos = 0;
  if (self->buffer_length >= 3 && memcmp (self->buffer, "\xEF\xBB\xBF", 3) == 0)
    {
      self->buffer_pos = 3;
      self->bytes_read = 3;
    }
}

static CohortsCsv *
csv_new (const char *display_name)
{
  CohortsCsv *self = g_new0 (CohortsCsv, 1);

  self->name = g_strdup (display_name);
  self->buffer = g_malloc (BUFFER_SIZE);
  self->pushed_back = -1;
  self->line = 1;
  self->record = g_string_sized_new (4096);
  self->starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  return self;
}

static void
csv_start (CohortsCsv *self)
{
  self->encoding = source_is_utf8 (self) ? COHORTS_CSV_ENCODING_UTF8 : COHORTS_CSV_ENCODING_WINDOWS_1252;
  skip_byte_order_mark (self);
}

/**
 * cohorts_csv_open:
 * @path: the file to read
 * @display_name: (nullable): how messages name it; @path when %NULL
 *
 * Opens @path and decides its encoding (which reads it through once).
 *
 * Returns: (transfer full): a reader before the first record, or %NULL
 */
CohortsCsv *
cohorts_csv_open (const char  *path,
                  const char  *display_name,
                  GError     **error)
{
  g_autoptr(CohortsCsv) self = NULL;
  FILE *file;
  GStatBuf st;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (display_name == NULL)
    display_name = path;

  file = g_fopen (path, "rb");
  if (file == NULL)
    {
      int saved_errno = errno;

      g_set_error (error, COHORTS_CSV_ERROR, COHORTS_CSV_ERROR_READ,
                   /* Translators: "edubasealldata.csv: could not read: No such file or directory" */
                   _("%s: could not read: %s"), display_name, g_strerror (saved_errno));
      return NULL;
    }
  if (fstat (fileno (file), &st) == 0 && S_ISDIR (st.st_mode))
    {
      fclose (file);
      g_set_error (error, COHORTS_CSV_ERROR, COHORTS_CSV_ERROR_READ,
                   _("%s: could not read: %s"), display_name, g_strerror (EISDIR));
      return NULL;
    }

  self = csv_new (display_name);
  self->file = file;
  self->size = st.st_size;
  csv_start (self);
  if (self->read_failed)
    {
      g_set_error (error, COHORTS_CSV_ERROR, COHORTS_CSV_ERROR_READ,
                   _("%s: could not read: %s"), display_name, g_strerror (self->read_errno));
      return NULL;
    }
  return g_steal_pointer (&self);
}

/**
 * cohorts_csv_new_for_data:
 * @data: (array length=length): the CSV text, which must outlive the reader
 *
 * Returns: (transfer full): a reader of @data before its first record
 */
CohortsCsv *
cohorts_csv_new_for_data (const char *data,
                          gsize       length,
                          const char *display_name)
{
  CohortsCsv *self;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  self = csv_new (display_name);
  self->data = (const guchar *) data;
  self->data_length = length;
  self->size = length;
  csv_start (self);
  return self;
}

void
cohorts_csv_free (CohortsCsv *self)
{
  if (self == NULL)
    return;
  if (self->file != NULL)
    fclose (self->file);
  g_free (self->name);
  g_free (self->buffer);
  g_string_free (self->record, TRUE);
  g_array_unref (self->starts);
  g_free (self);
}

/* The next byte, or -1 at the end (or when reading failed). */
static inline int
next_byte (CohortsCsv *self)
{
  if (self->pushed_back >= 0)
    {
      int c = self->pushed_back;

      self->pushed_back = -1;
      self->bytes_read++;
      return c;
    }
  if (self->buffer_pos == self->buffer_length)
    {
      if (self->read_failed)
        return -1;
      self->buffer_length = read_source (self, self->buffer, BUFFER_SIZE);
      self->buffer_pos = 0;
      if (self->buffer_length == 0)
        return -1;
    }
  self->bytes_read++;
  return self->buffer[self->buffer_pos++];
}

static inline void
push_back (CohortsCsv *self,
           int         c)
{
  if (c < 0)
    return;
  g_assert (self->pushed_back < 0);
  self->pushed_back = c;
  self->bytes_read--;
}

/* Appends a Windows-1252 byte as UTF-8. */
static void
append_windows_1252 (GString *out,
                     guchar   byte)
{
  if (byte < 0x80)
    g_string_append_c (out, byte);
  else if (byte < 0xA0)
    g_string_append_unichar (out, windows_1252_high[byte - 0x80]);
  else
    g_string_append_unichar (out, byte);
}

/* Ends the field that started at the last of @self->starts: converts it to
 * UTF-8 if need be, and terminates it. */
static void
end_field (CohortsCsv *self,
           gboolean    has_high_bytes)
{
  gsize start = g_array_index (self->starts, gsize, self->starts->len - 1);

  if (has_high_bytes && self->encoding == COHORTS_CSV_ENCODING_WINDOWS_1252)
    {
      gsize length = self->record->len - start;
      g_autofree guchar *raw = g_memdup2 (self->record->str + start, length);

      g_string_truncate (self->record, start);
      for (gsize i = 0; i < length; i++)
        append_windows_1252 (self->record, raw[i]);
    }
  g_string_append_c (self->record, '\0');
}

static gboolean
fail (CohortsCsv  *self,
      GError     **error,
      int          code,
      guint        line,
      const char  *message)
{
  g_set_error (error, COHORTS_CSV_ERROR, code, "%s:%u: %s", self->name, line, message);
  return FALSE;
}

static gboolean
fail_read (CohortsCsv  *self,
           GError     **error)
{
  g_set_error (error, COHORTS_CSV_ERROR, COHORTS_CSV_ERROR_READ,
               /* Translators: "edubasealldata.csv:120: could not read: Input/output error" */
               _("%s:%u: could not read: %s"), self->name, self->line, g_strerror (self->read_errno));
  return FALSE;
}

static gboolean
check_sizes (CohortsCsv  *self,
             gsize        field_start,
             GError     **error)
{
  if (self->record->len - field_start > COHORTS_CSV_MAX_FIELD)
    return fail (self, error, COHORTS_CSV_ERROR_TOO_LARGE, self->line,
                 _("a field is longer than a mebibyte: this is not a register file"));
  if (self->record->len > COHORTS_CSV_MAX_RECORD)
    return fail (self, error, COHORTS_CSV_ERROR_TOO_LARGE, self->record_line,
                 _("a record is longer than 16 mebibytes: this is not a register file"));
  return TRUE;
}

/* Reads one field from its first byte @c; leaves in @c what ended it: a
 * comma, a line end (consumed, as '\n') or -1 at the end of the file. */
static gboolean
read_field (CohortsCsv  *self,
            int         *c_inout,
            GError     **error)
{
  gsize start = self->record->len;
  gboolean high = FALSE;
  int c = *c_inout;

  g_array_append_val (self->starts, start);
  if (self->starts->len > COHORTS_CSV_MAX_FIELDS)
    return fail (self, error, COHORTS_CSV_ERROR_TOO_LARGE, self->record_line,
                 _("a record has more than 10,000 fields: this is not a register file"));

  if (c == '"')
    {
      guint quote_line = self->line;

      for (;;)
        {
          c = next_byte (self);
          if (c < 0)
            {
              if (self->read_failed)
                return fail_read (self, error);
              return fail (self, error, COHORTS_CSV_ERROR_SYNTAX, quote_line,
                           _("a quoted field that starts on this line is never closed"));
            }
          if (c == 0)
            return fail (self, error, COHORTS_CSV_ERROR_BINARY, self->line,
                         _("the file has a NUL byte: it is not a text file"));
          if (c == '"')
            {
              c = next_byte (self);
              if (c != '"')
                break;
            }
          else if (c == '\r')
            {
              /* A line break in a field is kept as "\n", whatever the file's. */
              int after = next_byte (self);

              if (after != '\n')
                push_back (self, after);
              c = '\n';
            }
          if (c == '\n')
            self->line++;
          if (c >= 0x80)
            high = TRUE;
          g_string_append_c (self->record, c);
          if (G_UNLIKELY ((self->record->len & 0xFFFF) == 0) && !check_sizes (self, start, error))
            return FALSE;
        }

      if (c >= 0 && c != ',' && c != '\n' && c != '\r')
        {
          if (c == 0)
            return fail (self, error, COHORTS_CSV_ERROR_BINARY, self->line,
                         _("the file has a NUL byte: it is not a text file"));
          return fail (self, error, COHORTS_CSV_ERROR_SYNTAX, self->line,
                       _("text after the closing quote of a field (a quote inside quotes is written twice)"));
        }
    }
  else
    {
      while (c >= 0 && c != ',' && c != '\n' && c != '\r')
        {
          if (c == 0)
            return fail (self, error, COHORTS_CSV_ERROR_BINARY, self->line,
                         _("the file has a NUL byte: it is not a text file"));
          if (c >= 0x80)
            high = TRUE;
          g_string_append_c (self->record, c);
          if (G_UNLIKELY ((self->record->len & 0xFFFF) == 0) && !check_sizes (self, start, error))
            return FALSE;
          c = next_byte (self);
        }
    }

  if (!check_sizes (self, start, error))
    return FALSE;
  if (c < 0 && self->read_failed)
    return fail_read (self, error);

  if (c == '\r')
    {
      int after = next_byte (self);

      if (after != '\n')
        push_back (self, after);
      c = '\n';
    }
  if (c == '\n')
    self->line++;

  end_field (self, high);
  *c_inout = c;
  return TRUE;
}

/**
 * cohorts_csv_next:
 *
 * Reads the next record. Blank lines are skipped.
 *
 * Returns: %TRUE with a record, %FALSE at the end of the file (@error not
 *   set) or on an error
 */
gboolean
cohorts_csv_next (CohortsCsv  *self,
                  GError     **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (;;)
    {
      int c;

      g_string_truncate (self->record, 0);
      g_array_set_size (self->starts, 0);
      self->record_line = self->line;

      c = next_byte (self);
      if (c < 0)
        {
          if (self->read_failed)
            return fail_read (self, error);
          return FALSE;
        }

      /* A blank line. */
      if (c == '\n' || c == '\r')
        {
          if (c == '\r')
            {
              int after = next_byte (self);
              if (after != '\n')
                push_back (self, after);
            }
          self->line++;
          continue;
        }

      for (;;)
        {
          if (!read_field (self, &c, error))
            return FALSE;
          if (c != ',')
            break;
          c = next_byte (self);
        }
      return TRUE;
    }
}

guint
cohorts_csv_get_n_fields (CohortsCsv *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->starts->len;
}

/**
 * cohorts_csv_get_field:
 *
 * Returns: the field of the current record, UTF-8 and NUL-terminated, valid
 *   until the next cohorts_csv_next(); "" past the last field
 */
const char *
cohorts_csv_get_field (CohortsCsv *self,
                       guint       index)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (index >= self->starts->len)
    return "";
  return self->record->str + g_array_index (self->starts, gsize, index);
}

gsize
cohorts_csv_get_field_length (CohortsCsv *self,
                              guint       index)
{
  gsize start, end;

  g_return_val_if_fail (self != NULL, 0);

  if (index >= self->starts->len)
    return 0;
  start = g_array_index (self->starts, gsize, index);
  end = index + 1 < self->starts->len ? g_array_index (self->starts, gsize, index + 1) : self->record->len;
  return end - start - 1;
}

/* The line the current record starts on, from 1. */
guint
cohorts_csv_get_line (CohortsCsv *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->record_line;
}

CohortsCsvEncoding
cohorts_csv_get_encoding (CohortsCsv *self)
{
  g_return_val_if_fail (self != NULL, COHORTS_CSV_ENCODING_UTF8);
  return self->encoding;
}

guint64
cohorts_csv_get_bytes_read (CohortsCsv *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->bytes_read;
}

guint64
cohorts_csv_get_size (CohortsCsv *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->size;
}

const char *
cohorts_csv_get_display_name (CohortsCsv *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->name;
}
