package campus.progress.concurrent;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import org.junit.jupiter.api.Test;

/**
 * Every thread this module starts comes from a thread factory: the caller's, or {@link ProgressThreads} when the
 * caller has none. No thread or thread factory made by hand, and no stock executor that makes its own threads.
 */
class ThreadPolicyTest {

    /** A stock executor of {@link Executors} that makes threads of its own, not with a thread factory it is given. */
    static final DescribedPredicate<JavaMethodCall> STOCK_EXECUTOR = DescribedPredicate.describe(
            "a method of Executors not given a thread factory",
            call -> call.getTargetOwner().isEquivalentTo(Executors.class)
                    && call.getTarget().getRawParameterTypes().stream().noneMatch(t -> t.isEquivalentTo(ThreadFactory.class)));

    static final ArchRule threadsComeFromAFactory = noClasses()
            .that().doNotHaveFullyQualifiedName(ProgressThreads.class.getName())
            .should().callConstructorWhere(target(owner(assignableTo(Thread.class))))
            .orShould().callConstructorWhere(target(owner(assignableTo(ThreadPoolExecutor.class))))
            .orShould().callMethodWhere(STOCK_EXECUTOR)
            .orShould().implement(ThreadFactory.class)
            .because("threads are named and daemon: the caller's policy, or ProgressThreads");

    @Test
    void progressMakesThreadsOnlyThroughAFactory() {
        JavaClasses progress = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("campus.progress");
        assertTrue(progress.contain(ProgressThreads.class), "the module's classes were imported");
        threadsComeFromAFactory.check(progress);
    }

    /** The rule is known to bite: each way of making a thread by hand is caught, a factory handed in is not. */
    @Test
    void theRuleCatchesThreadsMadeByHand() {
        for (Class<?> fixture : new Class<?>[] {HandMadeThread.class, HandMadeFactory.class, StockExecutor.class}) {
            JavaClasses one = new ClassFileImporter().importClasses(fixture);
            assertFalse(threadsComeFromAFactory.evaluate(one).getFailureReport().isEmpty(), fixture.getSimpleName());
        }
        assertTrue(threadsComeFromAFactory.evaluate(new ClassFileImporter().importClasses(GivenFactory.class))
                .getFailureReport().isEmpty());
    }

    static final class HandMadeThread {
        Thread make(Runnable r) {
            return new Thread(r, "hand-made");
        }
    }

    static final class HandMadeFactory implements ThreadFactory {
        @Override
        public Thread newThread(Runnable r) {
            return ProgressThreads.named("fixture").newThread(r);
        }
    }

    static final class StockExecutor {
        Object make() {
            return Executors.newSingleThreadExecutor();
        }
    }

    static final class GivenFactory {
        Object make(ThreadFactory threads) {
            return Executors.newSingleThreadExecutor(threads);
        }
    }
}
