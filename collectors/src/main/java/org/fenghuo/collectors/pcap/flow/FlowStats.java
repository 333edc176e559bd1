package org.fenghuo.collectors.pcap.flow;

/**
 * A snapshot of a {@link FlowTable}'s counters.
 *
 * @param created        flows created
 * @param idleTimeout    records emitted on idle timeout
 * @param activeTimeout  records emitted on active timeout (the flow went on)
 * @param tcpEnd         records emitted after a TCP end
 * @param evicted        flows evicted because the table was full; each is emitted with
 *                       {@link EndReason#EVICTED} unless an active-timeout record already
 *                       reported all its packets (then it is only counted)
 * @param endOfCapture   records emitted by {@link FlowTable#flushAll()}
 * @param ignored        packets not tracked (no 4- or 16-byte address)
 * @param active         flows held now
 * @param peak           most flows held at once
 * @param idsMaybeShared flows whose id may equal an earlier flow's: more flows than the table's
 *                       limit ended within one capture instant having started in it, so the
 *                       table stopped telling their successors apart (see {@link FlowIds})
 */
public record FlowStats(long created, long idleTimeout, long activeTimeout, long tcpEnd, long evicted,
                        long endOfCapture, long ignored, int active, int peak, long idsMaybeShared) {

    /** All records emitted. */
    public long emitted() {
        return idleTimeout + activeTimeout + tcpEnd + evicted + endOfCapture;
    }
}
