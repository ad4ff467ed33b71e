# -Map and --layout-json of a static C program against musl (crt objects, libc.a members pulled
# by each other's references, COMMON, .eh_frame, .init_array...): the placed contents of the map
# match GNU ld's, and the layout file keeps its invariants.
need_cmd musl-gcc
cat > prog.c <<'EOF2'
#include <stdio.h>
#include <stdlib.h>
static int cmp(const void *a, const void *b) { return *(const int *)a - *(const int *)b; }
int main(void)
{
	int v[] = { 42, 7, 19, 3 };
	qsort(v, 4, sizeof v[0], cmp);
	printf("%d %d\n", v[0], v[3]);
	return 0;
}
EOF2
musl-gcc -O2 -c prog.c -o prog.o
musl_both prog.o -Wl,-Map=%.map -Wl,--cref
python3 "$TESTS/lib/mapcmp.py" --placed bfd.out.map slink.out.map || fail "the maps differ"
expect_grep '^Archive member included to satisfy reference by file \(symbol\)$' slink.out.map
expect_grep '^ {30}prog\.o \(printf\)$' slink.out.map
# the same link by slink alone (musl_both made the -B directory whose `ld` is slink)
musl-gcc -static -B"$WORK/.ld-slink/" prog.o -Wl,--layout-json=layout.json -o json.out || fail "the link failed"
python3 "$TESTS/lib/layoutcheck.py" layout.json prog.o || fail "layout.json breaks its invariants"
# the cross reference table in full: GNU ld's order of files (definitions first, newest first),
# weak definitions after a strong one left out
sed -n '/^Cross Reference Table$/,$p' bfd.out.map > bfd.cref
sed -n '/^Cross Reference Table$/,$p' slink.out.map > slink.cref
[ -s slink.cref ] || fail "no cross reference table"
diff -u bfd.cref slink.cref || fail "the cross reference tables differ"
