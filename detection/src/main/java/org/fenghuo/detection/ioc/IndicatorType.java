package org.fenghuo.detection.ioc;

/** What an indicator's value is; decides which part of the {@link IndicatorIndex} holds it. */
public enum IndicatorType {
    IPV4, IPV6,
    /** An IPv4 or IPv6 network, {@code 198.51.100.0/24}; matched by longest prefix. */
    CIDR,
    /** A domain name; also matches its sub-domains. */
    DOMAIN,
    URL,
    MD5, SHA1, SHA256, SHA512;

    /** True for file hashes (their alerts are malicious-program incidents). */
    public boolean isHash() {
        return this == MD5 || this == SHA1 || this == SHA256 || this == SHA512;
    }
}
