# --oformat ihex / srec / symbolsrec through libbfd, byte-identical to GNU ld's: GNU ld hands
# the writer every input section, padding gap and data statement separately, and ihex/srec
# start a new record at each, so record boundaries follow the inputs.  The srec S0 record and
# the symbolsrec header hold the output file name, so both linkers write the same name (in
# their own directories).  verilog (GNU ld cannot write it: "can not create hash table") and
# tekhex (GNU ld trips an assertion when given sections piecewise) are compared with objcopy
# of the same link's ELF output.
as_obj m1.o <<'EOF2'
	.text
	.globl _start
_start:	.byte	1, 2, 3, 4, 5
	movl	$buf, %eax
	.data
	.byte	9, 9, 9
	.bss
buf:	.space	32
EOF2
as_obj m2.o <<'EOF2'
	.text
	.p2align 3
	.globl f
f:	.byte	6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24
	.section .rodata, "a"
	.byte	7
	.data
	.quad	f
EOF2
cat > s.lds <<'EOF2'
SECTIONS {
	.text 0x1000 : { *(.text) . = ALIGN(16); }
	.rodata 0x2000 : { *(.rodata) BYTE(0xaa) LONG(0x12345678) . = ALIGN(16); SHORT(0x5555) }
	.data 0x23456 : AT(0x123000) { *(.data) QUAD(0x1122334455667788) }
	.bss : { *(.bss) }
	/DISCARD/ : { *(.comment) *(.note*) }
}
EOF2
mkdir -p b s

both() {   # FORMAT NAME ARGS...: link with each linker into b/NAME and s/NAME
	local fmt=$1 name=$2; shift 2
	(cd b && ld.bfd "$@" --oformat "$fmt" -o "$name") 2> bfd.stderr || { cat bfd.stderr >&2; fail "ld.bfd failed"; }
	(cd s && _run_slink ../slink.stderr "$@" --oformat "$fmt" -o "$name") || { cat slink.stderr >&2; fail "slink failed ($fmt)"; }
	if ! cmp "b/$name" "s/$name" >&2; then
		diff "b/$name" "s/$name" | head -20 >&2
		fail "$fmt output differs from GNU ld's ($*)"
	fi
}
for fmt in ihex srec symbolsrec; do
	both $fmt out.$fmt -Ttext 0x1000 ../m1.o ../m2.o
	both $fmt out.$fmt ../m1.o ../m2.o
	both $fmt out.$fmt -T ../s.lds ../m1.o ../m2.o
	both $fmt out.$fmt -s -T ../s.lds ../m1.o ../m2.o
done
grep -q '^:' s/out.ihex || fail "not an ihex file"
grep -q '^S0' s/out.srec || fail "not an srec file"
# records split at input section boundaries, as GNU ld's (f's section starts a new record)
both srec out.srec -Ttext 0x1000 ../m1.o ../m2.o
expect_grep '^S1131010060708090A0B0C0D0E0F101112131415' s/out.srec
# an address beyond 16 bits in ihex needs extended address records
both ihex out.ihex -T ../s.lds ../m1.o ../m2.o
expect_grep '^:02000004' s/out.ihex
# OUTPUT_FORMAT(ihex) in a script
{ echo 'OUTPUT_FORMAT(ihex)'; cat s.lds; } > s-ihex.lds
(cd b && ld.bfd -T ../s-ihex.lds ../m1.o ../m2.o -o script.hex) || fail "ld.bfd failed"
(cd s && _run_slink ../slink.stderr -T ../s-ihex.lds ../m1.o ../m2.o -o script.hex) || fail "slink failed"
cmp b/script.hex s/script.hex >&2 || fail "OUTPUT_FORMAT(ihex) output differs"

for fmt in verilog tekhex; do
	for args in "-Ttext 0x1000" "-T s.lds"; do
		# shellcheck disable=SC2086
		link_slink $args m1.o m2.o
		objcopy -O $fmt slink.out objcopy.$fmt
		# shellcheck disable=SC2086
		_run_slink slink.stderr $args m1.o m2.o --oformat $fmt -o objcopy.$fmt.slink || fail "slink --oformat $fmt failed"
		cmp objcopy.$fmt objcopy.$fmt.slink >&2 || fail "--oformat $fmt ($args) differs from objcopy -O $fmt"
	done
done
