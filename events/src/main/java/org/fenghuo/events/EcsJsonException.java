package org.fenghuo.events;

/** The input is not a valid ECS event document; the message names the field or offset. */
public class EcsJsonException extends Exception {
    private static final long serialVersionUID = 1L;

    public EcsJsonException(String message, Throwable cause) {
        super(message, cause);
    }

    public EcsJsonException(String message) {
        super(message);
    }
}
