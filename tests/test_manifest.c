/* test_manifest: manifest_write for a hand-built ledger of two inputs, two
 * configuration files and two outputs written to a temp folder. The written
 * file is parsed with cJSON and checked against outputs.md: key order and
 * nesting, every value, the files' SHA-256 (computed independently with
 * `printf ... | sha256sum`, the literals below), the run id's form, byte
 * for byte repeatability, and what does (and does not) change the run id;
 * then the errors of a full disk, a missing folder and a missing file. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "check.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/date.h"
#include "ingest/input_files.h"
#include "report/manifest.h"


#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

enum { PATH_BYTES = 1024, NCONFIG = 2, NOUTPUTS = 2, NINPUTS = 2, HEX_DIGITS = 64 };

#define VERSION "0.3.0"
#define AS_OF_Y 2025
#define AS_OF_M 6
#define AS_OF_D 30
#define AS_OF_TEXT "2025-06-30"

/* ---- the files of the run and their sha256sum ----------------------------- */

struct file_spec {
	const char *leaf;    /* under root */
	const char *content; /* the bytes written */
	const char *sha256;  /* printf '<content>' | sha256sum */
};

/* The configuration files, in the order the run named them. */
static const struct file_spec config_files[NCONFIG] = {
	{ "vbestat.conf", "[report]\ndistrict = Testdistrikt\n",
	  "b74a75543a128ad0007f358b49fdf27a066d8ebfe9311b04cbab65364da4d99a" },
	{ "ia.ini", "[source]\nid = ia\nfolder = ia\n",
	  "aec87571c875dd87b856308a20c79b151b8b012b75d17790e788926058c5626d" },
};

/* The outputs: the name the manifest gives, and the staged file hashed. */
static const char *const output_names[NOUTPUTS] = {"statistics.csv", "rejects.csv"};
static const struct file_spec output_files[NOUTPUTS] = {
	{ "staged-statistics.csv", "report,source,indicator,value\nvb,ia,incidents_vbe,12\n",
	  "88496d39a1b0670de8c00646252ce6d737e58ff9931b457b1cf2734e66ff8565" },
	/* with a byte-order mark */
	{ "staged-rejects.csv", "\xef\xbb\xbfsource;file;line;column;value;reason\n",
	  "abd564d89ae2b69e04d51e00278e3c936e1fd84b6f1f624229ce758d9e3009f0" },
};

/* Other contents, for the run id cases. */
#define CONFIG0_CHANGED "[report]\ndistrict = Testdistrikt 2\n"
#define OUTPUT0_CHANGED "report,source,indicator,value\nvb,ia,incidents_vbe,13\n"
#define OUTPUT0_CHANGED_SHA "628d44d8c9b5993d34d3bb1aa9087a32fc195937242b8d89281d5df5f25ea4bb"

/* ---- the ledger ------------------------------------------------------------ */

struct want_input {
	const char *source, *path, *sha256, *encoding, *delimiter;
	long rows_read, accepted, rejected, duplicates, after_as_of;
	long unknown_area, vbe_blank_miljo; /* in the ledger, not in the manifest */
};

/* Input 0's hash is the bytes 00..1f, input 1's is 32 bytes 0xab. */
static const struct want_input want_inputs[NINPUTS] = {
	{ "ia", "ia/ia_2024.csv",
	  "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f", "utf-8-bom",
	  ";", 1981, 1950, 6, 25, 5, 3, 2 },
	{ "klotter", "klotter/klotter_Östermalm.csv",
	  "abababababababababababababababababababababababababababababababab", "windows-1252",
	  ",", 412, 400, 12, 0, 0, 7, 0 },
};

static const char *const top_keys[] = {"run_id", "as_of", "version", "config", "inputs",
                                       "outputs"};
static const char *const file_keys[] = {"path", "sha256"};
static const char *const input_keys[] = {"source", "path", "sha256", "encoding",
                                         "delimiter", "rows_read", "accepted",
                                         "rejected", "duplicates", "after_as_of"};

static char root[512]; /* this test's folder */
static char config_paths[NCONFIG][PATH_BYTES];
static char output_paths[NOUTPUTS][PATH_BYTES];
static const char *config_ptrs[NCONFIG];
static const char *output_ptrs[NOUTPUTS];
static vbs_input_files ledger;

/* ---- helpers -------------------------------------------------------------- */

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

/* The whole file at path, NUL-terminated (free it), or NULL. */
static char *read_all(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t n = 0, cap = 0, got;

	if (!f)
		return NULL;
	do {
		if (cap - n < 4096) {
			char *p = realloc(buf, cap += 65536);

			if (!p) {
				free(buf);
				fclose(f);
				return NULL;
			}
			buf = p;
		}
		got = fread(buf + n, 1, cap - n - 1, f);
		n += got;
	} while (got > 0);
	fclose(f);
	buf[n] = '\0';
	if (len)
		*len = n;
	return buf;
}

/* Writes the baseline files (after a case changed one of them). */
static int write_files(void)
{
	for (size_t i = 0; i < NCONFIG; i++)
		if (write_text(config_paths[i], config_files[i].content) != 0)
			return -1;
	for (size_t i = 0; i < NOUTPUTS; i++)
		if (write_text(output_paths[i], output_files[i].content) != 0)
			return -1;
	return 0;
}

/* The baseline ledger: both inputs with their hashes and counts. */
static int fill_ledger(void)
{
	vbs_error err;

	input_files_release(&ledger);
	input_files_init(&ledger);
	error_init(&err);
	for (size_t i = 0; i < NINPUTS; i++) {
		const struct want_input *w = &want_inputs[i];
		int k = input_files_add(&ledger, w->source, w->path, &err);
		vbs_input_file *f;

		if (k != (int)i)
			return -1;
		f = &ledger.files[k];
		for (int b = 0; b < 32; b++)
			f->sha256[b] = i == 0 ? (unsigned char)b : 0xab;
		f->encoding = w->encoding;
		f->delimiter = w->delimiter[0];
		f->rows_read = w->rows_read;
		f->accepted = w->accepted;
		f->rejected = w->rejected;
		f->duplicates = w->duplicates;
		f->after_as_of = w->after_as_of;
		f->unknown_area = w->unknown_area;
		f->vbe_blank_miljo = w->vbe_blank_miljo;
	}
	return 0;
}

static vbs_manifest baseline(void)
{
	return (vbs_manifest){
		.as_of = date_from_ymd(AS_OF_Y, AS_OF_M, AS_OF_D),
		.version = VERSION,
		.config_paths = config_ptrs,
		.nconfig = NCONFIG,
		.inputs = &ledger,
		.output_names = output_names,
		.output_paths = output_ptrs,
		.noutputs = NOUTPUTS,
	};
}

static void out_path(char *buf, size_t size, const char *leaf)
{
	snprintf(buf, size, "%s/%s", root, leaf);
}

static int setup(void **state)
{
	const char *t = getenv("TMPDIR");

	(void)state;
	snprintf(root, sizeof(root), "%s/vbs_manifest_XXXXXX", t && *t ? t : "/tmp");
	if (!mkdtemp(root)) {
		print_error("mkdtemp '%s': %s\n", root, strerror(errno));
		return -1;
	}
	for (size_t i = 0; i < NCONFIG; i++) {
		out_path(config_paths[i], sizeof(config_paths[i]), config_files[i].leaf);
		config_ptrs[i] = config_paths[i];
	}
	for (size_t i = 0; i < NOUTPUTS; i++) {
		out_path(output_paths[i], sizeof(output_paths[i]), output_files[i].leaf);
		output_ptrs[i] = output_paths[i];
	}
	input_files_init(&ledger);
	if (write_files() != 0 || fill_ledger() != 0) {
		print_error("unable to write the test files under '%s'\n", root);
		return -1;
	}
	return 0;
}

static const char *const written[] = {"manifest.json", "a.json", "b.json", "case.json"};

static int teardown(void **state)
{
	char path[PATH_BYTES];

	(void)state;
	input_files_release(&ledger);
	for (size_t i = 0; i < NCONFIG; i++)
		unlink(config_paths[i]);
	for (size_t i = 0; i < NOUTPUTS; i++)
		unlink(output_paths[i]);
	for (size_t i = 0; i < COUNT(written); i++) {
		out_path(path, sizeof(path), written[i]);
		unlink(path);
	}
	rmdir(root);
	return 0;
}

/* Writes the manifest m to root/leaf and parses it; NULL after a failed
 * check. */
static cJSON *write_and_parse(const vbs_manifest *m, const char *leaf)
{
	char path[PATH_BYTES];
	char *text;
	cJSON *json;
	vbs_error err;
	int rc;

	out_path(path, sizeof(path), leaf);
	error_init(&err);
	rc = manifest_write(m, path, &err);
	CHECK(rc == 0, "manifest_write '%s' returned %d: %s", path, rc, err.message);
	text = read_all(path, NULL);
	CHECK(text, "the manifest '%s' was not written", path);
	json = cJSON_ParseWithOpts(text, NULL, 1);
	CHECK(json, "the manifest is not valid JSON near '%.40s':\n%s",
	      cJSON_GetErrorPtr() ? cJSON_GetErrorPtr() : "?", text);
	free(text);
	return json;
}

/* The string member key of o, or "(not a string)". */
static const char *str(const cJSON *o, const char *key)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);

	return cJSON_IsString(v) ? v->valuestring : "(not a string)";
}

static int is_hex64(const char *s)
{
	if (strlen(s) != HEX_DIGITS)
		return 0;
	for (size_t i = 0; i < HEX_DIGITS; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
			return 0;
	return 1;
}

/* Checks that object o has exactly keys[0..n) in this order. */
static void check_keys(const cJSON *o, const char *what, const char *const *keys, size_t n)
{
	const cJSON *c;
	size_t i = 0;

	CHECK(cJSON_IsObject(o), "%s is not an object", what);
	for (c = o->child; c; c = c->next, i++) {
		CHECK(i < n, "%s has an extra key '%s' after the %zu of outputs.md", what,
		      c->string, n);
		CHECK(strcmp(c->string, keys[i]) == 0, "%s: key %zu is '%s', want '%s'", what, i,
		      c->string, keys[i]);
	}
	CHECK(i == n, "%s has %zu keys, want %zu (missing '%s')", what, i, n, keys[i]);
}

/* ---- shape and values ----------------------------------------------------- */

static void test_shape_and_values(void **state)
{
	vbs_manifest m = baseline();
	cJSON *json;
	const cJSON *arr, *e;
	size_t i;

	(void)state;
	json = write_and_parse(&m, "manifest.json");
	check_keys(json, "the manifest", top_keys, COUNT(top_keys));
	CHECK(is_hex64(str(json, "run_id")), "run_id '%s' is not 64 lower-case hex digits",
	      str(json, "run_id"));
	CHECK(strcmp(str(json, "as_of"), AS_OF_TEXT) == 0, "as_of is '%s', want '%s'",
	      str(json, "as_of"), AS_OF_TEXT);
	CHECK(strcmp(str(json, "version"), VERSION) == 0, "version is '%s', want '%s'",
	      str(json, "version"), VERSION);

	arr = cJSON_GetObjectItemCaseSensitive(json, "config");
	CHECK(cJSON_IsArray(arr), "config is not an array");
	CHECK(cJSON_GetArraySize(arr) == NCONFIG, "config has %d entries, want %d",
	      cJSON_GetArraySize(arr), NCONFIG);
	i = 0;
	cJSON_ArrayForEach(e, arr) {
		char what[64];

		snprintf(what, sizeof(what), "config[%zu]", i);
		check_keys(e, what, file_keys, COUNT(file_keys));
		CHECK(strcmp(str(e, "path"), config_paths[i]) == 0, "%s.path is '%s', want '%s'",
		      what, str(e, "path"), config_paths[i]);
		CHECK(strcmp(str(e, "sha256"), config_files[i].sha256) == 0,
		      "%s.sha256 is %s, want sha256sum's %s", what, str(e, "sha256"),
		      config_files[i].sha256);
		i++;
	}

	arr = cJSON_GetObjectItemCaseSensitive(json, "inputs");
	CHECK(cJSON_IsArray(arr), "inputs is not an array");
	CHECK(cJSON_GetArraySize(arr) == NINPUTS, "inputs has %d entries, want %d",
	      cJSON_GetArraySize(arr), NINPUTS);
	i = 0;
	cJSON_ArrayForEach(e, arr) {
		const struct want_input *w = &want_inputs[i];
		const struct { const char *key; long want; } counts[] = {
			{ "rows_read", w->rows_read }, { "accepted", w->accepted },
			{ "rejected", w->rejected }, { "duplicates", w->duplicates },
			{ "after_as_of", w->after_as_of },
		};
		const struct { const char *key, *want; } texts[] = {
			{ "source", w->source }, { "path", w->path }, { "sha256", w->sha256 },
			{ "encoding", w->encoding }, { "delimiter", w->delimiter },
		};
		char what[64];

		snprintf(what, sizeof(what), "inputs[%zu] (%s)", i, w->path);
		check_keys(e, what, input_keys, COUNT(input_keys));
		for (size_t k = 0; k < COUNT(texts); k++)
			CHECK(strcmp(str(e, texts[k].key), texts[k].want) == 0,
			      "%s.%s is '%s', want '%s'", what, texts[k].key, str(e, texts[k].key),
			      texts[k].want);
		for (size_t k = 0; k < COUNT(counts); k++) {
			const cJSON *v = cJSON_GetObjectItemCaseSensitive(e, counts[k].key);

			CHECK(cJSON_IsNumber(v), "%s.%s is not a number", what, counts[k].key);
			CHECK(v->valuedouble == (double)counts[k].want, "%s.%s is %g, want %ld", what,
			      counts[k].key, v->valuedouble, counts[k].want);
		}
		i++;
	}

	arr = cJSON_GetObjectItemCaseSensitive(json, "outputs");
	CHECK(cJSON_IsArray(arr), "outputs is not an array");
	CHECK(cJSON_GetArraySize(arr) == NOUTPUTS, "outputs has %d entries, want %d",
	      cJSON_GetArraySize(arr), NOUTPUTS);
	i = 0;
	cJSON_ArrayForEach(e, arr) {
		char what[64];

		snprintf(what, sizeof(what), "outputs[%zu]", i);
		check_keys(e, what, file_keys, COUNT(file_keys));
		/* the name relative to the output folder, not the staged path */
		CHECK(strcmp(str(e, "path"), output_names[i]) == 0, "%s.path is '%s', want '%s'",
		      what, str(e, "path"), output_names[i]);
		CHECK(strcmp(str(e, "sha256"), output_files[i].sha256) == 0,
		      "%s.sha256 is %s, want sha256sum's %s", what, str(e, "sha256"),
		      output_files[i].sha256);
		i++;
	}
	cJSON_Delete(json);
}

/* No configuration file, no input, no output: empty arrays, same keys. */
static void test_empty_run(void **state)
{
	vbs_input_files none;
	vbs_manifest m = baseline();
	cJSON *json;
	const char *arrays[] = {"config", "inputs", "outputs"};

	(void)state;
	input_files_init(&none);
	m.nconfig = 0;
	m.noutputs = 0;
	m.inputs = &none;
	json = write_and_parse(&m, "case.json");
	check_keys(json, "the empty manifest", top_keys, COUNT(top_keys));
	CHECK(is_hex64(str(json, "run_id")), "run_id '%s' is not 64 lower-case hex digits",
	      str(json, "run_id"));
	for (size_t k = 0; k < COUNT(arrays); k++) {
		const cJSON *a = cJSON_GetObjectItemCaseSensitive(json, arrays[k]);

		CHECK(cJSON_IsArray(a) && cJSON_GetArraySize(a) == 0,
		      "%s of an empty run is not an empty array", arrays[k]);
	}
	cJSON_Delete(json);
	input_files_release(&none);
}

/* ---- the same run gives the same bytes ------------------------------------ */

static void test_byte_identical(void **state)
{
	vbs_manifest m = baseline();
	char a_path[PATH_BYTES], b_path[PATH_BYTES];
	char *a, *b;
	size_t alen = 0, blen = 0;
	vbs_error err;

	(void)state;
	out_path(a_path, sizeof(a_path), "a.json");
	out_path(b_path, sizeof(b_path), "b.json");
	error_init(&err);
	CHECK(manifest_write(&m, a_path, &err) == 0, "first manifest_write: %s", err.message);
	CHECK(manifest_write(&m, b_path, &err) == 0, "second manifest_write: %s", err.message);
	a = read_all(a_path, &alen);
	b = read_all(b_path, &blen);
	CHECK(a && b, "a manifest was not written");
	CHECK(alen == blen && memcmp(a, b, alen) == 0,
	      "two manifests of the same run differ:\n%s\n---\n%s", a, b);
	free(a);
	free(b);
}

/* ---- what changes the run id ---------------------------------------------- */

enum change {
	CHANGE_NOTHING, CHANGE_AS_OF, CHANGE_VERSION, CHANGE_CONFIG0, CHANGE_CONFIG1,
	CHANGE_INPUT0_HASH, CHANGE_INPUT1_HASH, CHANGE_OUTPUT0, CHANGE_COUNTS,
	CHANGE_ENCODING
};

struct run_id_case {
	const char *name;
	enum change change;
	int changes_id; /* 1: the run id must differ from the baseline's */
};

static const struct run_id_case run_id_cases[] = {
	{ "nothing", CHANGE_NOTHING, 0 },
	{ "as_of_date", CHANGE_AS_OF, 1 },
	{ "version", CHANGE_VERSION, 1 },
	{ "first_config_content", CHANGE_CONFIG0, 1 },
	{ "second_config_content", CHANGE_CONFIG1, 1 },
	{ "first_input_hash", CHANGE_INPUT0_HASH, 1 },
	{ "last_byte_of_second_input_hash", CHANGE_INPUT1_HASH, 1 },
	/* an output is a product of the run, not a part of its identity */
	{ "output_content", CHANGE_OUTPUT0, 0 },
	/* the counts follow from the inputs and the configuration */
	{ "input_counts", CHANGE_COUNTS, 0 },
	{ "input_encoding", CHANGE_ENCODING, 0 },
};

static void test_run_id(void **state)
{
	cJSON *base_json;
	char base_id[HEX_DIGITS + 1];
	vbs_manifest base = baseline();

	(void)state;
	base_json = write_and_parse(&base, "case.json");
	snprintf(base_id, sizeof(base_id), "%s", str(base_json, "run_id"));
	cJSON_Delete(base_json);
	CHECK(is_hex64(base_id), "the baseline run_id '%s' is not 64 hex digits", base_id);
	for (size_t i = 0; i < COUNT(run_id_cases); i++) {
		const struct run_id_case *c = &run_id_cases[i];
		vbs_manifest m = baseline();
		cJSON *json;
		const char *id;
		int differs;

		CHECK(write_files() == 0 && fill_ledger() == 0,
		      "case %s: unable to restore the baseline files", c->name);
		switch (c->change) {
		case CHANGE_NOTHING: break;
		case CHANGE_AS_OF: m.as_of = date_from_ymd(AS_OF_Y, AS_OF_M + 1, 1); break;
		case CHANGE_VERSION: m.version = "0.3.1"; break;
		case CHANGE_CONFIG0:
			CHECK(write_text(config_paths[0], CONFIG0_CHANGED) == 0, "case %s: write",
			      c->name);
			break;
		case CHANGE_CONFIG1:
			CHECK(write_text(config_paths[1], "[source]\nid = ia\nfolder = ia2\n") == 0,
			      "case %s: write", c->name);
			break;
		case CHANGE_INPUT0_HASH: ledger.files[0].sha256[0] ^= 1; break;
		case CHANGE_INPUT1_HASH: ledger.files[1].sha256[31] ^= 0x80; break;
		case CHANGE_OUTPUT0:
			CHECK(write_text(output_paths[0], OUTPUT0_CHANGED) == 0, "case %s: write",
			      c->name);
			break;
		case CHANGE_COUNTS:
			ledger.files[0].accepted -= 1;
			ledger.files[0].rejected += 1;
			ledger.files[1].after_as_of = 4;
			break;
		case CHANGE_ENCODING: ledger.files[1].encoding = "utf-8"; break;
		}
		json = write_and_parse(&m, "case.json");
		id = str(json, "run_id");
		CHECK(is_hex64(id), "case %s: run_id '%s' is not 64 hex digits", c->name, id);
		differs = strcmp(id, base_id) != 0;
		CHECK(differs == c->changes_id, "case %s: the run id %s (baseline %s, now %s)",
		      c->name, differs ? "changed" : "did not change", base_id, id);
		if (c->change == CHANGE_OUTPUT0) {
			const cJSON *o = cJSON_GetArrayItem(
				cJSON_GetObjectItemCaseSensitive(json, "outputs"), 0);

			CHECK(strcmp(str(o, "sha256"), OUTPUT0_CHANGED_SHA) == 0,
			      "case %s: outputs[0].sha256 is %s, want sha256sum's %s", c->name,
			      str(o, "sha256"), OUTPUT0_CHANGED_SHA);
		}
		cJSON_Delete(json);
	}
	CHECK(write_files() == 0 && fill_ledger() == 0, "unable to restore the baseline files");
}

/* ---- errors ---------------------------------------------------------------- */

enum break_what { BREAK_NOTHING, BREAK_CONFIG, BREAK_OUTPUT };

struct error_case {
	const char *name;
	const char *path;   /* where the manifest goes; NULL: root/case.json */
	enum break_what breaks;
	vbs_status code;
	const char *file;   /* the file the error names; NULL: the broken one */
};

static const struct error_case error_cases[] = {
	/* every write to /dev/full fails with ENOSPC */
	{ "disk_full", "/dev/full", BREAK_NOTHING, VBS_E_IO, "/dev/full" },
	{ "missing_folder", "/nonexistent-vbs-folder/manifest.json", BREAK_NOTHING,
	  VBS_E_CANTCREAT, "/nonexistent-vbs-folder/manifest.json" },
	/* a configuration file read by the run has gone */
	{ "missing_config", NULL, BREAK_CONFIG, VBS_E_IO, NULL },
	{ "missing_output", NULL, BREAK_OUTPUT, VBS_E_IO, NULL },
};

static void test_errors(void **state)
{
	(void)state;
	for (size_t i = 0; i < COUNT(error_cases); i++) {
		const struct error_case *c = &error_cases[i];
		vbs_manifest m = baseline();
		const char *missing_paths[NCONFIG > NOUTPUTS ? NCONFIG : NOUTPUTS];
		char missing[PATH_BYTES], path[PATH_BYTES];
		const char *want_file;
		struct stat st;
		vbs_error err;
		int rc;

		out_path(missing, sizeof(missing), "no-such-file");
		out_path(path, sizeof(path), "case.json");
		unlink(path);
		if (c->path)
			snprintf(path, sizeof(path), "%s", c->path);
		if (c->breaks == BREAK_CONFIG) {
			memcpy(missing_paths, config_ptrs, sizeof(config_ptrs));
			missing_paths[1] = missing;
			m.config_paths = missing_paths;
		} else if (c->breaks == BREAK_OUTPUT) {
			memcpy(missing_paths, output_ptrs, sizeof(output_ptrs));
			missing_paths[1] = missing;
			m.output_paths = missing_paths;
		}
		want_file = c->file ? c->file : missing;
		error_init(&err);
		rc = manifest_write(&m, path, &err);
		CHECK(rc == -1, "case %s: manifest_write returned %d, want -1", c->name, rc);
		CHECK(err.code == c->code, "case %s: error code %d, want %d (%s)", c->name,
		      (int)err.code, (int)c->code, err.message);
		CHECK(strcmp(err.file, want_file) == 0, "case %s: the error names '%s', want '%s'",
		      c->name, err.file, want_file);
		CHECK(strstr(err.message, want_file) != NULL,
		      "case %s: the message '%s' does not quote '%s'", c->name, err.message,
		      want_file);
		if (!c->path)
			CHECK(stat(path, &st) != 0,
			      "case %s: a manifest was written although a file could not be hashed",
			      c->name);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_shape_and_values),
		cmocka_unit_test(test_empty_run),
		cmocka_unit_test(test_byte_identical),
		cmocka_unit_test(test_run_id),
		cmocka_unit_test(test_errors),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
