package org.fenghuo.crypto.pii.sample;

import java.util.Random;
import org.fenghuo.crypto.pii.detect.BankCardDetector;
import org.fenghuo.crypto.pii.detect.ResidentIdDetector;

/** Valid-looking personal values drawn from a seeded generator (check digits computed, never real data). */
public final class PersonalValues {

    private static final String[] REGIONS = {"110105", "310104", "440305", "510107", "330106", "320102", "420106",
        "610113", "620102", "650102", "230103", "370202"};
    private static final String[] CARD_BINS = {"622202", "621700", "622848", "625965", "436742", "524047"};
    private static final String[] MAIL_DOMAINS = {"qq.com", "163.com", "example.cn", "city.gov.cn", "mail.example.com"};
    private static final String PROVINCES = "京沪粤浙苏川鄂陕";
    private static final String SERIAL_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String[] SYLLABLES = {"zhang", "wang", "li", "zhao", "chen", "liu", "yang", "huang", "wei",
        "fang", "na", "min", "jing", "lei", "qiang"};
    private static final String[] SURNAMES = {"张", "王", "李", "赵", "陈", "刘", "杨", "黄"};
    private static final String[] GIVEN = {"伟", "芳", "娜", "敏", "静", "磊", "强", "洋", "婷", "军"};

    private final Random random;

    public PersonalValues(Random random) {
        this.random = random;
    }

    /** An 18-character resident ID; {@code wantX} forces a check character of X. */
    public String idNumber(boolean wantX) {
        while (true) {
            int year = 1950 + random.nextInt(56);
            int month = 1 + random.nextInt(12);
            int day = 1 + random.nextInt(28);
            String body = REGIONS[random.nextInt(REGIONS.length)] + year + two(month) + two(day)
                    + String.format("%03d", random.nextInt(1000));
            char check = ResidentIdDetector.checkCharacter(body);
            if (!wantX || check == 'X') {
                return body + check;
            }
        }
    }

    public String phone() {
        StringBuilder b = new StringBuilder("1").append((char) ('3' + random.nextInt(7)));
        for (int i = 0; i < 9; i++) {
            b.append((char) ('0' + random.nextInt(10)));
        }
        return b.toString();
    }

    /** A Luhn-valid card number of 16 or 19 digits. */
    public String bankCard() {
        StringBuilder b = new StringBuilder(CARD_BINS[random.nextInt(CARD_BINS.length)]);
        int length = random.nextBoolean() ? 16 : 19;
        while (b.length() < length - 1) {
            b.append((char) ('0' + random.nextInt(10)));
        }
        return b.append(BankCardDetector.luhnCheckDigit(b)).toString();
    }

    public String email(String login) {
        return login + "@" + MAIL_DOMAINS[random.nextInt(MAIL_DOMAINS.length)];
    }

    public String login() {
        return SYLLABLES[random.nextInt(SYLLABLES.length)] + SYLLABLES[random.nextInt(SYLLABLES.length)]
                + (random.nextInt(90) + 10);
    }

    public String chineseName() {
        return SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)]
                + (random.nextBoolean() ? GIVEN[random.nextInt(GIVEN.length)] : "");
    }

    /** An ordinary plate ({@code 京A12345}) or a new-energy one ({@code 沪AD12345}). */
    public String plate() {
        StringBuilder b = new StringBuilder().append(PROVINCES.charAt(random.nextInt(PROVINCES.length())))
                .append((char) ('A' + random.nextInt(8)));
        if (random.nextInt(3) == 0) {
            b.append(random.nextBoolean() ? 'D' : 'F');
            digits(b, 5);
        } else {
            b.append(SERIAL_LETTERS.charAt(random.nextInt(SERIAL_LETTERS.length())));
            digits(b, 4);
        }
        return b.toString();
    }

    private void digits(StringBuilder b, int n) {
        for (int i = 0; i < n; i++) {
            b.append((char) ('0' + random.nextInt(10)));
        }
    }

    private static String two(int v) {
        return v < 10 ? "0" + v : Integer.toString(v);
    }
}
