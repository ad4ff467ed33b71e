#!/usr/bin/env python3
"""ldsuite: GNU ld's own dump tests (binutils-source) as differential inputs, slink against ld.bfd.

  python3 tests/fuzz/ldsuite.py [--slink PATH] [--src DIR] [--out DIR] [--jobs N] SUBDIR... [--only NAME]

SUBDIR names a directory of GNU ld's testsuite (ld-scripts, ld-elf, ld-x86-64, ...) under
--src (default /tmp/bsrc/binutils-2.40/ld/testsuite; `apt-get install binutils-source` and
untar /usr/src/binutils/binutils-2.40.tar.xz there).  Each NAME.d test is read for its
#source/#as/#ld/#ld_after_inputs/#target/#notarget lines; its sources are assembled with `as`
and linked by ld.bfd and by slink with the test's options, in a copy of the test directory (so
scripts and INCLUDEs resolve as in the testsuite).  The expected dumps of the .d file are not
used: the outputs are compared with each other, as the fuzzer does (tests/lib/elfcmp.py, plus
relocations for -r), and classified same / differ / slink-rejects / bfd-rejects / both-fail /
slink-crash / skipped (another target, or a source that does not assemble here).  Cases that
are not "same" or "both-fail" are kept in --out/SUBDIR/NAME; a summary is printed.
"""

import argparse
import concurrent.futures
import fnmatch
import os
import re
import shlex
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import scriptdiff  # noqa: E402

TRIPLET = 'x86_64-pc-linux-gnu'
# what a directory's .exp gives every test of it: (as flags, ld flags)
DIR_DEFAULTS = {'ld-i386': (['--32'], ['-melf_i386'])}
# testsuite procs a target line may call, as they answer for x86_64-linux with ld.bfd 2.40
PROCS = {'is_elf_format': True, 'check_shared_lib_support': True, 'is_generic': False,
         'is_pecoff_format': False, 'uses_genelf': False, 'check_relro_support': True,
         'check_gc_sections_available': True, 'is_elf64': True, 'supports_persistent': True,
         'check_as_cfi': True, 'is_underscore_target': False, 'istarget': True}


def target_matches(expr):
    """Does a #target / #notarget value name x86_64-linux?"""
    for word in re.findall(r'\[[^\]]*\]|\S+', expr):
        if word.startswith('['):
            call = word.strip('[]').split()
            if not call:
                continue
            if call[0] == 'istarget' and len(call) > 1:
                if fnmatch.fnmatch(TRIPLET, call[1].strip('"')):
                    return True
                continue
            if call[0] in ('is_elf_format', 'check_shared_lib_support', 'check_relro_support',
                           'is_elf64', 'check_gc_sections_available', 'supports_persistent'):
                return True
            continue
        if fnmatch.fnmatch(TRIPLET, word) or fnmatch.fnmatch('x86_64-linux-gnu', word):
            return True
    return False


def parse(path):
    opts = {'source': [], 'as': [], 'ld': [], 'ld_after_inputs': [], 'target': [], 'notarget': [],
            'alltargets': [], 'error': [], 'skip': [], 'objcopy_linked_file': []}
    for ln in open(path, errors='replace'):
        if not ln.startswith('#'):
            if ln.strip():
                break
            continue
        m = re.match(r'#\s*([a-z_]+)\s*:\s*(.*)$', ln.rstrip('\n'))
        if m and m.group(1) in opts:
            opts[m.group(1)].append(m.group(2).strip())
    return opts


def one(srcdir, sub, name, slink, outdir):
    d = os.path.join(outdir, sub, name)
    o = parse(os.path.join(srcdir, sub, name + '.d'))
    if o['target'] and not any(target_matches(t) for t in o['target'] + o['alltargets']):
        return name, 'skipped', 'target'
    if any(target_matches(t) for t in o['notarget']) or o['skip'] and any(target_matches(t) for t in o['skip']):
        return name, 'skipped', 'notarget'
    if o['objcopy_linked_file']:
        return name, 'skipped', 'objcopy'
    if os.path.exists(d):
        shutil.rmtree(d)
    # a copy of the directory, so that the test's relative names (scripts, INCLUDE) resolve
    shutil.copytree(os.path.join(srcdir, sub), d, ignore=shutil.ignore_patterns('*.d', '*.exp'))
    sources = o['source'] or [name + '.s']
    dir_as, dir_ld = DIR_DEFAULTS.get(sub, ([], []))
    asflags = ' '.join(dir_as + o['as'])
    objs = []
    for i, s in enumerate(sources):
        parts = shlex.split(s)
        src = parts[0]
        obj = 'ldsuite-%d.o' % i
        rc, so, se = scriptdiff.run(['as'] + shlex.split(asflags) + parts[1:] + [src, '-o', obj], d)
        if rc != 0:
            shutil.rmtree(d)
            return name, 'skipped', 'as: ' + scriptdiff.first_error(se)[:80]
        objs.append(obj)
    ldflags = dir_ld + shlex.split(' '.join(o['ld']))
    args = ldflags + objs + shlex.split(' '.join(o['ld_after_inputs']))
    open(os.path.join(d, 'args'), 'w').write('\n'.join(args) + '\n')
    cls, diff, bse, sse = scriptdiff.link_both(d, args, slink)
    if cls in ('same', 'both-fail'):
        shutil.rmtree(d)
    return name, cls, scriptdiff.signature(cls, diff or '', bse, sse)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--slink', default=os.path.abspath('slink'))
    ap.add_argument('--src', default='/tmp/bsrc/binutils-2.40/ld/testsuite')
    ap.add_argument('--out', default='/tmp/ldsuite')
    ap.add_argument('--jobs', type=int, default=2)
    ap.add_argument('--only', action='append', default=[])
    ap.add_argument('subdirs', nargs='+')
    a = ap.parse_args()
    slink = os.path.abspath(a.slink)
    todo = []
    for sub in a.subdirs:
        for f in sorted(os.listdir(os.path.join(a.src, sub))):
            if f.endswith('.d') and (not a.only or f[:-2] in a.only):
                todo.append((sub, f[:-2]))
    counts = {}
    lines = []
    with concurrent.futures.ThreadPoolExecutor(a.jobs) as ex:
        futs = {ex.submit(one, a.src, sub, name, slink, a.out): (sub, name) for sub, name in todo}
        for fu in concurrent.futures.as_completed(futs):
            sub, name = futs[fu]
            _, cls, sig = fu.result()
            counts[cls] = counts.get(cls, 0) + 1
            if cls not in ('same', 'both-fail', 'skipped'):
                lines.append('%-14s %s/%s  %s' % (cls, sub, name, sig))
    for ln in sorted(lines):
        print(ln)
    print('counts: ' + ', '.join('%s=%d' % kv for kv in sorted(counts.items())))


if __name__ == '__main__':
    main()
