package org.fenghuo.crypto.audit.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.fenghuo.crypto.audit.AuditLimits;
import org.fenghuo.crypto.audit.AuditVerifier;
import org.fenghuo.crypto.audit.StoredEntries;
import org.fenghuo.crypto.audit.StoredEntry;
import org.fenghuo.crypto.audit.TrailAccess;
import org.fenghuo.crypto.audit.VerificationFailure;
import org.fenghuo.crypto.audit.VerificationReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file is read line by line: line numbers hold, an oversized line is cut short and named, the rest still read. */
class FileAuditStoreStreamingTest {

    @TempDir
    Path dir;

    @Test
    void anOversizedLineIsCutShortAndTheLinesAfterItKeepTheirNumbers() throws IOException {
        Path file = dir.resolve("audit.log");
        TrailAccess trail = TrailAccess.create();
        trail.write(FileAuditStore.open(file, FsyncPolicy.NONE));
        List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        lines.set(2, "x".repeat(AuditLimits.MAX_LINE_BYTES + 10));
        Files.write(file, lines, StandardCharsets.UTF_8);

        List<StoredEntry> read = new ArrayList<>();
        try (StoredEntries entries = FileAuditStore.entries(file)) {
            for (StoredEntry e = entries.next(); e != null; e = entries.next()) {
                read.add(e);
            }
        }
        assertThat(read).hasSize(16);
        assertThat(read.get(2).json()).hasSize(AuditLimits.MAX_LINE_BYTES);
        assertThat(read.get(15).location()).isEqualTo("line 16");
        assertThat(read.get(15).complete()).isTrue();

        try (FileAuditStore store = FileAuditStore.open(file, FsyncPolicy.NONE)) {
            VerificationReport report = new AuditVerifier(trail.trusted()).verify(store);
            assertThat(report.failure().reason()).isEqualTo(VerificationFailure.Reason.MALFORMED_ENTRY);
            assertThat(report.failure().location()).isEqualTo("line 3");
        }
    }
}
