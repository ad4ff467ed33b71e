# -z max-page-size and -z common-page-size move segments and change p_align.
cc_obj a.o -O2 -fno-pic -ffreestanding <<'EOF'
int data_v = 4;
int bss_v;
const int ro_v = 5;
void _start(void)
{
	bss_v = data_v + ro_v;
	__asm__ volatile("syscall" :: "a"(60), "D"(bss_v) : "rcx", "r11", "memory");
	__builtin_unreachable();
}
EOF
for z in "" "-z max-page-size=0x200000" "-z max-page-size=0x10000" "-z max-page-size=4096" \
	 "-z max-page-size=0x200000 -z common-page-size=0x200000" "-z common-page-size=0x10000"; do
	echo "== $z" >&2
	link_both $z a.o
	compare_outputs
	run_both
done
