package org.fenghuo.detection.anomaly.dns;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** One source and parent domain in the current window: counters, a bounded set of subdomain hashes, a few evidence ids. */
public final class DnsTunnelState implements Serializable {
    private static final long serialVersionUID = 1L;
    static final int MAX_EVIDENCE = 20;
    static final long NONE = Long.MIN_VALUE;

    long windowStart = NONE;
    int queries;
    int longNames;
    int tunnelTypes;
    int withSubdomain;
    double entropySum;
    final Set<Long> subdomainHashes = new HashSet<>();
    boolean saturated;
    boolean alerted;
    final List<String> evidence = new ArrayList<>();

    /** Distinct subdomains seen this window (capped at {@link DnsTunnelConfig#maxTrackedSubdomains()}). */
    public int uniqueSubdomains() {
        return subdomainHashes.size();
    }

    public int queries() {
        return queries;
    }

    void reset(long start) {
        windowStart = start;
        queries = 0;
        longNames = 0;
        tunnelTypes = 0;
        withSubdomain = 0;
        entropySum = 0;
        subdomainHashes.clear();
        saturated = false;
        alerted = false;
        evidence.clear();
    }
}
