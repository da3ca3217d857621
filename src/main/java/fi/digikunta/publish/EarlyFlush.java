package fi.digikunta.publish;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Flushes of finished files of the set being written, started before the set is complete on a few
 * threads of their own. A flush waits on the disk, not the processor: a few at a time, beside the
 * writing of the rest, instead of hundreds one after another before the switch.
 */
final class EarlyFlush implements AutoCloseable {
    private static final int THREADS = 4;

    private final Map<Path, Future<?>> started = new ConcurrentHashMap<>();
    private ExecutorService pool;
    private boolean closed;

    /** Starts flushing {@code file}; ignored once closed. */
    void start(Path file) {
        ExecutorService p;
        synchronized (this) {
            if (closed) {
                return;
            }
            if (pool == null) {
                pool = Executors.newFixedThreadPool(THREADS, r -> {
                    Thread t = new Thread(r, "digikunta-flush");
                    t.setDaemon(true);
                    return t;
                });
            }
            p = pool;
        }
        started.put(file, p.submit(() -> {
            DiskTree.syncFile(file);
            return null;
        }));
    }

    /** The flushes started, by the path given; {@link DiskTree#syncTree(Path, Map)} takes each out as it waits. */
    Map<Path, Future<?>> started() {
        return started;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
