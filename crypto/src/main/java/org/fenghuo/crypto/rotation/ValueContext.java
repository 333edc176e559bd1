package org.fenghuo.crypto.rotation;

import com.fasterxml.jackson.databind.JsonNode;

/** Computes the associated data a sealed value was sealed with; {@link SealedValueContext#ECS_EVENT_ID} is the convention. */
@FunctionalInterface
public interface ValueContext {

    /**
     * @param fieldPath dotted path of the value in the document
     * @param source    the whole stored document
     * @return the context, or null when the document lacks what it needs (counted as a failure)
     */
    String contextOf(String fieldPath, JsonNode source);
}
