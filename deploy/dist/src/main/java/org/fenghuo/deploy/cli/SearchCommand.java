package org.fenghuo.deploy.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.fenghuo.correlation.elasticsearch.ElasticsearchClients;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "search", mixinStandardHelpOptions = true,
        description = {"Search stored events with an ECS field query and print them as NDJSON, newest first.",
                "Query syntax: Lucene query string on ECS names, e.g. 'log.syslog.appname:sshd AND source.ip:10.0.0.0/8'."},
        footer = {"", "Exit codes: 0 hits printed, 1 no hit or stdout could not be written (closed or full), "
                + "2 bad query or usage, 3 Elasticsearch unreachable."})
final class SearchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", defaultValue = "*", description = "ECS field query (default: everything).")
    String query;

    @Option(names = "--es", description = "Elasticsearch URL (default: $FENGHUO_ES_URL or the running `fenghuo run`).")
    String elasticsearch;

    @Option(names = {"-n", "--size"}, defaultValue = "100", description = "Most hits to print (default: ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--dead-letters", description = "Search rejected input (fenghuo-deadletter-*) instead of events.")
    boolean deadLetters;

    @Override
    public Integer call() throws IOException {
        if (size < 0 || size > 10_000) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--size must be 0..10000, was " + size);
        }
        String index = deadLetters ? "fenghuo-deadletter-*" : "fenghuo-events-*";
        ElasticsearchClient client = ElasticsearchClients.create(Endpoints.elasticsearch(elasticsearch));
        try {
            SearchResponse<ObjectNode> response = client.search(s -> s.index(index).size(size).trackTotalHits(t -> t.enabled(true))
                    .ignoreUnavailable(true).allowNoIndices(true)
                    .sort(o -> o.field(f -> f.field("@timestamp").order(SortOrder.Desc).unmappedType(
                            co.elastic.clients.elasticsearch._types.mapping.FieldType.Date)))
                    .query(q -> q.queryString(qs -> qs.query(query).defaultOperator(
                            co.elastic.clients.elasticsearch._types.query_dsl.Operator.And))), ObjectNode.class);
            PrintWriter out = spec.commandLine().getOut();
            // Made here, not in a static field: picocli instantiates every command at start-up, and a
            // static ObjectMapper would load ~370 Jackson classes for `fenghuo version` too.
            ObjectMapper json = new ObjectMapper();
            for (Hit<ObjectNode> hit : response.hits().hits()) {
                out.println(json.writeValueAsString(hit.source()));
            }
            out.flush();
            long total = response.hits().total() == null ? response.hits().hits().size() : response.hits().total().value();
            spec.commandLine().getErr().println("fenghuo search: " + response.hits().hits().size() + " of " + total
                    + " hits in " + index);
            if (StdoutCheck.lostOutput("fenghuo search", out, spec.commandLine().getErr())) {
                return FenghuoCli.EXIT_NOTHING;
            }
            return total == 0 ? FenghuoCli.EXIT_NOTHING : FenghuoCli.EXIT_OK;
        } catch (ElasticsearchException e) {
            if (e.status() >= 500) {
                throw new ServiceUnavailableException("Elasticsearch failed (" + e.status() + "): " + e.getMessage(), e);
            }
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Elasticsearch refused the query: "
                    + e.getMessage());
        } catch (IOException e) {
            throw new ServiceUnavailableException("cannot reach Elasticsearch: " + e.getMessage(), e);
        } finally {
            ElasticsearchClients.closeQuietly(client);
        }
    }
}
