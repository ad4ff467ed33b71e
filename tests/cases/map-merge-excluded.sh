# The map line of a merged-string input section whose strings all went into another one
# ("pts" inside "devpts"): bfd excludes the section and leaves on it the running size of the
# section before, which its map prints, with the input size as "(size before relaxing)".
# (Seen on the kernel: fs/namei.o's .rodata.str1.1.)
cc_obj a.o -O2 <<'EOF2'
const char *a(void) { return "devpts"; }
const char *a2(void) { return "other"; }
EOF2
cc_obj b.o -O2 <<'EOF2'
const char *b(void) { return "pts"; }
EOF2
cc_obj c.o -O2 <<'EOF2'
const char *c(void) { return "third string"; }
void _start(void) {}
EOF2
link_both a.o b.o c.o
compare_outputs
ld.bfd -Map=bfd.map a.o b.o c.o -o bfd2.out
"$SLINK" -Map=slink.map a.o b.o c.o -o slink2.out || fail "slink failed"
grep -q 'size before relaxing' bfd.map || fail "GNU ld's map has no excluded merged section; the test needs one"
python3 "$TESTS/lib/mapcmp.py" bfd.map slink.map || fail "the maps differ"
