package org.fenghuo.collectors.edge;

import java.util.List;
import org.fenghuo.collectors.input.EventSink;
import org.fenghuo.collectors.pcap.app.AppProtocols;
import org.fenghuo.collectors.pcap.app.StandardProtocols;
import org.fenghuo.collectors.pcap.flow.FlowTableConfig;
import org.fenghuo.collectors.pcap.live.LiveCaptureConfig;
import org.fenghuo.collectors.pcap.live.LiveCaptureException;
import org.fenghuo.collectors.pcap.live.LivePcapDecoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code pcap_live}: {@link LivePcapDecoder} on its own thread. A capture cannot push back, so a
 * full spool drops and counts. Its events carry {@code fenghuo.input = pcap:live:<interface>} (the
 * decoder's own name), so their counters are tagged with that rather than the configured name.
 */
final class PcapLiveInput {

    private static final Logger LOG = LoggerFactory.getLogger(PcapLiveInput.class);

    private PcapLiveInput() {
    }

    static InputFactory factory() {
        return (name, settings) -> {
            String iface = settings.string("interface", null);
            if (iface == null) {
                settings.problem("interface", "is required: the capture device, e.g. eth0 or any");
            }
            String bpf = settings.string("bpf", null);
            boolean promiscuous = settings.bool("promiscuous", true);
            int maxFlows = settings.integer("max_flows", FlowTableConfig.defaults().maxFlows(), 1, 100_000_000,
                    "is not a flow count (1..100000000)");
            List<String> protocols = settings.strings("protocols");
            AppProtocols chosen = StandardProtocols.all();
            if (protocols != null && protocols.equals(List.of("none"))) {
                chosen = AppProtocols.none();
            } else if (protocols != null && !protocols.equals(List.of("all"))) {
                try {
                    chosen = StandardProtocols.select(protocols);
                } catch (IllegalArgumentException e) {
                    settings.problem("protocols", "names an unknown protocol: " + e.getMessage());
                }
            }
            if (iface == null) {
                return null;
            }
            LiveCaptureConfig capture = LiveCaptureConfig.of(iface, bpf).withPromiscuous(promiscuous);
            FlowTableConfig flows = FlowTableConfig.defaults().withMaxFlows(maxFlows);
            AppProtocols app = chosen;
            return (output, registry) -> start(name, capture, flows, app, output.lossy());
        };
    }

    private static InputFactory.Running start(String name, LiveCaptureConfig capture, FlowTableConfig flows,
            AppProtocols app, EventSink sink) throws LiveCaptureException {
        LivePcapDecoder decoder = new LivePcapDecoder(capture, flows, app, sink::event, sink);
        decoder.open();
        Thread thread = new Thread(() -> {
            try {
                LivePcapDecoder.Result result = decoder.run();
                LOG.info("input {}: capture ended: {}", name, result.toStatusLine());
            } catch (LiveCaptureException | RuntimeException e) {
                LOG.error("input {}: capture on {} failed: {}", name, capture.interfaceName(), e.getMessage(), e);
            }
        }, "pcap-live-" + name);
        thread.setDaemon(true);
        thread.start();
        return InputFactory.Running.of("pcap_live " + name + " on " + capture.interfaceName()
                + (capture.bpf() != null ? " (" + capture.bpf() + ")" : ""), () -> {
                    decoder.stop();
                    thread.join(30_000);
                });
    }
}
