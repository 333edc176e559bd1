package org.fenghuo.crypto.pii.detect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BankCardDetectorTest {

    private final BankCardDetector detector = new BankCardDetector();

    @Test
    void luhnCheckDigit() {
        assertThat(BankCardDetector.luhnCheckDigit("411111111111111")).isEqualTo('1');
        assertThat(BankCardDetector.luhnCheckDigit("37828224631000")).isEqualTo('5');
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "card 6222021234567890128 ok|6222021234567890128",
        "卡号6222021234567894，|6222021234567894",
        "6222 0212 3456 7894|6222 0212 3456 7894",
        "6222-0212-3456-7890-128|6222-0212-3456-7890-128",
        "visa 4111111111111111|4111111111111111",
        "amex 3782-822463-10005|3782-822463-10005",
        "order 2024 6222 0212 3456 7894 paid|6222 0212 3456 7894"
    })
    void findsValidCards(String text, String expected) {
        assertThat(Spans.texts(detector, text)).containsExactly(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "6222021234567890",         // Luhn fails
        "6222 0212 3456 7890",      // Luhn fails, grouped
        "9558021234567891",         // prefix 95 not accepted (and Luhn)
        "1111111111111117",         // no known prefix
        "41111111111111111111",     // 20 digits
        "411111111111",             // 12 digits
        "x4111111111111111",        // touched by a letter
        "4111111111111111z",
        "4111 1111-1111 1111",      // mixed separators
        "2026-11-23 10:00:00"
    })
    void rejectsNonCards(String text) {
        assertThat(detector.find(text)).isEmpty();
    }
}
