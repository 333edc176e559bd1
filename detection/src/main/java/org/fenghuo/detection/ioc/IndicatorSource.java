package org.fenghuo.detection.ioc;

import java.nio.file.Path;

/** A named feed that can be (re)loaded: a STIX bundle, a MISP file or feed manifest, a list. */
public interface IndicatorSource {
    /** The feed's name: the indicators' {@code source}, the alerts' {@code fenghuo.ioc.<name>}. */
    String name();

    /** Reads the feed now; never throws for bad content (the report says what was wrong). */
    LoadResult load();

    static IndicatorSource stix(String name, Path file) {
        return of(name, () -> StixBundleLoader.load(file, name));
    }

    static IndicatorSource misp(String name, Path file) {
        return of(name, () -> MispLoader.load(file, name));
    }

    static IndicatorSource list(String name, Path file) {
        return of(name, () -> IndicatorListLoader.load(file, name));
    }

    static IndicatorSource of(String name, java.util.function.Supplier<LoadResult> loader) {
        return new IndicatorSource() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public LoadResult load() {
                return loader.get();
            }
        };
    }
}
