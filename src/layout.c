/* Layout: the SECTIONS command executed as GNU ld executes it.
 *
 * layout_map     puts every input section into an output section (first matching input
 *                section description wins across the whole script; the rest are orphans placed
 *                by GNU ld's rules), and decides which output sections are empty and removed.
 * layout_assign  walks the statements evaluating `.` and symbol assignments, giving addresses
 *                to output sections and offsets to input sections, and repeats until nothing
 *                moves (with GNU ld's DATA_SEGMENT_* relro adjustment in between). */
#include <stdlib.h>

#include "layout.h"
#include "passes.h"
#include "target.h"

/* ---- building the statement list ---------------------------------------------------- */

static void build_regions(struct layout *L);
static void assign_regions(struct layout *L);

static struct layout_osec *new_osec(struct layout *L, const char *name, const struct output_section_desc *desc)
{
	struct ctx *ctx = L->ctx;
	struct layout_osec *lo = arena_alloc(&ctx->arena, sizeof(*lo));
	struct output_section *os = arena_alloc(&ctx->arena, sizeof(*os));
	os->name = name;
	os->align = 1;
	os->layout = lo;
	lo->os = os;
	lo->desc = desc;
	return lo;
}

static void add_node(struct layout *L, enum lnode_kind kind, const struct stmt *st, struct layout_osec *lo)
{
	vec_push(L->nodes, ((struct lnode){.kind = kind, .st = st, .lo = lo}));
}

/* Collect the input section descriptions of an output section, in order, for matching. */
static void build_osec_body(struct layout *L, struct layout_osec *lo, const struct stmt *body, bool discard)
{
	for (const struct stmt *s = body; s; s = s->next) {
		struct lo_item it = {.st = s};
		switch (s->kind) {
		case ST_INPUT_SECTION:
			it.kind = IT_INPUTS;
			vec_push(lo->items, it);
			vec_push(L->rules, ((struct rule){s->input, lo, lo->items.n - 1, discard, false}));
			break;
		case ST_ASSIGN:
			it.kind = IT_ASSIGN;
			if (!strcmp(s->assign.name, "."))
				lo->assigns_dot = true;
			vec_push(lo->items, it);
			break;
		case ST_DATA:
			it.kind = IT_DATA;
			lo->has_data = true;
			vec_push(lo->items, it);
			break;
		case ST_FILL:
			it.kind = IT_FILL;
			vec_push(lo->items, it);
			break;
		case ST_ASSERT:
			it.kind = IT_ASSERT;
			vec_push(lo->items, it);
			break;
		case ST_CONSTRUCTORS:
		case ST_CREATE_OBJECT_SYMBOLS:
			break; /* a.out-era features: nothing to do for ELF */
		default:
			script_error(L->ctx, &s->loc, "this command is not allowed inside an output section");
			break;
		}
	}
}

static struct expr *mk_expr(struct layout *L, enum expr_kind kind, const struct src_loc *loc)
{
	struct expr *e = arena_alloc(&L->ctx->arena, sizeof(*e));
	e->kind = kind;
	e->loc = *loc;
	return e;
}

static struct expr *mk_call(struct layout *L, enum expr_fn fn, const char *name, const struct src_loc *loc)
{
	struct expr *e = mk_expr(L, EXPR_CALL, loc);
	e->fn = fn;
	e->name = name;
	return e;
}

static void add_overlay_symbols(struct layout *L, const struct stmt *o)
{
	const char *name = o->osec->name;
	size_t n = strlen(name);
	char *clean = arena_alloc(&L->ctx->arena, n + 1);
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		if ((name[i] >= 'a' && name[i] <= 'z') || (name[i] >= 'A' && name[i] <= 'Z') ||
		    (name[i] >= '0' && name[i] <= '9') || name[i] == '_')
			clean[k++] = name[i];
	clean[k] = 0;
	for (int stop = 0; stop < 2; stop++) {
		struct stmt *st = arena_alloc(&L->ctx->arena, sizeof(*st));
		st->kind = ST_ASSIGN;
		st->loc = o->loc;
		size_t len = strlen(clean) + 16;
		char *sym = arena_alloc(&L->ctx->arena, len);
		snprintf(sym, len, "%s%s", stop ? "__load_stop_" : "__load_start_", clean);
		st->assign.name = sym;
		st->assign.kind = ASSIGN_PROVIDE;
		struct expr *e = mk_call(L, FN_LOADADDR, name, &o->loc);
		if (stop) {
			struct expr *add = mk_expr(L, EXPR_BINARY, &o->loc);
			add->op = OP_ADD;
			add->a = e;
			add->b = mk_call(L, FN_SIZEOF, name, &o->loc);
			e = add;
		}
		st->assign.expr = e;
		add_node(L, LN_ASSIGN, st, NULL);
	}
}

static void build_sections(struct layout *L, const struct stmt *list)
{
	for (const struct stmt *s = list; s; s = s->next) {
		switch (s->kind) {
		case ST_ASSIGN:
			add_node(L, LN_ASSIGN, s, NULL);
			break;
		case ST_ASSERT:
			add_node(L, LN_ASSERT, s, NULL);
			break;
		case ST_ENTRY:
			if (!L->ctx->opt.entry)
				L->entry_name = s->name;
			break;
		case ST_OUTPUT_SECTION: {
			const struct output_section_desc *d = s->osec;
			bool discard = !strcmp(d->name, "/DISCARD/");
			struct layout_osec *lo = new_osec(L, d->name, d);
			lo->discard = discard;
			build_osec_body(L, lo, d->body, discard);
			if (!discard)
				add_node(L, LN_OSEC, s, lo);
			break;
		}
		case ST_OVERLAY: {
			/* GNU ld's lang_enter_overlay_section / lang_leave_overlay_section: each member
			 * is followed by PROVIDE(__load_start_NAME = LOADADDR(NAME)) and
			 * PROVIDE(__load_stop_NAME = LOADADDR(NAME) + SIZEOF(NAME)), NAME cleaned of
			 * characters other than letters, digits and '_' */
			struct layout_osec *first = NULL, *prev = NULL;
			size_t idx = 0;
			for (const struct stmt *o = s->overlay->sections; o; o = o->next) {
				struct layout_osec *lo = new_osec(L, o->osec->name, o->osec);
				lo->overlay = s->overlay;
				lo->overlay_index = ++idx;
				if (!first)
					first = lo;
				lo->overlay_first = first;
				prev = lo;
				build_osec_body(L, lo, o->osec->body, false);
				add_node(L, LN_OSEC, o, lo);
				add_overlay_symbols(L, o);
			}
			if (prev)
				prev->overlay_last = true;
			break;
		}
		default:
			break;
		}
	}
}

static void build_top(struct layout *L, const struct stmt *list)
{
	for (const struct stmt *s = list; s; s = s->next) {
		switch (s->kind) {
		case ST_SECTIONS:
			build_sections(L, s->sections);
			break;
		case ST_ASSIGN:
			add_node(L, LN_ASSIGN, s, NULL);
			break;
		case ST_ASSERT:
			add_node(L, LN_ASSERT, s, NULL);
			break;
		case ST_ENTRY:
			if (!L->ctx->opt.entry)
				L->entry_name = s->name;
			break;
		default:
			break;
		}
	}
}

/* ---- matching input sections to rules ----------------------------------------------- */

static bool rule_matches(const struct rule *r, const struct input_section *isec)
{
	const struct input_section_desc *d = r->desc;
	const struct input_file *f = isec->file;
	const char *path = f->archive ? f->archive : f->name;
	if (!script_match_file(&d->file, path, f->archive, f->member))
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

static const struct section_pattern *matching_pattern(const struct rule *r, const struct input_section *isec)
{
	for (const struct section_pattern *sp = r->desc->sections; sp; sp = sp->next)
		if (script_match_section(sp, isec->name))
			return sp;
	return NULL;
}

static unsigned long init_priority(const char *name)
{
	/* .init_array.NNNNN / .fini_array.NNNNN sort by NNNNN; .ctors.NNNNN / .dtors.NNNNN by
	 * 65535 - NNNNN; anything else sorts last, as in GNU ld */
	const char *dot = strrchr(name, '.');
	if (!dot || dot == name || !dot[1])
		return ~0ul;
	char *end;
	unsigned long n = strtoul(dot + 1, &end, 10);
	if (*end)
		return ~0ul;
	if (!strncmp(name, ".ctors.", 7) || !strncmp(name, ".dtors.", 7))
		return 65535 > n ? 65535 - n : 0;
	return n;
}

static int cmp_key(enum sort_kind k, const struct input_section *a, const struct input_section *b)
{
	switch (k) {
	case SORT_BY_NAME:
		return strcmp(a->name, b->name);
	case SORT_BY_ALIGNMENT:
		return a->align < b->align ? 1 : a->align > b->align ? -1 : 0;
	case SORT_BY_INIT_PRIORITY: {
		unsigned long pa = init_priority(a->name), pb = init_priority(b->name);
		return pa < pb ? -1 : pa > pb ? 1 : 0;
	}
	default:
		return 0;
	}
}

struct sort_entry {
	struct input_section *isec;
	enum sort_kind outer, inner;
	size_t seq;
};

static int cmp_sort_entry(const void *pa, const void *pb)
{
	const struct sort_entry *a = pa, *b = pb;
	int c = cmp_key(a->outer, a->isec, b->isec);
	if (!c)
		c = cmp_key(a->inner, a->isec, b->isec);
	if (!c)
		c = a->seq < b->seq ? -1 : a->seq > b->seq;
	return c;
}

/* SORT_* of a rule: GNU ld inserts the sections of sorted patterns in sorted order; sections of
 * unsorted patterns keep file order.  We sort the run of the rule's sections that came from
 * sorted patterns, stably. */
static void sort_rule(struct layout *L, struct rule *r)
{
	struct lo_item *it = &r->lo->items.v[r->item];
	bool any = false;
	enum sort_kind global = (enum sort_kind)L->ctx->opt.sort_section;
	for (const struct section_pattern *sp = r->desc->sections; sp; sp = sp->next)
		if ((sp->sort != SORT_UNSET && sp->sort != SORT_NONE) || (sp->sort == SORT_UNSET && global))
			any = true;
	if (!any || it->secs.n < 2)
		return;
	struct sort_entry *e = xcalloc(it->secs.n, sizeof(*e));
	size_t n = 0;
	for (size_t i = 0; i < it->secs.n; i++) {
		const struct section_pattern *sp = matching_pattern(r, it->secs.v[i]);
		enum sort_kind outer = sp ? sp->sort : SORT_UNSET, inner = sp ? sp->sort_inner : SORT_UNSET;
		if (outer == SORT_UNSET && global) {
			outer = global;
		} else if (outer != SORT_UNSET && outer != SORT_NONE && inner == SORT_UNSET && global && global != outer) {
			inner = global;
		}
		if (outer == SORT_NONE)
			outer = SORT_UNSET;
		e[n++] = (struct sort_entry){it->secs.v[i], outer, inner, i};
	}
	qsort(e, n, sizeof(*e), cmp_sort_entry);
	for (size_t i = 0; i < n; i++)
		it->secs.v[i] = e[i].isec;
	free(e);
}

/* The COMMON pseudo-section of a file, holding the common symbols it won. */
static struct input_section *common_section(struct ctx *ctx, struct input_file *f)
{
	struct input_section *c = arena_alloc(&ctx->arena, sizeof(*c));
	c->file = f;
	c->name = "COMMON";
	c->type = SHT_NOBITS;
	c->flags = SHF_ALLOC | SHF_WRITE;
	c->align = 1;
	return c;
}

/* GNU ld allocates each common symbol in the COMMON section of the file that defined it (the
 * one with the largest size), aligned to its alignment. */
static void allocate_commons(struct ctx *ctx)
{
	size_t n;
	struct symbol **all = symbol_hash_order(ctx, &n); /* GNU ld walks its hash table */
	for (size_t i = 0; i < n; i++) {
		struct symbol *s = all[i];
		if (s->kind != SYM_COMMON)
			continue;
		struct input_file *f = s->file;
		if (!f->common)
			f->common = common_section(ctx, f);
		uint64_t align = s->value ? s->value : 1;
		struct input_section *c = f->common;
		c->size = align_to(c->size, align);
		if (align > c->align)
			c->align = align;
		s->kind = SYM_DEFINED;
		s->isec = c;
		s->value = c->size;
		s->type = STT_OBJECT;
		c->size += s->size;
	}
	free(all);
}

/* Where GNU ld puts an orphan: with the output section of the same name, else after the last
 * output section of the same kind (code, read-only data, TLS, data, bss, notes, non-alloc). */
enum orphan_kind { ORPHAN_TEXT, ORPHAN_RODATA, ORPHAN_TDATA, ORPHAN_DATA, ORPHAN_BSS, ORPHAN_NOTE, ORPHAN_NONALLOC, ORPHAN_N };

static enum orphan_kind orphan_kind_of(const struct input_section *isec)
{
	uint64_t f = isec->flags;
	if (!(f & SHF_ALLOC))
		return ORPHAN_NONALLOC;
	if (isec->type == SHT_NOTE)
		return ORPHAN_NOTE;
	if (isec->type == SHT_NOBITS && !(f & SHF_TLS))
		return ORPHAN_BSS;
	if (f & SHF_TLS)
		return ORPHAN_TDATA;
	if (f & SHF_WRITE)
		return ORPHAN_DATA;
	if (!(f & SHF_EXECINSTR))
		return ORPHAN_RODATA;
	return ORPHAN_TEXT;
}

static const char *const orphan_anchor[ORPHAN_N] = {".text", ".rodata", ".tdata", ".data", ".bss", ".interp", NULL};

static size_t find_node(struct layout *L, const char *name)
{
	for (size_t i = 0; i < L->nodes.n; i++)
		if (L->nodes.v[i].kind == LN_OSEC && !strcmp(L->nodes.v[i].lo->os->name, name))
			return i;
	return (size_t)-1;
}

static bool osec_kind_matches(const struct layout_osec *lo, enum orphan_kind k)
{
	const struct output_section *os = lo->os;
	if (lo->removed || !lo->os->flags)
		return false;
	struct input_section probe = {.flags = os->flags, .type = os->type};
	return orphan_kind_of(&probe) == k;
}

static void place_orphan(struct layout *L, struct input_section *isec)
{
	struct ctx *ctx = L->ctx;
	size_t at = find_node(L, isec->name);
	if (at != (size_t)-1) {
		struct layout_osec *lo = L->nodes.v[at].lo;
		if (!lo->orphan_item) {
			vec_push(lo->items, ((struct lo_item){.kind = IT_INPUTS}));
			lo->orphan_item = lo->items.n;
		}
		vec_push(lo->items.v[lo->orphan_item - 1].secs, isec);
		return;
	}
	enum orphan_kind k = orphan_kind_of(isec);
	size_t after = (size_t)-1;
	if (L->orphan_last[k]) {
		after = L->orphan_last[k] - 1;
	} else if (k == ORPHAN_NONALLOC) {
		after = L->nodes.n - 1;
	} else {
		if (orphan_anchor[k])
			after = find_node(L, orphan_anchor[k]);
		if (after == (size_t)-1 || L->nodes.v[after].lo->removed) {
			after = (size_t)-1;
			for (size_t i = 0; i < L->nodes.n; i++)
				if (L->nodes.v[i].kind == LN_OSEC && osec_kind_matches(L->nodes.v[i].lo, k))
					after = i;
		}
		if (after == (size_t)-1 && orphan_anchor[k])
			after = find_node(L, orphan_anchor[k]);
		if (after == (size_t)-1)
			after = L->nodes.n - 1;
	}
	const char *oh = ctx->opt.orphan_handling;
	if (oh && !strcmp(oh, "error"))
		error(ctx, "%s: error: unplaced orphan section `%s' from `%s'", isec->file->name, isec->name, isec->file->name);
	else if (oh && !strcmp(oh, "warn"))
		warn(ctx, "orphan section `%s' from `%s' being placed in section `%s'", isec->name, isec->file->name, isec->name);
	struct layout_osec *lo = new_osec(L, isec->name, NULL);
	lo->orphan = true;
	vec_push(lo->items, ((struct lo_item){.kind = IT_INPUTS}));
	vec_push(lo->items.v[0].secs, isec);
	/* insert after `after` */
	vec_push(L->nodes, ((struct lnode){0}));
	size_t pos = after + 1;
	memmove(&L->nodes.v[pos + 1], &L->nodes.v[pos], (L->nodes.n - 1 - pos) * sizeof(struct lnode));
	L->nodes.v[pos] = (struct lnode){.kind = LN_OSEC, .lo = lo};
	for (int i = 0; i < ORPHAN_N; i++)
		if (L->orphan_last[i] > pos)
			L->orphan_last[i]++;
	L->orphan_last[k] = pos + 1;
	finish_osec(L, lo);
}

/* Output section type and flags from its inputs, and whether it is kept at all. */
void finish_osec(struct layout *L, struct layout_osec *lo)
{
	(void)L;
	struct output_section *os = lo->os;
	bool any_input = false, all_nobits = true, has_content = false;
	uint32_t type = 0;
	bool same_type = true;
	uint64_t merge_entsize = 0, entsize = 0;
	bool all_merge = true, same_entsize = true;
	size_t first_item = 0;
	while (first_item < lo->items.n && !lo->items.v[first_item].secs.n)
		first_item++;
	os->flags = 0;
	os->align = 1;
	for (size_t i = 0; i < lo->items.n; i++) {
		struct lo_item *it = &lo->items.v[i];
		for (size_t j = 0; j < it->secs.n; j++) {
			struct input_section *isec = it->secs.v[j];
			isec->out = os;
			any_input = true;
			if (isec->file->synthetic)
				lo->has_linker_input = true;
			os->flags |= isec->flags & ~(uint64_t)(SHF_GROUP | SHF_MERGE | SHF_STRINGS | SHF_INFO_LINK | SHF_LINK_ORDER);
			if (isec->align > os->align)
				os->align = isec->align;
			if (isec->type != SHT_NOBITS) {
				all_nobits = false;
			}
			if (isec->size)
				has_content = true;
			if (!type)
				type = isec->type;
			else if (type != isec->type)
				same_type = false;
			if (j == 0 && i == first_item)
				entsize = isec->entsize;
			else if (entsize != isec->entsize)
				same_entsize = false;
			if (!(isec->flags & SHF_MERGE) || (merge_entsize && merge_entsize != isec->entsize) ||
			    ((isec->flags ^ it->secs.v[0]->flags) & SHF_STRINGS))
				all_merge = false;
			merge_entsize = isec->entsize;
		}
	}
	if (any_input && all_merge && merge_entsize) {
		struct input_section *first = NULL;
		for (size_t i = 0; i < lo->items.n && !first; i++)
			if (lo->items.v[i].secs.n)
				first = lo->items.v[i].secs.v[0];
		os->flags |= SHF_MERGE | (first->flags & SHF_STRINGS);
		os->entsize = merge_entsize;
	} else if (any_input && same_entsize) {
		os->entsize = entsize;
	}
	if (!any_input)
		os->type = SHT_PROGBITS;
	else if (all_nobits)
		os->type = SHT_NOBITS;
	else if (same_type)
		os->type = type;
	else
		os->type = SHT_PROGBITS;
	if (lo->has_data && !any_input)
		os->flags |= SHF_ALLOC | SHF_WRITE;
	else if (lo->has_data)
		os->flags |= SHF_ALLOC;
	if (lo->desc) {
		switch (lo->desc->type) {
		case OSEC_NOLOAD:
			os->type = SHT_NOBITS;
			os->noload = true;
			break;
		case OSEC_DSECT:
		case OSEC_COPY:
		case OSEC_INFO:
		case OSEC_OVERLAY:
			os->flags &= ~(uint64_t)SHF_ALLOC;
			break;
		case OSEC_READONLY:
			os->flags &= ~(uint64_t)SHF_WRITE;
			break;
		default:
			break;
		}
	}
	/* emptiness is decided when sizes are known (address.c presize); until then an output
	 * section without content counts as removed for orphan placement */
	lo->removed = !has_content && !lo->has_data && !lo->assigns_dot && !lo->has_linker_input;
}

static bool expr_calls(const struct expr *e, enum expr_fn fn)
{
	if (!e)
		return false;
	if (e->kind == EXPR_CALL && e->fn == fn)
		return true;
	return expr_calls(e->a, fn) || expr_calls(e->b, fn) || expr_calls(e->c, fn);
}

/* GNU ld keeps -z relro only if some input section named by the statements between
 * DATA_SEGMENT_ALIGN and DATA_SEGMENT_RELRO_END has contents (lang_find_relro_sections).  It
 * looks at every matching section, even one a constraint-failed statement did not take. */
static void find_relro_range(struct layout *L)
{
	size_t start = (size_t)-1, end = (size_t)-1;
	for (size_t i = 0; i < L->nodes.n; i++) {
		const struct lnode *nd = &L->nodes.v[i];
		if (nd->kind != LN_ASSIGN)
			continue;
		if (start == (size_t)-1 && expr_calls(nd->st->assign.expr, FN_DATA_SEGMENT_ALIGN))
			start = i;
		else if (start != (size_t)-1 && expr_calls(nd->st->assign.expr, FN_DATA_SEGMENT_RELRO_END))
			end = i;
	}
	for (size_t r = 0; r < L->rules.n; r++) {
		size_t at = node_of(L, L->rules.v[r].lo);
		L->rules.v[r].in_relro = start != (size_t)-1 && end != (size_t)-1 && at > start && at < end;
	}
}

static void find_relro_sections(struct layout *L, struct input_section **all, size_t n)
{
	L->relro_enabled = false;
	if (!L->ctx->opt.relro)
		return;
	for (size_t r = 0; r < L->rules.n && !L->relro_enabled; r++) {
		if (!L->rules.v[r].in_relro)
			continue;
		for (size_t i = 0; i < n; i++) {
			struct input_section *isec = all[i];
			if (isec->size && !isec->discarded && isec->out && rule_matches(&L->rules.v[r], isec)) {
				L->relro_enabled = true;
				break;
			}
		}
	}
}

void layout_map(struct ctx *ctx, struct layout *L)
{
	L->ctx = ctx;
	/* --defsym assignments come first, as if at the start of the script */
	for (size_t i = 0; i < ctx->defsym_stmts.n; i++)
		add_node(L, LN_ASSIGN, ctx->defsym_stmts.v[i], NULL);
	if (ctx->script)
		build_top(L, ctx->script->cmds);
	allocate_commons(ctx);
	find_relro_range(L);

	/* Sections the linker itself makes (.got, ...) are matched like any other input. */
	VEC(struct input_section *) all = {0};
	for (size_t fi = 0; fi < ctx->files.n; fi++) {
		struct input_file *f = ctx->files.v[fi];
		for (size_t si = 1; si < f->shnum; si++) {
			struct input_section *isec = f->sections[si];
			if (isec && !isec->discarded)
				vec_push(all, isec);
		}
		if (f->common)
			vec_push(all, f->common);
	}

	/* ONLY_IF_RO/ONLY_IF_RW: find, for each constrained output section, whether its matching
	 * inputs are all read-only, then drop the ones whose constraint fails.  Matching is
	 * first-rule-wins among the rules that survive. */
	bool *rule_off = xcalloc(L->rules.n + 1, sizeof(bool));
	for (int round = 0; round < 2; round++) {
		for (size_t r = 0; r < L->rules.n; r++)
			if (L->rules.v[r].lo->desc && L->rules.v[r].lo->desc->constraint != CONSTRAINT_NONE) {
				L->rules.v[r].lo->constraint_seen = false;
				L->rules.v[r].lo->constraint_ro = true;
			}
		for (size_t i = 0; i < all.n; i++) {
			struct input_section *isec = all.v[i];
			for (size_t r = 0; r < L->rules.n; r++) {
				if (rule_off[r] || !rule_matches(&L->rules.v[r], isec))
					continue;
				struct layout_osec *lo = L->rules.v[r].lo;
				if (lo->desc && lo->desc->constraint != CONSTRAINT_NONE) {
					lo->constraint_seen = true;
					if (isec->flags & SHF_WRITE)
						lo->constraint_ro = false;
				}
				break;
			}
		}
		bool changed = false;
		for (size_t r = 0; r < L->rules.n; r++) {
			struct layout_osec *lo = L->rules.v[r].lo;
			if (rule_off[r] || !lo->desc || lo->desc->constraint == CONSTRAINT_NONE)
				continue;
			bool want_ro = lo->desc->constraint == CONSTRAINT_ONLY_IF_RO;
			if (lo->constraint_seen && lo->constraint_ro != want_ro) {
				rule_off[r] = true;
				lo->constraint_failed = true;
				changed = true;
			}
		}
		if (!changed)
			break;
	}

	VEC(struct input_section *) orphans = {0};
	for (size_t i = 0; i < all.n; i++) {
		struct input_section *isec = all.v[i];
		bool placed = false;
		for (size_t r = 0; r < L->rules.n; r++) {
			struct rule *rl = &L->rules.v[r];
			if (rule_off[r] || !rule_matches(rl, isec))
				continue;
			if (rl->discard) {
				isec->discarded = true;
				isec->discard_by_script = true;
			} else {
				vec_push(rl->lo->items.v[rl->item].secs, isec);
				if (rl->desc->keep)
					isec->keep = true;
			}
			placed = true;
			break;
		}
		if (!placed)
			vec_push(orphans, isec);
	}
	free(rule_off);
	for (size_t r = 0; r < L->rules.n; r++)
		sort_rule(L, &L->rules.v[r]);

	/* constrained sections that failed are gone entirely */
	size_t w = 0;
	for (size_t i = 0; i < L->nodes.n; i++)
		if (!(L->nodes.v[i].kind == LN_OSEC && L->nodes.v[i].lo->constraint_failed))
			L->nodes.v[w++] = L->nodes.v[i];
	L->nodes.n = w;

	for (size_t i = 0; i < L->nodes.n; i++)
		if (L->nodes.v[i].kind == LN_OSEC)
			finish_osec(L, L->nodes.v[i].lo);
	for (size_t i = 0; i < orphans.n; i++) {
		struct input_section *isec = orphans.v[i];
		if (ctx->opt.orphan_handling && !strcmp(ctx->opt.orphan_handling, "discard")) {
			isec->discarded = true;
			continue;
		}
		place_orphan(L, isec);
	}
	/* re-finish sections that received orphans by name */
	for (size_t i = 0; i < L->nodes.n; i++)
		if (L->nodes.v[i].kind == LN_OSEC && L->nodes.v[i].lo->orphan_item)
			finish_osec(L, L->nodes.v[i].lo);
	find_relro_sections(L, all.v, all.n);
	build_regions(L);
	assign_regions(L);
	free(all.v);
	free(orphans.v);
}

/* ---- MEMORY regions ---- */

struct region *region_find(struct layout *L, const char *name)
{
	for (size_t i = 0; i < L->regions.n; i++)
		if (!strcmp(L->regions.v[i]->name, name))
			return L->regions.v[i];
	for (size_t i = 0; i < L->region_aliases.n; i++)
		if (!strcmp(L->region_aliases.v[i].name, name))
			return L->region_aliases.v[i].region;
	return NULL;
}

void regions_reset(struct layout *L)
{
	for (size_t i = 0; i < L->regions.n; i++) {
		L->regions.v[i]->cur = L->regions.v[i]->origin;
		L->regions.v[i]->last_os = NULL;
	}
	L->default_region->cur = 0;
	L->default_region->last_os = NULL;
}

static struct region *new_region(struct layout *L, const char *name)
{
	struct region *r = arena_alloc(&L->ctx->arena, sizeof(*r));
	r->name = name;
	r->length = ~(uint64_t)0;
	return r;
}

/* GNU ld's lang_memory_region_lookup (create = false): an unknown name is a warning and a new
 * region without limits */
static struct region *region_lookup(struct layout *L, const char *name, const struct src_loc *loc)
{
	if (!name)
		return NULL;
	if (!strcmp(name, "*default*"))
		return L->default_region;
	struct region *r = region_find(L, name);
	if (r)
		return r;
	script_warn(L->ctx, loc, "memory region `%s' not declared", name);
	r = new_region(L, arena_strdup(&L->ctx->arena, name));
	vec_push(L->regions, r);
	return r;
}

/* GNU ld's lang_get_regions */
static void get_regions(struct layout *L, struct layout_osec *lo, const char *memspec, const char *lma_memspec,
			bool have_lma, bool have_vma, const struct src_loc *loc)
{
	lo->lma_region = region_lookup(L, lma_memspec, loc);
	if (lma_memspec && !have_vma && !memspec)
		lo->region = lo->lma_region;
	else
		lo->region = memspec ? region_lookup(L, memspec, loc) : L->default_region;
	if (have_lma && lma_memspec)
		script_error(L->ctx, loc, "section has both a load address and a load region");
}

static void build_regions(struct layout *L)
{
	struct ctx *ctx = L->ctx;
	L->default_region = new_region(L, "*default*");
	L->default_region->is_default = true;
	if (!ctx->script)
		return;
	for (const struct memory_region *m = ctx->script->memory; m; m = m->next) {
		if (region_find(L, m->name)) {
			script_warn(ctx, &m->loc, "redeclaration of memory region `%s'", m->name);
			continue;
		}
		struct region *r = new_region(L, m->name);
		r->desc = m;
		r->attrs = m->attrs;
		r->not_attrs = m->not_attrs;
		if (!script_eval_const(ctx, m->origin, &r->origin))
			r->origin = 0;
		if (!script_eval_const(ctx, m->length, &r->length))
			r->length = 0;
		vec_push(L->regions, r);
	}
	for (const struct stmt *s = ctx->script->cmds; s; s = s->next) {
		if (s->kind != ST_REGION_ALIAS)
			continue;
		const char *alias = s->region_alias.alias, *name = s->region_alias.region;
		if (!strcmp(alias, "*default*") || !strcmp(name, "*default*")) {
			script_error(ctx, &s->loc, "alias for default memory region");
			continue;
		}
		if (region_find(L, alias)) {
			script_error(ctx, &s->loc, "redefinition of memory region alias `%s'", alias);
			continue;
		}
		struct region *r = region_find(L, name);
		if (!r) {
			script_error(ctx, &s->loc, "memory region `%s' for alias `%s' does not exist", name, alias);
			continue;
		}
		vec_push(L->region_aliases, ((struct region_alias){alias, r}));
	}
}

/* every output section statement's >region and AT>region */
static void assign_regions(struct layout *L)
{
	for (size_t i = 0; i < L->nodes.n; i++) {
		struct lnode *nd = &L->nodes.v[i];
		if (nd->kind != LN_OSEC)
			continue;
		struct layout_osec *lo = nd->lo;
		const struct output_section_desc *d = lo->desc;
		if (lo->overlay) {
			const struct overlay_desc *ov = lo->overlay;
			get_regions(L, lo, ov->region, ov->lma_region, ov->lma != NULL, false, &nd->st->loc);
		} else if (d) {
			get_regions(L, lo, d->region, d->lma_region, d->lma != NULL, d->addr != NULL, &nd->st->loc);
		} else {
			lo->region = L->default_region;
		}
	}
}

/* GNU ld's exp_get_fill: a bare 0x literal gives as many bytes as it has digit pairs (rounded
 * up), anything else the value's low 4 bytes, big-endian */
const struct fill_pattern *fill_from_expr(struct ctx *ctx, const struct expr *e, uint64_t value)
{
	struct fill_pattern *f = arena_alloc(&ctx->arena, sizeof(*f));
	if (e->kind == EXPR_NUM && e->hex_digits) {
		size_t n = ((size_t)e->hex_digits + 1) / 2;
		uint8_t *d = arena_alloc(&ctx->arena, n);
		for (size_t i = 0; i < n; i++) {
			size_t shift = 8 * (n - 1 - i);
			d[i] = shift < 64 ? (uint8_t)(value >> shift) : 0;
		}
		f->data = d;
		f->size = n;
	} else {
		uint8_t *d = arena_alloc(&ctx->arena, 4);
		for (int i = 0; i < 4; i++)
			d[i] = (uint8_t)(value >> (8 * (3 - i)));
		f->data = d;
		f->size = 4;
	}
	return f;
}
