package org.fenghuo.collectors.pcap.live;

import java.time.Duration;
import java.util.Objects;

/**
 * How to open an interface for {@link LiveCapture}.
 *
 * @param interfaceName the libpcap device name ({@code eth0}, {@code lo}, {@code any})
 * @param bpf           a BPF filter expression (tcpdump syntax), or null / blank for every packet
 * @param promiscuous   whether to put the interface in promiscuous mode
 * @param snaplen       bytes kept of each packet (libpcap's maximum, 262144, keeps whole frames)
 * @param readTimeout   how long libpcap waits for packets before returning; also the tick period
 *                      on a quiet link
 * @param bufferBytes   kernel capture buffer size
 * @param immediate     deliver each packet as it arrives (libpcap immediate mode) when supported
 */
public record LiveCaptureConfig(String interfaceName, String bpf, boolean promiscuous, int snaplen,
                                Duration readTimeout, int bufferBytes, boolean immediate) {
    public static final int DEFAULT_SNAPLEN = 262_144;
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofMillis(100);
    public static final int DEFAULT_BUFFER_BYTES = 16 * 1024 * 1024;

    public LiveCaptureConfig {
        Objects.requireNonNull(interfaceName, "interfaceName");
        if (interfaceName.isBlank()) {
            throw new IllegalArgumentException("interfaceName is blank");
        }
        if (snaplen < 1 || snaplen > DEFAULT_SNAPLEN) {
            throw new IllegalArgumentException("snaplen: " + snaplen + " must be 1.." + DEFAULT_SNAPLEN);
        }
        Objects.requireNonNull(readTimeout, "readTimeout");
        if (readTimeout.toMillis() < 1 || readTimeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("readTimeout: " + readTimeout + " must be at least 1 ms");
        }
        if (bufferBytes < 0) {
            throw new IllegalArgumentException("bufferBytes: " + bufferBytes + " must not be negative");
        }
        bpf = bpf == null || bpf.isBlank() ? null : bpf.strip();
    }

    /** Promiscuous, whole frames, 100 ms timeout, 16 MiB buffer, immediate mode. */
    public static LiveCaptureConfig of(String interfaceName, String bpf) {
        return new LiveCaptureConfig(interfaceName, bpf, true, DEFAULT_SNAPLEN, DEFAULT_READ_TIMEOUT,
                DEFAULT_BUFFER_BYTES, true);
    }

    public LiveCaptureConfig withPromiscuous(boolean promiscuous) {
        return new LiveCaptureConfig(interfaceName, bpf, promiscuous, snaplen, readTimeout, bufferBytes, immediate);
    }

    public LiveCaptureConfig withReadTimeout(Duration readTimeout) {
        return new LiveCaptureConfig(interfaceName, bpf, promiscuous, snaplen, readTimeout, bufferBytes, immediate);
    }

    public LiveCaptureConfig withBufferBytes(int bufferBytes) {
        return new LiveCaptureConfig(interfaceName, bpf, promiscuous, snaplen, readTimeout, bufferBytes, immediate);
    }
}
