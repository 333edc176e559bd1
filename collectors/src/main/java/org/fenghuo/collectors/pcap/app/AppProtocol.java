package org.fenghuo.collectors.pcap.app;

import org.fenghuo.collectors.pcap.flow.FlowContext;

/**
 * One application protocol: recognises a flow from its ports and first payload, and makes the
 * analyzer that follows it.
 */
public interface AppProtocol {
    /** Lower-case name used in {@code event.dataset: pcap.<name>} and in metrics. */
    String name();

    /**
     * Whether this flow speaks the protocol, judged from the transport (6 or 17), the ports and
     * the first payload seen in {@code direction} (at least 1 byte; for TCP the start of that
     * direction's stream, at most a few KB). Must be cheap and must not throw.
     */
    boolean matches(int transport, int initiatorPort, int responderPort, Direction direction,
                    byte[] data, int off, int len);

    /**
     * A fresh analyzer for a flow this protocol matched; {@code flow} tells the transport, the
     * ports and addresses (e.g. DNS frames TCP and UDP differently, HTTP falls back to the
     * responder's port for {@code url.port}).
     */
    AppAnalyzer newAnalyzer(FlowContext flow);
}
