/**
 * TLS handshakes over TCP: one {@code tls-handshake} event per connection with the hellos'
 * fingerprints, for {@code AppProtocols.of(new TlsProtocol(), ...)}.
 *
 * <h2>Recognition</h2>
 * {@link org.fenghuo.collectors.pcap.app.tls.TlsProtocol} claims a TCP flow, on any port, whose
 * stream (either direction) starts with a handshake record: content type 22, version 3.0 to 3.4,
 * a length from 1 to 2^14+2048, first handshake message a ClientHello (1) or ServerHello (2).
 * SSL 2 compatible hellos, and TLS that starts later in a stream (STARTTLS), are not recognised.
 *
 * <h2>Parsing</h2>
 * Each direction is cut into records and the handshake records' contents into messages
 * ({@code HandshakeStream}), whatever TCP segments and records they span. Only hellos are held
 * (at most 64 KiB each); other messages and records (alerts, change_cipher_spec, application
 * data) are skipped without being kept; application data ends the reading of a direction, and after
 * change_cipher_spec only a ServerHello is still looked for (the one after a TLS 1.3
 * HelloRetryRequest), so encrypted TLS 1.2 Finished messages are never taken for hellos. From the ClientHello: legacy version, cipher suites,
 * compression methods, extension types in order, server_name (first host_name), supported_groups,
 * ec_point_formats, signature_algorithms, ALPN, supported_versions. From the ServerHello: legacy
 * version, cipher suite, compression, extension types, supported_versions (selected), ALPN.
 * GREASE values (RFC 8701) are kept in the parsed hellos and left out of every fingerprint and
 * cipher-name list.
 *
 * <h2>Event</h2>
 * Emitted when the first ServerHello is parsed, after which the flow is no longer followed (no
 * encrypted data is read); a ClientHello without ServerHello is reported when the flow ends or the
 * server's direction has a hole. A HelloRetryRequest does not end the handshake: the ServerHello
 * after it does. A second ClientHello (after a HelloRetryRequest, or repeated) is ignored: the first
 * one is fingerprinted (Suricata 7 does the same for JA3; its JA4 mixes both hellos' lists).
 * <ul>
 * <li>{@code tls.version} / {@code tls.version_protocol}: negotiated (ServerHello supported_versions,
 *     else its legacy version): "1.0" to "1.3" / "tls", "3.0" / "ssl"; absent without ServerHello</li>
 * <li>{@code tls.cipher}: IANA name of the chosen suite from a table of the common ones, else
 *     {@code 0xXXXX}</li>
 * <li>{@code tls.client.server_name}, {@code tls.client.ja3} (MD5), {@code tls.client.ja4},
 *     {@code tls.server.ja3s} (MD5); {@code tls.established} is not set</li>
 * <li>{@code tls.client.supported_ciphers}: names of the offered suites, in order</li>
 * <li>{@code fenghuo.tls.client.alpn}, {@code fenghuo.tls.server.alpn}: ALPN lists;
 *     {@code fenghuo.tls.server.ja4s}: JA4S</li>
 * </ul>
 * JA3/JA3S follow Salesforce's description, JA4/JA4S FoxIO's (see {@link
 * org.fenghuo.collectors.pcap.app.tls.Ja3} and {@link org.fenghuo.collectors.pcap.app.tls.Ja4}).
 * They agree with Suricata 7 and tshark 4.0 on the suricata-verify captures (conformance tests).
 *
 * <h2>Malformed input</h2>
 * A record header that is not TLS ("bad record header", "bad record length"), a hello above
 * 64 KiB ("bad handshake length"), or a hello whose fields overrun their length ("bad extension
 * length", "bad cipher suites length", ...) is reported through {@code AppOutput.malformed} and
 * stops the reading of that direction only; nothing here throws or loops on any input.
 */
package org.fenghuo.collectors.pcap.app.tls;
