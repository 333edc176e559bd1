package org.fenghuo.collectors.pcap.app;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An {@link AppOutput} for tests that drive an analyzer directly: it keeps every event, and the
 * reason and protocol of every malformed report, in order.
 *
 * <pre>{@code
 * RecordingOutput out = RecordingOutput.expecting("dns");
 * analyzer.data(Direction.TO_RESPONDER, b, 0, b.length, 0, out);
 * assertThat(out.events).hasSize(1);
 * assertThat(out.malformed).isEmpty();
 * }</pre>
 */
public class RecordingOutput implements AppOutput {
    /** The events, in order. */
    public final List<AppEvent> events = new ArrayList<>();
    /** The reason of every malformed report, in order. */
    public final List<String> malformed = new ArrayList<>();
    /** The protocol of every malformed report, in order (parallel to {@link #malformed}). */
    public final List<String> malformedProtocols = new ArrayList<>();
    private final String expectedProtocol;

    /** Records whatever is reported. */
    public RecordingOutput() {
        this(null);
    }

    private RecordingOutput(String expectedProtocol) {
        this.expectedProtocol = expectedProtocol;
    }

    /** Records, and fails (AssertionError) at once on a malformed report of another protocol than {@code protocol}. */
    public static RecordingOutput expecting(String protocol) {
        return new RecordingOutput(protocol);
    }

    /** The action of every event, in order. */
    public List<String> actions() {
        return events.stream().map(AppEvent::action).toList();
    }

    @Override
    public void event(AppEvent event) {
        events.add(event);
    }

    @Override
    public void malformed(String protocol, String reason, String detail, long ts, byte[] data, int off, int len) {
        if (expectedProtocol != null && !expectedProtocol.equals(protocol)) {
            throw new AssertionError("malformed report of protocol " + protocol + ", expected " + expectedProtocol
                    + ": " + reason);
        }
        // the reported range must lie inside the data (a dead letter keeps its first bytes)
        Arrays.copyOfRange(data, off, off + len);
        malformedProtocols.add(protocol);
        malformed.add(reason);
    }
}
