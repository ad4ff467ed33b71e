# examples/zimage end to end: a bzImage built the Linux 2.4 way (bootsect and setup linked
# -Ttext 0x0 --oformat binary, piggy.o from ld -r -b binary with a script writing
# LONG(input_data_end - input_data), the decompressor at -Ttext 0x100000 -e startup_32).
# Built once with slink and once with ld.bfd, every raw file must be byte-identical; then
# slink's image must boot under qemu-system-i386, through -kernel and from a disk image,
# and print the decompressor's and the kernel's lines on the serial port.
need_cmd make gcc as objcopy gzip truncate cmp

EX="$TESTS/../examples/zimage"
# Run the example's Makefile on its own, not as a part of an outer make's jobserver.
zmake() {
	local st=0
	env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL \
		make --no-print-directory -C "$EX" O="$WORK/zimage" SLINK="$SLINK" "$@" \
		> "$WORK/make-$1.log" 2>&1 || st=$?
	_check_sanitizer "$WORK/make-$1.log" "slink"
	if [ "$st" -ne 0 ]; then
		_cat_indented "$WORK/make-$1.log"
		fail "make -C examples/zimage $* failed (status $st)"
	fi
	sed -n '/^identical:/p; /^PASS/p' "$WORK/make-$1.log" >&2
}

zmake compare
command -v qemu-system-i386 >/dev/null 2>&1 ||
	skip "qemu-system-i386 is not installed (apt-get install qemu-system-x86); the images were identical"
zmake boot-test
expect_grep '^  \| Decompressing Linux\.\.\. done' "$WORK/make-boot-test.log"
