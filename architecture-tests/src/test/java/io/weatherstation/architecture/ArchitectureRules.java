package io.weatherstation.architecture;

import static com.tngtech.archunit.lang.conditions.ArchConditions.onlyHaveDependenciesWhere;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.all;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaPackage;
import com.tngtech.archunit.core.domain.PackageMatchers;
import com.tngtech.archunit.core.domain.properties.HasAnnotations;
import com.tngtech.archunit.lang.AbstractClassesTransformer;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.NullMarked;

/**
 * The architecture rules of Weather Station (ADR 0002), as reusable {@link ArchRule}s.
 *
 * <p>Layers are found by package, the same in every slice: {@code ..domain..} is the domain layer,
 * {@code ..application..} the application layer, {@code ..adapter.in..} and {@code ..adapter.out..}
 * the adapters, {@code io.weatherstation} itself and {@code io.weatherstation.<slice>.config} the
 * bootstrap wiring. {@link #LAYERS_LIVE_IN_THEIR_MAVEN_MODULE} ties each of those package patterns to
 * the Maven module (jar or classes directory) a class is loaded from, so a class cannot dodge a layer
 * rule by sitting in the wrong module.
 *
 * <p>Rules that select nothing in today's code (no adapters or use cases exist yet) allow an empty
 * selection; {@code ArchitectureRulesTest} proves each of them against violating fixtures.
 */
public final class ArchitectureRules {

    static final String BASE = "io.weatherstation";
    static final String DOMAIN = BASE + "..domain..";
    static final String APPLICATION = BASE + "..application..";
    static final String PORTS_IN = BASE + "..application.port.in..";
    static final String ADAPTERS = BASE + "..adapter..";
    static final String ADAPTERS_IN = BASE + "..adapter.in..";
    static final String ADAPTERS_OUT = BASE + "..adapter.out..";
    /** Bootstrap wiring: {@code io.weatherstation.<slice>.config} (and any other {@code config} package). */
    static final String CONFIG = BASE + "..config..";

    /** Annotation-only libraries: null-safety contracts. */
    private static final String JSPECIFY = "org.jspecify.annotations..";
    /** Spring Modulith's annotation API ({@code @ApplicationModule}, {@code @NamedInterface}), not its runtime. */
    private static final String MODULITH_ANNOTATIONS = "org.springframework.modulith";

    /** Technology that belongs in adapters (and their wiring) only. */
    static final String[] INFRASTRUCTURE = {
            "org.springframework.data.redis..", "io.lettuce..",
            "org.springframework.amqp..", "com.rabbitmq..",
            "org.jooq..", "org.postgresql..", "org.flywaydb..",
            "tools.jackson..", "com.fasterxml.jackson..",
            "org.springframework.web..", "jakarta.servlet..",
    };

    private ArchitectureRules() {
    }

    // 1 ------------------------------------------------------------------------------------------

    /**
     * The domain is plain Java: it uses {@code java..}, JSpecify annotations and other domain
     * classes, and Spring Modulith annotations on {@code package-info} only.
     */
    public static final ArchRule DOMAIN_IS_PLAIN_JAVA = classes()
            .that().resideInAPackage(DOMAIN)
            .should(onlyHaveDependenciesWhere(
                    targetIn("java..", JSPECIFY, DOMAIN).or(modulithAnnotationOnPackageInfo())))
            .as("domain classes should depend only on java.., JSpecify, other domain classes "
                    + "and (in package-info) Spring Modulith annotations")
            .because("the domain is framework-free (ADR 0002)");

    // 2 ------------------------------------------------------------------------------------------

    /** Application services and ports are plain Java over the domain: no Spring, Jackson or drivers. */
    public static final ArchRule APPLICATION_IS_PLAIN_JAVA = classes()
            .that().resideInAPackage(APPLICATION)
            .should(onlyHaveDependenciesWhere(
                    targetIn("java..", JSPECIFY, DOMAIN, APPLICATION).or(modulithAnnotationOnPackageInfo())))
            .as("application classes should depend only on java.., JSpecify, domain and application classes "
                    + "and (in package-info) Spring Modulith annotations")
            .because("use cases are wired with @Bean methods in bootstrap, not annotated (ADR 0002)")
            .allowEmptyShould(true);

    // 3 ------------------------------------------------------------------------------------------

    /** Inbound and outbound adapters meet only through the application's ports. */
    public static final ArchRule ADAPTERS_IN_AND_OUT_ARE_INDEPENDENT = CompositeArchRule
            .of(noClasses().that().resideInAPackage(ADAPTERS_IN)
                    .should().dependOnClassesThat().resideInAPackage(ADAPTERS_OUT)
                    .allowEmptyShould(true))
            .and(noClasses().that().resideInAPackage(ADAPTERS_OUT)
                    .should().dependOnClassesThat().resideInAPackage(ADAPTERS_IN)
                    .allowEmptyShould(true))
            .as("inbound and outbound adapters should not depend on each other")
            .because("they meet only through ports (ADR 0002)");

    // 4 ------------------------------------------------------------------------------------------

    /** Redis, AMQP, SQL, JSON and servlet types appear only in adapters and bootstrap wiring. */
    public static final ArchRule INFRASTRUCTURE_ONLY_IN_ADAPTERS_AND_BOOTSTRAP = noClasses()
            .that().resideInAPackage(BASE + "..")
            .and().resideOutsideOfPackages(ADAPTERS, CONFIG, BASE)
            .should().dependOnClassesThat().resideInAnyPackage(INFRASTRUCTURE)
            .as("only adapters and bootstrap wiring should use Redis, RabbitMQ, jOOQ/PostgreSQL, Jackson or the web stack")
            .because("infrastructure types never leave the adapters (ADR 0002)");

    // 5 ------------------------------------------------------------------------------------------

    /** No {@code *Impl}; MapStruct's generated {@code <Mapper>Impl} classes excepted. */
    public static final ArchRule NO_IMPL_SUFFIX = noClasses()
            .that().resideInAPackage(BASE + "..")
            .and(DescribedPredicate.not(generatedByMapStruct()))
            .should().haveSimpleNameEndingWith("Impl")
            .as("no class should be named *Impl (MapStruct-generated mappers excepted)")
            .because("a class is named for what it is: <Verb><Noun>Service, <Tech><Port>Adapter");

    public static final ArchRule ADAPTERS_ARE_PACKAGE_PRIVATE = classes()
            .that().resideInAPackage(ADAPTERS).and().haveSimpleNameEndingWith("Adapter")
            .should().notBePublic()
            .as("adapter classes (*Adapter in ..adapter..) should be package-private")
            .because("only the port they implement is visible; wiring sits next to them")
            .allowEmptyShould(true);

    public static final ArchRule USE_CASES_END_WITH_USE_CASE = classes()
            .that().resideInAPackage(PORTS_IN)
            .and().areInterfaces().and().areNotAnnotations().and().areTopLevelClasses()
            .and().doNotHaveSimpleName("package-info")
            .and(DescribedPredicate.not(sealed()))
            .should().haveSimpleNameEndingWith("UseCase")
            .as("interfaces in ..application.port.in.. should be named *UseCase "
                    + "(sealed result types and nested types excepted)")
            .because("ports in are <Verb><Noun>UseCase (ADR 0002)")
            .allowEmptyShould(true);

    public static final ArchRule USE_CASES_ARE_IMPLEMENTED_BY_SERVICES = classes()
            .that().implement(useCase())
            .and().areNotInterfaces().and().areNotAnonymousClasses()
            .should().haveSimpleNameEndingWith("Service")
            .as("classes implementing a *UseCase should be named *Service")
            .because("<Verb><Noun>UseCase is implemented by <Verb><Noun>Service (ADR 0002)")
            .allowEmptyShould(true);

    /** Rule 5 as one: the naming conventions. */
    public static final ArchRule NAMING = CompositeArchRule.of(NO_IMPL_SUFFIX)
            .and(ADAPTERS_ARE_PACKAGE_PRIVATE)
            .and(USE_CASES_END_WITH_USE_CASE)
            .and(USE_CASES_ARE_IMPLEMENTED_BY_SERVICES);

    // 6 ------------------------------------------------------------------------------------------

    /** The domain never reads the system clock or makes random ids: both are injected. */
    public static final ArchRule DOMAIN_DOES_NOT_READ_CLOCK_OR_MAKE_IDS = noClasses()
            .that().resideInAPackage(DOMAIN)
            .should().callMethod(Instant.class, "now")
            .orShould().callMethod(LocalDateTime.class, "now")
            .orShould().callMethod(LocalDate.class, "now")
            .orShould().callMethod(OffsetDateTime.class, "now")
            .orShould().callMethod(ZonedDateTime.class, "now")
            .orShould().callMethod(Clock.class, "systemUTC")
            .orShould().callMethod(Clock.class, "systemDefaultZone")
            .orShould().callMethod(System.class, "currentTimeMillis")
            .orShould().callMethod(System.class, "nanoTime")
            .orShould().callMethod(UUID.class, "randomUUID")
            .as("domain classes should not read the system clock or call UUID.randomUUID()")
            .because("time (Clock) and id generators are injected, so tests control them");

    // 7 ------------------------------------------------------------------------------------------

    /** Generated code (jOOQ) goes in packages named {@code generated}, e.g. {@code ..adapter.out.postgres.generated}. */
    static final String GENERATED = "..generated..";

    /**
     * Every package with classes has a {@code package-info} annotated {@code @NullMarked}, except
     * packages of generated code, which cannot carry one.
     */
    public static final ArchRule PACKAGES_ARE_NULL_MARKED = all(packagesUnder(BASE))
            .should(haveNullMarkedPackageInfo())
            .as("every package under " + BASE + " should have a package-info annotated @NullMarked")
            .because("nullness is declared once per package (JSpecify), every package");

    // 8 ------------------------------------------------------------------------------------------

    /**
     * Each layer's packages are loaded from that layer's Maven module: {@code ..domain..} from
     * {@code domain}, {@code ..application..} from {@code application}, {@code ..adapter.in..} from
     * {@code adapters-in}, {@code ..adapter.out..} from {@code adapters-out}, the root package and
     * {@code ..config..} wiring from {@code bootstrap}. Maven's module dependencies then enforce the
     * direction of the layers, and the package rules above cannot be sidestepped.
     */
    public static final ArchRule LAYERS_LIVE_IN_THEIR_MAVEN_MODULE = classes()
            .that().resideInAPackage(BASE + "..")
            .should(beLoadedFromTheMavenModuleOfTheirLayer())
            .as("classes should live in the Maven module of their layer")
            .because("Maven enforces the layer direction only for classes in the right module (ADR 0002)");

    // ---------------------------------------------------------------------------------------------

    /** The Maven module whose classes live in {@code packageName}, or empty for packages of no layer. */
    static Optional<String> expectedMavenModule(String packageName) {
        if (PackageMatchers.of(ADAPTERS_IN).test(packageName)) {
            return Optional.of("adapters-in");
        }
        if (PackageMatchers.of(ADAPTERS_OUT).test(packageName)) {
            return Optional.of("adapters-out");
        }
        if (PackageMatchers.of(DOMAIN).test(packageName)) {
            return Optional.of("domain");
        }
        if (PackageMatchers.of(APPLICATION).test(packageName)) {
            return Optional.of("application");
        }
        if (packageName.equals(BASE) || PackageMatchers.of(CONFIG).test(packageName)) {
            return Optional.of("bootstrap");
        }
        return Optional.empty();
    }

    private static DescribedPredicate<Dependency> targetIn(String... packages) {
        PackageMatchers matchers = PackageMatchers.of(packages);
        return DescribedPredicate.describe("target in " + String.join(", ", packages),
                dependency -> matchers.test(dependency.getTargetClass().getBaseComponentType().getPackageName()));
    }

    private static DescribedPredicate<Dependency> modulithAnnotationOnPackageInfo() {
        PackageMatchers modulith = PackageMatchers.of(MODULITH_ANNOTATIONS);
        return DescribedPredicate.describe("a Spring Modulith annotation on package-info",
                dependency -> dependency.getOriginClass().getSimpleName().equals("package-info")
                        && modulith.test(dependency.getTargetClass().getPackageName()));
    }

    private static DescribedPredicate<JavaClass> useCase() {
        PackageMatchers portsIn = PackageMatchers.of(PORTS_IN);
        return DescribedPredicate.describe("a *UseCase port",
                type -> portsIn.test(type.getPackageName()) && type.getSimpleName().endsWith("UseCase"));
    }

    /** MapStruct writes {@code <Mapper>Impl} for an interface or abstract class annotated {@code @Mapper}. */
    private static DescribedPredicate<JavaClass> generatedByMapStruct() {
        String mapper = "org.mapstruct.Mapper";
        return DescribedPredicate.describe("generated by MapStruct",
                type -> type.getRawSuperclass().map(parent -> parent.isAnnotatedWith(mapper)).orElse(false)
                        || type.getRawInterfaces().stream().anyMatch(parent -> parent.isAnnotatedWith(mapper)));
    }

    private static DescribedPredicate<JavaClass> sealed() {
        return DescribedPredicate.describe("sealed", type -> type.reflect().isSealed());
    }

    private static AbstractClassesTransformer<JavaPackage> packagesUnder(String base) {
        return new AbstractClassesTransformer<>("packages under " + base + " that hold hand-written classes") {
            @Override
            public Iterable<JavaPackage> doTransform(JavaClasses classes) {
                Set<JavaPackage> packages = new LinkedHashSet<>();
                for (JavaClass type : classes) {
                    String name = type.getPackageName();
                    boolean under = name.equals(base) || name.startsWith(base + ".");
                    if (under && !PackageMatchers.of(GENERATED).test(name)) {
                        packages.add(type.getPackage());
                    }
                }
                return packages;
            }
        };
    }

    private static ArchCondition<JavaPackage> haveNullMarkedPackageInfo() {
        return new ArchCondition<>("have a package-info annotated @NullMarked") {
            @Override
            public void check(JavaPackage javaPackage, ConditionEvents events) {
                Optional<? extends HasAnnotations<?>> packageInfo = javaPackage.tryGetPackageInfo();
                if (packageInfo.isEmpty()) {
                    events.add(SimpleConditionEvent.violated(javaPackage, "package " + javaPackage.getName()
                            + " has no compiled package-info (add package-info.java with @NullMarked; "
                            + "javac writes none for a package-info without annotations)"));
                } else if (!packageInfo.get().isAnnotatedWith(NullMarked.class)) {
                    events.add(SimpleConditionEvent.violated(javaPackage, "package-info of "
                            + javaPackage.getName() + " is not annotated @NullMarked"));
                }
            }
        };
    }

    private static ArchCondition<JavaClass> beLoadedFromTheMavenModuleOfTheirLayer() {
        return new ArchCondition<>("be loaded from the Maven module of their layer") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                Optional<String> expected = expectedMavenModule(type.getPackageName());
                if (expected.isEmpty()) {
                    return;
                }
                Optional<String> actual = MavenModules.of(type);
                if (!actual.equals(expected)) {
                    events.add(SimpleConditionEvent.violated(type, type.getName() + " belongs in Maven module "
                            + expected.get() + " but is loaded from "
                            + actual.orElse("an unrecognised location " + type.getSource().map(Object::toString).orElse("(unknown)"))));
                }
            }
        };
    }
}
