#!/usr/bin/env python3
"""Raw-socket checks that curl cannot make (tests/Testbed.Tests/Apps/HttpTests.cs runs this, inside the
guest's network namespace for Testbed). Every wait is bounded; prints one line per result.

    client.py HOST PORT corpus FILE       each request of FILE on its own connection: "ok N" or "FAIL N ..."
    client.py HOST PORT pipeline COUNT    COUNT requests in one send, COUNT responses back in order
    client.py HOST PORT slowloris         a head trickled in one field a second: time until the server closes
    client.py HOST PORT idle              an idle connection, then one idle after a response: times until closed
"""
import re
import socket
import sys
import time

HOST, PORT, MODE = sys.argv[1], int(sys.argv[2]), sys.argv[3]
ESCAPES = {"r": b"\r", "n": b"\n", "t": b"\t", "\\": b"\\", '"': b'"', "0": b"\0"}


def unescape(text):
    """C-like escapes, plus {N*X}: X (up to the next '}', escapes allowed) repeated N times."""
    out, i = bytearray(), 0
    while i < len(text):
        c = text[i]
        if c == "{" and re.match(r"\{\d+\*", text[i:]):
            m = re.match(r"\{(\d+)\*(.*?)\}", text[i:])
            out += unescape(m.group(2)) * int(m.group(1))
            i += len(m.group(0))
        elif c == "\\":
            e = text[i + 1]
            if e == "x":
                out.append(int(text[i + 2:i + 4], 16))
                i += 4
            else:
                out += ESCAPES[e]
                i += 2
        else:
            out += c.encode("utf-8")
            i += 1
    return bytes(out)


def connect(timeout=10):
    s = socket.create_connection((HOST, PORT), timeout=timeout)
    s.settimeout(timeout)
    return s


def read_to_end(s, limit=4 << 20):
    data = bytearray()
    try:
        while len(data) < limit:
            chunk = s.recv(65536)
            if not chunk:
                break
            data += chunk
    except (ConnectionResetError, socket.timeout):
        pass
    return bytes(data)


def status_of(response):
    if not response:
        return "close"
    m = re.match(rb"HTTP/1\.1 (\d{3}) ", response)
    return m.group(1).decode() if m else "garbage:" + repr(response[:40])


def corpus(path):
    failures = 0
    count = 0
    for number, line in enumerate(open(path, encoding="utf-8"), 1):
        line = line.rstrip("\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        expect, _, quoted = line.partition(" ")
        quoted = quoted.strip()
        assert quoted.startswith('"') and quoted.endswith('"'), "line %d: request must be quoted" % number
        request = unescape(quoted[1:-1])
        s = connect()
        try:
            s.sendall(request)
            # End of input: a truncated request stays truncated, and a keep-alive response is followed by a close.
            s.shutdown(socket.SHUT_WR)
        except OSError:
            pass
        got = status_of(read_to_end(s))
        s.close()
        count += 1
        if got == expect:
            print("ok %d %s" % (number, got))
        else:
            failures += 1
            print("FAIL line %d: expected %s, got %s: %s" % (number, expect, got, quoted[:100]))
    print("corpus: %d cases, %d failed" % (count, failures))


def pipeline(count):
    paths = ["/", "/docs/readme.txt", "/missing", "/64k.bin"]
    s = connect()
    s.sendall(b"".join(b"GET %s HTTP/1.1\r\nHost: t\r\n\r\n" % paths[i % len(paths)].encode() for i in range(count)))
    buffer = b""
    statuses = []
    for _ in range(count):
        while b"\r\n\r\n" not in buffer:
            chunk = s.recv(65536)
            if not chunk:
                break
            buffer += chunk
        head, _, buffer = buffer.partition(b"\r\n\r\n")
        length = int(re.search(rb"Content-Length: (\d+)", head).group(1))
        while len(buffer) < length:
            buffer += s.recv(65536)
        buffer = buffer[length:]
        statuses.append(head.split(b" ")[1].decode())
    s.close()
    print("pipeline: " + " ".join(statuses))


def time_until_closed(s, trickle=None, limit=30):
    """Seconds until the server closes (EOF or reset), sending trickle(i) every second if given; the bytes received."""
    start = time.time()
    received = b""
    s.settimeout(1.0)
    i = 0
    while time.time() - start < limit:
        try:
            chunk = s.recv(65536)
            if not chunk:
                return time.time() - start, received
            received += chunk
        except socket.timeout:
            if trickle:
                try:
                    s.sendall(trickle(i))
                except OSError:
                    return time.time() - start, received
                i += 1
        except ConnectionResetError:
            return time.time() - start, received
    return None, received


def slowloris():
    s = connect()
    s.sendall(b"GET / HTTP/1.1\r\nHost: t\r\n")
    seconds, received = time_until_closed(s, lambda i: b"X-Slow-%d: y\r\n" % i)
    print("slowloris: closed after %s s, %d bytes received" % ("%.1f" % seconds if seconds else "never", len(received)))


def idle():
    s = connect()
    seconds, received = time_until_closed(s)
    print("idle: closed after %s s, %d bytes received" % ("%.1f" % seconds if seconds else "never", len(received)))
    s = connect()
    s.sendall(b"GET / HTTP/1.1\r\nHost: t\r\n\r\n")
    seconds, received = time_until_closed(s)
    print("idle after response: closed after %s s, status %s" % ("%.1f" % seconds if seconds else "never", status_of(received)))


if MODE == "corpus":
    corpus(sys.argv[4])
elif MODE == "pipeline":
    pipeline(int(sys.argv[4]))
elif MODE == "slowloris":
    slowloris()
elif MODE == "idle":
    idle()
else:
    sys.exit("unknown mode " + MODE)
