#!/usr/bin/env bash
# Benchmark: replay the final vmlinux link of a kernel build with slink, ld.bfd and ld.lld
# (Debian's lld-19), several runs each, and print the median wall time, user+sys CPU time and
# peak RSS of each, with the ratios slink/ld.bfd and slink/ld.lld.
#
#   scripts/bench.sh [KERNEL_BUILD_DIR] [RUNS]
#
# KERNEL_BUILD_DIR defaults to the kernel check's build tree (scripts/kernel-check.sh); any
# tree built elsewhere works too, so a larger configuration can be measured.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
cache=${SLINK_KERNEL_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/slink-kernel}
build=${1:-$cache/build-slink}
runs=${2:-5}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

make -C "$top" -s slink || exit 1
# a private copy: a rebuild in the tree during the runs must not change what is measured
cp "$top/slink" "$out/slink-bin" || exit 1
[ -f "$build/vmlinux.a" ] || { echo "bench: $build has no vmlinux.a (build a kernel first)" >&2; exit 1; }
cd "$build" || exit 1

# The final link, as scripts/link-vmlinux.sh does it (with the last kallsyms object if any).
lds=./arch/x86/kernel/vmlinux.lds
kallsyms=
[ -f .tmp_vmlinux.kallsyms2.o ] && kallsyms=.tmp_vmlinux.kallsyms2.o
libs="--start-group lib/lib.a arch/x86/lib/lib.a --end-group"
common="-m elf_x86_64 -z noexecstack -z max-page-size=0x200000 --script=$lds
	--whole-archive vmlinux.a init/version-timestamp.o --no-whole-archive $libs $kallsyms"

measure() { # name, command...: prints "wall user+sys rss_kb" for one run
	local name=$1
	shift
	/usr/bin/time -f '%e %U %S %M' -o "$out/t" "$@" > /dev/null 2> "$out/err.$name" ||
		{ echo "bench: $name failed:" >&2; tail -n 5 "$out/err.$name" >&2; return 1; }
	awk '{ printf "%s %.3f %s\n", $1, $2 + $3, $4 }' "$out/t"
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

run() { # name, command...
	local name=$1
	shift
	: > "$out/$name"
	for _ in $(seq "$runs"); do
		measure "$name" "$@" >> "$out/$name" || return 1
	done
	printf '%-8s %8s s %8s s %8s MiB\n' "$name" \
		"$(cut -d' ' -f1 "$out/$name" | median)" "$(cut -d' ' -f2 "$out/$name" | median)" \
		"$(cut -d' ' -f3 "$out/$name" | median | awk '{ printf "%.1f", $1 / 1024 }')"
}

# shellcheck disable=SC2086
{
	echo "final vmlinux link of $build, $runs runs each (median)"
	printf '%-8s %10s %10s %12s\n' linker wall user+sys "peak RSS"
	run slink "$out/slink-bin" $common --build-id=sha1 --orphan-handling=warn -o "$out/vmlinux.slink" || exit 1
	run ld.bfd ld.bfd $common --build-id=sha1 --orphan-handling=warn -o "$out/vmlinux.bfd"
	lld=$(command -v ld.lld-19 || command -v ld.lld)
	if [ -n "$lld" ]; then
		run ld.lld "$lld" $common --build-id=sha1 -o "$out/vmlinux.lld"
	fi
}
ratio() { awk -v a="$(cut -d' ' -f"$3" "$out/$1" | median)" -v b="$(cut -d' ' -f"$3" "$out/$2" | median)" \
	'BEGIN { printf "%.2f", (b > 0) ? a / b : 0 }'; }
echo
for other in ld.bfd ld.lld; do
	[ -s "$out/$other" ] || continue
	printf 'slink/%-7s wall %s  cpu %s  rss %s\n' "$other" "$(ratio slink "$other" 1)" \
		"$(ratio slink "$other" 2)" "$(ratio slink "$other" 3)"
done
