package org.fenghuo.collectors.netflow;

/**
 * Reads the template and options-template records of one set (v9 sets 0 and 1, IPFIX sets 2 and
 * 3), checking every length against the set before trusting it. A bad template ends the set: the
 * bytes after it cannot be located reliably.
 */
final class TemplateParser {
    /** More fields than any real exporter sends; bounds the arrays a hostile template can make us allocate. */
    static final int MAX_FIELDS = 512;
    /** The largest record a set can hold: 65535 minus the set header. */
    static final int MAX_RECORD_LENGTH = 65535 - 4;

    /** What a template set yields, in order. */
    interface Listener {
        void template(Template template);

        /** IPFIX withdrawal: {@code templateId} or, when -1, every template of that kind. */
        void withdraw(int templateId, boolean options);

        void error(NetflowErrorKind kind, String reason, int offset);
    }

    private TemplateParser() {
    }

    /** NetFlow v9 template set (id 0) or options template set (id 1), between {@code pos} and {@code end}. */
    static void v9(byte[] b, int pos, int end, boolean options, Listener out) {
        while (end - pos >= 4) {
            int id = Bytes.u16(b, pos);
            if (!options) {
                int count = Bytes.u16(b, pos + 2);
                if (id == 0 && count == 0) {
                    return; // padding at the end of the set
                }
                if (count == 0 || count > MAX_FIELDS || pos + 4 + 4 * count > end) {
                    out.error(NetflowErrorKind.BAD_TEMPLATE, "v9 template " + id + ": field count " + count
                            + " does not fit its set (" + (end - pos - 4) + " bytes left)", pos);
                    return;
                }
                Template t = fields(b, pos + 4, id, false, 0, count, out, pos);
                if (t == null) {
                    return;
                }
                out.template(t);
                pos += 4 + 4 * count;
            } else {
                if (end - pos < 6) {
                    return;
                }
                int scopeBytes = Bytes.u16(b, pos + 2);
                int optionBytes = Bytes.u16(b, pos + 4);
                if (id == 0 && scopeBytes == 0 && optionBytes == 0) {
                    return;
                }
                if (scopeBytes % 4 != 0 || optionBytes % 4 != 0 || scopeBytes + optionBytes == 0
                        || pos + 6 + scopeBytes + optionBytes > end
                        || (scopeBytes + optionBytes) / 4 > MAX_FIELDS) {
                    out.error(NetflowErrorKind.BAD_TEMPLATE, "v9 options template " + id + ": scope length "
                            + scopeBytes + " and option length " + optionBytes + " do not fit its set ("
                            + (end - pos - 6) + " bytes left) in 4-byte fields", pos);
                    return;
                }
                int count = (scopeBytes + optionBytes) / 4;
                Template t = fields(b, pos + 6, id, true, scopeBytes / 4, count, out, pos);
                if (t == null) {
                    return;
                }
                out.template(t);
                pos += 6 + scopeBytes + optionBytes;
                // v9 options templates are padded to 4 bytes; the padding is zero and ends the loop
            }
        }
    }

    /** IPFIX template set (id 2) or options template set (id 3). */
    static void ipfix(byte[] b, int pos, int end, boolean options, Listener out) {
        int header = options ? 6 : 4;
        while (end - pos >= 4) {
            int id = Bytes.u16(b, pos);
            int count = Bytes.u16(b, pos + 2);
            if (count == 0) {
                if (id == 0) {
                    return; // padding
                }
                // RFC 7011 8.1: a withdrawal; the set's own id as template id withdraws them all
                out.withdraw(id == 2 || id == 3 ? -1 : id, options);
                pos += 4;
                continue;
            }
            if (end - pos < header) {
                out.error(NetflowErrorKind.BAD_TEMPLATE, "IPFIX options template " + id
                        + ": header runs past its set", pos);
                return;
            }
            int scope = options ? Bytes.u16(b, pos + 4) : 0;
            if (id < 256 || count > MAX_FIELDS || (options && (scope == 0 || scope > count))) {
                out.error(NetflowErrorKind.BAD_TEMPLATE, "IPFIX template " + id + ": id below 256, or "
                        + count + " fields with scope count " + scope, pos);
                return;
            }
            int consumed = ipfixFields(b, pos + header, end, id, options, scope, count, out, pos);
            if (consumed < 0) {
                return;
            }
            pos += header + consumed;
        }
    }

    private static int ipfixFields(byte[] b, int pos, int end, int id, boolean options, int scope, int count,
            Listener out, int start) {
        int[] ids = new int[count];
        long[] pens = new long[count];
        int[] lengths = new int[count];
        int p = pos;
        for (int i = 0; i < count; i++) {
            if (end - p < 4) {
                out.error(NetflowErrorKind.BAD_TEMPLATE, "IPFIX template " + id + ": field " + (i + 1) + " of "
                        + count + " runs past its set", start);
                return -1;
            }
            int type = Bytes.u16(b, p);
            int length = Bytes.u16(b, p + 2);
            p += 4;
            if ((type & 0x8000) != 0) {
                if (end - p < 4) {
                    out.error(NetflowErrorKind.BAD_TEMPLATE, "IPFIX template " + id + ": enterprise number of field "
                            + (i + 1) + " runs past its set", start);
                    return -1;
                }
                pens[i] = Bytes.u32(b, p);
                p += 4;
            }
            ids[i] = type & 0x7fff;
            lengths[i] = length == 65535 ? Template.VARIABLE : length;
        }
        Template t = checked(new Template(id, options, scope, ids, pens, lengths), out, start);
        if (t == null) {
            return -1;
        }
        out.template(t);
        return p - pos;
    }

    private static Template fields(byte[] b, int pos, int id, boolean options, int scope, int count,
            Listener out, int start) {
        int[] ids = new int[count];
        long[] pens = new long[count];
        int[] lengths = new int[count];
        for (int i = 0; i < count; i++) {
            ids[i] = Bytes.u16(b, pos + 4 * i);
            int length = Bytes.u16(b, pos + 4 * i + 2);
            // not in RFC 3954, but H3C/Huawei send IPFIX-style variable-length strings (65535) in v9 too
            lengths[i] = length == 65535 ? Template.VARIABLE : length;
            // v9 has no enterprise bit; scope fields are marked with pen -1 (scope types, not elements)
            pens[i] = options && i < scope ? -1 : 0;
        }
        if (id < 256) {
            out.error(NetflowErrorKind.BAD_TEMPLATE, "v9 template id " + id + " is below 256", start);
            return null;
        }
        return checked(new Template(id, options, scope, ids, pens, lengths), out, start);
    }

    private static Template checked(Template t, Listener out, int start) {
        if (t.minRecordLength == 0 || t.minRecordLength > MAX_RECORD_LENGTH) {
            out.error(NetflowErrorKind.BAD_TEMPLATE, "template " + t.id + ": record length " + t.minRecordLength
                    + " is impossible (1.." + MAX_RECORD_LENGTH + ")", start);
            return null;
        }
        return t;
    }
}
