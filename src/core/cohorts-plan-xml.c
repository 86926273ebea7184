/* cohorts-plan-xml.c: reading and writing .matplan files
 *
 * Copyright 2026 The Cohorts developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reading streams the file through libxml2's xmlTextReader and builds the
 * plan directly: no document tree is kept, so a plan of 25,000 schools needs
 * little more memory than the plan itself.
 *
 * The reader enforces every rule of data/matplan.rng itself: each element in
 * its place and order, each attribute known, each value of its type. libxml2
 * can also validate against the schema as it reads (COHORTS_PLAN_LOAD_SCHEMA),
 * but its RELAX NG validator costs about three times the whole parse, so the
 * app relies on the checks here and the headless commands and the tests use
 * both; the tests hold the two to the same verdict on every test file.
 *
 * Versions: the reader takes every format version up to
 * COHORTS_PLAN_FORMAT_VERSION and the writer writes only that one. Each
 * version has its own schema (data/matplan-1.rng is version 1, frozen), and
 * an element that a later version brought (ChildSpec.since) is refused in a
 * file of an earlier one, as that version's schema refuses it. What a file of
 * an older version lacks takes its default: a version 1 plan has the default
 * schedule and no milestones, and becomes version 2 when it is saved.
 *
 * Plans arrive by e-mail from other people, so the reader trusts nothing:
 *  - a guard reads the bytes before libxml2 does and refuses a DOCTYPE (the
 *    format has none, and entity tricks need one), UTF-16 and binary data, a
 *    file over 64 MiB, any tag over 64 KiB and elements nested deeper than
 *    32 levels (libxml2 then refuses text that is not UTF-8);
 *  - libxml2 runs with network access, DTD loading and entity substitution
 *    off, and an external entity loader that refuses everything;
 *  - every element, attribute and value is checked here with a message that
 *    names the file, the line and what is wrong; when the schema validates
 *    too, its message is used only for what the checks here did not catch;
 *  - content of other namespaces is kept as text, within size limits.
 *
 * Writing produces one canonical form, so that a file Cohorts wrote reads and
 * writes back byte for byte. Saving replaces the file atomically (temporary
 * file, fsync, rename: cohorts-file.c) and keeps the previous version as FILE~.
 */
#define G_LOG_DOMAIN "cohorts-plan-xml"

#include "config.h"

#include <errno.h>
#include <stdlib.h>

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/xmlreader.h>

#include "cohorts-cohort-private.h"
#include "cohorts-comment-private.h"
#include "cohorts-core-resources.h"
#include "cohorts-file.h"
#include "cohorts-plan-private.h"
#include "cohorts-plan-xml.h"
#include "cohorts-record.h"
#include "cohorts-school-private.h"
#include "cohorts-text.h"
#include "cohorts-trust-private.h"

#define XML_NAMESPACE "http://www.w3.org/XML/1998/namespace"

/* libxml2 set-up, once per process */

static xmlParserInputPtr
refuse_external_entity (const char       *url,
                        const char       *id,
                        xmlParserCtxtPtr  context)
{
  /* Plans never refer to other files: nothing is ever loaded from outside. */
  return NULL;
}

/* libxml2's parser set-up: before any file is read, in any thread. */
static void
init_libxml (void)
{
  static gsize initialised = 0;

  if (g_once_init_enter (&initialised))
    {
      xmlInitParser ();
      xmlSetExternalEntityLoader (refuse_external_entity);
      g_once_init_leave (&initialised, 1);
    }
}

/* The file name of the schema of format @version, in data/ and in the
 * resources: matplan.rng for the current version, matplan-N.rng for each
 * earlier one. */
static char *
schema_name (int version)
{
  if (version == COHORTS_PLAN_FORMAT_VERSION)
    return g_strdup ("matplan.rng");
  return g_strdup_printf ("matplan-%d.rng", version);
}

static xmlRelaxNGPtr
compile_schema (const char *name)
{
  g_autofree char *path = g_strconcat ("/io/github/cohorts/Cohorts/core/", name, NULL);
  g_autoptr(GBytes) bytes = NULL;
  xmlRelaxNGParserCtxtPtr parser;
  xmlRelaxNGPtr schema;
  gsize size;
  const char *data;

  bytes = g_resource_lookup_data (cohorts_core_get_resource (), path,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_assert (bytes != NULL);
  data = g_bytes_get_data (bytes, &size);
  parser = xmlRelaxNGNewMemParserCtxt (data, size);
  schema = xmlRelaxNGParse (parser);
  xmlRelaxNGFreeParserCtxt (parser);
  if (schema == NULL)
    g_error ("The built-in plan schema %s does not compile", name);
  return schema;
}

/* The schema of format @version: each version has its own, frozen once the
 * next one exists (data/matplan-1.rng), so that a file is validated against
 * the grammar it was written to. Compiled when first needed. */
static xmlRelaxNGPtr
get_schema (int version)
{
  static gsize initialised[COHORTS_PLAN_FORMAT_VERSION] = { 0, };
  static xmlRelaxNGPtr schemas[COHORTS_PLAN_FORMAT_VERSION] = { NULL, };
  guint i;

  g_assert (version >= 1 && version <= COHORTS_PLAN_FORMAT_VERSION);
  i = version - 1;

  init_libxml ();
  if (g_once_init_enter (&initialised[i]))
    {
      g_autofree char *name = schema_name (version);

      schemas[i] = compile_schema (name);
      g_once_init_leave (&initialised[i], 1);
    }

  return schemas[i];
}

/* Loading */

typedef enum
{
  SCAN_TEXT,
  SCAN_LT,
  SCAN_TAG,
  SCAN_TAG_DQ,
  SCAN_TAG_SQ,
  SCAN_UNTIL,     /* in a comment, CDATA section or processing instruction */
  SCAN_BANG,
} ScanState;

typedef enum
{
  TAG_START,
  TAG_END,
  TAG_OTHER,  /* not XML: libxml2 reports it */
} TagKind;

/* Where an element or a piece of text begins, noted by the guard.
 *
 * libxml2 keeps an element's line in 16 bits: past line 65535 xmlGetLineNo()
 * guesses from a neighbouring text node (XML_PARSE_BIG_LINES keeps full lines
 * for text nodes only), which is a line or more off. And a text node's line is
 * where the parser had got to when it made the node, the end of the text
 * rather than its start. The guard sees every byte in order before libxml2
 * does; it notes the line of each start tag ('<') and of each piece of text
 * within the root element (its first byte other than space), and the reader
 * hands out elements and text nodes in the same order, so advance() takes the
 * notes one by one. Comments, processing instructions and end tags need no
 * line and get no note. */
typedef enum
{
  MARK_ELEMENT,
  MARK_TEXT,    /* text or a CDATA section */
} MarkKind;

typedef struct
{
  int line;
  MarkKind kind;
} Mark;

typedef struct
{
  const char *name;        /* the file as people call it, for messages */
  GInputStream *stream;
  GCancellable *cancellable;
  xmlTextReaderPtr reader;

  GError *error;           /* the one error reported */

  /* The byte guard */
  gsize total;
  gboolean eof;
  gboolean seen_markup;
  ScanState state;
  const char *terminator;    /* in SCAN_UNTIL: "-->", "]]>" or "?>" */
  guint matched;             /* how much of it the last bytes were */
  gsize tag_size;
  TagKind tag_kind;
  gboolean tag_slash;        /* the tag's last byte outside quotes was '/' */
  char bang[8];
  guint bang_len;
  int scan_line;
  int lt_line;               /* line of the '<' being scanned */
  int depth;                 /* elements open */
  gboolean seen_element;     /* a start tag was seen */
  gboolean root_closed;      /* the root element has ended */
  gboolean text_seen;        /* the text being scanned is not empty */
  gboolean text_solid;       /* ... and has a byte other than space */
  int text_line;             /* line of its first byte (other than space) */
  gboolean after_cdata;      /* a CDATA section ended, nothing since */

  /* Lines of the elements and text to come (see Mark) */
  GArray *marks;
  guint next_mark;
  gboolean marks_lost;       /* never, unless the reader surprises us */
  int node_line;             /* line of the reader's current node, or 0 */

  /* libxml2's first messages: not well-formed, and not valid */
  char *syntax_message;
  int syntax_code;           /* an xmlParserErrors */
  int syntax_line;
  gboolean conversion_failed; /* libxml2 could not convert from a declared encoding */
  char *validity_message;
  int validity_line;
  gboolean schema;
  GByteArray *copy;        /* what was read, for the schema pass */
  guint extension_elements;

  /* What the checks need to remember */
  GHashTable *school_lines;  /* URN -> line of its <school> */
  GHashTable *cohort_lines;  /* id -> line of its <cohort> */
  GHashTable *member_lines;  /* URN -> line of its <member> */
  gsize extensions_size;
  int version;

  CohortsPlan *plan;
} Loader;

static gboolean fail (Loader     *l,
                      int         code,
                      int         line,
                      const char *format,
                      ...) G_GNUC_PRINTF (4, 5);

/* Records the first error, "FILE:LINE: message", and returns FALSE. */
static gboolean
fail (Loader     *l,
      int         code,
      int         line,
      const char *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  if (l->error != NULL)
    return FALSE;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (line > 0)
    l->error = g_error_new (COHORTS_PLAN_ERROR, code, "%s:%d: %s", l->name, line, message);
  else
    l->error = g_error_new (COHORTS_PLAN_ERROR, code, "%s: %s", l->name, message);
  return FALSE;
}

static int
count_lines (const char *from,
             const char *to)
{
  int n = 0;

  for (const char *p = from; p < to && (p = memchr (p, '\n', to - p)) != NULL; p++)
    n++;
  return n;
}

/* Counts lines as the guard moves through a buffer, so that it never counts
 * the same bytes twice: positions asked for only grow. */
typedef struct
{
  const char *counted;  /* the lines before this byte are in line */
  int line;
} LineCounter;

static int
line_at (LineCounter *lc,
         const char  *p)
{
  g_assert (p >= lc->counted);

  lc->line += count_lines (lc->counted, p);
  lc->counted = p;
  return lc->line;
}

/* Before the first '<': only a byte order mark and space. */
static gboolean
check_before_markup (Loader      *l,
                     LineCounter *lc,
                     const char  *data,
                     const char  *from,
                     const char  *to)
{
  static const guchar bom[3] = { 0xEF, 0xBB, 0xBF };

  for (const char *p = from; p < to; p++)
    {
      gsize offset = l->total + (p - data);

      if (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')
        continue;
      if (offset < 3 && (guchar) *p == bom[offset])
        continue;
      return fail (l, COHORTS_PLAN_ERROR_NOT_A_PLAN, line_at (lc, p),
                   _("this is not a plan file: it does not begin with XML"));
    }
  return TRUE;
}

static void
push_mark (Loader   *l,
           MarkKind  kind,
           int       line)
{
  Mark mark = { line, kind };

  g_array_append_val (l->marks, mark);
}

/* The end of a piece of text: its note, if it makes a node. */
static void
guard_end_of_text (Loader *l)
{
  if (l->text_seen)
    {
      push_mark (l, MARK_TEXT, l->text_line);
      l->after_cdata = FALSE;
    }
  l->text_seen = FALSE;
  l->text_solid = FALSE;
}

/* A start tag begins (its name is next): one more element open. */
static gboolean
guard_start_tag (Loader *l)
{
  /* Refused here rather than when the reader reaches it: libxml2 would
   * otherwise parse far deeper first where it builds a whole subtree at once
   * (the schema pass does, for content of other namespaces), and stop at its
   * own limit of 256 with another message. */
  if (l->depth >= COHORTS_PLAN_MAX_DEPTH)
    return fail (l, COHORTS_PLAN_ERROR_TOO_LARGE, l->lt_line,
                 _("elements are nested deeper than %d levels, the limit"), COHORTS_PLAN_MAX_DEPTH);

  push_mark (l, MARK_ELEMENT, l->lt_line);
  l->seen_element = TRUE;
  l->tag_kind = TAG_START;
  l->tag_slash = FALSE;
  l->after_cdata = FALSE;
  return TRUE;
}

/* The '>' of a tag: follows the nesting of elements. */
static void
guard_end_of_tag (Loader *l)
{
  switch (l->tag_kind)
    {
    case TAG_START:
      if (!l->tag_slash)
        l->depth++;
      else if (l->depth == 0)
        l->root_closed = TRUE;
      break;

    case TAG_END:
      if (l->depth > 0 && --l->depth == 0)
        l->root_closed = TRUE;
      break;

    case TAG_OTHER:
    default:
      break;
    }
}

/* Starts skipping to @terminator, the end of a comment, CDATA section or
 * processing instruction, whose content the guard does not look at. */
static void
until (Loader     *l,
       const char *terminator)
{
  l->state = SCAN_UNTIL;
  l->terminator = terminator;
  l->matched = 0;
}

/* Skips towards the terminator (which may straddle two reads); returns where
 * the guard goes on. */
static const char *
skip_until (Loader     *l,
            const char *p,
            const char *end)
{
  const char *t = l->terminator;

  while (p < end && t[l->matched] != '\0')
    {
      if (l->matched == 0)
        {
          p = memchr (p, t[0], end - p);
          if (p == NULL)
            return end;
          l->matched = 1;
        }
      else if (*p == t[l->matched])
        l->matched++;
      else if (*p == t[0])
        /* "--->" and "]]]>" end too: the last bytes still start the terminator. */
        l->matched = l->matched >= 2 && t[1] == t[0] ? 2 : 1;
      else
        l->matched = 0;
      p++;
    }

  if (t[l->matched] == '\0')
    l->state = SCAN_TEXT;
  return p;
}

/* Looks at every byte before libxml2 does, and refuses what libxml2 should
 * never see: UTF-16, NUL bytes, a DOCTYPE, a start tag longer than
 * COHORTS_PLAN_MAX_TAG_SIZE (libxml2 2.9 checks attributes for duplicates in
 * quadratic time), elements nested deeper than COHORTS_PLAN_MAX_DEPTH. It
 * follows tags, quoted values, comments, CDATA sections and processing
 * instructions, so that their content does not mislead it, and the nesting
 * of elements, so that it knows whether the root element has ended.
 * Returns FALSE to refuse the file. */
static gboolean
guard_bytes (Loader     *l,
             const char *data,
             gsize       length)
{
  const char *p = data;
  const char *end = data + length;
  const char *nul;
  LineCounter lc = { data, l->scan_line };

  if (l->total == 0 && length >= 2)
    {
      const guchar *b = (const guchar *) data;

      if ((b[0] == 0xFE && b[1] == 0xFF) || (b[0] == 0xFF && b[1] == 0xFE) ||
          (b[0] == 0x00 && b[1] == '<') || (b[0] == '<' && b[1] == 0x00))
        return fail (l, COHORTS_PLAN_ERROR_INVALID, 1,
                     _("the file is encoded in UTF-16; plan files are UTF-8"));
    }

  nul = memchr (data, '\0', length);
  if (nul != NULL)
    {
      if (!l->seen_markup && !check_before_markup (l, &lc, data, data, nul))
        return FALSE;
      return fail (l, COHORTS_PLAN_ERROR_INVALID, line_at (&lc, nul),
                   _("the file holds binary data (a NUL byte); it is not a plan file"));
    }

  while (p < end)
    {
      switch (l->state)
        {
        case SCAN_TEXT:
          {
            const char *lt = memchr (p, '<', end - p);
            const char *stop = lt ? lt : end;

            if (!l->seen_markup && !check_before_markup (l, &lc, data, p, stop))
              return FALSE;

            /* Text within the root element becomes a node. */
            if (l->depth > 0 && p < stop)
              {
                if (!l->text_seen)
                  {
                    l->text_seen = TRUE;
                    l->text_line = line_at (&lc, p);
                  }
                for (const char *q = p; !l->text_solid && q < stop; q++)
                  if (*q != ' ' && *q != '\t' && *q != '\r' && *q != '\n')
                    {
                      l->text_solid = TRUE;
                      l->text_line = line_at (&lc, q);
                    }
              }

            if (lt == NULL)
              {
                p = end;
                break;
              }
            guard_end_of_text (l);
            l->seen_markup = TRUE;
            l->state = SCAN_LT;
            l->tag_size = 1;
            l->lt_line = line_at (&lc, lt);
            p = lt + 1;
          }
          break;

        case SCAN_LT:
          if (*p == '?')
            {
              until (l, "?>");
              l->after_cdata = FALSE;
            }
          else if (*p == '!')
            {
              l->state = SCAN_BANG;
              l->bang_len = 0;
            }
          else if (*p == '/')
            {
              l->state = SCAN_TAG;
              l->tag_kind = TAG_END;
              l->after_cdata = FALSE;
            }
          else
            {
              if (!guard_start_tag (l))
                return FALSE;
              l->state = SCAN_TAG;
              /* The name is not looked at: no p++. */
              break;
            }
          p++;
          break;

        case SCAN_BANG:
          l->bang[l->bang_len++] = *p++;
          if (l->bang_len == 2 && memcmp (l->bang, "--", 2) == 0)
            {
              until (l, "-->");
              l->after_cdata = FALSE;
            }
          else if (l->bang_len == 7 && memcmp (l->bang, "[CDATA[", 7) == 0)
            {
              /* libxml2 joins a CDATA section to one just before it. */
              if (l->depth > 0 && !l->after_cdata)
                push_mark (l, MARK_TEXT, l->lt_line);
              until (l, "]]>");
              l->after_cdata = TRUE;
            }
          else if (l->bang_len == 7 && memcmp (l->bang, "DOCTYPE", 7) == 0)
            return fail (l, COHORTS_PLAN_ERROR_FORBIDDEN, line_at (&lc, p),
                         _("the file has a document type declaration (<!DOCTYPE>); plan files have "
                           "none, and one is refused because it can define entities"));
          else if (l->bang_len == 7 ||
                   (strncmp (l->bang, "--", MIN (l->bang_len, 2)) != 0 &&
                    strncmp (l->bang, "[CDATA[", l->bang_len) != 0 &&
                    strncmp (l->bang, "DOCTYPE", l->bang_len) != 0))
            {
              l->state = SCAN_TAG; /* something invalid: libxml2 will say what */
              l->tag_kind = TAG_OTHER;
            }
          break;

        case SCAN_TAG:
          while (p < end && l->state == SCAN_TAG)
            {
              char c = *p++;

              l->tag_size++;
              if (c == '>')
                {
                  l->state = SCAN_TEXT;
                  guard_end_of_tag (l);
                }
              else if (c == '"')
                l->state = SCAN_TAG_DQ;
              else if (c == '\'')
                l->state = SCAN_TAG_SQ;
              l->tag_slash = c == '/';
            }
          break;

        case SCAN_TAG_DQ:
        case SCAN_TAG_SQ:
          {
            const char *quote = memchr (p, l->state == SCAN_TAG_DQ ? '"' : '\'', end - p);
            const char *next = quote ? quote + 1 : end;

            l->tag_size += next - p;
            p = next;
            if (quote != NULL)
              l->state = SCAN_TAG;
          }
          break;

        case SCAN_UNTIL:
          p = skip_until (l, p, end);
          break;

        default:
          g_assert_not_reached ();
        }

      if (l->tag_size > COHORTS_PLAN_MAX_TAG_SIZE &&
          (l->state == SCAN_TAG || l->state == SCAN_TAG_DQ || l->state == SCAN_TAG_SQ))
        return fail (l, COHORTS_PLAN_ERROR_TOO_LARGE, line_at (&lc, p),
                     _("a tag is longer than %d KiB, the limit"), COHORTS_PLAN_MAX_TAG_SIZE / 1024);
    }

  l->scan_line = line_at (&lc, end);
  l->total += length;
  return TRUE;
}

static gboolean
fail_file_too_large (Loader *l)
{
  return fail (l, COHORTS_PLAN_ERROR_TOO_LARGE, 0,
               _("the file is larger than %d MiB, the limit for a plan"),
               COHORTS_PLAN_MAX_FILE_SIZE / (1024 * 1024));
}

/* A file that tells its size is refused before a byte of it is parsed, at
 * no cost; other streams are counted as they are read (read_cb). */
static gboolean
check_stream_size (Loader *l)
{
  g_autoptr(GFileInfo) info = NULL;

  if (!G_IS_FILE_INPUT_STREAM (l->stream))
    return TRUE;

  info = g_file_input_stream_query_info (G_FILE_INPUT_STREAM (l->stream),
                                         G_FILE_ATTRIBUTE_STANDARD_SIZE, l->cancellable, NULL);
  if (info == NULL || !g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_SIZE) ||
      g_file_info_get_size (info) <= COHORTS_PLAN_MAX_FILE_SIZE)
    return TRUE;

  return fail_file_too_large (l);
}

static int
read_cb (void *context,
         char *buffer,
         int   length)
{
  Loader *l = context;
  GError *error = NULL;
  gssize n;

  if (l->error != NULL)
    return -1;

  n = g_input_stream_read (l->stream, buffer, length, l->cancellable, &error);
  if (n < 0)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        l->error = error;
      else
        {
          fail (l, COHORTS_PLAN_ERROR_INVALID, 0, _("could not read the file: %s"), error->message);
          g_error_free (error);
        }
      return -1;
    }

  if (n == 0)
    l->eof = TRUE;

  if (l->total + n > COHORTS_PLAN_MAX_FILE_SIZE)
    {
      fail_file_too_large (l);
      return -1;
    }

  if (!guard_bytes (l, buffer, n))
    return -1;

  if (l->copy != NULL)
    g_byte_array_append (l->copy, (const guint8 *) buffer, n);

  return n;
}

static int
close_cb (void *context)
{
  return 0;
}

static void
xml_error_cb (void        *data,
              xmlErrorPtr  error)
{
  Loader *l = data;
  gboolean validity = error->domain == XML_FROM_RELAXNGV || error->domain == XML_FROM_RELAXNGP ||
                      error->domain == XML_FROM_VALID;
  char **message = validity ? &l->validity_message : &l->syntax_message;
  int *line = validity ? &l->validity_line : &l->syntax_line;

  if (*message != NULL || error->level == XML_ERR_WARNING)
    return;

  /* Messages go out one a line ("FILE:LINE: message"); a few of libxml2's
   * have a line break and a second line. */
  *message = g_strstrip (g_strdup (error->message ? error->message : "unknown error"));
  g_strdelimit (*message, "\r\n", ' ');
  *line = error->line;
  if (!validity)
    l->syntax_code = error->code;
}

/* libxml2 reports that it could not convert the file from the encoding it
 * declares ("encoding error", "encoder error") with no parser to hand, to
 * the thread's global error handlers, which would print it on stderr; the
 * reader then just stops. While a plan loads, these handlers note it for
 * the loader of their thread (not through their data: libxml2 may hand them
 * its parser instead). */
static GPrivate loading;

static void
xml_global_error_cb (void        *data,
                     xmlErrorPtr  error)
{
  Loader *l = g_private_get (&loading);

  if (l != NULL && (error->domain == XML_FROM_I18N || error->code == XML_IO_ENCODER))
    l->conversion_failed = TRUE;
}

static void
xml_generic_error_cb (void       *data,
                      const char *format,
                      ...)
{
  Loader *l = g_private_get (&loading);

  /* "xmlParseChunk: encoder error" */
  if (l != NULL && strstr (format, "encoder error") != NULL)
    l->conversion_failed = TRUE;
}

static gboolean
fail_conversion (Loader *l)
{
  return fail (l, COHORTS_PLAN_ERROR_INVALID, 1,
               _("the file is in an encoding other than UTF-8; plan files are UTF-8"));
}

/* Reports libxml2's first fatal error, in our words where libxml2's would
 * mislead. */
static gboolean
fail_syntax (Loader *l)
{
  g_assert (l->syntax_message != NULL);

  if (l->conversion_failed)
    return fail_conversion (l);

  /* libxml2 says "Extra content at the end of the document" both when the
   * document ends too soon (without an element, or before the root element
   * ends) and when something follows the root element; the guard, which has
   * seen every byte that libxml2 has, knows which. */
  if (l->syntax_code == XML_ERR_DOCUMENT_END)
    {
      if (l->root_closed)
        return fail (l, COHORTS_PLAN_ERROR_INVALID, l->syntax_line,
                     _("the file has content after the end of the plan"));
      if (!l->seen_element && l->total == 0)
        return fail (l, COHORTS_PLAN_ERROR_NOT_A_PLAN, 0, _("the file is empty"));
      if (!l->seen_element)
        return fail (l, COHORTS_PLAN_ERROR_NOT_A_PLAN, 0,
                     _("the file holds no plan: it has no XML element"));
      return fail (l, COHORTS_PLAN_ERROR_INVALID, l->syntax_line,
                   _("the file ends in the middle of the plan; it may have been cut short"));
    }

  /* "Input is not proper UTF-8, indicate encoding !": declaring another
   * encoding is no way out, plan files are UTF-8 only. */
  if (l->syntax_code == XML_ERR_INVALID_CHAR && strstr (l->syntax_message, "UTF-8") != NULL)
    return fail (l, COHORTS_PLAN_ERROR_INVALID, l->syntax_line,
                 _("the file has bytes that are not UTF-8 text; plan files are UTF-8"));

  if (l->eof && !l->root_closed && l->syntax_line >= l->scan_line - 1)
    return fail (l, COHORTS_PLAN_ERROR_INVALID, l->syntax_line,
                 _("the file ends in the middle of the plan; it may have been cut short (%s)"),
                 l->syntax_message);
  return fail (l, COHORTS_PLAN_ERROR_INVALID, l->syntax_line,
               _("the file is not well-formed XML: %s"), l->syntax_message);
}

/* The guard's note for the node the reader has just handed out, or 0. */
static int
take_mark (Loader *l,
           int     type)
{
  MarkKind kind;
  Mark mark;

  switch (type)
    {
    case XML_READER_TYPE_ELEMENT:
      kind = MARK_ELEMENT;
      break;
    case XML_READER_TYPE_TEXT:
    case XML_READER_TYPE_CDATA:
    case XML_READER_TYPE_WHITESPACE:
    case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
      kind = MARK_TEXT;
      break;
    default:
      return 0;
    }

  if (l->marks_lost || l->next_mark >= l->marks->len)
    {
      l->marks_lost = TRUE;
      return 0;
    }

  mark = g_array_index (l->marks, Mark, l->next_mark++);
  if (mark.kind != kind)
    {
      /* The notes no longer match the nodes: libxml2's lines from here. */
      l->marks_lost = TRUE;
      return 0;
    }

  /* Only the notes the reader has not reached yet need keeping. */
  if (l->next_mark >= 4096 && l->next_mark * 2 >= l->marks->len)
    {
      g_array_remove_range (l->marks, 0, l->next_mark);
      l->next_mark = 0;
    }

  return mark.line;
}

static int
current_line (Loader *l)
{
  xmlNodePtr node;
  long line;

  if (l->node_line > 0)
    return l->node_line;

  node = xmlTextReaderCurrentNode (l->reader);
  line = node ? xmlGetLineNo (node) : -1;
  return line > 0 ? (int) line : xmlTextReaderGetParserLineNumber (l->reader);
}

/* Reads the next node. FALSE, with the error set, when the file breaks or ends. */
static gboolean
advance (Loader *l)
{
  int ret = xmlTextReaderRead (l->reader);

  /* libxml2 may report a fatal error and still hand out nodes it had. */
  if (ret == 1 && l->syntax_message != NULL)
    ret = -1;

  if (ret == 1)
    {
      int type = xmlTextReaderNodeType (l->reader);

      l->node_line = take_mark (l, type);
      if (type == XML_READER_TYPE_DOCUMENT_TYPE)
        return fail (l, COHORTS_PLAN_ERROR_FORBIDDEN, current_line (l),
                     _("the file has a document type declaration (<!DOCTYPE>); plan files have none"));
      if (type == XML_READER_TYPE_ENTITY_REFERENCE || type == XML_READER_TYPE_ENTITY)
        return fail (l, COHORTS_PLAN_ERROR_FORBIDDEN, current_line (l),
                     _("the file uses an entity; plan files use none"));
      return TRUE;
    }

  if (l->error != NULL)
    return FALSE;
  if (l->syntax_message != NULL)
    return fail_syntax (l);
  if (l->conversion_failed)
    return fail_conversion (l);
  return fail (l, COHORTS_PLAN_ERROR_INVALID, xmlTextReaderGetParserLineNumber (l->reader),
               _("the file ends in the middle of the plan; it may have been cut short"));
}

static const char *
local_name (Loader *l)
{
  return (const char *) xmlTextReaderConstLocalName (l->reader);
}

static gboolean
in_our_namespace (Loader *l)
{
  const char *uri = (const char *) xmlTextReaderConstNamespaceUri (l->reader);
  return g_strcmp0 (uri, COHORTS_PLAN_NAMESPACE) == 0;
}

static gboolean
is_whitespace (const char *text)
{
  for (const char *p = text; p && *p; p++)
    if (*p != ' ' && *p != '\t' && *p != '\n' && *p != '\r')
      return FALSE;
  return TRUE;
}

/* Moves to the next child element of the element at @depth. Returns FALSE at
 * the element's end, or with an error set. */
static gboolean
next_child (Loader     *l,
            const char *parent,
            int         depth,
            gboolean    parent_empty,
            gboolean   *at_end)
{
  *at_end = FALSE;

  if (parent_empty)
    {
      *at_end = TRUE;
      return FALSE;
    }

  while (advance (l))
    {
      int type = xmlTextReaderNodeType (l->reader);

      switch (type)
        {
        case XML_READER_TYPE_ELEMENT:
          return TRUE;

        case XML_READER_TYPE_END_ELEMENT:
          if (xmlTextReaderDepth (l->reader) == depth)
            {
              *at_end = TRUE;
              return FALSE;
            }
          break;

        case XML_READER_TYPE_TEXT:
        case XML_READER_TYPE_CDATA:
          if (!is_whitespace ((const char *) xmlTextReaderConstValue (l->reader)))
            return fail (l, COHORTS_PLAN_ERROR_INVALID, current_line (l),
                         _("<%s> contains text outside its elements"), parent);
          break;

        default:
          /* Whitespace, comments, processing instructions. */
          break;
        }
    }

  return FALSE;
}

/* Reads the text content of the current element, which may hold no element. */
static gboolean
read_text (Loader      *l,
           const char  *element,
           glong        max_chars,
           char       **out)
{
  int depth = xmlTextReaderDepth (l->reader);
  int line = current_line (l);
  g_autoptr(GString) text = g_string_new (NULL);
  glong n_chars;

  if (!xmlTextReaderIsEmptyElement (l->reader))
    {
      while (advance (l))
        {
          int type = xmlTextReaderNodeType (l->reader);

          if (type == XML_READER_TYPE_END_ELEMENT && xmlTextReaderDepth (l->reader) == depth)
            break;
          if (type == XML_READER_TYPE_ELEMENT)
            return fail (l, COHORTS_PLAN_ERROR_INVALID, current_line (l),
                         _("<%s> contains an element <%s>; it may hold only text"),
                         element, local_name (l));
          if (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
              type == XML_READER_TYPE_WHITESPACE || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE)
            {
              g_string_append (text, (const char *) xmlTextReaderConstValue (l->reader));
              if (text->len > (gsize) max_chars * 4)
                break;
            }
        }
      if (l->error != NULL)
        return FALSE;
    }

  n_chars = g_utf8_strlen (text->str, text->len);
  if (n_chars > max_chars)
    return fail (l, COHORTS_PLAN_ERROR_TOO_LARGE, line,
                 _("<%s> holds more than %ld characters, the limit"), element, max_chars);

  *out = max_chars > COHORTS_SHORT_TEXT_MAX ? cohorts_text_clean_notes (text->str)
                                            : cohorts_text_clean_line (text->str);
  return TRUE;
}

/* Attributes */

typedef struct
{
  const char *name;
  gboolean required;
  int since;          /* the format version that brought it (0: the first) */
} AttributeSpec;

/* Reads the attributes of the current element into @values (indexed like
 * @specs, NULL when absent; free with g_free). Unknown attributes, and missing
 * required ones, are errors. */
static gboolean
read_attributes (Loader              *l,
                 const char          *element,
                 const AttributeSpec *specs,
                 guint                n_specs,
                 char               **values)
{
  int line = current_line (l);
  int ret;

  for (ret = xmlTextReaderMoveToFirstAttribute (l->reader); ret == 1;
       ret = xmlTextReaderMoveToNextAttribute (l->reader))
    {
      const char *name = (const char *) xmlTextReaderConstLocalName (l->reader);
      const char *uri = (const char *) xmlTextReaderConstNamespaceUri (l->reader);
      guint i;

      if (xmlTextReaderIsNamespaceDecl (l->reader))
        continue;

      for (i = 0; i < n_specs; i++)
        if (uri == NULL && strcmp (name, specs[i].name) == 0)
          break;

      if (i == n_specs)
        {
          g_autofree char *qname = g_strdup ((const char *) xmlTextReaderConstName (l->reader));

          xmlTextReaderMoveToElement (l->reader);
          return fail (l, COHORTS_PLAN_ERROR_INVALID, line,
                       _("<%s> has an unknown attribute “%s”"), element, qname);
        }

      /* An attribute of a later version than the file says is refused, as
       * that version's schema refuses it. */
      if (specs[i].since > l->version)
        {
          xmlTextReaderMoveToElement (l->reader);
          return fail (l, COHORTS_PLAN_ERROR_INVALID, line,
                       /* Translators: "<school> attribute “locked” needs format version 5; this file is version 4" */
                       _("<%s> attribute “%s” needs format version %d; this file is version %d"),
                       element, specs[i].name, specs[i].since, l->version);
        }

      values[i] = g_strdup ((const char *) xmlTextReaderConstValue (l->reader));
    }

  xmlTextReaderMoveToElement (l->reader);

  if (ret < 0)
    return fail (l, COHORTS_PLAN_ERROR_INVALID, line, _("<%s> has unreadable attributes"), element);

  for (guint i = 0; i < n_specs; i++)
    if (specs[i].required && values[i] == NULL)
      return fail (l, COHORTS_PLAN_ERROR_INVALID, line,
                   _("<%s> has no “%s” attribute; it is required"), element, specs[i].name);

  return TRUE;
}

static void
free_values (char  **values,
             guint   n)
{
  for (guint i = 0; i < n; i++)
    g_clear_pointer (&values[i], g_free);
}

/* Parses a whole number of at most @max; -1 and a message when it is not one. */
static gint64
parse_number (const char  *text,
              gint64       min,
              gint64       max,
              const char **problem)
{
  const char *p = text;
  gboolean negative = FALSE;
  gint64 value = 0;

  *problem = NULL;

  if (*p == '-')
    {
      negative = TRUE;
      p++;
    }

  if (*p == '\0')
    {
      *problem = N_("is not a whole number");
      return 0;
    }

  for (; *p; p++)
    {
      if (!g_ascii_isdigit (*p))
        {
          *problem = N_("is not a whole number");
          return 0;
        }
      if (value > (G_MAXINT64 - 9) / 10)
        {
          *problem = N_("is too large");
          return 0;
        }
      value = value * 10 + (*p - '0');
    }

  /* A leading zero ("012") is not the canonical form of a number. */
  if (text[negative ? 1 : 0] == '0' && (value != 0 || strlen (text) > 1))
    {
      *problem = N_("is not a whole number written plainly (no leading zeros or signs)");
      return 0;
    }

  if (negative)
    value = -value;

  if (value < min)
    *problem = min == 0 ? N_("is negative; it must be 0 or more") : N_("is too small");
  else if (value > max)
    *problem = N_("is too large");

  return value;
}

static gboolean
attr_count (Loader     *l,
            const char *element,
            const char *attribute,
            const char *text,
            gint64      max,
            int        *out)
{
  const char *problem;
  gint64 value;

  if (text == NULL)
    return TRUE;

  value = parse_number (text, 0, max, &problem);
  if (problem != NULL)
    return fail (l, COHORTS_PLAN_ERROR_INVALID, current_line (l),
                 /* Translators: "<school> pupils="-5" is negative; it must be 0 or more" */
                 _("<%s> %s=\"%s\" %s"), element, attribute, text, _(problem));
  *out = (int) value;
  return TRUE;
}

/* A number of weeks from 0 to @max. */
static gboolean
attr_weeks (Loader     *l,
            const char *element,
            const char *attribute,
            const char *text,
            int         max,
            int        *out)
{
  const char *problem;
  gint64 value;

  if (text == NULL)
    return TRUE;

  /* Any whole number first, so that one out of range gets its own message. */
  value = parse_number (text, -G_MAXINT64, G_MAXINT64, &problem);
  if (problem != NULL)
    return fail (l, COHORTS_PLAN_ERROR_INVALID, current_line (l),
                 _("<%s> %s=\"%s\" %s"), element, attribute, text, _(problem));
  if (value < 0 || value > max)
    return fail (l, COHORTS_PLAN_ERROR_INVALID, current_line (l),
                 /* Translators: "<step> weeks-before="105" is not a number of weeks from 0 to 104" */
                 _("<%s> %s=\"%s\" is not a number of weeks from 0 to %d"),
                 element, attribute, text, max);
  *out = (int) value;
  return TRUE;
}

static gboolean
attr_amount (Loader     *l,
             const char *element,
             const char *attribute,
             const char *text,
             gboolean    allow_negative,
             gint64     *out)
{
  const char *problem;
  gint64 value;

  if (text == NULL)
    return TRUE;

  value = parse_number (text, allow_negative ? -999999999999 : 0, 999999999999, &problem);
  if (problem != NULL)
    return fail (l, COHORTS_PLAN_ERROR_INVALID, current_line (l),
                 _("<%s> %s=\"%s\" %s"), element, attribute, text, _(problem));
  *out = value;
  return TRUE;
}

static gboolean
attr_urn (Loader     *l,
          const char *element,
          const char *attribute,
          const char *text,
          guint      *out)
{
  if (text == NULL)
    return TRUE;

  if (strlen (text) != 6 || text[0] == '0' || strspn (text, "0123456789") != 6)
    return fail (l, COHORTS_PLAN_ERROR_INVALID, current_line (l),
                 _("<%s> %s=\"%s\" is not a URN; a URN is six digits, such as 100000"),
                 element, attribute, text);
  *out = (guint) atoi (text);
  return TRUE;
}

static gboolean
attr_date (Loader      *l,
           const char  *element,
           const char  *attribute,
           const char  *text,
           CohortsDate *out)
{
  g_autoptr(GError) error = NULL;

  if (text == NULL)
    return TRUE;

  if (!cohorts_date_parse_iso (text, out, &error))
    return fail (l, COHORTS_PLAN_ERROR_INVALID, current_line (l),
                 /* Translators: "<cohort> date: 2027-02-30 is not a date: February 2027 has 28 days" */
                 _("<%s> %s: %s"), element, attribute, error->message);
  return TRUE;
}

static gboolean
attr_date_time (Loader     *l,
                const char *element,
                const char *attribute,
                const char *text,
                gint64     *out)
{
  g_autoptr(GError) error = NULL;

  if (text == NULL)
    return TRUE;

  if (!cohorts_date_time_parse_iso (text, out, &error))
    return fail (l, COHORTS_PLAN_ERROR_INVALID, current_line (l),
                 _("<%s> %s: %s"), element, attribute, error->message);
  return TRUE;
}

static gboolean
fail_unknown_token (Loader     *l,
                    const char *element,
                    const char *attribute,
                    const char *text,
                    const char *tokens)
{
  return fail (l, COHORTS_PLAN_ERROR_INVALID, current_line (l),
               _("<%s> %s=\"%s\" is not one of the known values: %s"),
               element, attribute, text, tokens);
}

static gboolean
attr_enum (Loader     *l,
           const char *element,
           const char *attribute,
           const char *text,
           GType       enum_type,
           int        *out)
{
  g_autofree char *tokens = NULL;

  if (text == NULL)
    return TRUE;

  if (cohorts_enum_from_token (enum_type, text, FALSE, out))
    return TRUE;

  tokens = cohorts_enum_list_tokens (enum_type, FALSE);
  return fail_unknown_token (l, element, attribute, text, tokens);
}

static gboolean
attr_boolean (Loader     *l,
              const char *element,
              const char *attribute,
              const char *text,
              gboolean   *out)
{
  if (text == NULL)
    return TRUE;

  if (strcmp (text, "true") == 0)
    *out = TRUE;
  else if (strcmp (text, "false") == 0)
    *out = FALSE;
  else
    return fail (l, COHORTS_PLAN_ERROR_INVALID, current_line (l),
                 _("<%s> %s=\"%s\" must be “true” or “false”"), element, attribute, text);
  return TRUE;
}

static gboolean
attr_line (Loader      *l,
           const char  *element,
           const char  *attribute,
           const char  *text,
           char       **out)
{
  if (text == NULL)
    return TRUE;

  if (g_utf8_strlen (text, -1) > COHORTS_SHORT_TEXT_MAX)
    return fail (l, COHORTS_PLAN_ERROR_TOO_LARGE, current_line (l),
                 _("<%s> %s is longer than %d characters, the limit"),
                 element, attribute, COHORTS_SHORT_TEXT_MAX);

  g_free (*out);
  *out = cohorts_text_clean_line (text);
  return TRUE;
}

/* Hundredths of a percent, from "5", "5.5" or "5.25", at most 100. */
static gboolean
attr_percent (Loader     *l,
              const char *element,
              const char *attribute,
              const char *text,
              int        *out)
{
  g_auto(GStrv) parts = NULL;
  const char *problem = NULL;
  gint64 whole = 0;
  int hundredths = 0;

  if (text == NULL)
    return TRUE;

  /* g_strsplit() makes no part at all of "". */
  if (*text == '\0')
    problem = N_("is not a whole number");
  else
    {
      parts = g_strsplit (text, ".", 3);
      whole = parse_number (parts[0], 0, 100, &problem);
    }
  if (problem == NULL && parts[1] != NULL)
    {
      gsize n = strlen (parts[1]);

      if (parts[2] != NULL || n < 1 || n > 2 || strspn (parts[1], "0123456789") != n)
        problem = N_("is not a percentage with at most two decimals");
      else
        hundredths = atoi (parts[1]) * (n == 1 ? 10 : 1);
    }
  if (problem == NULL && whole * 100 + hundredths > 10000)
    problem = N_("is more than 100 percent");

  if (problem != NULL)
    return fail (l, COHORTS_PLAN_ERROR_INVALID, current_line (l),
                 _("<%s> %s=\"%s\" %s"), element, attribute, text, _(problem));

  *out = (int) (whole * 100 + hundredths);
  return TRUE;
}

/* Reads an element that holds only text and has no attributes. */
static gboolean
read_text_element (Loader      *l,
                   const char  *element,
                   glong        max_chars,
                   char       **out)
{
  if (!read_attributes (l, element, NULL, 0, NULL))
    return FALSE;
  g_clear_pointer (out, g_free);
  return read_text (l, element, max_chars, out);
}

/* Content of other namespaces */

typedef struct
{
  char *prefix;  /* NULL: the default namespace */
  char *uri;     /* "": no namespace */
  int depth;
} Binding;

static void
binding_free (gpointer data)
{
  Binding *b = data;

  g_free (b->prefix);
  g_free (b->uri);
  g_free (b);
}

static const char *
lookup_binding (GPtrArray  *scope,
                const char *prefix)
{
  for (guint i = scope->len; i > 0; i--)
    {
      Binding *b = g_ptr_array_index (scope, i - 1);
      if (g_strcmp0 (b->prefix, prefix) == 0)
        return b->uri;
    }
  return prefix == NULL ? "" : NULL;
}

static void
append_escaped (GString    *out,
                const char *text,
                gboolean    attribute)
{
  for (const char *p = text; *p; p++)
    {
      switch (*p)
        {
        case '&': g_string_append (out, "&amp;"); break;
        case '<': g_string_append (out, "&lt;"); break;
        case '>': g_string_append (out, "&gt;"); break;
        case '\r': g_string_append (out, "&#13;"); break;
        case '"':
          if (attribute)
            g_string_append (out, "&quot;");
          else
            g_string_append_c (out, '"');
          break;
        case '\n':
          if (attribute)
            g_string_append (out, "&#10;");
          else
            g_string_append_c (out, '\n');
          break;
        case '\t':
          if (attribute)
            g_string_append (out, "&#9;");
          else
            g_string_append_c (out, '\t');
          break;
        default:
          g_string_append_c (out, *p);
        }
    }
}

/* Declares @prefix as @uri on the element being written, unless in scope. */
static void
declare (GString    *out,
         GPtrArray  *scope,
         const char *prefix,
         const char *uri,
         int         depth)
{
  Binding *b;

  if (g_strcmp0 (prefix, "xml") == 0 || g_strcmp0 (lookup_binding (scope, prefix), uri) == 0)
    return;

  if (prefix != NULL)
    g_string_append_printf (out, " xmlns:%s=\"", prefix);
  else
    g_string_append (out, " xmlns=\"");
  append_escaped (out, uri, TRUE);
  g_string_append_c (out, '"');

  b = g_new0 (Binding, 1);
  b->prefix = g_strdup (prefix);
  b->uri = g_strdup (uri);
  b->depth = depth;
  g_ptr_array_add (scope, b);
}

static void
write_qname (GString    *out,
             const char *prefix,
             const char *name)
{
  if (prefix != NULL)
    g_string_append_printf (out, "%s:", prefix);
  g_string_append (out, name);
}

static void
pop_scope (GPtrArray *scope,
           int        depth)
{
  while (scope->len > 0 && ((Binding *) g_ptr_array_index (scope, scope->len - 1))->depth >= depth)
    g_ptr_array_set_size (scope, scope->len - 1);
}

static void
write_start_tag (Loader    *l,
                 GString   *out,
                 GPtrArray *scope,
                 int        depth)
{
  xmlTextReaderPtr r = l->reader;
  const char *prefix = (const char *) xmlTextReaderConstPrefix (r);
  const char *uri = (const char *) xmlTextReaderConstNamespaceUri (r);
  g_autoptr(GString) attributes = g_string_new (NULL);

  g_string_append_c (out, '<');
  write_qname (out, prefix, (const char *) xmlTextReaderConstLocalName (r));
  declare (out, scope, prefix, uri ? uri : "", depth);

  for (int ret = xmlTextReaderMoveToFirstAttribute (r); ret == 1; ret = xmlTextReaderMoveToNextAttribute (r))
    {
      const char *attr_prefix = (const char *) xmlTextReaderConstPrefix (r);
      const char *attr_uri = (const char *) xmlTextReaderConstNamespaceUri (r);

      if (xmlTextReaderIsNamespaceDecl (r))
        continue;
      if (attr_prefix != NULL && attr_uri != NULL)
        declare (out, scope, attr_prefix, attr_uri, depth);

      g_string_append_c (attributes, ' ');
      write_qname (attributes, attr_prefix, (const char *) xmlTextReaderConstLocalName (r));
      g_string_append (attributes, "=\"");
      append_escaped (attributes, (const char *) xmlTextReaderConstValue (r), TRUE);
      g_string_append_c (attributes, '"');
    }
  xmlTextReaderMoveToElement (r);

  g_string_append_len (out, attributes->str, attributes->len);
}

/* Reads the element of another namespace at the reader, whole, as text. */
static gboolean
read_extension (Loader  *l,
                char   **out_xml)
{
  xmlTextReaderPtr r = l->reader;
  int base = xmlTextReaderDepth (r);
  int line = current_line (l);
  /* Kept for messages: by then the reader is deep inside the element. */
  g_autofree char *qname = g_strdup ((const char *) xmlTextReaderConstName (r));
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) scope = g_ptr_array_new_with_free_func (binding_free);
  Binding *outer = g_new0 (Binding, 1);
  guint elements = 0;

  /* Inside a plan, the default namespace is the plan's own. */
  outer->uri = g_strdup (COHORTS_PLAN_NAMESPACE);
  outer->depth = -1;
  g_ptr_array_add (scope, outer);

  for (;;)
    {
      int type = xmlTextReaderNodeType (r);
      int depth = xmlTextReaderDepth (r);

      switch (type)
        {
        case XML_READER_TYPE_ELEMENT:
          if (++elements > COHORTS_PLAN_MAX_EXTENSION_ELEMENTS)
            return fail (l, COHORTS_PLAN_ERROR_TOO_LARGE, line,
                         _("the element <%s> of another namespace holds more than %d elements, the limit"),
                         qname, COHORTS_PLAN_MAX_EXTENSION_ELEMENTS);
          if (++l->extension_elements > COHORTS_PLAN_MAX_EXTENSIONS_ELEMENTS)
            return fail (l, COHORTS_PLAN_ERROR_TOO_LARGE, line,
                         _("content of other namespaces holds more than %d elements, the limit"),
                         COHORTS_PLAN_MAX_EXTENSIONS_ELEMENTS);
          write_start_tag (l, out, scope, depth);
          if (xmlTextReaderIsEmptyElement (r))
            {
              g_string_append (out, "/>");
              pop_scope (scope, depth);
              if (depth == base)
                goto done;
            }
          else
            g_string_append_c (out, '>');
          break;

        case XML_READER_TYPE_END_ELEMENT:
          g_string_append (out, "</");
          write_qname (out, (const char *) xmlTextReaderConstPrefix (r),
                       (const char *) xmlTextReaderConstLocalName (r));
          g_string_append_c (out, '>');
          pop_scope (scope, depth);
          if (depth == base)
            goto done;
          break;

        case XML_READER_TYPE_TEXT:
        case XML_READER_TYPE_CDATA:
        case XML_READER_TYPE_WHITESPACE:
        case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
          append_escaped (out, (const char *) xmlTextReaderConstValue (r), FALSE);
          break;

        case XML_READER_TYPE_COMMENT:
          g_string_append_printf (out, "<!--%s-->", (const char *) xmlTextReaderConstValue (r));
          break;

        case XML_READER_TYPE_PROCESSING_INSTRUCTION:
          g_string_append_printf (out, "<?%s %s?>", (const char *) xmlTextReaderConstLocalName (r),
                                  (const char *) xmlTextReaderConstValue (r));
          break;

        default:
          break;
        }

      if (out->len > COHORTS_PLAN_MAX_EXTENSION_SIZE)
        return fail (l, COHORTS_PLAN_ERROR_TOO_LARGE, line,
                     _("the element <%s> of another namespace is larger than %d KiB, the limit"),
                     qname, COHORTS_PLAN_MAX_EXTENSION_SIZE / 1024);

      if (!advance (l))
        return FALSE;
    }

done:
  l->extensions_size += out->len;
  if (l->extensions_size > COHORTS_PLAN_MAX_EXTENSIONS_SIZE)
    return fail (l, COHORTS_PLAN_ERROR_TOO_LARGE, line,
                 _("content of other namespaces passes %d MiB, the limit"),
                 COHORTS_PLAN_MAX_EXTENSIONS_SIZE / (1024 * 1024));

  *out_xml = g_string_free (g_steal_pointer (&out), FALSE);
  return TRUE;
}

/* Child elements in a fixed order */

typedef struct
{
  const char *name;
  gboolean required;
  gboolean repeatable;
  int since;          /* the format version that brought it (0: the first) */
} ChildSpec;

typedef struct
{
  const char *parent;
  const ChildSpec *specs;
  guint n_specs;
  int last;           /* index of the last child seen, -1 before any */
  guint32 seen;
} Sequence;

#define SEQUENCE(parent, specs) { parent, specs, G_N_ELEMENTS (specs), -1, 0 }

/* Places the current child element in @seq. Returns its index in the specs,
 * or -1 (with the error set) when it is not allowed there. */
static int
sequence_accept (Loader   *l,
                 Sequence *seq)
{
  const char *name = local_name (l);
  const char *uri = (const char *) xmlTextReaderConstNamespaceUri (l->reader);
  int line = current_line (l);
  guint i;

  if (uri != NULL && strcmp (uri, COHORTS_PLAN_NAMESPACE) != 0)
    {
      fail (l, COHORTS_PLAN_ERROR_INVALID, line,
            _("<%s> of another namespace is in <%s>; content of other programs must be inside "
              "<extensions>"),
            (const char *) xmlTextReaderConstName (l->reader), seq->parent);
      return -1;
    }

  for (i = 0; i < seq->n_specs; i++)
    if (strcmp (name, seq->specs[i].name) == 0)
      break;

  if (uri == NULL || i == seq->n_specs)
    {
      fail (l, COHORTS_PLAN_ERROR_INVALID, line,
            uri == NULL ? _("<%s> is not in the plan's namespace, and not allowed in <%s>")
                        : _("<%s> is not allowed in <%s>"),
            name, seq->parent);
      return -1;
    }

  /* An element of a later version than the file says is not part of the
   * file's format (its schema does not have it): refused, not migrated. */
  if (seq->specs[i].since > l->version)
    {
      fail (l, COHORTS_PLAN_ERROR_INVALID, line,
            /* Translators: "<schedule> needs format version 2; this file is version 1" */
            _("<%s> needs format version %d; this file is version %d"),
            name, seq->specs[i].since, l->version);
      return -1;
    }

  if ((int) i == seq->last && !seq->specs[i].repeatable)
    {
      fail (l, COHORTS_PLAN_ERROR_INVALID, line, _("<%s> has more than one <%s>"), seq->parent, name);
      return -1;
    }

  if ((int) i < seq->last)
    {
      fail (l, COHORTS_PLAN_ERROR_INVALID, line, _("<%s> must come before <%s> in <%s>"),
            name, seq->specs[seq->last].name, seq->parent);
      return -1;
    }

  seq->last = i;
  seq->seen |= 1u << i;
  return i;
}

/* Reads <extensions>: one or more elements of other namespaces, kept as text. */
static gboolean
read_extensions (Loader     *l,
                 GPtrArray **extensions)
{
  int depth = xmlTextReaderDepth (l->reader);
  gboolean empty = xmlTextReaderIsEmptyElement (l->reader);
  int line = current_line (l);
  gboolean at_end;
  guint n = 0;

  if (!read_attributes (l, "extensions", NULL, 0, NULL))
    return FALSE;

  while (next_child (l, "extensions", depth, empty, &at_end))
    {
      const char *uri = (const char *) xmlTextReaderConstNamespaceUri (l->reader);
      char *xml = NULL;

      if (uri == NULL || strcmp (uri, COHORTS_PLAN_NAMESPACE) == 0)
        return fail (l, COHORTS_PLAN_ERROR_INVALID, current_line (l),
                     _("<extensions> holds <%s>; it may hold only elements of other namespaces"),
                     local_name (l));

      if (!read_extension (l, &xml))
        return FALSE;
      cohorts_extensions_take (extensions, xml);
      n++;
    }

  if (at_end && n == 0)
    return fail (l, COHORTS_PLAN_ERROR_INVALID, line, _("<extensions> is empty"));
  return at_end;
}

static gboolean
sequence_finish (Loader   *l,
                 Sequence *seq,
                 int       line)
{
  for (guint i = 0; i < seq->n_specs; i++)
    if (seq->specs[i].required && !(seq->seen & (1u << i)))
      return fail (l, COHORTS_PLAN_ERROR_INVALID, line,
                   _("<%s> has no <%s>; it is required"), seq->parent, seq->specs[i].name);
  return TRUE;
}

/* The elements */

/* Reads an element that must have no content, after its attributes. */
static gboolean
expect_empty (Loader     *l,
              const char *element)
{
  int depth = xmlTextReaderDepth (l->reader);
  gboolean at_end;

  if (next_child (l, element, depth, xmlTextReaderIsEmptyElement (l->reader), &at_end))
    return fail (l, COHORTS_PLAN_ERROR_INVALID, current_line (l),
                 _("<%s> must be empty, but holds <%s>"), element, local_name (l));
  return at_end;
}

static gboolean
read_report_card (Loader        *l,
                  CohortsSchool *school)
{
  static const AttributeSpec attrs[] = { { "date", FALSE }, { "safeguarding", FALSE } };
  static const AttributeSpec area_attrs[] = { { "name", TRUE }, { "grade", TRUE } };
  static const ChildSpec children[] = { { "area", FALSE, TRUE } };
  Sequence seq = SEQUENCE ("report-card", children);
  char *values[G_N_ELEMENTS (attrs)] = { NULL, };
  int depth = xmlTextReaderDepth (l->reader);
  gboolean empty = xmlTextReaderIsEmptyElement (l->reader);
  gboolean ok, at_end;

  ok = read_attributes (l, "report-card", attrs, G_N_ELEMENTS (attrs), values) &&
       attr_date (l, "report-card", "date", values[0], &school->report_card_date) &&
       attr_enum (l, "report-card", "safeguarding", values[1], COHORTS_TYPE_SAFEGUARDING,
                  (int *) &school->safeguarding);
  free_values (values, G_N_ELEMENTS (attrs));
  if (!ok)
    return FALSE;

  while (next_child (l, "report-card", depth, empty, &at_end))
    {
      char *area_values[G_N_ELEMENTS (area_attrs)] = { NULL, };
      int area = 0, grade = 0;
      if (sequence_accept (l, &seq) < 0)
        return FALSE;

      ok = read_attributes (l, "area", area_attrs, G_N_ELEMENTS (area_attrs), area_values) &&
           attr_enum (l, "area", "name", area_values[0], COHORTS_TYPE_REPORT_AREA, &area) &&
           attr_enum (l, "area", "grade", area_values[1], COHORTS_TYPE_REPORT_GRADE, &grade);
      free_values (area_values, G_N_ELEMENTS (area_attrs));
      if (!ok)
        return FALSE;

      if (school->report_grades[area] != COHORTS_REPORT_GRADE_NONE)
        return fail (l, COHORTS_PLAN_ERROR_INVALID, current_line (l),
                     _("<report-card> grades the area “%s” twice"),
                     cohorts_enum_to_token (COHORTS_TYPE_REPORT_AREA, area));
      school->report_grades[area] = grade;

      if (!expect_empty (l, "area"))
        return FALSE;
    }

  return at_end;
}

static gboolean
is_code (const char *code)
{
  gsize n = strlen (code);

  return n >= 1 && n <= 8 &&
         strspn (code, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789") == n;
}

/* Reads an element with an optional code attribute and a name as text. The
 * code is checked with @is_valid whenever the attribute is there, even empty:
 * code="" is no more a code than code="?", and the schema refuses both. */
static gboolean
read_coded_name (Loader      *l,
                 const char  *element,
                 const char  *code_attribute,
                 gboolean   (*is_valid) (const char *code),
                 const char  *problem,
                 char       **code,
                 char       **name)
{
  const AttributeSpec attrs[] = { { code_attribute, FALSE } };
  char *values[1] = { NULL, };
  int line = current_line (l);
  gboolean ok;

  ok = read_attributes (l, element, attrs, 1, values) &&
       attr_line (l, element, code_attribute, values[0], code);
  if (ok && values[0] != NULL && !is_valid (*code))
    ok = fail (l, COHORTS_PLAN_ERROR_INVALID, line,
               /* Translators: "<diocese> code="C-1" is not a code: up to eight letters and digits" */
               _("<%s> %s=\"%s\" %s"), element, code_attribute, *code, _(problem));
  free_values (values, 1);

  if (!ok)
    return FALSE;

  g_free (*name);
  *name = NULL;
  return read_text (l, element, COHORTS_SHORT_TEXT_MAX, name);
}

/* The steps of a conversion: <schedule> and <milestone> (format version 2) */

/* The tokens of the steps, for messages: those up to @last, or only those
 * that last (have a length and may have a start). */
static char *
list_steps (CohortsStep last,
            gboolean    lasting_only)
{
  GString *out = g_string_new (NULL);

  for (CohortsStep step = 0; step <= last; step++)
    {
      if (lasting_only && !cohorts_step_lasts (step))
        continue;
      if (out->len > 0)
        g_string_append (out, ", ");
      g_string_append (out, cohorts_enum_to_token (COHORTS_TYPE_STEP, step));
    }

  return g_string_free (out, FALSE);
}

/* One <step> of <schedule>: the timing of a step, in weeks before the
 * conversion. @seen holds the steps timed so far. */
static gboolean
read_schedule_step (Loader          *l,
                    CohortsSchedule *schedule,
                    guint32         *seen)
{
  static const AttributeSpec attrs[] = {
    { "id", TRUE }, { "weeks-before", TRUE }, { "weeks", FALSE },
  };
  char *values[G_N_ELEMENTS (attrs)] = { NULL, };
  int line = current_line (l);
  int step = 0, weeks_before = 0, weeks = 0;
  gboolean ok;

  ok = read_attributes (l, "step", attrs, G_N_ELEMENTS (attrs), values);
  if (ok && !cohorts_enum_from_token (COHORTS_TYPE_STEP, values[0], FALSE, &step))
    {
      /* The conversion is a step, but not one that <schedule> times. */
      g_autofree char *tokens = list_steps (COHORTS_STEP_CONVERSION - 1, FALSE);
      ok = fail_unknown_token (l, "step", "id", values[0], tokens);
    }
  else if (ok && step == COHORTS_STEP_CONVERSION)
    ok = fail (l, COHORTS_PLAN_ERROR_INVALID, line,
               _("<step id=\"conversion\"> is not allowed: the conversion has no timing of its own, "
                 "the other steps are timed back from it"));
  else if (ok && (*seen & (1u << step)) != 0)
    ok = fail (l, COHORTS_PLAN_ERROR_INVALID, line,
               _("<schedule> times the step “%s” twice"), values[0]);
  else if (ok && values[2] != NULL && !cohorts_step_lasts (step))
    {
      g_autofree char *tokens = list_steps (COHORTS_STEP_CONVERSION, TRUE);
      ok = fail (l, COHORTS_PLAN_ERROR_INVALID, line,
                 /* Translators: the last %s is a list of steps, "consultation, tupe-consultation" */
                 _("<step id=\"%s\"> has “weeks”, a length, but the step does not last; only these "
                   "have a length: %s"),
                 values[0], tokens);
    }

  if (ok)
    {
      /* A step that lasts keeps its length unless the file gives one. */
      weeks = cohorts_schedule_get_weeks (schedule, step);
      ok = attr_weeks (l, "step", "weeks-before", values[1], 104, &weeks_before) &&
           attr_weeks (l, "step", "weeks", values[2], 52, &weeks);
    }
  free_values (values, G_N_ELEMENTS (attrs));
  if (!ok)
    return FALSE;

  *seen |= 1u << step;
  cohorts_schedule_set_timing (schedule, step, weeks_before, weeks);
  return expect_empty (l, "step");
}

/* <schedule>: the plan's timings of the steps. Steps it leaves out keep
 * their default timing. */
static gboolean
read_schedule (Loader *l)
{
  static const AttributeSpec attrs[] = { { "church-lead-weeks", FALSE } };
  static const ChildSpec children[] = { { "step", FALSE, TRUE } };
  CohortsSchedule *schedule = cohorts_plan_get_schedule (l->plan);
  Sequence seq = SEQUENCE ("schedule", children);
  char *values[G_N_ELEMENTS (attrs)] = { NULL, };
  int depth = xmlTextReaderDepth (l->reader);
  gboolean empty = xmlTextReaderIsEmptyElement (l->reader);
  int lead = cohorts_schedule_get_church_lead_weeks (schedule);
  guint32 seen = 0;
  gboolean ok, at_end;

  ok = read_attributes (l, "schedule", attrs, G_N_ELEMENTS (attrs), values) &&
       attr_weeks (l, "schedule", "church-lead-weeks", values[0], 52, &lead);
  free_values (values, G_N_ELEMENTS (attrs));
  if (!ok)
    return FALSE;
  cohorts_schedule_set_church_lead_weeks (schedule, lead);

  while (next_child (l, "schedule", depth, empty, &at_end))
    if (sequence_accept (l, &seq) < 0 || !read_schedule_step (l, schedule, &seen))
      return FALSE;

  return at_end;
}

/* One <milestone> of a school: its own date for a step, planned or done. A
 * step that does not apply to the school (a lease for a voluntary aided
 * school) is kept as it is: the planning checks report it, the file is not
 * wrong. */
static gboolean
read_milestone (Loader        *l,
                CohortsSchool *school)
{
  static const AttributeSpec attrs[] = {
    { "step", TRUE }, { "start", FALSE }, { "date", TRUE }, { "state", TRUE },
  };
  char *values[G_N_ELEMENTS (attrs)] = { NULL, };
  CohortsMilestone milestone = { COHORTS_DATE_NONE, COHORTS_DATE_NONE, COHORTS_MILESTONE_SCHEDULED };
  int line = current_line (l);
  int step = 0;
  gboolean ok;

  ok = read_attributes (l, "milestone", attrs, G_N_ELEMENTS (attrs), values) &&
       attr_enum (l, "milestone", "step", values[0], COHORTS_TYPE_STEP, &step) &&
       attr_date (l, "milestone", "start", values[1], &milestone.start) &&
       attr_date (l, "milestone", "date", values[2], &milestone.date) &&
       attr_enum (l, "milestone", "state", values[3], COHORTS_TYPE_MILESTONE_STATE,
                  (int *) &milestone.state);

  if (ok && school->milestones[step].state != COHORTS_MILESTONE_SCHEDULED)
    ok = fail (l, COHORTS_PLAN_ERROR_INVALID, line,
               _("<school> has two milestones for the step “%s”"), values[0]);
  else if (ok && values[1] != NULL && !cohorts_step_lasts (step))
    {
      g_autofree char *tokens = list_steps (COHORTS_STEP_CONVERSION, TRUE);
      ok = fail (l, COHORTS_PLAN_ERROR_INVALID, line,
                 /* Translators: the last %s is a list of steps, "consultation, tupe-consultation" */
                 _("<milestone step=\"%s\"> has a start, but the step does not last; only these "
                   "have one: %s"),
                 values[0], tokens);
    }
  else if (ok && milestone.start != COHORTS_DATE_NONE && milestone.start > milestone.date)
    ok = fail (l, COHORTS_PLAN_ERROR_INVALID, line,
               _("<milestone step=\"%s\"> starts on %s, after its date %s; a step cannot end before "
                 "it starts"),
               values[0], values[1], values[2]);
  free_values (values, G_N_ELEMENTS (attrs));
  if (!ok)
    return FALSE;

  school->milestones[step] = milestone;
  return expect_empty (l, "milestone");
}

static char *
list_criteria (void)
{
  GString *tokens = g_string_new (NULL);

  for (guint i = 0; i < COHORTS_N_CRITERIA; i++)
    g_string_append_printf (tokens, "%s%s", i > 0 ? ", " : "", cohorts_criterion_get_id (i));
  return g_string_free (tokens, FALSE);
}

static gboolean
attr_criterion (Loader           *l,
                const char       *element,
                const char       *attribute,
                const char       *text,
                CohortsCriterion *out)
{
  g_autofree char *tokens = NULL;

  if (cohorts_criterion_from_id (text, out))
    return TRUE;
  tokens = list_criteria ();
  return fail_unknown_token (l, element, attribute, text, tokens);
}

/* One <answer> of a school (format version 4): its answer on a readiness
 * criterion. An answer on diocesan consent for a school that is not a
 * church school is kept: it does not count, the file is not wrong. */
static gboolean
read_answer (Loader        *l,
             CohortsSchool *school)
{
  static const AttributeSpec attrs[] = {
    { "criterion", TRUE }, { "state", TRUE }, { "note", FALSE }, { "date", FALSE },
  };
  char *values[G_N_ELEMENTS (attrs)] = { NULL, };
  CohortsCriterion criterion = 0;
  CohortsAnswer answer = { COHORTS_ANSWER_NONE, NULL, COHORTS_DATE_NONE };
  int line = current_line (l);
  gboolean ok;

  ok = read_attributes (l, "answer", attrs, G_N_ELEMENTS (attrs), values) &&
       attr_criterion (l, "answer", "criterion", values[0], &criterion);
  if (ok && !cohorts_answer_state_from_token (values[1], &answer.state))
    ok = fail_unknown_token (l, "answer", "state", values[1], "met, partly, not-met, not-applicable");
  ok = ok &&
       attr_line (l, "answer", "note", values[2], &answer.note) &&
       attr_date (l, "answer", "date", values[3], &answer.date);

  if (ok && school->answers[criterion].state != COHORTS_ANSWER_NONE)
    ok = fail (l, COHORTS_PLAN_ERROR_INVALID, line,
               _("<school> has two answers on the criterion “%s”"), values[0]);
  free_values (values, G_N_ELEMENTS (attrs));
  if (ok)
    {
      if (answer.note != NULL && answer.note[0] == '\0')
        g_clear_pointer (&answer.note, g_free);
      school->answers[criterion] = answer;
    }
  else
    g_free (answer.note);

  return ok && expect_empty (l, "answer");
}

enum {
  SCHOOL_URN,
  SCHOOL_ACADEMY_URN,
  SCHOOL_PHASE,
  SCHOOL_TYPE,
  SCHOOL_LOW_AGE,
  SCHOOL_HIGH_AGE,
  SCHOOL_RELIGIOUS_CHARACTER,
  SCHOOL_PUPILS,
  SCHOOL_CAPACITY,
  SCHOOL_SMALL,
  SCHOOL_RURAL,
  SCHOOL_TOWN,
  SCHOOL_POSTCODE,
  SCHOOL_LOCKED,
  N_SCHOOL_ATTRS
};

static const AttributeSpec school_attrs[N_SCHOOL_ATTRS] = {
  [SCHOOL_URN] = { "urn", TRUE },
  [SCHOOL_ACADEMY_URN] = { "academy-urn", FALSE },
  [SCHOOL_PHASE] = { "phase", FALSE },
  [SCHOOL_TYPE] = { "type", FALSE },
  [SCHOOL_LOW_AGE] = { "low-age", FALSE },
  [SCHOOL_HIGH_AGE] = { "high-age", FALSE },
  [SCHOOL_RELIGIOUS_CHARACTER] = { "religious-character", FALSE },
  [SCHOOL_PUPILS] = { "pupils", FALSE },
  [SCHOOL_CAPACITY] = { "capacity", FALSE },
  [SCHOOL_SMALL] = { "small", FALSE },
  [SCHOOL_RURAL] = { "rural", FALSE },
  [SCHOOL_TOWN] = { "town", FALSE },
  [SCHOOL_POSTCODE] = { "postcode", FALSE },
  [SCHOOL_LOCKED] = { "locked", FALSE, 5 },
};

enum {
  SCHOOL_CHILD_NAME,
  SCHOOL_CHILD_LOCAL_AUTHORITY,
  SCHOOL_CHILD_DIOCESE,
  SCHOOL_CHILD_CURRENT_TRUST,
  SCHOOL_CHILD_OFSTED_GRADE,
  SCHOOL_CHILD_REPORT_CARD,
  SCHOOL_CHILD_SIAMS,
  SCHOOL_CHILD_CHURCH_TRACK,
  SCHOOL_CHILD_FINANCE,
  SCHOOL_CHILD_MILESTONE,
  SCHOOL_CHILD_ANSWER,
  SCHOOL_CHILD_NOTES,
  SCHOOL_CHILD_EXTENSIONS,
};

static const ChildSpec school_children[] = {
  [SCHOOL_CHILD_NAME] = { "name", TRUE, FALSE },
  [SCHOOL_CHILD_LOCAL_AUTHORITY] = { "local-authority", FALSE, FALSE },
  [SCHOOL_CHILD_DIOCESE] = { "diocese", FALSE, FALSE },
  [SCHOOL_CHILD_CURRENT_TRUST] = { "current-trust", FALSE, FALSE },
  [SCHOOL_CHILD_OFSTED_GRADE] = { "ofsted-grade", FALSE, FALSE },
  [SCHOOL_CHILD_REPORT_CARD] = { "report-card", FALSE, FALSE },
  [SCHOOL_CHILD_SIAMS] = { "siams", FALSE, FALSE },
  [SCHOOL_CHILD_CHURCH_TRACK] = { "church-track", FALSE, FALSE, 7 },
  [SCHOOL_CHILD_FINANCE] = { "finance", FALSE, FALSE },
  [SCHOOL_CHILD_MILESTONE] = { "milestone", FALSE, TRUE, 2 },
  [SCHOOL_CHILD_ANSWER] = { "answer", FALSE, TRUE, 4 },
  [SCHOOL_CHILD_NOTES] = { "notes", FALSE, FALSE },
  [SCHOOL_CHILD_EXTENSIONS] = { "extensions", FALSE, FALSE },
};

/* <church-track> (format version 7): the consents and agreements of a church
 * school, each an optional empty element in a fixed order. Combinations that
 * make no sense (a decision before its request, more foundation governors than
 * governors) are findings of the checks, not reasons to refuse the file. */
static gboolean
read_consent (Loader         *l,
              const char     *element,
              CohortsConsent *state,
              CohortsDate    *requested,
              CohortsDate    *decided)
{
  static const AttributeSpec attrs[] = { { "state", FALSE }, { "requested", FALSE }, { "decided", FALSE } };
  char *values[G_N_ELEMENTS (attrs)] = { NULL, };
  gboolean ok;

  ok = read_attributes (l, element, attrs, G_N_ELEMENTS (attrs), values) &&
       attr_enum (l, element, "state", values[0], COHORTS_TYPE_CONSENT, (int *) state) &&
       attr_date (l, element, "requested", values[1], requested) &&
       attr_date (l, element, "decided", values[2], decided);
  free_values (values, G_N_ELEMENTS (attrs));
  return ok && expect_empty (l, element);
}

static gboolean
read_agreement (Loader                *l,
                const char            *element,
                CohortsAgreementStage *stage,
                CohortsDate           *date)
{
  static const AttributeSpec attrs[] = { { "stage", FALSE }, { "date", FALSE } };
  char *values[G_N_ELEMENTS (attrs)] = { NULL, };
  gboolean ok;

  ok = read_attributes (l, element, attrs, G_N_ELEMENTS (attrs), values) &&
       attr_enum (l, element, "stage", values[0], COHORTS_TYPE_AGREEMENT_STAGE, (int *) stage) &&
       attr_date (l, element, "date", values[1], date);
  free_values (values, G_N_ELEMENTS (attrs));
  return ok && expect_empty (l, element);
}

enum {
  TRACK_DIOCESAN_CONSENT,
  TRACK_SITE_TRUSTEES_CONSENT,
  TRACK_SUPPLEMENTAL_AGREEMENT,
  TRACK_MEMORANDUM,
  TRACK_GOVERNANCE,
};

static gboolean
read_church_track (Loader        *l,
                   CohortsSchool *school)
{
  static const ChildSpec children[] = {
    [TRACK_DIOCESAN_CONSENT] = { "diocesan-consent", FALSE, FALSE },
    [TRACK_SITE_TRUSTEES_CONSENT] = { "site-trustees-consent", FALSE, FALSE },
    [TRACK_SUPPLEMENTAL_AGREEMENT] = { "supplemental-agreement", FALSE, FALSE },
    [TRACK_MEMORANDUM] = { "memorandum", FALSE, FALSE },
    [TRACK_GOVERNANCE] = { "governance", FALSE, FALSE },
  };
  static const AttributeSpec governance_attrs[] = { { "foundation-governors", FALSE }, { "governors", FALSE } };
  Sequence seq = SEQUENCE ("church-track", children);
  int depth = xmlTextReaderDepth (l->reader);
  gboolean empty = xmlTextReaderIsEmptyElement (l->reader);
  gboolean at_end;

  if (!read_attributes (l, "church-track", NULL, 0, NULL))
    return FALSE;

  while (next_child (l, "church-track", depth, empty, &at_end))
    {
      char *values[G_N_ELEMENTS (governance_attrs)] = { NULL, };
      gboolean ok;

      switch (sequence_accept (l, &seq))
        {
        case TRACK_DIOCESAN_CONSENT:
          ok = read_consent (l, "diocesan-consent", &school->diocesan_consent,
                             &school->diocesan_consent_requested, &school->diocesan_consent_decided);
          break;
        case TRACK_SITE_TRUSTEES_CONSENT:
          ok = read_consent (l, "site-trustees-consent", &school->site_trustees_consent,
                             &school->site_trustees_consent_requested, &school->site_trustees_consent_decided);
          break;
        case TRACK_SUPPLEMENTAL_AGREEMENT:
          ok = read_agreement (l, "supplemental-agreement", &school->supplemental_agreement,
                               &school->supplemental_agreement_date);
          break;
        case TRACK_MEMORANDUM:
          ok = read_agreement (l, "memorandum", &school->memorandum, &school->memorandum_date);
          break;
        case TRACK_GOVERNANCE:
          ok = read_attributes (l, "governance", governance_attrs, G_N_ELEMENTS (governance_attrs), values) &&
               attr_count (l, "governance", "foundation-governors", values[0], 99, &school->foundation_governors) &&
               attr_count (l, "governance", "governors", values[1], 99, &school->governors);
          free_values (values, G_N_ELEMENTS (governance_attrs));
          ok = ok && expect_empty (l, "governance");
          break;
        default:
          return FALSE;
        }
      if (!ok)
        return FALSE;
    }
  return at_end;
}

static gboolean
read_school_child (Loader        *l,
                   CohortsSchool *school,
                   int            index)
{
  gboolean ok = TRUE;

  switch (index)
    {
    case SCHOOL_CHILD_NAME:
      return read_text_element (l, "name", COHORTS_SHORT_TEXT_MAX, &school->name);

    case SCHOOL_CHILD_LOCAL_AUTHORITY:
      return read_coded_name (l, "local-authority", "code", is_code,
                              N_("is not a code: up to eight letters and digits"),
                              &school->la_code, &school->la_name);

    case SCHOOL_CHILD_DIOCESE:
      return read_coded_name (l, "diocese", "code", is_code,
                              N_("is not a code: up to eight letters and digits"),
                              &school->diocese_code, &school->diocese_name);

    case SCHOOL_CHILD_CURRENT_TRUST:
      return read_coded_name (l, "current-trust", "reference", cohorts_trust_reference_is_valid,
                              N_("is not a trust reference: TR and five digits"),
                              &school->current_trust_reference, &school->current_trust_name);

    case SCHOOL_CHILD_OFSTED_GRADE:
      {
        static const AttributeSpec attrs[] = { { "date", FALSE }, { "grade", TRUE } };
        char *values[G_N_ELEMENTS (attrs)] = { NULL, };

        ok = read_attributes (l, "ofsted-grade", attrs, G_N_ELEMENTS (attrs), values) &&
             attr_date (l, "ofsted-grade", "date", values[0], &school->ofsted_date) &&
             attr_enum (l, "ofsted-grade", "grade", values[1], COHORTS_TYPE_OFSTED_GRADE,
                        (int *) &school->ofsted_grade);
        free_values (values, G_N_ELEMENTS (attrs));
        return ok && expect_empty (l, "ofsted-grade");
      }

    case SCHOOL_CHILD_REPORT_CARD:
      return read_report_card (l, school);

    case SCHOOL_CHILD_SIAMS:
      {
        static const AttributeSpec attrs[] = { { "date", FALSE }, { "outcome", TRUE } };
        char *values[G_N_ELEMENTS (attrs)] = { NULL, };

        ok = read_attributes (l, "siams", attrs, G_N_ELEMENTS (attrs), values) &&
             attr_date (l, "siams", "date", values[0], &school->siams_date) &&
             attr_enum (l, "siams", "outcome", values[1], COHORTS_TYPE_SIAMS_OUTCOME,
                        (int *) &school->siams_outcome);
        free_values (values, G_N_ELEMENTS (attrs));
        return ok && expect_empty (l, "siams");
      }

    case SCHOOL_CHILD_CHURCH_TRACK:
      return read_church_track (l, school);

    case SCHOOL_CHILD_FINANCE:
      {
        static const AttributeSpec attrs[] = {
          { "balance", FALSE }, { "as-of", FALSE }, { "recovery-plan", FALSE }, { "pfi", FALSE },
        };
        char *values[G_N_ELEMENTS (attrs)] = { NULL, };

        ok = read_attributes (l, "finance", attrs, G_N_ELEMENTS (attrs), values) &&
             attr_amount (l, "finance", "balance", values[0], TRUE, &school->budget_balance) &&
             attr_date (l, "finance", "as-of", values[1], &school->budget_date) &&
             attr_boolean (l, "finance", "recovery-plan", values[2], &school->recovery_plan) &&
             attr_boolean (l, "finance", "pfi", values[3], &school->pfi);
        free_values (values, G_N_ELEMENTS (attrs));
        return ok && expect_empty (l, "finance");
      }

    case SCHOOL_CHILD_MILESTONE:
      return read_milestone (l, school);

    case SCHOOL_CHILD_ANSWER:
      return read_answer (l, school);

    case SCHOOL_CHILD_NOTES:
      return read_text_element (l, "notes", COHORTS_NOTES_MAX, &school->notes);

    case SCHOOL_CHILD_EXTENSIONS:
      return read_extensions (l, &school->extensions);

    default:
      g_assert_not_reached ();
    }
}

static CohortsSchool *
read_school (Loader *l)
{
  g_autoptr(CohortsSchool) school = g_object_new (COHORTS_TYPE_SCHOOL, NULL);
  char *values[N_SCHOOL_ATTRS] = { NULL, };
  Sequence seq = SEQUENCE ("school", school_children);
  int depth = xmlTextReaderDepth (l->reader);
  gboolean empty = xmlTextReaderIsEmptyElement (l->reader);
  int line = current_line (l);
  gboolean ok, at_end;
  gpointer other_line;

  ok = read_attributes (l, "school", school_attrs, N_SCHOOL_ATTRS, values) &&
       attr_urn (l, "school", "urn", values[SCHOOL_URN], &school->urn) &&
       attr_urn (l, "school", "academy-urn", values[SCHOOL_ACADEMY_URN], &school->academy_urn) &&
       attr_enum (l, "school", "phase", values[SCHOOL_PHASE], COHORTS_TYPE_PHASE,
                  (int *) &school->phase) &&
       attr_enum (l, "school", "type", values[SCHOOL_TYPE], COHORTS_TYPE_ESTABLISHMENT_TYPE,
                  (int *) &school->establishment_type) &&
       attr_count (l, "school", "low-age", values[SCHOOL_LOW_AGE], 99, &school->low_age) &&
       attr_count (l, "school", "high-age", values[SCHOOL_HIGH_AGE], 99, &school->high_age) &&
       attr_enum (l, "school", "religious-character", values[SCHOOL_RELIGIOUS_CHARACTER],
                  COHORTS_TYPE_RELIGIOUS_CHARACTER, (int *) &school->religious_character) &&
       attr_count (l, "school", "pupils", values[SCHOOL_PUPILS], 999999999, &school->pupils) &&
       attr_count (l, "school", "capacity", values[SCHOOL_CAPACITY], 999999999, &school->capacity) &&
       attr_boolean (l, "school", "small", values[SCHOOL_SMALL], &school->small) &&
       attr_boolean (l, "school", "rural", values[SCHOOL_RURAL], &school->rural) &&
       attr_line (l, "school", "town", values[SCHOOL_TOWN], &school->town) &&
       attr_line (l, "school", "postcode", values[SCHOOL_POSTCODE], &school->postcode) &&
       attr_boolean (l, "school", "locked", values[SCHOOL_LOCKED], &school->locked);
  free_values (values, N_SCHOOL_ATTRS);
  if (!ok)
    return NULL;

  /* Ages the wrong way round are a planning problem (a finding), not a reason
   * to refuse the file: the plan opens and the user corrects them. */

  if (g_hash_table_lookup_extended (l->school_lines, GUINT_TO_POINTER (school->urn), NULL, &other_line))
    {
      fail (l, COHORTS_PLAN_ERROR_INVALID, line,
            _("URN %u is used by a second school; the school at line %d has it already"),
            school->urn, GPOINTER_TO_INT (other_line));
      return NULL;
    }
  g_hash_table_insert (l->school_lines, GUINT_TO_POINTER (school->urn), GINT_TO_POINTER (line));

  while (next_child (l, "school", depth, empty, &at_end))
    {
      int index = sequence_accept (l, &seq);

      if (index < 0 || !read_school_child (l, school, index))
        return NULL;
    }

  if (!at_end || !sequence_finish (l, &seq, line))
    return NULL;

  return g_steal_pointer (&school);
}

static gboolean
read_schools (Loader *l)
{
  static const ChildSpec children[] = { { "school", FALSE, TRUE } };
  Sequence seq = SEQUENCE ("schools", children);
  int depth = xmlTextReaderDepth (l->reader);
  gboolean empty = xmlTextReaderIsEmptyElement (l->reader);
  g_autoptr(GPtrArray) schools = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean at_end;

  if (!read_attributes (l, "schools", NULL, 0, NULL))
    return FALSE;

  while (next_child (l, "schools", depth, empty, &at_end))
    {
      CohortsSchool *school;

      if (sequence_accept (l, &seq) < 0)
        return FALSE;

      if (schools->len >= COHORTS_PLAN_MAX_SCHOOLS)
        return fail (l, COHORTS_PLAN_ERROR_TOO_LARGE, current_line (l),
                     _("the plan has more than %d schools, the limit"), COHORTS_PLAN_MAX_SCHOOLS);

      school = read_school (l);
      if (school == NULL)
        return FALSE;
      g_ptr_array_add (schools, school);
    }

  if (!at_end)
    return FALSE;

  cohorts_plan_load_schools (l->plan, schools);
  return TRUE;
}

static gboolean
read_cohort (Loader     *l,
             GHashTable *lines)
{
  static const AttributeSpec attrs[] = {
    { "id", TRUE }, { "date", FALSE }, { "status", TRUE }, { "locked", FALSE, 5 },
  };
  static const AttributeSpec member_attrs[] = { { "urn", TRUE } };
  static const ChildSpec children[] = {
    { "name", TRUE, FALSE }, { "member", FALSE, TRUE }, { "notes", FALSE, FALSE },
    { "extensions", FALSE, FALSE },
  };
  Sequence seq = SEQUENCE ("cohort", children);
  char *values[G_N_ELEMENTS (attrs)] = { NULL, };
  int depth = xmlTextReaderDepth (l->reader);
  gboolean empty = xmlTextReaderIsEmptyElement (l->reader);
  int line = current_line (l);
  g_autoptr(CohortsCohort) cohort = NULL;
  g_autoptr(GPtrArray) members = g_ptr_array_new ();
  gboolean ok, at_end;
  gpointer other_line;

  if (!read_attributes (l, "cohort", attrs, G_N_ELEMENTS (attrs), values))
    {
      free_values (values, G_N_ELEMENTS (attrs));
      return FALSE;
    }

  if (!cohorts_cohort_id_is_valid (values[0]))
    {
      fail (l, COHORTS_PLAN_ERROR_INVALID, line,
            _("<cohort> id=\"%s\" is not an identifier: 1–64 lowercase letters, digits and hyphens"),
            values[0]);
      free_values (values, G_N_ELEMENTS (attrs));
      return FALSE;
    }

  if (g_hash_table_lookup_extended (l->cohort_lines, values[0], NULL, &other_line))
    {
      fail (l, COHORTS_PLAN_ERROR_INVALID, line,
            _("cohort id “%s” is used twice; the cohort at line %d has it already"),
            values[0], GPOINTER_TO_INT (other_line));
      free_values (values, G_N_ELEMENTS (attrs));
      return FALSE;
    }

  cohort = g_object_new (COHORTS_TYPE_COHORT, "id", values[0], NULL);
  g_hash_table_insert (l->cohort_lines, g_strdup (values[0]), GINT_TO_POINTER (line));

  ok = attr_date (l, "cohort", "date", values[1], &cohort->date) &&
       attr_enum (l, "cohort", "status", values[2], COHORTS_TYPE_COHORT_STATUS, (int *) &cohort->status) &&
       attr_boolean (l, "cohort", "locked", values[3], &cohort->locked);
  free_values (values, G_N_ELEMENTS (attrs));
  if (!ok)
    return FALSE;

  while (next_child (l, "cohort", depth, empty, &at_end))
    {
      int index = sequence_accept (l, &seq);
      int child_line = current_line (l);

      if (index < 0)
        return FALSE;

      if (index == 0)
        {
          if (!read_text_element (l, "name", COHORTS_SHORT_TEXT_MAX, &cohort->name))
            return FALSE;
        }
      else if (index == 1)
        {
          char *member_values[1] = { NULL, };
          guint urn = 0;
          CohortsSchool *school;

          ok = read_attributes (l, "member", member_attrs, 1, member_values) &&
               attr_urn (l, "member", "urn", member_values[0], &urn);
          free_values (member_values, 1);
          if (!ok || !expect_empty (l, "member"))
            return FALSE;

          school = cohorts_plan_find_school (l->plan, urn);
          if (school == NULL)
            return fail (l, COHORTS_PLAN_ERROR_INVALID, child_line,
                         _("<member urn=\"%u\"> names no school of the plan; each member must be a "
                           "<school> in <schools>"), urn);

          if (g_hash_table_lookup_extended (l->member_lines, GUINT_TO_POINTER (urn), NULL, &other_line))
            return fail (l, COHORTS_PLAN_ERROR_INVALID, child_line,
                         _("%s (URN %u) is in two cohorts, or twice in one; it is already a member at "
                           "line %d"),
                         school->name, urn, GPOINTER_TO_INT (other_line));
          g_hash_table_insert (l->member_lines, GUINT_TO_POINTER (urn), GINT_TO_POINTER (child_line));
          g_ptr_array_add (members, school);
        }
      else if (index == 2)
        {
          if (!read_text_element (l, "notes", COHORTS_NOTES_MAX, &cohort->notes))
            return FALSE;
        }
      else if (!read_extensions (l, &cohort->extensions))
        return FALSE;
    }

  if (!at_end || !sequence_finish (l, &seq, line))
    return FALSE;

  cohorts_plan_load_cohort (l->plan, cohort, members);
  return TRUE;
}

/* The lists of the plan: one element holding any number of one kind of
 * child, each read by @read_item with a table of what the list has read so
 * far (ids to lines), up to a limit. */
typedef enum
{
  LIST_COHORTS,
  LIST_REVIEWS,
  LIST_BASELINES,
  LIST_DATE_CHANGES,
} ListKind;

typedef struct
{
  const char *element;
  const char *child;
  guint max;
  gboolean may_be_empty;
  gboolean (*read_item) (Loader     *l,
                         GHashTable *lines);
} ListSpec;

static gboolean read_comment (Loader *l, GHashTable *lines);
static gboolean read_baseline (Loader *l, GHashTable *lines);
static gboolean read_date_change (Loader *l, GHashTable *lines);

static const ListSpec lists[] = {
  [LIST_COHORTS] = { "cohorts", "cohort", COHORTS_PLAN_MAX_COHORTS, TRUE, read_cohort },
  [LIST_REVIEWS] = { "reviews", "comment", COHORTS_PLAN_MAX_COMMENTS, FALSE, read_comment },
  [LIST_BASELINES] = { "baselines", "baseline", COHORTS_PLAN_MAX_BASELINES, FALSE, read_baseline },
  [LIST_DATE_CHANGES] = { "date-changes", "change", COHORTS_PLAN_MAX_DATE_CHANGES, FALSE, read_date_change },
};

static gboolean
fail_list (Loader   *l,
           ListKind  kind,
           gboolean  empty,
           int       line)
{
  if (empty)
    switch (kind)
      {
      case LIST_REVIEWS:
        return fail (l, COHORTS_PLAN_ERROR_INVALID, line,
                     _("<reviews> is empty; leave it out when the plan has no comments"));
      case LIST_BASELINES:
        return fail (l, COHORTS_PLAN_ERROR_INVALID, line,
                     _("<baselines> is empty; leave it out when the plan has no baselines"));
      case LIST_DATE_CHANGES:
        return fail (l, COHORTS_PLAN_ERROR_INVALID, line,
                     _("<date-changes> is empty; leave it out when the plan has no date changes"));
      case LIST_COHORTS:
      default:
        g_assert_not_reached ();
      }

  switch (kind)
    {
    case LIST_COHORTS:
      return fail (l, COHORTS_PLAN_ERROR_TOO_LARGE, line, _("the plan has more than %d cohorts, the limit"),
                   COHORTS_PLAN_MAX_COHORTS);
    case LIST_REVIEWS:
      return fail (l, COHORTS_PLAN_ERROR_TOO_LARGE, line, _("the plan has more than %d comments, the limit"),
                   COHORTS_PLAN_MAX_COMMENTS);
    case LIST_BASELINES:
      return fail (l, COHORTS_PLAN_ERROR_TOO_LARGE, line, _("the plan has more than %d baselines, the limit"),
                   COHORTS_PLAN_MAX_BASELINES);
    case LIST_DATE_CHANGES:
    default:
      return fail (l, COHORTS_PLAN_ERROR_TOO_LARGE, line, _("the plan has more than %d date changes, the limit"),
                   COHORTS_PLAN_MAX_DATE_CHANGES);
    }
}

static gboolean
read_list (Loader   *l,
           ListKind  kind)
{
  const ListSpec *spec = &lists[kind];
  const ChildSpec children[] = { { spec->child, FALSE, TRUE } };
  Sequence seq = SEQUENCE (spec->element, children);
  int depth = xmlTextReaderDepth (l->reader);
  gboolean empty = xmlTextReaderIsEmptyElement (l->reader);
  int line = current_line (l);
  g_autoptr(GHashTable) lines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gboolean at_end;
  guint n = 0;

  if (!read_attributes (l, spec->element, NULL, 0, NULL))
    return FALSE;

  while (next_child (l, spec->element, depth, empty, &at_end))
    {
      if (sequence_accept (l, &seq) < 0)
        return FALSE;
      if (++n > spec->max)
        return fail_list (l, kind, FALSE, current_line (l));
      if (!spec->read_item (l, lines))
        return FALSE;
    }

  if (at_end && n == 0 && !spec->may_be_empty)
    return fail_list (l, kind, TRUE, line);
  return at_end;
}


/* <comment id subject author at kind resolved? resolved-by? resolved-at?
 * reply-to?>text</comment>, in <reviews> (format version 6). @lines maps
 * the ids read so far to their lines. */
static gboolean
read_comment (Loader     *l,
              GHashTable *lines)
{
  enum { ID, SUBJECT, AUTHOR, AT, KIND, RESOLVED, RESOLVED_BY, RESOLVED_AT, REPLY_TO, N };
  static const AttributeSpec attrs[N] = {
    [ID] = { "id", TRUE }, [SUBJECT] = { "subject", TRUE }, [AUTHOR] = { "author", TRUE },
    [AT] = { "at", TRUE }, [KIND] = { "kind", TRUE }, [RESOLVED] = { "resolved", FALSE },
    [RESOLVED_BY] = { "resolved-by", FALSE }, [RESOLVED_AT] = { "resolved-at", FALSE },
    [REPLY_TO] = { "reply-to", FALSE },
  };
  char *values[N] = { NULL, };
  int line = current_line (l);
  g_autofree char *author = NULL;
  g_autofree char *resolved_by = NULL;
  g_autofree char *text = NULL;
  gint64 at = COHORTS_DATE_TIME_NONE, resolved_at = COHORTS_DATE_TIME_NONE;
  gboolean resolved = FALSE;
  int kind = 0;
  gpointer other_line;
  CohortsComment *parent = NULL;
  g_autoptr(CohortsComment) comment = NULL;
  gboolean ok;

  ok = read_attributes (l, "comment", attrs, N, values);

  if (ok && !cohorts_cohort_id_is_valid (values[ID]))
    ok = fail (l, COHORTS_PLAN_ERROR_INVALID, line,
               _("<comment> id=\"%s\" is not an identifier: 1–64 lowercase letters, digits and hyphens"),
               values[ID]);
  if (ok && g_hash_table_lookup_extended (lines, values[ID], NULL, &other_line))
    ok = fail (l, COHORTS_PLAN_ERROR_INVALID, line,
               _("comment id “%s” is used twice; the comment at line %d has it already"),
               values[ID], GPOINTER_TO_INT (other_line));
  if (ok && !cohorts_comment_subject_is_valid (values[SUBJECT]))
    ok = fail (l, COHORTS_PLAN_ERROR_INVALID, line,
               _("<comment> subject=\"%s\" is not a subject: “plan”, “school:” and a URN, or "
                 "“cohort:” and a cohort’s id"),
               values[SUBJECT]);
  if (ok && !cohorts_plan_has_subject (l->plan, values[SUBJECT]))
    ok = fail (l, COHORTS_PLAN_ERROR_INVALID, line,
               g_str_has_prefix (values[SUBJECT], "school:")
               ? _("<comment> subject=\"%s\" names no school of the plan")
               : _("<comment> subject=\"%s\" names no cohort of the plan"),
               values[SUBJECT]);
  ok = ok && attr_line (l, "comment", "author", values[AUTHOR], &author);
  if (ok && author[0] == '\0')
    ok = fail (l, COHORTS_PLAN_ERROR_INVALID, line, _("<comment> has an empty author"));
  ok = ok && attr_date_time (l, "comment", "at", values[AT], &at) &&
       attr_enum (l, "comment", "kind", values[KIND], COHORTS_TYPE_COMMENT_KIND, &kind) &&
       attr_boolean (l, "comment", "resolved", values[RESOLVED], &resolved);
  if (ok && !resolved && (values[RESOLVED_BY] != NULL || values[RESOLVED_AT] != NULL))
    ok = fail (l, COHORTS_PLAN_ERROR_INVALID, line,
               _("<comment> has “%s” but is not resolved; it needs resolved=\"true\""),
               values[RESOLVED_BY] != NULL ? "resolved-by" : "resolved-at");
  ok = ok && attr_line (l, "comment", "resolved-by", values[RESOLVED_BY], &resolved_by);
  if (ok && resolved_by != NULL && resolved_by[0] == '\0')
    ok = fail (l, COHORTS_PLAN_ERROR_INVALID, line, _("<comment> has an empty resolved-by"));
  ok = ok && attr_date_time (l, "comment", "resolved-at", values[RESOLVED_AT], &resolved_at);
  if (ok && values[REPLY_TO] != NULL)
    {
      parent = cohorts_plan_find_comment (l->plan, values[REPLY_TO]);
      if (parent == NULL)
        ok = fail (l, COHORTS_PLAN_ERROR_INVALID, line,
                   _("<comment> reply-to=\"%s\" names no comment before it; a reply comes after "
                     "the comment it answers"),
                   values[REPLY_TO]);
      else if (strcmp (cohorts_comment_get_subject (parent), values[SUBJECT]) != 0)
        ok = fail (l, COHORTS_PLAN_ERROR_INVALID, line,
                   _("<comment> is about “%s” but answers comment “%s”, which is about “%s”; a "
                     "reply has the subject of the comment it answers"),
                   values[SUBJECT], values[REPLY_TO], cohorts_comment_get_subject (parent));
    }
  ok = ok && read_text (l, "comment", COHORTS_COMMENT_TEXT_MAX, &text);

  if (ok)
    {
      g_hash_table_insert (lines, g_strdup (values[ID]), GINT_TO_POINTER (line));
      comment = cohorts_comment_new (values[ID], values[SUBJECT], author, at, kind, text,
                                     values[REPLY_TO]);
      if (resolved)
        cohorts_comment_set_resolved (comment, TRUE, resolved_by, resolved_at);
      cohorts_plan_load_comment (l->plan, comment);
    }
  free_values (values, N);
  return ok;
}


/* <baseline id name at> <cohort id date?>name</cohort>… <entry urn cohort?
 * date?>name</entry>… </baseline>, in <baselines> (format version 7). The
 * entries come in order of URN: one check keeps them unique, and the
 * baseline is ready for binary search as read. @lines maps the ids read so
 * far to their lines. */
static gboolean
read_baseline (Loader     *l,
               GHashTable *lines)
{
  enum { ID, NAME, AT, N };
  static const AttributeSpec attrs[N] = {
    [ID] = { "id", TRUE }, [NAME] = { "name", TRUE }, [AT] = { "at", TRUE },
  };
  static const AttributeSpec cohort_attrs[] = { { "id", TRUE }, { "date", FALSE } };
  static const AttributeSpec entry_attrs[] = { { "urn", TRUE }, { "cohort", FALSE }, { "date", FALSE } };
  static const ChildSpec children[] = { { "cohort", FALSE, TRUE }, { "entry", FALSE, TRUE } };
  Sequence seq = SEQUENCE ("baseline", children);
  char *values[N] = { NULL, };
  int depth = xmlTextReaderDepth (l->reader);
  gboolean empty = xmlTextReaderIsEmptyElement (l->reader);
  int line = current_line (l);
  g_autofree char *name = NULL;
  g_autoptr(CohortsBaseline) baseline = NULL;
  gint64 at = COHORTS_DATE_TIME_NONE;
  gpointer other_line;
  gboolean ok, at_end;
  guint last_urn = 0;
  int last_urn_line = 0;

  ok = read_attributes (l, "baseline", attrs, N, values);
  if (ok && !cohorts_cohort_id_is_valid (values[ID]))
    ok = fail (l, COHORTS_PLAN_ERROR_INVALID, line,
               _("<baseline> id=\"%s\" is not an identifier: 1–64 lowercase letters, digits and hyphens"),
               values[ID]);
  if (ok && g_hash_table_lookup_extended (lines, values[ID], NULL, &other_line))
    ok = fail (l, COHORTS_PLAN_ERROR_INVALID, line,
               _("baseline id “%s” is used twice; the baseline at line %d has it already"),
               values[ID], GPOINTER_TO_INT (other_line));
  ok = ok && attr_line (l, "baseline", "name", values[NAME], &name);
  if (ok && g_strstrip (name)[0] == '\0')
    ok = fail (l, COHORTS_PLAN_ERROR_INVALID, line, _("<baseline> has an empty name"));
  ok = ok && attr_date_time (l, "baseline", "at", values[AT], &at);
  if (ok)
    {
      g_hash_table_insert (lines, g_strdup (values[ID]), GINT_TO_POINTER (line));
      baseline = cohorts_baseline_new (values[ID], name, at);
    }
  free_values (values, N);
  if (!ok)
    return FALSE;

  while (next_child (l, "baseline", depth, empty, &at_end))
    {
      int index = sequence_accept (l, &seq);
      int child_line = current_line (l);
      char *child_values[3] = { NULL, };
      g_autofree char *child_name = NULL;
      CohortsDate date = COHORTS_DATE_NONE;

      if (index < 0)
        return FALSE;

      if (index == 0)
        {
          if (cohorts_baseline_get_n_cohorts (baseline) >= COHORTS_PLAN_MAX_COHORTS)
            return fail (l, COHORTS_PLAN_ERROR_TOO_LARGE, child_line,
                         _("<baseline> has more than %d cohorts, the limit"), COHORTS_PLAN_MAX_COHORTS);
          ok = read_attributes (l, "cohort", cohort_attrs, 2, child_values);
          if (ok && !cohorts_cohort_id_is_valid (child_values[0]))
            ok = fail (l, COHORTS_PLAN_ERROR_INVALID, child_line,
                       _("<cohort> id=\"%s\" is not an identifier: 1–64 lowercase letters, digits and hyphens"),
                       child_values[0]);
          if (ok && cohorts_baseline_find_cohort (baseline, child_values[0]) >= 0)
            ok = fail (l, COHORTS_PLAN_ERROR_INVALID, child_line,
                       _("cohort id “%s” is used twice in baseline “%s”"),
                       child_values[0], cohorts_baseline_get_id (baseline));
          ok = ok && attr_date (l, "cohort", "date", child_values[1], &date) &&
               read_text (l, "cohort", COHORTS_SHORT_TEXT_MAX, &child_name);
          if (ok)
            cohorts_baseline_add_cohort (baseline, child_values[0], child_name, date);
        }
      else
        {
          guint urn = 0;
          int cohort = -1;

          if (cohorts_baseline_get_n_entries (baseline) >= COHORTS_PLAN_MAX_SCHOOLS)
            return fail (l, COHORTS_PLAN_ERROR_TOO_LARGE, child_line,
                         _("<baseline> has more than %d schools, the limit"), COHORTS_PLAN_MAX_SCHOOLS);
          ok = read_attributes (l, "entry", entry_attrs, 3, child_values) &&
               attr_urn (l, "entry", "urn", child_values[0], &urn);
          if (ok && urn <= last_urn)
            ok = fail (l, COHORTS_PLAN_ERROR_INVALID, child_line,
                       urn == last_urn
                       ? _("<entry urn=\"%u\"> is in the baseline twice; the entry at line %d has it already")
                       : _("<entry urn=\"%u\"> comes after the entry at line %d, of a higher URN; a "
                           "baseline lists its schools in order of URN"),
                       urn, last_urn_line);
          if (ok && child_values[1] != NULL)
            {
              cohort = cohorts_baseline_find_cohort (baseline, child_values[1]);
              if (cohort < 0)
                ok = fail (l, COHORTS_PLAN_ERROR_INVALID, child_line,
                           _("<entry> cohort=\"%s\" names no cohort of the baseline before it"),
                           child_values[1]);
            }
          ok = ok && attr_date (l, "entry", "date", child_values[2], &date) &&
               read_text (l, "entry", COHORTS_SHORT_TEXT_MAX, &child_name);
          if (ok)
            {
              cohorts_baseline_add_entry (baseline, urn, child_name, cohort, date);
              last_urn = urn;
              last_urn_line = child_line;
            }
        }
      free_values (child_values, 3);
      if (!ok)
        return FALSE;
    }

  if (!at_end)
    return FALSE;
  cohorts_plan_load_baseline (l->plan, baseline);
  return TRUE;
}


/* <change subject at from? to? reason author?>note</change>, in
 * <date-changes> (format version 7). The subject need not be in the plan
 * any more: the history outlives the schools and cohorts it is about. */
static gboolean
read_date_change (Loader     *l,
                  GHashTable *lines)
{
  enum { SUBJECT, AT, FROM, TO, REASON, AUTHOR, N };
  static const AttributeSpec attrs[N] = {
    [SUBJECT] = { "subject", TRUE }, [AT] = { "at", TRUE }, [FROM] = { "from", FALSE },
    [TO] = { "to", FALSE }, [REASON] = { "reason", TRUE }, [AUTHOR] = { "author", FALSE },
  };
  char *values[N] = { NULL, };
  int line = current_line (l);
  g_autofree char *author = NULL;
  g_autofree char *note = NULL;
  gint64 at = COHORTS_DATE_TIME_NONE;
  CohortsDate from = COHORTS_DATE_NONE, to = COHORTS_DATE_NONE;
  int reason = 0;
  gboolean ok;

  ok = read_attributes (l, "change", attrs, N, values);
  if (ok && !cohorts_date_change_subject_is_valid (values[SUBJECT]))
    ok = fail (l, COHORTS_PLAN_ERROR_INVALID, line,
               _("<change> subject=\"%s\" is not a school’s or a cohort’s: “school:” and a URN, "
                 "or “cohort:” and a cohort’s id"),
               values[SUBJECT]);
  ok = ok && attr_date_time (l, "change", "at", values[AT], &at) &&
       attr_date (l, "change", "from", values[FROM], &from) &&
       attr_date (l, "change", "to", values[TO], &to);
  if (ok && from == to)
    ok = fail (l, COHORTS_PLAN_ERROR_INVALID, line,
               _("<change> has the same date before and after; a change needs “from” or “to”, "
                 "and different dates"));
  ok = ok && attr_enum (l, "change", "reason", values[REASON], COHORTS_TYPE_DATE_CHANGE_REASON, &reason) &&
       attr_line (l, "change", "author", values[AUTHOR], &author);
  if (ok && author != NULL && author[0] == '\0')
    ok = fail (l, COHORTS_PLAN_ERROR_INVALID, line, _("<change> has an empty author"));
  ok = ok && read_text (l, "change", COHORTS_DATE_CHANGE_NOTE_MAX, &note);

  if (ok)
    {
      g_autoptr(CohortsDateChange) change = cohorts_date_change_new (values[SUBJECT], at, from, to,
                                                                     reason, author, note);
      cohorts_plan_load_date_change (l->plan, change);
    }
  free_values (values, N);
  return ok;
}


static gboolean
read_trust (Loader *l)
{
  static const AttributeSpec attrs[] = { { "kind", TRUE }, { "ukprn", FALSE }, { "reference", FALSE } };
  static const AttributeSpec team_attrs[] = {
    { "concurrent-conversions", FALSE }, { "conversions-per-term", FALSE },
    { "top-slice", FALSE }, { "annual-cost", FALSE }, { "funding-per-pupil", FALSE, 5 },
  };
  static const AttributeSpec growth_attrs[] = {
    { "academies-min", FALSE }, { "academies-max", FALSE }, { "pupils", FALSE }, { "within-years", FALSE },
  };
  static const AttributeSpec limits_attrs[] = {
    { "support-ratio", FALSE }, { "max-deficit-together", FALSE }, { "church-share-min", FALSE },
  };
  static const ChildSpec children[] = {
    { "name", TRUE, FALSE }, { "central-team", FALSE, FALSE },
    { "growth-target", FALSE, FALSE }, { "capacity-limits", FALSE, FALSE, 3 },
    { "notes", FALSE, FALSE }, { "extensions", FALSE, FALSE },
  };
  CohortsTrust *trust = cohorts_plan_get_trust (l->plan);
  Sequence seq = SEQUENCE ("trust", children);
  char *values[5] = { NULL, };
  int depth = xmlTextReaderDepth (l->reader);
  gboolean empty = xmlTextReaderIsEmptyElement (l->reader);
  int line = current_line (l);
  gboolean ok, at_end;

  ok = read_attributes (l, "trust", attrs, G_N_ELEMENTS (attrs), values) &&
       attr_enum (l, "trust", "kind", values[0], COHORTS_TYPE_TRUST_KIND, (int *) &trust->kind) &&
       attr_line (l, "trust", "ukprn", values[1], &trust->ukprn) &&
       attr_line (l, "trust", "reference", values[2], &trust->reference);

  /* Checked whenever the attribute is there: ukprn="" is not a UKPRN. */
  if (ok && values[1] != NULL && !cohorts_ukprn_is_valid (trust->ukprn))
    ok = fail (l, COHORTS_PLAN_ERROR_INVALID, line,
               _("<trust> ukprn=\"%s\" is not a UKPRN: eight digits starting with 1"), trust->ukprn);
  if (ok && values[2] != NULL && !cohorts_trust_reference_is_valid (trust->reference))
    ok = fail (l, COHORTS_PLAN_ERROR_INVALID, line,
               _("<trust> reference=\"%s\" is not a trust reference: TR and five digits"),
               trust->reference);
  free_values (values, G_N_ELEMENTS (attrs));
  if (!ok)
    return FALSE;

  while (next_child (l, "trust", depth, empty, &at_end))
    {
      switch (sequence_accept (l, &seq))
        {
        case -1:
          return FALSE;
        case 0:
          if (!read_text_element (l, "name", COHORTS_SHORT_TEXT_MAX, &trust->name))
            return FALSE;
          break;
        case 1:
          ok = read_attributes (l, "central-team", team_attrs, G_N_ELEMENTS (team_attrs), values) &&
               attr_count (l, "central-team", "concurrent-conversions", values[0], 999999999,
                           &trust->concurrent_conversions) &&
               attr_count (l, "central-team", "conversions-per-term", values[1], 999999999,
                           &trust->conversions_per_term) &&
               attr_percent (l, "central-team", "top-slice", values[2], &trust->top_slice) &&
               attr_amount (l, "central-team", "annual-cost", values[3], FALSE, &trust->annual_cost) &&
               attr_amount (l, "central-team", "funding-per-pupil", values[4], FALSE,
                            &trust->funding_per_pupil);
          free_values (values, G_N_ELEMENTS (team_attrs));
          if (!ok || !expect_empty (l, "central-team"))
            return FALSE;
          break;
        case 2:
          ok = read_attributes (l, "growth-target", growth_attrs, G_N_ELEMENTS (growth_attrs), values) &&
               attr_count (l, "growth-target", "academies-min", values[0], 999999999, &trust->academies_min) &&
               attr_count (l, "growth-target", "academies-max", values[1], 999999999, &trust->academies_max) &&
               attr_count (l, "growth-target", "pupils", values[2], 999999999, &trust->target_pupils) &&
               attr_count (l, "growth-target", "within-years", values[3], 999999999, &trust->within_years);
          free_values (values, G_N_ELEMENTS (growth_attrs));
          /* A minimum above the maximum is a finding, like reversed ages. */
          if (!ok || !expect_empty (l, "growth-target"))
            return FALSE;
          break;
        case 3:
          ok = read_attributes (l, "capacity-limits", limits_attrs, G_N_ELEMENTS (limits_attrs), values) &&
               attr_count (l, "capacity-limits", "support-ratio", values[0], 99, &trust->support_ratio) &&
               attr_count (l, "capacity-limits", "max-deficit-together", values[1], 999999999,
                           &trust->max_deficit_together) &&
               attr_percent (l, "capacity-limits", "church-share-min", values[2], &trust->church_share_min);
          free_values (values, G_N_ELEMENTS (limits_attrs));
          if (!ok || !expect_empty (l, "capacity-limits"))
            return FALSE;
          break;
        case 4:
          if (!read_text_element (l, "notes", COHORTS_NOTES_MAX, &trust->notes))
            return FALSE;
          break;
        case 5:
          if (!read_extensions (l, &trust->extensions))
            return FALSE;
          break;
        default:
          g_assert_not_reached ();
        }
    }

  return at_end && sequence_finish (l, &seq, line);
}

/* <readiness> (format version 4): the framework's thresholds and, for each
 * criterion at most once, its weight and whether it is critical (not unless
 * critical="true"). A criterion left out keeps its default weight and
 * critical flag; a plan without <readiness> has the default framework. */
static gboolean
read_readiness (Loader *l)
{
  static const AttributeSpec attrs[] = { { "green-min", FALSE }, { "amber-min", FALSE } };
  static const AttributeSpec criterion_attrs[] = {
    { "id", TRUE }, { "weight", TRUE }, { "critical", FALSE },
  };
  static const ChildSpec children[] = { { "criterion", FALSE, TRUE } };
  Sequence seq = SEQUENCE ("readiness", children);
  CohortsFramework framework;
  gboolean seen[COHORTS_N_CRITERIA] = { FALSE, };
  char *values[3] = { NULL, };
  int depth = xmlTextReaderDepth (l->reader);
  gboolean empty = xmlTextReaderIsEmptyElement (l->reader);
  int line = current_line (l);
  gboolean ok, at_end;

  cohorts_framework_init_default (&framework);
  ok = read_attributes (l, "readiness", attrs, G_N_ELEMENTS (attrs), values) &&
       attr_count (l, "readiness", "green-min", values[0], 100, &framework.green_min) &&
       attr_count (l, "readiness", "amber-min", values[1], 100, &framework.amber_min);
  free_values (values, G_N_ELEMENTS (attrs));
  if (ok && framework.amber_min > framework.green_min)
    ok = fail (l, COHORTS_PLAN_ERROR_INVALID, line,
               _("<readiness> amber-min=\"%d\" is above green-min=\"%d\"; amber must start at or "
                 "below green"),
               framework.amber_min, framework.green_min);
  if (!ok)
    return FALSE;

  while (next_child (l, "readiness", depth, empty, &at_end))
    {
      CohortsCriterion criterion = 0;
      int criterion_line = current_line (l);

      if (sequence_accept (l, &seq) < 0)
        return FALSE;

      ok = read_attributes (l, "criterion", criterion_attrs, G_N_ELEMENTS (criterion_attrs), values) &&
           attr_criterion (l, "criterion", "id", values[0], &criterion);
      if (ok)
        {
          const char *problem = NULL;
          gint64 weight = parse_number (values[1], COHORTS_WEIGHT_MIN, COHORTS_WEIGHT_MAX, &problem);

          if (problem != NULL)
            ok = fail (l, COHORTS_PLAN_ERROR_INVALID, criterion_line,
                       _("<criterion> weight=\"%s\" is not a weight: a whole number from 1 to 10"),
                       values[1]);
          else
            framework.weights[criterion] = (int) weight;
        }
      /* A criterion given is critical only when it says so. */
      if (ok)
        framework.critical[criterion] = FALSE;
      ok = ok && attr_boolean (l, "criterion", "critical", values[2], &framework.critical[criterion]);
      if (ok && seen[criterion])
        ok = fail (l, COHORTS_PLAN_ERROR_INVALID, criterion_line,
                   _("<readiness> has two criteria “%s”"), values[0]);
      free_values (values, G_N_ELEMENTS (criterion_attrs));
      if (!ok || !expect_empty (l, "criterion"))
        return FALSE;
      seen[criterion] = TRUE;
    }

  if (!at_end || !sequence_finish (l, &seq, line))
    return FALSE;
  cohorts_readiness_set_framework (l->plan->readiness, &framework);
  return TRUE;
}

static gboolean
read_plan (Loader *l)
{
  static const AttributeSpec attrs[] = { { "format-version", TRUE }, { "start", FALSE } };
  static const ChildSpec children[] = {
    { "title", FALSE, FALSE }, { "trust", TRUE, FALSE }, { "schedule", FALSE, FALSE, 2 },
    { "readiness", FALSE, FALSE, 4 }, { "schools", TRUE, FALSE }, { "cohorts", TRUE, FALSE },
    { "reviews", FALSE, FALSE, 6 }, { "baselines", FALSE, FALSE, 7 },
    { "date-changes", FALSE, FALSE, 7 }, { "extensions", FALSE, FALSE },
  };
  Sequence seq = SEQUENCE ("plan", children);
  char *values[G_N_ELEMENTS (attrs)] = { NULL, };
  const char *version_text;
  const char *problem = NULL;
  gboolean empty = xmlTextReaderIsEmptyElement (l->reader);
  int line = current_line (l);
  gboolean ok, at_end;

  /* The version decides everything else: look at it before anything. */
  version_text = (const char *) xmlTextReaderGetAttribute (l->reader, BAD_CAST "format-version");
  if (version_text == NULL)
    return fail (l, COHORTS_PLAN_ERROR_INVALID, line,
                 _("<plan> has no “format-version” attribute; it is required"));
  l->version = (int) parse_number (version_text, 1, G_MAXINT, &problem);
  if (problem != NULL)
    {
      fail (l, COHORTS_PLAN_ERROR_INVALID, line,
            _("<plan> format-version=\"%s\" is not a format version (a whole number from 1)"),
            version_text);
      xmlFree ((xmlChar *) version_text);
      return FALSE;
    }
  xmlFree ((xmlChar *) version_text);

  if (l->version > COHORTS_PLAN_FORMAT_VERSION)
    return fail (l, COHORTS_PLAN_ERROR_NEWER_VERSION, line,
                 _("this plan was saved by a newer version of Cohorts in format version %d; this "
                   "version reads formats up to %d. Install a newer Cohorts to open it."),
                 l->version, COHORTS_PLAN_FORMAT_VERSION);

  ok = read_attributes (l, "plan", attrs, G_N_ELEMENTS (attrs), values) &&
       attr_date (l, "plan", "start", values[1], &l->plan->start_date);
  free_values (values, G_N_ELEMENTS (attrs));
  if (!ok)
    return FALSE;

  while (next_child (l, "plan", 0, empty, &at_end))
    {
      switch (sequence_accept (l, &seq))
        {
        case -1:
          return FALSE;
        case 0:
          if (!read_text_element (l, "title", COHORTS_SHORT_TEXT_MAX, &l->plan->title))
            return FALSE;
          break;
        case 1:
          if (!read_trust (l))
            return FALSE;
          break;
        case 2:
          if (!read_schedule (l))
            return FALSE;
          break;
        case 3:
          if (!read_readiness (l))
            return FALSE;
          break;
        case 4:
          if (!read_schools (l))
            return FALSE;
          break;
        case 5:
          if (!read_list (l, LIST_COHORTS))
            return FALSE;
          break;
        case 6:
          if (!read_list (l, LIST_REVIEWS))
            return FALSE;
          break;
        case 7:
          if (!read_list (l, LIST_BASELINES))
            return FALSE;
          break;
        case 8:
          if (!read_list (l, LIST_DATE_CHANGES))
            return FALSE;
          break;
        case 9:
          if (!read_extensions (l, &l->plan->extensions))
            return FALSE;
          break;
        default:
          g_assert_not_reached ();
        }
    }

  return at_end && sequence_finish (l, &seq, line);
}

static gboolean
read_document (Loader *l)
{
  const char *encoding;

  /* Up to the root element: only comments, processing instructions, space. */
  do
    {
      if (!advance (l))
        return FALSE;
    }
  while (xmlTextReaderNodeType (l->reader) != XML_READER_TYPE_ELEMENT);

  encoding = (const char *) xmlTextReaderConstEncoding (l->reader);
  if (encoding != NULL && g_ascii_strcasecmp (encoding, "UTF-8") != 0)
    return fail (l, COHORTS_PLAN_ERROR_INVALID, 1,
                 _("the file declares the encoding %s; plan files are UTF-8"), encoding);

  if (g_strcmp0 (local_name (l), "plan") != 0 || !in_our_namespace (l))
    {
      const char *uri = (const char *) xmlTextReaderConstNamespaceUri (l->reader);

      if (uri == NULL)
        return fail (l, COHORTS_PLAN_ERROR_NOT_A_PLAN, current_line (l),
                     _("this is not a Cohorts plan: its root element is <%s> without a namespace; "
                       "a plan is <plan> in the namespace %s"),
                     local_name (l), COHORTS_PLAN_NAMESPACE);
      return fail (l, COHORTS_PLAN_ERROR_NOT_A_PLAN, current_line (l),
                   _("this is not a Cohorts plan: its root element is <%s> in the namespace %s; "
                     "a plan is <plan> in the namespace %s"),
                   local_name (l), uri, COHORTS_PLAN_NAMESPACE);
    }

  if (!read_plan (l))
    return FALSE;

  /* After the root: nothing but comments and space, to the end. */
  for (;;)
    {
      int ret = xmlTextReaderRead (l->reader);

      if (ret == 0)
        break;
      if (ret < 0)
        {
          if (l->error == NULL && l->syntax_message != NULL)
            fail_syntax (l);
          return fail (l, COHORTS_PLAN_ERROR_INVALID, xmlTextReaderGetParserLineNumber (l->reader),
                       _("the file has content after the end of the plan"));
        }
    }

  return TRUE;
}

/* The second pass of COHORTS_PLAN_LOAD_SCHEMA: libxml2's RELAX NG validator
 * over the bytes the first pass read. It runs only on files that passed the
 * loader's own checks and limits, which bound its time. */
static gboolean
validate_schema (Loader *l)
{
  xmlTextReaderPtr reader;
  gboolean valid;
  int ret;

  reader = xmlReaderForMemory ((const char *) l->copy->data, l->copy->len, NULL, "UTF-8",
                               XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_NOWARNING);
  if (reader == NULL)
    return fail (l, COHORTS_PLAN_ERROR_INVALID, 0, _("could not start reading the file"));

  g_clear_pointer (&l->validity_message, g_free);
  xmlTextReaderSetStructuredErrorHandler (reader, xml_error_cb, l);
  if (xmlTextReaderRelaxNGSetSchema (reader, get_schema (l->version)) != 0)
    g_error ("Could not apply the plan schema");

  while ((ret = xmlTextReaderRead (reader)) == 1)
    ;
  valid = ret == 0 && l->validity_message == NULL && xmlTextReaderIsValid (reader) == 1;
  xmlFreeTextReader (reader);

  if (!valid)
    {
      g_autofree char *name = schema_name (l->version);

      return fail (l, COHORTS_PLAN_ERROR_INVALID, l->validity_line,
                   /* Translators: "the plan does not follow the plan format (data/matplan.rng): …" */
                   _("the plan does not follow the plan format (data/%s): %s"), name,
                   l->validity_message ? l->validity_message : _("no details given"));
    }
  return TRUE;
}

/**
 * cohorts_plan_xml_load:
 * @display_name: how to name the file in messages ("northfield.matplan",
 *   or the path as typed on the command line)
 *
 * Reads a plan from @stream, validating it as it goes.
 *
 * Returns: (transfer full): the plan, or %NULL with @error set to a message
 *   "NAME:LINE: what is wrong" (in the #COHORTS_PLAN_ERROR domain, or
 *   %G_IO_ERROR_CANCELLED)
 */
CohortsPlan *
cohorts_plan_xml_load (GInputStream          *stream,
                       const char            *display_name,
                       CohortsPlanLoadFlags   flags,
                       GCancellable          *cancellable,
                       GError               **error)
{
  Loader l = { 0, };
  g_autoptr(CohortsPlan) plan = NULL;
  xmlGenericErrorFunc old_generic_error;
  void *old_generic_error_context;
  xmlStructuredErrorFunc old_structured_error;
  void *old_structured_error_context;
  gboolean ok;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  init_libxml ();
  old_generic_error = xmlGenericError;
  old_generic_error_context = xmlGenericErrorContext;
  old_structured_error = xmlStructuredError;
  old_structured_error_context = xmlStructuredErrorContext;
  xmlSetGenericErrorFunc (NULL, xml_generic_error_cb);
  xmlSetStructuredErrorFunc (NULL, xml_global_error_cb);
  g_private_set (&loading, &l);

  l.name = display_name;
  l.schema = (flags & COHORTS_PLAN_LOAD_SCHEMA) != 0;
  l.copy = l.schema ? g_byte_array_new () : NULL;
  l.stream = stream;
  l.cancellable = cancellable;
  l.scan_line = 1;
  l.school_lines = g_hash_table_new (NULL, NULL);
  l.cohort_lines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  l.member_lines = g_hash_table_new (NULL, NULL);
  l.marks = g_array_new (FALSE, FALSE, sizeof (Mark));
  l.plan = plan = cohorts_plan_new ();

  if (!check_stream_size (&l))
    ok = FALSE;
  else
    {
      /* No network, no DTD, no entity substitution; line numbers past 65535. */
      l.reader = xmlReaderForIO (read_cb, close_cb, &l, NULL, "UTF-8",
                                 XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_NOWARNING);
      if (l.reader == NULL)
        {
          fail (&l, COHORTS_PLAN_ERROR_INVALID, 0, _("could not start reading the file"));
          ok = FALSE;
        }
      else
        {
          xmlTextReaderSetStructuredErrorHandler (l.reader, xml_error_cb, &l);
          ok = read_document (&l);
          xmlFreeTextReader (l.reader);
          if (ok && l.schema)
            ok = validate_schema (&l);
        }
    }

  g_hash_table_unref (l.school_lines);
  g_hash_table_unref (l.cohort_lines);
  g_hash_table_unref (l.member_lines);
  g_array_unref (l.marks);
  g_clear_pointer (&l.copy, g_byte_array_unref);
  g_free (l.syntax_message);
  g_free (l.validity_message);
  g_private_set (&loading, NULL);
  xmlSetStructuredErrorFunc (old_structured_error_context, old_structured_error);
  xmlSetGenericErrorFunc (old_generic_error_context, old_generic_error);

  if (!ok)
    {
      g_assert (l.error != NULL);
      g_propagate_error (error, l.error);
      return NULL;
    }

  cohorts_plan_load_finish (plan, l.version);
  return g_steal_pointer (&plan);
}

/**
 * cohorts_plan_xml_load_file:
 * @display_name: (nullable): how to name the file in messages; by default
 *   its path as GIO parses it
 *
 * Returns: (transfer full): the plan, or %NULL with @error set
 */
CohortsPlan *
cohorts_plan_xml_load_file (GFile                 *file,
                            const char            *display_name,
                            CohortsPlanLoadFlags   flags,
                            GCancellable          *cancellable,
                            GError               **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autofree char *parse_name = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (display_name == NULL)
    display_name = parse_name = g_file_get_parse_name (file);

  stream = g_file_read (file, cancellable, &local_error);
  if (stream == NULL)
    {
      const char *reason;

      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        reason = _("there is no such file");
      else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
        reason = _("you do not have permission to read it");
      else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
        reason = _("it is a folder, not a file");
      else
        reason = local_error->message;

      g_set_error (error, G_IO_ERROR, local_error->code, "%s: %s", display_name, reason);
      return NULL;
    }

  return cohorts_plan_xml_load (G_INPUT_STREAM (stream), display_name, flags, cancellable, error);
}

/**
 * cohorts_plan_xml_load_data:
 *
 * Reads a plan held in memory (tests and fuzzing use this).
 *
 * Returns: (transfer full): the plan, or %NULL with @error set
 */
CohortsPlan *
cohorts_plan_xml_load_data (const char            *data,
                            gsize                  length,
                            const char            *display_name,
                            CohortsPlanLoadFlags   flags,
                            GError               **error)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (data, length, NULL);

  return cohorts_plan_xml_load (stream, display_name, flags, NULL, error);
}

static void
load_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GFile *file = task_data;
  g_autofree char *name = g_file_get_basename (file);
  GError *error = NULL;
  CohortsPlan *plan = cohorts_plan_xml_load_file (file, name, COHORTS_PLAN_LOAD_DEFAULT,
                                                  cancellable, &error);

  if (plan == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, plan, g_object_unref);
}

/**
 * cohorts_plan_xml_load_file_async:
 *
 * Reads a plan in a worker thread. Messages name the file by its base name.
 */
void
cohorts_plan_xml_load_file_async (GFile               *file,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, cohorts_plan_xml_load_file_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_thread);
}

/**
 * cohorts_plan_xml_load_file_finish:
 *
 * Returns: (transfer full): the plan, or %NULL with @error set
 */
CohortsPlan *
cohorts_plan_xml_load_file_finish (GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Writing */

static void
indent (GString *out,
        int      level)
{
  for (int i = 0; i < level; i++)
    g_string_append (out, "  ");
}

static void
attr_text (GString    *out,
           const char *name,
           const char *value)
{
  if (value == NULL || value[0] == '\0')
    return;
  g_string_append_printf (out, " %s=\"", name);
  append_escaped (out, value, TRUE);
  g_string_append_c (out, '"');
}

static void
attr_int (GString    *out,
          const char *name,
          gint64      value)
{
  if (value >= 0)
    g_string_append_printf (out, " %s=\"%" G_GINT64_FORMAT "\"", name, value);
}

static void
attr_urn_out (GString    *out,
              const char *name,
              guint       urn)
{
  if (urn != 0)
    g_string_append_printf (out, " %s=\"%u\"", name, urn);
}

static void
attr_date_out (GString     *out,
               const char  *name,
               CohortsDate  date)
{
  char buffer[11];

  if (date == COHORTS_DATE_NONE)
    return;
  cohorts_date_write_iso (date, buffer);
  g_string_append_printf (out, " %s=\"%s\"", name, buffer);
}

static void
attr_enum_out (GString    *out,
               const char *name,
               GType       type,
               int         value)
{
  if (value == 0 && cohorts_enum_has_unset_value (type))
    return;
  g_string_append_printf (out, " %s=\"%s\"", name, cohorts_enum_to_token (type, value));
}

static void
attr_flag (GString    *out,
           const char *name,
           gboolean    value)
{
  if (value)
    g_string_append_printf (out, " %s=\"true\"", name);
}

static void
attr_percent_out (GString    *out,
                  const char *name,
                  int         hundredths)
{
  if (hundredths < 0)
    return;
  if (hundredths % 100 == 0)
    g_string_append_printf (out, " %s=\"%d\"", name, hundredths / 100);
  else if (hundredths % 10 == 0)
    g_string_append_printf (out, " %s=\"%d.%d\"", name, hundredths / 100, (hundredths % 100) / 10);
  else
    g_string_append_printf (out, " %s=\"%d.%02d\"", name, hundredths / 100, hundredths % 100);
}

static void
text_element (GString    *out,
              int         level,
              const char *name,
              const char *text)
{
  indent (out, level);
  g_string_append_printf (out, "<%s>", name);
  append_escaped (out, text, FALSE);
  g_string_append_printf (out, "</%s>\n", name);
}

/* <element code="…">name</element>, left out when both are empty. */
static void
coded_element (GString    *out,
               int         level,
               const char *element,
               const char *code_attribute,
               const char *code,
               const char *name)
{
  if (code[0] == '\0' && name[0] == '\0')
    return;

  indent (out, level);
  g_string_append_printf (out, "<%s", element);
  attr_text (out, code_attribute, code);
  if (name[0] == '\0')
    {
      g_string_append (out, "/>\n");
      return;
    }
  g_string_append_c (out, '>');
  append_escaped (out, name, FALSE);
  g_string_append_printf (out, "</%s>\n", element);
}

static void
write_extensions (GString   *out,
                  int        level,
                  GPtrArray *extensions)
{
  if (extensions == NULL || extensions->len == 0)
    return;

  indent (out, level);
  g_string_append (out, "<extensions>\n");
  for (guint i = 0; i < extensions->len; i++)
    {
      indent (out, level + 1);
      g_string_append (out, g_ptr_array_index (extensions, i));
      g_string_append_c (out, '\n');
    }
  indent (out, level);
  g_string_append (out, "</extensions>\n");
}

static void
write_trust (GString      *out,
             CohortsTrust *trust)
{
  indent (out, 1);
  g_string_append (out, "<trust");
  attr_enum_out (out, "kind", COHORTS_TYPE_TRUST_KIND, trust->kind);
  attr_text (out, "ukprn", trust->ukprn);
  attr_text (out, "reference", trust->reference);
  g_string_append (out, ">\n");

  text_element (out, 2, "name", trust->name);

  if (trust->concurrent_conversions >= 0 || trust->conversions_per_term >= 0 ||
      trust->top_slice >= 0 || trust->annual_cost >= 0 || trust->funding_per_pupil >= 0)
    {
      indent (out, 2);
      g_string_append (out, "<central-team");
      attr_int (out, "concurrent-conversions", trust->concurrent_conversions);
      attr_int (out, "conversions-per-term", trust->conversions_per_term);
      attr_percent_out (out, "top-slice", trust->top_slice);
      attr_int (out, "annual-cost", trust->annual_cost);
      attr_int (out, "funding-per-pupil", trust->funding_per_pupil);
      g_string_append (out, "/>\n");
    }

  if (trust->academies_min >= 0 || trust->academies_max >= 0 ||
      trust->target_pupils >= 0 || trust->within_years >= 0)
    {
      indent (out, 2);
      g_string_append (out, "<growth-target");
      attr_int (out, "academies-min", trust->academies_min);
      attr_int (out, "academies-max", trust->academies_max);
      attr_int (out, "pupils", trust->target_pupils);
      attr_int (out, "within-years", trust->within_years);
      g_string_append (out, "/>\n");
    }

  if (trust->support_ratio >= 0 || trust->max_deficit_together >= 0 || trust->church_share_min >= 0)
    {
      indent (out, 2);
      g_string_append (out, "<capacity-limits");
      attr_int (out, "support-ratio", trust->support_ratio);
      attr_int (out, "max-deficit-together", trust->max_deficit_together);
      attr_percent_out (out, "church-share-min", trust->church_share_min);
      g_string_append (out, "/>\n");
    }

  if (trust->notes[0] != '\0')
    text_element (out, 2, "notes", trust->notes);

  write_extensions (out, 2, trust->extensions);

  indent (out, 1);
  g_string_append (out, "</trust>\n");
}

/* Every step's timing, even where it is the default: a plan keeps the
 * timings it was made with when the defaults change. */
static void
write_schedule (GString         *out,
                CohortsSchedule *schedule)
{
  indent (out, 1);
  g_string_append (out, "<schedule");
  attr_int (out, "church-lead-weeks", cohorts_schedule_get_church_lead_weeks (schedule));
  g_string_append (out, ">\n");

  for (CohortsStep step = 0; step < COHORTS_STEP_CONVERSION; step++)
    {
      indent (out, 2);
      g_string_append (out, "<step");
      attr_enum_out (out, "id", COHORTS_TYPE_STEP, step);
      attr_int (out, "weeks-before", cohorts_schedule_get_weeks_before (schedule, step));
      if (cohorts_step_lasts (step))
        attr_int (out, "weeks", cohorts_schedule_get_weeks (schedule, step));
      g_string_append (out, "/>\n");
    }

  indent (out, 1);
  g_string_append (out, "</schedule>\n");
}

/* Always written, every criterion, so that the file says how it weighs. */
static void
write_readiness (GString          *out,
                 CohortsReadiness *readiness)
{
  const CohortsFramework *framework = cohorts_readiness_get_framework (readiness);

  indent (out, 1);
  g_string_append_printf (out, "<readiness green-min=\"%d\" amber-min=\"%d\">\n",
                          framework->green_min, framework->amber_min);
  for (CohortsCriterion i = 0; i < COHORTS_N_CRITERIA; i++)
    {
      indent (out, 2);
      g_string_append_printf (out, "<criterion id=\"%s\" weight=\"%d\"",
                              cohorts_criterion_get_id (i), framework->weights[i]);
      attr_flag (out, "critical", framework->critical[i]);
      g_string_append (out, "/>\n");
    }
  indent (out, 1);
  g_string_append (out, "</readiness>\n");
}

static gboolean
has_report_card (CohortsSchool *school)
{
  if (school->report_card_date != COHORTS_DATE_NONE || school->safeguarding != COHORTS_SAFEGUARDING_UNKNOWN)
    return TRUE;
  for (guint i = 0; i < COHORTS_N_REPORT_AREAS; i++)
    if (school->report_grades[i] != COHORTS_REPORT_GRADE_NONE)
      return TRUE;
  return FALSE;
}

static void
write_consent (GString        *out,
               const char     *element,
               CohortsConsent  state,
               CohortsDate     requested,
               CohortsDate     decided)
{
  if (state == COHORTS_CONSENT_NONE && requested == COHORTS_DATE_NONE && decided == COHORTS_DATE_NONE)
    return;
  indent (out, 4);
  g_string_append_printf (out, "<%s", element);
  attr_enum_out (out, "state", COHORTS_TYPE_CONSENT, state);
  attr_date_out (out, "requested", requested);
  attr_date_out (out, "decided", decided);
  g_string_append (out, "/>\n");
}

static void
write_agreement (GString               *out,
                 const char            *element,
                 CohortsAgreementStage  stage,
                 CohortsDate            date)
{
  if (stage == COHORTS_AGREEMENT_NONE && date == COHORTS_DATE_NONE)
    return;
  indent (out, 4);
  g_string_append_printf (out, "<%s", element);
  attr_enum_out (out, "stage", COHORTS_TYPE_AGREEMENT_STAGE, stage);
  attr_date_out (out, "date", date);
  g_string_append (out, "/>\n");
}

static void
write_church_track (GString       *out,
                    CohortsSchool *school)
{
  if (!cohorts_school_has_church_track (school))
    return;

  indent (out, 3);
  g_string_append (out, "<church-track>\n");
  write_consent (out, "diocesan-consent", school->diocesan_consent, school->diocesan_consent_requested,
                 school->diocesan_consent_decided);
  write_consent (out, "site-trustees-consent", school->site_trustees_consent,
                 school->site_trustees_consent_requested, school->site_trustees_consent_decided);
  write_agreement (out, "supplemental-agreement", school->supplemental_agreement,
                   school->supplemental_agreement_date);
  write_agreement (out, "memorandum", school->memorandum, school->memorandum_date);
  if (school->foundation_governors >= 0 || school->governors >= 0)
    {
      indent (out, 4);
      g_string_append (out, "<governance");
      attr_int (out, "foundation-governors", school->foundation_governors);
      attr_int (out, "governors", school->governors);
      g_string_append (out, "/>\n");
    }
  indent (out, 3);
  g_string_append (out, "</church-track>\n");
}

static void
write_school (GString       *out,
              CohortsSchool *school)
{
  indent (out, 2);
  g_string_append (out, "<school");
  attr_urn_out (out, "urn", school->urn);
  attr_urn_out (out, "academy-urn", school->academy_urn);
  attr_enum_out (out, "phase", COHORTS_TYPE_PHASE, school->phase);
  attr_enum_out (out, "type", COHORTS_TYPE_ESTABLISHMENT_TYPE, school->establishment_type);
  attr_int (out, "low-age", school->low_age);
  attr_int (out, "high-age", school->high_age);
  attr_enum_out (out, "religious-character", COHORTS_TYPE_RELIGIOUS_CHARACTER, school->religious_character);
  attr_int (out, "pupils", school->pupils);
  attr_int (out, "capacity", school->capacity);
  attr_flag (out, "small", school->small);
  attr_flag (out, "rural", school->rural);
  attr_text (out, "town", school->town);
  attr_text (out, "postcode", school->postcode);
  attr_flag (out, "locked", school->locked);
  g_string_append (out, ">\n");

  text_element (out, 3, "name", school->name);
  coded_element (out, 3, "local-authority", "code", school->la_code, school->la_name);
  coded_element (out, 3, "diocese", "code", school->diocese_code, school->diocese_name);
  coded_element (out, 3, "current-trust", "reference", school->current_trust_reference,
                 school->current_trust_name);

  if (school->ofsted_grade != COHORTS_OFSTED_GRADE_NONE)
    {
      indent (out, 3);
      g_string_append (out, "<ofsted-grade");
      attr_date_out (out, "date", school->ofsted_date);
      attr_enum_out (out, "grade", COHORTS_TYPE_OFSTED_GRADE, school->ofsted_grade);
      g_string_append (out, "/>\n");
    }

  if (has_report_card (school))
    {
      gboolean any_area = FALSE;

      indent (out, 3);
      g_string_append (out, "<report-card");
      attr_date_out (out, "date", school->report_card_date);
      attr_enum_out (out, "safeguarding", COHORTS_TYPE_SAFEGUARDING, school->safeguarding);

      for (guint i = 0; i < COHORTS_N_REPORT_AREAS; i++)
        {
          if (school->report_grades[i] == COHORTS_REPORT_GRADE_NONE)
            continue;
          if (!any_area)
            g_string_append (out, ">\n");
          any_area = TRUE;
          indent (out, 4);
          g_string_append (out, "<area");
          attr_enum_out (out, "name", COHORTS_TYPE_REPORT_AREA, i);
          attr_enum_out (out, "grade", COHORTS_TYPE_REPORT_GRADE, school->report_grades[i]);
          g_string_append (out, "/>\n");
        }

      if (any_area)
        {
          indent (out, 3);
          g_string_append (out, "</report-card>\n");
        }
      else
        g_string_append (out, "/>\n");
    }

  if (school->siams_outcome != COHORTS_SIAMS_NONE)
    {
      indent (out, 3);
      g_string_append (out, "<siams");
      attr_date_out (out, "date", school->siams_date);
      attr_enum_out (out, "outcome", COHORTS_TYPE_SIAMS_OUTCOME, school->siams_outcome);
      g_string_append (out, "/>\n");
    }

  write_church_track (out, school);

  if (school->budget_balance != COHORTS_MONEY_UNKNOWN || school->budget_date != COHORTS_DATE_NONE ||
      school->recovery_plan || school->pfi)
    {
      indent (out, 3);
      g_string_append (out, "<finance");
      if (school->budget_balance != COHORTS_MONEY_UNKNOWN)
        g_string_append_printf (out, " balance=\"%" G_GINT64_FORMAT "\"", school->budget_balance);
      attr_date_out (out, "as-of", school->budget_date);
      attr_flag (out, "recovery-plan", school->recovery_plan);
      attr_flag (out, "pfi", school->pfi);
      g_string_append (out, "/>\n");
    }

  /* The school's own dates, in step order. */
  for (guint i = 0; i < COHORTS_N_STEPS; i++)
    {
      const CohortsMilestone *milestone = &school->milestones[i];

      if (milestone->state == COHORTS_MILESTONE_SCHEDULED)
        continue;
      indent (out, 3);
      g_string_append (out, "<milestone");
      attr_enum_out (out, "step", COHORTS_TYPE_STEP, i);
      if (cohorts_step_lasts (i))
        attr_date_out (out, "start", milestone->start);
      attr_date_out (out, "date", milestone->date);
      attr_enum_out (out, "state", COHORTS_TYPE_MILESTONE_STATE, milestone->state);
      g_string_append (out, "/>\n");
    }

  /* Its answers on the readiness criteria, in the framework's order. */
  for (guint i = 0; i < COHORTS_N_CRITERIA; i++)
    {
      const CohortsAnswer *answer = &school->answers[i];

      if (answer->state == COHORTS_ANSWER_NONE)
        continue;
      indent (out, 3);
      g_string_append_printf (out, "<answer criterion=\"%s\" state=\"%s\"",
                              cohorts_criterion_get_id (i), cohorts_answer_state_to_token (answer->state));
      attr_text (out, "note", answer->note);
      attr_date_out (out, "date", answer->date);
      g_string_append (out, "/>\n");
    }

  if (school->notes[0] != '\0')
    text_element (out, 3, "notes", school->notes);

  write_extensions (out, 3, school->extensions);

  indent (out, 2);
  g_string_append (out, "</school>\n");
}

static void
write_cohort (GString       *out,
              CohortsCohort *cohort)
{
  GListModel *members = G_LIST_MODEL (cohort->members);
  guint n = g_list_model_get_n_items (members);

  indent (out, 2);
  g_string_append (out, "<cohort");
  attr_text (out, "id", cohort->id);
  attr_date_out (out, "date", cohort->date);
  attr_enum_out (out, "status", COHORTS_TYPE_COHORT_STATUS, cohort->status);
  attr_flag (out, "locked", cohort->locked);
  g_string_append (out, ">\n");

  text_element (out, 3, "name", cohort->name);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CohortsSchool) school = g_list_model_get_item (members, i);

      indent (out, 3);
      g_string_append_printf (out, "<member urn=\"%u\"/>\n", school->urn);
    }

  if (cohort->notes[0] != '\0')
    text_element (out, 3, "notes", cohort->notes);

  write_extensions (out, 3, cohort->extensions);

  indent (out, 2);
  g_string_append (out, "</cohort>\n");
}

static void
attr_date_time_out (GString    *out,
                    const char *name,
                    gint64      time)
{
  g_autofree char *text = cohorts_date_time_to_iso (time);

  if (text[0] != '\0')
    g_string_append_printf (out, " %s=\"%s\"", name, text);
}

static void
write_reviews (GString    *out,
               GListModel *comments)
{
  guint n = g_list_model_get_n_items (comments);

  if (n == 0)
    return;

  g_string_append (out, "  <reviews>\n");
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CohortsComment) comment = g_list_model_get_item (comments, i);
      const char *text = cohorts_comment_get_text (comment);

      indent (out, 2);
      g_string_append (out, "<comment");
      attr_text (out, "id", cohorts_comment_get_id (comment));
      attr_text (out, "subject", cohorts_comment_get_subject (comment));
      attr_text (out, "author", cohorts_comment_get_author (comment));
      attr_date_time_out (out, "at", cohorts_comment_get_at (comment));
      attr_enum_out (out, "kind", COHORTS_TYPE_COMMENT_KIND, cohorts_comment_get_kind (comment));
      if (cohorts_comment_get_resolved (comment))
        {
          attr_flag (out, "resolved", TRUE);
          attr_text (out, "resolved-by", cohorts_comment_get_resolved_by (comment));
          attr_date_time_out (out, "resolved-at", cohorts_comment_get_resolved_at (comment));
        }
      attr_text (out, "reply-to", cohorts_comment_get_reply_to (comment));
      if (text[0] == '\0')
        g_string_append (out, "/>\n");
      else
        {
          g_string_append_c (out, '>');
          append_escaped (out, text, FALSE);
          g_string_append (out, "</comment>\n");
        }
    }
  g_string_append (out, "  </reviews>\n");
}

static void
write_baselines (GString    *out,
                 GListModel *baselines)
{
  guint n = g_list_model_get_n_items (baselines);

  if (n == 0)
    return;

  g_string_append (out, "  <baselines>\n");
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CohortsBaseline) baseline = g_list_model_get_item (baselines, i);
      guint n_cohorts = cohorts_baseline_get_n_cohorts (baseline);
      guint n_entries = cohorts_baseline_get_n_entries (baseline);

      indent (out, 2);
      g_string_append (out, "<baseline");
      attr_text (out, "id", cohorts_baseline_get_id (baseline));
      attr_text (out, "name", cohorts_baseline_get_name (baseline));
      attr_date_time_out (out, "at", cohorts_baseline_get_at (baseline));
      if (n_cohorts + n_entries == 0)
        {
          g_string_append (out, "/>\n");
          continue;
        }
      g_string_append (out, ">\n");

      for (guint j = 0; j < n_cohorts; j++)
        {
          const CohortsBaselineCohort *cohort = cohorts_baseline_get_cohort (baseline, j);

          indent (out, 3);
          g_string_append (out, "<cohort");
          attr_text (out, "id", cohort->id);
          attr_date_out (out, "date", cohort->date);
          if (cohort->name[0] == '\0')
            g_string_append (out, "/>\n");
          else
            {
              g_string_append_c (out, '>');
              append_escaped (out, cohort->name, FALSE);
              g_string_append (out, "</cohort>\n");
            }
        }

      for (guint j = 0; j < n_entries; j++)
        {
          const CohortsBaselineEntry *entry = cohorts_baseline_get_entry (baseline, j);

          indent (out, 3);
          g_string_append (out, "<entry");
          attr_urn_out (out, "urn", entry->urn);
          if (entry->cohort >= 0)
            attr_text (out, "cohort", cohorts_baseline_get_cohort (baseline, entry->cohort)->id);
          attr_date_out (out, "date", entry->date);
          if (entry->name[0] == '\0')
            g_string_append (out, "/>\n");
          else
            {
              g_string_append_c (out, '>');
              append_escaped (out, entry->name, FALSE);
              g_string_append (out, "</entry>\n");
            }
        }

      indent (out, 2);
      g_string_append (out, "</baseline>\n");
    }
  g_string_append (out, "  </baselines>\n");
}

static void
write_date_changes (GString    *out,
                    GListModel *changes)
{
  guint n = g_list_model_get_n_items (changes);

  if (n == 0)
    return;

  g_string_append (out, "  <date-changes>\n");
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CohortsDateChange) change = g_list_model_get_item (changes, i);
      const char *note = cohorts_date_change_get_note (change);

      indent (out, 2);
      g_string_append (out, "<change");
      attr_text (out, "subject", cohorts_date_change_get_subject (change));
      attr_date_time_out (out, "at", cohorts_date_change_get_at (change));
      attr_date_out (out, "from", cohorts_date_change_get_from (change));
      attr_date_out (out, "to", cohorts_date_change_get_to (change));
      attr_enum_out (out, "reason", COHORTS_TYPE_DATE_CHANGE_REASON, cohorts_date_change_get_reason (change));
      attr_text (out, "author", cohorts_date_change_get_author (change));
      if (note[0] == '\0')
        g_string_append (out, "/>\n");
      else
        {
          g_string_append_c (out, '>');
          append_escaped (out, note, FALSE);
          g_string_append (out, "</change>\n");
        }
    }
  g_string_append (out, "  </date-changes>\n");
}

/**
 * cohorts_plan_xml_to_bytes:
 *
 * Writes @plan in the current format version, in canonical form: the same
 * plan always gives the same bytes.
 *
 * Returns: (transfer full): the document, UTF-8
 */
GBytes *
cohorts_plan_xml_to_bytes (CohortsPlan *plan)
{
  GListModel *schools, *cohorts;
  GString *out;
  guint n;

  g_return_val_if_fail (COHORTS_IS_PLAN (plan), NULL);

  schools = G_LIST_MODEL (plan->schools);
  cohorts = G_LIST_MODEL (plan->cohorts);
  out = g_string_sized_new (4096 + 1024 * g_list_model_get_n_items (schools));

  g_string_append (out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  g_string_append_printf (out, "<plan xmlns=\"%s\" format-version=\"%d\"",
                          COHORTS_PLAN_NAMESPACE, COHORTS_PLAN_FORMAT_VERSION);
  attr_date_out (out, "start", plan->start_date);
  g_string_append (out, ">\n");

  if (plan->title[0] != '\0')
    text_element (out, 1, "title", plan->title);

  write_trust (out, plan->trust);
  write_schedule (out, plan->schedule);
  write_readiness (out, plan->readiness);

  n = g_list_model_get_n_items (schools);
  if (n == 0)
    g_string_append (out, "  <schools/>\n");
  else
    {
      g_string_append (out, "  <schools>\n");
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(CohortsSchool) school = g_list_model_get_item (schools, i);
          write_school (out, school);
        }
      g_string_append (out, "  </schools>\n");
    }

  n = g_list_model_get_n_items (cohorts);
  if (n == 0)
    g_string_append (out, "  <cohorts/>\n");
  else
    {
      g_string_append (out, "  <cohorts>\n");
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(CohortsCohort) cohort = g_list_model_get_item (cohorts, i);
          write_cohort (out, cohort);
        }
      g_string_append (out, "  </cohorts>\n");
    }

  write_reviews (out, G_LIST_MODEL (plan->comments));
  write_baselines (out, G_LIST_MODEL (plan->baselines));
  write_date_changes (out, G_LIST_MODEL (plan->date_changes));
  write_extensions (out, 1, plan->extensions);

  g_string_append (out, "</plan>\n");

  return g_string_free_to_bytes (out);
}

/* A local file is replaced by cohorts_file_replace() (temporary file named
 * after the process, fsync, rename, folder fsync, stale temporary files of
 * dead processes removed); any other through GIO, which does the same but
 * for the last two. */
static gboolean
save_bytes (GFile         *file,
            GBytes        *bytes,
            GCancellable  *cancellable,
            GError       **error)
{
  const char *path = g_file_peek_path (file);

  if (path != NULL)
    return cohorts_file_replace (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                 TRUE, cancellable, error);
  return g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                  NULL, TRUE, G_FILE_CREATE_NONE, NULL, cancellable, error);
}

/**
 * cohorts_plan_xml_save_file:
 *
 * Saves @plan to @file safely: the new content goes to a temporary file
 * beside it, is flushed to disk, and replaces @file in one rename; the
 * previous version stays as "@file~". If anything fails, @file is as it was.
 * The plan's history is not touched: the caller marks the plan saved.
 */
gboolean
cohorts_plan_xml_save_file (CohortsPlan   *plan,
                            GFile         *file,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (COHORTS_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  bytes = cohorts_plan_xml_to_bytes (plan);
  return save_bytes (file, bytes, cancellable, error);
}

static void
save_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GFile *file = g_object_get_data (G_OBJECT (task), "file");
  GError *error = NULL;

  if (save_bytes (file, task_data, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * cohorts_plan_xml_save_file_async:
 *
 * Like cohorts_plan_xml_save_file(); the plan is written to memory at once
 * (so later edits do not reach the file), the file written in a thread.
 */
void
cohorts_plan_xml_save_file_async (CohortsPlan         *plan,
                                  GFile               *file,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (COHORTS_IS_PLAN (plan));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (plan, cancellable, callback, user_data);
  g_task_set_source_tag (task, cohorts_plan_xml_save_file_async);
  g_object_set_data_full (G_OBJECT (task), "file", g_object_ref (file), g_object_unref);
  g_task_set_task_data (task, cohorts_plan_xml_to_bytes (plan), (GDestroyNotify) g_bytes_unref);
  g_task_run_in_thread (task, save_thread);
}

gboolean
cohorts_plan_xml_save_file_finish (CohortsPlan   *plan,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, plan), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
