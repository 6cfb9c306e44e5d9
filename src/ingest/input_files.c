/* input_files: the ledger of input files (see input_files.h). */
#include "ingest/input_files.h"

#include <stdlib.h>
#include <string.h>

void input_files_init(vbs_input_files *l)
{
	memset(l, 0, sizeof(*l));
}

void input_files_release(vbs_input_files *l)
{
	free(l->files);
	input_files_init(l);
}

int input_files_add(vbs_input_files *l, const char *source, const char *path,
                    vbs_error *err)
{
	vbs_input_file *f;

	if (l->n == l->cap) {
		size_t cap = l->cap ? 2 * l->cap : 16;
		vbs_input_file *p = realloc(l->files, cap * sizeof(*p));

		if (!p)
			return error_set(err, VBS_E_SOFTWARE, NULL, 0, NULL, "out of memory");
		l->files = p;
		l->cap = cap;
	}
	if (strlen(source) >= sizeof(f->source) || strlen(path) >= sizeof(f->path))
		return error_set(err, VBS_E_NOINPUT, path, 0, NULL,
		                 "file name too long; rename the file");
	f = &l->files[l->n];
	memset(f, 0, sizeof(*f));
	memcpy(f->source, source, strlen(source) + 1);
	memcpy(f->path, path, strlen(path) + 1);
	return (int)l->n++;
}

void input_files_replace(vbs_input_files *l, int loser)
{
	l->files[loser].accepted--;
	l->files[loser].duplicates++;
}
