package fi.digikunta.read;

import fi.digikunta.findings.FindingCode;

/**
 * Why a file cannot be read, thrown inside the reader and turned into {@link ReadOutcome.Unreadable}
 * at its edge; never escapes {@link WorkbookReader#read}.
 *
 * @param code the rejecting finding code
 * @param variant the message variant (null for the code's main message)
 * @param args language-neutral message arguments (part names, figures)
 */
final class ReadException extends Exception {
    private static final long serialVersionUID = 1L;

    final FindingCode code;
    final String variant;
    final transient Object[] args;

    ReadException(FindingCode code, String variant, Object... args) {
        super(code.code() + (variant == null ? "" : "." + variant), null, false, false);
        this.code = code;
        this.variant = variant;
        this.args = args.clone();
    }

    ReadOutcome.Unreadable toOutcome() {
        return new ReadOutcome.Unreadable(code, variant, code.variant(variant, args));
    }
}
