/* test_config: the committed pipeline/vbestat.conf gives the values written
 * in it; bad files written to a temp folder stop with VBS_E_CONFIG naming the
 * file and the line (unknown key, bad integer, required source not read). */
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

#include "app/config.h"


#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

#define REAL_CONF "pipeline/vbestat.conf"

/* statistics.md §5: the Kategori codes whose cases concern a person. */
static const char *const person_kategori[] = {
	"Hot", "Våld", "Trakasserier", "Oro för individ", "Värvning",
};

static char tmpdir[512];

static int setup(void **state)
{
	const char *base = getenv("TMPDIR");

	(void)state;
	snprintf(tmpdir, sizeof(tmpdir), "%s/vbs_conf_XXXXXX", base && *base ? base : "/tmp");
	return mkdtemp(tmpdir) ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	return rmdir(tmpdir);
}

static void write_file(char *path, size_t size, const char *text)
{
	FILE *f;

	snprintf(path, size, "%s/vbestat.conf", tmpdir);
	f = fopen(path, "wb");
	CHECK(f, "fopen '%s': %s", path, strerror(errno));
	CHECK(fputs(text, f) >= 0, "write '%s'", path);
	CHECK(fclose(f) == 0, "fclose '%s'", path);
}

/* ---- defaults and the committed file -------------------------------------- */

static void check_person_kategori(const char *name, const vbs_config *cfg)
{
	CHECK(cfg->nperson_kategori == (int)COUNT(person_kategori),
	      "[%s] %d person_kategori codes, want %zu", name, cfg->nperson_kategori,
	      COUNT(person_kategori));
	for (size_t i = 0; i < COUNT(person_kategori); i++)
		CHECK(strcmp(cfg->person_kategori[i], person_kategori[i]) == 0,
		      "[%s] person_kategori %zu is \"%s\", want \"%s\"", name, i,
		      cfg->person_kategori[i], person_kategori[i]);
}

static void test_defaults(void **state)
{
	vbs_config cfg;

	(void)state;
	config_init(&cfg);
	CHECK(cfg.disclosure_threshold == 5, "default threshold %d, want 5",
	      cfg.disclosure_threshold);
	CHECK(cfg.survey_min_valid == 30, "default min_valid %d, want 30", cfg.survey_min_valid);
	CHECK(cfg.trend_min_points == 5, "default min_points %d, want 5", cfg.trend_min_points);
	/* inputs.md: every source is read, befolkning is the optional one. */
	CHECK(cfg.nsources == 7 && strcmp(cfg.sources[0], "ia") == 0 &&
	      strcmp(cfg.sources[6], "oro") == 0,
	      "default sources: %d, first \"%s\", want the 7 of inputs.md", cfg.nsources,
	      cfg.sources[0]);
	CHECK(config_source_required(&cfg, "ia") == 1, "ia is not required by default");
	CHECK(config_source_required(&cfg, "trygghet") == 1, "trygghet is not required by default");
	CHECK(config_source_required(&cfg, "befolkning") == 0, "befolkning is required by default");
	check_person_kategori("defaults", &cfg);
}

static void test_real_file(void **state)
{
	vbs_config cfg;
	vbs_error err;

	(void)state;
	error_init(&err);
	config_init(&cfg);
	CHECK(config_load(&cfg, REAL_CONF, &err) == 0, "%s does not load: %s:%ld: %s",
	      REAL_CONF, err.file, err.line, err.message);
	CHECK(strcmp(cfg.path, REAL_CONF) == 0, "path \"%s\", want \"%s\"", cfg.path, REAL_CONF);
	CHECK(strcmp(cfg.dir, "pipeline") == 0, "dir \"%s\", want \"pipeline\"", cfg.dir);
	CHECK(strcmp(cfg.district, "Östermalms stadsdelsförvaltning") == 0,
	      "district \"%s\"", cfg.district);
	CHECK(cfg.nsources == 7 && strcmp(cfg.sources[0], "ia") == 0,
	      "read: %d sources, first \"%s\", want the 7 of inputs.md", cfg.nsources,
	      cfg.sources[0]);
	CHECK(cfg.nrequired == 6 && strcmp(cfg.required[0], "ia") == 0,
	      "required: %d sources, first \"%s\", want 6 from ia", cfg.nrequired,
	      cfg.required[0]);
	CHECK(config_source_required(&cfg, "ia") == 1, "ia is not required");
	CHECK(config_source_required(&cfg, "befolkning") == 0, "befolkning is required");
	CHECK(cfg.disclosure_threshold == 5, "threshold %d, want 5", cfg.disclosure_threshold);
	CHECK(cfg.person_kategori_from_file == 1, "person_kategori not marked as from the file");
	check_person_kategori(REAL_CONF, &cfg);
	CHECK(cfg.survey_min_valid == 30, "min_valid %d, want 30", cfg.survey_min_valid);
	CHECK(cfg.trend_min_points == 5, "min_points %d, want 5", cfg.trend_min_points);
	CHECK(strcmp(cfg.nightly_inputs, "inputs") == 0, "nightly inputs \"%s\"", cfg.nightly_inputs);
	CHECK(strcmp(cfg.nightly_outputs, "outputs") == 0, "nightly outputs \"%s\"",
	      cfg.nightly_outputs);
	CHECK(cfg.nightly_keep_logs == 90, "keep_logs_days %d, want 90", cfg.nightly_keep_logs);
}

/* ---- good temp files ------------------------------------------------------ */

static void test_lists(void **state)
{
	static const char text[] =
		"[sources]\n"
		"read = ia, trygghet  dialog\n"
		"required = dialog\tia\n"
		"[disclosure]\n"
		"threshold = 3\n"
		"person_kategori = Hot\n"
		"person_kategori = Våld\n";
	static const char *const read[] = {"ia", "trygghet", "dialog"};
	vbs_config cfg;
	vbs_error err;
	char path[1024];
	int rc;

	(void)state;
	error_init(&err);
	config_init(&cfg);
	write_file(path, sizeof(path), text);
	rc = config_load(&cfg, path, &err);
	unlink(path);
	CHECK(rc == 0, "a file with lists does not load: %s:%ld: %s", err.file, err.line,
	      err.message);
	CHECK(strcmp(cfg.dir, tmpdir) == 0, "dir \"%s\", want \"%s\"", cfg.dir, tmpdir);
	CHECK(cfg.nsources == (int)COUNT(read), "read: %d sources, want %zu", cfg.nsources,
	      COUNT(read));
	for (size_t i = 0; i < COUNT(read); i++)
		CHECK(strcmp(cfg.sources[i], read[i]) == 0, "read %zu: \"%s\", want \"%s\"", i,
		      cfg.sources[i], read[i]);
	CHECK(config_source_required(&cfg, "dialog") && config_source_required(&cfg, "ia") &&
	      !config_source_required(&cfg, "trygghet"),
	      "required should be dialog and ia, not trygghet");
	CHECK(cfg.disclosure_threshold == 3, "threshold %d, want 3", cfg.disclosure_threshold);
	CHECK(cfg.nperson_kategori == 2 && strcmp(cfg.person_kategori[0], "Hot") == 0 &&
	      strcmp(cfg.person_kategori[1], "Våld") == 0,
	      "the file's person_kategori list (Hot, Våld) must replace the default: got %d",
	      cfg.nperson_kategori);
	CHECK(cfg.survey_min_valid == 30 && cfg.trend_min_points == 5,
	      "keys not in the file must keep their defaults");
}

/* ---- bad temp files ------------------------------------------------------- */

struct bad_case {
	const char *name;
	const char *text;
	long line;           /* err.line; 0 when the error has no line */
	const char *message; /* a part of err.message */
};

static const struct bad_case bad_cases[] = {
	{ "unknown key in a known section",
	  "[report]\ndistrict = X\n[disclosure]\nthreshhold = 5\n", 4, "threshhold" },
	{ "unknown section",
	  "; c\n[report]\ndistrict = X\n\n[reports]\ndistrict = Y\n", 6, "[reports]" },
	{ "key before any section", "threshold = 5\n", 1, "unknown key" },
	{ "threshold not a number", "[disclosure]\nthreshold = fem\n", 2, "'fem'" },
	{ "threshold with trailing junk", "[disclosure]\nthreshold = 5x\n", 2, "'5x'" },
	{ "threshold 0 (below 1)", "[disclosure]\nthreshold = 0\n", 2, "'0'" },
	{ "threshold negative", "[disclosure]\nthreshold = -5\n", 2, "'-5'" },
	{ "threshold a decimal", "[disclosure]\nthreshold = 5.5\n", 2, "'5.5'" },
	{ "threshold past long", "[disclosure]\nthreshold = 99999999999999999999999\n", 2,
	  "not a whole number" },
	{ "min_points below 3", "[trend]\nmin_points = 2\n", 2, "'2'" },
	{ "min_valid empty", "[survey]\nmin_valid =\n", 2, "not a whole number" },
	{ "keep_logs_days above 3650", "[nightly]\nkeep_logs_days = 3651\n", 2, "'3651'" },
	{ "district empty", "[report]\n\ndistrict =\n", 3, "1 to" },
	{ "required source not read",
	  "[sources]\nread = ia trygghet\nrequired = ia dialog\n", 0, "'dialog'" },
	{ "too many sources",
	  "[sources]\nread = a b c d e f g h i j k l m n o p q\n", 2, "at most" },
};

static void test_bad_files(void **state)
{
	(void)state;
	for (size_t i = 0; i < COUNT(bad_cases); i++) {
		const struct bad_case *c = &bad_cases[i];
		vbs_config cfg;
		vbs_error err;
		char path[1024];
		int rc;

		error_init(&err);
		config_init(&cfg);
		write_file(path, sizeof(path), c->text);
		rc = config_load(&cfg, path, &err);
		unlink(path);
		CHECK(rc == -1, "[%s] config_load returned %d, want -1", c->name, rc);
		CHECK(err.code == VBS_E_CONFIG, "[%s] err.code %d, want VBS_E_CONFIG (78)",
		      c->name, err.code);
		CHECK(strcmp(err.file, path) == 0, "[%s] err.file \"%s\", want \"%s\"", c->name,
		      err.file, path);
		CHECK(err.line == c->line, "[%s] err.line %ld, want %ld (%s)", c->name, err.line,
		      c->line, err.message);
		CHECK(strstr(err.message, c->message) != NULL,
		      "[%s] err.message \"%s\" lacks \"%s\"", c->name, err.message, c->message);
	}
}

static void test_missing_file(void **state)
{
	vbs_config cfg;
	vbs_error err;
	char path[1024];

	(void)state;
	error_init(&err);
	config_init(&cfg);
	snprintf(path, sizeof(path), "%s/none.conf", tmpdir);
	CHECK(config_load(&cfg, path, &err) == -1, "a missing file loaded");
	CHECK(err.code == VBS_E_CONFIG && strcmp(err.file, path) == 0,
	      "a missing file: code %d file \"%s\", want 78 and \"%s\"", err.code, err.file,
	      path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_defaults),
		cmocka_unit_test(test_real_file),
		cmocka_unit_test(test_lists),
		cmocka_unit_test(test_bad_files),
		cmocka_unit_test(test_missing_file),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
