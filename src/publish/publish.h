/* publish: the only module that touches the final output folder. A run
 * takes the folder's lock, writes every output into a staging folder inside
 * it, checks and fsyncs them, and only then renames them into place, so the
 * folder holds either last night's complete set or tonight's, never a
 * half-written file. Nothing is deleted that the run did not write.
 *
 *   p = publish_begin(outdir, &err);     lock + fresh staging folder
 *   publish_stage(p, "statistics.csv", path, sizeof path);  write to path
 *   publish_commit(p, &err);             check, fsync, rename, fsync
 *   publish_free(p);                     drops staging if not committed */
#ifndef VBS_PUBLISH_H
#define VBS_PUBLISH_H

#include <stddef.h>

#include "base/error.h"

typedef struct vbs_publish vbs_publish;

/* Kinds of output, for the check before publishing. */
typedef enum publish_kind { PUBLISH_PLAIN, PUBLISH_XLSX } publish_kind;

/* Creates outdir when missing (its parent must exist: else VBS_E_CANTCREAT),
 * takes outdir/.vbestat.lock (held by another run: VBS_E_TEMPFAIL) and makes
 * an empty staging folder. */
vbs_publish *publish_begin(const char *outdir, vbs_error *err);

/* Registers output `name` (a plain file name) and writes the staging path
 * it must be written to into path. */
int publish_stage(vbs_publish *p, const char *name, publish_kind kind,
                  char *path, size_t size, vbs_error *err);

/* Checks every registered output (present; workbooks re-opened), fsyncs
 * them and the staging folder, renames them into outdir, fsyncs outdir and
 * removes the staging folder. */
int publish_commit(vbs_publish *p, vbs_error *err);

/* Removes the staging folder when the run did not commit, releases the lock
 * and frees p. NULL is allowed. */
void publish_free(vbs_publish *p);

/* The staging folder, e.g. for temporary files. */
const char *publish_staging_dir(const vbs_publish *p);

#endif
