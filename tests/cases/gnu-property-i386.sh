# .note.gnu.property for i386 (-m elf_i386): ELF32 notes, 4-byte aligned properties, a
# 4-byte STACK_SIZE, and the LAM bits of X86_FEATURE_1_AND cleared (64-bit only).
cat > main.c <<'SRC'
int val(void);
void _start(void)
{
	__asm__ volatile("int $0x80" : : "a"(1), "b"(val()) : "memory");
	for (;;)
		;
}
SRC
cc_obj cet-main.o -m32 -O2 -fcf-protection=full < main.c
cc_obj plain-main.o -m32 -O2 -fcf-protection=none < main.c
cc_obj cet-val.o -m32 -O2 -fcf-protection=full <<'SRC'
int val(void) { return 42; }
SRC
cc_obj plain-val.o -m32 -O2 -fcf-protection=none <<'SRC'
int val(void) { return 42; }
SRC
as_obj isa.o --32 <<'SRC'
	.globl isa_fn
isa_fn:	ret
	.section .note.gnu.property,"a",@note
	.p2align 2
	.long 4, 1f - 0f, 5
	.asciz "GNU"
0:	.long 0xc0010002, 4, 3
	.long 0xc0008002, 4, 1
	.long 1, 4, 0x30000
	.long 0xc0000002, 4, 0xf
	.long 0xc0008001, 4, 3
1:
	.section .note.GNU-stack,"",@progbits
SRC
for args in "cet-main.o cet-val.o" "cet-main.o plain-val.o" "plain-main.o cet-val.o" \
	    "-z ibt plain-main.o cet-val.o" "-z shstk cet-main.o cet-val.o" \
	    "-z ibt -z shstk plain-main.o plain-val.o" "-z x86-64-v2 plain-main.o cet-val.o" \
	    "-z stack-size=0x100000 cet-main.o cet-val.o" "-z stack-size=0x1000 cet-main.o cet-val.o isa.o" \
	    "isa.o cet-main.o cet-val.o" "-z shstk isa.o cet-main.o plain-val.o"; do
	echo "== $args" >&2
	link_both -m elf_i386 $args
	compare_outputs
done
run_both qemu-i386
link_both -m elf_i386 cet-main.o cet-val.o
compare_outputs
run_both qemu-i386
