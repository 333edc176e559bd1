package org.fenghuo.collectors.pcap.app.iec104;

/**
 * One parsed IEC 104 APDU. Fields that the format does not carry are -1 (sequence numbers of a
 * U-format, the ASDU of an S- or U-format, the IOA of an ASDU too short to hold one).
 *
 * @param format      'I', 'S' or 'U'
 * @param uFunction   STARTDT_ACT, STARTDT_CON, STOPDT_ACT, STOPDT_CON, TESTFR_ACT, TESTFR_CON (U only)
 * @param sendSeq     N(S) of an I-format
 * @param recvSeq     N(R) of an I- or S-format
 * @param typeId      ASDU type identification
 * @param sequence    the SQ bit: objects are consecutive from the first IOA
 * @param objects     number of information objects
 * @param cause       cause of transmission, 6 bits
 * @param negative    the P/N bit
 * @param test        the T bit
 * @param originator  originator address
 * @param commonAddress common address of the ASDU
 * @param firstIoa    information object address of the first object
 */
record Apdu(char format, String uFunction, int sendSeq, int recvSeq, int typeId, boolean sequence, int objects,
            int cause, boolean negative, boolean test, int originator, int commonAddress, long firstIoa) {

    /** Lowest APCI length byte: the four control octets. */
    static final int MIN_LENGTH = 4;
    /** Highest APCI length byte (APDU of 255 octets). */
    static final int MAX_LENGTH = 253;
    static final int START = 0x68;
    /** Length byte of an I-format holding at least type, VSQ, 2-octet COT and common address. */
    static final int MIN_I_LENGTH = 10;

    /** Whether {@code b} may be an APCI length octet. */
    static boolean plausibleLength(int b) {
        return b >= MIN_LENGTH && b <= MAX_LENGTH;
    }

    /** The reason {@code apdu[0, 2+length)} cannot be an APDU, or null when its control field is sound. */
    static String check(byte[] apdu, int off) {
        int length = apdu[off + 1] & 0xFF;
        int c1 = apdu[off + 2] & 0xFF;
        if ((c1 & 1) == 0) {
            return length >= MIN_I_LENGTH ? null : "short i-format";
        }
        if (length != MIN_LENGTH) {
            return "s/u-format with asdu";
        }
        if ((c1 & 3) == 1) {
            return c1 == 1 && apdu[off + 3] == 0 ? null : "bad control field";
        }
        if (uName(c1) == null || apdu[off + 3] != 0 || apdu[off + 4] != 0 || apdu[off + 5] != 0) {
            return "bad control field";
        }
        return null;
    }

    /** Parses a complete APDU already {@link #check checked}. */
    static Apdu parse(byte[] b, int off) {
        int length = b[off + 1] & 0xFF;
        int c1 = b[off + 2] & 0xFF;
        if ((c1 & 3) == 3) {
            return new Apdu('U', uName(c1), -1, -1, -1, false, -1, -1, false, false, -1, -1, -1);
        }
        int recv = ((b[off + 4] & 0xFF) | (b[off + 5] & 0xFF) << 8) >>> 1;
        if ((c1 & 1) == 1) {
            return new Apdu('S', null, -1, recv, -1, false, -1, -1, false, false, -1, -1, -1);
        }
        int send = (c1 | (b[off + 3] & 0xFF) << 8) >>> 1;
        int a = off + 6;
        int vsq = b[a + 1] & 0xFF;
        int cot = b[a + 2] & 0xFF;
        long ioa = length >= MIN_I_LENGTH + 3
                ? (b[a + 6] & 0xFF) | (b[a + 7] & 0xFF) << 8 | (long) (b[a + 8] & 0xFF) << 16 : -1;
        return new Apdu('I', null, send, recv, b[a] & 0xFF, (vsq & 0x80) != 0, vsq & 0x7F, cot & 0x3F,
                (cot & 0x40) != 0, (cot & 0x80) != 0, b[a + 3] & 0xFF, (b[a + 4] & 0xFF) | (b[a + 5] & 0xFF) << 8, ioa);
    }

    private static String uName(int c1) {
        return switch (c1) {
            case 0x07 -> "STARTDT_ACT";
            case 0x0B -> "STARTDT_CON";
            case 0x13 -> "STOPDT_ACT";
            case 0x23 -> "STOPDT_CON";
            case 0x43 -> "TESTFR_ACT";
            case 0x83 -> "TESTFR_CON";
            default -> null;
        };
    }
}
