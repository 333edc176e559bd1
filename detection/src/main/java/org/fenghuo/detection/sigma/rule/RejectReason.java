package org.fenghuo.detection.sigma.rule;

/**
 * Why a document was not loaded: the closed set the load report counts by. Each constant's
 * comment says what puts a document there.
 */
public enum RejectReason {
    /** The file could not be read. */
    IO_ERROR,
    /** Not valid YAML, a duplicate key, or nesting too deep. */
    YAML_SYNTAX,
    /** A YAML document that is neither a rule, a filter nor a correlation (no detection). */
    NOT_A_RULE,
    /** A mandatory attribute is missing or has the wrong shape (title, logsource, detection, condition ...). */
    INVALID_STRUCTURE,
    /** The condition does not parse (syntax, or the deprecated aggregation pipe {@code | count()}). */
    BAD_CONDITION,
    /** The condition names a search identifier the detection does not define (or a pattern matches none). */
    UNKNOWN_IDENTIFIER,
    /** A modifier that is not in the Sigma specification. */
    UNKNOWN_MODIFIER,
    /** A modifier of the specification this engine does not evaluate, or a combination it cannot. */
    UNSUPPORTED_MODIFIER,
    /** A regular expression RE2J cannot compile (look-around, backreferences, ...). */
    UNSUPPORTED_REGEX,
    /** A value the modifier cannot use (bad CIDR, non-numeric value for {@code gt}, ...). */
    BAD_VALUE,
    /** {@code |expand} names a placeholder the configuration does not define. */
    UNKNOWN_PLACEHOLDER,
    /** The processing pipelines say this log source cannot be evaluated on ECS events. */
    UNSUPPORTED_LOGSOURCE,
    /** Another rule already uses this id (the first one loaded wins). */
    DUPLICATE_ID,
    /** A filter or exception names a rule id/name that no loaded rule has. */
    UNKNOWN_RULE
}
