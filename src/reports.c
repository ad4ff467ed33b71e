/* Reports about the finished layout: which ones the command line asked for, and the helpers
 * the map, cross reference and JSON writers share (GNU ld's expression and input section
 * description printing, discard reasons, MEMORY regions). */
#define PACKAGE "slink"          /* bfd.h insists on a configured package */
#define PACKAGE_VERSION "1"
#include <bfd.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>

#include "passes.h"
#include "reports.h"
#include "target.h"

/* ---- strings ---- */

void sb_putc(struct sbuf *b, char c)
{
	if (b->n + 2 > b->cap) {
		b->cap = b->cap ? b->cap * 2 : 64;
		b->s = xrealloc(b->s, b->cap);
	}
	b->s[b->n++] = c;
	b->s[b->n] = 0;
}

void sb_puts(struct sbuf *b, const char *s)
{
	while (*s)
		sb_putc(b, *s++);
}

void sb_printf(struct sbuf *b, const char *fmt, ...)
{
	char tmp[256];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(tmp, sizeof(tmp), fmt, ap);
	va_end(ap);
	if (n < (int)sizeof(tmp)) {
		sb_puts(b, tmp);
		return;
	}
	char *big = xmalloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(big, (size_t)n + 1, fmt, ap);
	va_end(ap);
	sb_puts(b, big);
	free(big);
}

const char *sb_str(struct sbuf *b)
{
	return b->s ? b->s : "";
}

/* ---- expressions, as ldexp.c exp_print_tree prints them ---- */

/* GNU ld's parser folds an operator whose operands are all numbers into a number. */
bool report_fold(const struct expr *e, uint64_t *v)
{
	uint64_t a, b, c;
	switch (e->kind) {
	case EXPR_NUM:
		*v = e->num;
		return true;
	case EXPR_UNARY:
		if (!report_fold(e->a, &a))
			return false;
		switch (e->op) {
		case OP_NEG: *v = -a; return true;
		case OP_NOT: *v = !a; return true;
		case OP_BITNOT: *v = ~a; return true;
		default: *v = a; return true;
		}
	case EXPR_BINARY:
		if (!report_fold(e->a, &a) || !report_fold(e->b, &b))
			return false;
		switch (e->op) {
		case OP_MUL: *v = a * b; return true;
		case OP_DIV: if (!b) return false; *v = a / b; return true;
		case OP_MOD: if (!b) return false; *v = a % b; return true;
		case OP_ADD: *v = a + b; return true;
		case OP_SUB: *v = a - b; return true;
		case OP_SHL: *v = b >= 64 ? 0 : a << b; return true;
		case OP_SHR: *v = b >= 64 ? 0 : a >> b; return true;
		case OP_LT: *v = (int64_t)a < (int64_t)b; return true;
		case OP_GT: *v = (int64_t)a > (int64_t)b; return true;
		case OP_LE: *v = (int64_t)a <= (int64_t)b; return true;
		case OP_GE: *v = (int64_t)a >= (int64_t)b; return true;
		case OP_EQ: *v = a == b; return true;
		case OP_NE: *v = a != b; return true;
		case OP_AND: *v = a & b; return true;
		case OP_XOR: *v = a ^ b; return true;
		case OP_OR: *v = a | b; return true;
		case OP_ANDAND: *v = a && b; return true;
		case OP_OROR: *v = a || b; return true;
		default: return false;
		}
	case EXPR_COND:
		if (!report_fold(e->a, &a) || !report_fold(e->b, &b) || !report_fold(e->c, &c))
			return false;
		*v = a ? b : c;
		return true;
	case EXPR_CALL:
		switch (e->fn) {
		case FN_MAX:
		case FN_MIN:
			if (!report_fold(e->a, &a) || !report_fold(e->b, &b))
				return false;
			*v = (e->fn == FN_MAX) == ((int64_t)a > (int64_t)b) ? a : b;
			return true;
		case FN_LOG2CEIL: {
			if (!report_fold(e->a, &a))
				return false;
			uint64_t r = 0;
			while (r < 64 && ((uint64_t)1 << r) < a)
				r++;
			*v = r;
			return true;
		}
		default:
			return false;
		}
	default:
		return false;
	}
}

static const char *op_text(enum expr_op op)
{
	static const char *const t[] = {
		[OP_NEG] = "-", [OP_NOT] = "!", [OP_BITNOT] = "~", [OP_PLUS] = "+",
		[OP_MUL] = "*", [OP_DIV] = "/", [OP_MOD] = "%", [OP_ADD] = "+", [OP_SUB] = "-",
		[OP_SHL] = "<<", [OP_SHR] = ">>", [OP_LT] = "<", [OP_GT] = ">", [OP_LE] = "<=",
		[OP_GE] = ">=", [OP_EQ] = "==", [OP_NE] = "!=", [OP_AND] = "&", [OP_XOR] = "^",
		[OP_OR] = "|", [OP_ANDAND] = "&&", [OP_OROR] = "||",
	};
	return t[op];
}

static void call1(struct sbuf *b, const char *fn, const struct expr *a)
{
	sb_printf(b, "%s (", fn);
	report_expr(b, a);
	sb_putc(b, ')');
}

static void call2(struct sbuf *b, const char *fn, const struct expr *a, const struct expr *c)
{
	sb_printf(b, "%s (", fn);
	report_expr(b, a);
	sb_puts(b, ", ");
	report_expr(b, c);
	sb_putc(b, ')');
}

void report_expr(struct sbuf *b, const struct expr *e)
{
	uint64_t v;
	if (!e) {
		sb_puts(b, "NULL TREE");
		return;
	}
	if (e->kind != EXPR_NUM && report_fold(e, &v)) {
		sb_printf(b, "0x%llx", (unsigned long long)v);
		return;
	}
	switch (e->kind) {
	case EXPR_NUM:
		sb_printf(b, "0x%llx", (unsigned long long)e->num);
		return;
	case EXPR_SYMBOL:
		sb_puts(b, e->name);
		return;
	case EXPR_DOT:
		sb_putc(b, '.');
		return;
	case EXPR_UNARY:
		if (e->op == OP_PLUS) { /* GNU ld's parser drops a unary plus */
			report_expr(b, e->a);
			return;
		}
		call1(b, op_text(e->op), e->a);
		return;
	case EXPR_BINARY:
		sb_putc(b, '(');
		report_expr(b, e->a);
		sb_printf(b, " %s ", op_text(e->op));
		report_expr(b, e->b);
		sb_putc(b, ')');
		return;
	case EXPR_COND:
		report_expr(b, e->a);
		sb_putc(b, '?');
		report_expr(b, e->b);
		sb_putc(b, ':');
		report_expr(b, e->c);
		return;
	case EXPR_CALL:
		break;
	}
	switch (e->fn) {
	case FN_ABSOLUTE: call1(b, "ABSOLUTE", e->a); return;
	case FN_ADDR: sb_printf(b, "ADDR (%s)", e->name); return;
	case FN_ALIGNOF: sb_printf(b, "ALIGNOF (%s)", e->name); return;
	case FN_LOADADDR: sb_printf(b, "LOADADDR (%s)", e->name); return;
	case FN_SIZEOF: sb_printf(b, "SIZEOF (%s)", e->name); return;
	case FN_DEFINED: sb_printf(b, "DEFINED (%s)", e->name); return;
	case FN_LENGTH: sb_printf(b, "LENGTH (%s)", e->name); return;
	case FN_ORIGIN: sb_printf(b, "ORIGIN (%s)", e->name); return;
	case FN_CONSTANT: sb_printf(b, "CONSTANT (%s)", e->name); return;
	case FN_SIZEOF_HEADERS: sb_puts(b, "SIZEOF_HEADERS"); return;
	case FN_ALIGN:
		if (e->b)
			call2(b, "ALIGN", e->a, e->b);
		else
			call1(b, "ALIGN", e->a);
		return;
	case FN_BLOCK: call1(b, "ALIGN", e->a); return; /* BLOCK(x) is parsed as ALIGN(x) */
	case FN_DATA_SEGMENT_ALIGN: call2(b, "DATA_SEGMENT_ALIGN", e->a, e->b); return;
	case FN_DATA_SEGMENT_END: call1(b, "DATA_SEGMENT_END", e->a); return;
	/* GNU ld keeps (exp, offset): its operands print in that order */
	case FN_DATA_SEGMENT_RELRO_END: call2(b, "DATA_SEGMENT_RELRO_END", e->b, e->a); return;
	case FN_LOG2CEIL: call1(b, "LOG2CEIL", e->a); return;
	case FN_MAX: call2(b, "MAX", e->a, e->b); return;
	case FN_MIN: call2(b, "MIN", e->a, e->b); return;
	case FN_NEXT: call1(b, "NEXT", e->a); return;
	case FN_SEGMENT_START:
		sb_printf(b, "SEGMENT_START (\"%s\", ", e->name);
		report_expr(b, e->a);
		sb_putc(b, ')');
		return;
	case FN_ASSERT:
		sb_puts(b, "ASSERT (");
		report_expr(b, e->a);
		sb_printf(b, ", %s)", e->name ? e->name : "");
		return;
	}
}

void report_assign(struct sbuf *b, const struct assign *a)
{
	bool provide = a->kind == ASSIGN_PROVIDE || a->kind == ASSIGN_PROVIDE_HIDDEN;
	if (provide)
		sb_printf(b, "PROVIDE (%s = ", a->name);
	else
		sb_printf(b, "%s = ", a->name);
	report_expr(b, a->expr);
	if (provide)
		sb_putc(b, ')');
}

/* GNU ld's parser builds EXCLUDE_FILE lists by prepending: they print in reverse */
static void names_reversed(struct sbuf *b, const struct name_list *n)
{
	if (!n)
		return;
	names_reversed(b, n->next);
	if (n->next)
		sb_putc(b, ' ');
	sb_puts(b, n->name);
}

static void name_list(struct sbuf *b, const struct name_list *l)
{
	sb_puts(b, "EXCLUDE_FILE(");
	names_reversed(b, l);
	sb_puts(b, ") ");
}

static const char *sort_name(enum sort_kind k)
{
	switch (k) {
	case SORT_BY_NAME: return "SORT_BY_NAME(";
	case SORT_BY_ALIGNMENT: return "SORT_BY_ALIGNMENT(";
	case SORT_BY_INIT_PRIORITY: return "SORT_BY_INIT_PRIORITY(";
	case SORT_NONE: return "SORT_NONE(";
	default: return "";
	}
}

void report_wild(struct sbuf *b, const struct input_section_desc *d)
{
	if (d->file.exclude)
		name_list(b, d->file.exclude);
	if (d->file.sort_by_name)
		sb_puts(b, "SORT_BY_NAME(");
	sb_puts(b, d->file.pattern ? d->file.pattern : "*");
	if (d->file.sort_by_name)
		sb_putc(b, ')');
	sb_putc(b, '(');
	for (const struct section_pattern *sp = d->sections; sp; sp = sp->next) {
		int close = 0;
		if (sp->sort != SORT_UNSET) {
			sb_puts(b, sort_name(sp->sort));
			close++;
			if (sp->sort_inner != SORT_UNSET && sp->sort_inner != sp->sort) {
				sb_puts(b, sort_name(sp->sort_inner));
				close++;
			}
		}
		if (sp->exclude)
			name_list(b, sp->exclude);
		sb_puts(b, sp->pattern ? sp->pattern : "*");
		while (close-- > 0)
			sb_putc(b, ')');
		if (sp->next)
			sb_putc(b, ' ');
	}
	sb_putc(b, ')');
}

/* ---- symbol names ---- */

const char *report_sym_name(struct ctx *ctx, const char *name)
{
	if (!ctx->opt.demangle || name[0] != '_' || name[1] != 'Z')
		return name;
	/* GNU ld prints names through bfd_demangle with DMGL_ANSI | DMGL_PARAMS */
	char *d = bfd_demangle(NULL, name, 1 << 0 | 1 << 1);
	if (!d)
		return name;
	const char *r = arena_strdup(&ctx->arena, d);
	free(d);
	return r;
}

/* ---- facts about sections ---- */

const char *report_file_name(struct ctx *ctx, const struct input_section *isec)
{
	if (!isec->file->synthetic || isec->file != ctx->internal)
		return isec->file->name;
	for (size_t i = 0; i < ctx->files.n; i++)
		if (!ctx->files.v[i]->synthetic)
			return ctx->files.v[i]->name;
	return isec->file->name;
}

/* another kept section of the same name in a COMDAT group: the group was a duplicate */
static bool comdat_twin_kept(struct ctx *ctx, const struct input_section *isec)
{
	for (size_t fi = 0; fi < ctx->files.n; fi++) {
		struct input_file *f = ctx->files.v[fi];
		for (size_t i = 1; i < f->shnum; i++) {
			struct input_section *o = f->sections[i];
			if (o && o != isec && !o->discarded && (o->flags & SHF_GROUP) && !strcmp(o->name, isec->name))
				return true;
		}
	}
	return false;
}

const char *report_discard_reason(struct ctx *ctx, const struct input_section *isec)
{
	if (isec->discard_by_script)
		return "/DISCARD/";
	if (!strcmp(isec->name, ".note.GNU-stack"))
		return "note.GNU-stack";
	if (isec->flags & SHF_EXCLUDE)
		return "SHF_EXCLUDE";
	if (isec->flags & SHF_GROUP) {
		if (!ctx->opt.gc_sections || isec->live || comdat_twin_kept(ctx, isec))
			return "comdat";
		return "gc";
	}
	if (ctx->opt.gc_sections && !isec->live)
		return "gc";
	if (ctx->opt.orphan_handling && !strcmp(ctx->opt.orphan_handling, "discard"))
		return "orphan-handling=discard";
	return "discarded";
}

static bool expr_names_section(const struct expr *e, const char *name)
{
	if (!e)
		return false;
	if (e->kind == EXPR_CALL && (e->fn == FN_ADDR || e->fn == FN_LOADADDR) && e->name && !strcmp(e->name, name))
		return true;
	return expr_names_section(e->a, name) || expr_names_section(e->b, name) || expr_names_section(e->c, name);
}

static bool stmt_names_section(const struct stmt *st, const char *name)
{
	if (st->kind == ST_ASSIGN)
		return expr_names_section(st->assign.expr, name);
	if (st->kind == ST_DATA)
		return expr_names_section(st->data.value, name);
	if (st->kind == ST_ASSERT)
		return expr_names_section(st->assert_.cond, name);
	return false;
}

bool report_osec_exists(struct layout *L, const struct layout_osec *lo)
{
	if (!lo->removed)
		return true;
	for (size_t i = 0; i < lo->items.n; i++) {
		const struct lo_item *it = &lo->items.v[i];
		if ((it->kind == IT_INPUTS && it->secs.n) || it->kind == IT_ASSIGN || it->kind == IT_DATA)
			return true;
	}
	const struct options *o = &L->ctx->opt;
	for (size_t i = 0; i < o->section_starts.n; i++)
		if (!strcmp(o->section_starts.v[i].name, lo->os->name))
			return true;
	/* GNU ld's exp_init_os: ADDR() and LOADADDR() in an assignment make the section */
	const char *name = lo->os->name;
	for (size_t i = 0; i < L->nodes.n; i++) {
		const struct lnode *n = &L->nodes.v[i];
		if (n->kind != LN_OSEC) {
			if (n->st && stmt_names_section(n->st, name))
				return true;
			continue;
		}
		for (size_t k = 0; k < n->lo->items.n; k++)
			if (n->lo->items.v[k].st && stmt_names_section(n->lo->items.v[k].st, name))
				return true;
	}
	return false;
}

static bool rule_hits(const struct rule *rl, const struct input_section *isec)
{
	const struct input_file *f = isec->file;
	const char *path = f->archive ? f->archive : f->name;
	const struct input_section_desc *d = rl->desc;
	if (!script_match_file(&d->file, path, f->given, f->archive, f->member))
		return false;
	if (d->has_flags && ((isec->flags & d->flags_required) != d->flags_required || (isec->flags & d->flags_forbidden)))
		return false;
	if (!d->sections)
		return true;
	for (const struct section_pattern *sp = d->sections; sp; sp = sp->next)
		if (script_match_section(sp, isec->name) && !script_file_excluded(sp->exclude, path, f->archive, f->member))
			return true;
	return false;
}

/* The first /DISCARD/ rule that takes the section. */
const struct rule *report_discard_rule(struct layout *L, const struct input_section *isec)
{
	for (size_t r = 0; r < L->rules.n; r++)
		if (rule_hits(&L->rules.v[r], isec))
			return L->rules.v[r].discard ? &L->rules.v[r] : NULL;
	return NULL;
}

bool report_keep_matches(struct layout *L, const struct input_section *isec)
{
	for (size_t r = 0; r < L->rules.n; r++)
		if (L->rules.v[r].desc->keep && rule_hits(&L->rules.v[r], isec))
			return true;
	return false;
}

/* ---- MEMORY regions ---- */

size_t report_regions(struct ctx *ctx, struct layout *L, struct report_region **out)
{
	size_t n = 0;
	*out = NULL;
	if (!ctx->script)
		return 0;
	for (const struct memory_region *m = ctx->script->memory; m; m = m->next)
		n++;
	struct report_region *r = xcalloc(n ? n : 1, sizeof(*r));
	size_t i = 0;
	for (const struct memory_region *m = ctx->script->memory; m; m = m->next, i++) {
		r[i].name = m->name;
		r[i].desc = m;
		r[i].origin = m->origin_value;
		r[i].length = m->length_value;
		uint64_t end = r[i].origin;
		/* the layout's own record of how far allocation in the region got */
		struct region *lr = NULL;
		for (size_t k = 0; k < L->regions.n; k++)
			if (L->regions.v[k]->desc == m)
				lr = L->regions.v[k];
		if (lr) {
			r[i].used = lr->cur - lr->origin;
			continue;
		}
		for (size_t k = 0; k < L->nodes.n; k++) {
			const struct lnode *nd = &L->nodes.v[k];
			if (nd->kind != LN_OSEC || nd->lo->removed || !nd->lo->desc)
				continue;
			const struct output_section *os = nd->lo->os;
			const struct output_section_desc *d = nd->lo->desc;
			if ((nd->lo->region && nd->lo->region->desc == m) || (d->region && !strcmp(d->region, m->name))) {
				uint64_t e = os->addr + ((os->flags & SHF_TLS) && os->type == SHT_NOBITS ? 0 : os->size);
				if (e > end)
					end = e;
			}
			if ((nd->lo->lma_region && nd->lo->lma_region->desc == m) ||
			    (d->lma_region && !strcmp(d->lma_region, m->name))) {
				uint64_t e = os->lma + (os->type == SHT_NOBITS ? 0 : os->size);
				if (e > end)
					end = e;
			}
		}
		r[i].used = end - r[i].origin;
	}
	*out = r;
	return n;
}

/* GNU ld's lang_print_memory_size */
static void memory_size(uint64_t sz)
{
	if ((sz & 0x3fffffff) == 0)
		printf("%10llu GB", (unsigned long long)(sz >> 30));
	else if ((sz & 0xfffff) == 0)
		printf("%10llu MB", (unsigned long long)(sz >> 20));
	else if ((sz & 0x3ff) == 0)
		printf("%10llu KB", (unsigned long long)(sz >> 10));
	else
		printf(" %10llu B", (unsigned long long)sz);
}

static void print_memory_usage(struct ctx *ctx, struct layout *L)
{
	struct report_region *r;
	size_t n = report_regions(ctx, L, &r);
	printf("Memory region         Used Size  Region Size  %%age Used\n");
	for (size_t i = 0; i < n; i++) {
		printf("%16s: ", r[i].name);
		memory_size(r[i].used);
		memory_size(r[i].length);
		if (r[i].length)
			printf("    %6.2f%%", r[i].used * 100.0 / r[i].length);
		printf("\n");
	}
	fflush(stdout);
	free(r);
}

/* bfd's gc sweep removes every section it did not mark, COMDAT losers included */
static bool gc_swept(struct ctx *ctx, const struct input_section *isec)
{
	return isec && isec->discarded && (isec->comdat_lost || !strcmp(report_discard_reason(ctx, isec), "gc"));
}

static void print_gc_sections(struct ctx *ctx)
{
	for (size_t fi = 0; fi < ctx->files.n; fi++) {
		struct input_file *f = ctx->files.v[fi];
		uint32_t g = 0;
		for (size_t i = 1; i < f->shnum; i++) {
			struct input_section *isec = f->sections[i];
			if (g < f->ngroups && f->groups[g].index == i) {
				/* a group goes with its first member */
				const struct input_group *grp = &f->groups[g++];
				if (grp->first < f->shnum && gc_swept(ctx, f->sections[grp->first]))
					fprintf(stderr, "slink: removing unused section '%s' in file '%s'\n",
						grp->name ? grp->name : "", f->name);
			}
			if (gc_swept(ctx, isec) && isec->size)
				fprintf(stderr, "slink: removing unused section '%s' in file '%s'\n", section_label(ctx, isec), f->name);
		}
		if (gc_swept(ctx, f->common) && f->common->size)
			fprintf(stderr, "slink: removing unused section 'COMMON' in file '%s'\n", f->name);
	}
}

void reports_write(struct ctx *ctx, struct layout *L)
{
	if (ctx->opt.print_gc_sections && ctx->opt.gc_sections)
		print_gc_sections(ctx);
	if (ctx->opt.print_memory_usage)
		print_memory_usage(ctx, L);
	if (ctx->opt.map_file) {
		bool to_stdout = !strcmp(ctx->opt.map_file, "-");
		FILE *out = to_stdout ? stdout : fopen(ctx->opt.map_file, "w");
		if (!out) {
			error(ctx, "cannot open map file %s: %s", ctx->opt.map_file, strerror(errno));
		} else {
			map_write(ctx, L, out);
			if (ctx->opt.cref)
				cref_write(ctx, out);
			if (to_stdout)
				fflush(out);
			else if (fclose(out))
				error(ctx, "cannot write map file %s: %s", ctx->opt.map_file, strerror(errno));
		}
	} else if (ctx->opt.cref) {
		cref_write(ctx, stdout); /* GNU ld: --cref without a map goes to stdout */
		fflush(stdout);
	}
	if (ctx->opt.layout_json && !layout_json_write(ctx, L, ctx->opt.layout_json))
		error(ctx, "cannot write %s: %s", ctx->opt.layout_json, strerror(errno));
}
