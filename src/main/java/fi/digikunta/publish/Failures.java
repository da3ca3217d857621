package fi.digikunta.publish;

import fi.digikunta.findings.Message;
import fi.digikunta.findings.Texts;
import fi.digikunta.model.RunFailure;
import fi.digikunta.schema.Lang;
import java.nio.file.Path;

/**
 * The run failures of publishing, worded in {@code texts/publish}. Paths and errors go into the
 * text whole: Texts cleans and cuts its arguments as it does workbook text.
 */
final class Failures {
    private Failures() {
    }

    /** A failure about a path ({0} of the text). */
    static RunFailure about(Lang lang, String key, Path path) {
        return new RunFailure(Texts.get(lang, key, Message.verbatim(path)));
    }

    /** A failure about a path ({0}) with the error that caused it ({1}). */
    static RunFailure about(Lang lang, String key, Path path, Exception cause) {
        return new RunFailure(Texts.get(lang, key, Message.verbatim(path), Message.verbatim(reason(lang, cause))), cause);
    }

    /** The cause in words, without its Java class name (which --verbose shows with the stack trace). */
    static String reason(Lang lang, Exception cause) {
        String key = switch (cause.getClass().getSimpleName()) {
            case "AccessDeniedException" -> "publish.permission_denied";
            case "NoSuchFileException" -> "publish.no_such_file";
            default -> null;
        };
        String msg = cause.getMessage() == null ? "" : cause.getMessage();
        return key == null ? msg : Texts.get(lang, key) + ": " + msg;
    }
}
