/* GNU ld's lang_check_section_addresses: once the addresses are final, an allocated section
 * that wraps around the address space, two loaded sections whose load addresses overlap, or
 * (unless some sections share a start address, as overlays do) two allocated sections whose
 * addresses overlap fail the link.  --no-check-sections turns the check off (-r: off unless
 * asked for). */
#include <stdlib.h>

#include "layout.h"
#include "passes.h"
#include "target.h"

struct check_sec {
	struct output_section *os;
	size_t id;              /* bfd's section id: creation order */
	bool warned;            /* its LMA overlap was reported: not its VMA overlap too */
};

static int by_lma(const void *pa, const void *pb)
{
	const struct check_sec *a = pa, *b = pb;
	if (a->os->lma != b->os->lma)
		return a->os->lma < b->os->lma ? -1 : 1;
	return a->id < b->id ? -1 : a->id > b->id;
}

static int by_vma(const void *pa, const void *pb)
{
	const struct check_sec *a = pa, *b = pb;
	if (a->os->addr != b->os->addr)
		return a->os->addr < b->os->addr ? -1 : 1;
	return a->id < b->id ? -1 : a->id > b->id;
}

/* SEC_LOAD (an allocated section here) */
static bool is_load(const struct output_section *os)
{
	return osec_bfd_load(os);
}

void check_section_addresses(struct ctx *ctx, struct layout *L)
{
	if (!ctx->opt.check_sections)
		return;
	bool is64 = ctx->target->elfclass == ELFCLASS64;
	int width = is64 ? 16 : 8; /* bfd's %V: the target's address width */
	uint64_t mask = is64 ? UINT64_MAX : UINT32_MAX;
	size_t nsec = 0, count = 0;
	struct check_sec *v = xcalloc(L->nodes.n + 1, sizeof(*v));
	for (size_t i = 0; i < L->nodes.n; i++) {
		struct layout_osec *lo = L->nodes.v[i].kind == LN_OSEC ? L->nodes.v[i].lo : NULL;
		if (!lo || lo->removed)
			continue;
		struct output_section *os = lo->os;
		nsec++;
		if (!osec_bfd_alloc(os))
			continue;
		uint64_t vend = (os->addr + os->size) & mask, lend = (os->lma + os->size) & mask;
		if (vend && vend < (os->addr & mask))
			error(ctx, "section %s VMA wraps around address space", os->name);
		else if (lend && lend < (os->lma & mask))
			error(ctx, "section %s LMA wraps around address space", os->name);
		/* .tbss (thread-local, not loaded) takes no address space of its own; empty
		 * sections cannot overlap (GNU ld's IGNORE_SECTION) */
		if (!os->size || (osec_bfd_tls(os) && !osec_bfd_load(os)))
			continue;
		/* output sections are made in statement order, orphans after all of them */
		v[count++] = (struct check_sec){os, (lo->orphan ? L->nodes.n : 0) + i, false};
	}
	if (nsec <= 1 || count <= 1) {
		free(v);
		return;
	}

	/* load addresses of loaded sections may never overlap, even with overlays */
	qsort(v, count, sizeof(*v), by_lma);
	struct output_section *p = NULL;
	uint64_t p_start = 0, p_end = 0;
	for (size_t i = 0; i < count; i++) {
		struct output_section *s = v[i].os;
		if (!is_load(s))
			continue;
		uint64_t s_start = s->lma, s_end = s_start + s->size - 1;
		/* sorted by LMA: overlap when it starts before the previous one ends, or that one
		 * wrapped around */
		if (p && (s_start <= p_end || p_end < p_start)) {
			error(ctx, "section %s LMA [%0*llx,%0*llx] overlaps section %s LMA [%0*llx,%0*llx]", s->name,
			      width, (unsigned long long)s_start, width, (unsigned long long)s_end, p->name,
			      width, (unsigned long long)p_start, width, (unsigned long long)p_end);
			v[i].warned = true;
		}
		p = s;
		p_start = s_start;
		p_end = s_end;
	}

	/* two sections starting at the same address: overlays, whose addresses overlap on
	 * purpose, so the addresses are not checked */
	qsort(v, count, sizeof(*v), by_vma);
	for (size_t i = 1; i < count; i++)
		if (v[i].os->addr == v[i - 1].os->addr) {
			free(v);
			return;
		}
	p = NULL;
	for (size_t i = 0; i < count; i++) {
		struct output_section *s = v[i].os;
		uint64_t s_start = s->addr, s_end = s_start + s->size - 1;
		if (p && !v[i].warned && (s_start <= p_end || p_end < p_start))
			error(ctx, "section %s VMA [%0*llx,%0*llx] overlaps section %s VMA [%0*llx,%0*llx]", s->name,
			      width, (unsigned long long)s_start, width, (unsigned long long)s_end, p->name,
			      width, (unsigned long long)p_start, width, (unsigned long long)p_end);
		p = s;
		p_start = s_start;
		p_end = s_end;
	}
	free(v);
}
