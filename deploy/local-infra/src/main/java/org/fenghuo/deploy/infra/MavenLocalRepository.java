package org.fenghuo.deploy.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the local Maven repository the way a user would expect for the simple cases: an explicit
 * {@code maven.repo.local}, then {@code <localRepository>} in the user's settings.xml, then
 * {@code ~/.m2/repository}. Profiles, mirrors and includes of settings.xml are deliberately not interpreted.
 */
final class MavenLocalRepository {

    private static final Pattern REPO_LOCAL_ARG = Pattern.compile("-Dmaven\\.repo\\.local=(\"[^\"]+\"|\\S+)");
    private static final Pattern SETTINGS_ELEMENT = Pattern.compile(
            "<localRepository>\\s*([^<]+?)\\s*</localRepository>");

    private MavenLocalRepository() {
    }

    static Path locate(Path projectHome) {
        return locate(System.getenv(), projectHome);
    }

    static Path locate(Map<String, String> env, Path projectHome) {
        Path home = Path.of(System.getProperty("user.home"));
        for (String property : List.of("maven.repo.local", "localRepository")) {
            String value = System.getProperty(property);
            if (value != null && !value.isBlank()) {
                return Path.of(value.trim());
            }
        }
        for (String text : argumentSources(env, projectHome)) {
            Optional<Path> fromArgs = fromArguments(text);
            if (fromArgs.isPresent()) {
                return fromArgs.get();
            }
        }
        return fromSettings(home.resolve(".m2/settings.xml"), home)
                .orElse(home.resolve(".m2/repository"));
    }

    /** Path of an artifact in a repository laid out the Maven 2 way. */
    static Path artifact(Path repository, String groupId, String artifactId, String version, String type) {
        return repository.resolve(groupId.replace('.', '/')).resolve(artifactId).resolve(version)
                .resolve(artifactId + "-" + version + "." + type);
    }

    /** A {@code -Dmaven.repo.local=...} in a command line such as MAVEN_OPTS or .mvn/maven.config. */
    static Optional<Path> fromArguments(String text) {
        Matcher m = REPO_LOCAL_ARG.matcher(text);
        return m.find() ? Optional.of(Path.of(m.group(1).replace("\"", ""))) : Optional.empty();
    }

    static Optional<Path> fromSettings(Path settingsXml, Path userHome) {
        if (!Files.isReadable(settingsXml)) {
            return Optional.empty();
        }
        try {
            String xml = Files.readString(settingsXml).replaceAll("(?s)<!--.*?-->", "");
            Matcher m = SETTINGS_ELEMENT.matcher(xml);
            if (!m.find()) {
                return Optional.empty();
            }
            String value = m.group(1)
                    .replace("${user.home}", userHome.toString())
                    .replace("${env.HOME}", userHome.toString());
            return value.contains("${") ? Optional.empty() : Optional.of(Path.of(value));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static List<String> argumentSources(Map<String, String> env, Path projectHome) {
        List<String> sources = new ArrayList<>();
        for (String name : List.of("MAVEN_ARGS", "MAVEN_OPTS")) {
            String value = env.get(name);
            if (value != null) {
                sources.add(value);
            }
        }
        if (projectHome != null) {
            try {
                Path config = projectHome.resolve(".mvn/maven.config");
                if (Files.isReadable(config)) {
                    sources.add(Files.readString(config));
                }
            } catch (IOException e) {
                // An unreadable maven.config is Maven's problem to report, not ours.
            }
        }
        return sources;
    }
}
