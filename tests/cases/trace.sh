# -t / --trace names each input as GNU ld does: objects and archives (not their members).
as_obj main.o <<'EOF2'
	.globl _start
_start:	call	f1
EOF2
as_obj f1.o <<'EOF2'
	.globl f1
f1:	ret
EOF2
make_archive libx.a f1.o
ld.bfd -t main.o libx.a -o bfd.out > bfd.trace || fail "ld.bfd failed"
"$SLINK" -t main.o libx.a -o slink.out > slink.trace || fail "slink failed"
diff -u bfd.trace slink.trace || fail "-t output differs"
"$SLINK" --trace main.o libx.a -o slink.out > slink.trace2 || fail "slink failed"
diff -u bfd.trace slink.trace2 || fail "--trace output differs"
