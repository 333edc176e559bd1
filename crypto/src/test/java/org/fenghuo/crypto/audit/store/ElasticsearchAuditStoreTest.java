package org.fenghuo.crypto.audit.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.fenghuo.crypto.CryptoFailure;
import org.fenghuo.crypto.audit.AuditEntry;
import org.fenghuo.crypto.audit.AuditJson;
import org.fenghuo.crypto.audit.AuditStore;
import org.fenghuo.crypto.audit.AuditVerifier;
import org.fenghuo.crypto.audit.TrailAccess;
import org.fenghuo.crypto.audit.VerificationFailure.Reason;
import org.fenghuo.crypto.audit.VerificationReport;
import org.fenghuo.deploy.infra.ElasticsearchFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Elasticsearch store on a real Elasticsearch 8.19: writes, refusals, and tampering through the REST API. */
class ElasticsearchAuditStoreTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static String url;

    @TempDir
    Path dir;

    private final TrailAccess fixture = TrailAccess.create();
    private String index;
    private String copyIndex;

    @BeforeAll
    static void elasticsearch() {
        url = ElasticsearchFixture.shared().url();
    }

    @BeforeEach
    void uniqueIndex() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        index = "fenghuo-audit-test-" + suffix;
        copyIndex = "fenghuo-audit-test-copy-" + suffix;
    }

    @AfterEach
    void deleteIndices() throws Exception {
        call("DELETE", "/" + index + "," + copyIndex + "?ignore_unavailable=true", null);
    }

    private static HttpResponse<String> call(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path)).header("Content-Type",
                "application/json").method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private VerificationReport verify(String name) throws IOException {
        return new AuditVerifier(fixture.trusted()).verify(ElasticsearchAuditStore.forReading(url, name));
    }

    private JsonNode source(long id) throws Exception {
        return JSON.readTree(call("GET", "/" + index + "/_doc/" + id, null).body()).path("_source");
    }

    @Test
    void untamperedTrailVerifiesWithOneDocumentPerSequence() throws Exception {
        fixture.write(ElasticsearchAuditStore.open(url, index));
        VerificationReport report = verify(index);
        assertThat(report.ok()).as(String.valueOf(report.failure())).isTrue();
        assertThat(report.entriesChecked()).isEqualTo(16);
        assertThat(report.checkpointsVerified()).isEqualTo(3);
        assertThat(source(8).path("sequence").asLong()).isEqualTo(8);
        assertThat(source(6).path("type").asText()).isEqualTo("checkpoint");
        JsonNode mapping = JSON.readTree(call("GET", "/" + index + "/_mapping", null).body());
        assertThat(mapping.path(index).path("mappings").path("dynamic").asText()).isEqualTo("strict");
        assertThat(mapping.path(index).path("mappings").path("properties").path("details").path("type").asText())
                .isEqualTo("flattened");
    }

    @Test
    void documentModifiedThroughTheIndexApiIsTheFirstBadRecord() throws Exception {
        fixture.write(ElasticsearchAuditStore.open(url, index));
        ObjectNode doc = (ObjectNode) source(8);
        doc.put("actor", "someone-else");
        assertThat(call("PUT", "/" + index + "/_doc/8", doc.toString()).statusCode()).isEqualTo(200);
        VerificationReport report = verify(index);
        assertThat(report.failure().reason()).isEqualTo(Reason.HASH_MISMATCH);
        assertThat(report.failure().position()).isEqualTo(8);
        assertThat(report.failure().location()).isEqualTo(index + "/_doc/8");
    }

    @Test
    void deletedDocumentIsNamedByTheMissingSequence() throws Exception {
        fixture.write(ElasticsearchAuditStore.open(url, index));
        assertThat(call("DELETE", "/" + index + "/_doc/8", null).statusCode()).isEqualTo(200);
        VerificationReport report = verify(index);
        assertThat(report.failure().reason()).isEqualTo(Reason.MISSING_ENTRY);
        assertThat(report.failure().position()).isEqualTo(9);
        assertThat(report.failure().detail()).startsWith("sequence 8 missing");
    }

    @Test
    void swappedDocumentsAreReported() throws Exception {
        fixture.write(ElasticsearchAuditStore.open(url, index));
        JsonNode eight = source(8);
        JsonNode nine = source(9);
        call("PUT", "/" + index + "/_doc/8", nine.toString());
        call("PUT", "/" + index + "/_doc/9", eight.toString());
        VerificationReport report = verify(index);
        assertThat(report.failure().reason()).isEqualTo(Reason.REORDERED);
        assertThat(report.failure().position()).isEqualTo(8);
    }

    @Test
    void aSecondWriteOfASequenceIsRefused() throws Exception {
        fixture.write(ElasticsearchAuditStore.open(url, index));
        AuditEntry three = AuditJson.parse(source(3).toString());
        try (AuditStore store = ElasticsearchAuditStore.open(url, index)) {
            assertThatThrownBy(() -> store.append(three)).isInstanceOf(CryptoFailure.class)
                    .hasMessageContaining("NOT_PERMITTED").hasMessageContaining("already holds sequence 3");
            assertThat(store.last().orElseThrow().sequence()).isEqualTo(16);
        }
    }

    @Test
    void teeWritesBothAndBringsALaggingCopyUpToDate() throws Exception {
        Path file = dir.resolve("audit.log");
        fixture.write(new TeeAuditStore(FileAuditStore.open(file, FsyncPolicy.NONE),
                List.of(ElasticsearchAuditStore.open(url, index))));
        assertThat(new AuditVerifier(fixture.trusted()).verify(FileAuditStore.read(file)).entriesChecked()).isEqualTo(16);
        assertThat(verify(index).ok()).isTrue();

        // a copy that was down all along: opening the tee replays the primary into it
        try (TeeAuditStore tee = new TeeAuditStore(FileAuditStore.open(file, FsyncPolicy.NONE),
                List.of(ElasticsearchAuditStore.open(url, copyIndex)))) {
            assertThat(tee.last().orElseThrow().sequence()).isEqualTo(16);
        }
        VerificationReport copy = verify(copyIndex);
        assertThat(copy.ok()).as(String.valueOf(copy.failure())).isTrue();
        assertThat(copy.entriesChecked()).isEqualTo(16);
    }

    @Test
    void teeRefusesACopyThatDisagrees() throws Exception {
        Path file = dir.resolve("audit.log");
        fixture.write(new TeeAuditStore(FileAuditStore.open(file, FsyncPolicy.NONE),
                List.of(ElasticsearchAuditStore.open(url, index))));
        // a different trail in the copy (same length, other content)
        TrailAccess other = TrailAccess.create();
        other.write(ElasticsearchAuditStore.open(url, copyIndex));
        try (TeeAuditStore tee = new TeeAuditStore(FileAuditStore.open(file, FsyncPolicy.NONE),
                List.of(ElasticsearchAuditStore.open(url, copyIndex)))) {
            assertThatThrownBy(tee::last).isInstanceOf(CryptoFailure.class).hasMessageContaining("disagree at sequence 16");
        }
    }
}
