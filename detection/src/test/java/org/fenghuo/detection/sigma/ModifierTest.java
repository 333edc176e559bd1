package org.fenghuo.detection.sigma;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fenghuo.detection.sigma.SigmaFixtures.load;
import static org.fenghuo.detection.sigma.SigmaFixtures.matches;
import static org.fenghuo.detection.sigma.SigmaFixtures.rule;
import static org.fenghuo.detection.sigma.SigmaFixtures.ruleSet;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.fenghuo.detection.sigma.rule.RejectReason;
import org.junit.jupiter.api.Test;

/** One test per value modifier (appendix "Sigma Modifiers" v2.1), expected values from the spec's text. */
class ModifierTest {

    private static SigmaRuleSet one(String fieldAndMods, String valueYaml) {
        return ruleSet("sel:\n    " + fieldAndMods + ": " + valueYaml + "\ncondition: sel\n");
    }

    private static String cmd(String value) {
        return "{\"CommandLine\":\"" + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"}";
    }

    @Test
    void plainValueIsCaseInsensitiveEqualityWithWildcardsAndEscapes() {
        SigmaRuleSet eq = one("CommandLine", "'whoami /all'");
        assertThat(matches(eq, cmd("WHOAMI /ALL"))).isTrue();
        assertThat(matches(eq, cmd("whoami /all x"))).isFalse();
        SigmaRuleSet wild = one("CommandLine", "'prog?.exe'");
        assertThat(matches(wild, cmd("progA.exe"))).isTrue();
        assertThat(matches(wild, cmd("progAB.exe"))).isFalse();
        SigmaRuleSet star = one("CommandLine", "'antivirus_V*.exe'");
        assertThat(matches(star, cmd("antivirus_V21.2.1.exe"))).isTrue();
        assertThat(matches(star, cmd("antivirus_V21.2.1.dll"))).isFalse();
        SigmaRuleSet escaped = one("CommandLine", "'a\\*b'");
        assertThat(matches(escaped, cmd("a*b"))).isTrue();
        assertThat(matches(escaped, cmd("axxb"))).isFalse();
        SigmaRuleSet backslashThenWildcard = one("CommandLine", "'C:\\\\*'");
        assertThat(matches(backslashThenWildcard, cmd("C:\\Windows"))).isTrue();
        SigmaRuleSet plainBackslash = one("CommandLine", "'C:\\Windows\\cmd.exe'");
        assertThat(matches(plainBackslash, cmd("c:\\windows\\CMD.EXE"))).isTrue();
    }

    @Test
    void containsStartswithEndswith() {
        SigmaRuleSet contains = one("CommandLine|contains", "'mimikatz'");
        assertThat(matches(contains, cmd("run MimiKatz.exe now"))).isTrue();
        assertThat(matches(contains, cmd("run mimi katz"))).isFalse();
        SigmaRuleSet starts = one("CommandLine|startswith", "'adm'");
        assertThat(matches(starts, cmd("Admin"))).isTrue();
        assertThat(matches(starts, cmd("xadm"))).isFalse();
        SigmaRuleSet ends = one("CommandLine|endswith", "'\\cmd.exe'");
        assertThat(matches(ends, cmd("C:\\Windows\\System32\\CMD.exe"))).isTrue();
        assertThat(matches(ends, cmd("cmd.exe.bak"))).isFalse();
    }

    @Test
    void listsAreOrAndAllMakesThemAnd() {
        SigmaRuleSet or = one("CommandLine|contains", "['-enc', 'hidden']");
        assertThat(matches(or, cmd("powershell -enc AAA"))).isTrue();
        assertThat(matches(or, cmd("powershell -nop"))).isFalse();
        SigmaRuleSet and = one("CommandLine|contains|all", "['-enc', 'hidden']");
        assertThat(matches(and, cmd("powershell -w hidden -enc AAA"))).isTrue();
        assertThat(matches(and, cmd("powershell -enc AAA"))).isFalse();
    }

    @Test
    void allWithASingleValueIsRejected() {
        LoadResult r = load(rule("sel:\n    CommandLine|contains|all: 'x'\ncondition: sel\n"));
        assertThat(r.report().rejectedByReason()).containsEntry(RejectReason.BAD_VALUE, 1);
    }

    @Test
    void reWithSubModifiers() {
        SigmaRuleSet re = one("CommandLine|re", "'^evil[0-9]+$'");
        assertThat(matches(re, cmd("evil42"))).isTrue();
        assertThat(matches(re, cmd("EVIL42"))).as("re is case-sensitive by default").isFalse();
        SigmaRuleSet i = one("CommandLine|re|i", "'^evil[0-9]+$'");
        assertThat(matches(i, cmd("EVIL42"))).isTrue();
        SigmaRuleSet m = one("CommandLine|re|m", "'^second$'");
        assertThat(matches(m, cmd("first\nsecond"))).isTrue();
        assertThat(matches(one("CommandLine|re", "'^second$'"), cmd("first\nsecond"))).isFalse();
        SigmaRuleSet s = one("CommandLine|re|s", "'a.b'");
        assertThat(matches(s, cmd("a\nb"))).isTrue();
        assertThat(matches(one("CommandLine|re", "'a.b'"), cmd("a\nb"))).isFalse();
    }

    @Test
    void escapesWithArgumentsAndPosixClassesStillMatchBehindThePreFilter() {
        // the literal pre-filter once demanded "2f" of \x2f and "]z" of [[:digit:]]z, so these never matched
        assertThat(matches(one("CommandLine|re", "'\\x2fbin\\x2fsh'"), cmd("/bin/sh -c id"))).isTrue();
        assertThat(matches(one("CommandLine|re", "'\\101BC'"), cmd("ABC"))).isTrue();
        assertThat(matches(one("CommandLine|re", "'\\pLxyz'"), cmd("Axyz"))).isTrue();
        assertThat(matches(one("CommandLine|re", "'[[:digit:]]z'"), cmd("1z"))).isTrue();
        assertThat(matches(one("CommandLine|re", "'[[:digit:]]z'"), cmd("az"))).isFalse();
    }

    @Test
    void regexTheLinearEngineCannotRunIsRejectedWithReason() {
        LoadResult lookahead = load(rule("sel:\n    CommandLine|re: 'foo(?=bar)'\ncondition: sel\n"));
        assertThat(lookahead.report().rejections()).singleElement().satisfies(r -> {
            assertThat(r.reason()).isEqualTo(RejectReason.UNSUPPORTED_REGEX);
            assertThat(r.detail()).startsWith("regex not supported by the linear-time engine: ");
            assertThat(r.line()).isEqualTo(13);
        });
        LoadResult backref = load(rule("sel:\n    CommandLine|re: '(a)\\1'\ncondition: sel\n"));
        assertThat(backref.report().rejectedByReason()).containsEntry(RejectReason.UNSUPPORTED_REGEX, 1);
    }

    @Test
    void catastrophicRegexCompletesOnLongInput() {
        SigmaRuleSet re = one("CommandLine|re", "'(a+)+$'");
        String value = "a".repeat(50_000) + "b";
        assertThat(matches(re, cmd(value))).isFalse();
        assertThat(matches(re, cmd("aaaa"))).isTrue();
    }

    @Test
    void cidrIpv4AndIpv6() {
        SigmaRuleSet v4 = one("source.ip|cidr", "['10.0.0.0/8', '192.168.1.0/24']");
        assertThat(matches(v4, "{\"source\":{\"ip\":\"10.200.3.4\"}}")).isTrue();
        assertThat(matches(v4, "{\"source\":{\"ip\":\"192.168.1.77\"}}")).isTrue();
        assertThat(matches(v4, "{\"source\":{\"ip\":\"192.168.2.1\"}}")).isFalse();
        assertThat(matches(v4, "{\"source\":{\"ip\":\"11.0.0.1\"}}")).isFalse();
        SigmaRuleSet v6 = one("source.ip|cidr", "'fe80::/10'");
        assertThat(matches(v6, "{\"source\":{\"ip\":\"fe80::1\"}}")).isTrue();
        assertThat(matches(v6, "{\"source\":{\"ip\":\"2001:db8::1\"}}")).isFalse();
        assertThat(matches(v6, "{\"source\":{\"ip\":\"10.0.0.1\"}}")).isFalse();
        LoadResult bad = load(rule("sel:\n    source.ip|cidr: '10.0.0.0/33'\ncondition: sel\n"));
        assertThat(bad.report().rejectedByReason()).containsEntry(RejectReason.BAD_VALUE, 1);
    }

    @Test
    void base64EncodesTheValue() {
        String encoded = Base64.getEncoder().encodeToString("http://evil".getBytes(StandardCharsets.UTF_8));
        SigmaRuleSet b64 = one("CommandLine|base64|contains", "'http://evil'");
        assertThat(matches(b64, cmd("powershell -e " + encoded))).isTrue();
        assertThat(matches(b64, cmd("powershell -e http://evil"))).isFalse();
    }

    @Test
    void base64offsetFindsTheValueAtAnyByteOffset() {
        SigmaRuleSet set = one("CommandLine|base64offset|contains", "'/bin/bash'");
        for (String prefix : List.of("", "x", "xy", "xyz")) {
            String enc = Base64.getEncoder().encodeToString((prefix + "/bin/bash -i").getBytes(StandardCharsets.UTF_8));
            assertThat(matches(set, cmd("echo " + enc + " | base64 -d"))).as("offset " + prefix.length()).isTrue();
        }
        String other = Base64.getEncoder().encodeToString("/bin/zsh -i".getBytes(StandardCharsets.UTF_8));
        assertThat(matches(set, cmd(other))).isFalse();
    }

    @Test
    void utf16VariantsAndWideThenBase64() {
        // the spec's example: cmd > 63 00 6d 00 64 00 (LE), 00 63 00 6d 00 64 (BE)
        String le = Base64.getEncoder().encodeToString("cmd".getBytes(StandardCharsets.UTF_16LE));
        String be = Base64.getEncoder().encodeToString("cmd".getBytes(StandardCharsets.UTF_16BE));
        assertThat(matches(one("CommandLine|utf16le|base64", "'cmd'"), cmd(le))).isTrue();
        assertThat(matches(one("CommandLine|wide|base64", "'cmd'"), cmd(le))).isTrue();
        assertThat(matches(one("CommandLine|utf16be|base64", "'cmd'"), cmd(be))).isTrue();
        assertThat(matches(one("CommandLine|utf16be|base64", "'cmd'"), cmd(le))).isFalse();
        String bom = Base64.getEncoder().encodeToString(new byte[] {(byte) 0xFF, (byte) 0xFE, 0x63, 0, 0x6d, 0, 0x64, 0});
        assertThat(matches(one("CommandLine|utf16|base64", "'cmd'"), cmd(bom))).isTrue();
        String ps = Base64.getEncoder().encodeToString("IEX (New-Object Net.WebClient)".getBytes(StandardCharsets.UTF_16LE));
        assertThat(matches(one("CommandLine|wide|base64offset|contains", "'Net.WebClient'"), cmd("powershell -enc " + ps))).isTrue();
    }

    @Test
    void windashAcceptsEveryDash() {
        SigmaRuleSet set = one("CommandLine|windash|contains", "' -exec bypass'");
        for (String dash : List.of("-", "/", "\u2013", "\u2014", "\u2015")) {
            assertThat(matches(set, cmd("powershell " + dash + "exec bypass"))).as(dash).isTrue();
        }
        assertThat(matches(set, cmd("powershell +exec bypass"))).isFalse();
    }

    @Test
    void existsAndNull() {
        SigmaRuleSet exists = one("user.name|exists", "true");
        assertThat(matches(exists, "{\"user\":{\"name\":\"\"}}")).as("empty counts as present").isTrue();
        assertThat(matches(exists, "{\"message\":\"x\"}")).isFalse();
        SigmaRuleSet missing = one("user.name|exists", "false");
        assertThat(matches(missing, "{\"message\":\"x\"}")).isTrue();
        assertThat(matches(missing, "{\"user\":{\"name\":\"root\"}}")).isFalse();
        SigmaRuleSet nul = one("PasswordLastSet", "null");
        assertThat(matches(nul, "{\"message\":\"x\"}")).isTrue();
        assertThat(matches(nul, "{\"PasswordLastSet\":\"2020\"}")).isFalse();
        SigmaRuleSet empty = one("PasswordLastSet", "''");
        assertThat(matches(empty, "{\"PasswordLastSet\":\"\"}")).isTrue();
        assertThat(matches(empty, "{\"PasswordLastSet\":\"2020\"}")).isFalse();
    }

    @Test
    void expandReplacesConfiguredPlaceholdersAndRejectsUnknownOnes() {
        String yaml = rule("sel:\n    host.name|expand: '%Servers%'\ncondition: sel\n");
        SigmaRuleSet set = load(yaml, Map.of("Servers", List.of("srv*", "dc01"))).ruleSet();
        assertThat(matches(set, "{\"host\":{\"name\":\"SRV-web\"}}")).isTrue();
        assertThat(matches(set, "{\"host\":{\"name\":\"dc01\"}}")).isTrue();
        assertThat(matches(set, "{\"host\":{\"name\":\"laptop7\"}}")).isFalse();
        LoadResult unknown = load(yaml, Map.of());
        assertThat(unknown.report().rejections()).singleElement().satisfies(r -> {
            assertThat(r.reason()).isEqualTo(RejectReason.UNKNOWN_PLACEHOLDER);
            assertThat(r.detail()).contains("%Servers%");
        });
        SigmaRuleSet literal = one("host.name", "'%Servers%'");
        assertThat(matches(literal, "{\"host\":{\"name\":\"%servers%\"}}")).as("without |expand it is a literal").isTrue();
    }

    @Test
    void fieldrefComparesTwoFields() {
        SigmaRuleSet set = one("source.ip|fieldref", "destination.ip");
        assertThat(matches(set, "{\"source\":{\"ip\":\"10.0.0.1\"},\"destination\":{\"ip\":\"10.0.0.1\"}}")).isTrue();
        assertThat(matches(set, "{\"source\":{\"ip\":\"10.0.0.1\"},\"destination\":{\"ip\":\"10.0.0.2\"}}")).isFalse();
        assertThat(matches(set, "{\"source\":{\"ip\":\"10.0.0.1\"}}")).isFalse();
    }

    @Test
    void numericComparisons() {
        String ev = "{\"destination\":{\"port\":%d}}";
        assertThat(matches(one("destination.port|lt", "1024"), ev.formatted(80))).isTrue();
        assertThat(matches(one("destination.port|lt", "1024"), ev.formatted(1024))).isFalse();
        assertThat(matches(one("destination.port|lte", "1024"), ev.formatted(1024))).isTrue();
        assertThat(matches(one("destination.port|gt", "1024"), ev.formatted(1025))).isTrue();
        assertThat(matches(one("destination.port|gt", "1024"), ev.formatted(1024))).isFalse();
        assertThat(matches(one("destination.port|gte", "1024"), ev.formatted(1024))).isTrue();
        assertThat(matches(one("Size|gt", "10"), "{\"Size\":\"11\"}")).as("numeric text compares as a number").isTrue();
        assertThat(matches(one("Size|gt", "10"), "{\"Size\":\"abc\"}")).isFalse();
        LoadResult bad = load(rule("sel:\n    Size|gt: 'ten'\ncondition: sel\n"));
        assertThat(bad.report().rejectedByReason()).containsEntry(RejectReason.BAD_VALUE, 1);
    }

    @Test
    void numbersMatchNumericallyOrAsText() {
        SigmaRuleSet set = one("EventID", "4688");
        assertThat(matches(set, "{\"EventID\":4688}")).isTrue();
        assertThat(matches(set, "{\"EventID\":\"4688\"}")).isTrue();
        assertThat(matches(set, "{\"EventID\":46880}")).isFalse();
        SigmaRuleSet hex = one("TicketOptions", "0x40810000");
        assertThat(matches(hex, "{\"TicketOptions\":\"0x40810000\"}")).as("hex stays text").isTrue();
    }

    @Test
    void casedMakesMatchingCaseSensitive() {
        SigmaRuleSet set = one("CommandLine|cased|contains", "'Invoke-Mimikatz'");
        assertThat(matches(set, cmd("x Invoke-Mimikatz y"))).isTrue();
        assertThat(matches(set, cmd("x invoke-mimikatz y"))).isFalse();
    }

    @Test
    void neqIsThePresentFieldDifferingFromEveryValue() {
        SigmaRuleSet set = one("user.name|neq", "['root', 'admin']");
        assertThat(matches(set, "{\"user\":{\"name\":\"alice\"}}")).isTrue();
        assertThat(matches(set, "{\"user\":{\"name\":\"ROOT\"}}")).isFalse();
        assertThat(matches(set, "{\"message\":\"x\"}")).isFalse();
    }

    @Test
    void unknownModifierIsRejectedByName() {
        LoadResult r = load(rule("sel:\n    CommandLine|containz: 'x'\ncondition: sel\n"));
        assertThat(r.report().rejections()).singleElement().satisfies(x -> {
            assertThat(x.reason()).isEqualTo(RejectReason.UNKNOWN_MODIFIER);
            assertThat(x.detail()).contains("containz");
            assertThat(x.file()).isEqualTo("test.yml");
            assertThat(x.line()).isEqualTo(13);
        });
    }

    @Test
    void incompatibleModifiersAreRejected() {
        LoadResult r = load(rule("sel:\n    CommandLine|re|contains: 'x'\ncondition: sel\n"));
        assertThat(r.report().rejectedByReason()).containsEntry(RejectReason.UNSUPPORTED_MODIFIER, 1);
        LoadResult time = load(rule("sel:\n    '@timestamp|hour': 3\ncondition: sel\n"));
        assertThat(time.report().rejectedByReason()).containsEntry(RejectReason.UNSUPPORTED_MODIFIER, 1);
    }
}
