/* Small helpers every stage uses: arena allocation, growable arrays, byte-order-safe reads and
 * writes, integer range checks. */
#ifndef SLINK_UTIL_H
#define SLINK_UTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* ---- arena: objects that live as long as the link ---- */
struct arena_chunk;
struct arena {
	struct arena_chunk *head;
	char *cur, *end;
};
void *arena_alloc(struct arena *a, size_t size);       /* zeroed, 16-byte aligned */
char *arena_strdup(struct arena *a, const char *s);
char *arena_strndup(struct arena *a, const char *s, size_t n);
char *arena_printf(struct arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void arena_free_all(struct arena *a);

/* malloc that never returns NULL (exits on exhaustion) */
void *xmalloc(size_t n);
bool c_identifier(const char *s);
void *xcalloc(size_t n, size_t m);
void *xrealloc(void *p, size_t n);

/* ---- growable arrays: VEC(T) v; vec_push(v, x); v.v[i], v.n ---- */
#define VEC_BODY(T)                                                                              \
	{                                                                                        \
		T *v;                                                                            \
		size_t n, cap;                                                                   \
	}
#define VEC(T) struct VEC_BODY(T)
#define vec_reserve(vec, want)                                                                   \
	do {                                                                                     \
		if ((want) > (vec).cap) {                                                        \
			size_t c_ = (vec).cap ? (vec).cap * 2 : 8;                               \
			while (c_ < (want))                                                      \
				c_ *= 2;                                                         \
			(vec).v = xrealloc((vec).v, c_ * sizeof(*(vec).v));                      \
			(vec).cap = c_;                                                          \
		}                                                                                \
	} while (0)
#define vec_push(vec, x)                                                                         \
	do {                                                                                     \
		vec_reserve(vec, (vec).n + 1);                                                   \
		(vec).v[(vec).n++] = (x);                                                        \
	} while (0)

/* ---- integers ---- */
static inline uint64_t align_to(uint64_t x, uint64_t a) { return a <= 1 ? x : (x + a - 1) & ~(a - 1); }
static inline bool is_pow2(uint64_t x) { return x && !(x & (x - 1)); }
static inline int64_t sign_extend(uint64_t x, unsigned bits)
{
	return bits >= 64 ? (int64_t)x : (int64_t)(x << (64 - bits)) >> (64 - bits);
}
/* does v fit in a signed / unsigned field of `bits` bits? */
static inline bool fits_signed(int64_t v, unsigned bits)
{
	return bits >= 64 || (v >= -((int64_t)1 << (bits - 1)) && v < ((int64_t)1 << (bits - 1)));
}
static inline bool fits_unsigned(uint64_t v, unsigned bits) { return bits >= 64 || v < ((uint64_t)1 << bits); }

/* ---- little-endian byte access through memcpy: never dereference unaligned input ---- */
static inline uint16_t rd16(const void *p) { uint16_t v; memcpy(&v, p, 2); return v; }
static inline uint32_t rd32(const void *p) { uint32_t v; memcpy(&v, p, 4); return v; }
static inline uint64_t rd64(const void *p) { uint64_t v; memcpy(&v, p, 8); return v; }
static inline void wr8(void *p, uint64_t v) { *(uint8_t *)p = (uint8_t)v; }
static inline void wr16(void *p, uint64_t v) { uint16_t x = (uint16_t)v; memcpy(p, &x, 2); }
static inline void wr32(void *p, uint64_t v) { uint32_t x = (uint32_t)v; memcpy(p, &x, 4); }
static inline void wr64(void *p, uint64_t v) { memcpy(p, &v, 8); }
/* the build checks it runs on a little-endian host (util.c) */

/* ---- files ---- */
struct mapped_file {
	const uint8_t *data;
	size_t size;
};
/* mmap a whole file read-only; returns false with errno set */
bool map_file(const char *path, struct mapped_file *out);

/* FNV-1a, for hash tables */
static inline uint32_t hash_str(const char *s)
{
	uint32_t h = 2166136261u;
	while (*s)
		h = (h ^ (uint8_t)*s++) * 16777619u;
	return h;
}

#endif
