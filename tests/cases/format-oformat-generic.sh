# A non-ELF output (--oformat binary, ihex, srec, ...) is linked by GNU ld's generic linker,
# not its ELF one: no SHF_MERGE merging (the inputs are copied whole, and relocations point
# into them), no --gc-sections, .eh_frame copied unedited and no .eh_frame_hdr, no build-id
# note, property notes kept as ordinary sections, and NOLOAD means "not loaded, not
# allocated" (the section takes no room in its region) instead of ELF's .bss-like sections.
# Each image must be byte-identical to GNU ld's.
as_obj a.o <<'E'
	.text
	.globl _start
_start:	.cfi_startproc
	movq $s2, %rax
	movq $c1, %rbx
	ret
	.cfi_endproc
	.section .text.dead,"ax",@progbits
dead:	.cfi_startproc
	ret
	.cfi_endproc
	.section .rodata.str1.1,"aMS",@progbits,1
s1:	.asciz "hello"
	.globl s2
s2:	.asciz "lo"
	.section .rodata.cst8,"aM",@progbits,8
c1:	.quad 0x1122334455667788
	.section .note.gnu.property,"a",@note
	.p2align 3
	.long 4, 16, 5
	.asciz "GNU"
	.long 0xc0000002, 4, 3
	.p2align 3
E
as_obj b.o <<'E'
	.text
	.globl f
f:	.cfi_startproc
	ret
	.cfi_endproc
	.section .rodata.str1.1,"aMS",@progbits,1
t1:	.asciz "hello"
	.section .rodata.cst8,"aM",@progbits,8
	.quad 0x1122334455667788
	.data
	.quad t1, s2
	.section .scratch,"aw",@progbits
	.quad 1, 2
E
as_obj b32.o --32 <<'E'
	.text
	.globl _start
_start:	.cfi_startproc
	movl $t1, %eax
	ret
	.cfi_endproc
	.section .rodata.str1.1,"aMS",@progbits,1
	.asciz "hello"
t1:	.asciz "hello"
E
cat > noload.ld <<'E'
MEMORY { ROM (rwx) : ORIGIN = 0x100000, LENGTH = 0x10000 }
SECTIONS {
	.scratch (NOLOAD) : { *(.scratch) } >ROM
	.text : { *(.text*) } >ROM
	.rodata : { *(.rodata*) } >ROM
	.data : { *(.data) } >ROM
	/DISCARD/ : { *(.eh_frame) *(.note.*) }
}
E
for args in "-Ttext=0x1000 a.o b.o" "-Ttext=0x1000 --gc-sections a.o b.o" \
	    "-Ttext=0x1000 --eh-frame-hdr --build-id a.o b.o" "-Ttext=0x1000 b.o a.o" \
	    "-T noload.ld a.o b.o" "-m elf_i386 -Ttext=0x1000 --gc-sections --build-id b32.o"; do
	for fmt in binary ihex; do
		link_both --oformat $fmt $args
		cmp "$WORK/bfd.out" "$WORK/slink.out" || fail "the $fmt images of [$args] differ"
	done
done
# the same links with ELF output still merge, collect and add the linker's notes
link_both -Ttext=0x1000 --gc-sections --build-id --eh-frame-hdr a.o b.o
compare_outputs
expect_grep '^[0-9a-f]+$' <(section_hex "$WORK/slink.out" .eh_frame_hdr)
# orphans: notes are not grouped by alignment, and an orphan joins a same-name output section
# whatever ELF type the section took from its first input
as_obj n.o <<'E'
	.text
	.globl _start
_start:	ret
	.section .note.a,"a",@note
	.p2align 2
	.long 1
	.section .rodata,"a"
	.long 7
	.section .note.b,"a",@note
	.p2align 3
	.quad 2
	.section .note.c,"a",@note
	.p2align 2
	.long 3
	.section .init_array,"aw",@init_array
	.p2align 4
	.byte 1
	.data
	.long 0x11223344
E
echo 'SECTIONS { .text 0x1000 : { *(.text) } .rodata : { *(.rodata) } .data : { *(.init_array) } }' > n.ld
link_both --oformat binary -T n.ld n.o
cmp "$WORK/bfd.out" "$WORK/slink.out" || fail "the binary images of the orphan link differ"
link_both -T n.ld n.o
compare_outputs
# a loaded section that is not allocated (COPY, INFO, ...) is written at its LMA less the
# lowest allocated one: below it, the image cannot hold it, and both linkers fail
echo 'SECTIONS { .text 0x1000 : { *(.text) } .data 0x2000 : AT(0x8000) { *(.data) } }' > copy-ok.ld
echo 'SECTIONS { .text 0x1000 (COPY) : { *(.text) } .data 0x2000 : AT(0x8000) { *(.data) } }' > copy-low.ld
echo 'SECTIONS { .text 0x9000 (COPY) : { *(.text) } .data 0x2000 : AT(0x8000) { *(.data) } }' > copy-high.ld
for s in copy-ok.ld copy-high.ld; do
	link_both --oformat binary -T $s a.o b.o
	cmp "$WORK/bfd.out" "$WORK/slink.out" || fail "the binary images of -T $s differ"
done
expect_fail_both "file truncated|before the image's start" --oformat binary -T copy-low.ld a.o b.o
# a section only `.` moving made allocated (its input is not) is written too, but does not set
# the image's start
as_obj mb.o <<'E'
	.section .multiboot
	.long 0x1badb002, 3, -(0x1badb002 + 3)
E
echo 'SECTIONS { .text 0x1000 : { *(.text) } .vectors 0x2000 : { KEEP(*(.multiboot)) . = ALIGN(16); } }' > vec-high.ld
echo 'SECTIONS { .vectors 0x800 : { KEEP(*(.multiboot)) . = ALIGN(16); } .text 0x1000 : { *(.text) } }' > vec-low.ld
link_both --oformat binary -T vec-high.ld a.o mb.o
cmp "$WORK/bfd.out" "$WORK/slink.out" || fail "the binary images of -T vec-high.ld differ"
expect_fail_both "file truncated|before the image's start" --oformat binary -T vec-low.ld a.o mb.o
# orphan placement compares flags only: GNU ld's check that an orphan and the section it goes
# after have the same ELF type passes anything when the output is not ELF
printf '\t.section .rodata.str1.1,"aMS",@progbits,1\n\t.globl s1\ns1:\n' > ga.s
printf '\t.section .data.y,"aw",@progbits\n\t.section mydata_c,"aw",@progbits\n\t.long s1\n\t.bss\n' > gb.s
as_obj ga.o ga.s
as_obj gb.o gb.s
echo 'SECTIONS { .text : { } .data.y (READONLY) : { } .bss : { gb.o(.bss) } }' > ga.ld
link_both -T ga.ld --oformat binary ga.o
cmp "$WORK/bfd.out" "$WORK/slink.out" || fail "the binary images of -T ga.ld differ"

# A symbol assigned in a section its ONLY_IF_RW constraint dropped is defined in *UND*: the
# ELF linker resolves a reference to it, bfd's generic linker reports it undefined.
cat > und.s <<'EOF'
	.text
	.globl _start
_start:	.long sym4
	.section .myro,"a"
	.quad 1
EOF
as_obj und.o und.s
echo 'SECTIONS { .text : { *(.text) } .other : ONLY_IF_RW { *(.myro) sym4 = .; } }' > und.ld
link_both -T und.ld und.o
compare_outputs
expect_fail_both "\(\.text\+0x0\): undefined reference to \`sym4'" --oformat binary -T und.ld und.o
