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
