package org.fenghuo.correlation.engine.esper;

import com.espertech.esper.common.client.hook.aggfunc.AggregationFunction;
import com.espertech.esper.common.client.hook.aggfunc.AggregationFunctionFactory;
import com.espertech.esper.common.client.hook.aggfunc.AggregationFunctionFactoryContext;
import com.espertech.esper.common.client.hook.aggfunc.AggregationFunctionForge;
import com.espertech.esper.common.client.hook.aggfunc.AggregationFunctionMode;
import com.espertech.esper.common.client.hook.aggfunc.AggregationFunctionModeManaged;
import com.espertech.esper.common.client.hook.aggfunc.AggregationFunctionValidationContext;
import com.espertech.esper.common.client.hook.forgeinject.InjectionStrategyClassNewInstance;
import com.espertech.esper.common.client.type.EPTypeClass;
import com.espertech.esper.common.client.type.EPTypePremade;
import com.espertech.esper.common.internal.epl.expression.core.ExprValidationException;
import java.util.Arrays;

/**
 * EPL aggregation {@code nearest_rank(value, p)}: the smallest value with at least p % of the
 * values at or below it, as Sigma's {@code value_percentile} and detection's engine define it.
 * Esper's own {@code median} interpolates, which is another number.
 */
public final class NearestRank implements AggregationFunctionForge {
    /** The name statements use. */
    public static final String NAME = "nearest_rank";

    /** The percentile of this use (the second argument, a constant: Esper passes only the value to the aggregator). */
    private int percentile = 50;

    @Override
    public void validate(AggregationFunctionValidationContext context) throws ExprValidationException {
        if (context.getParameterTypes().length != 2 || !context.getIsConstantValue()[1]
                || !(context.getConstantValues()[1] instanceof Number p)) {
            throw new ExprValidationException(NAME + " takes a value and a constant percentile");
        }
        percentile = p.intValue();
    }

    @Override
    public EPTypeClass getValueType() {
        return EPTypePremade.DOUBLEBOXED.getEPType();
    }

    @Override
    public AggregationFunctionMode getAggregationFunctionMode() {
        return new AggregationFunctionModeManaged().setInjectionStrategyAggregationFunctionFactory(
                new InjectionStrategyClassNewInstance(Factory.class.getName()).addConstant("percentile", percentile));
    }

    /** Makes one aggregator per group. */
    public static final class Factory implements AggregationFunctionFactory {
        private int percentile;

        /** Called by Esper's generated code with the constant of the statement. */
        public void setPercentile(int percentile) {
            this.percentile = percentile;
        }

        @Override
        public AggregationFunction newAggregator(AggregationFunctionFactoryContext context) {
            return new Values(percentile);
        }
    }

    /** The values of a window, sorted when asked (the reference recomputes per hit too). */
    static final class Values implements AggregationFunction {
        private double[] values = new double[8];
        private int size;
        private final int percentile;

        Values(int percentile) {
            this.percentile = percentile;
        }

        @Override
        public void enter(Object value) {
            if (value == null) {
                return;
            }
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = ((Number) value).doubleValue();
        }

        @Override
        public void leave(Object value) {
            if (value == null) {
                return;
            }
            double v = ((Number) value).doubleValue();
            for (int i = 0; i < size; i++) {
                if (Double.compare(values[i], v) == 0) {
                    values[i] = values[--size];
                    return;
                }
            }
        }

        @Override
        public Object getValue() {
            if (size == 0) {
                return null;
            }
            double[] sorted = Arrays.copyOf(values, size);
            Arrays.sort(sorted);
            int rank = (int) Math.ceil(percentile / 100.0 * size);
            return sorted[Math.max(0, rank - 1)];
        }

        @Override
        public void clear() {
            size = 0;
        }
    }
}
