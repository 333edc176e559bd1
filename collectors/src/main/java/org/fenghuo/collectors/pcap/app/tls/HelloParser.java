package org.fenghuo.collectors.pcap.app.tls;

import java.util.ArrayList;
import java.util.List;

/** Parses ClientHello and ServerHello bodies (the bytes after the 4-byte handshake header). */
final class HelloParser {
    static final int SERVER_NAME = 0x0000;
    static final int SUPPORTED_GROUPS = 0x000a;
    static final int EC_POINT_FORMATS = 0x000b;
    static final int SIGNATURE_ALGORITHMS = 0x000d;
    static final int ALPN = 0x0010;
    static final int SUPPORTED_VERSIONS = 0x002b;

    /** The random of a HelloRetryRequest: SHA-256 of "HelloRetryRequest" (RFC 8446 4.1.3). */
    private static final byte[] HELLO_RETRY_REQUEST = java.util.HexFormat.of()
            .parseHex("cf21ad74e59a6111be1d8c021e65b891c2a211167abb8c5e079e09e2c8a8339c");

    private HelloParser() {
    }

    static ClientHello clientHello(byte[] body, int off, int len) throws TlsMalformed {
        Reader r = new Reader(body, off, len);
        int version = r.u16("client hello");
        r.skip(32, "random");
        int sessionId = r.u8("session id");
        if (sessionId > 32) {
            throw new TlsMalformed("bad session id length", String.valueOf(sessionId));
        }
        r.skip(sessionId, "session id");
        int cipherBytes = r.u16("cipher suites");
        if (cipherBytes % 2 != 0) {
            throw new TlsMalformed("bad cipher suites length", String.valueOf(cipherBytes));
        }
        List<Integer> ciphers = u16List(r.sub(cipherBytes, "cipher suites"));
        Reader comp = r.sub(r.u8("compression methods"), "compression methods");
        List<Integer> compression = new ArrayList<>();
        while (comp.remaining() > 0) {
            compression.add(comp.u8("compression methods"));
        }
        List<Integer> extensions = new ArrayList<>();
        String sni = null;
        List<Integer> groups = List.of();
        List<Integer> formats = List.of();
        List<Integer> sigAlgs = List.of();
        List<String> alpn = List.of();
        List<Integer> versions = List.of();
        if (r.remaining() > 0) {
            Reader ext = r.sub(r.u16("extensions"), "extensions");
            while (ext.remaining() > 0) {
                int type = ext.u16("extension");
                Reader e = ext.sub(ext.u16("extension"), "extension");
                extensions.add(type);
                switch (type) {
                    case SERVER_NAME -> sni = sni == null ? serverName(e) : sni;
                    case SUPPORTED_GROUPS -> groups = u16List(e.sub(e.u16("supported groups"), "supported groups"));
                    case EC_POINT_FORMATS -> formats = u8List(e.sub(e.u8("point formats"), "point formats"));
                    case SIGNATURE_ALGORITHMS -> sigAlgs = u16List(e.sub(e.u16("signature algorithms"), "signature algorithms"));
                    case ALPN -> alpn = alpn(e);
                    case SUPPORTED_VERSIONS -> versions = u16List(e.sub(e.u8("supported versions"), "supported versions"));
                    default -> {
                    }
                }
            }
        }
        return new ClientHello(version, ciphers, compression, extensions, sni, groups, formats, sigAlgs, alpn, versions);
    }

    static ServerHello serverHello(byte[] body, int off, int len) throws TlsMalformed {
        Reader r = new Reader(body, off, len);
        int version = r.u16("server hello");
        boolean retry = len >= 34 && java.util.Arrays.equals(body, off + 2, off + 34, HELLO_RETRY_REQUEST, 0, 32);
        r.skip(32, "random");
        int sessionId = r.u8("session id");
        if (sessionId > 32) {
            throw new TlsMalformed("bad session id length", String.valueOf(sessionId));
        }
        r.skip(sessionId, "session id");
        int cipher = r.u16("cipher suite");
        int compression = r.u8("compression method");
        List<Integer> extensions = new ArrayList<>();
        int selected = -1;
        List<String> alpn = List.of();
        if (r.remaining() > 0) {
            Reader ext = r.sub(r.u16("extensions"), "extensions");
            while (ext.remaining() > 0) {
                int type = ext.u16("extension");
                Reader e = ext.sub(ext.u16("extension"), "extension");
                extensions.add(type);
                if (type == SUPPORTED_VERSIONS) {
                    selected = e.u16("supported versions");
                } else if (type == ALPN) {
                    alpn = alpn(e);
                }
            }
        }
        return new ServerHello(version, cipher, compression, extensions, selected, alpn, retry);
    }

    private static String serverName(Reader e) throws TlsMalformed {
        Reader list = e.sub(e.u16("server name list"), "server name list");
        while (list.remaining() > 0) {
            int nameType = list.u8("server name");
            String name = list.latin1(list.u16("server name"), "server name");
            if (nameType == 0) {
                return name;
            }
        }
        return null;
    }

    private static List<String> alpn(Reader e) throws TlsMalformed {
        Reader list = e.sub(e.u16("alpn list"), "alpn list");
        List<String> names = new ArrayList<>();
        while (list.remaining() > 0) {
            names.add(list.latin1(list.u8("alpn protocol"), "alpn protocol"));
        }
        return names;
    }

    private static List<Integer> u16List(Reader r) throws TlsMalformed {
        List<Integer> values = new ArrayList<>(r.remaining() / 2);
        while (r.remaining() >= 2) {
            values.add(r.u16("list"));
        }
        if (r.remaining() != 0) {
            throw new TlsMalformed("bad list length", "odd length of a 16-bit list");
        }
        return values;
    }

    private static List<Integer> u8List(Reader r) throws TlsMalformed {
        List<Integer> values = new ArrayList<>(r.remaining());
        while (r.remaining() > 0) {
            values.add(r.u8("list"));
        }
        return values;
    }
}
