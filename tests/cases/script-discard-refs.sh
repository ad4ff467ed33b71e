# A reference to a symbol whose section /DISCARD/ threw away: GNU ld's error naming both
# sections and files (not "undefined reference"); none from debugging sections, which pretend.
# A non-ELF output is linked by bfd's generic linker, which makes no such check and leaves the
# place as it was.
as_obj a.o <<'E'
	.text
	.globl f0
f0:	ret
	.section .keep,"ax",@progbits
	.globl _start
_start:	ret
E
as_obj b.o <<'E'
	.section .init,"ax",@progbits
	.byte 0x90
	call f0
	.section .debug_info,"",@progbits
	.quad f0
E
echo 'SECTIONS { . = 0x400000; .init : { *(.init) } .keep : { *(.keep) } /DISCARD/ : { *(.text) } }' > d.ld
expect_fail_both "\`f0' referenced in section \`.init' of b.o: defined in discarded section \`.text' of a.o" -T d.ld a.o b.o
grep -q "debug_info" "$WORK/fail.stderr" && fail "a debugging section's reference was complained about"
link_both --oformat binary -T d.ld a.o b.o
cmp "$WORK/bfd.out" "$WORK/slink.out" || fail "the binary images differ"
