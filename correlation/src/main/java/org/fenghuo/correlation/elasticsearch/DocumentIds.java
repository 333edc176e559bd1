package org.fenghuo.correlation.elasticsearch;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;

/** Deterministic ids and daily index names. */
public final class DocumentIds {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy.MM.dd").withZone(ZoneOffset.UTC);

    private DocumentIds() {
    }

    /** A content hash (SHA-256, 32 url-safe base64 characters): same content, same id. */
    public static String contentHash(byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                digest.update(intBytes(part.length)); // length-prefix so ("ab","c") != ("a","bc")
                digest.update(part);
            }
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest.digest()).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JRE", e);
        }
    }

    public static String contentHash(String... parts) {
        byte[][] bytes = new byte[parts.length][];
        for (int i = 0; i < parts.length; i++) {
            bytes[i] = String.valueOf(parts[i]).getBytes(StandardCharsets.UTF_8);
        }
        return contentHash(bytes);
    }

    /** {@code prefix-yyyy.MM.dd} of the UTC day of {@code time}. */
    public static String dailyIndex(String prefix, Instant time) {
        return prefix + "-" + DAY.format(time);
    }

    private static byte[] intBytes(int value) {
        return new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
    }
}
