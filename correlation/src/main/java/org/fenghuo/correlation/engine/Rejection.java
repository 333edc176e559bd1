package org.fenghuo.correlation.engine;

/**
 * A correlation or statement refused at load.
 *
 * @param rule     the correlation's {@code rule.id} or the statement's rule id
 * @param location where it was read ({@code file:line}); null for statements built in code
 * @param reason   why, as a kind
 * @param detail   why, for the analyst (for {@link Reason#EPL_COMPILE} the compiler's message)
 */
public record Rejection(String rule, String location, Reason reason, String detail) {

    /** Kinds of refusal. */
    public enum Reason {
        /** The EPL did not compile or deploy. */
        EPL_COMPILE,
        /** The rule cannot be expressed faithfully in EPL yet (e.g. chained correlations). */
        UNSUPPORTED,
        /** The rule did not read or parse (detection's correlation loader: the file, the YAML, a key). */
        INVALID
    }

    @Override
    public String toString() {
        return rule + (location == null ? "" : " (" + location + ")") + ": " + reason + ": " + detail;
    }
}
