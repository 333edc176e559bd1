package org.fenghuo.correlation.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.fenghuo.correlation.job.LocalEnvironments;
import org.fenghuo.deploy.infra.EmbeddedKafka;
import org.junit.jupiter.api.Test;

/** The control stream's source on a real KRaft broker: JSON records in, updates out, a bad record and a tombstone skipped. */
class DetectionControlKafkaTest {

    @Test
    void updatesAreReadFromTheRulesTopic() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            kafka.createTopic(DetectionControl.TOPIC, 1);
            Map<String, Object> config = Map.of("bootstrap.servers", kafka.bootstrapServers(),
                    "key.serializer", ByteArraySerializer.class.getName(),
                    "value.serializer", ByteArraySerializer.class.getName());
            try (var producer = new KafkaProducer<byte[], byte[]>(config)) {
                // a tombstone (null value) first: it failed the source, on every restart, from the earliest offset
                producer.send(new ProducerRecord<>(DetectionControl.TOPIC, "k".getBytes(StandardCharsets.UTF_8), null)).get();
                for (String value : List.of("{\"version\": 2}", "not json",
                        "{\"version\": 3, \"sigma_rules\": [\"/etc/fenghuo/rules\"], \"indicators\": [\"list:/etc/ipsum.txt\"]}")) {
                    producer.send(new ProducerRecord<>(DetectionControl.TOPIC, value.getBytes(StandardCharsets.UTF_8)))
                            .get();
                }
            }
            StreamExecutionEnvironment env = LocalEnvironments.create(1);
            List<DetectionUpdate> updates = DetectionOperators.updates(env,
                    DetectionControl.kafkaSource(kafka.bootstrapServers(), DetectionControl.TOPIC, "control-test"))
                    .executeAndCollect(2);
            assertThat(updates).containsExactly(DetectionUpdate.reload(2),
                    new DetectionUpdate(3, DetectionSettings.defaults().withSigmaRules("/etc/fenghuo/rules")
                            .withIndicators("list:/etc/ipsum.txt")));
        }
    }
}
