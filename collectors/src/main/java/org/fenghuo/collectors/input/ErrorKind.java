package org.fenghuo.collectors.input;

/**
 * Why a frame was rejected, as a small closed set: this is the {@code reason} tag of the
 * {@code fenghuo.collector.malformed} counter, so it must never grow with free text (the
 * human-readable detail lives in {@link ParseError#reason()} and the dead letter).
 */
public enum ErrorKind {
    /** A frame exceeded the input's maximum frame size; the framer skipped to the next boundary. */
    FRAME_TOO_LARGE("frame_too_large"),
    /** The stream ended inside an octet-counted frame. */
    TRUNCATED_FRAME("truncated_frame"),
    /** The bytes are not valid UTF-8. */
    INVALID_UTF8("invalid_utf8"),
    /** {@code <PRI>} is missing its {@code >}, not a number, or above 191. */
    INVALID_PRI("invalid_pri"),
    /** The header ends before all its fields were read. */
    TRUNCATED_HEADER("truncated_header"),
    /** A header field has a character or shape the RFC does not allow. */
    INVALID_HEADER("invalid_header"),
    /** The timestamp is absent (RFC 3164) or not a valid date and time. */
    INVALID_TIMESTAMP("invalid_timestamp"),
    /** RFC 5424 STRUCTURED-DATA is not well formed. */
    INVALID_STRUCTURED_DATA("invalid_structured_data");

    private final String tag;

    ErrorKind(String tag) {
        this.tag = tag;
    }

    /** The metric tag value: lower snake case, stable. */
    public String tag() {
        return tag;
    }
}
