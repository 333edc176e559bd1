package org.fenghuo.collectors.netflow;

/**
 * Whose templates and sequence numbers: the exporter's address, the export version (v9 and IPFIX
 * template ids are separate spaces), and the v9 source id / IPFIX observation domain id (v5: engine
 * type and id).
 */
record ExporterKey(String address, int version, long domain) {
}
