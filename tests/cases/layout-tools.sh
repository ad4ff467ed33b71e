# slink-layout why and diff on two builds of one program.
LAYOUT=$(dirname "$SLINK")/slink-layout
case $SLINK in *-san) LAYOUT=$LAYOUT-san ;; esac  # make check SAN=1 builds both with sanitizers
[ -x "$LAYOUT" ] || fail "no slink-layout beside $SLINK"
as_obj main.o <<'EOF2'
	.globl _start
_start:	call	f1
EOF2
as_obj f1.o <<'EOF2'
	.globl f1
f1:	call	f2
	ret
EOF2
as_obj f2.o <<'EOF2'
	.globl f2
f2:	ret
	.data
	.globl counter
counter: .quad 0
EOF2
as_obj f2big.o <<'EOF2'
	.globl f2
f2:	nop
	nop
	nop
	ret
	.data
	.globl counter
counter: .quad 0, 0
EOF2
mkdir old new
make_archive old/libx.a f1.o f2.o
cp f2big.o f2.o
make_archive new/libx.a f1.o f2.o
cat > t.ld <<'EOF2'
SECTIONS {
  . = 0x400000;
  .text : { *(.text) }
  .data : { *(.data) }
}
EOF2
(cd old && ln -s ../main.o ../t.ld .)
(cd new && ln -s ../main.o ../t.ld .)
# the same names in both builds, as in two checkouts of one tree
cd old
link_slink -T t.ld main.o libx.a --layout-json=../old.json
cd ../new
link_slink -T t.ld main.o libx.a --layout-json=../new.json
cd ..
"$LAYOUT" why old.json f2 > why.txt || fail "why failed"
cat why.txt
expect_grep '^symbol f2 .* = 0x40000b' why.txt
expect_grep 'input section \.text of libx\.a\(f2\.o\)' why.txt
expect_grep 'placed by the input section description \*\(\.text\) at t\.ld:3:' why.txt
expect_grep 'libx\.a\(f2\.o\) is member f2\.o of libx\.a, extracted because libx\.a\(f1\.o\) references f2' why.txt
expect_grep 'libx\.a\(f1\.o\) is member f1\.o of libx\.a, extracted because main\.o references f1' why.txt
expect_grep 'main\.o was given on the command line' why.txt
"$LAYOUT" why old.json .data > why2.txt || fail "why .data failed"
expect_grep '^output section \.data: 3 input sections' why2.txt
if "$LAYOUT" why old.json no_such_thing 2> why3.err; then fail "why found a missing symbol"; fi
expect_grep 'no symbol, section or file named' why3.err
"$LAYOUT" diff old.json new.json > diff.txt || fail "diff failed"
cat diff.txt
expect_grep '^output sections: 2 changed in size' diff.txt
# sorted by size delta: .data (+8) before .text (+3)
expect_grep '^ +\+8  grew   \.data  8 -> 16' diff.txt
expect_grep '^ +\+3  grew   \.text  12 -> 15' diff.txt
[ "$(grep -n 'grew   \.data' diff.txt | cut -d: -f1)" -lt "$(grep -n 'grew   \.text' diff.txt | cut -d: -f1)" ] ||
	fail "diff is not sorted by size delta"
expect_grep '^files \(allocated bytes\): 1 changed in size' diff.txt
expect_grep '^ +\+11  grew   libx\.a\(f2\.o\)  9 -> 20' diff.txt
expect_grep '^ +\+0  moved  counter  0 -> 0  0x40000c -> 0x40000f' diff.txt
