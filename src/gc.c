/* --gc-sections: GNU ld's bfd_elf_gc_sections, before any mapping (as GNU ld's lang_gc_sections).
 *
 * Roots: the sections defining the entry symbol, -u / --require-defined symbols, _init and
 * _fini (GNU ld's gc_sym_list), input sections matched by a KEEP() of the script, notes outside
 * groups, SHF_GNU_RETAIN sections, and (shared objects, --export-dynamic) exported symbols.
 * From a kept section every relocation's target is kept; a reference to __start_SEC or
 * __stop_SEC keeps the sections named SEC of the first file that has one (bfd's glibc
 * workaround); a kept member of a section group keeps the whole group; .eh_frame is not
 * followed as a whole: a kept code section keeps what its FDEs and their CIEs refer to
 * (personality, LSDA).  Then, in every file with some kept allocated non-note section, the
 * non-allocated sections outside groups and SHF_LINK_ORDER sections linked to kept ones are
 * kept (_bfd_elf_gc_mark_extra_sections).  The rest is discarded (--print-gc-sections lists
 * them: reports.c). */
#include <stdlib.h>

#include "layout.h"
#include "oformat.h"
#include "passes.h"
#include "script.h"

#ifndef SHF_GNU_RETAIN
#define SHF_GNU_RETAIN 0x200000
#endif

struct gc_file {
	uint32_t *group_of;     /* by section index: 1 + index of its SHT_GROUP section, or 0 */
	uint32_t *link_to;      /* by section index: sh_link of SHF_LINK_ORDER sections */
	VEC(uint32_t) eh_frames; /* indices of its .eh_frame sections */
};

struct gc {
	struct ctx *ctx;
	struct gc_file *files;
	VEC(struct input_section *) stack;
};

static size_t file_index(struct gc *g, const struct input_file *f)
{
	for (size_t i = 0; i < g->ctx->files.n; i++)
		if (g->ctx->files.v[i] == f)
			return i;
	return (size_t)-1;
}

static void mark(struct gc *g, struct input_section *isec)
{
	if (!isec || isec->live || isec->discarded)
		return;
	isec->live = true;
	vec_push(g->stack, isec);
}

/* every relocation of section `index` of f: the target symbol's index, passed to fn */
static void for_each_reloc_sym(const struct input_file *f, uint32_t rel_index,
			       void (*fn)(struct gc *, const struct input_file *, uint32_t sym, uint64_t off, void *), struct gc *g,
			       void *arg)
{
	Elf_Scn *scn = elf_getscn(f->elf, rel_index);
	GElf_Shdr sh;
	if (!scn || !gelf_getshdr(scn, &sh) || (sh.sh_type != SHT_RELA && sh.sh_type != SHT_REL))
		return;
	if (sh.sh_offset > f->size || sh.sh_size > f->size - sh.sh_offset || !sh.sh_entsize)
		return;
	Elf_Data *d = elf_getdata(scn, NULL);
	if (!d)
		return;
	size_t n = sh.sh_size / sh.sh_entsize;
	for (size_t i = 0; i < n; i++) {
		uint64_t info, off;
		if (sh.sh_type == SHT_RELA) {
			GElf_Rela r;
			if (!gelf_getrela(d, (int)i, &r))
				return;
			info = r.r_info;
			off = r.r_offset;
		} else {
			GElf_Rel r;
			if (!gelf_getrel(d, (int)i, &r))
				return;
			info = r.r_info;
			off = r.r_offset;
		}
		uint32_t sym = (uint32_t)GELF_R_SYM(info); /* gelf gives r_info in its 64-bit form for ELFCLASS32 too */
		fn(g, f, sym, off, arg);
	}
}

/* __start_SEC / __stop_SEC: every section named SEC (bfd marks from the first one on, across
 * the files: _bfd_elf_gc_mark_reloc) */
static void mark_start_stop(struct gc *g, const char *secname)
{
	struct ctx *ctx = g->ctx;
	/* -z start-stop-gc: the reference keeps nothing */
	if (ctx->opt.z_start_stop_gc)
		return;
	for (size_t fi = 0; fi < ctx->files.n; fi++) {
		struct input_file *f = ctx->files.v[fi];
		for (size_t si = 1; si < f->shnum; si++) {
			struct input_section *isec = f->sections[si];
			if (isec && !strcmp(isec->name, secname))
				mark(g, isec);
		}
	}
}

static void mark_start_stop_name(struct gc *g, const char *name)
{
	const char *sec = NULL;
	if (!name)
		return;
	if (!strncmp(name, "__start_", 8))
		sec = name + 8;
	else if (!strncmp(name, "__stop_", 7))
		sec = name + 7;
	if (sec && c_identifier(sec))
		mark_start_stop(g, sec);
}

static void mark_symbol(struct gc *g, const struct symbol *s)
{
	if (!s)
		return;
	/* a script symbol GNU ld's mark phase left relative to an object's input section (also
	 * one an object defines that the script assigns anyway) */
	if (s->kind == SYM_SCRIPT || s->script_takes) {
		struct input_section *isec = script_symbol_input_section(g->ctx, s);
		if (isec)
			mark(g, isec);
		return;
	}
	if (s->kind == SYM_DEFINED && s->isec) {
		mark(g, s->isec);
		return;
	}
	/* the file's COMMON section (allocated later, as one section: bfd's lang_common runs
	 * before the collection) */
	if (s->kind == SYM_COMMON && s->file) {
		s->file->common_live = true;
		return;
	}
	if (s->kind == SYM_UNDEF)
		mark_start_stop_name(g, s->name);
}

static void reloc_target(struct gc *g, const struct input_file *f, uint32_t sym, uint64_t off, void *arg)
{
	(void)off;
	(void)arg;
	if (sym && sym < f->nsyms) {
		/* bfd marks a global it reaches (elflink.c _bfd_elf_gc_mark_rsec): marked, a symbol
		 * left in *UND* stays in .symtab */
		struct symbol *s = f->syms[sym];
		if (s && !s->is_local) {
			/* (a global is followed once: what it keeps does not change, and a script
			 * symbol's or __start_SEC's costs a walk) */
			if (s->gc_marked)
				return;
			s->gc_marked = true;
		}
		mark_symbol(g, s);
	}
}

/* ---- .eh_frame: FDEs of kept sections ---- */

struct eh_rel {
	uint64_t off;
	uint32_t sym;
};

struct eh_scan {
	VEC(struct eh_rel) rels;
};

static void collect_rel(struct gc *g, const struct input_file *f, uint32_t sym, uint64_t off, void *arg)
{
	(void)g;
	(void)f;
	struct eh_scan *e = arg;
	vec_push(e->rels, ((struct eh_rel){off, sym}));
}

static int cmp_eh_rel(const void *a, const void *b)
{
	const struct eh_rel *x = a, *y = b;
	return x->off < y->off ? -1 : x->off > y->off;
}

static const struct input_section *sym_section(const struct input_file *f, uint32_t sym)
{
	if (!sym || sym >= f->nsyms || !f->syms[sym])
		return NULL;
	const struct symbol *s = f->syms[sym];
	return s->kind == SYM_DEFINED ? s->isec : NULL;
}

/* Mark, for the FDEs whose code is `isec`, the other targets of the FDE and of its CIE. */
static void mark_fdes(struct gc *g, struct input_section *isec)
{
	struct input_file *f = isec->file;
	size_t fi = file_index(g, f);
	if (fi == (size_t)-1)
		return;
	struct gc_file *gf = &g->files[fi];
	for (size_t k = 0; k < gf->eh_frames.n; k++) {
		struct input_section *eh = f->sections[gf->eh_frames.v[k]];
		if (!eh || !eh->rel_index || !eh->data)
			continue;
		struct eh_scan e = {0};
		for_each_reloc_sym(f, eh->rel_index, collect_rel, g, &e);
		qsort(e.rels.v, e.rels.n, sizeof(*e.rels.v), cmp_eh_rel);
		/* walk the records */
		uint64_t pos = 0;
		while (pos + 4 <= eh->size) {
			uint32_t len = rd32(eh->data + pos);
			if (!len || len == 0xffffffff || pos + 4 + len > eh->size)
				break;
			uint64_t end = pos + 4 + len;
			uint32_t id = len >= 4 ? rd32(eh->data + pos + 4) : 0;
			if (id) {
				/* an FDE: its first relocation is pc_begin */
				size_t r0 = 0;
				while (r0 < e.rels.n && e.rels.v[r0].off < pos)
					r0++;
				if (r0 < e.rels.n && e.rels.v[r0].off < end && sym_section(f, e.rels.v[r0].sym) == isec) {
					for (size_t r = r0 + 1; r < e.rels.n && e.rels.v[r].off < end; r++)
						reloc_target(g, f, e.rels.v[r].sym, 0, NULL);
					uint64_t cie = pos + 4 - id;
					if (cie < eh->size && cie + 4 <= eh->size) {
						uint64_t cend = cie + 4 + rd32(eh->data + cie);
						for (size_t r = 0; r < e.rels.n; r++)
							if (e.rels.v[r].off >= cie && e.rels.v[r].off < cend)
								reloc_target(g, f, e.rels.v[r].sym, 0, NULL);
					}
				}
			}
			pos = end;
		}
		free(e.rels.v);
	}
}

/* ---- roots ---- */

struct desc_vec VEC_BODY(const struct input_section_desc *);

static void collect_keeps(const struct stmt *s, struct desc_vec *out, const char **entry)
{
	for (; s; s = s->next) {
		switch (s->kind) {
		case ST_ENTRY:
			*entry = s->name;
			break;
		case ST_SECTIONS:
			collect_keeps(s->sections, out, entry);
			break;
		case ST_OUTPUT_SECTION:
			if (strcmp(s->osec->name, "/DISCARD/"))
				collect_keeps(s->osec->body, out, entry);
			break;
		case ST_OVERLAY:
			collect_keeps(s->overlay->sections, out, entry);
			break;
		case ST_INPUT_SECTION:
			if (s->input->keep)
				vec_push(*out, s->input);
			break;
		default:
			break;
		}
	}
}

static void mark_name(struct gc *g, const char *name)
{
	if (name)
		mark_symbol(g, symbol_find(g->ctx, name));
}

static void read_file_info(struct gc *g, size_t fi)
{
	struct input_file *f = g->ctx->files.v[fi];
	struct gc_file *gf = &g->files[fi];
	gf->group_of = xcalloc(f->shnum + 1, sizeof(uint32_t));
	gf->link_to = xcalloc(f->shnum + 1, sizeof(uint32_t));
	if (!f->elf)
		return;
	for (size_t si = 1; si < f->shnum; si++) {
		Elf_Scn *scn = elf_getscn(f->elf, si);
		GElf_Shdr sh;
		if (!scn || !gelf_getshdr(scn, &sh))
			continue;
		if (sh.sh_flags & SHF_LINK_ORDER)
			gf->link_to[si] = sh.sh_link;
		if (sh.sh_type == SHT_GROUP) {
			Elf_Data *d = elf_getdata(scn, NULL);
			if (!d || !d->d_buf)
				continue;
			const uint8_t *p = d->d_buf;
			for (size_t k = 1; k < d->d_size / 4; k++) {
				uint32_t m = rd32(p + 4 * k);
				if (m && m < f->shnum)
					gf->group_of[m] = (uint32_t)si + 1;
			}
		}
		struct input_section *isec = f->sections[si];
		if (isec && !strcmp(isec->name, ".eh_frame"))
			vec_push(gf->eh_frames, (uint32_t)si);
	}
}

void gc_sections(struct ctx *ctx)
{
	/* bfd's generic linker (non-ELF output: --oformat binary, ihex, ...) collects nothing */
	if (!ctx->opt.gc_sections || ctx_relocatable(ctx) || !oformat_is_elf(ctx))
		return;
	struct gc g = {.ctx = ctx};
	script_mark_taken_symbols(ctx);
	g.files = xcalloc(ctx->files.n + 1, sizeof(*g.files));
	for (size_t fi = 0; fi < ctx->files.n; fi++) {
		read_file_info(&g, fi);
		/* already gone (COMDAT duplicates, merged property notes...): not gc's doing, as
		 * GNU ld's sweep skips SEC_EXCLUDE sections */
		struct input_file *f = ctx->files.v[fi];
		for (size_t si = 1; si < f->shnum; si++)
			if (f->sections[si] && f->sections[si]->discarded)
				f->sections[si]->live = true;
	}

	/* roots */
	struct desc_vec keeps = {0};
	const char *script_entry = NULL;
	if (ctx->script)
		collect_keeps(ctx->script->cmds, &keeps, &script_entry);
	/* GNU ld's gc_sym_list: the entry symbol (-e, ENTRY), else ldmain's entry_symbol_default
	 * "start" (the built-in scripts say ENTRY(_start)) */
	mark_name(&g, ctx->opt.entry ? ctx->opt.entry : script_entry ? script_entry : "start");
	mark_name(&g, ctx->opt.init ? ctx->opt.init : "_init");
	mark_name(&g, ctx->opt.fini ? ctx->opt.fini : "_fini");
	for (size_t i = 0; i < ctx->opt.undefined.n; i++)
		mark_name(&g, ctx->opt.undefined.v[i]);
	for (size_t i = 0; i < ctx->opt.require_defined.n; i++)
		mark_name(&g, ctx->opt.require_defined.v[i]);
	for (size_t i = 0; i < ctx->opt.export_dynamic_symbols.n; i++)
		mark_name(&g, ctx->opt.export_dynamic_symbols.v[i]);
	if (ctx->opt.kind == OUT_SHARED || ctx->opt.export_dynamic) {
		size_t n;
		struct symbol **all = symbol_all(ctx, &n);
		for (size_t i = 0; i < n; i++)
			if ((all[i]->kind == SYM_DEFINED || all[i]->kind == SYM_COMMON) && all[i]->bind != STB_LOCAL &&
			    (all[i]->visibility == STV_DEFAULT || all[i]->visibility == STV_PROTECTED))
				mark_symbol(&g, all[i]); /* (commons are allocated, so exported, by then) */
		free(all);
	}
	for (size_t fi = 0; fi < ctx->files.n; fi++) {
		struct input_file *f = ctx->files.v[fi];
		for (size_t si = 1; si < f->shnum; si++) {
			struct input_section *isec = f->sections[si];
			if (!isec || isec->discarded)
				continue;
			bool root = (isec->flags & SHF_GNU_RETAIN) || f->synthetic || !f->elf ||
				    (isec->type == SHT_NOTE && !g.files[fi].group_of[si] && !g.files[fi].link_to[si]);
			for (size_t k = 0; !root && k < keeps.n; k++)
				root = input_desc_matches_any_flags(keeps.v[k], isec);
			if (root) {
				if (!strcmp(isec->name, ".eh_frame")) {
					isec->live = true; /* kept, but not followed: FDEs go with their code */
					continue;
				}
				mark(&g, isec);
			}
		}
	}
	/* KEEP(*(COMMON)) keeps a file's commons */
	for (size_t fi = 0; fi < ctx->files.n; fi++) {
		struct input_section common = {.file = ctx->files.v[fi], .name = "COMMON", .type = SHT_NOBITS,
					       .flags = SHF_ALLOC | SHF_WRITE};
		for (size_t k = 0; k < keeps.n && !common.file->common_live; k++)
			common.file->common_live = input_desc_matches_any_flags(keeps.v[k], &common);
	}
	free(keeps.v);

	/* propagate; then the extra sections of files with something kept, until stable */
	for (;;) {
		while (g.stack.n) {
			struct input_section *isec = g.stack.v[--g.stack.n];
			struct input_file *f = isec->file;
			size_t fi = file_index(&g, f);
			if (isec->rel_index && strcmp(isec->name, ".eh_frame"))
				for_each_reloc_sym(f, isec->rel_index, reloc_target, &g, NULL);
			if (fi != (size_t)-1 && (isec->flags & SHF_ALLOC))
				mark_fdes(&g, isec);
			if (fi != (size_t)-1 && g.files[fi].group_of[isec->index]) {
				uint32_t grp = g.files[fi].group_of[isec->index];
				for (size_t si = 1; si < f->shnum; si++)
					if (g.files[fi].group_of[si] == grp)
						mark(&g, f->sections[si]);
			}
		}
		bool more = false;
		for (size_t fi = 0; fi < ctx->files.n; fi++) {
			struct input_file *f = ctx->files.v[fi];
			bool some_kept = false;
			for (size_t si = 1; si < f->shnum; si++) {
				struct input_section *isec = f->sections[si];
				if (!isec)
					continue;
				if (isec->live && !isec->discarded && (isec->flags & SHF_ALLOC) && isec->type != SHT_NOTE)
					some_kept = true;
				uint32_t l = g.files[fi].link_to[si];
				if (!isec->live && l && l < f->shnum && f->sections[l] && f->sections[l]->live) {
					mark(&g, isec);
					more = true;
				}
			}
			if (!some_kept)
				continue;
			for (size_t si = 1; si < f->shnum; si++) {
				struct input_section *isec = f->sections[si];
				if (isec && !isec->live && !(isec->flags & SHF_ALLOC) && !g.files[fi].group_of[si] &&
				    !g.files[fi].link_to[si]) {
					isec->live = true; /* debug and special sections: kept, not followed */
				}
			}
		}
		if (!more && !g.stack.n)
			break;
	}

	/* sweep */
	for (size_t fi = 0; fi < ctx->files.n; fi++) {
		struct input_file *f = ctx->files.v[fi];
		f->common_gc = !f->common_live;
		for (size_t si = 1; si < f->shnum; si++) {
			struct input_section *isec = f->sections[si];
			if (!isec || isec->live || isec->discarded)
				continue;
			isec->discarded = isec->dropped_unmapped = true; /* --print-gc-sections: reports.c */
		}
		free(g.files[fi].group_of);
		free(g.files[fi].link_to);
		free(g.files[fi].eh_frames.v);
	}
	free(g.files);
	free(g.stack.v);
}

/* ---- NOCROSSREFS / NOCROSSREFS_TO (GNU ld's ldcref.c check_nocrossrefs) ---- */

struct ncr_list {
	const struct name_list *names;     /* NOCROSSREFS / NOCROSSREFS_TO sections */
	const char **overlay;              /* OVERLAY NOCROSSREFS: member names */
	size_t n_overlay;
	bool onlyfirst;                    /* NOCROSSREFS_TO: only symbols of the first */
};

struct ncr_state {
	struct ctx *ctx;
	VEC(struct ncr_list) lists;
	const struct input_file *last_file;
	const char *last_func;
};

static size_t ncr_count(const struct ncr_list *l)
{
	size_t n = l->n_overlay;
	for (const struct name_list *p = l->names; p; p = p->next)
		n++;
	return n;
}

static const char *ncr_name(const struct ncr_list *l, size_t i)
{
	if (l->overlay)
		return l->overlay[i];
	const struct name_list *p = l->names;
	while (i-- && p)
		p = p->next;
	return p ? p->name : "";
}

static bool ncr_has(const struct ncr_list *l, const char *name)
{
	for (size_t i = 0; i < ncr_count(l); i++)
		if (!strcmp(ncr_name(l, i), name))
			return true;
	return false;
}

/* GNU ld's %C: "FILE: in function `F':" once per file and function, then "(SEC+0xOFF)" */
static const char *function_of(const struct input_section *isec, uint64_t off)
{
	const struct input_file *f = isec->file;
	const struct symbol *best = NULL;
	for (size_t i = 1; i < f->nsyms; i++) {
		const struct symbol *s = f->syms[i];
		if (!s || s->isec != isec || (s->type != STT_FUNC && s->type != STT_NOTYPE) || !s->name || !*s->name)
			continue;
		if (s->kind != SYM_DEFINED || s->value > off)
			continue;
		if (!best || s->value > best->value || (s->value == best->value && s->type == STT_FUNC && best->type != STT_FUNC))
			best = s;
	}
	return best ? best->name : NULL;
}

static void ncr_report(struct ncr_state *st, const struct input_section *isec, uint64_t off, const char *symname,
		       const char *defout)
{
	const char *fn = function_of(isec, off), *label = section_label(st->ctx, isec);
	if (st->last_file != isec->file || !st->last_func || !fn || strcmp(st->last_func, fn)) {
		if (fn)
			fprintf(stderr, "slink: %s: in function `%s':\n(%s+0x%llx): ", isec->file->name, fn, label,
				(unsigned long long)off);
		else
			fprintf(stderr, "slink: %s:(%s+0x%llx): ", isec->file->name, label, (unsigned long long)off);
	} else {
		fprintf(stderr, "slink: (%s+0x%llx): ", label, (unsigned long long)off);
	}
	fprintf(stderr, "prohibited cross reference from %s to `%s' in %s\n", isec->out->name, symname, defout);
	st->last_file = isec->file;
	st->last_func = fn;
	st->ctx->errors++;
}

struct ncr_check {
	struct ncr_state *st;
	const struct ncr_list *list;
	const char *symname;               /* NULL: the section symbol of defsec */
	bool global;
	const struct input_section *defsec; /* for a local symbol: its section */
	const char *defout;                /* the output section of the definition */
	const struct input_section *isec;  /* the section whose relocations are read */
};

static void ncr_reloc(struct gc *g, const struct input_file *f, uint32_t sym, uint64_t off, void *arg)
{
	(void)g;
	struct ncr_check *c = arg;
	if (!sym || sym >= f->nsyms || !f->syms[sym])
		return;
	const struct symbol *s = f->syms[sym];
	bool match;
	if (c->global)
		match = !s->is_local && s->name && !strcmp(s->name, c->symname);
	else
		match = s->is_local && s->isec == c->defsec &&
			(c->symname ? (s->type != STT_SECTION && s->name && !strcmp(s->name, c->symname)) : s->type == STT_SECTION);
	if (match)
		ncr_report(c->st, c->isec, off, c->symname ? c->symname : c->defout, c->defout);
}

/* GNU ld's check_refs: the relocations of f's sections in other prohibited output sections */
static void ncr_check_refs(struct ncr_state *st, const struct ncr_list *l, const char *symname, bool global,
			   const struct input_section *defsec, const char *defout, const struct input_file *f)
{
	for (size_t si = 1; si < f->shnum; si++) {
		const struct input_section *isec = f->sections[si];
		if (!isec || isec->discarded || !isec->out || !isec->rel_index)
			continue;
		if (!strcmp(isec->out->name, defout) || !ncr_has(l, isec->out->name))
			continue;
		struct ncr_check c = {st, l, symname, global, defsec, defout, isec};
		for_each_reloc_sym(f, isec->rel_index, ncr_reloc, NULL, &c);
	}
}

static void ncr_collect(struct ncr_state *st, const struct stmt *s)
{
	for (; s; s = s->next) {
		if (s->kind == ST_NOCROSSREFS || s->kind == ST_NOCROSSREFS_TO) {
			vec_push(st->lists, ((struct ncr_list){.names = s->names, .onlyfirst = s->kind == ST_NOCROSSREFS_TO}));
		} else if (s->kind == ST_SECTIONS) {
			ncr_collect(st, s->sections);
		} else if (s->kind == ST_OVERLAY && s->overlay->nocrossrefs) {
			size_t n = 0;
			for (const struct stmt *m = s->overlay->sections; m; m = m->next)
				n++;
			const char **names = arena_alloc(&st->ctx->arena, (n + 1) * sizeof(*names));
			n = 0;
			for (const struct stmt *m = s->overlay->sections; m; m = m->next)
				names[n++] = m->osec->name;
			vec_push(st->lists, ((struct ncr_list){.overlay = names, .n_overlay = n}));
		}
	}
}

void check_nocrossrefs(struct ctx *ctx)
{
	if (!ctx->script)
		return;
	struct ncr_state st = {.ctx = ctx};
	ncr_collect(&st, ctx->script->cmds);
	if (!st.lists.n)
		return;
	/* GNU ld prepends each list: the last one is checked first */
	for (size_t i = 0, j = st.lists.n - 1; i < j; i++, j--) {
		struct ncr_list t = st.lists.v[i];
		st.lists.v[i] = st.lists.v[j];
		st.lists.v[j] = t;
	}
	/* global symbols, in the order of GNU ld's hash table */
	size_t n;
	struct symbol **all = symbol_hash_order(ctx, &n);
	for (size_t i = 0; i < n; i++) {
		const struct symbol *s = all[i];
		/* defined in an input section, or by the script relative to an output section */
		const struct output_section *out = NULL;
		if (s->kind == SYM_DEFINED && s->isec && !s->isec->discarded)
			out = s->isec->out;
		else if (s->kind == SYM_SCRIPT)
			out = s->osec ? s->osec : s->final_osec;
		if (!out)
			continue;
		/* a removed section's symbols were moved to a kept one before the check */
		out = osec_for_symbol(out, symbol_address(s));
		for (size_t k = 0; k < st.lists.n; k++) {
			const struct ncr_list *l = &st.lists.v[k];
			size_t cnt = l->onlyfirst ? 1 : ncr_count(l);
			for (size_t m = 0; m < cnt; m++)
				if (!strcmp(ncr_name(l, m), out->name))
					for (size_t fi = 0; fi < ctx->files.n; fi++)
						ncr_check_refs(&st, l, s->name, true, s->isec, out->name, ctx->files.v[fi]);
		}
	}
	free(all);
	/* local and section symbols, file by file */
	for (size_t fi = 0; fi < ctx->files.n; fi++) {
		const struct input_file *f = ctx->files.v[fi];
		for (size_t i = 1; i < f->nsyms && i < f->first_global; i++) {
			const struct symbol *s = f->syms[i];
			if (!s || !s->isec || s->isec->discarded || !s->isec->out || s->type == STT_FILE)
				continue;
			for (size_t k = 0; k < st.lists.n; k++) {
				const struct ncr_list *l = &st.lists.v[k];
				size_t cnt = l->onlyfirst ? 1 : ncr_count(l);
				for (size_t m = 0; m < cnt; m++)
					if (!strcmp(ncr_name(l, m), s->isec->out->name))
						ncr_check_refs(&st, l, s->type == STT_SECTION ? NULL : s->name, false, s->isec,
							       s->isec->out->name, f);
			}
		}
	}
	free(st.lists.v);
}
