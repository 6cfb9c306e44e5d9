/* ingest_support: test support shared by the test_ingest_*.c files, header
 * only: load the committed pipeline/ code sets and a mapping, prepare and
 * release one ingest run over a test input folder, and check its per-file
 * ledger (read = accepted + rejected + duplicates), its rejects (by file,
 * line, column, value and reason) and that no reject leaks a personnummer
 * or a fragment of free text.
 *
 * Every function is static inline, so a test that uses few of them compiles
 * without "unused" warnings. A failed check prints "[<case>] <what broke>"
 * (with the header's file and line) and fails the test through cmocka.
 * Include it after <cmocka.h>. */
#ifndef VBS_TESTS_INGEST_SUPPORT_H
#define VBS_TESTS_INGEST_SUPPORT_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "check.h"

#include "base/date.h"
#include "ingest/ingest.h"
#include "ingest/input_files.h"
#include "ingest/mapping.h"
#include "ingest/rejects.h"
#include "records/keyed.h"


#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* The committed configuration folder the ingest tests read. */
#define PIPELINE "pipeline"

/* ---- loading the committed configuration ---------------------------------- */

/* Loads pipeline/codesets.ini into cs and pipeline/sources/<source>.ini into
 * m; returns 0, or prints the loader's file, line and message and returns
 * -1 (for a cmocka group set-up). */
static inline int ing_load_mapping(vbs_codesets *cs, vbs_mapping *m, const char *source)
{
	vbs_error err;

	error_init(&err);
	if (codesets_load(cs, PIPELINE, &err) != 0 ||
	    mapping_load(m, PIPELINE, source, cs, &err) != 0) {
		print_error("the committed mapping does not load: %s:%ld: %s\n", err.file,
		            err.line, err.message);
		return -1;
	}
	return 0;
}

/* One expected index of a code in pipeline/codesets.ini. */
struct ing_code_index {
	const char *set, *code;
	int want;
};

/* Fails unless every code of want[0..n) has its expected index in its set. */
static inline void ing_check_code_indices(const vbs_codesets *cs,
                                          const struct ing_code_index *want, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const struct ing_code_index *c = &want[i];
		int set = codesets_find(cs, c->set);

		CHECK(set >= 0, "[code indices] codesets.ini has no [codeset %s]", c->set);
		CHECK(codeset_lookup(&cs->sets[set], c->code) == c->want,
		      "[code indices] '%s' is code %d of [codeset %s], the test assumes %d", c->code,
		      codeset_lookup(&cs->sets[set], c->code), c->set, c->want);
	}
}

/* ---- one ingest run ------------------------------------------------------- */

/* "<data>/<name>" (a case's input folder) into inputs of size bytes. */
static inline void ing_case_dir(char *inputs, size_t size, const char *data, const char *name)
{
	snprintf(inputs, size, "%s/%s", data, name);
}

/* Initialises files, rejects and err and returns the request to read the
 * folder inputs with the code sets cs as of day as_of into them. The
 * caller runs the source's ingest_* and then ing_run_release. */
static inline vbs_ingest ing_run_begin(const char *inputs, const vbs_codesets *cs,
                                       int32_t as_of, vbs_input_files *files,
                                       vbs_rejects *rejects, vbs_error *err)
{
	input_files_init(files);
	rejects_init(rejects);
	error_init(err);
	return (vbs_ingest){.inputs_dir = inputs, .codesets = cs, .as_of = as_of,
	                    .files = files, .rejects = rejects};
}

/* Releases what ing_run_begin initialised (not the source's records). */
static inline void ing_run_release(vbs_input_files *files, vbs_rejects *rejects)
{
	rejects_release(rejects);
	input_files_release(files);
}

/* Fails unless a run with a mapping the source cannot work with returned
 * -1 with VBS_E_CONFIG, an error naming the mapping file mapping_path and
 * containing message, and read no file. name: the case. */
static inline void ing_check_refused(const char *name, int rc, const vbs_error *err,
                                     const char *mapping_path, const char *message,
                                     const vbs_input_files *files)
{
	CHECK(rc == -1 && err->code == VBS_E_CONFIG,
	      "[%s] rc %d code %d, want -1 with VBS_E_CONFIG (78)", name, rc, err->code);
	CHECK(strstr(err->message, message) && strcmp(err->file, mapping_path) == 0,
	      "[%s] error '%s: %s' does not name the mapping file and \"%s\"", name, err->file,
	      err->message, message);
	CHECK(files->n == 0, "[%s] %zu files read before the configuration was checked", name,
	      files->n);
}

/* ---- the ledger of files read --------------------------------------------- */

/* One expected file of the ledger. */
struct ing_want_file {
	const char *path; /* relative to the inputs folder; NULL ends the list */
	long read, accepted, rejected, duplicates, after_as_of, unknown_area;
	const char *encoding; /* NULL: not checked */
	char delimiter;       /* 0: not checked */
};

/* The number of entries of want[0..max) before the first without a path. */
static inline size_t ing_want_files(const struct ing_want_file *want, size_t max)
{
	size_t n = 0;

	while (n < max && want[n].path)
		n++;
	return n;
}

/* Fails unless file f was read with encoding (NULL: any) and delimiter (0:
 * any). name: the case. */
static inline void ing_check_format(const char *name, const vbs_input_file *f,
                                    const char *encoding, char delimiter)
{
	CHECK(!encoding || (f->encoding && strcmp(f->encoding, encoding) == 0),
	      "[%s] %s: encoding %s, want %s", name, f->path, f->encoding ? f->encoding : "(none)",
	      encoding);
	CHECK(!delimiter || f->delimiter == delimiter, "[%s] %s: delimiter '%c', want '%c'", name,
	      f->path, f->delimiter, delimiter);
}

/* Fails unless the ledger files holds exactly want[0..nwant), in order, each
 * of source `source`, with read = accepted + rejected + duplicates, the
 * expected counts, after-as-of and unknown-area counts, and the expected
 * encoding and delimiter where want gives them. name: the case. */
static inline void ing_check_files(const char *name, const char *source,
                                   const struct ing_want_file *want, size_t nwant,
                                   const vbs_input_files *files)
{
	CHECK(files->n == nwant, "[%s] %zu files read, want %zu", name, files->n, nwant);
	for (size_t i = 0; i < nwant; i++) {
		const vbs_input_file *f = &files->files[i];
		const struct ing_want_file *w = &want[i];

		CHECK(strcmp(f->path, w->path) == 0 && strcmp(f->source, source) == 0,
		      "[%s] file %zu is %s \"%s\", want %s \"%s\"", name, i, f->source, f->path,
		      source, w->path);
		CHECK(f->rows_read == f->accepted + f->rejected + f->duplicates,
		      "[%s] %s: read %ld != accepted %ld + rejected %ld + duplicates %ld", name,
		      f->path, f->rows_read, f->accepted, f->rejected, f->duplicates);
		CHECK(f->rows_read == w->read && f->accepted == w->accepted &&
		      f->rejected == w->rejected && f->duplicates == w->duplicates,
		      "[%s] %s: read/accepted/rejected/duplicates %ld/%ld/%ld/%ld, want "
		      "%ld/%ld/%ld/%ld", name, f->path, f->rows_read, f->accepted, f->rejected,
		      f->duplicates, w->read, w->accepted, w->rejected, w->duplicates);
		CHECK(f->after_as_of == w->after_as_of && f->unknown_area == w->unknown_area,
		      "[%s] %s: after_as_of %ld unknown_area %ld, want %ld %ld", name, f->path,
		      f->after_as_of, f->unknown_area, w->after_as_of, w->unknown_area);
		ing_check_format(name, f, w->encoding, w->delimiter);
	}
}

/* ---- the rejects ---------------------------------------------------------- */

/* The reject of file at line in column ("" for the whole row), or NULL. */
static inline const vbs_reject *ing_find_reject(const vbs_rejects *rj, const char *file,
                                                long line, const char *column)
{
	for (size_t i = 0; i < rj->n; i++)
		if (rj->items[i].line == line && strcmp(rj->items[i].file, file) == 0 &&
		    strcmp(rj->items[i].column, column) == 0)
			return &rj->items[i];
	return NULL;
}

/* Fails unless there are nwant rejects; the message shows the first one.
 * name: the case. */
static inline void ing_check_reject_count(const char *name, const vbs_rejects *rj,
                                          size_t nwant)
{
	CHECK(rj->n == nwant, "[%s] %zu rejects, want %zu (first: line %ld column '%s' value '%s')",
	      name, rj->n, nwant, rj->n ? rj->items[0].line : 0L, rj->n ? rj->items[0].column : "",
	      rj->n ? rj->items[0].value : "");
}

/* Fails unless reject i, j, is of source `source` at file:line in column
 * with value (in read order). name: the case. */
static inline void ing_check_reject_at(const char *name, size_t i, const vbs_reject *j,
                                       const char *source, const char *file, long line,
                                       const char *column, const char *value)
{
	CHECK(strcmp(j->source, source) == 0 && strcmp(j->file, file) == 0 && j->line == line,
	      "[%s] reject %zu at %s %s:%ld, want %s %s:%ld", name, i, j->source, j->file, j->line,
	      source, file, line);
	CHECK(strcmp(j->column, column) == 0 && strcmp(j->value, value) == 0,
	      "[%s] reject %zu (line %ld): column '%s' value '%s', want column '%s' value '%s'",
	      name, i, j->line, j->column, j->value, column, value);
}

/* One expected reject, found by file, line and column in any order. */
struct ing_want_reject {
	const char *file; /* NULL ends the list */
	long line;
	const char *column;
	const char *value;
	const char *problem; /* the reason's problem sentence(s) */
	const char *effect;  /* the reason's effect sentence */
};

/* The number of entries of want[0..max) before the first without a file. */
static inline size_t ing_want_rejects(const struct ing_want_reject *want, size_t max)
{
	size_t n = 0;

	while (n < max && want[n].file)
		n++;
	return n;
}

/* Fails unless rj holds exactly the rejects want[0..nwant) (in any order),
 * each of source `source`, with the expected value and a reason containing
 * the expected problem and effect sentences. name: the case. */
static inline void ing_check_rejects(const char *name, const char *source,
                                     const struct ing_want_reject *want, size_t nwant,
                                     const vbs_rejects *rj)
{
	ing_check_reject_count(name, rj, nwant);
	for (size_t i = 0; i < nwant; i++) {
		const struct ing_want_reject *w = &want[i];
		const vbs_reject *g = ing_find_reject(rj, w->file, w->line, w->column);

		CHECK(g, "[%s] no reject for %s line %ld column '%s'", name, w->file, w->line,
		      w->column);
		CHECK(strcmp(g->source, source) == 0, "[%s] line %ld: source '%s', want %s", name,
		      w->line, g->source, source);
		CHECK(strcmp(g->value, w->value) == 0,
		      "[%s] line %ld column '%s': value \"%s\", want \"%s\"", name, w->line,
		      w->column, g->value, w->value);
		CHECK(strstr(g->reason, w->problem) && strstr(g->reason, w->effect),
		      "[%s] line %ld column '%s': reason \"%s\" lacks \"%s\" or \"%s\"", name,
		      w->line, w->column, g->reason, w->problem, w->effect);
	}
}

/* Fails if any field of any reject in rj (source, file, column, value,
 * reason) contains one of fragments[0..n): a personnummer or free text that
 * must never reach rejects.csv. what names the fragments in the message
 * ("a personal identity number", "Plats"). name: the case. */
static inline void ing_check_no_leak(const char *name, const vbs_rejects *rj,
                                     const char *const *fragments, size_t n, const char *what)
{
	for (size_t i = 0; i < rj->n; i++) {
		const vbs_reject *g = &rj->items[i];
		const char *fields[] = {g->source, g->file, g->column, g->value, g->reason};

		for (size_t k = 0; k < COUNT(fields); k++)
			for (size_t t = 0; t < n; t++)
				CHECK(!strstr(fields[k], fragments[t]),
				      "[%s] reject at line %ld leaks %s (\"%s\"): \"%s\"", name, g->line,
				      what, fragments[t], fields[k]);
	}
}

/* ---- the staged records --------------------------------------------------- */

/* Fails unless staged record i (what: "dialogue", "find", ...) has the id
 * want_id, comes from file want_file line want_line of the ledger and falls
 * on want_day ("YYYY-MM-DD"); id, origin and day are the record's. name:
 * the case. */
static inline void ing_check_record_key(const char *name, const char *what, size_t i,
                                        const char *id, vbs_origin origin, int32_t day,
                                        const char *want_id, int want_file, long want_line,
                                        const char *want_day)
{
	char got_day[11];

	date_format(day, got_day);
	CHECK(strcmp(id, want_id) == 0, "[%s] %s %zu is '%s', want '%s'", name, what, i, id,
	      want_id);
	CHECK(origin.file == want_file && origin.line == want_line,
	      "[%s] %s comes from file %d line %ld, want file %d line %ld", name, want_id,
	      (int)origin.file, (long)origin.line, want_file, want_line);
	CHECK(strcmp(got_day, want_day) == 0, "[%s] %s: day %s, want %s", name, want_id, got_day,
	      want_day);
}

#endif
