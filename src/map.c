/* -Map / -M: the link map in GNU ld 2.40's format (ldmain.c add_archive_element, ldlang.c
 * lang_one_common, lang_map, print_statement and friends), so that tools that read GNU ld map
 * files read slink's.  Intended differences are listed in docs/map-differences.md. */
#include <stdlib.h>

#include "passes.h"
#include "reports.h"
#include "target.h"

enum { NAME_COL = 16 }; /* GNU ld's SECTION_NAME_MAP_LENGTH */

struct symlist {
	struct symbol **v;
	size_t n, cap;
};

struct mapper {
	struct ctx *ctx;
	struct layout *L;
	FILE *out;
	int vw;               /* hex digits of an address: 16 (ELF64) or 8 (ELF32) */
	uint64_t print_dot;
	/* global symbols by defining input section (open addressing on the pointer) */
	const struct input_section **keys;
	struct symlist *lists;
	size_t cap;
};

static void spaces(FILE *out, int n)
{
	while (n-- > 0)
		fputc(' ', out);
}

static size_t slot_of(struct mapper *m, const struct input_section *isec)
{
	size_t h = ((uintptr_t)isec >> 4) * 0x9e3779b97f4a7c15ull;
	size_t j = h & (m->cap - 1);
	while (m->keys[j] && m->keys[j] != isec)
		j = (j + 1) & (m->cap - 1);
	return j;
}

static struct symlist *syms_of(struct mapper *m, const struct input_section *isec)
{
	if (!m->cap)
		return NULL;
	size_t j = slot_of(m, isec);
	return m->keys[j] ? &m->lists[j] : NULL;
}

/* GNU ld lists the global symbols defined in each input section (sort_def_symbol, in its hash
 * table order), sorted by value. */
static int cmp_sym_value(const void *pa, const void *pb)
{
	const struct symbol *a = *(struct symbol *const *)pa, *b = *(struct symbol *const *)pb;
	uint64_t va = symbol_address(a), vb = symbol_address(b);
	if (va != vb)
		return va < vb ? -1 : 1;
	return 0;
}

static void collect_symbols(struct mapper *m)
{
	size_t n;
	struct symbol **all = symbol_hash_order(m->ctx, &n);
	m->cap = 64;
	while (m->cap < n * 2)
		m->cap *= 2;
	m->keys = xcalloc(m->cap, sizeof(*m->keys));
	m->lists = xcalloc(m->cap, sizeof(*m->lists));
	for (size_t i = 0; i < n; i++) {
		struct symbol *s = all[i];
		if (s->kind != SYM_DEFINED || !s->isec || !s->isec->out || s->isec->discarded)
			continue;
		/* bfd moves symbols of a removed output section to a kept one of the output
		 * (_bfd_fix_excluded_sec_syms): GNU ld's map then lists them nowhere */
		if (s->isec->out->layout && s->isec->out->layout->removed)
			continue;
		size_t j = slot_of(m, s->isec);
		m->keys[j] = s->isec;
		struct symlist *l = &m->lists[j];
		vec_push(*l, s);
	}
	for (size_t j = 0; j < m->cap; j++) {
		struct symlist *l = &m->lists[j];
		/* stable: insertion sort keeps hash order among equal values */
		for (size_t a = 1; a < l->n; a++)
			for (size_t b = a; b > 0 && cmp_sym_value(&l->v[b - 1], &l->v[b]) > 0; b--) {
				struct symbol *t = l->v[b];
				l->v[b] = l->v[b - 1];
				l->v[b - 1] = t;
			}
	}
	free(all);
}

static void addr(struct mapper *m, uint64_t v)
{
	fprintf(m->out, "0x%0*llx", m->vw, (unsigned long long)(m->vw == 8 ? v & 0xffffffffu : v));
}

static void size_field(struct mapper *m, uint64_t v)
{
	char buf[32];
	snprintf(buf, sizeof(buf), "0x%llx", (unsigned long long)v);
	fprintf(m->out, "%10s", buf);
}

/* ---- the sections before the script ---- */

static void print_archive_members(struct mapper *m)
{
	bool header = false;
	for (size_t i = 0; i < m->ctx->files.n; i++) {
		struct input_file *f = m->ctx->files.v[i];
		if (!f->archive)
			continue;
		if (!header) {
			fprintf(m->out, "Archive member included to satisfy reference by file (symbol)\n\n");
			header = true;
		}
		int len = (int)strlen(f->name);
		fputs(f->name, m->out);
		if (len >= 29) {
			fputc('\n', m->out);
			len = 0;
		}
		spaces(m->out, 30 - len);
		if (f->extract_ref)
			fprintf(m->out, "%s ", f->extract_ref->name);
		/* --whole-archive members: GNU ld names the option instead of a symbol */
		fprintf(m->out, "(%s)\n", f->extract_symbol ? report_sym_name(m->ctx, f->extract_symbol) : "--whole-archive");
	}
}

static void print_commons(struct mapper *m)
{
	size_t n;
	struct symbol **all = symbol_hash_order(m->ctx, &n);
	bool header = false;
	for (size_t i = 0; i < n; i++) {
		struct symbol *s = all[i];
		if (s->kind != SYM_DEFINED || !s->isec || !s->file || s->isec != s->file->common)
			continue;
		if (!header) {
			fprintf(m->out, "\nAllocating common symbols\n");
			fprintf(m->out, "Common symbol       size              file\n\n");
			header = true;
		}
		const char *name = report_sym_name(m->ctx, s->name);
		int len = (int)strlen(name);
		fputs(name, m->out);
		if (len >= 19) {
			fputc('\n', m->out);
			len = 0;
		}
		char buf[32];
		snprintf(buf, sizeof(buf), "%llx", (unsigned long long)s->size);
		fprintf(m->out, "%*s0x%-16s%s\n", 20 - len, "", buf, s->file->name);
	}
	free(all);
}

static void print_input_section(struct mapper *m, const struct input_section *isec, bool discarded);

static void print_discarded(struct mapper *m)
{
	struct ctx *ctx = m->ctx;
	bool header = false;
	if (!ctx->opt.print_map_discarded)
		return;
	for (size_t i = 0; i < ctx->files.n; i++) {
		struct input_file *f = ctx->files.v[i];
		if (f->synthetic)
			continue;
		for (size_t k = 1; k < f->shnum; k++) {
			struct input_section *isec = f->sections[k];
			struct input_section group = {0};
			if (!isec) {
				/* bfd keeps SHT_GROUP sections as sections that never reach the output */
				GElf_Shdr sh;
				Elf_Scn *scn = f->elf ? elf_getscn(f->elf, k) : NULL;
				if (!scn || !gelf_getshdr(scn, &sh) || sh.sh_type != SHT_GROUP)
					continue;
				group.file = f;
				group.name = elf_strptr(f->elf, f->shstrndx, sh.sh_name);
				group.size = sh.sh_size;
				if (!group.name)
					continue;
				isec = &group;
			} else if (!isec->discarded || isec->out || report_keep_matches(m->L, isec)) {
				continue;
			}
			if (!header) {
				fprintf(m->out, "\nDiscarded input sections\n\n");
				header = true;
			}
			print_input_section(m, isec, true);
		}
	}
}

static void print_memory(struct mapper *m)
{
	struct report_region *r;
	size_t n = report_regions(m->ctx, m->L, &r);
	fprintf(m->out, "\nMemory Configuration\n\n");
	fprintf(m->out, "%-16s %-18s %-18s %s\n", "Name", "Origin", "Length", "Attributes");
	for (size_t i = 0; i <= n; i++) {
		const char *name = i < n ? r[i].name : "*default*";
		uint64_t origin = i < n ? r[i].origin : 0;
		uint64_t length = i < n ? r[i].length : (m->vw == 8 ? 0xffffffffull : ~0ull);
		unsigned attrs = i < n ? r[i].desc->attrs : 0, not_attrs = i < n ? r[i].desc->not_attrs : 0;
		char buf[32];
		fprintf(m->out, "%-16s", name);
		snprintf(buf, sizeof(buf), "%0*llx", m->vw, (unsigned long long)origin);
		fprintf(m->out, " 0x%-16s", buf);
		snprintf(buf, sizeof(buf), "%0*llx", m->vw, (unsigned long long)length);
		fprintf(m->out, " 0x%*s", attrs || not_attrs ? -17 : 0, buf);
		/* GNU ld's lang_map_flags order: alloc, code, readonly, data, load */
		static const struct { unsigned bit; char c; } flags[] = {
			{MEM_A, 'a'}, {MEM_X, 'x'}, {MEM_R, 'r'}, {MEM_W, 'w'}, {MEM_I, 'l'},
		};
		for (size_t k = 0; k < 5; k++)
			if (attrs & flags[k].bit)
				fputc(flags[k].c, m->out);
		if (not_attrs) {
			fputc('!', m->out);
			for (size_t k = 0; k < 5; k++)
				if (not_attrs & flags[k].bit)
					fputc(flags[k].c, m->out);
		}
		fputc('\n', m->out);
	}
	free(r);
}

/* ---- the statements ---- */

static void print_input_section(struct mapper *m, const struct input_section *isec, bool discarded)
{
	FILE *out = m->out;
	int len = 1 + (int)strlen(isec->name);
	fprintf(out, " %s", isec->name);
	if (len >= NAME_COL - 1) {
		fputc('\n', out);
		len = 0;
	}
	spaces(out, NAME_COL - len);
	bool placed = !discarded && isec->out;
	uint64_t a = placed ? isec->out->addr + isec->out_offset : m->print_dot;
	uint64_t size = placed ? isec_output_size(isec) : discarded ? isec->size : 0;
	/* bfd leaves a merged section whose every entry is a duplicate at its input size (and
	 * excludes it) rather than shrinking it */
	bool all_dups = placed && isec->merge && size == 0 && isec->size;
	if (all_dups)
		size = merged_map_size(isec);
	addr(m, a);
	fputc(' ', out);
	size_field(m, size);
	fprintf(out, " %s\n", report_file_name(m->ctx, isec));
	if (placed && size != isec->size && isec->size) {
		/* merged strings, edited .eh_frame: GNU ld shows the input size too */
		spaces(out, NAME_COL + 3 + m->vw);
		size_field(m, isec->size);
		fprintf(out, " (size before relaxing)\n");
	}
	if (!placed)
		return;
	struct symlist *l = syms_of(m, isec);
	for (size_t i = 0; l && i < l->n; i++) {
		spaces(out, NAME_COL);
		addr(m, symbol_address(l->v[i]));
		fprintf(out, "                %s\n", report_sym_name(m->ctx, l->v[i]->name));
	}
	if (a + size > m->print_dot)
		m->print_dot = a + size;
}

static void print_fill(struct mapper *m, uint64_t at, uint64_t size, const struct fill_pattern *fill)
{
	fprintf(m->out, " *fill*");
	spaces(m->out, NAME_COL - 7);
	addr(m, at);
	fputc(' ', m->out);
	size_field(m, size);
	fputc(' ', m->out);
	for (size_t i = 0; fill && i < fill->size; i++)
		fprintf(m->out, "%02x", fill->data[i]);
	fputc('\n', m->out);
	m->print_dot = at + size;
}

/* GNU ld's padding statements sit before the input section, data or after the `. =` that
 * made them: print those of the section that start before `offset` */
static void print_pads(struct mapper *m, const struct layout_osec *lo, size_t *next, uint64_t offset)
{
	for (; *next < lo->pads.n && lo->pads.v[*next].offset < offset; (*next)++) {
		const struct pad *p = &lo->pads.v[*next];
		print_fill(m, lo->os->addr + p->offset, p->size, p->fill);
	}
}

static void print_assignment(struct mapper *m, const struct stmt *st, bool have_dot, uint64_t dot_after)
{
	const struct assign *a = &st->assign;
	struct sbuf b = {0};
	char val[40];
	const char *str = val;
	bool provide = a->kind == ASSIGN_PROVIDE || a->kind == ASSIGN_PROVIDE_HIDDEN;
	spaces(m->out, NAME_COL);
	if (!strcmp(a->name, ".")) {
		if (have_dot) {
			snprintf(val, sizeof(val), "0x%0*llx", m->vw, (unsigned long long)dot_after);
			m->print_dot = dot_after;
		} else {
			str = "*undef*";
		}
	} else {
		struct symbol *s = symbol_find(m->ctx, a->name);
		if (provide && !(s && s->kind == SYM_SCRIPT && s->provide))
			str = "[!provide]";
		else if (!s || (s->kind != SYM_SCRIPT && s->kind != SYM_DEFINED))
			str = "*undef*";
		else
			snprintf(val, sizeof(val), "0x%0*llx", m->vw, (unsigned long long)symbol_address(s));
	}
	report_assign(&b, a);
	fprintf(m->out, "%-34s%s\n", str, sb_str(&b));
	free(b.s);
}

static void print_assert(struct mapper *m, const struct stmt *st)
{
	struct sbuf b = {0};
	char val[40];
	/* the link got here, so the condition held: GNU ld prints its value */
	snprintf(val, sizeof(val), "0x%0*llx", m->vw, 1ull);
	spaces(m->out, NAME_COL);
	sb_puts(&b, "ASSERT (");
	report_expr(&b, st->assert_.cond);
	sb_printf(&b, ", %s)", st->assert_.message ? st->assert_.message : "");
	fprintf(m->out, "%-34s%s\n", val, sb_str(&b));
	free(b.s);
}

static void print_wild_line(struct mapper *m, const struct stmt *st)
{
	struct sbuf b = {0};
	report_wild(&b, st->input);
	fprintf(m->out, " %s\n", sb_str(&b));
	free(b.s);
}

static const char *data_name(enum data_kind k)
{
	static const char *const n[] = {[DATA_BYTE] = "BYTE", [DATA_SHORT] = "SHORT", [DATA_LONG] = "LONG",
					[DATA_QUAD] = "QUAD", [DATA_SQUAD] = "SQUAD"};
	return n[k];
}

static void print_osec(struct mapper *m, struct layout_osec *lo)
{
	FILE *out = m->out;
	struct output_section *os = lo->os;
	bool exists = report_osec_exists(m->L, lo);
	fprintf(out, "\n%s", os->name);
	if (exists) {
		int len = (int)strlen(os->name);
		if (len >= NAME_COL - 1) {
			fputc('\n', out);
			len = 0;
		}
		spaces(out, NAME_COL - len);
		addr(m, os->addr);
		fputc(' ', out);
		size_field(m, lo->removed ? 0 : os->size);
		if (os->addr != os->lma) {
			fprintf(out, " load address ");
			addr(m, os->lma);
		}
		m->print_dot = os->addr;
	}
	fputc('\n', out);
	size_t data = 0, pad = 0;
	bool pads = !lo->removed;
	for (size_t i = 0; i < lo->items.n; i++) {
		struct lo_item *it = &lo->items.v[i];
		switch (it->kind) {
		case IT_INPUTS:
			if (it->st)
				print_wild_line(m, it->st);
			for (size_t j = 0; j < it->secs.n; j++) {
				struct input_section *isec = it->secs.v[j];
				if (pads)
					print_pads(m, lo, &pad, isec->out_offset);
				print_input_section(m, isec, false);
			}
			break;
		case IT_ASSIGN:
			print_assignment(m, it->st, true, it->dot_after);
			if (pads && !strcmp(it->st->assign.name, ".") && it->dot_after >= os->addr)
				print_pads(m, lo, &pad, it->dot_after - os->addr);
			break;
		case IT_DATA: {
			const struct stmt *st = it->st;
			uint64_t at = os->addr, value = 0, size = 0;
			if (data < os->data.n) {
				at += os->data.v[data].offset;
				value = os->data.v[data].value;
				size = os->data.v[data].size;
			}
			data++;
			if (pads)
				print_pads(m, lo, &pad, at - os->addr);
			spaces(out, NAME_COL);
			addr(m, at);
			fputc(' ', out);
			size_field(m, size);
			fprintf(out, " %s 0x%llx", data_name(st->data.kind), (unsigned long long)value);
			uint64_t folded;
			if (!report_fold(st->data.value, &folded)) {
				struct sbuf b = {0};
				report_expr(&b, st->data.value);
				fprintf(out, " %s", sb_str(&b));
				free(b.s);
			}
			fputc('\n', out);
			m->print_dot = at + size;
			break;
		}
		case IT_FILL: {
			uint64_t v = 0;
			report_fold(it->st->fill, &v);
			const struct fill_pattern *f = fill_from_expr(m->ctx, it->st->fill, v);
			fprintf(out, " FILL mask 0x");
			for (size_t k = 0; k < f->size; k++)
				fprintf(out, "%02x", f->data[k]);
			fputc('\n', out);
			break;
		}
		case IT_ASSERT:
			print_assert(m, it->st);
			break;
		}
	}
	if (pads)
		print_pads(m, lo, &pad, UINT64_MAX);
}

/* An output section statement that is not in the layout: /DISCARD/, or one whose ONLY_IF_RO /
 * ONLY_IF_RW constraint failed.  GNU ld prints its name and its commands. */
static void print_ghost(struct mapper *m, const struct stmt *st)
{
	fprintf(m->out, "\n%s\n", st->osec->name);
	for (const struct stmt *s = st->osec->body; s; s = s->next) {
		if (s->kind == ST_INPUT_SECTION) {
			print_wild_line(m, s);
		} else if (s->kind == ST_ASSIGN) {
			struct sbuf b = {0};
			bool provide = s->assign.kind == ASSIGN_PROVIDE || s->assign.kind == ASSIGN_PROVIDE_HIDDEN;
			report_assign(&b, &s->assign);
			spaces(m->out, NAME_COL);
			fprintf(m->out, "%-34s%s\n", provide ? "[!provide]" : "*undef*", sb_str(&b));
			free(b.s);
		}
	}
}

static bool is_defsym(struct ctx *ctx, const struct stmt *st)
{
	for (size_t i = 0; i < ctx->defsym_stmts.n; i++)
		if (ctx->defsym_stmts.v[i] == st)
			return true;
	return false;
}

static void print_node(struct mapper *m, struct lnode *n)
{
	switch (n->kind) {
	case LN_ASSIGN:
		print_assignment(m, n->st, true, n->dot_after);
		break;
	case LN_ASSERT:
		print_assert(m, n->st);
		break;
	case LN_OSEC:
		print_osec(m, n->lo);
		break;
	case LN_DROPPED: /* its constraint failed: GNU ld lists its name and commands */
	case LN_DISCARD:
		print_ghost(m, n->st);
		break;
	}
}

static size_t node_of_stmt(struct layout *L, const struct stmt *st)
{
	for (size_t i = 0; i < L->nodes.n; i++)
		if (L->nodes.v[i].st == st || (L->nodes.v[i].lo && L->nodes.v[i].lo->desc && st->kind == ST_OUTPUT_SECTION &&
					       L->nodes.v[i].lo->desc == st->osec))
			return i;
	return (size_t)-1;
}

struct ghost {
	const struct stmt *st;
	size_t after; /* node index + 1 it follows (0: before every node) */
};
struct ghost_vec VEC_BODY(struct ghost);

static void find_ghosts(struct mapper *m, const struct stmt *list, struct ghost_vec *out)
{
	for (const struct stmt *s = list; s; s = s->next) {
		if (s->kind == ST_SECTIONS) {
			find_ghosts(m, s->sections, out);
			continue;
		}
		if (s->kind != ST_OUTPUT_SECTION || node_of_stmt(m->L, s) != (size_t)-1)
			continue;
		/* after the nearest earlier statement of the list that is in the layout */
		size_t after = 0;
		for (const struct stmt *p = list; p != s; p = p->next) {
			size_t k = node_of_stmt(m->L, p);
			if (k != (size_t)-1)
				after = k + 1;
		}
		vec_push(*out, ((struct ghost){s, after}));
	}
}

static void print_loads(struct mapper *m)
{
	struct ctx *ctx = m->ctx;
	for (size_t i = 0; i < ctx->opt.inputs.n; i++) {
		const struct input_arg *a = &ctx->opt.inputs.v[i];
		switch (a->kind) {
		case IN_FILE:
			fprintf(m->out, "LOAD %s\n", a->name);
			break;
		case IN_LIBRARY: {
			const char *found = NULL;
			for (size_t k = 0; k < ctx->opt.lib_paths.n && !found; k++) {
				const char *p = a->name[0] == ':' ? arena_printf(&ctx->arena, "%s/%s", ctx->opt.lib_paths.v[k], a->name + 1)
								  : arena_printf(&ctx->arena, "%s/lib%s.a", ctx->opt.lib_paths.v[k], a->name);
				FILE *f = fopen(p, "rb");
				if (f) {
					fclose(f);
					found = p;
				}
			}
			fprintf(m->out, "LOAD %s\n", found ? found : a->name);
			break;
		}
		case IN_GROUP_START:
			fprintf(m->out, "START GROUP\n");
			break;
		case IN_GROUP_END:
			fprintf(m->out, "END GROUP\n");
			break;
		}
	}
}

static void print_defsyms(struct mapper *m)
{
	for (size_t i = 0; i < m->L->nodes.n; i++)
		if (m->L->nodes.v[i].kind == LN_ASSIGN && is_defsym(m->ctx, m->L->nodes.v[i].st))
			print_node(m, &m->L->nodes.v[i]);
}

void map_write(struct ctx *ctx, struct layout *L, FILE *out)
{
	struct mapper m = {.ctx = ctx, .L = L, .out = out, .vw = ctx->target->elfclass == ELFCLASS64 ? 16 : 8};
	collect_symbols(&m);
	print_archive_members(&m);
	print_commons(&m);
	print_discarded(&m);
	print_memory(&m);
	fprintf(out, "\nLinker script and memory map\n\n");

	/* GNU ld keeps the command line's order: -T scripts are read where they appear (before the
	 * inputs, as usually written), the built-in script after every input */
	bool user_script = ctx->opt.scripts.n > 0;
	if (!user_script) {
		print_loads(&m);
		print_defsyms(&m);
	}
	struct ghost_vec ghosts = {0};
	if (ctx->script)
		find_ghosts(&m, ctx->script->cmds, &ghosts);
	size_t g = 0, pending = 0; /* ghosts [g, pending) wait for the next non-orphan node */
	/* GNU ld appends non-alloc orphans to the statement list when the script has no non-alloc
	 * output section to put them after: they print after OUTPUT() */
	size_t late = L->nodes.n;
	bool script_nonalloc = !user_script;
	for (size_t i = 0; i < L->nodes.n; i++) {
		struct lnode *n = &L->nodes.v[i];
		if (n->kind == LN_OSEC && !n->lo->orphan && !n->lo->removed && !(n->lo->os->flags & SHF_ALLOC))
			script_nonalloc = true;
	}
	/* ... and puts an orphan after the statements that follow its section up to the next
	 * output section (insert_os_after): after a -T script's last one, that is after the
	 * inputs and OUTPUT() */
	while (late > 0 && L->nodes.v[late - 1].kind == LN_OSEC && L->nodes.v[late - 1].lo->orphan &&
	       (user_script || (!script_nonalloc && !(L->nodes.v[late - 1].lo->os->flags & SHF_ALLOC))))
		late--;
	for (size_t i = 0; i <= late; i++) {
		struct lnode *n = i < late ? &L->nodes.v[i] : NULL;
		while (pending < ghosts.n && ghosts.v[pending].after <= i)
			pending++;
		/* a ghost follows the statement before it and the orphans placed after that one */
		if (!n || !(n->kind == LN_OSEC && n->lo->orphan))
			for (; g < pending; g++)
				print_ghost(&m, ghosts.v[g].st);
		if (!n)
			break;
		if (n->kind == LN_ASSIGN && is_defsym(ctx, n->st))
			continue;
		print_node(&m, n);
	}
	for (; g < ghosts.n; g++)
		print_ghost(&m, ghosts.v[g].st);
	free(ghosts.v);
	if (user_script) {
		print_loads(&m);
		print_defsyms(&m);
	}
	const char *fmt = ctx->target->elfclass == ELFCLASS64 ? "elf64-x86-64"
			  : ctx->target->machine == EM_X86_64 ? "elf32-x86-64" : "elf32-i386";
	if (ctx->opt.oformat)
		fmt = ctx->opt.oformat;
	fprintf(out, "OUTPUT(%s %s)\n", ctx->opt.output ? ctx->opt.output : "a.out", fmt);
	for (size_t i = late; i < L->nodes.n; i++)
		print_node(&m, &L->nodes.v[i]);
	for (size_t j = 0; j < m.cap; j++)
		free(m.lists[j].v);
	free(m.lists);
	free(m.keys);
}
