package org.fenghuo.collectors.pcap.app.dnp3;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads an application fragment: control, function, IIN (responses) and the object headers,
 * skipping object data whose size is known (fixed-size groups in {@link ObjectSizes}, or objects
 * with a size prefix). At the first object whose size is unknown, or a header or data running past
 * the fragment's end, listing stops; what was read is kept.
 */
final class ApplicationParser {
    static final int MAX_OBJECTS = 32;

    private ApplicationParser() {
    }

    /** @return null when the fragment is too short to hold a function code (and IIN for a response) */
    static AppFragment parse(byte[] a, int len) {
        if (len < 2) {
            return null;
        }
        int control = a[0] & 0xff;
        int function = a[1] & 0xff;
        int p = 2;
        Integer iin = null;
        if (Dnp3Functions.response(function)) {
            if (len < 4) {
                return null;
            }
            iin = (a[2] & 0xff) | (a[3] & 0xff) << 8;
            p = 4;
        }
        boolean data = Dnp3Functions.response(function) || !Dnp3Functions.headersOnly(function);
        List<String> objects = new ArrayList<>();
        Long firstIndex = null;
        Long firstCount = null;
        String stopped = null;
        while (p < len) {
            if (objects.size() == MAX_OBJECTS) {
                stopped = "too many objects";
                break;
            }
            if (p + 3 > len) {
                stopped = "truncated";
                break;
            }
            int group = a[p] & 0xff;
            int variation = a[p + 1] & 0xff;
            int qualifier = a[p + 2] & 0xff;
            int prefixCode = (qualifier >> 4) & 7;
            int rangeCode = qualifier & 0x0f;
            p += 3;
            objects.add("g" + group + "v" + variation);
            int rangeBytes = rangeBytes(rangeCode);
            if (rangeBytes < 0 || p + rangeBytes > len) {
                stopped = rangeBytes < 0 ? "unknown qualifier" : "truncated";
                break;
            }
            long start = -1;
            long count = -1;
            if (rangeCode <= 5) {
                int w = rangeBytes / 2;
                start = uint(a, p, w);
                long stop = uint(a, p + w, w);
                count = stop >= start ? stop - start + 1 : 0;
            } else if (rangeCode != 6) {
                count = uint(a, p, rangeBytes);
            }
            p += rangeBytes;
            int prefixBytes = prefixBytes(prefixCode);
            if (objects.size() == 1) {
                firstCount = count < 0 ? null : count;
                firstIndex = start >= 0 ? Long.valueOf(start)
                        : prefixCode >= 1 && prefixCode <= 3 && count > 0 && p + prefixBytes <= len
                        ? Long.valueOf(uint(a, p, prefixBytes)) : null;
            }
            // free-format objects (size prefixes: files, authentication) carry data in any message
            boolean sized = prefixCode >= 4 && prefixCode <= 6;
            if (count <= 0 || group == 60 || !(data || sized)) {
                continue;
            }
            int skipped = skip(a, p, len, group, variation, prefixCode, count);
            if (skipped < 0) {
                stopped = skipped == -1 ? "unknown object size" : "truncated";
                break;
            }
            p += skipped;
        }
        return new AppFragment(control, function, iin, objects, firstIndex, firstCount, stopped);
    }

    /** Bytes of object data (with prefixes) from {@code p}; -1 size unknown, -2 past the end. */
    private static int skip(byte[] a, int p, int len, int group, int variation, int prefixCode, long count) {
        if (prefixCode >= 4 && prefixCode <= 6) {
            int w = prefixBytes(prefixCode);
            int q = p;
            for (long i = 0; i < count; i++) {
                if (q + w > len) {
                    return -2;
                }
                long size = uint(a, q, w);
                if (size > len - q - w) {
                    return -2;
                }
                q += w + (int) size;
            }
            return q - p;
        }
        int bits = ObjectSizes.bits(group, variation);
        if (bits == ObjectSizes.UNKNOWN || prefixCode == 7 || (bits % 8 != 0 && prefixCode != 0)) {
            return -1;
        }
        long total = prefixCode == 0 ? (count * bits + 7) / 8 : count * (prefixBytes(prefixCode) + bits / 8L);
        return total > len - p ? -2 : (int) total;
    }

    private static int rangeBytes(int rangeCode) {
        return switch (rangeCode) {
            case 0, 3 -> 2;
            case 1, 4 -> 4;
            case 2, 5 -> 8;
            case 6 -> 0;
            case 7, 0xB -> 1;
            case 8 -> 2;
            case 9 -> 4;
            default -> -1;
        };
    }

    private static int prefixBytes(int prefixCode) {
        return switch (prefixCode) {
            case 1, 4 -> 1;
            case 2, 5 -> 2;
            case 3, 6 -> 4;
            default -> 0;
        };
    }

    /** Little-endian unsigned of {@code width} bytes (0, 1, 2 or 4). */
    private static long uint(byte[] a, int p, int width) {
        long v = 0;
        for (int i = width - 1; i >= 0; i--) {
            v = (v << 8) | (a[p + i] & 0xff);
        }
        return v;
    }
}
