package org.fenghuo.detection.ioc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable, thread-safe index over indicators from any mix of sources, answering "is this
 * observable listed, and by which indicator?" without allocating on the address and domain paths.
 *
 * <ul>
 *   <li>exact IPv4: {@link Ipv4Table} (key and slot in one long), IPv6: {@link SlotTable};</li>
 *   <li>networks: one such table per prefix length present, probed from the longest
 *       length down: the first valid hit is the longest-prefix match;</li>
 *   <li>domains: {@link DomainTable}, the name and each parent at a label boundary; the longest
 *       match wins;</li>
 *   <li>URLs ({@link IndicatorValues#normaliseUrl}) and hashes: hash maps by normalised value.</li>
 * </ul>
 *
 * <p>Lookups return a <em>slot</em>: {@link #indicator(int)} gives the indicator,
 * {@link #nextValid(int, long)} the next one with the same value (several sources may list the
 * same address), -1 when there is none. Time is the event's time in epoch milliseconds, or
 * {@link #ANY_TIME} to ignore validity windows.
 */
public final class IndicatorIndex implements DomainTable.Validity {
    /** Matches regardless of {@code valid_from}/{@code valid_until}. */
    public static final long ANY_TIME = Long.MIN_VALUE;
    private static final int NONE = -1;

    private final Indicator[] indicators;
    private final long[] validFrom;
    private final long[] validUntil;
    private final int[] next;
    /** Prefix length of a network slot, so a caller can continue with the shorter networks. */
    private final byte[] prefixLength;
    /** Bit per slot: has a validity window. Most feeds have none, and then the bounds are not read. */
    private final long[] windowed;
    private final Ipv4Table ipv4;
    private final SlotTable ipv6;
    private final Ipv4Table[] cidr4 = new Ipv4Table[33];
    private final SlotTable[] cidr6 = new SlotTable[129];
    private final int[] cidr4Lengths;
    private final int[] cidr6Lengths;
    private final DomainTable domains;
    private final Map<String, Integer> urls = new HashMap<>();
    private final Map<IndicatorType, Map<String, Integer>> hashes = new EnumMap<>(IndicatorType.class);
    private final Map<IndicatorType, Integer> counts = new EnumMap<>(IndicatorType.class);

    private IndicatorIndex(Collection<Indicator> all) {
        int n = all.size();
        indicators = all.toArray(new Indicator[0]);
        validFrom = new long[n];
        validUntil = new long[n];
        next = new int[n];
        prefixLength = new byte[n];
        windowed = new long[(n + 63) >>> 6];
        for (Indicator i : indicators) {
            counts.merge(i.type(), 1, Integer::sum);
        }
        ipv4 = new Ipv4Table(counts.getOrDefault(IndicatorType.IPV4, 0));
        ipv6 = new SlotTable(counts.getOrDefault(IndicatorType.IPV6, 0));
        domains = new DomainTable(counts.getOrDefault(IndicatorType.DOMAIN, 0), indicators);
        int[] perLength4 = new int[33];
        int[] perLength6 = new int[129];
        for (Indicator i : indicators) {
            if (i.type() == IndicatorType.CIDR) {
                int length = Integer.parseInt(i.value().substring(i.value().indexOf('/') + 1));
                (i.value().indexOf(':') >= 0 ? perLength6 : perLength4)[length]++;
            }
        }
        cidr4Lengths = lengths(perLength4);
        cidr6Lengths = lengths(perLength6);
        for (int length : cidr4Lengths) {
            cidr4[length] = new Ipv4Table(perLength4[length]);
        }
        for (int length : cidr6Lengths) {
            cidr6[length] = new SlotTable(perLength6[length]);
        }
        long[] bits = new long[2];
        for (int slot = 0; slot < n; slot++) {
            Indicator i = indicators[slot];
            validFrom[slot] = i.validFrom() == null ? Long.MIN_VALUE : i.validFrom().toEpochMilli();
            validUntil[slot] = i.validUntil() == null ? Long.MAX_VALUE : i.validUntil().toEpochMilli();
            if (i.validFrom() != null || i.validUntil() != null) {
                windowed[slot >>> 6] |= 1L << slot;
            }
            next[slot] = insert(i, slot, bits);
        }
    }

    /** Builds the index; values must be normalised (as every loader makes them). */
    public static IndicatorIndex of(Collection<Indicator> indicators) {
        return new IndicatorIndex(indicators);
    }

    /** Builds one index over the indicators of several loads. */
    public static IndicatorIndex of(List<LoadResult> loads) {
        List<Indicator> all = new ArrayList<>();
        loads.forEach(l -> all.addAll(l.indicators()));
        return new IndicatorIndex(all);
    }

    /** Event time in epoch milliseconds for the lookups, {@link #ANY_TIME} when the event has none. */
    public static long timeOf(Instant timestamp) {
        return timestamp == null ? ANY_TIME : timestamp.toEpochMilli();
    }

    /** The prefix lengths present, longest first. */
    private static int[] lengths(int[] perLength) {
        List<Integer> present = new ArrayList<>();
        for (int length = perLength.length - 1; length >= 0; length--) {
            if (perLength[length] > 0) {
                present.add(length);
            }
        }
        return present.stream().mapToInt(Integer::intValue).toArray();
    }

    private int insert(Indicator i, int slot, long[] bits) {
        String v = i.value();
        switch (i.type()) {
            case IPV4:
                return ipv4.put(IpAddresses.parseIpv4(v), slot);
            case IPV6:
                IpAddresses.parseIpv6(v, 0, v.length(), bits);
                return ipv6.put(bits[0], bits[1], slot);
            case CIDR: {
                int slash = v.indexOf('/');
                int length = Integer.parseInt(v.substring(slash + 1));
                prefixLength[slot] = (byte) length;
                long v4 = IpAddresses.parseIpv4(v, 0, slash);
                if (v4 != IpAddresses.INVALID) {
                    return cidr4[length].put(v4, slot);
                }
                IpAddresses.parseIpv6(v, 0, slash, bits);
                return cidr6[length].put(bits[0], bits[1], slot);
            }
            case DOMAIN:
                return domains.put(v, slot);
            case URL:
                return chain(urls, v, slot);
            default:
                return chain(hashes.computeIfAbsent(i.type(), t -> new HashMap<>()), v, slot);
        }
    }

    private static int chain(Map<String, Integer> map, String key, int slot) {
        Integer previous = map.put(key, slot);
        return previous == null ? NONE : previous;
    }

    /** The indicator in {@code slot}. */
    public Indicator indicator(int slot) {
        return indicators[slot];
    }

    /** Number of indicators. */
    public int size() {
        return indicators.length;
    }

    /** Number of indicators of one type. */
    public int count(IndicatorType type) {
        return counts.getOrDefault(type, 0);
    }

    /** The first slot from {@code slot} along its same-value chain valid at {@code time}, or -1. */
    @Override
    public int firstValid(int slot, long time) {
        if (time == ANY_TIME) {
            return slot;
        }
        while (slot != NONE && (windowed[slot >>> 6] & (1L << slot)) != 0
                && (time < validFrom[slot] || time >= validUntil[slot])) {
            slot = next[slot];
        }
        return slot;
    }

    /** The next indicator with the same value as {@code slot}'s, valid at {@code time}, or -1. */
    public int nextValid(int slot, long time) {
        int n = next[slot];
        return n == NONE ? NONE : firstValid(n, time);
    }

    /** Exact IPv4 match: {@code address} as from {@link IpAddresses#parseIpv4}. */
    public int ipv4(long address, long time) {
        int head = ipv4.get(address);
        return head == NONE ? NONE : firstValid(head, time);
    }

    /** Longest valid IPv4 network containing {@code address}. */
    public int cidr4(long address, long time) {
        return cidr4(address, 32, time);
    }

    /**
     * Longest valid IPv4 network of at most {@code maxLength} bits containing {@code address}: with
     * {@code prefixLength(slot) - 1} a caller walks every listed network containing it.
     */
    public int cidr4(long address, int maxLength, long time) {
        for (int length : cidr4Lengths) {
            if (length > maxLength) {
                continue;
            }
            int head = cidr4[length].get(IpAddresses.maskIpv4(address, length));
            if (head != NONE && (head = firstValid(head, time)) != NONE) {
                return head;
            }
        }
        return NONE;
    }

    /** The prefix length of the network in {@code slot} (0 for other indicators). */
    public int prefixLength(int slot) {
        return prefixLength[slot];
    }

    /** Exact IPv6 match. */
    public int ipv6(long hi, long lo, long time) {
        int head = ipv6.get(hi, lo);
        return head == NONE ? NONE : firstValid(head, time);
    }

    /** Longest valid IPv6 network containing the address. */
    public int cidr6(long hi, long lo, long time) {
        return cidr6(hi, lo, 128, time);
    }

    /** Longest valid IPv6 network of at most {@code maxLength} bits containing the address. */
    public int cidr6(long hi, long lo, int maxLength, long time) {
        for (int length : cidr6Lengths) {
            if (length > maxLength) {
                continue;
            }
            int head = cidr6[length].get(IpAddresses.maskHalf(hi, length, 0), IpAddresses.maskHalf(lo, length, 64));
            if (head != NONE && (head = firstValid(head, time)) != NONE) {
                return head;
            }
        }
        return NONE;
    }

    /** The longest of {@code name} and its parents listed and valid; case and a trailing dot are ignored. */
    public int domain(CharSequence name, long time) {
        return domains.longest(name, Integer.MAX_VALUE, this, time);
    }

    /**
     * Like {@link #domain(CharSequence, long)}, among parents of at most {@code maxLength}
     * characters: with {@code indicator(slot).value().length() - 1} a caller walks every listed parent.
     */
    public int domain(CharSequence name, int maxLength, long time) {
        return domains.longest(name, maxLength, this, time);
    }

    /** Exact match of a URL, normalised here ({@link IndicatorValues#normaliseUrl}); -1 when not absolute. */
    public int url(String url, long time) {
        String normalised = IndicatorValues.normaliseUrl(url);
        Integer head = normalised == null ? null : urls.get(normalised);
        return head == null ? NONE : firstValid(head, time);
    }

    /** Exact match of a hash of {@code type} (case ignored). */
    public int hash(IndicatorType type, String hex, long time) {
        Map<String, Integer> byValue = hashes.get(type);
        Integer head = byValue == null ? null : byValue.get(hex.strip().toLowerCase(java.util.Locale.ROOT));
        return head == null ? NONE : firstValid(head, time);
    }
}
