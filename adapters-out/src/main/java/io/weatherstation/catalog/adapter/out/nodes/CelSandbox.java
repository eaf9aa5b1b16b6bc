package io.weatherstation.catalog.adapter.out.nodes;

import com.google.protobuf.NullValue;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.common.ast.CelExpr;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelEvaluationListener;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Evaluates user expressions in CEL (Common Expression Language). CEL has no statements, no I/O,
 * no reflection and no way to reach Java classes: an expression sees only the variables bound
 * here ({@code input}, {@code inputs}, {@code config}). It is not Turing-complete, but nested
 * comprehensions can still multiply work, so every evaluation runs under a budget: a cap on
 * evaluation steps and a wall-clock deadline, checked by an evaluation listener that aborts the
 * run. Together with the cap on expression size this bounds time and memory.
 */
final class CelSandbox {

    static final int MAX_EXPRESSION_LENGTH = 10_000;
    static final int DEFAULT_MAX_ITERATIONS = 10_000;
    static final long DEFAULT_MAX_STEPS = 1_000_000;
    static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(2);
    private static final int MAX_CACHED_PROGRAMS = 1_024;

    private final CelCompiler compiler;
    private final CelRuntime runtime;
    private final Map<String, CelRuntime.Program> programs = new ConcurrentHashMap<>();

    CelSandbox(int maxIterations) {
        CelOptions options = CelOptions.current()
                .maxExpressionCodePointSize(MAX_EXPRESSION_LENGTH)
                .comprehensionMaxIterations(maxIterations)
                .enableHeterogeneousNumericComparisons(true)
                .build();
        this.compiler = CelCompilerFactory.standardCelCompilerBuilder()
                .setOptions(options)
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                .addVar("input", SimpleType.DYN)
                .addVar("inputs", MapType.create(SimpleType.STRING, SimpleType.DYN))
                .addVar("config", MapType.create(SimpleType.STRING, SimpleType.DYN))
                .build();
        this.runtime = CelRuntimeFactory.standardCelRuntimeBuilder().setOptions(options).build();
    }

    CelSandbox() {
        this(DEFAULT_MAX_ITERATIONS);
    }

    /** Compiles (cached) and evaluates under the default budget; the result is a JSON-like tree. */
    @Nullable Object evaluate(String expression, @Nullable Object input, Map<String, Object> inputs,
            Map<String, Object> config) throws ExpressionException {
        return evaluate(expression, input, inputs, config, DEFAULT_MAX_STEPS, DEFAULT_TIME_LIMIT);
    }

    /**
     * Compiles (cached) and evaluates, aborting once {@code maxSteps} sub-expressions were evaluated,
     * {@code timeLimit} has passed or the thread was interrupted.
     */
    @Nullable Object evaluate(String expression, @Nullable Object input, Map<String, Object> inputs,
            Map<String, Object> config, long maxSteps, Duration timeLimit) throws ExpressionException {
        CelRuntime.Program program = program(expression);
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("input", toCel(input));
        variables.put("inputs", toCel(inputs));
        variables.put("config", toCel(config));
        Budget budget = new Budget(maxSteps, System.nanoTime() + timeLimit.toNanos());
        try {
            return fromCel(program.trace(variables, budget));
        } catch (BudgetExceeded e) {
            throw new ExpressionException("expression stopped: " + e.getMessage());
        } catch (CelEvaluationException e) {
            if (e.getCause() instanceof BudgetExceeded exceeded) {
                throw new ExpressionException("expression stopped: " + exceeded.getMessage());
            }
            throw new ExpressionException("expression failed: " + e.getMessage());
        }
    }

    /** Counts evaluation steps; checks the clock and interruption every 1,024 steps. */
    private static final class Budget implements CelEvaluationListener {
        private final long maxSteps;
        private final long deadlineNanos;
        private long steps;

        Budget(long maxSteps, long deadlineNanos) {
            this.maxSteps = maxSteps;
            this.deadlineNanos = deadlineNanos;
        }

        @Override
        public void callback(CelExpr expr, Object result) {
            if (++steps > maxSteps) {
                throw new BudgetExceeded("more than " + maxSteps + " evaluation steps");
            }
            if ((steps & 1023) == 0) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new BudgetExceeded("interrupted");
                }
                if (System.nanoTime() - deadlineNanos > 0) {
                    throw new BudgetExceeded("time limit exceeded");
                }
            }
        }
    }

    private static final class BudgetExceeded extends RuntimeException {
        BudgetExceeded(String message) {
            super(message, null, false, false);
        }
    }

    /** Returns a message describing why {@code expression} does not compile, or null when it does. */
    @Nullable String problemWith(String expression) {
        try {
            program(expression);
            return null;
        } catch (ExpressionException e) {
            return e.getMessage();
        }
    }

    private CelRuntime.Program program(String expression) throws ExpressionException {
        CelRuntime.Program cached = programs.get(expression);
        if (cached != null) {
            return cached;
        }
        if (expression.length() > MAX_EXPRESSION_LENGTH) {
            throw new ExpressionException("expression is longer than " + MAX_EXPRESSION_LENGTH + " characters");
        }
        CelValidationResult result = compiler.compile(expression);
        if (result.hasError()) {
            throw new ExpressionException("expression does not compile: " + result.getErrorString());
        }
        try {
            CelAbstractSyntaxTree ast = result.getAst();
            CelRuntime.Program program = runtime.createProgram(ast);
            if (programs.size() >= MAX_CACHED_PROGRAMS) {
                programs.clear();
            }
            programs.put(expression, program);
            return program;
        } catch (CelValidationException | CelEvaluationException e) {
            throw new ExpressionException("expression does not compile: " + e.getMessage());
        }
    }

    private static Object toCel(@Nullable Object value) {
        return switch (value) {
            case null -> NullValue.NULL_VALUE;
            case Integer i -> i.longValue();
            case Short s -> s.longValue();
            case Byte b -> b.longValue();
            case Float f -> f.doubleValue();
            case BigDecimal d -> d.doubleValue();
            case BigInteger i -> i.bitLength() < 64 ? i.longValue() : i.doubleValue();
            case Map<?, ?> map -> {
                Map<String, Object> converted = new LinkedHashMap<>();
                map.forEach((k, v) -> converted.put(String.valueOf(k), toCel(v)));
                yield converted;
            }
            case List<?> list -> {
                List<Object> converted = new ArrayList<>(list.size());
                list.forEach(v -> converted.add(toCel(v)));
                yield converted;
            }
            default -> value;
        };
    }

    private static @Nullable Object fromCel(@Nullable Object value) {
        return switch (value) {
            case null -> null;
            case NullValue ignored -> null;
            case Long l -> l;
            case Double d -> d;
            case Boolean b -> b;
            case String s -> s;
            case Map<?, ?> map -> {
                Map<String, Object> converted = new LinkedHashMap<>();
                map.forEach((k, v) -> converted.put(String.valueOf(k), fromCel(v)));
                yield converted;
            }
            case List<?> list -> {
                List<Object> converted = new ArrayList<>(list.size());
                list.forEach(v -> converted.add(fromCel(v)));
                yield converted;
            }
            default -> value.toString();
        };
    }

    /** An expression that does not compile or fails at evaluation. */
    static final class ExpressionException extends Exception {
        ExpressionException(String message) {
            super(message);
        }
    }
}
