/* publish: staged, atomic publication of the outputs (see publish.h). */
#include "publish/publish.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "publish/xlsx_check.h"

#define LOCK_NAME ".vbestat.lock"
#define STAGING_NAME ".vbestat-staging"

enum { PUBLISH_OUTPUTS_MAX = 64, PUBLISH_PATH_MAX = 1024, PUBLISH_NAME_MAX = 128 };

struct publish_output {
	char name[PUBLISH_NAME_MAX];
	publish_kind kind;
};

struct vbs_publish {
	char outdir[PUBLISH_PATH_MAX];
	char staging[PUBLISH_PATH_MAX];
	int lock_fd;
	int committed;
	struct publish_output outputs[PUBLISH_OUTPUTS_MAX];
	int n;
};

const char *publish_staging_dir(const vbs_publish *p)
{
	return p->staging;
}

/* Removes the files of the staging folder (it holds no sub-folders) and
 * the folder itself. */
static void remove_staging(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char path[PUBLISH_PATH_MAX + PUBLISH_NAME_MAX];

	if (!d)
		return;
	while ((e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		unlink(path);
	}
	closedir(d);
	rmdir(dir);
}

static int fsync_path(const char *path, int flags)
{
	int fd = open(path, flags);
	int rc;

	if (fd < 0)
		return -1;
	rc = fsync(fd);
	if (close(fd) != 0)
		rc = -1;
	return rc;
}

vbs_publish *publish_begin(const char *outdir, vbs_error *err)
{
	vbs_publish *p = calloc(1, sizeof(*p));
	char lock[PUBLISH_PATH_MAX + 32];

	if (!p) {
		error_set(err, VBS_E_SOFTWARE, NULL, 0, NULL, "out of memory");
		return NULL;
	}
	p->lock_fd = -1;
	if (strlen(outdir) + sizeof(STAGING_NAME) + 2 > sizeof(p->outdir)) {
		error_set(err, VBS_E_CANTCREAT, outdir, 0, NULL, "output folder path too long");
		goto fail;
	}
	snprintf(p->outdir, sizeof(p->outdir), "%s", outdir);
	snprintf(p->staging, sizeof(p->staging), "%s/%s", outdir, STAGING_NAME);
	if (mkdir(outdir, 0777) != 0 && errno != EEXIST) {
		error_set(err, VBS_E_CANTCREAT, outdir, 0, NULL,
		          "unable to create the output folder '%s': %s; its parent folder must exist and be writable",
		          outdir, strerror(errno));
		goto fail;
	}
	snprintf(lock, sizeof(lock), "%s/%s", outdir, LOCK_NAME);
	p->lock_fd = open(lock, O_RDWR | O_CREAT | O_CLOEXEC, 0666);
	if (p->lock_fd < 0) {
		error_set(err, VBS_E_CANTCREAT, outdir, 0, NULL,
		          "unable to write in the output folder '%s': %s; check its permissions",
		          outdir, strerror(errno));
		goto fail;
	}
	if (flock(p->lock_fd, LOCK_EX | LOCK_NB) != 0) {
		error_set(err, errno == EWOULDBLOCK ? VBS_E_TEMPFAIL : VBS_E_CANTCREAT,
		          lock, 0, NULL,
		          errno == EWOULDBLOCK
		          ? "another vbestat run holds the lock on '%s'; wait for it to finish"
		          : "unable to lock the output folder '%s'", outdir);
		goto fail;
	}
	/* Under the lock, a staging folder left by a killed run is stale. */
	remove_staging(p->staging);
	if (mkdir(p->staging, 0777) != 0) {
		error_set(err, VBS_E_CANTCREAT, p->staging, 0, NULL,
		          "unable to create the staging folder '%s': %s", p->staging,
		          strerror(errno));
		goto fail;
	}
	return p;
fail:
	if (p->lock_fd >= 0)
		close(p->lock_fd);
	free(p);
	return NULL;
}

int publish_stage(vbs_publish *p, const char *name, publish_kind kind,
                  char *path, size_t size, vbs_error *err)
{
	if (p->n >= PUBLISH_OUTPUTS_MAX || strlen(name) >= PUBLISH_NAME_MAX ||
	    strchr(name, '/'))
		return error_set(err, VBS_E_SOFTWARE, name, 0, NULL, "bad output name");
	if ((size_t)snprintf(path, size, "%s/%s", p->staging, name) >= size)
		return error_set(err, VBS_E_CANTCREAT, p->staging, 0, NULL,
		                 "output path too long");
	snprintf(p->outputs[p->n].name, PUBLISH_NAME_MAX, "%s", name);
	p->outputs[p->n].kind = kind;
	p->n++;
	return 0;
}

int publish_commit(vbs_publish *p, vbs_error *err)
{
	char from[PUBLISH_PATH_MAX + PUBLISH_NAME_MAX];
	char to[PUBLISH_PATH_MAX + PUBLISH_NAME_MAX];
	struct stat st;

	for (int i = 0; i < p->n; i++) {
		snprintf(from, sizeof(from), "%s/%s", p->staging, p->outputs[i].name);
		if (stat(from, &st) != 0 || !S_ISREG(st.st_mode))
			return error_set(err, VBS_E_SOFTWARE, from, 0, NULL,
			                 "an output was not written");
		if (p->outputs[i].kind == PUBLISH_XLSX && xlsx_check(from, err) != 0)
			return -1;
		if (fsync_path(from, O_RDONLY) != 0)
			return error_set(err, VBS_E_IO, from, 0, NULL,
			                 "unable to flush '%s' to disk: %s", from, strerror(errno));
	}
	if (fsync_path(p->staging, O_RDONLY | O_DIRECTORY) != 0)
		return error_set(err, VBS_E_IO, p->staging, 0, NULL,
		                 "unable to flush the staging folder: %s", strerror(errno));
	/* Everything is complete and on disk; from here on only renames. */
	for (int i = 0; i < p->n; i++) {
		snprintf(from, sizeof(from), "%s/%s", p->staging, p->outputs[i].name);
		snprintf(to, sizeof(to), "%s/%s", p->outdir, p->outputs[i].name);
		if (rename(from, to) != 0)
			return error_set(err, VBS_E_IO, to, 0, NULL,
			                 "unable to move '%s' into place: %s", to, strerror(errno));
	}
	p->committed = 1;
	if (fsync_path(p->outdir, O_RDONLY | O_DIRECTORY) != 0)
		return error_set(err, VBS_E_IO, p->outdir, 0, NULL,
		                 "unable to flush the output folder: %s", strerror(errno));
	remove_staging(p->staging);
	return 0;
}

void publish_free(vbs_publish *p)
{
	if (!p)
		return;
	if (!p->committed)
		remove_staging(p->staging);
	if (p->lock_fd >= 0)
		close(p->lock_fd); /* releases the lock */
	free(p);
}
