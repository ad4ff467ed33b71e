#!/usr/bin/env bash
# The kernel check: build Linux 6.1 (Debian's linux-source-6.1) with every link done by slink,
# boot it under QEMU with an initramfs whose /init (linked by slink) loads a module, and compare
# slink's vmlinux with GNU ld's on the same objects.
#
#   scripts/kernel-check.sh            everything (builds ./slink first)
#   SLINK_KERNEL_CACHE=dir             where the source is unpacked and built (reused when present)
#   REUSE_BUILD=1                      skip the configure and build steps and check the tree
#                                      a previous run built (for iterating on the later steps)
#
# Exits 0 only when every step passed.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
cache=${SLINK_KERNEL_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/slink-kernel}
src=$cache/linux-source-6.1
build=$cache/build-slink
work=$cache/check
jobs=$(nproc)
slink=$top/slink

step() { printf '\n== %s\n' "$*"; }
die() { printf 'kernel-check: FAIL: %s\n' "$*" >&2; exit 1; }

make -C "$top" -s slink || die "cannot build slink"

# 1. The source, unpacked once into the cache.
if [ ! -f "$src/Makefile" ]; then
	tarball=/usr/src/linux-source-6.1.tar.xz
	[ -f "$tarball" ] || die "$tarball is missing (scripts/install-deps.sh installs linux-source-6.1)"
	step "unpacking $tarball into $cache"
	mkdir -p "$cache" && tar -C "$cache" -xf "$tarball" || die "cannot unpack the kernel source"
fi

# 2. tinyconfig plus what booting, printing and loading a module need.
mkdir -p "$work"
wrapper=$work/slink-ld
log=$work/ld-invocations.txt
if [ "${REUSE_BUILD:-0}" != 1 ]; then
# a clean tree: make cannot tell that the linker changed, so nothing built by an older
# slink may be reused
rm -rf "$build"
mkdir -p "$build"
cat > "$wrapper" <<EOF
#!/bin/sh
# Every link of the kernel build comes through here: logged, then done by slink.
printf '%s\n' "\$PWD: \$*" >> "$log"
exec "$slink" "\$@"
EOF
chmod +x "$wrapper"
: > "$log"

step "configuring (tinyconfig + serial console, initrd, ELF, kallsyms, modules, CRC16=m)"
make -C "$src" O="$build" -s tinyconfig >/dev/null || die "tinyconfig failed"
"$src/scripts/config" --file "$build/.config" \
	--enable 64BIT --enable PRINTK --enable TTY --enable SERIAL_8250 --enable SERIAL_8250_CONSOLE \
	--enable EARLY_PRINTK --enable BLK_DEV_INITRD --enable BINFMT_ELF --enable KALLSYMS \
	--enable MODULES --enable MODULE_UNLOAD --module CRC16 ${KERNEL_CONFIG_EXTRA:-}
make -C "$src" O="$build" -s olddefconfig >/dev/null || die "olddefconfig failed"

# 3. The build, every link through the wrapper (HOSTLD covers objtool's partial links).
step "building bzImage and modules with LD=HOSTLD=slink ($jobs jobs)"
if ! make -C "$src" O="$build" -j"$jobs" V=1 LD="$wrapper" HOSTLD="$wrapper" bzImage modules \
	> "$work/build.log" 2>&1; then
	tail -n 40 "$work/build.log"
	die "the kernel build failed (log: $work/build.log)"
fi
fi
# The build log must show no direct GNU ld or lld command.
# (a command is the linker name followed by an option; link-vmlinux.sh's "local ld" is not one)
if grep -anE '(^|[;&|( ]|/)(ld|ld\.bfd|ld\.lld) +-' "$work/build.log" | grep -v "$wrapper" | head -n 5 | grep .; then
	die "the build ran a linker other than slink (above)"
fi
count() { grep -c -- "$1" "$log" || true; }
printf 'links done by slink: %s in all\n' "$(wc -l < "$log")"
printf '  %-28s %s\n' "relocatable (-r)" "$(count ' -r ')" \
	"vdso (-shared)" "$(count ' -shared ')" \
	"realmode (--emit-relocs)" "$(count 'realmode.elf')" \
	"setup.elf" "$(count 'setup.elf')" \
	"compressed stub (-pie)" "$(count ' -pie ')" \
	"vmlinux.o" "$(count ' -o vmlinux.o ')" \
	"vmlinux links" "$(count 'vmlinux.lds')" \
	"module crc16.ko" "$(count 'crc16.ko')"
for what in ' -r ' ' -shared ' 'realmode.elf' 'setup.elf' ' -pie ' 'vmlinux.lds' 'crc16.ko'; do
	[ "$(count "$what")" -gt 0 ] || die "no link matching '$what' went through slink"
done

# 4. /init: a static musl program linked by slink that loads the module.
step "building /init and the initramfs"
ldir=$work/ld-dir
mkdir -p "$ldir" && ln -sf "$slink" "$ldir/ld"
cat > "$work/init.c" <<'EOF'
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void)
{
	printf("SLINK-INIT: userspace linked by slink is running\n");
	int fd = open("/crc16.ko", O_RDONLY);
	long r = fd < 0 ? -1 : syscall(SYS_finit_module, fd, "", 0);
	if (r == 0)
		printf("SLINK-INIT: finit_module(crc16.ko) ok\n");
	else
		printf("SLINK-INIT: finit_module(crc16.ko) failed: %s\n", strerror(errno));
	fflush(stdout);
	/* init exiting panics the kernel; panic=-1 reboots and QEMU's -no-reboot then exits */
	return 0;
}
EOF
musl-gcc -static -O2 -B"$ldir/" "$work/init.c" -o "$work/init" || die "cannot link /init with slink"
ko=$(find "$build" -name crc16.ko | head -n 1)
[ -n "$ko" ] || die "crc16.ko was not built"
rm -rf "$work/initramfs" && mkdir -p "$work/initramfs"
cp "$work/init" "$work/initramfs/init" && cp "$ko" "$work/initramfs/crc16.ko"
(cd "$work/initramfs" && find . | cpio -o -H newc --quiet | gzip -9) > "$work/initramfs.cpio.gz"

# 5. Boot.
step "booting under qemu-system-x86_64"
timeout 180 qemu-system-x86_64 -kernel "$build/arch/x86/boot/bzImage" -initrd "$work/initramfs.cpio.gz" \
	-append "console=ttyS0 panic=-1" -nographic -no-reboot -m 256 -monitor none -nic none \
	> "$work/boot.log" 2>&1
grep -a 'SLINK-INIT' "$work/boot.log"
grep -aq 'SLINK-INIT: userspace linked by slink is running' "$work/boot.log" || { tail -n 30 "$work/boot.log"; die "the kernel did not run /init"; }
grep -aq 'SLINK-INIT: finit_module(crc16.ko) ok' "$work/boot.log" || { tail -n 30 "$work/boot.log"; die "the module did not load"; }

# 6. slink's vmlinux against GNU ld's, linking the same objects with the same command (both
#    afresh: the build post-processes vmlinux in place, e.g. scripts/sorttable sorts __ex_table).
step "comparing vmlinux with GNU ld's"
cmd=$(grep -- '-o vmlinux ' "$log" | tail -n 1)
[ -n "$cmd" ] || die "no final vmlinux link in the log"
dir=${cmd%%: *}
args=${cmd#*: }
# shellcheck disable=SC2086
(cd "$dir" && ld.bfd ${args/-o vmlinux /-o $work/vmlinux.bfd }) || die "ld.bfd could not link vmlinux"
# shellcheck disable=SC2086
(cd "$dir" && "$slink" ${args/-o vmlinux /-o $work/vmlinux.slink }) || die "slink could not link vmlinux again"
python3 "$top/tests/lib/elfcmp.py" compare "$work/vmlinux.bfd" "$work/vmlinux.slink" \
	|| die "vmlinux differs from GNU ld's (above)"
echo "kernel-check: PASS"
