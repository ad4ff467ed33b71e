# Unknown format names: --oformat and OUTPUT_FORMAT fail as GNU ld does ("target foo not found")
# and -b as "invalid BFD target", with the supported formats listed; nothing is left behind.
as_obj a.o <<'EOF2'
	.globl _start
_start:	ret
EOF2
printf 'blob' > blob.bin
expect_fail_both 'target foo not found' --oformat foo a.o
expect_grep 'supported output formats: .*binary.*ihex.*srec' fail.stderr
expect_fail_both 'target foo not found' --oformat=foo a.o
echo 'OUTPUT_FORMAT(pdp11-aout) SECTIONS { .text : { *(.text) } }' > bad.lds
expect_fail 'target pdp11-aout not found' -T bad.lds a.o
expect_fail_both "invalid BFD target \`nosuchformat'" -b nosuchformat blob.bin a.o
expect_grep 'supported input formats: .*binary.*ihex' fail.stderr
# a raw output that cannot be written (64-bit address out of range for ihex) fails cleanly
cat > far.lds <<'EOF2'
SECTIONS { .text 0x1234567890 : { *(.text) } /DISCARD/ : { *(*) } }
EOF2
expect_fail 'out of range for Intel Hex' -T far.lds --oformat ihex a.o
