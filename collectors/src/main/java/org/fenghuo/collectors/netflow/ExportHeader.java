package org.fenghuo.collectors.netflow;

import java.time.Instant;

/**
 * One datagram's header as far as its records need it; kept with a held data set so the set is
 * decoded later exactly as it would have been on arrival.
 *
 * @param version         5, 9 or 10
 * @param exportNanos     export time (header unix seconds, plus v5 nanoseconds), epoch nanoseconds
 * @param sysUptimeMillis exporter uptime at export (v5/v9), -1 for IPFIX
 * @param datagramId      SHA-256 based id of the datagram (see {@link NetflowEventIds})
 * @param origin          where it came from, for dead letters ({@code udp://ip:port}, {@code file#frame})
 * @param received        when it was received (or captured)
 */
record ExportHeader(int version, long exportNanos, long sysUptimeMillis, String datagramId, String origin,
        Instant received) {

    long receivedMillis() {
        return received.toEpochMilli();
    }
}
