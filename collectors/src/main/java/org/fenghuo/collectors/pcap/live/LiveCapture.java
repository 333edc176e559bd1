package org.fenghuo.collectors.pcap.live;

import java.io.EOFException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.fenghuo.collectors.pcap.capture.PacketHandler;
import org.fenghuo.collectors.pcap.live.LiveCaptureException.Kind;
import org.pcap4j.core.BpfProgram.BpfCompileMode;
import org.pcap4j.core.NotOpenException;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.PcapNetworkInterface;
import org.pcap4j.core.PcapNetworkInterface.PromiscuousMode;
import org.pcap4j.core.PcapStat;
import org.pcap4j.core.Pcaps;

/**
 * One interface opened with libpcap (through pcap4j), delivering raw frames to the same
 * {@link PacketHandler} the capture file readers use. Open with {@link #open}, then call
 * {@link #run} on the capture thread; it returns after {@link #stop} (any thread), an interrupt
 * of the capture thread, or a capture error, and closes the handle. One run per open.
 *
 * <p>Frames are the byte arrays pcap4j allocates per packet (delivered at offset 0, whole);
 * timestamps are nanoseconds since the epoch, at nanosecond precision where libpcap offers it.
 * When no packet arrives for a read timeout, the tick handler is told the time (see
 * {@link QuietWaker} for why a helper thread is needed for that on Linux).
 */
public final class LiveCapture implements AutoCloseable {
    private static final String IMMEDIATE_UNSUPPORTED = "immediate mode is not supported";

    private final LiveCaptureConfig config;
    private final PcapHandle handle;
    private final int linkType;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean stopRequested;
    private volatile long packets;

    private LiveCapture(LiveCaptureConfig config, PcapHandle handle, int linkType) {
        this.config = config;
        this.handle = handle;
        this.linkType = linkType;
    }

    /**
     * Opens the interface and applies the filter; the kernel starts buffering packets now.
     *
     * @throws LiveCaptureException with the kind of failure: libpcap missing, no permission, no such
     *                              interface (listing those that exist), bad filter, other
     */
    public static LiveCapture open(LiveCaptureConfig config) throws LiveCaptureException {
        String name = config.interfaceName();
        PcapHandle handle;
        int linkType;
        try {
            PcapNetworkInterface device = Pcaps.getDevByName(name);
            if (device == null) {
                throw LiveErrors.noSuchInterface(name, deviceNames(), null);
            }
            handle = build(config);
            linkType = handle.getDlt().value();
        } catch (PcapNativeException | RuntimeException | LinkageError e) {
            LiveCaptureException failure = LiveErrors.opening(name, e);
            throw failure.kind() == Kind.NO_SUCH_INTERFACE ? LiveErrors.noSuchInterface(name, deviceNames(), e) : failure;
        }
        if (config.bpf() != null) {
            try {
                handle.setFilter(config.bpf(), BpfCompileMode.OPTIMIZE, PcapHandle.PCAP_NETMASK_UNKNOWN);
            } catch (PcapNativeException | NotOpenException | RuntimeException e) {
                handle.close();
                throw LiveErrors.badFilter(config.bpf(), e.getMessage(), e);
            }
        }
        return new LiveCapture(config, handle, linkType);
    }

    /** The devices libpcap can see, by name; empty when it cannot list them. */
    public static List<String> deviceNames() {
        List<String> names = new ArrayList<>();
        try {
            for (PcapNetworkInterface device : Pcaps.findAllDevs()) {
                names.add(device.getName());
            }
        } catch (PcapNativeException | RuntimeException | LinkageError e) {
            // the caller's own error says what went wrong; an empty list says we could not tell more
        }
        return names;
    }

    private static PcapHandle build(LiveCaptureConfig config) throws PcapNativeException {
        try {
            return builder(config, config.immediate()).build();
        } catch (PcapNativeException e) {
            String message = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
            if (config.immediate() && message.contains(IMMEDIATE_UNSUPPORTED)) {
                return builder(config, false).build();
            }
            throw e;
        }
    }

    private static PcapHandle.Builder builder(LiveCaptureConfig config, boolean immediate) {
        PcapHandle.Builder b = new PcapHandle.Builder(config.interfaceName())
                .snaplen(config.snaplen())
                .promiscuousMode(config.promiscuous() ? PromiscuousMode.PROMISCUOUS : PromiscuousMode.NONPROMISCUOUS)
                .timeoutMillis((int) config.readTimeout().toMillis())
                // pcap4j falls back to microseconds (with a warning) where nanoseconds are not offered
                .timestampPrecision(PcapHandle.TimestampPrecision.NANO);
        if (config.bufferBytes() > 0) {
            b.bufferSize(config.bufferBytes());
        }
        if (immediate) {
            b.immediateMode(true);
        }
        return b;
    }

    public LiveCaptureConfig config() {
        return config;
    }

    /** LINKTYPE_* of the frames (libpcap's DLT; the values the decoder needs agree on Linux). */
    public int linkType() {
        return linkType;
    }

    /** Packets delivered so far; readable from any thread. */
    public long packetsDelivered() {
        return packets;
    }

    /**
     * Captures until {@link #stop}, an interrupt or an error, then closes the handle. Handlers run
     * on this thread; an exception a handler throws stops the capture and propagates.
     *
     * @param handler receives every frame
     * @param ticks   receives the time after each read timeout without a packet
     * @throws LiveCaptureException when libpcap fails mid-capture
     */
    public LiveCaptureStats run(PacketHandler handler, TickHandler ticks) throws LiveCaptureException {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("a LiveCapture runs once; open another");
        }
        long count = 0;
        long captured = 0;
        long wire = 0;
        try (QuietWaker waker = new QuietWaker("fenghuo-live-" + config.interfaceName(), config.readTimeout().toMillis(),
                () -> packets, this::breakLoop).start()) {
            while (!stopRequested && !Thread.currentThread().isInterrupted()) {
                byte[] data;
                try {
                    data = handle.getNextRawPacketEx();
                } catch (TimeoutException e) {
                    ticks.tick(nowNanos());
                    continue;
                } catch (EOFException e) {
                    if (stopRequested) {
                        break;
                    }
                    ticks.tick(nowNanos()); // woken by the QuietWaker: a quiet period
                    continue;
                } catch (NotOpenException e) {
                    break; // closed
                } catch (PcapNativeException e) {
                    throw new LiveCaptureException(Kind.CAPTURE_FAILED, "capture on " + config.interfaceName()
                            + " failed: " + e.getMessage(), e);
                }
                Timestamp ts = handle.getTimestamp();
                long nanos = Math.floorDiv(ts.getTime(), 1000L) * 1_000_000_000L + ts.getNanos();
                Integer original = handle.getOriginalLength();
                int wireLength = original == null ? data.length : original;
                handler.packet(linkType, nanos, wireLength, data, 0, data.length);
                count++;
                captured += data.length;
                wire += wireLength;
                packets = count;
            }
            return stats(count, captured, wire);
        } finally {
            closeHandle();
        }
    }

    private LiveCaptureStats stats(long count, long captured, long wire) {
        long received = -1;
        long dropped = -1;
        long ifDropped = -1;
        try {
            PcapStat s = handle.getStats();
            received = s.getNumPacketsReceived();
            dropped = s.getNumPacketsDropped();
            ifDropped = s.getNumPacketsDroppedByIf();
        } catch (PcapNativeException | NotOpenException | RuntimeException e) {
            // unknown: reported as -1
        }
        return new LiveCaptureStats(config.interfaceName(), linkType, count, captured, wire, received, dropped, ifDropped);
    }

    /** Asks {@link #run} to return; safe from any thread, any number of times. */
    public void stop() {
        stopRequested = true;
        breakLoop();
    }

    private void breakLoop() {
        if (!closed.get()) {
            try {
                handle.breakLoop();
            } catch (NotOpenException e) {
                // already closed: run has returned or is returning
            }
        }
    }

    /** Stops a running capture (its thread closes the handle), else closes the handle now. */
    @Override
    public void close() {
        stop();
        if (!started.get()) {
            closeHandle();
        }
    }

    private void closeHandle() {
        if (closed.compareAndSet(false, true)) {
            handle.close();
        }
    }

    private static long nowNanos() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }
}
