/* ELF string tables built as GNU ld builds them: each string once, and a string that is the
 * tail of a longer one points into it. */
#include <stdlib.h>

#include "output.h"


/* Returns a handle (not yet an offset): resolve with strtab_offset after strtab_finish. */
uint32_t strtab_add(struct strtab *t, const char *s)
{
	if (!t->strs.n) {
		vec_push(t->strs, "");
		vec_push(t->lens, 0);
	}
	if (!*s)
		return 0;
	if ((t->strs.n + 1) * 2 > t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 1024;
		uint32_t *slots = xcalloc(cap, sizeof(*slots));
		for (size_t i = 1; i < t->strs.n; i++) {
			size_t j = hash_str(t->strs.v[i]) & (cap - 1);
			while (slots[j])
				j = (j + 1) & (cap - 1);
			slots[j] = (uint32_t)i;
		}
		free(t->slots);
		t->slots = slots;
		t->cap = cap;
	}
	size_t j = hash_str(s) & (t->cap - 1);
	for (; t->slots[j]; j = (j + 1) & (t->cap - 1))
		if (!strcmp(t->strs.v[t->slots[j]], s))
			return t->slots[j];
	t->slots[j] = (uint32_t)t->strs.n;
	vec_push(t->strs, s);
	vec_push(t->lens, (uint32_t)strlen(s));
	return (uint32_t)t->strs.n - 1;
}

static const struct strtab *sort_tab;
static int cmp_reversed(const void *pa, const void *pb)
{
	uint32_t a = *(const uint32_t *)pa, b = *(const uint32_t *)pb;
	const char *s = sort_tab->strs.v[a], *u = sort_tab->strs.v[b];
	uint32_t la = sort_tab->lens.v[a], lb = sort_tab->lens.v[b];
	uint32_t l = la < lb ? la : lb;
	for (uint32_t i = 1; i <= l; i++) {
		unsigned char x = (unsigned char)s[la - i], y = (unsigned char)u[lb - i];
		if (x != y)
			return (int)x - (int)y;
	}
	return (int)la - (int)lb;
}

void strtab_finish(struct strtab *t)
{
	size_t n = t->strs.n;
	if (!n)
		strtab_add(t, ""), n = t->strs.n;
	vec_reserve(t->offsets, n);
	t->offsets.n = n;
	uint32_t *suffix_of = xcalloc(n, sizeof(*suffix_of)); /* index + 1 of the containing string */
	uint32_t *order = xcalloc(n, sizeof(*order));
	size_t m = 0;
	for (size_t i = 1; i < n; i++)
		order[m++] = (uint32_t)i;
	sort_tab = t;
	qsort(order, m, sizeof(*order), cmp_reversed);
	/* walking from the end, a string is merged into the last kept one if it is its tail */
	if (m) {
		uint32_t e = order[m - 1];
		for (size_t k = m - 1; k-- > 0;) {
			uint32_t c = order[k];
			uint32_t le = t->lens.v[e], lc = t->lens.v[c];
			if (lc < le && !memcmp(t->strs.v[e] + (le - lc), t->strs.v[c], lc))
				suffix_of[c] = e + 1;
			else
				e = c;
		}
	}
	vec_push(t->buf, '\0');
	for (size_t i = 1; i < n; i++) {
		if (suffix_of[i])
			continue;
		t->offsets.v[i] = (uint32_t)t->buf.n;
		vec_reserve(t->buf, t->buf.n + t->lens.v[i] + 1);
		memcpy(t->buf.v + t->buf.n, t->strs.v[i], t->lens.v[i] + 1);
		t->buf.n += t->lens.v[i] + 1;
	}
	for (size_t i = 1; i < n; i++)
		if (suffix_of[i]) {
			uint32_t e = suffix_of[i] - 1;
			t->offsets.v[i] = t->offsets.v[e] + (t->lens.v[e] - t->lens.v[i]);
		}
	t->offsets.v[0] = 0;
	free(suffix_of);
	free(order);
}

uint32_t strtab_offset(const struct strtab *t, uint32_t handle) { return t->offsets.v[handle]; }

void strtab_free(struct strtab *t)
{
	free(t->strs.v);
	free(t->lens.v);
	free(t->offsets.v);
	free(t->slots);
	free(t->buf.v);
}

