# Archives with a broken member header (bad ar_fmag, a size that is not a number, a size
# past the end of the archive) and a thin archive whose member file is gone: exit 1, a
# message naming the archive, no output, no crash.
as_obj s.o <<'EOF'
	.globl _start
_start:	call	f1
	movl	$60, %eax
	syscall
EOF
as_obj f1.o <<'EOF'
	.globl f1
f1:	call	f2
	ret
EOF
as_obj f2.o <<'EOF'
	.globl f2
f2:	ret
EOF
make_archive lib.a f1.o f2.o
python3 - <<'EOF'
d = open('lib.a', 'rb').read()
i = d.find(b'f1.o/')
assert i > 0
def patch(name, at, new):
    e = bytearray(d)
    e[i + at:i + at + len(new)] = new
    open(name, 'wb').write(e)
patch('fmag.a', 58, b'XX')            # ar_fmag must be "`\n"
patch('size.a', 48, b'12z4      ')    # ar_size is decimal
patch('past.a', 48, b'9999999999')    # beyond the end of the archive
EOF
for a in fmag.a size.a past.a; do
	expect_fail "${a//./\\.}" s.o $a
	expect_fail "${a//./\\.}" s.o --whole-archive $a
done
expect_fail_both "fmag\.a: .*malformed archive" s.o fmag.a
cp f2.o gone.o
make_thin_archive thin.a f1.o gone.o
rm gone.o
expect_fail_both "thin\.a\(gone\.o\)" s.o thin.a
expect_fail "gone\.o" s.o --whole-archive thin.a
