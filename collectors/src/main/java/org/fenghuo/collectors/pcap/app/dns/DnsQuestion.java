package org.fenghuo.collectors.pcap.app.dns;

/**
 * One entry of the question section.
 *
 * @param name  presentation form without the trailing dot ("" for the root)
 * @param type  QTYPE number
 * @param dnsClass QCLASS number, with the mDNS unicast-response bit kept as sent
 */
public record DnsQuestion(String name, int type, int dnsClass) {
}
