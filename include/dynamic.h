/* Dynamic-linking sections for -pie and -shared (dynamic.c). */
#ifndef SLINK_DYNAMIC_H
#define SLINK_DYNAMIC_H

#include "slink.h"

struct reloc_args;
struct layout;

/* before layout, after the relocation scan and the GOT: make and size the dynamic sections */
void dynamic_create(struct ctx *ctx);
/* after mapping: .dynamic's tags (array sections, DT_TEXTREL) and its size; the relocations
 * of sections /DISCARD/ took leave their .rela<name> sections (whose output sections are
 * finished again); *symbols_resized: symbols left the dynamic symbol table
 * (dynamic_symbol_outputs changed) */
void dynamic_after_map(struct ctx *ctx, struct layout *L, bool *symbols_resized);
/* the output sections of .dynsym, .dynstr, the hash tables and the version sections: up to 6
 * into v, their number returned */
size_t dynamic_symbol_outputs(struct output_section **v);
/* after the segments: a dynamic table PHDRS made a note fails the link, as in GNU ld */
void dynamic_check_notes(struct ctx *ctx);
/* after the relocations were applied: write the dynamic sections' contents */
void dynamic_finish(struct ctx *ctx, uint8_t *image);
bool dynamic_active(const struct ctx *ctx);
/* made local in the output (.symtab binding STB_LOCAL): hidden symbols of a shared object,
 * VERSION `local:` matches, the linker's own (_DYNAMIC, _GLOBAL_OFFSET_TABLE_) */
bool dynamic_forced_local(const struct ctx *ctx, const struct symbol *s);
/* -shared: is the symbol in .dynsym */
bool dynamic_exports(const struct ctx *ctx, const struct symbol *s);
/* -shared without -Bsymbolic: a default-visibility symbol exported from the link, which GNU ld
 * reaches through symbolic dynamic relocations and PLT entries (slink makes neither) */
bool dynamic_preemptible(const struct ctx *ctx, const struct symbol *s);
/* relocation scan: does this relocation need a RELATIVE dynamic relocation? (then count it) */
bool dynamic_reloc_needed(struct ctx *ctx, const struct input_section *isec, const struct reloc_args *r);
void dynamic_count_reloc(struct input_section *isec, const struct symbol *sym);
/* relocation apply: record a RELATIVE relocation of `isec` at `place` whose address is `value` */
void dynamic_add_relative(const struct input_section *isec, uint64_t place, uint64_t value);
/* a .rela<name> section bfd makes as it scans the relocations (after its other sections) */
bool dynamic_scan_made(const struct ctx *ctx, const struct input_section *isec);
/* the output's relocation sections (not -r): sh_link to the symbol table they use, sh_info
 * and SHF_INFO_LINK to the section their name says they apply to (bfd's
 * assign_section_numbers) */
void dynamic_link_reloc_sections(struct ctx *ctx, uint32_t symtab_index);

#endif
