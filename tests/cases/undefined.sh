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
# --unresolved-symbols, --warn-unresolved-symbols, -z undefs / -z defs, --no-undefined and
# --ignore-unresolved-symbol, as GNU ld combines them: an ignored reference resolves to 0 and
# the symbol leaves .symtab unless marked (-u, a reference --gc-sections kept); a warning is
# GNU ld's with "warning: " (a place after the first in a function names the program); a
# strong undefined symbol of non-default visibility fails the link once, named in hash order
as_obj un.o <<'EOF2'
	.text
	.globl _start
_start:	call undef_y
	mov undef_g@GOTPCREL(%rip), %rax
	movq $undef_x, %rax
	lea undef_x(%rip), %rdx
	.data
	.quad undef_x
	.long undef_z
EOF2
for o in "--unresolved-symbols=ignore-all" "--warn-unresolved-symbols" "-z undefs" \
	 "--unresolved-symbols=ignore-in-object-files" "--gc-sections --unresolved-symbols=ignore-all" \
	 "--emit-relocs -z undefs" "-u undef_x --unresolved-symbols=ignore-all" \
	 "--ignore-unresolved-symbol undef_y --ignore-unresolved-symbol undef_x --ignore-unresolved-symbol undef_g --ignore-unresolved-symbol undef_z" \
	 "-z undefs --warn-unresolved-symbols"; do
	link_both $o un.o
	compare_outputs
	compare_warnings
done
expect_fail_both "\(\.text\+0x8\): undefined reference to \`undef_g'" --unresolved-symbols=ignore-in-shared-libs un.o
expect_grep "^slink: \(\.text\+0x8\): undefined reference to \`undef_g'" fail.stderr
expect_fail_both "undefined reference to \`undef_z'" -z undefs --no-undefined un.o
expect_fail_both "warning: undefined reference to \`undef_z'" --warn-unresolved-symbols --fatal-warnings un.o
as_obj hu.o <<'EOF2'
	.text
	.globl _start
_start: ret
	.hidden undef_h
	.protected undef_p
	.weak undef_w
	.hidden undef_w
EOF2
expect_fail_both "protected symbol \`undef_p' isn't defined" hu.o
expect_fail_both "protected symbol \`undef_p' isn't defined" -u undef_h hu.o
link_both -s hu.o
compare_outputs
# a reference to such a symbol is an error whatever the options say
as_obj hr.o <<'EOF2'
	.text
	.globl _start
_start: call undef_h
	.hidden undef_h
EOF2
expect_fail_both "\(\.text\+0x1\): undefined reference to \`undef_h'" -z undefs -s hr.o
