/* Tests of ingest: the shared request of the ingest modules and the
 * counting of kept records in their file's ledger entry. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "ingest/ingest.h"

static int on_row(const vbs_row *row, void *ctx, vbs_error *err)
{
	(void)row;
	(void)ctx;
	(void)err;
	return ROW_ACCEPTED;
}

static void test_request(void **state)
{
	vbs_codesets cs = {0};
	vbs_input_files files;
	vbs_rejects rejects;
	vbs_mapping m = {0};
	int ctx = 0;
	vbs_ingest in = {.inputs_dir = "inputs", .codesets = &cs, .as_of = 20757,
	                 .files = &files, .rejects = &rejects};
	vbs_source_read req;

	(void)state;
	req = ingest_request(&in, &m, 1, on_row, &ctx);
	assert_ptr_equal(req.mapping, &m);
	assert_ptr_equal(req.codesets, &cs);
	assert_string_equal(req.inputs_dir, "inputs");
	assert_int_equal(req.required, 1);
	assert_ptr_equal(req.files, &files);
	assert_ptr_equal(req.rejects, &rejects);
	assert_ptr_equal(req.on_row, on_row);
	assert_ptr_equal(req.ctx, &ctx);
	assert_int_equal(ingest_request(&in, &m, 0, on_row, &ctx).required, 0);
}

static void test_count_kept(void **state)
{
	vbs_input_files files;
	vbs_ingest in = {.files = &files};
	vbs_error err;

	(void)state;
	input_files_init(&files);
	error_init(&err);
	assert_int_equal(input_files_add(&files, "ia", "ia/a.csv", &err), 0);
	assert_int_equal(input_files_add(&files, "ia", "ia/b.csv", &err), 1);
	ingest_count_kept(&in, 1, 1, 0);
	ingest_count_kept(&in, 1, 1, 1);
	ingest_count_kept(&in, 1, 0, 1);
	ingest_count_kept(&in, 0, 0, 0);
	assert_int_equal(files.files[0].after_as_of, 0);
	assert_int_equal(files.files[0].unknown_area, 0);
	assert_int_equal(files.files[1].after_as_of, 2);
	assert_int_equal(files.files[1].unknown_area, 2);
	input_files_release(&files);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_request),
		cmocka_unit_test(test_count_kept),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
