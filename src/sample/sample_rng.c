/* sample_rng: small drawing helpers on top of GSL's random stream (MT19937). */
#include "sample/sample_rng.h"

#include <gsl/gsl_randist.h>

#include "sample/sample_date.h"

int smp_rng_int(gsl_rng *r, int lo, int hi)
{
	if (hi <= lo)
		return lo;
	return lo + (int)gsl_rng_uniform_int(r, (unsigned long)(hi - lo) + 1UL);
}

int smp_rng_chance(gsl_rng *r, double p)
{
	return gsl_rng_uniform(r) < p;
}

size_t smp_rng_pick(gsl_rng *r, const double *w, size_t n)
{
	double total = 0.0, x, acc = 0.0;
	size_t i;

	for (i = 0; i < n; i++)
		total += w[i];
	x = gsl_rng_uniform(r) * total;
	for (i = 0; i < n; i++) {
		acc += w[i];
		if (x < acc && w[i] > 0.0)
			return i;
	}
	/* Rounding at the top end: the last positive weight. */
	for (i = n; i-- > 0;)
		if (w[i] > 0.0)
			return i;
	return 0;
}

int smp_rng_poisson(gsl_rng *r, double mu)
{
	return mu > 0.0 ? (int)gsl_ran_poisson(r, mu) : 0;
}

int32_t smp_rng_day(gsl_rng *r, int32_t first, int32_t last)
{
	return (int32_t)smp_rng_int(r, (int)first, (int)last);
}

int32_t smp_rng_weekday(gsl_rng *r, int32_t first, int32_t last)
{
	int tries;
	int32_t day = first;

	for (tries = 0; tries < 64; tries++) {
		day = smp_rng_day(r, first, last);
		if (smp_date_weekday(day) < 5)
			return day;
	}
	return day;
}

const char *smp_rng_string(gsl_rng *r, const char *const *s, size_t n)
{
	return s[smp_rng_int(r, 0, (int)n - 1)];
}
