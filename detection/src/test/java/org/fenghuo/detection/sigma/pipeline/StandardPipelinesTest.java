package org.fenghuo.detection.sigma.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.fenghuo.detection.sigma.pipeline.LogSourceMapping.FieldCondition;
import org.junit.jupiter.api.Test;

class StandardPipelinesTest {
    private static final Pipelines STANDARD = Pipelines.standard();
    private static final FieldCondition WINDOWS = new FieldCondition("host.os.type", List.of("windows"));

    private static LogSourceMapping resolve(String category, String product, String service) {
        return STANDARD.resolve(new LogSource(category, product, service));
    }

    @Test
    void theShippedPipelinesLoadWithoutErrors() {
        for (String r : Pipelines.STANDARD_RESOURCES) {
            assertThat(PipelineLoader.loadResource(r).errors()).as(r).isEmpty();
        }
        assertThat(STANDARD.pipelines()).extracting(ProcessingPipeline::name)
                .containsExactly("ecs-network", "ecs-linux", "ecs-windows", "ecs-products");
    }

    @Test
    void firewallRulesReadFirewallParsersTrafficEvents() {
        LogSourceMapping m = resolve("firewall", null, null);

        assertThat(m.ecsNames("dst_port")).containsExactly("destination.port");
        assertThat(m.ecsNames("src_ip")).containsExactly("source.ip");
        assertThat(m.ecsNames("action")).containsExactly("event.action");
        assertThat(m.conditions()).contains(new FieldCondition("event.category", List.of("network")));
        assertThat(m.conditions()).filteredOn(c -> c.field().equals("event.dataset")).singleElement()
                .satisfies(c -> assertThat(c.anyOf()).contains("syslog.fortigate", "syslog.netfilter"));
        assertThat(m.pipelines()).containsExactly("ecs-network");
    }

    @Test
    void dnsProxyAndWebserverNamesMapToEcs() {
        assertThat(resolve("dns", null, null).ecsNames("query")).containsExactly("dns.question.name");
        assertThat(resolve("dns", null, null).conditions())
                .containsExactly(new FieldCondition("event.dataset", List.of("pcap.dns", "zeek.dns")));
        LogSourceMapping proxy = resolve("proxy", null, null);
        assertThat(proxy.ecsNames("c-uri")).containsExactly("url.original");
        assertThat(proxy.ecsNames("cs-host")).containsExactly("url.domain");
        assertThat(proxy.ecsNames("c-useragent")).containsExactly("user_agent.original");
        assertThat(proxy.ecsNames("cs-method")).containsExactly("http.request.method");
        LogSourceMapping web = resolve("webserver", null, null);
        assertThat(web.ecsNames("sc-status")).containsExactly("http.response.status_code");
        assertThat(web.ecsNames("cs-referer")).containsExactly("http.request.referrer");
        assertThat(web.conditions()).singleElement().extracting(FieldCondition::anyOf).asList()
                .contains("syslog.access_combined");
    }

    @Test
    void zeekServicesMapToOurPcapDatasetsOrAreUnsupported() {
        LogSourceMapping conn = resolve(null, "zeek", "conn");
        assertThat(conn.ecsNames("id.resp_p")).containsExactly("destination.port");
        assertThat(conn.ecsNames("id.orig_h")).containsExactly("source.ip");
        assertThat(conn.conditions()).singleElement().extracting(FieldCondition::anyOf).asList()
                .containsExactly("pcap.flow", "netflow.flow", "zeek.conn");
        LogSourceMapping http = resolve(null, "zeek", "http");
        assertThat(http.ecsNames("uri")).containsExactly("url.original");
        assertThat(http.ecsNames("c-uri")).containsExactly("url.original");
        assertThat(http.unsupported()).isNull();
        assertThat(resolve(null, "zeek", "smb_files").unsupported()).contains("no Fenghuo decoder");
        assertThat(resolve(null, "zeek", "x509").unsupported()).isNotNull();
    }

    @Test
    void linuxProcessCreationAndServices() {
        LogSourceMapping proc = resolve("process_creation", "linux", null);
        assertThat(proc.ecsNames("Image")).containsExactly("process.executable");
        assertThat(proc.ecsNames("CommandLine")).containsExactly("process.command_line");
        assertThat(proc.ecsNames("ParentImage")).containsExactly("process.parent.executable");
        assertThat(proc.ecsNames("User")).containsExactly("user.name", "user.effective.name");
        assertThat(proc.conditions()).hasSize(3);
        assertThat(proc.conditions().get(0).field()).as("dispatched on the dataset").isEqualTo("event.dataset");
        assertThat(proc.conditions().get(0).anyOf()).contains("syslog.sudo", "syslog.sshd");
        assertThat(proc.conditions().subList(1, 3)).containsExactly(new FieldCondition("event.category", List.of("process")),
                new FieldCondition("event.type", List.of("start")));
        assertThat(resolve(null, "linux", "sshd").conditions())
                .containsExactly(new FieldCondition("process.name", List.of("sshd", "sshd-session")));
        assertThat(resolve(null, "linux", "auditd").unsupported()).contains("audit");
        assertThat(resolve(null, "Linux", "SSHD").pipelines()).containsExactly("ecs-linux");
    }

    @Test
    void windowsSysmonAndSecurityFields() {
        LogSourceMapping proc = resolve("process_creation", "windows", null);
        assertThat(proc.ecsNames("Image")).containsExactly("process.executable");
        assertThat(proc.ecsNames("ParentImage")).containsExactly("process.parent.executable");
        assertThat(proc.ecsNames("EventID")).containsExactly("winlog.event_id", "event.code");
        assertThat(proc.ecsNames("IntegrityLevel")).containsExactly("winlog.event_data.IntegrityLevel");
        assertThat(proc.ecsNames("OriginalFileName")).containsExactly("process.pe.original_file_name");
        assertThat(proc.ecsNames("winlog.event_data.Foo")).containsExactly("winlog.event_data.Foo");
        assertThat(resolve("image_load", "windows", null).ecsNames("OriginalFileName"))
                .containsExactly("file.pe.original_file_name");
        assertThat(resolve(null, "windows", "security").ecsNames("SubjectUserName")).containsExactly("user.name");
        assertThat(resolve(null, "windows", "system").ecsNames("SubjectUserName"))
                .containsExactly("winlog.event_data.SubjectUserName");
        assertThat(proc.conditions()).containsExactly(WINDOWS,
                new FieldCondition("event.category", List.of("process")), new FieldCondition("event.type", List.of("start")));

        LogSourceMapping access = resolve("process_access", "windows", null);
        assertThat(access.ecsNames("SourceImage")).containsExactly("process.executable");
        assertThat(access.ecsNames("TargetImage")).containsExactly("winlog.event_data.TargetImage");
        assertThat(access.conditions()).contains(new FieldCondition("event.code", List.of("10")));
        assertThat(access.conditions().get(0)).isEqualTo(WINDOWS);

        assertThat(resolve("registry_set", "windows", null).ecsNames("TargetObject")).containsExactly("registry.path");
        assertThat(resolve("dns_query", "windows", null).ecsNames("QueryName")).containsExactly("dns.question.name");
        assertThat(resolve(null, "windows", "security").conditions())
                .containsExactly(WINDOWS, new FieldCondition("winlog.channel", List.of("Security")));
        assertThat(resolve(null, "windows", null).conditions()).as("even a bare product").containsExactly(WINDOWS);
        // Windows names never leak into network or Linux log sources.
        assertThat(resolve("process_creation", "linux", null).ecsNames("IntegrityLevel"))
                .containsExactly("IntegrityLevel");
    }
}
