package org.fenghuo.collectors.pcap.app.dns;

import java.util.ArrayList;
import java.util.List;
import org.fenghuo.collectors.pcap.app.AppEvent;
import org.fenghuo.events.SecurityEvent;

/** Turns a parsed message into its ECS {@code dns.*} event. */
final class DnsEvents {
    private DnsEvents() {
    }

    static AppEvent event(DnsMessage m, long timestampNanos) {
        DnsQuestion q = m.questions().isEmpty() ? null : m.questions().get(0);
        List<SecurityEvent.DnsAnswer> answers = new ArrayList<>(m.answers().size());
        List<String> resolved = new ArrayList<>();
        for (DnsRecord r : m.answers()) {
            answers.add(new SecurityEvent.DnsAnswer(r.name(), DnsCodes.type(r.type()), DnsCodes.dnsClass(r.dnsClass()),
                    r.data(), r.ttl()));
            if ((r.type() == DnsCodes.A || r.type() == DnsCodes.AAAA) && r.data() != null) {
                resolved.add(r.data());
            }
        }
        SecurityEvent.Dns dns = new SecurityEvent.Dns(Integer.toString(m.id()), m.response() ? "answer" : "query",
                DnsCodes.opCode(m.opCode()), q == null ? null : q.name(), q == null ? null : DnsCodes.type(q.type()),
                q == null ? null : DnsCodes.dnsClass(q.dnsClass()),
                m.response() ? DnsCodes.responseCode(m.rcode()) : null, flags(m),
                answers.isEmpty() ? null : answers, resolved.isEmpty() ? null : resolved);
        AppEvent e = AppEvent.of(timestampNanos, "dns", m.response() ? "dns-answer" : "dns-query").withDns(dns);
        return m.response() ? e.withOutcome(m.rcode() == 0 ? "success" : "failure") : e;
    }

    /** ECS {@code dns.header_flags}, in the order ECS lists them. */
    static List<String> flags(DnsMessage m) {
        List<String> flags = new ArrayList<>(7);
        if (m.authoritative()) {
            flags.add("AA");
        }
        if (m.truncated()) {
            flags.add("TC");
        }
        if (m.recursionDesired()) {
            flags.add("RD");
        }
        if (m.recursionAvailable()) {
            flags.add("RA");
        }
        if (m.authenticData()) {
            flags.add("AD");
        }
        if (m.checkingDisabled()) {
            flags.add("CD");
        }
        if (m.dnssecOk()) {
            flags.add("DO");
        }
        return flags;
    }
}
