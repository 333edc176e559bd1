package org.fenghuo.crypto.pii;

/** Sees one text value of a field and says what replaces it. */
@FunctionalInterface
interface ValueVisitor {

    /**
     * @param field the concrete dotted field ({@code user.email} under a rule for {@code user})
     * @return the same instance to leave the value alone, another string to replace it, null to remove it
     */
    String visit(String field, String value);
}
