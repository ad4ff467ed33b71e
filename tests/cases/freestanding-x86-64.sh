# A multi-file freestanding C program (data, bss, rodata, a jump table, function pointers,
# string literals, .eh_frame), x86-64, linked like ld.bfd and run natively.
CFLAGS="-O2 -ffreestanding -fno-pic -fno-stack-protector -fno-builtin"

as_obj start.o <<'EOF'
	.text
	.globl _start
	.type _start, @function
_start:
	xorl	%ebp, %ebp
	andq	$-16, %rsp
	call	cmain
	movl	%eax, %edi
	movl	$60, %eax
	syscall
	.size _start, .-_start
	.section .note.GNU-stack,"",@progbits
EOF

cc_obj sys.o $CFLAGS <<'EOF'
long sys_write(int fd, const void *buf, unsigned long n)
{
	long r;
#ifdef __x86_64__
	__asm__ volatile("syscall" : "=a"(r) : "a"(1L), "D"((long)fd), "S"(buf), "d"(n)
			 : "rcx", "r11", "memory");
#else
	__asm__ volatile("int $0x80" : "=a"(r) : "a"(4L), "b"(fd), "c"(buf), "d"(n) : "memory");
#endif
	return r;
}
EOF

cc_obj util.o $CFLAGS <<'EOF'
long sys_write(int fd, const void *buf, unsigned long n);
void *memcpy(void *d, const void *s, unsigned long n)
{ char *dd = d; const char *ss = s; while (n--) *dd++ = *ss++; return d; }
void *memset(void *d, int c, unsigned long n)
{ char *dd = d; while (n--) *dd++ = (char)c; return d; }
unsigned long my_strlen(const char *s) { unsigned long n = 0; while (s[n]) n++; return n; }
static char outbuf[256];
static int outlen;
void flush(void) { sys_write(1, outbuf, (unsigned long)outlen); outlen = 0; }
void put(const char *s)
{
	while (*s) { if (outlen == sizeof outbuf) flush(); outbuf[outlen++] = *s++; }
}
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
unsigned long my_strlen(const char *s);
static long add(long a, long b) { return a + b; }
static long sub(long a, long b) { return a - b; }
static long mul(long a, long b) { return a * b; }
struct op { const char *name; long (*fn)(long, long); };
const struct op ops[] = { { "add", add }, { "sub", sub }, { "mul", mul } };
long counter = 5;
long table[64];
static const char *const words[] = { "alpha", "beta", "gamma", "delta", "epsilon" };
volatile int sel = 3;
__attribute__((noinline)) int classify(int x)
{
	switch (x) {
	case 0: return 11; case 1: return 23; case 2: return 35; case 3: return 47;
	case 4: return 59; case 5: return 61; case 6: return 73; default: return 1;
	}
}
int cmain(void)
{
	long sum = 0;
	for (int i = 0; i < 64; i++) table[i] = (long)i * i;
	for (int i = 0; i < 64; i++) sum += table[i];
	for (unsigned i = 0; i < sizeof ops / sizeof ops[0]; i++) {
		put(ops[i].name); put(" "); put_num(ops[i].fn(7, 3)); put("\n");
	}
	for (int i = 0; i < 5; i++) { put(words[i]); put_num((long)my_strlen(words[i])); put("\n"); }
	put("classify "); put_num(classify(sel)); put("\n");
	put("sum "); put_num(sum + counter); put("\n");
	flush();
	return (int)((sum + counter + classify(sel)) & 0x7f);
}
EOF

link_both start.o main.o util.o sys.o
compare_outputs
run_both
expect_grep '^classify 47$' slink.stdout
