# A thin archive (`ar rcsT`): members are files named relative to the archive's directory,
# here in another directory than the one the link runs in.
mkdir -p lib obj
as_obj main.o <<'EOF'
	.globl _start
_start:	call	f1
	movl	$60, %eax
	movl	v2(%rip), %edi
	syscall
EOF
as_obj obj/f1.o <<'EOF'
	.globl f1
f1:	call	f2
	ret
EOF
as_obj obj/f2.o <<'EOF'
	.globl f2
f2:	ret
	.data
	.globl v2
v2:	.long 9
EOF
as_obj obj/unused.o <<'EOF'
	.globl unused
unused:	ud2
EOF
make_thin_archive lib/libthin.a obj/unused.o obj/f1.o obj/f2.o
head -c 8 lib/libthin.a | grep -q '^!<thin>' || fail "ar did not make a thin archive"
link_both main.o lib/libthin.a
compare_outputs
run_both
# The same through -L/-l, from a directory where the member paths are not valid.
mkdir -p elsewhere
(cd elsewhere && ln -s ../main.o main.o)
link_both -L lib elsewhere/main.o -lthin
compare_outputs
