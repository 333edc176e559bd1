package org.fenghuo.collectors.pcap.live;

/**
 * What one live capture saw.
 *
 * @param interfaceName      the device captured on
 * @param linkType           LINKTYPE_* of the frames delivered
 * @param packets            packets delivered to the handler
 * @param capturedBytes      sum of their captured lengths
 * @param wireBytes          sum of their wire lengths
 * @param received           libpcap {@code ps_recv}: packets the kernel passed the filter, or -1 when unknown
 * @param droppedByKernel    libpcap {@code ps_drop}: dropped for lack of buffer space, or -1 when unknown
 * @param droppedByInterface libpcap {@code ps_ifdrop}: dropped by the interface or driver, or -1 when unknown
 */
public record LiveCaptureStats(String interfaceName, int linkType, long packets, long capturedBytes, long wireBytes,
                               long received, long droppedByKernel, long droppedByInterface) {

    /** One line for the CLI's stderr. */
    public String toStatusLine() {
        return "live:" + interfaceName + ": packets=" + packets + " bytes=" + wireBytes
                + " kernel_received=" + unknown(received) + " kernel_dropped=" + unknown(droppedByKernel)
                + " if_dropped=" + unknown(droppedByInterface);
    }

    private static String unknown(long value) {
        return value < 0 ? "?" : Long.toString(value);
    }
}
