# tests/lib.sh — helpers for tests/cases/*.sh.  Sourced by tests/run; not run directly.
#
# A case runs in its own fresh directory $WORK (also its cwd), in a bash process with
# `set -eE` (any failing command fails the test; the line is reported).  `pipefail` is NOT
# set.  Helpers that fail call `fail`, which exits the test: do not call them inside $(...)
# or a pipeline, where the exit would only leave that subshell.
#
# Environment:  $SLINK  the linker under test (absolute path)     $TESTS  the tests/ directory
#               $WORK   this test's scratch directory             LC_ALL=C
#
# Building inputs
#   as_obj OUT.o [as flags, e.g. --32] <<'EOF'     assemble stdin
#   cc_obj OUT.o [gcc flags, e.g. -m32]  <<'EOF'   compile C from stdin (gcc -c)
#   make_archive OUT.a FILES...                    regular archive with index (ar rcs)
#   make_thin_archive OUT.a FILES...               thin archive with index (ar rcsT)
#   make_nested_thin_archive OUT.a FILES...        thin archive as the kernel makes them
#                                                  (ar cDPrST; FILES may be thin archives)
# Linking
#   link_both ARGS...      ld.bfd ARGS -o $WORK/bfd.out and $SLINK ARGS -o $WORK/slink.out;
#                          either failing fails the test (stderr kept in bfd.stderr/slink.stderr)
#   link_slink ARGS...     $SLINK ARGS -o $WORK/slink.out only
#   link_bfd ARGS...       ld.bfd ARGS -o $WORK/bfd.out only
#   musl_both ARGS...      musl-gcc -static ARGS twice, with -B dirs whose `ld` is ld.bfd and
#                          $SLINK, to bfd.out and slink.out (identical crt and libc inputs)
# Checking
#   compare_outputs [--exclude-section PAT REASON] [--exclude-symbol PAT REASON]
#                   [--ignore-phdr-offsets REASON] [--no-symbols REASON] [--bytes PAT]
#                   [--files REF OUT]
#                          compare bfd.out and slink.out with tests/lib/elfcmp.py (header,
#                          section headers, program headers, symbols, allocated bytes)
#   run_both [qemu-i386] [ARGS...]
#                          run both programs, compare stdout and exit status; the results
#                          are left in {bfd,slink}.stdout and {bfd,slink}.status
#   expect_fail 'ERE' ARGS...
#                          $SLINK ARGS -o $WORK/fail.out must exit 1 with stderr matching
#                          ERE (grep -E, any line), not crash, and leave neither fail.out nor
#                          any other new file in $WORK; stderr is left in fail.stderr
#   expect_fail_both 'ERE' ARGS...
#                          the same, but first require ld.bfd to fail the same way (keeps the
#                          expected wording honest: it must be GNU ld's)
#   expect_grep 'ERE' FILE      FILE must contain a line matching ERE
#   section_hex FILE NAME       print a section's bytes as one hex line (for custom checks)
#   need_cmd CMD...             skip the test if a command is missing
#   skip "reason"               only for a genuinely missing environment, never a failure
#   fail "reason"

: "${TESTS:?tests/lib.sh must be sourced by tests/run}"
: "${WORK:?}"
: "${SLINK:?}"

SLINK_TIMEOUT=${SLINK_TIMEOUT:-120}
_ELFCMP="$TESTS/lib/elfcmp.py"
_SAN_RE='ERROR: AddressSanitizer|ERROR: LeakSanitizer|UndefinedBehaviorSanitizer|runtime error:|SUMMARY: (Address|Undefined)'

fail() {
	echo "FAIL: $*" >&2
	exit 1
}

skip() {
	[ -n "${_TEST_SKIP_FILE:-}" ] && printf '%s\n' "$*" > "$_TEST_SKIP_FILE"
	echo "SKIP: $*" >&2
	exit 77
}

need_cmd() {
	local c
	for c in "$@"; do
		command -v "$c" >/dev/null 2>&1 || skip "$c is not installed"
	done
}

# Print a command the way a shell would read it, for logs.
_show() {
	local out="+" a
	for a in "$@"; do out+=" $(printf '%q' "$a")"; done
	echo "$out" >&2
}

# Indent a file into the log.
_cat_indented() {
	[ -s "$1" ] && sed 's/^/  | /' "$1" >&2
	return 0
}

_check_sanitizer() {   # FILE WHAT
	if grep -Eq "$_SAN_RE" "$1" 2>/dev/null; then
		_cat_indented "$1"
		fail "$2: sanitizer report (see above)"
	fi
}

# _status_text STATUS: describe an abnormal status, or nothing.
_status_text() {
	if [ "$1" -eq 124 ]; then echo "(timed out after ${SLINK_TIMEOUT}s)"
	elif [ "$1" -ge 128 ]; then echo "(killed by signal $(( $1 - 128 )), $(kill -l "$(( $1 - 128 ))" 2>/dev/null || echo '?'))"
	elif [ "$1" -eq 99 ]; then echo "(the sanitizer's exit status)"
	fi
}

# Run $SLINK with a hang guard; stderr to the file given first.  Returns slink's status.
_run_slink() {   # STDERR-FILE ARGS...
	local errf=$1; shift
	_show "$SLINK" "$@"
	local st=0
	timeout -k 5 "$SLINK_TIMEOUT" "$SLINK" "$@" 2> "$errf" || st=$?
	return $st
}

as_obj() {
	local out=$1; shift
	[ -n "$out" ] || fail "as_obj: no output file"
	as "$@" -o "$out" || fail "as_obj: as failed for $out (the test's assembly is wrong)"
}

cc_obj() {
	local out=$1; shift
	[ -n "$out" ] || fail "cc_obj: no output file"
	gcc -c -x c - -o "$out" "$@" || fail "cc_obj: gcc failed for $out (the test's C is wrong)"
}

make_archive() {
	local out=$1; shift
	rm -f "$out"
	ar rcs "$out" "$@" || fail "ar rcs $out failed"
}

make_thin_archive() {
	local out=$1; shift
	rm -f "$out"
	ar rcsT "$out" "$@" || fail "ar rcsT $out failed"
}

make_nested_thin_archive() {
	local out=$1; shift
	rm -f "$out"
	ar cDPrST "$out" "$@" || fail "ar cDPrST $out failed"
}

link_bfd() {
	rm -f "$WORK/bfd.out"
	_show ld.bfd "$@" -o "$WORK/bfd.out"
	if ! ld.bfd "$@" -o "$WORK/bfd.out" 2> "$WORK/bfd.stderr"; then
		_cat_indented "$WORK/bfd.stderr"
		fail "ld.bfd failed: the test itself is wrong"
	fi
}

link_slink() {
	rm -f "$WORK/slink.out"
	local st=0
	_run_slink "$WORK/slink.stderr" "$@" -o "$WORK/slink.out" || st=$?
	_check_sanitizer "$WORK/slink.stderr" "slink"
	if [ "$st" -ne 0 ]; then
		_cat_indented "$WORK/slink.stderr"
		fail "slink failed with status $st$(_status_text "$st" | sed 's/^/ /')"
	fi
	[ -s "$WORK/slink.stderr" ] && { echo "slink's stderr:" >&2; _cat_indented "$WORK/slink.stderr"; }
	[ -f "$WORK/slink.out" ] || fail "slink exited 0 but wrote no $WORK/slink.out"
}

link_both() {
	link_bfd "$@"
	link_slink "$@"
}

# musl_both ARGS...: both links see the same crt objects, libc.a and command line; only the
# `ld` that gcc's collect2 finds through -B differs.
musl_both() {
	need_cmd musl-gcc
	mkdir -p "$WORK/.ld-bfd" "$WORK/.ld-slink"
	printf '#!/bin/sh\nexec ld.bfd "$@"\n' > "$WORK/.ld-bfd/ld"
	printf '#!/bin/sh\nprintf "%%s\\n" "$*" > %q\nexec %q "$@"\n' \
		"$WORK/.ld-slink/cmdline" "$SLINK" > "$WORK/.ld-slink/ld"
	chmod +x "$WORK/.ld-bfd/ld" "$WORK/.ld-slink/ld"
	rm -f "$WORK/bfd.out" "$WORK/slink.out"
	_show musl-gcc -static -B"$WORK/.ld-bfd/" "$@" -o "$WORK/bfd.out"
	if ! musl-gcc -static -B"$WORK/.ld-bfd/" "$@" -o "$WORK/bfd.out" 2> "$WORK/bfd.stderr"; then
		_cat_indented "$WORK/bfd.stderr"
		fail "musl-gcc with ld.bfd failed: the test itself is wrong"
	fi
	_show musl-gcc -static -B"$WORK/.ld-slink/" "$@" -o "$WORK/slink.out"
	local st=0
	timeout -k 5 "$SLINK_TIMEOUT" musl-gcc -static -B"$WORK/.ld-slink/" "$@" -o "$WORK/slink.out" \
		2> "$WORK/slink.stderr" || st=$?
	_check_sanitizer "$WORK/slink.stderr" "slink"
	if [ "$st" -ne 0 ]; then
		[ -f "$WORK/.ld-slink/cmdline" ] && echo "linker command line: $(cat "$WORK/.ld-slink/cmdline")" >&2
		_cat_indented "$WORK/slink.stderr"
		fail "musl-gcc with slink as the linker failed with status $st $(_status_text "$st")"
	fi
	[ -f "$WORK/slink.out" ] || fail "no $WORK/slink.out"
}

compare_outputs() {
	local ref="$WORK/bfd.out" out="$WORK/slink.out"
	local args=()
	while [ $# -gt 0 ]; do
		if [ "$1" = --files ]; then
			[ $# -ge 3 ] || fail "compare_outputs: --files needs two files"
			ref=$2 out=$3
			shift 3
		else
			args+=("$1"); shift
		fi
	done
	[ -f "$ref" ] || fail "compare_outputs: no $ref"
	[ -f "$out" ] || fail "compare_outputs: no $out"
	local st=0
	python3 "$_ELFCMP" compare "$ref" "$out" "${args[@]}" >&2 || st=$?
	case $st in
	0) ;;
	1) fail "$(basename "$out") differs from $(basename "$ref") (above: - ld.bfd, + slink)" ;;
	*) fail "compare_outputs: elfcmp could not compare (status $st)" ;;
	esac
}

# compare_warnings: the warnings of the last link_both, the same from both linkers once the
# program name is dropped, the output file is called OUT, and bfd's "FILE: warning:" is read
# as "warning: FILE:".  GNU ld's NOTE lines (its own deprecation notices) are left out.
compare_warnings() {
	local f
	for f in bfd slink; do
		sed -e 's/^ld\.bfd: //; s/^slink: //' -e "s|$WORK/$f\.out|OUT|g" \
		    -e 's/^\([^ ]*\): warning: /warning: \1: /' "$WORK/$f.stderr" |
			grep -v '^NOTE: ' > "$WORK/$f.warnings" || true
	done
	diff -u "$WORK/bfd.warnings" "$WORK/slink.warnings" >&2 ||
		fail "warnings differ (above: - ld.bfd, + slink)"
}

# _run_prog TAG RUNNER... : run $WORK/TAG.out, leaving TAG.stdout and TAG.status.
_run_prog() {
	local tag=$1; shift
	local st=0
	timeout -k 5 60 "$@" "$WORK/$tag.out" "${_RUN_ARGS[@]}" < /dev/null \
		> "$WORK/$tag.stdout" 2> "$WORK/$tag.stderr" || st=$?
	echo "$st" > "$WORK/$tag.status"
}

run_both() {
	local runner=()
	if [ "${1:-}" = qemu-i386 ]; then
		command -v qemu-i386 >/dev/null 2>&1 || skip "qemu-i386 is not installed (apt-get install qemu-user)"
		runner=(qemu-i386)
		shift
	fi
	_RUN_ARGS=("$@")
	[ -f "$WORK/bfd.out" ] || fail "run_both: no bfd.out"
	[ -f "$WORK/slink.out" ] || fail "run_both: no slink.out"
	_run_prog bfd "${runner[@]}"
	_run_prog slink "${runner[@]}"
	local sb ss
	sb=$(cat "$WORK/bfd.status") ss=$(cat "$WORK/slink.status")
	if [ "$sb" -ge 124 ]; then
		_cat_indented "$WORK/bfd.stderr"
		fail "the program linked by ld.bfd exited with $sb $(_status_text "$sb"): the test itself is wrong"
	fi
	local bad=
	if [ "$sb" != "$ss" ]; then
		echo "exit status: ld.bfd's program $sb, slink's program $ss $(_status_text "$ss")" >&2
		bad=1
	fi
	if ! cmp -s "$WORK/bfd.stdout" "$WORK/slink.stdout"; then
		echo "stdout differs (- ld.bfd's program, + slink's program):" >&2
		diff -u "$WORK/bfd.stdout" "$WORK/slink.stdout" | sed '1,2d; s/^/  /' | head -40 >&2
		bad=1
	fi
	if [ -n "$bad" ]; then
		_cat_indented "$WORK/slink.stderr"
		fail "the programs behave differently"
	fi
	echo "both programs exited $sb, stdout $(wc -c < "$WORK/bfd.stdout") bytes, identical" >&2
}

# The names in $WORK (relative, sorted), for the no-leftover-files check.
_list_work() {
	(cd "$WORK" && find . -mindepth 1 -not -name fail.stderr -not -name bfd-fail.stderr | LC_ALL=C sort)
}

expect_fail() {
	[ $# -ge 2 ] || fail "expect_fail: needs a regex and arguments"
	local re=$1; shift
	local before after st=0
	rm -f "$WORK/fail.out"
	before=$(_list_work)
	_run_slink "$WORK/fail.stderr" "$@" -o "$WORK/fail.out" || st=$?
	after=$(_list_work)
	echo "slink's stderr (status $st):" >&2
	_cat_indented "$WORK/fail.stderr"
	_check_sanitizer "$WORK/fail.stderr" "slink"
	[ "$st" -lt 124 ] || fail "slink crashed or hung: status $st $(_status_text "$st")"
	[ "$st" -eq 1 ] || fail "slink exited with status $st, expected exactly 1"
	grep -Eq -- "$re" "$WORK/fail.stderr" || fail "slink's message does not match /$re/"
	[ ! -e "$WORK/fail.out" ] || fail "slink failed but left the output file fail.out"
	if [ "$before" != "$after" ]; then
		echo "new files in \$WORK:" >&2
		diff <(echo "$before") <(echo "$after") | sed -n 's/^> /  /p' >&2
		fail "slink failed but left files behind"
	fi
}

expect_fail_both() {
	[ $# -ge 2 ] || fail "expect_fail_both: needs a regex and arguments"
	local re=$1; shift
	local st=0
	rm -f "$WORK/fail.out"
	_show ld.bfd "$@" -o "$WORK/fail.out"
	ld.bfd "$@" -o "$WORK/fail.out" 2> "$WORK/bfd-fail.stderr" || st=$?
	rm -f "$WORK/fail.out"
	if [ "$st" -ne 1 ] || ! grep -Eq -- "$re" "$WORK/bfd-fail.stderr"; then
		_cat_indented "$WORK/bfd-fail.stderr"
		fail "ld.bfd did not fail with status 1 and /$re/ (status $st): the test itself is wrong"
	fi
	expect_fail "$re" "$@"
}

expect_grep() {
	grep -Eq -- "$1" "$2" || { _cat_indented "$2"; fail "$2 has no line matching /$1/"; }
}

section_hex() {   # FILE SECTION
	python3 - "$1" "$2" <<'PY'
import os, sys
sys.path.insert(0, os.path.join(os.environ['TESTS'], 'lib'))
import elfcmp
e = elfcmp.Elf(sys.argv[1])
for s in e.sections:
    if s['name'] == sys.argv[2]:
        print(e.section_bytes(s).hex())
        break
else:
    sys.exit('no section %s in %s' % (sys.argv[2], sys.argv[1]))
PY
}
