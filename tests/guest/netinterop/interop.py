# The Linux side of the interop tests (tests/Testbed.Tests/Platform/NetInteropTests.cs), run inside the
# test's network namespace against tests/guest/netinterop:
#   python3 interop.py GUEST ACTION...
# ACTION is one of
#   sink:BYTES        random bytes to the guest's sink (tcp 5001); its SHA-256 must equal hashlib's
#   source:BYTES      BYTES from the guest's source (tcp 5002); hashlib's SHA-256 must equal the guest's trailer
#   client:BYTES      the guest connects to a server here (10.0.2.2:6001), sends BYTES, then receives BYTES
#   concurrent:N[:K]  N connections to the guest's echo (tcp 7) open at once, each one request and response
#                     (at most K connecting at a time, default 200)
#   counters          prints the guest's counters
#   quit              ends the guest
# Each action prints one line starting with its name; a failure prints FAIL and the script exits 1.
# Every wait is bounded.
import hashlib, os, resource, selectors, socket, sys, threading, time

guest = sys.argv[1]
failed = False


def fail(message):
    global failed
    failed = True
    print('FAIL ' + message, flush=True)


def control(command, timeout=600):
    with socket.create_connection((guest, 5000), timeout=30) as c:
        c.settimeout(timeout)
        c.sendall(command.encode() + b'\n')
        answer = b''
        while not answer.endswith(b'\n'):
            chunk = c.recv(65536)
            if not chunk:
                break
            answer += chunk
        c.shutdown(socket.SHUT_WR)
        return answer.decode().strip()


def counters():
    return dict((k, int(v)) for k, v in (item.split('=') for item in control('counters').split()))


def rate(n, seconds):
    return '%.1f s %.1f Mbit/s' % (seconds, n * 8 / max(seconds, 1e-6) / 1e6)


def send_random(s, count, sha):
    left = count
    while left:
        chunk = os.urandom(min(left, 1 << 20))
        sha.update(chunk)
        s.sendall(chunk)
        left -= len(chunk)


def receive_all(s, sha, limit=None):
    """Reads to EOF (or LIMIT bytes), hashing; returns the count."""
    buffer = bytearray(1 << 18)
    view = memoryview(buffer)
    total = 0
    while limit is None or total < limit:
        want = len(buffer) if limit is None else min(len(buffer), limit - total)
        n = s.recv_into(view[:want])
        if n == 0:
            break
        sha.update(view[:n])
        total += n
    return total


def sink(count):
    t0 = time.time()
    sha = hashlib.sha256()
    with socket.create_connection((guest, 5001), timeout=30) as s:
        s.settimeout(120)
        send_random(s, count, sha)
        s.shutdown(socket.SHUT_WR)
        answer = b''
        while True:
            chunk = s.recv(256)
            if not chunk:
                break
            answer += chunk
    seconds = time.time() - t0
    expected = '%d %s' % (count, sha.hexdigest())
    ok = answer.decode().strip() == expected
    print('sink %d bytes equal %s %s' % (count, ok, rate(count, seconds)), flush=True)
    if not ok:
        fail('sink: guest says %r, sent %r' % (answer, expected))


def source(count):
    t0 = time.time()
    sha = hashlib.sha256()
    with socket.create_connection((guest, 5002), timeout=30) as s:
        s.settimeout(120)
        s.sendall(b'%d\n' % count)
        got = receive_all(s, sha, count)
        trailer = b''
        while True:
            chunk = s.recv(256)
            if not chunk:
                break
            trailer += chunk
    seconds = time.time() - t0
    ok = got == count and trailer.decode().strip() == sha.hexdigest()
    print('source %d bytes equal %s %s' % (count, ok, rate(count, seconds)), flush=True)
    if not ok:
        fail('source: received %d of %d, guest says %r, received %s' % (got, count, trailer, sha.hexdigest()))


def client(count):
    server = socket.socket()
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind(('10.0.2.2', 6001))
    server.listen(1)
    server.settimeout(60)
    result = {}

    def serve():
        try:
            c, _ = server.accept()
            with c:
                c.settimeout(120)
                received = hashlib.sha256()
                result['received'] = receive_all(c, received)
                result['received_sha'] = received.hexdigest()
                sent = hashlib.sha256()
                send_random(c, count, sent)
                result['sent_sha'] = sent.hexdigest()
        except OSError as e:
            result['error'] = repr(e)

    t0 = time.time()
    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    answer = control('connect 10.0.2.2 6001 %d' % count)
    thread.join(30)
    server.close()
    seconds = time.time() - t0
    expected = 'client sent %d %s received %d %s ms ' % (count, result.get('received_sha'), count, result.get('sent_sha'))
    ok = 'error' not in result and result.get('received') == count and answer.startswith(expected)
    ms = answer.split(' ms ')[-1].split() if ' ms ' in answer else ['?', '?']
    print('client %d bytes each way equal %s %s (guest: sending %s ms, receiving %s ms)' % (count, ok, rate(2 * count, seconds), ms[0], ms[1]), flush=True)
    if not ok:
        fail('client: guest says %r; server %r' % (answer, result))


def concurrent(n, in_flight=200, deadline_seconds=180):
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < n + 100:
        resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, n + 100), hard))
    t0 = time.time()
    deadline = t0 + deadline_seconds
    sel = selectors.DefaultSelector()
    requests = [('request %d ' % i).encode().ljust(100, b'.') + b'\n' for i in range(n)]
    state = {}  # socket -> [index, phase, received]
    started = connected = answered = errors = 0
    sockets = []
    try:
        while answered + errors < n and time.time() < deadline:
            while started < n and started - connected - errors < in_flight:
                s = socket.socket()
                s.setblocking(False)
                s.connect_ex((guest, 7))
                sockets.append(s)
                state[s] = [started, 'connecting', b'']
                sel.register(s, selectors.EVENT_WRITE)
                started += 1
            for key, events in sel.select(timeout=0.5):
                s = key.fileobj
                entry = state[s]
                if entry[1] == 'connecting':
                    err = s.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
                    if err:
                        errors += 1
                        print('connection %d: error %s' % (entry[0], os.strerror(err)), flush=True)
                        sel.unregister(s)
                        continue
                    connected += 1
                    s.send(requests[entry[0]])
                    entry[1] = 'waiting'
                    sel.modify(s, selectors.EVENT_READ)
                else:
                    data = s.recv(4096)
                    if not data:
                        errors += 1
                        print('connection %d: closed early' % entry[0], flush=True)
                        sel.unregister(s)
                        continue
                    entry[2] += data
                    if len(entry[2]) >= len(requests[entry[0]]):
                        if entry[2] == requests[entry[0]]:
                            answered += 1
                        else:
                            errors += 1
                            print('connection %d: wrong answer' % entry[0], flush=True)
                        sel.unregister(s)
        seconds = time.time() - t0
        # All N are still open: the guest must count them as live.
        live = counters()
        print('concurrent %d connections answered %d errors %d live in guest %d %.1f s' % (n, answered, errors, live['LiveConnections'], seconds), flush=True)
        if answered != n or live['LiveConnections'] < n:
            fail('concurrent: %d of %d answered, %d errors, %d started, %d connected, guest live %d'
                 % (answered, n, errors, started, connected, live['LiveConnections']))
    finally:
        for s in sockets:
            s.close()
        sel.close()


for action in sys.argv[2:]:
    name, _, argument = action.partition(':')
    try:
        if name == 'sink':
            sink(int(argument))
        elif name == 'source':
            source(int(argument))
        elif name == 'client':
            client(int(argument))
        elif name == 'concurrent':
            count, _, in_flight = argument.partition(':')
            concurrent(int(count), int(in_flight or 200))
        elif name == 'counters':
            print('counters ' + control('counters'), flush=True)
        elif name == 'quit':
            print('quit ' + control('quit'), flush=True)
        else:
            fail('unknown action ' + action)
    except (OSError, ValueError) as e:
        fail('%s: %r' % (action, e))
sys.exit(1 if failed else 0)
