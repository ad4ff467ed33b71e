# A static C program against musl: `musl-gcc -static` with slink as the linker (through -B),
# which exercises crt objects, libc.a extraction and weak symbols.  Both links get the same
# command line from gcc; the layouts must match ld.bfd's and the programs must behave alike.
cat > prog.c <<'EOF'
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static int cmp(const void *a, const void *b) { return *(const int *)a - *(const int *)b; }
static void bye(void) { puts("atexit handler ran"); }
int main(void)
{
	int v[] = { 42, 7, 19, 3, 88, 1 };
	char buf[64];
	char *p = malloc(32);
	qsort(v, 6, sizeof v[0], cmp);
	for (int i = 0; i < 6; i++) printf("%d%c", v[i], i == 5 ? '\n' : ' ');
	snprintf(buf, sizeof buf, "%s-%05.1f-%lx", "fmt", 3.25, 0xbeefUL);
	strcpy(p, buf);
	printf("%s %zu %ld\n", p, strlen(p), strtol("  -123", NULL, 10));
	free(p);
	atexit(bye);
	return 3;
}
EOF
cat > second.c <<'EOF'
int counter = 4;
int twice(int x) { return 2 * x + counter; }
EOF
need_cmd musl-gcc
musl-gcc -O2 -c prog.c -o prog.o
musl-gcc -O2 -c second.c -o second.o
musl_both prog.o second.o
compare_outputs
run_both
expect_grep '^atexit handler ran$' slink.stdout
