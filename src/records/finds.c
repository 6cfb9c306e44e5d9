/* finds: staged sticker, poster and graffiti finds on a keyed table (see
 * finds.h). */
#include "records/finds.h"

int finds_init(vbs_finds *s, size_t expected)
{
	return keyed_init(&s->table, sizeof(vbs_find), expected);
}

void finds_release(vbs_finds *s)
{
	keyed_release(&s->table);
}

keyed_put finds_put(vbs_finds *s, const char *id, const vbs_find *rec,
                    int *loser_file)
{
	return keyed_put_record(&s->table, id, rec, loser_file);
}

size_t finds_count(const vbs_finds *s)
{
	return s->table.n;
}

const vbs_find *finds_get(const vbs_finds *s, size_t i)
{
	return keyed_get(&s->table, i);
}

const char *finds_id(const vbs_finds *s, size_t i)
{
	/* keyed appends a record exactly when it interns a new id, so the
	 * record index is the id's number. */
	return intern_string(&s->table.ids, (uint32_t)i);
}
