/* test_intern: dense ids in first-seen order, the same string always the
 * same id, growth of the slot array and the arena far past the initial
 * size, and every string read back. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "records/intern.h"

enum { SEQ_MAX = 12, MANY = 200000, LONG_ID_BYTES = 100000 };

/* One offered string and what intern_get must answer. */
struct offer {
	const char *s;
	int64_t id;
	int added;
};

static const struct seq_case {
	const char *name;
	size_t expected;             /* intern_init's size hint */
	struct offer offers[SEQ_MAX]; /* ends at s == NULL */
	size_t n;                    /* distinct strings at the end */
} seq_cases[] = {
	{ .name = "first-seen order, repeats keep their id", .expected = 16,
	  .offers = { { "IA-2019-004512", 0, 1 }, { "IA-2019-004513", 1, 1 },
	              { "IA-2019-004512", 0, 0 }, { "IA-2020-000001", 2, 1 },
	              { "IA-2019-004513", 1, 0 }, { "IA-2020-000001", 2, 0 } },
	  .n = 3 },
	{ .name = "case and spaces make different strings", .expected = 4,
	  .offers = { { "ia-1", 0, 1 }, { "IA-1", 1, 1 }, { "IA-1 ", 2, 1 },
	              { " IA-1", 3, 1 }, { "IA-1", 1, 0 }, { "ia-1", 0, 0 } },
	  .n = 4 },
	{ .name = "empty string and UTF-8 are ordinary strings", .expected = 0,
	  .offers = { { "", 0, 1 }, { "Ärende-ö", 1, 1 }, { "", 0, 0 },
	              { "Ärende-ö", 1, 0 }, { "Arende-o", 2, 1 } },
	  .n = 3 },
	{ .name = "a prefix is not the string", .expected = 1,
	  .offers = { { "IA-12", 0, 1 }, { "IA-1", 1, 1 }, { "IA-123", 2, 1 },
	              { "IA-1", 1, 0 }, { "IA-12", 0, 0 }, { "IA-123", 2, 0 } },
	  .n = 3 },
};

static void test_sequences(void **state)
{
	(void)state;
	for (size_t c = 0; c < sizeof(seq_cases) / sizeof(seq_cases[0]); c++) {
		const struct seq_case *k = &seq_cases[c];
		vbs_intern t;

		if (intern_init(&t, k->expected) != 0)
			fail_msg("case '%s': intern_init(%zu) failed", k->name, k->expected);
		for (size_t i = 0; i < SEQ_MAX && k->offers[i].s; i++) {
			const struct offer *o = &k->offers[i];
			int added = -1;
			int64_t id = intern_get(&t, o->s, &added);

			if (id != o->id)
				fail_msg("case '%s', offer %zu \"%s\": id %lld, want %lld",
				         k->name, i, o->s, (long long)id, (long long)o->id);
			if (added != o->added)
				fail_msg("case '%s', offer %zu \"%s\": added = %d, want %d",
				         k->name, i, o->s, added, o->added);
			if (strcmp(intern_string(&t, (uint32_t)id), o->s) != 0)
				fail_msg("case '%s', offer %zu: id %lld reads back \"%s\", want \"%s\"",
				         k->name, i, (long long)id,
				         intern_string(&t, (uint32_t)id), o->s);
		}
		if (t.n != k->n)
			fail_msg("case '%s': %zu strings in the table, want %zu", k->name,
			         t.n, k->n);
		/* Every string again, after all the others went in. */
		for (size_t i = 0; i < SEQ_MAX && k->offers[i].s; i++) {
			const struct offer *o = &k->offers[i];

			if (strcmp(intern_string(&t, (uint32_t)o->id), o->s) != 0)
				fail_msg("case '%s': at the end id %lld reads back \"%s\", want \"%s\"",
				         k->name, (long long)o->id,
				         intern_string(&t, (uint32_t)o->id), o->s);
		}
		intern_release(&t);
		if (t.slots || t.offsets || t.arena || t.n)
			fail_msg("case '%s': intern_release left pointers or a count behind",
			         k->name);
	}
}

/* 200 000 distinct ids with expected = 8: the slot array doubles many
 * times, the offsets and the arena grow; every id stays dense, keeps its
 * number through the rehashes and reads back. */
static void test_growth(void **state)
{
	vbs_intern t;
	char s[32];

	(void)state;
	if (intern_init(&t, 8) != 0)
		fail_msg("intern_init(8) failed");
	for (long i = 0; i < MANY; i++) {
		int added = -1;
		int64_t id;

		snprintf(s, sizeof(s), "IA-%04ld-%06ld", 2014 + i % 12, i);
		id = intern_get(&t, s, &added);
		if (id != i || added != 1)
			fail_msg("new string %ld \"%s\": id %lld added %d, want id %ld added 1",
			         i, s, (long long)id, added, i);
		/* Re-offer an earlier one now and then, while the table grows. */
		if (i % 997 == 0) {
			long j = i / 2;

			snprintf(s, sizeof(s), "IA-%04ld-%06ld", 2014 + j % 12, j);
			id = intern_get(&t, s, &added);
			if (id != j || added != 0)
				fail_msg("old string %ld \"%s\" during growth: id %lld added %d, "
				         "want id %ld added 0", j, s, (long long)id, added, j);
		}
	}
	if (t.n != MANY)
		fail_msg("%zu strings in the table after %d distinct ones", t.n, MANY);
	if (t.nslots < 2 * (size_t)MANY)
		fail_msg("%zu slots for %d strings: the table is more than half full",
		         t.nslots, MANY);
	for (long i = MANY - 1; i >= 0; i--) {
		int added = -1;
		int64_t id;

		snprintf(s, sizeof(s), "IA-%04ld-%06ld", 2014 + i % 12, i);
		if (strcmp(intern_string(&t, (uint32_t)i), s) != 0)
			fail_msg("id %ld reads back \"%s\", want \"%s\"", i,
			         intern_string(&t, (uint32_t)i), s);
		id = intern_get(&t, s, &added);
		if (id != i || added != 0)
			fail_msg("second lookup of \"%s\": id %lld added %d, want id %ld added 0",
			         s, (long long)id, added, i);
	}
	if (t.n != MANY)
		fail_msg("lookups of known strings changed the count to %zu", t.n);
	intern_release(&t);
}

/* A string longer than the arena's first block makes it grow in one step;
 * the strings stored before it stay readable. */
static void test_long_string(void **state)
{
	vbs_intern t;
	char *big = malloc(LONG_ID_BYTES + 1);
	int added;
	int64_t a, b, c;

	(void)state;
	if (!big)
		fail_msg("out of memory in the test");
	memset(big, 'x', LONG_ID_BYTES);
	big[LONG_ID_BYTES] = '\0';
	if (intern_init(&t, 1) != 0)
		fail_msg("intern_init(1) failed");
	a = intern_get(&t, "IA-1", &added);
	b = intern_get(&t, big, &added);
	c = intern_get(&t, "IA-2", &added);
	if (a != 0 || b != 1 || c != 2)
		fail_msg("ids %lld, %lld, %lld around a %d-byte string, want 0, 1, 2",
		         (long long)a, (long long)b, (long long)c, LONG_ID_BYTES);
	if (strcmp(intern_string(&t, 0), "IA-1") != 0 ||
	    strcmp(intern_string(&t, 2), "IA-2") != 0)
		fail_msg("short strings do not read back after the arena grew");
	if (strcmp(intern_string(&t, 1), big) != 0)
		fail_msg("the %d-byte string does not read back", LONG_ID_BYTES);
	if (intern_get(&t, big, &added) != 1 || added)
		fail_msg("the long string offered again is not id 1");
	intern_release(&t);
	free(big);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sequences),
		cmocka_unit_test(test_growth),
		cmocka_unit_test(test_long_string),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
