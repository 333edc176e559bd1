package org.fenghuo.collectors.pcap.app.dnp3;

import static org.fenghuo.collectors.pcap.app.TestBytes.bytes;

import java.io.ByteArrayOutputStream;

/** Builds DNP3 link frames with correct CRCs for tests. */
final class Dnp3Frames {
    private Dnp3Frames() {
    }

    /** One link frame; {@code user} is transport header plus application bytes (may be empty). */
    static byte[] frame(int control, int destination, int source, byte[] user) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] header = bytes(0x05, 0x64, 5 + user.length, control, destination & 0xff, destination >> 8,
                source & 0xff, source >> 8);
        out.writeBytes(header);
        crc(out, header, 0, 8);
        for (int i = 0; i < user.length; i += 16) {
            int n = Math.min(16, user.length - i);
            out.write(user, i, n);
            crc(out, user, i, n);
        }
        return out.toByteArray();
    }

    /** An application fragment in as many unconfirmed user data frames as it needs (max 249 bytes each). */
    static byte[] fragment(boolean fromMaster, int destination, int source, byte[] app) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int seq = 0;
        for (int i = 0; i < app.length || i == 0; i += 249, seq++) {
            int n = Math.min(249, app.length - i);
            byte[] user = new byte[n + 1];
            user[0] = (byte) ((i == 0 ? 0x40 : 0) | (i + n >= app.length ? 0x80 : 0) | seq);
            System.arraycopy(app, i, user, 1, n);
            out.writeBytes(frame((fromMaster ? 0x80 : 0) | 0x44, destination, source, user));
        }
        return out.toByteArray();
    }

    private static void crc(ByteArrayOutputStream out, byte[] b, int off, int len) {
        int crc = Dnp3Crc.crc(b, off, len);
        out.write(crc & 0xff);
        out.write(crc >> 8);
    }
}
