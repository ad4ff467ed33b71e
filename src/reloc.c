/* Relocations: scanned once before layout (which symbols need GOT slots, which references are
 * undefined) and applied once after it, straight from the input's relocation section. */
#include <stdlib.h>

#include "dynamic.h"
#include "oformat.h"
#include "passes.h"
#include "target.h"

/* One relocation of an input section, in a class-neutral form. */
struct reloc {
	uint64_t offset;
	uint32_t type;
	uint32_t sym;
	int64_t addend;
};

static size_t reloc_count(const struct input_file *f, const GElf_Shdr *sh)
{
	size_t ent = sh->sh_type == SHT_RELA ? (f->elfclass == ELFCLASS64 ? sizeof(Elf64_Rela) : sizeof(Elf32_Rela))
					     : (f->elfclass == ELFCLASS64 ? sizeof(Elf64_Rel) : sizeof(Elf32_Rel));
	return sh->sh_size / ent;
}

static void reloc_read(const struct input_file *f, const GElf_Shdr *sh, size_t i, struct reloc *r)
{
	const uint8_t *p = f->data + sh->sh_offset;
	if (f->elfclass == ELFCLASS64) {
		if (sh->sh_type == SHT_RELA) {
			p += i * sizeof(Elf64_Rela);
			r->addend = (int64_t)rd64(p + 16);
		} else {
			p += i * sizeof(Elf64_Rel);
			r->addend = 0;
		}
		r->offset = rd64(p);
		uint64_t info = rd64(p + 8);
		r->type = (uint32_t)ELF64_R_TYPE(info);
		r->sym = (uint32_t)ELF64_R_SYM(info);
	} else {
		if (sh->sh_type == SHT_RELA) {
			p += i * sizeof(Elf32_Rela);
			r->addend = (int32_t)rd32(p + 8);
		} else {
			p += i * sizeof(Elf32_Rel);
			r->addend = 0;
		}
		r->offset = rd32(p);
		uint32_t info = rd32(p + 4);
		r->type = ELF32_R_TYPE(info);
		r->sym = ELF32_R_SYM(info);
	}
}

static bool rel_header(const struct input_section *isec, GElf_Shdr *sh)
{
	if (!isec->rel_index)
		return false;
	return gelf_getshdr(elf_getscn(isec->file->elf, isec->rel_index), sh) != NULL;
}

size_t reloc_count_of(const struct input_section *isec)
{
	GElf_Shdr sh;
	return rel_header(isec, &sh) ? reloc_count(isec->file, &sh) : 0;
}

uint64_t reverse_copy_word(const struct input_section *isec)
{
	return isec->file->elfclass == ELFCLASS64 ? 8 : 4;
}

void reverse_copy_words(const struct input_section *isec, uint8_t *out, const uint8_t *in)
{
	uint64_t w = reverse_copy_word(isec);
	for (uint64_t off = 0; off + w <= isec->size; off += w)
		memcpy(out + isec->size - w - off, in + off, w);
}

/* Is the section part of the output image whose relocations we must process? */
static bool section_relocated(const struct input_section *isec)
{
	return isec && !isec->discarded && isec->out && isec->rel_index;
}

/* Before layout every kept section counts (GNU ld scans relocations before mapping). */
static bool section_scanned(const struct input_section *isec)
{
	return isec && !isec->discarded && isec->rel_index;
}

static bool is_undefined(const struct symbol *s)
{
	return s->kind == SYM_UNDEF || (s->kind == SYM_DEFINED && s->isec && s->isec->discarded);
}

/* The function a place lies in, for "in function" lines: the nearest preceding function or
 * plain label of the same section, as GNU ld finds it. */
static const struct symbol *function_at(const struct input_section *isec, uint64_t off)
{
	const struct input_file *f = isec->file;
	const struct symbol *best = NULL;
	for (size_t i = 1; i < f->nsyms; i++) {
		const struct symbol *s = f->syms[i];
		if (!s || (s->type != STT_FUNC && s->type != STT_NOTYPE) || s->kind != SYM_DEFINED || s->isec != isec ||
		    s->value > off || !*s->name)
			continue;
		if (!best || s->value > best->value)
			best = s;
	}
	return best;
}

/* How an undefined reference is reported (GNU ld's unresolved_syms_in_objects): not at all
 * when --unresolved-symbols, -z undefs or -shared say to ignore the objects' (unless the symbol
 * has a non-default visibility) or --ignore-unresolved-symbol names it, as a warning with
 * --warn-unresolved-symbols, else as an error. */
enum undef_report { UNDEF_IGNORE, UNDEF_WARN, UNDEF_ERROR };
static enum undef_report undef_report_kind(const struct ctx *ctx, const struct symbol *s)
{
	const struct options *o = &ctx->opt;
	for (size_t i = 0; i < o->ignore_unresolved.n; i++)
		if (!strcmp(o->ignore_unresolved.v[i], s->name))
			return UNDEF_IGNORE;
	bool hidden = s->visibility != STV_DEFAULT;
	if (!hidden && o->unresolved_symbols != UNRES_REPORT_ALL && o->unresolved_symbols != UNRES_IGNORE_IN_SHLIBS)
		return UNDEF_IGNORE;
	return o->unresolved_symbols_warn && !hidden ? UNDEF_WARN : UNDEF_ERROR;
}

/* "undefined reference" reports, at most a few per symbol, as GNU ld does. */
enum { MAX_UNDEF_REPORTS = 5 };
static void report_undefined(struct ctx *ctx, struct input_section *isec, uint64_t off, struct symbol *s,
			     const struct symbol **last_fn)
{
	enum undef_report kind = undef_report_kind(ctx, s);
	if (kind == UNDEF_IGNORE) {
		/* left at 0 in an executable; a shared object or PIE would need the symbolic
		 * dynamic relocation slink does not make */
		if (ctx->opt.kind != OUT_EXEC && s->undef_reports++ == 0)
			error_at(ctx, isec, off, "undefined symbol `%s' needs a dynamic relocation, which slink does not make",
				 s->name);
		return;
	}
	const char *w = kind == UNDEF_WARN ? "warning: " : "";
	if (s->undef_reports > MAX_UNDEF_REPORTS)
		return;
	if (kind == UNDEF_ERROR || ctx->opt.fatal_warnings)
		ctx->errors++;
	if (kind == UNDEF_WARN)
		ctx->warnings++;
	if (s->undef_reports++ == MAX_UNDEF_REPORTS) {
		fprintf(stderr, "slink: %s: %smore undefined references to `%s' follow\n", isec->file->name, w, s->name);
		return;
	}
	const struct symbol *fn = function_at(isec, off);
	if (fn) {
		/* the place goes on the line after the function's, without the program name;
		 * later places in the same function get theirs */
		if (fn != *last_fn)
			fprintf(stderr, "slink: %s: in function `%s':\n", isec->file->name, fn->name);
		else
			fputs("slink: ", stderr);
		*last_fn = fn;
		fprintf(stderr, "(%s+0x%llx): %sundefined reference to `%s'\n", section_label(ctx, isec),
			(unsigned long long)off, w, s->name);
		return;
	}
	fprintf(stderr, "slink: %s:(%s+0x%llx): %sundefined reference to `%s'\n", isec->file->name,
		section_label(ctx, isec), (unsigned long long)off, w, s->name);
}

/* a reference to a symbol a .gnu.warning.SYMBOL section names: GNU ld warns once, at the
 * first reference */
static void report_symbol_warning(struct ctx *ctx, struct input_section *isec, uint64_t off, struct symbol *s)
{
	const struct symbol *fn = function_at(isec, off);
	if (fn)
		fprintf(stderr, "slink: %s: in function `%s':\n(%s+0x%llx): warning: %s\n", isec->file->name, fn->name,
			section_label(ctx, isec), (unsigned long long)off, s->warning);
	else
		fprintf(stderr, "slink: %s:(%s+0x%llx): warning: %s\n", isec->file->name, section_label(ctx, isec),
			(unsigned long long)off, s->warning);
	s->warning = NULL;
	ctx->warnings++;
	if (ctx->opt.fatal_warnings)
		ctx->errors++;
}

/* After mapping: every relocation of a kept section against an undefined symbol is an error
 * (undefined weak references resolve to 0). */
bool is_debug_name(const char *name)
{
	static const char *const prefixes[] = {".debug", ".gnu.debuglto_.debug_", ".gnu.linkonce.wi.", ".zdebug", ".line", ".stab"};
	for (size_t i = 0; i < sizeof(prefixes) / sizeof(prefixes[0]); i++)
		if (!strncmp(name, prefixes[i], strlen(prefixes[i])))
			return true;
	return false;
}

/* bfd's discarded_section(): a symbol defined in a section a /DISCARD/ statement threw away,
 * or a local one in a COMDAT group that lost (a global there is the winner's) */
static bool defined_in_discarded(const struct symbol *s)
{
	return s->kind == SYM_DEFINED && s->isec && (s->isec->discard_by_script || (s->is_local && s->isec->comdat_lost));
}

/* a symbol whose section left the link after the symbols were resolved: /DISCARD/,
 * --gc-sections, SHF_EXCLUDE (not a COMDAT copy that lost: a global there is the winner's) */
static bool in_dropped_section(const struct symbol *s)
{
	return s->kind == SYM_DEFINED && s->isec && s->isec->discarded && !s->isec->comdat_lost;
}

/* A reference to a symbol a /DISCARD/ statement threw away with its section: GNU ld's
 * complaint (elf_link_input_bfd), except from debugging sections and unwind tables, which
 * pretend (_bfd_elf_default_action_discarded) */
static void report_discarded(struct ctx *ctx, const struct input_section *isec, uint64_t off, struct symbol *s)
{
	const char *n = isec->name;
	/* bfd's generic linker (non-ELF output) makes no such check */
	if (!oformat_is_elf(ctx) || is_debug_name(n) || !strcmp(n, ".eh_frame") || !strcmp(n, ".sframe") || !strcmp(n, ".gcc_except_table"))
		return;
	if (s->undef_reports++ >= MAX_UNDEF_REPORTS)
		return;
	/* a section symbol goes by its section's name */
	const char *name = s->type == STT_SECTION && !*s->name ? s->isec->name : s->name;
	error_at(ctx, isec, off, "`%s' referenced in section `%s' of %s: defined in discarded section `%s' of %s", name,
		 section_label(ctx, isec), isec->file->name, section_label(ctx, s->isec), s->isec->file->name);
}

/* A strong undefined symbol an object gave a non-default visibility fails the link, whatever
 * refers to it, once it reaches the symbol table (not with -s, nor when --gc-sections found no
 * kept reference): bfd's elf_link_output_extsym names the first in its hash order and stops */
static void check_undefined_visibility(struct ctx *ctx)
{
	if (ctx->opt.strip == STRIP_ALL)
		return;
	size_t n;
	struct symbol **all = symbol_hash_order(ctx, &n);
	for (size_t i = 0; i < n; i++) {
		const struct symbol *s = all[i];
		if (s->kind != SYM_UNDEF || s->visibility == STV_DEFAULT || s->weak_ref_only || s->discarded_def ||
		    (ctx->opt.gc_sections && !s->gc_marked && !s->cmdline_ref))
			continue;
		const char *what = s->visibility == STV_PROTECTED ? "protected"
				   : s->visibility == STV_INTERNAL ? "internal" : "hidden";
		error(ctx, "%s: %s symbol `%s' isn't defined", ctx->opt.output, what, s->name);
		break;
	}
	free(all);
}

/* Every relocation of a section that stays in the output, against a symbol: fn(ctx, the
 * section, its offset, the symbol, the last function an "in function" line named, ud). */
typedef void reloc_visit_fn(struct ctx *ctx, struct input_section *isec, uint64_t off, struct symbol *s,
			    const struct symbol **last_fn, void *ud);

static void walk_kept_relocs(struct ctx *ctx, reloc_visit_fn *fn, void *ud)
{
	for (size_t fi = 0; fi < ctx->files.n; fi++) {
		struct input_file *f = ctx->files.v[fi];
		const struct symbol *last_fn = NULL;
		for (size_t si = 1; si < f->shnum; si++) {
			struct input_section *isec = f->sections[si];
			GElf_Shdr sh;
			if (!section_relocated(isec) || !rel_header(isec, &sh))
				continue;
			/* an ELF output section without contents (NOLOAD) is not relocated at all */
			if (oformat_is_elf(ctx) && (isec->out->type == SHT_NOBITS || isec->out->noload))
				continue;
			size_t n = reloc_count(f, &sh);
			for (size_t i = 0; i < n; i++) {
				struct reloc r;
				reloc_read(f, &sh, i, &r);
				if (r.sym && r.sym < f->nsyms && f->syms[r.sym])
					fn(ctx, isec, r.offset, f->syms[r.sym], &last_fn, ud);
			}
		}
	}
}

static void check_reference(struct ctx *ctx, struct input_section *isec, uint64_t off, struct symbol *s,
			    const struct symbol **last_fn, void *ud)
{
	(void)ud;
	if (!s->is_local)
		s->used_by_reloc = true;
	if (s->warning && !s->is_local)
		report_symbol_warning(ctx, isec, off, s);
	if (defined_in_discarded(s))
		report_discarded(ctx, isec, off, s);
	/* -r: undefined symbols stay undefined in the output, but references into discarded
	 * sections are still errors; debugging sections may refer to what --gc-sections
	 * collected */
	else if (!ctx_relocatable(ctx) && !s->is_local && is_undefined(s) && s->bind != STB_WEAK &&
		 !(s->kind == SYM_DEFINED && !(isec->flags & SHF_ALLOC)))
		report_undefined(ctx, isec, off, s, last_fn);
	else if ((isec->flags & SHF_ALLOC) && !s->preempt_reported && dynamic_preemptible(ctx, s)) {
		/* GNU ld would bind it at run time; binding it here instead would make another
		 * shared object than GNU ld's, so say so (once per symbol) */
		s->preempt_reported = true;
		error_at(ctx, isec, off,
			 "reference to `%s', which users of the shared object may preempt: slink makes no "
			 "symbolic dynamic relocations or PLT entries (link with -Bsymbolic, or give `%s' "
			 "hidden or protected visibility)",
			 s->name, s->name);
	}
}

static void report_reference_to(struct ctx *ctx, struct input_section *isec, uint64_t off, struct symbol *s,
				const struct symbol **last_fn, void *ud)
{
	if (s == ud && s->bind != STB_WEAK)
		report_undefined(ctx, isec, off, s, last_fn);
}

/* A symbol the linker was to define and did not after all (__ehdr_start with no loaded
 * headers): its strong references are undefined ones. */
void relocs_report_undefined_refs(struct ctx *ctx, struct symbol *s)
{
	walk_kept_relocs(ctx, report_reference_to, s);
}

void relocs_check_undefined(struct ctx *ctx)
{
	bool report_undef = !ctx_relocatable(ctx);
	walk_kept_relocs(ctx, check_reference, NULL);
	for (size_t i = 0; i < ctx->file_warnings.n; i++) {
		fprintf(stderr, "slink: %s: warning: %s\n", ctx->file_warnings.v[i].file->name, ctx->file_warnings.v[i].msg);
		ctx->warnings++;
		if (ctx->opt.fatal_warnings)
			ctx->errors++;
	}
	if (report_undef)
		check_undefined_visibility(ctx);
}

void relocs_scan(struct ctx *ctx)
{
	if (ctx_relocatable(ctx))
		return; /* -r copies relocations: no GOT, no relaxation */
	const struct target *t = ctx->target;
	const struct symbol *gotsym = symbol_find(ctx, "_GLOBAL_OFFSET_TABLE_");
	for (size_t fi = 0; fi < ctx->files.n; fi++) {
		struct input_file *f = ctx->files.v[fi];
		for (size_t si = 1; si < f->shnum; si++) {
			struct input_section *isec = f->sections[si];
			GElf_Shdr sh;
			if (!section_scanned(isec) || !rel_header(isec, &sh))
				continue;
			if (!(isec->flags & SHF_ALLOC))
				continue; /* debug info: applied, never needs GOT slots */
			size_t n = reloc_count(f, &sh);
			for (size_t i = 0; i < n; i++) {
				struct reloc r;
				reloc_read(f, &sh, i, &r);
				struct reloc_args a = {.offset = r.offset, .type = r.type, .A = r.addend};
				if (r.sym >= f->nsyms) {
					error_at(ctx, isec, r.offset, "relocation refers to symbol index %u past the %zu symbols",
						 r.sym, f->nsyms);
					continue;
				}
				if (r.offset > isec->size) {
					error_at(ctx, isec, r.offset, "relocation offset is past the end of the section (size 0x%llx)",
						 (unsigned long long)isec->size);
					continue;
				}
				a.in = isec->data ? isec->data + r.offset : NULL;
				a.loc_room = isec->size - r.offset;
				struct symbol *s = r.sym ? f->syms[r.sym] : NULL;
				a.sym = s;
				if (s) {
					a.sym_name = s->name;
					a.undef_weak = is_undefined(s) && s->bind == STB_WEAK;
				}
				if (!t->scan(ctx, isec, &a))
					continue;
				if (t->needs_got_base(r.type))
					ctx->needs_got_base = true;
				if (s && s == gotsym)
					ctx->got_referenced = true;
				/* -pie/-shared: absolute addresses get RELATIVE dynamic relocations */
				if (dynamic_reloc_needed(ctx, isec, &a))
					dynamic_count_reloc(isec, a.sym);
			}
		}
	}
}

/* Address of a symbol in the output, after layout. */
uint64_t symbol_address(const struct symbol *s)
{
	switch (s->kind) {
	case SYM_DEFINED:
		if (s->isec) {
			if (!s->isec->out || s->isec->discarded)
				return 0;
			return s->isec->out->addr + s->isec->out_offset + symbol_section_offset(s);
		}
		return s->value;
	case SYM_SCRIPT:
		return s->value + (s->osec ? s->osec->addr : 0);
	default:
		return 0;
	}
}

void relocs_apply(struct ctx *ctx, uint8_t *image)
{
	const struct target *t = ctx->target;
	uint64_t got_base = input_section_addr(ctx->got_plt);
	uint64_t got_start = input_section_addr(ctx->got);
	for (size_t fi = 0; fi < ctx->files.n; fi++) {
		struct input_file *f = ctx->files.v[fi];
		const struct symbol *last_fn = NULL;
		for (size_t si = 1; si < f->shnum; si++) {
			struct input_section *isec = f->sections[si];
			GElf_Shdr sh;
			if (!section_relocated(isec) || !isec->data || !rel_header(isec, &sh))
				continue;
			if (isec->out->type == SHT_NOBITS || isec->out->noload)
				continue; /* no contents to relocate (NOLOAD: not even when PHDRS made it a note) */
			uint8_t *base = image + isec->out->offset + isec->out_offset;
			uint64_t addr = isec->out->addr + isec->out_offset;
			/* bfd relocates a reverse_copy section (.ctors in .init_array) before it
			 * reverses its words: here in a copy, reversed into the output at the end (a
			 * relocation across two words lands as bfd's does) */
			uint8_t *unreversed = NULL;
			if (isec->reverse_copy) {
				unreversed = xmalloc(isec->size + 1);
				memcpy(unreversed, isec->data, isec->size);
			}
			size_t n = reloc_count(f, &sh);
			for (size_t i = 0; i < n; i++) {
				struct reloc r;
				reloc_read(f, &sh, i, &r);
				if (r.sym >= f->nsyms || r.offset > isec->size)
					continue; /* reported by the scan */
				/* edited sections (.eh_frame): the place moves, or was dropped with its entry */
				uint64_t place = r.offset;
				if ((isec->merge || isec->reverse_copy) && !place_offset(isec, r.offset, &place))
					continue;
				struct symbol *s = r.sym ? f->syms[r.sym] : NULL;
				/* bfd's generic linker (non-ELF output) clears the field of a relocation
				 * against a symbol /DISCARD/ threw away (RELOC_AGAINST_DISCARDED_SECTION):
				 * relocate as if everything were 0, the REL addend too */
				/* ... and so does the ELF back end when the symbol's section was discarded
				 * (/DISCARD/, --gc-sections, SHF_EXCLUDE), a range list getting 1 so as
				 * not to end it (_bfd_clear_contents) */
				bool clear = s && (oformat_is_elf(ctx) ? in_dropped_section(s) : defined_in_discarded(s));
				static const uint8_t zeros[16];
				/* ... and finds a symbol a constraint-dropped section defined (in *UND*)
				 * undefined */
				if (s && symbol_in_und(ctx, s) && !oformat_is_elf(ctx)) {
					report_undefined(ctx, isec, r.offset, s, &last_fn);
					continue;
				}
				struct reloc_args a = {
					.loc = unreversed ? unreversed + r.offset : base + place,
					.in = isec->data + r.offset,
					.loc_room = isec->size - r.offset,
					.offset = r.offset,
					.type = r.type,
					/* bfd relocates a reverse_copy section before reversing it */
					.P = addr + (isec->reverse_copy ? r.offset : place),
					.A = r.addend,
					.GOT = got_base,
					.sym = s,
				};
				if (s) {
					a.sym_name = s->name;
					a.S = symbol_address(s);
					a.Z = s->size;
					a.undef_weak = is_undefined(s) && s->bind == STB_WEAK;
					if (s->needs_got)
						a.G = got_start + (uint64_t)s->got_index * t->got_entry_size;
					/* a section symbol of a merged section: the addend picks the piece */
					if (s->is_local && s->type == STT_SECTION && s->isec && s->isec->merge && t->rela) {
						uint64_t sec = s->isec->out->addr + s->isec->out_offset;
						a.S = sec + merged_offset(s->isec, (uint64_t)r.addend);
						a.A = 0;
					} else if (s->is_local && s->type == STT_SECTION && s->isec && s->isec->merge && a.loc_room >= 4) {
						/* REL (i386): the 32-bit addend in the place picks the piece; GNU ld
						 * maps A + 4 for PC-relative types and stores the result less 4.  S
						 * absorbs the difference so the target's S + A lands on the piece. */
						const char *nm = t->reloc_name(r.type);
						int64_t A = (int32_t)rd32(a.in);
						int64_t bias = nm && (strstr(nm, "_PC") || strstr(nm, "PLT")) ? 4 : 0;
						uint64_t sec = s->isec->out->addr + s->isec->out_offset;
						a.S = sec + merged_offset(s->isec, s->value + (uint64_t)(A + bias)) - (uint64_t)bias - (uint64_t)A;
					}
				}
				if (clear) {
					a.in = zeros;
					a.loc_room = a.loc_room < sizeof(zeros) ? a.loc_room : sizeof(zeros);
					a.S = a.A = 0;
					a.P = a.GOT = a.G = 0;
					if (oformat_is_elf(ctx) && !strcmp(isec->name, ".debug_ranges"))
						a.S = 1;
				}
				t->apply(ctx, isec, &a);
				/* the place holds the link-time address: ld.so adds the load base; not for
				 * a script symbol that turned out absolute (GNU ld counted a slot for it
				 * before layout, which stays an R_*_NONE), unless its value read `.' (bfd's
				 * ABS_SYMBOL_P) */
				bool script_abs = a.sym && a.sym->kind == SYM_SCRIPT && !a.sym->osec && !a.sym->rel_from_abs;
				if (dynamic_reloc_needed(ctx, isec, &a) && !script_abs)
					dynamic_add_relative(isec, addr + place, ctx->target->elfclass == ELFCLASS64 ? rd64(a.loc) : rd32(a.loc));
			}
			if (unreversed) {
				reverse_copy_words(isec, base, unreversed);
				free(unreversed);
			}
		}
	}
}
