package org.fenghuo.collectors.pcap.app.s7comm;

import java.util.HexFormat;

/** ISO 8073 COTP TPDU codes and the connection parameters S7 uses. */
final class Cotp {
    static final int CR = 0xE0;
    static final int CC = 0xD0;
    static final int DR = 0x80;
    static final int DC = 0xC0;
    static final int DT = 0xF0;
    static final int ER = 0x70;
    static final int EOT = 0x80;
    private static final int PARAM_TPDU_SIZE = 0xC0;
    private static final int PARAM_CALLING_TSAP = 0xC1;
    private static final int PARAM_CALLED_TSAP = 0xC2;

    private Cotp() {
    }

    /** TPDU type of a COTP header octet: the high nibble (CR and CC carry credit in the low one). */
    static int type(int octet) {
        return octet & 0xF0;
    }

    /**
     * A connection request or confirm's parameters.
     *
     * @param srcTsap  calling TSAP: hex, or text when printable (S7-1200/1500 "SIMATIC-ROOT-HMI")
     * @param dstTsap  called TSAP, likewise
     * @param rackSlot "rack/slot" from a 2-octet called TSAP (second octet: rack * 32 + slot)
     * @param tpduSize maximum TPDU size in octets, or -1
     */
    record Connect(String srcTsap, String dstTsap, String rackSlot, int tpduSize) {
        /** Parameters of a CR/CC at {@code tpdu[start, end)} (after the class octet); unknown ones are skipped. */
        static Connect parse(byte[] tpdu, int start, int end) {
            String src = null;
            String dst = null;
            String rackSlot = null;
            int size = -1;
            int q = start;
            while (q + 2 <= end) {
                int code = tpdu[q] & 0xFF;
                int length = tpdu[q + 1] & 0xFF;
                int value = q + 2;
                if (value + length > end) {
                    break;
                }
                if (code == PARAM_CALLING_TSAP) {
                    src = tsap(tpdu, value, length);
                } else if (code == PARAM_CALLED_TSAP) {
                    dst = tsap(tpdu, value, length);
                    if (length == 2) {
                        int rs = tpdu[value + 1] & 0xFF;
                        rackSlot = (rs >> 5) + "/" + (rs & 0x1F);
                    }
                } else if (code == PARAM_TPDU_SIZE && length == 1 && (tpdu[value] & 0xFF) <= 16) {
                    size = 1 << (tpdu[value] & 0xFF);
                }
                q = value + length;
            }
            return new Connect(src, dst, rackSlot, size);
        }

        private static String tsap(byte[] b, int off, int len) {
            boolean printable = len > 2;
            for (int i = off; i < off + len && printable; i++) {
                printable = b[i] >= 0x20 && b[i] < 0x7F;
            }
            return printable ? new String(b, off, len, java.nio.charset.StandardCharsets.US_ASCII)
                    : HexFormat.of().formatHex(b, off, off + len);
        }
    }
}
