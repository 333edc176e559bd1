package org.fenghuo.deploy.cli;

import picocli.CommandLine.Command;

/** Its subcommands are in {@link FenghuoCli#SUBCOMMANDS}. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "The tamper-evident audit trail of the hub's own actions.")
final class AuditCommand {
}
