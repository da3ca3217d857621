package fi.digikunta.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import fi.digikunta.findings.Finding;
import fi.digikunta.model.Outcome;
import fi.digikunta.read.StaxWorkbookReader;
import fi.digikunta.reference.MunicipalityList;
import fi.digikunta.schema.SchemaRegistry;
import fi.digikunta.testing.Fixtures;
import fi.digikunta.testing.Fixtures.Expected;
import fi.digikunta.testing.Fixtures.Fixture;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import fi.digikunta.findings.FindingCode;

/** Every row of the spec's problem table: the fixture's outcome and its exact (code, tab, cell) findings. */
class ProblemTableTest {
    static final Validator VALIDATOR = new Validator(SchemaRegistry.load(), MunicipalityList.builtIn());
    static final StaxWorkbookReader READER = new StaxWorkbookReader();

    static List<Fixture> fixtures() {
        return Fixtures.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void outcomeAndFindings(Fixture f) {
        // The fixtures are v1 forms; their inbox's round is given, as a coordinator does with --round, so
        // that a bad fill date is the date's own finding (a round that cannot be decided is RoundsTest's).
        Validated v = VALIDATOR.validate(READER.read(f.bytes().get(), f.name() + ".xlsx"), 2025);
        List<Expected> got = v.findings().stream().map(x -> new Expected(x.id(), x.sheet(), x.cell())).toList();
        assertEquals(f.findings(), got, () -> f.problem() + ": " + v.findings());
        assertEquals(f.outcome(), v.outcome(), f.problem());
        for (Finding x : v.findings()) {
            FindingCode code = x.code();
            assertEquals(code.severity(), x.severity(), x.id());
            assertFalse(x.message().fi().isBlank() || x.message().sv().isBlank() || x.message().en().isBlank());
            assertFalse(x.message().fi().contains("{") || x.message().en().contains("{"), x.message().fi());
        }
        if (f.outcome() == Outcome.REJECTED) {
            assertNull(v.ret());
            assertEquals(f.findings().get(0).code(), v.reasonCode());
            assertEquals(v.findings().get(0).message(), v.reason());
        } else {
            assertNotNull(v.ret());
            assertEquals("091", v.ret().identification().code());
            assertNull(v.reason());
        }
    }
}
