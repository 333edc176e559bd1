/**
 * HTTP/1.x over TCP for the pcap application layer.
 *
 * <p><b>Recognition</b> ({@link org.fenghuo.collectors.pcap.app.http.HttpProtocol}): on any port,
 * a stream that starts with a known method and a space (RFC 9110 methods, PATCH, WebDAV and
 * versioning methods) from the initiator, or with {@code HTTP/1.} from either side (the
 * responder's normally; the initiator's when the capture began mid-connection and the flow table
 * took the server for the initiator). HTTP over UDP (SSDP) and HTTP/2 are not followed.
 *
 * <p><b>Parsing</b> ({@link org.fenghuo.collectors.pcap.app.http.HttpAnalyzer}): request lines
 * (method, request-target, version), status lines, and the fields Host, User-Agent, Referer,
 * Content-Type, Content-Length and Transfer-Encoding. Bodies are skipped, never kept: by
 * Content-Length, by chunks (extensions and trailers allowed), not at all for responses to HEAD and
 * for 1xx, 204 and 304, and until the connection closes for a response with no length. So
 * keep-alive and pipelined messages are all found. Responses pair with requests in order; interim
 * 1xx responses (100 Continue) do not answer the request. Bare LF line ends and obsolete folded
 * fields are accepted, as browsers and servers accept them.
 *
 * <p><b>Events</b>: one per request/response pair, when the response head is complete (or at the
 * flow's end, or when analysis stops, for a request with no response: outcome unknown).
 * {@code event.action} is {@code http-request} ({@code http-response} for a response whose
 * request was not captured), {@code event.category} [network, web], {@code event.type}
 * [protocol, access], {@code event.outcome} success below 400, failure from 400.
 * {@code http.version}, {@code http.request.method}, {@code http.request.referrer},
 * {@code http.request.bytes} (body bytes, null without a body), {@code http.response.status_code},
 * {@code http.response.bytes} (Content-Length, null when unknown as the event is written before
 * the body), {@code http.response.mime_type} (without parameters, lower case), {@code url.original}
 * (the request-target as sent), {@code url.full} ({@code http://} + Host + target; the target
 * itself in absolute-form), {@code url.scheme}, {@code url.domain} (IPv6 without brackets),
 * {@code url.port} (only when Host or the target names one), {@code url.path}, {@code url.query}
 * (without '?'), {@code user_agent.original}. CONNECT's url is its authority-form target.
 *
 * <p><b>Limits</b>: a head is at most 16 KiB ({@code header too large}), a chunk-size line 4 KiB,
 * trailers 16 KiB, 32 requests waiting for responses ({@code too many pending requests}). Fixed
 * malformed reasons: bad request line, bad status line, header too large, bad content length,
 * bad transfer encoding (a request's), bad chunk size, bad chunk, trailer too large, too many
 * pending requests; each stops analysis of the flow after emitting the pending requests, since
 * nothing after broken framing can be trusted. A protocol switch (101, an accepted CONNECT) stops
 * analysis without complaint. A hole in the stream inside a body is skipped; a hole past a body's
 * end is skipped if the next bytes start a message; a hole in a head stops analysis (after
 * emitting what is pending).
 */
package org.fenghuo.collectors.pcap.app.http;
