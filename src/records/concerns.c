/* concerns: staged anonymised concern forms on a keyed table (see
 * concerns.h). */
#include "records/concerns.h"

int concerns_init(vbs_concerns *s, size_t expected)
{
	return keyed_init(&s->table, sizeof(vbs_concern), expected);
}

void concerns_release(vbs_concerns *s)
{
	keyed_release(&s->table);
}

keyed_put concerns_put(vbs_concerns *s, const char *id, const vbs_concern *rec,
                       int *loser_file)
{
	return keyed_put_record(&s->table, id, rec, loser_file);
}

size_t concerns_count(const vbs_concerns *s)
{
	return s->table.n;
}

const vbs_concern *concerns_get(const vbs_concerns *s, size_t i)
{
	return keyed_get(&s->table, i);
}

const char *concerns_id(const vbs_concerns *s, size_t i)
{
	/* keyed appends a record exactly when it interns a new id, so the
	 * record index is the id's number. */
	return intern_string(&s->table.ids, (uint32_t)i);
}
