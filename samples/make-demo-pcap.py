#!/usr/bin/env python3
"""Writes demo.pcap: a few synthetic flows (DNS over UDP and IPv6, HTTP, ICMP echo, and a Modbus/TCP
session reading then writing a holding register of a PLC) for the quick start
(`./fenghuo decode pcap samples/demo.pcap`) and for the package-time training run that fills the
class-data-sharing archive with the classes `decode pcap` loads.
Regenerate with: python3 make-demo-pcap.py > demo.pcap"""
import struct, sys

def eth(payload, ethertype=0x0800):
    return b'\x02\x00\x00\x00\x00\x02' + b'\x02\x00\x00\x00\x00\x01' + struct.pack('!H', ethertype) + payload

def ipv4(src, dst, proto, payload):
    total = 20 + len(payload)
    return struct.pack('!BBHHHBBH4s4s', 0x45, 0, total, 1, 0x4000, 64, proto, 0,
                       bytes(src), bytes(dst)) + payload

def ipv6(src, dst, nh, payload):
    return struct.pack('!IHBB16s16s', 6 << 28, len(payload), nh, 64, bytes(src), bytes(dst)) + payload

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
out = sys.stdout.buffer
out.write(struct.pack('<IHHiIII', 0xA1B2C3D4, 2, 4, 0, 0, 65535, 1))
for i, f in enumerate(frames):
    out.write(struct.pack('<IIII', 1_700_000_000 + i, 1000 * i, len(f), len(f)))
    out.write(f)
