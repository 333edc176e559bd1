package org.fenghuo.deploy.infra;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How to run one managed Elasticsearch. Null paths mean "choose for me". Build it with
 * {@link #defaults()} (which reads the environment) and the {@code with...} methods.
 *
 * @param version        server version, a {@code org.elasticsearch.distribution.integ-test-zip} release
 * @param heap           JVM heap, {@code -Xms}/{@code -Xmx} syntax such as {@code 512m} or {@code 1g}
 * @param httpPort       HTTP port on 127.0.0.1; 0 picks a free one at the first start and keeps it
 * @param workDir        instance directory (config, data, logs); null = a temporary one deleted on close
 * @param javaHome       JDK for the server; null = the JDK running this JVM
 * @param runAsUser      account to run as when this JVM is root; null = {@code fenghuo} (created if missing)
 * @param projectHome    Fenghuo checkout whose {@code ./mvnw} may fetch the distribution; null = look around
 * @param cacheDir       where distributions are unpacked; null = {@code /var/tmp/fenghuo} as root, else
 *                       {@code ~/.cache/fenghuo}
 * @param startTimeout   how long to wait for a yellow cluster
 * @param extraSettings  further {@code elasticsearch.yml} settings, written after (and overriding) ours
 */
public record ElasticsearchConfig(
        String version,
        String heap,
        int httpPort,
        Path workDir,
        Path javaHome,
        String runAsUser,
        Path projectHome,
        Path cacheDir,
        Duration startTimeout,
        Map<String, String> extraSettings) {

    /** Environment variable naming the account Elasticsearch runs as when we are root. */
    public static final String USER_ENV = "FENGHUO_ES_USER";
    /** Environment variable overriding the heap (e.g. {@code 1g}). System property: {@code fenghuo.es.heap}. */
    public static final String HEAP_ENV = "FENGHUO_ES_HEAP";
    /** Environment variable naming the JDK to run Elasticsearch with. */
    public static final String JAVA_HOME_ENV = "FENGHUO_ES_JAVA_HOME";
    /** Environment variable overriding the cache root. System property: {@code fenghuo.cache.dir}. */
    public static final String CACHE_DIR_ENV = "FENGHUO_CACHE_DIR";
    /** Environment variable naming the Fenghuo checkout. System property: {@code fenghuo.source.dir}. */
    public static final String SOURCE_DIR_ENV = "FENGHUO_SOURCE_DIR";
    public static final String DEFAULT_HEAP = "512m";
    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofMinutes(3);

    private static final Pattern HEAP = Pattern.compile("[1-9][0-9]*[kKmMgG]?");

    public ElasticsearchConfig {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(startTimeout, "startTimeout");
        if (heap == null || !HEAP.matcher(heap).matches()) {
            throw new IllegalArgumentException("Elasticsearch heap: expected a JVM size such as 512m or 1g, got '"
                    + heap + "' (set by " + HEAP_ENV + " / -Dfenghuo.es.heap or withHeap)");
        }
        if (httpPort < 0 || httpPort > 65535) {
            throw new IllegalArgumentException("Elasticsearch httpPort: expected 0 (free) or 1-65535, got " + httpPort);
        }
        if (startTimeout.isNegative() || startTimeout.isZero()) {
            throw new IllegalArgumentException("Elasticsearch startTimeout must be positive, got " + startTimeout);
        }
        extraSettings = Map.copyOf(extraSettings == null ? Map.of() : extraSettings);
    }

    /** Defaults for this machine: version from the parent pom, overrides from the environment. */
    public static ElasticsearchConfig defaults() {
        return fromEnvironment(System.getenv());
    }

    /** Like {@link #defaults()} with an explicit environment, so that tests need not mutate the real one. */
    public static ElasticsearchConfig fromEnvironment(Map<String, String> env) {
        return new ElasticsearchConfig(
                InfraVersions.elasticsearch(),
                setting(env, HEAP_ENV, "fenghuo.es.heap", DEFAULT_HEAP),
                0,
                null,
                pathOrNull(setting(env, JAVA_HOME_ENV, "fenghuo.es.java.home", null)),
                setting(env, USER_ENV, "fenghuo.es.user", null),
                pathOrNull(setting(env, SOURCE_DIR_ENV, "fenghuo.source.dir", null)),
                pathOrNull(setting(env, CACHE_DIR_ENV, "fenghuo.cache.dir", null)),
                DEFAULT_START_TIMEOUT,
                Map.of());
    }

    public ElasticsearchConfig withVersion(String value) {
        return new ElasticsearchConfig(value, heap, httpPort, workDir, javaHome, runAsUser, projectHome, cacheDir,
                startTimeout, extraSettings);
    }

    public ElasticsearchConfig withHeap(String value) {
        return new ElasticsearchConfig(version, value, httpPort, workDir, javaHome, runAsUser, projectHome, cacheDir,
                startTimeout, extraSettings);
    }

    public ElasticsearchConfig withHttpPort(int value) {
        return new ElasticsearchConfig(version, heap, value, workDir, javaHome, runAsUser, projectHome, cacheDir,
                startTimeout, extraSettings);
    }

    public ElasticsearchConfig withWorkDir(Path value) {
        return new ElasticsearchConfig(version, heap, httpPort, value, javaHome, runAsUser, projectHome, cacheDir,
                startTimeout, extraSettings);
    }

    public ElasticsearchConfig withJavaHome(Path value) {
        return new ElasticsearchConfig(version, heap, httpPort, workDir, value, runAsUser, projectHome, cacheDir,
                startTimeout, extraSettings);
    }

    public ElasticsearchConfig withRunAsUser(String value) {
        return new ElasticsearchConfig(version, heap, httpPort, workDir, javaHome, value, projectHome, cacheDir,
                startTimeout, extraSettings);
    }

    public ElasticsearchConfig withProjectHome(Path value) {
        return new ElasticsearchConfig(version, heap, httpPort, workDir, javaHome, runAsUser, value, cacheDir,
                startTimeout, extraSettings);
    }

    public ElasticsearchConfig withCacheDir(Path value) {
        return new ElasticsearchConfig(version, heap, httpPort, workDir, javaHome, runAsUser, projectHome, value,
                startTimeout, extraSettings);
    }

    public ElasticsearchConfig withStartTimeout(Duration value) {
        return new ElasticsearchConfig(version, heap, httpPort, workDir, javaHome, runAsUser, projectHome, cacheDir,
                value, extraSettings);
    }

    /** Adds one {@code elasticsearch.yml} setting, e.g. {@code ("path.repo", "/srv/snapshots")}. */
    public ElasticsearchConfig withSetting(String key, String value) {
        Map<String, String> settings = new LinkedHashMap<>(extraSettings);
        settings.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
        return new ElasticsearchConfig(version, heap, httpPort, workDir, javaHome, runAsUser, projectHome, cacheDir,
                startTimeout, settings);
    }

    /** The JDK that will run the server. */
    Path effectiveJavaHome() {
        return javaHome != null ? javaHome : Path.of(System.getProperty("java.home"));
    }

    private static String setting(Map<String, String> env, String envName, String property, String fallback) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = env.get(envName);
        }
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    private static Path pathOrNull(String value) {
        return value == null ? null : Path.of(value);
    }
}
