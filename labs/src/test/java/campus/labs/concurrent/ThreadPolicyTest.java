package campus.labs.concurrent;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import org.junit.jupiter.api.Test;

/** Every thread the labs start comes from {@link LabThreads}: no thread, thread factory or stock executor made by hand. */
class ThreadPolicyTest {

    static final ArchRule threadsComeFromTheLabPolicy = noClasses()
            .that().doNotHaveFullyQualifiedName(LabThreads.class.getName())
            .should().callConstructorWhere(target(owner(assignableTo(Thread.class))))
            .orShould().callMethodWhere(target(owner(assignableTo(Executors.class))))
            .orShould().implement(ThreadFactory.class)
            .because("threads are named, daemon and report their errors (LabThreads)");

    @Test
    void labsMakeThreadsOnlyThroughThePolicy() {
        JavaClasses labs = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("campus.labs");
        assertTrue(labs.contain(LabThreads.class), "the labs' classes were imported");
        threadsComeFromTheLabPolicy.check(labs);
    }

    /** The rule is known to bite: each way of making a thread by hand is caught. */
    @Test
    void theRuleCatchesThreadsMadeByHand() {
        for (Class<?> fixture : new Class<?>[] {HandMadeThread.class, HandMadeFactory.class, StockExecutor.class}) {
            JavaClasses one = new ClassFileImporter().importClasses(fixture);
            assertFalse(threadsComeFromTheLabPolicy.evaluate(one).getFailureReport().isEmpty(), fixture.getSimpleName());
        }
    }

    static final class HandMadeThread {
        Thread make(Runnable r) {
            return new Thread(r, "hand-made");
        }
    }

    static final class HandMadeFactory implements ThreadFactory {
        @Override
        public Thread newThread(Runnable r) {
            return LabThreads.named("fixture").newThread(r);
        }
    }

    static final class StockExecutor {
        Object make() {
            return Executors.newCachedThreadPool();
        }
    }
}
