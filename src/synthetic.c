/* Sections and symbols the linker makes itself: the GOT, the build-id note, and
 * _GLOBAL_OFFSET_TABLE_.  They are input sections of an internal file, so the script places
 * them like any other input (`*(.got)`). */
#include <stdlib.h>

#include "dynamic.h"
#include "passes.h"
#include "target.h"
#include "hash.h"
#include "oformat.h"

static struct input_file *internal_file(struct ctx *ctx)
{
	if (ctx->internal)
		return ctx->internal;
	struct input_file *f = arena_alloc(&ctx->arena, sizeof(*f));
	f->name = f->path = "<internal>";
	f->synthetic = true;
	f->shnum = 1;
	f->sections = arena_alloc(&ctx->arena, MAX_LINKER_SECTIONS * sizeof(*f->sections));
	f->order = ctx->file_order++;
	ctx->internal = f;
	vec_push(ctx->files, f);
	return f;
}

static struct input_section *add_section(struct ctx *ctx, const char *name, uint32_t type, uint64_t flags,
					 uint64_t size, uint64_t align,
					 void (*synthesize)(struct ctx *, struct input_section *, uint8_t *))
{
	struct input_file *f = internal_file(ctx);
	struct input_section *s = arena_alloc(&ctx->arena, sizeof(*s));
	s->file = f;
	s->name = name;
	s->type = type;
	s->flags = flags;
	s->size = size;
	s->align = align;
	s->synthesize = synthesize;
	if (f->shnum >= MAX_LINKER_SECTIONS)
		fatal("internal error: more than %d linker-made sections", MAX_LINKER_SECTIONS);
	s->index = (uint32_t)f->shnum;
	f->sections[f->shnum++] = s;
	return s;
}

/* for linker-made sections of other passes (eh_frame.c's .eh_frame_hdr) */
struct input_section *synthetic_add_section(struct ctx *ctx, const char *name, uint32_t type, uint64_t flags,
					    uint64_t size, uint64_t align,
					    void (*synthesize)(struct ctx *, struct input_section *, uint8_t *))
{
	return add_section(ctx, name, type, flags, size, align, synthesize);
}

/* ---- .got: one address per symbol, resolved at link time (static output) ---- */

static void write_got(struct ctx *ctx, struct input_section *isec, uint8_t *out)
{
	(void)isec;
	uint32_t es = ctx->target->got_entry_size;
	for (size_t i = 0; i < ctx->got_syms.n; i++) {
		struct symbol *s = ctx->got_syms.v[i];
		uint64_t v = symbol_address(s);
		if (es == 8)
			wr64(out + i * es, v);
		else
			wr32(out + i * es, v);
	}
}

static void write_got_plt(struct ctx *ctx, struct input_section *isec, uint8_t *out)
{
	(void)isec;
	/* GOT[0] is the address of _DYNAMIC (the linker's .dynamic): 0 without dynamic linking */
	const struct symbol *d = dynamic_active(ctx) ? symbol_find(ctx, "_DYNAMIC") : NULL;
	if (!d || d->kind != SYM_DEFINED || !d->isec || d->isec->file != ctx->dynamic)
		return;
	if (ctx->target->elfclass == ELFCLASS64)
		wr64(out, symbol_address(d));
	else
		wr32(out, (uint32_t)symbol_address(d));
}

/* GNU ld gives GOT slots to local symbols first, then to globals in its symbol-table order. */
static void assign_got_slots(struct ctx *ctx)
{
	for (size_t fi = 0; fi < ctx->files.n; fi++) {
		struct input_file *f = ctx->files.v[fi];
		for (size_t i = 1; i < f->first_global && i < f->nsyms; i++) {
			struct symbol *s = f->syms[i];
			if (s && s->needs_got && !s->got_assigned) {
				s->got_assigned = true;
				s->got_index = (uint32_t)ctx->got_syms.n;
				vec_push(ctx->got_syms, s);
			}
		}
	}
	size_t n;
	struct symbol **all = symbol_hash_order(ctx, &n);
	for (size_t i = 0; i < n; i++) {
		struct symbol *s = all[i];
		if (s->needs_got && !s->got_assigned) {
			s->got_assigned = true;
			s->got_index = (uint32_t)ctx->got_syms.n;
			vec_push(ctx->got_syms, s);
		}
	}
	free(all);
}

/* ---- build-id ---- */

/* --build-id=0xHEX: pairs of hex digits, '-' and ':' allowed between them */
static size_t hex_id(const char *style, uint8_t *out)
{
	size_t n = 0;
	for (const char *p = style + 2; *p;) {
		if (*p == '-' || *p == ':') {
			p++;
			continue;
		}
		unsigned v;
		if (sscanf(p, "%2x", &v) != 1 || !p[1])
			return 0;
		if (out)
			out[n] = (uint8_t)v;
		n++;
		p += 2;
	}
	return n;
}

static size_t build_id_size(const char *style)
{
	if (!strcmp(style, "md5") || !strcmp(style, "uuid"))
		return 16;
	if (!strcmp(style, "sha1"))
		return 20;
	if (!strncmp(style, "0x", 2))
		return hex_id(style, NULL);
	return 0;
}

static void write_build_id_note(struct ctx *ctx, struct input_section *isec, uint8_t *out)
{
	(void)isec;
	size_t n = build_id_size(ctx->opt.build_id);
	wr32(out, 4);
	wr32(out + 4, n);
	wr32(out + 8, NT_GNU_BUILD_ID);
	memcpy(out + 12, "GNU", 4);
	ctx->build_id_out = isec;
}

/* GNU ld's x86 backend makes these in the first input object of every ELF executable, PIE and
 * shared object, used or not (_bfd_elf_create_got_section, _bfd_elf_create_ifunc_sections); empty ones are
 * stripped late, after they were mapped, aligned their output sections and were placed as
 * orphans.  NULL where the link makes none. */
static bool makes_x86_linker_sections(const struct ctx *ctx)
{
	uint16_t m = ctx->target->machine;
	if (ctx->opt.kind == OUT_RELOCATABLE || !oformat_is_elf(ctx) || (m != EM_X86_64 && m != EM_386))
		return false;
	for (size_t i = 0; i < ctx->files.n; i++)
		if (!ctx->files.v[i]->synthetic)
			return true;
	return false;
}

static struct input_section *add_empty(struct ctx *ctx, const char *name, uint32_t type, uint64_t flags,
				       uint64_t align)
{
	struct input_section *s = add_section(ctx, name, type, flags, 0, align, NULL);
	s->strip_if_empty = true;
	return s;
}

void synthetic_create(struct ctx *ctx)
{
	const struct target *t = ctx->target;
	assign_got_slots(ctx);
	/* GNU ld makes the note in its ELF emulation's after_open, which a non-ELF output skips */
	if (ctx->opt.build_id && build_id_size(ctx->opt.build_id) && oformat_is_elf(ctx)) {
		size_t n = build_id_size(ctx->opt.build_id);
		add_section(ctx, ".note.gnu.build-id", SHT_NOTE, SHF_ALLOC, 16 + n, 4, write_build_id_note);
	}
	bool x86 = makes_x86_linker_sections(ctx);
	uint32_t rel_type = t->rela ? SHT_RELA : SHT_REL;
	uint64_t word = t->got_entry_size;
	if (x86)
		add_empty(ctx, t->rela ? ".rela.got" : ".rel.got", rel_type, SHF_ALLOC, word)->entsize =
			t->rela ? 3 * word : 2 * word;
	if (ctx->got_syms.n)
		ctx->got = add_section(ctx, ".got", SHT_PROGBITS, SHF_ALLOC | SHF_WRITE, ctx->got_syms.n * t->got_entry_size,
				       t->got_entry_size, write_got);
	else if (x86)
		add_empty(ctx, ".got", SHT_PROGBITS, SHF_ALLOC | SHF_WRITE, word);
	struct symbol *gotsym = symbol_find(ctx, "_GLOBAL_OFFSET_TABLE_");
	/* a mere symbol-table reference (gas adds one for any GOT relocation) does not count:
	 * GNU ld keeps .got.plt only when a relocation is against the symbol (got_referenced) */
	bool got_sym_used = !ctx_relocatable(ctx) && gotsym && ctx->got_referenced && gotsym->kind == SYM_UNDEF;
	if (ctx->got_syms.n || got_sym_used)
		ctx->got_plt = add_section(ctx, ".got.plt", SHT_PROGBITS, SHF_ALLOC | SHF_WRITE,
					   (uint64_t)t->gotplt_reserved * t->got_entry_size, t->got_entry_size, write_got_plt);
	if (ctx->got_plt)
		ctx->got_plt->entsize = t->got_entry_size;
	else if (ctx->needs_got_base && x86 && !got_sym_used)
		/* GOT-relative references with no GOT and no relocation against
		 * _GLOBAL_OFFSET_TABLE_: bfd strips the empty .got.plt, which still has its place,
		 * the base (elfxx-x86.c) */
		ctx->got_plt = add_empty(ctx, ".got.plt", SHT_PROGBITS, SHF_ALLOC | SHF_WRITE, word);
	else if (ctx->needs_got_base)
		/* GOT-relative references with no GOT: the base is where .got.plt would be */
		ctx->got_plt = add_section(ctx, ".got.plt", SHT_PROGBITS, SHF_ALLOC | SHF_WRITE, 0, t->got_entry_size, NULL);
	else if (x86)
		add_empty(ctx, ".got.plt", SHT_PROGBITS, SHF_ALLOC | SHF_WRITE, word);
	/* bfd's _bfd_elf_create_ifunc_sections: PIC output gets .rela.ifunc instead */
	if (x86 && (ctx->opt.kind == OUT_PIE || ctx->opt.kind == OUT_SHARED)) {
		add_empty(ctx, t->rela ? ".rela.ifunc" : ".rel.ifunc", rel_type, SHF_ALLOC, word)->entsize =
			t->rela ? 3 * word : 2 * word;
	} else if (x86) {
		add_empty(ctx, ".iplt", SHT_PROGBITS, SHF_ALLOC | SHF_EXECINSTR, 1); /* aligned once it has entries */
		add_empty(ctx, t->rela ? ".rela.iplt" : ".rel.iplt", rel_type, SHF_ALLOC, word)->entsize =
			t->rela ? 3 * word : 2 * word;
		add_empty(ctx, ".igot.plt", SHT_PROGBITS, SHF_ALLOC | SHF_WRITE, word);
	}
	if (gotsym && ctx->got_plt && !ctx->got_plt->strip_if_empty && gotsym->kind == SYM_UNDEF) {
		gotsym->kind = SYM_DEFINED;
		gotsym->isec = ctx->got_plt;
		gotsym->value = 0;
		gotsym->type = STT_OBJECT;
		gotsym->forced_local = true; /* local to the output, default visibility */
		gotsym->file = ctx->internal;
	} else if (gotsym && x86 && gotsym->kind == SYM_UNDEF && !got_sym_used) {
		/* bfd defined it in .got.plt and, that being unused, makes it an undefined symbol no
		 * object refers to (elfxx-x86.c): in neither .symtab nor .dynsym */
		gotsym->referenced = false;
	}
	/* .eh_frame_hdr: sized by eh_frame_process, filled at write time (eh_frame.c) */
	eh_frame_hdr_create(ctx);
}

/* Which global symbols go into the output .symtab. */
bool symbol_in_output(struct ctx *ctx, const struct symbol *s)
{
	switch (s->kind) {
	case SYM_DEFINED:
		if (merge_symbol_excluded(s))
			return false;
		/* not one in a .gnu.warning section (bfd's SEC_EXCLUDE), unless its output section
		 * went away and bfd moved it to another (_bfd_fix_excluded_sec_syms) */
		if (s->isec && !strcmp(s->isec->name, ".gnu.warning") && !ctx_relocatable(ctx) && s->isec->out &&
		    s->isec->out->index)
			return false;
		return !s->isec || !s->isec->discarded || s->isec->out;
	case SYM_SCRIPT:
		/* a copy of such a symbol that HIDDEN() makes local is stripped too */
		if (s->forced_local && !s->dropped_def && symbol_in_und(ctx, s) && !ctx_relocatable(ctx))
			return false;
		/* bfd strips a symbol defined in *UND* unless marked (-u, the entry, a relocation
		 * --gc-sections kept) or needed by an output relocation (elflink.c
		 * elf_link_output_extsym) */
		return !s->dropped_def || s->cmdline_ref || (s->gc_marked && !s->forced_local) || ctx_relocatable(ctx) ||
		       (ctx->opt.emit_relocs && s->used_by_reloc) || dynamic_exports(ctx, s);
	case SYM_UNDEF:
		if (s->discarded_def)
			return false; /* bfd strips it, whatever refers to it */
		/* a static executable keeps no undefined weak symbols */
		/* ... unless a relocation kept by --emit-relocs names them */
		/* a shared object keeps every undefined symbol an object mentions: it is dynamic */
		/* ... and an executable none it left unresolved (--unresolved-symbols=ignore-all),
		 * unless marked (-u, --gc-sections reaching it) */
		if (ctx->opt.kind == OUT_EXEC && !s->weak_ref_only && !s->cmdline_ref && !s->gc_marked &&
		    !(ctx->opt.emit_relocs && s->used_by_reloc))
			return false;
		return (s->used_by_reloc || s->cmdline_ref || (ctx->opt.kind == OUT_SHARED && s->referenced)) &&
		       !(s->weak_ref_only && ctx->opt.kind == OUT_EXEC && !(ctx->opt.emit_relocs && s->used_by_reloc));
	default:
		return false;
	}
}

/* The build-id hashes the finished image the way GNU ld does (hash.h), so it comes last. */
void build_id_write(struct ctx *ctx, uint8_t *image, uint64_t size)
{
	struct input_section *isec = ctx->build_id_out;
	if (!isec || !isec->out)
		return;
	size_t n = build_id_size(ctx->opt.build_id);
	uint64_t note = isec->out->offset + isec->out_offset;
	uint8_t *desc = image + note + 16;
	const char *style = ctx->opt.build_id;
	if (!strncmp(style, "0x", 2)) {
		hex_id(style, desc);
	} else if (!strcmp(style, "uuid")) {
		FILE *r = fopen("/dev/urandom", "rb");
		if (!r || fread(desc, 1, 16, r) != 16)
			error(ctx, "cannot read /dev/urandom for --build-id=uuid");
		if (r)
			fclose(r);
	} else if (!gnu_build_id_digest(style, image, size, note, 16 + n, desc)) {
		error(ctx, "cannot compute the build-id of %s", ctx->opt.output);
	}
}

/* GNU ld's x86 backend cannot fill in a .got.plt with contents that /DISCARD/ took */
void synthetic_check_discarded(struct ctx *ctx)
{
	if (ctx->got_plt && ctx->got_plt->size && !ctx->got_plt->out && makes_x86_linker_sections(ctx))
		error(ctx, "discarded output section: `%s'", ctx->got_plt->name);
}

/* __ehdr_start, referenced and defined by nothing: GNU ld defines it (hidden, so never
 * dynamic) at the file header, once it knows a PT_LOAD holds the headers (ldlang.c
 * lang_symbol_tweaks, elf.c assign_file_positions_for_load_sections).  Defined from here on
 * so the relocation scan sees a local symbol; placed by synthetic_place_ehdr_start. */
void synthetic_define_symbols(struct ctx *ctx)
{
	struct symbol *s = symbol_find(ctx, "__ehdr_start");
	if (ctx_relocatable(ctx) || !s || s->kind != SYM_UNDEF)
		return;
	s->kind = SYM_SCRIPT;
	s->osec = NULL;
	s->value = 0;
	s->file = NULL;
	s->visibility = STV_HIDDEN;
	s->forced_local = true;
	s->rel_from_abs = true; /* an address: a PIE relocates it */
	ctx->ehdr_start = s;
}

void synthetic_place_ehdr_start(struct ctx *ctx)
{
	struct symbol *s = ctx->ehdr_start;
	if (!s)
		return;
	const struct target *t = ctx->target;
	uint64_t phsize = ctx->segments.n * (t->elfclass == ELFCLASS64 ? sizeof(Elf64_Phdr) : sizeof(Elf32_Phdr));
	uint64_t ehsize = t->elfclass == ELFCLASS64 ? sizeof(Elf64_Ehdr) : sizeof(Elf32_Ehdr);
	const struct segment *hdr = NULL, *first_load = NULL;
	for (size_t i = 0; i < ctx->segments.n; i++) {
		const struct segment *sg = &ctx->segments.v[i];
		if (sg->type != PT_LOAD)
			continue;
		if (!hdr && sg->offset == 0 && sg->filesz >= ehsize + phsize)
			hdr = sg;
		if (!first_load && sg->first)
			first_load = sg;
	}
	const struct output_section *in = hdr && hdr->first ? hdr->first : first_load ? first_load->first : NULL;
	if (!hdr || !in) {
		/* no loaded headers: it stays undefined, as in GNU ld, and a strong reference to
		 * it is an undefined one */
		s->kind = SYM_UNDEF;
		s->forced_local = false;
		relocs_report_undefined_refs(ctx, s);
		return;
	}
	s->osec = (struct output_section *)in;
	s->value = hdr->vaddr - in->addr;
}
