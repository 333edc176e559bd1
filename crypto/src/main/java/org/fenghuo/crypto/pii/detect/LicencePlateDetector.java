package org.fenghuo.crypto.pii.detect;

import java.util.List;
import org.fenghuo.crypto.pii.PiiKind;

/**
 * Mainland motor-vehicle licence plates: a province abbreviation (京 津 沪 渝 冀 豫 云 辽 黑 湘 皖 鲁
 * 新 苏 浙 赣 鄂 桂 甘 晋 蒙 陕 吉 闽 贵 粤 青 藏 川 宁 琼), the issuing office's capital letter,
 * optionally one separator ({@code ·}, {@code •}, {@code ・}, space or hyphen), then either 5
 * characters (ordinary plates, at least 3 of them digits: {@code 京A12345}), 6 (new-energy plates,
 * at least 4 digits: {@code 沪AD12345}, {@code 粤B12345F}) or 4 followed by one of 学 警 港 澳 挂 领
 * 使 试 超 ({@code 粤Z1234港}). The serial uses capital letters except I and O, and digits; no
 * ASCII letter or digit may follow. Plates of the armed forces and embassies are not detected.
 */
public final class LicencePlateDetector implements PiiDetector {

    private static final String PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼";
    private static final String SUFFIXES = "学警港澳挂领使试超";
    private static final char MIN_PROVINCE;
    private static final char MAX_PROVINCE;

    static {
        char min = Character.MAX_VALUE;
        char max = 0;
        for (char c : PROVINCES.toCharArray()) {
            min = (char) Math.min(min, c);
            max = (char) Math.max(max, c);
        }
        MIN_PROVINCE = min;
        MAX_PROVINCE = max;
    }

    @Override
    public PiiKind kind() {
        return PiiKind.PLATE;
    }

    @Override
    public void scan(CharSequence text, List<PiiSpan> out) {
        int n = text.length();
        for (int i = 0; i + 7 <= n; i++) {
            char c = text.charAt(i);
            if (c < MIN_PROVINCE || c > MAX_PROVINCE || PROVINCES.indexOf(c) < 0) {
                continue;
            }
            int end = plateEnd(text, i);
            if (end > 0) {
                out.add(new PiiSpan(i, end, PiiKind.PLATE));
                i = end - 1;
            }
        }
    }

    static boolean isProvince(char c) {
        return c >= MIN_PROVINCE && c <= MAX_PROVINCE && PROVINCES.indexOf(c) >= 0;
    }

    static boolean isSeparator(char c) {
        return c == '·' || c == '•' || c == '・' || c == ' ' || c == '-';
    }

    private static int plateEnd(CharSequence text, int at) {
        int n = text.length();
        char office = text.charAt(at + 1);
        if (office < 'A' || office > 'Z') {
            return -1;
        }
        int serial = at + 2;
        if (isSeparator(text.charAt(serial))) {
            serial++;
        }
        int i = serial;
        int digits = 0;
        while (i < n && Chars.isAsciiAlnum(text.charAt(i))) {
            char c = text.charAt(i);
            if (Chars.isDigit(c)) {
                digits++;
            } else if (c < 'A' || c > 'Z' || c == 'I' || c == 'O') {
                return -1;
            }
            if (++i - serial > 6) {
                return -1;
            }
        }
        int len = i - serial;
        if (len == 5 && digits >= 3 || len == 6 && digits >= 4) {
            return i;
        }
        if (len == 4 && i < n && SUFFIXES.indexOf(text.charAt(i)) >= 0 && Chars.boundaryAt(text, i + 1)) {
            return i + 1;
        }
        return -1;
    }
}
