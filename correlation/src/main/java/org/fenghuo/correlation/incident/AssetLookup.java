package org.fenghuo.correlation.incident;

import org.fenghuo.events.Asset;
import org.fenghuo.events.Entities;

/**
 * Finds the asset behind an address or host name: what the risk score asks. The usual one is
 * {@link #combined}: the inventory first, learned assets only for what it does not list.
 */
public interface AssetLookup {
    /** The asset at this address, or null. */
    Asset byIp(String ip);

    /** The asset with this host name, or null. */
    Asset byHostname(String hostname);

    /** Nothing known: every incident scores with the unknown-asset criticality. */
    AssetLookup NONE = new AssetLookup() {
        @Override
        public Asset byIp(String ip) {
            return null;
        }

        @Override
        public Asset byHostname(String hostname) {
            return null;
        }
    };

    /**
     * The inventory, then the learned assets for addresses the inventory does not cover (the
     * inventory always wins, even when a learned value is higher).
     */
    static AssetLookup combined(AssetInventory inventory, AssetLookup learned) {
        return new AssetLookup() {
            @Override
            public Asset byIp(String ip) {
                Asset a = inventory.byIp(ip);
                return a != null || learned == null ? a : learned.byIp(ip);
            }

            @Override
            public Asset byHostname(String hostname) {
                Asset a = inventory.byHostname(hostname);
                return a != null || learned == null ? a : learned.byHostname(hostname);
            }
        };
    }

    /**
     * The most important asset among the entities (every source and destination address and host
     * name), or null when none is known.
     */
    default AssetImpact impact(Entities entities) {
        AssetImpact best = null;
        for (String ip : entities.sourceIps()) {
            best = max(best, byIp(ip));
        }
        for (String ip : entities.destinationIps()) {
            best = max(best, byIp(ip));
        }
        for (String host : entities.hosts()) {
            best = max(best, byHostname(host));
        }
        return best;
    }

    private static AssetImpact max(AssetImpact best, Asset a) {
        return a == null ? best : best == null ? AssetImpact.of(a) : best.max(AssetImpact.of(a));
    }
}
