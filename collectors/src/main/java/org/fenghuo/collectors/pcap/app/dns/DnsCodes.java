package org.fenghuo.collectors.pcap.app.dns;

import java.util.HashMap;
import java.util.Map;

/** Mnemonics of the IANA DNS parameter registries, as dig and ECS spell them. */
public final class DnsCodes {
    public static final int A = 1;
    public static final int NS = 2;
    public static final int CNAME = 5;
    public static final int SOA = 6;
    public static final int PTR = 12;
    public static final int HINFO = 13;
    public static final int MX = 15;
    public static final int TXT = 16;
    public static final int AAAA = 28;
    public static final int SRV = 33;
    public static final int DNAME = 39;
    public static final int OPT = 41;
    public static final int SPF = 99;

    private static final Map<Integer, String> TYPES = new HashMap<>();
    private static final Map<Integer, String> CLASSES = Map.of(1, "IN", 3, "CH", 4, "HS", 254, "NONE", 255, "ANY");
    private static final Map<Integer, String> OPCODES = Map.of(0, "QUERY", 1, "IQUERY", 2, "STATUS", 4, "NOTIFY",
            5, "UPDATE", 6, "DSO");
    private static final String[] RCODES = {"NOERROR", "FORMERR", "SERVFAIL", "NXDOMAIN", "NOTIMP", "REFUSED",
        "YXDOMAIN", "YXRRSET", "NXRRSET", "NOTAUTH", "NOTZONE", "DSOTYPENI", null, null, null, null, "BADVERS",
        "BADKEY", "BADTIME", "BADMODE", "BADNAME", "BADALG", "BADTRUNC", "BADCOOKIE"};

    static {
        // registered types that are common on the wire; anything else is TYPEnnn (RFC 3597)
        String[] names = {"A", "NS", "MD", "MF", "CNAME", "SOA", "MB", "MG", "MR", "NULL", "WKS", "PTR", "HINFO",
            "MINFO", "MX", "TXT", "RP", "AFSDB"};
        for (int i = 0; i < names.length; i++) {
            TYPES.put(i + 1, names[i]);
        }
        Object[] more = {24, "SIG", 25, "KEY", 28, "AAAA", 29, "LOC", 33, "SRV", 35, "NAPTR", 36, "KX", 37, "CERT",
            39, "DNAME", 41, "OPT", 42, "APL", 43, "DS", 44, "SSHFP", 45, "IPSECKEY", 46, "RRSIG", 47, "NSEC",
            48, "DNSKEY", 49, "DHCID", 50, "NSEC3", 51, "NSEC3PARAM", 52, "TLSA", 53, "SMIMEA", 55, "HIP", 59, "CDS",
            60, "CDNSKEY", 61, "OPENPGPKEY", 62, "CSYNC", 63, "ZONEMD", 64, "SVCB", 65, "HTTPS", 99, "SPF",
            249, "TKEY", 250, "TSIG", 251, "IXFR", 252, "AXFR", 253, "MAILB", 254, "MAILA", 255, "ANY", 256, "URI",
            257, "CAA"};
        for (int i = 0; i < more.length; i += 2) {
            TYPES.put((Integer) more[i], (String) more[i + 1]);
        }
    }

    private DnsCodes() {
    }

    /** "AAAA", or "TYPE65280" for an unregistered or rare type. */
    public static String type(int type) {
        String name = TYPES.get(type);
        return name != null ? name : "TYPE" + type;
    }

    /** "IN", or "CLASS32769" (RFC 3597), e.g. for mDNS with the unicast-response bit. */
    public static String dnsClass(int dnsClass) {
        String name = CLASSES.get(dnsClass);
        return name != null ? name : "CLASS" + dnsClass;
    }

    /** "QUERY" ... "UPDATE", or the number for an unassigned opcode. */
    public static String opCode(int opCode) {
        String name = OPCODES.get(opCode);
        return name != null ? name : Integer.toString(opCode);
    }

    /** "NOERROR", "NXDOMAIN" ..., or the number for an unassigned code. */
    public static String responseCode(int rcode) {
        String name = rcode >= 0 && rcode < RCODES.length ? RCODES[rcode] : null;
        return name != null ? name : Integer.toString(rcode);
    }
}
