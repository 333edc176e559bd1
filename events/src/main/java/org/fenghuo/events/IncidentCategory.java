package org.fenghuo.events;

/**
 * The ten top-level categories of cybersecurity incidents (网络安全事件) in GB/T 20986-2023,
 * clause 5 (the 2007 edition had seven). Subcategories (45 in the standard) are not modelled.
 *
 * <p>{@link #code()} is the category's position in the standard's list, two digits. It is our
 * stable key for storage and exchange; check it against Annex B (分类代码) of the published
 * text before exchanging codes with other systems: it was not available to verify here.
 */
public enum IncidentCategory {
    /** 恶意程序事件: viruses, worms, trojans, botnets, ransomware, mining malware ... */
    MALICIOUS_PROGRAM("01", "恶意程序事件", "Malicious program incident"),
    /** 网络攻击事件: denial of service, backdoor and vulnerability attacks, scanning, phishing, APT ... */
    NETWORK_ATTACK("02", "网络攻击事件", "Network attack incident"),
    /** 数据安全事件: tampering, forgery, leakage, theft or loss of data ... */
    DATA_SECURITY("03", "数据安全事件", "Data security incident"),
    /** 信息内容安全事件: spreading content that endangers national security, social order ... */
    INFORMATION_CONTENT_SECURITY("04", "信息内容安全事件", "Information content security incident"),
    /** 设备设施故障事件: software/hardware faults, failure of supporting facilities, sabotage. */
    EQUIPMENT_FACILITY_FAILURE("05", "设备设施故障事件", "Equipment and facility failure incident"),
    /** 违规操作事件: operations breaking rules or procedures, misuse of privileges. */
    VIOLATION_OF_RULES("06", "违规操作事件", "Rule violation incident"),
    /** 安全隐患事件: vulnerabilities and weaknesses found before they are exploited. */
    SECURITY_HAZARD("07", "安全隐患事件", "Security hazard incident"),
    /** 异常行为事件: abnormal access or behaviour not (yet) attributable to a known attack. */
    ABNORMAL_BEHAVIOUR("08", "异常行为事件", "Abnormal behaviour incident"),
    /** 不可抗力事件: natural disasters and other force majeure. */
    FORCE_MAJEURE("09", "不可抗力事件", "Force majeure incident"),
    /** 其他事件: none of the above. */
    OTHER("10", "其他事件", "Other incident");

    private final String code;
    private final String chineseName;
    private final String englishName;

    IncidentCategory(String code, String chineseName, String englishName) {
        this.code = code;
        this.chineseName = chineseName;
        this.englishName = englishName;
    }

    /** Two-digit position in the standard's list, 01-10 (see the class comment). */
    public String code() {
        return code;
    }

    /** e.g. 网络攻击事件. */
    public String chineseName() {
        return chineseName;
    }

    /** e.g. Network attack incident. */
    public String englishName() {
        return englishName;
    }

    /** @throws IllegalArgumentException for an unknown code */
    public static IncidentCategory fromCode(String code) {
        String t = code == null ? "" : code.trim();
        if (t.length() == 1) {
            t = "0" + t;
        }
        for (IncidentCategory c : values()) {
            if (c.code.equals(t)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown GB/T 20986 category code \"" + code + "\": expected 01-10");
    }

    /**
     * From the code, the constant name (any case), or the Chinese name with or without the
     * trailing 事件 (设备设施故障 matches 设备设施故障事件).
     *
     * @throws IllegalArgumentException for anything else
     */
    public static IncidentCategory parse(String text) {
        String t = text == null ? "" : text.trim();
        for (IncidentCategory c : values()) {
            if (t.equalsIgnoreCase(c.name()) || t.equals(c.chineseName)
                    || t.equals(c.chineseName.substring(0, c.chineseName.length() - 2)) || t.equals(c.code)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown GB/T 20986 incident category \"" + text + "\"");
    }
}
