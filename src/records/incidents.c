/* incidents: staged IA cases with de-duplication (see incidents.h). */
#include "records/incidents.h"

#include <stdlib.h>
#include <string.h>

#include "base/date.h"

uint32_t incident_stamp(int64_t seconds)
{
	if (seconds == STAMP_NONE)
		return 0;
	if (seconds < 0)
		return 1;
	if (seconds >= (int64_t)UINT32_MAX - 1)
		return UINT32_MAX;
	return (uint32_t)seconds + 1;
}

int incidents_init(vbs_incidents *s, size_t expected)
{
	memset(s, 0, sizeof(*s));
	if (id_index_init(&s->ids, expected) != 0)
		return -1;
	if (expected > 0) {
		s->items = malloc(expected * sizeof(*s->items));
		if (!s->items) {
			id_index_release(&s->ids);
			return -1;
		}
		s->cap = expected;
	}
	return 0;
}

void incidents_release(vbs_incidents *s)
{
	id_index_release(&s->ids);
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
		/* Past the estimate: grow by half, not double, to stay lean. */
		size_t cap = s->cap ? s->cap + s->cap / 2 + 1 : 1024;
		vbs_incident *p = realloc(s->items, cap * sizeof(*p));

		if (!p)
			return INCIDENT_ERROR;
		s->items = p;
		s->cap = cap;
	}
	i = id_index_get(&s->ids, id, &added);
	if (i < 0)
		return INCIDENT_ERROR;
	if (!added) {
		vbs_incident *old = &s->items[i];

		/* A missing stamp is 0, less than any valid one, and >= lets the
		 * later version win a tie. */
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
