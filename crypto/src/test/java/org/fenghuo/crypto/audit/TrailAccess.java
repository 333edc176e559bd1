package org.fenghuo.crypto.audit;

import java.io.IOException;

/** Lets tests of the store package use {@link TrailFixture}, which is package-private. */
public final class TrailAccess {
    private final TrailFixture fixture = TrailFixture.create();

    private TrailAccess() {
    }

    public static TrailAccess create() {
        return new TrailAccess();
    }

    public void write(AuditStore store) throws IOException {
        fixture.write(store);
    }

    public VerificationKeys trusted() {
        return fixture.trusted();
    }
}
