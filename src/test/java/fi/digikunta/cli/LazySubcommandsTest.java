package fi.digikunta.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.ResourceBundle;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** A command line built with only the invoked subcommand says and parses what the whole tree does. */
class LazySubcommandsTest {

    @Test
    void eachSubcommandAloneHasTheSameHelpAsInTheWholeTree() {
        for (String lang : List.of("fi", "sv", "en")) {
            ResourceBundle bundle = Main.helpBundle("--lang", lang);
            CommandLine all = Main.commandLine(bundle, null);
            assertEquals(Main.subcommandNames(), all.getSubcommands().keySet());
            for (String name : Main.subcommandNames()) {
                if (name.equals("generate-completion")) {
                    continue;
                }
                CommandLine one = Main.commandLine(bundle, name);
                assertEquals(Set.of(name), one.getSubcommands().keySet(), name);
                // The name in the table is the one the class declares (picocli would use it otherwise).
                assertEquals(name, one.getSubcommands().get(name).getCommandSpec().userObject().getClass()
                        .getAnnotation(CommandLine.Command.class).name());
                assertEquals(all.getSubcommands().get(name).getUsageMessage(), one.getSubcommands().get(name)
                        .getUsageMessage(), lang + " " + name);
            }
        }
    }

    @Test
    void anythingElseGetsEverySubcommand() {
        ResourceBundle bundle = Main.helpBundle();
        for (String first : new String[] {null, "--help", "-V", "rnu", "generate-completion", "samples/inbox"}) {
            assertEquals(Main.subcommandNames(), Main.commandLine(bundle, first).getSubcommands().keySet(), first);
        }
    }

    @Test
    void aMistypedSubcommandIsStillSuggested() {
        CliTestSupport.Result r = CliTestSupport.run("rnu", "x");
        r.expectExit(2);
        assertEquals(true, r.err().contains("run"), r.err());
    }
}
