/* The other translation unit: read-only strings and a jump table. */
unsigned long count_calls;

static const char *hello(void) { return "Hello from slink"; }
static const char *layout(void) { return "every byte placed by a linker script"; }
static const char *bye(void) { return "Goodbye"; }

static const char *(*const table[])(void) = { hello, layout, bye };

const char *greeting(int i)
{
	count_calls++;
	return table[i % 3]();
}
