# -r merges property notes too (GNU ld's after_open does it for every link): the first
# object's .note.gnu.property holds the merged list, the others are gone, and an empty list
# leaves no note.  Only the note is compared here, by its bytes and its presence.
cc_obj cet-a.o -O2 -fcf-protection=full <<'SRC'
int a(void) { return 1; }
SRC
cc_obj cet-b.o -O2 -fcf-protection=full <<'SRC'
int b(void) { return 2; }
SRC
cc_obj plain.o -O2 -fcf-protection=none <<'SRC'
int c(void) { return 3; }
SRC
cc_obj ibt.o -O2 -fcf-protection=branch <<'SRC'
int d(void) { return 4; }
SRC
note_of() {   # FILE: the note's bytes, or "none"
	if readelf -S "$1" | grep -q '\.note\.gnu\.property'; then section_hex "$1" .note.gnu.property
	else echo none; fi
}
for args in "cet-a.o cet-b.o" "cet-a.o ibt.o cet-b.o" "cet-a.o plain.o" "plain.o cet-a.o" \
	    "-z ibt plain.o" "-z shstk cet-a.o ibt.o" "-z x86-64-v2 plain.o cet-a.o" \
	    "-z stack-size=0x100000 cet-a.o cet-b.o"; do
	echo "== -r $args" >&2
	link_both -r $args
	b=$(note_of bfd.out) s=$(note_of slink.out)
	echo "ld.bfd: $b" >&2
	echo "slink:  $s" >&2
	[ "$b" = "$s" ] || fail "-r $args: .note.gnu.property differs"
done
