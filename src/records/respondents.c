/* respondents: staged survey respondents keyed on (År, Löpnummer) (see
 * respondents.h). */
#include "records/respondents.h"

#include <stdio.h>

/* "-32768:-9223372036854775808" and the NUL fit. */
enum { KEY_MAX = 32 };

static void key_format(char key[static KEY_MAX], int year, long long lopnummer)
{
	snprintf(key, KEY_MAX, "%d:%lld", year, lopnummer);
}

int respondents_init(vbs_respondents *r, size_t expected)
{
	return keyed_init(&r->table, sizeof(vbs_respondent), expected);
}

void respondents_release(vbs_respondents *r)
{
	keyed_release(&r->table);
}

keyed_put respondents_put(vbs_respondents *r, long long lopnummer,
                          const vbs_respondent *rec, int *loser_file)
{
	char key[KEY_MAX];

	key_format(key, rec->year, lopnummer);
	return keyed_put_record(&r->table, key, rec, loser_file);
}

size_t respondents_count(const vbs_respondents *r)
{
	return r->table.n;
}

const vbs_respondent *respondents_get(const vbs_respondents *r, size_t i)
{
	return keyed_get(&r->table, i);
}

const vbs_respondent *respondents_find(const vbs_respondents *r, int year,
                                       long long lopnummer)
{
	char key[KEY_MAX];
	int64_t i;

	key_format(key, year, lopnummer);
	i = keyed_find(&r->table, key);
	return i < 0 ? NULL : respondents_get(r, (size_t)i);
}

const char *respondents_key(const vbs_respondents *r, size_t i)
{
	return intern_string(&r->table.ids, (uint32_t)i);
}
