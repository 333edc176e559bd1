package org.fenghuo.collectors.netflow;

/** RFC 7012 abstract data types, as far as rendering a value needs them. */
enum IeType {
    UNSIGNED, SIGNED, FLOAT, BOOLEAN, MAC, IPV4, IPV6, STRING, OCTETS, SECONDS, MILLIS, MICROS, NANOS;

    static IeType ofIana(String name) {
        return switch (name) {
            case "unsigned8", "unsigned16", "unsigned32", "unsigned64" -> UNSIGNED;
            case "signed8", "signed16", "signed32", "signed64" -> SIGNED;
            case "float32", "float64" -> FLOAT;
            case "boolean" -> BOOLEAN;
            case "macAddress" -> MAC;
            case "ipv4Address" -> IPV4;
            case "ipv6Address" -> IPV6;
            case "string" -> STRING;
            case "dateTimeSeconds" -> SECONDS;
            case "dateTimeMilliseconds" -> MILLIS;
            case "dateTimeMicroseconds" -> MICROS;
            case "dateTimeNanoseconds" -> NANOS;
            default -> OCTETS;
        };
    }
}
