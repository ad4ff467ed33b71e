# --build-id in every form: the note's section and size, and for sha1/md5 the hash itself,
# which must be the one GNU ld computes (elfcmp check-build-id recomputes it from the file)
# and, since the layouts are identical, equal to ld.bfd's.
as_obj start.o <<'EOF'
	.globl _start
_start:	call	f
	movl	$60, %eax
	xorl	%edi, %edi
	syscall
EOF
cc_obj f.o -O2 -g -fno-pic <<'EOF'
int data = 3;
const char msg[] = "build-id";
int f(void) { return data + msg[0]; }
EOF
for opt in --build-id --build-id=sha1 --build-id=md5 --build-id=0x0123456789abcdef00 --build-id=none; do
	echo "== $opt" >&2
	link_both $opt start.o f.o
	compare_outputs
	case $opt in
	--build-id|--build-id=sha1)
		python3 "$TESTS/lib/elfcmp.py" check-build-id bfd.out sha1 >&2 || fail "elfcmp's sha1 build-id is not ld.bfd's"
		python3 "$TESTS/lib/elfcmp.py" check-build-id slink.out sha1 >&2 || fail "slink's sha1 build-id is wrong" ;;
	--build-id=md5)
		python3 "$TESTS/lib/elfcmp.py" check-build-id bfd.out md5 >&2 || fail "elfcmp's md5 build-id is not ld.bfd's"
		python3 "$TESTS/lib/elfcmp.py" check-build-id slink.out md5 >&2 || fail "slink's md5 build-id is wrong" ;;
	--build-id=0x*)
		[ "$(section_hex slink.out .note.gnu.build-id)" = "040000000900000003000000474e55000123456789abcdef00" ] ||
			fail "the 0xHEX build-id note is $(section_hex slink.out .note.gnu.build-id)" ;;
	--build-id=none)
		! python3 "$TESTS/lib/elfcmp.py" dump slink.out | grep -q build-id || fail "--build-id=none made a note" ;;
	esac
done
run_both
# uuid is random: same layout, a 16-byte NT_GNU_BUILD_ID note, different each time.
link_both --build-id=uuid start.o f.o
compare_outputs --exclude-section .note.gnu.build-id "--build-id=uuid is random"
h=$(section_hex slink.out .note.gnu.build-id)
[ "${h:0:32}" = "040000001000000003000000474e5500" ] && [ ${#h} -eq 64 ] || fail "bad uuid note: $h"
cp slink.out first.out
link_slink --build-id=uuid start.o f.o
[ "$(section_hex first.out .note.gnu.build-id)" != "$(section_hex slink.out .note.gnu.build-id)" ] ||
	fail "--build-id=uuid gave the same id twice"
