# -pie/-shared with a script that leaves the linker's sections to orphan placement: bfd's
# dynamic object holds them in its creation order (.dynamic before .hash; the x86 backend's
# .plt, .rela.plt, .got*, .dynbss, .data.rel.ro, .rela.bss, .rela.ifunc, .plt.got, PLT
# unwind info), and the empty ones still take their place and alignment: an empty .plt
# after .text moves the region's last section forward, so the next section's `.' moved
# backwards and its LMA stays its address.
cat > dso.s <<'EOF'
	.text
	.globl _start
_start:	call f
	ret
f:	ret
	.section .data.y,"aw"
	.quad _start
	.long 1
	.section .fini_array,"aw"
	.quad f
EOF
as_obj dso64.o --64 dso.s
as_obj dso32.o --32 <<'EOF'
	.text
	.globl _start
_start:	call f
	ret
f:	ret
	.section .data.y,"aw"
	.long _start, 1, 2
	.section .fini_array,"aw"
	.long f
EOF
cat > dso.ld <<'EOF'
sym1 = 1;
SECTIONS {
  . = 0x10000;
  .text : AT(0x810100) { *(.text) }
  .data.y : { *(.data.y) }
  .rodata 0x10200 : { *(.fini_array) }
  .bss 0x20200 : { *(.bss) }
}
EOF
for m in 64 32; do
	emu=elf_x86_64; [ $m = 32 ] && emu=elf_i386
	for kind in -pie "-shared -Bsymbolic"; do
		# shellcheck disable=SC2086
		link_both -m $emu $kind -T dso.ld dso$m.o --no-warn-rwx-segments
		compare_outputs
	done
done

# the dynamic relocations of a section /DISCARD/ takes are no dynamic relocations (bfd scans
# relocations after mapping): no .rela.dyn, no DT_RELA
echo 'SECTIONS { . = 0x400000; .text : { *(.text) } /DISCARD/ : { *(.data.y) } .rodata : { *(.fini_array) } }' > ddisc.ld
link_both -pie -T ddisc.ld dso64.o --no-warn-rwx-segments
compare_outputs
echo 'SECTIONS { . = 0x400000; .text : { *(.text) } /DISCARD/ : { *(.data.y) *(.fini_array) } }' > ddisc2.ld
link_both -pie -T ddisc2.ld dso64.o --no-warn-rwx-segments
compare_outputs
readelf -SW slink.out | grep -q '\.rela\.dyn' && fail "an empty .rela.dyn is left"

# .dynstr records a --defsym that follows -T after the script's assignments
link_both -shared -Bsymbolic -T dso.ld --defsym dsym=0x10 dso64.o --no-warn-rwx-segments
compare_outputs
link_both -shared -Bsymbolic --defsym dsym=0x10 -T dso.ld dso64.o --no-warn-rwx-segments
compare_outputs

# the map shows those orphan statements as GNU ld's does: one .eh_frame statement for both PLT
# unwind sections, .dynbss after the last writable section (its bfd type is none), the
# statements after the script's last section after LOAD and OUTPUT(), and no dynamic
# relocation section when there are no dynamic relocations
as_obj dm.o <<'EOF'
	.text
	.globl _start
_start:	ret
	.section .rodata,"a"
	.byte 1
	.section .note.my,"a",@note
	.long 0,0,0
	.data
	.long 2
EOF
echo 'SECTIONS { . = 0x1004000; .text : { *(.text) } .rodata ALIGN(0x80) : { *(.rodata) } . = ALIGN(0x1000) + (. & 0xfff); .data : { SQUAD(0x10000); *(.data) } }' > dm.ld
for kind in -pie -shared; do
	link_both $kind -T dm.ld dm.o -Map=map
	compare_outputs
	mv map slink.map
	ld.bfd $kind -T dm.ld dm.o -Map=bfd.map -o bfd2.out
	python3 "$TESTS/lib/mapcmp.py" bfd.map slink.map || fail "the maps differ ($kind)"
done
# the first object's COMMON section comes after the dynamic sections bfd attached to it
# (lang_common runs once all are loaded): a .bss holding only data is still read-only when
# .rela.dyn looks for the last read-only section to follow
as_obj cm.o <<'E'
	.text
	.globl f
f:	ret
	.section .rodata,"a"
	.long 1
	.data
	.quad f
	.comm cm,4,4
E
echo 'SECTIONS { .text : { *(.text) } .rodata : { *(.rodata) } .data : { *(.data) } .bss : { QUAD(0) } }' > cm.ld
link_both -shared -Bsymbolic -T cm.ld cm.o
compare_outputs
compare_warnings
# with no .bss statement, GNU ld looks one up for the commons as it places orphans: made
# then, its section goes last in bfd's list (never moved after another as an orphan is), here
# after the orphans of nm.o, a file the script names and so loads before cm2.o
as_obj cm2.o <<'E'
	.text
	.globl _start
_start:	ret
	.section .rodata.x,"a"
	.long 1
	.data
	.quad bdata
	.comm cm,100,4
E
as_obj nm.o <<'E'
	.section .rodata.b,"a"
	.long 5
	.data
	.globl bdata
bdata:	.long 6
E
make_archive nm.a nm.o
echo 'SECTIONS { .text : { } .data 0x400900 : { } .rodata : ONLY_IF_RO { nm.o(.rodata.a) } }' > nm.ld
link_both -shared --gc-sections -T nm.ld cm2.o nm.a
compare_outputs
# a section whose first statement is data and that got no input is read-only to bfd (whatever
# its name's flags show), so it joins a read-only PT_LOAD where a writable one would not
as_obj rw3.o <<'E'
	.text
	.globl _start
_start: ret
	.section .note.my,"a",@note
	.long 4,4,1
	.ascii "abc\0"
	.long 7
E
cat > rw3.ld <<'E'
SECTIONS {
  .note.my 0x1003000 : { *(.note.my) }
  .rodata : { *(.rodata) }
  . = DATA_SEGMENT_ALIGN(CONSTANT(MAXPAGESIZE), 0x1000);
  .data : { SQUAD(0x10000); }
}
E
link_both -pie --gc-sections -T rw3.ld rw3.o
compare_outputs
# a dynamic table PHDRS makes a note (here .hash, an orphan after a PT_NOTE section) fails the
# link when .dynamic is written, as in GNU ld
as_obj hn.o <<'E'
	.text
	.globl f
f:	ret
	.section .note.my,"a",@note
	.long 4,4,1
	.ascii "abc\0"
	.long 7
E
echo 'PHDRS { text PT_LOAD; note PT_NOTE; } SECTIONS { .text : { *(.text) } :text .note.my : { *(.note.my) } :text :note }' > hn.ld
expect_fail_both "section '.hash' is being made into a note" -shared -T hn.ld hn.o
expect_grep "final link failed: nonrepresentable section on output" "$WORK/fail.stderr"
# ... and so does DT_FINI_ARRAY pointing at a .fini_array made a note (the dynamic tables
# placed before the note here)
as_obj fn.o <<'E'
	.text
	.globl f
f:	ret
	.section .fini_array,"aw",@fini_array
	.quad 0
E
echo 'PHDRS { text PT_LOAD; note PT_NOTE; } SECTIONS { .text : { *(.text) } :text .dynsym : { *(.dynsym) } .dynstr : { *(.dynstr) } .hash : { *(.hash) } .gnu.hash : { *(.gnu.hash) } .data : { LONG(0) } :note .fini_array : { *(.fini_array) } }' > fn.ld
expect_fail_both "section '.fini_array' is being made into a note" -shared -T fn.ld fn.o
# GNU ld's mark-phase sizing pass still places the empty .plt (its input excluded only as the
# dynamic sections were sized), aligned as that input asked: `.` was unaligned in .hot then,
# the padding made it allocated (and NOBITS) for good
as_obj pl.o <<'E'
	.text
	.globl f
f:	.fill 25, 1, 0x90
	.section .rodata,"a"
	.long 2
	.data
	.long 1
E
echo 'SECTIONS { .text : { *(.text*) } . += 3; .hot : { *(.hot) . = ALIGN(4); } .rodata : { *(.rodata) } .data : { *(.data) } }' > pl.ld
link_both -shared -T pl.ld pl.o --no-warn-rwx-segments
compare_outputs
# the dynamic object's own .data.rel.ro (empty, stripped later) made .data.y first and gave it
# bfd's type for the name (PROGBITS): data orphans follow .data.y as the section of their kind
as_obj dy1.o <<'E'
	.text
	.globl f
f:	ret
	.section .mydata,"aw"
	.long 1
	.section .rodata,"a"
	.long 2
E
as_obj dy2.o <<'E'
	.section .data.y,"aw"
	.quad 3
E
echo 'SECTIONS { .text : { *(.text) } .rodata : { *(.rodata) } .data.y : ALIGN(128) { *dy1.o(.data.*) } .mybss : { *(.mybss) } }' > dy.ld
link_both -shared -Bsymbolic -T dy.ld dy1.o dy2.o --no-warn-rwx-segments
compare_outputs
# DT_INIT_ARRAY is there when the first .init_array bfd made got an input: here the script's
# (NOLOAD, only data) got none, and the orphan .init_array made after it does not count
as_obj ia1.o <<'E'
	.text
	.globl f
f:	ret
E
as_obj ia2.o <<'E'
	.section .init_array,"aw",@init_array
	.byte 1
E
echo 'SECTIONS { .text : { *(.text) } .init_array (NOLOAD) : { SQUAD(16); ia1.o(.init_array) } .data : { *(.data) } }' > ia.ld
link_both -shared -Bsymbolic -T ia.ld ia1.o ia2.o --no-warn-rwx-segments
compare_outputs
# ... named by the object's plain file name too (the dynamic sections are that object's)
sed 's/\*dy1\.o(/dy1.o(/' dy.ld > dyn.ld
link_both -shared -Bsymbolic -T dyn.ld dy1.o dy2.o --no-warn-rwx-segments
compare_outputs
