package org.fenghuo.crypto.pii.detect;

import static org.assertj.core.api.Assertions.assertThat;

import org.fenghuo.crypto.pii.PiiKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LicencePlateDetectorTest {

    private final LicencePlateDetector detector = new LicencePlateDetector();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "车辆京A12345通过|京A12345",
        "plate 粤BD12345 seen|粤BD12345",
        "粤B D12345|粤B D12345",
        "沪AD12345|沪AD12345",
        "浙A12345F|浙A12345F",
        "京A·12345|京A·12345",
        "苏E 8K123|苏E 8K123",
        "粤Z1234港|粤Z1234港"
    })
    void findsPlates(String text, String expected) {
        assertThat(Spans.texts(detector, text)).containsExactly(expected);
    }

    @Test
    void spanIsExact() {
        assertThat(detector.find("车牌京A12345")).containsExactly(new PiiSpan(2, 9, PiiKind.PLATE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"京a12345", "京A1234", "京A1234567", "京AI2345", "京A12345x", "京ABCDEF", "京A***45",
        "东A12345", "京A12-345"})
    void rejectsNonPlates(String text) {
        assertThat(detector.find(text)).isEmpty();
    }
}
