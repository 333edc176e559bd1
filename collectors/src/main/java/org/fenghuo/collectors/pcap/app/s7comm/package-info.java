/**
 * Siemens S7comm over ISO-on-TCP (TPKT, RFC 1006, and COTP, ISO 8073; port 102) for the pcap
 * application layer, with S7comm-plus recognised but not dissected.
 *
 * <p>Per direction the analyzer frames TPKTs across TCP segments (at most one held, 64 KB),
 * reassembles COTP DT fragments up to the EOT bit (at most 64 KB) and parses the S7 header,
 * parameters and the data needed for errors. Requests (job, userdata request) are paired with
 * their response (ack, ack_data, userdata response) by PDU reference, at most 64 waiting; one
 * event is made per pair, or per PDU when the partner never comes (flushed at the flow's end, or
 * when the oldest of too many waiting requests is evicted). Userdata pushes (cyclic data, alarms)
 * are events of their own.
 *
 * <table>
 * <caption>Event fields</caption>
 * <tr><th>field</th><th>value</th></tr>
 * <tr><td>event.action</td><td>s7comm-&lt;function&gt;: read-var, write-var, setup-communication,
 *     request-download, download-block, download-ended, start-upload, upload, end-upload,
 *     pi-service, plc-stop; for userdata the subfunction: read-szl, list-blocks, plc-password,
 *     set-clock, ...; s7comm-cotp-connect / -cotp-disconnect / -cotp-error;
 *     s7commplus-pdu</td></tr>
 * <tr><td>event.outcome</td><td>success / failure once the response is seen</td></tr>
 * <tr><td>fenghuo.ics.unit_id</td><td>"rack/slot" from a 2-octet called TSAP of the flow's COTP
 *     connection request, when seen</td></tr>
 * <tr><td>fenghuo.ics.function_code</td><td>job function, or userdata subfunction</td></tr>
 * <tr><td>fenghuo.ics.write</td><td>write var, download, PI service (start, compress, ...),
 *     PLC stop; userdata set clock, erase</td></tr>
 * <tr><td>fenghuo.ics.exception</td><td>header error class/code, userdata parameter error code,
 *     or the first read/write var item return code other than 0xFF (success); a userdata return
 *     code is only the return_code field, as 0x0a there also means "no data"</td></tr>
 * <tr><td>fenghuo.ics.address / quantity</td><td>first S7ANY item's byte address / item count</td></tr>
 * <tr><td>fenghuo.ics.s7comm.*</td><td>rosctr (of the request, or of a lone response),
 *     response_rosctr, pdu_ref, area (DB, inputs, outputs, flags, counters, timers, ...),
 *     db_number (DB and DI areas only), transport_size, error_class, error_code, return_code,
 *     userdata_group, userdata_subfunction, userdata_type, pi_service, block, szl, pdu_length;
 *     src_tsap, dst_tsap, tpdu_size on cotp-connect; plus_version, plus_opcode on
 *     s7commplus-pdu</td></tr>
 * </table>
 *
 * <p>A flow whose first COTP user data is neither 0x32 nor 0x72 (IEC 61850 MMS shares port 102)
 * is dropped silently. Bad TPKT headers are reported once per bad run through
 * {@code AppOutput.malformed("s7comm", ...)} and the framer scans for the next version octet 3;
 * bad COTP or S7 PDUs are reported one by one and skipped; a direction with 64 KB of garbage in a
 * row is given up.
 */
package org.fenghuo.collectors.pcap.app.s7comm;
