/* The link passes, one group per stage file; main.c calls them in order. */
#ifndef SLINK_PASSES_H
#define SLINK_PASSES_H

#include "slink.h"

struct archive_member;
struct load_state;

/* symbols.c */
struct symbol *symbol_find(struct ctx *ctx, const char *name);
struct symbol *symbol_intern(struct ctx *ctx, const char *name);
void symbols_mark_start_stop(struct ctx *ctx);
struct symbol *symbol_add_global(struct ctx *ctx, struct input_file *f, const char *name,
				 const GElf_Sym *esym, struct input_section *isec);
bool symbol_wants_definition(struct ctx *ctx, const char *name);
struct symbol **symbol_all(struct ctx *ctx, size_t *count);
struct symbol **symbol_hash_order(struct ctx *ctx, size_t *count);

/* input.c */
void inputs_load(struct ctx *ctx);
struct input_file *object_load(struct ctx *ctx, const char *name, const char *archive,
			       const char *member, const uint8_t *data, size_t size);
bool member_load(struct ctx *ctx, struct archive_member *m);
/* a script read as an input file: the files it names join the link there */
void input_open_script(struct ctx *ctx, struct stmt *first, struct load_state *st);

/* address.c: CONSTANT(MAXPAGESIZE) and CONSTANT(COMMONPAGESIZE) of this link for target t;
 * false when both were given and the common one is larger */
struct target;
bool link_page_sizes(const struct ctx *ctx, const struct target *t, uint64_t *maxp, uint64_t *commonp);

/* reloc.c */
/* GNU ld's SEC_DEBUGGING sections (by name): relocations in them against discarded code are
 * dropped or pretend, never complained about */
bool is_debug_name(const char *name);
void relocs_scan(struct ctx *ctx);
void relocs_report_undefined_refs(struct ctx *ctx, struct symbol *s);
void relocs_check_undefined(struct ctx *ctx);
void relocs_apply(struct ctx *ctx, uint8_t *image);
size_t reloc_count_of(const struct input_section *isec);
/* the address size a reverse_copy section is reversed in units of */
uint64_t reverse_copy_word(const struct input_section *isec);
/* a reverse_copy section's bytes `in' into `out', its words in reverse order */
void reverse_copy_words(const struct input_section *isec, uint8_t *out, const uint8_t *in);
uint64_t symbol_address(const struct symbol *s);

/* merge.c: SHF_MERGE sections */
void merge_sections(struct ctx *ctx);
uint64_t merged_offset(const struct input_section *isec, uint64_t off);
uint64_t isec_output_size(const struct input_section *isec);
/* the offset of a symbol defined in s->isec within that section's output part (its merged
 * entry, as merged_offset) */
uint64_t symbol_section_offset(const struct symbol *s);
/* a global symbol that stays in a merged section left with no entries: GNU ld excludes the
 * section, and the symbol leaves the symbol table with it */
bool merge_symbol_excluded(const struct symbol *s);
/* the size GNU ld's map prints for a merged section all of whose entries went elsewhere */
uint64_t merged_map_size(const struct input_section *isec);
bool merge_input_excluded(const struct input_section *isec);
void merge_write(const struct input_section *isec, uint8_t *out);
/* where input byte `off` of isec lands, relative to isec's output position (as merged_offset,
 * and in the reversed word of a reverse_copy section); false when it was dropped (a removed
 * .eh_frame CIE/FDE): skip relocations there */
bool place_offset(const struct input_section *isec, uint64_t off, uint64_t *out);

/* eh_frame.c: .eh_frame editing (CIE merging, dead FDEs dropped) and .eh_frame_hdr */
struct eh_section;
void eh_frame_process(struct ctx *ctx);
/* did editing change the size of an .eh_frame input (bfd_elf_discard_info's answer) */
bool eh_frame_resized(void);
void eh_frame_hdr_create(struct ctx *ctx);
void merge_attach_eh(struct ctx *ctx, struct input_section *isec, struct eh_section *eh);
uint64_t eh_frame_offset(const struct eh_section *eh, const struct input_section *isec, uint64_t off, bool *dropped);
uint64_t eh_frame_size(const struct eh_section *eh);
void eh_frame_write(const struct eh_section *eh, const struct input_section *isec, uint8_t *out);

/* synthetic.c: sections and symbols the linker makes */
void synthetic_create(struct ctx *ctx);
void synthetic_check_discarded(struct ctx *ctx);
void synthetic_define_symbols(struct ctx *ctx);
void synthetic_place_ehdr_start(struct ctx *ctx);
bool symbol_in_output(struct ctx *ctx, const struct symbol *s);
struct input_section *synthetic_add_section(struct ctx *ctx, const char *name, uint32_t type, uint64_t flags,
					    uint64_t size, uint64_t align,
					    void (*synthesize)(struct ctx *, struct input_section *, uint8_t *));
void build_id_write(struct ctx *ctx, uint8_t *image, uint64_t size);

/* gc.c: --gc-sections, before mapping (GNU ld's lang_gc_sections) */
void gc_sections(struct ctx *ctx);
/* NOCROSSREFS / NOCROSSREFS_TO: prohibited references between output sections (after mapping) */
void check_nocrossrefs(struct ctx *ctx);

/* output.c */
void output_write(struct ctx *ctx);
/* an output section's bytes (inputs, fill, BYTE/LONG data) into the image at os->offset */
void output_write_section(struct ctx *ctx, uint8_t *image, struct output_section *os);
/* the section index a symbol has in .symtab and .dynsym */
uint16_t symbol_out_shndx(const struct ctx *ctx, const struct symbol *s);

/* relocatable.c: -r / -Ur output (ET_REL: sections, groups, .rela.*, .symtab) */
void relocatable_write(struct ctx *ctx);
/* -r keeps COMMON symbols unallocated unless -d or FORCE_COMMON_ALLOCATION */
bool relocatable_allocates_commons(struct ctx *ctx);
/* --emit-relocs (relocatable.c), driven by output_write: _begin renumbers the sections to make
 * room for a .rela.X after each X (NULL without the option), the writer records each output
 * section's symbol, enters the names, places the sections after .strtab and writes them */
struct emit_relocs;
struct strtab;
struct emit_relocs *emit_relocs_begin(struct ctx *ctx);
uint32_t emit_relocs_nsec(const struct emit_relocs *er);
void emit_relocs_section_symbol(struct emit_relocs *er, uint32_t shndx, uint32_t symidx);
void emit_relocs_name_for(struct emit_relocs *er, const struct output_section *os, struct strtab *shstr);
void emit_relocs_names(struct emit_relocs *er, struct strtab *shstr, bool finished);
uint64_t emit_relocs_layout(struct emit_relocs *er, uint64_t off);
void emit_relocs_write(struct emit_relocs *er, uint8_t *image, uint8_t *shdrs, uint32_t symtab_idx);
size_t emit_relocs_needed_locals(struct emit_relocs *er, struct input_file *f, struct symbol ***out);

/* foreign.c: -b binary and other non-ELF inputs */
void input_load_foreign(struct ctx *ctx, const char *path, const char *format, const uint8_t *data,
			size_t size);

/* gnu_property.c: .note.gnu.property merging (one kept section, rewritten) */
void gnu_properties_merge(struct ctx *ctx);

/* segments.c: the PHDRS checks GNU ld makes before sizing (lang_record_phdrs): no section
 * naming a program header is fatal, a :phdr naming no PHDRS entry an error */
struct layout;
void phdrs_check(struct ctx *ctx, struct layout *L);
/* segments.c: GNU ld's warnings about an executable stack the inputs or -z execstack ask for */
void execstack_check(struct ctx *ctx);

/* section_check.c: GNU ld's lang_check_section_addresses once addresses are final (wrapping
 * sections, overlapping LMAs and VMAs), unless --no-check-sections */
void check_section_addresses(struct ctx *ctx, struct layout *L);

/* script_load.c: linker scripts given with -T, as input files, or built in */
void scripts_load_user(struct ctx *ctx);
void scripts_load_default(struct ctx *ctx);
void script_load_input(struct ctx *ctx, const char *path, const char *text, size_t len,
		       struct load_state *g);
void script_declare_symbols(struct ctx *ctx);
void script_declare_kept_constraints(struct ctx *ctx);
void script_declare_stmt(struct ctx *ctx, const struct stmt *s);
void script_reference_region_symbols(struct ctx *ctx);
void script_fold_regions(struct ctx *ctx);
void script_declare_provides_of(struct ctx *ctx, const char *name);
struct input_section *script_symbol_input_section(struct ctx *ctx, const struct symbol *s);
void script_mark_taken_symbols(struct ctx *ctx);
const struct memory_region *script_region(const struct ctx *ctx, const char *name);

#endif
