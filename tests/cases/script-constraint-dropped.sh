# Symbols assigned in an output section that its ONLY_IF_RO / ONLY_IF_RW constraint dropped:
# GNU ld still runs the assignments at the current `.`, relative to *UND*.  A plain number or
# `.` defined there stays out of .symtab (unless -u or the entry names it) yet resolves
# relocations and expressions; a copy made elsewhere shows as UND with the value; ABSOLUTE()
# and section-relative values are ordinary symbols.
as_obj d.o <<'EOF2'
	.text
	.globl _start
_start:	nop
	.quad s_dot
	.quad s_num
	.quad p1
	.data
	.long 1
EOF2
cat > drop.ld <<'EOF2'
SECTIONS {
  .text : { *(.text) }
  .ro : ONLY_IF_RO { s_num = 0x1234; s_dot = .; s_abs = ABSOLUTE(.); s_rel = ADDR(.text) + 4;
                     s_sym = _start + 2; s_x = 5; *(.data) }
  .ro2 : ONLY_IF_RO { d_copy = s_num; d_dot = s_dot; PROVIDE(p1 = 7); *(.data) }
  use_num = s_num + 1;
  use_dot = s_dot;
  use_abs = s_abs;
  c4 = s_dot + 0;
  c5 = ABSOLUTE(s_dot);
  .data : { *(.data) c6 = s_dot; c7 = s_num; }
  ASSERT(s_num == 0x1234, "s_num")
}
EOF2
link_both -T drop.ld d.o --no-warn-rwx-segments
compare_outputs
link_both -T drop.ld d.o --no-warn-rwx-segments -u s_x -e s_dot
compare_outputs
# -r keeps them all (as UND symbols)
link_both -r -T drop.ld d.o
compare_outputs
# an orphan goes before a dropped section, as bfd has no section for it
as_obj o.o <<'EOF2'
	.text
	.globl _start
_start:	nop
	.section .orph,"a"
	.long 9
	.data
	.long 1
EOF2
cat > orph.ld <<'EOF2'
SECTIONS {
  .text : { *(.text) }
  . = ALIGN(0x100);
  .ro : ONLY_IF_RO { here = .; *(.data) }
  .data : { *(.data) }
}
EOF2
link_both -T orph.ld o.o --no-warn-rwx-segments
compare_outputs
# INSERT in a second -T script, after one with a dropped section: GNU ld finds no section
# to insert after (the first script replaced the default one); slink once crashed here
cat > ins.ld <<'EOF2'
SECTIONS { .extra : { LONG(1) } } INSERT AFTER .text;
EOF2
expect_fail_both '.text not found for insert' -T orph.ld -T ins.ld o.o
# a constrained section whose patterns match nothing (or that has none) counts as read-only:
# ONLY_IF_RW drops it, ONLY_IF_RO keeps it
for sc in 'SECTIONS { .text : { *(.text) } .rw : ONLY_IF_RW { x = .; } .data : { *(.data) } }' \
	  'SECTIONS { .text : { *(.text) } .data : ONLY_IF_RW { *(.none) } . = ALIGN(0x80); .d2 : { *(.data) } }' \
	  'SECTIONS { .text : { *(.text) } .ro : ONLY_IF_RO { *(.none) y = 1; } .data : { *(.data) } }'; do
	echo "$sc" > none.ld
	link_both -T none.ld o.o --no-warn-rwx-segments
	compare_outputs
done
# a non-allocated orphan goes after the last output section statement, a dropped one or
# /DISCARD/ included (bfd made no section for them); with -r it is at 0 and `.` ends there
as_obj na.o <<'EOF2'
	.section .init_array,"aw",@init_array
	.long 1
	.section .na,""
	.long 2
	.section .note.GNU-stack,"",@progbits
EOF2
for sc in 'SECTIONS { .init_array : ALIGN(0x200) { *(.init_array) } .note.my 0x412100 : ONLY_IF_RW { sym1 = .; } }' \
	  'SECTIONS { .init_array : ALIGN(0x200) { *(.init_array) } /DISCARD/ : { *(.nothing) } sym1 = .; }'; do
	echo "$sc" > na.ld
	for r in -r ""; do
		link_both $r -T na.ld na.o --no-warn-rwx-segments
		compare_outputs
	done
done

# A dropped section's data statements still move `.` for the assignments after them.
cat > dd.s <<'EOF'
	.text
	.globl _start
_start:	nop
	.section .rodata,"a"
	.quad s1, s2, s3
EOF
as_obj dd.o dd.s
cat > dd.ld <<'EOF'
SECTIONS {
  . = 0x100000;
  .text : ONLY_IF_RW { s1 = .; BYTE(1) s2 = .; LONG(2) QUAD(3) SHORT(4) s3 = .; *(.text) }
  .rodata : { *(.rodata) }
}
EOF
link_both -T dd.ld dd.o
compare_outputs
# ... and their expressions are folded: SIZEOF_HEADERS there asks for loaded headers, an
# undefined symbol there is an error
printf '\t.text\n\t.globl _start\n_start:\tnop\n\t.section .rodata,"a"\n\t.quad 8\n' > ddh.s
as_obj ddh.o ddh.s
echo 'SECTIONS { . = 0x400000; .text : ONLY_IF_RW { LONG(SIZEOF_HEADERS) *(.text) } .rodata : { *(.rodata) } }' > dd2.ld
link_both -T dd2.ld ddh.o
compare_outputs
echo 'SECTIONS { . = 0x100000; .text : ONLY_IF_RW { LONG(undefined_in_data) *(.text) } .rodata : { *(.rodata) } }' > dd3.ld
expect_fail_both "undefined symbol \`undefined_in_data' referenced in expression" -T dd3.ld ddh.o
# ONLY_IF_RO/RW look at every section the patterns match: INPUT_SECTION_FLAGS only decide
# whether the rule takes one (here the section kept by its writable input stays, empty)
as_obj isf.o <<'EOF2'
	.text
	.globl _start
_start: ret
	.data
	.quad 2
EOF2
for sc in 'SECTIONS { .text : { *(.text) } .d : ONLY_IF_RW { INPUT_SECTION_FLAGS(!SHF_ALLOC) *(.data) . += 0; } .e : { *(.data) } }' \
	'SECTIONS { .text : { *(.text) } .d : { INPUT_SECTION_FLAGS(SHF_EXECINSTR) *(.data) } .e : ONLY_IF_RO { *(.data) } .f : { *(.data) } }'; do
	echo "$sc" > isf.ld
	link_both -T isf.ld isf.o --no-warn-rwx-segments
	compare_outputs
done
# HIDDEN() in a statement its constraint dropped still makes the symbol local, but GNU ld never
# records the assignment, so a copy of it keeps default visibility
echo 'SECTIONS { .text : { *(.text) } .d : ONLY_IF_RO { *(.data) HIDDEN(h7 = 5); } s8 = -h7; s9 = h7; .e : { *(.data) } }' > hid.ld
link_both -T hid.ld isf.o --no-warn-rwx-segments
compare_outputs
# a copy of a symbol such a statement defines (in *UND*): a global copy shows as UND, a
# HIDDEN() one, local, is stripped
echo 'SECTIONS { .text : { *(.text) } .d : ONLY_IF_RO { *(.data) u4 = 3; } .e : { *(.data) HIDDEN(c6 = u4); g6 = u4; } }' > ucp.ld
link_both -T ucp.ld isf.o --no-warn-rwx-segments
compare_outputs
# --gc-sections marks the globals a kept section's relocations name: marked, such a symbol
# stays in .symtab (as GNU ld keeps marked symbols defined in *UND*); one only an unkept
# section names is still stripped
as_obj gcm.o <<'EOF2'
	.text
	.globl _start
_start:	nop
	.quad s_dot
	.section .text.unused,"ax",@progbits
	.quad s_num
	.data
	.long 1
EOF2
link_both -T drop.ld gcm.o --no-warn-rwx-segments --gc-sections -e _start
compare_outputs
# a dropped statement whose section an earlier LOADADDR made (an unused PROVIDE's will do):
# its assignments run from that empty section's address, relative to it, `.` moving inside
as_obj gh.o <<'EOF2'
	.text
	.globl _start
_start: ret
	.section .data.rel.ro,"aw"
	.long 1
	.data
	.long 2
EOF2
cat > gh.ld <<'EOF2'
PROVIDE(x = LOADADDR(.ro));
SECTIONS {
  . = 0x10000;
  .text : { *(.text) }
  .ro 0x20000 : ONLY_IF_RO { s7 = 5; *(.data.rel.ro) HIDDEN(s8 = 3); . = ALIGN(16); s9 = .; }
  .data : { *(.data) }
  after = .;
}
EOF2
link_both -T gh.ld gh.o --no-warn-rwx-segments
compare_outputs
# a shared object exports what the script assigns, but not what only a dropped statement does
# (GNU ld never records those assignments); one also assigned elsewhere is exported
as_obj so.o <<'EOF2'
	.text
	.globl f
f:	ret
	.data
	.long 1
EOF2
echo 'SECTIONS { .text : { *(.text) } .ro : ONLY_IF_RO { sd = .; sx = 5; both = 1; *(.data) } .data : { *(.data) } live = 2; both = 3; }' > so.ld
link_both -shared -Bsymbolic -T so.ld so.o --no-warn-rwx-segments
compare_outputs
readelf --dyn-syms -W "$WORK/bfd.out" | grep -q ' live$' || fail "the test expects live in ld.bfd's .dynsym"
# ... but one an object mentions was made dynamic when that object was loaded: it stays in
# .dynsym (and so in .symtab), undefined, with the value the dropped statement gave it
as_obj soref.o <<'EOF2'
	.text
	.globl g
g:	ret
	.data
	.quad sd
EOF2
link_both -shared -Bsymbolic -T so.ld so.o soref.o --no-warn-rwx-segments
compare_outputs
# DEFINED of a symbol only a dropped statement assigns: true for later assignments, false for a
# section address (GNU ld's sizing passes never run the dropped statement)
as_obj dd.o <<'EOF2'
	.text
	.globl _start
_start: ret
	.section .mycode,"ax",@progbits
	nop
EOF2
echo 'SECTIONS { .text 0x11000 : { *(.text) } .mycode : ONLY_IF_RW { *(.mycode) s2 = .; } .other (DEFINED(s2) ? ADDR(.text) : ALIGN(0x10)) : { LONG(1) } x = DEFINED(s2) ? 1 : 2; }' > dd.ld
link_both -T dd.ld dd.o --no-warn-rwx-segments
compare_outputs
# GNU ld folds the address, AT(), ALIGN() and SUBALIGN() only of a statement its constraint
# kept: a PROVIDE only a dropped one's names is not defined, one a kept one's names is
as_obj pa.o <<'EOF2'
	.text
	.globl _start
_start:	nop
	.data
	.long 1
EOF2
cat > pa.ld <<'EOF2'
PROVIDE_HIDDEN(pa = 0x100);
PROVIDE(pb = 0x8000);
PROVIDE(pc = 0x40);
SECTIONS {
  .text : { *(.text) }
  .ro (pa + 0x10) : AT(pc) ONLY_IF_RO { *(.data) }
  .rw (pb) : ONLY_IF_RW { *(.data) }
}
EOF2
link_both -T pa.ld pa.o --no-warn-rwx-segments
compare_outputs
# (-r sizes once: there GNU ld would find pb, first named in that pass, still undefined)
sed 's/(pb)/(0x8000)/' pa.ld > par.ld
link_both -r -T par.ld pa.o
compare_outputs
# making a section reads its AT() (GNU ld's exp_init_os): an ADDR() there makes the section it
# names before that one's constraint is checked, so the dropped statement stays as an empty
# section of its name's type (entry size included), and a `.' assignment in it is fine
as_obj at.o <<'EOF2'
	.text
	.globl _start
_start:	ret
	.section .init_array,"aw",@init_array
	.quad 1
	.section .preinit_array,"aw",@preinit_array
	.quad 2
EOF2
echo 'SECTIONS { .text 0x110000 : { *(.text) } .init_array 0x110800 : AT(ADDR(.preinit_array) + 0x100) { *(.init_array) } .preinit_array : ONLY_IF_RO { *(.preinit_array) . = ALIGN(0x20); } }' > at.ld
link_both -T at.ld at.o --no-warn-rwx-segments
compare_outputs
