# -b ihex / -b srec inputs read through libbfd.  They have no architecture: GNU ld refuses
# them ("unknown architecture ... incompatible") unless --accept-unknown-input-arch, and then
# links their sections (.sec1, .sec2, ...) like any data.
printf 'abcdefghijklmnopqrstuvwxyz0123456789' > data.bin
objcopy -I binary -O ihex data.bin data.hex
objcopy -I binary -O srec data.bin data.srec
as_obj a.o <<'EOF2'
	.globl _start
_start:	ret
EOF2
expect_fail_both "unknown architecture of input file \`data.hex' is incompatible with i386:x86-64 output" \
	a.o -b ihex data.hex
expect_fail_both "unknown architecture of input file \`data.srec' is incompatible with i386:x86-64 output" \
	a.o -b srec data.srec
for f in "ihex data.hex" "srec data.srec"; do
	# shellcheck disable=SC2086
	link_both --accept-unknown-input-arch a.o -b $f
	compare_outputs
	python3 - <<'PY' || fail "the data ($f) is not in slink's output"
assert open('data.bin', 'rb').read() in open('slink.out', 'rb').read()
PY
	# shellcheck disable=SC2086
	link_both -r --accept-unknown-input-arch -b $f
	readelf -SW bfd.out | grep -E ' \.sec1 ' | sed 's/ 0[0-9a-f]\{5\} / OFF /' > bfd.sec
	readelf -SW slink.out | grep -E ' \.sec1 ' | sed 's/ 0[0-9a-f]\{5\} / OFF /' > slink.sec
	[ -s slink.sec ] || fail "no .sec1 in the -r output"
	diff -u bfd.sec slink.sec >&2 || fail "-r: .sec1 differs"
	[ "$(section_hex bfd.out .sec1)" = "$(section_hex slink.out .sec1)" ] || fail "-r: .sec1 bytes differ"
done
# an ihex input written back as ihex at a fixed address
echo 'SECTIONS { .rom 0x100 : { *(.sec*) } /DISCARD/ : { *(*) } }' > rom.lds
(mkdir b && cd b && ld.bfd --accept-unknown-input-arch -T ../rom.lds -e 0 -b ihex ../data.hex --oformat ihex -o out.hex) 2>/dev/null ||
	fail "ld.bfd failed"
(mkdir s && cd s && "$SLINK" --accept-unknown-input-arch -T ../rom.lds -e 0 -b ihex ../data.hex --oformat ihex -o out.hex) ||
	fail "slink failed"
cmp b/out.hex s/out.hex >&2 || fail "ihex round trip differs"
