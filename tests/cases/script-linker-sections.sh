# GNU ld's x86 backend makes empty .rela.got, .got, .got.plt, .iplt, .rela.iplt and .igot.plt
# sections in the first object of every static executable.  They are stripped in the end, but
# they are mapped and placed as orphans, raise their output sections' alignment, and the
# output sections they alone make still get addresses and load addresses that later sections'
# LMAs follow.  slink makes them too; this checks the places where that shows.
cat > a.s <<'E'
	.text
	.globl _start
_start: ret
	.section .ov1,"ax"
	.long 1
	.section .ov2,"ax"
	.long 2,3
	.data
	.byte 1
	.bss
	.zero 16
E
as_obj a.o --64 a.s
as_obj a32.o --32 a.s

# after an OVERLAY: the orphan .rela.dyn's aligned LMA carries over to .data
cat > ov.ld <<'E'
SECTIONS {
  . = 0x400000;
  .text : { *(.text) }
  OVERLAY 0x500000 : AT(0x480000) { .ov1 { *(.ov1) } .ov2 { *(.ov2) } }
  .data : { *(.data) }
  .bss : { *(.bss) }
  ov_end = .;
}
E
link_both -T ov.ld a.o
compare_outputs
link_both -m elf_i386 -T ov.ld a32.o
compare_outputs
link_both -T ov.ld a.o --oformat binary
cmp "$WORK/bfd.out" "$WORK/slink.out" || fail "binary images differ"

# .data with an LMA, then sections that follow it
cat > at.ld <<'E'
SECTIONS {
  . = 0x1000;
  .text : { *(.text) *(.ov*) }
  .data 0x8001 : AT(0x2003) { *(.data) }
  .got : { *(.got) }
  .bss : { *(.bss) }
  .tail : { BYTE(1) }
}
E
link_both -T at.ld a.o
compare_outputs

# an empty .got mapped into .data raises its alignment (but does not move `.` inside it)
cat > al.ld <<'E'
SECTIONS {
  . = 0x1001;
  .text : { *(.text) }
  .data : { *(.data) *(.got) *(.igot.plt) *(.got.plt) in_data = .; }
  .x : { *(.iplt) x_sym = .; }
  .bss : { *(.bss) }
}
E
link_both -T al.ld a.o
compare_outputs
link_both -m elf_i386 -T al.ld a32.o
compare_outputs

# --orphan-handling: they are orphans of a script that does not place them
cat > few.ld <<'E'
SECTIONS {
  .text 0x1000 : { *(.text .ov*) }
  .data : { *(.data) }
  .bss : { *(.bss) }
}
E
expect_fail_both 'unplaced orphan section' -T few.ld a.o --orphan-handling=error
grep -o "unplaced orphan.*" bfd-fail.stderr | sort > bfd.msgs
grep -o "unplaced orphan.*" fail.stderr | sort > slink.msgs
diff bfd.msgs slink.msgs || fail "the orphan errors differ"
grep -q "\.igot\.plt' from .a\.o'" slink.msgs || fail "no error for .igot.plt from a.o"
link_both -T few.ld a.o --orphan-handling=warn
compare_outputs
grep orphan bfd.stderr | sed 's/^[^:]*: //' > bfd.msgs
grep orphan slink.stderr | sed 's/^[^:]*: //' > slink.msgs
diff bfd.msgs slink.msgs || fail "the orphan warnings differ"
