package org.fenghuo.crypto.pii;

import static org.assertj.core.api.Assertions.assertThat;

import org.fenghuo.crypto.pii.detect.PiiScanner;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PiiMasksTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ID_NUMBER|110105194912311234|110105********1234",
        "ID_NUMBER|11010519491231002X|110105********002X",
        "ID_NUMBER|110105 19491231 002X|110105 ******** 002X",
        "PHONE|13800138000|138****8000",
        "PHONE|+86 138-0013-8000|+86 138-****-8000",
        "BANK_CARD|6222 0212 3456 1234|6222 **** **** 1234",
        "BANK_CARD|6222021234561234|6222********1234",
        "EMAIL|zhang.san@example.com|z***@example.com",
        "PLATE|京A12345|京A***45",
        "PLATE|沪AD12345|沪A****45",
        "TEXT|张三|张*",
        "TEXT|zhangsan|z*******",
        "PHONE|12345|1****"
    })
    void masksKeepTheDocumentedParts(PiiKind kind, String value, String masked) {
        assertThat(PiiMasks.mask(kind, value)).isEqualTo(masked);
        assertThat(PiiScanner.allKinds().scan(masked)).as("a mask is not found again").isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ID_NUMBER|110105 19491231 002x|11010519491231002X",
        "PHONE|+86 138-0013-8000|13800138000",
        "PHONE|008613800138000|13800138000",
        "PHONE|%2B8613800138000|13800138000",
        "BANK_CARD|6222-0212-3456-1234|6222021234561234",
        "EMAIL|' Li.Na@Example.CN '|li.na@example.cn",
        "PLATE|京a·12345|京A12345",
        "TEXT|'  Zhang   San '|zhang san",
        "PHONE|no digits|no digits"
    })
    void normalisationMakesOneFormPerValue(PiiKind kind, String value, String normal) {
        assertThat(PiiNormalizer.normalize(kind, value)).isEqualTo(normal);
    }
}
