package fi.digikunta.inbox;

import fi.digikunta.findings.Texts;
import java.nio.file.Path;

/**
 * An inbox path given on the command line does not exist. The command turns this into a usage
 * error (exit 2); it should check first with {@link InboxScanner#missing}.
 */
public class InboxPathException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final transient Path path;

    public InboxPathException(Path path) {
        super(Words.allLanguages(Texts.message("inbox.no_such_path")) + ": " + path);
        this.path = path;
    }

    public Path path() {
        return path;
    }
}
