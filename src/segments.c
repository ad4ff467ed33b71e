/* Program headers and file offsets, by GNU ld's default rules (no PHDRS command):
 * sections go into one PT_LOAD while they are contiguous in memory, keep the same VMA-LMA
 * relation, do not put file bytes after bss, and (with -z separate-code) do not mix code with
 * data; the file and program headers share the first PT_LOAD when the script left room for
 * them.  Then PT_NOTE, PT_TLS, PT_GNU_PROPERTY, PT_GNU_EH_FRAME, PT_GNU_STACK, PT_GNU_RELRO. */
#include <stdlib.h>

#include "layout.h"
#include "oformat.h"
#include "passes.h"
#include "target.h"

size_t node_of(const struct layout *L, const struct layout_osec *lo)
{
	for (size_t i = 0; i < L->nodes.n; i++)
		if (L->nodes.v[i].lo == lo)
			return i;
	return L->nodes.n;
}

/* bfd's IS_TBSS, on its section flags (segment map): thread-local without SEC_LOAD */
static bool is_tbss(const struct output_section *os)
{
	return osec_bfd_tls(os) && !osec_bfd_load(os);
}

/* ... and on the ELF header (file positions, ELF_SECTION_IN_SEGMENT): a name gives SHF_TLS */
static bool elf_tbss(const struct output_section *os)
{
	return os->type == SHT_NOBITS && (os->flags & SHF_TLS);
}

static bool is_load(const struct output_section *os)
{
	return (os->flags & SHF_ALLOC) && os->type != SHT_NOBITS;
}

/* a loaded note as bfd's segment map sees it (a type only (TYPE = ...) gave comes later) */
static bool load_note(const struct output_section *os)
{
	return os->type == SHT_NOTE && !os->script_typed && is_load(os);
}

/* A PT_LOAD in the making: sections [first, last) of the sorted list. */
struct load_map {
	size_t first, last;
	bool headers;          /* file and program headers at its start */
	bool headers_only;     /* the separate headers segment of -z separate-code */
	uint64_t hdr_vaddr, hdr_paddr;
};

/* SEC_LOAD: an allocated section with contents, or a DSECT/COPY/INFO/OVERLAY one that kept
 * it from allocated inputs */
static bool bfd_loaded(const struct output_section *os)
{
	if (osec_bfd_alloc(os))
		return os->type != SHT_NOBITS;
	return os->layout && os->layout->noalloc_load;
}

/* elf_sort_sections without its final tie-break (the list order) */
static int cmp_lma_only(const struct output_section *a, const struct output_section *b)
{
	if (a->lma != b->lma)
		return a->lma < b->lma ? -1 : 1;
	if (a->addr != b->addr)
		return a->addr < b->addr ? -1 : 1;
	bool ea = !osec_bfd_tls(a) && !bfd_loaded(a) && a->size;
	bool eb = !osec_bfd_tls(b) && !bfd_loaded(b) && b->size;
	if (ea != eb)
		return ea ? 1 : -1;
	/* then the smaller first (zero-sized before others at the same address) */
	uint64_t sa = bfd_loaded(a) ? a->size : 0, sb = bfd_loaded(b) ? b->size : 0;
	if (sa != sb)
		return sa < sb ? -1 : 1;
	return 0;
}

/* bfd's SEC_READONLY: from the mapping (a data-only section of a writable name is read-only),
 * except .text's, which GNU ld sets (read-only unless -N, as its flags already say) */
static bool bfd_readonly(const struct output_section *os)
{
	if (!os->layout || !strcmp(os->name, ".text"))
		return !(os->flags & SHF_WRITE);
	return osec_bfd_readonly(os->layout);
}

static int cmp_lma(const void *pa, const void *pb)
{
	const struct output_section *a = *(struct output_section *const *)pa, *b = *(struct output_section *const *)pb;
	int c = cmp_lma_only(a, b);
	if (c)
		return c;
	return a->order < b->order ? -1 : a->order > b->order;
}

/* The allocated sections in LMA order and their PT_LOAD grouping. */
/* the memory region GNU ld's statement for the section has (os->region, as sizing left it):
 * the first statement of the name, as lang_output_section_find finds it */
static const struct region *region_of(struct layout *L, const struct layout_osec *lo)
{
	return layout_find_osec(L, lo->os->name)->region_used;
}

static size_t map_loads(struct ctx *ctx, struct layout *L, struct output_section **secs, size_t count,
			struct load_map *maps, uint64_t phdr_size, bool has_interp)
{
	uint64_t page = L->maxpagesize;
	size_t nmaps = 0;
	/* -N / -n: not demand paged (bfd's D_PAGED off): no headers in a PT_LOAD, no page rules;
	 * with an interpreter the headers are loaded (PT_PHDR) */
	bool paged = ctx->opt.magic == MAGIC_DEMAND_PAGED;
	bool phdr_in_segment = paged && (L->load_phdrs || ctx->sizeof_headers_read || has_interp ||
					 (count && ((secs[0]->lma & (page - 1)) >= (phdr_size & (page - 1)))));
	if (phdr_in_segment && count) {
		uint64_t phdr_lma = (secs[0]->lma - phdr_size) & -page;
		bool separate = false;
		if (ctx->opt.separate_code && secs[0]->sec_code) {
			separate = true;
			if (((phdr_lma + phdr_size - 1) & -page) == (secs[0]->lma & -page)) {
				if (phdr_lma >= page)
					phdr_lma -= page;
				else
					separate = false;
			}
		}
		if (secs[0]->lma < phdr_lma || secs[0]->lma < phdr_size) {
			phdr_in_segment = false;
		} else if (separate) {
			maps[nmaps++] = (struct load_map){0, 0, true, true, (secs[0]->addr - phdr_size) & -page, phdr_lma};
			phdr_in_segment = false;
		}
	}
	struct output_section *last = NULL;
	uint64_t last_size = 0;
	size_t start = 0;
	bool writable = false, executable = false;
	for (size_t i = 0; i < count; i++) {
		struct output_section *s = secs[i];
		bool new_seg;
		if (!last)
			new_seg = false;
		else if (last->lma - last->addr != s->lma - s->addr)
			new_seg = true;
		else if (s->lma < last->lma + last_size || last->lma + last_size < last->lma)
			new_seg = true;
		else if (paged && ((last->lma + last_size - 1) & -page) == (s->lma & -page))
			new_seg = false;
		else if (align_to(last->lma + last_size, page) + page > last->lma &&
			 align_to(last->lma + last_size, page) + page <= s->lma)
			new_seg = true;
		else if (!osec_alloc_loaded(last) && !osec_bfd_tls(last) &&
			 (osec_alloc_loaded(s) || osec_bfd_tls(s)))
			new_seg = true;
		else if (!paged)
			new_seg = false;
		else if (ctx->opt.separate_code && executable != s->sec_code)
			new_seg = true;
		else if (!writable && !bfd_readonly(s))
			new_seg = true;
		else
			new_seg = false;
		/* GNU ld's ldlang_override_segment_assignment: sections of different memory
		 * regions never share a segment */
		if (!new_seg && last && last->layout && s->layout &&
		    region_of(L, last->layout) != region_of(L, s->layout))
			new_seg = true;
		if (new_seg) {
			maps[nmaps++] = (struct load_map){start, i, phdr_in_segment, false, 0, 0};
			start = i;
			phdr_in_segment = false;
			writable = executable = false;
		}
		if (!bfd_readonly(s))
			writable = true;
		if (s->sec_code)
			executable = true;
		last = s;
		last_size = is_tbss(s) ? 0 : s->size;
	}
	if (last && !(count - start == 1 && is_tbss(last)))
		maps[nmaps++] = (struct load_map){start, count, phdr_in_segment, false, 0, 0};
	return nmaps;
}

static struct output_section **alloc_sections(struct layout *L, size_t *count)
{
	struct output_section **secs = xcalloc(L->nodes.n + 1, sizeof(*secs));
	size_t n = 0;
	for (size_t i = 0; i < L->nodes.n; i++) {
		struct layout_osec *lo = L->nodes.v[i].lo;
		if (L->nodes.v[i].kind != LN_OSEC || lo->removed || !osec_bfd_alloc(lo->os))
			continue;
		lo->os->order = (uint32_t)i;
		secs[n++] = lo->os;
	}
	qsort(secs, n, sizeof(*secs), cmp_lma);
	*count = n;
	return secs;
}

static bool has_section(struct layout *L, const char *name, struct output_section **out)
{
	for (size_t i = 0; i < L->nodes.n; i++) {
		struct layout_osec *lo = L->nodes.v[i].lo;
		if (L->nodes.v[i].kind == LN_OSEC && !lo->removed && !strcmp(lo->os->name, name)) {
			if (out)
				*out = lo->os;
			return lo->os->size != 0;
		}
	}
	return false;
}

struct osec_list VEC_BODY(struct output_section *);

/* PT_TLS takes the thread-local sections of bfd's section list, allocated or not
 * (_bfd_elf_map_sections_to_segments; SEC_THREAD_LOCAL comes from inputs, not the name).
 * tls_adjacent_check refuses them when they do not follow one another there.  False when
 * there is none. */
static bool tls_section(const struct layout_osec *lo)
{
	return !lo->removed && osec_bfd_tls(lo->os);
}

static bool tls_run(struct layout *L, struct osec_list *run)
{
	/* while the passes only count segments (no section list yet), statement order will do */
	if (!L->section_list) {
		for (size_t i = 0; i < L->nodes.n; i++)
			if (L->nodes.v[i].kind == LN_OSEC && tls_section(L->nodes.v[i].lo))
				vec_push(*run, L->nodes.v[i].lo->os);
		return run->n != 0;
	}
	for (size_t i = 0; i < L->section_list_n; i++)
		if (tls_section(L->section_list[i]))
			vec_push(*run, L->section_list[i]->os);
	/* bfd sorts a segment's sections as it sorts them all (elf_sort_sections): by LMA, then
	 * address, unloaded non-empty ones last, smaller first, else in list order */
	for (size_t i = 1; i < run->n; i++)
		for (size_t j = i; j > 0 && cmp_lma_only(run->v[j - 1], run->v[j]) > 0; j--) {
			struct output_section *t = run->v[j];
			run->v[j] = run->v[j - 1];
			run->v[j - 1] = t;
		}
	return run->n != 0;
}


/* GNU ld's default segments need the thread-local sections to follow one another in the
 * section list (_bfd_elf_map_sections_to_segments); a PHDRS script makes its own segments */
static void tls_adjacent_check(struct ctx *ctx, struct layout *L)
{
	size_t first = L->section_list_n, last = 0;
	for (size_t i = 0; i < L->section_list_n; i++)
		if (tls_section(L->section_list[i])) {
			if (first == L->section_list_n)
				first = i;
			last = i;
		}
	bool adjacent = true;
	for (size_t i = first; i < last && adjacent; i++)
		adjacent = L->section_list[i]->removed || tls_section(L->section_list[i]);
	if (adjacent)
		return;
	error(ctx, "%s: TLS sections are not adjacent:", ctx->opt.output);
	for (size_t i = first; i <= last; i++)
		if (!L->section_list[i]->removed)
			fprintf(stderr, "slink: \t%s: %s\n", tls_section(L->section_list[i]) ? "    TLS" : "non-TLS",
				L->section_list[i]->os->name);
}

/* Non-load segments after the PT_LOADs, in GNU ld's order. */
static void extra_segments(struct ctx *ctx, struct layout *L, struct output_section **secs, size_t count,
			   struct segment_vec *out)
{
	/* PT_DYNAMIC: the .dynamic section of -pie/-shared output (dynamic.c) */
	struct output_section *dyn;
	if ((ctx->opt.kind == OUT_PIE || ctx->opt.kind == OUT_SHARED) && has_section(L, ".dynamic", &dyn) &&
	    (dyn->flags & SHF_ALLOC))
		vec_push(*out, ((struct segment){.type = PT_DYNAMIC, .flags = PF_R | (dyn->flags & SHF_WRITE ? PF_W : 0),
					 .first = dyn, .last = dyn}));
	/* PT_NOTE: each run of adjacent loadable notes with the same alignment */
	for (size_t i = 0; i < count; i++) {
		struct output_section *s = secs[i];
		if (!load_note(s))
			continue;
		size_t j = i;
		while (j + 1 < count && load_note(secs[j + 1]) && secs[j + 1]->align == s->align &&
		       align_to(secs[j]->lma + secs[j]->size, s->align) == secs[j + 1]->lma)
			j++;
		/* bfd: the flags of the notes in it */
		uint32_t nf = PF_R;
		for (size_t k = i; k <= j; k++)
			nf |= (secs[k]->flags & SHF_WRITE ? PF_W : 0) | (secs[k]->flags & SHF_EXECINSTR ? PF_X : 0);
		vec_push(*out, ((struct segment){.type = PT_NOTE, .flags = nf, .first = s, .last = secs[j]}));
		i = j;
	}
	struct osec_list tls = {0};
	if (tls_run(L, &tls))
		vec_push(*out, ((struct segment){.type = PT_TLS, .flags = PF_R, .first = tls.v[0], .last = tls.v[tls.n - 1]}));
	free(tls.v);
	struct output_section *prop;
	if (has_section(L, ".note.gnu.property", &prop))
		vec_push(*out, ((struct segment){.type = PT_GNU_PROPERTY, .flags = PF_R, .first = prop, .last = prop}));
	struct output_section *ehh;
	if (ctx->opt.eh_frame_hdr && has_section(L, ".eh_frame_hdr", &ehh))
		vec_push(*out, ((struct segment){.type = PT_GNU_EH_FRAME, .flags = PF_R, .first = ehh, .last = ehh}));
	bool exec_stack = ctx->opt.execstack == 1 ||
			  (ctx->opt.execstack == -1 && (ctx->execstack_note_file || ctx->no_stack_note_file));
	/* GNU ld writes PT_GNU_STACK only when some input has .note.GNU-stack, -z [no]execstack or
	 * -z stack-size=N (N > 0, which is also its p_memsz) */
	if (ctx->opt.execstack != -1 || ctx->saw_stack_note || ctx->opt.z_stack_size > 0)
		vec_push(*out, ((struct segment){.type = PT_GNU_STACK, .flags = PF_R | PF_W | (exec_stack ? PF_X : 0),
					 .memsz = ctx->opt.z_stack_size,
					 .align = ctx->target->elfclass == ELFCLASS64 ? 16 : 16}));
	if (L->relro_enabled && L->relro_end) {
		/* only when some PT_LOAD starting inside the relro range has contents (bfd's
		 * SEC_LOAD: a section given only unallocated inputs' bytes has none) */
		for (size_t i = 0; i < out->n; i++) {
			struct segment *sg = &out->v[i];
			if (sg->type != PT_LOAD || !sg->first || sg->first->addr < L->relro_start || sg->first->addr >= L->relro_end)
				continue;
			bool content = false;
			for (size_t k = 0; k < count; k++)
				if (secs[k]->addr >= sg->first->addr && secs[k]->addr <= sg->last->addr && secs[k]->size && is_load(secs[k]) &&
				    osec_bfd_load(secs[k]))
					content = true;
			if (content) {
				struct output_section *first = sg->first; /* vec_push may move *out */
				vec_push(*out, ((struct segment){.type = PT_GNU_RELRO, .flags = PF_R, .first = first}));
				break;
			}
		}
	}
}

static uint64_t headers_size(struct ctx *ctx, uint64_t phnum)
{
	return target_headers_size(ctx->target, phnum);
}

/* ---- PHDRS: the script lists the segments; sections name theirs with :phdr ---- */

static bool list_has(const struct name_list *l, const char *name)
{
	for (; l; l = l->next)
		if (!strcmp(l->name, name))
			return true;
	return false;
}

/* GNU ld's os->phdrs: the section's own :phdr list, else its OVERLAY's, else for an orphan the
 * list of the section it was placed by (lang_insert_orphan's `after`) */
static const struct name_list *own_phdrs(const struct layout_osec *lo)
{
	if (lo->desc && lo->desc->phdrs)
		return lo->desc->phdrs;
	if (lo->overlay)
		return lo->overlay->phdrs;
	if (lo->orphan && lo->inherit)
		return own_phdrs(lo->inherit);
	return NULL;
}

/* Does GNU ld have a bfd section for the statement when it records the program headers?
 * Only a statement that got no input section and holds no data, assignment or fill has none. */
static bool has_bfd_section(const struct layout_osec *lo)
{
	if (!lo->removed || lo->os->has_inputs || lo->has_data || lo->orphan)
		return true;
	for (size_t i = 0; i < lo->items.n; i++)
		if (lo->items.v[i].kind != IT_INPUTS)
			return true;
	return false;
}

static uint64_t phdr_value(struct layout *L, const struct expr *e)
{
	uint64_t v = 0;
	if (e && !script_eval_const(L->ctx, e, &v))
		v = 0;
	return v;
}

static size_t phdrs_count(const struct ctx *ctx)
{
	size_t n = 0;
	for (const struct phdr_desc *ph = ctx->script ? ctx->script->phdrs : NULL; ph; ph = ph->next)
		n++;
	return n;
}

/* GNU ld's lang_record_phdrs: a bool per (PHDRS entry, layout node), true when the entry gets
 * the section.  A section without :phdr goes where the one before it went, or before any,
 * where the first later one goes; non-allocated and NOLOAD sections go nowhere, nor into a
 * PT_INTERP.  bfd keeps `last' from one entry to the next, so from the second entry on, a
 * leading section without :phdr follows the last list of the script (a section can end up in
 * two PT_LOADs).  NULL when no section names a program header at all. */
static bool *phdr_members(struct ctx *ctx, struct layout *L)
{
	size_t nn = L->nodes.n, k = 0;
	bool *member = xcalloc(phdrs_count(ctx) * nn + 1, sizeof(*member));
	const struct name_list *last = NULL;
	for (const struct phdr_desc *ph = ctx->script->phdrs; ph; ph = ph->next, k++) {
		bool interp = phdr_value(L, ph->type) == PT_INTERP;
		for (size_t i = 0; i < nn; i++) {
			struct layout_osec *lo = L->nodes.v[i].kind == LN_OSEC ? L->nodes.v[i].lo : NULL;
			if (!lo || lo->constraint_failed)
				continue;
			const struct name_list *pl = own_phdrs(lo);
			if (pl) {
				last = pl;
			} else {
				if (lo->os->noload || !has_bfd_section(lo) || !osec_bfd_alloc(lo->os) || interp)
					continue;
				/* lang_record_phdrs scans GNU ld's whole statement list forward, with the
				 * statements a constraint dropped */
				for (size_t j = i; j < nn && !last; j++)
					if (L->nodes.v[j].kind == LN_OSEC)
						last = own_phdrs(L->nodes.v[j].lo);
					else if (L->nodes.v[j].kind == LN_DROPPED || L->nodes.v[j].kind == LN_DISCARD)
						last = L->nodes.v[j].st->osec->phdrs;
				if (!last) {
					free(member);
					return NULL;
				}
				pl = last;
			}
			if (has_bfd_section(lo) && list_has(pl, ph->name))
				member[k * nn + i] = true;
		}
	}
	return member;
}

/* The checks of GNU ld's lang_record_phdrs, made before any address is assigned (it runs
 * them before sizing the sections, with -r too). */
void phdrs_check(struct ctx *ctx, struct layout *L)
{
	if (!ctx->script)
		return;
	/* GNU ld's lang_new_phdr: the headers can only be in a PT_LOAD that no other precedes
	 * without them (reported once per entry) */
	for (const struct phdr_desc *ph = ctx->script->phdrs; ph; ph = ph->next) {
		if (phdr_value(L, ph->type) != PT_LOAD || !(ph->filehdr || ph->phdrs))
			continue;
		for (const struct phdr_desc *pp = ctx->script->phdrs; pp != ph; pp = pp->next)
			if (phdr_value(L, pp->type) == PT_LOAD && !pp->filehdr && !pp->phdrs) {
				script_error(ctx, &ph->loc, "PHDRS and FILEHDR are not supported when prior PT_LOAD headers lack them");
				break;
			}
	}
	if (ctx->script->phdrs) {
		bool *member = phdr_members(ctx, L);
		if (!member) {
			/* fatal in GNU ld */
			error(ctx, "no sections assigned to phdrs");
			checkpoint(ctx);
		}
		free(member);
	}
	/* a :phdr naming no PHDRS entry (":NONE" names none on purpose) */
	for (size_t i = 0; i < L->nodes.n; i++) {
		struct layout_osec *lo = L->nodes.v[i].kind == LN_OSEC ? L->nodes.v[i].lo : NULL;
		if (!lo || lo->constraint_failed || !has_bfd_section(lo))
			continue;
		for (const struct name_list *pl = own_phdrs(lo); pl; pl = pl->next) {
			bool found = !strcmp(pl->name, "NONE");
			for (const struct phdr_desc *ph = ctx->script->phdrs; ph && !found; ph = ph->next)
				found = !strcmp(ph->name, pl->name);
			if (!found)
				error(ctx, "section `%s' assigned to non-existent phdr `%s'", lo->os->name, pl->name);
		}
	}
}

/* One segment per PHDRS entry, with the sections it gets (`member', by layout node). */
static void build_from_phdrs(struct ctx *ctx, struct layout *L, struct output_section **secs, size_t *count_inout,
			     struct segment_vec *out, bool **member_out)
{
	size_t count = *count_inout;
	bool *member = phdr_members(ctx, L);
	if (!member) /* phdrs_check stops such a link before any address is assigned */
		member = xcalloc(phdrs_count(ctx) * L->nodes.n + 1, sizeof(*member));
	size_t nn = L->nodes.n, k = 0;
	/* bfd's elf_modify_segment_map drops removed sections from every segment and unallocated
	 * ones from PT_LOADs; other segments keep those (a PT_NOTE makes them notes) */
	for (const struct phdr_desc *ph = ctx->script->phdrs; ph; ph = ph->next, k++)
		for (size_t i = 0; i < nn; i++) {
			struct layout_osec *lo = L->nodes.v[i].kind == LN_OSEC ? L->nodes.v[i].lo : NULL;
			if (member[k * nn + i] && (!lo || lo->removed || (!osec_bfd_alloc(lo->os) && phdr_value(L, ph->type) == PT_LOAD)))
				member[k * nn + i] = false;
		}
	/* secs holds the allocated sections; add the unallocated ones a segment kept */
	size_t extra = 0;
	for (size_t i = 0; i < nn; i++) {
		struct layout_osec *lo = L->nodes.v[i].kind == LN_OSEC ? L->nodes.v[i].lo : NULL;
		if (!lo || lo->removed || osec_bfd_alloc(lo->os))
			continue;
		bool in = false;
		for (size_t j = 0; j < k && !in; j++)
			in = member[j * nn + i];
		if (in) {
			lo->os->order = (uint32_t)i;
			secs[count + extra++] = lo->os;
		}
	}
	if (extra) {
		count += extra;
		qsort(secs, count, sizeof(*secs), cmp_lma);
		*count_inout = count;
	}
	k = 0;
	for (const struct phdr_desc *ph = ctx->script->phdrs; ph; ph = ph->next, k++) {
		struct segment sg = {.type = (uint32_t)phdr_value(L, ph->type)};
		sg.headers = ph->filehdr;
		sg.phdrs = ph->phdrs;
		sg.has_at = ph->at != NULL;
		if (ph->at)
			sg.paddr = phdr_value(L, ph->at);
		sg.flags_set = ph->flags != NULL;
		if (ph->flags)
			sg.flags = (uint32_t)phdr_value(L, ph->flags);
		/* in bfd's section order for a segment (elf_sort_sections) */
		for (size_t i = 0; i < count; i++) {
			struct output_section *s = secs[i];
			if (!member[k * nn + s->order])
				continue;
			if (!sg.first)
				sg.first = s;
			sg.last = s;
			if (!sg.flags_set) {
				sg.flags |= PF_R;
				if (s->flags & SHF_WRITE)
					sg.flags |= PF_W;
				if (s->flags & SHF_EXECINSTR)
					sg.flags |= PF_X;
			}
		}
		if (!sg.flags_set && (sg.headers || sg.phdrs))
			sg.flags |= PF_R;
		vec_push(*out, sg);
	}
	*member_out = member;
}

/* Build the segment list for the current addresses (offsets come later). */
static void build(struct ctx *ctx, struct layout *L, struct segment_vec *out, struct load_map **maps_out,
		  struct output_section ***secs_out, size_t *count_out, size_t *nmaps_out, bool **member_out)
{
	size_t count;
	struct output_section **secs = alloc_sections(L, &count);
	struct load_map *maps = xcalloc(count + 2, sizeof(*maps));
	*maps_out = maps;
	*secs_out = secs;
	*count_out = count;
	*nmaps_out = 0;
	*member_out = NULL;
	out->n = 0;
	/* relocatable output has no program headers: GNU ld records a PHDRS list (and checks
	 * it) but never writes it */
	if (ctx_relocatable(ctx))
		return;
	if (ctx->script && ctx->script->phdrs) {
		build_from_phdrs(ctx, L, secs, count_out, out, member_out);
		return;
	}
	/* bfd: a loaded, non-empty .interp gets PT_PHDR and PT_INTERP, which come first (they are
	 * kept after the PT_LOADs here and moved to the front when the list is final) */
	struct output_section *interp = NULL;
	bool has_interp = has_section(L, ".interp", &interp) && is_load(interp);
	size_t nmaps = map_loads(ctx, L, secs, count, maps, headers_size(ctx, L->phnum), has_interp);
	for (size_t m = 0; m < nmaps; m++) {
		/* p_align is the -z max-page-size given, else the target's */
		struct segment sg = {.type = PT_LOAD, .flags = PF_R,
				     .align = ctx->opt.max_page_size ? ctx->opt.max_page_size : ctx->target->max_page_size};
		if (maps[m].last > maps[m].first) {
			sg.first = secs[maps[m].first];
			sg.last = secs[maps[m].last - 1];
		}
		for (size_t i = maps[m].first; i < maps[m].last; i++) {
			if (secs[i]->flags & SHF_WRITE)
				sg.flags |= PF_W;
			if (secs[i]->flags & SHF_EXECINSTR)
				sg.flags |= PF_X;
		}
		vec_push(*out, sg);
	}
	if (has_interp) {
		vec_push(*out, ((struct segment){.type = PT_PHDR, .flags = PF_R}));
		vec_push(*out, ((struct segment){.type = PT_INTERP, .flags = PF_R, .first = interp, .last = interp}));
	}
	extra_segments(ctx, L, secs, count, out);
	*nmaps_out = nmaps;
}

/* bfd maps sections to segments only when there is a section: an output with none has no
 * program headers at all, not even PT_GNU_STACK (elf.c) */
static bool any_section(const struct layout *L)
{
	for (size_t i = 0; i < L->nodes.n; i++)
		if (L->nodes.v[i].kind == LN_OSEC && !L->nodes.v[i].lo->removed)
			return true;
	return false;
}

uint64_t segments_count(struct ctx *ctx, struct layout *L)
{
	struct segment_vec segs = {0};
	struct load_map *maps;
	struct output_section **secs;
	size_t count, nmaps;
	bool *member;
	build(ctx, L, &segs, &maps, &secs, &count, &nmaps, &member);
	uint64_t n = !any_section(L) && !member ? 0 : segs.n;
	free(segs.v);
	free(maps);
	free(secs);
	free(member);
	return n;
}

uint64_t segments_estimate(struct ctx *ctx, struct layout *L)
{
	if (ctx_relocatable(ctx))
		return 0;
	if (ctx->script && ctx->script->phdrs)
		return segments_count(ctx, L);
	uint64_t n = 2; /* a PT_LOAD for text and one for data */
	struct output_section *os;
	if (has_section(L, ".interp", &os) && is_load(os))
		n += 2; /* PT_INTERP and PT_PHDR */
	bool dynamic = false, tls = false;
	const struct output_section *prev_note = NULL;
	for (size_t i = 0; i < L->nodes.n; i++) {
		const struct layout_osec *lo = L->nodes.v[i].lo;
		if (L->nodes.v[i].kind != LN_OSEC || lo->removed) {
			continue;
		}
		const struct output_section *s = lo->os;
		dynamic |= !strcmp(s->name, ".dynamic");
		tls |= osec_bfd_tls(s);
		/* one PT_NOTE for each run of loaded notes of one alignment */
		bool note = load_note(s);
		if (note && !(prev_note && prev_note->align == s->align))
			n++;
		prev_note = note ? s : NULL;
	}
	n += dynamic + tls;
	if (L->relro_enabled) /* -z relro, and some section in the relro range */
		n++;
	if (ctx->opt.eh_frame_hdr && has_section(L, ".eh_frame_hdr", NULL))
		n++;
	if (ctx->opt.execstack != -1 || ctx->saw_stack_note || ctx->opt.z_stack_size > 0)
		n++; /* PT_GNU_STACK */
	if (has_section(L, ".note.gnu.property", NULL))
		n++;
	return n;
}

/* bfd's vma_page_aligned_bias: what to add to a file offset so it matches the address modulo
 * the alignment */
static uint64_t page_bias(uint64_t vma, uint64_t off, uint64_t align)
{
	return (vma - off) % (align ? align : 1);
}

/* File offsets of the sections no PT_LOAD holds, in section order after the loaded bytes
 * (bfd's assign_file_positions_for_non_load_sections): non-allocated ones, script-made empty
 * ones that bfd does not count as allocated, and with PHDRS the allocated sections no PT_LOAD
 * got (`placed', by layout node; NULL when every allocated section is in one). */
static void nonalloc_offsets(struct ctx *ctx, struct layout *L, uint64_t off, const bool *placed)
{
	for (size_t i = 0; i < ctx->osecs.n; i++) {
		struct output_section *os = ctx->osecs.v[i];
		if (osec_bfd_alloc(os) || os->name_alloc) {
			if (!os->name_alloc && (!placed || placed[os->order]))
				continue;
			/* bfd leaves a NOBITS one at offset 0; the others keep their address modulo
			 * the page, like a segment of their own */
			if (os->type == SHT_NOBITS) {
				os->offset = 0;
				continue;
			}
			if (os->size && oformat_is_elf(ctx)) /* bfd's ELF writer warns */
				warn(ctx, "%s: allocated section `%s' not in segment", ctx->opt.output, os->name);
			bool paged = ctx->opt.magic == MAGIC_DEMAND_PAGED;
			off += page_bias(os->addr, off, paged && os->size ? L->maxpagesize : os->align);
			os->offset = off;
			off += os->size;
			continue;
		}
		/* (to sh_addralign, which an address a DSECT/COPY/INFO section keeps may lower) */
		off = align_to(off, shdr_addralign(os));
		os->offset = off;
		if (os->type != SHT_NOBITS)
			off += os->size;
	}
	ctx->image_end = off;
}

/* bfd's elf_sort_segments, for the order file offsets are given in: PT_NULL last, then by
 * type, the one with the file header first, PT_LOADs by load address, then PHDRS order. */
struct seg_key {
	size_t idx;
	uint32_t type;
	bool headers;
	uint64_t lma;
};

static int cmp_seg_key(const void *pa, const void *pb)
{
	const struct seg_key *a = pa, *b = pb;
	if (a->type != b->type) {
		if (a->type == PT_NULL || b->type == PT_NULL)
			return a->type == PT_NULL ? 1 : -1;
		return a->type < b->type ? -1 : 1;
	}
	if (a->headers != b->headers)
		return a->headers ? -1 : 1;
	if (a->type == PT_LOAD && a->lma != b->lma)
		return a->lma < b->lma ? -1 : 1;
	return a->idx < b->idx ? -1 : a->idx > b->idx;
}

/* PT_GNU_RELRO from its first section `s' in the PT_LOAD `ld' to the end of the relro range,
 * its file size trimmed to the loaded bytes when the range ends in file padding */
static void relro_from(struct segment *sg, const struct output_section *s, uint64_t end, const struct segment *ld)
{
	sg->vaddr = s->addr;
	sg->paddr = s->lma;
	sg->offset = s->offset;
	sg->memsz = sg->filesz = end - s->addr;
	if (sg->filesz > ld->vaddr + ld->filesz - sg->vaddr)
		sg->filesz = ld->vaddr + ld->filesz - sg->vaddr;
	sg->align = 1;
}

/* PT_GNU_RELRO from the default segment map: from the first non-empty section inside the relro
 * range of the first PT_LOAD reaching into it, to the end of the range, its file size trimmed
 * to that PT_LOAD's bytes (bfd's assign_file_positions_for_non_load_sections). */
static void relro_extent(const struct layout *L, struct segment *sg, const struct segment *loads,
			 const struct load_map *maps, size_t nmaps, struct output_section **secs)
{
	uint64_t start = L->relro_start, end = L->relro_end;
	for (size_t m = 0; m < nmaps; m++) {
		const struct load_map *mp = &maps[m];
		if (mp->headers_only || mp->first == mp->last)
			continue;
		const struct output_section *last = secs[mp->last - 1];
		if (last->addr + (is_tbss(last) ? 0 : last->size) <= start || secs[mp->first]->addr >= end)
			continue;
		for (size_t i = mp->first; i < mp->last; i++) {
			const struct output_section *s = secs[i];
			if (s->addr < start || s->addr >= end || !s->size)
				continue;
			relro_from(sg, s, end, &loads[m]);
			return;
		}
		break;
	}
	/* the first PT_LOAD reaching into the range has no section starting in it (with -n
	 * one that starts before the range can): bfd warns and leaves an all-zero header */
	warn(L->ctx, "%s: unable to allocate any sections to PT_GNU_RELRO segment", L->ctx->opt.output);
	*sg = (struct segment){0};
}

/* A PHDRS PT_GNU_RELRO: from the first non-empty section inside the relro range of the first
 * PT_LOAD that reaches into it, to the end of the range (bfd's
 * assign_file_positions_for_non_load_sections).  Without one, bfd warns and leaves an
 * all-zero program header. */
static void relro_from_phdrs(struct ctx *ctx, struct layout *L, struct segment_vec *segs, struct segment *sg,
			     struct output_section **secs, size_t count, const bool *member)
{
	uint64_t start = L->relro_start, end = L->relro_end;
	size_t nn = L->nodes.n;
	for (size_t k = 0; start < end && k < segs->n; k++) {
		struct segment *ld = &segs->v[k];
		struct output_section *first = NULL, *last = NULL;
		for (size_t i = 0; i < count; i++)
			if (member[k * nn + secs[i]->order]) {
				if (!first)
					first = secs[i];
				last = secs[i];
			}
		if (ld->type != PT_LOAD || !first || last->addr + (is_tbss(last) ? 0 : last->size) <= start ||
		    first->addr >= end)
			continue;
		for (size_t i = 0; i < count; i++) {
			struct output_section *s = secs[i];
			if (!member[k * nn + s->order] || s->addr < start || s->addr >= end || !s->size)
				continue;
			relro_from(sg, s, end, ld);
			if (!sg->flags_set)
				sg->flags = PF_R;
			return;
		}
		break;
	}
	warn(ctx, "%s: unable to allocate any sections to PT_GNU_RELRO segment", ctx->opt.output);
	*sg = (struct segment){0};
}

/* bfd's check that each section of a PHDRS PT_LOAD lies inside it (file offsets, and addresses
 * unless the segment packs overlays): a message naming the section and the segment's index in
 * sorted order, then the segment's sections; the link goes on. */
static void check_in_segment(const struct segment *sg, struct output_section **mine, size_t nm, size_t index,
			     const char *out)
{
	bool check_vma = true;
	for (size_t i = 1; i < nm; i++)
		if (mine[i]->addr == mine[i - 1]->addr && mine[i]->size && mine[i - 1]->size &&
		    !elf_tbss(mine[i]) && !elf_tbss(mine[i - 1]))
			check_vma = false;
	for (size_t i = 0; i < nm; i++) {
		const struct output_section *s = mine[i];
		if (elf_tbss(s))
			continue; /* a .tbss takes no room in a PT_LOAD */
		bool in = s->type == SHT_NOBITS ||
			  (s->offset >= sg->offset && s->offset - sg->offset + s->size <= sg->filesz);
		if (check_vma)
			in = in && s->addr >= sg->vaddr && s->addr - sg->vaddr + s->size <= sg->memsz;
		if (in)
			continue;
		fprintf(stderr, "slink: %s: section `%s' can't be allocated in segment %zu\n", out, s->name, index);
		fprintf(stderr, "LOAD:");
		for (size_t k = 0; k < nm; k++)
			fprintf(stderr, " %s", mine[k]->name);
		fprintf(stderr, "\n");
	}
}

/* File offsets and segment extents with PHDRS, as bfd's assign_file_positions_for_load_sections
 * and assign_file_positions_for_non_load_sections lay out a script's segment map: segments
 * in elf_sort_segments order, each PT_LOAD's sections packed from the file position reached,
 * the first one at its address modulo the page (-N/-n: modulo the largest alignment). */
static void place_phdrs_segments(struct ctx *ctx, struct layout *L, struct segment_vec *segs,
				 struct output_section **secs, size_t count, uint64_t hsize, const bool *member)
{
	bool is64 = ctx->target->elfclass == ELFCLASS64;
	bool paged = ctx->opt.magic == MAGIC_DEMAND_PAGED;
	uint64_t maxpage = paged ? L->maxpagesize : 1;
	uint64_t ehsize = is64 ? sizeof(Elf64_Ehdr) : sizeof(Elf32_Ehdr), phsize = hsize - ehsize;
	uint64_t file_align = is64 ? 8 : 4; /* 1 << log_file_align */
	size_t n = segs->n, nn = L->nodes.n;
	const char *out = ctx->opt.output;
	const bool elf_out = oformat_is_elf(ctx);
	bool *placed = xcalloc(nn + 1, sizeof(*placed));
	struct output_section **mine = xcalloc(count + 1, sizeof(*mine));

	struct seg_key *keys = xcalloc(n + 1, sizeof(*keys));
	for (size_t i = 0; i < n; i++) {
		struct segment *sg = &segs->v[i];
		keys[i] = (struct seg_key){i, sg->type, sg->headers,
					   sg->has_at ? sg->paddr : sg->first ? sg->first->lma : 0};
	}
	qsort(keys, n, sizeof(*keys), cmp_seg_key);
	/* the program headers go in the first PT_LOAD that asks for them, else after the ELF
	 * header */
	struct segment *phdr_seg = NULL;
	for (size_t j = 0; j < n && keys[j].type == PT_LOAD && !phdr_seg; j++)
		if (segs->v[keys[j].idx].phdrs)
			phdr_seg = &segs->v[keys[j].idx];
	uint64_t off = ehsize + (phdr_seg ? 0 : phsize);

	for (size_t j = 0; j < n; j++) {
		size_t idx = keys[j].idx;
		struct segment *sg = &segs->v[idx];
		bool load = sg->type == PT_LOAD;
		size_t nm = 0;
		for (size_t i = 0; i < count; i++)
			if (member[idx * nn + secs[i]->order])
				mine[nm++] = secs[i];
		sg->offset = sg->filesz = sg->memsz = 0;
		sg->vaddr = nm ? mine[0]->addr : 0;
		if (!sg->has_at)
			sg->paddr = nm ? mine[0]->lma : 0;
		/* p_align: the page when demand paged, else the largest section alignment */
		sg->align = load && paged ? maxpage : !nm ? file_align : 0;
		uint64_t big_align = 0; /* a section aligned beyond the page sets a PT_LOAD's p_align */
		if (sg == phdr_seg) {
			if (!sg->headers)
				sg->offset = off;
			off += phsize;
		}
		bool no_contents = false;
		uint64_t off_adjust = 0;
		if (load && nm) {
			uint64_t align = 1;
			for (size_t i = 0; i < nm; i++)
				if (mine[i]->align > align)
					align = mine[i]->align;
			if (align < maxpage)
				align = maxpage;
			else
				big_align = align;
			no_contents = true;
			for (size_t i = 0; i < nm; i++)
				if (is_load(mine[i]))
					no_contents = false;
			off_adjust = page_bias(sg->vaddr, off, align);
			off += off_adjust;
			/* a segment without file contents only moves its own p_offset */
			if (!no_contents)
				off_adjust = 0;
		} else if (sg->type == PT_DYNAMIC && nm > 1 && strcmp(mine[0]->name, ".dynamic")) {
			error(ctx, "%s: The first section in the PT_DYNAMIC segment is not the .dynamic section", out);
		} else if (sg->type == PT_NOTE && elf_out) {
			/* bfd's ELF writer makes every section of a PT_NOTE a note, a NOBITS one
			 * included (a binary image has no section types: its bss stays out) */
			for (size_t i = 0; i < nm; i++)
				mine[i]->type = SHT_NOTE;
		}
		if (sg->headers) {
			sg->filesz = sg->memsz = ehsize;
			if (load) {
				if (nm) {
					if (elf_out && (sg->vaddr < off || (!sg->has_at && sg->paddr < off)))
						error(ctx, "%s: not enough room for program headers, try linking with -N", out);
					sg->vaddr -= off;
					if (!sg->has_at)
						sg->paddr -= off;
				}
			} else if (segs->v[keys[0].idx].headers) {
				sg->vaddr = segs->v[keys[0].idx].vaddr;
				if (!sg->has_at)
					sg->paddr = segs->v[keys[0].idx].paddr;
			}
		}
		if (sg->phdrs) {
			sg->filesz += phsize;
			sg->memsz += phsize;
			if (!sg->headers) {
				if (load) {
					/* bfd moves e_phoff to this segment; the writer keeps the program
					 * headers after the ELF header */
					if (sg->offset != ehsize)
						error(ctx, "program headers at file offset %#llx (a PT_LOAD with PHDRS "
							   "but no FILEHDR after other PT_LOADs) are not supported",
						      (unsigned long long)sg->offset);
					if (nm) {
						sg->vaddr -= off - sg->offset;
						if (!sg->has_at)
							sg->paddr -= off - sg->offset;
					}
				} else if (phdr_seg) {
					uint64_t phdr_off = phdr_seg->headers ? ehsize : 0;
					sg->vaddr = phdr_seg->vaddr + phdr_off;
					if (!sg->has_at)
						sg->paddr = phdr_seg->paddr + phdr_off;
					sg->offset = phdr_seg->offset + phdr_off;
				} else {
					sg->offset = ehsize;
				}
			}
		}
		if (load) {
			if (!sg->headers && !sg->phdrs) {
				sg->offset = off;
				if (no_contents) {
					/* an offset within the first page, not past the end of the file */
					uint64_t a = maxpage > sg->align ? maxpage : sg->align;
					sg->offset = off % (a ? a : 1);
				}
			} else {
				uint64_t adjust = off - (sg->offset + sg->filesz);
				if (!no_contents)
					sg->filesz += adjust;
				sg->memsz += adjust;
			}
		}
		for (size_t i = 0; i < nm; i++) {
			struct output_section *s = mine[i];
			/* an unallocated member (of a non-load segment) takes file space, not memory */
			bool alloc = osec_bfd_alloc(s), nobits = s->type == SHT_NOBITS, tls = s->flags & SHF_TLS;
			if ((load || sg->type == PT_TLS) && (!nobits || (alloc && (!tls || sg->type == PT_TLS)))) {
				/* the gap from the end of the segment so far to the section's LMA */
				uint64_t p_end = sg->paddr + sg->memsz, adjust = s->lma - p_end;
				if (adjust && (s->lma < p_end || p_end < sg->paddr)) {
					/* GNU ld's ELF writer does this; a binary image keeps the LMA */
					if (elf_out) {
						notice("%s: section %s lma %#llx adjusted to %#llx", out, s->name,
						     (unsigned long long)s->lma, (unsigned long long)p_end);
						s->lma = p_end;
					}
					adjust = 0;
				}
				sg->memsz += adjust;
				if (load) {
					/* file bytes (zeros) for NOBITS sections before this one */
					if (!nobits) {
						off_adjust = 0;
						if (sg->filesz + adjust < sg->memsz)
							adjust = sg->memsz - sg->filesz;
					}
					if (!nobits || i == 0) {
						off += adjust;
						if (nobits)
							off_adjust += adjust;
					}
				}
				if (!nobits)
					sg->filesz += adjust;
			}
			if (load) {
				s->offset = off;
				placed[s->order] = true;
				if (!nobits)
					off += s->size;
			} else if (nobits && tls && !placed[s->order]) {
				/* a .tbss no PT_LOAD holds: where a PT_LOAD of its own would put it */
				s->offset = off + page_bias(s->addr, off, s->align);
				placed[s->order] = true;
			}
			/* (p_memsz counts what the section header says is allocated: an INFO or
			 * COPY section whose name has SHF_ALLOC in bfd's table too) */
			bool hdr_alloc = (s->flags & SHF_ALLOC) || s->name_alloc;
			if (!nobits) {
				sg->filesz += s->size;
				if (hdr_alloc)
					sg->memsz += s->size;
			} else if (hdr_alloc && (sg->type == PT_TLS || !tls)) {
				sg->memsz += s->size;
			}
			if (s->align > sg->align && (!load || !paged))
				sg->align = s->align;
		}
		off -= off_adjust;
		if (load && elf_out)
			check_in_segment(sg, mine, nm, j, out);
		if (sg->type == PT_PHDR && !phdr_seg && elf_out) /* checks of bfd's ELF writer */
			error(ctx, "%s: PHDR segment not covered by LOAD segment", out);
		if (big_align)
			sg->align = big_align;
	}
	nonalloc_offsets(ctx, L, off, placed);

	/* the other segments take their file extent from their sections, now all placed */
	for (size_t idx = 0; idx < n; idx++) {
		struct segment *sg = &segs->v[idx];
		if (sg->type == PT_LOAD || sg->type == PT_GNU_STACK)
			continue;
		size_t nm = 0;
		for (size_t i = 0; i < count; i++)
			if (member[idx * nn + secs[i]->order])
				mine[nm++] = secs[i];
		if (sg->type == PT_GNU_RELRO) {
			relro_from_phdrs(ctx, L, segs, sg, secs, count, member);
			continue;
		}
		if (!nm || sg->type == PT_PHDR)
			continue;
		if (sg->headers || sg->phdrs) {
			error(ctx, "%s: non-load segment %zu includes file header and/or program header", out, idx);
			continue;
		}
		sg->offset = mine[0]->offset;
		sg->filesz = 0;
		for (size_t i = nm; i-- > 0;)
			if (mine[i]->type != SHT_NOBITS) {
				sg->filesz = mine[i]->offset - sg->offset + mine[i]->size;
				/* a loaded PT_NOTE's p_memsz is its p_filesz */
				if (sg->type == PT_NOTE && osec_bfd_alloc(mine[i]))
					sg->memsz = sg->filesz;
				break;
			}
	}
	free(keys);
	free(mine);
	free(placed);
}

enum { BF_ALLOC = 1, BF_LOAD = 2, BF_READONLY = 4, BF_CODE = 8, BF_TLS = 16 };

static unsigned bfd_flags(const struct layout *L, const struct output_section *os)
{
	if (!os->has_inputs && !(os->layout && os->layout->has_data)) {
		unsigned f = os->layout && os->layout->dot_alloc ? BF_ALLOC : 0; /* `.` moved in it */
		/* GNU ld makes .text read-only whatever it holds (config.text_read_only) */
		if (!strcmp(os->name, ".text") && !ctx_relocatable(L->ctx) && L->ctx->opt.magic != MAGIC_OMAGIC)
			f |= BF_READONLY;
		return f;
	}
	unsigned f = 0;
	if (os->flags & SHF_ALLOC) {
		f |= BF_ALLOC;
		if (osec_alloc_loaded(os))
			f |= BF_LOAD;
	} else if (os->layout && os->layout->noalloc_load) {
		f |= BF_LOAD; /* DSECT/COPY/INFO/OVERLAY keep SEC_LOAD from allocated inputs */
	}
	if (bfd_readonly(os))
		f |= BF_READONLY;
	if (os->sec_code)
		f |= BF_CODE;
	if (osec_bfd_tls(os))
		f |= BF_TLS;
	return f;
}

/* GNU ld's _bfd_nearby_section: symbols of a removed output section are given the kept
 * section before or after it in bfd's section list (which is creation order, not statement
 * order) that most likely shares its segment. */
static void assign_nearby(struct layout *L)
{
	struct layout_osec **list = L->section_list;
	size_t n = L->section_list_n;
	for (size_t i = 0; i < n; i++) {
		if (!list[i]->removed)
			continue;
		struct output_section *s = list[i]->os, *prev = NULL, *next = NULL;
		for (size_t k = i; k-- > 0;)
			if (!list[k]->removed) {
				prev = list[k]->os;
				break;
			}
		for (size_t k = i + 1; k < n; k++)
			if (!list[k]->removed) {
				next = list[k]->os;
				break;
			}
		/* compare in bfd's terms: a section without inputs has no flags at all, so it
		 * is neither allocated nor read-only */
		unsigned sf = bfd_flags(L, s), pf = prev ? bfd_flags(L, prev) : 0, nf = next ? bfd_flags(L, next) : 0;
		struct output_section *best = next;
		if (!prev)
			best = next;
		else if (!next)
			best = prev;
		else if ((pf ^ nf) & (BF_ALLOC | BF_TLS | BF_LOAD)) {
			if (((nf ^ sf) & (BF_ALLOC | BF_TLS)) || ((pf & BF_LOAD) && !(nf & BF_LOAD)))
				best = prev;
		} else if ((pf ^ nf) & BF_READONLY) {
			if ((nf ^ sf) & BF_READONLY)
				best = prev;
		} else if ((pf ^ nf) & BF_CODE) {
			if ((nf ^ sf) & BF_CODE)
				best = prev;
		} else {
			/* decided by each symbol's address (osec_for_symbol) */
			s->nearby = prev;
			s->nearby_next = next;
			continue;
		}
		s->nearby = best;
		s->nearby_next = NULL;
	}
}

/* bfd makes an output section when the mapping walk first gives it something (an input, an
 * assignment, data, a fill), or earlier when an expression walked before that names it in
 * ADDR or LOADADDR (ldlang.c init_os, exp_init_os); one only an orphan gave something is made
 * after them all, when the orphan is placed.  Section headers keep that order. */
struct creation { struct layout *L; size_t node, sub; bool early; };

static void create_named(void *ud, const char *name);

static void create_osec(struct creation *c, struct layout_osec *lo)
{
	if (lo->created || (lo->insert_leader && !lo->insert_leader->created))
		return; /* a follower is made with its leader */
	lo->created = true;
	lo->create_node = c->node;
	lo->create_sub = c->sub++;
	osec_address_refs(lo, create_named, c);
	for (struct layout_osec *f = lo->first_follower; f; f = f->next_follower)
		create_osec(c, f);
}

static void create_named(void *ud, const char *name)
{
	struct creation *c = ud;
	for (size_t i = 0; i < c->L->nodes.n; i++)
		/* orphans are made after the mapping walk */
		if (c->L->nodes.v[i].kind == LN_OSEC && !c->L->nodes.v[i].lo->orphan &&
		    !strcmp(c->L->nodes.v[i].lo->os->name, name)) {
			/* bfd moves a section INSERT moved to its new place, however made */
			if (!(c->early && c->L->nodes.v[i].insert_walk))
				create_osec(c, c->L->nodes.v[i].lo);
			return;
		}
	/* a dropped statement named before its constraint was checked */
	for (size_t g = 0; g < c->L->ghosts.n; g++) {
		struct layout_osec *lo = c->L->ghosts.v[g];
		if (!strcmp(lo->os->name, name) && c->node < ghost_node(c->L, lo)) {
			create_osec(c, lo);
			return;
		}
	}
}

static int by_insert_walk(const void *a, const void *b)
{
	const struct lnode *x = *(const struct lnode *const *)a, *y = *(const struct lnode *const *)b;
	return x->insert_walk < y->insert_walk ? -1 : x->insert_walk > y->insert_walk;
}

/* The statements INSERT moved were walked first, where their script stood: the sections
 * their expressions name are made before all others (unless INSERT moved those too). */
/* the sections made early with create_sub in [from, to) follow `leader', in that order */
static void adopt_followers(struct layout *L, struct layout_osec *leader, size_t from, size_t to)
{
	struct layout_osec **tail = &leader->first_follower;
	while (*tail)
		tail = &(*tail)->next_follower;
	for (size_t sub = from; sub < to; sub++)
		for (size_t i = 0; i < L->nodes.n; i++) {
			struct layout_osec *lo = L->nodes.v[i].kind == LN_OSEC ? L->nodes.v[i].lo : NULL;
			if (lo && lo->created && !lo->insert_leader && lo->create_sub == sub && lo != leader) {
				lo->created = false;
				lo->insert_leader = leader;
				*tail = lo;
				tail = &lo->next_follower;
			}
		}
}

static void create_named_by_inserts(struct creation *c)
{
	struct layout *L = c->L;
	size_t n = 0;
	for (size_t i = 0; i < L->nodes.n; i++)
		n += L->nodes.v[i].insert_walk != 0;
	if (!n)
		return;
	const struct lnode **moved = xcalloc(n, sizeof(*moved));
	n = 0;
	for (size_t i = 0; i < L->nodes.n; i++)
		if (L->nodes.v[i].insert_walk)
			moved[n++] = &L->nodes.v[i];
	qsort(moved, n, sizeof(*moved), by_insert_walk);
	c->early = true;
	/* bfd's INSERT moves the bfd sections from the first to the last of a block's own as one
	 * range: what the walk made in between goes along (a follower of the block's section
	 * before it); what it made before or after stays in front */
	struct layout_osec *leader = NULL;
	uint32_t group = 0;
	size_t mark = 0;
	for (size_t k = 0; k < n; k++) {
		const struct lnode *nd = moved[k];
		if (nd->insert_group != group) {
			group = nd->insert_group;
			leader = NULL;
		}
		if (nd->kind == LN_ASSIGN || nd->kind == LN_ASSERT) {
			statement_section_refs(nd->st, create_named, c);
		} else if (nd->kind == LN_OSEC) {
			struct layout_osec *lo = nd->lo;
			if (osec_made(lo)) {
				if (leader)
					adopt_followers(L, leader, mark, c->sub);
				leader = lo;
				mark = c->sub;
				osec_address_refs(lo, create_named, c);
			}
			for (size_t j = 0; j < lo->items.n; j++)
				if (lo->items.v[j].kind != IT_INPUTS)
					statement_section_refs(lo->items.v[j].st, create_named, c);
		}
	}
	c->early = false;
	free(moved);
}

static int by_creation(const void *a, const void *b)
{
	const struct layout_osec *x = *(struct layout_osec *const *)a, *y = *(struct layout_osec *const *)b;
	if (x->create_node != y->create_node)
		return x->create_node < y->create_node ? -1 : 1;
	return x->create_sub < y->create_sub ? -1 : x->create_sub > y->create_sub;
}

static int by_orphan_event(const void *a, const void *b)
{
	const struct layout_osec *x = *(struct layout_osec *const *)a, *y = *(struct layout_osec *const *)b;
	size_t ex = x->orphan ? x->orphan_seq : x->made_by_orphan, ey = y->orphan ? y->orphan_seq : y->made_by_orphan;
	return ex < ey ? -1 : ex > ey;
}

/* The output sections in bfd's section list order: those the mapping walk made in the order
 * it made them; then, orphan by orphan, a new orphan section goes right after the section of
 * the nearest statement before it that has one (at the head of the list without one:
 * lang_insert_orphan's shuffle), and a statement an orphan made by joining it goes last. */
static void walk_creation(struct layout *L);

/* GNU ld's process_insert_statements moves the sections of each INSERT's block, from the
 * first to the last of them in the list, after the section of the statement they went after
 * (or the nearest one before it that has a section) */
static void move_inserted(struct layout *L, struct layout_osec **order, size_t n)
{
	if (!L->inserts.n)
		return;
	uint32_t *group = xcalloc(n + 1, sizeof(*group));
	for (size_t k = 0; k < L->inserts.n; k++) {
		for (size_t i = 0; i < n; i++) {
			size_t nd = node_of(L, order[i]);
			group[i] = nd < L->nodes.n ? L->nodes.v[nd].insert_group : 0;
		}
		size_t first = (size_t)-1, last = 0;
		for (size_t i = 0; i < n; i++)
			if (group[i] == k + 1) {
				if (first == (size_t)-1)
					first = i;
				last = i;
			}
		const struct layout_osec *where = L->inserts.v[k].where;
		if (first == (size_t)-1 || !where)
			continue;
		size_t at = (size_t)-1;
		for (size_t p = node_of(L, where) + 1; p-- > 0 && at == (size_t)-1;) {
			const struct layout_osec *q = L->nodes.v[p].kind == LN_OSEC ? L->nodes.v[p].lo : NULL;
			for (size_t i = 0; q && i < n; i++)
				if (order[i] == q)
					at = i;
		}
		if (at == (size_t)-1 || (at >= first && at <= last))
			continue;
		size_t len = last - first + 1;
		struct layout_osec **tmp = xcalloc(len, sizeof(*tmp));
		memcpy(tmp, &order[first], len * sizeof(*tmp));
		if (at > last) {
			memmove(&order[first], &order[last + 1], (at - last) * sizeof(*order));
			memcpy(&order[at - len + 1], tmp, len * sizeof(*tmp));
		} else {
			memmove(&order[at + 1 + len], &order[at + 1], (first - at - 1) * sizeof(*order));
			memcpy(&order[at + 1], tmp, len * sizeof(*tmp));
		}
		free(tmp);
	}
	free(group);
}

static struct layout_osec **creation_order(struct layout *L, size_t *count)
{
	walk_creation(L);
	struct layout_osec **order = xcalloc(L->nodes.n + L->ghosts.n + 1, sizeof(*order));
	struct layout_osec **events = xcalloc(L->nodes.n + 1, sizeof(*events));
	size_t n = 0, nev = 0;
	for (size_t i = 0; i < L->nodes.n; i++) {
		struct layout_osec *lo = L->nodes.v[i].kind == LN_OSEC ? L->nodes.v[i].lo : NULL;
		if (!lo)
			continue;
		if (lo->orphan || lo->made_by_orphan)
			events[nev++] = lo;
		else
			order[n++] = lo;
	}
	for (size_t g = 0; g < L->ghosts.n; g++)
		if (L->ghosts.v[g]->created)
			order[n++] = L->ghosts.v[g];
	qsort(order, n, sizeof(*order), by_creation);
	/* --section-start, -Tbss, ...: GNU ld makes a section where the address statement stands,
	 * before the script's statements (the built-in script's, or a -T after the option), or
	 * after them; one the script names itself is made by the script all the same */
	const struct options *o = &L->ctx->opt;
	size_t front = 0;
	for (size_t i = 0; i < o->section_starts.n; i++) {
		const struct section_start *ss = &o->section_starts.v[i];
		if (ss->segment && i < L->segment_used.n && L->segment_used.v[i])
			continue;
		bool found = false;
		for (size_t k = front; k < n && !found; k++)
			if (!strcmp(order[k]->os->name, ss->name)) {
				if (!ss->after_script) {
					struct layout_osec *lo = order[k];
					memmove(&order[front + 1], &order[front], (k - front) * sizeof(*order));
					order[front++] = lo;
				}
				found = true;
			}
		/* the statement the address statement made (layout_map), orphans joined it */
		for (size_t e = 0; e < nev && !found; e++)
			if (!strcmp(events[e]->os->name, ss->name)) {
				struct layout_osec *lo = events[e];
				memmove(&events[e], &events[e + 1], (nev - e - 1) * sizeof(*events));
				nev--;
				size_t at = ss->after_script ? n : front++;
				memmove(&order[at + 1], &order[at], (n - at) * sizeof(*order));
				order[at] = lo;
				n++;
				lo->created = true;
				found = true;
			}
	}
	move_inserted(L, order, n);
	qsort(events, nev, sizeof(*events), by_orphan_event);
	for (size_t e = 0; e < nev; e++) {
		struct layout_osec *lo = events[e];
		size_t at = n; /* made by joining: appended */
		/* (as is the .bss GNU ld makes for commons: a statement it looks up, never moved) */
		const struct input_section *first = lo->items.n && lo->items.v[0].secs.n ? lo->items.v[0].secs.v[0] : NULL;
		if (lo->orphan && !(first && first->file->common == first)) {
			size_t p = node_of(L, lo);
			const struct layout_osec *prev = NULL;
			while (p-- > 0 && !prev) {
				const struct layout_osec *q = L->nodes.v[p].kind == LN_OSEC ? L->nodes.v[p].lo : NULL;
				if (q && ((q->orphan || q->made_by_orphan) ? q->created : osec_made_by_walk(q)))
					prev = q;
			}
			if (lo->after_ghost && lo->after_ghost->created)
				prev = lo->after_ghost;
			at = 0;
			for (size_t k = 0; prev && k < n; k++)
				if (order[k] == prev)
					at = k + 1;
		}
		memmove(&order[at + 1], &order[at], (n - at) * sizeof(*order));
		order[at] = lo;
		n++;
		lo->created = true;
	}
	free(events);
	*count = n;
	for (size_t i = 0; i < n; i++)
		order[i]->list_pos = i;
	return order;
}

struct layout_osec **layout_section_list(struct layout *L, size_t *count)
{
	return creation_order(L, count);
}

static void walk_creation(struct layout *L)
{
	struct creation c = {L, 0, 0, false};
	for (size_t i = 0; i < L->nodes.n; i++)
		if (L->nodes.v[i].lo) {
			struct layout_osec *lo = L->nodes.v[i].lo;
			lo->created = false;
			lo->insert_leader = lo->next_follower = lo->first_follower = NULL;
		}
	for (size_t g = 0; g < L->ghosts.n; g++)
		L->ghosts.v[g]->created = false;
	create_named_by_inserts(&c);
	for (size_t i = 0; i < L->nodes.n; i++) {
		struct lnode *n = &L->nodes.v[i];
		c.node = i;
		c.sub = 0;
		if (n->kind == LN_ASSIGN || n->kind == LN_ASSERT) {
			statement_section_refs(n->st, create_named, &c);
		} else if (n->kind == LN_OSEC) {
			struct layout_osec *lo = n->lo;
			if (lo->made_by_orphan || lo->orphan)
				continue; /* made when orphans are placed */
			/* CREATE_OBJECT_SYMBOLS makes it where it stands (taken as first here) */
			if (lo->object_symbols)
				create_osec(&c, lo);
			for (size_t k = 0; k < lo->items.n; k++) {
				const struct lo_item *it = &lo->items.v[k];
				switch (it->kind) {
				case IT_INPUTS: /* orphans joining by name come after the walk */
					if (it->secs.n && k + 1 != lo->orphan_item)
						create_osec(&c, lo);
					break;
				case IT_ASSIGN:
				case IT_ASSERT:
					create_osec(&c, lo);
					statement_section_refs(it->st, create_named, &c);
					break;
				case IT_DATA: /* its expression is walked before the section is made */
					statement_section_refs(it->st, create_named, &c);
					create_osec(&c, lo);
					break;
				case IT_FILL:
					create_osec(&c, lo);
					break;
				}
			}
		}
	}
	/* one never given anything (nor named) keeps its place */
	for (size_t i = 0; i < L->nodes.n; i++) {
		struct layout_osec *lo = L->nodes.v[i].kind == LN_OSEC ? L->nodes.v[i].lo : NULL;
		if (lo && !lo->created && !lo->orphan && !lo->made_by_orphan) {
			lo->created = true;
			lo->create_node = i;
			lo->create_sub = (size_t)-1; /* after what its own node made */
		}
	}
}


/* Give every kept section its index and file offset, and fill in the segments. */
/* How bfd names an input file in a message: an archive member by its member name, a thin
 * archive's member by its path. */
static const char *bfd_file_name(const struct input_file *f)
{
	size_t n = f->archive ? strlen(f->archive) : 0;
	if (f->archive && f->member && !strncmp(f->name, f->archive, n) && f->name[n] == '(')
		return f->member;
	return f->name;
}

void execstack_check(struct ctx *ctx)
{
	if (ctx->opt.execstack == 1) {
		if (ctx->opt.warn_execstack == 1)
			warn(ctx, "enabling an executable stack because of -z execstack command line option");
		return;
	}
	if (ctx->opt.execstack == 0 || !ctx->opt.warn_execstack)
		return;
	if (!ctx->saw_stack_note && ctx->opt.z_stack_size <= 0)
		return;
	if (ctx->execstack_note_file)
		warn(ctx, "%s: requires executable stack (because the .note.GNU-stack section is executable)",
		     bfd_file_name(ctx->execstack_note_file));
	else if (ctx->no_stack_note_file)
		warn(ctx, "%s: missing .note.GNU-stack section implies executable stack",
		     bfd_file_name(ctx->no_stack_note_file));
}

/* bfd warns, when it writes the program headers, about every segment that takes memory with
 * write and execute permission both (--no-warn-rwx-segments turns it off) */
/* PR ld/20815: a PT_PHDR must lie in a PT_LOAD (bfd's assign_file_positions_for_load_sections);
 * a script that leaves no room for the headers gets GNU ld's error */
static void phdr_loaded_check(struct ctx *ctx, const struct segment_vec *segs)
{
	for (size_t i = 0; i < segs->n; i++) {
		const struct segment *ph = &segs->v[i];
		if (ph->type != PT_PHDR)
			continue;
		bool covered = false;
		for (size_t k = 0; k < segs->n && !covered; k++) {
			const struct segment *ld = &segs->v[k];
			covered = ld->type == PT_LOAD && ld->offset <= ph->offset &&
				  ph->offset + ph->filesz <= ld->offset + ld->filesz;
		}
		if (!covered)
			error(ctx, "%s: PHDR segment not covered by LOAD segment", ctx->opt.output ? ctx->opt.output : "a.out");
	}
}

static void rwx_check(struct ctx *ctx, const struct segment_vec *segs)
{
	if (!ctx->opt.warn_rwx_segments || !oformat_is_elf(ctx))
		return;
	for (size_t i = 0; i < segs->n; i++) {
		const struct segment *sg = &segs->v[i];
		if (!sg->memsz)
			continue;
		if (sg->type == PT_TLS && (sg->flags & PF_X))
			warn(ctx, "%s has a TLS segment with execute permission", ctx->opt.output);
		else if (sg->type == PT_LOAD && (sg->flags & (PF_R | PF_W | PF_X)) == (PF_R | PF_W | PF_X))
			warn(ctx, "%s has a LOAD segment with RWX permissions", ctx->opt.output);
	}
}

void layout_segments(struct ctx *ctx, struct layout *L)
{
	struct load_map *maps;
	struct output_section **secs;
	size_t count, nmaps;
	struct segment_vec segs = {0};
	bool *member;
	build(ctx, L, &segs, &maps, &secs, &count, &nmaps, &member);
	if (!any_section(L) && !member)
		segs.n = 0;
	uint64_t page = L->maxpagesize;
	/* room for the program headers: as many as the sizing passes settled on, which can be more
	 * than are written (GNU ld keeps the larger size when the count would shrink late) */
	uint64_t hsize = headers_size(ctx, !member && segs.n && L->phnum > segs.n ? L->phnum : segs.n);
	bool paged = ctx->opt.magic == MAGIC_DEMAND_PAGED;

	/* section order in the output: bfd's section list, as the final assignment pass had it */
	if (!L->section_list)
		L->section_list = creation_order(L, &L->section_list_n);
	assign_nearby(L);
	ctx->osecs.n = 0;
	uint32_t index = 1;
	for (size_t i = 0; i < L->section_list_n; i++) {
		struct layout_osec *lo = L->section_list[i];
		if (lo->removed || lo->os->index)
			continue;
		lo->os->index = index++;
		vec_push(ctx->osecs, lo->os);
		/* the writer walks each output section's inputs in order */
		lo->os->inputs.n = 0;
		for (size_t k = 0; k < lo->items.n; k++)
			for (size_t j = 0; j < lo->items.v[k].secs.n; j++)
				vec_push(lo->os->inputs, lo->items.v[k].secs.v[j]);
	}

	if (member) {
		place_phdrs_segments(ctx, L, &segs, secs, count, hsize, member);
		goto done;
	}
	if (oformat_is_elf(ctx) && !ctx_relocatable(ctx))
		tls_adjacent_check(ctx, L);
	uint64_t off = hsize;
	for (size_t m = 0; m < nmaps; m++) {
		struct segment *sg = &segs.v[m];
		struct load_map *mp = &maps[m];
		if (mp->headers_only) {
			sg->offset = 0;
			sg->vaddr = mp->hdr_vaddr;
			sg->paddr = mp->hdr_paddr;
			sg->filesz = sg->memsz = hsize;
			continue;
		}
		struct output_section *first = secs[mp->first];
		uint64_t off_before = off;
		if (mp->headers) {
			sg->offset = 0;
			/* bfd: the headers start at (first address - header size) rounded down to a
			 * page, which is the page before when the first section starts a page */
			uint64_t first_off = first->addr - ((first->addr - hsize) & -page);
			if ((first->addr < first_off || first->lma < first_off) && oformat_is_elf(ctx))
				error(ctx, "%s: not enough room for program headers, try linking with -N", ctx->opt.output);
			sg->vaddr = first->addr - first_off;
			sg->paddr = first->lma - first_off;
			off = first_off;
		} else if (!paged) {
			/* -N / -n: the file offset only keeps the address modulo the segment's
			 * alignment (bfd's vma_page_aligned_bias with p_align) */
			uint64_t al = 1;
			for (size_t i = mp->first; i < mp->last; i++)
				if (secs[i]->align > al)
					al = secs[i]->align;
			off += (first->addr - off) & (al - 1);
			sg->offset = off;
			sg->vaddr = first->addr;
			sg->paddr = first->lma;
			sg->align = al;
		} else {
			off += (first->addr - off) & (page - 1);
			sg->offset = off;
			sg->vaddr = first->addr;
			sg->paddr = first->lma;
		}
		/* with the headers, bfd moves the file position on to the first section and
		 * p_memsz (p_filesz when the segment has contents) with it, whatever that section
		 * is (a .tbss too) */
		uint64_t file_end = sg->offset;
		bool contents = false;
		if (mp->headers)
			file_end = off;
		/* p_memsz as bfd grows it, from LMA to LMA: a section whose LMA falls back inside
		 * what came before (after a thread-local section that got contents and takes no
		 * room) has its LMA moved up, with GNU ld's warning */
		uint64_t p_memsz = first->lma - sg->paddr;
		for (size_t i = mp->first; i < mp->last; i++) {
			struct output_section *s = secs[i];
			bool nobits = s->type == SHT_NOBITS, alloc = s->flags & SHF_ALLOC, tls = s->flags & SHF_TLS;
			if (!nobits || (alloc && !tls)) {
				uint64_t p_end = sg->paddr + p_memsz, adjust = s->lma - p_end;
				if (adjust && (s->lma < p_end || p_end < sg->paddr)) {
					/* (GNU ld's ELF writer does this; a binary image keeps the LMA) */
					if (oformat_is_elf(ctx)) {
						notice("%s: section %s lma %#llx adjusted to %#llx",
						       ctx->opt.output ? ctx->opt.output : "a.out", s->name,
						       (unsigned long long)s->lma, (unsigned long long)p_end);
						s->lma = p_end;
					}
					adjust = 0;
				}
				p_memsz += adjust;
			}
			if (alloc && (!nobits || !tls))
				p_memsz += s->size;
		}
		for (size_t i = mp->first; i < mp->last; i++) {
			struct output_section *s = secs[i];
			s->segment = NULL;
			if (s->align > sg->align && s->align > page)
				sg->align = s->align;
			s->offset = sg->offset + (s->addr - sg->vaddr);
			/* a NOBITS section first in its PT_LOAD keeps the place its address gives it
			 * (bfd moves the file position to every first section), the others sit where
			 * the file has got to */
			bool first_nobits = i == mp->first && !is_load(s);
			if (is_load(s)) {
				file_end = s->offset + s->size;
				contents = true;
			} else if (!elf_tbss(s) && !first_nobits) {
				s->offset = file_end > s->offset ? s->offset : file_end;
			}
			if (elf_tbss(s) && !first_nobits)
				s->offset = file_end;
		}
		/* NOBITS sections sit at the file position reached so far */
		for (size_t i = mp->first; i < mp->last; i++)
			if (!is_load(secs[i]))
				secs[i]->offset = secs[i]->offset < file_end ? secs[i]->offset : file_end;
		sg->filesz = mp->headers && !contents ? hsize : file_end - sg->offset;
		sg->memsz = p_memsz;
		off = file_end;
		/* a segment of bss only has no file contents: bfd keeps its p_offset within the
		 * first page (the file position modulo the page size; 0 when not demand paged, where
		 * its page size is 1) and the file position where it was */
		if (!sg->filesz && !mp->headers && !is_load(first)) {
			sg->offset = paged ? sg->offset % page : 0;
			off = off_before;
		}
		/* nor does the headers' segment when all it has besides them is bss: the file
		 * position goes back to the end of the headers (bfd subtracts its off_adjust) */
		if (mp->headers && !contents)
			off = hsize;
	}
	/* a .tbss no PT_LOAD holds sits where a PT_LOAD of its own would put it, which is also
	 * PT_TLS's offset (bfd: "a .tbss section that didn't get a PT_LOAD") */
	struct osec_list tls = {0};
	tls_run(L, &tls);
	for (size_t i = 0; i < tls.n; i++)
		if (elf_tbss(tls.v[i]) && !tls.v[i]->offset)
			tls.v[i]->offset = off + page_bias(tls.v[i]->addr, off, tls.v[i]->align);
	/* sections outside every PT_LOAD (non-alloc ones) */
	nonalloc_offsets(ctx, L, off, NULL);

	/* the other segments take their extent from their sections */
	for (size_t i = nmaps; i < segs.n; i++) {
		struct segment *sg = &segs.v[i];
		if (sg->type == PT_GNU_STACK)
			continue;
		if (sg->type == PT_PHDR) {
			bool is64 = ctx->target->elfclass == ELFCLASS64;
			sg->offset = is64 ? sizeof(Elf64_Ehdr) : sizeof(Elf32_Ehdr);
			sg->filesz = sg->memsz = hsize - sg->offset;
			sg->vaddr = segs.v[0].vaddr + sg->offset;
			sg->paddr = segs.v[0].paddr + sg->offset;
			sg->align = is64 ? 8 : 4;
			continue;
		}
		if (sg->type == PT_GNU_RELRO) {
			relro_extent(L, sg, segs.v, maps, nmaps, secs);
			continue;
		}
		struct output_section *a = sg->first, *b = sg->last;
		sg->offset = a->offset;
		sg->vaddr = a->addr;
		sg->paddr = a->lma;
		uint64_t align = 1;
		uint64_t filesz = 0, memsz = 0;
		/* the sections from first to last in section order (overlays share addresses);
		 * PT_TLS's are the run of the section list, allocated or not */
		struct output_section **run = tls.v;
		size_t nrun = tls.n;
		if (sg->type != PT_TLS) {
			size_t ka = 0, kb = count;
			while (ka < count && secs[ka] != a)
				ka++;
			while (kb > ka && secs[kb - 1] != b)
				kb--;
			run = secs + ka;
			nrun = kb - ka;
		}
		for (size_t k = 0; k < nrun; k++) {
			struct output_section *s = run[k];
			bool nobits = s->type == SHT_NOBITS, alloc = s->flags & SHF_ALLOC;
			if (s->align > align)
				align = s->align;
			/* p_filesz runs to the file end of the last section with contents (bfd's
			 * assign_file_positions_for_non_load_sections; for PT_TLS even when that
			 * lies before the first section's offset, and the size wraps) */
			if (sg->type == PT_TLS ? !nobits : is_load(s) && s->offset + s->size >= a->offset)
				filesz = s->offset + s->size - a->offset;
			if (sg->type != PT_TLS) {
				memsz = s->addr + s->size - a->addr;
				continue;
			}
			/* bfd grows PT_TLS's p_memsz by the gaps between LMAs, as a PT_LOAD's, and by
			 * the allocated sections' sizes */
			if (nobits && !alloc)
				continue;
			uint64_t p_end = sg->paddr + memsz, adjust = s->lma - p_end;
			if (adjust && (s->lma < p_end || p_end < sg->paddr))
				adjust = 0;
			memsz += adjust + (alloc ? s->size : 0);
		}
		sg->filesz = filesz;
		sg->memsz = sg->type == PT_TLS ? align_to(memsz, 1) : memsz;
		sg->align = align;
	}
	free(tls.v);
done:
	/* (a PHDRS script's segments had bfd's own check: a PT_LOAD with PHDRS must lead) */
	if (oformat_is_elf(ctx) && !member)
		phdr_loaded_check(ctx, &segs);
	rwx_check(ctx, &segs);
	/* every section's bytes lie inside the image the writer allocates (a section nothing
	 * gave a file position would be copied out of bounds) */
	for (size_t i = 0; i < ctx->osecs.n && !ctx_relocatable(ctx); i++) {
		struct output_section *os = ctx->osecs.v[i];
		if (os->type != SHT_NOBITS && os->size &&
		    (os->offset + os->size > ctx->image_end || os->offset + os->size < os->offset))
			error(ctx, "internal error: section `%s' has no place in the output file", os->name);
	}
	ctx->segments.n = 0;
	bool by_phdrs = member != NULL;
	for (size_t i = 0; i < segs.n; i++)
		if (!by_phdrs && (segs.v[i].type == PT_PHDR || segs.v[i].type == PT_INTERP))
			vec_push(ctx->segments, segs.v[i]);
	for (size_t i = 0; i < segs.n; i++)
		if (by_phdrs || (segs.v[i].type != PT_PHDR && segs.v[i].type != PT_INTERP))
			vec_push(ctx->segments, segs.v[i]);
	free(segs.v);
	free(maps);
	free(secs);
	free(member);
}
