# -r turns GNU ld's section overlap check off only by default: an explicit --check-sections
# still checks (all sections of a script-less -r link start at 0 and overlap).
as_obj o.o <<'EOF2'
	.text
	nop
	.data
	.long 1
	.section .note.GNU-stack,"",@progbits
EOF2
expect_fail_both 'section \.data LMA \[0+,0+3\] overlaps section \.text LMA \[0+,0+\]' -r --check-sections o.o
link_both -r o.o
compare_outputs
link_both -r --check-sections --no-check-sections o.o
compare_outputs
