package org.fenghuo.collectors.pcap.app.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects one message head (start line, fields, empty line) from bytes given in any pieces.
 * Bounded by {@link #MAX_HEAD_BYTES}; bare LF is accepted as a line end, as browsers and servers
 * do; empty lines before a start line are skipped (RFC 9112 2.2).
 */
final class HeadReader {
    /** Larger heads are refused, as common servers refuse them (8-16 KiB). */
    static final int MAX_HEAD_BYTES = 16 * 1024;

    /**
     * Says early whether the first bytes (up to the first space) can start a head, so binary junk
     * fails fast, not at 16 KiB.
     */
    interface StartCheck {
        boolean plausible(byte b, int index);
    }

    enum Status { NEED_MORE, COMPLETE, TOO_LARGE, BAD_START }

    private final StartCheck check;
    private byte[] buffer = new byte[256];
    private int size;
    private int lineLength;
    private boolean firstLineDone;
    private boolean startChecked;
    private Status status = Status.NEED_MORE;

    HeadReader(StartCheck check) {
        this.check = check;
    }

    /** True when no byte of a head has been taken yet (between messages). */
    boolean empty() {
        return size == 0;
    }

    /** Takes bytes until the head is complete or refused; returns how many were used. */
    int consume(byte[] data, int off, int len) {
        int i = 0;
        while (i < len && status == Status.NEED_MORE) {
            byte b = data[off + i++];
            if (!startChecked && b != '\r' && b != '\n') {
                if (b == ' ' && lineLength > 0) {
                    startChecked = true;
                } else if (!check.plausible(b, lineLength)) {
                    status = Status.BAD_START;
                    break;
                }
            }
            if (size == MAX_HEAD_BYTES) {
                status = Status.TOO_LARGE;
                break;
            }
            append(b);
            if (b == '\n') {
                if (lineLength == 0) {
                    if (firstLineDone) {
                        status = Status.COMPLETE;
                    } else {
                        size = 0; // an empty line before the start line
                    }
                } else {
                    firstLineDone = true;
                    startChecked = true;
                }
                lineLength = 0;
            } else if (b != '\r') {
                lineLength++;
            }
        }
        return i;
    }

    Status status() {
        return status;
    }

    /** The first bytes taken, for a dead letter. */
    byte[] bytes() {
        return Arrays.copyOf(buffer, size);
    }

    /** The first line of a complete head, without taking it. */
    String startLine() {
        int end = 0;
        while (end < size && buffer[end] != '\n') {
            end++;
        }
        return new String(buffer, 0, end, StandardCharsets.ISO_8859_1).trim();
    }

    /** The complete head, parsed; the reader is then ready for the next message. */
    Head take() {
        String text = new String(buffer, 0, size, StandardCharsets.ISO_8859_1);
        reset();
        List<String> lines = lines(text);
        Map<String, String> fields = new LinkedHashMap<>();
        String last = null;
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isEmpty()) {
                continue;
            }
            if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && last != null) {
                fields.put(last, fields.get(last) + " " + line.trim()); // obsolete line folding
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue; // not a field: tolerated like browsers do, nothing here needs it
            }
            String name = line.substring(0, colon).trim().toLowerCase(java.util.Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            fields.merge(name, value, (a, b) -> a + ", " + b);
            last = name;
        }
        return new Head(lines.isEmpty() ? "" : lines.get(0).trim(), fields);
    }

    /**
     * {@code text.split("\\r?\\n")} without the regular expression (a third of reading a head under
     * C1): the lines, each without its LF and one CR before it, trailing empty lines dropped.
     */
    static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        int keep = 0; // lines up to the last non-empty one
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', start)) {
            out.add(text.substring(start, i > start && text.charAt(i - 1) == '\r' ? i - 1 : i));
            start = i + 1;
            if (!out.get(out.size() - 1).isEmpty()) {
                keep = out.size();
            }
        }
        out.add(text.substring(start));
        if (start == 0 || !out.get(out.size() - 1).isEmpty()) {
            keep = out.size(); // no LF at all: the text itself, even empty, as split gives it
        }
        return out.subList(0, keep);
    }

    void reset() {
        size = 0;
        lineLength = 0;
        firstLineDone = false;
        startChecked = false;
        status = Status.NEED_MORE;
        if (buffer.length > 4096) {
            buffer = new byte[256]; // one large head must not pin 16 KiB for the flow's life
        }
    }

    private void append(byte b) {
        if (size == buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.min(MAX_HEAD_BYTES, buffer.length * 2));
        }
        buffer[size++] = b;
    }
}
