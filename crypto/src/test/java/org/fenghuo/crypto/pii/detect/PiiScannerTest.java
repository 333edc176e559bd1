package org.fenghuo.crypto.pii.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import org.fenghuo.crypto.pii.PiiKind;
import org.junit.jupiter.api.Test;

class PiiScannerTest {

    @Test
    void findsEveryKindInTextOrder() {
        String text = "车辆粤BD12345，车主手机+86 138-0013-8000，身份证号11010519491231002X，卡6222021234567894，邮箱li.na@example.cn";
        List<PiiSpan> spans = PiiScanner.allKinds().scan(text);
        assertThat(spans).extracting(PiiSpan::kind).containsExactly(PiiKind.PLATE, PiiKind.PHONE, PiiKind.ID_NUMBER,
                PiiKind.BANK_CARD, PiiKind.EMAIL);
        assertThat(spans).extracting(s -> text.substring(s.start(), s.end())).containsExactly("粤BD12345",
                "+86 138-0013-8000", "11010519491231002X", "6222021234567894", "li.na@example.cn");
    }

    @Test
    void anIdThatAlsoPassesLuhnIsAnId() {
        // 620102198506151202: a valid ID (Gansu, 1985-06-15) that starts like a UnionPay card
        String id = "620102198506151202";
        assertThat(new ResidentIdDetector().find(id)).hasSize(1);
        assertThat(BankCardDetector.valid(id, 0, id.length()))
                .as("this ID is also Luhn valid, so both detectors fire").isTrue();
        assertThat(PiiScanner.allKinds().scan(id)).containsExactly(new PiiSpan(0, 18, PiiKind.ID_NUMBER));
    }

    @Test
    void onlyTheChosenKindsRun() {
        PiiScanner phones = new PiiScanner(EnumSet.of(PiiKind.PHONE));
        assertThat(phones.scan("13800138000 li.na@example.cn")).extracting(PiiSpan::kind).containsExactly(PiiKind.PHONE);
    }

    @Test
    void plainTextGivesTheSharedEmptyList() {
        assertThat(PiiScanner.allKinds().scan("GET /index.html 200 1234 bytes")).isSameAs(List.of());
    }

    @Test
    void longHostileRunsAreScannedWithoutFindings() {
        // each detector is one pass with bounded look-around, so these complete at once
        String[] inputs = {"1".repeat(200_000), "13".repeat(100_000), "@a".repeat(100_000), "a@".repeat(100_000),
            "京A".repeat(100_000), "1234 ".repeat(40_000), "86".repeat(100_000)};
        for (String input : inputs) {
            assertThat(PiiScanner.allKinds().scan(input)).as(input.substring(0, 8)).isEmpty();
        }
    }
}
