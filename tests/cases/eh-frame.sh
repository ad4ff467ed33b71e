# .eh_frame from C code (CIEs shared between objects, FDEs with PC-relative addresses)
# must come out byte-identical to ld.bfd's; with C code from several files.
CFLAGS="-O2 -fno-pic -ffreestanding -fno-stack-protector -fasynchronous-unwind-tables"
cc_obj a.o $CFLAGS <<'EOF'
int g(int);
static int twice(int x) { return g(x) * 2; }
int f(int x) { int v[8]; for (int i = 0; i < 8; i++) v[i] = twice(x + i); return v[x & 7]; }
void _start(void)
{
	int r = f(3);
	__asm__ volatile("syscall" :: "a"(60), "D"(r & 0x7f) : "rcx", "r11", "memory");
	__builtin_unreachable();
}
EOF
cc_obj b.o $CFLAGS <<'EOF'
int g(int x) { return x + 1; }
int unused_b(int x) { return x * 3; }
EOF
cc_obj c.o $CFLAGS -fno-omit-frame-pointer <<'EOF'
long h(long a, long b) { return a * b + 1; }
EOF
link_both a.o b.o c.o
compare_outputs
run_both
CFLAGS="$CFLAGS -m32"
cc_obj a32.o $CFLAGS -fno-asynchronous-unwind-tables -fexceptions <<'EOF'
int g(int x) { return x + 1; }
void _start(void)
{
	__asm__ volatile("int $0x80" :: "a"(1), "b"(g(4)) : "memory");
	__builtin_unreachable();
}
EOF
cc_obj b32.o $CFLAGS <<'EOF'
int h(int x) { return x * 2; }
EOF
link_both -m elf_i386 a32.o b32.o
compare_outputs
run_both qemu-i386
