package org.fenghuo.collectors.input;

/** A sink could not deliver records; the message says how many and the first reason. */
public class EventSinkException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public EventSinkException(String message, Throwable cause) {
        super(message, cause);
    }
}
