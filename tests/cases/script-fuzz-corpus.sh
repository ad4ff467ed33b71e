# Malformed linker scripts found by fuzzing (mutations of the scripts in these tests, run under
# AddressSanitizer/UBSan: tests/fuzz/scripts/): each must give an error (status 1, a message
# with file:line), never a crash, a hang or a sanitizer report, and leave no output behind.
as_obj a.o <<'EOF2'
	.text
	.globl _start
_start:	ret
	.section .rodata,"a"
	.long 1
	.data
	.long 2
	.bss
	.zero 8
EOF2
n=0
for s in "$TESTS"/fuzz/scripts/*.ld; do
	cp "$s" case.ld
	expect_fail 'error' -T case.ld a.o
	rm -f case.ld fail.stderr
	n=$((n + 1))
done
[ "$n" -gt 0 ] || fail "no fuzz corpus in $TESTS/fuzz/scripts"
echo "$n malformed scripts rejected cleanly" >&2
# GNU ld's grammar takes a `;' at the top of SECTIONS only as an assignment's separator: not
# after ENTRY or ASSERT, nor on its own (one or two of them where a separator is allowed)
for body in '.text : { *(.text) } ;' '; .text : { *(.text) }' '.text : { *(.text) } ASSERT(1, "a");' \
	    'ENTRY(_start); .text : { *(.text) }' '.text : { *(.text) } x = 1;;'; do
	echo "SECTIONS { $body }" > semi.ld
	expect_fail_both 'syntax error' -T semi.ld a.o
done
for body in '.text : { *(.text) } ASSERT(1, "a")' 'ENTRY(_start) .text : { *(.text) ; }' \
	    '.text : { *(.text) } x = 1, y = 2;'; do
	echo "SECTIONS { $body }" > semi.ld
	link_both -T semi.ld a.o
	compare_outputs
done
