# Malformed property notes: GNU ld's messages name the file and never fail the link (not even
# the "error:" ones); the object's properties are dropped (or, for a bad descriptor size, kept
# as far as they were read), and the rest of the merge goes on.
cc_obj main.o -O2 -fcf-protection=full <<'SRC'
void _start(void) { __asm__ volatile("syscall" : : "a"(60), "D"(0)); }
SRC
note() {   # NAME: a .note.gnu.property with the descriptor from stdin
	{ echo '.section .note.gnu.property,"a",@note'; echo '.p2align 3'; cat
	  echo '.section .note.GNU-stack,"",@progbits'; } > "$1.s"
	as_obj "$1.o" "$1.s"
}
note bad-descsz <<'SRC'
.long 4, 12, 5
.asciz "GNU"
.long 0xc0000002, 4, 3
.p2align 3
SRC
note bad-x86-size <<'SRC'
.long 4, 16, 5
.asciz "GNU"
.long 0xc0000002, 8, 3, 0
SRC
note bad-datasz <<'SRC'
.long 4, 16, 5
.asciz "GNU"
.long 0xc0000002, 0x40, 3, 0
SRC
note bad-stack <<'SRC'
.long 4, 16, 5
.asciz "GNU"
.long 1, 4, 3, 0
SRC
note bad-nocopy <<'SRC'
.long 4, 16, 5
.asciz "GNU"
.long 2, 4, 3, 0
SRC
note bad-and-size <<'SRC'
.long 4, 16, 5
.asciz "GNU"
.long 0xb0000000, 8, 3, 0
SRC
note unsupported <<'SRC'
.long 4, 40, 5
.asciz "GNU"
.long 0xc0000002, 4, 3, 0
.long 0x1234, 0, 0xd0000000, 4, 1, 0
.long 0xe0000001, 0
SRC
note empty-desc <<'SRC'
.long 4, 0, 5
.asciz "GNU"
.long 4, 200, 5
.asciz "GNU"
SRC
cc_obj other.o -O2 -fcf-protection=full <<'SRC'
int other(void) { return 1; }
SRC
check() {   # OBJECT 'ERE': link main.o OBJECT other.o; same output and messages as GNU ld
	echo "== $1" >&2
	link_both main.o "$1.o" other.o
	compare_outputs
	sed 's/^ld\.bfd:/slink:/' bfd.stderr > bfd.msgs
	diff -u bfd.msgs slink.stderr >&2 || fail "$1: messages differ from GNU ld's"
	[ -z "$2" ] || expect_grep "$2" slink.stderr
}
check bad-descsz '^slink: warning: bad-descsz\.o: corrupt GNU_PROPERTY_TYPE \(5\) size: 0xc$'
check bad-x86-size '^slink: error: bad-x86-size\.o: <corrupt x86 property \(0xc0000002\) size: 0x8>$'
check bad-datasz '^slink: warning: bad-datasz\.o: corrupt GNU_PROPERTY_TYPE \(5\) type \(0xc0000002\) datasz: 0x40$'
check bad-stack '^slink: warning: bad-stack\.o: corrupt stack size: 0x4$'
check bad-nocopy '^slink: warning: bad-nocopy\.o: corrupt no copy on protected size: 0x4$'
check bad-and-size '^slink: error: bad-and-size\.o: <corrupt property \(0xb0000000\) size: 0x8>$'
check unsupported '^slink: warning: unsupported\.o: unsupported GNU_PROPERTY_TYPE \(5\) type: 0x1234$'
check empty-desc '^slink: warning: empty-desc\.o: corrupt GNU_PROPERTY_TYPE \(5\) size: 0$'
# the messages are not warnings of the link: --fatal-warnings does not fail it
link_both --fatal-warnings main.o bad-descsz.o other.o
compare_outputs
