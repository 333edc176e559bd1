package org.fenghuo.collectors.pcap.app.http;

import java.util.Map;

/**
 * One parsed message head.
 *
 * @param startLine the request or status line, without its line end
 * @param fields    header fields by lower-case name; a repeated field's values joined by ", "
 *                  (RFC 9110 5.3), obsolete folded lines joined by a space
 */
record Head(String startLine, Map<String, String> fields) {
    Head {
        fields = Map.copyOf(fields);
    }

    String field(String lowerCaseName) {
        return fields.get(lowerCaseName);
    }
}
