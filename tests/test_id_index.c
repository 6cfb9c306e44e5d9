/* Tests of id_index: packed and arena ids, dense indices in first-seen
 * order, exact strings (leading zeros and case matter), round trips. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "records/id_index.h"

struct pack_case {
	const char *name;
	const char *id;
	int packs; /* 1: the common shape */
};

static const struct pack_case pack_cases[] = {
	{"IA case id", "IA-2019-004512", 1},
	{"one letter, one digit", "D-2019-7", 1},
	{"four letters, seven digits", "ABCD-1999-9999999", 1},
	{"five letters", "ABCDE-2019-1", 0},
	{"eight digits", "IA-2019-12345678", 0},
	{"lower-case letters", "ia-2019-004512", 0},
	{"a three-digit year", "IA-201-004512", 0},
	{"no number", "IA-2019-", 0},
	{"no letters", "-2019-1", 0},
	{"Swedish letter", "ÄR-2019-1", 0},
	{"trailing space", "IA-2019-1 ", 0},
	{"dialogue id", "D-2019-017", 1},
	{"plain number", "1043", 0},
	{"empty", "", 0},
};

static void test_pack_and_round_trip(void **state)
{
	vbs_id_index t;

	(void)state;
	assert_int_equal(id_index_init(&t, 4), 0);
	for (size_t i = 0; i < sizeof(pack_cases) / sizeof(pack_cases[0]); i++) {
		const struct pack_case *c = &pack_cases[i];
		uint64_t key;
		int added = 0;
		int64_t k;
		char back[64];

		if ((id_index_pack(c->id, &key) == 0) != c->packs)
			fail_msg("case '%s': '%s' %s", c->name, c->id,
			         c->packs ? "did not pack" : "packed but must not");
		k = id_index_get(&t, c->id, &added);
		if (k != (int64_t)i || !added)
			fail_msg("case '%s': index %lld added %d, want %zu and new", c->name,
			         (long long)k, added, i);
		id_index_string(&t, (uint32_t)k, back, sizeof(back));
		if (strcmp(back, c->id) != 0)
			fail_msg("case '%s': '%s' reads back as '%s'", c->name, c->id, back);
	}
	for (size_t i = 0; i < sizeof(pack_cases) / sizeof(pack_cases[0]); i++)
		if (id_index_find(&t, pack_cases[i].id) != (int64_t)i)
			fail_msg("case '%s': not found again", pack_cases[i].name);
	id_index_release(&t);
}

/* Ids that pack to different keys must stay apart: leading zeros, the
 * letters' position and the year. */
static void test_distinct(void **state)
{
	static const char *const ids[] = {
		"IA-2019-004512", "IA-2019-4512", "IA-2019-0004512", "A-2019-004512",
		"AI-2019-004512", "IAA-2019-004512", "IA-2018-004512", "IA-2019-004513",
		"IA-2019-04512", "AA-2019-004512",
	};
	vbs_id_index t;
	int added;

	(void)state;
	assert_int_equal(id_index_init(&t, 1), 0);
	for (size_t i = 0; i < sizeof(ids) / sizeof(ids[0]); i++)
		if (id_index_get(&t, ids[i], &added) != (int64_t)i || !added)
			fail_msg("'%s' collided with an earlier id", ids[i]);
	for (size_t i = 0; i < sizeof(ids) / sizeof(ids[0]); i++)
		if (id_index_get(&t, ids[i], &added) != (int64_t)i || added)
			fail_msg("'%s' was not found as the same id", ids[i]);
	id_index_release(&t);
}

static void test_growth(void **state)
{
	vbs_id_index t;
	char id[32], back[32];
	int added;

	(void)state;
	assert_int_equal(id_index_init(&t, 1), 0);
	for (int i = 0; i < 300000; i++) {
		/* Every third id is not of the packed shape. */
		if (i % 3 == 0)
			snprintf(id, sizeof(id), "x%d", i);
		else
			snprintf(id, sizeof(id), "IA-%04d-%06d", 2000 + i % 27, i);
		if (id_index_get(&t, id, &added) != i || !added)
			fail_msg("id %s was not new at %d", id, i);
	}
	for (int i = 0; i < 300000; i += 7919) {
		if (i % 3 == 0)
			snprintf(id, sizeof(id), "x%d", i);
		else
			snprintf(id, sizeof(id), "IA-%04d-%06d", 2000 + i % 27, i);
		id_index_string(&t, (uint32_t)i, back, sizeof(back));
		if (id_index_find(&t, id) != i || strcmp(back, id) != 0)
			fail_msg("id %s: find %lld, reads back '%s'", id,
			         (long long)id_index_find(&t, id), back);
	}
	assert_int_equal(id_index_find(&t, "IA-2019-999999"), -1);
	id_index_release(&t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pack_and_round_trip),
		cmocka_unit_test(test_distinct),
		cmocka_unit_test(test_growth),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
