package org.fenghuo.detection.sigma;

/** A loaded rule set and the report of how every document fared. */
public record LoadResult(SigmaRuleSet ruleSet, LoadReport report) {
}
