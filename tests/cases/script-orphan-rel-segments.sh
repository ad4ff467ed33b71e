# Placement rules from GNU ld's ELF code, each checked against ld.bfd:
# - relocation orphans (here the x86 backend's empty .rela.got/.rela.iplt, named .rela.dyn)
#   go after the last read-only allocated statement (ldelf.c output_rel_find), not after the
#   best flags match; even removed, the statement's alignment moves the next section's LMA;
# - a section that only `.` moving made allocated (its inputs are not) has no SEC_LOAD: it may
#   follow a NOBITS section in one segment (with -N), which then takes file space;
# - the room for program headers is what the sizing passes settled on: with .text at 0x100 into
#   a page, a separate headers segment would need a fourth header that no longer fits, the
#   count goes back to three, but GNU ld keeps room for four and the code moves a page on;
# - a PT_LOAD of NOBITS sections only has p_offset 0 when not demand paged (-n, -N).
cat > a.s <<'E'
	.text
	.globl _start
_start:	ret
	.section .rodata,"a"
	.long 1
	.section .text.bar,"ax"
	ret
	.data
	.long 2
	.section .bss.z,"aw",@nobits
	.zero 20
	.section .comment.my,"MS",@progbits,1
	.asciz "abc"
E
as_obj a.o a.s
as_obj a32.o --32 a.s
echo 'SECTIONS { .text 0x1000 : { *(.text) } .rodata : { *(.rodata) } .text.bar : AT(0x8000) { *(.text.bar) } .data 0x10000 : { *(.data) } }' > rel.ld
cat > seg.ld <<'E'
SECTIONS {
	.text : { *(.text) }
	.rodata : { *(.rodata) }
	.text.bar : { *(.text.bar) }
	.data : { *(.data) }
	.bss 0x800000 : AT(0x2000) { *(.bss.z) }
	.comment.my : { . = ALIGN(8); *(.comment.my) }
}
E
for args in "-T rel.ld a.o" "-m elf_i386 -T rel.ld a32.o" "-N -T seg.ld a.o" "-T seg.ld a.o" \
	    "-m elf_i386 -N -T seg.ld a32.o"; do
	# shellcheck disable=SC2086
	link_both $args --no-warn-rwx-segments
	compare_outputs
done
echo 'SECTIONS { .text 0x1000100 : { *(.text) } .data 0x1001200 : { *(.data) } }' > room.ld
for z in "-z execstack" "-z noexecstack" "-z noseparate-code"; do
	# shellcheck disable=SC2086
	link_both -T room.ld a.o $z --no-warn-rwx-segments
	compare_outputs
done
cat > bss.s <<'E'
	.text
	.globl _start
_start:	ret
	.data
	.long 1
	.bss
	.long 0
	.section .bss.big,"aw",@nobits
	.p2align 2
	.zero 64
E
as_obj bss.o bss.s
echo 'SECTIONS { .text 0x10000 : { *(.text) } .data : { *(.data) } .bss 0x40123 : { *(.bss) } .bss2 : { *(.bss.big) } }' > bss.ld
for f in -n -N ""; do
	# shellcheck disable=SC2086
	link_both $f -T bss.ld bss.o --no-warn-rwx-segments
	compare_outputs
done
