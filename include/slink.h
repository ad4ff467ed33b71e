/* slink: core data model shared by every link stage.
 *
 * One `struct ctx` describes the whole link and is passed explicitly.  Objects that live as
 * long as the link come from the arena (ctx_alloc) and are never freed one by one. */
#ifndef SLINK_H
#define SLINK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <gelf.h>

#include "util.h"

struct ctx;
struct input_file;
struct input_section;
struct output_section;
struct symbol;
struct target;
struct script;
struct stmt;
struct script_span; /* script.h */
struct layout_osec;
struct merge_section;

#include "options.h"

/* ---- inputs (input.c, archive.c) ---------------------------------------------------- */

struct input_section {
	struct input_file *file;
	const char *name;
	uint32_t index;        /* section header index in the file */
	uint32_t type;         /* SHT_* */
	uint64_t flags;        /* SHF_* */
	uint64_t size;
	uint64_t align;        /* at least 1 */
	uint64_t entsize;
	const uint8_t *data;   /* in-place bytes, NULL for NOBITS */
	uint32_t rel_index;    /* index of the SHT_REL(A) section applying to this one, 0 if none */
	uint32_t link_order_to;/* SHF_LINK_ORDER: index of the section its sh_link names, 0 if none */
	uint32_t map_seq;      /* where the script's mapping met it (layout.c) */
	struct output_section *out;  /* NULL when not (yet) placed */
	uint64_t out_offset;   /* offset within `out` */
	bool discarded;        /* COMDAT loser, /DISCARD/, SHF_EXCLUDE, gc */
	bool live;             /* reached by --gc-sections */
	bool keep;             /* KEEP() in script */
	bool discard_by_script;/* matched by /DISCARD/ */
	bool comdat_lost;      /* in a COMDAT group an earlier one of its signature won */
	const char *group;     /* signature of the section group it is in, NULL if none */
	bool dropped_unmapped; /* gc'd or SHF_EXCLUDE: gone, yet GNU ld's ONLY_IF_RO/RW still sees it */
	struct merge_section *merge; /* SHF_MERGE bookkeeping, NULL otherwise */
	bool reverse_copy;     /* .ctors in .init_array, .dtors in .fini_array: written in reverse
				* order of address-size words (bfd's SEC_ELF_REVERSE_COPY) */
	/* linker-made sections (.got, COMMON, build-id note, ...) fill their bytes here at write
	 * time; NULL for sections copied from an input file */
	void (*synthesize)(struct ctx *ctx, struct input_section *isec, uint8_t *out);
	/* linker-made, but leaves the output when empty (GNU ld strips empty dynamic sections) */
	bool strip_if_empty;
	/* -pie/-shared: the dynamic relocations the scan counted for it, taken back when a
	 * /DISCARD/ statement takes it (bfd scans relocations after mapping) */
	uint32_t dyn_relocs;
	uint32_t dynrel_index; /* 1 + which .rela<name> section holds them (dynamic.c) */
};

/* room for the sections the linker makes itself in each of its two files (synthetic.c,
 * dynamic.c) */
enum { MAX_LINKER_SECTIONS = 32 };

struct input_file {
	const char *path;       /* file path on disk (the archive's for a regular member) */
	const char *name;       /* display name: "a.o" or "lib.a(m.o)" */
	const char *given;      /* the name it was given by (GNU ld's local_sym_name), NULL for members */
	const char *archive;    /* NULL when not from an archive */
	const char *member;     /* member name inside the archive */
	const uint8_t *data;    /* mapped bytes of this object */
	size_t size;
	Elf *elf;
	int elfclass;           /* ELFCLASS32 / ELFCLASS64 */
	uint16_t machine;
	size_t shnum;
	size_t shstrndx;
	struct input_section **sections; /* by section index, NULL for non-content sections */
	uint32_t symtab_index;           /* 0 when none */
	uint32_t strtab_index;
	size_t nsyms;                    /* including the null symbol */
	size_t first_global;             /* sh_info of .symtab */
	struct symbol **syms;            /* by symbol index: locals own, globals point into table */
	uint32_t *symtab_shndx;          /* SHT_SYMTAB_SHNDX contents, or NULL */
	uint32_t order;                  /* load order, for deterministic output */
	bool in_link;                    /* for archive members: extracted */
	bool from_group;
	bool synthetic;                  /* made by the linker (binary blobs, script symbols) */
	struct input_section *common;    /* COMMON symbols allocated for this file */
	bool common_made;                /* bfd made it a COMMON section: one of its common
					  * symbols was the one in force when read */
	bool common_live;                /* --gc-sections reached one of its COMMON symbols */
	bool common_gc;                  /* ... or reached none: its COMMON section goes */
	/* its section groups, for --print-gc-sections: bfd removes a group with its first member */
	struct input_group { uint32_t index, first; const char *name; } *groups;
	uint32_t ngroups;
	/* archive members: the symbol whose reference pulled the member in and the file that made
	 * the first reference (NULL for -u/-e and linker references); both NULL when the member
	 * came in by --whole-archive.  For the map file and --layout-json (input.c) */
	const char *extract_symbol;
	struct input_file *extract_ref;
};

/* ---- symbols (symbols.c) ------------------------------------------------------------ */

enum sym_kind {
	SYM_UNDEF,     /* referenced, not defined anywhere yet */
	SYM_LAZY,      /* defined by an archive member not yet loaded */
	SYM_DEFINED,   /* defined in an input section (isec) or absolute (isec == NULL, shndx ABS) */
	SYM_COMMON,    /* tentative definition, value = alignment */
	SYM_SCRIPT,    /* defined by the linker script or --defsym (osec-relative or absolute) */
};

struct symbol {
	const char *name;
	struct input_file *file;         /* defining (or, for UNDEF, first referencing) file */
	struct input_section *isec;      /* defining section */
	struct output_section *osec;     /* for SYM_SCRIPT: section it is relative to, or NULL */
	struct output_section *final_osec; /* SYM_SCRIPT from `.` outside sections: its output section */
	bool rel_from_abs;               /* SYM_SCRIPT: its value read `.' (bfd's rel_from_abs) */
	uint64_t value;                  /* section offset, absolute value, or common alignment */
	uint64_t size;
	uint8_t kind;                    /* enum sym_kind */
	uint8_t type;                    /* STT_* */
	uint8_t bind;                    /* STB_* */
	uint8_t visibility;              /* STV_* (most restrictive seen) */
	uint16_t shndx;                  /* original st_shndx (SHN_ABS, SHN_COMMON, ...) */
	bool is_local;                   /* file-local (not in the global table) */
	bool referenced;                 /* referenced by some regular object */
	bool used_by_reloc;              /* referenced by a relocation of a kept section */
	bool cmdline_ref;                /* named by -u, -e, --require-defined */
	bool gc_marked;                  /* --gc-sections reached it through a kept relocation */
	bool script_takes;               /* an object defines it, the script's mark phase assigns it */
	bool preempt_reported;           /* -shared: its preemptible reference was reported */
	bool weak_ref_only;              /* all references are weak */
	bool needs_got;
	bool provide;                    /* PROVIDE()d, defined only if referenced */
	bool script_seen;                /* assigned by the script in this link */
	bool start_stop;                 /* __start_SEC/__stop_SEC the linker will define (SEC an
					  * input section's name): a GOT load of it relaxes */
	const char *warning;             /* a .gnu.warning.NAME section's message: GNU ld warns at
					  * the first reference (then clears it) */
	bool by_object;                  /* SYM_SCRIPT: an object defined it before the script
					  * assigned it (DEFINED stays true: bfd's by_object) */
	uint32_t script_walk;            /* ... last in this walk of the script (layout's walk_no) */
	bool forced_local;               /* made local by the linker (_GLOBAL_OFFSET_TABLE_) */
	bool keep_in_symtab;
	bool dropped_def;                /* assigned in a constraint-dropped output section */
	bool dyn_excluded;               /* assigned by the script only there: never exported */
	bool sizing_ref;                 /* referenced only by what GNU ld folds first when it sizes
					  * (section addresses...): after it chose the dynamic symbols */
	bool discarded_def;              /* a definition in a dropped COMDAT or linkonce copy made
					  * it (bfd's indx -3): left undefined, .symtab strips it */
	uint32_t got_index;              /* slot in .got when needs_got */
	bool got_assigned;
	uint32_t out_index;              /* index in output .symtab, 0 if absent */
	const char *lazy_member_ref;     /* for maps: referencing file name */
	struct archive_member *lazy;     /* SYM_LAZY: member that defines it */
	uint32_t order;                  /* creation order in the global table */
	uint32_t object_seq;             /* 1 + when an object first named it (0: only scripts did) */
	bool hidden_other;               /* a live HIDDEN() assignment made its visibility hidden */
	bool visibility_copied;          /* an assignment copying a script symbol raised its
					  * visibility: after bfd hid the hidden ones, so it stays global */
	uint8_t undef_reports;           /* "undefined reference" messages printed */
};

/* ---- output (layout.c, output.c) ---------------------------------------------------- */

/* A BYTE/SHORT/LONG/QUAD/SQUAD statement, with its final value. */
struct data_item {
	uint64_t offset;
	uint64_t value;
	uint8_t size;
};

struct output_section {
	bool script_typed;               /* its type came from (TYPE = ...) alone: bfd sets that too
					  * late for its segment map (no PT_NOTE) */
	const char *name;
	uint32_t type;
	uint64_t flags;
	uint64_t addr;       /* VMA */
	uint64_t lma;
	uint64_t offset;     /* file offset */
	uint64_t size;
	uint64_t align;
	uint64_t entsize;
	uint32_t index;      /* section header index in the output, 0 if not emitted */
	uint32_t link, info;
	const struct input_section *link_order_first; /* SHF_LINK_ORDER: the first input, whose
						       * linked-to section's output sh_link names */
	VEC(struct input_section *) inputs;  /* in output order */
	VEC(struct data_item) data;          /* BYTE/SHORT/LONG/QUAD from the script */
	uint32_t fill;                       /* =fill pattern */
	bool has_fill;
	bool noload;
	bool has_inputs;                     /* some input section is assigned to it */
	bool sec_code;                       /* an input is code: bfd's SEC_CODE (no-op padding, segment splits) */
	bool keep_empty;                     /* emit even when empty (script assigns . in it) */
	bool discard;                        /* /DISCARD/ */
	bool name_alloc;                     /* not allocated (INFO, COPY, ...), yet its header says
					      * SHF_ALLOC: bfd's table gives its name the flag */
	struct segment *segment;             /* first PT_LOAD containing it */
	/* a removed (empty) section: where its symbols go, or (nearby_next set) the kept sections
	 * before and after it, a symbol taking the one after from that one's address on */
	struct output_section *nearby, *nearby_next;
	struct layout_osec *layout;          /* its SECTIONS statement state (layout.h) */
	uint32_t order;
};

/* bfd's _bfd_nearby_section for one symbol of an output section that was removed: the kept
 * section its symbols belong to (the section itself when kept) */
/* bfd's SEC_THREAD_LOCAL: from the inputs; a section only its name makes TLS (a .tbss of
 * `. += n' alone) has SHF_TLS in its header but is laid out as any other */
/* Is the symbol undefined in bfd's hash table, so that a PROVIDE defines it: referenced, or
 * defined only in a COMDAT/linkonce copy that lost (bfd reads that one as undefined) */
static inline bool symbol_wants_provide(const struct symbol *s)
{
	return s->kind == SYM_UNDEF && (s->referenced || s->discarded_def);
}

static inline bool osec_bfd_tls(const struct output_section *os)
{
	return (os->flags & SHF_TLS) && os->has_inputs;
}

static inline const struct output_section *osec_for_symbol(const struct output_section *os, uint64_t addr)
{
	if (os->index || !os->nearby)
		return os;
	if (os->nearby_next && addr >= os->nearby_next->addr)
		return os->nearby_next;
	return os->nearby;
}

struct segment {
	uint32_t type, flags;
	uint64_t offset, vaddr, paddr, filesz, memsz, align;
	struct output_section *first, *last;
	bool headers, phdrs;   /* PHDRS: FILEHDR / PHDRS keywords */
	bool has_at, flags_set;/* PHDRS: AT() / FLAGS() given */
};

struct segment_vec VEC_BODY(struct segment);

/* a symbol's value as an early fold of the script knows it (script_load.c) */
struct known_value {
	const char *name;
	uint64_t value;
	bool known;
};
struct known_values VEC_BODY(struct known_value);

/* ---- the link ----------------------------------------------------------------------- */

struct file_warning {
	const struct input_file *file;
	const char *msg;
};

struct ctx {
	VEC(struct file_warning) file_warnings; /* .gnu.warning sections' messages */
	struct symbol *ehdr_start;       /* __ehdr_start, when the linker defines it */
	bool sane_expr;                  /* LD_FEATURE("SANE_EXPR"): numbers stay numbers */
	struct options opt;
	const struct target *target;
	struct arena arena;
	int errors;
	int warnings;

	VEC(struct input_file *) files;      /* objects in the link, in load order */
	struct symtab *symtab;               /* global symbols (symbols.c) */
	VEC(struct output_section *) osecs;  /* output sections in address order */
	/* GNU ld's *UND* section, at address 0: what a symbol assigned in an output section its
	 * ONLY_IF_RO/RW constraint dropped is relative to (and what copies of it stay relative to) */
	struct output_section und_section;
	struct segment_vec segments;
	struct script *script;               /* parsed linker script(s), or NULL */
	/* each -T script's top-level statements, first to last (both NULL when it had none) */
	VEC(struct script_span) script_spans;

	struct input_section *got;           /* synthetic .got, when needed */
	struct input_section *got_plt;       /* synthetic .got.plt (the GOT base), when needed */
	bool needs_got_base;                 /* some relocation refers to _GLOBAL_OFFSET_TABLE_ */
	bool got_referenced;                 /* some relocation is against _GLOBAL_OFFSET_TABLE_ */
	bool need_pic_reported;              /* a relocation PIC output cannot take was reported */
	VEC(struct symbol *) got_syms;       /* symbols with a .got slot, in slot order */
	struct input_file *internal;         /* holder of linker-made sections */
	struct input_file *dynamic;          /* holder of -pie/-shared's dynamic sections (dynamic.c) */
	struct input_section *build_id_out;  /* the build-id note, when made */
	VEC(struct stmt *) defsym_stmts;     /* --defsym as script assignments */
	size_t defsyms_before_script;        /* how many of them come before the -T scripts */
	uint64_t entry_addr;
	uint8_t *out_buf;                    /* output image while writing */
	size_t out_size;
	uint64_t image_end;                  /* file offset past the last section's bytes */
	uint32_t file_order;
	struct comdat_set *comdats;          /* COMDAT signatures seen (input.c) */
	const struct input_file *execstack_note_file; /* the first whose .note.GNU-stack is executable */
	bool saw_stack_note;                 /* some input has .note.GNU-stack */
	struct input_section *stack_note;    /* the first executable one, else the last one */
	bool dropped_assignments;            /* a constraint-dropped statement assigns symbols */
	bool inputs_loaded;                  /* inputs_load is done: the first fold is over */
	bool input_named;                    /* some input file was named (GNU ld's lang_has_input_file) */
	bool sizeof_headers_read;            /* an assignment read SIZEOF_HEADERS while the inputs
					      * were opened: the headers are loaded */
	VEC(const char *) first_fold_assigned; /* symbols script assignments defined by then */
	struct known_values first_fold_values; /* ... and the values that fold gave them */
	const struct stmt *default_script_first; /* where the built-in (or -dT) script's statements
						  * start, after those of INSERT scripts */
	const struct input_file *no_stack_note_file;  /* the last input without one */
};

static inline bool ctx_relocatable(const struct ctx *ctx) { return ctx->opt.kind == OUT_RELOCATABLE; }

/* a script symbol relative to GNU ld's *UND* section: st_shndx SHN_UNDEF, with its value */
static inline bool symbol_in_und(const struct ctx *ctx, const struct symbol *s)
{
	return s->kind == SYM_SCRIPT && s->osec == &ctx->und_section;
}

/* An input section's address in the output; 0 for one with no output section (GNU ld puts a
 * discarded section in its absolute section) */
static inline uint64_t input_section_addr(const struct input_section *isec)
{
	return isec && isec->out ? isec->out->addr + isec->out_offset : 0;
}

/* an empty linker-made section GNU ld strips (SEC_EXCLUDE): it is mapped and raises its output
 * section's alignment, but takes no room and does not align `.` */
static inline bool linker_section_excluded(const struct input_section *isec)
{
	return isec->strip_if_empty && !isec->size;
}

/* ---- diagnostics (diag.c) ----------------------------------------------------------- */

/* "slink: error: ..." ; counts the error and carries on. */
void error(struct ctx *ctx, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void warn(struct ctx *ctx, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void notice(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* "a.o:(.text+0x1a): ..." */
const char *section_label(struct ctx *ctx, const struct input_section *isec);
void error_at(struct ctx *ctx, const struct input_section *isec, uint64_t off, const char *fmt,
	      ...) __attribute__((format(printf, 4, 5)));
/* Print an error and exit(1) at once: for failures that leave nothing to carry on with. */
_Noreturn void fatal(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Stop the link when errors were reported: called at fixed points in main.c. */
void checkpoint(struct ctx *ctx);

#endif
