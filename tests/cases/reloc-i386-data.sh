# i386 (REL) data and PC-relative relocations in a static executable: R_386_32, PC32, PLT32,
# 16, PC16, 8, PC8, NONE.  The addend is in the place, including negative 16- and 8-bit ones.
as_obj a.o --32 <<'EOF_'
	.globl _start
	.text
_start:
	call fn                                 # R_386_PC32
	call fn@PLT                             # R_386_PLT32
	movl $sym, %eax                         # R_386_32
	movl d32, %ebx
	cmpl %eax, %ebx
	jne bad
	movl d32 + 4, %ebx
	addl $8, %ebx
	cmpl %eax, %ebx
	jne bad
	.reloc ., R_386_NONE, sym
	xorl %ebx, %ebx
	movl $1, %eax
	int $0x80
bad:	movl $1, %ebx
	movl $1, %eax
	int $0x80

	.data
d32:	.long sym                               # R_386_32
	.long sym - 8                           # R_386_32, addend -8 in place
	.long sym - .                           # R_386_PC32
	.long sym - . + 0x1000
	.word abs16                             # R_386_16
	.word abs16 - 0x8000                    # R_386_16, negative addend in place
	.word neg16                             # R_386_16: bitfield, -0x10 fits
	.word abs16 + 0x0f                      # R_386_16: 0xffff
	.byte abs8                              # R_386_8
	.byte abs8 - 0x80                       # R_386_8, negative addend in place
	.byte neg8                              # R_386_8: bitfield, -0x10 fits
	.word t16 - .                           # R_386_PC16
	.word t16 - . - 0x7000
	.byte t8 - .                            # R_386_PC8
	.byte t8 - . - 0x70
	.long undefweak                         # R_386_32 against an undefined weak: 0
	.long undefweak - .                     # R_386_PC32: -P
	.weak undefweak
EOF_
as_obj b.o --32 <<'EOF_'
	.globl fn, sym, t16, t8
	.text
fn:	ret
	.section .rodata
sym:	.zero 24
	.data
t16:	.byte 2
t8:	.byte 3
EOF_
link_both -m elf_i386 -static --defsym abs16=0xfff0 --defsym abs8=0xf0 \
	--defsym neg16=-0x10 --defsym neg8=-0x10 a.o b.o
compare_outputs
run_both qemu-i386
