# Fill patterns: the width of a `=0x...` or FILL(0x...) literal is its digit count (2 digits:
# one byte, 4 digits: two bytes), any other expression gives 4 bytes; each gap uses the fill in
# force where it is; code sections pad their gaps (not the BYTE/LONG data) with no-ops.
as_obj a.o <<'EOF2'
	.section .text,"ax"
	.globl _start
_start:	nop
	ret
	.section .text.b,"ax"
	.byte 0xcc
	.section .rodata,"a"
	.long 1,2,3
	.section .data,"aw"
	.quad 7
EOF2
cat > fill.ld <<'EOF2'
SECTIONS {
  . = 0x10000;
  .text : { *(.text) . = ALIGN(16); BYTE(1) . = . + 5; FILL(0x5a) . = . + 3; *(.text.b) . = . + 7; } =0x90c3
  .rodata : { *(.rodata) . = . + 9; FILL(0x000102) . = . + 5; } = 0x11223344
  .data : { *(.data) . = . + 6; FILL(1+1) . = . + 5; FILL(0x1234K) . = . + 3; }
  .nops : { *(.text.b) . = ALIGN(32); LONG(0xdeadbeef) . = ALIGN(16); BYTE(2) }
}
EOF2
link_both -T fill.ld a.o
compare_outputs
link_both -T fill.ld a.o --oformat binary
cmp bfd.out slink.out || fail "binary images differ"
# the no-op fill follows bfd's SEC_CODE, which only code inputs give: a `.text' or `.init'
# made by the script alone (its name's flags say AX) pads with zeros
for sec in '.o : { *(.text) } .text : { . += 3; SHORT(256) }' '.o : { *(.text) } .init : { . += 3; SHORT(256) }'; do
	echo "SECTIONS { . = 0x1000; $sec }" > nocode.ld
	link_both -T nocode.ld a.o -e 0 --no-warn-rwx-segments
	compare_outputs
done
# GNU ld reuses a padding statement right before the one it pads: an orphan input that needs
# aligning, straight after a `.` assignment at the end of the body, takes over that
# assignment's pad, whose gap then stays zeros (code sections and -r alike)
as_obj orph.o <<'EOF2'
	.section .data.y,"aw"
	.byte 1,2,3
	.data
	.balign 8
	.quad 5
	.section .text.y,"ax"
	.byte 0xc3
	.text
	.globl _start
	.balign 4
_start:	ret
EOF2
cat > orph.ld <<'EOF2'
SECTIONS {
  . = 0x10000;
  .text : { *(.text.y) . = ALIGN(2); } =0xcc
  .data : { *(.data.*) . = ALIGN(2); } =0x90
  .d2 : { *(.data.y) . += 3; FILL(0x77) } =0x11
}
EOF2
for r in "" -r; do
	link_both $r -T orph.ld orph.o
	compare_outputs
done
# padding goes only into a section with contents: one that has neither inputs nor data (here
# typed COPY and INFO, allocated by the flags their names give) keeps zeros whatever its fill
as_obj cp.o <<'EOF2'
	.text
	.globl _start
_start:	ret
	.section .text.z,"ax",@progbits
	nop
EOF2
echo 'SECTIONS { .text : { *(.text*) } .text.cp 4 (COPY) : { . = ALIGN(8); *(.text.z) } =0xcccccccc .data.i (INFO) : { . += 4; } =0x11223344 }' > cp.ld
link_both -T cp.ld cp.o
compare_outputs
compare_warnings
# a fill written as a hex literal is as many bytes as it has digit pairs, however many (GNU
# ld's exp_get_fill reads the digits, not the value: ld-scripts/fill): 1, 3 and 16 bytes
as_obj f0.o <<'EOF2'
	.text
	.byte 1,1,1,1
EOF2
as_obj f1.o <<'EOF2'
	.text
	.p2align 2
	.byte 2,2,2,2
EOF2
as_obj f2.o <<'EOF2'
	.text
	.p2align 2
	.byte 3,3,3,3
EOF2
cat > long.ld <<'EOF2'
SECTIONS
{
  .text :
  {
    . += 4;
    *f0.o(.text)
    FILL (0x12)
    *f1.o(.text)
    . += 1;
    FILL (0x23)
    *f2.o(.text)
    FILL (0x003456)
    . += 4;
    FILL (0x00004567000089ab0000cdef00000123)
    . += 8;
    LONG (0xdeadbeef)
    . += 12;
    FILL (0xABC)
    . += 5;
  } =0xcafebabe
}
EOF2
link_both -T long.ld f0.o f1.o f2.o
compare_outputs
