/* test_incidents: the de-duplication rules of incidents_put (the latest
 * Senast ändrad wins, a missing stamp loses to any valid one, a tie goes
 * to the later offered version), the record kept, and the 32-byte record. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "base/date.h"
#include "records/incidents.h"

enum { OFFERS_MAX = 8, IDS_MAX = 4, MANY = 5000 };

/* One offered version: the case id, its stamp, the file and line it came
 * from, and the answer incidents_put must give. */
struct offer {
	const char *id;
	int64_t modified;
	uint16_t file;
	uint32_t line;
	incident_put want;
	int loser_file; /* checked on INCIDENT_REPLACED only */
};

/* Which version each distinct case keeps in the end (first-seen order). */
struct kept {
	uint16_t file;
	uint32_t line;
};

#define NONE STAMP_NONE

static const struct put_case {
	const char *name;
	struct offer offers[OFFERS_MAX]; /* ends at id == NULL */
	size_t n;                        /* distinct cases at the end */
	struct kept kept[IDS_MAX];
} put_cases[] = {
	{ .name = "first version is new",
	  .offers = { { "IA-1", 1000, 0, 2, INCIDENT_NEW, 0 } },
	  .n = 1, .kept = { { 0, 2 } } },
	{ .name = "a later Senast ändrad replaces",
	  .offers = { { "IA-1", 1000, 0, 2, INCIDENT_NEW, 0 },
	              { "IA-1", 2000, 1, 7, INCIDENT_REPLACED, 0 } },
	  .n = 1, .kept = { { 1, 7 } } },
	{ .name = "an older Senast ändrad loses",
	  .offers = { { "IA-1", 2000, 0, 2, INCIDENT_NEW, 0 },
	              { "IA-1", 1000, 1, 7, INCIDENT_KEPT, 0 } },
	  .n = 1, .kept = { { 0, 2 } } },
	{ .name = "a tie goes to the later offered",
	  .offers = { { "IA-1", 1500, 3, 2, INCIDENT_NEW, 0 },
	              { "IA-1", 1500, 4, 9, INCIDENT_REPLACED, 3 } },
	  .n = 1, .kept = { { 4, 9 } } },
	{ .name = "a tie within one file goes to the later row",
	  .offers = { { "IA-1", 1500, 2, 5, INCIDENT_NEW, 0 },
	              { "IA-1", 1500, 2, 6, INCIDENT_REPLACED, 2 } },
	  .n = 1, .kept = { { 2, 6 } } },
	{ .name = "missing stamp first loses to a valid one",
	  .offers = { { "IA-1", NONE, 0, 2, INCIDENT_NEW, 0 },
	              { "IA-1", 1000, 1, 3, INCIDENT_REPLACED, 0 } },
	  .n = 1, .kept = { { 1, 3 } } },
	{ .name = "missing stamp later loses to a valid one",
	  .offers = { { "IA-1", 1000, 0, 2, INCIDENT_NEW, 0 },
	              { "IA-1", NONE, 1, 3, INCIDENT_KEPT, 0 } },
	  .n = 1, .kept = { { 0, 2 } } },
	{ .name = "missing stamp loses even to a stamp before 1970",
	  .offers = { { "IA-1", -525600, 0, 2, INCIDENT_NEW, 0 },
	              { "IA-1", NONE, 1, 3, INCIDENT_KEPT, 0 } },
	  .n = 1, .kept = { { 0, 2 } } },
	{ .name = "missing stamp loses to the smallest valid stamp",
	  .offers = { { "IA-1", NONE, 0, 2, INCIDENT_NEW, 0 },
	              { "IA-1", INT64_MIN + 1, 1, 3, INCIDENT_REPLACED, 0 } },
	  .n = 1, .kept = { { 1, 3 } } },
	{ .name = "seconds count: 10:11:59 beats a later file's 10:11:00",
	  .offers = { { "IA-1", 1615716719, 0, 2, INCIDENT_NEW, 0 },
	              { "IA-1", 1615716660, 1, 3, INCIDENT_KEPT, 0 } },
	  .n = 1, .kept = { { 0, 2 } } },
	{ .name = "two missing stamps: the later offered wins",
	  .offers = { { "IA-1", NONE, 5, 2, INCIDENT_NEW, 0 },
	              { "IA-1", NONE, 6, 3, INCIDENT_REPLACED, 5 } },
	  .n = 1, .kept = { { 6, 3 } } },
	{ .name = "three versions: the newest in the middle stays",
	  .offers = { { "IA-1", 1000, 0, 2, INCIDENT_NEW, 0 },
	              { "IA-1", 3000, 1, 2, INCIDENT_REPLACED, 0 },
	              { "IA-1", 2000, 2, 2, INCIDENT_KEPT, 0 },
	              { "IA-1", NONE, 3, 2, INCIDENT_KEPT, 0 } },
	  .n = 1, .kept = { { 1, 2 } } },
	{ .name = "loser_file names the version just replaced",
	  .offers = { { "IA-1", 1000, 0, 2, INCIDENT_NEW, 0 },
	              { "IA-1", 2000, 1, 2, INCIDENT_REPLACED, 0 },
	              { "IA-1", 3000, 2, 2, INCIDENT_REPLACED, 1 } },
	  .n = 1, .kept = { { 2, 2 } } },
	{ .name = "different cases do not compete",
	  .offers = { { "IA-1", 3000, 0, 2, INCIDENT_NEW, 0 },
	              { "IA-2", 1000, 0, 3, INCIDENT_NEW, 0 },
	              { "IA-1", 1000, 1, 4, INCIDENT_KEPT, 0 },
	              { "IA-2", 3000, 1, 5, INCIDENT_REPLACED, 0 },
	              { "IA-3", NONE, 1, 6, INCIDENT_NEW, 0 } },
	  .n = 3, .kept = { { 0, 2 }, { 1, 5 }, { 1, 6 } } },
};

static void test_put_rules(void **state)
{
	(void)state;
	for (size_t c = 0; c < sizeof(put_cases) / sizeof(put_cases[0]); c++) {
		const struct put_case *k = &put_cases[c];
		vbs_incidents s;

		if (incidents_init(&s, 4) != 0)
			fail_msg("case '%s': incidents_init failed", k->name);
		for (size_t i = 0; i < OFFERS_MAX && k->offers[i].id; i++) {
			const struct offer *o = &k->offers[i];
			vbs_incident rec = {
				.event_day = 20000, .modified = incident_stamp(o->modified),
				.line = o->line, .file = o->file,
			};
			int loser = -1;
			incident_put got = incidents_put(&s, o->id, &rec, &loser);

			if (got != o->want)
				fail_msg("case '%s', offer %zu (%s, file %u line %u): result %d, want %d",
				         k->name, i, o->id, o->file, o->line, got, o->want);
			if (got == INCIDENT_REPLACED && loser != o->loser_file)
				fail_msg("case '%s', offer %zu: loser_file %d, want %d",
				         k->name, i, loser, o->loser_file);
		}
		if (s.n != k->n)
			fail_msg("case '%s': %zu cases kept, want %zu", k->name, s.n, k->n);
		for (size_t i = 0; i < k->n; i++)
			if (s.items[i].file != k->kept[i].file || s.items[i].line != k->kept[i].line)
				fail_msg("case '%s': case %zu keeps file %u line %u, want file %u line %u",
				         k->name, i, s.items[i].file, s.items[i].line,
				         k->kept[i].file, k->kept[i].line);
		incidents_release(&s);
	}
}

/* 1 when every field of a and b is equal (no memcmp: padding may differ). */
static int same_record(const vbs_incident *a, const vbs_incident *b)
{
	return a->event_day == b->event_day && a->modified == b->modified &&
	       a->line == b->line && a->file == b->file && a->vbe == b->vbe &&
	       a->miljo == b->miljo && a->kategori == b->kategori &&
	       a->handelsetyp == b->handelsetyp && a->verksamhet == b->verksamhet &&
	       a->omrade == b->omrade;
}

/* The winner's whole record replaces the loser's, every field. */
static void test_replaced_record_is_whole(void **state)
{
	vbs_incidents s;
	vbs_incident a = { .event_day = 19000, .modified = 100, .line = 2, .file = 0,
	                   .vbe = 0, .miljo = 1, .kategori = 2, .handelsetyp = 3,
	                   .verksamhet = 4, .omrade = 5 };
	vbs_incident b = { .event_day = 19500, .modified = 200, .line = 9, .file = 1,
	                   .vbe = 2, .miljo = 4, .kategori = 9, .handelsetyp = 0,
	                   .verksamhet = 8, .omrade = 7 };
	int loser = -1;

	(void)state;
	if (incidents_init(&s, 0) != 0)
		fail_msg("incidents_init failed");
	if (incidents_put(&s, "IA-9", &a, &loser) != INCIDENT_NEW ||
	    incidents_put(&s, "IA-9", &b, &loser) != INCIDENT_REPLACED)
		fail_msg("the newer version did not replace the older");
	if (!same_record(&s.items[0], &b))
		fail_msg("the kept record differs from the newer version in some field");
	if (incidents_put(&s, "IA-9", &a, &loser) != INCIDENT_KEPT ||
	    !same_record(&s.items[0], &b))
		fail_msg("offering the older version again changed the kept record");
	incidents_release(&s);
}

/* 5000 cases, each offered twice: the item array grows past its first
 * block and the ids stay in step with the items. */
static void test_many(void **state)
{
	vbs_incidents s;
	char id[32];
	int loser;

	(void)state;
	if (incidents_init(&s, 2) != 0)
		fail_msg("incidents_init failed");
	for (int pass = 0; pass < 2; pass++) {
		for (uint32_t i = 0; i < MANY; i++) {
			vbs_incident rec = { .event_day = (int32_t)i, .modified = incident_stamp((int64_t)(pass * 10)),
			                     .line = i + 2, .file = (uint16_t)pass };
			incident_put want = pass ? INCIDENT_REPLACED : INCIDENT_NEW;
			incident_put got;

			snprintf(id, sizeof(id), "IA-%05u", i);
			got = incidents_put(&s, id, &rec, &loser);
			if (got != want)
				fail_msg("pass %d, %s: result %d, want %d", pass, id, got, want);
		}
	}
	if (s.n != MANY)
		fail_msg("%zu cases kept, want %d", s.n, MANY);
	for (uint32_t i = 0; i < MANY; i++)
		if (s.items[i].event_day != (int32_t)i || s.items[i].file != 1 ||
		    s.items[i].line != i + 2)
			fail_msg("case %u holds day %d file %u, want day %u from file 1", i,
			         s.items[i].event_day, s.items[i].file, i);
	incidents_release(&s);
}

static void test_record_size(void **state)
{
	(void)state;
	if (sizeof(vbs_incident) > 24)
		fail_msg("sizeof(vbs_incident) = %zu, the budget is at most 24 bytes (issue: at most 32)",
		         sizeof(vbs_incident));
}

/* incident_stamp keeps the order of stamps and puts a missing one first. */
static void test_stamp(void **state)
{
	(void)state;
	assert_int_equal(incident_stamp(STAMP_NONE), 0);
	assert_int_equal(incident_stamp(INT64_MIN + 1), 1);
	assert_int_equal(incident_stamp(-1), 1);
	assert_int_equal(incident_stamp(0), 1);
	assert_int_equal(incident_stamp(1615716719), 1615716720u);
	/* 2106-02-07 06:28:15 UTC is the last second that fits. */
	assert_int_equal(incident_stamp(INT64_C(4294967294)), UINT32_MAX);
	assert_int_equal(incident_stamp(INT64_C(5000000000)), UINT32_MAX);
	assert_true(incident_stamp(1000) < incident_stamp(1001));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_stamp),
		cmocka_unit_test(test_put_rules),
		cmocka_unit_test(test_replaced_record_is_whole),
		cmocka_unit_test(test_many),
		cmocka_unit_test(test_record_size),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
