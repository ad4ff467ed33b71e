# A GOTPCREL load GNU ld decided to relax (it decides before layout) whose new value then does
# not fit is an error with GNU ld's wording, not a silent fallback to the GOT.
as_obj a.o <<'EOF_'
	.globl _start, foo
_start:	movq foo@GOTPCREL(%rip), %rax           # mov $foo, %rax: 32S
foo:	ret
EOF_
expect_fail_both "failed to convert GOTPCREL relocation against 'foo'; relink with --no-relax" \
	-static -Ttext=0x90000000 a.o
expect_grep "a\.o:\(\.text\+0x3\): failed to convert GOTPCREL relocation against 'foo'" fail.stderr

as_obj b.o <<'EOF_'
	.globl _start
	.weak wk
_start:	call *wk@GOTPCREL(%rip)                 # addr32 call 0: too far from 0x90000000
EOF_
expect_fail_both "failed to convert GOTPCREL relocation against 'wk'; relink with --no-relax" \
	-static -Ttext=0x90000000 b.o
