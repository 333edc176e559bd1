package org.fenghuo.crypto.pii.detect;

import java.util.List;

/** The text of each span, for readable assertions. */
final class Spans {

    private Spans() {
    }

    static List<String> texts(PiiDetector detector, String text) {
        return detector.find(text).stream().map(s -> text.substring(s.start(), s.end())).toList();
    }
}
