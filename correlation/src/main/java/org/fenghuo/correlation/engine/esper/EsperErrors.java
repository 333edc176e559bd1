package org.fenghuo.correlation.engine.esper;

import com.espertech.esper.common.client.hook.exception.ExceptionHandler;
import com.espertech.esper.common.client.hook.exception.ExceptionHandlerFactory;
import com.espertech.esper.common.client.hook.exception.ExceptionHandlerFactoryContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Esper catches what a statement, aggregation or listener throws while processing an event and
 * goes on; this makes it an ERROR naming the statement and deployment instead of a silent miss.
 */
public final class EsperErrors implements ExceptionHandlerFactory {
    private static final Logger LOG = LoggerFactory.getLogger(EsperErrors.class);

    @Override
    public ExceptionHandler getHandler(ExceptionHandlerFactoryContext context) {
        return c -> LOG.error("Esper statement {} (deployment {}) failed on an event: {}", c.getStatementName(),
                c.getDeploymentId(), c.getThrowable().toString(), c.getThrowable());
    }
}
