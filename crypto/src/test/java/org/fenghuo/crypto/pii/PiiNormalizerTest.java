package org.fenghuo.crypto.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PiiNormalizerTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "Zhang San|zhang san",
        "张三|张三",
        "\"  Zhang   San \"|zhang san",
        "\"ZHANG\tSAN\"|zhang san",
        "\"a \tb\"|a b",
        "\" x\"|x",
        "\"x \"|x",
        "\"A\u3000B\"|a b",
        "\"A\u00A0B\"|a\u00A0b",
        "\"a b c\"|a b c"
    })
    void textIsTrimmedCollapsedAndLowerCased(String value, String normal) {
        assertThat(PiiNormalizer.normalize(PiiKind.TEXT, value)).isEqualTo(normal);
    }

    /** The fast path (nothing to strip or collapse) and the slow one agree with a plain definition. */
    @Test
    void textAgreesWithStripCollapseLowerOnRandomStrings() {
        char[] alphabet = {'a', 'B', '张', ' ', '\t', '\n', '\u3000', '\u00A0', 'İ'};
        Pattern whitespace = Pattern.compile("[ \\t\\n\\u3000]+");
        Random random = new Random(20261124L);
        int checked = 0;
        for (int i = 0; i < 20_000; i++) {
            char[] s = new char[1 + random.nextInt(8)];
            for (int j = 0; j < s.length; j++) {
                s[j] = alphabet[random.nextInt(alphabet.length)];
            }
            String value = new String(s);
            String expected = whitespace.matcher(value.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
            if (expected.isEmpty()) {
                continue; // all whitespace: normalize falls back to the same text form, checked below
            }
            assertThat(PiiNormalizer.normalize(PiiKind.TEXT, value)).as("%s", value.replace("\n", "\\n")).isEqualTo(expected);
            checked++;
        }
        assertThat(checked).isGreaterThan(15_000);
        assertThat(PiiNormalizer.normalize(PiiKind.TEXT, " \t ")).isEmpty();
    }
}
