# -Map for a -T link: archive members and why they were pulled, common symbols, script
# assignments and PROVIDE, BYTE/LONG/QUAD data, `. =` padding, AT() load addresses, =fill,
# KEEP/EXCLUDE_FILE, /DISCARD/, --cref and --defsym; compared line by line with GNU ld's map
# (tests/lib/mapcmp.py, differences in docs/map-differences.md).
as_obj main.o <<'EOF2'
	.globl _start
_start:	call	f1
	movl	v3(%rip), %edi
	.comm cbuf,64,16
	.section .rodata
	.string "hi"
	.section .text.unused,"ax"
	ret
	.section .comment,"",@progbits
	.string "c"
EOF2
as_obj f1.o <<'EOF2'
	.globl f1
f1:	call	f2
	ret
	.comm cbuf2,8,8
	.section .text.f1,"ax"
	.p2align 4
	ret
EOF2
as_obj f2.o <<'EOF2'
	.globl f2
f2:	ret
	.data
	.globl v3
v3:	.long 5
	.bss
	.zero 12
EOF2
make_archive libx.a f2.o f1.o
cat > t.ld <<'EOF2'
ENTRY(_start)
SECTIONS {
  . = 0x10000;
  .text : { KEEP(*(.text)) *(EXCLUDE_FILE(*main.o) .text.*) *(.text.*) } =0x90909090
  PROVIDE(etext = .);
  PROVIDE(unused_sym = .);
  foo = ADDR(.text) + 4;
  .rodata ALIGN(0x100) : { *(.rodata) LONG(0x1234) BYTE(foo) QUAD(-1) . = . + 3; SHORT(1 + 2) }
  . = ALIGN(0x1000);
  .data : AT(0x30000) { _sdata = .; *(.data) _edata = .; }
  .bss : { *(.bss) *(COMMON) . = ALIGN(16); }
  _end = .;
  /DISCARD/ : { *(.comment) *(.note.GNU-stack) }
}
EOF2
link_both -T t.ld main.o libx.a -Map=map --cref --defsym zz=0x10
mv map slink.map
ld.bfd -T t.ld main.o libx.a -Map=bfd.map --cref --defsym zz=0x10 -o bfd2.out
python3 "$TESTS/lib/mapcmp.py" bfd.map slink.map || fail "the maps differ"
