/**
 * Payload parsers: the body (MSG) of a syslog message in a device's or program's own format, read
 * into ECS fields. {@link org.fenghuo.collectors.syslog.payload.PayloadParser} is the contract;
 * configurable rules (host, app-name, pattern) choose which parsers a message is offered to.
 */
package org.fenghuo.collectors.syslog.payload;
