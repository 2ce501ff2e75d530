# Hostile input for tests/guest/netinterop (tests/Testbed.Tests/Platform/NetInteropTests.cs), run inside
# the test's network namespace: frames written straight onto the tap's host side with a packet socket
# (AF_PACKET), so they reach the guest exactly as built, bad checksums and truncated headers included.
#   python3 hostile.py GUEST_IP GUEST_MAC malformed
#   python3 hostile.py GUEST_IP GUEST_MAC flood SYNS PREFIX_LENGTH BOUND_SECONDS
#   python3 hostile.py GUEST_IP GUEST_MAC martians
# malformed: one line per case, "case NAME sent N: COUNTER=+DELTA ..." (every counter of the guest that
#   changed, read over the control connection after the case's frames), then checks that an established
#   connection and the guest's services still work.
# martians: packets from sources that cannot be a host and echo requests to broadcast addresses; one line per
#   packet with what the guest sent back on the wire and which counters moved.
# flood: SYNS SYNs to the echo port from random on-link sources and ports, while an echo loop runs on an
#   established connection; every echo must come back within BOUND_SECONDS.
# Every wait is bounded. Lines starting with FAIL are failures (exit status 1).
import os, random, select, socket, struct, sys, time

GUEST_IP = sys.argv[1]
GUEST_MAC = bytes.fromhex(sys.argv[2].replace(':', ''))
MODE = sys.argv[3]
IFACE = 'tbtap0'
HOST_IP = '10.0.2.2'
HOST_MAC = bytes.fromhex(open('/sys/class/net/%s/address' % IFACE).read().strip().replace(':', ''))
FAKE_IP = '10.0.2.77'
FAKE_MAC = bytes.fromhex('020000000077')
ETH_P_ALL, PACKET_OUTGOING = 3, 4
failed = False
rng = random.Random(1234)


def fail(message):
    global failed
    failed = True
    print('FAIL ' + message, flush=True)


# ---- packets ----

def ones(data):
    if len(data) % 2:
        data += b'\0'
    total = sum(struct.unpack('!%dH' % (len(data) // 2), data))
    while total > 0xffff:
        total = (total & 0xffff) + (total >> 16)
    return total


def checksum(data):
    return (~ones(data)) & 0xffff


def aton(a):
    return socket.inet_aton(a)


def ether(payload, etype=0x0800, dst=None, src=HOST_MAC):
    return (dst or GUEST_MAC) + src + struct.pack('!H', etype) + payload


def ipv4(src, dst, proto, payload, flags_fragment=0x4000, version=4, ihl=5, total=None, good_checksum=True, ident=None):
    total = 20 + len(payload) if total is None else total
    h = struct.pack('!BBHHHBBH4s4s', (version << 4) | ihl, 0, total, rng.randrange(65536) if ident is None else ident,
                    flags_fragment, 64, proto, 0, aton(src), aton(dst))
    c = checksum(h)
    if not good_checksum:
        c ^= 0x5a5a
    return h[:10] + struct.pack('!H', c) + h[12:] + payload


def pseudo(src, dst, proto, length):
    return aton(src) + aton(dst) + struct.pack('!BBH', 0, proto, length)


FIN, SYN, RST, PSH, ACK = 1, 2, 4, 8, 16


def tcp(src, dst, sport, dport, seq, ack, flags, window=65535, options=b'', payload=b'', data_offset=None, good_checksum=True):
    assert len(options) % 4 == 0
    offset = (20 + len(options)) // 4 if data_offset is None else data_offset
    segment = struct.pack('!HHIIBBHHH', sport, dport, seq & 0xffffffff, ack & 0xffffffff, offset << 4, flags, window, 0, 0) + options + payload
    c = checksum(pseudo(src, dst, 6, len(segment)) + segment)
    if not good_checksum:
        c ^= 0x5a5a
    return segment[:16] + struct.pack('!H', c) + segment[18:]


def tcp_frame(sport, dport, seq, ack, flags, src=HOST_IP, **kw):
    return ether(ipv4(src, GUEST_IP, 6, tcp(src, GUEST_IP, sport, dport, seq, ack, flags, **kw)),
                 src=HOST_MAC if src == HOST_IP else FAKE_MAC)


def udp(src, dst, sport, dport, payload, length=None, checksum_value=None):
    d = struct.pack('!HHHH', sport, dport, 8 + len(payload) if length is None else length, 0) + payload
    c = (checksum(pseudo(src, dst, 17, len(d)) + d) or 0xffff) if checksum_value is None else checksum_value
    return d[:6] + struct.pack('!H', c) + d[8:]


def icmp_echo(ident, seq, payload, good_checksum=True):
    m = struct.pack('!BBHHH', 8, 0, 0, ident, seq) + payload
    c = checksum(m)
    if not good_checksum:
        c ^= 0x5a5a
    return m[:2] + struct.pack('!H', c) + m[4:]


def arp(op, sender_mac, sender_ip, target_mac, target_ip, hardware=1, protocol=0x0800):
    return struct.pack('!HHBBH6s4s6s4s', hardware, protocol, 6, 4, op, sender_mac, aton(sender_ip), target_mac, aton(target_ip))


def parse(frame):
    """(etype, src_ip, dst_ip, proto, l4 bytes) of an IPv4 frame, or (etype, None, ...)."""
    etype = struct.unpack('!H', frame[12:14])[0]
    if etype != 0x0800 or len(frame) < 34:
        return etype, None, None, None, frame[14:]
    ihl = (frame[14] & 15) * 4
    total = struct.unpack('!H', frame[16:18])[0]
    return etype, socket.inet_ntoa(frame[26:30]), socket.inet_ntoa(frame[30:34]), frame[23], frame[14 + ihl:14 + total]


def tcp_fields(l4):
    sport, dport, seq, ack, off, flags, window = struct.unpack('!HHIIBBH', l4[:16])
    return sport, dport, seq, ack, flags, window, l4[(off >> 4) * 4:]


# ---- the packet sockets: one to send, one to watch what the guest sends ----

tx = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)
tx.bind((IFACE, 0))
rx = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(ETH_P_ALL))
try:
    rx.setsockopt(socket.SOL_SOCKET, 33, 64 << 20)  # SO_RCVBUFFORCE: the flood's frames and the guest's answers
except OSError:
    rx.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 8 << 20)
rx.bind((IFACE, ETH_P_ALL))
rx.setblocking(False)
# No IPv6 chatter (router solicitations, MLD) from the namespace's side of the tap: it would be counted too.
try:
    with open('/proc/sys/net/ipv6/conf/%s/disable_ipv6' % IFACE, 'w') as f:
        f.write('1')
except OSError:
    pass


def guest_frames(seconds):
    """Frames the guest sent, for up to SECONDS (whatever is queued, then waits)."""
    deadline = time.time() + seconds
    while True:
        left = deadline - time.time()
        if left <= 0:
            return
        if not select.select([rx], [], [], left)[0]:
            return
        try:
            frame, address = rx.recvfrom(65536)
        except BlockingIOError:
            continue
        if address[2] != PACKET_OUTGOING and frame[6:12] == GUEST_MAC:
            yield frame


def drain():
    while True:
        try:
            rx.recv(65536)
        except BlockingIOError:
            return


def send(frames, pace=64):
    for i, f in enumerate(frames):
        tx.send(f)
        if i % pace == pace - 1:
            time.sleep(0.005)


# ---- the guest's control connection and an established echo connection ----

def control(command, timeout=60):
    with socket.create_connection((GUEST_IP, 5000), timeout=30) as c:
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


class Echo:
    """A kernel TCP connection to the guest's echo port; remembers the guest's sequence numbers from what it sends."""

    def __init__(self):
        drain()
        self.s = socket.create_connection((GUEST_IP, 7), timeout=10)
        self.s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.port = self.s.getsockname()[1]
        self.count = 0

    def roundtrip(self, timeout=10):
        """Sends a numbered message and reads exactly it back; the RTT in seconds, or None."""
        self.count += 1
        message = b'echo %08d %s\n' % (self.count, b'x' * 20)
        t0 = time.time()
        self.s.sendall(message)
        got = b''
        self.s.settimeout(timeout)
        try:
            while len(got) < len(message):
                chunk = self.s.recv(len(message) - len(got))
                if not chunk:
                    return None
                got += chunk
        except OSError:
            return None
        return time.time() - t0 if got == message else None

    def sequence_numbers(self):
        """(guest SND.NXT, guest RCV.NXT) from the guest's last segment on this connection, after a roundtrip."""
        drain()
        if self.roundtrip() is None:
            return None
        last = None
        for frame in guest_frames(0.3):
            etype, src, dst, proto, l4 = parse(frame)
            if proto == 6:
                sport, dport, seq, ack, flags, window, payload = tcp_fields(l4)
                if sport == 7 and dport == self.port:
                    last = (seq + len(payload), ack)
        return last


def case(name, frames, pause=0.05):
    before = counters()
    send(frames)
    time.sleep(pause)
    after = counters()
    changed = ' '.join('%s=%+d' % (k, after[k] - before[k]) for k in sorted(after)
                       if after[k] != before[k] and k not in ('Milliseconds', 'FramesReceived', 'FramesSent', 'CopiedByDevice',
                                                              'TcpSegmentsReceived', 'TcpSegmentsSent'))
    print('case %s sent %d: %s' % (name, len(frames), changed), flush=True)


def malformed():
    echo = Echo()
    if echo.roundtrip() is None:
        fail('no echo before the hostile input')
        return
    ping = ipv4(HOST_IP, GUEST_IP, 1, icmp_echo(1, 1, b'hostile'))
    syn = tcp(HOST_IP, GUEST_IP, 40000, 5001, 1000, 0, SYN)

    case('ethernet-unknown-ethertype', [ether(ping, etype=t) for t in (0x86DD, 0x8100, 0x88B5)])
    case('ethernet-other-destination', [ether(ping, dst=bytes.fromhex(m)) for m in ('020000000099', '01005e000001', '333300000001')])
    case('ethernet-header-only-ipv4', [ether(b'', etype=0x0800)])
    case('ethernet-header-only-arp', [ether(b'', etype=0x0806)])
    case('ipv4-truncated-header', [ether(ping[:n]) for n in (1, 10, 19)])
    case('ipv4-bad-fields', [
        ether(ipv4(HOST_IP, GUEST_IP, 1, icmp_echo(1, 2, b'x'), version=6)),
        ether(ipv4(HOST_IP, GUEST_IP, 1, icmp_echo(1, 3, b'x'), ihl=4)),
        ether(ipv4(HOST_IP, GUEST_IP, 1, icmp_echo(1, 4, b'x'), ihl=15)),              # header longer than the packet
        ether(ipv4(HOST_IP, GUEST_IP, 1, icmp_echo(1, 5, b'x'), total=1000)),          # total length past the frame
        ether(ipv4(HOST_IP, GUEST_IP, 1, icmp_echo(1, 6, b'x'), total=12)),            # total length inside the header
    ])
    case('ipv4-bad-checksum', [ether(ipv4(HOST_IP, GUEST_IP, 1, icmp_echo(1, 7 + i, b'x'), good_checksum=False)) for i in range(3)]
         + [ether(ipv4(HOST_IP, GUEST_IP, 6, syn, good_checksum=False))])
    case('ipv4-fragment', [ether(ipv4(HOST_IP, GUEST_IP, 1, icmp_echo(1, 10, b'x' * 16), flags_fragment=0x2000)),
                           ether(ipv4(HOST_IP, GUEST_IP, 1, b'y' * 16, flags_fragment=0x0002)),
                           ether(ipv4(HOST_IP, GUEST_IP, 6, syn, flags_fragment=0x2000))])
    case('ipv4-unknown-protocol', [ether(ipv4(HOST_IP, GUEST_IP, p, b'z' * 20)) for p in (47, 132, 255)])
    case('ipv4-not-for-us', [ether(ipv4(HOST_IP, '10.0.2.99', 1, icmp_echo(1, 11, b'x'))),
                             ether(ipv4(HOST_IP, '8.8.8.8', 6, tcp(HOST_IP, '8.8.8.8', 40000, 7, 1, 0, SYN)))])
    case('ipv4-multicast-or-broadcast-source', [ether(ipv4(s, GUEST_IP, 1, icmp_echo(1, 12, b'x'))) for s in ('224.0.0.1', '255.255.255.255')])

    case('tcp-truncated-header', [ether(ipv4(HOST_IP, GUEST_IP, 6, syn[:n])) for n in (0, 8, 19)])
    case('tcp-bad-data-offset', [ether(ipv4(HOST_IP, GUEST_IP, 6, tcp(HOST_IP, GUEST_IP, 40001, 5001, 1, 0, SYN, data_offset=d)))
                                 for d in (0, 4, 6, 15)])
    case('tcp-bad-checksum', [ether(ipv4(HOST_IP, GUEST_IP, 6, tcp(HOST_IP, GUEST_IP, 40002, 5001, 1, 0, SYN, good_checksum=False))),
                              tcp_frame(echo.port, 7, 1, 1, ACK | PSH, payload=b'EVIL', good_checksum=False)])
    bad_options = [
        b'\x02\x00\x05\xb4',                  # MSS with length 0
        b'\x02\x01\x05\xb4',                  # length 1
        b'\x08\x1e\x00\x00',                  # timestamps whose length (30) runs past the header
        b'\x01\x01\x01\x02',                  # an option kind as the header's last byte, no length
        b'\x02\x03\x05\x00',                  # MSS with length 3
        b'\x03\x04\x07\x00',                  # window scale with length 4
        b'\x04\x03\x00\x00',                  # SACK-permitted with length 3
        b'\x08\x06\x00\x00\x00\x00\x00\x00',  # timestamps with length 6
        b'\x05\x06\x00\x00\x00\x00\x00\x00',  # SACK with a length that is no whole block
        b'\xfe\xff\x00\x00',                  # unknown option whose length runs past the header
    ]
    case('tcp-bad-options', [ether(ipv4(HOST_IP, GUEST_IP, 6, tcp(HOST_IP, GUEST_IP, 40003 + i, 5001, 1, 0, SYN, options=o)))
                             for i, o in enumerate(bad_options)])
    case('tcp-syn-fin-syn-rst-port-zero', [tcp_frame(40020, 5001, 1, 0, SYN | FIN), tcp_frame(40021, 5001, 1, 0, SYN | RST),
                                           tcp_frame(40022, 5001, 1, 0, SYN | FIN | RST | PSH | ACK | 0x20), tcp_frame(0, 5001, 1, 0, SYN),
                                           tcp_frame(40023, 0, 1, 0, SYN)])
    case('tcp-closed-port', [tcp_frame(40030, 9999, 1, 0, SYN), tcp_frame(40031, 9999, 1, 5, ACK), tcp_frame(40032, 9999, 1, 5, RST)])

    case('udp-truncated', [ether(ipv4(HOST_IP, GUEST_IP, 17, udp(HOST_IP, GUEST_IP, 40000, 7, b'')[:4])),
                           ether(ipv4(HOST_IP, GUEST_IP, 17, udp(HOST_IP, GUEST_IP, 40000, 7, b'abcd', length=100))),
                           ether(ipv4(HOST_IP, GUEST_IP, 17, udp(HOST_IP, GUEST_IP, 40000, 7, b'abcd', length=4)))])
    case('udp-bad-checksum', [ether(ipv4(HOST_IP, GUEST_IP, 17, udp(HOST_IP, GUEST_IP, 40000, 7, b'abcd', checksum_value=0x1234)))
                              for _ in range(3)])
    case('udp-closed-port', [ether(ipv4(HOST_IP, GUEST_IP, 17, udp(HOST_IP, GUEST_IP, 40000, 9999, b'abcd')))])
    case('icmp-malformed', [ether(ipv4(HOST_IP, GUEST_IP, 1, icmp_echo(1, 13, b'')[:4])),
                            ether(ipv4(HOST_IP, GUEST_IP, 1, icmp_echo(1, 14, b'x' * 10, good_checksum=False)))])
    case('arp-malformed', [ether(arp(1, HOST_MAC, HOST_IP, b'\0' * 6, GUEST_IP)[:20], etype=0x0806),
                           ether(arp(1, HOST_MAC, HOST_IP, b'\0' * 6, GUEST_IP, hardware=6), etype=0x0806),
                           ether(arp(1, HOST_MAC, HOST_IP, b'\0' * 6, GUEST_IP, protocol=0x86DD), etype=0x0806),
                           ether(arp(3, HOST_MAC, HOST_IP, b'\0' * 6, GUEST_IP), etype=0x0806)])

    # The established connection: RST and data outside the window, RST and SYN inside it (RFC 5961).
    numbers = echo.sequence_numbers()
    if numbers is None:
        fail('could not read the established connection\'s sequence numbers')
        return
    snd_nxt, rcv_nxt = numbers
    print('established connection port %d: guest SND.NXT %d RCV.NXT %d' % (echo.port, snd_nxt, rcv_nxt), flush=True)
    case('established-rst-out-of-window', [tcp_frame(echo.port, 7, rcv_nxt + (1 << 30), 0, RST),
                                           tcp_frame(echo.port, 7, rcv_nxt - (1 << 20), 0, RST),
                                           tcp_frame(echo.port, 7, rcv_nxt + (1 << 30), snd_nxt, RST | ACK)])
    case('established-data-out-of-window', [tcp_frame(echo.port, 7, rcv_nxt + (1 << 30), snd_nxt, ACK | PSH, payload=b'EVIL'),
                                            tcp_frame(echo.port, 7, rcv_nxt - (1 << 20), snd_nxt, ACK | PSH, payload=b'EVIL')])
    case('established-rst-in-window', [tcp_frame(echo.port, 7, rcv_nxt + 1000, 0, RST)], pause=0.3)
    time.sleep(1.1)  # the challenge-ACK budget is per second
    case('established-syn-in-window', [tcp_frame(echo.port, 7, rcv_nxt + 10, 0, SYN)], pause=0.3)
    case('established-ack-of-unsent-data', [tcp_frame(echo.port, 7, rcv_nxt, snd_nxt + (1 << 20), ACK)], pause=0.3)
    time.sleep(1.1)
    # RFC 5961 section 7: at most ChallengeAcksPerSecond (1000) challenge ACKs a second; the rest are suppressed.
    case('established-rst-in-window-burst', [tcp_frame(echo.port, 7, rcv_nxt + 1 + i, 0, RST) for i in range(1500)], pause=0.5)
    rtt = echo.roundtrip()
    print('established connection after the attacks: %s' % ('answers, %.1f ms' % (rtt * 1000) if rtt is not None else 'BROKEN'), flush=True)
    if rtt is None:
        fail('the established connection no longer echoes exactly what it is sent')

    handshake_with_extreme_options()
    fuzz(echo)

    rtt = echo.roundtrip()
    if rtt is None:
        fail('the established connection broke during the fuzzing')
    with socket.create_connection((GUEST_IP, 5001), timeout=10) as s:
        s.settimeout(10)
        s.sendall(b'abc')
        s.shutdown(socket.SHUT_WR)
        answer = s.recv(256)
    u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    u.settimeout(2)
    u.sendto(b'udp after', (GUEST_IP, 7))
    udp_ok = u.recv(64) == b'udp after'
    ok = answer.startswith(b'3 ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad') and udp_ok
    print('after all: echo %s, new connection and sink %s, udp echo %s' % (rtt is not None, answer.startswith(b'3 '), udp_ok), flush=True)
    if not ok:
        fail('services after the hostile input: sink %r udp %s' % (answer, udp_ok))


def answer_arp(frame):
    """Answers the guest's ARP request for FAKE_IP (the raw connection's address)."""
    if frame[12:14] == b'\x08\x06' and frame[20:22] == b'\x00\x01' and frame[38:42] == aton(FAKE_IP):
        tx.send(ether(arp(2, FAKE_MAC, FAKE_IP, GUEST_MAC, GUEST_IP), etype=0x0806, src=FAKE_MAC))
        return True
    return False


def raw_connection(name, options, window, mss_limit):
    """A connection from FAKE_IP made of raw segments: SYN with OPTIONS, 600 bytes to the echo port, which
    must come back in segments of at most MSS_LIMIT payload bytes; then RST."""
    drain()
    port = 41000 + rng.randrange(1000)
    iss = rng.randrange(1 << 32)
    tx.send(tcp_frame(port, 7, iss, 0, SYN, src=FAKE_IP, window=window, options=options))
    peer = None
    for frame in guest_frames(3):
        if answer_arp(frame):
            continue
        etype, src, dst, proto, l4 = parse(frame)
        if proto == 6 and dst == FAKE_IP:
            sport, dport, seq, ack, flags, win, payload = tcp_fields(l4)
            if dport == port and flags & (SYN | ACK) == SYN | ACK and ack == iss + 1:
                peer = seq + 1
                break
    if peer is None:
        print('raw %s: no SYN-ACK' % name, flush=True)
        return False
    message = bytes(rng.randrange(256) for _ in range(600))
    tx.send(tcp_frame(port, 7, iss + 1, peer, ACK, src=FAKE_IP, window=window))
    tx.send(tcp_frame(port, 7, iss + 1, peer, ACK | PSH, src=FAKE_IP, window=window, payload=message))
    got, largest, segments = b'', 0, 0
    deadline = time.time() + 5
    while len(got) < len(message) and time.time() < deadline:
        for frame in guest_frames(0.2):
            if answer_arp(frame):
                continue
            etype, src, dst, proto, l4 = parse(frame)
            if proto != 6 or dst != FAKE_IP:
                continue
            sport, dport, seq, ack, flags, win, payload = tcp_fields(l4)
            if dport != port or not payload:
                continue
            if seq == peer + len(got):
                got += payload
                segments += 1
                largest = max(largest, len(payload))
            tx.send(tcp_frame(port, 7, iss + 1 + len(message), peer + len(got), ACK, src=FAKE_IP, window=window))
    tx.send(tcp_frame(port, 7, iss + 1 + len(message), 0, RST, src=FAKE_IP))
    ok = got == message and largest <= mss_limit
    print('raw %s: echoed %d of %d bytes in %d segments, largest %d (limit %d) %s' % (name, len(got), len(message), segments, largest, mss_limit,
                                                                                     'ok' if ok else 'WRONG'), flush=True)
    return ok


def handshake_with_extreme_options():
    nop = b'\x01'
    cases = [
        # MSS 65535, window scale 255 (read as 14), SACK permitted: the guest's own MTU bounds its segments.
        ('mss-65535-wscale-255', b'\x02\x04\xff\xff' + nop + b'\x03\x03\xff' + b'\x04\x02' + nop + nop, 64, 1460),
        # MSS 1: the guest may not send 1-byte segments forever; it keeps a floor (64 bytes).
        ('mss-1', b'\x02\x04\x00\x01', 65535, 64),
        # MSS 0 and window scale 0.
        ('mss-0-wscale-0', b'\x02\x04\x00\x00' + nop + b'\x03\x03\x00', 65535, 1460),
    ]
    for name, options, window, limit in cases:
        if not raw_connection(name, options, window, limit):
            fail('raw connection ' + name)


def fuzz(echo, count=3000):
    """COUNT mutations of valid frames (some with their checksums fixed afterwards, so that they get past
    the checksums), aimed at the guest's listeners and services but not at the established connection."""
    templates = [
        ('tcp', ipv4(FAKE_IP, GUEST_IP, 6, tcp(FAKE_IP, GUEST_IP, 42000, 5001, 77, 0, SYN, options=b'\x02\x04\x05\xb4\x01\x03\x03\x07'))),
        ('tcp', ipv4(FAKE_IP, GUEST_IP, 6, tcp(FAKE_IP, GUEST_IP, 42001, 5002, 77, 99, ACK | PSH, payload=b'data' * 10))),
        ('udp', ipv4(FAKE_IP, GUEST_IP, 17, udp(FAKE_IP, GUEST_IP, 42002, 7, b'fuzz' * 8))),
        ('icmp', ipv4(FAKE_IP, GUEST_IP, 1, icmp_echo(9, 9, b'fuzz' * 8))),
        ('arp', arp(1, FAKE_MAC, FAKE_IP, b'\0' * 6, GUEST_IP)),
    ]
    before = counters()
    frames = []
    for i in range(count):
        kind, packet = templates[i % len(templates)]
        p = bytearray(packet)
        for _ in range(rng.randrange(1, 5)):
            p[rng.randrange(len(p))] = rng.randrange(256)
        if rng.random() < 0.2:
            del p[rng.randrange(len(p)):]
        if kind != 'arp' and len(p) >= 20 and rng.random() < 0.5:
            # Fix the checksums, so that the mutation reaches the layers above.
            ihl = (p[0] & 15) * 4
            if 20 <= ihl <= len(p):
                p[10:12] = b'\0\0'
                p[10:12] = struct.pack('!H', checksum(bytes(p[:ihl])))
                l4 = p[ihl:]
                at = {'tcp': 16, 'udp': 6, 'icmp': 2}[kind]
                if len(l4) >= at + 2:
                    l4[at:at + 2] = b'\0\0'
                    if kind == 'icmp':
                        c = checksum(bytes(l4))
                    else:
                        c = checksum(bytes(p[12:20]) + struct.pack('!BBH', 0, 6 if kind == 'tcp' else 17, len(l4)) + bytes(l4))
                    l4[at:at + 2] = struct.pack('!H', c)
                    p[ihl:] = l4
        frames.append(ether(bytes(p), etype=0x0806 if kind == 'arp' else 0x0800, src=FAKE_MAC))
    send(frames)
    time.sleep(0.5)
    after = counters()
    dropped = sum(after[k] - before[k] for k in after if k.startswith('Dropped'))
    print('fuzz sent %d: dropped %d, received frames %d' % (count, dropped, after['FramesReceived'] - before['FramesReceived']), flush=True)


def flood(syns, prefix, bound):
    network = struct.unpack('!I', aton(GUEST_IP))[0] & (0xffffffff << (32 - prefix)) & 0xffffffff
    size = 1 << (32 - prefix)
    avoid = {aton(GUEST_IP), aton(HOST_IP)}
    echo = Echo()
    if echo.roundtrip() is None:
        fail('no echo before the flood')
        return
    before = counters()
    drain()
    dropped_at_tap = int(open('/sys/class/net/%s/statistics/tx_dropped' % IFACE).read())
    child = os.fork()
    if child == 0:
        # The flood, in its own process so that the echo loop's timing is its own.
        try:
            r = random.Random(99)
            frames = []
            for i in range(syns):
                while True:
                    source = socket.inet_ntoa(struct.pack('!I', network + r.randrange(1, size - 1)))
                    if aton(source) not in avoid:
                        break
                mac = bytes([2, 0]) + aton(source)
                frames.append(ether(ipv4(source, GUEST_IP, 6, tcp(source, GUEST_IP, r.randrange(1024, 65536), 7, r.randrange(1 << 32), 0, SYN,
                                                                  options=b'\x02\x04\x05\xb4')), src=mac))
            t0 = time.time()
            for i, f in enumerate(frames):
                tx.send(f)
                if i % 100 == 99:
                    time.sleep(0.01)
            print('flood: %d SYNs sent in %.1f s' % (syns, time.time() - t0), flush=True)
        finally:
            os._exit(0)
    # The echo loop, while the flood runs and for two seconds after.
    rtts, lost, new_connection = [], 0, None
    t0 = time.time()
    finished_at = None
    while time.time() - t0 < 120:
        if finished_at is None and os.waitpid(child, os.WNOHANG)[0] == child:
            finished_at = time.time()
        if finished_at is not None and time.time() - finished_at > 2:
            break
        rtt = echo.roundtrip(timeout=bound)
        if rtt is None:
            lost += 1
            break
        rtts.append(rtt)
        if new_connection is None and len(rtts) == 20:
            # A new connection to another listener, in the middle of the flood.
            try:
                with socket.create_connection((GUEST_IP, 5001), timeout=bound) as s:
                    s.settimeout(bound)
                    s.sendall(b'abc')
                    s.shutdown(socket.SHUT_WR)
                    new_connection = s.recv(256).startswith(b'3 ba7816bf')
            except OSError as e:
                print('new connection during the flood: %r' % e, flush=True)
                new_connection = False
        time.sleep(0.01)
    if finished_at is None:
        os.kill(child, 9)
        os.waitpid(child, 0)
    after = counters()
    dropped_at_tap = int(open('/sys/class/net/%s/statistics/tx_dropped' % IFACE).read()) - dropped_at_tap
    # What the guest sent meanwhile (queued on the packet socket): ARP requests, SYN-ACKs.
    arp_targets, arp_requests, syn_acks = set(), 0, 0
    for frame in guest_frames(0.5):
        if frame[12:14] == b'\x08\x06' and frame[20:22] == b'\x00\x01':
            arp_requests += 1
            arp_targets.add(frame[38:42])
        elif parse(frame)[3] == 6 and tcp_fields(parse(frame)[4])[4] & (SYN | ACK) == SYN | ACK:
            syn_acks += 1
    print('the guest sent %d SYN-ACKs and %d ARP requests for %d addresses, %d of them for the host (%s)'
          % (syn_acks, arp_requests, len(arp_targets), sum(1 for t in arp_targets if t == aton(HOST_IP)), HOST_IP), flush=True)
    rtts_ms = sorted(r * 1000 for r in rtts)
    delta = dict((k, after[k] - before[k]) for k in after)
    print('flood of %d SYNs from a /%d: tap dropped %d; guest: SYN queue full %d, ARP queue full %d, ARP unresolved %d, '
          'TCP segments received %d, resets sent %d' % (syns, prefix, dropped_at_tap, delta['DroppedTcpSynQueueFull'], delta['DroppedArpQueueFull'],
                              delta['DroppedArpUnresolved'],
                              delta['TcpSegmentsReceived'], delta['TcpResetsSent']), flush=True)
    print('echo during the flood: %d answered, %d lost, max %.1f ms, median %.1f ms; new connection during the flood %s'
          % (len(rtts), lost, rtts_ms[-1] if rtts_ms else -1, rtts_ms[len(rtts_ms) // 2] if rtts_ms else -1, new_connection), flush=True)
    if lost or len(rtts) < 20 or not new_connection:
        fail('the established connection or a new one did not work during the flood')
    print('counters after the flood: ' + ' '.join('%s=%+d' % (k, v) for k, v in sorted(delta.items()) if v), flush=True)


def martians():
    """RFC 1122 3.2.1.3: a host discards packets whose source cannot be a host (loopback 127/8, 0.0.0.0, a broadcast
    address), and (as Linux's icmp_echo_ignore_broadcasts) does not answer echo requests sent to a broadcast address."""
    for name, src, dst, packet in [
        ('udp-from-127.0.0.1', '127.0.0.1', GUEST_IP, None),
        ('udp-from-0.0.0.0', '0.0.0.0', GUEST_IP, None),
        ('udp-from-subnet-broadcast', '10.0.2.255', GUEST_IP, None),
        ('tcp-syn-from-127.0.0.1', '127.0.0.1', GUEST_IP, 'syn'),
        ('icmp-echo-to-subnet-broadcast', HOST_IP, '10.0.2.255', 'ping'),
        ('icmp-echo-to-255.255.255.255', HOST_IP, '255.255.255.255', 'ping'),
    ]:
        if packet is None:
            l4 = udp(src, dst, 40000, 7, b'martian')
            proto = 17
        elif packet == 'syn':
            l4 = tcp(src, dst, 40000, 7, 1, 0, SYN)
            proto = 6
        else:
            l4 = icmp_echo(7, 7, b'martian')
            proto = 1
        drain()
        before = counters()
        tx.send(ether(ipv4(src, dst, proto, l4), dst=GUEST_MAC if dst == GUEST_IP else b'\xff' * 6))
        # The guest's answers: frames of the same protocol, except the control connection's (TCP to the host).
        answers = sum(1 for f in guest_frames(0.3) if parse(f)[3] == proto and (proto != 6 or parse(f)[2] != HOST_IP))
        after = counters()
        changed = ' '.join('%s=%+d' % (k, after[k] - before[k]) for k in sorted(after)
                           if after[k] != before[k] and k.startswith(('Dropped', 'UdpEchoed', 'TcpResets', 'TcpSegmentsSent')))
        print('martian %s: answers on the wire %d; %s' % (name, answers, changed), flush=True)


try:
    if MODE == 'martians':
        martians()
    elif MODE == 'malformed':
        malformed()
    elif MODE == 'flood':
        flood(int(sys.argv[4]), int(sys.argv[5]), float(sys.argv[6]))
    else:
        fail('unknown mode ' + MODE)
except OSError as e:
    fail('%s: %r' % (MODE, e))
finally:
    try:
        print('quit ' + control('quit'), flush=True)
    except OSError as e:
        fail('quit: %r' % e)
sys.exit(1 if failed else 0)
