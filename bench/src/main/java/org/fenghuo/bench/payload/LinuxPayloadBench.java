package org.fenghuo.bench.payload;

import java.util.concurrent.TimeUnit;
import org.fenghuo.collectors.syslog.access.AccessLogParser;
import org.fenghuo.collectors.syslog.access.ApacheErrorParser;
import org.fenghuo.collectors.syslog.linux.NetfilterParser;
import org.fenghuo.collectors.syslog.linux.PamParser;
import org.fenghuo.collectors.syslog.linux.SshdParser;
import org.fenghuo.collectors.syslog.linux.SudoParser;
import org.fenghuo.collectors.syslog.payload.PayloadInput;
import org.fenghuo.collectors.syslog.payload.PayloadParser;
import org.fenghuo.collectors.syslog.payload.PayloadResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Payload parse to ECS fields, messages/s on one thread (one core), per Linux and web-server
 * parser, on a typical message of each (the syslog header is already split off). The peer is
 * {@code String.split(" ")} over the same message: the cost of merely tokenising it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@Threads(1)
public class LinuxPayloadBench {

    @Param({"sshd", "pam", "sudo", "netfilter", "access_combined", "apache_error"})
    public String parser;

    private PayloadParser payloadParser;
    private PayloadInput input;

    @Setup
    public void setUp() {
        switch (parser) {
            case "sshd" -> set(new SshdParser(), "sshd",
                    "Failed password for invalid user oracle from 203.0.113.5 port 60002 ssh2");
            case "pam" -> set(new PamParser(), "sshd", "pam_unix(sshd:auth): authentication failure; logname= uid=0 "
                    + "euid=0 tty=ssh ruser= rhost=203.0.113.5  user=root");
            case "sudo" -> set(new SudoParser(), "sudo",
                    "ubuntu : TTY=pts/0 ; PWD=/home/ubuntu ; USER=root ; COMMAND=/usr/bin/apt-get update");
            case "netfilter" -> set(new NetfilterParser(), "kernel", "[UFW BLOCK] IN=eth0 OUT= "
                    + "MAC=52:54:00:12:34:56:52:54:00:ab:cd:ef:08:00 SRC=203.0.113.50 DST=192.0.2.10 LEN=60 TOS=0x00 "
                    + "PREC=0x00 TTL=52 ID=54321 DF PROTO=TCP SPT=51515 DPT=22 WINDOW=29200 RES=0x00 SYN URGP=0");
            case "access_combined" -> set(new AccessLogParser(), "nginx", "203.0.113.9 - - [10/Oct/2023:13:55:36 "
                    + "+0800] \"GET /index.html?lang=zh HTTP/1.1\" 200 2326 \"https://example.com/start\" "
                    + "\"Mozilla/5.0 (X11; Linux x86_64; rv:109.0) Gecko/20100101 Firefox/118.0\"");
            case "apache_error" -> set(new ApacheErrorParser(), "httpd", "[Wed Oct 11 14:32:52.123456 2023] "
                    + "[core:error] [pid 35708:tid 4328636416] [client 72.15.99.187:5000] AH00124: Request exceeded "
                    + "the limit of 10 internal redirects due to probable configuration error.");
            default -> throw new IllegalArgumentException("no such parser: " + parser);
        }
        if (!(payloadParser.parse(input) instanceof PayloadResult.Parsed)) {
            throw new IllegalStateException(parser + " does not parse its bench message");
        }
    }

    private void set(PayloadParser p, String app, String message) {
        payloadParser = p;
        input = new PayloadInput("host", app, message);
    }

    @Benchmark
    public PayloadResult parse() {
        return payloadParser.parse(input);
    }

    @Benchmark
    public String[] peerSplit() {
        return input.message().split(" ");
    }
}
