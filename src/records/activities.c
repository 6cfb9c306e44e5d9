/* activities: the staged action plan and activity log (see activities.h). */
#include "records/activities.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

/* A log key is the activity's plan index and the stamp, in decimal; the
 * log is sized for about LOG_ROWS_PER_ACTIVITY rows per activity. */
enum { LOG_KEY_MAX = 48, LOG_ROWS_PER_ACTIVITY = 32 };

int activities_init(vbs_activities *a, size_t expected)
{
	memset(a, 0, sizeof(*a));
	if (keyed_init(&a->plan, sizeof(vbs_activity), expected) != 0 ||
	    keyed_init(&a->log, sizeof(vbs_occurrence), expected * LOG_ROWS_PER_ACTIVITY) != 0 ||
	    intern_init(&a->texts, 2 * expected) != 0)
		return -1;
	return 0;
}

void activities_release(vbs_activities *a)
{
	keyed_release(&a->plan);
	keyed_release(&a->log);
	intern_release(&a->texts);
}

/* The store's id of s, ACTIVITY_TEXT_NONE for NULL or "". Returns 0 or -1. */
static int text_put(vbs_intern *texts, const char *s, uint32_t *out)
{
	int added;
	int64_t id;

	*out = ACTIVITY_TEXT_NONE;
	if (!s || !*s)
		return 0;
	id = intern_get(texts, s, &added);
	if (id < 0)
		return -1;
	*out = (uint32_t)id;
	return 0;
}

keyed_put activities_put_plan(vbs_activities *a, const char *id,
                              const vbs_activity *rec, const char *name,
                              const char *ansvarig, int *loser_file)
{
	vbs_activity copy = *rec;

	if (text_put(&a->texts, name, &copy.name) != 0 ||
	    text_put(&a->texts, ansvarig, &copy.ansvarig) != 0)
		return KEYED_ERROR;
	return keyed_put_record(&a->plan, id, &copy, loser_file);
}

keyed_put activities_put_log(vbs_activities *a, const vbs_occurrence *rec,
                             int *loser_file)
{
	char key[LOG_KEY_MAX];

	/* The plan index stands for the Aktivitet-ID: ids are unique in the
	 * plan and an index never changes once given. */
	snprintf(key, sizeof(key), "%" PRIu32 ":%" PRId64, rec->activity, rec->stamp);
	return keyed_put_record(&a->log, key, rec, loser_file);
}

size_t activities_count(const vbs_activities *a)
{
	return a->plan.n;
}

const vbs_activity *activities_get(const vbs_activities *a, size_t i)
{
	return keyed_get(&a->plan, i);
}

const char *activities_id(const vbs_activities *a, size_t i)
{
	return intern_string(&a->plan.ids, (uint32_t)i);
}

int64_t activities_find(const vbs_activities *a, const char *id)
{
	return keyed_find(&a->plan, id);
}

const char *activities_text(const vbs_activities *a, uint32_t text)
{
	return text == ACTIVITY_TEXT_NONE ? "" : intern_string(&a->texts, text);
}

size_t activities_occurrences(const vbs_activities *a)
{
	return a->log.n;
}

const vbs_occurrence *activities_occurrence(const vbs_activities *a, size_t i)
{
	return keyed_get(&a->log, i);
}
