# Empty output sections leave the output, but where `.` goes after them follows GNU ld:
# - one nothing made (no input, no statement) is skipped, yet its address expression moves
#   `.` while sizing (a later `. `-addressed section sees it, the final assignments do not);
# - one made only by inputs that turned out empty is "ignored": `.` stays where it was;
# - one with a symbol assigned in it, or the last of an OVERLAY, is placed like any section
#   (its address, its alignment) and `.` ends there (GNU ld's update_dot);
# - one kept by a `.` assignment that moves nothing has no SEC_ALLOC: its name may give its
#   header SHF_ALLOC, but it does not move the memory region the next section starts from.
as_obj v.o <<'EOF2'
	.text
	.globl _start
_start:	nop
	.data
	.long 1
	.section .foo,"a"
	.long 2
	.section .nothing_here,"a"
EOF2
n=0
while IFS= read -r sec; do
	n=$((n + 1))
	echo "SECTIONS { .text 0x1000 : { *(.text) } $sec y = .; .data : { *(.data) } .d2 . : { *(.foo) } z = .; }" > e$n.ld
	link_both -T e$n.ld v.o --no-warn-rwx-segments
	compare_outputs
done <<'E'
.empty 0x5000 : { *(.nothing) }
.empty 0x5000 : { *(.nothing_here) }
.empty 0x5000 : { *(.nothing) x = 1; }
.empty : ALIGN(0x100) { x = 1; }
.empty : ALIGN(0x100) { *(.nothing_here) }
.empty 0x5000 : { LONG(0) } .e2 0x6000 : { x = 1; }
.empty 0x5000 : { x = 1; } .e2 : { x2 = 1; }
.empty 0x5000 : { x = 1; } .e2 : { *(.nothing) }
.empty 0x5000 : { PROVIDE(x = .); }
.empty 0x5000 : { PROVIDE(_start = .); }
.empty 0x5000 : { HIDDEN(x = 1); }
.data 0x5000 : { x = 1; }
OVERLAY 0x7000 : { .o1 { *(.text.none) } .o2 { *(.nothing) } }
OVERLAY 0x7000 : { .o1 { *(.foo) } .o2 { *(.nothing) } }
OVERLAY 0x7000 : { .o1 { *(.nothing) } .o2 { *(.foo) } }
E
# (without a top-level assignment after it, which would set the region to `.`)
for sec in '.rodata.a ALIGN(0x1000) : { . = ALIGN(1); }' '.data 0x5000 : { . = ALIGN(1); }'; do
	echo "SECTIONS { .text 0x1000 : { *(.text) } $sec .d2 : { *(.data) } }" > r.ld
	link_both -T r.ld v.o --no-warn-rwx-segments
	compare_outputs
done
# .note.GNU-stack is an orphan like any other (an empty one, left out of the output), and
# GNU ld gives a non-allocated orphan the address 0: after the non-allocated section it is
# placed behind, `.` is 0 while sizing, which a `.`-relative address sees
as_obj ns.o <<'EOF2'
	.text
	.globl _start
_start:	nop
	.section .mynonalloc,""
	.long 1
	.bss
	.zero 4
	.section .note.GNU-stack,"",@progbits
EOF2
echo 'SECTIONS { . = 0x10000; .text : { *(.text) } .info 0x10100 : { *(.mynonalloc) } .bss ALIGN(0x40) : { *(.bss) } }' > ns.ld
link_both -T ns.ld ns.o --no-warn-rwx-segments
compare_outputs
link_both -T ns.ld ns.o --no-warn-rwx-segments --orphan-handling=warn
compare_outputs
compare_warnings
# GNU ld decides emptiness after one sizing pass at the real addresses: an input that is empty
# but needs padding there (SUBALIGN, an address its alignment does not fit) keeps its section,
# even when later passes align the section and the padding goes (a NOLOAD one stays NOBITS and
# the orphan of the same name it turned away gets its own section)
as_obj pad.o <<'EOF2'
	.text
	.globl _start
_start:	nop
	.section .foo,"aw"
	.p2align 4
	.section .bar,"aw"
	.p2align 4
	.data
EOF2
as_obj pad2.o <<'EOF2'
	.data
	.long 1
EOF2
n=0
while IFS= read -r sec; do
	n=$((n + 1))
	echo "SECTIONS { .text 0x1000 : { *(.text) } $sec .bss : { *(.bss) } }" > p$n.ld
	link_both -T p$n.ld pad.o pad2.o --no-warn-rwx-segments
	compare_outputs
done <<'E'
.foo 0x2001 : { *(.foo) }
.foo 0x2000 : { *(.foo) }
.data (NOLOAD) : SUBALIGN(16) { EXCLUDE_FILE(pad2.o) *(.data) }
.data (NOLOAD) : { EXCLUDE_FILE(pad2.o) *(.data) }
.data : SUBALIGN(32) { pad.o(.data) } .bar : SUBALIGN(64) { *(.bar) }
E
# ADDR/LOADADDR of an empty section in an address expression: known once bfd made it (an
# input, FILL, or being named by a made section's address), a forward reference when the
# naming section is itself never made and nothing else made it
as_obj al.o <<'EOF2'
	.text
	.globl _start
_start:	ret
	.section .foo,"aw"
	.long 1
EOF2
n=0
while IFS='|' read -r body bar; do
	n=$((n + 1))
	echo "SECTIONS { .text 0x1000 : { *(.text) } .dx 0x2000 : { $body } .bar (LOADADDR(.dx) == 5 ? 0x3000 : ADDR(.dx) + 0x2000) : { $bar } .foo : { *(.foo) } }" > a$n.ld
	link_both -T a$n.ld al.o --no-warn-rwx-segments
	compare_outputs
done <<'E'
FILL(0x90)|*(.nothing2)
FILL(0x90)|*(.foo)
*(.nothing)|*(.foo)
E
echo "SECTIONS { .text 0x1000 : { *(.text) } .dx 0x2000 : { *(.nothing) } .bar (LOADADDR(.dx) == 5 ? 0x3000 : 0x4000) : { *(.nothing2) } .foo : { *(.foo) } }" > a0.ld
expect_fail_both 'non constant or forward reference address expression for section \.bar' -T a0.ld al.o
# a symbol of a removed section goes to a nearby kept one by bfd's flags: a section only `.`
# moved in is allocated (SEC_ALLOC) without contents, so a non-allocated neighbour wins
as_obj nb.o <<'EOF2'
	.text
	.globl _start
_start:	nop
	.section .na,""
	.long 1
EOF2
echo 'SECTIONS { .text 0x1000 : { *(.text) } .pad : { . = . + 0x10; } .gone : { s = 2; *(.nothing) } .na 0 : { *(.na) } }' > nb.ld
link_both -T nb.ld nb.o --no-warn-rwx-segments
compare_outputs
# an output section whose KEEP pattern matched an input stays, even when every input is
# empty: KEEP gives the inputs SEC_KEEP before mapping and the output section inherits it
printf '\t.text\n\t.globl _start\n_start: ret\n\t.section .e,"a"\n\t.section .f,"aw"\n' > ke.s
as_obj ke.o ke.s
for body in '.e : { KEEP(*(.e)) }' '.e : { *(.e) }' '.e : { KEEP(*(.e)) } .f : { KEEP(*(.f)) } .g : { KEEP(*(.nomatch)) }'; do
	echo "SECTIONS { .text 0x1000 : { *(.text) } $body .d : { LONG(1) } }" > ke.ld
	link_both -T ke.ld ke.o --no-warn-rwx-segments
	compare_outputs
done
# the symbol of a removed section goes to the nearby section GNU ld picks by flags: an INFO
# section with allocated inputs keeps SEC_LOAD, so it wins over the code before it
printf '\t.text\n\t.globl _start\n_start: ret\n\t.section .myro,"a"\n\t.long 1\n' > inf.s
as_obj inf.o inf.s
echo 'SECTIONS { .text : { *(.text) } .gone : { *(.nothing) s1 = .; } .info (INFO) : { *(.myro) } }' > inf.ld
link_both -T inf.ld inf.o --no-warn-rwx-segments
compare_outputs
# ... and .text is read-only to GNU ld even when nothing went into it: an empty section between
# an emptied .text and .bss gives its symbol to .bss
printf '\t.section .text.gone,"ax"\n\t.globl g\ng: ret\n\t.bss\n\t.zero 8\n' > ro.s
as_obj ro.o ro.s
echo 'SECTIONS { .text : { . = . + 0x10; *(.text.gone) } .e : { s6 = .; *(.nothing) } .bss 0x2000 : { KEEP(*(.bss)) } }' > ro.ld
link_both -T ro.ld --gc-sections -e 0 ro.o --no-warn-rwx-segments
compare_outputs
# an output with no section left (everything collected, the overlay's members emptied) has no
# program headers, so SIZEOF_HEADERS is the ELF header alone in the last pass (fuzz seed 7078)
cat > none.s <<'E'
	.text
	.balign 8
	.globl f0_text
	.type f0_text,@function
f0_text:
	.globl _start
_start:
	nop
	ret
	call f0_text
	nop
	ret
	.section .mydata,"aw",@progbits
	.globl f0_mydata
f0_mydata:
	.long 0xd5bd39df
	.long 0xddc5efc9
	.long 0xd8bcba0b
	.byte 76
	.section .rodata.b,"a",@progbits
	.p2align 4
	.globl f0_rodata_b
f0_rodata_b:
	.long 0x4e45482c
	.long f0_mydata
	.long f0_text
	.section .data.y,"aw",@progbits
	.p2align 0
	.globl f0_data_y
f0_data_y:
	.byte 203
	.section .note.GNU-stack,"",@progbits
E
as_obj none.o --32 none.s
cat > none.ld <<'E'
sym1 = ABSOLUTE(~0x100 <= CONSTANT(COMMONPAGESIZE) ? 0x1 : SIZEOF_HEADERS);
SECTIONS
{
  . = 0x1000000;
  .text 0x1000100 : AT(0x1810100) ONLY_IF_RO
  {
    *(.text*)
  }
  sym2 = 16;
sym2 -= 3;
  OVERLAY 0x1011100 :  AT (0x1911900)
  {
    .data.y { *(.data.y) sym3 = .; }
    .mydata { *(.mydata) }
  } 
  .rodata :
  {
    *(.rodata.*)
  }
  .comment 0 : { *(.comment) }
}
E
link_both -m elf_i386 -T none.ld --gc-sections none.o
compare_outputs

# A removed section's symbols go to a kept neighbour in bfd's section list, which is creation
# order: ADDR(.gone) in .a makes .gone right after .a, so its neighbours are .a and .b (.b
# wins), not the statements around it (.c, not allocated, and .d).
cat > gone.s <<'E'
	.text
	.globl _start
_start:	nop
	.data
	.long 1
	.section .c,"",@progbits
	.long 2
	.section .rodata,"a"
	.long 3
E
as_obj gone.o gone.s
cat > gone.ld <<'E'
SECTIONS {
  .a : { *(.text) x = ADDR(.gone); }
  .b : { *(.data) }
  .c (INFO) : { *(.c) }
  .gone 0x21000 : { s = 8; }
  .d : { *(.rodata) }
}
E
link_both -T gone.ld gone.o --no-warn-rwx-segments
compare_outputs

# An empty NOLOAD section kept by a `.` assignment that does not move `.` is not allocated, so
# bfd types it PROGBITS (NOBITS needs SEC_ALLOC); `.` moving or a data statement allocates it.
cat > nl.s <<'E'
	.text
	.globl _start
_start:	.byte 1, 2, 3, 4, 5
	.data
	.long 1
E
as_obj nl.o nl.s
n=0
for body in '. = ALIGN(., 8);' '. += 4;' 'LONG(1)' '. = ALIGN(., 8); x = 1;'; do
	n=$((n + 1))
	for name in .other .bss; do
		cat > nl$n.ld <<E
SECTIONS {
  . = 0x400000;
  .text : { *(.text) }
  $name (NOLOAD) : ALIGN(4) { $body *(.nothing) }
  .d : { *(.data) }
}
E
		link_both -T nl$n.ld nl.o --no-warn-rwx-segments
		compare_outputs
	done
done

# Between two kept sections of the same kind, each symbol of a removed section goes by its
# own address: to the section after it from that one's address on, else to the one before.
cat > nb.s <<'E'
	.text
	.globl _start
_start:	nop
	.data
	.quad 1
	.section .d2,"aw"
	.quad 2
E
as_obj nb.o nb.s
cat > nb.ld <<'E'
SECTIONS {
  .text 0x1000 : { *(.text) }
  .data 0x2000 : { *(.data) }
  .gone 0x2800 : { lo = 0x10; hi = 0x1000; mid = 0x7ff; at = 0x800; }
  .d2 0x3000 : { *(.d2) }
}
E
link_both -T nb.ld nb.o
compare_outputs
link_both -r -T nb.ld nb.o
compare_outputs

# An ASSERT outside the sections is an assignment statement to GNU ld: like any, it sets the
# default region's position from `.', here the address of a section never made, where the
# next section without an address then starts.
cat > as.s <<'E'
	.text
	.globl _start
_start:	nop
	.section .rodata,"a"
	.quad 1
E
as_obj as.o as.s
for mid in 'ASSERT(1, "a")' 'x = 1;' ''; do
	echo "SECTIONS { .text : { *(.text) } .foo 0x5000 : { } $mid .bar : { *(.rodata) } }" > as.ld
	link_both -T as.ld as.o
	compare_outputs
done
# CREATE_OBJECT_SYMBOLS makes no symbols for ELF, but GNU ld makes its section and marks it
# SEC_KEEP: it stays when empty (also with -r, and when --gc-sections took its input);
# CONSTRUCTORS makes nothing
as_obj cos.o <<'E'
	.text
	.globl _start
_start:	ret
	.data
	.quad 1
E
for body in '.foo : { CREATE_OBJECT_SYMBOLS }' '.data.y : { CREATE_OBJECT_SYMBOLS *(.data) }' \
	'.foo : { CONSTRUCTORS }' '.foo : { CREATE_OBJECT_SYMBOLS *(.nothing) } .bar : { CONSTRUCTORS *(.data) }'; do
	echo "SECTIONS { .text 0x1000 : { *(.text) } $body .bss : { *(.bss) } }" > cos.ld
	for opt in "" -r --gc-sections; do
		link_both $opt -T cos.ld cos.o
		compare_outputs
	done
done
# ... where it stands in the script: a section an ADDR() names later does not make it later
# (the section list keeps the script's order)
echo 'SECTIONS { .text 0x1000 : { *(.text) } .foo : { CREATE_OBJECT_SYMBOLS *(.nothing) } .data : { *(.data) } x = ADDR(.foo); }' > cos2.ld
link_both -T cos2.ld cos.o
compare_outputs
# ... made there without SEC_READONLY: data after it leaves the section writable (before it,
# read-only), which also decides where an orphan of writable data goes
for body in 'CREATE_OBJECT_SYMBOLS SHORT(0x2000);' 'SHORT(0x2000); CREATE_OBJECT_SYMBOLS'; do
	echo "SECTIONS { . = 0x1000 + SIZEOF_HEADERS; .text : { *(.text) } .rodata 0x3000 : { $body } .data.x : { *(.nothing) } }" > cos3.ld
	for opt in "" -pie; do
		link_both $opt -T cos3.ld cos.o
		compare_outputs
	done
done
