# GOTPCREL relaxation in a static executable, as GNU ld 2.40 does it for symbols defined in
# the link: mov -> mov $imm (REX_GOTPCRELX/GOTPCRELX) or lea (plain GOTPCREL), call ->
# addr32 call, jmp -> jmp; nop, test and the eight binops -> immediate forms, with the register
# moving from ModRM.reg to ModRM.rm (REX.R to REX.B).  Only the plain GOTPCREL call keeps a
# slot (against a local symbol).
as_obj a.o <<'EOF_'
	.globl _start
	.text
_start:
	leaq foo(%rip), %rbx
	movq foo@GOTPCREL(%rip), %rax           # REX_GOTPCRELX: mov $foo, %rax
	cmpq %rax, %rbx
	jne bad
	movq foo@GOTPCREL(%rip), %r11           # REX.R -> REX.B
	cmpq %r11, %rbx
	jne bad
	movl foo@GOTPCREL(%rip), %ecx           # GOTPCRELX: mov $foo, %ecx
	cmpl %ecx, %ebx
	jne bad
	movl foo@GOTPCREL(%rip), %r9d           # REX_GOTPCRELX without REX.W: R_X86_64_32
	cmpl %r9d, %ebx
	jne bad
	call *fn@GOTPCREL(%rip)                 # addr32 call fn
	cmpq $7, %rax
	jne bad
	movq $0, %r8
	testq %rbx, foo@GOTPCREL(%rip)          # test $foo, %rbx
	je bad
	testl %r8d, foo@GOTPCREL(%rip)          # test $foo, %r8d
	jne bad
	movq $1, %rax
	addq foo@GOTPCREL(%rip), %rax
	subq foo@GOTPCREL(%rip), %rax
	cmpq $1, %rax
	jne bad
	orq foo@GOTPCREL(%rip), %r8
	andq foo@GOTPCREL(%rip), %r8
	xorq foo@GOTPCREL(%rip), %r8
	jne bad
	adcl foo@GOTPCREL(%rip), %r10d
	sbbl foo@GOTPCREL(%rip), %r10d
	cmpq foo@GOTPCREL(%rip), %rbx
	jne bad
	cmpl foo@GOTPCREL(%rip), %r15d
	jmp *done@GOTPCREL(%rip)                # jmp done; nop
bad:	movl $1, %edi
	movl $60, %eax
	syscall
EOF_
as_obj b.o -mrelax-relocations=no <<'EOF_'
	.globl fn, done, foo
	.text
fn:	movq foo@GOTPCREL(%rip), %rax           # plain GOTPCREL: lea foo(%rip), %rax
	leaq foo(%rip), %rcx
	cmpq %rax, %rcx
	jne 1f
	movl foo@GOTPCREL(%rip), %eax           # plain GOTPCREL, 32-bit: lea
	call *fn2@GOTPCREL(%rip)                # plain GOTPCREL call: kept
	ret
1:	movq $0, %rax
	ret
fn2:	movl $7, %eax
	ret
done:	xorl %edi, %edi
	movl $60, %eax
	syscall
	.data
foo:	.quad 0
EOF_
objdump -r a.o | grep -q R_X86_64_GOTPCRELX || fail "as did not emit R_X86_64_GOTPCRELX"
objdump -r a.o | grep -q R_X86_64_REX_GOTPCRELX || fail "as did not emit R_X86_64_REX_GOTPCRELX"
objdump -r b.o | grep -q 'R_X86_64_GOTPCREL ' || fail "as did not emit R_X86_64_GOTPCREL"
link_both -static a.o b.o
compare_outputs
run_both
# __start_SEC / __stop_SEC are the linker's before relocations are scanned: their GOT loads
# relax like a defined symbol's (GNU ld's ld-x86-64/lea1c)
as_obj ss.o --64 -mrelax-relocations=yes <<'E2'
	.section my_section,"aw",@progbits
	.long 0x12345678
	.text
	.globl _start
_start:
	movq __start_my_section@GOTPCREL(%rip), %rax
	movq __stop_my_section@GOTPCREL(%rip), %r11
	call *__start_my_section@GOTPCREL(%rip)
	ret
E2
link_both ss.o
compare_outputs
link_both -pie ss.o
compare_outputs
