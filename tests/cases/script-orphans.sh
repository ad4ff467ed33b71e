# Orphan sections placed by GNU ld's rules (ldelf_place_orphan, lang_output_section_find_by_flags,
# insert_os_after): by kind after the section named for it or with the most similar flags,
# notes after .interp or read-only data, before a `. =` that follows the anchor, regions of
# the section they follow; --orphan-handling=warn|error|discard with GNU ld's wording.
as_obj c.o <<'EOF2'
	.text
	.globl _start
_start:	ret
	.section .text.hot,"ax"
	.byte 0xc3
	.section .rodata.x,"a"
	.long 1
	.data
	.long 2
	.section .data.rel.ro,"aw"
	.quad 3
	.section .tdata,"awT"
	.long 4
	.section .tbss,"awT",@nobits
	.zero 8
	.section .mybss,"aw",@nobits
	.zero 16
	.section .note.x,"a",@note
	.long 0,0,0
	.section .init_array,"aw",@init_array
	.quad 0
	.section .debug_foo,"",@progbits
	.long 7
	.section .nonalloc,"",@progbits
	.long 8
	.bss
	.zero 4
EOF2
cat > orph.ld <<'EOF2'
SECTIONS {
  . = 0x400000;
  .text : { *(.text) }
  etext = .;
  . = ALIGN(0x1000);
  .data : { *(.data) }
  _edata = .;
  .bss : { *(.bss) }
  _end = .;
  .comment 0 : { *(.comment) }
}
EOF2
link_both -T orph.ld c.o --orphan-handling=warn
compare_outputs
# (these include GNU ld's own empty x86 sections .got, .got.plt, .iplt, .igot.plt and
# .rela.got/.rela.iplt, from the first object; slink makes them too)
grep orphan bfd.stderr | sed 's/^[^:]*: //' > bfd.msgs
grep orphan slink.stderr | sed 's/^[^:]*: //' > slink.msgs
diff bfd.msgs slink.msgs || fail "orphan warnings differ"
# the built-in script
link_both c.o
compare_outputs
link_both c.o -z noseparate-code
compare_outputs
# a script with only code and data, and a `. =` after .text: orphans go before it
cat > dot.ld <<'EOF2'
SECTIONS {
  . = 0x10000;
  .text : { *(.text) }
  . = ALIGN(0x100);
  after_align = .;
  .data : { *(.data) }
  . = . + 0x10;
  .bss : { *(.bss) }
}
EOF2
link_both -T dot.ld c.o
compare_outputs
link_both -T dot.ld c.o --orphan-handling=discard
compare_outputs
expect_fail_both "unplaced orphan section \`\.text\.hot' from \`c\.o'" -T orph.ld c.o --orphan-handling=error
# section header order for orphans is bfd's section list: an orphan's section goes right after
# the section of the nearest statement before it that has one, so an orphan placed ahead of
# every statement comes ahead of a section an ADDR made first
as_obj hdr.o <<'EOF2'
	.text
	.globl _start
_start:	nop
	.section .rodata,"a"
	.long 1
	.data
	.long 2
	.section .mybss,"aw",@nobits
	.zero 8
EOF2
for sc in 'SECTIONS { sym2 = ADDR(.mybss); .data : { *(.data) } .mybss 0x400100 : { *(.mybss) } }' \
	  'SECTIONS { sym2 = ADDR(.mybss); .data : { *(.data) } .mybss 0x400100 : { *(.mybss) } .text : ONLY_IF_RW { *(.text) } }' \
	  'SECTIONS { sym2 = ADDR(.mybss); .data : { *(.data) } .mybss 0x400100 : { *(.mybss) } .text : { *(.text.none) } }'; do
	echo "$sc" > hdr.ld
	link_both -T hdr.ld hdr.o --no-warn-rwx-segments
	compare_outputs
done
# a section bfd made only because ADDR names it has flags 0 and its name's ELF type: placing a
# .bss orphan by flags, its type (PROGBITS) does not match, so the orphan goes after the last
# allocated section instead
as_obj named.o <<'EOF2'
	.text
	.globl _start
_start:	nop
	.section .mydata,"aw"
	.long 1
	.bss
	.zero 4
EOF2
echo 'SECTIONS { .text 0x1000 : { *(.text) } .rodata 0x2000 : { *(.nothing) } .mydata : { *(.mydata) } ASSERT(ADDR(.rodata) != 1, "x") }' > named.ld
link_both -T named.ld named.o --no-warn-rwx-segments
compare_outputs

# A NOLOAD statement bfd made no section for keeps its own flags (SEC_NEVER_LOAD), not those
# of the orphan place its name is: a .bss-like orphan does not follow it.
cat > nlo.s <<'EOF'
	.text
	.globl _start
_start:	nop
	.section .rodata.cst8,"aM",@progbits,8
	.quad 1
	.data
	.quad 2
	.section .mybss,"aw",@nobits
	.zero 16
EOF
as_obj nlo.o nlo.s
echo 'SECTIONS { .text : { *(.text) } .data : { *(.data) } .rodata (NOLOAD) : { *(.nomatch) } }' > nlo.ld
link_both -T nlo.ld nlo.o --no-warn-rwx-segments
compare_outputs

# ADDR/SIZEOF of a name (and the memory region a segment break looks at) is the script's
# statement of that name (GNU ld's lang_output_section_find), not an orphan of the name that
# came to stand before it
as_obj sn1.o <<'E'
	.text
	.globl _start
_start:	ret
	.data
	.long 1
	.section .foo,"a"
	.long 2
E
as_obj sn2.o <<'E'
	.section .foo,"aw",@nobits
	.zero 16
E
echo 'SECTIONS { .text : { *(.text) } .data : { *(.data) } .bss : { *(.bss) } .foo : { sn1.o(.foo) } foo_addr = ADDR(.foo); foo_size = SIZEOF(.foo); }' > sn.ld
link_both -T sn.ld sn1.o sn2.o --no-warn-rwx-segments
compare_outputs

# An orphan that joins a statement of its name no input made makes that section, and with it
# the sections its address and AT() expressions name (exp_init_os): ADDR() of an otherwise
# empty one is then a value, not "nonconstant expression for load base"
as_obj oj.o <<'E'
	.text
	.globl _start
_start:	ret
	.section .text.foo,"ax"
	ret
E
echo 'SECTIONS { .mycode 0x10100 : { *(.mycode) } .text : { *(.text) } .text.foo : AT(ADDR(.mycode) + 1) { *(.nomatch) } }' > oj.ld
link_both -T oj.ld oj.o
compare_outputs
# KEEP marks every section its patterns match even when INPUT_SECTION_FLAGS keep the rule from
# taking it, without --gc-sections too: such an empty orphan (.note.GNU-stack) is not stripped
as_obj kn.o <<'E'
	.text
	.globl _start
_start: ret
	.section .note.my,"a",@note
	.long 4,4,1
	.ascii "abc\0"
	.long 7
	.section .note.GNU-stack,"",@progbits
E
echo 'SECTIONS { .text : { *(.text) } .note.my : { KEEP(INPUT_SECTION_FLAGS(SHF_MERGE & SHF_STRINGS) *(.note.*)) } .n2 : { *(.note.my) } }' > kn.ld
link_both -T kn.ld kn.o
compare_outputs
# An orphan takes the region (and program headers) of the section GNU ld placed it by, which
# for the orphans after the first of their kind is found again for each (its own flags and
# type) while they stay together: .interp goes after .text in ROM, .dynsym and the others of
# its kind follow it, but take the region of `.data (READONLY)`, the best match for them.
as_obj ro.o <<'EOF2'
	.text
	.globl _start
_start:	ret
	.data
	.quad 1
	.section .myro,"a"
	.quad 2
EOF2
cat > region.ld <<'EOF2'
MEMORY
{
  ROM : ORIGIN = 0x100000, LENGTH = 0x10000
  RAM (rwx) : ORIGIN = 0x110000, LENGTH = 0x40
  RAM2 : ORIGIN = 0x210000, LENGTH = 0x100000
}
SECTIONS
{
  .text : { *(.text) } >ROM
  .data (READONLY) : { *(.data .myro) } >RAM2
}
EOF2
for kind in "" -pie; do
	link_both $kind -T region.ld ro.o
	compare_outputs
done
