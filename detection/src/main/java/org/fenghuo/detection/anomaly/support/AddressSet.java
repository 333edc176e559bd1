package org.fenghuo.detection.anomaly.support;

import java.io.Serializable;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import org.fenghuo.detection.anomaly.thresholds.ThresholdReader;

/**
 * A set of IPv4/IPv6 addresses and CIDR blocks (allowlists). Immutable. Only literals are
 * accepted: a host name is refused, never resolved (no DNS from a detector).
 */
public final class AddressSet implements Serializable {
    private static final long serialVersionUID = 1L;
    public static final AddressSet EMPTY = new AddressSet(List.of());

    private final List<Block> blocks;

    private AddressSet(List<Block> blocks) {
        this.blocks = List.copyOf(blocks);
    }

    private record Block(byte[] network, int prefix, String text) implements Serializable {
        boolean contains(byte[] a) {
            if (a.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (a[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (a[full] & mask) == (network[full] & mask);
        }
    }

    /**
     * One block from {@code 10.0.0.5}, {@code 10.0.0.0/24}, {@code fd00::/8}; null when the text is
     * not an address literal with an optional prefix length in range.
     */
    static Block block(String text) {
        if (text == null) {
            return null;
        }
        String t = text.trim();
        int slash = t.indexOf('/');
        String addr = slash < 0 ? t : t.substring(0, slash);
        byte[] bytes = parse(addr);
        if (bytes == null) {
            return null;
        }
        int prefix = bytes.length * 8;
        if (slash >= 0) {
            String p = t.substring(slash + 1);
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)) {
                return null;
            }
            prefix = Integer.parseInt(p);
            if (prefix > bytes.length * 8) {
                return null;
            }
        }
        return new Block(bytes, prefix, t);
    }

    /** Whether {@code text} is an address or CIDR block this class accepts. */
    public static boolean isValid(String text) {
        return block(text) != null;
    }

    /** @throws IllegalArgumentException naming the first entry that is not an address or block */
    public static AddressSet of(List<String> entries) {
        List<Block> blocks = new ArrayList<>();
        for (String e : entries) {
            Block b = block(e);
            if (b == null) {
                throw new IllegalArgumentException("not an IP address or CIDR block: '" + e + "'");
            }
            blocks.add(b);
        }
        return blocks.isEmpty() ? EMPTY : new AddressSet(blocks);
    }

    /** The addresses under {@code key} (a list); every entry that is not one is an error naming it. */
    public static AddressSet read(ThresholdReader r, String key) {
        List<String> entries = r.lowerCaseList(key, List.of());
        List<String> valid = new ArrayList<>();
        for (String e : entries) {
            r.check(isValid(e), key, e, "IP addresses or CIDR blocks (literals: a name is never resolved)");
            if (isValid(e)) {
                valid.add(e);
            }
        }
        return of(valid);
    }

    /** Merges two sets. */
    public AddressSet plus(AddressSet other) {
        if (other.blocks.isEmpty()) {
            return this;
        }
        List<Block> all = new ArrayList<>(blocks);
        all.addAll(other.blocks);
        return new AddressSet(all);
    }

    public boolean isEmpty() {
        return blocks.isEmpty();
    }

    /** True when {@code ip} (a literal) is in a block; false for null or anything unparsable. */
    public boolean contains(String ip) {
        if (blocks.isEmpty() || ip == null) {
            return false;
        }
        byte[] a = parse(ip);
        if (a == null) {
            return false;
        }
        for (Block b : blocks) {
            if (b.contains(a)) {
                return true;
            }
        }
        return false;
    }

    /** The entries as written. */
    public List<String> entries() {
        return blocks.stream().map(Block::text).toList();
    }

    @Override
    public String toString() {
        return entries().toString();
    }

    /** IPv4 dotted quad read by hand; IPv6 through the JDK, only when the text has a colon (never a lookup). */
    static byte[] parse(String s) {
        if (s.isEmpty() || s.length() > 45) {
            return null;
        }
        if (s.indexOf(':') >= 0) {
            if (!s.chars().allMatch(c -> c == ':' || c == '.' || Character.digit(c, 16) >= 0)) {
                return null;
            }
            try {
                InetAddress a = InetAddress.getByName(s);
                byte[] b = a.getAddress();
                return a instanceof Inet6Address || b.length == 4 ? b : null;
            } catch (UnknownHostException e) {
                return null;
            }
        }
        byte[] out = new byte[4];
        int part = 0;
        int value = -1;
        for (int i = 0; i <= s.length(); i++) {
            char c = i < s.length() ? s.charAt(i) : '.';
            if (c == '.') {
                if (value < 0 || part > 3) {
                    return null;
                }
                out[part++] = (byte) value;
                value = -1;
            } else if (c >= '0' && c <= '9') {
                value = value < 0 ? c - '0' : value * 10 + (c - '0');
                if (value > 255) {
                    return null;
                }
            } else {
                return null;
            }
        }
        return part == 4 ? out : null;
    }
}
