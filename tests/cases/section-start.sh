# -Ttext, -Tdata, -Tbss, --section-start, -Ttext-segment on x86-64.
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
for opts in "-Ttext 0x500000" "-Ttext=0x500000" "-Tdata 0x800000" "-Tbss 0x900000" \
	    "--section-start .rodata=0x700000" "--section-start=.data=0x810000" \
	    "-Ttext-segment 0x10000000" "-Ttext-segment=0x600000 -Tbss 0x900000"; do
	echo "== $opts" >&2
	link_both $opts a.o
	compare_outputs
	run_both
done
