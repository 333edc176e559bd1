package org.fenghuo.collectors.pcap.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link AppEvent#extra} behaves as the insertion-ordered immutable copy it always was, whatever the sharing. */
class AppEventExtraTest {
    private static AppEvent event() {
        return AppEvent.of(1L, "modbus", "modbus-read");
    }

    private static List<String> keys(AppEvent e) {
        return new ArrayList<>(e.extra().keySet());
    }

    @Test
    void withFieldKeepsOrderAndSkipsNull() {
        AppEvent e = event().withField("x.a", 1).withField("x.b", null).withField("x.c", "c");
        assertThat(keys(e)).containsExactly("x.a", "x.c");
        assertThat(e.extra()).containsEntry("x.a", 1).containsEntry("x.c", "c").hasSize(2);
        assertThat(e.extra().get("x.b")).isNull();
        assertThat(e.extra().containsKey("x.b")).isFalse();
    }

    @Test
    void branchesDoNotSeeEachOther() {
        AppEvent base = event().withField("a", 1);
        AppEvent left = base.withField("b", 2);
        AppEvent right = base.withField("c", 3);
        AppEvent leftMore = left.withField("d", 4);
        AppEvent rightMore = right.withField("e", 5);
        assertThat(keys(base)).containsExactly("a");
        assertThat(keys(left)).containsExactly("a", "b");
        assertThat(keys(right)).containsExactly("a", "c");
        assertThat(keys(leftMore)).containsExactly("a", "b", "d");
        assertThat(keys(rightMore)).containsExactly("a", "c", "e");
        assertThat(right.extra().get("b")).isNull();
        assertThat(left.extra().get("c")).isNull();
    }

    @Test
    void repeatedNameReplacesInPlaceLikePut() {
        AppEvent first = event().withField("a", 1).withField("b", 2);
        AppEvent again = first.withField("a", 9).withField("c", 3);
        assertThat(keys(again)).containsExactly("a", "b", "c");
        assertThat(again.extra().get("a")).isEqualTo(9);
        assertThat(first.extra().get("a")).isEqualTo(1);
        assertThat(keys(first)).containsExactly("a", "b");
    }

    @Test
    void manyFieldsAndEqualityWithAPlainMap() {
        AppEvent e = event();
        Map<String, Object> expected = new LinkedHashMap<>();
        for (int i = 0; i < 50; i++) {
            e = e.withField("f" + i, i);
            expected.put("f" + i, i);
        }
        assertThat(e.extra()).isEqualTo(expected);
        assertThat(expected).isEqualTo(e.extra());
        assertThat(e.extra().hashCode()).isEqualTo(expected.hashCode());
        assertThat(e.extra().toString()).isEqualTo(expected.toString());
        assertThat(keys(e)).isEqualTo(new ArrayList<>(expected.keySet()));
        AppEvent same = new AppEvent(1L, "modbus", "modbus-read", e.category(), e.type(), null, null, null, null,
                null, null, null, expected);
        assertThat(same).isEqualTo(e);
    }

    @Test
    void immutableAndDetachedFromTheCallersMap() {
        Map<String, Object> given = new LinkedHashMap<>();
        given.put("a", 1);
        AppEvent e = new AppEvent(1L, "dns", "dns-query", null, null, null, null, null, null, null, null, null, given);
        given.put("b", 2);
        assertThat(keys(e)).containsExactly("a");
        assertThatThrownBy(() -> e.extra().put("c", 3)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> e.extra().remove("a")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> e.extra().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> e.extra().entrySet().iterator().remove())
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(e.withField("b", 2).extra()).containsExactly(Map.entry("a", 1), Map.entry("b", 2));
        assertThat(event().extra()).isEmpty();
    }
}
