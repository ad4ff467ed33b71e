# -Map with GNU ld's built-in script: the archive, common and discarded sections and every
# placed section and symbol as GNU ld prints them (the empty-section bookkeeping of the
# built-in script is compared by the -T tests: see tests/lib/mapcmp.py --placed).
as_obj main.o <<'EOF2'
	.globl _start
_start:	call	f1
	movl	$60, %eax
	movl	v3(%rip), %edi
	syscall
	.comm cbuf,64,16
	.section .rodata
	.string "hi"
	.section .note.GNU-stack,"",@progbits
EOF2
as_obj f1.o <<'EOF2'
	.globl f1
f1:	call	f2
	ret
	.comm cbuf2,8,8
EOF2
as_obj f2.o <<'EOF2'
	.globl f2
f2:	ret
	.data
	.globl v3
v3:	.long 5
	.bss
	.zero 12
EOF2
make_archive libx.a f2.o f1.o
ld.bfd main.o libx.a -Map=bfd.map --cref -o bfd.out || fail "ld.bfd failed"
link_slink main.o libx.a -Map=slink.map --cref
python3 "$TESTS/lib/mapcmp.py" --placed bfd.map slink.map || fail "the maps differ"
# -M prints the same map to stdout
"$SLINK" main.o libx.a -M --cref -o m.out > stdout.map || fail "slink -M failed"
grep -v '^OUTPUT(' stdout.map > a.txt; grep -v '^OUTPUT(' slink.map > b.txt
cmp -s a.txt b.txt || { diff a.txt b.txt | head -20; fail "-M differs from -Map"; }
