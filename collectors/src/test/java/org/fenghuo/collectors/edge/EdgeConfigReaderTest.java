package org.fenghuo.collectors.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.fenghuo.collectors.spool.FsyncPolicy;
import org.fenghuo.collectors.spool.SpoolConfig;
import org.fenghuo.collectors.spool.WhenFull;
import org.junit.jupiter.api.Test;

class EdgeConfigReaderTest {

    private static final Path BASE = Path.of("/etc/fenghuo");

    private static EdgeConfig parse(String yaml) throws EdgeConfigException {
        return EdgeConfigReader.standard().parse(yaml, BASE, "edge.yml");
    }

    private static List<String> problems(String yaml) {
        try {
            parse(yaml);
        } catch (EdgeConfigException e) {
            return e.problems();
        }
        throw new AssertionError("expected configuration problems in:\n" + yaml);
    }

    @Test
    void anEmptyFileGivesTheDefaults() throws EdgeConfigException {
        EdgeConfig config = parse("");
        assertThat(config.kafka().bootstrapServers()).isEqualTo("127.0.0.1:9092");
        assertThat(config.kafka().eventsTopic()).isEqualTo("fenghuo.events");
        assertThat(config.spool().dir()).isEqualTo(BASE.resolve("spool"));
        assertThat(config.spool().fsync()).isEqualTo(FsyncPolicy.ALWAYS);
        assertThat(config.spool().whenFull()).isEqualTo(WhenFull.REFUSE);
        assertThat(config.spool().maxBytes()).isEqualTo(SpoolConfig.DEFAULT_MAX_BYTES);
        assertThat(config.metrics().port()).isEqualTo(9464);
        assertThat(config.inputs()).extracting(EdgeConfig.Input::type).containsExactly("syslog_udp", "syslog_tcp");
        assertThat(config.inputs()).extracting(EdgeConfig.Input::name).containsExactly("syslog-udp", "syslog-tcp");
    }

    @Test
    void readsEverySection() throws EdgeConfigException {
        EdgeConfig config = parse("""
                kafka:
                  bootstrap: kafka1:9092,kafka2:9092
                  topics: {events: city.events, dead_letters: city.dead}
                  producer: {linger.ms: 20, compression.type: zstd}
                spool: {dir: /var/spool/fenghuo, max_bytes: 2GiB, segment_bytes: 128MiB, fsync: interval,
                        fsync_interval: 250ms, when_full: drop}
                metrics: {host: 0.0.0.0, port: 9100}
                inputs:
                  - {type: syslog_tcp, name: fw, host: 0.0.0.0, port: 6514, max_frame_bytes: 1024,
                     max_connections: 8, time_zone: Asia/Shanghai}
                  - {type: pcap_live, name: tap, interface: eth1, bpf: "not port 22", protocols: [dns, http]}
                """);
        assertThat(config.kafka().bootstrapServers()).isEqualTo("kafka1:9092,kafka2:9092");
        assertThat(config.kafka().deadLetterTopic()).isEqualTo("city.dead");
        assertThat(config.kafka().producerOverrides()).containsEntry("compression.type", "zstd")
                .containsEntry("linger.ms", "20");
        assertThat(config.spool().dir()).isEqualTo(Path.of("/var/spool/fenghuo"));
        assertThat(config.spool().maxBytes()).isEqualTo(2L << 30);
        assertThat(config.spool().segmentBytes()).isEqualTo(128L << 20);
        assertThat(config.spool().fsync()).isEqualTo(FsyncPolicy.INTERVAL);
        assertThat(config.spool().fsyncInterval()).isEqualTo(Duration.ofMillis(250));
        assertThat(config.spool().whenFull()).isEqualTo(WhenFull.DROP);
        assertThat(config.metrics().host()).isEqualTo("0.0.0.0");
        assertThat(config.inputs()).extracting(EdgeConfig.Input::name).containsExactly("fw", "tap");
    }

    @Test
    void aBadPortNamesTheListIndexAndTheRange() {
        assertThat(problems("""
                inputs:
                  - {type: syslog_udp}
                  - {type: syslog_tcp, port: 70000}
                """)).containsExactly("inputs[1].port: 70000 is not a port (1..65535, or 0 for a free one)");
    }

    @Test
    void unknownKeysAreErrorsAtEveryLevel() {
        assertThat(problems("""
                kafka: {bootstrap: k:9092, topic: x}
                spool: {fsynk: always}
                inputs: [{type: syslog_udp, prot: 5514}]
                metric: {port: 1}
                """)).containsExactlyInAnyOrder(
                "kafka.topic: 'x' is an unknown key; expected one of bootstrap, producer, topics",
                "spool.fsynk: 'always' is an unknown key; expected one of dir, fsync, fsync_interval, max_bytes,"
                        + " segment_bytes, when_full",
                "inputs[0].prot: 5514 is an unknown key; expected one of host, max_frame_bytes, name, payload_rules, port, time_zone,"
                        + " type",
                "metric: {\"port\":1} is an unknown key; expected one of inputs, kafka, metrics, spool");
    }

    @Test
    void badValuesEachNameTheirKeyAndWhatWasExpected() {
        assertThat(problems("""
                kafka: {bootstrap: "no-port", producer: {acks: "1"}}
                spool: {fsync: sometimes, max_bytes: lots, fsync_interval: soon, when_full: panic}
                metrics: {enabled: "yes"}
                inputs:
                  - {type: syslog_tcp, time_zone: Mars/Olympus, max_connections: 0}
                """)).containsExactlyInAnyOrder(
                "kafka.bootstrap: 'no-port' is not host:port[,host:port...]",
                "kafka.producer.acks: '1' cannot be set: the edge collector always uses acks=all, idempotence and its"
                        + " own serializers (bootstrap.servers comes from kafka.bootstrap)",
                "spool.fsync: 'sometimes' is not one of always, interval, never",
                "spool.max_bytes: 'lots' is not a size of at least 8192 bytes (a number, or with a unit: 64MiB, 1GiB,"
                        + " 500MB)",
                "spool.fsync_interval: 'soon' is not a duration of at least 1 ms (a number of ms, or with a unit:"
                        + " 250ms, 5s, 2m, 1h)",
                "spool.when_full: 'panic' is not one of refuse, drop",
                "metrics.enabled: 'yes' must be true or false",
                "inputs[0].max_connections: 0 is not a connection count (1..100000)",
                "inputs[0].time_zone: 'Mars/Olympus' is not a time zone id (UTC, Asia/Shanghai, +08:00)");
    }

    @Test
    void theSpoolBoundMustHoldTwoSegments() {
        assertThat(problems("spool: {max_bytes: 64MiB, segment_bytes: 64MiB}")).containsExactly(
                "spool.max_bytes: '64MiB' must be at least twice spool.segment_bytes (67108864 bytes): space is"
                        + " freed a segment at a time");
    }

    @Test
    void inputTypesNamesAndRequiredKeys() {
        assertThat(problems("""
                inputs:
                  - {type: syslog_udp, name: a}
                  - {type: syslog_tcp, name: a}
                  - {type: snmp_trap}
                  - {name: untyped}
                  - {type: pcap_live}
                """)).containsExactly(
                "inputs[1].name: 'a' is already the name of another input; names must be unique (metric tag)",
                "inputs[2].type: 'snmp_trap' is not one of syslog_udp, syslog_tcp, syslog_tls, netflow, pcap_live",
                "inputs[3].type: (missing) is required: one of syslog_udp, syslog_tcp, syslog_tls, netflow, pcap_live",
                "inputs[4].interface: (missing) is required: the capture device, e.g. eth0 or any");
    }

    @Test
    void netflowProblemsNameTheirKeys() {
        assertThat(problems("""
                inputs:
                  - {type: netflow, port: 70000, template_timeout: soon, max_pending_total: 0, colour: red}
                """)).containsExactlyInAnyOrder(
                "inputs[0].port: 70000 is not a port (1..65535, or 0 for a free one)",
                "inputs[0].template_timeout: 'soon' is not a duration of at least 1000 ms (a number of ms, or with a"
                        + " unit: 250ms, 5s, 2m, 1h)",
                "inputs[0].max_pending_total: 0 is not a count (1..100000000)",
                "inputs[0].colour: 'red' is an unknown key; expected one of host, max_exporters,"
                        + " max_pending_bytes_per_exporter, max_pending_bytes_total, max_pending_per_exporter,"
                        + " max_pending_total, max_templates_per_exporter, name, pending_timeout, port, template_timeout,"
                        + " type");
    }

    @Test
    void tlsAndPayloadRuleProblemsNameTheirKeys() {
        List<String> problems = problems("""
                inputs:
                  - {type: syslog_tls, name: tls-a, client_auth: maybe}
                  - {type: syslog_tls, name: tls-b, certificate: /nonexistent/chain.pem, key: /nonexistent/key.pem,
                     client_auth: need}
                  - type: syslog_tcp
                    payload_rules: [{parser: checkpoint}, {parser: cef, pattern: "("}, {parser: kv, colour: red}]
                """);
        assertThat(problems)
                .anySatisfy(p -> assertThat(p).startsWith("inputs[0].certificate: (missing) is required"))
                .anySatisfy(p -> assertThat(p).startsWith("inputs[0].key: (missing) is required"))
                .anySatisfy(p -> assertThat(p).isEqualTo("inputs[0].client_auth: 'maybe' must be none, want or need"))
                .anySatisfy(p -> assertThat(p).startsWith("inputs[1].client_ca: (missing) is required with client_auth need"))
                .anySatisfy(p -> assertThat(p).startsWith("inputs[2].payload_rules[0].parser: 'checkpoint' is not a payload parser; known: ")
                        .contains("cef"))
                .anySatisfy(p -> assertThat(p).startsWith("inputs[2].payload_rules[1].pattern: '(' is not a Java regular expression"))
                .anySatisfy(p -> assertThat(p).startsWith("inputs[2].payload_rules[2].colour: 'red' is an unknown key"));
    }

    @Test
    void tlsCertificateFilesAreLoadedAtStartUpAndRelativePathsFollowTheConfigFile() throws Exception {
        org.fenghuo.collectors.syslog.tls.TestPki pki = org.fenghuo.collectors.syslog.tls.TestPki.shared();
        Path base = pki.serverChain().getParent();
        EdgeConfig config = EdgeConfigReader.standard().parse("""
                inputs:
                  - type: syslog_tls
                    port: 0
                    certificate: %s
                    key: %s
                    client_auth: need
                    client_ca: %s
                    payload_rules: []
                """.formatted(base.relativize(pki.serverChain()), base.relativize(pki.serverKey()),
                pki.caPem()), base, "edge.yml");
        assertThat(config.inputs()).extracting(EdgeConfig.Input::type).containsExactly("syslog_tls");

        // the same files swapped: the key does not belong to the certificate, and start-up says so
        List<String> swapped;
        try {
            EdgeConfigReader.standard().parse("inputs: [{type: syslog_tls, certificate: %s, key: %s}]"
                    .formatted(pki.serverChain(), pki.clientKey()), base, "edge.yml");
            throw new AssertionError("a key of another certificate was accepted");
        } catch (EdgeConfigException e) {
            swapped = e.problems();
        }
        assertThat(swapped).singleElement().asString().startsWith("inputs[0].certificate: ")
                .contains("TLS settings refused");
    }

    @Test
    void anEmptyInputListAndInvalidYamlAreRefused() {
        assertThat(problems("inputs: []")).containsExactly("inputs: [] must list at least one input");
        assertThatThrownBy(() -> parse("kafka: [unclosed")).isInstanceOf(EdgeConfigException.class)
                .hasMessageContaining("not valid YAML at line");
    }
}
