package fi.digikunta.cli;

import fi.digikunta.model.RunFailure;
import fi.digikunta.reference.MunicipalityList;
import fi.digikunta.samples.BenchSet;
import fi.digikunta.samples.SampleGenerator;
import fi.digikunta.samples.SampleHistory;
import fi.digikunta.samples.SampleSet;
import fi.digikunta.schema.SchemaRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code digikunta samples --out DIR [--seed N] [--count N | --rounds]} (hidden; for developers): writes
 * the sample inbox, N valid returns for benchmarks, or the sample history (one folder per round). The
 * same seed always gives the same bytes.
 */
@Command(name = "samples", hidden = true)
public final class SamplesCommand extends BaseCommand {
    @Option(names = "--out", required = true, paramLabel = "DIR", descriptionKey = "samples.out")
    Path out;

    @Option(names = "--seed", paramLabel = "N", descriptionKey = "samples.seed")
    long seed = SampleSet.DEFAULT_SEED;

    @Option(names = "--count", paramLabel = "N", descriptionKey = "samples.count")
    Integer count;

    @Option(names = "--rounds", descriptionKey = "samples.rounds")
    boolean rounds;

    @Override
    protected void validate() {
        if (count != null && rounds) {
            throw usage("exclusive", "--count", "--rounds");
        }
        if (count != null && count < 1) {
            throw usage("range", "--count " + count, ">= 1");
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw usage("notAFolder", out);
        }
    }

    @Override
    protected ExitCode execute() {
        long start = System.nanoTime();
        List<Path> files;
        try {
            MunicipalityList list = MunicipalityList.builtIn();
            if (rounds) {
                // The sample history: one inbox folder per round (2025 on form 1, 2026 on form 2).
                files = new SampleHistory(SchemaRegistry.load(), list,
                        seed == SampleSet.DEFAULT_SEED ? SampleHistory.DEFAULT_SEED : seed).write(out);
            } else {
                // The committed sample inbox is of form version 1 (the rounds before v2).
                SampleGenerator gen = new SampleGenerator(SchemaRegistry.load().version("1").orElseThrow());
                files = count == null ? new SampleSet(gen, list, seed).write(out)
                        : BenchSet.write(gen, list, seed, count, out, Runtime.getRuntime().availableProcessors());
            }
        } catch (IOException | UncheckedIOException e) {
            throw new RunFailure(text("cannotWriteSamples", out, e.getMessage()), e);
        }
        double s = (System.nanoTime() - start) / 1e9;
        err().println(text("samplesWritten", files.size(), out, String.format(Locale.ROOT, "%.1f", s)));
        return ExitCode.OK;
    }
}
