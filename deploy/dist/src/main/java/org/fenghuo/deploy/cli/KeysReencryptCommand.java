package org.fenghuo.deploy.cli;

import java.io.PrintWriter;
import java.security.SecureRandom;
import java.time.Duration;
import org.fenghuo.crypto.keys.KeystoreKeyRing;
import org.fenghuo.crypto.rotation.ReencryptionAborted;
import org.fenghuo.crypto.rotation.ReencryptionJob;
import org.fenghuo.crypto.rotation.ReencryptionReport;
import org.fenghuo.crypto.rotation.SealedValueContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "reencrypt", mixinStandardHelpOptions = true,
        description = {"After `fenghuo keys rotate`, re-seal under the current data key every sealed value "
                + "(sm4gcm:v1:...) of an older version in the documents of an index pattern. The context of a value is "
                + "<field path>|<event.id>. A document changed while the job runs is not overwritten but counted as a "
                + "conflict: run the command again. Values that do not open (missing key, wrong context) are left as "
                + "they are and counted by reason (a document stored without _source counts as no_source).",
                "A status line goes to stderr every 10 s, the totals at the end."},
        footer = {"", "Exit codes: 0 done without failures or conflicts, 1 some values failed or documents conflicted, "
                + "2 usage or wrong passphrase, 3 Elasticsearch unreachable or refusing (the counts until then are "
                + "printed first; run again to finish), 4 keystore unreadable."})
final class KeysReencryptCommand extends KeysSubcommand {
    private static final Duration STATUS_INTERVAL = Duration.ofSeconds(10);

    @Option(names = "--es", description = "Elasticsearch URL (default: $FENGHUO_ES_URL or the running `fenghuo run`).")
    String es;

    @Option(names = "--index", defaultValue = "fenghuo-events-*", paramLabel = "PATTERN",
            description = "Index pattern to scan (default: ${DEFAULT-VALUE}).")
    String index;

    @Option(names = "--page-size", defaultValue = "" + ReencryptionJob.DEFAULT_PAGE_SIZE, paramLabel = "N",
            description = "Documents per search page and bulk write (default: ${DEFAULT-VALUE}).")
    int pageSize;

    @Override
    int run() {
        KeystoreKeyRing ring = openKeystore().keyRing();
        String url = Endpoints.elasticsearch(es);
        ReencryptionJob job = new ReencryptionJob(url, ring, SealedValueContext.ECS_EVENT_ID, pageSize,
                Duration.ofSeconds(60), new SecureRandom());
        PrintWriter err = err();
        long[] lastStatus = {System.nanoTime()};
        ReencryptionReport report;
        try {
            report = job.run(index, progress -> {
                if (System.nanoTime() - lastStatus[0] >= STATUS_INTERVAL.toNanos()) {
                    lastStatus[0] = System.nanoTime();
                    err.println("reencrypt: " + progress.summary());
                }
            });
        } catch (ReencryptionAborted e) {
            // what was done before the failure is real (documents rewritten): say so before giving up
            out().println("reencrypt " + index + " to " + target(ring) + " stopped: " + e.partialReport().summary());
            out().flush();
            throw new ServiceUnavailableException(e.getMessage(), e);
        }
        out().println("reencrypt " + index + " to " + target(ring) + ": " + report.summary());
        return report.valuesFailedTotal() == 0 && report.conflicts() == 0 && report.writeFailures() == 0
                ? FenghuoCli.EXIT_OK : FenghuoCli.EXIT_NOTHING;
    }

    private static String target(KeystoreKeyRing ring) {
        return ring.currentDataKey().id() + " v" + ring.currentDataKey().version();
    }
}
