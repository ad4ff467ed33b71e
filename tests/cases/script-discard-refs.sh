# A reference to a symbol whose section /DISCARD/ threw away: GNU ld's error naming both
# sections and files (not "undefined reference"); none from debugging sections, which pretend.
# A non-ELF output is linked by bfd's generic linker, which makes no such check and clears the
# place (a REL addend in it too).
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
as_obj a32.o --32 <<'E'
	.text
	.globl f0
f0:	ret
	.section .keep,"ax",@progbits
	.globl _start
_start:	ret
E
as_obj b32.o --32 <<'E'
	.section .init,"ax",@progbits
	.byte 0x90
	call f0
	.long f0 + 8
E
link_both -m elf_i386 --oformat binary -T d.ld a32.o b32.o
cmp "$WORK/bfd.out" "$WORK/slink.out" || fail "the binary images differ (i386)"

# A local symbol in a discarded section is complained about too (a label becomes the section
# symbol, which goes by its section's name), and so is one in a COMDAT group that lost; bfd
# names a group member "name[signature]". -r makes the same check.
as_obj l.o <<'E'
	.text
	.globl _start
_start:	nop
	.section .init,"ax",@progbits
	.quad .Lx
	.section .exit.text,"ax",@progbits
.Lx:	nop
E
echo 'SECTIONS { .text : { *(.text) *(.init) } /DISCARD/ : { *(.exit.text) } }' > l.ld
expect_fail_both "\`.exit.text' referenced in section \`.init' of l.o: defined in discarded section \`.exit.text' of l.o" -T l.ld l.o
expect_fail_both "\`.exit.text' referenced in section \`.init' of l.o: defined in discarded section \`.exit.text' of l.o" -r -T l.ld l.o
expect_fail_both "\`f0' referenced in section \`.init' of b.o: defined in discarded section \`.text' of a.o" -r -T d.ld a.o b.o
as_obj g1.o <<'E'
	.text
	.globl _start
_start:	nop
	.section .text.g,"axG",@progbits,g,comdat
	.globl g
g:	call undefined_thing
E
as_obj g2.o <<'E'
	.section .text.g,"axG",@progbits,g,comdat
	.globl g
g:	nop
.Ll:	nop
	.data
	.quad .Ll
E
expect_fail_both "\`.text.g' referenced in section \`.data' of g2.o: defined in discarded section \`.text.g\[g\]' of g2.o" g1.o g2.o --defsym undefined_thing=0
expect_fail_both "^\(\.text\.g\[g\]\+0x1\): undefined reference to \`undefined_thing'" g1.o
echo 'SECTIONS { .text : { *(.text) } }' > o.ld
link_both -T o.ld --orphan-handling=warn g1.o --defsym undefined_thing=0
compare_warnings
