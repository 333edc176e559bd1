/**
 * SSH identification strings (RFC 4253 4.2) for the pcap application layer.
 *
 * <p><b>Recognition</b>: on any TCP port, a stream starting with {@code SSH-} from either side.
 *
 * <p><b>Parsing</b>: each side's identification line {@code SSH-protoversion-softwareversion
 * [SP comments]}, ended by CR LF (a bare LF is accepted, as the RFC allows for old clients).
 * Lines before it are skipped (the RFC lets the server send them; tolerated on both sides), at
 * most 32 of them. Everything after the banners (binary key exchange, then encrypted data) is
 * ignored: the analyzer stops wanting data once both banners are known.
 *
 * <p><b>Events</b>: one {@code ssh-banner} event per connection ({@code event.category}
 * [network], {@code event.type} [protocol]) when both banners are known, or at the flow's end (or
 * when one side broke) with the one seen. Fields: {@code fenghuo.ssh.client.banner} (the line
 * without its line end), {@code fenghuo.ssh.client.software}, {@code fenghuo.ssh.client.proto_version}
 * ("2.0", "1.99"), and the same under {@code fenghuo.ssh.server}.
 *
 * <p><b>Limits</b>: a line is at most 255 bytes. Fixed malformed reasons: banner too long, line
 * too long, bad banner ({@code SSH-} without a protocol and software version), no banner (more
 * than 32 other lines). A hole in the stream before a side's banner gives up that side.
 */
package org.fenghuo.collectors.pcap.app.ssh;
