package org.fenghuo.crypto.keys;

/**
 * Keystore entry names: {@code <purpose>:<key id>:<version>}, e.g. {@code data:fenghuo:3}. The
 * alias carries the metadata the keystore format has no field for; entries with other names
 * (added by hand with keytool) are left alone.
 */
record EntryAlias(KeyPurpose purpose, String id, int version) {

    static EntryAlias of(KeyPurpose purpose, String id, int version) {
        return new EntryAlias(purpose, id, version);
    }

    /** The alias of a Fenghuo entry, or null for anything else. */
    static EntryAlias parse(String alias) {
        String[] parts = alias.split(":", -1);
        if (parts.length != 3) {
            return null;
        }
        KeyPurpose purpose = KeyPurpose.ofLabel(parts[0]);
        if (purpose == null || parts[1].isEmpty()) {
            return null;
        }
        try {
            int version = Integer.parseInt(parts[2]);
            return version < 1 ? null : new EntryAlias(purpose, parts[1], version);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return purpose.label() + ':' + id + ':' + version;
    }
}
