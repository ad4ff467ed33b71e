# -r strips no empty output section that bfd made (strip_excluded_output_sections does not run
# for -r): one with an input, or with any statement (a symbol assignment, FILL, ASSERT, data).
# Those with nothing in them are not made.
as_obj o.o <<'EOF2'
	.text
	nop
	.data
	.long 1
	.section .note.GNU-stack,"",@progbits
EOF2
cat > e.ld <<'EOF2'
SECTIONS {
	.text : { *(.text) }
	.e1 : { s1 = .; }
	.e2 : { FILL(0x90); }
	.e3 : { }
	.e4 : { ASSERT(1, "x"); }
	.e5 : { . = . + 0; }
	.data : { *(.data) }
}
EOF2
link_both -r -T e.ld o.o
compare_outputs
cmp bfd.out slink.out || fail "-r output is not byte-identical to ld.bfd's"
readelf -SW slink.out | grep -q ' \.e1 ' || fail ".e1 (symbol assignment only) was stripped"
