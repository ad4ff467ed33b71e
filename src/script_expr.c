/* Linker-script expression evaluation with GNU ld's section rules (ld/ldexp.c), and the
 * wildcard matching of input section descriptions (ld/ldlang.c).
 *
 * GNU ld gives every intermediate value one of three "sections": none (a plain number), the
 * absolute section, or an output section.  Internally `struct gval` keeps exactly that, so the
 * rules below read like ldexp.c's fold_* functions; the public `struct value` folds it into
 * {sec, number}. */
#include <stdarg.h>

#include "slink.h"
#include "script_lex.h"

/* stands for bfd_abs_section_ptr: an output section at address 0 */
static struct output_section abs_section;
#define ABS (&abs_section)

struct gval {
	uint64_t v;
	struct output_section *sec; /* NULL: plain number; ABS: absolute; else section-relative */
	bool ok;
};

struct eval {
	const struct script_env *env;
	struct output_section *cur; /* GNU's expld.section: ABS outside output sections */
	bool rel_from_abs;          /* GNU's expld.rel_from_abs: derived from `.` and the like */
};

static uint64_t vma(const struct output_section *s) { return s ? s->addr : 0; }

static struct gval number(uint64_t v) { return (struct gval){ v, NULL, true }; }
static struct gval absolute(uint64_t v) { return (struct gval){ v, ABS, true }; }
static struct gval relative(uint64_t v, struct output_section *s) { return (struct gval){ v, s, true }; }
static struct gval invalid(void) { return (struct gval){ 0, NULL, false }; }

/* a DATA_SEGMENT_* builtin GNU ld finds no value for (its caller may make that an error) */
static struct gval data_segment_failed(const struct script_env *env)
{
	if (env->data_segment_failed)
		*env->data_segment_failed = true;
	return invalid();
}

/* an absolute address expressed relative to the section being defined */
static struct gval rel_from_abs(struct eval *ev, uint64_t addr)
{
	ev->rel_from_abs = true;
	return relative(addr - vma(ev->cur), ev->cur);
}

static void make_abs(struct eval *ev, struct gval *g)
{
	if (g->sec)
		g->v += vma(g->sec);
	g->sec = ABS;
	ev->rel_from_abs = false;
}

static uint64_t align_n(uint64_t value, uint64_t align)
{
	if (align <= 1)
		return value;
	return (value + align - 1) / align * align;
}

static void eval_error(struct eval *ev, const struct expr *e, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void eval_error(struct eval *ev, const struct expr *e, const char *fmt, ...)
{
	if (!ev->env->report_errors)
		return;
	va_list ap;
	va_start(ap, fmt);
	script_verror(ev->env->ctx, &e->loc, "error", fmt, ap);
	va_end(ap);
}

static struct gval eval(struct eval *ev, const struct expr *e);

/* Outside output sections GNU ld makes numbers and absolute symbols absolute, unless the
 * script asked for LD_FEATURE("SANE_EXPR") */
static bool abs_context(const struct eval *ev)
{
	return ev->cur == ABS && !(ev->env->ctx && ev->env->ctx->sane_expr);
}

/* ldexp.c arith_result_section: same section on both sides gives a plain number (absolute
 * outside output sections) */
static void arith_result_section(struct eval *ev, struct gval *res, const struct gval *lhs)
{
	if (res->sec == lhs->sec)
		res->sec = abs_context(ev) ? ABS : NULL;
}

static struct gval eval_binary(struct eval *ev, const struct expr *e, enum expr_op op)
{
	struct gval lhs = eval(ev, e->a);
	struct gval res = eval(ev, e->b);
	res.ok = res.ok && lhs.ok;
	if (!res.ok)
		return invalid();
	if (lhs.sec != res.sec) {
		if (res.sec && lhs.sec) {
			/* different sections, neither a plain number: both absolute */
			make_abs(ev, &res);
			lhs.v += vma(lhs.sec);
			lhs.sec = ABS;
		} else if (!res.sec) {
			/* rhs a plain number: keep the lhs section */
			res.sec = lhs.sec;
			lhs.sec = NULL;
		}
	}
	uint64_t a = lhs.v, b = res.v;
	bool keeps_section = true;
	switch (op) {
	case OP_ADD: res.v = a + b; break;
	case OP_SUB: res.v = a - b; break;
	case OP_MUL: res.v = a * b; break;
	case OP_SHL: res.v = a << (b & 63); break; /* x86 shifts count modulo 64, as GNU ld's host */
	case OP_SHR: res.v = a >> (b & 63); break;
	case OP_AND: res.v = a & b; break;
	case OP_XOR: res.v = a ^ b; break;
	case OP_OR: res.v = a | b; break;
	case OP_DIV:
	case OP_MOD:
		if (b == 0) {
			eval_error(ev, e, op == OP_DIV ? "division by zero" : "modulo by zero");
			return invalid();
		}
		if ((int64_t)b == -1) /* INT64_MIN / -1 overflows in C; wraps in two's complement */
			res.v = op == OP_DIV ? -a : 0;
		else
			res.v = op == OP_DIV ? (uint64_t)((int64_t)a / (int64_t)b)
					     : (uint64_t)((int64_t)a % (int64_t)b);
		break;
	default:
		keeps_section = false;
		switch (op) {
		case OP_EQ: res.v = a == b; break;
		case OP_NE: res.v = a != b; break;
		case OP_LT: res.v = a < b; break;
		case OP_GT: res.v = a > b; break;
		case OP_LE: res.v = a <= b; break;
		case OP_GE: res.v = a >= b; break;
		case OP_ANDAND: res.v = a && b; break;
		case OP_OROR: res.v = a || b; break;
		default: return invalid();
		}
		res.sec = NULL; /* comparisons and logic give plain numbers */
	}
	if (keeps_section)
		arith_result_section(ev, &res, &lhs);
	return res;
}

/* MAX, MIN, ALIGN(a, b): the section of the operands after the binary preamble */
static struct gval eval_pair(struct eval *ev, const struct expr *e, struct gval *lhs_out)
{
	struct gval lhs = eval(ev, e->a);
	struct gval res = eval(ev, e->b);
	res.ok = res.ok && lhs.ok;
	if (res.ok && lhs.sec != res.sec) {
		if (res.sec && lhs.sec) {
			make_abs(ev, &res);
			lhs.v += vma(lhs.sec);
			lhs.sec = ABS;
		} else if (!res.sec) {
			res.sec = lhs.sec;
			lhs.sec = NULL;
		}
	}
	*lhs_out = lhs;
	return res;
}

static unsigned log2ceil(uint64_t v)
{
	unsigned r = 0;
	while (r < 64 && ((uint64_t)1 << r) < v)
		r++;
	return r;
}

/* ADDR, LOADADDR, SIZEOF, ALIGNOF */
static bool query_section(struct eval *ev, const struct expr *e, struct section_info *info)
{
	const struct script_env *env = ev->env;
	if (!env->section_query) {
		eval_error(ev, e, "`%s' cannot be evaluated here", e->name);
		return false;
	}
	switch (env->section_query(env->ud, e->name, info)) {
	case SECTION_OK:
		return true;
	case SECTION_MISSING:
		eval_error(ev, e, "undefined section `%s' referenced in expression", e->name);
		return false;
	case SECTION_NOT_PLACED:
		break;
	}
	return false;
}

static struct gval eval_call(struct eval *ev, const struct expr *e)
{
	const struct script_env *env = ev->env;
	struct section_info info = { 0 };
	struct gval g, lhs;
	switch (e->fn) {
	case FN_ABSOLUTE:
		g = eval(ev, e->a);
		if (g.ok)
			make_abs(ev, &g);
		return g;
	case FN_ADDR:
		if (!query_section(ev, e, &info) || info.addr_pending)
			return invalid();
		return info.osec ? relative(0, info.osec) : absolute(info.addr);
	case FN_LOADADDR:
		if (!query_section(ev, e, &info) || info.lma_pending)
			return invalid();
		return absolute(info.lma);
	case FN_SIZEOF:
	case FN_ALIGNOF:
		if (!query_section(ev, e, &info))
			return invalid();
		return number(e->fn == FN_SIZEOF ? info.size : info.align);
	case FN_ALIGN:
		if (e->b) { /* ALIGN(exp, align) */
			g = eval_pair(ev, e, &lhs);
			if (g.ok)
				g.v = align_n(lhs.v, g.v);
			return g;
		}
		/* ALIGN(align) aligns `.` */
		/* fall through */
	case FN_BLOCK:
		g = eval(ev, e->a);
		if (!g.ok)
			return g;
		if (!env->dot_ok) {
			eval_error(ev, e, "`.' is not available in this expression");
			return invalid();
		}
		return rel_from_abs(ev, align_n(env->dot, g.v));
	case FN_NEXT:
		g = eval(ev, e->a);
		if (!g.ok)
			return g;
		if (!env->dot_ok) {
			eval_error(ev, e, "`.' is not available in this expression");
			return invalid();
		}
		make_abs(ev, &g);
		g.v = align_n(env->dot, g.v);
		return g;
	case FN_MAX:
	case FN_MIN:
		g = eval_pair(ev, e, &lhs);
		if (g.ok && (e->fn == FN_MAX ? lhs.v > g.v : lhs.v < g.v))
			g.v = lhs.v;
		return g;
	case FN_LOG2CEIL:
		g = eval(ev, e->a);
		return g.ok ? number(log2ceil(g.v)) : g;
	case FN_DEFINED:
		if (!env->defined) {
			eval_error(ev, e, "DEFINED(%s) cannot be evaluated here", e->name);
			return invalid();
		}
		return number(env->defined(env->ud, e->name));
	case FN_LENGTH:
	case FN_ORIGIN: {
		uint64_t origin, length;
		if (!env->region || !env->region(env->ud, e->name, &origin, &length)) {
			eval_error(ev, e, "undefined MEMORY region `%s' referenced in expression",
				   e->name);
			return invalid();
		}
		return e->fn == FN_LENGTH ? number(length) : rel_from_abs(ev, origin);
	}
	case FN_SEGMENT_START:
		g = eval(ev, e->a);
		if (!g.ok)
			return g;
		return rel_from_abs(ev, env->segment_start ? env->segment_start(env->ud, e->name, g.v)
							    : g.v);
	case FN_SIZEOF_HEADERS:
		if (!env->sizeof_headers) {
			eval_error(ev, e, "SIZEOF_HEADERS cannot be evaluated here");
			return invalid();
		}
		return number(env->sizeof_headers(env->ud));
	case FN_CONSTANT:
		return number(strcmp(e->name, "MAXPAGESIZE") == 0 ? env->maxpagesize
								   : env->commonpagesize);
	case FN_ASSERT:
		g = eval(ev, e->a);
		if (g.ok && g.v == 0 && env->report_errors)
			script_error(env->ctx, &e->loc, "%s", e->name);
		return g;
	case FN_DATA_SEGMENT_ALIGN:
	case FN_DATA_SEGMENT_RELRO_END: {
		g = eval_pair(ev, e, &lhs);
		if (!g.ok)
			return invalid();
		/* only meaningful outside output sections, as in GNU ld */
		if (ev->cur != ABS || !env->dot_ok)
			return data_segment_failed(env);
		uint64_t v = g.v;
		bool ok = true;
		if (e->fn == FN_DATA_SEGMENT_ALIGN) {
			if (env->data_segment_align)
				ok = env->data_segment_align(env->ud, env->dot, lhs.v, g.v, &v);
			else
				v = align_n(env->dot, lhs.v) + (env->dot & (lhs.v - 1));
		} else if (env->data_segment_relro_end) {
			ok = env->data_segment_relro_end(env->ud, env->dot, lhs.v, &v);
		}
		return ok ? rel_from_abs(ev, v) : data_segment_failed(env);
	}
	case FN_DATA_SEGMENT_END:
		g = eval(ev, e->a);
		if (!g.ok)
			return invalid();
		if (ev->cur != ABS || !env->dot_ok)
			return data_segment_failed(env);
		if (env->data_segment_end && !env->data_segment_end(env->ud, env->dot, &g.v))
			return data_segment_failed(env);
		return g;
	}
	return invalid();
}

static struct gval eval(struct eval *ev, const struct expr *e)
{
	const struct script_env *env = ev->env;
	struct gval g;
	switch (e->kind) {
	case EXPR_NUM:
		/* GNU ld: numbers outside output sections are absolute */
		return abs_context(ev) ? absolute(e->num) : number(e->num);
	case EXPR_DOT:
		if (!env->dot_ok) {
			eval_error(ev, e, "`.' is not available in this expression");
			return invalid();
		}
		return rel_from_abs(ev, env->dot);
	case EXPR_SYMBOL: {
		uint64_t val = 0;
		struct output_section *sec = NULL;
		if (!env->symbol || !env->symbol(env->ud, e->name, &val, &sec)) {
			eval_error(ev, e, "undefined symbol `%s' referenced in expression", e->name);
			return invalid();
		}
		if (sec)
			return relative(val, sec);
		/* absolute symbols are plain numbers inside output sections */
		return abs_context(ev) ? absolute(val) : number(val);
	}
	case EXPR_UNARY:
		g = eval(ev, e->a);
		if (!g.ok)
			return g;
		switch (e->op) {
		case OP_NEG: g.v = -g.v; break;
		case OP_NOT: g.v = !g.v; break;
		case OP_BITNOT: g.v = ~g.v; break;
		default: break;
		}
		return g;
	case EXPR_BINARY:
		return eval_binary(ev, e, e->op);
	case EXPR_COND:
		g = eval(ev, e->a);
		if (!g.ok)
			return g;
		return eval(ev, g.v ? e->b : e->c);
	case EXPR_CALL:
		return eval_call(ev, e);
	}
	return invalid();
}

struct value script_eval(const struct expr *e, const struct script_env *env)
{
	struct eval ev = { env, env->section ? env->section : ABS, false };
	struct gval g = eval(&ev, e);
	if (!g.ok)
		return (struct value){ 0 };
	if (g.sec == ABS)
		return (struct value){ g.v, NULL, false, true, ev.rel_from_abs };
	if (!g.sec) /* a plain number outside sections is absolute, rel_from_abs included */
		return (struct value){ g.v, NULL, true, true, ev.rel_from_abs };
	return (struct value){ g.v, g.sec, false, true, false };
}

uint64_t script_value_addr(struct value v) { return v.val + (v.sec ? v.sec->addr : 0); }

struct value script_value_for_assign(struct value v, struct output_section *cur)
{
	if (v.ok && v.number && cur) {
		v.sec = cur;
		v.number = false;
	}
	v.number = false;
	return v;
}

bool script_eval_const(struct ctx *ctx, const struct expr *e, uint64_t *out)
{
	struct script_env env = { .ctx = ctx, .report_errors = true };
	struct value v = script_eval(e, &env);
	if (!v.ok)
		return false;
	*out = script_value_addr(v);
	return true;
}

/* ---- wildcards ------------------------------------------------------------------------ */

/* [...] at p (after '['); returns the position after ']' or NULL when unterminated */
static const char *match_bracket(const char *p, unsigned char c, bool *matched)
{
	bool negate = *p == '!' || *p == '^';
	if (negate)
		p++;
	bool hit = false;
	const char *start = p;
	while (*p && (*p != ']' || p == start)) {
		unsigned char lo = (unsigned char)*p, hi = lo;
		if (*p == '\\' && p[1])
			lo = hi = (unsigned char)*++p;
		if (p[1] == '-' && p[2] && p[2] != ']') {
			hi = (unsigned char)p[2];
			p += 2;
		}
		if (c >= lo && c <= hi)
			hit = true;
		p++;
	}
	if (*p != ']')
		return NULL;
	*matched = hit != negate;
	return p + 1;
}

bool glob_match(const char *pat, const char *s)
{
	const char *star_pat = NULL, *star_s = NULL;
	for (;;) {
		if (*pat == '*') {
			while (*pat == '*')
				pat++;
			if (!*pat)
				return true;
			star_pat = pat;
			star_s = s;
			continue;
		}
		if (*s) {
			bool ok = false;
			const char *after = pat + 1;
			if (*pat == '?') {
				ok = true;
			} else if (*pat == '[') {
				bool hit;
				const char *end = match_bracket(pat + 1, (unsigned char)*s, &hit);
				if (end) {
					ok = hit;
					after = end;
				} else {
					ok = *s == '['; /* unterminated: a literal '[' */
				}
			} else if (*pat == '\\' && pat[1]) {
				ok = pat[1] == *s;
				after = pat + 2;
			} else {
				ok = *pat && *pat == *s;
			}
			if (ok) {
				pat = after;
				s++;
				continue;
			}
		} else if (!*pat) {
			return true;
		}
		/* mismatch: let the last '*' take one more character */
		if (!star_pat || !*star_s)
			return false;
		pat = star_pat;
		s = ++star_s;
	}
}

bool glob_has_wildcard(const char *pattern) { return strpbrk(pattern, "?*[") != NULL; }

static bool name_match(const char *pattern, const char *name)
{
	if (!name)
		return false;
	return glob_has_wildcard(pattern) ? glob_match(pattern, name) : strcmp(pattern, name) == 0;
}

/* ldlang.c input_statement_is_archive_path: "archive:member", "archive:", ":member" */
static bool archive_path_match(const char *pattern, const char *sep, const char *path,
			       const char *archive, const char *member)
{
	const char *filename = archive ? member : path;
	if (sep[1] && !name_match(sep + 1, filename))
		return false;
	if ((sep != pattern) != (archive != NULL))
		return false;
	if (sep == pattern)
		return true;
	char buf[4096];
	size_t n = (size_t)(sep - pattern);
	if (n >= sizeof buf)
		return false;
	memcpy(buf, pattern, n);
	buf[n] = 0;
	return name_match(buf, archive);
}

bool script_file_excluded(const struct name_list *exclude, const char *path, const char *archive,
			  const char *member)
{
	const char *filename = archive ? member : path;
	for (const struct name_list *n = exclude; n; n = n->next) {
		const char *sep = strchr(n->name, ':');
		if (sep) {
			if (archive_path_match(n->name, sep, path, archive, member))
				return true;
		} else if (name_match(n->name, filename) || (archive && name_match(n->name, archive))) {
			return true;
		}
	}
	return false;
}

bool script_match_file(const struct file_pattern *fp, const char *path, const char *given,
		       const char *archive, const char *member)
{
	if (script_file_excluded(fp->exclude, path, archive, member))
		return false;
	const char *pat = fp->pattern;
	if (!pat)
		return true;
	const char *sep = strchr(pat, ':');
	if (sep)
		return archive_path_match(pat, sep, path, archive, member);
	if (glob_has_wildcard(pat))
		/* a member's own name, or its archive's path (the archive's input statement) */
		return glob_match(pat, archive ? member : path) || (archive && glob_match(pat, archive));
	/* a plain name is the file of that name on the command line or in a script (GNU ld's
	 * lookup_name), never an archive's member */
	return !archive && given && strcmp(pat, given) == 0;
}

bool script_match_section(const struct section_pattern *sp, const char *name)
{
	return name_match(sp->pattern, name);
}

bool expr_calls(const struct expr *e, enum expr_fn fn)
{
	if (!e)
		return false;
	if (e->kind == EXPR_CALL && e->fn == fn)
		return true;
	return expr_calls(e->a, fn) || expr_calls(e->b, fn) || expr_calls(e->c, fn);
}

void stmt_for_each_assign(const struct stmt *s, int in_section, assign_visit_fn *fn, void *ud)
{
	for (; s; s = s->next) {
		if (s->kind == ST_ASSIGN)
			fn(s, in_section, ud);
		else if (s->kind == ST_SECTIONS)
			stmt_for_each_assign(s->sections, in_section, fn, ud);
		else if (s->kind == ST_OUTPUT_SECTION)
			stmt_for_each_assign(s->osec->body, in_section + 1, fn, ud);
		else if (s->kind == ST_OVERLAY)
			stmt_for_each_assign(s->overlay->sections, in_section + 1, fn, ud);
	}
}
