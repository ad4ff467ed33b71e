/* SHA-1 (FIPS 180-4), MD5 (RFC 1321) and GNU ld's build-id checksum walk.  See hash.h. */
#include <string.h>

#include "hash.h"

static inline uint32_t rol32(uint32_t x, unsigned n) { return (x << n) | (x >> (32 - n)); }

static inline uint32_t load_be32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | (uint32_t)p[3];
}
static inline uint32_t load_le32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}
static inline void store_be32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)(v >> 24), p[1] = (uint8_t)(v >> 16), p[2] = (uint8_t)(v >> 8), p[3] = (uint8_t)v;
}
static inline void store_le32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)v, p[1] = (uint8_t)(v >> 8), p[2] = (uint8_t)(v >> 16), p[3] = (uint8_t)(v >> 24);
}
static inline uint64_t load_le(const uint8_t *p, unsigned n)
{
	uint64_t v = 0;
	for (unsigned i = n; i-- > 0;)
		v = v << 8 | p[i];
	return v;
}

/* ---- SHA-1 ---- */

/* One 64-byte block.  The 80 rounds are unrolled five at a time with the working variables
 * renamed instead of shifted, and the message schedule kept in a 16-word ring. */
static void sha1_block(uint32_t h[5], const uint8_t *p)
{
	uint32_t w[16];
	uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4];
#define SHA1_W(i)                                                                                \
	((i) < 16 ? (w[(i) & 15] = load_be32(p + 4 * (i)))                                       \
		  : (w[(i) & 15] = rol32(w[((i) + 13) & 15] ^ w[((i) + 8) & 15] ^                \
					 w[((i) + 2) & 15] ^ w[(i) & 15], 1)))
#define SHA1_R(a, b, c, d, e, f, k, i)                                                           \
	do {                                                                                     \
		e += rol32(a, 5) + (f) + (k) + SHA1_W(i);                                        \
		b = rol32(b, 30);                                                                \
	} while (0)
#define SHA1_F0(b, c, d) ((d) ^ ((b) & ((c) ^ (d))))
#define SHA1_F1(b, c, d) ((b) ^ (c) ^ (d))
#define SHA1_F2(b, c, d) (((b) & (c)) | ((d) & ((b) | (c))))
#define SHA1_5(F, k, i)                                                                          \
	do {                                                                                     \
		SHA1_R(a, b, c, d, e, F(b, c, d), k, i);                                         \
		SHA1_R(e, a, b, c, d, F(a, b, c), k, i + 1);                                     \
		SHA1_R(d, e, a, b, c, F(e, a, b), k, i + 2);                                     \
		SHA1_R(c, d, e, a, b, F(d, e, a), k, i + 3);                                     \
		SHA1_R(b, c, d, e, a, F(c, d, e), k, i + 4);                                     \
	} while (0)
	SHA1_5(SHA1_F0, 0x5a827999u, 0);
	SHA1_5(SHA1_F0, 0x5a827999u, 5);
	SHA1_5(SHA1_F0, 0x5a827999u, 10);
	SHA1_5(SHA1_F0, 0x5a827999u, 15);
	SHA1_5(SHA1_F1, 0x6ed9eba1u, 20);
	SHA1_5(SHA1_F1, 0x6ed9eba1u, 25);
	SHA1_5(SHA1_F1, 0x6ed9eba1u, 30);
	SHA1_5(SHA1_F1, 0x6ed9eba1u, 35);
	SHA1_5(SHA1_F2, 0x8f1bbcdcu, 40);
	SHA1_5(SHA1_F2, 0x8f1bbcdcu, 45);
	SHA1_5(SHA1_F2, 0x8f1bbcdcu, 50);
	SHA1_5(SHA1_F2, 0x8f1bbcdcu, 55);
	SHA1_5(SHA1_F1, 0xca62c1d6u, 60);
	SHA1_5(SHA1_F1, 0xca62c1d6u, 65);
	SHA1_5(SHA1_F1, 0xca62c1d6u, 70);
	SHA1_5(SHA1_F1, 0xca62c1d6u, 75);
#undef SHA1_5
#undef SHA1_F0
#undef SHA1_F1
#undef SHA1_F2
#undef SHA1_R
#undef SHA1_W
	h[0] += a, h[1] += b, h[2] += c, h[3] += d, h[4] += e;
}

void sha1_init(struct sha1_ctx *c)
{
	c->h[0] = 0x67452301u;
	c->h[1] = 0xefcdab89u;
	c->h[2] = 0x98badcfeu;
	c->h[3] = 0x10325476u;
	c->h[4] = 0xc3d2e1f0u;
	c->len = 0;
	c->buflen = 0;
}

void sha1_update(struct sha1_ctx *c, const void *data, size_t len)
{
	const uint8_t *p = data;
	c->len += len;
	if (c->buflen) {
		size_t take = 64 - c->buflen < len ? 64 - c->buflen : len;
		memcpy(c->buf + c->buflen, p, take);
		c->buflen += take, p += take, len -= take;
		if (c->buflen < 64)
			return;
		sha1_block(c->h, c->buf);
		c->buflen = 0;
	}
	for (; len >= 64; p += 64, len -= 64)
		sha1_block(c->h, p);
	if (len)
		memcpy(c->buf, p, len);
	c->buflen = len;
}

void sha1_final(struct sha1_ctx *c, uint8_t out[20])
{
	uint64_t bits = c->len * 8;
	c->buf[c->buflen++] = 0x80;
	if (c->buflen > 56) {
		memset(c->buf + c->buflen, 0, 64 - c->buflen);
		sha1_block(c->h, c->buf);
		c->buflen = 0;
	}
	memset(c->buf + c->buflen, 0, 56 - c->buflen);
	store_be32(c->buf + 56, (uint32_t)(bits >> 32));
	store_be32(c->buf + 60, (uint32_t)bits);
	sha1_block(c->h, c->buf);
	for (int i = 0; i < 5; i++)
		store_be32(out + 4 * i, c->h[i]);
}

void sha1(const uint8_t *data, size_t len, uint8_t out[20])
{
	struct sha1_ctx c;
	sha1_init(&c);
	sha1_update(&c, data, len);
	sha1_final(&c, out);
}

void sha1_update_cb(void *ctx, const void *p, size_t n) { sha1_update(ctx, p, n); }

/* ---- MD5 ---- */

static const uint32_t md5_k[64] = {
	0xd76aa478u, 0xe8c7b756u, 0x242070dbu, 0xc1bdceeeu, 0xf57c0fafu, 0x4787c62au, 0xa8304613u, 0xfd469501u,
	0x698098d8u, 0x8b44f7afu, 0xffff5bb1u, 0x895cd7beu, 0x6b901122u, 0xfd987193u, 0xa679438eu, 0x49b40821u,
	0xf61e2562u, 0xc040b340u, 0x265e5a51u, 0xe9b6c7aau, 0xd62f105du, 0x02441453u, 0xd8a1e681u, 0xe7d3fbc8u,
	0x21e1cde6u, 0xc33707d6u, 0xf4d50d87u, 0x455a14edu, 0xa9e3e905u, 0xfcefa3f8u, 0x676f02d9u, 0x8d2a4c8au,
	0xfffa3942u, 0x8771f681u, 0x6d9d6122u, 0xfde5380cu, 0xa4beea44u, 0x4bdecfa9u, 0xf6bb4b60u, 0xbebfbc70u,
	0x289b7ec6u, 0xeaa127fau, 0xd4ef3085u, 0x04881d05u, 0xd9d4d039u, 0xe6db99e5u, 0x1fa27cf8u, 0xc4ac5665u,
	0xf4292244u, 0x432aff97u, 0xab9423a7u, 0xfc93a039u, 0x655b59c3u, 0x8f0ccc92u, 0xffeff47du, 0x85845dd1u,
	0x6fa87e4fu, 0xfe2ce6e0u, 0xa3014314u, 0x4e0811a1u, 0xf7537e82u, 0xbd3af235u, 0x2ad7d2bbu, 0xeb86d391u,
};
static const uint8_t md5_s[4][4] = {{7, 12, 17, 22}, {5, 9, 14, 20}, {4, 11, 16, 23}, {6, 10, 15, 21}};

static void md5_block(uint32_t h[4], const uint8_t *p)
{
	uint32_t m[16];
	for (int i = 0; i < 16; i++)
		m[i] = load_le32(p + 4 * i);
	uint32_t a = h[0], b = h[1], c = h[2], d = h[3];
	for (int i = 0; i < 64; i++) {
		uint32_t f;
		int g;
		switch (i >> 4) {
		case 0: f = (b & c) | (~b & d); g = i; break;
		case 1: f = (d & b) | (~d & c); g = (5 * i + 1) & 15; break;
		case 2: f = b ^ c ^ d; g = (3 * i + 5) & 15; break;
		default: f = c ^ (b | ~d); g = (7 * i) & 15; break;
		}
		uint32_t t = d;
		d = c;
		c = b;
		b = b + rol32(a + f + md5_k[i] + m[g], md5_s[i >> 4][i & 3]);
		a = t;
	}
	h[0] += a, h[1] += b, h[2] += c, h[3] += d;
}

void md5_init(struct md5_ctx *c)
{
	c->h[0] = 0x67452301u;
	c->h[1] = 0xefcdab89u;
	c->h[2] = 0x98badcfeu;
	c->h[3] = 0x10325476u;
	c->len = 0;
	c->buflen = 0;
}

void md5_update(struct md5_ctx *c, const void *data, size_t len)
{
	const uint8_t *p = data;
	c->len += len;
	if (c->buflen) {
		size_t take = 64 - c->buflen < len ? 64 - c->buflen : len;
		memcpy(c->buf + c->buflen, p, take);
		c->buflen += take, p += take, len -= take;
		if (c->buflen < 64)
			return;
		md5_block(c->h, c->buf);
		c->buflen = 0;
	}
	for (; len >= 64; p += 64, len -= 64)
		md5_block(c->h, p);
	if (len)
		memcpy(c->buf, p, len);
	c->buflen = len;
}

void md5_final(struct md5_ctx *c, uint8_t out[16])
{
	uint64_t bits = c->len * 8;
	c->buf[c->buflen++] = 0x80;
	if (c->buflen > 56) {
		memset(c->buf + c->buflen, 0, 64 - c->buflen);
		md5_block(c->h, c->buf);
		c->buflen = 0;
	}
	memset(c->buf + c->buflen, 0, 56 - c->buflen);
	store_le32(c->buf + 56, (uint32_t)bits);
	store_le32(c->buf + 60, (uint32_t)(bits >> 32));
	md5_block(c->h, c->buf);
	for (int i = 0; i < 4; i++)
		store_le32(out + 4 * i, c->h[i]);
}

void md5(const uint8_t *data, size_t len, uint8_t out[16])
{
	struct md5_ctx c;
	md5_init(&c);
	md5_update(&c, data, len);
	md5_final(&c, out);
}

void md5_update_cb(void *ctx, const void *p, size_t n) { md5_update(ctx, p, n); }

/* ---- GNU ld's build-id checksum (bfd_elf_checksum_contents) ---- */

/* Feed image[off .. off+len) with the bytes in [zoff, zoff+zlen) replaced by zeros. */
static void feed_range(const uint8_t *image, uint64_t off, uint64_t len, uint64_t zoff, uint64_t zlen,
		       hash_update_fn update, void *ctx)
{
	static const uint8_t zeros[4096];
	uint64_t end = off + len, zend = zoff + zlen;
	if (!zlen || zend <= off || zoff >= end) {
		if (len)
			update(ctx, image + off, (size_t)len);
		return;
	}
	uint64_t zs = zoff > off ? zoff : off, ze = zend < end ? zend : end;
	if (zs > off)
		update(ctx, image + off, (size_t)(zs - off));
	for (uint64_t p = zs; p < ze;) {
		uint64_t n = ze - p < sizeof zeros ? ze - p : sizeof zeros;
		update(ctx, zeros, (size_t)n);
		p += n;
	}
	if (end > ze)
		update(ctx, image + ze, (size_t)(end - ze));
}

static bool in_image(uint64_t off, uint64_t len, size_t size)
{
	return off <= size && len <= size - off;
}

bool elf_checksum_contents_zeroed(const uint8_t *image, size_t size, size_t zero_off, size_t zero_len,
				  hash_update_fn update, void *ctx)
{
	enum { EI_CLASS_ = 4, EI_DATA_ = 5, CLASS32 = 1, CLASS64 = 2, DATA2LSB = 1 };
	if (size < 52 || memcmp(image, "\177ELF", 4) || image[EI_DATA_] != DATA2LSB)
		return false;
	bool is64 = image[EI_CLASS_] == CLASS64;
	if (!is64 && image[EI_CLASS_] != CLASS32)
		return false;
	/* field offsets and sizes, ELF32 / ELF64 */
	const unsigned w = is64 ? 8 : 4;                      /* Addr/Off width */
	const size_t ehsz = is64 ? 64 : 52, phsz = is64 ? 56 : 32, shsz = is64 ? 64 : 40;
	const size_t e_phoff = is64 ? 0x20 : 0x1c, e_shoff = is64 ? 0x28 : 0x20;
	const size_t e_phnum = is64 ? 0x38 : 0x2c, e_shnum = is64 ? 0x3c : 0x30;
	const size_t sh_type = 4, sh_offset = is64 ? 0x18 : 0x10, sh_size = is64 ? 0x20 : 0x14;
	const size_t sh_info = is64 ? 0x2c : 0x1c;
	const uint32_t SHT_NOBITS_ = 8, SHT_SYMTAB_ = 2, SHT_STRTAB_ = 3, SHT_SYMTAB_SHNDX_ = 18;
	const uint64_t SHF_ALLOC_ = 2;
	const size_t sh_flags = 8;
	if (size < ehsz)
		return false;

	uint64_t phoff = load_le(image + e_phoff, w), shoff = load_le(image + e_shoff, w);
	uint64_t phnum = load_le(image + e_phnum, 2), shnum = load_le(image + e_shnum, 2);
	/* the real counts live in section header 0 on overflow */
	if ((phnum == 0xffff || shnum == 0) && shoff) {
		if (!in_image(shoff, shsz, size))
			return false;
		if (phnum == 0xffff)
			phnum = load_le(image + shoff + sh_info, 4);
		if (shnum == 0)
			shnum = load_le(image + shoff + sh_size, w);
	}
	if (!shoff)
		shnum = 0;
	if ((phnum && (phoff > size || phnum > (size - phoff) / phsz)) ||
	    (shnum && (shoff > size || shnum > (size - shoff) / shsz)))
		return false;

	/* 1. ELF header, e_phoff = e_shoff = 0 */
	uint8_t eh[64];
	memcpy(eh, image, ehsz);
	memset(eh + e_phoff, 0, w);
	memset(eh + e_shoff, 0, w);
	feed_range(eh, 0, ehsz, 0, 0, update, ctx);

	/* 2. program headers */
	for (uint64_t i = 0; i < phnum; i++)
		update(ctx, image + phoff + i * phsz, phsz);

	/* 3. each section header with sh_offset = 0, then its contents */
	for (uint64_t i = 0; i < shnum; i++) {
		const uint8_t *src = image + shoff + i * shsz;
		uint8_t sh[64];
		memcpy(sh, src, shsz);
		memset(sh + sh_offset, 0, w);
		update(ctx, sh, shsz);
		uint32_t type = (uint32_t)load_le(src + sh_type, 4);
		uint64_t flags = load_le(src + sh_flags, w);
		uint64_t off = load_le(src + sh_offset, w), len = load_le(src + sh_size, w);
		if (i == 0 || type == SHT_NOBITS_)
			continue;
		/* no BFD section behind these, and no contents kept in their headers */
		if (type == SHT_SYMTAB_ || type == SHT_SYMTAB_SHNDX_ || (type == SHT_STRTAB_ && !(flags & SHF_ALLOC_)))
			continue;
		if (!in_image(off, len, size))
			continue;
		feed_range(image, off, len, zero_off, zero_len, update, ctx);
	}
	return true;
}

bool elf_checksum_contents(const uint8_t *image, size_t size, hash_update_fn update, void *ctx)
{
	return elf_checksum_contents_zeroed(image, size, 0, 0, update, ctx);
}

size_t gnu_build_id_digest(const char *style, const uint8_t *image, size_t size, size_t note_off,
			   size_t note_size, uint8_t out[20])
{
	if (!strcmp(style, "sha1")) {
		struct sha1_ctx c;
		sha1_init(&c);
		if (!elf_checksum_contents_zeroed(image, size, note_off, note_size, sha1_update_cb, &c))
			return 0;
		sha1_final(&c, out);
		return 20;
	}
	if (!strcmp(style, "md5")) {
		struct md5_ctx c;
		md5_init(&c);
		if (!elf_checksum_contents_zeroed(image, size, note_off, note_size, md5_update_cb, &c))
			return 0;
		md5_final(&c, out);
		return 16;
	}
	return 0;
}
