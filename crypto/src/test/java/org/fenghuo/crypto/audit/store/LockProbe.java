package org.fenghuo.crypto.audit.store;

import java.io.IOException;
import java.nio.file.Path;

/** Run in a second JVM by {@link FileAuditStoreLockTest}: tries to open the trail for writing and says what happened. */
public final class LockProbe {
    static final int ACQUIRED = 0;
    static final int REFUSED = 3;

    private LockProbe() {
    }

    public static void main(String[] args) {
        try (FileAuditStore store = FileAuditStore.open(Path.of(args[0]), FsyncPolicy.NONE)) {
            System.out.println("ACQUIRED " + store.describe());
            System.exit(ACQUIRED);
        } catch (IOException e) {
            System.out.println("REFUSED " + e.getMessage());
            System.exit(REFUSED);
        }
    }
}
