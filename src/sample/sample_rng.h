/* sample_rng: small drawing helpers on top of GSL's random stream (MT19937). */
#ifndef SMP_RNG_H
#define SMP_RNG_H

#include <stddef.h>
#include <stdint.h>

#include <gsl/gsl_rng.h>

/* Uniform integer in [lo, hi]. */
int smp_rng_int(gsl_rng *r, int lo, int hi);

/* 1 with probability p. */
int smp_rng_chance(gsl_rng *r, double p);

/* Index i with probability w[i] / sum(w). */
size_t smp_rng_pick(gsl_rng *r, const double *w, size_t n);

/* Poisson count with mean mu. */
int smp_rng_poisson(gsl_rng *r, double mu);

/* Uniform day in [first, last]. */
int32_t smp_rng_day(gsl_rng *r, int32_t first, int32_t last);

/* A weekday (Monday-Friday) in [first, last], or any day when the range
 * holds no weekday. */
int32_t smp_rng_weekday(gsl_rng *r, int32_t first, int32_t last);

/* One of the n strings. */
const char *smp_rng_string(gsl_rng *r, const char *const *s, size_t n);

#define SMP_COUNT(a) (sizeof (a) / sizeof (a)[0])

#endif
