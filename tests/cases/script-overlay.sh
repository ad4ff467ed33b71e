# OVERLAY: members share the start address, load one after another from the AT() address,
# `.` ends past the largest member, and __load_start_/__load_stop_ symbols are PROVIDEd
# (referenced here by the script itself and by an object).
# (.data has its own AT(): GNU ld's empty .rela.dyn/.got orphans, aligned to 8, would
# otherwise shift the LMAs that follow an overlay; slink makes no such empty sections.)
as_obj a.o <<'EOF2'
	.section .text,"ax"
	.globl _start
_start:	movabs	$__load_stop_ov2, %rax
	ret
	.section .ov1,"ax"
	.byte 1,2,3
	.section .ov2,"ax"
	.fill 10, 1, 4
	.section .ov3,"a"
	.long 9
	.section .data,"aw"
	.quad 7
	.section .bss,"aw",@nobits
	.zero 64
EOF2
cat > ov.ld <<'EOF2'
SECTIONS {
  . = 0x10000;
  .text : { *(.text) }
  OVERLAY 0x20000 : AT(0x30000) {
    .ov1 { *(.ov1) }
    .ov.2 { *(.ov2) }
    .ov3 { *(.ov3) }
  } =0xab
  . = ALIGN(16);
  .data : AT(0x31000) { *(.data) LONG(__load_start_ov1) LONG(__load_stop_ov3) LONG(.) QUAD(0) }
  .bss : { *(.bss) }
}
EOF2
link_both -T ov.ld a.o
compare_outputs
link_both -T ov.ld a.o --oformat binary
cmp bfd.out slink.out || fail "binary images differ"
# without a start address the overlay starts at `.`
sed 's/OVERLAY 0x20000 : AT(0x30000)/. = ALIGN(0x100); OVERLAY : AT(0x30000)/' ov.ld > ov2.ld
link_both -T ov2.ld a.o
compare_outputs
# a PT_NOTE covering an overlay member takes its alignment from the note alone, not from
# the member sharing its address
as_obj ovnote.o <<'E2'
	.text
	.globl _start
	.balign 4
_start:	nop
	.section .note.my,"a",@note
	.balign 2
	.long 4, 4, 1
	.ascii "GNU\0"
	.long 7
E2
echo 'SECTIONS { OVERLAY 0x800 : AT(0x900900) { .text { *(.text) } .note.my { *(.note.my) } } }' > ovnote.ld
link_both -T ovnote.ld ovnote.o --no-warn-rwx-segments
compare_outputs
# naming a later overlay member in ADDR makes it early, and with it the first member, whose
# ADDR is its address: both section headers come first
as_obj ovhdr.o <<'E2'
	.text
	.globl _start
_start:	nop
	.data
	.long 1
	.section .mybss,"aw",@nobits
	.zero 16
E2
cat > ovhdr.ld <<'E2'
sym1 = ADDR(.data);
SECTIONS {
  .text 0x1000 : { *(.text) }
  OVERLAY 0x2000 : { .mybss { *(.mybss) } .data { *(.data) } }
}
E2
link_both -T ovhdr.ld ovhdr.o --no-warn-rwx-segments
compare_outputs

# An overlay member with only an assignment has no SEC_ALLOC (its name's flags do not count):
# it takes no LMA from the section before it, and the next section follows its LMA = VMA.
cat > lm.s <<'EOF'
	.section .mycode,"ax",@progbits
	.quad 3
	.section .mydata,"aw",@progbits
	.long 1
EOF
as_obj lm.o --32 lm.s
cat > lm.ld <<'EOF'
SECTIONS {
  .mycode : AT(0xc01000) { *(.mycode) }
  OVERLAY : { .text.z { *(.text.z) x = 1; } }
  .mydata : { *(.mydata) }
}
EOF
link_both -m elf_i386 -T lm.ld lm.o --no-warn-rwx-segments
compare_outputs
