# A symbol whose st_shndx names no section: slink reports it (GNU ld quietly makes the
# symbol absolute); exit 1, a message naming the file, no output.
as_obj a.o <<'EOF'
	.globl _start
_start:	movl	$60, %eax
	syscall
EOF
python3 - <<'EOF'
import struct
d = bytearray(open('a.o', 'rb').read())
shoff, = struct.unpack_from('<Q', d, 0x28)
shnum, = struct.unpack_from('<H', d, 0x3c)
for i in range(shnum):
    o = shoff + 64 * i
    if struct.unpack_from('<I', d, o + 4)[0] == 2:          # SHT_SYMTAB
        off, size = struct.unpack_from('<QQ', d, o + 24)
        for j in range(1, size // 24):
            struct.pack_into('<H', d, off + 24 * j + 6, 0x7f)  # st_shndx = 127
open('bad.o', 'wb').write(d)
EOF
readelf -sW bad.o | grep -q 'bad section index' || fail "the patch did not take"
expect_fail "bad\.o: .*(section index|st_shndx)" bad.o
