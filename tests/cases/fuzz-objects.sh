# Damaged objects never crash slink: a fixed-seed set of mutants of two small objects (bytes
# flipped anywhere, and in the section header table) is linked in each output mode.  Every run
# must end with status 0 or 1 (exit 99 is a sanitizer report under `make check SAN=1`, >= 128
# a signal) and leave no temporary file behind.  The mutants found a use-after-free and a
# null-pointer call before they were fixed.
cc_obj a.o -O2 -fno-pic -ffreestanding <<'EOF'
int g = 5, c;
static int s;
const char *str = "hello";
extern int foo(int);
void _start(void) { c = foo(g) + s + str[1]; for (;;) ; }
EOF
cc_obj b.o -O2 -fno-pic -ffreestanding <<'EOF'
int foo(int x) { return x + 1; }
EOF
python3 - "$SLINK" <<'EOF' || fail "slink crashed on a damaged object (above)"
import os, random, struct, subprocess, sys
slink = sys.argv[1]
random.seed(20261125)
bad = 0
modes = [[], ["-r"], ["-pie"], ["--oformat", "binary"], ["-shared"], ["--eh-frame-hdr", "--build-id", "-Map=m.map"]]
for victim, other in (("a.o", "b.o"), ("b.o", "a.o")):
    base = open(victim, "rb").read()
    shoff = struct.unpack_from("<Q", base, 0x28)[0]
    for i in range(120):
        d = bytearray(base)
        for _ in range(random.randint(1, 5)):
            if random.random() < 0.6:
                p = random.randrange(len(d))
            else:
                p = shoff + random.randrange(len(d) - shoff)
            d[p] = random.choice([random.randrange(256), 0, 0xFF, 0x7F, 0x80, 1, 2])
        open("m.o", "wb").write(d)
        mode = modes[i % len(modes)]
        r = subprocess.run([slink, "m.o", other, "-o", "out"] + mode, capture_output=True, timeout=60)
        leftovers = [f for f in os.listdir(".") if ".slink-" in f]
        if r.returncode not in (0, 1) or leftovers:
            bad += 1
            open("crash%d.o" % bad, "wb").write(d)
            print("mutant %d of %s with %s: status %d, leftovers %s" % (i, victim, mode, r.returncode, leftovers))
            print(r.stderr.decode(errors="replace")[-2000:])
            for f in leftovers:
                os.unlink(f)
sys.exit(1 if bad else 0)
EOF
