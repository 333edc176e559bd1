package org.fenghuo.collectors.syslog.payload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.fenghuo.collectors.syslog.payload.json.JsonPayloadParser;
import org.junit.jupiter.api.Test;

class JsonPayloadParserTest {

    @Test
    void ecsNamesStayEcsOthersGoUnderFenghuoJson() {
        Map<String, Object> e = PayloadHarness.decode("<14>1 2026-11-24T09:10:00Z gw01 edge-agent 311 - - "
                + "{\"@timestamp\":\"2026-11-24T09:09:59.5Z\",\"event\":{\"action\":\"door-open\",\"outcome\":\"success\"},"
                + "\"source.ip\":\"10.30.4.7\",\"user\":{\"name\":\"guard7\"},\"camera\":{\"id\":42,\"zone\":\"B2\","
                + "\"tags\":[\"lobby\",\"night\"]},\"ok\":true,\"temp\":21.5,\"list\":[{\"a\":1},2]}");
        assertThat(e).containsEntry("event.dataset", "syslog.json")
                .containsEntry("@timestamp", "2026-11-24T09:09:59.500Z")
                .containsEntry("event.action", "door-open").containsEntry("event.outcome", "success")
                .containsEntry("source.ip", "10.30.4.7").containsEntry("user.name", "guard7")
                .containsEntry("fenghuo.json.camera.id", 42).containsEntry("fenghuo.json.camera.zone", "B2")
                .containsEntry("fenghuo.json.camera.tags", List.of("lobby", "night"))
                .containsEntry("fenghuo.json.ok", "true")
                .containsEntry("fenghuo.json.temp", 21.5)
                .containsEntry("fenghuo.json.list", "[{\"a\":1},2]");
    }

    @Test
    void winlogbeatFieldsKeepTheirNamesForTheWindowsSigmaPipeline() {
        Map<String, Object> e = PayloadHarness.decode("<14>1 2026-11-24T09:10:00Z ws01 winlogbeat - - - "
                + "{\"event\":{\"code\":\"1\",\"provider\":\"Microsoft-Windows-Sysmon\"},"
                + "\"winlog\":{\"channel\":\"Microsoft-Windows-Sysmon/Operational\","
                + "\"event_data\":{\"OriginalFileName\":\"psexec.c\"}}}");
        assertThat(e).containsEntry("winlog.channel", "Microsoft-Windows-Sysmon/Operational")
                .containsEntry("winlog.event_data.OriginalFileName", "psexec.c")
                .doesNotContainKey("fenghuo.json.winlog.channel");
    }

    @Test
    void deepNestingIsMalformedNotACrash() {
        String deep = "{\"a\":".repeat(100_000) + "1" + "}".repeat(100_000);
        PayloadResult r = new JsonPayloadParser().parse(new PayloadInput(null, null, deep));
        assertThat(r).isInstanceOf(PayloadResult.Malformed.class);
        assertThat(((PayloadResult.Malformed) r).reason()).contains("deeper than " + JsonPayloadParser.MAX_DEPTH);
    }

    @Test
    void brokenJsonIsMalformedAndManyFieldsAreBounded() {
        assertThat(new JsonPayloadParser().parse(new PayloadInput(null, null, "{\"a\":1,")))
                .isInstanceOf(PayloadResult.Malformed.class);
        StringBuilder many = new StringBuilder("{");
        for (int i = 0; i < 2000; i++) {
            many.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":").append(i);
        }
        PayloadResult r = new JsonPayloadParser().parse(new PayloadInput(null, null, many.append('}').toString()));
        EcsFields f = ((PayloadResult.Parsed) r).fields();
        assertThat(f.get("fenghuo.json.fields_dropped")).isEqualTo(2000L - JsonPayloadParser.MAX_FIELDS);
    }

    @Test
    void clashingNamesStillYieldTheEvent() {
        PayloadHarness h = new PayloadHarness();
        h.feed("<14>1 2026-11-24T09:10:00Z gw01 app - - - {\"x\":1,\"x\":{\"y\":2},\"event\":{\"module\":\"fake\"}}");
        assertThat(h.events).hasSize(1);
        Map<String, Object> e = PayloadHarness.flat(h.events.get(0));
        assertThat(e).containsEntry("event.module", "syslog").containsEntry("fenghuo.json.event.module", "fake")
                .containsEntry("fenghuo.json.x", 1).containsEntry("fenghuo.json.x_y", 2);
        assertThat(e.keySet()).anyMatch(k -> k.startsWith("fenghuo.json.") && k.contains("x"));
    }

    @Test
    void scalarsWhereTheEventModelsObjectsStillYieldTheEvent() {
        PayloadHarness h = new PayloadHarness();
        h.feed("<14>1 2026-11-24T09:10:00Z gw01 app - - - {\"source\":\"abc\",\"event\":\"x\",\"log\":{\"syslog\":1},"
                + "\"http\":[1,2],\"a\":{\"b.c\":1}}");
        assertThat(h.events).hasSize(1);
        Map<String, Object> e = PayloadHarness.flat(h.events.get(0));
        assertThat(e).containsEntry("event.dataset", "syslog.json").containsEntry("fenghuo.json.source", "abc")
                .containsEntry("fenghuo.json.event", "x");
        assertThat(h.counter("payload_invalid_values", "json")).isPositive();
    }
}
