/* digest: SHA-256 of files and byte strings (nettle), and their lower-case
 * hex form, for the manifest's lineage and the run id. */
#ifndef VBS_DIGEST_H
#define VBS_DIGEST_H

#include <stddef.h>

#include "base/error.h"

enum { DIGEST_SIZE = 32, DIGEST_HEX_SIZE = 65 };

/* SHA-256 of the file at path into out. Errors: VBS_E_IO. */
int digest_file(const char *path, unsigned char out[DIGEST_SIZE], vbs_error *err);

/* 64 lower-case hex digits and a NUL. */
void digest_hex(const unsigned char in[DIGEST_SIZE], char out[DIGEST_HEX_SIZE]);

#endif
