/**
 * DNS in captures: RFC 1035 messages over UDP and TCP, as ECS {@code dns.*} events.
 *
 * <h2>What is recognised</h2>
 * A UDP or TCP flow where either port is 53 (DNS), 5353 (mDNS) or 5355 (LLMNR) and whose first
 * payload passes a header check: a known opcode and section counts that fit the message (after
 * the 2-byte length prefix on TCP). Other traffic on those ports stays a plain flow; DNS on other
 * ports (DNS over HTTPS, resolvers on odd ports) is not looked for. Register with
 * {@code AppProtocols.of(DnsProtocol.INSTANCE, ...)}.
 *
 * <h2>What is parsed</h2>
 * {@link org.fenghuo.collectors.pcap.app.dns.DnsParser} reads the header, every question and the
 * answer, authority and additional records, with no dependency. Names follow compression
 * pointers only backwards (a pointer must go before the labels that led to it), so pointer loops
 * and forward references are refused in linear time; names over 255 wire octets are refused.
 * Label bytes are written as dig does: {@code \.} and {@code \\} for a dot or backslash inside a
 * label, {@code \DDD} for bytes outside printable ASCII (so log output stays ASCII). RDATA is text
 * as dig prints it, names without the trailing dot: A, AAAA (RFC 5952), CNAME, NS, PTR, DNAME,
 * MX ({@code 10 mail.example.com}), SRV ({@code 0 5 5060 sip.example.com}), SOA
 * ({@code mname rname serial refresh retry expire minimum}), TXT, SPF and HINFO (quoted strings).
 * Any other type keeps its mnemonic or {@code TYPEnnn} and RFC 3597 data ({@code \# 2 01ab}).
 * EDNS: the OPT record's extended rcode and DO bit are used, its options are ignored.
 *
 * <h2>Events</h2>
 * One event per message, {@code event.action} {@code dns-query} or {@code dns-answer}, dataset
 * {@code pcap.dns}, linked to its flow:
 * <ul>
 * <li>{@code dns.id} (decimal), {@code dns.type} query|answer, {@code dns.op_code} (QUERY, IQUERY,
 * STATUS, NOTIFY, UPDATE, DSO or the number);</li>
 * <li>{@code dns.question.name|type|class} from the first question (name without trailing dot,
 * "" for the root; class {@code CLASSnnn} when unassigned, e.g. mDNS's unicast-response bit);</li>
 * <li>{@code dns.response_code} for answers (NOERROR, FORMERR, SERVFAIL, NXDOMAIN, NOTIMP, REFUSED,
 * ..., extended codes such as BADVERS included); {@code event.outcome} success for NOERROR,
 * else failure;</li>
 * <li>{@code dns.header_flags}: AA, TC, RD, RA, AD, CD and DO (from EDNS);</li>
 * <li>{@code dns.answers} (name, type, class, ttl, data) and {@code dns.resolved_ip} (A and AAAA
 * data) from the answer section only: glue in the authority and additional sections is not
 * what was resolved.</li>
 * </ul>
 * Queries and answers are not paired: each message stands alone, so an unanswered query is
 * simply a query event.
 *
 * <h2>TCP</h2>
 * Messages are cut by their 2-byte length (RFC 1035 4.2.2) whatever the segmentation; at most
 * one message (65535 bytes) is held per direction. After a capture gap inside a message of known
 * length that message is dropped and framing goes on after it; after a gap that may have hidden
 * a length prefix, framing resumes at the next delivered segment only if it starts like a DNS
 * message, else that direction is no longer analysed. A stream ending inside a message is
 * reported as {@code truncated message}.
 *
 * <h2>Malformed messages</h2>
 * A message that does not parse is a dead letter (counted per reason: {@code truncated header},
 * {@code truncated name}, {@code truncated question}, {@code truncated record},
 * {@code bad name pointer}, {@code bad label type}, {@code name too long},
 * {@code bad record length}, {@code bad record data}) and produces no event; the next message is
 * read as usual. Bytes after the last section are ignored.
 *
 * <h2>Conformance</h2>
 * {@code DnsTsharkConformanceTest} compares every message with tshark's decoding of the shared
 * captures (expected files under {@code src/test/resources/conformance/tshark/dns}).
 */
package org.fenghuo.collectors.pcap.app.dns;
