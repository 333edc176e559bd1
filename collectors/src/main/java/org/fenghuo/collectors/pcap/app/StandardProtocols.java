package org.fenghuo.collectors.pcap.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The protocols Fenghuo decodes from packets, in the order they are tried on a new flow: the
 * ones recognised by a distinctive start first, port-bound ones after.
 */
public final class StandardProtocols {
    private StandardProtocols() {
    }

    /** Every protocol, by name, in recognition order. */
    public static Map<String, AppProtocol> byName() {
        Map<String, AppProtocol> all = new LinkedHashMap<>();
        add(all, org.fenghuo.collectors.pcap.app.dns.DnsProtocol.INSTANCE);
        add(all, new org.fenghuo.collectors.pcap.app.tls.TlsProtocol());
        add(all, new org.fenghuo.collectors.pcap.app.http.HttpProtocol());
        add(all, new org.fenghuo.collectors.pcap.app.ssh.SshProtocol());
        add(all, new org.fenghuo.collectors.pcap.app.dnp3.Dnp3Protocol());
        add(all, new org.fenghuo.collectors.pcap.app.s7comm.S7commProtocol());
        add(all, new org.fenghuo.collectors.pcap.app.iec104.Iec104Protocol());
        add(all, new org.fenghuo.collectors.pcap.app.modbus.ModbusProtocol());
        return all;
    }

    private static void add(Map<String, AppProtocol> all, AppProtocol p) {
        all.put(p.name(), p);
    }

    public static AppProtocols all() {
        return new AppProtocols(List.copyOf(byName().values()));
    }

    /**
     * The named protocols, still in recognition order.
     *
     * @throws IllegalArgumentException naming an unknown protocol and the known ones
     */
    public static AppProtocols select(List<String> names) {
        Map<String, AppProtocol> all = byName();
        for (String n : names) {
            if (!all.containsKey(n)) {
                throw new IllegalArgumentException("unknown protocol '" + n + "'; known: " + String.join(", ", all.keySet()));
            }
        }
        List<AppProtocol> chosen = new ArrayList<>();
        all.forEach((name, p) -> {
            if (names.contains(name)) {
                chosen.add(p);
            }
        });
        return new AppProtocols(chosen);
    }
}
