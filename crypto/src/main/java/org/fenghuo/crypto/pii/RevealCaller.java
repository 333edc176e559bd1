package org.fenghuo.crypto.pii;

import java.util.Objects;
import java.util.Set;

/** Who asks to reveal: an authenticated principal (the console's user) and the roles it holds. */
public record RevealCaller(String principal, Set<String> roles) {

    public RevealCaller {
        Objects.requireNonNull(principal, "principal");
        roles = Set.copyOf(roles);
    }
}
