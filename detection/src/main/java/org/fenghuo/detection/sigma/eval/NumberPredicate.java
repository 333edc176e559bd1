package org.fenghuo.detection.sigma.eval;

/**
 * A numeric rule value: equality ({@code EventID: 4688}: the field's number, or its text equal to
 * the rule's text) or a comparison ({@code |gt} ...). A value that is not a number fails.
 */
final class NumberPredicate implements ValuePredicate {
    enum Op { EQ, LT, LTE, GT, GTE }

    private final Op op;
    private final double number;
    private final String text;

    NumberPredicate(Op op, double number, String text) {
        this.op = op;
        this.number = number;
        this.text = text;
    }

    @Override
    public boolean test(Object value) {
        double v;
        if (value instanceof Number n) {
            v = n.doubleValue();
        } else {
            String s = ValuePredicate.asText(value);
            if (op == Op.EQ && s.equalsIgnoreCase(text)) {
                return true;
            }
            if (!looksNumeric(s)) {
                return false;
            }
            try {
                v = Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return switch (op) {
            case EQ -> v == number;
            case LT -> v < number;
            case LTE -> v <= number;
            case GT -> v > number;
            case GTE -> v >= number;
        };
    }

    /** Cheap check so that text fields do not pay for an exception each. */
    private static boolean looksNumeric(String s) {
        if (s.isEmpty() || s.length() > 40) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9') && c != '-' && c != '+' && c != '.' && c != 'e' && c != 'E' && c != ' ') {
                return false;
            }
        }
        return true;
    }

    @Override
    public String requiredLiteral() {
        return null;
    }
}
