package org.fenghuo.events;

import java.util.Locale;

/**
 * Early-warning colour (预警级别) and the incident level it stands for. The colours come from
 * the national cybersecurity incident emergency plan (国家网络安全事件应急预案); each matches one
 * of the four incident levels of GB/T 20986-2023 (clause 6): level I 特别重大 ... level IV 一般.
 */
public enum WarningLevel {
    /** 红色预警: GB/T 20986 level I, 特别重大事件 (extraordinarily serious). */
    RED(1, "红色预警", "Red warning", "特别重大事件", "Extraordinarily serious incident"),
    /** 橙色预警: level II, 重大事件 (serious). */
    ORANGE(2, "橙色预警", "Orange warning", "重大事件", "Serious incident"),
    /** 黄色预警: level III, 较大事件 (relatively serious). */
    YELLOW(3, "黄色预警", "Yellow warning", "较大事件", "Relatively serious incident"),
    /** 蓝色预警: level IV, 一般事件 (general). */
    BLUE(4, "蓝色预警", "Blue warning", "一般事件", "General incident");

    private static final String[] ROMAN = {"I", "II", "III", "IV"};
    /** The Unicode Roman numerals Chinese documents often use (Ⅰ Ⅱ Ⅲ Ⅳ). */
    private static final String[] ROMAN_UNICODE = {"\u2160", "\u2161", "\u2162", "\u2163"};
    private static final String[] CHINESE_NUMERAL = {"一", "二", "三", "四"};

    private final int levelNumber;
    private final String chineseName;
    private final String englishName;
    private final String incidentLevelChinese;
    private final String incidentLevelEnglish;

    WarningLevel(int levelNumber, String chineseName, String englishName, String incidentLevelChinese,
                 String incidentLevelEnglish) {
        this.levelNumber = levelNumber;
        this.chineseName = chineseName;
        this.englishName = englishName;
        this.incidentLevelChinese = incidentLevelChinese;
        this.incidentLevelEnglish = incidentLevelEnglish;
    }

    /** 1 (most severe) to 4. */
    public int levelNumber() {
        return levelNumber;
    }

    /** The GB/T 20986 level in ASCII Roman numerals: I, II, III, IV. */
    public String gbLevel() {
        return ROMAN[levelNumber - 1];
    }

    /** e.g. 红色预警. */
    public String chineseName() {
        return chineseName;
    }

    /** e.g. Red warning. */
    public String englishName() {
        return englishName;
    }

    /** e.g. 特别重大事件. */
    public String incidentLevelChinese() {
        return incidentLevelChinese;
    }

    /** e.g. Extraordinarily serious incident. */
    public String incidentLevelEnglish() {
        return incidentLevelEnglish;
    }

    /** Lower-case colour as stored in JSON: red, orange, yellow, blue. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The more urgent of the two (RED over BLUE); null counts as nothing. */
    public WarningLevel max(WarningLevel other) {
        return other == null || levelNumber <= other.levelNumber ? this : other;
    }

    /** @throws IllegalArgumentException unless 1-4 */
    public static WarningLevel fromLevelNumber(int level) {
        if (level < 1 || level > 4) {
            throw new IllegalArgumentException("GB/T 20986 level must be 1-4 (I-IV), got " + level);
        }
        return values()[level - 1];
    }

    /**
     * From a GB/T 20986 level as written in practice: {@code I}..{@code IV} (any case), the
     * Unicode numerals {@code Ⅰ}..{@code Ⅳ}, {@code 1}..{@code 4}, {@code 一}..{@code 四}, each
     * optionally followed by {@code 级}; or the level's Chinese name (特别重大, 特别重大事件 ...).
     *
     * @throws IllegalArgumentException for anything else
     */
    public static WarningLevel fromGbLevel(String level) {
        String t = level == null ? "" : level.trim();
        if (t.endsWith("级")) {
            t = t.substring(0, t.length() - 1).trim();
        }
        for (WarningLevel w : values()) {
            int i = w.levelNumber - 1;
            if (t.equalsIgnoreCase(ROMAN[i]) || t.equals(ROMAN_UNICODE[i]) || t.equals(String.valueOf(w.levelNumber))
                    || t.equals(CHINESE_NUMERAL[i]) || t.equals(w.incidentLevelChinese)
                    || t.equals(w.incidentLevelChinese.substring(0, w.incidentLevelChinese.length() - 2))) {
                return w;
            }
        }
        throw new IllegalArgumentException("unknown GB/T 20986 level \"" + level + "\": expected I, II, III or IV");
    }

    /**
     * From the colour: {@code red}/{@code RED}, {@code 红色}, {@code 红色预警} (and the others alike).
     *
     * @throws IllegalArgumentException for anything else
     */
    public static WarningLevel parse(String colour) {
        String t = colour == null ? "" : colour.trim();
        for (WarningLevel w : values()) {
            if (t.equalsIgnoreCase(w.name()) || t.equals(w.chineseName) || t.equals(w.chineseName.substring(0, 2))) {
                return w;
            }
        }
        throw new IllegalArgumentException("unknown warning level \"" + colour
                + "\": expected red, orange, yellow or blue (红色, 橙色, 黄色, 蓝色)");
    }
}
