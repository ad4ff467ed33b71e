# COMDAT groups: two objects with the same group signature; the first group wins and the
# second group's sections and their relocations are discarded (its body even refers to a
# symbol that exists nowhere).
as_obj a.o <<'EOF'
	.globl _start
_start:	call	foo
	movl	%eax, %edi
	addl	foo_data(%rip), %edi
	movl	$60, %eax
	syscall
	.section .text.foo,"axG",@progbits,foo,comdat
	.globl	foo
	.type	foo, @function
foo:	movl	$1, %eax
	ret
	.size	foo, .-foo
	.section .data.foo,"awG",@progbits,foo,comdat
	.globl	foo_data
foo_data: .long 10
	.section .note.GNU-stack,"",@progbits
EOF
as_obj b.o <<'EOF'
	.globl	other
other:	call	foo
	ret
	.section .text.foo,"axG",@progbits,foo,comdat
	.globl	foo
	.type	foo, @function
foo:	call	does_not_exist
	movl	$2, %eax
	ret
	.size	foo, .-foo
	.section .data.foo,"awG",@progbits,foo,comdat
	.globl	foo_data
foo_data: .long 20
	.quad	does_not_exist_either
	.section .note.GNU-stack,"",@progbits
EOF
link_both a.o b.o
compare_outputs
run_both
[ "$(cat slink.status)" = 11 ] || fail "the first COMDAT group did not win (status $(cat slink.status))"
# The other order: b.o's group wins, and its reference is then a real undefined reference.
expect_fail_both "undefined reference to \`does_not_exist'" b.o a.o
# --gc-sections sweeps the losing group's sections too, and each .group section goes with its
# first member; bfd names a group member `name[signature]' in messages (here and in
# "multiple definition" and "undefined reference" places).
link_both --gc-sections --print-gc-sections -u other a.o b.o
compare_outputs
sed 's/^[^:]*: //' bfd.stderr > bfd.msgs
sed 's/^[^:]*: //' slink.stderr > slink.msgs
diff bfd.msgs slink.msgs || fail "--print-gc-sections lists differ"
grep -q "'\.text\.foo\[foo\]' in file 'b.o'" bfd.msgs || fail "the test lost the losing group's sweep"
as_obj c.o <<'EOF'
	.section .text.bar,"axG",@progbits,bar,comdat
	.globl	_start
_start:	ret
EOF
expect_fail_both "\(\.text\.bar\[bar\]\+0x0\): multiple definition of \`_start'; a\.o:\(\.text\+0x0\): first defined here" a.o c.o
# .gnu.linkonce.* sections outside groups: the first of a name is kept, later ones are dropped
# with their symbols (no multiple definition), in final links and -r alike
for n in 1 2; do
	as_obj lo$n.o <<E
	.text
	.globl f$n
f$n:	call lfun
	ret
	.section .gnu.linkonce.t.lfun,"ax",@progbits
	.globl lfun
lfun:	.byte 0x90, $n
	ret
	.section .gnu.linkonce.r.ldat,"a",@progbits
	.long $n, $n
	.data
	.long $n
E
done
for opt in "" -r; do
	link_both $opt -e f1 lo1.o lo2.o
	compare_outputs
done
# a symbol only the dropped copy defines is not output (it is no reference): -r, final, -shared
for n in 1 2; do
	as_obj u$n.o <<E
	.section .text.g,"axG",@progbits,grp,comdat
	.globl only$n
only$n:	ret
	.section .gnu.linkonce.t.x,"ax",@progbits
	.globl lonly$n
lonly$n: ret
E
done
for opt in -r "-e 0" -shared; do
	link_both $opt u1.o u2.o
	compare_outputs
done
# ... but a relocation against it is a reference to an undefined symbol: -r keeps it as a
# global undefined symbol, a final link reports it (in groups and linkonce sections alike)
for n in 1 2; do
	as_obj r$n.o <<E
	.section .text.g,"axG",@progbits,grp,comdat
	.globl gonly$n
gonly$n: ret
	.section .gnu.linkonce.t.x,"ax",@progbits
	.globl lonly$n
lonly$n: ret
	.data
	.long gonly$n
	.weak lonly$n
	.long lonly$n
E
done
link_both -r r1.o r2.o
compare_outputs
expect_fail_both "r2\.o:\(\.data\+0x0\): undefined reference to \`gonly2'" -e 0 r1.o r2.o
if grep -q lonly2 "$WORK/fail.stderr"; then fail "a weak symbol of a dropped copy was reported"; fi
# a -u reference does not bring it back into .symtab (bfd strips an undefined symbol a dropped
# definition made)
link_both -e 0 -u lonly2 -u only2 u1.o u2.o
compare_outputs
# -r: a global only a dropped linkonce copy defined stays (undefined) only for a relocation
# that names it, not for -u
as_obj lk1.o <<'E'
	.section .gnu.linkonce.r.x,"a",@progbits
	.globl f0x
f0x:	.long 1
	.text
	.globl _start
_start:	ret
E
as_obj lk2.o <<'E'
	.section .gnu.linkonce.r.x,"a",@progbits
	.globl f1x
f1x:	.long 2
E
as_obj lk3.o <<'E'
	.data
	.quad f1x
E
link_both -r -u f1x lk1.o lk2.o
compare_outputs
link_both -r -u f1x lk1.o lk2.o lk3.o
compare_outputs
# bfd reads the definition in the copy that lost as an undefined symbol: a PROVIDE of it
# defines it, referenced or not
echo 'SECTIONS { .text : { *(.text) PROVIDE(f1x = .); PROVIDE(unnamed = .); } .rodata : { *(.gnu.linkonce.r.*) } }' > lkp.ld
link_both -T lkp.ld lk1.o lk2.o --no-warn-rwx-segments
compare_outputs
