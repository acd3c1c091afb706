package ledger.query;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "ledger", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** The two sides meet only in the event store and the kernel's messages. */
    @ArchTest
    static final ArchRule query_side_does_not_depend_on_the_command_side = noClasses()
            .that().resideInAPackage("ledger.query..")
            .should().dependOnClassesThat().resideInAPackage("ledger.command..");

    @ArchTest
    static final ArchRule query_side_sends_no_commands = noClasses()
            .that().resideInAPackage("ledger.query..")
            .should().dependOnClassesThat().haveSimpleNameEndingWith("Command");
}
