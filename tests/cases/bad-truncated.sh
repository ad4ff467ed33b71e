# A truncated object (inside the ELF header, inside the section headers, inside section
# data): one clear error naming the file, exit 1, no output, no crash.
as_obj a.o <<'EOF'
	.globl _start
_start:	movl	$60, %eax
	syscall
	.data
	.fill	64, 1, 0x5a
EOF
size=$(stat -c %s a.o)
head -c 100 a.o > t100.o
head -c 30 a.o > t30.o
head -c $((size - 10)) a.o > tshdr.o
# Cut into the section data: move e_shoff up so the headers stay readable but the
# .data contents run past the end (section offset+size beyond the file).
python3 - <<'EOF'
import struct
d = bytearray(open('a.o', 'rb').read())
shoff, = struct.unpack_from('<Q', d, 0x28)
shnum, = struct.unpack_from('<H', d, 0x3c)
for i in range(shnum):
    o = shoff + 64 * i
    if struct.unpack_from('<I', d, o + 4)[0] == 1 and struct.unpack_from('<Q', d, o + 32)[0] == 64:
        struct.pack_into('<Q', d, o + 24, len(d) - 8)    # sh_offset near the end
open('tdata.o', 'wb').write(d)
EOF
for f in t100.o t30.o tshdr.o tdata.o; do
	expect_fail "${f//./\\.}.*(truncated|too (small|short)|beyond|past|out of (range|bounds)|corrupt|invalid|malformed|bad|not recognized)" $f
done
expect_fail "t100\.o" a.o t100.o
