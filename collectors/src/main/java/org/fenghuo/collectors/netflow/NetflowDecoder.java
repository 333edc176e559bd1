package org.fenghuo.collectors.netflow;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.fenghuo.collectors.deadletter.DeadLetters;
import org.fenghuo.collectors.input.EventSink;

/**
 * Decodes NetFlow v5, v9 (RFC 3954) and IPFIX (RFC 7011) export datagrams into events on an
 * {@link EventSink}. Keeps, per exporter domain (address + version + source id / observation
 * domain), the templates (expiring), the next expected sequence number and the sampling interval
 * learned from options data; holds data sets whose template has not come yet (bounded, see
 * {@link PendingSets}). Never throws on input: every problem is counted by {@link NetflowErrorKind}
 * and dead-lettered with the raw datagram (or held set) and the reason.
 *
 * <p>Single-threaded: one decoder per receive thread. Time comes only from the {@code received}
 * instants given to {@link #decode}, so a capture decodes the same way every time.
 */
public final class NetflowDecoder {
    private static final int V5_HEADER = 24;
    private static final int V5_RECORD = 48;
    private static final int V9_HEADER = 20;
    private static final int IPFIX_HEADER = 16;
    /** v5 records as a template: srcaddr dstaddr nexthop input output dPkts dOctets First Last srcport dstport
     *  pad1 tcp_flags prot tos src_as dst_as src_mask dst_mask pad2, as IANA elements. */
    private static final Template V5 = new Template(0, false, 0,
            new int[] {8, 12, 15, 10, 14, 2, 1, 22, 21, 7, 11, 210, 6, 4, 5, 16, 17, 9, 13, 210},
            new long[20], new int[] {4, 4, 4, 2, 2, 4, 4, 4, 4, 2, 2, 1, 1, 1, 1, 2, 2, 1, 1, 2});

    private final NetflowConfig config;
    private final String input;
    private final EventSink sink;
    private final NetflowMetrics metrics;
    private final NetflowEventMapper mapper;
    private final NetflowEventIds ids = new NetflowEventIds();
    private final FlowFields fields = new FlowFields();
    private final PendingSets pending;
    private final PendingSets.Dropped onDropped = this::droppedHeld;
    private final Map<ExporterKey, ExporterState> exporters;
    private long templatesActive;
    private long lastSweepMillis;
    private boolean swept;

    public NetflowDecoder(NetflowConfig config, String input, EventSink sink, NetflowMetrics metrics) {
        this.config = Objects.requireNonNull(config, "config");
        this.input = Objects.requireNonNull(input, "input");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.mapper = new NetflowEventMapper(input);
        this.pending = new PendingSets(config);
        this.exporters = new LinkedHashMap<>(64, 0.75f, true);
    }

    public NetflowMetrics metrics() {
        return metrics;
    }

    /**
     * Decodes one datagram.
     *
     * @param exporter the exporter's address as text ({@code observer.ip}, part of the template key)
     * @param origin   where it came from, for dead letters ({@code udp://10.0.0.1:2055}, {@code file.pcap#12})
     * @param received when it arrived (or was captured): the clock of template and pending expiry
     */
    public void decode(byte[] data, int offset, int length, String exporter, String origin, Instant received) {
        if (offset < 0 || length < 0 || offset > data.length - length) {
            // the caller's slice, not the datagram's content: a programming error, not bad input
            throw new IndexOutOfBoundsException("slice " + offset + "+" + length + " of a " + data.length + "-byte buffer");
        }
        metrics.received();
        try {
            sweep(received.toEpochMilli());
            if (length < 2) {
                reject(NetflowErrorKind.TRUNCATED_DATAGRAM, "datagram of " + length + " bytes has no version",
                        data, offset, length, 0, origin, received);
                return;
            }
            int version = Bytes.u16(data, offset);
            switch (version) {
                case 5 -> v5(data, offset, length, exporter, origin, received);
                case 9, 10 -> v9OrIpfix(version, data, offset, length, exporter, origin, received);
                default -> reject(NetflowErrorKind.UNSUPPORTED_VERSION, "version " + version
                        + " is not NetFlow v5, v9 or IPFIX (10)", data, offset, length, 0, origin, received);
            }
        } catch (RuntimeException e) {
            // every length is checked before use; this only keeps a decoder bug from ending the input
            reject(NetflowErrorKind.INTERNAL_ERROR, e.toString(), data, offset, length, 0, origin, received);
        }
        metrics.pending(pending.size());
    }

    /** Drops every held data set (end of a capture file): each is counted and dead-lettered. */
    public void dropPending(String why) {
        pending.dropAll(null, onDropped, why);
        metrics.pending(pending.size());
    }

    // ---- v5 ----------------------------------------------------------------------------------

    private void v5(byte[] b, int off, int len, String exporter, String origin, Instant received) {
        if (len < V5_HEADER) {
            reject(NetflowErrorKind.TRUNCATED_DATAGRAM, "v5 header needs 24 bytes, datagram has " + len, b, off, len,
                    0, origin, received);
            return;
        }
        int count = Bytes.u16(b, off + 2);
        long uptime = Bytes.u32(b, off + 4);
        long exportNanos = Bytes.u32(b, off + 8) * 1_000_000_000L + Math.min(Bytes.u32(b, off + 12), 999_999_999L);
        long sequence = Bytes.u32(b, off + 16);
        long domain = Bytes.u16(b, off + 20); // engine type << 8 | engine id
        int sampling = Bytes.u16(b, off + 22) & 0x3fff; // the top two bits are the sampling mode
        ExporterState st = exporter(new ExporterKey(exporter, 5, domain));
        ExportHeader h = new ExportHeader(5, exportNanos, uptime, ids.datagramId(exporter, b, off, len), origin, received);
        int fit = (len - V5_HEADER) / V5_RECORD;
        sequence(st, sequence, count, true);
        int n = Math.min(count, fit);
        for (int r = 0; r < n; r++) {
            int p = off + V5_HEADER + r * V5_RECORD;
            RecordReader.read(V5, b, p, p + V5_RECORD, fields);
            sink.event(mapper.toEvent(st, h, V5, fields, 0, r, sampling > 0 ? sampling : -1));
            metrics.record();
        }
        if (count > fit) {
            reject(NetflowErrorKind.TRUNCATED_RECORD, "v5 header counts " + count + " records, the datagram holds "
                    + fit + " (" + len + " bytes)", b, off, len, V5_HEADER + fit * V5_RECORD, origin, received);
        }
    }

    // ---- v9 and IPFIX ------------------------------------------------------------------------

    private void v9OrIpfix(int version, byte[] b, int off, int len, String exporter, String origin, Instant received) {
        boolean ipfix = version == 10;
        int header = ipfix ? IPFIX_HEADER : V9_HEADER;
        if (len < header) {
            reject(NetflowErrorKind.TRUNCATED_DATAGRAM, (ipfix ? "IPFIX" : "v9") + " header needs " + header
                    + " bytes, datagram has " + len, b, off, len, 0, origin, received);
            return;
        }
        int end = off + len;
        long exportNanos;
        long uptime;
        long sequence;
        long domain;
        if (ipfix) {
            int messageLength = Bytes.u16(b, off + 2);
            if (messageLength > len || messageLength < IPFIX_HEADER) {
                reject(NetflowErrorKind.TRUNCATED_DATAGRAM, "IPFIX message length " + messageLength + " but "
                        + len + " bytes arrived", b, off, len, 2, origin, received);
                return;
            }
            end = off + messageLength;
            exportNanos = Bytes.u32(b, off + 4) * 1_000_000_000L;
            uptime = -1;
            sequence = Bytes.u32(b, off + 8);
            domain = Bytes.u32(b, off + 12);
        } else {
            uptime = Bytes.u32(b, off + 4);
            exportNanos = Bytes.u32(b, off + 8) * 1_000_000_000L;
            sequence = Bytes.u32(b, off + 12);
            domain = Bytes.u32(b, off + 16);
        }
        ExporterState st = exporter(new ExporterKey(exporter, version, domain));
        ExportHeader h = new ExportHeader(version, exportNanos, uptime, ids.datagramId(exporter, b, off, end - off),
                origin, received);
        SetWalk walk = new SetWalk(st, h, b, off, end);
        walk.run(off + header);
        if (!ipfix) {
            // RFC 3954: the v9 sequence counts export packets, not flows
            sequence(st, sequence, 1, true);
        } else {
            // RFC 7011: the sequence counts data records sent before this message; a held set's
            // records are unknown until its template comes, so the next expected value is too
            sequence(st, sequence, walk.dataRecords, !walk.held);
        }
    }

    /** Walks the sets of one v9/IPFIX message; counts data records for the IPFIX sequence check. */
    private final class SetWalk implements TemplateParser.Listener {
        final ExporterState st;
        final ExportHeader h;
        final byte[] b;
        final int datagramOffset;
        final int end;
        final boolean ipfix;
        int dataRecords;
        boolean held;
        boolean refusedTemplate;

        SetWalk(ExporterState st, ExportHeader h, byte[] b, int datagramOffset, int end) {
            this.st = st;
            this.h = h;
            this.b = b;
            this.datagramOffset = datagramOffset;
            this.end = end;
            this.ipfix = h.version() == 10;
        }

        void run(int pos) {
            int setIndex = 0;
            while (end - pos >= 4) {
                int setId = Bytes.u16(b, pos);
                int setLength = Bytes.u16(b, pos + 2);
                if (setLength < 4 || setLength > end - pos) {
                    if (setId == 0 && setLength == 0 && zeros(b, pos, end)) {
                        return; // exporters that pad the datagram with zeros (PAN-OS)
                    }
                    error(NetflowErrorKind.BAD_SET_LENGTH, "set " + setIndex + " (id " + setId + ") claims "
                            + setLength + " bytes, " + (end - pos) + " left", pos - datagramOffset);
                    return;
                }
                int setEnd = pos + setLength;
                if (setId == (ipfix ? 2 : 0) || setId == (ipfix ? 3 : 1)) {
                    boolean options = setId == (ipfix ? 3 : 1);
                    if (ipfix) {
                        TemplateParser.ipfix(b, pos + 4, setEnd, options, this);
                    } else {
                        TemplateParser.v9(b, pos + 4, setEnd, options, this);
                    }
                } else if (setId >= 256) {
                    data(setId, setIndex, pos + 4, setEnd);
                }
                // set ids 2..255 (v9) and 4..255 (IPFIX) are reserved: skipped by their length
                pos = setEnd;
                setIndex++;
            }
        }

        private void data(int templateId, int setIndex, int from, int to) {
            int known = st.templates.size();
            Template t = st.template(templateId, h.receivedMillis(), config.templateTimeout().toMillis());
            if (st.templates.size() < known) {
                metrics.templatesActive(--templatesActive); // it had expired
            }
            if (t == null) {
                held = true;
                pending.hold(st, templateId, setIndex, b, from, to, h, onDropped);
                return;
            }
            dataRecords += records(st, h, t, setIndex, b, from, to);
        }

        @Override
        public void template(Template t) {
            Template old = st.templates.get(t.id);
            if (old == null && st.templates.size() >= config.maxTemplatesPerExporter()) {
                if (!refusedTemplate) { // one dead letter per datagram, every refusal still counted
                    refusedTemplate = true;
                    error(NetflowErrorKind.TOO_MANY_TEMPLATES, "exporter domain " + st.key + " already holds "
                            + st.templates.size() + " templates; template " + t.id + " refused", 0);
                } else {
                    metrics.malformed(NetflowErrorKind.TOO_MANY_TEMPLATES);
                }
                return;
            }
            st.refreshedMillis.put(t.id, h.receivedMillis());
            if (old == null || !old.sameLayout(t)) {
                st.templates.put(t.id, t);
                metrics.templateLearned();
                if (old == null) {
                    metrics.templatesActive(++templatesActive);
                }
            }
            for (PendingSets.Held held : pending.release(st, t.id)) {
                records(st, held.header(), st.templates.get(t.id), held.setIndex(), held.bytes(), 0, held.bytes().length);
            }
        }

        @Override
        public void withdraw(int templateId, boolean options) {
            if (templateId >= 0) {
                if (st.templates.remove(templateId) != null) {
                    st.refreshedMillis.remove(templateId);
                    metrics.templatesActive(--templatesActive);
                }
                return;
            }
            st.templates.values().removeIf(t -> {
                boolean gone = t.options == options;
                if (gone) {
                    st.refreshedMillis.remove(t.id);
                    metrics.templatesActive(--templatesActive);
                }
                return gone;
            });
        }

        @Override
        public void error(NetflowErrorKind kind, String reason, int offset) {
            reject(kind, reason, b, datagramOffset, end - datagramOffset, offset, h.origin(), h.received());
        }
    }

    /** Decodes the records of one data set; returns how many. Padding shorter than a record ends the set. */
    private int records(ExporterState st, ExportHeader h, Template t, int setIndex, byte[] b, int from, int to) {
        int p = from;
        int n = 0;
        while (to - p >= t.minRecordLength) {
            int used = RecordReader.read(t, b, p, to, fields);
            if (used < 0) {
                NetflowErrorKind kind = NetflowErrorKind.TRUNCATED_RECORD;
                String reason = "record " + n + " of template " + t.id + " in set " + setIndex
                        + " has a variable-length field running past its set";
                metrics.malformed(kind);
                sink.deadLetter(DeadLetters.of(h.received(), input, h.origin(), p - from, kind.tag() + ": " + reason,
                        Arrays.copyOfRange(b, from, to), to - from, config.maxDeadLetterBytes()));
                metrics.deadLettered();
                break;
            }
            if (t.options) {
                st.learnSampling(fields);
                sink.event(mapper.toEvent(st, h, t, fields, setIndex, n, -1));
                metrics.optionsRecord();
            } else {
                sink.event(mapper.toEvent(st, h, t, fields, setIndex, n, st.sampling(fields)));
                metrics.record();
            }
            p += used;
            n++;
        }
        return n;
    }

    private void sequence(ExporterState st, long sequence, long step, boolean known) {
        long lost = st.sequence(sequence, step, known);
        if (lost > 0) {
            metrics.lostFlows(lost);
        }
    }

    private ExporterState exporter(ExporterKey key) {
        ExporterState st = exporters.get(key);
        if (st == null) {
            if (exporters.size() >= config.maxExporters()) {
                ExporterState eldest = exporters.values().iterator().next();
                exporters.remove(eldest.key);
                templatesActive -= eldest.templates.size();
                metrics.templatesActive(templatesActive);
                pending.dropAll(eldest, onDropped, "lost: exporter domain " + eldest.key
                        + " forgotten to stay within max_exporters=" + config.maxExporters());
            }
            st = new ExporterState(key);
            exporters.put(key, st);
        }
        return st;
    }

    /** Expires held sets (templates expire lazily when looked up); at most once a second of input time. */
    private void sweep(long nowMillis) {
        if (!swept || nowMillis - lastSweepMillis >= 1000 || nowMillis < lastSweepMillis) {
            swept = true;
            lastSweepMillis = nowMillis;
            pending.expire(nowMillis, onDropped);
        }
    }

    private void droppedHeld(PendingSets.Held held, NetflowErrorKind why, String reason) {
        metrics.malformed(why);
        ExportHeader h = held.header();
        sink.deadLetter(DeadLetters.of(h.received(), input, h.origin(), 0, why.tag() + ": exporter domain "
                + held.exporter().key + ", set " + held.setIndex() + ": " + reason, held.bytes(), held.bytes().length,
                config.maxDeadLetterBytes()));
        metrics.deadLettered();
    }

    private void reject(NetflowErrorKind kind, String reason, byte[] b, int off, int len, int at, String origin,
            Instant received) {
        metrics.malformed(kind);
        sink.deadLetter(DeadLetters.of(received, input, origin, at, kind.tag() + ": " + reason,
                Arrays.copyOfRange(b, off, off + Math.max(0, len)), len, config.maxDeadLetterBytes()));
        metrics.deadLettered();
    }

    private static boolean zeros(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
