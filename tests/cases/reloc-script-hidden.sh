# ld -r with HIDDEN and PROVIDE_HIDDEN script symbols: bfd makes them locals of the output
# (visibility off), after an empty FILE symbol, also a PROVIDE_HIDDEN symbol an object defines
# (and in a final link too); a symbol copying one of them gets its hidden visibility but stays
# global.
as_obj a.o <<'EOF2'
	.globl foo, bar, _start
	.text
_start:	.quad foo, bar, baz, qux, cp
foo:	nop
	.section .note.GNU-stack,"",@progbits
EOF2
as_obj b.o <<'EOF2'
	.file "b.c"
	.local loc
loc:	nop
	.globl bar
bar:	nop
	.section .note.GNU-stack,"",@progbits
EOF2
cat > s.ld <<'EOF2'
SECTIONS { .text : { *(.text) HIDDEN(h1 = .); } }
PROVIDE_HIDDEN(foo = 1);
HIDDEN(bar = 2);
PROVIDE_HIDDEN(baz = 3);
PROVIDE_HIDDEN(unused = 3);
HIDDEN(qux = baz);
cp = ~baz;
EOF2
link_both -r -T s.ld a.o b.o
compare_outputs
cmp bfd.out slink.out || fail "-r output is not byte-identical to ld.bfd's"
readelf -sW slink.out | grep -Eq 'LOCAL +DEFAULT +ABS bar$' || fail "HIDDEN(bar) is not a local"
readelf -sW slink.out | grep -Eq 'GLOBAL +HIDDEN +ABS cp$' || fail "cp = ~baz lost baz's visibility"
# a final link hides the object's foo too
link_both -T s.ld a.o b.o
compare_outputs
readelf -sW slink.out | grep -Eq 'LOCAL +DEFAULT +1 foo$' || fail "PROVIDE_HIDDEN(foo) did not hide the object's foo"
