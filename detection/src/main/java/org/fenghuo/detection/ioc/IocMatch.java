package org.fenghuo.detection.ioc;

/**
 * One indicator met in one event field.
 *
 * @param indicator the indicator (its {@code source} names the feed)
 * @param field     the ECS field that held the value ({@code destination.ip}, {@code dns.question.name})
 * @param value     the value as the event had it
 */
public record IocMatch(Indicator indicator, String field, String value) {
}
