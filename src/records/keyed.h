/* keyed: a table of fixed-size staged records keyed by a record id, for the
 * sources whose overlapping exports de-duplicate on the id alone: when the
 * same id is offered again, the later version replaces the earlier one
 * (files are read in name order, rows in file order, so the later file
 * wins). Every record starts with a vbs_origin, so the table can tell the
 * caller which file the losing version came from.
 *
 * The IA cases, whose newest `Senast ändrad` wins, have their own table
 * (incidents). */
#ifndef VBS_KEYED_H
#define VBS_KEYED_H

#include <stddef.h>
#include <stdint.h>

#include "records/intern.h"

/* Where a staged record came from: for tracing a figure to its input rows. */
typedef struct vbs_origin {
	uint32_t line;  /* physical line where the row starts */
	uint16_t file;  /* index in the input-file ledger */
} vbs_origin;

typedef struct vbs_keyed {
	vbs_intern ids;        /* record id -> index */
	unsigned char *items;  /* record_size bytes per index */
	size_t record_size;
	size_t n, cap;
} vbs_keyed;

/* record_size >= sizeof(vbs_origin); expected sizes the index up front. */
int keyed_init(vbs_keyed *t, size_t record_size, size_t expected);
void keyed_release(vbs_keyed *t);

typedef enum keyed_put {
	KEYED_NEW,       /* first version of this id */
	KEYED_REPLACED,  /* replaced an earlier version: *loser_file is its file */
	KEYED_ERROR = -1 /* out of memory */
} keyed_put;

/* Offers rec (record_size bytes, starting with its vbs_origin) under id. */
keyed_put keyed_put_record(vbs_keyed *t, const char *id, const void *rec,
                           int *loser_file);

/* Record i (0 <= i < n), in first-seen order of the ids. */
void *keyed_get(const vbs_keyed *t, size_t i);

/* The index of id, or -1 when it was never offered. */
int64_t keyed_find(const vbs_keyed *t, const char *id);

#endif
