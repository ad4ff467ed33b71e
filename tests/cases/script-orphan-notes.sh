# Orphan loadable notes: GNU ld keeps them together, sorted by decreasing alignment, and does not
# put other orphans between them (lang_insert_orphan), with the built-in script and with -T
# scripts (a placed note, a script with no notes, two `. =` before the first section).
cat > n.s <<'E'
	.text
	.globl _start
_start: ret
	.section .note.a,"a",@note
	.balign 4
	.long 4,4,1
	.ascii "AAA\0"
	.long 0
	.section .note.b,"a",@note
	.balign 8
	.long 4,8,2
	.ascii "BBB\0"
	.quad 0
	.section .note.c,"a",@note
	.balign 4
	.long 4,4,3
	.ascii "CCC\0"
	.long 0
	.section .note.d,"a",@note
	.balign 16
	.long 4,4,3
	.ascii "DDD\0"
	.long 0
	.data
	.long 1
E
cat > m.s <<'E'
	.section .note.e,"a",@note
	.balign 8
	.long 4,8,2
	.ascii "EEE\0"
	.quad 0
	.section .note.f,"a",@note
	.balign 4
	.long 4,4,3
	.ascii "FFF\0"
	.long 0
	.section .rodata.x,"a"
	.long 5
E
cat > t1.ld <<'E'
SECTIONS {
  . = 0x10000;
  .text : { *(.text) }
  .note.b : { *(.note.b) }
  .data : { *(.data) }
}
E
cat > t2.ld <<'E'
SECTIONS {
  . = 0x10000;
  . = . + 0x100;
  .data : { *(.data) }
  .text : { *(.text) }
}
E
cat > t3.ld <<'E'
SECTIONS {
  .text 0x2000 : { *(.text) }
  .notes : { *(.note.c) }
  .data : { *(.data) }
}
E
as_obj n.o --64 n.s
as_obj m.o --64 m.s
as_obj n32.o --32 n.s
as_obj m32.o --32 m.s
for args in "n.o m.o" "m.o n.o" "--build-id m.o n.o" "-T t1.ld n.o m.o" "-T t2.ld m.o n.o" \
	"-T t3.ld n.o m.o" "-m elf_i386 n32.o m32.o" "-m elf_i386 -T t1.ld m32.o n32.o" "-N n.o m.o"; do
	# shellcheck disable=SC2086
	link_both --no-warn-rwx-segments $args
	compare_outputs
done
