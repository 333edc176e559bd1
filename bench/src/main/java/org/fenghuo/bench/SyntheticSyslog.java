package org.fenghuo.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a syslog file shaped like a city gateway's: sshd failures, sudo, firewall drops. */
final class SyntheticSyslog {
    private SyntheticSyslog() {
    }

    static Path write(Path file, int lines) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < lines; i++) {
                out.write(line(i));
                out.write('\n');
            }
        }
        return file;
    }

    private static String line(int i) {
        String ip = "10." + (i >>> 16 & 0xff) + "." + (i >>> 8 & 0xff) + "." + (i & 0xff);
        String second = String.format("%02d", i % 60);
        switch (i % 3) {
            case 0:
                return "<38>1 2026-11-23T10:" + String.format("%02d", i / 60 % 60) + ":" + second
                        + ".123+08:00 gw-" + (i % 7) + " sshd " + (1000 + i % 5000)
                        + " - [origin ip=\"" + ip + "\"] Failed password for invalid user admin from " + ip + " port "
                        + (1024 + i % 60000) + " ssh2";
            case 1:
                return "<86>Nov 23 10:11:" + second + " web-" + (i % 5) + " sudo[" + (2000 + i % 3000)
                        + "]: operator : TTY=pts/1 ; PWD=/srv ; USER=root ; COMMAND=/usr/bin/systemctl restart scada-gw";
            default:
                return "<4>Nov 23 10:12:" + second + " fw-core kernel: [UFW BLOCK] IN=eth0 OUT= SRC=" + ip
                        + " DST=172.16.0.10 LEN=60 PROTO=TCP SPT=" + (1024 + i % 60000) + " DPT=502";
        }
    }
}
