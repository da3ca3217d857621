package fi.digikunta.pipeline;

import fi.digikunta.model.RunFailure;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The one thread pool of a command: daemon threads (a stuck file never keeps the process alive),
 * shut down on close. Validation reads files on it and the report set is written on it.
 */
final class Workers implements AutoCloseable {
    private final ExecutorService pool;

    Workers(int threads) {
        pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "digikunta-worker");
            t.setDaemon(true);
            return t;
        });
    }

    Executor executor() {
        return pool;
    }

    <T> Future<T> submit(Callable<T> task) {
        return pool.submit(task);
    }

    /** Waits for a task: its value, or what it threw as the cause of the ExecutionException. */
    static <T> T await(Future<T> f) throws ExecutionException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunFailure("interrupted", e);
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
