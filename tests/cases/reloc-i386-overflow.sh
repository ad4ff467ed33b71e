# i386 16- and 8-bit fields are range-checked on the 32-bit value; GNU ld rejects these links
# too ("relocation truncated to fit"); the wording checked is slink's.
bfd_rejects() {   # TYPE ARGS...
	local type=$1; shift
	if ld.bfd "$@" -o bfd.out 2> bfd.stderr; then fail "ld.bfd accepted the $type overflow: the test is wrong"; fi
	grep -q "relocation truncated to fit: $type" bfd.stderr || { cat bfd.stderr >&2; fail "ld.bfd failed differently"; }
	rm -f bfd.out bfd.stderr
}
as_obj w16.o --32 <<'EOF_'
	.globl _start
_start:	.word v
EOF_
bfd_rejects R_386_16 -m elf_i386 -static --defsym v=0x10000 w16.o
expect_fail "w16\.o:\(\.text\+0x0\): relocation R_386_16 out of range: 0x10000 is not in \[-65536, 65535\]; references 'v'" \
	-m elf_i386 -static --defsym v=0x10000 w16.o

# the addend in the place counts: 0xfff0 + 0x20 does not fit
as_obj a16.o --32 <<'EOF_'
	.globl _start
_start:	.word v + 0x20
EOF_
bfd_rejects R_386_16 -m elf_i386 -static --defsym v=0xfff0 a16.o
expect_fail "a16\.o:\(\.text\+0x0\): relocation R_386_16 out of range: 0x10010 is not in \[-65536, 65535\]; references 'v'" \
	-m elf_i386 -static --defsym v=0xfff0 a16.o

as_obj pc8.o --32 <<'EOF_'
	.globl _start
_start:	.byte far - .
	.data
	.globl far
far:	.byte 0
EOF_
bfd_rejects R_386_PC8 -m elf_i386 -static pc8.o
expect_fail "pc8\.o:\(\.text\+0x0\): relocation R_386_PC8 out of range: 0x[0-9a-f]+ is not in \[-128, 127\]; references 'far'" \
	-m elf_i386 -static pc8.o

as_obj b8.o --32 <<'EOF_'
	.globl _start
_start:	.byte v
EOF_
bfd_rejects R_386_8 -m elf_i386 -static --defsym v=-0x101 b8.o
expect_fail "b8\.o:\(\.text\+0x0\): relocation R_386_8 out of range: -0x101 is not in \[-256, 255\]; references 'v'" \
	-m elf_i386 -static --defsym v=-0x101 b8.o
