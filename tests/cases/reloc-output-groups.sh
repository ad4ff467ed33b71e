# ld -r keeps section groups that are not COMDAT duplicates apart: gcc -g3 puts each header's
# macro table in a `.debug_macro` section of its own wm4.* group, and GNU ld's -r output keeps
# every one of them as a separate output section (its unique_section_p rule), with the
# duplicates across files dropped.  Merging them by name (as a final link would) gives an
# object that nm and ar cannot read.
cc_obj a.o -g3 -O1 <<'EOF2'
#include <stdio.h>
#define A 1
int fa(void) { printf("a"); return A; }
EOF2
cc_obj b.o -g3 -O1 <<'EOF2'
#include <stdio.h>
#define B 2
int fb(void) { puts("b"); return B; }
EOF2
readelf -gW a.o | grep -q 'wm4\.' || skip "gcc -g3 made no .debug_macro groups"
link_both -r a.o b.o
python3 "$TESTS/lib/relcmp.py" bfd.out slink.out >&2 || fail "-r output differs from ld.bfd's"
cmp bfd.out slink.out || fail "-r output is not byte-identical to ld.bfd's"
nm slink.out > /dev/null || fail "nm cannot read slink's -r output"
