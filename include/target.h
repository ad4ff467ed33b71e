/* The per-architecture interface.  Each arch_<name>.c exports one `const struct target`.
 * Generic code never names an R_<ARCH>_* constant: it asks the target.
 *
 * Relocation processing runs in two passes:
 *   scan  — before layout: decides which symbols need a GOT slot (sets sym->needs_got) and
 *           rejects unknown types.  Must decide relaxations the same way apply will.
 *   apply — after layout: computes the value from the psABI letters in `struct reloc_args`,
 *           range-checks it and writes the bytes (rewriting instructions when relaxing). */
#ifndef SLINK_TARGET_H
#define SLINK_TARGET_H

#include "slink.h"

/* Everything an apply callback may need, named after the psABI letters. */
struct reloc_args {
	uint8_t *loc;        /* bytes to patch, inside the output image */
	const uint8_t *in;   /* the same bytes in the input section (for instruction decoding) */
	uint64_t loc_room;   /* bytes available from loc to the end of the input section */
	uint64_t offset;     /* offset of the relocation within the input section */
	uint32_t type;       /* raw relocation type */
	uint64_t P;          /* address of the place */
	uint64_t S;          /* address of the symbol (0 for undefined weak) */
	int64_t A;           /* addend (explicit for RELA, read from loc for REL by the target) */
	uint64_t Z;          /* symbol size */
	uint64_t GOT;        /* address of the GOT base (_GLOBAL_OFFSET_TABLE_, start of .got.plt) */
	uint64_t G;          /* address of the symbol's .got slot, when sym->needs_got */
	struct symbol *sym;  /* NULL for a relocation against a section symbol without name */
	const char *sym_name;/* for diagnostics */
	bool undef_weak;     /* symbol is an unresolved weak reference */
	bool preemptible;    /* symbol may be bound outside the link (shared output) */
};

struct target {
	const char *emulation;      /* "elf_x86_64" */
	const char *bfd_name;       /* "elf64-x86-64" */
	const char *arch_name;      /* "i386:x86-64" */
	uint16_t machine;           /* EM_X86_64 */
	uint8_t elfclass;           /* ELFCLASS64 */
	bool rela;                  /* SHT_RELA (true) or SHT_REL (false) */
	uint64_t text_base;         /* default first address of an executable */
	uint64_t max_page_size;
	uint64_t common_page_size;
	uint32_t got_entry_size;    /* 8 or 4 */
	uint32_t gotplt_reserved;   /* reserved entries at the start of .got.plt */

	/* "R_X86_64_PC32", or NULL for an unknown type */
	const char *(*reloc_name)(uint32_t type);
	/* Pass 1.  Report unsupported types with error_at and return false. */
	bool (*scan)(struct ctx *ctx, struct input_section *isec, const struct reloc_args *r);
	/* Pass 2.  Range-check and write; errors through error_at(ctx, isec, r->offset, ...). */
	void (*apply)(struct ctx *ctx, struct input_section *isec, struct reloc_args *r);
	/* does this type refer to the GOT base (so .got.plt / _GLOBAL_OFFSET_TABLE_ must exist)? */
	bool (*needs_got_base)(uint32_t type);
	/* is this an absolute relocation of an address-sized word (a RELATIVE one in PIC output)? */
	bool (*abs_word_reloc)(uint32_t type);
	uint32_t relative_reloc;    /* R_X86_64_RELATIVE / R_386_RELATIVE */
	/* padding between input sections of a code section (GNU ld pads with no-ops) */
	void (*code_fill)(uint8_t *p, uint64_t n);
};

/* x86 no-op padding: multi-byte nops of up to `longest` bytes (arch_x86_64.c) */
void x86_nop_fill(uint8_t *p, uint64_t n, unsigned longest);

extern const struct target target_x86_64;
extern const struct target target_i386;

/* find a target by -m emulation name or by ELF machine; NULL if unknown */
const struct target *target_by_emulation(const char *name);
const struct target *target_by_machine(uint16_t machine, int elfclass);

/* the ELF header and `phnum' program headers of the target's class: SIZEOF_HEADERS */
static inline uint64_t target_headers_size(const struct target *t, uint64_t phnum)
{
	bool is64 = t->elfclass == ELFCLASS64;
	return (is64 ? sizeof(Elf64_Ehdr) : sizeof(Elf32_Ehdr)) + phnum * (is64 ? sizeof(Elf64_Phdr) : sizeof(Elf32_Phdr));
}

#endif
