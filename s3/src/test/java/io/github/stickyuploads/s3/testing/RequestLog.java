package io.github.stickyuploads.s3.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/** Records the S3 operations a client sends (one entry per call, not per retry), and can make chosen ones fail. */
public final class RequestLog implements ExecutionInterceptor {

    private final List<String> operations = new CopyOnWriteArrayList<>();
    private volatile Predicate<SdkRequest> failing = request -> false;

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        operations.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
        if (failing.test(context.request())) {
            throw new IllegalStateException("S3 failed on purpose (test)");
        }
    }

    /** Makes the requests that match fail before they are sent. */
    public void failWhen(Predicate<SdkRequest> requests) {
        this.failing = requests;
    }

    /** @return the operations since the last {@link #clear()}, e.g. "PutObject" */
    public List<String> operations() {
        return List.copyOf(operations);
    }

    /** @return how many calls of the operation were made */
    public long count(String operation) {
        return operations.stream().filter(operation::equals).count();
    }

    public void clear() {
        operations.clear();
    }
}
