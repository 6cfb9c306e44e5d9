/* xlsx_check: zip-level validation of a workbook (see xlsx_check.h). */
#include "publish/xlsx_check.h"

#include <minizip/unzip.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { NAME_MAX_BYTES = 512, READ_CHUNK = 65536, EOCD_BYTES = 22 };

static const char *const required_parts[] = {
	"[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "docProps/core.xml",
};

/* 1 when the file ends exactly with the end-of-central-directory record
 * and its comment of comment_len bytes. minizip reads past a file cut in
 * that record's last bytes as if they were there, so a copy short of 1 to
 * 3 bytes would otherwise pass. */
static int ends_with_eocd(const char *path, unsigned long comment_len)
{
	unsigned char rec[EOCD_BYTES];
	FILE *f = fopen(path, "rb");
	long size;
	int ok = 0;

	if (!f)
		return 0;
	if (fseek(f, 0, SEEK_END) == 0 && (size = ftell(f)) >= 0 &&
	    (unsigned long)size >= EOCD_BYTES + comment_len &&
	    fseek(f, size - EOCD_BYTES - (long)comment_len, SEEK_SET) == 0 &&
	    fread(rec, 1, EOCD_BYTES, f) == EOCD_BYTES)
		ok = memcmp(rec, "PK\x05\x06", 4) == 0 &&
		     (rec[20] | (unsigned long)rec[21] << 8) == comment_len;
	fclose(f);
	return ok;
}

int xlsx_check(const char *path, vbs_error *err)
{
	char *buf = malloc(READ_CHUNK); /* scratch: parts are read to check CRCs */
	unsigned found = 0;
	int sheets = 0;
	unz_global_info64 global;
	unzFile z;
	int rc;

	if (!buf)
		return error_set(err, VBS_E_SOFTWARE, NULL, 0, NULL, "out of memory");
	z = unzOpen64(path);
	if (z && (unzGetGlobalInfo64(z, &global) != UNZ_OK ||
	          !ends_with_eocd(path, global.size_comment))) {
		unzClose(z);
		z = NULL;
	}
	if (!z) {
		free(buf);
		return error_set(err, VBS_E_IO, path, 0, NULL,
		                 "the workbook is not a readable zip file after writing; check the disk");
	}
	for (rc = unzGoToFirstFile(z); rc == UNZ_OK; rc = unzGoToNextFile(z)) {
		char name[NAME_MAX_BYTES];
		unz_file_info64 info;
		int n;

		if (unzGetCurrentFileInfo64(z, &info, name, sizeof(name), NULL, 0, NULL, 0) != UNZ_OK ||
		    unzOpenCurrentFile(z) != UNZ_OK)
			goto bad;
		while ((n = unzReadCurrentFile(z, buf, READ_CHUNK)) > 0)
			;
		/* unzCloseCurrentFile reports a CRC mismatch of a fully read part. */
		if (n < 0 || unzCloseCurrentFile(z) != UNZ_OK)
			goto bad;
		for (size_t i = 0; i < sizeof(required_parts) / sizeof(required_parts[0]); i++)
			if (strcmp(name, required_parts[i]) == 0)
				found |= 1u << i;
		if (strncmp(name, "xl/worksheets/sheet", 19) == 0)
			sheets++;
	}
	if (rc != UNZ_END_OF_LIST_OF_FILE)
		goto bad;
	unzClose(z);
	free(buf);
	if (found != (1u << (sizeof(required_parts) / sizeof(required_parts[0]))) - 1 || !sheets)
		return error_set(err, VBS_E_IO, path, 0, NULL,
		                 "the workbook lacks a required part after writing; run again, and report it if it repeats");
	return 0;
bad:
	unzClose(z);
	free(buf);
	return error_set(err, VBS_E_IO, path, 0, NULL,
	                 "the workbook is damaged after writing (a zip part does not read back); check the disk");
}
