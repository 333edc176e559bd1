package org.fenghuo.detection.ioc;

import java.nio.file.Path;
import java.util.function.Supplier;

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

    static IndicatorSource of(String name, Supplier<LoadResult> loader) {
        return new Named(name, loader);
    }

    /** A source made of a name and a loading function. */
    record Named(String name, Supplier<LoadResult> loader) implements IndicatorSource {
        @Override
        public LoadResult load() {
            return loader.get();
        }
    }
}
