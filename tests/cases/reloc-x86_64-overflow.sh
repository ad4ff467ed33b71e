# Out-of-range values are errors naming the place, the type, the value, the range and the
# symbol.  GNU ld rejects each of these links too ("relocation truncated to fit"); the wording
# checked is slink's.
bfd_rejects() {   # TYPE ARGS...: ld.bfd must fail with a truncation of TYPE
	local type=$1; shift
	if ld.bfd "$@" -o bfd.out 2> bfd.stderr; then fail "ld.bfd accepted the $type overflow: the test is wrong"; fi
	grep -q "relocation truncated to fit: $type" bfd.stderr || { cat bfd.stderr >&2; fail "ld.bfd failed differently"; }
	rm -f bfd.out bfd.stderr
}
as_obj s32.o <<'EOF_'
	.globl _start
_start:	movq $big, %rax
EOF_
bfd_rejects R_X86_64_32S -static --defsym big=0x90000000 s32.o
expect_fail "s32\.o:\(\.text\+0x3\): relocation R_X86_64_32S out of range: 0x90000000 is not in \[-2147483648, 2147483647\]; references 'big'" \
	-static --defsym big=0x90000000 s32.o

# the same instruction overflows when the code itself is placed above 2GiB
as_obj t32.o <<'EOF_'
	.globl _start
_start:	movq $_start, %rax
EOF_
bfd_rejects R_X86_64_32S -static -Ttext=0x80000000 t32.o
expect_fail "t32\.o:\(\.text\+0x3\): relocation R_X86_64_32S out of range: 0x80000000 is not in \[-2147483648, 2147483647\]; references '_start'" \
	-static -Ttext=0x80000000 t32.o

as_obj u32.o <<'EOF_'
	.globl _start
_start:	movl $big, %eax
EOF_
bfd_rejects R_X86_64_32 -static --defsym big=0x100000000 u32.o
expect_fail "u32\.o:\(\.text\+0x1\): relocation R_X86_64_32 out of range: 0x100000000 is not in \[0, 4294967295\]; references 'big'" \
	-static --defsym big=0x100000000 u32.o

as_obj pc8.o <<'EOF_'
	.globl _start
_start:	.byte far - .
	.data
	.globl far
far:	.byte 0
EOF_
bfd_rejects R_X86_64_PC8 -static pc8.o
expect_fail "pc8\.o:\(\.text\+0x0\): relocation R_X86_64_PC8 out of range: 0x[0-9a-f]+ is not in \[-128, 127\]; references 'far'" \
	-static pc8.o

as_obj w16.o <<'EOF_'
	.globl _start
_start:	.word v
EOF_
bfd_rejects R_X86_64_16 -static --defsym v=0x10000 w16.o
expect_fail "w16\.o:\(\.text\+0x0\): relocation R_X86_64_16 out of range: 0x10000 is not in \[-65536, 65535\]; references 'v'" \
	-static --defsym v=0x10000 w16.o

as_obj pc32.o <<'EOF_'
	.globl _start
_start:	call far
EOF_
bfd_rejects R_X86_64_PLT32 -static --defsym far=0x100000000 pc32.o
expect_fail "pc32\.o:\(\.text\+0x1\): relocation R_X86_64_PLT32 out of range: 0x[0-9a-f]+ is not in \[-2147483648, 2147483647\]; references 'far'" \
	-static --defsym far=0x100000000 pc32.o
