# MEMORY regions in the map's "Memory Configuration" (attributes as GNU ld prints them) and
# --print-memory-usage's table format.
as_obj a.o <<'EOF2'
	.globl _start
_start:	ret
	.data
	.long 1
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
link_slink -T t.ld a.o -Map=slink.map --print-memory-usage
"$SLINK" -T t.ld a.o --print-memory-usage -o usage.out > slink.usage || fail "slink failed"
sed -n '/^Memory Configuration/,/^Linker script/p' bfd.map > bfd.mem
sed -n '/^Memory Configuration/,/^Linker script/p' slink.map > slink.mem
[ -s slink.mem ] || fail "no Memory Configuration in slink's map"
diff -u bfd.mem slink.mem || fail "Memory Configuration differs"
# the usage table: same header, same regions and sizes column layout
head -1 bfd.usage > bfd.head; head -1 slink.usage > slink.head
diff -u bfd.head slink.head || fail "--print-memory-usage header differs"
sed -E 's/ +[0-9]+ (B|KB|MB|GB)/ N U/g; s/[0-9.]+%/P%/' bfd.usage > bfd.norm
sed -E 's/ +[0-9]+ (B|KB|MB|GB)/ N U/g; s/[0-9.]+%/P%/' slink.usage > slink.norm
diff -u bfd.norm slink.norm || fail "--print-memory-usage rows differ"
