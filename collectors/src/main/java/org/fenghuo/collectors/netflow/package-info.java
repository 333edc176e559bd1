/**
 * NetFlow v5, v9 (RFC 3954) and IPFIX (RFC 7011) collection: {@link
 * org.fenghuo.collectors.netflow.NetflowUdpListener} receives export datagrams, {@link
 * org.fenghuo.collectors.netflow.NetflowDecoder} keeps templates, sequence numbers and held data
 * per exporter domain and turns every data record into an ECS flow event; {@link
 * org.fenghuo.collectors.netflow.NetflowPcapReader} feeds it from captures. Bad input is counted by
 * {@link org.fenghuo.collectors.netflow.NetflowErrorKind} and dead-lettered, never thrown.
 */
package org.fenghuo.collectors.netflow;
