/* intern: string interning with open addressing (see intern.h). */
#include "records/intern.h"

#include <stdlib.h>
#include <string.h>

/* FNV-1a, 64 bit: simple and good enough for ids like IA-2019-004512. */
static uint64_t hash(const char *s)
{
	uint64_t h = UINT64_C(14695981039346656037);

	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= UINT64_C(1099511628211);
	}
	return h;
}

int intern_init(vbs_intern *t, size_t expected)
{
	size_t nslots = 64;

	memset(t, 0, sizeof(*t));
	while (nslots < expected * 2)
		nslots *= 2;
	t->slots = calloc(nslots, sizeof(*t->slots));
	if (!t->slots)
		return -1;
	t->nslots = nslots;
	return 0;
}

void intern_release(vbs_intern *t)
{
	free(t->slots);
	free(t->offsets);
	free(t->arena);
	memset(t, 0, sizeof(*t));
}

const char *intern_string(const vbs_intern *t, uint32_t id)
{
	return t->arena + t->offsets[id];
}

static int grow_slots(vbs_intern *t)
{
	size_t nslots = t->nslots * 2;
	uint32_t *slots = calloc(nslots, sizeof(*slots));

	if (!slots)
		return -1;
	for (size_t id = 0; id < t->n; id++) {
		size_t i = hash(intern_string(t, (uint32_t)id)) & (nslots - 1);

		while (slots[i])
			i = (i + 1) & (nslots - 1);
		slots[i] = (uint32_t)id + 1;
	}
	free(t->slots);
	t->slots = slots;
	t->nslots = nslots;
	return 0;
}

static int64_t add(vbs_intern *t, const char *s, size_t len)
{
	if (t->n >= UINT32_MAX - 1)
		return -1;
	if (t->n == t->cap) {
		size_t cap = t->cap ? 2 * t->cap : 1024;
		uint32_t *p = realloc(t->offsets, cap * sizeof(*p));

		if (!p)
			return -1;
		t->offsets = p;
		t->cap = cap;
	}
	if (t->arena_len + len + 1 > t->arena_cap) {
		size_t cap = t->arena_cap ? 2 * t->arena_cap : 16384;
		char *p;

		while (cap < t->arena_len + len + 1)
			cap *= 2;
		if (cap > UINT32_MAX || !(p = realloc(t->arena, cap)))
			return -1;
		t->arena = p;
		t->arena_cap = cap;
	}
	memcpy(t->arena + t->arena_len, s, len + 1);
	t->offsets[t->n] = (uint32_t)t->arena_len;
	t->arena_len += len + 1;
	return (int64_t)t->n++;
}

int64_t intern_find(const vbs_intern *t, const char *s)
{
	size_t i;

	if (!t->nslots)
		return -1; /* a zeroed or released table */
	i = hash(s) & (t->nslots - 1);

	while (t->slots[i]) {
		uint32_t cand = t->slots[i] - 1;

		if (strcmp(intern_string(t, cand), s) == 0)
			return cand;
		i = (i + 1) & (t->nslots - 1);
	}
	return -1;
}

int64_t intern_get(vbs_intern *t, const char *s, int *added)
{
	size_t i;
	int64_t id;

	*added = 0;
	if (t->n + 1 > t->nslots / 2 && grow_slots(t) != 0)
		return -1;
	i = hash(s) & (t->nslots - 1);
	while (t->slots[i]) {
		uint32_t cand = t->slots[i] - 1;

		if (strcmp(intern_string(t, cand), s) == 0)
			return cand;
		i = (i + 1) & (t->nslots - 1);
	}
	id = add(t, s, strlen(s));
	if (id < 0)
		return -1;
	t->slots[i] = (uint32_t)id + 1;
	*added = 1;
	return id;
}
