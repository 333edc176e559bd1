#!/usr/bin/env python3
"""Writes demo.pcap: a few synthetic flows, one or more per protocol Fenghuo decodes (DNS over UDP and
IPv6, HTTP, ICMP echo, a Modbus/TCP session reading then writing a holding register of a PLC, TLS
ClientHello/ServerHello, SSH banners, a DNP3 class-0 poll, an S7comm setup and read, an IEC 104
start and general interrogation), a UDP datagram in two IPv4 fragments, and one malformed packet
(an IPv4 header length below the minimum), which `decode pcap` counts and dead-letters. For the
quick start (`./fenghuo decode pcap samples/demo.pcap`) and for the package-time training run that
fills the class-data-sharing archive with the classes `decode pcap` loads.
Regenerate with: python3 make-demo-pcap.py > demo.pcap"""
import struct, sys

def eth(payload, ethertype=0x0800):
    return b'\x02\x00\x00\x00\x00\x02' + b'\x02\x00\x00\x00\x00\x01' + struct.pack('!H', ethertype) + payload

def checksum(data):
    """The Internet checksum (RFC 1071)."""
    if len(data) % 2:
        data += b'\x00'
    total = sum(struct.unpack('!%dH' % (len(data) // 2), data))
    while total >> 16:
        total = (total & 0xFFFF) + (total >> 16)
    return ~total & 0xFFFF

# Where TCP, UDP and ICMP keep their checksum; TCP and UDP also sum a pseudo-header.
CHECKSUM_AT = {6: 16, 17: 6, 1: 2, 58: 2}

def with_checksum(pseudo, proto, segment):
    at = CHECKSUM_AT.get(proto)
    if at is None or len(segment) < at + 2:
        return segment
    blank = segment[:at] + b'\x00\x00' + segment[at + 2:]
    value = checksum((pseudo if proto != 1 else b'') + blank)
    if proto == 17 and value == 0:
        value = 0xFFFF
    return segment[:at] + struct.pack('!H', value) + segment[at + 2:]

def ipv4_header(src, dst, proto, length, ident=1, flags=0x4000, ihl=5):
    header = struct.pack('!BBHHHBBH4s4s', 0x40 | ihl, 0, length, ident, flags, 64, proto, 0, bytes(src), bytes(dst))
    return header[:10] + struct.pack('!H', checksum(header)) + header[12:]

def ipv4(src, dst, proto, payload):
    pseudo = struct.pack('!4s4sBBH', bytes(src), bytes(dst), 0, proto, len(payload))
    return ipv4_header(src, dst, proto, 20 + len(payload)) + with_checksum(pseudo, proto, payload)

def ipv6(src, dst, nh, payload):
    pseudo = struct.pack('!16s16sIxxxB', bytes(src), bytes(dst), len(payload), nh)
    return (struct.pack('!IHBB16s16s', 6 << 28, len(payload), nh, 64, bytes(src), bytes(dst))
            + with_checksum(pseudo, nh, payload))

def tcp(sport, dport, seq, ack, flags, data=b''):
    return struct.pack('!HHIIBBHHH', sport, dport, seq, ack, 5 << 4, flags, 65535, 0, 0) + data

def udp(sport, dport, data):
    return struct.pack('!HHHH', sport, dport, 8 + len(data), 0) + data

def dns(qid, response):
    q = b'\x07example\x03com\x00' + struct.pack('!HH', 1, 1)
    flags = 0x8180 if response else 0x0100
    msg = struct.pack('!HHHHHH', qid, flags, 1, 1 if response else 0, 0, 0) + q
    if response:
        msg += b'\xc0\x0c' + struct.pack('!HHIH', 1, 1, 300, 4) + bytes([93, 184, 216, 34])
    return msg

C, S, R = [10, 0, 0, 1], [10, 0, 0, 2], [10, 0, 0, 53]
C6, S6 = [0x20, 0x01, 0x0d, 0xb8] + [0] * 11 + [1], [0x20, 0x01, 0x0d, 0xb8] + [0] * 11 + [2]
SYN, ACK, PSH, FIN = 0x02, 0x10, 0x08, 0x01
req = b'GET / HTTP/1.1\r\nHost: example.com\r\nUser-Agent: training\r\n\r\n'
resp = b'HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nok'
frames = [
    eth(ipv4(R[:3] + [9], R, 17, udp(40000, 53, dns(7, False)))),
    eth(ipv4(R, R[:3] + [9], 17, udp(53, 40000, dns(7, True)))),
    eth(ipv4(C, S, 6, tcp(50000, 80, 1000, 0, SYN))),
    eth(ipv4(S, C, 6, tcp(80, 50000, 5000, 1001, SYN | ACK))),
    eth(ipv4(C, S, 6, tcp(50000, 80, 1001, 5001, ACK))),
    eth(ipv4(C, S, 6, tcp(50000, 80, 1001, 5001, PSH | ACK, req))),
    eth(ipv4(S, C, 6, tcp(80, 50000, 5001, 1001 + len(req), PSH | ACK, resp))),
    eth(ipv4(C, S, 6, tcp(50000, 80, 1001 + len(req), 5001 + len(resp), FIN | ACK))),
    eth(ipv4(S, C, 6, tcp(80, 50000, 5001 + len(resp), 1002 + len(req), FIN | ACK))),
    eth(ipv4(C, S, 6, tcp(50000, 80, 1002 + len(req), 5002 + len(resp), ACK))),
    eth(ipv4(C, S, 1, struct.pack('!BBHHH', 8, 0, 0, 1, 1) + b'ping')),
    eth(ipv4(S, C, 1, struct.pack('!BBHHH', 0, 0, 0, 1, 1) + b'ping')),
    eth(ipv6(C6, S6, 17, udp(40001, 53, dns(8, False))), 0x86DD),
    eth(ipv6(S6, C6, 17, udp(53, 40001, dns(8, True))), 0x86DD),
]
# Modbus/TCP: an engineering host reads holding registers 100-101 of unit 1, then writes register 100.
H, PLC = [10, 0, 0, 20], [10, 0, 0, 50]
def mbap(tid, pdu):
    return struct.pack('!HHHB', tid, 0, len(pdu) + 1, 1) + pdu
mb = [
    (H, PLC, mbap(1, struct.pack('!BHH', 3, 100, 2))),
    (PLC, H, mbap(1, struct.pack('!BBHH', 3, 4, 215, 7))),
    (H, PLC, mbap(2, struct.pack('!BHH', 6, 100, 250))),
    (PLC, H, mbap(2, struct.pack('!BHH', 6, 100, 250))),
]
seq = {0: 2000, 1: 9000}
frames += [eth(ipv4(H, PLC, 6, tcp(51000, 502, 1999, 0, SYN))),
           eth(ipv4(PLC, H, 6, tcp(502, 51000, 8999, 2000, SYN | ACK))),
           eth(ipv4(H, PLC, 6, tcp(51000, 502, 2000, 9000, ACK)))]
for src, dst, data in mb:
    d = 0 if src == H else 1
    sport, dport = (51000, 502) if d == 0 else (502, 51000)
    frames.append(eth(ipv4(src, dst, 6, tcp(sport, dport, seq[d], seq[1 - d], PSH | ACK, data))))
    seq[d] += len(data)

def session(client, server, cport, sport, exchanges, isn=(30000, 70000)):
    """A TCP session: handshake, each (from_client, data) segment in turn, then FIN both ways."""
    seq = {0: isn[0], 1: isn[1]}
    got = [eth(ipv4(client, server, 6, tcp(cport, sport, seq[0], 0, SYN))),
           eth(ipv4(server, client, 6, tcp(sport, cport, seq[1], seq[0] + 1, SYN | ACK)))]
    seq[0] += 1
    seq[1] += 1
    got.append(eth(ipv4(client, server, 6, tcp(cport, sport, seq[0], seq[1], ACK))))
    for from_client, data in exchanges:
        d = 0 if from_client else 1
        src, dst, sp, dp = (client, server, cport, sport) if from_client else (server, client, sport, cport)
        got.append(eth(ipv4(src, dst, 6, tcp(sp, dp, seq[d], seq[1 - d], PSH | ACK, data))))
        seq[d] += len(data)
    got.append(eth(ipv4(client, server, 6, tcp(cport, sport, seq[0], seq[1], FIN | ACK))))
    got.append(eth(ipv4(server, client, 6, tcp(sport, cport, seq[1], seq[0] + 1, FIN | ACK))))
    got.append(eth(ipv4(client, server, 6, tcp(cport, sport, seq[0] + 1, seq[1] + 1, ACK))))
    return got

# SSH: the two banners.
frames += session(C, S, 50100, 22, [(True, b'SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3\r\n'),
                                    (False, b'SSH-2.0-OpenSSH_8.9p1 Ubuntu-3ubuntu0.10\r\n')])

# TLS 1.3: a ClientHello with SNI and ALPN, and the ServerHello.
def ext(kind, body):
    return struct.pack('!HH', kind, len(body)) + body
def handshake(kind, body, record_version=b'\x03\x01'):
    msg = bytes([kind]) + len(body).to_bytes(3, 'big') + body
    return b'\x16' + record_version + struct.pack('!H', len(msg)) + msg
def key_share(public):
    return struct.pack('!HH', 0x001d, len(public)) + public
sni = b'\x00' + struct.pack('!H', len(b'demo.example.com')) + b'demo.example.com'
client_exts = (ext(0, struct.pack('!H', len(sni)) + sni)
               + ext(10, struct.pack('!HHH', 4, 0x001d, 0x0017))
               + ext(11, b'\x01\x00')
               + ext(13, struct.pack('!HHHH', 6, 0x0403, 0x0804, 0x0401))
               + ext(16, struct.pack('!H', 12) + b'\x02h2\x08http/1.1')
               + ext(43, b'\x04\x03\x04\x03\x03')
               + ext(51, struct.pack('!H', 36) + key_share(bytes(range(64, 96)))))
client_hello = (b'\x03\x03' + bytes(range(32)) + b'\x00' + struct.pack('!HHHH', 6, 0x1301, 0x1302, 0xc02f)
                + b'\x01\x00' + struct.pack('!H', len(client_exts)) + client_exts)
server_exts = ext(43, b'\x03\x04') + ext(51, key_share(bytes(range(96, 128))))
server_hello = (b'\x03\x03' + bytes(range(32, 64)) + b'\x00' + struct.pack('!H', 0x1301) + b'\x00'
                + struct.pack('!H', len(server_exts)) + server_exts)
frames += session(C, S, 50200, 443, [(True, handshake(1, client_hello)),
                                     (False, handshake(2, server_hello, record_version=b'\x03\x03'))])

# DNP3: a master polls class 0 (READ group 60 variation 1, all objects); the outstation responds.
def dnp3_crc(data):
    crc = 0
    for byte in data:
        crc ^= byte
        for _ in range(8):
            crc = (crc >> 1) ^ 0xA6BC if crc & 1 else crc >> 1
    return struct.pack('<H', ~crc & 0xFFFF)
def dnp3(control, dst, src, user):
    header = b'\x05\x64' + bytes([5 + len(user), control]) + struct.pack('<HH', dst, src)
    body = b''.join(user[i:i + 16] + dnp3_crc(user[i:i + 16]) for i in range(0, len(user), 16))
    return header + dnp3_crc(header) + body
poll = dnp3(0xC4, 10, 1, b'\xC0' + b'\xC0\x01' + b'\x3C\x01\x06')
answer = dnp3(0x44, 1, 10, b'\xC0' + b'\xC0\x81\x00\x00')
MASTER, OUTSTATION = [10, 0, 0, 21], [10, 0, 0, 60]
frames += session(MASTER, OUTSTATION, 50300, 20000, [(True, poll), (False, answer)])

# S7comm: COTP connect, setup communication, then a read of DB1 bytes 0-3.
def tpkt(payload):
    return struct.pack('!BBH', 3, 0, 4 + len(payload)) + payload
cotp_cr = tpkt(b'\x11\xE0\x00\x00\x00\x01\x00\xC1\x02\x01\x00\xC2\x02\x01\x02\xC0\x01\x0A')
cotp_cc = tpkt(b'\x11\xD0\x00\x01\x00\x01\x00\xC1\x02\x01\x00\xC2\x02\x01\x02\xC0\x01\x0A')
def s7(rosctr, ref, params, data=b'', error=b''):
    header = struct.pack('!BBHHHH', 0x32, rosctr, 0, ref, len(params), len(data)) + error
    return tpkt(b'\x02\xF0\x80' + header + params + data)
setup = s7(1, 1, b'\xF0\x00\x00\x01\x00\x01\x01\xE0')
setup_ack = s7(3, 1, b'\xF0\x00\x00\x01\x00\x01\x00\xF0', error=b'\x00\x00')
read_item = b'\x12\x0A\x10\x02\x00\x04\x00\x01\x84\x00\x00\x00'
read = s7(1, 2, b'\x04\x01' + read_item)
read_ack = s7(3, 2, b'\x04\x01', b'\xFF\x04\x00\x20\x01\x02\x03\x04', error=b'\x00\x00')
HMI = [10, 0, 0, 22]
frames += session(HMI, PLC, 50400, 102, [(True, cotp_cr), (False, cotp_cc), (True, setup), (False, setup_ack),
                                         (True, read), (False, read_ack)])

# IEC 60870-5-104: STARTDT, then a general interrogation (type 100, cause 6) and its confirmation (cause 7).
def apdu(control, asdu=b''):
    return bytes([0x68, 4 + len(asdu)]) + control + asdu
interrogation = bytes([100, 1, 6, 0]) + struct.pack('<H', 1) + b'\x00\x00\x00' + bytes([20])
confirmation = bytes([100, 1, 7, 0]) + struct.pack('<H', 1) + b'\x00\x00\x00' + bytes([20])
SCADA, RTU = [10, 0, 0, 23], [10, 0, 0, 70]
frames += session(SCADA, RTU, 50500, 2404, [(True, apdu(b'\x07\x00\x00\x00')), (False, apdu(b'\x0B\x00\x00\x00')),
                                           (True, apdu(b'\x00\x00\x00\x00', interrogation)),
                                           (False, apdu(b'\x00\x00\x02\x00', confirmation))])

# A UDP datagram in two IPv4 fragments (offsets 0 and 48 bytes), reassembled into one flow.
datagram = udp(40100, 9999, bytes(range(100)))
datagram = with_checksum(struct.pack('!4s4sBBH', bytes(C), bytes(S), 0, 17, len(datagram)), 17, datagram)
def fragment(offset, more, part):
    flags = (0x2000 if more else 0) | (offset // 8)
    return eth(ipv4_header(C, S, 17, 20 + len(part), ident=77, flags=flags) + part)
frames += [fragment(0, True, datagram[:48]), fragment(48, False, datagram[48:])]

# One malformed packet: an IPv4 header length of 16 bytes, below the minimum of 20.
frames.append(eth(ipv4_header(C, S, 6, 40, ihl=4) + bytes(20)))

out = sys.stdout.buffer
out.write(struct.pack('<IHHiIII', 0xA1B2C3D4, 2, 4, 0, 0, 65535, 1))
for i, f in enumerate(frames):
    out.write(struct.pack('<IIII', 1_700_000_000 + i, 1000 * i, len(f), len(f)))
    out.write(f)
