# Dynamic relocations in a read-only output section: DT_TEXTREL and DF_TEXTREL in .dynamic,
# with GNU ld's warnings (first the local-symbol case, then the global one, then "creating
# DT_TEXTREL"); -z notext is silent, -z text is an error.  A read-only input in a writable
# output section gives none.  (-shared uses -Bsymbolic: slink binds a shared object's own
# symbols locally.)
as_obj g.o --32 <<'E'
	.text
	.globl _start
_start:	movl $dv, %eax
	ret
	.data
	.globl dv
dv:	.long 7
E
as_obj l.o --32 <<'E'
	.text
	.globl _start
_start:	movl $lv, %eax
	movl $dv2, %eax
	ret
	.data
lv:	.long 7
	.globl dv2
dv2:	.long 8
E
as_obj ro.o --32 <<'E'
	.text
	.globl _start
_start:	ret
	.section .rodata,"a"
	.long _start
E
for kind in -pie "-shared -Bsymbolic"; do
	for o in g.o l.o; do
		link_both -m elf_i386 $kind $o
		compare_outputs
		compare_warnings
		link_both -m elf_i386 $kind $o -z notext
		compare_outputs
		compare_warnings
	done
	expect_fail_both "read-only segment has dynamic relocations" -m elf_i386 $kind g.o -z text
	# .rodata joins a writable section: no text relocation
	echo 'SECTIONS { .text : { *(.text) } .data : { *(.data) *(.rodata) } .dynamic : { *(.dynamic) } }' > rw.ld
	link_both -m elf_i386 $kind -T rw.ld ro.o --no-warn-rwx-segments --no-dynamic-linker
	compare_outputs
	compare_warnings
done
# ... and a writable input in a READONLY output section gives one (x86-64 too)
as_obj rw.o --64 <<'E'
	.text
	.globl _start
_start:	ret
	.data
	.quad _start
E
echo 'SECTIONS { .text : { *(.text) } .ro (READONLY) : { *(.data) } .dynamic : { *(.dynamic) } }' > ro.ld
for kind in -pie "-shared -Bsymbolic"; do
	link_both $kind -T ro.ld rw.o --no-warn-rwx-segments --no-dynamic-linker
	compare_outputs
	compare_warnings
done
readelf -dW slink.out | grep -q TEXTREL || fail "no DT_TEXTREL"
