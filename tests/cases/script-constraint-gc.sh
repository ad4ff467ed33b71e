# ONLY_IF_RO / ONLY_IF_RW look at every input section their patterns match, even one
# --gc-sections removed: GNU ld checks the constraint before it leaves gc'd sections out.
# Here an unreferenced writable .data makes `.ro : ONLY_IF_RO` fail, so the read-only note it
# would have taken becomes an orphan under its own name; and an unreferenced read-only
# section keeps `.rw : ONLY_IF_RW` from holding only writable inputs.
as_obj a.o <<'EOF2'
	.text
	.globl _start
_start:	nop
	.quad live_w
	.section .note.my,"a",@note
	.globl note_sym
note_sym:
	.long 4, 4, 1
	.asciz "GNU"
	.long 1
	.data
	.globl dead_w
dead_w:	.long 1
	.section .data.live,"aw"
	.globl live_w
live_w:	.long 2
	.section .rodata.dead,"a"
	.long 3
EOF2
cat > gc.ld <<'EOF2'
SECTIONS {
  .text 0x401000 : { *(.text) }
  .ro : ONLY_IF_RO { *(.data) *(.note.*) }
  .rw : ONLY_IF_RW { *(.data.live) *(.rodata.dead) }
  .other : { *(.data*) *(.rodata*) }
}
EOF2
link_both -T gc.ld --gc-sections -u note_sym a.o --no-warn-rwx-segments
compare_outputs
# without --gc-sections the same answer (the constraints fail the same way)
link_both -T gc.ld -u note_sym a.o --no-warn-rwx-segments
compare_outputs
