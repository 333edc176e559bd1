package org.fenghuo.detection.sigma.correlation;

/**
 * Where something sits in the input.
 *
 * @param source file path or the caller's name for the text
 * @param line   1-based line; 0 when unknown
 */
public record SourceLocation(String source, int line) {
    @Override
    public String toString() {
        return source + ":" + line;
    }
}
