# R_386_GOT32X relaxation in a static executable, as GNU ld 2.40 does it: mov -> mov $imm (with
# or without a base register), call -> addr16 call, jmp -> jmp; nop, test and binops ->
# immediates; undefined weak symbols become 0 (loads) or direct branches to 0; absolute symbols
# are relaxed too.  No GOT slot is left.
as_obj a.o --32 <<'EOF_'
	.globl _start, ab
	.weak wk
	.text
_start:
	call 1f
1:	popl %ebx
	addl $_GLOBAL_OFFSET_TABLE_+(.-1b), %ebx
	movl foo@GOT(%ebx), %eax                # mov $foo, %eax
	cmpl $foo, %eax
	jne bad
	movl foo@GOT, %ecx                      # baseless: mov $foo, %ecx
	cmpl $foo, %ecx
	jne bad
	testl %ecx, foo@GOT(%ebx)               # test $foo, %ecx
	je bad
	movl $1, %edx
	addl foo@GOT(%ebx), %edx                # add $foo, %edx
	subl foo@GOT(%ebx), %edx
	cmpl $1, %edx
	jne bad
	orl foo@GOT(%ebx), %edx
	xorl foo@GOT(%ebx), %edx
	andl foo@GOT(%ebx), %edx
	cmpl foo@GOT(%ebx), %eax
	jne bad
	movl wk@GOT(%ebx), %esi                 # undefined weak: mov $0, %esi
	testl %esi, %esi
	jne bad
	addl wk@GOT(%ebx), %esi
	jne bad
	movl ab@GOT(%ebx), %edi                 # absolute: mov $0x12345, %edi
	cmpl $0x12345, %edi
	jne bad
	call *fn@GOT(%ebx)                      # addr16 call fn
	cmpl $7, %eax
	jne bad
	call *fn@GOT                            # baseless call
	jmp *done@GOT(%ebx)                     # jmp done; nop
bad:	movl $1, %ebx
	movl $1, %eax
	int $0x80
	call *wk@GOT(%ebx)                      # never run: call 0
	jmp *wk@GOT                             # jmp 0
	.set ab, 0x12345
EOF_
as_obj b.o --32 <<'EOF_'
	.globl foo, fn, done
	.text
fn:	movl $7, %eax
	ret
done:	xorl %ebx, %ebx
	movl $1, %eax
	int $0x80
	.data
foo:	.long 0
EOF_
link_both -m elf_i386 -static a.o b.o
compare_outputs
run_both qemu-i386
