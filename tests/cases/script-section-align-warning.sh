# "start of section X changed by N": GNU ld warns when aligning moves an output section off
# the address its statement (or -Tdata, --section-start) gives, for sections bfd made (an
# empty one later removed too, not one nothing ever went into), and with --warn-section-align
# for every section, orphans included.
as_obj a.o <<'E'
	.text
	.globl _start
_start:	ret
	.data
	.long 1
	.section .d2,"aw"
	.p2align 3
	.quad 2
E
cat > align.ld <<'E'
SECTIONS {
	.text : { *(.text) }
	.e 0x1001 : ALIGN(16) { *(.nothing) }
	.e2 0x1001 : ALIGN(16) { *(.nothing2) *(.data.none) }
	.e3 0x2001 : ALIGN(16) { . = . ; }
	.e4 0x3001 : { . = ALIGN(16); LONG(1) }
	.data 0x4001 : ALIGN(8) { *(.data) }
	.d2 0x5002 : { *(.d2) }
}
E
for args in "-T align.ld" "-T align.ld --warn-section-align" "--section-start=.data=0x600003 -Ttext=0x400000" \
	    "--warn-section-align"; do
	# shellcheck disable=SC2086
	link_both $args a.o
	compare_outputs
	compare_warnings
done
