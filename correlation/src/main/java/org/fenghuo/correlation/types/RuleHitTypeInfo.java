package org.fenghuo.correlation.types;

import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.fenghuo.detection.sigma.correlation.RuleHit;

/** Flink type information for {@link RuleHit}, backed by {@link RuleHitSerializer}. */
public final class RuleHitTypeInfo extends SingletonTypeInfo<RuleHit> {
    private static final long serialVersionUID = 1L;

    public static final RuleHitTypeInfo INSTANCE = new RuleHitTypeInfo();

    private RuleHitTypeInfo() {
        super(RuleHit.class, "RuleHit (event as ECS JSON)");
    }

    @Override
    TypeSerializer<RuleHit> serializer() {
        return RuleHitSerializer.INSTANCE;
    }
}
