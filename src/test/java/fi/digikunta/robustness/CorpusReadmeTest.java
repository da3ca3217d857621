package fi.digikunta.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fi.digikunta.robustness.RobustnessCorpus.Case;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * src/test/resources/robustness/README.md lists every file of the corpus with the outcome it must
 * get, exactly as {@link RobustnessCorpus} defines them; -Ddigikunta.updateDocs=true rewrites it.
 */
class CorpusReadmeTest {
    static final Path README = Path.of("src/test/resources/robustness/README.md");

    static String render() {
        StringBuilder b = new StringBuilder();
        b.append("# Robustness corpus\n\n");
        b.append("Every file below is written at test time by `fi.digikunta.robustness.RobustnessCorpus` (test\n");
        b.append("sources) into a temporary inbox; none is committed, since none has to be a real file (the\n");
        b.append("largest, a 200 MB file of zeros, is a sparse file). To look at them:\n\n");
        b.append("```\nmvn -B -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt\n");
        b.append("java -cp target/test-classes:target/classes:$(cat target/cp.txt) "
                + "fi.digikunta.robustness.RobustnessCorpus target/robustness/inbox\n```\n\n");
        b.append("`RobustnessCorpusTest` runs them as one batch in the test JVM, `RobustnessIT` through\n");
        b.append("`target/digikunta.jar run` with a 256 MB heap (docs/robustness.md). The three `valid-` files\n");
        b.append("must get the same results in the batch as alone. This table is checked by `CorpusReadmeTest`\n");
        b.append("(refresh: `mvn -B -o -q test -Dtest=CorpusReadmeTest -Ddigikunta.updateDocs=true`).\n\n");
        b.append("| file | what it is | outcome | reason or finding |\n|---|---|---|---|\n");
        for (Case c : RobustnessCorpus.cases()) {
            String why = c.code() != null ? "`" + c.code() + "`" : c.finding() != null ? "`" + c.finding() + "`" : "";
            b.append("| `").append(c.file().replace("|", "\\|")).append("` | ").append(c.what().replace("|", "\\|"))
                    .append(" | ").append(c.outcome().id()).append(" | ").append(why).append(" |\n");
        }
        return b.toString();
    }

    @Test
    void theReadmeListsEveryFileWithItsOutcome() throws IOException {
        String expected = render();
        if (Boolean.getBoolean("digikunta.updateDocs")) {
            Files.writeString(README, expected, StandardCharsets.UTF_8);
        }
        assertEquals(expected, Files.readString(README, StandardCharsets.UTF_8),
                "README.md is stale: mvn -B -o -q test -Dtest=CorpusReadmeTest -Ddigikunta.updateDocs=true");
    }
}
