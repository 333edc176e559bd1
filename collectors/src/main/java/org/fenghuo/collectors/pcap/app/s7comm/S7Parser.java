package org.fenghuo.collectors.pcap.app.s7comm;

import java.nio.charset.StandardCharsets;
import org.fenghuo.collectors.pcap.flow.HexText;

/** Reads one S7comm PDU from a COTP-reassembled buffer; every read is bounds-checked. */
final class S7Parser {
    static final int PROTOCOL_ID = 0x32;
    private static final int SYNTAX_S7ANY = 0x10;
    private static final int VAR_SPEC = 0x12;

    /** Bytes that are not the S7comm PDU they claim to be. Never escapes the analyzer. */
    static final class Malformed extends Exception {
        final String reason;

        Malformed(String reason, String detail) {
            super(detail, null, false, false);
            this.reason = reason;
        }
    }

    private final byte[] b;
    private final int off;
    private final int end;

    private S7Parser(byte[] b, int off, int len) {
        this.b = b;
        this.off = off;
        this.end = off + len;
    }

    static S7Pdu parse(byte[] data, int off, int len) throws Malformed {
        return new S7Parser(data, off, len).pdu();
    }

    private S7Pdu pdu() throws Malformed {
        if (u8(0) != PROTOCOL_ID) {
            throw new Malformed("bad protocol id", HexText.prefixedHex(u8(0), 2));
        }
        int rosctr = u8(1);
        if (rosctr != S7Names.ROSCTR_JOB && rosctr != S7Names.ROSCTR_ACK && rosctr != S7Names.ROSCTR_ACK_DATA
                && rosctr != S7Names.ROSCTR_USERDATA) {
            throw new Malformed("unknown rosctr", Integer.toString(rosctr));
        }
        boolean ack = rosctr == S7Names.ROSCTR_ACK || rosctr == S7Names.ROSCTR_ACK_DATA;
        int header = ack ? 12 : 10;
        int pduRef = u16(4);
        int paramLength = u16(6);
        int dataLength = u16(8);
        int errorClass = ack ? u8(10) : -1;
        int errorCode = ack ? u8(11) : -1;
        if (header + paramLength + dataLength > end - off) {
            throw new Malformed("s7 length mismatch", "header " + header + " + parameters " + paramLength + " + data "
                    + dataLength + " > " + (end - off));
        }
        Fields f = new Fields();
        int p = header;
        int d = header + paramLength;
        if (rosctr == S7Names.ROSCTR_USERDATA) {
            userdata(f, p, paramLength, d, dataLength);
        } else if (paramLength > 0) {
            f.function = u8(p);
            function(f, rosctr, p, paramLength, d, dataLength);
        }
        return new S7Pdu(rosctr, pduRef, errorClass, errorCode, f.function, f.itemCount, f.area, f.db, f.byteAddress,
                f.transportSize, f.userdataType, f.group, f.subfunction, f.returnCode, f.userdataError, f.detail,
                f.pduLength);
    }

    /** What the parameter and data parts gave. */
    private static final class Fields {
        int function = -1;
        int itemCount = -1;
        int area = -1;
        int db = -1;
        long byteAddress = -1;
        int transportSize = -1;
        int userdataType = -1;
        int group = -1;
        int subfunction = -1;
        int returnCode = -1;
        int userdataError = -1;
        String detail;
        int pduLength = -1;
    }

    private void function(Fields f, int rosctr, int p, int paramLength, int d, int dataLength) throws Malformed {
        int fn = f.function;
        boolean job = rosctr == S7Names.ROSCTR_JOB;
        if (fn == S7Names.FN_READ_VAR || fn == S7Names.FN_WRITE_VAR) {
            if (paramLength < 2) {
                return;
            }
            f.itemCount = u8(p + 1);
            if (job && f.itemCount > 0 && paramLength >= 14 && u8(p + 2) == VAR_SPEC && u8(p + 3) >= 10
                    && u8(p + 4) == SYNTAX_S7ANY) {
                f.transportSize = u8(p + 5);
                f.db = u16(p + 8);
                f.area = u8(p + 10);
                f.byteAddress = u24(p + 11) >> 3;
            } else if (!job) {
                f.returnCode = fn == S7Names.FN_READ_VAR ? readReturnCode(d, dataLength, f.itemCount)
                        : writeReturnCode(d, dataLength, f.itemCount);
            }
        } else if (fn == S7Names.FN_SETUP && paramLength >= 8) {
            f.pduLength = u16(p + 6);
        } else if (fn == S7Names.FN_PI_SERVICE && job && paramLength >= 11) {
            int block = u16(p + 8);
            int at = p + 10 + block;
            if (at < p + paramLength) {
                f.detail = text(at + 1, Math.min(u8(at), p + paramLength - at - 1));
            }
        } else if (fn == S7Names.FN_PLC_STOP && job && paramLength >= 7) {
            f.detail = text(p + 7, Math.min(u8(p + 6), paramLength - 7));
        } else if (fn >= S7Names.FN_REQUEST_DOWNLOAD && fn <= S7Names.FN_START_UPLOAD && job && paramLength >= 9) {
            f.detail = text(p + 9, Math.min(u8(p + 8), paramLength - 9));
        }
    }

    /** First failing item of a read var response: return code, transport size, length, data (even-padded). */
    private int readReturnCode(int d, int dataLength, int items) throws Malformed {
        int at = d;
        int last = d + dataLength;
        for (int i = 0; i < items && at + 4 <= last; i++) {
            int rc = u8(at);
            if (rc != 0xFF) {
                return rc;
            }
            int size = u8(at + 1);
            int length = u16(at + 2);
            if (size == 0x03 || size == 0x04 || size == 0x05) {
                length = (length + 7) / 8; // bits
            }
            at += 4 + length + (length % 2 == 1 && i < items - 1 ? 1 : 0);
        }
        return -1;
    }

    private int writeReturnCode(int d, int dataLength, int items) throws Malformed {
        for (int i = 0; i < Math.min(items, dataLength); i++) {
            if (u8(d + i) != 0xFF) {
                return u8(d + i);
            }
        }
        return -1;
    }

    private void userdata(Fields f, int p, int paramLength, int d, int dataLength) throws Malformed {
        if (paramLength < 8) {
            throw new Malformed("short userdata parameter", Integer.toString(paramLength));
        }
        int typeGroup = u8(p + 5);
        f.userdataType = typeGroup >> 4;
        f.group = typeGroup & 0x0F;
        f.subfunction = u8(p + 6);
        if (u8(p + 3) >= 8 && paramLength >= 12) {
            f.userdataError = u16(p + 10);
        }
        if (dataLength >= 4) {
            int rc = u8(d);
            if (rc != 0xFF) {
                f.returnCode = rc;
            } else if (f.group == 0x4 && f.subfunction == 0x01 && dataLength >= 8) {
                f.detail = "szl " + HexText.prefixedHex(u16(d + 4), 4) + " index " + HexText.prefixedHex(u16(d + 6), 4);
            }
        }
    }

    /** ASCII name of {@code length} bytes at {@code i}, or null when empty or not printable. */
    private String text(int i, int length) throws Malformed {
        if (length <= 0) {
            return null;
        }
        for (int k = 0; k < length; k++) {
            int c = u8(i + k);
            if (c < 0x20 || c > 0x7E) {
                return null;
            }
        }
        return new String(b, off + i, length, StandardCharsets.US_ASCII);
    }

    private int u8(int i) throws Malformed {
        if (i < 0 || off + i >= end) {
            throw new Malformed("truncated s7 pdu", "offset " + i + " of " + (end - off));
        }
        return b[off + i] & 0xFF;
    }

    private int u16(int i) throws Malformed {
        return u8(i) << 8 | u8(i + 1);
    }

    private long u24(int i) throws Malformed {
        return (long) u8(i) << 16 | u8(i + 1) << 8 | u8(i + 2);
    }
}
