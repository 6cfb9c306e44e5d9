/* ingest: what every source's ingest module shares (see ingest.h). */
#include "ingest/ingest.h"

vbs_source_read ingest_request(const vbs_ingest *in, const vbs_mapping *m, int required,
                               source_row_fn on_row, void *ctx)
{
	return (vbs_source_read){
		.mapping = m,
		.codesets = in->codesets,
		.inputs_dir = in->inputs_dir,
		.required = required,
		.files = in->files,
		.rejects = in->rejects,
		.on_row = on_row,
		.ctx = ctx,
	};
}

void ingest_count_kept(const vbs_ingest *in, unsigned file, int after_as_of,
                       int area_unknown)
{
	vbs_input_file *f = &in->files->files[file];

	if (after_as_of)
		f->after_as_of++;
	if (area_unknown)
		f->unknown_area++;
}
