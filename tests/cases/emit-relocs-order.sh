# GNU ld sorts every relocation section it writes (-r, --emit-relocs) by offset, stably,
# whatever the order in the input (gcc sometimes emits them out of order; the kernel's
# CONFIG_RELOCATABLE vmlinux showed it).  The input's two relocations are swapped by hand here.
as_obj a.o <<'EOF2'
	.globl _start
_start:	nop
	.long 0
	call ext
	mov $60, %eax
	xor %edi, %edi
	syscall
	.reloc 1, R_X86_64_32, bar
	.globl bar
bar:	ret
EOF2
as_obj b.o <<'EOF2'
	.globl ext
ext:	ret
EOF2
python3 - a.o <<'EOF2'
import struct, sys
d = bytearray(open(sys.argv[1], "rb").read())
shoff, = struct.unpack_from("<Q", d, 0x28)
shnum, = struct.unpack_from("<H", d, 0x3c)
for i in range(shnum):
    sh_type, = struct.unpack_from("<I", d, shoff + i * 64 + 4)
    if sh_type == 4:  # SHT_RELA: swap the first two entries
        off, size = struct.unpack_from("<QQ", d, shoff + i * 64 + 24)
        assert size >= 48
        d[off:off + 24], d[off + 24:off + 48] = d[off + 24:off + 48], d[off:off + 24]
open(sys.argv[1], "wb").write(d)
EOF2
readelf -rW a.o | grep -A1 Offset | tail -1 | grep -q PLT32 || fail "the relocations were not swapped"
for mode in --emit-relocs -r; do
	link_both $mode a.o b.o
	cmp bfd.out slink.out || fail "$mode output differs from GNU ld's"
done
