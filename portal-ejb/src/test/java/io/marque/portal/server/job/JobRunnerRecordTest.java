package io.marque.portal.server.job;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A job's end is recorded even when the database refuses the first tries (it was restarting). */
class JobRunnerRecordTest {

    @Test
    void triesAgainUntilTheEndIsRecorded() {
        AtomicInteger tries = new AtomicInteger();
        JobRunner.record(1L, () -> {
            if (tries.incrementAndGet() < 3) {
                throw new IllegalStateException("Connection refused");
            }
        });
        assertEquals(3, tries.get());
    }

    @Test
    void recordsOnceWhenTheFirstTryWorks() {
        AtomicInteger tries = new AtomicInteger();
        JobRunner.record(1L, tries::incrementAndGet);
        assertEquals(1, tries.get());
    }
}
