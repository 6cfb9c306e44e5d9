/* indicators: the published indicators, read from pipeline/indicators.ini.
 * Each names its source, the kind of computation (implemented in C), which
 * records count, the survey question and codes of a share, its breakdowns
 * (column ids of the source's mapping) and the tests of trend_tests.csv.
 * The figures modules of each source compute the indicators of their
 * source in file order; a column or code that does not exist is reported
 * there as a configuration error naming this file. */
#ifndef VBS_INDICATORS_H
#define VBS_INDICATORS_H

#include "base/error.h"

enum {
	INDICATORS_MAX = 64,
	INDICATOR_ID_MAX = 48,
	INDICATOR_DIMS_MAX = 8,
	INDICATOR_CODES_MAX = 16,
	INDICATOR_CODE_MAX = 64
};

typedef enum indicator_kind {
	KIND_COUNT,            /* distinct records in the period */
	KIND_RATE,             /* a count indicator per 10 000 inhabitants */
	KIND_SHARE,            /* weighted survey share of `yes` among `valid` */
	KIND_RECORD_SHARE,     /* share of records whose `column` is `yes` */
	KIND_SUM,              /* `column` summed over the period's records */
	KIND_REMOVAL_QUANTILE, /* a quantile of days to removal (klotter) */
	KIND_NOT_REMOVED,      /* finds not removed at the as-of date (klotter) */
	KIND_OCCURRENCES,      /* activity log rows per activity and period */
	KIND_ATTAINMENT        /* occurrences divided by the target */
} indicator_kind;

/* The tests of trend_tests.csv, as bits. */
enum trend_method {
	TREND_MANN_KENDALL = 1,
	TREND_SEN_SLOPE = 2,
	TREND_POISSON = 4,
	TREND_LOGISTIC = 8,
	TREND_CHANGE = 16
};

typedef struct vbs_indicator {
	char id[INDICATOR_ID_MAX];
	char label[128];        /* the Swedish name the workbooks show */
	char source[32];
	indicator_kind kind;
	char where_column[32];  /* count: only records whose column ... */
	char where_code[INDICATOR_CODE_MAX]; /* ... has this code ("" = all) */
	char of[INDICATOR_ID_MAX]; /* rate: the count indicator it divides */
	char column[32];        /* sum, record_share */
	char question[32];      /* share: the answer column (f1) */
	char yes[INDICATOR_CODES_MAX][INDICATOR_CODE_MAX]; /* codes counted as yes */
	int nyes;
	char valid[INDICATOR_CODES_MAX][INDICATOR_CODE_MAX]; /* share: the denominator */
	int nvalid;
	char dimensions[INDICATOR_DIMS_MAX][32]; /* breakdowns besides total */
	int ndimensions;
	int months;             /* manad rows in report lagesbild */
	int offset_population;  /* Poisson trend with log population offset */
	int persons;            /* every record concerns a person (disclosure) */
	double quantile;        /* removal_quantile: 0.5, 0.9 */
	unsigned trends;        /* enum trend_method bits */
} vbs_indicator;

typedef struct vbs_indicators {
	char path[1024];
	vbs_indicator items[INDICATORS_MAX];
	int n;
} vbs_indicators;

/* Reads <dir>/indicators.ini. Errors: VBS_E_CONFIG with file and line. */
int indicators_load(vbs_indicators *t, const char *dir, vbs_error *err);

/* The indicator with this id, or NULL. */
const vbs_indicator *indicators_find(const vbs_indicators *t, const char *id);

#endif
