/**
 * Live capture from a network interface, through libpcap (pcap4j over JNA), into the same chain
 * as capture files: frames go to the {@link org.fenghuo.collectors.pcap.capture.PacketHandler} the
 * file readers use, so decoding, flows and the application layer are shared.
 *
 * <h2>How it works</h2>
 * {@link org.fenghuo.collectors.pcap.live.LiveCapture#open} finds the device, activates it
 * (snaplen 262144, promiscuous by default, 100 ms read timeout, immediate mode where supported,
 * 16 MiB kernel buffer, nanosecond timestamps where offered) and compiles the BPF filter in the
 * kernel. {@link org.fenghuo.collectors.pcap.live.LiveCapture#run} then reads raw frames with
 * {@code pcap_next_ex} on the calling thread and hands each on with its link type, epoch-nanosecond
 * timestamp, wire length and captured bytes. When no packet arrives for a read timeout, a
 * {@link org.fenghuo.collectors.pcap.live.TickHandler} is told the wall-clock time, so the flow
 * table ({@code FlowTable.advanceTo}) ends idle flows on a quiet link; a small daemon thread
 * ({@link org.fenghuo.collectors.pcap.live.QuietWaker}) makes that happen on Linux, where
 * libpcap's own timeout does not fire without traffic. {@code stop()} from any thread or an
 * interrupt of the capture thread ends the run; the kernel's counters come back in
 * {@link org.fenghuo.collectors.pcap.live.LiveCaptureStats}.
 * {@link org.fenghuo.collectors.pcap.live.LivePcapDecoder} is the whole chain: capture -> decode
 * -> flows -> application protocols -> events, malformed packets to dead letters, every open flow
 * flushed on stop.
 *
 * <h2>Requirements</h2>
 * <ul>
 *   <li>libpcap: {@code apt-get install libpcap0.8} (the runtime library is enough; JNA finds
 *       {@code libpcap.so.0.8}). Without it:
 *       {@link org.fenghuo.collectors.pcap.live.LiveCaptureException.Kind#LIBPCAP_MISSING}.</li>
 *   <li>root, or CAP_NET_RAW (and CAP_NET_ADMIN for promiscuous mode) on the java binary:
 *       {@code setcap cap_net_raw,cap_net_admin=eip /path/to/bin/java}. Without:
 *       {@link org.fenghuo.collectors.pcap.live.LiveCaptureException.Kind#PERMISSION_DENIED}, whose
 *       message names the user and the capabilities it lacks.</li>
 * </ul>
 * A missing interface ({@code NO_SUCH_INTERFACE}, listing those that exist) and a filter libpcap
 * rejects ({@code BAD_FILTER}, naming the filter and libpcap's message) have their own kinds.
 *
 * <h2>Limits</h2>
 * <ul>
 *   <li>pcap4j copies every frame into a new byte array and builds a timestamp object for it: a
 *       few small allocations per packet that the file path does not have. Throughput has not
 *       been measured.</li>
 *   <li>One thread decodes; when it falls behind, the kernel buffer fills and drops show in
 *       {@code kernel_dropped}. Raise the buffer or narrow the BPF filter.</li>
 *   <li>Timestamps are the kernel's; ticks use the wall clock. Stopping flushes open flows as
 *       {@code END_OF_CAPTURE}; a killed process loses them.</li>
 *   <li>The QuietWaker relies on {@code pcap_breakloop} waking a blocked read, which the libpcap
 *       of Debian 12 (1.10.3) does; with a libpcap that does not, an idle capture ticks, stops
 *       and sees interrupts only when the next packet arrives.</li>
 *   <li>Linux is what is tested (loopback, a veth pair into a namespace).</li>
 * </ul>
 */
package org.fenghuo.collectors.pcap.live;
