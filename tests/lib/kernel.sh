# tests/lib/kernel.sh — Linux 6.1 linker scripts preprocessed the way kbuild does it, for the
# script-kernel-*.sh tests.  Source it from a test case (after tests/lib.sh):
#
#   kernel_tree                 extract the parts of Debian's linux-source-6.1 the scripts need
#                               (once, into a shared cache; skips the test without the package)
#   kernel_lds OUT SRC [i386]   cpp -E -P -C -U x86 -D__ASSEMBLY__ -DLINKER_SCRIPT SRC > OUT
#                               with the kernel's include paths, an autoconf.h made from Debian's
#                               amd64 config (turned into a 32-bit one for i386), and the
#                               generated headers kbuild would make (asm-generic wrappers,
#                               empty asm-offsets.h / pasyms.h)
#   kernel_stub_undefined SRC.s OBJ.o LINK-ARGS...
#                               assemble SRC.s into OBJ.o ($KSTUB_AS_FLAGS), and append to SRC.s a
#                               definition for every symbol ld.bfd reports as
#                               "undefined symbol `X' referenced in expression" (the script's
#                               references to code the test objects do not have)

KERNEL_TARBALL=${KERNEL_TARBALL:-/usr/src/linux-source-6.1.tar.xz}
KERNEL_CONFIG_XZ=${KERNEL_CONFIG_XZ:-/usr/src/linux-config-6.1/config.amd64_none_amd64.xz}

kernel_tree() {
	[ -f "$KERNEL_TARBALL" ] || skip "linux-source-6.1 is not installed (apt-get install linux-source-6.1)"
	need_cmd cpp xz flock
	local cache=${SLINK_KERNEL_CACHE:-${TMPDIR:-/tmp}/slink-kernel-6.1-$(id -u)}
	KSRC=$cache/linux-source-6.1
	(
		flock 9
		if [ ! -f "$cache/.done" ] || [ "$KERNEL_TARBALL" -nt "$cache/.done" ]; then
			rm -rf "$cache.tmp" && mkdir -p "$cache.tmp" || exit 1
			tar -C "$cache.tmp" -xJf "$KERNEL_TARBALL" --wildcards \
				'linux-source-6.1/arch/x86/include/*' 'linux-source-6.1/include/*' \
				'linux-source-6.1/arch/x86/kernel/vmlinux.lds.S' \
				'linux-source-6.1/arch/x86/boot/setup.ld' \
				'linux-source-6.1/arch/x86/boot/compressed/vmlinux.lds.S' \
				'linux-source-6.1/arch/x86/realmode/rm/realmode.lds.S' \
				'linux-source-6.1/scripts/module.lds.S' || exit 1
			rm -rf "$cache" && mv "$cache.tmp" "$cache" && touch "$cache/.done"
		fi
	) 9> "$cache.lock" || fail "cannot extract $KERNEL_TARBALL"
	[ -d "$KSRC/include" ] || fail "no kernel tree in $KSRC"
}

# autoconf.h for the configuration: Debian's amd64 kernel, or (i386) the same made 32-bit
_kernel_autoconf() {   # OUT [i386]
	local out=$1 arch=${2:-x86_64}
	if [ -f "$KERNEL_CONFIG_XZ" ]; then
		xz -dc "$KERNEL_CONFIG_XZ" | sed -n \
			-e 's/^\(CONFIG_[A-Za-z0-9_]*\)=y$/#define \1 1/p' \
			-e 's/^\(CONFIG_[A-Za-z0-9_]*\)=m$/#define \1_MODULE 1/p' \
			-e 's/^\(CONFIG_[A-Za-z0-9_]*\)=\(.*\)$/#define \1 \2/p' > "$out.full"
	else
		printf '%s\n' '#define CONFIG_X86_64 1' '#define CONFIG_64BIT 1' '#define CONFIG_SMP 1' \
			'#define CONFIG_PHYSICAL_START 0x1000000' '#define CONFIG_PHYSICAL_ALIGN 0x200000' \
			'#define CONFIG_X86_L1_CACHE_SHIFT 6' '#define CONFIG_X86_INTERNODE_CACHE_SHIFT 6' \
			'#define CONFIG_OUTPUT_FORMAT "elf64-x86-64"' '#define CONFIG_NR_CPUS 64' > "$out.full"
	fi
	if [ "$arch" = i386 ]; then
		grep -v -E 'CONFIG_(X86_64|64BIT|PAGE_OFFSET|X86_5LEVEL|OUTPUT_FORMAT|IA32_EMULATION)( |_)' "$out.full" > "$out"
		printf '%s\n' '#define CONFIG_X86_32 1' '#define CONFIG_PAGE_OFFSET 0xC0000000' \
			'#define CONFIG_HIGHMEM4G 1' '#define CONFIG_HIGHMEM 1' \
			'#define CONFIG_OUTPUT_FORMAT "elf32-i386"' >> "$out"
	else
		mv "$out.full" "$out"
	fi
	rm -f "$out.full"
}

kernel_lds() {   # OUT SRC [i386]
	local out=$1 src=$2 arch=${3:-x86_64}
	local gen=$WORK/kgen-$arch
	mkdir -p "$gen/generated" "$gen/asm" "$gen/extra"
	[ -f "$gen/generated/autoconf.h" ] || _kernel_autoconf "$gen/generated/autoconf.h" "$arch"
	: > "$gen/extra/pasyms.h"
	local m=()
	[ "$arch" = i386 ] && m=(-m32)
	local flags=(-nostdinc -I"$gen" -I"$gen/extra" -I"$KSRC/arch/x86/include" -I"$KSRC/arch/x86/include/uapi"
		     -I"$KSRC/include" -I"$KSRC/include/uapi"
		     -include "$KSRC/include/linux/compiler-version.h" -include "$KSRC/include/linux/kconfig.h"
		     -D__KERNEL__ "${m[@]}" -E -P -C -U x86 -D__ASSEMBLY__ -DLINKER_SCRIPT)
	local i h err
	for i in $(seq 1 60); do
		err=$(cpp "${flags[@]}" -o "$out" "$KSRC/$src" 2>&1 >/dev/null | grep -o 'fatal error: [^:]*' | head -1)
		[ -z "$err" ] && return 0
		h=${err#fatal error: }
		case $h in
		asm/*)   # kbuild's generic-y wrappers and generated asm headers
			mkdir -p "$gen/$(dirname "$h")"
			if [ -f "$KSRC/include/asm-generic/${h#asm/}" ]; then
				echo "#include <asm-generic/${h#asm/}>" > "$gen/$h"
			else
				: > "$gen/$h"
			fi ;;
		generated/*)
			mkdir -p "$gen/$(dirname "$h")"
			: > "$gen/$h" ;;
		*) fail "kernel_lds: $src needs $h" ;;
		esac
	done
	fail "kernel_lds: cannot preprocess $src"
}

kernel_stub_undefined() {   # SRC.s OBJ.o LINK-ARGS...  (as flags in $KSTUB_AS_FLAGS)
	local src=$1 obj=$2; shift 2
	local i sym
	for i in $(seq 1 60); do
		# shellcheck disable=SC2086
		as_obj "$obj" $KSTUB_AS_FLAGS < "$src"
		ld.bfd "$@" -o "$WORK/.kstub.out" 2> "$WORK/.kstub.err" && break
		sym=$(grep -o "undefined symbol \`[^']*'" "$WORK/.kstub.err" | head -1 | sed "s/.*\`//; s/'//")
		[ -n "$sym" ] || break
		printf '\t.text\n\t.globl %s\n%s:\tret\n' "$sym" "$sym" >> "$src"
	done
	rm -f "$WORK/.kstub.out" "$WORK/.kstub.err"
}
