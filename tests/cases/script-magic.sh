# -N (--omagic) and -n (--nmagic): GNU ld's built-in .xbn / .xn scripts, no demand paging
# (headers outside the PT_LOADs, no page alignment of file offsets, one segment while
# sections are contiguous, no PT_GNU_RELRO), and with -N a writable .text.
as_obj c.o <<'EOF2'
	.text
	.globl _start
_start:	ret
	.section .rodata.x,"a"
	.long 1
	.data
	.long 2
	.section .data.rel.ro,"aw"
	.quad 3
	.section .tdata,"awT"
	.long 4
	.section .tbss,"awT",@nobits
	.zero 8
	.section .note.x,"a",@note
	.long 0,0,0
	.bss
	.zero 4
EOF2
for opt in -N -n "-N -z noseparate-code" "-n -z separate-code" "-N --no-omagic"; do
	# shellcheck disable=SC2086
	link_both $opt c.o
	compare_outputs
done
# -N makes writable the .text bfd made first: one an INSERT script (walked before the built-in
# script it goes into) holds, not the built-in script's own
printf 'SECTIONS {\n  .text : { KEEP(*(.text)) }\n}\nINSERT BEFORE .rodata;\n' > nt.ld
as_obj nt.o <<'EOF2'
	.text
	.globl _start
_start:	ret
	.section .text.unlikely.z,"ax",@progbits
	ret
	.section .rodata,"a"
	.long 1
EOF2
link_both -N -T nt.ld nt.o --no-warn-rwx-segments
compare_outputs
need_cmd musl-gcc
cat > m.c <<'EOF2'
#include <stdio.h>
static int counter = 3;
int main(void) { counter += 4; printf("counter %d\n", counter); return counter - 7; }
EOF2
musl-gcc -O2 -c m.c -o m.o
# (such static programs do not run under Linux even when linked by ld.bfd: layout only)
for opt in -N -n; do
	musl_both m.o -Wl,$opt
	compare_outputs
done

# -n with a NOBITS section before the relro sections (an INSERT puts one there): the PT_LOAD
# split there starts inside the relro range, and bfd makes PT_GNU_RELRO for it whatever the
# paging.
cat > nr.s <<'EOF'
	.text
	.globl _start
_start:	nop
	.section .rodata,"a"
	.long 1
	.section .mybss,"aw",@nobits
	.zero 17
	.section .data.rel.ro,"aw"
	.quad 1
	.data
	.long 2
EOF
as_obj nr.o nr.s
printf 'SECTIONS {\n  .mybss : { *(.mybss) }\n}\nINSERT AFTER .rodata;\n' > nr.ld
link_both -n -T nr.ld nr.o --no-warn-rwx-segments
compare_outputs
grep -q GNU_RELRO <(readelf -lW bfd.out) || fail "the test lost its PT_GNU_RELRO"
