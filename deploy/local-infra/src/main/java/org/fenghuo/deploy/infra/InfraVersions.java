package org.fenghuo.deploy.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Versions of the servers this module runs, taken from the parent pom at build time. */
public final class InfraVersions {

    private static final Properties VERSIONS = load();

    private InfraVersions() {
    }

    /** The Elasticsearch server version ({@code elasticsearch-server.version} in the parent pom). */
    public static String elasticsearch() {
        return get("elasticsearch.version");
    }

    /** The Kafka version the embedded broker comes from. */
    public static String kafka() {
        return get("kafka.version");
    }

    private static String get(String key) {
        String value = VERSIONS.getProperty(key);
        if (value == null || value.isBlank() || value.startsWith("${")) {
            // An unfiltered file means the classes were built outside Maven: fail loudly rather than
            // try to download "${elasticsearch-server.version}".
            throw new IllegalStateException("versions.properties has no usable '" + key + "' (value: " + value
                    + "); build this module with Maven so that resource filtering fills it in");
        }
        return value.trim();
    }

    private static Properties load() {
        Properties properties = new Properties();
        try (InputStream in = InfraVersions.class.getResourceAsStream("versions.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read versions.properties", e);
        }
        return properties;
    }
}
