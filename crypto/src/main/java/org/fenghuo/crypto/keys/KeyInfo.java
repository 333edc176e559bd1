package org.fenghuo.crypto.keys;

import java.time.Instant;

/**
 * What {@code fenghuo keys list} shows of one key version: never its material.
 *
 * @param wrappedBy for a data key the KEK version that wraps it, else 0
 */
public record KeyInfo(KeyPurpose purpose, String id, int version, Instant created, KeyStatus status, int wrappedBy) {
}
