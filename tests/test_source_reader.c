/* test_source_reader: small IA input folders built in a temp folder and read
 * with the committed pipeline/ mapping: file order, header matching, field
 * counts, required and optional values, areas, free text kept out of the
 * rejects, missing folders, the per-file ledger (with input_files and
 * rejects), and de-duplication and the as-of count through ingest_ia. */
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

#include "ingest/ingest_ia.h"
#include "ingest/input_files.h"
#include "ingest/mapping.h"
#include "ingest/rejects.h"
#include "ingest/source_reader.h"


#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

#define PIPELINE "pipeline"

enum { MAX_ROWS = 32, MAX_FILES = 4, PATH_MAX_ = 1024 };

/* The IA header of inputs.md section 1, in its order. */
#define HDR "Ärendenummer;Händelsedatum;Registrerad;Senast ändrad;Händelsetyp;" \
	"Kategori;Koppling VBE;Miljö;Verksamhetsområde;Enhet;Område;Beskrivning\n"
/* Free text with a name and a valid personnummer (Luhn digit 6 by hand):
 * neither may appear in any reject. */
#define PNR "850101-1236"
#define NAME "Kalle Anka"
#define BESK NAME " " PNR " hotade personal"
/* A full IA row; the codes not named are valid. */
#define ROW(id, ev, reg, mod, typ, kat, vbe, miljo, verk, omr) \
	id ";" ev ";" reg ";" mod ";" typ ";" kat ";" vbe ";" miljo ";" verk \
	";Fältassistenterna;" omr ";" BESK "\n"
#define GOOD(id) ROW(id, "2021-03-14 16:45", "2021-03-15", "2021-04-02 10:11", \
	"Tillbud", "Hot", "Ja", "Okänd", "Skola", "Gärdet")

/* Day numbers and stamps by `date -u -d ... +%s` (/ 86400 for days). */
#define D20210314 18700
#define S20210314_1645 INT64_C(1615740300)
#define D20210315 18701
#define M20210402_1011 26955971
#define D20210630 18808

/* Code indices in pipeline/codesets.ini, in the order of inputs.md. */
enum { VBE_JA = 0, VBE_NEJ = 1, MILJO_VIT_MAKT = 0, MILJO_OKAND = 4,
       KATEGORI_HOT = 0, KATEGORI_SAKNAS = 10, OMRADE_GARDET = 2,
       OMRADE_OKANT = 7 };

static vbs_codesets cs;
static vbs_mapping ia;
static char root[512];
static int ncases;

/* Column indices in the IA mapping. */
static int c_id, c_event, c_reg, c_mod, c_kategori, c_vbe, c_miljo, c_omrade;

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
	vbs_error err;

	(void)state;
	snprintf(root, sizeof(root), "%s/vbs_src_XXXXXX", base && *base ? base : "/tmp");
	if (!mkdtemp(root))
		return -1;
	error_init(&err);
	if (codesets_load(&cs, PIPELINE, &err) != 0 ||
	    mapping_load(&ia, PIPELINE, "ia", &cs, &err) != 0) {
		print_error("the committed mapping does not load: %s:%ld: %s\n", err.file,
		            err.line, err.message);
		return -1;
	}
	c_id = mapping_column(&ia, "arendenummer");
	c_event = mapping_column(&ia, "handelsedatum");
	c_reg = mapping_column(&ia, "registrerad");
	c_mod = mapping_column(&ia, "senast_andrad");
	c_kategori = mapping_column(&ia, "kategori");
	c_vbe = mapping_column(&ia, "koppling_vbe");
	c_miljo = mapping_column(&ia, "miljo");
	c_omrade = mapping_column(&ia, "omrade");
	return c_id < 0 || c_event < 0 || c_reg < 0 || c_mod < 0 || c_kategori < 0 ||
	       c_vbe < 0 || c_miljo < 0 || c_omrade < 0 ? -1 : 0;
}

static int teardown(void **state)
{
	(void)state;
	return nftw(root, remove_entry, 8, FTW_DEPTH | FTW_PHYS);
}

/* A new, empty inputs folder under root; with_ia: with its ia/ folder. */
static void new_inputs(char *dir, size_t size, int with_ia)
{
	char ia_dir[PATH_MAX_ + 8];

	snprintf(dir, size, "%s/case%d", root, ++ncases);
	CHECK(mkdir(dir, 0700) == 0, "mkdir '%s': %s", dir, strerror(errno));
	if (!with_ia)
		return;
	snprintf(ia_dir, sizeof(ia_dir), "%s/ia", dir);
	CHECK(mkdir(ia_dir, 0700) == 0, "mkdir '%s': %s", ia_dir, strerror(errno));
}

/* Writes n bytes to inputs/ia/name. */
static void put_bytes(const char *inputs, const char *name, const char *bytes, size_t n)
{
	char path[PATH_MAX_ * 2];
	FILE *f;

	snprintf(path, sizeof(path), "%s/ia/%s", inputs, name);
	f = fopen(path, "wb");
	CHECK(f, "fopen '%s': %s", path, strerror(errno));
	CHECK(fwrite(bytes, 1, n, f) == n, "write '%s'", path);
	CHECK(fclose(f) == 0, "fclose '%s'", path);
}

static void put(const char *inputs, const char *name, const char *text)
{
	put_bytes(inputs, name, text, strlen(text));
}

/* One row as the callback saw it. */
struct got_row {
	int file;
	long line;
	char id[64];
	vbs_value v[MAPPING_COLUMNS_MAX];
};

/* What the callback got; results[i] is returned for row i (0 = accepted),
 * and fail_at (when > 0) makes row fail_at - 1 fail. */
struct got {
	int n;
	struct got_row rows[MAX_ROWS];
	int results[MAX_ROWS];
	int fail_at;
};

static int record(const vbs_row *row, void *ctx, vbs_error *err)
{
	struct got *g = ctx;
	struct got_row *r;

	if (g->fail_at && g->n == g->fail_at - 1)
		return error_set(err, VBS_E_SOFTWARE, NULL, 0, NULL, "callback failed on purpose");
	if (g->n == MAX_ROWS)
		return error_set(err, VBS_E_SOFTWARE, NULL, 0, NULL, "more than %d rows", MAX_ROWS);
	r = &g->rows[g->n];
	r->file = row->file;
	r->line = row->line;
	memcpy(r->v, row->values, sizeof(r->v[0]) * (size_t)ia.ncolumns);
	snprintf(r->id, sizeof(r->id), "%s", row->values[c_id].text ? row->values[c_id].text : "");
	for (int i = 0; i < ia.ncolumns; i++)
		r->v[i].text = NULL; /* valid only during the callback */
	return g->results[g->n++];
}

/* Checks what must hold after every read: per file rows_read = accepted +
 * rejected + duplicates (after a successful read: a failed one is thrown
 * away), and no reject holds the free text. */
static void check_invariants(const char *name, int rc, const vbs_input_files *files,
                             const vbs_rejects *rejects)
{
	for (size_t i = 0; rc == 0 && i < files->n; i++) {
		const vbs_input_file *f = &files->files[i];

		CHECK(f->rows_read == f->accepted + f->rejected + f->duplicates,
		      "[%s] %s: read %ld != accepted %ld + rejected %ld + duplicates %ld", name,
		      f->path, f->rows_read, f->accepted, f->rejected, f->duplicates);
	}
	for (size_t i = 0; i < rejects->n; i++) {
		const vbs_reject *j = &rejects->items[i];
		const char *fields[] = {j->source, j->file, j->column, j->value, j->reason};

		for (size_t k = 0; k < COUNT(fields); k++)
			CHECK(!strstr(fields[k], PNR) && !strstr(fields[k], NAME) &&
			      !strstr(fields[k], "hotade"),
			      "[%s] reject %zu (line %ld) leaks free text: \"%s\"", name, i, j->line,
			      fields[k]);
	}
}

struct run {
	vbs_input_files files;
	vbs_rejects rejects;
	struct got got;
	vbs_error err;
	int rc;
};

/* Reads inputs with the IA mapping and the recording callback. */
static void read_source(const char *name, const char *inputs, int required, struct run *r)
{
	vbs_source_read req = {
		.mapping = &ia,
		.codesets = &cs,
		.inputs_dir = inputs,
		.required = required,
		.files = &r->files,
		.rejects = &r->rejects,
		.on_row = record,
		.ctx = &r->got,
	};

	error_init(&r->err);
	r->rc = source_reader_read(&req, &r->err);
	check_invariants(name, r->rc, &r->files, &r->rejects);
}

static void run_init(struct run *r)
{
	memset(r, 0, sizeof(*r));
	input_files_init(&r->files);
	rejects_init(&r->rejects);
}

static void run_release(struct run *r)
{
	input_files_release(&r->files);
	rejects_release(&r->rejects);
}

static const vbs_reject *find_reject(const vbs_rejects *rj, long line, const char *column)
{
	for (size_t i = 0; i < rj->n; i++)
		if (rj->items[i].line == line && strcmp(rj->items[i].column, column) == 0)
			return &rj->items[i];
	return NULL;
}

/* A reject at line/column with this value whose reason holds `reason`. */
static void check_reject(const char *name, const vbs_rejects *rj, const char *file,
                         long line, const char *column, const char *value,
                         const char *reason)
{
	const vbs_reject *j = find_reject(rj, line, column);

	CHECK(j, "[%s] no reject at line %ld column '%s'", name, line, column);
	CHECK(strcmp(j->source, "ia") == 0, "[%s] line %ld: source \"%s\", want ia", name,
	      line, j->source);
	CHECK(strcmp(j->file, file) == 0, "[%s] line %ld: file \"%s\", want \"%s\"", name,
	      line, j->file, file);
	CHECK(strcmp(j->value, value) == 0, "[%s] line %ld column '%s': value \"%s\", want \"%s\"",
	      name, line, column, j->value, value);
	CHECK(strstr(j->reason, reason) != NULL,
	      "[%s] line %ld column '%s': reason \"%s\" lacks \"%s\"", name, line, column,
	      j->reason, reason);
}

static void check_counts(const char *name, const vbs_input_file *f, long read,
                         long accepted, long rejected, long duplicates)
{
	CHECK(f->rows_read == read && f->accepted == accepted && f->rejected == rejected &&
	      f->duplicates == duplicates,
	      "[%s] %s: read/accepted/rejected/duplicates %ld/%ld/%ld/%ld, want %ld/%ld/%ld/%ld",
	      name, f->path, f->rows_read, f->accepted, f->rejected, f->duplicates, read,
	      accepted, rejected, duplicates);
}

/* ---- file order ----------------------------------------------------------- */

static void test_file_order(void **state)
{
	/* Byte order: digits < upper case < lower case; "10" before "9". */
	static const char *const order[] = {"ia/10.csv", "ia/9.csv", "ia/B.csv", "ia/a.csv"};
	static const char *const ids[] = {"IA-10", "IA-9", "IA-B", "IA-A"};
	char inputs[PATH_MAX_];
	struct run r;

	(void)state;
	run_init(&r);
	new_inputs(inputs, sizeof(inputs), 1);
	put(inputs, "a.csv", HDR GOOD("IA-A"));
	put(inputs, "B.csv", HDR GOOD("IA-B"));
	put(inputs, "9.csv", HDR GOOD("IA-9"));
	put(inputs, "10.csv", HDR GOOD("IA-10"));
	put(inputs, "notes.txt", "not an export \"\n");
	read_source("file order", inputs, 1, &r);
	CHECK(r.rc == 0, "[file order] read failed: %s: %s", r.err.file, r.err.message);
	CHECK(r.files.n == COUNT(order), "[file order] %zu files read, want %zu (notes.txt "
	      "is not a .csv)", r.files.n, COUNT(order));
	for (size_t i = 0; i < COUNT(order); i++) {
		CHECK(strcmp(r.files.files[i].path, order[i]) == 0,
		      "[file order] file %zu is \"%s\", want \"%s\"", i, r.files.files[i].path,
		      order[i]);
		CHECK(strcmp(r.files.files[i].source, "ia") == 0, "[file order] file %zu source "
		      "\"%s\"", i, r.files.files[i].source);
		check_counts("file order", &r.files.files[i], 1, 1, 0, 0);
	}
	CHECK(r.got.n == (int)COUNT(ids), "[file order] %d rows, want %zu", r.got.n, COUNT(ids));
	for (size_t i = 0; i < COUNT(ids); i++)
		CHECK(strcmp(r.got.rows[i].id, ids[i]) == 0 && r.got.rows[i].file == (int)i &&
		      r.got.rows[i].line == 2,
		      "[file order] row %zu: id \"%s\" file %d line %ld, want \"%s\" file %zu line 2",
		      i, r.got.rows[i].id, r.got.rows[i].file, r.got.rows[i].line, ids[i], i);
	CHECK(r.rejects.n == 0, "[file order] %zu rejects from good rows", r.rejects.n);
	run_release(&r);
}

/* ---- header matching ------------------------------------------------------ */

static void test_header_matching(void **state)
{
	char inputs[PATH_MAX_];
	struct run r;
	const struct got_row *g;

	(void)state;
	run_init(&r);
	new_inputs(inputs, sizeof(inputs), 1);
	/* Another order, other case, blanks, an unknown column holding a
	 * personnummer, and columns left out. */
	put(inputs, "a.csv",
	    "beskrivning;KOPPLING VBE;Extra kolumn; händelsedatum ;ÄRENDENUMMER;MILJÖ;område\n"
	    "Fritext " PNR ";ja;" PNR ";2021-03-14 16:45;IA-1;vit makt-miljön;GÄRDET\n");
	/* Windows-1252, ',' and CRLF: the header still matches. */
	put(inputs, "b.csv",
	    "\xC4rendenummer,H\xE4ndelsedatum,Koppling VBE,Milj\xF6\r\n"
	    "IA-2,2021-03-15,Nej,Ok\xE4nd\r\n");
	read_source("header", inputs, 1, &r);
	CHECK(r.rc == 0, "[header] read failed: %s: %s", r.err.file, r.err.message);
	CHECK(r.got.n == 2, "[header] %d rows, want 2", r.got.n);
	CHECK(r.rejects.n == 0, "[header] %zu rejects, want 0 (first: column '%s' value '%s')",
	      r.rejects.n, r.rejects.n ? r.rejects.items[0].column : "",
	      r.rejects.n ? r.rejects.items[0].value : "");
	g = &r.got.rows[0];
	CHECK(strcmp(g->id, "IA-1") == 0, "[header] id \"%s\", want IA-1", g->id);
	CHECK(g->v[c_event].status == VALUE_OK && g->v[c_event].day == D20210314 &&
	      g->v[c_event].stamp == S20210314_1645,
	      "[header] Händelsedatum: status %d day %d stamp %lld, want OK %d %lld",
	      g->v[c_event].status, (int)g->v[c_event].day, (long long)g->v[c_event].stamp,
	      D20210314, (long long)S20210314_1645);
	CHECK(g->v[c_vbe].status == VALUE_OK && g->v[c_vbe].code == VBE_JA,
	      "[header] Koppling VBE 'ja': code %d, want Ja", g->v[c_vbe].code);
	CHECK(g->v[c_miljo].status == VALUE_OK && g->v[c_miljo].code == MILJO_VIT_MAKT,
	      "[header] Miljö: code %d, want Vit makt-miljön", g->v[c_miljo].code);
	CHECK(g->v[c_omrade].status == VALUE_OK && g->v[c_omrade].code == OMRADE_GARDET &&
	      !g->v[c_omrade].fallback_silent,
	      "[header] Område 'GÄRDET': code %d silent %d, want Gärdet", g->v[c_omrade].code,
	      g->v[c_omrade].fallback_silent);
	CHECK(g->v[c_reg].status == VALUE_ABSENT && g->v[c_mod].status == VALUE_ABSENT,
	      "[header] Registrerad and Senast ändrad are not in the file: status %d %d, "
	      "want VALUE_ABSENT", g->v[c_reg].status, g->v[c_mod].status);
	CHECK(g->v[c_kategori].status == VALUE_ABSENT &&
	      g->v[c_kategori].code == KATEGORI_SAKNAS,
	      "[header] an absent Kategori: status %d code %d, want ABSENT with 'Uppgift saknas'",
	      g->v[c_kategori].status, g->v[c_kategori].code);
	g = &r.got.rows[1];
	CHECK(strcmp(g->id, "IA-2") == 0 && g->v[c_event].day == D20210315 &&
	      g->v[c_vbe].code == VBE_NEJ && g->v[c_miljo].code == MILJO_OKAND,
	      "[header] Windows-1252 row: id \"%s\" day %d vbe %d miljö %d", g->id,
	      (int)g->v[c_event].day, g->v[c_vbe].code, g->v[c_miljo].code);
	CHECK(r.files.files[1].delimiter == ',' &&
	      strcmp(r.files.files[1].encoding, "windows-1252") == 0,
	      "[header] b.csv: delimiter '%c' encoding %s", r.files.files[1].delimiter,
	      r.files.files[1].encoding);
	run_release(&r);
}

/* ---- whole-file errors ---------------------------------------------------- */

struct file_error_case {
	const char *name;
	const char *text;
	long line;
	const char *column;
};

static const struct file_error_case file_errors[] = {
	{ "Koppling VBE missing from the header",
	  "Ärendenummer;Händelsedatum;Miljö\nIA-1;2021-03-14;Okänd\n", 1, "Koppling VBE" },
	{ "Ärendenummer missing, header after empty lines",
	  "\n\nÄrende;Händelsedatum;Koppling VBE\nIA-1;2021-03-14;Ja\n", 3, "Ärendenummer" },
	{ "a header with only optional columns",
	  "Miljö;Område\nOkänd;Gärdet\n", 1, "Ärendenummer" },
};

static void test_file_errors(void **state)
{
	(void)state;
	for (size_t i = 0; i < COUNT(file_errors); i++) {
		const struct file_error_case *c = &file_errors[i];
		char inputs[PATH_MAX_];
		struct run r;

		run_init(&r);
		new_inputs(inputs, sizeof(inputs), 1);
		put(inputs, "x.csv", c->text);
		read_source(c->name, inputs, 1, &r);
		CHECK(r.rc == -1, "[%s] the read succeeded", c->name);
		CHECK(r.err.code == VBS_E_DATA, "[%s] err.code %d, want VBS_E_DATA (65)", c->name,
		      r.err.code);
		CHECK(strcmp(r.err.file, "ia/x.csv") == 0, "[%s] err.file \"%s\", want ia/x.csv",
		      c->name, r.err.file);
		CHECK(strcmp(r.err.column, c->column) == 0, "[%s] err.column \"%s\", want \"%s\"",
		      c->name, r.err.column, c->column);
		CHECK(r.err.line == c->line, "[%s] err.line %ld, want %ld", c->name, r.err.line,
		      c->line);
		CHECK(r.got.n == 0, "[%s] %d rows handed on from a refused file", c->name, r.got.n);
		run_release(&r);
	}
}

/* ---- field counts --------------------------------------------------------- */

static void test_field_count(void **state)
{
	char inputs[PATH_MAX_];
	struct run r;

	(void)state;
	run_init(&r);
	new_inputs(inputs, sizeof(inputs), 1);
	put(inputs, "x.csv",
	    HDR
	    GOOD("IA-1")                                               /* line 2 */
	    "IA-2;2021-03-14;;;Tillbud;Hot;Ja;Okänd;Skola;F;Gärdet;" BESK ";extra\n" /* 3 */
	    "\n"                                                       /* 4: skipped */
	    "IA-3;2021-03-14;Ja;" BESK "\n"                             /* 5: too few */
	    ";;;;;;;;;;;\n"                                            /* 6: skipped */
	    GOOD("IA-4"));                                             /* 7 */
	read_source("field count", inputs, 1, &r);
	CHECK(r.rc == 0, "[field count] read failed: %s", r.err.message);
	check_counts("field count", &r.files.files[0], 4, 2, 2, 0);
	CHECK(r.rejects.n == 2, "[field count] %zu rejects, want 2", r.rejects.n);
	check_reject("too many fields", &r.rejects, "ia/x.csv", 3, "", "", "13 fält");
	check_reject("too few fields", &r.rejects, "ia/x.csv", 5, "", "", "4 fält");
	CHECK(r.got.n == 2 && r.got.rows[0].line == 2 && r.got.rows[1].line == 7,
	      "[field count] rows handed on: %d (lines %ld, %ld), want lines 2 and 7", r.got.n,
	      r.got.n > 0 ? r.got.rows[0].line : 0, r.got.n > 1 ? r.got.rows[1].line : 0);
	run_release(&r);
}

/* ---- required values ------------------------------------------------------ */

static void test_required_values(void **state)
{
	char inputs[PATH_MAX_];
	struct run r;

	(void)state;
	run_init(&r);
	new_inputs(inputs, sizeof(inputs), 1);
	put(inputs, "x.csv",
	    HDR
	    ROW("IA-1", "", "", "", "Tillbud", "Hot", "Ja", "Okänd", "Skola", "Gärdet")
	    ROW("IA-2", "2021-03-14", "", "", "Tillbud", "Hot", "Kanske", "Okänd", "Skola", "Gärdet")
	    ROW("IA-3", "2021-02-30", "", "", "Tillbud", "Hot", "Ja", "Okänd", "Skola", "Gärdet")
	    ROW("  ", "2021-03-14", "", "", "Tillbud", "Hot", "Ja", "Okänd", "Skola", "Gärdet")
	    /* a quoted free text over two lines moves the next rows down */
	    "IA-5;2021-03-14;;;Tillbud;Hot;Ja;Okänd;Skola;F;Gärdet;\"" NAME ";\n" PNR "\"\n"
	    ROW("", "14/3/2021", "igår", "", "Tillbud", "Hot", "", "Vit makt", "Skola", "Gärdet")
	    /* line 9: the only required problem comes after the optional ones */
	    ROW("IA-9", "2021-03-14", "igår", "", "Tillbud", "Hotfullt", "Kanske", "Okänd", "Skola",
	        "Gärdet"));
	read_source("required", inputs, 1, &r);
	CHECK(r.rc == 0, "[required] read failed: %s", r.err.message);
	check_counts("required", &r.files.files[0], 7, 1, 6, 0);
	check_reject("blank Händelsedatum", &r.rejects, "ia/x.csv", 2, "Händelsedatum", "",
	             "Raden har inte räknats");
	check_reject("unknown Koppling VBE", &r.rejects, "ia/x.csv", 3, "Koppling VBE",
	             "Kanske", "Raden har inte räknats");
	check_reject("impossible Händelsedatum", &r.rejects, "ia/x.csv", 4, "Händelsedatum",
	             "2021-02-30", "Raden har inte räknats");
	check_reject("blank Ärendenummer", &r.rejects, "ia/x.csv", 5, "Ärendenummer", "",
	             "Raden har inte räknats");
	/* Line 8: every bad value of a dropped row is reported, and the optional
	 * ones do not claim the row was counted. */
	check_reject("second row: blank id", &r.rejects, "ia/x.csv", 8, "Ärendenummer", "",
	             "inte räknats");
	check_reject("second row: bad date", &r.rejects, "ia/x.csv", 8, "Händelsedatum",
	             "14/3/2021", "inte räknats");
	check_reject("second row: blank Koppling VBE", &r.rejects, "ia/x.csv", 8,
	             "Koppling VBE", "", "inte räknats");
	check_reject("second row: bad Miljö", &r.rejects, "ia/x.csv", 8, "Miljö", "Vit makt",
	             "Okänt värde");
	check_reject("second row: bad Miljö", &r.rejects, "ia/x.csv", 8, "Miljö", "Vit makt",
	             "Raden har inte räknats");
	check_reject("second row: bad Registrerad", &r.rejects, "ia/x.csv", 8, "Registrerad",
	             "igår", "Raden har inte räknats");
	check_reject("third row: bad Registrerad", &r.rejects, "ia/x.csv", 9, "Registrerad",
	             "igår", "Raden har inte räknats");
	check_reject("third row: bad Kategori", &r.rejects, "ia/x.csv", 9, "Kategori",
	             "Hotfullt", "Raden har inte räknats");
	check_reject("third row: bad Koppling VBE", &r.rejects, "ia/x.csv", 9, "Koppling VBE",
	             "Kanske", "Raden har inte räknats");
	for (size_t i = 0; i < r.rejects.n; i++)
		CHECK(!strstr(r.rejects.items[i].reason, "Raden har räknats"),
		      "[required] line %ld column '%s': a dropped row's reject says it was "
		      "counted: \"%s\"", r.rejects.items[i].line, r.rejects.items[i].column,
		      r.rejects.items[i].reason);
	CHECK(r.rejects.n == 12, "[required] %zu rejects, want 12", r.rejects.n);
	CHECK(r.got.n == 1 && strcmp(r.got.rows[0].id, "IA-5") == 0 && r.got.rows[0].line == 6,
	      "[required] kept rows: %d, first \"%s\" line %ld, want only IA-5 at line 6",
	      r.got.n, r.got.n ? r.got.rows[0].id : "", r.got.n ? r.got.rows[0].line : 0);
	run_release(&r);
}

/* ---- optional values and areas -------------------------------------------- */

struct optional_case {
	const char *name;
	const char *row;
	int col_kind;         /* 0: Miljö, 1: Kategori, 2: Registrerad, 3: Område */
	value_status status;
	int code;             /* for codes */
	int silent;           /* fallback_silent */
	const char *column;   /* the reject's column, or NULL: no reject */
	const char *value;
	const char *reason;
};

static const struct optional_case optional_cases[] = {
	{ "bad Miljö takes Okänd, reported",
	  ROW("IA-1", "2021-03-14", "", "", "Tillbud", "Hot", "Ja", "Vit makt", "Skola", "Gärdet"),
	  0, VALUE_MISSING, MILJO_OKAND, 0, "Miljö", "Vit makt", "Raden har räknats med värdet 'Okänd'" },
	{ "blank Miljö is Okänd, not reported",
	  ROW("IA-2", "2021-03-14", "", "", "Tillbud", "Hot", "Ja", "", "Skola", "Gärdet"),
	  0, VALUE_MISSING, MILJO_OKAND, 0, NULL, NULL, NULL },
	{ "Miljö in another case and with blanks",
	  ROW("IA-3", "2021-03-14", "", "", "Tillbud", "Hot", "Ja", "  VIT MAKT-MILJÖN ", "Skola", "Gärdet"),
	  0, VALUE_OK, MILJO_VIT_MAKT, 0, NULL, NULL, NULL },
	{ "bad Kategori takes Uppgift saknas, reported",
	  ROW("IA-4", "2021-03-14", "", "", "Tillbud", "Hotfullt", "Ja", "Okänd", "Skola", "Gärdet"),
	  1, VALUE_MISSING, KATEGORI_SAKNAS, 0, "Kategori", "Hotfullt", "'Uppgift saknas'" },
	{ "blank Kategori is Uppgift saknas",
	  ROW("IA-5", "2021-03-14", "", "", "Tillbud", "", "Ja", "Okänd", "Skola", "Gärdet"),
	  1, VALUE_MISSING, KATEGORI_SAKNAS, 0, NULL, NULL, NULL },
	{ "bad Registrerad treated as missing, reported",
	  ROW("IA-6", "2021-03-14", "14/3/2021", "", "Tillbud", "Hot", "Ja", "Okänd", "Skola", "Gärdet"),
	  2, VALUE_MISSING, 0, 0, "Registrerad", "14/3/2021", "behandlats som saknat" },
	{ "Registrerad with 24:00 treated as missing",
	  ROW("IA-7", "2021-03-14", "2021-03-14 24:00", "", "Tillbud", "Hot", "Ja", "Okänd", "Skola", "Gärdet"),
	  2, VALUE_MISSING, 0, 0, "Registrerad", "2021-03-14 24:00", "behandlats som saknat" },
	{ "unknown area: Okänt område, silent, no reject",
	  ROW("IA-8", "2021-03-14", "", "", "Tillbud", "Hot", "Ja", "Okänd", "Skola", "Gärdet Norra"),
	  3, VALUE_MISSING, OMRADE_OKANT, 1, NULL, NULL, NULL },
	{ "blank area: Okänt område, silent, no reject",
	  ROW("IA-9", "2021-03-14", "", "", "Tillbud", "Hot", "Ja", "Okänd", "Skola", " "),
	  3, VALUE_MISSING, OMRADE_OKANT, 1, NULL, NULL, NULL },
	{ "area in lower case with blanks",
	  ROW("IA-10", "2021-03-14", "", "", "Tillbud", "Hot", "Ja", "Okänd", "Skola", " gärdet "),
	  3, VALUE_OK, OMRADE_GARDET, 0, NULL, NULL, NULL },
};

static void test_optional_values(void **state)
{
	(void)state;
	for (size_t i = 0; i < COUNT(optional_cases); i++) {
		const struct optional_case *c = &optional_cases[i];
		const int cols[] = {c_miljo, c_kategori, c_reg, c_omrade};
		char inputs[PATH_MAX_], text[1024];
		const vbs_value *v;
		struct run r;

		run_init(&r);
		new_inputs(inputs, sizeof(inputs), 1);
		snprintf(text, sizeof(text), "%s%s", HDR, c->row);
		put(inputs, "x.csv", text);
		read_source(c->name, inputs, 1, &r);
		CHECK(r.rc == 0, "[%s] read failed: %s", c->name, r.err.message);
		check_counts(c->name, &r.files.files[0], 1, 1, 0, 0);
		CHECK(r.got.n == 1, "[%s] the row was not kept", c->name);
		v = &r.got.rows[0].v[cols[c->col_kind]];
		CHECK(v->status == c->status, "[%s] status %d, want %d", c->name, v->status,
		      c->status);
		if (c->col_kind != 2)
			CHECK(v->code == c->code, "[%s] code %d, want %d", c->name, v->code, c->code);
		CHECK(v->fallback_silent == c->silent, "[%s] fallback_silent %d, want %d", c->name,
		      v->fallback_silent, c->silent);
		if (!c->column) {
			CHECK(r.rejects.n == 0, "[%s] %zu rejects, want none (first: '%s' '%s')",
			      c->name, r.rejects.n, r.rejects.n ? r.rejects.items[0].column : "",
			      r.rejects.n ? r.rejects.items[0].value : "");
		} else {
			CHECK(r.rejects.n == 1, "[%s] %zu rejects, want 1", c->name, r.rejects.n);
			check_reject(c->name, &r.rejects, "ia/x.csv", 2, c->column, c->value,
			             c->reason);
		}
		run_release(&r);
	}
}

/* ---- personal identity numbers outside free text ------------------------- */

struct pnr_case {
	const char *name;
	const char *row;
	const char *column;  /* the reject's column */
	const char *value;   /* the masked value */
	int kept;            /* 1: the row is kept */
};

static const struct pnr_case pnr_cases[] = {
	{ "in Kategori: masked, row kept",
	  ROW("IA-1", "2021-03-14", "", "", "Tillbud", "850101-1236", "Ja", "Okänd", "Skola", "Gärdet"),
	  "Kategori", "[personnummer]", 1 },
	{ "in Ärendenummer: masked, row dropped",
	  ROW("850101-1236", "2021-03-14", "", "", "Tillbud", "Hot", "Ja", "Okänd", "Skola", "Gärdet"),
	  "Ärendenummer", "[personnummer]", 0 },
	{ "inside a longer Miljö value: only the number masked",
	  ROW("IA-3", "2021-03-14", "", "", "Tillbud", "Hot", "Ja", "se 8501011236 nu", "Skola", "Gärdet"),
	  "Miljö", "se [personnummer] nu", 1 },
	{ "in Enhet (a label): the mask alone",
	  "IA-4;2021-03-14;;;Tillbud;Hot;Ja;Okänd;Skola;Grupp 850101-1236;Gärdet;" BESK "\n",
	  "Enhet", "[personnummer]", 1 },
};

static void test_personnummer_masked(void **state)
{
	(void)state;
	for (size_t i = 0; i < COUNT(pnr_cases); i++) {
		const struct pnr_case *c = &pnr_cases[i];
		char inputs[PATH_MAX_], text[1024];
		struct run r;

		run_init(&r);
		new_inputs(inputs, sizeof(inputs), 1);
		snprintf(text, sizeof(text), "%s%s", HDR, c->row);
		put(inputs, "x.csv", text);
		read_source(c->name, inputs, 1, &r);
		CHECK(r.rc == 0, "[%s] read failed: %s", c->name, r.err.message);
		check_counts(c->name, &r.files.files[0], 1, c->kept, !c->kept, 0);
		CHECK(r.rejects.n == 1, "[%s] %zu rejects, want 1", c->name, r.rejects.n);
		check_reject(c->name, &r.rejects, "ia/x.csv", 2, c->column, c->value,
		             "personnummer");
		run_release(&r);
	}
}

/* ---- free text ------------------------------------------------------------ */

/* Every kind of bad row with the personnummer and the name in Beskrivning;
 * check_invariants() proves none of it reached a reject. */
static void test_free_text_not_in_rejects(void **state)
{
	char inputs[PATH_MAX_];
	struct run r;

	(void)state;
	run_init(&r);
	new_inputs(inputs, sizeof(inputs), 1);
	put(inputs, "x.csv",
	    HDR
	    ROW("IA-1", "", "", "", "Tillbud", "Hot", "Ja", "Okänd", "Skola", "Gärdet")
	    ROW("IA-2", "2021-03-14", "igår", "igår", "Tillbud", "Hot", "Ja", "Nazister",
	        "Skolan", "Gärdet")
	    "IA-3;2021-03-14;;;Tillbud;Hot;Ja;Okänd;Skola;F;Gärdet;" BESK ";" BESK "\n"
	    "IA-4;2021-03-14;;;Tillbud;Hot;Ja;Okänd;Skola;F;Gärdet;\"" BESK ";\n\"\"" NAME "\"\"\"\n"
	    "IA-5;" BESK "\n");
	read_source("free text", inputs, 1, &r);
	CHECK(r.rc == 0, "[free text] read failed: %s", r.err.message);
	CHECK(r.rejects.n == 7, "[free text] %zu rejects, want 7", r.rejects.n);
	check_counts("free text", &r.files.files[0], 5, 2, 3, 0);
	run_release(&r);
}

/* ---- folders -------------------------------------------------------------- */

struct folder_case {
	const char *name;
	int make_ia;        /* 0: no ia/; 1: ia/ folder; 2: ia is a plain file */
	const char *file;   /* a file put in ia/, or NULL */
	int required;
	int rc;
	vbs_status code;
	size_t files;
};

static const struct folder_case folder_cases[] = {
	{ "required, folder missing", 0, NULL, 1, -1, VBS_E_NOINPUT, 0 },
	{ "required, folder empty", 1, NULL, 1, -1, VBS_E_NOINPUT, 0 },
	{ "required, no .csv in the folder", 1, "readme.txt", 1, -1, VBS_E_NOINPUT, 0 },
	{ "required, ia is a file", 2, NULL, 1, -1, VBS_E_NOINPUT, 0 },
	{ "optional, folder missing", 0, NULL, 0, 0, VBS_OK, 0 },
	{ "optional, folder empty", 1, NULL, 0, 0, VBS_OK, 0 },
	{ "optional, header only", 1, "x.csv", 0, 0, VBS_OK, 1 },
	{ "required, header only", 1, "x.csv", 1, 0, VBS_OK, 1 },
};

static void test_folders(void **state)
{
	(void)state;
	for (size_t i = 0; i < COUNT(folder_cases); i++) {
		const struct folder_case *c = &folder_cases[i];
		char inputs[PATH_MAX_];
		struct run r;

		run_init(&r);
		new_inputs(inputs, sizeof(inputs), c->make_ia == 1);
		if (c->make_ia == 2) {
			char path[PATH_MAX_ + 8];
			FILE *f;

			snprintf(path, sizeof(path), "%s/ia", inputs);
			f = fopen(path, "wb");
			CHECK(f && fclose(f) == 0, "[%s] cannot create '%s'", c->name, path);
		}
		if (c->file)
			put(inputs, c->file, HDR);
		read_source(c->name, inputs, c->required, &r);
		CHECK(r.rc == c->rc, "[%s] rc %d, want %d (%s)", c->name, r.rc, c->rc, r.err.message);
		if (c->rc != 0)
			CHECK(r.err.code == c->code, "[%s] err.code %d, want %d", c->name, r.err.code,
			      c->code);
		CHECK(r.files.n == c->files, "[%s] %zu files in the ledger, want %zu", c->name,
		      r.files.n, c->files);
		if (c->files)
			check_counts(c->name, &r.files.files[0], 0, 0, 0, 0);
		run_release(&r);
	}
}

/* ---- callback results ----------------------------------------------------- */

static void test_callback_results(void **state)
{
	char inputs[PATH_MAX_];
	struct run r;

	(void)state;
	run_init(&r);
	new_inputs(inputs, sizeof(inputs), 1);
	put(inputs, "x.csv", HDR GOOD("IA-1") GOOD("IA-2") GOOD("IA-3") GOOD("IA-4"));
	r.got.results[1] = ROW_DUPLICATE;
	r.got.results[2] = ROW_REJECTED;
	read_source("callback results", inputs, 1, &r);
	CHECK(r.rc == 0, "[callback results] read failed: %s", r.err.message);
	check_counts("callback results", &r.files.files[0], 4, 2, 1, 1);
	run_release(&r);

	run_init(&r);
	r.got.fail_at = 2;
	read_source("callback fails", inputs, 1, &r);
	CHECK(r.rc == -1 && r.err.code == VBS_E_SOFTWARE &&
	      strstr(r.err.message, "on purpose"),
	      "[callback fails] rc %d code %d message \"%s\": the callback's error must "
	      "come back unchanged", r.rc, r.err.code, r.err.message);
	run_release(&r);
}

/* ---- ingest_ia: duplicates and the as-of date ----------------------------- */

/* An IA row with this id, event time, Senast ändrad and area. */
#define IA(id, ev, mod, omr) \
	ROW(id, ev, "", mod, "Tillbud", "Hot", "Ja", "Okänd", "Skola", omr)

struct ia_file {
	const char *name;
	const char *text;
	/* rows_read, accepted, rejected, duplicates, after_as_of, unknown_area */
	long read, acc, rej, dup, after, unknown;
};

struct ia_record {
	int file;
	long line;
};

struct ia_case {
	const char *name;
	struct ia_file files[MAX_FILES]; /* ends at name NULL */
	int32_t as_of;
	size_t nrecords;
	struct ia_record records[4];     /* in order of first appearance */
	size_t nrejects;
};

static const struct ia_case ia_cases[] = {
	{ .name = "later Senast ändrad wins, in the earlier file", .as_of = D20210630,
	  .files = { { "a.csv", HDR IA("IA-1", "2021-03-14", "2021-04-02 10:11", "Gärdet"),
	               1, 1, 0, 0, 0, 0 },
	             { "b.csv", HDR IA("IA-1", "2021-03-14", "2021-04-01 09:00", "Gärdet"),
	               1, 0, 0, 1, 0, 0 } },
	  .nrecords = 1, .records = { { 0, 2 } } },
	{ .name = "later Senast ändrad wins, in the later file", .as_of = D20210630,
	  .files = { { "a.csv", HDR IA("IA-1", "2021-03-14", "2021-04-01 09:00", "Gärdet"),
	               1, 0, 0, 1, 0, 0 },
	             { "b.csv", HDR GOOD("IA-0") IA("IA-1", "2021-03-14", "2021-04-02 10:11", "Gärdet"),
	               2, 2, 0, 0, 0, 0 } },
	  .nrecords = 2, .records = { { 1, 3 }, { 1, 2 } } },
	{ .name = "a tie: the later file wins", .as_of = D20210630,
	  .files = { { "a.csv", HDR IA("IA-1", "2021-03-14", "2021-04-02 10:11", "Gärdet"),
	               1, 0, 0, 1, 0, 0 },
	             { "b.csv", HDR IA("IA-1", "2021-03-14", "2021-04-02T10:11", "Gärdet"),
	               1, 1, 0, 0, 0, 0 } },
	  .nrecords = 1, .records = { { 1, 2 } } },
	{ .name = "a tie within a file: the later row wins", .as_of = D20210630,
	  .files = { { "a.csv", HDR IA("IA-1", "2021-03-14", "2021-04-02 10:11", "Gärdet")
	                        IA("IA-1", "2021-03-14", "2021-04-02 10:11", "Gärdet"),
	               2, 1, 0, 1, 0, 0 } },
	  .nrecords = 1, .records = { { 0, 3 } } },
	{ .name = "a tie: a date without time is 00:00", .as_of = D20210630,
	  .files = { { "a.csv", HDR IA("IA-1", "2021-03-14", "2021-04-02 00:00", "Gärdet"),
	               1, 0, 0, 1, 0, 0 },
	             { "b.csv", HDR IA("IA-1", "2021-03-14", "2021-04-02", "Gärdet"),
	               1, 1, 0, 0, 0, 0 } },
	  .nrecords = 1, .records = { { 1, 2 } } },
	{ .name = "a date at 00:00 beats the evening before", .as_of = D20210630,
	  .files = { { "a.csv", HDR IA("IA-1", "2021-03-14", "2021-04-02", "Gärdet"),
	               1, 1, 0, 0, 0, 0 },
	             { "b.csv", HDR IA("IA-1", "2021-03-14", "2021-04-01 23:59", "Gärdet"),
	               1, 0, 0, 1, 0, 0 } },
	  .nrecords = 1, .records = { { 0, 2 } } },
	{ .name = "a missing Senast ändrad in the later file loses", .as_of = D20210630,
	  .files = { { "a.csv", HDR IA("IA-1", "2021-03-14", "2019-01-01", "Gärdet"),
	               1, 1, 0, 0, 0, 0 },
	             { "b.csv", HDR IA("IA-1", "2021-03-14", "", "Gärdet"),
	               1, 0, 0, 1, 0, 0 } },
	  .nrecords = 1, .records = { { 0, 2 } } },
	{ .name = "a missing Senast ändrad in the earlier file loses", .as_of = D20210630,
	  .files = { { "a.csv", HDR IA("IA-1", "2021-03-14", "", "Gärdet"),
	               1, 0, 0, 1, 0, 0 },
	             { "b.csv", HDR IA("IA-1", "2021-03-14", "2019-01-01", "Gärdet"),
	               1, 1, 0, 0, 0, 0 } },
	  .nrecords = 1, .records = { { 1, 2 } } },
	{ .name = "a bad Senast ändrad loses (reported, row not rejected)", .as_of = D20210630,
	  .files = { { "a.csv", HDR IA("IA-1", "2021-03-14", "2019-01-01", "Gärdet"),
	               1, 1, 0, 0, 0, 0 },
	             { "b.csv", HDR IA("IA-1", "2021-03-14", "igår", "Gärdet"),
	               1, 0, 0, 1, 0, 0 } },
	  .nrecords = 1, .records = { { 0, 2 } }, .nrejects = 1 },
	{ .name = "both missing: the later file wins", .as_of = D20210630,
	  .files = { { "a.csv", HDR IA("IA-1", "2021-03-14", "", "Gärdet"),
	               1, 0, 0, 1, 0, 0 },
	             { "b.csv", HDR IA("IA-1", "2021-03-14", "", "Gärdet"),
	               1, 1, 0, 0, 0, 0 } },
	  .nrecords = 1, .records = { { 1, 2 } } },
	{ .name = "three versions: the middle file holds the latest", .as_of = D20210630,
	  .files = { { "a.csv", HDR IA("IA-1", "2021-03-14", "2021-04-01", "Gärdet"),
	               1, 0, 0, 1, 0, 0 },
	             { "b.csv", HDR IA("IA-1", "2021-03-14", "2021-04-03", "Gärdet"),
	               1, 1, 0, 0, 0, 0 },
	             { "c.csv", HDR IA("IA-1", "2021-03-14", "2021-04-02", "Gärdet"),
	               1, 0, 0, 1, 0, 0 } },
	  .nrecords = 1, .records = { { 1, 2 } } },
	{ .name = "ids are trimmed", .as_of = D20210630,
	  .files = { { "a.csv", HDR IA(" IA-1 ", "2021-03-14", "2021-04-01", "Gärdet"),
	               1, 0, 0, 1, 0, 0 },
	             { "b.csv", HDR IA("IA-1", "2021-03-14", "2021-04-02", "Gärdet"),
	               1, 1, 0, 0, 0, 0 } },
	  .nrecords = 1, .records = { { 1, 2 } } },
	{ .name = "after the as-of date: calendar dates, counted in the winner's file",
	  .as_of = D20210630,
	  .files = { { "a.csv", HDR
	               IA("IA-1", "2021-06-30 23:59", "2021-07-01", "Gärdet")   /* 2: on as-of */
	               IA("IA-2", "2021-07-01 00:00", "2021-07-01", "Gärdet")   /* 3: after */
	               IA("IA-3", "2021-06-01", "2021-06-02", "Gärdet"),         /* 4: loses */
	               3, 2, 0, 1, 1, 0 },
	             { "b.csv", HDR
	               IA("IA-3", "2021-07-15", "2021-07-16", "Gärdet"),         /* 2: wins */
	               1, 1, 0, 0, 1, 0 } },
	  .nrecords = 3, .records = { { 0, 2 }, { 0, 3 }, { 1, 2 } } },
	{ .name = "blank and unknown areas are counted per file", .as_of = D20210630,
	  .files = { { "a.csv", HDR
	               IA("IA-1", "2021-03-14", "2021-04-01", "")
	               IA("IA-2", "2021-03-14", "2021-04-01", "Stureplan")
	               IA("IA-3", "2021-03-14", "2021-04-01", "gärdet"),
	               3, 3, 0, 0, 0, 2 } },
	  .nrecords = 3, .records = { { 0, 2 }, { 0, 3 }, { 0, 4 } } },
};

static void test_ingest_ia(void **state)
{
	(void)state;
	for (size_t i = 0; i < COUNT(ia_cases); i++) {
		const struct ia_case *c = &ia_cases[i];
		char inputs[PATH_MAX_];
		vbs_input_files files;
		vbs_rejects rejects;
		vbs_incidents out;
		vbs_error err;
		size_t nfiles = 0;
		int rc;

		input_files_init(&files);
		rejects_init(&rejects);
		error_init(&err);
		new_inputs(inputs, sizeof(inputs), 1);
		for (; nfiles < MAX_FILES && c->files[nfiles].name; nfiles++)
			put(inputs, c->files[nfiles].name, c->files[nfiles].text);
		rc = ingest_ia(&(vbs_ingest){.inputs_dir = inputs, .codesets = &cs,
		                             .as_of = c->as_of, .files = &files,
		                             .rejects = &rejects},
		               &ia, 1, &out, &err);
		CHECK(rc == 0, "[%s] ingest_ia failed: %s: %s", c->name, err.file, err.message);
		check_invariants(c->name, rc, &files, &rejects);
		CHECK(files.n == nfiles, "[%s] %zu files in the ledger, want %zu", c->name, files.n,
		      nfiles);
		for (size_t f = 0; f < nfiles; f++) {
			const struct ia_file *w = &c->files[f];
			const vbs_input_file *g = &files.files[f];

			check_counts(c->name, g, w->read, w->acc, w->rej, w->dup);
			CHECK(g->after_as_of == w->after, "[%s] %s: after_as_of %ld, want %ld", c->name,
			      g->path, g->after_as_of, w->after);
			CHECK(g->unknown_area == w->unknown, "[%s] %s: unknown_area %ld, want %ld",
			      c->name, g->path, g->unknown_area, w->unknown);
		}
		CHECK(out.n == c->nrecords, "[%s] %zu records, want %zu", c->name, out.n,
		      c->nrecords);
		for (size_t k = 0; k < c->nrecords && k < out.n; k++) {
			char id[64];

			id_index_string(&out.ids, (uint32_t)k, id, sizeof(id));
			CHECK(out.items[k].file == c->records[k].file &&
			      out.items[k].line == c->records[k].line,
			      "[%s] record %zu (%s) comes from file %d line %ld, want file %d line %ld",
			      c->name, k, id, (int)out.items[k].file,
			      (long)out.items[k].line, c->records[k].file, c->records[k].line);
		}
		CHECK(rejects.n == c->nrejects, "[%s] %zu rejects, want %zu", c->name, rejects.n,
		      c->nrejects);
		incidents_release(&out);
		rejects_release(&rejects);
		input_files_release(&files);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_file_order),
		cmocka_unit_test(test_header_matching),
		cmocka_unit_test(test_file_errors),
		cmocka_unit_test(test_field_count),
		cmocka_unit_test(test_required_values),
		cmocka_unit_test(test_optional_values),
		cmocka_unit_test(test_personnummer_masked),
		cmocka_unit_test(test_free_text_not_in_rejects),
		cmocka_unit_test(test_folders),
		cmocka_unit_test(test_callback_results),
		cmocka_unit_test(test_ingest_ia),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
