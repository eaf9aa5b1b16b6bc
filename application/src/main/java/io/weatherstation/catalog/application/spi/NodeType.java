package io.weatherstation.catalog.application.spi;

import io.weatherstation.catalog.domain.ParameterType;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a class as a node type: the Java counterpart of the original engine's
 * {@code @register_node_type} decorator. The registry reads this annotation once, at start-up.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface NodeType {

    /** The registered type name, e.g. {@code price_node}. */
    String value();

    String version() default "1.0.0";

    String category() default "core";

    String description();

    Input[] inputs() default {};

    Output[] outputs() default {};

    Param[] params() default {};

    /** An input handle. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target({})
    @interface Input {
        String name();

        String signalType() default "ANY";

        boolean required() default false;

        /** An aggregate handle accepts many edges and receives a map keyed by source handle. */
        boolean aggregate() default false;

        String description() default "";
    }

    /** An output handle. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target({})
    @interface Output {
        String name();

        String signalType() default "ANY";

        String description() default "";
    }

    /** A configurable parameter. Bounds and defaults are written as text and parsed for the type. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target({})
    @interface Param {
        /** Marks "no default value" (an empty string is a legitimate default for text). */
        String NONE = "\u0000none";

        String name();

        ParameterType type();

        boolean required() default false;

        /**
         * Default value as text, parsed for the type: {@code "50"}, {@code "1m"}, {@code "true"};
         * {@code "{}"} and {@code "[]"} for empty objects and arrays. {@link #NONE}: no default.
         */
        String defaultValue() default NONE;

        /** Inclusive lower bound for numbers; NaN = unbounded. */
        double min() default Double.NaN;

        /** Inclusive upper bound for numbers; NaN = unbounded. */
        double max() default Double.NaN;

        String[] allowedValues() default {};

        String description() default "";

        /** A secret is never written in clear to state, logs or API responses. */
        boolean secret() default false;
    }
}
