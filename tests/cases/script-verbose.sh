# --verbose prints the version and the built-in script in use, byte for byte GNU ld 2.40's
# (what build systems cut out with sed); with nothing to link, -v and --verbose end the run
# there, successfully, while a link with no input file is GNU ld's "no input files" error,
# whatever -m says, and writes nothing.
cd "$WORK"
for opts in "" "-m elf_i386" "-pie" "-shared" "-r" "-N" "-z noseparate-code" "-m elf_i386 -pie"; do
	ld.bfd $opts --verbose | sed -n '/^=====/,/^=====/p' > bfd.v
	"$SLINK" $opts --verbose > slink.all || fail "slink $opts --verbose failed"
	sed -n '/^=====/,/^=====/p' slink.all > slink.v
	[ -s bfd.v ] || fail "ld.bfd $opts --verbose printed no script"
	cmp -s bfd.v slink.v || { diff bfd.v slink.v | head >&2; fail "built-in script for '$opts' differs (< ld.bfd, > slink)"; }
	[ ! -e a.out ] || fail "slink $opts --verbose wrote a.out with nothing to link"
done
"$SLINK" -v > v.out || fail "slink -v failed"
grep -q '^GNU ld (slink' v.out || fail "slink -v printed no version"
[ ! -e a.out ] || fail "slink -v wrote a.out"
expect_fail_both "no input files" -m elf_i386
expect_fail_both "no input files" -pie
