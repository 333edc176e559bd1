package org.fenghuo.collectors.syslog.payload;

import java.util.Objects;

/** The outcome of one {@link PayloadParser#parse}: parsed fields, not this parser's format, or broken. */
public sealed interface PayloadResult {

    /** The message was read; {@code fields} holds what it said, in ECS names. */
    record Parsed(EcsFields fields) implements PayloadResult {
        public Parsed {
            Objects.requireNonNull(fields, "fields");
        }
    }

    /** Not this parser's format: the caller tries the next rule, or keeps the message unparsed. */
    record NotMine() implements PayloadResult {
    }

    /**
     * This parser's format (its signature matched), but the message cannot be read, e.g. a CEF
     * header with too few fields. The caller still emits the event with {@code event.original}
     * and records the reason; nothing is lost.
     *
     * @param reason human-readable, names what was wrong and where
     */
    record Malformed(String reason) implements PayloadResult {
        public Malformed {
            Objects.requireNonNull(reason, "reason");
        }
    }

    PayloadResult NOT_MINE = new NotMine();
}
