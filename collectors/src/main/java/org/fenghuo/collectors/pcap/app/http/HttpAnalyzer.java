package org.fenghuo.collectors.pcap.app.http;

import java.util.ArrayDeque;
import org.fenghuo.collectors.pcap.app.AppAnalyzer;
import org.fenghuo.collectors.pcap.app.AppOutput;
import org.fenghuo.collectors.pcap.app.Direction;

/**
 * Follows one HTTP/1.x connection: request heads from the initiator, response heads from the
 * responder, bodies skipped by their framing so that keep-alive and pipelined messages are found.
 * Responses pair with requests in order (RFC 9112 9.3.2); each pair is one event, emitted when the
 * response head is complete. Stops (after emitting what is pending) on a protocol switch (101, a
 * CONNECT tunnel), a hole in the stream it cannot skip, or bytes that are not HTTP.
 */
public final class HttpAnalyzer implements AppAnalyzer {
    /** Requests sent ahead of their responses; more means the responses are not being seen. */
    static final int MAX_PENDING = 32;

    /** One direction's parsing state: reading a head, skipping a body, or ignoring (tunnel). */
    private static final class Side {
        final HeadReader head;
        final String badStart;
        BodyReader body;
        boolean ignoring;
        /**
         * A hole ran past a body's end: the next bytes may start a message (tried once) or be the
         * rest of a lost one (then analysis stops quietly: that is loss, not malformed HTTP).
         */
        boolean resync;

        Side(HeadReader.StartCheck check, String badStart) {
            this.head = new HeadReader(check);
            this.badStart = badStart;
        }
    }

    private final ArrayDeque<Request> pending = new ArrayDeque<>();
    // a request starts with a method token (the longest known is 11 characters); a response with "HTTP/"
    private final Side requests = new Side((b, i) -> i < 24 && RequestLine.isTokenChar(b), "bad request line");
    private final Side responses = new Side((b, i) -> i >= 5 || b == "HTTP/".charAt(i), "bad status line");
    private boolean stopped;
    /** The direction requests travel: normally to the responder, reversed when the capture began mid-connection. */
    private Direction toServer;

    @Override
    public void data(Direction direction, byte[] data, int off, int len, long ts, AppOutput out) {
        if (toServer == null) {
            // the flow table takes the first packet's sender as initiator: without the handshake
            // that may be the server, whose stream then starts with a status line
            boolean status = len >= 5 && data[off] == 'H' && data[off + 1] == 'T' && data[off + 2] == 'T'
                    && data[off + 3] == 'P' && data[off + 4] == '/';
            toServer = status && direction == Direction.TO_RESPONDER ? Direction.TO_INITIATOR : Direction.TO_RESPONDER;
        }
        Side side = direction == toServer ? requests : responses;
        int end = off + len;
        while (off < end && !stopped && !side.ignoring) {
            if (side.body != null) {
                off += side.body.consume(data, off, end - off);
                if (side.body.error() != null) {
                    malformed(out, side.body.error(), null, ts, data, off, end - off);
                } else if (side.body.done()) {
                    side.body = null;
                }
                continue;
            }
            int start = off;
            off += side.head.consume(data, off, end - off);
            if (side.resync && side.head.status() != HeadReader.Status.NEED_MORE) {
                side.resync = false;
                if (side.head.status() != HeadReader.Status.COMPLETE || !startLineParses(side, side.head)) {
                    stop(ts, out);
                    return;
                }
            }
            switch (side.head.status()) {
                case NEED_MORE -> { }
                case COMPLETE -> {
                    Head head = side.head.take();
                    if (side == requests) {
                        request(head, ts, out);
                    } else {
                        response(head, ts, out);
                    }
                }
                case TOO_LARGE -> malformed(out, "header too large", null, ts, side.head.bytes());
                case BAD_START -> malformed(out, side.badStart, null, ts, data, start, end - start);
                default -> throw new IllegalStateException();
            }
        }
    }

    @Override
    public void gap(Direction direction, long missing, long ts, AppOutput out) {
        Side side = direction == (toServer == null ? Direction.TO_RESPONDER : toServer) ? requests : responses;
        if (stopped || side.ignoring || side.body != null && side.body.skip(missing)) {
            if (side.body != null && side.body.done()) {
                side.body = null;
            }
            return;
        }
        if (side.body != null && !side.resync) {
            side.body = null; // the hole ran past the body's end: the next message may follow it
            side.resync = true;
            return;
        }
        // the hole hides part of a head: the next message cannot be found
        stop(ts, out);
    }

    @Override
    public void end(long ts, AppOutput out) {
        stop(ts, out);
    }

    @Override
    public boolean wantsMore() {
        return !stopped;
    }

    private void request(Head head, long ts, AppOutput out) {
        RequestLine line = RequestLine.parse(head.startLine());
        if (line == null) {
            malformed(out, "bad request line", null, ts, latin1(head.startLine()));
            return;
        }
        if (pending.size() >= MAX_PENDING) {
            malformed(out, "too many pending requests", line.method() + " " + line.target(), ts);
            return;
        }
        BodyReader body;
        try {
            body = Framing.request(head);
        } catch (Framing.BadFraming e) {
            pending.add(new Request(ts, line, head, null));
            malformed(out, e.reason, e.getMessage(), ts);
            return;
        }
        pending.add(new Request(ts, line, head, body));
        requests.body = body == null || body.done() ? null : body;
        // a tunnel's bytes may follow CONNECT before its response: they are not requests
        requests.ignoring = line.method().equals("CONNECT");
    }

    private void response(Head head, long ts, AppOutput out) {
        StatusLine status = StatusLine.parse(head.startLine());
        if (status == null) {
            malformed(out, "bad status line", null, ts, latin1(head.startLine()));
            return;
        }
        if (status.interim()) {
            return; // 100 Continue and the like: the final response is still to come for the same request
        }
        Request request = pending.poll();
        String method = request == null ? null : request.line.method();
        BodyReader body;
        try {
            body = Framing.response(head, status, method);
        } catch (Framing.BadFraming e) {
            out.event(HttpEvents.of(ts, request, status, head, null));
            malformed(out, e.reason, e.getMessage(), ts);
            return;
        }
        out.event(HttpEvents.of(ts, request, status, head, body));
        if (status.code() == 101 || "CONNECT".equals(method) && status.code() < 300) {
            stop(ts, out); // the connection now carries another protocol (WebSocket, h2c, a tunnel)
            return;
        }
        if ("CONNECT".equals(method)) {
            requests.ignoring = false; // refused: the client may send requests again
        }
        responses.body = body == null || body.done() ? null : body;
    }

    /** Whether a head read after a hole starts like a message of its side. */
    private boolean startLineParses(Side side, HeadReader head) {
        String line = head.startLine();
        return side == requests ? RequestLine.parse(line) != null : StatusLine.parse(line) != null;
    }

    private void malformed(AppOutput out, String reason, String detail, long ts) {
        malformed(out, reason, detail, ts, new byte[0], 0, 0);
    }

    private void malformed(AppOutput out, String reason, String detail, long ts, byte[] data) {
        malformed(out, reason, detail, ts, data, 0, data.length);
    }

    /** Framing or syntax is broken: nothing after it can be trusted, so stop. */
    private void malformed(AppOutput out, String reason, String detail, long ts, byte[] data, int off, int len) {
        out.malformed("http", reason, detail, ts, data, off, len);
        stop(ts, out);
    }

    private static byte[] latin1(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /** Emits the requests still waiting for a response and stops. */
    private void stop(long ts, AppOutput out) {
        if (stopped) {
            return;
        }
        stopped = true;
        for (Request r; (r = pending.poll()) != null; ) {
            out.event(HttpEvents.of(r.timestampNanos, r, null, null, null));
        }
    }
}
