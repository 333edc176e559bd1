package org.fenghuo.correlation.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.fenghuo.correlation.TestAlerts;
import org.fenghuo.events.Alert;
import org.fenghuo.events.AlertJson;
import org.fenghuo.events.Incident;
import org.fenghuo.events.IncidentJson;
import org.fenghuo.events.WarningLevel;
import org.junit.jupiter.api.Test;

class KafkaSinksTest {

    @Test
    void theRecordKeyIsTheIdAndTheValueTheJson() {
        Alert alert = TestAlerts.bruteForce("alert-9", Instant.parse("2026-11-23T10:00:00Z"), "203.0.113.9");
        ProducerRecord<byte[], byte[]> record = new JsonRecordSerializer<Alert>(OutputTopics.ALERTS, Alert::id,
                AlertJson::toJson).serialize(alert, null, 42L);
        assertThat(record.topic()).isEqualTo("fenghuo.alerts");
        assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo("alert-9");
        assertThat(new String(record.value(), StandardCharsets.UTF_8)).isEqualTo(AlertJson.toJson(alert));
        assertThat(record.timestamp()).isEqualTo(42L);
        assertThat(record.partition()).as("partitioned by key").isNull();

        Instant t = Instant.parse("2026-11-23T10:00:00Z");
        Incident v2 = TestAlerts.incident("inc-1", t, t.plusSeconds(5), List.of("a", "b"), "203.0.113.9", WarningLevel.RED);
        ProducerRecord<byte[], byte[]> incident = new JsonRecordSerializer<Incident>(OutputTopics.INCIDENTS, Incident::id,
                IncidentJson::toJson).serialize(v2, null, null);
        assertThat(new String(incident.key(), StandardCharsets.UTF_8)).isEqualTo("inc-1");
        assertThat(new String(incident.value(), StandardCharsets.UTF_8)).contains("\"warning_level\":\"red\"");
    }

    @Test
    void anElementTooLargeForAKafkaRecordIsCountedAndNotSent() {
        Alert alert = TestAlerts.bruteForce("alert-big", Instant.parse("2026-11-23T10:00:00Z"), "203.0.113.9");
        JsonRecordSerializer<Alert> serializer = new JsonRecordSerializer<>(OutputTopics.ALERTS, Alert::id,
                a -> "x".repeat(JsonRecordSerializer.MAX_RECORD_BYTES - a.id().length() + 1));
        assertThat(serializer.serialize(alert, null, 1L)).isNull();
        assertThat(serializer.recordsTooLarge()).isEqualTo(1);

        JsonRecordSerializer<Alert> justFits = new JsonRecordSerializer<>(OutputTopics.ALERTS, Alert::id,
                a -> "x".repeat(JsonRecordSerializer.MAX_RECORD_BYTES - a.id().length()));
        assertThat(justFits.serialize(alert, null, 1L)).isNotNull();
        assertThat(justFits.recordsTooLarge()).isZero();
    }

    @Test
    void badSettingsAreReportedTogetherEachNamingItsKey() {
        assertThatThrownBy(() -> KafkaSinks.alerts(" ", "", null, DeliveryGuarantee.EXACTLY_ONCE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("kafka.bootstrap-servers =  :")
                .hasMessageContaining("topic = :")
                .hasMessageContaining("transactional-id-prefix = null");
        assertThatThrownBy(() -> KafkaSinks.incidents("127.0.0.1:9092", OutputTopics.INCIDENTS, "p", DeliveryGuarantee.NONE))
                .hasMessageContaining("delivery-guarantee = NONE");
        // at least once needs no transactional id
        assertThat(KafkaSinks.problems("127.0.0.1:9092", OutputTopics.ALERTS, null, DeliveryGuarantee.AT_LEAST_ONCE)).isEmpty();
        assertThat(KafkaSinks.alerts("127.0.0.1:9092", "fenghuo-test")).isNotNull();
    }

    @Test
    void theTransactionTimeoutStaysBelowTheBrokersDefaultMaximum() {
        assertThat(KafkaSinks.TRANSACTION_TIMEOUT).isLessThanOrEqualTo(java.time.Duration.ofMinutes(15));
    }
}
