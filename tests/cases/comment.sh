# .comment sections are concatenated with identical strings merged (they are SHF_MERGE|
# SHF_STRINGS); the non-alloc bytes are compared too.
as_obj a.o <<'EOF'
	.globl _start
_start:	movl	$60, %eax
	xorl	%edi, %edi
	syscall
	.ident	"tool A 1.0"
	.ident	"shared ident"
	.section .note.GNU-stack,"",@progbits
EOF
as_obj b.o <<'EOF'
	.ident	"shared ident"
	.ident	"tool B 2.0"
	.section .note.GNU-stack,"",@progbits
EOF
cc_obj c.o -O2 <<'EOF'
int c_var = 1;
EOF
link_both a.o b.o c.o
compare_outputs --bytes .comment
