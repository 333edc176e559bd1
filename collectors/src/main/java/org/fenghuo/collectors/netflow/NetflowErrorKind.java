package org.fenghuo.collectors.netflow;

/**
 * Why (part of) an export datagram could not be decoded, as a closed set: this is the
 * {@code reason} tag of {@code fenghuo.netflow.malformed}, so it never grows with free text; the
 * detail (which set, which offset, which value) is in the dead letter's reason.
 */
public enum NetflowErrorKind {
    /** Shorter than its header, or the header's length says more bytes than arrived. */
    TRUNCATED_DATAGRAM("truncated_datagram"),
    /** The version field is not 5, 9 or 10: not an export packet (garbage on the port). */
    UNSUPPORTED_VERSION("unsupported_version"),
    /** A set (flowset) header claims a length below 4 or past the end of the datagram. */
    BAD_SET_LENGTH("bad_set_length"),
    /** A template or options template that cannot describe a record: zero or too many fields, a
     *  field list longer than its set, a zero record length, a record longer than any set. */
    BAD_TEMPLATE("bad_template"),
    /** An exporter announced more templates than the per-exporter bound; the new one was refused. */
    TOO_MANY_TEMPLATES("too_many_templates"),
    /** A record runs past its set: v5 count above what the datagram holds, a variable-length field
     *  whose length runs past the set. */
    TRUNCATED_RECORD("truncated_record"),
    /** A data set held for its template was dropped to keep the held bytes within their bound. */
    PENDING_OVERFLOW("pending_overflow"),
    /** A data set held for its template was dropped because the template did not come in time. */
    TEMPLATE_TIMEOUT("template_timeout"),
    /** A decoder bug caught as a last resort, so one datagram never stops an input. */
    INTERNAL_ERROR("internal_error");

    private final String tag;

    NetflowErrorKind(String tag) {
        this.tag = tag;
    }

    /** The metric tag value: lower snake case, stable. */
    public String tag() {
        return tag;
    }
}
