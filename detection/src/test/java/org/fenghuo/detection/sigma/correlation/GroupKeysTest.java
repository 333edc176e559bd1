package org.fenghuo.detection.sigma.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class GroupKeysTest {

    private static String key(String... values) {
        StringBuilder k = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                k.append(GroupKeys.SEPARATOR);
            }
            GroupKeys.append(k, values[i]);
        }
        return k.toString();
    }

    @Test
    void valuesSplitBackAsTheyWereWhateverTheyHold() {
        List<List<String>> cases = List.of(List.of("10.0.0.1"), List.of("10.0.0.1", "alice"), List.of("", ""),
                List.of("a\u001fb", "h"), List.of("a", "b\u001fh"), List.of("DOMAIN\\user", "x\\"),
                List.of("\\s", "\u001f\\\u001f"), List.of("ends with \\"));
        for (List<String> values : cases) {
            assertThat(GroupKeys.split(key(values.toArray(String[]::new)))).as("%s", values).isEqualTo(values);
        }
    }

    @Test
    void distinctGroupsGetDistinctKeysAndPlainValuesAreWrittenAsIs() {
        assertThat(key("a\u001fb", "h")).isNotEqualTo(key("a", "b\u001fh"));
        assertThat(key("a\\", "b")).isNotEqualTo(key("a", "\\b"));
        assertThat(key("10.0.0.1", "alice")).isEqualTo("10.0.0.1\u001falice");
    }
}
