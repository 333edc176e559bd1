package org.fenghuo.collectors.pcap.app.dns;

/**
 * One resource record of the answer, authority or additional section.
 *
 * @param name     owner name, presentation form without the trailing dot
 * @param type     TYPE number
 * @param dnsClass CLASS number (for OPT: the requester's UDP payload size)
 * @param ttl      TTL as an unsigned 32-bit value (for OPT: extended rcode, version and flags)
 * @param data     RDATA as text (see {@link DnsParser}); null when the type has no text form here
 */
public record DnsRecord(String name, int type, int dnsClass, long ttl, String data) {
}
