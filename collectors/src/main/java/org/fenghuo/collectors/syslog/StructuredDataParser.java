package org.fenghuo.collectors.syslog;

import java.util.LinkedHashMap;
import java.util.Map;
import org.fenghuo.collectors.input.ErrorKind;
import org.fenghuo.collectors.input.ParseError;
import org.fenghuo.collectors.input.ParseResult;

/**
 * RFC 5424 STRUCTURED-DATA: NILVALUE or {@code [SD-ID *(SP PARAM-NAME="PARAM-VALUE")]...}, where
 * a value escapes {@code "}, {@code \} and {@code ]} with a backslash; any other backslash is kept
 * as it is (section 6.3.3). A repeated SD-ID is merged and a repeated parameter keeps its last
 * value: the RFC forbids the first and the ECS object has no room for the second.
 */
final class StructuredDataParser {

    private StructuredDataParser() {
    }

    /** Parses from the current position; an empty map stands for NILVALUE. */
    static ParseResult<Map<String, Map<String, String>>> parse(SyslogLine line) {
        Map<String, Map<String, String>> elements = new LinkedHashMap<>();
        if (line.peek() == '-' && (line.peek(1) == ' ' || line.peek(1) == 0)) {
            line.skip('-');
            return ParseResult.ok(elements);
        }
        if (line.peek() != '[') {
            return fail(line, "STRUCTURED-DATA must be '-' or start with '['");
        }
        while (line.skip('[')) {
            String id = name(line);
            if (id.isEmpty()) {
                return fail(line, "SD-ID is empty or contains a forbidden character");
            }
            Map<String, String> params = elements.computeIfAbsent(id, k -> new LinkedHashMap<>());
            ParseError error = params(line, id, params);
            if (error != null) {
                return ParseResult.failed(error);
            }
            if (!line.skip(']')) {
                return fail(line, "expected ']' or a space inside SD-ELEMENT '" + id + "'");
            }
        }
        return ParseResult.ok(elements);
    }

    private static ParseError params(SyslogLine line, String id, Map<String, String> params) {
        while (line.skip(' ')) {
            String name = name(line);
            if (name.isEmpty()) {
                return line.error(ErrorKind.INVALID_STRUCTURED_DATA,
                        "PARAM-NAME in '" + id + "' is empty or contains a forbidden character");
            }
            if (!line.skip('=') || !line.skip('"')) {
                return line.error(ErrorKind.INVALID_STRUCTURED_DATA,
                        "expected =\" after PARAM-NAME '" + name + "' in '" + id + "'");
            }
            StringBuilder value = new StringBuilder();
            int start = line.pos();
            if (!value(line, value)) {
                return line.error(ErrorKind.INVALID_STRUCTURED_DATA,
                        "PARAM-VALUE of '" + name + "' in '" + id + "' has no closing quote", start);
            }
            params.put(name, value.toString());
        }
        return null;
    }

    /** Reads up to the unescaped closing quote and consumes it; false at the end of the line. */
    private static boolean value(SyslogLine line, StringBuilder out) {
        while (!line.atEnd()) {
            char c = line.peek();
            line.pos(line.pos() + 1);
            if (c == '"') {
                return true;
            }
            char next = line.peek();
            if (c == '\\' && (next == '"' || next == '\\' || next == ']')) {
                out.append(next);
                line.pos(line.pos() + 1);
            } else {
                out.append(c);
            }
        }
        return false;
    }

    /** SD-NAME: 1*32 PRINTUSASCII except '=', SP, ']' and '"'; length is not enforced. */
    private static String name(SyslogLine line) {
        int start = line.pos();
        while (!line.atEnd()) {
            char c = line.peek();
            if (c <= 32 || c >= 127 || c == '=' || c == ']' || c == '"') {
                break;
            }
            line.pos(line.pos() + 1);
        }
        return line.text().substring(start, line.pos());
    }

    private static ParseResult<Map<String, Map<String, String>>> fail(SyslogLine line, String reason) {
        return ParseResult.failed(line.error(ErrorKind.INVALID_STRUCTURED_DATA, reason));
    }
}
