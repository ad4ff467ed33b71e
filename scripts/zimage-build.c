/*
 * zimage-build — put a bootable x86 kernel image together, like 2.4's
 * arch/i386/tools/build.c: boot sector + setup + system, written one after the other.
 *
 *     zimage-build [-b] [-o IMAGE] BOOTSECT SETUP SYSTEM [ROOT_DEV]
 *
 * BOOTSECT is the 512-byte raw boot sector, SETUP the raw setup code, SYSTEM the raw
 * (objcopy -O binary) decompressor with the compressed kernel.  The image goes to IMAGE,
 * or to standard output.  In the copy of the boot sector we patch:
 *     0x1f1  setup_sects  the number of 512-byte sectors of setup (setup is padded with
 *                         zeros to whole sectors, and to at least 4 as old loaders assume)
 *     0x1f4  syssize      the size of SYSTEM in 16-byte units, little-endian 16 bits
 *     0x1fc  root_dev     when ROOT_DEV is given, as MAJOR:MINOR (hex) or a number
 * -b ("big kernel", a bzImage) allows a system up to 0xffff * 16 bytes (it is loaded at
 * 1 MiB); without it the system must fit below 0x90000 when loaded at 0x10000.
 *
 * A host program: built with the host's compiler and libc, not part of the image.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SECTOR		512
#define MIN_SETUP_SECTS	4
#define ZIMAGE_MAX_SYS	(0x80000L)		/* 0x10000 .. 0x90000 */
#define BZIMAGE_MAX_SYS	(0xffffL * 16)		/* syssize is 16 bits of paragraphs */

static const char *prog = "zimage-build";

static void __attribute__((noreturn, format(printf, 1, 2))) die(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", prog);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}

/* Read a whole file; *size gets its length. */
static unsigned char *slurp(const char *path, long *size)
{
	FILE *f = fopen(path, "rb");
	unsigned char *buf = NULL;
	long cap = 0, n = 0;
	size_t got;

	if (!f)
		die("cannot open %s", path);
	for (;;) {
		if (n == cap) {
			cap = cap ? cap * 2 : 65536;
			buf = realloc(buf, (size_t)cap);
			if (!buf)
				die("out of memory reading %s", path);
		}
		got = fread(buf + n, 1, (size_t)(cap - n), f);
		n += (long)got;
		if (got == 0)
			break;
	}
	if (ferror(f))
		die("cannot read %s", path);
	fclose(f);
	*size = n;
	return buf;
}

static void put(FILE *out, const void *p, long n)
{
	if (n > 0 && fwrite(p, 1, (size_t)n, out) != (size_t)n)
		die("write error: %s", strerror(errno));
}

static void usage(void)
{
	fprintf(stderr, "usage: %s [-b] [-o IMAGE] BOOTSECT SETUP SYSTEM [ROOT_DEV]\n", prog);
	exit(2);
}

int main(int argc, char **argv)
{
	static const unsigned char zeros[SECTOR];
	const char *output = NULL;
	int big = 0, i = 1;
	long boot_size, setup_size, sys_size, setup_sects, paras;
	unsigned char *boot, *setup, *sys;
	unsigned int root_dev = 0;
	int have_root = 0;
	FILE *out = stdout;

	for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		if (!strcmp(argv[i], "-b"))
			big = 1;
		else if (!strcmp(argv[i], "-o") && i + 1 < argc)
			output = argv[++i];
		else
			usage();
	}
	if (argc - i != 3 && argc - i != 4)
		usage();
	if (argc - i == 4) {
		unsigned int major, minor;
		char *end;

		if (sscanf(argv[i + 3], "%x:%x", &major, &minor) == 2) {
			root_dev = (major << 8) | minor;
		} else {
			root_dev = (unsigned int)strtoul(argv[i + 3], &end, 0);
			if (*end)
				die("bad root device %s (MAJOR:MINOR in hex, or a number)", argv[i + 3]);
		}
		have_root = 1;
	}

	/* The boot sector: exactly one sector, with the BIOS's signature at its end. */
	boot = slurp(argv[i], &boot_size);
	if (boot_size != SECTOR)
		die("%s: the boot sector must be exactly 512 bytes", argv[i]);
	if (boot[510] != 0x55 || boot[511] != 0xaa)
		die("%s: no boot signature 55 aa at offset 510", argv[i]);

	/* Setup: padded to whole sectors. */
	setup = slurp(argv[i + 1], &setup_size);
	setup_sects = (setup_size + SECTOR - 1) / SECTOR;
	if (setup_sects < MIN_SETUP_SECTS)
		setup_sects = MIN_SETUP_SECTS;
	if (setup_sects > 255)
		die("%s: setup is too big (more than 255 sectors)", argv[i + 1]);

	/* The system: its size in 16-byte units goes in the header. */
	sys = slurp(argv[i + 2], &sys_size);
	if (sys_size > (big ? BZIMAGE_MAX_SYS : ZIMAGE_MAX_SYS))
		die("%s: the system is too big%s", argv[i + 2],
		    big ? "" : " for a zImage (try -b, a bzImage)");
	paras = (sys_size + 15) / 16;

	boot[0x1f1] = (unsigned char)setup_sects;
	boot[0x1f4] = (unsigned char)(paras & 0xff);
	boot[0x1f5] = (unsigned char)(paras >> 8);
	if (have_root) {
		boot[0x1fc] = (unsigned char)(root_dev & 0xff);		/* minor */
		boot[0x1fd] = (unsigned char)(root_dev >> 8);		/* major */
	}

	if (output && !(out = fopen(output, "wb")))
		die("cannot create %s", output);
	put(out, boot, SECTOR);
	put(out, setup, setup_size);
	for (long pad = setup_sects * SECTOR - setup_size; pad > 0; pad -= SECTOR)
		put(out, zeros, pad < SECTOR ? pad : SECTOR);
	put(out, sys, sys_size);
	if (fflush(out) || (output && fclose(out)))
		die("write error: %s", strerror(errno));

	fprintf(stderr, "Boot sector 512 bytes.\n");
	fprintf(stderr, "Setup is %ld bytes (%ld sectors).\n", setup_size, setup_sects);
	fprintf(stderr, "System is %ld bytes (%ld paragraphs).\n", sys_size, paras);
	free(boot);
	free(setup);
	free(sys);
	return 0;
}
