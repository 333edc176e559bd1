package org.fenghuo.collectors.syslog;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Clock;
import org.fenghuo.collectors.input.EventSink;
import org.fenghuo.collectors.syslog.tls.TlsServerContext;
import org.fenghuo.collectors.syslog.payload.PayloadRules;
import org.fenghuo.collectors.syslog.payload.PayloadStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Syslog over TLS (RFC 5425): TLS 1.2/1.3 with the configured certificate, optional client
 * certificates, then the same framing as TCP (octet counting as RFC 5425 requires, LF framing as
 * rsyslog can send). Connections are bounded and deadlined like {@link SyslogTcpListener}'s, plus
 * a handshake deadline; failed handshakes and plain text on the port are counted (see
 * {@link ConnectionStats}), never fatal. Each event carries the sender's TLS facts under
 * {@code fenghuo.syslog.tls.*} ({@code version}, {@code cipher}, {@code client.subject},
 * {@code client.issuer}, {@code client.hash.sha256}).
 */
public final class SyslogTlsListener extends SyslogStreamListener {

    private static final Logger LOG = LoggerFactory.getLogger(SyslogTlsListener.class);

    private SyslogTlsListener(SyslogInputConfig config, TlsServerContext context, long handshakeNanos, EventSink sink,
            MeterRegistry registry, Clock clock, PayloadRules payloadRules) throws IOException {
        super(config, registry, clock,
                (metrics, connections) -> new TlsTransport(context, handshakeNanos, config.name(), sink, metrics,
                        connections, clock),
                metrics -> {
                    SyslogParser parser = new SyslogParser(config.timeZone(), clock);
                    PayloadStage payloads = PayloadStage.of(config.name(), payloadRules, registry, config.timeZone());
                    // one handler per connection: its sink stamps that connection's TLS peer on every event
                    return opened -> new SyslogFrameHandler(config.name(), parser,
                            new TlsPeerSink(sink, opened.peer()), metrics, clock, config.maxFrameBytes(), payloads);
                });
    }

    /**
     * Loads the certificates, binds {@code input.host():input.port()} and starts accepting; the
     * system clock in UTC.
     *
     * @throws IllegalArgumentException for every problem with the TLS files or settings at once
     * @throws IOException              when the address cannot be bound
     */
    public static SyslogTlsListener start(SyslogInputConfig input, SyslogTlsConfig tls, EventSink sink,
            MeterRegistry registry) throws IOException {
        return start(input, tls, sink, registry, Clock.systemUTC());
    }

    /** Without payload parsing: events carry the RFC 3164/5424 fields and MSG only. */
    public static SyslogTlsListener start(SyslogInputConfig input, SyslogTlsConfig tls, EventSink sink,
            MeterRegistry registry, Clock clock) throws IOException {
        return start(input, tls, sink, registry, clock, PayloadRules.none());
    }

    /** @param payloadRules which payload parsers read MSG (e.g. {@link PayloadRules#defaults()}) */
    public static SyslogTlsListener start(SyslogInputConfig input, SyslogTlsConfig tls, EventSink sink,
            MeterRegistry registry, Clock clock, PayloadRules payloadRules) throws IOException {
        TlsServerContext context;
        try {
            context = TlsServerContext.of(tls);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("input " + input.name() + ": " + e.getMessage(), e);
        }
        SyslogTlsListener listener = new SyslogTlsListener(input, context, tls.handshakeTimeout().toNanos(), sink,
                registry, clock, payloadRules);
        LOG.info("input {}: listening for syslog on tls://{} ({}, client_auth {})", input.name(),
                listener.describeAddress(), tls.protocols(), tls.clientAuth());
        return listener;
    }
}
