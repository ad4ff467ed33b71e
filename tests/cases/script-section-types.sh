# An output section's type, alignment and entry size as bfd gives them: the first input's type
# (NOTE before PROGBITS stays NOTE, and gets a PT_NOTE with the notes' flags), NOBITS turned
# PROGBITS by contents or data statements (with GNU ld's warning), a type of its own by name
# (.init_array, entsize the word size), and SUBALIGN raising the section's alignment.  A
# section that INFO/COPY/DSECT/OVERLAY keeps out of memory still shows the SHF_ALLOC its name
# has in bfd's table (.rodata, .tbss, .data), unless an input reset its flags.  NOLOAD makes a
# section with inputs NOBITS whatever its name; the entry size follows the type bfd had for it
# (the name's, or the first input's when copied), not the inputs' own.
cat > b.s <<'E'
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
	.section .ctors,"aw"
	.quad 0
	.section .mybss,"aw",@nobits
	.zero 3
E
as_obj b.o --64 b.s
as_obj b32.o --32 b.s
n=0
while IFS= read -r script; do
	n=$((n + 1))
	echo "$script" > s$n.ld
	link_both --no-warn-rwx-segments -T s$n.ld b.o
	compare_outputs
	compare_warnings
	link_both --no-warn-rwx-segments -m elf_i386 -T s$n.ld b32.o
	compare_outputs
	compare_warnings
	if grep -q 'type changed' bfd.stderr; then
		grep -q "warning: section \`.bss' type changed to PROGBITS" slink.stderr || fail "no type-change warning"
	fi
done <<'E'
SECTIONS { .text 0x1000 : { *(.text) } .foo : { *(.note.my) *(.myro) } }
SECTIONS { .text 0x1000 : { *(.text) } .foo : { *(.note.my) *(.data) } }
SECTIONS { .text 0x1000 : { *(.text) } .init_array : { *(.ctors) *(.ia) } .d : { *(.data) } }
SECTIONS { .text 0x1000 : { *(.text) } .foo : { LONG(1) *(.note.my) } .bar : { SHORT(1) *(.myro) } }
SECTIONS { .text 0x1000 : { *(.text) } .bss : { *(.mybss) *(.data) } }
SECTIONS { .text 0x1000 : { *(.text) } .bss : { *(.mybss) LONG(0) } }
SECTIONS { .text 0x1000 : { *(.text) } .data : SUBALIGN(0x40) { *(.data) *(.myro) } .bss : SUBALIGN(32) { *(.mybss) } }
SECTIONS { .text 0x1000 : { *(.text) } .data (NOLOAD) : { *(.ia) } .init_array (NOLOAD) : { *(.ctors) } .dynamic (NOLOAD) : { LONG(1) } .fini_array : { LONG(2) } .d2 (READONLY) : { *(.data) } }
SECTIONS { .text 0x1000 : { *(.text) } .rodata 0x2002 (INFO) : { SHORT(1) } .tbss (COPY) : { LONG(1) } .data (DSECT) : { . += 4; } .bss (OVERLAY) : { } }
E
# bfd takes an output section's type from its first input even when that is .note.GNU-stack,
# excluded only later: the notes after it make a PROGBITS section (and no PT_NOTE)
as_obj sn-stack.o <<'E2'
	.text
	.globl _start
_start:	nop
	.section .note.GNU-stack,"",@progbits
E2
as_obj sn-note.o <<'E2'
	.section .note.my,"a",@note
	.balign 4
	.long 4, 4, 1
	.ascii "GNU\0"
	.long 7
E2
echo 'SECTIONS { .text : { *(.text) } .notes : { *(.note.*) } }' > sn.ld
link_both -T sn.ld sn-stack.o sn-note.o
compare_outputs
link_both -T sn.ld sn-note.o sn-stack.o
compare_outputs
# it is an ordinary empty input: SUBALIGN aligns it too, padding the section after the notes
echo 'SECTIONS { .text : { *(.text) } .notes : SUBALIGN(64) { *(.note.*) } }' > sn64.ld
link_both -T sn64.ld sn-note.o sn-stack.o
compare_outputs
# an orphan joining an output section by name can take its entsize away
as_obj ent.o <<'E2'
	.text
	.globl _start
_start:	nop
	.section .rodata.cst8,"aM",@progbits,8
	.quad 1
	.quad 2
	.section .rodata,"a"
	.balign 2
	.byte 1
E2
echo 'SECTIONS { .text : { *(.text) } .rodata : { *(.rodata.cst8*) } }' > ent.ld
link_both -T ent.ld ent.o
compare_outputs
# bfd makes an output section early when an expression walked before it names it in ADDR or
# LOADADDR; section headers keep that creation order
cat > early.ld <<'E2'
first = ADDR(.late);
SECTIONS { .text : { *(.text) } .mid : { LONG(LOADADDR(.late2)) } .late : { *(.rodata*) }
  .late2 : { *(.data) } }
E2
link_both -T early.ld ent.o --no-warn-rwx-segments
compare_outputs
# a section given nothing but a moved `.` is NOBITS whatever its name, and keeps the entry
# size its name's type gives (bfd's elf_fake_sections)
for n in .init_array .fini_array .preinit_array .note.x .dynamic .ctors .comment .text; do
	echo "ENTRY(_start) SECTIONS { .text : { *(.text) } $n : { . = ALIGN(0x400); } .c : { LONG(1) } }" > dotonly.ld
	link_both -T dotonly.ld ent.o --no-warn-rwx-segments
	compare_outputs
done
# a section's address, AT, ALIGN and SUBALIGN are folded only while sizing: SIZEOF and
# ALIGNOF of a section that does not exist are 0 there, not an error
cat > nosuch.ld <<'E2'
SECTIONS { .text : { *(.text) } .rodata (ALIGNOF(.nosuch) + 0x800) : { *(.rodata*) }
  .data (SIZEOF(.nosuch) + 0x1000) : AT(SIZEOF(.nope) + 0x2000) SUBALIGN(ALIGNOF(.nix)) { *(.data) } }
E2
link_both -T nosuch.ld ent.o --no-warn-rwx-segments
compare_outputs
# ... but an orphan named so is made only when orphans are placed
echo 'first = ADDR(.rodata); SECTIONS { .text : { *(.text) } .d : { *(.data) } }' > early-orphan.ld
link_both -T early-orphan.ld ent.o --no-warn-rwx-segments
compare_outputs
# NOLOAD inputs lose their contents: an allocated section is NOBITS, a non-allocated one is
# PROGBITS with file space left zero, or the special type its name has (bfd's default type)
cat > nla.s <<'E2'
	.text
	.globl _start
_start:	ret
	.section .mynonalloc,"",@progbits
	.long 0xb3b09efb
	.section .other,"",@progbits
	.long 0x11223344
	.section .al,"a",@progbits
	.long 0x55667788
E2
as_obj nla.o nla.s
cat > nla.ld <<'E2'
SECTIONS { .text 0x20000 : { *(.text) } .mynonalloc (NOLOAD) : { *(.mynonalloc) }
  .init_array (NOLOAD) : AT(0x821900) { *(.other) x = .; } .al (NOLOAD) : { *(.al) } .z : { LONG(1) } }
E2
link_both -T nla.ld nla.o --no-warn-rwx-segments
compare_outputs
# ... and a non-allocated one that `.` moving makes allocated is NOBITS too
echo 'SECTIONS { .text 0x20001 : { *(.text) } .mynonalloc (NOLOAD) : { . = ALIGN(0x20); *(.mynonalloc) } .z : { LONG(1) } }' > nla2.ld
link_both -T nla2.ld nla.o --no-warn-rwx-segments
compare_outputs
# ALIGNOF of a statement bfd made no section for (no input, no statement, not named by ADDR)
# is 0; named or given a statement it is the section's alignment
for b in '.t2 : SUBALIGN(0x40) { *(.nomatch) }' '.t2 (NOLOAD) : { *(.nomatch) }' \
	'.t2 : { *(.nomatch) } z = ADDR(.t2);' '.t2 : ALIGN(16) { *(.nomatch) . = ALIGN(4); }'; do
	echo "SECTIONS { .text 0x1000 : { *(.text) } $b x = ALIGNOF(.t2); y = SIZEOF(.t2); }" > alof.ld
	link_both -T alof.ld ent.o
	compare_outputs
done

# A section made first by its data statement is read-only; one an earlier LOADADDR/ADDR made
# already (flags 0) stays writable: the data statement adds no SEC_READONLY.
cat > ro.s <<'E'
	.text
	.globl _start
_start:	nop
E
as_obj ro.o ro.s
for pre in 'x = LOADADDR(.rodata);' ''; do
	echo "SECTIONS { .text : { *(.text) $pre } .rodata : { SQUAD(0x10000) *(.rodata) } }" > ro.ld
	link_both -T ro.ld ro.o
	compare_outputs
done
# under PHDRS a NOLOAD section without a :phdr of its own is in no segment (lang_record_phdrs),
# so nothing makes it NOBITS: a name with a type of its own keeps it
as_obj fa.o <<'E'
	.text
	.globl _start
_start:	ret
	.section .fini_array,"aw"
	.quad 0
E
for sc in 'PHDRS { text PT_LOAD; } SECTIONS { . = 0x10800; .text : { *(.text) } :text .fini_array 0x22053 (NOLOAD) : { *(.fini_array) } }' \
	'PHDRS { text PT_LOAD; data PT_LOAD; } SECTIONS { . = 0x10800; .text : { *(.text) } :text .fini_array 0x22053 (NOLOAD) : { *(.fini_array) } :data }'; do
	echo "$sc" > fa.ld
	link_both -T fa.ld fa.o
	compare_outputs
done
# NOLOAD with inputs and `.` moved: NOBITS once a PT_LOAD holds it; -r has no segments, so a
# name with a type of its own (.fini_array) keeps it there
as_obj fa.o <<'E'
	.text
	.globl _start
_start: ret
	.section .fini_array,"aw",@fini_array
	.quad 0
E
for n in .fini_array .foo; do
	echo "SECTIONS { $n 0x1000 (NOLOAD) : { . = . + 3; *(.fini_array) } }" > fa.ld
	link_both -r -T fa.ld fa.o
	compare_outputs
	link_both -T fa.ld fa.o
	compare_outputs
done
# a section with a type of its own by name that gets only bss (commons here) has no contents:
# its PT_LOAD makes it NOBITS (not with -r, which has no segments)
as_obj pc.o <<'E'
	.text
	.globl _start
_start: ret
	.comm cc,100,8
E
echo 'SECTIONS { .text : { *(.text) } .preinit_array : { *(COMMON) } }' > pc.ld
link_both -T pc.ld pc.o --no-warn-rwx-segments
compare_outputs
link_both -r -T pc.ld pc.o
compare_outputs
# GNU ld relocates nothing in an ELF NOLOAD section (it has no contents): an undefined symbol
# only such a section refers to is no error, and stays out of .symtab
as_obj nlu.o <<'EOF2'
	.text
	.globl _start
_start:	ret
	.data
	.quad undefined_x
EOF2
echo 'SECTIONS { .text : { *(.text) } .data (NOLOAD) : { *(.data) } }' > nlu.ld
link_both -T nlu.ld nlu.o --no-warn-rwx-segments
compare_outputs
expect_fail_both "undefined reference to .undefined_x'" -T nlu.ld nlu.o --oformat binary
# -r: a NOLOAD section made only by data keeps the type bfd's table gives its name (.rodata's
# PROGBITS), as no PT_LOAD makes it NOBITS; a name without one is NOBITS
as_obj nlr.o <<'EOF2'
	.section .rodata,"a"
	.long 1
	.section .foo,"a"
	.long 2
EOF2
echo 'SECTIONS { .rodata (NOLOAD) : { LONG(1) } .foo (NOLOAD) : { LONG(2) } }' > nlr.ld
link_both -r -T nlr.ld nlr.o
compare_outputs
# a section `.' alone allocated (no contents) is NOBITS where a PT_LOAD holds it; under PHDRS
# one that only a PT_PHDR (or PT_NOTE) holds keeps the type its name has; one with no :phdr
# follows the section before it
as_obj dp.o <<'E'
	.text
	.globl _start
_start:	ret
E
for l in ':hdr' ':text' '' ':note'; do
	for n in .data .init_array .foo; do
		echo "PHDRS { hdr PT_PHDR PHDRS; text PT_LOAD FILEHDR PHDRS; note PT_NOTE; }
SECTIONS { . = 0x400000 + SIZEOF_HEADERS; .text : { *(.text) } :text $n : { . = ALIGN(0x10); } $l }" > dp.ld
		link_both -T dp.ld dp.o
		compare_outputs
	done
done
# `.' moved in a section allocates it (SEC_ALLOC), judged where GNU ld's passes put the section (not
# laid out from 0): an ALIGN that
# a non-allocated section's inputs already meet at its address moves nothing
as_obj na.o <<'E'
	.text
	.globl _start
_start:	nop
	ret
	.section .foo,"",@progbits
	.balign 2
	.short 7
E
as_obj nm.o --32 <<'E'
	.text
	.globl _start
_start:	nop
	nop
	nop
	ret
	.section .comment.my,"MS",@progbits,1
	.balign 2
	.byte 0x24, 0x7a, 0xc3, 0xa3
	.section .text.foo,"ax"
	.fill 9, 1, 0x90
	.section .bss.z,"aw",@nobits
	.zero 0xcd
	.section .tbss,"awT",@nobits
	.zero 0x2065
	.section .note.GNU-stack,"",@progbits
E
for a in 2 4 8 16; do
	echo "SECTIONS { .text 0x1000 : { *(.text) } .foo : { *(.foo) . = ALIGN($a); } }" > na.ld
	link_both -T na.ld na.o
	compare_outputs
	echo "SECTIONS { .comment.my : { *(.comment.*) . = ALIGN($a); } }" > nm.ld
	link_both -m elf_i386 -T nm.ld nm.o
	compare_outputs
done
# (TYPE = ...) comes with a data statement, and the ELF header takes it only when neither the
# name nor the first input gave a type (GNU ld's ld-scripts/output-section-types); READONLY
# (TYPE = ...) is read-only too; a note typed so gets no PT_NOTE (bfd's segment map is made
# before the type is set)
as_obj ty.o <<'EOF2'
	.text
	.globl _start
_start:	ret
	.data
	.long 5
	.section .bss
	.zero 4
EOF2
cat > ty.ld <<'EOF2'
SECTIONS {
  .text : { *(.text) }
  .rodata (TYPE = SHT_NOTE) : { LONG(1) }
  foo (TYPE = SHT_NOTE) : { *(.data) LONG(2) }
  bar (TYPE = SHT_STRTAB) : { *(.bss) LONG(2) }
  baz (TYPE = SHT_STRTAB) : { LONG(2) *(.data) }
  ro2 (READONLY (TYPE = 7)) : { LONG(3) }
  nb (TYPE = SHT_NOBITS) : { LONG(3) }
  progbits (TYPE=SHT_PROGBITS) : { BYTE(1) }
  init_array (TYPE= 14) : { QUAD(14) }
  fini_array ( TYPE=SHT_FINI_ARRAY) : { QUAD(15) }
  preinit_array (TYPE=SHT_PREINIT_ARRAY ) : { QUAD(16) }
  .ro.note (READONLY (TYPE=SHT_NOTE)) : { LONG(5678); }
}
EOF2
link_both -T ty.ld ty.o
compare_outputs
compare_warnings
