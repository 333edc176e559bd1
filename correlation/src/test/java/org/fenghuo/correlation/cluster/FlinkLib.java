package org.fenghuo.correlation.cluster;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The session cluster's {@code lib/}, as flink-dist would give it (there is no flink-dist on Maven
 * Central): the jars of the test classpath that the job jar leaves out, i.e. those matching the
 * {@code <artifactSet><excludes>} of the shade execution in {@code correlation/pom.xml}. One list
 * decides both sides, so a class is either in the job jar or on the cluster, never lost between them.
 */
final class FlinkLib {
    private final List<Pattern[]> provided;

    private FlinkLib(List<Pattern[]> provided) {
        this.provided = provided;
    }

    /** Reads the shade excludes ({@code groupId:artifactId}, {@code *} wildcards) from the module's pom. */
    static FlinkLib fromPom(Path pom) throws IOException {
        List<Pattern[]> patterns = new ArrayList<>();
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            NodeList sets = factory.newDocumentBuilder().parse(pom.toFile()).getElementsByTagName("artifactSet");
            for (int i = 0; i < sets.getLength(); i++) {
                NodeList excludes = ((Element) sets.item(i)).getElementsByTagName("exclude");
                for (int j = 0; j < excludes.getLength(); j++) {
                    String[] parts = excludes.item(j).getTextContent().trim().split(":");
                    patterns.add(new Pattern[] {glob(parts[0]), glob(parts[1])});
                }
            }
        } catch (javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException e) {
            throw new IOException("cannot read the shade excludes of " + pom, e);
        }
        if (patterns.isEmpty()) {
            throw new IOException(pom + ": no <artifactSet><excludes> found: which jars does the cluster provide?");
        }
        return new FlinkLib(patterns);
    }

    /**
     * Links every provided jar of {@code classpath} into {@code lib}. A jar is identified by its place in the
     * local Maven repository ({@code <group path>/<artifactId>/<version>/<artifactId>-<version>.jar});
     * classified jars (test jars) never qualify.
     */
    List<Path> populate(String classpath, Path lib) throws IOException {
        Files.createDirectories(lib);
        List<Path> linked = new ArrayList<>();
        for (String entry : classpath.split(Pattern.quote(File.pathSeparator))) {
            Path jar = Path.of(entry).toAbsolutePath();
            if (Files.isRegularFile(jar) && provided(jar)) {
                Path link = lib.resolve(jar.getFileName());
                if (!Files.exists(link)) {
                    Files.createSymbolicLink(link, jar);
                    linked.add(link);
                }
            }
        }
        return linked;
    }

    boolean provided(Path jar) {
        Path versionDir = jar.getParent();
        if (versionDir == null || versionDir.getParent() == null || versionDir.getParent().getParent() == null) {
            return false;
        }
        String version = versionDir.getFileName().toString();
        String artifactId = versionDir.getParent().getFileName().toString();
        if (!jar.getFileName().toString().equals(artifactId + "-" + version + ".jar")) {
            return false;
        }
        Path groupDir = versionDir.getParent().getParent();
        for (Pattern[] pattern : provided) {
            if (pattern[1].matcher(artifactId).matches() && groupMatches(groupDir, pattern[0])) {
                return true;
            }
        }
        return false;
    }

    /** The group is the trailing directories before the artifactId; try each suffix (the repository root is unknown). */
    private static boolean groupMatches(Path groupDir, Pattern group) {
        String dotted = "";
        for (int i = groupDir.getNameCount() - 1; i >= 0; i--) {
            dotted = groupDir.getName(i) + (dotted.isEmpty() ? "" : "." + dotted);
            if (group.matcher(dotted).matches()) {
                return true;
            }
        }
        return false;
    }

    private static Pattern glob(String text) {
        return Pattern.compile(Pattern.quote(text).replace("*", "\\E.*\\Q"));
    }
}
