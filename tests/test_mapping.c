/* test_mapping: the committed pipeline/codesets.ini and pipeline/sources/ia.ini
 * load as inputs.md describes them (codes in order, fallbacks, columns);
 * codeset_lookup folds case and trims; mapping_require's errors; and bad
 * mapping and code-set files in a temp folder stop with VBS_E_CONFIG at the
 * offending line. */
#define _XOPEN_SOURCE 700
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "check.h"

#include <errno.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ingest/mapping.h"


#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

#define PIPELINE "pipeline"

/* Loaded once from the committed files (big structs: kept off the stack). */
static vbs_codesets real_cs;
static vbs_mapping real_ia;
static char tmpdir[512];

/* ---- helpers -------------------------------------------------------------- */

static int remove_entry(const char *path, const struct stat *st, int flag,
                        struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path);
}

static int setup(void **state)
{
	const char *base = getenv("TMPDIR");
	char sources[1024];
	vbs_error err;

	(void)state;
	snprintf(tmpdir, sizeof(tmpdir), "%s/vbs_map_XXXXXX", base && *base ? base : "/tmp");
	if (!mkdtemp(tmpdir))
		return -1;
	snprintf(sources, sizeof(sources), "%s/sources", tmpdir);
	if (mkdir(sources, 0700) != 0)
		return -1;
	error_init(&err);
	if (codesets_load(&real_cs, PIPELINE, &err) != 0 ||
	    mapping_load(&real_ia, PIPELINE, "ia", &real_cs, &err) != 0) {
		print_error("the committed mapping does not load: %s:%ld: %s\n", err.file,
		            err.line, err.message);
		return -1;
	}
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	return nftw(tmpdir, remove_entry, 8, FTW_DEPTH | FTW_PHYS);
}

/* Writes text to tmpdir/name. */
static void write_file(const char *name, const char *text)
{
	char path[1024];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", tmpdir, name);
	f = fopen(path, "wb");
	CHECK(f, "fopen '%s': %s", path, strerror(errno));
	CHECK(fputs(text, f) >= 0, "write '%s'", path);
	CHECK(fclose(f) == 0, "fclose '%s'", path);
}

/* ---- the committed code sets ---------------------------------------------- */

struct set_case {
	const char *name;
	const char *codes[12]; /* in order; ends at NULL */
	int fallback;          /* index, or -1 */
	const char *fallback_name;
	int categories;
};

/* From inputs.md sections 1-7 and "The district's areas". */
static const struct set_case set_cases[] = {
	{ .name = "koppling_vbe", .codes = {"Ja", "Nej", "Oklart"}, .fallback = -1,
	  .categories = 3 },
	{ .name = "handelsetyp", .codes = {"Olycksfall", "Tillbud", "Riskobservation"},
	  .fallback = 3, .fallback_name = "Uppgift saknas", .categories = 4 },
	{ .name = "kategori",
	  .codes = {"Hot", "Våld", "Trakasserier", "Skadegörelse", "Klotter",
	            "Klistermärken/affischer", "Propaganda", "Värvning", "Oro för individ",
	            "Övrigt"},
	  .fallback = 10, .fallback_name = "Uppgift saknas", .categories = 11 },
	{ .name = "miljo",
	  .codes = {"Vit makt-miljön", "Autonoma miljön", "Våldsbejakande islamistisk extremism",
	            "Annan/ensamagerande", "Okänd"},
	  .fallback = 4, .fallback_name = "Okänd", .categories = 5 },
	{ .name = "verksamhetsomrade",
	  .codes = {"Förskola", "Skola", "Fritid", "Parklek", "Socialtjänst", "Äldreomsorg",
	            "Park och gata", "Administration", "Övrigt"},
	  .fallback = 9, .fallback_name = "Uppgift saknas", .categories = 10 },
	{ .name = "omrade",
	  .codes = {"Östermalm city", "Lärkstaden", "Gärdet", "Hjorthagen",
	            "Norra Djurgårdsstaden", "Djurgården", "Frihamnen/Loudden"},
	  .fallback = 7, .fallback_name = "Okänt område", .categories = 8 },
	/* inputs.md section 2; a blank answer is 9, in the set. */
	{ .name = "kon", .codes = {"Kvinna", "Man", "Annat/vill ej uppge"},
	  .fallback = 3, .fallback_name = "Uppgift saknas", .categories = 4 },
	{ .name = "aldersgrupp_trygghet", .codes = {"16-24", "25-44", "45-64", "65-84"},
	  .fallback = 4, .fallback_name = "Uppgift saknas", .categories = 5 },
	{ .name = "svar_f1", .codes = {"1", "2", "3", "4", "5", "9"},
	  .fallback = 5, .fallback_name = "9", .categories = 6 },
	{ .name = "svar_f2", .codes = {"1", "2", "3", "4", "9"},
	  .fallback = 4, .fallback_name = "9", .categories = 5 },
	{ .name = "svar_f3", .codes = {"1", "2", "9"},
	  .fallback = 2, .fallback_name = "9", .categories = 3 },
	{ .name = "svar_f4", .codes = {"1", "2", "3", "9"},
	  .fallback = 3, .fallback_name = "9", .categories = 4 },
	/* section 3 */
	{ .name = "malgrupp",
	  .codes = {"Unga", "Föräldrar", "Äldre", "Boende", "Näringsidkare", "Föreningar",
	            "Skolpersonal", "Blandad"},
	  .fallback = 8, .fallback_name = "Uppgift saknas", .categories = 9 },
	{ .name = "form",
	  .codes = {"Möte", "Trygghetsvandring", "Workshop", "Digital dialog", "Öppet hus"},
	  .fallback = 5, .fallback_name = "Uppgift saknas", .categories = 6 },
	{ .name = "tema",
	  .codes = {"trygghet", "belysning", "klotter", "extremism", "ungdomar", "droger",
	            "trafik", "grönområden", "nedskräpning", "övrigt"},
	  .fallback = -1, .categories = 10 },
	{ .name = "ja_nej", .codes = {"Ja", "Nej"}, .fallback = -1, .categories = 2 },
	/* section 5 */
	{ .name = "arbetsomrade",
	  .codes = {"Förebyggande", "Förhindrande", "Föreningsbidrag", "Kompetenshöjande"},
	  .fallback = -1, .categories = 4 },
	{ .name = "period", .codes = {"år", "termin", "löpande"}, .fallback = -1,
	  .categories = 3 },
	/* section 6 */
	{ .name = "klotter_typ", .codes = {"Klistermärke", "Affisch", "Klotter"},
	  .fallback = -1, .categories = 3 },
	/* section 7 */
	{ .name = "typ_av_oro",
	  .codes = {"Uttalanden", "Symboler", "Propaganda", "Rekrytering", "Resor", "Våld",
	            "Övrigt"},
	  .fallback = -1, .categories = 7 },
	{ .name = "aldersgrupp_oro",
	  .codes = {"Under 13", "13-17", "18-24", "25 och äldre", "Okänd"},
	  .fallback = 4, .fallback_name = "Okänd", .categories = 5 },
};

static void test_real_codesets(void **state)
{
	(void)state;
	CHECK(real_cs.nsets == (int)COUNT(set_cases), "%d code sets, want %zu", real_cs.nsets,
	      COUNT(set_cases));
	for (size_t i = 0; i < COUNT(set_cases); i++) {
		const struct set_case *c = &set_cases[i];
		int s = codesets_find(&real_cs, c->name);
		const vbs_codeset *set;
		int n = 0;

		CHECK(s >= 0, "[%s] code set not found", c->name);
		set = &real_cs.sets[s];
		while (n < 12 && c->codes[n])
			n++;
		CHECK(set->ncodes == n, "[%s] %d codes, want %d", c->name, set->ncodes, n);
		for (int k = 0; k < n; k++) {
			CHECK(strcmp(set->codes[k], c->codes[k]) == 0,
			      "[%s] code %d is \"%s\", want \"%s\"", c->name, k, set->codes[k],
			      c->codes[k]);
			CHECK(strcmp(codeset_category(set, k), c->codes[k]) == 0,
			      "[%s] category %d is \"%s\", want \"%s\"", c->name, k,
			      codeset_category(set, k), c->codes[k]);
		}
		CHECK(set->fallback == c->fallback, "[%s] fallback %d, want %d", c->name,
		      set->fallback, c->fallback);
		CHECK(codeset_categories(set) == c->categories, "[%s] %d categories, want %d",
		      c->name, codeset_categories(set), c->categories);
		if (c->fallback >= 0)
			CHECK(strcmp(codeset_category(set, c->fallback), c->fallback_name) == 0,
			      "[%s] fallback category \"%s\", want \"%s\"", c->name,
			      codeset_category(set, c->fallback), c->fallback_name);
	}
	CHECK(codesets_find(&real_cs, "no_such_set") == -1, "an unknown set was found");
	CHECK(codesets_find(&real_cs, "MILJO") == -1,
	      "set names are ids, matched exactly: MILJO must not find miljo");
}

struct lookup_case {
	const char *name;
	const char *set;
	const char *value;
	int want;
};

static const struct lookup_case lookup_cases[] = {
	{ "exact", "koppling_vbe", "Ja", 0 },
	{ "lower case and blanks", "koppling_vbe", "  ja ", 0 },
	{ "upper case", "koppling_vbe", "OKLART", 2 },
	{ "tab and CR", "koppling_vbe", "\tNej\r", 1 },
	{ "Swedish capitals", "miljo", "VIT MAKT-MILJÖN", 0 },
	{ "the fallback code itself", "miljo", "okänd", 4 },
	{ "area in mixed case", "omrade", "östermalm CITY", 0 },
	{ "area with slash", "omrade", "FRIHAMNEN/LOUDDEN", 6 },
	{ "category with slash", "kategori", "klistermärken/affischer", 5 },
	{ "ÄLDREOMSORG", "verksamhetsomrade", "ÄLDREOMSORG", 5 },
	{ "an extra fallback is not a code", "omrade", "Okänt område", -1 },
	{ "prefix of a code", "kategori", "Klister", -1 },
	{ "code plus more", "koppling_vbe", "Ja Nej", -1 },
	{ "empty", "koppling_vbe", "", -1 },
	{ "blanks only", "koppling_vbe", "   ", -1 },
	{ "missing ring: Gardet", "omrade", "Gardet", -1 },
};

static void test_lookup(void **state)
{
	(void)state;
	for (size_t i = 0; i < COUNT(lookup_cases); i++) {
		const struct lookup_case *c = &lookup_cases[i];
		int s = codesets_find(&real_cs, c->set);
		int got;

		CHECK(s >= 0, "[%s] no set %s", c->name, c->set);
		got = codeset_lookup(&real_cs.sets[s], c->value);
		CHECK(got == c->want, "[%s] codeset_lookup(%s, \"%s\") = %d, want %d", c->name,
		      c->set, c->value, got, c->want);
	}
}

/* ---- the committed IA mapping --------------------------------------------- */

struct column_case {
	const char *id;
	const char *header; /* inputs.md section 1 */
	field_type type;
	int required;
	const char *codeset; /* NULL: none */
	int report_unknown;
	int dimension;
};

static const struct column_case ia_columns[] = {
	{ "arendenummer", "Ärendenummer", FIELD_ID, 1, NULL, 1, 0 },
	{ "handelsedatum", "Händelsedatum", FIELD_DATE, 1, NULL, 1, 0 },
	{ "registrerad", "Registrerad", FIELD_DATE, 0, NULL, 1, 0 },
	{ "senast_andrad", "Senast ändrad", FIELD_DATE, 0, NULL, 1, 0 },
	{ "handelsetyp", "Händelsetyp", FIELD_CODE, 0, "handelsetyp", 1, 1 },
	{ "kategori", "Kategori", FIELD_CODE, 0, "kategori", 1, 1 },
	{ "koppling_vbe", "Koppling VBE", FIELD_CODE, 1, "koppling_vbe", 1, 0 },
	{ "miljo", "Miljö", FIELD_CODE, 0, "miljo", 1, 1 },
	{ "verksamhetsomrade", "Verksamhetsområde", FIELD_CODE, 0, "verksamhetsomrade", 1, 1 },
	{ "enhet", "Enhet", FIELD_LABEL, 0, NULL, 1, 0 },
	{ "omrade", "Område", FIELD_CODE, 0, "omrade", 0, 1 },
	{ "beskrivning", "Beskrivning", FIELD_TEXT, 0, NULL, 1, 0 },
};

static void test_real_ia(void **state)
{
	const vbs_mapping *m = &real_ia;

	(void)state;
	CHECK(strcmp(m->source, "ia") == 0, "source \"%s\", want ia", m->source);
	CHECK(strcmp(m->folder, "ia") == 0, "folder \"%s\", want ia", m->folder);
	CHECK(strcmp(m->path, PIPELINE "/sources/ia.ini") == 0, "path \"%s\"", m->path);
	CHECK(m->ncolumns == (int)COUNT(ia_columns), "%d columns, want %zu", m->ncolumns,
	      COUNT(ia_columns));
	for (size_t i = 0; i < COUNT(ia_columns); i++) {
		const struct column_case *c = &ia_columns[i];
		const vbs_column *col = &m->columns[i];
		int want_set = c->codeset ? codesets_find(&real_cs, c->codeset) : -1;

		CHECK(strcmp(col->id, c->id) == 0, "column %zu: id \"%s\", want \"%s\"", i,
		      col->id, c->id);
		CHECK(mapping_column(m, c->id) == (int)i, "[%s] mapping_column = %d, want %zu",
		      c->id, mapping_column(m, c->id), i);
		CHECK(strcmp(col->header, c->header) == 0, "[%s] header \"%s\", want \"%s\"",
		      c->id, col->header, c->header);
		CHECK(col->type == c->type, "[%s] type %d, want %d", c->id, col->type, c->type);
		CHECK(col->required == c->required, "[%s] required %d, want %d", c->id,
		      col->required, c->required);
		CHECK(col->codeset == want_set, "[%s] codeset %d, want %d (%s)", c->id,
		      col->codeset, want_set, c->codeset ? c->codeset : "none");
		CHECK(col->report_unknown == c->report_unknown, "[%s] report_unknown %d, want %d",
		      c->id, col->report_unknown, c->report_unknown);
		CHECK(col->dimension == c->dimension, "[%s] dimension %d, want %d", c->id,
		      col->dimension, c->dimension);
	}
	CHECK(mapping_column(m, "no_such_column") == -1, "an unknown column id was found");
}

struct require_case {
	const char *name;
	const char *id;
	field_type type;
	int want;            /* index, or -1 */
	const char *message; /* on error, a part of err.message */
};

static const struct require_case require_cases[] = {
	{ "a code column", "miljo", FIELD_CODE, 7, NULL },
	{ "the id column", "arendenummer", FIELD_ID, 0, NULL },
	{ "a date column", "senast_andrad", FIELD_DATE, 3, NULL },
	{ "a missing column", "antal", FIELD_INTEGER, -1, "[column antal]" },
	{ "the wrong type", "miljo", FIELD_DATE, -1, "wrong type" },
	{ "text asked for as a label", "beskrivning", FIELD_LABEL, -1, "wrong type" },
};

static void test_require(void **state)
{
	(void)state;
	for (size_t i = 0; i < COUNT(require_cases); i++) {
		const struct require_case *c = &require_cases[i];
		vbs_error err;
		int got;

		error_init(&err);
		got = mapping_require(&real_ia, c->id, c->type, &err);
		CHECK(got == c->want, "[%s] mapping_require(%s) = %d, want %d", c->name, c->id,
		      got, c->want);
		if (c->want >= 0)
			continue;
		CHECK(err.code == VBS_E_CONFIG, "[%s] err.code %d, want 78", c->name, err.code);
		CHECK(strcmp(err.file, real_ia.path) == 0, "[%s] err.file \"%s\", want \"%s\"",
		      c->name, err.file, real_ia.path);
		CHECK(strstr(err.message, c->message) != NULL,
		      "[%s] err.message \"%s\" lacks \"%s\"", c->name, err.message, c->message);
	}
}

/* ---- bad mapping files ---------------------------------------------------- */

struct bad_case {
	const char *name;
	const char *text;
	long line;           /* err.line; 0 when the problem has no line */
	const char *message; /* a part of err.message */
};

#define SRC "[source]\nid = x\nfolder = x\n"  /* lines 1-3 */

static const struct bad_case bad_mappings[] = {
	{ "unknown type",
	  SRC "[column a]\nheader = A\ntype = string\n", 6, "unknown type 'string'" },
	{ "code set not found",
	  SRC "[column a]\nheader = A\ntype = code\ncodeset = miljö\n", 7, "'miljö'" },
	{ "duplicate header",
	  SRC "[column a]\nheader = Miljö\ntype = label\n\n[column b]\nheader = Miljö\n", 9,
	  "same header" },
	{ "duplicate header, other case and blanks",
	  SRC "[column a]\nheader = Miljö\n[column b]\ntype = label\nheader = MILJÖ\n", 8,
	  "same header" },
	{ "unknown key in a column",
	  SRC "[column a]\nheader = A\nrequierd = yes\n", 6, "'requierd'" },
	{ "unknown key in [source]", "[source]\nid = x\nname = X\n", 3, "'name'" },
	{ "not yes or no", SRC "[column a]\nheader = A\nrequired = ja\n", 6, "'ja'" },
	{ "min not a number", SRC "[column a]\nheader = A\ntype = integer\nmin = noll\n", 7,
	  "'noll'" },
	{ "unknown section", SRC "[kolumn a]\nheader = A\n", 5, "[kolumn a]" },
	{ "column defined twice",
	  SRC "[column a]\nheader = A\n[column b]\nheader = B\n[column a]\ntype = id\n", 9,
	  "defined twice" },
	{ "header longer than its limit (96 bytes)",
	  SRC "[column a]\nheader = "
	  "0123456789012345678901234567890123456789012345678901234567890123456789"
	  "01234567890123456789012345\n", 5, "1 to 95 bytes" },
	{ "source id is not the file's name", "[source]\nid = y\n", 0, "must be 'x'" },
	{ "a code column without a code set", SRC "[column a]\nheader = A\ntype = code\n", 0,
	  "names no codeset" },
	{ "a column without a header", SRC "[column a]\ntype = id\n", 0, "no header" },
	{ "a bad line", SRC "[column a]\nheader A\n", 5, "not a valid INI line" },
};

static void check_error(const char *name, int rc, const vbs_error *err,
                        const char *path, long line, const char *message)
{
	CHECK(rc == -1, "[%s] returned %d, want -1", name, rc);
	CHECK(err->code == VBS_E_CONFIG, "[%s] err.code %d, want VBS_E_CONFIG (78)", name,
	      err->code);
	CHECK(strcmp(err->file, path) == 0, "[%s] err.file \"%s\", want \"%s\"", name,
	      err->file, path);
	CHECK(err->line == line, "[%s] err.line %ld, want %ld (%s)", name, err->line, line,
	      err->message);
	CHECK(strstr(err->message, message) != NULL, "[%s] err.message \"%s\" lacks \"%s\"",
	      name, err->message, message);
}

static void test_bad_mappings(void **state)
{
	static vbs_mapping m;

	(void)state;
	for (size_t i = 0; i < COUNT(bad_mappings); i++) {
		const struct bad_case *c = &bad_mappings[i];
		char path[1024];
		vbs_error err;
		int rc;

		error_init(&err);
		write_file("sources/x.ini", c->text);
		snprintf(path, sizeof(path), "%s/sources/x.ini", tmpdir);
		rc = mapping_load(&m, tmpdir, "x", &real_cs, &err);
		check_error(c->name, rc, &err, path, c->line, c->message);
	}
}

static void test_good_mapping(void **state)
{
	static vbs_mapping m;
	vbs_error err;

	(void)state;
	error_init(&err);
	write_file("sources/x.ini",
	           "[source]\nid = x\n\n[column antal]\nheader = Antal deltagare\n"
	           "type = integer\nmin = 0\nrequired = yes\n[column vikt]\nheader = Vikt\n"
	           "type = decimal\npositive = yes\n");
	CHECK(mapping_load(&m, tmpdir, "x", &real_cs, &err) == 0, "a good mapping: %s:%ld: %s",
	      err.file, err.line, err.message);
	CHECK(strcmp(m.folder, "x") == 0, "folder \"%s\", want x (the source id by default)",
	      m.folder);
	CHECK(m.ncolumns == 2 && m.columns[0].type == FIELD_INTEGER && m.columns[0].min == 0 &&
	      m.columns[0].required == 1 && m.columns[1].type == FIELD_DECIMAL &&
	      m.columns[1].positive == 1 && m.columns[1].required == 0,
	      "the columns antal (integer, min 0, required) and vikt (decimal, positive) "
	      "were not read as written");
}

/* ---- bad code-set files --------------------------------------------------- */

static const struct bad_case bad_codesets[] = {
	{ "a code listed twice (other case)", "[codeset a]\ncode = Ja\ncode = JA \n", 3,
	  "listed twice" },
	{ "unknown key", "[codeset a]\ncode = Ja\ndefault = Ja\n", 3, "'default'" },
	{ "set defined twice", "[codeset a]\ncode = Ja\n[codeset b]\ncode = X\n[codeset a]\n"
	  "code = Nej\n", 6, "defined twice" },
	{ "not a codeset section", "[codeset a]\ncode = Ja\n[set b]\ncode = X\n", 4, "[set b]" },
	{ "a set without codes", "[codeset a]\nfallback = Okänd\n", 0, "no codes" },
};

static void test_bad_codesets(void **state)
{
	static vbs_codesets cs;

	(void)state;
	for (size_t i = 0; i < COUNT(bad_codesets); i++) {
		const struct bad_case *c = &bad_codesets[i];
		char path[1024];
		vbs_error err;
		int rc;

		error_init(&err);
		write_file("codesets.ini", c->text);
		snprintf(path, sizeof(path), "%s/codesets.ini", tmpdir);
		rc = codesets_load(&cs, tmpdir, &err);
		check_error(c->name, rc, &err, path, c->line, c->message);
	}
}

static void test_missing_files(void **state)
{
	static vbs_codesets cs;
	static vbs_mapping m;
	char path[1024], dir[600];
	vbs_error err;

	(void)state;
	error_init(&err);
	snprintf(path, sizeof(path), "%s/sources/nosuch.ini", tmpdir);
	check_error("missing mapping", mapping_load(&m, tmpdir, "nosuch", &real_cs, &err), &err,
	            path, 0, "unable to open");
	error_init(&err);
	snprintf(dir, sizeof(dir), "%s/nowhere", tmpdir);
	snprintf(path, sizeof(path), "%s/codesets.ini", dir);
	check_error("missing code sets", codesets_load(&cs, dir, &err), &err, path, 0,
	            "unable to open");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_real_codesets),
		cmocka_unit_test(test_lookup),
		cmocka_unit_test(test_real_ia),
		cmocka_unit_test(test_require),
		cmocka_unit_test(test_bad_mappings),
		cmocka_unit_test(test_good_mapping),
		cmocka_unit_test(test_bad_codesets),
		cmocka_unit_test(test_missing_files),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
