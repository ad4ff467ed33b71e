/*
 * compressed/misc.c — the decompressor: inflate the gzipped kernel that piggy.o carries
 * to KERNEL_LOAD, check it, and tell head.S where to jump.
 *
 * Freestanding: no libc, no heap; everything lives in static storage.  The inflate below
 * is a small, slow-but-simple decoder for DEFLATE (RFC 1951) inside a gzip member
 * (RFC 1952), written for this example:
 *   - bits are taken from the input least-significant first, one byte at a time;
 *   - Huffman codes are canonical, so a code is described by its bit lengths alone; we
 *     keep, per length, how many codes have it, and the symbols sorted by code, and
 *     decode one bit at a time;
 *   - the output buffer is the kernel's final place in memory, so back-references read
 *     straight from it (no sliding window needed).
 */

#define KERNEL_LOAD	0x200000UL	/* must match the address in kernel/kernel.lds */

extern int input_len;			/* piggy.o: LONG(input_data_end - input_data) */
extern unsigned char input_data[];	/* piggy.o: the gzip file */

unsigned long decompress_kernel(void);

/* ---- serial output (COM1) ---------------------------------------------------------- */

#define COM1	0x3f8

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

static void serial_init(void)
{
	outb(COM1 + 3, 0x80);		/* DLAB: set the baud divisor */
	outb(COM1 + 0, 1);		/* 115200 baud */
	outb(COM1 + 1, 0);
	outb(COM1 + 3, 0x03);		/* 8N1 */
}

static void serial_putc(char c)
{
	while (!(inb(COM1 + 5) & 0x20))	/* wait for an empty transmit register */
		;
	outb(COM1, (unsigned char)c);
}

static void serial_puts(const char *s)
{
	for (; *s; s++) {
		if (*s == '\n')
			serial_putc('\r');
		serial_putc(*s);
	}
}

static void __attribute__((noreturn)) error(const char *msg)
{
	serial_puts("\n\n");
	serial_puts(msg);
	serial_puts("\n\n -- System halted\n");
	for (;;)
		__asm__ volatile ("cli; hlt");
}

/* ---- bit input ------------------------------------------------------------------------ */

static const unsigned char *in;		/* the gzip file */
static unsigned long in_len, in_pos;
static unsigned int bitbuf;		/* bits not used yet, next one in bit 0 */
static unsigned int bitcnt;		/* how many; always < 8 between calls */

static unsigned char *out;		/* the kernel's memory */
static unsigned long out_pos;

static unsigned int getbits(unsigned int n)	/* n <= 16 */
{
	unsigned int v;

	while (bitcnt < n) {
		if (in_pos >= in_len)
			error("inflate: unexpected end of input");
		bitbuf |= (unsigned int)in[in_pos++] << bitcnt;
		bitcnt += 8;
	}
	v = bitbuf & ((1u << n) - 1);
	bitbuf >>= n;
	bitcnt -= n;
	return v;
}

/* ---- canonical Huffman codes ---------------------------------------------------------- */

#define MAXBITS	15

struct huffman {
	unsigned short count[MAXBITS + 1];	/* number of codes of each length */
	unsigned short symbol[288];		/* symbols in code order */
};

/* Describe the code whose symbol s has bit length len[s] (0: unused), s < n. */
static void huffman_build(struct huffman *h, const unsigned char *len, unsigned int n)
{
	unsigned short next[MAXBITS + 1];
	unsigned int s, l;

	for (l = 0; l <= MAXBITS; l++)
		h->count[l] = 0;
	for (s = 0; s < n; s++)
		h->count[len[s]]++;
	/* Codes are assigned by length, then by symbol: symbols of length l come after all
	 * the shorter ones. */
	next[1] = 0;
	for (l = 1; l < MAXBITS; l++)
		next[l + 1] = next[l] + h->count[l];
	for (s = 0; s < n; s++)
		if (len[s])
			h->symbol[next[len[s]]++] = (unsigned short)s;
}

/*
 * Read one symbol.  The codes of length l are the consecutive numbers first..first+count-1
 * (first = (previous first + previous count) << 1), so after each bit we check whether
 * the code read so far falls in that range.
 */
static unsigned int huffman_decode(const struct huffman *h)
{
	int code = 0, first = 0, index = 0;
	unsigned int l;

	for (l = 1; l <= MAXBITS; l++) {
		int count = h->count[l];

		code |= (int)getbits(1);
		if (code - first < count)
			return h->symbol[index + code - first];
		index += count;
		first = (first + count) << 1;
		code <<= 1;
	}
	error("inflate: invalid Huffman code");
}

/* ---- DEFLATE blocks ------------------------------------------------------------------- */

/* Length codes 257..285 and distance codes 0..29: a base plus some extra bits. */
static unsigned short len_base[29], dist_base[30];
static unsigned char len_extra[29], dist_extra[30];

static void init_tables(void)
{
	unsigned int i;

	/* Extra bits grow by one every four codes, after the first eight (lengths) or four
	 * (distances); each base is the previous one plus the previous code's range. */
	len_base[0] = 3;
	for (i = 0; i < 28; i++) {
		len_extra[i] = (unsigned char)(i < 8 ? 0 : (i - 4) >> 2);
		if (i + 1 < 28)
			len_base[i + 1] = (unsigned short)(len_base[i] + (1u << len_extra[i]));
	}
	len_base[28] = 258;		/* the odd one out: 258 with no extra bits */
	len_extra[28] = 0;
	dist_base[0] = 1;
	for (i = 0; i < 30; i++) {
		dist_extra[i] = (unsigned char)(i < 4 ? 0 : (i - 2) >> 1);
		if (i + 1 < 30)
			dist_base[i + 1] = (unsigned short)(dist_base[i] + (1u << dist_extra[i]));
	}
}

static struct huffman lit_code, dist_code;
static unsigned char lengths[288 + 32];

/* Decode literal/length + distance symbols until the end-of-block symbol. */
static void inflate_codes(void)
{
	for (;;) {
		unsigned int sym = huffman_decode(&lit_code);
		unsigned int len, dist;

		if (sym < 256) {
			out[out_pos++] = (unsigned char)sym;
			continue;
		}
		if (sym == 256)
			return;
		sym -= 257;
		if (sym >= 29)
			error("inflate: invalid length code");
		len = len_base[sym] + getbits(len_extra[sym]);
		sym = huffman_decode(&dist_code);
		if (sym >= 30)
			error("inflate: invalid distance code");
		dist = dist_base[sym] + getbits(dist_extra[sym]);
		if (dist > out_pos)
			error("inflate: distance too far back");
		while (len--) {			/* may overlap: copy byte by byte */
			out[out_pos] = out[out_pos - dist];
			out_pos++;
		}
	}
}

/* Block type 0: LEN, ~LEN, then LEN bytes as they are, from the next byte boundary. */
static void inflate_stored(void)
{
	unsigned int len, nlen;

	bitbuf = 0;			/* drop the rest of the current byte */
	bitcnt = 0;
	if (in_pos + 4 > in_len)
		error("inflate: unexpected end of input");
	len = in[in_pos] | (unsigned int)in[in_pos + 1] << 8;
	nlen = in[in_pos + 2] | (unsigned int)in[in_pos + 3] << 8;
	in_pos += 4;
	if (len != (~nlen & 0xffff))
		error("inflate: corrupt stored block");
	if (in_pos + len > in_len)
		error("inflate: unexpected end of input");
	while (len--)
		out[out_pos++] = in[in_pos++];
}

/* Block type 1: the fixed codes the standard defines. */
static void inflate_fixed(void)
{
	unsigned int s;

	for (s = 0; s < 288; s++)
		lengths[s] = s < 144 ? 8 : s < 256 ? 9 : s < 280 ? 7 : 8;
	huffman_build(&lit_code, lengths, 288);
	for (s = 0; s < 30; s++)
		lengths[s] = 5;
	huffman_build(&dist_code, lengths, 30);
	inflate_codes();
}

/* Block type 2: the code lengths come first, themselves Huffman-coded. */
static void inflate_dynamic(void)
{
	static const unsigned char order[19] = {
		16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15
	};
	unsigned int nlen = getbits(5) + 257, ndist = getbits(5) + 1, ncode = getbits(4) + 4;
	unsigned int i;

	if (nlen > 286 || ndist > 30)
		error("inflate: bad code counts");
	for (i = 0; i < 19; i++)
		lengths[order[i]] = (unsigned char)(i < ncode ? getbits(3) : 0);
	huffman_build(&lit_code, lengths, 19);	/* the code-length code, used briefly */

	i = 0;
	while (i < nlen + ndist) {
		unsigned int sym = huffman_decode(&lit_code), repeat;
		unsigned char value = 0;

		if (sym < 16) {			/* a length */
			lengths[i++] = (unsigned char)sym;
			continue;
		}
		if (sym == 16) {		/* repeat the previous length 3..6 times */
			if (i == 0)
				error("inflate: repeat with no previous length");
			value = lengths[i - 1];
			repeat = 3 + getbits(2);
		} else if (sym == 17) {		/* 3..10 zeros */
			repeat = 3 + getbits(3);
		} else {			/* 11..138 zeros */
			repeat = 11 + getbits(7);
		}
		if (i + repeat > nlen + ndist)
			error("inflate: too many code lengths");
		while (repeat--)
			lengths[i++] = value;
	}
	huffman_build(&lit_code, lengths, nlen);
	huffman_build(&dist_code, lengths + nlen, ndist);
	inflate_codes();
}

/* ---- gzip ----------------------------------------------------------------------------- */

static unsigned int crc32(const unsigned char *p, unsigned long n)
{
	unsigned int c = 0xffffffffu;
	int k;

	while (n--) {
		c ^= *p++;
		for (k = 0; k < 8; k++)		/* the reflected polynomial 0xedb88320 */
			c = (c >> 1) ^ (0xedb88320u & (0u - (c & 1)));
	}
	return ~c;
}

static unsigned int le32(const unsigned char *p)
{
	return p[0] | (unsigned int)p[1] << 8 | (unsigned int)p[2] << 16 | (unsigned int)p[3] << 24;
}

static void gunzip(void)
{
	unsigned int flags, last, type;

	in = input_data;
	in_len = (unsigned long)input_len;
	out = (unsigned char *)KERNEL_LOAD;

	/* Header: magic 1f 8b, method 8 (deflate), flags, mtime, xfl, os, optional fields. */
	if (in_len < 18 || in[0] != 0x1f || in[1] != 0x8b)
		error("not a gzip file");
	if (in[2] != 8)
		error("unknown compression method");
	flags = in[3];
	if (flags & 0xe0)
		error("unknown gzip flags");
	in_pos = 10;
	if (flags & 0x04)			/* FEXTRA */
		in_pos += 2 + (in[in_pos] | (unsigned int)in[in_pos + 1] << 8);
	if (flags & 0x08)			/* FNAME */
		while (in_pos < in_len && in[in_pos++])
			;
	if (flags & 0x10)			/* FCOMMENT */
		while (in_pos < in_len && in[in_pos++])
			;
	if (flags & 0x02)			/* FHCRC */
		in_pos += 2;

	init_tables();
	do {
		last = getbits(1);
		type = getbits(2);
		if (type == 0)
			inflate_stored();
		else if (type == 1)
			inflate_fixed();
		else if (type == 2)
			inflate_dynamic();
		else
			error("inflate: invalid block type");
	} while (!last);

	/* Trailer, from the next byte boundary: CRC-32 and size of the uncompressed data. */
	if (in_pos + 8 > in_len)
		error("gzip: missing trailer");
	if (le32(in + in_pos + 4) != out_pos)
		error("gzip: length error");
	if (le32(in + in_pos) != crc32(out, out_pos))
		error("gzip: crc error");
}

unsigned long decompress_kernel(void)
{
	serial_init();
	serial_puts("Decompressing Linux... ");
	gunzip();
	serial_puts("done.\nBooting the kernel.\n");
	return KERNEL_LOAD;
}
