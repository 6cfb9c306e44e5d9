/* rejects: the list of rejected rows and values (see rejects.h). */
#include "ingest/rejects.h"

#include <stdlib.h>
#include <string.h>

void rejects_init(vbs_rejects *r)
{
	memset(r, 0, sizeof(*r));
}

static void reject_clear(vbs_reject *j)
{
	free(j->source);
	free(j->file);
	free(j->column);
	free(j->value);
	free(j->reason);
}

void rejects_release(vbs_rejects *r)
{
	for (size_t i = 0; i < r->n; i++)
		reject_clear(&r->items[i]);
	free(r->items);
	rejects_init(r);
}

int rejects_add(vbs_rejects *r, const char *source, const char *file,
                long line, const char *column, const char *value,
                const char *reason, vbs_error *err)
{
	vbs_reject *j;

	if (r->n == r->cap) {
		size_t cap = r->cap ? 2 * r->cap : 64;
		vbs_reject *p = realloc(r->items, cap * sizeof(*p));

		if (!p)
			goto oom;
		r->items = p;
		r->cap = cap;
	}
	j = &r->items[r->n];
	j->source = strdup(source);
	j->file = strdup(file);
	j->line = line;
	j->column = strdup(column ? column : "");
	j->value = strdup(value ? value : "");
	j->reason = strdup(reason);
	if (!j->source || !j->file || !j->column || !j->value || !j->reason) {
		reject_clear(j);
		goto oom;
	}
	r->n++;
	return 0;
oom:
	return error_set(err, VBS_E_SOFTWARE, NULL, 0, NULL, "out of memory");
}
