/* ini_file: libinih plus line-length and UTF-8 checks (see ini_file.h). */
#include "base/ini_file.h"

#include <errno.h>
#include <ini.h>
#include <stdio.h>
#include <string.h>

#include "base/text.h"

struct ini_file_ctx {
	ini_file_fn fn;
	void *user;
	FILE *f;
	long lines;    /* lines handed to libinih so far */
	long why_line; /* line of the first key fn refused, or 0 */
	char why[256];
};

/* libinih reads through this so that we know the line of a refused key. */
static char *read_line(char *str, int num, void *stream)
{
	struct ini_file_ctx *c = stream;
	char *s = fgets(str, num, c->f);

	if (s)
		c->lines++;
	return s;
}

static int on_key(void *user, const char *section, const char *name,
                  const char *value)
{
	struct ini_file_ctx *c = user;

	if (c->fn(c->user, section, name, value, c->why, sizeof(c->why)) != 0) {
		if (!c->why_line)
			c->why_line = c->lines;
		return 0;
	}
	return 1;
}

/* libinih would split an over-long line silently into two; find it first
 * and report it at its own line number. */
static int check_lines(const char *path, vbs_error *err)
{
	FILE *f = fopen(path, "rb");
	char buf[4096];
	size_t len = 0;
	long line = 1;
	int c;

	if (!f)
		return error_set(err, VBS_E_CONFIG, path, 0, NULL,
		                 "unable to open '%s': %s", path, strerror(errno));
	while ((c = getc(f)) != EOF) {
		if (c == '\n') {
			if (len && buf[len - 1] == '\r')
				len--;
			if (len > INI_FILE_LINE_MAX)
				goto too_long;
			if (!text_is_utf8(buf, len))
				goto bad_utf8;
			line++;
			len = 0;
			continue;
		}
		/* One byte more than the limit may be the CR of a CRLF. */
		if (len >= INI_FILE_LINE_MAX + 1)
			goto too_long;
		buf[len++] = (char)c;
	}
	if (len && buf[len - 1] == '\r')
		len--;
	if (len > INI_FILE_LINE_MAX)
		goto too_long;
	if (!text_is_utf8(buf, len))
		goto bad_utf8;
	if (ferror(f)) {
		fclose(f);
		return error_set(err, VBS_E_CONFIG, path, 0, NULL,
		                 "unable to read '%s': %s", path, strerror(errno));
	}
	fclose(f);
	return 0;
too_long:
	fclose(f);
	return error_set(err, VBS_E_CONFIG, path, line, NULL,
	                 "line longer than %d bytes; shorten the value or split it over several keys",
	                 INI_FILE_LINE_MAX);
bad_utf8:
	fclose(f);
	return error_set(err, VBS_E_CONFIG, path, line, NULL,
	                 "not valid UTF-8; save the file as UTF-8");
}

int ini_file_parse(const char *path, ini_file_fn fn, void *user, vbs_error *err)
{
	struct ini_file_ctx c = {.fn = fn, .user = user};
	int rc;

	if (check_lines(path, err) != 0)
		return -1;
	c.f = fopen(path, "rb");
	if (!c.f)
		return error_set(err, VBS_E_CONFIG, path, 0, NULL,
		                 "unable to open '%s': %s", path, strerror(errno));
	rc = ini_parse_stream(read_line, &c, on_key, &c);
	fclose(c.f);
	if (rc == 0)
		return 0;
	if (rc == -2)
		return error_set(err, VBS_E_SOFTWARE, path, 0, NULL, "out of memory");
	return error_set(err, VBS_E_CONFIG, path, rc, NULL, "%s",
	                 c.why_line == rc ? c.why
	                 : "not a valid INI line; write `key = value` or `[section]`");
}
