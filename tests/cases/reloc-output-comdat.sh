# ld -r with COMDAT groups (C++ inline functions, templates, static locals, with -g), x86-64
# and i386: the first group of a signature is kept and re-emitted as SHT_GROUP with its
# members (and their relocation sections) renumbered; the duplicates go, their .eh_frame FDEs
# go too (R_*_NONE left in .rela.eh_frame, CIEs never merged), and debug relocations against
# them point to the kept copies (GNU ld's "pretend" rule).  Then the -r output is linked into
# a program that must match GNU ld's and run.
need_cmd g++
relcmp() {
	python3 "$TESTS/lib/relcmp.py" bfd.out slink.out >&2 || fail "-r output differs from ld.bfd's ($*)"
	compare_outputs
	cmp bfd.out slink.out || fail "-r output is not byte-identical to ld.bfd's ($*)"
}
cat > h.h <<'EOF'
struct S { int v; S(int x) : v(x) {} int get() const { return v * 2; } };
template <class T> T twice(T x) { static T last; last = x; return x + x; }
extern "C" long sys_exit(long);
EOF
cat > a.cc <<'EOF'
#include "h.h"
int fa(int x) { S s(x); return s.get() + twice(x); }
EOF
cat > b.cc <<'EOF'
#include "h.h"
int fb(int x) { S s(x + 1); return s.get() + twice(x) + (int)twice(1.0); }
EOF
cat > m.cc <<'EOF'
#include "h.h"
int fa(int); int fb(int);
extern "C" int cmain() { return fa(3) + fb(4) + twice(5); }
EOF
for arch in x86-64 i386; do
	if [ $arch = i386 ]; then M="-m elf_i386" C=-m32 A=--32 RUN=qemu-i386; else M="-m elf_x86_64" C= A= RUN=; fi
	for f in a b m; do
		g++ $C -g -O1 -fno-inline -ffreestanding -fno-exceptions -fno-rtti -fno-pic -fno-stack-protector \
			-c $f.cc -o $f.o || fail "g++ failed"
	done
	readelf -gW a.o | grep -q COMDAT || fail "the test needs COMDAT groups"
	if [ $arch = i386 ]; then
		as_obj start.o --32 <<'EOF'
	.globl _start
_start:	andl	$-16, %esp
	call	cmain
	movl	%eax, %ebx
	movl	$1, %eax
	int	$0x80
	.section .note.GNU-stack,"",@progbits
EOF
	else
		as_obj start.o <<'EOF'
	.globl _start
_start:	andq	$-16, %rsp
	call	cmain
	movl	%eax, %edi
	movl	$60, %eax
	syscall
	.section .note.GNU-stack,"",@progbits
EOF
	fi
	echo "== $arch: -r a.o b.o (duplicate groups)" >&2
	link_both $M -r a.o b.o
	relcmp $arch a.o b.o
	sigs() { readelf -gW "$@" | sed -n "s/^COMDAT group section .* \[\(.*\)\] contains.*/\1/p" | sort; }
	[ "$(sigs slink.out)" = "$(sigs a.o b.o | uniq)" ] || fail "expected each group signature once: $(sigs slink.out | tr '\n' ' ')"
	readelf -rW slink.out | grep -q '_NONE' || fail "no R_*_NONE left for the dropped FDEs"
	cp slink.out ab.o

	echo "== $arch: -r of the -r output with m.o (more duplicates)" >&2
	link_both $M -r m.o ab.o start.o
	relcmp $arch m.o ab.o
	cp slink.out all.o

	echo "== $arch: final link" >&2
	link_both $M -e _start all.o
	compare_outputs
	run_both $RUN
done
