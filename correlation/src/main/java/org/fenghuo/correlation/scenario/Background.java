package org.fenghuo.correlation.scenario;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import org.fenghuo.events.SecurityEvent;

/**
 * The district's normal traffic, generated lazily in event-time order: a set of Poisson processes
 * (one per host and kind of traffic) merged by their next event time, so millions of events cost
 * the memory of a few hundred processes. Logins and the bastion's own traffic run at fixed rates
 * (the brute-force, lateral-movement and volume baselines must look the same at any volume); web,
 * DNS, file, database, intranet and ICS polling share the rest of {@code backgroundEvents}.
 *
 * <p>Built to stay below every detector's threshold: every TCP flow completes (no probe), each
 * workstation logs in to its own app server only and fails at most once before a success, DNS
 * names repeat a few subdomains, intervals are exponential (never periodic), flows are small and
 * light-tailed, ICS traffic is reads from the SCADA server.
 */
final class Background implements Iterator<SecurityEvent> {
    private static final long MINUTE = 60_000;
    private static final String[] DNS_NAMES = {"mail.city.example", "portal.city.example", "update.vendor.example",
        "api.vendor.example", "cdn.vendor.example", "news.media.example"};

    private final DistrictNetwork net;
    private final long seed;
    private final long end;
    private final SplittableRandom random;
    private final PriorityQueue<Process> queue = new PriorityQueue<>();
    private long sequence;

    /** One source of events: its next time, its rate, and how it makes an event. */
    private abstract static class Process implements Comparable<Process> {
        final int index;
        final double meanGapMillis;
        long next;

        Process(int index, double meanGapMillis) {
            this.index = index;
            this.meanGapMillis = meanGapMillis;
        }

        abstract SecurityEvent make(long t, String id);

        /** The gap to this process's next event. */
        long gap(SplittableRandom r) {
            return 1 + (long) (-Math.log(1 - r.nextDouble()) * meanGapMillis);
        }

        @Override
        public int compareTo(Process o) {
            int c = Long.compare(next, o.next);
            return c != 0 ? c : Integer.compare(index, o.index);
        }
    }

    Background(DistrictNetwork net, ScenarioSettings settings) {
        this.net = net;
        this.seed = settings.seed();
        this.random = new SplittableRandom(settings.seed());
        long start = settings.start().toEpochMilli();
        this.end = settings.end().toEpochMilli();
        double span = end - start;
        List<Process> fixed = fixedRate();
        double fixedExpected = 0;
        for (Process p : fixed) {
            fixedExpected += span / p.meanGapMillis;
        }
        double total = scalableWeight();
        double rest = Math.max(0, settings.backgroundEvents() - fixedExpected);
        List<Process> all = new ArrayList<>(fixed);
        if (rest > 0) {
            double perWeight = rest / (span * total); // events per ms per unit of weight
            all.addAll(scalable(perWeight));
        }
        for (Process p : all) {
            // uniform within the first mean gap: every process (the bastion's baseline too) starts early
            p.next = start + (long) (random.nextDouble() * p.meanGapMillis);
            if (p.next <= end) {
                queue.add(p);
            }
        }
    }

    @Override
    public boolean hasNext() {
        return !queue.isEmpty();
    }

    @Override
    public SecurityEvent next() {
        Process p = queue.poll();
        if (p == null) {
            throw new NoSuchElementException();
        }
        SecurityEvent e = p.make(p.next, EventIds.of(seed, 0, sequence++));
        p.next += p.gap(random);
        if (p.next <= end) {
            queue.add(p);
        }
        return e;
    }

    private long between(long low, long high) {
        return random.nextLong(low, high + 1);
    }

    private int port() {
        return random.nextInt(32_768, 61_000);
    }

    private SecurityEvent tcp(String id, long t, String from, String to, int port, long out, long in) {
        return tcp(id, t, from, to, port, out, in, between(200, 30_000));
    }

    private SecurityEvent tcp(String id, long t, String from, String to, int port, long out, long in, long duration) {
        long packetsOut = 4 + out / 1400;
        long packetsIn = 4 + in / 1400;
        return CollectorShapes.flow(new CollectorShapes.Flow(id, Instant.ofEpochMilli(t - duration), Instant.ofEpochMilli(t),
                "tcp", from, port(), to, port, out, packetsOut, in, packetsIn, CollectorShapes.FLAGS_COMPLETE,
                CollectorShapes.FLAGS_COMPLETE, "closed"));
    }

    /** Logins and the bastion's own traffic: rates that do not grow with the volume. */
    private List<Process> fixedRate() {
        List<Process> out = new ArrayList<>();
        int index = 0;
        for (int i = 0; i < net.workstations().size(); i++) {
            out.add(new Login(index++, i));
        }
        out.add(new Process(index++, 120 * MINUTE) {
            @Override
            SecurityEvent make(long t, String id) {
                return CollectorShapes.sshLogin(id, Instant.ofEpochMilli(t), DistrictNetwork.BASTION_NAME,
                        net.adminWorkstation(), port(), "admin", true);
            }
        });
        out.add(new Process(index++, 10 * MINUTE) {
            @Override
            SecurityEvent make(long t, String id) {
                String site = net.internetSites().get(random.nextInt(net.internetSites().size()));
                return tcp(id, t, net.bastion(), site, 443, between(20_000, 60_000), between(50_000, 400_000));
            }
        });
        out.add(new Process(index, 10 * MINUTE) {
            @Override
            SecurityEvent make(long t, String id) {
                return CollectorShapes.dnsQuery(id, Instant.ofEpochMilli(t), net.bastion(), port(), net.resolver(),
                        DNS_NAMES[2 + random.nextInt(2)], "A", random.nextInt(65_536));
            }
        });
        return out;
    }

    /** A workstation logging in to its own app server; now and then a mistyped password first. */
    private final class Login extends Process {
        private final String workstation;
        private final String server;
        private final String user;
        private boolean retry;

        Login(int index, int workstation) {
            super(index, 30 * MINUTE);
            this.workstation = net.workstations().get(workstation);
            this.server = DistrictNetwork.appServerName(workstation % net.appServers().size());
            this.user = "user" + this.workstation.substring(this.workstation.lastIndexOf('.') + 1);
        }

        @Override
        SecurityEvent make(long t, String id) {
            boolean fail = !retry && random.nextInt(20) == 0;
            retry = fail;
            return CollectorShapes.sshLogin(id, Instant.ofEpochMilli(t), server, workstation, port(), user, !fail);
        }

        @Override
        long gap(SplittableRandom r) {
            return retry ? between(3_000, 15_000) : super.gap(r);
        }
    }

    /**
     * Connections of a workstation in bursts: a visit of 2-8 connections a few seconds apart to one
     * server, visits spaced at random. People browse and open files so; single connections at
     * exponential intervals would, now and then over thousands of pairs, look periodic to the
     * beaconing detector.
     */
    private final class Bursts extends Process {
        private final List<String> clients;
        private final List<String> servers;
        private final int port;
        private final long maxOut;
        private final long maxIn;
        private String client;
        private String server;
        private int left;

        Bursts(int index, double meanGapMillis, List<String> clients, List<String> servers, int port, long maxOut,
                long maxIn) {
            super(index, meanGapMillis);
            this.clients = clients;
            this.servers = servers;
            this.port = port;
            this.maxOut = maxOut;
            this.maxIn = maxIn;
        }

        @Override
        SecurityEvent make(long t, String id) {
            if (left == 0) {
                client = clients.get(random.nextInt(clients.size()));
                server = servers.get(random.nextInt(servers.size()));
                left = 2 + random.nextInt(7);
            }
            left--;
            // short connections a second or two apart: their starts are seconds apart, below the beaconing floor
            return tcp(id, t, client, server, port, between(1_000, maxOut), between(5_000, maxIn), between(50, 1_500));
        }

        /**
         * Within a visit 0.05-2 s; between visits exponential, so that a visit (5 connections on average,
         * 4 gaps of about 1 s inside) takes 5 mean gaps and the rate is the one asked for.
         */
        @Override
        long gap(SplittableRandom r) {
            double between = Math.max(meanGapMillis, 5 * meanGapMillis - 4 * 1_025);
            return left > 0 ? between(50, 2_000) : 1 + (long) (-Math.log(1 - r.nextDouble()) * between);
        }
    }

    /** The sum of the weights {@link #scalable} gives its processes. */
    private double scalableWeight() {
        return net.workstations().size() * (4 + 2 + 1 + 0.5) + net.appServers().size() * 2 + 40 + net.plcs().size() * 3;
    }

    private List<Process> scalable(double perWeight) {
        List<Process> out = new ArrayList<>();
        int index = 1_000;
        for (String ws : net.workstations()) {
            out.add(new Bursts(index++, 1 / (4 * perWeight), List.of(ws), net.internetSites(), 443, 20_000,
                    500_000));
            out.add(new Process(index++, 1 / (2 * perWeight)) {
                @Override
                SecurityEvent make(long t, String id) {
                    int pick = random.nextInt(DNS_NAMES.length + 4);
                    String name = pick < DNS_NAMES.length ? DNS_NAMES[pick]
                            : DistrictNetwork.siteName(random.nextInt(net.internetSites().size()));
                    return CollectorShapes.dnsQuery(id, Instant.ofEpochMilli(t), ws, port(), net.resolver(), name,
                            random.nextInt(5) == 0 ? "AAAA" : "A", random.nextInt(65_536));
                }
            });
            out.add(new Bursts(index++, 1 / perWeight, List.of(ws), List.of(net.fileServer()), 445, 50_000,
                    200_000));
            out.add(new Process(index++, 1 / (0.5 * perWeight)) {
                @Override
                SecurityEvent make(long t, String id) {
                    int app = random.nextInt(net.appServers().size());
                    return CollectorShapes.http(id, Instant.ofEpochMilli(t), ws, port(), net.appServers().get(app),
                            DistrictNetwork.appServerName(app) + ".city.example", "/portal/index.html", 200,
                            between(2_000, 40_000));
                }
            });
        }
        for (String app : net.appServers()) {
            out.add(new Bursts(index++, 1 / (2 * perWeight), List.of(app), List.of(net.databaseServer()), 5432,
                    20_000, 80_000));
        }
        out.add(new Bursts(index++, 1 / (40 * perWeight), net.internetClients(), List.of(net.webServer()), 443, 5_000,
                200_000));
        for (String plc : net.modbusPlcs()) {
            out.add(new Process(index++, 1 / (3 * perWeight)) {
                @Override
                SecurityEvent make(long t, String id) {
                    return CollectorShapes.modbus(id, Instant.ofEpochMilli(t), net.scada(), 49_200, plc, 3,
                            "read_holding_registers", false, 40_001 + random.nextInt(8) * 10L, 10);
                }
            });
        }
        for (String plc : net.s7Plcs()) {
            out.add(new Process(index++, 1 / (3 * perWeight)) {
                @Override
                SecurityEvent make(long t, String id) {
                    return CollectorShapes.s7(id, Instant.ofEpochMilli(t), net.scada(), 49_300, plc, false,
                            random.nextInt(16) * 4L);
                }
            });
        }
        return out;
    }
}
