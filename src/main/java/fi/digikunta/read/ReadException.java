package fi.digikunta.read;

import fi.digikunta.findings.FindingTexts;

/**
 * Why a file cannot be read, thrown inside the reader and turned into {@link ReadOutcome.Unreadable}
 * at its edge; never escapes {@link WorkbookReader#read}.
 *
 * @param code a {@link ReadCodes} code
 * @param variant the message variant (null for the code's main message)
 * @param args language-neutral message arguments (part names, figures)
 */
final class ReadException extends Exception {
    private static final long serialVersionUID = 1L;

    final String code;
    final String variant;
    final transient Object[] args;

    ReadException(String code, String variant, Object... args) {
        super(code + (variant == null ? "" : "." + variant), null, false, false);
        this.code = code;
        this.variant = variant;
        this.args = args.clone();
    }

    ReadOutcome.Unreadable toOutcome() {
        return new ReadOutcome.Unreadable(code, FindingTexts.format(code, variant, args));
    }
}
