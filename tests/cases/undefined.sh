# Undefined symbols: GNU ld's wording and location for each reference, every reference
# reported (not only the first), from objects and archive members; exit 1, no output.
as_obj a.o <<'EOF'
	.globl _start
_start:	call	bar
	call	baz
	call	bar
	movl	$60, %eax
	syscall
	.data
	.quad	qux
EOF
as_obj b.o <<'EOF'
	.text
	.globl	fb
	.type	fb, @function
fb:	nop
	call	bar
	ret
	.size	fb, .-fb
EOF
as_obj m.o <<'EOF'
	.globl	fm
fm:	jmp	from_member
EOF
make_archive libm.a m.o
expect_fail_both "\(\.text\+0x1\): undefined reference to \`bar'" a.o
expect_grep "a\.o: in function \`_start':|a\.o:\(\.text\+0x1\): undefined reference to \`bar'" fail.stderr
expect_grep "\(\.text\+0x6\): undefined reference to \`baz'" fail.stderr
expect_grep "\(\.text\+0xb\): undefined reference to \`bar'" fail.stderr
expect_grep "\(\.data\+0x0\): undefined reference to \`qux'" fail.stderr
# Several files and an archive member: each reference names its file (and member).
expect_fail_both "undefined reference to \`bar'" -u fm a.o b.o libm.a
expect_grep "b\.o: in function \`fb':" fail.stderr
expect_grep "\(\.text\+0x2\): undefined reference to \`bar'" fail.stderr
expect_grep "libm\.a\(m\.o\)" fail.stderr
expect_grep "undefined reference to \`from_member'" fail.stderr
[ "$(grep -c 'undefined reference' fail.stderr)" -ge 6 ] || fail "not every undefined reference was reported"
