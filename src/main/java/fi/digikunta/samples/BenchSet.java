package fi.digikunta.samples;

import fi.digikunta.reference.Municipality;
import fi.digikunta.reference.MunicipalityList;
import fi.digikunta.schema.Lang;
import fi.digikunta.template.TemplateLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * N valid returns for benchmarks. Municipalities cycle through the reference list in code order;
 * beyond one round, each later return of a municipality is a newer one (a fill date two weeks on
 * per round), so a run over them exercises superseding too. Files are independent of one another
 * and of the thread count: each one's answers come from the seed and its own name.
 */
public final class BenchSet {
    private static final LocalDate FIRST_DATE = LocalDate.of(2026, 1, 5);

    private BenchSet() {
    }

    /** File name of return {@code i}: the municipality's name, with the round number from round 2 on. */
    public static String fileName(List<Municipality> ms, int i, long seed) {
        Municipality m = ms.get(i % ms.size());
        int round = i / ms.size();
        return SampleGenerator.fileName(m, lang(m, seed), round == 0 ? "" : "-" + (round + 1));
    }

    private static Lang lang(Municipality m, long seed) {
        return SampleGenerator.unit(seed + "/lang/" + m.code()) < 0.1 ? Lang.SV : Lang.FI;
    }

    /** Writes {@code count} returns into {@code dir} using {@code threads} threads; returns the files in order. */
    public static List<Path> write(SampleGenerator gen, MunicipalityList list, long seed, int count, Path dir,
            int threads) throws IOException {
        Files.createDirectories(dir);
        List<Municipality> ms = List.copyOf(list.all());
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            List<Future<Path>> futures = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(pool.submit(() -> writeOne(gen, ms, seed, index, dir)));
            }
            List<Path> out = new ArrayList<>(count);
            for (Future<Path> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UncheckedIOException u) {
                throw u.getCause();
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static Path writeOne(SampleGenerator gen, List<Municipality> ms, long seed, int i, Path dir) {
        Municipality m = ms.get(i % ms.size());
        int round = i / ms.size();
        String name = fileName(ms, i, seed);
        long fileSeed = SampleGenerator.seedFor(seed, name);
        LocalDate date = FIRST_DATE.plusDays(14L * round + (fileSeed & 0x7fffffffL) % 10);
        EnumSet<ReturnSpec.Quirk> quirks = EnumSet.noneOf(ReturnSpec.Quirk.class);
        if (SampleGenerator.unit(name + "/own") < 0.25) {
            quirks.add(ReturnSpec.Quirk.OWN_SERVICES);
        }
        ReturnSpec spec = new ReturnSpec(m, TemplateLayout.standard(gen.schema(), lang(m, seed)), date, quirks,
                fileSeed);
        Path p = dir.resolve(name);
        try {
            Files.write(p, gen.generate(spec));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
