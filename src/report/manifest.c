/* manifest: the manifest.json writer (see manifest.h). */
#include "report/manifest.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <nettle/sha2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/date.h"
#include "base/digest.h"

/* Feeds one field of the run id: its bytes and a NUL, so that fields
 * cannot run into each other. */
static void id_field(struct sha256_ctx *ctx, const char *s)
{
	sha256_update(ctx, strlen(s) + 1, (const uint8_t *)s);
}

static cJSON *file_entry(const char *path, const unsigned char sha[DIGEST_SIZE])
{
	char hex[DIGEST_HEX_SIZE];
	cJSON *o = cJSON_CreateObject();

	digest_hex(sha, hex);
	if (!o || !cJSON_AddStringToObject(o, "path", path) ||
	    !cJSON_AddStringToObject(o, "sha256", hex)) {
		cJSON_Delete(o);
		return NULL;
	}
	return o;
}

static cJSON *input_entry(const vbs_input_file *f)
{
	char hex[DIGEST_HEX_SIZE];
	char delim[2] = {f->delimiter, '\0'};
	cJSON *o = cJSON_CreateObject();

	digest_hex(f->sha256, hex);
	if (!o || !cJSON_AddStringToObject(o, "source", f->source) ||
	    !cJSON_AddStringToObject(o, "path", f->path) ||
	    !cJSON_AddStringToObject(o, "sha256", hex) ||
	    !cJSON_AddStringToObject(o, "encoding", f->encoding ? f->encoding : "") ||
	    !cJSON_AddStringToObject(o, "delimiter", delim) ||
	    !cJSON_AddNumberToObject(o, "rows_read", (double)f->rows_read) ||
	    !cJSON_AddNumberToObject(o, "accepted", (double)f->accepted) ||
	    !cJSON_AddNumberToObject(o, "rejected", (double)f->rejected) ||
	    !cJSON_AddNumberToObject(o, "duplicates", (double)f->duplicates) ||
	    !cJSON_AddNumberToObject(o, "after_as_of", (double)f->after_as_of)) {
		cJSON_Delete(o);
		return NULL;
	}
	return o;
}

static int write_text(const char *path, const char *text, vbs_error *err)
{
	FILE *f = fopen(path, "wb");
	size_t n = strlen(text);
	int failed;

	if (!f)
		return error_set(err, VBS_E_CANTCREAT, path, 0, NULL,
		                 "unable to create '%s': %s", path, strerror(errno));
	failed = fwrite(text, 1, n, f) != n || fputc('\n', f) == EOF ||
	         fflush(f) != 0 || fsync(fileno(f)) != 0;
	if (fclose(f) != 0)
		failed = 1;
	if (failed)
		return error_set(err, VBS_E_IO, path, 0, NULL,
		                 "unable to write '%s'; check free space on the output disk", path);
	return 0;
}

int manifest_write(const vbs_manifest *m, const char *path, vbs_error *err)
{
	cJSON *root = cJSON_CreateObject();
	cJSON *config = NULL, *inputs = NULL, *outputs = NULL;
	struct sha256_ctx id;
	unsigned char sha[DIGEST_SIZE];
	char hex[DIGEST_HEX_SIZE], day[11];
	char *text = NULL;
	int rc = -1;

	if (!root)
		goto oom;
	date_format(m->as_of, day);
	sha256_init(&id);
	id_field(&id, m->version);
	id_field(&id, day);
	if (!(config = cJSON_AddArrayToObject(root, "config")))
		goto oom;
	for (size_t i = 0; i < m->nconfig; i++) {
		cJSON *e;

		if (digest_file(m->config_paths[i], sha, err) != 0)
			goto done;
		id_field(&id, m->config_paths[i]);
		sha256_update(&id, DIGEST_SIZE, sha);
		if (!(e = file_entry(m->config_paths[i], sha)) ||
		    !cJSON_AddItemToArray(config, e)) {
			cJSON_Delete(e);
			goto oom;
		}
	}
	if (!(inputs = cJSON_AddArrayToObject(root, "inputs")))
		goto oom;
	for (size_t i = 0; i < m->inputs->n; i++) {
		const vbs_input_file *f = &m->inputs->files[i];
		cJSON *e = input_entry(f);

		id_field(&id, f->path);
		sha256_update(&id, DIGEST_SIZE, f->sha256);
		if (!e || !cJSON_AddItemToArray(inputs, e)) {
			cJSON_Delete(e);
			goto oom;
		}
	}
	if (!(outputs = cJSON_AddArrayToObject(root, "outputs")))
		goto oom;
	for (size_t i = 0; i < m->noutputs; i++) {
		cJSON *e;

		if (digest_file(m->output_paths[i], sha, err) != 0)
			goto done;
		if (!(e = file_entry(m->output_names[i], sha)) ||
		    !cJSON_AddItemToArray(outputs, e)) {
			cJSON_Delete(e);
			goto oom;
		}
	}
	sha256_digest(&id, SHA256_DIGEST_SIZE, sha);
	digest_hex(sha, hex);
	/* The contract's key order: run_id, as_of, version, config, inputs,
	 * outputs. The arrays were built first for the run id; move them after
	 * the scalars. */
	if (!cJSON_AddStringToObject(root, "run_id", hex) ||
	    !cJSON_AddStringToObject(root, "as_of", day) ||
	    !cJSON_AddStringToObject(root, "version", m->version))
		goto oom;
	{
		const char *order[] = {"config", "inputs", "outputs"};

		for (size_t k = 0; k < 3; k++) {
			cJSON *item = cJSON_DetachItemFromObjectCaseSensitive(root, order[k]);

			if (!item || !cJSON_AddItemToObject(root, order[k], item)) {
				cJSON_Delete(item);
				goto oom;
			}
		}
	}
	if (!(text = cJSON_Print(root)))
		goto oom;
	rc = write_text(path, text, err);
	goto done;
oom:
	error_set(err, VBS_E_SOFTWARE, NULL, 0, NULL, "out of memory writing the manifest");
done:
	free(text);
	cJSON_Delete(root);
	return rc;
}
