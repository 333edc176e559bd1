/**
 * Modbus/TCP analysis for the pcap application layer.
 *
 * <p><b>Recognition</b> ({@link org.fenghuo.collectors.pcap.app.modbus.ModbusProtocol}, name
 * {@code modbus}): TCP, port 502 on either side, stream starting with a valid MBAP header
 * (protocol id 0, length 2..254). Requests are the bytes sent to port 502 (the initiator's when
 * both or neither port is 502).
 *
 * <p><b>Framing</b>: MBAP ADUs are cut from each direction whatever the segments (at most one ADU,
 * 260 bytes, held per direction). A header with protocol id other than 0 or a length outside
 * 2..254 is reported once as malformed {@code "bad mbap header"}; the framer then slides one byte
 * at a time to the next valid-looking header (resynchronisation; a false header may swallow up to
 * 260 bytes). After a TCP gap the partial ADU is dropped and the same scan runs without a report.
 * After 16 bad headers in a row without a good ADU the flow is given up.
 *
 * <p><b>PDUs</b>: functions 1-8, 11, 12, 15-17, 20-24 and 43 are checked against their fixed or
 * byte-count length; a mismatch is malformed {@code "length mismatch"} (the ADU is dropped, the
 * stream stays in step). Other function codes are accepted without fields. Exception responses
 * (function | 0x80, code 1-11 named, e.g. {@code illegal_data_address}) may carry padding.
 *
 * <p><b>Transactions</b>: a request waits for the response with its transaction id (at most 256
 * outstanding; the oldest is then emitted unanswered; a repeated id emits the earlier request
 * unanswered). One event per transaction, on the response, or at the flow's end or on overflow for
 * an unanswered request ({@code event.outcome: unknown}); a response without a request is emitted
 * alone (not malformed) with {@code fenghuo.ics.modbus.request_seen: false}. A response whose
 * function or unit differs from its request's is emitted alone and the request unanswered.
 *
 * <p><b>Fields</b>: {@code event.action} {@code modbus-<function>} (e.g.
 * {@code modbus-read-holding-registers}); {@code event.outcome} success / failure (exception) /
 * unknown; {@code fenghuo.ics.*}: unit id, function code and name, write (5, 6, 15, 16, 21, 22, 23,
 * and diagnostics 1 restart communications / 4 force listen-only), exception name, address and
 * quantity (the write part for 23; 1 for 5, 6, 22; file record number and sub-request count for 20,
 * 21; FIFO pointer for 24). {@code fenghuo.ics.modbus.*}: {@code transaction_id}, {@code registers}
 * or {@code coils} (written values, numbers or booleans, at most 125, {@code values_truncated}), {@code read_address} /
 * {@code read_quantity} (23), {@code diagnostic_code} (8), {@code exception_code}, {@code and_mask}
 * / {@code or_mask} (22), {@code mei_type}, {@code read_device_id_code}, {@code object_id} (43),
 * {@code file_number} (20, 21).
 */
package org.fenghuo.collectors.pcap.app.modbus;
