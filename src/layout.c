/* Layout: the SECTIONS command executed as GNU ld executes it.
 *
 * layout_map     puts every input section into an output section (first matching input
 *                section description wins across the whole script; the rest are orphans placed
 *                by GNU ld's rules), and decides which output sections are empty and removed.
 * layout_assign  walks the statements evaluating `.` and symbol assignments, giving addresses
 *                to output sections and offsets to input sections, and repeats until nothing
 *                moves (with GNU ld's DATA_SEGMENT_* relro adjustment in between). */
#include <limits.h>
#include <stdlib.h>

#include "dynamic.h"
#include "layout.h"
#include "oformat.h"
#include "reports.h"
#include "passes.h"
#include "target.h"

/* ---- building the statement list ---------------------------------------------------- */

static void build_regions(struct layout *L);
static void assign_regions(struct layout *L);
static void define_start_stop(struct layout *L);

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
	/* DSECT/COPY/INFO/OVERLAY take SEC_ALLOC away; so does NOLOAD for a non-ELF output, where
	 * GNU ld gives it its other meaning (not loaded, not allocated, contents kept) instead of
	 * ELF's .bss-like one */
	if (desc)
		lo->noalloc = desc->type == OSEC_DSECT || desc->type == OSEC_COPY || desc->type == OSEC_INFO ||
			      desc->type == OSEC_OVERLAY || (desc->type == OSEC_NOLOAD && !oformat_is_elf(ctx));
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
			vec_push(L->rules, ((struct rule){.desc = s->input, .lo = lo, .item = lo->items.n - 1, .discard = discard}));
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
		case ST_CREATE_OBJECT_SYMBOLS:
			/* an a.out-era feature that makes no symbols for ELF, but GNU ld makes the
			 * section for it and marks it SEC_KEEP, so it stays even when empty */
			if (!lo->object_symbols)
				lo->object_symbols_at = lo->items.n;
			lo->object_symbols = true;
			break;
		case ST_CONSTRUCTORS:
			break; /* a.out-era feature: nothing to do for ELF */
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
			add_node(L, discard ? LN_DISCARD : LN_OSEC, s, discard ? NULL : lo);
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
		case ST_INSERT:
			vec_push(L->inserts, ((struct insert_mark){L->nodes.n, s, NULL}));
			break;
		default:
			break;
		}
	}
}

/* GNU ld's process_insert_statements: the statements of a script before each INSERT
 * AFTER|BEFORE (since the previous one) move next to the named output section of the script
 * in force (normally the built-in one): after it (insert_os_after), or after the output
 * section before it. */
static size_t insert_pos(struct layout *L, size_t after);

static void process_inserts(struct layout *L, size_t base)
{
	struct ctx *ctx = L->ctx;
	if (!L->inserts.n)
		return;
	size_t end = L->inserts.v[L->inserts.n - 1].node_end;
	if (end < base)
		return;
	for (size_t i = base; i < end; i++)
		L->nodes.v[i].insert_walk = (uint32_t)(i - base + 1);
	/* take the moving blocks out */
	size_t nblock = end - base;
	struct lnode *blocks = xcalloc(nblock + 1, sizeof(*blocks));
	memcpy(blocks, &L->nodes.v[base], nblock * sizeof(*blocks));
	memmove(&L->nodes.v[base], &L->nodes.v[end], (L->nodes.n - end) * sizeof(struct lnode));
	L->nodes.n -= nblock;
	size_t from = 0;
	for (size_t k = 0; k < L->inserts.n; k++) {
		const struct stmt *ins = L->inserts.v[k].st;
		size_t to = L->inserts.v[k].node_end - base;
		size_t where = (size_t)-1;
		for (size_t i = 0; i < L->nodes.n; i++)
			if (L->nodes.v[i].kind == LN_OSEC && !strcmp(L->nodes.v[i].lo->os->name, ins->insert.section)) {
				where = i;
				break;
			}
		if (where != (size_t)-1 && !ins->insert.after) {
			size_t w = where;
			where = (size_t)-1;
			while (w-- > 0)
				if (L->nodes.v[w].kind == LN_OSEC) {
					where = w;
					break;
				}
		}
		if (where == (size_t)-1) {
			script_error(ctx, &ins->loc, "%s not found for insert", ins->insert.section);
			break;
		}
		L->inserts.v[k].where = L->nodes.v[where].lo;
		size_t pos = insert_pos(L, where), n = to - from;
		vec_reserve(L->nodes, L->nodes.n + n);
		memmove(&L->nodes.v[pos + n], &L->nodes.v[pos], (L->nodes.n - pos) * sizeof(struct lnode));
		for (size_t i = from; i < to; i++)
			blocks[i].insert_group = (uint32_t)k + 1;
		memcpy(&L->nodes.v[pos], &blocks[from], n * sizeof(struct lnode));
		L->nodes.n += n;
		from = to;
	}
	free(blocks);
}

/* ---- matching input sections to rules ----------------------------------------------- */

/* Does an input section description (file pattern, flags, section patterns with their
 * EXCLUDE_FILE) take this input section? */
bool input_desc_matches(const struct input_section_desc *d, const struct input_section *isec)
{
	const struct input_file *f = isec->file;
	const char *path = f->archive ? f->archive : f->name;
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

static bool rule_matches(const struct rule *r, const struct input_section *isec)
{
	return input_desc_matches(r->desc, isec);
}

bool input_desc_matches_any_flags(const struct input_section_desc *d, const struct input_section *isec)
{
	struct input_section_desc any = *d;
	any.has_flags = false;
	return input_desc_matches(&any, isec);
}

/* GNU ld's walk_wild, which its ONLY_IF_RO/RW and relro checks use: INPUT_SECTION_FLAGS is
 * only looked at when a section is added to its output section */
static bool rule_matches_any_flags(const struct rule *r, const struct input_section *isec)
{
	return input_desc_matches_any_flags(r->desc, isec);
}

static const struct section_pattern *matching_pattern(const struct rule *r, const struct input_section *isec)
{
	for (const struct section_pattern *sp = r->desc->sections; sp; sp = sp->next)
		if (script_match_section(sp, isec->name))
			return sp;
	return NULL;
}

/* GNU ld's get_init_priority: .init_array.NNNNN / .fini_array.NNNNN (and any name ending in
 * a number) sort by NNNNN, .ctors.NNNNN / .dtors.NNNNN by 65535 - NNNNN; -1 for none. */
static long init_priority(const char *name)
{
	const char *dot = strrchr(name, '.');
	if (!dot || dot[1] < '0' || dot[1] > '9')
		return -1;
	char *end;
	unsigned long n = strtoul(dot + 1, &end, 10);
	if (*end)
		return -1;
	if (dot == name + 6 && (!strncmp(name, ".ctors", 6) || !strncmp(name, ".dtors", 6)))
		n = 65535 - n;
	return n <= INT_MAX ? (long)n : -1;
}

static int by_name(const struct input_section *a, const struct input_section *b)
{
	return strcmp(a->name, b->name);
}

static int by_alignment(const struct input_section *a, const struct input_section *b)
{
	return a->align < b->align ? 1 : a->align > b->align ? -1 : 0;
}

/* GNU ld's compare_section, for a pattern sorted `outer' around `inner' */
static int compare_section(enum sort_kind outer, enum sort_kind inner, const struct input_section *a,
			   const struct input_section *b)
{
	int c;
	switch (outer) {
	case SORT_BY_INIT_PRIORITY: {
		long pa = init_priority(a->name), pb = init_priority(b->name);
		if (pa < 0 || pb < 0 || pa == pb)
			return by_name(a, b);
		return pa < pb ? -1 : 1;
	}
	case SORT_BY_NAME:
		c = by_name(a, b);
		return c || inner != SORT_BY_ALIGNMENT ? c : by_alignment(a, b);
	case SORT_BY_ALIGNMENT:
		c = by_alignment(a, b);
		return c || inner != SORT_BY_NAME ? c : by_name(a, b);
	default:
		return 0; /* (GNU ld aborts: SORT(files) with two unsorted sections of one file) */
	}
}

/* SORT(file pattern): archives by the archive's name, then members by theirs */
static int compare_files(const struct input_file *a, const struct input_file *b)
{
	int c = strcmp(a->archive ? a->archive : a->name, b->archive ? b->archive : b->name);
	if (c || (!a->archive && !b->archive))
		return c;
	return strcmp(a->archive ? a->member : a->name, b->archive ? b->member : b->name);
}

struct sort_node {
	struct input_section *isec;
	bool own;           /* the rule took it */
	size_t left, right; /* 1 + node index, 0 for none */
};

/* the rule's own sections, in tree order */
static void sort_walk(const struct sort_node *t, size_t at, struct input_section **out, size_t *n)
{
	while (at) {
		sort_walk(t, t[at - 1].left, out, n);
		if (t[at - 1].own)
			out[(*n)++] = t[at - 1].isec;
		at = t[at - 1].right;
	}
}

/* SORT_* of a rule, as GNU ld's wild_sort builds it: the sections, in the order the rule met
 * them, go into a binary tree; one whose pattern is not sorted is appended at the right end,
 * one whose pattern is sorted descends comparing by its own pattern's sort (after the file
 * names, with SORT(file pattern)).  The tree read in order is the output order. */
static bool rule_sorted(struct layout *L, const struct rule *r)
{
	enum sort_kind global = (enum sort_kind)L->ctx->opt.sort_section;
	bool any = r->desc->file.sort_by_name;
	for (const struct section_pattern *sp = r->desc->sections; sp; sp = sp->next) {
		/* --sort-section leaves .init and .fini alone */
		bool global_here = global && strcmp(sp->pattern, ".init") && strcmp(sp->pattern, ".fini");
		if ((sp->sort != SORT_UNSET && sp->sort != SORT_NONE) || (sp->sort == SORT_UNSET && global_here))
			any = true;
	}
	return any;
}

/* ... the tree holds every section the patterns name, in the order the mapping met them, the
 * ones another rule took included: they shape the tree, yet only the rule's own come out */
static void sort_rule(struct layout *L, struct rule *r)
{
	struct lo_item *it = &r->lo->items.v[r->item];
	enum sort_kind global = (enum sort_kind)L->ctx->opt.sort_section;
	if (!r->sorted || it->secs.n + r->unplaced.n < 2)
		return;
	size_t total = it->secs.n + r->unplaced.n;
	struct sort_node *t = xcalloc(total, sizeof(*t));
	for (size_t a = 0, b = 0, k = 0; k < total; k++) {
		bool own = b == r->unplaced.n ||
			   (a < it->secs.n && it->secs.v[a]->map_seq < r->unplaced.v[b]->map_seq);
		t[k] = (struct sort_node){own ? it->secs.v[a++] : r->unplaced.v[b++], own, 0, 0};
	}
	size_t root = 0, *rightmost = &root;
	for (size_t i = 0; i < total; i++) {
		struct input_section *isec = t[i].isec;
		const struct section_pattern *sp = matching_pattern(r, isec);
		enum sort_kind outer = sp ? sp->sort : SORT_UNSET, inner = sp ? sp->sort_inner : SORT_UNSET;
		bool global_here = global && sp && strcmp(sp->pattern, ".init") && strcmp(sp->pattern, ".fini");
		if (outer == SORT_UNSET && global_here)
			outer = global;
		else if (global_here && inner == SORT_UNSET && outer != SORT_NONE && outer != SORT_BY_INIT_PRIORITY &&
			 outer != global)
			inner = global;
		if (outer == SORT_NONE)
			outer = SORT_UNSET;
		size_t *link = rightmost;
		if (r->desc->file.sort_by_name || outer != SORT_UNSET) {
			link = &root;
			while (*link) {
				const struct sort_node *at = &t[*link - 1];
				int c = 0;
				if (r->desc->file.sort_by_name)
					c = compare_files(isec->file, at->isec->file);
				if (!c)
					c = compare_section(outer, inner, isec, at->isec);
				link = c < 0 ? &t[*link - 1].left : &t[*link - 1].right;
			}
		}
		*link = i + 1;
		if (link == rightmost)
			rightmost = &t[i].right;
	}
	size_t n = 0;
	sort_walk(t, root, it->secs.v, &n);
	free(t);
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

/* bfd gives a file a COMMON section when it reads a common symbol that takes over the
 * symbol (the first, or a larger one): scripts match it with *(COMMON) even when it ends up
 * empty, as in -r links, which leave commons unallocated. */
static struct input_section *file_common(struct ctx *ctx, struct input_file *f)
{
	if (!f->common) {
		f->common = common_section(ctx, f);
		/* --gc-sections reached none of the file's commons */
		if (f->common_gc)
			f->common->discarded = f->common->dropped_unmapped = true;
	}
	return f->common;
}

static void make_common_sections(struct ctx *ctx)
{
	for (size_t fi = 0; fi < ctx->files.n; fi++)
		if (ctx->files.v[fi]->common_made)
			file_common(ctx, ctx->files.v[fi]);
}

/* A common symbol a plain assignment (or --defsym) sets is the script's before commons are
 * allocated: GNU ld's mark phase runs the assignment first.  (A PROVIDE leaves it common.) */
static void script_takes_common(const struct stmt *st, int in_section, void *ud)
{
	struct ctx *ctx = ud;
	(void)in_section;
	if (st->assign.kind != ASSIGN_PLAIN && st->assign.kind != ASSIGN_HIDDEN)
		return;
	struct symbol *s = symbol_find(ctx, st->assign.name);
	if (s && s->kind == SYM_COMMON) {
		s->kind = SYM_SCRIPT;
		s->by_object = true;
		s->value = 0;
		s->osec = NULL;
		s->isec = NULL;
	}
}

static void allocate_common(struct ctx *ctx, struct symbol *s, uint64_t align)
{
	struct input_section *c = file_common(ctx, s->file);
	c->size = align_to(c->size, align);
	if (align > c->align)
		c->align = align;
	s->kind = SYM_DEFINED;
	s->isec = c;
	s->value = c->size;
	s->type = STT_OBJECT;
	c->size += s->size;
}

/* GNU ld allocates each common symbol in the COMMON section of the file that defined it (the
 * one with the largest size), aligned to its alignment. */
static void allocate_commons(struct ctx *ctx)
{
	size_t n;
	if (ctx->script)
		stmt_for_each_assign(ctx->script->cmds, 0, script_takes_common, ctx);
	for (size_t i = 0; i < ctx->defsym_stmts.n; i++)
		script_takes_common(ctx->defsym_stmts.v[i], 0, ctx);
	struct symbol **all = symbol_hash_order(ctx, &n); /* GNU ld walks its hash table */
	/* --sort-common: walks by alignment, from 16 down (descending) or 1 up, then the rest */
	const bool sort = ctx->opt.sort_common, up = ctx->opt.sort_common_ascending;
	for (int pass = 0; pass < (sort ? 6 : 1); pass++) {
		unsigned power = !sort ? 0 : pass == 5 ? (up ? ~0u : 0) : up ? (unsigned)pass : 4u - (unsigned)pass;
		for (size_t i = 0; i < n; i++) {
			struct symbol *s = all[i];
			if (s->kind != SYM_COMMON)
				continue;
			uint64_t align = s->value ? s->value : 1;
			unsigned p2 = 0;
			while (p2 < 63 && ((uint64_t)1 << p2) < align)
				p2++;
			if (!sort || (up ? p2 <= power : p2 >= power))
				allocate_common(ctx, s, align);
		}
	}
	free(all);
}

/* Orphan placement: GNU ld's ldelf_place_orphan, lang_output_section_find_by_flags and
 * insert_os_after, on bfd's section flags. */
enum {
	G_ALLOC = 1, G_LOAD = 2, G_RO = 4, G_CODE = 8, G_DATA = 16, G_CONTENTS = 32, G_TLS = 64, G_DEBUG = 128,
};

static unsigned gnu_flags(const struct input_section *isec)
{
	unsigned f = 0;
	if (isec->flags & SHF_ALLOC)
		f |= G_ALLOC;
	if (isec->type != SHT_NOBITS) {
		f |= G_CONTENTS;
		if (f & G_ALLOC)
			f |= G_LOAD;
	}
	if (!(isec->flags & SHF_WRITE))
		f |= G_RO;
	if (isec->flags & SHF_EXECINSTR)
		f |= G_CODE;
	else if (f & G_LOAD)
		f |= G_DATA;
	if (isec->flags & SHF_TLS)
		f |= G_TLS;
	if (!(f & G_ALLOC) && (!strncmp(isec->name, ".debug", 6) || !strncmp(isec->name, ".zdebug", 7) ||
			       !strncmp(isec->name, ".gnu.linkonce.wi.", 17) || !strncmp(isec->name, ".line", 5) ||
			       !strncmp(isec->name, ".stab", 5) || !strcmp(isec->name, ".gdb_index")))
		f |= G_DEBUG;
	return f;
}

enum orphan_place { P_TEXT, P_RODATA, P_TDATA, P_DATA, P_BSS, P_REL, P_INTERP, P_NONALLOC, P_N };
static const char *const place_name[P_N] = {".text", ".rodata", ".tdata", ".data", ".bss", NULL, ".interp", ".comment"};
static const unsigned place_flags[P_N] = {
	G_CONTENTS | G_ALLOC | G_LOAD | G_RO | G_CODE, G_CONTENTS | G_ALLOC | G_LOAD | G_RO | G_DATA,
	G_CONTENTS | G_ALLOC | G_LOAD | G_DATA | G_TLS, G_CONTENTS | G_ALLOC | G_LOAD | G_DATA, G_ALLOC,
	G_CONTENTS | G_ALLOC | G_LOAD | G_RO | G_DATA, G_CONTENTS | G_ALLOC | G_LOAD | G_RO | G_DATA, G_CONTENTS,
};


/* GNU ld (lang_add_section) runs .ctors/.ctors.* backwards when they go into .init_array
 * (.dtors into .fini_array): the old sections are called last to first, the arrays first to
 * last.  Only for ELF output; a section of one word is left alone. */
static bool reverse_copy(struct ctx *ctx, const struct input_section *isec, const struct output_section *os)
{
	const char *n = isec->name;
	bool ctors = !strncmp(n, ".ctors", 6) && !strcmp(os->name, ".init_array");
	bool dtors = !strncmp(n, ".dtors", 6) && !strcmp(os->name, ".fini_array");
	uint64_t word = reverse_copy_word(isec);
	if (!(ctors || dtors) || (n[6] && n[6] != '.') || !oformat_is_elf(ctx) || isec->size <= word)
		return false;
	/* bfd reverses whole words, each with at most one relocation */
	size_t nrel = reloc_count_of(isec);
	if (isec->size % word || (nrel && isec->size / word != nrel))
		error(ctx, "%s: size of section %s is not multiple of address size", isec->file->name, n);
	return true;
}

/* (READONLY) and (READONLY (TYPE = ...)) give the output section SEC_READONLY */
static bool desc_readonly(const struct output_section_desc *d)
{
	return d && (d->type == OSEC_READONLY || d->type == OSEC_READONLY_TYPE);
}

/* (TYPE = ...): the type a data statement gives bfd's section (map_input_to_output_sections),
 * which its ELF header takes when neither its name nor its first input gave one; 0 if none */
static uint32_t script_section_type(struct layout *L, const struct layout_osec *lo)
{
	uint64_t v;
	if (!lo->desc || (lo->desc->type != OSEC_TYPE && lo->desc->type != OSEC_READONLY_TYPE) || !lo->has_data)
		return 0;
	if (!script_eval_const(L->ctx, lo->desc->type_value, &v)) {
		error(L->ctx, "invalid type for output section `%s'", lo->os->name);
		return 0;
	}
	return (uint32_t)v;
}

/* an output section statement's bfd flags at orphan time; false when GNU ld would have no
 * bfd section for it yet (nothing mapped to it) */
static bool osec_gnu_flags(const struct layout_osec *lo, unsigned *flags, uint32_t *type)
{
	/* SEC_READONLY, as the mapping walk leaves it: a statement that makes the section
	 * (assignment, fill, CREATE_OBJECT_SYMBOLS) gives none, a data statement that makes it
	 * gives it; the first input sets it from its own flags, any input without it clears it */
	bool made = false, ro = false, first_input = true;
	const bool readonly = desc_readonly(lo->desc);
	unsigned f = 0;
	*type = 0;
	for (size_t i = 0; i <= lo->items.n; i++) {
		if (lo->object_symbols && lo->object_symbols_at == i)
			made = true;
		if (i == lo->items.n)
			break;
		const struct lo_item *it = &lo->items.v[i];
		if (it->kind == IT_DATA) {
			ro = !made || readonly || ro;
			made = true;
		} else if (it->kind != IT_INPUTS) {
			ro = made && ro;
			made = true;
		}
		for (size_t j = 0; j < it->secs.n; j++) {
			const struct input_section *isec = it->secs.v[j];
			unsigned g = gnu_flags(isec) | (readonly ? G_RO : 0);
			if (first_input)
				*type = isec->type;
			ro = (g & G_RO) && (ro || first_input);
			first_input = false;
			made = true;
			f |= g & ~(unsigned)G_RO;
		}
	}
	if (ro)
		f |= G_RO;
	const bool noalloc = lo->noalloc;
	if (noalloc)
		f &= ~(unsigned)G_ALLOC; /* bfd keeps SEC_LOAD from the inputs */
	if (lo->has_data)
		f |= noalloc ? G_CONTENTS : G_CONTENTS | G_ALLOC | G_LOAD;
	if (lo->desc && (lo->desc->type == OSEC_NOLOAD))
		f &= ~(unsigned)(lo->noalloc ? G_LOAD : G_LOAD | G_CONTENTS);
	*flags = f & ~(unsigned)G_DEBUG; /* bfd does not carry SEC_DEBUGGING to output sections */
	return made;
}

/* bfd's SEC_READONLY of the output section, as its mapping left it (a writable name with a
 * data statement first and no writable input is read-only to bfd) */
bool osec_bfd_readonly(const struct layout_osec *lo)
{
	unsigned f;
	uint32_t t;
	osec_gnu_flags(lo, &f, &t);
	return f & G_RO;
}

static bool osec_has_inputs(const struct layout_osec *lo)
{
	for (size_t i = 0; i < lo->items.n; i++)
		if (lo->items.v[i].secs.n)
			return true;
	return false;
}

static bool group_member_kept_apart(const struct ctx *ctx, const struct input_section *isec)
{
	return ctx_relocatable(ctx) && (isec->flags & SHF_GROUP);
}

/* Output sections by name for orphan placement: built once the statement list is final, then
 * kept up to date as orphan sections are added, so placing many orphans stays linear. */
struct name_map {
	struct layout_osec **slots;
	size_t cap, n;
};

static void name_map_put(struct layout *L, struct layout_osec *lo)
{
	struct name_map *m = L->by_name;
	if (!m)
		return;
	if ((m->n + 1) * 2 > m->cap) {
		size_t cap = m->cap ? m->cap * 2 : 256;
		struct layout_osec **slots = xcalloc(cap, sizeof(*slots));
		for (size_t i = 0; i < m->cap; i++) {
			if (!m->slots[i])
				continue;
			size_t j = hash_str(m->slots[i]->os->name) & (cap - 1);
			while (slots[j])
				j = (j + 1) & (cap - 1);
			slots[j] = m->slots[i];
		}
		free(m->slots);
		m->slots = slots;
		m->cap = cap;
	}
	size_t j = hash_str(lo->os->name) & (m->cap - 1);
	for (; m->slots[j]; j = (j + 1) & (m->cap - 1))
		if (!strcmp(m->slots[j]->os->name, lo->os->name)) {
			/* later sections of a name are tried after it, in order */
			struct layout_osec *t = m->slots[j];
			while (t->same_name)
				t = t->same_name;
			t->same_name = lo;
			return;
		}
	m->slots[j] = lo;
	m->n++;
}

static struct layout_osec *orphan_target_by_name(struct layout *L, const char *name)
{
	if (!L->by_name) {
		L->by_name = arena_alloc(&L->ctx->arena, sizeof(*L->by_name));
		for (size_t i = 0; i < L->nodes.n; i++)
			if (L->nodes.v[i].kind == LN_OSEC)
				name_map_put(L, L->nodes.v[i].lo);
	}
	struct name_map *m = L->by_name;
	if (!m->cap)
		return NULL;
	size_t j = hash_str(name) & (m->cap - 1);
	for (; m->slots[j]; j = (j + 1) & (m->cap - 1))
		if (!strcmp(m->slots[j]->os->name, name))
			return m->slots[j];
	return NULL;
}

/* GNU ld's lang_output_section_find: the first statement of the name it made, the script's
 * before any orphan's (orphans in the order they were made, wherever they were put) */
static size_t find_node(struct layout *L, const char *name)
{
	size_t orphan = (size_t)-1;
	for (size_t i = 0; i < L->nodes.n; i++) {
		const struct layout_osec *lo = L->nodes.v[i].lo;
		if (L->nodes.v[i].kind != LN_OSEC || strcmp(lo->os->name, name))
			continue;
		if (!lo->orphan)
			return i;
		if (orphan == (size_t)-1 || lo->orphan_seq < L->nodes.v[orphan].lo->orphan_seq)
			orphan = i;
	}
	return orphan;
}

/* an output section's inputs changed size after mapping: its flags, type and removal again */
void layout_refinish(struct layout *L, const struct output_section *os)
{
	for (size_t i = 0; i < L->nodes.n; i++)
		if (L->nodes.v[i].kind == LN_OSEC && L->nodes.v[i].lo->os == os)
			finish_osec(L, L->nodes.v[i].lo);
}

struct layout_osec *layout_find_osec(struct layout *L, const char *name)
{
	size_t i = find_node(L, name);
	return i == (size_t)-1 ? NULL : L->nodes.v[i].lo;
}

static bool elf_special_section(const char *name, uint32_t *type, uint64_t *flags);

/* The ELF type bfd has for an input: a section the linker makes has the one bfd's table gives
 * its name (_bfd_elf_new_section_hook), or none */
static uint32_t bfd_input_type(const struct input_section *isec)
{
	uint32_t type;
	uint64_t flags;
	if (!isec->file->synthetic)
		return isec->type;
	return elf_special_section(isec->name, &type, &flags) ? type : 0;
}

/* GNU ld's lang_output_section_find_by_flags; `exact`: found by the first, strictest match
 * (what bfd keeps as the place's section for the orphans after) */
static size_t find_by_flags(struct layout *L, const struct input_section *isec, unsigned sf, bool match_type,
			    bool *exact)
{
	size_t found = (size_t)-1;
	*exact = false;
	/* _bfd_elf_match_sections_by_type matches anything when the output is not ELF */
	if (!oformat_is_elf(L->ctx))
		match_type = false;
	for (int attempt = 0; attempt < 2; attempt++) {
		for (int step = 0; step < 2; step++) {
			bool seen_tls = false;
			for (size_t i = 0; i < L->nodes.n; i++) {
				/* a statement bfd made no section for (dropped by its constraint,
				 * /DISCARD/) has flags 0: only a non-allocated orphan can follow it */
				if ((L->nodes.v[i].kind == LN_DROPPED || L->nodes.v[i].kind == LN_DISCARD) && step == 1 &&
				    !(sf & (G_ALLOC | G_DEBUG)))
					found = i;
				if (L->nodes.v[i].kind != LN_OSEC)
					continue;
				const struct layout_osec *lo = L->nodes.v[i].lo;
				if (lo->discard)
					continue;
				unsigned lf;
				uint32_t ltype;
				bool has = osec_gnu_flags(lo, &lf, &ltype);
				if (!has && osec_made(lo)) {
					has = true; /* made by an ADDR/LOADADDR naming it: flags 0, its name's type */
					lf = 0;
				} else if (!has) {
					/* GNU ld gives a statement of a place's name the place's flags,
					 * unless it has some: NOLOAD's SEC_NEVER_LOAD */
					lf = 0;
					for (int k = 0; k < P_N; k++)
						if (place_name[k] && !strcmp(place_name[k], lo->os->name) &&
						    !(lo->desc && lo->desc->type == OSEC_NOLOAD))
							lf = place_flags[k];
				}
				/* the type check is on the output's ELF type as bfd has it so far */
				bool mt = match_type && has && !(step == 1 && ((sf & G_TLS) || !(sf & G_ALLOC)));
							if (mt && lo->bfd_type != bfd_input_type(isec))
					continue;
				unsigned d = lf ^ sf;
				if (step == 0) {
					if (!(d & (G_CONTENTS | G_ALLOC | G_LOAD | G_RO | G_CODE | G_TLS)))
						found = i;
					continue;
				}
				if ((sf & G_CODE) && (sf & G_ALLOC)) {
					if (!(d & (G_CONTENTS | G_ALLOC | G_LOAD | G_CODE | G_TLS)))
						found = i;
				} else if ((sf & G_RO) && (sf & G_ALLOC)) {
					if (!(d & (G_CONTENTS | G_ALLOC | G_LOAD | G_RO)))
						found = i;
				} else if ((sf & G_TLS) && (sf & G_ALLOC)) {
					unsigned d2 = lf ^ (sf | G_LOAD | G_CONTENTS);
					if (!(d2 & (G_TLS | G_ALLOC))) {
						if (!(lf & G_LOAD) && (sf & G_LOAD))
							break;
						found = i;
						seen_tls = true;
					} else if (seen_tls) {
						break;
					} else if (!(d2 & (G_CONTENTS | G_ALLOC | G_LOAD))) {
						found = i;
					}
				} else if ((sf & G_CONTENTS) && (sf & G_ALLOC)) {
					if (!(d & (G_CONTENTS | G_ALLOC | G_LOAD | G_TLS)))
						found = i;
				} else if (sf & G_ALLOC) {
					if (!(d & G_ALLOC))
						found = i;
				} else if (!(d & G_DEBUG)) {
					found = i; /* non-alloc go last */
				}
			}
			if (found != (size_t)-1 || (step == 1 && !(sf & G_ALLOC))) {
				*exact = found != (size_t)-1 && attempt == 0 && step == 0;
				return found;
			}
		}
		if (!match_type)
			break;
		match_type = false;
	}
	return found;
}

/* GNU ld's insert_os_after: the orphan goes before the next output section statement after
 * `after`, but before a `. =` assignment standing between them (symbol assignments are
 * skipped over) */
static size_t insert_pos(struct layout *L, size_t after)
{
	/* no section to follow: bfd's *ABS* statement, which heads the list; the first `. =`
	 * after it does not count */
	bool ignore_first = after == (size_t)-1;
	size_t assign = (size_t)-1;
	size_t i;
	for (i = after + 1; i < L->nodes.n; i++) {
		const struct lnode *nd = &L->nodes.v[i];
		if (nd->kind == LN_ASSIGN) {
			if (assign == (size_t)-1 && !strcmp(nd->st->assign.name, ".")) {
				if (!ignore_first)
					assign = i;
				ignore_first = false;
			}
			continue;
		}
		if (nd->kind == LN_ASSERT)
			continue;
		/* a dropped section or /DISCARD/ is a statement bfd made no section for */
		if (nd->kind == LN_DROPPED || nd->kind == LN_DISCARD) {
			if (assign != (size_t)-1)
				i = assign;
			break;
		}
		if (assign != (size_t)-1) {
			/* bfd's test: the section has no input sections yet, or is allocated */
			const struct layout_osec *lo = nd->lo;
			unsigned f;
			uint32_t t;
			if (!osec_has_inputs(lo) || (osec_gnu_flags(lo, &f, &t), (f & G_ALLOC)))
				i = assign;
		}
		break;
	}
	return i;
}

/* Whether bfd has made the output section by the time orphans are placed: it got an input,
 * or a statement in it made it (assignment, data, fill), or an expression named it. */
bool osec_made(const struct layout_osec *lo)
{
	return osec_made_by_walk(lo) || (lo->orphan_item && lo->items.v[lo->orphan_item - 1].secs.n);
}

bool osec_made_by_walk(const struct layout_osec *lo)
{
	if (lo->named_early || lo->object_symbols)
		return true;
	for (size_t i = 0; i < lo->items.n; i++)
		if (i + 1 != lo->orphan_item && (lo->items.v[i].kind != IT_INPUTS || lo->items.v[i].secs.n))
			return true;
	return false;
}

void expr_section_refs(const struct expr *e, section_ref_fn fn, void *ud)
{
	if (!e)
		return;
	if (e->kind == EXPR_CALL && (e->fn == FN_ADDR || e->fn == FN_LOADADDR)) {
		fn(ud, e->name);
		return;
	}
	expr_section_refs(e->a, fn, ud);
	expr_section_refs(e->b, fn, ud);
	expr_section_refs(e->c, fn, ud);
}

void osec_address_refs(const struct layout_osec *lo, section_ref_fn fn, void *ud)
{
	if (lo->overlay && lo->overlay_index > 1) {
		fn(ud, lo->overlay_first->os->name); /* its address is ADDR(first member) */
	} else if (lo->overlay) {
		expr_section_refs(lo->overlay->start, fn, ud);
		expr_section_refs(lo->overlay->lma, fn, ud);
	} else if (lo->desc) {
		expr_section_refs(lo->desc->addr, fn, ud);
		expr_section_refs(lo->desc->lma, fn, ud);
	}
}

void statement_section_refs(const struct stmt *st, section_ref_fn fn, void *ud)
{
	if (st->kind == ST_ASSIGN)
		expr_section_refs(st->assign.expr, fn, ud);
	else if (st->kind == ST_ASSERT)
		expr_section_refs(st->assert_.cond, fn, ud);
	else if (st->kind == ST_DATA)
		expr_section_refs(st->data.value, fn, ud);
}

static bool loaded_note(const struct layout_osec *lo)
{
	const struct output_section *os = lo->os;
	return os->type == SHT_NOTE && (os->flags & SHF_ALLOC) && !os->noload;
}

/* GNU ld's lang_insert_orphan keeps loaded notes of an ELF output together, sorted by
 * decreasing alignment: an orphan note goes after the last note of the first run of notes
 * whose alignment is at least its own, or before that run when none is.  (size_t)-1 when
 * there are no notes yet. */
static size_t note_insert_pos(struct layout *L, const struct input_section *isec)
{
	size_t first = (size_t)-1, after = (size_t)-1;
	L->notes_grouped = false;
	for (size_t i = 0; i < L->nodes.n; i++) {
		if (L->nodes.v[i].kind != LN_OSEC || !osec_made(L->nodes.v[i].lo))
			continue;
		if (loaded_note(L->nodes.v[i].lo)) {
			if (first == (size_t)-1)
				first = i;
			if (L->nodes.v[i].lo->os->align >= isec->align)
				after = i;
		} else if (first != (size_t)-1) {
			break;
		}
	}
	if (first == (size_t)-1)
		return (size_t)-1;
	L->notes_grouped = true;
	if (after != (size_t)-1)
		return insert_pos(L, after);
	/* before the first note: after the output section statement that precedes it */
	size_t prev = (size_t)-1;
	for (size_t i = 0; i < first; i++)
		if (L->nodes.v[i].kind == LN_OSEC)
			prev = i;
	return insert_pos(L, prev);
}


/* A type of its own that bfd's table gives the name (.init_array, .dynamic, ...): one that
 * input types and flags do not override, unlike PROGBITS, NOTE and NOBITS */
static bool name_own_type(const char *name, uint32_t *type)
{
	uint64_t flags;
	return elf_special_section(name, type, &flags) && *type != SHT_PROGBITS && *type != SHT_NOTE &&
	       *type != SHT_NOBITS;
}

/* Does a :phdr list name a PHDRS entry of type PT_LOAD? */
static bool names_load_phdr(struct ctx *ctx, const struct name_list *l)
{
	for (; l; l = l->next)
		for (const struct phdr_desc *ph = ctx->script->phdrs; ph; ph = ph->next) {
			uint64_t type;
			if (!strcmp(ph->name, l->name) && script_eval_const(ctx, ph->type, &type) && type == PT_LOAD)
				return true;
		}
	return false;
}

/* Will the section be in no PT_LOAD, where bfd would make an allocated section without
 * contents NOBITS?  -r has no segments; under PHDRS, none of the entries its :phdr list names
 * (its own, else the one before it that has one, as lang_record_phdrs goes, which gives a
 * NOLOAD section none) is a PT_LOAD. */
bool layout_no_load_segment(struct layout *L, const struct layout_osec *lo)
{
	struct ctx *ctx = L->ctx;
	if (ctx_relocatable(ctx))
		return true;
	if (!ctx->script || !ctx->script->phdrs)
		return false;
	const struct name_list *own = lo->desc && lo->desc->phdrs ? lo->desc->phdrs
				      : lo->overlay ? lo->overlay->phdrs : NULL;
	if (!own && lo->desc && lo->desc->type == OSEC_NOLOAD)
		return true;
	size_t at = node_of(L, lo);
	for (size_t i = at; !own && i-- > 0 && at != (size_t)-1;)
		if (L->nodes.v[i].kind == LN_OSEC && L->nodes.v[i].lo->desc)
			own = L->nodes.v[i].lo->desc->phdrs;
	for (size_t i = at + 1; !own && at != (size_t)-1 && i < L->nodes.n; i++)
		if (L->nodes.v[i].kind == LN_OSEC && L->nodes.v[i].lo->desc)
			own = L->nodes.v[i].lo->desc->phdrs;
	return !names_load_phdr(ctx, own);
}

/* The ELF type bfd gives an output section when `first` is its first input
 * (_bfd_elf_init_private_section_data): a type of its own by name (.init_array, ...) stays;
 * the input's is copied when the section's bfd flags then equal the input's; else it has
 * none yet (0).  data_before: a BYTE/LONG/... made the section first. */
static uint32_t bfd_first_type(const struct layout_osec *lo, const struct input_section *first, bool data_before)
{
	uint32_t st;
	if (name_own_type(lo->os->name, &st))
		return st;
	bool alloc = first->flags & SHF_ALLOC, contents = first->type != SHT_NOBITS;
	bool noalloc = lo->noalloc;
	if (lo->desc && lo->desc->type == OSEC_NOLOAD)
		return 0; /* the section has SEC_NEVER_LOAD */
	if (noalloc && alloc)
		return 0; /* SEC_ALLOC taken away */
	if (desc_readonly(lo->desc) && (first->flags & SHF_WRITE))
		return 0; /* SEC_READONLY added */
	if (data_before && (!contents || (!noalloc && !alloc)))
		return 0; /* the data gave SEC_HAS_CONTENTS (and SEC_ALLOC, SEC_LOAD) */
	if (first->file && first == first->file->common)
		return 0; /* a COMMON section is no ELF section: it has no type to give */
	return bfd_input_type(first);
}

/* Are the output section's bfd flags none at all?  `lf' are those osec_gnu_flags models; the
 * others an input can bring are SEC_KEEP (KEEP) and, with -r, SEC_RELOC; NOLOAD adds
 * SEC_NEVER_LOAD with an input or data. */
static bool bfd_flags_none(const struct layout *L, const struct layout_osec *lo, unsigned lf)
{
	if (lf || (lo->desc && lo->desc->type == OSEC_NOLOAD && (osec_has_inputs(lo) || lo->has_data)))
		return false;
	for (size_t i = 0; i < lo->items.n; i++)
		for (size_t j = 0; j < lo->items.v[i].secs.n; j++) {
			const struct input_section *isec = lo->items.v[i].secs.v[j];
			if (isec->keep || (ctx_relocatable(L->ctx) && isec->rel_index))
				return false;
		}
	return true;
}

/* The ELF type an orphan must have to join a section: bfd's, which an empty linker-made first
 * input (stripped later, after orphans are placed) gave it too */
static uint32_t orphan_join_type(const struct layout_osec *lo)
{
	if (lo->bfd_type)
		return lo->bfd_type;
	for (size_t i = 0; i < lo->items.n; i++)
		if (lo->items.v[i].secs.n)
			return linker_section_excluded(lo->items.v[i].secs.v[0]) ? bfd_input_type(lo->items.v[i].secs.v[0]) : 0;
	return 0;
}

static void drop_discarded(struct isec_vec *v)
{
	size_t n = 0;
	for (size_t i = 0; i < v->n; i++)
		if (!v->v[i]->discarded)
			v->v[n++] = v->v[i];
	v->n = n;
}

/* GNU ld's ldelf_before_place_orphans: a SHF_LINK_ORDER section goes with the section it is
 * linked to (or one down that chain) when /DISCARD/ or a COMDAT group took that one: out of
 * its output section, or of the orphans */
static void discard_linked_to_discarded(struct layout *L, struct isec_vec *orphans)
{
	struct ctx *ctx = L->ctx;
	bool any = false;
	for (size_t fi = 0; fi < ctx->files.n; fi++) {
		const struct input_file *f = ctx->files.v[fi];
		for (size_t si = 1; si < f->shnum; si++) {
			struct input_section *isec = f->sections[si];
			if (!isec || isec->discarded || !isec->link_order_to)
				continue;
			uint32_t to = isec->link_order_to;
			for (size_t steps = 0; to && steps < f->shnum; steps++) {
				const struct input_section *t = f->sections[to];
				if (!t)
					break;
				if (t->discarded && (t->discard_by_script || t->comdat_lost)) {
					isec->discarded = isec->discard_by_script = any = true;
					break;
				}
				to = t->link_order_to;
			}
		}
	}
	if (!any)
		return;
	for (size_t i = 0; i < L->nodes.n; i++) {
		struct layout_osec *lo = L->nodes.v[i].kind == LN_OSEC ? L->nodes.v[i].lo : NULL;
		for (size_t k = 0; lo && k < lo->items.n; k++)
			drop_discarded(&lo->items.v[k].secs);
	}
	drop_discarded(orphans);
}

/* GNU ld's ldelf_place_orphan: an orphan joins the first output section of its name that
 * bfd has made and whose flags and ELF type agree with it (elf_orphan_compatible; a non-ELF
 * output checks only the flags), else the last one of the name not made yet; otherwise it
 * gets a section of its own. */
static struct layout_osec *orphan_join(struct layout *L, const char *name, const struct input_section *isec)
{
	struct layout_osec *unmade = NULL;
	unsigned sf = gnu_flags(isec);
	for (struct layout_osec *lo = orphan_target_by_name(L, name); lo; lo = lo->same_name) {
		if (lo->discard)
			continue;
		if (!osec_made(lo)) {
			unmade = lo;
			continue;
		}
		unsigned lf;
		uint32_t lt;
		osec_gnu_flags(lo, &lf, &lt);
		/* made only by an assignment or the like, or given only inputs that left it no
		 * flags (NOBITS in an OVERLAY or INFO section): bfd sees flags 0, anything goes in */
		if (bfd_flags_none(L, lo, lf))
			return lo;
		if (!((lf ^ sf) & (G_ALLOC | G_LOAD)) && (orphan_join_type(lo) == bfd_input_type(isec) || !oformat_is_elf(L->ctx)))
			return lo;
	}
	return unmade;
}

/* GNU ld's output_rel_find: where a relocation orphan goes.  After the last allocated .rel*
 * statement (of its kind if any) before .rel(a).plt, else the last .rel* one; with none (or
 * for .rel(a).dyn, which must come first), after the last read-only allocated section, else
 * the last allocated one, else the last statement. */
static size_t output_rel_find(struct layout *L, bool isdyn, bool rela)
{
	size_t last = (size_t)-1, last_alloc = (size_t)-1, last_ro_alloc = (size_t)-1;
	size_t last_rel = (size_t)-1, last_rel_alloc = (size_t)-1;
	for (size_t i = 0; i < L->nodes.n; i++) {
		if (L->nodes.v[i].kind != LN_OSEC)
			continue;
		const struct layout_osec *lo = L->nodes.v[i].lo;
		const char *name = lo->os->name;
		unsigned lf;
		uint32_t lt;
		bool made = osec_gnu_flags(lo, &lf, &lt);
		if (!strncmp(name, ".rel", 4)) {
			bool lookrela = name[4] == 'a';
			if (isdyn || !strcmp(name + 4 + lookrela, ".plt"))
				break;
			if (rela == lookrela || last_rel == (size_t)-1)
				last_rel = i;
			if ((rela == lookrela || last_rel_alloc == (size_t)-1) && made && (lf & G_ALLOC))
				last_rel_alloc = i;
		}
		last = i;
		if (made && (lf & G_ALLOC)) {
			last_alloc = i;
			if (lf & G_RO)
				last_ro_alloc = i;
		}
	}
	if (last_rel_alloc != (size_t)-1)
		return last_rel_alloc;
	if (last_rel != (size_t)-1)
		return last_rel;
	if (last_ro_alloc != (size_t)-1)
		return last_ro_alloc;
	return last_alloc != (size_t)-1 ? last_alloc : last;
}

static void name_early(void *ud, const char *name);

static void place_orphan(struct layout *L, struct input_section *isec)
{
	struct ctx *ctx = L->ctx;
	/* allocated relocation sections go to .rela.dyn / .rel.dyn (GNU ld's -z combreloc) */
	const char *secname = isec->name;
	const bool isdyn = !ctx_relocatable(ctx) && ctx->opt.z_combreloc && (isec->flags & SHF_ALLOC) &&
			   (isec->type == SHT_RELA || isec->type == SHT_REL);
	if (isdyn)
		secname = isec->type == SHT_RELA ? ".rela.dyn" : ".rel.dyn";
	/* commons no *(COMMON) took go to .bss (GNU ld's lang_place_orphans: -r -d) */
	if (isec->file->common == isec)
		secname = ".bss";
	bool unique = group_member_kept_apart(ctx, isec);
	struct layout_osec *same = unique ? NULL
				   : isec->file->common == isec ? orphan_target_by_name(L, secname) /* no checks */
				   : orphan_join(L, secname, isec);
	const char *oh = ctx->opt.orphan_handling;
	if (same) {
		struct layout_osec *lo = same;
		if (!osec_has_inputs(lo))
			lo->bfd_type = bfd_first_type(lo, isec, false);
		if (!osec_made(lo)) {
			lo->made_by_orphan = ++L->orphan_events;
			/* making it reads its address and AT expressions (exp_init_os) */
			L->naming_node = L->nodes.n;
			osec_address_refs(lo, name_early, L);
		}
		if (!lo->orphan_item) {
			vec_push(lo->items, ((struct lo_item){.kind = IT_INPUTS}));
			lo->orphan_item = lo->items.n;
		}
		vec_push(lo->items.v[lo->orphan_item - 1].secs, isec);
		if (isec->file->common == isec)
			return; /* (lang_place_orphans gives it to .bss itself: not an orphan to report) */
		if (oh && !strcmp(oh, "error"))
			error(ctx, "unplaced orphan section `%s' from `%s'", section_label(ctx, isec), report_file_name(ctx, isec));
		else if (oh && !strcmp(oh, "warn"))
			warn(ctx, "orphan section `%s' from `%s' being placed in section `%s'", section_label(ctx, isec), report_file_name(ctx, isec), secname);
		return;
	}
	unsigned sf = gnu_flags(isec);
	int place = -1;
	if (isec->file->common == isec)
		place = -1; /* a .bss GNU ld makes for commons (lang_output_section_statement_lookup) goes last */
	else if (!(sf & (G_ALLOC | G_DEBUG)))
		place = P_NONALLOC;
	else if (!(sf & G_ALLOC))
		place = -1;
	else if ((sf & G_LOAD) && isec->type == SHT_NOTE)
		place = P_INTERP;
	else if (!(sf & (G_LOAD | G_CONTENTS | G_TLS)))
		place = P_BSS;
	else if (sf & G_TLS)
		place = P_TDATA;
	else if (!(sf & G_RO))
		place = P_DATA;
	else if ((sf & G_LOAD) && (isec->type == SHT_RELA || isec->type == SHT_REL))
		place = P_REL;
	else if (!(sf & G_CODE))
		place = P_RODATA;
	else
		place = P_TEXT;
	/* `from`: bfd's `after` for this orphan, whose region, load region and program headers it
	 * takes (the place's section, by name or by an exact match of flags, else the best match
	 * for this orphan's own flags); `after`: where it goes, after the place's last orphan if
	 * there is one */
	size_t after = (size_t)-1, from = (size_t)-1;
	if (place < 0) {
		after = from = L->nodes.n ? L->nodes.n - 1 : (size_t)-1;
	} else {
		if (!L->place_os[place] && place_name[place]) {
			size_t n = find_node(L, place_name[place]);
			if (n != (size_t)-1)
				L->place_os[place] = L->nodes.v[n].lo;
		}
		if (!L->place_os[place] && place == P_REL) {
			size_t n = output_rel_find(L, isdyn, isec->type == SHT_RELA);
			if (n != (size_t)-1)
				L->place_os[place] = L->nodes.v[n].lo;
		}
		if (L->place_os[place]) {
			from = node_of(L, L->place_os[place]);
		} else {
			bool exact;
			from = find_by_flags(L, isec, sf, true, &exact);
			if (from != (size_t)-1 && exact && place != P_NONALLOC)
				L->place_os[place] = L->nodes.v[from].lo;
		}
		after = L->orphan_last[place] ? L->orphan_last[place] - 1 : from;
	}
	if (isec->file->common == isec)
		; /* (not an orphan to report, as above) */
	else if (oh && !strcmp(oh, "error"))
		error(ctx, "unplaced orphan section `%s' from `%s'", section_label(ctx, isec), report_file_name(ctx, isec));
	else if (oh && !strcmp(oh, "warn"))
		warn(ctx, "orphan section `%s' from `%s' being placed in section `%s'", section_label(ctx, isec), report_file_name(ctx, isec), secname);
	struct layout_osec *lo = new_osec(L, secname, NULL);
	lo->orphan = true;
	lo->orphan_seq = ++L->orphan_events;
	vec_push(lo->items, ((struct lo_item){.kind = IT_INPUTS}));
	vec_push(lo->items.v[0].secs, isec);
	/* it inherits the region, load region and program headers of that section (`from`) */
	if (from != (size_t)-1 && from < L->nodes.n && L->nodes.v[from].kind == LN_OSEC && (sf & G_ALLOC)) {
		lo->inherit = L->nodes.v[from].lo;
	}
	/* placed after a dropped statement that kept its section: bfd puts it after that one */
	for (size_t g = 0; g < L->ghosts.n && after != (size_t)-1; g++)
		if (ghost_node(L, L->ghosts.v[g]) == after)
			lo->after_ghost = L->ghosts.v[g];
	size_t pos = place >= 0 && L->orphan_last[place] ? after + 1 : insert_pos(L, after);
	if (isec->type == SHT_NOTE && (sf & G_LOAD) && oformat_is_elf(ctx)) {
		size_t at = note_insert_pos(L, isec);
		if (at != (size_t)-1)
			pos = at;
	} else if (L->notes_grouped) {
		/* nor does another orphan go into the middle of grouped notes: when it would come
		 * just before a note, it goes after the last note (GNU ld's lang_insert_orphan) */
		size_t next = pos;
		while (next < L->nodes.n && !(L->nodes.v[next].kind == LN_OSEC && osec_made(L->nodes.v[next].lo)))
			next++;
		if (next < L->nodes.n && loaded_note(L->nodes.v[next].lo)) {
			size_t last = next;
			for (size_t i = next + 1; i < L->nodes.n; i++)
				if (L->nodes.v[i].kind == LN_OSEC && osec_made(L->nodes.v[i].lo) && loaded_note(L->nodes.v[i].lo))
					last = i;
			pos = insert_pos(L, last);
		}
	}
	vec_push(L->nodes, ((struct lnode){0}));
	memmove(&L->nodes.v[pos + 1], &L->nodes.v[pos], (L->nodes.n - 1 - pos) * sizeof(struct lnode));
	L->nodes.v[pos] = (struct lnode){.kind = LN_OSEC, .lo = lo};
	if (!unique)
		name_map_put(L, lo);
	for (int i = 0; i < P_N; i++)
		if (L->orphan_last[i] > pos)
			L->orphan_last[i]++;
	if (place >= 0)
		L->orphan_last[place] = pos + 1;
	finish_osec(L, lo);
}

/* bfd's special sections (bfd/elf.c special_sections): the default type and flags of a
 * section by name.  `match`: 0 exact, -1 prefix, -2 the name or the name followed by '.'. */
static const struct special_section {
	const char *prefix;
	int match;
	uint32_t type;
	uint64_t flags;
} special_sections[] = {
	{".bss", -2, SHT_NOBITS, SHF_ALLOC | SHF_WRITE},
	{".comment", 0, SHT_PROGBITS, 0},
	{".ctf", 0, SHT_PROGBITS, 0},
	{".data", -2, SHT_PROGBITS, SHF_ALLOC | SHF_WRITE},
	{".data1", 0, SHT_PROGBITS, SHF_ALLOC | SHF_WRITE},
	{".debug", 0, SHT_PROGBITS, 0},
	{".debug_line", 0, SHT_PROGBITS, 0},
	{".debug_info", 0, SHT_PROGBITS, 0},
	{".debug_abbrev", 0, SHT_PROGBITS, 0},
	{".debug_aranges", 0, SHT_PROGBITS, 0},
	{".dynamic", 0, SHT_DYNAMIC, SHF_ALLOC},
	{".dynstr", 0, SHT_STRTAB, SHF_ALLOC},
	{".dynsym", 0, SHT_DYNSYM, SHF_ALLOC},
	{".fini", 0, SHT_PROGBITS, SHF_ALLOC | SHF_EXECINSTR},
	{".fini_array", -2, SHT_FINI_ARRAY, SHF_ALLOC | SHF_WRITE},
	{".gnu.linkonce.b", -2, SHT_NOBITS, SHF_ALLOC | SHF_WRITE},
	{".gnu.linkonce.n", -2, SHT_NOBITS, SHF_ALLOC | SHF_WRITE},
	{".gnu.linkonce.p", -2, SHT_PROGBITS, SHF_ALLOC | SHF_WRITE},
	{".gnu.lto_", -1, SHT_PROGBITS, SHF_EXCLUDE},
	{".got", 0, SHT_PROGBITS, SHF_ALLOC | SHF_WRITE},
	{".gnu.version", 0, SHT_GNU_versym, 0},
	{".gnu.version_d", 0, SHT_GNU_verdef, 0},
	{".gnu.version_r", 0, SHT_GNU_verneed, 0},
	{".gnu.liblist", 0, SHT_GNU_LIBLIST, SHF_ALLOC},
	{".gnu.conflict", 0, SHT_RELA, SHF_ALLOC},
	{".gnu.hash", 0, SHT_GNU_HASH, SHF_ALLOC},
	{".hash", 0, SHT_HASH, SHF_ALLOC},
	{".init", 0, SHT_PROGBITS, SHF_ALLOC | SHF_EXECINSTR},
	{".init_array", -2, SHT_INIT_ARRAY, SHF_ALLOC | SHF_WRITE},
	{".interp", 0, SHT_PROGBITS, 0},
	{".line", 0, SHT_PROGBITS, 0},
	{".noinit", -2, SHT_NOBITS, SHF_ALLOC | SHF_WRITE},
	{".note.GNU-stack", 0, SHT_PROGBITS, 0},
	{".note", -1, SHT_NOTE, 0},
	{".persistent.bss", 0, SHT_NOBITS, SHF_ALLOC | SHF_WRITE},
	{".persistent", -2, SHT_PROGBITS, SHF_ALLOC | SHF_WRITE},
	{".preinit_array", -2, SHT_PREINIT_ARRAY, SHF_ALLOC | SHF_WRITE},
	{".plt", 0, SHT_PROGBITS, SHF_ALLOC | SHF_EXECINSTR},
	{".rodata", -2, SHT_PROGBITS, SHF_ALLOC},
	{".rodata1", 0, SHT_PROGBITS, SHF_ALLOC},
	{".rela", -1, SHT_RELA, 0},
	{".rel", -1, SHT_REL, 0},
	{".shstrtab", 0, SHT_STRTAB, 0},
	{".strtab", 0, SHT_STRTAB, 0},
	{".symtab", 0, SHT_SYMTAB, 0},
	{".text", -2, SHT_PROGBITS, SHF_ALLOC | SHF_EXECINSTR},
	{".tbss", -2, SHT_NOBITS, SHF_ALLOC | SHF_WRITE | SHF_TLS},
	{".tdata", -2, SHT_PROGBITS, SHF_ALLOC | SHF_WRITE | SHF_TLS},
};

static bool elf_special_section(const char *name, uint32_t *type, uint64_t *flags)
{
	for (size_t i = 0; i < sizeof(special_sections) / sizeof(special_sections[0]); i++) {
		const struct special_section *sp = &special_sections[i];
		size_t n = strlen(sp->prefix);
		if (strncmp(name, sp->prefix, n))
			continue;
		if ((sp->match == 0 && name[n]) || (sp->match == -2 && name[n] && name[n] != '.'))
			continue;
		*type = sp->type;
		*flags = sp->flags;
		return true;
	}
	return false;
}

static bool only_linker_inputs(const struct layout_osec *lo)
{
	for (size_t i = 0; i < lo->items.n; i++)
		for (size_t j = 0; j < lo->items.v[i].secs.n; j++)
			if (!lo->items.v[i].secs.v[j]->file->synthetic)
				return false;
	return true;
}

uint64_t elf_type_entsize(const struct ctx *ctx, uint32_t type)
{
	bool is64 = ctx->target->elfclass == ELFCLASS64;
	switch (type) {
	case SHT_INIT_ARRAY:
	case SHT_FINI_ARRAY:
	case SHT_PREINIT_ARRAY:
		return is64 ? 8 : 4;
	case SHT_DYNAMIC:
		return is64 ? 16 : 8;
	case SHT_HASH:
		return 4;
	case SHT_GNU_HASH:
		return is64 ? 0 : 4;
	case SHT_DYNSYM:
		return is64 ? sizeof(Elf64_Sym) : sizeof(Elf32_Sym);
	case SHT_RELA:
		return ctx->target->rela ? (is64 ? sizeof(Elf64_Rela) : sizeof(Elf32_Rela)) : 0;
	case SHT_REL:
		return ctx->target->rela ? 0 : (is64 ? sizeof(Elf64_Rel) : sizeof(Elf32_Rel));
	case SHT_GNU_versym:
		return 2;
	case SHT_GROUP:
		return 4;
	default:
		return 0;
	}
}

/* Output section type and flags from its inputs, and whether it is kept at all. */
void finish_osec(struct layout *L, struct layout_osec *lo)
{
	lo->type_changed = false;
	struct output_section *os = lo->os;
	bool any_input = false, all_nobits = true, has_content = false, load = false;
	uint64_t merge_entsize = 0, entsize = 0;
	bool all_merge = true, same_entsize = true, entsize_seen = false;
	uint64_t name_flags = 0; /* ELF flags bfd's table gives the name: no input resets them */
	size_t first_item = 0;
	while (first_item < lo->items.n && !lo->items.v[first_item].secs.n)
		first_item++;
	os->flags = 0;
	os->align = 1;
	os->sec_code = false;
	lo->has_linker_input = false;
	lo->keep_input = lo->object_symbols;
	os->entsize = 0; /* finished again when orphans join it */
	for (size_t i = 0; i < lo->items.n; i++) {
		struct lo_item *it = &lo->items.v[i];
		if (it->secs.n && it->st && it->st->kind == ST_INPUT_SECTION && it->st->input->keep)
			lo->keep_input = true;
		for (size_t j = 0; j < it->secs.n; j++) {
			struct input_section *isec = it->secs.v[j];
			lo->keep_input |= isec->keep; /* SEC_KEEP goes to the output section */
			isec->out = os;
			isec->reverse_copy = reverse_copy(L->ctx, isec, os);
			any_input = true;
			if (isec->flags & SHF_EXECINSTR)
				os->sec_code = true;
			if (isec->file->synthetic && !(isec->strip_if_empty && !isec->size))
				lo->has_linker_input = true;
			os->flags |= isec->flags & ~(uint64_t)(SHF_GROUP | SHF_MERGE | SHF_STRINGS | SHF_INFO_LINK | SHF_LINK_ORDER);
			/* SHF_GNU_RETAIN (an OS flag): bfd copies it from the first input only */
			if (!(j == 0 && i == first_item))
				os->flags = (os->flags & ~(uint64_t)0x200000) |
					    (lo->items.v[first_item].secs.v[0]->flags & 0x200000);
			if (isec->align > os->align)
				os->align = isec->align;
			if (isec->type != SHT_NOBITS) {
				all_nobits = false;
				if (isec->flags & SHF_ALLOC)
					load = true;
			}
			if (linker_section_excluded(isec))
				continue; /* stripped: it gave only flags, contents and alignment */
			if (isec->size)
				has_content = true;
			if (!entsize_seen)
				entsize = isec->entsize;
			else if (entsize != isec->entsize)
				same_entsize = false;
			entsize_seen = true;
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
	} else if (any_input && same_entsize && only_linker_inputs(lo)) {
		os->entsize = entsize; /* the x86 backend sets .got's, .plt's, ... */
	}
	os->has_inputs = any_input;
	os->type = SHT_PROGBITS;
	struct input_section *first = NULL;
	bool data_before = false;
	for (size_t i = 0; i < lo->items.n && !first; i++) {
		data_before |= !first && lo->items.v[i].kind == IT_DATA;
		for (size_t j = 0; j < lo->items.v[i].secs.n && !first; j++)
			if (!linker_section_excluded(lo->items.v[i].secs.v[j]))
				first = lo->items.v[i].secs.v[j];
	}
	const uint32_t script_type = script_section_type(L, lo);
	if (!any_input) {
		/* A section made only by the script takes its type and flags from its name, as
		 * bfd's table of special sections gives them; it is writable unless they say
		 * otherwise (bfd: no SEC_READONLY) */
		uint32_t type;
		uint64_t flags;
		if (elf_special_section(os->name, &type, &flags)) {
			os->type = type;
			name_flags = flags;
		} else if (script_type) {
			os->type = script_type;
			os->script_typed = true;
		}
		/* ... but bfd makes it read-only when a BYTE/LONG/... statement comes before any
		 * assignment, FILL or CREATE_OBJECT_SYMBOLS (map_input_to_output_sections'
		 * init_os), unless an ADDR or LOADADDR read before made it already */
		bool made_before = lo->named_early && lo->named_at < node_of(L, lo);
		bool data_first = false;
		for (size_t i = 0; i < lo->items.n; i++) {
			enum item_kind k = lo->items.v[i].kind;
			if (k == IT_INPUTS)
				continue;
			data_first = !made_before && k == IT_DATA && !(lo->object_symbols && lo->object_symbols_at <= i);
			break;
		}
		if (!data_first)
			os->flags |= SHF_WRITE;
	}
	if (lo->has_data)
		os->flags |= SHF_ALLOC;
	lo->inputs_load = load;
	if (lo->desc) {
		switch (lo->desc->type) {
		case OSEC_NOLOAD:
			/* data allocates it (without contents); with neither inputs nor data only
			 * `.` moving does (dot_advanced), and unallocated it stays PROGBITS.  With no
			 * PT_LOAD to make it NOBITS (-r, or PHDRS not naming it) the type bfd's table
			 * gives the name stays (.rodata's PROGBITS too) */
			if (!any_input && lo->has_data) {
				uint32_t st;
				uint64_t sf;
				if (!(elf_special_section(os->name, &st, &sf) && layout_no_load_segment(L, lo)))
					os->type = SHT_NOBITS;
			}
			os->noload = true;
			if (lo->noalloc)
				os->flags &= ~(uint64_t)SHF_ALLOC;
			break;
		case OSEC_DSECT:
		case OSEC_COPY:
		case OSEC_INFO:
		case OSEC_OVERLAY:
			os->flags &= ~(uint64_t)SHF_ALLOC;
			lo->noalloc_load = load;
			break;
		case OSEC_READONLY:
		case OSEC_READONLY_TYPE:
			/* SEC_READONLY comes with an input or a data statement */
			if (any_input || lo->has_data)
				os->flags &= ~(uint64_t)SHF_WRITE;
			break;
		default:
			break;
		}
	}
	/* bfd keeps SHF_ALLOC from its table in INFO/COPY/... sections too, but without SEC_ALLOC
	 * the section takes no memory: only its header shows the flag */
	os->flags |= name_flags & ~(uint64_t)(lo->noalloc ? SHF_ALLOC : 0);
	os->name_alloc = lo->noalloc && (name_flags & SHF_ALLOC);
	if (!any_input && os->type == SHT_NOBITS && lo->has_data && !os->noload && !lo->noalloc && !script_type) {
		os->type = SHT_PROGBITS;
		lo->type_changed = true;
	}
	if (any_input) {
		/* bfd's elf_fake_sections: with no type from the first input, an allocated section
		 * without contents is NOBITS, any other PROGBITS; a NOBITS one that got contents
		 * becomes PROGBITS */
		bool alloc = os->flags & SHF_ALLOC;
		bool contents = (!all_nobits || lo->has_data) && !os->noload;
		uint32_t dflt = alloc && !contents ? SHT_NOBITS : SHT_PROGBITS;
		uint32_t st;
		/* (bfd took the type from the first input it added, a linker-made one it strips
		 * later as empty included) */
		const struct input_section *made_by = NULL;
		bool data_first = false;
		for (size_t i = 0; i < lo->items.n && !made_by; i++) {
			data_first |= lo->items.v[i].kind == IT_DATA;
			if (lo->items.v[i].secs.n)
				made_by = lo->items.v[i].secs.v[0];
		}
		/* bfd's first input decides SHF_LINK_ORDER (_bfd_elf_init_private_section_data) */
		os->link_order_first = NULL;
		if (made_by && (made_by->flags & SHF_LINK_ORDER) && !ctx_relocatable(L->ctx)) {
			os->flags |= SHF_LINK_ORDER;
			os->link_order_first = made_by;
		}
		if (made_by && made_by != first && linker_section_excluded(made_by))
			lo->bfd_type = bfd_first_type(lo, made_by, data_first);
		else if (first)
			lo->bfd_type = bfd_first_type(lo, first, data_before);
		else if (name_own_type(os->name, &st))
			lo->bfd_type = st;
		else
			lo->bfd_type = 0;
		os->type = lo->bfd_type ? lo->bfd_type : script_type ? script_type : dflt;
		os->script_typed = !lo->bfd_type && script_type;
		/* allocated without contents, with a type of its own (.preinit_array holding only
		 * bss): its PT_LOAD makes it NOBITS (bfd's assign_file_positions_for_load_sections;
		 * not for -r, nor under PHDRS without a :phdr of its own that is a PT_LOAD) */
		if (alloc && !contents && !os->noload && os->type != SHT_NOBITS && !layout_no_load_segment(L, lo))
			os->type = SHT_NOBITS;
		if (os->type == SHT_NOBITS && dflt == SHT_PROGBITS && alloc && (!script_type || script_type == SHT_PROGBITS)) {
			os->type = SHT_PROGBITS;
			lo->type_changed = true;
		}
	} else {
		/* made by a statement: the type bfd's table gives the name, if any */
		uint32_t st;
		uint64_t sf;
		lo->bfd_type = elf_special_section(os->name, &st, &sf) ? st : 0;
	}
	/* bfd's elf_fake_sections: the type gives the entry size (arrays hold addresses, ...) */
	if (!os->entsize)
		os->entsize = elf_type_entsize(L->ctx, lo->bfd_type ? lo->bfd_type : os->type);
	/* NOLOAD: the inputs lose SEC_HAS_CONTENTS, so bfd takes no type from them and types the
	 * section by its flags: allocated is NOBITS whatever type its name has (its PT_LOAD makes
	 * it so; -r has none, nor has one without a :phdr of its own under PHDRS, and the name's
	 * type stays); non-allocated is PROGBITS (still given file space, left zero) unless the
	 * name has a special type */
	if (any_input && os->noload) {
		uint32_t st;
		bool special = name_own_type(os->name, &st);
		if ((os->flags & SHF_ALLOC) && !(special && layout_no_load_segment(L, lo)))
			os->type = SHT_NOBITS;
		else if (special)
			os->type = st;
		else
			os->type = SHT_PROGBITS;
	}
	/* emptiness is decided when sizes are known (address.c presize); until then an output
	 * section without content counts as removed for orphan placement */
	lo->removed = !has_content && !lo->has_data && !lo->assigns_dot && !lo->has_linker_input && !lo->keep_input;
}

/* bfd makes an output section as soon as the mapping walk reads an expression naming it in
 * ADDR or LOADADDR (exp_init_os), and making one reads its address and AT expressions. */
static void name_early(void *ud, const char *name)
{
	struct layout *L = ud;
	struct layout_osec *lo = layout_find_osec(L, name);
	if (!lo || lo->named_early || lo->discard)
		return;
	bool made = osec_made(lo);
	lo->named_early = true;
	lo->named_at = L->naming_node;
	if (!made)
		osec_address_refs(lo, name_early, L);
}

static void mark_named_early(struct layout *L)
{
	for (size_t i = 0; i < L->nodes.n; i++) {
		struct lnode *n = &L->nodes.v[i];
		L->naming_node = i;
		if (n->kind == LN_ASSIGN || n->kind == LN_ASSERT) {
			statement_section_refs(n->st, name_early, L);
		} else if (n->kind == LN_OSEC) {
			if (osec_made(n->lo))
				osec_address_refs(n->lo, name_early, L);
			for (size_t k = 0; k < n->lo->items.n; k++)
				if (n->lo->items.v[k].kind != IT_INPUTS)
					statement_section_refs(n->lo->items.v[k].st, name_early, L);
		}
	}
}

/* GNU ld keeps -z relro only if some input section named by the statements between
 * DATA_SEGMENT_ALIGN and DATA_SEGMENT_RELRO_END (or the end) has contents
 * (lang_find_relro_sections); DATA_SEGMENT_ALIGN then aligns `.` to the page.  It
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
		/* (without DATA_SEGMENT_RELRO_END, bfd's walk runs to the end of the script) */
		L->rules.v[r].in_relro = start != (size_t)-1 && at > start && (end == (size_t)-1 || at < end);
	}
}

static void find_relro_sections(struct layout *L, struct input_section **all, size_t n)
{
	L->relro_enabled = L->ctx->opt.relro && ctx_relocatable(L->ctx); /* -r: GNU ld does not look */
	if (!L->ctx->opt.relro || ctx_relocatable(L->ctx))
		return;
	for (size_t r = 0; r < L->rules.n && !L->relro_enabled; r++) {
		if (!L->rules.v[r].in_relro)
			continue;
		for (size_t i = 0; i < n; i++) {
			struct input_section *isec = all[i];
			/* bfd's IGNORE_SECTION: unallocated or .tbss-like inputs count as empty */
			bool ignored = !(isec->flags & SHF_ALLOC) || ((isec->flags & SHF_TLS) && isec->type == SHT_NOBITS);
			if (isec->size && !ignored && !isec->discarded && isec->out &&
			    rule_matches_any_flags(&L->rules.v[r], isec)) {
				L->relro_enabled = true;
				break;
			}
		}
	}
}

struct name_search {
	const char *name;
	bool found;
};

static void name_search(void *ud, const char *name)
{
	struct name_search *ns = ud;
	ns->found |= !strcmp(ns->name, name);
}

/* Does an ADDR/LOADADDR in a statement before node `at` name it, while it is the first
 * statement of its name that GNU ld's lookup finds (exp_init_os makes its section then)? */
static bool named_before(struct layout *L, size_t at);

/* A constraint-dropped statement whose section an earlier ADDR/LOADADDR made: GNU ld skips
 * dropped statements when it strips empty sections, so the section stays in the output,
 * empty, with no bfd flags (a writable PROGBITS header at 0) */
static void keep_ghost(struct layout *L, size_t i)
{
	struct layout_osec *lo = L->nodes.v[i].lo;
	struct output_section *os = lo->os;
	uint32_t type;
	uint64_t flags;
	lo->ghost = true;
	/* the header bfd gives a section without flags: its name's type and flags, if any */
	if (!elf_special_section(os->name, &type, &flags))
		type = SHT_PROGBITS, flags = 0;
	os->type = type;
	os->entsize = elf_type_entsize(L->ctx, type); /* (elf_fake_sections: by the type) */
	os->flags = SHF_WRITE | flags;
	os->addr = os->lma = os->size = 0;
	os->align = 1;
	vec_push(L->ghosts, lo);
}

static bool named_before(struct layout *L, size_t at)
{
	struct name_search ns = {L->nodes.v[at].lo->os->name, false};
	for (size_t i = 0; i < at && !ns.found; i++) {
		const struct lnode *n = &L->nodes.v[i];
		if (n->kind == LN_OSEC && !n->lo->constraint_failed && !strcmp(n->lo->os->name, ns.name))
			return false; /* an earlier statement of the name takes the reference */
		if (n->kind == LN_ASSIGN || n->kind == LN_ASSERT) {
			statement_section_refs(n->st, name_search, &ns);
		} else if (n->kind == LN_OSEC) {
			/* (making a section reads its address and AT: exp_init_os) */
			if (osec_made(n->lo))
				osec_address_refs(n->lo, name_search, &ns);
			for (size_t k = 0; k < n->lo->items.n; k++)
				if (n->lo->items.v[k].kind != IT_INPUTS)
					statement_section_refs(n->lo->items.v[k].st, name_search, &ns);
		}
	}
	return ns.found;
}

/* Where bfd's dynobj has a linker-made section of a PIE or shared object: the generic dynamic
 * sections, the x86 backend's (.got among them); others (the build-id note, .eh_frame_hdr)
 * come after them, then the dynamic relocations its relocation scan makes. */
static size_t dynobj_rank(const struct ctx *ctx, const struct input_section *isec)
{
	const char *name = isec->name;
	static const char *const order[] = {
		".interp", ".gnu.version_d", ".gnu.version", ".gnu.version_r", ".dynsym", ".dynstr",
		".dynamic", ".hash", ".gnu.hash", ".plt", ".rel.plt", ".rel.got", ".got", ".got.plt",
		".dynbss", ".data.rel.ro", ".rel.bss", ".rel.data.rel.ro", ".rel.ifunc", ".plt.got", ".eh_frame", ".sframe",
		".rel.dyn",
	};
	size_t n = sizeof(order) / sizeof(order[0]);
	if (dynamic_scan_made(ctx, isec))
		return n + 1;
	for (size_t i = 0; i < n; i++) {
		const char *o = order[i];
		if (!strcmp(name, o) || (!strncmp(o, ".rel.", 5) && !strncmp(name, ".rela.", 6) && !strcmp(name + 6, o + 5)))
			return i;
	}
	return n;
}

/* the linker's sections of a PIE or shared object in bfd's order (a stable insertion sort:
 * they are few) */
static void sort_dynobj(const struct ctx *ctx, struct input_section **v, size_t n)
{
	for (size_t i = 1; i < n; i++) {
		struct input_section *x = v[i];
		size_t r = dynobj_rank(ctx, x), j = i;
		for (; j > 0 && dynobj_rank(ctx, v[j - 1]) > r; j--)
			v[j] = v[j - 1];
		v[j] = x;
	}
}

/* the symbol a statement assigns (not `.`), flagged in `mark` by symbol order */
static void assigned_name(struct ctx *ctx, const struct stmt *s, bool *mark)
{
	if (s->kind != ST_ASSIGN || !strcmp(s->assign.name, "."))
		return;
	const struct symbol *sym = symbol_find(ctx, s->assign.name);
	if (sym)
		mark[sym->order] = true;
}

static void assigned_names(struct ctx *ctx, const struct stmt *s, bool *mark)
{
	for (; s; s = s->next)
		assigned_name(ctx, s, mark);
}

/* A symbol only constraint-dropped statements assign: GNU ld never records those assignments
 * (lang_for_each_statement skips them), so it is never made dynamic */
static void mark_dropped_only_assignments(struct layout *L)
{
	struct ctx *ctx = L->ctx;
	size_t n;
	struct symbol **all = symbol_all(ctx, &n);
	size_t max = 0;
	for (size_t i = 0; i < n; i++)
		if (all[i]->order >= max)
			max = all[i]->order + 1;
	bool *live = xcalloc(max + 1, 1), *dropped = xcalloc(max + 1, 1);
	bool any = false;
	for (size_t i = 0; i < L->nodes.n; i++) {
		const struct lnode *nd = &L->nodes.v[i];
		if (nd->kind == LN_ASSIGN && nd->st) {
			assigned_name(ctx, nd->st, live);
		} else if (nd->kind == LN_OSEC && nd->lo->desc) {
			assigned_names(ctx, nd->lo->desc->body, live);
		} else if (nd->kind == LN_DROPPED && nd->st && nd->st->kind == ST_OUTPUT_SECTION) {
			assigned_names(ctx, nd->st->osec->body, dropped);
			any = true;
		}
	}
	for (size_t i = 0; i < n && any; i++) {
		struct symbol *sym = all[i];
		/* (one an object mentions was made dynamic as that object was loaded) */
		sym->dyn_excluded = sym->kind == SYM_SCRIPT && dropped[sym->order] && !live[sym->order] &&
				    !sym->object_seq;
		ctx->dropped_assignments |= dropped[sym->order];
	}
	free(live);
	free(dropped);
	free(all);
}

/* The first output section of the name bfd made: the mapping walk makes the statements INSERT
 * moves first, where their script stands, then the others in the order of bfd's list; orphans
 * come after them all, in their own order. */
struct output_section *layout_first_made(struct layout *L, const char *name)
{
	const struct lnode *moved = NULL;
	for (size_t i = 0; i < L->nodes.n; i++) {
		const struct lnode *nd = &L->nodes.v[i];
		if (nd->kind == LN_OSEC && nd->insert_walk && (!moved || nd->insert_walk < moved->insert_walk) &&
		    osec_made(nd->lo) && !strcmp(nd->lo->os->name, name))
			moved = nd;
	}
	if (moved)
		return moved->lo->os;
	size_t n;
	struct layout_osec **list = layout_section_list(L, &n);
	struct output_section *found = NULL;
	size_t found_event = SIZE_MAX;
	for (size_t i = 0; i < n && found_event; i++) {
		const struct layout_osec *lo = list[i];
		size_t event = lo->orphan ? lo->orphan_seq : lo->made_by_orphan; /* 0: the walk made it */
		if (!strcmp(lo->os->name, name) && event < found_event) {
			found = lo->os;
			found_event = event;
		}
	}
	free(list);
	return found;
}

void layout_map(struct ctx *ctx, struct layout *L)
{
	L->ctx = ctx;
	/* --defsym assignments where they stand among the -T scripts: before the script, or
	 * after it (and before the built-in script INSERT scripts go into, which GNU ld reads
	 * after the command line) */
	size_t before = ctx->defsyms_before_script;
	for (size_t i = 0; i < before; i++)
		add_node(L, LN_ASSIGN, ctx->defsym_stmts.v[i], NULL);
	struct stmt *dflt = ctx->script ? (struct stmt *)ctx->default_script_first : NULL, *last_user = NULL;
	for (struct stmt *s = dflt ? ctx->script->cmds : NULL; s && s != dflt; s = s->next)
		last_user = s;
	if (ctx->script && !dflt)
		build_top(L, ctx->script->cmds);
	if (last_user) { /* (the user's statements alone, then the defsyms, then the built-in's) */
		last_user->next = NULL;
		build_top(L, ctx->script->cmds);
		last_user->next = dflt;
	}
	for (size_t i = before; i < ctx->defsym_stmts.n; i++)
		add_node(L, LN_ASSIGN, ctx->defsym_stmts.v[i], NULL);
	if (dflt)
		build_top(L, dflt);
	/* (an INSERT moves every statement before it, --defsym ones included) */
	size_t insert_base = 0;
	make_common_sections(ctx);
	if (!ctx_relocatable(ctx) || relocatable_allocates_commons(ctx))
		allocate_commons(ctx);
	find_relro_range(L);

	/* Sections the linker itself makes (.got, build-id, ...) are matched like any other
	 * input; GNU ld attaches them to the first input object, after its own sections, so that
	 * is where they come in file order: the dynamic sections first, as bfd makes them while
	 * it loads that object's symbols, then the backend's (.got, ...) */
	VEC(struct input_section *) all = {0};
	bool linker_done = false;
	struct input_file *linker_files[2] = {ctx->dynamic, ctx->internal};
	for (size_t fi = 0; fi < ctx->files.n; fi++) {
		struct input_file *f = ctx->files.v[fi];
		if (linker_done && (f == ctx->internal || f == ctx->dynamic))
			continue;
		for (size_t si = 1; si < f->shnum; si++) {
			struct input_section *isec = f->sections[si];
			if (isec && (!isec->discarded || isec->dropped_unmapped))
				vec_push(all, isec);
		}
		if (!linker_done && f != ctx->internal && f != ctx->dynamic && !f->synthetic) {
			linker_done = true;
			size_t first = all.n;
			for (int k = 0; k < 2; k++)
				for (size_t si = 1; linker_files[k] && si < linker_files[k]->shnum; si++) {
					struct input_section *isec = linker_files[k]->sections[si];
					if (isec && !isec->discarded)
						vec_push(all, isec);
				}
			if (ctx->opt.kind == OUT_PIE || ctx->opt.kind == OUT_SHARED)
				sort_dynobj(ctx, all.v + first, all.n - first);
		}
		/* the object's COMMON section, which bfd makes last (lang_common, once every
		 * object is in) */
		if (f->common)
			vec_push(all, f->common);
	}

	/* ONLY_IF_RO/ONLY_IF_RW: find, for each constrained output section, whether its matching
	 * inputs are all read-only, then drop the ones whose constraint fails.  Matching is
	 * first-rule-wins among the rules that survive; sections --gc-sections removed count too,
	 * as GNU ld checks before it leaves them out. */
	bool *rule_off = xcalloc(L->rules.n + 1, sizeof(bool));
	/* INPUT_SECTION_FLAGS asks the output's BFD target: for a non-ELF output the generic one
	 * says it cannot (once for each section the rule's patterns match) and takes nothing; the
	 * constraint check, which ignores the flags, still sees the rule */
	/* KEEP marks every section its patterns match, whatever INPUT_SECTION_FLAGS say and
	 * whichever statement takes it (GNU ld's lang_gc_sections_1, with or without
	 * --gc-sections): an empty orphan so marked is not stripped */
	for (size_t r = 0; r < L->rules.n; r++)
		if (L->rules.v[r].desc->keep)
			for (size_t i = 0; i < all.n; i++)
				if (!all.v[i]->keep && rule_matches_any_flags(&L->rules.v[r], all.v[i]))
					all.v[i]->keep = true;
	bool *takes_nothing = xcalloc(L->rules.n + 1, sizeof(bool));
	for (size_t r = 0; r < L->rules.n && !oformat_is_elf(ctx); r++)
		takes_nothing[r] = L->rules.v[r].desc->has_flags;
	/* GNU ld checks each constrained statement as its mapping walk reaches it: the inputs its
	 * patterns match that no earlier statement kept has taken (the check ignores
	 * INPUT_SECTION_FLAGS, which only decide whether a rule takes a section) */
	bool *taken = xcalloc(all.n + 1, sizeof(bool));
	for (size_t r = 0; r < L->rules.n; r++) {
		struct layout_osec *lo = L->rules.v[r].lo;
		if (lo->desc && lo->desc->constraint != CONSTRAINT_NONE && !lo->constraint_checked) {
			lo->constraint_checked = true;
			bool ro = true; /* no input at all counts as read-only */
			for (size_t k = r; k < L->rules.n && ro; k++)
				for (size_t i = 0; i < all.n && ro && L->rules.v[k].lo == lo; i++)
					if (!taken[i] && (all.v[i]->flags & SHF_WRITE) &&
					    rule_matches_any_flags(&L->rules.v[k], all.v[i]))
						ro = false;
			lo->constraint_failed = ro != (lo->desc->constraint == CONSTRAINT_ONLY_IF_RO);
		}
		if (lo->constraint_failed) {
			rule_off[r] = true;
			continue;
		}
		for (size_t i = 0; i < all.n && !takes_nothing[r]; i++)
			if (!taken[i] && rule_matches(&L->rules.v[r], all.v[i]))
				taken[i] = true;
	}
	free(taken);
	/* (the message comes from the rules of the sections that stay) */
	for (size_t r = 0; r < L->rules.n; r++)
		for (size_t i = 0; i < all.n && takes_nothing[r] && !rule_off[r] && !L->rules.v[r].discard; i++)
			if (input_desc_matches_any_flags(L->rules.v[r].desc, all.v[i]))
				warn(ctx, "INPUT_SECTION_FLAGS are not supported");
	/* one with no input section description at all is read-only too */
	for (size_t i = 0; i < L->nodes.n; i++) {
		struct layout_osec *lo = L->nodes.v[i].kind == LN_OSEC ? L->nodes.v[i].lo : NULL;
		bool rules = false;
		for (size_t k = 0; lo && k < lo->items.n; k++)
			rules |= lo->items.v[k].kind == IT_INPUTS;
		if (lo && !rules && lo->desc && lo->desc->constraint == CONSTRAINT_ONLY_IF_RW)
			lo->constraint_failed = true;
	}

	struct isec_vec orphans = {0};
	for (size_t r = 0; r < L->rules.n; r++)
		L->rules.v[r].sorted = !rule_off[r] && !L->rules.v[r].discard && rule_sorted(L, &L->rules.v[r]);
	for (size_t i = 0; i < all.n; i++) {
		struct input_section *isec = all.v[i];
		bool placed = false;
		if (isec->dropped_unmapped)
			continue;
		isec->map_seq = (uint32_t)i;
		/* -r keeps section groups: their members match no rule but /DISCARD/ and each
		 * becomes an output section of its own (GNU ld's unique_section_p) */
		bool apart = group_member_kept_apart(ctx, isec);
		size_t r = 0;
		for (; r < L->rules.n; r++) {
			struct rule *rl = &L->rules.v[r];
			if (rule_off[r] || (apart && !rl->discard))
				continue;
			if (takes_nothing[r] || !rule_matches(rl, isec)) {
				if (rl->sorted && rule_matches_any_flags(rl, isec))
					vec_push(rl->unplaced, isec);
				continue;
			}
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
		for (r++; placed && !apart && r < L->rules.n; r++)
			if (L->rules.v[r].sorted && rule_matches_any_flags(&L->rules.v[r], isec))
				vec_push(L->rules.v[r].unplaced, isec);
		if (!placed) /* .note.GNU-stack too: an empty orphan, yet placed (it moves `.`) */
			vec_push(orphans, isec);
	}
	free(rule_off);
	free(takes_nothing);
	for (size_t r = 0; r < L->rules.n; r++) {
		sort_rule(L, &L->rules.v[r]);
		free(L->rules.v[r].unplaced.v);
		memset(&L->rules.v[r].unplaced, 0, sizeof(L->rules.v[r].unplaced));
	}

	discard_linked_to_discarded(L, &orphans);

	/* constrained sections that failed are gone entirely; GNU ld still evaluates a `.`
	 * assignment in one, and rejects it for want of a section (unless an ADDR or LOADADDR
	 * before it made the section while its constraint was still unchecked) */
	for (size_t i = 0; i < L->nodes.n; i++) {
		const struct layout_osec *lo = L->nodes.v[i].lo;
		if (L->nodes.v[i].kind != LN_OSEC || !lo->constraint_failed || named_before(L, i))
			continue;
		const struct stmt *st = lo->desc->body;
		while (st && !(st->kind == ST_ASSIGN && !strcmp(st->assign.name, ".")))
			st = st->next;
		if (st) {
			script_error(ctx, &st->loc, "invalid assignment to location counter");
			break;
		}
	}
	for (size_t i = 0; i < L->nodes.n; i++) {
		struct lnode *nd = &L->nodes.v[i];
		if (nd->kind == LN_OSEC && nd->lo->constraint_failed) {
			if (named_before(L, i))
				keep_ghost(L, i);
			if (nd->lo->desc)
				((struct output_section_desc *)nd->lo->desc)->dropped = true;
			nd->kind = LN_DROPPED;
			nd->lo = NULL;
		}
	}
	mark_named_early(L);

	for (size_t i = 0; i < L->nodes.n; i++)
		if (L->nodes.v[i].kind == LN_OSEC)
			finish_osec(L, L->nodes.v[i].lo);
	process_inserts(L, insert_base);
	if (L->inserts.n)
		find_relro_range(L);
	/* --section-start (and -Ttext/-Tdata/-Tbss) of a section no statement names: GNU ld's
	 * address statement makes an output statement for it after the script's, and orphans of
	 * that name join it there */
	for (size_t i = 0; i < ctx->opt.section_starts.n; i++) {
		const struct section_start *ss = &ctx->opt.section_starts.v[i];
		if ((ss->segment && strstr(ss->segment, "-segment")) || find_node(L, ss->name) != (size_t)-1)
			continue;
		struct layout_osec *lo = new_osec(L, ss->name, NULL);
		add_node(L, LN_OSEC, NULL, lo);
		name_map_put(L, lo);
		finish_osec(L, lo);
	}
	for (size_t i = 0; i < orphans.n; i++) {
		struct input_section *isec = orphans.v[i];
		if (ctx->opt.orphan_handling && !strcmp(ctx->opt.orphan_handling, "discard") && isec != isec->file->common) {
			isec->discarded = true;
			continue;
		}
		/* -r leaves a COMMON section no *(COMMON) took where it is (lang_place_orphans) */
		if (isec == isec->file->common && ctx_relocatable(ctx) && !relocatable_allocates_commons(ctx)) {
			isec->discarded = true;
			continue;
		}
		place_orphan(L, isec);
	}
	/* re-finish sections that received orphans by name */
	for (size_t i = 0; i < L->nodes.n; i++)
		if (L->nodes.v[i].kind == LN_OSEC && L->nodes.v[i].lo->orphan_item)
			finish_osec(L, L->nodes.v[i].lo);
	/* bfd's ELF writer says so of a NOBITS section that got contents (elf_fake_sections), as
	 * the sections are once every orphan is in: a COMMON given to a data-only .bss first
	 * clears its type, and it says nothing */
	for (size_t i = 0; i < L->nodes.n; i++) {
		struct layout_osec *lo = L->nodes.v[i].kind == LN_OSEC ? L->nodes.v[i].lo : NULL;
		if (lo && lo->type_changed && !lo->type_warned) {
			warn(ctx, "section `%s' type changed to PROGBITS", lo->os->name);
			lo->type_warned = true;
		}
	}
	find_relro_sections(L, all.v, all.n);
	/* GNU ld (lang_process): .text is read-only, writable with -N (config.text_read_only);
	 * the first section of the name bfd made */
	if (!ctx_relocatable(ctx)) {
		struct output_section *text = layout_first_made(L, ".text");
		if (text) {
			if (ctx->opt.magic == MAGIC_OMAGIC)
				text->flags |= SHF_WRITE;
			else
				text->flags &= ~(uint64_t)SHF_WRITE;
		}
	}
	build_regions(L);
	assign_regions(L);
	define_start_stop(L);
	mark_dropped_only_assignments(L);
	free(all.v);
	free(orphans.v);
}

/* ---- __start_SEC, __stop_SEC, .startof.SEC, .sizeof.SEC ---- */

/* does the output section hold an input section of its own name (GNU ld's undef_start_stop)? */
static bool holds_own_name(const struct layout_osec *lo)
{
	for (size_t i = 0; i < lo->items.n; i++)
		for (size_t j = 0; j < lo->items.v[i].secs.n; j++)
			if (!strcmp(lo->items.v[i].secs.v[j]->name, lo->os->name))
				return true;
	return false;
}

static void add_start_stop(struct layout *L, const char *name, struct layout_osec *lo, enum start_stop_kind kind)
{
	struct symbol *s = symbol_find(L->ctx, name);
	if (!s || s->kind != SYM_UNDEF)
		return;
	s->kind = SYM_SCRIPT;
	s->osec = lo->os;
	s->value = 0;
	s->type = STT_NOTYPE;
	s->bind = STB_GLOBAL;
	s->size = 0;
	s->file = NULL;
	s->isec = NULL;
	if (kind == SS_STARTOF || kind == SS_SIZEOF) {
		s->forced_local = true; /* bfd hides .startof./.sizeof. symbols */
	} else if (s->visibility == STV_DEFAULT) {
		s->visibility = L->ctx->opt.z_start_stop_visibility;
	}
	vec_push(L->start_stops, ((struct start_stop){s, lo, kind}));
}

/* GNU ld's lang_init_start_stop + undef_start_stop + lang_init_startof_sizeof: a referenced,
 * undefined __start_SEC / __stop_SEC, for SEC a C identifier, is defined when an output
 * section SEC holds input sections named SEC; .startof.SEC / .sizeof.SEC for any output
 * section. */
static void define_start_stop(struct layout *L)
{
	struct ctx *ctx = L->ctx;
	if (ctx_relocatable(ctx))
		return;
	/* (those the linker cannot define, SEC being in an output section of another name: the
	 * script's PROVIDEs of them count now) */
	for (size_t fi = 0; fi < ctx->files.n; fi++) {
		struct input_file *f = ctx->files.v[fi];
		for (size_t si = 1; si < f->shnum; si++) {
			struct input_section *isec = f->sections[si];
			if (!isec || !c_identifier(isec->name))
				continue;
			struct layout_osec *lo = layout_find_osec(L, isec->name);
			bool own = lo && !lo->discard && holds_own_name(lo);
			size_t n = strlen(isec->name) + 10;
			char *buf = xmalloc(n);
			for (int stop = 0; stop < 2; stop++) {
				snprintf(buf, n, stop ? "__stop_%s" : "__start_%s", isec->name);
				if (own)
					add_start_stop(L, buf, lo, stop ? SS_STOP : SS_START);
				else
					script_declare_provides_of(ctx, buf);
			}
			free(buf);
		}
	}
	for (size_t i = 0; i < L->nodes.n; i++) {
		if (L->nodes.v[i].kind != LN_OSEC)
			continue;
		struct layout_osec *lo = L->nodes.v[i].lo;
		size_t n = strlen(lo->os->name) + 10;
		char *buf = xmalloc(n);
		snprintf(buf, n, ".startof.%s", lo->os->name);
		add_start_stop(L, buf, lo, SS_STARTOF);
		snprintf(buf, n, ".sizeof.%s", lo->os->name);
		add_start_stop(L, buf, lo, SS_SIZEOF);
		free(buf);
	}
}

void start_stop_values(struct layout *L)
{
	for (size_t i = 0; i < L->start_stops.n; i++) {
		struct start_stop *ss = &L->start_stops.v[i];
		struct output_section *os = ss->lo->os;
		uint64_t size = ss->lo->removed ? 0 : os->size;
		switch (ss->kind) {
		case SS_START:
		case SS_STARTOF:
			ss->sym->osec = os;
			ss->sym->value = 0;
			break;
		case SS_STOP:
			ss->sym->osec = os;
			ss->sym->value = size;
			break;
		case SS_SIZEOF:
			ss->sym->osec = NULL;
			ss->sym->value = size;
			break;
		}
	}
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
		r->origin = m->origin_value;
		r->length = m->length_value;
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

/* an orphan's regions: those of the section bfd placed it by (which may stand after it, or
 * be an orphan itself) */
static void inherit_regions(struct layout *L, struct layout_osec *lo)
{
	if (lo->desc || lo->overlay || lo->regions_inherited)
		return;
	lo->regions_inherited = true;
	if (lo->inherit) {
		inherit_regions(L, lo->inherit);
		lo->region = lo->inherit->region ? lo->inherit->region : L->default_region;
		lo->lma_region = lo->inherit->lma_region;
	} else {
		lo->region = L->default_region;
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
		}
	}
	for (size_t i = 0; i < L->nodes.n; i++)
		if (L->nodes.v[i].kind == LN_OSEC)
			inherit_regions(L, L->nodes.v[i].lo);
	/* GNU ld's lang_propagate_lma_regions: a section with no address, load address or load
	 * region, in the same region as the one before, loads after it (`.bss > RAM` after
	 * `.data > RAM AT> ROM`); the one before may be a statement its ONLY_IF_RO/RW
	 * constraint dropped, which GNU ld's list of output section statements still has */
	bool have_prev = false;
	struct region *prev_region = NULL, *prev_lma = NULL;
	for (size_t i = 0; i < L->nodes.n; i++) {
		struct lnode *nd = &L->nodes.v[i];
		if (nd->kind == LN_DROPPED && nd->st && nd->st->kind == ST_OUTPUT_SECTION) {
			/* (the propagation reaches it too, and goes on from it) */
			const struct output_section_desc *d = nd->st->osec;
			struct region *lma = d->lma_region ? region_find(L, d->lma_region) : NULL;
			struct region *region = d->region ? region_find(L, d->region)
						: d->lma_region && !d->addr ? lma : L->default_region;
			if (have_prev && !lma && !d->lma && !d->addr && region == prev_region)
				lma = prev_lma;
			prev_lma = lma;
			prev_region = region;
			have_prev = true;
			continue;
		}
		if (nd->kind != LN_OSEC)
			continue;
		struct layout_osec *lo = nd->lo;
		const struct output_section_desc *d = lo->desc;
		bool has_lma = lo->overlay ? (lo->overlay_index == 1 && lo->overlay->lma) : d && d->lma;
		bool has_addr = lo->overlay ? (lo->overlay_index > 1 || lo->overlay->start) : d ? d->addr != NULL
												 : !(lo->os->flags & SHF_ALLOC);
		if (have_prev && !lo->lma_region && !has_lma && !has_addr && lo->region == prev_region)
			lo->lma_region = prev_lma;
		prev_region = lo->region;
		prev_lma = lo->lma_region;
		have_prev = true;
	}
}

/* GNU ld's fixup_link_order (ldelfgen.c), once addresses are known: among the inputs one
 * statement gave an output section, SHF_LINK_ORDER sections follow the sections they are
 * linked to (by load address, then size, then address); sections linked to none come first,
 * in their own order.  True when something moved, so the layout is done again. */
struct link_order_key {
	struct input_section *isec;
	size_t idx;
};

static const struct input_section *linked_to(const struct input_section *isec)
{
	return isec->link_order_to && !isec->file->synthetic ? isec->file->sections[isec->link_order_to] : NULL;
}

static int by_link_order(const void *a, const void *b)
{
	const struct link_order_key *x = a, *y = b;
	const struct input_section *as = linked_to(x->isec), *bs = linked_to(y->isec);
	if (!as || !bs) {
		if (bs)
			return -1;
		if (as)
			return 1;
		return x->idx < y->idx ? -1 : x->idx > y->idx;
	}
	uint64_t ap = (as->out ? as->out->lma : 0) + as->out_offset, bp = (bs->out ? bs->out->lma : 0) + bs->out_offset;
	if (ap != bp)
		return ap < bp ? -1 : 1;
	if (as->size != bs->size)
		return as->size < bs->size ? -1 : 1;
	ap = input_section_addr(as);
	bp = input_section_addr(bs);
	if (ap != bp)
		return ap < bp ? -1 : 1;
	return x->idx < y->idx ? -1 : x->idx > y->idx;
}

bool layout_link_order(struct layout *L)
{
	if (!oformat_is_elf(L->ctx))
		return false;
	bool changed = false;
	struct link_order_key *keys = NULL;
	size_t cap = 0;
	for (size_t i = 0; i < L->nodes.n; i++) {
		struct layout_osec *lo = L->nodes.v[i].kind == LN_OSEC ? L->nodes.v[i].lo : NULL;
		if (!lo || lo->removed)
			continue;
		size_t ordered = 0, count = 0;
		for (size_t k = 0; k < lo->items.n; k++)
			for (size_t j = 0; j < lo->items.v[k].secs.n; j++, count++)
				ordered += linked_to(lo->items.v[k].secs.v[j]) != NULL;
		if (!ordered || count < 2)
			continue;
		for (size_t k = 0; k < lo->items.n; k++) {
			struct isec_vec *v = &lo->items.v[k].secs;
			if (v->n < 2)
				continue;
			if (v->n > cap) {
				cap = v->n;
				keys = xrealloc(keys, cap * sizeof(*keys));
			}
			for (size_t j = 0; j < v->n; j++)
				keys[j] = (struct link_order_key){v->v[j], j};
			qsort(keys, v->n, sizeof(*keys), by_link_order);
			for (size_t j = 0; j < v->n; j++) {
				changed |= v->v[j] != keys[j].isec;
				v->v[j] = keys[j].isec;
			}
		}
	}
	free(keys);
	return changed;
}

/* GNU ld's exp_get_fill: a bare 0x literal gives as many bytes as it has digit pairs (rounded
 * up), anything else the value's low 4 bytes, big-endian */
const struct fill_pattern *fill_from_expr(struct ctx *ctx, const struct expr *e, uint64_t value)
{
	struct fill_pattern *f = arena_alloc(&ctx->arena, sizeof(*f));
	if (e->kind == EXPR_NUM && e->hex_digits) {
		/* (an odd count of digits: the first one alone makes the first byte) */
		size_t len = strlen(e->hex_digits), n = (len + 1) / 2;
		uint8_t *d = arena_alloc(&ctx->arena, n);
		memset(d, 0, n);
		for (size_t i = 0; i < len; i++) {
			char c = e->hex_digits[len - 1 - i];
			unsigned v = c <= '9' ? (unsigned)(c - '0') : (unsigned)((c | 0x20) - 'a' + 10);
			d[n - 1 - i / 2] |= (uint8_t)((v & 0xf) << (4 * (i & 1)));
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

/* The type bfd's table of special sections gives a section name, for address.c */
bool layout_special_type(const char *name, uint32_t *type)
{
	uint64_t flags;
	return elf_special_section(name, type, &flags);
}
