package org.fenghuo.collectors.pcap.app.dns;

import java.util.List;

/**
 * One parsed DNS message (RFC 1035 4.1).
 *
 * @param id        the 16-bit ID
 * @param response  QR bit
 * @param opCode    OPCODE (4 bits)
 * @param flags     the 16-bit flags word as sent (QR, OPCODE, AA, TC, RD, RA, Z, AD, CD, RCODE)
 * @param rcode     RCODE, extended by the OPT record's upper 8 bits when present (RFC 6891)
 * @param dnssecOk  the DO bit of the OPT record
 */
public record DnsMessage(int id, boolean response, int opCode, int flags, int rcode, boolean dnssecOk,
                         List<DnsQuestion> questions, List<DnsRecord> answers, List<DnsRecord> authorities,
                         List<DnsRecord> additionals) {
    public DnsMessage {
        questions = List.copyOf(questions);
        answers = List.copyOf(answers);
        authorities = List.copyOf(authorities);
        additionals = List.copyOf(additionals);
    }

    public boolean authoritative() {
        return (flags & 0x0400) != 0;
    }

    public boolean truncated() {
        return (flags & 0x0200) != 0;
    }

    public boolean recursionDesired() {
        return (flags & 0x0100) != 0;
    }

    public boolean recursionAvailable() {
        return (flags & 0x0080) != 0;
    }

    public boolean authenticData() {
        return (flags & 0x0020) != 0;
    }

    public boolean checkingDisabled() {
        return (flags & 0x0010) != 0;
    }
}
