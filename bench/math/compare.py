"""Reads 'clr tb' line pairs from stdin (paste of the two outputs); writes bench/results/math.{json,md}."""
import sys, json
rows = []; cur = None
def ordered(bits, width):
    sign = 1 << (width - 1)
    return -(bits & (sign - 1)) if bits & sign else bits
for line in sys.stdin:
    p = line.split()
    if len(p) != 4 and len(p) != 2: sys.exit("unexpected line: " + line)
    if p[0] == "#": a, b = "#", p[1]
    else: a, b = p
    if a == '#':
        cur = {'function': b.replace('_', ' '), 'inputs': 0, 'mismatches': 0, 'max_ulp': 0}; rows.append(cur); continue
    cur['inputs'] += 1
    if a != b:
        w = len(a) * 4
        x, y = int(a, 16), int(b, 16)
        nan = lambda v: (v >> (w - 1 - (11 if w == 64 else 8))) & ((1 << (11 if w == 64 else 8)) - 1) == (1 << (11 if w == 64 else 8)) - 1 and v & ((1 << (w - 1 - (11 if w == 64 else 8))) - 1)
        if nan(x) and nan(y): continue
        cur['mismatches'] += 1
        cur['max_ulp'] = max(cur['max_ulp'], abs(ordered(x, w) - ordered(y, w)))
out = sys.argv[1]
json.dump(rows, open(out + '.json', 'w'), indent=1)
with open(out + '.md', 'w') as f:
    f.write('# Math and MathF against CoreCLR on Linux\n\n'
            'Written by bench/math/measure.sh: pseudo-random inputs per function (bench/math/measure.cs), results\n'
            'compared bit for bit between Testbed (Testbed.Runtime.Libm, correctly rounded) and CoreCLR (glibc libm).\n'
            'A mismatch is an input where glibc is not correctly rounded: every one checked (a few thousand, with\n'
            '300-bit mpmath) was; NaN against NaN counts as equal. ulps are counted in the result type.\n\n')
    f.write('| function | inputs | mismatches vs CoreCLR (glibc) | rate | max ulp difference |\n|---|---|---|---|---|\n')
    for r in rows:
        f.write('| %s | %d | %d | %.4f%% | %d |\n' % (r['function'], r['inputs'], r['mismatches'], 100.0 * r['mismatches'] / max(1, r['inputs']), r['max_ulp']))
print(open(out + '.md').read())
