# Names GNU ld's lexer reads as keywords where commands and SECTIONS' statements stand (its SCRIPT
# state: o, org, l, len, ORIGIN, ALIGN, MAX, AFTER, ...) or inside an output section (its WILD
# state: AT, FILL, SORT, ...) or in expressions (COPY, NOLOAD, TYPE, ORIGIN, ...) are no symbol to
# assign or read, no section, segment or region to name there; elsewhere they are names.
as_obj a.o <<'EOF2'
	.text
	.globl _start
_start:	ret
EOF2
n=0
for case in 'o = 1;|top' 'org = 1;|sections' 'len = 1;|sections' 'ORIGIN = 1;|top' \
	    'ALIGN = 1;|sections' 'MAX = 1;|top' 'AFTER = 1;|sections' 'CONSTANT = 1;|top' \
	    'AT = 1;|inner' 'FILL = 2;|inner' 'SORT = 1;|inner' 'ORIGIN : { *(.data) }|sections' \
	    'x = SIZEOF(l);|sections' 'ENTRY(o)|top' 'NOCROSSREFS(o l)|top' 'EXTERN(x ORIGIN)|top' \
	    'x = COPY + 1;|top' 'x = DEFINED(NOLOAD);|sections' 'x = TYPE;|inner'; do
	stmt=${case%|*}
	case ${case#*|} in
	top) s="$stmt SECTIONS { .text : { *(.text) } }" ;;
	sections) s="SECTIONS { $stmt .text : { *(.text) } }" ;;
	inner) s="SECTIONS { .text : { $stmt *(.text) } }" ;;
	esac
	n=$((n + 1))
	echo "$s" > bad$n.ld
	expect_fail_both 'syntax error' -T bad$n.ld a.o
done
# where GNU ld reads them as names they are names
cat > ok.ld <<'EOF2'
SECTIONS
{
  .text : { o = 1; ORIGIN = 2; ALIGN = 3; MAX = 4; *(.text) }
  x = o + len;
  .data : { len = 5; NOLOAD = 6; }
}
PHDRS_sym = 7;
EXTERN(o l)
EOF2
link_both -T ok.ld a.o
compare_outputs
