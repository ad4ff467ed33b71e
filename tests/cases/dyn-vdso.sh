# A vdso-like shared object linked as the kernel links its vdso: -shared with a VERSION
# block, PHDRS with PT_DYNAMIC/PT_NOTE/PT_GNU_EH_FRAME, --hash-style=both, -Bsymbolic.  The
# dynamic sections (.dynsym order, .dynstr, .hash, .gnu.hash, .gnu.version, .gnu.version_d,
# .dynamic) must match GNU ld byte for byte; no dynamic relocations; dlopen()able.
cp "$TESTS/cases/dyn-vdso.lds" vdso.lds
as_obj vdso-note.o <<'E'
	.section .note.Linux, "a",@note
	.balign 4
	.long 2f - 1f
	.long 4f - 3f
	.long 0
1:	.asciz "Linux"
2:	.balign 4
3:	.long 0x60100
4:	.balign 4
E
CFL="-mcmodel=small -fPIC -O2 -fasynchronous-unwind-tables -m64 -fno-stack-protector -fno-omit-frame-pointer -foptimize-sibling-calls"
cc_obj vclock.o $CFL <<'E'
struct vdso_data { unsigned long seq; long sec[16]; };
static const struct vdso_data data = { 1, { 42 } };
int __vdso_clock_gettime(int clock, long *ts) { ts[0] = data.sec[clock & 15]; return 0; }
int clock_gettime(int, long *) __attribute__((weak, alias("__vdso_clock_gettime")));
int __vdso_gettimeofday(long *tv, void *tz) { (void)tz; return __vdso_clock_gettime(0, tv); }
int gettimeofday(long *, void *) __attribute__((weak, alias("__vdso_gettimeofday")));
long __vdso_time(long *t) { long v = data.sec[0]; if (t) *t = v; return v; }
long time(long *t) __attribute__((weak, alias("__vdso_time")));
int __vdso_clock_getres(int clock, long *res) { res[0] = clock; return 0; }
int clock_getres(int, long *) __attribute__((weak, alias("__vdso_clock_getres")));
__attribute__((visibility("hidden"))) int helper(int x) { return x + 1; }
int not_exported(int x) { return helper(x) * 2; }
E
cc_obj vgetcpu.o $CFL <<'E'
long __vdso_getcpu(unsigned *cpu, unsigned *node, void *unused)
{ (void)unused; if (cpu) *cpu = 1; if (node) *node = 0; return 0; }
long getcpu(unsigned *cpu, unsigned *node, void *tcache) __attribute__((weak, alias("__vdso_getcpu")));
E
link_both -shared --hash-style=both --build-id=sha1 --eh-frame-hdr -Bsymbolic -z noexecstack -m elf_x86_64 \
	-soname linux-vdso.so.1 --no-undefined -z max-page-size=4096 -T vdso.lds vdso-note.o vclock.o vgetcpu.o
compare_outputs
for f in bfd slink; do
	readelf -dW --dyn-syms -V $f.out | sed "s/$f.out//" > $f.dyn
done
diff bfd.dyn slink.dyn || fail "dynamic sections differ"
if objdump -R slink.out | grep -E "R_X86_64_(JUMP_SLOT|GLOB_DAT|RELATIVE)"; then
	fail "dynamic relocations in the vdso"
fi
# the object loads and its versioned symbols resolve
cat > use.c <<'E'
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
int main(int argc, char **argv)
{
	void *h = dlopen(argv[1], RTLD_NOW);
	if (!h) { printf("dlopen: %s\n", dlerror()); return 1; }
	long (*t)(long *) = (long (*)(long *))dlvsym(h, "__vdso_time", "LINUX_2.6");
	int (*g)(int, long *) = (int (*)(int, long *))dlsym(h, "clock_getres");
	long r = 0;
	printf("%ld %d %ld %p\n", t ? t(NULL) : -1, g ? g(7, &r) : -1, r, dlsym(h, "not_exported"));
	return 0;
}
E
gcc -O2 -o use use.c -ldl
./use "$WORK/bfd.out" > bfd.run
./use "$WORK/slink.out" > slink.run
diff bfd.run slink.run || fail "the objects behave differently"
expect_grep '^42 0 [0-9]+ \(nil\)$' slink.run
