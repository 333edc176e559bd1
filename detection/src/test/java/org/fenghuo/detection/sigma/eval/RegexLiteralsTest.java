package org.fenghuo.detection.sigma.eval;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Literals the pre-filter may demand of a regex match: never one a match can lack. */
class RegexLiteralsTest {

    @Test
    void requiredLiterals() {
        assertThat(RegexLiterals.required("(?i)(ipfs\\.io/|ipfs\\.io\\s).+\\..+@.+\\.[a-z]+"))
                .containsExactly("ipfs.io/", "ipfs.io");
        assertThat(RegexLiterals.required("^evil[0-9]+\\.exe$")).containsExactly("evil");
        assertThat(RegexLiterals.required("colou?r")).containsExactly("colo");
        assertThat(RegexLiterals.required("abx*yz")).containsExactly("ab");
        assertThat(RegexLiterals.required("ab+cde")).containsExactly("cde");
        assertThat(RegexLiterals.required("(foo)?barbaz")).containsExactly("barbaz");
        assertThat(RegexLiterals.required("a\\/b\\\\c")).containsExactly("a/b\\c");
        assertThat(RegexLiterals.required("(?:cmd|powershell)\\.exe")).containsExactly(".exe");
        assertThat(RegexLiterals.required("x{0,3}yy")).containsExactly("yy");
    }

    @Test
    void unknownMeansNull() {
        assertThat(RegexLiterals.required("foo|[a-z]+")).isNull();
        assertThat(RegexLiterals.required("\\d+\\s\\w")).isNull();
        assertThat(RegexLiterals.required(".*")).isNull();
        assertThat(RegexLiterals.required("(unbalanced")).isNull();
        assertThat(RegexLiterals.required("\\x2fbin\\x2fsh")).as("escapes with arguments").isNull();
        assertThat(RegexLiterals.required("\\p{Greek}abc")).isNull();
        assertThat(RegexLiterals.required("[[:digit:]]zz")).containsExactly("zz");
    }

    @Test
    void everyMatchContainsOneOfTheLiterals() {
        String[][] cases = {{"(?i)(ipfs\\.io/|ipfs\\.io\\s).+\\..+@.+\\.[a-z]+", "IPFS.IO/x.y@z.cn"},
                {"colou?r", "color"}, {"ab+cde", "abbbcde"}, {"(foo)?barbaz", "barbaz"}, {"x{0,3}yy", "yy"}};
        for (String[] c : cases) {
            assertThat(com.google.re2j.Pattern.compile(c[0]).matcher(c[1]).find()).isTrue();
            assertThat(RegexLiterals.required(c[0])).as(c[0])
                    .anySatisfy(l -> assertThat(c[1].toLowerCase()).contains(l.toLowerCase()));
        }
    }
}
