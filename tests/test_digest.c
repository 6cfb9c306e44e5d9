/* test_digest: digest_file against the published SHA-256 test vectors
 * (FIPS 180-2, appendix B, and the NIST example values) and a few
 * sha256sum-derived files that cross digest.c's read-chunk boundary or hold
 * every byte value, each written to a temp file; digest_hex's lower-case
 * formatting; and the errors of a missing file and a folder. */
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
#include <sys/stat.h>
#include <unistd.h>

#include "base/digest.h"


#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

enum { PATH_BYTES = 1024 };

static char root[512]; /* this test's folder */

/* ---- helpers -------------------------------------------------------------- */

static int setup(void **state)
{
	const char *t = getenv("TMPDIR");

	(void)state;
	snprintf(root, sizeof(root), "%s/vbs_digest_XXXXXX", t && *t ? t : "/tmp");
	if (!mkdtemp(root)) {
		print_error("mkdtemp '%s': %s\n", root, strerror(errno));
		return -1;
	}
	return 0;
}

static int teardown(void **state)
{
	char path[PATH_BYTES];

	(void)state;
	snprintf(path, sizeof(path), "%s/input", root);
	unlink(path);
	snprintf(path, sizeof(path), "%s/folder", root);
	rmdir(path);
	rmdir(root);
	return 0;
}

/* Writes len bytes of data to path; 0 or -1. */
static int write_bytes(const char *path, const void *data, size_t len)
{
	FILE *f = fopen(path, "wb");
	int failed;

	if (!f)
		return -1;
	failed = fwrite(data, 1, len, f) != len;
	return fclose(f) != 0 || failed ? -1 : 0;
}

/* ---- digest_file ---------------------------------------------------------- */

struct file_case {
	const char *name;
	const char *text; /* the file's bytes, when repeat is 0 */
	size_t len;       /* of text (it may hold NUL bytes) */
	char fill;        /* else the file is `repeat` copies of fill */
	size_t repeat;
	int all_bytes;    /* else the 256 bytes 00, 01, ..., ff */
	const char *want; /* the SHA-256, lower-case hex */
};

#define TEXT(s) .text = (s), .len = sizeof(s) - 1

static const struct file_case file_cases[] = {
	/* FIPS 180-2 appendix B.1: one block */
	{ "fips_abc", TEXT("abc"),
	  .want = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" },
	/* the NIST example value of the empty message */
	{ "empty", TEXT(""),
	  .want = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" },
	/* FIPS 180-2 appendix B.2: the 448-bit message, two blocks after padding */
	{ "fips_448_bits", TEXT("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
	  .want = "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1" },
	/* the NIST 896-bit message (FIPS 180-4 examples) */
	{ "nist_896_bits",
	  TEXT("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmno"
	       "ijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu"),
	  .want = "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1" },
	/* FIPS 180-2 appendix B.3: one million 'a', many read chunks */
	{ "fips_million_a", .fill = 'a', .repeat = 1000000,
	  .want = "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0" },
	/* sha256sum: exactly one 64 KiB read chunk, and one byte more */
	{ "one_chunk", .fill = 'a', .repeat = 65536,
	  .want = "bf718b6f653bebc184e1479f1935b8da974d701b893afcf49e701f3e2f9f9c5a" },
	{ "one_chunk_and_a_byte", .fill = 'a', .repeat = 65537,
	  .want = "008ffc88d3c96a9f307524eb361e47c5222a887fc45fa0c1fb8d429c5c23b430" },
	/* sha256sum: the file is read as bytes: CR LF, ^Z and NUL are data */
	{ "binary_bytes", TEXT("\r\n\n\032\000x"),
	  .want = "ae70cadc76bdf247d8ccded674b8dcaa01347a58d889e8b4673efa0caf71309f" },
	{ "every_byte_value", .all_bytes = 1,
	  .want = "40aff2e9d2d8922e47afd4648e6967497158785fbd1da870e7110266bf944880" },
};

static void test_digest_file(void **state)
{
	char path[PATH_BYTES];

	(void)state;
	snprintf(path, sizeof(path), "%s/input", root);
	for (size_t i = 0; i < COUNT(file_cases); i++) {
		const struct file_case *c = &file_cases[i];
		unsigned char sha[DIGEST_SIZE];
		char hex[DIGEST_HEX_SIZE];
		unsigned char *data = NULL;
		size_t len = c->len;
		vbs_error err;
		int rc, wrote;

		if (c->repeat || c->all_bytes) {
			len = c->repeat ? c->repeat : 256;
			data = malloc(len);
			CHECK(data, "case %s: out of memory", c->name);
			for (size_t k = 0; k < len; k++)
				data[k] = c->repeat ? (unsigned char)c->fill : (unsigned char)k;
		}
		wrote = write_bytes(path, data ? (const void *)data : c->text, len);
		free(data);
		CHECK(wrote == 0, "case %s: unable to write '%s'", c->name, path);
		error_init(&err);
		memset(sha, 0, sizeof(sha));
		rc = digest_file(path, sha, &err);
		CHECK(rc == 0, "case %s: digest_file returned %d (%s), want 0", c->name, rc,
		      err.message);
		CHECK(err.code == VBS_OK, "case %s: success left error code %d", c->name,
		      (int)err.code);
		digest_hex(sha, hex);
		CHECK(strcmp(hex, c->want) == 0, "case %s: SHA-256 is %s, want %s", c->name, hex,
		      c->want);
	}
}

/* The same file twice gives the same digest: nothing carries over between
 * calls. */
static void test_digest_file_repeatable(void **state)
{
	char path[PATH_BYTES];
	unsigned char a[DIGEST_SIZE], b[DIGEST_SIZE];
	vbs_error err;

	(void)state;
	snprintf(path, sizeof(path), "%s/input", root);
	CHECK(write_bytes(path, "abc", 3) == 0, "unable to write '%s'", path);
	error_init(&err);
	CHECK(digest_file(path, a, &err) == 0, "first digest_file failed: %s", err.message);
	CHECK(digest_file(path, b, &err) == 0, "second digest_file failed: %s", err.message);
	CHECK(memcmp(a, b, DIGEST_SIZE) == 0, "two digests of one unchanged file differ");
}

/* ---- digest_file errors --------------------------------------------------- */

struct error_case {
	const char *name;
	const char *leaf; /* under root */
	int make_folder;  /* create leaf as a folder first */
};

static const struct error_case error_cases[] = {
	{ "missing_file", "no-such-file.csv", 0 },
	{ "missing_folder", "no-such-folder/x.csv", 0 },
	/* opens on Linux, but reading it fails (EISDIR) */
	{ "a_folder", "folder", 1 },
};

static void test_digest_file_errors(void **state)
{
	(void)state;
	for (size_t i = 0; i < COUNT(error_cases); i++) {
		const struct error_case *c = &error_cases[i];
		char path[PATH_BYTES];
		unsigned char sha[DIGEST_SIZE], before[DIGEST_SIZE];
		vbs_error err;
		int rc;

		snprintf(path, sizeof(path), "%s/%s", root, c->leaf);
		if (c->make_folder)
			CHECK(mkdir(path, 0700) == 0 || errno == EEXIST, "case %s: mkdir '%s': %s",
			      c->name, path, strerror(errno));
		memset(sha, 0x5a, sizeof(sha));
		memcpy(before, sha, sizeof(sha));
		error_init(&err);
		rc = digest_file(path, sha, &err);
		CHECK(rc == -1, "case %s: digest_file returned %d, want -1", c->name, rc);
		CHECK(err.code == VBS_E_IO, "case %s: error code %d, want VBS_E_IO (%d)", c->name,
		      (int)err.code, (int)VBS_E_IO);
		CHECK(strcmp(err.file, path) == 0, "case %s: the error names '%s', want '%s'",
		      c->name, err.file, path);
		CHECK(strstr(err.message, path) != NULL,
		      "case %s: the message '%s' does not quote the path", c->name, err.message);
		CHECK(memcmp(sha, before, DIGEST_SIZE) == 0,
		      "case %s: a failed digest_file changed its output", c->name);
		/* error_set takes a NULL record: the call still fails cleanly */
		rc = digest_file(path, sha, NULL);
		CHECK(rc == -1, "case %s: with err NULL digest_file returned %d, want -1",
		      c->name, rc);
	}
}

/* ---- digest_hex ----------------------------------------------------------- */

struct hex_case {
	const char *name;
	int pattern; /* how the 32 bytes are made, see hex_bytes() */
	const char *want;
};

enum { PAT_ZERO, PAT_FF, PAT_COUNT, PAT_NIBBLES, PAT_DEADBEEF };

static void hex_bytes(int pattern, unsigned char b[DIGEST_SIZE])
{
	static const unsigned char deadbeef[4] = {0xde, 0xad, 0xbe, 0xef};

	for (int i = 0; i < DIGEST_SIZE; i++) {
		switch (pattern) {
		case PAT_ZERO: b[i] = 0x00; break;
		case PAT_FF: b[i] = 0xff; break;
		case PAT_COUNT: b[i] = (unsigned char)i; break;
		case PAT_NIBBLES: b[i] = i % 2 ? 0x5a : 0xa5; break;
		default: b[i] = deadbeef[i % 4]; break;
		}
	}
}

static const struct hex_case hex_cases[] = {
	{ "all_zero", PAT_ZERO,
	  "0000000000000000000000000000000000000000000000000000000000000000" },
	{ "all_ff_lower_case", PAT_FF,
	  "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff" },
	{ "counting_bytes", PAT_COUNT,
	  "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f" },
	/* the high nibble comes first */
	{ "nibble_order", PAT_NIBBLES,
	  "a55aa55aa55aa55aa55aa55aa55aa55aa55aa55aa55aa55aa55aa55aa55aa55a" },
	{ "deadbeef", PAT_DEADBEEF,
	  "deadbeefdeadbeefdeadbeefdeadbeefdeadbeefdeadbeefdeadbeefdeadbeef" },
};

static void test_digest_hex(void **state)
{
	(void)state;
	for (size_t i = 0; i < COUNT(hex_cases); i++) {
		const struct hex_case *c = &hex_cases[i];
		unsigned char in[DIGEST_SIZE];
		char buf[DIGEST_HEX_SIZE + 8];

		hex_bytes(c->pattern, in);
		memset(buf, '#', sizeof(buf));
		digest_hex(in, buf);
		CHECK(buf[DIGEST_HEX_SIZE - 1] == '\0',
		      "case %s: no NUL after the 64 hex digits", c->name);
		CHECK(strcmp(buf, c->want) == 0, "case %s: digest_hex gave %s, want %s", c->name,
		      buf, c->want);
		for (size_t k = DIGEST_HEX_SIZE; k < sizeof(buf); k++)
			CHECK(buf[k] == '#', "case %s: digest_hex wrote past its 65 bytes (byte %zu)",
			      c->name, k);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_digest_file),
		cmocka_unit_test(test_digest_file_repeatable),
		cmocka_unit_test(test_digest_file_errors),
		cmocka_unit_test(test_digest_hex),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
