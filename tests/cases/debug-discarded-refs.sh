# Relocations in debugging sections against what --gc-sections collected or /DISCARD/ took:
# no error, the field cleared (a .debug_ranges entry gets 1, so as not to end the list), as
# GNU ld's ELF back end does (_bfd_clear_contents; ld-gc/pr20882).
as_obj dg.o <<'EOF2'
	.section .text.main,"ax"
	.globl _start
_start:	ret
	.section .text.dead,"ax"
	.globl dead
dead:	ret
	.section .text.gone,"ax"
gone:	ret
	.section .debug_info,"",@progbits
	.quad dead+2
	.quad _start+1
	.quad gone+3
	.long dead
	.section .debug_ranges,"",@progbits
	.quad dead+2
	.quad _start+1
	.quad gone
EOF2
check_debug_bytes() {
	local sec
	for sec in .debug_info .debug_ranges; do
		[ "$(section_hex "$WORK/bfd.out" $sec)" = "$(section_hex "$WORK/slink.out" $sec)" ] ||
			fail "$sec differs: ld.bfd $(section_hex "$WORK/bfd.out" $sec), slink $(section_hex "$WORK/slink.out" $sec)"
	done
}
link_both --gc-sections dg.o
compare_outputs
check_debug_bytes
echo 'SECTIONS { .text : { *(.text.main) } /DISCARD/ : { *(.text.dead) *(.text.gone) } }' > d.ld
link_both -T d.ld dg.o
compare_outputs
check_debug_bytes
