/**
 * IEC 60870-5-104 (telecontrol over TCP, port 2404) for the pcap application layer.
 *
 * <p>{@link org.fenghuo.collectors.pcap.app.iec104.Iec104Protocol} recognises a flow from its
 * first APCI (start octet 0x68, length 4..253); its analyzer cuts each direction into APDUs across
 * TCP segments and makes one event per APDU, including S- and U-format frames, whose STARTDT,
 * STOPDT and TESTFR exchanges show session manipulation. Nothing is rate-limited.
 *
 * <table>
 * <caption>Event fields</caption>
 * <tr><th>field</th><th>I-format</th><th>S-format</th><th>U-format</th></tr>
 * <tr><td>event.action</td><td>iec104-&lt;type mnemonic&gt; (iec104-c_sc_na_1)</td>
 *     <td>iec104-supervisory</td><td>iec104-startdt-act, iec104-testfr-con, ...</td></tr>
 * <tr><td>fenghuo.ics.unit_id</td><td>common address (decimal)</td><td>-</td><td>-</td></tr>
 * <tr><td>fenghuo.ics.function_code / function</td><td>type id / mnemonic (45, C_SC_NA_1)</td>
 *     <td>- / S</td><td>- / STARTDT_ACT ...</td></tr>
 * <tr><td>fenghuo.ics.write</td><td>true for commands 45-69, system commands 100-107 and
 *     parameter loading 110-113, whatever the direction</td><td>-</td><td>-</td></tr>
 * <tr><td>fenghuo.ics.exception</td><td>"negative confirm" (P/N bit), or the cause when it is
 *     44-47 (unknown type, cause, common address, IOA)</td><td>-</td><td>-</td></tr>
 * <tr><td>fenghuo.ics.address / quantity</td><td>first IOA / number of objects</td><td>-</td><td>-</td></tr>
 * <tr><td>fenghuo.ics.iec104.*</td><td>apci I, send_seq, recv_seq, cot (act, spont, inrogen, ...),
 *     cot_code, negative, test, sq, originator (when not 0)</td><td>apci S, recv_seq</td>
 *     <td>apci U, u_function</td></tr>
 * </table>
 *
 * <p>Bad start octets, lengths or control fields are reported once per bad run through
 * {@code AppOutput.malformed("iec104", ...)}, after which the framer scans for the next 0x68 with
 * a plausible length; a direction showing 64 KB of garbage in a row is given up. A TCP gap makes
 * the framer resynchronise quietly.
 */
package org.fenghuo.collectors.pcap.app.iec104;
