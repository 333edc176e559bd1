package org.fenghuo.correlation.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.fenghuo.events.Asset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AssetInventoryTest {
    private static final String YAML = """
            assets:
              - id: scada-01
                name: 水务SCADA主站
                ips: [10.20.0.5]
                hostname: SCADA01.water.city
                criticality: 5
                zone: ot
                owner: 水务集团
                critical_infrastructure: true
                tags: [water, scada]
              - id: water-ot
                name: water OT segment
                ips: [10.20.0.0/16, "fd00:20::/48"]
                criticality: 4
                zone: ot
              - id: city-net
                ips: [10.0.0.0/8]
                criticality: 2
              - id: mail
                hostname: mail.city
                criticality: 3
            """;

    private static final String CSV = """
            # the city's assets
            id,name,ips,hostname,criticality,zone,owner,critical_infrastructure,tags
            scada-01,水务SCADA主站,10.20.0.5,scada01.water.city,5,ot,水务集团,true,water;scada
            water-ot,"water OT, all",10.20.0.0/16;fd00:20::/48,,4,ot,,false,
            city-net,,10.0.0.0/8,,2,,,,
            """;

    @Test
    void yamlLoadsEveryField() {
        AssetInventory inv = AssetInventory.parseYaml(YAML, "assets.yml");

        assertThat(inv.size()).isEqualTo(4);
        Asset scada = inv.assets().get(0);
        assertThat(scada).isEqualTo(new Asset("scada-01", "水务SCADA主站", List.of("10.20.0.5"), "scada01.water.city", 5,
                "ot", "水务集团", true, List.of("water", "scada")));
        assertThat(inv.byHostname("mail.CITY").id()).isEqualTo("mail");
        assertThat(inv.byHostname("scada01.water.city").id()).isEqualTo("scada-01");
        assertThat(inv.byHostname("unknown.city")).isNull();
    }

    @Test
    void csvLoadsTheSameAssetsWithQuotesAndLists() {
        AssetInventory inv = AssetInventory.parseCsv(CSV, "assets.csv");

        assertThat(inv.assets()).extracting(Asset::id).containsExactly("scada-01", "water-ot", "city-net");
        assertThat(inv.assets().get(0).tags()).containsExactly("water", "scada");
        assertThat(inv.assets().get(0).criticalInfrastructure()).isTrue();
        assertThat(inv.assets().get(1).name()).isEqualTo("water OT, all");
        assertThat(inv.assets().get(1).ips()).containsExactly("10.20.0.0/16", "fd00:20::/48");
        assertThat(inv.byIp("10.20.0.5").id()).isEqualTo("scada-01");
    }

    @Test
    void loadPicksTheFormatByExtension(@TempDir Path dir) throws Exception {
        Path yml = Files.writeString(dir.resolve("a.yml"), YAML);
        Path csv = Files.writeString(dir.resolve("a.csv"), CSV);
        assertThat(AssetInventory.load(yml).size()).isEqualTo(4);
        assertThat(AssetInventory.load(csv).size()).isEqualTo(3);
        Path txt = Files.writeString(dir.resolve("a.txt"), CSV);
        assertThatThrownBy(() -> AssetInventory.load(txt)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("expected a .yml, .yaml or .csv extension");
    }

    @Test
    void mostSpecificBlockWins() {
        AssetInventory inv = AssetInventory.parseYaml(YAML, "assets.yml");

        assertThat(inv.byIp("10.20.0.5").id()).isEqualTo("scada-01");       // /32 over /16 over /8
        assertThat(inv.byIp("10.20.0.6").id()).isEqualTo("water-ot");       // /16 over /8
        assertThat(inv.byIp("10.20.255.255").id()).isEqualTo("water-ot");
        assertThat(inv.byIp("10.21.0.1").id()).isEqualTo("city-net");
        assertThat(inv.byIp("11.0.0.1")).isNull();
        assertThat(inv.byIp("::ffff:10.20.0.5").id()).isEqualTo("scada-01"); // IPv4-mapped IPv6
        assertThat(inv.byIp("fd00:20::1").id()).isEqualTo("water-ot");
        assertThat(inv.byIp("fd00:20:0:1::1").id()).isEqualTo("water-ot");
        assertThat(inv.byIp("fd00:21::1")).isNull();
        assertThat(inv.byIp("not-an-ip")).isNull();
        assertThat(inv.byIp(null)).isNull();
    }

    @Test
    void longestMatchAcrossManyLengths() {
        AssetInventory inv = AssetInventory.of(List.of(
                asset("a8", "10.0.0.0/8"), asset("a16", "10.1.0.0/16"), asset("a24", "10.1.2.0/24"),
                asset("a31", "10.1.2.2/31"), asset("a32", "10.1.2.3"), asset("v6-32", "2001:db8::/32"),
                asset("v6-64", "2001:db8:0:1::/64"), asset("v6-128", "2001:db8:0:1::7"), asset("all", "0.0.0.0/0")));

        assertThat(inv.byIp("10.1.2.3").id()).isEqualTo("a32");
        assertThat(inv.byIp("10.1.2.2").id()).isEqualTo("a31");
        assertThat(inv.byIp("10.1.2.4").id()).isEqualTo("a24");
        assertThat(inv.byIp("10.1.3.4").id()).isEqualTo("a16");
        assertThat(inv.byIp("10.2.3.4").id()).isEqualTo("a8");
        assertThat(inv.byIp("192.168.1.1").id()).isEqualTo("all");
        assertThat(inv.byIp("2001:db8:0:1::7").id()).isEqualTo("v6-128");
        assertThat(inv.byIp("2001:db8:0:1::8").id()).isEqualTo("v6-64");
        assertThat(inv.byIp("2001:db8:0:2::8").id()).isEqualTo("v6-32");
        assertThat(inv.byIp("2001:db9::1")).isNull(); // the IPv4 /0 does not cover IPv6
    }

    @Test
    void everyYamlProblemAtOnceWithLineKeyValueAndExpectation() {
        String yaml = """
                assets:
                  - id: a
                    ips: [10.0.0.1, 10.0.0.300]
                    criticality: 7
                  - id: a
                    ips: [10.0.0.5/24]
                    criticality: 3
                    critical_infrastructure: maybe
                  - name: no id
                    ips: [10.0.1.1]
                    criticality: 2
                  - id: c
                    criticality: 2
                  - id: d
                    ips: [10.0.0.1]
                    criticality: 2
                    colour: red
                """;
        assertThatThrownBy(() -> AssetInventory.parseYaml(yaml, "assets.yml"))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).containsExactly(
                        "assets.yml:3: assets[0].ips = 10.0.0.300: expected an IPv4/IPv6 address or CIDR block (e.g. 10.1.2.3, 10.1.0.0/16, fd00::/8)",
                        "assets.yml:4: assets[0].criticality = 7: expected an integer from 1 to 5",
                        "assets.yml:6: assets[1].ips = 10.0.0.5/24: expected a block without host bits (did you mean 10.0.0.0/24?)",
                        "assets.yml:8: assets[1].critical_infrastructure = maybe: expected true or false",
                        "assets.yml:9: assets[2].id: expected a non-empty asset id",
                        "assets.yml:12: assets[3].ips: expected at least one address, or a hostname, so asset c can be found",
                        "assets.yml:17: assets[4].colour: expected one of [critical_infrastructure, criticality, hostname, id, ips, name, owner, tags, zone] (unknown key)"));
    }

    @Test
    void duplicatesAcrossAssetsAreRefused() {
        String yaml = """
                assets:
                  - id: a
                    ips: [10.0.0.1]
                    hostname: h.city
                    criticality: 2
                  - id: a
                    ips: [10.0.0.1]
                    hostname: H.city
                    criticality: 2
                """;
        assertThatThrownBy(() -> AssetInventory.parseYaml(yaml, "assets.yml"))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).containsExactly(
                        "assets.yml:6: id = a: expected a unique asset id (already used above)",
                        "assets.yml:6: ips = 10.0.0.1: expected an address or block listed once (also in asset a)",
                        "assets.yml:6: hostname = h.city: expected a host name listed once (also in asset a)"));
    }

    @Test
    void yamlSyntaxAndShapeErrors() {
        assertThatThrownBy(() -> AssetInventory.parseYaml("assets: [a, {b: 1}\n", "bad.yml"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("bad.yml:").hasMessageContaining("not valid YAML");
        assertThatThrownBy(() -> AssetInventory.parseYaml("assets: 5\n", "shape.yml"))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
                        .containsExactly("shape.yml:1: assets = '5': expected a list of assets"));
        assertThat(AssetInventory.parseYaml("", "empty.yml").size()).isZero();
    }

    @Test
    void everyCsvProblemAtOnceWithLineColumnValueAndExpectation() {
        String csv = """
                id,ips,criticality,critical_infrastructure,colour
                a,10.0.0.1,high,yes,red
                b,10.0.0.999,3,nope,
                "c,10.0.0.3,3
                ,10.0.0.4,3,,,extra
                """;
        assertThatThrownBy(() -> AssetInventory.parseCsv(csv, "assets.csv"))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).containsExactly(
                        "assets.csv:1: header = colour: expected column names from [id, name, ips, hostname, criticality, zone, owner, critical_infrastructure, tags]",
                        "assets.csv:2: column criticality = high: expected an integer from 1 to 5",
                        "assets.csv:3: column ips = 10.0.0.999: expected an IPv4/IPv6 address or CIDR block (e.g. 10.1.2.3, 10.1.0.0/16, fd00::/8)",
                        "assets.csv:3: column critical_infrastructure = nope: expected true or false",
                        "assets.csv:4: line = \"c,10.0.0.3,3: expected closed quotes (a quoted value must end on its line)",
                        "assets.csv:5: row 5 = 6 columns: expected at most 5 (the header's)",
                        "assets.csv:5: column id: expected a non-empty asset id"));
    }

    @Test
    void csvWithoutRequiredColumns() {
        assertThatThrownBy(() -> AssetInventory.parseCsv("name,ips\nx,10.0.0.1\n", "assets.csv"))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).contains(
                        "assets.csv:1: header = name,ips: expected a column named id",
                        "assets.csv:1: header = name,ips: expected a column named criticality"));
    }

    private static Asset asset(String id, String ip) {
        return new Asset(id, id, List.of(ip), null, 3, null, null, false, List.of());
    }
}
