/* sample_csv: writes one CSV export in a chosen dialect (encoding, delimiter, line ends) and counts physical lines. */
#include "sample/sample_csv.h"

#include <string.h>

const smp_csv_format smp_csv_excel = { SMP_ENC_UTF8_BOM, ';', 1, 1 };

/* Longest field after encoding; free text stays far below it. */
enum { SMP_FIELD_MAX = 4096 };

int smp_csv_open(smp_ctx *ctx, smp_csv *csv, const char *rel,
                 const smp_csv_format *fmt)
{
	memset(csv, 0, sizeof *csv);
	csv->ctx = ctx;
	csv->fmt = *fmt;
	csv->line = 1;
	if (smp_file_open(ctx, &csv->file, rel) < 0)
		return -1;
	if (fmt->encoding == SMP_ENC_UTF8_BOM)
		smp_file_write(&csv->file, "\xEF\xBB\xBF", 3);
	return 0;
}

/* Windows-1252 byte for a code point, or -1 when it has none. */
static int cp1252_byte(unsigned long cp)
{
	static const struct { unsigned long cp; int byte; } extra[] = {
		{ 0x20AC, 0x80 }, { 0x2026, 0x85 }, { 0x2018, 0x91 },
		{ 0x2019, 0x92 }, { 0x201C, 0x93 }, { 0x201D, 0x94 },
		{ 0x2022, 0x95 }, { 0x2013, 0x96 }, { 0x2014, 0x97 },
	};
	size_t i;

	if (cp < 0x80 || (cp >= 0xA0 && cp <= 0xFF))
		return (int)cp;
	for (i = 0; i < sizeof extra / sizeof extra[0]; i++)
		if (extra[i].cp == cp)
			return extra[i].byte;
	return -1;
}

/* Re-encodes a UTF-8 field as Windows-1252 into out. Returns the length,
 * or -1 on a character Windows-1252 lacks or on bad UTF-8. */
static long to_cp1252(const char *in, char *out, size_t size)
{
	const unsigned char *s = (const unsigned char *)in;
	size_t n = 0;

	while (*s) {
		unsigned long cp;
		int len, b, i;

		if (*s < 0x80) {
			cp = *s;
			len = 1;
		} else if ((*s & 0xE0) == 0xC0) {
			cp = *s & 0x1F;
			len = 2;
		} else if ((*s & 0xF0) == 0xE0) {
			cp = *s & 0x0F;
			len = 3;
		} else {
			return -1;
		}
		for (i = 1; i < len; i++) {
			if ((s[i] & 0xC0) != 0x80)
				return -1;
			cp = (cp << 6) | (s[i] & 0x3F);
		}
		b = cp1252_byte(cp);
		if (b < 0 || n + 1 >= size)
			return -1;
		out[n++] = (char)b;
		s += len;
	}
	out[n] = '\0';
	return (long)n;
}

static void put_eol(smp_csv *csv)
{
	smp_file_write(&csv->file, csv->fmt.crlf ? "\r\n" : "\n",
	               csv->fmt.crlf ? 2 : 1);
}

/* Starts a new physical line when the previous one is still open. */
static void begin_line(smp_csv *csv)
{
	if (csv->pending_eol) {
		put_eol(csv);
		csv->pending_eol = 0;
	}
}

void smp_csv_field(smp_csv *csv, const char *utf8)
{
	char buf[SMP_FIELD_MAX];
	const char *text = utf8 ? utf8 : "";
	const char *p;
	int quote;

	if (!csv->in_row) {
		begin_line(csv);
		csv->in_row = 1;
	} else {
		smp_file_write(&csv->file, &csv->fmt.delimiter, 1);
	}
	if (csv->fmt.encoding == SMP_ENC_CP1252) {
		if (to_cp1252(text, buf, sizeof buf) < 0) {
			if (!csv->bad_text) {
				size_t n = strlen(text);

				if (n >= sizeof csv->bad_field)
					n = sizeof csv->bad_field - 1;
				memcpy(csv->bad_field, text, n);
				csv->bad_field[n] = '\0';
			}
			csv->bad_text = 1;
			return;
		}
		text = buf;
	}
	quote = strchr(text, csv->fmt.delimiter) || strpbrk(text, "\"\r\n");
	if (!quote) {
		smp_file_puts(&csv->file, text);
		return;
	}
	smp_file_write(&csv->file, "\"", 1);
	for (p = text; *p; p++) {
		if (*p == '"') {
			smp_file_write(&csv->file, "\"\"", 2);
		} else if (*p == '\n') {
			put_eol(csv);
			csv->line++;
		} else if (*p != '\r') {
			smp_file_write(&csv->file, p, 1);
		}
	}
	smp_file_write(&csv->file, "\"", 1);
}

void smp_csv_end_row(smp_csv *csv)
{
	if (!csv->in_row)
		begin_line(csv);
	csv->in_row = 0;
	csv->pending_eol = 1;
	csv->line++;
	csv->rows++;
}

void smp_csv_blank_line(smp_csv *csv, int ndelims)
{
	int i;

	begin_line(csv);
	for (i = 0; i < ndelims; i++)
		smp_file_write(&csv->file, &csv->fmt.delimiter, 1);
	csv->pending_eol = 1;
	csv->line++;
	csv->blank_lines++;
}

long smp_csv_next_line(const smp_csv *csv)
{
	return csv->line;
}

static const char *encoding_name(smp_encoding e)
{
	switch (e) {
	case SMP_ENC_UTF8:
		return "UTF-8";
	case SMP_ENC_UTF8_BOM:
		return "UTF-8 with BOM";
	case SMP_ENC_CP1252:
		return "Windows-1252";
	}
	return "?";
}

int smp_csv_close(smp_csv *csv, const char *note)
{
	smp_fileinfo info;
	size_t n;

	if (csv->pending_eol && csv->fmt.final_eol)
		put_eol(csv);
	if (smp_file_close(csv->ctx, &csv->file) < 0)
		return -1;
	if (csv->bad_text)
		return smp_ctx_fail(csv->ctx, SMP_E_SOFTWARE,
		                    "'%s': text has no Windows-1252 form: '%s'",
		                    csv->file.path, csv->bad_field);
	memset(&info, 0, sizeof info);
	memcpy(info.path, csv->file.rel, sizeof info.path);
	n = strlen(encoding_name(csv->fmt.encoding));
	memcpy(info.encoding, encoding_name(csv->fmt.encoding), n + 1);
	info.delimiter = csv->fmt.delimiter;
	info.crlf = csv->fmt.crlf;
	info.final_eol = csv->fmt.final_eol;
	info.rows = csv->rows > 0 ? csv->rows - 1 : 0;
	/* csv->line is the line after the last; without a final line end the
	 * last line still counts. */
	info.lines = csv->line - 1;
	if (note) {
		n = strlen(note);
		if (n >= sizeof info.note)
			n = sizeof info.note - 1;
		memcpy(info.note, note, n);
		info.note[n] = '\0';
	}
	return smp_ctx_file(csv->ctx, &info);
}
