/* mapping: what a source's export looks like, read from
 * pipeline/sources/<source>.ini, and the shared code sets of
 * pipeline/codesets.ini. A site that renames a column or adds a category
 * edits these files; no rebuild.
 *
 * A column has a fixed id (the name the C code and statistics.csv use, e.g.
 * `miljo`), the header the export writes (matched case-insensitively after
 * trimming), a type, and for codes the code set it draws from. */
#ifndef VBS_MAPPING_H
#define VBS_MAPPING_H

#include "base/error.h"

enum {
	MAPPING_ID_MAX = 32,
	MAPPING_HEADER_MAX = 96,
	MAPPING_COLUMNS_MAX = 32,
	CODESET_CODES_MAX = 64,
	CODESET_CODE_MAX = 64,
	CODESETS_MAX = 32
};

typedef enum field_type {
	FIELD_ID,      /* a record id: trimmed text, never free text */
	FIELD_DATE,    /* YYYY-MM-DD with an optional time */
	FIELD_INTEGER, /* a whole number >= min */
	FIELD_DECIMAL, /* decimal comma or point, > 0 when positive = yes */
	FIELD_CODE,    /* one value of a code set */
	FIELD_CODES,   /* `|`-separated values of a code set */
	FIELD_NAME,    /* short text kept and published (an activity's name) */
	FIELD_LABEL,   /* short text (Enhet): read only to be checked, never kept */
	FIELD_TEXT     /* free text: never read, never copied */
} field_type;

typedef struct vbs_codeset {
	char name[MAPPING_ID_MAX];
	char codes[CODESET_CODES_MAX][CODESET_CODE_MAX];
	int ncodes;
	/* The category of a missing or bad value: one of the codes (Okänd), or
	 * an extra category after them (Okänt område, Uppgift saknas) that is
	 * published only when some record has it. -1: no fallback. */
	int fallback;
	char fallback_name[CODESET_CODE_MAX];
} vbs_codeset;

typedef struct vbs_codesets {
	char path[1024];
	vbs_codeset sets[CODESETS_MAX];
	int nsets;
} vbs_codesets;

typedef struct vbs_column {
	char id[MAPPING_ID_MAX];
	char header[MAPPING_HEADER_MAX];
	field_type type;
	int required;
	int codeset;        /* index into vbs_codesets, or -1 */
	int report_unknown; /* 0: an unknown code takes the fallback silently */
	int dimension;      /* 1: published as a breakdown, id = dimension id */
	long min;           /* FIELD_INTEGER: the least valid value */
	long max;           /* FIELD_INTEGER: the greatest valid value */
	int positive;       /* FIELD_DECIMAL: must be > 0 */
} vbs_column;

typedef struct vbs_mapping {
	char path[1024];
	char source[MAPPING_ID_MAX]; /* `ia`: rejects.csv, statistics.csv */
	char folder[MAPPING_ID_MAX]; /* the sub-folder of the input folder */
	/* Which files of the folder are this mapping's, a glob matched against
	 * the lower-cased file name ("plan*.csv"); "*.csv" by default. Lets
	 * two mappings share a folder (aktiviteter: plan and logg). */
	char files[MAPPING_ID_MAX];
	vbs_column columns[MAPPING_COLUMNS_MAX];
	int ncolumns;
} vbs_mapping;

/* Reads <dir>/codesets.ini. */
int codesets_load(vbs_codesets *cs, const char *dir, vbs_error *err);

/* Index of the set called name, or -1. */
int codesets_find(const vbs_codesets *cs, const char *name);

/* Number of published categories: the codes plus an extra fallback. */
int codeset_categories(const vbs_codeset *set);

/* Name of category i (0 <= i < codeset_categories). */
const char *codeset_category(const vbs_codeset *set, int i);

/* Index of value in the set (case-insensitive, trimmed), or -1. */
int codeset_lookup(const vbs_codeset *set, const char *value);

/* Reads <dir>/sources/<name>.ini; code sets are looked up in cs. The
 * file's [source] id must be name, or name must be the id followed by "_"
 * and a suffix (aktiviteter_plan). */
int mapping_load(vbs_mapping *m, const char *dir, const char *name,
                 const vbs_codesets *cs, vbs_error *err);

/* Index of the column with this id, or -1. */
int mapping_column(const vbs_mapping *m, const char *id);

/* Like mapping_column, but a missing column is a configuration error that
 * names the mapping file: the C code needs it. */
int mapping_require(const vbs_mapping *m, const char *id, field_type type,
                    vbs_error *err);

#endif
