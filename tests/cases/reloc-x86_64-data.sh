# x86-64 data and PC-relative relocations in a static executable: R_X86_64_64, 32, 32S, 16, 8,
# PC64, PC32, PC16, PC8, PLT32, SIZE32, SIZE64, NONE.  The program checks a few values itself;
# compare_outputs checks every byte.
as_obj a.o <<'EOF_'
	.globl _start
	.text
_start:
	call fn@PLT                     # R_X86_64_PLT32
	call fn                         # R_X86_64_PLT32 too (as emits it for calls)
	movl $sym, %eax                 # R_X86_64_32
	movq $sym, %rbx                 # R_X86_64_32S
	cmpq %rax, %rbx
	jne bad
	leaq sym(%rip), %rcx            # R_X86_64_PC32
	cmpq %rax, %rcx
	jne bad
	movq d64(%rip), %rdx
	cmpq %rax, %rdx
	jne bad
	movl dsize(%rip), %edx
	cmpl $24, %edx
	jne bad
	.reloc ., R_X86_64_NONE, sym
	xorl %edi, %edi
	movl $60, %eax
	syscall
bad:	movl $1, %edi
	movl $60, %eax
	syscall

	.data
d64:	.quad sym                       # R_X86_64_64
	.quad sym + 0x123456789         # R_X86_64_64 with a large addend
	.long sym - 8                   # R_X86_64_32
	.reloc ., R_X86_64_32S, sym + 0x10
	.long 0
	.word abs16                     # R_X86_64_16
	.word abs16 - 0x10000           # R_X86_64_16: a bitfield, so -0x10 fits
	.byte abs8                      # R_X86_64_8
	.byte abs8 - 0x100              # R_X86_64_8: -0x10 fits
	.quad sym - .                   # R_X86_64_PC64
	.long sym - .                   # R_X86_64_PC32
	.long local - . + 100           # R_X86_64_PC32 against a section symbol
	.word t16 - .                   # R_X86_64_PC16
	.word t16 - . - 0x9000          # R_X86_64_PC16: bitfield, a negative value fits
	.byte t8 - .                    # R_X86_64_PC8
	.byte t8 - . - 0x70             # R_X86_64_PC8
	.p2align 3
dsize:	.long sym@SIZE                  # R_X86_64_SIZE32
	.long sym@SIZE + 3
	.quad sym@SIZE - 1              # R_X86_64_SIZE64
	.quad fn@SIZE
	.quad undefweak                 # R_X86_64_64 against an undefined weak symbol: 0
	.long undefweak - .             # R_X86_64_PC32 against it: -P
	.weak undefweak
local:	.byte 1
EOF_
as_obj b.o <<'EOF_'
	.globl fn, sym, t16, t8
	.text
	.type fn, @function
fn:	ret
	.size fn, . - fn
	.section .rodata
	.type sym, @object
sym:	.zero 24
	.size sym, 24
	.data
t16:	.byte 2
t8:	.byte 3
EOF_
link_both -static --defsym abs16=0xfff0 --defsym abs8=0xf0 a.o b.o
compare_outputs
run_both
