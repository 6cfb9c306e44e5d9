/* sample_ctx: the generator's context (random stream, output folder, first error, ground truth), passed to every module. */
#ifndef SMP_CTX_H
#define SMP_CTX_H

#include <stddef.h>
#include <stdint.h>

#include <gsl/gsl_rng.h>

/* The sample covers 2014-01-01 .. 2026-10-31; the last day is the as-of
 * date of `make run`. Fixed here: the generator never reads the clock. */
enum {
	SMP_FIRST_YEAR = 2014,
	SMP_LAST_YEAR = 2026,
	SMP_NYEARS = SMP_LAST_YEAR - SMP_FIRST_YEAR + 1,
	SMP_LAST_MONTH = 10,
	SMP_LAST_MDAY = 31,
	SMP_AREAS = 7,
	SMP_SURVEYS = 5,
	SMP_ACTS_MAX = 24,
	SMP_ACT_FIRST_YEAR = 2019,
	SMP_ACT_YEARS = SMP_LAST_YEAR - SMP_ACT_FIRST_YEAR + 1,
	SMP_MAX_FILES = 64,
	SMP_MAX_ISSUES = 64,
	SMP_PATH_MAX = 512,
	SMP_MSG_MAX = 768,
	SMP_NOTE_MAX = 320,
	SMP_VALUE_MAX = 64,
	SMP_COLUMN_MAX = 48
};

/* Exit statuses (sysexits.h). */
typedef enum smp_status {
	SMP_OK = 0,
	SMP_E_USAGE = 64,
	SMP_E_SOFTWARE = 70,
	SMP_E_IO = 74
} smp_status;

/* One written file, as the README describes it. */
typedef struct smp_fileinfo {
	char path[SMP_PATH_MAX];     /* relative to the output folder */
	char encoding[24];
	char delimiter;              /* 0 for a non-CSV file */
	int crlf;
	int final_eol;
	long rows;                   /* data rows, header excluded */
	long lines;                  /* physical lines */
	char note[SMP_NOTE_MAX];
} smp_fileinfo;

/* One planted bad or odd value: where it is and what the pipeline should do. */
typedef struct smp_issue {
	char file[SMP_PATH_MAX];
	long line;                   /* physical line where the row starts */
	char column[SMP_COLUMN_MAX];
	char value[SMP_VALUE_MAX];
	char note[SMP_NOTE_MAX];
} smp_issue;

typedef struct smp_ia_truth {
	double mu_ja[SMP_NYEARS];    /* Poisson means used */
	double mu_oklart[SMP_NYEARS];
	double mu_nej[SMP_NYEARS];
	int ja[SMP_NYEARS];          /* distinct cases by final version */
	int oklart[SMP_NYEARS];
	int nej[SMP_NYEARS];         /* Nej cases whose row is accepted */
	int dropped[SMP_NYEARS];     /* cases whose only row is dropped */
	int ja_blank_miljo[SMP_NYEARS];
	int overlap;                 /* cases in two files */
	int newer;                   /* of which the later file is newer */
	int oklart_to_ja;
	int miljo_filled;
} smp_ia_truth;

typedef struct smp_survey_truth {
	int year[SMP_SURVEYS];
	int n[SMP_SURVEYS];
	double p[4][SMP_SURVEYS];    /* F1..F4 indicator probabilities */
	double share[4][SMP_SURVEYS]; /* weighted share in the written file */
	int valid[4][SMP_SURVEYS];   /* unweighted valid answers */
	double n_eff[4][SMP_SURVEYS]; /* Kish effective n of the valid answers */
} smp_survey_truth;

typedef struct smp_count_truth {
	int count[SMP_NYEARS];       /* distinct records by year */
	long sum[SMP_NYEARS];        /* participants / items, where used */
	int overlap;                 /* records in two files */
	int updated;                 /* of which the later file differs */
	int pending;                 /* klotter: not removed at 2026-10-31 */
} smp_count_truth;

typedef struct smp_act_truth {
	int nacts;
	char id[SMP_ACTS_MAX][4];
	int target[SMP_ACTS_MAX];    /* 0 for löpande */
	char period[SMP_ACTS_MAX][16];
	int year_occ[SMP_ACTS_MAX][SMP_ACT_YEARS];
	int term_occ[SMP_ACTS_MAX][2 * SMP_ACT_YEARS];
	long rows;                   /* log rows written */
} smp_act_truth;

typedef struct smp_truth {
	smp_fileinfo files[SMP_MAX_FILES];
	int nfiles;
	smp_issue issues[SMP_MAX_ISSUES];
	int nissues;
	long population[SMP_NYEARS][SMP_AREAS]; /* 2014..2025 published */
	smp_ia_truth ia;
	smp_survey_truth survey;
	smp_count_truth dialog;
	smp_count_truth klotter;
	smp_count_truth oro;
	smp_act_truth act;
} smp_truth;

typedef struct smp_ctx {
	const char *outdir;
	gsl_rng *rng;
	smp_status status;           /* first error, SMP_OK when none */
	char message[SMP_MSG_MAX];
	smp_truth *truth;
} smp_ctx;

/* Sets up ctx for writing under outdir. Returns 0, or -1 with the error
 * in ctx (out of memory). */
int smp_ctx_init(smp_ctx *ctx, const char *outdir);

/* Frees what ctx owns; safe on a context whose init failed. */
void smp_ctx_release(smp_ctx *ctx);

/* Reseeds the random stream for one source, so that each source's data
 * depend only on its own code and seed. */
void smp_ctx_seed(smp_ctx *ctx, unsigned long source);

/* Records the first error (later ones are ignored) and returns -1. */
int smp_ctx_fail(smp_ctx *ctx, smp_status code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Appends a planted issue for the README. Returns 0 or -1 (table full). */
int smp_ctx_issue(smp_ctx *ctx, const char *file, long line,
                  const char *column, const char *value, const char *note);

/* Appends a written file for the README. Returns 0 or -1 (table full). */
int smp_ctx_file(smp_ctx *ctx, const smp_fileinfo *info);

/* Joins the output folder and rel into buf. Returns 0 or -1 (too long). */
int smp_ctx_path(smp_ctx *ctx, const char *rel, char *buf, size_t size);

#endif
