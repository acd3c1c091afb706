package ledger.kernel;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "ledger.kernel", importOptions = ImportOption.DoNotIncludeTests.class)
class KernelArchitectureTest {

    /** The messages are the contract between the services: the JDK and Axon's message annotations only. */
    @ArchTest
    static final ArchRule kernel_depends_on_nothing_but_the_jdk_and_axon_annotations = classes()
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "ledger.kernel..",
                    "org.axonframework.serialization", "org.axonframework.modelling.command");

    @ArchTest
    static final ArchRule messages_are_records = classes()
            .that().haveSimpleNameEndingWith("Command").or().haveSimpleNameEndingWith("Event")
            .or().haveSimpleNameEndingWith("Query").or().haveSimpleNameEndingWith("Id")
            .should().beRecords();
}
