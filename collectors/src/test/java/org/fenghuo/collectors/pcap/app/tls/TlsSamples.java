package org.fenghuo.collectors.pcap.app.tls;


import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Real hellos for tests, as handshake messages (4-byte header included), and ways to put them in
 * records. Copied from two suricata-verify captures (Apache 2 / GPL test data of the OISF): their
 * fingerprints as computed by Suricata 7.0.10 are the expected values of the tests.
 */
final class TlsSamples {
    /** ja4-cl-handshake frame 4: a TLS 1.2 ClientHello for "dogfish", no GREASE, no ALPN. */
    static final byte[] CLIENT_HELLO_12 = hex("010000c9030302a9f7d86c1972a0f1e8408ec5852c3a10a6a114781ccbcdccd7ef21a796de60000038c02cc030009fcca9cc"
            + "a8ccaac02bc02f009ec024c028006bc023c0270067c00ac0140039c009c0130033009d009c003d003c0035002f00ff010000"
            + "680000000c000a000007646f6766697368000b000403000102000a000c000a001d0017001e00190018002300000016000000"
            + "170000000d0030002e040305030603080708080809080a080b08040805080604010501060103030203030102010302020204"
            + "0205020602");
    /** ja4-cl-handshake frame 6 (its first message): the ServerHello choosing 0xc030. */
    static final byte[] SERVER_HELLO_12 = hex("0200003d03036fc423565fc896271f5edb40813dc85b562a50ec02cc85fc24f66579655ad8e200c030000015ff0100010000"
            + "0b0004030001020023000000170000");
    /** tls-alpn-log-detect-02 frame 4: a Safari-like ClientHello with GREASE, ALPN h2 and http/1.1, TLS 1.3 offered. */
    static final byte[] CLIENT_HELLO_GREASE = hex("010001fc0303789475757d933affffe00d7e2790de93ec3f54ea4e76e6b1a6e214a30dc3dc2320f262dfc87088c089ae3a6a"
            + "f9fddc4cf6fae990700e9d72a686e86ece09b75f4d002a2a2a130113021303c02cc02bcca9c030c02fcca8c00ac009c014c0"
            + "13009d009c0035002fc008c012000a010001891a1a00000000001d001b000018703133302d636f6e74616374732e69636c6f"
            + "75642e636f6d00170000ff01000100000a000c000adada001d001700180019000b000201000010000e000c02683208687474"
            + "702f312e31000500050100000000000d0018001604030804040105030203080508050501080606010201001200000033002b"
            + "0029dada000100001d0020d7201097a2ac36b5d6cb6f5c21f44d01fbf0d09ed37d7374b1b0aae2f35d9272002d0002010100"
            + "2b000b0a2a2a0304030303020301001b0003020001fafa000100001500b6" + "00".repeat(182));
    /** tls-alpn-log-detect-02 frame 6 (its first message): a TLS 1.2 ServerHello choosing http/1.1. */
    static final byte[] SERVER_HELLO_ALPN = hex("0200007003037c76f7a191dd3f2406b028120a6c825b800427c95e7dfe410215f482e0fea32d20bdd2a6794b2b21a246c34e"
            + "04c2a7925868a67c0bd8043c05d16e18b634254cd0c02c000028ff0100010000000000000b00040300010200050000001000"
            + "0b000908687474702f312e3100170000");

    private TlsSamples() {
    }

    static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    /** The handshake message's body (without its 4-byte header). */
    static byte[] body(byte[] message) {
        return Arrays.copyOfRange(message, 4, message.length);
    }

    /** One TLS 1.2 handshake record (content type 22) holding {@code payload}. */
    static byte[] record(byte[] payload) {
        return record(22, payload);
    }

    static byte[] record(int contentType, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(contentType);
        out.write(3);
        out.write(contentType == 22 ? 1 : 3);
        out.write(payload.length >> 8);
        out.write(payload.length);
        out.writeBytes(payload);
        return out.toByteArray();
    }

    /** {@code message} split at {@code at} into two handshake records, back to back. */
    static byte[] twoRecords(byte[] message, int at) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(record(Arrays.copyOfRange(message, 0, at)));
        out.writeBytes(record(Arrays.copyOfRange(message, at, message.length)));
        return out.toByteArray();
    }
}
