/* population: staged inhabitants per (År, Område) and their lookups (see
 * population.h). */
#include "records/population.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* "-32768:" and a code index fit; an unknown area's key is built apart. */
enum { CODE_KEY_MAX = 32 };

static void code_key(char key[static CODE_KEY_MAX], int year, int area_code)
{
	snprintf(key, CODE_KEY_MAX, "%d:%d", year, area_code);
}

int population_init(vbs_population *p, size_t expected)
{
	return keyed_init(&p->table, sizeof(vbs_population_row), expected);
}

void population_release(vbs_population *p)
{
	keyed_release(&p->table);
}

keyed_put population_put(vbs_population *p, const vbs_population_row *rec,
                         const char *area_name, int *loser_file)
{
	char small[CODE_KEY_MAX];
	char *key = small;
	keyed_put put = KEYED_ERROR;

	if (rec->area_unknown) {
		const char *name = area_name ? area_name : "";
		size_t size = CODE_KEY_MAX + strlen(name);

		/* The '?' keeps an unknown name apart from every code's key. */
		if (!(key = malloc(size)))
			goto done;
		snprintf(key, size, "%d:?%s", rec->year, name);
	} else {
		code_key(small, rec->year, rec->omrade);
	}
	put = keyed_put_record(&p->table, key, rec, loser_file);
done:
	if (key != small)
		free(key);
	return put;
}

size_t population_count(const vbs_population *p)
{
	return p->table.n;
}

const vbs_population_row *population_row(const vbs_population *p, size_t i)
{
	return keyed_get(&p->table, i);
}

int population_get(const vbs_population *p, int year, int area_code,
                   int64_t *value)
{
	char key[CODE_KEY_MAX];
	int64_t i;

	code_key(key, year, area_code);
	i = keyed_find(&p->table, key);
	if (i < 0)
		return -1;
	*value = population_row(p, (size_t)i)->inhabitants;
	return 0;
}

int population_total(const vbs_population *p, int year, int64_t *value)
{
	int64_t sum = 0;
	int found = 0;

	for (size_t i = 0; i < population_count(p); i++) {
		const vbs_population_row *row = population_row(p, i);

		if (row->year != year)
			continue;
		sum += row->inhabitants;
		found = 1;
	}
	if (!found)
		return -1;
	*value = sum;
	return 0;
}
