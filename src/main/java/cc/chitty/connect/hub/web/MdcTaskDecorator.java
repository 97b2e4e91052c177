package cc.chitty.connect.hub.web;

import java.util.Map;

import org.slf4j.MDC;
import org.springframework.core.task.TaskDecorator;
import org.springframework.core.task.support.ContextPropagatingTaskDecorator;
import org.springframework.stereotype.Component;

/**
 * Carries the logging MDC (the request id) and the current trace span onto the task executor that platform-http
 * hands Camel exchanges to, so a REST call's routes continue the trace its Spring MVC server span started. Spring
 * Boot applies the one TaskDecorator bean to its application task executor.
 */
@Component
class MdcTaskDecorator implements TaskDecorator {

    private final TaskDecorator traceContext = new ContextPropagatingTaskDecorator();

    @Override
    public Runnable decorate(Runnable task) {
        Runnable inTrace = traceContext.decorate(task);
        Map<String, String> context = MDC.getCopyOfContextMap();
        return () -> {
            if (context != null) {
                MDC.setContextMap(context);
            }
            try {
                inTrace.run();
            } finally {
                MDC.clear();
            }
        };
    }
}
