/* Writing the output: one mapping of a temporary file beside the output, filled once
 * (headers, section bytes, relocations applied in place, symbol tables), then renamed over the
 * output only when no error was reported. */
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "layout.h"
#include "dynamic.h"
#include "oformat.h"
#include "output.h"
#include "passes.h"
#include "target.h"

/* ---- .symtab ---- */
struct out_sym {
	uint32_t name;
	uint8_t info, other;
	uint16_t shndx;
	uint64_t value, size;
};

struct symtab_out {
	VEC(struct out_sym) syms;
	struct strtab str;
	uint32_t first_global;
	bool have_tls;
	uint64_t tls_base;
};

static uint16_t osec_index(const struct output_section *os, uint64_t addr)
{
	os = osec_for_symbol(os, addr);
	return os->index ? (uint16_t)os->index : SHN_ABS;
}

/* The section index a symbol has in .symtab and .dynsym alike */
uint16_t symbol_out_shndx(const struct ctx *ctx, const struct symbol *s)
{
	if (s->kind == SYM_DEFINED) {
		if (s->isec)
			return s->isec->out && !s->isec->discarded ? osec_index(s->isec->out, symbol_address(s)) : SHN_ABS;
		return s->shndx == SHN_UNDEF ? SHN_UNDEF : SHN_ABS;
	}
	if (s->kind == SYM_SCRIPT) {
		if (symbol_in_und(ctx, s))
			return SHN_UNDEF;
		if (!s->osec && s->final_osec)
			return osec_index(s->final_osec, symbol_address(s));
		return s->osec ? osec_index(s->osec, symbol_address(s)) : SHN_ABS;
	}
	return SHN_UNDEF;
}

/* GNU ld's (and gas's) temporary label names */
static bool is_local_label(const char *name)
{
	return (name[0] == '.' && (name[1] == 'L' || name[1] == '.')) || !strncmp(name, "_.L_", 4);
}

/* Which local symbols GNU ld copies: not section symbols, not those of discarded or removed
 * sections, not temporary labels in merged sections (or anywhere with -X), none with -x. */
static bool keep_local(struct ctx *ctx, const struct symbol *s)
{
	if (s->type == STT_SECTION || s->kind == SYM_UNDEF)
		return false;
	if (s->isec && (s->isec->discarded || !s->isec->out || !s->isec->out->index))
		return false;
	/* defined in a section that is no input section (a group signature in its SHT_GROUP) */
	if (!s->isec && s->type != STT_FILE && s->shndx != SHN_ABS && s->shndx < SHN_LORESERVE)
		return false;
	if (ctx->opt.discard == DISCARD_ALL)
		return false;
	if (is_local_label(s->name) &&
	    (ctx->opt.discard == DISCARD_LOCALS_TMP || (s->isec && (s->isec->flags & SHF_MERGE))))
		return false;
	return true;
}

/* bfd's tls_sec (_bfd_elf_tls_setup): the first output section holding thread-local data.
 * False when there is none. */
bool tls_segment_base(const struct ctx *ctx, uint64_t *base)
{
	for (size_t i = 0; i < ctx->osecs.n; i++) {
		const struct output_section *os = ctx->osecs.v[i];
		if (os->index && (os->flags & SHF_TLS) && os->has_inputs) {
			*base = os->addr;
			return true;
		}
	}
	return false;
}

static void symtab_push(struct symtab_out *t, const char *name, uint8_t bind, const struct symbol *s,
			uint16_t shndx, uint64_t value)
{
	uint8_t type = s->type;
	/* a thread-local symbol's value is its offset in the TLS segment; a local one without
	 * a TLS segment loses its type (bfd's elf_link_output_extsym, elf_link_input_bfd) */
	if (type == STT_TLS && t->have_tls)
		value -= t->tls_base;
	else if (type == STT_TLS && bind == STB_LOCAL && s->kind == SYM_DEFINED)
		type = STT_NOTYPE;
	struct out_sym o = {
		.name = strtab_add(&t->str, name),
		.info = (uint8_t)GELF_ST_INFO(bind, type),
		.other = s->visibility,
		.shndx = shndx,
		.value = value,
		.size = s->size,
	};
	vec_push(t->syms, o);
}

static void symtab_build(struct ctx *ctx, struct symtab_out *t, struct emit_relocs *er)
{
	static const struct symbol file_sym = {.type = STT_FILE};
	static const struct symbol section_sym = {.type = STT_SECTION};
	bool any_file = false;
	t->have_tls = tls_segment_base(ctx, &t->tls_base);
	vec_push(t->syms, ((struct out_sym){0}));
	/* --emit-relocs: a symbol per output section first, for the relocations (bfd_elf_final_link) */
	for (size_t i = 0; er && i < ctx->osecs.n; i++) {
		struct output_section *os = ctx->osecs.v[i];
		if (!os->index)
			continue;
		emit_relocs_section_symbol(er, os->index, (uint32_t)t->syms.n);
		symtab_push(t, "", STB_LOCAL, &section_sym, (uint16_t)os->index, os->addr);
	}
	for (size_t fi = 0; fi < ctx->files.n; fi++) {
		struct input_file *f = ctx->files.v[fi];
		bool have_file = false;
		for (size_t i = 1; i < f->first_global && i < f->nsyms; i++) {
			struct symbol *s = f->syms[i];
			if (!s || !keep_local(ctx, s))
				continue;
			if (s->type == STT_FILE) {
				have_file = any_file = true;
				symtab_push(t, s->name, STB_LOCAL, s, SHN_ABS, 0);
				continue;
			}
			if (!have_file) {
				/* GNU ld names the file for locals that have no FILE symbol */
				const char *p = f->member ? f->member : f->name;
				const char *base = strrchr(p, '/');
				symtab_push(t, base ? base + 1 : p, STB_LOCAL, &file_sym, SHN_ABS, 0);
				have_file = any_file = true;
			}
			symtab_push(t, s->name, STB_LOCAL, s, s->isec ? symbol_out_shndx(ctx, s) : (uint16_t)SHN_ABS, symbol_address(s));
			s->out_index = (uint32_t)t->syms.n - 1; /* for --emit-relocs */
		}
		/* --emit-relocs: dropped locals that relocations name come back after the others */
		struct symbol **need = NULL;
		size_t nneed = er ? emit_relocs_needed_locals(er, f, &need) : 0;
		for (size_t k = 0; k < nneed; k++) {
			symtab_push(t, need[k]->name, STB_LOCAL, need[k], symbol_out_shndx(ctx, need[k]), symbol_address(need[k]));
			need[k]->out_index = (uint32_t)t->syms.n - 1;
		}
		free(need);
	}
	/* hidden and internal globals become locals of the output, after an empty FILE symbol */
	size_t n;
	struct symbol **all = symbol_hash_order(ctx, &n);
	bool file_done = false;
	for (int pass = 0; pass < 2; pass++) {
		if (pass == 1)
			t->first_global = (uint32_t)t->syms.n;
		for (size_t i = 0; i < n; i++) {
			struct symbol *s = all[i];
			if (!symbol_in_output(ctx, s))
				continue;
			/* hidden symbols become local where there is dynamic linking; the linker's own
			 * (_GLOBAL_OFFSET_TABLE_) always are */
			/* hidden symbols and VERSION `local:` matches become local in a shared object;
			 * a PIE keeps them global (GNU ld hides only dynamic symbols) */
			bool local = dynamic_forced_local(ctx, s);
			if (local != (pass == 0))
				continue;
			if (local && ctx->opt.discard == DISCARD_ALL)
				continue;
			if (local && any_file && !file_done) {
				symtab_push(t, "", STB_LOCAL, &file_sym, SHN_ABS, 0);
				file_done = true;
			}
			uint8_t bind = local ? STB_LOCAL : s->bind;
			if (s->kind == SYM_UNDEF)
				bind = s->weak_ref_only ? STB_WEAK : STB_GLOBAL;
			symtab_push(t, s->name, bind, s, symbol_out_shndx(ctx, s), symbol_address(s));
			if (local) /* GNU ld turns visibility off on symbols it makes local */
				t->syms.v[t->syms.n - 1].other &= (uint8_t)~0x3;
			s->out_index = (uint32_t)t->syms.n - 1;
		}
	}
	free(all);
}

static void symtab_write(const struct ctx *ctx, const struct symtab_out *t, uint8_t *p)
{
	for (size_t i = 0; i < t->syms.n; i++) {
		const struct out_sym *o = &t->syms.v[i];
		if (ctx->target->elfclass == ELFCLASS64) {
			Elf64_Sym e = {strtab_offset(&t->str, o->name), o->info, o->other, o->shndx, o->value, o->size};
			memcpy(p + i * sizeof(e), &e, sizeof(e));
		} else {
			Elf32_Sym e = {strtab_offset(&t->str, o->name), (Elf32_Addr)o->value, (Elf32_Word)o->size, o->info, o->other, o->shndx};
			memcpy(p + i * sizeof(e), &e, sizeof(e));
		}
	}
}

/* ---- section contents ---- */

/* Fill [from, to) of an output section: its fill pattern (big-endian, repeating from the
 * gap's start), else no-ops where an input is code, else zeros (the file starts zero-filled). */
static void fill_gap(const struct ctx *ctx, uint8_t *base, uint64_t from, uint64_t to, const struct output_section *os)
{
	if (to <= from)
		return;
	if (os->has_fill) {
		for (uint64_t i = from; i < to; i++)
			base[i] = (uint8_t)(os->fill >> (8 * (3 - ((i - from) & 3))));
	} else if (os->sec_code && ctx->target->code_fill) {
		ctx->target->code_fill(base + from, to - from);
	}
}

/* GNU ld's padding statements: each gap inside the section gets the fill in force where it
 * is (repeating from the gap's start), else the target's code fill where an input is code
 * (bfd's SEC_CODE, not the name's flags), else zeros; the
 * BYTE/LONG/... data and the input sections are not gaps */
static void write_pads(const struct ctx *ctx, uint8_t *base, const struct output_section *os)
{
	const struct layout_osec *lo = os->layout;
	/* bfd writes padding only into a section with contents (SEC_HAS_CONTENTS, from its inputs
	 * and data statements): one `.` alone made stays zeros (ldwrite.c build_link_order) */
	bool contents = lo->has_data;
	for (size_t i = 0; i < os->inputs.n && !contents; i++)
		contents = os->inputs.v[i]->type != SHT_NOBITS;
	if (!contents)
		return;
	for (size_t i = 0; i < lo->pads.n; i++) {
		const struct pad *p = &lo->pads.v[i];
		if (p->offset + p->size > os->size)
			continue;
		if (p->fill && p->fill->size) {
			for (uint64_t k = 0; k < p->size; k++)
				base[p->offset + k] = p->fill->data[k % p->fill->size];
		} else if (os->sec_code && ctx->target->code_fill) {
			ctx->target->code_fill(base + p->offset, p->size);
		}
	}
}

/* SHF_LINK_ORDER output sections: sh_link names the output section of the section their first
 * input is linked to (bfd's assign_section_numbers) */
static void link_order_links(struct ctx *ctx)
{
	for (size_t i = 0; i < ctx->osecs.n; i++) {
		struct output_section *os = ctx->osecs.v[i];
		const struct input_section *in = os->link_order_first;
		if (!os->index || !in)
			continue;
		const struct input_section *to = in->file->sections[in->link_order_to];
		if (to && !to->discarded && to->out && to->out->index)
			os->link = to->out->index;
	}
}

/* an input section's bytes at its place in the output section at `base` (relocated later) */
static void write_input(struct ctx *ctx, struct input_section *isec, uint8_t *base)
{
	uint8_t *out = base + isec->out_offset;
	if (isec->synthesize) {
		isec->synthesize(ctx, isec, out);
	} else if (isec->merge) {
		merge_write(isec, out);
	} else if (isec->reverse_copy && isec->data) {
		reverse_copy_words(isec, out, isec->data);
	} else if (isec->data && isec->type != SHT_NOBITS) {
		memcpy(out, isec->data, isec->size);
	}
}

void output_write_section(struct ctx *ctx, uint8_t *image, struct output_section *os)
{
	/* NOLOAD takes bfd's SEC_HAS_CONTENTS away: a section PHDRS made a note stays zeros */
	if (os->type == SHT_NOBITS || !os->size || os->noload)
		return;
	uint8_t *base = image + os->offset;
	if (os->layout) {
		write_pads(ctx, base, os);
		for (size_t i = 0; i < os->inputs.n; i++) {
			write_input(ctx, os->inputs.v[i], base);
		}
		for (size_t i = 0; i < os->data.n; i++) {
			const struct data_item *d = &os->data.v[i];
			for (unsigned b = 0; b < d->size; b++)
				base[d->offset + b] = (uint8_t)(d->value >> (8 * b));
		}
		return;
	}
	uint64_t pos = 0;
	for (size_t i = 0; i < os->inputs.n; i++) {
		struct input_section *isec = os->inputs.v[i];
		fill_gap(ctx, base, pos, isec->out_offset, os);
		write_input(ctx, isec, base);
		if (isec->out_offset + isec_output_size(isec) > pos)
			pos = isec->out_offset + isec_output_size(isec);
	}
	/* the gap after the last input (an assignment to `.`) is padded too */
	fill_gap(ctx, base, pos, os->size, os);
	for (size_t i = 0; i < os->data.n; i++) {
		const struct data_item *d = &os->data.v[i];
		for (unsigned b = 0; b < d->size; b++)
			base[d->offset + b] = (uint8_t)(d->value >> (8 * b));
	}
}

/* ---- headers ---- */

/* ET_DYN for -pie and -shared, but a PIE whose lowest PT_LOAD does not start at 0 (a script
 * or -Ttext-segment placed it) is ET_EXEC, as GNU ld marks it (_bfd_elf_modify_headers) */
static uint16_t elf_type(const struct ctx *ctx)
{
	if (ctx->opt.kind == OUT_EXEC)
		return ET_EXEC;
	if (ctx->opt.kind == OUT_RELOCATABLE)
		return ET_REL;
	if (ctx->opt.kind == OUT_PIE) {
		uint64_t low = UINT64_MAX;
		for (size_t i = 0; i < ctx->segments.n; i++)
			if (ctx->segments.v[i].type == PT_LOAD && ctx->segments.v[i].vaddr < low)
				low = ctx->segments.v[i].vaddr;
		if (low && low != UINT64_MAX)
			return ET_EXEC;
	}
	return ET_DYN;
}

static void write_ehdr(struct ctx *ctx, uint8_t *image, uint64_t shoff, uint16_t shnum, uint16_t shstrndx)
{
	bool is64 = ctx->target->elfclass == ELFCLASS64;
	uint16_t type = elf_type(ctx);
	unsigned char ident[EI_NIDENT] = {ELFMAG0, ELFMAG1, ELFMAG2, ELFMAG3, ctx->target->elfclass, ELFDATA2LSB, EV_CURRENT, ELFOSABI_NONE};
	uint16_t phnum = (uint16_t)ctx->segments.n;
	if (is64) {
		Elf64_Ehdr e = {0};
		memcpy(e.e_ident, ident, EI_NIDENT);
		e.e_type = type;
		e.e_machine = ctx->target->machine;
		e.e_version = EV_CURRENT;
		e.e_entry = ctx->entry_addr;
		e.e_phoff = phnum ? sizeof(Elf64_Ehdr) : 0;
		e.e_shoff = shoff;
		e.e_ehsize = sizeof(Elf64_Ehdr);
		e.e_phentsize = phnum ? sizeof(Elf64_Phdr) : 0;
		e.e_phnum = phnum;
		e.e_shentsize = sizeof(Elf64_Shdr);
		e.e_shnum = shnum;
		e.e_shstrndx = shstrndx;
		memcpy(image, &e, sizeof(e));
		for (size_t i = 0; i < ctx->segments.n; i++) {
			const struct segment *s = &ctx->segments.v[i];
			Elf64_Phdr p = {s->type, s->flags, s->offset, s->vaddr, s->paddr, s->filesz, s->memsz, s->align};
			memcpy(image + sizeof(e) + i * sizeof(p), &p, sizeof(p));
		}
	} else {
		Elf32_Ehdr e = {0};
		memcpy(e.e_ident, ident, EI_NIDENT);
		e.e_type = type;
		e.e_machine = ctx->target->machine;
		e.e_version = EV_CURRENT;
		e.e_entry = (Elf32_Addr)ctx->entry_addr;
		e.e_phoff = phnum ? sizeof(Elf32_Ehdr) : 0;
		e.e_shoff = (Elf32_Off)shoff;
		e.e_ehsize = sizeof(Elf32_Ehdr);
		e.e_phentsize = phnum ? sizeof(Elf32_Phdr) : 0;
		e.e_phnum = phnum;
		e.e_shentsize = sizeof(Elf32_Shdr);
		e.e_shnum = shnum;
		e.e_shstrndx = shstrndx;
		memcpy(image, &e, sizeof(e));
		for (size_t i = 0; i < ctx->segments.n; i++) {
			const struct segment *s = &ctx->segments.v[i];
			Elf32_Phdr p = {s->type, (Elf32_Off)s->offset, (Elf32_Addr)s->vaddr, (Elf32_Addr)s->paddr,
					(Elf32_Word)s->filesz, (Elf32_Word)s->memsz, s->flags, (Elf32_Word)s->align};
			memcpy(image + sizeof(e) + i * sizeof(p), &p, sizeof(p));
		}
	}
}

struct shdr {
	uint32_t name, type;
	uint64_t flags, addr, offset, size;
	uint32_t link, info;
	uint64_t align, entsize;
};

static void write_shdr(const struct ctx *ctx, uint8_t *p, const struct shdr *h)
{
	if (ctx->target->elfclass == ELFCLASS64) {
		Elf64_Shdr s = {h->name, h->type, h->flags, h->addr, h->offset, h->size, h->link, h->info, h->align, h->entsize};
		memcpy(p, &s, sizeof(s));
	} else {
		Elf32_Shdr s = {h->name, h->type, (Elf32_Word)h->flags, (Elf32_Addr)h->addr, (Elf32_Off)h->offset,
				(Elf32_Word)h->size, h->link, h->info, (Elf32_Word)h->align, (Elf32_Word)h->entsize};
		memcpy(p, &s, sizeof(s));
	}
}

/* ---- the file ---- */

/* ---- the output file: a temporary beside the output, mapped, renamed only on success ---- */

static char *temp_path;

static void remove_temp(void)
{
	if (temp_path)
		unlink(temp_path);
}

uint8_t *output_open(struct ctx *ctx, uint64_t size, struct output_file *of)
{
	checkpoint(ctx);
	char *dir_copy = arena_strdup(&ctx->arena, ctx->opt.output);
	char *base_copy = arena_strdup(&ctx->arena, ctx->opt.output);
	temp_path = arena_printf(&ctx->arena, "%s/.%s.slink-XXXXXX", dirname(dir_copy), basename(base_copy));
	of->fd = mkstemp(temp_path);
	if (of->fd < 0)
		fatal("cannot open output file %s: %s", ctx->opt.output, strerror(errno));
	static bool registered;
	if (!registered)
		atexit(remove_temp);
	registered = true;
	if (ftruncate(of->fd, (off_t)size) < 0)
		fatal("cannot write %s: %s", ctx->opt.output, strerror(errno));
	of->image = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED, of->fd, 0);
	if (of->image == MAP_FAILED)
		fatal("cannot map %s: %s", ctx->opt.output, strerror(errno));
	of->size = size;
	return of->image;
}

/* Errors so far: drop the temporary and stop.  Else give it `mode` and rename it over the
 * output (`keep` false: drop it anyway, another file took its place). */
void output_commit(struct ctx *ctx, struct output_file *of, mode_t mode, bool keep)
{
	if (ctx->errors || !keep) {
		munmap(of->image, of->size);
		close(of->fd);
		unlink(temp_path);
		temp_path = NULL;
		checkpoint(ctx);
		return;
	}
	if (munmap(of->image, of->size) < 0 || fchmod(of->fd, mode) < 0 || close(of->fd) < 0)
		fatal("cannot write %s: %s", ctx->opt.output, strerror(errno));
	if (rename(temp_path, ctx->opt.output) < 0)
		fatal("cannot rename %s to %s: %s", temp_path, ctx->opt.output, strerror(errno));
	temp_path = NULL;
}

void output_write(struct ctx *ctx)
{
	if (ctx_relocatable(ctx)) {
		relocatable_write(ctx); /* -r: ET_REL with rewritten relocations (relocatable.c) */
		return;
	}
	bool is64 = ctx->target->elfclass == ELFCLASS64;
	size_t shdr_size = is64 ? sizeof(Elf64_Shdr) : sizeof(Elf32_Shdr);
	size_t sym_size = is64 ? sizeof(Elf64_Sym) : sizeof(Elf32_Sym);
	uint64_t word = is64 ? 8 : 4;

	/* everything after the loadable image: symbol tables, names, section headers */
	struct symtab_out st = {0};
	bool want_symtab = ctx->opt.strip != STRIP_ALL;
	/* --emit-relocs: the sections are renumbered around their .rela.X (relocatable.c) */
	struct emit_relocs *er = want_symtab ? emit_relocs_begin(ctx) : NULL;
	if (want_symtab) {
		symtab_build(ctx, &st, er);
		strtab_finish(&st.str);
	}
	struct strtab shstr = {0};
	uint32_t nsec = 1;
	for (size_t i = 0; i < ctx->osecs.n; i++)
		if (ctx->osecs.v[i]->index)
			nsec++;
	if (er)
		nsec = emit_relocs_nsec(er);
	uint32_t symtab_idx = 0, strtab_idx = 0, shstrtab_idx;
	if (want_symtab) {
		symtab_idx = nsec++;
		strtab_idx = nsec++;
	}
	shstrtab_idx = nsec++;

	/* GNU ld enters the names of the tables it writes first */
	uint32_t n_symtab = want_symtab ? strtab_add(&shstr, ".symtab") : 0;
	uint32_t n_strtab = want_symtab ? strtab_add(&shstr, ".strtab") : 0;
	uint32_t n_shstrtab = strtab_add(&shstr, ".shstrtab");
	uint32_t *names = xcalloc(ctx->osecs.n + 1, sizeof(*names));
	for (size_t i = 0; i < ctx->osecs.n; i++) {
		if (!ctx->osecs.v[i]->index)
			continue;
		names[i] = strtab_add(&shstr, ctx->osecs.v[i]->name);
		if (er)
			emit_relocs_name_for(er, ctx->osecs.v[i], &shstr);
	}
	strtab_finish(&shstr);
	if (er)
		emit_relocs_names(er, &shstr, true);
	for (size_t i = 0; i < ctx->osecs.n; i++)
		names[i] = strtab_offset(&shstr, names[i]);
	n_symtab = strtab_offset(&shstr, n_symtab);
	n_strtab = strtab_offset(&shstr, n_strtab);
	n_shstrtab = strtab_offset(&shstr, n_shstrtab);

	uint64_t off = ctx->image_end;
	uint64_t symtab_off = 0, strtab_off = 0;
	if (want_symtab) {
		symtab_off = off = align_to(off, word);
		off += st.syms.n * sym_size;
		strtab_off = off;
		off += st.str.buf.n;
	}
	if (er)
		off = emit_relocs_layout(er, off);
	uint64_t shstrtab_off = off;
	off += shstr.buf.n;
	uint64_t shoff = align_to(off, word);
	uint64_t file_size = shoff + (uint64_t)nsec * shdr_size;

	struct output_file of;
	uint8_t *image = output_open(ctx, file_size, &of);

	for (size_t i = 0; i < ctx->osecs.n; i++)
		if (ctx->osecs.v[i]->index)
			output_write_section(ctx, image, ctx->osecs.v[i]);
	relocs_apply(ctx, image);
	/* -pie/-shared: .dynsym, .dynamic, .rela.dyn, ... (need the applied relocations) */
	dynamic_finish(ctx, image);
	if (want_symtab) {
		symtab_write(ctx, &st, image + symtab_off);
		memcpy(image + strtab_off, st.str.buf.v, st.str.buf.n);
	}
	memcpy(image + shstrtab_off, shstr.buf.v, shstr.buf.n);

	uint8_t *sh = image + shoff;
	dynamic_link_reloc_sections(ctx, symtab_idx);
	link_order_links(ctx);
	for (size_t i = 0; i < ctx->osecs.n; i++) {
		struct output_section *os = ctx->osecs.v[i];
		if (!os->index)
			continue;
		struct shdr h = {names[i], os->type, os->flags | (os->name_alloc ? SHF_ALLOC : 0), os->addr, os->offset, os->size,
				 os->link, os->info, shdr_addralign(os), os->entsize};
		write_shdr(ctx, sh + os->index * shdr_size, &h);
	}
	if (want_symtab) {
		struct shdr h = {n_symtab, SHT_SYMTAB, 0, 0, symtab_off, st.syms.n * sym_size, strtab_idx,
				 st.first_global, word, sym_size};
		write_shdr(ctx, sh + symtab_idx * shdr_size, &h);
		struct shdr s = {n_strtab, SHT_STRTAB, 0, 0, strtab_off, st.str.buf.n, 0, 0, 1, 0};
		write_shdr(ctx, sh + strtab_idx * shdr_size, &s);
	}
	struct shdr h = {n_shstrtab, SHT_STRTAB, 0, 0, shstrtab_off, shstr.buf.n, 0, 0, 1, 0};
	write_shdr(ctx, sh + shstrtab_idx * shdr_size, &h);
	if (er)
		emit_relocs_write(er, image, sh, symtab_idx);
	write_ehdr(ctx, image, shoff, (uint16_t)nsec, (uint16_t)shstrtab_idx);
	/* GNU ld marks the file ELFOSABI_GNU when it uses STB_GNU_UNIQUE or STT_GNU_IFUNC */
	for (size_t i = 0; i < st.syms.n; i++)
		if (GELF_ST_BIND(st.syms.v[i].info) == STB_GNU_UNIQUE || GELF_ST_TYPE(st.syms.v[i].info) == STT_GNU_IFUNC)
			image[EI_OSABI] = ELFOSABI_GNU;

	/* the build-id hashes the finished file, so it comes last */
	build_id_write(ctx, image, file_size);

	free(names);
	free(st.syms.v);
	strtab_free(&st.str);
	strtab_free(&shstr);
	/* --oformat binary, ihex, srec...: the finished ELF image is converted into its own
	 * temporary file and renamed over the output; this ELF temporary goes away */
	bool elf = oformat_is_elf(ctx);
	if (!elf && !ctx->errors && !oformat_convert(ctx, image, file_size) && !ctx->errors)
		error(ctx, "cannot write %s in format %s", ctx->opt.output, ctx->opt.oformat ? ctx->opt.oformat : "binary");
	output_commit(ctx, &of, 0755, elf);
}
