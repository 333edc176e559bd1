package org.fenghuo.collectors.input;

import java.util.Objects;

/**
 * What a parser returns: the value, or why there is none. Parsers never throw on bad input.
 *
 * @param <T> the parsed value
 */
public sealed interface ParseResult<T> permits ParseResult.Ok, ParseResult.Failed {

    static <T> ParseResult<T> ok(T value) {
        return new Ok<>(value);
    }

    static <T> ParseResult<T> failed(ParseError error) {
        return new Failed<>(error);
    }

    /** A successful parse. */
    record Ok<T>(T value) implements ParseResult<T> {
        public Ok {
            Objects.requireNonNull(value, "value");
        }
    }

    /** A rejected input. */
    record Failed<T>(ParseError error) implements ParseResult<T> {
        public Failed {
            Objects.requireNonNull(error, "error");
        }
    }
}
