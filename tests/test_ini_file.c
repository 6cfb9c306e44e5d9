/* test_ini_file: INI files written to a temp folder: a good file (keys in
 * order, BOM, CRLF, comments), the line-length limit at its own line, invalid
 * UTF-8, a key the callback refuses, a syntax error, and a missing file. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "check.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/ini_file.h"


#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

enum { MAX_KEYS = 16, KEY_TEXT = 512, CONTENT_MAX = 2048 };

/* ---- helpers -------------------------------------------------------------- */

static char tmpdir[512];

static int setup(void **state)
{
	const char *base = getenv("TMPDIR");

	(void)state;
	snprintf(tmpdir, sizeof(tmpdir), "%s/vbs_ini_XXXXXX", base && *base ? base : "/tmp");
	return mkdtemp(tmpdir) ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	return rmdir(tmpdir);
}

/* Writes n bytes to tmpdir/name; path gets the full name. */
static void write_file(char *path, size_t size, const char *name,
                       const char *bytes, size_t n)
{
	FILE *f;

	snprintf(path, size, "%s/%s", tmpdir, name);
	f = fopen(path, "wb");
	CHECK(f, "fopen '%s': %s", path, strerror(errno));
	CHECK(fwrite(bytes, 1, n, f) == n, "fwrite '%s'", path);
	CHECK(fclose(f) == 0, "fclose '%s'", path);
}

/* What the callback saw, as "section|name|value"; refuses the key `refuse`
 * (every key with that name) with the reason `reason`. */
struct seen {
	const char *refuse;
	const char *reason;
	int n;
	char keys[MAX_KEYS][KEY_TEXT];
};

static int on_key(void *user, const char *section, const char *name,
                  const char *value, char *why, size_t why_size)
{
	struct seen *s = user;

	if (s->n < MAX_KEYS)
		snprintf(s->keys[s->n++], KEY_TEXT, "%s|%s|%s", section, name, value);
	if (s->refuse && strcmp(name, s->refuse) == 0) {
		snprintf(why, why_size, "%s", s->reason);
		return -1;
	}
	return 0;
}

/* A line "k = vvv..." of exactly len bytes (line end excluded) into buf. */
static size_t long_line(char *buf, size_t len)
{
	memcpy(buf, "k = ", 4);
	memset(buf + 4, 'v', len - 4);
	buf[len] = '\0';
	return len;
}

/* ---- a good file ---------------------------------------------------------- */

static void test_good_file(void **state)
{
	static const char text[] =
		"\xEF\xBB\xBF; a comment\r\n"
		"# another comment\r\n"
		"\r\n"
		"[report]\r\n"
		"district = Östermalms stadsdelsförvaltning\r\n"
		"[codeset miljo]\r\n"
		"code=Vit makt-miljön\r\n"
		"code = Okänd\n"
		"fallback = Okänd";
	static const char *const want[] = {
		"report|district|Östermalms stadsdelsförvaltning",
		"codeset miljo|code|Vit makt-miljön",
		"codeset miljo|code|Okänd",
		"codeset miljo|fallback|Okänd",
	};
	struct seen seen = {0};
	vbs_error err;
	char path[1024];
	int rc;

	(void)state;
	error_init(&err);
	write_file(path, sizeof(path), "good.ini", text, sizeof(text) - 1);
	rc = ini_file_parse(path, on_key, &seen, &err);
	unlink(path);
	CHECK(rc == 0, "a good file (BOM, CRLF, comments, no final line end) failed: %s",
	      err.message);
	CHECK(seen.n == (int)COUNT(want), "the callback saw %d keys, want %zu", seen.n,
	      COUNT(want));
	for (size_t i = 0; i < COUNT(want); i++)
		CHECK(strcmp(seen.keys[i], want[i]) == 0, "key %zu: got \"%s\", want \"%s\"",
		      i, seen.keys[i], want[i]);
}

/* ---- bad files ------------------------------------------------------------ */

struct bad_case {
	const char *name;
	const char *text;      /* the file; NULL: built by the test */
	const char *refuse;    /* key the callback refuses, or NULL */
	vbs_status code;
	long line;
	const char *message;   /* a part of err.message */
};

static const struct bad_case bad_cases[] = {
	{ .name = "invalid UTF-8 (Windows-1252 ö) on line 3",
	  .text = "[report]\na = 1\ndistrict = \xD6stermalm\nb = 2\n",
	  .code = VBS_E_CONFIG, .line = 3, .message = "UTF-8" },
	{ .name = "invalid UTF-8 on the last line, no line end",
	  .text = "[report]\na = 1\nb = \xC3", .code = VBS_E_CONFIG, .line = 3,
	  .message = "UTF-8" },
	{ .name = "a refused key: its line and the callback's reason",
	  .text = "[report]\na = 1\n\n; comment\nbad = x\nc = 3\n", .refuse = "bad",
	  .code = VBS_E_CONFIG, .line = 5, .message = "the reason for bad" },
	{ .name = "two refused keys: the first one's line",
	  .text = "[r]\nx = 1\nbad = 1\nbad = 2\n", .refuse = "bad",
	  .code = VBS_E_CONFIG, .line = 3, .message = "the reason for bad" },
	{ .name = "a refused key in a CRLF file",
	  .text = "[r]\r\nx = 1\r\nbad = 1\r\n", .refuse = "bad",
	  .code = VBS_E_CONFIG, .line = 3, .message = "the reason for bad" },
	{ .name = "a line without '=' on line 4",
	  .text = "[r]\nx = 1\ny = 2\njust some words\nz = 3\n",
	  .code = VBS_E_CONFIG, .line = 4, .message = "not a valid INI line" },
	{ .name = "an unclosed section header on line 2",
	  .text = "; c\n[report\nx = 1\n", .code = VBS_E_CONFIG, .line = 2,
	  .message = "not a valid INI line" },
	{ .name = "a syntax error before a refused key: the syntax error",
	  .text = "[r]\nnonsense\nbad = 1\n", .refuse = "bad",
	  .code = VBS_E_CONFIG, .line = 2, .message = "not a valid INI line" },
	{ .name = "a refused key before a syntax error: the refused key",
	  .text = "[r]\nbad = 1\nnonsense\n", .refuse = "bad",
	  .code = VBS_E_CONFIG, .line = 2, .message = "the reason for bad" },
};

static void check_error(const char *name, int rc, const vbs_error *err,
                        const char *path, vbs_status code, long line,
                        const char *message)
{
	CHECK(rc == -1, "[%s] ini_file_parse returned %d, want -1", name, rc);
	CHECK(err->code == code, "[%s] err.code %d, want %d", name, err->code, code);
	CHECK(strcmp(err->file, path) == 0, "[%s] err.file \"%s\", want \"%s\"", name,
	      err->file, path);
	CHECK(err->line == line, "[%s] err.line %ld, want %ld (message: %s)", name,
	      err->line, line, err->message);
	CHECK(strstr(err->message, message) != NULL,
	      "[%s] err.message \"%s\" lacks \"%s\"", name, err->message, message);
}

static void test_bad_files(void **state)
{
	(void)state;
	for (size_t i = 0; i < COUNT(bad_cases); i++) {
		const struct bad_case *c = &bad_cases[i];
		struct seen seen = {.refuse = c->refuse, .reason = "the reason for bad"};
		vbs_error err;
		char path[1024];
		int rc;

		error_init(&err);
		write_file(path, sizeof(path), "bad.ini", c->text, strlen(c->text));
		rc = ini_file_parse(path, on_key, &seen, &err);
		unlink(path);
		check_error(c->name, rc, &err, path, c->code, c->line, c->message);
	}
}

/* ---- line length ---------------------------------------------------------- */

struct length_case {
	const char *name;
	size_t len;       /* bytes of line 3, line end excluded */
	const char *eol;  /* line end of line 3 ("" = last line, none) */
	int ok;
};

static const struct length_case length_cases[] = {
	{ "INI_FILE_LINE_MAX bytes, LF", INI_FILE_LINE_MAX, "\n", 1 },
	{ "INI_FILE_LINE_MAX bytes, CRLF", INI_FILE_LINE_MAX, "\r\n", 1 },
	{ "INI_FILE_LINE_MAX bytes, last line without line end", INI_FILE_LINE_MAX, "", 1 },
	{ "INI_FILE_LINE_MAX + 1 bytes, LF", INI_FILE_LINE_MAX + 1, "\n", 0 },
	{ "INI_FILE_LINE_MAX + 1 bytes, CRLF", INI_FILE_LINE_MAX + 1, "\r\n", 0 },
	{ "INI_FILE_LINE_MAX + 1 bytes, last line without line end",
	  INI_FILE_LINE_MAX + 1, "", 0 },
	{ "INI_FILE_LINE_MAX + 2 bytes, LF", INI_FILE_LINE_MAX + 2, "\n", 0 },
	{ "1000 bytes, LF", 1000, "\n", 0 },
	{ "5000 bytes (over the checker's buffer), LF", 5000, "\n", 0 },
};

static void test_line_length(void **state)
{
	(void)state;
	for (size_t i = 0; i < COUNT(length_cases); i++) {
		const struct length_case *c = &length_cases[i];
		static char text[8192];
		char line[6000];
		struct seen seen = {0};
		vbs_error err;
		char path[1024];
		int rc;

		error_init(&err);
		long_line(line, c->len);
		snprintf(text, sizeof(text), "[r]\na = 1\n%s%s%s", line, c->eol,
		         *c->eol ? "after = 2\n" : "");
		write_file(path, sizeof(path), "long.ini", text, strlen(text));
		rc = ini_file_parse(path, on_key, &seen, &err);
		unlink(path);
		if (!c->ok) {
			check_error(c->name, rc, &err, path, VBS_E_CONFIG, 3, "longer than");
			CHECK(seen.n == 0, "[%s] the callback was called %d times before the "
			      "file was refused", c->name, seen.n);
			continue;
		}
		CHECK(rc == 0, "[%s] refused: %s (line %ld)", c->name, err.message, err.line);
		CHECK(seen.n >= 2 && strlen(seen.keys[1]) == strlen("r|k|") + c->len - 4,
		      "[%s] the long value was not handed over whole: \"%s\"", c->name,
		      seen.n >= 2 ? seen.keys[1] : "(no key)");
	}
}

/* ---- a missing file ------------------------------------------------------- */

static void test_missing_file(void **state)
{
	struct seen seen = {0};
	vbs_error err;
	char path[1024];
	int rc;

	(void)state;
	error_init(&err);
	snprintf(path, sizeof(path), "%s/no-such-file.ini", tmpdir);
	rc = ini_file_parse(path, on_key, &seen, &err);
	check_error("missing file", rc, &err, path, VBS_E_CONFIG, 0, "unable to open");
	CHECK(strstr(err.message, path) != NULL, "the message \"%s\" does not quote the path",
	      err.message);
}

/* ---- an empty file -------------------------------------------------------- */

static void test_empty_file(void **state)
{
	struct seen seen = {0};
	vbs_error err;
	char path[1024];
	int rc;

	(void)state;
	error_init(&err);
	write_file(path, sizeof(path), "empty.ini", "", 0);
	rc = ini_file_parse(path, on_key, &seen, &err);
	unlink(path);
	CHECK(rc == 0 && seen.n == 0, "an empty file: rc %d, %d keys (%s)", rc, seen.n,
	      err.message);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_good_file),
		cmocka_unit_test(test_bad_files),
		cmocka_unit_test(test_line_length),
		cmocka_unit_test(test_missing_file),
		cmocka_unit_test(test_empty_file),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
