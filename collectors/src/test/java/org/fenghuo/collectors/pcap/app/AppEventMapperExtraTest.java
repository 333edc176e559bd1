package org.fenghuo.collectors.pcap.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.fenghuo.events.EcsJsonCodec;
import org.fenghuo.events.SecurityEvent;
import org.junit.jupiter.api.Test;

/**
 * {@link AppEventMapper#canonical} builds the analyzers' extra fields in canonical form; the event
 * must come out exactly as when the builder copies the dotted map itself, for the shapes analyzers
 * use, for sets and nulls in lists, and for map values, which it leaves to the builder.
 */
class AppEventMapperExtraTest {
    private static String viaBuilder(Map<String, Object> dotted) {
        return EcsJsonCodec.toJson(SecurityEvent.builder().message("m").extra(dotted).build());
    }

    private static String viaCanonical(Map<String, Object> dotted) {
        return EcsJsonCodec.toJson(SecurityEvent.builder().message("m").extra(AppEventMapper.canonical(dotted)).build());
    }

    @Test
    void analyzerShapesComeOutAsTheBuilderWouldWriteThem() {
        Map<String, Object> modbus = new LinkedHashMap<>();
        modbus.put("fenghuo.ics.modbus.transaction_id", 7);
        modbus.put("fenghuo.ics.modbus.registers", List.of(1, 2, 3));
        modbus.put("fenghuo.ics.modbus.exception_code", 11L);
        modbus.put("fenghuo.ics.dnp3.objects", List.of("g1v2", "g30v1"));
        modbus.put("fenghuo.ics.dnp3.confirm", true);
        modbus.put("fenghuo.tls.ja4", "t13d1516h2_8daaf6152771_e5627efa2ab1");
        modbus.put("fenghuo.empty", List.of());
        modbus.put("top", 1.5);
        assertThat(viaCanonical(modbus)).isEqualTo(viaBuilder(modbus));
        assertThat(AppEventMapper.canonical(modbus)).isNotSameAs(modbus);
    }

    @Test
    void setsAndNullsInListsComeOutAsTheBuilderWouldWriteThem() {
        Map<String, Object> odd = new LinkedHashMap<>();
        odd.put("x.set", new TreeSet<>(List.of("b", "a")));
        odd.put("x.list", Arrays.asList("a", null));
        assertThat(AppEventMapper.canonical(odd)).isNotSameAs(odd);
        assertThat(viaCanonical(odd)).isEqualTo(viaBuilder(odd));
    }

    @Test
    void aMapValueKeepsTheBuildersMerging() {
        Map<String, Object> odd = new LinkedHashMap<>();
        odd.put("x.obj", Map.of("a", 1));
        odd.put("x.obj.b", 2);
        assertThat(AppEventMapper.canonical(odd)).isSameAs(odd);
        assertThat(viaCanonical(odd)).isEqualTo(viaBuilder(odd)).contains("\"obj\":{\"a\":1,\"b\":2}");
        Map<String, Object> emptyInside = new LinkedHashMap<>();
        emptyInside.put("x.obj", new LinkedHashMap<>(Map.of("k", List.of())));
        assertThat(viaCanonical(emptyInside)).isEqualTo(viaBuilder(emptyInside)).doesNotContain("obj");
    }
}
