package org.fenghuo.collectors.syslog.payload.cef;

import java.util.ArrayList;
import java.util.List;
import org.fenghuo.collectors.syslog.payload.EcsFields;
import org.fenghuo.collectors.syslog.payload.SignatureParser;
import org.fenghuo.collectors.syslog.payload.PayloadResult;

/**
 * ArcSight Common Event Format: {@code CEF:Version|Vendor|Product|DeviceVersion|SignatureID|Name|Severity|Extension},
 * header fields escaping {@code \|} and {@code \\}, the extension {@code key=value} pairs escaping
 * {@code \=}, {@code \\}, {@code \n} and {@code \r}, values running to the next {@code key=}. The
 * signature may follow a relay's header inside MSG. See {@link CefFields} for the ECS mapping.
 */
public final class CefParser extends SignatureParser {

    public static final String NAME = "cef";
    /** Extension pairs read per message; more are counted in {@code fenghuo.cef.pairs_dropped}. */
    public static final int MAX_PAIRS = 512;
    private static final String SIGNATURE = "CEF:";

    public CefParser() {
        super(NAME, SIGNATURE);
    }

    @Override
    protected PayloadResult parseFrom(String text) {
        List<String> header = new ArrayList<>(7);
        int i = SIGNATURE.length();
        StringBuilder field = new StringBuilder();
        int n = text.length();
        while (i < n && header.size() < 7) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < n && (text.charAt(i + 1) == '|' || text.charAt(i + 1) == '\\')) {
                field.append(text.charAt(i + 1));
                i += 2;
            } else if (c == '|') {
                header.add(field.toString());
                field.setLength(0);
                i++;
            } else {
                field.append(c);
                i++;
            }
        }
        if (header.size() < 7) {
            return new PayloadResult.Malformed("CEF header has " + (header.size() + 1)
                    + " of its 8 '|'-separated fields (version, vendor, product, version, signature id, name, severity, extension)");
        }
        String version = header.get(0).trim();
        if (!isVersion(version)) {
            return new PayloadResult.Malformed("CEF version '" + version + "' is not a number");
        }
        EcsFields fields = new EcsFields();
        CefFields.header(fields, header);
        int[] dropped = {0};
        Extension.scan(text, i, MAX_PAIRS, (k, v) -> CefFields.extension(fields, k, v), dropped);
        if (dropped[0] > 0) {
            fields.put("fenghuo.cef.pairs_dropped", (long) dropped[0]);
        }
        return new PayloadResult.Parsed(fields);
    }

    /** {@code 0}, {@code 1}, or a dotted form such as {@code 0.1}. */
    private static boolean isVersion(String v) {
        if (v.isEmpty() || v.length() > 8 || v.charAt(0) == '.' || v.charAt(v.length() - 1) == '.') {
            return false;
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if ((c < '0' || c > '9') && c != '.') {
                return false;
            }
        }
        return true;
    }
}
