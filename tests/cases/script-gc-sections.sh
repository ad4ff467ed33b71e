# --gc-sections and --print-gc-sections: roots (entry, -u, KEEP() in the script, notes,
# SHF_GNU_RETAIN), relocations followed, __start_/__stop_ references keeping their sections,
# COMDAT groups kept whole, .eh_frame entries going with their code; GNU ld's message wording.
as_obj d.o <<'EOF2'
	.text
	.globl _start
_start:	lea __start_my_sec(%rip), %rax
	lea __stop_my_sec(%rip), %rax
	call f2
	ret
	.section .text.f1,"ax"
	.globl f1
f1:	ret
	.section .text.f2,"ax"
	.globl f2
f2:	call f3
	call grp_fn
	ret
	.section .text.f3,"ax"
f3:	ret
	.section my_sec,"aw"
	.long 1
	.section other_sec,"aw"
	.long 2
	.section .data.a,"aw"
	.long 3
	.section .rodata.kept,"a"
	.long 4
	.section .rodata.retained,"aR"
	.long 5
	.section .text.grp,"axG",@progbits,grp_fn,comdat
	.globl grp_fn
grp_fn:	ret
	.section .data.grp,"awG",@progbits,grp_fn,comdat
	.long 6
	.section .note.keepme,"a",@note
	.long 0,0,0
	.section .comment.x,"",@progbits
	.asciz "kept with its file"
EOF2
as_obj e.o <<'EOF2'
	.section .text.e,"ax"
	.globl e1
e1:	ret
	.section .rodata.e,"a"
	.long 9
	.section .text.u,"ax"
	.globl by_u
by_u:	ret
	.section .debug_foo,"",@progbits
	.long 1
EOF2
link_both --gc-sections --print-gc-sections d.o e.o
compare_outputs
sed 's/^[^:]*: //' bfd.stderr > bfd.msgs
sed 's/^[^:]*: //' slink.stderr > slink.msgs
diff bfd.msgs slink.msgs || fail "--print-gc-sections lists differ"
link_both --gc-sections -u by_u d.o e.o
compare_outputs
cat > keep.ld <<'EOF2'
SECTIONS {
  . = 0x10000;
  .text : { *(.text .text.*) }
  .rodata : { KEEP(*(.rodata.kept)) *(.rodata*) }
  .data : { *(.data*) }
  my_sec : { *(my_sec) }
  other_sec : { KEEP(*(other_sec)) }
}
EOF2
link_both --gc-sections --print-gc-sections -T keep.ld d.o e.o
compare_outputs
# (group members are named `name[signature]', and a .group section goes with its first member)
sed 's/^[^:]*: //' bfd.stderr > bfd.msgs
sed 's/^[^:]*: //' slink.stderr > slink.msgs
grep -q "'\.group'" bfd.msgs || fail "the test lost its section group"
diff bfd.msgs slink.msgs || fail "--print-gc-sections lists differ"

# i386: the same walk over REL relocations (calls, absolute data, a section symbol)
as_obj d32.o --32 <<'EOF2'
	.text
	.globl _start
_start:	call f2
	movl $tab, %eax
	movl .Lloc, %eax
	ret
	.section .text.f1,"ax"
	.globl f1
f1:	ret
	.section .text.f2,"ax"
	.globl f2
f2:	call f3
	ret
	.section .text.f3,"ax"
f3:	ret
	.section .data.tab,"aw"
tab:	.long 1
	.section .rodata.loc,"a"
.Lloc:	.long 2
	.section .rodata.unused,"a"
	.long 3
EOF2
link_both -m elf_i386 --gc-sections --print-gc-sections d32.o
compare_outputs
sed 's/^[^:]*: //' bfd.stderr > bfd.msgs
sed 's/^[^:]*: //' slink.stderr > slink.msgs
diff bfd.msgs slink.msgs || fail "--print-gc-sections lists differ (i386)"

# C with -ffunction-sections: unwind tables, a static C library
need_cmd musl-gcc
cat > g.c <<'EOF2'
#include <stdio.h>
static int unused_helper(int x) { return x * 3; }
int used_helper(int x) { return x + 1; }
int never_called(int x) { return unused_helper(x) + 2; }
int table[100] = {1};
int unused_table[100] = {2};
__attribute__((section("mysec"))) int tagged = 5;
extern int __start_mysec[], __stop_mysec[];
int main(void) { printf("%d %d\n", used_helper(table[0]), (int)(__stop_mysec - __start_mysec)); return 0; }
EOF2
musl-gcc -O2 -ffunction-sections -fdata-sections -c g.c -o g.o
musl_both g.o -Wl,--gc-sections
compare_outputs
run_both
# everything collected (no entry symbol): no output section is left, and then bfd writes no
# program headers at all, not even PT_GNU_STACK
as_obj nothing.o <<'E2'
	.text
	nop
	.section .note.GNU-stack,"",@progbits
E2
echo 'SECTIONS { .text : { *(.text) } }' > nothing.ld
link_both -T nothing.ld --gc-sections nothing.o
compare_outputs
# a `.text' whose code inputs were all collected is not code to bfd (no SEC_CODE, though its
# name gives it AX): -z separate-code does not give the headers a segment of their own
as_obj nocode.o <<'E2'
	.text
	nop
	.section .data.x,"aw"
	.long 1
E2
echo 'SECTIONS { .text 0x20800 : { SHORT(256); *(.text) } .data.x 0x21000 : { *(.data.x) } }' > nocode2.ld
link_both -T nocode2.ld --gc-sections -e 0 nocode.o
compare_outputs
link_both -T nocode2.ld -e 0 nocode.o
compare_outputs
# a file's common symbols are one COMMON section for --gc-sections (GNU ld allocates them
# before collecting): kept whole when one is referenced from a kept section or by
# KEEP(*(COMMON)), else removed with its symbols
as_obj com1.o <<'E'
	.text
	.globl _start
_start:	ret
	.comm unused_c,8,8
	.comm other_c,4,4
	.data
	.quad other_c
E
as_obj com2.o <<'E'
	.text
	.globl _start
_start:	mov used_c(%rip), %eax
	ret
	.comm used_c,4,4
	.comm unused2_c,16,16
E
for objs in com1.o com2.o; do
	link_both --gc-sections --print-gc-sections $objs
	compare_outputs
	compare_warnings
	echo 'SECTIONS { .text 0x1000 : { *(.text) } .bss : { KEEP(*(COMMON)) } }' > kc.ld
	link_both --gc-sections -T kc.ld $objs
	compare_outputs
done
# a file whose only kept allocated section lost to an earlier copy (.gnu.linkonce) keeps none:
# its unallocated sections go too (bfd's _bfd_elf_gc_mark_extra_sections)
for n in 1 2; do
	as_obj lk$n.o <<E
	.section .gnu.linkonce.r.x,"a",@progbits
	.long $n
	.section .extra$n,"",@progbits
	.long $n
	.text
	.globl _start$n
_start$n: ret
E
done
link_both --gc-sections --print-gc-sections -e _start1 lk1.o lk2.o
compare_outputs
compare_warnings
# KEEP keeps what its patterns match whatever INPUT_SECTION_FLAGS say (GNU ld marks through
# walk_wild); the flags then keep the rule from taking it, and it is an orphan
as_obj kf.o <<'E'
	.text
	.globl _start
_start:	ret
	.section .bss.z,"aw",@nobits
	.zero 4
E
echo 'SECTIONS { .text : { *(.text) } .b : { KEEP(INPUT_SECTION_FLAGS(!SHF_ALLOC) *(.bss.z)) } }' > kf.ld
link_both --gc-sections --print-gc-sections -T kf.ld kf.o
compare_outputs
compare_warnings
# a symbol of a section --gc-sections or /DISCARD/ removed still has a value in expressions:
# GNU ld gives such a section the absolute section as output, so the symbol reads as a plain
# number, its offset in the section (absolute outside output sections, relative inside)
as_obj dv.o <<'E'
	.text
	.globl _start
_start:	nop
	.data
	.long 1
	.globl d
d:	.long 2
	.section .text.unused,"ax",@progbits
	.quad 7
	.globl u
u:	.quad 8
E
echo 'SECTIONS { .text : { *(.text) } /DISCARD/ : { *(.data) } x = d + 2; .data : { y = u + 3; LONG(u) } }' > dv.ld
link_both --gc-sections -e _start -T dv.ld dv.o
compare_outputs
