/**
 * Capture file readers: pcap (microsecond, nanosecond and Kuznetzov variants, either byte order)
 * and pcapng (any number of sections and interfaces), recognised from the first four bytes by
 * {@link org.fenghuo.collectors.pcap.capture.CaptureReader}. Pure Java, no libpcap.
 *
 * <p>Packets go to a {@link org.fenghuo.collectors.pcap.capture.PacketHandler} straight from a
 * reusable window of at most 1 MiB: no copy and no object per packet. Damage in the file goes to
 * a {@link org.fenghuo.collectors.pcap.capture.ProblemHandler} as one of the
 * {@link org.fenghuo.collectors.pcap.capture.ProblemKind}s with its byte offset; reading goes on
 * wherever the framing can still be trusted and always terminates.
 */
package org.fenghuo.collectors.pcap.capture;
