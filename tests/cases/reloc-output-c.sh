# ld -r of multi-object C, x86-64 and i386: sections merged by name, relocations rewritten
# against the output (section symbols with moved addends, REL addends moved in place on
# i386), locals with their FILE symbols, commons kept SHN_COMMON (allocated with -d), -x/-X,
# -r of -r outputs, and a final link of the -r output that must match GNU ld's and run.
relcmp() {   # strict: same headers, offsets, symbols, relocations; then the same bytes
	python3 "$TESTS/lib/relcmp.py" bfd.out slink.out >&2 || fail "-r output differs from ld.bfd's ($*)"
	compare_outputs
	cmp bfd.out slink.out || fail "-r output is not byte-identical to ld.bfd's ($*)"
}

for arch in x86-64 i386; do
	if [ $arch = i386 ]; then M="-m elf_i386" C=-m32 A=--32 RUN=qemu-i386; else M="-m elf_x86_64" C= A= RUN=; fi
	CFLAGS="$C -O2 -ffreestanding -fno-pic -fno-stack-protector -fno-builtin -fcommon"
	cc_obj sys.o $CFLAGS <<'EOF'
long sys_write(int fd, const void *buf, unsigned long n)
{
	long r;
#ifdef __x86_64__
	__asm__ volatile("syscall" : "=a"(r) : "a"(1L), "D"((long)fd), "S"(buf), "d"(n) : "rcx", "r11", "memory");
#else
	__asm__ volatile("int $0x80" : "=a"(r) : "a"(4L), "b"(fd), "c"(buf), "d"(n) : "memory");
#endif
	return r;
}
EOF
	cc_obj util.o $CFLAGS <<'EOF'
long sys_write(int fd, const void *buf, unsigned long n);
static char outbuf[256];
static int outlen;
int shared_counter;                     /* common */
void flush(void) { sys_write(1, outbuf, (unsigned long)outlen); outlen = 0; }
void put(const char *s) { while (*s) { if (outlen == sizeof outbuf) flush(); outbuf[outlen++] = *s++; } }
void put_num(long v)
{
	char b[24]; int i = 23; int neg = v < 0;
	unsigned long u = neg ? -(unsigned long)v : (unsigned long)v;
	b[i] = 0;
	do { b[--i] = (char)('0' + u % 10); u /= 10; } while (u);
	if (neg) b[--i] = '-';
	put(b + i);
}
EOF
	cc_obj main.o $CFLAGS <<'EOF'
void put(const char *s); void put_num(long v); void flush(void);
int shared_counter;                     /* common, also in util.o */
char big_common[100];                   /* common only here */
static int table[8] = {3, 1, 4, 1, 5, 9, 2, 6};
static const char *const names[] = {"zero", "one", "two", "three"};
static int sq(int x) { return x * x; }
static int cube(int x) { return x * x * x; }
static int (*const ops[])(int) = {sq, cube};
static int pick(int k, int v)
{
	switch (k) {
	case 0: return v + 1; case 1: return v * 7; case 2: return v - 3;
	case 3: return v ^ 5; case 4: return v << 2; default: return -v;
	}
}
int cmain(void)
{
	long sum = 0;
	for (int i = 0; i < 8; i++) { sum += ops[i & 1](table[i]) + pick(i, table[i]); shared_counter++; }
	big_common[3] = 7;
	put("sum="); put_num(sum); put(" "); put(names[sum & 3]); put(" n="); put_num(shared_counter);
	put("\n");
	flush();
	return (int)(sum & 0x3f) + big_common[3];
}
EOF
	if [ $arch = i386 ]; then
		as_obj start.o $A <<'EOF'
	.text
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
	.text
	.globl _start
_start:	andq	$-16, %rsp
	call	cmain
	movl	%eax, %edi
	movl	$60, %eax
	syscall
	.section .note.GNU-stack,"",@progbits
EOF
	fi

	echo "== $arch: -r of two objects" >&2
	link_both $M -r util.o main.o
	relcmp $arch util.o main.o
	cp slink.out part.o
	cp bfd.out part-bfd.o
	readelf -hW slink.out | grep -q 'Number of program headers: *0' || fail "-r output has program headers"
	readelf -sW slink.out | grep -q ' COM .*shared_counter' || fail "common symbol not kept SHN_COMMON in -r"

	for opt in -d -x -X; do
		echo "== $arch: -r $opt" >&2
		link_both $M -r $opt util.o main.o sys.o
		relcmp $arch -r $opt
	done

	echo "== $arch: -r of a -r output" >&2
	link_both $M -r part.o sys.o start.o
	relcmp $arch -r of -r
	cp slink.out all.o
	cp bfd.out all-bfd.o

	echo "== $arch: final link of the -r outputs" >&2
	link_both $M -e _start all.o
	compare_outputs
	run_both $RUN
	expect_grep '^sum=' slink.stdout
	# and each linker's own -r output, linked by itself
	ld.bfd $M -e _start all-bfd.o -o bfd.out 2> bfd.stderr || fail "ld.bfd failed"
	link_slink $M -e _start all.o
	compare_outputs
done
