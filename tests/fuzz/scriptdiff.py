#!/usr/bin/env python3
"""scriptdiff: differential fuzzing of linker scripts, slink against ld.bfd.

  python3 tests/fuzz/scriptdiff.py [--slink PATH] [--out DIR] [--jobs N] FIRST_SEED COUNT
  python3 tests/fuzz/scriptdiff.py --one DIR      re-run the case already in DIR (after editing
                                                  its files by hand, e.g. while minimizing)

For each seed, tests/fuzz/scriptgen.py writes a case into DIR/SEED; it is assembled and linked
by ld.bfd and by slink with the same arguments (-o bfd.out / slink.out) and classified:

  same        both linked and tests/lib/elfcmp.py (or cmp for --oformat binary, plus a readelf -r
              diff for -r) finds no difference; both-fail: both rejected it
  differ      both linked, outputs differ (diff in DIR/SEED/diff)
  known-got   they differ, but not when GNU ld's empty .got/.iplt/... are discarded (nogot.ld):
              the known gap of GNU ld's always-created dynamic sections
  slink-rejects / bfd-rejects   only one of them failed
  slink-crash slink died of a signal, exited with a status other than 0/1, or printed a
              sanitizer report
  gen-error   the case did not assemble (a generator bug)

The directories of "same"/"both-fail" cases are removed; the others are kept.  A summary
grouped by a crude signature is printed at the end and written to DIR/summary.txt.
The wrapper tests/fuzz/script-diff.sh runs this with defaults.
"""

import argparse
import concurrent.futures
import os
import re
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ELFCMP = os.path.join(HERE, '..', 'lib', 'elfcmp.py')
GEN = os.path.join(HERE, 'scriptgen.py')
SAN_RE = re.compile(r'ERROR: AddressSanitizer|ERROR: LeakSanitizer|UndefinedBehaviorSanitizer|'
                    r'runtime error:|SUMMARY: (Address|Undefined)')


def run(cmd, cwd, timeout=60):
    try:
        r = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=timeout,
                           errors='replace')
        return r.returncode, r.stdout, r.stderr
    except subprocess.TimeoutExpired:
        return 'timeout', '', 'timeout'


def link(linker, d, args, out):
    rc, so, se = run([linker] + args + ['-o', out], d)
    return rc, se


def relocs(path, d):
    rc, so, se = run(['readelf', '-rW', path], d)
    lines = []
    for ln in so.splitlines():
        m = re.match(r'\s*([0-9a-f]+)\s+[0-9a-f]+\s+(\S+)\s+(.*)$', ln)
        if m:
            lines.append('%s %s %s' % (m.group(1), m.group(2), m.group(3)))
        elif 'Relocation section' in ln:
            lines.append(re.sub(r'at offset 0x[0-9a-f]+ ', '', ln))
    return lines


def compare(d, args, ref, out):
    """Return None if equal, else the diff text."""
    if '--oformat' in args and 'binary' in args:
        a = open(os.path.join(d, ref), 'rb').read()
        b = open(os.path.join(d, out), 'rb').read()
        if a == b:
            return None
        first = next((i for i in range(min(len(a), len(b))) if a[i] != b[i]), min(len(a), len(b)))
        return 'binary outputs differ: sizes %#x vs %#x, first difference at %#x\n' % (
            len(a), len(b), first)
    rc, so, se = run(['python3', ELFCMP, 'compare', ref, out], d)
    text = ''
    if rc != 0:
        text = so + se
    if '-r' in args:
        ra, rb = relocs(ref, d), relocs(out, d)
        if ra != rb:
            import difflib
            text += 'relocations differ:\n' + '\n'.join(
                difflib.unified_diff(ra, rb, 'ld.bfd', 'slink', lineterm='', n=1)) + '\n'
    return text or None


# Differences already found and reported, recognised so that they stop hiding new ones.
KNOWN_LINES = [
    # a -T script without ENTRY, no _start defined: slink adds `_start` as an undefined symbol
    re.compile(r'^[+-]\.(symtab|strtab) '),
    re.compile(r'^\+_start +0x0+ size=0 +NOTYPE +GLOBAL DEFAULT +UND'),
]


def benign(diff):
    changed = [ln for ln in diff.splitlines()
               if ln[:1] in '+-' and not ln.startswith(('---', '+++'))]
    return bool(changed) and all(any(k.search(ln) for k in KNOWN_LINES) for ln in changed) \
        and any('_start' in ln for ln in changed)


def first_error(stderr):
    for ln in stderr.splitlines():
        if 'warning' in ln or 'NOTE:' in ln:
            continue
        if ln.strip():
            return ln.strip()
    return stderr.strip()[:200]


def mask(s):
    s = re.sub(r'0x[0-9a-fA-F]+', 'N', s)
    s = re.sub(r'\b\d+\b', 'N', s)
    s = re.sub(r'\bsym\d+\b', 'SYM', s)
    s = re.sub(r"'[^']*'|`[^']*'", "'X'", s)
    return s


def signature(cls, diff, bfd_err, slink_err):
    if cls in ('slink-rejects',):
        return cls + ': ' + mask(first_error(slink_err))[:120]
    if cls == 'bfd-rejects':
        return cls + ': ' + mask(first_error(bfd_err))[:120]
    if cls == 'slink-crash':
        m = SAN_RE.search(slink_err)
        return cls + ': ' + (slink_err[m.start():m.start() + 100] if m else 'signal')
    if cls in ('differ', 'known-got'):
        block = ''
        for ln in diff.splitlines():
            if ln.startswith('--- '):
                block = ln.split(' ', 2)[-1]
            elif ln.startswith('binary') or ln.startswith('relocations'):
                return cls + ': ' + ln.split(':')[0]
            elif ln[:1] in '-+' and not ln.startswith(('---', '+++')):
                return cls + ': ' + block + ': ' + mask(ln)[:100]
        return cls + ': ?'
    return cls


def link_both(d, args, slink):
    """Link in d with both linkers (bfd.out, slink.out; their stderr kept in bfd.stderr and
    slink.stderr, a difference in diff): (class, diff, bfd stderr, slink stderr), the class
    one of same, differ, both-fail, bfd-rejects, slink-rejects, slink-crash."""
    for f in ('bfd.out', 'slink.out'):
        if os.path.exists(os.path.join(d, f)):
            os.remove(os.path.join(d, f))
    brc, bse = link('ld.bfd', d, args, 'bfd.out')
    src, sse = link(slink, d, args, 'slink.out')
    open(os.path.join(d, 'bfd.stderr'), 'w').write(bse)
    open(os.path.join(d, 'slink.stderr'), 'w').write(sse)
    diff = ''
    if src not in (0, 1) or SAN_RE.search(sse):
        cls = 'slink-crash'
    elif brc == 0 and src == 0:
        diff = compare(d, args, 'bfd.out', 'slink.out') or ''
        cls = 'differ' if diff else 'same'
    elif brc != 0 and src != 0:
        cls = 'both-fail'
    elif brc != 0:
        cls = 'bfd-rejects'
    else:
        cls = 'slink-rejects'
    if diff:
        open(os.path.join(d, 'diff'), 'w').write(diff)
    return cls, diff, bse, sse


def one(d, slink):
    args = open(os.path.join(d, 'args')).read().split()
    asf = open(os.path.join(d, 'as-flags')).read().split()
    for f in ('a', 'b'):
        if os.path.exists(os.path.join(d, f + '.s')):
            rc, so, se = run(['as'] + asf + [f + '.s', '-o', f + '.o'], d)
            if rc != 0:
                return 'gen-error', 'as failed: ' + se
    if os.path.exists(os.path.join(d, 'ar')):
        members = open(os.path.join(d, 'ar')).read().split()
        if os.path.exists(os.path.join(d, 'lib.a')):
            os.remove(os.path.join(d, 'lib.a'))
        rc, so, se = run(['ar', 'rc', 'lib.a'] + members, d)
        if rc != 0:
            return 'gen-error', 'ar failed: ' + se
    cls, diff, bse, sse = link_both(d, args, slink)
    if cls == 'differ':
        if benign(diff):
            cls = 'known-start-und'
        elif os.path.exists(os.path.join(d, 'nogot.ld')) and 'script.ld' in args:
            a2 = [('nogot.ld' if a == 'script.ld' else a) for a in args]
            r1, _ = link('ld.bfd', d, a2, 'bfd2.out')
            r2, _ = link(slink, d, a2, 'slink2.out')
            if r1 == 0 and r2 == 0 and compare(d, a2, 'bfd2.out', 'slink2.out') is None:
                cls = 'known-got'
    return cls, signature(cls, diff, bse, sse)


def case(seed, outdir, slink):
    d = os.path.join(outdir, str(seed))
    if os.path.exists(d):
        shutil.rmtree(d)
    rc, so, se = run(['python3', GEN, str(seed), d], '.')
    if rc != 0:
        return seed, 'gen-error', 'generator: ' + se.strip().splitlines()[-1]
    cls, sig = one(d, slink)
    if cls in ('same', 'both-fail'):
        if cls == 'both-fail':
            # keep a record of the two messages, they should be of the same kind
            with open(os.path.join(outdir, 'both-fail.log'), 'a') as f:
                f.write('%d\n  bfd:   %s\n  slink: %s\n' % (
                    seed, first_error(open(os.path.join(d, 'bfd.stderr')).read()),
                    first_error(open(os.path.join(d, 'slink.stderr')).read())))
        shutil.rmtree(d)
    else:
        open(os.path.join(d, 'class'), 'w').write(cls + '\n' + sig + '\n')
    return seed, cls, sig


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--slink', default=os.environ.get('SLINK', '/tmp/fuzz/slink'))
    ap.add_argument('--out', default='/tmp/fuzz/cases')
    ap.add_argument('--jobs', type=int, default=os.cpu_count() or 2)
    ap.add_argument('--one')
    ap.add_argument('first', nargs='?', type=int, default=1)
    ap.add_argument('count', nargs='?', type=int, default=100)
    a = ap.parse_args()
    slink = os.path.abspath(a.slink)
    if a.one:
        cls, sig = one(a.one, slink)
        print(cls, '|', sig)
        if os.path.exists(os.path.join(a.one, 'diff')) and cls != 'same':
            print(open(os.path.join(a.one, 'diff')).read())
        sys.exit(0 if cls in ('same', 'both-fail') else 1)
    os.makedirs(a.out, exist_ok=True)
    counts = {}
    groups = {}
    with concurrent.futures.ThreadPoolExecutor(a.jobs) as ex:
        futs = [ex.submit(case, s, a.out, slink) for s in range(a.first, a.first + a.count)]
        for f in concurrent.futures.as_completed(futs):
            seed, cls, sig = f.result()
            counts[cls] = counts.get(cls, 0) + 1
            if cls not in ('same', 'both-fail'):
                groups.setdefault(sig, []).append(seed)
    lines = ['counts: ' + ', '.join('%s=%d' % kv for kv in sorted(counts.items()))]
    for sig, seeds in sorted(groups.items(), key=lambda kv: -len(kv[1])):
        lines.append('%4d  %s\n      seeds: %s' % (len(seeds), sig,
                                                   ' '.join(map(str, sorted(seeds)[:12]))))
    text = '\n'.join(lines) + '\n'
    print(text)
    open(os.path.join(a.out, 'summary.txt'), 'w').write(text)


if __name__ == '__main__':
    main()
