package org.fenghuo.collectors.edge;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The input types {@code edge.yml} knows, by the name written in {@code type}. A new input is one
 * entry here and one {@link InputFactory}.
 */
public final class InputTypes {

    private InputTypes() {
    }

    public static Map<String, InputFactory> standard() {
        Map<String, InputFactory> types = new LinkedHashMap<>();
        types.put("syslog_udp", SyslogInputs.udp());
        types.put("syslog_tcp", SyslogInputs.tcp());
        types.put("syslog_tls", SyslogInputs.tls());
        types.put("netflow", NetflowInput.factory());
        types.put("pcap_live", PcapLiveInput.factory());
        return types;
    }
}
