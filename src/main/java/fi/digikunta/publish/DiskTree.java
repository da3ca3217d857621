package fi.digikunta.publish;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/** The publisher's work on whole folder trees: flushing one to disk, deleting one, whether one is empty. */
final class DiskTree {
    private DiskTree() {
    }

    /**
     * Flushes in flight at once: a flush waits on the disk, not the processor, and disks accept
     * several at a time (331 files of a set: about 180 ms one by one, 100 ms eight at a time; a
     * fixed number, as the waits do not depend on --threads or the cores).
     */
    private static final int FLUSH_THREADS = 8;

    /**
     * Flushes a tree to disk, so that a power cut after the switch loses nothing, in two steps:
     * {@link #start} sends the files there are now to disk a few at a time (a set has hundreds) on a few
     * threads and returns, so that the caller can write more into the tree meanwhile (the history
     * and the marker, while the disk takes the reports); {@link #finish} flushes the files added
     * since or written to again (size or modification time changed), waits for every flush, then
     * flushes each folder after everything in it. {@link #close} stops the flushes not waited for
     * (interrupting them) and waits until their threads have ended, so that nothing still holds a
     * file of the tree when the caller removes it.
     */
    static final class TreeSync implements AutoCloseable {
        private final Path root;
        /** The files flushed from {@link #start} on, with their size and time then. */
        private final Map<Path, String> started = new HashMap<>();
        private final List<Future<?>> flushes = new ArrayList<>();
        private ExecutorService pool;
        private int flushedAtFinish;

        TreeSync(Path root) {
            this.root = root;
        }

        /** Starts flushing every regular file now in the tree. */
        static TreeSync start(Path root) throws IOException {
            TreeSync sync = new TreeSync(root);
            try {
                Map<Path, String> now = sync.walk(null);
                sync.started.putAll(now);
                sync.submit(now.keySet());
            } catch (IOException | RuntimeException | Error e) {
                sync.close();
                throw e;
            }
            return sync;
        }

        /**
         * Flushes the files added or written to again since {@link #start}, waits for all, then the
         * folders; the first failure is thrown, the later ones added to it as suppressed.
         */
        void finish() throws IOException {
            List<Path> dirs = new ArrayList<>();
            Map<Path, String> now = walk(dirs);
            now.entrySet().removeIf(e -> e.getValue().equals(started.get(e.getKey())));
            flushedAtFinish = now.size();
            started.putAll(now);
            submit(now.keySet());
            await();
            for (Path dir : dirs) {
                syncDir(dir);
            }
        }

        /** How many files {@link #finish} flushed (new or written to again since the start). */
        int flushedAtFinish() {
            return flushedAtFinish;
        }

        /**
         * The regular files of the tree, each with its size and modification time, in the walk's order;
         * its folders, children first, into {@code dirs} when given.
         */
        private Map<Path, String> walk(List<Path> dirs) throws IOException {
            Map<Path, String> files = new LinkedHashMap<>();
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile()) {
                        files.put(file, attrs.size() + " " + attrs.lastModifiedTime().to(TimeUnit.NANOSECONDS) + " "
                                + attrs.fileKey());
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                    if (exc != null) {
                        throw exc;
                    }
                    if (dirs != null) {
                        dirs.add(dir);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
            return files;
        }

        /** Starts flushing the files (package-private: the tests give files that are not there). */
        void submit(Collection<Path> files) {
            if (files.isEmpty()) {
                return;
            }
            if (pool == null) {
                AtomicInteger n = new AtomicInteger();
                pool = Executors.newFixedThreadPool(FLUSH_THREADS, r -> {
                    Thread t = new Thread(r, "digikunta-flush-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
            }
            for (Path f : files) {
                flushes.add(pool.submit(() -> {
                    syncFile(f);
                    return null;
                }));
            }
        }

        /** Waits for every flush started; the first failure is thrown, the later ones added to it as suppressed. */
        void await() throws IOException {
            Throwable first = null;
            for (Future<?> f : flushes) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    if (first == null) {
                        first = e.getCause();
                    } else {
                        first.addSuppressed(e.getCause());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while flushing " + root);
                }
            }
            flushes.clear();
            if (first instanceof IOException io) {
                throw io;
            }
            if (first instanceof RuntimeException r) {
                throw r;
            }
            if (first instanceof Error err) {
                throw err;
            }
        }

        @Override
        public void close() {
            if (pool == null) {
                return;
            }
            pool.shutdownNow();
            boolean interrupted = false;
            while (true) {
                try {
                    if (pool.awaitTermination(1, TimeUnit.MINUTES)) {
                        break;
                    }
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void syncFile(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // Windows flushes only a handle opened for writing.
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
        }
    }

    static void syncDir(Path dir) {
        // POSIX needs the folder flushed for a new name to survive a power cut; Windows cannot open
        // a folder this way and does not need it.
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // best effort
        }
    }

    /** Whether a folder has no entries. */
    static boolean isEmptyDir(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    /** Deletes a file, link or folder tree; never follows a link. Missing is fine. */
    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
            Files.deleteIfExists(p);
            return;
        }
        try {
            Files.walkFileTree(p, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException exc) throws IOException {
                    if (exc instanceof NoSuchFileException) {
                        return FileVisitResult.CONTINUE;
                    }
                    throw exc;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                    if (exc != null && !(exc instanceof NoSuchFileException)) {
                        throw exc;
                    }
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (NoSuchFileException e) {
            // removed meanwhile
        }
    }
}
