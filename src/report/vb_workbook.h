/* vb_workbook: the appendix to the annual report (verksamhetsberättelse),
 * VB-bilaga-VBE-<report year>.xlsx, rendered from the figures table. It
 * formats; it never computes. */
#ifndef VBS_VB_WORKBOOK_H
#define VBS_VB_WORKBOOK_H

#include <stdint.h>

#include "base/error.h"
#include "figures/figures.h"
#include "figures/periods.h"
#include "ingest/input_files.h"
#include "ingest/rejects.h"

typedef struct vbs_report_ctx {
	const vbs_figures *figures;
	const vbs_periods *periods;  /* the report's periods (columns) */
	int32_t as_of;
	int report_year;
	const char *district;        /* author and company */
	const char *tmpdir;          /* libxlsxwriter's temporary files */
	const vbs_input_files *files;/* the ledger, for the data-quality sheet */
	const vbs_rejects *rejects;
	const char *const *notes;    /* Swedish notes for the data-quality sheet */
	int nnotes;
} vbs_report_ctx;

int vb_workbook_write(const vbs_report_ctx *ctx, const char *path, vbs_error *err);

#endif
