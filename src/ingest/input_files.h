/* input_files: the ledger of every input file a run reads, in read order:
 * what was detected (encoding, delimiter, hash) and how its rows were
 * counted. Per file, rows_read = accepted + rejected + duplicates always
 * holds; a duplicate is counted in the file of the version that lost. */
#ifndef VBS_INPUT_FILES_H
#define VBS_INPUT_FILES_H

#include <stddef.h>

#include "base/error.h"

typedef struct vbs_input_file {
	char source[32];
	char path[512];           /* relative to the input folder: ia/ia_2024.csv */
	unsigned char sha256[32];
	const char *encoding;     /* utf-8, utf-8-bom, windows-1252 */
	char delimiter;
	long rows_read;           /* data rows, empty lines not counted */
	long accepted;            /* rows in use (some with a bad optional value) */
	long rejected;            /* rows dropped */
	long duplicates;          /* rows replaced by a later version */
	long after_as_of;         /* accepted rows dated after the as-of date */
	long unknown_area;        /* rows whose area was blank or unknown */
	long vbe_blank_miljo;     /* IA: VBE-linked (Ja) cases with a blank Miljö */
} vbs_input_file;

typedef struct vbs_input_files {
	vbs_input_file *files;
	size_t n, cap;
} vbs_input_files;

void input_files_init(vbs_input_files *l);
void input_files_release(vbs_input_files *l);

/* Appends a zeroed entry for source/path and returns its index, or -1. */
int input_files_add(vbs_input_files *l, const char *source, const char *path,
                    vbs_error *err);

/* The row accepted earlier from file `loser` lost to a later version. */
void input_files_replace(vbs_input_files *l, int loser);

#endif
