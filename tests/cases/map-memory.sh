# MEMORY regions: the map's "Memory Configuration" (attributes as GNU ld prints them), sections
# placed with >region and AT>region, and --print-memory-usage's table, all as GNU ld prints them.
as_obj a.o <<'EOF2'
	.globl _start
_start:	ret
	.data
	.long 1
	.bss
	.zero 100
EOF2
cat > t.ld <<'EOF2'
MEMORY {
  rom (rx) : ORIGIN = 0x1000, LENGTH = 64K
  ram (!rx) : ORIGIN = 0x100000, LENGTH = 0x1000
  big (awxil) : ORIGIN = 0x10000000, LENGTH = 2M
}
SECTIONS {
  .text : { *(.text) } > rom
  .data : { *(.data) } > ram AT> rom
  .bss : { *(.bss) } > ram
}
EOF2
ld.bfd -T t.ld a.o -Map=bfd.map --print-memory-usage -o bfd.out > bfd.usage || fail "ld.bfd failed"
link_slink -T t.ld a.o -Map=slink.map
"$SLINK" -T t.ld a.o --print-memory-usage -o usage.out > slink.usage || fail "slink failed"
python3 "$TESTS/lib/mapcmp.py" bfd.map slink.map || fail "the maps differ"
diff -u bfd.usage slink.usage || fail "--print-memory-usage differs"
