package org.fenghuo.crypto.pii.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.fenghuo.crypto.pii.PiiKind;
import org.fenghuo.crypto.pii.PiiMasks;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Review findings 3-5: encodings that hid numbers, quadratic overlap resolution, overlaps dropped. */
class PiiScannerEncodingsTest {

    private final PiiScanner scanner = PiiScanner.allKinds();

    /** The text with every span masked, as the protector's mask replacement does. */
    private String masked(String text) {
        return PiiMasks.maskSpans(text, scanner.scan(text));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "\\u673a13800138000; PHONE; 13800138000",
        "q=%E6%89%8B%E6%9C%BA13800138000; PHONE; 13800138000",
        "tel%3A13800138000; PHONE; 13800138000",
        "%2C110101199001011237; ID_NUMBER; 110101199001011237",
        "+86%2013800138000; PHONE; 13800138000",
        "\\n13800138000; PHONE; 13800138000",
        "\\t11010519491231002X; ID_NUMBER; 11010519491231002X",
        "１３８００１３８０００; PHONE; １３８００１３８０００",
        "京Ａ１２３４５; PLATE; 京Ａ１２３４５",
        "5%13800138000; PHONE; 13800138000"
    })
    void numbersBehindEscapesAndFullWidthFormsAreFound(String text, PiiKind kind, String plain) {
        List<PiiSpan> spans = scanner.scan(text);
        assertThat(spans).extracting(PiiSpan::kind).containsExactly(kind);
        assertThat(text.substring(spans.get(0).start(), spans.get(0).end())).endsWith(plain);
        assertThat(masked(text)).doesNotContain(plain).doesNotContain(ScanView.foldWidth(plain));
    }

    @Test
    void theViewKeepsIndicesAndLeavesPlainTextAlone() {
        assertThat(ScanView.of("GET /a?b=1")).isEqualTo("GET /a?b=1");
        assertThat(ScanView.of("%2B8613800138000").toString()).isEqualTo("%2B8613800138000");
        assertThat(ScanView.of("a%3Ab\\u00e9\\n１Ａｚ").toString())
                .isEqualTo("a\u0001\u0001\u0001b\u0001\u0001\u0001\u0001\u0001\u0001\u0001\u00011Az");
    }

    @Test
    void aPhoneNextToACardIsCoveredByTheUnion() {
        String text = "6222 0210 0000 0021 138 0013 8000";
        List<PiiSpan> spans = scanner.scan(text);
        assertThat(spans).hasSize(1);
        assertThat(spans.get(0).start()).isZero();
        assertThat(spans.get(0).end()).isEqualTo(text.length());
        assertThat(scanner.lastFindings()).extracting(PiiSpan::kind).contains(PiiKind.BANK_CARD, PiiKind.PHONE);
        assertThat(masked(text)).doesNotContain("0013").doesNotContain("0021");
    }

    @Test
    void aMegabyteOfAddressesIsOneSpanAboveTheCapAndEachFoundBelowIt() {
        String hostile = "a@b.cn ".repeat(150_000);
        assertThat(scanner.scan(hostile)).containsExactly(new PiiSpan(0, hostile.length(), PiiKind.TEXT));
        assertThat(scanner.lastFindings()).isEmpty();

        String many = "a@b.cn ".repeat(PiiScanner.MAX_FINDINGS);
        List<PiiSpan> spans = scanner.scan(many);
        assertThat(spans).hasSize(PiiScanner.MAX_FINDINGS).allMatch(s -> s.kind() == PiiKind.EMAIL && s.length() == 6);
    }
}
