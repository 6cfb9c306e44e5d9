/* id_index: compact id -> index table (see id_index.h). */
#include "records/id_index.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PACKED_BIT (UINT64_C(1) << 63)

enum { MAX_LETTERS = 4, YEAR_DIGITS = 4, MAX_NUMBER_DIGITS = 7 };

/* Layout, from the top: 1 packed flag, 4 × 5 bits letters (A = 1, 0 = none,
 * left-aligned), 14 bits year, 3 bits number of digits, 24 bits number.
 * The digit count keeps leading zeros: 004512 and 4512 differ. */
int id_index_pack(const char *s, uint64_t *key)
{
	uint64_t letters = 0, year = 0, number = 0;
	int nl = 0, nd = 0;

	while (*s >= 'A' && *s <= 'Z') {
		if (++nl > MAX_LETTERS)
			return -1;
		letters = letters << 5 | (uint64_t)(*s++ - 'A' + 1);
	}
	if (nl == 0 || *s++ != '-')
		return -1;
	letters <<= 5 * (MAX_LETTERS - nl);
	for (int i = 0; i < YEAR_DIGITS; i++, s++) {
		if (*s < '0' || *s > '9')
			return -1;
		year = year * 10 + (uint64_t)(*s - '0');
	}
	if (*s++ != '-')
		return -1;
	for (; *s; s++) {
		if (*s < '0' || *s > '9' || ++nd > MAX_NUMBER_DIGITS)
			return -1;
		number = number * 10 + (uint64_t)(*s - '0');
	}
	if (nd == 0)
		return -1;
	*key = PACKED_BIT | letters << 41 | year << 27 | (uint64_t)nd << 24 | number;
	return 0;
}

static uint64_t mix(uint64_t x)
{
	x ^= x >> 33;
	x *= UINT64_C(0xff51afd7ed558ccd);
	x ^= x >> 33;
	x *= UINT64_C(0xc4ceb9fe1a85ec53);
	return x ^ (x >> 33);
}

static uint64_t hash_string(const char *s)
{
	uint64_t h = UINT64_C(14695981039346656037);

	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= UINT64_C(1099511628211);
	}
	return h;
}

/* The hash of the id behind stored key k. */
static uint64_t hash_key(const vbs_id_index *t, uint64_t k)
{
	return k & PACKED_BIT ? mix(k) : hash_string(t->arena + k);
}

/* Slots for n ids at a load of at most 0.7; any size (not a power of two),
 * so that a table sized up front wastes little. */
static size_t slots_for(size_t n)
{
	size_t s = n + n / 2 + 64;

	return s > UINT32_MAX ? UINT32_MAX : s;
}

/* Maps a 64-bit hash onto [0, nslots) by multiply-shift on its top half. */
static size_t slot_of(uint64_t h, size_t nslots)
{
	return (size_t)(((h >> 32) * (uint64_t)nslots) >> 32);
}

int id_index_init(vbs_id_index *t, size_t expected)
{
	memset(t, 0, sizeof(*t));
	t->nslots = slots_for(expected);
	t->slots = calloc(t->nslots, sizeof(*t->slots));
	if (!t->slots)
		return -1;
	if (expected > 0) {
		t->keys = malloc(expected * sizeof(*t->keys));
		if (!t->keys) {
			free(t->slots);
			t->slots = NULL;
			return -1;
		}
		t->cap = expected;
	}
	return 0;
}

void id_index_release(vbs_id_index *t)
{
	free(t->keys);
	free(t->slots);
	free(t->arena);
	memset(t, 0, sizeof(*t));
}

static int grow_slots(vbs_id_index *t)
{
	size_t nslots = slots_for(t->n + t->n / 2 + 1);
	uint32_t *slots = calloc(nslots, sizeof(*slots));

	if (!slots)
		return -1;
	for (size_t i = 0; i < t->n; i++) {
		size_t j = slot_of(hash_key(t, t->keys[i]), nslots);

		while (slots[j])
			j = j + 1 == nslots ? 0 : j + 1;
		slots[j] = (uint32_t)i + 1;
	}
	free(t->slots);
	t->slots = slots;
	t->nslots = nslots;
	return 0;
}

/* The slot where id is, or the empty slot where it would go. */
static size_t probe(const vbs_id_index *t, const char *id, int packed, uint64_t key)
{
	size_t j = slot_of(packed ? mix(key) : hash_string(id), t->nslots);

	while (t->slots[j]) {
		uint64_t k = t->keys[t->slots[j] - 1];

		if (packed ? k == key : !(k & PACKED_BIT) && strcmp(t->arena + k, id) == 0)
			break;
		j = j + 1 == t->nslots ? 0 : j + 1;
	}
	return j;
}

int64_t id_index_find(const vbs_id_index *t, const char *id)
{
	uint64_t key = 0;
	int packed = id_index_pack(id, &key) == 0;
	size_t j = probe(t, id, packed, key);

	return t->slots[j] ? (int64_t)t->slots[j] - 1 : -1;
}

static int store_string(vbs_id_index *t, const char *id, uint64_t *key)
{
	size_t len = strlen(id) + 1;

	if (t->arena_len + len > t->arena_cap) {
		size_t cap = t->arena_cap ? 2 * t->arena_cap : 4096;
		char *p;

		while (cap < t->arena_len + len)
			cap *= 2;
		if (!(p = realloc(t->arena, cap)))
			return -1;
		t->arena = p;
		t->arena_cap = cap;
	}
	memcpy(t->arena + t->arena_len, id, len);
	*key = t->arena_len;
	t->arena_len += len;
	return 0;
}

int64_t id_index_get(vbs_id_index *t, const char *id, int *added)
{
	uint64_t key = 0;
	int packed = id_index_pack(id, &key) == 0;
	size_t j;

	*added = 0;
	if (t->n >= UINT32_MAX - 1)
		return -1;
	if ((t->n + 1) * 10 > t->nslots * 7 && grow_slots(t) != 0)
		return -1;
	j = probe(t, id, packed, key);
	if (t->slots[j])
		return (int64_t)t->slots[j] - 1;
	if (t->n == t->cap) {
		/* Past the estimate: grow by half, not double, to stay lean. */
		size_t cap = t->cap ? t->cap + t->cap / 2 + 1 : 1024;
		uint64_t *p = realloc(t->keys, cap * sizeof(*p));

		if (!p)
			return -1;
		t->keys = p;
		t->cap = cap;
	}
	if (!packed && store_string(t, id, &key) != 0)
		return -1;
	t->keys[t->n] = key;
	t->slots[j] = (uint32_t)t->n + 1;
	*added = 1;
	return (int64_t)t->n++;
}

void id_index_string(const vbs_id_index *t, uint32_t i, char *buf, size_t size)
{
	uint64_t k = t->keys[i];
	char letters[MAX_LETTERS + 1];
	int nl = 0;

	if (!(k & PACKED_BIT)) {
		snprintf(buf, size, "%s", t->arena + k);
		return;
	}
	for (int l = 0; l < MAX_LETTERS; l++) {
		unsigned c = (unsigned)(k >> (41 + 5 * (MAX_LETTERS - 1 - l))) & 31u;

		if (c)
			letters[nl++] = (char)('A' + c - 1);
	}
	letters[nl] = '\0';
	snprintf(buf, size, "%s-%04u-%0*u", letters, (unsigned)(k >> 27) & 0x3FFFu,
	         (int)((k >> 24) & 7u), (unsigned)(k & 0xFFFFFFu));
}
