/* Relocatable output (-r, -Ur): an ET_REL file as GNU ld writes it.
 *
 * The layout engine has already mapped the inputs to output sections (the built-in .xr/.xu
 * script or -T) and assigned addresses; this writer turns that into an object file:
 *   - section headers: SHT_GROUP sections first (bfd's assign_section_numbers), then every
 *     output section in layout order, each followed by its .rela.X (.rel.X for REL targets),
 *     then .symtab, .strtab, .shstrtab;
 *   - file offsets: sections in header order from the end of the ELF header, each aligned to
 *     its sh_addralign, then .symtab/.strtab, the relocation sections, .shstrtab and the
 *     section headers (bfd's assign_file_positions_except_relocs and friends); no program
 *     headers;
 *   - .symtab: a section symbol per output section (relocations use them), then each input's
 *     locals after its FILE symbol, then the globals in GNU ld's hash-table order; undefined
 *     symbols stay undefined and COMMON symbols stay SHN_COMMON;
 *   - relocations copied from the inputs (elflink.c's elf_link_input_bfd): offsets moved by
 *     the input's place in its output section, symbols renumbered, references to local
 *     section symbols turned into references to the output section's symbol with the addend
 *     (RELA) or the addend stored in the section bytes (REL) moved by the same amount;
 *     references to a member of a COMDAT group that lost go to the winner's same-named
 *     member (GNU ld's "pretend" rule), other references into discarded sections become
 *     R_*_NONE with the field cleared (dropped in debug sections), and those of .eh_frame FDEs
 *     removed with their code (eh_frame.c) R_*_NONE at the previous offset;
 *   - COMDAT groups kept (the first of each signature), members renumbered.
 * The file is written to a temporary beside the output and renamed over it at the end.
 * The same relocation rewriting serves --emit-relocs (at the end of this file), driven by
 * output.c's writer. */
#include <stdlib.h>
#include <sys/stat.h>

#include "layout.h"
#include "output.h"
#include "passes.h"
#include "script.h"
#include "target.h"

/* ---- output section headers ---- */

enum rsec_kind { RS_GROUP, RS_OSEC, RS_RELOC, RS_SYMTAB, RS_SYMTAB_SHNDX, RS_STRTAB, RS_SHSTRTAB };

struct rgroup {
	struct input_file *file;
	uint32_t in_index;       /* the SHT_GROUP section in the input */
	const char *name;
	uint32_t flags;          /* GRP_COMDAT or 0 */
	uint32_t sig;            /* signature symbol index in the input */
	uint32_t out_index;      /* 0 when the group is not kept */
	bool kept;
	const char *signame;     /* the signature (a section symbol's: the section's name) */
	VEC(uint32_t) in_members;/* input section indices */
	VEC(uint32_t) members;   /* output section indices, filled once indices are known */
};

struct rsec {
	enum rsec_kind kind;
	struct output_section *os;   /* RS_OSEC, RS_RELOC: the section (applied to) */
	struct rgroup *group;        /* RS_GROUP */
	uint32_t name;               /* .shstrtab handle, then offset */
	uint64_t offset, size, align;
	uint32_t sym;                /* section symbol index, 0 if none */
	uint64_t flags;              /* RS_RELOC: SHF_INFO_LINK, maybe SHF_GROUP */
};

/* One relocation in a class-neutral form. */
struct rel {
	uint64_t offset;
	uint32_t type;
	uint32_t sym;
	int64_t addend;
};

struct rsym {
	uint32_t name;
	uint8_t info, other;
	uint32_t shndx;          /* a section index, or X_ABS / X_COMMON */
	uint64_t value, size;
};

/* st_shndx values that are no section index (real indices may reach 0xff00 and beyond, then
 * written through .symtab_shndx) */
#define X_SPECIAL 0x80000000u
#define X_ABS (X_SPECIAL | SHN_ABS)
#define X_COMMON (X_SPECIAL | SHN_COMMON)

struct rw {
	struct ctx *ctx;
	bool is64, rela;
	VEC(struct rgroup) groups;
	VEC(struct rsec) secs;            /* index 0 unused */
	uint32_t *reloc_of;               /* by output section index: its relocation section */
	uint32_t *secsym;                 /* by section header index: the section symbol */
	VEC(struct rsym) syms;
	struct strtab str;
	uint32_t first_global;
	uint32_t symtab_idx, strtab_idx, shstrtab_idx;
	uint32_t xindex_idx;              /* .symtab_shndx, 0 when the indices fit st_shndx */
	bool emit;                        /* --emit-relocs: a final link's relocations */
};

/* ---- input relocations ---- */

static size_t rel_entsize(int elfclass, uint32_t type)
{
	if (type == SHT_RELA)
		return elfclass == ELFCLASS64 ? sizeof(Elf64_Rela) : sizeof(Elf32_Rela);
	return elfclass == ELFCLASS64 ? sizeof(Elf64_Rel) : sizeof(Elf32_Rel);
}

static bool rel_header(const struct input_section *isec, GElf_Shdr *sh)
{
	if (!isec->rel_index || !isec->file->elf)
		return false;
	return gelf_getshdr(elf_getscn(isec->file->elf, isec->rel_index), sh) != NULL;
}

static void rel_read(const struct input_file *f, const GElf_Shdr *sh, size_t i, struct rel *r)
{
	const uint8_t *p = f->data + sh->sh_offset + i * rel_entsize(f->elfclass, sh->sh_type);
	if (f->elfclass == ELFCLASS64) {
		r->offset = rd64(p);
		uint64_t info = rd64(p + 8);
		r->type = (uint32_t)ELF64_R_TYPE(info);
		r->sym = (uint32_t)ELF64_R_SYM(info);
		r->addend = sh->sh_type == SHT_RELA ? (int64_t)rd64(p + 16) : 0;
	} else {
		r->offset = rd32(p);
		uint32_t info = rd32(p + 4);
		r->type = ELF32_R_TYPE(info);
		r->sym = ELF32_R_SYM(info);
		r->addend = sh->sh_type == SHT_RELA ? (int32_t)rd32(p + 8) : 0;
	}
}

static size_t rel_count(const struct input_section *isec)
{
	GElf_Shdr sh;
	if (!rel_header(isec, &sh))
		return 0;
	return sh.sh_size / rel_entsize(isec->file->elfclass, sh.sh_type);
}

/* Width in bytes of the field a relocation type writes, from its psABI name
 * (R_X86_64_64 and R_X86_64_PC64: 8; ..._16: 2; ..._8: 1; NONE: 0; the rest: 4). */
static unsigned reloc_width(const struct target *t, uint32_t type)
{
	const char *n = t->reloc_name(type);
	if (!n)
		return 0;
	const char *last = strrchr(n, '_');
	const char *suffix = last ? last + 1 : n;
	size_t len = strlen(suffix);
	if (!strcmp(suffix, "NONE"))
		return 0;
	if (len >= 2 && !strcmp(suffix + len - 2, "64"))
		return 8;
	if (len >= 2 && !strcmp(suffix + len - 2, "16"))
		return 2;
	if (len >= 1 && suffix[len - 1] == '8' && (len < 2 || suffix[len - 2] < '0' || suffix[len - 2] > '9'))
		return 1;
	return 4;
}

static bool section_kept(const struct input_section *isec)
{
	return isec && !isec->discarded && isec->out && isec->out->index;
}

/* ---- COMDAT and other section groups ---- */

static void collect_groups(struct rw *w)
{
	struct ctx *ctx = w->ctx;
	for (size_t fi = 0; fi < ctx->files.n; fi++) {
		struct input_file *f = ctx->files.v[fi];
		if (f->synthetic || !f->elf)
			continue;
		for (size_t i = 1; i < f->shnum; i++) {
			GElf_Shdr sh;
			if (!gelf_getshdr(elf_getscn(f->elf, i), &sh) || sh.sh_type != SHT_GROUP || sh.sh_size < 4)
				continue;
			const uint8_t *p = f->data + sh.sh_offset;
			size_t n = sh.sh_size / 4;
			struct rgroup g = {.file = f, .in_index = (uint32_t)i, .flags = rd32(p), .sig = (uint32_t)sh.sh_info};
			/* a group whose members are all gone (a COMDAT loser, or all discarded) goes too */
			for (size_t k = 1; k < n; k++) {
				uint32_t idx = rd32(p + 4 * k);
				vec_push(g.in_members, idx);
				if (idx < f->shnum && section_kept(f->sections[idx]))
					g.kept = true;
			}
			g.name = elf_strptr(f->elf, f->shstrndx, sh.sh_name);
			if (!g.name)
				g.name = ".group";
			g.signame = "";
			if (g.sig < f->nsyms && f->syms[g.sig]) {
				const struct symbol *s = f->syms[g.sig];
				g.signame = s->type == STT_SECTION && s->isec ? s->isec->name : s->name;
			}
			vec_push(w->groups, g);
		}
	}
}

/* The kept group of `f` whose input section is `shndx`, or NULL. */
static struct rgroup *group_of(struct rw *w, const struct input_file *f, uint32_t shndx)
{
	for (size_t i = 0; i < w->groups.n; i++)
		if (w->groups.v[i].kept && w->groups.v[i].file == f && w->groups.v[i].in_index == shndx)
			return &w->groups.v[i];
	return NULL;
}

/* GNU ld's "pretend" rule (_bfd_elf_check_kept_section): a reference to a member of a COMDAT
 * group that lost goes to the same-named member of the group that won, when the sizes agree. */
static struct input_section *kept_replacement(struct rw *w, const struct input_section *gone)
{
	if (!gone || !gone->discarded)
		return NULL;
	for (size_t i = 0; i < w->groups.n; i++) {
		const struct rgroup *g = &w->groups.v[i];
		if (g->kept || g->file != gone->file || !(g->flags & GRP_COMDAT))
			continue;
		bool member = false;
		for (size_t k = 0; k < g->in_members.n && !member; k++)
			member = g->in_members.v[k] == gone->index;
		if (!member)
			continue;
		for (size_t j = 0; j < w->groups.n; j++) {
			const struct rgroup *kg = &w->groups.v[j];
			if (!kg->kept || !(kg->flags & GRP_COMDAT) || strcmp(kg->signame, g->signame))
				continue;
			for (size_t k = 0; k < kg->in_members.n; k++) {
				uint32_t idx = kg->in_members.v[k];
				struct input_section *m = idx < kg->file->shnum ? kg->file->sections[idx] : NULL;
				if (section_kept(m) && !strcmp(m->name, gone->name) && m->size == gone->size)
					return m;
			}
			return NULL;
		}
	}
	return NULL;
}

/* ---- section headers ---- */

static bool osec_has_relocs(const struct output_section *os)
{
	if (os->noload || os->type == SHT_NOBITS)
		return false; /* no contents, so bfd relocates nothing there (NOLOAD) */
	for (size_t i = 0; i < os->inputs.n; i++) {
		const struct input_section *isec = os->inputs.v[i];
		if (!isec->discarded && rel_count(isec))
			return true;
	}
	return false;
}

static void number_sections(struct rw *w)
{
	struct ctx *ctx = w->ctx;
	vec_push(w->secs, ((struct rsec){0}));
	for (size_t i = 0; i < w->groups.n; i++) {
		struct rgroup *g = &w->groups.v[i];
		if (!g->kept)
			continue;
		g->out_index = (uint32_t)w->secs.n;
		vec_push(w->secs, ((struct rsec){.kind = RS_GROUP, .group = g, .align = 4}));
	}
	for (size_t i = 0; i < ctx->osecs.n; i++) {
		struct output_section *os = ctx->osecs.v[i];
		if (!os->index)
			continue;
		os->index = (uint32_t)w->secs.n;
		vec_push(w->secs, ((struct rsec){.kind = RS_OSEC, .os = os, .align = shdr_addralign(os)}));
		if (osec_has_relocs(os))
			vec_push(w->secs, ((struct rsec){.kind = RS_RELOC, .os = os, .align = w->is64 ? 8 : 4, .flags = SHF_INFO_LINK}));
	}
	w->symtab_idx = (uint32_t)w->secs.n;
	vec_push(w->secs, ((struct rsec){.kind = RS_SYMTAB, .align = w->is64 ? 8 : 4}));
	/* past 0xff00 sections, indices go to .symtab_shndx (bfd's test in assign_section_numbers) */
	if (w->secs.n > ((SHN_LORESERVE - 2) & 0xffff)) {
		w->xindex_idx = (uint32_t)w->secs.n;
		vec_push(w->secs, ((struct rsec){.kind = RS_SYMTAB_SHNDX, .align = 4}));
	}
	w->strtab_idx = (uint32_t)w->secs.n;
	vec_push(w->secs, ((struct rsec){.kind = RS_STRTAB, .align = 1}));
	w->shstrtab_idx = (uint32_t)w->secs.n;
	vec_push(w->secs, ((struct rsec){.kind = RS_SHSTRTAB, .align = 1}));
	w->reloc_of = xcalloc(w->secs.n, sizeof(*w->reloc_of));
	w->secsym = xcalloc(w->secs.n, sizeof(*w->secsym));
	for (size_t i = 1; i < w->secs.n; i++)
		if (w->secs.v[i].kind == RS_RELOC)
			w->reloc_of[w->secs.v[i].os->index] = (uint32_t)i;
}

/* ---- .symtab ---- */

static uint32_t osec_shndx(const struct output_section *os, uint64_t addr)
{
	os = osec_for_symbol(os, addr);
	return os->index ? os->index : X_ABS;
}

static void push_sym(struct rw *w, const char *name, uint8_t bind, uint8_t type, uint8_t other, uint32_t shndx,
		     uint64_t value, uint64_t size)
{
	struct rsym o = {strtab_add(&w->str, name), (uint8_t)GELF_ST_INFO(bind, type), other, shndx, value, size};
	vec_push(w->syms, o);
}

/* GNU ld's (and gas's) temporary label names */
static bool is_local_label(const char *name)
{
	return (name[0] == '.' && (name[1] == 'L' || name[1] == '.')) || !strncmp(name, "_.L_", 4);
}

/* Where a local symbol goes: false when GNU ld drops it with its section. */
static bool local_place(struct rw *w, const struct symbol *s, uint32_t *shndx, uint64_t *value)
{
	*value = s->value;
	if (s->isec) {
		if (!section_kept(s->isec))
			return false;
		*shndx = s->isec->out->index;
		*value = s->isec->out_offset + s->value;
		return true;
	}
	if (s->shndx == SHN_ABS || s->type == STT_FILE) {
		*shndx = X_ABS;
		return true;
	}
	if (s->shndx == SHN_COMMON) {
		*shndx = X_COMMON;
		return true;
	}
	/* a group signature defined in its SHT_GROUP section */
	struct rgroup *g = s->shndx < SHN_LORESERVE ? group_of(w, s->file, s->shndx) : NULL;
	if (g) {
		*shndx = g->out_index;
		return true;
	}
	return false;
}

static void emit_local(struct rw *w, struct symbol *s, uint32_t shndx, uint64_t value)
{
	push_sym(w, s->name, STB_LOCAL, s->type, s->visibility, shndx, value, s->size);
	s->out_index = (uint32_t)w->syms.n - 1;
}

/* A local symbol a relocation or a group needs although the rules above dropped it (-x, -X):
 * GNU ld outputs it when it meets the reference. */
static uint32_t need_local(struct rw *w, struct symbol *s)
{
	if (s->out_index)
		return s->out_index;
	uint32_t shndx;
	uint64_t value;
	if (!local_place(w, s, &shndx, &value))
		return 0;
	emit_local(w, s, shndx, value);
	return s->out_index;
}

static void locals_of(struct rw *w, struct input_file *f)
{
	struct ctx *ctx = w->ctx;
	bool have_file = false;
	for (size_t i = 1; i < f->first_global && i < f->nsyms; i++) {
		struct symbol *s = f->syms[i];
		if (!s)
			continue;
		s->out_index = 0;
		if (s->kind == SYM_UNDEF || s->type == STT_SECTION || ctx->opt.discard == DISCARD_ALL)
			continue;
		uint32_t shndx;
		uint64_t value;
		if (!local_place(w, s, &shndx, &value))
			continue;
		if (ctx->opt.discard == DISCARD_LOCALS_TMP && is_local_label(s->name))
			continue;
		if (s->type == STT_FILE) {
			have_file = true;
			emit_local(w, s, X_ABS, 0);
			continue;
		}
		if (!have_file) {
			/* GNU ld names the file for locals that have no FILE symbol */
			const char *p = f->member ? f->member : f->name;
			const char *base = strrchr(p, '/');
			push_sym(w, base ? base + 1 : p, STB_LOCAL, STT_FILE, 0, X_ABS, 0, 0);
			have_file = true;
		}
		emit_local(w, s, shndx, value);
	}
	/* then, in GNU ld's order (by input section), the locals that groups and relocations
	 * need and that were dropped above */
	for (size_t si = 1; si < f->shnum; si++) {
		struct rgroup *g = group_of(w, f, (uint32_t)si);
		if (g && g->sig < f->first_global && g->sig < f->nsyms && f->syms[g->sig] &&
		    f->syms[g->sig]->type != STT_SECTION)
			need_local(w, f->syms[g->sig]);
		struct input_section *isec = f->sections[si];
		GElf_Shdr sh;
		if (!section_kept(isec) || !rel_header(isec, &sh))
			continue;
		size_t n = sh.sh_size / rel_entsize(f->elfclass, sh.sh_type);
		for (size_t i = 0; i < n; i++) {
			struct rel r;
			rel_read(f, &sh, i, &r);
			if (!r.sym || r.sym >= f->first_global || r.sym >= f->nsyms)
				continue;
			struct symbol *s = f->syms[r.sym];
			if (s && s->type != STT_SECTION && s->kind != SYM_UNDEF)
				need_local(w, s);
		}
	}
}

static bool global_in_output(const struct symbol *s)
{
	switch (s->kind) {
	case SYM_DEFINED:
		return !s->isec || section_kept(s->isec);
	case SYM_SCRIPT:
	case SYM_COMMON:
		return true;
	case SYM_UNDEF:
		/* one a discarded COMDAT or linkonce copy defined stays only for a relocation */
		if (s->discarded_def)
			return s->used_by_reloc;
		return s->referenced || s->used_by_reloc || s->cmdline_ref;
	default:
		return false;
	}
}

/* a global of the symbol table, or with `local` one the linker made local (bfd turns its
 * visibility off) */
static void emit_global(struct rw *w, struct symbol *s, bool local)
{
	uint8_t bind = s->bind;
	uint32_t shndx = SHN_UNDEF;
	uint64_t value = 0;
	switch (s->kind) {
	case SYM_DEFINED:
		if (s->isec) {
			shndx = s->isec->out->index;
			value = s->isec->out_offset + s->value;
		} else {
			shndx = s->shndx == SHN_UNDEF ? SHN_UNDEF : X_ABS;
			value = s->value;
		}
		break;
	case SYM_SCRIPT:
		shndx = symbol_in_und(w->ctx, s) ? SHN_UNDEF : s->osec ? osec_shndx(s->osec, symbol_address(s)) : X_ABS;
		value = s->value;
		if (s->osec && !s->osec->index && s->osec->nearby)
			value += s->osec->addr - osec_for_symbol(s->osec, symbol_address(s))->addr;
		if (!s->osec && s->final_osec) {
			/* an absolute value from `.` or SEGMENT_START outside the sections: relative
			 * to a nearby section in the output (bfd's rel_from_abs) */
			const struct output_section *fo = osec_for_symbol(s->final_osec, symbol_address(s));
			if (fo->index) {
				shndx = fo->index;
				value -= fo->addr;
			}
		}
		break;
	case SYM_COMMON:
		shndx = X_COMMON;
		value = s->value; /* the alignment */
		break;
	default:
		bind = s->weak_ref_only ? STB_WEAK : STB_GLOBAL;
		break;
	}
	if (local)
		bind = STB_LOCAL;
	else if (bind == STB_LOCAL)
		bind = STB_GLOBAL;
	push_sym(w, s->name, bind, s->type, local ? s->visibility & ~0x3 : s->visibility, shndx, value, s->size);
	s->out_index = (uint32_t)w->syms.n - 1;
}

static void symtab_build(struct rw *w)
{
	struct ctx *ctx = w->ctx;
	vec_push(w->syms, ((struct rsym){0}));
	/* a section symbol for every section bfd knows as a section (not the relocations and
	 * tables it writes itself), in index order */
	for (size_t i = 1; i < w->secs.n; i++) {
		enum rsec_kind k = w->secs.v[i].kind;
		if (k != RS_GROUP && k != RS_OSEC)
			continue;
		w->secsym[i] = (uint32_t)w->syms.n;
		push_sym(w, "", STB_LOCAL, STT_SECTION, 0, (uint32_t)i, 0, 0);
	}
	for (size_t fi = 0; fi < ctx->files.n; fi++)
		if (!ctx->files.v[fi]->synthetic)
			locals_of(w, ctx->files.v[fi]);
	/* symbols the linker made local (a script's HIDDEN and PROVIDE_HIDDEN) end the locals,
	 * after an empty FILE symbol when there are FILE symbols (bfd's localsyms pass) */
	bool any_file = false;
	for (size_t i = 1; i < w->syms.n; i++)
		if (GELF_ST_TYPE(w->syms.v[i].info) == STT_FILE)
			any_file = true;
	size_t n;
	struct symbol **all = symbol_hash_order(ctx, &n);
	for (int pass = 0; pass < 2; pass++) {
		if (pass == 1)
			w->first_global = (uint32_t)w->syms.n;
		for (size_t i = 0; i < n; i++) {
			struct symbol *s = all[i];
			if (pass == 0)
				s->out_index = 0;
			bool local = s->forced_local && s->kind != SYM_UNDEF;
			if (local != (pass == 0) || !global_in_output(s))
				continue;
			if (local && ctx->opt.discard == DISCARD_ALL)
				continue;
			if (local && any_file) {
				push_sym(w, "", STB_LOCAL, STT_FILE, 0, X_ABS, 0, 0);
				any_file = false;
			}
			emit_global(w, s, local);
		}
	}
	free(all);
}

/* `xindex`: the .symtab_shndx contents, or NULL when every index fits st_shndx */
static void symtab_write(const struct rw *w, uint8_t *p, uint8_t *xindex)
{
	for (size_t i = 0; i < w->syms.n; i++) {
		const struct rsym *o = &w->syms.v[i];
		uint16_t shndx = (uint16_t)o->shndx;
		if (!(o->shndx & X_SPECIAL) && o->shndx >= SHN_LORESERVE) {
			shndx = SHN_XINDEX;
			if (xindex)
				wr32(xindex + 4 * i, o->shndx);
		}
		if (w->is64) {
			Elf64_Sym e = {strtab_offset(&w->str, o->name), o->info, o->other, shndx, o->value, o->size};
			memcpy(p + i * sizeof(e), &e, sizeof(e));
		} else {
			Elf32_Sym e = {strtab_offset(&w->str, o->name), (Elf32_Addr)o->value, (Elf32_Word)o->size,
				       o->info, o->other, shndx};
			memcpy(p + i * sizeof(e), &e, sizeof(e));
		}
	}
}

/* ---- relocations ---- */

struct relout {
	VEC(struct rel) v;
	uint64_t budget;      /* entries GNU ld sized the section for (debug removals shrink it) */
};

/* With image NULL: build the list.  With the image: only edit its bytes (REL addends, fields
 * of relocations against discarded sections). */

static void clear_field(const struct rw *w, uint8_t *image, const struct output_section *os, uint64_t off,
			uint32_t type, const char *secname)
{
	unsigned width = reloc_width(w->ctx->target, type);
	if (!image || !width || os->type == SHT_NOBITS || off + width > os->size)
		return;
	uint8_t *p = image + os->offset + off;
	memset(p, 0, width);
	/* a range list keeps 1, not 0, which would end it */
	if (!strcmp(secname, ".debug_ranges"))
		p[0] = 1;
}

/* REL: the addend lives in the section bytes; move it by `delta` */
static void adjust_implicit(const struct rw *w, uint8_t *image, const struct output_section *os, uint64_t off,
			    uint32_t type, uint64_t delta)
{
	unsigned width = reloc_width(w->ctx->target, type);
	if (!image || !width || os->type == SHT_NOBITS || off + width > os->size || !delta)
		return;
	uint8_t *p = image + os->offset + off;
	uint64_t v = 0;
	for (unsigned b = 0; b < width; b++)
		v |= (uint64_t)p[b] << (8 * b);
	v += delta;
	for (unsigned b = 0; b < width; b++)
		p[b] = (uint8_t)(v >> (8 * b));
}

static void relocs_of_input(struct rw *w, uint8_t *image, struct input_section *isec, struct relout *out)
{
	struct ctx *ctx = w->ctx;
	struct input_file *f = isec->file;
	struct output_section *os = isec->out;
	GElf_Shdr sh;
	if (!rel_header(isec, &sh))
		return;
	size_t n = sh.sh_size / rel_entsize(f->elfclass, sh.sh_type);
	bool debug = is_debug_name(isec->name);
	/* GNU ld's elf_action_discarded: these sections never pretend */
	bool pretend = strcmp(isec->name, ".eh_frame") && strcmp(isec->name, ".gcc_except_table") &&
		       strcmp(isec->name, ".sframe");
	/* a final link's relocations (--emit-relocs) are at addresses */
	uint64_t base = w->emit ? os->addr : 0;
	uint64_t last_offset = base + isec->out_offset;
	for (size_t i = 0; i < n; i++) {
		struct rel r;
		rel_read(f, &sh, i, &r);
		if (r.sym >= f->nsyms) {
			if (image)
				continue;
			error_at(ctx, isec, r.offset, "relocation refers to symbol index %u past the %zu symbols", r.sym,
				 f->nsyms);
			continue;
		}
		uint64_t place;
		if (!place_offset(isec, r.offset, &place)) {
			/* in a removed .eh_frame entry: R_*_NONE at the last offset */
			vec_push(out->v, ((struct rel){last_offset, 0, 0, 0}));
			continue;
		}
		struct rel o = {base + isec->out_offset + place, r.type, 0, r.addend};
		last_offset = o.offset;
		struct symbol *s = r.sym ? f->syms[r.sym] : NULL;
		if (!s) {
			vec_push(out->v, o);
			continue;
		}
		bool gone = false;
		if (!s->is_local) {
			gone = s->kind == SYM_DEFINED && s->isec && s->isec->discarded;
			o.sym = s->out_index;
			if (!gone && !o.sym && !image)
				error_at(ctx, isec, r.offset, "relocation against `%s', which is not in the output", s->name);
		} else if (s->type == STT_SECTION) {
			struct input_section *target = s->isec;
			if (target && !section_kept(target) && pretend)
				target = kept_replacement(w, target);
			if (s->isec && !section_kept(target)) {
				gone = true;
			} else if (target) {
				o.sym = w->secsym[target->out->index];
				/* a merged section's piece has moved (final links only merge) */
				if (w->rela && target->merge)
					o.addend = (int64_t)merged_offset(target, (uint64_t)o.addend);
				if (w->rela)
					o.addend += (int64_t)target->out_offset;
				else if (!w->emit)
					adjust_implicit(w, image, os, o.offset, r.type, target->out_offset);
			} else {
				struct rgroup *g = s->shndx < SHN_LORESERVE ? group_of(w, f, s->shndx) : NULL;
				o.sym = g ? w->secsym[g->out_index] : 0;
			}
		} else if (s->kind == SYM_UNDEF) {
			o.sym = 0;
		} else if (s->isec && !section_kept(s->isec)) {
			gone = true;
		} else if (w->emit && !s->out_index && s->isec) {
			/* a final link's local that .symtab dropped: its section's symbol plus its offset */
			o.sym = w->secsym[s->isec->out->index];
			if (w->rela)
				o.addend += (int64_t)(s->isec->out_offset + symbol_section_offset(s));
		} else if (w->emit) {
			o.sym = s->out_index;
		} else {
			o.sym = need_local(w, s);
		}
		if (gone) {
			/* RELOC_AGAINST_DISCARDED_SECTION: the field is cleared; a debug section loses the
			 * relocation (unless its output would be left with none), others keep R_*_NONE */
			if (!w->emit)
				clear_field(w, image, os, o.offset, r.type, isec->name);
			if (debug && !w->emit && out->budget > 1) {
				out->budget--;
				continue;
			}
			o.type = 0;
			o.sym = 0;
			o.addend = 0;
		}
		vec_push(out->v, o);
	}
}

/* GNU ld sorts every output relocation section by r_offset, stably (elf_link_adjust_relocs):
 * an input's relocations need not be in order (gcc emits some out of order). */
static void rels_sort_by_offset(struct relout *l)
{
	size_t n = l->v.n;
	if (n < 2)
		return;
	bool sorted = true;
	for (size_t i = 1; i < n && sorted; i++)
		sorted = l->v.v[i - 1].offset <= l->v.v[i].offset;
	if (sorted)
		return;
	struct rel *a = l->v.v, *tmp = xmalloc(n * sizeof(*tmp));
	for (size_t width = 1; width < n; width *= 2) {
		for (size_t lo = 0; lo < n; lo += 2 * width) {
			size_t mid = lo + width < n ? lo + width : n, hi = lo + 2 * width < n ? lo + 2 * width : n;
			size_t i = lo, j = mid, k = lo;
			while (i < mid && j < hi)
				tmp[k++] = a[j].offset < a[i].offset ? a[j++] : a[i++];
			while (i < mid)
				tmp[k++] = a[i++];
			while (j < hi)
				tmp[k++] = a[j++];
		}
		memcpy(a, tmp, n * sizeof(*a));
	}
	free(tmp);
}

static void rel_write(const struct rw *w, const struct rel *r, uint8_t *p)
{
	if (w->is64) {
		wr64(p, r->offset);
		wr64(p + 8, ELF64_R_INFO((uint64_t)r->sym, r->type));
		if (w->rela)
			wr64(p + 16, (uint64_t)r->addend);
	} else {
		wr32(p, r->offset);
		wr32(p + 4, ELF32_R_INFO(r->sym, r->type));
		if (w->rela)
			wr32(p + 8, (uint64_t)r->addend);
	}
}

/* ---- groups' contents ---- */

static void group_members(struct rw *w, struct rgroup *g)
{
	struct input_file *f = g->file;
	GElf_Shdr sh;
	if (!gelf_getshdr(elf_getscn(f->elf, g->in_index), &sh))
		return;
	const uint8_t *p = f->data + sh.sh_offset;
	size_t n = sh.sh_size / 4;
	/* bfd lists the members in section order, each followed by its relocation section when
	 * that was a member of the group too */
	for (size_t k = 1; k < n; k++) {
		uint32_t idx = rd32(p + 4 * k);
		if (idx >= f->shnum || !section_kept(f->sections[idx]))
			continue;
		struct input_section *isec = f->sections[idx];
		vec_push(g->members, isec->out->index);
		GElf_Shdr rsh;
		uint32_t ridx = w->reloc_of[isec->out->index];
		if (ridx && rel_header(isec, &rsh) && (rsh.sh_flags & SHF_GROUP)) {
			w->secs.v[ridx].flags |= SHF_GROUP;
			vec_push(g->members, ridx);
		}
	}
}

static uint32_t group_signature(struct rw *w, const struct rgroup *g)
{
	const struct input_file *f = g->file;
	if (g->sig >= f->nsyms || !f->syms[g->sig])
		return 0;
	struct symbol *s = f->syms[g->sig];
	if (!s->is_local)
		return s->out_index;
	if (s->type == STT_SECTION) {
		if (section_kept(s->isec))
			return w->secsym[s->isec->out->index];
		return s->isec ? 0 : w->secsym[g->out_index];
	}
	return s->out_index;
}

/* ---- the file ---- */


struct shdr {
	uint32_t name, type;
	uint64_t flags, addr, offset, size;
	uint32_t link, info;
	uint64_t align, entsize;
};

static void write_shdr(const struct rw *w, uint8_t *p, const struct shdr *h)
{
	if (w->is64) {
		Elf64_Shdr s = {h->name, h->type, h->flags, h->addr, h->offset, h->size, h->link, h->info, h->align, h->entsize};
		memcpy(p, &s, sizeof(s));
	} else {
		Elf32_Shdr s = {h->name, h->type, (Elf32_Word)h->flags, (Elf32_Addr)h->addr, (Elf32_Off)h->offset,
				(Elf32_Word)h->size, h->link, h->info, (Elf32_Word)h->align, (Elf32_Word)h->entsize};
		memcpy(p, &s, sizeof(s));
	}
}

static void write_ehdr(const struct rw *w, uint8_t *image, uint64_t shoff, uint8_t osabi)
{
	const struct ctx *ctx = w->ctx;
	unsigned char ident[EI_NIDENT] = {ELFMAG0, ELFMAG1, ELFMAG2, ELFMAG3, ctx->target->elfclass, ELFDATA2LSB, EV_CURRENT, osabi};
	/* past 0xff00 sections the counts live in section header 0 */
	uint16_t shnum = w->secs.n >= SHN_LORESERVE ? 0 : (uint16_t)w->secs.n;
	uint16_t shstrndx = w->shstrtab_idx >= SHN_LORESERVE ? SHN_XINDEX : (uint16_t)w->shstrtab_idx;
	if (w->is64) {
		Elf64_Ehdr e = {0};
		memcpy(e.e_ident, ident, EI_NIDENT);
		e.e_type = ET_REL;
		e.e_machine = ctx->target->machine;
		e.e_version = EV_CURRENT;
		e.e_entry = ctx->entry_addr;
		e.e_shoff = shoff;
		e.e_ehsize = sizeof(Elf64_Ehdr);
		e.e_shentsize = sizeof(Elf64_Shdr);
		e.e_shnum = shnum;
		e.e_shstrndx = shstrndx;
		memcpy(image, &e, sizeof(e));
	} else {
		Elf32_Ehdr e = {0};
		memcpy(e.e_ident, ident, EI_NIDENT);
		e.e_type = ET_REL;
		e.e_machine = ctx->target->machine;
		e.e_version = EV_CURRENT;
		e.e_entry = (Elf32_Addr)ctx->entry_addr;
		e.e_shoff = (Elf32_Off)shoff;
		e.e_ehsize = sizeof(Elf32_Ehdr);
		e.e_shentsize = sizeof(Elf32_Shdr);
		e.e_shnum = shnum;
		e.e_shstrndx = shstrndx;
		memcpy(image, &e, sizeof(e));
	}
}

/* GNU ld marks the output ELFOSABI_GNU when it holds STB_GNU_UNIQUE or STT_GNU_IFUNC symbols,
 * or an input used them or SHF_GNU_RETAIN sections (has_gnu_osabi) */
static uint8_t output_osabi(const struct rw *w)
{
	for (size_t i = 0; i < w->syms.n; i++) {
		uint8_t info = w->syms.v[i].info;
		if (GELF_ST_BIND(info) == STB_GNU_UNIQUE || GELF_ST_TYPE(info) == STT_GNU_IFUNC)
			return ELFOSABI_GNU;
	}
	const struct ctx *ctx = w->ctx;
	for (size_t fi = 0; fi < ctx->files.n; fi++) {
		const struct input_file *f = ctx->files.v[fi];
		for (size_t i = 1; i < f->shnum; i++)
			if (f->sections[i] && (f->sections[i]->flags & SHF_GNU_RETAIN))
				return ELFOSABI_GNU;
	}
	return ELFOSABI_NONE;
}

bool relocatable_allocates_commons(struct ctx *ctx)
{
	if (ctx->opt.define_common)
		return true;
	for (const struct stmt *st = ctx->script ? ctx->script->cmds : NULL; st; st = st->next)
		if (st->kind == ST_FORCE_COMMON_ALLOCATION)
			return true;
	return false;
}

void relocatable_write(struct ctx *ctx)
{
	struct rw w = {.ctx = ctx, .is64 = ctx->target->elfclass == ELFCLASS64, .rela = ctx->target->rela};
	uint64_t word = w.is64 ? 8 : 4;
	size_t sym_size = w.is64 ? sizeof(Elf64_Sym) : sizeof(Elf32_Sym);
	size_t shdr_size = w.is64 ? sizeof(Elf64_Shdr) : sizeof(Elf32_Shdr);
	size_t rel_size = w.rela ? (w.is64 ? sizeof(Elf64_Rela) : sizeof(Elf32_Rela))
				 : (w.is64 ? sizeof(Elf64_Rel) : sizeof(Elf32_Rel));

	collect_groups(&w);
	number_sections(&w);
	/* GNU ld marks the output section of an input .note.GNU-stack (the first executable one,
	 * else the last) executable in -r when some input lacks the note (x86's default is an
	 * executable stack) or has an executable one, and no -z execstack/noexecstack was given:
	 * SEC_CODE, which also pads it with no-ops */
	const struct input_section *note = ctx->stack_note;
	if (note && note->out && !note->discarded && ctx->opt.execstack < 0 &&
	    (ctx->no_stack_note_file || ctx->execstack_note_file)) {
		note->out->flags |= SHF_EXECINSTR;
		note->out->sec_code = true;
	}

	symtab_build(&w);

	/* the relocations, now that every symbol has its index (locals_of added the locals only
	 * relocations need); their bytes' edits come once the sections are written */
	struct relout *rels = xcalloc(w.secs.n, sizeof(*rels));
	for (size_t i = 1; i < w.secs.n; i++) {
		struct rsec *rs = &w.secs.v[i];
		if (rs->kind != RS_RELOC)
			continue;
		for (size_t k = 0; k < rs->os->inputs.n; k++)
			if (!rs->os->inputs.v[k]->discarded)
				rels[i].budget += rel_count(rs->os->inputs.v[k]);
		for (size_t k = 0; k < rs->os->inputs.n; k++) {
			struct input_section *isec = rs->os->inputs.v[k];
			if (!isec->discarded && !isec->synthesize)
				relocs_of_input(&w, NULL, isec, &rels[i]);
		}
	}
	for (size_t i = 0; i < w.groups.n; i++)
		if (w.groups.v[i].kept)
			group_members(&w, &w.groups.v[i]);
	strtab_finish(&w.str);

	/* names: bfd enters its own tables' names first */
	struct strtab shstr = {0};
	uint32_t n_symtab = strtab_add(&shstr, ".symtab");
	uint32_t n_strtab = strtab_add(&shstr, ".strtab");
	uint32_t n_shstrtab = strtab_add(&shstr, ".shstrtab");
	/* the groups are non-allocated orphans to bfd, placed after .comment (or with the first
	 * other non-allocated orphan): their names enter the table there */
	size_t group_names_at = w.secs.n;
	for (size_t i = 1; i < w.secs.n && group_names_at == w.secs.n; i++) {
		const struct output_section *os = w.secs.v[i].os;
		if (w.secs.v[i].kind == RS_OSEC && !strcmp(os->name, ".comment"))
			group_names_at = i + 1;
	}
	for (size_t i = 1; i < w.secs.n && group_names_at == w.secs.n; i++) {
		const struct output_section *os = w.secs.v[i].os;
		if (w.secs.v[i].kind == RS_OSEC && !(os->flags & SHF_ALLOC) && os->layout && os->layout->orphan)
			group_names_at = i;
	}
	for (size_t i = 1; i <= w.secs.n; i++) {
		if (i == group_names_at)
			for (size_t k = 0; k < w.groups.n; k++)
				if (w.groups.v[k].kept)
					w.secs.v[w.groups.v[k].out_index].name = strtab_add(&shstr, w.groups.v[k].name);
		if (i == w.secs.n)
			break;
		struct rsec *rs = &w.secs.v[i];
		switch (rs->kind) {
		case RS_GROUP: break;
		case RS_OSEC: rs->name = strtab_add(&shstr, rs->os->name); break;
		case RS_RELOC:
			rs->name = strtab_add(&shstr, arena_printf(&ctx->arena, "%s%s", w.rela ? ".rela" : ".rel", rs->os->name));
			break;
		case RS_SYMTAB: rs->name = n_symtab; break;
		case RS_SYMTAB_SHNDX: rs->name = strtab_add(&shstr, ".symtab_shndx"); break;
		case RS_STRTAB: rs->name = n_strtab; break;
		case RS_SHSTRTAB: rs->name = n_shstrtab; break;
		}
	}
	strtab_finish(&shstr);
	for (size_t i = 1; i < w.secs.n; i++)
		w.secs.v[i].name = strtab_offset(&shstr, w.secs.v[i].name);

	/* file offsets: sections after the ELF header in index order, then the symbol table,
	 * then the relocations, then the section names and the section headers */
	uint64_t off = w.is64 ? sizeof(Elf64_Ehdr) : sizeof(Elf32_Ehdr);
	for (size_t i = 1; i < w.secs.n; i++) {
		struct rsec *rs = &w.secs.v[i];
		if (rs->kind == RS_GROUP) {
			rs->size = 4 + 4 * (uint64_t)rs->group->members.n;
		} else if (rs->kind == RS_OSEC) {
			rs->size = rs->os->size;
		} else {
			continue;
		}
		off = align_to(off, rs->align);
		rs->offset = off;
		if (rs->kind == RS_OSEC) {
			rs->os->offset = off;
			if (rs->os->type == SHT_NOBITS)
				continue;
		}
		off += rs->size;
	}
	struct rsec *symtab = &w.secs.v[w.symtab_idx], *strtab = &w.secs.v[w.strtab_idx], *shstrtab = &w.secs.v[w.shstrtab_idx];
	symtab->offset = off = align_to(off, word);
	symtab->size = w.syms.n * sym_size;
	off += symtab->size;
	struct rsec *xindex = w.xindex_idx ? &w.secs.v[w.xindex_idx] : NULL;
	if (xindex) {
		xindex->offset = off = align_to(off, 4);
		xindex->size = w.syms.n * 4;
		off += xindex->size;
	}
	strtab->offset = off;
	strtab->size = w.str.buf.n;
	off += strtab->size;
	for (size_t i = 1; i < w.secs.n; i++) {
		struct rsec *rs = &w.secs.v[i];
		if (rs->kind != RS_RELOC)
			continue;
		off = align_to(off, rs->align);
		rs->offset = off;
		rs->size = rels[i].v.n * rel_size;
		off += rs->size;
	}
	shstrtab->offset = off;
	shstrtab->size = shstr.buf.n;
	off += shstrtab->size;
	uint64_t shoff = align_to(off, word);
	uint64_t file_size = shoff + (uint64_t)w.secs.n * shdr_size;

	struct output_file of;
	uint8_t *image = output_open(ctx, file_size, &of);

	for (size_t i = 1; i < w.secs.n; i++) {
		struct rsec *rs = &w.secs.v[i];
		if (rs->kind == RS_OSEC) {
			output_write_section(ctx, image, rs->os);
		} else if (rs->kind == RS_GROUP) {
			wr32(image + rs->offset, rs->group->flags);
			for (size_t k = 0; k < rs->group->members.n; k++)
				wr32(image + rs->offset + 4 + 4 * k, rs->group->members.v[k]);
		}
	}
	/* relocations, after the bytes: REL addends and cleared fields are edited in place */
	for (size_t i = 1; i < w.secs.n; i++) {
		struct rsec *rs = &w.secs.v[i];
		if (rs->kind != RS_RELOC)
			continue;
		struct relout edits = {0};
		for (size_t k = 0; k < rs->os->inputs.n; k++) {
			struct input_section *isec = rs->os->inputs.v[k];
			if (!isec->discarded && !isec->synthesize)
				relocs_of_input(&w, image, isec, &edits);
		}
		free(edits.v.v);
		rels_sort_by_offset(&rels[i]);
		for (size_t k = 0; k < rels[i].v.n; k++)
			rel_write(&w, &rels[i].v.v[k], image + rs->offset + k * rel_size);
		free(rels[i].v.v);
	}
	symtab_write(&w, image + symtab->offset, xindex ? image + xindex->offset : NULL);
	memcpy(image + strtab->offset, w.str.buf.v, w.str.buf.n);
	memcpy(image + shstrtab->offset, shstr.buf.v, shstr.buf.n);

	uint8_t *sh = image + shoff;
	for (size_t i = 1; i < w.secs.n; i++) {
		struct rsec *rs = &w.secs.v[i];
		struct shdr h = {.name = rs->name, .offset = rs->offset, .size = rs->size, .align = rs->align};
		switch (rs->kind) {
		case RS_GROUP:
			h.type = SHT_GROUP;
			h.link = w.symtab_idx;
			h.info = group_signature(&w, rs->group);
			h.entsize = 4;
			break;
		case RS_OSEC: {
			const struct output_section *os = rs->os;
			h.type = os->type;
			/* (a name's SHF_ALLOC shows in the header of an unallocated section too) */
			h.flags = os->flags | (os->name_alloc ? SHF_ALLOC : 0);
			h.addr = os->addr;
			h.link = os->link;
			h.info = os->info;
			h.entsize = os->entsize;
			/* bfd copies SHF_GROUP from the inputs (groups are not resolved in -r), and
			 * SHF_LINK_ORDER with sh_link to where the first input's linked section went */
			bool linked = false;
			for (size_t k = 0; k < os->inputs.n; k++) {
				const struct input_section *in = os->inputs.v[k];
				if (in->discarded)
					continue;
				if (in->flags & SHF_GROUP)
					h.flags |= SHF_GROUP;
				GElf_Shdr ish;
				if ((in->flags & SHF_LINK_ORDER) && !linked && in->file->elf &&
				    gelf_getshdr(elf_getscn(in->file->elf, in->index), &ish)) {
					h.flags |= SHF_LINK_ORDER;
					linked = true;
					if (ish.sh_link < in->file->shnum && section_kept(in->file->sections[ish.sh_link]))
						h.link = in->file->sections[ish.sh_link]->out->index;
				}
			}
			break;
		}
		case RS_RELOC:
			h.type = w.rela ? SHT_RELA : SHT_REL;
			h.flags = rs->flags;
			h.link = w.symtab_idx;
			h.info = rs->os->index;
			h.entsize = rel_size;
			break;
		case RS_SYMTAB:
			h.type = SHT_SYMTAB;
			h.link = w.strtab_idx;
			h.info = w.first_global;
			h.entsize = sym_size;
			break;
		case RS_SYMTAB_SHNDX:
			h.type = SHT_SYMTAB_SHNDX;
			h.link = w.symtab_idx;
			h.entsize = 4;
			break;
		case RS_STRTAB:
		case RS_SHSTRTAB:
			h.type = SHT_STRTAB;
			break;
		}
		write_shdr(&w, sh + i * shdr_size, &h);
	}
	if (w.secs.n >= SHN_LORESERVE || w.shstrtab_idx >= SHN_LORESERVE) {
		struct shdr h0 = {.size = w.secs.n >= SHN_LORESERVE ? w.secs.n : 0,
				  .link = w.shstrtab_idx >= SHN_LORESERVE ? w.shstrtab_idx : 0};
		write_shdr(&w, sh, &h0);
	}
	write_ehdr(&w, image, shoff, output_osabi(&w));

	/* the build-id hashes the finished file (--build-id with -r, as the kernel's modules) */
	build_id_write(ctx, image, file_size);

	free(rels);
	free(w.reloc_of);
	free(w.secsym);
	for (size_t i = 0; i < w.groups.n; i++) {
		free(w.groups.v[i].members.v);
		free(w.groups.v[i].in_members.v);
	}
	free(w.groups.v);
	free(w.secs.v);
	free(w.syms.v);
	strtab_free(&w.str);
	strtab_free(&shstr);
	/* GNU ld gives a relocatable object 0666 less the umask */
	mode_t mask = umask(0);
	umask(mask);
	output_commit(ctx, &of, 0666 & ~mask, true);
}

/* ---- --emit-relocs: a final link that keeps its relocations ----
 * GNU ld numbers a .rela.X (.rel.X) right after each output section X whose inputs have
 * relocations, writes a section symbol (value: the section's address) for every output section
 * first in .symtab, and places the relocation sections after .symtab and .strtab.  The entries
 * are the inputs' own, at final addresses, against the output symbols; references to local
 * section symbols go to the output section's symbol with the input's offset in the addend. */

struct emit_relocs {
	struct rw w;
	VEC(struct output_section *) relsecs;   /* output sections with relocations, index order */
	uint32_t *rel_index;                    /* by position in relsecs: the .rela section's index */
	uint32_t *names;
	uint64_t *offsets;
	struct relout *lists;
	uint32_t nsec;
	size_t rel_size;
};

struct emit_relocs *emit_relocs_begin(struct ctx *ctx)
{
	if (!ctx->opt.emit_relocs || ctx_relocatable(ctx))
		return NULL;
	struct emit_relocs *er = xcalloc(1, sizeof(*er));
	er->w = (struct rw){.ctx = ctx, .is64 = ctx->target->elfclass == ELFCLASS64, .rela = ctx->target->rela, .emit = true};
	er->rel_size = er->w.rela ? (er->w.is64 ? sizeof(Elf64_Rela) : sizeof(Elf32_Rela))
				  : (er->w.is64 ? sizeof(Elf64_Rel) : sizeof(Elf32_Rel));
	collect_groups(&er->w);   /* for references to COMDAT duplicates */
	uint32_t next = 1;
	VEC(uint32_t) rel_index = {0};
	for (size_t i = 0; i < ctx->osecs.n; i++) {
		struct output_section *os = ctx->osecs.v[i];
		if (!os->index)
			continue;
		os->index = next++;
		if (os->type != SHT_NOBITS && osec_has_relocs(os)) {
			vec_push(er->relsecs, os);
			vec_push(rel_index, next++);
		}
	}
	er->rel_index = rel_index.v;
	er->nsec = next;
	er->w.secsym = xcalloc(next, sizeof(*er->w.secsym));
	er->names = xcalloc(er->relsecs.n + 1, sizeof(*er->names));
	er->offsets = xcalloc(er->relsecs.n + 1, sizeof(*er->offsets));
	er->lists = xcalloc(er->relsecs.n + 1, sizeof(*er->lists));
	return er;
}

uint32_t emit_relocs_nsec(const struct emit_relocs *er)
{
	return er->nsec;
}

void emit_relocs_section_symbol(struct emit_relocs *er, uint32_t shndx, uint32_t symidx)
{
	if (shndx < er->nsec)
		er->w.secsym[shndx] = symidx;
}

/* The name of the relocation section of `os`, entered right after the section's own name
 * as GNU ld enters them (the order shows in .shstrtab, which the build-id hashes). */
void emit_relocs_name_for(struct emit_relocs *er, const struct output_section *os, struct strtab *shstr)
{
	for (size_t i = 0; i < er->relsecs.n; i++)
		if (er->relsecs.v[i] == os)
			er->names[i] = strtab_add(shstr, arena_printf(&er->w.ctx->arena, "%s%s", er->w.rela ? ".rela" : ".rel",
								      os->name));
}

void emit_relocs_names(struct emit_relocs *er, struct strtab *shstr, bool finished)
{
	for (size_t i = 0; i < er->relsecs.n; i++)
		er->names[i] = finished ? strtab_offset(shstr, er->names[i])
					: strtab_add(shstr, arena_printf(&er->w.ctx->arena, "%s%s", er->w.rela ? ".rela" : ".rel",
									 er->relsecs.v[i]->name));
}

uint64_t emit_relocs_layout(struct emit_relocs *er, uint64_t off)
{
	for (size_t i = 0; i < er->relsecs.n; i++) {
		struct output_section *os = er->relsecs.v[i];
		for (size_t k = 0; k < os->inputs.n; k++) {
			struct input_section *isec = os->inputs.v[k];
			if (!isec->discarded && !isec->synthesize)
				relocs_of_input(&er->w, NULL, isec, &er->lists[i]);
		}
		off = align_to(off, er->w.is64 ? 8 : 4);
		er->offsets[i] = off;
		off += er->lists[i].v.n * er->rel_size;
	}
	return off;
}

void emit_relocs_write(struct emit_relocs *er, uint8_t *image, uint8_t *shdrs, uint32_t symtab_idx)
{
	size_t shdr_size = er->w.is64 ? sizeof(Elf64_Shdr) : sizeof(Elf32_Shdr);
	for (size_t i = 0; i < er->relsecs.n; i++) {
		struct relout *l = &er->lists[i];
		rels_sort_by_offset(l);
		for (size_t k = 0; k < l->v.n; k++)
			rel_write(&er->w, &l->v.v[k], image + er->offsets[i] + k * er->rel_size);
		struct shdr h = {.name = er->names[i], .type = er->w.rela ? SHT_RELA : SHT_REL, .flags = SHF_INFO_LINK,
				 .offset = er->offsets[i], .size = l->v.n * er->rel_size, .link = symtab_idx,
				 .info = er->relsecs.v[i]->index, .align = er->w.is64 ? 8 : 4, .entsize = er->rel_size};
		write_shdr(&er->w, shdrs + er->rel_index[i] * shdr_size, &h);
		free(l->v.v);
	}
	free(er->relsecs.v);
	free(er->rel_index);
	free(er->names);
	free(er->offsets);
	free(er->lists);
	free(er->w.secsym);
	for (size_t i = 0; i < er->w.groups.n; i++) {
		free(er->w.groups.v[i].members.v);
		free(er->w.groups.v[i].in_members.v);
	}
	free(er->w.groups.v);
	free(er);
}

/* The locals of `f` that its kept sections' relocations name but .symtab dropped (temporary
 * labels of merged sections): GNU ld outputs them when it meets the relocation, after the
 * file's other locals.  Returns how many were stored in *out (malloc'ed). */
size_t emit_relocs_needed_locals(struct emit_relocs *er, struct input_file *f, struct symbol ***out)
{
	(void)er;
	VEC(struct symbol *) need = {0};
	for (size_t si = 1; si < f->shnum; si++) {
		struct input_section *isec = f->sections[si];
		GElf_Shdr sh;
		if (!section_kept(isec) || isec->out->type == SHT_NOBITS || !rel_header(isec, &sh))
			continue;
		size_t n = sh.sh_size / rel_entsize(f->elfclass, sh.sh_type);
		for (size_t i = 0; i < n; i++) {
			struct rel r;
			rel_read(f, &sh, i, &r);
			if (!r.sym || r.sym >= f->first_global || r.sym >= f->nsyms)
				continue;
			struct symbol *s = f->syms[r.sym];
			if (!s || s->out_index || s->type == STT_SECTION || s->kind == SYM_UNDEF || !section_kept(s->isec))
				continue;
			uint64_t place;
			if (!place_offset(isec, r.offset, &place))
				continue;
			bool dup = false;
			for (size_t k = 0; k < need.n && !dup; k++)
				dup = need.v[k] == s;
			if (!dup)
				vec_push(need, s);
		}
	}
	*out = need.v;
	return need.n;
}
