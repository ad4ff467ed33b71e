/* --cref: GNU ld's cross reference table (ldcref.c output_cref): every global symbol an input
 * object defines or references, by name, then the files: definitions first, then common
 * definitions, then references, each group in reverse load order (GNU ld prepends). */
#include <stdlib.h>

#include "passes.h"
#include "reports.h"

enum { FILE_COL = 50 };

struct cref_ent {
	struct symbol *sym;
	const char *name;      /* as printed: demangled unless --no-demangle */
	VEC(struct input_file *) defs, commons, refs;
};

static int cmp_name(const void *a, const void *b)
{
	const struct cref_ent *x = *(struct cref_ent *const *)a, *y = *(struct cref_ent *const *)b;
	return strcmp(x->name, y->name);
}

void cref_write(struct ctx *ctx, FILE *out)
{
	fprintf(out, "\nCross Reference Table\n\n");
	fprintf(out, "%-*s%s\n", FILE_COL, "Symbol", "File");
	size_t nsyms;
	struct symbol **all = symbol_all(ctx, &nsyms);
	/* symbol -> entry through the creation order index */
	struct cref_ent **ent = xcalloc(nsyms ? nsyms : 1, sizeof(*ent));
	VEC(struct cref_ent *) list = {0};
	for (size_t fi = 0; fi < ctx->files.n; fi++) {
		struct input_file *f = ctx->files.v[fi];
		if (f->synthetic || !f->elf || !f->symtab_index)
			continue;
		Elf_Data *d = elf_getdata(elf_getscn(f->elf, f->symtab_index), NULL);
		for (size_t i = f->first_global; d && i < f->nsyms; i++) {
			struct symbol *s = f->syms[i];
			GElf_Sym sym;
			if (!s || s->is_local || !gelf_getsym(d, (int)i, &sym) || s->order >= nsyms)
				continue;
			struct cref_ent *e = ent[s->order];
			/* a definition in a COMDAT group that lost is read as a reference */
			struct input_section *in = sym.st_shndx < f->shnum && sym.st_shndx != SHN_UNDEF ? f->sections[sym.st_shndx] : NULL;
			bool lost = in && in->discarded && !in->discard_by_script && (in->flags & SHF_GROUP);
			/* GNU ld skips (and so never notes) a weak definition that comes after a
			 * definition (_bfd_elf_merge_symbol) */
			bool is_def = sym.st_shndx != SHN_UNDEF && sym.st_shndx != SHN_COMMON && !lost;
			if (is_def && GELF_ST_BIND(sym.st_info) == STB_WEAK && e && e->defs.n)
				continue;
			if (!e) {
				e = ent[s->order] = xcalloc(1, sizeof(*e));
				e->sym = s;
				e->name = report_sym_name(ctx, s->name);
				vec_push(list, e);
			}
			if (sym.st_shndx == SHN_COMMON)
				vec_push(e->commons, f);
			else if (sym.st_shndx != SHN_UNDEF && !lost)
				vec_push(e->defs, f);
			else
				vec_push(e->refs, f);
		}
	}
	qsort(list.v, list.n, sizeof(*list.v), cmp_name);
	for (size_t i = 0; i < list.n; i++) {
		struct cref_ent *e = list.v[i];
		struct symbol *s = e->sym;
		/* GNU ld skips symbols defined in a section that is not in the output */
		if (s->kind == SYM_DEFINED && s->isec && (!s->isec->out || s->isec->discarded))
			continue;
		/* GNU ld's own _GLOBAL_OFFSET_TABLE_ (in its dynobj's .got.plt): listed only when that
		 * section stays, defined by the dynobj (the first input object; its own reference
		 * merges into that entry) */
		if (!strcmp(s->name, "_GLOBAL_OFFSET_TABLE_")) {
			if (!(s->kind == SYM_DEFINED && s->isec && s->isec->out && !(s->isec->out->layout && s->isec->out->layout->removed)))
				continue;
			struct input_file *dynobj = NULL;
			for (size_t k = 0; k < ctx->files.n && !dynobj; k++)
				if (!ctx->files.v[k]->synthetic)
					dynobj = ctx->files.v[k];
			size_t w = 0;
			for (size_t k = 0; k < e->refs.n; k++)
				if (e->refs.v[k] != dynobj)
					e->refs.v[w++] = e->refs.v[k];
			e->refs.n = w;
			e->defs.n = 0;
			if (dynobj)
				vec_push(e->defs, dynobj);
		}
		fprintf(out, "%s ", e->name);
		int len = (int)strlen(e->name) + 1;
		struct input_file **groups[3] = {e->defs.v, e->commons.v, e->refs.v};
		size_t counts[3] = {e->defs.n, e->commons.n, e->refs.n};
		/* GNU ld prepends each file to the symbol's list: each group prints newest first */
		for (int gi = 0; gi < 3; gi++)
			for (size_t k = counts[gi]; k-- > 0;) {
				for (; len < FILE_COL; len++)
					fputc(' ', out);
				fprintf(out, "%s\n", groups[gi][k]->name);
				len = 0;
			}
		if (len)
			fputc('\n', out);
	}
	for (size_t i = 0; i < list.n; i++) {
		free(list.v[i]->defs.v);
		free(list.v[i]->commons.v);
		free(list.v[i]->refs.v);
		free(list.v[i]);
	}
	free(list.v);
	free(ent);
	free(all);
}
