/* Non-ELF inputs selected with -b FORMAT (--format=FORMAT).
 *
 * Each is turned into an in-memory ELF relocatable object of the link's target and handed to
 * object_load(), so every later pass treats it like any other object:
 *   binary   GNU ld's binary bfd: one `.data` section (SHF_ALLOC|SHF_WRITE, alignment 1)
 *            holding the file, and the globals _binary_<name>_start (.data+0),
 *            _binary_<name>_end (.data+size) and _binary_<name>_size (absolute size), <name>
 *            being the path as given with every character but [A-Za-z0-9] turned into `_`.
 *   ihex, srec, symbolsrec, tekhex
 *            read through libbfd: its sections (GNU ld names them .sec1, .sec2, ...) and
 *            symbols.  These have no architecture; GNU ld refuses them unless
 *            --accept-unknown-input-arch, and so does slink. */
#define PACKAGE "slink"
#define PACKAGE_VERSION "1"
#include <bfd.h>

#include <stdlib.h>

#include "oformat.h"
#include "passes.h"
#include "target.h"

/* ---- an ELF relocatable object built in memory ---- */

struct obj_sec {
	const char *name;
	uint32_t type;      /* SHT_PROGBITS or SHT_NOBITS */
	uint64_t flags;     /* SHF_* */
	uint64_t align;
	uint64_t size;
	const uint8_t *data;
};

struct obj_sym {
	const char *name;
	uint32_t shndx;     /* 1-based index into the sections, or SHN_ABS / SHN_UNDEF */
	uint64_t value;
	uint8_t bind, type;
};

struct charbuf VEC_BODY(char);

struct obj_builder {
	VEC(struct obj_sec) secs;
	VEC(struct obj_sym) syms;
	struct charbuf strtab;
	struct charbuf shstrtab;
};

static uint32_t str_add(struct charbuf *v, const char *s)
{
	if (!v->n)
		vec_push(*v, '\0');
	uint32_t off = (uint32_t)v->n;
	for (const char *p = s; *p; p++)
		vec_push(*v, *p);
	vec_push(*v, '\0');
	return off;
}

static void put(uint8_t *image, uint64_t off, const void *p, size_t n)
{
	memcpy(image + off, p, n);
}

/* Lay out: ELF header, section contents, .symtab, .strtab, .shstrtab, section headers. */
static uint8_t *obj_build(struct ctx *ctx, const struct target *t, struct obj_builder *b, size_t *size_out)
{
	bool is64 = t->elfclass == ELFCLASS64;
	size_t ehsize = is64 ? sizeof(Elf64_Ehdr) : sizeof(Elf32_Ehdr);
	size_t shsize = is64 ? sizeof(Elf64_Shdr) : sizeof(Elf32_Shdr);
	size_t symsize = is64 ? sizeof(Elf64_Sym) : sizeof(Elf32_Sym);
	uint64_t word = is64 ? 8 : 4;
	size_t nsec = b->secs.n;
	uint32_t symtab_idx = (uint32_t)nsec + 1, strtab_idx = symtab_idx + 1, shstrtab_idx = strtab_idx + 1;
	uint32_t shnum = shstrtab_idx + 1;

	uint32_t *sec_name = xcalloc(nsec + 1, sizeof(*sec_name));
	uint64_t *sec_off = xcalloc(nsec + 1, sizeof(*sec_off));
	for (size_t i = 0; i < nsec; i++)
		sec_name[i] = str_add(&b->shstrtab, b->secs.v[i].name);
	uint32_t n_symtab = str_add(&b->shstrtab, ".symtab");
	uint32_t n_strtab = str_add(&b->shstrtab, ".strtab");
	uint32_t n_shstrtab = str_add(&b->shstrtab, ".shstrtab");

	/* symbols: null, one section symbol per section, then the given ones */
	size_t nlocal = 1 + nsec;
	for (size_t i = 0; i < b->syms.n; i++)
		if (b->syms.v[i].bind == STB_LOCAL)
			nlocal++;
	size_t nsyms = 1 + nsec + b->syms.n;
	uint32_t *sym_name = xcalloc(b->syms.n + 1, sizeof(*sym_name));
	str_add(&b->strtab, "");
	for (size_t i = 0; i < b->syms.n; i++)
		sym_name[i] = str_add(&b->strtab, b->syms.v[i].name);

	uint64_t off = ehsize;
	for (size_t i = 0; i < nsec; i++) {
		const struct obj_sec *s = &b->secs.v[i];
		off = align_to(off, s->align);
		sec_off[i] = off;
		if (s->type != SHT_NOBITS)
			off += s->size;
	}
	uint64_t symtab_off = off = align_to(off, word);
	off += nsyms * symsize;
	uint64_t strtab_off = off;
	off += b->strtab.n;
	uint64_t shstrtab_off = off;
	off += b->shstrtab.n;
	uint64_t shoff = off = align_to(off, word);
	off += shnum * shsize;

	uint8_t *image = arena_alloc(&ctx->arena, off);
	memset(image, 0, off);
	*size_out = off;

	unsigned char ident[EI_NIDENT] = {ELFMAG0, ELFMAG1, ELFMAG2, ELFMAG3, t->elfclass, ELFDATA2LSB, EV_CURRENT};
	if (is64) {
		Elf64_Ehdr e = {.e_type = ET_REL, .e_machine = t->machine, .e_version = EV_CURRENT,
				.e_shoff = shoff, .e_ehsize = (uint16_t)ehsize, .e_shentsize = (uint16_t)shsize,
				.e_shnum = (uint16_t)shnum, .e_shstrndx = (uint16_t)shstrtab_idx};
		memcpy(e.e_ident, ident, EI_NIDENT);
		put(image, 0, &e, sizeof(e));
	} else {
		Elf32_Ehdr e = {.e_type = ET_REL, .e_machine = t->machine, .e_version = EV_CURRENT,
				.e_shoff = (Elf32_Off)shoff, .e_ehsize = (uint16_t)ehsize, .e_shentsize = (uint16_t)shsize,
				.e_shnum = (uint16_t)shnum, .e_shstrndx = (uint16_t)shstrtab_idx};
		memcpy(e.e_ident, ident, EI_NIDENT);
		put(image, 0, &e, sizeof(e));
	}
	for (size_t i = 0; i < nsec; i++)
		if (b->secs.v[i].type != SHT_NOBITS && b->secs.v[i].size)
			put(image, sec_off[i], b->secs.v[i].data, b->secs.v[i].size);

	/* the symbol table */
	size_t k = 1;
	for (int pass = 0; pass < 3; pass++) {
		size_t count = pass == 0 ? nsec : b->syms.n;
		for (size_t i = 0; i < count; i++) {
			uint32_t name = 0, shndx;
			uint64_t value = 0;
			uint8_t info;
			if (pass == 0) {
				shndx = (uint32_t)i + 1;
				info = GELF_ST_INFO(STB_LOCAL, STT_SECTION);
			} else {
				const struct obj_sym *s = &b->syms.v[i];
				if ((s->bind == STB_LOCAL) != (pass == 1))
					continue;
				name = sym_name[i];
				shndx = s->shndx;
				value = s->value;
				info = GELF_ST_INFO(s->bind, s->type);
			}
			uint64_t at = symtab_off + k++ * symsize;
			if (is64) {
				Elf64_Sym e = {name, info, STV_DEFAULT, (uint16_t)shndx, value, 0};
				put(image, at, &e, sizeof(e));
			} else {
				Elf32_Sym e = {name, (Elf32_Addr)value, 0, info, STV_DEFAULT, (uint16_t)shndx};
				put(image, at, &e, sizeof(e));
			}
		}
	}
	put(image, strtab_off, b->strtab.v, b->strtab.n);
	put(image, shstrtab_off, b->shstrtab.v, b->shstrtab.n);

	/* section headers */
	for (uint32_t i = 1; i < shnum; i++) {
		uint32_t name, type, link = 0, info = 0;
		uint64_t flags = 0, offset, sz, align, entsize = 0;
		if (i <= nsec) {
			const struct obj_sec *s = &b->secs.v[i - 1];
			name = sec_name[i - 1], type = s->type, flags = s->flags, offset = sec_off[i - 1];
			sz = s->size, align = s->align;
		} else if (i == symtab_idx) {
			name = n_symtab, type = SHT_SYMTAB, offset = symtab_off, sz = nsyms * symsize;
			align = word, entsize = symsize, link = strtab_idx, info = (uint32_t)nlocal;
		} else if (i == strtab_idx) {
			name = n_strtab, type = SHT_STRTAB, offset = strtab_off, sz = b->strtab.n, align = 1;
		} else {
			name = n_shstrtab, type = SHT_STRTAB, offset = shstrtab_off, sz = b->shstrtab.n, align = 1;
		}
		uint64_t at = shoff + i * shsize;
		if (is64) {
			Elf64_Shdr h = {name, type, flags, 0, offset, sz, link, info, align, entsize};
			put(image, at, &h, sizeof(h));
		} else {
			Elf32_Shdr h = {name, type, (Elf32_Word)flags, 0, (Elf32_Off)offset, (Elf32_Word)sz,
					link, info, (Elf32_Word)align, (Elf32_Word)entsize};
			put(image, at, &h, sizeof(h));
		}
	}
	free(sec_name);
	free(sec_off);
	free(sym_name);
	free(b->secs.v);
	free(b->syms.v);
	free(b->strtab.v);
	free(b->shstrtab.v);
	return image;
}

/* The target a foreign object is made for: the link's, once known (-m or an earlier ELF
 * input); else the one GNU ld's default emulation would write (elf_x86_64, or elf32-i386 when
 * the output format asks for it). */
static const struct target *foreign_target(struct ctx *ctx)
{
	if (ctx->target)
		return ctx->target;
	const char *of = oformat_name(ctx);
	if (of && !strcmp(of, "elf32-i386"))
		return &target_i386;
	return &target_x86_64;
}

/* ---- -b binary ---- */

/* GNU ld's bfd/binary.c mangle_name: "_binary_<path>_<suffix>", every character that is not
 * an ASCII letter or digit turned into '_'. */
static const char *binary_symbol(struct ctx *ctx, const char *path, const char *suffix)
{
	char *s = arena_printf(&ctx->arena, "_binary_%s_%s", path, suffix);
	for (char *p = s; *p; p++) {
		unsigned char c = (unsigned char)*p;
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))
			*p = '_';
	}
	return s;
}

static void load_binary(struct ctx *ctx, const char *path, const uint8_t *data, size_t size)
{
	struct obj_builder b = {0};
	vec_push(b.secs, ((struct obj_sec){".data", SHT_PROGBITS, SHF_ALLOC | SHF_WRITE, 1, size, data}));
	vec_push(b.syms, ((struct obj_sym){binary_symbol(ctx, path, "start"), 1, 0, STB_GLOBAL, STT_NOTYPE}));
	vec_push(b.syms, ((struct obj_sym){binary_symbol(ctx, path, "end"), 1, size, STB_GLOBAL, STT_NOTYPE}));
	vec_push(b.syms, ((struct obj_sym){binary_symbol(ctx, path, "size"), SHN_ABS, size, STB_GLOBAL, STT_NOTYPE}));
	size_t n;
	uint8_t *image = obj_build(ctx, foreign_target(ctx), &b, &n);
	object_load(ctx, path, NULL, NULL, image, n);
}

/* ---- formats read through libbfd ---- */

static const char *const bfd_inputs[] = {"ihex", "srec", "symbolsrec", "tekhex"};

static void load_bfd(struct ctx *ctx, const char *path, const char *format, const uint8_t *data, size_t size)
{
	const struct target *t = foreign_target(ctx);
	oformat_bfd_init(ctx);
	FILE *mf = fmemopen((void *)(uintptr_t)data, size, "rb");
	bfd *abfd = mf ? bfd_openstreamr(path, format, mf) : NULL;
	if (!abfd) {
		if (mf)
			fclose(mf);
		error(ctx, "%s: cannot open as %s: %s", path, format, bfd_errmsg(bfd_get_error()));
		return;
	}
	if (!bfd_check_format(abfd, bfd_object)) {
		error(ctx, "%s: file format not recognized (as %s): %s", path, format, bfd_errmsg(bfd_get_error()));
		bfd_close_all_done(abfd);
		return;
	}
	/* GNU ld's lang_check: an input with no architecture only with --accept-unknown-input-arch */
	if (bfd_get_arch(abfd) == bfd_arch_unknown && !ctx->opt.accept_unknown_input_arch) {
		error(ctx, "unknown architecture of input file `%s' is incompatible with %s output", path, t->arch_name);
		bfd_close_all_done(abfd);
		return;
	}

	struct obj_builder b = {0};
	size_t nsec = 0;
	for (asection *s = abfd->sections; s; s = s->next)
		s->index = (unsigned)++nsec; /* our 1-based ELF section index */
	bool ok = true;
	for (asection *s = abfd->sections; s && ok; s = s->next) {
		flagword f = bfd_section_flags(s);
		bfd_size_type sz = bfd_section_size(s);
		uint8_t *bytes = NULL;
		bool contents = (f & SEC_HAS_CONTENTS) != 0;
		if (contents && sz) {
			bytes = arena_alloc(&ctx->arena, sz);
			if (!bfd_get_section_contents(abfd, s, bytes, 0, sz)) {
				error(ctx, "%s: cannot read section %s: %s", path, bfd_section_name(s), bfd_errmsg(bfd_get_error()));
				ok = false;
			}
		}
		/* bfd's section flags as elf.c's elf_fake_sections turns them into ELF ones */
		uint64_t flags = 0;
		if (f & SEC_ALLOC)
			flags |= SHF_ALLOC;
		if (!(f & SEC_READONLY))
			flags |= SHF_WRITE;
		if (f & SEC_CODE)
			flags |= SHF_EXECINSTR;
		vec_push(b.secs, ((struct obj_sec){arena_strdup(&ctx->arena, bfd_section_name(s)),
						   contents ? SHT_PROGBITS : SHT_NOBITS, flags,
						   (uint64_t)1 << bfd_section_alignment(s), sz, bytes}));
	}
	long need = ok ? bfd_get_symtab_upper_bound(abfd) : 0;
	if (need > 0) {
		asymbol **syms = xcalloc((size_t)need, 1);
		long nsyms = bfd_canonicalize_symtab(abfd, syms);
		for (long i = 0; i < nsyms; i++) {
			asymbol *sym = syms[i];
			if (sym->flags & (BSF_SECTION_SYM | BSF_FILE | BSF_DEBUGGING))
				continue;
			uint32_t shndx = bfd_is_abs_section(sym->section) ? SHN_ABS
				       : bfd_is_und_section(sym->section) ? SHN_UNDEF
				       : sym->section->owner == abfd ? sym->section->index : SHN_ABS;
			uint8_t bind = (sym->flags & BSF_WEAK) ? STB_WEAK
				     : (sym->flags & BSF_GLOBAL) || shndx == SHN_UNDEF ? STB_GLOBAL : STB_LOCAL;
			uint8_t type = (sym->flags & BSF_FUNCTION) ? STT_FUNC : (sym->flags & BSF_OBJECT) ? STT_OBJECT : STT_NOTYPE;
			vec_push(b.syms, ((struct obj_sym){arena_strdup(&ctx->arena, sym->name), shndx, sym->value, bind, type}));
		}
		free(syms);
	}
	bfd_close_all_done(abfd);
	if (!ok) {
		free(b.secs.v);
		free(b.syms.v);
		return;
	}
	size_t n;
	uint8_t *image = obj_build(ctx, t, &b, &n);
	object_load(ctx, path, NULL, NULL, image, n);
}

void input_load_foreign(struct ctx *ctx, const char *path, const char *format, const uint8_t *data, size_t size)
{
	if (!strcmp(format, "binary")) {
		load_binary(ctx, path, data, size);
		return;
	}
	for (size_t i = 0; i < sizeof(bfd_inputs) / sizeof(bfd_inputs[0]); i++)
		if (!strcmp(format, bfd_inputs[i])) {
			load_bfd(ctx, path, format, data, size);
			return;
		}
	error(ctx, "invalid BFD target `%s'\nslink: supported input formats: elf64-x86-64 elf32-i386 default "
	      "binary ihex srec symbolsrec tekhex", format);
}
