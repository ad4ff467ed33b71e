/* Unit tests for hash.c: SHA-1 and MD5 against the FIPS 180 / RFC 1321 vectors and against
 * sha1sum/md5sum on random buffers, the incremental API, speed, and GNU ld's build-id
 * checksum (elf_checksum_contents) against notes that ld.bfd wrote. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "hash.h"

static int passed, failed;
static const char *cur = "";

#define CHECK(cond)                                                                              \
	do {                                                                                     \
		if (cond)                                                                        \
			passed++;                                                                \
		else {                                                                           \
			failed++;                                                                \
			fprintf(stderr, "%s:%d: FAIL: %s  [%s]\n", __FILE__, __LINE__, #cond, cur);  \
		}                                                                                \
	} while (0)

static char tmpdir[] = "/tmp/slink-test-hash.XXXXXX";

static void hex(const uint8_t *p, size_t n, char *out)
{
	for (size_t i = 0; i < n; i++)
		sprintf(out + 2 * i, "%02x", p[i]);
	out[2 * n] = 0;
}

static bool sha1_is(const void *data, size_t len, const char *want)
{
	uint8_t d[20];
	char h[41];
	sha1(data, len, d);
	hex(d, 20, h);
	if (strcmp(h, want))
		fprintf(stderr, "  sha1 of %zu bytes: %s, want %s\n", len, h, want);
	return !strcmp(h, want);
}

static bool md5_is(const void *data, size_t len, const char *want)
{
	uint8_t d[16];
	char h[33];
	md5(data, len, d);
	hex(d, 16, h);
	if (strcmp(h, want))
		fprintf(stderr, "  md5 of %zu bytes: %s, want %s\n", len, h, want);
	return !strcmp(h, want);
}

/* deterministic pseudo-random bytes (xorshift64*) */
static uint64_t rng = 0x9e3779b97f4a7c15u;
static void fill_random(uint8_t *p, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		rng ^= rng >> 12, rng ^= rng << 25, rng ^= rng >> 27;
		p[i] = (uint8_t)((rng * 0x2545f4914f6cdd1du) >> 56);
	}
}

static void test_vectors(void)
{
	static const char m448[] = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
	cur = "FIPS 180 / RFC 1321 vectors";
	CHECK(sha1_is("", 0, "da39a3ee5e6b4b0d3255bfef95601890afd80709"));
	CHECK(sha1_is("abc", 3, "a9993e364706816aba3e25717850c26c9cd0d89d"));
	CHECK(sha1_is(m448, strlen(m448), "84983e441c3bd26ebaae4aa1f95129e5e54670f1"));
	CHECK(md5_is("", 0, "d41d8cd98f00b204e9800998ecf8427e"));
	CHECK(md5_is("a", 1, "0cc175b9c0f1b6a831c399e269772661"));
	CHECK(md5_is("abc", 3, "900150983cd24fb0d6963f7d28e17f72"));
	CHECK(md5_is("message digest", 14, "f96b697d7cb7938d525a2f31aaf161d0"));
	CHECK(md5_is("abcdefghijklmnopqrstuvwxyz", 26, "c3fcd3d76192e4007dfb496cca67e13b"));
	CHECK(md5_is(m448, strlen(m448), "8215ef0796a20bcaaae116d3876c664a"));
	uint8_t *a = malloc(1000000);
	memset(a, 'a', 1000000);
	CHECK(sha1_is(a, 1000000, "34aa973cd4c4daa4f61eeb2bdbad27316534016f"));
	CHECK(md5_is(a, 1000000, "7707d6ae4e027c70eea2a935c2296f21"));
	/* one million 'a' fed a few bytes at a time through the incremental API */
	struct sha1_ctx s;
	struct md5_ctx m;
	sha1_init(&s), md5_init(&m);
	for (size_t off = 0, step = 1; off < 1000000; off += step, step = step % 97 + 1) {
		size_t n = off + step > 1000000 ? 1000000 - off : step;
		sha1_update(&s, a + off, n), md5_update(&m, a + off, n);
	}
	uint8_t ds[20], dm[16];
	char h[41];
	sha1_final(&s, ds), md5_final(&m, dm);
	hex(ds, 20, h);
	CHECK(!strcmp(h, "34aa973cd4c4daa4f61eeb2bdbad27316534016f"));
	hex(dm, 16, h);
	CHECK(!strcmp(h, "7707d6ae4e027c70eea2a935c2296f21"));
	free(a);
}

/* Random buffers of every length 0..300 and a few of several MB, against the coreutils tools.
 * Each length also goes through the incremental API in uneven pieces. */
static void test_against_coreutils(void)
{
	enum { NSMALL = 301 };
	static const size_t big[] = {1u << 20, 3 * 1000 * 1000 + 7, (5u << 20) - 1};
	const size_t nbig = sizeof big / sizeof big[0], nfiles = NSMALL + nbig;
	uint8_t (*want_sha)[20] = calloc(nfiles, 20), (*want_md5)[16] = calloc(nfiles, 16);
	size_t cmdlen = 64 + nfiles * (strlen(tmpdir) + 16);
	char *list = malloc(cmdlen), *cmd = malloc(cmdlen + 32);
	size_t ll = 0;
	list[0] = 0;
	for (size_t i = 0; i < nfiles; i++) {
		size_t len = i < NSMALL ? i : big[i - NSMALL];
		uint8_t *buf = malloc(len + 1);
		fill_random(buf, len);
		char path[512];
		snprintf(path, sizeof path, "%s/r%zu", tmpdir, i);
		FILE *f = fopen(path, "wb");
		if (!f || fwrite(buf, 1, len, f) != len || fclose(f)) {
			fprintf(stderr, "cannot write %s\n", path);
			failed++;
			free(buf);
			goto out;
		}
		sha1(buf, len, want_sha[i]);
		md5(buf, len, want_md5[i]);
		/* incremental in pieces of 1, 2, ... 130 bytes must agree with one-shot */
		struct sha1_ctx s;
		struct md5_ctx m;
		sha1_init(&s), md5_init(&m);
		for (size_t off = 0, step = i % 7 + 1; off < len; off += step, step = step % 130 + 1) {
			size_t n = off + step > len ? len - off : step;
			sha1_update(&s, buf + off, n), md5_update(&m, buf + off, n);
		}
		uint8_t ds[20], dm[16];
		sha1_final(&s, ds), md5_final(&m, dm);
		cur = "incremental == one-shot";
		CHECK(!memcmp(ds, want_sha[i], 20) && !memcmp(dm, want_md5[i], 16));
		free(buf);
		ll += (size_t)snprintf(list + ll, cmdlen - ll, " r%zu", i);
	}
	static const char *const tools[] = {"sha1sum", "md5sum"};
	for (int t = 0; t < 2; t++) {
		snprintf(cmd, cmdlen + 32, "cd %s && %s%s", tmpdir, tools[t], list);
		FILE *p = popen(cmd, "r");
		if (!p) {
			fprintf(stderr, "cannot run %s\n", tools[t]);
			failed++;
			continue;
		}
		char line[256];
		size_t i = 0, bad = 0;
		size_t dlen = t ? 16 : 20;
		while (fgets(line, sizeof line, p) && i < nfiles) {
			char h[41];
			hex(t ? want_md5[i] : want_sha[i], dlen, h);
			if (strncmp(line, h, 2 * dlen)) {
				if (bad++ < 5)
					fprintf(stderr, "  %s r%zu: %.*s, ours %s\n", tools[t], i, (int)(2 * dlen), line, h);
			}
			i++;
		}
		int st = pclose(p);
		cur = tools[t];
		CHECK(st == 0 && i == nfiles);
		CHECK(bad == 0);
	}
out:
	for (size_t i = 0; i < nfiles; i++) {
		char path[512];
		snprintf(path, sizeof path, "%s/r%zu", tmpdir, i);
		unlink(path);
	}
	free(want_sha), free(want_md5), free(list), free(cmd);
}

/* CPU time: the suite runs tests in parallel on loaded machines */
static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

#if defined(__SANITIZE_ADDRESS__)
#define SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SANITIZED 1
#endif
#endif

static void test_speed(void)
{
	size_t n = 50u << 20;
	uint8_t *buf = malloc(n), d[20];
	fill_random(buf, 4096);
	for (size_t i = 4096; i < n; i += 4096)
		memcpy(buf + i, buf, 4096);
	double t0 = now();
	sha1(buf, n, d);
	double t1 = now();
	md5(buf, n, d);
	double t2 = now();
	printf("50 MiB: sha1 %.3f s, md5 %.3f s of CPU time\n", t1 - t0, t2 - t1);
	cur = "50 MiB in under a second";
#ifdef SANITIZED
	printf("(sanitizer build: no time limit)\n");
#else
	CHECK(t1 - t0 < 1.0);
	CHECK(t2 - t1 < 1.0);
#endif
	free(buf);
}

/* ---- build-id: ld.bfd's notes must be what elf_checksum_contents computes ---- */

static uint8_t *read_file(const char *path, size_t *size)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	rewind(f);
	uint8_t *d = malloc(n > 0 ? (size_t)n : 1);
	if (n < 0 || fread(d, 1, (size_t)n, f) != (size_t)n) {
		fclose(f);
		free(d);
		return NULL;
	}
	fclose(f);
	*size = (size_t)n;
	return d;
}

static uint64_t le(const uint8_t *p, unsigned n)
{
	uint64_t v = 0;
	while (n--)
		v = v << 8 | p[n];
	return v;
}

/* Find the NT_GNU_BUILD_ID note in any SHT_NOTE section: its file offset and descsz. */
static bool find_build_id(const uint8_t *d, size_t size, size_t *note_off, size_t *descsz)
{
	if (size < 64 || memcmp(d, "\177ELF", 4))
		return false;
	bool is64 = d[4] == 2;
	uint64_t shoff = is64 ? le(d + 0x28, 8) : le(d + 0x20, 4);
	unsigned shnum = (unsigned)le(d + (is64 ? 0x3c : 0x30), 2), shsz = is64 ? 64 : 40;
	for (unsigned i = 0; i < shnum && shoff + (i + 1) * (uint64_t)shsz <= size; i++) {
		const uint8_t *sh = d + shoff + i * shsz;
		if (le(sh + 4, 4) != 7 /* SHT_NOTE */)
			continue;
		uint64_t off = is64 ? le(sh + 0x18, 8) : le(sh + 0x10, 4);
		uint64_t end = off + (is64 ? le(sh + 0x20, 8) : le(sh + 0x14, 4));
		if (end > size)
			continue;
		for (uint64_t p = off; p + 16 <= end;) {
			uint32_t nsz = (uint32_t)le(d + p, 4), dsz = (uint32_t)le(d + p + 4, 4), t = (uint32_t)le(d + p + 8, 4);
			if (t == 3 && nsz == 4 && !memcmp(d + p + 12, "GNU", 4) && p + 16 + dsz <= end) {
				*note_off = (size_t)p, *descsz = dsz;
				return true;
			}
			p += 12 + ((nsz + 3u) & ~3u) + ((dsz + 3u) & ~3u);
		}
	}
	return false;
}

static bool have_cmd(const char *c)
{
	char cmd[256];
	snprintf(cmd, sizeof cmd, "command -v %s >/dev/null 2>&1", c);
	return system(cmd) == 0;
}

static bool sh(const char *fmt, const char *a)
{
	char cmd[4096];
	snprintf(cmd, sizeof cmd, fmt, a, a, a, a, a, a);
	int st = system(cmd);
	if (st != 0)
		fprintf(stderr, "  command failed (%d): %s\n", st, cmd);
	return st == 0;
}

static void check_output(const char *name, const char *style)
{
	char path[512];
	snprintf(path, sizeof path, "%s/%s", tmpdir, name);
	cur = name;
	size_t size, note, dsz;
	uint8_t *img = read_file(path, &size);
	CHECK(img != NULL);
	if (!img)
		return;
	bool found = find_build_id(img, size, &note, &dsz);
	CHECK(found);
	if (!found) {
		free(img);
		return;
	}
	size_t want = !strcmp(style, "sha1") ? 20 : 16;
	CHECK(dsz == want);
	uint8_t stored[20], got[20];
	memcpy(stored, img + note + 16, want);

	/* the convenience function, over the untouched file */
	memset(got, 0, sizeof got);
	CHECK(gnu_build_id_digest(style, img, size, note, 16 + dsz, got) == want);
	CHECK(!memcmp(got, stored, want));

	/* a copy with the whole note zeroed, walked by elf_checksum_contents */
	uint8_t *copy = malloc(size);
	memcpy(copy, img, size);
	memset(copy + note, 0, 16 + dsz);
	struct sha1_ctx s;
	struct md5_ctx m;
	if (want == 20) {
		sha1_init(&s);
		CHECK(elf_checksum_contents(copy, size, sha1_update_cb, &s));
		sha1_final(&s, got);
	} else {
		md5_init(&m);
		CHECK(elf_checksum_contents(copy, size, md5_update_cb, &m));
		md5_final(&m, got);
	}
	CHECK(!memcmp(got, stored, want));
	if (memcmp(got, stored, want)) {
		char a[41], b[41];
		hex(stored, want, a), hex(got, want, b);
		fprintf(stderr, "  %s: ld.bfd wrote %s, elf_checksum_contents gives %s\n", name, a, b);
	}

	/* zeroing only the descriptor is not what ld hashes: the note header is zero too */
	memcpy(copy, img, size);
	memset(copy + note + 16, 0, dsz);
	if (want == 20) {
		sha1_init(&s);
		elf_checksum_contents(copy, size, sha1_update_cb, &s);
		sha1_final(&s, got);
	} else {
		md5_init(&m);
		elf_checksum_contents(copy, size, md5_update_cb, &m);
		md5_final(&m, got);
	}
	CHECK(memcmp(got, stored, want) != 0);

	/* nor is the whole file */
	if (want == 20)
		sha1(copy, size, got);
	else
		md5(copy, size, got);
	CHECK(memcmp(got, stored, want) != 0);
	free(copy);
	free(img);
}

static void test_gnu_build_id(void)
{
	if (!have_cmd("ld.bfd") || !have_cmd("as") || !have_cmd("gcc")) {
		printf("note: ld.bfd, as or gcc missing: GNU build-id check skipped\n");
		return;
	}
	cur = "building the inputs";
	CHECK(sh("cd %s && printf '%%s\\n' '.globl _start' '_start: call f' 'movl $60, %%eax' "
		 "'xorl %%edi, %%edi' syscall '.section .note.extra,\"a\",@note' "
		 "'.long 4, 4, 1' '.asciz \"FOO\"' '.long 7' '.section .note.GNU-stack,\"\",@progbits' > s.s",
		 tmpdir));
	CHECK(sh("cd %s && printf '%%s\\n' 'int data = 3; int bss[100];' 'const char msg[] = \"build-id\";' "
		 "'int f(void) { return data + msg[0] + bss[3]; }' > f.c",
		 tmpdir));
	CHECK(sh("cd %s && printf '%%s\\n' 'SECTIONS { . = 0x400000; .text : { *(.text*) } "
		 ".notes : { *(.note.*) } .data : { *(.data*) } .bss : { *(.bss*) } }' > k.ld",
		 tmpdir));
	if (!sh("cd %s && as s.s -o s.o && gcc -c -O2 -g -fno-pic f.c -o f.o", tmpdir)) {
		failed++;
		return;
	}
	static const struct {
		const char *name, *style, *args;
	} links[] = {
		{"sha1.out", "sha1", "--build-id=sha1 s.o f.o"},
		{"md5.out", "md5", "--build-id=md5 s.o f.o"},
		{"default.out", "sha1", "--build-id s.o f.o"},
		{"stripped.out", "sha1", "--build-id=sha1 -s s.o f.o"},
		{"emit-relocs.out", "md5", "--build-id=md5 --emit-relocs s.o f.o"},
		{"relocatable.out", "sha1", "--build-id=sha1 -r s.o f.o"},
		{"pie.out", "sha1", "--build-id=sha1 -pie s.o f.o"},
		{"notes.out", "sha1", "--build-id=sha1 --no-warn-rwx-segments -T k.ld s.o f.o"},
	};
	for (size_t i = 0; i < sizeof links / sizeof links[0]; i++) {
		char cmd[1024];
		snprintf(cmd, sizeof cmd, "cd %%s && ld.bfd %s -o %s", links[i].args, links[i].name);
		cur = links[i].name;
		if (!sh(cmd, tmpdir)) {
			failed++;
			continue;
		}
		check_output(links[i].name, links[i].style);
	}
	/* ELF32 */
	if (sh("cd %s && as --32 s.s -o s32.o 2>/dev/null", tmpdir)) {
		cur = "ELF32";
		CHECK(sh("cd %s && ld.bfd -m elf_i386 --build-id=sha1 s32.o -o i386-sha1.out --defsym f=_start", tmpdir));
		check_output("i386-sha1.out", "sha1");
		CHECK(sh("cd %s && ld.bfd -m elf_i386 --build-id=md5 s32.o -o i386-md5.out --defsym f=_start", tmpdir));
		check_output("i386-md5.out", "md5");
	} else {
		printf("note: as --32 failed: ELF32 build-id check skipped\n");
	}
}

/* Malformed images are refused, never read out of bounds. */
static void test_malformed(void)
{
	cur = "malformed";
	struct sha1_ctx s;
	sha1_init(&s);
	uint8_t img[128] = {0x7f, 'E', 'L', 'F', 2, 1, 1};
	CHECK(!elf_checksum_contents(img, 10, sha1_update_cb, &s));
	CHECK(elf_checksum_contents(img, sizeof img, sha1_update_cb, &s)); /* no phdrs, no shdrs */
	img[0x28] = 0x70; /* e_shoff 0x70 */
	img[0x3c] = 5;    /* e_shnum 5: table runs past the end */
	CHECK(!elf_checksum_contents(img, sizeof img, sha1_update_cb, &s));
	img[5] = 2; /* big-endian */
	CHECK(!elf_checksum_contents(img, sizeof img, sha1_update_cb, &s));
	uint8_t out[20];
	CHECK(gnu_build_id_digest("uuid", img, sizeof img, 0, 0, out) == 0);
}

int main(void)
{
	if (!mkdtemp(tmpdir)) {
		perror("mkdtemp");
		return 1;
	}
	test_vectors();
	test_against_coreutils();
	test_speed();
	test_malformed();
	test_gnu_build_id();
	char cmd[256];
	snprintf(cmd, sizeof cmd, "rm -rf %s", tmpdir);
	if (system(cmd) != 0)
		fprintf(stderr, "warning: could not remove %s\n", tmpdir);
	printf("%d passed, %d failed\n", passed, failed);
	return failed != 0;
}
