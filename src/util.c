/* Arena allocation, checked malloc, file mapping. */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
#error "slink reads and writes little-endian ELF in place and must run on a little-endian host"
#endif

struct arena_chunk {
	struct arena_chunk *next;
	size_t size;
	_Alignas(16) char mem[];
};

enum { ARENA_CHUNK = 1 << 20 };

void *arena_alloc(struct arena *a, size_t size)
{
	size = (size + 15) & ~(size_t)15;
	if ((size_t)(a->end - a->cur) < size) {
		size_t want = size > ARENA_CHUNK / 4 ? size : ARENA_CHUNK;
		struct arena_chunk *c = xmalloc(sizeof(*c) + want);
		c->next = a->head;
		c->size = want;
		a->head = c;
		if (size > ARENA_CHUNK / 4) {
			/* big blocks get their own chunk so the current one keeps its room */
			memset(c->mem, 0, size);
			if (!a->cur) {
				a->cur = a->end = c->mem + want;
			}
			return c->mem;
		}
		a->cur = c->mem;
		a->end = c->mem + want;
		memset(a->cur, 0, want);
	}
	void *p = a->cur;
	a->cur += size;
	return p;
}

char *arena_strndup(struct arena *a, const char *s, size_t n)
{
	char *p = arena_alloc(a, n + 1);
	memcpy(p, s, n);
	p[n] = 0;
	return p;
}

char *arena_strdup(struct arena *a, const char *s) { return arena_strndup(a, s, strlen(s)); }

char *arena_printf(struct arena *a, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	char *p = arena_alloc(a, (size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}

void arena_free_all(struct arena *a)
{
	for (struct arena_chunk *c = a->head, *next; c; c = next) {
		next = c->next;
		free(c);
	}
	a->head = NULL;
	a->cur = a->end = NULL;
}

static _Noreturn void out_of_memory(void)
{
	fputs("slink: fatal error: out of memory\n", stderr);
	exit(1);
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		out_of_memory();
	return p;
}

void *xcalloc(size_t n, size_t m)
{
	void *p = calloc(n ? n : 1, m ? m : 1);
	if (!p)
		out_of_memory();
	return p;
}

void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		out_of_memory();
	return p;
}

bool map_file(const char *path, struct mapped_file *out)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return false;
	struct stat st;
	if (fstat(fd, &st) < 0) {
		int e = errno;
		close(fd);
		errno = e;
		return false;
	}
	if (S_ISDIR(st.st_mode)) {
		close(fd);
		errno = EISDIR;
		return false;
	}
	out->size = (size_t)st.st_size;
	if (out->size == 0) {
		/* mmap of length 0 fails; an empty file maps to an empty buffer */
		out->data = (const uint8_t *)"";
		close(fd);
		return true;
	}
	void *p = mmap(NULL, out->size, PROT_READ, MAP_PRIVATE, fd, 0);
	int e = errno;
	close(fd);
	if (p == MAP_FAILED) {
		errno = e;
		return false;
	}
	out->data = p;
	return true;
}

/* a name that can follow __start_ / __stop_: letters, digits and '_' only */
bool c_identifier(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') || *s == '_'))
			return false;
	return true;
}
