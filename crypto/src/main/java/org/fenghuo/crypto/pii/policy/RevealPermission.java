package org.fenghuo.crypto.pii.policy;

import java.util.Set;
import org.fenghuo.crypto.pii.RevealCaller;

/**
 * Who may reveal sealed personal data: callers whose principal is listed or who hold one of the
 * listed roles. Empty sets permit nobody, which is the default.
 */
public record RevealPermission(Set<String> principals, Set<String> roles) {

    public static final RevealPermission NOBODY = new RevealPermission(Set.of(), Set.of());

    public RevealPermission {
        principals = Set.copyOf(principals);
        roles = Set.copyOf(roles);
    }

    public boolean permits(RevealCaller caller) {
        if (caller == null) {
            return false;
        }
        if (principals.contains(caller.principal())) {
            return true;
        }
        for (String role : caller.roles()) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }
}
