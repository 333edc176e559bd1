package org.fenghuo.bench.sigma;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.fenghuo.detection.sigma.pipeline.LogSource;
import org.fenghuo.detection.sigma.pipeline.LogSourceMapping;
import org.fenghuo.detection.sigma.pipeline.LogSourceMapping.FieldCondition;
import org.fenghuo.detection.sigma.pipeline.PipelineResolver;

/**
 * A stand-in for the YAML processing pipelines (written elsewhere), shaped like them: each log
 * source gets ECS conditions and a few field names mapped, so the rule index sees as many
 * log-source groups as it would in production. Windows and cloud sources get conditions our
 * network/linux traffic never meets (as with the real pipelines, their rules stay loaded).
 */
final class BenchPipeline implements PipelineResolver {
    private static final Map<String, List<String>> PROCESS = Map.of("Image", List.of("process.executable"),
            "CommandLine", List.of("process.command_line"), "ParentImage", List.of("process.parent.executable"),
            "User", List.of("user.name"), "ParentCommandLine", List.of("process.parent.command_line"));
    private static final Map<String, List<String>> DNS = Map.of("query", List.of("dns.question.name"),
            "QueryName", List.of("dns.question.name"), "answer", List.of("dns.answers.data"),
            "record_type", List.of("dns.question.type"));
    private static final Map<String, List<String>> HTTP = Map.of("c-uri", List.of("url.original"),
            "cs-uri-query", List.of("url.query"), "cs-method", List.of("http.request.method"),
            "c-useragent", List.of("user_agent.original"), "cs-host", List.of("url.domain"),
            "sc-status", List.of("http.response.status_code"), "cs-uri", List.of("url.original"),
            "cs-user-agent", List.of("user_agent.original"), "cs-referrer", List.of("http.request.referrer"));
    private static final Map<String, List<String>> NETWORK = Map.of("DestinationIp", List.of("destination.ip"),
            "DestinationPort", List.of("destination.port"), "SourceIp", List.of("source.ip"),
            "SourcePort", List.of("source.port"), "dst_ip", List.of("destination.ip"), "dst_port", List.of("destination.port"),
            "src_ip", List.of("source.ip"), "Image", List.of("process.executable"));

    @Override
    public LogSourceMapping resolve(LogSource ls) {
        String product = lower(ls.product());
        String category = lower(ls.category());
        String service = lower(ls.service());
        if (product.equals("windows") || product.equals("macos")) {
            return of(cond("host.os.type", product), Map.of());
        }
        if (category.equals("dns") || category.equals("dns_query") || service.equals("dns")) {
            return of(cond("network.protocol", "dns"), DNS);
        }
        if (category.equals("proxy") || category.equals("webserver") || service.equals("http")) {
            return of(cond("network.protocol", "http"), HTTP);
        }
        if (category.equals("network_connection") || category.equals("firewall")) {
            return of(cond("event.category", "network"), NETWORK);
        }
        if (product.equals("linux") && (category.equals("process_creation") || service.equals("auditd"))) {
            return of(cond("event.category", "process"), PROCESS);
        }
        if (product.equals("linux")) {
            return of(cond("event.category", "authentication"), Map.of("User", List.of("user.name")));
        }
        if (!product.isEmpty()) {
            return of(cond("event.module", product), Map.of());
        }
        return of(cond("event.dataset", category.isEmpty() ? service : category), Map.of());
    }

    private static List<FieldCondition> cond(String field, String value) {
        return List.of(new FieldCondition(field, List.of(value)));
    }

    private static LogSourceMapping of(List<FieldCondition> conditions, Map<String, List<String>> fields) {
        return new LogSourceMapping(List.of("bench"), conditions, fields, null);
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }
}
