package org.fenghuo.events;

/** Fluent builder for {@link SecurityEvent}; one setter per top-level component. TODO(helper). */
public final class SecurityEventBuilder {
    SecurityEventBuilder() {
    }

    SecurityEventBuilder(SecurityEvent from) {
    }

    public SecurityEvent build() {
        throw new UnsupportedOperationException("TODO");
    }
}
