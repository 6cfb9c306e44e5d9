/* dialogs: staged citizen dialogues on a keyed table (see dialogs.h). */
#include "records/dialogs.h"

int dialogs_init(vbs_dialogs *s, size_t expected)
{
	return keyed_init(&s->table, sizeof(vbs_dialog), expected);
}

void dialogs_release(vbs_dialogs *s)
{
	keyed_release(&s->table);
}

keyed_put dialogs_put(vbs_dialogs *s, const char *id, const vbs_dialog *rec,
                      int *loser_file)
{
	return keyed_put_record(&s->table, id, rec, loser_file);
}

size_t dialogs_count(const vbs_dialogs *s)
{
	return s->table.n;
}

const vbs_dialog *dialogs_get(const vbs_dialogs *s, size_t i)
{
	return keyed_get(&s->table, i);
}

const char *dialogs_id(const vbs_dialogs *s, size_t i)
{
	/* keyed appends a record exactly when it interns a new id, so the
	 * record index is the id's number. */
	return intern_string(&s->table.ids, (uint32_t)i);
}
