/* digest: SHA-256 with nettle (see digest.h). */
#include "base/digest.h"

#include <errno.h>
#include <nettle/sha2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { DIGEST_CHUNK = 1 << 16 };

int digest_file(const char *path, unsigned char out[DIGEST_SIZE], vbs_error *err)
{
	struct sha256_ctx ctx;
	unsigned char *buf = malloc(DIGEST_CHUNK);
	FILE *f = NULL;
	size_t n;
	int rc = -1;

	if (!buf)
		return error_set(err, VBS_E_SOFTWARE, NULL, 0, NULL, "out of memory");
	f = fopen(path, "rb");
	if (!f) {
		error_set(err, VBS_E_IO, path, 0, NULL, "unable to read '%s': %s", path,
		          strerror(errno));
		goto done;
	}
	sha256_init(&ctx);
	while ((n = fread(buf, 1, DIGEST_CHUNK, f)) > 0)
		sha256_update(&ctx, n, buf);
	if (ferror(f)) {
		error_set(err, VBS_E_IO, path, 0, NULL, "unable to read '%s'", path);
		goto done;
	}
	sha256_digest(&ctx, SHA256_DIGEST_SIZE, out);
	rc = 0;
done:
	if (f)
		fclose(f);
	free(buf);
	return rc;
}

void digest_hex(const unsigned char in[DIGEST_SIZE], char out[DIGEST_HEX_SIZE])
{
	static const char hex[] = "0123456789abcdef";

	for (int i = 0; i < DIGEST_SIZE; i++) {
		out[2 * i] = hex[in[i] >> 4];
		out[2 * i + 1] = hex[in[i] & 15];
	}
	out[2 * DIGEST_SIZE] = '\0';
}
