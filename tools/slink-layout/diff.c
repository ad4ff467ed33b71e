/* slink-layout diff OLD NEW: what grew, shrank, appeared, vanished and moved, per output
 * section, per input file and per symbol, each list sorted by the size change (largest first). */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout.h"

struct ent {
	const char *name;
	int64_t old_size, new_size;
	uint64_t old_addr, new_addr;
	bool in_old, in_new;
};

struct table {
	struct ent *v;
	size_t n, cap;
	/* open-addressing index on name */
	size_t *slots, nslots;
};

static size_t hash(const char *s)
{
	size_t h = 1469598103934665603ull;
	while (*s)
		h = (h ^ (unsigned char)*s++) * 1099511628211ull;
	return h;
}

static struct ent *lookup(struct table *t, const char *name)
{
	if ((t->n + 1) * 2 > t->nslots) {
		size_t ns = t->nslots ? t->nslots * 2 : 1024;
		size_t *slots = calloc(ns, sizeof(*slots));
		if (!slots)
			exit(1);
		for (size_t i = 0; i < t->n; i++) {
			size_t j = hash(t->v[i].name) & (ns - 1);
			while (slots[j])
				j = (j + 1) & (ns - 1);
			slots[j] = i + 1;
		}
		free(t->slots);
		t->slots = slots;
		t->nslots = ns;
	}
	size_t j = hash(name) & (t->nslots - 1);
	for (; t->slots[j]; j = (j + 1) & (t->nslots - 1))
		if (!strcmp(t->v[t->slots[j] - 1].name, name))
			return &t->v[t->slots[j] - 1];
	if (t->n == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 256;
		t->v = realloc(t->v, t->cap * sizeof(*t->v));
		if (!t->v)
			exit(1);
	}
	struct ent *e = &t->v[t->n];
	memset(e, 0, sizeof(*e));
	e->name = name;
	t->slots[j] = ++t->n;
	return e;
}

static void add(struct table *t, const char *name, bool is_new, int64_t size, uint64_t addr)
{
	struct ent *e = lookup(t, name);
	if (is_new) {
		e->new_size += size;
		if (!e->in_new)
			e->new_addr = addr;
		e->in_new = true;
	} else {
		e->old_size += size;
		if (!e->in_old)
			e->old_addr = addr;
		e->in_old = true;
	}
}

static int cmp_delta(const void *pa, const void *pb)
{
	const struct ent *a = pa, *b = pb;
	int64_t da = a->new_size - a->old_size, db = b->new_size - b->old_size;
	int64_t ma = da < 0 ? -da : da, mb = db < 0 ? -db : db;
	if (ma != mb)
		return ma > mb ? -1 : 1;
	if (da != db)
		return da > db ? -1 : 1;
	/* then what appeared or vanished, before what only moved */
	int ka = a->in_old != a->in_new, kb = b->in_old != b->in_new;
	if (ka != kb)
		return ka ? -1 : 1;
	return strcmp(a->name, b->name);
}

static void load(struct table *osecs, struct table *files, struct table *syms, const struct jval *doc, bool is_new)
{
	struct jval *os = jget(doc, "output_sections"), *is = jget(doc, "input_sections");
	struct jval *fs = jget(doc, "files"), *ss = jget(doc, "symbols");
	for (size_t i = 0; i < jlen(os); i++) {
		struct jval *o = jat(os, i);
		if (jbool(o, "in_output"))
			add(osecs, jstr(o, "name"), is_new, (int64_t)jnum(o, "size"), jaddr(o, "vma"));
	}
	for (size_t i = 0; i < jlen(is); i++) {
		struct jval *s = jat(is, i);
		struct jval *f = jat(fs, (size_t)jint(s, "file", 0));
		struct jval *o = jat(os, (size_t)jint(s, "output", 0));
		if (!(jstr(o, "flags")[0] && strchr(jstr(o, "flags"), 'A')))
			continue; /* allocated bytes only: debug info would drown the rest */
		add(files, jstr(f, "name"), is_new, (int64_t)jnum(s, "size"), jaddr(s, "vma"));
	}
	for (size_t i = 0; i < jlen(ss); i++) {
		struct jval *s = jat(ss, i);
		if (!strcmp(jstr(s, "bind"), "LOCAL"))
			continue; /* same-named statics of different files would merge */
		add(syms, jstr(s, "name"), is_new, (int64_t)jnum(s, "size"), jaddr(s, "value"));
	}
}

static void report(const char *title, struct table *t, bool show_addr, size_t limit)
{
	qsort(t->v, t->n, sizeof(*t->v), cmp_delta);
	size_t changed = 0, moved = 0;
	int64_t total_old = 0, total_new = 0;
	for (size_t i = 0; i < t->n; i++) {
		struct ent *e = &t->v[i];
		total_old += e->old_size;
		total_new += e->new_size;
		if (e->old_size != e->new_size || e->in_old != e->in_new)
			changed++;
		else if (show_addr && e->old_addr != e->new_addr)
			moved++;
	}
	printf("%s: %zu changed in size, %zu moved, total %" PRId64 " -> %" PRId64 " (%+" PRId64 ")\n", title, changed,
	       moved, total_old, total_new, total_new - total_old);
	size_t shown = 0;
	for (size_t i = 0; i < t->n && shown < limit; i++) {
		struct ent *e = &t->v[i];
		int64_t d = e->new_size - e->old_size;
		bool addr_moved = show_addr && e->in_old && e->in_new && e->old_addr != e->new_addr;
		if (!d && e->in_old == e->in_new && !addr_moved)
			continue;
		shown++;
		const char *what = !e->in_old ? "new" : !e->in_new ? "gone" : d > 0 ? "grew" : d < 0 ? "shrank" : "moved";
		printf("  %+10" PRId64 "  %-6s %s  %" PRId64 " -> %" PRId64, d, what, e->name, e->old_size, e->new_size);
		if (show_addr && e->in_old && e->in_new)
			printf("  0x%" PRIx64 " -> 0x%" PRIx64, e->old_addr, e->new_addr);
		else if (show_addr)
			printf("  0x%" PRIx64, e->in_new ? e->new_addr : e->old_addr);
		printf("\n");
	}
	if (shown == limit)
		printf("  ... (use --limit N to see more)\n");
}

int cmd_diff(int argc, char **argv)
{
	const char *paths[2] = {NULL, NULL};
	size_t limit = 50, np = 0;
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--limit") && i + 1 < argc)
			limit = strtoul(argv[++i], NULL, 0);
		else if (!strcmp(argv[i], "--all"))
			limit = (size_t)-1;
		else if (np < 2)
			paths[np++] = argv[i];
		else
			np = 3;
	}
	if (np != 2) {
		fprintf(stderr, "usage: slink-layout diff [--limit N | --all] OLD.json NEW.json\n");
		return 2;
	}
	struct jval *a = json_load_file(paths[0], NULL, NULL), *b = json_load_file(paths[1], NULL, NULL);
	struct table osecs = {0}, files = {0}, syms = {0};
	load(&osecs, &files, &syms, a, false);
	load(&osecs, &files, &syms, b, true);
	printf("slink-layout diff %s %s\n", paths[0], paths[1]);
	report("output sections", &osecs, true, limit);
	report("files (allocated bytes)", &files, false, limit);
	report("symbols", &syms, true, limit);
	return 0;
}
