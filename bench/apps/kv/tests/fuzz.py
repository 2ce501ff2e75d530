#!/usr/bin/env python3
"""Differential fuzzing of kv against redis-server (both already running on loopback ports).

    redis-server --port 7001 --save '' --appendonly no &   dotnet run --project bench/apps/kv -- --port 7002 &
    python3 bench/apps/kv/tests/fuzz.py --redis 7001 --kv 7002 commands   # random commands on 3 keys
    python3 bench/apps/kv/tests/fuzz.py --redis 7001 --kv 7002 protocol   # mutated raw requests
    python3 bench/apps/kv/tests/fuzz.py --redis 7001 --kv 7002 numbers    # INCRBYFLOAT, ZADD/ZSCORE, KEYS patterns

Prints each differing reply and the number of mismatches; exits 1 if any. The commands mode FLUSHALLs both.
Found so far and fixed: LINDEX/LSET argument order, zslParseRange's strtod, NUL bytes hiding line ends,
header checks before the line is complete, -0 scores, hex and out-of-range floats, glob on empty keys.
"""
import argparse, random, socket, sys


class Conn:
    def __init__(self, port):
        self.s = socket.create_connection(("127.0.0.1", port)); self.s.settimeout(5); self.buf = b""

    def _fill(self):
        d = self.s.recv(65536)
        if not d: raise EOFError("connection closed")
        self.buf += d

    def _line(self):
        while b"\r\n" not in self.buf: self._fill()
        i = self.buf.index(b"\r\n"); l = self.buf[:i]; self.buf = self.buf[i + 2:]; return l

    def reply(self):
        l = self._line()
        if l[:1] == b"$" and int(l[1:]) >= 0:
            n = int(l[1:])
            while len(self.buf) < n + 2: self._fill()
            d = self.buf[:n]; self.buf = self.buf[n + 2:]; return l + b"|" + d
        if l[:1] == b"*" and int(l[1:]) >= 0:
            return (l, [self.reply() for _ in range(int(l[1:]))])
        return l

    def call(self, args):
        self.s.sendall(b"*%d\r\n" % len(args) + b"".join(b"$%d\r\n%s\r\n" % (len(a), a) for a in args))
        return self.reply()


def raw(port, data, timeout=0.15):
    s = socket.create_connection(("127.0.0.1", port)); s.settimeout(timeout); out = b""
    s.sendall(data)
    try:
        while True:
            d = s.recv(65536)
            if not d: out += b"<EOF>"; break
            out += d
    except socket.timeout: out += b"<waiting>"
    except ConnectionResetError: out += b"<RST>"
    s.close(); return out


K = [b"k1", b"k2", b"k3"]
V = [b"1", b"-5", b"abc", b"2.5", b"", b"10", b"0", b"9223372036854775807", b"1e3", b"-0"]
I = [b"0", b"1", b"-1", b"2", b"-2", b"5", b"100", b"x", b"-100"]


def commands(r, kv, rng, count):
    k = lambda: rng.choice(K); v = lambda: rng.choice(V); i = lambda: rng.choice(I)
    opt = lambda *o: [rng.choice(o)] if rng.random() < 0.5 else []
    gens = [
        lambda: [b"SET", k(), v()] + opt(b"NX", b"XX", b"GET", b"KEEPTTL"), lambda: [b"GET", k()], lambda: [b"INCR", k()],
        lambda: [b"INCRBY", k(), i()], lambda: [b"DECRBY", k(), i()], lambda: [b"INCRBYFLOAT", k(), v()], lambda: [b"APPEND", k(), v()],
        lambda: [b"STRLEN", k()], lambda: [b"GETSET", k(), v()], lambda: [b"MSET", k(), v(), k(), v()], lambda: [b"MGET", k(), k(), k()],
        lambda: [b"DEL", k(), k()], lambda: [b"EXISTS", k(), k()], lambda: [b"TYPE", k()], lambda: [b"RENAME", k(), k()],
        lambda: [b"LPUSH", k(), v(), v()], lambda: [b"RPUSH", k(), v()], lambda: [b"LPOP", k()] + opt(i()), lambda: [b"RPOP", k()] + opt(i()),
        lambda: [b"LLEN", k()], lambda: [b"LINDEX", k(), i()], lambda: [b"LSET", k(), i(), v()], lambda: [b"LREM", k(), i(), v()],
        lambda: [b"LRANGE", k(), i(), i()], lambda: [b"HSET", k(), v(), v()], lambda: [b"HGET", k(), v()], lambda: [b"HGETALL", k()],
        lambda: [b"HDEL", k(), v(), v()], lambda: [b"HINCRBY", k(), v(), i()], lambda: [b"HLEN", k()], lambda: [b"SADD", k(), v(), v()],
        lambda: [b"SREM", k(), v()], lambda: [b"SMEMBERS", k()], lambda: [b"SISMEMBER", k(), v()], lambda: [b"SCARD", k()],
        lambda: [b"ZADD", k()] + opt(b"NX", b"XX", b"GT", b"LT", b"CH", b"INCR") + [v(), v()], lambda: [b"ZINCRBY", k(), v(), v()],
        lambda: [b"ZSCORE", k(), v()], lambda: [b"ZREM", k(), v()], lambda: [b"ZCARD", k()],
        lambda: [b"ZRANGE", k(), i(), i()] + opt(b"WITHSCORES", b"REV"), lambda: [b"ZPOPMIN", k()] + opt(i()),
        lambda: [b"ZRANGE", k(), v(), v(), b"BYSCORE"] + opt(b"WITHSCORES", b"REV") + opt(b"LIMIT"),
        lambda: [b"EXPIRE", k(), i()] + opt(b"NX", b"XX", b"GT", b"LT"), lambda: [b"PERSIST", k()], lambda: [b"TTL", k()],
        lambda: [b"SETNX", k(), v()], lambda: [b"GETDEL", k()], lambda: [b"DBSIZE"], lambda: [b"SELECT", rng.choice([b"0", b"1"])],
        lambda: [b"SPOP", k()] + opt(i()),
    ]
    r.call([b"FLUSHALL"]); kv.call([b"FLUSHALL"])
    bad = 0
    for _ in range(count):
        a = rng.choice(gens)()
        if a[0] == b"SPOP":  # which member goes is random: only when at most one is there
            if r.call([b"SCARD", a[1]]) not in (b":0", b":1"): continue
            kv.call([b"SCARD", a[1]])
        x, y = r.call(a), kv.call(a)
        if a[0] in (b"SMEMBERS", b"SPOP"):  # hash-table sets have Redis's random order
            x, y = [(t[0], sorted(map(repr, t[1]))) if isinstance(t, tuple) else t for t in (x, y)]
        if x != y:
            bad += 1; print(a, "\n  redis:", x, "\n  kv:   ", y)
    return bad


def protocol(rp, kp, rng, count):
    base = [b"*1\r\n$4\r\nPING\r\n", b"*2\r\n$4\r\nECHO\r\n$3\r\nabc\r\n", b"PING\r\n", b"ECHO \"x y\" 'z'\r\n",
            b"*2\r\n$3\r\nGET\r\n$5\r\nnokey\r\n", b"EXISTS a b\r\n", b"*3\r\n$6\r\nEXISTS\r\n$1\r\na\r\n$0\r\n\r\n", b"\r\n", b"*0\r\n",
            b"ECHO \"\\x41\\n\"\r\n"]
    alphabet = b"*$\r\n\"' \\x0123456789-+abcPINGE\x00"
    bad = 0
    for _ in range(count):
        m = bytearray(b"".join(rng.choice(base) for _ in range(rng.randint(1, 4))))
        for _ in range(rng.randint(1, 3)):
            op, pos = rng.random(), rng.randrange(len(m) + 1)
            if op < 0.4 and m: m[min(pos, len(m) - 1)] = rng.choice(alphabet)
            elif op < 0.7: m.insert(pos, rng.choice(alphabet))
            elif m: del m[min(pos, len(m) - 1)]
        x, y = raw(rp, bytes(m)), raw(kp, bytes(m))
        if x != y:
            bad += 1; print(bytes(m), "\n  redis:", x, "\n  kv:   ", y)
    return bad


def numbers(r, kv, rng, count):
    def num():
        c = rng.random()
        if c < 0.3: return str(round(rng.uniform(-1000, 1000), rng.randint(0, 6))).encode()
        if c < 0.5: return b"%de%d" % (rng.randint(-99, 99), rng.randint(-320, 308))
        if c < 0.6: return rng.choice([b"0", b"-0", b"1.", b".5", b"-.5", b"1e", b"abc", b" 1", b"1 ", b"inf", b"-inf", b"+5", b"0.1", b"1e4932",
                                       b"1e-4960", b"1e5000", b"3.0e-2", b"1E2", b"00012", b"0x10", b"0x1p-3", b"1e400", b"1e-400", b"nan"])
        return repr(rng.uniform(-1e6, 1e6)).encode()
    bad = 0
    def check(a):
        nonlocal bad
        x, y = r.call(a), kv.call(a)
        if x != y:
            bad += 1; print(a, "\n  redis:", x, "\n  kv:   ", y)
    for _ in range(count):
        a, b = num(), num()
        r.call([b"SET", b"f", a]); kv.call([b"SET", b"f", a]); check([b"INCRBYFLOAT", b"f", b])
        r.call([b"DEL", b"z"]); kv.call([b"DEL", b"z"]); check([b"ZADD", b"z", a, b"m"]); check([b"ZSCORE", b"z", b"m"])
    for c in (r, kv): c.call([b"FLUSHALL"])
    for key in [b"hello", b"hallo", b"hxllo", b"hllo", b"a*b", b"a?b", b"[x]", b"ab\\c", b"", b"x-y", b"abc"]:
        r.call([b"SET", key, b"1"]); kv.call([b"SET", key, b"1"])
    for p in [b"*", b"h?llo", b"h*llo", b"h[ae]llo", b"h[^e]llo", b"h[a-b]llo", b"a\\*b", b"\\[x\\]", b"**", b"?", b"[a-z]*", b"[z-a]*",
              b"a[", b"*b", b"ab*c", b"[^a]*"]:
        x, y = r.call([b"KEYS", p]), kv.call([b"KEYS", p])
        if sorted(map(repr, x[1])) != sorted(map(repr, y[1])):
            bad += 1; print(b"KEYS", p, "\n  redis:", x, "\n  kv:   ", y)
    return bad


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--redis", type=int, required=True); ap.add_argument("--kv", type=int, required=True)
    ap.add_argument("--seed", type=int, default=1); ap.add_argument("--count", type=int, default=3000)
    ap.add_argument("mode", choices=["commands", "protocol", "numbers"])
    o = ap.parse_args(); rng = random.Random(o.seed)
    if o.mode == "protocol": bad = protocol(o.redis, o.kv, rng, o.count)
    else: bad = {"commands": commands, "numbers": numbers}[o.mode](Conn(o.redis), Conn(o.kv), rng, o.count)
    print("mismatches", bad); sys.exit(1 if bad else 0)
