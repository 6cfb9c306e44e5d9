/* id_index: record ids -> dense indices 0, 1, 2, ... in first-seen order,
 * stored compactly for city-scale inputs (10^7 cases). An id of the common
 * shape LETTERS-YYYY-DIGITS (1-4 capital letters A-Z, a 4-digit year, 1-7
 * digits: IA-2019-004512) is packed exactly into 64 bits; any other id is
 * kept whole in a string arena. So a typical id costs 8 bytes plus its
 * share of the open-addressing slots (4 bytes each, about 1.5 per id). */
#ifndef VBS_ID_INDEX_H
#define VBS_ID_INDEX_H

#include <stddef.h>
#include <stdint.h>

typedef struct vbs_id_index {
	uint64_t *keys;    /* per index: a packed id (top bit set) or an arena offset */
	size_t n, cap;
	uint32_t *slots;   /* index + 1, 0 = empty */
	size_t nslots;
	char *arena;
	size_t arena_len, arena_cap;
} vbs_id_index;

/* Sizes the table for `expected` ids up front (keys and slots); more ids
 * still fit, by growing. Returns 0, or -1. */
int id_index_init(vbs_id_index *t, size_t expected);
void id_index_release(vbs_id_index *t);

/* The index of id, adding it when new (*added = 1). -1 when out of memory. */
int64_t id_index_get(vbs_id_index *t, const char *id, int *added);

/* The index of id, or -1 when never added. */
int64_t id_index_find(const vbs_id_index *t, const char *id);

/* Writes id number i back as text into buf (NUL-terminated, cut to size). */
void id_index_string(const vbs_id_index *t, uint32_t i, char *buf, size_t size);

/* Packs s into *key when it has the common shape; returns 0, else -1. */
int id_index_pack(const char *s, uint64_t *key);

#endif
