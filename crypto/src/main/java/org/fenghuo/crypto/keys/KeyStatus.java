package org.fenghuo.crypto.keys;

/** The newest version of each purpose is current (used for new work); older ones only open or verify. */
public enum KeyStatus {
    CURRENT, RETIRED
}
