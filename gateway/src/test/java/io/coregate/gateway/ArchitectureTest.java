package io.coregate.gateway;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaParameterizedType;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.coregate.gateway.db.JdbcTransferLog;
import io.coregate.gateway.domain.money.Currencies;
import io.coregate.gateway.domain.party.PartyService;
import io.coregate.gateway.domain.payee.CreditSteps;
import io.coregate.gateway.domain.payee.Leases;
import io.coregate.gateway.domain.payer.Aborts;
import io.coregate.gateway.domain.payer.DebitSteps;
import io.coregate.gateway.domain.payer.Quoting;
import io.coregate.gateway.domain.payer.Settlement;
import io.coregate.gateway.domain.transfer.TransferAdmin;
import io.coregate.gateway.domain.validation.Validated;
import io.coregate.gateway.http.TransferMeters;
import io.coregate.gateway.json.Binding;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The package rules of DESIGN.md, enforced. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.coregate");
    }

    @Test
    void pluginApiDependsOnTheJdkAndPf4jOnly() {
        noClasses().that().resideInAPackage("io.coregate.plugin.api..")
            .should().dependOnClassesThat().resideOutsideOfPackages("java..", "org.pf4j..", "io.coregate.plugin.api..")
            .check(classes);
    }

    @Test
    void domainDependsOnPluginApiAndTheJdkOnly() {
        noClasses().that().resideInAPackage("io.coregate.gateway.domain..")
            .should().dependOnClassesThat().resideOutsideOfPackages("java..", "io.coregate.plugin.api..", "io.coregate.gateway.domain..")
            .check(classes);
    }

    @Test
    void httpNeverTouchesDbOrPlugins() {
        noClasses().that().resideInAPackage("io.coregate.gateway.http..")
            .should().dependOnClassesThat().resideInAnyPackage("io.coregate.gateway.db..", "io.coregate.gateway.plugins..", "java.sql..",
                "org.pf4j..")
            .check(classes);
    }

    @Test
    void connectorClientTalksToTheDomainOnlyNeverStorageOrPlugins() {
        noClasses().that().resideInAPackage("io.coregate.gateway.sdk..")
            .should().dependOnClassesThat().resideInAnyPackage("io.coregate.gateway.db..", "io.coregate.gateway.plugins..", "java.sql..",
                "org.pf4j..")
            .check(classes);
    }

    @Test
    void onlyMainWiresTheLayersTogether() {
        noClasses().that().resideInAnyPackage("io.coregate.gateway.db..", "io.coregate.gateway.plugins..", "io.coregate.gateway.sdk..")
            .should().dependOnClassesThat().resideInAPackage("io.coregate.gateway.http..")
            .check(classes);
    }

    /** The composition root ({@code Main}, {@code Wiring}, the flow wirings, {@code Gateway}) is used by nothing it wires. */
    @Test
    void nothingReachesBackIntoTheCompositionRoot() {
        noClasses().that().resideOutsideOfPackage("io.coregate.gateway")
            .should().dependOnClassesThat().resideInAPackage("io.coregate.gateway")
            .check(classes);
    }

    /** The edge reaches the Mojaloop Connector only through the domain's {@code Connector} port. */
    @Test
    void httpNeverTouchesTheConnectorClient() {
        noClasses().that().resideInAPackage("io.coregate.gateway.http..")
            .should().dependOnClassesThat().resideInAPackage("io.coregate.gateway.sdk..")
            .check(classes);
    }

    @Test
    void theLauncherUsesTheJdkOnlyAndNothingUsesTheLauncher() {
        noClasses().that().resideInAPackage("io.coregate.gateway.launcher..")
            .should().dependOnClassesThat().resideOutsideOfPackages("java..", "io.coregate.gateway.launcher..")
            .check(classes);
        noClasses().that().resideOutsideOfPackage("io.coregate.gateway.launcher..")
            .should().dependOnClassesThat().resideInAPackage("io.coregate.gateway.launcher..")
            .check(classes);
    }

    @Test
    void jsonIsALowerLayerThatKnowsTheDomainOnly() {
        noClasses().that().resideInAPackage("io.coregate.gateway.json..")
            .should().dependOnClassesThat().resideInAnyPackage("io.coregate.gateway.http..", "io.coregate.gateway.db..",
                "io.coregate.gateway.plugins..", "io.coregate.gateway.sdk..", "io.helidon..", "java.sql..", "org.pf4j..")
            .check(classes);
    }

    @Test
    void wireShapesThatCheckThemselvesAreRecords() {
        classes().that().implement(Validated.class).should().beRecords().check(classes);
    }

    @Test
    void strictBindingHappensAtTheEdgeNeverInStorageOrAdapters() {
        noClasses().that().resideInAnyPackage("io.coregate.gateway.db..", "io.coregate.gateway.plugins..", "io.coregate.gateway.sdk..")
            .should().dependOnClassesThat().belongToAnyOf(Binding.class)
            .check(classes);
    }

    @Test
    void theSharedTransferPackageKnowsNeitherFlow() {
        noClasses().that().resideInAPackage("io.coregate.gateway.domain.transfer..")
            .should().dependOnClassesThat().resideInAnyPackage("io.coregate.gateway.domain.payee..", "io.coregate.gateway.domain.payer..")
            .check(classes);
    }

    @Test
    void thePayeeAndPayerFlowsAreIndependent() {
        noClasses().that().resideInAPackage("io.coregate.gateway.domain.payee..")
            .should().dependOnClassesThat().resideInAPackage("io.coregate.gateway.domain.payer..")
            .check(classes);
        noClasses().that().resideInAPackage("io.coregate.gateway.domain.payer..")
            .should().dependOnClassesThat().resideInAPackage("io.coregate.gateway.domain.payee..")
            .check(classes);
    }

    @Test
    void thePayeeFlowSpeaksRecordsNotWireMaps() {
        noClasses().that().resideInAPackage("io.coregate.gateway.domain.payee..")
            .should().dependOnClassesThat().belongToAnyOf(java.util.Map.class, com.fasterxml.jackson.databind.JsonNode.class)
            .check(classes);
    }

    @Test
    void payerDomainNeverTouchesHttpOrDb() {
        noClasses().that().resideInAPackage("io.coregate.gateway.domain.payer..")
            .should().dependOnClassesThat().resideInAnyPackage("io.coregate.gateway.http..", "io.coregate.gateway.db..", "java.sql..")
            .check(classes);
    }

    /** The payer domain speaks records: no wire map crosses from http into it, nor comes back out. */
    @Test
    void payerDomainTakesAndReturnsNoMaps() {
        methods().that().areDeclaredInClassesThat().resideInAPackage("io.coregate.gateway.domain.payer..")
            .and().haveModifier(JavaModifier.PUBLIC)
            .should(new ArchCondition<JavaMethod>("take and return no java.util.Map") {
                @Override
                public void check(JavaMethod method, ConditionEvents events) {
                    boolean map = Stream.concat(Stream.of(method.getRawReturnType()), method.getRawParameterTypes().stream())
                        .anyMatch(isMap());
                    events.add(new SimpleConditionEvent(method, !map, method.getFullName() + " takes or returns a Map"));
                }
            })
            .check(classes);
    }

    /**
     * One composition root: the flows' collaborators (steps, leases, the transfer log, meters) are built once, in the
     * root package ({@code Wiring} and the flow wirings), and reach the services through their constructors; no service
     * builds its own.
     */
    @Test
    void onlyTheCompositionRootBuildsTheFlowsCollaborators() {
        var collaborators = Stream.of(CreditSteps.class, Leases.class, DebitSteps.class, Settlement.class, Quoting.class, Aborts.class,
            PartyService.class, JdbcTransferLog.class, TransferMeters.class, TransferAdmin.class).map(Class::getName).toList();
        noClasses().that().resideOutsideOfPackage("io.coregate.gateway")
            .should().callConstructorWhere(DescribedPredicate.describe("a flow collaborator's constructor",
                call -> collaborators.contains(call.getTargetOwner().getName()) && !call.getOriginOwner().equals(call.getTargetOwner())))
            .check(classes);
    }

    /** One currency rule: ISO 4217 codes and minor units are read from the JDK in {@code domain.money.Currencies} only. */
    @Test
    void currenciesAreJudgedInOnePlace() {
        noClasses().that().resideInAPackage("io.coregate.gateway..").and().doNotHaveFullyQualifiedName(Currencies.class.getName())
            .should().dependOnClassesThat().belongToAnyOf(java.util.Currency.class)
            .check(classes);
    }

    /**
     * No wire map crosses from {@code http} into the domain: no public method of a domain class takes or returns a
     * {@code Map<String, Object>} (a JSON object read or written by hand). The tenant document's two free-form members
     * are the exceptions: {@code cbs.settings} is the plugin's own settings object, opaque to the gateway and handed to
     * plugin-api's {@code Settings} as a map by that API's contract, and {@code cbs.secrets} holds references whose
     * values are checked one by one so a non-string is reported at its path.
     */
    @Test
    void noWireMapCrossesIntoTheDomain() {
        var freeForm = Stream.of("TenantDocument$Cbs.settings", "TenantDocumentBody$Cbs.settings", "TenantDocumentBody$Cbs.secrets",
                "TenantDocument$Cbs.<init>", "TenantDocumentBody$Cbs.<init>")
            .map(name -> "io.coregate.gateway.domain.tenant." + name).toList();
        codeUnits().that().areDeclaredInClassesThat().resideInAPackage("io.coregate.gateway.domain..")
            .and().haveModifier(JavaModifier.PUBLIC)
            .and(DescribedPredicate.describe("not a free-form member of the tenant document",
                unit -> !freeForm.contains(unit.getOwner().getName() + "." + unit.getName())))
            .should(new ArchCondition<JavaCodeUnit>("take and return no Map<String, Object>") {
                @Override
                public void check(JavaCodeUnit unit, ConditionEvents events) {
                    boolean wireMap = Stream.concat(Stream.of(unit.getReturnType()), unit.getParameterTypes().stream())
                        .anyMatch(ArchitectureTest::isWireMap);
                    events.add(new SimpleConditionEvent(unit, !wireMap, unit.getFullName() + " takes or returns a Map<String, Object>"));
                }
            })
            .check(classes);
    }

    private static boolean isWireMap(JavaType type) {
        return type instanceof JavaParameterizedType parameterized && parameterized.toErasure().isAssignableTo(Map.class)
            && parameterized.getActualTypeArguments().size() == 2
            && parameterized.getActualTypeArguments().get(0).toErasure().isEquivalentTo(String.class)
            && parameterized.getActualTypeArguments().get(1).toErasure().isEquivalentTo(Object.class);
    }

    private static DescribedPredicate<JavaClass> isMap() {
        return DescribedPredicate.describe("a Map", type -> type.isAssignableTo(Map.class));
    }
}
