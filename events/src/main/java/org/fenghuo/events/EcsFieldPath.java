package org.fenghuo.events;

/**
 * A dotted ECS field name ({@code source.ip}, {@code log.syslog.appname}) compiled once into a
 * getter chain, for rule evaluation on the hot path. TODO(helper): implement.
 */
public final class EcsFieldPath {
    private EcsFieldPath() {
    }

    public static EcsFieldPath of(String dottedName) {
        throw new UnsupportedOperationException("TODO");
    }

    /** The field's value in the event, or null when absent. */
    public Object get(SecurityEvent event) {
        throw new UnsupportedOperationException("TODO");
    }
}
