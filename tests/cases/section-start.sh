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
# the section an address option names is made where the option stands: before the script's
# sections (the built-in script, or a -T after it) or after them (a -T before it); orphans of
# other names are placed after their usual anchors, orphans of its name join it
as_obj o.o <<'E'
	.text
	.globl _start
_start:	ret
	.data
	.long 1
	.section .foo,"aw"
	.quad 3
	.section .bar,"a"
	.long 4
	.bss
	.long 0
	.section .d2,"aw"
	.long 5
E
echo 'SECTIONS { .text : { *(.text) } .data : { *(.data) } }' > td.ld
for args in "--section-start=.foo=0x800000" "--section-start=.foo=0x800000 -Tdata=0x900000" \
	    "-Tbss=0x700000 --section-start=.bar=0x500000" "--section-start=.zz=0x1000" \
	    "-T td.ld --section-start=.foo=0x800000" "-T td.ld -Tdata=0x800000 --section-start=.d2=0x900000" \
	    "-T td.ld -Tbss=0x800000" "-Tbss=0x800000 -T td.ld"; do
	# shellcheck disable=SC2086
	link_both $args o.o --no-warn-rwx-segments
	compare_outputs
done
