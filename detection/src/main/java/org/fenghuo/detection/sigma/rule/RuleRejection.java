package org.fenghuo.detection.sigma.rule;

/**
 * Why a rule (or filter, or exception entry) cannot be used, at which line. Thrown inside the
 * parser and compiler only; the loader turns it into a load-report entry, never lets it out.
 */
public final class RuleRejection extends Exception {
    private final RejectReason reason;
    private final int line;
    private final String detail;

    public RuleRejection(RejectReason reason, int line, String detail) {
        super(reason + " at line " + line + ": " + detail, null, false, false);
        this.reason = reason;
        this.line = line;
        this.detail = detail;
    }

    public RejectReason reason() {
        return reason;
    }

    /** 1-based line in the file, 0 when unknown. */
    public int line() {
        return line;
    }

    public String detail() {
        return detail;
    }
}
