# GOTPCREL relaxation against undefined weak symbols in a static executable: they bind to 0
# inside the link, so GNU ld rewrites mov/test/binop to immediates of 0 and call/jmp to direct
# branches to address 0, for GOTPCRELX, REX_GOTPCRELX and (mov only) plain GOTPCREL (lea).
# The branches are never executed.
as_obj a.o <<'EOF_'
	.globl _start
	.weak wk, wk2
	.text
_start:
	movq wk@GOTPCREL(%rip), %rax            # mov $0, %rax
	testq %rax, %rax
	jne bad
	movl wk@GOTPCREL(%rip), %r12d           # mov $0, %r12d
	testl %r12d, %r12d
	jne bad
	movl $5, %ecx
	addq wk@GOTPCREL(%rip), %rcx            # add $0, %rcx
	cmpq $5, %rcx
	jne bad
	testq %rcx, wk2@GOTPCREL(%rip)          # test $0, %rcx
	jne bad
	xorl %edi, %edi
	movl $60, %eax
	syscall
	call *wk@GOTPCREL(%rip)                 # addr32 call 0
	jmp *wk2@GOTPCREL(%rip)                 # jmp 0; nop
bad:	movl $1, %edi
	movl $60, %eax
	syscall
EOF_
as_obj b.o -mrelax-relocations=no <<'EOF_'
	.weak wk
	.text
	movq wk@GOTPCREL(%rip), %rax            # plain GOTPCREL: lea 0(%rip) form
	movl wk@GOTPCREL(%rip), %eax
	call *wk@GOTPCREL(%rip)                 # plain GOTPCREL call: keeps a slot
EOF_
link_both -static a.o b.o
compare_outputs
run_both
