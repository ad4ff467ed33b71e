/* Which linker scripts run: -T scripts (replacing the built-in one), scripts given as input
 * files (adding to it), or the emulation's built-in script, GNU ld 2.40's own. */
#include <errno.h>
#include <stdlib.h>

#include "passes.h"
#include "script.h"
#include "target.h"

#include "default_scripts.h"

/* Read a script named on the command line or by INCLUDE: as given, then along -L paths. */
static bool read_script(struct ctx *ctx, const char *name, const char **path, const char **text, size_t *len)
{
	struct mapped_file mf;
	if (map_file(name, &mf)) {
		*path = name;
		*text = (const char *)mf.data;
		*len = mf.size;
		return true;
	}
	if (name[0] != '/') {
		for (size_t i = 0; i < ctx->opt.lib_paths.n; i++) {
			const char *p = arena_printf(&ctx->arena, "%s/%s", ctx->opt.lib_paths.v[i], name);
			if (map_file(p, &mf)) {
				*path = p;
				*text = (const char *)mf.data;
				*len = mf.size;
				return true;
			}
		}
	}
	return false;
}

static bool include_file(void *ud, const char *name, const char **path, const char **text, size_t *len)
{
	return read_script(ud, name, path, text, len);
}

static void parse_into(struct ctx *ctx, const char *path, const char *text, size_t len)
{
	struct script *s = script_parse(ctx, ctx->script, path, text, len, include_file, ctx);
	if (s)
		ctx->script = s;
}

static void declare_assign(struct ctx *ctx, const struct assign *a);

static bool span_has_insert(const struct script_span *sp);

/* Parse one -T (or -dT) script into a span of its own */
/* A script named on the command line (-T, -dT, --version-script): GNU ld's
 * ldfile_open_command_file, which says so when it cannot */
static bool open_command_file(struct ctx *ctx, const char *name, const char **path, const char **text, size_t *len)
{
	if (read_script(ctx, name, path, text, len))
		return true;
	error(ctx, "cannot open linker script file %s: %s", name, strerror(ENOENT));
	return false;
}

static void load_span(struct ctx *ctx, const char *name)
{
	const char *path, *text;
	size_t len;
	if (!open_command_file(ctx, name, &path, &text, &len)) {
		vec_push(ctx->script_spans, ((struct script_span){NULL, NULL}));
		return;
	}
	struct stmt **tail = ctx->script ? ctx->script->cmds_tail : NULL;
	parse_into(ctx, path, text, len);
	struct script_span span = {NULL, NULL};
	if (ctx->script && (span.first = tail ? *tail : ctx->script->cmds))
		for (span.last = span.first; span.last->next; span.last = span.last->next)
			;
	vec_push(ctx->script_spans, span);
}

/* A --version-script file: its version nodes join the script's, in command-line order */
static void load_version_script(struct ctx *ctx, const char *name)
{
	const char *path, *text;
	size_t len;
	if (!open_command_file(ctx, name, &path, &text, &len))
		return;
	struct script *s = script_parse_version_script(ctx, ctx->script, path, text, len);
	if (s)
		ctx->script = s;
}

void scripts_load_user(struct ctx *ctx)
{
	const struct options *o = &ctx->opt;
	size_t v = 0;
	for (size_t i = 0; i <= o->scripts.n; i++) {
		for (; v < o->version_scripts.n && o->version_scripts_at.v[v] == i; v++)
			load_version_script(ctx, o->version_scripts.v[v]);
		if (i < o->scripts.n)
			load_span(ctx, o->scripts.v[i]);
	}
	/* -dT stands in for the built-in script (kept when every -T INSERTs): GNU ld parses it
	 * before opening inputs, its statements after every command-line input */
	bool keep_default = true;
	for (size_t i = 0; i < ctx->script_spans.n; i++)
		keep_default &= span_has_insert(&ctx->script_spans.v[i]);
	if (ctx->opt.default_script && keep_default) {
		load_span(ctx, ctx->opt.default_script);
		ctx->default_script_first = ctx->script_spans.v[ctx->script_spans.n - 1].first;
		vec_push(ctx->opt.scripts_at, ctx->opt.inputs.n);
	}
	/* INHIBIT_COMMON_ALLOCATION is --no-define-common, which only a shared object may use */
	for (const struct stmt *s = ctx->script ? ctx->script->cmds : NULL; s; s = s->next)
		if (s->kind == ST_INHIBIT_COMMON_ALLOCATION)
			ctx->opt.inhibit_common_definition = true;
	if (ctx->opt.inhibit_common_definition && ctx->opt.kind != OUT_SHARED) {
		error(ctx, "--no-define-common may not be used without -shared");
		checkpoint(ctx);
	}
	/* --defsym SYM=EXPR are assignments, as if at the start of the script */
	for (size_t i = 0; i < ctx->opt.defsyms.n; i++) {
		const struct defsym *d = &ctx->opt.defsyms.v[i];
		struct expr *e = script_parse_expr(ctx, "--defsym", d->expr);
		if (!e)
			continue;
		struct stmt *st = arena_alloc(&ctx->arena, sizeof(*st));
		st->kind = ST_ASSIGN;
		st->loc = e->loc;
		st->assign.name = d->name;
		st->assign.expr = e;
		st->assign.kind = ASSIGN_PLAIN;
		vec_push(ctx->defsym_stmts, st);
		if (!d->after_script)
			ctx->defsyms_before_script = ctx->defsym_stmts.n;
	}
}

/* The built-in script name for the emulation and output kind, as GNU ld picks it. */
static const char *default_script_name(struct ctx *ctx)
{
	const struct options *o = &ctx->opt;
	const char *suffix;
	/* -z combreloc (the default) with -z relro -z now, -z combreloc, or neither; then -z
	 * separate-code's variant */
	const char *kind = o->kind == OUT_SHARED ? "s" : o->kind == OUT_PIE ? "d" : "";
	const char *variant = !o->z_combreloc ? "" : o->z_now && o->relro ? "w" : "c";
	if (o->kind == OUT_RELOCATABLE)
		suffix = o->relocatable_ctors ? "xu" : "xr";
	else if (o->magic == MAGIC_OMAGIC)
		suffix = "xbn";
	else if (o->magic == MAGIC_NMAGIC)
		suffix = "xn";
	else
		suffix = arena_printf(&ctx->arena, "x%s%s%s", kind, variant, o->separate_code ? "e" : "");
	return arena_printf(&ctx->arena, "%s.%s", ctx->target->emulation, suffix);
}

const char *script_builtin_text(const char *name)
{
	for (const struct builtin_script *b = builtin_scripts; b->name; b++)
		if (!strcmp(b->name, name))
			return b->text;
	return NULL;
}

static bool span_has_insert(const struct script_span *sp)
{
	for (const struct stmt *s = sp->first; s; s = span_next(sp, s))
		if (s->kind == ST_INSERT)
			return true;
	return false;
}

static void load_default(struct ctx *ctx);

void scripts_load_default(struct ctx *ctx)
{
	load_default(ctx);
	struct script *s = ctx->script;
	if (s && s->late) {
		*s->cmds_tail = s->late;
		s->cmds_tail = s->late_tail;
		s->late = NULL;
	}
}

static void load_default(struct ctx *ctx)
{
	/* -T replaces the built-in script, unless it INSERTs into it: GNU ld keeps the built-in
	 * script only when every -T script has an INSERT (one without takes its place) */
	for (size_t i = 0; i < ctx->script_spans.n; i++)
		if (!span_has_insert(&ctx->script_spans.v[i]))
			return;
	if (ctx->opt.default_script)
		return; /* read with the -T scripts */
	const char *name = default_script_name(ctx);
	const char *text = script_builtin_text(name);
	if (!text) {
		error(ctx, "no built-in linker script %s", name);
		return;
	}
	if (ctx->opt.verbose)
		printf("using internal linker script:\n==================================================\n%s"
		       "\n\n==================================================\n",
		       text);
	struct stmt **tail = ctx->script ? ctx->script->cmds_tail : NULL;
	parse_into(ctx, arena_printf(&ctx->arena, "<built-in %s>", name), text, strlen(text));
	if (ctx->script)
		ctx->default_script_first = tail ? *tail : ctx->script->cmds;
}

void script_load_input(struct ctx *ctx, const char *path, const char *text, size_t len, struct load_state *g)
{
	struct stmt **tail = ctx->script ? ctx->script->cmds_tail : NULL;
	struct script *s = script_parse(ctx, ctx->script, path, text, len, include_file, ctx);
	if (!s)
		return;
	ctx->script = s;
	struct stmt *first = tail ? *tail : s->cmds;
	input_open_script(ctx, first, g);
	bool makes_sections = false;
	for (const struct stmt *st = first; st && !makes_sections; st = st->next)
		if (st->kind == ST_SECTIONS)
			for (const struct stmt *o = st->sections; o && !makes_sections; o = o->next)
				makes_sections = o->kind == ST_OUTPUT_SECTION || o->kind == ST_OVERLAY;
	if (!makes_sections || !first)
		return;
	/* GNU ld (open_input_bfds): "Very likely the user forgot -T" */
	warn(ctx, "%s contains output sections; did you forget -T?", path);
	struct stmt **from = tail ? tail : &s->cmds;
	if (!s->late)
		s->late_tail = &s->late;
	*s->late_tail = first;
	s->late_tail = s->cmds_tail;
	*from = NULL;
	s->cmds_tail = from;
}

/* Symbols the script assigns are defined for the undefined-reference checks that run before
 * layout gives them values: plain assignments always, PROVIDE only for symbols referenced
 * and not defined by an object. */
static bool first_fold_valid(struct ctx *ctx, const struct expr *e);

static bool expr_reads_symbol(const struct expr *e, const char *name)
{
	if (!e)
		return false;
	if (e->kind == EXPR_SYMBOL && !strcmp(e->name, name))
		return true;
	return expr_reads_symbol(e->a, name) || expr_reads_symbol(e->b, name) || expr_reads_symbol(e->c, name);
}

static void declare_assign(struct ctx *ctx, const struct assign *a)
{
	if (!strcmp(a->name, "."))
		return;
	struct symbol *s = symbol_find(ctx, a->name);
	bool provide = a->kind == ASSIGN_PROVIDE || a->kind == ASSIGN_PROVIDE_HIDDEN;
	if (provide && (!s || !symbol_wants_provide(s)))
		return;
	/* (a __start_SEC / __stop_SEC the linker defines: its PROVIDE waits, see
	 * script_declare_provides_of) */
	if (provide && s->start_stop)
		return;
	/* before the inputs, a symbol already referenced (-u) is defined only by a value the
	 * first fold has: otherwise archive members may still define it.  A PROVIDE the fold
	 * takes is one no more: an object's definition will not stop it */
	if (!ctx->inputs_loaded && s && s->kind == SYM_UNDEF && s->referenced) {
		if (provide && !expr_reads_symbol(a->expr, a->name))
			((struct assign *)a)->committed = true;
		if (!first_fold_valid(ctx, a->expr))
			return;
	}
	if (!s)
		s = symbol_intern(ctx, arena_strdup(&ctx->arena, a->name));
	if (s->kind == SYM_UNDEF || s->kind == SYM_LAZY) {
		/* (the type an object's reference gave it stays: bfd's hash entry keeps it) */
		if (s->kind == SYM_LAZY)
			s->type = STT_NOTYPE;
		s->kind = SYM_SCRIPT;
		s->provide = provide;
		s->bind = STB_GLOBAL;
		s->file = NULL;
	}
	/* HIDDEN / PROVIDE_HIDDEN: a local of the output, so no dynamic symbol either (known
	 * before the dynamic symbols are chosen) */
	if (a->kind == ASSIGN_HIDDEN || a->kind == ASSIGN_PROVIDE_HIDDEN)
		s->forced_local = true;
}

static void declare_list(struct ctx *ctx, const struct stmt *s);

static void declare_stmt(struct ctx *ctx, const struct stmt *s)
{
	switch (s->kind) {
	case ST_ASSIGN:
		declare_assign(ctx, &s->assign);
		break;
	case ST_SECTIONS:
		declare_list(ctx, s->sections);
		break;
	case ST_OUTPUT_SECTION:
		declare_list(ctx, s->osec->body);
		break;
	case ST_OVERLAY:
		declare_list(ctx, s->overlay->sections);
		/* the PROVIDEd __load_start_NAME / __load_stop_NAME of each member (layout.c) */
		for (const struct stmt *m = s->overlay->sections; m; m = m->next) {
			char buf[512];
			size_t k = 0;
			for (const char *c = m->osec->name; *c && k < sizeof(buf) - 1; c++)
				if ((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9') ||
				    *c == '_')
					buf[k++] = *c;
			buf[k] = 0;
			for (int stop = 0; stop < 2; stop++) {
				char name[540];
				snprintf(name, sizeof(name), "%s%s", stop ? "__load_stop_" : "__load_start_", buf);
				struct assign a = {.name = name, .kind = ASSIGN_PROVIDE};
				declare_assign(ctx, &a);
			}
		}
		break;
	default:
		break;
	}
}

static void declare_list(struct ctx *ctx, const struct stmt *s)
{
	for (; s; s = s->next)
		declare_stmt(ctx, s);
}

static bool expr_is_constant(const struct expr *e)
{
	if (!e)
		return true;
	if (e->kind == EXPR_NUM)
		return true;
	if (e->kind == EXPR_UNARY || e->kind == EXPR_BINARY || e->kind == EXPR_COND)
		return expr_is_constant(e->a) && expr_is_constant(e->b) && expr_is_constant(e->c);
	return false;
}

/* ---- symbols referenced by script expressions ---- */

/* GNU ld's mark phase looks every symbol named in an expression up, creating it undefined:
 * such a reference is enough for PROVIDE to define the symbol.  The expressions of PROVIDEs
 * count only once their own symbol is wanted. */
static bool provide_wanted(struct ctx *ctx, const char *name)
{
	struct symbol *s = symbol_find(ctx, name);
	/* (or already provided where the inputs were opened, in statement order) */
	return s && (symbol_wants_provide(s) || (s->kind == SYM_SCRIPT && s->provide));
}

/* The walk over the script's expressions, in statement order: `seen` holds the symbols
 * assigned so far in this walk (--defsym ones first). */
/* a symbol's latest value, kept from one walk to the next as GNU ld's passes keep it */
static void set_known_value(struct known_values *values, const char *name, uint64_t value, bool known)
{
	for (size_t i = 0; i < values->n; i++)
		if (!strcmp(values->v[i].name, name)) {
			values->v[i] = (struct known_value){name, value, known};
			return;
		}
	vec_push(*values, ((struct known_value){name, value, known}));
}

struct marker {
	struct ctx *ctx;
	VEC(const char *) seen;
	struct known_values *values; /* constants assigned outside sections, as walked so far */
	VEC(const char *) seen_some; /* assigned so far in some passes only (DEFINED varies) */
	int in_section;
	bool unknown_both;           /* a condition still unknown counts both branches */
	bool first_phase;            /* open_input_bfds' fold: `.` is 0, SEGMENT_START its value */
	bool objects_known;          /* a symbol an object defines has its value */
	bool constraints_known;      /* which ONLY_IF_RO/RW statements stay (after mapping) */
	bool look_up_only;           /* symbols named here are not references (yet) */
	bool sizing;                 /* in what only GNU ld's sizing passes fold (addresses...) */
	bool mark_phase;             /* the walk is GNU ld's mark phase (no address known) */
	bool headers_known;          /* SIZEOF_HEADERS is `headers' (one pass's value) */
	uint64_t headers;
	bool dot_known;              /* outside sections, `.' is `dot' in every pass (only
				      * constant assignments to it so far, no section) */
	uint64_t dot;
};

static bool name_listed(const char *const *names, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(names[i], name))
			return true;
	return false;
}

/* Does the expression read the address or load address of an output section?  GNU ld's mark
 * phase, which walks the statements before any section is placed (processed_vma), finds no
 * value there, so the assignment defines nothing in that walk: DEFINED of its symbol further
 * on is false there and true in the later passes. */
static bool reads_section_address(const struct expr *e)
{
	return expr_calls(e, FN_ADDR) || expr_calls(e, FN_LOADADDR);
}

/* GNU ld's align_n: up to a multiple of `a' (any value, not only a power of two) */
static uint64_t align_up(uint64_t x, uint64_t a)
{
	return a <= 1 ? x : (x + a - 1) / a * a;
}

/* The value of a condition that does not depend on the layout: numbers, and DEFINED, which in
 * GNU ld is true for a symbol an object defines or one a script assignment has set earlier in
 * the same walk over the statements (lang_statement_iteration).  False when it cannot be
 * known this early. */
static bool static_truth(struct marker *m, const struct expr *e, uint64_t *t);

static bool static_value(struct marker *m, const struct expr *e, uint64_t *v)
{
	struct ctx *ctx = m->ctx;
	uint64_t a, b;
	switch (e->kind) {
	case EXPR_NUM:
		*v = e->num;
		return true;
	case EXPR_DOT:
		/* (in GNU ld's mark phase no output section exists yet: in one, `.' is the value
		 * flowing in, moved only by its data statements) */
		*v = m->first_phase ? 0 : m->dot;
		return m->first_phase || (m->dot_known && (!m->in_section || m->mark_phase));
	case EXPR_SYMBOL:
		/* a constant the script assigned outside the sections: known once GNU ld's passes
		 * have assigned it */
		for (size_t i = 0; m->values && i < m->values->n; i++)
			if (!strcmp(m->values->v[i].name, e->name)) {
				*v = m->values->v[i].value;
				return m->values->v[i].known;
			}
		/* (MEMORY's fold: what the objects define, relative to a section no output has yet:
		 * the offset) */
		if (m->objects_known) {
			const struct symbol *s = symbol_find(ctx, e->name);
			if (s && s->kind == SYM_DEFINED) {
				*v = s->value;
				return true;
			}
		}
		return false;
	case EXPR_CALL:
		switch (e->fn) {
		case FN_DEFINED: {
			const struct symbol *s = symbol_find(ctx, e->name);
			*v = s && (s->kind == SYM_DEFINED || s->kind == SYM_COMMON || s->by_object);
			*v = *v || name_listed(m->seen.v, m->seen.n, e->name);
			/* (one assigned an address so far is defined in the sizing passes only) */
			return *v || m->mark_phase || !name_listed(m->seen_some.v, m->seen_some.n, e->name);
		}
		case FN_CONSTANT: {
			/* before any object is read: the emulation's (GNU ld's output target) */
			const struct target *t = ctx->target ? ctx->target
					       : ctx->opt.emulation ? target_by_emulation(ctx->opt.emulation) : NULL;
			uint64_t max, common;
			link_page_sizes(ctx, t ? t : &target_x86_64, &max, &common);
			*v = strcmp(e->name, "MAXPAGESIZE") == 0 ? max : common;
			return true;
		}
		case FN_ABSOLUTE:
			return static_value(m, e->a, v);
		case FN_SIZEOF_HEADERS:
			*v = m->headers;
			return m->headers_known && !m->first_phase;
		case FN_LENGTH:
		case FN_ORIGIN: { /* what GNU ld's one fold of MEMORY gave (0 and ~0 before it) */
			const struct memory_region *r = script_region(ctx, e->name);
			if (!r)
				return false;
			*v = e->fn == FN_LENGTH ? (r->folded ? r->length_value : ~(uint64_t)0)
						: (r->folded ? r->origin_value : 0);
			return true;
		}
		case FN_SEGMENT_START:
			/* valid in every pass; in a section GNU ld's mark phase makes it relative
			 * to a section that has no address yet, so the value is the same */
			if (!static_value(m, e->a, v))
				return false;
			*v = segment_start_option(&ctx->opt, e->name, *v, NULL);
			return true;
		case FN_LOG2CEIL:
			if (!static_value(m, e->a, &a))
				return false;
			for (*v = 0; *v < 64 && ((uint64_t)1 << *v) < a; (*v)++)
				;
			return true;
		case FN_NEXT: /* `.' aligned up, where the later passes know it */
			if (m->first_phase || !m->dot_known || m->in_section || !static_value(m, e->a, &a))
				return false;
			*v = align_up(m->dot, a);
			return true;
		case FN_ALIGN: /* ALIGN(exp, align); ALIGN(align) needs `.` */
		case FN_MAX:
		case FN_MIN:
			if (!e->b && e->fn == FN_ALIGN && !m->first_phase && m->dot_known && !m->in_section &&
			    static_value(m, e->a, &a)) {
				*v = align_up(m->dot, a);
				return true;
			}
			if (!e->b || !static_value(m, e->a, &a) || !static_value(m, e->b, &b))
				return false;
			if (e->fn == FN_ALIGN)
				*v = align_up(a, b);
			else
				*v = (e->fn == FN_MAX) == (a > b) ? a : b;
			return true;
		default:
			return false;
		}
	case EXPR_COND:
		if (!static_truth(m, e->a, &a))
			return false;
		return static_value(m, a ? e->b : e->c, v);
	case EXPR_UNARY:
		if (!static_value(m, e->a, &a))
			return false;
		*v = e->op == OP_NOT ? !a : e->op == OP_NEG ? -a : e->op == OP_BITNOT ? ~a : a;
		return true;
	case EXPR_BINARY: {
		bool ka = static_value(m, e->a, &a), kb = static_value(m, e->b, &b);
		/* a known absorbing operand fixes the value in every pass where the other side
		 * has one (SIZEOF_HEADERS * 0, x && 0, ...) */
		if (ka != kb) {
			uint64_t k = ka ? a : b;
			if ((e->op == OP_MUL || e->op == OP_AND || e->op == OP_ANDAND) && k == 0) {
				*v = 0;
				return true;
			}
			if (e->op == OP_OROR && k) {
				*v = 1;
				return true;
			}
		}
		if (!ka || !kb)
			return false;
		switch (e->op) {
		case OP_ADD: *v = a + b; return true;
		case OP_SUB: *v = a - b; return true;
		case OP_MUL: *v = a * b; return true;
		case OP_AND: *v = a & b; return true;
		case OP_OR: *v = a | b; return true;
		case OP_XOR: *v = a ^ b; return true;
		case OP_ANDAND: *v = a && b; return true;
		case OP_OROR: *v = a || b; return true;
		case OP_EQ: *v = a == b; return true;
		case OP_NE: *v = a != b; return true;
		case OP_LT: *v = a < b; return true;
		case OP_GT: *v = a > b; return true;
		case OP_LE: *v = a <= b; return true;
		case OP_GE: *v = a >= b; return true;
		case OP_SHL: *v = a << (b & 63); return true;
		case OP_SHR: *v = a >> (b & 63); return true;
		case OP_DIV:
		case OP_MOD: /* signed, as GNU ld's; by zero is an error it reports */
			if (!b || (a == (uint64_t)INT64_MIN && b == (uint64_t)-1))
				return false;
			*v = e->op == OP_DIV ? (uint64_t)((int64_t)a / (int64_t)b) : (uint64_t)((int64_t)a % (int64_t)b);
			return true;
		default: return false;
		}
	}
	default:
		return false;
	}
}

/* Whether a condition holds (1) or not (0), also where its value is not known: `x | 1' and
 * `x || 1' are true, `x && 0' false, in every pass where x has a value */
/* The values an expression can take in every pass, [lo, hi]: a known value, or what MAX and
 * MIN of bounded values allow; anything else is unbounded */
static void value_bounds(struct marker *m, const struct expr *e, uint64_t *lo, uint64_t *hi)
{
	uint64_t v, l2, h2;
	if (static_value(m, e, &v)) {
		*lo = *hi = v;
		return;
	}
	*lo = 0;
	*hi = UINT64_MAX;
	if (e->kind == EXPR_CALL && (e->fn == FN_MAX || e->fn == FN_MIN) && e->b) {
		value_bounds(m, e->a, lo, hi);
		value_bounds(m, e->b, &l2, &h2);
		bool max = e->fn == FN_MAX;
		*lo = (*lo > l2) == max ? *lo : l2;
		*hi = (*hi > h2) == max ? *hi : h2;
	}
}

static bool static_truth(struct marker *m, const struct expr *e, uint64_t *t)
{
	uint64_t a, b;
	if (static_value(m, e, t)) {
		*t = *t != 0;
		return true;
	}
	if (e->kind == EXPR_UNARY && e->op == OP_NOT && static_truth(m, e->a, &a)) {
		*t = !a;
		return true;
	}
	if (e->kind != EXPR_BINARY)
		return false;
	/* a comparison its operands' ranges decide (unsigned, as GNU ld compares): `x >= 0`,
	 * `1 < MAX(., 0x1000)` */
	if (e->op == OP_LT || e->op == OP_GT || e->op == OP_LE || e->op == OP_GE || e->op == OP_EQ || e->op == OP_NE) {
		uint64_t la, ha, lb, hb;
		value_bounds(m, e->a, &la, &ha);
		value_bounds(m, e->b, &lb, &hb);
		int r = -1;
		switch (e->op) {
		case OP_LT: r = ha < lb ? 1 : la >= hb ? 0 : -1; break;
		case OP_GT: r = la > hb ? 1 : ha <= lb ? 0 : -1; break;
		case OP_LE: r = ha <= lb ? 1 : la > hb ? 0 : -1; break;
		case OP_GE: r = la >= hb ? 1 : ha < lb ? 0 : -1; break;
		case OP_EQ: r = ha < lb || hb < la ? 0 : -1; break;
		default: r = ha < lb || hb < la ? 1 : -1; break;
		}
		if (r >= 0) {
			*t = (uint64_t)r;
			return true;
		}
	}
	bool ka = static_truth(m, e->a, &a), kb = static_truth(m, e->b, &b);
	if ((e->op == OP_OR || e->op == OP_OROR) && ((ka && a) || (kb && b))) {
		*t = 1;
		return true;
	}
	if (e->op == OP_ANDAND && ((ka && !a) || (kb && !b))) {
		*t = 0;
		return true;
	}
	if ((e->op == OP_ANDAND || e->op == OP_OROR) && ka && kb) {
		*t = e->op == OP_ANDAND ? a && b : a || b;
		return true;
	}
	return false;
}

/* `.' assigned outside the sections: known from here on while only constants are assigned */
static void track_dot(struct marker *m, const struct assign *a)
{
	if (strcmp(a->name, ".") || m->in_section)
		return;
	uint64_t v = 0;
	m->dot_known = m->dot_known && a->kind == ASSIGN_PLAIN && static_value(m, a->expr, &v);
	m->dot = v;
}

/* Does GNU ld's first fold (open_input_bfds, lang_first_phase_enum) give the expression a
 * value?  Not what needs the layout (one-argument ALIGN or BLOCK, NEXT, ADDR, LOADADDR,
 * SIZEOF, ALIGNOF, SIZEOF_HEADERS, DATA_SEGMENT_*), nor a symbol nothing defined yet. */
static bool first_fold_valid(struct ctx *ctx, const struct expr *e)
{
	if (!e)
		return true;
	switch (e->kind) {
	case EXPR_NUM:
	case EXPR_DOT:
		return true;
	case EXPR_SYMBOL: {
		const struct symbol *s = symbol_find(ctx, e->name);
		return s && (s->kind == SYM_DEFINED || s->kind == SYM_COMMON || s->kind == SYM_SCRIPT);
	}
	case EXPR_CALL:
		switch (e->fn) {
		case FN_ALIGN:
			if (!e->b)
				return false;
			break;
		case FN_BLOCK:
		case FN_NEXT:
		case FN_ADDR:
		case FN_LOADADDR:
		case FN_SIZEOF:
		case FN_ALIGNOF:
		case FN_SIZEOF_HEADERS:
		case FN_DATA_SEGMENT_ALIGN:
		case FN_DATA_SEGMENT_END:
		case FN_DATA_SEGMENT_RELRO_END:
			return false;
		case FN_DEFINED:
		case FN_CONSTANT:
		case FN_LENGTH:
		case FN_ORIGIN:
			return true;
		default:
			break;
		}
		break;
	case EXPR_COND: {
		if (!first_fold_valid(ctx, e->a))
			return false;
		/* (DEFINED sees what this fold assigned so far) */
		struct marker m = {.ctx = ctx, .first_phase = true,
				   .seen = {ctx->first_fold_assigned.v, ctx->first_fold_assigned.n, 0}};
		uint64_t c;
		if (static_truth(&m, e->a, &c))
			return first_fold_valid(ctx, c ? e->b : e->c);
		return first_fold_valid(ctx, e->b) && first_fold_valid(ctx, e->c);
	}
	default:
		break;
	}
	return first_fold_valid(ctx, e->a) && first_fold_valid(ctx, e->b) && first_fold_valid(ctx, e->c);
}

/* Does folding the expression now reach SIZEOF_HEADERS?  A condition known now (DEFINED of
 * what the inputs opened so far define, constants) folds only its branch; one not known folds
 * neither. */
static bool reads_sizeof_headers(struct marker *m, const struct expr *e)
{
	if (!e)
		return false;
	if (e->kind == EXPR_CALL && e->fn == FN_SIZEOF_HEADERS)
		return true;
	if (e->kind == EXPR_COND) {
		uint64_t c;
		if (reads_sizeof_headers(m, e->a))
			return true;
		return static_truth(m, e->a, &c) && reads_sizeof_headers(m, c ? e->b : e->c);
	}
	return reads_sizeof_headers(m, e->a) || reads_sizeof_headers(m, e->b) || reads_sizeof_headers(m, e->c);
}

static bool mark_expr(struct marker *m, const struct expr *e)
{
	struct ctx *ctx = m->ctx;
	bool changed = false;
	if (!e)
		return false;
	/* GNU ld folds only the branch a condition takes: a symbol in the other one is not
	 * looked up, so it does not count as a reference */
	uint64_t c;
	if (e->kind == EXPR_COND && static_truth(m, e->a, &c)) {
		/* (one that reads an address has a value only in GNU ld's sizing passes, which
		 * reference what the branch names: below) */
		changed = mark_expr(m, e->a);
		bool was = m->sizing;
		m->sizing |= reads_section_address(e->a);
		changed |= mark_expr(m, c ? e->b : e->c);
		m->sizing = was;
		return changed;
	}
	/* a condition on SIZEOF_HEADERS: 0 in GNU ld's mark phase, then the headers' size, which
	 * is not known yet but is some count of program headers: the branches those values take */
	if (e->kind == EXPR_COND && !m->first_phase && !m->headers_known && reads_sizeof_headers(m, e->a)) {
		bool take[2] = {false, false}, known = true;
		const struct target *t = ctx->target ? ctx->target : &target_x86_64;
		m->headers_known = true;
		for (uint64_t n = 0; n <= 32 && known; n++) {
			m->headers = n ? target_headers_size(t, n - 1) : 0;
			known = static_truth(m, e->a, &c);
			take[!c] = true;
		}
		m->headers_known = false;
		if (known) {
			changed = mark_expr(m, e->a);
			if (take[0])
				changed |= mark_expr(m, e->b);
			if (take[1])
				changed |= mark_expr(m, e->c);
			return changed;
		}
	}
	/* a condition not known yet (a symbol a later pass gives a constant) folds neither
	 * branch; one that stays unknown (addresses) counts both, as either may be taken */
	if (e->kind == EXPR_COND && !m->unknown_both)
		return mark_expr(m, e->a);
	if (e->kind == EXPR_COND) {
		/* (one that reads an address has no value before GNU ld's sizing passes: what its
		 * branches name is referenced only there, after the dynamic symbols were chosen) */
		changed = mark_expr(m, e->a);
		bool was = m->sizing;
		m->sizing |= reads_section_address(e->a);
		changed |= mark_expr(m, e->b);
		changed |= mark_expr(m, e->c);
		m->sizing = was;
		return changed;
	}
	if (e->kind == EXPR_SYMBOL) {
		struct symbol *s = symbol_find(ctx, e->name);
		if (!s) {
			s = symbol_intern(ctx, arena_strdup(&ctx->arena, e->name));
			s->weak_ref_only = false;
		}
		if (s->kind == SYM_UNDEF && !s->referenced && !m->look_up_only) {
			s->referenced = true;
			s->sizing_ref = m->sizing;
			changed = true;
		} else if (!m->sizing && !m->look_up_only && s->sizing_ref) {
			s->sizing_ref = false;
			changed = true;
		}
		return changed;
	}
	if (e->kind == EXPR_CALL && e->fn == FN_DEFINED)
		return false;
	changed |= mark_expr(m, e->a);
	changed |= mark_expr(m, e->b);
	changed |= mark_expr(m, e->c);
	return changed;
}

static bool mark_list(struct marker *m, const struct stmt *s)
{
	struct ctx *ctx = m->ctx;
	bool changed = false;
	for (; s; s = s->next) {
		switch (s->kind) {
		case ST_ASSIGN: {
			const struct assign *a = &s->assign;
			bool provide = a->kind == ASSIGN_PROVIDE || a->kind == ASSIGN_PROVIDE_HIDDEN;
			track_dot(m, a);
			if (!provide || provide_wanted(ctx, a->name)) {
				/* (a PROVIDE only sizing wants is folded from then on) */
				const struct symbol *sym = provide ? symbol_find(ctx, a->name) : NULL;
				bool was = m->sizing;
				m->sizing |= sym && sym->sizing_ref;
				changed |= mark_expr(m, a->expr);
				m->sizing = was;
				if (reads_section_address(a->expr))
					vec_push(m->seen_some, a->name);
				else
					vec_push(m->seen, a->name);
				/* (one assigned something not constant, or in a section, is unknown) */
				uint64_t v = 0;
				bool known = !m->in_section && static_value(m, a->expr, &v);
				if (m->values && strcmp(a->name, "."))
					set_known_value(m->values, a->name, v, known);
			}
			break;
		}
		case ST_ASSERT:
			changed |= mark_expr(m, s->assert_.cond);
			break;
		case ST_DATA:
			changed |= mark_expr(m, s->data.value);
			if (m->mark_phase)
				m->dot += data_kind_size(s->data.kind);
			break;
		case ST_FILL:
			changed |= mark_expr(m, s->fill);
			break;
		case ST_SECTIONS:
			changed |= mark_list(m, s->sections);
			break;
		case ST_OUTPUT_SECTION: {
			const struct output_section_desc *d = s->osec;
			const struct expr *es[] = {d->fill, d->addr, d->lma, d->align, d->subalign};
			changed |= mark_expr(m, es[0]);
			/* GNU ld's sizing passes fold the address, AT, ALIGN and SUBALIGN only of a
			 * statement its constraint kept: until that is known they reference nothing */
			bool was = m->look_up_only, was_sizing = m->sizing;
			if (d->constraint == CONSTRAINT_ONLY_IF_RO || d->constraint == CONSTRAINT_ONLY_IF_RW)
				m->look_up_only |= !m->constraints_known || d->dropped;
			m->sizing = true;
			for (size_t k = 1; k < sizeof(es) / sizeof(es[0]); k++)
				changed |= mark_expr(m, es[k]);
			m->look_up_only = was;
			m->sizing = was_sizing;
			m->in_section++;
			changed |= mark_list(m, d->body);
			m->in_section--;
			/* (past a section: its size, not known here; nothing in the mark phase) */
			m->dot_known = m->dot_known && m->mark_phase;
			break;
		}
		case ST_OVERLAY: {
			const struct overlay_desc *o = s->overlay;
			const struct expr *es[] = {o->fill, o->start, o->lma, o->subalign};
			changed |= mark_expr(m, es[0]);
			bool was_sizing = m->sizing;
			m->sizing = true;
			for (size_t k = 1; k < sizeof(es) / sizeof(es[0]); k++)
				changed |= mark_expr(m, es[k]);
			m->sizing = was_sizing;
			changed |= mark_list(m, o->sections);
			m->dot_known = false;
			break;
		}
		default:
			break;
		}
	}
	return changed;
}

/* GNU ld folds the assignments in and under a statement where open_input_bfds reaches them:
 * reaching SIZEOF_HEADERS, even in a branch only this early fold takes, asks for the headers
 * to be loaded. */
static void first_fold(struct ctx *ctx, const struct stmt *s)
{
	switch (s->kind) {
	case ST_ASSIGN: {
		const struct assign *a = &s->assign;
		bool provide = a->kind == ASSIGN_PROVIDE || a->kind == ASSIGN_PROVIDE_HIDDEN;
		if (!strcmp(a->name, ".") || (provide && !provide_wanted(ctx, a->name)))
			break;
		/* DEFINED sees the objects opened so far and what earlier assignments defined */
		struct marker m = {.ctx = ctx, .seen = {ctx->first_fold_assigned.v, ctx->first_fold_assigned.n, 0},
				   .values = &ctx->first_fold_values, .first_phase = true};
		if (reads_sizeof_headers(&m, a->expr))
			ctx->sizeof_headers_read = true;
		/* the symbols this fold looks up are referenced (a branch DEFINED takes now) */
		mark_expr(&m, a->expr);
		/* the fold defines the symbol (for DEFINED later in this walk) with its value, or
		 * with 0 when it has none and nothing has named the symbol yet; never one that
		 * reads itself (GNU ld allows that only in its final pass) */
		const struct symbol *sym = symbol_find(ctx, a->name);
		bool is_new = !sym || (sym->kind == SYM_UNDEF && !sym->referenced && !sym->object_seq);
		bool valid = first_fold_valid(ctx, a->expr);
		if (!expr_reads_symbol(a->expr, a->name) && (is_new || valid)) {
			/* (the value later expressions of this fold read: 0 when it had none) */
			uint64_t v = 0;
			bool known = !valid || static_value(&m, a->expr, &v);
			set_known_value(&ctx->first_fold_values, a->name, valid ? v : 0, known);
			vec_push(ctx->first_fold_assigned, a->name); /* (m.seen no longer valid) */
		}
		break;
	}
	case ST_SECTIONS:
		for (const struct stmt *c = s->sections; c; c = c->next)
			first_fold(ctx, c);
		break;
	case ST_OUTPUT_SECTION:
		for (const struct stmt *c = s->osec->body; c; c = c->next)
			first_fold(ctx, c);
		break;
	case ST_OVERLAY:
		for (const struct stmt *c = s->overlay->sections; c; c = c->next)
			first_fold(ctx, c);
		break;
	default:
		break;
	}
}

/* Where GNU ld's open_input_bfds folds an assignment (in statement order, between the files
 * it opens): a PROVIDE of a symbol still undefined at that point (by -u, EXTERN, the entry or
 * an object opened before it) is settled, and the script's value wins over a later object's
 * definition.  `s` and what it contains; not the statements after it. */
void script_declare_stmt(struct ctx *ctx, const struct stmt *s)
{
	first_fold(ctx, s);
	const struct stmt *next = s->next;
	((struct stmt *)s)->next = NULL;
	declare_list(ctx, s);
	((struct stmt *)s)->next = (struct stmt *)next;
}

/* ---- the input section a script symbol is relative to when sections are collected ---- */

/* GNU ld runs its mark phase before --gc-sections: an object's symbol is still relative to its
 * input section there, and an assignment that keeps that section (`PROVIDE(NMI_Handler =
 * Default_Handler)`, `foo = cond ? a : b`) defines its symbol in that input section, which a
 * reference to the symbol then keeps.  The sections follow the evaluator's rules: outside
 * output sections numbers are absolute, values of two sections are made absolute. */
enum sec_kind { SK_INVALID, SK_NUMBER, SK_ABS, SK_OTHER, SK_INPUT };
struct secval {
	enum sec_kind kind;
	struct input_section *isec;
};

static struct secval symbol_secval(struct ctx *ctx, const char *name, int depth);

static struct secval expr_secval(struct marker *m, const struct expr *e, int depth)
{
	struct ctx *ctx = m->ctx;
	const bool abs_context = !m->in_section && !ctx->sane_expr;
	const struct secval number = {abs_context ? SK_ABS : SK_NUMBER, NULL};
	uint64_t c;
	switch (e->kind) {
	case EXPR_NUM:
		return number;
	case EXPR_DOT:
		return (struct secval){SK_OTHER, NULL};
	case EXPR_SYMBOL: {
		const struct symbol *s = symbol_find(ctx, e->name);
		if (s && s->kind == SYM_DEFINED)
			return s->isec ? (struct secval){SK_INPUT, s->isec} : number;
		if (s && s->kind == SYM_SCRIPT)
			return symbol_secval(ctx, e->name, depth + 1);
		return (struct secval){SK_INVALID, NULL};
	}
	case EXPR_UNARY:
		return expr_secval(m, e->a, depth);
	case EXPR_COND:
		if (!static_truth(m, e->a, &c))
			return (struct secval){SK_INVALID, NULL};
		return expr_secval(m, c ? e->b : e->c, depth);
	case EXPR_BINARY:
		break;
	case EXPR_CALL:
		switch (e->fn) {
		case FN_ALIGN:
		case FN_MAX:
		case FN_MIN:
			if (e->b)
				break; /* the binary rules */
			return (struct secval){SK_OTHER, NULL};
		case FN_ABSOLUTE:
		case FN_LOADADDR:
			return (struct secval){SK_ABS, NULL};
		case FN_SIZEOF:
		case FN_ALIGNOF:
		case FN_LENGTH:
		case FN_DEFINED:
		case FN_CONSTANT:
		case FN_LOG2CEIL:
		case FN_SIZEOF_HEADERS:
			return (struct secval){SK_NUMBER, NULL};
		default:
			return (struct secval){SK_OTHER, NULL};
		}
		break;
	}
	/* ldexp.c fold_binary: one side a plain number keeps the other's section, two sections
	 * make both absolute; arithmetic of one section with itself is a number */
	struct secval l = expr_secval(m, e->a, depth), r = expr_secval(m, e->b, depth);
	if (l.kind == SK_INVALID || r.kind == SK_INVALID)
		return (struct secval){SK_INVALID, NULL};
	bool ln = l.kind == SK_NUMBER, rn = r.kind == SK_NUMBER;
	bool same = l.kind == r.kind && l.isec == r.isec;
	if (e->kind == EXPR_BINARY && e->op != OP_ADD && e->op != OP_SUB && e->op != OP_MUL && e->op != OP_DIV &&
	    e->op != OP_MOD && e->op != OP_SHL && e->op != OP_SHR && e->op != OP_AND && e->op != OP_OR && e->op != OP_XOR)
		return (struct secval){SK_NUMBER, NULL}; /* comparisons and logic */
	if (!same && !ln && !rn)
		return number.kind == SK_ABS || e->kind == EXPR_CALL ? (struct secval){SK_ABS, NULL} : number;
	if (same)
		return e->kind == EXPR_CALL ? l : number;
	return ln ? r : l;
}

/* The section of the value the mark phase last assigns the symbol (by the last assignment
 * to it: --defsym first, then the script's statements in order) */
struct last_assign {
	const char *name;
	const struct assign *found;
	int in_section;
};

static void note_assign(const struct stmt *st, int in_section, void *ud)
{
	struct last_assign *la = ud;
	if (!strcmp(st->assign.name, la->name)) {
		la->found = &st->assign;
		la->in_section = in_section;
	}
}

static struct secval symbol_secval(struct ctx *ctx, const char *name, int depth)
{
	struct last_assign la = {name, NULL, 0};
	if (depth > 16)
		return (struct secval){SK_INVALID, NULL};
	for (size_t i = 0; i < ctx->defsym_stmts.n; i++)
		note_assign(ctx->defsym_stmts.v[i], 0, &la);
	if (ctx->script)
		stmt_for_each_assign(ctx->script->cmds, 0, note_assign, &la);
	if (!la.found)
		return (struct secval){SK_INVALID, NULL};
	struct marker m = {.ctx = ctx, .in_section = la.in_section};
	struct secval v = expr_secval(&m, la.found->expr, depth);
	/* a plain number takes the section the assignment stands in */
	return v.kind == SK_NUMBER ? (struct secval){la.in_section ? SK_OTHER : SK_ABS, NULL} : v;
}

struct input_section *script_symbol_input_section(struct ctx *ctx, const struct symbol *s)
{
	struct secval v = symbol_secval(ctx, s->name, 0);
	return v.kind == SK_INPUT ? v.isec : NULL;
}

/* Which symbols an object defines GNU ld's mark phase gives the script's value (before
 * --gc-sections): those whose last assignment is a plain one, or a PROVIDE the first fold
 * settled before the object was opened (the object's definition only replaced that fold's) */
static void note_taken(const struct stmt *st, int in_section, void *ud)
{
	const struct assign *a = &st->assign;
	struct symbol *s = symbol_find(ud, a->name);
	(void)in_section;
	if (s && s->kind == SYM_DEFINED)
		s->script_takes = (a->kind != ASSIGN_PROVIDE && a->kind != ASSIGN_PROVIDE_HIDDEN) || a->committed;
}

void script_mark_taken_symbols(struct ctx *ctx)
{
	for (size_t i = 0; i < ctx->defsym_stmts.n; i++)
		note_taken(ctx->defsym_stmts.v[i], 0, ctx);
	if (ctx->script)
		stmt_for_each_assign(ctx->script->cmds, 0, note_taken, ctx);
}

/* A __start_SEC / __stop_SEC the linker could not define (SEC went to an output section of
 * another name: GNU ld's undef_start_stop): the script's PROVIDEs of it count now */
struct provides_of {
	struct ctx *ctx;
	const char *name;
};

static void declare_provide_of(const struct stmt *st, int in_section, void *ud)
{
	const struct provides_of *p = ud;
	(void)in_section;
	if (!strcmp(st->assign.name, p->name) &&
	    (st->assign.kind == ASSIGN_PROVIDE || st->assign.kind == ASSIGN_PROVIDE_HIDDEN))
		declare_assign(p->ctx, &st->assign);
}

void script_declare_provides_of(struct ctx *ctx, const char *name)
{
	struct symbol *s = symbol_find(ctx, name);
	if (!s || !s->start_stop || s->kind != SYM_UNDEF || !ctx->script)
		return;
	s->start_stop = false;
	struct provides_of p = {ctx, name};
	stmt_for_each_assign(ctx->script->cmds, 0, declare_provide_of, &p);
}

/* The MEMORY region or REGION_ALIAS of the name (the first declared) */
const struct memory_region *script_region(const struct ctx *ctx, const char *name)
{
	if (!ctx->script)
		return NULL;
	for (const struct memory_region *r = ctx->script->memory; r; r = r->next)
		if (!strcmp(r->name, name))
			return r;
	for (const struct stmt *s = ctx->script->cmds; s; s = s->next)
		if (s->kind == ST_REGION_ALIAS && !strcmp(s->region_alias.alias, name))
			return script_region(ctx, s->region_alias.region);
	return NULL;
}

/* GNU ld folds MEMORY's expressions once before opening any input (lang_do_memory_regions):
 * the symbols they name are references from then on, which PROVIDE and archives answer. */
void script_reference_region_symbols(struct ctx *ctx)
{
	struct marker m = {.ctx = ctx, .first_phase = true};
	for (const struct memory_region *r = ctx->script ? ctx->script->memory : NULL; r; r = r->next) {
		mark_expr(&m, r->origin);
		mark_expr(&m, r->length);
	}
}

/* ... and folds them again once the inputs are open, for good: a symbol has the value the
 * first fold of the assignments gave it (an object's symbol, its offset in its section), an
 * earlier region its folded origin and length.  One that has no value there keeps 0 / ~0,
 * which GNU ld says without failing the link. */
void script_fold_regions(struct ctx *ctx)
{
	if (!ctx->script || !ctx->script->memory)
		return;
	struct marker m = {.ctx = ctx, .values = &ctx->first_fold_values, .first_phase = true, .objects_known = true};
	for (struct memory_region *r = ctx->script->memory; r; r = r->next) {
		if (script_region(ctx, r->name) != r)
			continue; /* a redeclaration: GNU ld warns and keeps the first */
		uint64_t origin = 0, length = ~(uint64_t)0;
		if (!static_value(&m, r->origin, &origin)) {
			origin = 0;
			notice("invalid origin for memory region %s", r->name);
		}
		if (!static_value(&m, r->length, &length)) {
			length = ~(uint64_t)0;
			notice("invalid length for memory region %s", r->name);
		}
		r->origin_value = origin;
		r->length_value = length;
		r->folded = true;
	}
}

/* The references GNU ld's passes over the statements make, repeated until no PROVIDE they
 * reach is newly wanted */
static void mark_script(struct ctx *ctx, bool constraints_known)
{
	struct known_values values = {0};
	/* before any input is open, the references are the ones GNU ld's fold makes where it
	 * reaches each statement (first_fold): a later statement's do not count yet */
	for (int both = 0; both < 2 && ctx->script && ctx->files.n; both++)
		for (int i = 0; i < 16; i++) {
			/* the first walk is GNU ld's mark phase, in statement order; what only later
			 * walks reach (a PROVIDE a later statement wants) is referenced in its sizing
			 * passes, after the dynamic symbols and the hidden ones were recorded */
			bool mark_phase = !constraints_known && !both && !i;
			struct marker m = {.ctx = ctx, .values = &values, .unknown_both = both,
					   .constraints_known = constraints_known, .dot_known = true,
					   .sizing = !mark_phase, .mark_phase = mark_phase};
			for (size_t k = 0; k < ctx->defsym_stmts.n; k++)
				vec_push(m.seen, ctx->defsym_stmts.v[k]->assign.name);
			bool changed = mark_list(&m, ctx->script->cmds);
			free(m.seen.v);
			free(m.seen_some.v);
			if (!changed)
				break;
		}
	free(values.v);
}

/* Once the inputs are mapped, the statements ONLY_IF_RO/RW kept reference what their
 * addresses name: PROVIDEs only those want are defined now. */
void script_declare_kept_constraints(struct ctx *ctx)
{
	mark_script(ctx, true);
	if (ctx->script)
		declare_list(ctx, ctx->script->cmds);
}

/* GNU ld's mark phase (lang_do_assignments before any section is mapped) folds every
 * assignment, data statement and assertion with SIZEOF_HEADERS 0 and `.' moved only by
 * assignments to it (sections have no size yet): reaching SIZEOF_HEADERS there asks for the
 * headers to be loaded, as in any pass */
static void mark_phase_headers(struct marker *m, const struct stmt *s)
{
	for (; s && !m->ctx->sizeof_headers_read; s = s->next) {
		const struct expr *e = NULL;
		switch (s->kind) {
		case ST_ASSIGN:
			if ((s->assign.kind == ASSIGN_PROVIDE || s->assign.kind == ASSIGN_PROVIDE_HIDDEN) &&
			    !provide_wanted(m->ctx, s->assign.name))
				break;
			e = s->assign.expr;
			track_dot(m, &s->assign);
			if (strcmp(s->assign.name, ".")) {
				/* (DEFINED sees it from here on; a constant has its value) */
				uint64_t v = 0;
				bool known = !m->in_section && static_value(m, e, &v);
				if (reads_sizeof_headers(m, e))
					m->ctx->sizeof_headers_read = true;
				if (reads_section_address(e))
					vec_push(m->seen_some, s->assign.name);
				else
					vec_push(m->seen, s->assign.name);
				set_known_value(m->values, s->assign.name, v, known);
				e = NULL;
			}
			break;
		case ST_ASSERT:
			e = s->assert_.cond;
			break;
		case ST_DATA:
			e = s->data.value;
			m->dot += data_kind_size(s->data.kind);
			break;
		case ST_SECTIONS:
			mark_phase_headers(m, s->sections);
			break;
		case ST_OUTPUT_SECTION:
		case ST_OVERLAY: {
			/* (no section has a size or address yet: `.' moves only by data statements;
			 * an overlay's end is an assignment with no value here) */
			const struct stmt *body = s->kind == ST_OUTPUT_SECTION ? s->osec->body : s->overlay->sections;
			m->in_section++;
			mark_phase_headers(m, body);
			m->in_section--;
			m->dot_known = m->dot_known && s->kind == ST_OUTPUT_SECTION;
			break;
		}
		default:
			break;
		}
		if (e && reads_sizeof_headers(m, e))
			m->ctx->sizeof_headers_read = true;
	}
}

void script_declare_symbols(struct ctx *ctx)
{
	mark_script(ctx, false);
	if (ctx->script && ctx->files.n) {
		struct known_values values = {0};
		struct marker m = {.ctx = ctx, .values = &values, .dot_known = true, .headers_known = true,
				   .mark_phase = true};
		for (size_t k = 0; k < ctx->defsym_stmts.n; k++)
			vec_push(m.seen, ctx->defsym_stmts.v[k]->assign.name);
		mark_phase_headers(&m, ctx->script->cmds);
		free(m.seen.v);
		free(m.seen_some.v);
		free(values.v);
	}
	for (size_t i = 0; i < ctx->defsym_stmts.n; i++) {
		const struct assign *a = &ctx->defsym_stmts.v[i]->assign;
		declare_assign(ctx, a);
		/* a constant --defsym has its value before layout: relaxation decisions need it */
		struct symbol *s = symbol_find(ctx, a->name);
		uint64_t v;
		if (s && s->kind == SYM_SCRIPT && expr_is_constant(a->expr) && script_eval_const(ctx, a->expr, &v)) {
			s->value = v;
			s->osec = NULL;
		}
	}
	if (ctx->script)
		declare_list(ctx, ctx->script->cmds);
}
