package org.fenghuo.crypto.pii.detect;

import static org.assertj.core.api.Assertions.assertThat;

import org.fenghuo.crypto.pii.PiiKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EmailDetectorTest {

    private final EmailDetector detector = new EmailDetector();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "mailto:li.na@example.cn|li.na@example.cn",
        "邮箱zhang_san+tag@mail.city.gov.cn。|zhang_san+tag@mail.city.gov.cn",
        "<wang-fang@163.com>|wang-fang@163.com",
        "email=a1@qq.com&x=1|a1@qq.com",
        "end with dot x@example.com.|x@example.com"
    })
    void findsAddresses(String text, String expected) {
        assertThat(Spans.texts(detector, text)).containsExactly(expected);
    }

    @Test
    void spansAreExact() {
        assertThat(detector.find("to: a@b.cn, c@d.com")).containsExactly(
                new PiiSpan(4, 10, PiiKind.EMAIL), new PiiSpan(12, 19, PiiKind.EMAIL));
    }

    @ParameterizedTest
    @ValueSource(strings = {"@example.com", "user@localhost", "user@example.c", "user@-example.com",
        "user@example.123", "z***@example.com", "a%40example.com", "two@@example.com"})
    void rejectsNonAddresses(String text) {
        assertThat(detector.find(text)).isEmpty();
    }
}
