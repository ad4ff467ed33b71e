/* Address assignment: walk the SECTIONS statements evaluating `.`, place output sections and
 * their inputs, define script symbols, and repeat until nothing moves.  DATA_SEGMENT_ALIGN,
 * DATA_SEGMENT_RELRO_END and DATA_SEGMENT_END follow GNU ld's state machine, including the
 * extra pass that slides the relro region so that it ends on a page boundary. */
#include <stdlib.h>

#include "layout.h"
#include "oformat.h"
#include "passes.h"
#include "target.h"

enum { MAX_PASSES = 16 };

/* ---- the evaluator's view of the link ---- */

static bool env_symbol(void *ud, const char *name, uint64_t *val, struct output_section **sec)
{
	struct layout *L = ud;
	struct symbol *s = symbol_find(L->ctx, name);
	if (!s)
		return false;
	switch (s->kind) {
	case SYM_DEFINED:
		if (s->isec && !s->isec->out && s->isec->discarded) {
			/* GNU ld gives a discarded section (--gc-sections, /DISCARD/) the absolute
			 * section as output: its symbols read as plain numbers (lang_add_section) */
			*sec = NULL;
			*val = s->value;
		} else if (s->isec) {
			if (!s->isec->out)
				return false;
			/* GNU ld moves global symbols to their merged entries only when it writes the
			 * output: script expressions see the unmerged offset */
			*sec = s->isec->out;
			*val = s->isec->out_offset + s->value;
		} else {
			*sec = NULL;
			*val = s->value;
		}
		return true;
	case SYM_SCRIPT:
		*sec = s->osec;
		*val = s->value;
		return true;
	default:
		return false;
	}
}

static bool env_defined(void *ud, const char *name)
{
	struct layout *L = ud;
	struct symbol *s = symbol_find(L->ctx, name);
	/* GNU ld runs a constraint-dropped statement's assignments only in its assignment passes,
	 * never while sizing: what sizing decides (a section's address) sees them undefined */
	if (L->sizing_semantics && s && s->kind == SYM_SCRIPT && s->dropped_def)
		return false;
	/* a script's symbol only once its assignment has run in this walk (GNU ld's
	 * lang_definedness iteration) */
	return s && (s->kind == SYM_DEFINED || s->kind == SYM_COMMON ||
		     (s->kind == SYM_SCRIPT && (s->by_object || (s->script_seen && s->script_walk == L->walk_no))));
}

static enum section_query env_section(void *ud, const char *name, struct section_info *out)
{
	struct layout *L = ud;
	struct layout_osec *lo = layout_find_osec(L, name);
	if (!lo)
		L->missing_seen = true;
	if (!lo && L->sizing_only) {
		*out = (struct section_info){.addr_pending = true, .lma_pending = true};
		return SECTION_OK;
	}
	if (!lo)
		return SECTION_MISSING;
	out->osec = lo->os;
	out->addr = lo->os->addr;
	out->lma = lo->os->lma;
	out->size = lo->removed ? 0 : lo->os->size;
	out->align = osec_made(lo) ? lo->os->align : 0; /* ALIGNOF without a bfd section: 0 */
	if (L->forward_check && !L->final_pass) {
		out->addr_pending = lo->vma_walk != L->walk_no;
		out->lma_pending = lo->lma_walk != L->walk_no;
	}
	return SECTION_OK;
}

static bool env_region(void *ud, const char *name, uint64_t *origin, uint64_t *length)
{
	struct layout *L = ud;
	struct region *r = region_find(L, name);
	if (!r)
		return false;
	*origin = r->origin;
	*length = r->length;
	return true;
}

static uint64_t env_sizeof_headers(void *ud)
{
	struct layout *L = ud;
	if (!oformat_is_elf(L->ctx))
		return 0; /* binary, ihex, srec...: no headers in the output (GNU ld's bfd_sizeof_headers) */
	if (!L->presizing) /* a script that asks for the header size wants them loaded */
		L->load_phdrs = true;
	if (L->mark_phase) /* GNU ld does not size the headers only to mark sections */
		return 0;
	if (!L->presizing)
		L->headers_sized = true;
	return target_headers_size(L->ctx->target, L->phnum);
}

static uint64_t env_segment_start(void *ud, const char *segment, uint64_t deflt)
{
	struct layout *L = ud;
	const struct options *o = &L->ctx->opt;
	size_t i;
	uint64_t v = segment_start_option(o, segment, deflt, &i);
	if (i != (size_t)-1) {
		if (L->segment_used.n < o->section_starts.n) {
			vec_reserve(L->segment_used, o->section_starts.n);
			memset(L->segment_used.v, 0, o->section_starts.n * sizeof(bool));
			L->segment_used.n = o->section_starts.n;
		}
		L->segment_used.v[i] = true;
	}
	return v;
}

/* DATA_SEGMENT_ALIGN(maxpagesize, commonpagesize) (GNU ld's fold_segment_align) */
static bool env_ds_align(void *ud, uint64_t dot, uint64_t maxpage, uint64_t commonpage, uint64_t *value)
{
	struct layout *L = ud;
	struct dataseg *seg = &L->seg;
	uint64_t v = align_to(dot, maxpage);
	L->in_relro = true;
	if (seg->phase == SEG_RELRO_ADJUST) {
		*value = seg->base;
		return true;
	}
	if (seg->phase == SEG_ADJUST) {
		if (commonpage < maxpage)
			v += (dot + commonpage - 1) & (maxpage - commonpage);
		*value = v;
		return true;
	}
	if (!L->relro_enabled)
		v += dot & (maxpage - 1);
	*value = v;
	if (seg->phase == SEG_DONE)
		return true;
	if (seg->phase != SEG_NONE)
		return false; /* a second one in the same pass */
	seg->phase = SEG_ALIGN_SEEN;
	seg->base = v;
	seg->commonpagesize = commonpage;
	seg->maxpagesize = maxpage;
	seg->relropagesize = maxpage;
	seg->relro_end = 0;
	return true;
}

/* DATA_SEGMENT_RELRO_END(offset, exp): sets the new `.` (fold_segment_relro_end) */
static bool env_ds_relro_end(void *ud, uint64_t dot, uint64_t offset, uint64_t *exp)
{
	struct layout *L = ud;
	struct dataseg *seg = &L->seg;
	(void)dot;
	L->in_relro = false;
	seg->relro_offset = offset;
	if (seg->phase != SEG_ALIGN_SEEN && seg->phase != SEG_ADJUST && seg->phase != SEG_RELRO_ADJUST &&
	    seg->phase != SEG_DONE)
		return false; /* no DATA_SEGMENT_ALIGN before it */
	if (seg->phase == SEG_ALIGN_SEEN || seg->phase == SEG_RELRO_ADJUST)
		seg->relro_end = *exp + offset;
	if (seg->phase == SEG_RELRO_ADJUST && (seg->relro_end & (seg->relropagesize - 1))) {
		seg->relro_end = align_to(seg->relro_end, seg->relropagesize);
		*exp = seg->relro_end - offset;
	}
	if (seg->phase == SEG_ALIGN_SEEN)
		seg->phase = SEG_RELRO_SEEN;
	return true;
}

/* DATA_SEGMENT_END(exp) (fold_segment_end) */
static bool env_ds_end(void *ud, uint64_t dot, uint64_t *value)
{
	struct layout *L = ud;
	struct dataseg *seg = &L->seg;
	(void)dot;
	if (seg->phase == SEG_ALIGN_SEEN || seg->phase == SEG_RELRO_SEEN) {
		seg->phase = SEG_END_SEEN;
		seg->end = *value;
		return true;
	}
	return seg->phase == SEG_DONE || seg->phase == SEG_ADJUST || seg->phase == SEG_RELRO_ADJUST;
}

static void env_init(struct layout *L, struct script_env *env)
{
	*env = (struct script_env){
		.ctx = L->ctx,
		.ud = L,
		.dot_ok = true,
		.report_errors = L->final_pass,
		.maxpagesize = L->maxpagesize,
		.commonpagesize = L->commonpagesize,
		.symbol = env_symbol,
		.defined = env_defined,
		.section_query = env_section,
		.region = env_region,
		.sizeof_headers = env_sizeof_headers,
		.segment_start = env_segment_start,
		.data_segment_align = env_ds_align,
		.data_segment_relro_end = env_ds_relro_end,
		.data_segment_end = env_ds_end,
	};
}

/* ---- assignments ---- */

/* Does the value of this expression come from `.` (GNU ld's rel_from_abs)?  Such symbols,
 * assigned outside output sections, end up relative to a nearby section. */
/* GNU ld's section_for_dot(): the section a top-level `sym = .` belongs to. */
static struct output_section *section_for_dot(struct layout *L)
{
	if (!L->current_section || L->prefer_next_section) {
		struct layout_osec *next = NULL;
		for (size_t i = L->node_index + 1; i < L->nodes.n; i++) {
			struct layout_osec *lo = L->nodes.v[i].kind == LN_OSEC ? L->nodes.v[i].lo : NULL;
			if (!lo)
				continue;
			if (lo->after_end || !lo->removed) {
				next = lo;
				break;
			}
		}
		if (!L->current_section || !next || !next->after_end) {
			/* the next kept section, or walking back from it along bfd's section list to
			 * an allocated non-TLS one */
			size_t start = next && L->section_list ? next->list_pos + 1 : L->section_list_n;
			for (size_t i = start; i-- > 0;) {
				struct layout_osec *lo = L->section_list[i];
				if (!lo->removed && osec_bfd_alloc(lo->os) && !osec_bfd_tls(lo->os))
					return lo->os;
			}
			return NULL;
		}
	}
	/* the current section, or, if it was stripped or is TLS, the allocated non-TLS one
	 * before it in bfd's section list (else the first after the list's start) */
	struct layout_osec **list = L->section_list;
	size_t n = L->section_list_n, pos = L->current_section->list_pos;
	if (!list || pos >= n || list[pos] != L->current_section)
		return L->current_section->os;
	for (size_t i = pos + 1; i-- > 0;)
		if (!list[i]->removed && osec_bfd_alloc(list[i]->os) && !osec_bfd_tls(list[i]->os))
			return list[i]->os;
	for (size_t i = 0; i < n; i++)
		if (!list[i]->removed && osec_bfd_alloc(list[i]->os) && !osec_bfd_tls(list[i]->os))
			return list[i]->os;
	return NULL;
}

/* The symbols an expression reads, as GNU ld counts them: a ?: reads only its taken branch. */
static void single_symbol_read(const struct expr *e, struct script_env *env, const char **name, int *n)
{
	if (!e)
		return;
	if (e->kind == EXPR_SYMBOL) {
		*name = e->name;
		(*n)++;
		return;
	}
	if (e->kind == EXPR_COND) {
		struct value c = script_eval(e->a, env);
		if (c.ok)
			single_symbol_read(script_value_addr(c) ? e->b : e->c, env, name, n);
		return;
	}
	single_symbol_read(e->a, env, name, n);
	single_symbol_read(e->b, env, name, n);
	single_symbol_read(e->c, env, name, n);
}

/* Whether evaluating an expression reads symbol NAME (a ?: reads only its taken branch). */
static bool reads_symbol(const struct expr *e, struct script_env *env, const char *name)
{
	if (!e)
		return false;
	if (e->kind == EXPR_SYMBOL)
		return !strcmp(e->name, name);
	if (e->kind == EXPR_COND) {
		struct value c = script_eval(e->a, env);
		return c.ok && reads_symbol(script_value_addr(c) ? e->b : e->c, env, name);
	}
	return reads_symbol(e->a, env, name) || reads_symbol(e->b, env, name) || reads_symbol(e->c, env, name);
}

/* Does a PROVIDE define its symbol: referenced and not defined by an object (GNU ld's
 * etree_provided)? */
static bool provide_defines(const struct symbol *s)
{
	if (!s || !(s->kind == SYM_UNDEF || (s->kind == SYM_SCRIPT && s->provide)))
		return false;
	return s->kind != SYM_UNDEF || symbol_wants_provide(s);
}

/* An empty output section leaves the output, but GNU ld still places it like any other
 * (`.` moves to its address, alignment included) when it is the last of an overlay or a
 * symbol is assigned in it: "this symbol may be relative to this section" (update_dot). */
static bool keeps_place(struct layout *L, const struct layout_osec *lo)
{
	if (lo->overlay_last)
		return true;
	for (size_t i = 0; i < lo->items.n; i++) {
		if (lo->items.v[i].kind != IT_ASSIGN)
			continue;
		const struct assign *a = &lo->items.v[i].st->assign;
		if (strcmp(a->name, ".") &&
		    ((a->kind != ASSIGN_PROVIDE && a->kind != ASSIGN_PROVIDE_HIDDEN) || a->committed ||
		     provide_defines(symbol_find(L->ctx, a->name))))
			return true;
	}
	return false;
}

static void define_symbol(struct layout *L, const struct stmt *st, struct output_section *cur, uint64_t dot)
{
	struct ctx *ctx = L->ctx;
	const struct assign *a = &st->assign;
	struct symbol *s = symbol_find(ctx, a->name);
	bool provide = (a->kind == ASSIGN_PROVIDE || a->kind == ASSIGN_PROVIDE_HIDDEN) && !a->committed;
	if (provide) {
		/* PROVIDE defines only a symbol that is referenced and not defined by an object;
		 * PROVIDE_HIDDEN hides one an object defines all the same (bfd's
		 * bfd_elf_record_link_assignment) */
		if (s && s->kind == SYM_DEFINED && a->kind == ASSIGN_PROVIDE_HIDDEN)
			s->forced_local = true;
		if (!provide_defines(s))
			return;
	}
	struct script_env env;
	env_init(L, &env);
	env.dot = dot;
	env.section = cur;
	/* an ADDR or LOADADDR of a section this sizing pass has not placed yet has no value
	 * (GNU ld resets them before each pass): the symbol keeps the one it had, unless GNU ld
	 * ran all the assignments on the last layout before this pass */
	L->forward_check = !L->refreshed;
	/* GNU ld assigns `x = x + 1` (and `x += 1`) only in the final pass, unless x is an
	 * absolute script symbol already assigned in this walk: while sizing, x keeps the value
	 * its other assignments give it (ldexp.c's assign_name) */
	if (!L->final_pass && reads_symbol(a->expr, &env, a->name) &&
	    !(s && s->kind == SYM_SCRIPT && !s->osec && s->script_seen && s->script_walk == L->walk_no)) {
		L->forward_check = false;
		return;
	}
	struct value v = script_eval(a->expr, &env);
	L->forward_check = false;
	if (!v.ok) {
		if (s && (s->kind == SYM_SCRIPT || s->kind == SYM_DEFINED))
			return; /* keep last pass's value */
		v = (struct value){.val = 0, .ok = true};
	}
	v = script_value_for_assign(v, cur);
	if (!s)
		s = symbol_intern(ctx, arena_strdup(&ctx->arena, a->name));
	struct output_section *sec = v.sec;
	uint64_t val = v.val;
	/* An absolute value computed from `.` (anywhere in the expression, even a ?: condition)
	 * ends up relative to a nearby section in the output (GNU ld's ldexp_finalize_syms), but
	 * stays absolute for the expressions that use the symbol meanwhile. */
	s->final_osec = !sec && v.from_dot ? section_for_dot(L) : NULL;
	s->rel_from_abs = v.from_dot;
	if (s->kind != SYM_SCRIPT || s->osec != sec || s->value != val)
		L->changed = true;
	/* bfd's hash entry keeps the type an object gave it (by definition or reference), and
	 * the size of a definition */
	if (s->kind != SYM_SCRIPT) {
		if (s->kind != SYM_DEFINED)
			s->size = 0;
		s->bind = STB_GLOBAL;
		s->by_object = s->kind == SYM_DEFINED || s->kind == SYM_COMMON;
	}
	/* an expression that reads one symbol copies its type and visibility (GNU ld's
	 * assign_src and bfd_copy_link_hash_symbol_type) */
	const char *src_name = NULL;
	int nrefs = 0;
	single_symbol_read(a->expr, &env, &src_name, &nrefs);
	if (nrefs == 1) {
		struct symbol *src = symbol_find(ctx, src_name);
		if (src && src != s) {
			s->type = src->type;
			/* (HIDDEN() sets bfd's visibility only where GNU ld records the assignment:
			 * not in a statement its constraint dropped) */
			bool hidden = src->kind == SYM_SCRIPT ? src->hidden_other : src->forced_local;
			uint8_t sv = hidden ? STV_HIDDEN : src->visibility, dv = s->visibility;
			if (sv && (!dv || sv < dv)) {
				s->visibility = sv;
				/* from a symbol the script defines, bfd copies only when sizing, after
				 * it hid the hidden ones; an object's is copied before */
				s->visibility_copied = src->kind == SYM_SCRIPT;
			}
		}
	}
	s->kind = SYM_SCRIPT;
	s->dropped_def = cur == &ctx->und_section && sec == cur;
	s->osec = sec;
	s->value = val;
	s->isec = NULL;
	s->file = NULL;
	s->provide = provide;
	s->script_seen = true;
	s->script_walk = L->walk_no;
	if (a->kind == ASSIGN_PROVIDE_HIDDEN || a->kind == ASSIGN_HIDDEN) {
		s->forced_local = true; /* GNU ld: a local of the output, visibility unchanged */
		/* (bfd records the hidden visibility before sizing: not of a PROVIDE only
		 * sizing wants) */
		s->hidden_other |= cur != &ctx->und_section && !(provide && s->sizing_ref);
	}
}

/* `. = expr`; returns the new dot */
static uint64_t eval_abs(struct layout *L, const struct expr *e, uint64_t dot, struct output_section *cur, bool *ok);

/* GNU ld's fatal error for an expression that needs the address of a section not placed yet
 * in this sizing pass (a forward reference): said once */
static void forward_error(struct layout *L, const struct src_loc *loc, const char *what)
{
	if (L->forward_reported)
		return;
	L->forward_reported = true;
	script_error(L->ctx, loc, "%s", what);
}

/* after `e` failed under forward_check: whether a forward ADDR/LOADADDR made it fail, or one
 * of a section that does not exist (GNU ld finds either invalid while sizing, and fails) */
static bool forward_ref(struct layout *L, const struct expr *e, uint64_t dot, struct output_section *cur)
{
	bool ok;
	L->missing_seen = false;
	eval_abs(L, e, dot, cur, &ok);
	return ok || L->missing_seen;
}

static uint64_t assign_dot(struct layout *L, const struct stmt *st, struct output_section *cur, uint64_t dot)
{
	struct script_env env;
	env_init(L, &env);
	env.dot = dot;
	env.section = cur;
	L->forward_check = true;
	bool ds_failed = false;
	env.data_segment_failed = &ds_failed;
	struct value v = script_eval(st->assign.expr, &env);
	L->forward_check = false;
	if (!v.ok) {
		/* (a DATA_SEGMENT_* out of order or inside a section: GNU ld fails while sizing) */
		if (!L->final_pass && (ds_failed || forward_ref(L, st->assign.expr, dot, cur)))
			forward_error(L, &st->loc, "invalid assignment to location counter");
		return dot;
	}
	v = script_value_for_assign(v, cur);
	uint64_t nd = script_value_addr(v);
	if (cur && nd < dot) {
		if (L->final_pass)
			script_error(L->ctx, &st->loc, "cannot move location counter backwards (from %016llx to %016llx)",
				     (unsigned long long)dot, (unsigned long long)nd);
		return dot;
	}
	return nd;
}

static void check_assert(struct layout *L, const struct stmt *st, struct output_section *cur, uint64_t dot)
{
	if (!L->final_pass)
		return;
	struct script_env env;
	env_init(L, &env);
	env.dot = dot;
	env.section = cur;
	struct value v = script_eval(st->assert_.cond, &env);
	if (v.ok && !script_value_addr(v)) {
		fprintf(stderr, "slink: %s\n", st->assert_.message);
		L->ctx->errors++;
	}
}

static bool top_assign_is_end(const char *name)
{
	while (*name == '_')
		name++;
	return !strcmp(name, "end");
}

/* ---- output sections ---- */

static uint64_t eval_abs(struct layout *L, const struct expr *e, uint64_t dot, struct output_section *cur, bool *ok)
{
	struct script_env env;
	env_init(L, &env);
	env.dot = dot;
	env.section = cur;
	struct value v = script_eval(e, &env);
	if (ok)
		*ok = v.ok;
	return v.ok ? script_value_addr(v) : 0;
}

/* eval_abs for what GNU ld folds only while sizing sections */
static uint64_t sizing_eval(struct layout *L, const struct expr *e, uint64_t dot, struct output_section *cur, bool *ok)
{
	L->sizing_only = true;
	uint64_t v = eval_abs(L, e, dot, cur, ok);
	L->sizing_only = false;
	return v;
}

static uint64_t section_start_override(struct layout *L, const char *name, bool *found)
{
	const struct options *o = &L->ctx->opt;
	*found = false;
	for (size_t i = o->section_starts.n; i-- > 0;) {
		const struct section_start *ss = &o->section_starts.v[i];
		if (strcmp(ss->name, name))
			continue;
		/* -Ttext etc. are ignored once the script asked SEGMENT_START for that segment */
		if (ss->segment && i < L->segment_used.n && L->segment_used.v[i])
			continue;
		*found = true;
		return ss->addr;
	}
	return 0;
}

static uint64_t pow2_ceil(uint64_t x)
{
	uint64_t p = 1;
	while (p && p < x)
		p <<= 1;
	return p;
}

/* `.` after the last member of an OVERLAY: ADDR(first) + the largest member size */
static uint64_t overlay_end(struct layout *L, struct layout_osec *last)
{
	struct layout_osec *first = last->overlay_first;
	uint64_t max = 0;
	for (size_t i = node_of(L, first); i < L->nodes.n; i++) {
		struct layout_osec *lo = L->nodes.v[i].lo;
		if (L->nodes.v[i].kind != LN_OSEC || lo->overlay_first != first)
			continue;
		uint64_t sz = lo->removed ? 0 : lo->os->size;
		if (sz > max)
			max = sz;
		if (lo == last)
			break;
	}
	return first->os->addr + max;
}

static void add_pad(struct layout_osec *lo, uint64_t offset, uint64_t size, const struct fill_pattern *fill)
{
	if (size)
		vec_push(lo->pads, ((struct pad){offset, size, fill}));
}

/* GNU ld (lang_size_sections_1): `.` moved forward inside a section gives it space, so it is
 * allocated unless its type says otherwise; with no contents of its own it is NOBITS (bfd's
 * elf_fake_sections), unless its name has a type of its own */
static void dot_advanced(struct layout *L, struct layout_osec *lo)
{
	struct output_section *os = lo->os;
	if (lo->noalloc) /* DSECT/COPY/INFO/OVERLAY, and NOLOAD for a non-ELF output */
		return;
	os->flags |= SHF_ALLOC;
	lo->dot_alloc = true;
	/* NOLOAD took the contents of its (non-allocated) inputs: allocated now, it is NOBITS
	 * (its PT_LOAD makes it so: -r, without segments, keeps a type the name has of its own) */
	uint32_t own;
	if (os->noload && os->has_inputs &&
	    !(ctx_relocatable(L->ctx) && layout_special_type(os->name, &own) && own != SHT_PROGBITS &&
	      own != SHT_NOTE && own != SHT_NOBITS))
		os->type = SHT_NOBITS;
	if (os->has_inputs || lo->has_data)
		return;
	/* bfd's elf_fake_sections: allocated without contents is NOBITS whatever the name (its
	 * PT_LOAD makes it so), but keeps the entry size the name's type gave it; -r has no
	 * segments, and the name's type stays */
	uint32_t type;
	if (layout_special_type(os->name, &type)) {
		os->entsize = elf_type_entsize(L->ctx, type);
		if (layout_no_load_segment(L, lo)) {
			os->type = type;
			return;
		}
	}
	os->type = SHT_NOBITS;
}

static const struct fill_pattern *eval_fill(struct layout *L, const struct expr *e, uint64_t dot,
					    struct output_section *os)
{
	bool ok;
	uint64_t f = eval_abs(L, e, dot, os, &ok);
	return ok ? fill_from_expr(L->ctx, e, f) : NULL;
}

static void walk_body(struct layout *L, struct layout_osec *lo, uint64_t *dotp, bool sizing)
{
	struct output_section *os = lo->os;
	uint64_t dot = *dotp;
	uint64_t subalign = 0;
	if (lo->desc && lo->desc->subalign)
		subalign = sizing_eval(L, lo->desc->subalign, dot, os, NULL);
	else if (lo->overlay && lo->overlay->subalign)
		subalign = sizing_eval(L, lo->overlay->subalign, dot, os, NULL);
	if (subalign && !is_pow2(subalign))
		subalign = pow2_ceil(subalign);
	const struct fill_pattern *fill = lo->fill;
	os->data.n = 0;
	lo->pads.n = 0;
	/* GNU ld's insert_pad reuses a padding statement right before the one padding: an orphan
	 * input (added straight after the body's statements) that needs aligning takes over the
	 * pad of a `.` assignment just before it, whose gap then stays zeros */
	size_t dot_pad = (size_t)-1;
	for (size_t i = 0; i < lo->items.n; i++) {
		struct lo_item *it = &lo->items.v[i];
		size_t prev_dot_pad = dot_pad;
		dot_pad = (size_t)-1;
		switch (it->kind) {
		case IT_INPUTS:
			for (size_t j = 0; j < it->secs.n; j++) {
				struct input_section *isec = it->secs.v[j];
				if (linker_section_excluded(isec) || merge_input_excluded(isec)) {
					/* bfd's SEC_EXCLUDE: placed at `.`, without aligning it */
					isec->out_offset = dot - os->addr;
					continue;
				}
				uint64_t a = subalign ? subalign : isec->align;
				/* bfd gives the input SUBALIGN's alignment, which the output takes on */
				if (a > os->align)
					os->align = a;
				uint64_t nd = align_to(dot, a);
				if (j == 0 && i + 1 == lo->orphan_item && prev_dot_pad != (size_t)-1 && nd > dot)
					lo->pads.v[prev_dot_pad] = (struct pad){dot - os->addr, nd - dot, fill};
				else
					add_pad(lo, dot - os->addr, nd - dot, fill);
				dot = nd;
				isec->out_offset = dot - os->addr;
				dot += isec_output_size(isec);
			}
			break;
		case IT_ASSIGN:
			if (!strcmp(it->st->assign.name, ".")) {
				uint64_t nd = it->dot_after = assign_dot(L, it->st, os, dot);
				if (nd > dot) {
					dot_pad = lo->pads.n;
					add_pad(lo, dot - os->addr, nd - dot, fill);
					/* (not from our presizing, which lays the section out from 0: an
					 * ALIGN there may move `.' where at its address it does not) */
					if (!L->presizing)
						dot_advanced(L, lo);
				}
				dot = nd;
			} else if (!sizing || lo->assigns_dot) {
				/* while presizing too when `.` is assigned here: `. = sym + N` may
				 * use a symbol assigned just before (the kernel's .vvar) */
				define_symbol(L, it->st, os, dot);
			}
			break;
		case IT_DATA: {
			uint8_t size = (uint8_t)data_kind_size(it->st->data.kind);
			/* GNU ld folds data statements outside any section (bfd_abs_section_ptr): numbers in
			 * them are absolute */
			uint64_t value = sizing ? 0 : eval_abs(L, it->st->data.value, dot, NULL, NULL);
			vec_push(os->data, ((struct data_item){dot - os->addr, value, size}));
			dot += size;
			break;
		}
		case IT_FILL: {
			const struct fill_pattern *f = eval_fill(L, it->st->fill, dot, os);
			if (f)
				fill = f;
			break;
		}
		case IT_ASSERT:
			if (!sizing)
				check_assert(L, it->st, os, dot);
			break;
		}
	}
	*dotp = dot;
}

/* bfd's SEC_ALLOC | SEC_LOAD: a DSECT/COPY/INFO/OVERLAY section with allocated contents is
 * not allocated but still loaded, and so takes its address from a region and moves it */
static bool alloc_or_load(const struct layout_osec *lo)
{
	return osec_bfd_alloc(lo->os) || lo->noalloc_load;
}

/* bfd's SEC_DATA on an output section: an object's allocated input with contents that is not
 * code brings it (elf.c), as do the linker's notes (build-id, ...); its other sections
 * (.interp, .dynsym, .got...) and data statements do not */
static bool osec_sec_data(const struct layout_osec *lo)
{
	for (size_t k = 0; k < lo->items.n; k++)
		for (size_t i = 0; i < lo->items.v[k].secs.n; i++) {
			const struct input_section *isec = lo->items.v[k].secs.v[i];
			if (isec->discarded)
				continue;
			if (isec->file->synthetic ? isec->type == SHT_NOTE
						   : (isec->flags & SHF_ALLOC) && isec->type != SHT_NOBITS &&
							     !(isec->flags & SHF_EXECINSTR))
				return true;
		}
	return false;
}

/* GNU ld's lang_memory_default: the first region whose attributes accept the section */
static struct region *memory_default(struct layout *L, const struct layout_osec *lo)
{
	const struct output_section *os = lo->os;
	unsigned f = 0;
	if (os->flags & SHF_ALLOC) {
		f |= MEM_A;
		if (os->type != SHT_NOBITS && !os->noload)
			f |= MEM_I;
	} else if (lo->noalloc_load) {
		f |= MEM_I;
	}
	if (!(os->flags & SHF_WRITE))
		f |= MEM_R;
	if (os->flags & SHF_EXECINSTR)
		f |= MEM_X;
	else if (osec_sec_data(lo))
		f |= MEM_W; /* bfd's SEC_DATA */
	if ((f & (MEM_A | MEM_R | MEM_X)) == MEM_A)
		f |= MEM_W; /* "Override SEC_DATA to mean a writable section" */
	for (size_t i = 0; i < L->regions.n; i++) {
		struct region *r = L->regions.v[i];
		if ((r->attrs & f) && !(r->not_attrs & f))
			return r;
	}
	return L->default_region;
}

static bool ignore_section(const struct output_section *os)
{
	return !osec_bfd_alloc(os) || (os->type == SHT_NOBITS && osec_bfd_tls(os));
}

/* GNU ld's os_region_check, in the final pass only (our sizing passes may see sizes that
 * are not final yet) */
static void region_check(struct layout *L, struct layout_osec *lo, struct region *r, bool explicit_addr, uint64_t base)
{
	if (!L->final_pass)
		return;
	if ((r->cur < r->origin || r->cur - r->origin > r->length) && (r->cur != r->origin + r->length || base == 0)) {
		const char *out = L->ctx->opt.output ? L->ctx->opt.output : "a.out";
		if (explicit_addr) {
			error(L->ctx, "address 0x%llx of %s section `%s' is not within region `%s'",
			      (unsigned long long)r->cur, out, lo->os->name, r->name);
		} else if (!r->had_full_message) {
			r->had_full_message = true;
			error(L->ctx, "%s section `%s' will not fit in region `%s'", out, lo->os->name, r->name);
		}
	}
}

/* bfd's IS_TBSS: thread-local without SEC_LOAD, which only an allocated input with contents
 * or a data statement gives (a PROGBITS section whose contents are unallocated inputs has
 * none), and NOLOAD takes away */
static bool is_tbss_os(const struct output_section *os)
{
	return osec_bfd_tls(os) && !osec_bfd_load(os);
}

static void place_section(struct layout *L, struct layout_osec *lo, uint64_t *dotp)
{
	struct output_section *os = lo->os;
	const struct output_section_desc *d = lo->desc;
	uint64_t dot = *dotp;
	uint64_t old_addr = os->addr, old_size = os->size, old_lma = os->lma;
	bool ok = true;

	/* the address expression: -Ttext and friends, the statement's own, an overlay member's
	 * (the OVERLAY start for the first, ADDR(first) for the others), or 0 for a
	 * non-allocated orphan and for every orphan of -r (GNU ld's lang_insert_orphan) */
	bool has_start;
	uint64_t start = section_start_override(L, os->name, &has_start);
	bool explicit_addr = false;
	if (has_start) {
		dot = start;
		explicit_addr = true;
	} else if (lo->overlay && lo->overlay_index > 1) {
		dot = lo->overlay_first->os->addr;
		explicit_addr = true;
	} else if (lo->overlay && lo->overlay->start) {
		uint64_t a = sizing_eval(L, lo->overlay->start, dot, NULL, &ok);
		if (ok)
			dot = a;
		explicit_addr = true;
	} else if (!lo->overlay && d && d->addr) {
		L->forward_check = L->sizing_semantics = true;
		uint64_t a = sizing_eval(L, d->addr, dot, NULL, &ok);
		L->forward_check = L->sizing_semantics = false;
		if (ok)
			dot = a;
		else if (forward_ref(L, d->addr, dot, NULL)) {
			char msg[512];
			snprintf(msg, sizeof(msg), "non constant or forward reference address expression for section %s", os->name);
			forward_error(L, &d->addr->loc, msg);
		}
		explicit_addr = true;
	} else if (lo->orphan && (!(os->flags & SHF_ALLOC) || ctx_relocatable(L->ctx))) {
		dot = 0;
		explicit_addr = true;
	}

	/* an empty section is not in the output and `.` does not move past it (GNU ld's ignored
	 * output section), but it still gets an address and a load address, and the following
	 * sections' LMAs may follow it; while sizing, an address expression moves `.` there
	 * (which DATA_SEGMENT_END sees), the final assignment pass does not */
	const bool removed = lo->removed && !keeps_place(L, lo);
	if (removed && !L->final_pass && explicit_addr)
		*dotp = dot;
	const uint64_t dot_in = removed ? *dotp : dot;
	/* bfd's flags of an ignored section come from its (empty) inputs only */
	const bool ignored = removed ? (!os->has_inputs || ignore_section(os)) : ignore_section(os);
	/* SEC_ALLOC, which a name alone does not give (.text.x with an assignment only) */
	const bool alloc = !ignored || (!removed && osec_bfd_alloc(os));
	if (removed && L->final_pass) {
		dot = os->addr;
		walk_body(L, lo, &dot, false);
		if (lo->overlay_last)
			*dotp = overlay_end(L, lo);
		return;
	}
	if (L->final_pass) {
		/* addresses are fixed: the last pass only evaluates symbols, data and assertions;
		 * the section is "the current section" for the assignments in it already */
		dot = os->addr;
		if (osec_bfd_alloc(os)) {
			L->current_section = lo;
			L->prefer_next_section = false;
		}
		walk_body(L, lo, &dot, false);
		/* (as the sizing passes left it: a .tbss takes no room) */
		dot = os->addr + (is_tbss_os(os) && !ctx_relocatable(L->ctx) ? 0 : os->size);
		if (lo->overlay_last)
			dot = overlay_end(L, lo);
		*dotp = dot;
		if (osec_bfd_alloc(os)) {
			L->current_section = lo;
			L->prefer_next_section = false;
			L->last_alloc = os;
		}
		if (lo->region_used && alloc_or_load(lo)) {
			lo->region_used->cur = dot;
			region_check(L, lo, lo->region_used, explicit_addr, os->addr);
			if (lo->lma_region && lo->lma_region != lo->region_used &&
			    (os->type != SHT_NOBITS || (d && d->align_with_input))) {
				lo->lma_region->cur = os->lma + (is_tbss_os(os) && !ctx_relocatable(L->ctx) ? 0 : os->size);
				region_check(L, lo, lo->lma_region, false, os->lma);
			}
		}
		return;
	}

	/* ALIGN(n): the section's alignment to start with (GNU ld rounds it up to a power of 2) */
	uint64_t stmt_align = 0;
	if (d && d->align) {
		uint64_t a = sizing_eval(L, d->align, dot, NULL, &ok);
		if (ok && a && !is_pow2(a)) {
			if (L->final_pass)
				script_error(L->ctx, &d->align->loc, "alignment %llu of section %s is not a power of two",
					     (unsigned long long)a, os->name);
			a = pow2_ceil(a);
		}
		if (ok)
			stmt_align = a;
	}
	if (stmt_align > os->align)
		os->align = stmt_align;

	struct region *region = lo->region ? lo->region : L->default_region;
	uint64_t newdot = dot, section_align;
	if (!explicit_addr) {
		if (alloc_or_load(lo) && region->is_default)
			region = memory_default(L, lo);
		if (!ignored && !removed && !ctx_relocatable(L->ctx) && region->is_default && L->regions.n &&
		    L->sizing_iteration == 1 && !L->no_region_reported) {
			L->no_region_reported = true;
			if (L->ctx->opt.check_sections)
				error(L->ctx, "no memory region specified for loadable section `%s'", os->name);
			else
				warn(L->ctx, "no memory region specified for loadable section `%s'", os->name);
		}
		newdot = region->cur;
		section_align = os->align;
		/* -r sizes the sections once, before SUBALIGN has raised the output alignment:
		 * the start aligns to the inputs' own alignment (and ALIGN); a DATA_SEGMENT_END
		 * that makes GNU ld size them again gives the raised one */
		if (ctx_relocatable(L->ctx) && L->walk_no == L->first_sizing_walk &&
		    ((d && d->subalign) || (lo->overlay && lo->overlay->subalign))) {
			section_align = stmt_align;
			for (size_t i = 0; i < lo->items.n; i++)
				for (size_t j = 0; j < lo->items.v[i].secs.n; j++)
					if (lo->items.v[i].secs.v[j]->align > section_align)
						section_align = lo->items.v[i].secs.v[j]->align;
		}
	} else {
		section_align = stmt_align;
	}
	lo->region_used = region;
	uint64_t saved = newdot;
	if (section_align > 1)
		newdot = align_to(newdot, section_align);
	uint64_t dotdelta = newdot - saved;
	/* GNU ld warns when aligning moves a section off the address its statement (or -Ttext...)
	 * gives, or any section with --warn-section-align: by the whole move in the first sizing
	 * iteration, later only by a move the alignment does not explain */
	if (section_align > 1 && osec_made(lo) && (explicit_addr || L->ctx->opt.warn_section_align) &&
	    lo->align_warned != L->sizing_iteration) {
		uint64_t diff = L->sizing_iteration == 1 ? dotdelta : newdot - old_addr;
		if (L->sizing_iteration > 1 && !(diff & (section_align - 1)))
			diff = 0;
		if (diff) {
			warn(L->ctx, "start of section %s changed by %ld", os->name, (long)diff);
			lo->align_warned = L->sizing_iteration;
		}
	}
	os->addr = newdot;
	os->lma = newdot;

	dot = newdot;
	walk_body(L, lo, &dot, false);
	os->size = removed ? 0 : dot - newdot;
	dot = removed ? dot_in : os->addr;
	/* GNU ld's processed_vma / processed_lma: a section bfd never made has neither, so
	 * ADDR/LOADADDR of it are not known in an address expression; an empty one bfd made has */
	const bool made = !removed || osec_made(lo);
	if (made)
		lo->vma_walk = L->walk_no;

	/* the load address: GNU ld's lang_size_sections_1 */
	struct region *r = region;
	const struct expr *lma_expr = lo->overlay ? (lo->overlay_index == 1 ? lo->overlay->lma : NULL) : d ? d->lma : NULL;
	if (lma_expr) {
		L->forward_check = true;
		uint64_t lma = sizing_eval(L, lma_expr, dot, NULL, &ok);
		L->forward_check = false;
		if (ok)
			os->lma = lma;
		else if (made && forward_ref(L, lma_expr, dot, NULL)) /* (bfd made it: sized, if stripped) */
			forward_error(L, &lma_expr->loc, "nonconstant expression for load base");
	} else if (lo->lma_region) {
		uint64_t lma = lo->lma_region->cur;
		if (d && d->align_with_input) {
			lma += dotdelta;
		} else {
			if (lo->lma_region != lo->region)
				section_align = stmt_align;
			if (section_align > 1)
				lma = align_to(lma, section_align);
		}
		os->lma = lma;
	} else if (r->last_os && alloc) {
		struct output_section *last = r->last_os->os;
		if (dot < last->addr && os->size && dot + os->size <= last->addr) {
			if (last->addr != last->lma && L->bfd_sizing && !L->mark_phase)
				warn(L->ctx, "dot moved backwards before `%s'", os->name);
		} else {
			uint64_t lma;
			if (lo->overlay && lo->overlay_index > 1)
				lma = last->lma + last->size;
			else
				lma = os->addr + last->lma - last->addr;
			if (section_align > 1)
				lma = align_to(lma, section_align);
			os->lma = lma;
		}
	}
	if (made)
		lo->lma_walk = L->walk_no;
	if (((!ignored && (os->size || (!r->last_os && os->addr != os->lma) ||
			   (r->last_os && dot >= r->last_os->os->addr))) ||
	     (lo->overlay && lo->overlay_index == 1)) &&
	    !lo->lma_region && !ctx_relocatable(L->ctx))
		r->last_os = lo;
	if (removed) {
		/* the last overlay member still sets `.` to the overlay's end (GNU ld's update_dot
		 * keeps it from being ignored) */
		*dotp = lo->overlay_last ? overlay_end(L, lo) : dot_in;
		if (old_addr != os->addr || old_lma != os->lma)
			L->changed = true;
		return;
	}

	if (d && d->fill)
		lo->fill = eval_fill(L, d->fill, dot, os);
	else if (lo->overlay && lo->overlay->fill)
		lo->fill = eval_fill(L, lo->overlay->fill, dot, os);

	/* .tbss takes no room, except in -r (lang_size_sections_1) */
	dotdelta = is_tbss_os(os) && !ctx_relocatable(L->ctx) ? 0 : os->size;
	dot += dotdelta;
	if (lo->overlay_last)
		dot = overlay_end(L, lo);
	if (alloc_or_load(lo)) {
		region->cur = dot;
		region_check(L, lo, region, explicit_addr, os->addr);
		if (lo->lma_region && lo->lma_region != region && (os->type != SHT_NOBITS || (d && d->align_with_input))) {
			lo->lma_region->cur = os->lma + dotdelta;
			region_check(L, lo, lo->lma_region, false, os->lma);
		}
	}
	*dotp = dot;
	if (osec_bfd_alloc(os)) {
		L->current_section = lo;
		L->prefer_next_section = false;
		L->last_alloc = os;
		if (L->in_relro)
			lo->relro = true;
	}
	if (old_addr != os->addr || old_size != os->size || old_lma != os->lma)
		L->changed = true;
}

/* GNU ld still runs the assignments and assertions of an output section its ONLY_IF_RO/RW
 * constraint dropped, from the current `.`, with *UND* for the missing section: a plain number
 * or `.` assigned there is relative to *UND*, and a data statement still moves `.` on
 * (ldlang.c lang_do_assignments_1) */
static void walk_dropped(struct layout *L, const struct stmt *body, uint64_t dot, struct output_section *ghost)
{
	/* ... or with the section an earlier ADDR/LOADADDR made (a ghost, empty at 0): from its
	 * address, and relative to it */
	struct output_section *und = ghost ? ghost : &L->ctx->und_section;
	if (ghost)
		dot = ghost->addr;
	for (const struct stmt *s = body; s; s = s->next) {
		if (s->kind == ST_ASSIGN && strcmp(s->assign.name, "."))
			define_symbol(L, s, und, dot);
		else if (s->kind == ST_ASSIGN && ghost) {
			bool ok;
			uint64_t v = eval_abs(L, s->assign.expr, dot, ghost, &ok);
			if (ok && v >= dot)
				dot = v;
		} else if (s->kind == ST_ASSERT)
			check_assert(L, s, und, dot);
		else if (s->kind == ST_DATA) {
			/* folded all the same (SIZEOF_HEADERS in it asks for loaded headers) */
			(void)eval_abs(L, s->data.value, dot, NULL, NULL);
			dot += data_kind_size(s->data.kind);
		}
	}
}

static void walk(struct layout *L)
{
	uint64_t dot = 0;
	L->walk_no++;
	L->current_section = NULL;
	L->last_alloc = NULL;
	L->prefer_next_section = false;
	L->found_end = false;
	L->in_relro = false;
	L->changed = false;
	regions_reset(L);
	for (size_t i = 0; i < L->nodes.n; i++) {
		struct lnode *n = &L->nodes.v[i];
		L->node_index = i;
		switch (n->kind) {
		case LN_ASSIGN:
			if (!strcmp(n->st->assign.name, ".")) {
				dot = n->dot_after = assign_dot(L, n->st, NULL, dot);
				L->prefer_next_section = true;
			} else {
				if (top_assign_is_end(n->st->assign.name))
					L->found_end = true;
				define_symbol(L, n->st, NULL, dot);
			}
			/* GNU ld: an assignment outside output sections sets the default region */
			L->default_region->cur = dot;
			break;
		case LN_ASSERT:
			check_assert(L, n->st, NULL, dot);
			/* an assertion is an assignment statement to GNU ld: it sets the region too */
			L->default_region->cur = dot;
			break;
		case LN_OSEC:
			n->lo->after_end = L->found_end;
			n->lo->relro = false;
			place_section(L, n->lo, &dot);
			break;
		case LN_DROPPED: {
			struct output_section *ghost = NULL;
			for (size_t g = 0; g < L->ghosts.n && !ghost; g++)
				if (ghost_node(L, L->ghosts.v[g]) == i)
					ghost = L->ghosts.v[g]->os;
			walk_dropped(L, n->st->osec->body, dot, ghost);
			break;
		}
		case LN_DISCARD:
			break;
		}
	}
}

static bool is_num(const struct expr *e, uint64_t v) { return e && e->kind == EXPR_NUM && e->num == v; }

/* GNU ld keeps an otherwise empty output section whose body assigns to `.`, except for
 * `. = 0`, `. = . + 0` and `. = ALIGN(. != 0 ? x : 1)` (ldexp.c, mark phase). */
static bool keeps_by_dot_assignment(const struct layout_osec *lo)
{
	for (size_t i = 0; i < lo->items.n; i++) {
		const struct lo_item *it = &lo->items.v[i];
		if (it->kind != IT_ASSIGN || strcmp(it->st->assign.name, "."))
			continue;
		const struct expr *e = it->st->assign.expr;
		bool exempt = is_num(e, 0) ||
			      (e->kind == EXPR_BINARY && e->op == OP_ADD && e->a->kind == EXPR_DOT && is_num(e->b, 0)) ||
			      (e->kind == EXPR_CALL && e->fn == FN_ALIGN && !e->b && e->a && e->a->kind == EXPR_COND &&
			       e->a->a->kind == EXPR_BINARY && e->a->a->op == OP_NE && e->a->a->a->kind == EXPR_DOT &&
			       is_num(e->a->a->b, 0) && is_num(e->a->c, 1));
		if (!exempt)
			return true;
	}
	return false;
}

static bool has_statement(const struct layout_osec *lo)
{
	if (lo->object_symbols)
		return true;
	for (size_t i = 0; i < lo->items.n; i++)
		if (lo->items.v[i].kind != IT_INPUTS)
			return true;
	return false;
}

/* Before the first pass, sizes of sections laid out from 0: SIZEOF() of a section not yet
 * walked then already sees its (nearly always exact) size, as in GNU ld where input sizes are
 * known before addresses. */
static void presize(struct layout *L)
{
	L->presizing = true; /* an evaluation of ours alone: SIZEOF_HEADERS read here loads nothing */
	for (size_t i = 0; i < L->nodes.n; i++) {
		if (L->nodes.v[i].kind != LN_OSEC)
			continue;
		struct layout_osec *lo = L->nodes.v[i].lo;
		uint64_t dot = 0, align = lo->os->align;
		lo->os->addr = 0;
		walk_body(L, lo, &dot, true);
		lo->os->size = dot;
		lo->os->align = align; /* SUBALIGN raises it when the passes size the section */
		/* GNU ld removes output sections that are empty once sized (strip_excluded_output_sections),
		 * unless the linker made one of their inputs; not for -r, which keeps every output
		 * section that got an input, an assignment or data (and --emit-relocs keeps those with
		 * an input); a KEEP that matched an input keeps it too (SEC_KEEP) */
		lo->removed = dot == 0 && !lo->has_linker_input && !lo->keep_input && !keeps_by_dot_assignment(lo);
		bool any_input = false, excluded_input = false;
		for (size_t k = 0; k < lo->items.n; k++)
			for (size_t j = 0; j < lo->items.v[k].secs.n; j++) {
				if (!linker_section_excluded(lo->items.v[k].secs.v[j]))
					any_input = true;
				else
					excluded_input = true;
			}
		/* -r strips no empty section bfd made: one with an input or a statement (assignment,
		 * data, fill, ASSERT) */
		if (ctx_relocatable(L->ctx))
			/* (an overlay's member is made by the __load_start_X PROVIDE naming it) */
			/* (... or that an ADDR/LOADADDR made) */
			lo->removed = !any_input && !has_statement(lo) && !lo->has_linker_input && !lo->overlay &&
				      !lo->named_early;
		else if (L->ctx->opt.emit_relocs && any_input)
			lo->removed = false;
		/* (the mark pass also places one whose inputs the linker excluded as empty, .plt:
		 * they gave it their alignment) */
		lo->removal_by_mark_walk = lo->removed && (any_input || excluded_input) && !ctx_relocatable(L->ctx);
	}
	L->presizing = false;
}

/* GNU ld decides which sections are empty after one sizing pass with every section that got an
 * input still in (strip_excluded_output_sections' mark phase).  Laid out from 0 such a section
 * was empty, but at its real address its inputs may need padding (SUBALIGN, an unaligned
 * address): then it stays, even if later passes leave it empty. */
static void mark_walk(struct layout *L)
{
	bool any = false;
	for (size_t i = 0; i < L->nodes.n; i++)
		if (L->nodes.v[i].kind == LN_OSEC && L->nodes.v[i].lo->removal_by_mark_walk) {
			L->nodes.v[i].lo->removed = false;
			any = true;
		}
	if (!any)
		return;
	L->seg.phase = SEG_NONE;
	L->mark_phase = true;
	walk(L);
	L->mark_phase = false;
	for (size_t i = 0; i < L->nodes.n; i++) {
		struct layout_osec *lo = L->nodes.v[i].kind == LN_OSEC ? L->nodes.v[i].lo : NULL;
		if (lo && lo->removal_by_mark_walk)
			lo->removed = lo->os->size == 0;
	}
}

/* GNU ld's lang_size_segment: can a page be saved by not aligning the data segment start? */
static bool size_segment(struct dataseg *seg)
{
	uint64_t first = -seg->base & (seg->commonpagesize - 1);
	uint64_t last = seg->end & (seg->commonpagesize - 1);
	if (first && last && (seg->base & ~(seg->commonpagesize - 1)) != (seg->end & ~(seg->commonpagesize - 1)) &&
	    first + last <= seg->commonpagesize) {
		seg->phase = SEG_ADJUST;
		return true;
	}
	seg->phase = SEG_DONE;
	return false;
}

/* GNU ld's lang_size_relro_segment_1: move the relro sections up so that the relro region ends
 * on a page boundary.  It walks bfd's section list backwards, whatever the addresses. */
static uint64_t relro_adjust(struct layout *L)
{
	struct dataseg *seg = &L->seg;
	uint64_t relro_end = align_to(seg->relro_end, seg->relropagesize);
	uint64_t desired_end = relro_end - seg->relro_offset;
	size_t n;
	struct layout_osec **list = layout_section_list(L, &n);
	for (size_t i = n; i-- > 0;) {
		struct layout_osec *lo = list[i];
		struct output_section *os = lo->os;
		if (lo->removed || !(os->flags & SHF_ALLOC))
			continue;
		if (os->addr >= seg->base && os->addr < seg->relro_end - seg->relro_offset) {
			uint64_t start = os->addr, end = os->addr;
			if (!is_tbss_os(os))
				end += os->size;
			start += desired_end - end;
			start &= ~(os->align - 1);
			desired_end = start;
		}
	}
	free(list);
	seg->phase = SEG_RELRO_ADJUST;
	seg->base = desired_end;
	return relro_end;
}

static void size_sections(struct layout *L)
{
	L->sizing_iteration++;
	start_stop_values(L);
	L->seg.phase = SEG_NONE;
	L->first_sizing_walk = L->walk_no + 1;
	walk(L);
	if (L->seg.phase != SEG_END_SEEN) {
		L->seg.phase = SEG_DONE;
		return;
	}
	bool reset = false;
	if (L->relro_enabled && L->seg.relro_end) {
		uint64_t initial_base = L->seg.base;
		uint64_t data_relro_end = relro_adjust(L);
		walk(L);
		if (L->seg.relro_end > data_relro_end) {
			L->seg.base = initial_base;
			reset = true;
		}
	} else if (size_segment(&L->seg)) {
		reset = true;
	}
	if (reset)
		walk(L);
	if (L->relro_enabled && L->seg.relro_end) {
		L->relro_start = L->seg.base;
		L->relro_end = L->seg.relro_end;
	}
}

bool link_page_sizes(const struct ctx *ctx, const struct target *t, uint64_t *maxp, uint64_t *commonp)
{
	uint64_t max = ctx->opt.max_page_size ? ctx->opt.max_page_size : t->max_page_size;
	uint64_t common = ctx->opt.common_page_size ? ctx->opt.common_page_size : t->common_page_size;
	bool ok = true;
	/* GNU ld: a common page size above the maximum gives way to the one given */
	if (common > max) {
		if (!ctx->opt.common_page_size)
			common = max;
		else if (!ctx->opt.max_page_size)
			max = common;
		else
			ok = false;
	}
	*maxp = max;
	*commonp = common;
	return ok;
}

/* bfd's _bfd_elf_tls_setup, before sizing: the first output section with thread-local data
 * takes the largest alignment of the run of TLS sections it starts in bfd's list (not the
 * statements' order), so the TLS segment starts aligned (the list still holds the sections
 * that will be stripped as empty).  A statement's ALIGN(n) counts: GNU ld set it when it
 * made the section (init_os). */
static void tls_align_first(struct layout *L)
{
	struct output_section *first = NULL;
	uint64_t align = 1;
	size_t n;
	struct layout_osec **list = layout_section_list(L, &n);
	for (size_t i = 0; i < n; i++) {
		if (!osec_made(list[i]))
			continue;
		const struct layout_osec *lo = list[i];
		struct output_section *os = lo->os;
		if (!osec_bfd_tls(os)) {
			if (first)
				break;
			continue;
		}
		if (!first)
			first = os;
		bool ok = false;
		uint64_t a = lo->desc && lo->desc->align ? sizing_eval(L, lo->desc->align, 0, NULL, &ok) : 0;
		if (ok && a && is_pow2(a) && a > os->align)
			os->align = a;
		if (os->align > align)
			align = os->align;
	}
	free(list);
	if (first)
		first->align = align;
}

void layout_assign(struct ctx *ctx, struct layout *L)
{
	L->ctx = ctx;
	if (!link_page_sizes(ctx, ctx->target, &L->maxpagesize, &L->commonpagesize))
		error(ctx, "common page size (0x%llx) > maximum page size (0x%llx)",
		      (unsigned long long)L->commonpagesize, (unsigned long long)L->maxpagesize);
	presize(L);
	/* (the ELF back end's: a binary image leaves the alignments alone) */
	if (oformat_is_elf(ctx))
		tls_align_first(L);
	mark_walk(L);
	/* The number of program headers feeds SIZEOF_HEADERS, which moves everything: estimate,
	 * lay out, count, and go again until the count is stable. */
	uint64_t *prev = xcalloc(3 * L->nodes.n + 1, sizeof(*prev));
	uint64_t *cur = xcalloc(3 * L->nodes.n + 1, sizeof(*cur));
	/* bfd starts from its guess and lays out again while the count changes: any change the
	 * first four times, later only growth (ldelf_map_segments) */
	L->phnum = segments_estimate(ctx, L);
	int recounts = 0;
	for (int pass = 0; pass < MAX_PASSES; pass++) {
		uint64_t phnum = L->phnum;
		/* GNU ld sizes once, and again only when the program header count changed (its
		 * warnings come from those passes); ours also repeat until nothing moves */
		/* GNU ld lays out again (after running the assignments on the last layout) when
		 * editing .eh_frame resized it, then whenever the header count changed (an ELF
		 * output's, not -r's) */
		L->refreshed = oformat_is_elf(ctx) && !ctx_relocatable(ctx) &&
			       ((pass == 1 && eh_frame_resized()) || L->phnum_changed);
		L->bfd_sizing = pass == 0 || L->refreshed;
		L->phnum_changed = false;
		size_sections(L);
		/* did anything move since the previous full sizing? */
		for (size_t i = 0; i < L->nodes.n; i++) {
			struct output_section *os = L->nodes.v[i].kind == LN_OSEC ? L->nodes.v[i].lo->os : NULL;
			cur[3 * i] = os ? os->addr : 0;
			cur[3 * i + 1] = os ? os->size : 0;
			cur[3 * i + 2] = os ? os->lma : 0;
		}
		bool moved = memcmp(prev, cur, 3 * L->nodes.n * sizeof(*cur)) != 0;
		/* SHF_LINK_ORDER inputs reordered after the addresses they follow: lay out again */
		if (layout_link_order(L))
			moved = true;
		uint64_t *t = prev;
		prev = cur;
		cur = t;
		uint64_t count = segments_count(ctx, L);
		if (count != L->phnum && (recounts < 4 || count > L->phnum)) {
			L->phnum = count;
			L->phnum_changed = true;
			recounts++;
		}
		/* (a size GNU ld never computed, SIZEOF_HEADERS unread, changes as it maps) */
		if (pass == 0 && !L->headers_sized)
			L->phnum_changed = true;
		if (!moved && phnum == L->phnum && pass > 0)
			break;
		if (pass == MAX_PASSES - 1)
			error(ctx, "section layout does not settle after %d passes (a SIZEOF or ADDR depends on itself?)", MAX_PASSES);
	}
	free(prev);
	free(cur);
	/* the final pass keeps the addresses, gives symbols their values, reports errors and
	 * checks assertions (GNU ld's lang_do_assignments) */
	L->final_pass = true;
	free(L->section_list);
	L->section_list = layout_section_list(L, &L->section_list_n);
	start_stop_values(L);
	walk(L);
	/* GNU ld's lang_check_section_addresses: how far each region overflowed */
	for (size_t i = 0; i < L->regions.n; i++) {
		struct region *r = L->regions.v[i];
		if (r->had_full_message) {
			unsigned long over = (unsigned long)(r->cur - (r->origin + r->length));
			error(ctx, "region `%s' overflowed by %lu byte%s", r->name, over, over == 1 ? "" : "s");
		}
	}
}
