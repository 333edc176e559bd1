package org.fenghuo.collectors.pcap.app.http;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.fenghuo.collectors.pcap.app.AppAnalyzer;
import org.fenghuo.collectors.pcap.app.AppProtocol;
import org.fenghuo.collectors.pcap.app.Direction;

/**
 * HTTP/1.x on any TCP port, recognised from the start of a stream: a request method the
 * initiator sends or a status line the responder sends. Ports are not trusted: proxies, admin
 * consoles and malware use every port, and port 80 carries non-HTTP too.
 */
public final class HttpProtocol implements AppProtocol {
    /** RFC 9110 methods and the WebDAV / versioning ones seen in the wild, each followed by a space. */
    static final List<byte[]> METHODS = List.of("GET", "POST", "HEAD", "PUT", "DELETE", "OPTIONS", "CONNECT",
                    "TRACE", "PATCH", "PROPFIND", "PROPPATCH", "MKCOL", "COPY", "MOVE", "LOCK", "UNLOCK", "SEARCH",
                    "REPORT", "MKACTIVITY", "CHECKOUT", "MERGE", "MKCALENDAR", "ACL")
            .stream().map(m -> (m + " ").getBytes(StandardCharsets.US_ASCII)).toList();
    private static final byte[] STATUS = "HTTP/1.".getBytes(StandardCharsets.US_ASCII);

    @Override
    public String name() {
        return "http";
    }

    @Override
    public boolean matches(int transport, int initiatorPort, int responderPort, Direction direction, byte[] data,
                           int off, int len) {
        if (transport != 6) {
            return false;
        }
        if (startsWith(data, off, len, STATUS)) {
            // normally the responder's; the initiator's when the capture began mid-connection with
            // the server's packet (the flow table then calls the server the initiator)
            return true;
        }
        if (direction == Direction.TO_INITIATOR) {
            return false;
        }
        for (byte[] method : METHODS) {
            if (startsWith(data, off, len, method)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public AppAnalyzer newAnalyzer(org.fenghuo.collectors.pcap.flow.FlowContext flow) {
        return new HttpAnalyzer();
    }

    private static boolean startsWith(byte[] data, int off, int len, byte[] prefix) {
        if (len < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[off + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
