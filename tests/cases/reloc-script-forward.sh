# ADDR/LOADADDR of a section not placed yet in the sizing pass (a forward reference, or
# LOADADDR of the section itself) are invalid to GNU ld where it needs a value at once: the load
# base of AT(), a section's address, an assignment to `.`.  With -r and without; the same
# references to sections already placed are fine.  A section that does not exist is as invalid
# there (before the final pass would call it undefined).
as_obj o.o <<'EOF2'
	.text
	nop
	.data
	.long 1
	.section .note.GNU-stack,"",@progbits
EOF2
for r in -r ""; do
	echo 'SECTIONS { .text : AT(ADDR(.data) + 4) { *(.text) } .data : { *(.data) } }' > at.ld
	# shellcheck disable=SC2086
	expect_fail_both 'at\.ld:1:.*nonconstant expression for load base' $r -T at.ld o.o
	echo 'SECTIONS { .text : AT(LOADADDR(.text)) { *(.text) } }' > self.ld
	# shellcheck disable=SC2086
	expect_fail_both 'nonconstant expression for load base' $r -T self.ld o.o
	echo 'SECTIONS { .text : { *(.text) . += ADDR(.data); } .data : { *(.data) } }' > dot.ld
	# shellcheck disable=SC2086
	expect_fail_both 'dot\.ld:1.*invalid assignment to location counter' $r -T dot.ld o.o
	echo 'SECTIONS { .text ADDR(.data) + 0x100 : { *(.text) } .data : { *(.data) } }' > addr.ld
	# shellcheck disable=SC2086
	expect_fail_both 'non constant or forward reference address expression for section \.text' $r -T addr.ld o.o
	# a section no statement names is just as invalid while sizing
	echo 'SECTIONS { .text : AT(ADDR(.missing) + 4) { *(.text) } .data : { *(.data) } }' > miss-at.ld
	# shellcheck disable=SC2086
	expect_fail_both 'nonconstant expression for load base' $r -T miss-at.ld o.o
	echo 'SECTIONS { .text : { *(.text) } .data ADDR(.missing) : { *(.data) } }' > miss-addr.ld
	# shellcheck disable=SC2086
	expect_fail_both 'non constant or forward reference address expression for section \.data' $r -T miss-addr.ld o.o
	echo 'SECTIONS { .text : { *(.text) } . = ADDR(.missing); }' > miss-dot.ld
	# shellcheck disable=SC2086
	expect_fail_both 'invalid assignment to location counter' $r -T miss-dot.ld o.o
	echo 'SECTIONS { .text : { *(.text) } x = ADDR(.missing); }' > miss-sym.ld
	# shellcheck disable=SC2086
	expect_fail_both "undefined section .\.missing' referenced in expression" $r -T miss-sym.ld o.o
	echo 'SECTIONS { .data : { *(.data) } .text : AT(ADDR(.data) + 4) { *(.text) . += ADDR(.data) & 0; } }' > ok.ld
	# shellcheck disable=SC2086
	link_both $r --no-warn-rwx-segments -T ok.ld o.o
	compare_outputs
done

# The load base of a section bfd made (here by an unreferenced PROVIDE) is evaluated even when
# the section ends up empty and stripped; one bfd never made is not.
echo 'SECTIONS { .text : { *(.text) } .gone : AT(ADDR(.missing) + 4) { PROVIDE(q = 1); *(.nothing) } .data : { *(.data) } }' > made-at.ld
expect_fail_both 'nonconstant expression for load base' -T made-at.ld o.o
echo 'SECTIONS { .text : { *(.text) } .gone : AT(ADDR(.missing) + 4) { *(.nothing) } .data : { *(.data) } }' > never-at.ld
link_both -T never-at.ld o.o
compare_outputs

# A symbol assigned from a section not placed yet in the pass keeps the value it had (GNU ld
# resets every section's address before a pass): here the 0 its first fold gave it.  With
# PHDRS and SIZEOF_HEADERS read (GNU ld's header size known, it sizes once) the address that
# reads it stays on that branch although the final pass gives it 0x2000.  Otherwise the header
# size changes as GNU ld maps the segments: it runs the assignments on that layout and sizes
# again, with sym set.
echo 'sym = LOADADDR(.b); SECTIONS { x = SIZEOF_HEADERS; .a 0x1000 : { *(.text) } .b : AT(0x2000) { *(.data) } .c (sym ? 0x3000 : 0x4000) : { LONG(sym) } }' > stale.ld
( echo 'PHDRS { text PT_LOAD; }'; sed 's/} }$/} :text }/' stale.ld ) > stale-ph.ld
sed 's/x = SIZEOF_HEADERS; //' stale-ph.ld > stale-nh.ld
for sc in stale.ld stale-ph.ld stale-nh.ld; do
	link_both -T $sc o.o --no-warn-rwx-segments
	compare_outputs
done
readelf -SW bfd.out | grep -q '\.c .* 0000000000003000 ' || fail "the test expects .c at 0x3000 from ld.bfd (stale-nh.ld)"
# ... nor does it for a binary image or -r, which have no segments to map
link_both -T stale-nh.ld o.o --oformat binary
cmp "$WORK/bfd.out" "$WORK/slink.out" || fail "the images differ"
link_both -r -T stale-nh.ld o.o
compare_outputs
