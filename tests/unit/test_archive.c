/* Unit tests for archive.c: archives made by GNU ar (regular with long names and index,
 * without index, thin, nested thin as the kernel makes them, a regular archive inside a thin
 * one) parse to the right members, names and index; broken archives give an error, not a
 * crash. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "slink.h"
#include "archive.h"

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
#define STREQ(a, b) ((a) && (b) && !strcmp((a), (b)))

static struct ctx ctx;
static char dir[64];

static bool sh(const char *fmt, const char *arg)
{
	char cmd[1024];
	snprintf(cmd, sizeof(cmd), "cd %s && ", dir);
	size_t n = strlen(cmd);
	snprintf(cmd + n, sizeof(cmd) - n, fmt, arg);
	return system(cmd) == 0;
}

static const char *at(const char *rel)
{
	return arena_printf(&ctx.arena, "%s/%s", dir, rel);
}

static bool parse_file(const char *rel, struct archive *ar)
{
	cur = rel;
	struct mapped_file mf;
	if (!map_file(at(rel), &mf)) {
		fprintf(stderr, "cannot map %s\n", at(rel));
		return false;
	}
	CHECK(is_archive(mf.data, mf.size));
	return archive_parse(&ctx, at(rel), mf.data, mf.size, ar);
}

static struct archive_member *find(struct archive *ar, const char *name)
{
	for (size_t i = 0; i < ar->members.n; i++)
		if (!strcmp(ar->members.v[i]->name, name))
			return ar->members.v[i];
	return NULL;
}

static struct archive_member *lookup(struct archive *ar, const char *sym)
{
	for (size_t i = 0; i < ar->nindex; i++)
		if (!strcmp(ar->index[i].name, sym))
			return ar->index[i].member;
	return NULL;
}

/* the member's bytes are the file's bytes */
static bool same_bytes(const struct archive_member *m, const char *rel)
{
	struct mapped_file mf;
	return m && map_file(at(rel), &mf) && mf.size == m->size && !memcmp(mf.data, m->data, m->size);
}

#define LONG1 "a_very_long_member_name_number_one.o"
#define LONG2 "another_quite_long_member_name.o"

static bool make_inputs(void)
{
	return sh("mkdir -p sub obj lib && printf 'int f_a(void){return 1;}\\n' > a.c && "
		  "printf 'int f_b(void){return 2;}\\nint shared_b;\\n' > b.c && "
		  "printf 'int f_long1(void){return 3;}\\n' > l1.c && printf 'int f_long2(void){return 4;}\\n' > l2.c && "
		  "printf 'int f_odd(void){return 5;}\\n' > odd.c && "
		  "cc -c a.c -o sub/a.o && cc -c b.c -o sub/b.o && cc -c l1.c -o " LONG1 " && cc -c l2.c -o sub/" LONG2 " && "
		  "cc -c odd.c -o obj/odd.o && cp sub/a.o obj/a.o && printf 'x' > obj/odd.txt%s", "");
}

static void test_regular(void)
{
	CHECK(sh("ar rcs lib.a sub/a.o " LONG1 " sub/b.o sub/" LONG2 " obj/odd.txt%s", ""));
	struct archive ar;
	CHECK(parse_file("lib.a", &ar));
	CHECK(!ar.thin && ar.has_index);
	CHECK(ar.members.n == 5);
	if (ar.members.n == 5) {
		CHECK(STREQ(ar.members.v[0]->name, "a.o") && STREQ(ar.members.v[1]->name, LONG1) &&
		      STREQ(ar.members.v[2]->name, "b.o") && STREQ(ar.members.v[3]->name, LONG2) &&
		      STREQ(ar.members.v[4]->name, "odd.txt"));
		CHECK(same_bytes(ar.members.v[0], "sub/a.o") && same_bytes(ar.members.v[1], LONG1) &&
		      same_bytes(ar.members.v[3], "sub/" LONG2));
		CHECK(ar.members.v[4]->size == 1 && ar.members.v[4]->data[0] == 'x');
		CHECK(STREQ(ar.members.v[1]->display, arena_printf(&ctx.arena, "%s(%s)", at("lib.a"), LONG1)));
		CHECK(!ar.members.v[0]->path && STREQ(ar.members.v[0]->container, at("lib.a")));
		CHECK(ar.members.v[0]->ar == &ar && !ar.members.v[0]->loaded);
	}
	CHECK(ar.nindex == 5);
	CHECK(lookup(&ar, "f_a") == find(&ar, "a.o"));
	CHECK(lookup(&ar, "f_b") == find(&ar, "b.o") && lookup(&ar, "shared_b") == find(&ar, "b.o"));
	CHECK(lookup(&ar, "f_long1") == find(&ar, LONG1) && lookup(&ar, "f_long2") == find(&ar, LONG2));

	/* without an index */
	CHECK(sh("ar rcS noidx.a sub/a.o " LONG1 "%s", ""));
	CHECK(parse_file("noidx.a", &ar));
	CHECK(!ar.has_index && ar.nindex == 0 && ar.members.n == 2 && STREQ(ar.members.v[1]->name, LONG1));

	/* 64-bit index (GNU ar: --format? use ar's U/… not needed: build one by hand below) */
}

/* Build an archive with a /SYM64/ index by hand from a regular archive's members. */
static void test_sym64(void)
{
	cur = "sym64";
	/* two members "a.o" (4 bytes) and "b.o" (3 bytes, odd: padded) */
	static uint8_t buf[512];
	size_t n = 0;
	memcpy(buf, "!<arch>\n", 8);
	n = 8;
	const char *syms[] = {"alpha", "beta", "gamma"};
	size_t strsz = 6 + 5 + 6;
	size_t idxsz = 8 + 3 * 8 + strsz;
	size_t idx_hdr = n;
	n += (size_t)sprintf((char *)buf + n, "%-16s%-12s%-6s%-6s%-8s%-10zu`\n", "/SYM64/", "0", "0", "0", "0", idxsz);
	size_t idx_data = n;
	n += idxsz;
	n += n & 1;
	size_t a_off = n;
	n += (size_t)sprintf((char *)buf + n, "%-16s%-12s%-6s%-6s%-8s%-10u`\n", "a.o/", "0", "0", "0", "644", 4u);
	memcpy(buf + n, "AAAA", 4);
	n += 4;
	size_t b_off = n;
	n += (size_t)sprintf((char *)buf + n, "%-16s%-12s%-6s%-6s%-8s%-10u`\n", "b.o/", "0", "0", "0", "644", 3u);
	memcpy(buf + n, "BBB\n", 4);
	n += 4;
	uint8_t *p = buf + idx_data;
	uint64_t offs[3] = {a_off, b_off, a_off};
	for (int i = 7; i >= 0; i--)
		*p++ = (uint8_t)((uint64_t)3 >> (i * 8));
	for (int s = 0; s < 3; s++)
		for (int i = 7; i >= 0; i--)
			*p++ = (uint8_t)(offs[s] >> (i * 8));
	for (int s = 0; s < 3; s++) {
		strcpy((char *)p, syms[s]);
		p += strlen(syms[s]) + 1;
	}
	(void)idx_hdr;
	struct archive ar;
	CHECK(archive_parse(&ctx, "sym64.a", buf, n, &ar));
	CHECK(ar.has_index && ar.nindex == 3 && ar.members.n == 2);
	if (ar.nindex == 3 && ar.members.n == 2) {
		CHECK(ar.index[0].member == ar.members.v[0] && STREQ(ar.index[0].name, "alpha"));
		CHECK(ar.index[1].member == ar.members.v[1] && STREQ(ar.index[2].name, "gamma"));
		CHECK(ar.members.v[1]->size == 3 && !memcmp(ar.members.v[1]->data, "BBB", 3));
	}
	/* count overflow in the 64-bit index */
	buf[idx_data] = 0x7f;
	int e = ctx.errors;
	CHECK(!archive_parse(&ctx, "sym64.a", buf, n, &ar) && ctx.errors == e + 1);
}

static void test_thin(void)
{
	/* members are stored as paths relative to the archive's directory */
	CHECK(sh("ar rcT lib/thin.a obj/a.o obj/odd.o sub/" LONG2 "%s", ""));
	struct archive ar;
	CHECK(parse_file("lib/thin.a", &ar));
	CHECK(ar.thin && ar.has_index && ar.members.n == 3);
	if (ar.members.n == 3) {
		CHECK(STREQ(ar.members.v[0]->name, "../obj/a.o"));
		CHECK(STREQ(ar.members.v[0]->path, at("lib/../obj/a.o")));
		CHECK(STREQ(ar.members.v[0]->display, at("lib/../obj/a.o")));
		CHECK(!ar.members.v[0]->container);
		CHECK(same_bytes(ar.members.v[0], "obj/a.o") && same_bytes(ar.members.v[1], "obj/odd.o") &&
		      same_bytes(ar.members.v[2], "sub/" LONG2));
	}
	CHECK(lookup(&ar, "f_odd") == find(&ar, "../obj/odd.o") && lookup(&ar, "f_long2") == find(&ar, "../sub/" LONG2));

	/* a missing member file is an error naming it */
	CHECK(sh("cp obj/odd.o obj/gone.o && ar rcT lib/gone.a obj/a.o obj/gone.o && rm obj/gone.o%s", ""));
	int e = ctx.errors;
	CHECK(!parse_file("lib/gone.a", &ar) && ctx.errors == e + 1);
}

/* A thin archive without index whose members are `names` (all as long names). */
static void write_thin(const char *rel, const char **names)
{
	char table[512] = "", out[2048];
	size_t offs[16], k = 0;
	for (; names[k]; k++) {
		offs[k] = strlen(table);
		strcat(table, names[k]);
		strcat(table, "/\n");
	}
	size_t tl = strlen(table);
	int n = sprintf(out, "!<thin>\n%-16s%-12s%-6s%-6s%-8s%-10zu`\n%s%s", "//", "", "", "", "", tl, table,
			tl & 1 ? "\n" : "");
	for (size_t i = 0; i < k; i++) {
		char nm[17];
		snprintf(nm, sizeof(nm), "/%zu", offs[i]);
		n += sprintf(out + n, "%-16s%-12s%-6s%-6s%-8s%-10u`\n", nm, "0", "0", "0", "644", 100u);
	}
	FILE *f = fopen(at(rel), "wb");
	fwrite(out, 1, (size_t)n, f);
	fclose(f);
}

static void test_nested(void)
{
	/* the kernel's way: built-in.a thin archives gathered into vmlinux.a with ar cDPrST;
	 * a regular archive added to a thin one becomes "/N:ORIGIN" references */
	CHECK(sh("cd sub && ar cDPrST built-in.a a.o b.o && ar rc reg.a ../" LONG1 " " LONG2 " && cd .. && "
		 "ar cDPrST vmlinux.a sub/built-in.a obj/odd.o sub/reg.a%s", ""));
	struct archive ar;
	CHECK(parse_file("vmlinux.a", &ar));
	CHECK(ar.thin && !ar.has_index && ar.members.n == 5);
	if (ar.members.n == 5) {
		CHECK(STREQ(ar.members.v[0]->name, "sub/a.o") && STREQ(ar.members.v[1]->name, "sub/b.o") &&
		      STREQ(ar.members.v[2]->name, "obj/odd.o"));
		CHECK(same_bytes(ar.members.v[0], "sub/a.o") && same_bytes(ar.members.v[2], "obj/odd.o"));
		/* members of the nested regular archive */
		CHECK(STREQ(ar.members.v[3]->name, LONG1) && STREQ(ar.members.v[4]->name, LONG2));
		CHECK(same_bytes(ar.members.v[3], LONG1) && same_bytes(ar.members.v[4], "sub/" LONG2));
		CHECK(STREQ(ar.members.v[3]->display, arena_printf(&ctx.arena, "%s(%s)", at("sub/reg.a"), LONG1)));
		CHECK(STREQ(ar.members.v[3]->container, at("sub/reg.a")) && ar.members.v[3]->ar == &ar);
	}
	/* with an index: symbols map to the flattened members */
	CHECK(sh("ar cDPrT vmidx.a sub/built-in.a obj/odd.o sub/reg.a%s", ""));
	CHECK(parse_file("vmidx.a", &ar));
	CHECK(ar.has_index && ar.members.n == 5);
	CHECK(lookup(&ar, "f_b") == find(&ar, "sub/b.o") && lookup(&ar, "f_long1") == find(&ar, LONG1));

	/* a thin archive naming a thin archive (not what GNU ar writes, but what the name says):
	 * expanded in place */
	const char *names1[] = {"sub/built-in.a", "obj/odd.o", NULL};
	write_thin("hand.a", names1);
	CHECK(parse_file("hand.a", &ar));
	CHECK(ar.members.n == 3);
	if (ar.members.n == 3) {
		CHECK(STREQ(ar.members.v[0]->name, "a.o") && STREQ(ar.members.v[0]->path, at("sub/a.o")));
		CHECK(STREQ(ar.members.v[1]->name, "b.o") && STREQ(ar.members.v[2]->name, "obj/odd.o"));
		CHECK(same_bytes(ar.members.v[1], "sub/b.o"));
	}
	/* ... but a regular archive named that way is not an object, as bfd says */
	const char *names2[] = {"sub/reg.a", NULL};
	write_thin("hand2.a", names2);
	int e = ctx.errors;
	CHECK(!parse_file("hand2.a", &ar) && ctx.errors == e + 1);
	/* a thin archive that names itself */
	const char *names3[] = {"hand3.a", NULL};
	write_thin("hand3.a", names3);
	e = ctx.errors;
	CHECK(!parse_file("hand3.a", &ar) && ctx.errors == e + 1);
}

/* Broken archives: one error each, no crash (run under ASan by `make check SAN=1`). */
static void test_broken(void)
{
	struct mapped_file mf;
	CHECK(map_file(at("lib.a"), &mf));
	size_t n = mf.size;
	uint8_t *buf = malloc(n);
	struct archive ar;
	int e;
#define BROKEN(what, len, edit)                                                                  \
	do {                                                                                     \
		cur = what;                                                                      \
		memcpy(buf, mf.data, n);                                                         \
		edit;                                                                            \
		e = ctx.errors;                                                                  \
		uint8_t *copy = malloc(len);                                                     \
		memcpy(copy, buf, len);                                                          \
		CHECK(!archive_parse(&ctx, "broken.a", copy, len, &ar) && ctx.errors == e + 1);  \
		free(copy);                                                                      \
	} while (0)
	/* the first header is the index "/", at 8; the index size is at 8+48 */
	BROKEN("truncated header", 8 + 30, (void)0);
	BROKEN("truncated member header later", n - 7 - 40, (void)0);
	BROKEN("bad fmag", n, buf[8 + 58] = 'x');
	BROKEN("bad size field", n, memcpy(buf + 8 + 48, "12a       ", 10));
	BROKEN("empty size field", n, memcpy(buf + 8 + 48, "          ", 10));
	BROKEN("size past end", n, memcpy(buf + 8 + 48, "9999999999", 10));
	BROKEN("index count overflow", n, memcpy(buf + 8 + 60, "\x7f\xff\xff\xff", 4));
	BROKEN("index names past end", n, {
		/* zero every NUL in the index names area: names run off the index */
		uint64_t isz = strtoull((const char *)buf + 8 + 48, NULL, 10);
		uint32_t cnt = (uint32_t)buf[68] << 24 | (uint32_t)buf[69] << 16 | (uint32_t)buf[70] << 8 | buf[71];
		for (size_t i = 8 + 60 + 4 + 4 * (size_t)cnt; i < 8 + 60 + isz; i++)
			if (!buf[i])
				buf[i] = 'z';
	});
	BROKEN("index offset not a header", n, buf[8 + 60 + 7] ^= 0x2);
	BROKEN("bad magic", n, buf[1] = '?');
	/* find the long-name reference of LONG1 ("/0") and point it outside the table */
	size_t hdr = 0;
	for (size_t i = 8; i + 60 <= n; i++)
		if (!memcmp(mf.data + i, "/0  ", 4) && mf.data[i + 58] == '`') {
			hdr = i;
			break;
		}
	CHECK(hdr != 0);
	if (hdr) {
		BROKEN("bad long-name offset", n, memcpy(buf + hdr, "/9999     ", 10));
		/* bfd reads the number and ignores the rest of the field: GNU ar leaves a '/'
		 * there in some members of the kernel's vmlinux.a */
		memcpy(buf, mf.data, n);
		memcpy(buf + hdr, "/0             /", 16);
		cur = "trailing slash after a long-name reference";
		e = ctx.errors;
		CHECK(archive_parse(&ctx, "slash.a", buf, n, &ar) && ctx.errors == e);
	}
	/* a long-name reference with no // table */
	static const char nolong[] = "!<arch>\n/0              0           0     0     644     2         `\nab";
	cur = "no // table";
	e = ctx.errors;
	CHECK(!archive_parse(&ctx, "nolong.a", (const uint8_t *)nolong, sizeof(nolong) - 1, &ar) && ctx.errors == e + 1);
	/* empty archive: fine */
	cur = "empty";
	CHECK(archive_parse(&ctx, "empty.a", (const uint8_t *)"!<arch>\n", 8, &ar) && ar.members.n == 0 && !ar.has_index);
	/* a missing trailing pad byte at EOF is tolerated (GNU ar writes it, others may not) */
	static const char nopad[] = "!<arch>\nx.o/            0           0     0     644     3         `\nabc";
	cur = "no pad";
	CHECK(archive_parse(&ctx, "nopad.a", (const uint8_t *)nopad, sizeof(nopad) - 1, &ar) && ar.members.n == 1 &&
	      ar.members.v[0]->size == 3);
	free(buf);
	/* every truncation of a valid archive either parses or fails cleanly */
	cur = "all truncations";
	int bad = 0;
	fflush(stderr);
	int saved = dup(2);
	if (!freopen("/dev/null", "w", stderr))
		return;
	for (size_t len = 0; len <= n; len++) {
		uint8_t *copy = malloc(len ? len : 1);
		memcpy(copy, mf.data, len);
		e = ctx.errors;
		bool ok = is_archive(copy, len) && archive_parse(&ctx, "t.a", copy, len, &ar);
		if (!ok && is_archive(copy, len) && ctx.errors != e + 1)
			bad++;
		free(copy);
	}
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	CHECK(bad == 0);
}

int main(void)
{
	strcpy(dir, "/tmp/slink-ar-XXXXXX");
	if (!mkdtemp(dir) || !make_inputs()) {
		fprintf(stderr, "cannot set up test inputs (needs cc and ar)\n");
		printf("0 passed, 1 failed\n");
		return 1;
	}
	test_regular();
	test_sym64();
	test_thin();
	test_nested();
	test_broken();
	char cmd[128];
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "warning: could not remove %s\n", dir);
	printf("%d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
