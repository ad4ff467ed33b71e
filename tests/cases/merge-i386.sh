# i386 (REL): references to merged strings through section symbols keep their addend in the
# place (R_386_32 from code and data); strings, doubles and gcc's .comment merge across files.
CFLAGS="-m32 -O2 -ffreestanding -fno-stack-protector -fno-pie -fno-asynchronous-unwind-tables"
cc_obj a.o $CFLAGS <<'EOF2'
extern const char *names[];
static int out(const char *s, int n)
{
	int r;
	__asm__ volatile("int $0x80" : "=a"(r) : "a"(4), "b"(1), "c"(s), "d"(n) : "memory");
	return r;
}
int len(const char *s) { int n = 0; while (s[n]) n++; return n; }
double scale(double x);
void _start(void)
{
	out("hello world\n", 12);
	out("world\n", 6);
	for (int i = 0; names[i]; i++)
		out(names[i], len(names[i]));
	volatile double x = scale(1.5) + 2.5;
	__asm__ volatile("int $0x80" :: "a"(1), "b"((int)x) : "memory");
	__builtin_unreachable();
}
EOF2
cc_obj b.o $CFLAGS <<'EOF2'
const char *names[] = {"orld\n", "hello world\n", "b-only\n", "ly\n", 0};
double scale(double x) { return x * 2.5 + 1.5; }
EOF2
link_both -m elf_i386 a.o b.o
compare_outputs --bytes .comment
run_both qemu-i386
expect_grep '^b-only$' slink.stdout
link_both -m elf_i386 b.o a.o
compare_outputs --bytes .comment
run_both qemu-i386
# section symbol + implicit addend for R_386_PC32 too: GNU ld maps A + 4 (it assumes the
# instruction's -4 bias), even when that lands in the next string
as_obj p.o --32 <<'EOF2'
	.data
	.long	.rodata.str1.1 - .
	.long	.rodata.str1.1 + 3 - .
	.long	.LS
	.long	.LT
	.section .rodata.str1.1,"aMS",@progbits,1
.LS:	.string	"ab"
.LT:	.string	"world\n"
	.string	"zz"
	.section .note.GNU-stack,"",@progbits
EOF2
objdump -r p.o | grep -q 'R_386_PC32 *\.rodata\.str1\.1' || fail "p.o: expected PC32 against the section symbol"
link_both -m elf_i386 a.o p.o b.o
compare_outputs
run_both qemu-i386
