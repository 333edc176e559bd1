package org.fenghuo.deploy.cli;

import picocli.CommandLine.Command;

@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "The tamper-evident audit trail of the hub's own actions.",
        subcommands = {AuditVerifyCommand.class})
final class AuditCommand {
}
