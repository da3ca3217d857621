package fi.digikunta.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What an operator sees on stderr (issue 18): usage errors as two lines in the chosen language, the
 * run summary, --quiet, an empty inbox, an empty --out folder; and the exit codes with them.
 */
class CliHabitsTest {
    private static final Path SAMPLES = Path.of("samples/inbox");

    /** A small inbox: one accepted return and one rejected file (a run over it takes a second). */
    private static Path inbox(Path tmp) throws Exception {
        Path in = Files.createDirectories(tmp.resolve("inbox"));
        for (String f : List.of("020-akaa.xlsx", "broken-not-a-workbook.xlsx")) {
            Files.copy(SAMPLES.resolve(f), in.resolve(f));
        }
        return in;
    }

    private static List<String> lines(String s) {
        return s.lines().toList();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "run samples/inbox --outt x|fi|digikunta: tuntematon valitsin --outt (tarkoititko --out?)"
            + "|katso `digikunta run --help`",
        "run samples/inbox --outt x|sv|digikunta: okänd flagga --outt (menade du --out?)|se `digikunta run --help`",
        "run samples/inbox --outt x|en|digikunta: unknown option --outt (did you mean --out?)"
            + "|see `digikunta run --help`",
        "rnu|fi|digikunta: tuntematon alikomento tai ylimääräinen argumentti rnu (tarkoititko run?)"
            + "|katso `digikunta --help`",
        "rnu|sv|digikunta: okänt underkommando eller överflödigt argument rnu (menade du run?)|se `digikunta --help`",
        "rnu|en|digikunta: unknown subcommand or extra argument rnu (did you mean run?)|see `digikunta --help`"})
    void aMistypedOptionOrSubcommandIsOneLineWithTheSuggestionThenWhereTheHelpIs(String line, String lang,
            String problem, String help) {
        List<String> args = new java.util.ArrayList<>(List.of(line.split(" ")));
        args.addAll(List.of("--lang", lang));
        var r = CliTestSupport.run(args.toArray(String[]::new)).expectExit(2);
        assertEquals(List.of(problem, help), lines(r.err()));
        assertEquals("", r.out());
    }

    @Test
    void usageErrorsAreTwoLinesInOneLanguageWithoutTheHelpOrJavaNames() {
        assertEquals(List.of("digikunta: Polkua ei ole: /ei/ole", "katso `digikunta run --help`"),
                lines(CliTestSupport.run("run", "/ei/ole", "--out", "x").expectExit(2).err()));
        assertEquals(List.of("digikunta: --lang de: valitse fi|sv|en", "katso `digikunta run --help`"),
                lines(CliTestSupport.run("run", SAMPLES.toString(), "--lang", "de").expectExit(2).err()));
        assertEquals(List.of("digikunta: okänd flagga --bogus", "se `digikunta run --help`"),
                lines(CliTestSupport.run("run", "--bogus", "--lang", "sv").expectExit(2).err()),
                "the unknown option, not the INBOX picocli then misses");
        assertEquals(List.of("digikunta: --threads x: not valid, give N", "see `digikunta run --help`"),
                lines(CliTestSupport.run("run", SAMPLES.toString(), "--threads", "x", "--lang", "en").expectExit(2)
                        .err()));
        assertEquals(List.of("digikunta: --out is given twice", "see `digikunta run --help`"),
                lines(CliTestSupport.run("run", SAMPLES.toString(), "--out", "a", "--out", "b", "--lang", "en")
                        .expectExit(2).err()));
        // With only --table nothing is archived or kept: asking for it is a mistake.
        for (String[] opt : List.of(new String[] {"--archive", "a"}, new String[] {"--keep-history", "3"})) {
            assertEquals(List.of("digikunta: " + opt[0] + " needs --out DIR: with only --table the table is printed and "
                    + "nothing is moved or kept", "see `digikunta run --help`"),
                    lines(CliTestSupport.run("run", SAMPLES.toString(), "--table", "areas", opt[0], opt[1], "--lang",
                            "en").expectExit(2).err()));
        }
        // The archive's problems were written in all three languages, the option named twice.
        assertEquals(List.of("digikunta: --archive pom.xml: is not a folder", "see `digikunta run --help`"),
                lines(CliTestSupport.run("run", SAMPLES.toString(), "--out", "x", "--archive", "pom.xml", "--lang",
                        "en").expectExit(2).err()));
        assertEquals(List.of("digikunta: --archive samples/inbox/a: får inte ligga i inkorgen eller innehålla den: "
                + "samples/inbox", "se `digikunta run --help`"),
                lines(CliTestSupport.run("run", SAMPLES.toString(), "--out", "x", "--archive", "samples/inbox/a",
                        "--lang", "sv").expectExit(2).err()));
    }

    @Test
    void templateHelpOffersOnlyTheLanguagesTemplateTakes() {
        String help = CliTestSupport.run("template", "--help", "--lang", "en").expectExit(0).out();
        assertTrue(help.contains("--lang=fi|sv"), help);
        assertFalse(help.contains("fi|sv|en"), help);
        assertEquals(List.of("digikunta: --lang en: the workbook is in Finnish or Swedish (fi, sv)",
                "see `digikunta template --help`"),
                lines(CliTestSupport.run("template", "--lang", "en", "--out", "x.xlsx").expectExit(2).err()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "fi|Tiedostoja 2 – Hyväksytty varoituksin: 1; Hylätty: 1|Laskennassa 1 kuntaa viiteluettelon 308 kunnasta"
            + "|Lopetuskoodi 1: hylättyjä tiedostoja 1, tiedostoja, joissa havaintoja tasolla --fail-on error: 0"
            + "|Valmis (",
        "sv|Filer 2 – Godkänd med varningar: 1; Avvisad: 1|I beräkningen 1 kommuner av referenslistans 308"
            + "|Slutkod 1: avvisade filer 1, filer med iakttagelser på nivån --fail-on error: 0|Klart (",
        "en|Files 2 – Accepted with warnings: 1; Rejected: 1|Counted 1 municipalities of the 308 on the reference list"
            + "|Exit code 1: rejected files 1, files with findings at --fail-on error: 0|Done ("})
    void runEndsWithTheSummaryAndQuietKeepsWhatCronShouldMail(String lang, String files, String counted,
            String exit, String done, @TempDir Path tmp) throws Exception {
        Path in = inbox(tmp);
        Path out = tmp.resolve("out");
        var r = CliTestSupport.run("run", in.toString(), "--out", out.toString(), "--settle", "0s", "--lang", lang)
                .expectExit(1);
        List<String> err = lines(r.err());
        assertEquals(6, err.size(), r.err());
        assertTrue(err.get(0).startsWith("020-akaa.xlsx: "), r.err());
        assertTrue(err.get(1).startsWith("broken-not-a-workbook.xlsx: "), r.err());
        assertEquals(List.of(files, counted, exit), err.subList(2, 5));
        assertTrue(err.get(5).startsWith(done) && err.get(5).endsWith(" " + out.resolve("report.html")), err.get(5));

        var quiet = CliTestSupport.run("run", in.toString(), "--out", out.toString(), "--settle", "0s", "--lang",
                lang, "--quiet").expectExit(1);
        List<String> q = lines(quiet.err());
        assertEquals(5, q.size(), "the rejected file and the summary:\n" + quiet.err());
        assertTrue(q.get(0).startsWith("broken-not-a-workbook.xlsx: "), quiet.err());
        assertEquals(List.of(files, counted, exit), q.subList(1, 4));

        var fine = CliTestSupport.run("run", in.toString(), "--out", out.toString(), "--settle", "0s", "--lang",
                lang, "--quiet", "--fail-on", "never").expectExit(0);
        assertEquals("", fine.err(), "--quiet and exit 0: nothing");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "fi|Ei yhtään palautusta (|); valmis (|--out|oli tyhjä kansio: se korvattiin linkillä raporttikansioon",
        "sv|Inga returer (|); klart (|--out|var en tom mapp: den ersattes med en länk till rapportmappen",
        "en|No returns (|); done (|--out|was an empty folder: it was replaced by a link to the report folder"})
    void anEmptyInboxIsOneLineAndAnEmptyOutFolderIsExplained(String lang, String start, String middle, String out0,
            String replaced, @TempDir Path tmp) throws Exception {
        Path in = Files.createDirectories(tmp.resolve("empty"));
        Path out = Files.createDirectories(tmp.resolve("out"));
        var r = CliTestSupport.run("run", in.toString(), "--out", out.toString(), "--settle", "0s", "--lang", lang)
                .expectExit(0);
        List<String> err = lines(r.err());
        assertEquals(2, err.size(), r.err());
        assertTrue(err.get(0).startsWith(start + in + middle), err.get(0));
        assertTrue(err.get(0).endsWith(" " + out.resolve("report.html")), err.get(0));
        assertTrue(err.get(1).startsWith(out0 + " " + out + " " + replaced + " " + out.resolveSibling("out.d").resolve("1")),
                err.get(1));
        assertTrue(Files.isSymbolicLink(out));

        var again = CliTestSupport.run("run", in.toString(), "--out", out.toString(), "--settle", "0s", "--lang",
                lang).expectExit(0);
        assertEquals(1, lines(again.err()).size(), "a link already: no word about replacing:\n" + again.err());
    }

    @Test
    void aPipelineThatOnlyWantsTheTableGetsExitZeroWithFailOnNever(@TempDir Path tmp) throws Exception {
        Path in = inbox(tmp);
        var table = CliTestSupport.run("run", in.toString(), "--table", "files", "--settle", "0s", "--quiet",
                "--fail-on", "never").expectExit(0);
        assertTrue(table.out().startsWith("file,outcome,outcome_text,municipality_code"), table.out());
        assertEquals("", table.err());
        var strict = CliTestSupport.run("run", in.toString(), "--table", "files", "--settle", "0s")
                .expectExit(1);
        assertEquals(table.out(), strict.out(), "the same table either way");
        assertTrue(strict.err().contains("Valmis (")
                && strict.err().contains("taulukko tulostettiin, raporttikansiota ei kirjoitettu"),
                strict.err());
    }
}
