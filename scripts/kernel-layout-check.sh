#!/usr/bin/env bash
# The layout half of the kernel check (issue 7), run after scripts/kernel-check.sh has built
# Linux with slink (it reuses that build and its log of link commands):
#   1. link vmlinux again with the logged command plus -Map, --cref and --layout-json, by slink
#      and by GNU ld, and compare the maps (tests/lib/mapcmp.py --placed: every placed section,
#      symbol, archive member, common and discarded section);
#   2. check the layout file's invariants (tests/lib/layoutcheck.py);
#   3. render it with slink-layout html and load it in headless Chromium: sections drawn,
#      search finds start_kernel, a screenshot;
#   4. slink-layout diff of the first kallsyms link against the final vmlinux, and why start_kernel.
#
#   scripts/kernel-layout-check.sh     SLINK_KERNEL_CACHE as for kernel-check.sh
# Exits 0 only when every step passed; the files are left in $cache/layout.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
cache=${SLINK_KERNEL_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/slink-kernel}
log=$cache/check/ld-invocations.txt
out=$cache/layout
slink=$top/slink
layout=$top/slink-layout
fails=0

step() { printf '\n== %s\n' "$*"; }
bad() { printf 'kernel-layout-check: FAIL: %s\n' "$*" >&2; fails=$((fails + 1)); }
die() { printf 'kernel-layout-check: FAIL: %s\n' "$*" >&2; exit 1; }

make -C "$top" -s slink slink-layout || die "cannot build slink and slink-layout"
[ -f "$log" ] || die "no $log: run scripts/kernel-check.sh first"
mkdir -p "$out"

relink() {   # NAME OUTPUT LINKER EXTRA...: redo the logged link of OUTPUT, writing $out/NAME
	local name=$1 output=$2 ld=$3; shift 3
	local cmd dir args
	cmd=$(grep -- " -o $output " "$log" | tail -n 1)
	[ -n "$cmd" ] || { bad "no link of $output in $log"; return 1; }
	dir=${cmd%%: *}
	args=${cmd#*: }
	# shellcheck disable=SC2086
	(cd "$dir" && "$ld" ${args/-o $output /-o $out/$name } "$@")
}

step "linking vmlinux with maps and the layout"
relink vmlinux.slink vmlinux "$slink" -Map="$out/slink.map" --cref --layout-json="$out/vmlinux.json" ||
	bad "slink could not link vmlinux"
relink vmlinux.bfd vmlinux ld.bfd -Map="$out/bfd.map" --cref 2> "$out/bfd.stderr" || bad "ld.bfd could not link vmlinux"
relink kallsyms1.slink .tmp_vmlinux.kallsyms1 "$slink" --layout-json="$out/kallsyms1.json" ||
	bad "slink could not link .tmp_vmlinux.kallsyms1"

step "comparing the map with GNU ld's"
if python3 "$top/tests/lib/mapcmp.py" --placed "$out/bfd.map" "$out/slink.map" > "$out/map.diff"; then
	echo "maps agree ($(wc -l < "$out/slink.map") lines)"
else
	head -n 60 "$out/map.diff"
	bad "the maps differ ($(grep -c '^[-+][^-+]' "$out/map.diff") lines; $out/map.diff)"
fi

step "checking the layout file"
python3 "$top/tests/lib/layoutcheck.py" "$out/vmlinux.json" && echo "layout invariants hold" ||
	bad "vmlinux.json breaks its invariants"

step "rendering the layout in headless Chromium"
"$layout" html "$out/vmlinux.json" -o "$out/vmlinux.html" || bad "slink-layout html failed"
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
	bad "chromium is not installed (scripts/install-deps.sh)"
else
	run() {
		timeout 180 "$browser" --headless --no-sandbox --disable-gpu --disable-background-networking \
			--disable-component-update --disable-sync --no-first-run --user-data-dir="$(mktemp -d)" \
			--window-size=1400,900 "$@" 2> "$out/browser.stderr"
	}
	run --dump-dom "file://$out/vmlinux.html#search=start_kernel" > "$out/dom.html" || bad "chromium failed"
	body=$(grep -o '<body[^>]*>' "$out/dom.html")
	echo "$body"
	echo "$body" | grep -q 'data-drawn-inputs="[1-9]' || bad "no input sections drawn"
	grep -q '<b>start_kernel</b>' "$out/dom.html" || bad "search did not find start_kernel"
	run --screenshot="$out/vmlinux.png" "file://$out/vmlinux.html#search=start_kernel" > /dev/null &&
		[ -s "$out/vmlinux.png" ] && echo "screenshot: $out/vmlinux.png" || bad "no screenshot"
fi

step "diff: first kallsyms link against the final vmlinux"
"$layout" diff --limit 10 "$out/kallsyms1.json" "$out/vmlinux.json" | tee "$out/diff.txt" || bad "slink-layout diff failed"
grep -q '^output sections: ' "$out/diff.txt" || bad "no diff output"
"$layout" why "$out/vmlinux.json" start_kernel || bad "slink-layout why start_kernel failed"

[ "$fails" -eq 0 ] || die "$fails step(s) failed"
echo "kernel-layout-check: PASS"
