/* intern: a table of distinct strings (record ids), each given a dense
 * number 0, 1, 2, ... in the order first seen. Staged records hold the
 * number, not the string; the table is also the de-duplication index.
 * Open addressing with linear probing over a power-of-two slot array; the
 * strings live in one growing arena. */
#ifndef VBS_INTERN_H
#define VBS_INTERN_H

#include <stddef.h>
#include <stdint.h>

typedef struct vbs_intern {
	uint32_t *slots;   /* id + 1, 0 = empty */
	size_t nslots;
	uint32_t *offsets; /* arena offset per id */
	size_t n, cap;
	char *arena;
	size_t arena_len, arena_cap;
} vbs_intern;

/* Sizes the table for about `expected` strings up front. Returns 0 or -1. */
int intern_init(vbs_intern *t, size_t expected);
void intern_release(vbs_intern *t);

/* The id of s, adding it when new (*added = 1). Returns -1 when out of
 * memory or past UINT32_MAX - 1 strings. */
int64_t intern_get(vbs_intern *t, const char *s, int *added);

/* The id of s, or -1 when s was never added. */
int64_t intern_find(const vbs_intern *t, const char *s);

/* The string of id. */
const char *intern_string(const vbs_intern *t, uint32_t id);

#endif
