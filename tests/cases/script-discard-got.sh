# /DISCARD/ taking the linker's GOT sections: a .got.plt with contents cannot be filled in
# (GNU ld's x86 backend fails: "discarded output section"); a discarded .got leaves its slots
# at address 0, GNU ld's absolute section (ld-x86-64/discarded1).
as_obj a.o <<'EOF2'
	.text
	.globl _start
_start:
	divq	x@GOTPCREL(%rip), %rax
	.globl x
	.data
	.align 4
x:	.long	2
EOF2
cat > all.ld <<'EOF2'
ENTRY(_start)
SECTIONS
{
  .text : {*(.text)}
  .data : {*(.data)}
  /DISCARD/ : {*(*)}
}
EOF2
expect_fail_both "discarded output section: .\.got\.plt'" -T all.ld a.o
cat > got.ld <<'EOF2'
ENTRY(_start)
SECTIONS
{
  .text : {*(.text)}
  .data : {*(.data)}
  .got.plt : { *(.got.plt) }
  /DISCARD/ : {*(.got)}
}
EOF2
link_both -T got.ld a.o
compare_outputs
