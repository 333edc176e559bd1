package org.fenghuo.events;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The Elasticsearch document id of an event, and the content hash behind it. Alerts name their
 * evidence by it, so an evidence id always finds its event's document ({@code _id}), also when a
 * sender's {@code event.id} is too long to be one.
 */
public final class EventIds {
    /** Elasticsearch refuses a longer {@code _id}, and with it the whole bulk request. */
    public static final int MAX_DOCUMENT_ID_BYTES = 512;

    private EventIds() {
    }

    /**
     * {@code eventId} itself when Elasticsearch takes it as an {@code _id}, else its {@link #contentHash}
     * (deterministic, so a replay indexes the same document; the event keeps the id in {@code event.id}).
     */
    public static String documentId(String eventId) {
        // a UTF-8 character is at most 3 bytes per UTF-16 unit: count the bytes only when it could matter
        return eventId.length() * 3 <= MAX_DOCUMENT_ID_BYTES
                || eventId.getBytes(StandardCharsets.UTF_8).length <= MAX_DOCUMENT_ID_BYTES
                ? eventId : contentHash(eventId);
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

    /** {@link #contentHash(byte[]...)} of the UTF-8 of each part ({@code "null"} for null). */
    public static String contentHash(String... parts) {
        byte[][] bytes = new byte[parts.length][];
        for (int i = 0; i < parts.length; i++) {
            bytes[i] = String.valueOf(parts[i]).getBytes(StandardCharsets.UTF_8);
        }
        return contentHash(bytes);
    }

    private static byte[] intBytes(int value) {
        return new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
    }
}
