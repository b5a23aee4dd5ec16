package campus.app.concurrent;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import org.junit.jupiter.api.Test;

/**
 * Every background thread the app starts comes from {@link DaemonThreads}: no thread, thread factory, thread pool or
 * stock executor made by hand anywhere else in the app. No class is exempt; one that must be gets an entry here with
 * its reason.
 */
class ThreadPolicyTest {

    static final ArchRule threadsComeFromTheAppPolicy = noClasses()
            .that().doNotHaveFullyQualifiedName(DaemonThreads.class.getName())
            .should().callConstructorWhere(target(owner(assignableTo(Thread.class))))
            .orShould().callConstructorWhere(target(owner(assignableTo(ThreadPoolExecutor.class))))
            .orShould().callConstructorWhere(target(owner(assignableTo(ForkJoinPool.class))))
            .orShould().callMethodWhere(target(owner(assignableTo(Executors.class))))
            // Thread.ofPlatform() / ofVirtual() (Java 21), named so the rule holds when the app moves there
            .orShould().callMethodWhere(target(name("ofPlatform").or(name("ofVirtual")))
                    .and(target(owner(assignableTo(Thread.class)))))
            .orShould().implement(ThreadFactory.class)
            .because("the app's threads are named, daemon and report their errors (DaemonThreads)");

    @Test
    void theAppMakesThreadsOnlyThroughThePolicy() {
        JavaClasses app = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("campus.app");
        assertTrue(app.contain(DaemonThreads.class), "the app's classes were imported");
        threadsComeFromTheAppPolicy.check(app);
    }

    /** The rule is known to bite: each way of making a thread by hand is caught. */
    @Test
    void theRuleCatchesThreadsMadeByHand() {
        for (Class<?> fixture : new Class<?>[] {HandMadeThread.class, HandMadeFactory.class, StockExecutor.class,
                HandMadePool.class}) {
            JavaClasses one = new ClassFileImporter().importClasses(fixture);
            assertFalse(threadsComeFromTheAppPolicy.evaluate(one).getFailureReport().isEmpty(), fixture.getSimpleName());
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
            return DaemonThreads.named("fixture").newThread(r);
        }
    }

    static final class StockExecutor {
        Object make() {
            return Executors.newSingleThreadExecutor(DaemonThreads.named("fixture"));
        }
    }

    static final class HandMadePool {
        Object make() {
            return new ThreadPoolExecutor(1, 1, 0, java.util.concurrent.TimeUnit.SECONDS,
                    new java.util.concurrent.LinkedBlockingQueue<>());
        }
    }
}
