# .note.gnu.property on x86-64: GNU ld keeps the first object's section, rewrites it with the
# merged property list (sorted by type, 8-byte aligned properties) and drops the others; an
# input without an AND property (X86_FEATURE_1_AND: IBT/SHSTK) removes it, and an empty list
# drops the note and PT_GNU_PROPERTY.  -z ibt / -z shstk / -z x86-64-v2 / -z stack-size= add
# properties (making the note when no input has one).
cat > main.c <<'SRC'
static long sys_exit(long c)
{
	long r;
	__asm__ volatile("syscall" : "=a"(r) : "a"(60), "D"(c) : "rcx", "r11", "memory");
	return r;
}
int val(void);
void _start(void) { sys_exit(val()); }
SRC
cc_obj cet-main.o -O2 -fcf-protection=full < main.c
cc_obj plain-main.o -O2 -fcf-protection=none < main.c
cc_obj cet-val.o -O2 -fcf-protection=full <<'SRC'
int val(void) { return 42; }
SRC
cc_obj plain-val.o -O2 -fcf-protection=none <<'SRC'
int val(void) { return 42; }
SRC
cc_obj ibt-only.o -O2 -fcf-protection=branch <<'SRC'
int other(void) { return 7; }
SRC
cc_obj plain-other.o -O2 -fcf-protection=none <<'SRC'
int other2(void) { return 8; }
SRC
# hand-written notes: x86 ISA_1_NEEDED/USED, FEATURE_2_NEEDED/USED, STACK_SIZE, a generic OR
# property that is 0, a generic AND, NO_COPY_ON_PROTECTED, FEATURE_1_AND; not sorted by type
as_obj isa-a.o <<'SRC'
	.globl isa_a
isa_a:	ret
	.section .note.gnu.property,"a",@note
	.p2align 3
	.long 4, 1f - 0f, 5
	.asciz "GNU"
0:	.long 0xc0008002, 4, 2
	.p2align 3
	.long 0xc0010002, 4, 3
	.p2align 3
	.long 0xc0010001, 4, 0x41
	.p2align 3
	.long 0xc0008001, 4, 1
	.p2align 3
	.long 1, 8
	.quad 0x20000
	.long 0xb0008000, 4, 0
	.p2align 3
	.long 0xb0000001, 4, 5
	.p2align 3
	.long 2, 0
	.long 0xc0000002, 4, 3
	.p2align 3
1:
	.section .note.GNU-stack,"",@progbits
SRC
as_obj isa-b.o <<'SRC'
	.globl isa_b
isa_b:	ret
	.section .note.gnu.property,"a",@note
	.p2align 3
	.long 4, 1f - 0f, 5
	.asciz "GNU"
0:	.long 0xb0000001, 4, 4
	.p2align 3
	.long 1, 8
	.quad 0x40000
	.long 0xc0000002, 4, 1
	.p2align 3
	.long 0xc0008002, 4, 4
	.p2align 3
	.long 0xc0010001, 4, 2
	.p2align 3
	.long 0xc0010002, 4, 8
	.p2align 3
1:
	.section .note.GNU-stack,"",@progbits
SRC
# two notes in one section, and a property note in a section of another name
as_obj two-notes.o <<'SRC'
	.section .note.gnu.property,"a",@note
	.p2align 3
	.long 4, 16, 5
	.asciz "GNU"
	.long 0xc0000002, 4, 1
	.p2align 3
	.long 4, 16, 5
	.asciz "GNU"
	.long 0xc0000002, 4, 2
	.p2align 3
	.section .note.other,"a",@note
	.p2align 3
	.long 4, 16, 5
	.asciz "GNU"
	.long 0xc0008002, 4, 8
	.p2align 3
	.section .note.GNU-stack,"",@progbits
SRC
make_archive libcet.a cet-val.o ibt-only.o
make_archive libmixed.a plain-val.o ibt-only.o

for args in "cet-main.o cet-val.o" "cet-main.o plain-val.o" "plain-main.o cet-val.o" \
	    "cet-main.o cet-val.o ibt-only.o" "cet-main.o libcet.a" "cet-main.o libmixed.a" \
	    "-z ibt plain-main.o cet-val.o" "-z shstk cet-main.o plain-val.o" \
	    "-z ibt -z shstk plain-main.o plain-val.o" "-z shstk cet-main.o ibt-only.o cet-val.o" \
	    "-z x86-64-v2 plain-main.o plain-val.o" "-z x86-64-v2 cet-main.o cet-val.o" \
	    "-z x86-64-v4 plain-main.o cet-val.o" "-z x86-64-baseline plain-val.o" "-z x86-64-baseline cet-val.o" \
	    "-z stack-size=0x100000 cet-main.o cet-val.o" "-z stack-size=0x100000 cet-main.o plain-val.o" \
	    "-z stack-size=0x100000 plain-main.o plain-val.o" "-z stack-size=0x100 cet-main.o cet-val.o isa-a.o" \
	    "cet-main.o cet-val.o isa-a.o isa-b.o" "isa-b.o cet-main.o isa-a.o cet-val.o" \
	    "-z x86-64-v3 -z ibt cet-main.o cet-val.o isa-a.o plain-other.o" \
	    "cet-main.o cet-val.o two-notes.o" "two-notes.o cet-main.o cet-val.o"; do
	echo "== $args" >&2
	link_both $args
	compare_outputs
done
link_both cet-main.o cet-val.o
run_both
link_both -z ibt -z shstk -z stack-size=0x100000 plain-main.o cet-val.o
compare_outputs
run_both
