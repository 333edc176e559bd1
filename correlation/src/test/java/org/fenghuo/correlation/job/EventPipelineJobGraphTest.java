package org.fenghuo.correlation.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.flink.runtime.jobgraph.JobVertex;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.apache.flink.streaming.runtime.partitioner.BroadcastPartitioner;
import org.junit.jupiter.api.Test;

/** The job's graph as built (nothing runs): which operators feed which. */
class EventPipelineJobGraphTest {

    private static StreamGraph graph(CorrelationSettings correlation) {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        // addresses only: building the graph connects to nothing
        KafkaToElasticsearch.defaults("127.0.0.1:9", "http://127.0.0.1:9").withCorrelation(correlation).addTo(env);
        return env.getStreamGraph();
    }

    private static Set<String> inputsOf(StreamGraph graph, String operator) {
        StreamNode node = graph.getStreamNodes().stream().filter(n -> n.getOperatorName().equals(operator)).findFirst()
                .orElseThrow(() -> new AssertionError("no operator " + operator));
        return node.getInEdges().stream().map(e -> graph.getStreamNode(e.getSourceId()).getOperatorName())
                .collect(Collectors.toSet());
    }

    private static Object partitionerFrom(StreamGraph graph, String from, String to) {
        StreamNode node = graph.getStreamNodes().stream().filter(n -> n.getOperatorName().equals(to)).findFirst()
                .orElseThrow();
        return node.getInEdges().stream().filter(e -> graph.getStreamNode(e.getSourceId()).getOperatorName().equals(from))
                .findFirst().orElseThrow().getPartitioner();
    }

    @Test
    void withARulesTopicTheCorrelatorFollowsTheRuleControlStreamToo() {
        StreamGraph graph = graph(CorrelationSettings.defaults().withRulesTopic("fenghuo.rules"));

        assertThat(inputsOf(graph, "correlate")).contains("correlation-control-time");
        assertThat(inputsOf(graph, "detect-sigma-ioc")).contains("detection-control-time");
        assertThat(partitionerFrom(graph, "correlation-control-time", "correlate")).isInstanceOf(BroadcastPartitioner.class);
        assertThat(partitionerFrom(graph, "detection-control-time", "detect-sigma-ioc"))
                .isInstanceOf(BroadcastPartitioner.class);
    }

    @Test
    void withoutOneTheCorrelatorHasOnlyItsHits() {
        StreamGraph graph = graph(CorrelationSettings.defaults());

        assertThat(graph.getStreamNodes()).extracting(StreamNode::getOperatorName)
                .doesNotContain("correlation-control-time");
    }

    @Test
    void theIncidentBuilderTakesTheLearnedAssetsAndTheLearnerRunsOnce() {
        StreamGraph graph = graph(CorrelationSettings.defaults());

        assertThat(inputsOf(graph, "build-incidents")).contains("learn-assets");
        StreamNode learner = graph.getStreamNodes().stream().filter(n -> n.getOperatorName().equals("learn-assets"))
                .findFirst().orElseThrow();
        assertThat(learner.getParallelism()).isEqualTo(1);
        assertThat(inputsOf(graph, "learn-assets")).isEqualTo(Set.copyOf(List.of("asset-observations")));
    }

    @Test
    void theEventSinkTakesOneStreamAndRunsChainedToTheSourceWithoutASerialisingHop() {
        StreamGraph graph = graph(CorrelationSettings.defaults());
        StreamNode sink = graph.getStreamNodes().stream().filter(n -> n.getOperatorName().startsWith("event-sink"))
                .findFirst().orElseThrow();

        assertThat(sink.getInEdges()).singleElement()
                .satisfies(e -> assertThat(graph.getStreamNode(e.getSourceId()).getOperatorName()).isEqualTo("protect-pii"));
        JobVertex vertex = graph.getJobGraph().getVerticesSortedTopologicallyFromSources().stream()
                .filter(v -> v.getName().contains("event-sink")).findFirst().orElseThrow();
        assertThat(vertex.getName()).contains("events-source", "protect-pii", "event-sink");
    }

    @Test
    void withoutARulesTopicDetectionHasOneInputAndRunsChainedToo() {
        StreamGraph graph = graph(CorrelationSettings.defaults());

        assertThat(inputsOf(graph, "detect-sigma-ioc")).containsExactly("event-time");
        assertThat(graph.getJobGraph().getVerticesSortedTopologicallyFromSources()).extracting(JobVertex::getName)
                .anySatisfy(name -> assertThat(name).contains("events-source", "detect-sigma-ioc", "event-sink"));
    }
}
