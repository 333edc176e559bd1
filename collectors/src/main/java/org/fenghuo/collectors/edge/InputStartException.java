package org.fenghuo.collectors.edge;

/** A part of the edge collector could not start: a port taken, a capture not permitted, a spool not writable. */
public final class InputStartException extends Exception {
    private static final long serialVersionUID = 1L;

    public InputStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
