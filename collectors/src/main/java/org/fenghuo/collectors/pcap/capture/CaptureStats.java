package org.fenghuo.collectors.pcap.capture;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one read of a capture produced.
 *
 * @param format        the container format detected from the first bytes
 * @param packets       packets delivered to the {@link PacketHandler}
 * @param capturedBytes sum of the captured lengths delivered
 * @param wireBytes     sum of the wire lengths ({@code orig_len}) delivered
 * @param problems      problems per kind, in enum order; kinds that never occurred are absent
 * @param linkTypes     link types of the packets delivered, ascending
 * @param sections      pcapng sections read (1 for pcap once its header was read)
 * @param bytesRead     offset where reading stopped (the input length when it ran to the end)
 * @param complete      true when reading reached the end of the input at a record boundary
 */
public record CaptureStats(
        CaptureFormat format,
        long packets,
        long capturedBytes,
        long wireBytes,
        Map<ProblemKind, Long> problems,
        Set<Integer> linkTypes,
        int sections,
        long bytesRead,
        boolean complete) {

    public CaptureStats {
        // EnumMap keeps the kinds in declaration order, so toString and iteration are stable.
        problems = problems.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(problems));
        linkTypes = Collections.unmodifiableSortedSet(new TreeSet<>(linkTypes));
    }

    /** Problems of the given kind. */
    public long problems(ProblemKind kind) {
        return problems.getOrDefault(kind, 0L);
    }

    /** Problems of all kinds. */
    public long problemCount() {
        return problems.values().stream().mapToLong(Long::longValue).sum();
    }
}
