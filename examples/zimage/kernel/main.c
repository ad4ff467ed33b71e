/*
 * kernel/main.c — the "kernel": says hello on COM1 and returns to head.S, which powers
 * the machine off.  Freestanding C, like the decompressor.
 */

#define COM1	0x3f8

void kernel_main(const unsigned char *boot_header);

static inline void outb(unsigned short port, unsigned char v)
{
	__asm__ volatile ("outb %0, %1" : : "a" (v), "Nd" (port));
}

static inline unsigned char inb(unsigned short port)
{
	unsigned char v;
	__asm__ volatile ("inb %1, %0" : "=a" (v) : "Nd" (port));
	return v;
}

static void putc(char c)
{
	while (!(inb(COM1 + 5) & 0x20))
		;
	outb(COM1, (unsigned char)c);
}

static void puts(const char *s)
{
	for (; *s; s++) {
		if (*s == '\n')
			putc('\r');
		putc(*s);
	}
}

static void puthex(unsigned int v, int digits)
{
	while (digits--)
		putc("0123456789abcdef"[(v >> (4 * digits)) & 0xf]);
}

/* Something in .data and something in .bss, to show both arrive intact. */
static char greeting[] = "Hello from the tiny kernel!";
static unsigned int zeroed[16];

void kernel_main(const unsigned char *boot_header)
{
	unsigned int i, sum = 0;
	unsigned char loader = boot_header[0x210];	/* type_of_loader */

	for (i = 0; i < 16; i++)
		sum |= zeroed[i];
	puts(greeting);
	puts(" Loaded by ");
	puts(loader == 0 ? "our boot sector" : "a boot loader");
	puts(" (type_of_loader 0x");
	puthex(loader, 2);
	puts("), setup sectors ");
	puthex(boot_header[0x1f1], 2);
	puts(sum ? ", .bss NOT zeroed!\n" : ", .bss clear.\n");
	puts("Powering off.\n");
}
