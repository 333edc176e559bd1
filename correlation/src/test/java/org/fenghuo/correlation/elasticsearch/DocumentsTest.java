package org.fenghuo.correlation.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.fenghuo.correlation.TestEvents;
import org.fenghuo.events.DeadLetter;
import org.fenghuo.events.SecurityEvent;
import org.junit.jupiter.api.Test;

class DocumentsTest {

    private static final java.time.Clock NOW = java.time.Clock.fixed(Instant.parse("2026-11-24T08:00:00Z"),
            java.time.ZoneOffset.UTC);

    @Test
    void eventDocumentUsesEventIdAndDailyIndexOfEventTime() {
        SecurityEvent event = TestEvents.sshFailure("evt-42", Instant.parse("2026-11-23T23:59:59.999Z"), "10.0.0.1");
        IndexDocument doc = new SecurityEventDocuments(NOW).toDocument(event);
        assertThat(doc.id()).isEqualTo("evt-42");
        assertThat(doc.index()).isEqualTo("fenghuo-events-2026.11.23");
    }

    @Test
    void eventTimesFarFromNowShareOneIndexInsteadOfCreatingOneEach() {
        SecurityEventDocuments documents = new SecurityEventDocuments(NOW);
        assertThat(documents.indexFor(Instant.parse("2026-08-27T00:00:00Z"))).isEqualTo("fenghuo-events-2026.08.27");
        assertThat(documents.indexFor(Instant.parse("2026-08-25T00:00:00Z"))).isEqualTo("fenghuo-events-out-of-range");
        assertThat(documents.indexFor(Instant.parse("2026-11-25T07:59:59Z"))).isEqualTo("fenghuo-events-2026.11.25");
        assertThat(documents.indexFor(Instant.parse("2026-11-25T08:00:01Z"))).isEqualTo("fenghuo-events-out-of-range");
        assertThat(documents.indexFor(Instant.parse("9999-01-01T00:00:00Z"))).isEqualTo("fenghuo-events-out-of-range");
        assertThat(documents.indexFor(null)).isEqualTo("fenghuo-events-out-of-range");
    }

    @Test
    void eventWithoutIdGetsAStableContentHash() {
        SecurityEvent a = TestEvents.sshFailure(null, Instant.parse("2026-11-23T10:00:00Z"), "10.0.0.1");
        SecurityEvent b = TestEvents.sshFailure(null, Instant.parse("2026-11-23T10:00:00Z"), "10.0.0.2");
        SecurityEventDocuments documents = new SecurityEventDocuments();
        assertThat(documents.toDocument(a).id()).isEqualTo(documents.toDocument(a).id()).hasSize(32);
        assertThat(documents.toDocument(a).id()).isNotEqualTo(documents.toDocument(b).id());
    }

    @Test
    void anAlertNamesEvidenceByTheDocumentIdItsEventIsIndexedUnder() {
        SecurityEventDocuments documents = new SecurityEventDocuments(NOW);
        SecurityEvent shortId = TestEvents.sshFailure("evt-1", Instant.parse("2026-11-23T10:00:00Z"), "10.0.0.1");
        // 513 bytes: one over Elasticsearch's _id limit, 171 chars of 3 bytes each plus "x"
        SecurityEvent longId = TestEvents.sshFailure("登".repeat(171) + "x", Instant.parse("2026-11-23T10:00:01Z"),
                "10.0.0.1");
        org.fenghuo.detection.alert.RuleInfo rule = new org.fenghuo.detection.alert.RuleInfo("r", "r", "1",
                org.fenghuo.events.Severity.LOW, org.fenghuo.events.IncidentCategory.values()[0], java.util.List.of(),
                java.util.List.of());

        java.util.List<String> evidence = org.fenghuo.detection.alert.Alerts.of(rule,
                java.util.List.of(shortId, longId), "m").eventIds();

        assertThat(evidence).containsExactly(documents.toDocument(shortId).id(), documents.toDocument(longId).id());
        assertThat(evidence.get(1)).hasSize(32);
    }

    @Test
    void contentHashSeparatesItsParts() {
        assertThat(DocumentIds.contentHash("ab", "c")).isNotEqualTo(DocumentIds.contentHash("a", "bc"));
    }

    @Test
    void sameDeadLetterTwiceIsOneDocument() {
        DeadLetter letter = new DeadLetter(Instant.parse("2026-11-23T10:00:00Z"), "syslog.udp", "10.0.0.1:514", 0,
                "invalid UTF-8 at byte 3", "AAEC", 3);
        DeadLetter later = new DeadLetter(Instant.parse("2026-11-23T11:00:00Z"), "syslog.udp", "10.0.0.1:514", 0,
                "invalid UTF-8 at byte 3", "AAEC", 3);
        DeadLetterDocuments documents = new DeadLetterDocuments(
                java.time.Clock.fixed(Instant.parse("2026-11-24T00:00:00Z"), java.time.ZoneOffset.UTC));
        assertThat(documents.toDocument(letter).id()).isEqualTo(documents.toDocument(later).id());
        assertThat(documents.toDocument(letter).index()).isEqualTo("fenghuo-deadletter-2026.11.23");
    }

    @Test
    void aDeadLetterWhoseTimeIsMissingOrFarOffGoesToTheOutOfRangeIndex() {
        DeadLetterDocuments documents = new DeadLetterDocuments(
                java.time.Clock.fixed(Instant.parse("2026-11-24T00:00:00Z"), java.time.ZoneOffset.UTC));
        for (Instant t : new Instant[] {null, Instant.parse("+1000000000-01-01T00:00:00Z"), Instant.MIN,
                Instant.parse("2026-11-25T00:00:01Z"), Instant.parse("2026-08-25T23:59:59Z")}) {
            DeadLetter letter = new DeadLetter(t, "x", null, -1, "reason", null, 0);
            assertThat(documents.toDocument(letter).index()).as("%s", t).isEqualTo("fenghuo-deadletter-out-of-range");
        }
    }

    @Test
    void onlyTransientStatusesAreRetried() {
        assertThat(BulkIndexer.isRetryable(429)).isTrue();
        assertThat(BulkIndexer.isRetryable(503)).isTrue();
        assertThat(BulkIndexer.isRetryable(400)).isFalse();
        assertThat(BulkIndexer.isRetryable(409)).isFalse();
    }

    @Test
    void backoffDoublesUpToItsCeilingAndResets() {
        Backoff backoff = new Backoff(java.time.Duration.ofMillis(100), java.time.Duration.ofMillis(350));
        assertThat(backoff.nextMillis()).isEqualTo(100);
        assertThat(backoff.nextMillis()).isEqualTo(200);
        assertThat(backoff.nextMillis()).isEqualTo(350);
        assertThat(backoff.nextMillis()).isEqualTo(350);
        backoff.reset();
        assertThat(backoff.nextMillis()).isEqualTo(100);
    }
}
