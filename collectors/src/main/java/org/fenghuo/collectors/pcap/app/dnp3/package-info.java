/**
 * DNP3 (IEEE 1815) analysis for the pcap application layer, over TCP or UDP.
 *
 * <p><b>Recognition</b> ({@link org.fenghuo.collectors.pcap.app.dnp3.Dnp3Protocol}, name
 * {@code dnp3}): any port; the first payload starts with 0x05 0x64, a length of at least 5 and a
 * correct header CRC.
 *
 * <p><b>Link layer</b>: frames are cut from each direction (at most one, 292 bytes, held); the
 * header CRC and every 16-byte data block CRC (CRC-16/DNP) are checked and stripped. A bad header
 * CRC or length is malformed {@code "bad crc"} / {@code "bad length"} and the scan for 0x05 0x64
 * resumes one byte later; a bad data block CRC is {@code "bad crc"} and the frame (its length
 * vouched for by the header CRC) is skipped; bytes before a start are reported once as
 * {@code "no start bytes"}. After a TCP gap the scan resumes silently. Only primary user data
 * frames (link functions 3 and 4) go on to the transport layer.
 *
 * <p><b>Transport</b>: FIR/FIN/sequence reassembly per direction into fragments of at most 2048
 * bytes; a FIR restarts; a segment out of sequence or from another address pair drops the fragment
 * ({@code "transport sequence"}), as does an oversize one ({@code "fragment too large"}); middle
 * segments without a FIR are ignored.
 *
 * <p><b>Application layer</b>: control, function, IIN (responses 129-131) and object headers
 * (group, variation, qualifier, range or count). Object data is skipped by size for the common
 * fixed-size groups (1-4, 10-13, 20-23, 30-34, 40-43, 50-52, 60, 80, 110-113) and by prefix for
 * free-format objects; read, freeze (7-10), enable/disable unsolicited and assign class requests
 * carry no data. At an object of unknown size, an unknown qualifier or data past the end the list
 * stops ({@code fenghuo.ics.dnp3.objects_incomplete} says why); at most 32 headers are listed.
 *
 * <p><b>Events</b>: one per fragment. {@code event.action} {@code dnp3-<function>} (e.g.
 * {@code dnp3-direct-operate}); {@code fenghuo.ics.*}: unit id = link destination, function code and
 * name, write (requests 2-22, 24, 27, 31: writes, controls, freezes, restarts, application and
 * unsolicited control, class assignment, time, file deletion, configuration), exception (the set
 * IIN2 error bits among function_not_supported, object_unknown, parameter_error,
 * already_executing, config_corrupt, comma-joined), address and quantity (the first object
 * header's start index and count). Responses have {@code event.outcome} success/failure.
 * {@code fenghuo.ics.dnp3.*}: {@code source}, {@code link_function} (e.g.
 * {@code unconfirmed_user_data}), {@code application_sequence}, {@code objects} ({@code g12v1}
 * style), {@code iin} (names of set bits), {@code unsolicited}, {@code objects_incomplete}.
 */
package org.fenghuo.collectors.pcap.app.dnp3;
