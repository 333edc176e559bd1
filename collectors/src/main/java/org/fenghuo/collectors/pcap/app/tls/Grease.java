package org.fenghuo.collectors.pcap.app.tls;

/** GREASE values (RFC 8701): 0x0A0A, 0x1A1A, ... 0xFAFA, reserved so that peers must ignore them. */
final class Grease {
    private Grease() {
    }

    static boolean is(int value) {
        return (value & 0x0f0f) == 0x0a0a && (value >> 8) == (value & 0xff);
    }
}
