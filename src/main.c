/* slink: a linker-script-driven ELF linker.  The link is this list of passes. */
#include <stdlib.h>

#include "dynamic.h"
#include "layout.h"
#include "oformat.h"
#include "passes.h"
#include "reports.h"
#include "target.h"

/* The entry point: -e, else the script's ENTRY, else _start; a number is an address. */
static void resolve_entry(struct ctx *ctx, struct layout *L)
{
	/* GNU ld's own default is `start' (ldlang.c's entry_symbol_default): the default scripts
	 * say ENTRY(_start), a -T script without ENTRY gets `start' */
	const char *name = ctx->opt.entry ? ctx->opt.entry : L->entry_name ? L->entry_name : "start";
	struct symbol *s = symbol_find(ctx, name);
	if (s && (s->kind == SYM_DEFINED || s->kind == SYM_SCRIPT)) {
		ctx->entry_addr = symbol_address(s);
		s->cmdline_ref = true; /* GNU ld marks it: kept in .symtab even if defined in *UND* */
		return;
	}
	char *end;
	unsigned long long v = strtoull(name, &end, 0);
	if (*name && !*end) {
		ctx->entry_addr = v;
		return;
	}
	if (ctx->opt.kind == OUT_RELOCATABLE || ctx->opt.kind == OUT_SHARED)
		return;
	/* an entry symbol named by -e or ENTRY is a reference of its own: it shows as undefined
	 * in .symtab (GNU ld only looks the default one up) */
	if (ctx->opt.entry || L->entry_name) {
		struct symbol *u = symbol_intern(ctx, name);
		u->referenced = u->cmdline_ref = true;
		u->weak_ref_only = false;
	}
	/* GNU ld falls back to the start of .text, found by name even when it was removed
	 * empty, but not when nothing made it (all its inputs were garbage collected) */
	uint64_t addr = 0;
	bool found = false;
	/* (bfd's lookup finds the first section it made of the name: a constraint-dropped
	 * statement's that an ADDR() made before the mapping comes first) */
	for (size_t g = 0; g < L->ghosts.n && !found; g++)
		if (!strcmp(L->ghosts.v[g]->os->name, ".text")) {
			addr = L->ghosts.v[g]->os->addr;
			found = true;
		}
	for (size_t i = 0; i < L->nodes.n && !found; i++)
		if (L->nodes.v[i].kind == LN_OSEC && !strcmp(L->nodes.v[i].lo->os->name, ".text") &&
		    osec_made(L->nodes.v[i].lo)) {
			addr = L->nodes.v[i].lo->os->addr;
			found = true;
		}
	ctx->entry_addr = addr;
	if (ctx->opt.entry || L->entry_name) /* no warning for the default that is not there */
		warn(ctx, "cannot find entry symbol %s; defaulting to %0*llx", name,
		     ctx->target->elfclass == ELFCLASS64 ? 16 : 8, (unsigned long long)addr);
}

/* --require-defined=SYM: the link fails unless SYM ends up defined */
static void check_required(struct ctx *ctx)
{
	for (size_t i = 0; i < ctx->opt.require_defined.n; i++) {
		struct symbol *s = symbol_find(ctx, ctx->opt.require_defined.v[i]);
		if (!s || (s->kind != SYM_DEFINED && s->kind != SYM_SCRIPT))
			error(ctx, "required symbol `%s' not defined", ctx->opt.require_defined.v[i]);
	}
}

int main(int argc, char **argv)
{
	struct ctx *ctx = xcalloc(1, sizeof(*ctx));
	struct layout *L = xcalloc(1, sizeof(*L));
	ctx->und_section.name = "*UND*";

	/* GNU ld's command line, with its position-dependent state */
	if (!options_parse(ctx, argc, argv))
		return 1;
	/* -T scripts first: the symbols they assign keep archive members from being pulled */
	scripts_load_user(ctx);
	/* objects, archives and groups, in command-line order; the target follows the inputs */
	inputs_load(ctx);
	checkpoint(ctx);
	/* MEMORY's origins and lengths, folded once with the values the inputs and the first
	 * fold of the assignments gave the symbols they name */
	script_fold_regions(ctx);
	/* GNU ld merges property notes once every input is open (after_open), before any mapping */
	gnu_properties_merge(ctx);
	/* without -T, the emulation's built-in script (needs the target) */
	scripts_load_default(ctx);
	/* -v or --verbose with nothing to link: GNU ld stops once it printed what it has */
	if (!ctx->input_named)
		return ctx->errors ? 1 : 0;
	/* --oformat / OUTPUT_FORMAT known now: a bad name stops the link before any layout */
	oformat_check(ctx);
	/* __start_SEC / __stop_SEC the objects refer to are the linker's from here on */
	symbols_mark_start_stop(ctx);
	/* PROVIDEd symbols count as defined once they are known to be referenced */
	script_declare_symbols(ctx);
	/* __ehdr_start, if referenced: the linker's, placed at the headers later */
	synthetic_define_symbols(ctx);
	checkpoint(ctx);
	/* --gc-sections: unreachable input sections are discarded before anything is mapped */
	gc_sections(ctx);
	/* which symbols need GOT slots (and GOT loads that relax away) */
	relocs_scan(ctx);
	checkpoint(ctx);
	/* .got, .got.plt, build-id: input sections of the linker's own, placed by the script */
	synthetic_create(ctx);
	/* -pie/-shared: .dynsym, .dynstr, .hash, .gnu.hash, .gnu.version*, .dynamic, .rela.dyn */
	dynamic_create(ctx);
	/* every input section to its output section: script rules, then orphans */
	layout_map(ctx, L);
	/* a .got.plt with contents that /DISCARD/ took cannot be filled in */
	synthetic_check_discarded(ctx);
	/* PROVIDEs wanted only by the addresses of ONLY_IF_RO/RW statements that stayed */
	script_declare_kept_constraints(ctx);
	/* -pie/-shared: .dynamic's tags name output sections, known now; relocations of
	 * sections /DISCARD/ took leave .rela.dyn */
	bool symbols_resized;
	dynamic_after_map(ctx, L, &symbols_resized);
	struct output_section *dynsecs[6];
	for (size_t i = 0, n = symbols_resized ? dynamic_symbol_outputs(dynsecs) : 0; i < n; i++)
		layout_refinish(L, dynsecs[i]);
	/* an executable stack asked for by an input (or -z execstack) is worth a warning */
	execstack_check(ctx);
	/* every undefined reference from a section that stays in the output */
	relocs_check_undefined(ctx);
	checkpoint(ctx);
	/* SHF_MERGE contents are deduplicated once their output sections are known */
	merge_sections(ctx);
	/* .eh_frame: dead FDEs dropped, identical CIEs merged, .eh_frame_hdr sized */
	eh_frame_process(ctx);
	/* the PHDRS checks GNU ld makes before sizing (a script naming no program header is fatal) */
	phdrs_check(ctx, L);
	/* addresses: the SECTIONS walk repeated until nothing moves */
	layout_assign(ctx, L);
	/* overlapping or wrapping sections (--no-check-sections turns it off) */
	check_section_addresses(ctx, L);
	checkpoint(ctx);
	/* program headers and file offsets: the memory layout is fixed from here on */
	layout_segments(ctx, L);
	synthetic_place_ehdr_start(ctx);
	resolve_entry(ctx, L);
	/* -Map, --cref, --layout-json...: written before the output, so they exist if it fails */
	reports_write(ctx, L);
	/* NOCROSSREFS: relocations from one listed section to a symbol defined in another */
	check_nocrossrefs(ctx);
	check_required(ctx);
	dynamic_check_notes(ctx);
	checkpoint(ctx);
	/* bytes, relocations, symbol table, headers; renamed over the output on success */
	output_write(ctx);
	return ctx->errors ? 1 : 0;
}
