/* periods: annual and year-to-date periods (see periods.h). */
#include "figures/periods.h"

#include <stdio.h>
#include <string.h>

#include "base/date.h"

int periods_report_year(int32_t as_of)
{
	int y, m, d;

	date_to_ymd(as_of, &y, &m, &d);
	return m == 12 && d == 31 ? y : y - 1;
}

int periods_build(vbs_periods *p, const char *report, int first_year,
                  int32_t as_of)
{
	int y, m, d, last_year;
	int ytd = strcmp(report, "lagesbild") == 0;

	memset(p, 0, sizeof(*p));
	p->report = report;
	p->first_year = first_year;
	date_to_ymd(as_of, &y, &m, &d);
	last_year = ytd ? y : periods_report_year(as_of);
	if (last_year - first_year + 1 > PERIODS_MAX)
		return -1;
	for (int year = first_year; year <= last_year; year++) {
		vbs_period *q = &p->items[p->n++];
		char a[11], b[11];

		q->year = year;
		q->first = date_from_ymd(year, 1, 1);
		if (ytd) {
			int dd = d > date_days_in_month(year, m) ? date_days_in_month(year, m) : d;

			q->last = date_from_ymd(year, m, dd);
			date_format(q->first, a);
			date_format(q->last, b);
			snprintf(q->label, sizeof(q->label), "%s..%s", a, b);
		} else {
			q->last = date_from_ymd(year, 12, 31);
			snprintf(q->label, sizeof(q->label), "%d", year);
		}
	}
	return 0;
}

int periods_find(const vbs_periods *p, int32_t day)
{
	int y, m, d, i;

	date_to_ymd(day, &y, &m, &d);
	i = y - p->first_year;
	if (i < 0 || i >= p->n || day < p->items[i].first || day > p->items[i].last)
		return -1;
	return i;
}
