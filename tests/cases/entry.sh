# The entry point: _start by default, -e SYM / --entry=SYM, a number, and the fallback to
# the start of .text (with GNU ld's warning) when the symbol is missing.
as_obj a.o <<'EOF'
	.globl _start, other
	nop
	nop
_start:	movl	$60, %eax
	movl	$1, %edi
	syscall
other:	movl	$60, %eax
	movl	$2, %edi
	syscall
EOF
as_obj nostart.o <<'EOF'
	.globl main
	nop
main:	movl	$60, %eax
	movl	$3, %edi
	syscall
EOF
link_both a.o
compare_outputs
link_both -e other a.o
compare_outputs
run_both
[ "$(cat slink.status)" = 2 ] || fail "-e other did not take effect"
link_both --entry=other a.o
compare_outputs
link_both --entry other a.o
compare_outputs
link_both -e 0x401002 a.o
compare_outputs
link_both nostart.o
compare_outputs
expect_grep "cannot find entry symbol _start; defaulting to 0+401000" bfd.stderr
expect_grep "cannot find entry symbol _start; defaulting to 0+401000" slink.stderr
link_both -e main nostart.o
compare_outputs
# a -T script without ENTRY: the entry falls back to .text's address, and .text exists for
# GNU ld even when --gc-sections took all its inputs if an expression named it in ADDR or
# LOADADDR (bfd made the section then); an orphan placed after such a section sees it too
cat > gcent.ld <<'EOF2'
SECTIONS {
  . = 0x1000000;
  .text : ALIGN(0x800) { *(.text) }
  .data : AT(ADDR(.text) + 0x100) { *(.data) }
}
EOF2
as_obj gcent.o <<'EOF2'
	.text
	.globl _start
_start:	nop
	.data
	.globl d
d:	.long 1
	.section .orph,"ax"
	.long 2
EOF2
link_both --gc-sections -u d -T gcent.ld gcent.o --no-warn-rwx-segments
compare_outputs
sed -i 's/AT(ADDR(.text) + 0x100)//' gcent.ld
link_both --gc-sections -u d -T gcent.ld gcent.o --no-warn-rwx-segments
compare_outputs

# a -T script without ENTRY: the entry is the start of the first .text bfd made, which is the
# one of a constraint-dropped statement an earlier ADDR() made (a section at 0), not the
# orphan .text that holds the code
as_obj gh.o <<'E'
	.text
	.globl _start
_start:	ret
E
echo 'SECTIONS { . = 0x1000; PROVIDE(s2 = ADDR(.text)); .text : ONLY_IF_RW { *(.text) } .data : { *(.data) } }' > gh.ld
for kind in "" -pie; do
	# shellcheck disable=SC2086
	link_both $kind -T gh.ld gh.o
	compare_outputs
done
