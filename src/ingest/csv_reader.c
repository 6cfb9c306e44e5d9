/* csv_reader: one export file → rows of UTF-8 fields (see csv_reader.h). */
#include "ingest/csv_reader.h"

#include <csv.h>
#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <nettle/sha2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

enum {
	READ_CHUNK = 64 * 1024,  /* bytes read from the file at a time */
	PARSER_BLOCK = 64 * 1024, /* step by which libcsv grows its field buffer */
	UTF8_PER_CP1252 = 3,     /* UTF-8 bytes per Windows-1252 byte, at most */
	BOM_BYTES = 3
};

static const unsigned char utf8_bom[BOM_BYTES] = { 0xEF, 0xBB, 0xBF };

const char *csv_encoding_name(csv_encoding e)
{
	switch (e) {
	case CSV_ENC_UTF8:
		return "utf-8";
	case CSV_ENC_UTF8_BOM:
		return "utf-8-bom";
	case CSV_ENC_WINDOWS_1252:
		return "windows-1252";
	}
	return "unknown";
}

/* ---- reading ---------------------------------------------------------- */

/* Reads up to want bytes, fewer only at the end of the file. Returns the
 * count, or -1 with errno set. */
static ssize_t read_full(int fd, unsigned char *buf, size_t want)
{
	size_t got = 0;

	while (got < want) {
		ssize_t n = read(fd, buf + got, want - got);

		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		if (n == 0)
			break;
		got += (size_t)n;
	}
	return (ssize_t)got;
}

/* ---- byte checks: NUL bytes, UTF-8 validity, undefined 1252 bytes ------ */

/* What the checks found so far; each *_line is 0 while nothing was found. */
struct bytecheck {
	long line;              /* physical line of the next byte */
	long nul_line;          /* first NUL byte */
	long utf8_bad_line;     /* first invalid UTF-8 sequence */
	long cp1252_bad_line;   /* first byte Windows-1252 leaves undefined */
	unsigned char cp1252_bad_byte;
	int need;               /* UTF-8 continuation bytes still expected */
	unsigned char lo, hi;   /* range allowed for the next continuation byte */
	unsigned char last;     /* the last byte seen */
	off_t bytes;            /* bytes seen */
};

static void bytecheck_init(struct bytecheck *bc)
{
	memset(bc, 0, sizeof(*bc));
	bc->line = 1;
}

static void utf8_bad(struct bytecheck *bc)
{
	if (!bc->utf8_bad_line)
		bc->utf8_bad_line = bc->line;
	bc->need = 0;
}

/* Starts a UTF-8 sequence at lead byte c (>= 0x80). The second-byte ranges
 * reject overlong forms (E0, F0), surrogates (ED) and code points above
 * U+10FFFF (F4); C0, C1 and F5..FF never start a sequence. */
static void utf8_lead(struct bytecheck *bc, unsigned char c)
{
	bc->lo = 0x80;
	bc->hi = 0xBF;
	if (c >= 0xC2 && c <= 0xDF) {
		bc->need = 1;
	} else if (c >= 0xE0 && c <= 0xEF) {
		bc->need = 2;
		if (c == 0xE0)
			bc->lo = 0xA0;
		else if (c == 0xED)
			bc->hi = 0x9F;
	} else if (c >= 0xF0 && c <= 0xF4) {
		bc->need = 3;
		if (c == 0xF0)
			bc->lo = 0x90;
		else if (c == 0xF4)
			bc->hi = 0x8F;
	} else {
		utf8_bad(bc);
	}
}

static void bytecheck_update(struct bytecheck *bc, const unsigned char *p,
                             size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = p[i];

		if (c < 0x80) {
			if (bc->need)
				utf8_bad(bc);
			if (c == 0 && !bc->nul_line)
				bc->nul_line = bc->line;
			else if (c == '\n')
				bc->line++;
			continue;
		}
		if ((c == 0x81 || c == 0x8D || c == 0x8F || c == 0x90 ||
		     c == 0x9D) && !bc->cp1252_bad_line) {
			bc->cp1252_bad_line = bc->line;
			bc->cp1252_bad_byte = c;
		}
		if (bc->need) {
			if (c >= bc->lo && c <= bc->hi) {
				bc->need--;
				bc->lo = 0x80;
				bc->hi = 0xBF;
				continue;
			}
			utf8_bad(bc);
		}
		utf8_lead(bc, c);
	}
	if (n) {
		bc->last = p[n - 1];
		bc->bytes += (off_t)n;
	}
}

/* At the end of the file: a sequence still open is invalid. */
static void bytecheck_finish(struct bytecheck *bc)
{
	if (bc->need)
		utf8_bad(bc);
}

/* ---- quote tracking ----------------------------------------------------- */

/* Whether the bytes so far end inside a quoted field. Q_CLOSED follows a
 * quote inside a quoted field: it closed the field, unless another quote
 * follows at once (a doubled quote). In a file libcsv accepts in strict
 * mode quotes only open and close whole fields, so this follows libcsv. */
enum quote_state { Q_OUT, Q_IN, Q_CLOSED };

/* ---- pass 1: the header record and the delimiter ----------------------- */

/* Finds the header: the first record (up to an LF outside quotes) that has
 * a byte other than blanks, quotes and delimiters, and counts ';' and ','
 * outside quotes in it. */
struct header_scan {
	long line;        /* physical line of the next byte */
	long start;       /* line where the record being scanned starts */
	enum quote_state q;
	int content;      /* the record has a byte that makes it non-blank */
	long semicolons, commas;
	long found;       /* line where the header starts; 0 while not found */
};

static void header_scan_init(struct header_scan *hs)
{
	memset(hs, 0, sizeof(*hs));
	hs->line = 1;
	hs->start = 1;
	hs->q = Q_OUT;
}

static int is_blank_byte(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static void header_scan_update(struct header_scan *hs, const unsigned char *p,
                               size_t n)
{
	for (size_t i = 0; i < n && !hs->found; i++) {
		unsigned char c = p[i];

		if (hs->q == Q_CLOSED) {
			if (c == '"') {
				hs->q = Q_IN;
				continue;
			}
			hs->q = Q_OUT;
		}
		if (hs->q == Q_IN) {
			if (c == '"')
				hs->q = Q_CLOSED;
			else if (!is_blank_byte(c))
				hs->content = 1;
		} else if (c == '"') {
			hs->q = Q_IN;
		} else if (c == ';') {
			hs->semicolons++;
		} else if (c == ',') {
			hs->commas++;
		} else if (c == '\n') {
			if (hs->content) {
				hs->found = hs->start;
				break;
			}
			hs->start = hs->line + 1;
			hs->semicolons = hs->commas = 0;
		} else if (!is_blank_byte(c)) {
			hs->content = 1;
		}
		if (c == '\n')
			hs->line++;
	}
}

/* At the end of the file: a last record without a line end counts too. */
static void header_scan_finish(struct header_scan *hs)
{
	if (!hs->found && hs->content)
		hs->found = hs->start;
}

struct pass1 {
	struct bytecheck bc;
	struct header_scan hs;
	int bom;
	unsigned char sha256[SHA256_DIGEST_SIZE];
};

/* Pass 1 over fd (at offset 0): hashes the file and runs the byte checks
 * and the header scan. Fails on a read error or a NUL byte. */
static int scan_file(int fd, unsigned char *buf, struct pass1 *p1,
                     const char *path, const char *name, vbs_error *err)
{
	struct sha256_ctx sha;
	int first = 1;

	memset(p1, 0, sizeof(*p1));
	bytecheck_init(&p1->bc);
	header_scan_init(&p1->hs);
	sha256_init(&sha);
	for (;;) {
		ssize_t n = read_full(fd, buf, READ_CHUNK);
		size_t skip = 0;

		if (n < 0)
			return error_set(err, VBS_E_DATA, name, 0, NULL,
			                 "unable to read '%s': %s; check that the file is readable",
			                 path, strerror(errno));
		if (n == 0)
			break;
		sha256_update(&sha, (size_t)n, buf);
		if (first && n >= BOM_BYTES && !memcmp(buf, utf8_bom, BOM_BYTES)) {
			p1->bom = 1;
			skip = BOM_BYTES;
		}
		first = 0;
		bytecheck_update(&p1->bc, buf, (size_t)n);
		if (p1->bc.nul_line)
			return error_set(err, VBS_E_DATA, name, p1->bc.nul_line, NULL,
			                 "not a text file (it holds a NUL byte); export the data again as CSV");
		if (!p1->hs.found)
			header_scan_update(&p1->hs, buf + skip, (size_t)n - skip);
	}
	bytecheck_finish(&p1->bc);
	header_scan_finish(&p1->hs);
	sha256_digest(&sha, SHA256_DIGEST_SIZE, p1->sha256);
	return 0;
}

/* Decides the encoding from the byte checks, or fails when the bytes fit
 * none of the three. */
static int decide_encoding(const struct pass1 *p1, csv_encoding *enc,
                           const char *name, vbs_error *err)
{
	if (p1->bom) {
		if (p1->bc.utf8_bad_line)
			return error_set(err, VBS_E_DATA, name, p1->bc.utf8_bad_line, NULL,
			                 "the file starts with a UTF-8 byte-order mark but this line is not valid UTF-8; export it again as UTF-8");
		*enc = CSV_ENC_UTF8_BOM;
	} else if (!p1->bc.utf8_bad_line) {
		*enc = CSV_ENC_UTF8;
	} else {
		if (p1->bc.cp1252_bad_line)
			return error_set(err, VBS_E_DATA, name, p1->bc.cp1252_bad_line, NULL,
			                 "byte 0x%02X is neither valid UTF-8 here nor defined in Windows-1252; the encoding is unknown: export the file again as UTF-8",
			                 (unsigned)p1->bc.cp1252_bad_byte);
		*enc = CSV_ENC_WINDOWS_1252;
	}
	return 0;
}

/* ---- pass 2: parsing with libcsv --------------------------------------- */

struct reader {
	const char *name;     /* the file errors name */
	vbs_error *err;
	csv_row_fn on_row;
	void *ctx;
	long line;            /* physical line being fed to libcsv */
	long rec_line;        /* line where the record being parsed starts; 0: none */
	long header_line;     /* records starting before it are blank (pass 1) */
	long index;           /* index of the next delivered row; 0: the header */
	int failed;           /* err is filled (here or by on_row): stop */
	enum quote_state q;   /* quote state after the bytes fed so far */
	long quote_line;      /* line of the last opening quote */
	/* The record being collected: field bytes, each followed by a NUL. */
	char *buf;
	size_t len, cap;
	size_t *offsets, *lengths;
	char **fields;
	size_t nfields, fcap;
	/* The header row, to name columns in errors. */
	char *hdr_buf;
	size_t *hdr_offsets;
	size_t hdr_n;
};

static void reader_release(struct reader *r)
{
	free(r->buf);
	free(r->offsets);
	free(r->lengths);
	free(r->fields);
	free(r->hdr_buf);
	free(r->hdr_offsets);
	memset(r, 0, sizeof(*r));
}

/* The header's name of field i (0-based), or NULL while none is known. */
static const char *column_name(const struct reader *r, size_t i)
{
	return i < r->hdr_n ? r->hdr_buf + r->hdr_offsets[i] : NULL;
}

static void reader_fail_nomem(struct reader *r)
{
	error_set(r->err, VBS_E_SOFTWARE, r->name, r->line, NULL,
	          "out of memory while reading the file; free memory and run again");
	r->failed = 1;
}

/* Makes room for one more field and n more bytes of field data. */
static int reader_reserve(struct reader *r, size_t n)
{
	if (r->nfields == r->fcap) {
		size_t cap = r->fcap ? 2 * r->fcap : 16;
		size_t *o, *l;
		char **f;

		if (cap > CSV_MAX_FIELDS)
			cap = CSV_MAX_FIELDS;
		o = realloc(r->offsets, cap * sizeof(*o));
		if (!o)
			return -1;
		r->offsets = o;
		l = realloc(r->lengths, cap * sizeof(*l));
		if (!l)
			return -1;
		r->lengths = l;
		f = realloc(r->fields, cap * sizeof(*f));
		if (!f)
			return -1;
		r->fields = f;
		r->fcap = cap;
	}
	if (r->cap - r->len < n) {
		size_t cap = r->cap ? r->cap : 4096;
		char *b;

		while (cap - r->len < n)
			cap *= 2;
		b = realloc(r->buf, cap);
		if (!b)
			return -1;
		r->buf = b;
		r->cap = cap;
	}
	return 0;
}

/* libcsv's field callback: appends the field to the record. */
static void on_field(void *s, size_t n, void *data)
{
	struct reader *r = data;

	if (r->failed)
		return;
	if (!r->rec_line)
		r->rec_line = r->line;
	if (r->nfields == CSV_MAX_FIELDS) {
		error_set(r->err, VBS_E_DATA, r->name, r->rec_line, NULL,
		          "the record has more than %d fields; check the delimiter and the quoting of this record",
		          CSV_MAX_FIELDS);
		r->failed = 1;
		return;
	}
	if (n > CSV_MAX_FIELD_BYTES || r->len + n + 1 > CSV_MAX_RECORD_BYTES) {
		error_set(r->err, VBS_E_DATA, r->name, r->rec_line,
		          column_name(r, r->nfields),
		          n > CSV_MAX_FIELD_BYTES ?
		          "a field is longer than %d bytes; a quote is probably never closed: check the quoting of this record" :
		          "the record is longer than %d bytes; a quote is probably never closed: check the quoting of this record",
		          n > CSV_MAX_FIELD_BYTES ? CSV_MAX_FIELD_BYTES : CSV_MAX_RECORD_BYTES);
		r->failed = 1;
		return;
	}
	if (reader_reserve(r, n + 1)) {
		reader_fail_nomem(r);
		return;
	}
	if (n)
		memcpy(r->buf + r->len, s, n);
	r->buf[r->len + n] = '\0';
	r->offsets[r->nfields] = r->len;
	r->lengths[r->nfields] = n;
	r->nfields++;
	r->len += n + 1;
}

/* Whether every field of the record is empty or only blanks. */
static int record_is_blank(const struct reader *r)
{
	for (size_t i = 0; i < r->len; i++)
		if (r->buf[i] != '\0' && !is_blank_byte((unsigned char)r->buf[i]))
			return 0;
	return 1;
}

/* Keeps a copy of the header row for column names in errors. */
static int keep_header(struct reader *r)
{
	r->hdr_buf = malloc(r->len);
	r->hdr_offsets = malloc(r->nfields * sizeof(*r->hdr_offsets));
	if (!r->hdr_buf || !r->hdr_offsets)
		return -1;
	memcpy(r->hdr_buf, r->buf, r->len);
	memcpy(r->hdr_offsets, r->offsets, r->nfields * sizeof(*r->hdr_offsets));
	r->hdr_n = r->nfields;
	return 0;
}

/* libcsv's row callback: delivers the record unless it is blank. */
static void on_record(int c, void *data)
{
	struct reader *r = data;
	long line = r->rec_line ? r->rec_line : r->line;
	csv_row row;

	(void)c;
	if (r->failed)
		return;
	r->rec_line = 0;
	if (line < r->header_line || r->nfields == 0 || record_is_blank(r))
		goto done;
	for (size_t i = 0; i < r->nfields; i++)
		r->fields[i] = r->buf + r->offsets[i];
	row.nfields = r->nfields;
	row.fields = r->fields;
	row.lengths = r->lengths;
	row.line = line;
	row.index = r->index;
	if (r->index == 0 && keep_header(r)) {
		reader_fail_nomem(r);
		return;
	}
	if (r->on_row && r->on_row(&row, r->ctx, r->err) != 0) {
		r->failed = 1;
		return;
	}
	r->index++;
done:
	r->nfields = 0;
	r->len = 0;
}

/* Follows the quotes of data (part of line r->line). */
static void track_quotes(struct reader *r, const char *data, size_t n)
{
	const char *s = data, *end = data + n;

	while (s < end) {
		const char *quote;

		if (r->q == Q_CLOSED) {
			if (*s == '"') {
				r->q = Q_IN;
				s++;
				continue;
			}
			r->q = Q_OUT;
		}
		quote = memchr(s, '"', (size_t)(end - s));
		if (!quote)
			break;
		if (r->q == Q_OUT) {
			r->q = Q_IN;
			r->quote_line = r->line;
		} else {
			r->q = Q_CLOSED;
		}
		s = quote + 1;
	}
}

static int is_space_never(unsigned char c)
{
	(void)c;
	return 0;
}

/* Feeds data, a part of physical line r->line that ends at its LF or
 * earlier, to libcsv, converting it to UTF-8 first when cd is open. */
static int feed(struct reader *r, struct csv_parser *parser, iconv_t cd,
                char *conv, char *data, size_t n)
{
	size_t used;

	if (cd != (iconv_t)-1) {
		char *in = data, *out = conv;
		size_t inleft = n, outleft = n * UTF8_PER_CP1252;

		if (iconv(cd, &in, &inleft, &out, &outleft) == (size_t)-1) {
			if (errno == EILSEQ || errno == EINVAL)
				return error_set(r->err, VBS_E_DATA, r->name, r->line, NULL,
				                 "a byte on this line is not defined in Windows-1252; export the file again as UTF-8");
			return error_set(r->err, VBS_E_SOFTWARE, r->name, r->line, NULL,
			                 "unable to convert from Windows-1252: %s", strerror(errno));
		}
		data = conv;
		n = (size_t)(out - conv);
	}
	if (!r->rec_line) {
		for (size_t i = 0; i < n; i++) {
			if (data[i] != '\r' && data[i] != '\n') {
				r->rec_line = r->line;
				break;
			}
		}
	}
	track_quotes(r, data, n);
	used = csv_parse(parser, data, n, on_field, on_record, r);
	if (r->failed)
		return -1;
	if (used < n) {
		switch (csv_error(parser)) {
		case CSV_EPARSE:
			return error_set(r->err, VBS_E_DATA, r->name, r->line,
			                 column_name(r, r->nfields),
			                 "malformed quotes: a quote inside an unquoted field, or text after a closing quote; a quoted field must be enclosed whole in quotes, with each quote inside it doubled: fix the file or export it again");
		case CSV_ENOMEM:
			reader_fail_nomem(r);
			return -1;
		default:
			return error_set(r->err, VBS_E_DATA, r->name, r->line,
			                 column_name(r, r->nfields),
			                 "unable to parse the line: %s; check the quoting of this record",
			                 csv_strerror(csv_error(parser)));
		}
	}
	/* libcsv hands a field over only when it ends: stop a field that never
	 * ends (an unclosed quote in a huge file) before it eats the memory. */
	if (csv_get_buffer_size(parser) > (size_t)CSV_MAX_FIELD_BYTES + 2 * PARSER_BLOCK)
		return error_set(r->err, VBS_E_DATA, r->name,
		                 r->rec_line ? r->rec_line : r->line,
		                 column_name(r, r->nfields),
		                 "a field is longer than %d bytes; a quote is probably never closed: check the quoting of this record",
		                 CSV_MAX_FIELD_BYTES);
	return 0;
}

static int changed_error(const char *name, vbs_error *err)
{
	return error_set(err, VBS_E_DATA, name, 0, NULL,
	                 "the file changed while it was being read; it is probably still being written: run again when the export has finished");
}

/* Pass 2 over fd (at offset 0): reads the bytes pass 1 saw, re-checks them
 * for the encoding decided, and parses them with libcsv. */
static int parse_file(int fd, unsigned char *buf, const struct pass1 *p1,
                      csv_encoding enc, char delimiter, struct reader *r)
{
	struct csv_parser parser;
	int parser_ready = 0;
	iconv_t cd = (iconv_t)-1;
	char *conv = NULL;
	struct bytecheck bc;
	off_t left = p1->bc.bytes;
	size_t skip = p1->bom ? BOM_BYTES : 0;
	int ret = -1;

	if (enc == CSV_ENC_WINDOWS_1252) {
		cd = iconv_open("UTF-8", "WINDOWS-1252");
		if (cd == (iconv_t)-1) {
			error_set(r->err, VBS_E_SOFTWARE, r->name, 0, NULL,
			          "unable to convert from Windows-1252: iconv: %s; install the glibc converters (gconv)",
			          strerror(errno));
			goto fail;
		}
		conv = malloc((size_t)READ_CHUNK * UTF8_PER_CP1252);
		if (!conv) {
			reader_fail_nomem(r);
			goto fail;
		}
	}
	if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI) != 0) {
		reader_fail_nomem(r);
		goto fail;
	}
	parser_ready = 1;
	csv_set_delim(&parser, (unsigned char)delimiter);
	/* By default libcsv trims spaces and tabs around unquoted fields; we
	 * deliver fields as they stand. */
	csv_set_space_func(&parser, is_space_never);
	csv_set_blk_size(&parser, PARSER_BLOCK);
	bytecheck_init(&bc);
	r->line = 1;
	r->header_line = p1->hs.found;
	r->q = Q_OUT;
	while (left > 0) {
		size_t want = left < READ_CHUNK ? (size_t)left : READ_CHUNK;
		ssize_t n = read_full(fd, buf, want);
		size_t off = skip;

		if (n < 0) {
			error_set(r->err, VBS_E_DATA, r->name, 0, NULL,
			          "unable to read the file: %s; check that it is readable",
			          strerror(errno));
			goto fail;
		}
		if (n == 0) {
			changed_error(r->name, r->err);
			goto fail;
		}
		left -= n;
		skip = 0;
		/* Check the whole chunk before any of it reaches libcsv: invalid
		 * UTF-8 must never come out, even if the file changed. */
		bytecheck_update(&bc, buf, (size_t)n);
		if (bc.nul_line || (enc != CSV_ENC_WINDOWS_1252 && bc.utf8_bad_line) ||
		    (enc == CSV_ENC_WINDOWS_1252 && bc.cp1252_bad_line)) {
			changed_error(r->name, r->err);
			goto fail;
		}
		while (off < (size_t)n) {
			unsigned char *lf = memchr(buf + off, '\n', (size_t)n - off);
			size_t len = lf ? (size_t)(lf - (buf + off)) + 1 : (size_t)n - off;

			if (feed(r, &parser, cd, conv, (char *)buf + off, len))
				goto fail;
			if (lf)
				r->line++;
			off += len;
		}
	}
	bytecheck_finish(&bc);
	if (enc != CSV_ENC_WINDOWS_1252 && bc.utf8_bad_line) {
		changed_error(r->name, r->err);
		goto fail;
	}
	if (csv_fini(&parser, on_field, on_record, r) != 0) {
		long quote = r->quote_line ? r->quote_line : r->line;
		long start = r->rec_line ? r->rec_line : quote;
		char in_record[64] = "";

		if (start != quote)
			snprintf(in_record, sizeof(in_record),
			         " (in the record that starts on line %ld)", start);
		error_set(r->err, VBS_E_DATA, r->name, quote, column_name(r, r->nfields),
		          "the file ends inside a quoted field that opens on line %ld%s; it was probably cut short or is still being written: export it again",
		          quote, in_record);
		goto fail;
	}
	if (r->failed)
		goto fail;
	if (r->index == 0) {
		error_set(r->err, VBS_E_DATA, r->name, 0, NULL,
		          "the file has no header row; export it again with the column names on the first line");
		goto fail;
	}
	ret = 0;
fail:
	if (parser_ready)
		csv_free(&parser);
	free(conv);
	if (cd != (iconv_t)-1)
		iconv_close(cd);
	return ret;
}

/* ---- the whole file ----------------------------------------------------- */

static int same_file_state(const struct stat *a, const struct stat *b)
{
	return a->st_dev == b->st_dev && a->st_ino == b->st_ino &&
	       a->st_size == b->st_size &&
	       a->st_mtim.tv_sec == b->st_mtim.tv_sec &&
	       a->st_mtim.tv_nsec == b->st_mtim.tv_nsec;
}

int csv_reader_read(const char *path, const char *display_name,
                    csv_row_fn on_row, void *ctx, csv_info *info,
                    vbs_error *err)
{
	const char *name = display_name ? display_name : path;
	struct reader r;
	struct pass1 p1;
	struct stat before, after;
	unsigned char *buf = NULL;
	csv_encoding enc = CSV_ENC_UTF8;
	char delimiter;
	int fd = -1;
	int ret = -1;

	memset(&r, 0, sizeof(r));
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		error_set(err, VBS_E_DATA, name, 0, NULL,
		          "unable to open '%s': %s; check that the file exists and is readable",
		          path, strerror(errno));
		goto fail;
	}
	if (fstat(fd, &before) != 0) {
		error_set(err, VBS_E_DATA, name, 0, NULL,
		          "unable to read '%s': %s; check that the file is readable",
		          path, strerror(errno));
		goto fail;
	}
	if (!S_ISREG(before.st_mode)) {
		error_set(err, VBS_E_DATA, name, 0, NULL,
		          "unable to read '%s': not a regular file; put the export file itself there",
		          path);
		goto fail;
	}
	buf = malloc(READ_CHUNK);
	if (!buf) {
		error_set(err, VBS_E_SOFTWARE, name, 0, NULL,
		          "out of memory while reading the file; free memory and run again");
		goto fail;
	}
	if (scan_file(fd, buf, &p1, path, name, err))
		goto fail;
	if (decide_encoding(&p1, &enc, name, err))
		goto fail;
	if (!p1.hs.found) {
		error_set(err, VBS_E_DATA, name, 0, NULL,
		          "the file has no header row; export it again with the column names on the first line");
		goto fail;
	}
	delimiter = p1.hs.semicolons >= p1.hs.commas ? ';' : ',';
	if (lseek(fd, 0, SEEK_SET) != 0) {
		error_set(err, VBS_E_DATA, name, 0, NULL,
		          "unable to read '%s' again: %s; check that the file is readable",
		          path, strerror(errno));
		goto fail;
	}
	r.name = name;
	r.err = err;
	r.on_row = on_row;
	r.ctx = ctx;
	if (parse_file(fd, buf, &p1, enc, delimiter, &r))
		goto fail;
	if (fstat(fd, &after) != 0 || !same_file_state(&before, &after) ||
	    after.st_size != p1.bc.bytes) {
		changed_error(name, err);
		goto fail;
	}
	if (info) {
		info->encoding = enc;
		info->delimiter = delimiter;
		info->lines = p1.bc.line - 1 +
		              (p1.bc.bytes > 0 && p1.bc.last != '\n' ? 1 : 0);
		info->header_line = p1.hs.found;
		info->rows = r.index - 1;
		memcpy(info->sha256, p1.sha256, sizeof(info->sha256));
	}
	ret = 0;
fail:
	reader_release(&r);
	free(buf);
	if (fd >= 0)
		close(fd);
	return ret;
}
