package org.fenghuo.collectors.pcap.app.tls;

/** Big-endian reads within {@code [pos, end)}; every read checks its bounds. */
final class Reader {
    private final byte[] data;
    private int pos;
    private final int end;

    Reader(byte[] data, int off, int len) {
        this.data = data;
        this.pos = off;
        this.end = off + len;
    }

    int remaining() {
        return end - pos;
    }

    int u8(String what) throws TlsMalformed {
        need(1, what);
        return data[pos++] & 0xff;
    }

    int u16(String what) throws TlsMalformed {
        need(2, what);
        int v = ((data[pos] & 0xff) << 8) | (data[pos + 1] & 0xff);
        pos += 2;
        return v;
    }

    void skip(int n, String what) throws TlsMalformed {
        need(n, what);
        pos += n;
    }

    /** A sub-reader over the next {@code n} bytes, which this reader skips. */
    Reader sub(int n, String what) throws TlsMalformed {
        need(n, what);
        Reader r = new Reader(data, pos, n);
        pos += n;
        return r;
    }

    String latin1(int n, String what) throws TlsMalformed {
        need(n, what);
        String s = new String(data, pos, n, java.nio.charset.StandardCharsets.ISO_8859_1);
        pos += n;
        return s;
    }

    private void need(int n, String what) throws TlsMalformed {
        if (n < 0 || n > end - pos) {
            throw new TlsMalformed("bad " + what + " length", "needs " + n + " bytes, " + (end - pos) + " left");
        }
    }
}
