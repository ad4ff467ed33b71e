# gcc's .comment ("GCC: (...) x.y") from several objects comes out once, next to assembler
# .ident strings, and .rodata strings from C merge with x86-64 RIP-relative references.
CFLAGS="-O2 -ffreestanding -fno-stack-protector -fno-pie -fno-asynchronous-unwind-tables"
cc_obj a.o $CFLAGS <<'EOF2'
static long out(const char *s, long n)
{
	long r;
	__asm__ volatile("syscall" : "=a"(r) : "a"(1), "D"(1), "S"(s), "d"(n) : "rcx", "r11", "memory");
	return r;
}
const char *pick(int i);
void _start(void)
{
	out("shared string\n", 14);
	for (int i = 0; i < 3; i++)
		out(pick(i), 7);
	__asm__ volatile("syscall" :: "a"(60), "D"(0) : "rcx", "r11", "memory");
	__builtin_unreachable();
}
EOF2
cc_obj b.o $CFLAGS <<'EOF2'
int counter = 1; /* a non-empty data segment */
const char *pick(int i)
{
	static const char *const t[] = {"string\n", "shared string\n", "other!\n"};
	return t[i];
}
EOF2
as_obj c.o <<'EOF2'
	.ident	"tool C"
	.section .note.GNU-stack,"",@progbits
EOF2
link_both a.o c.o b.o
compare_outputs --bytes .comment
run_both
expect_grep 'other!$' slink.stdout
