package org.fenghuo.events;

/**
 * Reads and writes {@link SecurityEvent} as the nested ECS JSON document Elasticsearch and
 * Kibana expect. Thread-safe. TODO(helper): implement.
 */
public final class EcsJsonCodec {
    private EcsJsonCodec() {
    }

    public static byte[] toJsonBytes(SecurityEvent event) {
        throw new UnsupportedOperationException("TODO");
    }

    public static String toJson(SecurityEvent event) {
        throw new UnsupportedOperationException("TODO");
    }

    /** @throws EcsJsonException naming the offending field or offset when the input is not a valid event */
    public static SecurityEvent fromJson(byte[] json) throws EcsJsonException {
        throw new UnsupportedOperationException("TODO");
    }

    public static SecurityEvent fromJson(String json) throws EcsJsonException {
        throw new UnsupportedOperationException("TODO");
    }
}
