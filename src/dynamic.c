/* Dynamic-linking sections for -pie and -shared, as GNU ld 2.40 makes them
 * (bfd/elflink.c bfd_elf_size_dynamic_sections, elf_link_output_extsym; bfd/elfxx-x86.c).
 *
 * GNU ld creates the dynamic sections as soon as the first object of a PIC link is loaded and
 * attaches them to that object (the "dynobj"), so its messages name it; we make them input
 * sections of a linker file that carries the dynobj's name, placed by the script like any input:
 *   .interp (PIE with a dynamic linker), .gnu.version_d, .gnu.version, .gnu.version_r, .dynsym,
 *   .dynstr, .hash (--hash-style sysv/both), .gnu.hash (gnu/both), .dynamic, and the dynamic
 *   relocations: one .rela<name> (.rel<name>) per name of the sections they apply to, as bfd
 *   makes them while it scans relocations, those of GOT slots in .rela.got.  The default
 *   -z combreloc scripts gather them all in .rela.dyn, where they are sorted; a -z nocombreloc
 *   script keeps .rela.data, .rela.got... apart.
 * Sections that end up empty leave the output (GNU ld strips them), after any orphan warning.
 *
 * Everything is sized before layout (dynamic_create): which symbols are dynamic, the string
 * table, the hash tables, the .dynamic tags and the number of dynamic relocations are all known
 * from the symbols and the relocation scan.  Contents that need addresses are written at the
 * end (dynamic_finish), after the relocations were applied.
 *
 * Dynamic symbols: for -shared every global symbol defined in the link that is not hidden and
 * not made local by a VERSION `local:` pattern, the undefined ones that are referenced, and one
 * absolute symbol per version name; for -pie none (static PIE, nothing is exported).  Their
 * order is GNU ld's: the symbol hash table's order, then stably sorted by .gnu.hash bucket.
 * Symbols made local (hidden ones, `local:` matches, _DYNAMIC) are STB_LOCAL in .symtab.
 *
 * Dynamic relocations: only R_*_RELATIVE, for absolute word relocations and GOT slots whose
 * value is an address in this module.  Symbols bind inside the module (as with -Bsymbolic):
 * a reference that would need a PLT entry or a symbolic dynamic relocation (a preemptible
 * symbol, dynamic_preemptible) is an error. */
#include <stdlib.h>

#include "dynamic.h"
#include "layout.h"
#include "output.h"
#include "passes.h"
#include "script.h"
#include "target.h"

struct verdef {
	const char *name;
	const struct version_node *node; /* NULL for the base definition */
	struct symbol *sym;              /* the version's absolute symbol (not for the base) */
	uint32_t str;                    /* .dynstr handle */
};

struct textrel_site {
	const struct input_section *isec;
	const struct symbol *sym;        /* NULL: against a local symbol */
};

struct dynrel {
	uint64_t offset, addend;
	uint32_t sec;                    /* which of D.relsecs */
};

static struct {
	bool active;
	struct input_section *interp, *verdef_sec, *versym_sec, *verneed_sec, *dynsym, *dynstr, *hash, *gnu_hash,
		*dynamic;
	VEC(struct symbol *) syms;    /* dynsym entries 1..n */
	VEC(uint32_t) names;          /* .dynstr handle per dynsym entry 1..n */
	VEC(uint16_t) versym;         /* per dynsym entry 1..n */
	VEC(struct symbol *) hash_order; /* dynamic symbols in hash-table order (sysv .hash chains) */
	VEC(struct verdef) verdefs;
	struct strtab str;
	uint32_t soname;
	uint32_t sysv_buckets;
	uint32_t gnu_buckets, gnu_symindx, gnu_maskwords, gnu_shift2, gnu_nsyms;
	VEC(uint64_t) tags;           /* DT_* in order (values filled at write time) */
	VEC(struct textrel_site) textrel_sites; /* dynamic relocations in read-only input sections */
	const struct output_section *arrays[3]; /* .preinit_array, .init_array, .fini_array */
	uint64_t nrelocs;             /* dynamic relocations sized, in all D.relsecs */
	VEC(struct input_section *) relsecs; /* .rela<name> sections holding them */
	uint32_t *relsec_slots;       /* D.relsecs by name: 1 + index, 0 empty */
	size_t relsec_cap;
	uint32_t got_relsec;          /* 1 + which of D.relsecs is .rela.got, 0 none */
	uint32_t first_scan_made;     /* the dynamic file's sections from this index on are the
				       * .rela<name> bfd's relocation scan made */
	VEC(struct dynrel) rels;      /* RELATIVE relocations found while applying */
	uint64_t flags, flags_1;      /* DT_FLAGS, DT_FLAGS_1 values */
} D;

bool dynamic_active(const struct ctx *ctx)
{
	return (ctx->opt.kind == OUT_PIE || ctx->opt.kind == OUT_SHARED) && D.active;
}

static bool is_pic(const struct ctx *ctx)
{
	return ctx->opt.kind == OUT_PIE || ctx->opt.kind == OUT_SHARED;
}

/* ---- the linker file holding the sections ---- */

static struct input_file *dyn_file(struct ctx *ctx)
{
	if (ctx->dynamic)
		return ctx->dynamic;
	struct input_file *f = arena_alloc(&ctx->arena, sizeof(*f));
	f->name = f->path = "<internal>";
	for (size_t i = 0; i < ctx->files.n; i++)
		if (!ctx->files.v[i]->synthetic && ctx->files.v[i]->elf) {
			/* (a script's file pattern names it as it names that object: `a.o(.data.*)') */
			f->name = ctx->files.v[i]->name;
			f->given = ctx->files.v[i]->given;
			f->archive = ctx->files.v[i]->archive;
			f->member = ctx->files.v[i]->member;
			break;
		}
	f->synthetic = true;
	f->shnum = 1;
	f->sections = xcalloc(MAX_LINKER_SECTIONS, sizeof(*f->sections));
	f->order = ctx->file_order++;
	vec_push(ctx->files, f);
	ctx->dynamic = f;
	return f;
}

static void write_nothing(struct ctx *ctx, struct input_section *isec, uint8_t *out)
{
	(void)ctx, (void)isec, (void)out; /* filled by dynamic_finish */
}

static struct input_section *add(struct ctx *ctx, const char *name, uint32_t type, uint64_t flags, uint64_t align,
				 uint64_t entsize)
{
	struct input_file *f = dyn_file(ctx);
	struct input_section *s = arena_alloc(&ctx->arena, sizeof(*s));
	s->file = f;
	s->name = name;
	s->type = type;
	s->flags = flags;
	s->align = align;
	s->entsize = entsize;
	s->synthesize = write_nothing;
	s->strip_if_empty = true;
	/* (one .rela<name> per section name with dynamic relocations: as many as it takes) */
	if (f->shnum >= MAX_LINKER_SECTIONS && !(f->shnum & (f->shnum - 1))) {
		f->sections = realloc(f->sections, 2 * f->shnum * sizeof(*f->sections));
		if (!f->sections)
			fatal("out of memory");
	}
	s->index = (uint32_t)f->shnum;
	f->sections[f->shnum++] = s;
	return s;
}

/* ---- hashing ---- */

static uint32_t sysv_hash(const char *s)
{
	uint32_t h = 0;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		h = (h << 4) + *p;
		uint32_t g = h & 0xf0000000;
		if (g)
			h ^= g >> 24;
		h &= ~g;
	}
	return h;
}

static uint32_t gnu_hash(const char *s)
{
	uint32_t h = 5381;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		h = h * 33 + *p;
	return h;
}

/* GNU ld's bucket count without -O: the largest of its primes not above the symbol count */
static uint32_t bucket_count(size_t nsyms)
{
	static const uint32_t primes[] = {1, 3, 17, 37, 67, 97, 131, 197, 263, 521, 1031, 2053, 4099, 8209, 16411, 32771, 0};
	uint32_t best = 1;
	for (size_t i = 0; primes[i]; i++) {
		best = primes[i];
		if (!primes[i + 1] || nsyms < primes[i + 1])
			break;
	}
	return best;
}

/* ---- versions ---- */

static bool pattern_matches(const struct version_pattern *p, const char *name)
{
	for (; p; p = p->next) {
		if (p->lang)
			continue; /* extern "C++"/"Java": no demangling here */
		if (p->literal ? !strcmp(p->pattern, name) : glob_match(p->pattern, name))
			return true;
	}
	return false;
}

static bool has_wildcard(const char *s)
{
	return strpbrk(s, "*?[") != NULL;
}

/* GNU ld's version lookup: an exact global name first, then an exact local one, then wildcard
 * globals, then wildcard locals.  Returns the node and whether the match is local. */
static const struct version_node *version_of(struct ctx *ctx, const char *name, bool *local)
{
	*local = false;
	if (!ctx->script)
		return NULL;
	for (int pass = 0; pass < 2; pass++) {
		bool wild = pass == 1;
		for (const struct version_node *n = ctx->script->versions; n; n = n->next) {
			for (int loc = 0; loc < 2; loc++)
				for (const struct version_pattern *p = loc ? n->locals : n->globals; p; p = p->next) {
					if (p->lang || (!p->literal && has_wildcard(p->pattern)) != wild)
						continue;
					if (p->literal ? strcmp(p->pattern, name) : !glob_match(p->pattern, name))
						continue;
					*local = loc;
					return n;
				}
		}
	}
	(void)pattern_matches;
	return NULL;
}

static uint16_t version_index(const struct version_node *n)
{
	if (!n || !n->tag)
		return 1; /* VER_NDX_GLOBAL */
	for (size_t i = 1; i < D.verdefs.n; i++)
		if (D.verdefs.v[i].node == n)
			return (uint16_t)(i + 1);
	return 1;
}

static bool is_version_symbol(const struct symbol *s)
{
	for (size_t k = 1; k < D.verdefs.n; k++)
		if (D.verdefs.v[k].sym == s)
			return true;
	return false;
}

/* ---- which symbols are dynamic ---- */

static bool defined_here(const struct symbol *s)
{
	switch (s->kind) {
	case SYM_DEFINED:
		/* (bfd records an object's symbols as it reads them, before /DISCARD/ takes their
		 * sections: those stay, at 0 in the absolute section) */
		return !s->isec || !s->isec->discarded || s->isec->discard_by_script;
	case SYM_SCRIPT:
	case SYM_COMMON:
		return true;
	case SYM_UNDEF:
		return s->start_stop; /* the linker's __start_SEC / __stop_SEC, defined after mapping */
	default:
		return false;
	}
}

/* Forced local in the output (.symtab binding, no dynamic symbol) */
bool dynamic_forced_local(const struct ctx *ctx, const struct symbol *s)
{
	if (s->forced_local)
		return true;
	if (ctx->opt.kind != OUT_SHARED)
		return false;
	return (s->visibility == STV_HIDDEN || s->visibility == STV_INTERNAL) && s->kind != SYM_UNDEF &&
	       !s->visibility_copied;
}

/* The order GNU ld records dynamic symbols in: as objects name them, then the symbols only
 * scripts assign, by their first assignment statement (ldelf_find_statement_assignment) */
struct recording {
	const struct symbol *sym;
	uint64_t key;
};

static void number_assignments(struct ctx *ctx, const struct stmt *s, uint32_t *seq, uint32_t *next)
{
	for (; s; s = s->next) {
		if (s->kind == ST_ASSIGN && strcmp(s->assign.name, ".")) {
			const struct symbol *sym = symbol_find(ctx, s->assign.name);
			if (sym && !seq[sym->order])
				seq[sym->order] = ++*next;
		} else if (s->kind == ST_SECTIONS) {
			number_assignments(ctx, s->sections, seq, next);
		} else if (s->kind == ST_OUTPUT_SECTION && !s->osec->dropped) {
			/* (GNU ld records no assignment of a constraint-dropped statement) */
			number_assignments(ctx, s->osec->body, seq, next);
		} else if (s->kind == ST_OVERLAY) {
			number_assignments(ctx, s->overlay->sections, seq, next);
		}
	}
}

/* ... in the order of the mapped statements, INSERTs done (with the --defsym ones) */
static void number_layout_assignments(struct ctx *ctx, const struct layout *L, uint32_t *seq, uint32_t *next)
{
	for (size_t i = 0; i < L->nodes.n; i++) {
		const struct lnode *n = &L->nodes.v[i];
		if (n->kind == LN_ASSIGN && n->st && n->st->kind == ST_ASSIGN && strcmp(n->st->assign.name, ".")) {
			const struct symbol *sym = symbol_find(ctx, n->st->assign.name);
			if (sym && !seq[sym->order])
				seq[sym->order] = ++*next;
		} else if (n->kind == LN_OSEC && n->lo->desc) {
			number_assignments(ctx, n->lo->desc->body, seq, next);
		} else if (n->kind == LN_DISCARD && n->st && n->st->kind == ST_OUTPUT_SECTION) {
			number_assignments(ctx, n->st->osec->body, seq, next);
		}
	}
}

static int by_recording(const void *a, const void *b)
{
	const struct recording *x = a, *y = b;
	return x->key < y->key ? -1 : x->key > y->key;
}

bool dynamic_exports(const struct ctx *ctx, const struct symbol *s)
{
	/* (GNU ld records the script's assignments for export before it sizes: a PROVIDE only
	 * sizing wanted was not defined then) */
	if (ctx->opt.kind != OUT_SHARED || s->is_local || s->dyn_excluded || dynamic_forced_local(ctx, s) ||
	    (s->kind == SYM_SCRIPT && s->provide && s->sizing_ref))
		return false;
	if (defined_here(s))
		return true;
	return s->kind == SYM_UNDEF && (s->used_by_reloc || s->referenced) && !s->cmdline_ref;
}

bool dynamic_preemptible(const struct ctx *ctx, const struct symbol *s)
{
	if (ctx->opt.kind != OUT_SHARED || ctx->opt.bsymbolic || s->is_local || s->visibility != STV_DEFAULT ||
	    !defined_here(s) || !dynamic_exports(ctx, s))
		return false;
	return !ctx->opt.bsymbolic_functions || (s->type != STT_FUNC && s->type != STT_GNU_IFUNC);
}

/* An absolute symbol's address does not move with the load address. */
static bool got_slot_absolute(const struct symbol *s)
{
	/* (a __start_SEC / __stop_SEC the linker will define is an address) */
	if (s->start_stop)
		return false;
	if (s->kind == SYM_DEFINED && !s->isec)
		return true;
	return s->kind == SYM_UNDEF || s->kind == SYM_LAZY;
}

/* ---- relocations ---- */

/* Relocation scan (reloc.c): does this relocation of an allocated section need a RELATIVE
 * dynamic relocation in a PIC output?  Counted here, before layout, to size .rela.dyn. */
bool dynamic_reloc_needed(struct ctx *ctx, const struct input_section *isec, const struct reloc_args *r)
{
	if (!is_pic(ctx))
		return false;
	/* _bfd_elf_fix_symbol_flags: a PLT reference to a hidden symbol defined in the link makes
	 * it local (the call binds directly) */
	struct symbol *ps = r->sym;
	if (ps && !ps->is_local && (ps->visibility == STV_HIDDEN || ps->visibility == STV_INTERNAL) &&
	    (ps->kind == SYM_DEFINED || ps->kind == SYM_SCRIPT || ps->kind == SYM_COMMON)) {
		const char *nm = ctx->target->reloc_name(r->type);
		size_t len = nm ? strlen(nm) : 0;
		if ((len > 6 && !strcmp(nm + len - 6, "_PLT32")) || (len > 9 && !strcmp(nm + len - 9, "_PLTOFF64")))
			ps->forced_local = true;
	}
	if (!(isec->flags & SHF_ALLOC) || !ctx->target->abs_word_reloc ||
	    !ctx->target->abs_word_reloc(r->type))
		return false;
	const struct symbol *s = r->sym;
	if (s && !s->start_stop && (r->undef_weak || got_slot_absolute(s)))
		return false;
	return true;
}

void dynamic_count_reloc(struct input_section *isec, const struct symbol *sym)
{
	D.nrelocs++;
	isec->dyn_relocs++;
	/* a section's first local-symbol and first global-symbol sites are noted; whether
	 * its output section is read-only (a READONLY one is, writable inputs or not) is
	 * known after layout */
	const struct symbol *g = sym && !sym->is_local ? sym : NULL;
	for (size_t i = D.textrel_sites.n; i-- > 0 && D.textrel_sites.v[i].isec == isec;)
		if (!D.textrel_sites.v[i].sym == !g)
			return; /* a section's first local and first global site are enough */
	vec_push(D.textrel_sites, ((struct textrel_site){isec, g}));
}

/* Relocation apply (reloc.c): the place now holds the link-time address `value`. */
void dynamic_add_relative(const struct input_section *isec, uint64_t place, uint64_t value)
{
	if (isec->dynrel_index)
		vec_push(D.rels, ((struct dynrel){place, value, isec->dynrel_index - 1}));
}

/* The section bfd keeps the dynamic relocations of sections named `name' in (its
 * _bfd_elf_make_dynamic_reloc_section): .rela<name>, made on first need, or the linker's own
 * section of that name (.rela.got for GOT slots) */
static uint32_t dynrel_section(struct ctx *ctx, const char *name)
{
	const struct target *t = ctx->target;
	char *full = arena_printf(&ctx->arena, "%s%s", t->rela ? ".rela" : ".rel", name);
	if ((D.relsecs.n + 1) * 2 > D.relsec_cap) {
		size_t cap = D.relsec_cap ? 2 * D.relsec_cap : 64;
		uint32_t *slots = xcalloc(cap, sizeof(*slots));
		for (size_t i = 0; i < D.relsecs.n; i++) {
			size_t h = hash_str(D.relsecs.v[i]->name) & (cap - 1);
			while (slots[h])
				h = (h + 1) & (cap - 1);
			slots[h] = (uint32_t)i + 1;
		}
		free(D.relsec_slots);
		D.relsec_slots = slots;
		D.relsec_cap = cap;
	}
	size_t h = hash_str(full) & (D.relsec_cap - 1);
	for (; D.relsec_slots[h]; h = (h + 1) & (D.relsec_cap - 1))
		if (!strcmp(D.relsecs.v[D.relsec_slots[h] - 1]->name, full))
			return D.relsec_slots[h] - 1;
	struct input_section *s = NULL;
	for (size_t si = 1; ctx->internal && si < ctx->internal->shnum && !s; si++)
		if (!strcmp(ctx->internal->sections[si]->name, full))
			s = ctx->internal->sections[si];
	for (size_t si = 1; si < D.first_scan_made && !s; si++) /* (not the ones made here) */
		if (!strcmp(ctx->dynamic->sections[si]->name, full))
			s = ctx->dynamic->sections[si];
	if (!s) {
		uint64_t word = t->elfclass == ELFCLASS64 ? 8 : 4;
		s = add(ctx, full, t->rela ? SHT_RELA : SHT_REL, SHF_ALLOC, word, t->rela ? 3 * word : 2 * word);
	}
	D.relsec_slots[h] = (uint32_t)D.relsecs.n + 1;
	vec_push(D.relsecs, s);
	return (uint32_t)D.relsecs.n - 1;
}

/* ---- sizing, before layout ---- */

static void add_tag(uint64_t tag)
{
	vec_push(D.tags, tag);
}

/* The dynamic symbols, .dynstr, the hash tables and the version sections: sized before mapping,
 * and again after it when symbols only constraint-dropped statements assign leave (GNU ld
 * never records those assignments, so never exports them). */
static void size_dynamic_symbols(struct ctx *ctx, const struct layout *L)
{
	bool is64 = ctx->target->elfclass == ELFCLASS64;
	uint64_t word = is64 ? 8 : 4;
	strtab_free(&D.str);
	memset(&D.str, 0, sizeof(D.str));
	D.syms.n = D.names.n = D.versym.n = D.hash_order.n = 0;
	D.soname = 0;
	/* which symbols are dynamic, forced local by the version script, and their versions */
	size_t n;
	struct symbol **all = symbol_all(ctx, &n);
	for (size_t i = 0; i < n; i++) {
		struct symbol *s = all[i];
		if (ctx->opt.kind != OUT_SHARED || s->forced_local)
			continue;
		if (is_version_symbol(s) || !defined_here(s))
			continue;
		bool local;
		const struct version_node *vn = version_of(ctx, s->name, &local);
		if (vn && local)
			s->forced_local = true;
	}
	/* .dynstr: symbol names in the order GNU ld records them (as objects name them, then the
	 * ones only scripts assign, in statement order), the soname, version names */
	uint32_t *seq = xcalloc(n + 1, sizeof(*seq)), next = 0;
	if (L) {
		number_layout_assignments(ctx, L, seq, &next);
	} else {
		/* --defsym statements stand before or after the -T scripts, as on the command line */
		for (size_t k = 0; k < ctx->defsyms_before_script; k++)
			number_assignments(ctx, ctx->defsym_stmts.v[k], seq, &next);
		if (ctx->script)
			number_assignments(ctx, ctx->script->cmds, seq, &next);
		for (size_t k = ctx->defsyms_before_script; k < ctx->defsym_stmts.n; k++)
			number_assignments(ctx, ctx->defsym_stmts.v[k], seq, &next);
	}
	struct recording *rec = xcalloc(n + 1, sizeof(*rec));
	for (size_t i = 0; i < n; i++) {
		const struct symbol *sym = all[i];
		rec[i].sym = sym;
		rec[i].key = sym->object_seq ? sym->object_seq
			     : seq[sym->order] ? (uint64_t)UINT32_MAX + seq[sym->order]
					       : 2 * (uint64_t)UINT32_MAX + sym->order;
	}
	qsort(rec, n, sizeof(*rec), by_recording);
	for (size_t i = 0; i < n; i++)
		if (dynamic_exports(ctx, (struct symbol *)rec[i].sym) && !is_version_symbol(rec[i].sym))
			strtab_add(&D.str, rec[i].sym->name);
	free(rec);
	free(seq);
	free(all);
	if (ctx->opt.soname && ctx->opt.kind == OUT_SHARED)
		D.soname = strtab_add(&D.str, ctx->opt.soname);
	for (size_t k = 0; k < D.verdefs.n; k++)
		D.verdefs.v[k].str = strtab_add(&D.str, D.verdefs.v[k].name);
	if (!D.str.strs.n)
		strtab_add(&D.str, "");

	/* dynsym order: hash-table order, then (with .gnu.hash) stably by bucket, unhashed first */
	struct symbol **ho = symbol_hash_order(ctx, &n);
	for (size_t i = 0; i < n; i++)
		if (dynamic_exports(ctx, ho[i]))
			vec_push(D.hash_order, ho[i]);
	free(ho);
	size_t ndyn = D.hash_order.n;
	size_t nhashed = 0;
	for (size_t i = 0; i < ndyn; i++)
		if (defined_here(D.hash_order.v[i]))
			nhashed++;
	for (size_t i = 0; i < ndyn; i++)
		if (!D.gnu_hash || !defined_here(D.hash_order.v[i]))
			vec_push(D.syms, D.hash_order.v[i]);
	if (D.gnu_hash) {
		D.gnu_nsyms = (uint32_t)nhashed;
		D.gnu_symindx = (uint32_t)(D.syms.n + 1);
		if (nhashed) {
			D.gnu_buckets = bucket_count(nhashed);
			if (D.gnu_buckets < 2)
				D.gnu_buckets = 2; /* bfd's compute_bucket_count: at least 2 for .gnu.hash */
			for (uint32_t b = 0; b < D.gnu_buckets; b++)
				for (size_t i = 0; i < ndyn; i++) {
					struct symbol *s = D.hash_order.v[i];
					if (defined_here(s) && gnu_hash(s->name) % D.gnu_buckets == b)
						vec_push(D.syms, s);
				}
			unsigned long x = nhashed;
			unsigned maskbitslog2 = 1;
			while ((x >>= 1) != 0)
				maskbitslog2++;
			if (maskbitslog2 < 3)
				maskbitslog2 = 5;
			else if ((1ul << (maskbitslog2 - 2)) & nhashed)
				maskbitslog2 += 3;
			else
				maskbitslog2 += 2;
			unsigned shift1 = is64 ? 6 : 5;
			if (is64 && maskbitslog2 == 5)
				maskbitslog2 = 6;
			D.gnu_shift2 = maskbitslog2;
			D.gnu_maskwords = 1u << (maskbitslog2 - shift1);
			D.gnu_hash->size = 16 + (uint64_t)D.gnu_maskwords * word + 4ull * D.gnu_buckets + 4ull * nhashed;
		} else {
			D.gnu_buckets = 1;
			D.gnu_symindx = 1;
			D.gnu_maskwords = 1;
			D.gnu_shift2 = 0;
			D.gnu_hash->size = 16 + word + 4;
		}
	}
	for (size_t i = 0; i < D.syms.n; i++) {
		struct symbol *s = D.syms.v[i];
		vec_push(D.names, strtab_add(&D.str, s->name));
		uint16_t v = 1;
		for (size_t k = 1; k < D.verdefs.n; k++)
			if (D.verdefs.v[k].sym == s)
				v = (uint16_t)(k + 1);
		if (v == 1 && D.verdefs.n && defined_here(s)) {
			bool local;
			v = version_index(version_of(ctx, s->name, &local));
		}
		vec_push(D.versym, v);
	}
	strtab_finish(&D.str);

	uint64_t nsyms = D.syms.n + 1;
	D.dynsym->size = nsyms * D.dynsym->entsize;
		D.dynstr->size = D.str.buf.n;
	if (D.hash) {
		D.sysv_buckets = bucket_count(ndyn);
		D.hash->size = 4ull * (2 + D.sysv_buckets + nsyms);
	}
	if (D.verdefs.n) {
		uint64_t sz = 0;
		for (size_t k = 0; k < D.verdefs.n; k++) {
			size_t deps = 0;
			if (D.verdefs.v[k].node)
				for (const struct name_list *d = D.verdefs.v[k].node->deps; d; d = d->next)
					deps++;
			sz += 20 + 8 * (1 + deps);
		}
		D.verdef_sec->size = sz;
		D.versym_sec->size = 2 * nsyms;
	}

}

void dynamic_create(struct ctx *ctx)
{
	if (!is_pic(ctx))
		return;
	const struct target *t = ctx->target;
	bool is64 = t->elfclass == ELFCLASS64;
	uint64_t word = is64 ? 8 : 4;
	D.active = true;

	/* GNU ld's creation order (_bfd_elf_link_create_dynamic_sections), which is also the order
	 * its orphan warnings come in */
	if (ctx->opt.kind == OUT_PIE && !ctx->opt.dynamic_linker_none) {
		D.interp = add(ctx, ".interp", SHT_PROGBITS, SHF_ALLOC, 1, 0);
		const char *dl = ctx->opt.dynamic_linker ? ctx->opt.dynamic_linker
				 : is64 ? "/lib/ld64.so.1" : "/usr/lib/libc.so.1";
		D.interp->size = strlen(dl) + 1;
		D.interp->data = (const uint8_t *)dl;
		D.interp->synthesize = NULL;
	}
	D.verdef_sec = add(ctx, ".gnu.version_d", SHT_GNU_verdef, SHF_ALLOC, word, 0);
	D.versym_sec = add(ctx, ".gnu.version", SHT_GNU_versym, SHF_ALLOC, 2, 2);
	D.verneed_sec = add(ctx, ".gnu.version_r", SHT_GNU_verneed, SHF_ALLOC, word, 0);
	D.dynsym = add(ctx, ".dynsym", SHT_DYNSYM, SHF_ALLOC, word, is64 ? sizeof(Elf64_Sym) : sizeof(Elf32_Sym));
	D.dynstr = add(ctx, ".dynstr", SHT_STRTAB, SHF_ALLOC, 1, 0);
	D.dynamic = add(ctx, ".dynamic", SHT_DYNAMIC, SHF_ALLOC | SHF_WRITE, word, is64 ? 16 : 8);
	if (ctx->opt.hash_sysv)
		D.hash = add(ctx, ".hash", SHT_HASH, SHF_ALLOC, word, 4);
	if (ctx->opt.hash_gnu)
		D.gnu_hash = add(ctx, ".gnu.hash", SHT_GNU_HASH, SHF_ALLOC, word, is64 ? 0 : 4); /* bfd: 4 for ELFCLASS32 */
	uint32_t rel_type = t->rela ? SHT_RELA : SHT_REL;
	uint64_t rel_size = t->rela ? (is64 ? sizeof(Elf64_Rela) : sizeof(Elf32_Rela)) : (is64 ? sizeof(Elf64_Rel) : sizeof(Elf32_Rel));
	/* the x86 backend's sections slink never fills (no PLT, no copy relocations): empty,
	 * stripped, but as orphans of a script they take their place and alignment as in GNU ld
	 * (layout_map puts them in bfd's order, around .got's) */
	if (t->machine == EM_X86_64 || t->machine == EM_386) {
		add(ctx, ".plt", SHT_PROGBITS, SHF_ALLOC | SHF_EXECINSTR, 16, 0);
		add(ctx, t->rela ? ".rela.plt" : ".rel.plt", rel_type, SHF_ALLOC, word, rel_size);
		add(ctx, ".dynbss", SHT_NOBITS, SHF_ALLOC | SHF_WRITE, 1, 0);
		add(ctx, ".data.rel.ro", SHT_PROGBITS, SHF_ALLOC | SHF_WRITE, 1, 0);
		if (ctx->opt.kind == OUT_PIE) { /* (copy relocations, an executable's) */
			add(ctx, t->rela ? ".rela.bss" : ".rel.bss", rel_type, SHF_ALLOC, word, rel_size);
			add(ctx, t->rela ? ".rela.data.rel.ro" : ".rel.data.rel.ro", rel_type, SHF_ALLOC, word, rel_size);
		}
		add(ctx, ".plt.got", SHT_PROGBITS, SHF_ALLOC | SHF_EXECINSTR, 8, 0);
		/* the PLTs' unwind info (elfxx-x86.c): stripped when empty, but a KEEP that matched
		 * it (the default script's) keeps its output section */
		if (ctx->opt.ld_generated_unwind_info) {
			for (int k = 0; k < 2; k++)
				add(ctx, ".eh_frame", SHT_PROGBITS, SHF_ALLOC, word, 0)->synthesize = NULL;
			if (is64)
				add(ctx, ".sframe", SHT_PROGBITS, SHF_ALLOC, 1, 0);
		}
	}
	/* _DYNAMIC: the linker's own, local to the output */
	struct symbol *dsym = symbol_intern(ctx, "_DYNAMIC");
	if (dsym->kind == SYM_UNDEF || dsym->kind == SYM_LAZY) {
		dsym->kind = SYM_DEFINED;
		dsym->isec = D.dynamic;
		dsym->value = 0;
		dsym->type = STT_OBJECT;
		dsym->bind = STB_GLOBAL;
		dsym->visibility = STV_HIDDEN;
		dsym->forced_local = true;
		dsym->file = ctx->dynamic;
		dsym->keep_in_symtab = true;
	}

	/* version definitions: the base (soname or output name), then each named node */
	const char *base = ctx->opt.soname;
	if (!base) {
		const char *o = ctx->opt.output ? ctx->opt.output : "a.out";
		const char *sl = strrchr(o, '/');
		base = sl ? sl + 1 : o;
	}
	bool any_version = false;
	if (ctx->script && ctx->opt.kind == OUT_SHARED)
		for (const struct version_node *n = ctx->script->versions; n; n = n->next)
			if (n->tag)
				any_version = true;
	if (any_version) {
		vec_push(D.verdefs, ((struct verdef){.name = base}));
		for (const struct version_node *n = ctx->script->versions; n; n = n->next) {
			if (!n->tag)
				continue;
			struct symbol *vs = symbol_intern(ctx, n->tag);
			if (vs->kind == SYM_UNDEF) {
				vs->kind = SYM_DEFINED;
				vs->isec = NULL;
				vs->shndx = SHN_ABS;
				vs->value = 0;
				vs->type = STT_OBJECT;
				vs->bind = STB_GLOBAL;
				vs->file = ctx->dynamic;
			}
			vec_push(D.verdefs, ((struct verdef){.name = n->tag, .node = n, .sym = vs}));
		}
	}

	size_dynamic_symbols(ctx, NULL);

	/* GOT slots of a PIC output hold addresses of this module: each needs a RELATIVE, in
	 * .rela.got */
	D.first_scan_made = (uint32_t)dyn_file(ctx)->shnum;
	uint64_t ngot = 0;
	for (size_t i = 0; i < ctx->got_syms.n; i++)
		if (!got_slot_absolute(ctx->got_syms.v[i]))
			ngot++;
	if (ngot) {
		D.got_relsec = dynrel_section(ctx, ".got") + 1;
		D.relsecs.v[D.got_relsec - 1]->size += ngot * rel_size;
		D.nrelocs += ngot;
	}
	/* those of the sections, in the order bfd's scan makes their sections */
	for (size_t fi = 0; fi < ctx->files.n; fi++) {
		const struct input_file *f = ctx->files.v[fi];
		for (size_t si = 1; !f->synthetic && si < f->shnum; si++) {
			struct input_section *isec = f->sections[si];
			if (!isec || !isec->dyn_relocs)
				continue;
			isec->dynrel_index = dynrel_section(ctx, isec->name) + 1;
			D.relsecs.v[isec->dynrel_index - 1]->size += isec->dyn_relocs * rel_size;
		}
	}
	/* never empty (6 DT_NULLs at least): the exact size comes once sections are mapped
	 * (dynamic_after_map), but mapping already asks whether it has contents (relro) */
	D.dynamic->size = D.dynamic->entsize;
}

/* bfd_elf_size_dynamic_sections: DT_PREINIT_ARRAY, DT_INIT_ARRAY and DT_FINI_ARRAY (with their
 * sizes) when the first output section of the name bfd made got an input section, even an
 * empty one (a later one of the name, an orphan's, does not count) */
static void array_tags(struct ctx *ctx, struct layout *L)
{
	static const char *const names[3] = {".preinit_array", ".init_array", ".fini_array"};
	static const uint64_t tags[3][2] = {{DT_PREINIT_ARRAY, DT_PREINIT_ARRAYSZ},
					    {DT_INIT_ARRAY, DT_INIT_ARRAYSZ},
					    {DT_FINI_ARRAY, DT_FINI_ARRAYSZ}};
	for (int k = 0; k < 3; k++) {
		struct output_section *os = layout_first_made(L, names[k]);
		D.arrays[k] = os && os->has_inputs ? os : NULL;
	}
	for (size_t i = 0; i < ctx->files.n; i++) {
		const struct input_file *f = ctx->files.v[i];
		for (size_t j = 0; f->sections && j < f->shnum; j++) {
			const struct input_section *isec = f->sections[j];
			if (isec && isec->type == SHT_PREINIT_ARRAY && ctx->opt.kind == OUT_SHARED && D.arrays[0]) {
				error(ctx, "%s: .preinit_array section is not allowed in DSO", f->name);
				return;
			}
		}
	}
	for (int k = 0; k < 3; k++) {
		if (!D.arrays[k])
			continue;
		add_tag(tags[k][0]);
		add_tag(tags[k][1]);
	}
}

/* DT_TEXTREL: a dynamic relocation applies to a read-only output section.  bfd looks at the
 * relocations against local symbols first (the backend's size_dynamic_sections), then at
 * those against global ones (_bfd_elf_maybe_set_textrel), and warns of the first it finds
 * unless -z notext. */
static bool textrel(struct ctx *ctx)
{
	const struct textrel_site *hit = NULL;
	for (int global = 0; global < 2 && !hit; global++)
		for (size_t i = 0; i < D.textrel_sites.n && !hit; i++) {
			const struct textrel_site *ts = &D.textrel_sites.v[i];
			if ((ts->sym != NULL) == global && ts->isec->out && !(ts->isec->out->flags & SHF_WRITE))
				hit = ts;
		}
	if (!hit || ctx->opt.textrel_check == TEXTREL_NONE)
		return hit != NULL;
	if (hit->sym)
		warn(ctx, "%s: relocation against `%s' in read-only section `%s'", hit->isec->file->name,
		     hit->sym->name, hit->isec->name);
	else
		warn(ctx, "%s: relocation in read-only section `%s'", hit->isec->file->name, section_label(ctx, hit->isec));
	if (ctx->opt.textrel_check == TEXTREL_ERROR)
		error(ctx, "read-only segment has dynamic relocations");
	else
		warn(ctx, "creating DT_TEXTREL in a %s", ctx->opt.kind == OUT_SHARED ? "shared object" : "PIE");
	return true;
}

/* .dynamic's tags, in bfd_elf_size_dynamic_sections' order, once sections are mapped */
static void build_tags(struct ctx *ctx, struct layout *L)
{
	const struct target *t = ctx->target;
	struct options *o = &ctx->opt;
	uint64_t flags = 0, flags_1 = 0;
	if (D.soname && ctx->opt.kind == OUT_SHARED)
		add_tag(DT_SONAME);
	if (o->bsymbolic && ctx->opt.kind == OUT_SHARED) {
		add_tag(DT_SYMBOLIC);
		flags |= DF_SYMBOLIC;
	}
	struct symbol *init = symbol_find(ctx, o->init ? o->init : "_init");
	struct symbol *fini = symbol_find(ctx, o->fini ? o->fini : "_fini");
	if (init && defined_here(init))
		add_tag(DT_INIT);
	if (fini && defined_here(fini))
		add_tag(DT_FINI);
	array_tags(ctx, L);
	if (D.hash)
		add_tag(DT_HASH);
	if (D.gnu_hash)
		add_tag(DT_GNU_HASH);
	add_tag(DT_STRTAB);
	add_tag(DT_SYMTAB);
	add_tag(DT_STRSZ);
	add_tag(DT_SYMENT);
	/* the backend's (_bfd_elf_add_dynamic_tags) */
	if (ctx->opt.kind != OUT_SHARED)
		add_tag(DT_DEBUG);
	if (D.nrelocs) {
		add_tag(t->rela ? DT_RELA : DT_REL);
		add_tag(t->rela ? DT_RELASZ : DT_RELSZ);
		add_tag(t->rela ? DT_RELAENT : DT_RELENT);
		if (textrel(ctx)) {
			add_tag(DT_TEXTREL);
			flags |= DF_TEXTREL;
		}
	}
	if (D.verdefs.n) {
		add_tag(DT_VERDEF);
		add_tag(DT_VERDEFNUM);
	}
	flags |= o->dt_flags;
	if (o->z_now)
		flags |= DF_BIND_NOW;
	/* Debian's GNU ld enables the new tags by default */
	if (flags)
		add_tag(DT_FLAGS);
	flags_1 = o->dt_flags_1;
	if (o->z_now)
		flags_1 |= DF_1_NOW;
	if (ctx->opt.kind == OUT_PIE)
		flags_1 |= DF_1_PIE;
	if (ctx->opt.kind == OUT_PIE)
		flags_1 &= ~(uint64_t)(DF_1_INITFIRST | DF_1_NODELETE | DF_1_NOOPEN);
	if (flags_1)
		add_tag(DT_FLAGS_1);
	if (D.verdefs.n)
		add_tag(DT_VERSYM);
	/* the terminator and --spare-dynamic-tags' 5 */
	for (int i = 0; i < 6; i++)
		add_tag(DT_NULL);
	D.dynamic->size = D.tags.n * D.dynamic->entsize;
	D.flags = flags;
	D.flags_1 = flags_1;
}

/* After mapping: the tags, which name output sections, and .dynamic's size */
void dynamic_after_map(struct ctx *ctx, struct layout *L, bool *symbols_resized)
{
	*symbols_resized = false;
	if (!D.active)
		return;
	/* (an INSERT moved statements: GNU ld records the assignments in their new order) */
	*symbols_resized = (ctx->dropped_assignments || L->inserts.n) && ctx->opt.kind == OUT_SHARED;
	if (*symbols_resized)
		size_dynamic_symbols(ctx, L);
	/* bfd scans relocations after mapping: those of sections /DISCARD/ took never count */
	for (size_t fi = 0; fi < ctx->files.n; fi++) {
		const struct input_file *f = ctx->files.v[fi];
		for (size_t si = 1; si < f->shnum; si++) {
			struct input_section *isec = f->sections[si];
			if (!isec || !isec->discard_by_script || !isec->dynrel_index)
				continue;
			struct input_section *rs = D.relsecs.v[isec->dynrel_index - 1];
			D.nrelocs -= isec->dyn_relocs;
			rs->size -= isec->dyn_relocs * rs->entsize;
			isec->dyn_relocs = 0;
			isec->dynrel_index = 0;
			if (rs->out)
				layout_refinish(L, rs->out);
		}
	}
	build_tags(ctx, L);
	D.dynamic->size = D.tags.n * D.dynamic->entsize;
	/* bfd's x86 finish_dynamic_sections: a non-empty .got gives the output section that
	 * holds it the entry size */
	if (ctx->got && ctx->got->size && ctx->got->out && !ctx->got->discarded)
		ctx->got->out->entsize = ctx->target->got_entry_size;
}


size_t dynamic_symbol_outputs(struct output_section **v)
{
	struct input_section *secs[] = {D.dynsym, D.dynstr, D.hash, D.gnu_hash, D.versym_sec, D.verdef_sec};
	size_t n = 0;
	for (size_t i = 0; i < sizeof(secs) / sizeof(secs[0]); i++)
		if (secs[i] && secs[i]->out)
			v[n++] = secs[i]->out;
	return n;
}

/* the dynamic table a .dynamic entry gives the address of, NULL for other entries */
static const struct input_section *tag_table(uint64_t tag)
{
	switch (tag) {
	case DT_HASH: return D.hash;
	case DT_GNU_HASH: return D.gnu_hash;
	case DT_STRTAB: return D.dynstr;
	case DT_SYMTAB: return D.dynsym;
	case DT_VERDEF: return D.verdef_sec;
	case DT_VERNEED: return D.verneed_sec;
	case DT_VERSYM: return D.versym_sec;
	default: return NULL;
	}
}

/* bfd's final link refuses a .dynamic entry pointing into a section PHDRS made a note
 * (elflink.c bfd_elf_final_link): the first such entry fails the link */
void dynamic_check_notes(struct ctx *ctx)
{
	if (!D.active)
		return;
	for (size_t i = 0; i < D.tags.n; i++) {
		const struct input_section *isec = tag_table(D.tags.v[i]);
		const struct output_section *os = isec ? isec->out : NULL;
		/* (the array tags name the output section of the name) */
		int array = D.tags.v[i] == DT_PREINIT_ARRAY ? 0 : D.tags.v[i] == DT_INIT_ARRAY ? 1
			  : D.tags.v[i] == DT_FINI_ARRAY ? 2 : -1;
		if (array >= 0)
			os = D.arrays[array];
		if (os && os->type == SHT_NOTE) {
			warn(ctx, "section '%s' is being made into a note", isec ? isec->name : os->name);
			error(ctx, "final link failed: nonrepresentable section on output");
			return;
		}
	}
}

/* ---- contents, after the relocations were applied ---- */

static uint8_t *place_of(struct ctx *ctx, const struct input_section *isec, uint8_t *image)
{
	(void)ctx;
	if (!isec || !isec->out || isec->discarded || !isec->out->index || isec->out->type == SHT_NOBITS)
		return NULL;
	return image + isec->out->offset + isec->out_offset;
}

static void put_word(bool is64, uint8_t *p, uint64_t v)
{
	if (is64)
		wr64(p, v);
	else
		wr32(p, (uint32_t)v);
}

static void set_link(struct input_section *isec, struct input_section *to, uint32_t info)
{
	if (!isec || !isec->out || !isec->out->index)
		return;
	isec->out->link = to && to->out ? to->out->index : 0;
	if (info)
		isec->out->info = info;
}

static int cmp_rel(const void *a, const void *b)
{
	const struct dynrel *x = a, *y = b;
	if (x->offset != y->offset)
		return x->offset < y->offset ? -1 : 1;
	return x->sec < y->sec ? -1 : x->sec > y->sec;
}

/* which of D.relsecs the section is, or -1 */
static size_t relsec_index(const struct input_section *isec)
{
	if (!D.relsec_cap)
		return (size_t)-1;
	size_t h = hash_str(isec->name) & (D.relsec_cap - 1);
	for (; D.relsec_slots[h]; h = (h + 1) & (D.relsec_cap - 1))
		if (D.relsecs.v[D.relsec_slots[h] - 1] == isec)
			return D.relsec_slots[h] - 1;
	return (size_t)-1;
}

static void write_relative(const struct target *t, uint8_t *e, const struct dynrel *r)
{
	if (t->elfclass == ELFCLASS64) {
		wr64(e, r->offset);
		wr64(e + 8, ELF64_R_INFO(0, t->relative_reloc));
		if (t->rela)
			wr64(e + 16, r->addend);
	} else {
		wr32(e, (uint32_t)r->offset);
		wr32(e + 4, ELF32_R_INFO(0, t->relative_reloc));
		if (t->rela)
			wr32(e + 8, (uint32_t)r->addend);
	}
}

/* The output section whose relocations bfd sorts (elf_link_sort_relocs, -z combreloc): the
 * first one named .rela.dyn (.rel.dyn), when it holds nothing but the linker's dynamic
 * relocation sections, with no gap; NULL if none */
static const struct output_section *sorted_relocations(const struct ctx *ctx)
{
	const char *name = ctx->target->rela ? ".rela.dyn" : ".rel.dyn";
	const struct output_section *os = NULL;
	for (size_t k = 0; k < ctx->osecs.n && !os; k++)
		if (!strcmp(ctx->osecs.v[k]->name, name) && ctx->osecs.v[k]->index)
			os = ctx->osecs.v[k];
	if (!ctx->opt.z_combreloc || !os)
		return NULL;
	uint64_t size = 0;
	for (size_t i = 0; i < os->inputs.n; i++) {
		const struct input_section *isec = os->inputs.v[i];
		if (isec->size && isec->file != ctx->dynamic && isec->file != ctx->internal)
			return NULL;
		size += isec->size;
	}
	return size == os->size && !os->data.n ? os : NULL;
}

/* The RELATIVE relocations into their sections: in the order the relocations were applied,
 * or, in a .rela.dyn bfd sorts, by place across all of them.  Returns how many a sorted
 * section holds (DT_RELACOUNT). */
static size_t write_relocations(struct ctx *ctx, uint8_t *image)
{
	const struct target *t = ctx->target;
	size_t nsec = D.relsecs.n, relative_count = 0;
	if (!nsec)
		return 0;
	/* the relocations grouped by section, each group in the order made */
	size_t *start = xcalloc(nsec + 1, sizeof(*start));
	for (size_t i = 0; i < D.rels.n; i++)
		start[D.rels.v[i].sec + 1]++;
	for (size_t k = 0; k < nsec; k++)
		start[k + 1] += start[k];
	struct dynrel *grouped = xcalloc(D.rels.n + 1, sizeof(*grouped));
	size_t *fill = xcalloc(nsec, sizeof(*fill));
	for (size_t i = 0; i < D.rels.n; i++) {
		const struct dynrel *r = &D.rels.v[i];
		grouped[start[r->sec] + fill[r->sec]++] = *r;
	}
	bool sorted_done = false;
	const struct output_section *sorted = sorted_relocations(ctx);
	for (size_t k = 0; k < nsec; k++) {
		const struct input_section *rs = D.relsecs.v[k];
		size_t n = start[k + 1] - start[k];
		if (n * rs->entsize > rs->size) {
			error(ctx, "internal error: %zu dynamic relocations made for %s, %llu sized", n, rs->name,
			      (unsigned long long)(rs->size / rs->entsize));
			n = rs->size / rs->entsize;
		}
		uint8_t *p = place_of(ctx, rs, image);
		if (!p)
			continue;
		if (rs->out != sorted) {
			for (size_t i = 0; i < n; i++)
				write_relative(t, p + i * rs->entsize, &grouped[start[k] + i]);
			continue;
		}
		if (sorted_done)
			continue;
		/* all the groups this section holds, in its order, sorted by place (stably, as
		 * glibc's qsort does bfd's: two at one place stay in that order) */
		sorted_done = true;
		VEC(struct dynrel) all = {0};
		for (size_t in = 0; in < rs->out->inputs.n; in++) {
			size_t j = relsec_index(rs->out->inputs.v[in]);
			if (j == (size_t)-1)
				continue;
			size_t m = start[j + 1] - start[j];
			if (m * D.relsecs.v[j]->entsize > D.relsecs.v[j]->size)
				m = D.relsecs.v[j]->size / D.relsecs.v[j]->entsize;
			for (size_t i = 0; i < m; i++)
				vec_push(all, grouped[start[j] + i]);
		}
		for (size_t i = 0; i < all.n; i++) /* (ties keep the order above) */
			all.v[i].sec = (uint32_t)i;
		if (all.n)
			qsort(all.v, all.n, sizeof(*all.v), cmp_rel);
		uint8_t *base = image + rs->out->offset;
		for (size_t i = 0; i < all.n; i++)
			write_relative(t, base + i * rs->entsize, &all.v[i]);
		relative_count = all.n;
		free(all.v);
	}
	free(start);
	free(grouped);
	free(fill);
	return relative_count;
}

bool dynamic_scan_made(const struct ctx *ctx, const struct input_section *isec)
{
	return D.active && isec->file == ctx->dynamic && isec->index >= D.first_scan_made;
}

void dynamic_link_reloc_sections(struct ctx *ctx, uint32_t symtab_index)
{
	uint32_t dynsym = 0;
	for (size_t k = 0; k < ctx->osecs.n; k++)
		if (ctx->osecs.v[k]->index && ctx->osecs.v[k]->type == SHT_DYNSYM && !dynsym)
			dynsym = ctx->osecs.v[k]->index;
	for (size_t k = 0; k < ctx->osecs.n; k++) {
		struct output_section *os = ctx->osecs.v[k];
		if (!os->index || (os->type != SHT_RELA && os->type != SHT_REL))
			continue;
		os->link = (os->flags & SHF_ALLOC) && dynsym ? dynsym : symtab_index;
		const char *name = os->name;
		if (strncmp(name, ".rel", 4))
			continue;
		name += 4;
		if (os->type == SHT_RELA && *name++ != 'a')
			continue;
		/* (.rela.plt applies to .got.plt, or .got) */
		const char *alt = !strcmp(name, ".plt") ? ".got.plt" : NULL;
		const struct output_section *to = NULL;
		for (int pass = alt ? 0 : 1; pass < 2 && !to; pass++)
			for (size_t j = 0; j < ctx->osecs.n && !to; j++)
				if (ctx->osecs.v[j]->index && !strcmp(ctx->osecs.v[j]->name, pass ? (alt ? ".got" : name) : alt))
					to = ctx->osecs.v[j];
		if (to) {
			os->info = to->index;
			os->flags |= SHF_INFO_LINK;
		}
	}
}

void dynamic_finish(struct ctx *ctx, uint8_t *image)
{
	if (!D.active)
		return;
	const struct target *t = ctx->target;
	bool is64 = t->elfclass == ELFCLASS64;
	uint64_t word = is64 ? 8 : 4;
	size_t nsyms = D.syms.n + 1;
	uint8_t *p;

	set_link(D.dynsym, D.dynstr, 1);
	set_link(D.hash, D.dynsym, 0);
	set_link(D.gnu_hash, D.dynsym, 0);
	set_link(D.versym_sec, D.dynsym, 0);
	set_link(D.verdef_sec, D.dynstr, (uint32_t)D.verdefs.n);
	set_link(D.dynamic, D.dynstr, 0);

	if ((p = place_of(ctx, D.dynstr, image)))
		memcpy(p, D.str.buf.v, D.str.buf.n);
	if ((p = place_of(ctx, D.dynsym, image))) {
		uint64_t tls_base = 0;
		bool have_tls = tls_segment_base(ctx, &tls_base);
		for (size_t i = 1; i < nsyms; i++) {
			const struct symbol *s = D.syms.v[i - 1];
			uint32_t name = strtab_offset(&D.str, D.names.v[i - 1]);
			uint8_t bind = s->kind == SYM_UNDEF ? (s->weak_ref_only ? STB_WEAK : STB_GLOBAL) : s->bind;
			uint8_t info = (uint8_t)GELF_ST_INFO(bind, s->type);
			uint64_t value = s->kind == SYM_UNDEF ? 0 : symbol_address(s);
			if (s->type == STT_TLS && have_tls && s->kind != SYM_UNDEF)
				value -= tls_base; /* an offset in the TLS segment */
			if (is64) {
				Elf64_Sym e = {name, info, s->visibility, symbol_out_shndx(ctx, s), value, s->size};
				memcpy(p + i * sizeof(e), &e, sizeof(e));
			} else {
				Elf32_Sym e = {name, (Elf32_Addr)value, (Elf32_Word)s->size, info, s->visibility, symbol_out_shndx(ctx, s)};
				memcpy(p + i * sizeof(e), &e, sizeof(e));
			}
		}
	}
	/* index in .dynsym of a symbol */
	uint32_t *index_of = xcalloc(D.hash_order.n + 1, sizeof(*index_of));
	for (size_t h = 0; h < D.hash_order.n; h++)
		for (size_t i = 0; i < D.syms.n; i++)
			if (D.syms.v[i] == D.hash_order.v[h])
				index_of[h] = (uint32_t)(i + 1);
	if ((p = place_of(ctx, D.hash, image))) {
		/* elf_link_output_extsym: each symbol becomes its bucket's head, in hash-table order */
		uint32_t nb = D.sysv_buckets;
		wr32(p, nb);
		wr32(p + 4, (uint32_t)nsyms);
		for (size_t h = 0; h < D.hash_order.n; h++) {
			uint32_t b = sysv_hash(D.hash_order.v[h]->name) % nb;
			uint32_t idx = index_of[h];
			uint32_t chain = rd32(p + 4 * (2 + b));
			wr32(p + 4 * (2 + b), idx);
			wr32(p + 4 * (2 + nb + idx), chain);
		}
	}
	if ((p = place_of(ctx, D.gnu_hash, image))) {
		wr32(p, D.gnu_buckets);
		wr32(p + 4, D.gnu_symindx);
		wr32(p + 8, D.gnu_maskwords);
		wr32(p + 12, D.gnu_shift2);
		if (D.gnu_nsyms) {
			unsigned shift1 = is64 ? 6 : 5;
			uint64_t mask = (1u << shift1) - 1;
			uint8_t *bloom = p + 16, *buckets = bloom + D.gnu_maskwords * word;
			uint8_t *chains = buckets + 4 * D.gnu_buckets;
			for (uint32_t i = D.gnu_symindx; i < nsyms; i++) {
				uint32_t h = gnu_hash(D.syms.v[i - 1]->name);
				uint32_t b = h % D.gnu_buckets;
				uint32_t w = (h >> shift1) & (D.gnu_maskwords - 1);
				uint64_t bits = is64 ? rd64(bloom + w * word) : rd32(bloom + w * word);
				bits |= (uint64_t)1 << (h & mask);
				bits |= (uint64_t)1 << ((h >> D.gnu_shift2) & mask);
				put_word(is64, bloom + w * word, bits);
				if (!rd32(buckets + 4 * b))
					wr32(buckets + 4 * b, i);
				bool last = i + 1 == nsyms || gnu_hash(D.syms.v[i]->name) % D.gnu_buckets != b;
				wr32(chains + 4 * (i - D.gnu_symindx), (h & ~1u) | (last ? 1 : 0));
			}
		}
	}
	free(index_of);
	if (D.verdefs.n && (p = place_of(ctx, D.versym_sec, image))) {
		for (size_t i = 1; i < nsyms; i++)
			wr16(p + 2 * i, D.versym.v[i - 1]);
	}
	if (D.verdefs.n && (p = place_of(ctx, D.verdef_sec, image))) {
		uint64_t off = 0;
		for (size_t k = 0; k < D.verdefs.n; k++) {
			const struct verdef *v = &D.verdefs.v[k];
			size_t deps = 0;
			if (v->node)
				for (const struct name_list *d = v->node->deps; d; d = d->next)
					deps++;
			uint32_t size = 20 + 8 * (uint32_t)(1 + deps);
			wr16(p + off, 1);                      /* vd_version */
			wr16(p + off + 2, k == 0 ? VER_FLG_BASE : 0);
			wr16(p + off + 4, (uint16_t)(k + 1));  /* vd_ndx */
			wr16(p + off + 6, (uint16_t)(1 + deps));
			wr32(p + off + 8, sysv_hash(v->name));
			wr32(p + off + 12, 20);                /* vd_aux */
			wr32(p + off + 16, k + 1 < D.verdefs.n ? size : 0);
			wr32(p + off + 20, strtab_offset(&D.str, v->str));
			wr32(p + off + 24, deps ? 8 : 0);
			uint64_t a = off + 28;
			size_t di = 0;
			if (v->node)
				for (const struct name_list *d = v->node->deps; d; d = d->next, di++) {
					wr32(p + a, strtab_offset(&D.str, strtab_add(&D.str, d->name)));
					wr32(p + a + 4, di + 1 < deps ? 8 : 0);
					a += 8;
				}
			off += size;
		}
	}
	/* GOT slots holding addresses of this module */
	if (ctx->got && D.got_relsec)
		for (size_t i = 0; i < ctx->got_syms.n; i++)
			if (!got_slot_absolute(ctx->got_syms.v[i]))
				vec_push(D.rels, ((struct dynrel){input_section_addr(ctx->got) + i * t->got_entry_size,
								  symbol_address(ctx->got_syms.v[i]), D.got_relsec - 1}));
	size_t relative_count = write_relocations(ctx, image);
	if ((p = place_of(ctx, D.dynamic, image))) {
		/* DT_RELACOUNT takes a DT_NULL only while the sorted section is one of relocations
		 * (a script can give it another type) */
		const struct output_section *sorted = sorted_relocations(ctx);
		bool relcount = relative_count != 0 && sorted &&
				sorted->type == (t->rela ? SHT_RELA : SHT_REL);
		uint64_t esz = 2 * word;
		for (size_t i = 0; i < D.tags.n; i++) {
			uint64_t tag = D.tags.v[i], val = 0;
			switch (tag) {
			case DT_SONAME: val = strtab_offset(&D.str, D.soname); break;
			case DT_INIT: val = symbol_address(symbol_find(ctx, ctx->opt.init ? ctx->opt.init : "_init")); break;
			case DT_FINI: val = symbol_address(symbol_find(ctx, ctx->opt.fini ? ctx->opt.fini : "_fini")); break;
			case DT_PREINIT_ARRAY: val = D.arrays[0]->addr; break;
			case DT_PREINIT_ARRAYSZ: val = D.arrays[0]->size; break;
			case DT_INIT_ARRAY: val = D.arrays[1]->addr; break;
			case DT_INIT_ARRAYSZ: val = D.arrays[1]->size; break;
			case DT_FINI_ARRAY: val = D.arrays[2]->addr; break;
			case DT_FINI_ARRAYSZ: val = D.arrays[2]->size; break;
			case DT_HASH: case DT_GNU_HASH: case DT_STRTAB: case DT_SYMTAB: case DT_VERDEF: case DT_VERSYM:
				val = input_section_addr(tag_table(tag));
				break;
			case DT_STRSZ: val = D.str.buf.n; break;
			case DT_SYMENT: val = D.dynsym->entsize; break;
			case DT_RELA: case DT_REL: case DT_RELASZ: case DT_RELSZ: {
				/* every allocated relocation section of the output, wherever the
				 * script put them (less .rela.plt, empty here) */
				uint64_t lo = 0, size = 0;
				for (size_t k = 0; k < ctx->osecs.n; k++) {
					const struct output_section *os = ctx->osecs.v[k];
					if (os->index && os->type == (t->rela ? SHT_RELA : SHT_REL) && (os->flags & SHF_ALLOC)) {
						size += os->size;
						if (!lo || os->addr < lo)
							lo = os->addr;
					}
				}
				val = tag == DT_RELASZ || tag == DT_RELSZ ? size : size ? lo : 0;
				break;
			}
			case DT_RELAENT: case DT_RELENT: val = t->rela ? 3 * word : 2 * word; break;
			case DT_VERDEFNUM: val = D.verdefs.n; break;
			case DT_FLAGS: val = D.flags; break;
			case DT_FLAGS_1: val = D.flags_1; break;
			case DT_NULL:
				if (relcount) {
					tag = t->rela ? DT_RELACOUNT : DT_RELCOUNT;
					val = relative_count;
					relcount = false;
				}
				break;
			default: break;
			}
			put_word(is64, p + i * esz, tag);
			put_word(is64, p + i * esz + word, val);
		}
	}
}
