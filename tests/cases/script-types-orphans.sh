# Output section types as bfd sets them, and which orphans join a section of their name.  The
# first input's type is copied only when the section's bfd flags then equal the input's (not
# after a data statement unless the input is allocated with contents, not into INFO/COPY/...
# sections that take SEC_ALLOC away); an orphan joins a same-name section only with the same
# ELF type and allocation (elf_orphan_compatible), else it gets one of its own; non-alloc
# orphans go last; sh_addralign is no more than the address allows.
cat > c.s <<'E'
	.text
	.globl _start
_start: ret
	.section .note.my,"a",@note
	.long 4,4,1
	.ascii "Lin\0"
	.long 0
	.section .myro,"a"
	.byte 1
	.data
	.quad 1
	.section .ia,"aw",@init_array
	.quad 0
	.section .mybss,"aw",@nobits
	.zero 3
	.section .al,"aw"
	.p2align 4
	.quad 2
	.section .cm,"MS",@progbits,1
	.asciz "x"
E
as_obj c.o --64 c.s
n=0
while IFS= read -r script; do
	n=$((n + 1))
	echo "$script" > s$n.ld
	link_both --no-warn-rwx-segments -T s$n.ld c.o
	compare_outputs
done <<'E'
SECTIONS { .text 0x1000 : { *(.text) } .data : { *(.note.my) } }
SECTIONS { .text 0x1000 : { *(.text) } .data (COPY) : { *(.myro) } }
SECTIONS { .text 0x1000 : { *(.text) } .foo : { LONG(1) *(.ia) } .bar : { SHORT(1) *(.al) } }
SECTIONS { .text 0x1000 : { *(.text) } .bss (INFO) : { *(.mybss) } .o (OVERLAY) : { *(.mybss) } }
SECTIONS { .text 0x1000 : { *(.text) } .bss : { SQUAD(1) *(.mybss) } }
SECTIONS { .text 0x1000 : { *(.text) } .al 0x2008 : { *(.al) } .c 0x4 : { *(.cm) } }
SECTIONS { .text 0x1000 : { *(.text) } .data : { *(.data) } }
E

# A section with no input keeps the ELF flags bfd's table gives its name (.bss: WA); READONLY takes SHF_WRITE away only with an input or data statement; a NOBITS
# name with data becomes PROGBITS.  (--gc-sections drops the inputs the rules match.)
while IFS= read -r script; do
	n=$((n + 1))
	echo "$script" > s$n.ld
	link_both --no-warn-rwx-segments --gc-sections -T s$n.ld c.o
	compare_outputs
done <<'E'
SECTIONS { .text 0x1000 : { *(.text) } .foo (READONLY) : { *(.mybss) . += 4; } }
SECTIONS { .text 0x1000 : { *(.text) } .bss (READONLY) : { *(.mybss) LONG(1) } }
E
# a section whose inputs left it no bfd flags at all (NOBITS in an OVERLAY-type section loses
# SEC_ALLOC) takes any orphan of its name, as one made only by an assignment does; KEEP gives
# it SEC_KEEP, and then the orphan needs flags of its own kind
as_obj nb.o <<'E2'
	.text
	.globl _start
_start: ret
	.section .bss.z,"aw",@nobits
	.zero 16
	.bss
	.zero 12
E2
for keep in '*(.bss.*)' 'KEEP(*(.bss.*))'; do
	echo "SECTIONS { .text : { *(.text) } .bss 0x100800 (OVERLAY) : { $keep } .data : { *(.data) } }" > nb.ld
	link_both -T nb.ld nb.o --no-warn-rwx-segments
	compare_outputs
done
# which section an orphan follows depends on bfd's flags as the mapping walk left them: a
# section a data statement made is read-only (.rodata then follows it), one an assignment
# made first is not; one named like .text.* has PROGBITS as its type, one named .zz none
as_obj rodo.o <<'E2'
	.text
	.globl _start
_start: nop
	.section .rodata,"a"
	.long 1
E2
while IFS= read -r sc; do
	echo "$sc" > rodo.ld
	link_both -T rodo.ld rodo.o --no-warn-rwx-segments
	compare_outputs
done <<'E2'
SECTIONS { .text : { *(.text) } .text.z : { LONG(0x100); } .data 0x1000000 : { *(.data) } }
SECTIONS { .text : { *(.text) } .zz : { LONG(0x100); } .data 0x1000000 : { *(.data) } }
SECTIONS { .text : { *(.text) } .text.z : { x = 1; LONG(0x100); } .data 0x1000000 : { *(.data) } }
SECTIONS { .text : { *(.text) } .text.z : { LONG(0x100); x = 1; } .data 0x1000000 : { *(.data) } }
E2
