package fi.digikunta.findings;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The finding catalogue: every code the tool gives, with its family, its level and (in
 * {@code /fi/digikunta/findings/Findings*.properties}) its title and message templates in Finnish,
 * Swedish and English. Codes are stable: reports, scripts and samples/README.md match on them.
 * docs/findings.md is generated from this enum (report/FindingsDoc).
 */
public enum FindingCode {
    FILE_EMPTY("file-empty", Family.FILE, Level.REJECT),
    FILE_TOO_LARGE("file-too-large", Family.FILE, Level.REJECT),
    FILE_UNREADABLE("file-unreadable", Family.FILE, Level.REJECT),
    NOT_A_WORKBOOK("not-a-workbook", Family.FILE, Level.REJECT),
    CORRUPT_ZIP("corrupt-zip", Family.FILE, Level.REJECT),
    CORRUPT_WORKBOOK("corrupt-workbook", Family.FILE, Level.REJECT),
    ENCRYPTED("encrypted", Family.FILE, Level.REJECT),
    ODS_FORMAT("ods-format", Family.FILE, Level.REJECT),
    XLS_UNREADABLE("xls-unreadable", Family.FILE, Level.REJECT),
    ZIP_BOMB("zip-bomb", Family.FILE, Level.REJECT),
    XML_DOCTYPE("xml-doctype", Family.FILE, Level.REJECT),
    READ_LIMIT("read-limit", Family.FILE, Level.REJECT),
    INTERNAL_ERROR("internal-error", Family.FILE, Level.REJECT),
    /** Given by the inbox, which never opens such an entry. */
    SYMLINK_OUTSIDE_INBOX("symlink-outside-inbox", Family.FILE, Level.REJECT),
    SYMLINK_BROKEN("symlink-broken", Family.FILE, Level.REJECT),

    IDENTIFICATION_MISSING("identification-missing", Family.IDENTIFICATION, Level.REJECT),
    UNKNOWN_MUNICIPALITY("unknown-municipality", Family.IDENTIFICATION, Level.REJECT),
    UNKNOWN_VERSION("unknown-version", Family.IDENTIFICATION, Level.REJECT),
    INVALID_DATE("invalid-date", Family.IDENTIFICATION, Level.ERROR),
    INVALID_ROUND("invalid-round", Family.IDENTIFICATION, Level.REJECT),
    ROUND_UNKNOWN("round-unknown", Family.IDENTIFICATION, Level.REJECT),
    NAME_MISMATCH("name-mismatch", Family.IDENTIFICATION, Level.WARNING),

    AREA_TAB_MISSING("area-tab-missing", Family.TAB, Level.REJECT),
    HEADER_NOT_FOUND("header-not-found", Family.TAB, Level.REJECT),
    REQUIRED_COLUMN_MISSING("required-column-missing", Family.TAB, Level.REJECT),
    EXTRA_TAB("extra-tab", Family.TAB, Level.WARNING),
    DUPLICATE_TAB("duplicate-tab", Family.TAB, Level.WARNING),
    OPTIONAL_COLUMN_MISSING("optional-column-missing", Family.TAB, Level.WARNING),
    DUPLICATE_COLUMN("duplicate-column", Family.TAB, Level.WARNING),
    SERVICE_MISSING("service-missing", Family.TAB, Level.WARNING),

    DUPLICATE_ID("duplicate-id", Family.ROW, Level.ERROR),
    WRONG_AREA_ID("wrong-area-id", Family.ROW, Level.ERROR),
    UNKNOWN_ID("unknown-id", Family.ROW, Level.WARNING),
    IN_USE_NO_STAGES("in-use-no-stages", Family.ROW, Level.WARNING),
    STAGES_WITHOUT_STATUS("stages-without-status", Family.ROW, Level.WARNING),
    SAVINGS_PARTIAL("savings-partial", Family.ROW, Level.WARNING),
    ROW_WITHOUT_SERVICE("row-without-service", Family.ROW, Level.WARNING),

    INVALID_STATUS("invalid-status", Family.CELL, Level.ERROR),
    INVALID_STAGE("invalid-stage", Family.CELL, Level.ERROR),
    NUMBER_OUT_OF_RANGE("number-out-of-range", Family.CELL, Level.ERROR),
    NOT_A_NUMBER("not-a-number", Family.CELL, Level.ERROR),
    NUMBER_AS_TEXT("number-as-text", Family.CELL, Level.WARNING),
    FORMULA_NO_CACHED_VALUE("formula-no-cached-value", Family.CELL, Level.WARNING),
    TEXT_TRUNCATED("text-truncated", Family.CELL, Level.WARNING),

    FINDINGS_CAPPED("findings-capped", Family.FILE, Level.WARNING),
    SUPERSEDED("superseded", Family.OUTCOME, Level.REASON);

    /** Where a finding points: what its sheet and cell are filled with. */
    public enum Family {
        /** The whole file: no sheet, no cell. */
        FILE,
        /** The identification block: the summary tab and the value cell (or no cell when missing). */
        IDENTIFICATION,
        /** A whole tab, or its header row: the tab, and a header cell where there is one. */
        TAB,
        /** One service row: the tab and the row's first relevant cell. */
        ROW,
        /** One cell: the tab and the cell. */
        CELL,
        /** Not a finding: the reason of an outcome (superseded). */
        OUTCOME;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What a finding of this code does to its file. */
    public enum Level {
        /** The file is rejected; the finding's severity is error and the code is the file's reason. */
        REJECT,
        /** An error on a cell or row: the affected value or row is left out of the figures. */
        ERROR,
        /** A warning: the file counts, the value was read (or blank is assumed) as the message says. */
        WARNING,
        /** Only ever the reason of an outcome. */
        REASON;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final Map<String, FindingCode> BY_CODE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(FindingCode::code, Function.identity()));

    private final String code;
    private final Family family;
    private final Level level;

    FindingCode(String code, Family family, Level level) {
        this.code = code;
        this.family = family;
        this.level = level;
    }

    public String code() {
        return code;
    }

    public Family family() {
        return family;
    }

    public Level level() {
        return level;
    }

    /** The severity a finding of this code carries; a rejection is an error. */
    public Severity severity() {
        return level == Level.WARNING ? Severity.WARNING : Severity.ERROR;
    }

    public boolean rejects() {
        return level == Level.REJECT;
    }

    public static Optional<FindingCode> of(String code) {
        return Optional.ofNullable(BY_CODE.get(code));
    }

    /** The message in three languages; {@code args} fill {0}..{9}. */
    public Message message(Object... args) {
        return FindingTexts.format(code, null, args);
    }

    /** The message of a variant (e.g. "key" of identification-missing), or the main one when absent. */
    public Message variant(String variant, Object... args) {
        return FindingTexts.format(code, variant, args);
    }

    /** A finding about the whole file. */
    public Finding inFile(Object... args) {
        return new Finding(this, severity(), null, null, message(args));
    }

    /** A finding about the whole file whose message was made elsewhere (e.g. by the reader or the inbox). */
    public Finding inFile(Message message) {
        return new Finding(this, severity(), null, null, message);
    }

    /** A finding about a tab (no cell). */
    public Finding inSheet(String sheet, Object... args) {
        return new Finding(this, severity(), sheet, null, message(args));
    }

    /** A finding on a cell in A1 notation. */
    public Finding at(String sheet, String cell, Object... args) {
        return new Finding(this, severity(), sheet, cell, message(args));
    }

    /** A finding with a message variant. */
    public Finding atVariant(String sheet, String cell, String variant, Object... args) {
        return new Finding(this, severity(), sheet, cell, variant(variant, args));
    }
}
