/* Tests of keyed: staged records de-duplicated on their id, the later
 * offered version winning, and the losing version's file reported. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "records/keyed.h"

struct rec {
	vbs_origin origin;
	int32_t value;
};

struct offer {
	const char *id;
	uint16_t file;
	int32_t value;
	keyed_put want;
	int want_loser; /* file of the replaced version, when REPLACED */
};

struct keyed_case {
	const char *name;
	struct offer offers[6];
	size_t noffers;
	size_t want_n;
	int32_t want_values[6]; /* value per index after all offers */
};

static const struct keyed_case cases[] = {
	{"one record", {{"D-1", 0, 10, KEYED_NEW, -1}}, 1, 1, {10}},
	{"two ids stay apart",
	 {{"D-1", 0, 10, KEYED_NEW, -1}, {"D-2", 0, 20, KEYED_NEW, -1}}, 2, 2, {10, 20}},
	{"the later file wins",
	 {{"D-1", 0, 10, KEYED_NEW, -1}, {"D-1", 1, 11, KEYED_REPLACED, 0}}, 2, 1, {11}},
	{"a later row of the same file wins",
	 {{"D-1", 3, 10, KEYED_NEW, -1}, {"D-1", 3, 12, KEYED_REPLACED, 3}}, 2, 1, {12}},
	{"three versions: the loser is the one replaced each time",
	 {{"D-1", 0, 1, KEYED_NEW, -1}, {"D-1", 1, 2, KEYED_REPLACED, 0},
	  {"D-1", 2, 3, KEYED_REPLACED, 1}}, 3, 1, {3}},
	{"ids are exact strings",
	 {{"D-1", 0, 1, KEYED_NEW, -1}, {"d-1", 0, 2, KEYED_NEW, -1}, {"D-1 ", 0, 3, KEYED_NEW, -1}},
	 3, 3, {1, 2, 3}},
	{"order of first sight is kept",
	 {{"B", 0, 1, KEYED_NEW, -1}, {"A", 0, 2, KEYED_NEW, -1}, {"B", 1, 3, KEYED_REPLACED, 0}},
	 3, 2, {3, 2}},
};

static void test_cases(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const struct keyed_case *c = &cases[i];
		vbs_keyed t;

		if (keyed_init(&t, sizeof(struct rec), 4) != 0)
			fail_msg("case '%s': keyed_init failed", c->name);
		for (size_t k = 0; k < c->noffers; k++) {
			const struct offer *o = &c->offers[k];
			struct rec r = {.origin = {.line = (uint32_t)k + 2, .file = o->file},
			                .value = o->value};
			int loser = -1;
			keyed_put got = keyed_put_record(&t, o->id, &r, &loser);

			if (got != o->want || (got == KEYED_REPLACED && loser != o->want_loser))
				fail_msg("case '%s', offer %zu (%s): got %d loser %d, want %d loser %d",
				         c->name, k, o->id, got, loser, o->want, o->want_loser);
		}
		if (t.n != c->want_n)
			fail_msg("case '%s': %zu records, want %zu", c->name, t.n, c->want_n);
		for (size_t k = 0; k < t.n; k++) {
			const struct rec *r = keyed_get(&t, k);

			if (r->value != c->want_values[k])
				fail_msg("case '%s': record %zu has %d, want %d", c->name, k,
				         r->value, c->want_values[k]);
		}
		keyed_release(&t);
	}
}

static void test_find_and_growth(void **state)
{
	vbs_keyed t;
	char id[32];

	(void)state;
	assert_int_equal(keyed_init(&t, sizeof(struct rec), 1), 0);
	for (int i = 0; i < 50000; i++) {
		struct rec r = {.origin = {.line = (uint32_t)i, .file = 0}, .value = i};
		int loser = -1;

		snprintf(id, sizeof(id), "K-%d", i);
		if (keyed_put_record(&t, id, &r, &loser) != KEYED_NEW)
			fail_msg("id %s was not new", id);
	}
	for (int i = 0; i < 50000; i += 997) {
		int64_t k;

		snprintf(id, sizeof(id), "K-%d", i);
		k = keyed_find(&t, id);
		if (k != i || ((const struct rec *)keyed_get(&t, (size_t)k))->value != i)
			fail_msg("keyed_find(%s) = %lld, want %d", id, (long long)k, i);
	}
	assert_int_equal(keyed_find(&t, "K-50000"), -1);
	keyed_release(&t);
	assert_int_equal(keyed_init(&t, 2, 4), -1); /* smaller than the origin */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cases),
		cmocka_unit_test(test_find_and_growth),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
