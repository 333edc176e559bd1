package org.fenghuo.crypto.pii.detect;

import static org.assertj.core.api.Assertions.assertThat;

import org.fenghuo.crypto.pii.PiiKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MobileNumberDetectorTest {

    private final MobileNumberDetector detector = new MobileNumberDetector();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "call 13800138000 now|13800138000",
        "手机13800138000。|13800138000",
        "tel:+8613800138000;|+8613800138000",
        "tel +86 138 0013 8000|+86 138 0013 8000",
        "+86-138-0013-8000|+86-138-0013-8000",
        "(+86)19912345678|(+86)19912345678",
        "008613800138000|008613800138000",
        "0086 13800138000|0086 13800138000",
        "8613800138000|8613800138000",
        "138-0013-8000|138-0013-8000",
        "mobile=%2B8615912345678&p=1|%2B8615912345678"
    })
    void findsNumbersWithTheirPrefix(String text, String expected) {
        assertThat(Spans.texts(detector, text)).containsExactly(expected);
    }

    @Test
    void spansAreExact() {
        assertThat(detector.find("a 13800138000 b 15912345678")).containsExactly(
                new PiiSpan(2, 13, PiiKind.PHONE), new PiiSpan(16, 27, PiiKind.PHONE));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "12800138000",          // second digit 2
        "10800138000",
        "138001380001",         // 12-digit run
        "913800138000",         // a digit before
        "x13800138000",         // a letter before
        "13800138000y",         // a letter after
        "1380013800",           // 10 digits
        "138 0013-8000",        // mixed separators
        "138  0013 8000",       // two spaces
        "7713800138000"         // a digit run that is not a country code
    })
    void rejectsNonNumbers(String text) {
        assertThat(detector.find(text)).isEmpty();
    }
}
