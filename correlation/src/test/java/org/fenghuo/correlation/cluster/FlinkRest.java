package org.fenghuo.correlation.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The few calls of the JobManager's REST API the fixture and the test need. */
final class FlinkRest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    FlinkRest(String host, int port) {
        this.base = "http://" + host + ":" + port;
    }

    String url() {
        return base;
    }

    /** GET a path such as {@code /taskmanagers}; throws IOException when the JobManager does not answer 200. */
    JsonNode get(String path) throws IOException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10)).GET().build());
    }

    /** Registered TaskManagers (their ids), as the ResourceManager sees them. */
    List<String> taskManagers() throws IOException {
        List<String> ids = new ArrayList<>();
        get("/taskmanagers").path("taskmanagers").forEach(tm -> ids.add(tm.path("id").asText()));
        return ids;
    }

    JsonNode job(String jobId) throws IOException {
        return get("/jobs/" + jobId);
    }

    /** True when the job is RUNNING and every vertex (all its subtasks) is RUNNING too, i.e. deployed on TaskManagers. */
    boolean fullyRunning(String jobId) throws IOException {
        JsonNode job = job(jobId);
        if (!"RUNNING".equals(job.path("state").asText())) {
            return false;
        }
        for (JsonNode vertex : job.path("vertices")) {
            // a bounded vertex (the rule-control placeholder) is done once it has sent its one record
            String status = vertex.path("status").asText();
            if (!"RUNNING".equals(status) && !"FINISHED".equals(status)) {
                return false;
            }
        }
        return job.path("vertices").size() > 0;
    }

    /** A job metric such as {@code numRestarts}; -1 when not reported (yet). */
    long jobMetric(String jobId, String metric) throws IOException {
        for (JsonNode entry : get("/jobs/" + jobId + "/metrics?get=" + metric)) {
            if (metric.equals(entry.path("id").asText())) {
                return (long) Double.parseDouble(entry.path("value").asText());
            }
        }
        return -1;
    }

    /** The job's exception history: one entry per failure that caused a restart. */
    JsonNode exceptionHistory(String jobId) throws IOException {
        return get("/jobs/" + jobId + "/exceptions").path("exceptionHistory").path("entries");
    }

    /** Asks every job that is not finished to cancel; errors are ignored (the processes are stopped next anyway). */
    void cancelAll() {
        try {
            for (JsonNode job : get("/jobs").path("jobs")) {
                String status = job.path("status").asText();
                if (!List.of("FINISHED", "CANCELED", "FAILED").contains(status)) {
                    send(HttpRequest.newBuilder(URI.create(base + "/jobs/" + job.path("id").asText() + "?mode=cancel"))
                            .timeout(Duration.ofSeconds(10)).method("PATCH", HttpRequest.BodyPublishers.noBody()).build());
                }
            }
        } catch (IOException e) {
            // the JobManager is gone or never came up: nothing to cancel
        }
    }

    private JsonNode send(HttpRequest request) throws IOException {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IOException(request.method() + " " + request.uri() + " answered " + response.statusCode()
                        + ": " + response.body());
            }
            return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + request.uri(), e);
        }
    }
}
