package org.fenghuo.deploy.infra;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the Elasticsearch distribution zip "through Maven": the file the build handed us, else the local
 * repository, else Maven is run to download it from Central into that repository.
 */
final class EsDistributionResolver {

    static final String GROUP_ID = "org.elasticsearch.distribution.integ-test-zip";
    static final String ARTIFACT_ID = "elasticsearch";
    /** Set by this module's surefire configuration to the zip the build resolved. */
    static final String ZIP_PROPERTY = "fenghuo.es.distribution";

    private static final Logger LOG = LoggerFactory.getLogger(EsDistributionResolver.class);
    private static final String DEPENDENCY_PLUGIN = "org.apache.maven.plugins:maven-dependency-plugin:3.9.0";
    private static final long FETCH_TIMEOUT_MINUTES = 20;

    private final String version;
    private final Path projectHome;

    EsDistributionResolver(String version, Path projectHome) {
        this.version = version;
        this.projectHome = projectHome != null ? projectHome : ProjectHome.discover();
    }

    Path resolve() {
        String handed = System.getProperty(ZIP_PROPERTY);
        if (handed != null && !handed.isBlank() && handed.endsWith(version + ".zip")
                && Files.isRegularFile(Path.of(handed))) {
            return Path.of(handed);
        }
        Path repository = MavenLocalRepository.locate(projectHome);
        Path zip = MavenLocalRepository.artifact(repository, GROUP_ID, ARTIFACT_ID, version, "zip");
        if (Files.isRegularFile(zip)) {
            return zip;
        }
        fetch(repository, zip);
        return zip;
    }

    String coordinates() {
        return GROUP_ID + ":" + ARTIFACT_ID + ":" + version + ":zip";
    }

    private void fetch(Path repository, Path expected) {
        List<String> command = mavenCommand(repository);
        LOG.info("Elasticsearch {} is not in {}; downloading it: {}", version, repository, String.join(" ", command));
        Path output = null;
        try {
            output = Files.createTempFile("fenghuo-es-fetch", ".log");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            if (projectHome != null) {
                builder.directory(projectHome.toFile());
            }
            Process process = builder.start();
            if (!process.waitFor(FETCH_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw failure(command, "it did not finish within " + FETCH_TIMEOUT_MINUTES + " minutes", output);
            }
            if (process.exitValue() != 0 || !Files.isRegularFile(expected)) {
                throw failure(command, "exit code " + process.exitValue() + ", expected file " + expected, output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run Maven to download the Elasticsearch distribution ("
                    + String.join(" ", command) + "): " + e.getMessage() + ". Install Maven, set "
                    + ElasticsearchConfig.SOURCE_DIR_ENV + " to a Fenghuo checkout (for ./mvnw), or run by hand: "
                    + "mvn dependency:get -Dartifact=" + coordinates(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while downloading " + coordinates(), e);
        } finally {
            if (output != null) {
                output.toFile().delete();
            }
        }
    }

    private List<String> mavenCommand(Path repository) {
        List<String> command = new ArrayList<>();
        Path wrapper = projectHome == null ? null : projectHome.resolve("mvnw");
        command.add(wrapper != null && Files.isExecutable(wrapper) ? wrapper.toString() : "mvn");
        command.add("-B");
        command.add("-q");
        // Pinned so that the goal behaves the same whatever Maven's default plugin versions are.
        command.add(DEPENDENCY_PLUGIN + ":get");
        command.add("-Dartifact=" + coordinates());
        command.add("-Dtransitive=false");
        command.add("-Dmaven.repo.local=" + repository);
        return command;
    }

    private IllegalStateException failure(List<String> command, String why, Path output) {
        return new IllegalStateException("Maven could not download the Elasticsearch distribution " + coordinates()
                + " (" + why + ").\nCommand: " + String.join(" ", command)
                + "\nCheck that Maven Central is reachable, or put the zip in the local repository by hand."
                + "\nLast Maven output:\n" + LogTail.lastLines(output, 30));
    }
}
