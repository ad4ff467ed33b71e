# x86-64 relocations against the GOT in a static executable: GOTPC32, GOTPC64, GOTOFF64,
# PLTOFF64, GOT32, GOT64, GOTPLT64, GOTPCREL64, and GOTPCREL loads that keep their slot (an
# addend other than -4 is never relaxed).  The slots hold the symbols' addresses.
as_obj a.o <<'EOF_'
	.globl _start
	.text
_start:
	leaq _GLOBAL_OFFSET_TABLE_(%rip), %rbx  # R_X86_64_GOTPC32
	movabs $foo@GOTOFF, %rax                # R_X86_64_GOTOFF64
	addq %rbx, %rax
	leaq foo(%rip), %rcx
	cmpq %rax, %rcx
	jne bad
	movq foo@GOT(%rbx), %rax                # R_X86_64_GOT32: slot offset from GOT
	cmpq %rax, %rcx
	jne bad
	movabs $foo@GOT, %rax                   # R_X86_64_GOT64
	movq (%rbx,%rax), %rax
	cmpq %rax, %rcx
	jne bad
	movq foo@GOTPCREL+4(%rip), %rax         # R_X86_64_REX_GOTPCRELX, addend 0: kept
	movq bar@GOTPCREL(%rip), %rdx           # relaxed to mov $bar
	movq (%rdx), %rdx
	cmpq $42, %rdx
	jne bad
	xorl %edi, %edi
	movl $60, %eax
	syscall
bad:	movl $1, %edi
	movl $60, %eax
	syscall
	.data
	.quad _GLOBAL_OFFSET_TABLE_ - .         # R_X86_64_GOTPC64
	.quad foo@GOTPCREL                      # R_X86_64_GOTPCREL64
	.quad foo@GOTPLT                        # R_X86_64_GOTPLT64
	.quad foo@PLTOFF                        # R_X86_64_PLTOFF64
	.quad baz@GOTOFF - 8                    # R_X86_64_GOTOFF64 with an addend
	.text
	movabs $_GLOBAL_OFFSET_TABLE_, %rax     # R_X86_64_GOTPC64
EOF_
as_obj b.o <<'EOF_'
	.globl foo, bar, baz
	.text
foo:	ret
	.data
bar:	.quad 42
baz:	.quad 43
EOF_
objdump -r a.o | grep -q R_X86_64_GOTPC64 || fail "as did not emit R_X86_64_GOTPC64"
link_both -static a.o b.o
compare_outputs
run_both
