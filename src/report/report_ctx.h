/* report_ctx: what every sheet of the two workbooks renders from. The
 * figures, tests and ledgers are computed before any writer runs; sheets
 * only format them. */
#ifndef VBS_REPORT_CTX_H
#define VBS_REPORT_CTX_H

#include <stddef.h>
#include <stdint.h>

#include "figures/activity_figures.h"
#include "figures/figures.h"
#include "figures/indicators.h"
#include "figures/periods.h"
#include "figures/trends.h"
#include "ingest/input_files.h"
#include "ingest/rejects.h"

typedef struct vbs_report_ctx {
	const vbs_figures *figures;
	const vbs_indicators *indicators; /* ids, Swedish labels, kinds */
	const vbs_periods *periods;  /* the book's periods: vb years, or lagesbild windows */
	const vbs_trends *trends;    /* trend and change tests, and the series not tested */
	const vbs_followup *followup;/* the action plan's follow-up of this report, or NULL */
	int32_t as_of;
	int report_year;
	const char *district;        /* author and company of the files */
	const char *version;         /* the program's version */
	const char *tmpdir;          /* libxlsxwriter's temporary files */
	const vbs_input_files *files;/* the ledger: data quality, method and sources */
	const vbs_rejects *rejects;
	const char *const *notes;    /* Swedish notes for the data-quality sheet */
	int nnotes;
} vbs_report_ctx;

#endif
