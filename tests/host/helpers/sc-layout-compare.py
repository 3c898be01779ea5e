#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Compare our syscall events' layout with upstream lttng-modules'.

    sc-layout-compare.py TABLE_GEN_H UPSTREAM_HEADERS_DIR [--expect FILE]

TABLE_GEN_H is the table our generator (src/syscalls/gen/sc-gen) wrote
for a kernel; UPSTREAM_HEADERS_DIR is lttng-modules 2.13's
include/instrumentation/syscalls/headers/ (unpacked from Debian's
lttng-modules-dkms package, never committed here). For every syscall both
describe, it compares the entry and the exit event: field names, order and
types as the CTF metadata would declare them (integer size, signedness,
base and byte order; strings; arrays and sequences with their elements).

It prints the differences of each syscall that differs and a summary line
"identical N of M"; with --expect, FILE lists the syscalls allowed to
differ, and the exit status is 1 if any other syscall differs or a listed
one has become identical (so that the list stays true), else 0. FILE is
markdown (doc/upstream-yardstick.md): the rows "| `NAME` | REASON |" of
the table between the lines <!-- syscall-layout-differences --> and
<!-- /syscall-layout-differences -->; a row without a reason is an error.

Upstream's headers are C preprocessor text: the few directives they use
are evaluated here for an x86_64 kernel (CONFIG_X86_64, CONFIG_COMPAT,
little-endian, CONFIG_LTTNG_EXPERIMENTAL_BITWISE_ENUM unset, as Debian's
package builds them), and the OVERRIDE_64_* guards decide which
declaration of an event counts, as they do when upstream is compiled.
"""
import os
import re
import sys

# ---- C types of x86_64, as (bits, signed) ---------------------------------

_TYPES = {
    'char': (8, True), 'signed char': (8, True), 'unsigned char': (8, False),
    'short': (16, True), 'unsigned short': (16, False),
    'int': (32, True), 'signed int': (32, True), 'unsigned int': (32, False),
    'unsigned': (32, False),
    'long': (64, True), 'unsigned long': (64, False),
    'long long': (64, True), 'unsigned long long': (64, False),
    'u8': (8, False), 'uint8_t': (8, False), 'u16': (16, False),
    'uint16_t': (16, False), 'u32': (32, False), 'uint32_t': (32, False),
    '__u32': (32, False), 'u64': (64, False), 'uint64_t': (64, False),
    '__u64': (64, False), '__s32': (32, True), 'int32_t': (32, True),
    '__s64': (64, True), 's64': (64, True),
    'size_t': (64, False), 'ssize_t': (64, True), 'off_t': (64, True),
    'loff_t': (64, True), '__kernel_old_time_t': (64, True),
    'pid_t': (32, True), 'uid_t': (32, False), 'gid_t': (32, False),
    'old_uid_t': (32, False), 'old_gid_t': (32, False),
    'qid_t': (32, False), 'umode_t': (16, False), 'mode_t': (32, False),
    'clockid_t': (32, True), 'timer_t': (32, True), 'mqd_t': (32, True),
    'key_serial_t': (32, True), 'aio_context_t': (64, False),
    'key_t': (32, True), 'rwf_t': (32, True), 'cap_user_header_t': (64, False),
    'cap_user_data_t': (64, False), '__kernel_rwf_t': (32, True),
    'time_t': (64, True), 'sigset_t': (64, False),
}


def int_type(ctype):
    """(bits, signed) of a C type; pointers are unsigned longs."""
    t = ' '.join(ctype.replace('*', ' * ').split())
    if '*' in t:
        return (64, False)
    t = re.sub(r'\b(const|volatile|__user|__force|__bitwise)\b', ' ', t)
    t = ' '.join(t.split())
    if t.startswith('enum '):
        return (32, True)
    if t not in _TYPES:
        raise KeyError('unknown C type: %r' % ctype)
    return _TYPES[t]


def integer(ctype, base=10, be=False):
    bits, signed = int_type(ctype)
    return ('int', bits, signed, base, 'be' if be else '')


# ---- Text helpers -----------------------------------------------------------

def balanced(text, start):
    """Index just after the parenthesis that closes the one at start."""
    depth = 0
    for i in range(start, len(text)):
        if text[i] == '(':
            depth += 1
        elif text[i] == ')':
            depth -= 1
            if depth == 0:
                return i + 1
    raise ValueError('unbalanced parentheses')


def split_args(text):
    """Top-level comma-separated arguments of a macro call's inside."""
    out, depth, cur = [], 0, ''
    for c in text:
        if c == '(':
            depth += 1
        elif c == ')':
            depth -= 1
        if c == ',' and depth == 0:
            out.append(cur.strip())
            cur = ''
        else:
            cur += c
    if cur.strip():
        out.append(cur.strip())
    return out


def strip_comments(text):
    text = re.sub(r'/\*.*?\*/', lambda m: re.sub(r'[^\n]', ' ', m.group(0)),
                  text, flags=re.S)
    return re.sub(r'//[^\n]*', '', text)


# ---- A small preprocessor: conditionals and #define of names -----------------

class Pre:
    def __init__(self, directory, defined):
        self.dir = directory
        self.defined = set(defined)

    def _cond(self, expr):
        e = re.sub(r'defined\s*\(\s*(\w+)\s*\)|defined\s+(\w+)',
                   lambda m: ' 1 ' if (m.group(1) or m.group(2)) in self.defined
                   else ' 0 ', expr)
        e = e.replace('__BYTE_ORDER == __LITTLE_ENDIAN', '1')
        e = e.replace('&&', ' and ').replace('||', ' or ')
        e = re.sub(r'!(?!=)', ' not ', e)
        # Version tests and other macros are left (inside enumerations
        # only: they do not change an event's fields); what remains is
        # numbers and logic, evaluated as such.
        if set(re.findall(r'[A-Za-z_]\w*', e)) - {'and', 'or', 'not'}:
            return True
        try:
            return bool(eval(e, {'__builtins__': {}}, {}))
        except SyntaxError:
            return True

    def run(self, name):
        """The text of a header with directives applied, includes followed."""
        path = os.path.join(self.dir, name)
        with open(path) as f:
            text = strip_comments(f.read())
        text = re.sub(r'\\\n', ' ', text)
        out, stack = [], []   # stack: [active, taken]
        for line in text.split('\n'):
            m = re.match(r'\s*#\s*(\w+)\s*(.*)', line)
            active = all(s[0] for s in stack)
            if not m:
                if active:
                    out.append(line)
                continue
            kw, rest = m.group(1), m.group(2).strip()
            if kw in ('if', 'ifdef', 'ifndef'):
                if kw == 'ifdef':
                    v = rest.split()[0] in self.defined
                elif kw == 'ifndef':
                    v = rest.split()[0] not in self.defined
                else:
                    v = self._cond(rest)
                stack.append([v, v])
            elif kw == 'elif':
                v = not stack[-1][1] and self._cond(rest)
                stack[-1] = [v, stack[-1][1] or v]
            elif kw == 'else':
                stack[-1] = [not stack[-1][1], True]
            elif kw == 'endif':
                stack.pop()
            elif not active:
                continue
            elif kw == 'define':
                self.defined.add(rest.split()[0].split('(')[0])
            elif kw == 'include':
                inc = re.match(r'"([^"]+)"', rest)
                if inc and os.path.exists(os.path.join(self.dir, inc.group(1))):
                    out.append(self.run(inc.group(1)))
        return '\n'.join(out)


# ---- Upstream's fields ------------------------------------------------------

def upstream_field(macro, args):
    """(name, type) of one ctf_* field, or None if it is not one we know."""
    if macro in ('ctf_integer', 'ctf_integer_hex', 'ctf_integer_network'):
        return args[1], integer(args[0], 16 if macro.endswith('hex') else 10,
                                macro.endswith('network'))
    if macro == 'ctf_user_string':
        return args[0], ('string',)
    if macro == 'ctf_user_array':
        return args[1], ('array', integer(args[0]), int(args[3]))
    if macro == 'ctf_sequence_network':
        return args[1], ('seq', integer(args[0], be=True), integer(args[3]))
    if macro == 'ctf_enum':
        return args[2], ('enum', args[0], integer(args[1]))
    return None


DIRS = {'sc_in': 'in', 'sc_out': 'out', 'sc_inout': 'inout', 'sc_exit': 'out'}


def parse_upstream_fields(body):
    """Entry and exit field lists of a TP_FIELDS(...) inside."""
    entry, exit_ = [], []
    pos = 0
    for m in re.finditer(r'\b(sc_in|sc_out|sc_inout|sc_exit)\s*\(', body):
        if m.start() < pos:
            continue
        end = balanced(body, m.end() - 1)
        inner = body[m.end():end - 1].strip()
        pos = end
        f = re.match(r'(ctf_\w+)\s*\(', inner)
        if f:
            fa = split_args(inner[f.end():balanced(inner, f.end() - 1) - 1])
            field = upstream_field(f.group(1), fa)
            if not field:
                field = (fa[1] if len(fa) > 1 else '?', ('custom', f.group(1)))
        else:
            # A macro of upstream's own (decoded structures).
            field = (inner.split('(')[0].strip() or '?', ('custom', inner[:40]))
        d = DIRS[m.group(1)]
        if d in ('in', 'inout'):
            entry.append(field)
        if d in ('out', 'inout'):
            exit_.append(field)
    return entry, exit_


def upstream_layout(hdir):
    """{syscall: (entry fields, exit fields)} upstream registers on x86_64."""
    base = {'CONFIG_X86_64', 'CONFIG_64BIT', 'CONFIG_COMPAT', 'SC_ENTER'}
    events = {}
    for top in ('x86-64-syscalls_integers.h', 'x86-64-syscalls_pointers.h'):
        text = Pre(hdir, base).run(top)
        for m in re.finditer(r'\bSC_LTTNG_TRACEPOINT_EVENT(_CODE)?\s*\(', text):
            end = balanced(text, m.end() - 1)
            args = split_args(text[m.end():end - 1])
            name = args[0]
            tf = [a for a in args if a.startswith('TP_FIELDS')]
            if not tf:
                continue
            body = tf[0][tf[0].index('(') + 1:tf[0].rindex(')')]
            events[name] = parse_upstream_fields(body)
        # SC_ENTER selects the entry class of argument-less syscalls;
        # their exit events come from the other branch, read here too.
        text = Pre(hdir, base - {'SC_ENTER'}).run(top)
        for m in re.finditer(r'\bSC_LTTNG_TRACEPOINT_EVENT\s*\(', text):
            end = balanced(text, m.end() - 1)
            args = split_args(text[m.end():end - 1])
            if args[0] not in events:
                tf = [a for a in args if a.startswith('TP_FIELDS')][0]
                events[args[0]] = parse_upstream_fields(
                    tf[tf.index('(') + 1:tf.rindex(')')])
    # Only the syscalls of its table become events.
    table = set()
    for top in ('x86-64-syscalls_integers.h', 'x86-64-syscalls_pointers.h'):
        text = Pre(hdir, {'CONFIG_X86_64', 'CONFIG_64BIT', 'CONFIG_COMPAT',
                          'CREATE_SYSCALL_TABLE'}).run(top)
        table.update(re.findall(r'\bTRACE_SYSCALL_TABLE\s*\(\s*\w+\s*,\s*(\w+)',
                                text))
    return {n: events[n] for n in table if n in events}


# ---- Ours -------------------------------------------------------------------

def our_fields(text):
    fields = []
    for m in re.finditer(r'\b(sc_\w+)\s*\(', text):
        end = balanced(text, m.end() - 1)
        a = split_args(text[m.end():end - 1])
        k = m.group(1)
        if k in ('sc_int', 'sc_deref'):
            fields.append((a[1], integer(a[0])))
        elif k in ('sc_hex', 'sc_deref_hex'):
            fields.append((a[1], integer(a[0], 16)))
        elif k == 'sc_string':
            fields.append((a[0], ('string',)))
        elif k == 'sc_ret':
            fields.append(('ret', integer('long')))
        elif k == 'sc_ret_type':
            fields.append(('ret', integer(a[0], int(a[1]))))
        elif k == 'sc_uarray':
            fields.append((a[1], ('array', integer(a[0]), int(a[3]))))
        elif k == 'sc_sockaddr':
            fields += [('family', integer('unsigned short')),
                       (a[0], integer('uint16_t', be=True)),
                       ('v4addr', ('seq', integer('uint8_t', be=True),
                                   integer('unsigned int'))),
                       ('v6addr', ('seq', integer('uint16_t', be=True),
                                   integer('unsigned int')))]
        else:
            raise ValueError('unknown field form ' + k)
    return fields


def our_layout(path):
    with open(path) as f:
        text = f.read()
    events = {}
    for m in re.finditer(r'^LTTNG_SC\(\s*\d+\s*,\s*(\w+)\s*,', text, re.M):
        end = balanced(text, m.start() + len('LTTNG_SC'))
        parts = []
        for f in re.finditer(r'LTTNG_SC_FIELDS\s*\(', text[m.end():end]):
            s = m.end() + f.end() - 1
            parts.append(text[s + 1:balanced(text, s) - 1])
        events[m.group(1)] = (our_fields(parts[0]), our_fields(parts[1]))
    return events


# ---- Comparison -------------------------------------------------------------

def describe(fields):
    return ', '.join('%s:%s' % (n, fmt(t)) for n, t in fields)


def fmt(t):
    if t[0] == 'int':
        return '%s%d%s%s' % ('s' if t[2] else 'u', t[1],
                             '/hex' if t[3] == 16 else '',
                             '/be' if t[4] else '')
    if t[0] in ('array', 'seq'):
        return '%s<%s>%s' % (t[0], fmt(t[1]),
                             '[%d]' % t[2] if t[0] == 'array' else '')
    if t[0] == 'enum':
        return 'enum(%s)' % t[1]
    if t[0] == 'custom':
        return 'custom'
    return t[0]


def load_expect(path):
    names, inside = {}, False
    with open(path) as f:
        for line in f:
            if '<!-- syscall-layout-differences -->' in line:
                inside = True
            elif '<!-- /syscall-layout-differences -->' in line:
                inside = False
            elif inside:
                m = re.match(r'\|\s*`(\w+)`\s*\|([^|]*)\|', line)
                if m and not m.group(2).strip():
                    raise ValueError('%s: no reason for %s' % (path, m.group(1)))
                if m:
                    names[m.group(1)] = m.group(2).strip()
    if not names:
        raise ValueError('%s: no list of syscall layout differences' % path)
    return names


def main(argv):
    if len(argv) not in (3, 5) or (len(argv) == 5 and argv[3] != '--expect'):
        sys.stderr.write(__doc__)
        return 2
    ours = our_layout(argv[1])
    up = upstream_layout(argv[2])
    expect = load_expect(argv[4]) if len(argv) == 5 else None
    both = sorted(set(ours) & set(up))
    same, bad = 0, 0
    for name in both:
        if ours[name] == up[name]:
            same += 1
            if expect is not None and name in expect:
                print('unexpectedly identical: %s (drop it from the list)'
                      % name)
                bad += 1
            continue
        tag = 'differs'
        if expect is not None and name not in expect:
            tag = 'UNEXPECTED'
            bad += 1
        for i, ev in enumerate(('entry', 'exit')):
            if ours[name][i] != up[name][i]:
                print('%s: %s %s\n  ours:     %s\n  upstream: %s'
                      % (tag, ev, name, describe(ours[name][i]),
                         describe(up[name][i])))
    only_up = sorted(set(up) - set(ours))
    print('upstream only (not in this kernel\'s table): %s'
          % (' '.join(only_up) or '-'))
    for name in only_up:
        if expect is not None and name not in expect:
            print('UNEXPECTED: %s described by upstream only' % name)
            bad += 1
    print('ours only (newer than upstream\'s tables): %d'
          % len(set(ours) - set(up)))
    print('identical %d of %d' % (same, len(both)))
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
