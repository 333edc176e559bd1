package org.fenghuo.collectors.edge;

import java.time.DateTimeException;
import java.time.ZoneId;
import org.fenghuo.collectors.syslog.SyslogInputConfig;
import org.fenghuo.collectors.syslog.SyslogTcpListener;
import org.fenghuo.collectors.syslog.SyslogUdpListener;

/** {@code syslog_udp} and {@code syslog_tcp}: the existing listeners, bound to the output. */
final class SyslogInputs {

    private SyslogInputs() {
    }

    /** UDP cannot push back: a full spool drops and counts ({@code output.lossy()}). */
    static InputFactory udp() {
        return (name, settings) -> {
            SyslogInputConfig config = read(name, settings, false);
            return config == null ? null : (output, registry) -> {
                SyslogUdpListener listener = SyslogUdpListener.start(config, output.lossy(), registry);
                return InputFactory.Running.of("syslog_udp " + name + " on udp://" + listener.localAddress(), listener);
            };
        };
    }

    /** Called on each connection's thread: a full spool stops reading, so the sender's TCP window closes. */
    static InputFactory tcp() {
        return (name, settings) -> {
            SyslogInputConfig config = read(name, settings, true);
            return config == null ? null : (output, registry) -> {
                SyslogTcpListener listener = SyslogTcpListener.start(config, output, registry);
                return InputFactory.Running.of("syslog_tcp " + name + " on tcp://" + listener.localAddress(), listener);
            };
        };
    }

    private static SyslogInputConfig read(String name, ConfigNode settings, boolean tcp) {
        String host = settings.string("host", SyslogInputConfig.DEFAULT_HOST);
        int port = settings.port("port", SyslogInputConfig.DEFAULT_PORT, true);
        int maxFrame = settings.integer("max_frame_bytes", SyslogInputConfig.DEFAULT_MAX_FRAME_BYTES, 1,
                SyslogInputConfig.LIMIT_MAX_FRAME_BYTES, "is not a frame size (1.." + SyslogInputConfig.LIMIT_MAX_FRAME_BYTES
                        + " bytes)");
        int maxConnections = tcp ? settings.integer("max_connections", SyslogInputConfig.DEFAULT_MAX_CONNECTIONS, 1,
                100_000, "is not a connection count (1..100000)") : SyslogInputConfig.DEFAULT_MAX_CONNECTIONS;
        String zone = settings.string("time_zone", "UTC");
        ZoneId timeZone = ZoneId.of("UTC");
        try {
            timeZone = ZoneId.of(zone);
        } catch (DateTimeException e) {
            settings.problem("time_zone", "is not a time zone id (UTC, Asia/Shanghai, +08:00)");
            return null;
        }
        try {
            return new SyslogInputConfig(name, host, port, maxFrame, maxConnections, timeZone);
        } catch (IllegalArgumentException e) {
            // every field was checked above; this only happens if the record adds a rule
            settings.problem("type", "has settings the syslog input refuses: " + e.getMessage());
            return null;
        }
    }
}
