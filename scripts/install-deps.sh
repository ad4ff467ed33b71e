#!/bin/sh
# Install every Debian package slink's build and tests need.  Idempotent: when all of them
# are already installed it only says so (no apt-get run).  Runs apt-get as root, through
# sudo when not root.
set -eu

PACKAGES="
	build-essential
	clang
	libelf-dev
	binutils
	binutils-dev
	zlib1g-dev
	musl-tools
	qemu-user
	qemu-system-x86
	gcc-multilib
	lld-19
	python3
	binutils-doc
	chromium
	linux-source-6.1
	flex
	bison
	bc
	libssl-dev
	cpio
	time
"
#	build-essential  gcc, make, libc headers: building slink and the test inputs
#	clang            the build must be warning-free with clang too
#	libelf-dev       elfutils' libelf: reading input objects
#	binutils(-dev)   ld.bfd, as, ar, readelf (the tests' reference), libbfd
#	zlib1g-dev       compressed sections
#	musl-tools       musl-gcc: the static C program tests
#	qemu-user        qemu-i386: running i386 test programs
#	gcc-multilib     gcc -m32
#	lld-19           a second linker to compare behaviour with when studying a case
#	python3          tests/lib/elfcmp.py
#	binutils-doc     the GNU ld manual (the specification)
#	chromium         the layout explorer's browser test
#	linux-source-6.1 the kernel check (scripts/kernel-check.sh), with flex, bison, bc,
#	                 libssl-dev and cpio to build it and qemu-system-x86 to boot it
#	time             /usr/bin/time for the benchmark's peak memory

missing=
for p in $PACKAGES; do
	status=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
	[ "$status" = installed ] || missing="$missing $p"
done

if [ -z "$missing" ]; then
	echo "install-deps: all packages are installed"
	exit 0
fi
echo "install-deps: installing:$missing"

if [ "$(id -u)" -eq 0 ]; then
	as_root() { "$@"; }
elif command -v sudo >/dev/null 2>&1; then
	as_root() { sudo "$@"; }
else
	echo "install-deps: not root and no sudo; install these as root:$missing" >&2
	exit 1
fi

as_root apt-get update
# shellcheck disable=SC2086
as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $PACKAGES
