package org.fenghuo.collectors.netflow;

/**
 * A (options) template as flat arrays, so decoding a record walks offsets and switches on an int,
 * with no per-field object. Immutable once built.
 */
final class Template {
    /** A field length meaning "variable" (IPFIX 65535). */
    static final int VARIABLE = -1;

    final int id;
    /** Options template (v9 set 1, IPFIX set 3): its records describe the exporter, not flows. */
    final boolean options;
    /** How many leading fields are scope fields (options templates), else 0. */
    final int scopeCount;
    final int[] ids;
    final long[] pens;
    final int[] lengths;
    final int[] targets;
    /** Sum of the fixed lengths plus one byte per variable-length field: the least a record takes. */
    final int minRecordLength;
    /** True when every field has a fixed length (records are then {@link #minRecordLength} bytes). */
    final boolean fixed;
    /** Names for {@code fenghuo.netflow.*}, computed once per template. */
    final String[] names;
    final IeType[] types;

    Template(int id, boolean options, int scopeCount, int[] ids, long[] pens, int[] lengths) {
        this.id = id;
        this.options = options;
        this.scopeCount = scopeCount;
        this.ids = ids;
        this.pens = pens;
        this.lengths = lengths;
        int n = ids.length;
        targets = new int[n];
        names = new String[n];
        types = new IeType[n];
        int min = 0;
        boolean allFixed = true;
        for (int i = 0; i < n; i++) {
            // scope fields of a v9 options template are scope types (1 system, 2 interface...), not elements
            boolean v9Scope = options && i < scopeCount && pens[i] < 0;
            targets[i] = v9Scope ? FieldTarget.OTHER : FieldTarget.of(pens[i], ids[i]);
            // also for mapped fields: one whose length does not fit its slot is kept by name instead
            names[i] = v9Scope ? v9ScopeName(ids[i]) : InformationElements.name(pens[i], ids[i]);
            types[i] = v9Scope ? IeType.UNSIGNED : InformationElements.type(pens[i], ids[i]);
            if (lengths[i] == VARIABLE) {
                allFixed = false;
                min += 1;
            } else {
                min += lengths[i];
            }
        }
        minRecordLength = min;
        fixed = allFixed;
    }

    int fieldCount() {
        return ids.length;
    }

    /** Same fields and lengths: a refresh, not a change. */
    boolean sameLayout(Template other) {
        return options == other.options && scopeCount == other.scopeCount
                && java.util.Arrays.equals(ids, other.ids) && java.util.Arrays.equals(pens, other.pens)
                && java.util.Arrays.equals(lengths, other.lengths);
    }

    private static String v9ScopeName(int scopeType) {
        return switch (scopeType) {
            case 1 -> "scope_system";
            case 2 -> "scope_interface";
            case 3 -> "scope_line_card";
            case 4 -> "scope_cache";
            case 5 -> "scope_template";
            default -> "scope_" + scopeType;
        };
    }
}
