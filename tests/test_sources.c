/* test_sources: the source table (sources_find, sources_name), loading the
 * committed pipeline/sources mappings for a configuration that lists the
 * sources in its own order (sources_load), ingesting a small temp input
 * folder in that order (sources_ingest), and releasing (sources_release).
 * The configurations are written to a temp folder whose sources/ is a link
 * to the committed pipeline/sources, so config_load reads them as a run
 * does. Every expected value is written by hand from the files below. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "check.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "app/config.h"
#include "app/sources.h"
#include "base/date.h"
#include "ingest/ingest.h"
#include "ingest/input_files.h"
#include "ingest/mapping.h"
#include "ingest/rejects.h"


#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

#define PIPELINE "pipeline"

enum { PATH_BYTES = 1024, DIR_BYTES = 600, MAX_PATHS = 16, MAX_FILES = 4, PREFIX = 2 };

static char root[512];            /* this test's folder */
static char conf_dir[DIR_BYTES];  /* root/conf, with sources -> pipeline/sources */
static char inputs[DIR_BYTES];     /* root/in */
static vbs_codesets cs;
static vbs_config cfg;
static vbs_sources s;

/* ---- the input folder ------------------------------------------------------ */

/* as-of 2024-06-30: IA-2024-000002 is dated after it. */
#define AS_OF_Y 2024
#define AS_OF_M 6
#define AS_OF_D 30

/* IA: UTF-8 without a byte-order mark, ';'. */
static const char ia_csv[] =
	"Ärendenummer;Händelsedatum;Registrerad;Senast ändrad;Händelsetyp;Kategori;"
	"Koppling VBE;Miljö;Verksamhetsområde;Enhet;Område;Beskrivning\n"
	"IA-2024-000001;2024-03-01 10:00;2024-03-01 11:00;2024-03-02 09:00;Tillbud;Hot;Ja;"
	"Vit makt-miljön;Skola;Skolan;Gärdet;Text\n"
	"IA-2024-000002;2024-07-02 10:00;2024-07-02 11:00;2024-07-03 09:00;Riskobservation;"
	"Klotter;Nej;;Park och gata;Parkenheten;Hjorthagen;Text\n";

/* Stickers: UTF-8 with a byte-order mark, ','. */
static const char klotter_csv[] =
	"\xef\xbb\xbf" "Ärende-ID,Datum,Område,Plats,Typ,Miljö,Antal,Sanerat datum\r\n"
	"K-2024-001,2024-05-01,Gärdet,Busshållplats,Klistermärke,Vit makt-miljön,3,2024-05-02\r\n";

struct seed_file {
	const char *path; /* under root; a trailing '/' makes a folder */
	const char *content;
};

static const struct seed_file seed[] = {
	{ "conf/", NULL },
	{ "in/", NULL },
	{ "in/ia/", NULL },
	{ "in/ia/ia.csv", ia_csv },
	{ "in/klotter/", NULL },
	{ "in/klotter/klotter.csv", klotter_csv },
	/* a folder for oro without any .csv file */
	{ "in/oro/", NULL },
	{ "in/oro/README.txt", "not an export\n" },
};

/* ---- helpers -------------------------------------------------------------- */

/* Removes dir and everything under it; links are removed, never followed. */
static void remove_tree(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char path[PATH_BYTES + 256];

	if (!d)
		return;
	while ((e = readdir(d)) != NULL) {
		struct stat st;

		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode))
			remove_tree(path);
		else
			unlink(path);
	}
	closedir(d);
	rmdir(dir);
}

static int write_text(const char *path, const char *text)
{
	FILE *f = fopen(path, "wb");
	size_t n = strlen(text);
	int failed;

	if (!f)
		return -1;
	failed = fwrite(text, 1, n, f) != n;
	return fclose(f) != 0 || failed ? -1 : 0;
}

static int setup(void **state)
{
	const char *t = getenv("TMPDIR");
	char real[PATH_MAX], link[PATH_BYTES];
	vbs_error err;

	(void)state;
	error_init(&err);
	if (codesets_load(&cs, PIPELINE, &err) != 0) {
		print_error("the committed code sets do not load: %s:%ld: %s\n", err.file,
		            err.line, err.message);
		return -1;
	}
	if (!realpath(PIPELINE "/sources", real)) {
		print_error("realpath '" PIPELINE "/sources': %s\n", strerror(errno));
		return -1;
	}
	snprintf(root, sizeof(root), "%s/vbs_sources_XXXXXX", t && *t ? t : "/tmp");
	if (!mkdtemp(root)) {
		print_error("mkdtemp '%s': %s\n", root, strerror(errno));
		return -1;
	}
	for (size_t i = 0; i < COUNT(seed); i++) {
		char path[PATH_BYTES];
		size_t n = strlen(seed[i].path);
		int rc;

		snprintf(path, sizeof(path), "%s/%.*s", root,
		         (int)(seed[i].path[n - 1] == '/' ? n - 1 : n), seed[i].path);
		rc = seed[i].content ? write_text(path, seed[i].content) : mkdir(path, 0700);
		if (rc != 0) {
			print_error("unable to create '%s': %s\n", path, strerror(errno));
			return -1;
		}
	}
	snprintf(conf_dir, sizeof(conf_dir), "%s/conf", root);
	snprintf(inputs, sizeof(inputs), "%s/in", root);
	snprintf(link, sizeof(link), "%s/sources", conf_dir);
	if (symlink(real, link) != 0) {
		print_error("symlink '%s': %s\n", link, strerror(errno));
		return -1;
	}
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	remove_tree(root);
	return 0;
}

/* Writes conf/<name>.conf with these [sources] lists and loads it into cfg;
 * the path is left in path. Fails the test when it does not load. */
static void load_config(const char *name, const char *read, const char *required,
                        char *path, size_t size)
{
	char text[512];
	vbs_error err;

	snprintf(path, size, "%s/%s.conf", conf_dir, name);
	snprintf(text, sizeof(text), "[sources]\nread = %s\nrequired = %s\n", read, required);
	CHECK(write_text(path, text) == 0, "case %s: unable to write '%s'", name, path);
	config_init(&cfg);
	error_init(&err);
	CHECK(config_load(&cfg, path, &err) == 0, "case %s: config_load '%s': %s", name, path,
	      err.message);
}

/* 1 when name is a word of the space-separated list. */
static int listed(const char *list, const char *name)
{
	char padded[256], word[40];

	snprintf(padded, sizeof(padded), " %s ", list ? list : "");
	snprintf(word, sizeof(word), " %s ", name);
	return strstr(padded, word) != NULL;
}

/* ---- sources_find, sources_name ------------------------------------------- */

struct find_case {
	const char *name; /* the folder name looked up */
	int want;         /* its id, or -1 */
};

static const struct find_case find_cases[] = {
	{ "ia", SOURCE_IA },
	{ "trygghet", SOURCE_TRYGGHET },
	{ "dialog", SOURCE_DIALOG },
	{ "befolkning", SOURCE_BEFOLKNING },
	{ "aktiviteter", SOURCE_AKTIVITETER },
	{ "klotter", SOURCE_KLOTTER },
	{ "oro", SOURCE_ORO },
	{ "polisen", -1 },
	{ "", -1 },
	/* folder names are matched exactly */
	{ "IA", -1 },
	{ "ia ", -1 },
	{ "aktiviteter_plan", -1 },
	{ "klotte", -1 },
};

static void test_find_and_name(void **state)
{
	int seen[SOURCE_COUNT] = {0};

	(void)state;
	for (size_t i = 0; i < COUNT(find_cases); i++) {
		const struct find_case *c = &find_cases[i];
		int id = sources_find(c->name);

		CHECK(id == c->want, "sources_find(\"%s\") is %d, want %d", c->name, id, c->want);
		if (id < 0)
			continue;
		CHECK(strcmp(sources_name((source_id)id), c->name) == 0,
		      "sources_name(%d) is '%s', want '%s'", id, sources_name((source_id)id),
		      c->name);
		seen[id] = 1;
	}
	for (int id = 0; id < SOURCE_COUNT; id++)
		CHECK(seen[id], "source id %d has no case above: the table misses a source", id);
}

/* ---- sources_load ---------------------------------------------------------- */

struct load_case {
	const char *name;
	const char *read;                /* [sources] read */
	size_t max;                      /* 0: MAX_PATHS */
	const char *paths[MAX_PATHS];    /* appended, under conf/sources; NULL ends */
	const char *sources[MAX_PATHS];  /* each mapping's [source] id */
	vbs_status code;                 /* VBS_OK: it loads */
	const char *message_part;        /* of the error message */
};

static const struct load_case load_cases[] = {
	{ .name = "some_in_own_order", .read = "klotter aktiviteter ia",
	  .paths = { "klotter.ini", "aktiviteter_plan.ini", "aktiviteter_logg.ini", "ia.ini" },
	  .sources = { "klotter", "aktiviteter", "aktiviteter", "ia" } },
	{ .name = "all_reversed", .read = "oro klotter aktiviteter befolkning dialog trygghet ia",
	  .paths = { "oro.ini", "klotter.ini", "aktiviteter_plan.ini", "aktiviteter_logg.ini",
	             "befolkning.ini", "dialog.ini", "trygghet.ini", "ia.ini" },
	  .sources = { "oro", "klotter", "aktiviteter", "aktiviteter", "befolkning", "dialog",
	               "trygghet", "ia" } },
	/* a source named twice is loaded once */
	{ .name = "named_twice", .read = "ia dialog ia",
	  .paths = { "ia.ini", "dialog.ini" }, .sources = { "ia", "dialog" } },
	/* the list of paths is full: an error, since the manifest must list
	 * every configuration file read */
	{ .name = "paths_full", .read = "ia aktiviteter klotter", .max = PREFIX + 2,
	  .code = VBS_E_SOFTWARE, .message_part = "configuration files" },
	{ .name = "unknown_source", .read = "ia polisen", .code = VBS_E_CONFIG,
	  .message_part = "'polisen'" },
	{ .name = "upper_case_source", .read = "IA", .code = VBS_E_CONFIG,
	  .message_part = "'IA'" },
};

/* The mapping sources_load fills for the source with this id (the plan
 * mapping for aktiviteter). */
static const vbs_mapping *map_of(int id)
{
	switch ((source_id)id) {
	case SOURCE_IA: return &s.ia_map;
	case SOURCE_TRYGGHET: return &s.trygghet_map;
	case SOURCE_DIALOG: return &s.dialog_map;
	case SOURCE_BEFOLKNING: return &s.befolkning_map;
	case SOURCE_AKTIVITETER: return &s.plan_map;
	case SOURCE_KLOTTER: return &s.klotter_map;
	case SOURCE_ORO: return &s.oro_map;
	case SOURCE_COUNT: break;
	}
	return NULL;
}

static void test_load(void **state)
{
	(void)state;
	for (size_t i = 0; i < COUNT(load_cases); i++) {
		const struct load_case *c = &load_cases[i];
		const char *paths[MAX_PATHS + 1];
		size_t max = c->max ? c->max : MAX_PATHS;
		size_t npaths = PREFIX, want_n = PREFIX;
		char conf[PATH_BYTES];
		vbs_error err;
		int rc;

		load_config(c->name, c->read, "", conf, sizeof(conf));
		for (size_t k = 0; k < COUNT(paths); k++)
			paths[k] = "(untouched)";
		paths[0] = "vbestat.conf"; /* what the run puts first */
		paths[1] = "codesets.ini";
		memset(&s, 0, sizeof(s));
		error_init(&err);
		rc = sources_load(&s, &cfg, &cs, paths, &npaths, max, &err);
		if (c->code != VBS_OK) {
			CHECK(rc == -1, "case %s: sources_load returned %d, want -1", c->name, rc);
			CHECK(err.code == c->code, "case %s: error code %d, want %d (%s)", c->name,
			      (int)err.code, (int)c->code, err.message);
			CHECK(strcmp(err.file, conf) == 0, "case %s: the error names '%s', want '%s'",
			      c->name, err.file, conf);
			CHECK(strstr(err.message, c->message_part) != NULL,
			      "case %s: the message '%s' does not name %s", c->name, err.message,
			      c->message_part);
			sources_release(&s);
			continue;
		}
		CHECK(rc == 0, "case %s: sources_load returned %d: %s:%ld: %s", c->name, rc,
		      err.file, err.line, err.message);
		CHECK(strcmp(paths[0], "vbestat.conf") == 0 && strcmp(paths[1], "codesets.ini") == 0,
		      "case %s: the paths already in the list were overwritten", c->name);
		for (size_t k = 0; c->paths[k]; k++, want_n++) {
			char want[PATH_BYTES];

			snprintf(want, sizeof(want), "%s/sources/%s", conf_dir, c->paths[k]);
			CHECK(PREFIX + k < npaths, "case %s: only %zu paths appended, want %s next",
			      c->name, npaths - PREFIX, want);
			CHECK(strcmp(paths[PREFIX + k], want) == 0,
			      "case %s: appended path %zu is '%s', want '%s'", c->name, k,
			      paths[PREFIX + k], want);
		}
		CHECK(npaths == want_n, "case %s: %zu paths in the list, want %zu", c->name, npaths,
		      want_n);
		CHECK(npaths <= max, "case %s: %zu paths in a list of at most %zu", c->name, npaths,
		      max);
		CHECK(strcmp(paths[npaths], "(untouched)") == 0,
		      "case %s: a path was written after the last one counted", c->name);
		/* every appended path is the loaded mapping's own path, of the
		 * source the file says */
		for (size_t k = 0; c->paths[k]; k++) {
			const vbs_mapping *m = NULL;

			for (int id = 0; id < SOURCE_COUNT && !m; id++)
				if (map_of(id)->path == paths[PREFIX + k])
					m = map_of(id);
			if (!m && s.logg_map.path == paths[PREFIX + k])
				m = &s.logg_map;
			CHECK(m, "case %s: appended path '%s' is not a mapping's path member",
			      c->name, paths[PREFIX + k]);
			CHECK(strcmp(m->source, c->sources[k]) == 0,
			      "case %s: mapping '%s' has source '%s', want '%s'", c->name, m->path,
			      m->source, c->sources[k]);
		}
		/* read[] marks exactly the sources listed */
		for (int id = 0; id < SOURCE_COUNT; id++) {
			int want = listed(c->read, sources_name((source_id)id));

			CHECK(s.read[id] == want, "case %s: read[%s] is %d, want %d", c->name,
			      sources_name((source_id)id), s.read[id], want);
			CHECK(s.present[id] == 0, "case %s: present[%s] set before any ingest",
			      c->name, sources_name((source_id)id));
		}
		sources_release(&s);
	}
}

/* ---- sources_ingest -------------------------------------------------------- */

struct want_file {
	const char *path; /* NULL ends the list */
	const char *source, *encoding;
	char delimiter;
	long read, accepted, after_as_of;
};

#define IA_FILE { "ia/ia.csv", "ia", "utf-8", ';', 2, 2, 1 }
#define KLOTTER_FILE { "klotter/klotter.csv", "klotter", "utf-8-bom", ',', 1, 1, 0 }

struct ingest_case {
	const char *name;
	const char *read, *required;
	vbs_status code;                    /* VBS_OK: it ingests */
	const char *error_file;             /* under root */
	const char *present;                /* the sources with present[] set */
	struct want_file files[MAX_FILES];  /* the ledger, in order */
	size_t incidents, finds;            /* records staged */
};

static const struct ingest_case ingest_cases[] = {
	{ .name = "klotter_then_ia", .read = "klotter ia", .required = "ia klotter",
	  .present = "klotter ia", .files = { KLOTTER_FILE, IA_FILE }, .incidents = 2,
	  .finds = 1 },
	{ .name = "ia_then_klotter", .read = "ia klotter", .required = "ia klotter",
	  .present = "ia klotter", .files = { IA_FILE, KLOTTER_FILE }, .incidents = 2,
	  .finds = 1 },
	/* optional sources without a folder (befolkning) or without a .csv file
	 * in it (oro) are read as empty */
	{ .name = "optional_absent", .read = "ia befolkning oro klotter",
	  .required = "ia klotter", .present = "ia klotter",
	  .files = { IA_FILE, KLOTTER_FILE }, .incidents = 2, .finds = 1 },
	{ .name = "required_folder_missing", .read = "ia dialog", .required = "ia dialog",
	  .code = VBS_E_NOINPUT, .error_file = "in/dialog" },
	{ .name = "required_folder_without_csv", .read = "klotter oro",
	  .required = "klotter oro", .code = VBS_E_NOINPUT, .error_file = "in/oro" },
};

static void test_ingest(void **state)
{
	(void)state;
	for (size_t i = 0; i < COUNT(ingest_cases); i++) {
		const struct ingest_case *c = &ingest_cases[i];
		const char *paths[MAX_PATHS];
		size_t npaths = 0, nwant = 0;
		char conf[PATH_BYTES];
		vbs_input_files files;
		vbs_rejects rejects;
		vbs_error err;
		vbs_ingest in;
		int rc;

		load_config(c->name, c->read, c->required, conf, sizeof(conf));
		memset(&s, 0, sizeof(s));
		input_files_init(&files);
		rejects_init(&rejects);
		error_init(&err);
		rc = sources_load(&s, &cfg, &cs, paths, &npaths, MAX_PATHS, &err);
		CHECK(rc == 0, "case %s: sources_load: %s: %s", c->name, err.file, err.message);
		in = (vbs_ingest){ .inputs_dir = inputs, .codesets = &cs,
		                   .as_of = date_from_ymd(AS_OF_Y, AS_OF_M, AS_OF_D),
		                   .files = &files, .rejects = &rejects };
		rc = sources_ingest(&s, &cfg, &in, &err);
		if (c->code != VBS_OK) {
			char want[PATH_BYTES];

			snprintf(want, sizeof(want), "%s/%s", root, c->error_file);
			CHECK(rc == -1, "case %s: sources_ingest returned %d, want -1", c->name, rc);
			CHECK(err.code == c->code, "case %s: error code %d, want %d (%s)", c->name,
			      (int)err.code, (int)c->code, err.message);
			CHECK(strcmp(err.file, want) == 0, "case %s: the error names '%s', want '%s'",
			      c->name, err.file, want);
		} else {
			CHECK(rc == 0, "case %s: sources_ingest returned %d: %s:%ld: %s", c->name, rc,
			      err.file, err.line, err.message);
			for (; c->files[nwant].path; nwant++) {
				const struct want_file *w = &c->files[nwant];
				const vbs_input_file *f;

				CHECK(nwant < files.n, "case %s: the ledger has %zu files, want '%s' next",
				      c->name, files.n, w->path);
				f = &files.files[nwant];
				CHECK(strcmp(f->path, w->path) == 0,
				      "case %s: ledger entry %zu is '%s', want '%s' (configured order)",
				      c->name, nwant, f->path, w->path);
				CHECK(strcmp(f->source, w->source) == 0,
				      "case %s: '%s' has source '%s', want '%s'", c->name, w->path,
				      f->source, w->source);
				CHECK(f->encoding && strcmp(f->encoding, w->encoding) == 0,
				      "case %s: '%s' detected as %s, want %s", c->name, w->path,
				      f->encoding ? f->encoding : "(none)", w->encoding);
				CHECK(f->delimiter == w->delimiter,
				      "case %s: '%s' delimiter '%c', want '%c'", c->name, w->path,
				      f->delimiter, w->delimiter);
				CHECK(f->rows_read == w->read && f->accepted == w->accepted &&
				      f->rejected == 0 && f->duplicates == 0,
				      "case %s: '%s' counts %ld read, %ld accepted, %ld rejected, %ld "
				      "duplicates; want %ld, %ld, 0, 0", c->name, w->path, f->rows_read,
				      f->accepted, f->rejected, f->duplicates, w->read, w->accepted);
				CHECK(f->after_as_of == w->after_as_of,
				      "case %s: '%s' has %ld rows after the as-of date, want %ld", c->name,
				      w->path, f->after_as_of, w->after_as_of);
			}
			CHECK(files.n == nwant, "case %s: the ledger has %zu files, want %zu", c->name,
			      files.n, nwant);
			CHECK(rejects.n == 0, "case %s: %zu rejects from valid files (first: %s)",
			      c->name, rejects.n, rejects.n ? rejects.items[0].reason : "");
			CHECK(s.incidents.n == c->incidents, "case %s: %zu IA cases staged, want %zu",
			      c->name, s.incidents.n, c->incidents);
			CHECK(s.finds.table.n == c->finds, "case %s: %zu finds staged, want %zu",
			      c->name, s.finds.table.n, c->finds);
			for (int id = 0; id < SOURCE_COUNT; id++) {
				const char *name = sources_name((source_id)id);
				int want = listed(c->present, name);

				CHECK(s.present[id] == want, "case %s: present[%s] is %d, want %d",
				      c->name, name, s.present[id], want);
			}
		}
		sources_release(&s);
		rejects_release(&rejects);
		input_files_release(&files);
	}
}

/* ---- sources_release ------------------------------------------------------- */

static void test_release_zeroed(void **state)
{
	(void)state;
	memset(&s, 0, sizeof(s));
	sources_release(&s);
	/* and again: a released zeroed struct stays releasable */
	sources_release(&s);
	CHECK(s.incidents.n == 0 && s.finds.table.n == 0,
	      "releasing a zeroed struct left records behind");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_find_and_name),
		cmocka_unit_test(test_load),
		cmocka_unit_test(test_ingest),
		cmocka_unit_test(test_release_zeroed),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
