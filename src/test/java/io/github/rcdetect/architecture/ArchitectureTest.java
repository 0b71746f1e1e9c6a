package io.github.rcdetect.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import io.github.rcdetect.rules.registry.Rules;

import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The layering of docs/architecture.md, held by the build: the Run Command domain at the bottom, with the model;
 * parsing, rendering and I/O above them; the rules above the domain; the alert stage above the rules; the pipeline,
 * the options and the run modes on top. No package depends on another in a cycle.
 */
class ArchitectureTest {
    private static final String ROOT = "io.github.rcdetect";

    static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    /** Every package of the job is a slice of its own, the root package included. */
    private static final SliceAssignment PACKAGES = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String name = javaClass.getPackageName();
            return name.equals(ROOT) || name.startsWith(ROOT + ".")
                    ? SliceIdentifier.of(name.equals(ROOT) ? "(root)" : name.substring(ROOT.length() + 1))
                    : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "every package of " + ROOT;
        }
    };

    static final ArchRule NO_PACKAGE_CYCLES =
            slices().assignedFrom(PACKAGES).should().beFreeOfCycles();

    static final ArchRule LAYERS = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("Domain")
            .definedBy(ROOT + ".domain..")
            .layer("Model")
            .definedBy(ROOT + ".event..", ROOT + ".detection..")
            .layer("Metrics")
            .definedBy(ROOT + ".metrics..")
            .layer("Serialization")
            .definedBy(ROOT + ".serialization..")
            .layer("Parsing")
            .definedBy(ROOT + ".parse..")
            .layer("Rendering")
            .definedBy(ROOT + ".output..")
            .layer("IO")
            .definedBy(ROOT + ".io..")
            .layer("Rules")
            .definedBy(ROOT + ".rules..")
            .layer("Alert stage")
            .definedBy(ROOT + ".alert..")
            .layer("Options")
            .definedBy(ROOT + ".config..")
            .layer("Pipeline")
            .definedBy(ROOT + ".pipeline..")
            .layer("Run modes")
            .definedBy(ROOT)
            .whereLayer("Domain")
            .mayNotAccessAnyLayer()
            .whereLayer("Metrics")
            .mayNotAccessAnyLayer()
            .whereLayer("Model")
            .mayOnlyAccessLayers("Domain")
            .whereLayer("Serialization")
            .mayOnlyAccessLayers("Domain", "Model")
            .whereLayer("Parsing")
            .mayOnlyAccessLayers("Domain", "Model")
            .whereLayer("Rendering")
            .mayOnlyAccessLayers("Domain", "Model")
            .whereLayer("IO")
            .mayOnlyAccessLayers("Domain", "Model", "Metrics", "Serialization", "Parsing", "Rendering")
            .whereLayer("Rules")
            .mayOnlyAccessLayers("Domain", "Model", "Metrics", "Serialization")
            .whereLayer("Alert stage")
            .mayOnlyAccessLayers("Domain", "Model", "Metrics", "Serialization", "Rendering", "Rules")
            .whereLayer("Options")
            .mayOnlyAccessLayers("Domain", "Model", "Parsing", "IO", "Rules", "Alert stage")
            .whereLayer("Pipeline")
            .mayOnlyAccessLayers("Domain", "Model", "Metrics", "Parsing", "Rendering", "IO", "Rules", "Alert stage")
            .whereLayer("Run modes")
            .mayNotBeAccessedByAnyLayer();

    /** The domain is plain Java: it knows Azure Run Command, not Flink, not JSON, not the rest of the job. */
    static final ArchRule DOMAIN_IS_PLAIN_JAVA = noClasses()
            .that()
            .resideInAPackage(ROOT + ".domain..")
            .should()
            .dependOnClassesThat()
            .resideOutsideOfPackages("java..", ROOT + ".domain..");

    /** The model is data: no Flink operators or JSON trees in it. */
    static final ArchRule MODEL_HAS_NO_FLINK_OR_JSON = noClasses()
            .that()
            .resideInAnyPackage(ROOT + ".event..", ROOT + ".detection..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.apache.flink..", "com.fasterxml.jackson..");

    /**
     * A rule is its own package ({@code rules.r1}, {@code rules.r2}, ...) and one line of the registry: nothing but
     * the registry and the rule's own package names a class of it. The engines rules share ({@code
     * rules.correlation}, {@code rules.childprocess}) are not rules.
     */
    static final ArchRule RULES_ARE_PLUG_INS = classes()
            .should(new ArchCondition<JavaClass>("name no rule package but their own, unless they are the registry") {
                @Override
                public void check(JavaClass origin, ConditionEvents events) {
                    if (origin.getName().equals(Rules.class.getName())) {
                        return;
                    }
                    for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                        String target = rulePackage(dependency.getTargetClass().getPackageName());
                        if (target != null && !target.equals(rulePackage(origin.getPackageName()))) {
                            events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                        }
                    }
                }
            });

    /** The rule package a package is or lies in, or null. */
    private static String rulePackage(String name) {
        Matcher matcher = RULE_PACKAGE.matcher(name);
        return matcher.lookingAt() ? matcher.group() : null;
    }

    private static final Pattern RULE_PACKAGE = Pattern.compile(Pattern.quote(ROOT + ".rules.") + "r[0-9]+(?=$|\\.)");

    @Test
    void noPackageDependsOnAnotherInACycle() {
        NO_PACKAGE_CYCLES.check(MAIN);
    }

    @Test
    void eachLayerUsesOnlyTheLayersBelowIt() {
        LAYERS.check(MAIN);
    }

    @Test
    void theDomainIsPlainJava() {
        DOMAIN_IS_PLAIN_JAVA.check(MAIN);
    }

    @Test
    void theModelHoldsNoFlinkOrJson() {
        MODEL_HAS_NO_FLINK_OR_JSON.check(MAIN);
    }

    @Test
    void onlyTheRegistryNamesARule() {
        RULES_ARE_PLUG_INS.check(MAIN);
    }
}
