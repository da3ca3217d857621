package fi.digikunta.cli;

import fi.digikunta.model.RunFailure;
import fi.digikunta.reference.MunicipalityList;
import fi.digikunta.samples.BenchSet;
import fi.digikunta.samples.SampleGenerator;
import fi.digikunta.samples.SampleSet;
import fi.digikunta.schema.SchemaRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code digikunta samples --out DIR [--seed N] [--count N]} (hidden; for developers): writes the
 * sample inbox, or N valid returns for benchmarks. The same seed always gives the same bytes.
 */
@Command(name = "samples", hidden = true, mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        resourceBundle = "fi.digikunta.cli.Messages")
public final class SamplesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "--out", required = true, paramLabel = "DIR", descriptionKey = "samples.out")
    Path out;

    @Option(names = "--seed", paramLabel = "N", descriptionKey = "samples.seed")
    long seed = SampleSet.DEFAULT_SEED;

    @Option(names = "--count", paramLabel = "N", descriptionKey = "samples.count")
    Integer count;

    @Override
    public Integer call() {
        if (count != null && count < 1) {
            throw new ParameterException(spec.commandLine(), "--count " + count + ": >= 1");
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new ParameterException(spec.commandLine(), out + ": ei ole kansio / är inte en mapp / not a folder");
        }
        long start = System.nanoTime();
        List<Path> files;
        try {
            SampleGenerator gen = new SampleGenerator(SchemaRegistry.load().latest());
            MunicipalityList list = MunicipalityList.builtIn();
            files = count == null ? new SampleSet(gen, list, seed).write(out)
                    : BenchSet.write(gen, list, seed, count, out, java.lang.Runtime.getRuntime().availableProcessors());
        } catch (IOException | UncheckedIOException e) {
            throw new RunFailure("esimerkkejä ei voi kirjoittaa / kan inte skriva exemplen / cannot write the samples: "
                    + out + " (" + e.getMessage() + ")", e);
        }
        double s = (System.nanoTime() - start) / 1e9;
        spec.commandLine().getErr().printf(Locale.ROOT, "%d files -> %s (%.1f s)%n", files.size(), out, s);
        return ExitCode.OK.code();
    }
}
