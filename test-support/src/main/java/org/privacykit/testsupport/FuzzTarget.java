package org.privacykit.testsupport;

import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

/**
 * Runs one Jazzer {@code @FuzzTest} in fuzzing mode for a bounded time, in a JVM of its own (Jazzer
 * fuzzes one test per JVM): {@code JAZZER_FUZZ=1 java -cp <test class path> org.privacykit.testsupport.FuzzTarget
 * com.example.FooFuzzTest#method 25}. {@code .ci/fuzz} starts it once per target, so that no Maven
 * build runs between targets. Exits with 0 when the target ran and found nothing.
 */
public final class FuzzTarget {

    private FuzzTarget() {
    }

    /**
     * Fuzzes a target.
     *
     * @param args the target as {@code Class#method}, then the seconds to fuzz it
     */
    public static void main(String[] args) throws ClassNotFoundException {
        if (args.length != 2 || args[0].indexOf('#') < 0) {
            throw new IllegalArgumentException("usage: FuzzTarget <Class#method> <seconds>");
        }
        String className = args[0].substring(0, args[0].indexOf('#'));
        String methodName = args[0].substring(args[0].indexOf('#') + 1);
        Class<?> testClass = Class.forName(className);
        // a fuzz test takes parameters, so the selector needs the method itself, not its name
        List<Method> methods = Arrays.stream(testClass.getDeclaredMethods())
                .filter(m -> m.getName().equals(methodName)).toList();
        if (methods.size() != 1) {
            throw new IllegalArgumentException(args[0] + ": expected one method of that name, found " + methods.size());
        }
        int seconds = Integer.parseInt(args[1]);
        // libFuzzer's flags reach Jazzer as the configuration parameters jazzer.internal.arg.N
        // (arg.0 stands for argv[0]); they come after the @FuzzTest's own, so they win over its maxDuration
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectMethod(testClass, methods.get(0)))
                .configurationParameter("jazzer.internal.arg.0", "fuzz")
                .configurationParameter("jazzer.internal.arg.1", "-max_total_time=" + seconds)
                .build();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(request, listener);
        TestExecutionSummary summary = listener.getSummary();
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        summary.printTo(out);
        summary.printFailuresTo(out, 40);
        boolean ok = summary.getTotalFailureCount() == 0 && summary.getTestsSucceededCount() > 0;
        System.exit(ok ? 0 : 1);
    }
}
