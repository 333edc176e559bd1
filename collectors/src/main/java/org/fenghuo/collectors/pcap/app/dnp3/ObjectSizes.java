package org.fenghuo.collectors.pcap.app.dnp3;

/**
 * Sizes of fixed-size DNP3 objects, in bits (packed groups) or bytes, for the groups this parser
 * can skip: 1-4, 10-13, 20-23, 30-34, 40-43, 50-52, 60, 80 and the octet-string groups 110-113
 * (whose variation is the length; variation 0 has no size).
 */
final class ObjectSizes {
    /** Unknown: object data cannot be skipped. */
    static final int UNKNOWN = -1;

    private ObjectSizes() {
    }

    /** Size in bits of one object of {@code group} variation {@code variation}, or {@link #UNKNOWN}. */
    static int bits(int group, int variation) {
        int bytes = switch (group) {
            case 1, 10, 80 -> variation == 1 ? -8 : variation == 2 && group != 80 ? 1 : UNKNOWN;
            case 3 -> variation == 1 ? -16 : variation == 2 ? 1 : UNKNOWN;
            case 2, 4, 11, 13 -> pick(variation, 1, 7, 3);
            case 12 -> variation == 3 ? -8 : variation == 1 || variation == 2 ? 11 : UNKNOWN;
            case 20 -> pick(variation, 5, 3, 5, 3, 4, 2, 4, 2);
            case 21 -> pick(variation, 5, 3, 5, 3, 11, 9, 11, 9, 4, 2, 4, 2);
            case 22, 23 -> pick(variation, 5, 3, 5, 3, 11, 9, 11, 9);
            case 30 -> pick(variation, 5, 3, 4, 2, 5, 9);
            case 31 -> pick(variation, 5, 3, 11, 9, 4, 2, 5, 9);
            case 32, 33, 42, 43 -> pick(variation, 5, 3, 11, 9, 5, 9, 11, 15);
            case 34 -> pick(variation, 2, 4, 4);
            case 40, 41 -> pick(variation, 5, 3, 5, 9);
            case 50 -> pick(variation, 6, 10, 6, 11);
            case 51 -> pick(variation, 6, 6);
            case 52 -> pick(variation, 2, 2);
            case 60 -> 0;
            case 110, 111, 112, 113 -> variation == 0 ? UNKNOWN : variation;
            default -> UNKNOWN;
        };
        if (bytes == UNKNOWN) {
            return UNKNOWN;
        }
        // packed sizes are given negated in bits (1 or 2 bits per object)
        return bytes < 0 ? -bytes / 8 : bytes * 8;
    }

    private static int pick(int variation, int... sizes) {
        return variation >= 1 && variation <= sizes.length ? sizes[variation - 1] : UNKNOWN;
    }
}
