# MEMORY regions: >region, AT>region, attributes choosing regions, REGION_ALIAS, the LMA of a
# section following one with AT> (GNU ld's lang_propagate_lma_regions), orphans inheriting
# the regions of the section they follow, and region overflow diagnostics.
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
	.section .bss,"aw",@nobits
	.zero 64
	.section .myorph,"aw"
	.long 5
	.section .note.foo,"a",@note
	.long 0,0,0
EOF2
cat > mem.ld <<'EOF2'
MEMORY { ROM (rx) : ORIGIN = 0x1000, LENGTH = 0x1000
         RAM (rwx) : ORIGIN = 0x20000, LENGTH = 0x1000 }
SECTIONS {
  .text : { *(.text*) } > ROM
  .rodata : { *(.rodata) } > ROM
  .data : { *(.data) } > RAM AT> ROM
  .bss : { *(.bss) } > RAM
  _end = .;
  rom_left = LENGTH(ROM) - (LOADADDR(.bss) - ORIGIN(ROM));
}
EOF2
link_both -T mem.ld a.o
compare_outputs
# the load image: .data (and the orphan after it) stored right after .rodata in ROM
link_both -T mem.ld a.o --oformat binary
cmp bfd.out slink.out || fail "binary images differ"

# a region chosen by attributes for sections that name none; REGION_ALIAS
cat > attr.ld <<'EOF2'
MEMORY { FLASH (rx) : ORIGIN = 0x8000, LENGTH = 64K
         SRAM (w!x) : ORIGIN = 0x400000, LENGTH = 4K }
REGION_ALIAS("REGION_TEXT", FLASH);
SECTIONS {
  .text : { *(.text*) } > REGION_TEXT
  .rodata : { *(.rodata) }
  .data : { *(.data) }
  .bss : { *(.bss) }
  end_of_ram = .;
}
EOF2
link_both -T attr.ld a.o
compare_outputs

# sections after an explicit address keep going from there; a region's own current address
cat > mixed.ld <<'EOF2'
MEMORY { ROM (rx) : ORIGIN = 0x1000, LENGTH = 0x1000
         RAM (rw) : ORIGIN = 0x20000, LENGTH = 0x1000 }
SECTIONS {
  .text : { *(.text*) } > ROM
  .rodata 0x3000 : { *(.rodata) }
  .data : AT(0x1900) { *(.data) } > RAM
  .bss : { *(.bss) } > RAM
}
EOF2
link_both -T mixed.ld a.o
compare_outputs

# overflow: the section that does not fit, then by how much
cat > small.ld <<'EOF2'
MEMORY { ROM (rx) : ORIGIN = 0x1000, LENGTH = 8
         RAM (rwx) : ORIGIN = 0x20000, LENGTH = 0x1000 }
SECTIONS {
  .text : { *(.text*) } > ROM
  .rodata : { *(.rodata) } > ROM
  .data : { *(.data) } > RAM AT> ROM
  .bss : { *(.bss) } > RAM
}
EOF2
expect_fail_both "section \`\.rodata' will not fit in region \`ROM'" -T small.ld a.o
expect_grep "region \`ROM' overflowed by 31 bytes" fail.stderr
# a loadable section in the default region while MEMORY exists
cat > nomem.ld <<'EOF2'
MEMORY { ROM (rx) : ORIGIN = 0x1000, LENGTH = 0x1000 }
SECTIONS {
  .text : { *(.text*) } > ROM
  .data : { *(.data) }
}
EOF2
expect_fail_both "no memory region specified for loadable section \`\.data'" -T nomem.ld a.o
# sections of different memory regions never share a PT_LOAD (GNU ld overrides bfd's choice),
# even on one page, or with -n / -N
as_obj mr.o <<'EOF2'
	.text
	.globl _start
_start:	nop
	.section .rodata,"a"
	.long 1
	.data
	.long 2
EOF2
cat > mr.ld <<'EOF2'
MEMORY { A (rx) : ORIGIN = 0x10000, LENGTH = 0x10  B (rx) : ORIGIN = 0x10010, LENGTH = 0x100 }
SECTIONS { .text : { *(.text) } >A .rodata : { *(.rodata) } >B .data : { *(.data) } >B }
EOF2
for m in "" -n -N; do
	# shellcheck disable=SC2086
	link_both $m -T mr.ld mr.o --no-warn-rwx-segments
	compare_outputs
done
# the load region passes to the next section in the same region even from a statement its
# ONLY_IF_RO constraint dropped (GNU ld's list of output section statements still has it)
as_obj cm.o <<'EOF2'
	.text
	.globl _start
_start: ret
	.section .init_array,"aw",@init_array
	.quad 1
	.data
	.quad 2
EOF2
cat > cm.ld <<'EOF2'
MEMORY { ROM : ORIGIN = 0x8000000, LENGTH = 0x10000
 RAM2 : ORIGIN = 0x8020000, LENGTH = 0x100000 }
SECTIONS {
  .text : { *(.text) } >ROM
  .init_array : ONLY_IF_RO { *(.init_array) } >RAM2 AT>ROM
  .data : { *(.data) } >RAM2
  .ia2 : { *(.init_array) } >RAM2
}
EOF2
link_both -T cm.ld cm.o
compare_outputs
# ... and to a dropped statement itself, which passes it on
cat > cm2.ld <<'EOF2'
MEMORY { ROM : ORIGIN = 0x8000000, LENGTH = 0x10000
 RAM2 : ORIGIN = 0x8020000, LENGTH = 0x100000 }
SECTIONS {
  .text : { *(.text) } >ROM
  .other : { LONG(1) } >RAM2 AT>ROM
  .dropped : ONLY_IF_RO { *(.init_array) } >RAM2
  .data : { *(.data) } >RAM2
}
EOF2
link_both -T cm2.ld cm.o --no-warn-rwx-segments
compare_outputs
# a region's `w' takes what bfd marks SEC_DATA: allocated object inputs with contents that are
# not code, and writable sections; not a section only a data statement made read-only, nor
# the linker's read-only sections (.interp, .dynsym...): with --gc-sections nothing else is
# read-only for them to follow, so they have no region
cat > mw.ld <<'EOF2'
MEMORY { RAM (w) : ORIGIN = 0x8000000, LENGTH = 0x100000 }
SECTIONS { .text : { *(.text) } >RAM .foo : { LONG(1) } .bar : { x = .; LONG(2) } }
EOF2
expect_fail_both "no memory region specified for loadable section \`\.foo'" -T mw.ld a.o
as_obj mwp.o <<'EOF2'
	.text
	.globl foo
foo:	ret
EOF2
cat > mwp.ld <<'EOF2'
MEMORY { ROM (w) : ORIGIN = 0x8000000, LENGTH = 0x1000000 }
SECTIONS { .text : { . = . + 0x2; QUAD(0x10000); *(.text) } >ROM }
EOF2
link_both -T mwp.ld -pie mwp.o --no-warn-rwx-segments
compare_outputs
expect_fail_both "no memory region specified for loadable section \`\.interp'" -T mwp.ld -pie --gc-sections mwp.o
# an orphan note placed before everything (no statement like it) finds its region by
# attributes: `w' takes bfd's SEC_DATA, which an object's note has
as_obj nt.o <<'EOF2'
	.text
	.globl _start
_start:	ret
	.section .note.my,"a",@note
	.balign 32
	.long 0,0,0,0,0
	.section .data.x,"aw"
	.quad 1
EOF2
cat > nt.ld <<'EOF2'
MEMORY { ROM (w) : ORIGIN = 0x8000000, LENGTH = 0x1000 }
SECTIONS {
  .data.x : { *(.data.x) *(.text) } >ROM
}
EOF2
link_both -T nt.ld nt.o
compare_outputs
link_both -T nt.ld --gc-sections nt.o
compare_outputs
