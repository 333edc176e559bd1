package org.fenghuo.detection.sigma.correlation;

/**
 * A document the loader did not keep, and why.
 *
 * @param location the file and the line of the offending key (the document's first line when none applies)
 * @param title    the document's {@code title}, null when it has none
 * @param reason   one line, naming the key and what was expected
 */
public record CorrelationProblem(SourceLocation location, String title, String reason) {
    @Override
    public String toString() {
        return location + ": " + reason + (title == null ? "" : " (" + title + ")");
    }
}
