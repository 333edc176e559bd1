package org.fenghuo.collectors.syslog;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Settings of one syslog input. Defaults make the all-in-one work with no file at all; every
 * problem is reported at once, each naming its key.
 *
 * @param name           {@code fenghuo.input} and {@code observer.name} of its events; metric tag
 * @param host           address to bind (network inputs); default 127.0.0.1
 * @param port           port to bind (network inputs); 0 picks a free port; default 5514
 * @param maxFrameBytes  largest frame accepted, without its terminator; default 64 KiB
 * @param maxConnections most TCP/TLS connections served at once; further ones are refused; default 64
 * @param timeZone       zone of RFC 3164 timestamps, which carry none; default UTC
 * @param idleTimeout    TCP/TLS: a connection that sends nothing for this long is closed, so silent
 *                       clients cannot hold the connection slots forever; default 10 minutes
 * @param frameTimeout   TCP/TLS: a frame must be complete this long after its first byte, else the
 *                       connection is closed (what was read is still framed); stops a sender that
 *                       dribbles bytes to keep a slot (slowloris); default 60 s
 */
public record SyslogInputConfig(String name, String host, int port, int maxFrameBytes, int maxConnections,
        ZoneId timeZone, Duration idleTimeout, Duration frameTimeout) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 5514;
    public static final int DEFAULT_MAX_FRAME_BYTES = 64 * 1024;
    public static final int DEFAULT_MAX_CONNECTIONS = 64;
    /** Bounds the memory a single connection can hold. */
    public static final int LIMIT_MAX_FRAME_BYTES = 16 * 1024 * 1024;
    /**
     * Long, because closing an idle rsyslog connection can cost the next message: its plain TCP
     * sender learns of the close only when that message's send fails after it was written.
     */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(10);
    public static final Duration DEFAULT_FRAME_TIMEOUT = Duration.ofSeconds(60);

    public SyslogInputConfig {
        List<String> problems = new ArrayList<>();
        if (name == null || name.isBlank()) {
            problems.add("name: '" + name + "' must be a non-blank string");
        }
        if (host == null || host.isBlank()) {
            problems.add("host: '" + host + "' must be an address or host name to bind, e.g. 127.0.0.1");
        }
        if (port < 0 || port > 65535) {
            problems.add("port: " + port + " must be in 0..65535 (0 picks a free port)");
        }
        if (maxFrameBytes < 1 || maxFrameBytes > LIMIT_MAX_FRAME_BYTES) {
            problems.add("maxFrameBytes: " + maxFrameBytes + " must be in 1.." + LIMIT_MAX_FRAME_BYTES);
        }
        if (maxConnections < 1) {
            problems.add("maxConnections: " + maxConnections + " must be at least 1");
        }
        if (timeZone == null) {
            problems.add("timeZone: null must be a zone id such as UTC or Asia/Shanghai");
        }
        checkPositive("idleTimeout", idleTimeout, problems);
        checkPositive("frameTimeout", frameTimeout, problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid syslog input settings: " + String.join("; ", problems));
        }
    }

    /** The settings before the connection timeouts existed; those take their defaults. */
    public SyslogInputConfig(String name, String host, int port, int maxFrameBytes, int maxConnections,
            ZoneId timeZone) {
        this(name, host, port, maxFrameBytes, maxConnections, timeZone, DEFAULT_IDLE_TIMEOUT, DEFAULT_FRAME_TIMEOUT);
    }

    static void checkPositive(String key, Duration value, List<String> problems) {
        if (value == null || value.isNegative() || value.isZero()) {
            problems.add(key + ": " + value + " must be a positive duration, e.g. PT30S");
        }
    }

    public static SyslogInputConfig udp() {
        return defaults("syslog-udp");
    }

    public static SyslogInputConfig tcp() {
        return defaults("syslog-tcp");
    }

    public static SyslogInputConfig tls() {
        return defaults("syslog-tls").withAddress(DEFAULT_HOST, SyslogTlsConfig.DEFAULT_PORT);
    }

    public static SyslogInputConfig file() {
        return defaults("syslog-file");
    }

    private static SyslogInputConfig defaults(String name) {
        return new SyslogInputConfig(name, DEFAULT_HOST, DEFAULT_PORT, DEFAULT_MAX_FRAME_BYTES,
                DEFAULT_MAX_CONNECTIONS, ZoneOffset.UTC);
    }

    public SyslogInputConfig withName(String newName) {
        return new SyslogInputConfig(newName, host, port, maxFrameBytes, maxConnections, timeZone, idleTimeout,
                frameTimeout);
    }

    public SyslogInputConfig withAddress(String newHost, int newPort) {
        return new SyslogInputConfig(name, newHost, newPort, maxFrameBytes, maxConnections, timeZone, idleTimeout,
                frameTimeout);
    }

    public SyslogInputConfig withMaxFrameBytes(int newMax) {
        return new SyslogInputConfig(name, host, port, newMax, maxConnections, timeZone, idleTimeout, frameTimeout);
    }

    public SyslogInputConfig withMaxConnections(int newMax) {
        return new SyslogInputConfig(name, host, port, maxFrameBytes, newMax, timeZone, idleTimeout, frameTimeout);
    }

    public SyslogInputConfig withTimeZone(ZoneId newZone) {
        return new SyslogInputConfig(name, host, port, maxFrameBytes, maxConnections, newZone, idleTimeout,
                frameTimeout);
    }

    public SyslogInputConfig withTimeouts(Duration newIdleTimeout, Duration newFrameTimeout) {
        return new SyslogInputConfig(name, host, port, maxFrameBytes, maxConnections, timeZone, newIdleTimeout,
                newFrameTimeout);
    }
}
