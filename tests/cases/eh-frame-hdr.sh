# --eh-frame-hdr: .eh_frame_hdr with the sorted search table, PT_GNU_EH_FRAME and the local
# __GNU_EH_FRAME_HDR; FDEs come from C in several objects (and the table sorts them by
# address, not by .eh_frame order), for x86-64 and i386.
CFLAGS="-O2 -fno-pie -ffreestanding -fno-stack-protector -fasynchronous-unwind-tables"
cc_obj a.o $CFLAGS <<'EOF2'
int g(int);
int h(int);
int data_word = 3;
__attribute__((force_align_arg_pointer)) void _start(void)
{
	int r = g(3) + h(4);
	__asm__ volatile("syscall" :: "a"(60), "D"(r & 0x7f) : "rcx", "r11", "memory");
	__builtin_unreachable();
}
EOF2
cc_obj b.o $CFLAGS <<'EOF2'
/* cold: placed in .text.unlikely, before a.o's code, so the table order is not .eh_frame's */
__attribute__((cold, noinline)) int g(int x) { return x + 1; }
EOF2
cc_obj c.o $CFLAGS -fno-omit-frame-pointer -ffunction-sections <<'EOF2'
int h(int x) { volatile int v[16]; for (int i = 0; i < 16; i++) v[i] = x * i; return v[x & 15]; }
EOF2
link_both --eh-frame-hdr a.o b.o c.o
compare_outputs
run_both
link_both --eh-frame-hdr c.o b.o a.o
compare_outputs
run_both
CFLAGS="$CFLAGS -m32"
cc_obj a32.o $CFLAGS <<'EOF2'
int g(int);
int data_word = 3;
void _start(void)
{
	__asm__ volatile("int $0x80" :: "a"(1), "b"(g(4)) : "memory");
	__builtin_unreachable();
}
EOF2
cc_obj b32.o $CFLAGS <<'EOF2'
int g(int x) { return x * 2; }
EOF2
link_both -m elf_i386 --eh-frame-hdr a32.o b32.o
compare_outputs
run_both qemu-i386
