/* A freestanding x86-64 program: no libc, two translation units, data, bss, rodata and a
 * table of function pointers, so its layout has something to show. */
#include "syscalls.h"

extern const char *greeting(int i);
extern unsigned long count_calls;

static char buffer[64];          /* .bss */
int exit_code = 0;               /* .data */

static unsigned long copy(char *dst, const char *src)
{
	unsigned long n = 0;
	while ((dst[n] = src[n]))
		n++;
	return n;
}

void _start(void)
{
	for (int i = 0; i < 3; i++) {
		unsigned long n = copy(buffer, greeting(i));
		buffer[n++] = '\n';
		sys_write(1, buffer, n);
	}
	sys_exit(exit_code + (int)count_calls - 3);
}
