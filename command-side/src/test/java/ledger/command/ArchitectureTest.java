package ledger.command;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "ledger.command", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule command_side_does_not_read_views = noClasses()
            .should().dependOnClassesThat().resideInAPackage("ledger.query..");

    /** Aggregates decide from their own state: no web, no database, no clock of their own. */
    @ArchTest
    static final ArchRule aggregates_stay_free_of_infrastructure = classes()
            .that().areAnnotatedWith(org.axonframework.spring.stereotype.Aggregate.class)
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "ledger.kernel..", "ledger.command..",
                    "org.axonframework.commandhandling..", "org.axonframework.eventsourcing..",
                    "org.axonframework.modelling..", "org.axonframework.spring.stereotype..");

    @ArchTest
    static final ArchRule aggregates_take_time_from_their_commands = noClasses()
            .that().areAnnotatedWith(org.axonframework.spring.stereotype.Aggregate.class)
            .should().callMethod(java.time.Instant.class, "now")
            .orShould().callMethod(java.util.UUID.class, "randomUUID");
}
