package org.fenghuo.deploy.infra;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/** Formats a KRaft log directory, as {@code kafka-storage.sh format} would, unless it already is. */
final class KraftStorage {

    private KraftStorage() {
    }

    static boolean isFormatted(Path logDir) {
        return Files.isRegularFile(logDir.resolve("meta.properties"));
    }

    /**
     * Formats {@code logDir} with a random cluster id and the newest production metadata version. A directory
     * formatted earlier (a persistent data dir) is left alone, keeping its cluster id and topics.
     *
     * @return true if it was formatted now
     */
    static boolean formatIfNeeded(Path logDir, int nodeId, String controllerListener) {
        if (isFormatted(logDir)) {
            return false;
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try (PrintStream print = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            new Formatter()
                    .setPrintStream(print)
                    .setNodeId(nodeId)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setControllerListenerName(controllerListener)
                    .setMetadataLogDirectory(logDir.toString())
                    .addDirectory(logDir.toString())
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("cannot format Kafka storage in " + logDir + ": " + e.getMessage()
                    + "\nFormatter output:\n" + output.toString(StandardCharsets.UTF_8), e);
        }
        return true;
    }
}
