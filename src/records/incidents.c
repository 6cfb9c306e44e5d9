/* incidents: staged IA cases with de-duplication (see incidents.h). */
#include "records/incidents.h"

#include <stdlib.h>
#include <string.h>

int incidents_init(vbs_incidents *s, size_t expected)
{
	memset(s, 0, sizeof(*s));
	return intern_init(&s->ids, expected);
}

void incidents_release(vbs_incidents *s)
{
	intern_release(&s->ids);
	free(s->items);
	memset(s, 0, sizeof(*s));
}

incident_put incidents_put(vbs_incidents *s, const char *id,
                           const vbs_incident *rec, int *loser_file)
{
	int added;
	int64_t i;

	/* Room for a new record first, so that ids and records never fall
	 * out of step when memory runs out. */
	if (s->n == s->cap) {
		size_t cap = s->cap ? 2 * s->cap : 1024;
		vbs_incident *p = realloc(s->items, cap * sizeof(*p));

		if (!p)
			return INCIDENT_ERROR;
		s->items = p;
		s->cap = cap;
	}
	i = intern_get(&s->ids, id, &added);
	if (i < 0)
		return INCIDENT_ERROR;
	if (!added) {
		vbs_incident *old = &s->items[i];

		/* STAMP_NONE is INT64_MIN, so a missing stamp loses to any valid
		 * one, and >= lets the later version win a tie. */
		if (rec->modified >= old->modified) {
			*loser_file = old->file;
			*old = *rec;
			return INCIDENT_REPLACED;
		}
		return INCIDENT_KEPT;
	}
	s->items[s->n++] = *rec;
	return INCIDENT_NEW;
}
