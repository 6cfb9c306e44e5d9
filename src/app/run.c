/* run: the stages of one run in order (see run.h). */
#include "app/run.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "app/config.h"
#include "app/sources.h"
#include "base/date.h"
#include "figures/dialog_figures.h"
#include "figures/activity_figures.h"
#include "figures/disclosure.h"
#include "figures/figures.h"
#include "figures/ia_figures.h"
#include "figures/indicators.h"
#include "figures/klotter_figures.h"
#include "figures/oro_figures.h"
#include "figures/periods.h"
#include "figures/survey_figures.h"
#include "figures/trends.h"
#include "ingest/input_files.h"
#include "ingest/mapping.h"
#include "ingest/rejects.h"
#include "publish/publish.h"
#include "report/manifest.h"
#include "report/rejects_csv.h"
#include "report/statistics_csv.h"
#include "report/trend_tests_csv.h"
#include "report/book.h"

enum { OUT_PATH_MAX = 2048, RUN_OUTPUTS_MAX = 8, RUN_CONFIGS_MAX = 16 };

/* The outputs staged so far, for the manifest. */
struct staged {
	char names[RUN_OUTPUTS_MAX][64];
	char paths[RUN_OUTPUTS_MAX][OUT_PATH_MAX];
	const char *name_ptrs[RUN_OUTPUTS_MAX];
	const char *path_ptrs[RUN_OUTPUTS_MAX];
	size_t n;
};

/* Everything one run holds; released in one place. */
struct run_state {
	vbs_config cfg;
	vbs_codesets codesets;
	vbs_sources sources;
	vbs_input_files files;
	vbs_rejects rejects;
	vbs_periods periods_vb, periods_ytd;
	vbs_indicators indicators; /* the figures point at its ids */
	vbs_figures figures;
	vbs_trends trends;
	vbs_followup followup[2];  /* the action plan's follow-up: vb, lagesbild */
	vbs_publish *publish;
	struct staged staged;
	const char *configs[RUN_CONFIGS_MAX]; /* every configuration file read */
	size_t nconfigs;
};

static void run_state_release(struct run_state *s)
{
	publish_free(s->publish);
	activity_followup_release(&s->followup[0]);
	activity_followup_release(&s->followup[1]);
	trends_release(&s->trends);
	figures_release(&s->figures);
	sources_release(&s->sources);
	rejects_release(&s->rejects);
	input_files_release(&s->files);
}

static uint64_t person_mask(const vbs_config *cfg, const vbs_codesets *cs,
                            const vbs_mapping *m, vbs_error *err, int *ok)
{
	int col = mapping_column(m, "kategori");
	const vbs_codeset *set;
	uint64_t mask = 0;

	*ok = 0;
	if (col < 0 || m->columns[col].codeset < 0) {
		error_set(err, VBS_E_CONFIG, m->path, 0, NULL, "no [column kategori] with a codeset");
		return 0;
	}
	set = &cs->sets[m->columns[col].codeset];
	for (int i = 0; i < cfg->nperson_kategori; i++) {
		int code = codeset_lookup(set, cfg->person_kategori[i]);

		if (code < 0 || code >= 64) {
			error_set(err, VBS_E_CONFIG, cfg->path, 0, NULL,
			          "person_kategori '%s' is not a code of the set '%s'",
			          cfg->person_kategori[i], set->name);
			return 0;
		}
		mask |= UINT64_C(1) << code;
	}
	*ok = 1;
	return mask;
}

static int build_figures(struct run_state *s, int32_t as_of, vbs_error *err)
{
	const vbs_sources *src = &s->sources;
	int first = ia_figures_first_year(&src->incidents, as_of);
	int ok;
	uint64_t persons = person_mask(&s->cfg, &s->codesets, &src->ia_map, err, &ok);
	char day[11];

	if (!ok)
		return -1;
	if (first < 0) {
		date_format(as_of, day);
		return error_set(err, VBS_E_DATA, NULL, 0, NULL,
		                 "the as-of date %s is before every IA case; check --as-of", day);
	}
	if (periods_build(&s->periods_vb, "vb", first, as_of) != 0 ||
	    periods_build(&s->periods_ytd, "lagesbild", first, as_of) != 0)
		return error_set(err, VBS_E_DATA, NULL, 0, NULL,
		                 "the data span more than %d years; check the dates", PERIODS_MAX);
	if (s->periods_vb.n == 0) {
		date_format(as_of, day);
		return error_set(err, VBS_E_DATA, NULL, 0, NULL,
		                 "no complete year of IA data up to %s; the first case is from %d",
		                 day, first);
	}
	if (indicators_load(&s->indicators, s->cfg.dir, err) != 0)
		return -1;
	if (s->nconfigs >= RUN_CONFIGS_MAX)
		return error_set(err, VBS_E_SOFTWARE, s->indicators.path, 0, NULL,
		                 "more than %d configuration files", RUN_CONFIGS_MAX);
	s->configs[s->nconfigs++] = s->indicators.path;
	if (ia_figures_build(&(vbs_ia_figures){
		    .cases = &src->incidents, .mapping = &src->ia_map, .codesets = &s->codesets,
		    .indicators = &s->indicators,
		    .population = src->present[SOURCE_BEFOLKNING] ? &src->population : NULL,
		    .as_of = as_of, .person_kategori = persons,
	    }, &s->figures, err) != 0)
		return -1;
	if (src->read[SOURCE_TRYGGHET] &&
	    survey_figures_build(&(vbs_survey_figures){
		    .respondents = &src->respondents, .mapping = &src->trygghet_map,
		    .codesets = &s->codesets, .indicators = &s->indicators, .as_of = as_of,
		    .min_valid = s->cfg.survey_min_valid,
	    }, &s->figures, err) != 0)
		return -1;
	if (src->read[SOURCE_DIALOG] &&
	    dialog_figures_build(&(vbs_dialog_figures){
		    .dialogs = &src->dialogs, .mapping = &src->dialog_map, .codesets = &s->codesets,
		    .indicators = &s->indicators, .as_of = as_of,
	    }, &s->figures, err) != 0)
		return -1;
	if (src->read[SOURCE_KLOTTER] &&
	    klotter_figures_build(&(vbs_klotter_figures){
		    .finds = &src->finds, .mapping = &src->klotter_map, .codesets = &s->codesets,
		    .indicators = &s->indicators, .as_of = as_of,
	    }, &s->figures, err) != 0)
		return -1;
	if (src->read[SOURCE_ORO] &&
	    oro_figures_build(&(vbs_oro_figures){
		    .concerns = &src->concerns, .mapping = &src->oro_map, .codesets = &s->codesets,
		    .indicators = &s->indicators, .as_of = as_of,
	    }, &s->figures, err) != 0)
		return -1;
	if (src->read[SOURCE_AKTIVITETER]) {
		vbs_activity_figures req = {
			.activities = &src->activities, .plan = &src->plan_map,
			.codesets = &s->codesets, .indicators = &s->indicators, .as_of = as_of,
		};

		if (activity_figures_build(&req, &s->figures, err) != 0 ||
		    activity_followup_build(&s->followup[0], &req, "vb", err) != 0 ||
		    activity_followup_build(&s->followup[1], &req, "lagesbild", err) != 0)
			return -1;
	}
	/* After every figure is built: it reads the totals of each table. */
	disclosure_apply_primary(&s->figures, s->cfg.disclosure_threshold);
	/* After disclosure: a test never sees a suppressed value. */
	return trends_build(&s->figures, &s->indicators, s->cfg.trend_min_points, &s->trends, err);
}

/* Registers output name with publish and returns its staging path. */
static const char *stage(struct run_state *s, const char *name, publish_kind kind,
                         vbs_error *err)
{
	struct staged *st = &s->staged;

	if (st->n >= RUN_OUTPUTS_MAX || strlen(name) >= sizeof(st->names[0])) {
		error_set(err, VBS_E_SOFTWARE, name, 0, NULL, "too many outputs");
		return NULL;
	}
	if (publish_stage(s->publish, name, kind, st->paths[st->n], OUT_PATH_MAX, err) != 0)
		return NULL;
	snprintf(st->names[st->n], sizeof(st->names[0]), "%s", name);
	st->name_ptrs[st->n] = st->names[st->n];
	st->path_ptrs[st->n] = st->paths[st->n];
	return st->paths[st->n++];
}

static int write_outputs(struct run_state *s, const vbs_options *opt,
                         vbs_error *err)
{
	char name[64];
	const char *path;
	const char *tmpdir = getenv("TMPDIR");
	int report_year = periods_report_year(opt->as_of);
	const char *notes[SOURCE_COUNT];
	int nnotes = 0;

	if (!tmpdir || !*tmpdir)
		tmpdir = "/tmp";
	/* What an absent optional source leaves out. */
	if (s->sources.read[SOURCE_BEFOLKNING] && !s->sources.present[SOURCE_BEFOLKNING])
		notes[nnotes++] = "Befolkningsuppgifter saknas (mappen befolkning är tom eller finns inte). "
		                  "Antal per 10 000 invånare redovisas därför inte; de kommer med när befolkningsfilen läggs i mappen.";
	if (!(path = stage(s, "statistics.csv", PUBLISH_PLAIN, err)) ||
	    statistics_csv_write(&s->figures, path, err) != 0)
		return -1;
	if (!(path = stage(s, "trend_tests.csv", PUBLISH_PLAIN, err)) ||
	    trend_tests_csv_write(&s->trends, path, err) != 0)
		return -1;
	if (!(path = stage(s, "rejects.csv", PUBLISH_PLAIN, err)) ||
	    rejects_csv_write(&s->rejects, path, err) != 0)
		return -1;
	/* The two workbooks: the VB appendix (whole years) and the lägesbild
	 * (year to date), from the same figures. */
	for (int b = 0; b < 2; b++) {
		const vbs_periods *periods = b == 0 ? &s->periods_vb : &s->periods_ytd;
		char day[11];

		date_format(opt->as_of, day);
		if (b == 0)
			snprintf(name, sizeof(name), "VB-bilaga-VBE-%d.xlsx", report_year);
		else
			snprintf(name, sizeof(name), "lagesbild-VBE-%s.xlsx", day);
		if (!(path = stage(s, name, PUBLISH_XLSX, err)) ||
		    book_write(&(vbs_report_ctx){
			    .figures = &s->figures,
			    .indicators = &s->indicators,
			    .trends = &s->trends,
			    .followup = s->sources.read[SOURCE_AKTIVITETER] ? &s->followup[b] : NULL,
			    .periods = periods,
			    .as_of = opt->as_of,
			    .report_year = report_year,
			    .district = s->cfg.district,
			    .version = VBS_VERSION,
			    .tmpdir = tmpdir,
			    .files = &s->files,
			    .rejects = &s->rejects,
			    .notes = notes,
			    .nnotes = nnotes,
		    }, path, err) != 0)
			return -1;
	}
	/* Last: it hashes every other output. */
	{
		vbs_manifest m = {
			.as_of = opt->as_of,
			.version = VBS_VERSION,
			.config_paths = s->configs,
			.nconfig = s->nconfigs,
			.inputs = &s->files,
			.output_names = s->staged.name_ptrs,
			.output_paths = s->staged.path_ptrs,
			.noutputs = s->staged.n,
		};
		char manifest[OUT_PATH_MAX];

		if (publish_stage(s->publish, "manifest.json", PUBLISH_PLAIN, manifest,
		                  sizeof(manifest), err) != 0)
			return -1;
		return manifest_write(&m, manifest, err);
	}
}

static void log_files(FILE *log, const vbs_input_files *files)
{
	for (size_t i = 0; i < files->n; i++) {
		const vbs_input_file *f = &files->files[i];

		fprintf(log, "  %s: %s, '%c', %ld rows read, %ld accepted, %ld rejected, %ld duplicates, %ld after the as-of date\n",
		        f->path, f->encoding ? f->encoding : "?", f->delimiter,
		        f->rows_read, f->accepted, f->rejected, f->duplicates,
		        f->after_as_of);
	}
}

int run_pipeline(const vbs_options *opt, const char *config_path, FILE *log,
                 vbs_error *err)
{
	struct run_state s;
	struct stat st;
	char day[11];
	int rc = -1;

	memset(&s, 0, sizeof(s));
	input_files_init(&s.files);
	rejects_init(&s.rejects);
	figures_init(&s.figures);
	trends_init(&s.trends);
	activity_followup_init(&s.followup[0]);
	activity_followup_init(&s.followup[1]);
	config_init(&s.cfg);
	date_format(opt->as_of, day);
	fprintf(log, "vbestat %s: run with as-of date %s, configuration %s\n",
	        VBS_VERSION, day, config_path);
	if (config_load(&s.cfg, config_path, err) != 0 ||
	    codesets_load(&s.codesets, s.cfg.dir, err) != 0)
		goto done;
	s.configs[s.nconfigs++] = s.cfg.path;
	s.configs[s.nconfigs++] = s.codesets.path;
	if (sources_load(&s.sources, &s.cfg, &s.codesets, s.configs, &s.nconfigs,
	                 RUN_CONFIGS_MAX, err) != 0)
		goto done;
	if (!s.sources.read[SOURCE_IA]) {
		error_set(err, VBS_E_CONFIG, s.cfg.path, 0, NULL,
		          "[sources] read must include ia: the reports are built on it");
		goto done;
	}
	if (stat(opt->inputs, &st) != 0 || !S_ISDIR(st.st_mode)) {
		error_set(err, VBS_E_NOINPUT, opt->inputs, 0, NULL,
		          "the input folder is missing or not a folder; check --inputs");
		goto done;
	}
	if (!(s.publish = publish_begin(opt->outputs, err)))
		goto done;
	if (sources_ingest(&s.sources, &s.cfg, &(vbs_ingest){
		    .inputs_dir = opt->inputs,
		    .codesets = &s.codesets,
		    .as_of = opt->as_of,
		    .files = &s.files,
		    .rejects = &s.rejects,
	    }, err) != 0)
		goto done;
	log_files(log, &s.files);
	fprintf(log, "  %zu distinct IA cases, %zu rejected values\n",
	        s.sources.incidents.n, s.rejects.n);
	if (build_figures(&s, opt->as_of, err) != 0 ||
	    write_outputs(&s, opt, err) != 0 ||
	    publish_commit(s.publish, err) != 0)
		goto done;
	fprintf(log, "published %zu figures to %s\n", s.figures.n, opt->outputs);
	rc = 0;
done:
	run_state_release(&s);
	return rc;
}
