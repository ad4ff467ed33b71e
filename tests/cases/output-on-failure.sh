# A failed link leaves no output file, even when one existed before (GNU ld removes it too),
# and no temporary file beside it.
as_obj a.o <<'EOF'
	.globl _start
_start:	call	missing
	movl	$60, %eax
	syscall
EOF
for tool in ld.bfd "$SLINK"; do
	echo old > prog
	st=0
	_show "$tool" a.o -o prog
	"$tool" a.o -o prog 2> err || st=$?
	_check_sanitizer err "$tool"
	[ "$st" -eq 1 ] || { _cat_indented err; fail "$tool exited $st, expected 1"; }
	[ ! -e prog ] || fail "$tool left the old output file after a failed link"
	[ "$(ls -A | LC_ALL=C sort | tr '\n' ' ')" = "a.o err " ] || fail "$tool left files: $(ls -A | tr '\n' ' ')"
	rm err
done
