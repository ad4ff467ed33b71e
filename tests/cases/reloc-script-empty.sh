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
# -r: a NOLOAD section has no contents, so bfd writes no relocation section for it (even when
# its inputs are PROGBITS with relocations)
as_obj nl.o <<'EOF2'
	.text
	.globl _start
_start:	ret
	.section .keep,"aw"
	.quad _start
	.section .code2,"ax"
	call _start
EOF2
echo 'SECTIONS { .text 0 : { *(.text) } .keep (NOLOAD) : { *(.keep) } .code2 (NOLOAD) : { *(.code2) } }' > nl.ld
link_both -r -T nl.ld nl.o
compare_outputs
readelf -rW bfd.out > bfd.rel
readelf -rW slink.out > slink.rel
diff bfd.rel slink.rel || fail "relocations differ"

# -r: an output section only `.' gave room keeps the type its name has (no PT_LOAD makes it
# NOBITS), and an empty overlay member stays (the __load_start_X PROVIDE made it).
cat > ov.s <<'EOF'
	.text
	.globl _start
_start:	nop
	.section .text.bar,"ax"
	ret
EOF
as_obj ov.o ov.s
echo 'SECTIONS { .text : { *(.text*) } .text.bar : { . += 8; *(.text.bar) x = .; } .bss.y : { . += 4; } }' > ov1.ld
echo 'SECTIONS { OVERLAY 0x1000 : { .text { *(.text .text.*) } .text.bar { *(.text.*) } } }' > ov2.ld
for s in ov1 ov2; do
	link_both -r -T $s.ld ov.o
	compare_outputs
done

# -r: an unallocated (COPY, INFO) section shows its name's SHF_ALLOC in its header, as bfd's
# table of special sections gives it
printf '\t.text\n\t.globl _start\n_start:\tnop\n\t.section .text.foo,"ax"\n\tret\n' > cp.s
as_obj cp.o cp.s
echo 'SECTIONS { .text : { *(.text*) } .text.foo (COPY) : { x = 1; *(.text.foo) } .init_array (INFO) : { y = 2; } }' > cp.ld
link_both -r -T cp.ld cp.o
compare_outputs
# -r keeps an empty section an ADDR or LOADADDR made, wherever the reference stands
as_obj ad.o <<'E'
	.text
	.globl _start
_start:	ret
	.data
	.long 1
E
for sc in 'SECTIONS { .text : { *(.text) } .foo : { *(.nothing) } .data : { *(.data) x = LOADADDR(.foo); } }' \
	  'SECTIONS { .text : { *(.text) } x = ADDR(.foo); .foo : { *(.nothing) } .data : { *(.data) } }'; do
	echo "$sc" > ad.ld
	link_both -r -T ad.ld ad.o
	compare_outputs
done
