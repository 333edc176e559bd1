package org.fenghuo.collectors.syslog;

/**
 * What became of a TCP or TLS input's connections so far (the {@code fenghuo.collector.connections}
 * counters of one input), for tests and the CLI's stats line.
 *
 * @param accepted            given a slot
 * @param refused             closed at once: all {@code maxConnections} slots were taken
 * @param tlsHandshakeFailed  TLS: handshake failed (certificate, suites, garbage, early close)
 * @param tlsHandshakeTimeout TLS: handshake not done within {@code handshakeTimeout}
 * @param notTls              TLS: plain text instead of a handshake; its first bytes dead-lettered
 * @param idleTimeout         closed after {@code idleTimeout} without a byte
 * @param frameTimeout        closed with a frame unfinished after {@code frameTimeout}
 * @param active              being served now
 */
public record ConnectionStats(long accepted, long refused, long tlsHandshakeFailed, long tlsHandshakeTimeout,
        long notTls, long idleTimeout, long frameTimeout, int active) {

    static ConnectionStats of(ConnectionMetrics m) {
        return new ConnectionStats(m.total(ConnectionMetrics.Outcome.ACCEPTED),
                m.total(ConnectionMetrics.Outcome.REFUSED),
                m.total(ConnectionMetrics.Outcome.TLS_HANDSHAKE_FAILED),
                m.total(ConnectionMetrics.Outcome.TLS_HANDSHAKE_TIMEOUT),
                m.total(ConnectionMetrics.Outcome.NOT_TLS),
                m.total(ConnectionMetrics.Outcome.IDLE_TIMEOUT),
                m.total(ConnectionMetrics.Outcome.FRAME_TIMEOUT),
                m.active());
    }
}
