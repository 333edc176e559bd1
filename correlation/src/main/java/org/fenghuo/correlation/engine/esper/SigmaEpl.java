package org.fenghuo.correlation.engine.esper;

import org.fenghuo.detection.sigma.correlation.SigmaCorrelation;

/**
 * A Sigma correlation as EPL.
 *
 * @param rule           the correlation
 * @param prefix         the EPL identifier its statements, schema and context names start with
 * @param decidedAtClose whether windows are decided when they close (else on every hit)
 * @param epl            the module text
 */
public record SigmaEpl(SigmaCorrelation rule, String prefix, boolean decidedAtClose, String epl) {
}
