/* keyed: staged records de-duplicated on their id (see keyed.h). */
#include "records/keyed.h"

#include <stdlib.h>
#include <string.h>

int keyed_init(vbs_keyed *t, size_t record_size, size_t expected)
{
	memset(t, 0, sizeof(*t));
	if (record_size < sizeof(vbs_origin))
		return -1;
	t->record_size = record_size;
	return intern_init(&t->ids, expected);
}

void keyed_release(vbs_keyed *t)
{
	intern_release(&t->ids);
	free(t->items);
	memset(t, 0, sizeof(*t));
}

void *keyed_get(const vbs_keyed *t, size_t i)
{
	return t->items + i * t->record_size;
}

keyed_put keyed_put_record(vbs_keyed *t, const char *id, const void *rec,
                           int *loser_file)
{
	int added;
	int64_t i;

	/* Room for a new record first, so that ids and records stay in step
	 * when memory runs out. */
	if (t->n == t->cap) {
		size_t cap = t->cap ? 2 * t->cap : 256;
		unsigned char *p = realloc(t->items, cap * t->record_size);

		if (!p)
			return KEYED_ERROR;
		t->items = p;
		t->cap = cap;
	}
	i = intern_get(&t->ids, id, &added);
	if (i < 0)
		return KEYED_ERROR;
	if (!added) {
		vbs_origin old;

		memcpy(&old, keyed_get(t, (size_t)i), sizeof(old));
		*loser_file = old.file;
		memcpy(keyed_get(t, (size_t)i), rec, t->record_size);
		return KEYED_REPLACED;
	}
	memcpy(keyed_get(t, t->n++), rec, t->record_size);
	return KEYED_NEW;
}

int64_t keyed_find(const vbs_keyed *t, const char *id)
{
	return intern_find(&t->ids, id);
}
